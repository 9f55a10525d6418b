package sim

import (
	"context"
	"runtime"
	"testing"
)

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
