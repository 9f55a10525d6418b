package main

import (
	"fmt"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/negsim/negsim/interop"
	"github.com/negsim/negsim/scenarios"
	"github.com/negsim/negsim/sim"
)

// exportReport is what export wrote and what the format could not hold.
type exportReport struct {
	Scenario string          `json:"scenario"`
	Format   string          `json:"format"`
	Dir      string          `json:"dir"`
	Files    []string        `json:"files"`
	Warnings sim.Diagnostics `json:"warnings"`
}

func (a *app) exportCommand() *cobra.Command {
	var dir string
	var w whatIf
	cmd := &cobra.Command{
		Use:   "export genius|geniusweb [SCENARIO] -o DIR",
		Short: "Write a scenario as a GENIUS or GeniusWeb domain with one profile per actor",
		Long: `export writes the scenario's domain and one profile per actor into DIR, so a class
can run it against the competition agents of GENIUS or GeniusWeb. Options are written
by the value they were imported from, or by their ids.

Those formats hold additive preferences and a reservation, not negsim's red lines,
conditional constraints, observers, bargaining power, strategies, events or variants, nor
its decision rules, ratification at home or beliefs:
export lists everything it could not write as warnings (on stderr, and in --format json),
never drops it silently. GeniusWeb takes a reservation bid, not a value: export writes the
deal the actor values least among those worth at least its reservation.`,
		Example: `  negsim export genius camera.yaml -o camera-genius
  negsim export geniusweb ukraine-2026 -o ukraine-geniusweb --set actors.russia.reservation=0.4`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) < 1 || len(args) > 2 {
				return usagef("export takes a format (genius or geniusweb) and at most one scenario, got %d arguments", len(args))
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			format := args[0]
			write := map[string]func(*sim.Space) ([]interop.File, sim.Diagnostics, error){
				"genius":    interop.WriteGenius,
				"geniusweb": interop.WriteGeniusWeb,
			}[format]
			if _, shipped := scenarios.Read(format); write == nil && (shipped || exists(format)) {
				if named, rest := formatAmong(args); named != "" {
					return usagef("%s is a scenario, not a format: name the format first, as in negsim export %s %s", format, named, typedWords(rest, dir))
				}
				return usagef("%s is a scenario, not a format: name the format first, as in negsim export genius %s, or geniusweb", format, typedWords(args, dir))
			}
			if write == nil {
				return usagef("unknown format %q;%s valid: \"genius\" or \"geniusweb\"", format, sim.DidYouMean(format, []string{"genius", "geniusweb"}))
			}
			if dir == "" {
				return usagef("export writes several files: name a directory with -o DIR")
			}
			file := ""
			if len(args) == 2 {
				file = args[1]
			}
			doc, err := a.openScenario(file, w)
			if err != nil {
				return err
			}
			files, warnings, err := write(doc.Space)
			if err != nil {
				return err
			}
			if err := a.ctx.Err(); err != nil {
				return err
			}
			rep := exportReport{Scenario: doc.Name, Format: format, Dir: dir, Files: []string{}, Warnings: warnings}
			if rep.Warnings == nil {
				rep.Warnings = sim.Diagnostics{}
			}
			set := make([]setFile, len(files))
			for i, f := range files {
				set[i] = setFile{name: f.Name, data: f.Data}
			}
			if rep.Files, err = a.writeSet(dir, set); err != nil {
				return err
			}
			// A GENIUS folder is read whole, every profile of the domain's format with it.
			a.warnLeftInSet(dir, set, func(name string) bool { return filepath.Ext(name) == filepath.Ext(set[0].name) }, "importing the folder or handing it out")
			for _, p := range warnings {
				fmt.Fprintf(a.stderr, "warning: %s\n", doc.ErrorAt(p))
			}
			return a.show(exportView(rep))
		},
	}
	cmd.Flags().StringVarP(&dir, "output", "o", "", "directory to write the domain and profiles into (created if missing)")
	w.register(cmd)
	return cmd
}

func exportView(rep exportReport) view {
	files := func() *grid {
		g := &grid{header: []string{"file"}}
		for _, f := range rep.Files {
			g.add(f)
		}
		return g
	}
	return view{
		json: jsonOf(nil, rep),
		csv:  csvOf(files),
		report: plainReport(func() *report {
			r := &report{title: fmt.Sprintf("Exported %s as %s", rep.Scenario, rep.Format)}
			r.add(section{grid: files()})
			if len(rep.Warnings) > 0 {
				wg := &grid{header: []string{"path", "not written"}}
				for _, p := range rep.Warnings {
					wg.add(p.Path, p.Message)
				}
				r.add(section{title: "What the format cannot hold", grid: wg})
			}
			return r
		}),
	}
}
