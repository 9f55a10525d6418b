package pagetest

import (
	"bytes"
	"image"
	"image/png"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// focusJS describes the focused element, and what is wrong with its focus: not marked (no
// outline, where the page's style gives every control one), or hidden under something else
// (the sticky headline), so that a keyboard user cannot see where they are.
const focusJS = `(() => {
	const e = document.activeElement;
	const name = e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") + " " + (e.getAttribute("aria-label") || e.value || e.textContent || "").replace(/\s+/g, " ").trim().slice(0, 40);
	if (e === document.body) return {name: "body", wrong: ""};
	const r = e.getBoundingClientRect();
	// A chart's mark shows its focus by the ring the chart draws around it (chart.js).
	if (!e.closest(".point") && getComputedStyle(e).outlineStyle === "none") return {name, wrong: "no outline"};
	const x = Math.min(Math.max(r.left + r.width / 2, 0), innerWidth - 1), y = Math.min(Math.max(r.top + Math.min(r.height / 2, 10), 0), innerHeight - 1);
	const top = document.elementFromPoint(x, y);
	if (top && !e.contains(top) && !top.contains(e) && !(e.labels && [...e.labels].some((l) => l.contains(top)))) return {name, wrong: "hidden under " + (top.closest(".headline") ? "the headline" : top.tagName.toLowerCase())};
	return {name, wrong: ""};
})()`

// DriveKeyboard walks the page at origin#hash by keyboard alone, every group of what-if
// controls open: Tab forward through the page, then Shift+Tab back. Every stop must show
// its focus and lie in sight (not under the sticky headline), and Tab must come back round
// to the first stop, the skip link, so nothing traps the keyboard.
func DriveKeyboard(t *testing.T, origin, hash string, stops int) {
	tab := Tab(t, 1366, 768, 4*time.Minute)
	s := &session{t: t, ctx: tab, origin: origin}
	s.collectConsole()
	s.do(chromedp.Navigate(origin + "#" + hash))
	s.settled()
	evalJS[any](s, `document.querySelectorAll("#controls details").forEach((d) => { d.open = true; })`)
	var seen []string
	check := func(how string, i int) focus {
		f := evalJS[focus](s, focusJS)
		if f.Wrong != "" {
			t.Errorf("%s %d, %s: %s", how, i, f.Name, f.Wrong)
		}
		return f
	}
	back := false
	for i := 1; i <= stops; i++ {
		s.do(chromedp.KeyEvent(kb.Tab))
		f := check("Tab", i)
		if strings.HasPrefix(f.Name, "a ") && strings.Contains(f.Name, "Skip to the results") && i > 1 {
			back = true
			break
		}
		seen = append(seen, f.Name)
	}
	if !back && len(seen) > 0 && !strings.Contains(seen[0], "Skip to the results") {
		t.Errorf("the first Tab stop is %q, want the skip link", seen[0])
	}
	for i := 1; i <= min(stops, len(seen)); i++ {
		s.do(chromedp.KeyEvent(kb.Tab, chromedp.KeyModifiers(kb.ModifierShift)))
		check("Shift+Tab", i)
	}
	s.checkConsole()
}

// DriveCopy presses each Copy button of the Share view by keyboard and reads what the page
// says beside it: where the clipboard is refused (as in a headless browser) the text is left
// selected for Ctrl+C, and the student must read that next to the button, in sight, not in
// the status line at the top of the page.
func DriveCopy(t *testing.T, origin, hash string) {
	tab := Tab(t, 1366, 768, 2*time.Minute)
	s := &session{t: t, ctx: tab, origin: origin}
	s.collectConsole()
	s.do(chromedp.Navigate(origin + "#" + hash + "&view=share"))
	s.settled()
	// The command and the variants block are code, in a fixed-width font: the YAML's
	// indentation must line up.
	for _, code := range []string{"command", "variant-block"} {
		if font := evalJS[string](s, `getComputedStyle(document.getElementById("`+code+`")).fontFamily`); !strings.Contains(strings.ToLower(font), "mono") {
			t.Errorf("#%s is set in %s, not a fixed-width font", code, font)
		}
	}
	for _, field := range []string{"permalink", "command", "variant-block"} {
		button := `#view-share button[data-copy="` + field + `"]`
		s.do(chromedp.Focus(chromedp.CSS(button)))
		s.do(chromedp.KeyEvent(kb.Enter))
		if _, err := chromedp.Run(s.ctx, chromedp.Poll[bool](`(document.querySelector('`+button+` + [role=status]') || {}).textContent > ""`, chromedp.WithPollingTimeout(5*time.Second))); err != nil {
			t.Errorf("copying %s: nothing is said beside its button", field)
			continue
		}
		said := evalJS[string](s, `document.querySelector('`+button+` + [role=status]').textContent`)
		inSight := evalJS[bool](s, `(() => { const r = document.querySelector('`+button+` + [role=status]').getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; })()`)
		if !strings.Contains(said, "Copied") && !strings.Contains(said, "Ctrl+C") || !inSight {
			t.Errorf("copying %s: beside its button the page says %q (in sight: %v)", field, said, inSight)
		}
	}
	// The report takes a moment to put together (a second here, more on a slow Chromebook),
	// and the browser's download is not in the page: beside its button the page says that
	// it is coming and then the file's name, as it says what a copy did. It said nothing,
	// and a screen reader heard nothing after Enter. The what-if's file name, as the page
	// names it: negsim-, the scenario and the variant.
	const name = "negsim-ukraine-2026-sanctions-bite.html"
	s.do(chromedp.Focus(chromedp.CSS("#download")))
	s.do(chromedp.KeyEvent(kb.Enter))
	if _, err := chromedp.Run(s.ctx, chromedp.Poll[bool](`((document.querySelector("#download + [role=status]") || {}).textContent || "").includes(`+strconv.Quote(name)+`)`, chromedp.WithPollingTimeout(30*time.Second))); err != nil {
		t.Errorf("Enter on Download the report: beside its button the page says %q, not the file's name %s", evalJS[string](s, `(document.querySelector("#download + [role=status]") || {textContent: "nothing"}).textContent`), name)
	}
	s.checkConsole()
}

// DriveKeyboardActions does by keyboard what a view offers and checks where the focus goes
// after each: the skip link (its "#results" must not replace the address, which holds the
// what-if), a Try it button of What would it take (redrawn with the view, it must hand the
// focus to the view's new first line, not to the start of the page), Play's Take the
// seat with no actor chosen (said at the list, which takes the focus), and a link within the
// Play view (the turn it leads to takes the focus).
func DriveKeyboardActions(t *testing.T, origin string) {
	s := startAt(t, origin, 1366, 768, 4*time.Minute)
	const hash = "#scenario=teaching-two-party&set=actors.candidate.reservation%3D0.3&view=rounds"
	s.do(chromedp.Navigate(origin + hash))
	s.settled()
	s.do(chromedp.KeyEvent(kb.Tab))
	if f := evalJS[string](s, `document.activeElement.textContent`); f != "Skip to the results" {
		t.Fatalf("the first Tab stop is %q, want the skip link", f)
	}
	s.do(chromedp.KeyEvent(kb.Enter))
	s.settled()
	if got := evalJS[string](s, `location.hash`); got != hash {
		t.Errorf("the skip link changed the address from %s to %s", hash, got)
	}
	if f := evalJS[string](s, `document.activeElement.id`); f != "results" {
		t.Errorf("after the skip link the focus is on %q, want the results", f)
	}

	// The job offer's nearest change is a single value; whichever it is, the view is redrawn
	// for the state it makes.
	s.do(chromedp.Navigate(origin + "#scenario=teaching-two-party&view=take"))
	s.settled()
	try := `#take table button`
	if !evalJS[bool](s, `!!document.querySelector('`+try+`')`) {
		t.Fatal("What would it take shows no Try it button for the job offer")
	}
	// The student has opened the candidate's group and closed the reservations: Try it
	// builds the controls again, and leaves both as they were.
	const groups = `[...document.querySelectorAll("#controls details.group")].map((g) => g.open ? "open" : "closed").join(" ")`
	evalJS[any](s, `(() => { const g = document.querySelectorAll("#controls details.group"); g[0].open = false; g[1].open = true; })()`)
	left := evalJS[string](s, groups)
	before := evalJS[string](s, `location.hash`)
	s.do(chromedp.Focus(chromedp.CSS(try)))
	s.do(chromedp.KeyEvent(kb.Enter))
	if _, err := chromedp.Run(s.ctx, chromedp.Poll[bool](`location.hash !== `+strconv.Quote(before), chromedp.WithPollingTimeout(10*time.Second))); err != nil {
		t.Fatalf("Enter on Try it left the address at %s", before)
	}
	s.settled()
	if got := evalJS[string](s, groups); got != left || !strings.HasPrefix(left, "closed open") {
		t.Errorf("the what-if's groups were %s before Try it and are %s after", left, got)
	}
	f := evalJS[focus](s, focusJS)
	if inTake := evalJS[bool](s, `document.getElementById("take").contains(document.activeElement) && /^Now /.test(document.activeElement.textContent)`); !inTake || f.Wrong != "" {
		t.Errorf("after Try it the focus is on %s (%s), want the view's first line, which says what came of it", f.Name, f.Wrong)
	}

	s.do(chromedp.Navigate(origin + "#scenario=teaching-two-party&view=play"))
	s.settled()
	s.do(chromedp.Focus(chromedp.CSS(`#play form button[type=submit]`)))
	s.do(chromedp.KeyEvent(kb.Enter))
	if f := evalJS[string](s, `document.activeElement.id + (document.activeElement.validity && document.activeElement.validity.valueMissing ? " (missing)" : "")`); f != "play-as (missing)" {
		t.Errorf("Take the seat with no actor chosen leaves the focus on %q, want the list of actors, marked as missing a choice", f)
	}

	// The reference scenario as shipped gives Ukraine no move (DriveIdlePlay); the notice's
	// link to alternating offers, followed by keyboard, leads to Ukraine's turn, which
	// takes the focus as a move's answer does.
	s.do(chromedp.Navigate(origin + "#scenario=ukraine-2026&view=play&as=ukraine"))
	s.settled()
	before = evalJS[string](s, `location.hash`)
	s.do(chromedp.Focus(chromedp.CSS(`#play-idle a[href*="alternating"]`)))
	s.do(chromedp.KeyEvent(kb.Enter))
	if _, err := chromedp.Run(s.ctx, chromedp.Poll[bool](`location.hash !== `+strconv.Quote(before), chromedp.WithPollingTimeout(10*time.Second))); err != nil {
		t.Fatalf("Enter on the link to alternating offers left the address at %s", before)
	}
	s.settled()
	if f := evalJS[focus](s, focusJS); !strings.HasPrefix(f.Name, "h3#play-now") || f.Wrong != "" {
		t.Errorf("after the link to alternating offers the focus is on %s (%s), want the turn's heading", f.Name, f.Wrong)
	}
	s.checkConsole()
}

type focus struct{ Name, Wrong string }

// DriveChartFocus walks the marks of the chart of two parties by keyboard and compares each
// mark's patch of the screen with and without the focus on it: a focused mark must look
// different. In the job offer every bargaining solution is the same deal (its scenario
// file works them out), so their marks are drawn one over another.
func DriveChartFocus(t *testing.T, origin string) {
	s := startAt(t, origin, 1280, 1400, 3*time.Minute)
	s.do(chromedp.Navigate(origin + "#scenario=teaching-two-party"))
	s.settled()
	type box struct{ X, Y, W, H float64 }
	n := evalJS[int](s, `document.querySelectorAll("#chart .point").length`)
	if n < 6 {
		t.Fatalf("the job offer's chart has %d marks to walk, want its 5 solutions and its frontier", n)
	}
	// walk puts the focus on each mark in turn, from the control before the chart, as a
	// keyboard does: Tab to the chart (its last focused mark), Home to its first, then the
	// arrow keys.
	walk := func(each func(i int)) {
		s.do(chromedp.Focus(chromedp.CSS("#axis-y")))
		s.do(chromedp.KeyEvent(kb.Tab))
		s.do(chromedp.KeyEvent(kb.Home))
		for i := range n {
			if i > 0 {
				s.do(chromedp.KeyEvent(kb.ArrowRight))
			}
			each(i)
		}
	}
	boxes := make([]box, n)
	names := make([]string, n)
	walk(func(i int) {
		boxes[i] = evalJS[box](s, `(() => { const r = document.activeElement.getBoundingClientRect(); return {x: r.left + scrollX - 12, y: r.top + scrollY - 12, w: r.width + 24, h: r.height + 24}; })()`)
		names[i] = evalJS[string](s, `document.activeElement.getAttribute("aria-label") || document.activeElement.tagName`)
	})
	shot := func(b box) image.Image {
		// The screen as painted after the focus moved, not the frame before.
		evalJS[any](s, `new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))`, chromedp.EvalAwaitPromise)
		r, err := chromedp.Call(s.ctx, page.CaptureScreenshot, page.CaptureScreenshotParams{Clip: &page.Viewport{X: b.X, Y: b.Y, Width: b.W, Height: b.H, Scale: 1}})
		if err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(bytes.NewReader(r.Data))
		if err != nil {
			t.Fatal(err)
		}
		return img
	}
	// Unfocused: the focus on the control before the chart.
	s.do(chromedp.Focus(chromedp.CSS("#axis-y")))
	var plain []image.Image
	for _, b := range boxes {
		plain = append(plain, shot(b))
	}
	walk(func(i int) {
		focused := shot(boxes[i])
		changed := 0
		bounds := focused.Bounds()
		for y := bounds.Min.Y; y < bounds.Max.Y; y++ {
			for x := bounds.Min.X; x < bounds.Max.X; x++ {
				// Changed in colour, not in the rounding of an edge's shade.
				r1, g1, b1, _ := focused.At(x, y).RGBA()
				r2, g2, b2, _ := plain[i].At(x, y).RGBA()
				if max(absDiff(r1, r2), absDiff(g1, g2), absDiff(b1, b2)) > 0x4000 {
					changed++
				}
			}
		}
		// A ring 2 px wide round a mark 12 px across changes some 80 pixels.
		if changed < 40 {
			t.Errorf("mark %d of the chart (%.40s) looks the same focused: %d pixels differ", i+1, names[i], changed)
		}
	})
	s.checkConsole()
}

func absDiff(a, b uint32) uint32 {
	if a > b {
		return a - b
	}
	return b - a
}

// DriveAxesSwap: choosing for one axis of the chart the party the other shows swaps the
// two, in both menus, the address and the chart's words; with one party with a veto there
// is nothing to choose. The reference scenario's first two
// veto actors, Ukraine and Russia, are the axes it opens with.
func DriveAxesSwap(t *testing.T, origin string) {
	s := startAt(t, origin, 1280, 900, 3*time.Minute)
	s.do(chromedp.Navigate(origin + "#scenario=ukraine-2026"))
	s.settled()
	menus := func() string {
		return evalJS[string](s, `document.getElementById("axis-x").value + "," + document.getElementById("axis-y").value`)
	}
	if got := menus(); got != "ukraine,russia" {
		t.Fatalf("the chart opens with axes %s, want ukraine,russia", got)
	}
	evalJS[any](s, `(() => { const x = document.getElementById("axis-x"); x.value = "russia"; x.dispatchEvent(new Event("change")); })()`)
	s.settled()
	if got := menus(); got != "russia,ukraine" {
		t.Errorf("after Russia across, the menus say %s, want russia,ukraine", got)
	}
	if got := evalJS[string](s, `new URLSearchParams(location.hash.slice(1)).get("axes") || ""`); got != "russia,ukraine" {
		t.Errorf("after Russia across, the address holds axes=%q, want russia,ukraine", got)
	}
	if got := evalJS[string](s, `document.querySelector("#chart svg").getAttribute("aria-label")`); !strings.HasPrefix(got, "Deals by their value to Russia (across) and Ukraine (up)") {
		t.Errorf("after Russia across, the chart says %q", got)
	}
	s.checkConsole()

	// The job offer with the employer's veto taken away leaves the candidate the one party
	// with a veto: no chart, and no menus offering the candidate on both axes, nor an
	// error for a chart of a party without a veto, nor words on how to walk its marks. The veto given back by keyboard brings
	// the two menus back, Candidate across and Employer up, as the file orders them.
	s.do(chromedp.Navigate(origin + "#scenario=teaching-two-party&set=actors.employer.veto%3Dfalse"))
	s.settled()
	shown := func() string {
		return evalJS[string](s, `[!document.querySelector("#view-zone .axes").getClientRects().length ? "no menus" : "menus " + [...document.querySelectorAll("#view-zone .axes select")].map((m) => m.selectedOptions[0] ? m.selectedOptions[0].text : "none").join(", "),
			document.getElementById("error").hidden ? "no error" : "error: " + document.getElementById("error").innerText,
			document.querySelector("#chart svg") ? "a chart" : document.getElementById("chart").innerText,
			document.getElementById("chart-detail").getClientRects().length ? "how to walk it" : "no words of its marks"].join(" | ")`)
	}
	if got, want := shown(), "no menus | no error | The chart needs two parties with a veto; only Candidate has one. | no words of its marks"; got != want {
		t.Errorf("the candidate alone with a veto: the page shows %q, want %q", got, want)
	}
	veto := `.control[data-path="actors.employer.veto"] input`
	s.do(chromedp.Focus(chromedp.CSS(veto)))
	s.do(chromedp.KeyEvent(" "))
	s.settled()
	if got, want := shown(), "menus Candidate, Employer | no error | a chart | how to walk it"; got != want {
		t.Errorf("the employer's veto given back: the page shows %q, want %q", got, want)
	}
	s.checkConsole()

	// HarborCo's file gives a veto to HarborCo alone (actors in the file's order: harborco,
	// environmentalists, union, ports, …). A link whose what-if gives the union and the
	// ports a veto and names the union across opens with those axes, where the file's one
	// veto dropped them before the analysis came. The union's veto taken away by keyboard
	// leaves HarborCo and the ports, the first two with a veto: the address must say so,
	// and the address reloaded must show the same.
	axes := func() string {
		return menus() + " | address " + evalJS[string](s, `new URLSearchParams(location.hash.slice(1)).get("axes") || "none"`)
	}
	s.do(chromedp.Navigate(origin + "#scenario=teaching-harborco-quota&set=actors.union.veto%3Dtrue&set=actors.ports.veto%3Dtrue&axes=union,harborco"))
	s.settled()
	if got, want := axes(), "union,harborco | address union,harborco"; got != want {
		t.Errorf("a link's axes on parties its what-if gives a veto: the page shows %q, want %q", got, want)
	}
	s.do(chromedp.Focus(chromedp.CSS(`.control[data-path="actors.union.veto"] input`)))
	s.do(chromedp.KeyEvent(" "))
	s.settled()
	if got, want := axes(), "harborco,ports | address harborco,ports"; got != want {
		t.Errorf("the union's veto taken away: the page shows %q, want %q", got, want)
	}
	s.do(chromedp.Reload())
	s.settled()
	if got, want := axes(), "harborco,ports | address harborco,ports"; got != want {
		t.Errorf("the union's veto taken away, the address reloaded: the page shows %q, want %q", got, want)
	}
	s.checkConsole()
}

// UndoSets are the job offer's two changes DriveUndoOne takes back one at a time: the
// candidate's reservation from 0.5 and the employer's red line on salary, which the file
// leaves open to every band.
var UndoSets = []string{"actors.candidate.reservation=0.6", "actors.employer.preferences.salary.acceptable=[low,mid]"}

// DriveUndoOne opens the job offer with UndoSets and takes them back by keyboard, one at a
// time, from the list of changes: each is said from the file's value to the what-if's, its
// Undo leaves the other change in force (the zone oracle gives for it), puts its control
// back at the file's value, and hands the focus to the next Undo, then, with none left, to
// the count of changes.
func DriveUndoOne(t *testing.T, origin string, oracle func(sets []string) Answer) {
	s := startAt(t, origin, 1280, 900, 3*time.Minute)
	hash := "#scenario=teaching-two-party"
	for _, set := range UndoSets {
		hash += "&set=" + url.QueryEscape(set)
	}
	s.do(chromedp.Navigate(origin + hash))
	s.settled()
	s.expect("both changes", oracle(UndoSets))
	said := evalJS[[]string](s, `[...document.querySelectorAll("#changed li")].map((li) => li.textContent.replace(/\s+/g, " ").trim())`)
	want := []string{"Candidate: reservation (what no deal is worth): 0.5 → 0.6 Undo", "Employer: red line on Salary: the options Employer can accept: no longer High band (high) Undo"}
	if !slices.Equal(said, want) {
		t.Errorf("the list of changes says %q, want %q", said, want)
	}
	if len(said) == 0 {
		t.FailNow()
	}

	undo := func(first string) {
		t.Helper()
		before := evalJS[string](s, `location.hash`)
		s.do(chromedp.Focus(chromedp.CSS(`#changed li:first-child button`)))
		if got := evalJS[string](s, `document.activeElement.getAttribute("aria-label")`); !strings.HasPrefix(got, "Undo: "+first) {
			t.Fatalf("the first Undo is named %q, want it to name %s", got, first)
		}
		s.do(chromedp.KeyEvent(kb.Enter))
		if _, err := chromedp.Run(s.ctx, chromedp.Poll[bool](`location.hash !== `+strconv.Quote(before), chromedp.WithPollingTimeout(10*time.Second))); err != nil {
			t.Fatalf("Undo of %s left the address at %s", first, before)
		}
		s.settled()
	}

	undo("Candidate: reservation")
	if got := s.hashSets(); !slices.Equal(got, UndoSets[1:]) {
		t.Errorf("after the first Undo the link holds %v, want %v", got, UndoSets[1:])
	}
	s.expect("the red line alone", oracle(UndoSets[1:]))
	reservation := `.control[data-path="actors.candidate.reservation"]`
	if v := evalJS[string](s, `document.querySelector('`+reservation+` input').value + " " + document.querySelector('`+reservation+` output').textContent`); v != "0.5 0.5" {
		t.Errorf("after its Undo the candidate's reservation slider and its number read %q, want the file's 0.5", v)
	}
	if evalJS[bool](s, `document.querySelector('`+reservation+`').classList.contains("changed")`) {
		t.Error("after its Undo the candidate's reservation is still marked changed")
	}
	if got := evalJS[string](s, `document.activeElement.getAttribute("aria-label") || document.activeElement.id`); !strings.HasPrefix(got, "Undo: Employer") {
		t.Errorf("after the first Undo the focus is on %q, want the next change's Undo", got)
	}

	undo("Employer: red line on Salary")
	if got := s.hashSets(); len(got) > 0 {
		t.Errorf("after both Undos the link holds %v", got)
	}
	s.expect("the file as it is", oracle(nil))
	if got := evalJS[string](s, `document.activeElement.id + ": " + document.activeElement.textContent`); got != "changes: No changes yet." {
		t.Errorf("with no change left the focus is on %q, want the count of changes saying there is none", got)
	}
	if n := evalJS[int](s, `document.querySelectorAll("#changed li").length + (document.getElementById("changed").hidden ? 0 : 100)`); n != 0 {
		t.Errorf("with no change left the list of changes shows (%d items, +100 if shown)", n)
	}
	if !evalJS[bool](s, `document.querySelector('.control[data-path="actors.employer.preferences.salary.acceptable"] input[value="high"]').checked`) {
		t.Error("after its Undo the employer's box for the high band is not ticked again")
	}

	// A link may set a value the file has already (0.50 is the candidate's 0.5), as one made
	// before a variant was chosen whose value it is: that is no change, as a control moved
	// back is none, and the link keeps the red line alone.
	s.do(chromedp.Navigate(origin + "#scenario=teaching-two-party&set=" + url.QueryEscape("actors.candidate.reservation=0.50") + "&set=" + url.QueryEscape(UndoSets[1])))
	s.settled()
	if got := s.hashSets(); !slices.Equal(got, UndoSets[1:]) {
		t.Errorf("opened with the file's own reservation set, the link holds %v, want %v", got, UndoSets[1:])
	}
	s.expect("the red line, with the file's reservation set", oracle(UndoSets[1:]))
	said = evalJS[[]string](s, `[document.getElementById("changes").textContent, ...[...document.querySelectorAll("#changed li")].map((li) => li.textContent.replace(/\s+/g, " ").trim())]`)
	if want := []string{"1 change from the scenario.", want[1]}; !slices.Equal(said, want) {
		t.Errorf("opened with the file's own reservation set, the changes read %q, want %q", said, want)
	}
	if evalJS[bool](s, `document.querySelector('`+reservation+`').classList.contains("changed")`) {
		t.Error("opened with the file's own reservation set, the candidate's reservation is marked changed")
	}

	// A red line that moves by several options names them as a sentence lists them: the
	// candidate's [mid, high] (the file's) taken to [low].
	s.do(chromedp.Navigate(origin + "#scenario=teaching-two-party&set=" + url.QueryEscape("actors.candidate.preferences.salary.acceptable=[low]")))
	s.settled()
	said = evalJS[[]string](s, `[...document.querySelectorAll("#changed li")].map((li) => li.textContent.replace(/\s+/g, " ").trim())`)
	if want := []string{"Candidate: red line on Salary: the options Candidate can accept: now also Low band (low); no longer Middle band (mid) and High band (high) Undo"}; !slices.Equal(said, want) {
		t.Errorf("with the candidate's red line at [low], the changes read %q, want %q", said, want)
	}
	s.checkConsole()
}
