package scenarios_test

import (
	"context"
	"testing"

	"github.com/negsim/negsim/scenarios"
	"github.com/negsim/negsim/sim"
)

// BenchmarkAnalyzeReferenceDecided is the reference scenario in its sanctions-bite variant
// (a non-empty zone) with the ratification and beliefs it ships: Ukraine's Rada and
// electorate and Russia's hardliners at home, and the pictures the United States, Ukraine
// and Russia hold of one another. The target is 20 ms, at most one extra analysis per
// ratifying or believing actor.
func BenchmarkAnalyzeReferenceDecided(b *testing.B) {
	doc := load(b, scenarios.Default)
	sc, err := doc.Scenario.WithVariant("sanctions-bite")
	if err != nil {
		b.Fatal(err)
	}
	sp, err := sim.Compile(sc)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	var an *sim.Analysis
	for b.Loop() {
		if an, err = sim.Analyze(context.Background(), sp, sim.Options{Limit: 20}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(an.ZOPA.Count), "zopa-deals")
	b.ReportMetric(float64(*an.ZOPA.LevelOneCount), "level-one-deals")
}
