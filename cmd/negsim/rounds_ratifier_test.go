package main

import (
	"strings"
	"testing"
)

// A ratifier concedes nothing: it votes at home by its reservation of the round (the
// README's reading). The rounds table showed it an aspiration and a strategy (linear,
// e = 1) no one acts on, so a student saw the Parliament of the small accord "accept" a
// deal below its aspiration. By hand (sim/accord_test.go): its reservation is 0.65 in every
// round, and the proposals are medium small, medium large and deep large, worth 0.6, 0.6
// and 1.0 to it (0.6 for a medium target, 1 for deep).
func TestRoundsGiveARatifierNoAspiration(t *testing.T) {
	out := runOK(t, "rounds", accordTinyFile, "--wide")
	wantContains(t, "rounds", out,
		"│ European Parliament │ no   │ a vote at home, by the reservation │            │",
		"0.650 / – / 0.600",
		"0.650 / – / 1.000",
		"a ratifier has no aspiration (–): it votes by its reservation.",
	)
	// The actors at the table keep theirs: the EU's linear aspiration falls 1, 0.75, 0.5.
	if !strings.Contains(out, "0.500 / 0.750 / 0.300") {
		t.Errorf("the EU's aspiration of round 1 is gone:\n%s", out)
	}
}

// A ratifier holds no vote at the table: it votes at home. Under a table vote the rounds
// table wrote a ratifier among the actors that accept, before the count of table votes
// ("home, parliament (1 vote)"), and one accepting alone read "parliament (0 votes)". By
// hand, for the tied-hands example with decision.votes_needed=1: Home and Away hold one
// table vote each (the default), the parliament none. Round 0 proposes q6, worth 1 to Home
// (aspiration 1) and to the parliament (reservation 0.4), 0 to Away: Home accepts with its
// one vote and the parliament would ratify. Round 1 proposes q0, worth 0 to Home and the
// parliament: Away accepts alone, one vote.
func TestRoundsSayARatifierVotesAtHome(t *testing.T) {
	out := runOK(t, "rounds", "teaching-tied-hands", "--set", "decision.votes_needed=1", "--wide")
	wantContains(t, "rounds", out,
		"│ home (1 vote); yes at home: parliament ",
		"│ away (1 vote) ",
	)
	if strings.Contains(out, "parliament (0") || strings.Contains(out, "parliament (1") {
		t.Errorf("a ratifier is counted with the table's votes:\n%s", out)
	}
}
