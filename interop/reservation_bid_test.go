package interop

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/negsim/negsim/internal/scenariotest"
	"github.com/negsim/negsim/scenarios"
	"github.com/negsim/negsim/sim"
)

// leastBidByEnumeration is the definition of a GeniusWeb reservation bid, deal by deal: of
// the deals worth at least r, the least valued, the first in issue and option order on ties.
func leastBidByEnumeration(ea exportActor, sizes []int, r float64) ([]int, float64) {
	choice := make([]int, len(sizes))
	var best []int
	bestU := math.Inf(1)
	for {
		u := 0.0
		for k, o := range choice {
			u += ea.weights[k] * ea.values[k][o]
		}
		if u >= r-sim.Tolerance && u < bestU {
			best, bestU = slices.Clone(choice), u
		}
		k := len(choice) - 1
		for ; k >= 0; k-- {
			if choice[k]++; choice[k] < sizes[k] {
				break
			}
			choice[k] = 0
		}
		if k < 0 {
			return best, bestU
		}
	}
}

// The search for a reservation bid gives what enumeration gives, on every actor of the
// reference scenario, whose 1,259,712 deals it used to refuse to search (its GeniusWeb
// profiles went out with no reservation bid, so a GeniusWeb agent would accept any deal),
// and on 300 random spaces with coarse values, where ties are common.
func TestReservationBidIsTheLeastDealWorthTheReservation(t *testing.T) {
	sc := scenariotest.Shipped(t, scenarios.Default, "").Scenario
	actors, _ := prepare(sc, "GeniusWeb")
	sizes := make([]int, len(sc.Issues))
	for k, is := range sc.Issues {
		sizes[k] = len(is.Options)
	}
	for i, ea := range actors {
		r := sc.Actors[i].Reservation
		got, gotU, why := reservationBid(sc, ea, r)
		want, wantU := leastBidByEnumeration(ea, sizes, r)
		if !slices.Equal(got, want) || gotU != wantU {
			t.Errorf("%s at %g: bid %v worth %v (%s); enumeration gives %v worth %v", sc.Actors[i].ID, r, got, gotU, why, want, wantU)
		}
	}

	rng := rand.New(rand.NewPCG(1, 2))
	for trial := range 300 {
		rsc := &sim.Scenario{}
		ea := exportActor{}
		var rsizes []int
		for k := range 2 + rng.IntN(4) {
			n := 2 + rng.IntN(4)
			is := sim.Issue{ID: string(rune('a' + k))}
			values := make([]float64, n)
			for o := range n {
				is.Options = append(is.Options, sim.Option{ID: is.ID + string(rune('0'+o))})
				values[o] = float64(rng.IntN(5)) / 4 // quarters: many equal sums
			}
			rsc.Issues = append(rsc.Issues, is)
			rsizes = append(rsizes, n)
			ea.weights = append(ea.weights, float64(rng.IntN(4))/4)
			ea.values = append(ea.values, values)
		}
		r := float64(rng.IntN(9)) / 8
		got, gotU, _ := reservationBid(rsc, ea, r)
		want, wantU := leastBidByEnumeration(ea, rsizes, r)
		if !slices.Equal(got, want) || (want != nil && gotU != wantU) {
			t.Fatalf("trial %d, r %g, weights %v values %v: bid %v worth %v; enumeration gives %v worth %v", trial, r, ea.weights, ea.values, got, gotU, want, wantU)
		}
	}
}
