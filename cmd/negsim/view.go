package main

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/negsim/negsim/config"
)

// The layout of this package: a command's file (analyze.go) holds its flags and the call
// that computes its answer; what the answer looks like, its reports, grids and JSON, lives
// beside it in NAME_view.go; the helpers they share are in files named for what they are
// (numbers.go, words.go, plane.go, chart.go, render.go, output.go).

// A view is one command's answer, ready for every --format. Commands build a view and
// leave the choice of format to render, so that a new format, or a fix to one, is made in
// one place rather than in every command.
type view struct {
	// json writes the result as it is, the form programs read.
	json func(w io.Writer) error
	// csv writes the view's one main table.
	csv func(w io.Writer) error
	// report writes what a reader sees, in the terminal, Markdown or HTML format; most
	// commands build a report (reportOf), whose content may depend on the format (charts
	// only where they show).
	report func(w io.Writer, format string) error
}

// render writes v in format: the one place an output format is chosen.
func (v view) render(w io.Writer, format string) error {
	switch format {
	case "json":
		return v.json(w)
	case "csv":
		if v.csv == nil {
			// Commands whose answer has no one table refuse CSV before any work.
			return fmt.Errorf("internal error: this answer has no CSV form")
		}
		return v.csv(w)
	}
	return v.report(w, format)
}

// show renders v in --format to standard output.
func (a *app) show(v view) error {
	return a.emit(func(w io.Writer) error { return v.render(w, a.settings.Format) })
}

// showTo renders v in format to the file out, or to standard output when out is "".
func (a *app) showTo(out, format string, v view) error {
	return a.emitTo(out, false, func(w io.Writer) error { return v.render(w, format) })
}

// resultView is the view of most commands: the result labelled in JSON with the what-if
// it ran under, its main grid as CSV, and its report titled with the what-if.
func resultView(doc *config.Document, result any, g func() *grid, r func() *report) view {
	return view{
		json:   jsonOf(doc, result),
		csv:    csvOf(g),
		report: reportOf(func(string) (*report, error) { return r().about(doc), nil }),
	}
}

// jsonOf writes result labelled with the what-if of doc, or bare when doc is nil.
func jsonOf(doc *config.Document, result any) func(io.Writer) error {
	if doc == nil {
		return func(w io.Writer) error { return writeJSON(w, result) }
	}
	return func(w io.Writer) error { return writeResultJSON(w, doc, result) }
}

// csvOf writes the grid g builds as CSV.
func csvOf(g func() *grid) func(io.Writer) error {
	return func(w io.Writer) error { return g().writeCSV(w) }
}

// reportOf writes the report build makes for a format.
func reportOf(build func(format string) (*report, error)) func(io.Writer, string) error {
	return func(w io.Writer, format string) error {
		r, err := build(format)
		if err != nil {
			return err
		}
		return r.write(w, format)
	}
}

// plainReport writes a report that is the same in every format.
func plainReport(r func() *report) func(io.Writer, string) error {
	return func(w io.Writer, format string) error { return r().write(w, format) }
}

// documentFormat is the format of a document written to path: its extension decides, else
// the --format setting.
func documentFormat(path, setting string) (string, error) {
	if path == "" {
		return setting, nil
	}
	switch strings.ToLower(filepath.Ext(path)) {
	case ".html", ".htm":
		return "html", nil
	case ".md", ".markdown":
		return "markdown", nil
	case ".json":
		return "json", nil
	case ".csv":
		return "csv", nil
	case ".txt":
		return "table", nil
	case ".pdf":
		page := strings.TrimSuffix(path, filepath.Ext(path)) + ".html"
		return "", usagef("-o %s: negsim writes no PDF; write -o %s and print it from the browser, where Save as PDF makes the file", path, page)
	}
	return "", usagef("-o %s: end the file name in .html, .md, .json, .csv or .txt so the format is clear", path)
}
