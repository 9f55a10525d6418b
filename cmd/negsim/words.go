package main

import (
	"fmt"
	"slices"
	"strings"

	"github.com/negsim/negsim/sim"
)

// How negsim names a scenario's parts in prose: by the names and labels the author gave,
// ids where there are none, and lists joined as a sentence joins them.

// words reads a scenario's ids back as the labels its author gave them.
type words struct{ sc *sim.Scenario }

func (wd words) issue(id string) string {
	if k := wd.sc.IssueIndex(id); k >= 0 && wd.sc.Issues[k].Name != "" {
		return wd.sc.Issues[k].Name
	}
	return id
}

// issueWithID is an issue as a brief shows it to players who type deals: its id, which an
// offer, --deal and a deals file name it by, then its name, as an option is shown.
func (wd words) issueWithID(id string) string {
	return idAndName(id, wd.issue(id))
}

// idAndName writes an id with the name it stands for; a name that is the id in capitals
// ("Salary" for salary) says it alone.
func idAndName(id, name string) string {
	switch {
	case name == "":
		return id
	case strings.EqualFold(name, id):
		return name
	}
	return fmt.Sprintf("%s (%s)", id, name)
}

func (wd words) option(issue, id string) string {
	if label := wd.label(issue, id); label != "" {
		return fmt.Sprintf("%s (%s)", id, label)
	}
	return id
}

// label is an option's label, "" when it has none.
func (wd words) label(issue, id string) string {
	if k := wd.sc.IssueIndex(issue); k >= 0 {
		is := &wd.sc.Issues[k]
		if o := is.OptionIndex(id); o >= 0 {
			return is.Options[o].Label
		}
	}
	return ""
}

// options lists options as "a, b or c" with their labels.
func (wd words) options(issue string, ids []string, conj string) string {
	named := make([]string, len(ids))
	for i, id := range ids {
		named[i] = wd.option(issue, id)
	}
	return sim.JoinWords(named, conj)
}

// everyOption says whether ids name every option of issue, each once or more.
func (wd words) everyOption(issue string, ids []string) bool {
	k := wd.sc.IssueIndex(issue)
	if k < 0 {
		return false
	}
	for _, o := range wd.sc.Issues[k].Options {
		if !slices.Contains(ids, o.ID) {
			return false
		}
	}
	return true
}

func (wd words) deal(d *sim.ScoredDeal) string {
	var parts []string
	for _, is := range wd.sc.Issues {
		parts = append(parts, fmt.Sprintf("%s = %s", is.ID, d.Options[is.ID]))
	}
	return strings.Join(parts, ", ")
}

// cite appends a value's source and note in brackets, the way a reader checks a claim.
func cite(text, source, note string) string {
	var refs []string
	if source != "" {
		refs = append(refs, "source: "+oneLine(source))
	}
	if note != "" {
		refs = append(refs, "note: "+oneLine(note))
	}
	if len(refs) == 0 {
		return text
	}
	return text + " [" + strings.Join(refs, "; ") + "]"
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// clause is an author's sentence set inside one of negsim's own, where its closing full
// stop would clash with the punctuation that follows ("No barking at night.;").
func clause(s string) string { return strings.TrimSuffix(oneLine(s), ".") }

func (wd words) actor(id string) string { return actorName(wd.sc, id) }

func actorName(sc *sim.Scenario, id string) string {
	if i := sc.ActorIndex(id); i >= 0 {
		return sc.Actors[i].Name
	}
	return id
}

// possessive is a name with its possessive ending: "Russia's", but "United States'" and
// "Small island states'" for a name that ends in s, singular or plural.
func possessive(name string) string {
	if strings.HasSuffix(name, "s") {
		return name + "'"
	}
	return name + "'s"
}

// actorNames is actorName of each id, in order.
func actorNames(sc *sim.Scenario, ids []string) []string {
	names := make([]string, len(ids))
	for i, id := range ids {
		names[i] = actorName(sc, id)
	}
	return names
}

// paragraphs splits a description at its blank lines and joins each paragraph's lines.
func paragraphs(text string) []string {
	var out []string
	for _, p := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n\n") {
		if p = oneLine(p); p != "" {
			if len(out) > 0 {
				out = append(out, "")
			}
			out = append(out, p)
		}
	}
	return out
}
