package pagetest

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// textsPastTheChart lists each text of the first chart in #view drawn past the chart's
// edges (by more than a pixel, for anti-aliasing), with how far: a word past the edge is
// cut off.
const textsPastTheChart = `((view) => {
	const svg = document.querySelector("#" + view + " svg");
	if (!svg) return [["no chart", 0]];
	const box = svg.getBoundingClientRect();
	return [...svg.querySelectorAll("text")].flatMap((t) => {
		const r = t.getBoundingClientRect();
		const past = Math.max(box.left - r.left, r.right - box.right, box.top - r.top, r.bottom - box.bottom);
		// A label's words, without the title the page gives it for a pointer.
		const words = t.firstChild && t.firstChild.nodeType === Node.TEXT_NODE ? t.firstChild.nodeValue : t.textContent;
		return past > 1 ? [[words, Math.round(past)]] : [];
	});
})`

// DriveLongNames opens hash, a scenario whose names and descriptions are long and have no
// spaces, as Chinese is written, on a phone and on a laptop. Every word of the zone's chart
// and of What would it take's must stand inside the chart: the page sizes a name it cannot
// measure by its letters, and one too long for its room is set smaller. The variants' menu
// and the scenario's description above the results are cut short, as they are for text
// with spaces.
func DriveLongNames(t *testing.T, origin, hash string) {
	for _, size := range [][2]int{{390, 844}, {1280, 900}} {
		s := startAt(t, origin, size[0], size[1], 2*time.Minute)
		s.do(chromedp.Navigate(origin + "#" + hash))
		s.settled()
		// "ID: ", then 70 characters of the description at most, and " …".
		for _, option := range evalJS[[]string](s, `[...document.querySelectorAll("#variant option")].map((o) => o.textContent)`) {
			_, about, _ := strings.Cut(option, ": ")
			if n := len([]rune(about)); n > 70+2 {
				t.Errorf("%d px wide: the variants' menu shows %d characters of a description: %q", size[0], n, option)
			}
		}
		if n := len([]rune(evalJS[string](s, `document.getElementById("about").textContent`))); n > 400+2 {
			t.Errorf("%d px wide: the scenario's description above the results is %d characters long", size[0], n)
		}
		for _, view := range []string{"chart", "take"} {
			at := hash
			if view == "take" {
				at += "&view=take"
			}
			s.do(chromedp.Navigate(origin + "#" + at))
			s.settled()
			if _, err := chromedp.Run(s.ctx, chromedp.Poll[bool](`!!document.querySelector("#`+view+` svg text")`, chromedp.WithPollingTimeout(30*time.Second))); err != nil {
				t.Fatalf("%d px, %s: no chart drawn: %v", size[0], view, err)
			}
			for _, past := range evalJS[[][2]any](s, textsPastTheChart+`("`+view+`")`) {
				t.Errorf("%d px wide, #%s: %q runs %v px past the chart's edge", size[0], view, past[0], past[1])
			}
		}
		s.checkConsole()
	}
}
