package main

import (
	"strings"
	"testing"
)

// The bargaining solutions name a ratifier as one and mark an actor without a veto that
// would turn a solution down. Home's parliament ratifies for Home (teaching-tied-hands.yaml)
// and got "(no veto)", as if its yes counted for nothing; so did its rounds outcome row.
// Harborco's environmental coalition gets 0 from small/full, below its 0.5.
func TestSolutionsNameRatifiersAndRejections(t *testing.T) {
	wantContains(t, "analyze", runOK(t, "analyze", "teaching-tied-hands"), "│ utility: parliament (ratifies at home) │ 0.500 (+0.100) │")
	wantContains(t, "rounds", runOK(t, "rounds", "teaching-tied-hands"), "│ Home's parliament │   0.500 │       0.400 │  +0.100 │ yes (ratifies at home) │")
	wantContains(t, "analyze", runOK(t, "analyze", "teaching-harborco-quota"), "│ utility: environmentalists (no veto) │ 0.000 (-0.500) rejects │")
}

// An actor to which every option is worth the same is said to care about nothing: the
// telephone game's mediator values every district at 1 (teaching-telephone-game.yaml).
// explain said "What matters most to Mediator ...: Contested districts East keeps
// (100%)", and named d0 both its best deal and its worst.
func TestExplainSaysAnIndifferentActorCaresAboutNothing(t *testing.T) {
	out := runOK(t, "explain", "teaching-telephone-game", "--actor", "mediator")
	wantContains(t, "explain", out, "\nNothing matters to Mediator: every option of every issue is worth the same to it.\n", "\nEvery deal within the red lines is worth 1.000 to Mediator.\n")
	if strings.Contains(out, "Worst deal") || strings.Contains(out, "What matters most") {
		t.Errorf("explain still names a worst deal or what matters most:\n%s", out)
	}
}

// The round of agreement names the ratifiers' yes at home, as the rounds before it do:
// in the fishery as written, Away's even split q3 at round 5 is worth 0.5 to both
// governments and to the parliament, which ratifies it (0.5 ≥ 0.4).
func TestRoundOfAgreementSaysTheYesAtHome(t *testing.T) {
	wantContains(t, "rounds", runOK(t, "rounds", "teaching-tied-hands"), "│ quota=q3 │ away │ all veto actors: agreement; yes at home: parliament │")
}

// A seat without a veto whose votes count under a decision rule is told that leaving cost
// them: Harborco's union quits after rejecting round 0, and round 9's small fund and full
// guarantee, worth 100 points to it, fails on 4 votes of the 5 needed. play said "without a
// veto, you could not stop the others". The rounds after it left name it apart: it gave no
// answer, where they said "rejected by … you" as if it had. (The page says the same:
// play_page_test.go.)
func TestPlaySaysALeftSeatsVoteCountedAsNo(t *testing.T) {
	out, stderr, code := runNegsimInput(t, "reject\nquit\n", "play", "teaching-harborco-quota", "--as", "union")
	if code != exitOK {
		t.Fatal(stderr)
	}
	wantContains(t, "play", out, leftHarborcoUnionRound9+"\n", "You left the table in round 1; the others talked on without you, and your vote counted as no on every proposal after. No deal was agreed by the deadline (round 9)")
	for _, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(line, "Round ") && !strings.HasPrefix(line, "Round 0,") && !strings.HasPrefix(line, "Round 1,") && strings.Contains(line, "you") && !strings.Contains(line, "; you had left the table.") {
			t.Errorf("a round after the union left words it as answering: %q", line)
		}
	}
}

// leftHarborcoUnionRound9 is the last round of the union's session that quits after round
// 0: the small fund and full guarantee, 4 votes of the 5 needed without the union's.
const leftHarborcoUnionRound9 = "Round 9, the proposal by Harborco (developer): accepted by Harborco (developer), Other ports, Governor and Federal agency; rejected by Environmental coalition; you had left the table. 4 votes of the 5 needed. No agreement."

// A round's no-agreement names home as its reason only where the table agreed: Home
// rejects Away's q0 in round 1 of the fishery, which its parliament would not ratify
// either; the line blamed ratification ("it would not be ratified at home for you") for
// what the student's own no had decided.
func TestPlayBlamesHomeOnlyWhereTheTableAgreed(t *testing.T) {
	out, stderr, code := runNegsimInput(t, "offer quota=q5\nreject\n", "play", "teaching-tied-hands", "--as", "home")
	if code != exitOK {
		t.Fatal(stderr)
	}
	wantContains(t, "play", out, "Round 1, the proposal by Away government: accepted by Away government; rejected by you; at home, no from Home's parliament. No agreement.\n")
}

// A voter whose votes never decide is told so where it is told what they count for. With
// Harborco's decision asking for 1 vote, Harborco's own, which every deal needs as its
// veto, brings it: the union's vote can swing no deal. explain said "its vote never
// decides a deal", while the union's role sheet and play said only "Your acceptance counts
// for 1 vote (of the 1 a deal needs)". (The page's Play says it too: play_page_test.go.)
func TestAVoteThatNeverDecidesIsSaidSo(t *testing.T) {
	never := ", but the parties with a veto, whose yes every deal needs, hold 1 vote between them: your vote never decides a deal."
	sheet := runOK(t, "brief", "teaching-harborco-quota", "--set", "decision.votes_needed=1", "--actor", "union")
	wantContains(t, "the union's role sheet", strings.Join(strings.Fields(sheet), " "), "Your acceptance counts for 1 vote of the 1 a deal needs"+never)
	out, stderr, code := runNegsimInput(t, "quit\n", "play", "teaching-harborco-quota", "--set", "decision.votes_needed=1", "--as", "union")
	if code != exitOK {
		t.Fatal(stderr)
	}
	wantContains(t, "play", out, "\nYour acceptance counts for 1 vote"+never+"\n")
	// As shipped, 5 votes are needed and Harborco holds 1: the union's vote can decide.
	if out := runOK(t, "brief", "teaching-harborco-quota", "--actor", "union"); !strings.Contains(out, "Your acceptance counts for 1 vote of the 5 a deal needs.") {
		t.Errorf("as shipped the union's vote can decide, and its sheet should say only what it counts for:\n%s", out)
	}
}
