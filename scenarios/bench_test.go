package scenarios_test

import (
	"context"
	"testing"

	"github.com/negsim/negsim/scenarios"
	"github.com/negsim/negsim/sim"
)

// BenchmarkAnalyzeReference is the whole analysis a student waits for when running
// 'negsim analyze' with no file: the ZOPA, and the diagnosis it needs when empty.
func BenchmarkAnalyzeReference(b *testing.B) {
	doc := load(b, scenarios.Default)
	for _, variant := range []string{"", "sanctions-bite"} {
		name := "shipped"
		if variant != "" {
			name = variant
		}
		b.Run(name, func(b *testing.B) {
			sc := doc.Scenario
			if variant != "" {
				var err error
				if sc, err = sc.WithVariant(variant); err != nil {
					b.Fatal(err)
				}
			}
			sp, err := sim.Compile(sc)
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				if _, err := sim.Analyze(context.Background(), sp, sim.Options{Limit: 20}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
