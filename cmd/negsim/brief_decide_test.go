package main

import (
	"slices"
	"strings"
	"testing"

	"github.com/negsim/negsim/config"
	"github.com/negsim/negsim/scenarios"
	"github.com/negsim/negsim/sim"
)

// The leak check reaches beliefs and ratification: a brief that shows another actor's
// beliefs is caught, and each role's own beliefs and ratification do show in its brief.
func TestBriefLeakCheckCatchesBeliefLeaks(t *testing.T) {
	all := shippedScenarios(t)
	sc := all[slices.Index(scenarios.Names(), "teaching-telephone-game")]
	mediator := sc.ActorIndex("mediator")
	own, _ := renderRoleBrief(perturbOthers(t, sc, (mediator+1)%len(sc.Actors)), mediator, "markdown")
	if !strings.Contains(own, leakMarker+"-mediator-beliefs-note") || !strings.Contains(own, "What you believe about the others") {
		t.Fatalf("the mediator's brief does not show its own beliefs:\n%s", own)
	}
	leakyBeliefs := func(sc *sim.Scenario, a int, format string) (string, error) {
		b := sim.RoleBrief(sc, a)
		if a != mediator {
			b.Role.Beliefs = sim.RoleBrief(sc, mediator).Role.Beliefs
		}
		var w strings.Builder
		err := briefView(&config.Document{Scenario: sc}, b).render(&w, format)
		return w.String(), err
	}
	// Every role but the mediator's, in each of the four formats.
	if leaks := briefLeaks(t, sc, leakyBeliefs); len(leaks) != 4*(len(sc.Actors)-1) {
		t.Errorf("a brief showing the mediator's beliefs to the others: %d leaks found, want %d", len(leaks), 4*(len(sc.Actors)-1))
	}

	tied := all[slices.Index(scenarios.Names(), "teaching-tied-hands")]
	home, _ := renderRoleBrief(perturbOthers(t, tied, 0), 0, "markdown")
	parliament, _ := renderRoleBrief(tied, tied.ActorIndex("parliament"), "markdown")
	if !strings.Contains(home, "ratified at home by Home's parliament: it needs 1 of their 1 votes") || !strings.Contains(parliament, "you vote at home on any deal Home government signs") {
		t.Errorf("ratification missing from the briefs:\n%s\n%s", home, parliament)
	}
}
