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
