package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/negsim/negsim/api"
	"github.com/negsim/negsim/config"
)

// Two saved results of the same scenario must be told apart: every output names the
// variant and the --set values that produced it, in its title and in its JSON.

// provenance is what a result was computed from, besides the file; the page's API and
// the command line write it alike.
type provenance = api.Provenance

func provenanceOf(doc *config.Document) provenance { return api.ProvenanceOf(doc) }

// whatIfLabel says which what-if a result shows, e.g. "variant sanctions-bite, --set
// actors.russia.reservation=0.5"; "" for the scenario as written.
func whatIfLabel(doc *config.Document) string {
	var parts []string
	if doc.Variant != "" {
		parts = append(parts, "variant "+doc.Variant)
	}
	for _, o := range doc.Overrides {
		parts = append(parts, "--set "+o)
	}
	return strings.Join(parts, ", ")
}

// scenarioLabel is the scenario's name with the what-if it runs under, for titles.
func scenarioLabel(doc *config.Document) string {
	if w := whatIfLabel(doc); w != "" {
		return fmt.Sprintf("%s (%s)", doc.Scenario.Name, w)
	}
	return doc.Scenario.Name
}

// about names the what-if in the report's title, where the title names the scenario, and
// carries the scenario's stance beneath it.
func (r *report) about(doc *config.Document) *report {
	r.title = strings.Replace(r.title, doc.Scenario.Name, scenarioLabel(doc), 1)
	r.stance = doc.Scenario.Stance
	r.isolate = rightToLeftNames(nil, doc.Scenario)
	return r
}

// stanceLine is the one line that says what kind of model produced a result.
func stanceLine(stance string) string { return "Stance: " + oneLine(stance) }

// writeResultJSON writes a result object with "variant" and "overrides" first, the
// result's own fields after them in their order.
func writeResultJSON(w io.Writer, doc *config.Document, v any) error {
	out, err := api.Labelled(doc, v)
	if err != nil {
		return err
	}
	_, err = w.Write(out)
	return err
}

// writeJSONWith writes the object v with the fields of the object extra spliced in first.
func writeJSONWith(w io.Writer, extra, v any) error {
	out, err := api.SpliceJSON(extra, v)
	if err != nil {
		return err
	}
	_, err = w.Write(out)
	return err
}
