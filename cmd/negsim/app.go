package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/negsim/negsim/api"
	"github.com/negsim/negsim/config"
	"github.com/negsim/negsim/scenarios"
	"github.com/negsim/negsim/sim"
)

// Exit codes: scripts and graders rely on them.
const (
	exitOK      = 0
	exitFailure = 1 // the machine failed: a write error, a timeout, an interrupt
	exitBadUse  = 2 // the user must fix something: a file, a flag, a name
)

// app is one run of negsim: its streams and the settings resolved for the command.
type app struct {
	ctx context.Context
	// interrupt ends at Ctrl-C or SIGTERM only, without --timeout: play waits for a person
	// and bounds only its own work between two moves by --timeout.
	interrupt context.Context
	stdin     io.Reader
	stdinRead bool // "-" named standard input as an input, which can be read once
	stdout    io.Writer
	stderr    io.Writer
	settings  *config.Settings
	// inputs are the files this run reads, which no output of it may overwrite.
	inputs []string
	// stopTimer releases the --timeout timer once the command is done.
	stopTimer context.CancelFunc
	// wide forces full tables; width fits them to that many columns (see fit.go).
	wide  bool
	width int
}

// usagef is an error in how negsim was called: exit 2, and the message says what to fix.
func usagef(format string, args ...any) error { return config.Usagef(format, args...) }

// parseEach reads every value a repeatable flag was given, refusing the first that parse
// does not take.
func parseEach[T any](flag string, values []string, parse func(string) (T, error)) ([]T, error) {
	var out []T
	for _, v := range values {
		x, err := parse(v)
		if err != nil {
			return nil, usagef("%s %v", flag, err)
		}
		out = append(out, x)
	}
	return out, nil
}

// args turns cobra's argument-count errors into usage errors (exit 2) that show the
// command's usage and the arguments it was given: "accepts at most 1 arg(s), received 2"
// did not say which word was one too many (often a value meant for a flag).
func args(check cobra.PositionalArgs) cobra.PositionalArgs {
	return func(cmd *cobra.Command, a []string) error {
		for _, word := range a {
			if flag := flagOfWord(cmd, word); flag != "" {
				return usagef("%s is not a file: give it with %s, as in %s %s", word, flag, flag, api.CommandWord(word))
			}
			if flag, kind := flagOfTablesFile(cmd, word); flag != "" {
				return usagef("%s is %s, not a scenario: give it with %s, as in %s %s", word, kind, flag, flag, api.CommandWord(word))
			}
		}
		if len(a) == 1 {
			if flag := actorFlagOfWord(cmd, a[0]); flag != "" {
				return usagef("%s is an actor of the shipped %s, not a file: give it with %s, as in %s %s", a[0], scenarios.Default, flag, flag, a[0])
			}
		}
		if check(cmd, a) == nil {
			return nil
		}
		got := "no arguments"
		if len(a) > 0 {
			got = plural(len(a), "argument", "arguments") + ": " + strings.Join(a, " ")
		}
		usage := strings.TrimSpace(cmd.Parent().CommandPath() + " " + cmd.Use)
		// A scenario and one of its variants, typed as two words.
		if len(a) == 2 && hasVariant(completionScenario(a[0]), a[1]) {
			return usagef("usage: %s; got %s; did you mean %q? (%s is a variant of %s)", usage, got, a[0]+"#"+a[1], a[1], a[0])
		}
		return usagef("usage: %s; got %s (see %s --help)", usage, got, cmd.CommandPath())
	}
}

// flagOfWord names the flag a word given as a file was meant for, "" when it is none: a
// value to change (actors.russia.reservation=0.5) for --set, a deal (territory=freeze,...)
// for --deal. Without the flag the word was read as a file's name, and the command said no
// such file exists, or that it takes one file, without saying what was missing.
func flagOfWord(cmd *cobra.Command, word string) string {
	key, _, ok := strings.Cut(word, "=")
	if !ok || exists(word) || api.ScenarioFile(word) {
		return ""
	}
	switch {
	case strings.Contains(key, ".") && cmd.Flags().Lookup("set") != nil:
		return "--set"
	case cmd.Flags().Lookup("deal") != nil:
		return "--deal"
	}
	return ""
}

// flagOfTablesFile names the flag a word given as the scenario was meant for, with what
// the word is, when it is the tables' deals or transcripts and no flag gave them: 'negsim
// debrief class.csv' means --deals class.csv, 'negsim debrief class/' --transcripts class/.
// Read as the scenario, the file was refused for not being one, or the command asked for
// the deals the user had just given.
func flagOfTablesFile(cmd *cobra.Command, word string) (flag, kind string) {
	for _, given := range []string{"deal", "deal-file", "deals", "transcript", "transcripts"} {
		if f := cmd.Flags().Lookup(given); f != nil && f.Changed {
			return "", ""
		}
	}
	switch {
	case strings.EqualFold(filepath.Ext(word), ".csv") && cmd.Flags().Lookup("deals") != nil:
		return "--deals", "a deals file"
	case strings.EqualFold(filepath.Ext(word), ".csv") && cmd.Flags().Lookup("deal-file") != nil:
		return "--deal-file", "a deals file"
	case isDir(word) && cmd.Flags().Lookup("transcripts") != nil:
		return "--transcripts", "a folder"
	}
	return "", ""
}

// actorFlagOfWord names the flag a lone word was meant for when it is no file and no
// shipped scenario but an actor of the default one, "" otherwise: 'negsim brief russia'
// means Russia's brief (--actor), 'negsim play russia' Russia's seat (--as).
func actorFlagOfWord(cmd *cobra.Command, word string) string {
	flag := ""
	for _, name := range []string{"as", "actor"} {
		if cmd.Flags().Lookup(name) != nil {
			flag = "--" + name
		}
	}
	if flag == "" || !sim.IsSlug(word) || exists(word) {
		return ""
	}
	if _, shipped := scenarios.Read(word); shipped {
		return ""
	}
	data, _ := scenarios.Read(scenarios.Default)
	doc, err := config.Load(scenarios.Default+".yaml", data)
	if err != nil || doc.Scenario.ActorIndex(word) < 0 {
		return ""
	}
	return flag
}

// argOr is a command's optional FILE argument; "" stands for the default scenario.
func argOr(args []string) string {
	if len(args) == 0 {
		return ""
	}
	return args[0]
}

// run is the whole program behind main, so that tests drive every command end to end
// without a subprocess. It builds a fresh command tree each call: nothing is global.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	a := &app{ctx: ctx, interrupt: ctx, stdin: stdin, stdout: stdout, stderr: stderr, stopTimer: func() {}}
	defer func() { a.stopTimer() }()
	root := a.rootCommand()
	root.SetArgs(args)
	root.SetIn(stdin)
	// cobra writes help and --version without looking at what the writes return: help
	// saved with > on a full disk was cut short, and negsim exited 0.
	help := &failedWriter{Writer: stdout}
	root.SetOut(help)
	root.SetErr(stderr)
	refuseUnknownShells(root)
	err := root.ExecuteContext(ctx)
	switch {
	case help.err != nil:
		// The machine failed, whatever cobra made of it: --version returns the error,
		// which would read as a mistake in the command line.
		err = help.err
	case err == nil:
		return exitOK
	case a.settings == nil && !errors.Is(err, config.ErrUsage):
		// cobra refused the command line (an unknown command) before any command ran.
		err = usagef("%w", err)
	}
	return a.report(err)
}

// failedWriter keeps the first error its writes met.
type failedWriter struct {
	io.Writer
	err error
}

func (w *failedWriter) Write(p []byte) (int, error) {
	n, err := w.Writer.Write(p)
	if w.err == nil {
		w.err = err
	}
	return n, err
}

// errReported ends a command that has already written what went wrong (validate's report):
// nothing more is printed, and the exit code says bad input.
var errReported = fmt.Errorf("already reported: %w", sim.ErrBadInput)

// report prints an error the way its reader needs it and chooses the exit code from its
// kind, never its text: usage and bad input (exit 2) are for the user to fix; a cancelled
// run and any other failure of the machine exit 1.
func (a *app) report(err error) int {
	var diagnostics sim.Diagnostics
	switch {
	case errors.Is(err, errReported):
		return exitBadUse
	case errors.Is(err, config.ErrUsage):
		fmt.Fprintf(a.stderr, "negsim: %v\n", err)
		return exitBadUse
	case errors.As(err, &diagnostics):
		for _, d := range diagnostics {
			fmt.Fprintln(a.stderr, d.String())
		}
		return exitBadUse
	case errors.Is(err, sim.ErrBadInput):
		fmt.Fprintf(a.stderr, "negsim: %v\n", err)
		return exitBadUse
	case errors.Is(err, context.DeadlineExceeded):
		fmt.Fprintf(a.stderr, "negsim: stopped after the --timeout of %s; nothing was written\n", durationAsTyped(a.settings.Timeout))
		return exitFailure
	case errors.Is(err, context.Canceled):
		fmt.Fprintln(a.stderr, "negsim: interrupted; nothing was written")
		return exitFailure
	}
	fmt.Fprintf(a.stderr, "negsim: %v\n", err)
	return exitFailure
}

// stopped reports whether err is Ctrl-C's or --timeout's: the run's to report, never a fault
// of the input.
func stopped(err error) bool {
	return errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded)
}

// stoppedPartWay is the error of a run that Ctrl-C or --timeout stopped after it reported
// the done of its requested draws or values (unit): the report stands, the exit code says
// the run is incomplete.
func stoppedPartWay(err error, done, requested int, unit string) error {
	why := "interrupted"
	if errors.Is(err, context.DeadlineExceeded) {
		why = "stopped by --timeout"
	}
	return fmt.Errorf("%s after %d of %d %s; the report covers only those %d", why, done, requested, unit, done)
}

func (a *app) rootCommand() *cobra.Command {
	root := &cobra.Command{
		Use:   "negsim",
		Short: "Simulate multi-party negotiations: zone of possible agreement, Pareto frontier, bargaining solutions",
		Long: `negsim reads a negotiation scenario (actors, issues, positions, red lines, reservation
values) and shows which concession sets fall inside every actor's acceptable range, the
Pareto frontier, the Nash and other bargaining solutions, and why the zone is empty when
it is.

With no scenario file, commands run the shipped reference scenario. A FILE argument is a
path, or the name of a shipped scenario as 'negsim list' shows it.`,
		SilenceUsage:  true,
		SilenceErrors: true,
		PersistentPreRunE: func(cmd *cobra.Command, _ []string) error {
			if a.width < 0 {
				return usagef("--width %d: give a number of columns, or leave it out to fit the terminal", a.width)
			}
			s, err := config.ResolveSettings(cmd.Flags())
			if err != nil {
				return err
			}
			a.settings = s
			if err := refuseUnwrittenFormat(cmd, s.Format); err != nil {
				return err
			}
			if s.Timeout > 0 && cmd.Annotations[timeoutAnnotation] != timeoutPerRequest {
				// The clock starts before the file is read, so --timeout bounds the whole
				// command; run stops the timer when the command returns.
				a.ctx, a.stopTimer = context.WithTimeout(a.ctx, s.Timeout)
			}
			if searching[cmd.Name()] && isTerminal(a.stderr) {
				stopNotice := stillWorking(a.stderr, workingAfter, s.Timeout)
				stopTimer := a.stopTimer
				a.stopTimer = func() { stopNotice(); stopTimer() }
			}
			return nil
		},
	}
	// --version is what a student tries first; it says what 'negsim version' says.
	root.Version = versionLine()
	root.Flags().BoolP("version", "v", false, "print negsim's version, as 'negsim version' does")
	root.SetVersionTemplate("{{.Version}}\n")
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		if twice := (*variantTwiceError)(nil); errors.As(err, &twice) {
			return usagef("%s", twice)
		}
		if what := flagTakes(err); what != "" {
			return usagef("%s", what)
		}
		return usagef("%v%s", err, flagHint(c, err))
	})
	config.RegisterFlags(root.PersistentFlags())
	_ = root.RegisterFlagCompletionFunc("format", completeFormat)
	root.PersistentFlags().BoolVar(&a.wide, "wide", false, "print tables at full width even when they are wider than the terminal")
	root.PersistentFlags().IntVar(&a.width, "width", 0, "fit tables to this many columns, also in files and pipes (default: the terminal's width on a terminal)")
	root.AddCommand(a.analyzeCommand(), a.validateCommand(), a.explainCommand(), a.listCommand(), a.roundsCommand(),
		a.sweepCommand(), a.monteCarloCommand(), a.compareCommand(),
		a.newCommand(), a.schemaCommand(), a.importCommand(), a.exportCommand(), a.versionCommand(),
		a.briefCommand(), a.scoreCommand(), a.debriefCommand(), a.reportCommand(), a.paramsCommand(), a.sensitivityCommand(),
		a.playCommand(), a.serveCommand())
	return root
}

// refuseUnknownShells makes cobra's own completion command say which shells exist: by
// itself it printed its help and exited 0 for a misspelt one ("completion bsh"). It runs
// after SetOut, since the scripts are written to the writer set when the command is made.
func refuseUnknownShells(root *cobra.Command) {
	root.InitDefaultCompletionCmd()
	for _, c := range root.Commands() {
		if c.Name() != "completion" {
			continue
		}
		var shells []string
		for _, sub := range c.Commands() {
			shells = append(shells, sub.Name())
		}
		c.Args = cobra.ArbitraryArgs
		c.RunE = func(_ *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usagef("completion needs a shell: %s", strings.Join(shells, ", "))
			}
			return usagef("no shell %q;%s valid: %s", args[0], sim.DidYouMean(args[0], shells), strings.Join(shells, ", "))
		}
	}
}

// withTimeout is the context a command computes under: it ends at the --timeout set when
// the command started, at Ctrl-C, or when the command returns.
func (a *app) withTimeout() (context.Context, context.CancelFunc) {
	return context.WithCancel(a.ctx)
}

// variantFlag is --variant, which names one variant. Given twice, the first was dropped
// without a word, where a student who wrote --variant hawkish --variant sanctions meant
// both; FILE#VARIANT beside a --variant is refused likewise.
type variantFlag struct{ name *string }

func (f variantFlag) String() string {
	if f.name == nil {
		return ""
	}
	return *f.name
}

func (f variantFlag) Set(v string) error {
	if *f.name != "" && *f.name != v {
		return &variantTwiceError{*f.name, v}
	}
	*f.name = v
	return nil
}

func (variantFlag) Type() string { return "string" }

// variantTwiceError is --variant given two variants.
type variantTwiceError struct{ first, second string }

func (e *variantTwiceError) Error() string {
	return fmt.Sprintf("--variant is given twice (%s, then %s): negsim applies one variant; give the other's changes as --set, which negsim params lists", e.first, e.second)
}

// whatIf holds the flags every command that takes a scenario shares.
type whatIf struct {
	variant string
	sets    []string
}

func (w *whatIf) register(cmd *cobra.Command) {
	cmd.Flags().Var(variantFlag{&w.variant}, "variant", "apply one of the scenario's variants (also FILE#VARIANT)")
	cmd.Flags().StringArrayVar(&w.sets, "set", nil, "override a value, e.g. --set actors.russia.reservation=0.4 (repeatable; applied after --variant)")
	_ = cmd.RegisterFlagCompletionFunc("variant", completeVariant)
	_ = cmd.RegisterFlagCompletionFunc("set", completeSetPath)
	if cmd.ValidArgsFunction == nil {
		cmd.ValidArgsFunction = completeScenarioArg(1)
	}
}

// openScenario loads a scenario and applies the what-ifs asked for. FILE#VARIANT names a
// variant inside the file; a path that exists with a # in its name is taken as it is.
func (a *app) openScenario(arg string, w whatIf) (*config.Document, error) {
	// --set PATH VALUE (a space for the =) leaves VALUE as the file argument: say so before
	// looking for a file named 0.6.
	for _, s := range w.sets {
		if !strings.Contains(s, "=") {
			if arg != "" && !exists(arg) && !isShipped(arg) {
				return nil, usagef("--set %s: write PATH=VALUE as one word; did you mean --set %s=%s? (%q was read as the scenario file)", s, s, arg, arg)
			}
			// The example is the path as typed: another scenario's path would not be
			// one this scenario has.
			return nil, usagef("--set %s: write PATH=VALUE as one word, as in --set %s=VALUE", s, s)
		}
	}
	variant, typed := w.variant, ""
	if file, v, ok := fileAndVariant(arg); ok {
		if variant != "" && variant != v {
			return nil, usagef("%s names variant %q but --variant says %q; give one", arg, v, variant)
		}
		typed = arg
		arg, variant = file, v
	}
	name, data, err := a.readScenario(arg)
	if err != nil {
		return nil, err
	}
	var sets []config.Override
	for _, s := range w.sets {
		o, err := config.ParseOverride(s)
		if err != nil {
			return nil, err
		}
		sets = append(sets, o)
	}
	doc, err := config.OpenContext(a.ctx, name, data, variant, sets)
	// A variant typed as FILE#VARIANT, on compare for one, where there is no --variant to
	// blame, is named as it was typed.
	var missing *sim.PathError
	if typed != "" && errors.As(err, &missing) && missing.Path == "variants" {
		return nil, usagef("%s: %s", typed, missing.Msg)
	}
	return doc, err
}

// fileAndVariant splits FILE#VARIANT, the form every command takes for a variant, unless a
// file of that whole name exists. It splits at the last '#', which no variant id holds: a
// teacher's "group #2.yaml" is a file name.
func fileAndVariant(arg string) (file, variant string, ok bool) {
	if i := strings.LastIndexByte(arg, '#'); i >= 0 && !exists(arg) {
		return arg[:i], arg[i+1:], true
	}
	return arg, "", false
}

// openDocument opens the scenario of a command that writes one document (debrief, report)
// and the format the document takes: -o's extension, else --format. Both are checked
// before any search, so a misnamed -o costs nothing.
func (a *app) openDocument(file string, w whatIf, out string) (*config.Document, string, error) {
	doc, err := a.openScenario(file, w)
	if err != nil {
		return nil, "", err
	}
	format, err := documentFormat(out, a.settings.Format)
	if err != nil {
		return nil, "", err
	}
	return doc, format, nil
}

// flagHint suggests the flag an unknown --flag was probably meant to be: --strcit is
// --strict.
func flagHint(c *cobra.Command, err error) string {
	listing := "; '" + c.CommandPath() + " --help' lists the flags"
	// -o where a command prints its answer: what saves it is the shell's >, or a document.
	if strings.HasPrefix(err.Error(), "unknown shorthand flag: 'o' in ") || err.Error() == "unknown flag: --output" {
		switch {
		// play writes its session with --transcript; score only reads one with it.
		case c.Name() == "play":
			return fmt.Sprintf("; %s keeps the session in a file with --transcript FILE", c.CommandPath())
		// new's file is its argument, as in cp or touch.
		case c.Name() == "new":
			return fmt.Sprintf("; %s writes the file it is given: %s FILE --issues ... --actors ...", c.CommandPath(), c.CommandPath())
		case c.HasParent() && c.Name() != "new":
			hint := fmt.Sprintf("; %s prints its answer: save it with >, as in %s --format csv > answer.csv", c.CommandPath(), c.CommandPath())
			switch {
			case c.Name() == "score":
				// A class's scores are handed round as the debrief, not as a report.
				hint += ", or write the class's deals as one document with negsim debrief --deals FILE -o debrief.html"
			case c.Flags().Lookup("variant") != nil:
				hint += ", or write one document to hand in with negsim report -o report.html"
			}
			return hint
		}
	}
	if strings.HasPrefix(err.Error(), "unknown shorthand flag: ") {
		return listing
	}
	given, ok := strings.CutPrefix(err.Error(), "unknown flag: --")
	if !ok {
		return ""
	}
	var names []string
	c.Flags().VisitAll(func(f *pflag.Flag) { names = append(names, f.Name) })
	c.InheritedFlags().VisitAll(func(f *pflag.Flag) { names = append(names, f.Name) })
	hint := sim.DidYouMean(given, names)
	if hint == "" {
		return listing
	}
	return ";" + strings.Replace(hint, `"`, `"--`, 1)
}

// valueKinds says, by pflag's name for a flag's type, what a value of that flag looks like.
var valueKinds = map[string]string{
	"int":      "a whole number",
	"int64":    "a whole number",
	"uint":     "a whole number, 0 or more",
	"uint64":   "a whole number, 0 or more",
	"float64":  "a number, such as 0.45",
	"duration": "a duration with its unit, such as 30s or 2m",
	"bool":     "true or false",
}

// flagTakes says what a flag takes when its value does not parse, in the form the
// commands' own range checks use ("--draws -5: give 1 to 1000000"): pflag's message
// ends in Go's parser ("strconv.ParseUint: parsing "abc": invalid syntax"), which names
// nothing a student can act on. It is "" for every other error.
func flagTakes(err error) string {
	var bad *pflag.InvalidValueError
	if !errors.As(err, &bad) {
		return ""
	}
	kind, ok := valueKinds[bad.GetFlag().Value.Type()]
	if !ok {
		return ""
	}
	var problem numberProblem
	if errors.As(err, &problem) {
		return fmt.Sprintf("--%s %s: %s", bad.GetFlag().Name, bad.GetValue(), problem)
	}
	takes := fmt.Sprintf("--%s %s: give %s", bad.GetFlag().Name, bad.GetValue(), kind)
	// 18446744073709551616 for --seed is a whole number, 0 or more: what is wrong with it
	// is its size.
	if limits, ok := valueLimits[bad.GetFlag().Value.Type()]; ok && errors.Is(err, strconv.ErrRange) {
		if strings.HasPrefix(strings.TrimSpace(bad.GetValue()), "-") {
			return takes + "; this one is below the smallest negsim can hold, " + limits[0]
		}
		return takes + "; this one is beyond the largest negsim can hold, " + limits[1]
	}
	return takes
}

// valueLimits are the smallest and largest values a number flag of each type holds.
var valueLimits = map[string][2]string{
	"int":     {strconv.Itoa(math.MinInt), strconv.Itoa(math.MaxInt)},
	"int64":   {strconv.FormatInt(math.MinInt64, 10), strconv.FormatInt(math.MaxInt64, 10)},
	"uint":    {"0", strconv.FormatUint(math.MaxUint, 10)},
	"uint64":  {"0", strconv.FormatUint(math.MaxUint64, 10)},
	"float64": {"about -1.8e308", "about 1.8e308"},
}

// nearFile is a file in the same folder whose name is one slip from path's, as a
// did-you-mean: tlaks.yaml for talks.yaml.
func nearFile(path string) string {
	dir, base := filepath.Split(path)
	folder := dir
	if folder == "" {
		folder = "."
	}
	entries, err := os.ReadDir(folder)
	if err != nil {
		return ""
	}
	var names []string
	for _, e := range entries {
		if !e.IsDir() && len(names) < 1000 {
			names = append(names, e.Name())
		}
	}
	// A name typed without its extension is too far from the file's for a spelling
	// suggestion: "garden" is five letters short of "garden.yaml".
	for _, ext := range []string{".yaml", ".yml", ".json"} {
		if slices.Contains(names, base+ext) {
			return fmt.Sprintf(" did you mean %q?", dir+base+ext)
		}
	}
	if hint := sim.DidYouMean(base, names); hint != "" {
		return strings.Replace(hint, `"`, `"`+dir, 1)
	}
	return ""
}

// isShipped reports whether arg names a shipped scenario, with or without #VARIANT.
func isShipped(arg string) bool {
	name := arg
	if file, _, ok := fileAndVariant(arg); ok {
		name = file
	}
	_, ok := scenarios.Read(name)
	return ok
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

func isDir(path string) bool {
	info, err := os.Stat(path)
	return err == nil && info.IsDir()
}

// loadScenario opens a scenario by path or shipped name; "" is the shipped default.
func (a *app) loadScenario(arg string) (*config.Document, error) {
	name, data, err := a.readScenario(arg)
	if err != nil {
		return nil, err
	}
	return config.LoadContext(a.ctx, name, data)
}

// readError says why a file the user named cannot be read, once: "cannot read a.yaml:
// permission denied", not the system's "open a.yaml: permission denied" after the name.
func readError(path string, err error) error {
	var pathErr *fs.PathError
	if errors.As(err, &pathErr) {
		err = pathErr.Err
	}
	if errors.Is(err, fs.ErrPermission) {
		return usagef("cannot read %s: permission denied (the file's permissions do not let you read it)", path)
	}
	return usagef("cannot read %s: %v", path, err)
}

// readScenario reads a scenario file by path or shipped name, and says how to call it.
func (a *app) readScenario(arg string) (string, []byte, error) {
	if arg == "" {
		arg = scenarios.Default
	}
	data, err := a.readInput(arg)
	switch {
	case err == nil && arg == "-":
		return config.StandardInput, data, nil
	case err == nil:
		return arg, data, nil
	case errors.Is(err, sim.ErrBadInput), errors.Is(err, config.ErrUsage), stopped(err):
		return "", nil, err
	case !errors.Is(err, fs.ErrNotExist):
		return "", nil, readError(arg, err)
	}
	if shipped, ok := scenarios.Read(arg); ok {
		return strings.TrimSuffix(arg, ".yaml") + ".yaml", shipped, nil
	}
	if dest, err := os.Readlink(arg); err == nil {
		return "", nil, usagef("%s is a link to %s, which does not exist; give the file itself, or make the link again", arg, dest)
	}
	hint := nearFile(arg)
	if hint == "" {
		hint = sim.DidYouMean(strings.TrimSuffix(arg, ".yaml"), scenarios.Names())
	}
	if hint == "" {
		hint = shippedNameHolding(strings.TrimSuffix(arg, ".yaml"))
	}
	if hint == "" {
		hint = shippedVariantNamed(arg)
	}
	return "", nil, usagef("no file %q, and no shipped scenario of that name;%s 'negsim list' shows the shipped ones", arg, hint)
}

// shippedNameHolding suggests the one shipped scenario whose name holds the words typed,
// as a student shortens it: "ukraine" for ukraine-2026, "two-party" for teaching-two-party.
// A word that several names hold ("teaching") suggests none.
func shippedNameHolding(typed string) string {
	var holding []string
	for _, name := range scenarios.Names() {
		if typed != "" && strings.Contains("-"+name+"-", "-"+strings.ToLower(typed)+"-") {
			holding = append(holding, name)
		}
	}
	if len(holding) != 1 {
		return ""
	}
	return fmt.Sprintf(" did you mean %q?", holding[0])
}

// shippedVariantNamed suggests FILE#VARIANT for a variant of a shipped scenario typed where
// the scenario goes ('negsim analyze sanctions-bite'), when one shipped scenario has it.
func shippedVariantNamed(word string) string {
	var holding []string
	for _, name := range scenarios.Names() {
		if hasVariant(completionScenario(name), word) {
			holding = append(holding, name)
		}
	}
	if len(holding) != 1 {
		return ""
	}
	return fmt.Sprintf(" %s is a variant of the shipped %s: did you mean %q?", word, holding[0], holding[0]+"#"+word)
}

func hasVariant(sc *sim.Scenario, id string) bool {
	return sc != nil && slices.ContainsFunc(sc.Variants, func(v sim.Variant) bool { return v.ID == id })
}

// emit renders output aside first (see spool), so that an error or an interrupt half-way
// never leaves half a report on the screen or in a redirected file.
func (a *app) emit(render func(w io.Writer) error) error {
	var s spool
	defer s.discard()
	if err := sized(a.outputWidth(), render)(&s); err != nil {
		return err
	}
	return s.copyTo(a.stdout)
}

// compile prints a document's warnings and returns its compiled scenario, the start of
// every command that searches the deals. The document was validated when it was opened.
func (a *app) compile(doc *config.Document) *sim.Space {
	a.warn(doc)
	return doc.Space
}

// search is compile with the context the search runs under (see withTimeout); the caller
// cancels it when done.
func (a *app) search(doc *config.Document) (*sim.Space, context.Context, context.CancelFunc) {
	sp := a.compile(doc)
	ctx, cancel := a.withTimeout()
	return sp, ctx, cancel
}

// emitTo writes the output to the file out (whole or not at all), or to standard output
// when out is "". private output (a role's confidential brief) is created readable by its
// owner only.
func (a *app) emitTo(out string, private bool, render func(w io.Writer) error) error {
	if out != "" {
		// A file keeps the full tables unless --width asks otherwise.
		width := a.width
		if a.wide {
			width = 0
		}
		return a.writeFile(out, private, sized(width, render))
	}
	return a.emit(render)
}

// warn prints what may be wrong with a scenario beside a command's output: not the notes on
// style, which validate shows, and no more than a few, which would bury the output.
func (a *app) warn(doc *config.Document) {
	a.warnAbout(doc, "", nil)
}

// warnPlaceholders says, in validate's words, that the file still holds text of negsim
// new's starter: a brief would hand "Placeholder: ..." to the class, and the other
// commands that show the scenario to a class would read it out, without a word. warn
// leaves these out, as notes on style that most commands need not repeat. Three are named,
// as warn names three.
func (a *app) warnPlaceholders(doc *config.Document) {
	const shown = 3
	var left sim.Diagnostics
	for _, w := range doc.Warnings {
		if w.Placeholder {
			left = append(left, w)
		}
	}
	for i, w := range left {
		if i == shown {
			fmt.Fprintf(a.stderr, "warning: %d more placeholders; negsim validate %s lists them all\n", len(left)-shown, api.CommandWord(doc.Name))
			break
		}
		fmt.Fprintf(a.stderr, "warning: %s\n", w)
	}
}

// warnRun prints the warnings a run of the talks found, but not those the scenario's own
// warnings, printed when it was compiled, already gave: an event after the file's own
// deadline is both.
func (a *app) warnRun(doc *config.Document, notes sim.Diagnostics) {
	for _, note := range notes {
		if !slices.ContainsFunc(doc.Warnings, func(w sim.Diagnostic) bool { return w.Path == note.Path && w.Message == note.Message }) {
			fmt.Fprintf(a.stderr, "warning: %s\n", doc.ErrorAt(note))
		}
	}
}

// warnAbout is warn for one of several scenarios a command reads: each warning is headed by
// side ("A: "), and those of earlier (the same file's, already printed) are left out.
func (a *app) warnAbout(doc *config.Document, side string, earlier sim.Diagnostics) sim.Diagnostics {
	const shown = 3
	var warnings sim.Diagnostics
	for _, w := range doc.Warnings.Shown() {
		if !slices.ContainsFunc(earlier, func(e sim.Diagnostic) bool { return e.String() == w.String() }) {
			warnings = append(warnings, w)
		}
	}
	for i, w := range warnings {
		if i == shown {
			fmt.Fprintf(a.stderr, "warning: %s%d more; %s\n", side, len(warnings)-shown, listsWarnings(doc))
			break
		}
		fmt.Fprintf(a.stderr, "warning: %s%s\n", side, w)
	}
	return warnings
}

// listsWarnings says which command lists every warning of the scenario as it is run: the
// file's, validate; under a variant or --set, whose warnings validate of the file alone
// does not give, analyze of the same what-if in JSON.
func listsWarnings(doc *config.Document) string {
	if doc.Variant == "" && len(doc.Overrides) == 0 {
		return "negsim validate " + api.CommandWord(doc.Name) + " lists them all"
	}
	words := []string{"negsim analyze", api.CommandWord(doc.Name)}
	if doc.Variant != "" {
		words = append(words, "--variant", api.CommandWord(doc.Variant))
	}
	for _, o := range doc.Overrides {
		words = append(words, "--set", api.CommandWord(o))
	}
	return strings.Join(append(words, "--format json"), " ") + ` lists them all, under "warnings"`
}

const (
	// formatsAnnotation on a command lists the formats it writes, when it writes fewer
	// than --format names; formatsWhy says why, in place of the list.
	formatsAnnotation = "negsim-formats"
	formatsWhy        = "negsim-formats-why"
)

// writesFormats annotates a command that writes only the formats given (none: it writes
// one kind of file whatever the format), with why, when the list alone would not say.
func writesFormats(why string, formats ...string) map[string]string {
	return map[string]string{formatsAnnotation: strings.Join(formats, " "), formatsWhy: why}
}

// refuseUnwrittenFormat refuses a --format typed for a command that does not write it: the
// command's own output in its place reads as if the flag had been taken. A format from the
// environment or a settings file is meant for the commands that report, and is not refused.
func refuseUnwrittenFormat(cmd *cobra.Command, format string) error {
	f := cmd.Flags().Lookup("format")
	if f == nil || !f.Changed {
		return nil
	}
	written, ok := cmd.Annotations[formatsAnnotation]
	if !ok {
		return nil
	}
	formats := strings.Fields(written)
	switch {
	case slices.Contains(formats, format):
		return nil
	case cmd.Annotations[formatsWhy] != "":
		return usagef("--format %s: %s", format, cmd.Annotations[formatsWhy])
	}
	return usagef("--format %s: %s writes %s", format, cmd.Name(), sim.JoinWords(formats, "or"))
}
