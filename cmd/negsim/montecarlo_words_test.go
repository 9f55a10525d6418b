package main

import (
	"strings"
	"testing"

	"github.com/negsim/negsim/sim"
)

func renderMonteCarlo(t *testing.T, sc *sim.Scenario, mc *sim.MonteCarlo) string {
	t.Helper()
	var b strings.Builder
	if err := monteCarloReport(sc, mc).write(&b, "table"); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func priceScenario() *sim.Scenario {
	sc := &sim.Scenario{Name: "price", Issues: []sim.Issue{{ID: "price", Options: []sim.Option{{ID: "low"}, {ID: "high"}}}}}
	sc.Uncertainty = []sim.Uncertain{{Path: "actors.buyer.reservation", Dist: sim.DistUniform, Min: 0.2, Max: 0.6}}
	return sc
}

// A run stopped before its first draw finished has no figure to give: "0.0% (0 of 0
// draws), 95% interval 0.0% to 0.0%" and "mean 0, min 0" claimed a share, an interval and
// draws that do not exist, and the sensitivity table gave uniform(0.2,0.6) a mean of 0.
func TestMonteCarloWithNoFinishedDrawClaimsNoFigure(t *testing.T) {
	sc := priceScenario()
	mc := &sim.MonteCarlo{Scenario: "price", Seed: 1, Requested: 500, Draws: 0, Interrupted: true,
		ZOPANonEmpty: sim.Wilson(0, 0),
		Sensitivity:  []sim.Sensitivity{{Path: "actors.buyer.reservation", Distribution: "uniform(0.2,0.6)"}}}
	out := renderMonteCarlo(t, sc, mc)
	wantContains(t, "montecarlo", out, "INTERRUPTED: 0 of 500 draws finished", "No draw finished, so there is nothing to report.")
	for _, bad := range []string{"0 of 0 draws", "interval 0.0% to 0.0%", "mean 0", "Sensitivity", "n/a"} {
		if strings.Contains(out, bad) {
			t.Errorf("the report of no draw says %q:\n%s", bad, out)
		}
	}
	// With no draw, every share is still possible: the interval is all of [0, 1].
	if p := sim.Wilson(0, 0); p.Low != 0 || p.High != 1 {
		t.Errorf("Wilson(0, 0) = [%v, %v], want [0, 1]", p.Low, p.High)
	}
}

// "n/a (constant)" stood beside values drawn from 0.2 to 0.6 whenever the zone's size did
// not vary (the shipped ukraine-2026 run, whose zone is empty in every draw): it is the
// size that was constant, and the report now says which.
func TestMonteCarloSaysWhichSideOfTheCorrelationWasConstant(t *testing.T) {
	sc := priceScenario()
	sc.Uncertainty = append(sc.Uncertainty, sim.Uncertain{Path: "actors.seller.reservation", Dist: sim.DistUniform, Min: 0.5, Max: 0.5})
	mc := &sim.MonteCarlo{Scenario: "price", Seed: 1, Requested: 100, Draws: 100,
		ZOPANonEmpty: sim.Wilson(0, 100),
		Sensitivity: []sim.Sensitivity{
			{Path: "actors.buyer.reservation", Distribution: "uniform(0.2,0.6)", Mean: 0.41, Min: 0.2, Max: 0.59},
			{Path: "actors.seller.reservation", Distribution: "uniform(0.5,0.5)", Mean: 0.5, Min: 0.5, Max: 0.5},
		}}
	out := renderMonteCarlo(t, sc, mc)
	wantContains(t, "montecarlo", out, "n/a (zone size constant)", "n/a (value constant)")
	var buyer, seller string
	for _, line := range strings.Split(out, "\n") {
		switch {
		case strings.Contains(line, "actors.buyer.reservation"):
			buyer = line
		case strings.Contains(line, "actors.seller.reservation"):
			seller = line
		}
	}
	if !strings.Contains(buyer, "zone size constant") || !strings.Contains(seller, "value constant") {
		t.Errorf("buyer row %q, seller row %q: want the buyer's rho blamed on the zone size, the seller's on its value", buyer, seller)
	}
	// No draw had a zone: the tables of recurring deals and Nash options stood empty
	// under their headings, and say so instead.
	wantContains(t, "montecarlo", out, "No draw had a deal in the ZOPA, so no deal recurs in it and no draw has a Nash solution.")
	for _, empty := range []string{"Deals most often", "Nash option per issue"} {
		if strings.Contains(out, empty) {
			t.Errorf("the report of draws without a zone has a table %q:\n%s", empty, out)
		}
	}
}

// A share rounded to one decimal must not claim every draw or none when it is neither:
// 9996 of 10000 is 99.96%, which "%.1f" printed as 100.0%, the share of a certainty; 4 of
// 10000 (0.04%) printed as 0.0%. Such shares take the decimals they need (1 of 10^6 is
// 0.0001%); every other share keeps its one decimal.
func TestMonteCarloShareNeverRoundsToAllOrNone(t *testing.T) {
	tests := []struct {
		k, n uint64
		want string
	}{
		{9996, 10000, "99.96%"},
		{4, 10000, "0.04%"},
		{1, 1000000, "0.0001%"},
		{999999, 1000000, "99.9999%"},
		{10000, 10000, "100.0%"},
		{0, 10000, "0.0%"},
		{9994, 10000, "99.9%"},
		{1661, 5000, "33.2%"},
	}
	for _, tt := range tests {
		if got := drawShare(sim.Wilson(tt.k, tt.n)); got != tt.want {
			t.Errorf("%d of %d prints %s, want %s", tt.k, tt.n, got, tt.want)
		}
	}
	sc := priceScenario()
	mc := &sim.MonteCarlo{Scenario: "price", Seed: 1, Requested: 10000, Draws: 10000, ZOPANonEmpty: sim.Wilson(9996, 10000)}
	wantContains(t, "montecarlo", renderMonteCarlo(t, sc, mc), "P(ZOPA non-empty) = 99.96% (9996 of 10000 draws)")
}
