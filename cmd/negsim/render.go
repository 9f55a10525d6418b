package main

import (
	"encoding/base64"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/renderer"
	"github.com/olekukonko/tablewriter/tw"
)

// A report is what a command shows a reader: a title and sections of prose and tables. The
// same report renders as terminal tables or Markdown; CSV takes its one main grid, and
// JSON bypasses it for the result struct itself.
type report struct {
	title string
	// stance is the scenario's one line on what kind of model it is, shown under the title.
	stance   string
	sections []section
	// isolate are the scenario's names that HTML sets apart from the sentences around them
	// (rightToLeftNames).
	isolate []string
}

type section struct {
	// part heads a part of a long document (the report's three) one level above the
	// sections' own titles: the sections from this one to the next part are that part's.
	part  string
	title string
	text  []string
	grid  *grid
	// figures are charts, drawn as SVG: inline in HTML, data URIs in Markdown.
	figures []figure
	// confidential marks a role's private instructions, set apart in HTML.
	confidential bool
}

// figure is a chart with the title a reader sees when it cannot be shown.
type figure struct {
	title string
	svg   []byte
}

type grid struct {
	header []string
	rows   [][]string
	// right marks numeric columns, which read better aligned right.
	right []bool
}

func (g *grid) add(cells ...string) { g.rows = append(g.rows, cells) }

func (r *report) add(s section) { r.sections = append(r.sections, s) }

func (r *report) write(w io.Writer, format string) error {
	if format == "html" {
		return r.writeHTML(w)
	}
	md := format == "markdown"
	// Markdown passes HTML through: text from a scenario or a deals file (<script>, an
	// <img onerror=...>) is escaped so that it reads as the text it is.
	esc := func(s string) string { return s }
	if md {
		esc = mdEscaper.Replace
	}
	if r.title != "" {
		if md {
			fmt.Fprintf(w, "# %s\n\n", esc(r.title))
		} else {
			fmt.Fprintf(w, "%s\n", underlined(r.title, "=", tableWidth(w)))
		}
	}
	if r.stance != "" {
		line := stanceLine(r.stance)
		if width := tableWidth(w); width > 0 && !md {
			line = wrapProse(line, width)
		}
		fmt.Fprintf(w, "%s\n\n", line)
	}
	inPart := false
	for _, s := range r.sections {
		if s.part != "" {
			inPart = true
			if md {
				fmt.Fprintf(w, "## %s\n\n", esc(s.part))
			} else {
				fmt.Fprintf(w, "%s\n", underlined(s.part, "=", tableWidth(w)))
			}
		}
		if s.title != "" {
			switch {
			case md && inPart:
				fmt.Fprintf(w, "### %s\n\n", esc(s.title))
			case md:
				fmt.Fprintf(w, "## %s\n\n", esc(s.title))
			default:
				fmt.Fprint(w, underlined(s.title, "-", tableWidth(w)))
			}
		}
		for i, p := range s.text {
			// Markdown joins consecutive lines into one paragraph: keep sentences that stand
			// on lines of their own apart, but not the items of a list.
			if md && i > 0 && p != "" && s.text[i-1] != "" && !(listItem(p) && listItem(s.text[i-1])) && !strings.HasPrefix(p, "  ") {
				fmt.Fprintln(w)
			}
			if width := tableWidth(w); width > 0 && !md {
				p = wrapProse(p, width)
			}
			fmt.Fprintln(w, esc(p))
		}
		if len(s.text) > 0 && s.grid != nil {
			fmt.Fprintln(w)
		}
		if s.grid != nil {
			g := s.grid
			if md {
				g = g.escaped(esc)
			}
			render := g.render
			if width := tableWidth(w); width > 0 && !md {
				render = func(w io.Writer, _ bool) error { return g.renderFitted(w, width) }
			}
			if err := render(w, md); err != nil {
				return err
			}
		}
		for _, f := range s.figures {
			if md {
				fmt.Fprintf(w, "\n![%s](data:image/svg+xml;base64,%s)\n", esc(f.title), base64.StdEncoding.EncodeToString(f.svg))
			} else {
				fmt.Fprintf(w, "\n[chart: %s; write HTML or Markdown to see it]\n", f.title)
			}
		}
		fmt.Fprintln(w)
	}
	return nil
}

// mdEscaper writes the characters HTML reads as markup as entities, which Markdown shows
// as the characters themselves; brackets are escaped too, as they would close a link text.
var mdEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", "[", "\\[", "]", "\\]")

// escaped is a copy of g with every cell passed through esc.
func (g *grid) escaped(esc func(string) string) *grid {
	out := &grid{header: make([]string, len(g.header)), rows: make([][]string, len(g.rows)), right: g.right}
	for i, h := range g.header {
		out.header[i] = esc(h)
	}
	for i, row := range g.rows {
		out.rows[i] = make([]string, len(row))
		for j, c := range row {
			out.rows[i][j] = esc(c)
		}
	}
	return out
}

func (g *grid) render(w io.Writer, markdown bool) error {
	aligns := make([]tw.Align, len(g.header))
	for i := range aligns {
		aligns[i] = tw.AlignLeft
		if i < len(g.right) && g.right[i] {
			aligns[i] = tw.AlignRight
		}
	}
	opts := []tablewriter.Option{
		tablewriter.WithHeaderAutoFormat(tw.Off),
		tablewriter.WithHeaderAlignment(tw.AlignLeft),
		tablewriter.WithRowAutoWrap(tw.WrapNone),
		tablewriter.WithRowAlignmentConfig(tw.CellAlignment{PerColumn: aligns}),
	}
	if markdown {
		opts = append(opts, tablewriter.WithRenderer(renderer.NewMarkdown()))
	}
	t := tablewriter.NewTable(w, opts...)
	t.Header(g.header)
	if err := t.Bulk(g.rows); err != nil {
		return err
	}
	return t.Render()
}

func (g *grid) writeCSV(w io.Writer) error {
	cw := newCSVWriter(w)
	if err := cw.Write(g.header); err != nil {
		return err
	}
	if err := cw.WriteAll(g.rows); err != nil {
		return err
	}
	return cw.Error()
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

func listItem(line string) bool { return strings.HasPrefix(line, "- ") }

// csvWriter writes CSV that a spreadsheet shows and never runs: a cell a user or a file
// chose (a table's name, a scenario's label) that starts with =, +, -, @, a tab or a
// carriage return would be read as a formula (=HYPERLINK(...), +cmd|...), so it is
// prefixed with a single quote, as OWASP's advice on CSV injection says. Numbers, negative
// ones included, are left as they are.
type csvWriter struct {
	*csv.Writer
}

func newCSVWriter(w io.Writer) csvWriter { return csvWriter{csv.NewWriter(w)} }

func (c csvWriter) Write(record []string) error {
	safe := make([]string, len(record))
	for i, cell := range record {
		safe[i] = inertCell(cell)
	}
	return c.Writer.Write(safe)
}

func (c csvWriter) WriteAll(records [][]string) error {
	for _, r := range records {
		if err := c.Write(r); err != nil {
			return err
		}
	}
	c.Flush()
	return c.Error()
}

func inertCell(cell string) string {
	if cell == "" || !strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
		return cell
	}
	if _, err := strconv.ParseFloat(cell, 64); err == nil {
		return cell
	}
	return "'" + cell
}
