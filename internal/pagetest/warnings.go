package pagetest

import (
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// WarningCase is a state of the page and what negsim analyze warns of it on stderr, each
// line without its "warning: ".
type WarningCase struct {
	Hash string
	Said []string
}

// DriveWarnings follows each case's link in turn within one page, as a student changes
// variant or value, and checks that the page lists what negsim analyze warns of that
// state, in its words, located in the file as it locates them, and nothing once it warns
// of nothing. The page showed no warning at all: a condition that never applies, say,
// went unsaid. A warning is listed above the results, and leaves the results in place.
func DriveWarnings(t *testing.T, origin string, cases []WarningCase) {
	s := startAt(t, origin, 1280, 900, 2*time.Minute)
	for i, c := range cases {
		if i == 0 {
			s.do(chromedp.Navigate(origin + "#" + c.Hash))
		} else {
			evalJS[any](s, `location.hash = `+strconv.Quote(c.Hash))
		}
		s.settled()
		got := evalJS[[]string](s, `!document.getElementById("warnings") || document.getElementById("warnings").hidden ? [] : [...document.querySelectorAll("#warnings li")].map((li) => li.textContent)`)
		if !slices.Equal(got, c.Said) {
			t.Errorf("#%s: the page warns %q; negsim analyze warns %q", c.Hash, got, c.Said)
		}
		if len(c.Said) > 0 && !evalJS[bool](s, `(() => { const r = document.getElementById("warnings").getBoundingClientRect(); return r.height > 0 && r.top < innerHeight; })()`) {
			t.Errorf("#%s: the warnings are not in sight when the page opens", c.Hash)
		}
		if n := evalJS[string](s, `document.getElementById("zopa-count").textContent`); n == "–" || n == "…" {
			t.Errorf("#%s: with its warnings the page shows no zone (%q)", c.Hash, n)
		}
	}
	s.checkConsole()
}
