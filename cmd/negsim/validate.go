package main

import (
	"errors"
	"io"

	"github.com/spf13/cobra"

	"github.com/negsim/negsim/api"
	"github.com/negsim/negsim/config"
	"github.com/negsim/negsim/sim"
)

// fileReport is what validate says about one file; its JSON form is read by editors and
// graders.
type fileReport struct {
	File     string          `json:"file"`
	Valid    bool            `json:"valid"`
	Errors   sim.Diagnostics `json:"errors"`
	Warnings sim.Diagnostics `json:"warnings"`
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
		Annotations: writesFormats("", "table", "markdown", "csv", "json"),
		Use:         "validate FILE|DIR...",
		Short:       "Check scenario files without computing anything",
		Long: `validate reads each file and reports every problem in it at once, as
file:line:col: path: message, grouped by file, then a summary line. Warnings (weights
that do not sum to 100, an actor without red lines, an issue no actor cares about, a
reservation no deal can reach, ...) are listed apart and do not make a file invalid
unless --strict is given. --format json gives the same as data, for editors and graders.
A folder stands for its .yaml, .yml and .json files, but not a *.schema.json saved beside
them for the editor. The exit code is 0 when every file is valid and 2 otherwise.`,
		Example: `  negsim validate my-scenario.yaml
  negsim validate --strict scenarios
  negsim validate scenarios/*.yaml --format json`,
		Args:              args(cobra.MinimumNArgs(1)),
		ValidArgsFunction: completeScenarioArg(-1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.validate(args, strict)
		},
	}
	cmd.Flags().BoolVar(&strict, "strict", false, "treat warnings as errors")
	return cmd
}

func (a *app) validate(words []string, strict bool) error {
	files, err := filesNamed(words, "scenario file (.yaml, .yml or .json)", api.ListedScenario)
	if err != nil {
		return err
	}
	res := validation{Strict: strict, Files: []fileReport{}}
	for _, f := range files {
		rep := fileReport{File: f, Errors: sim.Diagnostics{}, Warnings: sim.Diagnostics{}}
		if f == "-" {
			rep.File = config.StandardInput
		}
		doc, err := a.loadScenario(f)
		var list sim.Diagnostics
		switch {
		case errors.As(err, &list):
			rep.Errors = list
		case errors.Is(err, config.ErrUsage):
			rep.Errors = sim.Diagnostics{{File: f, Message: err.Error()}}
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
		res.Summary.Errors += config.Total(rep.Errors)
		res.Summary.Warnings += config.Total(rep.Warnings)
		res.Files = append(res.Files, rep)
		// Each file is bounded by --max-file-size, but a long list of them is not.
		if err := a.ctx.Err(); err != nil {
			return err
		}
	}
	err = a.show(view{
		json: jsonOf(nil, res),
		csv:  csvOf(func() *grid { return validationGrid(res) }),
		report: func(w io.Writer, format string) error {
			return writeValidation(w, res, format == "markdown")
		},
	})
	if err != nil {
		return err
	}
	if res.Summary.Invalid > 0 {
		return errReported
	}
	return nil
}
