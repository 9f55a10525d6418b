package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/negsim/negsim/api"
	"github.com/negsim/negsim/config"
	"github.com/negsim/negsim/interop"
	"github.com/negsim/negsim/sim"
)

// importReport is what import says after writing a scenario to a file.
type importReport struct {
	File      string   `json:"file"`
	Format    string   `json:"format"`
	Scale     string   `json:"scale,omitempty"`
	RealSteps int      `json:"real_steps,omitempty"`
	Sources   []string `json:"sources"`
	Issues    int      `json:"issues"`
	Actors    []string `json:"actors"`
	// Deals is null past 2^64 deals, which negsim cannot count.
	Deals *uint64 `json:"deals"`
}

func (a *app) importCommand() *cobra.Command {
	var out string
	cmd := &cobra.Command{
		Use:   "import genius|geniusweb FILE|DIR...",
		Short: "Read GENIUS or GeniusWeb domains and profiles as a negsim scenario",
		Long: `import reads the negotiation domains of the automated-negotiation community (GENIUS,
GeniusWeb, the ANAC competitions, NegMAS) and writes a negsim scenario with one actor per
profile. Every translated value carries a note saying how it was translated.

Without -o the scenario goes to stdout as YAML; with -o it is written to that file (whole
or not at all) and stdout gets a summary in --format.`,
		Example: `  negsim import genius camera_domain.xml camera_buyer_utility.xml camera_seller_utility.xml -o camera.yaml
  negsim import genius --scale raw camera_domain.xml camera_buyer_utility.xml camera_seller_utility.xml
  negsim import geniusweb jobs1.json jobs2.json -o jobs.yaml`,
		// Without this, a misspelt format ("genus") or none printed the help and exited 0,
		// as if the import had worked.
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usagef("import needs a format, genius or geniusweb, then the files; see negsim import --help")
			}
			if format, rest := formatAmong(args); format != "" && exists(args[0]) {
				return usagef("%s is not a format: name the format first, as in negsim import %s %s", args[0], format, typedWords(rest, out))
			}
			if format := formatOfFiles(args[0]); format != "" {
				return usagef("%s is not a format: name the format first, as in negsim import %s %s", args[0], format, typedWords(args, out))
			}
			if exists(args[0]) {
				return usagef("%s is not a format: name the format first, as in negsim import genius %s for GENIUS's XML files or negsim import geniusweb %[2]s for GeniusWeb's JSON", args[0], typedWords(args, out))
			}
			return usagef("unknown format %q;%s valid: \"genius\" or \"geniusweb\"", args[0], sim.DidYouMean(args[0], []string{"genius", "geniusweb"}))
		},
	}
	cmd.PersistentFlags().StringVarP(&out, "output", "o", "", "write the scenario to this file instead of stdout")

	var scale string
	var steps, rounds int
	genius := &cobra.Command{
		Use:   "genius DOMAIN.xml PROFILE.xml... | DIR",
		Short: "Read a GENIUS XML domain and its profiles",
		Long: `genius reads a GENIUS 10.x domain and one or more profiles (utility spaces). The
domain may stand anywhere among the files (negsim tells it by its lack of weights), and
the actors follow the profiles' order. A folder stands for its .xml files in name order,
so 'negsim import genius exported' reads the folder export wrote; a pattern such as
exported/*.xml is expanded by negsim when the shell has not.
Discrete issues keep their values in the domain's order; integer issues become one option
per integer; real issues become --real-steps equally spaced values (21, as GENIUS does).
The discount factor becomes a per-round reservation_drift over --rounds (20; a GENIUS
profile holds no deadline, so give the rounds an export says it was written over).

GENIUS divides each issue's evaluations by the issue's largest; NegMAS reads them raw.
--scale genius (the default) applies GENIUS's reading. --scale raw keeps the evaluations
as written, divided by one factor for the whole scenario so that utilities fit in [0,1];
each actor records that factor as utility_scale (raw = utility × utility_scale).`,
		Example: `  negsim import genius party_domain.xml party1_utility.xml party2_utility.xml -o party.yaml
  negsim import genius party-genius -o party-again.yaml
  negsim import genius --scale raw camera_domain.xml camera_buyer_utility.xml camera_seller_utility.xml -o camera.yaml`,
		Args: atLeast(1, "a domain and at least one profile, or the folder that holds them"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if !slices.Contains(interop.Scales, scale) {
				return usagef("--scale %q: valid are %q (each issue divided by its best evaluation, as GENIUS reads it) and %q (evaluations as written, as NegMAS reads them)", scale, interop.ScaleGenius, interop.ScaleRaw)
			}
			if steps < 2 || steps > sim.MaxOptions {
				// More options than a scenario may hold can never load, and the reader's
				// work grows faster than the steps: a million took hours.
				return usagef("--real-steps %d: give 2 to %d, the most options an issue may have", steps, sim.MaxOptions)
			}
			if rounds < 2 || rounds > sim.MaxRounds {
				return usagef("--rounds %d: give 2 to %d, the rounds over which a discount factor becomes a reservation_drift", rounds, sim.MaxRounds)
			}
			return a.importFiles(cmd, args, 2, out, importReport{Format: "genius", Scale: scale, RealSteps: steps}, func(files []interop.File) (*sim.Scenario, error) {
				files = interop.DomainFirst(files)
				return interop.ReadGenius(files[0], files[1:], interop.GeniusOptions{Scale: scale, RealSteps: steps, Rounds: rounds})
			})
		},
	}
	genius.Flags().StringVar(&scale, "scale", interop.ScaleGenius, "how to read evaluations: genius (each issue ÷ its best) or raw (as written, as NegMAS does)")
	genius.Flags().IntVar(&steps, "real-steps", interop.DefaultRealSteps, "options a real-valued issue becomes")
	genius.Flags().IntVar(&rounds, "rounds", interop.DefaultRounds, "the deadline over which a discount factor becomes a reservation_drift")

	geniusweb := &cobra.Command{
		Use:   "geniusweb PROFILE.json... | DIR",
		Short: "Read GeniusWeb linear additive profiles",
		Long: `geniusweb reads GeniusWeb LinearAdditiveUtilitySpace profiles (with
DiscreteValueSetUtilities and NumberValueSetUtilities). Each profile carries its domain;
all must carry the same one. A number range becomes one option per step. A bare domain
file (with issuesValues) may be given too: it is checked against the profiles. GeniusWeb's
reservation bid becomes the reservation value it is worth. A folder stands for its .json
files in name order.`,
		Example: `  negsim import geniusweb jobs1.json jobs2.json -o jobs.yaml
  negsim import geniusweb ukraine-geniusweb -o ukraine-again.yaml`,
		Args: atLeast(1, "at least one profile, or the folder that holds them"),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.importFiles(cmd, args, 1, out, importReport{Format: "geniusweb"}, interop.ReadGeniusWeb)
		},
	}
	cmd.AddCommand(genius, geniusweb)
	return cmd
}

// importFiles reads the files the words name (at least need of them), translates them
// with read and writes the scenario they make to out; rep says in which format they were
// read.
func (a *app) importFiles(cmd *cobra.Command, words []string, need int, out string, rep importReport, read func([]interop.File) (*sim.Scenario, error)) error {
	// --format is the summary's, which comes with -o; without -o the scenario alone is
	// written, in YAML.
	if f := cmd.Flags().Lookup("format"); out == "" && f != nil && f.Changed {
		return usagef("--format %s: without -o, import writes the scenario itself, in YAML, which every command reads; with -o FILE it writes the scenario there and a summary in --format", a.settings.Format)
	}
	ext := importExtension[rep.Format]
	paths, err := filesNamed(words, ext+" file", func(name string) bool { return strings.EqualFold(filepath.Ext(name), ext) })
	if err != nil {
		return err
	}
	if len(paths) < need {
		return usagef("%s needs a domain and at least one profile, and %s names only %s; see negsim %s --help", cmd.CommandPath(), strings.Join(words, " "), strings.Join(paths, ", "), strings.TrimPrefix(cmd.CommandPath(), "negsim "))
	}
	files, err := a.readFiles(paths)
	if err != nil {
		return err
	}
	sc, err := config.Aside(a.ctx, func() (*sim.Scenario, error) { return read(files) })
	if err != nil {
		return importError(err)
	}
	rep.Sources = paths
	return a.writeImport(sc, out, rep)
}

// formatOfFiles is the format of the file, or of the folder's files, that word names by
// their ending; "" when it names none or they say nothing.
func formatOfFiles(word string) string {
	names := []string{word}
	if entries, err := os.ReadDir(word); err == nil {
		names = names[:0]
		for _, e := range entries {
			names = append(names, e.Name())
		}
	} else if !exists(word) {
		return ""
	}
	found := ""
	for _, name := range names {
		for format, ext := range importExtension {
			if strings.EqualFold(filepath.Ext(name), ext) {
				if found != "" && found != format {
					return ""
				}
				found = format
			}
		}
	}
	return found
}

// typedWords writes the file words of a command line, and the -o given, as they are typed
// in a shell.
func typedWords(words []string, out string) string {
	quoted := make([]string, 0, len(words)+2)
	for _, w := range words {
		quoted = append(quoted, api.CommandWord(w))
	}
	if out != "" {
		quoted = append(quoted, "-o", api.CommandWord(out))
	}
	return strings.Join(quoted, " ")
}

// formatAmong finds a format typed after the files it is for (negsim export big.yaml
// genius): the format, and the other words in their order; "" when no word is a format.
func formatAmong(words []string) (string, []string) {
	for i, w := range words {
		if _, ok := importExtension[w]; ok {
			return w, slices.Delete(slices.Clone(words), i, i+1)
		}
	}
	return "", words
}

// importExtension is the ending of each format's files, by which a folder's are chosen.
var importExtension = map[string]string{"genius": ".xml", "geniusweb": ".json"}

// readFiles reads the files named on the command line, each under the size limit.
func (a *app) readFiles(paths []string) ([]interop.File, error) {
	var files []interop.File
	for _, p := range paths {
		data, err := a.readUserFile(p)
		if err != nil {
			return nil, err
		}
		// Not Text: an XML file may declare an encoding other than UTF-8.
		if data, err = config.DecodeText(p, data); err != nil {
			return nil, err
		}
		files = append(files, interop.File{Name: p, Data: data})
	}
	return files, nil
}

// importError leaves a problem in another tool's file as the diagnostics every bad input
// file gets, so it prints as file:line: message and exits 2; anything else is a usage error.
func importError(err error) error {
	if errors.Is(err, sim.ErrBadInput) || stopped(err) {
		return err
	}
	return usagef("%v", err)
}

func (a *app) writeImport(sc *sim.Scenario, out string, rep importReport) error {
	data, err := config.Aside(a.ctx, func() ([]byte, error) { return config.Marshal(sc) })
	if err != nil {
		return err
	}
	name := out
	if name == "" {
		name = "stdout"
	}
	// The written file must load as any scenario does; check before anyone relies on it.
	doc, err := config.LoadContext(a.ctx, name, data)
	if stopped(err) {
		return err
	}
	if err != nil {
		return fmt.Errorf("the imported scenario does not load back: %w", err)
	}
	if err := a.ctx.Err(); err != nil {
		return err
	}
	if out == "" {
		return a.emit(func(w io.Writer) error {
			_, err := w.Write(data)
			return err
		})
	}
	if err := a.writeFile(out, false, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	}); err != nil {
		return err
	}
	sp := doc.Space
	rep.File = out
	rep.Issues = len(sc.Issues)
	for _, act := range sc.Actors {
		rep.Actors = append(rep.Actors, act.ID)
	}
	if deals, countable := sp.Deals(); countable {
		rep.Deals = &deals
	}
	return a.show(importView(rep))
}

func importView(rep importReport) view {
	// In CSV each cell holds one value that a spreadsheet sorts and filters: a row per file
	// read and per actor, and the deals as a plain number.
	summary := func(csv bool) *grid {
		g := &grid{header: []string{"field", "value"}}
		g.add("file", rep.File)
		g.add("format", rep.Format)
		if rep.Scale != "" {
			g.add("scale", rep.Scale)
			g.add("real steps", fmt.Sprint(rep.RealSteps))
		}
		if csv {
			for _, src := range rep.Sources {
				g.add("read", src)
			}
		} else {
			g.add("read", strings.Join(rep.Sources, ", "))
		}
		g.add("issues", fmt.Sprint(rep.Issues))
		deals := "more than 1.8e19, more than negsim can count: merge values or drop issues to analyse it"
		if csv {
			for _, id := range rep.Actors {
				g.add("actor", id)
			}
			if rep.Deals != nil {
				deals = fmt.Sprint(*rep.Deals)
			}
		} else {
			g.add("actors", strings.Join(rep.Actors, ", "))
			if rep.Deals != nil {
				deals = count(*rep.Deals)
			}
		}
		g.add("deals", deals)
		return g
	}
	return view{
		json: jsonOf(nil, rep),
		csv:  csvOf(func() *grid { return summary(true) }),
		report: plainReport(func() *report {
			r := &report{title: "Imported " + rep.File}
			r.add(section{grid: summary(false)})
			return r
		}),
	}
}

// atLeast checks the number of file arguments, as a usage error saying what is missing.
func atLeast(n int, what string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) < n {
			return usagef("%s needs %s; see negsim %s --help", cmd.CommandPath(), what, strings.TrimPrefix(cmd.CommandPath(), "negsim "))
		}
		return nil
	}
}
