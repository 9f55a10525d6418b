package sim

import (
	"fmt"
	"strings"
	"testing"
)

func TestConstraintReachability(t *testing.T) {
	tests := []struct {
		name     string
		c        Constraint
		path     string // "" when the constraint is sound
		warning  bool
		contains string
	}{
		{name: "sound", c: Constraint{If: map[string][]string{"x": {"b"}}, Then: map[string][]string{"y": {"p"}}}},
		{
			// alpha accepts only a and b on x, so then x: [c] can never hold: the
			// constraint rejects every deal with y = q, a warning, and the scenario runs.
			name: "then outside acceptable", c: Constraint{If: map[string][]string{"y": {"q"}}, Then: map[string][]string{"x": {"c"}}},
			path: "actors.alpha.constraints.0.then.x", warning: true, contains: "can never be met",
		},
		{
			// A deal with x = a never has x = b.
			name: "if and then contradict", c: Constraint{If: map[string][]string{"x": {"a"}}, Then: map[string][]string{"x": {"b"}}},
			path: "actors.alpha.constraints.0.then.x", contains: "contradict",
		},
		{
			// then x: [b, c] can hold through b, which alpha accepts and the if allows.
			name: "if narrows then to an acceptable option", c: Constraint{If: map[string][]string{"x": {"a", "b"}}, Then: map[string][]string{"x": {"b", "c"}}},
		},
		{
			// if x: [c] never holds, since alpha rejects c anyway.
			name: "if never holds", c: Constraint{If: map[string][]string{"x": {"c"}}, Then: map[string][]string{"y": {"p"}}},
			path: "actors.alpha.constraints.0.if.x", warning: true, contains: "never applies",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sc := explainFixture()
			sc.Actors[0].Constraints = []Constraint{tc.c}
			var found Diagnostics
			for _, p := range sc.Validate() {
				if strings.HasPrefix(p.Path, "actors.alpha.constraints") {
					found = append(found, p)
				}
			}
			if tc.path == "" {
				if len(found) > 0 {
					t.Fatalf("want no problem with the constraint, got %v", found)
				}
				return
			}
			if len(found) != 1 || found[0].Path != tc.path || found[0].IsError() == tc.warning || !strings.Contains(found[0].Message, tc.contains) {
				t.Fatalf("got %+v; want one problem at %s (warning %v) saying %q", found, tc.path, tc.warning, tc.contains)
			}
		})
	}
}

// sized builds a valid scenario with the given numbers of issues, options per issue and
// actors, every actor caring about the first issue only.
func sized(issues, options, actors int) *Scenario {
	sc := &Scenario{Name: "sized", Issues: gridIssues(issues, options)}
	for a := 0; a < actors; a++ {
		sc.Actors = append(sc.Actors, Actor{ID: fmt.Sprintf("a%d", a), Name: "actor", Veto: true, Power: 1,
			Preferences: []Preference{{Issue: "i0", Weight: 1, Ideal: "o0"}}})
	}
	return sc
}

func TestSizeLimits(t *testing.T) {
	tests := []struct {
		name                    string
		issues, options, actors int
		path, contains          string // path "" when the scenario is within every limit
	}{
		{name: "at every limit", issues: MaxIssues, options: 2, actors: MaxActors},
		{name: "at the option limit", issues: 1, options: MaxOptions, actors: 1},
		{name: "one issue too many", issues: MaxIssues + 1, options: 1, actors: 1,
			path: "issues", contains: "65 issues are more than the limit of 64"},
		{name: "one option too many", issues: 2, options: MaxOptions + 1, actors: 1,
			path: "issues.i0.options", contains: `1001 options of issue "i0" are more than the limit of 1000`},
		{name: "one actor too many", issues: 1, options: 1, actors: MaxActors + 1,
			path: "actors", contains: "65 actors are more than the limit of 64"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			errs := sized(tc.issues, tc.options, tc.actors).Validate().Errors()
			if tc.path == "" {
				if len(errs) > 0 {
					t.Fatalf("refused within the limits: %v", errs)
				}
				return
			}
			if len(errs) == 0 || errs[0].Path != tc.path || !strings.Contains(errs[0].Message, tc.contains) {
				t.Fatalf("errors %v; want first at %s containing %q", errs, tc.path, tc.contains)
			}
		})
	}
}

// An issue or option id that two share, or that is no id at all, is the one error: every
// preference, utility and condition that names it would otherwise be charged with it. In
// the explain fixture issue y renamed x left "no issue \"y\"" for each actor's preference
// of y and a utility error for each of x's options it lacks; option b of x renamed a left
// "no option \"b\"" for every actor that values b; option a written in a word processor's
// curly quotes, “a”, left each utility of a "no option \"a\"; did you mean \"b\"?". Each
// now gives one error, its own, and curly quotes are named as such, with the id to write.
func TestBrokenIssueIDsAreTheOneError(t *testing.T) {
	for _, c := range []struct {
		name, want string
		breakIt    func(sc *Scenario)
	}{
		{"issue clash", `duplicate issue id "x" (also issues.x): give each issue an id of its own`,
			func(sc *Scenario) { sc.Issues[1].ID = sc.Issues[0].ID }},
		{"option clash", `duplicate option id "a" (also issues.x.options.a): give each option of the issue an id of its own`,
			func(sc *Scenario) { sc.Issues[0].Options[1].ID = sc.Issues[0].Options[0].ID }},
		{"curly quotes", `"“a”" is not a valid id: it is in curly quotes (a word processor's "smart quotes"), which are part of the id to YAML; write "a", with no quotes`,
			func(sc *Scenario) { sc.Issues[0].Options[0].ID = "“a”" }},
		{"issue id with a space", `"y y" is not a valid id: use lower-case letters, digits, '-' and '_', starting with a letter or digit; write "y-y"`,
			func(sc *Scenario) { sc.Issues[1].ID = "y y" }},
		// A name written where the id goes, wholly in another script: the message named
		// its first letter, "it contains "т" (U+0442), which is not a Latin letter", and
		// left a teacher writing in Ukrainian or Chinese with no id to write and no word
		// that the name has a field of its own.
		{"issue id in Cyrillic", `"територія" is not a valid id: an id, which --set paths and deals files take, is written in lower-case Latin letters, digits, '-' and '_'; write one, such as "terytoriia", and keep "територія" as the name (name: takes any letters)`,
			func(sc *Scenario) { sc.Issues[1].ID = "територія" }},
		{"option id in Chinese", `"走廊" is not a valid id: an id, which --set paths and deals files take, is written in lower-case Latin letters, digits, '-' and '_'; write one, such as "option-1", and keep "走廊" as the name (name: takes any letters)`,
			func(sc *Scenario) { sc.Issues[0].Options[0].ID = "走廊" }},
		// One Cyrillic letter among Latin ones most often only looks Latin: it is named,
		// and no id is offered.
		{"issue id with a lookalike", `"rаy" is not a valid id: it contains "а" (U+0430), which is not a Latin letter or digit; use lower-case letters, digits, '-' and '_', starting with a letter or digit`,
			func(sc *Scenario) { sc.Issues[1].ID = "rаy" }},
	} {
		t.Run(c.name, func(t *testing.T) {
			sc := explainFixture()
			c.breakIt(sc)
			errs := sc.Validate().Errors()
			if len(errs) != 1 || errs[0].Message != c.want {
				t.Fatalf("%d errors %v; want the one: %s", len(errs), errs, c.want)
			}
		})
	}
}

// A duplicate id says what would be valid, as every other error does: "duplicate option id
// "a" (also issues.x.options.a)" named the clash and left the mend unsaid, while the
// errors that follow from it ("issue "x" has no option "b"; valid: "a" or "c") point to
// another. It failed before: the message ended at the brackets.
func TestDuplicateIDSaysToRenameOne(t *testing.T) {
	for _, c := range []struct{ name, path, want string }{
		{"option", "issues.x.options.1.id", `duplicate option id "a" (also issues.x.options.a): give each option of the issue an id of its own`},
		{"issue", "issues.1.id", `duplicate issue id "x" (also issues.x): give each issue an id of its own`},
		{"actor", "actors.1.id", `duplicate actor id "alpha" (also actors.alpha): give each actor an id of its own`},
	} {
		t.Run(c.name, func(t *testing.T) {
			sc := explainFixture()
			switch c.name {
			case "option":
				sc.Issues[0].Options[1].ID = "a"
			case "issue":
				sc.Issues[1].ID = "x"
			case "actor":
				sc.Actors[1].ID = "alpha"
			}
			var got []string
			for _, p := range sc.Validate() {
				if p.Path == c.path {
					got = append(got, p.Message)
				}
			}
			if len(got) != 1 || got[0] != c.want {
				t.Fatalf("at %s got %q; want %q", c.path, got, c.want)
			}
		})
	}
}

// decideFixture is a table of two (north, south) with a parliament of two parties
// (left, right) that ratifies for north, and an observer (press).
func decideFixture() *Scenario {
	pref := func(ideal string) []Preference {
		return []Preference{{Issue: "x", Weight: 1, Ideal: ideal}}
	}
	return &Scenario{
		Name:   "decide",
		Issues: []Issue{{ID: "x", Name: "X", Options: []Option{{ID: "a"}, {ID: "b"}, {ID: "c"}}}},
		Actors: []Actor{
			{ID: "north", Name: "North", Veto: true, Power: 1, Votes: 1, Preferences: pref("a"),
				Ratification: Ratification{By: []string{"left", "right"}, VotesNeeded: 3}},
			{ID: "south", Name: "South", Veto: true, Power: 1, Votes: 1, Preferences: pref("c"),
				Beliefs: Beliefs{Set: []Assignment{{Path: "actors.north.reservation", Value: 0.2}}}},
			{ID: "left", Name: "Left", Power: 1, Votes: 2, Preferences: pref("a")},
			{ID: "right", Name: "Right", Power: 1, Votes: 2, Preferences: pref("b")},
			{ID: "press", Name: "Press", Power: 1, Votes: 1, Preferences: pref("b")},
		},
	}
}

func TestDecideFixtureIsValid(t *testing.T) {
	if errs := decideFixture().Validate().Errors(); len(errs) > 0 {
		t.Fatalf("fixture invalid: %v", errs)
	}
}

func TestDecisionValidation(t *testing.T) {
	tests := []struct {
		name     string
		change   func(s *Scenario)
		path     string
		contains string
	}{
		{"ratifier listed twice", func(s *Scenario) { s.Actors[0].Ratification.By = []string{"left", "left", "right"} },
			"actors.north.ratification.by", `"left" is listed twice`},
		{"ratifier with a veto", func(s *Scenario) { s.Actors[2].Veto = true },
			"actors.north.ratification.by", "holds a veto"},
		{"ratifier for two actors", func(s *Scenario) { s.Actors[1].Ratification = Ratification{By: []string{"right"}} },
			"actors.south.ratification.by", `already ratifies for actor "north"`},
		{"ratifier with ratifiers", func(s *Scenario) { s.Actors[2].Ratification = Ratification{By: []string{"press"}} },
			"actors.north.ratification.by", "has ratifiers of its own"},
		{"unknown ratifier", func(s *Scenario) { s.Actors[0].Ratification.By = []string{"lefft", "right"} },
			"actors.north.ratification.by", `did you mean "left"?`},
		{"ratifying for oneself", func(s *Scenario) { s.Actors[0].Ratification.By = []string{"north"} },
			"actors.north.ratification.by", "cannot ratify its own deals"},
		// left and right hold 2 + 2 = 4 votes.
		{"ratification above the votes", func(s *Scenario) { s.Actors[0].Ratification.VotesNeeded = 5 },
			"actors.north.ratification.votes_needed", "hold 4 in all"},
		// At the table: north 1 + south 1 + press 1 = 3; left and right ratify, so do not count.
		{"decision above the votes", func(s *Scenario) { s.Decision.VotesNeeded = 4 },
			"decision.votes_needed", "hold 3 in all"},
		{"negative votes", func(s *Scenario) { s.Actors[4].Votes = -1 },
			"actors.press.votes", "0 votes or more"},
		{"belief about oneself", func(s *Scenario) { s.Actors[1].Beliefs.Set[0].Path = "actors.south.reservation" },
			"actors.south.beliefs.set.actors.south.reservation", "about oneself"},
		{"belief path that does not exist", func(s *Scenario) { s.Actors[1].Beliefs.Set[0].Path = "actors.north.reservaton" },
			"actors.south.beliefs.set.actors.north.reservaton", `did you mean "reservation"?`},
		{"belief outside the actors", func(s *Scenario) { s.Actors[1].Beliefs.Set[0].Path = "protocol.rounds" },
			"actors.south.beliefs.set.protocol.rounds", "another actor's value"},
		{"belief that breaks the scenario", func(s *Scenario) { s.Actors[1].Beliefs.Set[0].Value = 1.5 },
			"actors.south.beliefs.set.actors.north.reservation", "leaves the scenario invalid"},
		// A belief that left, a ratifier, holds a veto breaks north's ratification, whose
		// path is not the belief's: it was shown at beliefs as a whole, with the file's own
		// mend ("set actors.left.veto: false"), which the file already says.
		{"belief that breaks a rule elsewhere", func(s *Scenario) {
			s.Actors[1].Beliefs.Set[0] = Assignment{Path: "actors.left.veto", Value: true}
		}, "actors.south.beliefs.set.actors.left.veto", "the file itself keeps this rule: change the value set here, or drop it"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sc := decideFixture()
			tc.change(sc)
			for _, p := range sc.Validate().Errors() {
				if p.Path == tc.path && strings.Contains(p.Message, tc.contains) {
					return
				}
			}
			t.Fatalf("got %v; want an error at %s saying %q", sc.Validate().Errors(), tc.path, tc.contains)
		})
	}
}

// Without a veto, a scenario needs a decision rule, or every deal would pass.
func TestNoVetoNeedsADecision(t *testing.T) {
	sc := decideFixture()
	sc.Actors[0].Veto, sc.Actors[1].Veto = false, false
	if errs := sc.Validate().Errors(); len(errs) != 1 || errs[0].Path != "actors" {
		t.Fatalf("got %v; want the no-veto error", errs)
	}
	sc.Decision.VotesNeeded = 2
	if errs := sc.Validate().Errors(); len(errs) > 0 {
		t.Fatalf("with votes_needed 2: %v", errs)
	}
}

// A belief is set and read by a path that runs through its own dotted key.
func TestBeliefPaths(t *testing.T) {
	sc := decideFixture()
	const p = "actors.south.beliefs.set.actors.north.reservation"
	if err := sc.Set(p, "0.35"); err != nil {
		t.Fatal(err)
	}
	got, err := sc.Get(p)
	if err != nil || got != 0.35 {
		t.Fatalf("got %v, %v; want the number 0.35, the type of the value it replaced", got, err)
	}
	if errs := sc.Validate().Errors(); len(errs) > 0 {
		t.Fatal(errs)
	}
	err = sc.Set("actors.south.beliefs.set.actors.north.reservaton", 0.3)
	if err == nil || !strings.Contains(err.Error(), `did you mean "actors.north.reservation"?`) {
		t.Fatalf("got %v; want the belief keys suggested", err)
	}
}

// Ratifiers that hold no votes ratify every deal: N defaults to all of their votes, 0, and
// 0 votes are always there. The file still means something, so it is a warning, not an
// error, and it names the actor whose ratification does nothing.
func TestRatifiersWithoutVotesAreFlagged(t *testing.T) {
	sc := decideFixture()
	sc.Actors[0].Ratification.VotesNeeded = 0
	if ws := sc.Validate().Warnings(); hasDiagnostic(ws, "actors.north.ratification.by", "hold no votes") {
		t.Fatalf("left and right hold 2 + 2 = 4 votes, yet: %v", ws)
	}
	sc.Actors[2].Votes, sc.Actors[3].Votes = 0, 0 // left and right
	ds := sc.Validate()
	if errs := ds.Errors(); len(errs) > 0 {
		t.Fatalf("a ratification of no votes is legal: %v", errs)
	}
	if ws := ds.Warnings(); !hasDiagnostic(ws, "actors.north.ratification.by", `actor "north"'s ratifiers hold no votes`) {
		t.Fatalf("got %v; want a warning that north's ratification passes every deal", ws)
	}
	// An unknown ratifier is an error already; it adds no warning about votes.
	sc.Actors[0].Ratification.By = []string{"nobody"}
	if ws := sc.Validate().Warnings(); hasDiagnostic(ws, "actors.north.ratification.by", "hold no votes") {
		t.Fatalf("warned about the votes of an unknown ratifier: %v", ws)
	}
}

// Votes count under a decision rule or toward a ratification. Given to an actor at the
// table of a scenario without a decision rule they change nothing, and the file said so
// nowhere (validate called it valid without a word). The fixture's ratifiers, left and
// right, hold 2 votes each and count at home: no warning for them, or under a rule.
func TestVotesWithoutADecisionRuleAreFlagged(t *testing.T) {
	sc := decideFixture()
	sc.Decision.VotesNeeded = 0
	if ws := sc.Validate().Warnings(); hasDiagnostic(ws, "actors.left.votes", "") || hasDiagnostic(ws, "actors.press.votes", "") {
		t.Fatalf("the ratifiers' votes count at home, and press holds the default 1, yet: %v", ws)
	}
	sc.Actors[4].Votes = 3 // press
	if ws := sc.Validate().Warnings(); !hasDiagnostic(ws, "actors.press.votes", `actor "press" holds 3 votes, but they count only under a decision rule`) {
		t.Fatalf("got %v; want a warning that press's 3 votes count for nothing", ws)
	}
	sc.Decision.VotesNeeded = 3
	if ws := sc.Validate().Warnings(); hasDiagnostic(ws, "actors.press.votes", "") {
		t.Fatalf("under a decision rule press's votes count, yet: %v", ws)
	}
}

// Two slips a file shows no sign of: an option listed twice in acceptable, most often
// another option mistyped, which leaves the one meant a red line; and an issue of one
// option, whose weight every actor gets whatever the deal. Each passed validate without a
// word.
func TestDuplicateAcceptableAndLoneOptionAreFlagged(t *testing.T) {
	sc := decideFixture()
	if ws := sc.Validate().Warnings(); hasDiagnostic(ws, "actors.north.preferences.x.acceptable.1", "") || hasDiagnostic(ws, "issues.x.options", "") {
		t.Fatalf("the fixture lists nothing twice and x has three options, yet: %v", ws)
	}
	sc.Actors[0].Preferences[0].Acceptable = []string{"a", "a"}
	if ws := sc.Validate().Warnings(); !hasDiagnostic(ws, "actors.north.preferences.x.acceptable.1", `option "a" is listed twice in acceptable`) {
		t.Errorf("got %v; want a warning on the second \"a\"", ws)
	}
	sc = decideFixture()
	sc.Issues = append(sc.Issues, Issue{ID: "y", Name: "Y", Options: []Option{{ID: "only"}}})
	if ws := sc.Validate().Warnings(); !hasDiagnostic(ws, "issues.y.options", `issue "y" has one option`) {
		t.Errorf("got %v; want a warning that y has one option", ws)
	}
}

func hasDiagnostic(ds Diagnostics, path, contains string) bool {
	for _, d := range ds {
		if d.Path == path && strings.Contains(d.Message, contains) {
			return true
		}
	}
	return false
}

// An event that sets a number out of its range is read at its bound, as rounds read every
// value an event moves (MODEL section 4: "never an error, and never blocks analyze"); the
// file writes the number so, so a warning says so. A variant's out-of-range number stays an
// error: a variant is a what-if analyze runs as written. An event naming an option that does
// not exist is an error still: no bound reads it.
func TestEventsSetOutOfRangeIsClampedWithAWarning(t *testing.T) {
	sc := explainFixture()
	sc.Events = []Event{
		{Round: 1, Why: "hard line", Set: []Assignment{{Path: "actors.alpha.reservation", Value: 1.2}}},
		{Round: 2, Why: "softer", Set: []Assignment{{Path: "actors.beta.reservation", Value: 0.4}}},
	}
	found := sc.Validate()
	if errs := found.Errors(); len(errs) > 0 {
		t.Fatalf("errors %v; want the event read at its bound, no error", errs)
	}
	var at []string
	for _, d := range found {
		if strings.HasPrefix(d.Path, "events.") {
			at = append(at, d.Path+": "+d.Message)
		}
	}
	want := "events.0.set.actors.alpha.reservation: the event at round 1 sets 1.2, outside [0, 1]: rounds read it as 1"
	if len(at) != 1 || at[0] != want {
		t.Errorf("warnings on events %q; want only %q", at, want)
	}

	sc = explainFixture()
	sc.Variants = []Variant{{ID: "hard", Description: "Hard line.", Set: []Assignment{{Path: "actors.alpha.reservation", Value: 1.2}}}}
	if errs := sc.Validate().Errors(); len(errs) != 1 || errs[0].Path != "variants.hard.set.actors.alpha.reservation" {
		t.Errorf("a variant setting 1.2: errors %v; want one at variants.hard.set.actors.alpha.reservation", errs)
	}

	sc = explainFixture()
	sc.Events = []Event{{Round: 1, Why: "new line", Set: []Assignment{{Path: "actors.alpha.preferences.x.acceptable", Value: []any{"z"}}}}}
	if errs := sc.Validate().Errors(); len(errs) != 1 || !strings.HasPrefix(errs[0].Path, "events.0.set.") {
		t.Errorf("an event naming option z: errors %v; want one on the event", errs)
	}
}

// A broken issue id hides only what names that issue: the rest of the file is checked at
// once, so that a teacher who mends the id finds no second round of errors behind it. In
// the explain fixture issue x is written "X": the preferences on x are left alone (they
// name the issue as it will be), while alpha's ideal "r" on issue y, which has p and q,
// is an error of its own.
func TestABrokenIssueIDHidesOnlyWhatNamesIt(t *testing.T) {
	sc := explainFixture()
	sc.Issues[0].ID = "X"
	sc.Actors[0].Preferences[1].Ideal = "r"
	var got []string
	for _, d := range sc.Validate().Errors() {
		got = append(got, d.Path)
	}
	want := []string{"issues.0.id", "actors.alpha.preferences.y.ideal"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("errors at %q; want at %q", got, want)
	}
}

// An id names files and is typed in --set paths: past 64 characters it is refused, with a
// shorter one to write, and an id made from a long name is cut after a whole word. A 330-
// character actor name made a 326-character id that validated, and brief --all then
// failed on a file name too long for the system.
func TestIDsAreAtMost64Characters(t *testing.T) {
	words := strings.Repeat("very long actor name ", 16)
	if got, want := Slug(words), "very-long-actor-name-very-long-actor-name-very-long-actor-name"; got != want {
		t.Errorf("Slug of a 336-character name = %q (%d), want %q", got, len(got), want)
	}
	if got := Slug(strings.Repeat("x", 70)); got != strings.Repeat("x", 64) {
		t.Errorf("Slug of 70 x's = %q, want 64 of them", got)
	}
	for _, c := range []struct {
		id      string
		refused bool
	}{{strings.Repeat("a", 64), false}, {strings.Repeat("a", 65), true}} {
		sc := explainFixture()
		sc.Actors[1].ID = c.id
		errs := sc.Validate().Errors()
		refused := len(errs) == 1 && errs[0].Path == "actors.1.id" && strings.Contains(errs[0].Message, "is 65 characters long, more than an id's 64")
		if refused != c.refused || (!c.refused && len(errs) > 0) {
			t.Errorf("an actor id of %d characters: errors %v; want refused %v", len(c.id), errs, c.refused)
		}
	}
}
