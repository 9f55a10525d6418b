package sim

import (
	"strings"
	"testing"
)

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
		}, "actors.south.beliefs.set.actors.left.veto", "without it the scenario keeps this rule, so change or drop it"},
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

func hasDiagnostic(ds Diagnostics, path, contains string) bool {
	for _, d := range ds {
		if d.Path == path && strings.Contains(d.Message, contains) {
			return true
		}
	}
	return false
}
