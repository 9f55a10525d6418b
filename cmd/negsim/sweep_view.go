package main

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/negsim/negsim/config"
	"github.com/negsim/negsim/sim"
)

func sweepView(doc *config.Document, sw *sim.Sweep) view {
	sc := doc.Scenario
	return resultView(doc, sw,
		func() *grid { return sweepGrid(sc, sw, true) },
		func() *report { return sweepReport(sc, sw) })
}

func sweepReport(sc *sim.Scenario, sw *sim.Sweep) *report {
	r := &report{title: fmt.Sprintf("%s: sweep of %s", sc.Name, sw.Path)}
	var text []string
	if sw.Interrupted {
		text = append(text, fmt.Sprintf("INTERRUPTED: %d of %d values finished; everything below covers those only.", len(sw.Points), sw.Requested), "")
	}
	text = append(text, "Per value: deals in the ZOPA, the Nash deal (* where it changed from the previous value), and each veto actor's surplus there. The Nash deal "+issueOrder(sc)+".")
	r.add(section{title: "Values", text: text, grid: sweepGrid(sc, sw, false)})
	th := section{title: "Thresholds"}
	if len(sw.Thresholds) == 0 {
		th.text = []string{"The ZOPA neither opens nor closes between the values swept."}
	}
	for _, t := range sw.Thresholds {
		th.text = append(th.text, fmt.Sprintf("The ZOPA %s at %s = %s (between %.9g and %.9g; tolerance %g).", t.Kind, sw.Path, strconv.FormatFloat(t.At, 'f', -1, 64), t.From, t.To, sw.Tolerance))
	}
	r.add(th)
	return r
}

// optionsInOrder writes a deal as its options alone, in the order of the issues, to keep a
// column of deals narrow; issueOrder is the sentence that says which issue each settles.
func optionsInOrder(sc *sim.Scenario, deal map[string]string) string {
	if deal == nil {
		return "none (ZOPA empty)"
	}
	var parts []string
	for _, is := range sc.Issues {
		parts = append(parts, deal[is.ID])
	}
	return strings.Join(parts, ", ")
}

// issueOrder says, after "the deal", in which order optionsInOrder lists its options: the
// same option id can settle more than one issue ("phased" sanctions, "phased" sequencing).
func issueOrder(sc *sim.Scenario) string {
	ids := make([]string, len(sc.Issues))
	for i, is := range sc.Issues {
		ids[i] = is.ID
	}
	if len(ids) == 1 {
		return "gives its option on " + ids[0]
	}
	return "lists its options in the order of the issues: " + strings.Join(ids, ", ")
}

// sweepGrid has one row per value. The CSV form spells the Nash deal out one column per
// issue, so spreadsheets can filter on it.
func sweepGrid(sc *sim.Scenario, sw *sim.Sweep, csv bool) *grid {
	g := &grid{header: []string{sw.Path, "zopa"}, right: []bool{true, true}}
	if csv {
		for _, is := range sc.Issues {
			g.header = append(g.header, "nash_"+is.ID)
		}
		g.header = append(g.header, "nash_changed")
	} else {
		g.header = append(g.header, "Nash deal", "changed")
		g.right = append(g.right, false, false)
	}
	for _, id := range sw.Veto {
		g.header = append(g.header, "surplus: "+id)
		if csv {
			g.header[len(g.header)-1] = "surplus_" + id
		}
		g.right = append(g.right, true)
	}
	for _, pt := range sw.Points {
		row := []string{strconv.FormatFloat(pt.Value, 'g', 6, 64), fmt.Sprint(pt.ZOPA)}
		if csv {
			for _, is := range sc.Issues {
				row = append(row, pt.Nash[is.ID])
			}
			row = append(row, fmt.Sprint(pt.NashChanged))
		} else {
			deal := optionsInOrder(sc, pt.Nash)
			changed := ""
			if pt.NashChanged {
				changed = "*"
				if len(pt.Changed) > 0 {
					changed = "* " + strings.Join(pt.Changed, ", ")
				}
			}
			row = append(row, deal, changed)
		}
		for _, id := range sw.Veto {
			s, ok := pt.Surplus[id]
			switch {
			case !ok:
				row = append(row, "")
			case csv:
				row = append(row, fmt.Sprint(s))
			default:
				row = append(row, signed(s))
			}
		}
		g.add(row...)
	}
	return g
}
