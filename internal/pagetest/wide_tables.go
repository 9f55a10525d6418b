package pagetest

import (
	"strconv"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// WideTable is a table of the page, by the id of its box, read at a laptop's 1280 px.
type WideTable struct {
	Hash, Box string
	// Fits: the table fits its column, with no sideways scrolling.
	Fits bool
}

// WideTables: the two-level fishery's five bargaining solutions (teaching-tied-hands.yaml,
// one issue, three actors) and the reference scenario's What would it take and options in
// the zone fit a laptop's column; they scrolled sideways, each utility written beside its
// surplus on one line. The reference scenario's solutions, twelve option ids a column,
// still scroll.
var WideTables = []WideTable{
	{Hash: "scenario=teaching-tied-hands", Box: "solutions", Fits: true},
	{Hash: "scenario=ukraine-2026&variant=sanctions-bite&set=actors.russia.reservation%3D0.5", Box: "options", Fits: true},
	{Hash: "scenario=ukraine-2026&variant=sanctions-bite&set=actors.russia.reservation%3D0.5", Box: "solutions"},
	{Hash: "scenario=ukraine-2026&variant=sanctions-bite&set=actors.russia.reservation%3D0.5&view=take", Box: "take", Fits: true},
}

// DriveWideTables opens each table at 1280 × 900 and checks that it fits where it must, and,
// fitting or not, that no id or number in it is broken over two lines: a cell wraps at its
// spaces (and after the "=" of a pair) only, where "membership-" over "path" would read
// as two words.
func DriveWideTables(t *testing.T, origin string, tables []WideTable) {
	s := startAt(t, origin, 1280, 900, 2*time.Minute)
	for _, c := range tables {
		s.do(chromedp.Navigate(origin + "#" + c.Hash))
		s.settled()
		if _, err := chromedp.Run(s.ctx, chromedp.Poll[bool](`!!document.querySelector("#`+c.Box+` table")`, chromedp.WithPollingTimeout(60*time.Second))); err != nil {
			t.Fatalf("%s: no table in #%s: %v", c.Hash, c.Box, err)
		}
		box := `document.querySelector("#` + c.Box + ` table").closest(".scroll")`
		wide := evalJS[[]int](s, `[`+box+`.scrollWidth, `+box+`.clientWidth]`)
		if c.Fits && wide[0] > wide[1] {
			t.Errorf("%s: the table of #%s is %d px wide in a column of %d: it scrolls sideways", c.Hash, c.Box, wide[0], wide[1])
		}
		broken := evalJS[[]string](s, brokenWordsJS(`#`+c.Box+` td`))
		if len(broken) > 0 {
			t.Errorf("%s: in #%s, %d words are broken over two lines, such as %q", c.Hash, c.Box, len(broken), broken[0])
		}
		s.checkConsole()
	}
}

// brokenWordsJS lists the words drawn over two lines in the elements the selector picks:
// each word of each text, measured where it is drawn, has boxes that share a top when on
// one line. An issue=option pair may break after its "=" or the comma after it, as the
// Compared view's deals do.
func brokenWordsJS(selector string) string {
	return `[...document.querySelectorAll(` + strconv.Quote(selector) + `)].flatMap((root) => {
		const out = [], walk = document.createTreeWalker(root, NodeFilter.SHOW_TEXT), r = document.createRange();
		for (let n = walk.nextNode(); n; n = walk.nextNode()) {
			for (const m of n.data.matchAll(/[^\s=,]+[=,]?/g)) {
				r.setStart(n, m.index);
				r.setEnd(n, m.index + m[0].length);
				if (new Set([...r.getClientRects()].map((q) => Math.round(q.top))).size > 1) out.push(m[0]);
			}
		}
		return out;
	})`
}

// UnbrokenCase is a line of the page that names a deal as issue=option pairs, read at a
// width where it wraps.
type UnbrokenCase struct {
	Hash, Selector string
	Width          int
}

// UnbrokenCases: the headline's Nash deal and What would it take's first line name the
// reference scenario's sanctions-bite deal, twelve pairs; they broke "foreign-" over
// "troops=none" and "recognition=de-" over "facto" at 1366, 1280 and 768 px.
var UnbrokenCases = []UnbrokenCase{
	{Hash: "scenario=ukraine-2026&variant=sanctions-bite", Selector: "#nash", Width: 1366},
	{Hash: "scenario=ukraine-2026&variant=sanctions-bite", Selector: "#nash", Width: 768},
	{Hash: "scenario=ukraine-2026&variant=sanctions-bite&view=take", Selector: "#take > p", Width: 1280},
	{Hash: "scenario=ukraine-2026&variant=sanctions-bite&view=take", Selector: "#take > p", Width: 768},
}

// DriveUnbrokenIds opens each case at its width and fails on an id broken over two lines.
func DriveUnbrokenIds(t *testing.T, origin string, cases []UnbrokenCase) {
	for _, c := range cases {
		s := startAt(t, origin, c.Width, 900, 2*time.Minute)
		s.do(chromedp.Navigate(origin + "#" + c.Hash))
		s.settled()
		if _, err := chromedp.Run(s.ctx, chromedp.Poll[bool](`!!document.querySelector(`+strconv.Quote(c.Selector)+`) && document.querySelector(`+strconv.Quote(c.Selector)+`).textContent.includes("=")`, chromedp.WithPollingTimeout(60*time.Second))); err != nil {
			t.Fatalf("%s at %d px: %s names no deal: %v", c.Hash, c.Width, c.Selector, err)
		}
		if broken := evalJS[[]string](s, brokenWordsJS(c.Selector)); len(broken) > 0 {
			t.Errorf("%s at %d px: in %s, %d ids are broken over two lines, such as %q", c.Hash, c.Width, c.Selector, len(broken), broken[0])
		}
		s.checkConsole()
	}
}
