package main

import (
	"bytes"
	"html/template"
	"io"
	"strings"
)

// HTML output is one self-contained page: styles inline, charts as inline SVG, no scripts,
// fonts or images fetched from anywhere, so a report reads the same offline, projected in
// a classroom, or handed in as a single file. The page is rendered through html/template,
// which escapes every text it is given; only the charts, drawn by negsim itself, go in as
// markup.
//
// It prints whole on A4 and Letter: on paper, tables too wide for the page break their
// cells (ids break after their hyphens) instead of being cut off at the margin, and no
// section starts with its heading alone at the foot of a page. On screen a wide table
// scrolls inside its own box, so the page itself never scrolls sideways.

const pageStyle = `body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1b1b1b;background:#fff;line-height:1.45}
main{max-width:72rem;margin:0 auto;padding:1.5rem 2rem 3rem}
h1{font-size:1.7rem;margin:0 0 1rem;border-bottom:3px solid #2a5d8f;padding-bottom:.4rem}
h2{font-size:1.25rem;margin:2rem 0 .6rem;color:#2a5d8f}
p{margin:.35rem 0}
p.stance{font-style:italic;color:#444}
ul{margin:.35rem 0 .35rem 1.2rem;padding:0}
.wide{overflow-x:auto;max-width:100%}
table{border-collapse:collapse;margin:.6rem 0 1rem;font-size:.9rem}
th,td{border:1px solid #c8d0d8;padding:.25rem .55rem;text-align:left;vertical-align:top}
th{background:#eef3f8}
td.num{text-align:right;font-variant-numeric:tabular-nums}
tr:nth-child(even) td{background:#f8fafc}
figure{margin:1rem 0}
figure svg{max-width:100%;height:auto;border:1px solid #e2e6ea;box-sizing:border-box}
figcaption{font-size:.85rem;color:#555}
.confidential{border-left:4px solid #b03a2e;padding-left:1rem}
@page{margin:12mm}
@media print{
main{max-width:none;padding:0}
h1{font-size:1.35rem}
h2{font-size:1.05rem;break-after:avoid;margin-top:1.2rem}
p,li{orphans:3;widows:3}
.wide{overflow:visible}
table{width:100%;font-size:7pt;line-height:1.25}
th,td{padding:1px 2px;overflow-wrap:break-word}
th{overflow-wrap:anywhere}
td.num{overflow-wrap:normal;white-space:pre-line}
thead{display:table-header-group}
tr,figure{break-inside:avoid}
figure svg{max-height:22cm;width:auto;max-width:100%}
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
	Title        string
	Confidential bool
	Blocks       []htmlBlock
	Grid         *htmlGrid
	Figures      []htmlFigure
}

// htmlBlock is a paragraph, or a list when Items is set.
type htmlBlock struct {
	Text  string
	Items []string
}

type htmlGrid struct {
	Header []string
	Rows   [][]htmlCell
}

type htmlCell struct {
	Text    string
	Numeric bool
}

type htmlFigure struct {
	Title string
	SVG   template.HTML
}

var pageTemplate = template.Must(template.New("page").Parse(`<!DOCTYPE html>
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
{{with .Heading}}<h1>{{.}}</h1>
{{end}}{{with .Stance}}<p class="stance">{{.}}</p>
{{end}}{{range .Sections}}<section{{if .Confidential}} class="confidential"{{end}}>
{{with .Title}}<h2>{{.}}</h2>
{{end}}{{range .Blocks}}{{if .Items}}<ul>
{{range .Items}}<li>{{.}}</li>
{{end}}</ul>
{{else}}<p>{{.Text}}</p>
{{end}}{{end}}{{with .Grid}}<div class="wide">
<table>
<thead><tr>{{range .Header}}<th>{{.}}</th>{{end}}</tr></thead>
<tbody>
{{range .Rows}}<tr>{{range .}}<td{{if .Numeric}} class="num"{{end}}>{{.Text}}</td>{{end}}</tr>
{{end}}</tbody>
</table>
</div>
{{end}}{{range .Figures}}<figure>
{{.SVG}}
<figcaption>{{.Title}}</figcaption>
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
	for _, s := range r.sections {
		hs := htmlSection{Title: s.title, Confidential: s.confidential, Blocks: htmlBlocks(s.text)}
		if g := s.grid; g != nil {
			hg := &htmlGrid{Header: g.header}
			for _, row := range g.rows {
				var cells []htmlCell
				for i, c := range row {
					numeric := i < len(g.right) && g.right[i]
					if numeric {
						// "0.612 (+0.162)": on paper the surplus goes under the utility
						// (print styles keep the line break), leaving room for the ids.
						c = strings.Replace(c, " (", "\n(", 1)
					}
					cells = append(cells, htmlCell{Text: c, Numeric: numeric})
				}
				hg.Rows = append(hg.Rows, cells)
			}
			hs.Grid = hg
		}
		for _, f := range s.figures {
			hs.Figures = append(hs.Figures, htmlFigure{Title: f.title, SVG: inlineSVG(f.svg, f.title)})
		}
		page.Sections = append(page.Sections, hs)
	}
	var b bytes.Buffer
	if err := pageTemplate.Execute(&b, page); err != nil {
		return err
	}
	_, err := w.Write(b.Bytes())
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
