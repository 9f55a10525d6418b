package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/negsim/negsim/internal/pagetest"
)

// inClassFolder moves the test into a fresh folder holding an empty folder class, for the
// transcripts a class hands in, and returns the accord's path from there.
func inClassFolder(t *testing.T) string {
	t.Helper()
	fixture, err := filepath.Abs(accordFile)
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(t.TempDir())
	if err := os.Mkdir("class", 0o755); err != nil {
		t.Fatal(err)
	}
	return fixture
}

// A transcript edited by hand is refused, by file, line and field: score and debrief read
// the agreed deal from the file, so a student who changed review=binding to voluntary (30
// points more for China: review weighs 30 of its 100, voluntary 1 and binding 0) was ranked on a deal no one at the table agreed.
func TestEditedTranscriptIsRefusedAtItsLine(t *testing.T) {
	fixture := inClassFolder(t)
	if _, errs, code := runNegsimInput(t, pagetest.ChinaOffersBinding, "play", fixture, "--as", "china", "--transcript", "class/cn.json"); code != exitOK {
		t.Fatal(errs)
	}
	data, err := os.ReadFile("class/cn.json")
	if err != nil {
		t.Fatal(err)
	}
	// The outcome's deal is the last "review" the file writes before "utilities" of the
	// outcome; find its line by reading the text, independently of the check's own parser.
	lines := strings.Split(string(data), "\n")
	outcome := -1
	for i, l := range lines {
		if strings.HasPrefix(l, `  "outcome": {`) {
			outcome = i
		}
	}
	line := -1
	for i := outcome; outcome >= 0 && i < len(lines); i++ {
		if strings.Contains(lines[i], `"review": "binding"`) {
			line = i + 1
			break
		}
	}
	if line < 0 {
		t.Fatalf("no review in the outcome of the transcript:\n%s", data)
	}
	lines[line-1] = strings.Replace(lines[line-1], "binding", "voluntary", 1)
	os.WriteFile("class/cn.json", []byte(strings.Join(lines, "\n")), 0o644)

	want := fmt.Sprintf(`class/cn.json:%d: outcome.deal.options.review: the transcript says "voluntary", but its moves give "binding"`, line)
	wantRefused(t, want, "score", fixture, "--transcript", "class/cn.json")
	wantRefused(t, want, "debrief", fixture, "--transcripts", "class")

	// A move misspelt: the first, counted from 0.
	os.WriteFile("class/cn.json", []byte(strings.Replace(string(data), `"move": "reject"`, `"move": "rejet"`, 1)), 0o644)
	wantRefused(t, `moves.0.move: rejet: no move "rejet"; did you mean "reject"?`, "score", fixture, "--transcript", "class/cn.json")
	// The offer on China's turn (round 1) turned into a reject, which that turn does not take.
	os.WriteFile("class/cn.json", []byte(strings.Replace(string(data), `"move": "offer"`, `"move": "reject"`, 1)), 0o644)
	wantRefused(t, `moves.1.move: reject: it is your turn to propose`, "score", fixture, "--transcript", "class/cn.json")
}

// The coach said nothing of the seat's own offer, which counts as accepted by the seat: a
// student who offered a deal across its own red line saw it agreed unremarked, and the end
// showed only the points. The numbers are pagetest.ChinaOffersBinding's, worked above.
func TestCoachWeighsTheSeatsOwnOffer(t *testing.T) {
	out, errs, code := runNegsimInput(t, pagetest.ChinaOffersBinding, "play", accordFile, "--as", "china", "--coach")
	if code != exitOK {
		t.Fatal(errs)
	}
	wantContains(t, "play --coach", out,
		"> offer target=deep,finance=large,phaseout=phase-out,review=binding\n"+
			"Coach: your offer is worth 30.0 points to you: 10.0 points below your walk-away value of 40.0 (surplus -10.0). It crosses your red lines: review = binding.\n"+
			"Round 3, your proposal: accepted by European Union, you and Small island states; rejected by Oil exporters; at home, yes from European Parliament. 3 votes of the 3 needed. Agreement.\n",
		"Your own values rule this deal out: 10.0 points below your walk-away value of 40.0 (surplus -10.0). It crosses your red lines: review = binding.\n")
	// Round 1's offer is the same deal, 30.0 points, at the walk-away value of round 1
	// (China's does not move: 40.0): the coach weighs it too.
	if n := strings.Count(out, "Coach: your offer is worth 30.0 points"); n != 2 {
		t.Errorf("the coach weighed %d of the seat's 2 offers:\n%s", n, out)
	}

	// Without the coach the offer is not weighed, but the end still says what the seat agreed.
	out, _, _ = runNegsimInput(t, pagetest.ChinaOffersBinding, "play", accordFile, "--as", "china")
	if strings.Contains(out, "Coach:") {
		t.Errorf("a coach without --coach:\n%s", out)
	}
	wantContains(t, "play", out, "Your own values rule this deal out: 10.0 points below your walk-away value of 40.0 (surplus -10.0). It crosses your red lines: review = binding.\n")
}

// A deal every veto and enough votes at the table accept can still fail at home. Playing
// the EU, which must have its deals ratified by the European Parliament (720 votes, 361
// needed, voting as one bloc), the student offers in round 6 medium/large/phase-out/
// voluntary. Worked from sim/testdata/accord.yaml:
//   - China 30·0.7 + 30·1 + 10·0 + 30·1 = 81 ≥ its round-6 aspiration
//     0.4 + 0.6·(1 − (6/7)^5) ≈ 0.722; the island states 40·0.4 + 40·1 + 20·1 = 76 ≥
//     0.63 + 0.37·(1 − √(6/7)) ≈ 0.657 (and medium comes with large, as they ask); the oil
//     exporters refuse phase-out: 3 votes of the 3 needed, both vetoes in.
//   - the Parliament: 50·0.5 + 30·1 + 20·0 = 55 points, below the 60 its election (round 5)
//     set: 0 of 720 votes, so the deal is not ratified for the EU and no agreement follows.
//
// play printed "3 votes. No agreement." with no reason, and named the Parliament by its id;
// then it named the seat, whose proposal "you" made, "European Union".
func TestPlaySaysWhenTheVoteAtHomeLeavesADealUnagreed(t *testing.T) {
	best := "offer target=deep,finance=medium,phaseout=phase-out,review=voluntary\nreject\n"
	moves := strings.Repeat(best, 3) + "offer target=medium,finance=large,phaseout=phase-out,review=voluntary\n"
	out, errs, code := runNegsimInput(t, moves, "play", accordFile, "--as", "eu")
	if code != exitOK {
		t.Fatal(errs)
	}
	wantContains(t, "play --as eu", out,
		"A deal you agree must be ratified at home by European Parliament: it needs 361 of their 720 votes.\n",
		"Round 6, your proposal: accepted by you, China and Small island states; rejected by Oil exporters; at home, no from European Parliament. 3 votes of the 3 needed. No agreement: it would not be ratified at home for you.\n")
}

// A moves file is echoed line by line; an escape sequence in it (ESC [2J clears a screen)
// reached the terminal as typed. It is now echoed quoted, and still answered as a command.
func TestPlayEchoesNoEscapeSequence(t *testing.T) {
	out, errs, code := runNegsimInput(t, "\x1b[2Jshow\nquit\n", "play", accordFile, "--as", "china")
	if code != exitOK {
		t.Fatal(errs)
	}
	if strings.Contains(out, "\x1b") {
		t.Errorf("an escape character reached standard output:\n%q", out)
	}
	// The echo is Go's quoting of the line: "\x1b[2Jshow"; the word is not a command.
	wantContains(t, "play", out, "> \"\\x1b[2Jshow\"\n", "no command \"\\x1b[2jshow\";")
}

// A transcript of the reference scenario under sanctions-bite, scored on the accord: the
// error blamed the accord for lacking the transcript's variant, which the teacher never
// typed ("accord.yaml: --variant sanctions-bite: variants: no variant ..."). It now says
// the transcript was played on another scenario, by name, as it does without a variant.
func TestTranscriptOfAnotherScenarioWithAVariantIsNamedSo(t *testing.T) {
	fixture := inClassFolder(t)
	if _, errs, code := runNegsimInput(t, "quit\n", "play", "--variant", "sanctions-bite", "--as", "ukraine", "--transcript", "class/ua.json"); code != exitOK {
		t.Fatal(errs)
	}
	want := `class/ua.json was played on "Ukraine–Russia–US talks, February 2026", not on "Harbour City climate accord"`
	wantRefused(t, want, "score", fixture, "--transcript", "class/ua.json")
	wantRefused(t, want, "debrief", fixture, "--transcripts", "class")
}

// What the replay compares is what the moves give: a transcript still scores after the
// teacher corrects a name in the scenario (China's name is in the transcript's actors, but
// no move, number or deal depends on it), and a transcript of an earlier release, which
// lacks a field added since (here "deadline"), still scores; a round cut from the
// transcript is refused, though each round left matches.
func TestReplayComparesWhatTheMovesGive(t *testing.T) {
	fixture := inClassFolder(t)
	if _, errs, code := runNegsimInput(t, pagetest.ChinaOffersBinding, "play", fixture, "--as", "china", "--transcript", "class/cn.json"); code != exitOK {
		t.Fatal(errs)
	}
	src, err := os.ReadFile(fixture)
	if err != nil {
		t.Fatal(err)
	}
	renamed := strings.Replace(string(src), "    name: China\n", "    name: People's Republic of China\n", 1)
	if renamed == string(src) {
		t.Fatal("the accord names no actor China")
	}
	os.WriteFile("accord.yaml", []byte(renamed), 0o644)
	if _, errs, code := runNegsim(t, "score", "accord.yaml", "--transcript", "class/cn.json"); code != exitOK {
		t.Errorf("after a name corrected in the scenario, score refused the transcript: %s", errs)
	}

	data, err := os.ReadFile("class/cn.json")
	if err != nil {
		t.Fatal(err)
	}
	var rec map[string]json.RawMessage
	if err := json.Unmarshal(data, &rec); err != nil {
		t.Fatal(err)
	}
	delete(rec, "deadline")
	older, _ := json.MarshalIndent(rec, "", "  ")
	os.WriteFile("class/cn.json", older, 0o644)
	if _, errs, code := runNegsim(t, "score", fixture, "--transcript", "class/cn.json"); code != exitOK {
		t.Errorf("a transcript without a field added since was refused: %s", errs)
	}

	// pagetest.ChinaOffersBinding ends in round 3: rounds 0 to 3, four of them.
	var rounds []json.RawMessage
	json.Unmarshal(rec["rounds"], &rounds)
	if len(rounds) != 4 {
		t.Fatalf("the session has %d rounds, want 4", len(rounds))
	}
	rec["rounds"], _ = json.Marshal(rounds[:3])
	cut, _ := json.MarshalIndent(rec, "", "  ")
	os.WriteFile("class/cn.json", cut, 0o644)
	wantRefused(t, `rounds: the transcript says a list of 3, but its moves give a list of 4`, "score", fixture, "--transcript", "class/cn.json")
}

// A moves file saved by Windows Notepad replays the session as one saved as plain UTF-8:
// with its byte-order mark ("UTF-8 with BOM", or "Unicode", which is UTF-16) and "\r\n"
// line ends. Read as it was, the mark made the first move "\ufeffreject", refused, and
// the second reject answered the first turn. Under geneva-19-point Ukraine answers a text
// in round 0 and, after a reject, another in round 1.
func TestPlayReadsAMovesFileSavedByNotepad(t *testing.T) {
	args := []string{"play", "--variant", "geneva-19-point", "--as", "ukraine"}
	want, _, _ := runNegsimInput(t, "reject\nreject\n", args...)
	if strings.Count(want, "> reject\n") != 2 || !strings.Contains(want, "== Round 2 ") {
		t.Fatalf("the plain moves do not take the talks to round 2:\n%s", want)
	}
	crlf := "reject\r\nreject\r\n"
	var utf16le strings.Builder
	utf16le.WriteString("\xff\xfe")
	for _, c := range crlf {
		utf16le.WriteString(string([]byte{byte(c), 0}))
	}
	for name, moves := range map[string]string{"UTF-8 with BOM": "\ufeff" + crlf, "Unicode (UTF-16)": utf16le.String()} {
		if got, errs, _ := runNegsimInput(t, moves, args...); got != want {
			t.Errorf("moves saved as %s replay otherwise:\n%s%s\nwant:\n%s", name, got, errs, want)
		}
	}
}
