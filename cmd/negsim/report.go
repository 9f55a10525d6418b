package main

import (
	"github.com/spf13/cobra"

	"github.com/negsim/negsim/sim"
)

func (a *app) reportCommand() *cobra.Command {
	var out string
	var teacher bool
	var w whatIf
	cmd := &cobra.Command{
		Use:   "report [FILE]",
		Short: "Write one self-contained document: the scenario explained, the analysis, the rounds and charts",
		Long: `report puts what explain, analyze and rounds show into one document, for a student to
hand in or a teacher to project: the scenario explained actor by actor, the zone of possible
agreement with its frontier and bargaining solutions (or why it is empty), the transcript of
the bargaining rounds, and two charts: the rounds (aspirations, proposals, ZOPA size) and
the utility plane of the first two veto actors (the ZOPA's frontier for them, the Nash
solution, their walk-away values and the deal the rounds reached); with one veto actor, or
an empty zone and no deal reached, it says why there is no plane.

-o report.html writes one HTML page with its styles and charts inline (SVG): no scripts,
fonts or images are fetched, so it reads the same offline. -o report.md writes Markdown with
each chart embedded as an SVG data URI, so the report is still one file; viewers that show
no data-URI images (GitHub's among them) show the chart's title instead, so prefer HTML to
share. The file is written whole or not at all. Without -o, the report goes to standard
output in --format.

--teacher makes the teacher's copy: it opens with the scenario's and its variants'
teacher_notes (what they show when run), which students' reports and briefs never carry.`,
		Example: `  negsim report -o report.html
  negsim report --variant sanctions-bite -o sanctions.html
  negsim report teaching-two-party -o two-party.md`,
		Args: args(cobra.MaximumNArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.writeReport(argOr(args), w, out, teacher)
		},
	}
	cmd.Flags().StringVarP(&out, "output", "o", "", "write the report to this file: .html or .md (also .json, .txt)")
	cmd.Flags().BoolVar(&teacher, "teacher", false, "the teacher's copy: open with the scenario's teacher_notes")
	w.register(cmd)
	return cmd
}

// fullReport is the JSON form of a report: the three results it is made of.
type fullReport struct {
	Scenario    string           `json:"scenario"`
	Explanation *sim.Explanation `json:"explanation"`
	Analysis    *sim.Analysis    `json:"analysis"`
	Rounds      *sim.Transcript  `json:"rounds"`
}

func (a *app) writeReport(file string, w whatIf, out string, teacher bool) error {
	doc, format, err := a.openDocument(file, w, out)
	if err != nil {
		return err
	}
	sc := doc.Scenario
	if format == "csv" {
		return usagef("a report has many tables, not one to write as CSV; use html, markdown or json")
	}
	sp, ctx, cancel := a.search(doc)
	defer cancel()
	a.warnPlaceholders(doc)
	opt := sim.Options{Limit: 10, Workers: a.settings.Workers}
	ex, err := sim.Explain(ctx, sp, opt)
	if err != nil {
		return err
	}
	if teacher {
		ex.TeacherNotes = sim.NotesForTeacher(sc, doc.Variant)
	}
	an, err := sim.Analyze(ctx, sp, opt)
	if err != nil {
		return err
	}
	tr, err := a.playRounds(ctx, doc, sp, sim.RoundsOptions{Workers: a.settings.Workers})
	if err != nil {
		return err
	}
	var plane *sim.Debrief
	if axes, _ := chartAxes(sc, "", doc.Name); axes != nil {
		scorer, err := sim.NewScorer(ctx, sp, opt)
		if err != nil {
			return err
		}
		// The plane holds the scenario's starting values (its frontier, Nash solution and
		// walk-away lines), so the deal the rounds reached is placed at them too, as score
		// rates a transcript's deal, not at the values of its round.
		var agreed []sim.TableDeal
		if d := tr.Outcome.Deal; d != nil {
			agreed = []sim.TableDeal{{Table: "rounds", Choice: d.Choice}}
		}
		if plane, err = scorer.Debrief(ctx, agreed, axes); err != nil {
			return err
		}
	}
	return a.showTo(out, format, view{
		json: jsonOf(doc, fullReport{Scenario: sc.Name, Explanation: ex, Analysis: an, Rounds: tr}),
		report: reportOf(func(format string) (*report, error) {
			r, err := fullReportDoc(sc, whatIfLabel(doc), scenarioLabel(doc), doc.Warnings.Shown(), ex, an, tr, plane, format)
			if err != nil {
				return nil, err
			}
			return r.about(doc), nil
		}),
	})
}
