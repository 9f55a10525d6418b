package main

import (
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/negsim/negsim/api"
	"github.com/negsim/negsim/config"
	"github.com/negsim/negsim/scenarios"
	"github.com/negsim/negsim/sim"
)

// maxSweepSteps bounds --steps and --values alike: a sweep is read as a table, and each
// value is a full search.
const maxSweepSteps = 10_000

func (a *app) sweepCommand() *cobra.Command {
	var (
		param     string
		from, to  float64
		steps     int
		values    string
		tolerance float64
		chart     string
		w         whatIf
	)
	cmd := &cobra.Command{
		Use:   "sweep [FILE] --param PATH (--from A --to B --steps N | --values A,B,C)",
		Short: "Analyse a scenario over a range of one value: ZOPA size, Nash deal, surpluses",
		Long: `sweep sets one path (as --set would) to each value in turn and reports, per value, the
number of deals in the zone of possible agreement (ZOPA), the Nash deal and whether it
changed from the previous value, and each veto actor's surplus at the Nash deal. Where the
ZOPA opens or closes between two neighbouring values, the threshold is narrowed by
bisection until its bracket is no wider than --tolerance. A ZOPA that opens and closes
again between two neighbouring values is not seen: use more steps.`,
		Example: `  negsim sweep --param actors.russia.reservation --from 0.4 --to 0.8 --steps 9
  negsim sweep --param actors.ukraine.preferences.territory.weight --values 20,40,60,80
  negsim sweep my.yaml --param actors.a.reservation --from 0 --to 1 --steps 11 --chart sweep.svg`,
		Args: args(cobra.MaximumNArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			if param == "" {
				return a.sweepNeedsParam(argOr(args), w)
			}
			grid := cmd.Flags().Changed("from") || cmd.Flags().Changed("to") || cmd.Flags().Changed("steps")
			var xs []float64
			var span sweepSpan
			switch {
			case values != "" && grid:
				return usagef("give either --values or --from/--to/--steps, not both")
			case values != "":
				for _, s := range strings.Split(values, ",") {
					if strings.TrimSpace(s) == "" {
						return usagef("--values %q: a value is missing between two commas; give numbers separated by commas, e.g. --values 0.3,0.5,0.7", values)
					}
					x, problem, ok := sim.ParseNumber(strings.TrimSpace(s))
					if problem != "" {
						return usagef("--values: %s", problem)
					}
					if !ok {
						// Said once the path is known: true,false on a true/false value
						// needs another command, not another number.
						if span.notNumber == "" {
							span.notNumber = strings.TrimSpace(s)
						}
						continue
					}
					xs = append(xs, x)
					span.given = append(span.given, givenValue{"--values", x})
				}
				if len(xs) > maxSweepSteps {
					return usagef("--values: %d values; give at most %d", len(xs), maxSweepSteps)
				}
			case cmd.Flags().Changed("from") && cmd.Flags().Changed("to"):
				if steps < 2 || steps > maxSweepSteps {
					return usagef("--steps %d: give 2 to %d values", steps, maxSweepSteps)
				}
				xs = sim.SweepValues(from, to, steps)
				span.given = []givenValue{{"--from", from}, {"--to", to}}
			case cmd.Flags().Changed("from"), cmd.Flags().Changed("to"):
				// One end given: the other is the one missing, said by name.
				given, missing := "--from", "--to B, the last value"
				if cmd.Flags().Changed("to") {
					given, missing = "--to", "--from A, the first value"
				}
				return usagef("%s needs %s, too: sweep takes --from A --to B [--steps N], or --values A,B,C", given, missing)
			default:
				return usagef("sweep needs the values: --from A --to B [--steps N] or --values A,B,C")
			}
			if !(tolerance > 0) {
				return usagef("--tolerance %g: give a number above 0", tolerance)
			}
			if err := checkChart(chart); err != nil {
				return err
			}
			span.xs = xs
			return a.sweep(argOr(args), w, param, span, tolerance, chart)
		},
	}
	cmd.Flags().StringVar(&param, "param", "", "the path to vary, e.g. actors.russia.reservation")
	to = 1
	cmd.Flags().Var(numberFlag{&from}, "from", "first value")
	cmd.Flags().Var(numberFlag{&to}, "to", "last value")
	cmd.Flags().IntVar(&steps, "steps", 11, "number of evenly spaced values from --from to --to, both included")
	cmd.Flags().StringVar(&values, "values", "", "explicit values, comma-separated, instead of --from/--to/--steps")
	cmd.Flags().Float64Var(&tolerance, "tolerance", 1e-6, "width to which thresholds where the ZOPA opens or closes are narrowed")
	cmd.Flags().StringVar(&chart, "chart", "", "also plot ZOPA size and surpluses against the value to this .svg or .png file")
	w.register(cmd)
	return cmd
}

// numberFlag is a number flag that reads its value as --set reads a number (0x10 and 1_000
// taken, 017 refused as ambiguous): sweep sets its path as --set would, and a student
// trying a value with --set first should be able to sweep from it as written.
type numberFlag struct{ x *float64 }

func (f numberFlag) String() string { return strconv.FormatFloat(*f.x, 'g', -1, 64) }

// Type is pflag's own name for a float flag, so that help and the refusals of flagTakes
// read as for any other number flag.
func (f numberFlag) Type() string { return "float64" }

func (f numberFlag) Set(s string) error {
	s = strings.TrimSpace(s)
	x, problem, ok := sim.ParseNumber(s)
	if ok {
		*f.x = x
		return nil
	}
	y, err := strconv.ParseFloat(s, 64)
	switch {
	case errors.Is(err, strconv.ErrRange):
		return err
	case problem != "":
		return numberProblem(problem)
	case err == nil && (math.IsInf(y, 0) || math.IsNaN(y)):
		return numberProblem("give a finite number")
	}
	return strconv.ErrSyntax
}

// numberProblem says what is wrong with a number flag's value and what to write, in the
// words --set uses for the same text.
type numberProblem string

func (p numberProblem) Error() string { return string(p) }

// sweepSpan is the values a sweep asks for and the values as given on the command line.
type sweepSpan struct {
	xs        []float64
	given     []givenValue // --from and --to, or each of --values
	notNumber string       // the first of --values that is no number
}

type givenValue struct {
	flag string
	x    float64
}

// paramKindWords names, for a sentence, the kinds of value a sweep cannot vary.
var paramKindWords = map[sim.ParamKind]string{
	sim.ParamOption:  "an option",
	sim.ParamOptions: "a list of options",
	sim.ParamText:    "text",
}

// checkSweep names what is wrong with a sweep before any is run: a path that holds no
// number (and what to do instead), a value that is not a number, or an end of the range
// outside the values the path takes.
func checkSweep(doc *config.Document, file, param string, span sweepSpan) error {
	for _, p := range doc.Scenario.Params() {
		if p.Path != param {
			continue
		}
		switch p.Kind {
		case sim.ParamNumber:
		case sim.ParamInteger:
			// Evenly spaced steps fall between whole numbers unless they are one apart;
			// say how many steps land on each one instead of failing at the first.
			if len(span.given) == 2 && span.given[0].flag == "--from" && span.given[0].x == math.Trunc(span.given[0].x) && span.given[1].x == math.Trunc(span.given[1].x) {
				from, to := span.given[0].x, span.given[1].x
				for _, x := range span.xs {
					if x != math.Trunc(x) {
						return usagef("--steps %d puts %g between whole numbers, and %s holds a whole number (now %s): give --steps %d for each from %g to %g, or --values",
							len(span.xs), x, param, p.Value, int(math.Abs(to-from))+1, from, to)
					}
				}
			}
		case sim.ParamBool:
			if len(p.Choices) == 1 {
				return usagef("--param %s can only be %s: %s", param, p.Choices[0], p.Note)
			}
			return usagef("--param %s is true or false (now %s); sweep varies a number. To see what the other value does: negsim compare %s %s --set %s=%s",
				param, p.Value, scenarioArg(file), scenarioArg(file), param, map[string]string{"true": "false", "false": "true"}[p.Value])
		case sim.ParamGroup:
			// A group's value is JSON of every setting under it, too long to repeat; the
			// numbers under it are what the student most likely meant.
			var numbers []string
			for _, q := range doc.Scenario.Params() {
				if strings.HasPrefix(q.Path, param+".") && (q.Kind == sim.ParamNumber || q.Kind == sim.ParamInteger) {
					numbers = append(numbers, q.Path)
				}
			}
			if len(numbers) == 0 {
				return usagef("--param %s is a group of settings with no number in it; sweep varies a number, and 'negsim params %s' lists them",
					param, scenarioArg(file))
			}
			return usagef("--param %s is a group of settings; sweep varies one number, such as %s ('negsim params %s' lists them all)",
				param, sim.JoinWords(numbers[:min(len(numbers), 3)], "or"), scenarioArg(file))
		default:
			return usagef("--param %s holds %s (now %s); sweep varies a number. To see what another value does: negsim compare %s %s --set %s=VALUE",
				param, paramKindWords[p.Kind], p.Value, scenarioArg(file), scenarioArg(file), param)
		}
		if span.notNumber != "" {
			break
		}
		// Each value as given is tried before any is run, so that an end out of range is
		// named by its flag rather than by the first step past it.
		for _, g := range span.given {
			cp := doc.Scenario.Clone()
			if err := cp.Set(param, g.x); err != nil {
				return usagef("%s %g: %v", g.flag, g.x, err)
			}
			if errs := cp.Validate().Errors(); len(errs) > 0 {
				return usagef("%s %g: %s", g.flag, g.x, errs[0].Message)
			}
		}
	}
	if span.notNumber != "" {
		if hint, ok := sim.NumberHint(param, span.notNumber); ok {
			return usagef("--values: %q is not a number: %s", span.notNumber, hint)
		}
		return usagef("--values: %q is not a finite number", span.notNumber)
	}
	return nil
}

// sweepNeedsParam asks for --param with a path of the scenario at hand, the first veto
// actor's reservation (the first actor's when none holds a veto): a path taken from
// another scenario would be refused as unknown when tried.
func (a *app) sweepNeedsParam(file string, w whatIf) error {
	doc, err := a.openScenario(file, w)
	if err != nil {
		return err
	}
	actors := doc.Scenario.Actors
	if len(actors) == 0 {
		return usagef("sweep needs --param PATH, the number to vary ('negsim params %s' lists the paths)", scenarioArg(file))
	}
	ids := make([]string, len(actors))
	for i, ac := range actors {
		ids[i] = ac.ID
	}
	keys := sim.ElementKeys(ids)
	pick := max(0, slices.IndexFunc(actors, func(ac sim.Actor) bool { return ac.Veto }))
	return usagef("sweep needs --param PATH, the number to vary, e.g. --param actors.%s.reservation ('negsim params %s' lists the paths)",
		keys[pick], scenarioArg(file))
}

// scenarioArg is how a suggested command names the scenario the user gave.
func scenarioArg(file string) string {
	if file == "" {
		return scenarios.Default
	}
	return api.CommandWord(file)
}

func (a *app) sweep(file string, w whatIf, param string, span sweepSpan, tol float64, chart string) error {
	doc, err := a.openScenario(file, w)
	if err != nil {
		return err
	}
	if err := checkSweep(doc, file, param, span); err != nil {
		return err
	}
	xs := span.xs
	a.warn(doc)
	ctx, cancel := a.withTimeout()
	defer cancel()
	sw, err := sim.RunSweep(ctx, doc.Space, param, xs, sim.SweepOptions{Tolerance: tol, Workers: a.settings.Workers})
	if sw != nil && sw.Interrupted && len(sw.Points) > 0 {
		// The values finished are reported as such; no chart is drawn, since a failed
		// command leaves no file behind.
		if werr := a.show(sweepView(doc, sw)); werr != nil {
			return werr
		}
		return sweepStopped(err, sw, chart)
	}
	if err != nil {
		var pe *sim.PathError
		if errors.As(err, &pe) {
			return usagef("%s: --param %v", doc.Name, err)
		}
		return err
	}
	if err := a.writeChartFile(chart, func(out io.Writer, format string) error { return sweepChart(out, format, sw, scenarioLabel(doc)) }); err != nil {
		return err
	}
	return a.show(sweepView(doc, sw))
}

// sweepStopped is the error of a sweep that Ctrl-C or --timeout stopped after some values.
// No chart is drawn then, since a failed command leaves no file behind; a student told only
// that the report covers part of the values would look for the chart asked for.
func sweepStopped(err error, sw *sim.Sweep, chart string) error {
	stop := stoppedPartWay(err, len(sw.Points), sw.Requested, "values")
	if chart == "" {
		return stop
	}
	return fmt.Errorf("%v, and the chart %s was not written", stop, chart)
}
