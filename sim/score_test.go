package sim_test

import (
	"context"
	"math"
	"testing"

	"github.com/negsim/negsim/internal/scenariotest"
	"github.com/negsim/negsim/sim"
)

// Scoring a deal on its own must say what the analysis says of it in context: for every
// ZOPA deal analyze lists, in every shipped scenario and variant, the same utilities and
// surpluses, in the ZOPA, and the same Pareto flag; and every bargaining solution is
// Pareto-optimal, the Nash solution at distance 0 from itself.
func TestScoreAgreesWithAnalyzeOnShippedScenarios(t *testing.T) {
	ctx := context.Background()
	listed := 0
	for _, c := range shippedCases(t) {
		name, variant := c.name, c.variant
		sp := scenariotest.Compile(t, c.sc)
		an, err := sim.Analyze(ctx, sp, sim.Options{Limit: 25})
		if err != nil {
			t.Fatal(err)
		}
		scorer, err := sim.NewScorer(ctx, sp, sim.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if scorer.ZOPA() != an.ZOPA.Count {
			t.Errorf("%s#%s: scorer's ZOPA %d, analyze's %d", name, variant, scorer.ZOPA(), an.ZOPA.Count)
		}
		deals := an.ZOPA.Deals
		for _, ns := range an.Solutions.Named() {
			if ns.Solution != nil {
				deals = append(deals, ns.Solution.Deal)
			}
		}
		for _, d := range deals {
			listed++
			s, err := scorer.Score(ctx, d.Choice)
			if err != nil {
				t.Fatal(err)
			}
			if !s.InZOPA || s.Pareto != d.Pareto || (s.DominatedBy == nil) != d.Pareto {
				t.Errorf("%s#%s %v: in ZOPA %v, Pareto %v; analyze says in the ZOPA, Pareto %v", name, variant, d.Options, s.InZOPA, s.Pareto, d.Pareto)
			}
			joint := 0.0
			for _, as := range s.Actors {
				if math.Abs(as.Utility-d.Utilities[as.ID]) > 1e-9 || math.Abs(as.Surplus-d.Surplus[as.ID]) > 1e-9 || as.Accepts != d.Accepts[as.ID] {
					t.Errorf("%s#%s %v: %s utility %g surplus %g accepts %v; analyze %g, %g, %v", name, variant, d.Options, as.ID,
						as.Utility, as.Surplus, as.Accepts, d.Utilities[as.ID], d.Surplus[as.ID], d.Accepts[as.ID])
				}
				if as.Veto {
					joint += d.Surplus[as.ID]
				}
			}
			if math.Abs(s.JointGain-joint) > 1e-9 {
				t.Errorf("%s#%s %v: joint gain %g; the surpluses analyze lists add up to %g", name, variant, d.Options, s.JointGain, joint)
			}
		}
		if nash := an.Solutions.Nash; nash != nil {
			s, err := scorer.Score(ctx, nash.Choice)
			if err != nil {
				t.Fatal(err)
			}
			if s.Nash == nil || s.Nash.IssuesDiffering != 0 || s.Nash.UtilityDistance != 0 {
				t.Errorf("%s#%s: the Nash solution's distance to itself: %+v", name, variant, s.Nash)
			}
		} else if an.ZOPA.Count == 0 && len(an.ZOPA.Deals) != 0 {
			t.Errorf("%s#%s: deals listed in an empty ZOPA", name, variant)
		}
	}
	if listed < 50 {
		t.Fatalf("only %d ZOPA deals checked: the shipped scenarios no longer cover the case", listed)
	}
}
