package sim_test

import (
	"context"
	"testing"

	"github.com/negsim/negsim/internal/scenariotest"
	"github.com/negsim/negsim/sim"
)

// How far a reservation must fall is how far for a zone to exist (MODEL.md section 2), and
// under ratification the zone is the deals that also pass at home (section 7).
//
// The minister holds the only veto, with reservation 0.95, and values the treaty's depth
// shallow 0, medium 0.5, deep 0.9. Its parliament ratifies (all its 1 vote needed) by its
// own reservation 0.5 on values shallow 1, medium 0.6, deep 0: it ratifies shallow and
// medium, never deep. No deal is worth 0.95 to the minister, so the table agrees on
// nothing and the diagnosis speaks. Lowering the minister's reservation to 0.9 would let
// deep pass at the table, but the parliament rejects it: the zone stays empty. The most
// the minister can get from a deal that would then be in the zone is medium's 0.5, so the
// reservation must fall by 0.45, to 0.5.
//
// With a quota instead (the council, no veto, must vote yes too: 2 of 2 votes), the same
// holds: the council accepts shallow and medium only.
func TestReservationFallCountsRatificationAndVotes(t *testing.T) {
	for _, tc := range []struct{ name, src string }{
		{"ratification", scenariotest.Treaty + scenariotest.TreatyParliament},
		{"quota", scenariotest.Treaty + `  - id: council
    name: Council
    veto: false
    reservation: 0.5
    preferences:
      depth: {weight: 1, utilities: {shallow: 1, medium: 0.6, deep: 0}}
decision: {votes_needed: 2}
`},
	} {
		sc := loadYAML(t, tc.src).Scenario
		an := analyzed(t, sc, sim.Options{})
		if an.ZOPA.Count != 0 || an.Diagnosis == nil || len(an.Diagnosis.Reservations) != 1 {
			t.Fatalf("%s: zone %d, diagnosis %+v; want an empty zone and the minister's reservation gap", tc.name, an.ZOPA.Count, an.Diagnosis)
		}
		g := an.Diagnosis.Reservations[0]
		if g.Reachable == nil || *g.Reachable != 0.5 || *g.MustFallBy != 0.45 {
			t.Errorf("%s: the minister can reach %v, must fall by %v; want 0.5 and 0.45 (deep, worth 0.9, never passes)", tc.name, deref(g.Reachable), deref(g.MustFallBy))
		}
		cp := sc.Clone()
		if err := cp.Set("actors.minister.reservation", 0.5); err != nil {
			t.Fatal(err)
		}
		if n := analyzed(t, cp, sim.Options{}).ZOPA.Count; n != 1 {
			t.Errorf("%s: at the reservation the diagnosis names, the zone holds %d deals; want 1 (medium)", tc.name, n)
		}
	}
}

func deref(p *float64) any {
	if p == nil {
		return nil
	}
	return *p
}

// A ratifier sits at no table and answers a deal by its reservation (MODEL.md section 7), so
// the aspiration a round records for it is its reservation. The treaty's parliament keeps
// 0.5 in every round and answers each proposal by it: yes to shallow (1) and medium (0.6),
// no to deep (0). Before, it was recorded conceding from 1 as a bargainer would (1, 0.929,
// 0.857 …) while it answered by 0.5.
func TestRatifierAspirationIsItsReservation(t *testing.T) {
	doc := loadYAML(t, scenariotest.Treaty+scenariotest.TreatyParliament)
	tr, err := sim.Rounds(context.Background(), doc.Space, sim.RoundsOptions{})
	if err != nil {
		t.Fatal(err)
	}
	worth := map[string]float64{"shallow": 1, "medium": 0.6, "deep": 0}
	for _, rd := range tr.Rounds {
		p := rd.Actors[1]
		if p.Actor != "parliament" || p.Aspiration != 0.5 || p.Reservation != 0.5 {
			t.Errorf("round %d: %s aspires to %v at reservation %v; want the parliament at 0.5 and 0.5", rd.Round, p.Actor, p.Aspiration, p.Reservation)
		}
		if rd.Proposal == nil {
			continue
		}
		if want := worth[rd.Proposal.Options["depth"]] >= 0.5; p.Accepts != want {
			t.Errorf("round %d: the parliament answers %s with %v; want %v", rd.Round, rd.Proposal.Options["depth"], p.Accepts, want)
		}
	}
}
