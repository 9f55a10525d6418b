package sim

import (
	"context"
	"fmt"
)

// PlaneMaxDeals is the largest outcome space Plane walks deal by deal. Beyond it the plane
// holds the ZOPA's deals only, when they are no more than this, and nothing otherwise: a
// chart is for reading, and a space of millions of deals reads as well from its frontier.
const PlaneMaxDeals = 1 << 22

// Plane is the outcome space seen by two actors: every deal placed by the two actors'
// utilities and counted in a grid of Cells × Cells equal squares over [0,1]², the ZOPA's
// deals counted apart. A chart draws a few thousand cells where the space holds hundreds of
// thousands of deals. Its JSON form is a public contract.
type Plane struct {
	Axes  [2]string `json:"axes"`
	Cells int       `json:"cells"`
	// Complete is false when the space was too large to walk (see PlaneMaxDeals): All is then
	// empty, and ZOPA too when the zone is as large.
	Complete bool        `json:"complete"`
	All      []PlaneCell `json:"all"`
	ZOPA     []PlaneCell `json:"zopa"`
}

// PlaneCell is one square of a Plane: column X and row Y from 0 (utility 0) to Cells−1
// (utility 1), and how many deals fall in it.
type PlaneCell struct {
	X     int    `json:"x"`
	Y     int    `json:"y"`
	Deals uint64 `json:"deals"`
}

// PlaneOf places the deals of a compiled scenario on the plane of actors a and b (positions
// in file order), in a grid of cells × cells. The ZOPA's deals are the ones Analyze counts:
// the engine's own search lists them.
func PlaneOf(ctx context.Context, sp *Space, a, b, cells int) (*Plane, error) {
	if a < 0 || a >= sp.actors || b < 0 || b >= sp.actors {
		return nil, fmt.Errorf("actor positions %d and %d: the scenario has %d actors", a, b, sp.actors)
	}
	if cells < 1 || cells > 1000 {
		return nil, fmt.Errorf("%d cells a side: give 1 to 1000", cells)
	}
	pl := &Plane{Axes: [2]string{sp.sc.Actors[a].ID, sp.sc.Actors[b].ID}, Cells: cells, All: []PlaneCell{}, ZOPA: []PlaneCell{}}
	// The zone is counted first (by whole subtrees, cheaply) and listed only when it is
	// small enough to walk; its members come from the search Analyze counts with, decision
	// rules and ratification included.
	res := sp.reservations()
	zs, err := searchZOPA(ctx, sp, res, 0, false)
	if err != nil {
		return nil, err
	}
	if !sp.tooMany && sp.deals <= PlaneMaxDeals {
		grid := make([]uint64, cells*cells)
		if err := sp.walkPlane(ctx, a, b, cells, grid); err != nil {
			return nil, err
		}
		pl.All = cellList(grid, cells)
		pl.Complete = true
	}
	if zs.count == 0 || zs.count > PlaneMaxDeals {
		return pl, nil
	}
	if zs, err = searchZOPA(ctx, sp, res, 0, true); err != nil {
		return nil, err
	}
	grid := make([]uint64, cells*cells)
	for _, i := range zs.members {
		choice := sp.choiceAt(i)
		grid[cellOf(sp.Utility(b, choice), cells)*cells+cellOf(sp.Utility(a, choice), cells)]++
	}
	pl.ZOPA = cellList(grid, cells)
	return pl, nil
}

// walkPlane counts every deal into grid, keeping the two actors' partial utilities per
// issue so that each deal costs two additions.
func (sp *Space) walkPlane(ctx context.Context, a, b, cells int, grid []uint64) error {
	last := sp.issues - 1
	var steps uint
	var err error
	var walk func(k int, ua, ub float64)
	walk = func(k int, ua, ub float64) {
		if err != nil {
			return
		}
		if k == last {
			if steps++; steps&1023 == 0 {
				err = ctx.Err()
			}
			va, vb := sp.value[a][sp.off[k]:sp.off[k+1]], sp.value[b][sp.off[k]:sp.off[k+1]]
			for o := range va {
				grid[cellOf(ub+vb[o], cells)*cells+cellOf(ua+va[o], cells)]++
			}
			return
		}
		for o := 0; o < sp.opts[k]; o++ {
			walk(k+1, ua+sp.value[a][sp.off[k]+o], ub+sp.value[b][sp.off[k]+o])
		}
	}
	walk(0, 0, 0)
	return err
}

// cellOf is the cell a utility falls in; 1 falls in the last cell, not past it.
func cellOf(u float64, cells int) int {
	return min(cells-1, max(0, int(u*float64(cells))))
}

func cellList(grid []uint64, cells int) []PlaneCell {
	out := []PlaneCell{}
	for i, n := range grid {
		if n > 0 {
			out = append(out, PlaneCell{X: i % cells, Y: i / cells, Deals: n})
		}
	}
	return out
}
