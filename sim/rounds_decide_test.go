package sim

import (
	"context"
	"math/rand/v2"
	"testing"
)

// Rounds under random decision rules, ratifications and beliefs: an agreement is always a
// deal of the zone at its round's reservations (aspirations never fall below them, and
// ratifiers vote by them), an actor with ratification never accepts a deal its ratifiers
// reject, and a proposal marked misjudged failed while the actors named rejected it.
func TestRoundsRespectWhoMustAgree(t *testing.T) {
	rng := rand.New(rand.NewPCG(16, 9))
	runs, agreements, misjudged := 0, 0, 0
	for n := 0; n < 300; n++ {
		sc := randomDecided(rng)
		randomBeliefs(rng, sc)
		sc.Protocol = Protocol{Kind: ProtocolAlternating, Rounds: 1 + rng.IntN(6)}
		if rng.IntN(2) == 0 {
			sc.Protocol.Kind = ProtocolMediated
			sc.Protocol.Mediator = sc.Actors[rng.IntN(len(sc.Actors))].ID
		}
		if len(sc.Validate().Errors()) > 0 {
			continue
		}
		sp := compiled(t, sc)
		tr, err := Rounds(context.Background(), sp, RoundsOptions{Workers: 1})
		if err != nil {
			t.Fatal(err)
		}
		runs++
		fail := drawFailure(t, n, sc)
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
	}
	t.Logf("%d runs, %d agreements, %d misjudgements", runs, agreements, misjudged)
	if runs < 150 || agreements < 30 {
		t.Fatalf("only %d runs, %d agreements", runs, agreements)
	}
}
