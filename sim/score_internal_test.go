package sim

import (
	"context"
	"errors"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

func TestParseDeal(t *testing.T) {
	sc := twoByTwo()
	tests := []struct {
		name, in string
		want     []int
		errHas   string
	}{
		{"file order", "a=a1,b=b0", []int{1, 0}, ""},
		{"any order, spaces", " b = b1 , a=a2 ", []int{2, 1}, ""},
		{"empty", "  ", nil, "the deal is empty"},
		{"missing issue", "a=a0", nil, `no option for "b"`},
		{"twice", "a=a0,a=a1,b=b0", nil, `issue "a" is given twice`},
		{"unknown issue", "aa=a0,b=b0", nil, `no issue "aa"; did you mean "a"?`},
		{"unknown option", "a=a9,b=b0", nil, `issue "a" has no option "a9"`},
		{"typo in option", "a=a1,b=bb0", nil, `did you mean "b0"?`},
		{"no equals sign", "a=a1,b", nil, `"b": write each part of a deal as issue=option`},
		{"trailing comma", "a=a1,b=b0,", nil, "write each part"},
		// Pairs separated as a sentence separates words: the commas they want, in place.
		{"spaces between pairs", "a=a1 b=b0", nil, `"a=a1 b=b0": separate the issue=option pairs with commas, as in a=a1,b=b0`},
		{"semicolons between pairs", "a=a1; b=b0", nil, `"a=a1; b=b0": separate the issue=option pairs with commas, as in a=a1,b=b0`},
		// A pasted page is quoted by its first 60 characters and its length, not whole.
		{"long option", "a=" + strings.Repeat("x", 100000) + ",b=b0", nil, `issue "a" has no option "` + strings.Repeat("x", 60) + `… (100000 characters)"`},
		{"long issue", strings.Repeat("é", 70) + "=a0,b=b0", nil, `no issue "` + strings.Repeat("é", 60) + `… (70 characters)"`},
		{"long part", strings.Repeat("y", 61), nil, `"` + strings.Repeat("y", 60) + `… (61 characters)": write each part`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseDeal(tt.in, sc)
			if tt.errHas != "" {
				if err == nil || !strings.Contains(err.Error(), tt.errHas) {
					t.Fatalf("ParseDeal(%q) = %v, %v; want an error containing %q", tt.in, got, err, tt.errHas)
				}
				return
			}
			if err != nil || !slices.Equal(got, tt.want) {
				t.Fatalf("ParseDeal(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
			}
		})
	}
	if _, err := ParseDeal("", sc); !errors.Is(err, ErrNoDeal) {
		t.Errorf("an empty deal: %v, want ErrNoDeal", err)
	}
	// An issue written by its name, as a brief and the page show it, is pointed to its id;
	// a name that is the id in capitals gets the plain did-you-mean.
	sc.Issues[1].Name = "Issue B"
	for in, want := range map[string]string{
		"issue b=b0,a=a0": `no issue "issue b"; did you mean "b"? ("Issue B" is its name; a deal names each issue by its id) valid: "a" or "b"`,
		"A=a0,b=b0":       `no issue "A"; did you mean "a"? valid: "a" or "b"`,
	} {
		if _, err := ParseDeal(in, sc); err == nil || err.Error() != want {
			t.Errorf("ParseDeal(%q): %v; want %q", in, err, want)
		}
	}
}

// The two-by-two case of zopa_test.go, reservations 0.3 each:
//
//	deal   u_x  u_y   ZOPA  dominated by
//	a0 b0  .6   .5    yes   none: only a0 b1 has u_x ≥ .6, and its u_y is 0
//	a0 b1  1    0     no    none: best for x
//	a1 b0  .3   .75   yes   none: only a2 b0 has u_y ≥ .75, and its u_x is 0
//	a1 b1  .7   .25   no    none: only a0 b1 has u_x ≥ .7, and its u_y is 0 < .25
//	a2 b0  0    1     no    none: best for y
//	a2 b1  .4   .5    yes   a0 b0: gains x +.2, y 0, so the smallest gain is 0
//
// Nash over the ZOPA: a0 b0 .3 × .2 = .06, a1 b0 0 × .45 = 0, a2 b1 .1 × .2 = .02: a0 b0.
func TestScoreTwoByTwoByHand(t *testing.T) {
	sp := compiled(t, twoByTwo())
	ctx := context.Background()
	s, err := NewScorer(ctx, sp, Options{})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		choice            []int
		inZOPA, pareto    bool
		joint             float64
		dominatedBy       []int
		minGain           float64
		nashIssues        int
		nashDistance      float64
		rejectsY          bool
		shortfallY        float64
		utilityX, surplus float64
	}{
		// joint gain = (u_x − .3) + (u_y − .3)
		{[]int{0, 0}, true, true, .3 + .2, nil, 0, 0, 0, false, 0, .6, .3},
		{[]int{1, 0}, true, true, 0 + .45, nil, 0, 1, math.Hypot(.3-.6, .75-.5), false, 0, .3, 0},
		// u_y = .25 is .05 below y's reservation: y would not sign, so the deal counts as
		// no agreement (joint gain 0, signed it would be .4 − .05) and, outside the ZOPA,
		// is not Pareto-optimal. No ZOPA deal gives x at least .7 (the ZOPA's best for x is
		// a0 b0's .6), so none dominates it.
		{[]int{1, 1}, false, false, 0, nil, 0, 2, math.Hypot(.7-.6, .25-.5), true, .05, .7, .4},
		{[]int{2, 1}, true, false, .1 + .2, []int{0, 0}, 0, 2, .2, false, 0, .4, .1},
	}
	for _, tt := range tests {
		sc, err := s.Score(ctx, tt.choice)
		if err != nil {
			t.Fatal(err)
		}
		x, y := sc.Actors[0], sc.Actors[1]
		if sc.InZOPA != tt.inZOPA || sc.Pareto != tt.pareto || math.Abs(sc.JointGain-tt.joint) > 1e-9 {
			t.Errorf("%v: in ZOPA %v, Pareto %v, joint gain %g; want %v, %v, %g", tt.choice, sc.InZOPA, sc.Pareto, sc.JointGain, tt.inZOPA, tt.pareto, tt.joint)
		}
		if math.Abs(x.Utility-tt.utilityX) > 1e-9 || math.Abs(x.Surplus-tt.surplus) > 1e-9 || math.Abs(x.Points-100*tt.utilityX) > 1e-9 {
			t.Errorf("%v: x utility %g surplus %g points %g; want %g, %g, %g", tt.choice, x.Utility, x.Surplus, x.Points, tt.utilityX, tt.surplus, 100*tt.utilityX)
		}
		if sc.CountsAsNoAgreement == tt.inZOPA || (tt.inZOPA && sc.JointGainIfSigned != sc.JointGain) {
			t.Errorf("%v: counts as no agreement %v, joint gain if signed %g", tt.choice, sc.CountsAsNoAgreement, sc.JointGainIfSigned)
		}
		if !tt.inZOPA && math.Abs(sc.JointGainIfSigned-(.4-.05)) > 1e-9 {
			t.Errorf("%v: joint gain if signed %g; want .4 − .05 = .35", tt.choice, sc.JointGainIfSigned)
		}
		if tt.rejectsY != !y.Accepts {
			t.Errorf("%v: y accepts %v", tt.choice, y.Accepts)
		}
		if tt.rejectsY && (len(y.Rejections) != 1 || y.Rejections[0].Kind != RejectReservation || math.Abs(y.Rejections[0].Shortfall-tt.shortfallY) > 1e-9) {
			t.Errorf("%v: y's rejections %+v; want a shortfall of %g", tt.choice, y.Rejections, tt.shortfallY)
		}
		if (sc.DominatedBy == nil) != (tt.dominatedBy == nil) {
			t.Fatalf("%v: dominated by %+v; want %v", tt.choice, sc.DominatedBy, tt.dominatedBy)
		}
		if d := sc.DominatedBy; d != nil {
			if !slices.Equal(d.Choice, tt.dominatedBy) || math.Abs(d.MinGain-tt.minGain) > 1e-9 ||
				math.Abs(d.Gains["x"]-.2) > 1e-9 || math.Abs(d.Gains["y"]) > 1e-9 {
				t.Errorf("%v: dominated by %+v; want %v with gains x .2, y 0", tt.choice, d, tt.dominatedBy)
			}
		}
		if sc.Nash == nil || sc.Nash.IssuesDiffering != tt.nashIssues || math.Abs(sc.Nash.UtilityDistance-tt.nashDistance) > 1e-9 {
			t.Errorf("%v: Nash gap %+v; want %d issues, distance %g", tt.choice, sc.Nash, tt.nashIssues, tt.nashDistance)
		}
	}
}

func TestRejectionsNameRedLinesAndConstraints(t *testing.T) {
	sc := twoByTwo()
	// y will not have a2, with a note; and if a is a0, then b must be b1, with a why.
	sc.Actors[1].Preferences[0].Acceptable = []string{"a0", "a1"}
	sc.Actors[1].Preferences[0].Note = "a2 is humiliating"
	sc.Actors[1].Constraints = []Constraint{{If: map[string][]string{"a": {"a0"}}, Then: map[string][]string{"b": {"b1"}}, Why: "a0 only with b1"}}
	sp := compiled(t, sc)
	got := sp.rejections(1, []int{2, 1}, 0.3) // a2 b1: u_y .5, above .3; red line crossed
	if len(got) != 1 || got[0] != (Rejection{Kind: RejectRedLine, Issue: "a", Option: "a2", Why: "a2 is humiliating"}) {
		t.Errorf("a2 b1: %+v", got)
	}
	got = sp.rejections(1, []int{0, 0}, 0.6) // a0 b0: constraint broken, u_y .5 is .1 below .6
	if len(got) != 2 || got[0].Kind != RejectConstraint || got[0].Why != "a0 only with b1" ||
		got[1].Kind != RejectReservation || math.Abs(got[1].Shortfall-.1) > 1e-9 {
		t.Errorf("a0 b0: %+v", got)
	}
}

// bruteDominating is the definition, deal by deal: among the deals within every veto
// actor's red lines, at least as good for every veto actor and better for one, the largest
// smallest gain, then the largest sum of gains.
func bruteDominating(sp *Space, choice []int) (found bool, minGain, sumGain float64) {
	minGain, sumGain = math.Inf(-1), math.Inf(-1)
	for i := uint64(0); i < sp.deals; i++ {
		other := sp.choiceAt(i)
		ok, lo, hi, sum := true, math.Inf(1), math.Inf(-1), 0.0
		for _, a := range sp.veto {
			g := sp.Utility(a, other) - sp.Utility(a, choice)
			if !sp.MeetsRedLines(a, other) || g < -Tolerance {
				ok = false
				break
			}
			lo, hi, sum = min(lo, g), max(hi, g), sum+g
		}
		if !ok || hi <= Tolerance {
			continue
		}
		if !found || lo > minGain+1e-12 || (lo >= minGain-1e-12 && sum > sumGain) {
			found, minGain, sumGain = true, lo, sum
		}
	}
	return found, minGain, sumGain
}

func TestDominatingAgreesWithBruteForce(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 2026))
	checked, dominated := 0, 0
	eachDrawn(t, rng, 150, func(n int, _ *Scenario, sp *Space) {
		for i := uint64(0); i < sp.deals; i++ {
			choice := sp.choiceAt(i)
			d, err := sp.dominating(context.Background(), choice, sp.noReservations())
			if err != nil {
				t.Fatal(err)
			}
			found, minGain, sumGain := bruteDominating(sp, choice)
			checked++
			if found != (d != nil) {
				t.Fatalf("scenario %d, deal %v: dominating %+v, brute force found %v", n, choice, d, found)
			}
			if d == nil {
				continue
			}
			dominated++
			sum := 0.0
			for _, a := range sp.veto {
				sum += sp.Utility(a, d.Choice) - sp.Utility(a, choice)
			}
			if math.Abs(max(0, minGain)-d.MinGain) > 1e-9 || math.Abs(sum-sumGain) > 1e-9 {
				t.Fatalf("scenario %d, deal %v: min gain %g, sum %g; brute force %g, %g", n, choice, d.MinGain, sum, minGain, sumGain)
			}
			// Every actor but the veto actors is told what the better deal does to it.
			if len(d.Others) != len(sp.sc.Actors)-len(sp.veto) {
				t.Fatalf("scenario %d, deal %v: others %v for %d actors without a veto", n, choice, d.Others, len(sp.sc.Actors)-len(sp.veto))
			}
			for a := range sp.sc.Actors {
				if g, ok := d.Others[sp.sc.Actors[a].ID]; ok && math.Abs(g-(sp.Utility(a, d.Choice)-sp.Utility(a, choice))) > 1e-9 {
					t.Fatalf("scenario %d, deal %v: %s's change %g, want %g", n, choice, sp.sc.Actors[a].ID, g, sp.Utility(a, d.Choice)-sp.Utility(a, choice))
				}
			}
		}
	})
	if checked < 500 || dominated < 100 {
		t.Fatalf("only %d deals checked, %d dominated: the random scenarios no longer exercise the search", checked, dominated)
	}
}

// The frontier for two actors keeps the deals no other ZOPA deal beats on both axes. In
// the two-by-two ZOPA {a0 b0 (.6, .5), a1 b0 (.3, .75), a2 b1 (.4, .5)}, a2 b1 is beaten by
// a0 b0, leaving (.3, .75) and (.6, .5), in rising x.
func TestDebriefFrontierTwoByTwo(t *testing.T) {
	sp := compiled(t, twoByTwo())
	s, err := NewScorer(context.Background(), sp, Options{})
	if err != nil {
		t.Fatal(err)
	}
	db, err := s.Debrief(context.Background(), nil, &[2]int{0, 1})
	if err != nil {
		t.Fatal(err)
	}
	if len(db.Frontier) != 2 || db.Frontier[0].X != .3 || db.Frontier[0].Y != .75 || db.Frontier[1].X != .6 || db.Frontier[1].Y != .5 {
		t.Errorf("frontier %+v", db.Frontier)
	}
	if db.Nash == nil || db.Nash.Options["a"] != "a0" || db.Nash.Options["b"] != "b0" {
		t.Errorf("Nash %+v; want a0 b0", db.Nash)
	}
}

// BenchmarkScoreWorstDeal scores, on a generated space of 8 issues of 5 options (390,625
// deals) and 4 actors, the deal worst for everyone: every deal is at least as good, so the
// search for the dominating deal prunes on nothing but its bound.
func BenchmarkScoreWorstDeal(b *testing.B) {
	sp := compiled(b, Generate(GenerateSpec{Issues: 8, Options: 5, Actors: 4, Reservation: 0.5, Seed: 7}))
	ctx := context.Background()
	s, err := NewScorer(ctx, sp, Options{})
	if err != nil {
		b.Fatal(err)
	}
	worst := make([]int, sp.issues)
	for k := range worst {
		lowest := math.Inf(1)
		for o := 0; o < sp.opts[k]; o++ {
			sum := 0.0
			for a := range sp.sc.Actors {
				sum += sp.value[a][sp.off[k]+o]
			}
			if sum < lowest {
				lowest, worst[k] = sum, o
			}
		}
	}
	for b.Loop() {
		if _, err := s.Score(ctx, worst); err != nil {
			b.Fatal(err)
		}
	}
}

// A careless student types the label a session shows beside an option ("Cut 60% from
// 2019") for its id ("deep"): the error named no option to use. It now says whose label
// that is, whatever the case typed.
func TestOptionLabelTypedForItsIDIsNamed(t *testing.T) {
	sc := &Scenario{Issues: []Issue{
		{ID: "target", Options: []Option{{ID: "deep", Label: "Cut 60% from 2019"}, {ID: "medium", Label: "Cut 40% from 2019"}}},
		{ID: "review", Options: []Option{{ID: "binding"}, {ID: "voluntary"}}},
	}}
	_, err := ParseDeal("target=cut 40% FROM 2019, review=binding", sc)
	want := `issue "target" has no option "cut 40% FROM 2019"; did you mean "medium"? ("Cut 40% from 2019" is its label; a deal names each option by its id) valid: "deep" or "medium"`
	if err == nil || err.Error() != want {
		t.Errorf("got %v\nwant %s", err, want)
	}
}
