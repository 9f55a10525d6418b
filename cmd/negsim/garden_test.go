package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// garden is a teacher's own three-actor scenario; its comments work out every number the
// tests below expect.
const garden = "testdata/garden.yaml"

// A count of one reads in the singular: three shipped teaching scenarios have one issue,
// and a starter file may have one actor.
func TestOneIssueReadsInTheSingular(t *testing.T) {
	// teaching-tied-hands has one issue, quota, of seven options q1 … q7: 7 deals.
	if out := runOK(t, "analyze", "teaching-tied-hands"); !strings.Contains(out, "\n1 issue, 7 possible deals.") {
		t.Errorf("analyze of a one-issue scenario does not say \"1 issue, 7 possible deals.\":\n%s", out)
	}
	if out := runOK(t, "explain", "teaching-tied-hands"); !strings.Contains(out, "\n1 issue: quota (7 options). A deal picks one option on each: 7 possible deals.") {
		t.Errorf("explain of a one-issue scenario does not say \"1 issue: quota (7 options)\":\n%s", out)
	}
	// One issue of 3 options and one actor: 3¹ = 3 deals.
	file := filepath.Join(t.TempDir(), "one.yaml")
	if out := runOK(t, "new", file, "--issues", "land", "--actors", "north"); !strings.Contains(out, "1 issue of 3 options, 1 actor, 3 possible deals.") {
		t.Errorf("new with one issue and one actor:\n%s", out)
	}
}

// The rounds of the garden scenario end in mid, day, yes at round 5 (the alternating
// offers are worked through in TestGardenRoundsAgreeAsWorkedByHand); the Nash deal at
// round 5's reservations, which never drift, is mid, day, no: one issue of three differs,
// and the utilities (0.61, 0.875, 0.4) and (0.51, 0.875, 1) lie √(0.1² + 0² + 0.6²) =
// √0.37 = 0.608 apart.
func TestOneDifferingIssueReadsInTheSingular(t *testing.T) {
	if out := runOK(t, "rounds", garden); !strings.Contains(out, "Nash (1 of 3 issues differs, utility distance 0.608).") {
		t.Errorf("rounds does not say the agreement differs from Nash on 1 of 3 issues:\n%s", out)
	}
	// score: mid, day, yes against the Nash deal mid, day, no. Points (0.61, 0.875, 0.4)
	// against (0.51, 0.875, 1): 100·0.608 = 60.8.
	out := runOK(t, "score", garden, "--deal", "fee=mid,hours=day,dogs=yes")
	if !strings.Contains(out, "1 of 3 issues differs, dogs (Nash: no); the veto actors' points lie 60.8 apart") {
		t.Errorf("score of a deal one issue from Nash:\n%s", out)
	}
	// play, as the street making the moves its own agent makes (see TestGardenRoundsAgreeAsWorkedByHand).
	moves := "reject\naccept\noffer fee=mid,hours=day,dogs=no\nreject\naccept\noffer fee=mid,hours=day,dogs=yes\n"
	stdout, stderr, code := runNegsimInput(t, moves, "play", garden, "--as", "street")
	if code != exitOK {
		t.Fatalf("play: exit %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, "Agreement in round 5:") || !strings.Contains(stdout, "1 of 3 issues differs, dogs (Nash: no); the parties' points lie 60.8 apart.") {
		t.Errorf("play's end does not compare the agreement with Nash in the singular:\n%s", stdout)
	}
}

// The garden's alternating offers, worked by hand. Deadline 6 rounds, T−1 = 5; each actor's
// best within its own red lines is 1. Aspirations a(t) = r + (1 − r)(1 − (t/5)^(1/e)):
//
//	club, boulware e = 0.2, r 0.4:  t=2: 0.4 + 0.6(1 − 0.4⁵) = 0.993856; t=4: 0.4 + 0.6(1 − 0.8⁵) = 0.803392
//	town, linear e = 1, r 0.5:      t=1: 0.9 … t=4: 0.6
//	street, conceder e = 2, r 0.35: t=1: 0.35 + 0.65(1 − √0.2) = 0.709311; t=5: 0.35
//
// The proposers take turns in file order, club, town, street. A proposer offers, among the
// deals within everyone's red lines that it accepts, the one whose smallest surplus among the
// others is largest:
//
//	t=0 club (a 1): only low, dawn, yes is worth 1 to it.
//	t=1 town (a 0.9): nothing within the red lines reaches 0.9 (high is the club's red line),
//	    so its best there, mid, day (0.875), dogs no by the lower position.
//	t=2 street (a 0.589): of its six deals with dogs no, mid, day, no leaves the others
//	    most: min(0.11, 0.375) = 0.11.
//	t=3 club (a 0.953): low, dawn, yes again.
//	t=4 town (a 0.6): mid, day, no (min of club 0.11, street 0.65) beats mid, day, yes (0.05).
//	t=5 street (a 0.35): mid, day, yes leaves min(0.21, 0.375) = 0.21, the most; every
//	    aspiration is at its reservation, so all accept.
func TestGardenRoundsAgreeAsWorkedByHand(t *testing.T) {
	type actorRound struct {
		Actor      string
		Aspiration float64
	}
	tr := runJSON[struct {
		Rounds []struct {
			Actors   []actorRound
			Proposal struct {
				By      string
				Options map[string]string
			}
			Agreement bool
		}
	}](t, "rounds", garden)
	want := []struct{ by, fee, hours, dogs string }{
		{"club", "low", "dawn", "yes"},
		{"town", "mid", "day", "no"},
		{"street", "mid", "day", "no"},
		{"club", "low", "dawn", "yes"},
		{"town", "mid", "day", "no"},
		{"street", "mid", "day", "yes"},
	}
	if len(tr.Rounds) != len(want) {
		t.Fatalf("%d rounds, want %d", len(tr.Rounds), len(want))
	}
	for i, w := range want {
		p := tr.Rounds[i].Proposal
		if p.By != w.by || p.Options["fee"] != w.fee || p.Options["hours"] != w.hours || p.Options["dogs"] != w.dogs {
			t.Errorf("round %d: %s proposes %v, want %s proposing %s, %s, %s", i, p.By, p.Options, w.by, w.fee, w.hours, w.dogs)
		}
		if agreed := tr.Rounds[i].Agreement; agreed != (i == 5) {
			t.Errorf("round %d: agreement %v", i, agreed)
		}
	}
	aspiration := func(round int, actor string) float64 {
		for _, a := range tr.Rounds[round].Actors {
			if a.Actor == actor {
				return a.Aspiration
			}
		}
		t.Fatalf("round %d has no %s", round, actor)
		return 0
	}
	for _, c := range []struct {
		round int
		actor string
		want  float64
	}{{2, "club", 0.993856}, {4, "club", 0.803392}, {4, "town", 0.6}, {1, "street", 0.709311}, {5, "street", 0.35}} {
		if got := aspiration(c.round, c.actor); got < c.want-1e-6 || got > c.want+1e-6 {
			t.Errorf("round %d: %s's aspiration %v, want %v", c.round, c.actor, got, c.want)
		}
	}
}

// compare names each side as it was typed, so that the title pastes back as an argument: a
// teacher's file keeps its .yaml beside its variant ("garden#council-budget" named no file).
// Under council-budget the town asks 0.9, above the 0.875 the best zone deal gives it: all
// 4 deals leave.
func TestCompareNamesEachSideAsTyped(t *testing.T) {
	out := runOK(t, "compare", garden, garden+"#council-budget")
	if !strings.HasPrefix(out, "A = testdata/garden.yaml, B = testdata/garden.yaml#council-budget\n") {
		t.Errorf("compare's title does not name the sides as typed:\n%s", out)
	}
	if !strings.Contains(out, "A: 4 deals; B: 0 deals. 0 enter and 4 leave the ZOPA.") {
		t.Errorf("compare's zone line is not the one worked by hand:\n%s", out)
	}
}

// A command line a student gets wrong is refused, exit 2, with what was wanted in the
// commands' own words:
//   - a flag value that does not parse says what the flag takes, instead of Go's parser error
//     (strconv.ParseUint: parsing "abc": invalid syntax);
//   - a wrong number of arguments shows the command's usage and the words it was given, so a
//     student who forgot --param before a path sees which word was one too many, where cobra
//     said "accepts at most 1 arg(s), received 2";
//   - a misspelt --protocol gets a suggestion, as a misspelt protocol.kind in a file does;
//   - a value to change, a deal, or an actor of the shipped default given without its flag
//     is named with the flag it needs, where it was read as a file's name: "no file", or one
//     argument too many.
func TestUsageErrorsSayWhatWasWanted(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"montecarlo", garden, "--seed", "abc"}, "negsim: --seed abc: give a whole number, 0 or more\n"},
		// 2^64 and 2^63 are whole numbers; what is wrong with them is one past the largest
		// the flag's type holds, 2^64-1 and 2^63-1.
		{[]string{"montecarlo", garden, "--seed", "18446744073709551616"}, "negsim: --seed 18446744073709551616: give a whole number, 0 or more; this one is beyond the largest negsim can hold, 18446744073709551615\n"},
		{[]string{"analyze", garden, "--width", "9223372036854775808"}, "negsim: --width 9223372036854775808: give a whole number; this one is beyond the largest negsim can hold, 9223372036854775807\n"},
		{[]string{"analyze", garden, "--limit", "-9223372036854775809"}, "negsim: --limit -9223372036854775809: give a whole number; this one is below the smallest negsim can hold, -9223372036854775808\n"},
		{[]string{"sweep", garden, "--param", "actors.club.reservation", "--from", "0", "--to", "1e309"}, "negsim: --to 1e309: give a number, such as 0.45; this one is beyond the largest negsim can hold, about 1.8e308\n"},
		{[]string{"analyze", garden, "--timeout", "5"}, "negsim: --timeout 5: give a duration with its unit, such as 30s or 2m\n"},
		{[]string{"analyze", garden, "--limit", "ten"}, "negsim: --limit ten: give a whole number\n"},
		{[]string{"sweep", garden, "--param", "actors.club.reservation", "--from", "x", "--to", "1"}, "negsim: --from x: give a number, such as 0.45\n"},
		{[]string{"validate", garden, "--strict=maybe"}, "negsim: --strict maybe: give true or false\n"},
		{[]string{"sweep", garden, "actors.town.reservation", "--values", "0.3,0.5"},
			"negsim: usage: negsim sweep [FILE] --param PATH (--from A --to B --steps N | --values A,B,C); got 2 arguments: testdata/garden.yaml actors.town.reservation (see negsim sweep --help)\n"},
		{[]string{"compare", garden}, "negsim: usage: negsim compare A B; got 1 argument: testdata/garden.yaml (see negsim compare --help)\n"},
		{[]string{"validate"}, "negsim: usage: negsim validate FILE|DIR...; got no arguments (see negsim validate --help)\n"},
		{[]string{"rounds", garden, "--protocol", "alterating"}, "negsim: --protocol \"alterating\": did you mean \"alternating\"? valid: mediated or alternating\n"},
		{[]string{"analyze", garden, "actors.town.reservation=0.5"}, "negsim: actors.town.reservation=0.5 is not a file: give it with --set, as in --set actors.town.reservation=0.5\n"},
		{[]string{"rounds", "actors.town.reservation=0.5"}, "negsim: actors.town.reservation=0.5 is not a file: give it with --set, as in --set actors.town.reservation=0.5\n"},
		{[]string{"score", garden, "fee=mid, hours=day, dogs=no"}, "negsim: fee=mid, hours=day, dogs=no is not a file: give it with --deal, as in --deal \"fee=mid, hours=day, dogs=no\"\n"},
		// The tables' deals or transcripts where the scenario goes, with no flag giving them:
		// read as the scenario, the CSV was refused as none, and the folder was not named.
		{[]string{"debrief", "class.csv"}, "negsim: class.csv is a deals file, not a scenario: give it with --deals, as in --deals class.csv\n"},
		{[]string{"debrief", garden, "Class 2.CSV"}, "negsim: Class 2.CSV is a deals file, not a scenario: give it with --deals, as in --deals \"Class 2.CSV\"\n"},
		{[]string{"score", garden, "class.csv"}, "negsim: class.csv is a deals file, not a scenario: give it with --deal-file, as in --deal-file class.csv\n"},
		{[]string{"debrief", "testdata"}, "negsim: testdata is a folder, not a scenario: give it with --transcripts, as in --transcripts testdata\n"},
		// An actor of the shipped default, alone, where a file goes: the flag that takes it.
		{[]string{"brief", "russia"}, "negsim: russia is an actor of the shipped ukraine-2026, not a file: give it with --actor, as in --actor russia\n"},
		{[]string{"play", "united-states"}, "negsim: united-states is an actor of the shipped ukraine-2026, not a file: give it with --as, as in --as united-states\n"},
		{[]string{"analyze", "russia"}, "negsim: no file \"russia\", and no shipped scenario of that name; 'negsim list' shows the shipped ones\n"},
		// A shipped name shortened to words it holds: of the eight 'negsim list' shows, only
		// ukraine-2026 holds "ukraine" and only teaching-two-party "two-party"; all but one
		// hold "teaching", which suggests none.
		{[]string{"analyze", "ukraine"}, "negsim: no file \"ukraine\", and no shipped scenario of that name; did you mean \"ukraine-2026\"? 'negsim list' shows the shipped ones\n"},
		{[]string{"compare", "ukraine-2026", "two-party"}, "negsim: no file \"two-party\", and no shipped scenario of that name; did you mean \"teaching-two-party\"? 'negsim list' shows the shipped ones\n"},
		// A variant typed where the scenario goes, or as a second word after it: of the
		// shipped scenarios only ukraine-2026 has sanctions-bite (its variants: in the file).
		{[]string{"analyze", "sanctions-bite"}, "negsim: no file \"sanctions-bite\", and no shipped scenario of that name; sanctions-bite is a variant of the shipped ukraine-2026: did you mean \"ukraine-2026#sanctions-bite\"? 'negsim list' shows the shipped ones\n"},
		{[]string{"rounds", "ukraine-2026", "sanctions-bite"}, "negsim: usage: negsim rounds [FILE]; got 2 arguments: ukraine-2026 sanctions-bite; did you mean \"ukraine-2026#sanctions-bite\"? (sanctions-bite is a variant of ukraine-2026)\n"},
		{[]string{"analyze", "teaching"}, "negsim: no file \"teaching\", and no shipped scenario of that name; 'negsim list' shows the shipped ones\n"},
		// A deal is no value to change: analyze has no --deal to name.
		{[]string{"analyze", garden, "fee=mid"}, "negsim: usage: negsim analyze [FILE]; got 2 arguments: testdata/garden.yaml fee=mid (see negsim analyze --help)\n"},
	} {
		stdout, stderr, code := runNegsim(t, c.args...)
		if code != exitBadUse || stderr != c.want || stdout != "" {
			t.Errorf("negsim %s: exit %d, stderr %q; want exit 2 and %q", strings.Join(c.args, " "), code, stderr, c.want)
		}
	}
}

// A file whose name holds "=" is still read as a file.
func TestAFileNamedLikeAValueIsReadAsAFile(t *testing.T) {
	data, err := os.ReadFile(garden)
	if err != nil {
		t.Fatal(err)
	}
	file := writeTemp(t, "actors.town.reservation=0.5", string(data))
	if stdout := runOK(t, "analyze", file); !strings.Contains(stdout, "Outcome space") {
		t.Errorf("analyze %s: not an analysis:\n%s", file, stdout)
	}
}

// NEGSIM_TIMEOUT=5, meant as seconds, is refused as the flag refuses it; it was read as
// 5 ns and every command stopped at once with "stopped after the --timeout of 5ns", exit 1.
func TestTimeoutVariableWithoutUnitIsRefused(t *testing.T) {
	t.Setenv("HOME", t.TempDir())
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	t.Setenv("NEGSIM_TIMEOUT", "5")
	var out, errOut strings.Builder
	code := run(t.Context(), []string{"analyze", garden}, strings.NewReader(""), &out, &errOut)
	if code != exitBadUse || !strings.Contains(errOut.String(), "NEGSIM_TIMEOUT") || !strings.Contains(errOut.String(), "with its unit") {
		t.Errorf("NEGSIM_TIMEOUT=5: exit %d, %q; want exit 2 asking for a unit", code, errOut.String())
	}
}

// In the garden's alternating talks the street counters the club's opening with mid, day,
// no, and the town, proposing next, tables that very deal (its best within everyone's red
// lines, see TestGardenRoundsAgreeAsWorkedByHand): the town never offered it before, so it
// is the same deal as the street's counter offer, not the town's "same deal again".
func TestPlaySaysWhoseDealIsTabledUnchanged(t *testing.T) {
	stdout, stderr, code := runNegsimInput(t, "offer fee=mid,hours=day,dogs=no\nquit\n", "play", garden, "--as", "street")
	if code != exitOK {
		t.Fatalf("play: exit %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, "Town council puts on the table the same deal as your counter offer.") {
		t.Errorf("round 1 does not say the town tables the street's counter offer:\n%s", stdout)
	}
	if strings.Contains(stdout, "Town council puts the same deal on the table again.") {
		t.Errorf("round 1 says the town repeats a deal it never offered:\n%s", stdout)
	}
}

// An author's reason that ends in a full stop, as the README's own example writes them
// ("why: A partial withdrawal only if sanctions go."), reads inside negsim's sentences
// without a second stop. mid, late, yes breaks the street's condition (late only without
// dogs) and is worth 0.4·0 + 0.6·0 = 0 to it, 35 points below its walk-away of 35.
func TestAReasonEndingInAFullStopReadsInsideASentence(t *testing.T) {
	deals := filepath.Join(writeFiles(t, map[string]string{"class.csv": "table,fee,hours,dogs\npink,mid,late,yes\n"}), "class.csv")
	out := runOK(t, "debrief", garden, "--deals", deals)
	if !strings.Contains(out, "The street signed it against its own condition and below its walk-away value (condition: No barking at night; 35.0 points below the walk-away), so") {
		t.Errorf("debrief's reason is not punctuated as one sentence:\n%s", out)
	}
	stdout, _, _ := runNegsimInput(t, "score fee=mid,hours=late,dogs=yes\nquit\n", "play", garden, "--as", "street")
	if !strings.Contains(stdout, "It crosses your red lines: your condition: No barking at night.\n") {
		t.Errorf("play's score does not end the reason with one full stop:\n%s", stdout)
	}
}

// The README's Commands section says every command that reports writes --format html: one
// page. It said only brief, debrief and report did.
func TestEveryReportingCommandWritesHTML(t *testing.T) {
	deals := filepath.Join(writeFiles(t, map[string]string{"class.csv": "table,fee,hours,dogs\nred,mid,day,no\n"}), "class.csv")
	for _, args := range [][]string{
		{"analyze", garden}, {"explain", garden}, {"rounds", garden}, {"sensitivity", garden},
		{"params", garden}, {"sweep", garden, "--param", "actors.club.reservation", "--values", "0.3,0.5"},
		{"montecarlo", garden, "--vary", "actors.town.reservation=uniform(0.4,0.9)", "--draws", "20"},
		{"compare", garden, garden + "#council-budget"}, {"score", garden, "--deal", "fee=mid,hours=day,dogs=no"},
		{"debrief", garden, "--deals", deals}, {"report", garden}, {"brief", garden}, {"list"},
	} {
		out := runOK(t, append(args, "--format", "html")...)
		if !strings.HasPrefix(out, "<!DOCTYPE html>") || !strings.HasSuffix(strings.TrimSpace(out), "</html>") {
			t.Errorf("negsim %s --format html does not write one page:\n%.300s", strings.Join(args, " "), out)
		}
	}
}

// A brief leaves out a column its author left empty in every row: the garden's actors have
// no description and its dogs options no label, and the public brief showed a blank "who
// they are" beside every party and a blank "label" beside no and yes. The fee's options are
// labelled, so that column stays there.
func TestBriefLeavesOutColumnsTheAuthorLeftEmpty(t *testing.T) {
	md := runOK(t, "brief", garden, "--format", "markdown")
	if strings.Contains(md, "who they are") {
		t.Errorf("the parties, none described, still have a \"who they are\" column:\n%s", md)
	}
	dogs := md[strings.Index(md, "## Issue: Dogs"):]
	if strings.Contains(dogs[:strings.Index(dogs, "## Sources")], "label") {
		t.Errorf("the dogs options, none labelled, still have a label column:\n%s", dogs)
	}
	if !strings.Contains(md, "| option | label      |") || !strings.Contains(md, "| low    | 100 a year |") {
		t.Errorf("the labelled fee options lost their labels:\n%s", md)
	}
}

// The CSV of explain and montecarlo gives numbers to the 12 decimals analyze vouches for,
// not float noise. The club's weights 60, 30, 10 are shares 0.6, 0.3, 0.1 (0.1 came out
// 0.09999999999999999) and its best deal low, dawn, yes is worth 0.6 + 0.3 + 0.1 = 1 (it
// came out 0.9999999999999999); a value drawn as 0.3 every time has mean 0.3 (it came out
// 0.29999999999999993).
func TestCSVNumbersAreRoundedAsAnalyzeRoundsThem(t *testing.T) {
	out := runOK(t, "explain", garden, "--format", "csv")
	if !strings.Contains(out, "\nclub,true,0.4,fee=0.6;hours=0.3;dogs=0.1,fee=low|mid,0,fee=low;hours=dawn;dogs=yes,1,fee=mid;hours=late;dogs=no,0.36,12,11,1,\n") {
		t.Errorf("explain's CSV row for the club is not the one worked by hand:\n%s", out)
	}
	out = runOK(t, "montecarlo", garden, "--draws", "100", "--vary", "actors.club.reservation=normal(0.3,0.1,0.3,0.3)", "--format", "csv")
	if !strings.Contains(out, "\nactors.club.reservation,\"normal(0.3,0.1,0.3,0.3)\",0.3,0.3,0.3,\n") {
		t.Errorf("montecarlo's CSV does not give a constant 0.3 a mean of 0.3:\n%s", out)
	}
}

// A ratifier's brief does not tell it that the others can settle without it: the Rada's
// 100 votes at home are needed for any deal Ukraine signs (the reference scenario's
// ratification needs 150 of the 200 votes of the Rada and the two groups of voters). An
// observer at the table still reads that it holds no veto.
func TestARatifiersBriefDoesNotSayTheOthersCanSettleWithoutIt(t *testing.T) {
	out := runOK(t, "brief", "--actor", "rada")
	if strings.Contains(out, "the others can settle without you") {
		t.Errorf("the Rada's brief says the others can settle without it:\n%s", out)
	}
	if !strings.Contains(out, "You do not sit at the table: you vote at home on any deal Ukraine signs, with your 100 votes, and it needs 150 of the 200 votes") {
		t.Errorf("the Rada's brief does not say it votes at home:\n%s", out)
	}
	out = runOK(t, "brief", garden, "--actor", "street", "--set", "actors.street.veto=false")
	if !strings.Contains(out, "You hold no veto: the others can settle without you") {
		t.Errorf("an observer's brief no longer says it holds no veto:\n%s", out)
	}
}

// A student plays in the folder that holds garden.yaml and hands in the transcript; the
// teacher debriefs from another folder. The transcript records the path as the student
// typed it, "garden.yaml": naming the file by its own path must be accepted (it was refused
// as "played on garden.yaml, not on ../garden.yaml"), and naming none must say that the
// recorded file is not here and how to name it.
func TestTranscriptsAreDebriefedFromAnotherFolder(t *testing.T) {
	dir := t.TempDir()
	scenario, err := os.ReadFile(garden)
	if err != nil {
		t.Fatal(err)
	}
	student, teacher := filepath.Join(dir, "student"), filepath.Join(dir, "teacher", "class")
	for _, d := range []string{student, teacher} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(student, "garden.yaml"), scenario, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Chdir(student)
	// The street's own agent's moves: agreement on mid, day, yes in round 5 (see
	// TestGardenRoundsAgreeAsWorkedByHand).
	moves := "reject\naccept\noffer fee=mid,hours=day,dogs=no\nreject\naccept\noffer fee=mid,hours=day,dogs=yes\n"
	if _, stderr, code := runNegsimInput(t, moves, "play", "garden.yaml", "--as", "street", "--transcript", filepath.Join(teacher, "ana.json")); code != exitOK {
		t.Fatalf("play: exit %d: %s", code, stderr)
	}
	t.Chdir(filepath.Dir(teacher))
	mine := filepath.Join(student, "garden.yaml")
	// mid, day, yes: surpluses club 0.61 − 0.4, town 0.875 − 0.5, street 0.4 − 0.35, a
	// joint gain of 0.21 + 0.375 + 0.05 = 0.635, 63.50 points.
	out := runOK(t, "debrief", mine, "--transcripts", "class")
	if !strings.Contains(out, "│    1 │ ana   │     +63.50 │") {
		t.Errorf("debrief with the scenario named by another path:\n%s", out)
	}
	if out := runOK(t, "score", mine, "--transcript", "class/ana.json"); !strings.Contains(out, "fee = mid (300 a year), hours = day (9 to 18), dogs = yes") {
		t.Errorf("score of the transcript with the scenario named by another path:\n%s", out)
	}
	_, stderr, code := runNegsim(t, "debrief", "--transcripts", "class")
	want := "negsim: class/ana.json was played on garden.yaml, and there is no file garden.yaml here: give the scenario's path as FILE, the command's first argument\n"
	if code != exitBadUse || stderr != want {
		t.Errorf("debrief without the scenario, away from it: exit %d, %q; want %q", code, stderr, want)
	}
	// Another scenario named for the transcripts is still refused, by its name.
	if _, stderr, code := runNegsim(t, "debrief", "teaching-two-party", "--transcripts", "class"); code != exitBadUse || !strings.Contains(stderr, `was played on "Allotment garden lease", not on "Job offer`) {
		t.Errorf("debrief on another scenario: exit %d, %q", code, stderr)
	}
}

// A sweep of a whole-number path with steps that fall between whole numbers says how many
// steps land on each, where it failed at the first: 0 to 3 in 7 steps is 0, 0.5, 1, …; in
// 3 − 0 + 1 = 4 steps it is 0, 1, 2, 3.
func TestSweepOfAWholeNumberSaysWhichStepsFit(t *testing.T) {
	_, stderr, code := runNegsim(t, "sweep", garden, "--param", "decision.votes_needed", "--from", "0", "--to", "3", "--steps", "7")
	want := "negsim: --steps 7 puts 0.5 between whole numbers, and decision.votes_needed holds a whole number (now 0): give --steps 4 for each from 0 to 3, or --values\n"
	if code != exitBadUse || stderr != want {
		t.Errorf("exit %d, %q; want exit 2, %q", code, stderr, want)
	}
	runOK(t, "sweep", garden, "--param", "decision.votes_needed", "--from", "0", "--to", "3", "--steps", "4")
}

// brief --all into a folder that holds an earlier set names the sheets it did not write:
// after the club is renamed gardeners, role-club.md is the old club's sheet, which a
// teacher printing the folder would hand out beside the new ones.
func TestBriefSetNamesTheSheetsOfAnEarlierRun(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "briefs")
	if _, stderr, code := runNegsim(t, "brief", garden, "--all", "-o", dir); code != exitOK || strings.Contains(stderr, "earlier run") {
		t.Fatalf("first run: exit %d, %q", code, stderr)
	}
	_, stderr, code := runNegsim(t, "brief", garden, "--all", "-o", dir, "--set", "actors.club.id=gardeners")
	want := "warning: " + dir + " also holds role-club.md from an earlier run, which this run did not write: remove it before handing the sheets out\n"
	if code != exitOK || stderr != want {
		t.Errorf("second run: exit %d, %q; want %q", code, stderr, want)
	}
	if _, err := os.Stat(filepath.Join(dir, "role-club.md")); err != nil {
		t.Errorf("the earlier sheet was removed, not only named: %v", err)
	}
}

// --transcripts names a folder: a missing one, or a file, is said to be so (a missing one
// read "no transcripts (*.json) in that folder", as if it existed).
func TestTranscriptsFolderThatIsNoFolder(t *testing.T) {
	for _, c := range []struct{ dir, want string }{
		{"no-such-folder", "negsim: --transcripts no-such-folder: no folder of that name; give the folder that holds the transcripts (*.json)\n"},
		{"testdata/play/*.json", "negsim: --transcripts testdata/play/*.json: give the folder alone, as in --transcripts testdata/play: every transcript (*.json) in it is read\n"},
		{garden, "negsim: --transcripts testdata/garden.yaml is a file; give the folder that holds the transcripts (*.json), or score one with negsim score --transcript testdata/garden.yaml\n"},
	} {
		_, stderr, code := runNegsim(t, "debrief", "--transcripts", c.dir)
		if code != exitBadUse || stderr != c.want {
			t.Errorf("--transcripts %s: exit %d, %q; want exit 2, %q", c.dir, code, stderr, c.want)
		}
	}
}
