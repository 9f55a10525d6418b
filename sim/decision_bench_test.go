package sim

import "testing"

// BenchmarkAnalyzeRatified is each performance case with one ratifier: a sixth generated
// actor, with no veto, that must ratify every deal for the first. Compare with
// BenchmarkAnalyzeGenerated on the same case; the target is under twice its time.
func BenchmarkAnalyzeRatified(b *testing.B) {
	for _, c := range PerfCases {
		b.Run(c.Name, func(b *testing.B) {
			sc := Generate(c.Spec)
			spec := c.Spec
			spec.Actors++
			extra := Generate(spec).Actors[spec.Actors-1]
			extra.ID, extra.Name, extra.Veto = "ratifier", "Ratifier", false
			sc.Actors = append(sc.Actors, extra)
			sc.Actors[0].Ratification = Ratification{By: []string{"ratifier"}}
			benchmarkAnalyze(b, sc)
		})
	}
}
