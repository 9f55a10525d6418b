package sim

import (
	"math/rand/v2"
	"testing"
)

// TestStandingAgreesWithEveryVote checks each table actor's standing against the decision
// rule itself (MODEL.md section 6: a deal passes when every veto actor accepts it and those
// that accept hold at least votes_needed votes), walking every set of the other actors that
// could say yes, on random tables of two to six actors:
//   - scored, never_decides: the actor's yes changes no outcome;
//   - indispensable: no set without the actor passes, and every actor together passes;
//   - with_others: some set without the actor passes.
func TestStandingAgreesWithEveryVote(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 11))
	seen := map[StandingKind]int{}
	for trial := 0; trial < 3000; trial++ {
		n := 2 + r.IntN(5)
		sc := &Scenario{}
		total := 0
		for i := 0; i < n; i++ {
			a := Actor{ID: string(rune('a' + i)), Veto: r.IntN(3) == 0, Votes: r.IntN(4)}
			total += a.Votes
			sc.Actors = append(sc.Actors, a)
		}
		if r.IntN(4) > 0 {
			sc.Decision.VotesNeeded = r.IntN(total + 1)
		}
		pass := func(yes uint) bool {
			votes := 0
			for k := range sc.Actors {
				if yes&(1<<k) == 0 {
					if sc.Actors[k].Veto {
						return false
					}
					continue
				}
				votes += sc.Actors[k].Votes
			}
			return votes >= sc.Decision.VotesNeeded
		}
		for i := range sc.Actors {
			st := sc.StandingOf(sc.Actors[i].ID)
			seen[st.Kind]++
			me := uint(1) << i
			anyWithout, decides := false, false
			for yes := uint(0); yes < 1<<n; yes++ {
				if yes&me != 0 {
					continue
				}
				anyWithout = anyWithout || pass(yes)
				decides = decides || pass(yes) != pass(yes|me)
			}
			switch st.Kind {
			case StandingVeto:
				if !sc.Actors[i].Veto {
					t.Fatalf("trial %d: %+v: actor %d has no veto but stands as one", trial, sc.Actors, i)
				}
			case StandingScored, StandingNeverDecides:
				if decides {
					t.Fatalf("trial %d: %+v, %d needed: actor %d stands %s but its yes decides some vote", trial, sc.Actors, sc.Decision.VotesNeeded, i, st.Kind)
				}
			case StandingIndispensable:
				if anyWithout || !pass(1<<n-1) {
					t.Fatalf("trial %d: %+v, %d needed: actor %d stands indispensable but a vote passes without it (%v) or none passes (%v)", trial, sc.Actors, sc.Decision.VotesNeeded, i, anyWithout, !pass(1<<n-1))
				}
			case StandingWithOthers:
				if !anyWithout {
					t.Fatalf("trial %d: %+v, %d needed: actor %d stands with others but no vote passes without it", trial, sc.Actors, sc.Decision.VotesNeeded, i)
				}
			default:
				t.Fatalf("trial %d: actor %d stands %q", trial, i, st.Kind)
			}
		}
	}
	for _, k := range []StandingKind{StandingVeto, StandingScored, StandingIndispensable, StandingNeverDecides, StandingWithOthers} {
		if seen[k] == 0 {
			t.Errorf("no random table gave a %s standing: the walk checks nothing of it", k)
		}
	}
}

// TestStandingOfRatifiers: two ratifiers of 60 and 40 votes for a, which needs 70; a third
// actor's ratification leaves votes_needed out, asking all of its one ratifier's 3 votes.
func TestStandingOfRatifiers(t *testing.T) {
	sc := &Scenario{Actors: []Actor{
		{ID: "a", Veto: true, Votes: 1, Ratification: Ratification{By: []string{"p", "q"}, VotesNeeded: 70}},
		{ID: "b", Veto: true, Votes: 1, Ratification: Ratification{By: []string{"r"}}},
		{ID: "p", Votes: 60}, {ID: "q", Votes: 40}, {ID: "r", Votes: 3},
	}}
	for id, want := range map[string]Standing{
		"p": {Kind: StandingRatifier, RatifiesFor: "a", Votes: 60, VotesNeeded: 70, OtherVotes: 40},
		"q": {Kind: StandingRatifier, RatifiesFor: "a", Votes: 40, VotesNeeded: 70, OtherVotes: 60},
		"r": {Kind: StandingRatifier, RatifiesFor: "b", Votes: 3, VotesNeeded: 3, OtherVotes: 0},
		// Ratifiers' votes count at home only: each veto actor sees the other's one vote.
		"a": {Kind: StandingVeto, Votes: 1, OtherVotes: 1, VetoVotes: 2},
	} {
		if got := sc.StandingOf(id); got != want {
			t.Errorf("StandingOf(%s) = %+v, want %+v", id, got, want)
		}
	}
}
