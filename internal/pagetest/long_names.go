package pagetest

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// DriveLongDescriptions opens hash, a scenario whose descriptions are long and have no
// spaces, as Chinese is written: the variants' menu and the scenario's description above
// the results are cut short, as they are for text with spaces. (DriveNarrow checks that
// such a scenario's long names stand inside its charts and its page.)
func DriveLongDescriptions(t *testing.T, origin, hash string) {
	s := startAt(t, origin, 1280, 900, 2*time.Minute)
	s.do(chromedp.Navigate(origin + "#" + hash))
	s.settled()
	// "ID: ", then 70 characters of the description at most, and " …".
	for _, option := range evalJS[[]string](s, `[...document.querySelectorAll("#variant option")].map((o) => o.textContent)`) {
		_, about, _ := strings.Cut(option, ": ")
		if n := len([]rune(about)); n > 70+2 {
			t.Errorf("the variants' menu shows %d characters of a description: %q", n, option)
		}
	}
	if n := len([]rune(evalJS[string](s, `document.getElementById("about").textContent`))); n > 400+2 {
		t.Errorf("the scenario's description above the results is %d characters long", n)
	}
	s.checkConsole()
}
