package pagetest

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// DriveOpenedAsFile opens a static site's index.html from the disk (file://), as a student
// who downloaded the folder and double-clicked the page does. The browser refuses such a
// page its engine; the page must say so, and how to open it instead, rather than wait for
// an engine that never starts.
func DriveOpenedAsFile(t *testing.T, index string) {
	tab := Tab(t, 1280, 900, 2*time.Minute)
	s := &session{t: t, ctx: tab, origin: "file://"}
	s.do(chromedp.Navigate(index))
	if _, err := chromedp.Run(s.ctx, chromedp.Poll[bool](`document.readyState === "complete"`, chromedp.WithPollingTimeout(30*time.Second))); err != nil {
		t.Fatal(err)
	}
	// The modules fail at once; a second is plenty for anything that would still start.
	time.Sleep(time.Second)
	status := evalJS[string](s, `document.getElementById("status").textContent`)
	alert := evalJS[string](s, `document.getElementById("error").hidden ? "" : document.getElementById("error").textContent`)
	if strings.Contains(status, "Starting the engine") {
		t.Errorf("opened as a file the page still says %q", status)
	}
	for _, want := range []string{"file://", "web server", "negsim serve"} {
		if !strings.Contains(alert, want) {
			t.Errorf("opened as a file the page's message lacks %q: %q", want, alert)
		}
	}
	// A file chosen there would go unread, with nothing said: the choice is not offered, and
	// no other control that needs the engine takes the keyboard's focus. The skip link
	// still leads to the results, where the message is.
	if stops := evalJS[[]string](s, deadStopsJS); len(stops) > 0 {
		t.Errorf("opened as a file the page's Tab stops include %q, which do nothing without the engine", stops)
	}
	if blank := evalJS[[]string](s, blankMenusJS); len(blank) > 0 {
		t.Errorf("opened as a file the page shows menus with nothing in them, which a screen reader reads as blank: %q", blank)
	}
}

// blankMenusJS lists the menus in sight with no choice to read out: a screen reader says
// only "combo box" for such a menu, where the page must say why there is nothing in it.
const blankMenusJS = `[...document.querySelectorAll("select")].filter((m) => m.getClientRects().length && !(m.selectedOptions[0] && m.selectedOptions[0].text.trim())).map((m) => m.id)`

// deadStopsJS lists the page's Tab stops other than the skip link, by id or tag.
const deadStopsJS = `[...document.querySelectorAll("a[href], button, input, select, textarea, summary, [tabindex]")].filter((e) => !e.disabled && e.tabIndex >= 0 && e.getClientRects().length && !e.classList.contains("skip")).map((e) => e.id || e.tagName)`
