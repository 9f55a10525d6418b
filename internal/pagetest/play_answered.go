package pagetest

import (
	"encoding/json"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/accessibility"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// PlayMove is a move made in the Play view by keyboard, and what negsim play says of it
// for the same move: the lines it prints between the move and the next round, or, when
// the move ends the talks, the first line of their end, after the lines it printed before
// it when the move made the deal.
type PlayMove struct {
	Move string // accept, reject, quit, or offer:issue=option,...
	Said []string
	// Then are lines the Play view must also show after the move, each a paragraph of
	// its own: of the last move, what the terminal says further down the talks' end.
	Then []string
}

// SaidOfMoves reads what negsim play printed, its moves piped in (each echoed after "> "),
// into what it said of each move, in the order of the moves.
//
// Of a move that ends the talks, the page says what the terminal prints before their end,
// the coach on the seat's own offer and who accepted the round's text or rejected it, then
// the end's first line.
func SaidOfMoves(out string) [][]string {
	var said [][]string
	var block []string
	over, in := false, false
	for _, line := range strings.Split(out, "\n") {
		switch {
		case strings.HasPrefix(line, "> "):
			if in {
				said = append(said, block)
			}
			block, in = nil, true
		case !in || line == "":
		case line == "== The talks are over ==":
			over = true
		case strings.HasPrefix(line, "== "):
			said = append(said, block)
			in = false
		case over:
			return append(said, append(block, line))
		default:
			block = append(block, line)
		}
	}
	return said
}

// DrivePlayAnswered plays a session by keyboard (hash opens the Play view with the seat
// taken) and checks that each move's answer is the first thing read after it: the focus
// goes to the next round's heading, and the heading is described by, and followed by,
// what negsim play says of the move. Below the heading came the seat, the rules and the
// next proposal, and what became of the move stood last, under the brief: a screen reader
// heard "Round 1" and had to read the whole turn to learn whether its Reject sank the deal.
func DrivePlayAnswered(t *testing.T, origin, hash string, moves []PlayMove) {
	s := start(t, origin)
	s.do(chromedp.Navigate(origin + "#" + hash))
	s.settled()
	evalJS[any](s, `document.getElementById("play-now").focus()`)
	for i, m := range moves {
		move, deal, _ := strings.Cut(m.Move, ":")
		if deal != "" {
			for _, pair := range strings.Split(deal, ",") {
				issue, option, _ := strings.Cut(pair, "=")
				s.tabTo("play-offer-" + issue)
				// The arrow keys step through a closed menu's options, as a keyboard chooses.
				steps := evalJS[int](s, `(() => { const m = document.activeElement; return [...m.options].findIndex((o) => o.value === `+strconv.Quote(option)+`) - m.selectedIndex; })()`)
				key := kb.ArrowDown
				if steps < 0 {
					key, steps = kb.ArrowUp, -steps
				}
				for range steps {
					s.do(chromedp.KeyEvent(key))
				}
				if got := evalJS[string](s, `document.activeElement.value`); got != option {
					t.Fatalf("move %d: the menu of %s never reached %s (at %s)", i+1, issue, option, got)
				}
			}
		}
		s.tabTo("play-" + move)
		s.do(chromedp.KeyEvent(kb.Enter))
		s.settled()
		want := strings.Join(m.Said, " ")
		if id := evalJS[string](s, `document.activeElement.id`); id != "play-now" {
			t.Fatalf("move %d (%s): the focus is on %q, not the round's heading", i+1, m.Move, id)
		}
		heading, described := s.focusedAX()
		if described != want {
			t.Errorf("move %d (%s): the focus goes to %q, described by %q; negsim play says %q", i+1, m.Move, heading, described, want)
		}
		// At the talks' end the outcome follows what the move did.
		if next := evalJS[string](s, `(() => {
			const e = document.getElementById("play-now").nextElementSibling;
			const said = [e, e && e.id === "play-answered" ? e.nextElementSibling : null].filter((x) => x && (x === e || x.id === "play-outcome"));
			return said.map((x) => x.innerText).join(" ").replace(/\s+/g, " ").trim();
		})()`); next != want {
			t.Errorf("move %d (%s): after the heading %q the page says %q; negsim play says %q", i+1, m.Move, heading, next, want)
		}
		if len(m.Then) > 0 {
			paras := evalJS[[]string](s, `[...document.querySelectorAll("#view-play p")].map((p) => p.innerText.replace(/\s+/g, " ").trim())`)
			for _, line := range m.Then {
				if !slices.Contains(paras, line) {
					t.Errorf("move %d (%s): the Play view has no paragraph %q, which negsim play says; it says\n\t%s", i+1, m.Move, line, strings.Join(paras, "\n\t"))
				}
			}
		}
	}
	s.checkConsole()
}

// tabTo presses Tab until the element with id has the focus, as a keyboard user walks a
// turn from its heading.
func (s *session) tabTo(id string) {
	s.t.Helper()
	for range 20 {
		if evalJS[string](s, `document.activeElement.id`) == id {
			return
		}
		s.do(chromedp.KeyEvent(kb.Tab))
	}
	s.t.Fatalf("20 Tabs never reach #%s (the focus is on %s)", id, evalJS[string](s, focusJS+`.name`))
}

// focusedAX is the name and the description a screen reader reads of the focused element,
// from Chromium's accessibility tree.
func (s *session) focusedAX() (name, description string) {
	s.t.Helper()
	obj, err := chromedp.Call(s.ctx, runtime.Evaluate, runtime.EvaluateParams{Expression: "document.activeElement"})
	if err != nil || obj.ExceptionDetails != nil || obj.Result == nil {
		s.t.Fatalf("the focused element: %v", err)
	}
	only := false
	tree, err := chromedp.Call(s.ctx, accessibility.GetPartialAXTree, accessibility.GetPartialAXTreeParams{ObjectID: obj.Result.ObjectID, FetchRelatives: &only})
	if err != nil || len(tree.Nodes) == 0 {
		s.t.Fatalf("the focused element's node of the accessibility tree: %v", err)
	}
	nodes := tree.Nodes
	if n := nodes[0]; n.Name != nil {
		json.Unmarshal(n.Name.Value, &name)
	}
	if n := nodes[0]; n.Description != nil {
		json.Unmarshal(n.Description.Value, &description)
	}
	return name, description
}
