package main

import (
	"fmt"
	"image/color"
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
