package main

import (
	"bytes"
	"fmt"
	"html"
	"io"
	"strings"
)

// HTML output is one self-contained page: styles inline, charts as inline SVG, no scripts,
// fonts or images fetched from anywhere, so a report reads the same offline, projected in
// a classroom, or handed in as a single file.

const pageStyle = `body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1b1b1b;background:#fff;line-height:1.45}
main{max-width:72rem;margin:0 auto;padding:1.5rem 2rem 3rem}
h1{font-size:1.7rem;margin:0 0 1rem;border-bottom:3px solid #2a5d8f;padding-bottom:.4rem}
h2{font-size:1.25rem;margin:2rem 0 .6rem;color:#2a5d8f}
p{margin:.35rem 0}
ul{margin:.35rem 0 .35rem 1.2rem;padding:0}
.wide{overflow-x:auto;max-width:100%}
table{border-collapse:collapse;margin:.6rem 0 1rem;font-size:.9rem}
th,td{border:1px solid #c8d0d8;padding:.25rem .55rem;text-align:left;vertical-align:top}
th{background:#eef3f8}
td.num{text-align:right;font-variant-numeric:tabular-nums}
tr:nth-child(even) td{background:#f8fafc}
figure{margin:1rem 0}
figure svg{max-width:100%;height:auto;border:1px solid #e2e6ea}
figcaption{font-size:.85rem;color:#555}
.confidential{border-left:4px solid #b03a2e;padding-left:1rem}
@media print{main{max-width:none;padding:0}h2{break-after:avoid}figure,table{break-inside:avoid}}`

// writeHTML renders the report as a complete HTML document.
func (r *report) writeHTML(w io.Writer) error {
	var b strings.Builder
	title := r.title
	if title == "" {
		title = "negsim"
	}
	b.WriteString("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
	b.WriteString("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
	fmt.Fprintf(&b, "<title>%s</title>\n<style>\n%s\n</style>\n</head>\n<body>\n<main>\n", html.EscapeString(title), pageStyle)
	if r.title != "" {
		fmt.Fprintf(&b, "<h1>%s</h1>\n", html.EscapeString(r.title))
	}
	if r.stance != "" {
		fmt.Fprintf(&b, "<p class=\"stance\">%s</p>\n", html.EscapeString(stanceLine(r.stance)))
	}
	for _, s := range r.sections {
		class := ""
		if s.confidential {
			class = ` class="confidential"`
		}
		fmt.Fprintf(&b, "<section%s>\n", class)
		if s.title != "" {
			fmt.Fprintf(&b, "<h2>%s</h2>\n", html.EscapeString(s.title))
		}
		writeHTMLText(&b, s.text)
		if s.grid != nil {
			s.grid.writeHTML(&b)
		}
		for _, f := range s.figures {
			fmt.Fprintf(&b, "<figure>\n%s\n<figcaption>%s</figcaption>\n</figure>\n", inlineSVG(f.svg, f.title), html.EscapeString(f.title))
		}
		b.WriteString("</section>\n")
	}
	b.WriteString("</main>\n</body>\n</html>\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// writeHTMLText turns the plain-text lines reports are written in into paragraphs: runs of
// "- " lines become a list, blank lines only separate.
func writeHTMLText(b *strings.Builder, lines []string) {
	inList := false
	for _, line := range lines {
		item, isItem := strings.CutPrefix(strings.TrimLeft(line, " "), "- ")
		if isItem != inList {
			if inList {
				b.WriteString("</ul>\n")
			} else {
				b.WriteString("<ul>\n")
			}
			inList = isItem
		}
		switch {
		case isItem:
			fmt.Fprintf(b, "<li>%s</li>\n", html.EscapeString(item))
		case strings.TrimSpace(line) != "":
			fmt.Fprintf(b, "<p>%s</p>\n", html.EscapeString(strings.TrimSpace(line)))
		}
	}
	if inList {
		b.WriteString("</ul>\n")
	}
}

func (g *grid) writeHTML(b *strings.Builder) {
	// Wide tables (a deal per row, an issue per column) scroll on their own, so the page
	// itself never does.
	b.WriteString("<div class=\"wide\">\n<table>\n<thead><tr>")
	for _, h := range g.header {
		fmt.Fprintf(b, "<th>%s</th>", html.EscapeString(h))
	}
	b.WriteString("</tr></thead>\n<tbody>\n")
	for _, row := range g.rows {
		b.WriteString("<tr>")
		for i, cell := range row {
			if i < len(g.right) && g.right[i] {
				fmt.Fprintf(b, "<td class=\"num\">%s</td>", html.EscapeString(cell))
			} else {
				fmt.Fprintf(b, "<td>%s</td>", html.EscapeString(cell))
			}
		}
		b.WriteString("</tr>\n")
	}
	b.WriteString("</tbody>\n</table>\n</div>\n")
}

// inlineSVG drops the XML prolog an SVG file starts with, which has no place inside HTML,
// and labels the drawing for screen readers.
func inlineSVG(svg []byte, title string) string {
	i := bytes.Index(svg, []byte("<svg"))
	if i < 0 {
		return ""
	}
	body := string(svg[i:])
	return strings.Replace(body, "<svg", fmt.Sprintf(`<svg role="img" aria-label="%s"`, html.EscapeString(title)), 1)
}
