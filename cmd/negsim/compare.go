package main

import (
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/negsim/negsim/sim"
)

func (a *app) compareCommand() *cobra.Command {
	var limit int
	var sets []string
	var table string
	cmd := &cobra.Command{
		Use:   "compare A B",
		Short: "Set two scenarios or variants side by side: ZOPA, solutions, surpluses",
		Long: `compare analyses two versions of a negotiation and reports what moved from A to B: the
deals that enter and leave the zone of possible agreement (ZOPA), each bargaining solution
before and after, and each actor's surplus at the Nash solution. A and B are each a file,
a shipped scenario's name, or FILE#VARIANT for one of the file's variants; both must have
the same issues with the same options. --set applies to B only, so
'compare X X --set PATH=VALUE' shows what one change does.

--format csv writes one table, picked with --table: changes (path, A, B), zopa (the deal
counts), entering and leaving (the deals listed, with the veto actors' surpluses),
solutions (each solution's deal in A and in B, one row per side) or actors (reservation
and Nash surplus, the default). The other formats show every table.`,
		Example: `  negsim compare ukraine-2026 'ukraine-2026#sanctions-bite'
  negsim compare before.yaml after.yaml --format json
  negsim compare ukraine-2026 ukraine-2026 --set actors.russia.reservation=0.45
  negsim compare ukraine-2026 'ukraine-2026#sanctions-bite' --format csv --table entering`,
		Args:              args(cobra.ExactArgs(2)),
		ValidArgsFunction: completeScenarioArg(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			if limit < 0 {
				return usagef("--limit %d: give 0 or more", limit)
			}
			if _, ok := compareTables[table]; !ok {
				return usagef("--table %q: no such table;%s valid: %s", table, sim.DidYouMean(table, compareTableNames), strings.Join(compareTableNames, ", "))
			}
			if cmd.Flags().Changed("table") && a.settings.Format != "csv" {
				return usagef("--table %s picks the table --format csv writes; --format %s shows every table", table, a.settings.Format)
			}
			return a.compare(args[0], args[1], sets, limit, table)
		},
	}
	cmd.Flags().IntVar(&limit, "limit", sim.DefaultLimit, "how many entering and leaving deals to list")
	cmd.Flags().StringArrayVar(&sets, "set", nil, "override a value in B, e.g. --set actors.russia.reservation=0.4 (repeatable)")
	cmd.Flags().StringVar(&table, "table", "actors", "the table --format csv writes: "+strings.Join(compareTableNames, ", "))
	_ = cmd.RegisterFlagCompletionFunc("set", completeSetPath)
	_ = cmd.RegisterFlagCompletionFunc("table", cobra.FixedCompletions(compareTableNames, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

func (a *app) compare(argA, argB string, sets []string, limit int, table string) error {
	docA, err := a.openScenario(argA, whatIf{})
	if err != nil {
		return err
	}
	docB, err := a.openScenario(argB, whatIf{sets: sets})
	if err != nil {
		return err
	}
	// Both sides may be one file, B under a what-if: a warning says which side it is about,
	// and B repeats none of A's.
	a.warnAbout(docB, "B: ", a.warnAbout(docA, "A: ", nil))
	if err := sim.SameIssues(docA.Scenario, docB.Scenario); err != nil {
		return usagef("cannot compare %s with %s: %v", argA, argB, err)
	}
	ctx, cancel := a.withTimeout()
	defer cancel()
	c, err := sim.Compare(ctx, docA.Space, docB.Space, sim.CompareOptions{Limit: limit, Workers: a.settings.Workers, MaxDeals: a.settings.MaxDeals})
	if err != nil {
		return err
	}
	// Each side is named as it was typed, so the title can be pasted back as an argument.
	c.Before, c.After = argA, argB
	if len(sets) > 0 {
		c.After += " --set " + strings.Join(sets, " --set ")
	}
	return a.show(view{
		json: func(w io.Writer) error {
			// Each side's what-if, by side: "variant": {"a": …, "b": …}.
			pa, pb := provenanceOf(docA), provenanceOf(docB)
			return writeJSONWith(w, struct {
				Variant   map[string]*string  `json:"variant"`
				Overrides map[string][]string `json:"overrides"`
			}{map[string]*string{"a": pa.Variant, "b": pb.Variant}, map[string][]string{"a": pa.Overrides, "b": pb.Overrides}}, c)
		},
		csv: csvOf(func() *grid { return compareTables[table](docA.Scenario, c) }),
		report: plainReport(func() *report {
			r := compareReport(docA.Scenario, c)
			r.stance = docA.Scenario.Stance
			r.isolate = rightToLeftNames(nil, docA.Scenario, docB.Scenario)
			return r
		}),
	})
}
