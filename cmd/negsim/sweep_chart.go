package main

import (
	"fmt"
	"io"

	"gonum.org/v1/plot/vg"

	"github.com/negsim/negsim/sim"
)

// sweepChart plots a sweep as two panels sharing the swept value as x axis: the ZOPA's size
// above, the veto actors' surpluses at the Nash deal below, both from 0, with dashed lines,
// labelled, where the ZOPA opens or closes. Two panels rather than two y axes, since counts
// and utilities share no scale.
func sweepChart(w io.Writer, format string, sw *sim.Sweep, title string) error {
	size, surplus := sweepPanels(sw, title)
	return writeChart(w, format, 18*vg.Centimeter, 16*vg.Centimeter, size, surplus)
}

// sweepPanels are the two panels of the sweep chart: ZOPA size above, surpluses below.
func sweepPanels(sw *sim.Sweep, title string) (panel, panel) {
	lo, hi := sw.Points[0].Value, sw.Points[0].Value
	for _, p := range sw.Points {
		lo, hi = min(lo, p.Value), max(hi, p.Value)
	}
	var marks []chartMark
	var notes []chartMark
	for _, th := range sw.Thresholds {
		tag := fmt.Sprintf("%s at %.4g", th.Kind, th.At)
		marks = append(marks, chartMark{x: th.At, tag: tag})
		notes = append(notes, chartMark{x: th.At, note: fmt.Sprintf("dashed: the ZOPA %s at %.4g", th.Kind, th.At)})
	}
	size := panel{title: fmt.Sprintf("%s: sweep of %s", title, sw.Path), yLabel: "deals in the ZOPA",
		xFixed: true, xMin: lo, xMax: hi, marks: marks, wholeY: true, zeroY: true, legend: true}
	size.lines = []chartLine{zopaSteps(sw)}

	surplus := panel{xLabel: sw.Path, yLabel: "surplus at the Nash deal", xFixed: true, xMin: lo, xMax: hi, marks: notes, legend: true, zeroY: true}
	for i, id := range sw.Veto {
		// A surplus exists only where the ZOPA does: each stretch of values with one is its
		// own line, so the chart never bridges a closed zone.
		run, labelled := chartLine{color: i, points: true}, false
		flush := func() {
			if len(run.xs) > 0 {
				if !labelled {
					run.label, labelled = id, true
				}
				surplus.lines = append(surplus.lines, run)
			}
			run = chartLine{color: i, points: true}
		}
		for _, p := range sw.Points {
			s, ok := p.Surplus[id]
			if !ok {
				flush()
				continue
			}
			run.xs = append(run.xs, p.Value)
			run.ys = append(run.ys, s)
		}
		flush()
	}
	return size, surplus
}

// zopaSteps is the ZOPA-size line. Where the zone opens or closes between two values it
// steps at the threshold: flat from each side to it, then straight up or down, since a
// slope through the threshold would show deals at values where there are none.
func zopaSteps(sw *sim.Sweep) chartLine {
	l := chartLine{points: true}
	add := func(x, y float64, bend bool) {
		l.xs, l.ys, l.bends = append(l.xs, x), append(l.ys, y), append(l.bends, bend)
	}
	for i, p := range sw.Points {
		if i > 0 {
			prev := sw.Points[i-1]
			for _, th := range sw.Thresholds {
				between := (th.At-prev.Value)*(th.At-p.Value) <= 0
				if between && (prev.ZOPA == 0) != (p.ZOPA == 0) {
					add(th.At, float64(prev.ZOPA), true)
					add(th.At, float64(p.ZOPA), true)
					break
				}
			}
		}
		add(p.Value, float64(p.ZOPA), false)
	}
	return l
}
