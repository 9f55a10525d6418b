package main

import (
	"fmt"
	"io"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/negsim/negsim/sim"
)

func (a *app) sensitivityCommand() *cobra.Command {
	var (
		limit int
		only  []string
		chart string
		w     whatIf
	)
	cmd := &cobra.Command{
		Use:   "sensitivity [FILE]",
		Short: "What would it take: the smallest change that opens, closes or moves the deal",
		Long: `sensitivity answers "what would it take for a deal?" and "which concession matters most?".
For every number a what-if can change (as 'negsim params' lists them) it finds the nearest
value below and above the current one, within the value's range, at which the headline
changes: an empty zone of possible agreement opens, an open one closes, or its Nash deal
moves. Thresholds are located to within 1e-6. Rows are ranked by the change as a share
of the value's range, smallest first, and each names its path as --set takes it.

For every red line of an actor whose acceptance counts (a veto actor; under a decision
rule, a voter or a ratifier too), each option it excludes is added in turn; every
constraint is dropped; each with the deals that enter the zone and what happens to the
headline.

Reservations, weights and option utilities are solved exactly: on the deals the others
accept, an actor's surplus is a straight line in any one of its values, so thresholds
are where a deal's line crosses zero or another's. Other values (votes, and every value
under a decision rule or ratification) are scanned in 64 steps to the end of their range
and the first change is bisected; a change narrower than a step can be missed there.
Values only bargaining rounds read (drift, strategies, the protocol, events), power (only
the asymmetric Nash solution weighs it) and beliefs (only their holder's picture of the
zone) have none.

--only keeps some categories: ` + strings.Join(sim.SensitivityCategories, ", ") + `.`,
		Example: `  negsim sensitivity
  negsim sensitivity --variant sanctions-bite --limit 10
  negsim sensitivity teaching-red-line --only reservations,red-lines
  negsim sensitivity --chart tornado.png
  negsim sensitivity --format json --limit 0 > sensitivity.json`,
		Args: args(cobra.MaximumNArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			if limit < 0 {
				return usagef("--limit %d: give 0 (every value) or more", limit)
			}
			for _, c := range only {
				if !slices.Contains(sim.SensitivityCategories, c) {
					return usagef("--only %s: no such category;%s valid: %s", c, sim.DidYouMean(c, sim.SensitivityCategories), strings.Join(sim.SensitivityCategories, ", "))
				}
			}
			if chart != "" && chartFormat(chart) == "" {
				return usagef("--chart %s: the file name must end in .svg or .png", chart)
			}
			return a.sensitivity(argOr(args), w, only, limit, chart)
		},
	}
	cmd.Flags().IntVar(&limit, "limit", 20, "how many values to show, the smallest change first; 0 shows every value, those without a threshold too")
	cmd.Flags().StringSliceVar(&only, "only", nil, "keep only these categories, comma-separated (e.g. reservations,weights,red-lines)")
	cmd.Flags().StringVar(&chart, "chart", "", "also draw a tornado chart of the values shown to this .svg or .png file")
	w.register(cmd)
	return cmd
}

func (a *app) sensitivity(file string, w whatIf, only []string, limit int, chart string) error {
	doc, err := a.openScenario(file, w)
	if err != nil {
		return err
	}
	sp := a.compile(doc)
	ctx, cancel := a.withTimeout()
	defer cancel()
	rep, err := sim.RunSensitivity(ctx, sp, sim.SensitivityOptions{Only: only, Workers: a.settings.Workers})
	if err != nil {
		return err
	}
	all := len(rep.Rows)
	rep.Rows = shownRows(rep.Rows, limit)
	if chart != "" {
		if err := a.writeFile(chart, false, func(out io.Writer) error {
			return tornadoChart(out, chartFormat(chart), scenarioLabel(doc), rep)
		}); err != nil {
			return err
		}
	}
	return a.emit(func(out io.Writer) error {
		switch a.settings.Format {
		case "json":
			return writeResultJSON(out, doc, rep)
		case "csv":
			return thresholdGrid(rep, true, nil).writeCSV(out)
		}
		return sensitivityReport(doc.Scenario, rep, all, limit).about(doc).write(out, a.settings.Format)
	})
}

// shownRows keeps the rows with a threshold, nearest first, up to limit; limit 0 keeps
// every row.
func shownRows(rows []sim.SensitivityRow, limit int) []sim.SensitivityRow {
	if limit == 0 {
		return rows
	}
	var out []sim.SensitivityRow
	for _, r := range rows {
		if r.Nearest != nil && len(out) < limit {
			out = append(out, r)
		}
	}
	if out == nil {
		out = []sim.SensitivityRow{}
	}
	return out
}

func sensitivityReport(sc *sim.Scenario, rep *sim.SensitivityReport, all, limit int) *report {
	r := &report{title: sc.Name + ": what would it take"}
	r.add(section{text: []string{"Now " + rep.Headline.Text + "."}})

	with := 0
	for _, row := range rep.Rows {
		if row.Nearest != nil {
			with++
		}
	}
	watch := "closes or its Nash deal moves"
	if rep.Headline.Deals == 0 {
		watch = "opens"
	}
	deals := &dealNames{}
	numbers := section{title: "Numbers, the smallest change first", grid: thresholdGrid(rep, false, deals)}
	numbers.text = []string{fmt.Sprintf("For each value, the nearest value below and above it at which the zone %s, to within 1e-6; \"of range\" is the change as a share of the value's range.", watch)}
	switch {
	case len(rep.Rows) == 0:
		numbers.text = append(numbers.text, fmt.Sprintf("None of the %d values changes the headline within its range.", all))
		numbers.grid = nil
	case limit == 0:
		numbers.text = append(numbers.text, fmt.Sprintf("%d of the %d values have a threshold in range.", with, all))
	default:
		numbers.text = append(numbers.text, fmt.Sprintf("The %d nearest of the values with a threshold in range; --limit 0 lists all %d values.", len(rep.Rows), all))
	}
	r.add(numbers)

	if len(rep.RedLines) > 0 {
		lines := section{title: "Red lines and constraints", text: []string{"Each red line widened by one option, and each constraint dropped, one at a time, of the actors whose acceptance counts."}}
		g := &grid{header: []string{"change", "deals in", "what happens"}, right: []bool{false, true, false}}
		for _, rl := range rep.RedLines {
			g.add(relaxationText(rl), count(rl.Entering), deals.effect(rl.Change, rl.Deals, rl.Nash, rl.Effect))
		}
		lines.grid = g
		r.add(lines)
	}
	if len(deals.deals) > 0 {
		named := section{title: "Nash deals named above"}
		for i, d := range deals.deals {
			var parts []string
			for _, is := range sc.Issues {
				parts = append(parts, is.ID+"="+d[is.ID])
			}
			named.text = append(named.text, fmt.Sprintf("- deal %d: %s", i+1, strings.Join(parts, ", ")))
		}
		r.add(named)
	}
	r.add(section{text: []string{fmt.Sprintf("%s of the outcome space went into this answer.", plural(rep.Analyses, "search", "searches"))}})
	return r
}

// relaxationText names a widened red line by the override that widens it, and a dropped
// constraint by its path and why.
func relaxationText(rl sim.Relaxation) string {
	if rl.Kind == "constraint" {
		s := "drop " + rl.Path
		if rl.Why != "" {
			s += fmt.Sprintf(" (%q)", rl.Why)
		}
		return s
	}
	return strings.Join(rl.Set, " ")
}

// thresholdGrid has a line per threshold, the two of a value together, and a line for a
// value with none. The CSV form repeats the path on every line and adds the red lines, so
// spreadsheets can filter it.
func thresholdGrid(rep *sim.SensitivityReport, csv bool, deals *dealNames) *grid {
	g := &grid{header: []string{"path", "now", "to", "change", "of range", "what happens"}, right: []bool{false, true, true, true, true, false}}
	if csv {
		g.header = []string{"path", "category", "value", "min", "max", "method", "direction", "at", "change", "relative", "kind", "deals", "effect"}
	}
	for _, row := range rep.Rows {
		sides := []*sim.Tipping{row.Below, row.Above}
		names := []string{"below", "above"}
		first := true
		for i, t := range sides {
			if t == nil {
				continue
			}
			if csv {
				g.add(row.Path, row.Category, fnum(row.Value), fnum(row.Min), fnum(row.Max), row.Method, names[i],
					fnum(t.At), fnum(t.Change), fnum(t.Relative), t.Kind, fmt.Sprint(t.Deals), t.Effect)
				first = false
				continue
			}
			path, now := row.Path, fmt.Sprintf("%.6g", row.Value)
			if !first {
				path, now = "", ""
			}
			first = false
			g.add(path, now, fmt.Sprintf("%.6g", t.At), fmt.Sprintf("%+.6g", t.Change), percent(100*t.Relative), deals.effect(t.Kind, t.Deals, t.Nash, t.Effect))
		}
		if first {
			note := row.Note
			if note == "" {
				note = "the headline does not change within " + fnum(row.Min) + " to " + fnum(row.Max)
			}
			if csv {
				g.add(row.Path, row.Category, fnum(row.Value), fnum(row.Min), fnum(row.Max), row.Method, "", "", "", "", "", "", note)
			} else {
				g.add(row.Path, fmt.Sprintf("%.6g", row.Value), "none", "", "", note)
			}
		}
	}
	if csv {
		for _, rl := range rep.RedLines {
			direction := "widen"
			if rl.Kind == "constraint" {
				direction = "drop"
			}
			g.add(rl.Path, rl.Kind, "", "", "", "", direction, strings.Join(rl.Set, " "), "", "", rl.Change, fmt.Sprint(rl.Deals), rl.Effect)
		}
	}
	return g
}

func fnum(x float64) string { return strconv.FormatFloat(x, 'g', -1, 64) }

// dealNames numbers the Nash deals an opening zone would have, so that a table says
// "Nash: deal 1" and the deal is spelled out once below it instead of on every line.
type dealNames struct {
	deals []map[string]string
}

// effect is what happens, in the table's words: an opening names its Nash deal by number;
// the other changes already say only what differs.
func (n *dealNames) effect(kind string, deals uint64, nash map[string]string, effect string) string {
	if kind != sim.ChangeOpens {
		return effect
	}
	i := slices.IndexFunc(n.deals, func(d map[string]string) bool { return reflect.DeepEqual(d, nash) })
	if i < 0 {
		n.deals = append(n.deals, nash)
		i = len(n.deals) - 1
	}
	return fmt.Sprintf("the zone opens with %s; Nash: deal %d", plural(deals, "deal", "deals"), i+1)
}
