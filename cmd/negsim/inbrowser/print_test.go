package inbrowser

import (
	"context"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/negsim/negsim/internal/pagetest"
)

// printNegsimPage writes the HTML document negsim writes for args, opens it as a reader
// does, a file in a window as wide as A4's printed box, and returns its printed pages on
// each paper, Letter then A4.
func printNegsimPage(t *testing.T, name string, args ...string) [][]string {
	t.Helper()
	file := filepath.Join(t.TempDir(), name+".html")
	if _, errOut, code := runNegsim(t, append(args, "-o", file)...); code != exitOK {
		t.Fatalf("negsim %s: exit %d: %s", strings.Join(args, " "), code, errOut)
	}
	tab := openToPrint(t, file)
	var out [][]string
	for _, paper := range []pagetest.Paper{pagetest.Letter, pagetest.A4} {
		out = append(out, pagetest.PrintedPages(t, tab, name, paper))
	}
	return out
}

// openToPrint opens the HTML file as a reader does, a file in a window as wide as A4's
// printed box.
func openToPrint(t *testing.T, file string) context.Context {
	t.Helper()
	abs, err := filepath.Abs(file)
	if err != nil {
		t.Fatal(err)
	}
	tab := pagetest.Tab(t, pagetest.A4Width, 1000, 90*time.Second)
	fileURL := (&url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}).String()
	if err := chromedp.Do(tab, chromedp.Navigate(fileURL), chromedp.WaitVisible(chromedp.CSS("h1"))); err != nil {
		t.Fatal(err)
	}
	return tab
}

// pageOf is the number, from 1, of the first printed page holding a line that matches re,
// or 0.
func pageOf(pages []string, re *regexp.Regexp) int {
	for i, p := range pages {
		for _, line := range strings.Split(p, "\n") {
			if re.MatchString(line) {
				return i + 1
			}
		}
	}
	return 0
}

// Printed, a debrief's chart stays with its heading and the paragraph that reads it. The
// fish-stock class (five tables, C and D outside the zone, E with no deal) fills page 1
// with its tables and notes; before, the "Chart" heading and its paragraph ended page 1,
// on Letter and on A4, and the chart stood alone on page 2.
func TestDebriefChartPrintsWithItsHeading(t *testing.T) {
	pagetest.RequireChromium(t)
	deals := filepath.Join(t.TempDir(), "t.csv")
	if err := os.WriteFile(deals, []byte("table,quota\nA,q3\nB,q5\nC,q1\nD,q6\nE,\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	printed := printNegsimPage(t, "debrief-tied-hands", "debrief", "teaching-tied-hands", "--deals", deals)
	parts := []struct {
		what string
		re   *regexp.Regexp
	}{
		{"the heading", regexp.MustCompile(`^\s*Chart\s*$`)},
		{"the paragraph", regexp.MustCompile(`^\s*Points for the two actors on the axes\.`)},
		{"the chart's legend", regexp.MustCompile(`Pareto frontier of the ZOPA`)},
		{"the chart's caption", regexp.MustCompile(`^\s*Every table's deal against the Pareto frontier`)},
	}
	for i, pages := range printed {
		paper := []string{"Letter", "A4"}[i]
		var at []int
		for _, p := range parts {
			at = append(at, pageOf(pages, p.re))
			if at[len(at)-1] == 0 {
				t.Fatalf("%s: %s is on no printed page", paper, p.what)
			}
		}
		if slices.Min(at) != slices.Max(at) {
			t.Errorf("%s: the heading, paragraph, legend and caption of the chart print on pages %v; want one page", paper, at)
		}
	}
}

// Printed, the report's rounds table keeps each round whole. The table of sanctions-bite's
// eight rounds (0 to 7) is too wide for the page, so it is printed a round a column, in two
// tables of four rounds; each row of such a table holds a piece of every round (an actor's
// values, the proposal, who accepted it, the ZOPA). Before, the table of rounds 4 to 7, 14
// rows with its heading, broke between its proposal and its "by", "accepted by" and ZOPA
// rows: its heading row, which a table repeats atop each page it runs onto, printed on
// pages 25 and 26 of Letter and on pages 24 and 25 of A4.
func TestReportRoundsPrintWhole(t *testing.T) {
	pagetest.RequireChromium(t)
	printed := printNegsimPage(t, "report-sanctions-bite", "report", "--variant", "sanctions-bite")
	header := regexp.MustCompile(`^\s*round((?:\s+\d+)+)\s*$`)
	zopa := regexp.MustCompile(`^\s*ZOPA\s+[0-9,]+`)
	for i, pages := range printed {
		paper := []string{"Letter", "A4"}[i]
		// The pages each table's heading row prints on, by its rounds; and the ZOPA rows.
		on := map[string][]int{}
		var order []string
		zopas := map[int]int{}
		for p, text := range pages {
			for _, line := range strings.Split(text, "\n") {
				if m := header.FindStringSubmatch(line); m != nil {
					rounds := strings.Join(strings.Fields(m[1]), " ")
					if on[rounds] == nil {
						order = append(order, rounds)
					}
					on[rounds] = append(on[rounds], p+1)
				}
				if zopa.MatchString(line) {
					zopas[p+1]++
				}
			}
		}
		if got := strings.Join(order, " "); got != "0 1 2 3 4 5 6 7" {
			t.Fatalf("%s: the rounds tables are headed %q; want every round 0 to 7 once", paper, order)
		}
		for _, rounds := range order {
			if len(on[rounds]) != 1 {
				t.Errorf("%s: the table of rounds %s prints its heading on pages %v: it is split across them", paper, rounds, on[rounds])
			} else if zopas[on[rounds][0]] == 0 {
				t.Errorf("%s: the table of rounds %s prints on page %d without its ZOPA row", paper, rounds, on[rounds][0])
			}
		}
	}
}

// Printed, a heading stays with every line that leads into its table, and the table. The
// Harborco report's "Rounds" has two such lines: before, the heading and the first line
// ended page 6 and the second line and the table began page 7 (A4), since only the line
// just before a table was kept with it.
func TestReportKeepsAHeadingWithItsTable(t *testing.T) {
	pagetest.RequireChromium(t)
	printed := printNegsimPage(t, "report-harborco", "report", "teaching-harborco-quota")
	parts := []struct {
		what string
		re   *regexp.Regexp
	}{
		{"the heading", regexp.MustCompile(`^\s*Rounds\s*$`)},
		{"the first line", regexp.MustCompile(`^\s*Per actor: reservation / aspiration / utility`)},
		{"the second line", regexp.MustCompile(`^\s*Talks are ripe from round 0`)},
		{"the table's heading row", regexp.MustCompile(`^\s*round\s+harborco\s+environmentalists`)},
	}
	for i, pages := range printed {
		paper := []string{"Letter", "A4"}[i]
		var at []int
		for _, p := range parts {
			if at = append(at, pageOf(pages, p.re)); at[len(at)-1] == 0 {
				t.Fatalf("%s: %s is on no printed page", paper, p.what)
			}
		}
		if slices.Min(at) != slices.Max(at) {
			t.Errorf("%s: the heading, its two lines and the rounds table print on pages %v; want one page", paper, at)
		}
	}
}

// Printed, the deal sheet keeps each part's line with the table it leads into. Under
// sanctions-bite the sheet is the deal (13 rows), the signatures (4) and the votes at home
// (4): on Letter the heading "Ratification at home" and its line ended page 1 and the
// ratifiers' table began page 2, to be filled in apart from what it asks.
func TestDealSheetPrintsEachPartWithItsTable(t *testing.T) {
	pagetest.RequireChromium(t)
	dir := t.TempDir()
	if _, errOut, code := runNegsim(t, "brief", "--variant", "sanctions-bite", "--all", "--format", "html", "-o", dir); code != exitOK {
		t.Fatalf("negsim brief --all: exit %d: %s", code, errOut)
	}
	tab := openToPrint(t, filepath.Join(dir, "deal-sheet.html"))
	parts := []struct {
		what string
		re   *regexp.Regexp
	}{
		{"the heading", regexp.MustCompile(`^\s*Ratification at home\s*$`)},
		{"its line", regexp.MustCompile(`^\s*A signed deal goes home to be ratified`)},
		{"the first ratifier", regexp.MustCompile(`^\s*Ukraine's parliament \(the Rada\)\s+Ukraine\s+100\s+☐ yes`)},
		{"the last ratifier", regexp.MustCompile(`^\s*Russia's hardliners\s+Russia\s+1\s+☐ yes`)},
	}
	for _, paper := range []pagetest.Paper{pagetest.Letter, pagetest.A4} {
		pages := pagetest.PrintedPages(t, tab, "deal-sheet", paper)
		var at []int
		for _, p := range parts {
			if at = append(at, pageOf(pages, p.re)); at[len(at)-1] == 0 {
				t.Fatalf("%s: %s is on no printed page", paper.Name, p.what)
			}
		}
		if slices.Min(at) != slices.Max(at) {
			t.Errorf("%s: the heading, line and ratifiers of Ratification at home print on pages %v; want one page", paper.Name, at)
		}
	}
}

// Printed, the deal sheet leaves each party room to sign: at the tables' 8 pt the
// signature was a line of underscores in a row about 4 mm high. Each party's cell must be at
// least 8 mm high and 5 cm wide (a signature on paper), and hold no underscores, which
// the cell's own borders replace.
func TestDealSheetLeavesRoomToSign(t *testing.T) {
	pagetest.RequireChromium(t)
	dir := t.TempDir()
	if _, errOut, code := runNegsim(t, "brief", "--all", "--format", "html", "-o", dir); code != exitOK {
		t.Fatalf("negsim brief --all: exit %d: %s", code, errOut)
	}
	tab := openToPrint(t, filepath.Join(dir, "deal-sheet.html"))
	if _, err := chromedp.Call(tab, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
		t.Fatal(err)
	}
	const rows = `[...[...document.querySelectorAll("h2")].find((h) => h.textContent === "Signatures").closest("section").querySelectorAll("tbody tr")]`
	cells, err := chromedp.Run(tab, chromedp.Evaluate[[][]float64](rows+`.map((tr) => { const r = tr.lastElementChild.getBoundingClientRect(); return [r.height, r.width]; })`))
	if err != nil {
		t.Fatal(err)
	}
	texts, err := chromedp.Run(tab, chromedp.Evaluate[[]string](rows+`.map((tr) => tr.lastElementChild.textContent)`))
	if err != nil {
		t.Fatal(err)
	}
	// The reference scenario's four parties: Ukraine, Russia, the United States, Europe.
	if len(cells) != 4 {
		t.Fatalf("the signatures table has %d rows, want the 4 parties", len(cells))
	}
	const mm = 96 / 25.4
	for i, c := range cells {
		if c[0] < 8*mm || c[1] < 50*mm {
			t.Errorf("party %d signs in a cell %.1f mm high and %.1f mm wide, want at least 8 mm by 50 mm", i+1, c[0]/mm, c[1]/mm)
		}
		if strings.Contains(texts[i], "_") {
			t.Errorf("party %d's signature cell holds %q", i+1, texts[i])
		}
	}
}
