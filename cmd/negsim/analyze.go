package main

import (
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/negsim/negsim/sim"
)

// listCap bounds --all and --limit in CSV and JSON, which stream the listing: past a
// million deals a listing is no longer something to read, and its search takes minutes.
const listCap = 1_000_000

// tableCap bounds the listing in every other format (a table, Markdown, HTML), which is
// laid out whole in memory.
const tableCap = 10_000

// streamsListing reports whether format writes the listing one deal at a time.
func streamsListing(format string) bool { return format == "csv" || format == "json" }

func (a *app) analyzeCommand() *cobra.Command {
	var limit int
	var all bool
	var w whatIf
	cmd := &cobra.Command{
		Use:   "analyze [FILE]",
		Short: "Show the zone of possible agreement, the Pareto frontier and the bargaining solutions",
		Long: `analyze finds every deal (one option per issue) that all veto actors accept: within their
red lines and constraints, and worth at least their reservation. It lists the best of them
by Nash product, marks the Pareto-optimal ones, and reports the Nash, asymmetric Nash,
Kalai–Smorodinsky, utilitarian and egalitarian solutions. When no deal qualifies it
explains why: the closest deal, how far each reservation would have to fall, and which
single red line or constraint opens the zone.`,
		Example: `  negsim analyze
  negsim analyze my-scenario.yaml --limit 5
  negsim analyze teaching-two-party --format json > result.json`,
		Args: args(cobra.MaximumNArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			if limit < 0 {
				return usagef("--limit %d: give 0 or more", limit)
			}
			if all && cmd.Flags().Changed("limit") {
				return usagef("--all lists every ZOPA deal and --limit %d the best %d: give one of them", limit, limit)
			}
			most := tableCap
			if streamsListing(a.settings.Format) {
				most = listCap
			}
			if limit > most {
				return usagef("--limit %d: at most %s deals are listed in --format %s (--all lists that many); %s", limit, count(uint64(most)), a.settings.Format, capHint(most))
			}
			if all {
				limit = most
			}
			return a.analyze(argOr(args), w, limit)
		},
	}
	cmd.Flags().IntVar(&limit, "limit", sim.DefaultLimit, "how many ZOPA deals to list, best first by Nash product")
	cmd.Flags().BoolVar(&all, "all", false, fmt.Sprintf("list every ZOPA deal (up to %d in CSV or JSON, %d in other formats)", listCap, tableCap))
	w.register(cmd)
	return cmd
}

func (a *app) analyze(file string, w whatIf, limit int) error {
	doc, err := a.openScenario(file, w)
	if err != nil {
		return err
	}
	sp, ctx, cancel := a.search(doc)
	defer cancel()
	a.warnPlaceholders(doc)
	// CSV and JSON stream the listing, one deal at a time, through a spool: a million deals
	// cost the memory of one, and a stop half-way prints nothing.
	an, err := sim.Analyze(ctx, sp, sim.Options{Limit: limit, Workers: a.settings.Workers, Stream: streamsListing(a.settings.Format)})
	if err != nil {
		return err
	}
	return a.show(view{
		json:   func(w io.Writer) error { return writeAnalysisJSON(ctx, w, doc, an) },
		csv:    func(w io.Writer) error { return writeZOPACSV(ctx, w, doc.Scenario, an) },
		report: plainReport(func() *report { return analysisReport(doc.Scenario, an, false).about(doc) }),
	})
}

// capHint says how to list more than a cap allows.
func capHint(most int) string {
	if most == tableCap {
		return "--format csv or json lists up to " + count(listCap)
	}
	return "narrow the zone (a variant, --set) to see the deals that matter"
}
