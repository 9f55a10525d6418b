package pagetest

import (
	"context"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// statusLog records every text the page's status line takes from the first moment of each
// page load, however fast the engine arrives.
const statusLog = `window.negsimStatusLog = [];
document.addEventListener("DOMContentLoaded", () => {
	const status = document.getElementById("status");
	window.negsimStatusLog.push(status.textContent);
	new MutationObserver(() => window.negsimStatusLog.push(status.textContent)).observe(status, {childList: true, characterData: true, subtree: true});
});`

// DriveOffline opens a static site at origin (served on this computer's own address, where
// browsers allow the page to keep its files), as a student does in class, then, for each of
// stops, stops the server that way and reloads the page, as the same student does at home:
// the page and its engine must come back from the browser's copy with the same results,
// within waited of the reload. On the way in, the status line must show the engine's
// download coming (about 10 MB, long on a school's network or a Chromebook), not one
// unchanging "Starting the engine…".
func DriveOffline(t *testing.T, origin string, waited time.Duration, stops ...func()) {
	tab := Tab(t, 1280, 900, 4*time.Minute)
	s := &session{t: t, ctx: tab, origin: origin}
	s.collectConsole()
	if _, err := chromedp.Call(tab, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: statusLog}); err != nil {
		t.Fatal(err)
	}
	const hash = "scenario=teaching-two-party&set=actors.candidate.reservation%3D0.45"
	s.do(chromedp.Navigate(origin + "#" + hash))
	s.settled()
	said := evalJS[[]string](s, `window.negsimStatusLog`)
	if !slices.ContainsFunc(said, regexp.MustCompile(`^Fetching the engine: \d+ of (9|10|11) MB…$`).MatchString) {
		t.Errorf("while the engine came the status line said %q; want the megabytes fetched of about 10", said)
	}
	before := evalJS[string](s, `document.getElementById("zopa-count").textContent + " " + document.getElementById("nash").textContent`)
	ctx, cancel := context.WithTimeout(tab, 60*time.Second)
	defer cancel()
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.body.dataset.offline === "ready"`)); err != nil {
		t.Fatalf("the site's files were not kept for offline use: %v", err)
	}

	for i, stop := range stops {
		stop()
		began := time.Now()
		back, cancelBack := context.WithTimeout(tab, waited)
		_, err := chromedp.Run(back, chromedp.Reload())
		if err == nil {
			_, err = chromedp.Run(back, chromedp.Poll[bool](`document.body && document.body.dataset.ready === "true" && document.body.dataset.busy === "false"`))
		}
		if err != nil {
			cancelBack()
			shown, _ := chromedp.Run(tab, chromedp.Evaluate[string](`document.body ? document.body.innerText.slice(0, 400) : ""`))
			t.Fatalf("stop %d: reloaded with the server stopped the page did not come back within %v (%v): it shows %q", i+1, waited, err, shown)
		}
		cancelBack()
		t.Logf("stop %d: the page was back in %v", i+1, time.Since(began).Round(100*time.Millisecond))
		s.settled()
		after := evalJS[string](s, `document.getElementById("zopa-count").textContent + " " + document.getElementById("nash").textContent`)
		alert := evalJS[string](s, `document.getElementById("error").hidden ? "" : document.getElementById("error").textContent`)
		if after != before || alert != "" {
			t.Errorf("stop %d: reloaded with the server stopped the page shows %q (alert %q); before, %q", i+1, after, alert, before)
		}
	}
	if !strings.Contains(before, "salary=") {
		t.Errorf("the page showed %q: no Nash deal to compare", before)
	}
	s.checkConsole()
}
