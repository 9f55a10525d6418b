package sim

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"testing"
)

// compileDrawn compiles a randomly drawn scenario, or returns nil when the draw is invalid,
// as random draws often are, for the caller to skip; any other failure fails the test.
func compileDrawn(t *testing.T, sc *Scenario) *Space {
	t.Helper()
	sp, err := Compile(sc)
	var invalid Diagnostics
	if errors.As(err, &invalid) {
		return nil
	}
	if err != nil {
		t.Fatal(err)
	}
	return sp
}

// eachDrawn draws count random scenarios from rng and calls check with each valid one,
// with its place in the draw so that a failure can name it (see drawFailure).
func eachDrawn(t *testing.T, rng *rand.Rand, count int, check func(n int, sc *Scenario, sp *Space)) {
	t.Helper()
	eachDrawnBy(t, rng, count, func(rng *rand.Rand, _ int) *Scenario { return randomScenario(rng) }, check)
}

// eachDrawnBy is eachDrawn with the n-th scenario drawn by draw.
func eachDrawnBy(t *testing.T, rng *rand.Rand, count int, draw func(rng *rand.Rand, n int) *Scenario, check func(n int, sc *Scenario, sp *Space)) {
	t.Helper()
	for n := range count {
		sc := draw(rng, n)
		if sp := compileDrawn(t, sc); sp != nil {
			check(n, sc, sp)
		}
	}
}

// randomScenario draws a small scenario with every feature the engine prunes on: red
// lines, constraints, ideal points, non-veto actors and ties (utilities on a coarse grid).
func randomScenario(rng *rand.Rand) *Scenario {
	sc := &Scenario{Name: "random"}
	nIssues := 1 + rng.IntN(5)
	for k := 0; k < nIssues; k++ {
		is := Issue{ID: fmt.Sprintf("i%d", k), Name: fmt.Sprintf("issue %d", k)}
		for o := 0; o < 1+rng.IntN(4); o++ {
			is.Options = append(is.Options, Option{ID: fmt.Sprintf("o%d", o)})
		}
		sc.Issues = append(sc.Issues, is)
	}
	nActors := 1 + rng.IntN(4)
	for a := 0; a < nActors; a++ {
		act := Actor{ID: fmt.Sprintf("a%d", a), Name: fmt.Sprintf("actor %d", a), Veto: a == 0 || rng.IntN(4) > 0,
			Power: float64(1 + rng.IntN(3)), Reservation: float64(rng.IntN(9)) / 10}
		for _, is := range sc.Issues {
			if rng.IntN(5) == 0 {
				continue
			}
			pr := Preference{Issue: is.ID, Weight: float64(rng.IntN(5))}
			if rng.IntN(3) == 0 {
				pr.Ideal = is.Options[rng.IntN(len(is.Options))].ID
				if rng.IntN(2) == 0 {
					pr.Shape = ShapeQuadratic
				}
			} else {
				pr.Utilities = map[string]float64{}
				for _, o := range is.Options {
					pr.Utilities[o.ID] = float64(rng.IntN(5)) / 4
				}
			}
			if rng.IntN(3) == 0 {
				pr.Acceptable = randomRedLine(rng, is, 3)
			}
			act.Preferences = append(act.Preferences, pr)
		}
		if len(act.Preferences) == 0 {
			act.Preferences = []Preference{{Issue: sc.Issues[0].ID, Ideal: sc.Issues[0].Options[0].ID}}
		}
		act.Preferences[0].Weight++
		if nIssues > 1 && rng.IntN(3) == 0 {
			i, j := rng.IntN(nIssues), rng.IntN(nIssues)
			if i != j {
				act.Constraints = append(act.Constraints, Constraint{
					If:   map[string][]string{sc.Issues[i].ID: {sc.Issues[i].Options[rng.IntN(len(sc.Issues[i].Options))].ID}},
					Then: map[string][]string{sc.Issues[j].ID: {sc.Issues[j].Options[rng.IntN(len(sc.Issues[j].Options))].ID}},
				})
			}
		}
		sc.Actors = append(sc.Actors, act)
	}
	return sc
}

// randomRedLine draws an acceptable set on the issue that keeps each option with chance
// (keep−1)/keep, and the first option when it would keep none.
func randomRedLine(rng *rand.Rand, is Issue, keep int) []string {
	var acceptable []string
	for _, o := range is.Options {
		if rng.IntN(keep) > 0 {
			acceptable = append(acceptable, o.ID)
		}
	}
	if len(acceptable) == 0 {
		acceptable = []string{is.Options[0].ID}
	}
	return acceptable
}

// bruteForce is the reference the engine must agree with: every deal visited by an
// odometer, no pruning, the frontier by comparing every pair, the solutions by scanning
// the frontier. It shares only Utility and MeetsRedLines with the engine.
type bruteForce struct {
	count    uint64
	perIssue map[string]map[string]uint64
	zopa     [][]int
	pareto   [][]int
	distinct int
	solution map[string][]int
}

func solveByBruteForce(sp *Space) bruteForce {
	res := sp.reservations()
	var vetoIdx []int
	for a, act := range sp.Scenario().Actors {
		if act.Veto {
			vetoIdx = append(vetoIdx, a)
		}
	}
	return solveReference(sp, vetoIdx,
		func(c []int) bool {
			for _, a := range vetoIdx {
				if !sp.Accepts(a, c, res[a]) {
					return false
				}
			}
			return true
		},
		func(c []int) []float64 {
			v := make([]float64, len(vetoIdx))
			for j, a := range vetoIdx {
				v[j] = sp.Utility(a, c)
			}
			return v
		})
}

// solveReference is the brute force over any zone: passes says which deals are in it,
// vec gives a deal's utilities for the actors vetoIdx, which the frontier and solutions use.
func solveReference(sp *Space, vetoIdx []int, passes func([]int) bool, vec func([]int) []float64) bruteForce {
	sc := sp.Scenario()
	res := sp.reservations()
	bf := bruteForce{perIssue: map[string]map[string]uint64{}, solution: map[string][]int{}}
	for _, is := range sc.Issues {
		bf.perIssue[is.ID] = map[string]uint64{}
		for _, o := range is.Options {
			bf.perIssue[is.ID][o.ID] = 0
		}
	}
	eachDeal(sc, func(choice []int) {
		if passes(choice) {
			bf.count++
			bf.zopa = append(bf.zopa, slices.Clone(choice))
			for k, o := range choice {
				bf.perIssue[sc.Issues[k].ID][sc.Issues[k].Options[o].ID]++
			}
		}
	})
	for _, x := range bf.zopa {
		dominated := false
		for _, y := range bf.zopa {
			if dominates(vec(y), vec(x)) {
				dominated = true
			}
		}
		if !dominated {
			bf.pareto = append(bf.pareto, x)
		}
	}
	var seen [][]float64
	for _, p := range bf.pareto {
		v := vec(p)
		if !slices.ContainsFunc(seen, func(s []float64) bool { return sameVec(s, v) }) {
			seen = append(seen, v)
		}
	}
	bf.distinct = len(seen)
	if len(bf.pareto) == 0 {
		return bf
	}
	// The criteria, written out again from MODEL.md section 2.
	best := make([]float64, len(vetoIdx))
	for j := range best {
		best[j] = math.Inf(-1)
		for _, p := range bf.pareto {
			best[j] = max(best[j], vec(p)[j])
		}
	}
	powerSum := 0.0
	for _, a := range vetoIdx {
		powerSum += sc.Actors[a].Power
	}
	s := func(v []float64, j int) float64 { return math.Max(0, v[j]-res[vetoIdx[j]]) }
	crit := map[string]func(v []float64) float64{
		"nash": func(v []float64) float64 {
			p := 1.0
			for j := range v {
				p *= s(v, j)
			}
			return p
		},
		"asymmetric_nash": func(v []float64) float64 {
			p := 1.0
			for j := range v {
				p *= math.Pow(s(v, j), sc.Actors[vetoIdx[j]].Power/powerSum)
			}
			return p
		},
		"kalai_smorodinsky": func(v []float64) float64 {
			m := math.Inf(1)
			for j := range v {
				r := 1.0
				if best[j]-res[vetoIdx[j]] > Tolerance {
					r = s(v, j) / (best[j] - res[vetoIdx[j]])
				}
				m = min(m, r)
			}
			return m
		},
		"utilitarian": func(v []float64) float64 {
			t := 0.0
			for _, x := range v {
				t += x
			}
			return t
		},
		"egalitarian": func(v []float64) float64 {
			m := math.Inf(1)
			for j := range v {
				m = min(m, s(v, j))
			}
			return m
		},
	}
	for name, c := range crit {
		top := math.Inf(-1)
		for _, p := range bf.pareto {
			top = max(top, c(vec(p)))
		}
		// bf.pareto is in odometer order, the lowest positions first.
		for _, p := range bf.pareto {
			if c(vec(p)) >= top-1e-12*max(1, math.Abs(top)) {
				bf.solution[name] = p
				break
			}
		}
	}
	return bf
}

// checkAgainst compares an analysis with the brute-force answer on what every engine
// path must agree on: the ZOPA's size, its options per issue, the Pareto set and flags,
// and the bargaining solutions.
func checkAgainst(an *Analysis, want bruteForce, fail func(string, ...any)) {
	if an.ZOPA.Count != want.count {
		fail("count %d, brute force %d", an.ZOPA.Count, want.count)
	}
	for is, opts := range want.perIssue {
		for o, c := range opts {
			if an.Issues[is][o] != c {
				fail("issues[%s][%s] = %d, brute force %d", is, o, an.Issues[is][o], c)
			}
		}
	}
	if an.Pareto.Count != len(want.pareto) || an.Pareto.Distinct != want.distinct {
		fail("pareto %+v, brute force %d deals, %d distinct", an.Pareto, len(want.pareto), want.distinct)
	}
	for _, d := range an.ZOPA.Deals {
		isPareto := slices.ContainsFunc(want.pareto, func(p []int) bool { return slices.Equal(p, d.Choice) })
		if d.Pareto != isPareto {
			fail("deal %v pareto = %v, brute force %v", d.Choice, d.Pareto, isPareto)
		}
	}
	for _, ns := range an.Solutions.Named() {
		w, ok := want.solution[string(ns.Key)]
		switch {
		case !ok && ns.Solution != nil:
			fail("%s = %v on an empty ZOPA", ns.Key, ns.Solution.Choice)
		case ok && (ns.Solution == nil || !slices.Equal(ns.Solution.Choice, w)):
			fail("%s = %+v, brute force %v", ns.Key, ns.Solution, w)
		}
	}
}

// drawFailure stops a test on the n-th random scenario, printing it as JSON so that the
// failure can be replayed from the message alone.
func drawFailure(t *testing.T, n int, sc *Scenario) func(format string, args ...any) {
	return func(format string, args ...any) {
		t.Helper()
		js, _ := json.Marshal(sc)
		t.Fatalf("scenario %d: "+format+"\n%s", append([]any{n}, append(args, js)...)...)
	}
}

// eachDeal visits every deal of the scenario's space by odometer, the lowest option
// positions first, issue by issue in file order. The slice is reused between visits.
func eachDeal(sc *Scenario, visit func(choice []int)) {
	choice := make([]int, len(sc.Issues))
	for {
		visit(choice)
		k := len(choice) - 1
		for ; k >= 0; k-- {
			if choice[k]++; choice[k] < len(sc.Issues[k].Options) {
				break
			}
			choice[k] = 0
		}
		if k < 0 {
			return
		}
	}
}

func TestEngineAgreesWithBruteForce(t *testing.T) {
	rng := rand.New(rand.NewPCG(2026, 11))
	checked, nonEmpty := 0, 0
	eachDrawn(t, rng, 400, func(n int, sc *Scenario, sp *Space) {
		want := solveByBruteForce(sp)
		an, err := Analyze(context.Background(), sp, Options{Limit: 1 << 20, Workers: 2})
		if err != nil {
			t.Fatal(err)
		}
		checked++
		if want.count > 0 {
			nonEmpty++
		}
		fail := drawFailure(t, n, sc)
		checkAgainst(an, want, fail)
		listed := map[string]bool{}
		for _, d := range an.ZOPA.Deals {
			listed[choiceKey(d.Choice)] = true
		}
		for _, z := range want.zopa {
			if !listed[choiceKey(z)] {
				fail("ZOPA deal %v not listed", z)
			}
		}
		for i := 1; i < len(an.ZOPA.Deals); i++ {
			if an.ZOPA.Deals[i].NashProduct > an.ZOPA.Deals[i-1].NashProduct {
				fail("deals not ordered by Nash product at %d", i)
			}
		}
	})
	if checked < 300 || nonEmpty < 50 {
		t.Fatalf("only %d valid scenarios, %d with a ZOPA: the generator no longer exercises the engine", checked, nonEmpty)
	}
}

func TestAnswerDoesNotDependOnWorkers(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 7))
	eachDrawn(t, rng, 50, func(n int, _ *Scenario, sp *Space) {
		var outs [][]byte
		for _, w := range []int{1, 2, 5} {
			an, err := Analyze(context.Background(), sp, Options{Limit: 7, Workers: w})
			if err != nil {
				t.Fatal(err)
			}
			js, _ := json.Marshal(an)
			outs = append(outs, js)
		}
		if string(outs[0]) != string(outs[1]) || string(outs[0]) != string(outs[2]) {
			t.Fatalf("scenario %d: results differ between 1, 2 and 5 workers", n)
		}
	})
}

// choiceKey names a deal for use as a map key.
func choiceKey(choice []int) string {
	b := make([]byte, 0, 3*len(choice))
	for _, o := range choice {
		b = strconv.AppendInt(b, int64(o), 10)
		b = append(b, ',')
	}
	return string(b)
}

// The deal closest to agreement, which the diagnosis of an empty zone reports, checked by
// visiting every deal: among the deals within every veto actor's red lines, the one whose
// largest shortfall below a veto actor's reservation, max(0, r − u), is smallest, the
// lowest option positions (the odometer's first) among those within 1e-12 of it; a
// red-line clash exactly when no deal is within them all.
func TestClosestDealAgreesWithBruteForce(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 2026))
	checked, clashes, byOne := 0, 0, 0
	eachDrawn(t, rng, 400, func(n int, sc *Scenario, sp *Space) {
		if sp.rule != nil {
			return
		}
		an, err := Analyze(context.Background(), sp, Options{Limit: 10, Workers: 2})
		if err != nil {
			t.Fatal(err)
		}
		if an.ZOPA.Count > 0 {
			return
		}
		fail := drawFailure(t, n, sc)
		res := sp.reservations()
		shortfall := func(choice []int) float64 {
			worst := 0.0
			for _, a := range sp.veto {
				worst = max(worst, res[a]-sp.Utility(a, choice))
			}
			return worst
		}
		within := func(choice []int) bool {
			for _, a := range sp.veto {
				if !sp.MeetsRedLines(a, choice) {
					return false
				}
			}
			return true
		}
		least, found := math.Inf(1), false
		eachDeal(sc, func(choice []int) {
			if within(choice) {
				least, found = min(least, shortfall(choice)), true
			}
		})
		var first []int
		eachDeal(sc, func(choice []int) {
			if first == nil && within(choice) && shortfall(choice) <= least+1e-12 {
				first = slices.Clone(choice)
			}
		})
		checked++
		dg := an.Diagnosis
		if dg == nil || dg.RedLinesClash != !found {
			fail("diagnosis %+v, want a red-line clash %v", dg, !found)
		}
		if !found {
			clashes++
			// The veto actors whose own red lines and constraints keep no deal, by visiting
			// every deal for each: the diagnosis names them apart from a clash between actors.
			var alone []string
			for _, a := range sp.veto {
				keeps := false
				eachDeal(sc, func(choice []int) { keeps = keeps || sp.MeetsRedLines(a, choice) })
				if !keeps {
					alone = append(alone, sc.Actors[a].ID)
				}
			}
			if !slices.Equal(dg.RuledOutAlone, alone) {
				fail("ruled out alone %q, brute force %q", dg.RuledOutAlone, alone)
			}
			if len(alone) > 0 {
				byOne++
			}
			return
		}
		if dg.Closest == nil || !slices.Equal(dg.Closest.Deal.Choice, first) {
			fail("closest deal %+v, brute force %v (largest shortfall %v)", dg.Closest, first, least)
		}
		if math.Abs(dg.Closest.LargestShortfall-least) > 1e-9 {
			fail("largest shortfall %v, brute force %v", dg.Closest.LargestShortfall, least)
		}
	})
	t.Logf("%d empty zones, %d red-line clashes, %d of them within one actor's own rules", checked, clashes, byOne)
	if checked < 100 || clashes == 0 || clashes == checked || byOne == 0 || byOne == clashes {
		t.Fatalf("only %d empty zones checked, %d of them red-line clashes: the draw no longer exercises both cases", checked, clashes)
	}
}

// Under a decision rule or ratification the closest deal is the one nearest to passing,
// checked by visiting every deal within the veto actors' red lines: its distance is the
// least s such that, every reservation lowered by s, the deal passes as referenceRuleAt
// reads MODEL.md sections 6 and 7 off the scenario (s is 0 or some actor's shortfall, the
// first at which that actor accepts). The closest deal has the least distance, the lowest
// positions among those within 1e-12 of it; none when no deal passes at any s. Each actor
// the diagnosis names lowering its reservation by its own shortfall, the others fixed,
// must pass the deal, and every veto actor is named.
func TestClosestDealUnderRulesAgreesWithBruteForce(t *testing.T) {
	rng := rand.New(rand.NewPCG(17, 2026))
	checked, unreachable, moved := 0, 0, 0
	eachDrawnBy(t, rng, 600, func(rng *rand.Rand, _ int) *Scenario { return randomDecided(rng) }, func(n int, sc *Scenario, sp *Space) {
		if sp.rule == nil {
			return
		}
		an, err := Analyze(context.Background(), sp, Options{Limit: 1, Workers: 2})
		if err != nil {
			t.Fatal(err)
		}
		if an.ZOPA.Count > 0 {
			return
		}
		fail := drawFailure(t, n, sc)
		res := sp.reservations()
		within := func(choice []int) bool {
			for _, a := range sp.veto {
				if !sp.MeetsRedLines(a, choice) {
					return false
				}
			}
			return true
		}
		lowered := func(s float64) []float64 {
			r := slices.Clone(res)
			for a := range r {
				r[a] -= s
			}
			return r
		}
		distance := func(choice []int) (float64, bool) {
			steps := []float64{0}
			for a := range res {
				if x := res[a] - sp.Utility(a, choice); x > 0 && sp.MeetsRedLines(a, choice) {
					steps = append(steps, x)
				}
			}
			slices.Sort(steps)
			for _, s := range steps {
				if referenceRuleAt(sp, lowered(s)).passes(choice) {
					return s, true
				}
			}
			return 0, false
		}
		least, found, inside := math.Inf(1), false, false
		eachDeal(sc, func(choice []int) {
			if !within(choice) {
				return
			}
			inside = true
			if d, ok := distance(choice); ok {
				least, found = min(least, d), true
			}
		})
		var first []int
		eachDeal(sc, func(choice []int) {
			if d, ok := distance(choice); first == nil && within(choice) && ok && d <= least+1e-12 {
				first = slices.Clone(choice)
			}
		})
		checked++
		dg := an.Diagnosis
		if dg == nil || dg.RedLinesClash != !inside {
			fail("diagnosis %+v, want a red-line clash %v", dg, !inside)
		}
		if !found {
			unreachable++
			if dg.Closest != nil {
				fail("closest deal %+v; no deal within the red lines passes at any reservation", dg.Closest)
			}
			return
		}
		c := dg.Closest
		if c == nil || !slices.Equal(c.Deal.Choice, first) {
			fail("closest deal %+v, brute force %v (distance %v)", c, first, least)
		}
		if math.Abs(c.LargestShortfall-least) > 1e-9 {
			fail("largest shortfall %v, brute force %v", c.LargestShortfall, least)
		}
		r := slices.Clone(res)
		for id, x := range c.Shortfall {
			if x > c.LargestShortfall {
				fail("%s falls short by %v, beyond the largest %v", id, x, c.LargestShortfall)
			}
			r[sc.ActorIndex(id)] -= x + 1e-12
		}
		for _, a := range sp.veto {
			if _, ok := c.Shortfall[sc.Actors[a].ID]; !ok {
				fail("veto actor %s missing from the shortfalls %v", sc.Actors[a].ID, c.Shortfall)
			}
		}
		if !referenceRuleAt(sp, r).passes(first) {
			fail("the deal does not pass with the reservations of %v lowered by their shortfalls", c.Shortfall)
		}
		vetoOnly := 0.0
		for _, a := range sp.veto {
			vetoOnly = max(vetoOnly, res[a]-sp.Utility(a, first))
		}
		if least > vetoOnly+1e-9 {
			moved++
		}
	})
	t.Logf("%d empty zones under a rule, %d with no deal that could pass, %d where a voter or ratifier falls furthest", checked, unreachable, moved)
	if checked < 50 || moved < 10 || unreachable == 0 {
		t.Fatalf("only %d empty zones under a rule, %d where the votes matter, %d unreachable: the draw no longer exercises the cases", checked, moved, unreachable)
	}
}
