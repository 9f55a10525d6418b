package main

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/negsim/negsim/config"
)

// fileReport is what validate says about one file; its JSON form is read by editors and
// graders.
type fileReport struct {
	File     string         `json:"file"`
	Valid    bool           `json:"valid"`
	Errors   []config.Error `json:"errors"`
	Warnings []config.Error `json:"warnings"`
}

// validation is the whole answer of validate: every file, then the totals.
type validation struct {
	Strict  bool          `json:"strict"`
	Files   []fileReport  `json:"files"`
	Summary summaryCounts `json:"summary"`
}

type summaryCounts struct {
	Files    int `json:"files"`
	Valid    int `json:"valid"`
	Invalid  int `json:"invalid"`
	Errors   int `json:"errors"`
	Warnings int `json:"warnings"`
}

func (a *app) validateCommand() *cobra.Command {
	var strict bool
	cmd := &cobra.Command{
		Use:   "validate FILE...",
		Short: "Check scenario files without computing anything",
		Long: `validate reads each file and reports every problem in it at once, as
file:line:col: path: message, grouped by file, then a summary line. Warnings (weights
that do not sum to 100, an actor without red lines, an issue no actor cares about, a
reservation no deal can reach, ...) are listed apart and do not make a file invalid
unless --strict is given. --format json gives the same as data, for editors and graders.
The exit code is 0 when every file is valid and 2 otherwise.`,
		Example: `  negsim validate my-scenario.yaml
  negsim validate --strict scenarios/*.yaml
  negsim validate scenarios/*.yaml --format json`,
		Args: args(cobra.MinimumNArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.validate(args, strict)
		},
	}
	cmd.Flags().BoolVar(&strict, "strict", false, "treat warnings as errors")
	return cmd
}

// errInvalidFiles ends a validate run that found problems; the report is already written,
// so nothing more is printed, but the exit code says bad input.
var errInvalidFiles = errors.New("invalid files")

func (a *app) validate(files []string, strict bool) error {
	res := validation{Strict: strict, Files: []fileReport{}}
	for _, f := range files {
		rep := fileReport{File: f, Errors: []config.Error{}, Warnings: []config.Error{}}
		doc, err := a.loadScenario(f)
		var list config.ErrorList
		var usage *usageError
		switch {
		case errors.As(err, &list):
			rep.Errors = list
		case errors.As(err, &usage):
			rep.Errors = []config.Error{{File: f, Msg: usage.msg}}
		case err != nil:
			return err
		default:
			rep.Warnings = append(rep.Warnings, doc.Warnings...)
		}
		rep.Valid = len(rep.Errors) == 0 && (!strict || len(rep.Warnings) == 0)
		res.Summary.Files++
		if rep.Valid {
			res.Summary.Valid++
		} else {
			res.Summary.Invalid++
		}
		res.Summary.Errors += config.ErrorList(rep.Errors).Total()
		res.Summary.Warnings += config.ErrorList(rep.Warnings).Total()
		res.Files = append(res.Files, rep)
		// Each file is bounded by --max-file-size, but a long list of them is not.
		if err := a.ctx.Err(); err != nil {
			return err
		}
	}
	err := a.emit(func(w io.Writer) error {
		switch a.settings.Format {
		case "json":
			return writeJSON(w, res)
		case "csv":
			g := &grid{header: []string{"file", "line", "col", "severity", "path", "message"}}
			for _, rep := range res.Files {
				for _, e := range rep.Errors {
					g.add(e.File, fmt.Sprint(e.Line), fmt.Sprint(e.Col), "error", e.Path, e.Msg)
				}
				for _, e := range rep.Warnings {
					g.add(e.File, fmt.Sprint(e.Line), fmt.Sprint(e.Col), "warning", e.Path, e.Msg)
				}
			}
			return g.writeCSV(w)
		}
		return writeValidation(w, res, a.settings.Format == "markdown")
	})
	if err != nil {
		return err
	}
	if res.Summary.Invalid > 0 {
		return errInvalidFiles
	}
	return nil
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
		if n := config.ErrorList(rep.Errors).Total(); n > 0 {
			counts = append(counts, plural(n, "error", "errors"))
		}
		if n := config.ErrorList(rep.Warnings).Total(); n > 0 {
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
			fmt.Fprintf(w, "%s%s\n", item, e.Error())
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
				fmt.Fprintf(w, "%s%s\n", item, e.Error())
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
