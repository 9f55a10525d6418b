package sim_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/negsim/negsim/sim"
)

// An event can change a belief mid-talks, and the proposer then proposes from the new
// picture. In teaching-telephone-game the mediator believes West takes anything and the
// talks break down; with the true picture from the start (#mediator-knows) they agree on
// d2 at round 8, as the scenario file's comments work out by hand. The mediator proposes
// the same closest text in rounds 0 to 4 either way, so learning the truth at round 3, by
// the belief set to the truth or dropped, ends the same: d2 at round 8, with no proposal
// after round 3 marked as misjudged. Before, the events were applied and the picture of
// round 0 kept, and the talks still broke down.
func TestEventChangesBelief(t *testing.T) {
	text, err := os.ReadFile(filepath.Join("..", "scenarios", "teaching-telephone-game.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, value := range []string{"0.5", "null"} {
		doc := loadYAML(t, string(text)+`
events:
  - round: 3
    why: The mediator learns West's true reservation.
    set:
      actors.mediator.beliefs.set.actors.west.reservation: `+value+"\n")
		tr, err := sim.Rounds(context.Background(), doc.Space, sim.RoundsOptions{})
		if err != nil {
			t.Fatal(err)
		}
		out := tr.Outcome
		if !out.Agreement || out.Round != 8 || out.Deal == nil || out.Deal.Options["districts"] != "d2" {
			t.Errorf("belief set to %s at round 3: agreement %v at round %d on %v; want d2 at round 8", value, out.Agreement, out.Round, out.Deal)
		}
		for _, rd := range tr.Rounds {
			if rd.Round >= 3 && len(rd.Misjudged) > 0 {
				t.Errorf("belief set to %s at round 3: round %d still misjudges %v", value, rd.Round, rd.Misjudged)
			}
		}
	}
}
