package pagetest

import (
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// DriveScenarioBack makes a what-if of the job offer by keyboard (the candidate's
// reservation one step up, to sets), then chooses the next scenario of the list by
// keyboard, which drops every change. The switch replaced the address's history entry:
// Back left the page, and the what-if was lost. Back must bring the job offer again with
// its what-if, want as negsim analyze gives it, and Forward the scenario chosen.
func DriveScenarioBack(t *testing.T, origin string, sets []string, want Answer) {
	s := startAt(t, origin, 1280, 900, 2*time.Minute)
	s.do(chromedp.Navigate(origin + "#scenario=teaching-two-party"))
	s.settled()
	slider := `.control[data-path="actors.candidate.reservation"] input[type=range]`
	s.do(chromedp.Focus(chromedp.CSS(slider)))
	s.do(chromedp.KeyEvent(kb.ArrowRight))
	s.settled()
	if got := s.hashSets(); !slices.Equal(got, sets) {
		t.Fatalf("the slider moved: the link holds %q, want %q", got, sets)
	}
	before := evalJS[string](s, `location.hash`)
	s.do(chromedp.Focus(chromedp.CSS("#scenario")))
	s.do(chromedp.KeyEvent(kb.ArrowDown))
	s.settled()
	chosen := evalJS[string](s, `document.getElementById("scenario").value`)
	if chosen == "teaching-two-party" || len(s.hashSets()) > 0 {
		t.Fatalf("the next scenario chosen by keyboard: the menu shows %q and the link holds %q; want another scenario, unchanged", chosen, s.hashSets())
	}
	after := evalJS[string](s, `location.hash`)
	back := func(how, want string) {
		t.Helper()
		// Later, so that a page left answers the call first.
		evalJS[any](s, `setTimeout(() => `+how+`, 0)`)
		if _, err := chromedp.Run(s.ctx, chromedp.Poll[bool](`location.hash === `+strconv.Quote(want), chromedp.WithPollingTimeout(10*time.Second))); err != nil {
			t.Fatalf("%s: the page never came to %s%s: %v", how, origin, want, err)
		}
		s.settled()
	}
	back(`history.back()`, before)
	if got := evalJS[string](s, `document.getElementById("scenario").value`); got != "teaching-two-party" {
		t.Errorf("Back: the scenario menu shows %q, want teaching-two-party", got)
	}
	if got := evalJS[string](s, `document.querySelector('`+slider+`').value`); got+"" == "" || "actors.candidate.reservation="+got != sets[0] {
		t.Errorf("Back: the candidate's reservation slider is at %q, want %q", got, sets[0])
	}
	s.expect("Back to the job offer's what-if", want)
	back(`history.forward()`, after)
	if got := evalJS[string](s, `document.getElementById("scenario").value`); got != chosen {
		t.Errorf("Forward: the scenario menu shows %q, want %q", got, chosen)
	}
	s.checkConsole()
}
