package pagetest

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// ChinaOffersBinding is a session of the accord (sim/testdata/accord.yaml) as China in
// which the student agrees a deal across China's own red line. Worked by hand from the file:
//   - the EU proposes in even rounds, China in odd ones (alternating, file order);
//   - in round 3 China offers deep/large/phase-out/binding. Points per actor (weights
//     normalised to 100):
//     EU      40·1 + 20·0 + 25·1 + 15·1     = 80   ≥ aspiration 0.45+0.55·(1−3/7) = 0.764
//     China   30·0 + 30·1 + 10·0 + 30·0     = 30   (review binding: its red line; 40 walk-away)
//     islands 40·1 + 40·1 + 20·1            = 100  ≥ 0.69+0.31·(1−√(3/7)) ≈ 0.797
//     petro   phase-out crosses its red line: rejects
//     Parliament 50·1 + 30·1 + 20·1         = 100  ≥ 0.5: ratified for the EU
//     votes: EU, China (the seat, who offered it), islands = 3 of 3; both vetoes accept.
//   - so the talks end in agreement in round 3, the deal worth 30.0 points to the seat,
//     10.0 below its walk-away value of 40.0, across its red line on review.
const ChinaOffersBinding = "reject\noffer target=deep,finance=large,phaseout=phase-out,review=binding\nreject\noffer target=deep,finance=large,phaseout=phase-out,review=binding\n"

// PlaySession is the session DrivePlay plays: Ukraine, accepting every text the mediator
// puts on the table, in the reference scenario's sanctions-bite variant
// (cmd/negsim/testdata/play/mediated-accept-every-offer.txtar at the terminal).
var PlaySession = struct {
	Variant, As string
	Moves       []string
}{"sanctions-bite", "ukraine", []string{"accept", "accept", "accept", "accept", "accept", "accept", "accept", "accept"}}

// DrivePlay checks the Play view against the page at origin: it opens a permalink that
// holds the session's first moves, makes the rest by keyboard (Tab from the round's
// heading, where the focus lands after each move, to Accept, then Enter), and compares the
// transcript the page offers for download with want, the one `negsim play --transcript`
// wrote for the same moves. Reloading the page's link then shows the same session.
// Screenshots at a projector's and a phone's width go to the test's artifact folder.
func DrivePlay(t *testing.T, origin, name string, want []byte) {
	s := start(t, origin)
	const fromLink = 3
	link := fmt.Sprintf("%s#scenario=ukraine-2026&variant=%s&view=play&as=%s&moves=%s", origin, PlaySession.Variant, PlaySession.As,
		strings.Join(PlaySession.Moves[:fromLink], ";"))
	s.do(chromedp.Navigate(link))
	s.settled()
	// Three moves taken from the link: the fourth round (round 3) is on the table.
	if got := s.playText("#play-now"); got != "Round 3 (the last is round 7)" {
		t.Fatalf("the permalink with %d moves shows %q, want round 3", fromLink, got)
	}
	if n := evalJS[int](s, `document.querySelectorAll("#play-log li").length`); n != fromLink {
		t.Errorf("the log holds %d answered proposals after %d moves, want one a move", n, fromLink)
	}
	// What the seat may not know stays hidden: the what-if panel and the zone show every
	// actor's values.
	if shown := evalJS[bool](s, `[".whatif", ".headline"].some((c) => getComputedStyle(document.querySelector(c)).display !== "none")`); shown {
		t.Error("the Play view shows the what-if panel or the zone, with the other actors' values")
	}
	for i, m := range PlaySession.Moves[fromLink:] {
		if focused := evalJS[string](s, `document.activeElement.id`); i > 0 && focused != "play-now" {
			t.Fatalf("after move %d the focus is on %q, not the new round's heading", fromLink+i, focused)
		}
		if i == 0 {
			evalJS[any](s, `document.getElementById("play-now").focus()`)
		}
		s.do(chromedp.KeyEvent(kb.Tab))
		if focused := evalJS[string](s, `document.activeElement.id`); focused != "play-"+m {
			t.Fatalf("move %d: Tab from the heading reaches %q, want play-%s", fromLink+i+1, focused, m)
		}
		s.do(chromedp.KeyEvent(kb.Enter))
		s.settled()
	}
	if moves := evalJS[string](s, `new URLSearchParams(location.hash.slice(1)).get("moves")`); moves != strings.Join(PlaySession.Moves, ";") {
		t.Errorf("the link holds the moves %q, want %q", moves, strings.Join(PlaySession.Moves, ";"))
	}
	got := evalJS[string](s, `window.negsimPlayTranscript()`)
	sameJSON(t, "the page's transcript", []byte(got), want)
	var terminal struct {
		Ended   string `json:"ended"`
		Outcome struct {
			Round int `json:"round"`
		} `json:"outcome"`
	}
	json.Unmarshal(want, &terminal)
	outcome := s.playText("#play-outcome")
	if terminal.Ended != "agreement" || outcome != fmt.Sprintf("Agreement in round %d:", terminal.Outcome.Round) {
		t.Errorf("the page says %q; the terminal's session ended by %s in round %d", outcome, terminal.Ended, terminal.Outcome.Round)
	}
	shown := s.playText("#play")

	// The link, opened afresh, resumes the same session.
	href := evalJS[string](s, `location.href`)
	s.do(chromedp.Navigate("about:blank"))
	s.do(chromedp.Navigate(href))
	s.settled()
	if again := s.playText("#play"); again != shown {
		t.Errorf("the link reopened shows\n%s\nbefore it showed\n%s", again, shown)
	}
	sameJSON(t, "the transcript after reopening the link", []byte(evalJS[string](s, `window.negsimPlayTranscript()`)), want)
	if alert := evalJS[string](s, `document.getElementById("error").hidden ? "" : document.getElementById("error").textContent`); alert != "" {
		t.Errorf("the page shows an error: %s", alert)
	}
	// A mistyped move in a link is answered in place and costs nothing: the moves before it
	// stand, and the link drops it.
	s.do(chromedp.Navigate("about:blank"))
	s.do(chromedp.Navigate(strings.Replace(link, "moves=accept;", "moves=accept;acept;", 1)))
	s.settled()
	if msg := s.playText("#play .error"); !strings.Contains(msg, `did you mean "accept"`) {
		t.Errorf("a mistyped move in the link is answered %q", msg)
	}
	if moves := evalJS[string](s, `new URLSearchParams(location.hash.slice(1)).get("moves")`); moves != "accept" {
		t.Errorf("after a mistyped second move the link holds the moves %q, want the first alone", moves)
	}
	if got := s.playText("#play-now"); got != "Round 1 (the last is round 7)" {
		t.Errorf("after a mistyped second move the page shows %q, want round 1", got)
	}
	s.do(chromedp.Navigate("about:blank"))
	s.do(chromedp.Navigate(href))
	s.settled()
	s.screenshots(name + "-play")
	s.checkOrigin()
	s.checkConsole()
}

func (s *session) playText(selector string) string {
	s.t.Helper()
	return strings.TrimSpace(evalJS[string](s, `(document.querySelector("`+selector+`") || {innerText: ""}).innerText`))
}

// sameJSON compares two JSON documents by value: the page's JavaScript writes numbers its
// own way, the terminal Go's.
func sameJSON(t *testing.T, what string, got, want []byte) {
	t.Helper()
	var g, w any
	if err := json.Unmarshal(got, &g); err != nil {
		t.Errorf("%s is not JSON (%v): %.200s", what, err, got)
		return
	}
	if err := json.Unmarshal(want, &w); err != nil {
		t.Fatalf("the terminal's transcript: %v", err)
	}
	if !reflect.DeepEqual(g, w) {
		t.Errorf("%s differs from the terminal's:\n%.2000s\nwant\n%.2000s", what, got, want)
	}
}

// DriveBreakdownPlay plays a session that ends without agreement (moves, as the page's link
// holds them) and checks the page's last words on it: whether a deal was possible, word for
// word as the terminal's session (terminal, the line negsim play printed) says it.
func DriveBreakdownPlay(t *testing.T, origin, hash, terminal string) {
	s := start(t, origin)
	s.do(chromedp.Navigate(origin + "#" + hash))
	s.settled()
	if got := s.playText("#play-outcome"); !strings.HasPrefix(got, "No deal was agreed by the deadline") {
		t.Fatalf("the session ends %q, want a breakdown at the deadline", got)
	}
	if got := s.playText("#play-possible"); got != terminal {
		t.Errorf("at the breakdown the page says %q; negsim play says %q", got, terminal)
	}
	s.checkConsole()
}

// DrivePlaySays opens a Play link (hash, as the page's address holds it) and checks that
// the page words the session as the terminal does: every line of says, each one a line
// negsim play printed for the same moves, stands in the Play view.
func DrivePlaySays(t *testing.T, origin, hash string, says []string) {
	s := start(t, origin)
	s.do(chromedp.Navigate(origin + "#" + hash))
	s.settled()
	shown := s.playText("#play")
	wantSaid(t, shown, says, "the page")
	s.checkConsole()
}

// wantSaid reports each line of says, a line negsim play printed, that shown lacks; where
// names the part of the page read.
func wantSaid(t *testing.T, shown string, says []string, where string) {
	t.Helper()
	for _, line := range says {
		if !strings.Contains(shown, line) {
			t.Errorf("%s does not say, as negsim play does, %q; it shows\n%s", where, line, shown)
		}
	}
}

// DrivePlayLogTells opens the Play view at hash and returns what "What happened" says of
// the seat's walk-away value, in order: the points of each "Your walk-away value is now N
// points." of its entries.
func DrivePlayLogTells(t *testing.T, origin, hash string) []string {
	s := start(t, origin)
	s.do(chromedp.Navigate(origin + "#" + hash))
	s.settled()
	told := evalJS[[]string](s, `[...document.querySelectorAll("#play-log li")].flatMap((li) => [...li.textContent.matchAll(/Your walk-away value is now ([0-9.]+) points/g)].map((m) => m[1]))`)
	s.checkConsole()
	return told
}

// DrivePlayBriefSays opens the Play view at hash, opens the seat's brief and checks that it
// says each line of says, as negsim play's show says it.
func DrivePlayBriefSays(t *testing.T, origin, hash string, says []string) {
	s := start(t, origin)
	s.do(chromedp.Navigate(origin + "#" + hash))
	s.settled()
	evalJS[any](s, `document.querySelector("#play details.play-brief").open = true`)
	wantSaid(t, s.playText("#play details.play-brief"), says, "the seat's brief")
	s.checkConsole()
}

// DrivePlayProposalColumns opens the Play view at hash and returns the column headings of
// the table of the proposal on the table, and the line above it.
func DrivePlayProposalColumns(t *testing.T, origin, hash string) (line string, columns []string) {
	s := start(t, origin)
	s.do(chromedp.Navigate(origin + "#" + hash))
	s.settled()
	got := evalJS[[]string](s, `(() => {
  const t = [...document.querySelectorAll("#play table")].find((t) => t.caption && / proposal$/.test(t.caption.textContent));
  if (!t) return [];
  const line = t.closest(".scroll").previousElementSibling;
  return [line ? line.textContent : "", ...[...t.tHead.querySelectorAll("th")].map((th) => th.textContent)];
})()`)
	s.checkConsole()
	if len(got) == 0 {
		t.Fatalf("the Play view at %s shows no proposal's table", hash)
	}
	return got[0], got[1:]
}
