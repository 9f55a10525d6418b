package main

import (
	"fmt"
	"image/color"
	"io"
	"path/filepath"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/plotutil"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
	"gonum.org/v1/plot/vg/vgsvg"

	"github.com/negsim/negsim/sim"
)

// sweepChart plots a sweep as two panels sharing the swept value as x axis: the ZOPA's size
// above, the veto actors' surpluses at the Nash deal below, with dashed lines where the
// ZOPA opens or closes. Two panels rather than two y axes, since counts and utilities
// share no scale. The format follows the file name's extension.
func sweepChart(w io.Writer, sw *sim.Sweep, sc *sim.Scenario, name string) error {
	size := plot.New()
	size.Title.Text = fmt.Sprintf("%s: sweep of %s", sc.Name, sw.Path)
	size.Y.Label.Text = "deals in the ZOPA"
	size.Y.Min = 0
	var pts plotter.XYs
	for _, p := range sw.Points {
		pts = append(pts, plotter.XY{X: p.Value, Y: float64(p.ZOPA)})
	}
	line, marks, err := plotter.NewLinePoints(pts)
	if err != nil {
		return err
	}
	size.Add(line, marks)

	surplus := plot.New()
	surplus.X.Label.Text = sw.Path
	surplus.Y.Label.Text = "surplus at the Nash deal"
	surplus.Y.Min = 0
	surplus.Legend.Top = true
	for i, id := range sw.Veto {
		c := plotutil.Color(i)
		var run plotter.XYs
		first := true
		flush := func() error {
			if len(run) == 0 {
				return nil
			}
			l, m, err := plotter.NewLinePoints(run)
			if err != nil {
				return err
			}
			l.Color, m.Color, m.Shape = c, c, plotutil.Shape(i)
			surplus.Add(l, m)
			if first {
				surplus.Legend.Add(id, l, m)
				first = false
			}
			run = nil
			return nil
		}
		for _, p := range sw.Points {
			s, ok := p.Surplus[id]
			if !ok {
				if err := flush(); err != nil {
					return err
				}
				continue
			}
			run = append(run, plotter.XY{X: p.Value, Y: s})
		}
		if err := flush(); err != nil {
			return err
		}
	}
	for _, pl := range []*plot.Plot{size, surplus} {
		pl.Add(plotter.NewGrid())
		for _, th := range sw.Thresholds {
			pl.Add(verticalLine(th.At))
		}
		pl.X.Min, pl.X.Max = xRange(sw)
	}

	const width, height = 18 * vg.Centimeter, 16 * vg.Centimeter
	var canvas vg.CanvasWriterTo
	if strings.EqualFold(filepath.Ext(name), ".png") {
		canvas = vgimg.PngCanvas{Canvas: vgimg.NewWith(vgimg.UseWH(width, height), vgimg.UseDPI(120))}
	} else {
		canvas = vgsvg.NewWith(vgsvg.UseWH(width, height))
	}
	dc := draw.New(canvas)
	panels := [][]*plot.Plot{{size}, {surplus}}
	tiles := draw.Tiles{Rows: 2, Cols: 1, PadTop: vg.Millimeter * 2, PadBottom: vg.Millimeter * 2, PadLeft: vg.Millimeter * 2, PadRight: vg.Millimeter * 4, PadY: vg.Millimeter * 4}
	cs := plot.Align(panels, tiles, dc)
	size.Draw(cs[0][0])
	surplus.Draw(cs[1][0])
	_, err = canvas.WriteTo(w)
	return err
}

func xRange(sw *sim.Sweep) (lo, hi float64) {
	lo, hi = sw.Points[0].Value, sw.Points[0].Value
	for _, p := range sw.Points {
		lo, hi = min(lo, p.Value), max(hi, p.Value)
	}
	return lo, hi
}

// verticalLine marks a threshold across the whole height of a panel, whatever its y range.
type verticalLine float64

func (x verticalLine) Plot(c draw.Canvas, p *plot.Plot) {
	trX, _ := p.Transforms(&c)
	px := trX(float64(x))
	ls := draw.LineStyle{Color: color.Gray{Y: 96}, Width: vg.Points(1), Dashes: []vg.Length{vg.Points(4), vg.Points(3)}}
	c.StrokeLine2(ls, px, c.Min.Y, px, c.Max.Y)
}
