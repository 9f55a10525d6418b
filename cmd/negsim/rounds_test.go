package main

import (
	"bytes"
	"encoding/csv"
	"html"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/negsim/negsim/internal/listtest"
	"github.com/negsim/negsim/internal/scenariotest"
	"github.com/negsim/negsim/scenarios"
	"github.com/negsim/negsim/sim"
)

func roundsJSON(t *testing.T, args ...string) (*sim.Transcript, string) {
	t.Helper()
	out := runOK(t, append([]string{"rounds", "--format", "json"}, args...)...)
	tr := decodeJSON[sim.Transcript](t, "rounds", out)
	return &tr, out
}

// TestRoundsDefaultScenario checks the shipped reference scenario for structure and
// invariants only: its numbers belong to the scenario file, which may change.
func TestRoundsDefaultScenario(t *testing.T) {
	tr, out := roundsJSON(t)
	raw := decodeJSON[map[string]any](t, "rounds", out)
	for _, key := range []string{"scenario", "protocol", "deadline", "seed", "actors", "ripe_at", "rounds", "outcome"} {
		if _, ok := raw[key]; !ok {
			t.Errorf("the JSON transcript has no %q", key)
		}
	}
	sc := scenariotest.Shipped(t, scenarios.Default, "").Scenario
	if len(tr.Rounds) == 0 || len(tr.Rounds) > tr.Deadline {
		t.Fatalf("%d rounds for a deadline of %d", len(tr.Rounds), tr.Deadline)
	}
	var prev map[string]string
	var ripeAt *int
	for i, rd := range tr.Rounds {
		if rd.Round != i || len(rd.Actors) != len(sc.Actors) {
			t.Fatalf("round %d numbered %d with %d actors", i, rd.Round, len(rd.Actors))
		}
		if rd.Ripe != (rd.ZOPA > 0) {
			t.Errorf("round %d: ripe %v with a ZOPA of %d", i, rd.Ripe, rd.ZOPA)
		}
		if rd.Ripe && ripeAt == nil {
			ripeAt = &rd.Round
		}
		if rd.Agreement != (i == len(tr.Rounds)-1 && tr.Outcome.Agreement) {
			t.Errorf("round %d: agreement %v, outcome %v", i, rd.Agreement, tr.Outcome.Agreement)
		}
		for _, ar := range rd.Actors {
			if ar.Aspiration < ar.Reservation-sim.Tolerance || ar.Aspiration > ar.Best+sim.Tolerance {
				t.Errorf("round %d: %s aspires to %g outside [%g, %g]", i, ar.Actor, ar.Aspiration, ar.Reservation, ar.Best)
			}
			if ar.Accepts && *ar.Utility < ar.Aspiration-sim.Tolerance {
				t.Errorf("round %d: %s accepts %g below its aspiration %g", i, ar.Actor, *ar.Utility, ar.Aspiration)
			}
		}
		p := rd.Proposal
		if p == nil {
			continue
		}
		var changed []string
		for _, is := range sc.Issues {
			if p.Options[is.ID] == "" {
				t.Errorf("round %d: the proposal settles no option for %s", i, is.ID)
			}
			if prev == nil || prev[is.ID] != p.Options[is.ID] {
				changed = append(changed, is.ID)
			}
		}
		if !slices.Equal(changed, p.Changed) {
			t.Errorf("round %d: changed %v, but the deal differs from the last on %v", i, p.Changed, changed)
		}
		prev = p.Options
	}
	if (ripeAt == nil) != (tr.RipeAt == nil) || (ripeAt != nil && *ripeAt != *tr.RipeAt) {
		t.Errorf("ripe_at %v, first ripe round %v", tr.RipeAt, ripeAt)
	}
	if tr.Outcome.Agreement {
		d := tr.Outcome.Deal
		last := tr.Rounds[len(tr.Rounds)-1]
		if !maps(d.Options, last.Proposal.Options) || tr.Outcome.Round != last.Round {
			t.Errorf("agreement %v at round %d, last proposal %v at round %d", d.Options, tr.Outcome.Round, last.Proposal.Options, last.Round)
		}
		for _, ac := range tr.Actors {
			if ac.Veto && d.Surplus[ac.ID] < -sim.Tolerance {
				t.Errorf("%s agreed below its reservation: surplus %g", ac.ID, d.Surplus[ac.ID])
			}
		}
		if tr.Outcome.ClosestSolution == "" {
			t.Error("an agreement names no closest solution")
		}
	} else if len(tr.Rounds) != tr.Deadline {
		t.Errorf("breakdown after %d rounds, deadline %d", len(tr.Rounds), tr.Deadline)
	}
}

func maps(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

func TestRoundsMarketFile(t *testing.T) {
	file := filepath.Join("testdata", "rounds-market.yaml")
	// Buyer r = 0.5 accepts p0 … p5. Seller r: 0.7, 0.6, 0.5, 0.4 by drift, then the event
	// at round 4 adds 0.3 to 0.4 − 0.1 = 0.3, giving 0.6, and 0.5 at round 5. The seller
	// accepts p_k with k ≥ 10·r: ZOPA sizes 0, 0, 1 (p5), 2 (p4, p5), 0, 1.
	tr, _ := roundsJSON(t, file)
	sizes := listtest.Map(tr.Rounds, func(rd sim.Round) uint64 { return rd.ZOPA })
	if !slices.Equal(sizes, []uint64{0, 0, 1, 2, 0, 1}) {
		t.Errorf("ZOPA sizes %v, want [0 0 1 2 0 1]", sizes)
	}
	if tr.RipeAt == nil || *tr.RipeAt != 2 {
		t.Errorf("ripe at %v, want 2", tr.RipeAt)
	}
	if tr.Protocol != sim.ProtocolAlternating {
		t.Errorf("protocol %s; without a mediator the default is alternating", tr.Protocol)
	}

	out := runOK(t, "rounds", file)
	wantContains(t, "table output", out, "Talks are ripe from round 2", "A rival offer lifts the seller's hopes", "- round 4: A rival offer lifts the seller's hopes [actors.seller.reservation += 0.3]", "Breakdown")
	for _, line := range strings.Split(out, "\n") {
		if strings.Contains(line, "A rival offer") && strings.HasPrefix(line, "│") && !strings.HasPrefix(strings.TrimLeft(line, "│ "), "4 ") {
			t.Errorf("the event is printed in the wrong round: %s", line)
		}
	}

	// Flags override the file: three mediated rounds, and no drift keeps the seller at 0.7
	// (k ≥ 7 against the buyer's k ≤ 5): the ZOPA never opens.
	tr, _ = roundsJSON(t, file, "--protocol", "mediated", "--rounds", "3", "--set", "actors.seller.reservation_drift=0", "--seed", "42")
	if tr.Protocol != sim.ProtocolMediated || tr.Deadline != 3 || len(tr.Rounds) != 3 || tr.Seed != 42 {
		t.Errorf("protocol %s, deadline %d, %d rounds, seed %d; want mediated, 3, 3, 42", tr.Protocol, tr.Deadline, len(tr.Rounds), tr.Seed)
	}
	if tr.RipeAt != nil {
		t.Errorf("ripe at %d without drift", *tr.RipeAt)
	}
}

func TestRoundsFormatsAndDeterminism(t *testing.T) {
	tr, first := roundsJSON(t)
	_, second := roundsJSON(t, "--workers", "1")
	if first != second {
		t.Error("two runs of the same scenario differ")
	}
	out := runOK(t, "rounds", "--format", "csv")
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != len(tr.Rounds)+1 || !slices.Equal(rows[0][:3], []string{"round", "zopa_size", "ripe"}) {
		t.Errorf("csv has %d rows with header %v, want %d rows starting round, zopa_size, ripe", len(rows), rows[0], len(tr.Rounds)+1)
	}
	out, _, code := runNegsim(t, "rounds", "--format", "markdown")
	if code != exitOK || !strings.Contains(out, "## Rounds") || !strings.Contains(out, "## Outcome") {
		t.Errorf("markdown: exit %d\n%s", code, out)
	}
}

// A teacher in Shanghai names the buyer 买家, one in Haifa קונה. The PNG font (Liberation,
// which gonum/plot embeds) has no Chinese glyphs and drew 买家 as nothing, the legend's line
// unlabelled; it has Hebrew ones, and set קונה left to right, backwards. Neither said a word.
// The SVG leaves the letters to the browser's fonts, which have them and set them right.
func TestPNGChartSaysWhichTextsItCannotSet(t *testing.T) {
	dir := t.TempDir()
	png := filepath.Join(dir, "rounds.png")
	svg := filepath.Join(dir, "rounds.svg")
	for _, buyer := range []string{"买家 Buyer", "קונה Buyer"} {
		set := "actors.buyer.name=" + buyer
		_, errOut, code := runNegsim(t, "rounds", "testdata/rounds-market.yaml", "--set", set, "--chart", png)
		if code != exitOK {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		want := png + `: the PNG cannot set "Market (--set ` + set + `): bargaining rounds", "` + buyer + `" as written: it leaves blank the letters its font lacks and runs right-to-left words backwards; draw the chart as ` + svg + " to see them"
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr lacks\n%s\ngot\n%s", want, errOut)
		}
		if data, err := os.ReadFile(png); err != nil || !bytes.HasPrefix(data, []byte("\x89PNG")) {
			t.Errorf("%s: the PNG was not written whole beside the warning: %v", buyer, err)
		}
		_, errOut, code = runNegsim(t, "rounds", "testdata/rounds-market.yaml", "--set", set, "--chart", svg)
		if code != exitOK || strings.Contains(errOut, "cannot set") {
			t.Errorf("%s: the SVG, which the browser's fonts draw, warns: exit %d: %s", buyer, code, errOut)
		}
	}
}

func TestRoundsChart(t *testing.T) {
	dir := t.TempDir()
	svg := filepath.Join(dir, "rounds.svg")
	png := filepath.Join(dir, "rounds.png")
	for _, c := range []struct {
		path   string
		prefix string
	}{{svg, "<?xml"}, {png, "\x89PNG"}} {
		_, errOut, code := runNegsim(t, "rounds", "--chart", c.path)
		if code != exitOK {
			t.Fatalf("--chart %s: exit %d: %s", c.path, code, errOut)
		}
		if strings.Contains(errOut, "cannot set") {
			t.Errorf("--chart %s warns of letters it cannot set, where every name is in Latin or Cyrillic: %s", c.path, errOut)
		}
		data, err := os.ReadFile(c.path)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.HasPrefix(data, []byte(c.prefix)) {
			t.Errorf("%s starts with %q", c.path, data[:min(len(data), 8)])
		}
	}
	data, _ := os.ReadFile(svg)
	if !bytes.Contains(data, []byte("deals in the ZOPA")) {
		t.Error("the SVG chart lacks the ZOPA panel")
	}
	bad := filepath.Join(dir, "rounds.pdf")
	if _, _, code := runNegsim(t, "rounds", "--chart", bad); code != exitBadUse {
		t.Errorf("--chart .pdf: exit %d, want %d", code, exitBadUse)
	}
	if _, err := os.Stat(bad); err == nil {
		t.Error("a refused chart was written anyway")
	}
}

func TestRoundsBadFlags(t *testing.T) {
	for _, args := range [][]string{
		{"rounds", "--protocol", "auction"},
		{"rounds", "--rounds", "-2"},
		{"rounds", "--set", "protocol.rule=mediator", "--set", "protocol.mediator=", "--protocol", "mediated"},
	} {
		_, errOut, code := runNegsim(t, args...)
		if code != exitBadUse || errOut == "" {
			t.Errorf("%v: exit %d, stderr %q; want %d and a message", args, code, errOut, exitBadUse)
		}
	}
}

// TestRoundsReadmeExample keeps the README's transcript equal to what the command prints.
func TestRoundsReadmeExample(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Skipf("no README.md beside the module: %v", err)
	}
	const command = "negsim rounds cmd/negsim/testdata/rounds-market.yaml --set actors.buyer.strategy=conceder"
	text := string(readme)
	at := strings.Index(text, command)
	if at < 0 {
		t.Fatalf("the README no longer shows %q", command)
	}
	_, block, ok := strings.Cut(text[at:], "```text\n")
	block, _, closed := strings.Cut(block, "```")
	if !ok || !closed {
		t.Fatal("no text block follows the README's rounds example")
	}
	out := runOK(t, "rounds", filepath.Join("testdata", "rounds-market.yaml"), "--set", "actors.buyer.strategy=conceder")
	from := strings.Index(out, "Rounds\n------")
	if from < 0 {
		t.Fatalf("no Rounds section in:\n%s", out)
	}
	if got := strings.TrimSpace(out[from:]); got != strings.TrimSpace(block) {
		t.Errorf("the README's example differs from the output; paste this into it:\n%s", got)
	}
}

// Rounds are numbered from 0 in the table, the chart and the JSON, so the outcome counts
// the same way: the market (testdata/rounds-market.yaml, 6 rounds, the buyer a Conceder)
// agrees in its last round, 5, which "round 5 of 6" misread as the fifth of six.
func TestOutcomeNumbersRoundsAsTheTableDoes(t *testing.T) {
	out := runOK(t, "rounds", "testdata/rounds-market.yaml", "--set", "actors.buyer.strategy=conceder")
	if !strings.Contains(out, "│     5 │") || !strings.Contains(out, "Agreement in round 5 of rounds 0 to 5 (") {
		t.Errorf("want the table's round 5 and the outcome in round 5 of rounds 0 to 5:\n%s", out)
	}
}

// The reference scenario as shipped: the United States mediates with beliefs about the
// others and finds no text it believes all of them could accept, in every round, as
// negsim play --as ukraine tells it (testdata/play/mediated-nothing-on-the-table.txtar).
// Every format of rounds must give that reason, not blame the veto actors' red lines.
func TestRoundsSaysWhyNothingIsOnTheTable(t *testing.T) {
	const why = "United States finds no text that it believes every party at the table could accept (as it sees their red lines, every deal crosses one of them)"
	tr, _ := roundsJSON(t)
	if len(tr.Rounds) != 8 {
		t.Fatalf("%d rounds, want the file's 8", len(tr.Rounds))
	}
	for _, rd := range tr.Rounds {
		if rd.Proposal != nil || rd.NoText != why {
			t.Errorf("round %d: proposal %v, no_text %q", rd.Round, rd.Proposal, rd.NoText)
		}
	}
	// The table says the reason in round 0 and refers the seven rounds after it there.
	for _, format := range []string{"table", "markdown", "html"} {
		out := runOK(t, "rounds", "--format", format, "--wide")
		if format == "html" {
			out = html.UnescapeString(out)
		}
		if strings.Contains(out, "red lines clash") {
			t.Errorf("%s: still says the red lines clash", format)
		}
		if n := strings.Count(out, "none: "+why); n != 1 {
			t.Errorf("%s: the reason is given %d times, want once, in round 0", format, n)
		}
		if n := strings.Count(out, "none, for the same reason as in round 0"); n != 7 {
			t.Errorf("%s: %d rounds refer to round 0's reason, want 7 (rounds 1 to 7)", format, n)
		}
	}
	rows, err := csv.NewReader(strings.NewReader(runOK(t, "rounds", "--format", "csv"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := slices.Index(rows[0], "no_text")
	if col < 0 {
		t.Fatalf("the CSV has no no_text column: %v", rows[0])
	}
	for i, row := range rows[1:] {
		if row[col] != why {
			t.Errorf("CSV round %d: no_text %q", i, row[col])
		}
	}
	// The report a student hands in prints the rounds the same way.
	report := html.UnescapeString(runOK(t, "report", "--format", "html"))
	if !strings.Contains(report, "none: "+why) {
		t.Error("the HTML report's rounds do not say why nothing is on the table")
	}

	// Alternating offers: each party proposes in turn and says for itself; Europe holds no
	// beliefs, so its rounds (3 and 7) speak of the red lines plainly.
	tr, _ = roundsJSON(t, "--protocol", "alternating")
	europe := "Europe (EU, UK and the Coalition of the Willing) has no deal to propose that every party at the table could accept (every deal crosses a red line of one of them)"
	ukraine := "Ukraine has no deal to propose that it believes every party at the table could accept (as it sees their red lines, every deal crosses one of them)"
	if tr.Rounds[0].NoText != ukraine || tr.Rounds[3].NoText != europe || tr.Rounds[7].NoText != europe {
		t.Errorf("alternating: rounds 0, 3, 7 say %q, %q, %q", tr.Rounds[0].NoText, tr.Rounds[3].NoText, tr.Rounds[7].NoText)
	}
}

// Under a decision rule or ratification, the veto actors' yes is not enough, and rounds
// says so where it sets the talks up and where they break down. In the Harborco quota
// (teaching-harborco-quota.yaml) Harborco, the one veto actor, proposes every round; once
// the others' aspirations have fallen to their reservations (round 9, the last, as they
// concede linearly) a deal it accepts gathers the 5 of 6 votes, and it offers that one. Made
// unanimous, with the environmentalists wanting 1, no deal gathers the votes: Harborco
// accepts each of its own proposals and the talks still break down. In the fish stock's
// too-hawkish variant the parliament, wanting 0.9, ratifies no deal both governments accept.
func TestRoundsSayWhatAgreementTakes(t *testing.T) {
	tr := runJSON[sim.Transcript](t, "rounds", "teaching-harborco-quota")
	if !tr.Outcome.Agreement || tr.Outcome.Round != 9 {
		t.Fatalf("the Harborco quota: agreement %v in round %d; want agreement in round 9", tr.Outcome.Agreement, tr.Outcome.Round)
	}
	if last := tr.Rounds[len(tr.Rounds)-1]; last.Votes == nil || *last.Votes < 5 {
		t.Fatalf("the Harborco quota's agreement gathers %v votes; it needs 5", last.Votes)
	}
	unanimous := []string{"--set", "decision.votes_needed=6", "--set", "actors.environmentalists.reservation=1"}
	tr = runJSON[sim.Transcript](t, append([]string{"rounds", "teaching-harborco-quota"}, unanimous...)...)
	if tr.Outcome.Agreement {
		t.Fatal("the unanimous Harborco quota agrees; the test needs its breakdown")
	}
	for _, rd := range tr.Rounds {
		if !slices.Contains(rd.AcceptedBy, "harborco") || rd.Votes == nil || *rd.Votes >= 6 {
			t.Fatalf("round %d: accepted by %v with %v votes; the test needs the veto actor's yes short of 6 votes", rd.Round, rd.AcceptedBy, rd.Votes)
		}
	}
	out := runOK(t, append([]string{"rounds", "teaching-harborco-quota"}, unanimous...)...)
	for _, want := range []string{
		"A deal passes when the actors that accept it hold at least 6 of the table's 6 votes",
		"Breakdown: no proposal won every veto actor and the votes needed by the deadline",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("rounds teaching-harborco-quota, unanimous, does not say %q", want)
		}
	}
	out = runOK(t, "rounds", "teaching-tied-hands", "--variant", "too-hawkish")
	for _, want := range []string{
		"Home government's deal must be ratified at home by Home's parliament",
		"Breakdown: no proposal won every veto actor and ratification at home by the deadline",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("rounds teaching-tied-hands#too-hawkish does not say %q", want)
		}
	}
	// With Harborco's veto dropped nobody holds one, and unanimity with the environmentalists
	// wanting 1 leaves no deal all six accept (the reasoning of pagetest.WordCases): only the
	// votes were missing.
	out = runOK(t, "rounds", "teaching-harborco-quota", "--set", "actors.harborco.veto=false", "--set", "decision.votes_needed=6", "--set", "actors.environmentalists.reservation=1")
	if !strings.Contains(out, "Breakdown: no proposal won the votes needed by the deadline") {
		t.Error("rounds without a veto actor does not name the votes alone at its breakdown")
	}
	// Without either, the veto actors' yes is all a deal needs, as the README's telephone
	// game shows.
	if out := runOK(t, "rounds", "teaching-telephone-game"); !strings.Contains(out, "Breakdown: no proposal won every veto actor by the deadline") {
		t.Error("rounds teaching-telephone-game no longer names the veto actors alone")
	}
}

// A warning the rounds find about an entry of the file is located in it, as validation's
// warnings are: the market's one event, at round 4 (line 25), never happens under a
// deadline of 3 rounds. It named the file alone.
func TestRoundsWarningNamesTheEventsLine(t *testing.T) {
	_, stderr, code := runNegsim(t, "rounds", "testdata/rounds-market.yaml", "--set", "protocol.rounds=3")
	want := "warning: testdata/rounds-market.yaml:25:5: events.0.round: the event at round 4 (A rival offer lifts the seller's hopes) falls after the deadline of 3 rounds and never happens\n"
	if code != exitOK || !strings.Contains(stderr, want) {
		t.Errorf("exit %d, stderr:\n%s\nwant the line\n%s", code, stderr, want)
	}
}

// An event written for a round after the file's own deadline never happens, and a teacher
// checks a file with validate before any run: the market's event at round 4 under
// protocol.rounds 4 (rounds 0 to 3) is a warning there, at its line, and rounds, which
// prints the file's warnings before its own, says it once.
func TestValidateWarnsOfAnEventAfterTheDeadline(t *testing.T) {
	market, err := os.ReadFile("testdata/rounds-market.yaml")
	if err != nil {
		t.Fatal(err)
	}
	file := writeTemp(t, "market.yaml", strings.Replace(string(market), "rounds: 6", "rounds: 4", 1))
	line := file + ":25:5: events.0.round: the event at round 4 (A rival offer lifts the seller's hopes) falls after the deadline of 4 rounds and never happens"
	out, _, code := runNegsim(t, "validate", file)
	if code != exitOK || !strings.Contains(out, line) {
		t.Errorf("validate: exit %d, output:\n%s\nwant the warning\n%s", code, out, line)
	}
	_, stderr, code := runNegsim(t, "rounds", file)
	if n := strings.Count(stderr, "never happens"); code != exitOK || n != 1 || !strings.Contains(stderr, "warning: "+line+"\n") {
		t.Errorf("rounds: exit %d, the warning %d times in stderr:\n%s", code, n, stderr)
	}
}

// A proposal marked "(closest)" or "(own best)" is not the deal the setup's rule picks, and
// the output says what each mark means. In sanctions-bite every veto actor aspires to its
// best at round 0 (Ukraine's is 1.000, and no deal gives Ukraine 1.000 and Russia its own
// best), so the mediator's first text is the closest one; its deals must also be ratified
// at home, and the note names that too. In the telephone game, with no rule but the
// vetoes, East and West both aspire to 1.000 at round 0, which no district gives both. In
// the job offer under
// alternating offers the candidate's first aspiration, 1.000, rules out every deal the
// employer accepts, so it offers its own best. The market file's proposers always find a
// deal they accept themselves: neither mark, and neither note.
func TestRoundsSayWhatTheProposalMarksMean(t *testing.T) {
	closest := `"closest" beside the proposer: no deal gave every veto actor its aspiration`
	closestRatified := `"closest" beside the proposer: no deal would have won every veto actor and ratification at home in that round`
	ownBest := `"own best" beside the proposer: its aspiration ruled out every deal`
	for _, c := range []struct {
		args       []string
		mark, note string
	}{
		{[]string{"rounds", "--variant", "sanctions-bite", "--wide"}, "united-states (closest)", closestRatified},
		{[]string{"rounds", "teaching-telephone-game", "--wide"}, "mediator (closest)", closest},
		{[]string{"rounds", "teaching-two-party", "--protocol", "alternating", "--wide"}, "candidate (own best)", ownBest},
	} {
		out := runOK(t, c.args...)
		wantContains(t, strings.Join(c.args, " "), out, c.mark, c.note)
	}
	out := runOK(t, "rounds", filepath.Join("testdata", "rounds-market.yaml"))
	for _, note := range []string{closest, closestRatified, ownBest} {
		if strings.Contains(out, note) {
			t.Errorf("the market's rounds explain a mark they do not use: %q", note)
		}
	}
}

// Under a quota the mediator falls back on the closest text when no deal would pass, which
// need not be for want of a veto actor's yes, and the closest text is the one nearest to
// passing, not to Harborco's aspiration alone. Harborco's quota (teaching-harborco-quota.yaml)
// under a neutral mediator, at round 0, where every actor aspires to 1: a deal passes with
// Harborco and 4 of the other 5 votes, so its distance from passing is the larger of
// Harborco's shortfall and the 4th smallest of the others'. By hand (utilities from the
// file): small/full, Harborco 0.6 (short 0.4), the union, governor and federal agency 1
// (0), ports 0.5 (0.5), environmentalists 0 (1): max(0.4, 0.5) = 0.5. medium/partial ties
// at max(0.5, 0.5), and comes later in option order; small/none, Harborco's own best
// (short 0), needs the union, ports or environmentalists, each 1 short: 1. So small/full,
// which only the union, the governor and the agency accept: 3 votes of the 5 needed.
func TestRoundsSayWhatAClosestTextMissedUnderAQuota(t *testing.T) {
	args := []string{"rounds", "teaching-harborco-quota", "--protocol", "mediated"}
	tr := runJSON[sim.Transcript](t, append(args, "--format", "json")...)
	first := tr.Rounds[0]
	if p := first.Proposal; p == nil || p.Basis != sim.BasisClosest || p.Options["fund"] != "small" || p.Options["jobs"] != "full" {
		t.Fatalf("round 0's proposal is %+v; want the closest text small/full", first.Proposal)
	}
	if first.Votes == nil || *first.Votes != 3 {
		t.Fatalf("round 0 gathers %v votes, want 3", first.Votes)
	}
	out := runOK(t, args...)
	wantContains(t, strings.Join(args, " "), out, `"closest" beside the proposer: no deal would have won every veto actor and the votes needed in that round, so it put forward the deal nearest to passing: the one that would pass if every actor lowered what it asks for by the least.`)
	if strings.Contains(out, "no deal gave every veto actor its aspiration") {
		t.Errorf("%s says no deal gave every veto actor its aspiration, naming no votes:\n%s", strings.Join(args, " "), out)
	}
}

// Where a proposer's deals are ratified at home, its own best may meet its aspiration and
// still fail there, and the "own best" note must not blame the aspiration alone. The fish
// stock (teaching-tied-hands.yaml) with Home's parliament wanting the even split q3 (its
// ideal; utility 1 − |k − 3|/3) at 0.9: it ratifies q3 alone. In round 0 Home aspires to
// 1, which q6 alone gives it (k/6); q6 is worth 0 to the parliament, so no deal Home
// accepts is ratified and Home offers q6, its own best, at its aspiration.
func TestRoundsOwnBestUnderRatificationNamesTheVoteAtHome(t *testing.T) {
	args := []string{"rounds", "teaching-tied-hands", "--set", "actors.parliament.preferences.quota.ideal=q3", "--set", "actors.parliament.reservation=0.9"}
	tr := runJSON[sim.Transcript](t, append(args, "--format", "json")...)
	first := tr.Rounds[0]
	if p := first.Proposal; p == nil || p.By != "home" || p.Basis != sim.BasisOwnBest || p.Options["quota"] != "q6" {
		t.Fatalf("round 0's proposal is %+v; the test needs Home's own best, q6", first.Proposal)
	}
	if h := first.Actors[0]; h.Utility == nil || *h.Utility != 1 || h.Aspiration != 1 {
		t.Fatalf("round 0, Home: %+v; want q6 worth 1 at its aspiration 1", h)
	}
	out := runOK(t, args...)
	wantContains(t, strings.Join(args, " "), out, `"own best" beside the proposer: its aspiration, or the vote at home on its deals, ruled out every deal within the veto actors' red lines, so it offered its own best deal among them.`)

	// With neither government holding a veto and one vote needed, Home still proposes q6
	// first, for the same reason, and no veto actor's red lines bound its offer.
	noVeto := append(args, "--set", "actors.home.veto=false", "--set", "actors.away.veto=false", "--set", "decision.votes_needed=1")
	tr = runJSON[sim.Transcript](t, append(noVeto, "--format", "json")...)
	if p := tr.Rounds[0].Proposal; p == nil || p.By != "home" || p.Basis != sim.BasisOwnBest || p.Options["quota"] != "q6" {
		t.Fatalf("without a veto, round 0's proposal is %+v; the test needs Home's own best, q6", tr.Rounds[0].Proposal)
	}
	out = runOK(t, noVeto...)
	wantContains(t, strings.Join(noVeto, " "), out, `"own best" beside the proposer: its aspiration, or the vote at home on its deals, ruled out every deal, so it offered its own best deal.`)
	if strings.Contains(out, "veto actors' red lines") {
		t.Errorf("%s speaks of the veto actors' red lines with no veto actor:\n%s", strings.Join(noVeto, " "), out)
	}
}

// With no veto at all the parties are every actor with a vote (MODEL.md section 6): they
// take the turns, the mediator weighs their surpluses, and an agreement is won without any
// veto actor. The Harborco quota with Harborco's veto dropped: the environmental coalition,
// second in the file, proposes in round 1. rounds said "the veto actors propose in turn",
// "the Nash product of the veto actors' surpluses" and "all veto actors: agreement".
func TestRoundsWithoutAVetoNameTheParties(t *testing.T) {
	args := []string{"rounds", "teaching-harborco-quota", "--set", "actors.harborco.veto=false"}
	tr := runJSON[sim.Transcript](t, append(args, "--format", "json")...)
	if p := tr.Rounds[1].Proposal; p == nil || p.By != "environmentalists" {
		t.Fatalf("round 1's proposal is %+v; the test needs the environmental coalition's turn", p)
	}
	if !tr.Outcome.Agreement {
		t.Fatal("the quota without a veto breaks down; the test needs its agreement")
	}
	out := runOK(t, append(args, "--wide")...)
	wantContains(t, strings.Join(args, " "), out, "Alternating offers: no actor holds a veto, so the actors with a vote propose in turn.", "│ agreement (")
	out += runOK(t, append(args, "--protocol", "mediated", "--wide")...)
	wantContains(t, strings.Join(args, " ")+" --protocol mediated", out, "chosen by the Nash product of the parties' surpluses (every actor with a vote, as none holds a veto).")
	for _, wrong := range []string{"the veto actors propose in turn", "the veto actors' surpluses", "all veto actors: agreement"} {
		if strings.Contains(out, wrong) {
			t.Errorf("rounds without a veto actor says %q", wrong)
		}
	}
}

// The help names the two fallbacks by the marks the rounds print beside a proposer, and the
// alternating one at all: before, it described only the choice among deals the proposer
// accepts, and a student saw "(own best)" rows it never mentioned.
func TestRoundsHelpNamesTheProposalMarks(t *testing.T) {
	help := strings.Join(strings.Fields(runOK(t, "help", "rounds")), " ")
	wantContains(t, "negsim help rounds", help,
		`smallest largest shortfall below the aspirations (marked "closest")`,
		`when its aspiration rules them all out, its own best deal among them (marked "own best")`)
}

// The round-2 strike in the reference scenario adds -0.04 to Ukraine's reservation (the
// file's events:); the list of events writes the fall as "-= 0.04". A round with nothing
// on the table shows no utility with the same dash as a ratifier's missing aspiration,
// not a hyphen beside it ("– / -").
func TestRoundsWriteAFallAndAMissingValueAsTheyRead(t *testing.T) {
	out := runOK(t, "rounds", "--width", "100")
	wantContains(t, "rounds", strings.Join(strings.Fields(out), " "),
		"[actors.ukraine.reservation -= 0.04; actors.ukraine.preferences.territory.weight += 4; actors.russia.reservation += 0.02]")
	wantContains(t, "rounds", out,
		"  ukraine r / a / u             0.400 / 1.000 / –\n",
		"  rada r / a / u                0.000 / – / –\n")
	if strings.Contains(out, "+= -") || strings.Contains(out, " / -\n") {
		t.Errorf("a fall written as an addition, or a hyphen for a missing utility:\n%s", out)
	}
}

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
