package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/negsim/negsim/config"
)

// Two saved results of the same scenario must be told apart: every output names the
// variant and the --set values that produced it, in its title and in its JSON.

// provenance is what a result was computed from, besides the file.
type provenance struct {
	// Variant is null when none was applied.
	Variant   *string  `json:"variant"`
	Overrides []string `json:"overrides"`
	// Stance is the scenario's line on what kind of model it is.
	Stance string `json:"stance,omitempty"`
}

func provenanceOf(doc *config.Document) provenance {
	p := provenance{Overrides: []string{}, Stance: oneLine(doc.Scenario.Stance)}
	if doc.Variant != "" {
		v := doc.Variant
		p.Variant = &v
	}
	p.Overrides = append(p.Overrides, doc.Overrides...)
	return p
}

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
	return r
}

// stanceLine is the one line that says what kind of model produced a result.
func stanceLine(stance string) string { return "Stance: " + oneLine(stance) }

// writeResultJSON writes a result object with "variant" and "overrides" first, the
// result's own fields after them in their order.
func writeResultJSON(w io.Writer, doc *config.Document, v any) error {
	return writeJSONWith(w, provenanceOf(doc), v)
}

// writeJSONWith writes the object v with the fields of the object extra spliced in first.
func writeJSONWith(w io.Writer, extra, v any) error {
	head, err := json.Marshal(extra)
	if err != nil {
		return err
	}
	body, err := json.Marshal(v)
	if err != nil {
		return err
	}
	if len(body) < 2 || body[0] != '{' || len(head) < 2 || head[0] != '{' {
		return fmt.Errorf("internal error: a result to label is not a JSON object")
	}
	var joined bytes.Buffer
	joined.Write(head[:len(head)-1])
	if len(body) > 2 {
		joined.WriteByte(',')
	}
	joined.Write(body[1:])
	var out bytes.Buffer
	if err := json.Indent(&out, joined.Bytes(), "", "  "); err != nil {
		return err
	}
	out.WriteByte('\n')
	_, err = w.Write(out.Bytes())
	return err
}
