package pagetest

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// DriveIdlePlay opens the Play view on the reference scenario as shipped, where the
// mediator has no text in any round and Ukraine has no move (negsim play --as ukraine,
// cmd/negsim/testdata/play/mediated-nothing-on-the-table.txtar at the terminal). The page
// must say so and why, tell every round in its log, and link to what would give a move:
// following the link to alternating offers gives Ukraine its turn to propose in round 0.
func DriveIdlePlay(t *testing.T, origin, name string) {
	s := start(t, origin)
	s.do(chromedp.Navigate(origin + "#scenario=ukraine-2026&view=play&as=ukraine"))
	s.settled()
	idle := s.playText("#play-idle")
	for _, want := range []string{"You had no move in this session.", "United States finds no text", "the parties proposing in turn", "geneva-19-point"} {
		if !strings.Contains(idle, want) {
			t.Errorf("the page's notice of a session with no move lacks %q:\n%s", want, idle)
		}
	}
	items := evalJS[[]string](s, `[...document.querySelectorAll("#play-log li")].map((li) => li.innerText)`)
	if len(items) != 8 || !strings.HasPrefix(items[0], "Round 0: nothing on the table; United States finds no text") ||
		!strings.HasPrefix(items[7], "Round 7: nothing on the table again") || !strings.HasSuffix(items[7], "Your walk-away value is now 31.0 points.") {
		t.Errorf("the log holds %d rounds:\n%s\nwant rounds 0 to 7 with nothing on the table", len(items), strings.Join(items, "\n"))
	}
	// The talks never ripen as shipped (the scenario's teacher_notes): negsim play ends
	// saying no deal was possible.
	if got, want := s.playText("#play-possible"), "No deal was possible: the zone of possible agreement was empty in every round played."; got != want {
		t.Errorf("the breakdown says %q, want %q", got, want)
	}
	s.screenshots(name + "-play-idle")
	s.follow(`#play-idle a[href*="alternating"]`)
	if got := s.playText("#play-now"); got != "Round 0 (the last is round 7)" {
		t.Errorf("with alternating offers the page shows %q, want round 0, Ukraine's turn to propose", got)
	}
	if s.playText("#play-idle") != "" {
		t.Error("the notice of a session with no move stays after switching to alternating offers")
	}
	s.checkOrigin()
	s.checkConsole()
}

// DriveSeatChoice opens the Play view of hash and reads the seats its chooser offers: the
// actors at the table, never a ratifier, which negsim play refuses ("no seat at the table").
func DriveSeatChoice(t *testing.T, origin, hash string, want []string) {
	s := start(t, origin)
	s.do(chromedp.Navigate(origin + "#" + hash + "&view=play"))
	s.settled()
	got := evalJS[[]string](s, `[...document.querySelectorAll("#play-as option")].filter((o) => o.value).map((o) => o.textContent)`)
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("%s: the Play view offers the seats %q, want %q", hash, got, want)
	}
	s.checkConsole()
}
