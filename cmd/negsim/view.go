package main

import (
	"io"

	"github.com/negsim/negsim/config"
)

// A view is one command's answer, ready for every --format. Commands build a view and
// leave the choice of format to render, so that a new format, or a fix to one, is made in
// one place rather than in every command.
type view struct {
	// json writes the result as it is, the form programs read.
	json func(w io.Writer) error
	// csv writes the view's one main table.
	csv func(w io.Writer) error
	// report builds what a reader sees, for the terminal, Markdown and HTML alike; format
	// is passed for reports whose content depends on it (charts only where they show).
	report func(format string) (*report, error)
}

// render writes v in format: the one place an output format is chosen.
func (v view) render(w io.Writer, format string) error {
	switch format {
	case "json":
		return v.json(w)
	case "csv":
		return v.csv(w)
	}
	r, err := v.report(format)
	if err != nil {
		return err
	}
	return r.write(w, format)
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
		report: func(string) (*report, error) { return r().about(doc), nil },
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

// plainReport is a report that needs no format to be built.
func plainReport(r func() *report) func(string) (*report, error) {
	return func(string) (*report, error) { return r(), nil }
}
