package pagetest

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// DrivePlayZoomed plays the job offer's whole session by keyboard alone in a laptop's
// window at 200% zoom (1280×900 is 640×450 CSS pixels): the skip link to the results, the
// seat taken with the coach on, an offer made from the three menus, and the table left.
// Each key's focus must land in the window, and the talks' end must show every column of
// its tables without scrolling sideways: five columns of short words and numbers fit
// 606 px, where each number held to 8rem pushed the surplus out of sight.
func DrivePlayZoomed(t *testing.T, origin string) {
	s := startAt(t, origin, 640, 450, 2*time.Minute)
	s.do(chromedp.Navigate(origin + "#scenario=teaching-two-party&view=play"))
	s.settled()
	focused := func() string {
		return evalJS[string](s, `(() => { const e = document.activeElement, r = e.getBoundingClientRect();
			return (e.id || e.tagName.toLowerCase()) + (r.top >= -1 && r.bottom <= innerHeight + 1 && r.left >= -1 && r.right <= innerWidth + 1 ? "" : " (out of the window: " + [r.left, r.top, r.right, r.bottom].map(Math.round) + ")"); })()`)
	}
	press := func(key, want string) {
		t.Helper()
		s.do(chromedp.KeyEvent(key))
		s.settled()
		if got := focused(); got != want {
			t.Fatalf("after %q the focus is on %s, want %s", key, got, want)
		}
	}
	// The round's heading, where a move leaves the focus, stands clear of the window's edge
	// with the turn it heads in sight below it: flush at the bottom edge, the student saw
	// a heading and nothing of what to do.
	roomAround := func(key string) {
		t.Helper()
		got := evalJS[[]float64](s, `(() => { const e = document.getElementById("play-now"), r = e.getBoundingClientRect();
			return [r.top, innerHeight - r.bottom, innerHeight - e.nextElementSibling.getBoundingClientRect().top]; })()`)
		if got[0] < 8 || got[1] < 8 || got[2] < 48 {
			t.Errorf("after %q the round's heading stands %.0f px below the window's top and %.0f px above its bottom, with %.0f px of the turn in sight; want 8 px of room each side and 3 lines (48 px) of the turn", key, got[0], got[1], got[2])
		}
	}
	// Each key and where it leaves the focus: the skip link, the results, the Play tab, the
	// seat's menu (Candidate, the first actor), the coach, Take the seat, the round.
	for _, k := range [][2]string{
		{kb.Tab, "a"}, {kb.Enter, "results"}, {kb.Tab, "tab-play"}, {kb.Tab, "play-as"}, {kb.ArrowDown, "play-as"},
		{kb.Tab, "play-coach"}, {" ", "play-coach"}, {kb.Tab, "play-start"}, {kb.Enter, "play-now"},
	} {
		press(k[0], k[1])
	}
	roomAround(kb.Enter)
	// Nothing is on the table at the candidate's first turn, so the offer starts at its own
	// best: its ideals in teaching-two-party.yaml, salary high (within its red line, mid or
	// high), fully remote and three months, worth 100 points.
	if got := evalJS[string](s, `["salary", "remote", "start"].map((id) => document.getElementById("play-offer-" + id).value).join(",")`); got != "high,remote,three-months" {
		t.Errorf("the offer starts at %s; want the candidate's own best, high,remote,three-months", got)
	}
	// The offer: salary down to mid and back to high, hybrid (one up from fully remote),
	// start now (two up from three months), Offer this deal.
	for _, k := range [][2]string{
		{kb.Tab, "play-offer-salary"}, {kb.ArrowUp, "play-offer-salary"}, {kb.ArrowDown, "play-offer-salary"},
		{kb.Tab, "play-offer-remote"}, {kb.ArrowUp, "play-offer-remote"}, {kb.Tab, "play-offer-start"},
		{kb.ArrowUp, "play-offer-start"}, {kb.ArrowUp, "play-offer-start"},
		{kb.Tab, "play-offer"}, {kb.Enter, "play-now"},
	} {
		press(k[0], k[1])
	}
	roomAround(kb.Enter)
	if moves := evalJS[string](s, `new URLSearchParams(location.hash.slice(1)).get("moves")`); moves != "offer:salary=high,remote=hybrid,start=now" {
		t.Fatalf("the link holds the moves %q, want the offer made by keyboard", moves)
	}
	// Tab walks the turn to the button that leaves the table.
	for i := 0; ; i++ {
		s.do(chromedp.KeyEvent(kb.Tab))
		got := focused()
		if strings.Contains(got, "out of the window") {
			t.Errorf("Tab through the turn: %s", got)
		}
		if strings.HasPrefix(got, "play-quit") {
			break
		}
		if i == 12 {
			t.Fatalf("12 Tabs from the round's heading never reach Leave the table (last on %s)", got)
		}
	}
	press(kb.Enter, "play-now")
	if got := s.playText("#play-now"); got != "The talks are over" {
		t.Fatalf("the table left, the page says %q", got)
	}
	if wide := evalJS[[]string](s, `[...document.querySelectorAll("#play .scroll")].filter((b) => b.scrollWidth > b.clientWidth + 1).map((b) => b.getAttribute("aria-label") + ": " + b.scrollWidth + " px in " + b.clientWidth)`); len(wide) > 0 {
		t.Errorf("at the talks' end a table scrolls sideways at 200%%: %q", wide)
	}
	if problems := evalJS[[]string](s, overflowJS); len(problems) > 0 {
		t.Errorf("at the talks' end: %q", problems)
	}
	s.checkConsole()
}
