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

// Error is one problem in a scenario file.
type Error struct {
	File    string `json:"file"`
	Line    int    `json:"line"`
	Col     int    `json:"col"`
	Path    string `json:"path,omitempty"`
	Msg     string `json:"message"`
	Warning bool   `json:"warning,omitempty"`
	// Style marks a warning about how the file is written rather than what it means.
	Style bool `json:"style,omitempty"`
}

func (e Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
	}
	if e.Line > 0 && e.Col > 0 {
		fmt.Fprintf(&b, ":%d", e.Col)
	}
	b.WriteString(": ")
	if e.Path != "" {
		b.WriteString(e.Path + ": ")
	}
	b.WriteString(e.Msg)
	return b.String()
}

// ErrorList is every problem found in one file, in line order. It is the error Load
// returns for a file a user must fix.
type ErrorList []Error

func (l ErrorList) Error() string {
	lines := make([]string, len(l))
	for i, e := range l {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// ErrBadInput marks errors caused by what a user wrote, as opposed to failures of the
// machine; callers test for it with errors.Is to choose an exit code.
var ErrBadInput = errors.New("bad input")

func (l ErrorList) Is(target error) bool { return target == ErrBadInput }

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
	// Warnings are problems that do not stop the scenario from running.
	Warnings ErrorList
	pos      map[string]Position
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

// parent strips the last step of a path: a.b[2].c → a.b[2] → a.b → a.
func parent(p string) string {
	if strings.HasSuffix(p, "]") {
		if i := strings.LastIndex(p, "["); i >= 0 {
			return p[:i]
		}
	}
	if i := strings.LastIndexAny(p, ".["); i >= 0 {
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
		return nil, ErrorList{{File: path, Msg: fmt.Sprintf("the file is larger than %d bytes; a scenario is a few kilobytes, so this is probably not one (raise --max-file-size if it really is)", maxBytes)}}
	}
	return data, nil
}

// parse finds the one YAML (or JSON) document a file holds. A byte-order mark and Windows
// line endings are dropped first: editors on Windows write both.
func parse(name string, data []byte) (ast.Node, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, ErrorList{{File: name, Msg: "the file is empty; a scenario needs at least name, issues and actors (negsim new writes a starter file)"}}
	}
	f, err := parser.ParseBytes(data, 0)
	if err != nil {
		return nil, ErrorList{syntaxError(name, data, err)}
	}
	var body ast.Node
	for i, doc := range f.Docs {
		if doc.Body == nil {
			continue
		}
		if body != nil {
			return nil, ErrorList{{File: name, Line: nodePos(doc.Body).Line, Col: 1, Msg: fmt.Sprintf("a second YAML document (document %d) starts here; a file holds one scenario", i+1)}}
		}
		body = doc.Body
	}
	if body == nil {
		return nil, ErrorList{{File: name, Msg: "the file holds no scenario, only comments or empty documents"}}
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
		return nil, ErrorList(d.errs)
	}
	return out, nil
}

// Load decodes and validates a scenario. name is how errors refer to the file. Every
// problem is reported at once as an ErrorList; warnings travel on the Document.
func Load(name string, data []byte) (*Document, error) {
	body, err := parse(name, data)
	if err != nil {
		return nil, err
	}
	d := &decoder{file: name, pos: map[string]Position{}, anchors: map[string]ast.Node{}}
	sc := &sim.Scenario{}
	if r, ok := d.resolve(body, ""); ok && !isMapping(r) {
		return nil, ErrorList{{File: name, Line: nodePos(r).Line, Col: nodePos(r).Col, Msg: fmt.Sprintf("expected a scenario (a mapping with name, issues and actors), found %s; is this a negsim scenario file?", describe(r))}}
	}
	d.decode(body, "", reflect.ValueOf(sc).Elem())
	doc := &Document{Name: name, Scenario: sc, pos: d.pos}
	errs := ErrorList(d.errs)
	if len(errs) > 0 && d.nodes > maxNodes {
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
	for _, p := range sc.Validate() {
		if broken[p.Path] {
			continue
		}
		e := doc.ErrorAt(p)
		if p.Warning {
			doc.Warnings = append(doc.Warnings, e)
		} else {
			errs = append(errs, e)
		}
	}
	sortErrors(doc.Warnings)
	if len(errs) > 0 {
		sortErrors(errs)
		return nil, errs
	}
	return doc, nil
}

// ErrorAt locates a problem the engine found in this document.
func (doc *Document) ErrorAt(p sim.Problem) Error {
	at := doc.Locate(p.Path)
	return Error{File: doc.Name, Line: at.Line, Col: at.Col, Path: p.Path, Msg: p.Message, Warning: p.Warning, Style: p.Style}
}

func sortErrors(l ErrorList) {
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
func syntaxError(name string, data []byte, err error) Error {
	e := Error{File: name, Msg: "not valid YAML or JSON: " + err.Error()}
	var ye interface {
		GetToken() *token.Token
		GetMessage() string
	}
	if errors.As(err, &ye) {
		e.Msg = "not valid YAML or JSON: " + ye.GetMessage()
		if tk := ye.GetToken(); tk != nil && tk.Position != nil {
			e.Line, e.Col = tk.Position.Line, tk.Position.Column
		}
	}
	if strings.Contains(e.Msg, "'\t'") {
		for i, line := range strings.Split(string(data), "\n") {
			indent := line[:len(line)-len(strings.TrimLeft(line, " \t"))]
			if col := strings.IndexByte(indent, '\t'); col >= 0 {
				e.Line, e.Col = i+1, col+1
				break
			}
		}
		e.Msg = "tabs are not allowed in YAML; indent with spaces (this line is indented with a tab)"
	}
	return e
}
