package main

import (
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/negsim/negsim/api"
	"github.com/negsim/negsim/config"
	"github.com/negsim/negsim/sim"
)

// Bounds on a starter file: two options make the smallest scale, and past nine a teacher
// is better off writing the options by hand.
const (
	minOptions = 2
	maxOptions = 9
)

// starter is what 'negsim new' wrote, for its report.
type starter struct {
	File    string   `json:"file"`
	Issues  []string `json:"issues"`
	Actors  []string `json:"actors"`
	Options int      `json:"options"`
	Deals   uint64   `json:"deals"`
}

func (a *app) newCommand() *cobra.Command {
	var issues, actors []string
	var options int
	var force bool
	cmd := &cobra.Command{
		Annotations: writesFormats("new writes a scenario in YAML, which every command reads"),
		Use:         "new FILE",
		Short:       "Write a commented starter scenario to fill in",
		Long: `new writes a scenario file that validates and runs as it is, for you to fill in: the
issues and actors you name, each issue with --options placeholder options, every actor
with weights, utilities, one red line and a reservation, and comments that explain each
field. Every value carries a placeholder note: replace it with the source the number
comes from, or say that it is an assumption. FILE - writes to standard output.

An issue or actor is given by its id (land), or by its name in any language, from which
new makes the id that --set paths take: "Security guarantees" → security-guarantees,
Україна → ukraina, Ελλάδα → ellada (Cyrillic and Greek are spelt in Latin letters),
土地 → issue-1 (numbered where a name has no Latin spelling). new says which ids it made.

new refuses to overwrite an existing file unless --force is given.`,
		Example: `  negsim new talks.yaml --issues territory,guarantees,sanctions --actors ukraine,russia,us
  negsim new talks.yaml --issues land,money --actors north,south --options 4 --force
  negsim new talks.yaml --issues "Територія,Гроші" --actors "Україна,Польща"`,
		Args: args(cobra.ExactArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.newScenario(args[0], issues, actors, options, force)
		},
	}
	cmd.Flags().StringSliceVar(&issues, "issues", nil, "the issues, comma-separated: ids, or names in any language, from which ids are made (required)")
	cmd.Flags().StringSliceVar(&actors, "actors", nil, "the actors, comma-separated: ids, or names in any language, from which ids are made (required)")
	cmd.Flags().IntVar(&options, "options", 3, fmt.Sprintf("placeholder options per issue, %d to %d", minOptions, maxOptions))
	cmd.Flags().BoolVar(&force, "force", false, "overwrite FILE if it exists")
	return cmd
}

// starterIDs makes each word given to --issues or --actors an id, and names the ones that
// are not ids already: a word that is an id keeps it (land, named Land); any other is the
// name, as written, and its id is made from it (Security guarantees → security-guarantees,
// Територія → terytoriia), or numbered (土地 → issue-1) when none of its letters has a Latin
// spelling. A teacher writes the names of the talks in the language of the class.
func starterIDs(flag string, words []string, limit int, numbered string) (ids []string, names map[string]string, err error) {
	if len(words) == 0 {
		return nil, nil, usagef("give --%s with at least one name, e.g. --%s a,b", flag, flag)
	}
	if len(words) > limit {
		return nil, nil, usagef("--%s: %d %s, more than the %d a scenario may hold", flag, len(words), flag, limit)
	}
	names = map[string]string{}
	from := map[string]string{}
	given := map[string]bool{}
	for i, w := range words {
		word := strings.TrimSpace(w)
		if given[word] {
			return nil, nil, usagef("--%s: %q is given twice", flag, word)
		}
		given[word] = true
		id := word
		if !sim.IsSlug(id) {
			if word == "" {
				return nil, nil, usagef("--%s: name %d is empty; give a name between each pair of commas", flag, i+1)
			}
			id = sim.NameID(word, numbered, i+1)
			names[id] = word
		}
		if first, ok := from[id]; ok {
			return nil, nil, usagef("--%s: %q and %q make the same id, %q; give names that differ in their letters", flag, first, word, id)
		}
		from[id] = word
		ids = append(ids, id)
	}
	return ids, names, nil
}

func (a *app) newScenario(file string, issueWords, actorWords []string, options int, force bool) error {
	issues, issueNames, err := starterIDs("issues", issueWords, sim.MaxIssues, "issue")
	if err != nil {
		return err
	}
	actors, actorNames, err := starterIDs("actors", actorWords, sim.MaxActors, "actor")
	if err != nil {
		return err
	}
	if options < minOptions || options > maxOptions {
		return usagef("--options %d: give %d to %d options per issue", options, minOptions, maxOptions)
	}
	if file != "-" {
		// A folder or a read-only file is refused as such: --force, which the message
		// about an existing file offers, would not replace it either.
		if _, err := a.checkTarget(file); err != nil {
			return err
		}
		if exists(file) && !force {
			return usagef("%s already exists; choose another name, or give --force to replace it", file)
		}
	}
	text := starterText(issues, actors, options, issueNames, actorNames)
	// The starter must load cleanly, or it teaches the wrong format.
	doc, err := config.Load(file, []byte(text))
	if err != nil {
		return fmt.Errorf("the starter file does not load: %w", err)
	}
	// The help promises a file that runs as it is: past 2^64 deals no command can count
	// its outcome space.
	if _, countable := doc.Space.Deals(); !countable {
		return usagef("%d issues of %d options make more than 1.8e19 possible deals, more than negsim can count: give fewer issues or fewer --options", len(issues), options)
	}
	if file == "-" {
		_, err := io.WriteString(a.stdout, text)
		return err
	}
	if err := a.writeFile(file, false, func(w io.Writer) error {
		_, err := io.WriteString(w, text)
		return err
	}); err != nil {
		return err
	}
	sp := doc.Space
	deals, _ := sp.Deals()
	st := starter{File: file, Issues: issues, Actors: actors, Options: options, Deals: deals}
	return a.show(view{
		json: jsonOf(nil, st),
		csv: csvOf(func() *grid {
			g := &grid{header: []string{"file", "issues", "actors", "options", "deals"}}
			g.add(st.File, strings.Join(issues, " "), strings.Join(actors, " "), fmt.Sprint(options), fmt.Sprint(deals))
			return g
		}),
		report: plainReport(func() *report {
			text := []string{fmt.Sprintf("Wrote %s: %s of %d options, %s, %s.", file, plural(len(issues), "issue", "issues"), options,
				plural(len(actors), "actor", "actors"), plural(deals, "possible deal", "possible deals"))}
			// The ids are what --set paths and deals files take, so a teacher who gave
			// names learns them here, not from the first error.
			var made []string
			for _, group := range []struct {
				ids   []string
				names map[string]string
			}{{issues, issueNames}, {actors, actorNames}} {
				for _, id := range group.ids {
					if name, ok := group.names[id]; ok {
						made = append(made, fmt.Sprintf("%s → %s", name, id))
					}
				}
			}
			if len(made) > 0 {
				text = append(text, "Ids made from the names, as --set paths and deals files take them: "+strings.Join(made, ", ")+".")
			}
			text = append(text,
				"Next: replace the placeholders (names, options, numbers, notes), then",
				"  negsim validate "+api.CommandWord(file),
				"  negsim explain "+api.CommandWord(file),
				"  negsim analyze "+api.CommandWord(file))
			return &report{sections: []section{{text: text}}}
		}),
	})
}

// plainID is an id YAML reads as text without quotes; others (001, true, no) are quoted
// so that they stay ids.
var plainID = regexp.MustCompile(`^[a-z][a-z0-9_-]*$`)

func yamlID(id string) string {
	if plainID.MatchString(id) && !slices.Contains([]string{"true", "false", "null", "yes", "no", "on", "off", "y", "n"}, id) {
		return id
	}
	return fmt.Sprintf("%q", id)
}

// title turns an id into a readable placeholder name: north-east → North east.
// nameOf is the name names gives id, or one made from id: land-use → Land use.
func nameOf(names map[string]string, id string) string {
	if name, ok := names[id]; ok {
		return name
	}
	return title(id)
}

func title(id string) string {
	s := strings.NewReplacer("-", " ", "_", " ").Replace(id)
	return strings.ToUpper(s[:1]) + s[1:]
}

const placeholderNote = sim.Placeholder + " cite a source (e.g. src-1: what it says), or say that this is an assumption."

// starterText writes the starter scenario. Actors alternate between preferring the low and
// the high end of every scale, each cares twice as much about one issue (its own, in turn)
// and draws a red line there against its worst option, so the file has real trade-offs
// and, with three or more options, a zone of possible agreement.
// issueNames and actorNames name the ids a word was made into; any other id's name is
// made from it.
func starterText(issues, actors []string, options int, issueNames, actorNames map[string]string) string {
	var b strings.Builder
	p := func(format string, args ...any) { fmt.Fprintf(&b, format+"\n", args...) }
	optionID := func(o int) string { return fmt.Sprintf("option-%d", o+1) }

	p("# yaml-language-server: $schema=%s", config.SchemaFile)
	p("# A negsim scenario. Save the schema beside this file (negsim schema > %s) and", config.SchemaFile)
	p("# editors such as VS Code complete and check every field as you type.")
	p("# Check the file with: negsim validate FILE; read it back with: negsim explain FILE.")
	p("")
	p("name: %q", sim.Placeholder+" the scenario's title")
	p("description: >")
	p("  %s what the negotiation is about, who is at the table and what this version leaves out.", sim.Placeholder)
	p("")
	p("# What kind of model this is, in one line, shown wherever its results are; and notes for")
	p("# the teacher alone, which explain --teacher and the teacher's report show and no brief")
	p("# does. Both are off until you uncomment them.")
	p("# stance: A teaching model with invented numbers, not a forecast.")
	p("# teacher_notes: >")
	p("#   What the class should find, and the questions to ask it.")
	p("")
	p("# The documents your numbers come from. Cite them by id in source: and note: fields.")
	p("sources:")
	p("  - id: src-1")
	p("    title: %q", sim.Placeholder+" the title of a report, article or transcript")
	p("    url: https://example.org/replace-me")
	p("")
	p("# Issues are the questions a deal must settle; a deal picks one option on each. Options")
	p("# are ordered as a scale from one end to the other: ideal-point preferences rely on it.")
	p("# An option that needs no label may be its id alone: options: [low, mid, high].")
	p("issues:")
	for _, is := range issues {
		p("  - id: %s", yamlID(is))
		p("    name: %q", nameOf(issueNames, is))
		p("    note: %q", placeholderNote)
		p("    options:")
		for o := 0; o < options; o++ {
			p("      - id: %s", optionID(o))
			p("        label: %q", fmt.Sprintf("%s what option %d means", sim.Placeholder, o+1))
		}
	}
	p("")
	p("# Actors score every deal: utility = sum over issues of weight share × value of the")
	p("# option chosen. A veto actor (the default) must accept a deal for it to be in the")
	p("# zone of possible agreement; veto: false makes an actor an observer that is only scored.")
	p("actors:")
	for i, ac := range actors {
		own := i % len(issues)
		lowEnd := i%2 == 0
		p("  - id: %s", yamlID(ac))
		p("    name: %q", nameOf(actorNames, ac))
		if i == 0 {
			p("    # The utility of no deal, from 0 to 1: the actor rejects any deal worth less to it.")
		}
		p("    reservation: 0.3")
		if i == 0 {
			p("    # How the actor concedes in negsim rounds: boulware holds out, conceder gives")
			p("    # early, linear (the default) evenly, hardliner never; time-dependent takes")
			p("    # exponent: N (below 1 late, above 1 early); tit-for-tat mirrors the others.")
			p("    # strategy: boulware")
		}
		p("    note: %q", placeholderNote)
		if i == 0 {
			p("    # One entry per issue the actor cares about; weights are normalised, so only")
			p("    # their ratios count (writing them to sum 100 keeps them readable).")
		}
		p("    preferences:")
		for k, is := range issues {
			p("      %s:", yamlID(is))
			p("        weight: %d", weightShare(k, own, len(issues)))
			if i == 0 && k == 0 {
				p("        # A value from 0 (worst) to 1 (best) for every option. Instead of utilities")
				p("        # you may give ideal: OPTION (and shape: linear or quadratic).")
			}
			var vals []string
			worst := options - 1
			if !lowEnd {
				worst = 0
			}
			for o := 0; o < options; o++ {
				v := 1 - float64(o)/float64(options-1)
				if !lowEnd {
					v = 1 - v
				}
				vals = append(vals, fmt.Sprintf("%s: %s", optionID(o), trimFloat(v)))
			}
			p("        utilities: {%s}", strings.Join(vals, ", "))
			if k == own {
				if i == 0 {
					p("        # The red line: the only options the actor can live with on this issue.")
				}
				var ok []string
				for o := 0; o < options; o++ {
					if o != worst {
						ok = append(ok, optionID(o))
					}
				}
				p("        acceptable: [%s]", strings.Join(ok, ", "))
			}
			p("        note: %q", placeholderNote)
		}
		if i == 0 && len(issues) > 1 {
			p("    # A conditional red line: a deal that meets if but not then is unacceptable.")
			p("    # constraints:")
			p("    #   - if: {%s: [%s]}", yamlID(issues[1]), optionID(options-1))
			p("    #     then: {%s: [%s]}", yamlID(issues[0]), optionID(0))
			p("    #     why: Why the actor holds this line, with a source.")
		}
		if i == 0 {
			p("    # Who must agree, off until you uncomment it. votes: what the actor's yes counts")
			p("    # for under decision: below (default 1). ratification: actors of this file that")
			p("    # must ratify a deal at home before it can sign (a parliament, a referendum's")
			p("    # voters); they hold no veto, sit at no table and vote by their own reservation.")
			p("    # votes_needed is of their votes; left out, all of them.")
			p("    # votes: 1")
			p("    # ratification:")
			p("    #   by: [parliament]")
			p("    #   votes_needed: 51")
			if len(actors) > 1 {
				p("    # beliefs: what the actor believes about another actor where it differs from")
				p("    # this file, as paths like --set takes; in rounds it proposes from this picture.")
				p("    # beliefs:")
				p("    #   set:")
				p("    #     actors.%s.reservation: 0.2", actors[1])
				p("    #   note: Why it believes so, with a source.")
			}
		}
	}
	p("")
	p("# A vote count on top of the vetoes, off until you uncomment it: a deal then passes when")
	p("# every veto actor accepts it and the actors that accept it hold at least votes_needed")
	p("# votes between them (each actor's votes: default 1).")
	p("# decision:")
	p("#   votes_needed: %d", max(1, len(actors)-1))
	p("")
	p("# How negsim rounds runs the talks, off until you uncomment it: mediated, where the")
	p("# mediator proposes one text each round, or alternating, where the veto actors propose")
	p("# in turn; rounds is the deadline. events change values at the start of a round.")
	p("# protocol:")
	p("#   kind: mediated")
	p("#   mediator: %s", actors[0])
	p("#   rounds: 10")
	p("# events:")
	p("#   - round: 3")
	p("#     why: What happens, in one sentence.")
	p("#     add:")
	p("#       actors.%s.reservation: -0.05", actors[len(actors)-1])
	p("")
	p("# What-ifs shipped with the scenario: negsim analyze FILE --variant ID (or FILE#ID).")
	p("# Paths name list elements by id, e.g. actors.%s.preferences.%s.weight.", actors[0], issues[0])
	p("variants:")
	p("  - id: %s", sim.Slug("patient-"+actors[0]))
	p("    description: %q", nameOf(actorNames, actors[0])+" can wait longer: its reservation rises.")
	p("    set:")
	p("      actors.%s.reservation: 0.4", actors[0])
	p("    note: %q", placeholderNote)
	return b.String()
}

// weightShare splits 100 among n issues, giving issue own twice the weight of the others;
// whatever integer division leaves over goes to issue own, so the weights sum to 100.
func weightShare(k, own, n int) int {
	total := n + 1
	w := 100 / total
	if k == own {
		return 100 - w*(n-1)
	}
	return w
}

func trimFloat(v float64) string {
	s := fmt.Sprintf("%.2f", v)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	if s == "" || s == "-0" {
		return "0"
	}
	return s
}
