package main

import (
	"fmt"
	"image/color"
	"io"
	"math"
	"path/filepath"
	"strconv"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/plotutil"
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
	// color indexes the plotutil palette, so one actor keeps one colour on every panel.
	color  int
	dashed bool
	points bool
	// scatter draws the points alone, with no line joining them; labels, when given, name
	// each point beside it.
	scatter bool
	labels  []string
	// glyph picks the filled shape of scatter points from scatterGlyphs.
	glyph int
}

// scatterGlyphs are filled shapes, which stay visible at a glance over lines and grids.
var scatterGlyphs = []draw.GlyphDrawer{draw.CircleGlyph{}, draw.BoxGlyph{}, draw.PyramidGlyph{}, draw.CrossGlyph{}}

// chartMark is a labelled vertical line across a panel, such as an event.
type chartMark struct {
	x     float64
	label string
}

// panel is one plot of a chart.
type panel struct {
	title, xLabel, yLabel string
	// yMin and yMax fix the vertical range when fixed is set; otherwise the data decide.
	fixed      bool
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

// markColor keeps event lines apart from the series, whose colours come from the palette.
var markColor = color.Gray{Y: 110}

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

func (pn panel) plot() (*plot.Plot, error) {
	p := plot.New()
	p.Title.Text = pn.title
	p.X.Label.Text = pn.xLabel
	p.Y.Label.Text = pn.yLabel
	p.Add(plotter.NewGrid())
	if pn.wholeX {
		p.X.Tick.Marker = wholeTicks{}
	}
	if pn.wholeY {
		p.Y.Tick.Marker = wholeTicks{}
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, l := range pn.lines {
		xys := make(plotter.XYs, len(l.xs))
		for i := range l.xs {
			xys[i].X, xys[i].Y = l.xs[i], l.ys[i]
			lo, hi = min(lo, l.ys[i]), max(hi, l.ys[i])
		}
		if l.scatter {
			sc, err := plotter.NewScatter(xys)
			if err != nil {
				return nil, err
			}
			sc.Color = plotutil.Color(l.color)
			sc.Shape = scatterGlyphs[l.glyph%len(scatterGlyphs)]
			sc.Radius = vg.Points(3.5)
			p.Add(sc)
			if len(l.labels) == len(xys) {
				labels, err := plotter.NewLabels(plotter.XYLabels{XYs: xys, Labels: l.labels})
				if err != nil {
					return nil, err
				}
				labels.Offset = vg.Point{X: vg.Points(5), Y: vg.Points(3)}
				for i := range labels.TextStyle {
					labels.TextStyle[i].Font.Size = vg.Points(8)
				}
				p.Add(labels)
			}
			if pn.legend && l.label != "" {
				p.Legend.Add(l.label, sc)
			}
			continue
		}
		line, err := plotter.NewLine(xys)
		if err != nil {
			return nil, err
		}
		line.Color = plotutil.Color(l.color)
		line.Width = vg.Points(1.5)
		if l.dashed {
			line.Dashes = []vg.Length{vg.Points(4), vg.Points(3)}
		}
		p.Add(line)
		if l.points {
			sc, err := plotter.NewScatter(xys)
			if err != nil {
				return nil, err
			}
			sc.Color = plotutil.Color(l.color)
			sc.Shape = draw.CircleGlyph{}
			sc.Radius = vg.Points(2)
			p.Add(sc)
		}
		if pn.legend && l.label != "" {
			p.Legend.Add(l.label, line)
		}
	}
	if pn.fixed {
		lo, hi = pn.yMin, pn.yMax
		p.Y.Min, p.Y.Max = lo, hi
	}
	if pn.xFixed {
		p.X.Min, p.X.Max = pn.xMin, pn.xMax
	}
	if math.IsInf(lo, 0) || hi <= lo {
		lo, hi = 0, max(1, hi)
	}
	for mi, m := range pn.marks {
		line, err := plotter.NewLine(plotter.XYs{{X: m.x, Y: lo}, {X: m.x, Y: hi}})
		if err != nil {
			return nil, err
		}
		line.Color = markColor
		line.Dashes = []vg.Length{vg.Points(2), vg.Points(2)}
		p.Add(line)
		if m.label != "" {
			labels, err := plotter.NewLabels(plotter.XYLabels{XYs: []plotter.XY{{X: m.x, Y: hi}}, Labels: []string{m.label}})
			if err != nil {
				return nil, err
			}
			// Neighbouring events get their labels on different lines, so they do not
			// print over each other.
			labels.Offset = vg.Point{X: vg.Points(3), Y: vg.Points(-10 - 11*float64(mi%4))}
			// A label past the middle reads leftwards from its line, so it stays inside.
			if pn.xFixed && m.x > (pn.xMin+pn.xMax)/2 {
				labels.TextStyle[0].XAlign = draw.XRight
				labels.Offset.X = -vg.Points(3)
			}
			p.Add(labels)
		}
	}
	p.Legend.Top = false
	p.Legend.Left = true
	p.Legend.TextStyle.Font.Size = vg.Points(8)
	return p, nil
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

// writeChart stacks the panels and writes them as "svg" or "png".
func writeChart(w io.Writer, format string, width, height vg.Length, panels ...panel) error {
	plots := make([]*plot.Plot, len(panels))
	for i, pn := range panels {
		p, err := pn.plot()
		if err != nil {
			return err
		}
		plots[i] = p
	}
	return drawPlots(w, format, width, height, plots...)
}

// drawPlots stacks plots one above the other with aligned axes and writes them as "svg" or
// "png".
func drawPlots(w io.Writer, format string, width, height vg.Length, stack ...*plot.Plot) error {
	plots := make([][]*plot.Plot, len(stack))
	for i, p := range stack {
		plots[i] = []*plot.Plot{p}
	}
	var canvas vg.CanvasWriterTo
	switch format {
	case "svg":
		canvas = vgsvg.New(width, height)
	case "png":
		canvas = vgimg.PngCanvas{Canvas: vgimg.NewWith(vgimg.UseWH(width, height), vgimg.UseDPI(144))}
	default:
		return fmt.Errorf("cannot draw a chart as %q: use .svg or .png", format)
	}
	tiles := draw.Tiles{Rows: len(stack), Cols: 1, PadTop: vg.Points(6), PadBottom: vg.Points(6), PadLeft: vg.Points(6), PadRight: vg.Points(12), PadY: vg.Points(12)}
	canvases := plot.Align(plots, tiles, draw.New(canvas))
	for i := range plots {
		plots[i][0].Draw(canvases[i][0])
	}
	_, err := canvas.WriteTo(w)
	return err
}
