package main

import (
	"bytes"
	"cmp"
	"html/template"
	"io"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/mattn/go-runewidth"

	"github.com/negsim/negsim/sim"
)

// HTML output is one self-contained page: styles inline, charts as inline SVG, no scripts,
// fonts or images fetched from anywhere, so a report reads the same offline, projected in
// a classroom, or handed in as a single file. The page is rendered through html/template,
// which escapes every text it is given; only the charts, drawn by negsim itself, go in as
// markup.
//
// It prints whole on A4 and Letter: a table is laid out as it is when its columns fit the
// printed width with ids broken only after their hyphens, else transposed, else one small
// table a row, side by side (a deal's issues, then its utilities), as the terminal fits its
// tables; no section starts with its heading alone at the foot of a page, a table of a few
// rows is not split across two, and a chart is not parted from its heading and the words
// that read it: a section holding a chart is kept whole where a page has room for it (the
// fish-stock debrief's "Chart" and its paragraph ended page 1, the chart began page 2, and
// Chromium keeps no paragraph with the figure after it for break-after: avoid), and the
// lines that lead into a table of a few rows stay with it: every one, not only the last
// (the deal sheet's "Ratification at home" and its line ended page 1 on Letter, the
// ratifiers' table began page 2; the Harborco report's "Rounds" and the first of its two
// lines ended a page, the second line and the table began the next). A heading
// never breaks inside a word ("reservat-ion" reads as two words): it wraps at its spaces,
// at the hyphens and underscores of ids and between the characters of Chinese and
// Japanese, which have no spaces, and a table whose headings cannot fit so goes to the
// next layout. On screen any table still too wide scrolls inside its own box, so the
// page never scrolls sideways.

const pageStyle = `body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1b1b1b;background:#fff;line-height:1.45}
main{max-width:72rem;margin:0 auto;padding:1.5rem 2rem 3rem}
h1{font-size:1.7rem;margin:0 0 1rem;border-bottom:3px solid #2a5d8f;padding-bottom:.4rem}
h2{font-size:1.25rem;margin:2rem 0 .6rem;color:#2a5d8f}
h2.part{font-size:1.45rem;margin-top:2.6rem;border-bottom:1px solid #2a5d8f;padding-bottom:.2rem}
h3{font-size:1.1rem;margin:1.5rem 0 .5rem;color:#2a5d8f}
p{margin:.35rem 0}
p.stance{font-style:italic;color:#444}
ul{margin:.35rem 0 .35rem 1.2rem;padding:0}
.wide{overflow-x:auto;max-width:100%}
table{border-collapse:collapse;margin:.6rem 0 1rem;font-size:.9rem}
th,td{border:1px solid #c8d0d8;padding:.25rem .55rem;text-align:left;vertical-align:top}
th{background:#eef3f8}
th.break-words{overflow-wrap:anywhere}
td.num{text-align:right;font-variant-numeric:tabular-nums}
tr:nth-child(even) td{background:#f8fafc}
td.write{height:2.4rem;min-width:14rem;background:#fff}
figure{margin:1rem 0}
figure svg{max-width:100%;height:auto;border:1px solid #e2e6ea;box-sizing:border-box}
figcaption{font-size:.85rem;color:#555}
.confidential{border-left:4px solid #b03a2e;padding-left:1rem}
tbody th{font-weight:normal;background:#f4f7fa}
.records{display:grid;grid-template-columns:repeat(auto-fill,minmax(18rem,1fr));gap:0 1rem;align-items:start}
table.record{width:100%;margin:.3rem 0 .7rem}
table.record thead th{background:#dde7f1;font-weight:bold}
table.record td.num{white-space:nowrap}
@page{margin:12mm}
@media print{
main{max-width:none;padding:0}
h1{font-size:1.35rem}
h2{font-size:1.05rem;break-after:avoid;margin-top:1.2rem}
h2.part{font-size:1.2rem;margin-top:1.6rem}
h3{font-size:1rem;break-after:avoid;margin-top:1rem}
p,li{orphans:3;widows:3}
.wide{overflow:visible}
table{width:100%;font-size:8pt;line-height:1.25}
th,td{padding:1px 2px;overflow-wrap:break-word}
th{overflow-wrap:normal;hyphens:manual}
td.num{overflow-wrap:normal;white-space:pre-line}
td.write{height:10mm;width:45%}
thead{display:table-header-group}
tr,figure{break-inside:avoid}
section:has(>figure){break-inside:avoid}
table.whole{break-inside:avoid}
p:has(~.wide>table.whole){break-after:avoid;break-inside:avoid}
figure svg{max-height:22cm;width:auto;max-width:100%}
.records{grid-template-columns:repeat(3,minmax(0,1fr));gap:0 4mm}
table.record{margin:0 0 3mm;break-inside:avoid}
table.record td{overflow-wrap:anywhere}
table.record td.num{white-space:normal}
}`

// htmlPage is what the page template reads: the report with its text grouped into
// paragraphs and lists.
type htmlPage struct {
	Title    string
	Heading  string
	Stance   string
	Style    template.CSS
	Sections []htmlSection
}

type htmlSection struct {
	Part  string
	Title string
	// InPart marks a section of a part, whose title is a heading under the part's.
	InPart       bool
	Confidential bool
	Blocks       []htmlBlock
	Grids        []*htmlGrid
	Figures      []htmlFigure
}

// htmlBlock is a paragraph, or a list when Items is set.
type htmlBlock struct {
	Text  string
	Items []string
}

// htmlGrid is a table laid out to fit the printed page: as the grid is, transposed (its
// rows as columns, each row of the result headed by the column it was), or, as Records,
// one small table per row.
type htmlGrid struct {
	Header []string
	Rows   [][]htmlCell
	// RowHeads marks a transposed table: the first cell of each row names it.
	RowHeads bool
	Records  []htmlRecord
}

// wholeRows is the most rows a table may have and still be kept on one printed page: at
// 8 pt a row of one line is about 13 px, so twelve fill under half of A4's 1030 px, the
// most of a page left blank when such a table moves to the next. Four options split two and
// two across a page break read as an issue with two options.
const wholeRows = 12

// Class is the table's class attribute, "" for none. A table short enough is "whole": it
// moves to the next page rather than break. So is a transposed one, whatever its rows:
// each of its columns is one record (a round, a deal) and each row a piece of every
// record, so a break between rows parts them all; sanctions-bite's report printed rounds 4
// to 7 with their proposals on one page and who accepted them, and the ZOPA, on the next.
func (g *htmlGrid) Class() string {
	var classes []string
	if g.RowHeads {
		classes = append(classes, "transposed")
	}
	if len(g.Rows) <= wholeRows || g.RowHeads {
		classes = append(classes, "whole")
	}
	return strings.Join(classes, " ")
}

// htmlRecord is one row of a grid too wide for the page, each cell beside its column's name.
type htmlRecord struct {
	Title string
	// TitleBreaksWords and a field's NameBreaksWords mark a heading with a word too long for
	// its place in a record (an id of forty letters): the page lets it break inside the
	// word, the last resort, rather than squeeze the values beside it to a letter a line.
	TitleBreaksWords bool
	Fields           []htmlField
}

type htmlField struct {
	Name            string
	NameBreaksWords bool
	htmlCell
}

type htmlCell struct {
	Text    string
	Numeric bool
	// Write marks a space to write in by hand, the deal sheet's signatures: the terminal
	// draws it as a line of underscores (blank), the page as a cell tall enough to sign in,
	// where at the tables' 8 pt a signature had a row about 4 mm high.
	Write bool
}

type htmlFigure struct {
	Title string
	SVG   template.HTML
}

var pageTemplate = template.Must(template.New("page").Funcs(isolating(nil)).Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}</title>
<style>
{{.Style}}
</style>
</head>
<body>
<main>
{{with .Heading}}<h1>{{bidi .}}</h1>
{{end}}{{with .Stance}}<p class="stance">{{bidi .}}</p>
{{end}}{{range .Sections}}{{with .Part}}<h2 class="part">{{bidi .}}</h2>
{{end}}<section{{if .Confidential}} class="confidential"{{end}}>
{{if .Title}}{{if .InPart}}<h3>{{bidi .Title}}</h3>{{else}}<h2>{{bidi .Title}}</h2>{{end}}
{{end}}{{range .Blocks}}{{if .Items}}<ul>
{{range .Items}}<li>{{bidi .}}</li>
{{end}}</ul>
{{else}}<p>{{bidi .Text}}</p>
{{end}}{{end}}{{range .Grids}}{{if .Records}}<div class="wide records">
{{range .Records}}<table class="record">
<thead><tr><th colspan="2"{{if .TitleBreaksWords}} class="break-words"{{end}}>{{heading .Title}}</th></tr></thead>
<tbody>
{{range .Fields}}<tr><th scope="row"{{if .NameBreaksWords}} class="break-words"{{end}}>{{heading .Name}}</th><td{{if .Numeric}} class="num"{{else if .Write}} class="write"{{end}}>{{bidi .Text}}</td></tr>
{{end}}</tbody>
</table>
{{end}}</div>
{{else}}{{$rowHeads := .RowHeads}}<div class="wide">
<table{{with .Class}} class="{{.}}"{{end}}>
<thead><tr>{{range .Header}}<th>{{heading .}}</th>{{end}}</tr></thead>
<tbody>
{{range .Rows}}<tr>{{range $i, $c := .}}{{if and $rowHeads (eq $i 0)}}<th scope="row">{{heading $c.Text}}</th>{{else}}<td{{if $c.Numeric}} class="num"{{else if $c.Write}} class="write"{{end}}>{{bidi $c.Text}}</td>{{end}}{{end}}</tr>
{{end}}</tbody>
</table>
</div>
{{end}}{{end}}{{range .Figures}}<figure>
{{.SVG}}
<figcaption>{{bidi .Title}}</figcaption>
</figure>
{{end}}</section>
{{end}}</main>
</body>
</html>
`))

// writeHTML renders the report as a complete HTML document.
func (r *report) writeHTML(w io.Writer) error {
	page := htmlPage{Title: r.title, Heading: r.title, Style: template.CSS(pageStyle)}
	if page.Title == "" {
		page.Title = "negsim"
	}
	if r.stance != "" {
		page.Stance = stanceLine(r.stance)
	}
	inPart := false
	for _, s := range r.sections {
		inPart = inPart || s.part != ""
		hs := htmlSection{Part: s.part, Title: s.title, InPart: inPart, Confidential: s.confidential, Blocks: htmlBlocks(s.text)}
		if s.grid != nil {
			hs.Grids = htmlGridFor(s.grid)
		}
		for _, f := range s.figures {
			hs.Figures = append(hs.Figures, htmlFigure{Title: f.title, SVG: inlineSVG(f.svg, f.title)})
		}
		page.Sections = append(page.Sections, hs)
	}
	var b bytes.Buffer
	t, err := pageTemplate.Clone()
	if err != nil {
		return err
	}
	if err := t.Funcs(isolating(r.isolate)).Execute(&b, page); err != nil {
		return err
	}
	_, err = w.Write(b.Bytes())
	return err
}

// htmlBlocks groups the plain-text lines reports are written in: runs of "- " lines become
// a list, other lines paragraphs; blank lines only separate.
func htmlBlocks(lines []string) []htmlBlock {
	var out []htmlBlock
	for _, line := range lines {
		item, isItem := strings.CutPrefix(strings.TrimLeft(line, " "), "- ")
		switch {
		case isItem && len(out) > 0 && out[len(out)-1].Items != nil:
			last := &out[len(out)-1]
			last.Items = append(last.Items, item)
		case isItem:
			out = append(out, htmlBlock{Items: []string{item}})
		case strings.TrimSpace(line) != "":
			out = append(out, htmlBlock{Text: strings.TrimSpace(line)})
		}
	}
	return out
}

// inlineSVG drops the XML prolog an SVG file starts with, which has no place inside HTML,
// and labels the drawing for screen readers. The SVG is negsim's own chart, so it goes into
// the page as markup; its label is escaped.
func inlineSVG(svg []byte, title string) template.HTML {
	i := bytes.Index(svg, []byte("<svg"))
	if i < 0 {
		return ""
	}
	body := string(svg[i:])
	return template.HTML(strings.Replace(body, "<svg", `<svg role="img" aria-label="`+template.HTMLEscapeString(title)+`"`, 1))
}

// printBox is the width, in CSS pixels, a table must fit on paper: A4's 210 mm less the two
// 12 mm margins of @page, 186 mm at 96 px to the inch. Letter is wider.
const printBox = 703

// recordBox is the printed width of a record, three to a row 4 mm apart; a field's name may
// keep words up to half of it whole.
const recordBox = (printBox - 2*4*96/25.4) / 3

// printFont is the size of table text in the print styles, 8 pt, in CSS pixels; printCell
// is what a cell adds to its text: 2 px of padding a side and a 1 px border.
const (
	printFont = 8 * 96.0 / 72
	printCell = 5
)

// htmlGridFor lays the grid out for a page that must also print whole: as it is when its
// columns fit the printed width, else transposed when that fits (a few deals over many
// issues read best as one column a deal), else transposed in parts of as many rows as fit,
// at least four, else one record a row, three records beside each other. The screen shows
// the same layout, so what a teacher sees is what the class gets on paper.
func htmlGridFor(g *grid) []*htmlGrid {
	numericColumn := func(c int) bool { return c < len(g.right) && g.right[c] }
	full := &htmlGrid{Header: g.header, Rows: htmlCells(g, func(_, c int) bool { return numericColumn(c) })}
	if narrowest(full) <= printBox {
		return []*htmlGrid{full}
	}
	// Ten deals of twelve issues and eight actors printed as records took a third of an A4
	// page each; as two tables of five deals a column they take one page.
	for parts := 1; ; parts++ {
		per := (len(g.rows) + parts - 1) / parts // the parts as even as they can be
		if parts > 1 && per < minTransposedRows {
			break
		}
		var tables []*htmlGrid
		for start := 0; start < len(g.rows); start += per {
			part := &grid{header: g.header, right: g.right, rows: g.rows[start:min(start+per, len(g.rows))]}
			// A row of the transposed grid is a column of g, numeric when that column is.
			t := part.transposed()
			tables = append(tables, &htmlGrid{Header: t.header, RowHeads: true, Rows: htmlCells(t, func(r, c int) bool { return c > 0 && numericColumn(r+1) })})
			if narrowest(tables[len(tables)-1]) > printBox {
				tables = nil
				break
			}
		}
		if tables != nil {
			return tables
		}
	}
	records := &htmlGrid{}
	for r, row := range full.Rows {
		rec := htmlRecord{Title: strings.TrimSpace(g.header[0] + " " + cell(g.rows[r], 0))}
		rec.TitleBreaksWords = longestHeadingWord(rec.Title, true) > recordBox-printCell
		for c := 1; c < len(row) && c < len(g.header); c++ {
			if strings.TrimSpace(row[c].Text) != "" {
				name := g.header[c]
				rec.Fields = append(rec.Fields, htmlField{Name: name, NameBreaksWords: longestHeadingWord(name, false) > recordBox/2-printCell, htmlCell: row[c]})
			}
		}
		records.Records = append(records.Records, rec)
	}
	return []*htmlGrid{records}
}

// minTransposedRows is the fewest rows a part of a transposed grid holds when it takes
// several: with three or fewer, three records a row, which drop empty fields, use the page
// as well.
const minTransposedRows = 4

// htmlCells turns the grid's rows into cells, marking the numeric ones.
func htmlCells(g *grid, numeric func(r, c int) bool) [][]htmlCell {
	rows := make([][]htmlCell, len(g.rows))
	for r, row := range g.rows {
		for c, text := range row {
			n := numeric(r, c)
			if n {
				// "0.612 (+0.162)": the surplus goes under the utility (the styles keep the
				// line break), leaving room for the ids.
				text = strings.Replace(text, " (", "\n(", 1)
			}
			if text == blank {
				rows[r] = append(rows[r], htmlCell{Write: true})
				continue
			}
			rows[r] = append(rows[r], htmlCell{Text: text, Numeric: n})
		}
	}
	return rows
}

// narrowest estimates the width in CSS pixels of the narrowest layout a browser can give the
// table at the print styles: each column as wide as its longest unbreakable run of body text
// (lines break at spaces, at line breaks and after hyphens) and as its heading's longest
// word, in bold, since headings break only between words and at the joints of ids. The
// names heading the rows of a transposed table are headings too, in the body's weight.
func narrowest(t *htmlGrid) float64 {
	widths := make([]float64, len(t.Header))
	for i, h := range t.Header {
		widths[i] = longestHeadingWord(h, true)
	}
	for _, row := range t.Rows {
		for i, c := range row {
			if i >= len(widths) {
				widths = append(widths, 0)
			}
			if i == 0 && t.RowHeads {
				widths[i] = max(widths[i], longestHeadingWord(c.Text, false))
			} else {
				widths[i] = max(widths[i], longestRun(c.Text))
			}
		}
	}
	total := 0.0
	for _, w := range widths {
		total += w + printCell
	}
	return total
}

// longestRun is the width, in CSS pixels at the print font, of the longest piece of text a
// browser keeps on one line: it breaks lines at white space and after a hyphen.
func longestRun(text string) float64 {
	most := 0.0
	for _, word := range strings.Fields(text) {
		for _, piece := range strings.SplitAfter(word, "-") {
			// Chinese and Japanese break between characters: a 40-character label
			// counted as one word took 853 px, and its table was printed as records.
			for _, run := range lineBreakPieces(piece) {
				most = max(most, printedWidth(run, false))
			}
		}
	}
	return most
}

// longestHeadingWord is the width, in CSS pixels at the print font, of the longest piece of
// a heading the page keeps on one line: a word, or the part of an id up to its next joint.
func longestHeadingWord(heading string, bold bool) float64 {
	most := 0.0
	for _, piece := range headingPieces(heading) {
		for _, word := range strings.Fields(piece) {
			for _, run := range lineBreakPieces(word) {
				most = max(most, printedWidth(run, bold))
			}
		}
	}
	return most
}

// headingPieces cuts a heading where a line may end inside a word: after a hyphen or an
// underscore joining two letters or digits, the joints of an id ("russian-hardliners",
// "elected_1"). Browsers never break after an underscore, nor after a hyphen before a digit
// ("elected-1"), so the page marks each joint with a <wbr>; a minus sign ("-0.5") is no
// joint.
func headingPieces(heading string) []string {
	runes := []rune(heading)
	var pieces []string
	start := 0
	for i := 1; i+1 < len(runes); i++ {
		if (runes[i] == '-' || runes[i] == '_') && isLetterOrDigit(runes[i-1]) && isLetterOrDigit(runes[i+1]) {
			pieces = append(pieces, string(runes[start:i+1]))
			start = i + 1
		}
	}
	return append(pieces, string(runes[start:]))
}

func isLetterOrDigit(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// headingHTML is a heading as the page writes it: escaped, with a <wbr> at each joint of
// an id, so that the print styles, which keep words whole, can still wrap a long id.
func headingHTML(heading string) template.HTML {
	pieces := headingPieces(heading)
	for i, p := range pieces {
		pieces[i] = template.HTMLEscapeString(p)
	}
	return template.HTML(strings.Join(pieces, "<wbr>"))
}

// printedWidth is the width of text in CSS pixels at the print font.
func printedWidth(text string, bold bool) float64 {
	w := 0.0
	for _, r := range text {
		w += glyphWidth(r, bold)
	}
	return w * printFont
}

// glyphWidth is a character's advance in em in DejaVu Sans, the broad face Debian's
// Chromium falls back to for system-ui, or in its bold, which table headings are set in.
// Faces a teacher is likelier to print with (Segoe UI, Roboto, Helvetica) are narrower, so
// the estimate errs toward room to spare.
func glyphWidth(r rune, bold bool) float64 {
	advances := &dejaVuAdvances
	if bold {
		advances = &dejaVuBoldAdvances
	}
	if r >= ' ' && int(r-' ') < len(advances) {
		return float64(advances[r-' ']) / 100
	}
	// A character a terminal gives two cells (Chinese, Japanese, Korean) is one em wide in
	// the fonts that draw it; any other is counted as wide as the widest Latin letter.
	return min(1, float64(runewidth.RuneWidth(r)))
}

// dejaVuAdvances holds DejaVu Sans's advances for ' ' to '~' in hundredths of an em, rounded
// up, as Chromium measures them.
var dejaVuAdvances = [...]uint8{
	32, 41, 46, 84, 64, 95, 78, 28, 39, 39, 50, 84, 32, 37, 32, 34, // space to /
	64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 34, 34, 84, 84, 84, 54, // 0 to ?
	100, 69, 69, 70, 77, 64, 58, 78, 76, 30, 30, 66, 56, 87, 75, 79, // @ to O
	61, 79, 70, 64, 62, 74, 69, 99, 69, 62, 69, 39, 34, 39, 84, 50, // P to _
	50, 62, 64, 55, 64, 62, 36, 64, 64, 28, 28, 58, 28, 98, 64, 62, // ` to o
	64, 64, 42, 53, 40, 64, 60, 82, 60, 60, 53, 64, 34, 64, 84, // p to ~
}

// dejaVuBoldAdvances holds DejaVu Sans Bold's advances for ' ' to '~' in hundredths of an
// em, rounded up, as Chromium measures them (canvas measureText at 100 px, bold system-ui).
var dejaVuBoldAdvances = [len(dejaVuAdvances)]uint8{
	35, 46, 53, 84, 70, 101, 88, 31, 46, 46, 53, 84, 38, 42, 38, 37, // space to /
	70, 70, 70, 70, 70, 70, 70, 70, 70, 70, 40, 40, 84, 84, 84, 59, // 0 to ?
	100, 78, 77, 74, 84, 69, 69, 83, 84, 38, 38, 78, 64, 100, 84, 86, // @ to O
	74, 86, 78, 73, 69, 82, 78, 111, 78, 73, 73, 46, 37, 46, 84, 50, // P to _
	50, 68, 72, 60, 72, 68, 44, 72, 72, 35, 35, 67, 35, 105, 72, 69, // ` to o
	72, 72, 50, 60, 48, 72, 66, 93, 65, 66, 59, 72, 37, 72, 84, // p to ~
}

// isolating binds the template's text functions to names: "bidi" writes a text with each
// of them set apart, "heading" a table's heading so, or, naming none, as headingHTML does.
func isolating(names []string) template.FuncMap {
	return template.FuncMap{
		"bidi": func(text string) any { return bidiHTML(text, names) },
		"heading": func(heading string) template.HTML {
			if html, ok := bidiHTML(heading, names).(template.HTML); ok {
				return html
			}
			return headingHTML(heading)
		},
	}
}

// bidiHTML sets each of names that text holds apart as a <bdi>, so that the browser orders
// it within the English sentence around it, not with its neighbours: in "the signature of
// ישראל, מצרים and Jordan" the two Hebrew names and the comma between them were one
// right-to-left run, drawn with the names swapped and the comma on the wrong side. Only
// names are set apart: a sentence written in Hebrew, whose commas are its own, is left to
// the browser to order. Text holding none of names is returned as it is, for the template
// to escape.
func bidiHTML(text string, names []string) any {
	spans := nameSpans(text, names)
	if len(spans) == 0 {
		return text
	}
	var b strings.Builder
	at := 0
	for _, span := range spans {
		b.WriteString(template.HTMLEscapeString(text[at:span[0]]))
		b.WriteString("<bdi>" + template.HTMLEscapeString(text[span[0]:span[1]]) + "</bdi>")
		at = span[1]
	}
	b.WriteString(template.HTMLEscapeString(text[at:]))
	return template.HTML(b.String())
}

// nameSpans are the byte ranges, in order, where text holds one of names as a whole word
// (no letter or mark right before or after it), a longer name before the shorter ones it
// holds.
func nameSpans(text string, names []string) [][2]int {
	var spans [][2]int
	taken := func(s, e int) bool {
		for _, sp := range spans {
			if s < sp[1] && sp[0] < e {
				return true
			}
		}
		return false
	}
	wordy := func(r rune) bool { return unicode.IsLetter(r) || unicode.In(r, unicode.Mn, unicode.Mc) }
	for _, name := range names {
		for from := 0; ; {
			i := strings.Index(text[from:], name)
			if i < 0 {
				break
			}
			s, e := from+i, from+i+len(name)
			before, _ := utf8.DecodeLastRuneInString(text[:s])
			after, _ := utf8.DecodeRuneInString(text[e:])
			if !wordy(before) && !wordy(after) && !taken(s, e) {
				spans = append(spans, [2]int{s, e})
			}
			from = e
		}
	}
	slices.SortFunc(spans, func(a, b [2]int) int { return a[0] - b[0] })
	return spans
}

// rightToLeftNames are the scenarios' names that hold a letter of a right-to-left script,
// and those of others (a debrief's tables), longest first: what the HTML writer sets apart.
func rightToLeftNames(others []string, scs ...*sim.Scenario) []string {
	names := slices.Clone(others)
	for _, sc := range scs {
		names = append(names, sc.Name)
		for _, s := range sc.Sources {
			names = append(names, s.Title)
		}
		for _, is := range sc.Issues {
			names = append(names, is.Name)
			for _, o := range is.Options {
				names = append(names, o.Label)
			}
		}
		for _, a := range sc.Actors {
			names = append(names, a.Name)
		}
	}
	names = slices.DeleteFunc(names, func(n string) bool { return !strings.ContainsFunc(n, isRightToLeftLetter) })
	slices.SortFunc(names, func(a, b string) int { return cmp.Or(len(b)-len(a), strings.Compare(a, b)) })
	return slices.Compact(names)
}

// isRightToLeftLetter reports whether r is a letter of a script written right to left.
func isRightToLeftLetter(r rune) bool {
	return unicode.IsLetter(r) && unicode.In(r, rightToLeft...)
}
