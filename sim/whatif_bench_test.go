package sim_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/negsim/negsim/internal/scenariotest"
	"github.com/negsim/negsim/scenarios"
	"github.com/negsim/negsim/sim"
)

func benchScenarios(b *testing.B) []*sim.Scenario {
	return []*sim.Scenario{scenariotest.Shipped(b, scenarios.Default, "").Scenario, sim.Generate(sim.GenerateSpec{Issues: 10, Options: 4, Actors: 5, Reservation: 0.5, Seed: 1, RedLines: true, Spread: 0.005})}
}

func BenchmarkAnalyze(b *testing.B) {
	for _, sc := range benchScenarios(b) {
		b.Run(sc.Name, func(b *testing.B) {
			sp := scenariotest.Compile(b, sc)
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
				if _, err := sim.RunMonteCarlo(context.Background(), scenariotest.Compile(b, sc), sim.MonteCarloOptions{Draws: b.N, Seed: 1, Workers: workers, Top: 10}); err != nil {
					b.Fatal(err)
				}
			})
		}
	}
}

// BenchmarkValidate is the validation each slider move and each probe of What would it take
// runs: the reference scenario's core, then each of its events and beliefs applied to a
// clone of it.
func BenchmarkValidate(b *testing.B) {
	sc := scenariotest.Shipped(b, scenarios.Default, "sanctions-bite").Scenario
	if err := sc.Validate().Err(); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		sc.Validate()
	}
}
