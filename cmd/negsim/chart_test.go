package main

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"image/color"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/negsim/negsim/internal/scenariotest"
	"github.com/negsim/negsim/scenarios"
	"github.com/negsim/negsim/sim"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Charts a class can read on a projector. What the eye checks on the rendered PNGs, these
// tests pin down in the chart's data: every legend stands beside the panels, never over
// the data; thresholds and events are tagged on the chart and explained in the legend;
// the rounds chart draws each reservation; axes are labelled alike.

// The market of testdata/rounds-market.yaml, the buyer a Conceder: the seller's
// reservation falls 0.1 a round from 0.7; at round 4 it falls to 0.3 and the event adds
// 0.3, so 0.6; then 0.5 at round 5, where they agree (the README's transcript).
func TestRoundsChartDrawsReservationsAndTagsEvents(t *testing.T) {
	tr := runJSON[*sim.Transcript](t, "rounds", "testdata/rounds-market.yaml", "--set", "actors.buyer.strategy=conceder")
	top, zopa := roundsPanels("Market", nil, tr)
	var seller []float64
	for _, l := range top.lines {
		if l.dotted && l.color == 1 {
			seller = l.ys
		}
	}
	want := []float64{0.7, 0.6, 0.5, 0.4, 0.6, 0.5}
	if len(seller) != len(want) {
		t.Fatalf("the seller's reservation line has %d points; want %d", len(seller), len(want))
	}
	for i := range want {
		if d := seller[i] - want[i]; d > 1e-9 || d < -1e-9 {
			t.Errorf("round %d: reservation drawn at %g; want %g", i, seller[i], want[i])
		}
	}
	if len(top.marks) != 2 || top.marks[0].tag != "E1" || !strings.HasPrefix(top.marks[0].note, "E1, round 4: A rival offer") ||
		top.marks[1].tag != "deal" || top.marks[1].note != "deal: agreement in round 5" {
		t.Errorf("marks %+v; want E1 at round 4 and the deal at round 5, each explained in the legend", top.marks)
	}
	if len(zopa.marks) != 1 || zopa.marks[0].tag != "E1" {
		t.Errorf("ZOPA panel marks %+v; want E1", zopa.marks)
	}
	for _, pn := range []panel{top, zopa} {
		p, _, err := pn.plot()
		if err != nil {
			t.Fatal(err)
		}
		if r := p.Legend.Rectangle(draw.Canvas{}); r.Max.X != r.Min.X {
			t.Error("a legend is drawn inside the plot, over the data")
		}
	}
}

// The sweep's threshold is tagged where it lies, and both panels read from 0.
func TestSweepChartLabelsThresholds(t *testing.T) {
	sw := &sim.Sweep{Path: "actors.x.reservation", Veto: []string{"x"},
		Points:     []sim.SweepPoint{{Value: 0.5, ZOPA: 3, Surplus: map[string]float64{"x": 0.1}}, {Value: 0.7, ZOPA: 0}},
		Thresholds: []sim.Threshold{{Kind: "closes", At: 0.6}}}
	size, surplus := sweepPanels(sw, "S")
	if len(size.marks) != 1 || size.marks[0].tag != "closes at 0.6" || !size.zeroY || !surplus.zeroY {
		t.Errorf("size marks %+v, zeroY %v %v; want the threshold tagged 'closes at 0.6' and both panels from 0", size.marks, size.zeroY, surplus.zeroY)
	}
	p, _, err := surplus.plot()
	if err != nil {
		t.Fatal(err)
	}
	if p.Y.Min != 0 {
		t.Errorf("the surplus axis starts at %g; want 0", p.Y.Min)
	}
}

// Tick labels read alike on both axes: "25" and "40", never "25.00" beside "40".
func TestTickLabelsArePlain(t *testing.T) {
	for _, r := range [][2]float64{{20, 80}, {25, 75}, {0, 0.35}, {0.5, 0.7}} {
		for _, tk := range (plainTicks{inner: plot.DefaultTicks{}, top: r[1]}).Ticks(r[0], r[1]) {
			if tk.Label == "" {
				continue
			}
			if strings.Contains(tk.Label, ".") && strings.HasSuffix(tk.Label, "0") {
				t.Errorf("range %v: tick label %q has trailing zeros", r, tk.Label)
			}
			if v, err := strconv.ParseFloat(tk.Label, 64); err != nil || v-tk.Value > 1e-9 || tk.Value-v > 1e-9 {
				t.Errorf("range %v: tick at %g labelled %q", r, tk.Value, tk.Label)
			}
		}
	}
}

// Legends stand in a strip to the right of the panels: the chart grows by the strip, and
// the legend's text is drawn right of every panel.
func TestChartLegendBesidePanels(t *testing.T) {
	pn := panel{title: "t", legend: true, lines: []chartLine{{label: "a long legend entry for the test", xs: []float64{0, 1}, ys: []float64{0, 1}}}}
	var svg bytes.Buffer
	if err := writeChart(&svg, "svg", 4*vg.Inch, 3*vg.Inch, pn); err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`<svg[^>]*width="([0-9.]+)pt"`).FindStringSubmatch(svg.String())
	if m == nil {
		t.Fatalf("no width in %.200s", svg.String())
	}
	if w, _ := strconv.ParseFloat(m[1], 64); w <= 4*72+10 {
		t.Errorf("the chart is %gpt wide; want the 288pt of its panels and a legend strip beside them", w)
	}
}

// Two tables that reached the same deal share one label, and the Nash solution is a ring
// drawn last, so neither hides the other.
func TestDebriefChartMergesCoincidentTables(t *testing.T) {
	deals := writeTemp(t, "class.csv", "table,b,a\nsouth,b0,a0\nannex,b0,a0\nnorth,b1,a2\n")
	page := t.TempDir() + "/d.html"
	if _, errOut, code := runNegsim(t, "debrief", "testdata/two-by-two.yaml", "--deals", deals, "-o", page); code != 0 {
		t.Fatal(errOut)
	}
	data, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), "south, annex") {
		t.Error("south and annex reached the same deal, yet their labels are apart")
	}
}

// A title wider than its panel is wrapped between words, every line within the width,
// nothing lost; a short one and a lone word too long to break are left as they are.
func TestChartTitleWrapsToThePanel(t *testing.T) {
	style := plot.New().Title.TextStyle
	style.Font.Size = vg.Points(titleSize)
	long := "Ukraine–Russia–US talks, February 2026 (--set actors.russia.reservation_drift=-0.02): bargaining rounds"
	width := style.Width(long) / 2
	got := wrapText(style, long, width)
	lines := strings.Split(got, "\n")
	if len(lines) < 2 {
		t.Fatalf("a title twice the width stayed on one line: %q", got)
	}
	for _, l := range lines {
		if style.Width(l) > width {
			t.Errorf("line %q is %v wide, more than %v", l, style.Width(l), width)
		}
	}
	if strings.Join(strings.Fields(got), " ") != long {
		t.Errorf("wrapping changed the words: %q", got)
	}
	if short := "Market: bargaining rounds"; wrapText(style, short, width) != short {
		t.Errorf("a title that fits was changed: %q", wrapText(style, short, width))
	}
	if word := strings.Repeat("x", 200); wrapText(style, word, width) != word {
		t.Errorf("a single word wider than the panel was split")
	}
	if two := "first line\nsecond"; wrapText(style, two, width) != two {
		t.Errorf("a title already on two lines was joined: %q", wrapText(style, two, width))
	}
}

// The ZOPA-size line steps at a threshold instead of sloping through it: 9 deals at .6 and
// none at .65, closing at .636, is drawn 9 → 9 at .636, down to 0 there, then 0 at .65;
// the two corners carry no point, and the open stretch .5 → .6 stays a straight line.
func TestSweepChartStepsAtTheThreshold(t *testing.T) {
	sw := &sim.Sweep{
		Points:     []sim.SweepPoint{{Value: .5, ZOPA: 105}, {Value: .6, ZOPA: 9}, {Value: .65, ZOPA: 0}},
		Thresholds: []sim.Threshold{{Kind: "closes", At: .636}},
	}
	l := zopaSteps(sw)
	wantX := []float64{.5, .6, .636, .636, .65}
	wantY := []float64{105, 9, 9, 0, 0}
	wantBend := []bool{false, false, true, true, false}
	if !slices.Equal(l.xs, wantX) || !slices.Equal(l.ys, wantY) || !slices.Equal(l.bends, wantBend) {
		t.Errorf("x %v, y %v, bends %v; want %v, %v, %v", l.xs, l.ys, l.bends, wantX, wantY, wantBend)
	}
}

// teaching-tied-hands seats home and away at the table; parliament ratifies for home
// (its ratification.by) and never bargains, so the rounds chart draws lines for home and
// away alone and says in its legend that parliament is left out. Each is named as the
// scenario names it, as the plane chart and the page do, not by its id.
func TestRoundsChartDrawsOnlyTheTable(t *testing.T) {
	tr := runJSON[*sim.Transcript](t, "rounds", "teaching-tied-hands")
	top, _ := roundsPanels("Tied hands", scenariotest.Shipped(t, "teaching-tied-hands", "").Scenario, tr)
	var drawn []string
	colours := map[int]bool{}
	for _, l := range top.lines {
		if l.key {
			continue
		}
		colours[l.color] = true
		if l.label != "" {
			drawn = append(drawn, l.label)
		}
	}
	if !slices.Equal(drawn, []string{"Home government", "Away government"}) || len(colours) != 2 {
		t.Errorf("lines drawn for %v in %d colours; want home and away alone, in 2", drawn, len(colours))
	}
	var note []string
	for _, l := range top.lines {
		if l.key && l.plain {
			note = append(note, l.label)
		}
	}
	if said := strings.Join(note, " "); !strings.HasSuffix(said, "as they ratify at home: Home's parliament") {
		t.Errorf("the legend does not say parliament is left out: %q", said)
	}
}

// The rounds chart's key names the line styles it draws. In the reference scenario as the
// file gives it no one makes a proposal (no round of its transcript holds a utility), so
// no line is the utility of the proposal and the only dashed lines are the events': the key
// said "dashed: utility of the proposal" all the same. The two-party example's rounds hold
// proposals, so its key says it.
func TestRoundsChartKeysOnlyTheLinesDrawn(t *testing.T) {
	for _, c := range []struct {
		name     string
		proposed bool
	}{{"ukraine-2026", false}, {"teaching-two-party", true}} {
		tr := runJSON[*sim.Transcript](t, "rounds", c.name)
		proposals := 0
		for _, rd := range tr.Rounds {
			for _, ar := range rd.Actors {
				if ar.Utility != nil {
					proposals++
				}
			}
		}
		if (proposals > 0) != c.proposed {
			t.Fatalf("%s: %d utilities of a proposal in its transcript; this test takes it to have proposals: %v", c.name, proposals, c.proposed)
		}
		top, _ := roundsPanels("t", scenariotest.Shipped(t, c.name, "").Scenario, tr)
		var keys []string
		for _, l := range top.lines {
			if l.key && !l.plain {
				keys = append(keys, l.label)
			}
		}
		want := []string{"solid: aspiration", "dotted: reservation"}
		if c.proposed {
			want = []string{"solid: aspiration", "dashed: utility of the proposal", "dotted: reservation"}
		}
		if !slices.Equal(keys, want) {
			t.Errorf("%s: the key says %q; want %q", c.name, keys, want)
		}
	}
}

// The rounds chart names the ratifiers it leaves out in legend lines no wider than its
// event notes: one line of all four of the reference scenario's ratifiers ran to 85
// characters, and the wide legend strip shrank the whole chart on a printed report.
func TestRoundsChartWrapsTheRatifiersNote(t *testing.T) {
	tr := runJSON[*sim.Transcript](t, "rounds")
	sc := scenariotest.Shipped(t, "ukraine-2026", "").Scenario
	top, _ := roundsPanels("t", sc, tr)
	var note []string
	for _, l := range top.lines {
		if l.plain {
			note = append(note, l.label)
			if n := len([]rune(l.label)); n > legendNoteWidth {
				t.Errorf("legend line %q is %d characters, more than %d", l.label, n, legendNoteWidth)
			}
		}
	}
	joined := strings.Join(note, " ")
	for _, id := range []string{"rada", "ukraine-opposed", "ukraine-open", "russian-hardliners"} {
		if name := sc.Actors[sc.ActorIndex(id)].Name; !strings.Contains(joined, name) {
			t.Errorf("the legend %q does not name the ratifier %s (%s)", joined, id, name)
		}
	}
}

// An event's note in the legend is its why, whole, in lines of the legend's width: before,
// it was cut at 44 characters ("Energy pause announced for a week of extrem…"). A remark
// too long for three lines ends its third with "…".
func TestChartLegendNotesWrapWhole(t *testing.T) {
	tr := runJSON[*sim.Transcript](t, "rounds", "--variant", "sanctions-bite")
	top, _ := roundsPanels("t", nil, tr)
	var whys []string
	for _, rd := range tr.Rounds {
		for _, ev := range rd.Events {
			whys = append(whys, ev.Why)
		}
	}
	if len(whys) != 2 {
		t.Fatalf("%d events; want sanctions-bite's two", len(whys))
	}
	for i, why := range whys {
		lines := legendNote(top.marks[i].note)
		if said := strings.Join(lines, " "); !strings.HasSuffix(said, ": "+why) {
			t.Errorf("E%d reads %q in the legend; want its why whole, %q", i+1, said, why)
		}
		for _, l := range lines {
			if n := len([]rune(l)); n > legendNoteWidth {
				t.Errorf("legend line %q is %d characters, more than %d", l, n, legendNoteWidth)
			}
		}
	}
	long := legendNote(strings.Repeat("word ", 40))
	if len(long) != legendNoteLines || !strings.HasSuffix(long[legendNoteLines-1], "…") {
		t.Errorf("a 200-character note is %q; want %d lines, the last ending in …", long, legendNoteLines)
	}
}

// A chart in a printed page is scaled to the page's width: its words must still print at
// 8 pt or more. An SVG's sizes are in points of its own width, and the print styles fit it
// to printBox (703 px, 527.25 pt), so a word of size s prints at s × min(1, 527.25 / width).
// The debrief's chart is 733.26 pt wide (7 in and its legend strip): its tables' names, at
// 11, printed at 11 × 527.25 / 733.26 = 7.9 pt; at 12 they print at 8.6 pt. The report's
// charts are checked alike.
func TestChartsPrintNoWordUnderEightPoints(t *testing.T) {
	// Two of the README's class of sanctions-bite: one in the zone, one Russia will not sign.
	deals := writeTemp(t, "class.csv", "table,territory,recognition,guarantees,nato,military-limits,foreign-troops,sanctions,assets,sequencing,eu-path,language,interim\n"+
		"red,freeze,de-facto,russia-role,not-now,cap,none,full-relief,shared-fund,deal-first,membership-path,russian-status,energy-and-ports\n"+
		"green,freeze,de-facto,russia-role,not-now,cap,none,full-relief,shared-fund,deal-first,membership-path,minority-rights,energy-and-ports\n")
	pages := map[string]string{
		"debrief": runOK(t, "debrief", "--variant", "sanctions-bite", "--deals", deals, "--format", "html"),
		"report":  runOK(t, "report", "--variant", "sanctions-bite", "--format", "html"),
	}
	svgOpen := regexp.MustCompile(`<svg[^>]*\swidth="([\d.]+)pt"`)
	fontSize := regexp.MustCompile(`font-size:([\d.]+)px`)
	printWidth := printBox * 72.0 / 96
	for name, page := range pages {
		svgs := svgOpen.FindAllStringSubmatchIndex(page, -1)
		if len(svgs) == 0 {
			t.Fatalf("%s: no chart", name)
		}
		for i, m := range svgs {
			width, _ := strconv.ParseFloat(page[m[2]:m[3]], 64)
			end := strings.Index(page[m[0]:], "</svg>") + m[0]
			scale := min(1, printWidth/width)
			for _, f := range fontSize.FindAllStringSubmatch(page[m[0]:end], -1) {
				size, _ := strconv.ParseFloat(f[1], 64)
				if printed := size * scale; printed < 8 {
					t.Errorf("%s chart %d (%.2f pt wide): a word of size %s prints at %.1f pt", name, i+1, width, f[1], printed)
					break
				}
			}
		}
	}
}

// Both walk-away values are lines of their own colour across the fitted panel, named in the
// legend: the x actor's was a grey mark, lost on the grid line under it at a value such as
// 40. Fitting by hand: the frontier spans x 45–60 and y 55–60, the walk-aways are at x 40
// and y 48, so x runs from 5·⌊40/5⌋−5 = 35 to 5·⌈60/5⌉+5 = 65 and y from 5·⌊48/5⌋−5 = 40
// to 65.
func TestDealsPanelDrawsBothWalkAwaysAsLines(t *testing.T) {
	sc := &sim.Scenario{Actors: []sim.Actor{{ID: "a", Name: "A", Reservation: 0.4}, {ID: "b", Name: "B", Reservation: 0.48}}}
	frontier := []sim.FrontierPoint{{X: 0.45, Y: 0.6}, {X: 0.6, Y: 0.55}}
	pn := dealsPanel("t", sc, []string{"a", "b"}, frontier, nil)
	if len(pn.marks) != 0 {
		t.Errorf("marks %+v; want none: a walk-away is a line", pn.marks)
	}
	if pn.xMin != 35 || pn.xMax != 65 || pn.yMin != 40 || pn.yMax != 65 {
		t.Errorf("panel x %v–%v, y %v–%v; want x 35–65, y 40–65", pn.xMin, pn.xMax, pn.yMin, pn.yMax)
	}
	want := map[string]chartLine{
		"A walk-away": {xs: []float64{40, 40}, ys: []float64{40, 65}},
		"B walk-away": {xs: []float64{35, 65}, ys: []float64{48, 48}},
	}
	colours := map[int]bool{}
	for _, l := range pn.lines {
		colours[l.color] = true
		w, ok := want[l.label]
		if !ok {
			continue
		}
		delete(want, l.label)
		if !l.dashed || !slices.Equal(l.xs, w.xs) || !slices.Equal(l.ys, w.ys) {
			t.Errorf("%s: dashed %v, xs %v, ys %v; want dashed, xs %v, ys %v", l.label, l.dashed, l.xs, l.ys, w.xs, w.ys)
		}
	}
	if len(want) > 0 {
		t.Errorf("no line for %v", want)
	}
	if len(colours) != len(pn.lines) {
		t.Errorf("%d lines in %d colours; want a colour each", len(pn.lines), len(colours))
	}
}

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

// A debrief's chart names each table beside its point, and no name is printed over
// another, over a point, over the Nash ring, across the frontier, or past the plotting
// area (onto the title or the axes). The test reads the chart as the page holds it.
//
// The geometry, in the SVG's units (points, y upwards, as gonum draws paths; a text is
// drawn flipped, transform="scale(1, -1)", so its baseline is at minus its y):
//   - A label's box runs from its x for its textLength, the width the SVG pins, and from
//     its baseline less the font's descent to the baseline plus its ascent. The charts set
//     text in Liberation Serif, with Times' metrics: ascent 1825/2048 = 0.891 em, descent
//     443/2048 = 0.216 em; a 12 px label is 0.216 × 12 = 2.59 below and 0.891 × 12 = 10.69
//     above its baseline.
//   - A point is a filled path: a circle "M x,y A r,r ..." starts at its rightmost point, so
//     its centre is (x − r, y) and its box reaches r each way; a square or a triangle is the
//     box of its corners. The Nash ring is an unfilled circle whose stroke, 2.5 wide, is
//     centred on its radius: its box reaches r + 1.25.
//   - The frontier is the solid line 2 wide: its segments are "M a L b L c ..."; a label
//     crosses it when some point of a segment lies within 1 (half the line) of the box.
//   - The plotting area is the box of the grid lines (grey, 0.25 wide). The title stands
//     right above it, so a label keeps a line, its font size, clear of the area's top.
//
// Before labels were placed one by one, all at one offset (7 right, 4 up), every case
// failed. The README's class: "red" overlapped the Nash ring circling its own point and a
// square of the frontier, and crossed the frontier; "green" crossed it and covered one of
// its squares; "purple" covered the frontier's last square. The fish-stock class: "A"
// overlapped its ring; "D", at the right edge, reached 7 past the plotting area; "C" stood
// 10.3 under its top (its box's top at 385.40 + 10.69 = 396.09, the area's at 406.39),
// under the 12 a line needs. Two tables at one deal: "south, annex" overlapped its ring and
// reached past the area's right edge.
func TestDebriefChartLabelsCollideWithNothing(t *testing.T) {
	classCSV := readmeBlock(t, readmeSection(t, "In the classroom"), "```csv\n", "deals file in a ```csv block")
	cases := []struct {
		name  string
		args  []string
		deals string
		// labels are the tables with a deal to draw: yellow and E reached none.
		labels []string
	}{
		{"the README's class", []string{"--variant", "sanctions-bite"}, classCSV, []string{"red", "blue", "green", "purple"}},
		{"fish stock", []string{"teaching-tied-hands"}, "table,quota\nA,q3\nB,q5\nC,q1\nD,q6\nE,\n", []string{"A", "B", "C", "D"}},
		{"two tables at one deal", []string{"testdata/two-by-two.yaml"}, "table,b,a\nsouth,b0,a0\nannex,b0,a0\nnorth,b1,a2\n", []string{"south, annex", "north"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			deals := writeTemp(t, "class.csv", tc.deals)
			svg := debriefSVG(t, append(tc.args, "--deals", deals))
			if again := debriefSVG(t, append(tc.args, "--deals", deals)); again != svg {
				t.Error("the same class drew two different charts")
			}
			ch := readLabelledChart(t, svg, tc.labels)
			for i, l := range ch.labels {
				if !inside(l.box, ch.area) {
					t.Errorf("%q %v reaches past the plotting area %v", l.text, l.box, ch.area)
				}
				if gap := ch.area[3] - l.box[3]; gap < l.size {
					t.Errorf("%q stands %.2f under the plotting area's top, where the title is; want a line, %g", l.text, gap, l.size)
				}
				for _, o := range ch.labels[:i] {
					if boxesOverlap(l.box, o.box) {
						t.Errorf("%q %v overlaps %q %v", l.text, l.box, o.text, o.box)
					}
				}
				for _, p := range ch.points {
					if boxesOverlap(l.box, p) {
						t.Errorf("%q %v overlaps the point or ring at %v", l.text, l.box, p)
					}
				}
				for _, s := range ch.frontier {
					if segmentNear(s, l.box, 1) {
						t.Errorf("%q %v crosses the frontier from %v to %v", l.text, l.box, s[0], s[1])
					}
				}
			}
		})
	}
}

// debriefSVG is the chart of the debrief page negsim writes for args.
func debriefSVG(t *testing.T, args []string) string {
	t.Helper()
	page := t.TempDir() + "/d.html"
	runOK(t, append(append([]string{"debrief"}, args...), "-o", page)...)
	data, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	html := string(data)
	start := strings.Index(html, "<svg")
	end := strings.Index(html, "</svg>")
	if start < 0 || end < start {
		t.Fatal("the debrief page holds no chart")
	}
	return html[start:end]
}

// box is [minX, minY, maxX, maxY].
type box [4]float64

type chartLabel struct {
	text string
	box  box
	size float64
}

type labelledChart struct {
	labels   []chartLabel
	points   []box
	frontier [][2][2]float64
	area     box
}

func readLabelledChart(t *testing.T, svg string, want []string) labelledChart {
	t.Helper()
	num := func(s string) float64 {
		v, err := strconv.ParseFloat(s, 64)
		if err != nil {
			t.Fatalf("%q in the chart is no number", s)
		}
		return v
	}
	var ch labelledChart
	ch.area = box{math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)}
	pairs := regexp.MustCompile(`(-?[0-9.]+),(-?[0-9.]+)`)
	paths := regexp.MustCompile(`<path d="([^"]*)" style="([^"]*)"`).FindAllStringSubmatch(svg, -1)
	for _, p := range paths {
		if strings.Contains(p[2], "stroke:#808080;stroke-width:0.25") {
			for _, xy := range pairs.FindAllStringSubmatch(p[1], -1) {
				x, y := num(xy[1]), num(xy[2])
				ch.area = box{min(ch.area[0], x), min(ch.area[1], y), max(ch.area[2], x), max(ch.area[3], y)}
			}
		}
	}
	if math.IsInf(ch.area[0], 0) {
		t.Fatal("the chart has no grid")
	}
	arc := regexp.MustCompile(`^M(-?[0-9.]+),(-?[0-9.]+)A([0-9.]+),`)
	for _, p := range paths {
		d, style := p[1], p[2]
		filled := !strings.Contains(style, "fill:none") && !strings.Contains(style, "#FFFFFF")
		ring := strings.Contains(style, "fill:none") && strings.Contains(style, "stroke-width:2.5")
		var b box
		if m := arc.FindStringSubmatch(d); m != nil && (filled || ring) {
			r := num(m[3])
			cx, cy := num(m[1])-r, num(m[2])
			if ring {
				r += 1.25
			}
			b = box{cx - r, cy - r, cx + r, cy + r}
		} else if filled {
			b = box{math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)}
			for _, xy := range pairs.FindAllStringSubmatch(d, -1) {
				x, y := num(xy[1]), num(xy[2])
				b = box{min(b[0], x), min(b[1], y), max(b[2], x), max(b[3], y)}
			}
		} else if strings.HasSuffix(style, "stroke-width:2") { // solid: a dashed one goes on with its dashes
			xys := pairs.FindAllStringSubmatch(d, -1)
			for i := 1; i < len(xys); i++ {
				s := [2][2]float64{{num(xys[i-1][1]), num(xys[i-1][2])}, {num(xys[i][1]), num(xys[i][2])}}
				if inside(box{s[0][0], s[0][1], s[0][0], s[0][1]}, ch.area) {
					ch.frontier = append(ch.frontier, s)
				}
			}
			continue
		} else {
			continue
		}
		// Only what lies in the plotting area: the legend beside it draws the same shapes.
		if cx, cy := (b[0]+b[2])/2, (b[1]+b[3])/2; inside(box{cx, cy, cx, cy}, ch.area) {
			ch.points = append(ch.points, b)
		}
	}
	texts := regexp.MustCompile(`<text textLength="([0-9.]+)"[^>]*\sx="(-?[0-9.]+)" y="(-?[0-9.]+)"[^>]*font-size:([0-9.]+)px">([^<]*)</text>`).FindAllStringSubmatch(svg, -1)
	for _, name := range want {
		found := false
		for _, m := range texts {
			if m[5] != name {
				continue
			}
			found = true
			width, x, base, size := num(m[1]), num(m[2]), -num(m[3]), num(m[4])
			ch.labels = append(ch.labels, chartLabel{text: name, box: box{x, base - 0.216*size, x + width, base + 0.891*size}, size: size})
		}
		if !found {
			t.Errorf("the chart names no table %q", name)
		}
	}
	if len(ch.points) == 0 || len(ch.frontier) == 0 {
		t.Fatalf("read %d points and %d frontier segments from the chart", len(ch.points), len(ch.frontier))
	}
	return ch
}

func inside(b, area box) bool {
	return b[0] >= area[0] && b[1] >= area[1] && b[2] <= area[2] && b[3] <= area[3]
}

func boxesOverlap(a, b box) bool {
	return a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]
}

// segmentNear reports whether some point of the segment, taken every 0.1, lies within m of
// the box.
func segmentNear(s [2][2]float64, b box, m float64) bool {
	n := int(math.Hypot(s[1][0]-s[0][0], s[1][1]-s[0][1])/0.1) + 1
	for i := 0; i <= n; i++ {
		f := float64(i) / float64(n)
		x, y := s[0][0]+f*(s[1][0]-s[0][0]), s[0][1]+f*(s[1][1]-s[0][1])
		if x > b[0]-m && x < b[2]+m && y > b[1]-m && y < b[3]+m {
			return true
		}
	}
	return false
}

// In a crowded class no place around a point may be free; a label then covers what it must,
// but never another label, whose text over its own reads as neither, nor the plot's edge.
// Twenty tables at twenty of sanctions-bite's best ZOPA deals, no two at one point (each
// has its own label), crowd about the Nash solution. When every place was taken, the place
// covering fewest things won, a label counting as one thing: "jo" printed over "dee", "kim"
// over "fay", "sam" over "ann" and "tam" over "max".
func TestDebriefChartLabelsInACrowd(t *testing.T) {
	zopa := csv.NewReader(strings.NewReader(runOK(t, "analyze", "--variant", "sanctions-bite", "--limit", "200", "--format", "csv")))
	rows, err := zopa.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	header := rows[0]
	col := func(name string) int { return slices.Index(header, name) }
	issues := header[col("territory"):col("utility_ukraine")]
	names := strings.Fields("ann bob cy dee eve fay gus hal ivy jo kim lu max ned oz pam quin ros sam tam")
	deals := "table," + strings.Join(issues, ",") + "\n"
	seen := map[[2]string]bool{}
	var tables []string
	for _, r := range rows[1:] {
		at := [2]string{r[col("utility_ukraine")], r[col("utility_russia")]}
		if seen[at] || len(tables) == len(names) {
			continue
		}
		seen[at] = true
		name := names[len(tables)]
		tables = append(tables, name)
		deals += name + "," + strings.Join(r[col("territory"):col("utility_ukraine")], ",") + "\n"
	}
	if len(tables) < len(names) {
		t.Fatalf("found %d deals at distinct points; want %d", len(tables), len(names))
	}
	ch := readLabelledChart(t, debriefSVG(t, []string{"--variant", "sanctions-bite", "--deals", writeTemp(t, "class.csv", deals)}), tables)
	for i, l := range ch.labels {
		if !inside(l.box, ch.area) {
			t.Errorf("%q %v reaches past the plotting area %v", l.text, l.box, ch.area)
		}
		for _, o := range ch.labels[:i] {
			if boxesOverlap(l.box, o.box) {
				t.Errorf("%q %v overlaps %q %v", l.text, l.box, o.text, o.box)
			}
		}
	}
}

// The rounds chart's event tags stand above the data, clear of its points: under
// sanctions-bite Russia's and Ukraine's aspirations start at 1 and their points at round 1
// (an event's round) sat under "E1", the text on the marks.
func TestRoundsEventTagsClearThePoints(t *testing.T) {
	file := filepath.Join(t.TempDir(), "rounds.svg")
	runOK(t, "rounds", "--variant", "sanctions-bite", "--chart", file)
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	ch := readLabelledChart(t, string(data), []string{"E1", "E2"})
	for _, l := range ch.labels {
		for _, p := range ch.points {
			if boxesOverlap(l.box, p) {
				t.Errorf("the tag %q at %v covers a point at %v", l.text, l.box, p)
			}
		}
	}
}

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
