package main

import (
	"io"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/negsim/negsim/config"
	"github.com/negsim/negsim/sim"
)

func (a *app) briefCommand() *cobra.Command {
	var actor, out string
	var all bool
	var w whatIf
	cmd := &cobra.Command{
		Use:   "brief [FILE]",
		Short: "Write role sheets for a role-play: the public brief, each role's confidential instructions and the deal sheet",
		Long: `brief writes what a player reads before the talks. The public part is the same for
everyone: the situation (the scenario's description), the issues and their options, the
parties as the scenario describes them, and the sources. A role's brief adds, for that role
only, its confidential instructions: how much each issue matters to it (its weights as
shares), what each option is worth to it in points (a deal is worth the sum of its options'
points, at most 100), its red lines and conditions with the reasons given, the points below
which it should walk away (its reservation × 100), and where its numbers come from.

Nothing of another actor's weights, utilities, red lines, reservation, sources or notes
appears in a role's brief: it is built from the public entries and that actor's own.

Without --actor, brief writes the public brief. With --all -o DIR it writes the public brief
as DIR/public.EXT and one DIR/role-ACTOR.EXT per actor, all rendered before any is written;
in HTML or Markdown also DIR/deal-sheet.EXT, the sheet each table writes its deal on, with
the ids the deals file of 'negsim debrief' takes. The format follows -o's extension (.html,
.md, .json, .txt), else --format; for --all, --format html gives .html, json .json, and
markdown or table .md.`,
		Example: `  negsim brief --actor ukraine
  negsim brief --actor russia --format html -o russia.html
  negsim brief --variant sanctions-bite --all -o briefs --format html`,
		Args: args(cobra.MaximumNArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			if all && actor != "" {
				return usagef("--all writes every role's brief; give --all or --actor, not both")
			}
			if all && out == "" {
				return usagef("--all needs -o DIR, the folder to write the briefs into")
			}
			return a.brief(argOr(args), w, actor, all, out)
		},
	}
	cmd.Flags().StringVar(&actor, "actor", "", "the role to brief (an actor id); without it, the public brief")
	_ = cmd.RegisterFlagCompletionFunc("actor", completeActor)
	cmd.Flags().BoolVar(&all, "all", false, "write the public brief and every role's brief into the folder -o names")
	cmd.Flags().StringVarP(&out, "output", "o", "", "write to this file (or folder, with --all) instead of standard output")
	w.register(cmd)
	return cmd
}

func (a *app) brief(file string, w whatIf, actor string, all bool, out string) error {
	doc, err := a.openScenario(file, w)
	if err != nil {
		return err
	}
	sc := doc.Scenario
	a.warn(doc)
	a.warnPlaceholders(doc)
	if all {
		format, ext, err := briefSetFormat(a.settings.Format)
		if err != nil {
			return err
		}
		return a.writeBriefSet(doc, out, format, ext)
	}
	b := sim.PublicBrief(sc)
	if actor != "" {
		i, err := actorArg("--actor", actor, sc, doc.Name)
		if err != nil {
			return err
		}
		b = sim.RoleBrief(sc, i)
	}
	if out != "" && filepath.Ext(out) == "" {
		problem := "-o " + out + ": a brief is one file: end its name in .html, .md, .json or .txt"
		if actor != "" {
			return usagef("%s", problem)
		}
		// Without --actor, a name with no extension is most often the folder of a class's
		// briefs, written without the --all that writes them there.
		return usagef("%s; to write the public brief and every role's brief into the folder %s, add --all", problem, out)
	}
	format, err := documentFormat(out, a.settings.Format)
	if err != nil {
		return err
	}
	if format == "csv" {
		return usagef("a brief has no single table to write as CSV; use --format markdown, html or json")
	}
	render := func(w io.Writer) error { return briefView(doc, b).render(w, format) }
	return a.emitTo(out, actor != "", render)
}

// actorArg finds the actor a flag names, or says which ids are valid.
func actorArg(flag, id string, sc *sim.Scenario, file string) (int, error) {
	if i := sc.ActorIndex(id); i >= 0 {
		return i, nil
	}
	ids := make([]string, len(sc.Actors))
	for i := range sc.Actors {
		ids[i] = sc.Actors[i].ID
	}
	return -1, usagef("%s %s: no such actor in %s;%s valid: %s", flag, id, file, sim.DidYouMean(id, ids), strings.Join(ids, ", "))
}

func briefSetFormat(setting string) (format, ext string, err error) {
	switch setting {
	case "html":
		return "html", ".html", nil
	case "json":
		return "json", ".json", nil
	case "markdown", "table":
		return "markdown", ".md", nil
	}
	return "", "", usagef("--format %s: briefs are written as html, markdown or json", setting)
}

// writeBriefSet renders every brief first, then writes the set all or nothing; the role
// sheets are confidential, created readable by their owner only. A sheet to print (HTML or
// Markdown) comes with the deal sheet each table fills in; JSON is for programs, which
// read the public brief's issues and parties.
func (a *app) writeBriefSet(doc *config.Document, dir, format, ext string) error {
	sc := doc.Scenario
	type file struct {
		name    string
		who     string
		private bool
		view    view
	}
	public := sim.PublicBrief(sc)
	files := []file{{"public" + ext, "everyone", false, briefView(doc, public)}}
	for i := range sc.Actors {
		b := sim.RoleBrief(sc, i)
		files = append(files, file{"role-" + sc.Actors[i].ID + ext, b.Role.Name + " only", true, briefView(doc, b)})
	}
	if format != "json" {
		files = append(files, file{"deal-sheet" + ext, "each table, to write its deal on", false, dealSheetView(doc, public)})
	}
	set := make([]setFile, len(files))
	for i, f := range files {
		var b strings.Builder
		if err := f.view.render(&b, format); err != nil {
			return err
		}
		set[i] = setFile{name: f.name, data: []byte(b.String()), private: f.private}
	}
	paths, err := a.writeSet(dir, set)
	if err != nil {
		return err
	}
	a.warnLeftInSet(dir, set, isBriefSheet, "handing the sheets out")
	g := &grid{header: []string{"file", "for"}}
	for i, f := range files {
		g.add(paths[i], f.who)
	}
	return a.emit(func(w io.Writer) error {
		r := &report{title: "Briefs for " + scenarioLabel(doc)}
		r.add(section{grid: g})
		return r.write(w, "table")
	})
}

// isBriefSheet says whether a file's name is one brief --all writes: the public sheet or a
// role's, in one of its formats.
func isBriefSheet(name string) bool {
	base := strings.TrimSuffix(name, filepath.Ext(name))
	return (base == "public" || base == "deal-sheet" || strings.HasPrefix(base, "role-")) && slices.Contains([]string{".md", ".html", ".json"}, filepath.Ext(name))
}
