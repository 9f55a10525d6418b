package main

import (
	"strings"
	"testing"

	"github.com/negsim/negsim/config"
)

// The starter's examples of who must agree are off, and the decision and beliefs examples
// load once uncommented (ratification names a parliament the starter does not have).
func TestStarterWhoMustAgreeExamples(t *testing.T) {
	text := starterText([]string{"land", "money"}, []string{"north", "south", "east"}, 3)
	doc, err := config.Load("starter.yaml", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	if doc.Scenario.Decision.VotesNeeded != 0 || len(doc.Scenario.Actors[0].Beliefs.Set) != 0 {
		t.Fatal("the examples are on by default")
	}
	on := text
	for _, block := range []string{"# decision:\n#   votes_needed: 2\n", "    # beliefs:\n    #   set:\n    #     actors.south.reservation: 0.2\n    #   note: Why it believes so, with a source.\n"} {
		if !strings.Contains(on, block) {
			t.Fatalf("the starter lacks the example:\n%s", block)
		}
		on = strings.Replace(on, block, strings.ReplaceAll(block, "# ", ""), 1)
	}
	doc, err = config.Load("starter.yaml", []byte(on))
	if err != nil {
		t.Fatalf("the examples do not load once uncommented: %v", err)
	}
	if doc.Scenario.Decision.VotesNeeded != 2 || len(doc.Scenario.Actors[0].Beliefs.Set) != 1 {
		t.Fatalf("uncommented: decision %+v, beliefs %+v", doc.Scenario.Decision, doc.Scenario.Actors[0].Beliefs)
	}
}
