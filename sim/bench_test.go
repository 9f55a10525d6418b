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
