package main

import (
	"bytes"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/negsim/negsim/internal/scenariotest"
	"github.com/negsim/negsim/sim"
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
