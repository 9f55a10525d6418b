package main

import (
	"strings"
	"testing"

	"github.com/negsim/negsim/sim"
)

// A ratifier's brief says what a deal needs at home, as the brief of the party it ratifies
// for does ("it needs 150 of their 200 votes"). It read only "with your 100 votes", so the
// Rada could not tell whether its votes decide anything. scenarios/ukraine-2026.yaml: the
// Rada holds 100 votes, the voters opposed to ceding land 55 and those open to a compromise
// 45, 100 + 55 + 45 = 200, and Ukraine's deal needs 150. Without the Rada the others hold
// 55 + 45 = 100 < 150, so no deal passes without it; without the voters opposed, 100 + 45 =
// 145 < 150, the same; without the voters open, 100 + 55 = 155 ≥ 150, so a deal can pass
// without them. Russia's hardliners are Russia's only ratifier, with the default 1 vote, and
// Russia's ratification names no threshold, so it needs all 1 of them: their vote.
// Before the change the Rada's brief read "on any deal Ukraine signs, with your 100 votes.
// Vote for a deal ..." and the hardliners' "with your 1 vote", and their JSON carried no
// votes_needed or votes: every case below failed.
func TestRatifierBriefSaysTheVotesItsDealNeeds(t *testing.T) {
	for _, tc := range []struct{ actor, want string }{
		{"rada", "You do not sit at the table: you vote at home on any deal Ukraine signs, with your 100 votes, and it needs 150 of the 200 votes that you and Ukraine's other ratifiers hold: it cannot pass without yours. Vote for a deal only if"},
		{"ukraine-opposed", "on any deal Ukraine signs, with your 55 votes, and it needs 150 of the 200 votes that you and Ukraine's other ratifiers hold: it cannot pass without yours. Vote for"},
		{"ukraine-open", "on any deal Ukraine signs, with your 45 votes, and it needs 150 of the 200 votes that you and Ukraine's other ratifiers hold. Vote for"},
		{"russian-hardliners", "You do not sit at the table: you vote at home on any deal Russia signs, and it needs your vote. Vote for"},
	} {
		out := runOK(t, "brief", "ukraine-2026", "--actor", tc.actor)
		if got := strings.Join(strings.Fields(out), " "); !strings.Contains(got, tc.want) {
			t.Errorf("brief --actor %s does not say %q:\n%s", tc.actor, tc.want, out)
		}
	}
	b := decodeJSON[sim.Brief](t, "brief --actor rada", runOK(t, "brief", "ukraine-2026", "--actor", "rada", "--format", "json"))
	want := sim.RoleRatification{RatifiesFor: "ukraine", OwnVotes: 100, VotesNeeded: 150, Votes: 200}
	if rr := b.Role.Ratification; rr == nil || rr.RatifiesFor != want.RatifiesFor || rr.OwnVotes != want.OwnVotes ||
		rr.VotesNeeded != want.VotesNeeded || rr.Votes != want.Votes || len(rr.By) != 0 || rr.Note != "" {
		t.Errorf("the Rada's ratification in JSON is %+v, want %+v (no list of the others, no note of Ukraine's)", rr, want)
	}
}

// The cases no shipped ratifier shows, by hand: one ratifier with 5 votes of which 3 are
// needed, or all 5; a ratifier with 2 of 3 votes when all 3 are needed (the other's 1 falls
// short: it cannot pass without these 2); and a ratifier without votes.
func TestRatifierVotesByHand(t *testing.T) {
	wd := words{&sim.Scenario{Actors: []sim.Actor{{ID: "home", Name: "Home"}}}}
	for _, tc := range []struct {
		own, needed, votes int
		want               string
	}{
		{5, 3, 5, "and it needs 3 of your 5 votes"},
		{5, 5, 5, "and it needs all 5 of your votes"},
		{2, 3, 3, "with your 2 votes, and it needs all 3 votes that you and Home's other ratifiers hold: it cannot pass without yours"},
		{1, 2, 3, "with your 1 vote, and it needs 2 of the 3 votes that you and Home's other ratifiers hold"},
		{0, 2, 2, "but you hold no votes: it is ratified or not without yours"},
	} {
		rr := &sim.RoleRatification{RatifiesFor: "home", OwnVotes: tc.own, VotesNeeded: tc.needed, Votes: tc.votes}
		if got := ratifierVotes(wd, rr); got != tc.want {
			t.Errorf("%d own of %d, %d needed: %q, want %q", tc.own, tc.votes, tc.needed, got, tc.want)
		}
	}
}
