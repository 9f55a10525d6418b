package pagetest

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// DriveTakeNumbers opens What would it take where the smallest changes are a few
// ten-millionths: Harborco's other ports weigh the fund and the jobs 50 each, a tie that
// the smallest step breaks (teaching-harborco-quota.yaml). Each threshold row must write its
// numbers as a student reads them, 0.0000003 and not 3e-7, and give a share of the range
// that is not 0.0%, which says no change was needed; and its Try it button must set the
// value the row names, every digit kept, and bring the change the row says.
func DriveTakeNumbers(t *testing.T, origin string) {
	s := start(t, origin)
	s.do(chromedp.Navigate(origin + "#scenario=teaching-harborco-quota&view=take"))
	s.settled()
	rows := evalJS[[][]string](s, `[...document.querySelectorAll("#take tbody tr")].map((tr) => [...tr.children].map((c) => c.textContent))`)
	if len(rows) == 0 {
		t.Fatal("What would it take shows no rows")
	}
	for _, r := range rows {
		line := strings.Join(r, " | ")
		for _, cell := range r[1:5] {
			if strings.Contains(cell, "e-") || strings.Contains(cell, "e+") {
				t.Errorf("a number in exponent form: %s", line)
			}
		}
		if r[4] == "0.0%" {
			t.Errorf("a change reads as 0.0%% of its range: %s", line)
		}
	}
	// Try it on the first row: the page sets the value as the row writes it and then shows
	// the zone the row says it would.
	first := rows[0]
	path := strings.TrimSpace(evalJS[string](s, `document.querySelector("#take tbody tr code.path").textContent`))
	_, holds, found := strings.Cut(first[5], "the zone holds ")
	if !found {
		t.Fatalf("the first row does not say what the zone holds: %s", strings.Join(first, " | "))
	}
	holds, _, _ = strings.Cut(holds, " ")
	s.do(chromedp.Click(chromedp.CSS(`#take tbody tr button`)))
	s.settled()
	hash := evalJS[string](s, `decodeURIComponent(location.hash)`)
	if !strings.Contains(hash, "set="+path+"="+first[2]) {
		t.Errorf("Try it on %s at %s leaves the page at %s", path, first[2], hash)
	}
	if now := evalJS[string](s, `document.querySelector("#take p").textContent`); !strings.HasPrefix(now, "Now the zone holds "+holds+" of ") {
		t.Errorf("Try it on %s at %s: %q, but the row said the zone would hold %s deals", path, first[2], now, holds)
	}
	s.checkConsole()
}
