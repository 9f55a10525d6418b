package pagetest

import (
	"github.com/chromedp/cdproto/page"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// DriveLinkedVariantGone follows a link to the tied-hands example with a variant the file
// does not hold ("hawkis", as a link typed by hand or kept from before a variant was
// renamed). The page showed the file as it is, said nothing, and kept the variant in its
// address and its Share view's link. It must say what negsim analyze --variant hawkis says
// (said), name the variant in the menu, and, once the student chooses hawkish by keyboard,
// show hawkish's zone: zone deals, as negsim analyze counts them.
func DriveLinkedVariantGone(t *testing.T, origin, said, zone string) {
	s := startAt(t, origin, 1280, 900, 2*time.Minute)
	s.do(chromedp.Navigate(origin + "#scenario=teaching-tied-hands&variant=hawkis"))
	s.settled()
	shown := func() []string {
		return evalJS[[]string](s, `[document.getElementById("variant").selectedOptions[0].text,
			document.getElementById("error").hidden ? "" : document.getElementById("error").innerText,
			document.getElementById("zopa-count").textContent,
			new URLSearchParams(location.hash.slice(1)).get("variant") || ""]`)
	}
	got := shown()
	if got[0] != "hawkis: not in this file" || !strings.Contains(got[1], said) || got[3] != "hawkis" {
		t.Errorf("a link to a variant the file does not hold: the menu says %q, the page says %q with a zone of %q, the address names variant %q; want the menu to say \"hawkis: not in this file\", the page %q, the address hawkis", got[0], got[1], got[2], got[3], said)
	}
	// The menu is hawkis's, after the file's three: three steps up reach hawkish.
	s.do(chromedp.Focus(chromedp.CSS("#variant")))
	for range 3 {
		s.do(chromedp.KeyEvent(kb.ArrowUp))
		s.settled()
	}
	got = shown()
	if !strings.HasPrefix(got[0], "hawkish: ") || got[1] != "" || got[2] != zone || got[3] != "hawkish" {
		t.Errorf("hawkish chosen by keyboard: the menu says %q, the page says %q with a zone of %q, the address names variant %q; want hawkish, no error, %s deals", got[0], got[1], got[2], got[3], zone)
	}
	// The menu offers what the file holds: the link's hawkis is no longer shown anywhere.
	if offered := evalJS[[]string](s, `[...document.getElementById("variant").options].map((o) => o.value)`); slices.Contains(offered, "hawkis") {
		t.Errorf("hawkish chosen by keyboard: the variant menu still offers hawkis, which the file does not hold and the page no longer shows: %q", offered)
	}
	if focused := evalJS[string](s, `document.activeElement.id`); focused != "variant" {
		t.Errorf("hawkish chosen by keyboard: the focus went to #%s, want it kept on the variant menu", focused)
	}
}

// DriveLinkedScenarioGone opens a link to a scenario that neither negsim nor the served
// folder holds (misspelt), which the scenario menu names, and chooses the reference
// scenario by keyboard: the menu must then offer only what the page can open, with the
// focus kept on it, as the variant menu does.
func DriveLinkedScenarioGone(t *testing.T, origin string) {
	s := startAt(t, origin, 1280, 900, 2*time.Minute)
	s.do(chromedp.Navigate(origin + "#scenario=ukrane-2026"))
	s.settled()
	menu := func() []string {
		return evalJS[[]string](s, `[document.getElementById("scenario").value, ...[...document.getElementById("scenario").options].map((o) => o.value)]`)
	}
	if got := menu(); got[0] != "ukrane-2026" {
		t.Fatalf("a link to ukrane-2026: the scenario menu shows %q, want the link's ukrane-2026", got[0])
	}
	// The link's name is the menu's last option, after the shipped scenarios, of which
	// ukraine-2026 is the last by name: one step up reaches it.
	s.do(chromedp.Focus(chromedp.CSS("#scenario")))
	s.do(chromedp.KeyEvent(kb.ArrowUp))
	s.settled()
	got := menu()
	if got[0] != "ukraine-2026" || slices.Contains(got[1:], "ukrane-2026") {
		t.Errorf("ukraine-2026 chosen by keyboard: the menu shows %q and offers %q; want ukraine-2026, and ukrane-2026, which nothing holds and the page no longer shows, gone", got[0], got[1:])
	}
	if focused := evalJS[string](s, `document.activeElement.id`); focused != "scenario" {
		t.Errorf("ukraine-2026 chosen by keyboard: the focus went to #%s, want it kept on the scenario menu", focused)
	}
}

// holdEngine keeps the page's engine from answering until window.releaseEngine() is
// called, as a static site's engine is kept by its download of some megabytes.
const holdEngine = `(() => {
	const fetched = window.fetch;
	let release;
	const released = new Promise((resolve) => { release = resolve; });
	window.releaseEngine = release;
	window.fetch = async (url, options) => {
		if (String(url).startsWith("negsim-site.json")) await released;
		return fetched(url, options);
	};
})()`

// DriveLinkedViewUnknown opens a link whose view= the page does not know (misspelt, or
// written by hand), with a set= that gives no value, and checks the address while the
// engine is still coming, and again once the page settles: the page shows the Zone view
// and takes no value from that set=, so the address, and the link a student copies from
// it, must name neither, with the rest of the link as it was.
func DriveLinkedViewUnknown(t *testing.T, origin string) {
	s := startAt(t, origin, 1280, 900, 2*time.Minute)
	if _, err := chromedp.Call(s.ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: holdEngine}); err != nil {
		t.Fatal(err)
	}
	const want = "#scenario=teaching-two-party&set=actors.candidate.reservation%3D0.4"
	s.do(chromedp.Navigate(origin + "#scenario=teaching-two-party&view=zones&set=actors.candidate.reservation%3D0.4&set=actors.employer.reservation"))
	// The page has read its address once the body holds it.
	if _, err := chromedp.Run(s.ctx, chromedp.Poll[bool](`document.body.dataset.hash !== undefined`, chromedp.WithPollingTimeout(30*time.Second))); err != nil {
		t.Fatal(err)
	}
	check := func(when string) {
		got := evalJS[[]string](s, `[location.hash, document.querySelector('[role="tab"][aria-selected="true"]').id]`)
		if got[0] != want || got[1] != "tab-zone" {
			t.Errorf("a link with view=zones and a set= with no value, %s: the address reads %s with the tab #%s chosen; want %s and #tab-zone", when, got[0], got[1], want)
		}
	}
	check("while the engine is coming")
	evalJS[any](s, `window.releaseEngine()`)
	s.settled()
	check("once the page settles")
}
