package main

import (
	"io"

	"github.com/spf13/cobra"

	"github.com/negsim/negsim/sim"
)

func (a *app) sensitivityCommand() *cobra.Command {
	var (
		limit int
		all   bool
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

--only keeps some categories: ` + sim.SensitivityCategoryNames() + `.`,
		Example: `  negsim sensitivity
  negsim sensitivity --variant sanctions-bite --limit 10
  negsim sensitivity teaching-red-line --only reservations,red-lines
  negsim sensitivity --chart tornado.png
  negsim sensitivity --format json --all > sensitivity.json`,
		Args: args(cobra.MaximumNArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			if limit < 0 {
				return usagef("--limit %d: give 0 or more; --all shows every value", limit)
			}
			if all && cmd.Flags().Changed("limit") {
				return usagef("--all shows every value and --limit %d the nearest %d: give one of them", limit, limit)
			}
			cats, err := parseEach("--only", only, sim.ParseCategory)
			if err != nil {
				return err
			}
			if err := checkChart(chart); err != nil {
				return err
			}
			if all {
				limit = everyValue
			}
			return a.sensitivity(argOr(args), w, cats, limit, chart)
		},
	}
	cmd.Flags().IntVar(&limit, "limit", 20, "how many values with a threshold to show, the smallest change first")
	cmd.Flags().BoolVar(&all, "all", false, "show every value, those without a threshold too")
	cmd.Flags().StringSliceVar(&only, "only", nil, "keep only these categories, comma-separated (e.g. reservations,weights,red-lines)")
	cmd.Flags().StringVar(&chart, "chart", "", "also draw a tornado chart of the values shown to this .svg or .png file")
	w.register(cmd)
	return cmd
}

func (a *app) sensitivity(file string, w whatIf, only []sim.Category, limit int, chart string) error {
	doc, err := a.openScenario(file, w)
	if err != nil {
		return err
	}
	sp, ctx, cancel := a.search(doc)
	defer cancel()
	rep, err := sim.RunSensitivity(ctx, sp, sim.SensitivityOptions{Only: only, Workers: a.settings.Workers})
	if err != nil {
		return err
	}
	all := len(rep.Rows)
	rep.Rows = shownRows(rep.Rows, limit)
	if err := a.writeChartFile(chart, func(out io.Writer, format string) error {
		return tornadoChart(out, format, scenarioLabel(doc), rep)
	}); err != nil {
		return err
	}
	return a.show(resultView(doc, rep,
		func() *grid { return thresholdGrid(rep, true, nil) },
		func() *report { return sensitivityReport(doc.Scenario, rep, all, limit) }))
}

// everyValue is the limit --all asks for: every row, those without a threshold too. A
// --limit of 0 lists none, as analyze's and compare's do.
const everyValue = -1

// shownRows keeps the rows with a threshold, nearest first, up to limit; everyValue keeps
// every row.
func shownRows(rows []sim.SensitivityRow, limit int) []sim.SensitivityRow {
	if limit == everyValue {
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
