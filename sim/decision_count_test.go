package sim

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
)

// randomQuota is a random rule scenario with more voters than randomDecided draws: up to
// five more actors without a veto, each a copy of a drawn one with weights, a reservation
// and votes of its own, and a quota over the table's votes. Many voters make inclusion and
// exclusion ask for more sets than it counts, so both ways of counting are exercised.
func randomQuota(rng *rand.Rand) *Scenario {
	sc := randomDecided(rng)
	n := len(sc.Actors)
	for i := range rng.IntN(6) {
		from := sc.Actors[rng.IntN(n)]
		act := Actor{ID: fmt.Sprintf("v%d", i), Name: fmt.Sprintf("voter %d", i), Power: 1, Votes: 1 + rng.IntN(3),
			Reservation: float64(rng.IntN(9)) / 10, Constraints: from.Constraints}
		act.Preferences = slices.Clone(from.Preferences)
		for p := range act.Preferences {
			act.Preferences[p].Weight = float64(rng.IntN(5))
		}
		act.Preferences[0].Weight++
		sc.Actors = append(sc.Actors, act)
	}
	ratifier := map[string]bool{}
	for _, a := range sc.Actors {
		for _, id := range a.Ratification.By {
			ratifier[id] = true
		}
	}
	table := 0
	for _, a := range sc.Actors {
		if !ratifier[a.ID] {
			table += a.Votes
		}
	}
	if table > 0 {
		sc.Decision.VotesNeeded = 1 + rng.IntN(table)
	}
	return sc
}

// TestPivotalCountsAgreeWithBruteForce checks each way of counting a zone under a quota,
// and the deals each table voter is pivotal for, against a visit of every deal that reads
// MODEL.md section 6 off the scenario (referenceRule): inclusion and exclusion over hard
// counts, the walk that takes whole the subtrees in which every voter is pivotal for all
// deals or none, and the walk of the plain count. A voter is pivotal for a deal of the zone
// when it accepts it and the others' votes fall short of votes_needed; a veto actor for
// every deal of the zone.
func TestPivotalCountsAgreeWithBruteForce(t *testing.T) {
	rng := rand.New(rand.NewPCG(21, 16))
	ctx := context.Background()
	checked, byInclusion, refused, wholes := 0, 0, 0, 0
	for n := range 700 {
		sc := randomQuota(rng)
		sp := compileDrawn(t, sc)
		if sp == nil || sp.rule == nil || sp.rule.needed == 0 {
			continue
		}
		checked++
		fail := drawFailure(t, n, sc)
		res := sp.reservations()
		zone, perOption, wantPivotal := bruteRuleZone(sp, res)
		check := func(way string, tal *tally, pivotal map[int]uint64) {
			t.Helper()
			if tal.n != zone || !slices.Equal(tal.opt, perOption) {
				fail("%s: zone %d, per option %v; brute force %d, %v", way, tal.n, tal.opt, zone, perOption)
			}
			for a, got := range pivotal {
				if got != wantPivotal[a] {
					fail("%s: %s pivotal for %d deals, brute force %d", way, sc.Actors[a].ID, got, wantPivotal[a])
				}
			}
		}

		w := newGatedWalk(ctx, sp.countTree(res), sp.zoneGate(res, true))
		pivots, vetoVotes := sp.tableVoters(w.g)
		if in, ok := planInclusion(w, pivots, vetoVotes, sp.rule.needed); ok {
			tal, pivotal, err := in.tally(ctx, w)
			if err != nil {
				t.Fatal(err)
			}
			byInclusion++
			got := map[int]uint64{}
			for i, p := range pivots {
				got[p.actor] = pivotal[i]
			}
			check("inclusion and exclusion", tal, got)
		} else {
			refused++
		}

		z := &gatedZone{pivotal: make([]uint64, sp.actors), res: res}
		if err := sp.walkZone(ctx, z, true, false); err != nil {
			t.Fatal(err)
		}
		got := map[int]uint64{}
		for _, p := range pivots {
			got[p.actor] = z.pivotal[p.actor]
		}
		check("walk by pivotal subtrees", z.tal, got)
		wholes += wholeSubtrees(sp, res)

		if len(w.g.quotas) > 0 {
			walked, err := w.tally()
			if err != nil {
				t.Fatal(err)
			}
			check("walk of the count", walked, nil)
		}

		an, err := Analyze(ctx, sp, Options{Workers: 2})
		if err != nil {
			t.Fatal(err)
		}
		for _, v := range an.Decision.Voters {
			if a := sc.ActorIndex(v.Actor); v.Pivotal != wantPivotal[a] {
				fail("analysis: %s pivotal for %d deals, brute force %d", v.Actor, v.Pivotal, wantPivotal[a])
			}
		}
	}
	t.Logf("%d scenarios under a quota: %d counted by inclusion, %d beyond its bounds; %d subtrees taken whole by the pivotal walk", checked, byInclusion, refused, wholes)
	if checked < 300 || byInclusion < 100 || refused < 50 || wholes < 100 {
		t.Fatalf("only %d scenarios, %d by inclusion, %d beyond it, %d subtrees whole: the generator no longer exercises every way of counting", checked, byInclusion, refused, wholes)
	}
}

// wholeSubtrees is how many subtrees the pivotal walk of the zone takes at once.
func wholeSubtrees(sp *Space, res []float64) int {
	w := newGatedWalk(context.Background(), sp.partyTree(res), sp.zoneGate(res, true))
	taken := 0
	if w.t.empty() {
		return 0
	}
	for _, o := range w.t.order[0] {
		v := sp.newZoneVisit(w, false)
		whole := func(d int) bool {
			ok := v.whole(d)
			if ok {
				taken++
			}
			return ok
		}
		if err := w.runOption(o, whole, v.leaf); err != nil {
			panic(err)
		}
	}
	return taken
}

// TestInclusionInTheMiddleAgreesWithBruteForce checks inclusion and exclusion where its
// counts meet in the middle, which the small spaces of the test above never do: eight
// issues of four options (65,536 deals, halves of 256), utilities in quarters and
// reservations in eighths so that many deals sit exactly on a reservation, two veto actors
// and two to four voters, a few red lines, and a quota short of all the voters' votes.
func TestInclusionInTheMiddleAgreesWithBruteForce(t *testing.T) {
	rng := rand.New(rand.NewPCG(21, 17))
	ctx := context.Background()
	checked, inMiddle := 0, 0
	for n := range 25 {
		sc := &Scenario{Name: "quarters"}
		for k := range 8 {
			is := Issue{ID: fmt.Sprintf("i%d", k), Name: fmt.Sprintf("issue %d", k)}
			for o := range 4 {
				is.Options = append(is.Options, Option{ID: fmt.Sprintf("o%d", o)})
			}
			sc.Issues = append(sc.Issues, is)
		}
		for a := range 4 + rng.IntN(3) {
			act := Actor{ID: fmt.Sprintf("a%d", a), Name: fmt.Sprintf("actor %d", a), Power: 1, Veto: a < 2,
				Votes: 1 + rng.IntN(2), Reservation: float64(2+rng.IntN(4)) / 8}
			for _, is := range sc.Issues {
				pr := Preference{Issue: is.ID, Weight: float64(1 + rng.IntN(2)), Utilities: map[string]float64{}}
				for _, o := range is.Options {
					pr.Utilities[o.ID] = float64(rng.IntN(5)) / 4
				}
				if rng.IntN(24) == 0 {
					pr.Acceptable = randomRedLine(rng, is, 4)
				}
				act.Preferences = append(act.Preferences, pr)
			}
			sc.Actors = append(sc.Actors, act)
		}
		others := 0
		for _, a := range sc.Actors[2:] {
			others += a.Votes
		}
		// Short of all the other votes, so that the quota stays a quota.
		sc.Decision.VotesNeeded = sc.Actors[0].Votes + sc.Actors[1].Votes + 1 + rng.IntN(others-1)
		sp := compileDrawn(t, sc)
		if sp == nil {
			continue
		}
		fail := drawFailure(t, n, sc)
		res := sp.reservations()
		w := newGatedWalk(ctx, sp.countTree(res), sp.zoneGate(res, true))
		pivots, vetoVotes := sp.tableVoters(w.g)
		in, ok := planInclusion(w, pivots, vetoVotes, sp.rule.needed)
		if !ok {
			continue
		}
		checked++
		middle := len(in.sets) > 0
		for _, s := range in.sets {
			var required []gateVoter
			for m, v := range w.g.voters {
				if s>>m&1 == 1 {
					required = append(required, v)
				}
			}
			_, ok := require(w.t, required).planMITM()
			middle = middle && ok
		}
		if middle {
			inMiddle++
		}
		tal, pivotal, err := in.tally(ctx, w)
		if err != nil {
			t.Fatal(err)
		}
		zone, perOption, pivotalOf := bruteRuleZone(sp, res)
		want := make([]uint64, len(pivots))
		for i, p := range pivots {
			want[i] = pivotalOf[p.actor]
		}
		if tal.n != zone || !slices.Equal(tal.opt, perOption) || !slices.Equal(pivotal, want) {
			fail("zone %d, per option %v, pivotal %v; brute force %d, %v, %v", tal.n, tal.opt, pivotal, zone, perOption, want)
		}
	}
	t.Logf("%d scenarios counted by inclusion, %d of them in the middle", checked, inMiddle)
	if checked < 15 || inMiddle < 12 {
		t.Fatalf("only %d scenarios by inclusion, %d in the middle: the test no longer reaches the count in the middle", checked, inMiddle)
	}
}

// TestInclusionInconsistentCountsAreRefused: counts whose signed sum wrapped (a deal judged
// differently by two trees) must send the zone to the walk, never be reported.
func TestInclusionInconsistentCountsAreRefused(t *testing.T) {
	wrapped := ^uint64(0) - 2 // 0 − 3 in unsigned arithmetic
	for _, c := range []struct {
		name    string
		deals   uint64
		tal     tally
		pivotal []uint64
		want    bool
	}{
		{"a zone within its tree", 100, tally{n: 40, opt: []uint64{40, 0, 25, 15}}, []uint64{40, 7}, true},
		{"an empty zone", 100, tally{n: 0, opt: []uint64{0, 0}}, []uint64{0}, true},
		{"more deals than the tree", 100, tally{n: wrapped, opt: []uint64{0}}, nil, false},
		{"an option in more deals than the zone", 100, tally{n: 40, opt: []uint64{wrapped, 43}}, nil, false},
		{"a pivot in more deals than the zone", 100, tally{n: 40, opt: []uint64{40}}, []uint64{3, wrapped}, false},
	} {
		if got := consistent(c.deals, &c.tal, c.pivotal); got != c.want {
			t.Errorf("%s: consistent = %v, want %v", c.name, got, c.want)
		}
	}
}

// bruteRuleZone enumerates every deal under sp's decision rule at reservations res: the
// zone, how often each option occurs in it, and per table voter the zone deals its vote is
// needed for (a veto actor's, every one of them).
func bruteRuleZone(sp *Space, res []float64) (zone uint64, perOption, pivotal []uint64) {
	sc := sp.sc
	ref := referenceRule(sp)
	perOption = make([]uint64, sp.off[sp.issues])
	pivotal = make([]uint64, sp.actors)
	eachDeal(sc, func(c []int) {
		if !ref.passes(c) {
			return
		}
		zone++
		for k, o := range c {
			perOption[sp.off[k]+o]++
		}
		votes := 0
		for _, a := range sp.rule.table {
			if sp.Accepts(a, c, res[a]) {
				votes += sc.Actors[a].Votes
			}
		}
		for _, a := range sp.rule.table {
			if sc.Actors[a].Veto || sp.Accepts(a, c, res[a]) && votes-sc.Actors[a].Votes < sc.Decision.VotesNeeded {
				pivotal[a]++
			}
		}
	})
	return zone, perOption, pivotal
}
