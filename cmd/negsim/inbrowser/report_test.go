package inbrowser

import (
	"bytes"
	"context"
	"image/png"
	"net/url"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/negsim/negsim/internal/pagetest"
)

// The HTML report is one page that a browser renders offline: it loads nothing, its charts
// draw with a size, nothing is written to the console, and a screenshot of a chart is not
// blank.
func TestHTMLReportRendersInChromium(t *testing.T) {
	pagetest.RequireChromium(t)
	abs := reportPage(t)
	tab := pagetest.Tab(t, 1200, 900, 90*time.Second)

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
	case <-tab.Done():
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

// reportPage writes the report of the reference scenario under sanctions-bite (or of the
// scenario the arguments name) as HTML and returns its absolute path.
func reportPage(t *testing.T, scenario ...string) string {
	t.Helper()
	page := filepath.Join(t.TempDir(), "report.html")
	if scenario == nil {
		scenario = []string{"--variant", "sanctions-bite"}
	}
	if _, errOut, code := runNegsim(t, append(append([]string{"report"}, scenario...), "-o", page)...); code != 0 {
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
// inside its box and printed cut off. The reference scenario's deal table has 25 columns
// (12 issues, 8 actors, the Nash product, Pareto and two ratifications) and is printed a
// deal a column, five deals a table; the Security Council's fifteen members make its tables
// the widest of the teaching files.
//
// No heading breaks inside a word: a line of a heading ends only at a space or after the
// hyphen or underscore of an id. Before, headings broke anywhere to let a table fit
// ("reservat" over "ion", "ro" over "und"): the Harborco rounds table, whose twelve columns
// just fit, had "environmenta" over "lists r / a / u", and every record of the Security
// Council's rounds split "electe" from "d-1".
func TestHTMLReportPrintsWholeOnA4(t *testing.T) {
	pagetest.RequireChromium(t)
	for _, c := range []struct {
		name     string
		scenario []string
		records  bool
	}{
		{"ukraine-2026#sanctions-bite", nil, true},
		{"teaching-security-council", []string{"teaching-security-council"}, false},
		{"teaching-harborco-quota", []string{"teaching-harborco-quota"}, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			abs := reportPage(t, c.scenario...)
			tab := pagetest.Tab(t, pagetest.A4Width, 1000, 90*time.Second)
			fileURL := (&url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}).String()
			if err := chromedp.Do(tab, chromedp.Navigate(fileURL), chromedp.WaitVisible(chromedp.CSS("table"))); err != nil {
				t.Fatal(err)
			}
			checkPrintsWhole(t, tab, ".wide", 5, "the report's tables")
			deals, err := chromedp.Run(tab, chromedp.Evaluate[[]string](`[...document.querySelectorAll("section")].filter(s => s.querySelector("h3")?.textContent.startsWith("ZOPA deals")).flatMap(s => [...s.querySelectorAll("table.transposed thead th")].map(th => th.textContent)).filter(h => h !== "#")`))
			if err != nil {
				t.Fatal(err)
			}
			// The report lists ten deals, a column each, in two tables of five.
			if c.records && (len(deals) != 10 || deals[0] != "1" || deals[9] != "10") {
				t.Errorf("the deal tables' columns are headed %q; want 1 to 10", deals)
			}
		})
	}
}

// checkPrintsWhole prints the page in tab as Chromium would on paper and fails the test for
// every box matching selector cut at the paper's edge; at least min such boxes (what they
// are) must be there to measure.
func checkPrintsWhole(t *testing.T, tab context.Context, selector string, min int, what string) {
	t.Helper()
	layout, err := pagetest.MeasurePrint(tab, selector)
	if err != nil {
		t.Fatal(err)
	}
	if len(layout.Boxes) < min {
		t.Fatalf("measured %d boxes %s; want %s, at least %d", len(layout.Boxes), selector, what, min)
	}
	for _, p := range layout.Problems() {
		t.Error(p)
	}
}

// A handout names right-to-left names in their place in its English sentences, and leaves
// a sentence written in Hebrew in its own order. The deal sheet lists the parties whose
// signature a deal needs: with Ukraine and Russia named in Hebrew, the sentence reads "the
// signature of אוקראינה, רוסיה, United States and ...", and the names must stand left to
// right in the order written, the comma after the first. Before, the two Hebrew names and
// the comma between them were one right-to-left run: רוסיה stood left of אוקראינה, the comma
// left of both. The public brief's situation, written in Hebrew, "שלום לכם, זה תרחיש
// לדוגמה", reads from the right: its first clause stands right of its second. Set apart
// clause by clause, as names are, the first stood at the left.
func TestHTMLKeepsRightToLeftNamesInTheirPlace(t *testing.T) {
	pagetest.RequireChromium(t)
	dir := filepath.Join(t.TempDir(), "briefs")
	if _, errOut, code := runNegsim(t, "brief", "--set", "actors.ukraine.name=אוקראינה", "--set", "actors.russia.name=רוסיה",
		"--set", "description=שלום לכם, זה תרחיש לדוגמה.", "--all", "-o", dir, "--format", "html"); code != 0 {
		t.Fatalf("brief: exit %d: %s", code, errOut)
	}
	tab := pagetest.Tab(t, 1600, 900, 60*time.Second)
	lefts := func(file string, words []string) []float64 {
		t.Helper()
		abs, err := filepath.Abs(filepath.Join(dir, file))
		if err != nil {
			t.Fatal(err)
		}
		fileURL := (&url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}).String()
		if err := chromedp.Do(tab, chromedp.Navigate(fileURL)); err != nil {
			t.Fatalf("loading %s: %v", fileURL, err)
		}
		lefts, err := pagetest.WordLefts(tab, "p", words)
		if err != nil {
			t.Fatal(err)
		}
		return lefts
	}
	names := []string{"אוקראינה", ",", "רוסיה", "United States"}
	pagetest.CheckWordOrder(t, "the deal sheet", names, lefts("deal-sheet.html", names), false)
	clauses := []string{"שלום לכם", "זה תרחיש"}
	pagetest.CheckWordOrder(t, "the public brief's situation", clauses, lefts("public.html", clauses), true)
}
