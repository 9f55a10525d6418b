// Package config turns scenario files into validated sim.Scenarios, with every problem
// located by file, line, column and path, and holds the application's own settings.
package config

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
	"github.com/goccy/go-yaml/token"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"

	"github.com/negsim/negsim/internal/textpos"
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
	return ReadFileContext(context.Background(), path, maxBytes)
}

// byteOrderMark is the UTF-8 byte-order mark, which editors on Windows write at the start
// of a file.
const byteOrderMark = "\ufeff"

// parseAsideFrom is the size from which a parse may take long enough (tens of
// milliseconds) to be worth abandoning when the run is stopped.
const parseAsideFrom = 64 << 10

// ReadFileContext reads an input file (a scenario, a deals file, another tool's file)
// under the size limit. A folder or a device is refused; anything else that is not a
// regular file (a pipe) is read up to the limit, and a read that blocks on a pipe nobody
// writes to ends when ctx does.
func ReadFileContext(ctx context.Context, path string, maxBytes int64) ([]byte, error) {
	if info, err := os.Stat(path); err != nil || info.Mode().IsRegular() {
		return readLimited(path, maxBytes)
	}
	return Aside(ctx, func() ([]byte, error) { return readLimited(path, maxBytes) })
}

// StandardInput is how errors name an input read from standard input ("-").
const StandardInput = "standard input"

// ReadStandardInput reads an input piped in (negsim new - … | negsim analyze -) under the
// size limit a file has; a read that blocks because nothing is piped in ends when ctx does.
func ReadStandardInput(ctx context.Context, r io.Reader, maxBytes int64) ([]byte, error) {
	return Aside(ctx, func() ([]byte, error) { return readAllLimited(StandardInput, r, maxBytes) })
}

func readLimited(path string, maxBytes int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	switch mode := info.Mode(); {
	case mode.IsDir():
		return nil, sim.Diagnostics{{File: path, Message: "this is a folder; give a file"}}
	case mode&(os.ModeDevice|os.ModeCharDevice|os.ModeSocket) != 0:
		return nil, sim.Diagnostics{{File: path, Message: "this is a device, not a file; give a file"}}
	}
	return readAllLimited(path, f, maxBytes)
}

func readAllLimited(name string, r io.Reader, maxBytes int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxBytes+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > maxBytes {
		return nil, sim.Diagnostics{{File: name, Message: fmt.Sprintf("the file is larger than %s; a scenario or a deals file is a few kilobytes, so this is probably not one (raise --max-file-size if it really is)", Size(maxBytes))}}
	}
	return data, nil
}

// Size says a size limit as a person reads it: "4 MiB (4,194,304 bytes)", or "100 bytes"
// when the limit is no whole number of KiB or MiB.
func Size(n int64) string {
	exact := sim.Thousands(uint64(max(n, 0))) + " bytes"
	if n == 1 {
		exact = "1 byte"
	}
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB (%s)", n>>20, exact)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB (%s)", n>>10, exact)
	}
	return exact
}

// parse finds the one YAML (or JSON) document a file holds, in the file's text (Text).
// The pre-scan bounds the parser's work first; the parser itself takes no context, so a
// large file is parsed aside and a cancelled ctx returns at once while the bounded parse
// finishes unheeded.
func parse(ctx context.Context, name string, raw []byte) (ast.Node, error) {
	data, err := Text(name, raw)
	if err != nil {
		return nil, err
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, sim.Diagnostics{{File: name, Message: "the file is empty; a scenario needs at least name, issues and actors (negsim new writes a starter file)"}}
	}
	if err := prescan(ctx, name, data); err != nil {
		return nil, err
	}
	// A key written twice is left to the decoder, which reports it beside every other
	// problem of the file rather than alone.
	parseData := func() (*ast.File, error) { return parser.ParseBytes(data, 0, parser.AllowDuplicateMapKey()) }
	var f *ast.File
	if len(data) < parseAsideFrom {
		f, err = parseData()
	} else {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if f, err = Aside(ctx, parseData); ctx.Err() != nil {
			return nil, ctx.Err()
		}
	}
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
	body, err := parse(context.Background(), name, data)
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
// Every problem is reported at once as Diagnostics (the first MaxErrorsPerFile of them);
// warnings travel on the Document.
func Load(name string, data []byte) (*Document, error) { return Open(name, data, "", nil) }

// LoadContext is Load that stops, with ctx's error, when ctx ends.
func LoadContext(ctx context.Context, name string, data []byte) (*Document, error) {
	return OpenContext(ctx, name, data, "", nil)
}

// Open loads a scenario as the what-if asks for it: the file, then the variant, then the
// overrides in order, compiled once. A file that is invalid by itself is reported as such;
// a what-if that leaves the scenario invalid is reported in the words the user typed.
func Open(name string, data []byte, variant string, sets []Override) (*Document, error) {
	return OpenContext(context.Background(), name, data, variant, sets)
}

// OpenContext is Open that stops, with ctx's error, when ctx ends.
func OpenContext(ctx context.Context, name string, data []byte, variant string, sets []Override) (*Document, error) {
	doc, err := decode(ctx, name, data)
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
	doc, d, err := decodeFile(context.Background(), name, data)
	if doc == nil {
		return nil, err
	}
	if len(d.errs) > 0 {
		return doc.Scenario, d.errs
	}
	return doc.Scenario, nil
}

func decodeFile(ctx context.Context, name string, data []byte) (*Document, *decoder, error) {
	body, err := parse(ctx, name, data)
	if err != nil {
		return nil, nil, err
	}
	d := &decoder{ctx: ctx, file: name, pos: map[string]Position{}, anchors: map[string]ast.Node{}}
	sc := &sim.Scenario{}
	if r, ok := d.resolve(body, ""); ok && !isMapping(r) {
		return nil, nil, sim.Diagnostics{{File: name, Line: nodePos(r).Line, Col: nodePos(r).Col, Message: fmt.Sprintf("expected a scenario (a mapping with name, issues and actors), found %s; is this a negsim scenario file?", describe(r))}}
	}
	d.decode(body, "", reflect.ValueOf(sc).Elem())
	if d.stopped {
		return nil, nil, ctx.Err()
	}
	return &Document{Name: name, Scenario: sc, file: sc, pos: d.pos}, d, nil
}

// decode reads a file into a document without validating it, unless decoding fails: then
// validation runs too, so that every problem of the file is reported at once.
func decode(ctx context.Context, name string, data []byte) (*Document, error) {
	doc, d, err := decodeFile(ctx, name, data)
	if err != nil {
		return nil, err
	}
	sc, errs := doc.Scenario, d.errs
	if len(errs) == 0 {
		return doc, nil
	}
	if d.nodes > maxNodes {
		return nil, capErrors(name, errs)
	}
	// A block written twice (two issues: lists) leaves open which the author means: judged
	// by the first, the actors' references to the second's issues were reported as
	// unknown. Each copy's own mistakes are reported, and the file as a whole once one is
	// deleted.
	if d.blockTwice {
		sortErrors(errs)
		return nil, capErrors(name, errs)
	}
	// Where decoding failed, validation would fail too for the same reason (a misspelt
	// weight reads as a missing one, and its actor then weighs nothing): report the
	// decoding error alone, and nothing validation says about the value itself, nor what
	// it says only because of the default standing in for the value. Validation is run
	// again on probes, each broken number set to 1 and each broken switch set on in one
	// and off in the other; what it says in every probe holds whatever the value (an
	// unknown issue the weight was written under) and is reported now rather than after
	// the next run. What it says only with the default is not: a ratifier "holding a
	// veto" where the file wrote veto: "no", read as the default, true.
	// A value that can be neither set to 1 nor switched (a misspelt field, a list) leaves
	// what holds it unprobed: nothing validation says there is kept.
	broken, unprobed := map[string]bool{}, map[string]bool{}
	probes := [2]*sim.Scenario{sc.Clone(), sc.Clone()}
	for _, e := range errs {
		broken[e.Path] = true
		switch {
		case probes[0].Set(e.Path, 1.0) == nil:
			_ = probes[1].Set(e.Path, 1.0)
		case probes[0].Set(e.Path, true) == nil:
			_ = probes[1].Set(e.Path, false)
		default:
			unprobed[parent(e.Path)] = true
			unprobed[parent(parent(e.Path))] = true
		}
	}
	regardless := map[string]int{}
	for _, probe := range probes {
		for _, p := range probe.Validate().Errors() {
			regardless[p.Path+"\x00"+p.Message]++
		}
	}
	for _, p := range sc.Validate().Errors() {
		if !broken[p.Path] && !unprobed[p.Path] && regardless[p.Path+"\x00"+p.Message] == len(probes) {
			errs = append(errs, doc.ErrorAt(p))
		}
	}
	sortErrors(errs)
	return nil, capErrors(name, errs)
}

// located places the engine's diagnostics in this document's file, in line order.
func (doc *Document) located(found sim.Diagnostics) sim.Diagnostics {
	out := make(sim.Diagnostics, len(found))
	for i, p := range found {
		out[i] = doc.ErrorAt(p)
	}
	sortErrors(out)
	return capErrors(doc.Name, out)
}

// MaxErrorsPerFile is the most problems reported for one file: a file with thousands is
// not a scenario with thousands of mistakes, and the first few say what is wrong.
const MaxErrorsPerFile = 100

// capErrors keeps the first MaxErrorsPerFile problems and says how many more there were.
func capErrors(name string, l sim.Diagnostics) sim.Diagnostics {
	if len(l) <= MaxErrorsPerFile {
		return l
	}
	kind := "errors"
	if !l[0].IsError() {
		kind = "warnings"
	}
	more := sim.Diagnostic{Severity: l[MaxErrorsPerFile].Severity, File: name, Message: fmt.Sprintf(moreFormat, len(l)-MaxErrorsPerFile, kind, MaxErrorsPerFile)}
	return append(l[:MaxErrorsPerFile:MaxErrorsPerFile], more)
}

const moreFormat = "and %d more %s not shown (negsim reports the first %d of a file)"

// Total counts the problems of a list, those capErrors left out included.
func Total(l sim.Diagnostics) int {
	n := len(l)
	if n == MaxErrorsPerFile+1 {
		var more, limit int
		var kind string
		if _, err := fmt.Sscanf(l[n-1].Message, moreFormat, &more, &kind, &limit); err == nil {
			n += more - 1
		}
	}
	return n
}

// Text is a file negsim reads as text (a scenario, a deals file, a transcript) as its
// readers parse it: UTF-8 with each line ended by "\n" (DecodeText), refused when it is in
// another encoding (NotUTF8). Every line and column said of a file is counted in this text,
// which is the line and column an editor shows.
func Text(name string, data []byte) ([]byte, error) {
	text, err := DecodeText(name, data)
	if err != nil {
		return nil, err
	}
	if d := NotUTF8(name, text); d != nil {
		return nil, sim.Diagnostics{*d}
	}
	return text, nil
}

// DecodeText is the one place where the bytes of a file negsim reads become text, for
// every reader: UTF-16 behind a byte-order mark (Windows Notepad's "Unicode", Excel's
// "Unicode Text") is decoded to UTF-8, as a browser decodes it when the file is opened on
// the page; UTF-8's byte-order mark is dropped; Windows' "\r\n" and old Macs' lone "\r"
// (Excel's "CSV (Macintosh)") end lines as "\n". UTF-16 without a mark is refused, named
// (EncodingProblem): the page cannot read it either. Other bytes that are not UTF-8 are
// left to the caller: an XML file may declare its encoding.
//
// The byte-order mark is read by the decoder negsim play reads a moves stream with, so that
// a file and a stream of the same bytes read alike.
func DecodeText(name string, data []byte) ([]byte, error) {
	switch {
	case bytes.HasPrefix(data, []byte{0xff, 0xfe}), bytes.HasPrefix(data, []byte{0xfe, 0xff}):
		if len(data)%2 != 0 {
			return nil, sim.Diagnostics{{File: name, Message: "the file starts as UTF-16 but ends half-way through a character: it was cut short; save it again, as UTF-8 (in most editors: Save as, Encoding: UTF-8)"}}
		}
		utf8, _, err := transform.Bytes(unicode.BOMOverride(transform.Nop), data)
		if err != nil {
			return nil, sim.Diagnostics{{File: name, Message: err.Error()}}
		}
		data = utf8
	default:
		if problem := EncodingProblem(data); problem != "" {
			return nil, sim.Diagnostics{{File: name, Message: problem}}
		}
		data = bytes.TrimPrefix(data, []byte(byteOrderMark))
	}
	if bytes.IndexByte(data, '\r') < 0 {
		return data, nil
	}
	data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
	return bytes.ReplaceAll(data, []byte("\r"), []byte("\n")), nil
}

// EncodingProblem says, in words for the user, why text negsim reads (a scenario, a deals
// file, a transcript, another tool's file) is UTF-16, or "" when it is not. Windows Notepad's
// "Unicode" and Excel's "Unicode Text" write UTF-16, with a byte-order mark or without one;
// read as UTF-8 it is a NUL byte between every two letters.
func EncodingProblem(data []byte) string {
	if enc := utf16Encoding(data); enc != "" {
		return "the file is encoded as " + enc + "; save it as UTF-8 (in most editors: Save as, Encoding: UTF-8)"
	}
	return ""
}

// NotUTF8 is why text negsim reads as UTF-8 (a scenario, a deals file, a transcript) is not
// UTF-8, nil when it is: UTF-16 (EncodingProblem), or the first byte that is not UTF-8,
// located. A file saved as Latin-1 or Windows-1252 (Windows' "ANSI") otherwise reads without
// an error, each accented letter turned into "�" in every name and note shown. Data with
// control characters is no text in any encoding (an image or a program renamed), which the
// readers say in their words.
func NotUTF8(name string, data []byte) *sim.Diagnostic {
	if problem := EncodingProblem(data); problem != "" {
		return &sim.Diagnostic{File: name, Message: problem}
	}
	if utf8.Valid(data) || bytes.ContainsFunc(data, func(r rune) bool { return r < 0x20 && r != '\t' && r != '\n' && r != '\r' }) {
		return nil
	}
	off := 0
	for {
		r, size := utf8.DecodeRune(data[off:])
		if r == utf8.RuneError && size == 1 {
			break
		}
		off += size
	}
	// The column counts the bad byte as one character, as an editor shows it.
	line, col := textpos.New(data).LineCol(int64(off + 1))
	return &sim.Diagnostic{File: name, Line: line, Col: col, Message: fmt.Sprintf(
		"byte 0x%02X is not UTF-8: the file was saved in another encoding, such as Latin-1 (Windows' \"ANSI\"); save it as UTF-8 (in most editors: Save as, Encoding: UTF-8)", data[off])}
}

func utf16Encoding(data []byte) string {
	switch {
	case bytes.HasPrefix(data, []byte{0xff, 0xfe}):
		return "UTF-16 (little-endian)"
	case bytes.HasPrefix(data, []byte{0xfe, 0xff}):
		return "UTF-16 (big-endian)"
	}
	// Without a mark, UTF-16 text has a NUL in each pair of bytes that holds an ASCII
	// letter, always on the same side; UTF-8 text has none. The first 64 bytes decide,
	// since a scenario or a table starts with ASCII keys.
	pairs := min(len(data), 64) / 2
	var oddNUL, evenNUL int
	for i := range pairs {
		if data[2*i] == 0 {
			evenNUL++
		}
		if data[2*i+1] == 0 {
			oddNUL++
		}
	}
	switch {
	case pairs == 0:
		return ""
	case 2*oddNUL >= pairs && evenNUL == 0:
		return "UTF-16 (little-endian)"
	case 2*evenNUL >= pairs && oddNUL == 0:
		return "UTF-16 (big-endian)"
	}
	return ""
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

var duplicateKey = regexp.MustCompile(`mapping key ("[^"]*") already defined at \[(\d+):\d+\]`)

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
	// The parser's words name its grammar, not the slip a person made; the usual slip
	// behind each is said beside it. JSON has no indentation to blame.
	start := bytes.TrimLeft(data, byteOrderMark+" \t\r\n")
	isJSON := len(start) > 0 && (start[0] == '{' || start[0] == '[')
	switch {
	case strings.Contains(e.Message, "not allowed in this context") && !isJSON:
		e.Message += "; check the indentation of this line and the next: the keys of one mapping start in the same column"
	case strings.HasSuffix(e.Message, "unexpected key name"), strings.HasSuffix(e.Message, "non-map value is specified"):
		e.Message += "; write each key with a colon and a space before its value, as in id: x"
	}
	// A word processor's characters look right on the page and break the grammar: the
	// character is named, where it stands, with what to type in its place.
	if !isJSON && e.Line > 0 && !duplicateKey.MatchString(e.Message) {
		if col, what, ok := lookalike(data, e.Line); ok {
			e.Col, e.Message = col, what
		} else if col, what, ok := colonInText(data, e.Line); ok {
			e.Col, e.Message = col, what
		}
	}
	// A text opened with a quote and never closed runs on, by YAML's rules, to the next
	// quote, lines later, and the parser stops there: it is the opening that needs mending.
	if line, col, ok := unclosedQuote(data, e.Line); ok && !isJSON && e.Line > 0 {
		if line == e.Line {
			e.Message = `the text opened with " here is not closed; end it with " on the same line`
		} else {
			e.Message = fmt.Sprintf(`the text opened with " here is not closed on its line, so YAML reads on to line %d; end it with " on the same line`, e.Line)
		}
		e.Line, e.Col = line, col
	}
	// "mapping key "x" already defined at [29:5]": the grammar's words and its brackets
	// for a key written twice in one place, where neither line is sure to be the one meant.
	if m := duplicateKey.FindStringSubmatch(e.Message); m != nil {
		first := "on line " + m[2]
		if m[2] == strconv.Itoa(e.Line) {
			first = "earlier on this line"
		}
		e.Message = fmt.Sprintf("%s is written twice here, first %s; keep the one you mean and delete the other", m[1], first)
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

// lookalike finds, on line n of data, the first character a word processor puts where YAML
// wants another: a curly quote for a straight one, a non-breaking space for a space, an en
// or em dash for the "-" that starts a list item. It returns the character's column and
// what to type in its place, and only when typing that on the line moves the parser past
// it: a curly quote in a line broken for another reason is the text's own.
func lookalike(data []byte, n int) (col int, what string, ok bool) {
	lines := strings.Split(string(data), "\n")
	if n > len(lines) {
		return 0, "", false
	}
	line := lines[n-1]
	rest := strings.TrimLeft(line, " ")
	switch {
	case strings.HasPrefix(rest, "\u2013 "), strings.HasPrefix(rest, "\u2014 "):
		dash, _ := utf8.DecodeRuneInString(rest)
		name := map[rune]string{'\u2013': "an en dash", '\u2014': "an em dash"}[dash]
		col = len(line) - len(rest) + 1
		what = fmt.Sprintf(`this list item starts with "%c" (%s, which word processors make of "-"); type "-" in its place`, dash, name)
	case strings.ContainsAny(line, "\u201c\u201d\u201e"):
		col = utf8.RuneCountInString(line[:strings.IndexAny(line, "\u201c\u201d\u201e")]) + 1
		what = `the text on this line is in curly quotes (“ ”), which YAML reads as letters, not as quotes (a word processor's "smart quotes"); type straight quotes (") in their place`
	case strings.ContainsAny(line, "\u2018\u2019"):
		col = utf8.RuneCountInString(line[:strings.IndexAny(line, "\u2018\u2019")]) + 1
		what = `the text on this line is in curly quotes (‘ ’), which YAML reads as letters, not as quotes (a word processor's "smart quotes"); type straight quotes (') in their place`
	case strings.ContainsRune(line, '\u00a0'):
		col = utf8.RuneCountInString(line[:strings.IndexRune(line, '\u00a0')]) + 1
		what = "this line holds a non-breaking space (U+00A0, which word processors put after a colon or in an indentation), which YAML does not read as a space; type an ordinary space in its place"
	default:
		return 0, "", false
	}
	lines[n-1] = straighten.Replace(line)
	if !parsesPast(lines, n) {
		return 0, "", false
	}
	return col, what, true
}

// keyAndText splits a line "key: text" (or "- key: text") into what comes before the
// text, the key and the text.
var keyAndText = regexp.MustCompile(`^(\s*(?:- )?([A-Za-z_][\w-]*):\s+)(.+?)\s*$`)

// colonInText finds on line n a text that holds a colon and a space, as "Note: …" or
// "Source: …" do, which YAML reads as a second key on the line and a teacher reads as
// punctuation. It returns the text's column and what to type instead, and only when quoting
// the text moves the parser past the line.
func colonInText(data []byte, n int) (col int, what string, ok bool) {
	lines := strings.Split(string(data), "\n")
	if n > len(lines) {
		return 0, "", false
	}
	m := keyAndText.FindStringSubmatch(lines[n-1])
	if m == nil || strings.ContainsAny(m[3][:1], "\"'{[|>&*!#") || !strings.Contains(m[3]+" ", ": ") {
		return 0, "", false
	}
	quote := `"`
	if strings.Contains(m[3], `"`) {
		if strings.Contains(m[3], "'") {
			return 0, "", false
		}
		quote = "'"
	}
	lines[n-1] = m[1] + quote + m[3] + quote
	if !parsesPast(lines, n) {
		return 0, "", false
	}
	example := m[3]
	if r := []rune(example); len(r) > 40 {
		// Cut at a space: the example shows where the quotes go, not the whole text.
		cut := string(r[:36])
		if i := strings.LastIndex(cut, " "); i > 0 {
			cut = cut[:i]
		}
		example = cut + " …"
	}
	return utf8.RuneCountInString(m[1]) + 1, fmt.Sprintf(`the text of %s holds a colon and a space (": "), which YAML reads as the start of another key; put the whole text in quotes: %s: %s%s%s`,
		m[2], m[2], quote, example, quote), true
}

// parsesPast reports whether the parser, given lines with line n mended, reads past line
// n: either without error, or stopping at another line. Only then is the mend the one that
// line needed.
func parsesPast(lines []string, n int) bool {
	_, err := parser.ParseBytes([]byte(strings.Join(lines, "\n")), 0)
	if err == nil {
		return true
	}
	var ye interface{ GetToken() *token.Token }
	return errors.As(err, &ye) && ye.GetToken() != nil && ye.GetToken().Position != nil && ye.GetToken().Position.Line != n
}

// straighten types on a line what a word processor replaced.
var straighten = strings.NewReplacer("\u201c", `"`, "\u201d", `"`, "\u201e", `"`, "\u2018", "'", "\u2019", "'", "\u00a0", " ", "\u2013 ", "- ", "\u2014 ", "- ")

// unclosedQuote finds, up to line last, the first line with an odd number of double
// quotes outside comments, and the column of the last of them: a text opened there and
// not closed on its line.
func unclosedQuote(data []byte, last int) (line, col int, ok bool) {
	for i, text := range strings.Split(string(data), "\n") {
		if i+1 > last {
			break
		}
		open, at := false, 0
		for j := 0; j < len(text); j++ {
			switch {
			case text[j] == '\\' && open:
				j++
			case text[j] == '"':
				open, at = !open, j
			case text[j] == '#' && !open && (j == 0 || text[j-1] == ' '):
				j = len(text)
			}
		}
		if open {
			return i + 1, utf8.RuneCountInString(text[:at]) + 1, true
		}
	}
	return 0, 0, false
}

// Aside runs work that takes no context, such as a file read that may block or another
// tool's reader, so that --timeout and Ctrl-C still end the command at once: it returns
// work's result, or ctx's error as soon as ctx is done, the work then left to finish
// unobserved and nothing it makes used.
func Aside[T any](ctx context.Context, work func() (T, error)) (T, error) {
	type result struct {
		v   T
		err error
	}
	done := make(chan result, 1)
	go func() {
		v, err := work()
		done <- result{v, err}
	}()
	select {
	case r := <-done:
		return r.v, r.err
	case <-ctx.Done():
		var zero T
		return zero, ctx.Err()
	}
}
