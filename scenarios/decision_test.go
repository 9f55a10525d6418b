package scenarios_test

import (
	"context"
	"math"
	"testing"

	"github.com/negsim/negsim/internal/scenariotest"
	"github.com/negsim/negsim/sim"
)

// The four teaching examples of who must agree, against the arithmetic in their comments.

func TestTeachingHarborcoQuota(t *testing.T) {
	an := analyze(t, "teaching-harborco-quota", "")
	// small/full (5 votes), medium/partial and medium/full (6 each) pass; the other four of
	// Harborco's seven gather 3 or 4.
	if an.ZOPA.Count != 3 {
		t.Fatalf("zone holds %d deals, want 3", an.ZOPA.Count)
	}
	// Harborco is the only party: every solution is its best passing deal, small/full (0.6).
	for _, ns := range an.Solutions.Named() {
		if s := ns.Solution; s == nil || s.Options["fund"] != "small" || s.Options["jobs"] != "full" || !near(s.Utilities["harborco"], 0.6) {
			t.Errorf("%s: %+v, want small/full worth 0.6 to Harborco", ns.Key, ns.Solution)
		}
	}
	if d := an.Decision; d == nil || d.VotesNeeded != 5 || d.VotesAtTable != 6 || len(d.Parties) != 1 || d.Parties[0] != "harborco" {
		t.Fatalf("decision %+v, want 5 of 6 votes, Harborco the only party", an.Decision)
	}
	// Pivotal: Harborco for all 3; union, ports, governor, federal for small/full only.
	want := map[string]uint64{"harborco": 3, "environmentalists": 0, "union": 1, "ports": 1, "governor": 1, "federal": 1}
	for _, v := range an.Decision.Voters {
		if v.Pivotal != want[v.Actor] {
			t.Errorf("%s pivotal for %d deals, want %d", v.Actor, v.Pivotal, want[v.Actor])
		}
	}
	// Shapley–Shubik 1/3 and 2/15; Banzhaf 6/26 and 4/26.
	for id, p := range an.Power {
		ss, bz := 2.0/15, 4.0/26
		if id == "harborco" {
			ss, bz = 1.0/3, 6.0/26
		}
		if math.Abs(p.ShapleyShubik-ss) > 1e-9 || math.Abs(p.Banzhaf-bz) > 1e-9 {
			t.Errorf("%s: power %+v, want Shapley–Shubik %.4f, Banzhaf %.4f", id, p, ss, bz)
		}
	}

	// Unanimity: medium/partial and medium/full; the solutions move to medium/partial.
	all := analyze(t, "teaching-harborco-quota", "all-six")
	if all.ZOPA.Count != 2 || all.Solutions.Nash.Options["fund"] != "medium" || all.Solutions.Nash.Options["jobs"] != "partial" {
		t.Errorf("all six: zone %d, Nash %v; want 2 and medium/partial", all.ZOPA.Count, all.Solutions.Nash.Options)
	}
}

func TestTeachingSecurityCouncil(t *testing.T) {
	an := analyze(t, "teaching-security-council", "")
	// Only the statement passes: sanctions gather 11 votes but two vetoes, force 2 votes.
	if an.ZOPA.Count != 1 || an.Solutions.Nash.Options["response"] != "statement" {
		t.Fatalf("zone %d, Nash %v; want the statement alone", an.ZOPA.Count, an.Solutions.Nash)
	}
	// C(9,3)·8!·6!/15! per elected member; the rest shared by the five permanent ones.
	// Banzhaf 848/5080 and 84/5080.
	elected := 84.0 * 40320 * 720 / 1307674368000
	for id, p := range an.Power {
		ss, bz := elected, 84.0/5080
		switch id {
		case "us", "uk", "france", "russia", "china":
			ss, bz = (1-10*elected)/5, 848.0/5080
		}
		if math.Abs(p.ShapleyShubik-ss) > 1e-9 || math.Abs(p.Banzhaf-bz) > 1e-9 {
			t.Errorf("%s: power %+v, want Shapley–Shubik %.5f, Banzhaf %.5f", id, p, ss, bz)
		}
	}
	if len(an.Power) != 15 || math.Abs(an.Power["us"].ShapleyShubik-0.1963) > 5e-5 || math.Abs(an.Power["elected-1"].ShapleyShubik-0.00186) > 5e-6 {
		t.Errorf("the published 0.1963 and 0.00186 are not matched: %+v", an.Power)
	}
	for _, v := range an.Decision.Voters {
		if want := map[bool]uint64{true: 1, false: 0}[v.Veto]; v.Pivotal != want {
			t.Errorf("%s pivotal for %d deals, want %d", v.Actor, v.Pivotal, want)
		}
	}
}

func TestTeachingTiedHands(t *testing.T) {
	// The parliament's reservation, its win-set, the zone and the Nash deal, from the
	// file's comments: tighter hands move the Nash deal Home's way until the zone closes.
	for _, c := range []struct {
		variant      string
		winSet, zone uint64
		nash         string
		blockedByRes bool
	}{
		{"", 4, 3, "q3", false},
		{"hawkish", 3, 2, "q4", false},
		{"very-hawkish", 2, 1, "q5", false},
		{"too-hawkish", 1, 0, "", true},
	} {
		an := analyze(t, "teaching-tied-hands", c.variant)
		rep := an.Ratification["home"]
		if rep == nil || rep.WinSet != c.winSet || an.ZOPA.Count != c.zone || an.ZOPA.LevelOneCount == nil || *an.ZOPA.LevelOneCount != 5 {
			t.Fatalf("%q: ratification %+v, zone %d, Level I %v; want win-set %d, zone %d, Level I 5", c.variant, rep, an.ZOPA.Count, an.ZOPA.LevelOneCount, c.winSet, c.zone)
		}
		if c.nash != "" && an.Solutions.Nash.Options["quota"] != c.nash {
			t.Errorf("%q: Nash %v, want %s", c.variant, an.Solutions.Nash.Options, c.nash)
		}
		if c.blockedByRes {
			want := sim.RatifierBlock{Ratifier: "parliament", Kind: sim.RejectReservation, Path: "actors.parliament.reservation", Deals: 5}
			if len(rep.BlockedBy) != 1 || rep.BlockedBy[0] != want {
				t.Errorf("%q: blocked by %+v, want %+v", c.variant, rep.BlockedBy, want)
			}
		}
	}
}

func TestTeachingTelephoneGame(t *testing.T) {
	an := analyze(t, "teaching-telephone-game", "")
	// True zone d2, d3; the mediator perceives d2 … d6 and its Nash deal d4, which West
	// truly rejects. False hopes d4, d5, d6; missed none.
	if an.ZOPA.Count != 2 || an.Solutions.Nash.Options["districts"] != "d2" {
		t.Fatalf("zone %d, Nash %v; want 2 and d2", an.ZOPA.Count, an.Solutions.Nash.Options)
	}
	b := an.Beliefs["mediator"]
	if b == nil || b.ZOPACount != 5 || b.Nash == nil || b.Nash.Options["districts"] != "d4" || b.NashInTrueZOPA || b.FalseHopes != 3 || b.Missed != 0 {
		t.Fatalf("mediator's picture %+v; want 5 deals, Nash d4 not in the true zone, 3 false hopes, none missed", b)
	}

	// Rounds: d3 proposed as the closest deal until round 5, d4 from round 6, each time
	// rejected by West and marked as the mediator misjudging it; breakdown at round 9.
	tr := rounds(t, "teaching-telephone-game", "")
	if tr.Outcome.Agreement || len(tr.Rounds) != 10 {
		t.Fatalf("outcome %+v after %d rounds; want a breakdown after 10", tr.Outcome, len(tr.Rounds))
	}
	for _, rd := range tr.Rounds {
		want, misjudged := "d3", 0
		if rd.Round >= 6 {
			want, misjudged = "d4", 1
		}
		if rd.Proposal == nil || rd.Proposal.Options["districts"] != want || len(rd.Misjudged) != misjudged || misjudged == 1 && rd.Misjudged[0] != "west" {
			t.Errorf("round %d: proposal %v, misjudged %v; want %s and %d misjudged (west)", rd.Round, rd.Proposal, rd.Misjudged, want, misjudged)
		}
	}
	// With the true picture the mediator proposes d2 at round 8 and both accept.
	knows := rounds(t, "teaching-telephone-game", "mediator-knows")
	if !knows.Outcome.Agreement || knows.Outcome.Round != 8 || knows.Outcome.Deal.Options["districts"] != "d2" {
		t.Errorf("mediator-knows: outcome %+v; want agreement on d2 at round 8", knows.Outcome)
	}
}

func rounds(t *testing.T, name, variant string) *sim.Transcript {
	t.Helper()
	tr, err := sim.Rounds(context.Background(), scenariotest.Shipped(t, name, variant).Space, sim.RoundsOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return tr
}

// What would it take, under ratification: the parliament ratifies q3 (worth 3/6 = 0.5 to
// it) up to a reservation of 0.5; just above, the zone is q4, q5 and the Nash deal q4.
// The Level I zone alone would show no threshold for a ratifier at all.
func TestTeachingTiedHandsSensitivity(t *testing.T) {
	sp := scenariotest.Shipped(t, "teaching-tied-hands", "").Space
	rep, err := sim.RunSensitivity(context.Background(), sp, sim.SensitivityOptions{Only: []sim.Category{sim.CategoryReservations}})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Headline.Deals != 3 {
		t.Fatalf("headline %+v, want the ratified zone's 3 deals", rep.Headline)
	}
	for _, row := range rep.Rows {
		if row.Path != "actors.parliament.reservation" {
			continue
		}
		if a := row.Above; a == nil || math.Abs(a.At-0.5) > 1e-6 || a.Deals != 2 || a.Nash["quota"] != "q4" {
			t.Fatalf("above: %+v, want the Nash deal moving to q4 at 0.5 with 2 deals", row.Above)
		}
		return
	}
	t.Fatal("no row for the parliament's reservation")
}
