package main

import (
	"fmt"
	"image/color"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/negsim/negsim/internal/scenariotest"
	"github.com/negsim/negsim/scenarios"
)

// Every actor of the reference scenario keeps a colour of its own in the charts: its four
// parties and four ratifiers are eight series.
// (The Security Council's fifteen members repeat colours; they are told apart by name.)
func TestChartColoursTellTheReferenceActorsApart(t *testing.T) {
	most := len(scenariotest.Shipped(t, scenarios.Default, "").Scenario.Actors)
	if most < 8 {
		t.Fatalf("the reference scenario has %d actors; its second edition has 8", most)
	}
	seen := map[color.RGBA]int{}
	for i := range most {
		r, g, b, a := seriesColor(i).RGBA()
		c := color.RGBA{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(b >> 8), A: uint8(a >> 8)}
		if j, ok := seen[c]; ok {
			t.Errorf("series %d and %d share the colour %v", j, i, c)
		}
		seen[c] = i
	}
}

// A chart printed in black and white, as a class hand-out is, tells the reference
// scenario's four parties apart by the shape of their points: four series, four shapes.
func TestChartShapesTellTheReferencePartiesApart(t *testing.T) {
	seen := map[reflect.Type]int{}
	for i := range 4 {
		shape := reflect.TypeOf(seriesGlyph(i))
		if j, ok := seen[shape]; ok {
			t.Errorf("series %d and %d share the shape %v", j, i, shape)
		}
		seen[shape] = i
	}
}

// An actor has one colour on the page and in what the command line draws: the charts'
// palette is the page's PALETTE (web/chart.js), colour for colour and in its order.
func TestChartColoursAreThePagesColours(t *testing.T) {
	js, err := os.ReadFile(filepath.Join("..", "..", "web", "chart.js"))
	if err != nil {
		t.Fatal(err)
	}
	line := regexp.MustCompile(`(?m)^export const PALETTE = \[(.*)\];$`).FindSubmatch(js)
	if line == nil {
		t.Fatal("web/chart.js declares no PALETTE on one line")
	}
	hexes := regexp.MustCompile(`"#([0-9A-Fa-f]{6})"`).FindAllSubmatch(line[1], -1)
	if len(hexes) != len(seriesColors) {
		t.Fatalf("the page has %d colours, the command line's charts %d", len(hexes), len(seriesColors))
	}
	for i, hex := range hexes {
		r, g, b, _ := seriesColor(i).RGBA()
		if got := fmt.Sprintf("%02X%02X%02X", r>>8, g>>8, b>>8); !strings.EqualFold(got, string(hex[1])) {
			t.Errorf("colour %d: the command line draws #%s, the page #%s", i, got, hex[1])
		}
	}
}

// Each colour of the charts stands out from their white as a line or mark must (WCAG
// 1.4.11: a contrast of 3:1 or more), and every two stay apart for a reader with normal
// vision and for one with protanopia, deuteranopia or tritanopia: at least 15 apart in
// CIELAB (ΔE*ab), each vision simulated as Machado, Oliveira and Fernandes (2009) give it
// at full severity. Okabe and Ito's orange (#E69F00) and sky blue (#56B4E9) reach 2.2:1
// and 2.3:1; their olive (#7F7F00) is 4.3 from the vermillion to a protanope.
func TestChartColoursStandOutAndStayApart(t *testing.T) {
	linear := func(c uint8) float64 {
		v := float64(c) / 255
		if v <= 0.04045 {
			return v / 12.92
		}
		return math.Pow((v+0.055)/1.055, 2.4)
	}
	rgb := func(c color.Color) [3]float64 {
		r, g, b, _ := c.RGBA()
		return [3]float64{linear(uint8(r >> 8)), linear(uint8(g >> 8)), linear(uint8(b >> 8))}
	}
	// WCAG 2's relative luminance and contrast ratio; white's luminance is 1.
	contrast := func(c color.Color) float64 {
		l := rgb(c)
		return 1.05 / (0.2126*l[0] + 0.7152*l[1] + 0.0722*l[2] + 0.05)
	}
	// CIELAB of linear sRGB, under D65.
	lab := func(l [3]float64) [3]float64 {
		for i := range l {
			l[i] = min(max(l[i], 0), 1)
		}
		f := func(t float64) float64 {
			if t > 216.0/24389 {
				return math.Cbrt(t)
			}
			return (24389.0/27*t + 16) / 116
		}
		x := f((0.4124*l[0] + 0.3576*l[1] + 0.1805*l[2]) / 0.95047)
		y := f(0.2126*l[0] + 0.7152*l[1] + 0.0722*l[2])
		z := f((0.0193*l[0] + 0.1192*l[1] + 0.9505*l[2]) / 1.08883)
		return [3]float64{116*y - 16, 500 * (x - y), 200 * (y - z)}
	}
	visions := []struct {
		name string
		m    [3][3]float64
	}{
		{"normal vision", [3][3]float64{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}},
		{"protanopia", [3][3]float64{{0.152286, 1.052583, -0.204868}, {0.114503, 0.786281, 0.099216}, {-0.003882, -0.048116, 1.051998}}},
		{"deuteranopia", [3][3]float64{{0.367322, 0.860646, -0.227968}, {0.280085, 0.672501, 0.047413}, {-0.011820, 0.042940, 0.968881}}},
		{"tritanopia", [3][3]float64{{1.255528, -0.076749, -0.178779}, {-0.078411, 0.930809, 0.147602}, {0.004733, 0.691367, 0.303900}}},
	}
	seen := func(c color.Color, m [3][3]float64) [3]float64 {
		l := rgb(c)
		var out [3]float64
		for i := range 3 {
			out[i] = m[i][0]*l[0] + m[i][1]*l[1] + m[i][2]*l[2]
		}
		return lab(out)
	}
	// The formula checked on a known value: #767676 is the palest grey with 4.5:1 on white.
	if c := contrast(color.Gray{Y: 0x76}); c < 4.5 || c > 4.6 {
		t.Fatalf("#767676 has a contrast of %.2f on white, want 4.54", c)
	}
	for i, c := range seriesColors {
		if r := contrast(c); r < 3 {
			t.Errorf("colour %d (%v) has a contrast of %.2f:1 on white, under 3:1", i, c, r)
		}
	}
	for _, v := range visions {
		for i := range seriesColors {
			for j := range i {
				a, b := seen(seriesColors[i], v.m), seen(seriesColors[j], v.m)
				if d := math.Hypot(math.Hypot(a[0]-b[0], a[1]-b[1]), a[2]-b[2]); d < 15 {
					t.Errorf("with %s colours %d (%v) and %d (%v) are %.1f apart, under 15", v.name, j, seriesColors[j], i, seriesColors[i], d)
				}
			}
		}
	}
}
