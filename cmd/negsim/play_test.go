package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/mattn/go-runewidth"
	"github.com/negsim/negsim/config"
	"github.com/negsim/negsim/internal/listtest"
	"github.com/negsim/negsim/internal/pagetest"
	"github.com/negsim/negsim/scenarios"
	"github.com/negsim/negsim/sim"
)

// playCase runs the scripted session testdata/play/NAME.txtar: the command in its comment,
// its file "moves" as standard input. What it prints and the transcript it writes must be
// the archive's stdout and transcript.json (-update rewrites them), and a second run with
// the same moves must write the same transcript, byte for byte.
func playCase(t *testing.T, name string) (*playRecord, string) {
	t.Helper()
	var sc *script
	for _, s := range readScripts(t, "play") {
		if s.name == name {
			sc = &s
		}
	}
	if sc == nil {
		t.Fatalf("no testdata/play/%s.txtar", name)
	}
	files := map[string]string{}
	for _, f := range sc.inputs {
		files[f.Name] = string(f.Data)
	}
	archive, err := filepath.Abs(sc.archive)
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(t.TempDir())
	out, errs, code := runNegsimInput(t, files["moves"], sc.args...)
	if code != sc.exit || errs != "" {
		t.Fatalf("exit %d, want %d; stderr:\n%s", code, sc.exit, errs)
	}
	data, err := os.ReadFile("session.json")
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		updateArchive(t, archive, sc.ar, map[string][]byte{"stdout": []byte(out), "transcript.json": data})
	} else {
		if out != sc.stdout {
			t.Errorf("stdout differs from %s's; run go test ./cmd/negsim -update if the change is intended\ngot:\n%s", sc.archive, out)
		}
		if string(data) != files["transcript.json"] {
			t.Errorf("the transcript differs from %s's transcript.json\ngot:\n%s", sc.archive, data)
		}
	}
	rec := decodeJSON[*playRecord](t, "session.json", string(data))
	if _, _, code := runNegsimInput(t, files["moves"], sc.args...); code != exitOK {
		t.Fatalf("second run: exit %d", code)
	}
	again, err := os.ReadFile("session.json")
	if err != nil || string(again) != string(data) {
		t.Errorf("a second session with the same moves wrote another transcript (%v)", err)
	}
	return rec, out
}

func movesOf(rec *playRecord) []string {
	return listtest.Map(rec.Moves, func(m sim.Move) string { return string(m.Move) })
}

// A student who accepts every text the mediator tables, from the first: the agents still
// reject until round 7, where the talks end as 'rounds' ends them (the model's Ukraine
// accepts that text too), so the deal is the one rounds reaches.
func TestPlayAcceptEveryOffer(t *testing.T) {
	rec, _ := playCase(t, "mediated-accept-every-offer")
	if rec.Ended != sim.EndAgreement || rec.Outcome.Round != 7 || len(rec.Moves) != 8 {
		t.Fatalf("ended %q in round %d after %d moves", rec.Ended, rec.Outcome.Round, len(rec.Moves))
	}
	for _, rd := range rec.Rounds {
		if !slices.Contains(rd.AcceptedBy, "ukraine") {
			t.Errorf("round %d: the student accepted, but Ukraine is not among %v", rd.Round, rd.AcceptedBy)
		}
	}
	tr := runJSON[sim.Transcript](t, "rounds", "--variant", "sanctions-bite")
	if !reflect.DeepEqual(rec.Outcome.Deal.Options, tr.Outcome.Deal.Options) {
		t.Errorf("agreed %v, rounds agrees %v", rec.Outcome.Deal.Options, tr.Outcome.Deal.Options)
	}
}

// A walk-away value is told where it shows a change, as it is shown: the candidate's 0.5
// drifting by 0.0002 a round is 50.0 points until round 2 (50.04), 50.1 from round 3
// (50.06) and 50.2 from round 8 (50.16), to a tenth of a point. play told "now 50.0 points"
// after 50.0, at every round.
func TestPlayToldAWalkAwayValueWhereItShowsAChange(t *testing.T) {
	out, errOut, code := runNegsimInput(t, strings.Repeat("reject\n", 10), "play", "teaching-two-party", "--as", "candidate",
		"--set", "protocol.kind=mediated", "--set", "actors.candidate.reservation_drift=0.0002")
	if code != exitOK {
		t.Fatalf("negsim play: exit %d: %s", code, errOut)
	}
	var told []string
	round := ""
	for _, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(line, "== Round ") {
			round = strings.Fields(line)[2]
		}
		if strings.HasPrefix(line, "Your walk-away value is now") {
			told = append(told, "round "+round+": "+line)
		}
	}
	want := []string{"round 3: Your walk-away value is now 50.1 points.", "round 8: Your walk-away value is now 50.2 points."}
	if !slices.Equal(told, want) {
		t.Errorf("play told the walk-away value\n%s\nwant\n%s", strings.Join(told, "\n"), strings.Join(want, "\n"))
	}
}

// A person at a seat may accept less than its walk-away value, which no agent does: the
// candidate of the two-party scenario offers mid/office/now, worth 25 + 0 + 0 = 25 points to
// it against 50, until the employer takes it in round 2. The employer's points: salary mid
// 0.5 × 20 + office 30 + now 50 = 90; its aspiration at round 2, linear over rounds 0 to 9,
// 0.5 + (1 − 0.5)·(1 − 2/9) ≈ 88.9, which 90 meets. The deal is outside the zone at round 2's
// walk-away values, so it is on no Pareto frontier, as score judges such a deal: play said
// "On the Pareto frontier", since no deal in the zone is better for one and no worse for the
// other.
func TestPlayAcceptedBelowWalkAway(t *testing.T) {
	rec, out := playCase(t, "accepts-below-walk-away")
	o := rec.Outcome
	if !o.Agreement || o.Round != 2 || o.Deal == nil {
		t.Fatalf("outcome %+v; want agreement in round 2", o)
	}
	if !near(o.Deal.Utilities["candidate"], 0.25) || !near(o.Deal.Utilities["employer"], 0.9) {
		t.Errorf("utilities %v; want candidate 0.25, employer 0.9", o.Deal.Utilities)
	}
	if !o.OutsideZone || o.Deal.Pareto {
		t.Errorf("outside the zone %v, Pareto %v; want outside, not Pareto-optimal", o.OutsideZone, o.Deal.Pareto)
	}
	wantContains(t, "play", out, "Not on the Pareto frontier: the deal is outside the zone of possible agreement at round 2's walk-away values, and the frontier is made of the zone's deals.")
}

// A student who holds out: rejects every text of the Geneva framework (an empty zone, but
// one where the mediator has texts to propose) and leaves with its walk-away value at the
// deadline, round 7. Ukraine's reservation then is 0.42 − 7·0.01 (drift) + 0.02 (round 1's
// energy pause) − 0.04 (round 2's strike) = 0.33; Russia's 0.66 + 7·0.005 + 0.02 = 0.715.
//
// The ratifiers sit at no table: their answers are said apart, as votes at home, not among
// the actors that accept. Round 0's text is accepted by none of the four at the table, and
// at home by the Rada, the open voters and Russia's hardliners, not by the opposed voters.
// The United States, its proposer, has not accepted it either, which is not rejecting it.
func TestPlayHoldOut(t *testing.T) {
	rec, out := playCase(t, "mediated-hold-out")
	wantContains(t, "play", out, "Round 0, the proposal by United States: accepted by no one; rejected by you, Russia and Europe (EU, UK and the Coalition of the Willing); "+
		"at home, yes from Ukraine's parliament (the Rada), Ukrainian voters open to a territorial compromise and Russia's hardliners, no from Ukrainian voters opposed to ceding land; "+
		"not accepted by the proposer, United States: the proposal gives less than the proposer's aspiration. No agreement")
	if rec.Ended != sim.EndDeadline || rec.Outcome.Agreement || rec.Outcome.Round != 7 {
		t.Fatalf("ended %q in round %d, agreement %v", rec.Ended, rec.Outcome.Round, rec.Outcome.Agreement)
	}
	if r := rec.Outcome.Reservations; !near(r["ukraine"], 0.33) || !near(r["russia"], 0.715) {
		t.Errorf("reservations at the end %v, want ukraine 0.33, russia 0.715", r)
	}
	if !rec.Coach || rec.Seat != "ukraine" || rec.File != "ukraine-2026" {
		t.Errorf("setup recorded as coach %v, seat %q, file %q", rec.Coach, rec.Seat, rec.File)
	}
}

// The employer of the job offer answers every proposal of the candidate with a counter and
// offers on its own turns, always high-hybrid-now: .5 + .3·.5 + 0 = .65 for the candidate
// and 0 + .3·.5 + .5 = .65 for the employer, the Nash deal (teaching-two-party.yaml). The
// candidate concedes linearly from 1 to its reservation .5 over rounds 0–9: its aspiration
// at round t is .5 + .5·(1 − t/9), .667 at round 6 (above .65) and .611 at round 7, where it
// accepts. The 8 offers are rounds 0 to 7, counters on the candidate's even rounds.
func TestPlayCounterOffers(t *testing.T) {
	rec, _ := playCase(t, "alternating-counter-offers")
	if rec.Ended != sim.EndAgreement || rec.Outcome.Round != 7 {
		t.Fatalf("ended %q in round %d", rec.Ended, rec.Outcome.Round)
	}
	if u := rec.Outcome.Deal.Utilities; !near(u["candidate"], 0.65) || !near(u["employer"], 0.65) {
		t.Errorf("utilities %v, want .65 each", u)
	}
	counters := 0
	for _, rd := range rec.Rounds {
		if rd.Proposal != nil && rd.Proposal.Basis == sim.BasisCounter {
			counters++
			if rd.Round%2 != 0 {
				t.Errorf("a counter in round %d, the employer's own turn", rd.Round)
			}
		}
	}
	// Rounds 0, 2, 4, 6 are the candidate's: four counters; 1, 3, 5, 7 the employer's.
	if counters != 4 || len(rec.Moves) != 8 {
		t.Errorf("%d counters in %d moves, want 4 in 8", counters, len(rec.Moves))
	}
}

// Mistyped and untimely moves are answered in place and recorded nowhere: of the session's
// lines only one reject took effect, and the end of the input quit.
func TestPlayIllegalMoves(t *testing.T) {
	rec, stdout := playCase(t, "illegal-moves")
	if got := movesOf(rec); !reflect.DeepEqual(got, []string{"reject", "quit"}) {
		t.Errorf("moves recorded %v, want [reject quit]", got)
	}
	if rec.Ended != sim.EndQuit || rec.Outcome.Round != 1 {
		t.Errorf("ended %q in round %d, want a quit in round 1", rec.Ended, rec.Outcome.Round)
	}
	for _, want := range []string{
		`no command "acept"; did you mean "accept"?`,
		`no command "propose"; did you mean "offer"?`,
		`issue "territory" has no option "freez"; did you mean "freeze"?`,
		`issue "nato" is given twice`,
		"nothing is on the table to accept; it is your turn to propose: offer issue=option,...",
		"quit (end of input)",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("the session does not answer %q", want)
		}
	}
}

func near(a, b float64) bool { return a-b < 1e-9 && b-a < 1e-9 }

// The role brief that show prints holds the seat's values and none of another actor's.
func TestPlayShowIsTheRoleBrief(t *testing.T) {
	out, errs, code := runNegsimInput(t, "show\n", "play", "--variant", "geneva-19-point", "--as", "russia")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	brief, _, _ := runNegsim(t, "brief", "--variant", "geneva-19-point", "--actor", "russia")
	// Where the rounded points may mislead, each says how to check in its own place: the
	// sheet with negsim score, the session with its score command.
	brief = strings.Replace(brief, "(negsim score says whether it does)", "(score issue=option,... says whether it does)", 1)
	_, confidential, ok := strings.Cut(brief, "Confidential: for Russia only")
	if !ok || !strings.Contains(out, "Confidential: for Russia only"+confidential[:strings.Index(confidential, "Your red lines")]) {
		t.Errorf("show does not print Russia's brief as brief does:\n%s", out)
	}
	if strings.Contains(out, "for Ukraine only") {
		t.Error("show printed another role's brief")
	}
}

// score and debrief read transcripts: a deal reached in play scores as the same deal
// given by hand, and a folder of transcripts ranks as a deals file of the same tables.
func TestScoreAndDebriefReadTranscripts(t *testing.T) {
	moves := strings.Repeat("accept\n", 8)
	dir := t.TempDir()
	t.Chdir(dir)
	if _, errs, code := runNegsimInput(t, moves, "play", "--variant", "sanctions-bite", "--as", "ukraine", "--transcript", "class/red.json"); code != exitOK {
		t.Fatal(errs)
	}
	if _, errs, code := runNegsimInput(t, "quit\n", "play", "--variant", "sanctions-bite", "--as", "russia", "--transcript", "class/blue.json"); code != exitOK {
		t.Fatal(errs)
	}
	data, _ := os.ReadFile("class/red.json")
	rec := decodeJSON[*playRecord](t, "class/red.json", string(data))
	var pairs []string
	var header []string
	for _, is := range []string{"territory", "recognition", "guarantees", "nato", "military-limits", "foreign-troops", "sanctions", "assets", "sequencing", "eu-path", "language", "interim"} {
		pairs = append(pairs, is+"="+rec.Outcome.Deal.Options[is])
		header = append(header, is)
	}
	byTranscript, _, code := runNegsim(t, "score", "--transcript", "class/red.json", "--format", "json")
	byHand, _, _ := runNegsim(t, "score", "--variant", "sanctions-bite", "--deal", strings.Join(pairs, ","), "--format", "json")
	if code != exitOK || byTranscript != byHand {
		t.Errorf("score --transcript differs from score --deal:\n%s\n%s", byTranscript, byHand)
	}
	var cells []string
	for _, p := range pairs {
		_, o, _ := strings.Cut(p, "=")
		cells = append(cells, o)
	}
	csv := "table," + strings.Join(header, ",") + "\nblue" + strings.Repeat(",", len(header)) + "\nred," + strings.Join(cells, ",") + "\n"
	os.WriteFile("class.csv", []byte(csv), 0o644)
	byTranscripts, errs, code := runNegsim(t, "debrief", "--transcripts", "class", "--format", "json")
	byCSV, _, _ := runNegsim(t, "debrief", "--variant", "sanctions-bite", "--deals", "class.csv", "--format", "json")
	if code != exitOK || byTranscripts != byCSV {
		t.Errorf("debrief --transcripts differs from debrief --deals (%s):\n%s\n%s", errs, byTranscripts, byCSV)
	}
	wantRefused(t, "was played on ukraine-2026 --variant sanctions-bite", "debrief", "--transcripts", "class", "--variant", "alaska-2025")
}

// blockingInput stands for a person who never types: its first read is the moment to press
// Ctrl-C, and it then waits until the test ends.
type blockingInput struct {
	interrupt func()
	release   chan struct{}
}

func (b *blockingInput) Read([]byte) (int, error) {
	b.interrupt()
	<-b.release
	return 0, io.EOF
}

// Ctrl-C while the session waits for a move ends it at once, with exit code 1; with
// --transcript the moves so far, none here, are written, marked as stopped in round 0.
// The candidate of the job offer proposes first, so the session waits for it; the
// reference scenario's Ukraine now has no move at all (nothing is ever on the table), and
// its session ended in a race with the Ctrl-C.
func TestPlayInterrupted(t *testing.T) {
	t.Chdir(t.TempDir())
	for _, transcript := range []bool{false, true} {
		ctx, cancel := context.WithCancel(context.Background())
		in := &blockingInput{interrupt: cancel, release: make(chan struct{})}
		args := []string{"play", "teaching-two-party", "--as", "candidate"}
		want := "negsim: interrupted; nothing was written\n"
		if transcript {
			args = append(args, "--transcript", "t.json")
			want = "negsim: interrupted in round 0; the moves so far are in t.json, marked as stopped: negsim score --transcript t.json reads it\n"
		}
		var out, errs bytes.Buffer
		code := run(ctx, args, in, &out, &errs)
		close(in.release)
		if code != exitFailure || errs.String() != want {
			t.Errorf("exit %d, stderr %q, want %q", code, errs.String(), want)
		}
	}
	data, _ := os.ReadFile("t.json")
	rec := decodeJSON[*playRecord](t, "t.json", string(data))
	if rec.Ended != sim.EndStopped || len(rec.Moves) != 0 || rec.Outcome.Agreement || rec.Outcome.Round != 0 {
		t.Errorf("ended %q, moves %v, agreement %v in round %d", rec.Ended, rec.Moves, rec.Outcome.Agreement, rec.Outcome.Round)
	}
}

// --timeout bounds the work between two moves; here the first step cannot finish in it.
func TestPlayTimeout(t *testing.T) {
	_, errs, code := runNegsimInput(t, "reject\n", "play", "--as", "ukraine", "--timeout", "1ns")
	if code != exitFailure || !strings.Contains(errs, "stopped after the --timeout of 1ns") {
		t.Errorf("exit %d, stderr %q", code, errs)
	}
}

// Hostile input is refused with a message, never a crash: a line beyond 1 MiB, a seat that
// is not an actor, a transcript into a folder. The line beyond 1 MiB ended the session
// with exit 2 and no transcript: a page pasted by mistake lost the moves made before it.
// It is now answered as a mistyped move is, and the session goes on to the next line.
func TestPlayBadInput(t *testing.T) {
	transcript := filepath.Join(t.TempDir(), "pasted.json")
	out, errs, code := runNegsimInput(t, "reject\n"+strings.Repeat("x", 2<<20)+"\r\naccept\n", "play", "--variant", "geneva-19-point", "--as", "ukraine", "--transcript", transcript)
	if code != exitOK || !strings.Contains(out, "(a line of more than 1 MiB, not read) That is not a move: give one command a line.") || len(out) > 1<<20 {
		t.Errorf("a 2 MiB line: exit %d, stderr %q, %d bytes of output", code, errs, len(out))
	}
	data, err := os.ReadFile(transcript)
	if err != nil {
		t.Fatalf("no transcript: %v", err)
	}
	if moves := movesOf(decodeJSON[*playRecord](t, transcript, string(data))); !slices.Equal(moves, []string{"reject", "accept", "quit"}) {
		t.Errorf("the transcript's moves are %q; want the reject before the line, the accept after it and the end of the input's quit", moves)
	}
	// A pasted page is one word of 100 000 characters: the answer quotes its first 60, and
	// the echo of the moves shortens it so too (it printed all 100 000).
	out, _, _ = runNegsimInput(t, strings.Repeat("x", 100000)+"\nquit\n", "play", "--variant", "sanctions-bite", "--as", "ukraine")
	if want := `no command "` + strings.Repeat("x", 60) + `… (100000 characters)"`; !strings.Contains(out, want) {
		t.Errorf("a 100 000-character word is not answered with %q", want)
	}
	if echo := "> " + strings.Repeat("x", 60) + "… (100000 characters)\n"; !strings.Contains(out, echo) || len(out) > 50000 {
		t.Errorf("the 100 000-character line is not echoed as %q (%d bytes of output)", echo, len(out))
	}
	wantRefused(t, `did you mean "ukraine"?`, "play", "--as", "ukriane")
	wantRefused(t, "--as ACTOR is required", "play")
	wantRefused(t, "is a directory", "play", "--as", "ukraine", "--transcript", t.TempDir())
	// A transcript that cannot be written is refused before the first round, not after the
	// last, when the session would be lost.
	readOnly := writeTemp(t, "kept.json", "{}")
	if err := os.Chmod(readOnly, 0o444); err != nil {
		t.Fatal(err)
	}
	wantRefused(t, "--transcript: cannot write "+readOnly+": it is read-only", "play", "--as", "ukraine", "--transcript", readOnly)
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "bad.json"), []byte(`{"rounds": 3}`), 0o644)
	wantRefused(t, "not a transcript of negsim play", "debrief", "--transcripts", dir)
}

// slowInput is a person who thinks longer than the --timeout before quitting.
type slowInput struct {
	think time.Duration
	done  bool
}

func (s *slowInput) Read(p []byte) (int, error) {
	if s.done {
		return 0, io.EOF
	}
	time.Sleep(s.think)
	s.done = true
	return copy(p, "quit\n"), nil
}

// --timeout bounds the work between moves, not the person's thinking: a session that lasts
// longer than it still ends normally and writes its transcript.
func TestPlayOutlivesTimeout(t *testing.T) {
	t.Chdir(t.TempDir())
	var out, errs bytes.Buffer
	// The timeout leaves the work of a move ample room even under the race detector on a
	// busy machine; the person then thinks longer than it. The variant gives Ukraine a
	// text to answer in round 0 (as shipped it has no move, and the session is all work).
	in := &slowInput{think: 4 * time.Second}
	code := run(context.Background(), []string{"play", "--variant", "geneva-19-point", "--as", "ukraine", "--timeout", "3s", "--transcript", "t.json"}, in, &out, &errs)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs.String())
	}
	if !strings.Contains(out.String(), "United States puts this on the table") {
		t.Errorf("the session never waited for Ukraine's answer to a text:\n%.600s", out.String())
	}
	if _, err := os.Stat("t.json"); err != nil {
		t.Errorf("no transcript after a session longer than --timeout: %v", err)
	}
}

// score with one issue gives that option's points for the seat. In two-by-two.yaml x puts
// weight 60 of 100 on a, where a1 is worth .5: 60% × 50 = 30.0 points; b1 is worth 1 on b,
// weight 40: 40% × 100 = 40.0 points.
func TestPlayScoresOneOption(t *testing.T) {
	out, errOut, code := runNegsimInput(t, "score a=a1\nscore b=b1\nquit\n", "play", "testdata/two-by-two.yaml", "--as", "x")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	wantContains(t, "play", out,
		"a = a1 adds 30.0 points to any deal for you (60% of your points ride on a; this option is worth 50.0 of 100 there).",
		"b = b1 adds 40.0 points to any deal for you (40% of your points ride on b; this option is worth 100.0 of 100 there).")
	// The session is text: a JSON one on the command line is refused, the transcript named.
	_, errOut, code = runNegsimInput(t, "quit\n", "play", "testdata/two-by-two.yaml", "--as", "x", "--format", "json")
	if code != 2 || !strings.Contains(errOut, "--transcript FILE.json") {
		t.Errorf("play --format json: exit %d, %s", code, errOut)
	}
}

// The reference scenario as shipped, mediated by the United States: no deal keeps every
// party's red lines, so the mediator puts nothing on the table in any round and the student
// has no move (cross-checked below against 'rounds', whose proposal is null in every
// round). The session must say so before the rounds, with what to try, report every round
// and its reason, and tell Ukraine's walk-away value from round 0's on: 0.40 at round 0
// (the file); round 1 drift −0.01 and the energy pause +0.02: 0.41; round 2 drift −0.01 and
// the strike −0.04: 0.36; then −0.01 a round: 0.35, 0.34, 0.33, 0.32, 0.31 at round 7.
func TestPlayNothingOnTheTable(t *testing.T) {
	rec, out := playCase(t, "mediated-nothing-on-the-table")
	if rec.Ended != sim.EndDeadline || rec.Outcome.Round != 7 || len(rec.Moves) != 0 {
		t.Fatalf("ended %q in round %d after %d moves, want the deadline, round 7, no move", rec.Ended, rec.Outcome.Round, len(rec.Moves))
	}
	tr := runJSON[sim.Transcript](t, "rounds")
	if len(rec.NoText) != len(tr.Rounds) || len(tr.Rounds) != 8 {
		t.Fatalf("%d rounds with nothing on the table, rounds plays %d, want 8", len(rec.NoText), len(tr.Rounds))
	}
	for i, nt := range rec.NoText {
		if nt.Round != i || nt.By != "united-states" || tr.Rounds[i].Proposal != nil {
			t.Errorf("round %d: nothing on the table by %q in round %d; rounds proposes %v", i, nt.By, nt.Round, tr.Rounds[i].Proposal)
		}
	}
	order := []string{
		"Your walk-away value is 40.0 points",
		"Nothing is put on the table in any round: United States finds no text",
		"--set protocol.kind=alternating",
		"--variant geneva-19-point",
		"Round 0: nothing on the table; United States finds no text",
		"Round 1: nothing on the table again",
		"Your walk-away value is now 41.0 points.",
		"Your walk-away value is now 36.0 points.",
		"Your walk-away value is now 35.0 points.",
		"Your walk-away value is now 34.0 points.",
		"Your walk-away value is now 33.0 points.",
		"Your walk-away value is now 32.0 points.",
		"Round 7: nothing on the table again",
		"Your walk-away value is now 31.0 points.",
		"== The talks are over ==",
		"Nothing was on the table in any round: United States finds no text",
	}
	rest := out
	for _, want := range order {
		i := strings.Index(rest, want)
		if i < 0 {
			t.Fatalf("%q is missing, or out of order, in:\n%s", want, out)
		}
		rest = rest[i+len(want):]
	}
	// The variants offered are those in which rounds puts a text on the table: each one
	// named must give Ukraine something to answer.
	for _, v := range []string{"geneva-19-point", "sanctions-bite", "ceasefire-first", "telephone-game"} {
		if !strings.Contains(out, "--variant "+v) {
			t.Errorf("the variant %s, where the mediator has texts, is not suggested", v)
		}
		vt := runJSON[sim.Transcript](t, "rounds", "--variant", v)
		if vt.Rounds[0].Proposal == nil {
			t.Errorf("the variant %s is suggested, but rounds puts nothing on the table in its round 0", v)
		}
	}
	for _, v := range []string{"draft-28-point", "abu-dhabi-2026", "europe-sidelined"} {
		if strings.Contains(out, "--variant "+v) {
			t.Errorf("the variant %s is suggested, but its mediator has no text either", v)
		}
	}
}

// A session that gives the seat no move goes on when --timeout ends the search for the
// variants that would give it one. The reference scenario as Ukraine, with a variant of ten
// thousand rounds put first: that variant takes about 33 s on a 2-core machine, and the
// game itself some 40 ms (a second under the race detector on a busy machine), against a
// --timeout of 5 s. play says the search stopped, plays
// the rounds and writes the transcript, where it used to stop at the start, writing nothing.
func TestPlayGoesOnWhenTheSearchForVariantsRunsOutOfTime(t *testing.T) {
	data, _ := scenarios.Read("ukraine-2026")
	withLong := strings.Replace(string(data), "\nvariants:\n", "\nvariants:\n  - id: long\n    description: The same talks over ten thousand rounds.\n    set:\n      protocol.rounds: 10000\n", 1)
	if withLong == string(data) {
		t.Fatal("ukraine-2026.yaml has no line variants: to add a variant under")
	}
	transcript := filepath.Join(t.TempDir(), "ana.json")
	out, errs, code := runNegsim(t, "play", writeTemp(t, "long.yaml", withLong), "--as", "ukraine", "--timeout", "5s", "--transcript", transcript)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	wantContains(t, "play", out,
		"To negotiate, try --set protocol.kind=alternating (the parties propose in turn, you among them).\nThe search for variants in which you have a move stopped at the --timeout of 5s, before it had tried them all.\n",
		"Round 7: nothing on the table again", "The transcript is in "+transcript)
}

// Every round of a session is recorded, so a long one outgrows the 4 MiB negsim reads by
// default: at about 1.4 KB a round of the job offer, 3,200 rounds of offers the employer
// refuses write some 4.5 MB. play then gives the command that scores it with the file's
// own size as --max-file-size, score without it says the same, and with it scores.
func TestLongSessionTellsHowToScoreIt(t *testing.T) {
	t.Chdir(t.TempDir())
	moves := strings.Repeat("offer salary=high,remote=remote,start=now\n", 3200)
	out, errs, code := runNegsimInput(t, moves, "play", "teaching-two-party", "--as", "candidate", "--set", "protocol.rounds=10000", "--transcript", "long.json")
	if code != exitOK {
		t.Fatal(errs)
	}
	info, err := os.Stat("long.json")
	if err != nil {
		t.Fatal(err)
	}
	if info.Size() <= 4<<20 {
		t.Fatalf("the transcript is %d bytes, within the default limit: the session is too short to test", info.Size())
	}
	flag := "--max-file-size " + strconv.FormatInt(info.Size(), 10)
	// The input ends, which quits: no deal, so the session is what score reads.
	wantContains(t, "play", out, "negsim score --transcript long.json "+flag+" scores the session.")
	wantRefused(t, "read it with "+flag, "score", "--transcript", "long.json")
	runOK(t, append([]string{"score", "--transcript", "long.json"}, strings.Fields(flag)...)...)
}

// genevaSession is a session at Ukraine's seat under geneva-19-point, where Ukraine answers
// the United States' text in round 0, run under ctx and the given --timeout (0 for none)
// by an app that writes nothing to the terminal; sp and w are the scenario it is played on.
func genevaSession(t *testing.T, ctx context.Context, timeout time.Duration) (*session, *sim.Space, whatIf) {
	t.Helper()
	a := &app{ctx: ctx, interrupt: ctx, stdout: io.Discard, stderr: io.Discard, settings: &config.Settings{MaxFileSize: 1 << 20, Timeout: timeout}, stopTimer: func() {}}
	w := whatIf{variant: "geneva-19-point"}
	doc, err := a.openScenario("", w)
	if err != nil {
		t.Fatal(err)
	}
	sp := a.compile(doc)
	g, err := sim.NewGame(ctx, sp, sim.PlayOptions{Seat: "ukraine"})
	if err != nil {
		t.Fatal(err)
	}
	return &session{app: a, sc: doc.Scenario, g: g, wd: words{doc.Scenario}}, sp, w
}

// A move Ctrl-C breaks off half-way is not in the transcript: the session is the moves
// before it, here none, under geneva-19-point, where Ukraine answers a text in round 0. The
// game is broken as Ctrl-C breaks it, by the move's context ending, which a person cannot
// time; score replays the transcript as written.
func TestPlayStoppedMidMove(t *testing.T) {
	t.Chdir(t.TempDir())
	ctx, cancel := context.WithCancel(context.Background())
	s, sp, w := genevaSession(t, ctx, 0)
	cancel()
	if _, err := s.g.Move(ctx, sim.Move{Move: sim.MoveReject}); !errors.Is(err, context.Canceled) {
		t.Fatalf("the move was not broken off: %v", err)
	}
	err := s.cutShort(context.Canceled, sp, "", w, "t.json")
	if want := "interrupted in round 0; the moves so far are in t.json"; err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Fatalf("%v, want %q", err, want)
	}
	if _, errs, code := runNegsim(t, "score", "--transcript", "t.json"); code != exitOK {
		t.Errorf("score: exit %d: %s", code, errs)
	}
}

// --timeout ending the agents' work between two moves keeps the session as Ctrl-C does, and
// says that --timeout stopped it. Under geneva-19-point Ukraine answers the United States'
// text in round 0; one reject takes the talks to round 1, and the second reject's work is
// broken off by a deadline already past, as a move that outlasts --timeout is, which a
// test cannot time. The transcript holds the one move taken, ends "stopped" by "timeout"
// in round 1 with no agreement, and score and debrief say --timeout stopped it.
func TestPlayTimeoutMidMoveKeepsTheMoves(t *testing.T) {
	t.Chdir(t.TempDir())
	ctx := context.Background()
	s, sp, w := genevaSession(t, ctx, time.Minute)
	if _, err := s.g.Move(ctx, sim.Move{Move: sim.MoveReject}); err != nil {
		t.Fatal(err)
	}
	past, cancel := context.WithDeadline(ctx, time.Now().Add(-time.Second))
	defer cancel()
	_, err := s.g.Move(past, sim.Move{Move: sim.MoveReject})
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("the move was not broken off: %v", err)
	}
	// The session is rebuilt by replaying its start and its one move, each of whose work
	// finished within the --timeout of a minute, and then written: 3 minutes in all. One
	// minute for all of it would cut off the replay of a long session, which is then lost.
	before := time.Now()
	resumed, cancelResumed := s.resumption()
	deadline, bounded := resumed.Deadline()
	cancelResumed()
	if earliest, latest := before.Add(3*time.Minute), time.Now().Add(3*time.Minute); !bounded || deadline.Before(earliest) || deadline.After(latest) {
		t.Errorf("the stopped session is rebuilt and written by %v (bounded %v), want 3 minutes from %v", deadline, bounded, before)
	}
	err = s.cutShort(err, sp, "", w, "t.json")
	if want := "stopped after the --timeout of 1m in round 1; the moves so far are in t.json, marked as stopped: negsim score --transcript t.json reads it"; err == nil || err.Error() != want {
		t.Fatalf("%v, want %q", err, want)
	}
	if code := s.report(err); code != exitFailure {
		t.Errorf("exit %d, want %d", code, exitFailure)
	}
	checkFile(t, "t.json", 0o600, "{")
	data, _ := os.ReadFile("t.json")
	var rec playRecord
	if err := json.Unmarshal(data, &rec); err != nil {
		t.Fatal(err)
	}
	if rec.Ended != sim.EndStopped || rec.StoppedBy != sim.StopTimeout || len(rec.Moves) != 1 || rec.Outcome.Agreement || rec.Outcome.Round != 1 {
		t.Errorf("transcript: ended %q by %q, moves %v, agreement %v in round %d", rec.Ended, rec.StoppedBy, rec.Moves, rec.Outcome.Agreement, rec.Outcome.Round)
	}

	stopped := "The session was stopped (--timeout) in round 1, before the talks ended: no one left the table, but it counts as no agreement."
	out, errs, code := runNegsim(t, "score", "--transcript", "t.json")
	if code != exitOK {
		t.Fatalf("score: exit %d: %s", code, errs)
	}
	wantContains(t, "score", out, stopped)
	scored := runJSON[noDeal](t, "score", "--transcript", "t.json", "--format", "json")
	if scored.Ended != sim.EndStopped || scored.StoppedBy != sim.StopTimeout {
		t.Errorf("score's JSON: ended %q by %q", scored.Ended, scored.StoppedBy)
	}
	if err := os.Mkdir("class", 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename("t.json", filepath.Join("class", "ana.json")); err != nil {
		t.Fatal(err)
	}
	out, errs, code = runNegsim(t, "debrief", "--transcripts", "class")
	if code != exitOK {
		t.Fatalf("debrief: exit %d: %s", code, errs)
	}
	wantContains(t, "debrief", out, "- ana: "+stopped)

	// A cause edited by hand is refused at its line, which is counted here in the text.
	edited := strings.Replace(string(data), `"stopped_by": "timeout"`, `"stopped_by": "power cut"`, 1)
	line := 1 + strings.Count(edited[:strings.Index(edited, `"stopped_by"`)], "\n")
	if err := os.WriteFile("edited.json", []byte(edited), 0o600); err != nil {
		t.Fatal(err)
	}
	wantRefused(t, fmt.Sprintf(`edited.json:%d: stopped_by: "power cut": a session is stopped by "interrupt" (Ctrl-C) or "timeout" (--timeout)`, line), "score", "--transcript", "edited.json")
}

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
	wantRefused(t, `moves.1.move: reject: nothing is on the table to reject; it is your turn to propose`, "score", fixture, "--transcript", "class/cn.json")
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

// The village's chair holds the only veto (testdata/village-vote.yaml), so it proposes in
// every round of alternating talks (rounds shows "chair" as the proposer of rounds 0, 1
// and 2). The session promised it "on your turn" and a counter offer to proposals no one
// else would make. With a second veto actor (north given one) the turns are shared again.
func TestPlayTellsTheOnlyVetoSeatItProposesEveryRound(t *testing.T) {
	out, _, _ := runNegsimInput(t, "offer plan=park\noffer plan=park\nquit\n", "play", "testdata/village-vote.yaml", "--as", "chair")
	want := "Alternating offers: the parties with a veto propose in turn, in the file's order; you hold the only veto, so you propose every round and the others answer."
	if !strings.Contains(out, want) || strings.Contains(out, "on your turn") {
		t.Errorf("play --as chair:\n%s", out)
	}
	if n := strings.Count(out, "Your turn to propose"); n < 2 {
		t.Errorf("the chair proposed in %d rounds, want every round:\n%s", n, out)
	}
	shared, _, _ := runNegsimInput(t, "quit\n", "play", "testdata/village-vote.yaml", "--as", "chair", "--set", "actors.north.veto=true")
	if !strings.Contains(shared, "you propose on your turn") {
		t.Errorf("play --as chair beside a second veto actor:\n%s", shared)
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
// rejects it, and the mediator tables it again in round 1. The first text is shown whole and
// unmarked: every line of it was starred "changed since the last proposal", of which there
// was none.
func TestPlayNamesANeutralMediator(t *testing.T) {
	out, _, _ := runNegsimInput(t, "reject\nquit\n", "play", "teaching-two-party", "--as", "candidate", "--set", "protocol.kind=mediated")
	wantContains(t, "play", out,
		"Mediated talks: each round a neutral mediator puts one text on the table; you accept or reject it.",
		"== Round 0 (the last is round 9) ==\nThe mediator puts this on the table:\n    salary  high (",
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
			"Round 0, the proposal by Home government: accepted by no one; rejected by you; at home, no from Home's parliament; not accepted by the proposer, Home government: its deals must be ratified at home, and this one would not be. No agreement.\n"}},
		{[]string{"teaching-telephone-game", "--as", "east", "--set", "actors.mediator.preferences.districts.acceptable=[d5,d6]"}, []string{
			"    districts  d3 (Three)\n",
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

// TestPlayFitsWidth: a session fits the terminal's width (here --width 60, which a pipe
// takes as a terminal's), as every other command's output does. Before, play wrote its
// lines and tables whole: on an 80-column terminal the terminal broke them mid-word
// ("you propos" / "e on your turn") and `show` printed its 85-column points table, whose
// rows the terminal broke across two lines each; with --width 60 the first line was 66
// columns, help's line for show 106 and the table 85.
func TestPlayFitsWidth(t *testing.T) {
	out, errOut, code := runNegsimInput(t, "help\nshow\nquit\n", "play", "teaching-two-party", "--as", "candidate", "--width", "60")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	for i, line := range lines {
		if w := runewidth.StringWidth(line); w > 60 {
			t.Errorf("line %d is %d columns, wider than --width 60: %q", i+1, w, line)
		}
	}
	// By hand: `You play Candidate in "Job offer (teaching example, two parties)".` is
	// 22 + 44 = 66 columns. Its words up to "two" end at column 55; "parties)". would end
	// at 67, so it opens the second line.
	if want := "You play Candidate in \"Job offer (teaching example, two\nparties)\".\n"; !strings.HasPrefix(out, want) {
		t.Errorf("the first line is not broken at a space:\n%s", lines[0]+"\n"+lines[1])
	}
	// help's line for show: the command's column ends at 2 + 24 = 26, which leaves 34
	// columns for its words: "your brief: your points for every" is 33, "option," would
	// make 41; "option, your red lines, your" is 28, "walk-away" would make 38.
	want := strings.Join([]string{
		"  show                    your brief: your points for every",
		"                          option, your red lines, your",
		"                          walk-away value",
	}, "\n")
	if !strings.Contains(out, want) {
		t.Errorf("help's line for show is not broken under its column; want\n%s\nin\n%s", want, out)
	}
	// The brief's table is fitted as brief --width 60 fits it, not cut: every option
	// with its points is still there.
	for _, s := range []string{"high (High band)", "three-months (In three months)", "50.0"} {
		if !strings.Contains(out, s) {
			t.Errorf("show lost %q", s)
		}
	}
}

// On a phone's terminal, 40 columns, help's first column (24 wide) leaves too little room
// beside it, and a command's words ran on after it: "accept accept the proposal on the"
// read as a stutter, "quit leave the table". Now such a command keeps a line of its own
// and its words go under it, two columns in; "reject                  reject it", 37
// columns, still fits as it stands.
func TestPlayHelpStacksWhenNarrow(t *testing.T) {
	out, errOut, code := runNegsimInput(t, "help\nquit\n", "play", "teaching-two-party", "--as", "candidate", "--width", "40")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{
		"\n  accept\n    accept the proposal on the table\n  reject                  reject it\n",
		// "your brief: your points for every" is 33 columns, 4 in: 37; "option," would make 45.
		"\n  show\n    your brief: your points for every\n    option, your red lines, your\n    walk-away value\n",
		"\n  quit\n    leave the table: the talks end\n    without agreement\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("help lacks\n%s\nin\n%s", want, out)
		}
	}
	for i, line := range strings.Split(out, "\n") {
		if w := runewidth.StringWidth(line); w > 40 {
			t.Errorf("line %d is %d columns, wider than --width 40: %q", i+1, w, line)
		}
	}
}

// Leaving the table ends the talks only for a seat with a veto: the others talk on without
// one that has none (README, "quit"). Help said "the talks end without agreement" to every
// seat, and an elected member of the Security Council who quit saw the others agree.
func TestPlayHelpSaysWhatQuitDoesForTheSeat(t *testing.T) {
	for seat, want := range map[string]string{
		"us":        "  quit                    leave the table: the talks end without agreement\n",
		"elected-1": "  quit                    leave the table: the others talk on without you, as if you rejected every text\n",
	} {
		out, _, _ := runNegsimInput(t, "help\nquit\n", "play", "teaching-security-council", "--as", seat)
		wantContains(t, "help as "+seat, out, want)
	}
	help := runOK(t, "play", "--help")
	wantContains(t, "play --help", help, "quit                        leave the table: with a veto, the talks end without\n                              agreement; without one, the others talk on without you")
}

// Where the rounds move values, play's last table is not what score and debrief give the
// class: Ukraine accepting every text under sanctions-bite agrees in round 7 at 54.1 points
// against a drifted walk-away value of 31.0, while score weighs the deal at the starting
// values (52.3 against 40.0), and a student took the debrief for a mistake. The job offer
// has no drift and no events: nothing is said.
func TestPlaySaysScoresUseTheStartingValues(t *testing.T) {
	const line = "\nScore and debrief weigh the session at the scenario's starting values, before the rounds' drift and events, so their points can differ from these.\n"
	out, _, _ := runNegsimInput(t, strings.Repeat("accept\n", 8), "play", "--variant", "sanctions-bite", "--as", "ukraine")
	wantContains(t, "play", out, line)
	if out, _, _ := runNegsimInput(t, "quit\n", "play", "teaching-two-party", "--as", "candidate"); strings.Contains(out, "starting values") {
		t.Errorf("the job offer moves no value in its rounds, yet play says:\n%s", out)
	}
}
