package sim_test

import (
	"context"
	"errors"
	"math"
	"testing"

	"github.com/negsim/negsim/internal/scenariotest"
	"github.com/negsim/negsim/sim"
)

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
