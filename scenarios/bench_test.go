package scenarios_test

import (
	"context"
	"testing"

	"github.com/negsim/negsim/config"
	"github.com/negsim/negsim/scenarios"
	"github.com/negsim/negsim/sim"
)

// BenchmarkAnalyzeReference is the whole analysis a student waits for when running
// 'negsim analyze' with no file: the ZOPA, and the diagnosis it needs when empty.
func BenchmarkAnalyzeReference(b *testing.B) {
	data, _ := scenarios.Read(scenarios.Default)
	doc, err := config.Load(scenarios.Default+".yaml", data)
	if err != nil {
		b.Fatal(err)
	}
	for _, variant := range []string{"", "sanctions-bite"} {
		name := "shipped"
		if variant != "" {
			name = variant
		}
		b.Run(name, func(b *testing.B) {
			sc := doc.Scenario
			if variant != "" {
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
