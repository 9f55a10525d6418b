package pagetest

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// DriveQuickSwitch changes the scenario twice in a row, as a student clicking down the list
// or following two links in quick succession does, and checks that the page ends showing
// the second scenario throughout: its description, its file in the status line, and its
// own what-if controls, with nothing written to the console on the way. The first
// scenario's answers, arriving late, must not overwrite the second's.
func DriveQuickSwitch(t *testing.T, origin string) {
	s := start(t, origin)
	s.do(chromedp.Navigate(origin + "#scenario=teaching-two-party"))
	s.settled()
	// The reference scenario (twelve issues, conditions on every side) and the Security
	// Council (fifteen members, none of the reference scenario's actors), both ways round.
	for i, pair := range [][2]string{
		{"ukraine-2026", "teaching-security-council"},
		{"teaching-security-council", "ukraine-2026"},
		{"ukraine-2026", "teaching-two-party"},
		{"teaching-two-party", "ukraine-2026"},
		{"ukraine-2026", "teaching-security-council"},
	} {
		first, second := pair[0], pair[1]
		evalJS[any](s, `location.hash = "#scenario=`+first+`"; setTimeout(() => { location.hash = "#scenario=`+second+`"; }, `+[]string{"0", "5", "20", "40", "80"}[i]+`)`)
		if _, err := chromedp.Run(s.ctx, chromedp.Poll[bool](`location.hash === "#scenario=`+second+`"`, chromedp.WithPollingTimeout(10*time.Second))); err != nil {
			t.Fatal(err)
		}
		s.settled()
		status := evalJS[string](s, `document.getElementById("status").textContent`)
		if !strings.Contains(status, second+".yaml") {
			t.Errorf("%s then %s: the status line says %q", first, second, status)
		}
		// Every control belongs to the scenario shown: an actor of its own (the Security Council
		// has a Russia and a US too), and none of the others'.
		paths := evalJS[[]string](s, `[...document.querySelectorAll("#controls .control")].map((c) => c.dataset.path)`)
		actors := evalJS[[]string](s, `[...document.querySelectorAll("#controls details.group > summary")].map((x) => x.textContent)`)
		if len(paths) == 0 {
			t.Errorf("%s then %s: no what-if controls", first, second)
		}
		wantReservation := map[string]string{"ukraine-2026": "actors.ukraine.reservation", "teaching-security-council": "actors.elected-1.reservation", "teaching-two-party": "actors.candidate.reservation"}[second]
		if !slices.Contains(paths, wantReservation) {
			t.Errorf("%s then %s: the controls (%d, groups %q) lack %s", first, second, len(paths), actors, wantReservation)
		}
		for other, p := range map[string]string{"ukraine-2026": "actors.ukraine.reservation", "teaching-security-council": "actors.elected-1.reservation", "teaching-two-party": "actors.candidate.reservation"} {
			if other != second && slices.Contains(paths, p) {
				t.Errorf("%s then %s: the controls hold %s's %s", first, second, other, p)
			}
		}
	}
	s.checkConsole()
}
