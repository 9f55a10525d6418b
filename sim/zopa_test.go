package sim

import (
	"context"
	"math"
	"slices"
	"testing"
)

// twoByTwo is the hand-computed case most tests start from: issue a with options a0..a2,
// issue b with b0, b1; actors x and y with reservation 0.3 each.
//
//	x: weight 60 on a (1, .5, 0), 40 on b (0, 1)
//	y: weight 50 on a (0, .5, 1), 50 on b (1, 0)
//
//	deal      u_x                 u_y
//	a0 b0     .6                  .5
//	a0 b1     .6+.4 = 1           0
//	a1 b0     .3                  .25+.5 = .75
//	a1 b1     .3+.4 = .7          .25
//	a2 b0     0                   1
//	a2 b1     .4                  .5
func twoByTwo() *Scenario {
	return &Scenario{
		Name: "two by two",
		Issues: []Issue{
			{ID: "a", Name: "A", Options: []Option{{ID: "a0"}, {ID: "a1"}, {ID: "a2"}}},
			{ID: "b", Name: "B", Options: []Option{{ID: "b0"}, {ID: "b1"}}},
		},
		Actors: []Actor{
			{ID: "x", Name: "X", Veto: true, Power: 1, Reservation: 0.3, Preferences: []Preference{
				{Issue: "a", Weight: 60, Utilities: map[string]float64{"a0": 1, "a1": 0.5, "a2": 0}},
				{Issue: "b", Weight: 40, Utilities: map[string]float64{"b0": 0, "b1": 1}},
			}},
			{ID: "y", Name: "Y", Veto: true, Power: 1, Reservation: 0.3, Preferences: []Preference{
				{Issue: "a", Weight: 50, Utilities: map[string]float64{"a0": 0, "a1": 0.5, "a2": 1}},
				{Issue: "b", Weight: 50, Utilities: map[string]float64{"b0": 1, "b1": 0}},
			}},
		},
	}
}

func analyze(t *testing.T, sc *Scenario, limit int) *Analysis {
	t.Helper()
	sp := compiled(t, sc)
	an, err := Analyze(context.Background(), sp, Options{Limit: limit})
	if err != nil {
		t.Fatal(err)
	}
	return an
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func dealOptions(d Deal, issues ...string) []string {
	var out []string
	for _, is := range issues {
		out = append(out, d.Options[is])
	}
	return out
}

func TestTwoActorsTwoIssuesByHand(t *testing.T) {
	an := analyze(t, twoByTwo(), 10)
	// With both reservations at .3, a deal is in the ZOPA when u_x ≥ .3 and u_y ≥ .3:
	// a0 b0 (.6, .5), a1 b0 (.3, .75: x exactly at its reservation, inside) and a2 b1
	// (.4, .5). a0 b1, a1 b1 and a2 b0 leave someone below .3.
	if an.ZOPA.Count != 3 {
		t.Fatalf("ZOPA count = %d, want 3", an.ZOPA.Count)
	}
	if an.Space.Deals != 6 {
		t.Errorf("space = %d deals, want 3×2 = 6", an.Space.Deals)
	}
	// Nash products of the surpluses: a0 b0 .3×.2 = .06; a2 b1 .1×.2 = .02; a1 b0 0×.45 = 0.
	wantOrder := [][]string{{"a0", "b0"}, {"a2", "b1"}, {"a1", "b0"}}
	wantNash := []float64{0.06, 0.02, 0}
	for i, d := range an.ZOPA.Deals {
		if got := dealOptions(d, "a", "b"); !slices.Equal(got, wantOrder[i]) {
			t.Errorf("deal %d = %v, want %v", i+1, got, wantOrder[i])
		}
		if !near(d.NashProduct, wantNash[i]) {
			t.Errorf("deal %d Nash product = %v, want %v", i+1, d.NashProduct, wantNash[i])
		}
	}
	// a2 b1 (.4, .5) is dominated by a0 b0 (.6, .5); the other two trade off.
	wantPareto := []bool{true, false, true}
	for i, d := range an.ZOPA.Deals {
		if d.Pareto != wantPareto[i] {
			t.Errorf("deal %d pareto = %v, want %v", i+1, d.Pareto, wantPareto[i])
		}
	}
	if an.Pareto.Count != 2 || an.Pareto.Distinct != 2 {
		t.Errorf("pareto = %+v, want 2 deals, 2 vectors", an.Pareto)
	}
	// Every solution picks a0 b0: Nash .06 > 0; utilitarian 1.1 > 1.05; egalitarian
	// min(.3, .2) = .2 > 0; Kalai–Smorodinsky with best_x = .6, best_y = .75 (spans .3 and
	// .45): min(.3/.3, .2/.45) = .444 > min(0, 1) = 0.
	wantValue := map[string]float64{"nash": 0.06, "utilitarian": 1.1, "egalitarian": 0.2, "kalai_smorodinsky": 0.2 / 0.45,
		// equal powers: (.3^.5)(.2^.5) = √.06
		"asymmetric_nash": math.Sqrt(0.06)}
	for _, ns := range an.Solutions.Named() {
		if ns.Solution == nil {
			t.Fatalf("%s is missing", ns.Key)
		}
		if got := dealOptions(ns.Solution.Deal, "a", "b"); !slices.Equal(got, []string{"a0", "b0"}) {
			t.Errorf("%s = %v, want a0 b0", ns.Key, got)
		}
		if !near(ns.Solution.Value, wantValue[string(ns.Key)]) {
			t.Errorf("%s value = %v, want %v", ns.Key, ns.Solution.Value, wantValue[string(ns.Key)])
		}
	}
	wantCounts := map[string]map[string]uint64{"a": {"a0": 1, "a1": 1, "a2": 1}, "b": {"b0": 2, "b1": 1}}
	for is, opts := range wantCounts {
		for o, n := range opts {
			if an.Issues[is][o] != n {
				t.Errorf("issues[%s][%s] = %d, want %d", is, o, an.Issues[is][o], n)
			}
		}
	}
	if an.Diagnosis != nil {
		t.Errorf("diagnosis on a non-empty ZOPA: %+v", an.Diagnosis)
	}
}

func TestPowerSeparatesAsymmetricNash(t *testing.T) {
	// One issue, three options; x values them 1, .7, .2 and y .2, .6, 1, reservations 0.
	// Nash products: .2, .42, .2, so Nash is o1. With powers 9:1 (p = .9, .1) the
	// asymmetric products are 1^.9·.2^.1 = .851, .7^.9·.6^.1 = .689, .2^.9·1^.1 = .235,
	// so asymmetric Nash is o0.
	sc := &Scenario{
		Name:   "power",
		Issues: []Issue{{ID: "o", Name: "O", Options: []Option{{ID: "o0"}, {ID: "o1"}, {ID: "o2"}}}},
		Actors: []Actor{
			{ID: "x", Name: "X", Veto: true, Power: 9, Preferences: []Preference{{Issue: "o", Weight: 1, Utilities: map[string]float64{"o0": 1, "o1": 0.7, "o2": 0.2}}}},
			{ID: "y", Name: "Y", Veto: true, Power: 1, Preferences: []Preference{{Issue: "o", Weight: 1, Utilities: map[string]float64{"o0": 0.2, "o1": 0.6, "o2": 1}}}},
		},
	}
	an := analyze(t, sc, 0)
	if got := an.Solutions.Nash.Options["o"]; got != "o1" {
		t.Errorf("Nash = %s, want o1", got)
	}
	if got := an.Solutions.AsymmetricNash.Options["o"]; got != "o0" {
		t.Errorf("asymmetric Nash = %s, want o0", got)
	}
	if want := math.Pow(0.2, 0.1); !near(an.Solutions.AsymmetricNash.Value, want) {
		t.Errorf("asymmetric Nash value = %v, want .2^.1 = %v", an.Solutions.AsymmetricNash.Value, want)
	}
}

func TestNonVetoActorIsScoredNotObeyed(t *testing.T) {
	sc := twoByTwo()
	// z cares only about a (0, .5, 1) and wants .5: it would reject the Nash deal a0 b0,
	// where it gets 0, but it holds no veto, so the ZOPA stays the three deals above.
	sc.Actors = append(sc.Actors, Actor{ID: "z", Name: "Z", Veto: false, Power: 1, Reservation: 0.5, Preferences: []Preference{
		{Issue: "a", Weight: 1, Utilities: map[string]float64{"a0": 0, "a1": 0.5, "a2": 1}},
	}})
	an := analyze(t, sc, 10)
	if an.ZOPA.Count != 3 {
		t.Fatalf("ZOPA count = %d, want 3 (a non-veto actor cannot block)", an.ZOPA.Count)
	}
	nash := an.Solutions.Nash
	if nash.Utilities["z"] != 0 || nash.Accepts["z"] || !near(nash.Surplus["z"], -0.5) {
		t.Errorf("z at Nash: utility %v, surplus %v, accepts %v; want 0, -.5, false", nash.Utilities["z"], nash.Surplus["z"], nash.Accepts["z"])
	}
	if nash.NashProduct != 0.3*0.2 && !near(nash.NashProduct, 0.06) {
		t.Errorf("Nash product %v counts the non-veto actor; want .06", nash.NashProduct)
	}
}

func TestConstraintRemovesDeals(t *testing.T) {
	sc := twoByTwo()
	// x now refuses a2 unless b is b0: that removes a2 b1, the only ZOPA deal with a2.
	sc.Actors[0].Constraints = []Constraint{{If: map[string][]string{"a": {"a2"}}, Then: map[string][]string{"b": {"b0"}}, Why: "test"}}
	an := analyze(t, sc, 10)
	if an.ZOPA.Count != 2 {
		t.Fatalf("ZOPA count = %d, want 2", an.ZOPA.Count)
	}
	if an.Issues["a"]["a2"] != 0 {
		t.Errorf("a2 still in %d ZOPA deals", an.Issues["a"]["a2"])
	}
}

// opposed has x wanting a0 b0 and y wanting a1 b1, each issue weighted equally:
//
//	deal    u_x  u_y
//	a0 b0   1    0
//	a0 b1   .5   .5
//	a1 b0   .5   .5
//	a1 b1   0    1
func opposed(rx, ry float64) *Scenario {
	pref := func(issue string, best string, other string) Preference {
		return Preference{Issue: issue, Weight: 50, Utilities: map[string]float64{best: 1, other: 0}}
	}
	return &Scenario{
		Name: "opposed",
		Issues: []Issue{
			{ID: "a", Name: "A", Options: []Option{{ID: "a0"}, {ID: "a1"}}},
			{ID: "b", Name: "B", Options: []Option{{ID: "b0"}, {ID: "b1"}}},
		},
		Actors: []Actor{
			{ID: "x", Name: "X", Veto: true, Power: 1, Reservation: rx, Preferences: []Preference{pref("a", "a0", "a1"), pref("b", "b0", "b1")}},
			{ID: "y", Name: "Y", Veto: true, Power: 1, Reservation: ry, Preferences: []Preference{pref("a", "a1", "a0"), pref("b", "b1", "b0")}},
		},
	}
}

func TestEmptyZOPADiagnosisByHand(t *testing.T) {
	an := analyze(t, opposed(0.8, 0.6), 10)
	if an.ZOPA.Count != 0 {
		t.Fatalf("ZOPA count = %d, want 0: only a0 b0 gives x .8, and it gives y 0", an.ZOPA.Count)
	}
	for _, ns := range an.Solutions.Named() {
		if ns.Solution != nil {
			t.Errorf("%s exists on an empty ZOPA", ns.Key)
		}
	}
	dg := an.Diagnosis
	if dg == nil || dg.RedLinesClash {
		t.Fatalf("diagnosis = %+v, want one without a red-line clash", dg)
	}
	// Largest shortfalls: a0 b0 max(0, .6) = .6; a0 b1 and a1 b0 max(.3, .1) = .3;
	// a1 b1 max(.8, 0) = .8. The closest is a0 b1, first of the two ties.
	if got := dealOptions(dg.Closest.Deal, "a", "b"); !slices.Equal(got, []string{"a0", "b1"}) {
		t.Errorf("closest = %v, want a0 b1", got)
	}
	if !near(dg.Closest.LargestShortfall, 0.3) || !near(dg.Closest.Shortfall["x"], 0.3) || !near(dg.Closest.Shortfall["y"], 0.1) {
		t.Errorf("shortfalls = %v (largest %v), want x .3, y .1", dg.Closest.Shortfall, dg.Closest.LargestShortfall)
	}
	// x alone: y accepts only a1 b1 (u_y = 1 ≥ .6), worth 0 to x: x must fall by .8.
	// y alone: x accepts only a0 b0, worth 0 to y: y must fall by .6.
	want := map[string][2]float64{"x": {0, 0.8}, "y": {0, 0.6}}
	for _, g := range dg.Reservations {
		w := want[g.Actor]
		if g.Reachable == nil || !near(*g.Reachable, w[0]) || !near(*g.MustFallBy, w[1]) {
			t.Errorf("%s: reachable %v, must fall by %v; want %v", g.Actor, g.Reachable, g.MustFallBy, w)
		}
	}
	if len(dg.Openers) != 0 {
		t.Errorf("openers = %+v, want none: there are no red lines", dg.Openers)
	}
}

func TestRedLinesClashAndTheirOpeners(t *testing.T) {
	sc := opposed(0.4, 0.4)
	// x accepts only a0 and y only a1: no deal keeps both red lines. Dropping x's lets in
	// a1 b0 (.5, .5); dropping y's lets in a0 b1 (.5, .5): one deal each.
	sc.Actors[0].Preferences[0].Acceptable = []string{"a0"}
	sc.Actors[1].Preferences[0].Acceptable = []string{"a1"}
	an := analyze(t, sc, 10)
	dg := an.Diagnosis
	if an.ZOPA.Count != 0 || dg == nil || !dg.RedLinesClash || dg.Closest != nil {
		t.Fatalf("want an empty ZOPA with clashing red lines, got count %d, diagnosis %+v", an.ZOPA.Count, dg)
	}
	for _, g := range dg.Reservations {
		if g.Reachable != nil {
			t.Errorf("%s: reachable %v, want none: the red lines clash whatever the reservations", g.Actor, *g.Reachable)
		}
	}
	if len(dg.Openers) != 2 {
		t.Fatalf("openers = %+v, want x's and y's red lines on a", dg.Openers)
	}
	for i, actor := range []string{"x", "y"} {
		o := dg.Openers[i]
		if o.Kind != "red_line" || o.Actor != actor || o.Issue != "a" || o.Deals != 1 {
			t.Errorf("opener %d = %+v, want %s's red line on a letting in 1 deal", i, o, actor)
		}
	}
}

func TestConstraintAsOpener(t *testing.T) {
	sc := opposed(0.4, 0.4)
	// Without constraints the ZOPA is a0 b1 and a1 b0 (.5 each). x forbids a1 with b0 and
	// y forbids a0 with b1, so both go; dropping either constraint lets its deal back in.
	sc.Actors[0].Constraints = []Constraint{{If: map[string][]string{"a": {"a1"}}, Then: map[string][]string{"b": {"b1"}}, Why: "x's rule"}}
	sc.Actors[1].Constraints = []Constraint{{If: map[string][]string{"a": {"a0"}}, Then: map[string][]string{"b": {"b0"}}, Why: "y's rule"}}
	an := analyze(t, sc, 10)
	if an.ZOPA.Count != 0 {
		t.Fatalf("ZOPA count = %d, want 0", an.ZOPA.Count)
	}
	got := an.Diagnosis.Openers
	if len(got) != 2 || got[0].Kind != "constraint" || got[0].Why != "x's rule" || got[0].Deals != 1 || got[1].Why != "y's rule" || got[1].Deals != 1 {
		t.Errorf("openers = %+v, want both constraints, one deal each", got)
	}
}

func TestTiesGoToLowestPositions(t *testing.T) {
	// Reservations 0: a0 b1 and a1 b0 both give (.5, .5) and tie on every criterion;
	// a0 b0 (1, 0) and a1 b1 (0, 1) have Nash product 0. The tie goes to a0 b1: issue a,
	// compared first, has a0 before a1.
	an := analyze(t, opposed(0, 0), 10)
	for _, ns := range an.Solutions.Named() {
		if ns.Key == "utilitarian" {
			// All four deals sum to 1; the lowest positions overall is a0 b0.
			if got := dealOptions(ns.Solution.Deal, "a", "b"); !slices.Equal(got, []string{"a0", "b0"}) {
				t.Errorf("utilitarian = %v, want a0 b0", got)
			}
			continue
		}
		if got := dealOptions(ns.Solution.Deal, "a", "b"); !slices.Equal(got, []string{"a0", "b1"}) {
			t.Errorf("%s = %v, want a0 b1", ns.Key, got)
		}
	}
	if an.Pareto.Count != 4 || an.Pareto.Distinct != 3 {
		t.Errorf("pareto = %+v, want 4 deals with 3 distinct vectors", an.Pareto)
	}
}

func TestIdealPointShapes(t *testing.T) {
	// Five options, ideal at position 1: the farthest option (4) is 3 away.
	// linear: 1 − d/3 → 2/3, 1, 2/3, 1/3, 0; quadratic: 1 − (d/3)² → 8/9, 1, 8/9, 5/9, 0.
	is := &Issue{ID: "s", Options: []Option{{ID: "o0"}, {ID: "o1"}, {ID: "o2"}, {ID: "o3"}, {ID: "o4"}}}
	lin := []float64{2.0 / 3, 1, 2.0 / 3, 1.0 / 3, 0}
	quad := []float64{8.0 / 9, 1, 8.0 / 9, 5.0 / 9, 0}
	for o := range is.Options {
		if got := optionValue(&Preference{Ideal: "o1"}, is, o); !near(got, lin[o]) {
			t.Errorf("linear o%d = %v, want %v", o, got, lin[o])
		}
		if got := optionValue(&Preference{Ideal: "o1", Shape: ShapeQuadratic}, is, o); !near(got, quad[o]) {
			t.Errorf("quadratic o%d = %v, want %v", o, got, quad[o])
		}
	}
}

func TestCountsBeyondEnumeration(t *testing.T) {
	// Ten issues of ten options: 10^10 deals, more than any walk could visit here. x values
	// o0 at 1 and the rest at 0 on every issue, equally weighted, and needs 0.9: at least
	// nine issues on o0. That is the one deal with all ten, plus 10 × 9 with exactly one
	// issue elsewhere: 91. y wants nothing (reservation 0).
	sc := &Scenario{Name: "wide"}
	x := Actor{ID: "x", Name: "X", Veto: true, Power: 1, Reservation: 0.9}
	y := Actor{ID: "y", Name: "Y", Veto: true, Power: 1}
	sc.Issues = gridIssues(10, 10)
	for _, is := range sc.Issues {
		u := map[string]float64{}
		for _, o := range is.Options {
			u[o.ID] = 0
		}
		u["o0"] = 1
		x.Preferences = append(x.Preferences, Preference{Issue: is.ID, Weight: 1, Utilities: u})
	}
	y.Preferences = []Preference{{Issue: "i0", Weight: 1, Ideal: "o0"}}
	sc.Actors = []Actor{x, y}
	an := analyze(t, sc, 3)
	if an.Space.Deals != 10_000_000_000 || an.ZOPA.Count != 91 {
		t.Errorf("space %d, ZOPA %d; want 10^10 and 91", an.Space.Deals, an.ZOPA.Count)
	}
	if an.Issues["i3"]["o0"] != 91-9 || an.Issues["i3"]["o7"] != 1 {
		t.Errorf("i3: o0 in %d deals, o7 in %d; want 82 (all but the 9 that move i3) and 1", an.Issues["i3"]["o0"], an.Issues["i3"]["o7"])
	}
}

func TestUncountableSpaceIsRefused(t *testing.T) {
	// Twenty issues of ten options: 10^20 deals, beyond 64 bits.
	sc := &Scenario{Name: "huge"}
	a := Actor{ID: "a", Name: "A", Veto: true, Power: 1}
	sc.Issues = gridIssues(20, 10)
	for _, is := range sc.Issues {
		a.Preferences = append(a.Preferences, Preference{Issue: is.ID, Weight: 1, Ideal: "o0"})
	}
	sc.Actors = []Actor{a}
	sp := compiled(t, sc)
	_, err := Analyze(context.Background(), sp, Options{})
	if tooLarge, ok := err.(*SpaceTooLargeError); !ok || !tooLarge.Overflow {
		t.Fatalf("err = %v, want a SpaceTooLargeError for a space beyond 64 bits", err)
	}
}

func TestCancelledAnalysisStops(t *testing.T) {
	sp := compiled(t, twoByTwo())
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Analyze(ctx, sp, Options{}); err == nil {
		t.Fatal("a cancelled analysis returned no error")
	}
}

func TestRedLineBetweenZOPADealAndItsDominator(t *testing.T) {
	// Issue a: both actors value a1 above a0 (x: 0 → 1, y: 0 → 1), so a1 b dominates a0 b for
	// any b; but y's red line forbids a1. Within the ZOPA nothing dominates a0 b0 and a0 b1,
	// which trade off on b (x: b0 1, b1 0; y: b0 0, b1 1), so both are Pareto-optimal even
	// though deals outside the ZOPA dominate them.
	// Reservations 0: only the red line decides. Inside the ZOPA a0 b0 gives (.5, 0) and
	// a0 b1 gives (0, .5); outside, a1 b0 (1, .5) and a1 b1 (.5, 1) dominate them.
	sc := opposed(0, 0)
	for i := range sc.Actors {
		sc.Actors[i].Preferences[0].Utilities = map[string]float64{"a0": 0, "a1": 1}
	}
	sc.Actors[1].Preferences[0].Acceptable = []string{"a0"}
	an := analyze(t, sc, 10)
	if an.ZOPA.Count != 2 || an.Pareto.Count != 2 {
		t.Fatalf("ZOPA %d, Pareto %d; want 2 and 2: a0 b0 and a0 b1, each undominated inside the ZOPA", an.ZOPA.Count, an.Pareto.Count)
	}
	for _, d := range an.ZOPA.Deals {
		if !d.Pareto {
			t.Errorf("%v is not marked Pareto-optimal, though only deals y rejects dominate it", d.Options)
		}
	}
	// The same with a constraint instead of a red line: y refuses a1 whenever b is b0 or
	// b1, that is always; the fused issues must give the same answer.
	sc.Actors[1].Preferences[0].Acceptable = nil
	sc.Actors[1].Constraints = []Constraint{{If: map[string][]string{"b": {"b0", "b1"}}, Then: map[string][]string{"a": {"a0"}}, Why: "never a1"}}
	an = analyze(t, sc, 10)
	if an.ZOPA.Count != 2 || an.Pareto.Count != 2 {
		t.Fatalf("with a constraint: ZOPA %d, Pareto %d; want 2 and 2", an.ZOPA.Count, an.Pareto.Count)
	}
}
