package main

import (
	"bytes"
	"image/png"
	"net/url"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/negsim/negsim/internal/pagetest"
)

// The HTML report is one page that a browser renders offline: it loads nothing, its charts
// draw with a size, nothing is written to the console, and a screenshot of a chart is not
// blank.
func TestHTMLReportRendersInChromium(t *testing.T) {
	if pagetest.Chromium() == "" {
		t.Skip("no Chromium found (chromium, chromium-browser, google-chrome): install Debian's chromium package (apt-get install -y chromium) to run this test")
	}
	abs := reportPage(t)
	ctx, tab := pagetest.Tab(t, 1200, 900, 90*time.Second)

	// Collect every console message from before the page loads; a sentinel logged at the
	// end shows the collection works and that everything before it has arrived.
	const sentinel = "negsim-test-console-end"
	var mu sync.Mutex
	var messages []chromedp.ConsoleMessage
	sawSentinel := make(chan struct{})
	console := chromedp.Console(tab)
	go func() {
		for m, err := range console {
			if err != nil {
				return
			}
			if m.Text == sentinel {
				close(sawSentinel)
				return
			}
			mu.Lock()
			messages = append(messages, m)
			mu.Unlock()
		}
	}()

	fileURL := (&url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}).String()
	if err := chromedp.Do(tab, chromedp.Navigate(fileURL), chromedp.WaitVisible(chromedp.CSS("figure"))); err != nil {
		t.Fatalf("loading %s: %v", fileURL, err)
	}
	type svgBox struct {
		Width    float64 `json:"width"`
		Height   float64 `json:"height"`
		Elements int     `json:"elements"`
	}
	type pageFacts struct {
		Title     string   `json:"title"`
		Figures   []svgBox `json:"figures"`
		Resources int      `json:"resources"`
		Tables    int      `json:"tables"`
	}
	facts, err := chromedp.Run(tab, chromedp.Evaluate[pageFacts](`({
		title: document.title,
		figures: [...document.querySelectorAll("figure svg")].map(s => {
			const r = s.getBoundingClientRect();
			return {width: r.width, height: r.height, elements: s.querySelectorAll("path, text").length};
		}),
		resources: performance.getEntriesByType("resource").length,
		tables: document.querySelectorAll("table").length,
	})`))
	if err != nil {
		t.Fatal(err)
	}
	if facts.Title == "" || facts.Tables < 5 {
		t.Errorf("title %q, %d tables: the page did not render as a report", facts.Title, facts.Tables)
	}
	if facts.Resources != 0 {
		t.Errorf("the page loaded %d resources; a self-contained report loads none", facts.Resources)
	}
	if len(facts.Figures) != 2 {
		t.Fatalf("%d charts, want the rounds and the utility plane", len(facts.Figures))
	}
	for i, f := range facts.Figures {
		if f.Width < 300 || f.Height < 200 || f.Elements < 20 {
			t.Errorf("chart %d renders %gx%g px with %d drawn elements", i+1, f.Width, f.Height, f.Elements)
		}
	}

	shot, err := chromedp.Run(tab, chromedp.Screenshot(chromedp.CSS("figure svg")))
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(shot))
	if err != nil {
		t.Fatal(err)
	}
	inked, colours := pagetest.InkedShare(img)
	if inked < 0.01 || colours < 6 {
		t.Errorf("the chart's screenshot looks blank: %.2f%% of pixels inked, %d colours", 100*inked, colours)
	}
	full, err := chromedp.Run(tab, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.ArtifactDir()
	os.WriteFile(filepath.Join(dir, "report-chart.png"), shot, 0o644)
	os.WriteFile(filepath.Join(dir, "report-page.png"), full, 0o644)

	if _, err := chromedp.Run(tab, chromedp.Evaluate[any](`console.log("`+sentinel+`")`)); err != nil {
		t.Fatal(err)
	}
	select {
	case <-sawSentinel:
	case <-ctx.Done():
		t.Fatal("the console sentinel never arrived: console messages are not being collected")
	}
	mu.Lock()
	defer mu.Unlock()
	for _, m := range messages {
		if m.Type == chromedp.ConsoleError || m.Type == chromedp.ConsoleException || m.Type == chromedp.ConsoleWarning {
			t.Errorf("console %s", m)
		}
	}
}

// reportPage writes the report of the reference scenario under sanctions-bite as HTML and
// returns its absolute path.
func reportPage(t *testing.T) string {
	t.Helper()
	page := filepath.Join(t.TempDir(), "report.html")
	if _, errOut, code := runNegsim(t, "report", "--variant", "sanctions-bite", "-o", page); code != 0 {
		t.Fatalf("report: exit %d: %s", code, errOut)
	}
	abs, err := filepath.Abs(page)
	if err != nil {
		t.Fatal(err)
	}
	return abs
}

// The HTML report prints whole on A4 (and so on the wider Letter): laid out for print at
// A4's width less the 12 mm margins, 186 mm or about 703 CSS pixels, no table is wider
// than its box, so nothing is cut off at the page's edge. Before, the deal table scrolled
// inside its box and printed cut off.
func TestHTMLReportPrintsWholeOnA4(t *testing.T) {
	if pagetest.Chromium() == "" {
		t.Skip("no Chromium found: install Debian's chromium package (apt-get install -y chromium) to run this test")
	}
	abs := reportPage(t)
	_, tab := pagetest.Tab(t, 703, 1000, 90*time.Second)
	fileURL := (&url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}).String()
	if err := chromedp.Do(tab, chromedp.Navigate(fileURL), chromedp.WaitVisible(chromedp.CSS("table"))); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(tab, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
		t.Fatal(err)
	}
	type box struct {
		Scroll int    `json:"scroll"`
		Client int    `json:"client"`
		First  string `json:"first"`
	}
	type facts struct {
		Boxes []box `json:"boxes"`
		Page  int   `json:"page"`
		View  int   `json:"view"`
	}
	got, err := chromedp.Run(tab, chromedp.Evaluate[facts](`({
		boxes: [...document.querySelectorAll(".wide")].map(d => ({scroll: d.scrollWidth, client: d.clientWidth, first: d.querySelector("th").textContent})),
		page: document.documentElement.scrollWidth,
		view: document.documentElement.clientWidth,
	})`))
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Boxes) < 5 {
		t.Fatalf("%d tables; want the report's", len(got.Boxes))
	}
	for _, b := range got.Boxes {
		if b.Scroll > b.Client+1 {
			t.Errorf("the table headed %q is %d px wide in a %d px box: printed, it is cut off", b.First, b.Scroll, b.Client)
		}
	}
	if got.Page > got.View+1 {
		t.Errorf("the page is %d px wide in a %d px window", got.Page, got.View)
	}
}
