package sim

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/negsim/negsim/internal/listtest"
)

// nearly compares hand-computed values written to six decimals.
func nearly(a, b float64) bool { return math.Abs(a-b) < 1e-6 }

func TestAspirationPresets(t *testing.T) {
	// r = 0.2, best = 1 and a deadline of 11 rounds, so τ = t/10 and
	// a(t) = 0.2 + 0.8·(1 − τ^(1/e)).
	cases := []struct {
		strategy Strategy
		t        int
		want     float64
	}{
		// Boulware, e = 0.2, 1/e = 5: τ = 0.5, 0.5^5 = 0.03125, 0.2 + 0.8·0.96875 = 0.975.
		{Strategy{Kind: StrategyBoulware}, 5, 0.975},
		// τ = 0.9, 0.9^5 = 0.59049, 0.2 + 0.8·0.40951 = 0.527608.
		{Strategy{Kind: StrategyBoulware}, 9, 0.527608},
		// Linear, e = 1: 0.2 + 0.8·(1 − 0.5) = 0.6; τ = 0.2: 0.2 + 0.8·0.8 = 0.84.
		{Strategy{Kind: StrategyLinear}, 5, 0.6},
		{Strategy{Kind: StrategyLinear}, 2, 0.84},
		// No strategy is linear.
		{Strategy{}, 5, 0.6},
		// Conceder, e = 2, 1/e = 0.5: √0.5 = 0.707107, 0.2 + 0.8·0.292893 = 0.434315.
		{Strategy{Kind: StrategyConceder}, 5, 0.434315},
		// √0.1 = 0.316228, 0.2 + 0.8·0.683772 = 0.747018.
		{Strategy{Kind: StrategyConceder}, 1, 0.747018},
		// Time-dependent e = 0.5, 1/e = 2: 0.5² = 0.25, 0.2 + 0.8·0.75 = 0.8.
		{Strategy{Kind: StrategyTimeDependent, Exponent: 0.5}, 5, 0.8},
		// An exponent without a kind is time-dependent: e = 4, 0.5^0.25 = 0.840896,
		// 0.2 + 0.8·0.159104 = 0.327283.
		{Strategy{Exponent: 4}, 5, 0.327283},
		// Every time-dependent strategy starts at its best and ends at its reservation.
		{Strategy{Kind: StrategyBoulware}, 0, 1},
		{Strategy{Kind: StrategyConceder}, 0, 1},
		{Strategy{Kind: StrategyBoulware}, 10, 0.2},
		{Strategy{Kind: StrategyConceder}, 10, 0.2},
	}
	for _, c := range cases {
		kind, e := StrategyExponent(c.strategy)
		if got := Aspiration(0.2, 1, c.t, 11, e); !nearly(got, c.want) {
			t.Errorf("%s (e=%g) at t=%d: aspiration %.6f, want %.6f", kind, e, c.t, got, c.want)
		}
	}
	if kind, e := StrategyExponent(Strategy{Kind: StrategyConceder}); kind != StrategyConceder || e != 2 {
		t.Errorf("conceder resolves to %s e=%g, want conceder e=2", kind, e)
	}
	// A one-round deadline is its own last round: the aspiration is the reservation.
	if got := Aspiration(0.3, 0.9, 0, 1, 1); !nearly(got, 0.3) {
		t.Errorf("one-round deadline: aspiration %g, want 0.3", got)
	}
	// A best below the reservation leaves nothing to concede.
	if got := Aspiration(0.6, 0.5, 2, 5, 1); !nearly(got, 0.6) {
		t.Errorf("best below reservation: aspiration %g, want 0.6", got)
	}
}

// market is one issue, a price p0 … p10, between a buyer who values p_k at 1 − k/10 and a
// seller who values it at k/10.
func market(buyer, seller Actor, rounds int) *Scenario {
	var opts []Option
	for k := 0; k <= 10; k++ {
		opts = append(opts, Option{ID: fmt.Sprintf("p%d", k)})
	}
	buyer.ID, buyer.Name, buyer.Veto, buyer.Power = "buyer", "Buyer", true, 1
	seller.ID, seller.Name, seller.Veto, seller.Power = "seller", "Seller", true, 1
	buyer.Preferences = []Preference{{Issue: "price", Weight: 1, Ideal: "p0"}}
	seller.Preferences = []Preference{{Issue: "price", Weight: 1, Ideal: "p10"}}
	return &Scenario{
		Name:     "market",
		Issues:   []Issue{{ID: "price", Name: "Price", Options: opts}},
		Actors:   []Actor{buyer, seller},
		Protocol: Protocol{Kind: ProtocolMediated, Rounds: rounds},
	}
}

func runRounds(t *testing.T, sc *Scenario, opts RoundsOptions) *Transcript {
	t.Helper()
	sp := compiled(t, sc)
	tr, err := Rounds(context.Background(), sp, opts)
	if err != nil {
		t.Fatal(err)
	}
	return tr
}

func zopaSizes(tr *Transcript) []uint64 {
	return listtest.Map(tr.Rounds, func(rd Round) uint64 { return rd.ZOPA })
}

func TestConcederMeetsBoulware(t *testing.T) {
	// Both reservations 0.2, both best 1, deadline 11 (τ = t/10), a neutral mediator with
	// the Nash rule. Buyer (Conceder, e = 2): a_B = 0.2 + 0.8·(1 − √τ). Seller (Boulware,
	// e = 0.2): a_S = 0.2 + 0.8·(1 − τ^5). A price p_k is accepted by both when
	// k/10 ≥ a_S and 1 − k/10 ≥ a_B.
	//   t = 8: a_B = 0.2 + 0.8·(1 − 0.894427) = 0.284458, a_S = 0.2 + 0.8·(1 − 0.32768)
	//          = 0.737856: k ≥ 7.38 and k ≤ 7.16, no price.
	//   t = 9: a_B = 0.2 + 0.8·(1 − 0.948683) = 0.241053, a_S = 0.2 + 0.8·(1 − 0.59049)
	//          = 0.527608: k ∈ {6, 7}. Nash products over r = 0.2: p6 (0.8 − 0.6)·(0.6 − 0.2)
	//          = 0.08, p7 0.1·0.5 = 0.05. Agreement at round 9 on p6: buyer 0.4, seller 0.6.
	// The ZOPA at r = 0.2 is p2 … p8, 7 deals, in every round.
	sc := market(Actor{Reservation: 0.2, Strategy: Strategy{Kind: StrategyConceder}},
		Actor{Reservation: 0.2, Strategy: Strategy{Kind: StrategyBoulware}}, 11)
	tr := runRounds(t, sc, RoundsOptions{})
	if !tr.Outcome.Agreement || tr.Outcome.Round != 9 {
		t.Fatalf("outcome %+v, want agreement at round 9", tr.Outcome)
	}
	if got := tr.Outcome.Deal.Options["price"]; got != "p6" {
		t.Errorf("agreed price %s, want p6", got)
	}
	if u := tr.Outcome.Deal.Utilities; !nearly(u["buyer"], 0.4) || !nearly(u["seller"], 0.6) {
		t.Errorf("utilities %v, want buyer 0.4, seller 0.6", u)
	}
	if len(tr.Rounds) != 10 {
		t.Errorf("%d rounds recorded, want 10 (rounds 0 … 9)", len(tr.Rounds))
	}
	for _, rd := range tr.Rounds[:9] {
		if rd.Agreement || rd.Proposal.Basis != BasisClosest {
			t.Errorf("round %d: agreement %v, basis %s; want no agreement and the closest deal", rd.Round, rd.Agreement, rd.Proposal.Basis)
		}
	}
	if a := tr.Rounds[9].Actors; !nearly(a[0].Aspiration, 0.241053) || !nearly(a[1].Aspiration, 0.527608) {
		t.Errorf("round 9 aspirations %g, %g; want 0.241053, 0.527608", a[0].Aspiration, a[1].Aspiration)
	}
	if !slices.Equal(zopaSizes(tr), []uint64{7, 7, 7, 7, 7, 7, 7, 7, 7, 7}) {
		t.Errorf("ZOPA sizes %v, want 7 every round", zopaSizes(tr))
	}
	// The Nash solution at r = 0.2 is p5: 0.3·0.3 = 0.09 beats p6's 0.2·0.4 = 0.08. Of the
	// five solutions it is the nearest in utilities, √(0.1² + 0.1²) = 0.141 away
	// (utilitarian ties every price at a sum of 1 and takes the lowest, p2, √0.32 away).
	if tr.Outcome.ClosestSolution != "nash" || len(tr.Outcome.Solutions) != 5 {
		t.Errorf("closest solution %q among %d, want nash among 5", tr.Outcome.ClosestSolution, len(tr.Outcome.Solutions))
	}
	for _, g := range tr.Outcome.Solutions {
		if g.Solution == "nash" && (g.Options["price"] != "p5" || g.IssuesDiffering != 1 || !nearly(g.UtilityDistance, math.Sqrt(0.02))) {
			t.Errorf("Nash solution %v differing on %d issues at distance %g, want p5, 1, 0.141421", g.Options, g.IssuesDiffering, g.UtilityDistance)
		}
	}
}

func TestDriftRipensTalks(t *testing.T) {
	// Buyer r = 0.5 accepts p0 … p5. Seller r(t) = 0.7 − 0.1·t accepts p_k with
	// k ≥ 10·r(t). ZOPA: t = 0, 1 none (k ≥ 7, 6); t = 2: p5 (1); t = 3: p4, p5 (2); …;
	// t = 7: r = 0 so p0 … p5 (6); t = 8, 9: r < 0 is clamped to 0, still 6.
	// Hardliners never lower their demands, so the talks ripen without agreement.
	sc := market(Actor{Reservation: 0.5, Strategy: Strategy{Kind: StrategyHardliner}},
		Actor{Reservation: 0.7, ReservationDrift: -0.1, Strategy: Strategy{Kind: StrategyHardliner}}, 10)
	tr := runRounds(t, sc, RoundsOptions{})
	want := []uint64{0, 0, 1, 2, 3, 4, 5, 6, 6, 6}
	if !slices.Equal(zopaSizes(tr), want) {
		t.Errorf("ZOPA sizes %v, want %v", zopaSizes(tr), want)
	}
	if tr.RipeAt == nil || *tr.RipeAt != 2 {
		t.Errorf("ripe at %v, want round 2", tr.RipeAt)
	}
	if tr.Rounds[1].Ripe || !tr.Rounds[2].Ripe {
		t.Errorf("ripe flags at rounds 1, 2: %v, %v; want false, true", tr.Rounds[1].Ripe, tr.Rounds[2].Ripe)
	}
	if r := tr.Rounds[9].Actors[1].Reservation; r != 0 {
		t.Errorf("seller's reservation at round 9 is %g; 0.7 − 0.9 clamps to 0", r)
	}
	if tr.Outcome.Agreement {
		t.Errorf("hardliners agreed: %+v", tr.Outcome)
	}
	if r := tr.Outcome.Reservations; !nearly(r["buyer"], 0.5) || r["seller"] != 0 {
		t.Errorf("breakdown reservations %v, want buyer 0.5, seller 0", r)
	}
}

func TestEventsCloseTalks(t *testing.T) {
	// Both r = 0.4: ZOPA p4 … p6 (3 deals). Round 2: the buyer rules out p6 (a red-line
	// change, so the space is recompiled): p4, p5 (2). Round 3: the seller's reservation
	// rises by 0.3 to 0.7: k ≥ 7 and k ≤ 5, none.
	sc := market(Actor{Reservation: 0.4, Strategy: Strategy{Kind: StrategyHardliner}},
		Actor{Reservation: 0.4, Strategy: Strategy{Kind: StrategyHardliner}}, 5)
	sc.Events = []Event{
		{Round: 3, Why: "the seller finds another buyer", Add: []Assignment{{Path: "actors.seller.reservation", Value: 0.3}}},
		{Round: 2, Why: "the buyer's board caps the price", Set: []Assignment{{Path: "actors.buyer.preferences.price.acceptable", Value: "p0,p1,p2,p3,p4,p5"}}},
		{Round: 7, Why: "too late", Add: []Assignment{{Path: "actors.buyer.reservation", Value: 0.1}}},
		{Round: 1, Why: "a shorter deadline is announced", Set: []Assignment{{Path: "protocol.rounds", Value: 2}}},
	}
	tr := runRounds(t, sc, RoundsOptions{})
	want := []uint64{3, 3, 2, 0, 0}
	if !slices.Equal(zopaSizes(tr), want) {
		t.Errorf("ZOPA sizes %v, want %v", zopaSizes(tr), want)
	}
	for i, n := range []int{0, 1, 1, 1, 0} {
		if len(tr.Rounds[i].Events) != n {
			t.Errorf("round %d fired %d events, want %d", i, len(tr.Rounds[i].Events), n)
		}
	}
	if ev := tr.Rounds[3].Events; len(ev) == 1 && ev[0].Why != "the seller finds another buyer" {
		t.Errorf("round 3 event %q", ev[0].Why)
	}
	if r := tr.Rounds[3].Actors[1].Reservation; !nearly(r, 0.7) {
		t.Errorf("seller's reservation after the event %g, want 0.7", r)
	}
	// The protocol is fixed when talks start: the deadline stays 5.
	if len(tr.Warnings) != 2 || len(tr.Rounds) != 5 {
		t.Errorf("%d rounds, warnings %v; want 5 rounds and warnings about the late event and the protocol change", len(tr.Rounds), tr.Warnings)
	}
	// The original scenario is untouched by the events.
	if sc.Actors[1].Reservation != 0.4 || sc.Actors[0].Preferences[0].Acceptable != nil {
		t.Errorf("events changed the caller's scenario")
	}
}

func TestTitForTatMirrorsConcessions(t *testing.T) {
	// The seller concedes linearly: a_S(t) = 0.2 + 0.8·(1 − t/4) with a deadline of 5, so
	// 0.2 per round. The buyer (tit-for-tat) asks for its best, 1, at t = 0; at t = 1 it has
	// seen no concession yet (round 0 is the first); from t = 2 it concedes what the seller
	// conceded the round before: 1, 1, 0.8, 0.6, 0.4.
	sc := market(Actor{Reservation: 0.3, Strategy: Strategy{Kind: StrategyTitForTat}},
		Actor{Reservation: 0.2, Strategy: Strategy{Kind: StrategyLinear}}, 5)
	sc.Actors[1].Preferences[0].Acceptable = []string{"p9", "p10"}
	tr := runRounds(t, sc, RoundsOptions{})
	want := []float64{1, 1, 0.8, 0.6, 0.4}
	for i, rd := range tr.Rounds {
		if !nearly(rd.Actors[0].Aspiration, want[i]) {
			t.Errorf("round %d: tit-for-tat aspiration %g, want %g", i, rd.Actors[0].Aspiration, want[i])
		}
	}
}

// randomRoundsScenario draws a small scenario: 2–3 issues of 2–4 options, 2–4 actors (the last
// possibly without veto), random values, weights, red lines, reservations and strategies.
func randomRoundsScenario(rng *rand.Rand, falling bool) *Scenario {
	sc := &Scenario{Name: "random"}
	for k := range 2 + rng.IntN(2) {
		is := Issue{ID: fmt.Sprintf("i%d", k), Name: fmt.Sprintf("Issue %d", k)}
		for o := range 2 + rng.IntN(3) {
			is.Options = append(is.Options, Option{ID: fmt.Sprintf("o%d", o)})
		}
		sc.Issues = append(sc.Issues, is)
	}
	n := 2 + rng.IntN(3)
	for a := range n {
		act := Actor{ID: fmt.Sprintf("a%d", a), Name: fmt.Sprintf("Actor %d", a), Veto: a < 2 || rng.IntN(2) == 0, Power: 1,
			Reservation: math.Round(rng.Float64()*70) / 100}
		if falling {
			act.ReservationDrift = -math.Round(rng.Float64()*5) / 100
		} else {
			act.ReservationDrift = math.Round((rng.Float64()-0.5)*10) / 100
		}
		switch kind := StrategyKinds[rng.IntN(len(StrategyKinds))]; kind {
		case StrategyTimeDependent:
			act.Strategy = Strategy{Kind: kind, Exponent: []float64{0.1, 0.5, 1, 3}[rng.IntN(4)]}
		default:
			act.Strategy = Strategy{Kind: kind}
		}
		for _, is := range sc.Issues {
			pr := Preference{Issue: is.ID, Weight: float64(1 + rng.IntN(5)), Utilities: map[string]float64{}}
			for _, o := range is.Options {
				pr.Utilities[o.ID] = math.Round(rng.Float64()*10) / 10
			}
			if rng.IntN(3) == 0 {
				pr.Acceptable = randomRedLine(rng, is, 4)
			}
			act.Preferences = append(act.Preferences, pr)
		}
		sc.Actors = append(sc.Actors, act)
	}
	sc.Protocol = Protocol{Kind: ProtocolKinds[rng.IntN(2)], Rounds: 2 + rng.IntN(7)}
	if rng.IntN(2) == 0 {
		sc.Protocol.Mediator = sc.Actors[rng.IntN(n)].ID
		sc.Protocol.Rule = Rules[rng.IntN(2)]
	}
	return sc
}

// allDeals lists the outcome space by brute force (eachDeal's odometer), an independent
// check on the search.
func allDeals(sc *Scenario) [][]int {
	var deals [][]int
	eachDeal(sc, func(choice []int) { deals = append(deals, slices.Clone(choice)) })
	return deals
}

// bestWithinRedLines is, for each actor, the most any of the deals within its red lines
// gives it, or −Inf when none is.
func bestWithinRedLines(sp *Space, deals [][]int) []float64 {
	best := make([]float64, sp.actors)
	for a := range best {
		best[a] = math.Inf(-1)
		for _, d := range deals {
			if sp.MeetsRedLines(a, d) {
				best[a] = max(best[a], sp.Utility(a, d))
			}
		}
	}
	return best
}

func TestRoundsInvariants(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	agreements := 0
	for i := range 150 {
		falling := i%2 == 0
		sc := randomRoundsScenario(rng, falling)
		sp, err := Compile(sc)
		if err != nil {
			t.Fatalf("scenario %d: %v", i, err)
		}
		tr, err := Rounds(context.Background(), sp, RoundsOptions{Workers: 1})
		if err != nil {
			t.Fatalf("scenario %d: %v", i, err)
		}
		deals := allDeals(sc)
		best := bestWithinRedLines(sp, deals)
		for _, rd := range tr.Rounds {
			res := make([]float64, len(sc.Actors))
			for a, ar := range rd.Actors {
				res[a] = ar.Reservation
				if ar.Aspiration < ar.Reservation-Tolerance {
					t.Errorf("scenario %d round %d: %s aspires to %g below its reservation %g", i, rd.Round, ar.Actor, ar.Aspiration, ar.Reservation)
				}
				if want := max(best[a], ar.Reservation); !nearly(ar.Best, want) {
					t.Errorf("scenario %d round %d: %s best %g, brute force %g", i, rd.Round, ar.Actor, ar.Best, want)
				}
				if ar.Accepts && (!sp.MeetsRedLines(a, rd.Proposal.Choice) || sp.Utility(a, rd.Proposal.Choice) < ar.Reservation-Tolerance) {
					t.Errorf("scenario %d round %d: %s accepts below its reservation or red lines", i, rd.Round, ar.Actor)
				}
			}
			var zopa uint64
			for _, d := range deals {
				in := true
				for _, a := range sp.veto {
					in = in && sp.Accepts(a, d, res[a])
				}
				if in {
					zopa++
				}
			}
			if rd.ZOPA != zopa {
				t.Errorf("scenario %d round %d: ZOPA %d, brute force %d", i, rd.Round, rd.ZOPA, zopa)
			}
			if rd.Agreement {
				agreements++
				for _, a := range sp.veto {
					if !sp.Accepts(a, rd.Proposal.Choice, res[a]) {
						t.Errorf("scenario %d: the agreement at round %d is outside %s's range", i, rd.Round, sc.Actors[a].ID)
					}
				}
				if rd.ZOPA == 0 {
					t.Errorf("scenario %d: agreement at round %d with an empty ZOPA", i, rd.Round)
				}
			}
		}
		if falling {
			for a := range sc.Actors {
				if k := tr.Actors[a].Strategy; k == StrategyTitForTat || k == StrategyHardliner {
					continue
				}
				for j := 1; j < len(tr.Rounds); j++ {
					if tr.Rounds[j].Actors[a].Aspiration > tr.Rounds[j-1].Actors[a].Aspiration+Tolerance {
						t.Errorf("scenario %d: %s's aspiration rose from %g to %g at round %d", i, sc.Actors[a].ID,
							tr.Rounds[j-1].Actors[a].Aspiration, tr.Rounds[j].Actors[a].Aspiration, j)
					}
				}
			}
		}
		again, err := Rounds(context.Background(), sp, RoundsOptions{Workers: 3})
		if err != nil {
			t.Fatal(err)
		}
		x, _ := json.Marshal(tr)
		y, _ := json.Marshal(again)
		if string(x) != string(y) {
			t.Errorf("scenario %d: transcripts differ between runs", i)
		}
	}
	if agreements == 0 {
		t.Errorf("no random scenario reached agreement; the invariants on agreements were never exercised")
	}
}

func TestHardlinersWithoutZOPAAtTheirBestNeverAgree(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 5))
	checked := 0
	for i := range 100 {
		sc := randomRoundsScenario(rng, false)
		for a := range sc.Actors {
			sc.Actors[a].Strategy = Strategy{Kind: StrategyHardliner}
		}
		sp := compiled(t, sc)
		// Is there a deal every veto actor rates at its own best within its red lines,
		// at every reservation the run will see? Reservations only matter when above the
		// best, so compare with the best alone and the largest reservation reached.
		deals := allDeals(sc)
		best := bestWithinRedLines(sp, deals)
		atBest := false
		for _, d := range deals {
			ok := true
			for _, a := range sp.veto {
				ok = ok && sp.MeetsRedLines(a, d) && sp.Utility(a, d) >= best[a]-Tolerance
			}
			atBest = atBest || ok
		}
		if atBest {
			continue
		}
		checked++
		tr, err := Rounds(context.Background(), sp, RoundsOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if tr.Outcome.Agreement {
			t.Errorf("scenario %d: hardliners with no deal at their best agreed at round %d", i, tr.Outcome.Round)
		}
	}
	if checked < 20 {
		t.Errorf("only %d scenarios without a deal at the hardliners' best; the test checks too little", checked)
	}
}

func TestMediatedProposalIsNashAmongAcceptable(t *testing.T) {
	// Where the mediator found deals every veto actor accepts, its proposal must have the
	// largest Nash product over r(t) among them, checked by brute force.
	rng := rand.New(rand.NewPCG(9, 1))
	checked := 0
	for range 150 {
		sc := randomRoundsScenario(rng, false)
		sc.Protocol = Protocol{Kind: ProtocolMediated, Rounds: sc.Protocol.Rounds}
		sp := compiled(t, sc)
		tr, err := Rounds(context.Background(), sp, RoundsOptions{})
		if err != nil {
			t.Fatal(err)
		}
		for _, rd := range tr.Rounds {
			if rd.Proposal == nil || rd.Proposal.Basis != BasisAcceptable {
				continue
			}
			checked++
			nash := func(d []int) float64 {
				p := 1.0
				for _, a := range sp.veto {
					p *= math.Max(0, sp.Utility(a, d)-rd.Actors[a].Reservation)
				}
				return p
			}
			top := math.Inf(-1)
			for _, d := range allDeals(sc) {
				ok := true
				for _, a := range sp.veto {
					ok = ok && sp.Accepts(a, d, rd.Actors[a].Aspiration)
				}
				if ok {
					top = max(top, nash(d))
				}
			}
			if got := nash(rd.Proposal.Choice); got < top-1e-9 {
				t.Errorf("round %d: proposal's Nash product %g, brute-force best %g", rd.Round, got, top)
			}
		}
	}
	if checked == 0 {
		t.Error("no mediated proposal among acceptable deals was checked")
	}
}

func TestRoundsRejectsMediatorRuleWithoutMediator(t *testing.T) {
	sc := market(Actor{Reservation: 0.2}, Actor{Reservation: 0.2}, 3)
	sc.Protocol.Rule = RuleMediator
	sp := compiled(t, sc)
	_, err := Rounds(context.Background(), sp, RoundsOptions{})
	if err == nil {
		t.Fatal("rule mediator without a mediator ran")
	}
}

func BenchmarkRounds(b *testing.B) {
	sc := randomRoundsScenario(rand.New(rand.NewPCG(1, 2)), false)
	sc.Protocol.Rounds = 20
	sp := compiled(b, sc)
	for b.Loop() {
		if _, err := Rounds(context.Background(), sp, RoundsOptions{Workers: 1}); err != nil {
			b.Fatal(err)
		}
	}
}

// generatedScenario has issues × options deals and the given number of veto actors with
// random values, no red lines and reservations in [0.3, 0.6], so the searches cannot prune
// on red lines and must work on utilities.
func generatedScenario(issues, options, actors int) *Scenario {
	rng := rand.New(rand.NewPCG(uint64(issues), uint64(options)))
	sc := &Scenario{Name: "generated", Issues: gridIssues(issues, options), Protocol: Protocol{Kind: ProtocolMediated, Rounds: 12}}
	for a := range actors {
		act := Actor{ID: fmt.Sprintf("a%d", a), Name: fmt.Sprintf("Actor %d", a), Veto: true, Power: 1,
			Reservation: 0.3 + 0.3*rng.Float64(), Strategy: Strategy{Kind: StrategyKinds[a%3]}}
		for _, is := range sc.Issues {
			pr := Preference{Issue: is.ID, Weight: 1 + rng.Float64(), Utilities: map[string]float64{}}
			for _, o := range is.Options {
				pr.Utilities[o.ID] = rng.Float64()
			}
			act.Preferences = append(act.Preferences, pr)
		}
		sc.Actors = append(sc.Actors, act)
	}
	return sc
}

func BenchmarkRoundsGenerated(b *testing.B) {
	for _, size := range []struct{ issues, options int }{{4, 5}, {6, 5}, {8, 5}} {
		b.Run(fmt.Sprintf("%dx%d", size.issues, size.options), func(b *testing.B) {
			sp := compiled(b, generatedScenario(size.issues, size.options, 3))
			for b.Loop() {
				if _, err := Rounds(context.Background(), sp, RoundsOptions{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func TestAlternatingOffers(t *testing.T) {
	// Both linear with r = 0.2 and a deadline of 5: a(t) = 0.2 + 0.8·(1 − t/4) = 1, 0.8,
	// 0.6, 0.4, 0.2. The buyer proposes at even rounds, the seller at odd ones, each the
	// deal it accepts that leaves the other the most:
	//   t = 0: buyer needs 1 − k/10 ≥ 1: p0; the seller gets 0.
	//   t = 1: seller needs k/10 ≥ 0.8: p8, p9, p10; best for the buyer p8 (0.2 < 0.8).
	//   t = 2: buyer needs k ≤ 4: p4; the seller gets 0.4 < 0.6.
	//   t = 3: seller needs k ≥ 4: p4; the buyer gets 0.6 ≥ 0.4: agreement on p4.
	sc := market(Actor{Reservation: 0.2}, Actor{Reservation: 0.2}, 5)
	sc.Protocol.Kind = ProtocolAlternating
	tr := runRounds(t, sc, RoundsOptions{})
	var got []string
	for _, rd := range tr.Rounds {
		got = append(got, rd.Proposal.By+":"+rd.Proposal.Options["price"])
	}
	want := []string{"buyer:p0", "seller:p8", "buyer:p4", "seller:p4"}
	if !slices.Equal(got, want) {
		t.Errorf("offers %v, want %v", got, want)
	}
	if !tr.Outcome.Agreement || tr.Outcome.Round != 3 || tr.Outcome.Deal.Options["price"] != "p4" {
		t.Errorf("outcome %+v, want agreement on p4 at round 3", tr.Outcome)
	}
	// Changed lists only moves: p4 offered twice in a row is no change.
	if c := tr.Rounds[3].Proposal.Changed; len(c) != 0 {
		t.Errorf("round 3 changed %v, want none", c)
	}
}

func TestMediatorRules(t *testing.T) {
	// Both linear with r = 0.2 and a deadline of 5: a(t) = 1, 0.8, 0.6, 0.4, 0.2. Both
	// accept p_k when k/10 ≥ a and 1 − k/10 ≥ a: nothing until t = 3, then p4, p5, p6.
	// By the Nash rule the mediator takes p5 (0.3·0.3 = 0.09 against 0.4·0.2 = 0.08); a
	// broker paid by the price, mediating by its own utility, takes p6.
	for _, c := range []struct {
		rule Rule
		want string
	}{{RuleNash, "p5"}, {RuleMediator, "p6"}} {
		sc := market(Actor{Reservation: 0.2}, Actor{Reservation: 0.2}, 5)
		sc.Actors = append(sc.Actors, Actor{ID: "broker", Name: "Broker", Power: 1,
			Preferences: []Preference{{Issue: "price", Weight: 1, Ideal: "p10"}}})
		sc.Protocol = Protocol{Kind: ProtocolMediated, Rounds: 5, Mediator: "broker", Rule: c.rule}
		tr := runRounds(t, sc, RoundsOptions{})
		if !tr.Outcome.Agreement || tr.Outcome.Round != 3 || tr.Outcome.Deal.Options["price"] != c.want {
			t.Errorf("rule %s: outcome %+v, want agreement on %s at round 3", c.rule, tr.Outcome, c.want)
		}
		if p := tr.Rounds[3].Proposal; p.By != "broker" || p.Basis != BasisAcceptable {
			t.Errorf("rule %s: proposal by %q on basis %s, want broker, acceptable", c.rule, p.By, p.Basis)
		}
	}
}

// Rounds under random decision rules, ratifications and beliefs: an agreement is always a
// deal of the zone at its round's reservations (never marked outside it) (aspirations never fall below them, and
// ratifiers vote by them), an actor with ratification never accepts a deal its ratifiers
// reject, and a proposal marked misjudged failed while the actors named rejected it.
func TestRoundsRespectWhoMustAgree(t *testing.T) {
	rng := rand.New(rand.NewPCG(16, 9))
	agreements, misjudged := 0, 0
	runs := eachDecidedRun(t, rng, 300, func(rng *rand.Rand) *Scenario {
		sc := randomDecided(rng)
		randomBeliefs(rng, sc)
		sc.Protocol = Protocol{Kind: ProtocolAlternating, Rounds: 1 + rng.IntN(6)}
		if rng.IntN(2) == 0 {
			sc.Protocol.Kind = ProtocolMediated
			sc.Protocol.Mediator = sc.Actors[rng.IntN(len(sc.Actors))].ID
		}
		return sc
	}, func(sc *Scenario, sp *Space, tr *Transcript, fail func(string, ...any)) {
		if tr.Outcome.OutsideZone {
			fail("the agents agreed on %v, outside the zone: only a person at a seat accepts below its reservation", tr.Outcome.Deal.Options)
		}
		res := sp.Reservations()
		for _, rd := range tr.Rounds {
			if rd.Proposal == nil {
				continue
			}
			accepts := map[string]bool{}
			for _, ar := range rd.Actors {
				accepts[ar.Actor] = ar.Accepts
				a := sc.ActorIndex(ar.Actor)
				if ar.Accepts && len(sc.Actors[a].Ratification.By) > 0 && !sp.RatifiedFor(a, rd.Proposal.Choice, res) {
					fail("round %d: %s accepts a deal its ratifiers reject", rd.Round, ar.Actor)
				}
			}
			if rd.Agreement {
				agreements++
				if !sp.Passes(rd.Proposal.Choice, res) {
					fail("round %d: agreement on %v, which is not in the zone", rd.Round, rd.Proposal.Choice)
				}
			}
			for _, id := range rd.Misjudged {
				misjudged++
				if rd.Agreement || accepts[id] {
					fail("round %d: %s marked misjudged, but agreement %v, accepts %v", rd.Round, id, rd.Agreement, accepts[id])
				}
			}
		}
	})
	t.Logf("%d runs, %d agreements, %d misjudgements", runs, agreements, misjudged)
	if runs < 150 || agreements < 30 {
		t.Fatalf("only %d runs, %d agreements", runs, agreements)
	}
}

// Under a decision rule, an alternating proposer whose own values admit some deal that would
// pass now offers one: the round ends in agreement, on a deal best by the proposer's
// criterion among those. The check walks every deal of the space, reading each round's
// reservations and aspirations off the transcript. With one party (a lone veto actor, as in
// Harborco) courting the other parties' surpluses says nothing, and a proposer that offered
// its own best every round broke down although deals passed.
func TestAlternatingProposerOffersADealThatPasses(t *testing.T) {
	rng := rand.New(rand.NewPCG(16, 10))
	passingRounds, loneParty := 0, 0
	eachDecidedRun(t, rng, 400, decidedUnder(ProtocolAlternating), func(sc *Scenario, sp *Space, tr *Transcript, fail func(string, ...any)) {
		parties := sp.Parties()
		for _, rd := range tr.Rounds {
			if rd.Proposal == nil || rd.Proposal.By == "" {
				continue
			}
			p := sc.ActorIndex(rd.Proposal.By)
			r, asp := roundValues(sc, rd)
			// courting is the proposer's criterion: the smallest surplus of the other
			// parties, or with no other party its own utility.
			courting := func(c []int) float64 {
				m := math.Inf(1)
				for _, a := range parties {
					if a != p {
						m = min(m, sp.Utility(a, c)-r[a])
					}
				}
				if math.IsInf(m, 1) {
					return sp.Utility(p, c)
				}
				return m
			}
			best, found := math.Inf(-1), false
			eachDeal(sc, func(c []int) {
				if sp.acceptsNow(p, c, asp, r) && sp.passesNow(c, asp, r) {
					found = true
					best = max(best, courting(c))
				}
			})
			if !found {
				continue
			}
			passingRounds++
			if len(parties) == 1 {
				loneParty++
			}
			if !rd.Agreement {
				fail("round %d: %s offered %v, which does not pass, though some deal it accepts would", rd.Round, rd.Proposal.By, rd.Proposal.Choice)
			}
			if got := courting(rd.Proposal.Choice); got < best-1e-9 {
				fail("round %d: %s offered %v scoring %g; a passing deal scores %g", rd.Round, rd.Proposal.By, rd.Proposal.Choice, got, best)
			}
		}
	})
	t.Logf("%d rounds where a deal passed, %d of them with one party", passingRounds, loneParty)
	if passingRounds < 50 || loneParty < 10 {
		t.Fatalf("only %d rounds where a deal passed, %d with one party", passingRounds, loneParty)
	}
}

// Under a decision rule, a mediator that finds no deal passing now puts forward the deal
// nearest to passing: the one that the smallest fall of every floor (aspirations at the
// table, reservations at home) would pass. The check measures each deal's distance apart
// from the engine: it tries the candidate falls (no fall, and each actor's own shortfall)
// in order and asks passesNow at the lowered floors; under a rule equally near deals rank
// by the parties' summed utilities. Counting only the veto actors' shortfalls, a lone veto
// actor's own best was put forward every round, far from passing.
func TestMediatorPutsForwardTheDealNearestToPassing(t *testing.T) {
	rng := rand.New(rand.NewPCG(16, 11))
	closestRounds, moved := 0, 0
	eachDecidedRun(t, rng, 400, decidedUnder(ProtocolMediated), func(sc *Scenario, sp *Space, tr *Transcript, fail func(string, ...any)) {
		for _, rd := range tr.Rounds {
			if rd.Proposal == nil || rd.Proposal.Basis != BasisClosest {
				continue
			}
			r, asp := roundValues(sc, rd)
			distance := func(c []int) float64 {
				falls := []float64{0}
				for a := range sc.Actors {
					falls = append(falls, asp[a]-sp.Utility(a, c), r[a]-sp.Utility(a, c))
				}
				slices.Sort(falls)
				for _, fall := range falls {
					if fall < 0 {
						continue
					}
					la, lr := make([]float64, len(asp)), make([]float64, len(r))
					for a := range asp {
						la[a], lr[a] = asp[a]-fall, r[a]-fall
					}
					if sp.passesNow(c, la, lr) {
						return fall
					}
				}
				return math.Inf(1)
			}
			partySum := func(c []int) float64 {
				sum := 0.0
				for _, a := range sp.Parties() {
					sum += sp.Utility(a, c)
				}
				return sum
			}
			best, bestSum, vetoBest := math.Inf(1), math.Inf(-1), []int(nil)
			vetoLeast := math.Inf(1)
			eachDeal(sc, func(c []int) {
				for _, a := range sp.veto {
					if !sp.MeetsRedLines(a, c) {
						return
					}
				}
				// Equally near deals rank by the parties' summed utilities.
				switch d := distance(c); {
				case d < best-1e-12:
					best, bestSum = d, partySum(c)
				case d <= best+1e-12:
					bestSum = max(bestSum, partySum(c))
				}
				// What the veto actors' shortfalls alone would choose, to count the rounds
				// where the votes change the text.
				l := 0.0
				for _, a := range sp.veto {
					l = max(l, asp[a]-sp.Utility(a, c))
				}
				if l < vetoLeast-1e-12 {
					vetoLeast, vetoBest = l, slices.Clone(c)
				}
			})
			closestRounds++
			got := distance(rd.Proposal.Choice)
			if got > best+1e-9 {
				fail("round %d: the mediator put forward %v, %g from passing; some deal is %g from it", rd.Round, rd.Proposal.Choice, got, best)
			}
			// Without a rule the closest text is the veto actors' as MODEL.md section 2
			// defines it, ties to the lowest positions.
			if sp.rule != nil && got >= best-1e-12 && got <= best+1e-12 && partySum(rd.Proposal.Choice) < bestSum-1e-9 {
				fail("round %d: the mediator put forward %v, the parties' sum %g; an equally near deal sums %g", rd.Round, rd.Proposal.Choice, partySum(rd.Proposal.Choice), bestSum)
			}
			if vetoBest != nil && distance(vetoBest) > best+1e-9 {
				moved++
			}
		}
	})
	t.Logf("%d rounds with a closest text, %d where the veto actors' nearest deal is not the nearest to passing", closestRounds, moved)
	if closestRounds < 50 || moved < 10 {
		t.Fatalf("only %d rounds with a closest text, %d where the votes mattered", closestRounds, moved)
	}
}

// decidedUnder draws a scenario under a random rule or ratification, talks by the given
// protocol over one to six rounds.
func decidedUnder(kind ProtocolKind) func(*rand.Rand) *Scenario {
	return func(rng *rand.Rand) *Scenario {
		sc := randomDecided(rng)
		sc.Protocol = Protocol{Kind: kind, Rounds: 1 + rng.IntN(6)}
		return sc
	}
}

// roundValues reads a round's reservations and aspirations, by actor, off its transcript.
func roundValues(sc *Scenario, rd Round) (r, asp []float64) {
	r, asp = make([]float64, len(sc.Actors)), make([]float64, len(sc.Actors))
	for _, ar := range rd.Actors {
		a := sc.ActorIndex(ar.Actor)
		r[a], asp[a] = ar.Reservation, ar.Aspiration
	}
	return r, asp
}

// eachDecidedRun runs the rounds of count drawn scenarios, passing over the invalid ones,
// and hands check each transcript with a fail that prints the scenario; it returns how many
// ran.
func eachDecidedRun(t *testing.T, rng *rand.Rand, count int, draw func(*rand.Rand) *Scenario, check func(sc *Scenario, sp *Space, tr *Transcript, fail func(string, ...any))) int {
	t.Helper()
	runs := 0
	for n := 0; n < count; n++ {
		sc := draw(rng)
		if len(sc.Validate().Errors()) > 0 {
			continue
		}
		sp := compiled(t, sc)
		tr, err := Rounds(context.Background(), sp, RoundsOptions{Workers: 1})
		if err != nil {
			t.Fatal(err)
		}
		runs++
		check(sc, sp, tr, drawFailure(t, n, sc))
	}
	return runs
}

// noTextMarket is the market of rounds_test.go with red lines: the buyer takes only p0 … p5,
// the seller only sellerTakes. Both reservations are 0.2, so by value alone the buyer
// accepts p_k with 1 − k/10 ≥ 0.2 (k ≤ 8) and the seller with k/10 ≥ 0.2 (k ≥ 2).
func noTextMarket(kind ProtocolKind, mediator string, sellerTakes ...string) *Scenario {
	sc := market(Actor{Reservation: 0.2, Strategy: Strategy{Kind: StrategyHardliner}},
		Actor{Reservation: 0.2, Strategy: Strategy{Kind: StrategyHardliner}}, 2)
	sc.Actors[0].Preferences[0].Acceptable = []string{"p0", "p1", "p2", "p3", "p4", "p5"}
	sc.Actors[1].Preferences[0].Acceptable = sellerTakes
	sc.Protocol = Protocol{Kind: kind, Mediator: mediator, Rounds: 2}
	return sc
}

// A mediator that believes the seller takes only p9 and p10 sees the buyer's p0 … p5 and
// that clash: it has no text. Truly the seller takes p3 … p10, so the red lines leave p3,
// p4 and p5, all three within both reservations (k ≤ 8, k ≥ 2): the zone holds 3 deals.
// The round must say the mediator sees a clash by its beliefs, not that the red lines clash.
func TestNoTextByBelief(t *testing.T) {
	truly := []string{"p3", "p4", "p5", "p6", "p7", "p8", "p9", "p10"}
	sc := noTextMarket(ProtocolMediated, "buyer", truly...)
	sc.Actors[0].Beliefs = Beliefs{Set: []Assignment{{Path: "actors.seller.preferences.price.acceptable", Value: []any{"p9", "p10"}}}}
	tr := runRounds(t, sc, RoundsOptions{})
	const want = "Buyer finds no text that it believes every party with a veto could accept (as it sees their red lines, every deal crosses one of them)"
	for _, rd := range tr.Rounds {
		if rd.Proposal != nil || rd.ZOPA != 3 {
			t.Fatalf("round %d: proposal %v, zone %d; want none, with 3 deals in the true zone", rd.Round, rd.Proposal, rd.ZOPA)
		}
		if rd.NoText != want {
			t.Errorf("round %d says %q\nwant %q", rd.Round, rd.NoText, want)
		}
	}
	// The belief is the whole cause: without it the buyer mediates a text in round 0.
	sc.Actors[0].Beliefs = Beliefs{}
	if rd := runRounds(t, sc, RoundsOptions{}).Rounds[0]; rd.Proposal == nil || rd.NoText != "" {
		t.Errorf("without the belief round 0 has proposal %v and says %q; want a text and nothing to explain", rd.Proposal, rd.NoText)
	}

	// Alternating, the believing buyer proposes in round 0 and has nothing it believes the
	// seller takes; the seller, who holds no beliefs, proposes in round 1 within the true
	// red lines (p3 … p5), so only round 0 carries a reason, and it is the buyer's.
	sc = noTextMarket(ProtocolAlternating, "", truly...)
	sc.Actors[0].Beliefs = Beliefs{Set: []Assignment{{Path: "actors.seller.preferences.price.acceptable", Value: []any{"p9", "p10"}}}}
	tr = runRounds(t, sc, RoundsOptions{})
	if got := tr.Rounds[0].NoText; tr.Rounds[0].Proposal != nil || got != "Buyer has no deal to propose that it believes every party with a veto could accept (as it sees their red lines, every deal crosses one of them)" {
		t.Errorf("round 0: proposal %v, says %q", tr.Rounds[0].Proposal, got)
	}
	if rd := tr.Rounds[1]; rd.Proposal == nil || rd.Proposal.By != "seller" || rd.NoText != "" {
		t.Errorf("round 1: proposal %+v, says %q; want the seller's text and no reason", rd.Proposal, rd.NoText)
	}
}

// When the red lines truly clash (the buyer takes p0 … p5, the seller p9 and p10) and nobody
// holds beliefs, every wording says plainly that every deal crosses someone's red line, and
// names who proposes: the mediator, or the party whose turn it is; under a decision rule
// where every voter holds a veto, the parties are every one at the table.
func TestNoTextRedLinesClash(t *testing.T) {
	const plain = "could accept (every deal crosses a red line of one of them)"
	neutralWithRule := noTextMarket(ProtocolMediated, "", "p9", "p10")
	neutralWithRule.Decision = Decision{VotesNeeded: 2}
	neutralWithRule.Actors[0].Votes, neutralWithRule.Actors[1].Votes = 1, 1
	// A third voter at the table, without a veto and with no red line: two of the three
	// votes pass a deal, but the mediator still finds none within the buyer's and the
	// seller's red lines, and the voter's (it has none) are not the reason.
	withVoter := noTextMarket(ProtocolMediated, "", "p9", "p10")
	withVoter.Decision = Decision{VotesNeeded: 2}
	voter := Actor{ID: "broker", Name: "Broker", Votes: 1, Power: 1, Reservation: 0, Preferences: []Preference{{Issue: "price", Weight: 1, Ideal: "p5"}}}
	withVoter.Actors = append(withVoter.Actors, voter)
	withVoter.Actors[0].Votes, withVoter.Actors[1].Votes = 1, 1
	cases := []struct {
		name string
		sc   *Scenario
		want []string // per round
	}{
		{"mediated by the buyer", noTextMarket(ProtocolMediated, "buyer", "p9", "p10"),
			[]string{"Buyer finds no text that every party with a veto " + plain, "Buyer finds no text that every party with a veto " + plain}},
		{"a neutral mediator", noTextMarket(ProtocolMediated, "", "p9", "p10"),
			[]string{"the mediator finds no text that every party with a veto " + plain, "the mediator finds no text that every party with a veto " + plain}},
		{"alternating", noTextMarket(ProtocolAlternating, "", "p9", "p10"),
			[]string{"Buyer has no deal to propose that every party with a veto " + plain, "Seller has no deal to propose that every party with a veto " + plain}},
		{"a decision rule, every voter with a veto", neutralWithRule,
			[]string{"the mediator finds no text that every party at the table " + plain, "the mediator finds no text that every party at the table " + plain}},
		{"a decision rule with a voter without a veto", withVoter,
			[]string{"the mediator finds no text that every party with a veto " + plain, "the mediator finds no text that every party with a veto " + plain}},
	}
	for _, c := range cases {
		tr := runRounds(t, c.sc, RoundsOptions{})
		if len(tr.Rounds) != len(c.want) {
			t.Fatalf("%s: %d rounds, want %d", c.name, len(tr.Rounds), len(c.want))
		}
		for i, rd := range tr.Rounds {
			if rd.Proposal != nil || rd.NoText != c.want[i] {
				t.Errorf("%s, round %d: proposal %v, says %q\nwant %q", c.name, i, rd.Proposal, rd.NoText, c.want[i])
			}
			if strings.Contains(rd.NoText, "believe") {
				t.Errorf("%s, round %d: %q speaks of beliefs nobody holds", c.name, i, rd.NoText)
			}
		}
	}
	// In JSON the reason is the round's no_text; a round with a proposal has none.
	data, err := json.Marshal(runRounds(t, cases[0].sc, RoundsOptions{}).Rounds[0])
	if err != nil {
		t.Fatal(err)
	}
	var round map[string]any
	if err := json.Unmarshal(data, &round); err != nil {
		t.Fatal(err)
	}
	if round["no_text"] != cases[0].want[0] {
		t.Errorf("round 0's JSON no_text is %v", round["no_text"])
	}
	agreed := runRounds(t, noTextMarket(ProtocolMediated, "", "p5", "p6"), RoundsOptions{})
	data, _ = json.Marshal(agreed.Rounds[0])
	if agreed.Rounds[0].Proposal == nil || strings.Contains(string(data), `"no_text"`) {
		t.Errorf("a round with a proposal (p5, the one deal both red lines keep): %s", data)
	}
}

// An event that sets a utility out of range is read at its bound (MODEL section 4), as the
// validator's warning says: the talks run as with the bound written, where they stopped
// after round 1 on the compiled scenario's range check. P and Q want opposite options and
// hold out for them (reservations 0.3, utilities 1 and 0), so the talks reach round 1.
func TestRoundsReadAnEventsOutOfRangeNumberAtItsBound(t *testing.T) {
	run := func(v float64) *Transcript {
		sc := &Scenario{
			Name:   "opposed",
			Issues: []Issue{{ID: "a", Name: "A", Options: []Option{{ID: "a0"}, {ID: "a1"}}}},
			Actors: []Actor{
				{ID: "p", Name: "P", Veto: true, Power: 1, Reservation: 0.3, Preferences: []Preference{{Issue: "a", Weight: 1, Utilities: map[string]float64{"a0": 1, "a1": 0}}}},
				{ID: "q", Name: "Q", Veto: true, Power: 1, Reservation: 0.3, Preferences: []Preference{{Issue: "a", Weight: 1, Utilities: map[string]float64{"a0": 0, "a1": 1}}}},
			},
			Protocol: Protocol{Kind: ProtocolAlternating, Rounds: 4},
			Events:   []Event{{Round: 1, Why: "a1 gains", Set: []Assignment{{Path: "actors.p.preferences.a.utilities.a1", Value: v}}}},
		}
		tr, err := Rounds(context.Background(), compiled(t, sc), RoundsOptions{Workers: 1})
		if err != nil {
			t.Fatalf("an event setting %v: %v", v, err)
		}
		return tr
	}
	over, bound := run(1.5), run(1)
	if len(bound.Rounds) < 2 || len(over.Rounds) != len(bound.Rounds) {
		t.Fatalf("%d rounds with 1.5, %d with 1; want the same, past round 1", len(over.Rounds), len(bound.Rounds))
	}
	for i := range bound.Rounds {
		if !reflect.DeepEqual(over.Rounds[i].Actors, bound.Rounds[i].Actors) || !reflect.DeepEqual(over.Rounds[i].Proposal, bound.Rounds[i].Proposal) {
			t.Errorf("round %d with 1.5: %+v %+v; with 1: %+v %+v", i, over.Rounds[i].Actors, over.Rounds[i].Proposal, bound.Rounds[i].Actors, bound.Rounds[i].Proposal)
		}
	}
}
