package config

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/negsim/negsim/sim"
)

const valid = `name: Two parties
issues:
  - id: territory
    name: Territory
    options:
      - id: freeze
      - id: cede
actors:
  - id: ukraine
    name: Ukraine
    reservation: 0.3
    preferences:
      territory:
        weight: 100
        utilities: {freeze: 1, cede: 0}
        acceptable: [freeze]
  - id: russia
    name: Russia
    veto: false
    reservation: 0
    preferences:
      territory:
        weight: 100
        ideal: cede
`

func TestLoadValidScenario(t *testing.T) {
	doc, err := Load("ok.yaml", []byte(valid))
	if err != nil {
		t.Fatal(err)
	}
	sc := doc.Scenario
	if len(sc.Issues) != 1 || len(sc.Issues[0].Options) != 2 || len(sc.Actors) != 2 {
		t.Fatalf("decoded %+v", sc)
	}
	uk, ru := sc.Actors[0], sc.Actors[1]
	if !uk.Veto || uk.Power != 1 {
		t.Errorf("ukraine veto %v power %v: want the defaults true and 1", uk.Veto, uk.Power)
	}
	if ru.Veto {
		t.Errorf("russia veto = true, want the written false")
	}
	if p := uk.Preference("territory"); p == nil || p.Utilities["freeze"] != 1 || len(p.Acceptable) != 1 {
		t.Errorf("ukraine territory = %+v", p)
	}
	if got := doc.Locate("actors.russia.preferences.territory.ideal"); got.Line != 24 || got.Col != 9 {
		t.Errorf("ideal located at %+v, want line 24 col 9", got)
	}
}

// An option with nothing but its id may be its id alone: the scenario reads as the one
// that writes each as a mapping, and a short option is told apart from a bad one by the
// place of the bad one.
func TestOptionsWrittenAsTheirIDs(t *testing.T) {
	short := strings.Replace(valid, "      - id: freeze\n      - id: cede\n", "      [freeze, cede]\n", 1)
	short = strings.Replace(short, "    options:\n      [", "    options: [", 1)
	if short == valid {
		t.Fatal("the fixture's options are not written as expected")
	}
	long, err := Load("long.yaml", []byte(valid))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := Load("short.yaml", []byte(short))
	if err != nil {
		t.Fatalf("options: [freeze, cede]: %v", err)
	}
	if !reflect.DeepEqual(doc.Scenario, long.Scenario) {
		t.Errorf("options: [freeze, cede] reads as\n%+v\nwant\n%+v", doc.Scenario.Issues, long.Scenario.Issues)
	}
	_, err = Load("bad.yaml", []byte(strings.Replace(short, "[freeze, cede]", "[freeze, [cede]]", 1)))
	if err == nil || !strings.Contains(err.Error(), "bad.yaml:5:23: issues.territory.options.1.id") {
		t.Errorf("an option written as a list: %v; want an error at bad.yaml:5:23 naming issues.territory.options.1.id", err)
	}
}

// An actor the file gives only an id, a name, a reservation and preferences must read as
// sim.NewActor builds one, so that an importer or generator that starts from NewActor
// writes what a file would mean, and the defaults must be the documented ones.
func TestFileDefaultsAreNewActors(t *testing.T) {
	doc, err := Load("ok.yaml", []byte(valid))
	if err != nil {
		t.Fatal(err)
	}
	read := doc.Scenario.Actors[0] // ukraine: no veto, power or votes written
	want := sim.NewActor(read.ID, read.Name)
	if read.Veto != want.Veto || read.Power != want.Power || read.Votes != want.Votes {
		t.Errorf("the file's defaults: veto %v, power %v, votes %d; NewActor's: veto %v, power %v, votes %d",
			read.Veto, read.Power, read.Votes, want.Veto, want.Power, want.Votes)
	}
	// The documented defaults, from the schema reference: a veto, power 1, one vote.
	if !want.Veto || want.Power != 1 || want.Votes != 1 {
		t.Errorf("NewActor = %+v, want veto true, power 1, votes 1", want)
	}
}

func loadErrors(t *testing.T, src string) sim.Diagnostics {
	t.Helper()
	_, err := Load("s.yaml", []byte(src))
	var list sim.Diagnostics
	if !errors.As(err, &list) {
		t.Fatalf("err = %v, want an sim.Diagnostics", err)
	}
	if !errors.Is(err, sim.ErrBadInput) {
		t.Errorf("an sim.Diagnostics must count as bad input")
	}
	return list
}

// wantErrorsBeginning checks that list holds as many errors as want, in its order, each
// beginning as written there.
func wantErrorsBeginning(t *testing.T, list sim.Diagnostics, want ...string) {
	t.Helper()
	if len(list) != len(want) {
		t.Fatalf("got %d errors, want %d:\n%v", len(list), len(want), list)
	}
	for i, w := range want {
		if !strings.HasPrefix(list[i].String(), w) {
			t.Errorf("error %d:\n got %s\nwant %s…", i, list[i].String(), w)
		}
	}
}

func TestLoadReportsEveryProblemWithItsPlace(t *testing.T) {
	src := strings.NewReplacer(
		"        weight: 100\n        utilities: {freeze: 1, cede: 0}", "        wieght: 100\n        utilities: {freeze: 1.5, cede: 0}",
		"    preferences:\n      territory:\n        weight: 100\n        ideal: cede", "    preferences:\n      teritory:\n        weight: 100\n        ideal: cede",
	).Replace(valid)
	wantErrorsBeginning(t, loadErrors(t, src),
		`s.yaml:14:9: actors.ukraine.preferences.territory.wieght: unknown field "wieght"; did you mean "weight"?`,
		`s.yaml:15:21: actors.ukraine.preferences.territory.utilities.freeze: 1.5 is outside [0,1]`,
		`s.yaml:22:7: actors.russia.preferences.teritory: no issue "teritory"; did you mean "territory"?`,
	)
}

// A key written twice is one problem among the file's others: the parser used to stop at
// it, so a teacher who mended it met the next mistake only on the next run. The first value
// is the one read (as russia's reservation 0 below shows, which the second, 2, would have
// made a third error), and the mistakes above and below it are reported too.
func TestLoadKeyWrittenTwiceHidesNothingElse(t *testing.T) {
	src := strings.NewReplacer(
		"    reservation: 0\n", "    reservation: 0\n    reservation: 2\n",
		"        ideal: cede", "        ideal: ceed",
		"    reservation: 0.3\n", "    reservation: 1.3\n",
	).Replace(valid)
	wantErrorsBeginning(t, loadErrors(t, src),
		`s.yaml:11:5: actors.ukraine.reservation: 1.3 is outside [0,1]`,
		`s.yaml:21:5: actors.russia.reservation: "reservation" is written twice here, first on line 20; keep the one you mean and delete the other`,
		`s.yaml:25:9: actors.russia.preferences.territory.ideal: issue "territory" has no option "ceed"`,
	)
	if n := len(loadErrors(t, src)); n != 3 {
		t.Errorf("%d errors, want the three above", n)
	}
}

// A block written twice leaves open which copy the author means. Judged by the first copy
// (a faulty issues list naming only water), every preference of the second's territory was
// reported as "no issue \"territory\"", four errors about correct lines; with the faulty
// copy second, its own mistake (opts for options) was never reported. Each copy's own
// mistakes are reported beside the duplicate, and nothing that depends on which is meant.
func TestLoadBlockWrittenTwiceReportsEachCopysOwnMistakes(t *testing.T) {
	const faulty = "issues:\n  - id: water\n    name: Water\n    opts: [a, b]\n"
	first := strings.Replace(valid, "name: Two parties\n", "name: Two parties\n"+faulty, 1)
	wantErrorsBeginning(t, loadErrors(t, first),
		`s.yaml:5:5: issues.water.opts: unknown field "opts"; valid here:`,
		`s.yaml:6:1: issues: "issues" is written twice here, first on line 2; keep the one you mean and delete the other`,
	)
	second := valid + faulty
	wantErrorsBeginning(t, loadErrors(t, second),
		`s.yaml:25:1: issues: "issues" is written twice here, first on line 2; keep the one you mean and delete the other`,
		`s.yaml:28:5: issues.water.opts: unknown field "opts"; valid here:`,
	)
}

// A type error does not hide a problem of the entry that holds it: russia's weight is
// text, and it is written under a misspelt issue. Both are reported in one run; that the
// actor then weighs nothing (its one weight unread) is not, since that is the text's
// doing and goes when the weight is a number.
func TestLoadTypeErrorKeepsTheEntrysOwnProblem(t *testing.T) {
	src := strings.Replace(valid, "    preferences:\n      territory:\n        weight: 100\n        ideal: cede", "    preferences:\n      teritory:\n        weight: forty\n        ideal: cede", 1)
	wantErrorsBeginning(t, loadErrors(t, src),
		`s.yaml:22:7: actors.russia.preferences.teritory: no issue "teritory"; did you mean "territory"?`,
		`s.yaml:23:17: actors.russia.preferences.teritory.weight: expected a number, found the text "forty"`,
	)
}

// A switch written wrongly is read as its default, and validation then spoke of the
// default: the tied-hands parliament, a ratifier, written with veto: "no", was also told
// that it "holds a veto, but a ratifier sits at no table: set actors.parliament.veto:
// false", a second error for the one mistake, at another place. The switch is probed on
// and off; what holds only while it is on is the default's doing and is not reported. A
// problem that holds either way is still reported in the same run: the parliament's
// reservation of 1.5.
func TestLoadBrokenSwitchIsTheOneError(t *testing.T) {
	data, err := os.ReadFile("../scenarios/teaching-tied-hands.yaml")
	if err != nil {
		t.Fatal(err)
	}
	src := strings.Replace(string(data), "    name: Home's parliament\n    veto: false", "    name: Home's parliament\n    veto: \"no\"", 1)
	if src == string(data) {
		t.Fatal("the parliament's veto: false is not in teaching-tied-hands.yaml")
	}
	wantErrorsBeginning(t, loadErrors(t, src),
		`s.yaml:73:11: actors.parliament.veto: expected true or false, found the text "no"`,
	)
	both := strings.Replace(src, "    veto: \"no\"\n    reservation: 0.4", "    veto: \"no\"\n    reservation: 1.5", 1)
	if both == src {
		t.Fatal("the parliament's reservation: 0.4 is not in teaching-tied-hands.yaml")
	}
	wantErrorsBeginning(t, loadErrors(t, both),
		`s.yaml:73:11: actors.parliament.veto: expected true or false, found the text "no"`,
		`s.yaml:74:5: actors.parliament.reservation: 1.5 is outside [0,1]`,
	)
}

func TestLoadRejects(t *testing.T) {
	cases := []struct {
		name, src, want string
	}{
		{"empty", "  \n\n", "the file is empty"},
		{"only comments", "# a scenario will go here\n", "holds no scenario"},
		{"not yaml", "name: [unclosed\n", "not valid YAML or JSON"},
		{"a list", "- a\n- b\n", "expected a scenario"},
		{"two documents", valid + "---\nname: again\n", "a second YAML document"},
		{"text for a number", strings.Replace(valid, "reservation: 0.3", "reservation: high", 1), `expected a number, found the text "high"`},
		{"quoted number", strings.Replace(valid, "reservation: 0.3", `reservation: "0.3"`, 1), "remove the quotes"},
		{"nan", strings.Replace(valid, "reservation: 0.3", "reservation: .nan", 1), "expected a finite number"},
		{"duplicate key", strings.Replace(valid, "    reservation: 0.3\n", "    reservation: 0.3\n    reservation: 0.4\n", 1), `"reservation" is written twice here, first on line`},
		{"duplicate id", strings.Replace(valid, "id: cede", "id: freeze", 1), `duplicate option id "freeze"`},
		{"missing utility", strings.Replace(valid, "{freeze: 1, cede: 0}", "{freeze: 1}", 1), `no utility for "cede"`},
		{"utilities and ideal", strings.Replace(valid, "        ideal: cede", "        ideal: cede\n        utilities: {freeze: 0, cede: 1}", 1), "either utilities or ideal"},
		{"negative weight", strings.Replace(valid, "weight: 100\n        ideal", "weight: -3\n        ideal", 1), "-3 is not a valid weight"},
		{"empty acceptable", strings.Replace(valid, "[freeze]", "[]", 1), "an empty list accepts no option"},
		{"unknown option in acceptable", strings.Replace(valid, "[freeze]", "[frieze]", 1), `did you mean "freeze"?`},
		{"reservation out of range", strings.Replace(valid, "reservation: 0.3", "reservation: 1.3", 1), "1.3 is outside [0,1]"},
		{"bad id", strings.Replace(valid, "id: ukraine", "id: Ukraine", 1), `"Ukraine" is not a valid id`},
		{"unknown variant path", valid + "variants:\n  - id: v\n    description: d\n    set: {actors.ukrain.reservation: 0.1}\n", `did you mean "ukraine"?`},
		{"merge key", "base: &b {id: x}\n" + strings.Replace(valid, "  - id: territory\n", "  - <<: *b\n    id: territory\n", 1), "merge keys"},
		{"undefined alias", strings.Replace(valid, "reservation: 0.3", "reservation: *nowhere", 1), "alias *nowhere refers to no anchor"},
		// Terminal escape sequences, in a text, a key, or a variant's value: printed, they
		// would be obeyed (retitle the window, clear the screen) rather than shown.
		{"escape in a name", strings.Replace(valid, "name: Russia", `name: "Russia\e[2J"`, 1), "U+001B (escape), which a terminal would obey"},
		{"bell in a key", strings.Replace(valid, "        ideal: cede", "        \"ideal\\a\": cede", 1), `the key "ideal\a" holds a control character, U+0007 (bell)`},
		{"escape in a variant", valid + "variants:\n  - id: v\n    description: d\n    set: {actors.russia.name: \"\\e]0;x\\a\"}\n", "variants.v.set.actors.russia.name: the text holds a control character, U+001B"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			list := loadErrors(t, c.src)
			if !strings.Contains(list.Error(), c.want) {
				t.Errorf("errors:\n%v\nwant one containing %q", list, c.want)
			}
			for _, e := range list {
				if e.File != "s.yaml" {
					t.Errorf("error without its file: %+v", e)
				}
			}
		})
	}
}

func TestLoadRefusesAliasBombs(t *testing.T) {
	// Each level repeats the previous nine times: 9^8 ≈ 4·10^7 values if expanded.
	var b strings.Builder
	b.WriteString("a0: &a0 [x, x, x, x, x, x, x, x, x]\n")
	for i := 1; i <= 8; i++ {
		name := "a" + string(rune('0'+i))
		prev := "*a" + string(rune('0'+i-1))
		b.WriteString(name + ": &" + name + " [" + strings.Repeat(prev+", ", 8) + prev + "]\n")
	}
	list := loadErrors(t, "name: bomb\nvariants:\n  - id: v\n    description: d\n    set:\n      x: {"+strings.ReplaceAll(strings.TrimSpace(b.String()), "\n", ", ")+"}\n")
	if !strings.Contains(list.Error(), "expands to more than") {
		t.Errorf("errors %v, want the expansion limit", list)
	}
}

func TestLoadAcceptsBOMAndWindowsLineEndings(t *testing.T) {
	src := "\xef\xbb\xbf" + strings.ReplaceAll(valid, "\n", "\r\n")
	if _, err := Load("windows.yaml", []byte(src)); err != nil {
		t.Fatal(err)
	}
}

func TestLoadReadsJSON(t *testing.T) {
	src := `{"name": "json", "issues": [{"id": "i", "name": "I", "options": [{"id": "a"}, {"id": "b"}]}],
	 "actors": [{"id": "x", "name": "X", "reservation": 0.2, "preferences": {"i": {"weight": 1, "ideal": "a"}}}]}`
	doc, err := Load("s.json", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if doc.Scenario.Actors[0].Preferences[0].Ideal != "a" {
		t.Errorf("decoded %+v", doc.Scenario.Actors[0])
	}
}

func TestReadFileRefusesLargeFiles(t *testing.T) {
	path := filepath.Join(t.TempDir(), "big.yaml")
	if err := os.WriteFile(path, []byte(strings.Repeat("# padding\n", 200)), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := ReadFile(path, 1000)
	if !errors.Is(err, sim.ErrBadInput) || !strings.Contains(err.Error(), "larger than 1,000 bytes") {
		t.Errorf("err = %v, want a size refusal", err)
	}
	if _, err := ReadFile(path, 4000); err != nil {
		t.Errorf("a file under the limit: %v", err)
	}
}

func TestWarningsDoNotFail(t *testing.T) {
	// Weights of 60 + 30 do not sum to 100; russia (veto by default) has no red lines.
	src := strings.Replace(valid, "    veto: false\n", "", 1)
	src = strings.Replace(src, "weight: 100\n        utilities", "weight: 60\n        utilities", 1)
	doc, err := Load("w.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	got := doc.Warnings.Error()
	for _, w := range []string{"weights sum to 60", `actor "russia" has no red lines`} {
		if !strings.Contains(got, w) {
			t.Errorf("warnings:\n%s\nwant one containing %q", got, w)
		}
	}
}

func TestApplyVariantThenSets(t *testing.T) {
	src := valid + "variants:\n  - id: soft\n    description: Ukraine softens.\n    set:\n      actors.ukraine.reservation: 0.1\n      actors.ukraine.preferences.territory.acceptable: [freeze, cede]\n"
	doc, err := Load("v.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if err := doc.Apply("soft", []Override{{Path: "actors.ukraine.reservation", Value: "0.2"}}); err != nil {
		t.Fatal(err)
	}
	uk := doc.Scenario.Actors[0]
	if uk.Reservation != 0.2 || len(uk.Preferences[0].Acceptable) != 2 {
		t.Errorf("after variant and set: reservation %v, acceptable %v; want 0.2 (set after variant) and both options", uk.Reservation, uk.Preferences[0].Acceptable)
	}
	err = doc.Apply("", []Override{{Path: "actors.ukraine.reservation", Value: "2"}})
	if !errors.Is(err, ErrUsage) || !strings.Contains(err.Error(), "2 is outside [0,1]") {
		t.Errorf("err = %v, want the override's invalid result named", err)
	}
	if err := doc.Apply("sotf", nil); err == nil || !strings.Contains(err.Error(), `did you mean "soft"?`) {
		t.Errorf("err = %v, want a did-you-mean for the variant", err)
	}
}

// A what-if may take away a value an unselected variant sets: here the override gives
// Ukraine an ideal point instead of utilities, so variant soft's utilities.cede has nowhere
// to go. The what-if runs, and the file's variant is named in a warning at its line (the
// variant list begins at line 39 of the file; soft's id is on line 40, column 7). The
// same override after --variant soft replaces what soft set, so nothing is said.
func TestAWhatIfLeavesOutAVariantItNoLongerFits(t *testing.T) {
	src := valid + "variants:\n  - id: soft\n    description: Ukraine values a cession.\n    set:\n      actors.ukraine.preferences.territory.utilities.cede: 0.2\n"
	ideal := Override{Path: "actors.ukraine.preferences.territory", Value: `{"issue":"territory","weight":100,"ideal":"freeze"}`}
	doc, err := Load("v.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if err := doc.Apply("", []Override{ideal}); err != nil {
		t.Fatalf("a variant not asked for stopped the what-if: %v", err)
	}
	got := doc.Warnings.Error()
	if want := `v.yaml:26:7: variants.soft: variant "soft" does not fit this what-if, so it is left out of it: actors.ukraine.preferences.territory.utilities is empty`; !strings.Contains(got, want) {
		t.Errorf("warnings:\n%s\nwant one containing %q", got, want)
	}
	if len(doc.Scenario.Variants) != 0 {
		t.Errorf("variants after the what-if: %v, want soft left out", doc.Scenario.Variants)
	}
	doc, err = Load("v.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if err := doc.Apply("soft", []Override{ideal}); err != nil {
		t.Fatal(err)
	}
	if got := doc.Warnings.Error(); strings.Contains(got, "soft") {
		t.Errorf("the variant asked for was applied, then overridden; warnings:\n%s", got)
	}
}

// TestSetTakesFlowLists checks the three ways --set writes a list: YAML flow syntax (as
// params prints it and as files write it inline), with spaces, and the older comma form.
// Each must give the same two options, in the order written; a list that is not one is
// refused by the option it does not name.
func TestSetTakesFlowLists(t *testing.T) {
	for _, value := range []string{"[cede,freeze]", "[cede, freeze]", "cede,freeze"} {
		doc, err := Load("v.yaml", []byte(valid))
		if err != nil {
			t.Fatal(err)
		}
		if err := doc.Apply("", []Override{{Path: "actors.ukraine.preferences.territory.acceptable", Value: value}}); err != nil {
			t.Fatalf("%s: %v", value, err)
		}
		if got := doc.Scenario.Actors[0].Preferences[0].Acceptable; !slices.Equal(got, []string{"cede", "freeze"}) {
			t.Errorf("%s: acceptable %q, want [cede freeze]", value, got)
		}
	}
	for _, bad := range []string{"[cede", "[cede, [freeze]]", "[{a: b}]"} {
		doc, err := Load("v.yaml", []byte(valid))
		if err != nil {
			t.Fatal(err)
		}
		err = doc.Apply("", []Override{{Path: "actors.ukraine.preferences.territory.acceptable", Value: bad}})
		if !errors.Is(err, ErrUsage) || !strings.Contains(err.Error(), "has no option") {
			t.Errorf("%s: err = %v, want a usage error naming the option that is not one", bad, err)
		}
	}
}

// TestOpenBlamesTheFileFirst: a what-if on a file that is invalid by itself reports the
// file's own errors, located, not the what-if's; on a valid file, the what-if's problems
// are reported against what the user typed, and its warnings replace the file's.
func TestOpenBlamesTheFileFirst(t *testing.T) {
	broken := strings.Replace(valid, "reservation: 0.3", "reservation: 3", 1)
	_, err := Open("b.yaml", []byte(broken), "", []Override{{Path: "actors.russia.power", Value: "0"}})
	var found sim.Diagnostics
	if !errors.As(err, &found) || len(found) != 1 || found[0].Path != "actors.ukraine.reservation" || found[0].Line != 11 {
		t.Errorf("err = %v; want the file's own error at b.yaml:11 (line 11 of valid) on actors.ukraine.reservation", err)
	}
	_, err = Open("v.yaml", []byte(valid), "", []Override{{Path: "actors.russia.power", Value: "0"}})
	if !errors.Is(err, ErrUsage) || !strings.Contains(err.Error(), "v.yaml: the overrides leave the scenario invalid:\n  actors.russia.power: 0 is not a valid power") {
		t.Errorf("err = %v; want the override named as the cause", err)
	}
	doc, err := Open("v.yaml", []byte(valid), "", []Override{{Path: "actors.ukraine.reservation", Value: "1"}})
	if err != nil {
		t.Fatal(err)
	}
	// Ukraine's best within its red line is freeze, worth 1: a reservation of 1 is still
	// reachable, so no warning says it can never agree.
	for _, w := range doc.Warnings {
		if strings.Contains(w.Message, "can never agree") {
			t.Errorf("warning %v for a reservation Ukraine can reach", w)
		}
	}
	if doc.Space == nil || doc.Space.Scenario() != doc.Scenario {
		t.Error("the document's compiled space is not its scenario's")
	}
}

// --set takes no control character either: what is typed there is printed in titles.
func TestOverrideRefusesControlCharacters(t *testing.T) {
	_, err := ParseOverride("actors.russia.name=Russia\x1b[31m")
	if !errors.Is(err, ErrUsage) || !strings.Contains(err.Error(), `--set "actors.russia.name=Russia\x1b[31m": holds a control character, U+001B (escape)`) {
		t.Errorf("got %v", err)
	}
	if o, err := ParseOverride("actors.russia.name=Russia\tFederation"); err != nil || o.Value != "Russia\tFederation" {
		t.Errorf("a tab: %+v, %v", o, err)
	}
}

// A size limit reads in the unit a person thinks in, with the exact count beside it:
// 4 MiB = 4 × 1,048,576 = 4,194,304 bytes; 64 KiB = 64 × 1,024 = 65,536 bytes; a limit that
// is no whole number of either (1,000, or 1,048,577 = 1 MiB + 1) stays in bytes.
func TestSizeWords(t *testing.T) {
	for _, c := range []struct {
		n    int64
		want string
	}{
		{4 << 20, "4 MiB (4,194,304 bytes)"},
		{64 << 10, "64 KiB (65,536 bytes)"},
		{1000, "1,000 bytes"},
		{1<<20 + 1, "1,048,577 bytes"},
		{1, "1 byte"},
	} {
		if got := Size(c.n); got != c.want {
			t.Errorf("Size(%d) = %q, want %q", c.n, got, c.want)
		}
	}
}

// Two values joined by a comma in one --set read as one value, "0.4,actors.ukraine…", and
// were refused as not a number; the answer now splits them into the flags they need. A
// list's commas, followed by option ids with no dot, stay one value.
func TestOneSetOfTwoValuesSaysToGiveEachItsOwn(t *testing.T) {
	_, err := ParseOverride("actors.russia.reservation=0.4, actors.ukraine.reservation=0.3")
	want := "--set actors.russia.reservation=0.4, actors.ukraine.reservation=0.3: sets 2 values; give each its own --set, as in --set actors.russia.reservation=0.4 --set actors.ukraine.reservation=0.3"
	if !errors.Is(err, ErrUsage) || err.Error() != want {
		t.Errorf("got %v, want the usage error %q", err, want)
	}
	o, err := ParseOverride("actors.russia.preferences.territory.acceptable=[freeze,freeze-dmz]")
	if err != nil || o.Value != "[freeze,freeze-dmz]" {
		t.Errorf("a list: %+v, %v", o, err)
	}
}

// A warning about a value a what-if changed is not placed at the file's line for it: that
// line writes the value before the change. With Ukraine held to cede, worth 0 to it, its
// reservation is above anything a deal gives it. Left at the file's 0.3 (line 11 of valid,
// column 5), the warning speaks of the file's value and stays there; raised to 0.9 by the
// what-if, it names the file and the path and no line. Russia's lack of a red line is the
// file's own warning (its id on line 17, column 7) either way.
func TestWarningsOfChangedValuesAreNotPlacedAtTheFile(t *testing.T) {
	cede := Override{Path: "actors.ukraine.preferences.territory.acceptable", Value: "[cede]"}
	for _, c := range []struct {
		sets []Override
		want []string
	}{
		{[]Override{cede}, []string{
			`v.yaml:11:5: actors.ukraine.reservation: actor "ukraine"'s reservation 0.3 is above the best utility any deal can give it (0): it can never agree`,
			`v.yaml:17:7: actors.russia: actor "russia" has no red lines`,
		}},
		{[]Override{cede, {Path: "actors.ukraine.reservation", Value: "0.9"}}, []string{
			`v.yaml: actors.ukraine.reservation: actor "ukraine"'s reservation 0.9 is above the best utility any deal can give it (0): it can never agree`,
			`v.yaml:17:7: actors.russia: actor "russia" has no red lines`,
		}},
	} {
		doc, err := Open("v.yaml", []byte(strings.Replace(valid, "    veto: false\n", "", 1)), "", c.sets)
		if err != nil {
			t.Fatal(err)
		}
		got := doc.Warnings.Error()
		for _, w := range c.want {
			if !strings.Contains(got, w) {
				t.Errorf("%v: warnings\n%s\nwant one reading\n%s", c.sets, got, w)
			}
		}
	}
}
