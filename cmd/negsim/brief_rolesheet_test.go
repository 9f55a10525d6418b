package main

import (
	"os"
	"path/filepath"
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

// A role's points table keeps the issues that count for it and names the others in one
// sentence. The Rada weighs recognition 40, nato 30 and military-limits 30 (shares 40%, 30%,
// 30%) and no other of the 12 issues, whose options number 4+3+4+3+3+3+4+3+3+3+3+3 = 39:
// its table had 39 rows, the 30 of the 9 issues it does not weigh all 0.0. Now it holds 3
// issues of 3 options each, 9 rows under the header and its rule, and the other 9 are named
// in file order. The JSON still lists all 12, 9 of them at share 0. Before the change the
// markdown table had 41 lines and no such sentence, and Z's table listed b.
func TestRoleBriefNamesTheIssuesItGivesNoWeight(t *testing.T) {
	out := runOK(t, "brief", "ukraine-2026", "--actor", "rada", "--format", "markdown")
	want := "You give no weight to territory (Territory in the east), guarantees (Security guarantees for Ukraine), foreign-troops (Western troops in Ukraine after the war), sanctions (Sanctions on Russia), assets (Frozen Russian assets and reconstruction), sequencing (Sequencing of ceasefire, guarantees and settlement), eu-path (Ukraine's EU path), language (Language and culture) and interim (Interim measures): each of their options is worth 0 points to you."
	wantContains(t, "the Rada's brief", out, want)
	section := out[strings.Index(out, "## What matters to you"):strings.Index(out, "## Your red lines")]
	rows := 0
	for _, line := range strings.Split(section, "\n") {
		if strings.HasPrefix(line, "|") {
			rows++
		}
	}
	if rows != 2+9 {
		t.Errorf("the Rada's points table has %d lines, want 11 (header, rule, 3 issues × 3 options):\n%s", rows, section)
	}
	b := decodeJSON[sim.Brief](t, "brief --actor rada", runOK(t, "brief", "ukraine-2026", "--actor", "rada", "--format", "json"))
	zero := 0
	for _, ri := range b.Role.Issues {
		if ri.Share == 0 {
			zero++
		}
	}
	if len(b.Role.Issues) != 12 || zero != 9 {
		t.Errorf("the Rada's JSON lists %d issues, %d at share 0; want all 12, 9 at 0", len(b.Role.Issues), zero)
	}

	// Z of the two-by-two fixture weighs issue a alone: b, with its 2 options, is named.
	out = runOK(t, "brief", "testdata/two-by-two.yaml", "--actor", "z", "--format", "markdown")
	wantContains(t, "Z's brief", out, "You give no weight to b (Issue B): each of its options is worth 0 points to you.")
	if strings.Contains(out, "| b (Issue B)") {
		t.Errorf("Z's table still lists b:\n%s", out)
	}

	// A red line on an issue of no weight stays in the table, where its "never" is read:
	// Y gives b weight 0 and rules out b1.
	out = runOK(t, "brief", "testdata/two-by-two.yaml", "--actor", "y", "--format", "markdown",
		"--set", "actors.y.preferences.b.weight=0", "--set", "actors.y.preferences.b.acceptable=[b0]")
	if !strings.Contains(out, "| b (Issue B) |    0% | b0") || !strings.Contains(out, "| b1         |    0.0 | never") || strings.Contains(out, "no weight") {
		t.Errorf("Y's red line on b, an issue of no weight, left the table:\n%s", out)
	}
}

// An issue of no weight that a condition names stays in the table too: the condition reads
// "if a is a0, then c must be c0", and c's options are the ones to look up.
func TestRoleBriefKeepsAConditionsIssueInTheTable(t *testing.T) {
	file := filepath.Join(t.TempDir(), "cond.yaml")
	yaml := `name: Condition on an issue of no weight
issues:
  - {id: a, name: Issue A, options: [{id: a0}, {id: a1}]}
  - {id: c, name: Issue C, options: [{id: c0}, {id: c1}]}
  - {id: d, name: Issue D, options: [{id: d0}, {id: d1}]}
actors:
  - id: x
    name: X
    reservation: 0.2
    preferences:
      a: {weight: 1, utilities: {a0: 1, a1: 0}}
    constraints:
      - if: {a: [a0]}
        then: {c: [c0]}
  - id: y
    name: Y
    reservation: 0.2
    preferences:
      a: {weight: 1, utilities: {a0: 0, a1: 1}}
`
	if err := os.WriteFile(file, []byte(yaml), 0o600); err != nil {
		t.Fatal(err)
	}
	out := runOK(t, "brief", file, "--actor", "x", "--format", "markdown")
	wantContains(t, "x's brief", out, "| c (Issue C) |    0% | c0", "You give no weight to d (Issue D): each of its options is worth 0 points to you.")
}

// The notes quote the scenario file, which counts from 0 to 1 ("Reservation 0.5 is an
// assumption") where the sheet counts points ("Your walk-away value is 50.0 points"); one
// sentence before the first note maps the two, with the role's own reservation: the
// candidate's 0.5 × 100 = 50.0 points, the voters opposed to ceding land 0.48 × 100 = 48.0.
// Bill's has the sheet's precision, a thousandth beside points to a tenth.
// A role whose sheet quotes no note (Jack in Nash's barter, X of the fixture) reads none.
// Before the change no sheet said it.
func TestRoleBriefSaysHowTheNotesNumbersReadAsPoints(t *testing.T) {
	for _, tc := range []struct{ file, actor, res, pts string }{
		{"teaching-two-party", "candidate", "0.5", "50.0"},
		{"ukraine-2026", "ukraine-opposed", "0.48", "48.0"},
		// Bill's reservation in Nash's barter is 12/34 = 0.35294…, written 0.35294117647:
		// 35.3 points, and 0.353 to the thousandth (it read 0.352941 at first).
		{"teaching-nash-1950", "bill", "0.353", "35.3"},
	} {
		out := runOK(t, "brief", tc.file, "--actor", tc.actor, "--format", "markdown")
		gloss := "The notes on this sheet quote the scenario file, which writes what a deal is worth as a number between 0 and 1: points are that number × 100, so your walk-away value of " + tc.pts + " points is a reservation of " + tc.res + " there."
		i, note := strings.Index(out, gloss), strings.Index(out, "Note: ")
		if i < 0 || note < i {
			t.Errorf("%s's brief does not say %q before its first note:\n%s", tc.actor, gloss, out)
		}
	}
	for _, tc := range []struct{ file, actor string }{{"teaching-nash-1950", "jack"}, {"testdata/two-by-two.yaml", "x"}} {
		out := runOK(t, "brief", tc.file, "--actor", tc.actor, "--format", "markdown")
		if strings.Contains(out, "Note:") || strings.Contains(out, "[note:") || strings.Contains(out, "notes on this sheet") {
			t.Errorf("%s's brief quotes no note, yet speaks of notes:\n%s", tc.actor, out)
		}
	}
}
