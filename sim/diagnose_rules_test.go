package sim_test

import (
	"context"
	"reflect"
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

// The closest deal is the one nearest to the zone (MODEL.md section 2), and under a decision
// rule or ratification a deal is in the zone only with the yes of the voters and ratifiers
// it needs (sections 6 and 7): their shortfalls count beside the veto actors'. On the
// treaty the minister (reservation 0.95) values shallow 0, medium 0.5, deep 0.9: at the
// table it falls short by 0.95, 0.45 and 0.05, and deep, 0.05 short, was the closest deal
// before, whatever the others' votes.
//
//   - ratified: the parliament (reservation 0.7) values shallow 1, medium 0.6, deep 0.3 and
//     its one vote is needed. Shortfalls: shallow max(0.95, 0) = 0.95; medium max(0.45,
//     0.1) = 0.45; deep max(0.05, 0.4) = 0.4. Deep is closest, 0.4 short, the parliament's.
//   - voted: the same values on a press without a veto whose vote the table needs (2 of
//     2 votes): the same shortfalls.
//   - a quota at home: the lower house (2 votes, reservation 0.8: 1, 0.6, 0), the senate
//     and the council (1 vote each, reservation 0.5: senate 0, 0.2, 0.4; council 0, 0.4,
//     0.45) ratify, 2 of 4 votes needed: the lower house alone, or the senate and the
//     council together. Medium: the lower house is 0.2 short, the senate 0.3 and the
//     council 0.1, so the lower house, at 0.2, and 0.45 with the minister. Deep: the lower
//     house 0.8 short, the senate 0.1 and the council 0.05, so both of those, at 0.1, and
//     max(0.05, 0.1) = 0.1. Deep is closest, 0.1 short: the minister 0.05, the council
//     0.05, the senate 0.1; the lower house's yes is not needed.
//
// Each of them lowering its reservation by its shortfall passes deep, and only deep (medium
// stays 0.4 below the minister's 0.9).
func TestClosestDealCountsEveryYesItNeeds(t *testing.T) {
	const press = `    votes: 1
  - id: press
    name: Press
    veto: false
    reservation: 0.7
    preferences:
      depth: {weight: 1, utilities: {shallow: 1, medium: 0.6, deep: 0.3}}
decision: {votes_needed: 2}
`
	for _, tc := range []struct {
		name, src string
		short     map[string]float64
		largest   float64
	}{
		{"ratified", scenariotest.Treaty + `    ratification: {by: [parliament]}
  - id: parliament
    name: Parliament
    veto: false
    reservation: 0.7
    preferences:
      depth: {weight: 1, utilities: {shallow: 1, medium: 0.6, deep: 0.3}}
`, map[string]float64{"minister": 0.05, "parliament": 0.4}, 0.4},
		{"voted", scenariotest.Treaty + press, map[string]float64{"minister": 0.05, "press": 0.4}, 0.4},
		{"quota at home", scenariotest.Treaty + `    ratification: {by: [lower, senate, council], votes_needed: 2}
  - id: lower
    name: Lower house
    veto: false
    votes: 2
    reservation: 0.8
    preferences:
      depth: {weight: 1, utilities: {shallow: 1, medium: 0.6, deep: 0}}
  - id: senate
    name: Senate
    veto: false
    reservation: 0.5
    preferences:
      depth: {weight: 1, utilities: {shallow: 0, medium: 0.2, deep: 0.4}}
  - id: council
    name: Council
    veto: false
    reservation: 0.5
    preferences:
      depth: {weight: 1, utilities: {shallow: 0, medium: 0.4, deep: 0.45}}
`, map[string]float64{"minister": 0.05, "council": 0.05, "senate": 0.1}, 0.1},
	} {
		sc := loadYAML(t, tc.src).Scenario
		an := analyzed(t, sc, sim.Options{})
		if an.ZOPA.Count != 0 || an.Diagnosis == nil || an.Diagnosis.Closest == nil {
			t.Fatalf("%s: zone %d, diagnosis %+v; want an empty zone and a closest deal", tc.name, an.ZOPA.Count, an.Diagnosis)
		}
		c := an.Diagnosis.Closest
		if c.Options["depth"] != "deep" || c.LargestShortfall != tc.largest || !reflect.DeepEqual(c.Shortfall, tc.short) {
			t.Errorf("%s: closest %s, %v short at most, shortfalls %v; want deep, %v, %v", tc.name, c.Options["depth"], c.LargestShortfall, c.Shortfall, tc.largest, tc.short)
		}
		cp := sc.Clone()
		for id, x := range tc.short {
			r := cp.Actors[cp.ActorIndex(id)].Reservation
			if err := cp.Set("actors."+id+".reservation", r-x); err != nil {
				t.Fatal(err)
			}
		}
		if got := analyzed(t, cp, sim.Options{Limit: 10}); got.ZOPA.Count != 1 || len(got.ZOPA.Deals) != 1 || got.ZOPA.Deals[0].Options["depth"] != "deep" {
			t.Errorf("%s: with each reservation lowered by its shortfall the zone holds %+v; want deep alone", tc.name, got.ZOPA.Deals)
		}
	}
}

// When the veto actors agree and only the votes or the vote at home empty the zone, the
// diagnosis still says which single red line opens it (MODEL.md section 2), beside the
// ratifier or voter that blocks.
//
// The minister, the one veto (reservation 0), accepts only medium or deep on depth and
// only short on term: the table agrees on medium-short and deep-short. Its parliament
// (reservation 0.7; shallow 1, medium 0.6, deep 0; no view on term) ratifies shallow
// only, so the zone is empty.
//   - The closest deal: medium-short leaves the parliament 0.1 short, deep-short 0.7:
//     medium-short, 0.1 short at most.
//   - Dropping the depth red line lets in shallow-short at the table, 1 deal beyond the 2
//     already there, and the parliament ratifies it: it opens the zone. Dropping the term
//     red line lets in medium-long and deep-long, which the parliament rejects as it does
//     medium and deep: no opener.
//   - The minister's reservation is 0 already: no fall would do, since no deal within its
//     red lines is ratified.
//   - Without its reservation the parliament ratifies both deals of the table.
//
// With the parliament a press without a veto whose vote the table needs (2 of 2), the
// answers are the same, the press's vote missing instead.
func TestDiagnosisWhenTheTableAgrees(t *testing.T) {
	const treaty = `name: Treaty
issues:
  - {id: depth, name: Depth, options: [{id: shallow}, {id: medium}, {id: deep}]}
  - {id: term, name: Term, options: [{id: short}, {id: long}]}
actors:
  - id: minister
    name: Minister
    reservation: 0
    preferences:
      depth: {weight: 1, utilities: {shallow: 0, medium: 0.5, deep: 1}, acceptable: [medium, deep]}
      term: {weight: 1, utilities: {short: 1, long: 0}, acceptable: [short]}
`
	const other = `    veto: false
    reservation: 0.7
    preferences:
      depth: {weight: 1, utilities: {shallow: 1, medium: 0.6, deep: 0}}
`
	one := uint64(1)
	opener := []sim.Opener{{Kind: sim.OpenerRedLine, Actor: "minister", Issue: "depth", Deals: 1, InZone: &one,
		Why: `minister accepts only "medium" or "deep" on depth`, Path: "actors.minister.preferences.depth.acceptable"}}
	for _, tc := range []struct {
		name, src, other string
	}{
		{"ratified", treaty + "    ratification: {by: [parliament]}\n  - id: parliament\n    name: Parliament\n" + other, "parliament"},
		{"voted", treaty + "  - id: press\n    name: Press\n" + other + "decision: {votes_needed: 2}\n", "press"},
	} {
		an := analyzed(t, loadYAML(t, tc.src).Scenario, sim.Options{})
		dg := an.Diagnosis
		if an.ZOPA.Count != 0 || dg == nil {
			t.Fatalf("%s: zone %d, diagnosis %+v; want an empty zone, explained", tc.name, an.ZOPA.Count, dg)
		}
		if !dg.TableAgrees || dg.RedLinesClash {
			t.Errorf("%s: table agrees %v, red lines clash %v; want true and false", tc.name, dg.TableAgrees, dg.RedLinesClash)
		}
		if c := dg.Closest; c == nil || c.Options["depth"] != "medium" || c.Options["term"] != "short" || c.LargestShortfall != 0.1 ||
			!reflect.DeepEqual(c.Shortfall, map[string]float64{"minister": 0, tc.other: 0.1}) {
			t.Errorf("%s: closest %+v; want medium-short, the %s 0.1 short", tc.name, c, tc.other)
		}
		if !reflect.DeepEqual(dg.Openers, opener) {
			t.Errorf("%s: openers %+v; want the minister's depth red line, 1 deal, in the zone", tc.name, dg.Openers)
		}
		if len(dg.Reservations) != 1 || dg.Reservations[0].Reachable != nil || !dg.Reservations[0].BlockedBeyondTable {
			t.Errorf("%s: reservations %+v; want the minister's, no fall would do", tc.name, dg.Reservations)
		}
		switch tc.name {
		case "ratified":
			want := []sim.RatifierBlock{{Ratifier: "parliament", Kind: sim.RejectReservation, Path: "actors.parliament.reservation", Deals: 2}}
			if r := an.Ratification["minister"]; r == nil || !reflect.DeepEqual(r.BlockedBy, want) {
				t.Errorf("ratified: the minister's ratification %+v; want blocked by the parliament's reservation, 2 deals", r)
			}
		case "voted":
			want := []sim.MissingVoter{{Actor: "press", Kind: sim.RejectReservation, Path: "actors.press.reservation", Deals: 2}}
			if dg.Votes == nil || dg.Votes.BestVotes != 1 || !reflect.DeepEqual(dg.Votes.Missing, want) {
				t.Errorf("voted: votes %+v; want 1 of 2 at best, the press's reservation missing", dg.Votes)
			}
		}
		cp := loadYAML(t, tc.src).Scenario
		if err := cp.Set("actors.minister.preferences.depth.acceptable", []string{"shallow", "medium", "deep"}); err != nil {
			t.Fatal(err)
		}
		if n := analyzed(t, cp, sim.Options{}).ZOPA.Count; n != 1 {
			t.Errorf("%s: without the depth red line the zone holds %d deals; want 1", tc.name, n)
		}
	}
}
