package main

import (
	"github.com/spf13/cobra"

	"github.com/negsim/negsim/sim"
)

func (a *app) scoreCommand() *cobra.Command {
	var deal, dealFile, transcript string
	var w whatIf
	cmd := &cobra.Command{
		Use:   "score [FILE]",
		Short: "Score a deal a table reached: points, surplus, ZOPA, Pareto and distance to the Nash solution",
		Long: `score takes a deal reached by hand, one option for every issue, and shows what it is
worth to each actor in points (utility × 100, so a deal is worth at most 100 to anyone), its
surplus over the actor's walk-away value (reservation × 100), and:

  ZOPA      whether every veto actor accepts it (and, under a decision rule or
            ratification, whether the votes at the table and at home are there), and if
            not who rejects it and why: each red line crossed, each condition broken, or
            how far below its reservation.
  Pareto    whether a deal in the ZOPA is at least as good for every veto actor and
            better for one. If so the deal left value on the table, and score
            names the deal that raises the smallest gain of the veto actors most, with
            each one's gain.
  Nash      its distance to the Nash solution (the ZOPA deal with the largest product of
            the veto actors' surpluses): how many issues differ, and how far apart the two
            deals' veto utilities lie, as the Euclidean distance in points.

Give the deal as --deal issue=option,... naming every issue once, or a CSV file of deals
with --deal-file (the format debrief reads: a header "table,<issue ids...>" and one row per
deal), or the deal of a session of 'negsim play' with --transcript FILE.json (on the
scenario it was played on; FILE names its file where it lies on this computer). Names are
checked: an unknown issue or option gets a did-you-mean suggestion.`,
		Example: `  negsim score --variant sanctions-bite --deal territory=freeze-dmz,recognition=none,...
  negsim score teaching-two-party --deal salary=high,remote=hybrid,start=now
  negsim score --variant sanctions-bite --deal-file deals.csv --format csv
  negsim score --transcript ukraine.json`,
		Args: args(cobra.MaximumNArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			given := 0
			for _, f := range []string{deal, dealFile, transcript} {
				if f != "" {
					given++
				}
			}
			if given != 1 {
				return usagef("give the deal to score with --deal issue=option,..., --deal-file FILE.csv or --transcript FILE.json (one of them)")
			}
			return a.score(argOr(args), w, deal, dealFile, transcript)
		},
	}
	cmd.Flags().StringVar(&deal, "deal", "", "the deal, as issue=option pairs separated by commas")
	cmd.Flags().StringVar(&dealFile, "deal-file", "", "a CSV file of deals: header table,<issue ids...>, one row per deal")
	cmd.Flags().StringVar(&transcript, "transcript", "", "the transcript of a session of negsim play (JSON)")
	w.register(cmd)
	return cmd
}

// tableResult is one scored deal of a --deal-file; Score is nil when the table reached none.
type tableResult struct {
	Table string     `json:"table"`
	Score *sim.Score `json:"score"`
	provenance
	// session is the transcript's session the deal comes from; nil for a deal given.
	session *sim.PlayTranscript
}

// noDeal is a session that ended without agreement: every actor keeps its walk-away
// value, a joint gain of 0.
type noDeal struct {
	Table string `json:"table"`
	// Ended is how: quit, the deadline, or stopped (Ctrl-C or --timeout ended the session
	// before the talks did, which no one at the table chose); StoppedBy says which.
	Ended     sim.Ending    `json:"ended"`
	StoppedBy sim.StopCause `json:"stopped_by,omitempty"`
	// LeftInRound is the round the player, without a veto, left the table in; the others
	// talked on to the end Ended names.
	LeftInRound *int       `json:"left_in_round,omitempty"`
	Agreement   bool       `json:"agreement"`
	JointGain   float64    `json:"joint_gain"`
	Score       *sim.Score `json:"score"`
}

func (a *app) score(file string, w whatIf, deal, dealFile, transcript string) error {
	var recs []*playRecord
	var texts [][]byte
	if transcript != "" {
		var err error
		if file, w, recs, texts, err = a.transcriptTables(file, w, []string{transcript}, false); err != nil {
			return err
		}
	}
	doc, err := a.openScenario(file, w)
	if transcript != "" {
		err = a.playedElsewhere(file, transcript, recs[0], err)
	}
	if err != nil {
		return err
	}
	sc := doc.Scenario
	var tables []sim.TableDeal
	var session *sim.PlayTranscript
	if transcript != "" {
		if err := a.playedAsRecorded(transcript, texts[0], recs[0], doc); err != nil {
			return err
		}
		choice, err := playedDeal(transcript, recs[0], sc)
		if err != nil {
			return err
		}
		tables = []sim.TableDeal{{Table: tableName(transcript), Choice: choice}}
		session = recs[0].PlayTranscript
	} else if deal != "" {
		choice, err := parseGivenDeal(deal, sc, file)
		if err != nil {
			return err
		}
		tables = []sim.TableDeal{{Choice: choice}}
	} else if tables, err = a.readDeals(dealFile, sc, file, scoreDealFile(dealFile)); err != nil {
		return err
	}
	sp, ctx, cancel := a.search(doc)
	defer cancel()
	scorer, err := sim.NewScorer(ctx, sp, sim.Options{Workers: a.settings.Workers})
	if err != nil {
		return err
	}
	var results []tableResult
	for _, td := range tables {
		res := tableResult{Table: td.Table, provenance: provenanceOf(doc), session: session}
		if td.Choice != nil {
			if res.Score, err = scorer.Score(ctx, td.Choice); err != nil {
				return err
			}
		}
		results = append(results, res)
	}
	// One deal is answered as its score, labelled with the what-if; a file of deals as
	// the list of its tables' results; a session that ended without a deal as debrief
	// lists such a table, since it has no score to label.
	json := jsonOf(nil, results)
	switch {
	case deal != "" || transcript != "" && results[0].Score != nil:
		json = jsonOf(doc, results[0].Score)
	case transcript != "":
		json = jsonOf(doc, noDeal{Table: results[0].Table, Ended: session.Ended, StoppedBy: session.StoppedBy, LeftInRound: session.LeftInRound})
	}
	return a.show(view{
		json: json,
		csv:  csvOf(func() *grid { return scoreGrid(sc, results) }),
		report: plainReport(func() *report {
			r := &report{title: sc.Name + ": scoring"}
			for _, res := range results {
				for _, s := range scoreSections(sc, res, scorer.ZOPA()) {
					r.add(s)
				}
			}
			return r.about(doc)
		}),
	})
}
