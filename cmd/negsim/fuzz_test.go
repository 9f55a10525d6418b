package main

import (
	"bytes"
	"encoding/csv"
	"errors"
	"strconv"
	"strings"
	"testing"

	"github.com/negsim/negsim/config"
	"github.com/negsim/negsim/internal/diagtest"
)

// FuzzParseDeals feeds arbitrary bytes to the deals-file reader, against the two-by-two
// fixture: it returns tables or an error naming the file (Diagnostics with lines, or a
// usage error for a file without tables), never panics, and every
// table it returns has a unique name and, when it reached a deal, a valid option per issue.
func FuzzParseDeals(f *testing.F) {
	sc := twoByTwoScenario(f)
	f.Add([]byte(classCSV))
	f.Add([]byte("\uFEFFtable,a,b\r\nred,a0,b1\r\n"))
	f.Add([]byte("table,a,b\n\"q\"\"uoted\",a1,b0\n,,\n"))
	f.Add([]byte("table,a,a\nx,a0,a1\n"))
	f.Add([]byte("table,a\n"))
	f.Add([]byte("table,a,b\nx,a0\ny,a0,b0,extra\n\"unclosed,a0,b0\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		tables, err := parseDeals("deals.csv", data, sc)
		if err != nil {
			if errors.Is(err, config.ErrUsage) && strings.Contains(err.Error(), "deals.csv") {
				return // a file that holds no table at all is named whole
			}
			diagtest.WantLocated(t, err, "deals.csv")
			return
		}
		seen := map[string]bool{}
		for _, td := range tables {
			if td.Table == "" || seen[td.Table] {
				t.Fatalf("table name %q empty or repeated", td.Table)
			}
			seen[td.Table] = true
			if td.Choice == nil {
				continue
			}
			if len(td.Choice) != len(sc.Issues) {
				t.Fatalf("table %q settles %d issues of %d", td.Table, len(td.Choice), len(sc.Issues))
			}
			for k, o := range td.Choice {
				if o < 0 || o >= len(sc.Issues[k].Options) {
					t.Fatalf("table %q: option %d of issue %s", td.Table, o, sc.Issues[k].ID)
				}
			}
		}
	})
}

// FuzzCSVCells writes arbitrary cells through the CSV writer: the output reads back as
// the same rows, each cell as written or behind one added quote, and no cell a spreadsheet
// reads starts a formula unless it is a plain number.
func FuzzCSVCells(f *testing.F) {
	for _, s := range []string{"north", "=1+1", "+cmd|' /C calc'!A0", "@SUM(1+1)", "-0.25", "-x", "\tx", "a,b", "say \"hi\"", "line\nbreak", "\r=1"} {
		f.Add(s, "x")
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		g := &grid{header: []string{"h1", "h2"}}
		g.add(a, b)
		var out bytes.Buffer
		if err := g.writeCSV(&out); err != nil {
			return // encoding/csv refuses some text (invalid UTF-8 is written as is)
		}
		r := csv.NewReader(&out)
		r.FieldsPerRecord = -1
		rows, err := r.ReadAll()
		if err != nil {
			t.Fatalf("the output does not read back: %v\n%q", err, out.String())
		}
		if len(rows) != 2 || len(rows[1]) != 2 {
			t.Fatalf("%d rows read back, want 2: %q", len(rows), rows)
		}
		for i, in := range []string{a, b} {
			got := rows[1][i]
			// encoding/csv turns \r\n into \n inside quoted fields when reading.
			in = strings.ReplaceAll(in, "\r\n", "\n")
			if got != in && got != "'"+in {
				t.Fatalf("cell %q read back as %q", in, got)
			}
			if got != "" && strings.ContainsRune("=+-@\t\r", rune(got[0])) {
				if _, err := strconv.ParseFloat(got, 64); err != nil {
					t.Fatalf("cell %q reads back as %q, which a spreadsheet runs", in, got)
				}
			}
		}
	})
}

// FuzzMarkdown renders arbitrary text as a Markdown report's title, prose and table: no
// '<' from the text reaches the output as markup, and rendering never fails or panics.
func FuzzMarkdown(f *testing.F) {
	for _, s := range []string{"<script>alert(1)</script>", "[x](javascript:alert(1))", "a | b", "&lt;", "plain", "# heading", "<img src=x onerror=alert(1)>"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r := &report{title: s}
		g := &grid{header: []string{"h", s}}
		g.add(s, "x")
		r.add(section{title: s, text: []string{s, "- " + s}, grid: g})
		var out bytes.Buffer
		if err := r.write(&out, "markdown"); err != nil {
			t.Fatalf("render: %v", err)
		}
		if strings.ContainsAny(out.String(), "<>") {
			t.Fatalf("markup passes through: %q", out.String())
		}
	})
}
