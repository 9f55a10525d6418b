package sim

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"strings"
	"testing"
)

// randomDecided adds who-must-agree to a random scenario: votes on every actor, sometimes a
// decision rule (sometimes with no veto at all), sometimes ratifiers taken from the actors.
func randomDecided(rng *rand.Rand) *Scenario {
	sc := randomScenario(rng)
	for a := range sc.Actors {
		sc.Actors[a].Votes = rng.IntN(4)
	}
	// Some actors become ratifiers of another actor that ratifies for no one.
	ratifier := make([]bool, len(sc.Actors))
	for a := 1; a < len(sc.Actors); a++ {
		if rng.IntN(3) > 0 {
			continue
		}
		for _, b := range rng.Perm(len(sc.Actors)) {
			if b == a || ratifier[b] || len(sc.Actors[a].Ratification.By) > 0 {
				continue
			}
			sc.Actors[a].Veto = false
			ratifier[a] = true
			sc.Actors[b].Ratification.By = append(sc.Actors[b].Ratification.By, sc.Actors[a].ID)
			break
		}
	}
	for a := range sc.Actors {
		r := &sc.Actors[a].Ratification
		if len(r.By) > 0 && rng.IntN(2) == 0 {
			all := 0
			for _, id := range r.By {
				all += sc.Actors[sc.ActorIndex(id)].Votes
			}
			r.VotesNeeded = rng.IntN(all + 1)
		}
	}
	table := 0
	for a := range sc.Actors {
		if !ratifier[a] {
			table += sc.Actors[a].Votes
		}
	}
	if table > 0 && rng.IntN(3) > 0 {
		sc.Decision.VotesNeeded = 1 + rng.IntN(table)
		if rng.IntN(4) == 0 {
			for a := range sc.Actors {
				sc.Actors[a].Veto = false
			}
		}
	}
	return sc
}

// decidedReference reads MODEL.md sections 6 and 7 off the scenario itself: who sits at the
// table, who ratifies, who the parties are, and whether a deal passes.
type decidedReference struct {
	parties []int
	passes  func([]int) bool
	level1  func([]int) bool
	winSet  map[string]func([]int) bool
	vec     func([]int) []float64
}

func referenceRule(sp *Space) decidedReference {
	return referenceRuleAt(sp, sp.reservations())
}

// referenceRuleAt is referenceRule at the reservations res, one per actor.
func referenceRuleAt(sp *Space, res []float64) decidedReference {
	sc := sp.Scenario()
	isRatifier := map[int]bool{}
	for a := range sc.Actors {
		for _, id := range sc.Actors[a].Ratification.By {
			isRatifier[sc.ActorIndex(id)] = true
		}
	}
	var veto, voters []int
	for a := range sc.Actors {
		if isRatifier[a] {
			continue
		}
		if sc.Actors[a].Veto {
			veto = append(veto, a)
		}
		if sc.Actors[a].Votes > 0 {
			voters = append(voters, a)
		}
	}
	ref := decidedReference{parties: veto, winSet: map[string]func([]int) bool{}}
	if len(veto) == 0 {
		ref.parties = voters
	}
	accepts := func(a int, c []int) bool { return sp.Accepts(a, c, res[a]) }
	ratified := map[int]func([]int) bool{}
	for a := range sc.Actors {
		r := sc.Actors[a].Ratification
		if len(r.By) == 0 {
			continue
		}
		ratified[a] = func(c []int) bool {
			votes, all := 0, 0
			for _, id := range r.By {
				k := sc.ActorIndex(id)
				all += sc.Actors[k].Votes
				if accepts(k, c) {
					votes += sc.Actors[k].Votes
				}
			}
			need := r.VotesNeeded
			if need == 0 {
				need = all
			}
			return votes >= need
		}
		ref.winSet[sc.Actors[a].ID] = ratified[a]
	}
	ref.level1 = func(c []int) bool {
		votes := 0
		for _, a := range veto {
			if !accepts(a, c) {
				return false
			}
		}
		for _, a := range voters {
			if accepts(a, c) {
				votes += sc.Actors[a].Votes
			}
		}
		return votes >= sc.Decision.VotesNeeded
	}
	ref.passes = func(c []int) bool {
		if !ref.level1(c) {
			return false
		}
		for _, f := range ratified {
			if !f(c) {
				return false
			}
		}
		return true
	}
	ref.vec = func(c []int) []float64 {
		v := make([]float64, len(ref.parties))
		for j, a := range ref.parties {
			v[j] = sp.Utility(a, c)
			// A party that votes against a deal that passes counts with surplus 0.
			if !accepts(a, c) {
				v[j] = math.Min(v[j], res[a])
			}
		}
		return v
	}
	return ref
}

// countDeals counts the deals of the whole space a predicate admits.
func countDeals(sc *Scenario, ok func([]int) bool) uint64 {
	var n uint64
	eachDeal(sc, func(choice []int) {
		if ok(choice) {
			n++
		}
	})
	return n
}

func TestDecisionAgreesWithBruteForce(t *testing.T) {
	rng := rand.New(rand.NewPCG(16, 6))
	checked, nonEmpty, gated := 0, 0, 0
	for n := 0; n < 600; n++ {
		sc := randomDecided(rng)
		sp := compileDrawn(t, sc)
		if sp == nil {
			continue
		}
		ref := referenceRule(sp)
		want := solveReference(sp, ref.parties, ref.passes, ref.vec)
		an, err := Analyze(context.Background(), sp, Options{Limit: 1 << 20, Workers: 2})
		if err != nil {
			t.Fatal(err)
		}
		checked++
		if sp.rule != nil {
			gated++
		}
		if want.count > 0 {
			nonEmpty++
		}
		fail := drawFailure(t, n, sc)
		if c, err := sp.Count(context.Background(), sp.Reservations(), 1); err != nil || c != want.count {
			fail("Count %d (%v), brute force %d", c, err, want.count)
		}
		checkAgainst(an, want, fail)
		if uint64(len(an.ZOPA.Deals)) != want.count {
			fail("%d deals listed of %d", len(an.ZOPA.Deals), want.count)
		}
		for _, d := range an.ZOPA.Deals {
			if !ref.passes(d.Choice) {
				fail("listed deal %v does not pass", d.Choice)
			}
		}
		if an.ZOPA.LevelOneCount != nil {
			if w := countDeals(sc, ref.level1); *an.ZOPA.LevelOneCount != w {
				fail("level one %d, brute force %d", *an.ZOPA.LevelOneCount, w)
			}
		}
		for id, f := range ref.winSet {
			if w := countDeals(sc, f); an.Ratification[id] == nil || an.Ratification[id].WinSet != w {
				fail("win-set of %s: %+v, brute force %d", id, an.Ratification[id], w)
			}
		}
		if an.Decision != nil {
			checkPivotal(t, sp, an, ref, fail)
		}
	}
	t.Logf("%d scenarios, %d with a zone, %d with a rule", checked, nonEmpty, gated)
	if checked < 300 || nonEmpty < 50 || gated < 150 {
		t.Fatalf("only %d valid scenarios, %d with a zone, %d with a rule: the generator no longer exercises the engine", checked, nonEmpty, gated)
	}
}

// checkPivotal counts, deal by deal, the zone deals each table voter's vote is needed for.
func checkPivotal(t *testing.T, sp *Space, an *Analysis, ref decidedReference, fail func(string, ...any)) {
	t.Helper()
	sc := sp.Scenario()
	res := sp.reservations()
	for _, v := range an.Decision.Voters {
		a := sc.ActorIndex(v.Actor)
		want := countDeals(sc, func(c []int) bool {
			if !ref.passes(c) {
				return false
			}
			if sc.Actors[a].Veto {
				return true
			}
			if !sp.Accepts(a, c, res[a]) {
				return false
			}
			// Without a's vote: the same deal, a's votes taken away.
			votes := 0
			for _, b := range an.Decision.Voters {
				k := sc.ActorIndex(b.Actor)
				if k != a && sp.Accepts(k, c, res[k]) {
					votes += sc.Actors[k].Votes
				}
			}
			return votes < sc.Decision.VotesNeeded
		})
		if v.Pivotal != want {
			fail("%s pivotal for %d deals, brute force %d", v.Actor, v.Pivotal, want)
		}
	}
}

// randomBeliefs gives one or two actors a belief about another: a reservation, a weight or
// a red line.
func randomBeliefs(rng *rand.Rand, sc *Scenario) {
	if len(sc.Actors) < 2 {
		return
	}
	for n := 0; n < 1+rng.IntN(2); n++ {
		a := rng.IntN(len(sc.Actors))
		b := (a + 1 + rng.IntN(len(sc.Actors)-1)) % len(sc.Actors)
		other := &sc.Actors[b]
		var as Assignment
		switch pr := &other.Preferences[rng.IntN(len(other.Preferences))]; rng.IntN(3) {
		case 0:
			as = Assignment{Path: "actors." + other.ID + ".reservation", Value: float64(rng.IntN(9)) / 10}
		case 1:
			as = Assignment{Path: "actors." + other.ID + ".preferences." + pr.Issue + ".weight", Value: float64(1 + rng.IntN(4))}
		default:
			is := &sc.Issues[sc.IssueIndex(pr.Issue)]
			as = Assignment{Path: "actors." + other.ID + ".preferences." + pr.Issue + ".acceptable", Value: is.Options[rng.IntN(len(is.Options))].ID}
		}
		if !slices.ContainsFunc(sc.Actors[a].Beliefs.Set, func(x Assignment) bool { return x.Path == as.Path }) {
			sc.Actors[a].Beliefs.Set = append(sc.Actors[a].Beliefs.Set, as)
		}
	}
}

func TestBeliefsAgreeWithBruteForce(t *testing.T) {
	rng := rand.New(rand.NewPCG(16, 8))
	checked, differ := 0, 0
	for n := 0; n < 500; n++ {
		sc := randomDecided(rng)
		randomBeliefs(rng, sc)
		sp := compileDrawn(t, sc)
		if sp == nil {
			continue
		}
		an, err := Analyze(context.Background(), sp, Options{Workers: 1})
		if err != nil {
			t.Fatal(err)
		}
		truth := referenceRule(sp)
		fail := drawFailure(t, n, sc)
		for _, a := range sp.Believers() {
			checked++
			id := sc.Actors[a].ID
			psc, err := sc.Perceived(a)
			if err != nil {
				t.Fatal(err)
			}
			psp, err := Compile(psc)
			if err != nil {
				fail("perceived scenario of %s: %v", id, err)
			}
			seen := referenceRule(psp)
			want := solveReference(psp, seen.parties, seen.passes, seen.vec)
			hopes := countDeals(sc, func(c []int) bool { return seen.passes(c) && !truth.passes(c) })
			missed := countDeals(sc, func(c []int) bool { return !seen.passes(c) && truth.passes(c) })
			got := an.Beliefs[id]
			if got == nil || got.ZOPACount != want.count || got.FalseHopes != hopes || got.Missed != missed {
				fail("%s: %+v; brute force perceives %d, false hopes %d, missed %d", id, got, want.count, hopes, missed)
			}
			if hopes+missed > 0 {
				differ++
			}
			nash, ok := want.solution["nash"]
			switch {
			case !ok && got.Nash != nil:
				fail("%s: perceived Nash %v on an empty perceived zone", id, got.Nash.Choice)
			case ok && (got.Nash == nil || !slices.Equal(got.Nash.Choice, nash) || got.NashInTrueZOPA != truth.passes(nash)):
				fail("%s: perceived Nash %+v (in true zone %v); brute force %v (%v)", id, got.Nash, got.NashInTrueZOPA, nash, truth.passes(nash))
			}
		}
	}
	t.Logf("%d believers, %d of them wrong about the zone", checked, differ)
	if checked < 200 || differ < 50 {
		t.Fatalf("only %d believers, %d wrong about the zone: the generator no longer exercises beliefs", checked, differ)
	}
}

// withRatifier is a generated scenario with one more generated actor, without a veto, that
// must ratify every deal for the first: the shape of BenchmarkAnalyzeRatified, small enough
// to check deal by deal.
func withRatifier(spec GenerateSpec) *Scenario {
	sc := Generate(spec)
	spec.Actors++
	extra := Generate(spec).Actors[spec.Actors-1]
	extra.ID, extra.Name, extra.Veto = "ratifier", "Ratifier", false
	sc.Actors = append(sc.Actors, extra)
	sc.Actors[0].Ratification = Ratification{By: []string{"ratifier"}}
	return sc
}

// TestShortListingAgreesWithBruteForce checks the two cuts of the walk that finds a gated
// zone's frontier and best deals (searchZone) against a visit of every deal. The other
// brute-force tests list every deal, so the walk never holds a full listing and the Nash
// cut never fires there; here the listing is one to four deals long. The frontier cut fires
// in every zone where a deal found dominates the best completion of a subtree still ahead:
// random scenarios (utilities in quarters, so that many deals tie) and generated ones with
// a ratifier (thousands of deals, none tied).
func TestShortListingAgreesWithBruteForce(t *testing.T) {
	rng := rand.New(rand.NewPCG(16, 9))
	var scs []*Scenario
	for range 400 {
		scs = append(scs, randomDecided(rng))
	}
	for seed := range uint64(6) {
		scs = append(scs, withRatifier(GenerateSpec{Issues: 5, Options: 4, Actors: 3, Reservation: 0.4, Seed: seed}))
	}
	checked, cutByNash, ambiguous := 0, 0, 0
	for n, sc := range scs {
		if errs := sc.Validate().Errors(); len(errs) > 0 {
			continue
		}
		sp, err := Compile(sc)
		if err != nil {
			t.Fatal(err)
		}
		if sp.rule == nil {
			continue
		}
		limit := 1 + n%4
		an, err := Analyze(context.Background(), sp, Options{Limit: limit, Workers: 2})
		if err != nil {
			t.Fatal(err)
		}
		ref := referenceRule(sp)
		want := solveReference(sp, ref.parties, ref.passes, ref.vec)
		stop := drawFailure(t, n, sc)
		fail := func(format string, args ...any) {
			t.Helper()
			stop("limit %d: "+format, append([]any{limit}, args...)...)
		}
		checked++
		if want.count > uint64(limit) {
			cutByNash++
		}
		// The count, the frontier, the Pareto flags of the deals listed and the solutions.
		checkAgainst(an, want, fail)
		// The listing: the zone's deals by the parties' Nash product over their
		// reservations as printed, highest first, equal ones by position.
		res := sp.reservations()
		nash := func(c []int) float64 {
			p := 1.0
			for j, x := range ref.vec(c) {
				p *= math.Max(0, x-res[ref.parties[j]])
			}
			return p
		}
		best, ok := byPrintedProduct(want.zopa, nash)
		if !ok {
			ambiguous++
			continue
		}
		if len(an.ZOPA.Deals) != min(len(best), limit) {
			fail("%d deals listed, brute force %d", len(an.ZOPA.Deals), min(len(best), limit))
		}
		for i, d := range an.ZOPA.Deals {
			if !slices.Equal(d.Choice, best[i]) {
				fail("deal %d listed is %v (Nash %g), brute force %v (Nash %g)", i, d.Choice, nash(d.Choice), best[i], nash(best[i]))
			}
		}
	}
	t.Logf("%d scenarios under a rule, %d with more zone deals than listed, %d listings left unchecked as ambiguous", checked, cutByNash, ambiguous)
	if checked < 150 || cutByNash < 50 || ambiguous > checked/20 {
		t.Fatalf("only %d scenarios under a rule, %d with more deals than listed: the generator no longer exercises the cuts", checked, cutByNash)
	}
}

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

func analyzeJSON(t *testing.T, sc *Scenario) ([]byte, *Analysis) {
	t.Helper()
	sp, err := Compile(sc)
	if err != nil {
		t.Fatal(err)
	}
	an, err := Analyze(context.Background(), sp, Options{Limit: 10, Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	js, err := json.Marshal(an)
	if err != nil {
		t.Fatal(err)
	}
	return js, an
}

// votes_needed: 0 is the veto actors' unanimity, whatever the votes: the answer is the
// one of the scenario without a decision rule, to the byte, but for the warnings, which
// say of an actor at the table given more than one vote that its votes count for nothing
// here.
func TestVotesNeededZeroIsUnanimity(t *testing.T) {
	rng := rand.New(rand.NewPCG(16, 1))
	for n := 0; n < 200; n++ {
		sc := randomScenario(rng)
		if len(sc.Validate().Errors()) > 0 {
			continue
		}
		_, want := analyzeJSON(t, sc)
		alt := sc.Clone()
		alt.Decision = Decision{VotesNeeded: 0, Note: "unanimity of the vetoes"}
		for a := range alt.Actors {
			alt.Actors[a].Votes = rng.IntN(5)
		}
		_, got := analyzeJSON(t, alt)
		got.Warnings = slices.DeleteFunc(got.Warnings, func(d Diagnostic) bool { return strings.HasSuffix(d.Path, ".votes") })
		g, _ := json.Marshal(got)
		w, _ := json.Marshal(want)
		if string(g) != string(w) {
			t.Fatalf("scenario %d: votes_needed 0 changes the answer:\n%s\n%s", n, g, w)
		}
	}
}

// A ratifier more, whose votes are needed too, never lets a deal in; neither does a higher
// votes_needed.
func TestTighterRulesNeverGrowTheZone(t *testing.T) {
	rng := rand.New(rand.NewPCG(16, 2))
	tried := 0
	for n := 0; n < 300; n++ {
		sc := randomDecided(rng)
		if len(sc.Validate().Errors()) > 0 {
			continue
		}
		_, before := analyzeJSON(t, sc)

		// A new ratifier, a copy of a random actor, for an actor without ratifiers of its own
		// to give: one that ratifies for no one.
		isRatifier := map[string]bool{}
		for _, a := range sc.Actors {
			for _, id := range a.Ratification.By {
				isRatifier[id] = true
			}
		}
		more := sc.Clone()
		target := rng.IntN(len(more.Actors))
		if !isRatifier[more.Actors[target].ID] {
			r := more.Clone().Actors[rng.IntN(len(more.Actors))]
			r.ID, r.Name, r.Veto, r.Ratification, r.Beliefs = "new-ratifier", "New ratifier", false, Ratification{}, Beliefs{}
			r.Votes = 1 + rng.IntN(3)
			r.Reservation = float64(rng.IntN(9)) / 10
			more.Actors = append(more.Actors, r)
			rat := &more.Actors[target].Ratification
			rat.By = append(rat.By, r.ID)
			// Its votes are needed on top of what was (with votes_needed left out, every
			// ratifier's votes are needed already). Were the votes needed to stay as they
			// were, a new voter could make up a majority that was short.
			if rat.VotesNeeded > 0 {
				rat.VotesNeeded += r.Votes
			}
			if len(more.Validate().Errors()) == 0 {
				tried++
				if _, after := analyzeJSON(t, more); after.ZOPA.Count > before.ZOPA.Count {
					js, _ := json.Marshal(more)
					t.Fatalf("scenario %d: a ratifier more grows the zone from %d to %d\n%s", n, before.ZOPA.Count, after.ZOPA.Count, js)
				}
			}
		}
		if sc.Decision.VotesNeeded > 0 {
			higher := sc.Clone()
			higher.Decision.VotesNeeded++
			if len(higher.Validate().Errors()) == 0 {
				if _, after := analyzeJSON(t, higher); after.ZOPA.Count > before.ZOPA.Count {
					t.Fatalf("scenario %d: one vote more needed grows the zone from %d to %d", n, before.ZOPA.Count, after.ZOPA.Count)
				}
			}
		}
	}
	if tried < 100 {
		t.Fatalf("only %d ratifiers added", tried)
	}
}

// A belief that repeats the truth changes nothing: the believer perceives the true zone,
// hopes for nothing false, misses nothing, and sees the true Nash deal.
func TestTrueBeliefChangesNothing(t *testing.T) {
	rng := rand.New(rand.NewPCG(16, 3))
	checked := 0
	for n := 0; n < 300; n++ {
		sc := randomDecided(rng)
		if len(sc.Actors) < 2 || len(sc.Validate().Errors()) > 0 {
			continue
		}
		other := &sc.Actors[1]
		pr := other.Preferences[0]
		paths := []string{
			"actors." + other.ID + ".reservation",
			fmt.Sprintf("actors.%s.preferences.%s.weight", other.ID, pr.Issue),
			"actors." + other.ID + ".votes",
			"actors." + other.ID + ".veto",
		}
		for _, p := range paths {
			v, err := sc.Get(p)
			if err != nil {
				t.Fatal(err)
			}
			sc.Actors[0].Beliefs.Set = append(sc.Actors[0].Beliefs.Set, Assignment{Path: p, Value: v})
		}
		_, an := analyzeJSON(t, sc)
		got := an.Beliefs[sc.Actors[0].ID]
		if got == nil || got.ZOPACount != an.ZOPA.Count || got.FalseHopes != 0 || got.Missed != 0 {
			t.Fatalf("scenario %d: true beliefs give %+v; the zone holds %d", n, got, an.ZOPA.Count)
		}
		if (got.Nash == nil) != (an.Solutions.Nash == nil) || got.Nash != nil && !slices.Equal(got.Nash.Choice, an.Solutions.Nash.Choice) {
			t.Fatalf("scenario %d: perceived Nash %+v, true %+v", n, got.Nash, an.Solutions.Nash)
		}
		checked++
	}
	if checked < 150 {
		t.Fatalf("only %d scenarios checked", checked)
	}
}

// The zone's walk is split into jobs merged in job order: one core or several give the
// same bytes.
func TestDecidedAnswerDoesNotDependOnCores(t *testing.T) {
	rng := rand.New(rand.NewPCG(16, 4))
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	checked := 0
	for n := 0; n < 150; n++ {
		sc := randomDecided(rng)
		randomBeliefs(rng, sc)
		if len(sc.Validate().Errors()) > 0 {
			continue
		}
		var outs []string
		for _, procs := range []int{1, 3} {
			runtime.GOMAXPROCS(procs)
			js, _ := analyzeJSON(t, sc)
			outs = append(outs, string(js))
		}
		if outs[0] != outs[1] {
			t.Fatalf("scenario %d: one core and three give different answers", n)
		}
		checked++
	}
	if checked < 100 {
		t.Fatalf("only %d scenarios checked", checked)
	}
}
