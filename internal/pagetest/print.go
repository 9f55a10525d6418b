package pagetest

import (
	"context"
	"fmt"
	"strconv"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// A4Width and A4Height are the box a report must fit on paper, in CSS pixels at 96 to the
// inch: A4's 210 × 297 mm less the 12 mm margins of the reports' @page, 186 × 273 mm. Letter
// is wider, so what fits A4's width fits it too.
const (
	A4Width  = 703
	A4Height = 1031
)

// PrintLayout is what a page laid out for print measures.
type PrintLayout struct {
	// Boxes are the boxes that must not be cut off at the page's edge: each one's content
	// width, its own width and the text of its first heading cell.
	Boxes []PrintBox `json:"boxes"`
	// Page and View are the document's width and the window's; Reach is how far right the
	// widest table reaches, whatever box holds it.
	Page  int     `json:"page"`
	View  int     `json:"view"`
	Reach float64 `json:"reach"`
	// Broken holds each table heading that breaks inside a word, "|" where it breaks.
	Broken []string `json:"broken"`
	// Figures are the drawn size of each chart.
	Figures []PrintFigure `json:"figures"`
	// Tables are every table's rows and whether the print styles keep it on one page.
	Tables []PrintTable `json:"tables"`
}

// PrintTable is a table's body rows, its first heading cell, and whether it is kept on one
// printed page (break-inside: avoid) rather than broken between rows.
type PrintTable struct {
	Rows  int    `json:"rows"`
	Whole bool   `json:"whole"`
	First string `json:"first"`
}

// WholeRows is the most rows a table of a report may have and still be kept on one printed
// page, as negsim report keeps it (cmd/negsim/html.go, wholeRows): twelve rows of 8 pt fill
// under half of A4, the most of a page left blank when such a table moves to the next.
const WholeRows = 12

// PrintBox is one box's content width (Scroll) against its own (Client).
type PrintBox struct {
	Scroll int    `json:"scroll"`
	Client int    `json:"client"`
	First  string `json:"first"`
}

// PrintFigure is a chart's drawn size in CSS pixels.
type PrintFigure struct {
	Width  float64 `json:"width"`
	Height float64 `json:"height"`
}

// MeasurePrint lays out the page open in tab with the print styles, at the window's width
// (a window A4Width wide stands for the printed page), and measures the boxes the selector
// picks, every table heading and every chart.
//
// A heading breaks inside a word when a line of it ends other than at a space or after a
// hyphen, underscore or dash: "reservat" over "ion" reads as two words.
func MeasurePrint(tab context.Context, boxes string) (PrintLayout, error) {
	if _, err := chromedp.Call(tab, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
		return PrintLayout{}, err
	}
	return chromedp.Run(tab, chromedp.Evaluate[PrintLayout](`({
		boxes: [...document.querySelectorAll(`+strconv.Quote(boxes)+`)].map(d => ({scroll: d.scrollWidth, client: d.clientWidth, first: (d.querySelector("th") || d).textContent.slice(0, 60)})),
		page: document.documentElement.scrollWidth,
		view: document.documentElement.clientWidth,
		reach: Math.max(0, ...[...document.querySelectorAll("table")].map(t => t.getBoundingClientRect().right)),
		broken: [...document.querySelectorAll("th")].flatMap(th => {
			// Where each character is drawn: a character lower than the one before starts a
			// line; the text before it must end in a space, hyphen, underscore or dash.
			const text = th.textContent, drawn = [];
			const walk = document.createTreeWalker(th, NodeFilter.SHOW_TEXT);
			for (let n, at = 0; (n = walk.nextNode()); at += n.data.length) {
				for (let i = 0; i < n.data.length; i++) {
					const r = document.createRange();
					r.setStart(n, i);
					r.setEnd(n, i + 1);
					const rects = r.getClientRects();
					if (rects.length) drawn.push({at: at + i, top: rects[0].top});
				}
			}
			for (let k = 1; k < drawn.length; k++) {
				const i = drawn[k].at;
				if (drawn[k].top > drawn[k-1].top + 1 && !/\s/.test(text[i]) && !/[\s\-_–]/.test(text[i-1])) {
					return [text.slice(0, i) + "|" + text.slice(i)];
				}
			}
			return [];
		}),
		figures: [...document.querySelectorAll("figure svg")].map(s => {
			const r = s.getBoundingClientRect();
			return {width: r.width, height: r.height};
		}),
		tables: [...document.querySelectorAll("table")].map(t => ({
			rows: [...t.tBodies].reduce((n, b) => n + b.rows.length, 0),
			whole: getComputedStyle(t).breakInside === "avoid",
			first: (t.querySelector("th") || t).textContent.slice(0, 60),
		})),
	})`))
}

// Problems says what would print badly: a box wider than its place (cut off at the
// page's edge), a page wider than the window, a heading broken inside a word, a chart
// wider or taller than the printed page.
func (l PrintLayout) Problems() []string {
	var out []string
	for _, b := range l.Boxes {
		if b.Scroll > b.Client+1 {
			out = append(out, fmt.Sprintf("the box headed %q is %d px wide in a %d px place: printed, it is cut off", b.First, b.Scroll, b.Client))
		}
	}
	if l.Reach > float64(l.View)+1 {
		out = append(out, fmt.Sprintf("a table reaches %.0f px, past the %d px page", l.Reach, l.View))
	}
	if l.Page > l.View+1 {
		out = append(out, fmt.Sprintf("the page is %d px wide in a %d px window", l.Page, l.View))
	}
	for _, h := range l.Broken {
		out = append(out, fmt.Sprintf("the heading %q breaks inside a word", h))
	}
	for i, f := range l.Figures {
		if f.Width > float64(l.View)+1 || f.Height > A4Height {
			out = append(out, fmt.Sprintf("chart %d is drawn %.0f × %.0f px; a printed page holds %d × %d", i+1, f.Width, f.Height, l.View, A4Height))
		}
	}
	return out
}

// Cut says which tables print badly across pages: a short table (WholeRows rows or fewer)
// that may be cut between rows, so that an issue's four options split two and two read as
// an issue with two, or a long one kept whole, which leaves most of a page blank before it.
func (l PrintLayout) Cut() []string {
	var out []string
	for _, t := range l.Tables {
		rows := fmt.Sprintf("%d rows", t.Rows)
		if t.Rows == 1 {
			rows = "1 row"
		}
		switch short := t.Rows <= WholeRows; {
		case short && !t.Whole:
			out = append(out, fmt.Sprintf("the table headed %q has %s, and printed it may be cut across two pages; a table of %d rows or fewer is kept on one", t.First, rows, WholeRows))
		case !short && t.Whole:
			out = append(out, fmt.Sprintf("the table headed %q has %s and is kept on one page, leaving most of the page before it blank; only a table of %d rows or fewer is", t.First, rows, WholeRows))
		}
	}
	return out
}
