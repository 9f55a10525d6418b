package sim_test

import (
	"maps"
	"testing"

	"github.com/negsim/negsim/sim"
)

// A believer's Nash deal is scored with everyone's true values, and so is whether it is
// Pareto-optimal: in the true zone, when it is there. In the tiny accord
// (testdata/accord-tiny.yaml, worked out in accord_test.go) the true zone is the one deal
// deep/large, which China also pictures as its Nash deal: alone in the zone, nothing
// dominates it. In the accord, China pictures the true Nash deal itself, which the analysis
// marks Pareto-optimal under solutions.nash; the belief's copy must say the same.
func TestBelieversNashDealIsMarkedParetoInTheTrueZone(t *testing.T) {
	for _, name := range []string{"accord-tiny.yaml", "accord.yaml"} {
		an := analyzed(t, loadFixture(t, name).Scenario, sim.Options{})
		b := an.Beliefs["china"]
		if b == nil || b.Nash == nil || !b.NashInTrueZOPA {
			t.Fatalf("%s: China's picture %+v, want a Nash deal in the true zone", name, b)
		}
		if !b.Nash.Pareto {
			t.Errorf("%s: China's Nash deal %v is in the true zone, undominated there, but marked not Pareto-optimal", name, b.Nash.Options)
		}
		if n := an.Solutions.Nash; n != nil && maps.Equal(n.Options, b.Nash.Options) && n.Pareto != b.Nash.Pareto {
			t.Errorf("%s: the same deal is Pareto-optimal under solutions.nash (%v) and not under beliefs (%v)", name, n.Pareto, b.Nash.Pareto)
		}
	}
}
