package main

import (
	"encoding/json"
	"slices"
	"testing"
)

// A zone emptied by one veto actor's own rules is said so, not as a clash between the
// actors. The United States' condition (ukraine-2026.yaml) asks territory to be
// withdraw-donetsk or cede-four once guarantees are article5; with only article5 and only
// freeze acceptable, the condition always applies and can never be met. As shipped the
// clash is between the actors, and is still said so. (The page: pagetest's one-actor-why.)
func TestOneActorsOwnRulesRuleOutEveryDeal(t *testing.T) {
	out := runOK(t, "analyze", "--set", "actors.united-states.preferences.guarantees.acceptable=[article5]", "--set", "actors.united-states.preferences.territory.acceptable=[freeze]")
	wantContains(t, "analyze", out, "\nThe red lines and constraints of United States alone rule out every deal, whatever the others accept and whatever the reservation values: no deal keeps them all.\n")
	wantContains(t, "analyze as shipped", runOK(t, "analyze"), "\nThe veto actors' red lines clash: no deal keeps all of them, whatever the reservation values.\n")
	var an struct {
		Diagnosis struct {
			RuledOutAlone []string `json:"ruled_out_alone"`
		} `json:"diagnosis"`
	}
	js := runOK(t, "analyze", "--set", "actors.united-states.preferences.guarantees.acceptable=[article5]", "--set", "actors.united-states.preferences.territory.acceptable=[freeze]", "--format", "json")
	if err := json.Unmarshal([]byte(js), &an); err != nil || !slices.Equal(an.Diagnosis.RuledOutAlone, []string{"united-states"}) {
		t.Errorf("analyze --format json: ruled_out_alone %q (%v), want [united-states]", an.Diagnosis.RuledOutAlone, err)
	}
}
