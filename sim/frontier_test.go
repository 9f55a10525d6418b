package sim

import (
	"context"
	"math"
	"slices"
	"testing"
)

func TestParetoFilterNearEqualUtilities(t *testing.T) {
	// The first utilities of a and b differ in the last bit only, as two sums of the same
	// numbers in another order do. a sorts first yet b dominates it (second utility .738 >
	// .714 + tolerance), so only b, c and d may remain; d equals c within the tolerance and
	// merges with it, the lower positions standing for both.
	x := 0.8783333333333333
	a := entry{vec: []float64{math.Nextafter(x, 1), 0.7138305}, count: 1, choice: []int{2, 1}}
	b := entry{vec: []float64{x, 0.7382820}, count: 1, choice: []int{0, 1}}
	c := entry{vec: []float64{0.785, 0.9285654}, count: 1, choice: []int{0, 2}}
	d := entry{vec: []float64{0.785 + 1e-12, 0.9285654}, count: 2, choice: []int{1, 0}}
	for _, dims := range []int{2, 3} {
		var cands []entry
		for _, e := range []entry{a, b, c, d} {
			v := slices.Clone(e.vec)
			if dims == 3 {
				v = append(v, 0.5) // a third actor indifferent to all four
			}
			cands = append(cands, entry{vec: v, count: e.count, choice: e.choice})
		}
		got, _ := paretoFilter(context.Background(), cands)
		slices.SortFunc(got, func(p, q entry) int { return slices.Compare(p.choice, q.choice) })
		if len(got) != 2 || !slices.Equal(got[0].choice, []int{0, 1}) || !slices.Equal(got[1].choice, []int{0, 2}) || got[1].count != 3 {
			t.Errorf("%d actors: kept %+v, want b and c (standing for c and d, 3 deals)", dims, got)
		}
	}
}

func TestParetoFilterDominatorWithSmallerSum(t *testing.T) {
	// b is within the tolerance of a on two utilities and better by more than it on the
	// third, so b dominates a, yet b's sum is smaller by 0.48e-9 and b is filtered after a.
	a := entry{vec: []float64{1, 1, 1}, count: 1, choice: []int{0}}
	b := entry{vec: []float64{1 - 0.99e-9, 1 + 1.5e-9, 1 - 0.99e-9}, count: 1, choice: []int{1}}
	got, _ := paretoFilter(context.Background(), []entry{a, b})
	if len(got) != 1 || got[0].choice[0] != 1 {
		t.Errorf("kept %+v, want b alone", got)
	}
}
