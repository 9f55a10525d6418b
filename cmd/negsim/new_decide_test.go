package main

import (
	"strings"
	"testing"

	"github.com/negsim/negsim/config"
)

// The starter's examples of who must agree, of a strategy, of the rounds and of the
// teacher's texts are off, and each loads once uncommented (ratification alone names a
// parliament the starter does not have).
func TestStarterWhoMustAgreeExamples(t *testing.T) {
	text := starterText([]string{"land", "money"}, []string{"north", "south", "east"}, 3, nil, nil)
	doc, err := config.Load("starter.yaml", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	if doc.Scenario.Decision.VotesNeeded != 0 || len(doc.Scenario.Actors[0].Beliefs.Set) != 0 {
		t.Fatal("the examples are on by default")
	}
	on := text
	for _, block := range []string{
		"# decision:\n#   votes_needed: 2\n",
		"    # beliefs:\n    #   set:\n    #     actors.south.reservation: 0.2\n    #   note: Why it believes so, with a source.\n",
		"# stance: A teaching model with invented numbers, not a forecast.\n# teacher_notes: >\n#   What the class should find, and the questions to ask it.\n",
		"    # strategy: boulware\n",
		"# protocol:\n#   kind: mediated\n#   mediator: north\n#   rounds: 10\n# events:\n#   - round: 3\n#     why: What happens, in one sentence.\n#     add:\n#       actors.east.reservation: -0.05\n",
	} {
		if !strings.Contains(on, block) {
			t.Fatalf("the starter lacks the example:\n%s", block)
		}
		on = strings.Replace(on, block, strings.ReplaceAll(block, "# ", ""), 1)
	}
	doc, err = config.Load("starter.yaml", []byte(on))
	if err != nil {
		t.Fatalf("the examples do not load once uncommented: %v", err)
	}
	sc := doc.Scenario
	if sc.Decision.VotesNeeded != 2 || len(sc.Actors[0].Beliefs.Set) != 1 || sc.Stance == "" || sc.TeacherNotes == "" ||
		sc.Actors[0].Strategy.Kind != "boulware" || sc.Protocol.Mediator != "north" || sc.Protocol.Rounds != 10 || len(sc.Events) != 1 {
		t.Fatalf("uncommented: decision %+v, beliefs %+v, stance %q, teacher notes %q, strategy %+v, protocol %+v, events %+v",
			sc.Decision, sc.Actors[0].Beliefs, sc.Stance, sc.TeacherNotes, sc.Actors[0].Strategy, sc.Protocol, sc.Events)
	}
	if warnings := doc.Warnings.Error(); strings.Contains(warnings, "event") {
		t.Errorf("the event example is warned of: %s", warnings)
	}
}
