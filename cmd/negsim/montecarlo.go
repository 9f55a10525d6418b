package main

import (
	"errors"
	"slices"
	"strings"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"

	"github.com/negsim/negsim/sim"
)

// maxDraws bounds --draws: the run keeps a few numbers per draw in memory, and a million
// draws pin a share down to ±0.1%.
const maxDraws = 1_000_000

func (a *app) monteCarloCommand() *cobra.Command {
	var (
		draws int
		seed  uint64
		vary  []string
		top   int
		w     whatIf
	)
	cmd := &cobra.Command{
		Use:   "montecarlo [FILE]",
		Short: "Draw uncertain values many times: how likely a ZOPA is, which deals recur, what matters most",
		Long: `montecarlo draws every value the scenario's uncertainty: section (or --vary) gives a
distribution for, analyses each draw, and reports:
  - the share of draws with a non-empty zone of possible agreement (ZOPA), with its 95%
    Wilson interval;
  - the deals most often in the ZOPA and most often the Nash solution;
  - per issue, how often each option is part of the Nash solution;
  - the sensitivity of the ZOPA's size to each uncertain value (Spearman rank correlation).
Distributions: uniform(min,max), triangular(min,mode,max), normal(mean,sd[,min,max])
truncated to the range the path allows, beta(alpha,beta[,min,max]). Draw i uses the random
stream (--seed, i), so the same seed gives the same report on any number of cores.
Ctrl-C stops the run and reports the draws finished so far, saying so.`,
		Example: `  negsim montecarlo --draws 2000 --seed 7
  negsim montecarlo --vary 'actors.russia.reservation=uniform(0.45,0.7)' --draws 5000
  negsim montecarlo my.yaml --vary 'actors.a.preferences.price.weight=normal(50,10)' --format json`,
		Args: args(cobra.MaximumNArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			if draws < 1 || draws > maxDraws {
				return usagef("--draws %d: give 1 to %d", draws, maxDraws)
			}
			if top < 0 {
				return usagef("--top %d: give 0 or more", top)
			}
			extra, err := parseEach("--vary", vary, sim.ParseUncertain)
			if err != nil {
				return err
			}
			return a.monteCarlo(argOr(args), w, extra, sim.MonteCarloOptions{Draws: draws, Seed: seed, Top: top})
		},
	}
	cmd.Flags().IntVar(&draws, "draws", 1000, "number of draws")
	cmd.Flags().Uint64Var(&seed, "seed", 1, "random seed; the same seed gives the same report")
	cmd.Flags().StringArrayVar(&vary, "vary", nil, "give a value a distribution, e.g. --vary 'actors.russia.reservation=uniform(0.45,0.7)' (repeatable; replaces the file's for the same path)")
	cmd.Flags().IntVar(&top, "top", 10, "how many deals to list by frequency")
	w.register(cmd)
	return cmd
}

func (a *app) monteCarlo(file string, w whatIf, extra []sim.Uncertain, opt sim.MonteCarloOptions) error {
	doc, err := a.openScenario(file, w)
	if err != nil {
		return err
	}
	a.warn(doc)
	sc, sp := doc.Scenario, doc.Space
	if len(extra) > 0 {
		sc = sc.Clone()
		for _, u := range extra {
			replaced := false
			for i := range sc.Uncertainty {
				if sc.Uncertainty[i].Path == u.Path {
					sc.Uncertainty[i], replaced = u, true
				}
			}
			if !replaced {
				sc.Uncertainty = append(sc.Uncertainty, u)
			}
		}
		var found sim.Diagnostics
		if sp, err = sim.Compile(sc); errors.As(err, &found) {
			msgs := make([]string, len(found))
			for i, p := range found {
				msgs[i] = "  " + p.String()
			}
			return usagef("%s: --vary leaves the scenario invalid:\n%s", doc.Name, strings.Join(msgs, "\n"))
		} else if err != nil {
			return err
		}
	}
	if len(sc.Uncertainty) == 0 {
		return usagef("%s has no uncertainty: section; give distributions there or with --vary, e.g. --vary 'actors.%s.reservation=uniform(0.3,0.6)'", doc.Name, sc.Actors[0].ID)
	}
	opt.Workers, opt.MaxDeals = a.settings.Workers, a.settings.MaxDeals
	if bar := a.progressBar(opt.Draws); bar != nil {
		opt.Progress = func() { _ = bar.Add(1) }
		defer func() { _ = bar.Finish() }()
	}
	ctx, cancel := a.withTimeout()
	defer cancel()
	mc, err := sim.RunMonteCarlo(ctx, sp, opt)
	if err != nil && (mc == nil || !mc.Interrupted) {
		return err
	}
	mc.Recentred = []sim.Recentred{}
	for _, rc := range doc.Recentred {
		// A --vary for the same path replaced the moved distribution with the user's own.
		if !slices.ContainsFunc(extra, func(u sim.Uncertain) bool { return u.Path == rc.Path }) {
			mc.Recentred = append(mc.Recentred, rc)
		}
	}
	if err := a.show(resultView(doc, mc,
		func() *grid { return sensitivityGrid(mc, true) },
		func() *report { return monteCarloReport(sc, mc) })); err != nil {
		return err
	}
	if mc.Interrupted {
		return stoppedPartWay(err, mc.Draws, mc.Requested, "draws")
	}
	return nil
}

// progressBar is a bar on stderr when stderr is a terminal; piped or redirected runs get
// none, so logs and graders see only the report.
func (a *app) progressBar(total int) *progressbar.ProgressBar {
	if !isTerminal(a.stderr) {
		return nil
	}
	return progressbar.NewOptions(total,
		progressbar.OptionSetWriter(a.stderr),
		progressbar.OptionSetDescription("draws"),
		progressbar.OptionShowCount(),
		progressbar.OptionClearOnFinish(),
		progressbar.OptionThrottle(100_000_000),
	)
}
