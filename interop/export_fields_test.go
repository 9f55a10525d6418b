package interop

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/negsim/negsim/internal/scenariotest"
	"github.com/negsim/negsim/sim"
)

// export promises that it "never drops [anything] silently": each value of an actor is
// written to the GENIUS and GeniusWeb files, or named in a warning at its path. A field
// added to sim.Actor is neither until export is taught it, and no other test notices; this
// one fails until the field is put in one of the lists below, and checks that every field
// said to be warned about is warned about in both formats.

// actorFieldsWritten are written into the profiles (the drift as GENIUS's discount factor,
// or a warning where the format has none).
var actorFieldsWritten = []string{"id", "reservation", "reservation_drift", "preferences", "utility_scale"}

// actorFieldsText are words for readers, which no result computed from the files reads. A
// name the files cannot carry is warned about with the others, at "actors"
// (TestExportNamesTheNamesItCannotCarry).
var actorFieldsText = []string{"name", "description", "source", "note"}

// actorFieldsWarned set a value export cannot write, each in a way that must be warned
// about at actors.east.FIELD. votes counts only under a decision rule, which export warns
// about at decision.votes_needed.
var actorFieldsWarned = map[string]func(sc *sim.Scenario){
	"veto":     func(sc *sim.Scenario) { sc.Actors[0].Veto = false },
	"power":    func(sc *sim.Scenario) { sc.Actors[0].Power = 2 },
	"strategy": func(sc *sim.Scenario) { sc.Actors[0].Strategy.Kind = sim.StrategyBoulware },
	"constraints": func(sc *sim.Scenario) {
		sc.Actors[0].Constraints = []sim.Constraint{{If: map[string][]string{"aid": {"no"}}, Then: map[string][]string{"pact": {"no"}}, Why: "no pact without aid"}}
	},
	"ratification": func(sc *sim.Scenario) {
		home := sim.NewActor("home", "Home")
		home.Veto = false
		home.Preferences = []sim.Preference{{Issue: "aid", Weight: 1, Utilities: map[string]float64{"no": 0, "yes": 1}}}
		sc.Actors = append(sc.Actors, home)
		sc.Actors[0].Ratification = sim.Ratification{By: []string{"home"}}
	},
	"beliefs": func(sc *sim.Scenario) {
		sc.Actors[0].Beliefs = sim.Beliefs{Set: []sim.Assignment{{Path: "actors.west.reservation", Value: 0.5}}}
	},
	"votes": func(sc *sim.Scenario) { sc.Actors[0].Votes = 2; sc.Decision.VotesNeeded = 2 },
}

func TestExportWritesOrWarnsAboutEveryActorField(t *testing.T) {
	for f := range reflect.TypeFor[sim.Actor]().Fields() {
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		_, warned := actorFieldsWarned[name]
		if !warned && !slices.Contains(actorFieldsWritten, name) && !slices.Contains(actorFieldsText, name) {
			t.Errorf("actor field %q: export neither writes it nor warns that it cannot; teach interop/export.go one or the other, and list it in this test", name)
		}
	}
	for name, set := range actorFieldsWarned {
		sc := thirdsScenario()
		set(sc)
		sp := scenariotest.Compile(t, sc)
		path := "actors.east." + name
		if name == "votes" {
			path = "decision.votes_needed"
		}
		for format, write := range map[string]func(*sim.Space) ([]File, sim.Diagnostics, error){"GENIUS": WriteGenius, "GeniusWeb": WriteGeniusWeb} {
			_, warn, err := write(sp)
			if err != nil {
				t.Fatalf("%s with %s set: %v", format, name, err)
			}
			if !slices.ContainsFunc(warn, func(d sim.Diagnostic) bool { return strings.HasPrefix(d.Path, path) }) {
				t.Errorf("%s export of an actor with %s set warns of nothing at %s: %v", format, name, path, warn)
			}
		}
	}
}
