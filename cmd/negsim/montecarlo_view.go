package main

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/negsim/negsim/sim"
)

func monteCarloReport(sc *sim.Scenario, mc *sim.MonteCarlo) *report {
	r := &report{title: fmt.Sprintf("%s: Monte Carlo, %s, seed %d", sc.Name, plural(mc.Draws, "draw", "draws"), mc.Seed)}
	p := mc.ZOPANonEmpty
	head := section{title: "Zone of possible agreement"}
	if mc.Interrupted {
		head.text = append(head.text, fmt.Sprintf("INTERRUPTED: %d of %d draws finished; every figure below covers those only.", mc.Draws, mc.Requested), "")
	}
	if mc.Draws == 0 {
		// Stopped before the first draw: a share, an interval or a mean of nothing would be
		// a figure no draw gave.
		head.text = append(head.text, "No draw finished, so there is nothing to report.")
	} else {
		head.text = append(head.text,
			fmt.Sprintf("P(ZOPA non-empty) = %s (%d of %d draws), 95%% interval %s to %s.", drawShare(p), p.Count, p.Of, pct(p.Low), pct(p.High)),
			fmt.Sprintf("Deals in the ZOPA per draw: mean %.4g, median %.4g, min %d, max %d.", mc.ZOPASize.Mean, mc.ZOPASize.Median, mc.ZOPASize.Min, mc.ZOPASize.Max))
	}
	r.add(head)
	if len(mc.Recentred) > 0 {
		moved := section{title: "Uncertainty under this what-if", text: []string{
			"The what-if sets values the file's uncertainty: section also draws; their distributions move with them, by the same difference, within each value's range:"}}
		for _, rc := range mc.Recentred {
			moved.text = append(moved.text, fmt.Sprintf("- %s is %g in the file and %g here: %s becomes %s.",
				rc.Path, rc.FileValue, rc.Value, rc.From, rc.To))
		}
		r.add(moved)
	}
	if mc.Draws == 0 {
		return r
	}
	r.add(section{title: "Sensitivity", text: []string{"Spearman rank correlation of each uncertain value with the number of deals in the ZOPA, strongest first."}, grid: sensitivityGrid(mc, false)})
	if p.Count == 0 {
		// The tables of recurring deals and Nash options would stand empty under their
		// headings, which reads as a fault rather than as the answer.
		r.add(section{title: "Deals", text: []string{"No draw had a deal in the ZOPA, so no deal recurs in it and no draw has a Nash solution."}})
		return r
	}
	r.add(section{title: "Deals most often in the ZOPA", text: []string{"Share of all draws, with 95% interval."}, grid: frequencyGrid(sc, mc.InZOPA)})
	r.add(section{title: "Deals most often the Nash solution", text: []string{"Share of all draws, with 95% interval."}, grid: frequencyGrid(sc, mc.Nash)})
	g := &grid{header: []string{"issue", "Nash option (share of draws with a ZOPA)"}}
	for _, f := range mc.NashOptions {
		var parts []string
		for _, o := range f.Options {
			if o.Count > 0 {
				parts = append(parts, fmt.Sprintf("%s %s", o.Option, drawShare(o.Proportion)))
			}
		}
		g.add(f.Issue, strings.Join(parts, ", "))
	}
	r.add(section{title: "Nash option per issue", grid: g})
	return r
}

func frequencyGrid(sc *sim.Scenario, ds []sim.DealFrequency) *grid {
	g := &grid{header: []string{"#"}, right: []bool{true}}
	for _, is := range sc.Issues {
		g.header = append(g.header, is.ID)
		g.right = append(g.right, false)
	}
	g.header = append(g.header, "share", "95% interval")
	g.right = append(g.right, true, true)
	for i, d := range ds {
		row := []string{fmt.Sprint(i + 1)}
		for _, is := range sc.Issues {
			row = append(row, d.Options[is.ID])
		}
		row = append(row, drawShare(d.Proportion), pct(d.Low)+" – "+pct(d.High))
		g.add(row...)
	}
	return g
}

func sensitivityGrid(mc *sim.MonteCarlo, csv bool) *grid {
	g := &grid{header: []string{"path", "distribution", "mean", "min", "max", "rho"}, right: []bool{false, false, true, true, true, true}}
	for _, s := range mc.Sensitivity {
		// A rank correlation needs both sides to vary: say which one did not.
		rho := "n/a (zone size constant)"
		if s.Min == s.Max {
			rho = "n/a (value constant)"
		}
		if csv {
			rho = ""
		}
		if s.Rho != nil {
			rho = fmt.Sprintf("%+.3f", *s.Rho)
			if csv {
				rho = fmt.Sprint(*s.Rho)
			}
		}
		if csv {
			g.add(s.Path, s.Distribution, fmt.Sprint(s.Mean), fmt.Sprint(s.Min), fmt.Sprint(s.Max), rho)
			continue
		}
		g.add(s.Path, s.Distribution, fmt.Sprintf("%.4g", s.Mean), fmt.Sprintf("%.4g", s.Min), fmt.Sprintf("%.4g", s.Max), rho)
	}
	return g
}

// drawShare is a share of draws as a percent with one decimal, or with as many more as it
// takes not to read 0.0% or 100.0% when some draws, but not all, had it.
func drawShare(p sim.Proportion) string {
	s := pct(p.Share)
	if p.Count == 0 || p.Count == p.Of {
		return s
	}
	for places := 2; places <= 8; places++ {
		if x, _ := strconv.ParseFloat(strings.TrimSuffix(s, "%"), 64); x != 0 && x != 100 {
			break
		}
		s = fmt.Sprintf("%.*f%%", places, 100*p.Share)
	}
	return s
}
