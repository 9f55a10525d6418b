package main

import (
	"strings"
	"testing"

	"github.com/negsim/negsim/sim"
)

// A count of one takes the singular: "1 vote", "1 round", "1 draw", "a red line". The
// security council's decision asks for 9 votes; --set lowers it to 1, the smallest the
// rule takes. The reference scenario's deadline is lowered to 1 round, so its events at
// rounds 1 and 2 fall after it.
func TestOneIsCountedInTheSingular(t *testing.T) {
	one := []string{"teaching-security-council", "--set", "decision.votes_needed=1"}
	out, _, _ := runNegsim(t, append([]string{"brief"}, one...)...)
	wantContains(t, "brief", out, "holding at least 1 vote between them")
	out, _, _ = runNegsimInput(t, "quit\n", append([]string{"play", "--as", "us"}, one...)...)
	wantContains(t, "play", out, "every party with a veto accepts and that wins 1 vote, or break down")
	deals := writeTemp(t, "class.csv", "table,response\nt1,\n")
	out, _, _ = runNegsim(t, append([]string{"debrief", "--deals", deals}, one...)...)
	wantContains(t, "debrief", out, "the deals every veto actor accepts that gather at least 1 vote at the table")

	out, errs, _ := runNegsim(t, "rounds", "--set", "protocol.rounds=1")
	wantContains(t, "rounds", out, "Deadline: 1 round (0 to 0).")
	wantContains(t, "rounds' warning", errs, "falls after the deadline of 1 round and never happens")
	out, _, _ = runNegsim(t, "montecarlo", "--draws", "1")
	wantContains(t, "montecarlo", out, ": Monte Carlo, 1 draw, seed 1\n")

	// A deal every veto actor accepts that one vote short of the one needed.
	sc := &sim.Scenario{Decision: sim.Decision{VotesNeeded: 1}}
	votes := 0
	if got := shortOfRules(sc, &sim.Score{Votes: &votes}); len(got) != 1 || got[0] != "it gathers only 0 of the 1 vote needed" {
		t.Errorf("one vote needed, none gathered: %q", got)
	}
}

// Russia's red lines under sanctions-bite (brief --actor russia) leave out language =
// minority-rights and NATO = open; the deal keeps every other one: first one red line
// crossed, then two.
func TestSignedAcrossOneRedLine(t *testing.T) {
	const rest = "territory=freeze,recognition=de-facto,guarantees=russia-role,military-limits=cap,foreign-troops=none,sanctions=full-relief,assets=shared-fund,sequencing=deal-first,eu-path=membership-path,interim=energy-and-ports"
	out, _, _ := runNegsim(t, "score", "--variant", "sanctions-bite", "--deal", "language=minority-rights,nato=not-now,"+rest)
	wantContains(t, "one red line", out, "Russia signed it across a red line (see why not)")
	out, _, _ = runNegsim(t, "score", "--variant", "sanctions-bite", "--deal", "language=minority-rights,nato=open,"+rest)
	wantContains(t, "two red lines", out, "Russia signed it across 2 of its red lines (see why not)")
}

// A deals row of one cell, a table name alone, is one cell; the nearest threshold alone,
// with --limit 1, is "the nearest"; Home's parliament (teaching-tied-hands.yaml) holding
// the one vote its ratification asks for with votes_needed 1 holds "the vote".
func TestOneIsCountedInTheSingularInFilesAndLimits(t *testing.T) {
	deals := writeTemp(t, "class.csv", "table,a,b\nt1\n")
	wantRefused(t, "class.csv:2: 1 cell, but the header has 3 columns", "score", "testdata/two-by-two.yaml", "--deal-file", deals)
	out := runOK(t, "sensitivity", "teaching-red-line", "--limit", "1")
	wantContains(t, "sensitivity --limit 1", out, "The nearest of the values with a threshold in range; --limit 0 lists all ")
	out = runOK(t, "params", "teaching-tied-hands", "--set", "actors.home.ratification.votes_needed=1")
	wantContains(t, "params", out, "those listed must hold the vote actors.home.ratification.votes_needed asks")
}

// Home's parliament in teaching-tied-hands.yaml holds one vote (it gives no votes, and an
// actor holds 1 by default): the analysis's column says "1 of 1 vote". Lowering the town
// budget's right to 0.45 opens its empty zone with 1 deal (sensitivity's first row for
// teaching-red-line): "A: 0 deals; B: 1 deal. 1 enters".
func TestOneIsCountedInTheSingularInTables(t *testing.T) {
	out := runOK(t, "analyze", "teaching-tied-hands")
	if !strings.Contains(out, " 1 of 1 vote ") || strings.Contains(out, "of 1 votes") {
		t.Errorf("analyze counts one ratifier's vote in the plural:\n%s", out)
	}
	out = runOK(t, "compare", "teaching-red-line", "teaching-red-line", "--set", "actors.right.reservation=0.45")
	wantContains(t, "compare", out, "A: 0 deals; B: 1 deal. 1 enters and 0 leave the ZOPA.")
}
