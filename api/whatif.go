package api

import (
	"bytes"
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/negsim/negsim/config"
	"github.com/negsim/negsim/sim"
)

// ParamsResponse is `negsim params --format json`: every value a what-if can change, with
// its path, current value, kind and range, for the scenario with the query's variant and
// overrides applied.
type ParamsResponse struct {
	Params []sim.Param `json:"params"`
}

func (a *API) params(_ context.Context, q Query) (any, error) {
	doc, err := a.open(q)
	if err != nil {
		return nil, err
	}
	return labelled{ProvenanceOf(doc), &ParamsResponse{Params: doc.Scenario.Params()}}, nil
}

// WarningsResponse is what negsim warns of a what-if: each warning located in the file as
// the command line prints it on stderr (file:line:col: path: message), with the notes on
// style, which only validate prints, marked "style". An analysis's own warnings, as
// `negsim analyze --format json` writes them, carry no position.
type WarningsResponse struct {
	Warnings sim.Diagnostics `json:"warnings"`
}

func (a *API) warnings(_ context.Context, q Query) (any, error) {
	doc, err := a.open(q)
	if err != nil {
		return nil, err
	}
	found := doc.Warnings
	if found == nil {
		found = sim.Diagnostics{}
	}
	return labelled{ProvenanceOf(doc), &WarningsResponse{Warnings: found}}, nil
}

// ExportRequest asks for a what-if written out to keep: ID and Description name the
// variant it becomes (my-what-if and a sentence when absent).
type ExportRequest struct {
	Query
	ID          string `json:"id,omitempty"`
	Description string `json:"description,omitempty"`
}

// Export is a what-if in the two forms negsim reads: the command line's --set flags, one
// per line, and a variants: block to paste into the scenario file. Both start from the
// file as written, so the variant's own overrides come first.
type Export struct {
	Set      []string `json:"set"`
	Flags    string   `json:"flags"`
	Variants string   `json:"variants"`
}

func (a *API) export(_ context.Context, r ExportRequest) (*Export, error) {
	id := r.ID
	if id == "" {
		id = "my-what-if"
	}
	if !sim.IsSlug(id) {
		return nil, &Error{Kind: KindInput, Message: fmt.Sprintf("variant id %q: use lower-case letters, digits, - and _", id)}
	}
	// Applying the query checks every override before anything is written out.
	doc, err := a.open(r.Query)
	if err != nil {
		return nil, err
	}
	base, err := a.document(r.Scenario)
	if err != nil {
		return nil, err
	}
	var sets []sim.Assignment
	description := r.Description
	if r.Variant != "" {
		for _, v := range base.Scenario.Variants {
			if v.ID == r.Variant {
				sets = append(sets, v.Set...)
			}
		}
		if description == "" {
			description = fmt.Sprintf("Variant %s with my changes.", r.Variant)
		}
	}
	if description == "" {
		description = "My changes to the scenario."
	}
	ex := &Export{Set: []string{}}
	for _, s := range r.Set {
		o, err := config.ParseOverride(s)
		if err != nil {
			return nil, err
		}
		// The value as the scenario now holds it, so that the block writes a number as a
		// number and a list as a list.
		v, err := doc.Scenario.Get(o.Path)
		if err != nil {
			return nil, err
		}
		// A path set twice is written once, with its last value: a YAML mapping holds each
		// key once.
		if i := slices.IndexFunc(sets, func(as sim.Assignment) bool { return as.Path == o.Path }); i >= 0 {
			sets[i].Value = v
		} else {
			sets = append(sets, sim.Assignment{Path: o.Path, Value: v})
		}
		ex.Set = append(ex.Set, o.Path+"="+o.Value)
	}
	var flags []string
	for _, s := range ex.Set {
		flags = append(flags, "--set "+CommandWord(s))
	}
	// One line: a line continued with "\" is bash's alone; PowerShell and Windows' cmd
	// each have their own.
	ex.Flags = strings.Join(flags, " ")
	block, err := config.Marshal(&sim.Scenario{Variants: []sim.Variant{{ID: id, Description: description, Set: sets}}})
	if err != nil {
		return nil, err
	}
	if i := bytes.Index(block, []byte("variants:")); i >= 0 {
		block = block[i:]
	}
	ex.Variants = string(block)
	return ex, nil
}

// CommandWord writes one word of a command for the user to copy, so that bash, PowerShell
// and Windows' cmd each read it as the same one word: bare when no shell gives any of its
// characters a meaning; else in double quotes, which all three read alike when the word
// holds none of " $ ` % ! and no backslash bash would take for an escape (before one of
// those, or at the end); else in single quotes, as bash and PowerShell read them. A word
// that starts with "-" is a file's name, which negsim would take for a flag: it is written
// as ./-NAME, the same file.
func CommandWord(s string) string {
	if strings.HasPrefix(s, "-") {
		s = "./" + s
	}
	if s != "" && strings.IndexFunc(s, func(r rune) bool { return !bareCommandRune(r) }) < 0 {
		return s
	}
	if !strings.ContainsAny(s, "\"$`%!") && !strings.HasSuffix(s, `\`) && !strings.Contains(s, `\\`) {
		return `"` + s + `"`
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// bareCommandRune is a character no shell of bash, PowerShell and cmd gives a meaning to.
func bareCommandRune(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("._/:=,+-", r)
}
