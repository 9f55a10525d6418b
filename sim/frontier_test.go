package sim

import (
	"context"
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

func TestParetoFilterNearEqualUtilities(t *testing.T) {
	// The first utilities of a and b differ in the last bit only, as two sums of the same
	// numbers in another order do. a sorts first yet b dominates it (second utility .738 >
	// .714 + tolerance), so only b, c and d may remain; d equals c within the tolerance and
	// merges with it, the lower positions standing for both.
	x := 0.8783333333333333
	a := entry{vec: []float64{math.Nextafter(x, 1), 0.7138305}, count: 1, choice: []int{2, 1}}
	b := entry{vec: []float64{x, 0.7382820}, count: 1, choice: []int{0, 1}}
	c := entry{vec: []float64{0.785, 0.9285654}, count: 1, choice: []int{0, 2}}
	d := entry{vec: []float64{0.785 + 1e-12, 0.9285654}, count: 2, choice: []int{1, 0}}
	for _, dims := range []int{2, 3} {
		var cands []entry
		for _, e := range []entry{a, b, c, d} {
			v := slices.Clone(e.vec)
			if dims == 3 {
				v = append(v, 0.5) // a third actor indifferent to all four
			}
			cands = append(cands, entry{vec: v, count: e.count, choice: e.choice})
		}
		got, _ := paretoFilter(context.Background(), cands)
		slices.SortFunc(got, func(p, q entry) int { return slices.Compare(p.choice, q.choice) })
		if len(got) != 2 || !slices.Equal(got[0].choice, []int{0, 1}) || !slices.Equal(got[1].choice, []int{0, 2}) || got[1].count != 3 {
			t.Errorf("%d actors: kept %+v, want b and c (standing for c and d, 3 deals)", dims, got)
		}
	}
}

func TestParetoFilterDominatorWithSmallerSum(t *testing.T) {
	// b is within the tolerance of a on two utilities and better by more than it on the
	// third, so b dominates a, yet b's sum is smaller by 0.48e-9 and b is filtered after a.
	a := entry{vec: []float64{1, 1, 1}, count: 1, choice: []int{0}}
	b := entry{vec: []float64{1 - 0.99e-9, 1 + 1.5e-9, 1 - 0.99e-9}, count: 1, choice: []int{1}}
	got, _ := paretoFilter(context.Background(), []entry{a, b})
	if len(got) != 1 || got[0].choice[0] != 1 {
		t.Errorf("kept %+v, want b alone", got)
	}
}

func TestSearchFrontierAgreesWithDivideAndConquer(t *testing.T) {
	// The depth-first frontier search is the fallback for constraints that couple too many
	// issues to fuse; it must find what divide and conquer finds, deal counts and
	// representatives included.
	rng := rand.New(rand.NewPCG(11, 12))
	compared := 0
	eachDrawn(t, rng, 300, func(n int, _ *Scenario, sp *Space) {
		tr := newTree(sp, sp.baseRules(sp.reservations()))
		dc, ok, err := tr.paretoDC(context.Background())
		if err != nil || !ok {
			t.Fatalf("scenario %d: divide and conquer did not run: %v", n, err)
		}
		search, err := tr.paretoSearch(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if dc.deals() != search.deals() || len(dc.entries) != len(search.entries) {
			t.Fatalf("scenario %d: search %d deals / %d vectors, divide and conquer %d / %d", n, search.deals(), len(search.entries), dc.deals(), len(dc.entries))
		}
		for i := range dc.entries {
			if !slices.Equal(dc.entries[i].choice, search.entries[i].choice) || dc.entries[i].count != search.entries[i].count {
				t.Fatalf("scenario %d, entry %d: search %v×%d, divide and conquer %v×%d", n, i, search.entries[i].choice, search.entries[i].count, dc.entries[i].choice, dc.entries[i].count)
			}
		}
		compared++
	})
	if compared < 200 {
		t.Fatalf("only %d scenarios compared", compared)
	}
}

func TestFusionLimitFallsBackToSearch(t *testing.T) {
	// One constraint spanning seven issues of six options couples 6^7 = 279,936
	// combinations, beyond what one fused issue may hold: the frontier comes from the
	// search, and must still match the brute force (reservations keep the ZOPA to about
	// 1,400 deals, so that the brute force's pairwise frontier stays quick).
	sc := &Scenario{Name: "coupled"}
	x := Actor{ID: "x", Name: "X", Veto: true, Power: 1, Reservation: 0.75}
	y := Actor{ID: "y", Name: "Y", Veto: true, Power: 1, Reservation: 0.45}
	cond := map[string][]string{}
	sc.Issues = gridIssues(7, 6)
	for k, is := range sc.Issues {
		x.Preferences = append(x.Preferences, Preference{Issue: is.ID, Weight: float64(k + 1), Ideal: "o0"})
		y.Preferences = append(y.Preferences, Preference{Issue: is.ID, Weight: float64(7 - k), Ideal: "o5"})
		if k < 6 {
			cond[is.ID] = []string{"o0"}
		}
	}
	x.Constraints = []Constraint{{If: cond, Then: map[string][]string{"i6": {"o1", "o2"}}, Why: "couples all seven"}}
	sc.Actors = []Actor{x, y}
	sp := compiled(t, sc)
	tr := newTree(sp, sp.baseRules(sp.reservations()))
	if groups := tr.fusedGroups(); groups != nil {
		t.Fatalf("fused %d groups; want the fusion refused as too large", len(groups))
	}
	an := analyze(t, sc, 5)
	want := solveByBruteForce(sp)
	if an.ZOPA.Count != want.count || an.Pareto.Count != len(want.pareto) || an.Pareto.Distinct != want.distinct {
		t.Errorf("ZOPA %d, Pareto %+v; brute force %d, %d deals, %d vectors", an.ZOPA.Count, an.Pareto, want.count, len(want.pareto), want.distinct)
	}
	if !slices.Equal(an.Solutions.Nash.Choice, want.solution["nash"]) {
		t.Errorf("Nash %v, brute force %v", an.Solutions.Nash.Choice, want.solution["nash"])
	}
}

// naiveParetoFilter is the definition the filter must meet, by comparing every pair: a
// candidate stays unless another dominates it, and candidates equal within the tolerance
// are one vector whose count is their sum and whose deal is the lowest-positioned one.
// It is only well defined where equality within the tolerance is transitive, which the
// test's vectors ensure.
func naiveParetoFilter(cands []entry) []entry {
	var out []entry
	for i, c := range cands {
		dominated := false
		for k, o := range cands {
			if k != i && dominates(o.vec, c.vec) {
				dominated = true
				break
			}
		}
		if dominated {
			continue
		}
		merged := false
		for n := range out {
			if sameVec(out[n].vec, c.vec) {
				mergeEntry(&out[n], c)
				merged = true
				break
			}
		}
		if !merged {
			out = append(out, entry{vec: c.vec, count: c.count, choice: c.choice})
		}
	}
	slices.SortFunc(out, func(p, q entry) int { return slices.Compare(p.choice, q.choice) })
	return out
}

func TestParetoFilterAgreesWithPairwise(t *testing.T) {
	// Utilities are multiples of 1/levels, so ties and exact duplicates are frequent, and
	// some sets carry a jitter far below the tolerance, which must neither split equal
	// vectors nor make one dominate another. Sets on a tilted plane (the last utility
	// falls as the others rise) keep most candidates on the frontier, as the sums of two
	// frontiers do; sets above 256 candidates exercise the grid.
	rng := rand.New(rand.NewPCG(21, 5))
	for trial := 0; trial < 80; trial++ {
		dims := 3 + rng.IntN(4) // 3..6 actors, beyond the grid's five axes too
		n := []int{1, 7, 60, 300, 900, 2500}[rng.IntN(6)]
		levels := 2 + rng.IntN(15)
		plane := rng.IntN(2) == 0
		jitter := 0.0
		if rng.IntN(2) == 0 {
			jitter = 1e-10
		}
		cands := make([]entry, n)
		for i := range cands {
			v := make([]float64, dims)
			if i > 0 && rng.IntN(8) == 0 {
				copy(v, cands[rng.IntN(i)].vec) // an exact duplicate of an earlier one
			} else {
				rest := 0
				for j := range v {
					r := rng.IntN(levels)
					v[j] = float64(r) / float64(levels)
					rest += r
				}
				if plane {
					r := (dims-1)*levels/2 - (rest - int(v[dims-1]*float64(levels)+0.5))
					v[dims-1] = float64(r) / float64(levels)
				}
				for j := range v {
					v[j] += jitter * rng.Float64()
				}
			}
			cands[i] = entry{vec: v, count: uint64(1 + rng.IntN(5)), choice: []int{rng.IntN(3), i}}
		}
		want := naiveParetoFilter(cands)
		got, err := paretoFilter(context.Background(), slices.Clone(cands))
		if err != nil {
			t.Fatal(err)
		}
		slices.SortFunc(got, func(p, q entry) int { return slices.Compare(p.choice, q.choice) })
		if len(got) != len(want) {
			t.Fatalf("trial %d (%d actors, %d candidates, %d levels, plane %v): kept %d vectors, want %d",
				trial, dims, n, levels, plane, len(got), len(want))
		}
		for i := range want {
			if !slices.Equal(got[i].choice, want[i].choice) || got[i].count != want[i].count || !slices.Equal(got[i].vec, want[i].vec) {
				t.Fatalf("trial %d: vector %d is %+v, want %+v", trial, i, got[i], want[i])
			}
		}
	}
}

// randomFrontier is the frontier of n random vectors of dims utilities, on the grid of
// 1/levels (ties and duplicates), with distinct choices on the given issue.
func randomFrontier(rng *rand.Rand, n, dims, levels, noise, issue, total int) []entry {
	var cands []entry
	for i := 0; i < n; i++ {
		v := make([]float64, dims)
		rest := 0
		for j := range v {
			r := rng.IntN(levels)
			v[j] = float64(r) / float64(levels)
			rest += r
		}
		// Near a tilted plane, so that many vectors are on the frontier.
		r := (dims-1)*levels/2 - (rest - int(v[dims-1]*float64(levels)+0.5)) - rng.IntN(noise+1)
		v[dims-1] = float64(r) / float64(levels)
		choice := slices.Repeat([]int{-1}, total)
		choice[issue] = i
		cands = append(cands, entry{vec: v, count: uint64(1 + rng.IntN(3)), choice: choice})
	}
	kept, _ := paretoFilter(context.Background(), cands)
	return kept
}

func TestCombineAgreesWithOneFilter(t *testing.T) {
	// Two parts of some hundreds of vectors give some 100,000 sums, several batches: the kept
	// vectors drop candidates as they are formed and each batch is merged into them. The
	// answer must be what one filter over every sum gives (that filter is checked against
	// the pairwise definition above), reservations set low enough to drop none.
	rng := rand.New(rand.NewPCG(3, 8))
	for trial := 0; trial < 4; trial++ {
		dims := 4 + trial%2
		levels := 40
		a := part{issues: []int{0}, items: randomFrontier(rng, []int{1200, 500}[trial%2], dims, levels, 60, 0, 2)}
		b := part{issues: []int{1}, items: randomFrontier(rng, []int{1200, 500}[trial%2], dims, levels, 60, 1, 2)}
		tr := &tree{issues: 2, nv: dims, floor: slices.Repeat([]float64{-100}, dims)}
		best := make([][]float64, dims)
		for j := range best {
			best[j] = []float64{0, 0}
		}
		got, err := tr.combine(context.Background(), a, b, best)
		if err != nil {
			t.Fatal(err)
		}
		var all []entry
		for _, x := range a.items {
			for _, y := range b.items {
				v := make([]float64, dims)
				for j := range v {
					v[j] = x.vec[j] + y.vec[j]
				}
				all = append(all, entry{vec: v, count: x.count * y.count, choice: []int{x.choice[0], y.choice[1]}})
			}
		}
		if len(all) < 2*batchSize(0) {
			t.Fatalf("trial %d: only %d sums, too few for several batches", trial, len(all))
		}
		want, _ := paretoFilter(context.Background(), all)
		for _, es := range [][]entry{got.items, want} {
			slices.SortFunc(es, func(p, q entry) int { return slices.Compare(p.choice, q.choice) })
		}
		if len(got.items) != len(want) {
			t.Fatalf("trial %d: %d vectors, want %d", trial, len(got.items), len(want))
		}
		for i := range want {
			g := got.items[i]
			if !slices.Equal(g.choice, want[i].choice) || g.count != want[i].count || !slices.Equal(g.vec, want[i].vec) {
				t.Fatalf("trial %d: vector %d is %+v, want %+v", trial, i, g, want[i])
			}
		}
	}
}
