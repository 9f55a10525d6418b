package pagetest

import (
	"encoding/json"
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/accessibility"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/dom"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// AccessCases are states a screen reader's user reads view by view: the reference
// scenario's open zone under a what-if (every table and chart drawn), the job offer's small
// zone, and the job offer's Play seat after a first move.
var AccessCases = []string{
	"scenario=ukraine-2026&variant=sanctions-bite&set=actors.russia.reservation%3D0.5",
	"scenario=teaching-two-party",
	"scenario=teaching-two-party&as=candidate&moves=accept",
}

// readerJS lists what a screen reader would get wrong on the shown view: a table with no
// caption or an empty header cell (read as "blank"), a button whose spoken name does not
// hold the words on it (a voice-control user says what they see: WCAG 2.5.3), two buttons
// of the view with the same spoken name (a list of buttons is read out of context), a live
// region that holds a table or a long text (each change would read all of it out), a table
// wider than its box that the keyboard cannot reach to scroll it (a browser other than
// Chromium does not make it focusable by itself), a chart without a text alternative, and
// a view with nothing to focus that is not focusable itself (Tab from its tab would skip
// what it shows, which the ARIA tab pattern avoids with tabindex="0").
const readerJS = `(() => {
	const out = [];
	const view = document.querySelector(".view:not([hidden])");
	const shown = (e) => !e.closest("[hidden]") && e.getClientRects().length > 0;
	const words = (s) => (s || "").replace(/\s+/g, " ").trim();
	for (const t of [...document.querySelectorAll("table")].filter(shown)) {
		const head = words(t.querySelector("th") && t.querySelector("th").textContent).slice(0, 30);
		if (!t.caption || !words(t.caption.textContent)) out.push("a table (first header " + JSON.stringify(head) + ") has no caption");
		if ([...t.querySelectorAll("th")].some((th) => !words(th.textContent) && !th.getAttribute("aria-label"))) out.push("a table (first header " + JSON.stringify(head) + ") has an empty header cell");
	}
	const names = new Map();
	for (const b of [...view.querySelectorAll("button")].filter(shown)) {
		const visible = words(b.textContent), name = words(b.getAttribute("aria-label") || visible);
		if (!name.toLowerCase().includes(visible.toLowerCase())) out.push("the button showing " + JSON.stringify(visible) + " is named " + JSON.stringify(name));
		names.set(name, (names.get(name) || 0) + 1);
	}
	for (const [name, n] of names) if (n > 1) out.push(n + " buttons of the view are all named " + JSON.stringify(name));
	for (const l of document.querySelectorAll("[aria-live], [role=status], [role=log], [role=alert], output")) {
		if (l.querySelector("table")) out.push("the live region " + (l.id || l.className) + " holds a table");
		else if (words(l.textContent).length > 400) out.push("the live region " + (l.id || l.className) + " holds " + words(l.textContent).length + " characters");
	}
	for (const box of [...view.querySelectorAll(".scroll")].filter(shown)) {
		if (box.scrollWidth > box.clientWidth + 1 && (box.tabIndex < 0 || !words(box.getAttribute("aria-label")))) out.push("a table wider than its box (" + words(box.textContent).slice(0, 30) + ") cannot be scrolled by keyboard or has no name");
	}
	for (const svg of [...view.querySelectorAll("svg[viewBox]:not([aria-hidden=true])")].filter(shown)) {
		if (!words(svg.getAttribute("aria-label"))) out.push("a chart has no text alternative");
	}
	// The ARIA tab pattern: a panel with nothing to focus takes the focus itself, so that Tab
	// from its tab reaches what it shows.
	const focusable = "a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex='-1'])";
	if (![...view.querySelectorAll(focusable)].some(shown) && view.tabIndex !== 0) out.push("the view " + view.id + " has nothing to focus and is not focusable itself");
	return out;
})()`

// DriveAccess reads the page as a screen reader's, a magnifier's and a high-contrast user's
// would: every view of AccessCases by readerJS, the text alternatives of the charts against
// the numbers shown beside them, a wrong number typed in a field, the page at 200% and 400%
// zoom, and Windows' high-contrast mode.
func DriveAccess(t *testing.T, origin string) {
	t.Run("reader", func(t *testing.T) {
		tab := Tab(t, 1280, 900, 6*time.Minute)
		s := &session{t: t, ctx: tab, origin: origin}
		s.collectConsole()
		for _, hash := range AccessCases {
			for _, view := range []string{"zone", "take", "words", "rounds", "compare", "score", "share", "play"} {
				s.do(chromedp.Navigate(origin + "#" + hash + "&view=" + view))
				s.settled()
				if problems := evalJS[[]string](s, readerJS); len(problems) > 0 {
					t.Errorf("#%s&view=%s: %q", hash, view, problems)
				}
				if faint := evalJS[[]string](s, contrastJS); len(faint) > 0 {
					t.Errorf("#%s&view=%s: %d texts too faint to read, such as %s", hash, view, len(faint), faint[0])
				}
			}
		}
		// The chart of two parties says in words what it shows: how many deals the zone
		// holds, as the headline says, and where the Nash deal lies (its two utilities, as
		// the solutions table gives them).
		s.do(chromedp.Navigate(origin + "#" + AccessCases[0]))
		s.settled()
		alt := evalJS[string](s, `document.querySelector("#chart svg").getAttribute("aria-label")`)
		zone := evalJS[string](s, `document.getElementById("zopa-count").textContent`)
		nash := evalJS[[]string](s, `[...document.querySelectorAll("#solutions tbody tr")].filter((r) => /^(Ukraine|Russia): utility/.test(r.cells[0].textContent)).map((r) => r.cells[1].textContent.split(" ")[0])`)
		if len(nash) != 2 {
			t.Fatalf("the solutions table gives the Nash deal's utilities for %q, want Ukraine's and Russia's", nash)
		}
		for _, want := range []string{zone + " deals", nash[0], nash[1]} {
			if !strings.Contains(alt, want) {
				t.Errorf("the chart's text alternative %q does not say %q", alt, want)
			}
		}
		// Moving a slider by keyboard, a screen reader hears the slider's own value and then
		// the new zone: the value printed beside the slider is not read out again, and the
		// count of changes only when it changes.
		slider := `.control[data-path="actors.russia.reservation"] input[type=range]`
		if n := evalJS[int](s, `document.querySelectorAll('#controls output:not([aria-live="off"])').length`); n > 0 {
			t.Errorf("%d values beside the what-if sliders are live regions, read out again at each move", n)
		}
		// The link already changed Russia's reservation (0.5, where sanctions-bite has 0.48):
		// three moves up, to 0.53, keep one change.
		if n := rewritesAsSliderMoves(s, "changes", slider); n > 0 {
			t.Errorf("three moves of the same slider rewrote the count of changes %d times; it still says %q", n, evalJS[string](s, `document.getElementById("changes").textContent`))
		}
		// The rounds' chart says how the talks end, as the summary above it does.
		s.do(chromedp.Navigate(origin + "#" + AccessCases[0] + "&view=rounds"))
		s.settled()
		alt = evalJS[string](s, `document.querySelector("#rounds-chart svg").getAttribute("aria-label")`)
		if !strings.Contains(alt, "Agreement at round") {
			t.Errorf("the rounds chart's text alternative %q does not say how the talks end", alt)
		}
		// The round on show is read out when it changes (Next round), not again at each move
		// of a what-if slider, which leaves it where it is; the slider that picks it says
		// which round of how many, as the words beside it do: the first, 0, of the last that
		// the table of every round lists.
		if n := rewritesAsSliderMoves(s, "round-shown", slider); n > 0 {
			t.Errorf("three moves of a what-if slider rewrote the round on show %d times; it still says %q", n, evalJS[string](s, `document.getElementById("round-shown").textContent`))
		}
		last := evalJS[string](s, `[...document.querySelectorAll("#rounds-table tbody tr")].at(-1).cells[0].textContent`)
		if got, want := evalJS[string](s, `document.getElementById("round-pick").getAttribute("aria-valuetext") || document.getElementById("round-pick").value`), "Round 0 of "+last; got != want {
			t.Errorf("the slider of rounds says %q, want which round of how many, %q", got, want)
		}
		s.checkConsole()
	})

	t.Run("names", func(t *testing.T) {
		// The job offer's candidate and employer each have a bargaining power, a weight of
		// each issue and so on: a screen reader's list of the page's fields reads each
		// control by its name alone, which must say whose value it is. The names are the
		// browser's own, from its accessibility tree.
		s := startAt(t, origin, 1280, 900, 3*time.Minute)
		s.do(chromedp.Navigate(origin + "#scenario=teaching-two-party"))
		s.settled()
		evalJS[any](s, `document.querySelectorAll("#controls details").forEach((d) => { d.open = true; })`)
		seen := map[string]int{}
		for _, n := range s.axNodes() {
			if slices.Contains([]string{"slider", "spinbutton", "combobox", "switch", "group"}, n.role) && n.name != "" {
				seen[n.role+" "+strconv.Quote(n.name)]++
			}
		}
		var twice []string
		for name, n := range seen {
			if n > 1 {
				twice = append(twice, name)
			}
		}
		slices.Sort(twice)
		if len(twice) > 0 || len(seen) < 20 {
			t.Errorf("of the %d named controls, %d share their name with another, such as %q", len(seen), len(twice), twice[:min(len(twice), 5)])
		}
		// The vetoes sit together, each switch named by its actor as a label, which reads
		// right for a plural name too.
		for _, want := range []string{`switch "Candidate: veto"`, `switch "Employer: veto"`} {
			if seen[want] != 1 {
				t.Errorf("no control named %s among %d", want, len(seen))
			}
		}
		// teaching-tied-hands.yaml: the parliament ratifies for the Home government, so its
		// veto is no choice, said with both names.
		s.checkConsole()
		s = startAt(t, origin, 1280, 900, 3*time.Minute)
		s.do(chromedp.Navigate(origin + "#scenario=teaching-tied-hands"))
		s.settled()
		const want = "Home's parliament: veto? No, and that cannot change: ratifies for Home government;"
		if got := evalJS[string](s, `document.querySelector('.control[data-path="actors.parliament.veto"] .hint').textContent`); !strings.HasPrefix(got, want) {
			t.Errorf("the parliament's veto says %q, want it to begin %q", got, want)
		}
		s.checkConsole()
	})

	t.Run("values", func(t *testing.T) {
		// A slider's number alone ("Reservation, 0.5") does not say what it is: each says
		// its meaning, as Chromium's accessibility tree gives it to a screen reader. The
		// job offer's candidate weighs salary 50, remote work 30 and start date 20
		// (teaching-two-party.yaml); with salary at 100 the total is 150, so the shares are
		// 100/150 = 67%, 30/150 = 20% and 20/150 = 13%. Moved to 0 by keyboard (Home),
		// salary leaves a total of 50: remote work 30/50 = 60%, start date 20/50 = 40%.
		s := startAt(t, origin, 1280, 900, 3*time.Minute)
		s.do(chromedp.Navigate(origin + "#scenario=teaching-two-party&set=" + url.QueryEscape("actors.candidate.preferences.salary.weight=100") + "&set=" + url.QueryEscape("actors.candidate.reservation_drift=-0.02")))
		s.settled()
		evalJS[any](s, `document.querySelectorAll("#controls details").forEach((d) => { d.open = true; })`)
		// Chromium's tree names each slider but gives its value as a number alone, without
		// aria-valuetext (Chromium 156): what a screen reader reads is that attribute of the
		// node the tree names.
		said := func() map[string]string {
			t.Helper()
			values := map[string]string{}
			for _, n := range s.axNodes() {
				if n.role != "slider" {
					continue
				}
				node, err := chromedp.Call(s.ctx, dom.DescribeNode, dom.DescribeNodeParams{BackendNodeID: n.node})
				if err != nil {
					t.Fatal(err)
				}
				for i := 0; i+1 < len(node.Node.Attributes); i += 2 {
					if node.Node.Attributes[i] == "aria-valuetext" {
						// A no-break space, which keeps "(changed)" on its label's last
						// line, is read as a space.
						values[strings.ReplaceAll(n.name, "\u00a0", " ")] = node.Node.Attributes[i+1]
					}
				}
			}
			return values
		}
		check := func(when string, want map[string]string) {
			t.Helper()
			got := said()
			for name, value := range want {
				if got[name] != value {
					t.Errorf("%s: the slider %q reads %q, want %q", when, name, got[name], value)
				}
			}
		}
		check("salary's weight at 100", map[string]string{
			"Candidate: reservation":                           "0.5 of its best deal's worth",
			"Candidate: Reservation drift per round (changed)": "falls 0.02 each round",
			"Employer: Reservation drift per round":            "0: the same every round",
			"Candidate: Bargaining power":                      "1, the default",
			"Candidate: Weight of Salary (changed)":            "100: 67% of all its weights",
			"Candidate: Weight of Remote work":                 "30: 20% of all its weights",
			"Candidate: Weight of Start date":                  "20: 13% of all its weights",
			"Candidate: Votes":                                 "1 vote",
		})
		s.do(chromedp.Focus(chromedp.CSS(`.control[data-path="actors.candidate.preferences.salary.weight"] input[type=range]`)))
		s.do(chromedp.KeyEvent(kb.Home))
		s.settled()
		check("salary's weight moved to 0", map[string]string{
			"Candidate: Weight of Salary (changed)": "0: 0% of all its weights",
			"Candidate: Weight of Remote work":      "30: 60% of all its weights",
			"Candidate: Weight of Start date":       "20: 40% of all its weights",
		})
		if t.Failed() {
			t.Logf("the sliders read: %q", said())
		}
		// Russia's ratification in the reference scenario names no votes_needed: 0, which
		// asks for every vote of its ratifiers, not for none.
		s.do(chromedp.Navigate(origin + "#scenario=ukraine-2026"))
		s.settled()
		evalJS[any](s, `document.querySelectorAll("#controls details").forEach((d) => { d.open = true; })`)
		check("the reference scenario", map[string]string{"Russia, ratification at home: Votes its ratifiers must give": "0: every vote its ratifiers hold"})
		s.checkConsole()
	})

	t.Run("find", func(t *testing.T) {
		// "Find a value" hides what does not match, which a screen reader does not see: it
		// must hear how many values match, once the typing pauses, not at each key. In the
		// job offer, "candidate weight" matches the candidate's weights of salary, remote
		// work and start date, 3 (teaching-two-party.yaml); "employer veto" the employer's
		// veto switch alone.
		s := startAt(t, origin, 1280, 900, 3*time.Minute)
		s.do(chromedp.Navigate(origin + "#scenario=teaching-two-party"))
		s.settled()
		openGroups := func() string {
			return evalJS[string](s, `[...document.querySelectorAll("#controls details.group")].filter((g) => g.open).map((g) => g.querySelector("summary").textContent).join(" | ")`)
		}
		before := openGroups()
		evalJS[any](s, `window.negsimSaid = 0; new MutationObserver(() => window.negsimSaid++).observe(document.getElementById("found"), {childList: true, characterData: true, subtree: true})`)
		for _, c := range []struct {
			typed, said string
			shown       int
		}{
			{"candidate weight", `3 values match "candidate weight".`, 3},
			{"employer veto", `1 value matches "employer veto".`, 1},
			{"employer vetoes", `No value matches "employer vetoes": try fewer words, or an actor, an issue or a path.`, 0},
		} {
			evalJS[any](s, `window.negsimSaid = 0; document.getElementById("filter").value = ""`)
			s.do(chromedp.Focus(chromedp.CSS("#filter")))
			s.do(chromedp.KeyEvent(c.typed))
			if _, err := chromedp.Run(s.ctx, chromedp.Poll[bool](`document.getElementById("found").textContent !== ""`, chromedp.WithPollingTimeout(10*time.Second))); err != nil {
				t.Fatalf("%q typed: the page says nothing of what it found", c.typed)
			}
			time.Sleep(time.Second)
			said, rewrites := evalJS[string](s, `document.getElementById("found").textContent`), evalJS[int](s, `window.negsimSaid`)
			// A machine too busy to type without a pause may say a count mid-word: a few
			// rewrites for a dozen keys, never one for each.
			if said != c.said || rewrites < 1 || rewrites > 3 {
				t.Errorf("%q typed: the live region said %q after %d rewrites for %d keys; want %q, once or at a pause", c.typed, said, rewrites, len(c.typed), c.said)
			}
			if shown := evalJS[int](s, `document.querySelectorAll("#controls .control:not(.hide)").length`); shown != c.shown {
				t.Errorf("%q typed: %d values shown, want %d", c.typed, shown, c.shown)
			}
		}
		// Erased, the search leaves the groups as the student had them: the ones it opened
		// to show the weights and the veto close again, and the panel is not left a column
		// of every value.
		s.do(chromedp.KeyEvent(strings.Repeat(kb.Backspace, len("employer vetoes"))))
		s.settled()
		if after := openGroups(); after != before {
			t.Errorf("the search erased, the open groups are %q; before it, %q", after, before)
		}
		s.checkConsole()
	})

	t.Run("field", func(t *testing.T) {
		// The job offer's deadline is a whole number of rounds from 1 to 10000 (negsim params
		// teaching-two-party): 20000 is refused where it was typed, and 12 taken.
		tab := Tab(t, 1280, 900, 3*time.Minute)
		s := &session{t: t, ctx: tab, origin: origin}
		s.collectConsole()
		s.do(chromedp.Navigate(origin + "#scenario=teaching-two-party"))
		s.settled()
		field := `.control[data-path="protocol.rounds"] input`
		evalJS[any](s, `document.querySelector('`+field+`').closest("details").open = true`)
		typeInto := func(value string) {
			s.do(chromedp.Focus(chromedp.CSS(field)))
			evalJS[any](s, `document.querySelector('`+field+`').select()`)
			s.do(chromedp.KeyEvent(value + kb.Tab))
			s.settled()
		}
		typeInto("20000")
		if got := evalJS[string](s, `document.querySelector('`+field+`').getAttribute("aria-invalid") || ""`); got != "true" {
			t.Errorf("after 20000 the deadline's field has aria-invalid=%q, want true", got)
		}
		said := evalJS[string](s, `(document.querySelector('`+field+`').getAttribute("aria-describedby") || "").split(" ").map((id) => document.getElementById(id)).filter((e) => e && e.getClientRects().length).map((e) => e.textContent).join(" | ")`)
		if !strings.Contains(said, "20000") || !strings.Contains(said, "1 to 10000") {
			t.Errorf("after 20000 the deadline's field is described by %q; want the value and the range 1 to 10000", said)
		}
		if sets := s.hashSets(); len(sets) != 0 {
			t.Errorf("20000 reached the link: %v", sets)
		}
		typeInto("12")
		if got := evalJS[string](s, `document.querySelector('`+field+`').getAttribute("aria-invalid") || ""`); got == "true" {
			t.Error("after 12 the deadline's field is still marked invalid")
		}
		if sets := s.hashSets(); !slices.Equal(sets, []string{"protocol.rounds=12"}) {
			t.Errorf("after 12 the link holds %v, want protocol.rounds=12", sets)
		}
		s.checkConsole()

		// A link whose value the engine refuses: the alert at the top says why, and the
		// control of that value (or of the changed value that made another invalid: a
		// constituency cut to the Rada holds 100 votes, fewer than the 150 its ratification
		// needs) is marked and described by it.
		for _, c := range []struct{ set, control, named string }{
			{"actors.russia.reservation=2", "actors.russia.reservation", "actors.russia.reservation"},
			{"actors.ukraine.ratification.by=[rada]", "actors.ukraine.ratification.by", "actors.ukraine.ratification.votes_needed"},
		} {
			s.do(chromedp.Navigate(origin + "#scenario=ukraine-2026&set=" + url.QueryEscape(c.set)))
			s.settled()
			type field struct{ Invalid, Said string }
			got := evalJS[field](s, `(() => { const f = document.querySelector('.control[data-path="`+c.control+`"]').querySelector("input, select");
				return {invalid: f.getAttribute("aria-invalid") || "", said: (f.getAttribute("aria-describedby") || "").split(" ").map((id) => document.getElementById(id)).filter((e) => e && !e.hidden).map((e) => e.textContent).join(" | ")}; })()`)
			if got.Invalid != "true" || !strings.Contains(got.Said, c.named) {
				t.Errorf("set %s: the control of %s has aria-invalid=%q and is described by %q; want it marked and described by the error naming %s", c.set, c.control, got.Invalid, got.Said, c.named)
			}
		}
		s.do(chromedp.Navigate(origin + "#scenario=ukraine-2026"))
		s.settled()
		if n := evalJS[int](s, `document.querySelectorAll('#controls [aria-invalid="true"]').length`); n > 0 {
			t.Errorf("with the error gone %d controls are still marked invalid", n)
		}
		// The console is not read after the refused links: their requests answered 400.
	})

	// A 1280 × 900 window zoomed to 200% and 400% is a 640 × 450 and a 320 × 225 one, its
	// pixels doubled and quadrupled. The headline that stays on top while the controls
	// scroll must leave most of the window to them (WCAG 1.4.10).
	for _, zoom := range []int{2, 4} {
		t.Run(fmt.Sprintf("zoom%d00", zoom), func(t *testing.T) {
			tab := Tab(t, 1280, 900, 3*time.Minute)
			s := &session{t: t, ctx: tab, origin: origin}
			s.collectConsole()
			w, h := int64(1280/zoom), int64(900/zoom)
			s.do(chromedp.EmulateViewport(w, h, chromedp.EmulateScale(float64(zoom))))
			s.do(chromedp.Navigate(origin + "#" + AccessCases[0]))
			s.settled()
			covered := evalJS[float64](s, `(() => {
				window.scrollTo(0, document.getElementById("controls").getBoundingClientRect().top + scrollY + 300);
				const r = document.querySelector(".headline").getBoundingClientRect();
				return Math.max(0, Math.min(r.bottom, innerHeight) - Math.max(r.top, 0));
			})()`)
			if covered > float64(h)/3 {
				t.Errorf("at %d00%% the headline covers %.0f of the window's %d px while the controls scroll", zoom, covered, h)
			}
			if wide := evalJS[int](s, `document.documentElement.scrollWidth`); wide > int(w) {
				t.Errorf("at %d00%% the page is %d px wide in a %d px window", zoom, wide, w)
			}
			s.checkConsole()
		})
	}

	t.Run("dark", func(t *testing.T) {
		// A reader who set their system to dark colours (at night, or for eyes that light
		// tires) gets the page in dark colours, every text as legible as in light ones; a
		// chart stays a picture on white, its plot area and its words as printed.
		tab := Tab(t, 1280, 900, 3*time.Minute)
		s := &session{t: t, ctx: tab, origin: origin}
		s.collectConsole()
		if _, err := chromedp.Call(tab, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: "dark"}}}); err != nil {
			t.Fatal(err)
		}
		for _, hash := range AccessCases {
			for _, view := range []string{"zone", "take", "words", "rounds", "compare", "score", "share", "play"} {
				s.do(chromedp.Navigate(origin + "#" + hash + "&view=" + view))
				s.settled()
				if view == "zone" && hash == AccessCases[0] {
					if !evalJS[bool](s, `matchMedia("(prefers-color-scheme: dark)").matches`) {
						t.Fatal("dark colours are not emulated")
					}
					// The page's own ground and a form control's: light ones would dazzle
					// beside the reader's other dark windows.
					for _, sel := range []string{"body", "#scenario", "#filter", ".whatif", "th"} {
						if l := evalJS[float64](s, luminanceJS+`(getComputedStyle(document.querySelector("`+sel+`")).backgroundColor)`); l > 0.05 {
							t.Errorf("in dark colours %s is painted with a luminance of %.2f, as light as a light page's", sel, l)
						}
					}
				}
				if faint := evalJS[[]string](s, contrastJS); len(faint) > 0 {
					t.Errorf("in dark colours #%s&view=%s: %d texts too faint to read, such as %s", hash, view, len(faint), faint[0])
				}
				if bad := evalJS[[]string](s, `[...document.querySelectorAll("svg")].filter((g) => !g.parentElement.closest("svg") && g.getClientRects().length && getComputedStyle(g).backgroundColor !== "rgb(255, 255, 255)").map((g) => g.getAttribute("aria-label") || "a legend's mark")`); len(bad) > 0 {
					t.Errorf("in dark colours #%s&view=%s: %d charts are not on white, such as %q", hash, view, len(bad), bad[0])
				}
			}
		}
		// Printed (Ctrl+P) from dark colours, the page is ink on paper: a browser drops
		// backgrounds when it prints, and light words would be lost on the white sheet.
		if _, err := chromedp.Call(tab, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print", Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: "dark"}}}); err != nil {
			t.Fatal(err)
		}
		if l := evalJS[float64](s, luminanceJS+`(getComputedStyle(document.body).color)`); l > 0.05 {
			t.Errorf("printed from dark colours the page's words have a luminance of %.2f, too light for white paper", l)
		}
		s.checkConsole()
	})

	t.Run("forced-colors", func(t *testing.T) {
		// Windows' high-contrast mode paints every text, border and background in the
		// user's few colours: what a colour alone said is lost.
		tab := Tab(t, 1280, 900, 3*time.Minute)
		s := &session{t: t, ctx: tab, origin: origin}
		s.collectConsole()
		if _, err := chromedp.Call(tab, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Features: []*emulation.MediaFeature{{Name: "forced-colors", Value: "active"}, {Name: "prefers-color-scheme", Value: "dark"}}}); err != nil {
			t.Fatal(err)
		}
		s.do(chromedp.Navigate(origin + "#" + AccessCases[0] + "&set=" + url.QueryEscape("actors.united-states.reservation=0.35")))
		s.settled()
		if !evalJS[bool](s, `matchMedia("(forced-colors: active)").matches`) {
			t.Fatal("forced colours are not emulated")
		}
		// Ways to tell two things apart that survive forced colours.
		const differ = `((a, b) => { const x = getComputedStyle(a), y = getComputedStyle(b);
			return ["fontWeight", "borderTopWidth", "borderBottomWidth", "borderLeftWidth", "outlineStyle", "textDecorationLine"].some((p) => x[p] !== y[p]) || x.forcedColorAdjust === "none" && x.backgroundColor !== y.backgroundColor; })`
		if !evalJS[bool](s, differ+`(document.querySelector('[role=tab][aria-selected=true]'), document.querySelector('[role=tab][aria-selected=false]'))`) {
			t.Error("in high contrast the open tab looks like the others")
		}
		// A changed value says so in words, which no colour scheme takes away (and a screen
		// reader reads with its label); an unchanged one does not.
		said := `((c) => getComputedStyle(document.querySelector('.control[data-path="' + c + '"]').querySelector("label, legend"), "::after").content)`
		if got := evalJS[string](s, said+`("actors.united-states.reservation")`); !strings.Contains(got, "changed") {
			t.Errorf("in high contrast the changed United States' reservation adds %s to its label, not that it changed", got)
		}
		if got := evalJS[string](s, said+`("actors.europe.reservation")`); strings.Contains(got, "changed") {
			t.Errorf("the unchanged Europe's reservation adds %s to its label", got)
		}
		// A chart keeps its own colours on white, as a picture does: forced, its dark
		// words and lines would be drawn on the user's dark background.
		if bad := evalJS[[]string](s, `[...document.querySelectorAll(".chart svg")].filter((g) => getComputedStyle(g).forcedColorAdjust !== "none" || getComputedStyle(g).backgroundColor !== "rgb(255, 255, 255)").map((g) => g.getAttribute("aria-label") || "a legend's mark")`); len(bad) > 0 {
			t.Errorf("in high contrast %d charts draw dark on the user's background, such as %q", len(bad), bad[0])
		}
		s.checkConsole()
	})
}

// rewritesAsSliderMoves moves the slider three steps up by keyboard and counts how often the
// element with id was rewritten meanwhile: each rewrite of a live region is read out again.
func rewritesAsSliderMoves(s *session, id, slider string) int {
	evalJS[any](s, `window.negsimSaid = 0; new MutationObserver(() => window.negsimSaid++).observe(document.getElementById("`+id+`"), {childList: true, characterData: true, subtree: true})`)
	s.do(chromedp.Focus(chromedp.CSS(slider)))
	for range 3 {
		s.do(chromedp.KeyEvent(kb.ArrowRight))
		s.settled()
	}
	return evalJS[int](s, `window.negsimSaid`)
}

// axNode is a node of Chromium's accessibility tree as a screen reader gets it: its role,
// its name, and the element it stands for.
type axNode struct {
	role, name string
	node       cdp.BackendNodeID
}

// axNodes are the nodes of the page's accessibility tree that a screen reader reads: those
// not ignored, with a role and a name.
func (s *session) axNodes() []axNode {
	s.t.Helper()
	tree, err := chromedp.Call(s.ctx, accessibility.GetFullAXTree, accessibility.GetFullAXTreeParams{})
	if err != nil {
		s.t.Fatal(err)
	}
	var out []axNode
	for _, n := range tree.Nodes {
		if n.Ignored || n.Role == nil || n.Name == nil {
			continue
		}
		a := axNode{node: n.BackendDOMNodeID}
		json.Unmarshal(n.Role.Value, &a.role)
		json.Unmarshal(n.Name.Value, &a.name)
		out = append(out, a)
	}
	return out
}
