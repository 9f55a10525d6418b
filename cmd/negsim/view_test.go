package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math/big"
	"strings"
	"testing"

	"github.com/negsim/negsim/internal/scenariotest"
	"github.com/negsim/negsim/scenarios"
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

// A heading's rule is as wide as the heading looks in a terminal: a Chinese character takes
// two columns, so "中文 talks" (2 characters of 2 columns, a space and 5 letters) is 10
// columns and its rule 10 marks. Counting characters drew 8, two short of the text.
func TestHeadingRulesSpanWideCharacters(t *testing.T) {
	r := &report{title: "中文 talks", sections: []section{{title: "עברית and 中文", text: []string{"x"}}}}
	var b bytes.Buffer
	if err := r.write(&b, "table"); err != nil {
		t.Fatal(err)
	}
	// "עברית and 中文": 5 Hebrew letters of 1 column, " and " 5, 2 Chinese of 2: 14.
	want := "中文 talks\n==========\n\nעברית and 中文\n--------------\n"
	if got := b.String(); len(got) < len(want) || got[:len(want)] != want {
		t.Errorf("got\n%s\nwant it to start\n%s", got, want)
	}
}

// overTwelveDecimals lists the numbers in a JSON text that have more than 12 decimals, by
// their key path. It reads each number as the exact decimal it is written as, so a number
// the engine rounded to 12 decimals passes and 0.06999999999999999 (7 / 100 of a weight, as
// floating point divides it) does not.
func overTwelveDecimals(t *testing.T, text string) []string {
	t.Helper()
	dec := json.NewDecoder(strings.NewReader(text))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	scale := new(big.Rat).SetInt(new(big.Int).Exp(big.NewInt(10), big.NewInt(12), nil))
	var bad []string
	var walk func(v any, path string)
	walk = func(v any, path string) {
		switch v := v.(type) {
		case map[string]any:
			for k, x := range v {
				walk(x, path+"."+k)
			}
		case []any:
			for _, x := range v {
				walk(x, path+"[]")
			}
		case json.Number:
			r, ok := new(big.Rat).SetString(string(v))
			if !ok {
				t.Fatalf("%s: %s is not a number", path, v)
			}
			if !r.Mul(r, scale).IsInt() {
				bad = append(bad, fmt.Sprintf("%s = %s", path, v))
			}
		}
	}
	walk(v, "")
	return bad
}

// Every number negsim reports is rounded to 12 decimals, as the README promises beside
// analyze's output, whichever command reports it: a script that compares a share with 0.07
// or a utility with 1 must not meet 0.06999999999999999 or 0.9999999999999999. Each shipped
// scenario's weights and values are written with few decimals, so the arithmetic's noise
// would show in these reports unless it is rounded away.
func TestJSONNumbersAreRoundedTo12Decimals(t *testing.T) {
	for _, name := range scenarios.Names() {
		commands := [][]string{
			{"explain", name},
			{"rounds", name},
			{"sensitivity", name, "--all"},
		}
		sc := scenariotest.Shipped(t, name, "").Scenario
		if len(sc.Uncertainty) > 0 {
			commands = append(commands, []string{"montecarlo", name, "--draws", "60"})
		}
		// Every reservation at 0 lets deals enter the zone, each listed with its surpluses.
		lowered := []string{"compare", name, name}
		for _, a := range sc.Actors {
			lowered = append(lowered, "--set", "actors."+a.ID+".reservation=0")
		}
		commands = append(commands, lowered)
		for _, args := range commands {
			out := runOK(t, append(args, "--format", "json")...)
			for _, b := range overTwelveDecimals(t, out) {
				t.Errorf("negsim %s: %s", strings.Join(args, " "), b)
			}
		}
	}
}
