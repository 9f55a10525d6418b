package pagetest

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// DrivePlayRulesOnce checks that the Play view says the seat's standing and the rules once,
// as negsim play says them once at its start: opening, the lines the terminal opens with,
// stand in the turn the seat is given first (hash, as the page's address holds it), and
// after the seat's first moves (moves, as the address holds them) only in a closed part,
// "How the talks run", which a screen reader reading down the turn passes over. Each line
// of turn, what the terminal says at the turn after those moves before the proposal (an
// event, a walk-away value that moved), stands in the turn itself. The page repeated the
// standing and the rules under every round's heading.
func DrivePlayRulesOnce(t *testing.T, origin, hash, moves string, opening, turn []string) {
	s := start(t, origin)
	s.do(chromedp.Navigate(origin + "#" + hash))
	s.settled()
	wantSaid(t, s.playText("#play"), opening, "at the first turn the page")
	s.do(chromedp.Navigate("about:blank"))
	s.do(chromedp.Navigate(origin + "#" + hash + "&moves=" + moves))
	s.settled()
	shown := s.playText("#play")
	for _, line := range opening {
		if strings.Contains(shown, line) {
			t.Errorf("after the moves %s the turn says again %q", moves, line)
		}
	}
	wantSaid(t, shown, turn, "after the moves "+moves+" the turn")
	how := evalJS[[]string](s, `(() => { const d = [...document.querySelectorAll("#play details")].find((d) => d.querySelector("summary").textContent === "How the talks run");
		return d ? [d.open ? "open" : "closed", d.textContent.replace(/\s+/g, " ")] : []; })()`)
	if len(how) == 0 {
		t.Errorf("after the moves %s the Play view has no part named How the talks run", moves)
		return
	}
	if how[0] != "closed" {
		t.Errorf("How the talks run is %s after the moves %s, want closed", how[0], moves)
	}
	for _, line := range opening {
		if !strings.Contains(how[1], line) {
			t.Errorf("How the talks run does not say %q; it says %q", line, how[1])
		}
	}
	s.checkConsole()
}
