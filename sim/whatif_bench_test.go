package sim_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/negsim/negsim/sim"
)

// generated is a seeded random scenario of the given size: every actor values every issue
// with random weights and utilities, rejects one random option of one issue, and holds a
// reservation high enough to prune but low enough to leave a ZOPA. Its reservations are
// uncertain by ±0.005, so Monte Carlo draws resemble the nominal analysis in cost.
func generated(issues, options, actors int, seed uint64) *sim.Scenario {
	rng := rand.New(rand.NewPCG(seed, 0))
	sc := &sim.Scenario{Name: fmt.Sprintf("generated %d×%d, %d actors", issues, options, actors)}
	for k := 0; k < issues; k++ {
		is := sim.Issue{ID: fmt.Sprintf("i%d", k), Name: fmt.Sprintf("Issue %d", k)}
		for o := 0; o < options; o++ {
			is.Options = append(is.Options, sim.Option{ID: fmt.Sprintf("o%d", o)})
		}
		sc.Issues = append(sc.Issues, is)
	}
	for a := 0; a < actors; a++ {
		ac := sim.Actor{ID: fmt.Sprintf("a%d", a), Name: fmt.Sprintf("Actor %d", a), Veto: true, Power: 1, Reservation: 0.5}
		redLine := rng.IntN(issues)
		for k := 0; k < issues; k++ {
			pr := sim.Preference{Issue: sc.Issues[k].ID, Weight: float64(1 + rng.IntN(10)), Utilities: map[string]float64{}}
			for o := 0; o < options; o++ {
				pr.Utilities[sc.Issues[k].Options[o].ID] = rng.Float64()
			}
			if k == redLine {
				for o := 0; o < options; o++ {
					if o != a%options {
						pr.Acceptable = append(pr.Acceptable, sc.Issues[k].Options[o].ID)
					}
				}
			}
			ac.Preferences = append(ac.Preferences, pr)
		}
		sc.Actors = append(sc.Actors, ac)
		r := 0.5
		sc.Uncertainty = append(sc.Uncertainty, sim.Uncertain{Path: "actors." + ac.ID + ".reservation", Dist: sim.DistUniform, Min: r - 0.005, Max: r + 0.005})
	}
	return sc
}

func benchScenarios(b *testing.B) []*sim.Scenario {
	return []*sim.Scenario{shipped(b), generated(10, 4, 5, 1)}
}

func BenchmarkAnalyze(b *testing.B) {
	for _, sc := range benchScenarios(b) {
		b.Run(sc.Name, func(b *testing.B) {
			sp, err := sim.Compile(sc)
			if err != nil {
				b.Fatal(err)
			}
			for b.Loop() {
				if _, err := sim.Analyze(context.Background(), sp, sim.Options{Limit: 20, Workers: 1}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkMonteCarlo reports the cost of one draw (ns/op is per draw), to compare with
// one BenchmarkAnalyze op on the same scenario, and its scaling from one worker to two.
func BenchmarkMonteCarlo(b *testing.B) {
	for _, sc := range benchScenarios(b) {
		for _, workers := range []int{1, 2} {
			b.Run(fmt.Sprintf("%s/workers=%d", sc.Name, workers), func(b *testing.B) {
				if _, err := sim.RunMonteCarlo(context.Background(), sc, sim.MonteCarloOptions{Draws: b.N, Seed: 1, Workers: workers, Top: 10}); err != nil {
					b.Fatal(err)
				}
			})
		}
	}
}
