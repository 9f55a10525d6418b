package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/negsim/negsim/config"
)

// validationGrid is every problem found, one row each, errors before warnings per file.
func validationGrid(res validation) *grid {
	g := &grid{header: []string{"file", "line", "col", "severity", "path", "message"}}
	for _, rep := range res.Files {
		for _, e := range rep.Errors {
			g.add(e.File, fmt.Sprint(e.Line), fmt.Sprint(e.Col), "error", e.Path, e.Message)
		}
		for _, e := range rep.Warnings {
			g.add(e.File, fmt.Sprint(e.Line), fmt.Sprint(e.Col), "warning", e.Path, e.Message)
		}
	}
	return g
}

// writeValidation prints one block per file: a heading with its verdict, its errors, then
// its warnings apart, each problem on a line of its own that starts with file:line:col so
// that editors can jump to it.
func writeValidation(w io.Writer, res validation, markdown bool) error {
	item := "  "
	if markdown {
		item = "- "
	}
	for _, rep := range res.Files {
		verdict := "valid"
		if !rep.Valid {
			verdict = "invalid"
		}
		var counts []string
		if n := config.Total(rep.Errors); n > 0 {
			counts = append(counts, plural(n, "error", "errors"))
		}
		if n := config.Total(rep.Warnings); n > 0 {
			counts = append(counts, plural(n, "warning", "warnings"))
		}
		if len(counts) > 0 {
			verdict += " (" + strings.Join(counts, ", ") + ")"
		}
		if markdown {
			fmt.Fprintf(w, "## %s: %s\n\n", rep.File, verdict)
		} else {
			fmt.Fprintf(w, "%s: %s\n", rep.File, verdict)
		}
		for _, e := range rep.Errors {
			fmt.Fprintf(w, "%s%s\n", item, e)
		}
		if markdown && len(rep.Errors) > 0 {
			fmt.Fprintln(w)
		}
		if len(rep.Warnings) > 0 {
			note := "they do not make the file invalid"
			if res.Strict {
				note = "--strict counts them as errors"
			}
			if markdown {
				fmt.Fprintf(w, "Warnings (%s):\n\n", note)
			} else {
				fmt.Fprintf(w, "  warnings (%s):\n", note)
			}
			for _, e := range rep.Warnings {
				fmt.Fprintf(w, "%s%s\n", item, e)
			}
			if markdown {
				fmt.Fprintln(w)
			}
		}
		if !markdown {
			fmt.Fprintln(w)
		}
	}
	sum := res.Summary
	_, err := fmt.Fprintf(w, "%s: %d valid, %d invalid; %s, %s\n", plural(sum.Files, "file", "files"), sum.Valid, sum.Invalid,
		plural(sum.Errors, "error", "errors"), plural(sum.Warnings, "warning", "warnings"))
	return err
}
