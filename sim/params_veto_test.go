package sim_test

import (
	"strings"
	"testing"

	"github.com/negsim/negsim/internal/scenariotest"
	"github.com/negsim/negsim/sim"
)

// Without decision.votes_needed someone must hold a veto (MODEL.md section 6; validation
// refuses a scenario where no one does). One row cannot say that of several vetoes together,
// so each veto's note names the others; a sole veto is offered as true alone; and with no
// veto at all decision.votes_needed starts at 1. Every limit is checked against validation
// itself, an independent route: what the rows offer passes, what their notes rule out fails.
func TestParamsVetoesTogether(t *testing.T) {
	// teaching-red-line writes no veto:, so its three parties hold one each, and no decision.
	base := scenariotest.Shipped(t, "teaching-red-line", "").Scenario
	with := func(sets ...string) *sim.Scenario {
		t.Helper()
		sc := base.Clone()
		for _, kv := range sets {
			path, value, _ := strings.Cut(kv, "=")
			if err := sc.Set(path, value); err != nil {
				t.Fatal(err)
			}
		}
		return sc
	}
	valid := func(sets ...string) bool { return len(with(sets...).Validate().Errors()) == 0 }
	row := func(sc *sim.Scenario, path string) sim.Param {
		t.Helper()
		for _, p := range sc.Params() {
			if p.Path == path {
				return p
			}
		}
		t.Fatalf("no row %s", path)
		return sim.Param{}
	}

	for id, others := range map[string]string{
		"left":   "not with the vetoes of Centre party and Right party false too",
		"centre": "not with the vetoes of Left party and Right party false too",
		"right":  "not with the vetoes of Left party and Centre party false too",
	} {
		p := row(base, "actors."+id+".veto")
		if len(p.Choices) != 0 || !strings.Contains(p.Note, others) || !strings.Contains(p.Note, "decision.votes_needed is 0") {
			t.Errorf("%s: choices %v, note %q; want true and false, with a note saying %q", p.Path, p.Choices, p.Note, others)
		}
		if !valid("actors." + id + ".veto=false") {
			t.Errorf("%s=false alone is refused, though its row offers it", p.Path)
		}
	}
	if valid("actors.left.veto=false", "actors.centre.veto=false", "actors.right.veto=false") {
		t.Error("every veto false together passes validation, though the notes say it cannot")
	}

	twoOff := []string{"actors.left.veto=false", "actors.centre.veto=false"}
	if p := row(with(twoOff...), "actors.right.veto"); len(p.Choices) != 1 || p.Choices[0] != "true" || !strings.HasPrefix(p.Note, "is the only veto") {
		t.Errorf("the sole veto: choices %v, note %q; want true alone, as the only veto", p.Choices, p.Note)
	}
	if valid(append(twoOff, "actors.right.veto=false")...) {
		t.Error("the sole veto set false passes validation")
	}

	noVeto := []string{"actors.left.veto=false", "actors.centre.veto=false", "actors.right.veto=false", "decision.votes_needed=2"}
	if p := row(with(noVeto...), "decision.votes_needed"); p.Min == nil || *p.Min != 1 || !strings.Contains(p.Note, "no actor holds a veto") {
		t.Errorf("decision.votes_needed with no veto: %s, note %q; want a min of 1, saying no actor holds a veto", p.Value, p.Note)
	}
	if valid(append(noVeto, "decision.votes_needed=0")...) || !valid(append(noVeto, "decision.votes_needed=1")...) {
		t.Error("with no veto, validation should refuse decision.votes_needed 0 and take 1")
	}
	for _, path := range []string{"actors.left.veto", "actors.centre.veto"} {
		if p := row(with(noVeto...), path); p.Note != "" {
			t.Errorf("%s under a decision rule: note %q; want none, since no veto need stay", path, p.Note)
		}
	}
}
