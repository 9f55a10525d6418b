package pagetest

import (
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
