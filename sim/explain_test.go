package sim

import (
	"context"
	"fmt"
	"math"
	"reflect"
	"testing"
)

// explainFixture is small enough to enumerate by hand: 3 × 2 = 6 deals.
//
// alpha: weights x 3, y 1 → shares 0.75 and 0.25. Values x: a 1, b 0.5, c 0; y: ideal p,
// linear, so p 1 and q 0. Red line on x: a or b. Constraint: if x is b then y is p.
// beta (no veto): weight on x only, ideal c, quadratic: D = 2, so a 1−(2/2)² = 0,
// b 1−(1/2)² = 0.75, c 1. No red lines.
func explainFixture() *Scenario {
	return &Scenario{
		Name: "fixture",
		Issues: []Issue{
			{ID: "x", Name: "X", Options: []Option{{ID: "a"}, {ID: "b"}, {ID: "c"}}},
			{ID: "y", Name: "Y", Options: []Option{{ID: "p"}, {ID: "q"}}},
		},
		Actors: []Actor{
			{ID: "alpha", Name: "Alpha", Veto: true, Power: 1, Reservation: 0.7, Preferences: []Preference{
				{Issue: "x", Weight: 3, Utilities: map[string]float64{"a": 1, "b": 0.5, "c": 0}, Acceptable: []string{"a", "b"}},
				{Issue: "y", Weight: 1, Ideal: "p"},
			}, Constraints: []Constraint{{If: map[string][]string{"x": {"b"}}, Then: map[string][]string{"y": {"p"}}, Why: "b only with p"}}},
			{ID: "beta", Name: "Beta", Veto: false, Power: 1, Reservation: 0.8, Preferences: []Preference{
				{Issue: "x", Weight: 1, Ideal: "c", Shape: ShapeQuadratic},
			}},
		},
	}
}

func TestExplainByHand(t *testing.T) {
	sp := compiled(t, explainFixture())
	ex, err := Explain(context.Background(), sp, Options{Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	if ex.Deals != 6 || len(ex.Actors) != 2 {
		t.Fatalf("deals %d, actors %d; want 6 and 2", ex.Deals, len(ex.Actors))
	}
	alpha, beta := ex.Actors[0], ex.Actors[1]

	// alpha, within its red lines (x in {a,b}, and not b with q):
	//   (a,p) = .75·1 + .25·1 = 1; (a,q) = .75; (b,p) = .75·.5 + .25 = .625.
	// At reservation .7 it accepts (a,p) and (a,q); (b,p) falls below, so b is in no deal it
	// accepts although (b,p) keeps its red lines.
	wantPriorities := []Priority{
		{Issue: "x", Share: 0.75, Best: []string{"a"}, Worst: []string{"c"}},
		{Issue: "y", Share: 0.25, Best: []string{"p"}, Worst: []string{"q"}},
	}
	if !reflect.DeepEqual(alpha.Priorities, wantPriorities) {
		t.Errorf("alpha priorities %+v; want %+v", alpha.Priorities, wantPriorities)
	}
	if want := []RedLine{{Issue: "x", Acceptable: []string{"a", "b"}, Excluded: []string{"c"}}}; !reflect.DeepEqual(alpha.RedLines, want) {
		t.Errorf("alpha red lines %+v; want %+v", alpha.RedLines, want)
	}
	if want := []ConstraintReport{{If: []Condition{{"x", []string{"b"}}}, Then: []Condition{{"y", []string{"p"}}}, Why: "b only with p"}}; !reflect.DeepEqual(alpha.Constraints, want) {
		t.Errorf("alpha constraints %+v; want %+v", alpha.Constraints, want)
	}
	checkDeal(t, "alpha best", alpha.Best, map[string]string{"x": "a", "y": "p"}, 1)
	checkDeal(t, "alpha worst", alpha.Worst, map[string]string{"x": "b", "y": "p"}, 0.625)
	if alpha.WithinRedLines != 3 || alpha.Accepted != 2 || alpha.BelowReservation != 1 {
		t.Errorf("alpha counts %d/%d/%d; want 3 within red lines, 2 accepted, 1 below", alpha.WithinRedLines, alpha.Accepted, alpha.BelowReservation)
	}
	if want := []OptionRef{{"x", "b"}}; !reflect.DeepEqual(alpha.RuledOutByReservation, want) {
		t.Errorf("alpha ruled out %+v; want %+v", alpha.RuledOutByReservation, want)
	}
	// Per option, of the three deals within its red lines: a in (a,p), (a,q), both accepted;
	// b in (b,p), not accepted; c in none (a red line, so not listed); p in (a,p), (b,p), one
	// accepted; q in (a,q), accepted.
	wantBy := []OptionCount{{"x", "a", 2, 2}, {"x", "b", 1, 0}, {"y", "p", 2, 1}, {"y", "q", 1, 1}}
	if !reflect.DeepEqual(alpha.ByOption, wantBy) {
		t.Errorf("alpha by option %+v; want %+v", alpha.ByOption, wantBy)
	}

	// beta cares about x only: (c,·) = 1, (b,·) = .75, (a,·) = 0. At .8 it accepts the two
	// deals with c; best is the first of them, (c,p), worst the first with a, (a,p).
	if len(beta.Priorities) != 1 || beta.Priorities[0].Share != 1 || !reflect.DeepEqual(beta.Ignores, []string{"y"}) {
		t.Errorf("beta priorities %+v, ignores %v; want x alone at share 1, ignoring y", beta.Priorities, beta.Ignores)
	}
	checkDeal(t, "beta best", beta.Best, map[string]string{"x": "c", "y": "p"}, 1)
	checkDeal(t, "beta worst", beta.Worst, map[string]string{"x": "a", "y": "p"}, 0)
	if beta.WithinRedLines != 6 || beta.Accepted != 2 || beta.BelowReservation != 4 {
		t.Errorf("beta counts %d/%d/%d; want 6, 2, 4", beta.WithinRedLines, beta.Accepted, beta.BelowReservation)
	}
	if want := []OptionRef{{"x", "a"}, {"x", "b"}}; !reflect.DeepEqual(beta.RuledOutByReservation, want) {
		t.Errorf("beta ruled out %+v; want %+v", beta.RuledOutByReservation, want)
	}
}

func checkDeal(t *testing.T, what string, d *ScoredDeal, options map[string]string, utility float64) {
	t.Helper()
	if d == nil {
		t.Errorf("%s: no deal; want %v", what, options)
		return
	}
	if !reflect.DeepEqual(d.Options, options) || math.Abs(d.Utility-utility) > 1e-12 {
		t.Errorf("%s: %v worth %g; want %v worth %g", what, d.Options, d.Utility, options, utility)
	}
}

// TestExplainExtremesMatchEnumeration checks the branch-and-bound search against plain
// enumeration of every deal on a scenario with ties and a constraint.
func TestExplainExtremesMatchEnumeration(t *testing.T) {
	sc := explainFixture()
	sc.Issues = append(sc.Issues, Issue{ID: "z", Name: "Z", Options: []Option{{ID: "u"}, {ID: "v"}, {ID: "w"}, {ID: "s"}}})
	sc.Actors[0].Preferences = append(sc.Actors[0].Preferences, Preference{Issue: "z", Weight: 2, Utilities: map[string]float64{"u": 0.2, "v": 0.9, "w": 0.9, "s": 0}})
	sp := compiled(t, sc)
	ex, err := Explain(context.Background(), sp, Options{Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	for a := range sc.Actors {
		var best, worst []int
		bu, wu := math.Inf(-1), math.Inf(1)
		within := 0
		for x := 0; x < 3; x++ {
			for y := 0; y < 2; y++ {
				for z := 0; z < 4; z++ {
					c := []int{x, y, z}
					if !sp.MeetsRedLines(a, c) {
						continue
					}
					within++
					u := sp.Utility(a, c)
					if u > bu+tieSlack {
						bu, best = u, c
					}
					if u < wu-tieSlack {
						wu, worst = u, c
					}
				}
			}
		}
		got := ex.Actors[a]
		if !reflect.DeepEqual(got.Best.Choice, best) || !reflect.DeepEqual(got.Worst.Choice, worst) || got.WithinRedLines != uint64(within) {
			t.Errorf("%s: best %v worst %v within %d; enumeration gives %v, %v, %d", got.ID, got.Best.Choice, got.Worst.Choice, got.WithinRedLines, best, worst, within)
		}
	}
}

// benchScenario has issues × options deals and four actors with opposed, uneven
// preferences and one red line each, like a large classroom scenario.
func benchScenario(issues, options int) *Scenario {
	sc := &Scenario{Name: "bench", Issues: gridIssues(issues, options)}
	for a := 0; a < 4; a++ {
		act := Actor{ID: fmt.Sprintf("a%d", a), Name: "actor", Veto: true, Power: 1, Reservation: 0.5}
		for k := 0; k < issues; k++ {
			ideal := (a * (k + 1)) % options
			pr := Preference{Issue: sc.Issues[k].ID, Weight: float64(1 + (a+k)%3), Ideal: fmt.Sprintf("o%d", ideal)}
			if k == a%issues {
				pr.Acceptable = []string{fmt.Sprintf("o%d", ideal), fmt.Sprintf("o%d", (ideal+1)%options)}
			}
			act.Preferences = append(act.Preferences, pr)
		}
		sc.Actors = append(sc.Actors, act)
	}
	return sc
}

func BenchmarkExplain8x5(b *testing.B) {
	sp := compiled(b, benchScenario(8, 5))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := Explain(context.Background(), sp, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
