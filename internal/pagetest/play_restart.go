package pagetest

import (
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// startAgainJS is the button that starts the session afresh, found by what it does rather
// than by an id: the seat's form's own button.
const startAgainJS = `document.querySelector("#play form.play-seat button[type=submit]")`

// DrivePlayStartAgain checks that a session cannot be lost by a key pressed by mistake.
// hash opens the Play view with a seat taken and one move made (moves=...). Once a seat is
// taken, Start again comes after the turn in the Tab order, not between the tabs and the
// turn; and with moves made it asks first, in the page (a window.confirm is no part of the
// page, and Chromium's headless answer to it would be no test): Enter again, Keep playing
// and Escape keep the session, and only the confirmation's own button starts afresh. With
// no move made, nothing is lost, and Start again asks nothing. The button stood first in
// the view and restarted at once, easy to hit tabbing from the tabs to the turn.
func DrivePlayStartAgain(t *testing.T, origin, hash string) {
	s := start(t, origin)
	s.do(chromedp.Navigate(origin + "#" + hash))
	s.settled()
	moves := evalJS[string](s, `new URLSearchParams(location.hash.slice(1)).get("moves") || ""`)
	heading := s.playText("#play-now")
	if moves == "" {
		t.Fatalf("the link %s holds no moves to lose", hash)
	}
	evalJS[any](s, `window.negsimConfirms = 0; window.confirm = () => { window.negsimConfirms++; return true; }`)

	// From the Play tab, Tab reaches the turn before anything that could end it.
	s.do(chromedp.Focus(chromedp.CSS("#tab-play")))
	s.do(chromedp.KeyEvent(kb.Tab))
	if f := evalJS[focus](s, focusJS); f.Name != "button#play-accept Accept" {
		t.Errorf("Tab from the Play tab reaches %s, want the turn's first move, Accept", f.Name)
	}
	s.tabToStartAgain()

	kept := func(after string) {
		t.Helper()
		if got := evalJS[string](s, `new URLSearchParams(location.hash.slice(1)).get("moves") || ""`); got != moves {
			t.Fatalf("after %s the link holds the moves %q, want %q kept", after, got, moves)
		}
		if got := s.playText("#play-now"); got != heading {
			t.Fatalf("after %s the view shows %q, want %q", after, got, heading)
		}
		if n := evalJS[int](s, `window.negsimConfirms`); n != 0 {
			t.Errorf("after %s the page asked with window.confirm %d times, outside the page", after, n)
		}
	}
	// keptAndBack is kept, with the question gone and the focus back on Start again.
	keptAndBack := func(after string) {
		kept(after)
		if evalJS[bool](s, `!!document.querySelector("#play [role=group]")`) || !evalJS[bool](s, `document.activeElement === `+startAgainJS) {
			t.Errorf("after %s the question stays, or the focus is not back on Start again (%s)", after, evalJS[focus](s, focusJS).Name)
		}
	}
	// asked presses Enter on Start again, which must ask in the page, the question taking
	// the focus, and keep the session meanwhile.
	asked := func(before string) {
		t.Helper()
		s.do(chromedp.KeyEvent(kb.Enter))
		s.settled()
		kept("Enter on Start again" + before)
		f := evalJS[[]string](s, `(() => { const e = document.activeElement, g = e.closest("[role=group]");
			return [e.innerText || "", g ? g.getAttribute("aria-labelledby") || "" : "", g && e.id && g.getAttribute("aria-labelledby") === e.id ? "labels" : ""]; })()`)
		if f[2] != "labels" {
			t.Fatalf("Enter on Start again%s leaves the focus on %q, want the question of a group it names", before, f[0])
		}
		if want := "Start again? The 1 move made so far is lost: this page's link holds it, and starting again clears it."; f[0] != want {
			t.Errorf("Start again asks %q, want %q", f[0], want)
		}
	}
	asked("")
	// Enter pressed once too often answers nothing.
	s.do(chromedp.KeyEvent(kb.Enter))
	s.settled()
	kept("Enter pressed twice")
	s.tabTo("play-keep")
	s.do(chromedp.KeyEvent(kb.Enter))
	s.settled()
	keptAndBack("Keep playing")
	asked(" a second time")
	s.do(chromedp.KeyEvent(kb.Escape))
	s.settled()
	keptAndBack("Escape")
	asked(" a third time")
	s.tabTo("play-restart")
	s.do(chromedp.KeyEvent(kb.Enter))
	s.settled()
	if got := evalJS[string](s, `new URLSearchParams(location.hash.slice(1)).get("moves") || ""`); got != "" {
		t.Errorf("the confirmed Start again leaves the moves %q in the link", got)
	}
	if id := evalJS[string](s, `document.activeElement.id`); id != "play-now" || s.playText("#play-now") == heading {
		t.Errorf("the confirmed Start again leaves the focus on %q and the view at %q, want the first round's heading", id, s.playText("#play-now"))
	}
	first := s.playText("#play-now")
	// With no move made nothing is lost: Start again (the coach switched on, say) starts
	// afresh at once.
	s.tabToStartAgain()
	s.do(chromedp.KeyEvent(kb.Enter))
	s.settled()
	if id := evalJS[string](s, `document.activeElement.id`); id != "play-now" || s.playText("#play-now") != first {
		t.Errorf("Start again with no move made leaves the focus on %q (%s), want the first round's heading", id, evalJS[focus](s, focusJS).Name)
	}
	s.checkConsole()
}

// tabToStartAgain presses Tab until Start again has the focus.
func (s *session) tabToStartAgain() {
	s.t.Helper()
	for range 40 {
		if evalJS[bool](s, `document.activeElement === `+startAgainJS) {
			return
		}
		s.do(chromedp.KeyEvent(kb.Tab))
	}
	s.t.Fatalf("40 Tabs never reach Start again (the focus is on %s)", evalJS[focus](s, focusJS).Name)
}
