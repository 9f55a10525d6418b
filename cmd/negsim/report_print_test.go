package main

import (
	"math"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// A report is handed out on paper: each chart's smallest text must print at 8 pt or more
// when the chart is fitted to A4's printed width, printBox CSS pixels (703 px × 0.75 =
// 527.25 pt). The SVG's user units are points (its viewBox matches its width in pt), so
// the printed size of text set in n units is n × min(1, 527.25 / width). The rounds chart
// of sanctions-bite, at 912 pt wide, printed its 11-unit labels at 11 × 527.25 / 912 =
// 6.4 pt.
func TestReportChartsPrintLegibly(t *testing.T) {
	dir := t.TempDir()
	runOK(t, "report", "--variant", "sanctions-bite", "-o", dir+"/report.html")
	page, err := os.ReadFile(dir + "/report.html")
	if err != nil {
		t.Fatal(err)
	}
	charts := strings.Split(string(page), "<svg")[1:]
	if len(charts) != 2 {
		t.Fatalf("the report holds %d charts, want the rounds and the plane", len(charts))
	}
	width := regexp.MustCompile(`^[^>]*width="([0-9.]+)pt"`)
	font := regexp.MustCompile(`font-size:([0-9.]+)px`)
	printed := float64(printBox) * 0.75
	for i, svg := range charts {
		svg, _, _ = strings.Cut(svg, "</svg>")
		m := width.FindStringSubmatch(svg)
		if m == nil {
			t.Fatalf("chart %d has no width in points", i)
		}
		w, _ := strconv.ParseFloat(m[1], 64)
		smallest := math.Inf(1)
		for _, f := range font.FindAllStringSubmatch(svg, -1) {
			size, _ := strconv.ParseFloat(f[1], 64)
			smallest = min(smallest, size)
		}
		if got := smallest * min(1, printed/w); got < 8 {
			t.Errorf("chart %d is %.0f pt wide: its %.0f-unit text prints at %.1f pt on A4, under 8", i, w, smallest, got)
		}
	}
}

// A chart's text keeps the width it was laid out for, whatever font the browser draws it
// in. The SVG names Liberation Serif, whose widths placed every label; a computer without it
// (Android, a Linux without the Liberation fonts) drew the legend in a wider font, and the
// red-line report's key read "dashed: utility of the propo", cut at the chart's edge, as did
// the debrief's "a table's deal outside the ZC". Each text therefore states its width
// (textLength), and the browser fits its own font to it. By hand, from Times' widths, which
// Liberation Serif shares: the rounds chart's axis label "round" at 13 units is r + o + u +
// n + d = 0.333 + 4 × 0.5 = 2.333 em, 30.33 units.
func TestReportChartTextKeepsItsWidth(t *testing.T) {
	page := runOK(t, "report", "teaching-red-line", "--format", "html")
	svg, _, _ := strings.Cut(page[strings.Index(page, "<svg"):], "</svg>")
	width, _ := strconv.ParseFloat(regexp.MustCompile(`viewBox="0 0 ([0-9.]+) `).FindStringSubmatch(svg)[1], 64)
	texts := regexp.MustCompile(`<text([^>]*)>([^<]*)</text>`).FindAllStringSubmatch(svg, -1)
	if len(texts) < 10 {
		t.Fatalf("the rounds chart holds %d texts:\n%s", len(texts), svg)
	}
	attr := func(tag, name string) (float64, bool) {
		m := regexp.MustCompile(`\s` + name + `="([-0-9.]+)"`).FindStringSubmatch(tag)
		if m == nil {
			return 0, false
		}
		v, err := strconv.ParseFloat(m[1], 64)
		return v, err == nil
	}
	sawKey, sawRound := false, false
	for _, m := range texts {
		tag, text := m[1], m[2]
		w, ok := attr(tag, "textLength")
		if !ok || !strings.Contains(tag, `lengthAdjust="spacingAndGlyphs"`) {
			t.Errorf("the text %q states no width to fit its glyphs to: %s", text, tag)
			continue
		}
		x, _ := attr(tag, "x")
		if text == "dashed: utility of the proposal" {
			sawKey = true
			if x+w > width {
				t.Errorf("the key %q runs from %.2f to %.2f, past the chart's edge at %.2f", text, x, x+w, width)
			}
		}
		if text == "round" {
			sawRound = true
			if math.Abs(w-30.33) > 0.01 {
				t.Errorf("\"round\" at 13 units states a width of %.3f; want 30.33", w)
			}
		}
	}
	if !sawKey || !sawRound {
		t.Errorf("found the key's dashed line: %v, the axis label round: %v", sawKey, sawRound)
	}
}
