package sim

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"
)

// generated builds a seeded scenario of the sizes the performance targets name: every
// actor holds a veto and cares about every issue with random weights and utilities, and
// every reservation is the same, so the ZOPA is a thin slice of a large space.
func generated(issues, options, actors int, reservation float64, seed uint64) *Scenario {
	rng := rand.New(rand.NewPCG(seed, 1))
	sc := &Scenario{Name: fmt.Sprintf("generated %d×%d, %d actors", issues, options, actors)}
	for k := 0; k < issues; k++ {
		is := Issue{ID: fmt.Sprintf("i%d", k), Name: fmt.Sprintf("issue %d", k)}
		for o := 0; o < options; o++ {
			is.Options = append(is.Options, Option{ID: fmt.Sprintf("o%d", o)})
		}
		sc.Issues = append(sc.Issues, is)
	}
	for a := 0; a < actors; a++ {
		act := Actor{ID: fmt.Sprintf("a%d", a), Name: fmt.Sprintf("actor %d", a), Veto: true, Power: 1, Reservation: reservation}
		for _, is := range sc.Issues {
			pr := Preference{Issue: is.ID, Weight: float64(1 + rng.IntN(10)), Utilities: map[string]float64{}}
			for _, o := range is.Options {
				pr.Utilities[o.ID] = float64(rng.IntN(101)) / 100
			}
			act.Preferences = append(act.Preferences, pr)
		}
		sc.Actors = append(sc.Actors, act)
	}
	return sc
}

func benchmarkAnalyze(b *testing.B, sc *Scenario) {
	sp, err := Compile(sc)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	var an *Analysis
	for b.Loop() {
		an, err = Analyze(context.Background(), sp, Options{Limit: 20})
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(an.ZOPA.Count), "zopa-deals")
	b.ReportMetric(float64(an.Pareto.Count), "pareto-deals")
}

func BenchmarkAnalyze8x5Actors4(b *testing.B) { benchmarkAnalyze(b, generated(8, 5, 4, 0.5, 1)) }

func BenchmarkAnalyze10x6Actors5(b *testing.B) { benchmarkAnalyze(b, generated(10, 6, 5, 0.5, 2)) }

func BenchmarkAnalyze12x6Actors5(b *testing.B) { benchmarkAnalyze(b, generated(12, 6, 5, 0.55, 3)) }
