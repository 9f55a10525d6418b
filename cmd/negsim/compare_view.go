package main

import (
	"fmt"
	"math"

	"github.com/negsim/negsim/sim"
)

func orDash(s string) string {
	if s == "" {
		return "–"
	}
	return s
}

func compareReport(sc *sim.Scenario, c *sim.Comparison) *report {
	r := &report{title: fmt.Sprintf("A = %s, B = %s", c.Before, c.After)}
	changed := section{title: "What changed from A to B"}
	if len(c.Changes) == 0 {
		changed.text = []string{"No value differs."}
	} else {
		changed.grid = &grid{header: []string{"path", "A", "B"}}
		for _, ch := range c.Changes {
			changed.grid.add(ch.Path, orDash(ch.Before), orDash(ch.After))
		}
	}
	r.add(changed)
	r.add(section{title: "Zone of possible agreement", text: []string{
		fmt.Sprintf("A: %s; B: %s. %s and %s the ZOPA.", plural(c.ZOPABefore, "deal", "deals"), plural(c.ZOPAAfter, "deal", "deals"),
			plural(c.EnteringCount, "enters", "enter"), plural(c.LeavingCount, "leaves", "leave")),
	}})
	moved := func(title string, n uint64, ds []sim.ComparedDeal, parties []string, where string) {
		s := section{title: title}
		if n == 0 {
			s.text = []string{"None."}
			r.add(s)
			return
		}
		if len(ds) == 0 {
			s.text = []string{plural(n, "deal", "deals") + "; none listed (--limit 0)."}
			r.add(s)
			return
		}
		who := "the veto actors'"
		if partiesWord(sc) == "party" {
			who = "the parties'"
		}
		s.text = []string{fmt.Sprintf("%d of %s, best first (by the Nash product, %s surpluses multiplied), with %s surpluses in %s.", len(ds), count(n), who, who, where)}
		s.grid = comparedDealsGrid(sc, ds, parties, false)
		r.add(s)
	}
	moved("Deals entering the ZOPA", c.EnteringCount, c.Entering, c.EnteringParties, "B")
	moved("Deals leaving the ZOPA", c.LeavingCount, c.Leaving, c.LeavingParties, "A")

	g := &grid{header: []string{"solution", "A", "B", "changed"}}
	for _, m := range c.Solutions {
		g.add(m.Solution.Title(), optionsInOrder(sc, m.Before), optionsInOrder(sc, m.After), mark(m.Changed))
	}
	r.add(section{title: "Bargaining solutions", text: []string{"Each deal " + issueOrder(sc) + "."}, grid: g})
	r.add(section{title: "Actors", text: []string{"Reservation, and surplus at the Nash solution, in A and in B."}, grid: actorMovesGrid(c, false)})
	return r
}

func actorMovesGrid(c *sim.Comparison, csv bool) *grid {
	g := &grid{header: []string{"actor", "veto", "reservation A", "reservation B", "Nash surplus A", "Nash surplus B", "change"},
		right: []bool{false, false, true, true, true, true, true}}
	if csv {
		g.header = []string{"actor", "veto_before", "veto_after", "reservation_before", "reservation_after", "nash_surplus_before", "nash_surplus_after", "nash_surplus_change"}
	}
	// CSV gives the veto in A and in B a column each, as the reservation, empty where the
	// actor is not in that scenario: one value a cell, which a spreadsheet filters.
	vetoIn := func(in *float64, veto bool) string {
		if in == nil {
			return ""
		}
		return fmt.Sprint(veto)
	}
	f := func(x *float64, sign bool) string {
		switch {
		case x == nil && csv:
			return ""
		case x == nil:
			return "–"
		case csv:
			return fmt.Sprint(*x)
		case sign && math.Abs(*x) < 5e-4:
			// Rounding in the sums must not print as a change: -0.000 would read as a loss.
			return signed(0)
		case sign:
			return signed(*x)
		}
		return num(*x)
	}
	for _, m := range c.Actors {
		veto := yesNo(m.Veto)
		if m.ReservationBefore != nil && m.ReservationAfter != nil && m.VetoBefore != m.VetoAfter {
			veto = yesNo(m.VetoBefore) + " → " + yesNo(m.VetoAfter)
		}
		if csv {
			g.add(m.Actor, vetoIn(m.ReservationBefore, m.VetoBefore), vetoIn(m.ReservationAfter, m.VetoAfter), f(m.ReservationBefore, false), f(m.ReservationAfter, false), f(m.SurplusBefore, true), f(m.SurplusAfter, true), f(m.SurplusChange, true))
			continue
		}
		g.add(m.Actor, veto, f(m.ReservationBefore, false), f(m.ReservationAfter, false), f(m.SurplusBefore, true), f(m.SurplusAfter, true), f(m.SurplusChange, true))
	}
	return g
}

// compareTables are compare's tables as CSV, one per file so that each has one header a
// spreadsheet or a script can read; --table picks one, the actor table by default (the one
// compare wrote before the others were offered).
var compareTables = map[string]func(sc *sim.Scenario, c *sim.Comparison) *grid{
	"changes": func(_ *sim.Scenario, c *sim.Comparison) *grid {
		g := &grid{header: []string{"path", "a", "b"}}
		for _, ch := range c.Changes {
			g.add(ch.Path, ch.Before, ch.After)
		}
		return g
	},
	"zopa": func(_ *sim.Scenario, c *sim.Comparison) *grid {
		g := &grid{header: []string{"zopa_a", "zopa_b", "entering", "leaving"}}
		g.add(fmt.Sprint(c.ZOPABefore), fmt.Sprint(c.ZOPAAfter), fmt.Sprint(c.EnteringCount), fmt.Sprint(c.LeavingCount))
		return g
	},
	"entering": func(sc *sim.Scenario, c *sim.Comparison) *grid {
		return comparedDealsGrid(sc, c.Entering, c.EnteringParties, true)
	},
	"leaving": func(sc *sim.Scenario, c *sim.Comparison) *grid {
		return comparedDealsGrid(sc, c.Leaving, c.LeavingParties, true)
	},
	"solutions": func(sc *sim.Scenario, c *sim.Comparison) *grid {
		g := &grid{header: []string{"solution", "side"}}
		for _, is := range sc.Issues {
			g.header = append(g.header, is.ID)
		}
		for _, m := range c.Solutions {
			for _, side := range []struct {
				name string
				deal map[string]string
			}{{"a", m.Before}, {"b", m.After}} {
				row := []string{string(m.Solution), side.name}
				for _, is := range sc.Issues {
					row = append(row, side.deal[is.ID]) // "" on a side whose ZOPA is empty
				}
				g.add(row...)
			}
		}
		return g
	},
	"actors": func(_ *sim.Scenario, c *sim.Comparison) *grid { return actorMovesGrid(c, true) },
}

var compareTableNames = []string{"changes", "zopa", "entering", "leaving", "solutions", "actors"}

// comparedDealsGrid lists entering or leaving deals: the options, the surplus of each party
// on the side where the deal is in the ZOPA (the veto actors, or without a veto every voter
// at the table), and the Nash product; as CSV, in utilities to every digit analyze reports.
func comparedDealsGrid(sc *sim.Scenario, ds []sim.ComparedDeal, parties []string, csv bool) *grid {
	g := &grid{}
	for _, is := range sc.Issues {
		g.header = append(g.header, is.ID)
		g.right = append(g.right, false)
	}
	for _, id := range parties {
		if csv {
			id = "surplus_" + id
		}
		g.header = append(g.header, id)
		g.right = append(g.right, true)
	}
	product := "Nash product"
	if csv {
		product = "nash_product"
	}
	g.header, g.right = append(g.header, product), append(g.right, true)
	for _, d := range ds {
		var row []string
		for _, is := range sc.Issues {
			row = append(row, d.Options[is.ID])
		}
		for _, id := range parties {
			if csv {
				row = append(row, dataUtility(d.Surplus[id]))
			} else {
				row = append(row, signed(d.Surplus[id]))
			}
		}
		if csv {
			row = append(row, dataUtility(d.NashProduct))
		} else {
			row = append(row, fmt.Sprintf("%.4g", d.NashProduct))
		}
		g.add(row...)
	}
	return g
}
