// Package config turns scenario files into validated sim.Scenarios, with every problem
// located by file, line, column and path, and holds the application's own settings.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"reflect"
	"sort"
	"strings"

	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
	"github.com/goccy/go-yaml/token"

	"github.com/negsim/negsim/sim"
)

// DefaultMaxBytes is the largest scenario file negsim reads. Real scenarios are a few tens
// of kilobytes; anything near this is a mistake or an attack.
const DefaultMaxBytes = 4 << 20

// Document is a loaded scenario with what is needed to point into its file.
type Document struct {
	Name     string
	Scenario *sim.Scenario
	// Variant is the variant applied to Scenario, or "".
	Variant string
	// Overrides are the --set values applied after it, as PATH=VALUE, in order.
	Overrides []string
	// Recentred are the uncertainty: distributions the what-if moved with their values.
	Recentred []sim.Recentred
	// Space is Scenario compiled, so validated: validation runs once per document, and
	// every command takes the compiled scenario from here.
	Space *sim.Space
	// Warnings are Space's warnings, located in the file.
	Warnings sim.Diagnostics
	// file is the scenario as the file writes it, before any what-if.
	file *sim.Scenario
	pos  map[string]Position
}

// Locate returns where in the file the value at path (or its nearest enclosing value) is.
func (doc *Document) Locate(path string) Position {
	for p := path; p != ""; p = parent(p) {
		if at, ok := doc.pos[p]; ok {
			return at
		}
	}
	return Position{}
}

// parent strips the last step of a path: actors.russia.reservation → actors.russia.
func parent(p string) string {
	if i := strings.LastIndex(p, "."); i >= 0 {
		return p[:i]
	}
	return ""
}

// ReadFile reads a scenario file from disk, refusing one larger than maxBytes before
// reading it whole.
func ReadFile(path string, maxBytes int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxBytes+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > maxBytes {
		return nil, sim.Diagnostics{{File: path, Message: fmt.Sprintf("the file is larger than %d bytes; a scenario is a few kilobytes, so this is probably not one (raise --max-file-size if it really is)", maxBytes)}}
	}
	return data, nil
}

// parse finds the one YAML (or JSON) document a file holds. A byte-order mark and Windows
// line endings are dropped first: editors on Windows write both.
func parse(name string, data []byte) (ast.Node, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, sim.Diagnostics{{File: name, Message: "the file is empty; a scenario needs at least name, issues and actors (negsim new writes a starter file)"}}
	}
	f, err := parser.ParseBytes(data, 0)
	if err != nil {
		return nil, sim.Diagnostics{syntaxError(name, data, err)}
	}
	var body ast.Node
	for i, doc := range f.Docs {
		if doc.Body == nil {
			continue
		}
		if body != nil {
			return nil, sim.Diagnostics{{File: name, Line: nodePos(doc.Body).Line, Col: 1, Message: fmt.Sprintf("a second YAML document (document %d) starts here; a file holds one scenario", i+1)}}
		}
		body = doc.Body
	}
	if body == nil {
		return nil, sim.Diagnostics{{File: name, Message: "the file holds no scenario, only comments or empty documents"}}
	}
	return body, nil
}

// Plain decodes a file into plain values (mappings, lists, numbers, text, booleans), as a
// JSON decoder would, with the same safeguards as Load: one document, aliases expanded
// under a budget, duplicate keys refused. A number that is not finite (.nan, .inf) stays
// text, since JSON has no way to write it. Checking a file against the JSON Schema needs
// this form.
func Plain(name string, data []byte) (any, error) {
	body, err := parse(name, data)
	if err != nil {
		return nil, err
	}
	d := &decoder{file: name, pos: map[string]Position{}, anchors: map[string]ast.Node{}, plain: true}
	var out any
	d.decode(body, "", reflect.ValueOf(&out).Elem())
	if len(d.errs) > 0 {
		return nil, d.errs
	}
	return out, nil
}

// Load decodes, validates and compiles a scenario. name is how errors refer to the file.
// Every problem is reported at once as Diagnostics; warnings travel on the Document.
func Load(name string, data []byte) (*Document, error) { return Open(name, data, "", nil) }

// Open loads a scenario as the what-if asks for it: the file, then the variant, then the
// overrides in order, compiled once. A file that is invalid by itself is reported as such;
// a what-if that leaves the scenario invalid is reported in the words the user typed.
func Open(name string, data []byte, variant string, sets []Override) (*Document, error) {
	doc, err := decode(name, data)
	if err != nil {
		return nil, err
	}
	if err := doc.Apply(variant, sets); err != nil {
		return nil, err
	}
	return doc, nil
}

// Decode reads a scenario file without validating it: the scenario as far as it could be
// read (nil when the file holds no scenario at all) and the problems decoding found. Commands
// use Load; Decode lets a tool look into a file that does not load.
func Decode(name string, data []byte) (*sim.Scenario, error) {
	doc, d, err := decodeFile(name, data)
	if doc == nil {
		return nil, err
	}
	if len(d.errs) > 0 {
		return doc.Scenario, d.errs
	}
	return doc.Scenario, nil
}

func decodeFile(name string, data []byte) (*Document, *decoder, error) {
	body, err := parse(name, data)
	if err != nil {
		return nil, nil, err
	}
	d := &decoder{file: name, pos: map[string]Position{}, anchors: map[string]ast.Node{}}
	sc := &sim.Scenario{}
	if r, ok := d.resolve(body, ""); ok && !isMapping(r) {
		return nil, nil, sim.Diagnostics{{File: name, Line: nodePos(r).Line, Col: nodePos(r).Col, Message: fmt.Sprintf("expected a scenario (a mapping with name, issues and actors), found %s; is this a negsim scenario file?", describe(r))}}
	}
	d.decode(body, "", reflect.ValueOf(sc).Elem())
	return &Document{Name: name, Scenario: sc, file: sc, pos: d.pos}, d, nil
}

// decode reads a file into a document without validating it, unless decoding fails: then
// validation runs too, so that every problem of the file is reported at once.
func decode(name string, data []byte) (*Document, error) {
	doc, d, err := decodeFile(name, data)
	if err != nil {
		return nil, err
	}
	sc, errs := doc.Scenario, d.errs
	if len(errs) == 0 {
		return doc, nil
	}
	if d.nodes > maxNodes {
		return nil, errs
	}
	// Where decoding failed, validation would fail too for the same reason (a misspelt
	// weight reads as a missing one): report the decoding error alone, and nothing
	// validation says about the object that holds it or the one around that.
	broken := map[string]bool{}
	for _, e := range errs {
		broken[e.Path] = true
		broken[parent(e.Path)] = true
		broken[parent(parent(e.Path))] = true
	}
	for _, p := range sc.Validate().Errors() {
		if !broken[p.Path] {
			errs = append(errs, doc.ErrorAt(p))
		}
	}
	sortErrors(errs)
	return nil, errs
}

// located places the engine's diagnostics in this document's file, in line order.
func (doc *Document) located(found sim.Diagnostics) sim.Diagnostics {
	out := make(sim.Diagnostics, len(found))
	for i, p := range found {
		out[i] = doc.ErrorAt(p)
	}
	sortErrors(out)
	return out
}

// ErrorAt locates a problem the engine found in this document.
func (doc *Document) ErrorAt(p sim.Diagnostic) sim.Diagnostic {
	at := doc.Locate(p.Path)
	p.File, p.Line, p.Col = doc.Name, at.Line, at.Col
	return p
}

func sortErrors(l sim.Diagnostics) {
	sort.SliceStable(l, func(i, j int) bool {
		if l[i].Line != l[j].Line {
			return l[i].Line < l[j].Line
		}
		return l[i].Col < l[j].Col
	})
}

// syntaxError locates an error from the YAML parser. A tab in the indentation, which YAML
// forbids and editors insert unseen, gets a message that says so and names the first
// line indented with one, rather than the parser's "found character '\t' that cannot
// start any token".
func syntaxError(name string, data []byte, err error) sim.Diagnostic {
	e := sim.Diagnostic{File: name, Message: "not valid YAML or JSON: " + err.Error()}
	var ye interface {
		GetToken() *token.Token
		GetMessage() string
	}
	if errors.As(err, &ye) {
		e.Message = "not valid YAML or JSON: " + ye.GetMessage()
		if tk := ye.GetToken(); tk != nil && tk.Position != nil {
			e.Line, e.Col = tk.Position.Line, tk.Position.Column
		}
	}
	if strings.Contains(e.Message, "'\t'") {
		for i, line := range strings.Split(string(data), "\n") {
			indent := line[:len(line)-len(strings.TrimLeft(line, " \t"))]
			if col := strings.IndexByte(indent, '\t'); col >= 0 {
				e.Line, e.Col = i+1, col+1
				break
			}
		}
		e.Message = "tabs are not allowed in YAML; indent with spaces (this line is indented with a tab)"
	}
	return e
}
