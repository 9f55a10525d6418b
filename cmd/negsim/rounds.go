package main

import (
	"context"
	"errors"
	"io"
	"slices"

	"github.com/spf13/cobra"

	"github.com/negsim/negsim/config"
	"github.com/negsim/negsim/sim"
)

func (a *app) roundsCommand() *cobra.Command {
	var opts sim.RoundsOptions
	var chart, protocol string
	var w whatIf
	cmd := &cobra.Command{
		Use:   "rounds [FILE]",
		Short: "Run the talks round by round: concessions, drifting reservations, events, ripeness, outcome",
		Long: `rounds plays the scenario's talks over protocol.rounds rounds (the deadline; 10 when
the file sets none). Each round every reservation moves by its reservation_drift and by
the events of that round (clamped to [0,1]), every actor sets an aspiration by its
strategy, a deal is proposed and every actor accepts it when it keeps the actor's red
lines and gives it at least its aspiration. Talks end at the first proposal every veto
actor accepts, or break down at the deadline, where everyone keeps its reservation.

Strategies (actors.ID.strategy): time-dependent concession after Faratin, Sierra and
Jennings (1998), aspiration = r + (best − r)·(1 − (t/(T−1))^(1/e)):
  boulware        e = 0.2, holds out and concedes late
  linear          e = 1 (the default when an actor names no strategy)
  conceder        e = 2, gives way early
  time-dependent  e from strategy.exponent
  tit-for-tat     concedes what the other veto actors conceded last round, on average
  hardliner       never asks for less than its best

Protocols (protocol.kind, or --protocol):
  mediated     the mediator proposes, among deals every veto actor accepts now, the best
               by protocol.rule (nash: the Nash product of surpluses; mediator: its own
               utility), else the deal with the smallest largest shortfall below the
               aspirations (marked "closest"). The default when protocol.mediator names
               an actor.
  alternating  veto actors propose in turn, in file order: among deals within everyone's
               red lines that the proposer accepts, the one whose smallest surplus among
               the others is largest; when its aspiration rules them all out, its own
               best deal among them (marked "own best"). The default otherwise.

Under a decision rule (decision.votes_needed) or ratification at home (an actor's
ratification.by), a deal is agreed when every veto actor accepts it, the actors that
accept hold the votes needed, and each ratification gathers its votes at home, where
the ratifiers vote by their reservations. The mediator then proposes, by protocol.rule, the
best deal that would pass now, and when none would, the deal nearest to passing: the one that would
pass if every actor lowered what it asks for by the least (marked "closest"). An
alternating proposer offers, among the deals it accepts, one that would pass now when
there is one; with no veto actor every voter proposes in turn.

Each round shows every actor's reservation, aspiration and utility from the proposal, the
proposal (only the issues that changed; JSON has the whole deal) or why there is none (the
proposer finds no deal within the red lines as it sees them, by its beliefs if it holds
any), who proposed it (with the mark of a fallback above), who accepts, the size of the
ZOPA at that round's reservations (ripe: above 0) and the events with their why.
The run is deterministic: it draws no random numbers, so --seed changes nothing today and
is recorded for stochastic strategies to come.`,
		Example: `  negsim rounds
  negsim rounds --protocol alternating --rounds 20
  negsim rounds --set actors.russia.reservation_drift=-0.02 --chart rounds.svg
  negsim rounds my-scenario.yaml --format json > transcript.json`,
		Args: args(cobra.MaximumNArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Protocol = sim.ProtocolKind(protocol)
			if opts.Protocol != "" && !slices.Contains(sim.ProtocolKinds, opts.Protocol) {
				return usagef("--protocol %q:%s valid: %s", opts.Protocol, sim.DidYouMean(opts.Protocol, sim.ProtocolKinds), sim.JoinWords(sim.Names(sim.ProtocolKinds), "or"))
			}
			if opts.Rounds < 0 || opts.Rounds > sim.MaxRounds {
				return usagef("--rounds %d: give 1 to %d, the most rounds negsim plays (0 keeps the file's deadline)", opts.Rounds, sim.MaxRounds)
			}
			if err := checkChart(chart); err != nil {
				return err
			}
			return a.rounds(argOr(args), w, opts, chart)
		},
	}
	cmd.Flags().StringVar(&protocol, "protocol", "", "mediated or alternating (default: the file's protocol.kind)")
	cmd.Flags().IntVar(&opts.Rounds, "rounds", 0, "the deadline in rounds (default: the file's protocol.rounds, else 10)")
	cmd.Flags().Uint64Var(&opts.Seed, "seed", 0, "random seed, recorded in the transcript; the rounds use no randomness today")
	cmd.Flags().StringVar(&chart, "chart", "", "also draw the rounds into FILE.svg or FILE.png")
	w.register(cmd)
	return cmd
}

// playRounds runs the rounds of a document. A path that leads nowhere or a scenario left
// invalid is the file's fault (an event's), and is reported against it.
func (a *app) playRounds(ctx context.Context, doc *config.Document, sp *sim.Space, opts sim.RoundsOptions) (*sim.Transcript, error) {
	tr, err := sim.Rounds(ctx, sp, opts)
	if err := a.fileFault(doc.Name, err); err != nil {
		return nil, err
	}
	return tr, nil
}

func (a *app) rounds(file string, w whatIf, opts sim.RoundsOptions, chart string) error {
	doc, err := a.openScenario(file, w)
	if err != nil {
		return err
	}
	sp, ctx, cancel := a.search(doc)
	defer cancel()
	opts.Workers = a.settings.Workers
	tr, err := a.playRounds(ctx, doc, sp, opts)
	if err != nil {
		return err
	}
	a.warnRun(doc, tr.Notes())
	if err := a.writeChartFile(chart, func(w io.Writer, format string) error {
		return roundsChart(w, format, scenarioLabel(doc), doc.Scenario, tr)
	}); err != nil {
		return err
	}
	return a.show(resultView(doc, tr,
		func() *grid { return roundsCSVGrid(doc.Scenario, tr) },
		func() *report { return roundsReport(doc.Scenario, tr) }))
}

// fileFault turns an error the scenario file causes mid-talks (an event whose path leads
// nowhere or that leaves the scenario invalid) into a usage error naming the file.
func (a *app) fileFault(name string, err error) error {
	var pe *sim.PathError
	var invalid sim.Diagnostics
	if errors.As(err, &pe) || errors.As(err, &invalid) {
		return usagef("%s: %v", name, err)
	}
	return err
}
