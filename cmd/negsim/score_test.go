package main

import (
	"context"
	"encoding/csv"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/negsim/negsim/sim"
)

// A class of the job offer (scenarios/teaching-two-party.yaml works every number out by
// hand in its comments): u_C = 0.5·salary + 0.3·remote + 0.2·start for the candidate,
// u_E = 0.2·salary + 0.3·remote + 0.5·start for the employer, both walk away at 0.5, and
// the Nash deal is high, hybrid, now at (0.65, 0.65).

// officeDeal is a candidate who asks twice for a fully remote job and then accepts the
// employer's text of round 5: high, office, now, u_C = 0.5 + 0 + 0 = 0.5 (50 points, its
// walk-away exactly) and u_E = 0 + 0.3 + 0.5 = 0.8 (80 points): a joint gain of
// (50 − 50) + (80 − 50) = +30 points.
const officeDeal = "offer salary=high,remote=remote,start=now\nreject\noffer salary=high,remote=remote,start=now\nreject\noffer salary=high,remote=remote,start=now\naccept\n"

// playJobOffer plays the job offer as seat with moves and returns the transcript's path,
// in a folder of its own named dir inside the test's temporary folder.
func playJobOffer(t *testing.T, dir, name, seat, moves string) string {
	t.Helper()
	folder := filepath.Join(t.TempDir(), dir)
	if err := os.MkdirAll(folder, 0o755); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(folder, name)
	if _, stderr, code := runNegsimInput(t, moves, "play", "teaching-two-party", "--as", seat, "--transcript", path); code != exitOK {
		t.Fatalf("play: exit %d: %s", code, stderr)
	}
	return path
}

// saveAs writes the transcript at path again beside it as name, changed by edit when it
// is not nil, as a student's computer saves it, and returns the new path.
func saveAs(t *testing.T, path, name string, edit func(string) string) string {
	t.Helper()
	text, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if edit != nil {
		text = []byte(edit(string(text)))
	}
	saved := filepath.Join(filepath.Dir(path), name)
	if err := os.WriteFile(saved, text, 0o600); err != nil {
		t.Fatal(err)
	}
	return saved
}

// A student who walks away reached no deal: score --transcript says so in every format,
// and JSON above all, which graders read. It used to stop with "internal error: a result
// to label is not a JSON object", exit 1, where the table said "No agreement".
func TestScoreTranscriptWithoutAgreementInEveryFormat(t *testing.T) {
	path := playJobOffer(t, "class", "ana.json", "employer", "quit\n")
	for _, format := range []string{"table", "markdown", "csv", "json", "html"} {
		out := runOK(t, "score", "--transcript", path, "--format", format)
		if format == "json" {
			// Nothing was agreed: a joint gain of 0, no score, as debrief lists such a table.
			got := decodeJSON[map[string]any](t, "score --format json", out)
			want := map[string]any{"table": "ana", "agreement": false, "joint_gain": 0.0, "score": nil}
			for k, v := range want {
				if got[k] != v {
					t.Errorf("score --format json: %s = %v, want %v\n%s", k, got[k], v, out)
				}
			}
			if _, ok := got["variant"]; !ok {
				t.Errorf("score --format json: no variant label\n%s", out)
			}
		}
	}
}

// Windows Notepad saves a transcript with a byte-order mark and CRLF line endings, in
// UTF-8 or as "Unicode" (UTF-16); an old Mac editor ends lines with a lone CR. The session
// in each is the same, and it is scored the same: the office deal, +30.0 points.
func TestTranscriptSavedByNotepadIsScored(t *testing.T) {
	path := playJobOffer(t, "class", "ana.json", "candidate", officeDeal)
	copies := []string{
		saveAs(t, path, "bea.json", func(text string) string { return "\uFEFF" + strings.ReplaceAll(text, "\n", "\r\n") }),
		saveAs(t, path, "cem.json", func(text string) string { return utf16LE(strings.ReplaceAll(text, "\n", "\r\n")) }),
		saveAs(t, path, "dan.json", func(text string) string { return strings.ReplaceAll(text, "\n", "\r") }),
	}
	for _, notepad := range copies {
		s := runJSON[sim.Score](t, "score", "--transcript", notepad)
		// (50 − 50) + (80 − 50) = 30 points, 0.3 in utility.
		if !s.InZOPA || s.JointGain < 0.3-1e-9 || s.JointGain > 0.3+1e-9 {
			t.Errorf("%s: in ZOPA %v, joint gain %g; want in the ZOPA, 0.3", filepath.Base(notepad), s.InZOPA, s.JointGain)
		}
	}
	db := runJSON[sim.Debrief](t, "debrief", "--transcripts", filepath.Dir(path))
	if len(db.Tables) != 4 || db.Tables[0].JointGain != db.Tables[3].JointGain {
		t.Errorf("debrief of the transcript and its copies: %+v; want four tables of equal gain", db.Tables)
	}
}

// A transcript renamed on Windows or a Mac keeps its session: ANA.JSON is as much a
// transcript as ana.json, and a class folder's table must not silently go missing.
func TestTranscriptWithAnUpperCaseExtensionIsDebriefed(t *testing.T) {
	path := playJobOffer(t, "class", "ana.json", "candidate", officeDeal)
	dir := filepath.Dir(path)
	if err := os.Rename(path, filepath.Join(dir, "ANA.JSON")); err != nil {
		t.Fatal(err)
	}
	db := runJSON[sim.Debrief](t, "debrief", "--transcripts", dir)
	if len(db.Tables) != 1 || db.Tables[0].Table != "ANA" {
		t.Fatalf("debrief of a folder holding ANA.JSON: %+v; want the table ANA", db.Tables)
	}
}

// The same session saved twice (a student's "ana - Copy.json") counts one table twice; it
// is ranked as it is (two students may well play alike), and the teacher is told which
// files hold the same bytes.
func TestDuplicatedTranscriptIsNamed(t *testing.T) {
	path := playJobOffer(t, "class", "ana.json", "candidate", officeDeal)
	copyPath := saveAs(t, path, "ana - Copy.json", nil)
	stdout, stderr, code := runNegsim(t, "debrief", "--transcripts", filepath.Dir(path), "--format", "csv")
	if code != exitOK || strings.Count(stdout, "\n") != 3 {
		t.Fatalf("exit %d, %d lines: %s%s; want a header and two tables", code, strings.Count(stdout, "\n"), stdout, stderr)
	}
	wantContains(t, "debrief's warnings", stderr, "warning: "+copyPath+" and "+path+" hold the same session, byte for byte")
}

// A transcript cut short or emptied is refused at its line with what would be valid, not
// only in the JSON decoder's words.
func TestCutTranscriptSaysWhatWouldBeValid(t *testing.T) {
	path := playJobOffer(t, "class", "ana.json", "candidate", officeDeal)
	text, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	// The first 100 bytes of the transcript end on its line 6 or earlier; the decoder
	// stops at the end of the file.
	lines := strings.Count(string(text[:100]), "\n") + 1
	cut := writeTemp(t, "cut.json", string(text[:100]))
	wantRefused(t, cut+":"+strconv.Itoa(lines)+":", "score", "--transcript", cut)
	wantRefused(t, "the file ends in the middle of the transcript: it was cut short; score the whole file negsim play wrote", "score", "--transcript", cut)
	empty := writeTemp(t, "empty.json", "")
	wantRefused(t, empty+": the file is empty; score the transcript negsim play wrote", "score", "--transcript", empty)
	notJSON := writeTemp(t, "deal.json", "salary=high,remote=hybrid,start=now\n")
	wantRefused(t, notJSON+":1:1: not a transcript of negsim play: invalid character 's' looking for beginning of value; a transcript is the JSON file negsim play --transcript writes", "score", "--transcript", notJSON)
}

// The help's examples are copied as they are: each `negsim score` example that names a
// whole deal must run (the job offer's example named issues "price" and "delivery", which
// it does not have: "no issue \"price\"; valid: \"salary\", \"remote\" or \"start\"").
func TestScoreHelpExamplesRun(t *testing.T) {
	help := runOK(t, "score", "--help")
	ran := 0
	for _, line := range strings.Split(help, "\n") {
		fields := strings.Fields(line)
		if len(fields) < 3 || fields[0] != "negsim" || fields[1] != "score" || !strings.Contains(line, "--deal ") || strings.Contains(line, "...") {
			continue
		}
		runOK(t, fields[1:]...)
		ran++
	}
	if ran == 0 {
		t.Fatalf("no example with a whole --deal in the help:\n%s", help)
	}
}

// Value left on the table is judged among the deals of the zone, as score and the debrief's
// own lines say: debrief's help said "within everyone's red lines", which also holds deals
// below someone's walk-away value, or short of the votes.
func TestDebriefHelpJudgesLeftValueInTheZone(t *testing.T) {
	help := strings.Join(strings.Fields(runOK(t, "debrief", "--help")), " ")
	if strings.Contains(help, "was within everyone's red lines") {
		t.Errorf("debrief --help still judges value left on the table within everyone's red lines:\n%s", help)
	}
	wantContains(t, "debrief --help", help, "there was a deal of the ZOPA every veto actor likes at least as much, and one likes more")
}

// A student may name the variant inside the file argument, as every command allows
// (`negsim play teaching-harborco-quota#all-six`). play recorded that argument as its file,
// and score and debrief took "teaching-harborco-quota#all-six" for a file that is not
// there, refusing to debrief it beside a classmate's `--variant all-six`, which is the same
// scenario under the same variant. The session is now written as with --variant, byte for
// byte, and a transcript written the old way is still scored under its variant.
func TestTranscriptOfFileHashVariantIsScoredUnderThatVariant(t *testing.T) {
	dir := t.TempDir()
	hash, flag := filepath.Join(dir, "ana.json"), filepath.Join(dir, "bea.json")
	for _, args := range [][]string{
		{"play", "teaching-harborco-quota#all-six", "--as", "harborco", "--transcript", hash},
		{"play", "teaching-harborco-quota", "--variant", "all-six", "--as", "harborco", "--transcript", flag},
	} {
		if _, stderr, code := runNegsimInput(t, "quit\n", args...); code != exitOK {
			t.Fatalf("%v: exit %d: %s", args, code, stderr)
		}
	}
	var texts [2]string
	for i, path := range []string{hash, flag} {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		texts[i] = string(data)
	}
	byHash, byFlag := texts[0], texts[1]
	if byHash != byFlag {
		t.Errorf("play FILE#VARIANT wrote another transcript than play FILE --variant VARIANT:\n%s\n%s", byHash, byFlag)
	}
	old := strings.Replace(byHash, `"file": "teaching-harborco-quota",
  "variant": "all-six",`, `"file": "teaching-harborco-quota#all-six",
  "variant": "",`, 1)
	if old == byHash {
		t.Fatalf("the transcript does not begin with its file and variant:\n%s", byHash)
	}
	if err := os.WriteFile(hash, []byte(old), 0o600); err != nil {
		t.Fatal(err)
	}
	type labelled struct {
		Variant string
		Tables  []struct{ Table string }
	}
	if got := runJSON[labelled](t, "score", "--transcript", hash); got.Variant != "all-six" {
		t.Errorf("score of the #all-six transcript: variant %q, want all-six", got.Variant)
	}
	if got := runJSON[labelled](t, "debrief", "--transcripts", dir); got.Variant != "all-six" || len(got.Tables) != 2 {
		t.Errorf("debrief of both: variant %q, %d tables; want all-six, 2", got.Variant, len(got.Tables))
	}
}

// The same transcript scored on a file of another scenario is named as played elsewhere,
// not blamed on a variant the teacher never typed.
func TestTranscriptOfFileHashVariantOnAnotherScenario(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ana.json")
	if _, stderr, code := runNegsimInput(t, "quit\n", "play", "teaching-harborco-quota#all-six", "--as", "harborco", "--transcript", path); code != exitOK {
		t.Fatalf("play: exit %d: %s", code, stderr)
	}
	// The refusal says what would score it: the scenario and variant it was played on, or
	// none, since the transcript names its own.
	wantRefused(t, path+` was played on "Port licence by quota (teaching example, Harborco-like)", not on "Job offer (teaching example, two parties)"; give teaching-harborco-quota --variant all-six, or no scenario to use the transcript's`, "score", "teaching-two-party", "--transcript", path)
}

// A teacher who writes the debrief into the class folder (-o class/debrief.json) finds it
// read as a transcript the next time: the error says why the folder's other files matter.
func TestDebriefIntoTheClassFolderSaysToMoveIt(t *testing.T) {
	path := playJobOffer(t, "class", "ana.json", "candidate", officeDeal)
	dir := filepath.Dir(path)
	runOK(t, "debrief", "--transcripts", dir, "-o", filepath.Join(dir, "debrief.json"))
	wantRefused(t, filepath.Join(dir, "debrief.json")+": not a transcript of negsim play: it has no seat or no end; debrief --transcripts reads every .json file of the folder as a transcript: move the others out", "debrief", "--transcripts", dir)
}

// A transcript's table is named after its file, and the name is printed: a file name
// holding an escape sequence (ESC [2J clears the screen) would act on the teacher's
// terminal, as a deals file's table name may not. It is refused, the name quoted.
func TestTranscriptNamedWithAnEscapeIsRefused(t *testing.T) {
	path := playJobOffer(t, "class", "ana.json", "candidate", officeDeal)
	escaped := saveAs(t, path, "a\x1b[2Jb.json", nil)
	for _, args := range [][]string{{"debrief", "--transcripts", filepath.Dir(path)}, {"score", "--transcript", escaped}} {
		stdout, stderr, code := runNegsim(t, args...)
		if code != exitBadUse || strings.Contains(stdout+stderr, "\x1b") || !strings.Contains(stderr, `a\x1b[2Jb.json": the file's name holds`) {
			t.Errorf("%s: exit %d, stdout %q, stderr %q; want exit 2 and the name quoted", args[0], code, stdout, stderr)
		}
	}
}

// Under a decision rule a deal every veto actor accepts may still miss the votes, so a
// better deal must be named as one of the zone: "a deal every veto actor accepts" is
// true of the table's own deal too. In the accord (sim/testdata/accord.yaml, with the
// reference script's numbers): deep, medium, phase-down, voluntary is accepted by the EU
// (69.0 ≥ 45) and China (53.0 ≥ 40) alone, 2 of the 3 votes needed; signed it would give
// (69.0 − 45) + (53.0 − 40) = +37.00. The Nash deal, deep, large, phase-out, voluntary,
// passes and is worth 69.5 and 60.0 to them: +0.5 and +7.0 points.
func TestDebriefNamesTheBetterDealAsOneOfTheZone(t *testing.T) {
	deals := writeTemp(t, "class.csv", "table,target,finance,phaseout,review\nnovote,deep,medium,phase-down,voluntary\n")
	out := strings.Join(strings.Fields(runOK(t, "debrief", accordFile, "--deals", deals)), " ")
	wantContains(t, "debrief", out, "- novote: it gathers only 2 of the 3 votes needed, so it counts as no agreement. As written it gave European Union 69.0, China 53.0, a joint gain of +37.00. Changing finance to large and phaseout to phase-out gives a deal of the zone, which every veto actor likes at least as much.")
}

// A session can agree a deal that is outside the zone at the scenario's starting
// walk-away values, which score and debrief weigh every table at: in the accord the
// islands' walk-away drifts down 0.02 a round (0.75 → 0.65 by round 5) and the oil crash
// of round 3 takes the exporters' from 0.35 to 0.25, so deep, medium, phase-down,
// voluntary (islands 72.0, exporters 34.0) wins 4 votes in round 5 but only the EU's and
// China's 2 at the start. Scored, it "gathers only 2 of the 3 votes needed" — true at the
// start, and read as false by a teacher holding the session's "Agreement in round 5"
// unless the report says which walk-away values it weighs.
func TestSessionAgreedOutsideTheStartingZoneSaysSo(t *testing.T) {
	fixture := inClassFolder(t)
	offer := "offer target=deep,finance=medium,phaseout=phase-down,review=voluntary\n"
	moves := "reject\n" + offer + "reject\n" + offer + "reject\n" + offer
	if _, stderr, code := runNegsimInput(t, moves, "play", fixture, "--as", "china", "--transcript", "class/cn.json"); code != exitOK {
		t.Fatalf("play: exit %d: %s", code, stderr)
	}
	const said = "The session ended in agreement on it in round 5: every table is scored at the scenario's starting values, before the rounds' drift and events."
	score := strings.Join(strings.Fields(runOK(t, "score", fixture, "--transcript", "class/cn.json")), " ")
	wantContains(t, "score", score, "Not in the ZOPA: every veto actor would sign it, but it gathers only 2 of the 3 votes needed, so it counts as no agreement: every actor keeps its walk-away value. "+said)
	debrief := strings.Join(strings.Fields(runOK(t, "debrief", fixture, "--transcripts", "class")), " ")
	wantContains(t, "debrief", debrief, "- cn: it gathers only 2 of the 3 votes needed, so it counts as no agreement. "+said+" As written it gave European Union 69.0, China 53.0, a joint gain of +37.00.")
}

// The teacher may name the variant in the file argument too: a class played without it is
// then told apart by what it was played on, not blamed on a --variant no one typed ("names
// variant \"all-six\" but --variant says \"\"").
func TestFileHashVariantAgainstTranscriptsOfAnother(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ana.json")
	if _, stderr, code := runNegsimInput(t, "quit\n", "play", "teaching-harborco-quota", "--as", "harborco", "--transcript", path); code != exitOK {
		t.Fatalf("play: exit %d: %s", code, stderr)
	}
	wantRefused(t, path+" was played on teaching-harborco-quota, not on teaching-harborco-quota --variant all-six; give the same scenario, or none to use the transcript's", "score", "teaching-harborco-quota#all-six", "--transcript", path)
	runOK(t, "score", "teaching-harborco-quota#all-six", "--transcript", walkOutAsHarborco(t, "teaching-harborco-quota", "--variant", "all-six"))
}

// walkOutAsHarborco plays the scenario named by args as Harborco, walking away at once, and
// returns the transcript's path.
func walkOutAsHarborco(t *testing.T, args ...string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "bea.json")
	args = append([]string{"play"}, append(args, "--as", "harborco", "--transcript", path)...)
	if _, stderr, code := runNegsimInput(t, "quit\n", args...); code != exitOK {
		t.Fatalf("%v: exit %d: %s", args, code, stderr)
	}
	return path
}

// Notepad's "Save as" with the type "Text documents" turns ana.json into ana.json.txt: the
// session is whole, but only .json files are read, so the table went missing without a
// word. It is still not read (a .txt may be anything), and a warning names it.
func TestTranscriptSavedAsTextIsNamed(t *testing.T) {
	path := playJobOffer(t, "class", "ana.json", "candidate", officeDeal)
	txt := saveAs(t, path, "bea.json.txt", nil)
	stdout, stderr, code := runNegsim(t, "debrief", "--transcripts", filepath.Dir(path), "--format", "csv")
	if code != exitOK || strings.Count(stdout, "\n") != 2 {
		t.Fatalf("exit %d: %s%s; want a header and one table", code, stdout, stderr)
	}
	wantContains(t, "debrief's warnings", stderr, "warning: "+txt+" is not read: only files ending in .json are; rename it bea.json if it is a transcript")
}

// A session that ended without a deal leaves each actor its walk-away value: the text says
// what that is in points, as the CSV's walk_away_points columns do. The job offer's file
// gives the candidate 0.5 (50.0 points); --set gives the employer 0.35 (35.0). It says how
// the session ended too: the candidate, who holds a veto, left in round 0, which ended the
// talks (score said only "No agreement").
func TestNoAgreementShowsEachWalkAway(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ana.json")
	if _, stderr, code := runNegsimInput(t, "quit\n", "play", "teaching-two-party", "--set", "actors.employer.reservation=0.35", "--as", "candidate", "--transcript", path); code != exitOK {
		t.Fatalf("play: exit %d: %s", code, stderr)
	}
	out := runOK(t, "score", "--transcript", path, "--format", "markdown")
	wantContains(t, "score of a walk-out", out,
		"No agreement: the player at Candidate's seat left the table in round 0, and its veto ended the talks; every actor keeps its walk-away value, a joint gain of 0.",
		"| Candidate | yes  |                   50.0 |",
		"| Employer  | yes  |                   35.0 |")
}

// Two students who typed the same what-if as 0.5 and 0.50 (one with spaces around the =)
// played one scenario: the debrief takes both, and the teacher may type it either way.
// A value that differs, 0.35 against 0.5, is still another scenario.
func TestSetsWrittenDifferentlyAreOneSetup(t *testing.T) {
	dir := t.TempDir()
	for name, set := range map[string]string{"ana.json": "actors.employer.reservation=0.5", "bea.json": "actors.employer.reservation = 0.50"} {
		if _, stderr, code := runNegsimInput(t, "quit\n", "play", "teaching-two-party", "--set", set, "--as", "candidate", "--transcript", filepath.Join(dir, name)); code != exitOK {
			t.Fatalf("play --set %s: exit %d: %s", set, code, stderr)
		}
	}
	type tables struct{ Tables []struct{ Table string } }
	if got := runJSON[tables](t, "debrief", "--transcripts", dir); len(got.Tables) != 2 {
		t.Errorf("debrief of 0.5 and 0.50: %d tables, want 2", len(got.Tables))
	}
	if got := runJSON[tables](t, "debrief", "--transcripts", dir, "--set", "actors.employer.reservation=0.500"); len(got.Tables) != 2 {
		t.Errorf("debrief --set …=0.500: %d tables, want 2", len(got.Tables))
	}
	other := filepath.Join(dir, "cy.json")
	if _, stderr, code := runNegsimInput(t, "quit\n", "play", "teaching-two-party", "--set", "actors.employer.reservation=0.35", "--as", "candidate", "--transcript", other); code != exitOK {
		t.Fatalf("play: exit %d: %s", code, stderr)
	}
	wantRefused(t, "score transcripts of one scenario together", "debrief", "--transcripts", dir)
}

// The commands negsim prints for the user to copy name files as bash, PowerShell and
// Windows' cmd all read them: in double quotes when the name has a space or an apostrophe
// ("ana's session.json"), on one line. Unquoted, each shell split the name into two
// words; in single quotes, cmd kept the quotes as part of the name. Each printed command,
// split into words by sh, runs.
func TestPrintedCommandsNameFilesForEveryShell(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "my class")
	transcript := filepath.Join(dir, "ana's session.json")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	out, stderr, code := runNegsimInput(t, officeDeal, "play", "teaching-two-party", "--as", "candidate", "--transcript", transcript)
	if code != exitOK {
		t.Fatalf("play: exit %d: %s", code, stderr)
	}
	want := `negsim score --transcript "` + transcript + `"`
	if !strings.Contains(out, ": "+want+" scores the deal.") {
		t.Fatalf("play says\n%s\nwant the command %s", out, want)
	}
	runOK(t, shellWords(t, want)[1:]...)

	starter := filepath.Join(dir, "week 2.yaml")
	out = runOK(t, "new", starter, "--issues", "land,money", "--actors", "north,south")
	want = `negsim validate "` + starter + `"`
	if !strings.Contains(out, "  "+want+"\n") {
		t.Fatalf("new says\n%s\nwant the command %s", out, want)
	}
	if stdout, stderr, code := runNegsim(t, shellWords(t, want)[1:]...); code != exitOK || !strings.Contains(stdout, starter+": valid") {
		t.Errorf("%s: exit %d: %s%s", want, code, stdout, stderr)
	}
}

// shellWords splits a command line into its words as sh does.
func shellWords(t *testing.T, command string) []string {
	t.Helper()
	out, err := exec.Command("sh", "-c", `printf '%s\0' `+command).Output()
	if err != nil {
		t.Fatalf("sh cannot read %s: %v", command, err)
	}
	return strings.Split(strings.TrimSuffix(string(out), "\x00"), "\x00")
}

// A single ratifier's vote is said as whose it is: "the ratifier votes yes" named no one.
// By hand, in the tied-hands example Home's parliament ratifies a quota q of six worth q/6
// to it at or above its reservation 0.4: q4 (0.667) passes, q1 (0.167) does not.
func TestScoreNamesTheRatifierWhoseVoteDecides(t *testing.T) {
	wantContains(t, "score quota=q4", runOK(t, "score", "teaching-tied-hands", "--deal", "quota=q4"),
		"At home for Home government: ratified, with the vote of Home's parliament.")
	wantContains(t, "score quota=q1", runOK(t, "score", "teaching-tied-hands", "--deal", "quota=q1"),
		"At home for Home government: not ratified, without the vote of Home's parliament.")
}

// A session agreed inside the zone also scores at the starting values, not at those the
// session's end showed, and says so. Playing Ukraine under sanctions-bite and accepting
// every text ends in agreement on the Nash deal in round 7; by then Ukraine's walk-away has
// drifted from 0.40 to 0.31 and the round-2 strike has added 4 to its territory weight, so
// play's last table shows Ukraine 54.1 points over 31.0. score weighs the deal as analyze
// does: 0.523 over 0.400, 52.3 points and a surplus of +12.3.
func TestSessionAgreedInsideTheZoneSaysWhichValuesItScores(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ua.json")
	played, stderr, code := runNegsimInput(t, strings.Repeat("accept\n", 8), "play", "--variant", "sanctions-bite", "--as", "ukraine", "--transcript", path, "--wide")
	if code != exitOK {
		t.Fatalf("play: exit %d: %s", code, stderr)
	}
	wantContains(t, "play", played, "Agreement in round 7:", "│ Ukraine (you)                                     │ yes  │   54.1 │      31.0 │   +23.1 │")
	score := runOK(t, "score", "--transcript", path, "--wide")
	wantContains(t, "score", strings.Join(strings.Fields(score), " "),
		"In the ZOPA: it is one of the deals every veto actor accepts that are ratified at home. The session ended in agreement on it in round 7: every table is scored at the scenario's starting values, before the rounds' drift and events.")
	wantContains(t, "score", score, "│ Ukraine                                           │ yes  │   52.3 │      40.0 │   +12.3 │")
}

// A teacher's spreadsheet tells a stopped session from one that quit: both count as no
// agreement, a joint gain of 0, and the text and JSON of score and debrief say which was
// stopped, but the CSV said nothing. Under geneva-19-point Ukraine answers the United
// States' text in round 0: ana rejects it and her session is stopped in round 1, as Ctrl-C
// stops it; bea quits in round 0. Tables read from transcripts end in the columns
// session_ended and seat_left_in_round, after every column a deals file's tables have,
// which keep their places and get neither; the deals file itself is read as before.
func TestCSVMarksAStoppedSession(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "class")
	ctx := context.Background()
	s, _, w := genevaSession(t, ctx, 0)
	if _, err := s.g.Move(ctx, sim.Move{Move: sim.MoveReject}); err != nil {
		t.Fatal(err)
	}
	if err := s.g.Stop(sim.StopInterrupt); err != nil {
		t.Fatal(err)
	}
	ana := filepath.Join(dir, "ana.json")
	if _, err := s.writeTranscript(ctx, "", w, ana, s.g.Transcript()); err != nil {
		t.Fatal(err)
	}
	if _, errs, code := runNegsimInput(t, "quit\n", "play", "--variant", "geneva-19-point", "--as", "ukraine", "--transcript", filepath.Join(dir, "bea.json")); code != exitOK {
		t.Fatalf("play: exit %d: %s", code, errs)
	}

	readCSV := func(args ...string) [][]string {
		t.Helper()
		out := runOK(t, append(args, "--format", "csv")...)
		rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		return rows
	}
	// ended is each table's session_ended cell, by the table's name in the given column.
	ended := func(rows [][]string, tableColumn int) map[string]string {
		t.Helper()
		header := rows[0]
		if last := header[len(header)-2:]; !slices.Equal(last, []string{"session_ended", "seat_left_in_round"}) {
			t.Fatalf("the last columns are %q, want session_ended, seat_left_in_round: %v", last, header)
		}
		out := map[string]string{}
		for _, row := range rows[1:] {
			out[row[tableColumn]] = row[len(row)-2]
		}
		return out
	}
	debrief := readCSV("debrief", "--transcripts", dir)
	if got := ended(debrief, 1); got["ana"] != "stopped" || got["bea"] != "quit" || len(got) != 2 {
		t.Errorf("debrief's CSV: session_ended %v, want ana stopped, bea quit", got)
	}
	if got := ended(readCSV("score", "--transcript", ana), 0); got["ana"] != "stopped" || len(got) != 1 {
		t.Errorf("score's CSV: session_ended %v, want ana stopped", got)
	}

	// The same two tables as a deals file: every issue cell empty is no agreement.
	var ids []string
	for _, is := range s.sc.Issues {
		ids = append(ids, is.ID)
	}
	empty := strings.Repeat(",", len(ids))
	deals := filepath.Join(t.TempDir(), "class.csv")
	if err := os.WriteFile(deals, []byte("table,"+strings.Join(ids, ",")+"\nana"+empty+"\nbea"+empty+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	fromDeals := readCSV("debrief", "--variant", "geneva-19-point", "--deals", deals)
	if want := debrief[0][:len(debrief[0])-2]; !slices.Equal(fromDeals[0], want) {
		t.Errorf("a deals file's CSV header:\n%v\nwant the transcripts' without session_ended and seat_left_in_round:\n%v", fromDeals[0], want)
	}
	for i, row := range fromDeals[1:] {
		if want := debrief[i+1][:len(debrief[i+1])-2]; !slices.Equal(row, want) {
			t.Errorf("the deals file's row %d:\n%v\nwant the transcripts' without session_ended and seat_left_in_round:\n%v", i+1, row, want)
		}
	}
}

// shortThreeWays is a table of three voters, a vote each, without a veto among them, and a
// decision that asks for all three votes. A and B want "give" and must each have it ratified
// by a home ratifier (HA, HB) that wants "keep" at a reservation of 0.5; C wants "keep" at
// 0.5 too. So "give" is worth 0 to C, HA and HB: C votes against it (2 of the 3 votes) and
// neither ratification passes (0 of the 1 vote each needs).
const shortThreeWays = `name: Three ways short
issues:
  - {id: deal, name: Deal, options: [{id: keep}, {id: give}]}
actors:
  - {id: a, name: A, veto: false, votes: 1, reservation: 0.1, preferences: {deal: {weight: 1, ideal: give}}, ratification: {by: [ha]}}
  - {id: b, name: B, veto: false, votes: 1, reservation: 0.1, preferences: {deal: {weight: 1, ideal: give}}, ratification: {by: [hb]}}
  - {id: c, name: C, veto: false, votes: 1, reservation: 0.5, preferences: {deal: {weight: 1, ideal: keep}}}
  - {id: ha, name: HA, veto: false, reservation: 0.5, preferences: {deal: {weight: 1, ideal: keep}}}
  - {id: hb, name: HB, veto: false, reservation: 0.5, preferences: {deal: {weight: 1, ideal: keep}}}
decision: {votes_needed: 3}
`

// Score names the three rules the deal falls short of as a sentence lists them, and with
// no veto at the table does not speak of veto actors signing.
func TestScoreListsEveryRuleADealFallsShortOf(t *testing.T) {
	dir := writeFiles(t, map[string]string{"short.yaml": shortThreeWays})
	out := runOK(t, "score", filepath.Join(dir, "short.yaml"), "--deal", "deal=give")
	want := "Not in the ZOPA: no actor holds a veto, but it gathers only 2 of the 3 votes needed, " +
		"A's ratifiers give 0 of the 1 vote needed at home and B's ratifiers give 0 of the 1 vote needed at home, " +
		"so it counts as no agreement"
	if !strings.Contains(out, want) {
		t.Errorf("score says\n%s\nwant a line with %q", out, want)
	}
}

// The debrief of a class on the same table: "keep" gets C's vote but not A's or B's (each
// worth 0 to them, below their 0.1), so both tables' deals fail the votes, and no veto is
// there to stop either.
func TestDebriefWithoutAVetoDoesNotSpeakOfVetoActorsSigning(t *testing.T) {
	dir := writeFiles(t, map[string]string{"short.yaml": shortThreeWays, "class.csv": "table,deal\nred,give\nblue,keep\n"})
	out := runOK(t, "debrief", filepath.Join(dir, "short.yaml"), "--deals", filepath.Join(dir, "class.csv"))
	want := "2 deals that no veto stops count as no agreement too: they miss the votes needed at the table or ratification at home."
	if !strings.Contains(out, want) || strings.Contains(out, "veto actor would sign") {
		t.Errorf("debrief says\n%s\nwant a line with %q", out, want)
	}
}

// The Security Council's zone holds one deal, the statement (MODEL.md's check of the rule):
// the use of force is measured against it as "of 1 ZOPA deal", not "of 1 ZOPA deals", and
// on the scenario's one issue, not "1 of 1 issues".
func TestScoreCountsAZoneOfOneDealInTheSingular(t *testing.T) {
	out := runOK(t, "score", "teaching-security-council", "--deal", "response=force")
	if !strings.Contains(out, "Distance to the Nash solution (of 1 ZOPA deal): its one issue differs, response (Nash: statement)") {
		t.Errorf("score says\n%s\nwant the distance to the Nash solution of 1 ZOPA deal", out)
	}
}

// A player without a veto may give the vote that passes a deal below its walk-away value:
// at North (testdata/village-vote.yaml), accepting the chair's park (40 points against a
// walk-away of 60) makes the two votes the plan needs, and play reports an agreement. The
// score counts no yes given against one's own values, so the park gathers one vote (the
// chair's) of two: it said only that, and the class could not see that the vote missing
// was the player's own.
func TestScoreNamesAYesGivenAgainstTheVotersOwnValues(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "north.json")
	stdout, stderr, code := runNegsimInput(t, "accept\n", "play", "testdata/village-vote.yaml", "--as", "north", "--transcript", path)
	if code != exitOK || !strings.Contains(stdout, "2 votes of the 2 needed. Agreement.") {
		t.Fatalf("play: exit %d, %s\n%s", code, stderr, stdout)
	}
	const why = "it gathers only 1 of the 2 votes needed (North signed it below its walk-away value; a yes against one's own values counts as no vote)"
	text, _, _ := runNegsim(t, "score", "testdata/village-vote.yaml", "--transcript", path)
	if !strings.Contains(text, "Not in the ZOPA: every veto actor would sign it, but "+why+", so it counts as no agreement") {
		t.Errorf("score:\n%s", text)
	}
	text, _, _ = runNegsim(t, "debrief", "testdata/village-vote.yaml", "--transcripts", dir)
	if !strings.Contains(text, "- north: "+why+", so it counts as no agreement.") {
		t.Errorf("debrief:\n%s", text)
	}
	// Where the chair's vote alone passes the plan, North's yes changes nothing of the
	// outcome, but the count differs from the session's "2 votes of the 1 needed": score
	// says why.
	one := filepath.Join(dir, "one-vote.json")
	if _, stderr, code := runNegsimInput(t, "accept\n", "play", "testdata/village-vote.yaml", "--as", "north", "--set", "decision.votes_needed=1", "--transcript", one); code != exitOK {
		t.Fatalf("play with one vote needed: exit %d, %s", code, stderr)
	}
	text, _, _ = runNegsim(t, "score", "testdata/village-vote.yaml", "--transcript", one)
	wantContains(t, "score of the one-vote session", text, "Votes at the table: 1, of the 1 a deal needs (North signed it below its walk-away value; a yes against one's own values counts as no vote).")
	// The same deal given by hand was signed by no one: only the votes are counted.
	text, _, _ = runNegsim(t, "score", "testdata/village-vote.yaml", "--deal", "plan=park")
	if !strings.Contains(text, "but it gathers only 1 of the 2 votes needed, so it counts") {
		t.Errorf("score --deal:\n%s", text)
	}
}

// A deal a hair below a walk-away value is refused as one far below is, and said so: the
// job offer's high salary, hybrid work and an early start give the employer 65.0 points,
// 0.01 short of a walk-away value set to 65.01. score wrote its surplus "+0.0" beside
// "accepts: no, 0.0 points below the walk-away", and play's score command "0.0 points below
// your walk-away value (surplus +0.0)": a student checking a deal near the walk-away value,
// as the role sheet tells, read it as enough. A shortfall keeps the decimals that show it;
// a gain that rounds to zero still reads +0.0.
func TestAShortfallUnderATenthIsShown(t *testing.T) {
	const deal = "salary=high,remote=hybrid,start=now"
	out := runOK(t, "score", "teaching-two-party", "--set", "actors.employer.reservation=0.6501", "--deal", deal)
	if !regexp.MustCompile(`Employer\s+│ yes\s+│\s+65\.0 │\s+65\.0 │\s+-0\.01 │ no\s+│ 0\.01 points below the walk-away`).MatchString(out) {
		t.Errorf("score:\n%s", out)
	}
	played, _, _ := runNegsimInput(t, "score "+deal+"\nquit\n", "play", "teaching-two-party", "--as", "employer", "--set", "actors.employer.reservation=0.6501")
	wantContains(t, "play's score", played, "0.01 points below your walk-away value of 65.0 (surplus -0.01).")
	for _, c := range []struct {
		u    float64
		want string
	}{{-0.0001, "-0.01"}, {-0.000004, "-0.0004"}, {-0.2, "-20.0"}, {-0.0006, "-0.1"}, {0.0001, "+0.0"}, {-1e-12, "+0.0"}, {0.123, "+12.3"}} {
		if got := signedPts(c.u); got != c.want {
			t.Errorf("signedPts(%g) = %q, want %q", c.u, got, c.want)
		}
	}
}

// Pareto is judged over the parties with a veto, and a better deal for them can cost the
// others: in Harborco, medium fund and partial guarantee leave the developer 10 points
// (0.6·(1 − 0.5) − 0.4·(0.5 − 0) = 0.1) against small fund and full guarantee, which take
// the environmental coalition from 0.5 to 0 (−50.0) and the union from 0.5 to 1 (+50.0);
// the other ports lose 25 on the fund and win 25 on the jobs, and the governor and the
// agency value small as medium and full as partial: unmoved, and not named. score and
// debrief said only what the developer gains.
func TestValueLeftSaysWhatItCostsTheOthers(t *testing.T) {
	const others = " The others' points change too: Environmental coalition -50.0, Union +50.0."
	wantContains(t, "score", runOK(t, "score", "teaching-harborco-quota", "--deal", "fund=medium,jobs=partial"),
		"at least as good for each veto actor (Harborco (developer) +10.0 points; the smallest gain +10.0)."+others+"\n")
	deals := writeTemp(t, "class.csv", "table,fund,jobs\nports,medium,partial\n")
	wantContains(t, "debrief", runOK(t, "debrief", "teaching-harborco-quota", "--deals", deals),
		"- ports: changing fund to small and jobs to full gives every veto actor at least +10.0 points more."+others)
}
