package pagetest

import (
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// PlayPhoneCase is a Play session to read on a phone, and the table each value of its
// tables must be read in.
type PlayPhoneCase struct {
	Hash string // what follows # in the page's address, the seat taken
	// Tables is how many tables the session shows with its brief opened: each must show
	// all its columns in the phone's width.
	Tables int
}

// PlayPhoneCases are turns with a proposal on the table (Harborco's first: the union
// answers the developer's small fund and no guarantee, with the coach on) and a session
// over, whose points table names each of the reference scenario's eight parties.
var PlayPhoneCases = []PlayPhoneCase{
	// The developer's proposal (issue, option, changed) and the union's brief (issue,
	// option, your points, red line).
	{Hash: "scenario=teaching-harborco-quota&view=play&as=union&coach=1", Tables: 2},
	// Ukraine has no move in the file's mediated talks: the session is over at once, with
	// the parties' points (actor, veto, points, walk-away, surplus) and the brief.
	{Hash: "scenario=ukraine-2026&view=play&as=ukraine", Tables: 2},
	// The US mediator's first text in sanctions-bite, twelve issues whose options are named
	// in long words ("(membership-path)"), and Ukraine's brief.
	{Hash: "scenario=ukraine-2026&variant=sanctions-bite&view=play&as=ukraine", Tables: 2},
}

// playPhoneJS lists, for each table of the Play view, what a phone's width hides of it:
// a table wider than its box, which the student must scroll sideways to read, a cell
// whose right edge lies past the window, and a value shown without the name of its
// column (a table read row by row must say which number is which, unless the value is
// the column's name, as "red line" is).
const playPhoneJS = `(() => {
	const out = [], w = document.documentElement.clientWidth;
	for (const t of document.querySelectorAll("#play table")) {
		const name = (t.querySelector("caption") || {}).textContent || "a table";
		const box = t.closest(".scroll") || t.parentElement;
		if (box.scrollWidth > box.clientWidth + 1) out.push(name + " is " + box.scrollWidth + " px wide in a box of " + box.clientWidth);
		const head = [...t.querySelectorAll("thead th")].map((th) => th.textContent);
		const hr = t.tHead.getBoundingClientRect(), headShown = hr.height > 1 && hr.width > 1;
		for (const tr of t.tBodies[0].rows) {
			[...tr.cells].forEach((c, i) => {
				const r = c.getBoundingClientRect();
				if (r.width === 0) return;
				if (r.right > w + 0.5) out.push(name + ": " + head[i] + " of " + tr.cells[0].textContent + " ends at " + Math.round(r.right) + " px, past the window's " + w);
				if (i === 0 || headShown) return;
				const said = getComputedStyle(c, "::before").content;
				if (!said.includes(head[i]) && c.textContent !== head[i]) out.push(name + ": " + head[i] + " of " + tr.cells[0].textContent + " is shown without its column's name (" + said + ")");
			});
		}
	}
	return out.slice(0, 12);
})()`

// DrivePlayPhone opens each case on a phone (390 px), the brief opened, and fails on a
// table of Play that scrolls sideways or leaves a value without its column's name; and
// at a Chromebook's width (1366 px) on a table that no longer reads as one, with its
// columns' names above it. Before Play's tables were read row by row on a phone, each
// scrolled sideways in its 356 px box: Harborco's proposal was 388 px wide and the union's
// brief 465 px, the red line past the window; the reference scenario's points 503 px, the
// walk-away value and the surplus past it; the US mediator's text 433 px.
func DrivePlayPhone(t *testing.T, origin string, cases []PlayPhoneCase) {
	tab := Tab(t, phoneWidth, 844, 2*time.Minute)
	s := &session{t: t, ctx: tab, origin: origin}
	s.collectConsole()
	for _, c := range cases {
		s.do(chromedp.EmulateViewport(phoneWidth, 844))
		s.do(chromedp.Navigate(origin + "#" + c.Hash))
		s.settled()
		evalJS[any](s, `document.querySelector(".play-brief").open = true`)
		if n := evalJS[int](s, `document.querySelectorAll("#play table").length`); n != c.Tables {
			t.Fatalf("#%s shows %d tables in Play, want %d", c.Hash, n, c.Tables)
		}
		if problems := evalJS[[]string](s, playPhoneJS); len(problems) > 0 {
			t.Errorf("#%s at %d px: %q", c.Hash, phoneWidth, problems)
		}
		if problems := evalJS[[]string](s, overflowJS); len(problems) > 0 {
			t.Errorf("#%s at %d px: %q", c.Hash, phoneWidth, problems)
		}
		s.do(chromedp.EmulateViewport(chromebookWidth, 768))
		evalJS[any](s, `new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))`, chromedp.EvalAwaitPromise)
		if odd := evalJS[[]string](s, `[...document.querySelectorAll("#play table")].filter((t) => getComputedStyle(t).display !== "table" || t.tHead.getBoundingClientRect().height < 10).map((t) => t.querySelector("caption").textContent)`); len(odd) > 0 {
			t.Errorf("#%s at %d px: %q no longer show as tables with their columns' names above", c.Hash, chromebookWidth, odd)
		}
	}
	s.checkConsole()
}
