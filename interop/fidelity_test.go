package interop

import (
	"bytes"
	"encoding/json"
	"math/big"
	"strings"
	"testing"

	"github.com/negsim/negsim/internal/scenariotest"
	"github.com/negsim/negsim/sim"
)

// A teacher's scenario as negsim writes them: issue "split" has seven options on a scale,
// valued by distance from an ideal, so its values are thirds and sixths that no decimal of
// 15 digits holds; three issues of equal weight give each a third of the weight.
func thirdsScenario() *sim.Scenario {
	split := sim.Issue{ID: "split", Name: "split"}
	for _, id := range []string{"s0", "s1", "s2", "s3", "s4", "s5", "s6"} {
		split.Options = append(split.Options, sim.Option{ID: id})
	}
	two := func(id string) sim.Issue {
		return sim.Issue{ID: id, Name: id, Options: []sim.Option{{ID: "no"}, {ID: "yes"}}}
	}
	sc := &sim.Scenario{Name: "thirds", Issues: []sim.Issue{split, two("aid"), two("pact")}}
	a := sim.NewActor("east", "East")
	a.Reservation = 0.4
	a.ReservationDrift = -0.01
	a.Preferences = []sim.Preference{
		{Issue: "split", Weight: 1, Ideal: "s0"},
		{Issue: "aid", Weight: 1, Utilities: map[string]float64{"no": 0, "yes": 1}},
		{Issue: "pact", Weight: 1, Utilities: map[string]float64{"no": 1, "yes": 0}},
	}
	b := sim.NewActor("west", "West")
	b.Preferences = []sim.Preference{
		{Issue: "split", Weight: 1, Ideal: "s6"},
		{Issue: "aid", Weight: 1, Utilities: map[string]float64{"no": 1, "yes": 0}},
		{Issue: "pact", Weight: 1, Utilities: map[string]float64{"no": 0, "yes": 1}},
	}
	sc.Actors = []sim.Actor{a, b}
	sc.Protocol.Rounds = 8
	return sc
}

// GeniusWeb's LinearAdditiveUtilitySpace refuses a profile whose issueWeights do not sum
// to exactly 1, added as decimals ("The sum of the weights ... must be 1"). Three equal
// weights written as the float 1/3, 0.3333333333333333, sum to 0.9999999999999999.
func TestGeniusWebWeightsSumToExactlyOne(t *testing.T) {
	files, _, err := WriteGeniusWeb(scenariotest.Compile(t, thirdsScenario()))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files[1:] {
		var doc struct {
			Space struct {
				IssueWeights map[string]json.Number `json:"issueWeights"`
			} `json:"LinearAdditiveUtilitySpace"`
		}
		dec := json.NewDecoder(bytes.NewReader(f.Data))
		dec.UseNumber()
		if err := dec.Decode(&doc); err != nil {
			t.Fatal(err)
		}
		sum := new(big.Rat)
		for issue, w := range doc.Space.IssueWeights {
			x, ok := new(big.Rat).SetString(string(w))
			if !ok {
				t.Fatalf("%s: weight of %s is %q", f.Name, issue, w)
			}
			sum.Add(sum, x)
		}
		if sum.Cmp(big.NewRat(1, 1)) != 0 {
			t.Errorf("%s: issueWeights %v sum to %s, not 1", f.Name, doc.Space.IssueWeights, sum.FloatString(20))
		}
	}
}

// What GENIUS files can hold comes back to the last bit: the values of "split" to East are
// 1 − d/6 for d = 0..6 (MODEL.md §1, linear shape, the ideal at one end), which GENIUS's
// reading gives back unchanged since the best is 1.
func TestGeniusRoundTripKeepsEveryBit(t *testing.T) {
	sc := thirdsScenario()
	files, _, err := WriteGenius(scenariotest.Compile(t, sc))
	if err != nil {
		t.Fatal(err)
	}
	back, err := ReadGenius(files[0], files[1:], GeniusOptions{Rounds: 8})
	if err != nil {
		t.Fatal(err)
	}
	east := back.Actors[0].Preference("split")
	for d := 0; d <= 6; d++ {
		want := 1 - float64(d)/6 // 1, 0.8333333333333334, 0.6666666666666667, 0.5, 0.33333333333333337, 0.16666666666666663, 0
		if got := east.Utilities[back.Issues[0].Options[d].ID]; got != want {
			t.Errorf("split option %d: %v after the trip, want %v", d, got, want)
		}
	}
	// The drift over 8 rounds: 0.4 falls by 0.01 a round to 0.33 at round 7; the discount
	// factor written is 0.33/0.4 = 0.825, and read over the same 8 rounds it is −0.01 again.
	if got := back.Actors[0].ReservationDrift; got < -0.01-1e-15 || got > -0.01+1e-15 {
		t.Errorf("drift %v after the trip over 8 rounds, want −0.01", got)
	}
}

// GENIUS profiles hold no deadline: the discount factor is the reservation's fall over
// the scenario's rounds, so an export of a scenario whose deadline is not the 20 rounds an
// import assumes says so, with the rounds to give back.
func TestGeniusExportNamesTheDeadlineItCannotWrite(t *testing.T) {
	_, warn, err := WriteGenius(scenariotest.Compile(t, thirdsScenario()))
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range warn {
		if w.Path == "protocol.rounds" {
			// East's 0.4 − 7·0.01 = 0.33 at round 7 is the factor 0.825; spread over 20 rounds
			// that would be (0.33 − 0.4)/19 = −0.0036842… a round.
			for _, part := range []string{"8 rounds", "--rounds 8", "-0.00368421"} {
				if !strings.Contains(w.Message, part) {
					t.Errorf("the warning %q does not say %q", w.Message, part)
				}
			}
			return
		}
	}
	t.Errorf("no warning at protocol.rounds; got %v", warn)
}

// A domain whose values or issues make the same id ("Full size" and "full-size") is
// written back with the values it came with, not with the numbered ids negsim gave them.
func TestExportWritesCollidingNamesAsTheyCame(t *testing.T) {
	domain := `<negotiation_template><utility_space><objective index="0" name="root">
<issue index="1" name="Size" type="discrete"><item index="1" value="Full size"/><item index="2" value="full-size"/></issue>
<issue index="2" name="size" type="discrete"><item index="1" value="a"/><item index="2" value="b"/></issue>
</objective></utility_space></negotiation_template>`
	profile := `<utility_space><objective index="0" name="root">
<issue index="1" name="Size" type="discrete"><item value="Full size" evaluation="1"/><item value="full-size" evaluation="2"/></issue>
<issue index="2" name="size" type="discrete"><item value="a" evaluation="1"/><item value="b" evaluation="0"/></issue>
<weight index="1" value="0.5"/><weight index="2" value="0.5"/>
</objective></utility_space>`
	sc, err := ReadGenius(File{Name: "car.xml", Data: []byte(domain)}, []File{{Name: "p.xml", Data: []byte(profile)}}, GeniusOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if sc.Issues[1].ID != "size-2" || sc.Issues[0].Options[1].ID != "full-size-2" {
		t.Fatalf("ids %q, %q; the test expects the numbered ids size-2 and full-size-2", sc.Issues[1].ID, sc.Issues[0].Options[1].ID)
	}
	for _, write := range []func(*sim.Space) ([]File, sim.Diagnostics, error){WriteGenius, WriteGeniusWeb} {
		files, _, err := write(scenariotest.Compile(t, sc))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			text := string(f.Data)
			if strings.Contains(text, "full-size-2") || strings.Contains(text, "size-2") {
				t.Errorf("%s writes a numbered id instead of the name it came with:\n%s", f.Name, text)
			}
		}
	}
}
