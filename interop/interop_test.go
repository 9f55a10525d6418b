package interop

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/negsim/negsim/internal/scenariotest"
	"github.com/negsim/negsim/sim"
)

func TestSlug(t *testing.T) {
	cases := []struct{ in, want string }{
		{"Chips and Nuts", "chips-and-nuts"},
		{"Custom, Handmade", "custom-handmade"},
		{"Fifty_Fifty", "fifty_fifty"},
		{"0.6", "0_6"},
		{"-5", "minus-5"},
		{"5", "5"},
		{"  work from home ", "work-from-home"},
		{"—", ""},
		// Accents go, the letters stay: GENIUS domains from European courses name values
		// "Café" and "Crème brûlée", which read "caf" and "cr-me-br-l-e" before.
		{"Café", "cafe"},
		{"Crème brûlée", "creme-brulee"},
		{"Ärztekammer", "arztekammer"},
		// A letter with no plain form still breaks the id, as any other sign does.
		{"Straße", "stra-e"},
	}
	for _, c := range cases {
		if got := sim.Slug(c.in); got != c.want {
			t.Errorf("sim.Slug(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	// Names whose slugs collide, or are empty, still get distinct ids.
	got := ids([]string{"A b", "a-b", "—"}, "option")
	want := []string{"a-b", "a-b-2", "option-3"}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("ids: got %q, want %q", got, want)
			break
		}
	}
}

func TestDiscountDrift(t *testing.T) {
	// d = 0.25, r = 0.5, 20 rounds: the reservation ends at 0.5·0.25 = 0.125 at round 19,
	// so it drifts by (0.125 − 0.5)/19 = −0.375/19 per round.
	drift, note := discountDrift(0.25, 0.5, 20)
	if math.Abs(drift-(-0.375/19)) > 1e-15 || !strings.Contains(note, "0.125") {
		t.Errorf("discountDrift(0.25, 0.5, 20) = %v, %q; want −0.375/19 and a note naming 0.125", drift, note)
	}
	if d, ok := discountFromDrift(0.5, drift, 20); !ok || math.Abs(d-0.25) > 1e-12 {
		t.Errorf("discountFromDrift inverts to %v, %v; want 0.25", d, ok)
	}
	// GENIUS treats 0 and 1 as no discount at all.
	for _, d := range []float64{0, 1} {
		if drift, note := discountDrift(d, 0.5, 20); drift != 0 || note != "" {
			t.Errorf("discount %g: drift %v, note %q; want none", d, drift, note)
		}
	}
}

const testDomain = `<negotiation_template>
<utility_space number_of_issues="3">
<objective index="0" name="root" type="objective">
  <issue index="1" name="Colour" type="discrete">
    <item index="1" value="red"/><item index="2" value="green"/><item index="3" value="blue"/>
  </issue>
  <issue index="2" name="Size" type="integer" lowerbound="1" upperbound="3"/>
  <issue index="3" name="Price" type="real"><range lowerbound="0" upperbound="10"/></issue>
</objective>
</utility_space>
</negotiation_template>`

const testProfileA = `<utility_space>
<objective index="0" name="root" type="objective">
  <issue index="1" name="Colour" type="discrete">
    <item value="red" evaluation="2"/><item value="green" evaluation="4"/><item value="blue" evaluation="8"/>
  </issue>
  <issue index="2" name="Size" type="integer" lowerbound="1" upperbound="3"><evaluator ftype="linear" slope="0.5" offset="0"/></issue>
  <issue index="3" name="Price" type="real"><range lowerbound="0" upperbound="10"/><evaluator ftype="linear" parameter0="1" parameter1="-0.1"/></issue>
  <weight index="1" value="0.5"/><weight index="2" value="0.3"/><weight index="3" value="0.2"/>
</objective>
<discount_factor value="0.5"/>
<reservation value="0.4"/>
</utility_space>`

const testProfileB = `<utility_space>
<objective index="0" name="root" type="objective">
  <weight index="1" value="1"/><weight index="2" value="1"/><weight index="3" value="2"/>
  <issue index="1" name="Colour" type="discrete">
    <item value="red" evaluation="10"/><item value="green" evaluation="5"/><item value="blue" evaluation="0"/>
  </issue>
  <issue index="2" name="Size" type="integer" lowerbound="1" upperbound="3"><evaluator slope="0" offset="1"/></issue>
  <issue index="3" name="Price" type="real"><evaluator ftype="constant" parameter0="0.5"/></issue>
</objective>
</utility_space>`

func readTest(t *testing.T, scale string, profiles ...string) *sim.Scenario {
	t.Helper()
	var ps []File
	for i, p := range profiles {
		ps = append(ps, File{Name: []string{"a.xml", "b.xml"}[i], Data: []byte(p)})
	}
	sc, err := ReadGenius(File{Name: "shop.xml", Data: []byte(testDomain)}, ps, GeniusOptions{Scale: scale, RealSteps: 3, Rounds: 5})
	if err != nil {
		t.Fatal(err)
	}
	return sc
}

func utilities(sc *sim.Scenario, actor int, issue string) []float64 {
	a := &sc.Actors[actor]
	is := &sc.Issues[sc.IssueIndex(issue)]
	pr := a.Preference(issue)
	out := make([]float64, len(is.Options))
	for o := range is.Options {
		out[o] = pr.Utilities[is.Options[o].ID]
	}
	return out
}

func near(a, b []float64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if math.Abs(a[i]-b[i]) > 1e-12 {
			return false
		}
	}
	return true
}

func TestReadGeniusScaleGenius(t *testing.T) {
	sc := readTest(t, ScaleGenius, testProfileA, testProfileB)
	// Integer 1..3 gives 3 options; real 0..10 in 3 steps gives 0, 5, 10.
	if got := len(sc.Issues[1].Options); got != 3 || sc.Issues[2].Options[1].Label != "5" {
		t.Fatalf("issues: size has %d options, price's middle step %q; want 3 and \"5\"", got, sc.Issues[2].Options[1].Label)
	}
	if !strings.Contains(sc.Issues[2].Note, "real_steps: 3") {
		t.Errorf("the real issue's note does not state the step count: %q", sc.Issues[2].Note)
	}
	cases := []struct {
		actor int
		issue string
		want  []float64
	}{
		{0, "colour", []float64{2.0 / 8, 4.0 / 8, 1}}, // divided by the issue's best, 8
		{0, "size", []float64{0, 0.5, 1}},             // 0.5·(x − 1) for x = 1, 2, 3
		{0, "price", []float64{1, 0.5, 0}},            // 1 − 0.1·x at 0, 5, 10
		{1, "colour", []float64{1, 0.5, 0}},           // 10, 5, 0 over 10
		{1, "size", []float64{1, 1, 1}},               // slope 0, offset 1
		{1, "price", []float64{0.5, 0.5, 0.5}},        // constant 0.5
	}
	for _, c := range cases {
		if got := utilities(sc, c.actor, c.issue); !near(got, c.want) {
			t.Errorf("actor %d, %s: %v, want %v", c.actor, c.issue, got, c.want)
		}
	}
	a := sc.Actors[0]
	// Discount 0.5 over 5 rounds: 0.4 falls to 0.2 at round 4, by −0.2/4 = −0.05 a round.
	if a.Reservation != 0.4 || math.Abs(a.ReservationDrift-(-0.05)) > 1e-15 || sc.Protocol.Rounds != 5 {
		t.Errorf("reservation %v, drift %v, rounds %d; want 0.4, −0.05, 5", a.Reservation, a.ReservationDrift, sc.Protocol.Rounds)
	}
	if a.UtilityScale != 0 || !strings.Contains(sc.Description, "Scale: genius") {
		t.Errorf("genius scale: utility_scale %v, description %q", a.UtilityScale, sc.Description)
	}
}

func TestReadGeniusScaleRaw(t *testing.T) {
	sc := readTest(t, ScaleRaw, testProfileA, testProfileB)
	// The factor is the largest weight sum × evaluation: A 1.0·8, B 4·10, so 40.
	for _, a := range sc.Actors {
		if a.UtilityScale != 40 {
			t.Fatalf("actor %s: utility_scale %v, want 40", a.ID, a.UtilityScale)
		}
	}
	// A's values are evaluation × 1.0/40; B's × 4/40.
	if got := utilities(sc, 0, "colour"); !near(got, []float64{0.05, 0.1, 0.2}) {
		t.Errorf("A colour: %v, want 2/40, 4/40, 8/40", got)
	}
	if got := utilities(sc, 1, "colour"); !near(got, []float64{1, 0.5, 0}) {
		t.Errorf("B colour: %v, want 40/40, 20/40, 0", got)
	}
	// The raw reservation 0.4 becomes 0.4/40.
	if r := sc.Actors[0].Reservation; math.Abs(r-0.01) > 1e-15 {
		t.Errorf("A reservation %v, want 0.01", r)
	}
	// Blue, size 3, price 0 is worth 0.5·8 + 0.3·1 + 0.2·1 = 4.5 raw to A; negsim's
	// utility times the scale gives it back.
	sp := scenariotest.Compile(t, sc)
	if u := sp.Utility(0, []int{2, 2, 0}) * 40; math.Abs(u-4.5) > 1e-12 {
		t.Errorf("A's raw utility of (blue, 3, 0) = %v, want 4.5", u)
	}
}

func TestReadGeniusErrors(t *testing.T) {
	swap := func(old, new string) string { return strings.Replace(testProfileA, old, new, 1) }
	cases := []struct {
		name    string
		profile string
		scale   string
		want    []string
	}{
		{"issue renamed", swap(`name="Colour"`, `name="Color"`), "", []string{"a.xml:", `"Color" here but "Colour"`, "shop.xml"}},
		{"value not in the domain", swap(`value="red"`, `value="crimson"`), "", []string{"a.xml:4:", `"crimson"`, "shop.xml", `"red", "green", "blue"`}},
		{"weight missing", swap(`<weight index="3" value="0.2"/>`, ""), "", []string{"a.xml", `weight index="3"`, `"Price"`}},
		{"legacy price type", swap(`name="Price" type="real"`, `name="Price" type="price"`), "", []string{"a.xml:7:", `type "price"`, "discrete, integer and real"}},
		{"issue missing", swap(`<issue index="2" name="Size"`, `<issue index="9" name="Size"`), "", []string{"a.xml", "no issue 2", `"Size"`, "shop.xml"}},
		{"broken XML", swap(`</objective>`, `</objectiv>`), "", []string{"a.xml:9:", "not valid XML"}},
		{"negative evaluation", swap(`evaluation="2"`, `evaluation="-2"`), "", []string{"a.xml:4:", "-2"}},
		{"unknown scale", testProfileA, "negmas", []string{`"negmas"`, `"genius"`, `"raw"`}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := ReadGenius(File{Name: "shop.xml", Data: []byte(testDomain)}, []File{{Name: "a.xml", Data: []byte(c.profile)}}, GeniusOptions{Scale: c.scale})
			if err == nil {
				t.Fatal("no error")
			}
			for _, w := range c.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not mention %q", err, w)
				}
			}
		})
	}
}

const testWebProfile = `{"LinearAdditiveUtilitySpace": {
  "name": "buyer",
  "issueUtilities": {
    "n": {"NumberValueSetUtilities": {"lowValue": 0, "lowUtility": 0.2, "highValue": 2, "highUtility": 0.6}},
    "a": {"DiscreteValueSetUtilities": {"valueUtilities": {"x": 1, "y": 0}}}
  },
  "issueWeights": {"a": 0.6, "n": 0.4},
  "domain": {"name": "toy", "issuesValues": {"a": {"values": ["x", "y"]}, "n": {"range": {"low": 0, "high": 2, "step": 1}}}},
  "reservationBid": {"issuevalues": {"a": "y", "n": 2}}
}}`

func TestReadGeniusWeb(t *testing.T) {
	sc, err := ReadGeniusWeb([]File{{Name: "buyer.json", Data: []byte(testWebProfile)}})
	if err != nil {
		t.Fatal(err)
	}
	// Issue order is the domain's, a then n, whatever order the utilities come in.
	if sc.Issues[0].ID != "a" || sc.Issues[1].ID != "n" || sc.Name != "toy" {
		t.Fatalf("issues %q, %q in scenario %q; want a, n in toy", sc.Issues[0].ID, sc.Issues[1].ID, sc.Name)
	}
	// Linear from 0.2 at 0 to 0.6 at 2: 0.2, 0.4, 0.6.
	if got := utilities(sc, 0, "n"); !near(got, []float64{0.2, 0.4, 0.6}) {
		t.Errorf("n: %v, want 0.2, 0.4, 0.6", got)
	}
	// The reservation bid (y, 2) is worth 0.6·0 + 0.4·0.6 = 0.24.
	if r := sc.Actors[0].Reservation; math.Abs(r-0.24) > 1e-12 {
		t.Errorf("reservation %v, want 0.24", r)
	}
}

func TestReadGeniusWebErrors(t *testing.T) {
	other := strings.Replace(testWebProfile, `"values": ["x", "y"]`, `"values": ["x", "z"]`, 1)
	other = strings.Replace(other, `"y": 0`, `"z": 0`, 1)
	other = strings.Replace(other, `"a": "y"`, `"a": "z"`, 1)
	cases := []struct {
		name  string
		files []File
		want  []string
	}{
		{"domains differ", []File{{Name: "one.json", Data: []byte(testWebProfile)}, {Name: "two.json", Data: []byte(other)}}, []string{"two.json", "one.json", `"a"`, `"z"`}},
		{"utility for a value the domain lacks", []File{{Name: "one.json", Data: []byte(strings.Replace(testWebProfile, `"y": 0`, `"w": 0`, 1))}}, []string{"one.json", `"w"`}},
		{"weight missing", []File{{Name: "one.json", Data: []byte(strings.Replace(testWebProfile, `"a": 0.6, `, "", 1))}}, []string{"one.json", "no weight", `"a"`}},
		{"not a profile", []File{{Name: "one.json", Data: []byte(`{"SumOfGroupsUtilitySpace": {}}`)}}, []string{"one.json", "LinearAdditiveUtilitySpace", "SumOfGroupsUtilitySpace"}},
		{"not JSON", []File{{Name: "one.json", Data: []byte(`{`)}}, []string{"one.json", "not valid JSON"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := ReadGeniusWeb(c.files)
			if err == nil {
				t.Fatal("no error")
			}
			for _, w := range c.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not mention %q", err, w)
				}
			}
		})
	}
}

func TestExportWarnings(t *testing.T) {
	sc := readTest(t, ScaleGenius, testProfileA, testProfileB)
	a := &sc.Actors[0]
	a.Preferences[0].Acceptable = []string{"green", "blue"}
	a.Constraints = []sim.Constraint{{If: map[string][]string{"colour": {"blue"}}, Then: map[string][]string{"size": {"3"}}, Why: "blue only in large"}}
	sc.Actors[1].Veto = false
	sc.Actors[1].Power = 2
	// B values no price option at 1, so GENIUS's division by the issue's best would change it.
	for _, format := range []string{"genius", "geniusweb"} {
		write := WriteGenius
		if format == "geniusweb" {
			write = WriteGeniusWeb
		}
		sp := scenariotest.Compile(t, sc)
		files, warn, err := write(sp)
		if err != nil {
			t.Fatal(err)
		}
		if len(files) != 3 {
			t.Errorf("%s: %d files, want a domain and two profiles", format, len(files))
		}
		paths := map[string]bool{}
		for _, w := range warn {
			paths[w.Path] = true
		}
		a, b := "actors."+sc.Actors[0].ID, "actors."+sc.Actors[1].ID
		want := []string{a + ".preferences.colour.acceptable", a + ".constraints.0", b + ".veto", b + ".power"}
		if format == "genius" {
			want = append(want, b+".preferences")
		} else {
			want = append(want, a+".reservation_drift")
		}
		for _, p := range want {
			if !paths[p] {
				t.Errorf("%s: no warning at %s; got %v", format, p, warn)
			}
		}
	}
}

// A red line that lists every option limits nothing, so export loses nothing and says
// nothing of it; one option fewer is a limit it cannot write. The test domain's colour
// issue has the options red, green and blue.
func TestExportWarnsOnlyOfARedLineThatLimits(t *testing.T) {
	for _, c := range []struct {
		acceptable []string
		warned     bool
	}{{[]string{"red", "green", "blue"}, false}, {[]string{"green", "blue"}, true}} {
		sc := readTest(t, ScaleGenius, testProfileA, testProfileB)
		sc.Actors[0].Preferences[0].Acceptable = c.acceptable
		_, warn, err := WriteGenius(scenariotest.Compile(t, sc))
		if err != nil {
			t.Fatal(err)
		}
		path := "actors." + sc.Actors[0].ID + ".preferences.colour.acceptable"
		if got := slices.ContainsFunc(warn, func(d sim.Diagnostic) bool { return d.Path == path }); got != c.warned {
			t.Errorf("acceptable %v: warned %v, want %v (%v)", c.acceptable, got, c.warned, warn)
		}
	}
}

func TestReadGeniusEncodings(t *testing.T) {
	// An ISO-8859-1 file: é is the single byte 0xE9.
	latin := "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n" + strings.Replace(testDomain, `value="red"`, "value=\"ros\xe9\"", 1)
	profile := strings.Replace(testProfileA, `value="red"`, `value="rosé"`, 1)
	sc, err := ReadGenius(File{Name: "shop.xml", Data: []byte(latin)}, []File{{Name: "a.xml", Data: []byte("\xef\xbb\xbf" + profile)}}, GeniusOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if got := sc.Issues[0].Options[0].Label; got != "rosé" {
		t.Errorf("label %q, want rosé", got)
	}
}

// What export leaves out it names, in both formats, counted in words that agree with the
// count (one variant is, two events are): variants, events, and a mediated protocol and
// distributions, which were once dropped without a word.
func TestExportWarnsOfWhatItLeavesOut(t *testing.T) {
	sc := readTest(t, ScaleGenius, testProfileA, testProfileB)
	res := "actors." + sc.Actors[0].ID + ".reservation"
	sc.Variants = []sim.Variant{{ID: "v", Description: "lower", Set: []sim.Assignment{{Path: res, Value: 0.1}}}}
	sc.Events = []sim.Event{{Round: 1, Why: "one", Add: []sim.Assignment{{Path: res, Value: 0.01}}}, {Round: 2, Why: "two", Add: []sim.Assignment{{Path: res, Value: 0.01}}}}
	sc.Protocol = sim.Protocol{Kind: sim.ProtocolMediated, Mediator: sc.Actors[1].ID}
	sc.Uncertainty = []sim.Uncertain{{Path: res, Dist: sim.DistUniform, Min: 0.1, Max: 0.3}}
	sp := scenariotest.Compile(t, sc)
	want := map[string]string{
		"variants":    "1 variant is not written",
		"events":      "2 events are not written",
		"protocol":    fmt.Sprintf("the talks mediated by actor %q are not written", sc.Actors[1].ID),
		"uncertainty": "1 uncertain value is not written",
	}
	for name, msgs := range exportWarnings(t, sp) {
		for path, text := range want {
			if !strings.Contains(msgs[path], text) {
				t.Errorf("%s: %s: %q, want %q", name, path, msgs[path], text)
			}
		}
	}
}

// An issue's name, an option's label or an actor's name that the files cannot carry is
// named in a warning, counted: the test domain was imported, so its names made its ids and
// go back out as they came, and export says nothing of them; a name written by hand for
// the colour issue, a label for its red option and a name for the first actor are lost,
// one of each, and said so. A second label makes the count plural.
func TestExportNamesTheNamesItCannotCarry(t *testing.T) {
	for _, c := range []struct {
		name           string
		edit           func(sc *sim.Scenario)
		issues, actors string
	}{
		{"as imported", func(*sim.Scenario) {}, "", ""},
		{"one of each", func(sc *sim.Scenario) {
			sc.Issues[0].Name = "Colour of the car"
			sc.Issues[0].Options[0].Label = "Deep red"
			sc.Actors[0].Name = "Anna, the buyer"
		}, "the name of 1 issue and the label of 1 option are not written", "the name of 1 actor is not written"},
		{"two labels", func(sc *sim.Scenario) {
			sc.Issues[0].Options[0].Label = "Deep red"
			sc.Issues[0].Options[1].Label = "Bottle green"
		}, "the labels of 2 options are not written", ""},
	} {
		sc := readTest(t, ScaleGenius, testProfileA, testProfileB)
		c.edit(sc)
		sp := scenariotest.Compile(t, sc)
		for format, msgs := range exportWarnings(t, sp) {
			for path, want := range map[string]string{"issues": c.issues, "actors": c.actors} {
				if got := msgs[path]; want == "" && got != "" || !strings.HasSuffix(got, want) {
					t.Errorf("%s, %s: the warning at %s is %q, want one ending %q", c.name, format, path, got, want)
				}
			}
		}
	}
}

// exportWarnings exports a scenario in both formats and gives, per format, each warning's
// message by its path.
func exportWarnings(t *testing.T, sp *sim.Space) map[string]map[string]string {
	t.Helper()
	out := map[string]map[string]string{}
	for format, write := range map[string]func(*sim.Space) ([]File, sim.Diagnostics, error){"GENIUS": WriteGenius, "GeniusWeb": WriteGeniusWeb} {
		_, warn, err := write(sp)
		if err != nil {
			t.Fatal(err)
		}
		out[format] = map[string]string{}
		for _, w := range warn {
			out[format][w.Path] = w.Message
		}
	}
	return out
}
