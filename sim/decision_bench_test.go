package sim

import (
	"context"
	"testing"
)

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

// withQuota is a generated scenario under a vote quota, the shape of the Harborco game:
// the first vetoes of its actors keep their veto, the others and extra more generated
// actors vote without one, one vote each, and a deal needs every veto and all but one of
// the other votes.
func withQuota(spec GenerateSpec, vetoes, extra int) *Scenario {
	sc := Generate(spec)
	spec.Actors += extra
	sc.Actors = append(sc.Actors, Generate(spec).Actors[len(sc.Actors):]...)
	for a := vetoes; a < len(sc.Actors); a++ {
		sc.Actors[a].Veto = false
	}
	sc.Decision.VotesNeeded = len(sc.Actors) - 1
	return sc
}

// BenchmarkAnalyzeDecided is each performance case under a vote quota: three of its actors
// keep their veto, the rest and two more vote, and a deal needs all but one vote. The
// analysis counts the deals each voter is pivotal for.
func BenchmarkAnalyzeDecided(b *testing.B) {
	for _, c := range PerfCases {
		b.Run(c.Name, func(b *testing.B) { benchmarkAnalyze(b, withQuota(c.Spec, 3, 2)) })
	}
}

// BenchmarkSensitivityDecided is the full sensitivity analysis of the smallest performance
// case under the quota of BenchmarkAnalyzeDecided: each of its analyses counts a zone under
// the rule, without needing the deals one by one.
func BenchmarkSensitivityDecided(b *testing.B) {
	benchSensitivity(b, compiled(b, withQuota(PerfCases[0].Spec, 3, 2)))
}

// BenchmarkRoundsDecided is both protocols on the two smaller performance cases under the
// quota of BenchmarkAnalyzeDecided: each round's alternating proposer searches first the
// deals that would pass now, then those it accepts; the mediator the deals that would
// pass now, then the one nearest to passing. The largest case, at about 27 s a run
// alternating, is left to whole-process timing.
func BenchmarkRoundsDecided(b *testing.B) {
	for _, kind := range []ProtocolKind{ProtocolAlternating, ProtocolMediated} {
		for _, c := range PerfCases[:2] {
			b.Run(string(kind)+"/"+c.Name, func(b *testing.B) {
				sc := withQuota(c.Spec, 3, 2)
				sc.Protocol = Protocol{Kind: kind}
				sp := compiled(b, sc)
				for b.Loop() {
					if _, err := Rounds(context.Background(), sp, RoundsOptions{}); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
