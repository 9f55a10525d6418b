package pagetest

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// NarrowCase is one state of the page to look at on a narrow screen.
type NarrowCase struct {
	Hash string // what follows # in the page's address
	// Refused is a what-if the engine refuses: the browser logs each refusal negsim serve
	// answers (status 400), which is no fault of the page.
	Refused bool
}

// NarrowCases are states whose views hold the widest content: the reference scenario's
// twelve issues in the solutions, the zone's options, the compared deals and the rounds, a
// what-if whose Nash deal is a long line of pairs, and an empty zone's diagnosis.
var NarrowCases = []NarrowCase{
	{Hash: "scenario=ukraine-2026&variant=sanctions-bite&set=actors.russia.reservation%3D0.5"},
	{Hash: "scenario=ukraine-2026"},
	{Hash: "scenario=teaching-security-council"},
	// The longest name of a party on the chart's axes, and a reservation beyond the middle.
	{Hash: "scenario=ukraine-2026&variant=sanctions-bite&axes=europe,russia&set=actors.europe.reservation%3D0.7"},
	// The engine's refusal of a what-if, a line of a hundred characters without a break.
	{Hash: "scenario=teaching-two-party&set=actors.candidate.veto%3Dfalse&set=actors.employer.veto%3Dfalse", Refused: true},
}

// overflowJS lists what sticks out on the right of the window, or of the box that
// should hold it, on the shown view: a table is allowed past its column only inside a box
// that scrolls sideways (.scroll), and no element past the window.
const overflowJS = `(() => {
	const out = [], w = document.documentElement.clientWidth;
	if (document.documentElement.scrollWidth > w) out.push("the page is " + document.documentElement.scrollWidth + " px wide in a " + w + " px window");
	for (const e of document.querySelectorAll("body *")) {
		if (e.closest("[hidden]") || e.parentElement.closest(".scroll") || e.closest("svg") && e.tagName !== "svg") continue;
		const r = e.getBoundingClientRect();
		if (r.width === 0 || r.height === 0) continue;
		const parent = e.parentElement.closest("section, main, header, div, fieldset, details, td, th, li, p") || document.body;
		const pr = parent.getBoundingClientRect();
		const name = e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") + (e.dataset.path ? "[" + e.dataset.path + "]" : "") + (e.className && typeof e.className === "string" ? "." + e.className.split(" ").join(".") : "");
		if (r.right > w + 0.5) out.push(name + " ends at " + Math.round(r.right) + " px, past the window's " + w);
		else if (r.right > pr.right + 1 && getComputedStyle(parent).overflowX === "visible") out.push(name + " ends at " + Math.round(r.right) + " px, past its box " + parent.tagName.toLowerCase() + (parent.id ? "#" + parent.id : "") + " at " + Math.round(pr.right));
	}
	return [...new Set(out)].slice(0, 12);
})()`

// The widths the page must fit: a phone's, a tablet's and a Chromebook's.
const phoneWidth, tabletWidth, chromebookWidth = 390, 768, 1366

// DriveNarrow opens each case in every view and fails on anything that sticks out of the
// window or of its box (on a narrow screen, text cut off or a page that scrolls sideways),
// on a chart's words past its edge or below reading size, on a button reached only by
// scrolling a table sideways, on a control labelled with a path
// rather than words, and on anything written to the console. Each view is opened as a
// link followed, at one of the widths, and then resized to the two others, as a tablet is
// turned or a window snapped to half the screen: the page must fit a width it was drawn
// at and one it was resized to. Each case opens at another width, so that every width is
// both opened at and resized to, narrower and wider.
func DriveNarrow(t *testing.T, origin string, cases []NarrowCase) {
	widths := []int{phoneWidth, tabletWidth, chromebookWidth}
	tab := Tab(t, phoneWidth, 844, 6*time.Minute)
	s := &session{t: t, ctx: tab, origin: origin}
	s.collectConsole()
	for i, c := range cases {
		logged := s.logged()
		order := slices.Concat(widths[i%len(widths):], widths[:i%len(widths)])
		for _, view := range []string{"zone", "take", "words", "rounds", "compare", "score", "share", "play"} {
			for j, width := range order {
				// A headless window is at least 500 px wide; a phone's width is emulated.
				s.do(chromedp.EmulateViewport(int64(width), 844))
				if j == 0 {
					s.do(chromedp.Navigate(origin + "#" + c.Hash + "&view=" + view))
					s.settled()
				} else {
					// What the page draws again for a new width, it draws before the next
					// frame is painted.
					evalJS[any](s, `new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))`, chromedp.EvalAwaitPromise)
				}
				at := fmt.Sprintf("#%s&view=%s at %d px", c.Hash, view, width)
				if j > 0 {
					at += fmt.Sprintf(" (resized from %d)", order[j-1])
				}
				checkNarrow(t, s, at, view, width)
			}
		}
		if c.Refused {
			s.forgetRefusals(logged)
		}
	}
	s.checkConsole()
}

// checkNarrow fails on what DriveNarrow looks for in the view shown at width; at says
// where, in its messages.
func checkNarrow(t *testing.T, s *session, at, view string, width int) {
	t.Helper()
	if problems := evalJS[[]string](s, overflowJS); len(problems) > 0 {
		t.Errorf("%s: %q", at, problems)
	}
	// A chart's words lie within its drawing: past its edge they are cut off.
	if cut := evalJS[[]string](s, `[...document.querySelectorAll("#view-`+view+` svg[viewBox] text")].filter((x) => {
		const v = x.ownerSVGElement.getBoundingClientRect(), b = x.getBoundingClientRect();
		return b.width > 0 && (b.left < v.left - 1 || b.right > v.right + 1 || b.top < v.top - 1 || b.bottom > v.bottom + 1);
	}).map((x) => x.firstChild.textContent)`); len(cut) > 0 {
		t.Errorf("%s: %d words of a chart run past its edge, such as %q", at, len(cut), cut[0])
	}
	// A chart's words are read at the size the window draws them: at least 8 px
	// high, as small as a page's footnote.
	if tiny := evalJS[[]string](s, `[...document.querySelectorAll("#view-`+view+` svg[viewBox] text")].filter((x) => {
		const r = x.getBoundingClientRect(), v = x.ownerSVGElement.viewBox.baseVal, box = x.ownerSVGElement.getBoundingClientRect();
		return r.width > 0 && Number(getComputedStyle(x).fontSize.replace("px", "")) * box.width / v.width < 8;
	}).map((x) => x.firstChild.textContent + " (" + (Number(getComputedStyle(x).fontSize.replace("px", "")) * x.ownerSVGElement.getBoundingClientRect().width / x.ownerSVGElement.viewBox.baseVal.width).toFixed(1) + " px)")`); len(tiny) > 0 {
		t.Errorf("%s: %d words of a chart are drawn below 8 px, such as %q", at, len(tiny), tiny[0])
	}
	// In black and white the rounds tell actors apart by the marks of their
	// proposals: each actor's entry in the legend shows its mark.
	if view == "rounds" {
		if n := evalJS[int](s, `[...document.querySelectorAll("#rounds-chart .legend li")].filter((li) => !li.querySelector("polygon, rect, circle, path")).length`); n > 0 {
			t.Errorf("%s: %d actors of the rounds' legend have no mark, only a colour", at, n)
		}
	}
	// What would it take breaks a long path at its dots on a narrow column;
	// copied, it must still be the path --set takes, with nothing added.
	if view == "take" {
		// No value's label on the tornado (its full name is its title) is struck
		// through by the line of "now".
		if struck := evalJS[[]string](s, `(() => {
			const svg = document.querySelector("#take svg");
			if (!svg) return [];
			const lines = [...svg.querySelectorAll("line")].map((l) => l.getBoundingClientRect());
			return [...svg.querySelectorAll("text")].filter((x) => x.querySelector("title")).filter((x) => { const b = x.getBoundingClientRect(); return lines.some((l) => l.left < b.right && l.right > b.left && l.top < b.bottom && l.bottom > b.top); }).map((x) => x.firstChild.textContent);
		})()`); len(struck) > 0 {
			t.Errorf("%s: the tornado's line of now runs through %d labels, such as %q", at, len(struck), struck[0])
		}
		if bad := evalJS[[]string](s, `[...document.querySelectorAll("#take th code.path")].map((c) => c.textContent).filter((p) => !/^[a-z0-9_-]+(\.[a-z0-9_-]+)+$/.test(p))`); len(bad) > 0 {
			t.Errorf("%s: What would it take shows paths that do not paste as they read: %q", at, bad)
		}
	}
	// Every button of the view is in the window: none is reached only by scrolling a
	// table sideways. On a phone What would it take's Try it stood past the edge of its
	// table, 705 px wide in a 356 px box, until its rows were read one by one.
	// A slider is a target for a finger: at least 24 px high, WCAG's least target size (the
	// round's slider was the browser's 16 px).
	if small := evalJS[[]string](s, `[...document.querySelectorAll("input[type=range]")].filter((r) => r.getClientRects().length && r.getBoundingClientRect().height < 24).map((r) => (r.labels[0] || r).textContent + " (" + r.getBoundingClientRect().height + " px)")`); len(small) > 0 {
		t.Errorf("%s: %d sliders are below 24 px high, such as %q", at, len(small), small[0])
	}
	if away := evalJS[[]string](s, `[...document.querySelectorAll("#view-`+view+` button")].filter((b) => b.getClientRects().length && b.getBoundingClientRect().right > document.documentElement.clientWidth).map((b) => b.getAttribute("aria-label") || b.textContent)`); len(away) > 0 {
		t.Errorf("%s: %d buttons lie past the window's right edge, such as %q", at, len(away), away[0])
	}
	if width == phoneWidth && view != "play" {
		// The headline stays on top of the screen while the controls scroll under it: on a
		// phone it took 198 px of 844, a quarter, its Nash deal cut mid-word in a box of its
		// own ("guarantees=russia-"). At most a sixth, and nothing in it cut off.
		if got := evalJS[[]string](s, `(() => {
			const hl = document.querySelector(".headline"), out = [];
			if (hl.getBoundingClientRect().height > innerHeight / 6) out.push("the headline is " + Math.round(hl.getBoundingClientRect().height) + " px high in a " + innerHeight + " px window");
			for (const e of [hl, ...hl.querySelectorAll("*")]) if (e.getClientRects().length && e.scrollHeight > e.clientHeight + 1 && getComputedStyle(e).display !== "inline") out.push((e.className || e.tagName.toLowerCase()) + " shows " + e.clientHeight + " px of its " + e.scrollHeight);
			return out;
		})()`); len(got) > 0 {
			t.Errorf("%s: %q", at, got)
		}
	}
	if view != "zone" || width != phoneWidth {
		return
	}
	// A control is labelled in words; its path is printed under it, in small
	// type that may break anywhere. A path as the label runs off a phone.
	if paths := evalJS[[]string](s, `[...document.querySelectorAll(".control > label, .control > legend, .control .switch label")].map((l) => l.textContent).filter((t) => /[a-z]\.[a-z-]+\.[a-z]/.test(t))`); len(paths) > 0 {
		t.Errorf("%s: %d controls are labelled with a path, not words: %q", at, len(paths), paths[:min(len(paths), 5)])
	}
}
