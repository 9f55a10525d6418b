package interop

import (
	"strings"
	"testing"

	"github.com/negsim/negsim/internal/scenariotest"
	"github.com/negsim/negsim/sim"
)

// GENIUS and GeniusWeb hold one profile per party over one shared domain: no vote count,
// no ratification at home, no party's picture of another. Export says so for each, at its
// path, in both formats.
func TestExportNamesWhatWhoMustAgreeLoses(t *testing.T) {
	pref := []sim.Preference{{Issue: "x", Weight: 1, Ideal: "a"}}
	sc := &sim.Scenario{
		Name:     "decide",
		Issues:   []sim.Issue{{ID: "x", Name: "X", Options: []sim.Option{{ID: "a"}, {ID: "b"}}}},
		Decision: sim.Decision{VotesNeeded: 2},
		Actors: []sim.Actor{
			{ID: "north", Name: "North", Veto: true, Power: 1, Votes: 1, Preferences: pref, Ratification: sim.Ratification{By: []string{"parliament"}}},
			{ID: "south", Name: "South", Veto: true, Power: 1, Votes: 1, Preferences: pref,
				Beliefs: sim.Beliefs{Set: []sim.Assignment{{Path: "actors.north.reservation", Value: 0.2}}}},
			{ID: "parliament", Name: "Parliament", Power: 1, Votes: 1, Preferences: pref},
		},
	}
	sp := scenariotest.Compile(t, sc)
	for name, write := range map[string]func(*sim.Space) ([]File, sim.Diagnostics, error){"GENIUS": WriteGenius, "GeniusWeb": WriteGeniusWeb} {
		_, warn, err := write(sp)
		if err != nil {
			t.Fatal(err)
		}
		for path, says := range map[string]string{
			"decision.votes_needed":     "no voting rules",
			"actors.north.ratification": "no two-level games",
			"actors.south.beliefs":      "beliefs about the others",
		} {
			found := false
			for _, w := range warn {
				found = found || w.Path == path && strings.Contains(w.Message, says) && strings.HasPrefix(w.Message, name+" ")
			}
			if !found {
				t.Errorf("%s: no warning at %s saying %q; got %v", name, path, says, warn)
			}
		}
	}
}

// A red line of several options is named as a sentence names them: "mid, high" read as one
// option or two.
func TestExportNamesARedLinesOptionsAsASentence(t *testing.T) {
	sc := &sim.Scenario{
		Name:   "bands",
		Issues: []sim.Issue{{ID: "salary", Name: "Salary", Options: []sim.Option{{ID: "low"}, {ID: "mid"}, {ID: "high"}}}},
		Actors: []sim.Actor{
			{ID: "candidate", Name: "Candidate", Veto: true, Power: 1, Preferences: []sim.Preference{{Issue: "salary", Weight: 1, Ideal: "high", Acceptable: []string{"mid", "high"}}}},
			{ID: "employer", Name: "Employer", Veto: true, Power: 1, Preferences: []sim.Preference{{Issue: "salary", Weight: 1, Ideal: "low"}}},
		},
	}
	_, warn, err := WriteGenius(scenariotest.Compile(t, sc))
	if err != nil {
		t.Fatal(err)
	}
	want := `GENIUS has no red lines: actor "candidate"'s limit to mid and high on issue "salary" is not written`
	for _, w := range warn {
		if w.Path == "actors.candidate.preferences.salary.acceptable" {
			if w.Message != want {
				t.Errorf("warning %q, want %q", w.Message, want)
			}
			return
		}
	}
	t.Errorf("no warning on the candidate's red line; got %v", warn)
}
