package main

import (
	"fmt"
	"image/color"
	"io"
	"math"
	"strconv"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/negsim/negsim/sim"
)

// maxTornadoBars keeps a tornado chart legible on a projector: past it the names crowd.
const maxTornadoBars = 25

// Colours of the three ways the headline changes, from a palette that stays apart for
// readers with the common colour-vision deficiencies (ColorBrewer Dark2).
var changeColors = map[sim.HeadlineChange]color.Color{
	sim.ChangeOpens:  color.RGBA{R: 0x1b, G: 0x9e, B: 0x77, A: 0xff},
	sim.ChangeMoves:  color.RGBA{R: 0x75, G: 0x70, B: 0xb3, A: 0xff},
	sim.ChangeCloses: color.RGBA{R: 0xd9, G: 0x5f, B: 0x02, A: 0xff},
}

// tornadoChart draws one bar per value with a threshold, the nearest change on top: to
// the left, how far the value must fall for the zone or its Nash deal to change; to the right, how far
// it must rise; both as a share of the value's range, coloured by what happens there and
// labelled with the value at which it happens.
func tornadoChart(w io.Writer, format, name string, rep *sim.SensitivityReport) error {
	var rows []sim.SensitivityRow
	for _, r := range rep.Rows {
		if r.Nearest != nil && len(rows) < maxTornadoBars {
			rows = append(rows, r)
		}
	}
	p := plot.New()
	now := "the zone is empty now"
	if rep.Headline.Deals > 0 {
		now = fmt.Sprintf("the zone holds %s now", plural(rep.Headline.Deals, "deal", "deals"))
	}
	// Two lines, so that a long scenario name still fits the width.
	p.Title.Text = fmt.Sprintf("%s: what would it take\n%s", name, now)
	p.Title.TextStyle.Font.Size = vg.Points(17)
	p.X.Label.Text = "change as a share of the value's range   (← lower it · raise it →)"
	p.X.Label.TextStyle.Font.Size = vg.Points(14)
	p.X.Tick.Label.Font.Size = vg.Points(13)
	p.Y.Tick.Label.Font.Size = vg.Points(13)
	p.Legend.TextStyle.Font.Size = vg.Points(13)
	// The nearest changes are on top and short, which leaves the top right corner free.
	p.Legend.Top, p.Legend.Left = true, false
	if len(rows) == 0 {
		p.Title.Text += ";\nno value, moved alone within its range, reaches a point at which the zone " + zoneChange(rep)
		p.HideAxes()
		p.X.Label.Text = ""
		return drawPlots(w, format, 28*vg.Centimeter, 6*vg.Centimeter, p)
	}
	t := &tornado{text: draw.TextStyle{Color: color.Black, Font: p.Y.Tick.Label.Font, Handler: p.Y.Tick.Label.Handler}}
	t.text.Font.Size = vg.Points(12)
	names := make([]string, len(rows))
	seen := map[sim.HeadlineChange]bool{}
	for i, r := range rows {
		y := float64(len(rows) - 1 - i)
		names[len(rows)-1-i] = chartName(r.Path)
		for _, tip := range []*sim.Tipping{r.Below, r.Above} {
			if tip == nil {
				continue
			}
			t.bars = append(t.bars, tornadoBar{y: y, x: 100 * math.Copysign(tip.Relative, tip.Change), kind: tip.Kind,
				label: barLabel(tip)})
			seen[tip.Kind] = true
		}
	}
	p.Add(t)
	p.NominalY(names...)
	p.X.Tick.Marker = percentTicks{}
	p.Add(&zeroLine{})
	for _, kind := range []sim.HeadlineChange{sim.ChangeOpens, sim.ChangeMoves, sim.ChangeCloses} {
		if seen[kind] {
			p.Legend.Add(map[sim.HeadlineChange]string{sim.ChangeOpens: "the zone opens", sim.ChangeMoves: "the Nash deal moves", sim.ChangeCloses: "the zone closes"}[kind], swatch{changeColors[kind]})
		}
	}
	height := 4*vg.Centimeter + vg.Length(len(rows))*0.9*vg.Centimeter
	return drawPlots(w, format, 28*vg.Centimeter, max(height, 9*vg.Centimeter), p)
}

// chartName shortens a path for the chart's axis: the table beside it has the path whole.
func chartName(path string) string {
	path = strings.TrimPrefix(path, "actors.")
	return strings.Replace(path, ".preferences.", ".", 1)
}

type tornadoBar struct {
	y, x  float64
	kind  sim.HeadlineChange
	label string
}

// tornado draws the bars from 0 to each x, with the threshold's value beyond the bar's end.
type tornado struct {
	bars []tornadoBar
	text draw.TextStyle
}

func (t *tornado) Plot(c draw.Canvas, p *plot.Plot) {
	tx, ty := p.Transforms(&c)
	const half = 0.32
	for _, b := range t.bars {
		x0, x1 := tx(0), tx(b.x)
		y0, y1 := ty(b.y-half), ty(b.y+half)
		c.FillPolygon(changeColors[b.kind], []vg.Point{{X: x0, Y: y0}, {X: x1, Y: y0}, {X: x1, Y: y1}, {X: x0, Y: y1}})
		sty := t.text
		sty.YAlign = draw.YCenter
		at := vg.Point{X: x1 + vg.Points(4), Y: ty(b.y)}
		if b.x < 0 {
			sty.XAlign = draw.XRight
			at.X = x1 - vg.Points(4)
		}
		c.FillText(sty, at, b.label)
	}
}

// DataRange is symmetric around 0 and wide enough for the labels beyond the longest bar.
func (t *tornado) DataRange() (xmin, xmax, ymin, ymax float64) {
	far := 1.0
	for _, b := range t.bars {
		far = max(far, math.Abs(b.x))
	}
	far *= 1.3
	n := 0.0
	for _, b := range t.bars {
		n = max(n, b.y)
	}
	// A row's height of room above the first bar holds the legend.
	return -far, far, -0.5, n + 1.3
}

// zeroLine marks the current value of every row.
type zeroLine struct{}

func (zeroLine) Plot(c draw.Canvas, p *plot.Plot) {
	tx, _ := p.Transforms(&c)
	c.StrokeLine2(draw.LineStyle{Color: color.Gray{Y: 60}, Width: vg.Points(1.2)}, tx(0), c.Min.Y, tx(0), c.Max.Y)
}

// swatch is a legend entry: a square of the colour.
type swatch struct{ color color.Color }

func (s swatch) Thumbnail(c *draw.Canvas) {
	pts := []vg.Point{{X: c.Min.X, Y: c.Min.Y}, {X: c.Max.X, Y: c.Min.Y}, {X: c.Max.X, Y: c.Max.Y}, {X: c.Min.X, Y: c.Max.Y}}
	c.FillPolygon(s.color, pts)
}

// percentTicks labels the shares as signed percentages, three or four a side at a step of
// 1, 2 or 5 times a power of ten.
type percentTicks struct{}

func (percentTicks) Ticks(lo, hi float64) []plot.Tick {
	far := max(math.Abs(lo), math.Abs(hi))
	step := math.Pow(10, math.Floor(math.Log10(far/4)))
	for _, m := range []float64{1, 2, 5, 10} {
		if far/(step*m) <= 4 {
			step *= m
			break
		}
	}
	var ticks []plot.Tick
	for v := -math.Floor(far/step) * step; v <= far+1e-9; v += step {
		label := strconv.FormatFloat(math.Abs(v), 'g', 3, 64) + "%"
		switch {
		case v < -1e-9:
			label = "−" + label
		case v > 1e-9:
			label = "+" + label
		default:
			v, label = 0, "0%"
		}
		ticks = append(ticks, plot.Tick{Value: v, Label: label})
	}
	return ticks
}

// barLabel is the value where a bar's change happens, in full as the table writes it:
// rounded, a threshold a hair past the current value would read as the current value.
func barLabel(tip *sim.Tipping) string { return fnum(tip.At) }
