package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"
	"gonum.org/v1/plot/vg"

	"github.com/negsim/negsim/sim"
)

func (a *app) debriefCommand() *cobra.Command {
	var deals, transcripts, out, axes string
	var w whatIf
	cmd := &cobra.Command{
		Use:   "debrief [FILE]",
		Short: "Score every table's deal of a class together: ranking by joint gain, ZOPA, value left on the table, chart",
		Long: `debrief reads the deals many tables reached on the same scenario and scores them together,
as score does one: a table of tables ranked by joint gain (the veto actors' surpluses added
up, in points; equal gains share a rank), how many tables reached a deal in the ZOPA, how
many left value on the table (a deal every veto actor likes at least as much, and one
likes more, was within everyone's red lines), why deals fell outside the ZOPA, and a chart
of every table's deal against the ZOPA's Pareto frontier for two veto actors (--axes; the
first two veto actors by default), with the Nash solution and both walk-away values.

The deals file is CSV: a header "table,<issue ids...>" (the issues in any order, every issue
once) and one row per table with its table name and the option it chose on each issue. A
row whose issue cells are all empty is a table that reached no agreement: everyone keeps
its walk-away value, a joint gain of 0. Errors name the file, line and column.

--transcripts DIR reads instead the transcripts of sessions of 'negsim play' (every
DIR/*.json, each a table named after its file), on the scenario they were played on
unless FILE, --variant or --set name it; all must be of one scenario.

-o writes the debrief to a file, its format by extension: .html is one self-contained page
with the chart inline, .md Markdown with the chart as an embedded data URI.`,
		Example: `  negsim debrief --variant sanctions-bite --deals class.csv
  negsim debrief --variant sanctions-bite --deals class.csv -o debrief.html
  negsim debrief --variant sanctions-bite --deals class.csv --axes ukraine,russia -o debrief.md
  negsim debrief --transcripts class/`,
		Args: args(cobra.MaximumNArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			if (deals == "") == (transcripts == "") {
				return usagef("give the tables' deals with --deals FILE.csv (one row per table, header table,<issue ids...>) or --transcripts DIR (sessions of negsim play), one of them")
			}
			return a.debrief(argOr(args), w, deals, transcripts, out, axes)
		},
	}
	cmd.Flags().StringVar(&deals, "deals", "", "the tables' deals, CSV: header table,<issue ids...>, one row per table")
	cmd.Flags().StringVar(&transcripts, "transcripts", "", "a folder of transcripts of negsim play (*.json), one table each")
	cmd.Flags().StringVarP(&out, "output", "o", "", "write the debrief to this file (.html, .md, .json, .csv or .txt)")
	cmd.Flags().StringVar(&axes, "axes", "", "the two veto actors of the chart, as a,b (default: the first two veto actors)")
	w.register(cmd)
	return cmd
}

func (a *app) debrief(file string, w whatIf, dealsFile, transcriptDir, out, axesFlag string) error {
	var paths []string
	var recs []*playRecord
	if transcriptDir != "" {
		var err error
		if paths, err = filepath.Glob(filepath.Join(transcriptDir, "*.json")); err != nil || len(paths) == 0 {
			return usagef("--transcripts %s: no transcripts (*.json) in that folder", transcriptDir)
		}
		if file, w, recs, err = a.transcriptTables(file, w, paths); err != nil {
			return err
		}
	}
	doc, err := a.openScenario(file, w)
	if err != nil {
		return err
	}
	sc := doc.Scenario
	format, err := documentFormat(out, a.settings.Format)
	if err != nil {
		return err
	}
	axes, err := chartAxes(sc, axesFlag, doc.Name)
	if err != nil {
		return err
	}
	var tables []sim.TableDeal
	if transcriptDir == "" {
		if tables, err = a.readDeals(dealsFile, sc); err != nil {
			return err
		}
	}
	for i, rec := range recs {
		choice, err := playedDeal(paths[i], rec, sc)
		if err != nil {
			return err
		}
		tables = append(tables, sim.TableDeal{Table: tableName(paths[i]), Choice: choice})
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
	return a.showTo(out, format, view{
		json: jsonOf(doc, db),
		csv:  csvOf(func() *grid { return debriefGrid(sc, db) }),
		report: reportOf(func(format string) (*report, error) {
			r, err := debriefReport(sc, db, format, scenarioLabel(doc))
			if err != nil {
				return nil, err
			}
			return r.about(doc), nil
		}),
	})
}

// readDeals reads a CSV file of tables' deals, collecting every error with its line and
// column.
func (a *app) readDeals(path string, sc *sim.Scenario) ([]sim.TableDeal, error) {
	data, err := a.readUserFile(path)
	if err != nil {
		return nil, err
	}
	return parseDeals(path, data, sc)
}

// readUserFile reads a file the user names as input (a deals file, a transcript): a file
// that cannot be read is the user's to fix, a stopped run is not.
func (a *app) readUserFile(path string) ([]byte, error) {
	data, err := a.readInput(path)
	switch {
	case errors.Is(err, sim.ErrBadInput), errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return nil, err
	case errors.Is(err, fs.ErrNotExist):
		return nil, usagef("no file %q", path)
	case err != nil:
		return nil, usagef("cannot read %s: %v", path, err)
	}
	return data, nil
}

// maxDealErrors stops a hopeless file from burying the first errors under hundreds more.
const maxDealErrors = 20

// parseDeals reads deals CSV: header table,<issue ids...>, one row per table.
func parseDeals(name string, data []byte, sc *sim.Scenario) ([]sim.TableDeal, error) {
	data = bytes.TrimPrefix(data, []byte("\uFEFF")) // spreadsheets on Windows write a BOM
	r := csv.NewReader(bytes.NewReader(data))
	// Spreadsheets in locales whose decimal mark is a comma save CSV with semicolons: a
	// header with semicolons and no comma is read that way.
	if header, _, _ := bytes.Cut(data, []byte("\n")); bytes.IndexByte(header, ',') < 0 && bytes.IndexByte(header, ';') >= 0 {
		r.Comma = ';'
	}
	r.FieldsPerRecord = -1
	r.TrimLeadingSpace = true
	var errs sim.Diagnostics
	fail := func(line, col int, path, format string, args ...any) {
		errs = append(errs, sim.Diagnostic{File: name, Line: line, Col: col, Path: path, Message: fmt.Sprintf(format, args...)})
	}
	header, err := r.Read()
	if err != nil {
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			fail(pe.Line, pe.Column, "", "%v", pe.Err)
			return nil, errs
		}
		fail(1, 0, "", "no header: the first line must be table,<issue ids...>")
		return nil, errs
	}
	// column[c] is the issue of column c, -1 for the table column.
	column := make([]int, len(header))
	seen := make([]int, len(sc.Issues))
	for c, h := range header {
		h = strings.TrimSpace(h)
		line, col := r.FieldPos(c)
		if c == 0 {
			column[c] = -1
			if !strings.EqualFold(h, "table") {
				fail(line, col, "", "the first column must be \"table\", the table's name; got %q", h)
			}
			continue
		}
		k, err := sim.FindIssue(sc, h)
		if err != nil {
			fail(line, col, "", "header: %v", err)
			column[c] = -2
			continue
		}
		if seen[k] > 0 {
			fail(line, col, "", "header: issue %q is given twice (columns %d and %d)", h, seen[k], c+1)
		}
		seen[k] = c + 1
		column[c] = k
	}
	var missing []string
	for k, c := range seen {
		if c == 0 {
			missing = append(missing, sc.Issues[k].ID)
		}
	}
	if len(missing) > 0 {
		fail(1, 0, "", "header: no column for %s; a deal settles every issue", strings.Join(missing, ", "))
	}
	if len(errs) > 0 {
		return nil, errs
	}
	var tables []sim.TableDeal
	firstLine := map[string]int{}
	for len(errs) < maxDealErrors {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			if !errors.Is(pe.Err, csv.ErrFieldCount) {
				fail(pe.Line, pe.Column, "", "%v", pe.Err)
				break
			}
		} else if err != nil {
			return nil, err
		}
		line, _ := r.FieldPos(0)
		if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
			continue
		}
		if len(rec) != len(header) {
			fail(line, 0, "", "%d cells, but the header has %d columns", len(rec), len(header))
			continue
		}
		td := sim.TableDeal{Table: strings.TrimSpace(rec[0])}
		if _, col := r.FieldPos(0); td.Table == "" {
			fail(line, col, "table", "the table has no name")
		} else if prev, dup := firstLine[td.Table]; dup {
			fail(line, col, "table", "table %q already has a row, on line %d", td.Table, prev)
		} else {
			firstLine[td.Table] = line
		}
		empty := 0
		for _, cell := range rec[1:] {
			if strings.TrimSpace(cell) == "" {
				empty++
			}
		}
		if empty == len(rec)-1 {
			tables = append(tables, td) // no agreement
			continue
		}
		td.Choice = make([]int, len(sc.Issues))
		for c := 1; c < len(rec); c++ {
			k := column[c]
			_, col := r.FieldPos(c)
			cell := strings.TrimSpace(rec[c])
			if cell == "" {
				fail(line, col, sc.Issues[k].ID, "no option; a table's row gives an option for every issue, or none at all for no agreement")
				continue
			}
			o, err := sim.FindOption(&sc.Issues[k], cell)
			if err != nil {
				fail(line, col, sc.Issues[k].ID, "%v", err)
				continue
			}
			td.Choice[k] = o
		}
		tables = append(tables, td)
	}
	if len(errs) > 0 {
		return nil, errs
	}
	if len(tables) == 0 {
		return nil, usagef("%s has a header but no tables: add one row per table", name)
	}
	return tables, nil
}

func debriefReport(sc *sim.Scenario, db *sim.Debrief, format, label string) (*report, error) {
	wd := words{sc}
	r := &report{title: sc.Name + ": debrief"}
	summary := section{title: "Summary", text: []string{
		fmt.Sprintf("%s; %d reached a deal, %d of them in the zone of possible agreement (acceptable to every veto actor).",
			plural(len(db.Tables), "table", "tables"), db.Agreements, db.InZOPA),
	}}
	if unsigned := db.Agreements - db.InZOPA; unsigned > 0 {
		summary.text = append(summary.text, fmt.Sprintf("%s some veto actor would not sign %s as no agreement: every actor keeps its walk-away value, a joint gain of 0.",
			plural(unsigned, "deal", "deals"), map[bool]string{true: "counts", false: "count"}[unsigned == 1]))
	}
	summary.text = append(summary.text,
		fmt.Sprintf("%d left value on the table: another deal every veto actor accepts was at least as good for each and better for one.", db.LeftValue),
		fmt.Sprintf("The ZOPA holds %s.", plural(db.ZOPA, "deal", "deals")))
	r.add(summary)

	g := &grid{header: []string{"rank", "table", "joint gain"}, right: []bool{true, false, true}}
	// The veto actors first, whose surpluses make the joint gain; then the observers, whose
	// briefs promise that their interests count in the debrief.
	var shown []sim.Actor
	for _, observers := range []bool{false, true} {
		for _, ac := range sc.Actors {
			if ac.Veto == observers {
				continue
			}
			shown = append(shown, ac)
			h := ac.ID
			if observers {
				h += " (no veto)"
			}
			g.header = append(g.header, h)
			g.right = append(g.right, true)
		}
	}
	g.header = append(g.header, "ZOPA", "Pareto", "Nash: issues differ", "Nash: distance")
	g.right = append(g.right, false, false, true, true)
	for _, t := range db.Tables {
		// Two decimals: tables a tenth of a point apart are ranked apart, and should read so.
		row := []string{fmt.Sprint(t.Rank), t.Table, fmt.Sprintf("%+.2f", 100*t.JointGain)}
		if t.Score == nil {
			for range shown {
				row = append(row, "")
			}
			row = append(row, "no agreement", "", "", "")
			g.add(row...)
			continue
		}
		// A deal someone would not sign scores as no agreement: each actor's walk-away.
		for _, ac := range shown {
			for _, as := range t.Score.Actors {
				if as.ID == ac.ID {
					row = append(row, pts(scoredUtility(t.Score, as)))
				}
			}
		}
		differ, dist := "", ""
		if n := t.Score.Nash; n != nil {
			differ, dist = fmt.Sprint(n.IssuesDiffering), points(100*n.UtilityDistance)
		}
		zopa, pareto := "yes", yesNo(t.Score.Pareto)
		if t.Score.CountsAsNoAgreement {
			zopa, pareto = "no: not signed", "–"
		}
		row = append(row, zopa, pareto, differ, dist)
		g.add(row...)
	}
	r.add(section{title: "Tables ranked by joint gain", text: []string{
		"Joint gain: the veto actors' surpluses over their walk-away values, added up, in points. Per actor, observers (no veto) included: points out of 100. " +
			"A deal some veto actor would not sign scores as no agreement: every actor keeps its walk-away value.",
	}, grid: g})

	var outside, left []string
	for _, t := range db.Tables {
		s := t.Score
		if s == nil {
			continue
		}
		if s.CountsAsNoAgreement {
			var who, written []string
			for _, as := range s.Actors {
				if as.Veto && !as.Accepts {
					who = append(who, fmt.Sprintf("%s (%s)", as.Name, rejectionText(wd, as.Rejections)))
				}
				if as.Veto {
					written = append(written, fmt.Sprintf("%s %s", as.ID, pts(as.Utility)))
				}
			}
			why := strings.Join(who, "; ") + " would not sign"
			if len(who) == 0 { // every veto actor signs, but votes or ratification are missing
				why = strings.Join(shortOfRules(sc, s), " and ")
			}
			line := fmt.Sprintf("- %s: %s, so it counts as no agreement. As written it gave %s, a joint gain of %s.",
				t.Table, why, strings.Join(written, ", "), fmt.Sprintf("%+.2f", 100*s.JointGainIfSigned))
			if d := s.DominatedBy; d != nil {
				line += fmt.Sprintf(" Changing %s gives a deal every veto actor accepts and likes at least as much.", joinWords(dealChanges(sc, s.Options, d.Options, false, wd), "and"))
			}
			outside = append(outside, line)
			continue
		}
		if d := s.DominatedBy; d != nil {
			left = append(left, fmt.Sprintf("- %s: changing %s gives every veto actor at least %s points more.", t.Table, joinWords(dealChanges(sc, s.Options, d.Options, false, wd), "and"), signedPts(d.MinGain)))
		}
	}
	if len(outside) > 0 {
		r.add(section{title: "Deals outside the ZOPA", text: outside})
	}
	if len(left) > 0 {
		r.add(section{title: "Value left on the table", text: left})
	}
	if (format == "html" || format == "markdown") && len(db.Axes) == 2 {
		var svg bytes.Buffer
		if err := debriefChart(&svg, "svg", label, sc, db); err != nil {
			return nil, err
		}
		title := fmt.Sprintf("Every table's deal against the Pareto frontier for %s and %s", actorName(sc, db.Axes[0]), actorName(sc, db.Axes[1]))
		r.add(section{title: "Chart", text: []string{
			"Points for the two actors on the axes. The line is the ZOPA's frontier for these two: no ZOPA deal lies beyond it. Dashed lines are their walk-away values; the ring marks the Nash solution.",
		}, figures: []figure{{title: title, svg: svg.Bytes()}}})
	}
	return r, nil
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// debriefChart plots every table's deal, the ZOPA's frontier for the two axis actors, the
// Nash solution and both actors' walk-away values, all in points. Tables that reached the
// same point share one label.
func debriefChart(w io.Writer, format, title string, sc *sim.Scenario, db *sim.Debrief) error {
	in := chartLine{label: "a table's deal in the ZOPA", color: 2, scatter: true, glyph: 0}
	out := chartLine{label: "a table's deal outside the ZOPA", color: 0, scatter: true, glyph: 2}
	for _, t := range db.Tables {
		if t.Score == nil {
			continue
		}
		var x, y float64
		for _, as := range t.Score.Actors {
			switch as.ID {
			case db.Axes[0]:
				x = 100 * as.Utility
			case db.Axes[1]:
				y = 100 * as.Utility
			}
		}
		l := &out
		if t.Score.InZOPA {
			l = &in
		}
		if i := samePoint(l, x, y); i >= 0 {
			l.labels[i] += ", " + t.Table
			continue
		}
		l.xs, l.ys, l.labels = append(l.xs, x), append(l.ys, y), append(l.labels, t.Table)
	}
	var deals []chartLine
	for _, l := range []chartLine{in, out} {
		if len(l.xs) > 0 {
			deals = append(deals, l)
		}
	}
	pn := dealsPanel(title, sc, db.Axes, db.Frontier, db.Nash, deals...)
	return writeChart(w, format, 7*vg.Inch, 6*vg.Inch, pn)
}

// samePoint is the index of the point of l at (x, y), or -1.
func samePoint(l *chartLine, x, y float64) int {
	for i := range l.xs {
		if math.Abs(l.xs[i]-x) < 1e-9 && math.Abs(l.ys[i]-y) < 1e-9 {
			return i
		}
	}
	return -1
}

// debriefGrid is the CSV view: the ranked tables, one column per number.
func debriefGrid(sc *sim.Scenario, db *sim.Debrief) *grid {
	results := make([]tableResult, len(db.Tables))
	for i, t := range db.Tables {
		results[i] = tableResult{Table: t.Table, Score: t.Score}
	}
	g := scoreGrid(sc, results)
	g.header = append([]string{"rank"}, g.header...)
	for i := range g.rows {
		g.rows[i] = append([]string{fmt.Sprint(db.Tables[i].Rank)}, g.rows[i]...)
	}
	return g
}
