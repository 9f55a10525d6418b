package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/negsim/negsim/api"
	"github.com/negsim/negsim/sim"
)

func (a *app) debriefCommand() *cobra.Command {
	var deals, transcripts, out, axes, chart string
	var w whatIf
	cmd := &cobra.Command{
		Use:   "debrief [FILE]",
		Short: "Score every table's deal of a class together: ranking by joint gain, ZOPA, value left on the table, chart",
		Long: `debrief reads the deals many tables reached on the same scenario and scores them together,
as score does one: a table of tables ranked by joint gain (the veto actors' surpluses added
up, in points; equal gains share a rank), how many tables reached a deal in the ZOPA, how
many left value on the table (there was a deal of the ZOPA every veto actor likes at
least as much, and one likes more), why deals fell outside the ZOPA, and a chart
of every table's deal against the ZOPA's Pareto frontier for two veto actors (--axes; the
first two veto actors by default), with the Nash solution and both walk-away values.

The deals file is CSV: a header "table,<issue ids...>" (the issues in any order, every issue
once) and one row per table with its table name and the option it chose on each issue. A
row whose issue cells are all empty is a table that reached no agreement: everyone keeps
its walk-away value, a joint gain of 0; a row with no cell filled in, name included (a
spreadsheet's empty row), is skipped. Errors name the file, line and column.

--transcripts DIR reads instead the transcripts of sessions of 'negsim play' (every
DIR/*.json, each a table named after its file), on the scenario they were played on; all
must be of one scenario. FILE names that scenario's file where it lies on this computer
(the transcripts record the path each student typed).

-o writes the debrief to a file, its format by extension: .html is one self-contained page
with the chart inline, .md Markdown with the chart as an embedded data URI. --chart writes
the chart alone, as .svg or .png, for a slide.`,
		Example: `  negsim debrief --variant sanctions-bite --deals class.csv
  negsim debrief --variant sanctions-bite --deals class.csv -o debrief.html
  negsim debrief --variant sanctions-bite --deals class.csv --axes ukraine,russia -o debrief.md
  negsim debrief --transcripts class/
  negsim debrief --variant sanctions-bite --deals class.csv --chart class.png`,
		Args: args(cobra.MaximumNArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			if (deals == "") == (transcripts == "") {
				return usagef("give the tables' deals with --deals FILE.csv (one row per table, header table,<issue ids...>) or --transcripts DIR (sessions of negsim play), one of them")
			}
			if err := checkChart(chart); err != nil {
				return err
			}
			return a.debrief(argOr(args), w, deals, transcripts, out, axes, chart)
		},
	}
	cmd.Flags().StringVar(&deals, "deals", "", "the tables' deals, CSV: header table,<issue ids...>, one row per table")
	cmd.Flags().StringVar(&transcripts, "transcripts", "", "a folder of transcripts of negsim play (*.json), one table each")
	cmd.Flags().StringVarP(&out, "output", "o", "", "write the debrief to this file (.html, .md, .json, .csv or .txt)")
	cmd.Flags().StringVar(&axes, "axes", "", "the two veto actors of the chart, as a,b (default: the first two veto actors)")
	cmd.Flags().StringVar(&chart, "chart", "", "also draw the chart of the tables' deals into FILE.svg or FILE.png")
	w.register(cmd)
	return cmd
}

func (a *app) debrief(file string, w whatIf, dealsFile, transcriptDir, out, axesFlag, chart string) error {
	var paths []string
	var recs []*playRecord
	var texts [][]byte
	if transcriptDir != "" {
		var err error
		switch info, err := os.Stat(transcriptDir); {
		case err != nil && strings.ContainsAny(transcriptDir, "*?[") && isDir(filepath.Dir(transcriptDir)):
			// class/*.json, as the Windows shells pass it on: the folder is what is meant.
			return usagef("--transcripts %s: give the folder alone, as in --transcripts %s: every transcript (*.json) in it is read", transcriptDir, api.CommandWord(filepath.Dir(transcriptDir)))
		case err != nil:
			return usagef("--transcripts %s: no folder of that name; give the folder that holds the transcripts (*.json)", transcriptDir)
		case !info.IsDir():
			return usagef("--transcripts %s is a file; give the folder that holds the transcripts (*.json), or score one with negsim score --transcript %s", transcriptDir, api.CommandWord(transcriptDir))
		}
		var skipped []string
		if paths, skipped, err = transcriptFiles(transcriptDir); err != nil || len(paths) == 0 {
			return usagef("--transcripts %s: no transcripts (*.json) in that folder", transcriptDir)
		}
		for _, p := range skipped {
			fmt.Fprintf(a.stderr, "warning: %s is not read: only files ending in .json are; rename it %s if it is a transcript\n", p, strings.TrimSuffix(filepath.Base(p), filepath.Ext(p)))
		}
		if file, w, recs, texts, err = a.transcriptTables(file, w, paths, true); err != nil {
			return err
		}
		a.warnCopies(paths, texts)
	}
	doc, format, err := a.openDocument(file, w, out)
	if len(recs) > 0 {
		err = a.playedElsewhere(file, paths[0], recs[0], err)
	}
	if err != nil {
		return err
	}
	a.warnPlaceholders(doc)
	sc := doc.Scenario
	axes, err := chartAxes(sc, axesFlag, doc.Name)
	if err != nil {
		return err
	}
	if chart != "" && axes == nil {
		return usagef("--chart %s: no chart of the tables' deals: %s", chart, oneVetoPlane(sc))
	}
	var tables []sim.TableDeal
	if transcriptDir == "" {
		command := func(scenario string) string {
			return fmt.Sprintf("negsim debrief %s --deals %s", scenario, api.CommandWord(dealsFile))
		}
		if tables, err = a.readDeals(dealsFile, sc, file, command); err != nil {
			return err
		}
	}
	sessions := map[string]*sim.PlayTranscript{}
	for i, rec := range recs {
		if err := a.playedAsRecorded(paths[i], texts[i], rec, doc); err != nil {
			return err
		}
		choice, err := playedDeal(paths[i], rec, sc)
		if err != nil {
			return err
		}
		tables = append(tables, sim.TableDeal{Table: tableName(paths[i]), Choice: choice})
		sessions[tableName(paths[i])] = rec.PlayTranscript
	}
	sp, ctx, cancel := a.search(doc)
	defer cancel()
	scorer, err := sim.NewScorer(ctx, sp, sim.Options{Workers: a.settings.Workers})
	if err != nil {
		return err
	}
	db, err := scorer.Debrief(ctx, tables, axes)
	if err != nil {
		return err
	}
	if err := a.writeChartFile(chart, func(w io.Writer, format string) error {
		return debriefChart(w, format, scenarioLabel(doc), sc, db)
	}); err != nil {
		return err
	}
	result := debriefResult{Debrief: db}
	for _, t := range db.Tables {
		if stoppedSession(sessions[t.Table]) {
			result.Stopped = append(result.Stopped, t.Table)
		}
	}
	return a.showTo(out, format, view{
		json: jsonOf(doc, result),
		csv:  csvOf(func() *grid { return debriefGrid(sc, db, sessions) }),
		report: reportOf(func(format string) (*report, error) {
			r, err := debriefReport(sc, db, format, scenarioLabel(doc), sessions)
			if err != nil {
				return nil, err
			}
			r = r.about(doc)
			var names []string
			for _, t := range db.Tables {
				names = append(names, t.Table)
			}
			r.isolate = rightToLeftNames(names, sc)
			return r, nil
		}),
	})
}

// debriefResult is a debrief as JSON: Stopped names the tables whose session Ctrl-C or
// --timeout ended before the talks did, which count as no agreement though no one left the table.
type debriefResult struct {
	*sim.Debrief
	Stopped []string `json:"stopped,omitempty"`
}

// transcriptFiles lists the *.json files of a folder in name order, and apart the files
// that look like one saved under another extension (Notepad's "ana.json.txt"), which are
// not read. The folder is read, not globbed: a name such as "class[1]" is a pattern to
// filepath.Glob, which then read class1's transcripts instead.
func transcriptFiles(dir string) (paths, skipped []string, err error) {
	entries, err := os.ReadDir(dir)
	for _, e := range entries {
		if !fileEntry(dir, e) {
			continue
		}
		// A file renamed on Windows or a Mac may end in .JSON; it is no less a transcript.
		ext := filepath.Ext(e.Name())
		switch base := strings.TrimSuffix(e.Name(), ext); {
		case strings.EqualFold(ext, ".json"):
			paths = append(paths, filepath.Join(dir, e.Name()))
		case strings.EqualFold(filepath.Ext(base), ".json"):
			skipped = append(skipped, filepath.Join(dir, e.Name()))
		}
	}
	return paths, skipped, err
}

// warnCopies names transcripts that hold the same bytes: a session saved twice ("ana -
// Copy.json") would count one table twice. Two students who play alike write the same
// bytes too, so both are ranked and the teacher decides.
func (a *app) warnCopies(paths []string, texts [][]byte) {
	first := map[string]int{}
	for i, text := range texts {
		if j, seen := first[string(text)]; seen {
			fmt.Fprintf(a.stderr, "warning: %s and %s hold the same session, byte for byte; if one is a copy, remove it: each counts as a table\n", paths[j], paths[i])
			continue
		}
		first[string(text)] = i
	}
}
