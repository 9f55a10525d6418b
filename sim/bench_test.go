package sim

import (
	"context"
	"fmt"
	"runtime"
	"testing"
)

func benchmarkAnalyze(b *testing.B, sc *Scenario) {
	sp := compiled(b, sc)
	b.ReportAllocs()
	var an *Analysis
	for b.Loop() {
		var err error
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
var largeCases = []PerfCase{
	{"2actors-1e10", GenerateSpec{Issues: 10, Options: 10, Actors: 2, Reservation: 0.55, Seed: 1}},
	{"2actors-1e12", GenerateSpec{Issues: 12, Options: 10, Actors: 2, Reservation: 0.55, Seed: 1}},
	{"5actors-1e10", GenerateSpec{Issues: 10, Options: 10, Actors: 5, Reservation: 0.55, Seed: 1}},
	{"5actors-1e11", GenerateSpec{Issues: 11, Options: 10, Actors: 5, Reservation: 0.55, Seed: 1}},
}

// BenchmarkAnalyzeLarge is the whole analysis on spaces of 10^10 to 10^12 deals.
func BenchmarkAnalyzeLarge(b *testing.B) {
	for _, c := range largeCases {
		b.Run(c.Name, func(b *testing.B) { benchmarkAnalyze(b, Generate(c.Spec)) })
	}
}

// zoneTree is the search tree of a generated scenario's zone at its reservations.
func zoneTree(b *testing.B, spec GenerateSpec) *tree {
	sp := compiled(b, Generate(spec))
	return newTree(sp, sp.baseRules(sp.reservations()))
}

// BenchmarkCountLarge is the count alone (with its per-option tallies) on the same spaces.
func BenchmarkCountLarge(b *testing.B) {
	for _, c := range largeCases {
		b.Run(c.Name, func(b *testing.B) {
			t := zoneTree(b, c.Spec)
			b.ReportAllocs()
			var err error
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

// BenchmarkFrontier is the divide-and-conquer frontier alone on the cases where its
// five-utility filter is most of the analysis.
func BenchmarkFrontier(b *testing.B) {
	for _, c := range []PerfCase{PerfCases[2], largeCases[2], largeCases[3]} {
		b.Run(c.Name, func(b *testing.B) {
			t := zoneTree(b, c.Spec)
			b.ReportAllocs()
			var err error
			var f frontier
			for b.Loop() {
				if f, _, err = t.paretoDC(context.Background()); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(len(f.entries)), "vectors")
		})
	}
}

// starterShaped is the scenario negsim new writes with 3 actors and 9 options per issue:
// every issue rated alike, two actors wanting the first option and one the last, the first
// issue weighted higher. Its many deals of equal Nash product are the listing's hard case.
func starterShaped(issues int) *Scenario {
	sc := &Scenario{Name: "starter"}
	down, up := map[string]float64{}, map[string]float64{}
	for o := range 9 {
		id := fmt.Sprintf("option-%d", o+1)
		down[id], up[id] = 1-float64(o)/8, float64(o)/8
	}
	for k := range issues {
		is := Issue{ID: fmt.Sprintf("issue-%d", k+1), Name: fmt.Sprintf("Issue %d", k+1)}
		for o := range 9 {
			is.Options = append(is.Options, Option{ID: fmt.Sprintf("option-%d", o+1)})
		}
		sc.Issues = append(sc.Issues, is)
	}
	for a, values := range []map[string]float64{down, up, down} {
		act := Actor{ID: fmt.Sprintf("actor-%d", a+1), Name: fmt.Sprintf("Actor %d", a+1), Veto: true, Power: 1, Reservation: 0.3}
		for k, is := range sc.Issues {
			weight := 9.0
			if k == a%issues {
				weight = 19
			}
			act.Preferences = append(act.Preferences, Preference{Issue: is.ID, Weight: weight, Utilities: values})
		}
		sc.Actors = append(sc.Actors, act)
	}
	return sc
}

// BenchmarkAnalyzeStarterShaped is the whole analysis, top 20 listed, of starter-shaped
// scenarios of 8 and 10 issues (4.3·10⁷ and 3.5·10⁹ deals).
func BenchmarkAnalyzeStarterShaped(b *testing.B) {
	for _, issues := range []int{8, 10} {
		b.Run(fmt.Sprintf("%dx9", issues), func(b *testing.B) { benchmarkAnalyze(b, starterShaped(issues)) })
	}
}

// BenchmarkListingPeakHeap lists the 100,000 best deals of the 10x6 case (423,492 in its
// ZOPA), whole and streamed, and reports the largest live heap seen while the deals are
// read (peak-heap-MB). Streamed, the heap holds the ranked positions (16 bytes a deal) and
// one deal at a time; whole, every listed deal with its four maps. Issue 14 measured the
// whole form at 3.7 GB for a million deals.
func BenchmarkListingPeakHeap(b *testing.B) {
	sp := compiled(b, Generate(PerfCases[1].Spec))
	const listed = 100_000
	for _, stream := range []bool{false, true} {
		name := "whole"
		if stream {
			name = "streamed"
		}
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			var peak uint64
			sample := func() {
				var m runtime.MemStats
				runtime.ReadMemStats(&m)
				peak = max(peak, m.HeapAlloc)
			}
			for b.Loop() {
				runtime.GC()
				an, err := Analyze(context.Background(), sp, Options{Limit: listed, Workers: 1, Stream: stream})
				if err != nil {
					b.Fatal(err)
				}
				n := 0
				if stream {
					err = an.EachDeal(context.Background(), func(Deal) error {
						if n++; n%20_000 == 0 {
							sample()
						}
						return nil
					})
				} else {
					sample()
					n = len(an.ZOPA.Deals)
				}
				if err != nil || n != listed {
					b.Fatalf("%d deals read (%v), want %d", n, err, listed)
				}
			}
			b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
		})
	}
}

// BenchmarkRoundsAtLimit plays the documented maximum of 10,000 rounds on a scenario whose
// talks never agree, so that every round is recorded: B/op is the transcript's cost at the
// limit.
func BenchmarkRoundsAtLimit(b *testing.B) {
	// alpha accepts only deals worth 1 to it, (a,·) with p; beta, given a veto, only those
	// worth 1 to it, with c, which alpha's red line excludes: no deal ever passes.
	sc := explainFixture()
	sc.Actors[0].Reservation = 1
	sc.Actors[1].Veto = true
	sc.Actors[1].Reservation = 1
	sp := compiled(b, sc)
	b.ReportAllocs()
	for b.Loop() {
		tr, err := Rounds(context.Background(), sp, RoundsOptions{Rounds: MaxRounds, Workers: 1})
		if err != nil {
			b.Fatal(err)
		}
		if len(tr.Rounds) != MaxRounds {
			b.Fatalf("%d rounds recorded, want %d", len(tr.Rounds), MaxRounds)
		}
	}
}

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

// ratifiedSensitivityCase is a generated scenario with ratification at home on two
// sides, as the reference scenario's second edition has: four veto actors over 7 issues
// of 4 options (16,384 deals), a0 ratified by three generated ratifiers holding 2, 1 and 1
// votes of which 3 are needed (like a parliament and two camps of voters), a1 by one.
func ratifiedSensitivityCase() *Scenario {
	spec := GenerateSpec{Issues: 7, Options: 4, Actors: 4, Reservation: 0.45, Seed: 5}
	sc := Generate(spec)
	spec.Actors += 4
	extra := Generate(spec).Actors[4:]
	for i, id := range []string{"r1", "r2", "r3", "r4"} {
		r := extra[i]
		r.ID, r.Name, r.Veto, r.Reservation = id, "ratifier "+id, false, 0.4
		sc.Actors = append(sc.Actors, r)
	}
	sc.Actors[4].Votes = 2
	sc.Actors[0].Ratification = Ratification{By: []string{"r1", "r2", "r3"}, VotesNeeded: 3}
	sc.Actors[1].Ratification = Ratification{By: []string{"r4"}}
	return sc
}

// BenchmarkSensitivityRatified is the full sensitivity analysis of a scenario with
// ratification, where every veto actor's, voter's and ratifier's numbers are read as lines
// rather than bracketed; it reports the analyses spent.
func BenchmarkSensitivityRatified(b *testing.B) {
	rep := benchSensitivity(b, compiled(b, ratifiedSensitivityCase()))
	b.ReportMetric(float64(len(rep.Rows)), "rows")
}

// benchSensitivity runs the full sensitivity analysis of sp for the benchmark and reports
// the analyses it spent and the headline zone's size.
func benchSensitivity(b *testing.B, sp *Space) *SensitivityReport {
	b.Helper()
	var rep *SensitivityReport
	for b.Loop() {
		var err error
		if rep, err = RunSensitivity(context.Background(), sp, SensitivityOptions{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(rep.Analyses), "analyses")
	b.ReportMetric(float64(rep.Headline.Deals), "zone-deals")
	return rep
}
