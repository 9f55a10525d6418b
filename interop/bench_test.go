package interop

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/negsim/negsim/internal/scenariotest"
	"github.com/negsim/negsim/sim"
)

// BenchmarkAnalyze7Issues is the field's benchmark: GeniusWeb's 7issues domain, 10^7
// outcomes and two actors, analysed as `negsim analyze` does (zone count, frontier,
// solutions and the twenty best deals listed, its default). Import and compilation are outside the timer.
//
//	go test ./interop -run '^$' -bench Analyze7Issues -benchtime 3x
func BenchmarkAnalyze7Issues(b *testing.B) {
	dir := filepath.Join(dataDir(b), "geniusweb_pareto_e2e", "7issues")
	sp := scenariotest.Compile(b, geniusWeb(b, dir, "7issues1.json", "7issues2.json"))
	b.ResetTimer()
	for b.Loop() {
		an, err := sim.Analyze(context.Background(), sp, sim.Options{Limit: 20})
		if err != nil {
			b.Fatal(err)
		}
		if an.Pareto.Distinct != 557 {
			b.Fatalf("%d distinct Pareto vectors, want 557", an.Pareto.Distinct)
		}
	}
}
