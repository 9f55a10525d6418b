package sim

import (
	"context"
	"testing"
)

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

// BenchmarkAnalyzeGenerated measures the whole analysis (count, frontier, solutions,
// top 20) on each of the performance cases.
func BenchmarkAnalyzeGenerated(b *testing.B) {
	for _, c := range PerfCases {
		b.Run(c.Name, func(b *testing.B) { benchmarkAnalyze(b, Generate(c.Spec)) })
	}
}

// largeCases are the sizes at which counting by visiting the zone stops being an option:
// 10 options per issue, one reservation of 0.55 for every actor.
var largeCases = []struct {
	name string
	spec GenerateSpec
}{
	{"2actors-1e10", GenerateSpec{Issues: 10, Options: 10, Actors: 2, Reservation: 0.55, Seed: 1}},
	{"2actors-1e12", GenerateSpec{Issues: 12, Options: 10, Actors: 2, Reservation: 0.55, Seed: 1}},
	{"5actors-1e10", GenerateSpec{Issues: 10, Options: 10, Actors: 5, Reservation: 0.55, Seed: 1}},
	{"5actors-1e11", GenerateSpec{Issues: 11, Options: 10, Actors: 5, Reservation: 0.55, Seed: 1}},
}

// BenchmarkAnalyzeLarge is the whole analysis on spaces of 10^10 to 10^12 deals.
func BenchmarkAnalyzeLarge(b *testing.B) {
	for _, c := range largeCases {
		b.Run(c.name, func(b *testing.B) { benchmarkAnalyze(b, Generate(c.spec)) })
	}
}

// BenchmarkCountLarge is the count alone (with its per-option tallies) on the same spaces.
func BenchmarkCountLarge(b *testing.B) {
	for _, c := range largeCases {
		b.Run(c.name, func(b *testing.B) {
			sp, err := Compile(Generate(c.spec))
			if err != nil {
				b.Fatal(err)
			}
			t := newTree(sp, sp.baseRules(sp.reservations()))
			b.ReportAllocs()
			var tal *tally
			for b.Loop() {
				if tal, err = t.tallyAll(context.Background(), 0); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(tal.n), "zopa-deals")
		})
	}
}
