package main

import (
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/negsim/negsim/sim"
)

func (a *app) paramsCommand() *cobra.Command {
	var w whatIf
	cmd := &cobra.Command{
		Use:   "params [FILE]",
		Short: "List every value a what-if can change, with its path, current value and valid range",
		Long: `params answers "what can I change?": one row for every value of the scenario that changes a
result (reservations, drift, power, vetoes, votes, weights, option values, red lines, constraints,
what each actor believes about the others, the votes a decision or ratification needs,
the protocol and the rounds of events), with the path --set takes, the current value written
as --set takes it, its kind and its valid range or choices. Any row pasted as
--set PATH=VALUE is accepted and leaves the scenario as it is. Lists of options are written
in YAML's flow syntax: [freeze,freeze-dmz]. A note in brackets after the range says why a
value is narrower than its kind (a ratifier's veto can only be false), what it cannot be
together with other values (every veto false, with no decision rule) or that it changes no
result.`,
		Example: `  negsim params
  negsim params teaching-two-party --format json
  negsim params --variant sanctions-bite | grep reservation`,
		Args: args(cobra.MaximumNArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			doc, err := a.openScenario(argOr(args), w)
			if err != nil {
				return err
			}
			params := doc.Scenario.Params()
			return a.show(resultView(doc, struct {
				Params []sim.Param `json:"params"`
			}{params},
				func() *grid { return paramsCSV(params) },
				func() *report {
					r := &report{title: doc.Scenario.Name + ": what a what-if can change"}
					r.add(section{text: []string{"Each row works as --set PATH=VALUE; change the value within its range (a weight, a power or votes may also go above its top, where sliders and sensitivity stop). A group (an issue, an actor, a constraint) is set whole, as JSON: it is shortened here, and --format json or csv gives it in full."}, grid: paramsGrid(params, true)})
					return r
				}))
		},
	}
	w.register(cmd)
	return cmd
}

// paramsGrid lists the settable values, one row each; short shortens groups, which are
// long JSON, for reading.
func paramsGrid(params []sim.Param, short bool) *grid {
	g := &grid{header: []string{"path", "value", "kind", "range or choices"}}
	for _, p := range params {
		value := p.Value
		if p.Kind == sim.ParamGroup && short {
			value = shortGroup(value)
		}
		g.add(p.Path, value, string(p.Kind), paramRange(p))
	}
	return g
}

// paramsCSV lists the settable values with their JSON's fields a column each, one value a
// cell, so that a spreadsheet sorts the rows by their ends and filters them by kind.
func paramsCSV(params []sim.Param) *grid {
	g := &grid{header: []string{"path", "value", "kind", "min", "max", "choices", "note"}}
	end := func(x *float64) string {
		if x == nil {
			return ""
		}
		return strconv.FormatFloat(*x, 'g', -1, 64)
	}
	for _, p := range params {
		choices := p.Choices
		if p.Kind == sim.ParamBool && len(choices) == 0 {
			choices = []string{"true", "false"}
		}
		g.add(p.Path, p.Value, string(p.Kind), end(p.Min), end(p.Max), strings.Join(choices, ", "), p.Note)
	}
	return g
}

// shortGroup keeps a group's JSON to the width of a table cell.
func shortGroup(value string) string {
	const width = 40
	if r := []rune(value); len(r) > width {
		return string(r[:width-1]) + "…"
	}
	return value
}

// paramRange is a row's range or choices, followed by its note: why it is narrower than its
// kind, or why it changes no result.
func paramRange(p sim.Param) string {
	var r string
	switch {
	case p.Min != nil && p.Max != nil:
		r = strconv.FormatFloat(*p.Min, 'g', -1, 64) + " to " + strconv.FormatFloat(*p.Max, 'g', -1, 64)
	case p.Kind == sim.ParamBool && len(p.Choices) == 0:
		r = "true, false"
	default:
		r = strings.Join(p.Choices, ", ")
	}
	if p.Note != "" {
		r += " (" + p.Note + ")"
	}
	return r
}
