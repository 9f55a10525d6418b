package main

import (
	"math"
	"strings"

	"github.com/negsim/negsim/sim"
)

// The utility plane of two veto actors, which debrief and report both chart: which two
// actors it is drawn for, and the panel showing the ZOPA's frontier, their walk-away values
// and the deals given on it.

// chartAxes resolves --axes to two veto actors' positions; with no flag, the first two
// veto actors, or nil when there are fewer than two (and so no frontier to chart).
func chartAxes(sc *sim.Scenario, flag, file string) (*[2]int, error) {
	var veto []int
	for i := range sc.Actors {
		if sc.Actors[i].Veto {
			veto = append(veto, i)
		}
	}
	if flag == "" {
		if len(veto) < 2 {
			return nil, nil
		}
		return &[2]int{veto[0], veto[1]}, nil
	}
	ids := strings.Split(flag, ",")
	if len(ids) != 2 {
		return nil, usagef("--axes %s: give two veto actors as a,b", flag)
	}
	var axes [2]int
	for i, id := range ids {
		k, err := actorArg("--axes", strings.TrimSpace(id), sc, file)
		if err != nil {
			return nil, err
		}
		if !sc.Actors[k].Veto {
			return nil, usagef("--axes %s: %s holds no veto, and the frontier is over the veto actors", flag, id)
		}
		axes[i] = k
	}
	if axes[0] == axes[1] {
		return nil, usagef("--axes %s: give two different actors", flag)
	}
	return &axes, nil
}

// dealsPanel is the utility plane of two actors in points: the frontier, the walk-away
// values, the deals given, and the Nash solution drawn last as a ring, so that it neither
// hides a deal under it nor is hidden. The panel is fitted to what it shows.
func dealsPanel(title string, sc *sim.Scenario, axes []string, frontier []sim.FrontierPoint, nash *sim.FrontierPoint, deals ...chartLine) panel {
	ax, ay := &sc.Actors[sc.ActorIndex(axes[0])], &sc.Actors[sc.ActorIndex(axes[1])]
	pn := panel{title: title, xLabel: ax.Name + " (points)", yLabel: ay.Name + " (points)",
		fixed: true, yMin: 0, yMax: 100, xFixed: true, xMin: 0, xMax: 100, legend: true}
	if len(frontier) > 0 {
		f := chartLine{label: "Pareto frontier of the ZOPA", color: 1, points: true}
		for _, p := range frontier {
			f.xs, f.ys = append(f.xs, 100*p.X), append(f.ys, 100*p.Y)
		}
		pn.lines = append(pn.lines, f)
	}
	// Each walk-away is a line of its own colour, drawn over the grid: a grey one on a
	// value of the grid (Ukraine's 40) vanished into its line.
	pn.lines = append(pn.lines,
		chartLine{label: ax.Name + " walk-away", color: 3, dashed: true, vertical: true,
			xs: []float64{100 * ax.Reservation, 100 * ax.Reservation}, ys: []float64{0, 100}},
		chartLine{label: ay.Name + " walk-away", color: 4, dashed: true,
			xs: []float64{0, 100}, ys: []float64{100 * ay.Reservation, 100 * ay.Reservation}})
	pn.lines = append(pn.lines, deals...)
	if nash != nil {
		pn.lines = append(pn.lines, chartLine{label: "Nash solution", color: 5, scatter: true, ring: true,
			xs: []float64{100 * nash.X}, ys: []float64{100 * nash.Y}})
	}
	pn.fit()
	return pn
}

// fit narrows a points panel to what it shows, with a margin, on a grid of 5 points within
// [0, 100]: deals crowd into a corner of the whole square, and the walk-away lines must
// stay in sight.
func (pn *panel) fit() {
	lo := [2]float64{math.Inf(1), math.Inf(1)}
	hi := [2]float64{math.Inf(-1), math.Inf(-1)}
	for _, l := range pn.lines {
		// A walk-away line runs across the whole panel: only where it crosses counts.
		if l.dashed && l.vertical {
			lo[0], hi[0] = min(lo[0], l.xs[0]), max(hi[0], l.xs[0])
			continue
		}
		if l.dashed {
			lo[1], hi[1] = min(lo[1], l.ys[0]), max(hi[1], l.ys[0])
			continue
		}
		for i := range l.xs {
			lo[0], hi[0] = min(lo[0], l.xs[i]), max(hi[0], l.xs[i])
			lo[1], hi[1] = min(lo[1], l.ys[i]), max(hi[1], l.ys[i])
		}
	}
	for _, m := range pn.marks {
		lo[0], hi[0] = min(lo[0], m.x), max(hi[0], m.x)
	}
	for i := range lo {
		if math.IsInf(lo[i], 0) || math.IsInf(hi[i], 0) {
			lo[i], hi[i] = 0, 100
		}
		lo[i] = max(0, 5*math.Floor(lo[i]/5)-5)
		hi[i] = min(100, 5*math.Ceil(hi[i]/5)+5)
	}
	pn.xMin, pn.xMax, pn.yMin, pn.yMax = lo[0], hi[0], lo[1], hi[1]
	for i := range pn.lines {
		switch {
		case pn.lines[i].dashed && pn.lines[i].vertical:
			pn.lines[i].ys = []float64{lo[1], hi[1]}
		case pn.lines[i].dashed:
			pn.lines[i].xs = []float64{lo[0], hi[0]}
		}
	}
}
