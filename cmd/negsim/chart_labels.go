package main

import (
	"math"
	"slices"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Labels naming the points of a chart (the tables of a debrief) are each set where they
// collide least with what the chart draws: one offset for all put "red" over the Nash ring
// that circles its own point and "green" across the frontier. Each label tries a few places
// around its point in a fixed order and keeps the first that touches no point, ring, solid
// line, label placed before it, nor the edge of the plotting area. A place crossing a dashed
// or dotted line (a walk-away value), across which text still reads, or nearer another
// point than its own, is taken only when no other as near the point is free. Where every
// place touches something (a crowded class), the one touching least is kept, the earliest
// of equals, and one over another label or past the edge only where every place is.
// Sizes come from the font the chart is drawn in, whose widths the SVG pins
// (pinTextWidths), so the boxes weighed here are the boxes drawn; the same input gives the
// same places.

// labelGap is the least room between a label and whatever it keeps clear of, in points.
const labelGap = 2

// chartGlyph is something drawn at a point: a scatter point, a point of a line, the Nash
// ring. half is half its width in points, stroke included; it is weighed as a square.
type chartGlyph struct {
	x, y float64
	half vg.Length
}

// chartPath is a line through data points; soft marks a dashed or dotted one.
type chartPath struct {
	xs, ys []float64
	half   vg.Length
	soft   bool
}

// pointLabel is a label's text and its point, in data units.
type pointLabel struct {
	x, y float64
	text string
}

// pointLabels is a plotter drawing labels beside their points, each where it collides
// least with the glyphs, paths and labels of its panel.
type pointLabels struct {
	labels []pointLabel
	glyphs []chartGlyph
	paths  []chartPath
	style  text.Style
}

// Plot implements plot.Plotter.
func (pl *pointLabels) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	glyphs := make([]vg.Rectangle, len(pl.glyphs))
	for i, g := range pl.glyphs {
		at := vg.Point{X: trX(g.x), Y: trY(g.y)}
		glyphs[i] = vg.Rectangle{Min: vg.Point{X: at.X - g.half, Y: at.Y - g.half}, Max: vg.Point{X: at.X + g.half, Y: at.Y + g.half}}
	}
	type segment struct {
		a, b vg.Point
		half vg.Length
		soft bool
	}
	var segments []segment
	for _, path := range pl.paths {
		for i := 1; i < len(path.xs); i++ {
			segments = append(segments, segment{
				a:    vg.Point{X: trX(path.xs[i-1]), Y: trY(path.ys[i-1])},
				b:    vg.Point{X: trX(path.xs[i]), Y: trY(path.ys[i])},
				half: path.half, soft: path.soft})
		}
	}
	ext := pl.style.FontExtents()
	height := ext.Ascent + ext.Descent
	// The plotting area a label stays within. The title stands right above it, so at the top
	// a label keeps a line's height more: "C" set there read as part of the title.
	inside := vg.Rectangle{
		Min: vg.Point{X: c.Min.X + labelGap, Y: c.Min.Y + labelGap},
		Max: vg.Point{X: c.Max.X - labelGap, Y: c.Max.Y - labelGap - height}}
	var placed []vg.Rectangle
	for _, l := range pl.labels {
		at := vg.Point{X: trX(l.x), Y: trY(l.y)}
		if !c.Contains(at) {
			continue
		}
		// The label stands clear of the largest glyph at its point: the Nash ring, when
		// the table's deal is the Nash solution.
		var own vg.Length
		mine := make([]bool, len(glyphs))
		for i, g := range glyphs {
			if center := g.Min.Add(g.Max).Scale(0.5); math.Abs(float64(center.X-at.X)) < 0.5 && math.Abs(float64(center.Y-at.Y)) < 0.5 {
				own, mine[i] = max(own, (g.Max.X-g.Min.X)/2), true
			}
		}
		width := pl.style.Width(l.text)
		// A place's cost, least first: the labels and edges it runs over, since text over
		// text reads as neither and text past the edge runs into the title or an axis;
		// then the points and solid lines it covers; then what makes it read less well.
		var best vg.Rectangle
		bestCost := [3]int{math.MaxInt, math.MaxInt, math.MaxInt}
		places := labelPlaces(at, own, width, height)
		for i, box := range places {
			var cost [3]int
			if box.Min.X < inside.Min.X || box.Min.Y < inside.Min.Y || box.Max.X > inside.Max.X || box.Max.Y > inside.Max.Y {
				cost[0]++
			}
			clear := grow(box, labelGap)
			for _, b := range placed {
				if overlaps(clear, b) {
					cost[0]++
				}
			}
			for _, g := range glyphs {
				if overlaps(clear, g) {
					cost[1]++
				}
			}
			for _, s := range segments {
				if crosses(grow(clear, s.half), s.a, s.b) {
					if s.soft {
						cost[2]++
					} else {
						cost[1]++
					}
				}
			}
			// A label nearer another point than its own reads as that point's ("green"
			// under the Nash ring, beside its own triangle).
			if nearer(box, glyphs, mine) {
				cost[2]++
			}
			// A place near the point crossing a dashed line beats one a line further out
			// crossing none: a label away from its point reads as another point's.
			cost[2] += i / labelSides * (len(segments) + 2)
			if slices.Compare(cost[:], bestCost[:]) < 0 {
				best, bestCost = box, cost
			}
		}
		placed = append(placed, best)
		// Drawn from its bottom left: gonum sets a line's baseline its font size less its
		// ascent above the point given, and the box's foot is the descent below it.
		sty := pl.style
		sty.XAlign, sty.YAlign = draw.XLeft, draw.YBottom
		c.FillText(sty, vg.Point{X: best.Min.X, Y: best.Min.Y + ext.Descent + ext.Ascent - sty.Font.Size}, l.text)
	}
}

// A label tries labelSides places around its point at each of labelTiers distances.
const (
	labelSides = 8
	labelTiers = 3
)

// labelPlaces are the boxes a label of the size given may take around its point, whose
// glyph reaches own from it, in the order tried: beside it right and up, right and down,
// left and up, left and down (the text's foot or head half the glyph's reach off the
// point's level, as a point at the plot's edge leaves room for), then above, below, right
// and left of it; each first labelGap clear of the glyph, then a line further out, then two.
func labelPlaces(at vg.Point, own, width, height vg.Length) []vg.Rectangle {
	var out []vg.Rectangle
	box := func(left, bottom vg.Length) {
		out = append(out, vg.Rectangle{Min: vg.Point{X: left, Y: bottom}, Max: vg.Point{X: left + width, Y: bottom + height}})
	}
	for tier := range labelTiers {
		d, up := own+labelGap+vg.Length(tier)*height, own/2+vg.Length(tier)*height
		box(at.X+d, at.Y+up)              // right, up
		box(at.X+d, at.Y-up-height)       // right, down
		box(at.X-d-width, at.Y+up)        // left, up
		box(at.X-d-width, at.Y-up-height) // left, down
		box(at.X-width/2, at.Y+d)         // above
		box(at.X-width/2, at.Y-d-height)  // below
		box(at.X+d, at.Y-height/2)        // right
		box(at.X-d-width, at.Y-height/2)  // left
	}
	return out
}

// nearer reports whether a glyph not marked mine is nearer the box than the nearest of those
// marked mine.
func nearer(box vg.Rectangle, glyphs []vg.Rectangle, mine []bool) bool {
	own := vg.Length(math.Inf(1))
	for i, g := range glyphs {
		if mine[i] {
			own = min(own, apart(box, g))
		}
	}
	for i, g := range glyphs {
		if !mine[i] && apart(box, g) < own {
			return true
		}
	}
	return false
}

// apart is the distance between two boxes, 0 where they meet.
func apart(a, b vg.Rectangle) vg.Length {
	dx := max(0, b.Min.X-a.Max.X, a.Min.X-b.Max.X)
	dy := max(0, b.Min.Y-a.Max.Y, a.Min.Y-b.Max.Y)
	return vg.Length(math.Hypot(float64(dx), float64(dy)))
}

// grow is r with m more on every side.
func grow(r vg.Rectangle, m vg.Length) vg.Rectangle {
	return vg.Rectangle{Min: vg.Point{X: r.Min.X - m, Y: r.Min.Y - m}, Max: vg.Point{X: r.Max.X + m, Y: r.Max.Y + m}}
}

// overlaps reports whether two boxes share more than an edge.
func overlaps(a, b vg.Rectangle) bool {
	return a.Min.X < b.Max.X && b.Min.X < a.Max.X && a.Min.Y < b.Max.Y && b.Min.Y < a.Max.Y
}

// crosses reports whether the segment from a to b passes through the box: the part of the
// segment within the box's columns (Liang and Barsky's clipping) is not empty.
func crosses(r vg.Rectangle, a, b vg.Point) bool {
	t0, t1 := 0.0, 1.0
	d := b.Sub(a)
	for _, side := range [4]struct{ p, q float64 }{
		{-float64(d.X), float64(a.X - r.Min.X)},
		{float64(d.X), float64(r.Max.X - a.X)},
		{-float64(d.Y), float64(a.Y - r.Min.Y)},
		{float64(d.Y), float64(r.Max.Y - a.Y)},
	} {
		if side.p == 0 {
			if side.q < 0 {
				return false
			}
			continue
		}
		t := side.q / side.p
		if side.p < 0 {
			t0 = max(t0, t)
		} else {
			t1 = min(t1, t)
		}
		if t0 > t1 {
			return false
		}
	}
	return true
}
