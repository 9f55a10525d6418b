package main

import (
	"strings"
	"testing"
)

// In alternating talks only the veto actors take turns (README, Bargaining rounds: "the
// veto actors propose in turn"). Playing the accord's island states, who hold no veto, the
// session promised "you propose on your turn", and then the EU and China proposed in every
// round (0, 2, 4, 6 the EU; 1, 3, 5, 7 China) and the seat never had one.
func TestPlayTellsASeatWithoutAVetoItHasNoTurn(t *testing.T) {
	out, _, _ := runNegsimInput(t, "quit\n", "play", accordFile, "--as", "islands")
	want := "Alternating offers: the parties with a veto propose in turn, in the file's order; you hold none, so you have no turn, but you may answer any proposal with a counter offer."
	if !strings.Contains(out, want) || strings.Contains(out, "you propose on your turn") {
		t.Errorf("play --as islands does not say it has no turn:\n%s", out)
	}
	// China, a veto actor, keeps its turn.
	if out, _, _ := runNegsimInput(t, "quit\n", "play", accordFile, "--as", "china"); !strings.Contains(out, "you propose on your turn") {
		t.Errorf("play --as china lost its turn:\n%s", out)
	}
}

// Needing all 4 table votes, the accord's island states cannot be left out: the others
// hold 1 + 1 + 1 = 3. The session said "the others can settle without you".
func TestPlayTellsAPivotalVoterThereIsNoDealWithoutIt(t *testing.T) {
	out, _, _ := runNegsimInput(t, "quit\n", "play", accordFile, "--as", "islands", "--set", "decision.votes_needed=4")
	want := "You hold no veto, but the others hold 3 votes between them, fewer than the 4 a deal needs: there is no deal without your vote."
	if !strings.Contains(out, want) || strings.Contains(out, "can settle without you") {
		t.Errorf("play --as islands, 4 votes needed, lacks %q:\n%s", want, out)
	}
}

// A proposer may put forward a deal below its own aspiration (MODEL.md): in the job offer,
// the employer's best deal within both red lines (the candidate refuses the low band) is
// mid, office, now, worth .2·.5 + .3 + .5 = .9 to it, while its linear aspiration in round
// 1 is 1 − .5·1/9 = .944. The turn says the proposer has not yet accepted it; the round's
// answers after the candidate's reject said "rejected by you and Employer", telling the
// student that the employer rejected its own offer. They say it in the turn's words.
func TestPlayProposerBelowItsAspirationIsNotSaidToRejectItsOffer(t *testing.T) {
	out, _, _ := runNegsimInput(t, "offer salary=high,remote=remote,start=three-months\nreject\nquit\n", "play", "teaching-two-party", "--as", "candidate")
	turn := "Not yet accepted by the proposer, Employer: the proposal gives less than the proposer's aspiration."
	answers := "Round 1, the proposal by Employer: accepted by no one; rejected by you; not accepted by the proposer, Employer: the proposal gives less than the proposer's aspiration. No agreement."
	wantContains(t, "play", out, turn, answers)
	if strings.Contains(out, "rejected by you and Employer") {
		t.Errorf("the employer is said to reject its own offer:\n%s", out)
	}
}

// Mediated talks with no mediator named have a neutral one, which is no actor: the job offer
// so played began its turns with an empty name (" puts this on the table") and told of
// "each round A neutral mediator". The neutral mediator tables the Nash deal, high, hybrid,
// now, worth .5 + .3·.5 + 0 = .65 to the candidate; the employer, asking 1 in round 0,
// rejects it, and the mediator tables it again in round 1.
func TestPlayNamesANeutralMediator(t *testing.T) {
	out, _, _ := runNegsimInput(t, "reject\nquit\n", "play", "teaching-two-party", "--as", "candidate", "--set", "protocol.kind=mediated")
	wantContains(t, "play", out,
		"Mediated talks: each round a neutral mediator puts one text on the table; you accept or reject it.",
		"== Round 0 (the last is round 9) ==\nThe mediator puts this on the table (* changed since the last proposal):\n",
		"Worth 65.0 points to you.",
		"== Round 1 (the last is round 9) ==\nThe mediator puts the same deal on the table again.\n")
}

// Votes enough without agreement name the vetoes that stopped it. In the Security Council
// the United States proposes sanctions in round 0, which the three Western permanent
// members and elected members 1–8 accept: 3 + 8 = 11 votes (teaching-security-council.yaml),
// 10 once elected member 1, the seat, rejects, above the 9 needed; Russia and China, who
// hold a veto, accept only the statement. The round's answers read "10 votes of the 9
// needed. No agreement." and left the student to find the vetoes in the list.
func TestPlayNamesTheVetoesThatStopAVotedDeal(t *testing.T) {
	out, _, _ := runNegsimInput(t, "reject\nquit\n", "play", "teaching-security-council", "--as", "elected-1")
	wantContains(t, "play", out, "; rejected by Russia, China, you, Elected member 9 and Elected member 10. 10 votes of the 9 needed. No agreement: Russia and China hold a veto and did not accept it.\n")
	// Russia at the seat: it and China, the two vetoes, against 11 votes.
	out, _, _ = runNegsimInput(t, "reject\nquit\n", "play", "teaching-security-council", "--as", "russia")
	wantContains(t, "play", out, "11 votes of the 9 needed. No agreement: you and China hold a veto and did not accept it.\n")
}

// Before it answers, a seat under a quota reads the others' votes for the proposal and what
// its own makes of them. In the Harborco quota (teaching-harborco-quota.yaml, worked in its
// comments) the union sees Harborco's small/none in round 0, which only Harborco and the
// federal agency accept: 2 of the 5 votes, 3 with the union's. In round 9 small/full wins
// Harborco, the other ports, the governor and the federal agency: 4, and the union's yes
// makes the 5 needed. The turn listed the names alone, and a student had to count them to
// see that its vote was the one missing.
func TestPlaySaysWhatTheSeatsVoteMakes(t *testing.T) {
	out, _, code := runNegsimInput(t, strings.Repeat("reject\n", 9)+"accept\n", "play", "teaching-harborco-quota", "--as", "union")
	if code != exitOK {
		t.Fatalf("negsim play: exit %d:\n%s", code, out)
	}
	round9 := out[strings.Index(out, "== Round 9 "):]
	wantContains(t, "play, round 0", out, "Accepted so far by: Harborco (developer) and Federal agency. Rejected by: Environmental coalition, Other ports and Governor.\nSo far 2 votes of the 5 needed; with yours, 3.\n")
	wantContains(t, "play, round 9", round9, "Accepted so far by: Harborco (developer), Other ports, Governor and Federal agency. Rejected by: Environmental coalition.\nSo far 4 votes of the 5 needed; with yours, 5.\n")
	// Without a decision rule (the reference scenario asks ratification alone) there are no
	// votes at the table to count.
	out, _, code = runNegsimInput(t, "reject\nquit\n", "play", "--variant", "sanctions-bite", "--as", "ukraine")
	if code != exitOK || !strings.Contains(out, "Accepted so far by:") || strings.Contains(out, "So far") {
		t.Errorf("play without a decision rule counts votes:\n%s", out)
	}
}

// A proposer that does not accept its own text is told why as it is, never blamed on an
// aspiration the text meets. Play said "the proposal gives less than the proposer's
// aspiration" in both cases below.
//
// Ratified at home: the fish stock (teaching-tied-hands.yaml) with Home's parliament
// wanting the even split q3 at 0.9 (its ideal; utility 1 − |k − 3|/3) ratifies q3 alone.
// In round 0 Home aspires to 1, which q6 alone gives it (k/6); q6 is worth 0 to the
// parliament, so Home tables q6 at its aspiration and cannot accept it.
//
// Its own red lines: a mediator's text keeps the veto actors' red lines only (MODEL.md
// section 4). In the telephone game the mediator, an actor without a veto, values every
// district at 1; given a red line of five or six districts, its round-0 text d3 (each side
// 0.5 short of an aspiration of 1, the closest deal) crosses it. East takes the seat.
func TestPlaySaysWhyAProposerHoldsOut(t *testing.T) {
	for _, c := range []struct {
		args []string
		want []string
	}{
		{[]string{"teaching-tied-hands", "--as", "away", "--set", "actors.parliament.preferences.quota.ideal=q3", "--set", "actors.parliament.reservation=0.9"}, []string{
			"Not yet accepted by the proposer, Home government: its deals must be ratified at home, and this one would not be.\n",
			"Round 0, the proposal by Home government: accepted by no one; rejected by you; at home, no from Home's parliament; not accepted by the proposer, Home government: its deals must be ratified at home, and this one would not be. No agreement: it would not be ratified at home for Home government.\n"}},
		{[]string{"teaching-telephone-game", "--as", "east", "--set", "actors.mediator.preferences.districts.acceptable=[d5,d6]"}, []string{
			"  * districts  d3 (Three)\n",
			"Not yet accepted by the proposer, Mediator: the proposal crosses the proposer's own red lines.\n",
			"Round 0, the proposal by Mediator: accepted by no one; rejected by you and West; not accepted by the proposer, Mediator: the proposal crosses the proposer's own red lines. No agreement.\n"}},
	} {
		what := "negsim play " + strings.Join(c.args, " ")
		out, _, code := runNegsimInput(t, "reject\nquit\n", append([]string{"play"}, c.args...)...)
		if code != exitOK {
			t.Fatalf("%s: exit %d:\n%s", what, code, out)
		}
		wantContains(t, what, out, c.want...)
		if strings.Contains(out, "less than the proposer's aspiration") {
			t.Errorf("%s blames the proposer's aspiration, which its text meets:\n%s", what, out)
		}
	}
}

// With no veto at all the parties are every actor with a vote (MODEL.md section 6), and
// they take the turns: in the Harborco quota with Harborco's veto dropped, the union, third
// in the file, proposes in round 2. Play told it "you hold none, so you have no turn" and
// that the talks end at a deal "every party with a veto accepts".
func TestPlayWithoutAVetoGivesTheVotersTheirTurns(t *testing.T) {
	out, _, code := runNegsimInput(t, "reject\nreject\nquit\n", "play", "teaching-harborco-quota", "--as", "union", "--set", "actors.harborco.veto=false")
	if code != exitOK {
		t.Fatalf("negsim play: exit %d:\n%s", code, out)
	}
	wantContains(t, "play", out,
		"Alternating offers: no party holds a veto, so the parties with a vote propose in turn, in the file's order; you propose on your turn and may answer any proposal with a counter offer.\n",
		"The talks end at the first deal that wins 5 votes, or break down after round 9",
		"== Round 2 (the last is round 9) ==\nYour turn to propose:")
	for _, wrong := range []string{"you have no turn", "every party with a veto accepts"} {
		if strings.Contains(out, wrong) {
			t.Errorf("play without a veto actor says %q:\n%s", wrong, out)
		}
	}
}
