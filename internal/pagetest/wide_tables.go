package pagetest

import (
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
		// Each word of each text in a cell, measured where it is drawn: on one line, its
		// boxes share a top. An issue=option pair may break after its "=", as the Compared
		// view's deals do.
		broken := evalJS[[]string](s, `[...document.querySelectorAll("#`+c.Box+` td")].flatMap((td) => {
			const out = [], walk = document.createTreeWalker(td, NodeFilter.SHOW_TEXT), r = document.createRange();
			for (let n = walk.nextNode(); n; n = walk.nextNode()) {
				for (const m of n.data.matchAll(/[^\s=]+=?/g)) {
					r.setStart(n, m.index);
					r.setEnd(n, m.index + m[0].length);
					if (new Set([...r.getClientRects()].map((q) => Math.round(q.top))).size > 1) out.push(m[0]);
				}
			}
			return out;
		})`)
		if len(broken) > 0 {
			t.Errorf("%s: in #%s, %d words are broken over two lines, such as %q", c.Hash, c.Box, len(broken), broken[0])
		}
		s.checkConsole()
	}
}
