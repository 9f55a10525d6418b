package sim

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// meetForced counts a tree in the middle whatever the size and number of actors, so that
// small scenarios exercise every path of it; false when the issues cannot be split.
func meetForced(t *testing.T, tr *tree, workers int) (*tally, bool) {
	t.Helper()
	p, ok := tr.splitHalves(1)
	if !ok {
		return nil, false
	}
	tal, err := tr.meet(context.Background(), p, cores{n: workers})
	if err != nil {
		t.Fatal(err)
	}
	return tal, true
}

// TestMeetAgreesWithWalkAndBruteForce checks the count in the middle, and its per-option
// tallies, against the walk and the brute force on the random scenarios (red lines,
// constraints, ideal points, ties, one to four veto actors).
func TestMeetAgreesWithWalkAndBruteForce(t *testing.T) {
	rng := rand.New(rand.NewPCG(21, 2026))
	met, nonEmpty, fused := 0, 0, 0
	seenActors := map[int]bool{}
	for n := 0; n < 600; n++ {
		sc := randomScenario(rng)
		if len(sc.Validate().Errors()) > 0 {
			continue
		}
		sp, err := Compile(sc)
		if err != nil {
			t.Fatal(err)
		}
		tr := newTree(sp, sp.baseRules(sp.reservations()))
		got, ok := meetForced(t, tr, 1+n%3)
		if !ok {
			continue
		}
		met++
		seenActors[tr.nv] = true
		p, _ := tr.splitHalves(1)
		for _, h := range p.halves {
			for _, g := range h {
				if len(g.issues) > 1 {
					fused++
				}
			}
		}
		walk, err := tr.tallyWalk(context.Background(), cores{n: 2})
		if err != nil {
			t.Fatal(err)
		}
		want := solveByBruteForce(sp)
		if got.n != want.count || walk.n != want.count {
			t.Fatalf("scenario %d: middle %d, walk %d, brute force %d", n, got.n, walk.n, want.count)
		}
		if want.count > 0 {
			nonEmpty++
		}
		if !slices.Equal(got.opt, walk.opt) {
			t.Fatalf("scenario %d: per-option tallies: middle %v, walk %v", n, got.opt, walk.opt)
		}
		for k, is := range sc.Issues {
			for o, opt := range is.Options {
				if got.opt[sp.off[k]+o] != want.perIssue[is.ID][opt.ID] {
					t.Fatalf("scenario %d: %s/%s: middle %d, brute force %d", n, is.ID, opt.ID, got.opt[sp.off[k]+o], want.perIssue[is.ID][opt.ID])
				}
			}
		}
	}
	if met < 200 || nonEmpty < 50 || fused < 20 || !seenActors[1] || !seenActors[2] || !seenActors[3] {
		t.Fatalf("only %d scenarios split, %d with a zone, %d fused groups, actors %v: the generator no longer exercises the middle", met, nonEmpty, fused, seenActors)
	}
}

// decimalScenario is a scenario whose weighted utilities are exact decimals: weights in
// tenths of their sum and utilities in hundredths, so every deal is worth a whole number
// of thousandths. Binary floats cannot hold most of them, so sums land a rounding above or
// below the decimal value; the reservation is put exactly on some deal's value.
func decimalScenario(rng *rand.Rand, actors, issues, options int) (*Scenario, [][]int64, [][]int64) {
	sc := &Scenario{Name: "decimal"}
	for k := 0; k < issues; k++ {
		is := Issue{ID: fmt.Sprintf("i%d", k), Name: fmt.Sprintf("issue %d", k)}
		for o := 0; o < options; o++ {
			is.Options = append(is.Options, Option{ID: fmt.Sprintf("o%d", o)})
		}
		sc.Issues = append(sc.Issues, is)
	}
	// weight[a][k] in tenths (summing to 10), util[a][k*options+o] in hundredths.
	weight := make([][]int64, actors)
	util := make([][]int64, actors)
	for a := 0; a < actors; a++ {
		w := make([]int64, issues)
		left := int64(10)
		for k := 0; k < issues-1; k++ {
			w[k] = rng.Int64N(min(left, 4) + 1)
			left -= w[k]
		}
		w[issues-1] = left
		weight[a] = w
		act := Actor{ID: fmt.Sprintf("a%d", a), Name: fmt.Sprintf("actor %d", a), Veto: true, Power: 1, Votes: 1}
		for k, is := range sc.Issues {
			pr := Preference{Issue: is.ID, Weight: float64(w[k]) / 10, Utilities: map[string]float64{}}
			for _, opt := range is.Options {
				u := rng.Int64N(101)
				util[a] = append(util[a], u)
				pr.Utilities[opt.ID] = float64(u) / 100
			}
			act.Preferences = append(act.Preferences, pr)
		}
		sc.Actors = append(sc.Actors, act)
	}
	return sc, weight, util
}

// TestMeetExactAtReservation counts, by integer arithmetic in thousandths, the deals
// worth at least a reservation that several deals hit exactly, and checks the middle and
// the walk against it.
func TestMeetExactAtReservation(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 21))
	atFloor := 0
	for n := 0; n < 40; n++ {
		actors := 1 + n%3
		const issues, options = 6, 4
		sc, weight, util := decimalScenario(rng, actors, issues, options)
		deals := 1
		for k := 0; k < issues; k++ {
			deals *= options
		}
		value := func(a int, choice []int) int64 { // thousandths
			var v int64
			for k, o := range choice {
				v += weight[a][k] * util[a][k*options+o]
			}
			return v
		}
		choiceOf := func(i int) []int {
			c := make([]int, issues)
			for k := issues - 1; k >= 0; k-- {
				c[k], i = i%options, i/options
			}
			return c
		}
		// Each reservation is the value of one random deal, so that deal and its equals
		// sit exactly on it.
		res := make([]int64, actors)
		for a := range res {
			res[a] = value(a, choiceOf(rng.IntN(deals)))
			sc.Actors[a].Reservation = float64(res[a]) / 1000
		}
		var want uint64
		for i := 0; i < deals; i++ {
			c := choiceOf(i)
			in := true
			for a := 0; a < actors && in; a++ {
				v := value(a, c)
				in = v >= res[a]
				if v == res[a] {
					atFloor++
				}
			}
			if in {
				want++
			}
		}
		sp, err := Compile(sc)
		if err != nil {
			t.Fatal(err)
		}
		tr := newTree(sp, sp.baseRules(sp.reservations()))
		got, ok := meetForced(t, tr, 2)
		if !ok {
			t.Fatalf("scenario %d: six free issues should split", n)
		}
		walk, err := tr.tallyWalk(context.Background(), cores{n: 1})
		if err != nil {
			t.Fatal(err)
		}
		if got.n != want || walk.n != want {
			t.Fatalf("scenario %d (%d actors): middle %d, walk %d, integer arithmetic %d", n, actors, got.n, walk.n, want)
		}
	}
	if atFloor < 40 {
		t.Fatalf("only %d deals sat exactly on a reservation: the test no longer tests the edge", atFloor)
	}
}

// TestThresholdIsTheExactCut checks threshold against its definition, the least x with
// fl(have+x) >= floor, on numbers where many x round to the same sum.
func TestThresholdIsTheExactCut(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 3))
	cases := [][2]float64{{0.55 - 1e-9, 0.55 - 1e-9}, {1, 1 - 1e-9}, {0.3, 0.1 + 0.2}, {1e6, 1e6 + 0.5}, {0, math.Copysign(0, -1)}, {-0.25, 0.5}}
	for i := 0; i < 2000; i++ {
		cases = append(cases, [2]float64{rng.Float64(), rng.Float64()})
	}
	for _, c := range cases {
		have, floor := c[0], c[1]
		x := threshold(have, floor)
		below := math.Nextafter(x, math.Inf(-1)) // -0 and +0 are one value here

		if !(have+x >= floor) || have+below >= floor {
			t.Fatalf("threshold(%v, %v) = %v: %v+x = %v, one float lower gives %v", have, floor, x, have, have+x, have+below)
		}
	}
}

// TestMeetAgreesWithWalkOnGeneratedSpaces checks the middle against the walk where the
// halves hold hundreds of parts, so that the k-d trees have many levels and the Fenwick
// tree many ranks, for any number of workers.
func TestMeetAgreesWithWalkOnGeneratedSpaces(t *testing.T) {
	for seed := uint64(1); seed <= 6; seed++ {
		spec := GenerateSpec{Issues: 8, Options: 5, Actors: 1 + int(seed)%5, Reservation: 0.45 + 0.02*float64(seed), Seed: seed, RedLines: seed%2 == 0}
		sp, err := Compile(Generate(spec))
		if err != nil {
			t.Fatal(err)
		}
		base := sp.baseRules(sp.reservations())
		// The diagnosis counts with a reservation ignored (a floor of -Inf) or all of them.
		for ri, r := range []*rules{base, base.withoutReservation(0), base.withoutReservations()} {
			tr := newTree(sp, r)
			walk, err := tr.tallyWalk(context.Background(), cores{n: 2})
			if err != nil {
				t.Fatal(err)
			}
			if walk.n == 0 {
				t.Fatalf("%+v, rules %d: empty zone, nothing compared", spec, ri)
			}
			for _, workers := range []int{1, 2, 5} {
				got, ok := meetForced(t, tr, workers)
				if !ok {
					t.Fatalf("%+v: eight free issues should split", spec)
				}
				if got.n != walk.n || !slices.Equal(got.opt, walk.opt) {
					t.Fatalf("%+v, rules %d, %d workers: middle %d deals, walk %d; tallies equal: %v", spec, ri, workers, got.n, walk.n, slices.Equal(got.opt, walk.opt))
				}
			}
		}
	}
}
