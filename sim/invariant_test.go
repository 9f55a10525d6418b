package sim

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// The laws below follow from MODEL.md whatever the numbers: the ZOPA is the set of deals
// every veto actor accepts, so loosening one actor's terms can only let deals in and
// tightening them can only keep deals out; scores are weighted sums with normalised
// weights, so names, order and the scale of weights do not matter. Each law is checked on
// the same seeded random scenarios the brute-force test uses, comparing deal sets, not
// just counts.

// invariantCases is how many random scenarios each law is checked on: every one takes a
// few analyses of at most 1,024 deals, so all laws together run in about a second.
const invariantCases = 250

// zopaOf analyses a scenario and returns it with its ZOPA as a set of deal keys.
func zopaOf(t *testing.T, sc *Scenario) (*Analysis, map[string]bool) {
	t.Helper()
	sp, err := Compile(sc)
	if err != nil {
		t.Fatalf("%v\n%s", err, scenarioJSON(sc))
	}
	an, err := Analyze(context.Background(), sp, Options{Limit: 1 << 20, Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	set := map[string]bool{}
	for _, d := range an.ZOPA.Deals {
		set[choiceKey(d.Choice)] = true
	}
	if uint64(len(set)) != an.ZOPA.Count {
		t.Fatalf("%d deals listed for a ZOPA of %d", len(set), an.ZOPA.Count)
	}
	return an, set
}

func scenarioJSON(sc *Scenario) string {
	js, _ := json.Marshal(sc)
	return string(js)
}

func subset(a, b map[string]bool) bool {
	for k := range a {
		if !b[k] {
			return false
		}
	}
	return true
}

// validRandom draws random scenarios until one is valid; the seed fixes the sequence.
func validRandom(rng *rand.Rand) *Scenario {
	for {
		if sc := randomScenario(rng); len(sc.Validate().Errors()) == 0 {
			return sc
		}
	}
}

// forRandomScenarios runs check on invariantCases valid random scenarios from a fixed seed,
// naming the case and the scenario on failure so it can be reproduced.
func forRandomScenarios(t *testing.T, seed uint64, check func(t *testing.T, rng *rand.Rand, sc *Scenario)) {
	rng := rand.New(rand.NewPCG(seed, 10))
	for n := 0; n < invariantCases; n++ {
		sc := validRandom(rng)
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			defer func() {
				if t.Failed() {
					t.Logf("seed %d case %d: %s", seed, n, scenarioJSON(sc))
				}
			}()
			check(t, rng, sc)
		})
	}
}

func vetoActors(sc *Scenario) []int {
	var out []int
	for a := range sc.Actors {
		if sc.Actors[a].Veto {
			out = append(out, a)
		}
	}
	return out
}

func TestReservationMonotone(t *testing.T) {
	forRandomScenarios(t, 1, func(t *testing.T, rng *rand.Rand, sc *Scenario) {
		_, base := zopaOf(t, sc)
		veto := vetoActors(sc)
		a := veto[rng.IntN(len(veto))]
		r := sc.Actors[a].Reservation

		lower := sc.Clone()
		lower.Actors[a].Reservation = r * rng.Float64()
		if _, z := zopaOf(t, lower); !subset(base, z) {
			t.Errorf("lowering %s's reservation from %v to %v lost deals", sc.Actors[a].ID, r, lower.Actors[a].Reservation)
		}
		higher := sc.Clone()
		higher.Actors[a].Reservation = r + (1-r)*rng.Float64()
		if _, z := zopaOf(t, higher); !subset(z, base) {
			t.Errorf("raising %s's reservation from %v to %v added deals", sc.Actors[a].ID, r, higher.Actors[a].Reservation)
		}
	})
}

// otherActor draws one more actor for sc, valid on its own, from a scenario with the
// same issues.
func otherActor(rng *rand.Rand, sc *Scenario, veto bool) Actor {
	for {
		donor := randomScenario(rng)
		if len(donor.Issues) < len(sc.Issues) {
			continue
		}
		cand := sc.Clone()
		act := donor.Actors[0]
		act.ID, act.Name, act.Veto = "newcomer", "Newcomer", veto
		// Keep only preferences and constraints on issues and options sc has.
		var prefs []Preference
		for _, pr := range act.Preferences {
			k := sc.IssueIndex(pr.Issue)
			if k < 0 || len(donor.Issues[k].Options) != len(sc.Issues[k].Options) {
				continue
			}
			prefs = append(prefs, pr)
		}
		act.Preferences = prefs
		act.Constraints = nil
		cand.Actors = append(cand.Actors, act)
		if len(prefs) > 0 && len(cand.Validate().Errors()) == 0 {
			return act
		}
	}
}

func TestVetoActorNeverGrowsZOPA(t *testing.T) {
	forRandomScenarios(t, 2, func(t *testing.T, rng *rand.Rand, sc *Scenario) {
		_, base := zopaOf(t, sc)
		more := sc.Clone()
		more.Actors = append(more.Actors, otherActor(rng, sc, true))
		if _, z := zopaOf(t, more); !subset(z, base) {
			t.Errorf("a new veto actor added deals to the ZOPA")
		}
	})
}

func TestNonVetoActorChangesNothing(t *testing.T) {
	forRandomScenarios(t, 3, func(t *testing.T, rng *rand.Rand, sc *Scenario) {
		an, base := zopaOf(t, sc)
		more := sc.Clone()
		at := rng.IntN(len(sc.Actors) + 1)
		more.Actors = slices.Insert(more.Actors, at, otherActor(rng, sc, false))
		an2, z := zopaOf(t, more)
		if !subset(z, base) || !subset(base, z) {
			t.Fatalf("a non-veto actor changed the ZOPA from %d to %d deals", len(base), len(z))
		}
		if an.Pareto != an2.Pareto {
			t.Errorf("a non-veto actor changed the frontier from %+v to %+v", an.Pareto, an2.Pareto)
		}
		for i, ns := range an.Solutions.Named() {
			other := an2.Solutions.Named()[i].Solution
			if (ns.Solution == nil) != (other == nil) || ns.Solution != nil && !slices.Equal(ns.Solution.Choice, other.Choice) {
				t.Errorf("a non-veto actor changed the %s solution", ns.Key)
			}
		}
	})
}

func TestDroppingRedLineNeverShrinksZOPA(t *testing.T) {
	dropped := 0
	forRandomScenarios(t, 4, func(t *testing.T, rng *rand.Rand, sc *Scenario) {
		_, base := zopaOf(t, sc)
		type line struct{ actor, pref, cons int }
		var lines []line
		for a := range sc.Actors {
			for p := range sc.Actors[a].Preferences {
				if sc.Actors[a].Preferences[p].Acceptable != nil {
					lines = append(lines, line{a, p, -1})
				}
			}
			for c := range sc.Actors[a].Constraints {
				lines = append(lines, line{a, -1, c})
			}
		}
		if len(lines) == 0 {
			return
		}
		dropped++
		l := lines[rng.IntN(len(lines))]
		fewer := sc.Clone()
		if l.pref >= 0 {
			fewer.Actors[l.actor].Preferences[l.pref].Acceptable = nil
		} else {
			fewer.Actors[l.actor].Constraints = slices.Delete(fewer.Actors[l.actor].Constraints, l.cons, l.cons+1)
		}
		if _, z := zopaOf(t, fewer); !subset(base, z) {
			t.Errorf("dropping a red line of %s lost deals", sc.Actors[l.actor].ID)
		}
	})
	if dropped < invariantCases/3 {
		t.Fatalf("only %d scenarios had a red line to drop: the generator no longer exercises this law", dropped)
	}
}

// vetoVector is the veto actors' utilities for a deal, in file order.
func vetoVector(sp *Space, choice []int) []float64 {
	var v []float64
	for _, a := range sp.veto {
		v = append(v, sp.Utility(a, choice))
	}
	return v
}

// weaklyDominates: a is at least as good as b for every veto actor, within Tolerance.
func weaklyDominates(a, b []float64) bool {
	for i := range a {
		if a[i] < b[i]-Tolerance {
			return false
		}
	}
	return true
}

// strictlyDominates: a is better than b for every veto actor, beyond Tolerance.
func strictlyDominates(a, b []float64) bool {
	for i := range a {
		if a[i] <= b[i]+Tolerance {
			return false
		}
	}
	return true
}

// checkParetoAndSolutions checks, against the listed ZOPA alone, that deals marked Pareto
// are non-dominated, that every ZOPA deal is weakly dominated by one of them, and that
// every solution is a ZOPA deal no other ZOPA deal beats for every veto actor.
func checkParetoAndSolutions(t *testing.T, sp *Space, an *Analysis) {
	t.Helper()
	var zopa, pareto [][]float64
	keys := map[string]bool{}
	for _, d := range an.ZOPA.Deals {
		v := vetoVector(sp, d.Choice)
		zopa = append(zopa, v)
		keys[choiceKey(d.Choice)] = true
		if d.Pareto {
			pareto = append(pareto, v)
		}
	}
	for _, p := range pareto {
		for _, z := range zopa {
			if dominates(z, p) {
				t.Fatalf("Pareto deal %v is dominated by %v", p, z)
			}
		}
	}
	for _, z := range zopa {
		if !slices.ContainsFunc(pareto, func(p []float64) bool { return weaklyDominates(p, z) }) {
			t.Fatalf("ZOPA deal %v is weakly dominated by no Pareto deal", z)
		}
	}
	for _, ns := range an.Solutions.Named() {
		if ns.Solution == nil {
			if an.ZOPA.Count > 0 {
				t.Fatalf("no %s solution for a ZOPA of %d deals", ns.Key, an.ZOPA.Count)
			}
			continue
		}
		if !keys[choiceKey(ns.Solution.Choice)] {
			t.Fatalf("%s solution %v is not in the ZOPA", ns.Key, ns.Solution.Choice)
		}
		s := vetoVector(sp, ns.Solution.Choice)
		for _, z := range zopa {
			if strictlyDominates(z, s) {
				t.Fatalf("%s solution %v is beaten for every veto actor by %v", ns.Key, s, z)
			}
		}
	}
}

func TestParetoAndSolutionsLaws(t *testing.T) {
	forRandomScenarios(t, 5, func(t *testing.T, _ *rand.Rand, sc *Scenario) {
		sp := compiled(t, sc)
		an, err := Analyze(context.Background(), sp, Options{Limit: 1 << 20, Workers: 1})
		if err != nil {
			t.Fatal(err)
		}
		checkParetoAndSolutions(t, sp, an)
	})
}

// relabel gives every id a new name and reverses the actors' order: the answer must be
// the same deals under the new names.
func relabel(sc *Scenario) *Scenario {
	out := sc.Clone()
	// Prefixes of different lengths sort the new ids in another order than the old, so
	// nothing can lean on the order of ids.
	name := func(id string) string { return "n" + strings.Repeat("z", 5-len(id)%5) + id }
	optNames := map[string]map[string]string{}
	for k := range out.Issues {
		is := &out.Issues[k]
		optNames[is.ID] = map[string]string{}
		for o := range is.Options {
			optNames[is.ID][is.Options[o].ID] = name(is.Options[o].ID)
			is.Options[o].ID = name(is.Options[o].ID)
		}
	}
	renameOpts := func(issue string, ids []string) []string {
		if ids == nil {
			return nil
		}
		out := make([]string, len(ids))
		for i, id := range ids {
			out[i] = optNames[issue][id]
		}
		return out
	}
	renameCond := func(m map[string][]string) map[string][]string {
		out := map[string][]string{}
		for issue, ids := range m {
			out[name(issue)] = renameOpts(issue, ids)
		}
		return out
	}
	for a := range out.Actors {
		act := &out.Actors[a]
		act.ID = name(act.ID)
		for p := range act.Preferences {
			pr := &act.Preferences[p]
			issue := pr.Issue
			if pr.Utilities != nil {
				u := map[string]float64{}
				for id, x := range pr.Utilities {
					u[optNames[issue][id]] = x
				}
				pr.Utilities = u
			}
			if pr.Ideal != "" {
				pr.Ideal = optNames[issue][pr.Ideal]
			}
			pr.Acceptable = renameOpts(issue, pr.Acceptable)
			pr.Issue = name(issue)
		}
		for c := range act.Constraints {
			act.Constraints[c].If = renameCond(act.Constraints[c].If)
			act.Constraints[c].Then = renameCond(act.Constraints[c].Then)
		}
	}
	for k := range out.Issues {
		out.Issues[k].ID = name(out.Issues[k].ID)
	}
	slices.Reverse(out.Actors)
	return out
}

// sameAnswer compares two analyses of scenarios with the same issues in the same order:
// the same ZOPA, frontier and solutions, where a different solution is allowed only as a
// tie on the criterion (sums in another actor order may round differently).
func sameAnswer(t *testing.T, what string, a, b *Analysis, za, zb map[string]bool) {
	t.Helper()
	if !subset(za, zb) || !subset(zb, za) {
		t.Fatalf("%s changed the ZOPA from %d to %d deals", what, len(za), len(zb))
	}
	if a.Pareto != b.Pareto {
		t.Fatalf("%s changed the frontier from %+v to %+v", what, a.Pareto, b.Pareto)
	}
	nb := b.Solutions.Named()
	for i, ns := range a.Solutions.Named() {
		x, y := ns.Solution, nb[i].Solution
		if (x == nil) != (y == nil) {
			t.Fatalf("%s changed whether there is a %s solution", what, ns.Key)
		}
		if x == nil || slices.Equal(x.Choice, y.Choice) {
			continue
		}
		if math.Abs(x.Value-y.Value) > 1e-9 {
			t.Fatalf("%s changed the %s solution from %v (%v) to %v (%v)", what, ns.Key, x.Choice, x.Value, y.Choice, y.Value)
		}
	}
}

func TestRelabellingAndReorderingChangeOnlyNames(t *testing.T) {
	forRandomScenarios(t, 6, func(t *testing.T, _ *rand.Rand, sc *Scenario) {
		an, z := zopaOf(t, sc)
		an2, z2 := zopaOf(t, relabel(sc))
		sameAnswer(t, "renaming ids and reversing the actors", an, an2, z, z2)
	})
}

func TestScalingWeightsChangesNothing(t *testing.T) {
	forRandomScenarios(t, 7, func(t *testing.T, rng *rand.Rand, sc *Scenario) {
		an, z := zopaOf(t, sc)
		scaled := sc.Clone()
		a := rng.IntN(len(sc.Actors))
		// 3 and 1/7 are not powers of two, so the scaled weights are rounded differently.
		factor := []float64{3, 1.0 / 7, 1000}[rng.IntN(3)]
		for p := range scaled.Actors[a].Preferences {
			scaled.Actors[a].Preferences[p].Weight *= factor
		}
		an2, z2 := zopaOf(t, scaled)
		sameAnswer(t, fmt.Sprintf("scaling %s's weights by %v", sc.Actors[a].ID, factor), an, an2, z, z2)
	})
}
