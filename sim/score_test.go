package sim_test

import (
	"context"
	"errors"
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

// The debrief's chart draws the ZOPA's frontier for two veto actors: the deals no other
// ZOPA deal beats for both. In the reference scenario under sanctions-bite, Ukraine's
// utility 0.443 is reached by deals whose sums round differently in the last bit, and the
// frontier kept (0.443, 0.65) beside (0.443, 0.673214285714): a point the other beats for
// Russia, drawn as a drop straight down. The expected frontier was found by enumerating
// the 709 ZOPA deals with an independent script from MODEL.md (every deal's two utilities,
// rounded to 12 decimals, kept when no other deal is at least as good for both): 15
// points, from (0.407, 0.679464285714) to (0.618, 0.529464285714).
func TestDebriefFrontierHoldsNoBeatenPoint(t *testing.T) {
	ctx := context.Background()
	doc := scenariotest.Shipped(t, "ukraine-2026", "sanctions-bite")
	sp := scenariotest.Compile(t, doc.Scenario)
	scorer, err := sim.NewScorer(ctx, sp, sim.Options{})
	if err != nil {
		t.Fatal(err)
	}
	axes := [2]int{actorIndex(t, doc.Scenario, "ukraine"), actorIndex(t, doc.Scenario, "russia")}
	db, err := scorer.Debrief(ctx, nil, &axes)
	if err != nil {
		t.Fatal(err)
	}
	want := [][2]float64{
		{0.407, 0.679464285714}, {0.443, 0.673214285714}, {0.473, 0.646428571429},
		{0.479, 0.641071428571}, {0.508, 0.633035714286}, {0.514, 0.627678571429},
		{0.522, 0.615178571429}, {0.538, 0.60625}, {0.544, 0.600892857143},
		{0.552, 0.588392857143}, {0.558, 0.583035714286}, {0.574, 0.574107142857},
		{0.582, 0.561607142857}, {0.588, 0.55625}, {0.618, 0.529464285714},
	}
	if len(db.Frontier) != len(want) {
		t.Errorf("%d points on the frontier, want %d: %v", len(db.Frontier), len(want), db.Frontier)
	}
	for i, p := range db.Frontier {
		if i < len(want) && (math.Abs(p.X-want[i][0]) > 1e-9 || math.Abs(p.Y-want[i][1]) > 1e-9) {
			t.Errorf("point %d: (%g, %g), want (%g, %g)", i, p.X, p.Y, want[i][0], want[i][1])
		}
		for j, q := range db.Frontier {
			if i != j && q.X >= p.X-sim.Tolerance && q.Y >= p.Y-sim.Tolerance {
				t.Errorf("(%g, %g) is beaten by (%g, %g) for both actors", p.X, p.Y, q.X, q.Y)
			}
		}
	}
}

func actorIndex(t *testing.T, sc *sim.Scenario, id string) int {
	t.Helper()
	for i, a := range sc.Actors {
		if a.ID == id {
			return i
		}
	}
	t.Fatalf("no actor %q", id)
	return -1
}

// A debrief, and score of a file of deals, stop at Ctrl-C or --timeout, deal by deal:
// scoring 20,000 tables of the reference scenario ran on for ten seconds past a --timeout
// of one, and printed its ranking as if nothing had happened.
func TestScoringStopsWhenCancelled(t *testing.T) {
	doc := scenariotest.Shipped(t, "ukraine-2026", "")
	sp := scenariotest.Compile(t, doc.Scenario)
	scorer, err := sim.NewScorer(context.Background(), sp, sim.Options{})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	tables := []sim.TableDeal{{Table: "a", Choice: make([]int, len(doc.Scenario.Issues))}}
	if db, err := scorer.Debrief(ctx, tables, nil); !errors.Is(err, context.Canceled) {
		t.Errorf("a cancelled debrief: %v, %+v; want context.Canceled and no debrief", err, db)
	}
	if score, err := scorer.Score(ctx, tables[0].Choice); !errors.Is(err, context.Canceled) {
		t.Errorf("a cancelled score: %v, %+v; want context.Canceled and no score", err, score)
	}
}
