package sim

import (
	"math/rand/v2"
	"reflect"
	"testing"
)

func TestRanksAverageTies(t *testing.T) {
	// Sorted: 10 (rank 1), 20 and 20 (ranks 2 and 3, shared as 2.5), 40 (rank 4).
	got := ranks([]float64{40, 20, 10, 20})
	if want := []float64{4, 2.5, 1, 2.5}; !reflect.DeepEqual(got, want) {
		t.Errorf("ranks = %v, want %v", got, want)
	}
}

func TestIndexRoundTrip(t *testing.T) {
	sc := &Scenario{Issues: []Issue{
		{ID: "a", Options: make([]Option, 3)}, {ID: "b", Options: make([]Option, 2)}, {ID: "c", Options: make([]Option, 4)},
	}}
	sp, err := compile(sc)
	if err != nil {
		t.Fatal(err)
	}
	// Last issue fastest: (2,1,3) is 2·(2·4) + 1·4 + 3 = 23, the last of 24 deals.
	if got := sp.index([]int{2, 1, 3}); got != 23 {
		t.Errorf("index(2,1,3) = %d, want 23", got)
	}
	for i := uint64(0); i < 24; i++ {
		if got := sp.index(sp.choiceAt(i)); got != i {
			t.Errorf("index(choiceAt(%d)) = %d", i, got)
		}
	}
}

// Bounds with min = max pin a bounded normal or beta to that value, as they pin uniform and
// triangular: every draw is 0.5, whatever the shape parameters.
func TestZeroWidthBoundsGiveTheirValue(t *testing.T) {
	for _, spec := range []string{"beta(2,2,0.5,0.5)", "normal(0.5,0.1,0.5,0.5)", "uniform(0.5,0.5)", "triangular(0.5,0.5,0.5)"} {
		u, err := ParseUncertain("actors.x.reservation=" + spec)
		if err != nil {
			t.Fatal(err)
		}
		s := newSampler(u)
		src := rand.NewPCG(1, 2)
		for range 200 {
			if x := s.draw(src); x != 0.5 {
				t.Fatalf("%s drew %g; want 0.5 every time", spec, x)
			}
		}
		if u.String() != spec {
			t.Errorf("%s prints as %s", spec, u)
		}
	}
}

// Distributions move with the value a what-if sets, by the difference, kept in range.
func TestRecentreUncertainty(t *testing.T) {
	base := &Scenario{Actors: []Actor{{ID: "a", Reservation: 0.66, Power: 1}, {ID: "b", Reservation: 0.5, Power: 1}, {ID: "c", Reservation: 0.3, Power: 1}}}
	base.Uncertainty = []Uncertain{
		{Path: "actors.a.reservation", Dist: DistUniform, Min: 0.55, Max: 0.72},
		{Path: "actors.b.reservation", Dist: DistTriangular, Min: 0.4, Mode: 0.5, Max: 0.9},
		{Path: "actors.c.reservation", Dist: DistBeta, Alpha: 2, Beta: 2},
		{Path: "actors.c.power", Dist: DistNormal, Mean: 1, SD: 0.5},
	}
	what := base.Clone()
	what.Actors[0].Reservation = 0.68 // +0.02: uniform(0.57,0.74)
	what.Actors[1].Reservation = 0.7  // +0.2: triangular(0.6,0.7,1.1) kept in [0,1]: (0.6,0.7,1)
	what.Actors[2].Reservation = 0.1  // −0.2: beta over [0,1] moves to [−0.2,0.8], kept: [0,0.8]
	got := what.RecentreUncertainty(base)
	want := []string{"uniform(0.57,0.74)", "triangular(0.6,0.7,1)", "beta(2,2,0,0.8)"}
	if len(got) != len(want) {
		t.Fatalf("moved %+v; want three (power did not change)", got)
	}
	for i, w := range want {
		if got[i].To != w || what.Uncertainty[i].String() != w {
			t.Errorf("%s: moved to %s (scenario holds %s); want %s", got[i].Path, got[i].To, what.Uncertainty[i], w)
		}
	}
	if what.Uncertainty[3].String() != "normal(1,0.5)" {
		t.Errorf("an unchanged value's distribution moved: %s", what.Uncertainty[3])
	}
}
