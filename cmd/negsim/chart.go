package main

import (
	"bytes"
	"errors"
	"fmt"
	"html"
	"image/color"
	"io"
	"math"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/image/font/sfnt"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
	"gonum.org/v1/plot/vg/vgsvg"
)

// Charts are panels stacked one above the other with aligned axes, drawn with gonum/plot
// into SVG or PNG. Commands describe panels as data; this file turns them into images.

// chartLine is one series of a panel.
type chartLine struct {
	label  string
	xs, ys []float64
	// color indexes seriesColors, so one actor keeps one colour on every panel.
	color  int
	dashed bool
	// vertical, with dashed, is a level of the x axis drawn across the panel (a
	// walk-away value), where a dashed line is otherwise a level of the y axis.
	vertical bool
	points   bool
	// bends marks the vertices that only shape the line (the corners of a step), which
	// get no point: a point claims a value that was computed.
	bends []bool
	// scatter draws the points alone, with no line joining them; labels, when given, name
	// each point beside it.
	scatter bool
	labels  []string
	// glyph picks the filled shape of scatter points from scatterGlyphs; ring draws a
	// large hollow ring instead, which marks a point without hiding what lies under it.
	glyph int
	ring  bool
	// dotted draws a thin dotted line, for a level such as a reservation.
	dotted bool
	// key is a legend entry only, drawn in grey: what a line style means, when colours
	// name the actors.
	key bool
	// plain, with key, is a legend entry of text alone: a remark about the chart, with no
	// line style to show.
	plain bool
}

// boldRing is a hollow circle drawn thick enough to see on a projector, around a point
// without covering it (gonum's ring is a hairline).
type boldRing struct{}

func (boldRing) DrawGlyph(c *draw.Canvas, sty draw.GlyphStyle, pt vg.Point) {
	c.SetLineStyle(draw.LineStyle{Color: sty.Color, Width: vg.Points(2.5)})
	var p vg.Path
	p.Move(vg.Point{X: pt.X + sty.Radius, Y: pt.Y})
	p.Arc(pt, sty.Radius, 0, 2*math.Pi)
	p.Close()
	c.Stroke(p)
}

// scatterGlyphs are filled shapes, which stay visible at a glance over lines and grids.
var scatterGlyphs = []draw.GlyphDrawer{draw.CircleGlyph{}, draw.BoxGlyph{}, draw.PyramidGlyph{}, draw.CrossGlyph{}}

// seriesGlyph is the shape of a series' points, as seriesColor is its colour: the first four
// series (the parties at most tables) each have their own.
func seriesGlyph(i int) draw.GlyphDrawer { return scatterGlyphs[i%len(scatterGlyphs)] }

// chartMark is a vertical line across a panel, such as an event or a threshold. Its tag, a
// few characters, stands at the top of the line above the data; its note, when given, is
// listed in the legend beside the chart, where long text has room and crosses nothing.
type chartMark struct {
	x    float64
	tag  string
	note string
}

// panel is one plot of a chart.
type panel struct {
	title, xLabel, yLabel string
	// yMin and yMax fix the vertical range when fixed is set; otherwise the data decide,
	// from 0 when zeroY is set (a count or a surplus reads against 0).
	fixed      bool
	zeroY      bool
	yMin, yMax float64
	// xMin and xMax fix the horizontal range when xFixed is set.
	xFixed     bool
	xMin, xMax float64
	lines      []chartLine
	marks      []chartMark
	legend     bool
	// whole puts ticks on whole numbers only, for rounds and counts.
	wholeX, wholeY bool
}

// Type sizes for a chart projected in a classroom: the back row reads the legend too.
// Printed, a chart is scaled to the page's width; the smallest, noteSize, still prints at
// 8 pt or more (TestChartsPrintNoWordUnderEightPoints).
const (
	titleSize  = 15
	labelSize  = 13
	tickSize   = 12
	legendSize = 12
	noteSize   = 12
)

// markColor keeps event lines apart from the series, whose colours come from the palette.
var markColor = color.Gray{Y: 110}

// seriesColors are colours that readers with the common colour-vision deficiencies tell
// apart, each at least 3:1 against the white of a chart as a line or mark must be (WCAG
// 1.4.11), in the order of the page's PALETTE (web/chart.js): an actor has one colour on
// the page and in the printed report. Eight colours give the reference scenario's four
// parties and four ratifiers one each. The first four are Okabe and Ito's; their orange,
// sky blue and olive gave way to violet, brown and navy: the first two were too pale on
// white, and the olive, to a protanope, the vermillion's colour.
var seriesColors = []color.Color{
	color.RGBA{R: 0x00, G: 0x72, B: 0xB2, A: 0xFF}, // blue
	color.RGBA{R: 0xD5, G: 0x5E, B: 0x00, A: 0xFF}, // vermillion
	color.RGBA{R: 0x00, G: 0x9E, B: 0x73, A: 0xFF}, // bluish green
	color.RGBA{R: 0xCC, G: 0x79, B: 0xA7, A: 0xFF}, // reddish purple
	color.RGBA{R: 0x88, G: 0x00, B: 0xFF, A: 0xFF}, // violet
	color.RGBA{R: 0x66, G: 0x33, B: 0x11, A: 0xFF}, // brown
	color.RGBA{R: 0x11, G: 0x22, B: 0x88, A: 0xFF}, // navy
	color.RGBA{R: 0x00, G: 0x00, B: 0x00, A: 0xFF}, // black
}

// seriesColor is the i-th colour of the palette, starting again after the last.
func seriesColor(i int) color.Color {
	n := len(seriesColors)
	return seriesColors[(i%n+n)%n]
}

// wholeTicks labels whole numbers at a step of 1, 2 or 5 times a power of ten, so that
// at most about ten labels fit an axis.
type wholeTicks struct{}

func (wholeTicks) Ticks(lo, hi float64) []plot.Tick {
	step := 1.0
	for (hi-lo)/step > 10 {
		switch m := step / math.Pow(10, math.Floor(math.Log10(step))); {
		case m < 1.5:
			step *= 2
		case m < 3:
			step = step / 2 * 5
		default:
			step *= 2
		}
	}
	var ticks []plot.Tick
	for v := math.Ceil(lo/step) * step; v <= hi+1e-9; v += step {
		ticks = append(ticks, plot.Tick{Value: v, Label: strconv.FormatFloat(v, 'f', -1, 64)})
	}
	return ticks
}

// plainTicks are gonum's ticks labelled the same way on every axis, without trailing
// zeros ("25" and "40", not "25.00" beside "40"), and none beyond top, the top of the data
// range when the panel keeps room above it for tags.
type plainTicks struct {
	inner plot.Ticker
	top   float64
}

func (t plainTicks) Ticks(lo, hi float64) []plot.Tick {
	var out []plot.Tick
	for _, tk := range t.inner.Ticks(lo, min(hi, t.top)) {
		if tk.Value > t.top+1e-9 {
			continue
		}
		if tk.Label != "" {
			tk.Label = strconv.FormatFloat(math.Round(tk.Value*1e9)/1e9, 'f', -1, 64)
		}
		out = append(out, tk)
	}
	return out
}

// plot draws the panel; its legend is returned apart, to be drawn beside the plot rather
// than over the data.
func (pn panel) plot() (*plot.Plot, *plot.Legend, error) {
	p := plot.New()
	p.Title.Text = pn.title
	p.Title.TextStyle.Font.Size = vg.Points(titleSize)
	for _, ax := range []*plot.Axis{&p.X, &p.Y} {
		ax.Label.TextStyle.Font.Size = vg.Points(labelSize)
		ax.Tick.Label.Font.Size = vg.Points(tickSize)
	}
	p.X.Label.Text = pn.xLabel
	p.Y.Label.Text = pn.yLabel
	p.Add(plotter.NewGrid())
	leg := plot.NewLegend()
	leg.TextStyle.Font.Size = vg.Points(legendSize)
	leg.Top, leg.Left = true, true
	leg.Padding = vg.Points(3)
	lo, hi := math.Inf(1), math.Inf(-1)
	// What the panel draws, for the labels of its points to keep clear of; the labels go
	// on last, over everything.
	named := &pointLabels{style: text.Style{Font: font.From(plot.DefaultFont, vg.Points(noteSize)), Handler: plot.DefaultTextHandler}}
	for _, l := range pn.lines {
		xys := make(plotter.XYs, len(l.xs))
		for i := range l.xs {
			xys[i].X, xys[i].Y = l.xs[i], l.ys[i]
			lo, hi = min(lo, l.ys[i]), max(hi, l.ys[i])
		}
		if l.scatter {
			sc, err := plotter.NewScatter(xys)
			if err != nil {
				return nil, nil, err
			}
			sc.Color = seriesColor(l.color)
			sc.Shape = scatterGlyphs[l.glyph%len(scatterGlyphs)]
			sc.Radius = vg.Points(4.5)
			if l.ring {
				sc.Shape = boldRing{}
				sc.Radius = vg.Points(9)
			}
			p.Add(sc)
			half := sc.Radius
			if l.ring {
				half += vg.Points(2.5) / 2 // the ring's stroke, centred on its radius
			}
			for _, xy := range xys {
				named.glyphs = append(named.glyphs, chartGlyph{x: xy.X, y: xy.Y, half: half})
			}
			if len(l.labels) == len(xys) {
				for i, xy := range xys {
					named.labels = append(named.labels, pointLabel{x: xy.X, y: xy.Y, text: l.labels[i]})
				}
			}
			if pn.legend && l.label != "" {
				leg.Add(l.label, sc)
			}
			continue
		}
		if l.key && l.plain {
			leg.Add(l.label)
			continue
		}
		if l.key {
			line := &plotter.Line{LineStyle: draw.LineStyle{Color: markColor, Width: vg.Points(2)}}
			if l.dashed {
				line.Dashes = []vg.Length{vg.Points(5), vg.Points(3)}
			}
			if l.dotted {
				line.Dashes = []vg.Length{vg.Points(1.5), vg.Points(2.5)}
			}
			leg.Add(l.label, line)
			continue
		}
		line, err := plotter.NewLine(xys)
		if err != nil {
			return nil, nil, err
		}
		line.Color = seriesColor(l.color)
		line.Width = vg.Points(2)
		if l.dashed {
			line.Dashes = []vg.Length{vg.Points(5), vg.Points(3)}
		}
		if l.dotted {
			line.Width = vg.Points(1.5)
			line.Dashes = []vg.Length{vg.Points(1.5), vg.Points(2.5)}
		}
		p.Add(line)
		named.paths = append(named.paths, chartPath{xs: l.xs, ys: l.ys, half: line.Width / 2, soft: l.dashed || l.dotted})
		thumbs := []plot.Thumbnailer{line}
		if l.points {
			computed := xys
			if len(l.bends) == len(xys) {
				computed = nil
				for i, xy := range xys {
					if !l.bends[i] {
						computed = append(computed, xy)
					}
				}
			}
			sc, err := plotter.NewScatter(computed)
			if err != nil {
				return nil, nil, err
			}
			sc.Color = seriesColor(l.color)
			// Each series keeps a shape of its own beside its colour, so that a chart
			// printed in black and white still tells the actors apart.
			sc.Shape = seriesGlyph(l.color)
			sc.Radius = vg.Points(3)
			p.Add(sc)
			for _, xy := range computed {
				named.glyphs = append(named.glyphs, chartGlyph{x: xy.X, y: xy.Y, half: sc.Radius})
			}
			thumbs = append(thumbs, sc)
		}
		if pn.legend && l.label != "" {
			leg.Add(l.label, thumbs...)
		}
	}
	switch {
	case pn.fixed:
		lo, hi = pn.yMin, pn.yMax
	case math.IsInf(lo, 0) || hi <= lo:
		lo, hi = min(0, lo), max(1, hi)
	}
	if math.IsInf(lo, 0) {
		lo = 0
	}
	if pn.zeroY {
		lo = min(0, lo)
	}
	top := hi
	tagged := false
	for _, m := range pn.marks {
		tagged = tagged || m.tag != ""
	}
	if tagged {
		// Room above the data for two rows of tags, so that no tag sits on a line.
		hi += 0.2 * (hi - lo)
	}
	p.Y.Min, p.Y.Max = lo, hi
	if pn.xFixed {
		p.X.Min, p.X.Max = pn.xMin, pn.xMax
	}
	p.Y.Tick.Marker = plainTicks{inner: plot.DefaultTicks{}, top: top}
	if pn.wholeY {
		p.Y.Tick.Marker = plainTicks{inner: wholeTicks{}, top: top}
	}
	p.X.Tick.Marker = plainTicks{inner: plot.DefaultTicks{}, top: math.Inf(1)}
	if pn.wholeX {
		p.X.Tick.Marker = plainTicks{inner: wholeTicks{}, top: math.Inf(1)}
	}
	for mi, m := range pn.marks {
		line, err := plotter.NewLine(plotter.XYs{{X: m.x, Y: lo}, {X: m.x, Y: top}})
		if err != nil {
			return nil, nil, err
		}
		line.Color = markColor
		line.Width = vg.Points(1.5)
		line.Dashes = []vg.Length{vg.Points(3), vg.Points(3)}
		p.Add(line)
		named.paths = append(named.paths, chartPath{xs: []float64{m.x, m.x}, ys: []float64{lo, top}, half: line.Width / 2, soft: true})
		if m.tag != "" {
			// Tags alternate between two rows, so neighbouring marks never print over
			// each other; each is centred on its line, the lower row clear of the points
			// drawn at the top of the data (the sanctions-bite rounds' E1 sat on Russia's
			// and Ukraine's aspirations of 1).
			y := top + (0.08+0.07*float64(mi%2))*(top-lo)
			labels, err := plotter.NewLabels(plotter.XYLabels{XYs: []plotter.XY{{X: m.x, Y: y}}, Labels: []string{m.tag}})
			if err != nil {
				return nil, nil, err
			}
			labels.TextStyle[0].Font.Size = vg.Points(noteSize)
			labels.TextStyle[0].XAlign = draw.XCenter
			labels.TextStyle[0].YAlign = draw.YCenter
			p.Add(labels)
		}
		for _, line := range legendNote(m.note) {
			leg.Add(line)
		}
	}
	if len(named.labels) > 0 {
		p.Add(named)
	}
	return p, &leg, nil
}

// legendNoteWidth is the most characters of a line of a remark in a chart's legend: the
// legend strip is as wide as its longest line, and a wide strip shrinks the whole chart on
// a printed page.
const legendNoteWidth = 44

// legendNoteLines is the most lines a remark takes in the legend, which must fit beside
// its panel; the table beside the chart says the rest.
const legendNoteLines = 3

// legendNote is a remark broken into legend lines: whole where it fits in legendNoteLines,
// cut with "…" on the last where it does not.
func legendNote(note string) []string {
	lines := wrapWords(note, legendNoteWidth)
	if len(lines) > legendNoteLines {
		lines = lines[:legendNoteLines]
		lines[legendNoteLines-1] = shorten(lines[legendNoteLines-1]+" …", legendNoteWidth)
	}
	return lines
}

// chartFormat is the image format a chart file's name asks for, or "" when it names none
// negsim writes.
func chartFormat(path string) string {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".svg":
		return "svg"
	case ".png":
		return "png"
	}
	return ""
}

// checkChart refuses a --chart file negsim cannot write before any work is done; "" asks
// for no chart.
func checkChart(path string) error {
	if path != "" && chartFormat(path) == "" {
		return usagef("--chart %s: the file name must end in .svg or .png", path)
	}
	return nil
}

// writeChartFile writes a --chart file, whole or not at all, in the format its name asks
// for; "" asks for no chart. A PNG with text it cannot set as written is written, and
// the user told which texts it mis-sets and how to see them.
func (a *app) writeChartFile(path string, draw func(w io.Writer, format string) error) error {
	if path == "" {
		return nil
	}
	var misSet *misSetTextError
	err := a.writeFile(path, false, func(w io.Writer) error {
		err := draw(w, chartFormat(path))
		if errors.As(err, &misSet) {
			return nil
		}
		return err
	})
	if err == nil && misSet != nil {
		svg := strings.TrimSuffix(path, filepath.Ext(path)) + ".svg"
		fmt.Fprintf(a.stderr, "warning: %s: %s; draw the chart as %s to see them in the reader's own fonts\n", path, misSet, svg)
	}
	return err
}

// misSetTextError is what drawStack returns, once the PNG is whole, when the chart's text
// holds letters a PNG cannot set as written: those the chart's font has no glyphs for
// (Chinese, Arabic, emoji...), which it draws as nothing, and those of right-to-left
// scripts, which it sets left to right. An SVG leaves both to the browser that shows it.
type misSetTextError struct {
	// texts are the texts the PNG mis-sets, in the order drawn, each once.
	texts []string
}

// misSetShown is how many texts the warning quotes.
const misSetShown = 3

func (e *misSetTextError) Error() string {
	shown := e.texts[:min(len(e.texts), misSetShown)]
	quoted := make([]string, len(shown))
	for i, t := range shown {
		quoted[i] = strconv.Quote(t)
	}
	more := ""
	if left := len(e.texts) - len(shown); left > 0 {
		more = fmt.Sprintf(" and %d more", left)
	}
	return fmt.Sprintf("the PNG cannot set %s%s as written: it leaves blank the letters its font lacks and runs right-to-left words backwards", strings.Join(quoted, ", "), more)
}

// glyphCheck passes a PNG canvas's drawing on, noting each text it cannot set as written.
type glyphCheck struct {
	vg.CanvasWriterTo
	buf    sfnt.Buffer
	misSet misSetTextError
}

func (g *glyphCheck) FillString(face font.Face, pt vg.Point, s string) {
	if !slices.Contains(g.misSet.texts, s) && g.misSets(face, s) {
		g.misSet.texts = append(g.misSet.texts, s)
	}
	g.CanvasWriterTo.FillString(face, pt, s)
}

// misSets reports whether s has a letter face has no glyph for (sfnt gives it glyph 0,
// which Liberation draws as nothing) or one of a right-to-left script, which gonum's text
// sets in the order it is stored, left to right.
func (g *glyphCheck) misSets(face font.Face, s string) bool {
	for _, r := range s {
		if unicode.In(r, rightToLeft...) {
			return true
		}
		if lacksGlyph(face, &g.buf, r) {
			return true
		}
	}
	return false
}

// rightToLeft are the scripts written right to left that Unicode encodes.
var rightToLeft = []*unicode.RangeTable{unicode.Hebrew, unicode.Arabic, unicode.Syriac, unicode.Thaana, unicode.Nko, unicode.Samaritan, unicode.Mandaic, unicode.Adlam}

// writeChart stacks the panels and writes them as "svg" or "png". The legends stand in a
// strip to the right of the panels, as wide as the widest needs, so no legend covers data
// and the panels' axes stay aligned.
func writeChart(w io.Writer, format string, width, height vg.Length, panels ...panel) error {
	plots := make([]*plot.Plot, len(panels))
	legends := make([]*plot.Legend, len(panels))
	for i, pn := range panels {
		p, leg, err := pn.plot()
		if err != nil {
			return err
		}
		plots[i], legends[i] = p, leg
	}
	return drawStack(w, format, width, height, plots, legends)
}

// drawPlots stacks plots one above the other with aligned axes and writes them as "svg" or
// "png".
func drawPlots(w io.Writer, format string, width, height vg.Length, stack ...*plot.Plot) error {
	return drawStack(w, format, width, height, stack, nil)
}

// drawStack draws plots one above the other with aligned axes, and beside each, in a strip
// as wide as the widest needs, its legend when legends gives one. A PNG with text it
// cannot set as written is written whole, and a *misSetTextError says which.
func drawStack(w io.Writer, format string, width, height vg.Length, stack []*plot.Plot, legends []*plot.Legend) error {
	plots := make([][]*plot.Plot, len(stack))
	for i, p := range stack {
		plots[i] = []*plot.Plot{p}
	}
	var strip vg.Length
	for _, leg := range legends {
		if r := leg.Rectangle(draw.Canvas{}); r.Max.X-r.Min.X > 0 {
			strip = max(strip, r.Max.X-r.Min.X+vg.Points(16))
		}
	}
	var canvas vg.CanvasWriterTo
	var checked *glyphCheck
	switch format {
	case "svg":
		canvas = vgsvg.New(width+strip, height)
	case "png":
		checked = &glyphCheck{CanvasWriterTo: vgimg.PngCanvas{Canvas: vgimg.NewWith(vgimg.UseWH(width+strip, height), vgimg.UseDPI(144))}}
		canvas = checked
	default:
		return fmt.Errorf("cannot draw a chart as %q: use .svg or .png", format)
	}
	dc := draw.New(canvas)
	area := draw.Crop(dc, 0, -strip, 0, 0)
	tiles := draw.Tiles{Rows: len(stack), Cols: 1, PadTop: vg.Points(8), PadBottom: vg.Points(6), PadLeft: vg.Points(6), PadRight: vg.Points(12), PadY: vg.Points(18)}
	// gonum centres a title over its panel, so one wider than the panel (a what-if's --set
	// values make titles long) ran off the canvas's left edge and was cut.
	for _, p := range stack {
		p.Title.Text = wrapText(p.Title.TextStyle, p.Title.Text, area.Max.X-area.Min.X-tiles.PadLeft-tiles.PadRight)
	}
	canvases := plot.Align(plots, tiles, area)
	for i := range plots {
		plots[i][0].Draw(canvases[i][0])
		if strip > 0 && legends[i] != nil {
			c := canvases[i][0]
			side := draw.Canvas{Canvas: dc.Canvas, Rectangle: vg.Rectangle{
				Min: vg.Point{X: c.Max.X + vg.Points(8), Y: c.Min.Y},
				Max: vg.Point{X: c.Max.X + strip, Y: c.Max.Y - vg.Points(titleSize+10)}}}
			legends[i].Draw(side)
		}
	}
	if format == "svg" {
		var b bytes.Buffer
		if _, err := canvas.WriteTo(&b); err != nil {
			return err
		}
		_, err := w.Write(pinTextWidths(b.Bytes()))
		return err
	}
	if _, err := canvas.WriteTo(w); err != nil {
		return err
	}
	if len(checked.misSet.texts) > 0 {
		return &checked.misSet
	}
	return nil
}

// svgText is a text element as gonum's SVG canvas writes it: its attributes, with its font
// size last in its style, then the text, escaped.
var svgText = regexp.MustCompile(`<text ([^>]*font-size:([0-9.]+)px"?)>([^<]*)</text>`)

// pinTextWidths gives each text the width the chart was laid out with, in plot's default
// font, the only one negsim's charts use, and lets the browser fit its glyphs to it. The SVG
// names Liberation Serif, whose widths placed every label; where it is missing (Android, a
// Linux without it) the browser draws a wider font, and the legend, whose strip is as wide
// as its longest line, ran off the chart's edge.
func pinTextWidths(svg []byte) []byte {
	return svgText.ReplaceAllFunc(svg, func(el []byte) []byte {
		m := svgText.FindSubmatch(el)
		size, err := strconv.ParseFloat(string(m[2]), 64)
		if err != nil || !bytes.Contains(m[1], []byte("font-weight:normal;font-style:normal")) {
			return el
		}
		style := text.Style{Font: font.From(plot.DefaultFont, vg.Points(size)), Handler: plot.DefaultTextHandler}
		width := style.Width(html.UnescapeString(string(m[3])))
		return fmt.Appendf(nil, `<text textLength="%.2f" lengthAdjust="spacingAndGlyphs" %s>%s</text>`, width.Points(), m[1], m[3])
	})
}

// wrapText breaks text between words so that no line is wider than width in style; lines
// already broken stay broken, and a single word wider than width keeps a line of its own.
func wrapText(style text.Style, s string, width vg.Length) string {
	var out []string
	for _, line := range strings.Split(s, "\n") {
		cur := ""
		for _, word := range strings.Fields(line) {
			switch try := cur + " " + word; {
			case cur == "":
				cur = word
			case style.Width(try) <= width:
				cur = try
			default:
				out = append(out, cur)
				cur = word
			}
		}
		out = append(out, cur)
	}
	return strings.Join(out, "\n")
}
