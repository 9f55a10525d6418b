package sim

import (
	"context"
	"slices"
	"testing"
)

// The twoByTwo deals (see zopa_test.go) on a grid of 2 × 2 cells, split at utility 0.5
// (0.5 itself falls in the upper cell):
//
//	deal   (u_x, u_y)   cell    in the ZOPA (both at least 0.3)
//	a0 b0  (.6, .5)     (1,1)   yes
//	a0 b1  (1, 0)       (1,0)   no
//	a1 b0  (.3, .75)    (0,1)   yes (x exactly at its reservation)
//	a1 b1  (.7, .25)    (1,0)   no
//	a2 b0  (0, 1)       (0,1)   no
//	a2 b1  (.4, .5)     (0,1)   yes
//
// so every deal: (1,0) 2, (0,1) 3, (1,1) 1; the ZOPA: (0,1) 2, (1,1) 1, cells listed row by
// row from the bottom.
func TestPlaneCountsDealsByCell(t *testing.T) {
	sp := compiled(t, twoByTwo())
	pl, err := PlaneOf(context.Background(), sp, 0, 1, 2)
	if err != nil {
		t.Fatal(err)
	}
	wantAll := []PlaneCell{{1, 0, 2}, {0, 1, 3}, {1, 1, 1}}
	wantZOPA := []PlaneCell{{0, 1, 2}, {1, 1, 1}}
	if !pl.Complete || !slices.Equal(pl.All, wantAll) || !slices.Equal(pl.ZOPA, wantZOPA) {
		t.Errorf("plane: complete %v, all %v, zopa %v; want all %v, zopa %v", pl.Complete, pl.All, pl.ZOPA, wantAll, wantZOPA)
	}
	if pl.Axes != [2]string{"x", "y"} {
		t.Errorf("axes %v", pl.Axes)
	}
	// Swapping the axes mirrors every cell (listed again row by row from the bottom).
	sw, err := PlaneOf(context.Background(), sp, 1, 0, 2)
	if err != nil {
		t.Fatal(err)
	}
	if want := []PlaneCell{{1, 0, 3}, {0, 1, 2}, {1, 1, 1}}; !slices.Equal(sw.All, want) {
		t.Errorf("swapped axes: all %v, want %v", sw.All, want)
	}
}

// A space larger than PlaneMaxDeals is not walked: 23 issues of 2 options hold 2^23 deals.
func TestPlaneRefusesToWalkAHugeSpace(t *testing.T) {
	sc := Generate(GenerateSpec{Issues: 23, Options: 2, Actors: 2, Seed: 1})
	sp := compiled(t, sc)
	pl, err := PlaneOf(context.Background(), sp, 0, 1, 10)
	if err != nil {
		t.Fatal(err)
	}
	if pl.Complete || len(pl.All) != 0 {
		t.Errorf("complete %v with %d cells over 2^23 deals; want no walk", pl.Complete, len(pl.All))
	}
}

func TestPlaneRejectsBadArguments(t *testing.T) {
	sp := compiled(t, twoByTwo())
	for _, c := range []struct{ a, b, cells int }{{0, 2, 10}, {-1, 0, 10}, {0, 1, 0}, {0, 1, 1001}} {
		if _, err := PlaneOf(context.Background(), sp, c.a, c.b, c.cells); err == nil {
			t.Errorf("PlaneOf(%d, %d, %d cells) gave no error", c.a, c.b, c.cells)
		}
	}
}

// The zone on the plane is the one Analyze counts, a decision rule included: add to
// twoByTwo an observer z (no veto, 1 vote) who wants a0 and walks away below 0.5, and
// require 3 votes. Only deals x, y and z all accept pass: of the three zone deals (a0 b0,
// a1 b0, a2 b1) z takes a0 b0 alone, in cell (1,1) at (0.6, 0.5).
func TestPlaneFollowsTheDecisionRule(t *testing.T) {
	sc := twoByTwo()
	for i := range sc.Actors {
		sc.Actors[i].Votes = 1
	}
	sc.Actors = append(sc.Actors, Actor{ID: "z", Name: "Z", Veto: false, Power: 1, Votes: 1, Reservation: 0.5, Preferences: []Preference{
		{Issue: "a", Weight: 1, Utilities: map[string]float64{"a0": 1, "a1": 0, "a2": 0}},
	}})
	sc.Decision = Decision{VotesNeeded: 3}
	sp := compiled(t, sc)
	pl, err := PlaneOf(context.Background(), sp, 0, 1, 2)
	if err != nil {
		t.Fatal(err)
	}
	if want := []PlaneCell{{1, 1, 1}}; !slices.Equal(pl.ZOPA, want) {
		t.Errorf("zone cells %v, want %v", pl.ZOPA, want)
	}
}
