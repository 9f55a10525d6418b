package sim

import (
	"context"
	"math"
	"testing"
)

// TestHugeWeightsShareAsEqualOnes: alpha's weights of 3e308 and 1e308 would sum to +Inf
// and share 0 each; scaled by the largest first they are 1 and 1/3, sharing 3/4 and 1/4,
// exactly as weights 3 and 1 do (explainFixture's alpha).
func TestHugeWeightsShareAsEqualOnes(t *testing.T) {
	sc := explainFixture()
	sc.Actors[0].Preferences[0].Weight = 1.5e308
	sc.Actors[0].Preferences[1].Weight = 0.5e308
	if s := sc.Actors[0].Preferences[0].Weight + sc.Actors[0].Preferences[1].Weight; !math.IsInf(s, 1) {
		// 1.5e308 + 0.5e308 = 2e308 > 1.8e308: the plain sum overflows.
		t.Fatalf("the plain sum is %g, not +Inf; the test no longer tests overflow", s)
	}
	sp := compiled(t, sc)
	// (a,p) = .75·1 + .25·1 = 1; (b,q) = .75·.5 + .25·0 = .375.
	for _, c := range []struct {
		choice []int
		want   float64
	}{{[]int{0, 0}, 1}, {[]int{1, 1}, 0.375}} {
		if got := sp.Utility(0, c.choice); math.Abs(got-c.want) > 1e-12 {
			t.Errorf("utility of %v = %g, want %g", c.choice, got, c.want)
		}
	}
	ex, err := Explain(context.Background(), sp, Options{Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	if got := ex.Actors[0].Priorities[0].Share; got != 0.75 {
		t.Errorf("explain shows a share of %g, want 0.75", got)
	}
	if share, _ := sc.Actors[0].WeightShare("y"); share != 0.25 {
		t.Errorf("role brief share %g, want 0.25", share)
	}
}
