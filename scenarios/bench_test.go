package scenarios_test

import (
	"context"
	"testing"

	"github.com/negsim/negsim/internal/scenariotest"
	"github.com/negsim/negsim/scenarios"
	"github.com/negsim/negsim/sim"
)

// BenchmarkAnalyzeReference is the whole analysis a student waits for when running
// 'negsim analyze' with no file: the ZOPA, and the diagnosis it needs when empty.
func BenchmarkAnalyzeReference(b *testing.B) {
	for _, variant := range []string{"", "sanctions-bite"} {
		name := "shipped"
		if variant != "" {
			name = variant
		}
		b.Run(name, func(b *testing.B) { benchAnalyzeReference(b, variant) })
	}
}

// BenchmarkAnalyzeReferenceDecided is the reference scenario in its sanctions-bite variant
// (a non-empty zone) with the ratification and beliefs it ships: Ukraine's Rada and
// electorate and Russia's hardliners at home, and the pictures the United States, Ukraine
// and Russia hold of one another. The target is 20 ms, at most one extra analysis per
// ratifying or believing actor.
func BenchmarkAnalyzeReferenceDecided(b *testing.B) {
	an := benchAnalyzeReference(b, "sanctions-bite")
	b.ReportMetric(float64(an.ZOPA.Count), "zopa-deals")
	b.ReportMetric(float64(*an.ZOPA.LevelOneCount), "level-one-deals")
}

// benchAnalyzeReference times the analysis of the reference scenario under variant ("" for
// none), compiled beforehand, and returns the last one.
func benchAnalyzeReference(b *testing.B, variant string) *sim.Analysis {
	sp := scenariotest.Shipped(b, scenarios.Default, variant).Space
	b.ReportAllocs()
	var an *sim.Analysis
	var err error
	for b.Loop() {
		if an, err = sim.Analyze(context.Background(), sp, sim.Options{Limit: 20}); err != nil {
			b.Fatal(err)
		}
	}
	return an
}
