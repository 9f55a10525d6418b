package main

import (
	"image/color"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// An SVG chart pins each text to the width it was laid out with, and the reader's fonts
// draw a Chinese character 1 em wide. Liberation, the charts' font, has none and measured
// each as its empty box, 28/3 px at 12 px: the legend's "买家" was pinned to 18.67 px where
// Chinese fonts draw 2 × 12 = 24, squeezing it by a fifth. An Arabic letter, which
// Liberation lacks too, is taken at 0.6 em, the page's charts' width for a letter: "سوق",
// 3 × 0.6 × 12 = 21.6 px. Hebrew, which Liberation sets, keeps Liberation's width: 17.99 px
// (as the chart before measured it). The title, centred, stays centred on the panel: its
// middle is where the middle of the Latin title is.
func TestSVGChartGivesLettersItsFontLacksTheirWidth(t *testing.T) {
	svg := filepath.Join(t.TempDir(), "rounds.svg")
	texts := regexp.MustCompile(`<text textLength="([0-9.]+)" lengthAdjust="spacingAndGlyphs" x="(-?[0-9.]+)"[^>]*>([^<]*)</text>`)
	draw := func(name, buyer string) map[string][2]float64 {
		t.Helper()
		runOK(t, "rounds", "testdata/rounds-market.yaml", "--set", "name="+name, "--set", "actors.buyer.name="+buyer, "--chart", svg)
		data, err := os.ReadFile(svg)
		if err != nil {
			t.Fatal(err)
		}
		got := map[string][2]float64{}
		for _, m := range texts.FindAllStringSubmatch(string(data), -1) {
			width, _ := strconv.ParseFloat(m[1], 64)
			x, _ := strconv.ParseFloat(m[2], 64)
			got[m[3]] = [2]float64{x, width}
		}
		return got
	}
	title := func(name, buyer string) string {
		return name + " (--set name=" + name + ", --set actors.buyer.name=" + buyer + "): bargaining rounds"
	}
	latin, ok := draw("Market", "Buyer")[title("Market", "Buyer")]
	if !ok {
		t.Fatal("no title found in the Latin chart")
	}
	middle := latin[0] + latin[1]/2
	for _, c := range []struct {
		buyer string
		width float64
	}{{"买家", 24}, {"سوق", 21.6}, {"שוק", 17.99}} {
		name := "市场"
		got := draw(name, c.buyer)
		if w := got[c.buyer][1]; math.Abs(w-c.width) > 0.01 {
			t.Errorf("the legend's %q is pinned to %.2f px, want %.2f", c.buyer, w, c.width)
		}
		heading, ok := got[title(name, c.buyer)]
		if !ok {
			t.Fatalf("%s: no title found in the chart", name)
		}
		if m := heading[0] + heading[1]/2; math.Abs(m-middle) > 0.01 {
			t.Errorf("the title naming %q is centred at %.2f, the Latin one at %.2f", name, m, middle)
		}
	}
}

// The handler aligns a centred text by the width it measured, on a rotated canvas too (an
// axis label up the side): "乌克兰" at 12 px is 36 wide, so centred at (100, 200) and
// turned a quarter, its line starts 18 before 200 along the turned x axis, where the
// turned canvas's x is the point's y.
func TestChartTextCentresByItsOwnWidth(t *testing.T) {
	sty := text.Style{Color: color.Black, Font: font.From(plot.DefaultFont, vg.Points(12)), XAlign: draw.XCenter, Rotation: math.Pi / 2, Handler: plot.DefaultTextHandler}
	if w := sty.Width("乌克兰"); math.Abs(w.Points()-36) > 1e-9 {
		t.Fatalf("measured %v, want 36", w.Points())
	}
	var c lineRecorder
	sty.Handler.Draw(&c, "乌克兰", sty, vg.Point{X: 100, Y: 200})
	if len(c.starts) != 1 || math.Abs(c.starts[0].Points()-(200-18)) > 1e-9 {
		t.Errorf("the line starts at x %v of the turned canvas, want %v", c.starts, 200-18)
	}
}

// lineRecorder records where each line of a text starts, along its turned x axis.
type lineRecorder struct {
	vg.Canvas
	starts []vg.Length
}

func (r *lineRecorder) SetColor(color.Color) {}
func (r *lineRecorder) Push()                {}
func (r *lineRecorder) Pop()                 {}
func (r *lineRecorder) Rotate(float64)       {}
func (r *lineRecorder) FillString(_ font.Face, pt vg.Point, _ string) {
	r.starts = append(r.starts, pt.X)
}
