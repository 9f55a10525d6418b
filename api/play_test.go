package api

import (
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"golang.org/x/tools/txtar"

	"github.com/negsim/negsim/scenarios"
	"github.com/negsim/negsim/sim"
)

// terminalSession reads a scripted terminal session of negsim play: the moves typed (the
// lines that are moves; show, score and help change nothing) and the transcript it wrote.
func terminalSession(t *testing.T, name string) ([]sim.Move, []byte) {
	t.Helper()
	ar, err := txtar.ParseFile(filepath.Join("..", "cmd", "negsim", "testdata", "play", name+".txtar"))
	if err != nil {
		t.Fatal(err)
	}
	var moves []sim.Move
	var transcript []byte
	for _, f := range ar.Files {
		switch f.Name {
		case "moves":
			for _, line := range strings.Split(strings.TrimSpace(string(f.Data)), "\n") {
				word, rest, _ := strings.Cut(strings.TrimSpace(line), " ")
				switch kind := sim.MoveKind(word); kind {
				case sim.MoveAccept, sim.MoveReject, sim.MoveOffer, sim.MoveQuit:
					moves = append(moves, sim.Move{Move: kind, Deal: strings.TrimSpace(rest)})
				}
			}
		case "transcript.json":
			transcript = f.Data
		}
	}
	if transcript == nil {
		t.Fatalf("%s: no transcript.json", name)
	}
	return moves, transcript
}

// playTranscript asks the play method and returns its transcript as --transcript writes
// it: indented by two spaces with a final newline.
func playTranscript(t *testing.T, a *API, req PlayRequest) []byte {
	t.Helper()
	body, err := json.Marshal(req)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := a.Handle(t.Context(), "play", body)
	if err != nil {
		t.Fatalf("play %s: %v", body, err)
	}
	var got struct {
		Transcript json.RawMessage `json:"transcript"`
	}
	if err := json.Unmarshal(resp, &got); err != nil {
		t.Fatal(err)
	}
	var compact, out bytes.Buffer
	if err := json.Compact(&compact, got.Transcript); err != nil {
		t.Fatal(err)
	}
	if err := json.Indent(&out, compact.Bytes(), "", "  "); err != nil {
		t.Fatal(err)
	}
	out.WriteByte('\n')
	return out.Bytes()
}

// The page's play method and the terminal's play are two front ends to one game: the same
// moves give the same transcript, byte for byte, in both protocols.
func TestPlayEqualsTerminalTranscript(t *testing.T) {
	a := New(Options{})
	cases := []struct {
		session string
		req     PlayRequest
	}{
		// negsim play --variant geneva-19-point --as ukraine --coach: mediated talks on the
		// Geneva framework, where the mediator has a text to put on the table every round
		// (as shipped it has none: no deal keeps every red line).
		{"mediated-hold-out", PlayRequest{Query: Query{Variant: "geneva-19-point"}, As: "ukraine", Coach: true}},
		// negsim play teaching-two-party --as employer --coach: alternating offers.
		{"alternating-counter-offers", PlayRequest{Query: Query{Scenario: "teaching-two-party"}, As: "employer", Coach: true}},
		// negsim play --variant sanctions-bite --as ukraine: a variant recorded in the file.
		{"mediated-accept-every-offer", PlayRequest{Query: Query{Variant: "sanctions-bite"}, As: "ukraine"}},
		// negsim play --as ukraine: as shipped, nothing on the table in any round, no move.
		{"mediated-nothing-on-the-table", PlayRequest{As: "ukraine"}},
	}
	for _, c := range cases {
		t.Run(c.session, func(t *testing.T) {
			moves, want := terminalSession(t, c.session)
			c.req.Moves = moves
			if got := playTranscript(t, a, c.req); !bytes.Equal(got, want) {
				t.Errorf("the page's transcript differs from the terminal's:\n%s", firstDifference(got, want))
			}
		})
	}
}

func firstDifference(got, want []byte) string {
	g, w := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
	for i := range min(len(g), len(w)) {
		if g[i] != w[i] {
			return "line " + itoa(i+1) + ": got " + g[i] + ", want " + w[i]
		}
	}
	return "lengths differ: " + itoa(len(g)) + " lines, want " + itoa(len(w))
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}

// A move the game cannot take is answered in place, as the terminal answers it, and costs
// nothing: the moves before it stand and the session goes on as if it were never made.
func TestPlayIllegalMoveCostsNothing(t *testing.T) {
	a := New(Options{})
	// Alternating offers on the Geneva framework, parties in file order: Russia rejects
	// Ukraine's text of round 0, then must propose in round 1, where "freez" is one letter
	// short of the territory option "freeze" and a reject is no move at all.
	base := PlayRequest{Query: Query{Variant: "geneva-19-point", Set: []string{"protocol.kind=alternating"}}, As: "russia"}
	bad := base
	bad.Moves = []sim.Move{{Move: sim.MoveReject}, {Move: sim.MoveOffer, Deal: "territory=freez"}, {Move: sim.MoveReject}}
	got := ask[PlayResponse](t, a, "play", bad)
	if got.Rejected == nil || got.Rejected.Index != 2 {
		t.Fatalf("rejected = %+v, want the second move", got.Rejected)
	}
	if !strings.Contains(got.Rejected.Message, `did you mean "freeze"`) {
		t.Errorf("the message %q suggests no option", got.Rejected.Message)
	}
	if len(got.Moves) != 1 || got.Moves[0].Move != sim.MoveReject {
		t.Errorf("moves taken = %+v, want the first reject only", got.Moves)
	}
	// The game after it is the game without it: the same view and the same log.
	good := base
	good.Moves = bad.Moves[:1]
	want := ask[PlayResponse](t, a, "play", good)
	if g, w := mustJSON(t, []any{got.View, got.Log}), mustJSON(t, []any{want.View, want.Log}); !bytes.Equal(g, w) {
		t.Errorf("the illegal move changed the game:\n%s\nwant\n%s", g, w)
	}
}

// The seat sees its own values and no one else's until the talks are over; a deal it
// scores is valued as the terminal's score command values it.
func TestPlayViewIsTheSeats(t *testing.T) {
	a := New(Options{})
	got := ask[PlayResponse](t, a, "play", PlayRequest{Query: Query{Scenario: "teaching-two-party"}, As: "employer",
		Score: "salary=high,remote=hybrid,start=now"})
	if got.Over || got.Table != nil || got.Transcript != nil {
		t.Errorf("over = %v with a table of %d rows before any move", got.Over, len(got.Table))
	}
	if got.Brief.Role == nil || got.Brief.Role.ID != "employer" {
		t.Fatalf("the brief's role is %+v, want the employer's", got.Brief.Role)
	}
	if got.View.Turn != sim.TurnAnswer || got.View.Proposal == nil || got.View.Proposal.By != "candidate" {
		t.Errorf("view = %+v, want the candidate's proposal to answer", got.View)
	}
	// u_E = 0.2·salary + 0.3·remote + 0.5·start with ideals low / office / now (the
	// file's comments): high is two steps from low (0), hybrid one from office (0.5), now
	// the ideal (1): 0 + 0.15 + 0.5 = 0.65, surplus 0.65 − 0.5 = 0.15.
	if got.Worth == nil || got.Worth.Utility != 0.65 || got.Worth.Surplus != 0.15 {
		t.Errorf("worth = %+v, want utility 0.65, surplus 0.15", got.Worth)
	}
	// One role's walk-away value in all the seat sees: its own.
	seen := string(mustJSON(t, got.View)) + string(mustJSON(t, got.Brief))
	if n := strings.Count(seen, `"reservation_points"`); n != 1 {
		t.Errorf("%d roles' walk-away values in the view and brief, want the seat's only", n)
	}
	bad := ask[PlayResponse](t, a, "play", PlayRequest{Query: Query{Scenario: "teaching-two-party"}, As: "employer", Score: "salary=hihg"})
	if !strings.Contains(bad.ScoreInvalid, "did you mean") {
		t.Errorf("score_invalid = %q, want a suggestion", bad.ScoreInvalid)
	}
	if e := refused(t, a, "play", `{"as": "ukrane"}`); !strings.Contains(e.Message, `did you mean "ukraine"`) {
		t.Errorf("a misspelt seat: %q", e.Message)
	}
}

func mustJSON(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// As shipped, the mediator has no text in any round (no deal keeps every party's red lines
// as it sees them), so the seat has no move: the answer says so, names what to try (the
// talks are mediated, so alternating offers; and the variants with a text, those where
// 'rounds' proposes: geneva-19-point, sanctions-bite, ceasefire-first, telephone-game), and
// its log holds the eight rounds, 0 to 7, with nothing on the table.
func TestPlayIdleSession(t *testing.T) {
	a := New(Options{})
	got := ask[PlayResponse](t, a, "play", PlayRequest{As: "ukraine"})
	if !got.Over || got.Idle == nil {
		t.Fatalf("over %v, idle %+v: want a finished session with no move", got.Over, got.Idle)
	}
	if !got.Idle.Alternating || !strings.HasPrefix(got.Idle.NoText, "United States finds no text") {
		t.Errorf("idle = %+v", got.Idle)
	}
	if want := []string{"geneva-19-point", "sanctions-bite", "ceasefire-first", "telephone-game"}; strings.Join(got.Idle.Variants, ",") != strings.Join(want, ",") {
		t.Errorf("variants with a move %v, want %v", got.Idle.Variants, want)
	}
	if len(got.Log) != 8 {
		t.Fatalf("%d log entries, want rounds 0 to 7", len(got.Log))
	}
	for i, e := range got.Log {
		if e.Round != i || e.Basis != sim.BasisNoText || e.NoText != got.Idle.NoText {
			t.Errorf("log %d: %+v", i, e)
		}
	}
	// A session with moves to make is not idle.
	if busy := ask[PlayResponse](t, a, "play", PlayRequest{Query: Query{Variant: "geneva-19-point"}, As: "ukraine"}); busy.Idle != nil {
		t.Errorf("idle %+v on the Geneva framework, where the mediator has a text", busy.Idle)
	}
}

// A session that gives the seat no move is answered when the request's time limit ends the
// search for the variants that would give it one: with the variants found by then, and
// variants_cut. The reference scenario as Ukraine, with a variant of ten thousand rounds put
// first, which takes about 33 s on a 2-core machine against the 5 s the request is given
// (the game itself some 40 ms, a second under the race detector on a busy machine).
// Without the variant, and without a time limit, the search finishes and the answer holds
// no variants_cut.
func TestPlayIdleAnswersWhenTheSearchForVariantsRunsOutOfTime(t *testing.T) {
	data, _ := scenarios.Read("ukraine-2026")
	withLong := strings.Replace(string(data), "\nvariants:\n", "\nvariants:\n  - id: long\n    description: The same talks over ten thousand rounds.\n    set:\n      protocol.rounds: 10000\n", 1)
	if withLong == string(data) {
		t.Fatal("ukraine-2026.yaml has no line variants: to add a variant under")
	}
	a := New(Options{Files: fstest.MapFS{"long.yaml": {Data: []byte(withLong)}}, Workers: 1})
	for _, c := range []struct {
		scenario string
		limit    time.Duration
		cut      bool
		variants []string
	}{
		{"file:long.yaml", 5 * time.Second, true, []string{}},
		{"ukraine-2026", 0, false, []string{"geneva-19-point", "sanctions-bite", "ceasefire-first", "telephone-game"}},
	} {
		ctx, cancel := context.WithCancel(t.Context())
		if c.limit > 0 {
			ctx, cancel = context.WithTimeout(t.Context(), c.limit)
		}
		resp, err := a.Handle(ctx, "play", []byte(`{"scenario": "`+c.scenario+`", "as": "ukraine", "moves": []}`))
		cancel()
		if err != nil {
			t.Fatalf("%s: %v", c.scenario, err)
		}
		var got struct {
			Over bool
			Idle struct {
				Variants    []string
				VariantsCut *bool `json:"variants_cut"`
			}
		}
		if err := json.Unmarshal(resp, &got); err != nil {
			t.Fatal(err)
		}
		if !got.Over || !slices.Equal(got.Idle.Variants, c.variants) || (got.Idle.VariantsCut != nil) != c.cut || c.cut && !*got.Idle.VariantsCut {
			t.Errorf("%s: over %v, variants %q, variants_cut %v; want over, %q, cut %v", c.scenario, got.Over, got.Idle.Variants, got.Idle.VariantsCut, c.variants, c.cut)
		}
	}
}

// With the coach on, the seat's own offer is weighed as negsim play --coach weighs it, at
// the round it is made in, on the log entry that answers it, and no other entry is: the
// Harborco quota's union rejecting round 0, countering medium/full in round 1, and leaving.
// The union's points ride on jobs alone (teaching-harborco-quota.yaml: fund 0, jobs 100),
// full jobs are its ideal, 1.0, against its walk-away value of 0.5: surplus 0.5, and no
// red line crossed.
func TestPlayLogCoachesTheSeatsOwnOffer(t *testing.T) {
	a := New(Options{})
	moves := []sim.Move{{Move: sim.MoveReject}, {Move: sim.MoveOffer, Deal: "fund=medium,jobs=full"}, {Move: sim.MoveQuit}}
	type entry struct {
		Move  int        `json:"move"`
		Round int        `json:"round"`
		Basis sim.Basis  `json:"basis"`
		Coach *sim.Worth `json:"coach"`
	}
	for _, coach := range []bool{true, false} {
		got := ask[struct{ Log []entry }](t, a, "play", PlayRequest{Query: Query{Scenario: "teaching-harborco-quota"}, As: "union", Coach: coach, Moves: moves})
		coached := 0
		for _, e := range got.Log {
			if e.Coach == nil {
				continue
			}
			coached++
			if !coach || e.Move != 2 || e.Round != 1 || e.Basis != sim.BasisCounter {
				t.Errorf("coach %v: the entry of move %d, round %d (%s) is coached: %+v", coach, e.Move, e.Round, e.Basis, *e.Coach)
			}
			if w := *e.Coach; w.Utility != 1 || w.Reservation != 0.5 || w.Surplus != 0.5 || len(w.Rejections) != 0 || w.Ratified != nil {
				t.Errorf("the counter offer is worth %+v to the union, want utility 1, walk-away 0.5, surplus 0.5, no red line", w)
			}
		}
		if want := map[bool]int{true: 1, false: 0}[coach]; coached != want {
			t.Errorf("coach %v: %d log entries coached, want %d (the union's counter offer alone): %+v", coach, coached, want, got.Log)
		}
	}
}
