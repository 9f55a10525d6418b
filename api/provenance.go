package api

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/negsim/negsim/config"
)

// Two saved results of the same scenario must be told apart: every result's JSON, on the
// command line and on the page, names first the variant and the --set values that produced
// it, and the scenario's stance.

// Provenance is what a result was computed from, besides the file.
type Provenance struct {
	// Variant is null when none was applied.
	Variant   *string  `json:"variant"`
	Overrides []string `json:"overrides"`
	// Stance is the scenario's line on what kind of model it is.
	Stance string `json:"stance,omitempty"`
}

// ProvenanceOf is the provenance of a document's results.
func ProvenanceOf(doc *config.Document) Provenance {
	p := Provenance{Overrides: []string{}, Stance: strings.Join(strings.Fields(doc.Scenario.Stance), " ")}
	if doc.Variant != "" {
		v := doc.Variant
		p.Variant = &v
	}
	p.Overrides = append(p.Overrides, doc.Overrides...)
	return p
}

// Labelled is a result as the command line writes it with --format json: the object v with
// its provenance's fields spliced in first, indented by two spaces, with a final newline.
func Labelled(doc *config.Document, v any) ([]byte, error) { return SpliceJSON(ProvenanceOf(doc), v) }

// SpliceJSON writes the object v with the fields of the object extra first, indented by
// two spaces, with a final newline.
func SpliceJSON(extra, v any) ([]byte, error) {
	head, err := json.Marshal(extra)
	if err != nil {
		return nil, err
	}
	body, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	if len(body) < 2 || body[0] != '{' || len(head) < 2 || head[0] != '{' {
		return nil, fmt.Errorf("internal error: a result to label is not a JSON object")
	}
	var joined bytes.Buffer
	joined.Write(head[:len(head)-1])
	if len(body) > 2 {
		joined.WriteByte(',')
	}
	joined.Write(body[1:])
	var out bytes.Buffer
	if err := json.Indent(&out, joined.Bytes(), "", "  "); err != nil {
		return nil, err
	}
	out.WriteByte('\n')
	return out.Bytes(), nil
}

// labelled marks a response to be written with its provenance first.
type labelled struct {
	extra any
	v     any
}
