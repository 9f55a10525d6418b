package sim_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/negsim/negsim/internal/scenariotest"
	"github.com/negsim/negsim/sim"
)

// manyUncertain is a two-actor scenario whose one issue has n options, with a
// distribution on each of the first actor's n utilities: n uncertain values.
func manyUncertain(t testing.TB, n int) *sim.Scenario {
	var opts, utils, unc strings.Builder
	for o := range n {
		fmt.Fprintf(&opts, "{id: o%d}, ", o)
		fmt.Fprintf(&utils, "o%d: 0.5, ", o)
		fmt.Fprintf(&unc, "  actors.a.preferences.i.utilities.o%d: {dist: uniform, min: 0, max: 1}\n", o)
	}
	src := fmt.Sprintf(`name: many
description: one issue, a distribution on every utility of a
issues:
  - {id: i, name: I, options: [%s]}
actors:
  - {id: a, name: A, reservation: 0.3, preferences: {i: {weight: 1, utilities: {%s}}}}
  - {id: b, name: B, reservation: 0.3, preferences: {i: {weight: 1, ideal: o0}}}
uncertainty:
%s`, strings.TrimSuffix(opts.String(), ", "), strings.TrimSuffix(utils.String(), ", "), unc.String())
	return loadYAML(t, src).Scenario
}

// The draws' values are kept for the rank correlations, one number per draw and uncertain
// value: 10^6 draws of 360 values held 2.9 GB, twice over while the report was built, and
// ran the machine out of memory. Beyond sim.MaxDrawnValues numbers (2^25, 256 MiB) the run
// is refused before anything is allocated, with the number of draws that would fit:
// 40 values × 10^6 draws = 4·10^7 > 33,554,432; 33,554,432 / 40 = 838,860 draws.
func TestMonteCarloRefusesMoreDrawnValuesThanItKeeps(t *testing.T) {
	if sim.MaxDrawnValues != 1<<25 {
		t.Fatalf("MaxDrawnValues = %d; the figures below assume 2^25", sim.MaxDrawnValues)
	}
	sp := scenariotest.Compile(t, manyUncertain(t, 40))
	ctx, cancel := context.WithCancel(context.Background())
	cancel() // a refusal must come before any draw, so the run needs no time
	_, err := sim.RunMonteCarlo(ctx, sp, sim.MonteCarloOptions{Draws: 1_000_000, Seed: 1, Top: 5})
	if err == nil || !errors.Is(err, sim.ErrBadInput) {
		t.Fatalf("got %v; want a refusal marked as bad input", err)
	}
	for _, want := range []string{"1000000 draws of 40 uncertain values", "838860 draws or fewer"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q lacks %q", err, want)
		}
	}
	// One draw fewer than the bound runs.
	mc, err := sim.RunMonteCarlo(context.Background(), sp, sim.MonteCarloOptions{Draws: 200, Seed: 1, Top: 5})
	if err != nil || mc.Draws != 200 {
		t.Fatalf("200 draws of 40 values: %v, %+v", err, mc)
	}
}

// Memory per draw with many uncertain values (B/op over -benchtime draws); the bound above
// keeps the total within sim.MaxDrawnValues numbers.
func BenchmarkMonteCarloManyValues(b *testing.B) {
	sp := scenariotest.Compile(b, manyUncertain(b, 100))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := sim.RunMonteCarlo(context.Background(), sp, sim.MonteCarloOptions{Draws: 2000, Seed: 1, Top: 5, Workers: 1}); err != nil {
			b.Fatal(err)
		}
	}
}
