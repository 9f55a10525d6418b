package main

import (
	"bytes"
	"cmp"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/negsim/negsim/api"
	"github.com/negsim/negsim/config"
	"github.com/negsim/negsim/internal/textpos"
	"github.com/negsim/negsim/scenarios"
	"github.com/negsim/negsim/sim"
)

// readDeals reads a CSV file of tables' deals, collecting every error with its line and
// column. command is the command line that reads them for a scenario NAME, to be named
// when no scenario was (file is "") and the deals are of another than the default.
func (a *app) readDeals(path string, sc *sim.Scenario, file string, command func(scenario string) string) ([]sim.TableDeal, error) {
	data, err := a.readUserFile(path)
	if err != nil {
		return nil, err
	}
	tables, err := parseDeals(path, data, sc)
	if err != nil && file == "" {
		if text, err := config.Text(path, data); err == nil {
			if header, err := dealsReader(text).Read(); err == nil && len(header) > 1 && strings.EqualFold(strings.TrimSpace(header[0]), "table") {
				if other := notOfTheDefault(sc, header[1:], "the deals", command); other != nil {
					return nil, fmt.Errorf("%s: %w", path, other)
				}
			}
		}
	}
	return tables, err
}

// parseGivenDeal reads the deal --deal gives; file is the scenario named, "" for the default.
func parseGivenDeal(deal string, sc *sim.Scenario, file string) ([]int, error) {
	choice, err := sim.ParseDeal(deal, sc)
	if err != nil && file == "" {
		var issues []string
		for pair := range strings.SplitSeq(deal, ",") {
			issue, _, _ := strings.Cut(pair, "=")
			issues = append(issues, issue)
		}
		if other := notOfTheDefault(sc, issues, "the deal", func(scenario string) string {
			return fmt.Sprintf("negsim score %s --deal %s", scenario, api.CommandWord(deal))
		}); other != nil {
			return nil, fmt.Errorf("--deal: %w", other)
		}
	}
	if err != nil {
		return nil, usagef("--deal: %v", err)
	}
	return choice, nil
}

// scoreDealFile is the command that scores the deals of path on a scenario.
func scoreDealFile(path string) func(scenario string) string {
	return func(scenario string) string {
		return fmt.Sprintf("negsim score %s --deal-file %s", scenario, api.CommandWord(path))
	}
}

// notOfTheDefault explains why deals that name none of the issues of the default scenario,
// which a command given no scenario runs, do not fit it: the class played another one
// (what names them: "the deals", "the deal"). It names the shipped scenario whose issues
// are exactly those the deals name, or else the one that has most of them (by id or by
// name, in any case, at least half), with the command for it (command of its name); nil
// when the deals name one of the default's issues, whose own errors then say what is
// wrong.
func notOfTheDefault(sc *sim.Scenario, issues []string, what string, command func(scenario string) string) error {
	var named []string
	for _, id := range issues {
		if id = strings.TrimSpace(id); id == "" {
			continue
		}
		if _, err := sim.FindIssue(sc, id); err == nil {
			return nil
		}
		named = append(named, id)
	}
	if len(named) == 0 {
		return nil
	}
	best, bestFound, tie := "", 0, false
	for _, name := range scenarios.Names() {
		data, _ := scenarios.Read(name)
		doc, err := config.Load(name+".yaml", data)
		if err != nil {
			continue
		}
		own := doc.Scenario.Issues
		found := 0
		for _, n := range named {
			if slices.ContainsFunc(own, func(is sim.Issue) bool { return strings.EqualFold(is.ID, n) || strings.EqualFold(is.Name, n) }) {
				found++
			}
		}
		if slices.Equal(sortedIDs(own), sortedCopy(named)) {
			are := "are the issues"
			if len(named) == 1 {
				are = "is the issue"
			}
			return usagef("no issue of %q, the scenario negsim runs when none is named, is in %s: %s %s of the shipped %s. Name it: %s",
				sc.Name, what, sim.JoinWords(sortedCopy(named), "and"), are, name, command(name))
		}
		switch {
		case found > bestFound:
			best, bestFound, tie = name, found, false
		case found == bestFound && found > 0:
			tie = true
		}
	}
	if 2*bestFound >= len(named) && !tie {
		return usagef("no issue of %q, the scenario negsim runs when none is named, is in %s: they look like the issues of the shipped %s. Name it, and negsim says what does not fit: %s",
			sc.Name, what, best, command(best))
	}
	return usagef("no issue of %q, the scenario negsim runs when none is named, is in %s: name the scenario they come from, as in %s", sc.Name, what, command("FILE"))
}

// sortedIDs are the issues' ids in order; sortedCopy a sorted copy of ids.
func sortedIDs(issues []sim.Issue) []string {
	ids := make([]string, len(issues))
	for k, is := range issues {
		ids[k] = is.ID
	}
	return sortedCopy(ids)
}

func sortedCopy(ids []string) []string {
	out := slices.Clone(ids)
	slices.Sort(out)
	return out
}

// readUserFile reads a file the user names as input (a deals file, a transcript): a file
// that cannot be read is the user's to fix, a stopped run is not.
func (a *app) readUserFile(path string) ([]byte, error) {
	data, err := a.readInput(path)
	switch {
	case errors.Is(err, sim.ErrBadInput), stopped(err):
		return nil, err
	case errors.Is(err, fs.ErrNotExist):
		return nil, usagef("no file %q", path)
	case err != nil:
		return nil, readError(path, err)
	}
	return data, nil
}

// maxDealErrors stops a hopeless file from burying the first errors under hundreds more.
const maxDealErrors = 20

// dealsReader reads the deals CSV of data, already text.
func dealsReader(data []byte) *csv.Reader {
	r := csv.NewReader(bytes.NewReader(data))
	// Spreadsheets in locales whose decimal mark is a comma save CSV with semicolons, and
	// Excel's "Unicode Text" (UTF-16) separates cells with tabs: a header with no comma is
	// read with the one it holds.
	if header, _, _ := bytes.Cut(data, []byte("\n")); bytes.IndexByte(header, ',') < 0 {
		switch {
		case bytes.IndexByte(header, ';') >= 0:
			r.Comma = ';'
		case bytes.IndexByte(header, '\t') >= 0:
			r.Comma = '\t'
		}
	}
	r.FieldsPerRecord = -1
	// Trimmed, a tab would be taken for space before a cell: a row of empty cells would
	// shrink to one. Each cell is trimmed when read.
	r.TrimLeadingSpace = r.Comma != '\t'
	return r
}

// withoutEmptyTail drops the empty cells at the end of a row, keeping at least keep cells.
func withoutEmptyTail(row []string, keep int) []string {
	for len(row) > keep && strings.TrimSpace(row[len(row)-1]) == "" {
		row = row[:len(row)-1]
	}
	return row
}

// parseDeals reads deals CSV: header table,<issue ids...>, one row per table.
func parseDeals(name string, data []byte, sc *sim.Scenario) ([]sim.TableDeal, error) {
	data, err := config.Text(name, data)
	if err != nil {
		return nil, err
	}
	r := dealsReader(data)
	var errs sim.Diagnostics
	// encoding/csv counts columns in bytes; an editor, and negsim's other errors, count
	// characters, which a table named in Ukrainian or Chinese makes fewer.
	var lines *textpos.Lines // indexed at the first error, as a good file needs none
	fail := func(line, col int, path, format string, args ...any) {
		if col > 0 {
			if lines == nil {
				lines = textpos.New(data)
			}
			col = lines.Col(line, col)
		}
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
	// A spreadsheet saves the columns up to the last one a cell was ever typed in: empty
	// headings at the end head no issue, and the rows' cells under them are empty too.
	header = withoutEmptyTail(header, 1)
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
		fail(1, 0, "", "header: no column for %s; a deal settles every issue", sim.JoinWords(missing, "and"))
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
		// A spreadsheet saves an empty row as separators alone: no table sits there.
		if !slices.ContainsFunc(rec, func(cell string) bool { return strings.TrimSpace(cell) != "" }) {
			continue
		}
		if rec = withoutEmptyTail(rec, len(header)); len(rec) != len(header) {
			fail(line, 0, "", "%s, but the header has %d columns", plural(len(rec), "cell", "cells"), len(header))
			continue
		}
		td := sim.TableDeal{Table: strings.TrimSpace(rec[0])}
		if _, col := r.FieldPos(0); td.Table == "" {
			fail(line, col, "table", "the table has no name")
		} else if what := config.ControlCharacter(td.Table); what != "" {
			fail(line, col, "table", "the table's name %q holds %s; remove it", td.Table, what)
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

// readPlayRecord reads a transcript that play wrote, and returns its text too, which the
// replay places its differences in.
// inFolder is set when the file is one of a folder's *.json, each read as a transcript.
func (a *app) readPlayRecord(path string, inFolder bool) (*playRecord, []byte, error) {
	others := ""
	if inFolder {
		others = "; debrief --transcripts reads every .json file of the folder as a transcript: move the others out"
	}
	if info, err := os.Stat(path); err == nil && info.Mode().IsRegular() && info.Size() > a.settings.MaxFileSize {
		return nil, nil, usagef("%s: the transcript is %s bytes, more than the %s negsim reads (--max-file-size); a long session writes that much: read it with --max-file-size %d", path, count(uint64(info.Size())), config.Size(a.settings.MaxFileSize), info.Size())
	}
	data, err := a.readUserFile(path)
	if err != nil {
		return nil, nil, err
	}
	if data, err = config.Text(path, data); err != nil {
		return nil, nil, usagef("%v", err)
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, nil, usagef("%s: the file is empty; score the transcript negsim play wrote", path)
	}
	rec := &playRecord{}
	if err := json.Unmarshal(data, rec); err != nil {
		// The decoder stopped at the very end: the file was cut, not mistyped.
		if syntax := (*json.SyntaxError)(nil); errors.As(err, &syntax) && syntax.Offset == int64(len(data)) {
			return nil, nil, usagef("%s: the file ends in the middle of the transcript: it was cut short; score the whole file negsim play wrote", jsonErrorAt(path, data, err))
		}
		return nil, nil, usagef("%s: not a transcript of negsim play: %v; a transcript is the JSON file negsim play --transcript writes%s", jsonErrorAt(path, data, err), err, others)
	}
	if rec.PlayTranscript == nil || rec.Seat == "" || rec.Ended == "" {
		return nil, nil, usagef("%s: not a transcript of negsim play: it has no seat or no end%s", path, others)
	}
	switch rec.StoppedBy {
	case "", sim.StopInterrupt, sim.StopTimeout:
	default:
		// The text decoded into rec, so its values can be placed.
		spots, _ := jsonSpots(data)
		return nil, nil, usagef("%s:%d: stopped_by: %q: a session is stopped by %q (Ctrl-C) or %q (--timeout); score the transcript negsim play wrote", path, spots.line("stopped_by"), rec.StoppedBy, sim.StopInterrupt, sim.StopTimeout)
	}
	return rec, data, nil
}

// jsonErrorAt places a JSON decoding error in its file as FILE:LINE:COL, where the
// decoder says at which byte it stopped: a hand edit that leaves a dangling comma is found
// at its line.
func jsonErrorAt(path string, data []byte, err error) string {
	var offset int64
	var syntax *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syntax):
		offset = syntax.Offset
	case errors.As(err, &typ):
		offset = typ.Offset
	default:
		return path
	}
	line, col := textpos.New(data).LineCol(offset)
	return fmt.Sprintf("%s:%d:%d", path, line, col)
}

// playedDeal is the deal of a transcript as one option per issue, or nil without agreement.
func playedDeal(path string, rec *playRecord, sc *sim.Scenario) ([]int, error) {
	if rec.Scenario != sc.Name {
		return nil, playedOnAnother(path, rec, sc.Name)
	}
	if !rec.Outcome.Agreement || rec.Outcome.Deal == nil {
		return nil, nil
	}
	parts := make([]string, len(sc.Issues))
	for k, is := range sc.Issues {
		parts[k] = is.ID + "=" + rec.Outcome.Deal.Options[is.ID]
	}
	choice, err := sim.ParseDeal(strings.Join(parts, ","), sc)
	if err != nil {
		return nil, usagef("%s: the agreed deal: %v", path, err)
	}
	return choice, nil
}

// playedOnAnother refuses a transcript of another scenario than the one named, and says what
// would score it: the scenario it was played on, or none, since the transcript names its
// own.
func playedOnAnother(path string, rec *playRecord, name string) error {
	return usagef("%s was played on %q, not on %q; give %s, or no scenario to use the transcript's", path, rec.Scenario, name, setupOf(rec))
}

// setup says which scenario a transcript was played on, in the words of the command line.
func setupOf(rec *playRecord) string {
	text, variant := playedOn(rec)
	if variant != "" {
		text += " --variant " + variant
	}
	for _, s := range rec.Set {
		text += " --set " + s
	}
	return text
}

// sameSetup is whether two sessions were played on one scenario under one what-if: the
// scenario by its name, not by the path typed to reach it, which differs between the
// students' computers and the teacher's ("garden.yaml", "Downloads/garden.yaml").
func sameSetup(a, b *playRecord) bool {
	_, va := playedOn(a)
	_, vb := playedOn(b)
	return a.Scenario == b.Scenario && va == vb && sameSets(a.Set, b.Set)
}

// sameSets is whether two lists of --set flags make the same what-if, in the same order:
// one student types 0.5 and another 0.50, or spaces around the =.
func sameSets(a, b []string) bool {
	return slices.EqualFunc(a, b, func(x, y string) bool {
		ox, errX := config.ParseOverride(x)
		oy, errY := config.ParseOverride(y)
		if errX != nil || errY != nil || ox.Path != oy.Path {
			return x == y
		}
		fx, errX := strconv.ParseFloat(ox.Value, 64)
		fy, errY := strconv.ParseFloat(oy.Value, 64)
		if errX == nil && errY == nil {
			return fx == fy
		}
		return ox.Value == oy.Value
	})
}

// playedOn is the file and the variant a session was played on. A student may name the
// variant inside the file argument (FILE#VARIANT), as every command allows; play records
// the two apart, but a transcript written before it did holds that argument as its file.
func playedOn(rec *playRecord) (file, variant string) {
	if file, v, ok := fileAndVariant(rec.File); ok && rec.Variant == "" {
		return file, v
	}
	return rec.File, rec.Variant
}

// transcriptScenario decides the scenario to score transcripts on: the one they were played
// on when the command names none, and otherwise the file named, under the transcripts' own
// what-if (playedDeal then checks that the file holds their scenario).
func transcriptScenario(file string, w whatIf, recs []*playRecord, paths []string) (string, whatIf, error) {
	first := recs[0]
	for i, rec := range recs {
		if !sameSetup(rec, first) {
			return "", w, usagef("%s was played on %s, %s on %s; score transcripts of one scenario together", paths[i], setupOf(rec), paths[0], setupOf(first))
		}
	}
	playedFile, variant := playedOn(first)
	// FILE#VARIANT names a variant as --variant does; a different --variant beside it is
	// left to the scenario's opening, which says to give one.
	if f, v, ok := fileAndVariant(file); ok && (w.variant == "" || w.variant == v) {
		file, w.variant = f, v
	}
	if w.variant != "" || len(w.sets) > 0 {
		if w.variant != variant || !sameSets(w.sets, first.Set) {
			given := playRecord{File: cmp.Or(file, playedFile), Variant: w.variant, Set: w.sets}
			return "", w, usagef("%s was played on %s, not on %s; give the same scenario, or none to use the transcript's", paths[0], setupOf(first), setupOf(&given))
		}
	}
	if file != "" {
		return file, whatIf{variant: variant, sets: first.Set}, nil
	}
	if _, shipped := scenarios.Read(playedFile); !exists(playedFile) && !shipped {
		return "", w, usagef("%s was played on %s, and there is no file %s here: give the scenario's path as FILE, the command's first argument", paths[0], setupOf(first), playedFile)
	}
	return playedFile, whatIf{variant: variant, sets: first.Set}, nil
}

// transcriptTables reads transcripts as the deals of a class's tables, each named after its
// file, and the scenario they were played on; texts are the files as read.
func (a *app) transcriptTables(file string, w whatIf, paths []string, inFolder bool) (string, whatIf, []*playRecord, [][]byte, error) {
	var recs []*playRecord
	var texts [][]byte
	for _, p := range paths {
		// The table is named after the file, and names are printed: an escape sequence in
		// one would act on the terminal, as a deals file's table name may not.
		if what := config.ControlCharacter(filepath.Base(p)); what != "" {
			return "", w, nil, nil, usagef("%q: the file's name holds %s; rename it: a transcript's table is named after its file", p, what)
		}
		rec, data, err := a.readPlayRecord(p, inFolder)
		if err != nil {
			return "", w, nil, nil, err
		}
		recs, texts = append(recs, rec), append(texts, data)
	}
	file, w, err := transcriptScenario(file, w, recs, paths)
	return file, w, recs, texts, err
}

// stoppedSession reports whether tr, a session a table was read from (nil for a deal
// given), was stopped before the talks ended.
func stoppedSession(tr *sim.PlayTranscript) bool { return tr != nil && tr.Ended == sim.EndStopped }

// noDealText says how a session without a deal ended and what its table scores. A seat
// without a veto that left did not end the talks: the others talked on to the deadline, and
// a class asks that table about the leaving, not the deadline alone. tr is nil for a deal
// given, of which nothing more is known; sc is the scenario it was played on.
func noDealText(sc *sim.Scenario, tr *sim.PlayTranscript) string {
	const keeps = "every actor keeps its walk-away value, a joint gain of 0."
	if tr == nil {
		return "No agreement: " + keeps
	}
	seat := actorName(sc, tr.Seat)
	switch {
	case tr.Ended == sim.EndStopped:
		return stoppedText(tr) + " So " + keeps
	case tr.Ended == sim.EndQuit:
		return fmt.Sprintf("No agreement: the player at %s's seat left the table in round %d, and its veto ended the talks; %s", seat, tr.Outcome.Round, keeps)
	case tr.LeftInRound != nil:
		return fmt.Sprintf("No agreement: the player at %s's seat left the table in round %d, and the others talked on without it to the deadline (round %d); %s", seat, *tr.LeftInRound, tr.Outcome.Round, keeps)
	}
	return fmt.Sprintf("No agreement by the deadline (round %d): %s", tr.Outcome.Round, keeps)
}

// stoppedText says that Ctrl-C or --timeout ended a session before the talks did: its
// table counts as no agreement, which no one at it chose. A transcript that does not say
// which was written when only Ctrl-C stopped a session.
func stoppedText(tr *sim.PlayTranscript) string {
	by := "Ctrl-C"
	if tr.StoppedBy == sim.StopTimeout {
		by = "--timeout"
	}
	return fmt.Sprintf("The session was stopped (%s) in round %d, before the talks ended: no one left the table, but it counts as no agreement.", by, tr.Outcome.Round)
}

// startingValues says why a deal a session agreed can score apart from what the session
// showed, or count as no agreement: the talks weigh it at its round's walk-away values and
// weights, score and debrief at the starting ones.
func startingValues(round int) string {
	return fmt.Sprintf("The session ended in agreement on it in round %d: every table is scored at the scenario's starting values, before the rounds' drift and events.", round)
}

func tableName(path string) string {
	return strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
}
