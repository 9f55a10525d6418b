// Package pagetest drives negsim's page in a headless Chromium, the same way in both of the
// page's modes (negsim serve, and the static site with the engine in WebAssembly): open a
// permalink, read the results, move a slider and a red-line box by keyboard, follow the
// permalink back, and take screenshots at a projector's and a phone's width. The results
// are checked against answers computed in the test's own process.
package pagetest

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"html"
	"image"
	_ "image/jpeg" // FullScreenshot writes JPEG
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/negsim/negsim/config"
	"github.com/negsim/negsim/scenarios"
	"github.com/negsim/negsim/sim"
)

// Chromium finds a Chromium or Chrome to drive; "" when there is none.
func Chromium() string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if path, err := exec.LookPath(name); err == nil {
			return path
		}
	}
	return ""
}

// RequireChromium returns the Chromium the browser tests drive, and skips the test where
// none is installed.
func RequireChromium(t testing.TB) string {
	t.Helper()
	bin := Chromium()
	if bin == "" {
		t.Skip("no Chromium found (chromium, chromium-browser, google-chrome): install Debian's chromium package (apt-get install -y chromium) to run this test")
	}
	return bin
}

// Answer is what the page must show for a query: the zone's size and the Nash deal as
// issue=option pairs joined by commas ("" when the zone is empty).
type Answer struct {
	ZOPA uint64
	Nash string
}

// Oracle computes the answer for a variant and overrides (PATH=VALUE) of the reference
// scenario, outside the browser.
type Oracle func(variant string, sets []string) Answer

// AnswerOf reads zopa.count and the Nash deal out of `negsim analyze --format json`.
func AnswerOf(analysis []byte, issues []string) (Answer, error) {
	var an struct {
		ZOPA struct {
			Count uint64 `json:"count"`
		} `json:"zopa"`
		Solutions struct {
			Nash *struct {
				Options map[string]string `json:"options"`
			} `json:"nash"`
		} `json:"solutions"`
	}
	if err := json.Unmarshal(analysis, &an); err != nil {
		return Answer{}, err
	}
	a := Answer{ZOPA: an.ZOPA.Count}
	if an.Solutions.Nash != nil {
		var pairs []string
		for _, is := range issues {
			pairs = append(pairs, is+"="+an.Solutions.Nash.Options[is])
		}
		a.Nash = strings.Join(pairs, ",")
	}
	return a, nil
}

// Report is what a drive measured: each slider move's time from the key press to the
// results on the page, in milliseconds.
type Report struct {
	SliderMS []float64
}

// Median is the median slider latency.
func (r Report) Median() float64 {
	if len(r.SliderMS) == 0 {
		return 0
	}
	s := slices.Clone(r.SliderMS)
	sort.Float64s(s)
	return s[len(s)/2]
}

type session struct {
	t        *testing.T
	ctx      context.Context
	origin   string
	mu       sync.Mutex
	messages []chromedp.ConsoleMessage
}

// start opens a headless Chromium at a projector's width, reading its console from the
// first page on. No host name but the test's resolves.
func start(t *testing.T, origin string) *session {
	return startAt(t, origin, 1280, 900, 4*time.Minute)
}

// startAt opens a headless Chromium with a window of the given size, reading its console
// from the first page on, for at most timeout.
func startAt(t *testing.T, origin string, width, height int, timeout time.Duration) *session {
	tab := Tab(t, width, height, timeout)
	s := &session{t: t, ctx: tab, origin: origin}
	s.collectConsole()
	return s
}

// chromium is the one headless Chromium a test binary drives, started by the first Tab:
// starting one took about 2 of the 3 seconds of a short page check, and every check opens
// its tab in a browser context of its own, which shares nothing with the others (no
// storage, no cache, no downloads).
var chromium struct {
	once    sync.Once
	browser context.Context // the first tab: the browser's handle, never driven itself
	close   context.CancelFunc
	err     error
}

// Main runs a package's tests and then closes the Chromium they shared; a package whose
// tests call Tab calls it from TestMain.
func Main(m *testing.M) int {
	code := m.Run()
	if chromium.close != nil {
		chromium.close()
	}
	return code
}

// Tab opens a tab of the given size in the shared headless Chromium, in a browser context
// of its own, and returns it bounded by timeout. It skips the test where no Chromium is
// installed. No host name but 127.0.0.1 resolves: a page that reached past its origin would
// fail to load.
func Tab(t testing.TB, width, height int, timeout time.Duration) context.Context {
	t.Helper()
	bin := RequireChromium(t)
	chromium.once.Do(func() {
		opts := append(chromedp.DefaultExecAllocatorOptions[:],
			chromedp.ExecPath(bin),
			chromedp.Headless,
			chromedp.NoSandbox,
			chromedp.DisableGPU,
			chromedp.Flag("disable-dev-shm-usage", true),
			chromedp.Flag("host-resolver-rules", "MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"),
		)
		alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
		browser, cancelBrowser := chromedp.NewContext(alloc)
		chromium.browser, chromium.close = browser, func() { cancelBrowser(); cancelAlloc() }
		// Started on the context it lives in: chromedp ties the browser's life to the
		// context of the first call, so a deadline there would close it.
		chromium.err = chromedp.Do(browser)
	})
	if chromium.err != nil {
		t.Fatalf("starting Chromium: %v", chromium.err)
	}
	tab, cancelTab := chromedp.NewContext(chromium.browser, chromedp.WithNewBrowserContext())
	t.Cleanup(cancelTab)
	ctx, cancel := context.WithTimeout(tab, timeout)
	t.Cleanup(cancel)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(int64(width), int64(height))); err != nil {
		t.Fatalf("opening a tab of %d×%d: %v", width, height, err)
	}
	return ctx
}

// Drive runs the whole check against the page at origin (http://host:port/). name labels
// the screenshots written to the test's artifact folder.
func Drive(t *testing.T, origin, name string, oracle Oracle) Report {
	s := start(t, origin)

	const variant = "sanctions-bite"
	sets := []string{"actors.russia.reservation=0.5"}
	link := origin + "#scenario=ukraine-2026&variant=" + variant + "&set=" + url.QueryEscape(sets[0])
	s.do(chromedp.Navigate(link))
	s.settled()
	s.expect("the permalink", oracle(variant, sets))
	// The scenario's stance, as every result on the command line repeats it under its title.
	data, _ := scenarios.Read(scenarios.Default)
	doc, err := config.Load(scenarios.Default+".yaml", data)
	if err != nil {
		t.Fatal(err)
	}
	stance := "Stance: " + strings.Join(strings.Fields(doc.Scenario.Stance), " ")
	if got := evalJS[string](s, `document.getElementById("stance").hidden ? "" : document.getElementById("stance").textContent`); got != stance || len(stance) < 40 {
		t.Errorf("the page shows the stance %q; the file says %q", got, stance)
	}

	// The slider of Russia's reservation, moved with the arrow keys: step 0.01.
	var rep Report
	slider := `.control[data-path="actors.russia.reservation"] input[type=range]`
	left, right := kb.ArrowLeft, kb.ArrowRight
	for i, key := range []string{left, left, left, right, left, right, left, right, left} {
		before := len(s.timings())
		// Focused at each move: on a loaded machine the controls can be drawn again after
		// the page settles (its bounds answered late), and a key pressed into the slider
		// they replaced moved nothing.
		s.do(chromedp.Focus(chromedp.CSS(slider)))
		s.do(chromedp.KeyEvent(key))
		s.settled()
		tm := s.timings()
		if len(tm) <= before {
			t.Fatalf("slider move %d: no timing recorded", i+1)
		}
		rep.SliderMS = append(rep.SliderMS, tm[len(tm)-1])
	}
	// 0.50 − 6 × 0.01 + 3 × 0.01 = 0.47
	sets = []string{"actors.russia.reservation=0.47"}
	if got := s.hashSets(); !slices.Equal(got, sets) {
		t.Errorf("after the slider moves the link holds %v, want %v", got, sets)
	}
	s.expect("Russia's reservation at 0.47 by keyboard", oracle(variant, sets))

	// A red line by keyboard: Tab to Russia's box for freeze-dmz on territory and press
	// Space; in sanctions-bite Russia accepts freeze-dmz, so the box clears.
	box := `.control[data-path="actors.russia.preferences.territory.acceptable"] input[value="freeze-dmz"]`
	if !evalJS[bool](s, `(() => { const b = document.querySelector('`+box+`'); b.closest("details").open = true; return b.checked; })()`) {
		t.Fatal("Russia's box for freeze-dmz is not ticked in sanctions-bite")
	}
	s.do(chromedp.Focus(chromedp.CSS(box)))
	s.do(chromedp.KeyEvent(" "))
	s.settled()
	got := s.hashSets()
	if len(got) != 2 || !strings.HasPrefix(got[1], "actors.russia.preferences.territory.acceptable=[") || strings.Contains(got[1], "freeze-dmz") {
		t.Fatalf("after the box the link holds %v; want the reservation and Russia's territory list without freeze-dmz", got)
	}
	sets = got
	s.expect("Russia's red line without freeze-dmz", oracle(variant, sets))
	zopa, nash := s.read()

	// The permalink round trip: the link, opened afresh, shows the same state.
	href := evalJS[string](s, `location.href`)
	s.do(chromedp.Navigate("about:blank"))
	s.do(chromedp.Navigate(href))
	s.settled()
	if z, n := s.read(); z != zopa || n != nash {
		t.Errorf("the permalink reopened shows %d, %q; before it showed %d, %q", z, n, zopa, nash)
	}
	if value := evalJS[string](s, `document.querySelector('`+slider+`').value`); value != "0.47" {
		t.Errorf("the permalink reopened sets the slider to %s, want 0.47", value)
	}

	// The chart by keyboard: one tab stop, the solutions first, then the frontier; the
	// arrow keys walk them and say each deal.
	evalJS[any](s, `document.querySelector('#chart .point[tabindex="0"]').focus()`)
	s.do(chromedp.KeyEvent(kb.ArrowRight))
	second := evalJS[string](s, `document.getElementById("chart-detail").textContent`)
	s.do(chromedp.KeyEvent(kb.ArrowLeft))
	first := evalJS[string](s, `document.getElementById("chart-detail").textContent`)
	if !strings.HasPrefix(first, "Nash solution") || !strings.HasPrefix(second, "Asymmetric Nash solution") {
		t.Errorf("the chart by keyboard said %q, then %q", second, first)
	}

	// Every view draws without an error.
	for _, view := range []string{"take", "words", "rounds", "compare", "share", "zone"} {
		// From the top, as a reader comes to the tabs: scrolled down, the sticky headline
		// would cover them.
		evalJS[any](s, `window.scrollTo(0, 0)`)
		s.do(chromedp.Click(chromedp.CSS(`[role=tab][data-view="` + view + `"]`)))
		s.settled()
		if !evalJS[bool](s, `document.getElementById("view-`+view+`").textContent.trim().length > 40 && !document.getElementById("view-`+view+`").hidden`) {
			t.Errorf("view %s shows nothing", view)
		}
		if view == "take" {
			// The tornado draws lowering a value to the left of "now", raising it to the right;
			// Russia's reservation tips the result both ways (to 0.461353 and 0.579326).
			if wrong := evalJS[int](s, `(() => {
				const svg = document.querySelector("#take svg"), now = +svg.querySelector("line").getAttribute("x1");
				const side = (fill, ok) => [...svg.querySelectorAll('rect[fill="' + fill + '"]')].filter((r) => !ok(+r.getAttribute("x"), +r.getAttribute("x") + +r.getAttribute("width"), now)).length;
				return side("#0072B2", (a, b, n) => b <= n + 1) + side("#D55E00", (a, b, n) => a >= n - 1) + (svg.querySelectorAll("rect").length < 2 ? 100 : 0);
			})()`); wrong > 0 {
				t.Errorf("the tornado draws %d bars on the wrong side of now (lowering belongs left, raising right)", wrong)
			}
			// The nearest change, tried: the result tips, as negsim analyze confirms.
			before := s.hashSets()
			z0, n0 := s.read()
			shownTo := evalJS[string](s, `document.querySelector('#take table tbody tr td:nth-of-type(2)').textContent`)
			evalJS[any](s, `document.querySelector('#take table button').click()`)
			s.settled()
			after := s.hashSets()
			if slices.Equal(after, before) {
				t.Fatalf("trying the nearest change left the link at %v", after)
			}
			s.expect(fmt.Sprintf("the nearest change of What would it take (%v)", after), oracle(variant, after))
			if z, n := s.read(); z == z0 && n == n0 {
				t.Errorf("trying the nearest change (%v) left the zone at %d and Nash at %q", after, z, n)
			}
			// The nearest change is Russia's reservation down to where the Nash deal's
			// product meets that of the same deal with sanctions phased, others fixed (r = 0.40,
			// 0.40, 0.45 for Ukraine, the US, Europe). Nash: Russia 0.596429, the others'
			// surpluses 0.123 · 0.396 · 0.096 = 0.0046760; phased: Russia 0.536905, the others'
			// 0.136333 · 0.42 · 0.146 = 0.0083600. (0.596429 − r) · 0.0046760 =
			// (0.536905 − r) · 0.0083600 at r = 0.461353.
			if len(after) == 0 || !strings.HasPrefix(after[0], "actors.russia.reservation=0.46135") {
				t.Errorf("the nearest change set %v; by hand Russia's reservation to 0.461353", after)
			}
			// What the table shows is what Try it applies: a value rounded for reading could
			// fall on the side where nothing changes.
			if len(after) == 0 || after[0] != "actors.russia.reservation="+shownTo {
				t.Errorf("the table shows %q but Try it set %v", shownTo, after)
			}
			sets = after
		}
	}
	if alert := evalJS[string](s, `document.getElementById("error").hidden ? "" : document.getElementById("error").textContent`); alert != "" {
		t.Errorf("the page shows an error: %s", alert)
	}

	// The report to hand in: one file, the what-if's state and results in it, no script. The
	// state is the nearest change's: the zone it holds, as analyze confirmed above.
	zopa, _ = s.read()
	report := evalJS[string](s, `window.negsimReport()`, chromedp.EvalAwaitPromise)
	// The reference scenario's 1,259,712 deals are worked out in ReportStates.
	for _, want := range append([]string{"1,259,712 possible deals", "holds " + sim.Thousands(zopa) + " of them", "variants:", "<svg", html.EscapeString(stance)}, sets...) {
		if !strings.Contains(report, want) {
			s.t.Errorf("the report lacks %q", want)
		}
	}
	os.WriteFile(filepath.Join(s.t.ArtifactDir(), name+"-report.html"), []byte(report), 0o644)
	if strings.Contains(report, "<script") || strings.Contains(report, "http://") && !strings.Contains(report, `href="`+s.origin) {
		s.t.Error("the report holds a script or a link outside the page")
	}

	// Every scenario of the list, shipped or a file of the folder, opens without an error.
	for _, sc := range evalJS[[]string](s, `[...document.querySelectorAll('#scenario option')].map(o => o.value)`) {
		s.do(chromedp.Navigate(origin + "#scenario=" + sc))
		if _, err := chromedp.Run(s.ctx, chromedp.Poll[bool](`document.body.dataset.shown === "`+sc+`" && document.body.dataset.busy === "false"`, chromedp.WithPollingTimeout(60*time.Second))); err != nil {
			t.Fatalf("%s never showed: %v", sc, err)
		}
		if alert := evalJS[string](s, `document.getElementById("error").hidden ? "" : document.getElementById("error").textContent`); alert != "" {
			t.Errorf("%s: the page shows an error: %s", sc, alert)
		}
		if n := evalJS[int](s, `document.querySelectorAll("#controls .control").length`); n < 5 {
			t.Errorf("%s: %d what-if controls", sc, n)
		}
		// MODEL.md's check of the Security Council rule: each permanent member holds 0.1963
		// of the Shapley–Shubik power.
		if agree := evalJS[string](s, `document.getElementById("agree").textContent`); sc == "teaching-security-council" && !strings.Contains(agree, "0.1963") {
			t.Errorf("%s: who must agree shows %q, without the permanent members' 0.1963", sc, agree)
		}
	}

	// A file of the student's own, opened in the browser: the job offer, whose comments work
	// out its 4 zone deals and its Nash deal by hand.
	own := jobOfferFile(t)
	s.do(chromedp.SetUploadFiles(chromedp.CSS("#local"), []string{own}))
	if _, err := chromedp.Run(s.ctx, chromedp.Poll[bool](`(document.body.dataset.shown || "").startsWith("doc:") && document.body.dataset.busy === "false"`, chromedp.WithPollingTimeout(60*time.Second))); err != nil {
		t.Fatalf("the file opened from this computer never showed: %v", err)
	}
	if z, n := s.read(); z != 4 || n != "salary=high,remote=hybrid,start=now" {
		t.Errorf("the file opened from this computer shows %d deals and Nash %q; its comments work out 4 and high, hybrid, now", z, n)
	}

	s.screenshots(name)
	s.checkOrigin()
	s.checkConsole()
	return rep
}

// evalJS evaluates a JavaScript expression in the page.
func evalJS[T any](s *session, expr string, opts ...chromedp.EvaluateOption) T {
	s.t.Helper()
	out, err := chromedp.Run(s.ctx, chromedp.Evaluate[T](expr, opts...))
	if err != nil {
		s.t.Fatalf("%s: %v", expr, err)
	}
	return out
}

func (s *session) do(action chromedp.Action[chromedp.Void]) {
	s.t.Helper()
	if err := chromedp.Do(s.ctx, action); err != nil {
		s.t.Fatal(err)
	}
}

// follow clicks a link within the page and waits until the page shows where it leads. The
// click changes the address before the page hears of it, so the address must first differ.
func (s *session) follow(selector string) {
	s.t.Helper()
	before := evalJS[string](s, `location.hash`)
	s.do(chromedp.Click(selector))
	if _, err := chromedp.Run(s.ctx, chromedp.Poll[bool](`location.hash !== `+strconv.Quote(before), chromedp.WithPollingTimeout(10*time.Second))); err != nil {
		s.t.Fatalf("following %s left the address at %s: %v", selector, before, err)
	}
	s.settled()
}

// settledJS is true once the page shows what its address says: the latest change answered,
// its view and its what-if controls drawn.
const settledJS = `document.body.dataset.ready === "true" && document.body.dataset.busy === "false" && document.body.dataset.controls !== "building" && document.body.dataset.hash === location.hash`

// settled waits until the page has answered the latest change and drawn its view and its
// what-if controls.
func (s *session) settled() {
	s.t.Helper()
	deadline := time.Now().Add(90 * time.Second)
	for {
		_, err := chromedp.Run(s.ctx, chromedp.Poll[bool](settledJS, chromedp.WithPollingTimeout(time.Until(deadline))))
		if err == nil {
			return
		}
		// A navigation that is still loading replaces the page's JavaScript context under
		// the poll, which Chromium answers with an error rather than a false; on a loaded
		// machine that happens often enough to matter, so the poll asks again in the new one.
		if lostContext(err) && time.Now().Before(deadline) {
			continue
		}
		s.t.Fatalf("the page did not settle: %v", err)
	}
}

func lostContext(err error) bool {
	msg := err.Error()
	return strings.Contains(msg, "Cannot find context with specified id") || strings.Contains(msg, "Execution context was destroyed")
}

func (s *session) timings() []float64 {
	s.t.Helper()
	out, err := chromedp.Run(s.ctx, chromedp.Evaluate[[]float64](`window.negsimTimings`))
	if err != nil {
		s.t.Fatal(err)
	}
	return out
}

// hashSets are the overrides the page's link holds.
func (s *session) hashSets() []string {
	s.t.Helper()
	out, err := chromedp.Run(s.ctx, chromedp.Evaluate[[]string](`new URLSearchParams(location.hash.slice(1)).getAll("set")`))
	if err != nil {
		s.t.Fatal(err)
	}
	return out
}

func (s *session) read() (uint64, string) {
	s.t.Helper()
	type shown struct {
		Count string `json:"count"`
		Nash  string `json:"nash"`
	}
	out, err := chromedp.Run(s.ctx, chromedp.Evaluate[shown](`({count: document.querySelector('[data-testid="zopa-count"]').textContent, nash: document.querySelector('[data-testid="nash"]').textContent})`))
	if err != nil {
		s.t.Fatal(err)
	}
	var n uint64
	// Counted as the terminal counts: 1,102.
	if _, err := fmt.Sscan(strings.ReplaceAll(out.Count, ",", ""), &n); err != nil {
		s.t.Fatalf("zopa-count shows %q", out.Count)
	}
	nash := out.Nash
	if !strings.Contains(nash, "=") {
		nash = ""
	}
	return n, nash
}

func (s *session) expect(what string, want Answer) {
	s.t.Helper()
	z, n := s.read()
	if z != want.ZOPA || n != want.Nash {
		s.t.Errorf("%s: the page shows a zone of %d and Nash %q; negsim analyze gives %d and %q", what, z, n, want.ZOPA, want.Nash)
	}
	if diag := evalJS[bool](s, `!document.querySelector('[data-testid="diagnosis"]').hidden`); diag != (want.ZOPA == 0) {
		s.t.Errorf("%s: diagnosis shown %v with a zone of %d", what, diag, want.ZOPA)
	}
}

// screenshots checks the page at a projector's width and a phone's: not blank, and no
// wider than the window (nothing to scroll sideways).
func (s *session) screenshots(name string) {
	s.t.Helper()
	for _, w := range []int64{1280, 400} {
		s.do(chromedp.EmulateViewport(w, 900))
		s.settled()
		width, err := chromedp.Run(s.ctx, chromedp.Evaluate[float64](`document.documentElement.scrollWidth`))
		if err != nil {
			s.t.Fatal(err)
		}
		if width > float64(w) {
			s.t.Errorf("at %d px the page is %g px wide: it scrolls sideways", w, width)
		}
		shot, err := chromedp.Run(s.ctx, chromedp.FullScreenshot(90))
		if err != nil {
			s.t.Fatal(err)
		}
		img, _, err := image.Decode(bytes.NewReader(shot))
		if err != nil {
			s.t.Fatal(err)
		}
		if inked, colours := InkedShare(img); inked < 0.05 || colours < 20 {
			s.t.Errorf("at %d px the screenshot looks blank: %.1f%% inked, %d colours", w, 100*inked, colours)
		}
		os.WriteFile(filepath.Join(s.t.ArtifactDir(), fmt.Sprintf("%s-%d.jpg", name, w)), shot, 0o644)
	}
	s.do(chromedp.EmulateViewport(1280, 900))
}

// checkOrigin finds every resource the page loaded and fails on one from elsewhere.
func (s *session) checkOrigin() {
	s.t.Helper()
	names, err := chromedp.Run(s.ctx, chromedp.Evaluate[[]string](`performance.getEntriesByType("resource").map(e => e.name)`))
	if err != nil {
		s.t.Fatal(err)
	}
	if len(names) < 3 {
		s.t.Errorf("only %d resources recorded: %v", len(names), names)
	}
	for _, n := range names {
		if !strings.HasPrefix(n, s.origin) && !strings.HasPrefix(n, "blob:"+strings.TrimSuffix(s.origin, "/")) && !strings.HasPrefix(n, "data:") {
			s.t.Errorf("the page loaded %s, outside its origin %s", n, s.origin)
		}
	}
}

func (s *session) collectConsole() {
	// The browser starts on the first action; the console is read from the start.
	if err := chromedp.Do(s.ctx, chromedp.Navigate("about:blank")); err != nil {
		s.t.Fatal(err)
	}
	console := chromedp.Console(s.ctx)
	go func() {
		for m, err := range console {
			if err != nil {
				return
			}
			s.mu.Lock()
			s.messages = append(s.messages, m)
			s.mu.Unlock()
		}
	}()
}

// logged is how many console messages the page has written so far.
func (s *session) logged() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.messages)
}

// forgetRefusals drops, of the messages written since the first from, those that log a
// request negsim serve refused (status 400): for a what-if the engine refuses, that is
// the answer the page asked for.
func (s *session) forgetRefusals(from int) {
	s.t.Helper()
	// Messages come on their own: a line logged now is read after every one before it.
	const flush = "negsim-pagetest-flush"
	evalJS[any](s, `console.log("`+flush+`")`)
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		s.mu.Lock()
		seen := slices.ContainsFunc(s.messages[from:], func(m chromedp.ConsoleMessage) bool { return m.Text == flush })
		s.mu.Unlock()
		if seen {
			break
		}
		if time.Now().After(deadline) {
			s.t.Fatal("the console's flush never arrived: console messages are not being collected")
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	kept := s.messages[:from]
	for _, m := range s.messages[from:] {
		if !strings.Contains(m.Text, "status of 400") && m.Text != flush {
			kept = append(kept, m)
		}
	}
	s.messages = kept
}

// checkConsole fails on any error or warning the page wrote; a sentinel logged last shows
// that messages were being collected.
func (s *session) checkConsole() {
	s.t.Helper()
	const sentinel = "negsim-pagetest-end"
	evalJS[any](s, `console.log("`+sentinel+`")`)
	deadline := time.Now().Add(10 * time.Second)
	for {
		s.mu.Lock()
		seen := slices.ContainsFunc(s.messages, func(m chromedp.ConsoleMessage) bool { return m.Text == sentinel })
		msgs := slices.Clone(s.messages)
		s.mu.Unlock()
		if seen {
			for _, m := range msgs {
				if m.Type == chromedp.ConsoleError || m.Type == chromedp.ConsoleException || m.Type == chromedp.ConsoleWarning {
					s.t.Errorf("console %s", m)
				}
			}
			return
		}
		if time.Now().After(deadline) {
			s.t.Fatal("the console sentinel never arrived: console messages are not being collected")
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// InkedShare is the share of pixels that are not near-white, and how many distinct colours
// the image holds (counted up to 1000): a blank or one-colour screenshot scores low on both.
func InkedShare(img image.Image) (float64, int) {
	b := img.Bounds()
	inked, total := 0, 0
	colours := map[[3]uint32]bool{}
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			total++
			if r < 0xF000 || g < 0xF000 || bl < 0xF000 {
				inked++
			}
			if len(colours) < 1000 {
				colours[[3]uint32{r >> 8, g >> 8, bl >> 8}] = true
			}
		}
	}
	if total == 0 {
		return 0, 0
	}
	return float64(inked) / float64(total), len(colours)
}

// jobOfferText is the shipped teaching-two-party.yaml, read from the binary, not from a
// path that holds only from the package a test runs in.
func jobOfferText(t *testing.T) []byte {
	t.Helper()
	data, ok := scenarios.Read("teaching-two-party")
	if !ok {
		t.Fatal("no shipped teaching-two-party scenario")
	}
	return data
}

// jobOfferFile writes jobOfferText to teaching-two-party.yaml in a folder of the test's
// own, as a student saves a copy to open it on the page.
func jobOfferFile(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "teaching-two-party.yaml")
	if err := os.WriteFile(path, jobOfferText(t), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}
