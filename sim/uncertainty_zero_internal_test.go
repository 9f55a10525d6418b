package sim

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// Bounds of 0 and 0 read as "no bounds" (the form a file without min and max decodes to),
// so a bounded normal or beta that a what-if moved down to [0, 0] turned back into one
// over the whole range: the job offer's candidate at 0.5 with beta(2,2,0.1,0.3), set to
// 0.1 (a move of −0.4), became beta(2,2), drawn over [0, 1] with a mean near 0.5, where
// the move gives [0.1 − 0.4, 0.3 − 0.4] = [−0.3, −0.1], kept in [0, 1]: always 0.
func TestRecentringToZeroWidthAtZeroStaysAtZero(t *testing.T) {
	base := &Scenario{Actors: []Actor{NewActor("a", "A")}}
	base.Actors[0].Reservation = 0.5
	base.Uncertainty = []Uncertain{
		{Path: "actors.a.reservation", Dist: DistBeta, Alpha: 2, Beta: 2, Min: 0.1, Max: 0.3},
	}
	for _, tt := range []struct {
		u    Uncertain
		want string
	}{
		{Uncertain{Path: "actors.a.reservation", Dist: DistBeta, Alpha: 2, Beta: 2, Min: 0.1, Max: 0.3}, "uniform(0,0)"},
		// normal(0.2,0.05,0.1,0.3) moves to bounds [0, 0] and a mean of −0.2 kept in them: 0.
		{Uncertain{Path: "actors.a.reservation", Dist: DistNormal, Mean: 0.2, SD: 0.05, Min: 0.1, Max: 0.3}, "normal(0,0)"},
	} {
		what := base.Clone()
		what.Uncertainty[0] = tt.u
		what.Actors[0].Reservation = 0.1
		moved := what.RecentreUncertainty(base)
		if len(moved) != 1 || moved[0].To != tt.want {
			t.Errorf("%s moved by −0.4: %+v; want %s", tt.u, moved, tt.want)
			continue
		}
		s := newSampler(what.Uncertainty[0])
		src := rand.NewPCG(1, 2)
		for range 200 {
			if x := s.draw(src); x != 0 {
				t.Fatalf("%s drew %g; want 0 every time", moved[0].To, x)
			}
		}
	}
}

// On the command line the four-argument forms say the bounds were given: normal(m,sd,0,0)
// and beta(a,b,0,0) would silently read as unbounded, so they are refused with the form
// that always gives 0.
func TestVaryWithBoundsZeroAndZeroIsRefused(t *testing.T) {
	for _, spec := range []string{"normal(0.5,0.1,0,0)", "beta(2,2,0,0)"} {
		_, err := ParseUncertain("actors.x.reservation=" + spec)
		if err == nil || !strings.Contains(err.Error(), "uniform(0,0)") {
			t.Errorf("%s: got %v; want a refusal that offers uniform(0,0)", spec, err)
		}
	}
	// Other zero-width bounds are fine: they always give that value.
	if _, err := ParseUncertain("actors.x.reservation=beta(2,2,0.5,0.5)"); err != nil {
		t.Errorf("beta(2,2,0.5,0.5): %v", err)
	}
}

// A normal is truncated to the range its path allows (README, montecarlo): for a power,
// (0, ∞). Its support started at 0 itself, which a power may not be, so every normal on a
// power was refused ("can draw values in [0, +Inf], but the value must lie in (0, ∞)").
// normal(1,0.5) truncated to (0, ∞) loses Φ(−2) = 2.3% of its mass below 0 and is valid.
func TestNormalOnAPowerIsTruncatedAboveZero(t *testing.T) {
	u := Uncertain{Path: "actors.a.power", Dist: DistNormal, Mean: 1, SD: 0.5}
	lo, hi := u.support()
	if r := rangeOf(u.Path); !r.contains(lo) || !r.contains(hi) {
		t.Fatalf("support [%g, %g] is not within a power's range %s", lo, hi, r)
	}
	s := newSampler(u)
	src := rand.NewPCG(3, 4)
	for range 2000 {
		if x := s.draw(src); !(x > 0) {
			t.Fatalf("drew a power of %g; want above 0", x)
		}
	}
}
