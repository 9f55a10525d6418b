package sim

import (
	"context"
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

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
