package main

import (
	"bytes"
	"fmt"

	"gonum.org/v1/plot/vg"

	"github.com/negsim/negsim/sim"
)

// reportWarningsLead opens a report's warnings, the command line's and the page's alike.
const reportWarningsLead = "negsim warns of this scenario as it is run here. None stops the analysis, but each may change how its results read:"

func fullReportDoc(sc *sim.Scenario, whatIf, label string, warnings sim.Diagnostics, ex *sim.Explanation, an *sim.Analysis, tr *sim.Transcript, plane *sim.Debrief, format string) (*report, error) {
	r := &report{title: sc.Name}
	if ex.TeacherNotes != nil {
		// The teacher's copy opens with the notes, not inside Part 1.
		r.add(teacherSection(ex.TeacherNotes))
		plain := *ex
		plain.TeacherNotes = nil
		ex = &plain
	}
	about := "This report restates the scenario as its file gives it"
	if whatIf != "" {
		about = "This report restates the scenario with " + whatIf + " applied"
	}
	r.add(section{title: "About this report", text: []string{
		about + ", then shows the zone of possible agreement and the bargaining solutions, then plays the talks round by round.",
		// Handed out beside role sheets, score and the debrief, which speak points: the
		// same deal read 0.523 here and 52.3 there, with nothing to join the two.
		"Utilities run from 0 to 1; a reservation is an actor's value of no agreement. The role sheets, score and the debrief show the same values as points, utility × 100 (a utility of 0.523 is 52.3 points, a reservation of 0.4 a walk-away value of 40 points).",
	}})
	// A handout carries what the terminal said beside it: a reader of the file alone would
	// not know that an actor can never agree, or that an event comes after the deadline.
	if len(warnings) > 0 {
		text := []string{reportWarningsLead}
		for _, w := range warnings {
			text = append(text, "- "+w.String())
		}
		r.add(section{title: "Warnings", text: text})
	}
	part := func(title string, sections []section) {
		for i, s := range sections {
			if i == 0 {
				s.part = title
			}
			r.add(s)
		}
	}
	part("Part 1: The scenario explained", explainReport(sc, ex, true).sections)
	part("Part 2: The analysis", analysisReport(sc, an, true).sections)
	part("Part 3: Bargaining rounds", roundsReport(sc, tr).sections)

	charts := section{part: "Charts"}
	var noPlane string
	if format == "html" || format == "markdown" {
		var svg bytes.Buffer
		top, zopa := roundsPanels(label, sc, tr)
		if err := writeChart(&svg, "svg", reportPlotWidth, reportRoundsHeight, top, zopa); err != nil {
			return nil, err
		}
		styles := "aspiration (solid) and reservation (dotted)"
		if proposalMade(tr) {
			styles = "aspiration (solid), utility of the proposal (dashed) and reservation (dotted)"
		}
		charts.figures = append(charts.figures, figure{title: "The rounds: each actor's " + styles + "; the ZOPA's size below", svg: svg.Bytes()})
		if noPlane = planeMissing(sc, plane, tr); noPlane == "" {
			svg = bytes.Buffer{} // the rounds chart keeps the bytes written so far
			var agreed []chartLine
			if tr.Outcome.Deal != nil && len(plane.Tables) == 1 {
				// Scored at the plane's values, the starting ones, as the frontier is.
				u := map[string]float64{}
				for _, as := range plane.Tables[0].Score.Actors {
					u[as.ID] = as.Utility
				}
				agreed = append(agreed, chartLine{label: "the rounds' agreement", color: 2, scatter: true,
					xs: []float64{100 * u[plane.Axes[0]]}, ys: []float64{100 * u[plane.Axes[1]]}})
			}
			pn := dealsPanel(label, sc, plane.Axes, plane.Frontier, plane.Nash, agreed...)
			if err := writeChart(&svg, "svg", reportPlotWidth, reportPlaneHeight, pn); err != nil {
				return nil, err
			}
			var drawn []string
			if plane.Nash != nil {
				drawn = append(drawn, "the ZOPA's frontier for them", "the Nash solution")
			}
			if agreed != nil {
				drawn = append(drawn, "the deal the rounds reached")
			}
			drawn = append(drawn, "their walk-away values")
			charts.figures = append(charts.figures, figure{title: fmt.Sprintf("The utility plane of %s and %s, in points at the scenario's starting values: %s",
				actorName(sc, plane.Axes[0]), actorName(sc, plane.Axes[1]), sim.JoinWords(drawn, "and")), svg: svg.Bytes()})
		}
	} else {
		charts.text = append(charts.text, "Write the report as HTML or Markdown (-o report.html) to see the charts.")
	}
	r.add(charts)
	if noPlane != "" {
		// Said under the rounds chart, where the plane would have been.
		r.add(section{text: []string{noPlane}})
	}
	return r, nil
}

// A report is handed out on paper, so its charts are drawn near the printed column's width,
// plot and legend strip together (about 8 to 10 inches for 7.3), and their text prints
// near the size it is set in. Drawn at the 8-inch plot of rounds --chart and shrunk to fit
// A4, the rounds chart's 11 and 12 pt labels printed at 6.4 to 6.9 pt.
const (
	reportPlotWidth    = 5 * vg.Inch
	reportRoundsHeight = 6 * vg.Inch
	reportPlaneHeight  = 4.5 * vg.Inch
)

// planeMissing says why the report draws no utility plane, or "" when it draws one: the
// plane sets two veto actors against each other, and with the zone empty and no deal
// reached it would hold nothing but their walk-away lines.
func planeMissing(sc *sim.Scenario, plane *sim.Debrief, tr *sim.Transcript) string {
	if plane == nil {
		return "No utility plane: " + oneVetoPlane(sc)
	}
	if plane.Nash == nil && tr.Outcome.Deal == nil {
		return "No utility plane: the zone of possible agreement is empty (Part 2 says why) and the rounds reached no deal, so it would hold nothing but the walk-away values."
	}
	return ""
}

// oneVetoPlane says why a scenario with fewer than two veto actors has no plane of two of
// them to draw.
func oneVetoPlane(sc *sim.Scenario) string {
	var veto []string
	for _, a := range sc.Actors {
		if a.Veto {
			veto = append(veto, a.Name)
		}
	}
	if len(veto) == 1 {
		return fmt.Sprintf("it sets two veto actors against each other, and %s is the only actor holding a veto.", veto[0])
	}
	return "it sets two veto actors against each other, and no actor holds a veto."
}
