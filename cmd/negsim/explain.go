package main

import (
	"github.com/spf13/cobra"

	"github.com/negsim/negsim/sim"
)

func (a *app) explainCommand() *cobra.Command {
	var actor string
	var teacher bool
	var w whatIf
	cmd := &cobra.Command{
		Use:   "explain [FILE]",
		Short: "Say in words what each actor wants, where its red lines are and what its reservation means",
		Long: `explain restates a scenario actor by actor, for reading before running anything: what the
actor cares about most (its weights as shares), its red lines and conditional constraints
with the reasons given, the best and the worst deal it can get without crossing them, and
what its reservation means: how many deals it rules out, and which options it rules out
altogether. Sources and notes are quoted where the file gives them. Every number is exact,
found by searching the whole outcome space.

--teacher adds the scenario's teacher_notes and each variant's: what the scenario shows when
run, kept out of every brief so that players are not told the answer.`,
		Example: `  negsim explain
  negsim explain my-scenario.yaml --actor russia
  negsim explain my-scenario.yaml --format json`,
		Args: args(cobra.MaximumNArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.explain(argOr(args), w, actor, teacher)
		},
	}
	cmd.Flags().StringVar(&actor, "actor", "", "explain this actor only (its id)")
	_ = cmd.RegisterFlagCompletionFunc("actor", completeActor)
	cmd.Flags().BoolVar(&teacher, "teacher", false, "add the notes the scenario keeps for the teacher (never shown in briefs)")
	w.register(cmd)
	return cmd
}

func (a *app) explain(file string, w whatIf, actor string, teacher bool) error {
	doc, err := a.openScenario(file, w)
	if err != nil {
		return err
	}
	sc := doc.Scenario
	if actor != "" {
		if _, err := actorArg("--actor", actor, sc, doc.Name); err != nil {
			return err
		}
	}
	sp, ctx, cancel := a.search(doc)
	defer cancel()
	a.warnPlaceholders(doc)
	ex, err := sim.Explain(ctx, sp, sim.Options{Workers: a.settings.Workers})
	if err != nil {
		return err
	}
	if actor != "" {
		ex.Actors = []sim.ActorExplanation{ex.Actors[sc.ActorIndex(actor)]}
	}
	if teacher {
		ex.TeacherNotes = sim.NotesForTeacher(sc, doc.Variant)
	}
	return a.show(resultView(doc, ex,
		func() *grid { return explainGrid(sc, ex) },
		func() *report { return explainReport(sc, ex, actor == "") }))
}
