package sim

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// bruteHeadline is the headline by visiting every deal, sharing only Utility and Accepts
// with the engine, and reading who must agree off the scenario as the decision rule's
// brute-force test does (referenceRule): the zone, then the Nash deal as MODEL.md sections
// 2 and 6 define it, the Pareto-optimal zone deal with the largest product of the parties'
// surpluses, ties within 1e-12 going to the lowest option positions (the odometer visits
// those first).
func bruteHeadline(sp *Space) headline {
	sc := sp.Scenario()
	res := sp.reservations()
	ref := referenceRule(sp)
	var zone [][]int
	var vecs [][]float64
	eachDeal(sc, func(choice []int) {
		if ref.passes(choice) {
			zone = append(zone, slices.Clone(choice))
			vecs = append(vecs, ref.vec(choice))
		}
	})
	h := headline{deals: uint64(len(zone))}
	product := func(v []float64) float64 {
		p := 1.0
		for j, a := range ref.parties {
			p *= math.Max(0, v[j]-res[a])
		}
		return p
	}
	top := math.Inf(-1)
	for _, v := range vecs {
		top = max(top, product(v))
	}
	for i, v := range vecs {
		if product(v) < top-1e-12*max(1, math.Abs(top)) {
			continue
		}
		if !slices.ContainsFunc(vecs, func(w []float64) bool { return dominates(w, v) }) {
			h.nash = zone[i]
			break
		}
	}
	return h
}

// headlineAt sets path to x on cp, a copy of the scenario that only it changes, and takes
// the brute-force headline;
// false when the value leaves the scenario invalid (votes_needed above the votes left, say),
// where there is no headline to change. Only votes can do that within their ranges (a
// weight can leave every weight 0, which compiling refuses), so only they are validated:
// validating every point would take most of the test's time.
func headlineAt(t *testing.T, cp *Scenario, path string, x float64) (headline, bool) {
	t.Helper()
	if err := cp.Set(path, x); err != nil {
		t.Fatal(err)
	}
	if paramCategory(path) == CategoryVotes && len(cp.Validate().Errors()) > 0 {
		return headline{}, false
	}
	sp, err := compile(cp)
	if err != nil {
		return headline{}, false
	}
	return bruteHeadline(sp), true
}

// Every threshold RunSensitivity reports, exact or bisected, is checked against the
// brute-force headline on a hundred random scenarios, and on forty more with votes, a
// decision rule or ratification: nothing changes between the current value and the
// threshold (scanned at 20 points, the last just short of it, or at every whole number),
// the headline has changed just past it, to the size and Nash deal reported; and where no
// threshold is reported, a scan of the range to its end finds no change. A scan can miss a
// change in a window narrower than its step, so the check can pass a wrong "none" but never
// fail a right answer.
func TestSensitivityAgreesWithBruteForce(t *testing.T) {
	rng := rand.New(rand.NewPCG(18, 9))
	ctx := context.Background()
	scenarios, thresholds, exact, moves, gated := 0, 0, 0, 0, 0
	for scenarios < 140 {
		sc := validRandom(rng)
		if scenarios >= 100 {
			if sc = randomDecided(rng); len(sc.Validate().Errors()) > 0 {
				continue
			}
		}
		sp := compiled(t, sc)
		scenarios++
		rep, err := RunSensitivity(ctx, sp, SensitivityOptions{Workers: 1})
		if err != nil {
			t.Fatal(err)
		}
		base := bruteHeadline(sp)
		if rep.Headline.Deals != base.deals {
			t.Fatalf("headline %d deals, brute force %d\n%s", rep.Headline.Deals, base.deals, scenarioJSON(sc))
		}
		if sp.rule != nil {
			gated++
		}
		whole := map[string]bool{}
		for _, p := range sc.Params() {
			whole[p.Path] = p.Kind == ParamInteger
		}
		for _, row := range rep.Rows {
			if row.Method == MethodInert {
				continue
			}
			cp := sc.Clone()
			for _, dir := range []float64{-1, 1} {
				tip, limit := row.side(dir)
				fail := func(format string, args ...any) {
					t.Helper()
					t.Fatalf("%s (%s, now %g, direction %+g): "+format+"\n%s", append([]any{row.Path, row.Method, row.Value, dir}, append(args, scenarioJSON(sc))...)...)
				}
				end := limit
				if tip != nil {
					end = tip.At - dir*2e-6
				}
				var before []float64
				for i := 1; i <= 20 && !whole[row.Path] && dir*(end-row.Value) > 0; i++ {
					before = append(before, row.Value+(end-row.Value)*float64(i)/20)
				}
				for x := row.Value + dir; whole[row.Path] && dir*(end-x) >= 0; x += dir {
					before = append(before, x)
				}
				for _, x := range before {
					if h, ok := headlineAt(t, cp, row.Path, x); ok && h.differs(base) {
						fail("the headline changes at %.9g (%d deals, Nash %v), before the threshold reported (%v)", x, h.deals, h.nash, tip)
					}
				}
				if tip == nil {
					continue
				}
				thresholds++
				if row.Method == MethodExact {
					exact++
				}
				if tip.Kind == ChangeMoves {
					moves++
				}
				if msg := pastThreshold(t, cp, row, tip, dir, limit, base); msg != "" {
					fail("%s", msg)
				}
			}
		}
	}
	t.Logf("%d thresholds (%d exact, %d Nash moves) in %d scenarios, %d with a decision rule or ratification", thresholds, exact, moves, scenarios, gated)
	// The generator must keep producing cases of each kind, or the test checks little.
	if thresholds < 300 || exact < 200 || moves < 50 || gated < 20 {
		t.Fatalf("only %d thresholds (%d exact, %d Nash moves) in %d scenarios, %d gated", thresholds, exact, moves, scenarios, gated)
	}
}

// side is the row's threshold and the end of its range below (dir −1) or above (+1).
func (row SensitivityRow) side(dir float64) (*Tipping, float64) {
	if dir < 0 {
		return row.Below, row.Min
	}
	return row.Above, row.Max
}

// pastThreshold checks the brute-force headline just past a reported threshold: it must
// differ from base, with the deals and Nash deal the threshold reports. Bisection reports
// the first value found changed; the exact models a value within 1e-6 of where the
// engine's tolerance puts the change, which they confirm 1e-7 beyond that. It returns
// what is wrong, "" when nothing is.
func pastThreshold(t *testing.T, cp *Scenario, row SensitivityRow, tip *Tipping, dir, limit float64, base headline) string {
	t.Helper()
	past := tip.At
	if row.Method == MethodExact {
		past = tip.At + dir*(1e-6+sensitivityStep)
	}
	if dir*(past-limit) > 0 {
		past = limit
	}
	h, ok := headlineAt(t, cp, row.Path, past)
	if !ok || !h.differs(base) {
		return fmt.Sprintf("threshold %.9g (%s), but at %.9g the headline is the current one", tip.At, tip.Kind, past)
	}
	if h.deals != tip.Deals || !slices.Equal(h.nash, choiceOf(cp, tip.Nash)) {
		return fmt.Sprintf("at %.9g: %d deals, Nash %v; reported %d deals, Nash %v", past, h.deals, h.nash, tip.Deals, tip.Nash)
	}
	return ""
}

// choiceOf turns a deal written as issue → option back into positions; nil for none.
func choiceOf(sc *Scenario, options map[string]string) []int {
	if options == nil {
		return nil
	}
	choice := make([]int, len(sc.Issues))
	for k := range sc.Issues {
		choice[k] = sc.Issues[k].OptionIndex(options[sc.Issues[k].ID])
	}
	return choice
}

// Bracketing and the exact model are two ways to the same threshold: where bracketing
// finds one for a reservation, the exact one is no farther (bracketing may miss a nearer
// change narrower than its scan step) and, when they are the same change, within 1e-6.
func TestBracketingAgreesWithExactThresholds(t *testing.T) {
	rng := rand.New(rand.NewPCG(18, 10))
	ctx := context.Background()
	compared := 0
	for n := 0; n < 60; n++ {
		sc := validRandom(rng)
		sp := compiled(t, sc)
		rep, err := RunSensitivity(ctx, sp, SensitivityOptions{Only: []Category{CategoryReservations}, Workers: 1})
		if err != nil {
			t.Fatal(err)
		}
		s := newSensitivity(ctx, sp)
		s.base = bruteHeadline(sp)
		for _, row := range rep.Rows {
			if row.Method != MethodExact {
				continue
			}
			a := sc.ActorIndex(row.Path[len("actors.") : len(row.Path)-len(".reservation")])
			_, pr, _, err := s.model(CategoryReservations, a, nil)
			if err != nil {
				t.Fatal(err)
			}
			for _, dir := range []float64{-1, 1} {
				want, limit := row.Below, row.Min
				if dir > 0 {
					want, limit = row.Above, row.Max
				}
				// The engine's own probe, and the one for values it cannot read as a line,
				// which sets the path on a copy and compiles it afresh.
				probe := pr
				if n%2 == 1 {
					probe = s.setProbe(row.Path)
				}
				got, err := s.bracket(probe, row.Value, limit, dir, false)
				if err != nil {
					t.Fatal(err)
				}
				switch {
				case got == nil:
				case want == nil || dir*(want.At-got.At) > 1e-6:
					t.Fatalf("%s %+g: bracketing finds %v, exact %v\n%s", row.Path, dir, got, want, scenarioJSON(sc))
				case got.Kind == want.Kind && slices.Equal(choiceOf(sc, got.Nash), choiceOf(sc, want.Nash)):
					if math.Abs(got.At-want.At) > 1e-6 {
						t.Fatalf("%s %+g: bracketing %.9g, exact %.9g\n%s", row.Path, dir, got.At, want.At, scenarioJSON(sc))
					}
					compared++
				}
			}
		}
	}
	if compared < 30 {
		t.Fatalf("only %d thresholds compared", compared)
	}
}

// Whole numbers over a long range are scanned at sensitivityScan whole values, not stepped
// one at a time: the rounds of a protocol (10 to 10,000) change no zone, so the scan finds
// nothing, in the base analysis and one per scanned value.
func TestBracketingStepsWholeNumbers(t *testing.T) {
	sp := compiled(t, validRandom(rand.New(rand.NewPCG(18, 13))))
	s := &sensitivity{ctx: context.Background(), sp: sp, res: sp.reservations()}
	var err error
	if s.base, err = s.search(sp, sp.baseRules(s.res)); err != nil {
		t.Fatal(err)
	}
	got, err := s.bracket(s.setProbe("protocol.rounds"), DefaultRounds, MaxRounds, 1, true)
	if err != nil || got != nil {
		t.Fatalf("protocol.rounds: %+v, %v; want no threshold", got, err)
	}
	if n := s.analyses.Load(); n != 1+sensitivityScan {
		t.Errorf("%d analyses, want 1 + %d", n, sensitivityScan)
	}
}

func TestSensitivityStopsWhenCancelled(t *testing.T) {
	rng := rand.New(rand.NewPCG(18, 11))
	sp := compiled(t, validRandom(rng))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := RunSensitivity(ctx, sp, SensitivityOptions{}); err == nil {
		t.Fatal("a cancelled analysis returned no error")
	}
}

// Values are analysed on a pool of workers; the answer, down to the count of analyses,
// must not depend on how many.
func TestSensitivityDoesNotDependOnWorkers(t *testing.T) {
	rng := rand.New(rand.NewPCG(18, 12))
	for n := 0; n < 40; n++ {
		// Half with votes, a decision rule or ratifiers, whose models are shared by rows.
		sc := validRandom(rng)
		if n >= 20 {
			if sc = randomDecided(rng); len(sc.Validate().Errors()) > 0 {
				continue
			}
		}
		sp := compiled(t, sc)
		var outs []string
		for _, w := range []int{1, 3} {
			rep, err := RunSensitivity(context.Background(), sp, SensitivityOptions{Workers: w})
			if err != nil {
				t.Fatal(err)
			}
			js, _ := json.Marshal(rep)
			outs = append(outs, string(js))
		}
		if outs[0] != outs[1] {
			t.Fatalf("scenario %d: 1 and 3 workers give different answers:\n%s\n%s", n, outs[0], outs[1])
		}
	}
}

// Under a decision rule or ratification, a veto party's reservation, weights and option
// utilities are read by the line model, and a voter's or ratifier's by the voter model
// (neither bracketed), and their thresholds must be the ones a fine scan of the
// brute-force headline finds: on random scenarios with votes, a decision rule or
// ratifiers (and at least one veto), each exact row is scanned from its value to each end of its range in scanSteps even steps, setting the
// value on a copy of the scenario and enumerating every deal (bruteHeadline). The first
// scanned value whose headline differs must lie no nearer than the threshold (less 1e-6,
// the precision promised) and, unless the change there is narrower than a step, within a
// step past it; just past the threshold the headline must differ, with the deals and Nash
// deal reported; with no threshold the scan must find no change.
func TestGatedThresholdsAgreeWithScan(t *testing.T) {
	const scanSteps = 200
	rng := rand.New(rand.NewPCG(18, 21))
	ctx := context.Background()
	scenarios, rows, voterRows, thresholds, withinStep, moves := 0, 0, 0, 0, 0, 0
	for tries := 0; scenarios < 60 && tries < 5000; tries++ {
		sc := randomDecided(rng)
		if len(sc.Validate().Errors()) > 0 {
			continue
		}
		sp := compiled(t, sc)
		if sp.rule == nil || sp.rule.noVeto {
			continue
		}
		scenarios++
		rep, err := RunSensitivity(ctx, sp, SensitivityOptions{Workers: 1})
		if err != nil {
			t.Fatal(err)
		}
		base := bruteHeadline(sp)
		var exact []SensitivityRow
		for _, row := range rep.Rows {
			if row.Method == MethodExact {
				exact = append(exact, row)
			}
		}
		// A handful of rows per scenario keeps the scans' brute force affordable.
		rng.Shuffle(len(exact), func(i, j int) { exact[i], exact[j] = exact[j], exact[i] })
		for _, row := range exact[:min(len(exact), 6)] {
			rows++
			if a, ok := (&sensitivity{sp: sp}).ownerOf(row); ok && !sc.Actors[a].Veto {
				voterRows++
			}
			cp := sc.Clone()
			for _, dir := range []float64{-1, 1} {
				tip, limit := row.side(dir)
				fail := func(format string, args ...any) {
					t.Helper()
					t.Fatalf("%s (now %g, direction %+g): "+format+"\n%s", append([]any{row.Path, row.Value, dir}, append(args, scenarioJSON(sc))...)...)
				}
				step := (row.Max - row.Min) / scanSteps
				first, found := 0.0, false
				for x := row.Value + dir*step; dir*(limit-x) > -step/2 && !found; x += dir * step {
					if dir*(x-limit) > 0 {
						x = limit
					}
					if h, ok := headlineAt(t, cp, row.Path, x); ok && h.differs(base) {
						first, found = x, true
					}
				}
				if tip == nil {
					if found {
						fail("no threshold reported, but the headline changes at %.9g", first)
					}
					continue
				}
				thresholds++
				if tip.Kind == ChangeMoves {
					moves++
				}
				if found && dir*(first-tip.At) < -1e-6 {
					fail("threshold %.9g (%s), but the scan finds the headline changed at %.9g already", tip.At, tip.Kind, first)
				}
				if found && dir*(first-tip.At) <= step+1e-6 {
					withinStep++
				}
				if msg := pastThreshold(t, cp, row, tip, dir, limit, base); msg != "" {
					fail("%s", msg)
				}
			}
		}
	}
	t.Logf("%d gated scenarios, %d exact rows scanned (%d of voters or ratifiers), %d thresholds (%d Nash moves), %d within a scan step", scenarios, rows, voterRows, thresholds, moves, withinStep)
	// The generator must keep producing cases, and all but changes narrower than a scan
	// step must be found within one.
	if scenarios < 60 || rows < 100 || voterRows < 20 || thresholds < 60 || moves < 10 || withinStep < thresholds*9/10 {
		t.Fatalf("too few cases: %d scenarios, %d rows (%d of voters), %d thresholds, %d moves, %d within a step", scenarios, rows, voterRows, thresholds, moves, withinStep)
	}
}

// The actors on the edge of the Nash deal are those it gives exactly their reservation
// and cannot pass without. Checked against the brute-force decision rule (referenceRuleAt)
// on random scenarios, with one actor's reservation moved onto its utility of the Nash
// deal, so that the edge is there to find: an actor is listed exactly when it accepts the
// deal at its reservation, within 1e-9, and asked for 1e-6 more the deal fails.
func TestOnTheEdgeAgreesWithBruteForce(t *testing.T) {
	rng := rand.New(rand.NewPCG(31, 12))
	found, checked := 0, 0
	for n := 0; n < 300; n++ {
		seed1, seed2 := rng.Uint64(), rng.Uint64()
		sc := validRandom(rand.New(rand.NewPCG(seed1, seed2)))
		base := bruteHeadline(compiled(t, sc))
		if base.deals == 0 {
			continue
		}
		a := rng.IntN(len(sc.Actors))
		sc.Actors[a].Reservation = compiled(t, sc).Utility(a, base.nash)
		sp := compiled(t, sc)
		res := sp.reservations()
		if !referenceRuleAt(sp, res).passes(base.nash) {
			t.Fatalf("scenario %d: the Nash deal left the zone when actor %d's reservation was set to its utility of it", n, a)
		}
		var want []string
		for b := range sc.Actors {
			u := sp.Utility(b, base.nash)
			asked := slices.Clone(res)
			asked[b] = u + 1e-6
			if math.Abs(u-res[b]) <= 1e-9 && sp.Accepts(b, base.nash, res[b]) && !referenceRuleAt(sp, asked).passes(base.nash) {
				want = append(want, sc.Actors[b].ID)
			}
		}
		got := sp.onTheEdge(base.nash)
		if !slices.Equal(got, want) {
			t.Errorf("scenario %d (seed %d, %d): on the edge %q, want %q", n, seed1, seed2, got, want)
		}
		checked++
		found += len(want)
	}
	t.Logf("checked %d scenarios, %d actors on the edge", checked, found)
	if checked < 100 || found < 30 {
		t.Fatalf("checked %d scenarios and found %d actors on the edge; too few to trust the check", checked, found)
	}
}
