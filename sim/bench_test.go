package sim

import (
	"context"
	"fmt"
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
