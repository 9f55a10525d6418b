package main

import (
	"errors"
	"fmt"
	"io"

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

func (a *app) validateCommand() *cobra.Command {
	var strict bool
	cmd := &cobra.Command{
		Use:   "validate FILE...",
		Short: "Check scenario files without computing anything",
		Long: `validate reads each file and reports every problem in it at once, as
file:line:col: path: message, then a summary. Warnings (weights that do not sum to 100,
an actor without red lines, ...) do not make a file invalid unless --strict is given.
The exit code is 0 when every file is valid and 2 otherwise.`,
		Example: `  negsim validate my-scenario.yaml
  negsim validate scenarios/*.yaml --format json`,
		Args: args(cobra.MinimumNArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.validate(args, strict)
		},
	}
	cmd.Flags().BoolVar(&strict, "strict", false, "treat warnings as errors")
	return cmd
}

var errInvalidFiles = errors.New("invalid files")

func (a *app) validate(files []string, strict bool) error {
	var reports []fileReport
	invalid := 0
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
			rep.Warnings = doc.Warnings
		}
		rep.Valid = len(rep.Errors) == 0 && (!strict || len(rep.Warnings) == 0)
		if !rep.Valid {
			invalid++
		}
		reports = append(reports, rep)
	}
	err := a.emit(func(w io.Writer) error {
		if a.settings.Format == "json" {
			return writeJSON(w, reports)
		}
		if a.settings.Format == "csv" {
			g := &grid{header: []string{"file", "line", "col", "severity", "path", "message"}}
			for _, rep := range reports {
				for _, e := range rep.Errors {
					g.add(e.File, fmt.Sprint(e.Line), fmt.Sprint(e.Col), "error", e.Path, e.Msg)
				}
				for _, e := range rep.Warnings {
					g.add(e.File, fmt.Sprint(e.Line), fmt.Sprint(e.Col), "warning", e.Path, e.Msg)
				}
			}
			return g.writeCSV(w)
		}
		return writeValidation(w, reports, a.settings.Format == "markdown")
	})
	if err != nil {
		return err
	}
	if invalid > 0 {
		return errInvalidFiles
	}
	return nil
}

func writeValidation(w io.Writer, reports []fileReport, markdown bool) error {
	bullet := ""
	if markdown {
		bullet = "- "
	}
	errs, warns := 0, 0
	for _, rep := range reports {
		status := "ok"
		if !rep.Valid {
			status = "invalid"
		}
		if markdown {
			fmt.Fprintf(w, "## %s: %s\n\n", rep.File, status)
		} else {
			fmt.Fprintf(w, "%s: %s\n", rep.File, status)
		}
		for _, e := range rep.Errors {
			fmt.Fprintf(w, "  %serror: %s\n", bullet, e.Error())
		}
		for _, e := range rep.Warnings {
			fmt.Fprintf(w, "  %swarning: %s\n", bullet, e.Error())
		}
		errs += len(rep.Errors)
		warns += len(rep.Warnings)
		if markdown {
			fmt.Fprintln(w)
		}
	}
	valid := 0
	for _, rep := range reports {
		if rep.Valid {
			valid++
		}
	}
	_, err := fmt.Fprintf(w, "%d of %d files valid; %d errors, %d warnings\n", valid, len(reports), errs, warns)
	return err
}
