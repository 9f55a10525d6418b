package pagetest

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// CountedCase is a state of the page and a sentence that must count its deals as the
// terminal counts them, one deal and two deals, one enters and two enter.
type CountedCase struct {
	Hash  string // what follows # in the page's address
	Where string // a JavaScript expression for the text the sentence is in
	Says  string
}

// The UN Security Council (teaching-security-council.yaml), one issue of three options.
// A deal passes with nine of the fifteen votes and no permanent member against; each
// member accepts an option worth at least its reservation, 0.4 in the file:
//   - a statement: the US and the UK 0.5, France 0.6, Russia and China 1, elected members
//     0.7: it passes with all fifteen;
//   - sanctions: Russia and China 0.2, below 0.4: vetoed;
//   - force: France 0.3, Russia and China 0: vetoed.
//
// So the zone holds 1 deal of 3, at round 0 of the rounds too, where every reservation
// is the file's. With Russia's and China's reservations lowered to 0.1, sanctions (0.2 to
// each) is vetoed no more and passes with the three other permanent members (1) and the
// elected members 1 to 8 (1), eleven votes or more; force (0 to both) is still vetoed:
// 1 deal before, 2 after, 1 enters and 0 leave.
const council = "scenario=teaching-security-council"
const councilOpened = council + "&set=actors.russia.reservation%3D0.1&set=actors.china.reservation%3D0.1"

// CountedCases are the sentences that once counted "1 deals" and "1 enter": "Zone at this
// round's reservations: 1 deals.", "The zone holds 1 deals;", "Before: 1 deals; after: 2.
// 1 enter, 0 leave." and the report's "The zone: 1 deal before, 2 after; 1 enter, 0 leave."
//
// In words, with Russia's red line leaving it the statement alone, one deal of three keeps
// to its red lines, and it is worth 1 to Russia, above 0.4: "of the 1 deal within the red
// lines, 1 acceptable" (it said "of the 1 deals").
var CountedCases = []CountedCase{
	{Hash: council + "&set=actors.russia.preferences.response.acceptable%3D%5Bstatement%5D&view=words", Where: `document.getElementById("words").textContent`, Says: "Reservation 0.400: of the 1 deal within the red lines, 1 acceptable."},
	{Hash: council + "&view=rounds", Where: `document.getElementById("round-detail").textContent`, Says: "Zone at this round's reservations: 1 deal."},
	{Hash: council, Where: `document.querySelector("#chart svg").getAttribute("aria-label")`, Says: "The zone holds 1 deal;"},
	{Hash: councilOpened + "&view=compare", Where: `document.getElementById("compare").textContent`, Says: "Before: 1 deal; after: 2 deals. 1 enters and 0 leave the zone."},
	{Hash: councilOpened + "&view=compare", Where: `window.negsimReport()`, Says: "The zone: 1 deal before, 2 deals after; 1 enters and 0 leave."},
}

// DriveCounted opens each case and fails on a sentence that does not say what it must.
func DriveCounted(t *testing.T, origin string, cases []CountedCase) {
	tab := Tab(t, 1280, 900, 2*time.Minute)
	s := &session{t: t, ctx: tab, origin: origin}
	s.collectConsole()
	for _, c := range cases {
		s.do(chromedp.Navigate(origin + "#" + c.Hash))
		s.settled()
		if got := evalJS[string](s, c.Where, chromedp.EvalAwaitPromise); !strings.Contains(got, c.Says) {
			t.Errorf("#%s: %s does not say %q:\n%s", c.Hash, c.Where, c.Says, got[:min(len(got), 600)])
		}
		// The next case's link is another page's: the address must change for it to load.
		s.do(chromedp.Navigate("about:blank"))
	}
	s.checkConsole()
}
