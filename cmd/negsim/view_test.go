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
