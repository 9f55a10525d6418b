package main

import (
	"io"
	"strings"
	"testing"
)

// render is the one place a format is chosen: json and csv go to their writers, every
// other format to the report writer with the format named, and an answer with no table
// refuses CSV with an error rather than a crash.
func TestViewRenderChoosesByFormat(t *testing.T) {
	v := view{
		json:   func(w io.Writer) error { _, err := io.WriteString(w, "J"); return err },
		csv:    func(w io.Writer) error { _, err := io.WriteString(w, "C"); return err },
		report: func(w io.Writer, format string) error { _, err := io.WriteString(w, "R:"+format); return err },
	}
	for format, want := range map[string]string{
		"json": "J", "csv": "C", "table": "R:table", "markdown": "R:markdown", "html": "R:html",
	} {
		var b strings.Builder
		if err := v.render(&b, format); err != nil || b.String() != want {
			t.Errorf("render %s wrote %q (%v), want %q", format, b.String(), err, want)
		}
	}
	v.csv = nil
	var b strings.Builder
	if err := v.render(&b, "csv"); err == nil || b.Len() > 0 {
		t.Errorf("a view without CSV rendered as CSV: %q, %v", b.String(), err)
	}
}

// A document's format follows -o's extension, in any case; a PDF, which a teacher asks for
// to hand out, is refused with the way to one (the HTML page, printed), and an extension
// negsim does not write is refused with the ones it does.
func TestDocumentFormatFollowsTheExtension(t *testing.T) {
	for _, c := range []struct{ path, want, refused string }{
		{"", "table", ""},
		{"notes.HTM", "html", ""},
		{"notes.markdown", "markdown", ""},
		{"notes.txt", "table", ""},
		{"class/notes.pdf", "", "-o class/notes.pdf: negsim writes no PDF; write -o class/notes.html and print it from the browser"},
		{"notes.Pdf", "", "write -o notes.html and"},
		{"notes.docx", "", "-o notes.docx: end the file name in .html"},
	} {
		got, err := documentFormat(c.path, "table")
		if c.refused == "" && (err != nil || got != c.want) {
			t.Errorf("documentFormat(%q) = %q, %v; want %q", c.path, got, err, c.want)
		}
		if c.refused != "" && (err == nil || !strings.Contains(err.Error(), c.refused)) {
			t.Errorf("documentFormat(%q) = %q, %v; want an error saying %q", c.path, got, err, c.refused)
		}
	}
}
