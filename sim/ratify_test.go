package sim

import (
	"reflect"
	"testing"
)

// The decide fixture by hand. Issue x has options a, b, c; linear ideal points give
//
//	north (ideal a): 1, .5, 0     south (ideal c): 0, .5, 1
//	left (ideal a):  1, .5, 0     right (ideal b): 0, 1, 0     press (ideal b): 0, 1, 0
//
// With reservations north 0, south .4, left .5, right .5, press .5:
//   - the table (north, south; no decision) accepts b and c: Level I holds 2 deals;
//   - north's parliament needs 3 of left's 2 and right's 2 votes, so both: left accepts a and
//     b, right only b, so the win-set is {b} and the zone {b};
//   - the Nash deal is b, the only deal.
func TestRatificationByHand(t *testing.T) {
	sc := decideFixture()
	for id, r := range map[string]float64{"north": 0, "south": 0.4, "left": 0.5, "right": 0.5, "press": 0.5} {
		sc.Actors[sc.ActorIndex(id)].Reservation = r
	}
	an := analyze(t, sc, 10)
	if an.ZOPA.Count != 1 || an.ZOPA.LevelOneCount == nil || *an.ZOPA.LevelOneCount != 2 {
		t.Fatalf("zone %d, Level I %v; want 1 and 2", an.ZOPA.Count, an.ZOPA.LevelOneCount)
	}
	north := an.Ratification["north"]
	if north == nil || north.WinSet != 1 || north.VotesNeeded != 3 || north.Votes != 4 || len(north.BlockedBy) != 0 {
		t.Fatalf("north's ratification %+v; want win-set 1, 3 of 4 votes, nothing blocked", north)
	}
	if an.Solutions.Nash == nil || an.Solutions.Nash.Options["x"] != "b" {
		t.Fatalf("Nash %+v; want b", an.Solutions.Nash)
	}

	// Two of the four votes suffice: left (a, b) or right (b) ratify, so the win-set is
	// {a, b}; the zone is still Level I's {b, c} ∩ {a, b} = {b}.
	sc.Actors[0].Ratification.VotesNeeded = 2
	an = analyze(t, sc, 10)
	if an.Ratification["north"].WinSet != 2 || an.ZOPA.Count != 1 {
		t.Fatalf("with 2 votes needed: win-set %d, zone %d; want 2 and 1", an.Ratification["north"].WinSet, an.ZOPA.Count)
	}

	// Back to 3 votes, and right's red line allows only a, worth 0 < .5 to it: right ratifies
	// nothing, so the zone closes although Level I holds b and c. Left gives b its 2 votes, the
	// most any Level I deal gathers. Without its reservation right would accept a, which the
	// table rejects; without its red line, b again: one deal. Left changes nothing.
	sc.Actors[0].Ratification.VotesNeeded = 3
	right := &sc.Actors[sc.ActorIndex("right")]
	right.Preferences[0].Acceptable = []string{"a"}
	an = analyze(t, sc, 10)
	north = an.Ratification["north"]
	if an.ZOPA.Count != 0 || north.BestVotes == nil || *north.BestVotes != 2 {
		t.Fatalf("zone %d, best votes %v; want 0 and 2", an.ZOPA.Count, north.BestVotes)
	}
	want := []RatifierBlock{{Ratifier: "right", Kind: RejectRedLine, Path: "actors.right.preferences", Deals: 1}}
	if !reflect.DeepEqual(north.BlockedBy, want) {
		t.Fatalf("blocked by %+v; want %+v", north.BlockedBy, want)
	}
}

// The table's rule by hand: with votes_needed 3 of north, south and press's one each, all
// three must accept; press (reservation .5) accepts only b. North and south are the veto
// actors, hence the parties; press is pivotal for the one deal, and so is each veto actor.
func TestDecisionByHand(t *testing.T) {
	sc := decideFixture()
	// Without north's parliament, left and right would sit at the table with their votes:
	// give them none, so they only watch.
	sc.Actors[0].Ratification = Ratification{}
	sc.Actors[sc.ActorIndex("left")].Votes, sc.Actors[sc.ActorIndex("right")].Votes = 0, 0
	for a := range sc.Actors {
		sc.Actors[a].Reservation = 0
	}
	sc.Actors[sc.ActorIndex("press")].Reservation = 0.5
	sc.Decision.VotesNeeded = 3
	an := analyze(t, sc, 10)
	if an.ZOPA.Count != 1 || an.ZOPA.LevelOneCount != nil {
		t.Fatalf("zone %d, Level I %v; want 1 and none reported", an.ZOPA.Count, an.ZOPA.LevelOneCount)
	}
	want := &DecisionReport{VotesNeeded: 3, VotesAtTable: 3, Parties: []string{"north", "south"}, Voters: []VoterReport{
		{Actor: "north", Votes: 1, Veto: true, Pivotal: 1},
		{Actor: "south", Votes: 1, Veto: true, Pivotal: 1},
		{Actor: "press", Votes: 1, Pivotal: 1},
	}}
	if !reflect.DeepEqual(an.Decision, want) {
		t.Fatalf("decision %+v; want %+v", an.Decision, want)
	}
	// Everyone is needed: unanimity of three, so each has a third of the power.
	for id, p := range an.Power {
		if p.ShapleyShubik != presentable(1.0/3) || p.Banzhaf != presentable(1.0/3) {
			t.Errorf("%s: %+v; want 1/3 each", id, p)
		}
	}

	// Press's red line rules b out: no deal gathers 3 votes. The veto actors accept every
	// deal and give 2; press's yes alone would open the zone, by its red line (b) or by its
	// reservation (a and c, worth 0 to it, are within its red line only if it has none).
	sc.Actors[sc.ActorIndex("press")].Preferences[0].Acceptable = []string{"a", "c"}
	an = analyze(t, sc, 10)
	vd := an.Diagnosis.Votes
	if an.ZOPA.Count != 0 || vd == nil || vd.BestVotes != 2 || vd.VotesNeeded != 3 {
		t.Fatalf("zone %d, votes %+v; want 0, and 2 of 3 votes at best", an.ZOPA.Count, vd)
	}
	// Without its reservation press accepts a and c; without its red line, b.
	wantMissing := []MissingVoter{
		{Actor: "press", Kind: RejectReservation, Path: "actors.press.reservation", Deals: 2},
		{Actor: "press", Kind: RejectRedLine, Path: "actors.press.preferences", Deals: 1},
	}
	if !reflect.DeepEqual(vd.Missing, wantMissing) {
		t.Fatalf("missing %+v; want %+v", vd.Missing, wantMissing)
	}
}

// An opener under ratification, by hand on the decide fixture (utilities as above). North
// accepts only a, south (reservation .4) only b and c: the table agrees on nothing. Dropping
// north's red line lets in b and c at the table (2 deals); north's parliament needs both
// left (a, b) and right (b), so only b is ratified: 1 deal in the zone. With right's red
// line narrowed to a, worth 0 < .5 to it, right ratifies nothing: the 2 deals stay out,
// and it is north's ratification that rejects them.
func TestOpenerCountsRatifiedDeals(t *testing.T) {
	sc := decideFixture()
	for id, r := range map[string]float64{"north": 0, "south": 0.4, "left": 0.5, "right": 0.5, "press": 0.5} {
		sc.Actors[sc.ActorIndex(id)].Reservation = r
	}
	sc.Actors[0].Preferences[0].Acceptable = []string{"a"}
	opener := func() Opener {
		t.Helper()
		an := analyze(t, sc, 10)
		if an.ZOPA.Count != 0 || an.Diagnosis == nil || len(an.Diagnosis.Openers) != 1 {
			t.Fatalf("zone %d, diagnosis %+v; want empty with one opener", an.ZOPA.Count, an.Diagnosis)
		}
		return an.Diagnosis.Openers[0]
	}
	o := opener()
	if o.Path != "actors.north.preferences.x.acceptable" || o.Deals != 2 || o.InZone == nil || *o.InZone != 1 || o.BlockedAtHome != nil {
		t.Fatalf("opener %+v (in zone %v); want north's red line, 2 at the table, 1 in the zone", o, o.InZone)
	}
	sc.Actors[sc.ActorIndex("right")].Preferences[0].Acceptable = []string{"a"}
	o = opener()
	if o.Deals != 2 || o.InZone == nil || *o.InZone != 0 || !reflect.DeepEqual(o.BlockedAtHome, []string{"north"}) {
		t.Fatalf("opener %+v (in zone %v); want 2 at the table, none in the zone, blocked at north's home", o, o.InZone)
	}
}
