package config

import (
	"context"
	"fmt"
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/token"

	"github.com/negsim/negsim/sim"
)

// decoder turns a YAML syntax tree into sim types by their json tags. It is written here
// rather than borrowed from the YAML library so that it can report every problem of a file
// at once, each with its line, its path and the names that would have been valid, and so
// that aliases are expanded under a budget instead of trusted.
type decoder struct {
	ctx     context.Context
	file    string
	errs    sim.Diagnostics
	pos     map[string]Position
	anchors map[string]ast.Node
	nodes   int
	depth   int
	// stopped is set when ctx ended the decoding.
	stopped bool
	// plain keeps numbers that are not finite as their text instead of refusing them.
	plain bool
	// wrongKinds index the errors in errs that found a value of the wrong kind, which
	// sayWhatFits completes with what the field holds.
	wrongKinds []int
	// aside counts the copies of a key written twice being read for their own mistakes
	// alone: nothing of them is kept, their positions included.
	aside int
	// blockTwice is set when a key written twice holds a mapping or a list: which copy the
	// author means decides everything that refers to it, so the file is not judged as a
	// whole until one is deleted.
	blockTwice bool
}

// place records where the value at path is written, unless a copy is read aside.
func (d *decoder) place(path string, at Position) {
	if d.aside == 0 {
		d.pos[path] = at
	}
}

// readAside reads the second copy of a key written twice into a value of its own type
// that nothing keeps, so that its own mistakes are reported beside the first copy's.
func (d *decoder) readAside(n ast.Node, path string, t reflect.Type, read func(n ast.Node, path string, v reflect.Value)) {
	d.aside++
	read(n, path, reflect.New(t).Elem())
	d.aside--
}

// Limits on what one file may expand to; a file inside them decodes in milliseconds.
const (
	maxNodes = 1_000_000
	maxDepth = 64
)

// Position is a place in a file, counted from 1.
type Position struct {
	Line int `json:"line"`
	Col  int `json:"col"`
}

func nodePos(n ast.Node) Position {
	if n == nil || n.GetToken() == nil || n.GetToken().Position == nil {
		return Position{}
	}
	p := n.GetToken().Position
	return Position{Line: p.Line, Col: p.Column}
}

func (d *decoder) errorf(n ast.Node, path, format string, args ...any) {
	p := nodePos(n)
	d.errs = append(d.errs, sim.Diagnostic{File: d.file, Line: p.Line, Col: p.Col, Path: path, Message: fmt.Sprintf(format, args...)})
}

// wrongKind reports a value that is not of the kind the field takes: want is that kind.
func (d *decoder) wrongKind(n ast.Node, path, want string) {
	d.errorf(n, path, "expected %s, found %s", want, describe(n))
	d.wrongKinds = append(d.wrongKinds, len(d.errs)-1)
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// resolve looks through anchors, aliases and tags to the node that holds the value.
func (d *decoder) resolve(n ast.Node, path string) (ast.Node, bool) {
	for {
		switch x := n.(type) {
		case *ast.AnchorNode:
			d.anchors[x.Name.GetToken().Value] = x.Value
			n = x.Value
		case *ast.AliasNode:
			name := x.Value.GetToken().Value
			target, ok := d.anchors[name]
			if !ok {
				d.errorf(x, path, "alias *%s refers to no anchor &%s defined before it", name, name)
				return nil, false
			}
			n = target
		case *ast.TagNode:
			if tag := x.Start.Value; !coreTags[tag] {
				d.errorf(x, path, "the tag %s is not supported: negsim reads plain values; remove the tag", tag)
				return nil, false
			}
			n = x.Value
		default:
			return n, true
		}
	}
}

// coreTags are the tags that only restate what a plain value is; any other tag asks for
// a meaning (binary data, an application type) negsim would otherwise silently drop.
var coreTags = map[string]bool{"!!str": true, "!!int": true, "!!float": true, "!!bool": true, "!!null": true, "!!map": true, "!!seq": true}

// decode fills v from node n found at path.
func (d *decoder) decode(n ast.Node, path string, v reflect.Value) {
	n, ok := d.resolve(n, path)
	if !ok {
		return
	}
	if d.nodes++; d.nodes%4096 == 0 && d.ctx != nil && d.ctx.Err() != nil {
		// Aliases can make a small file decode for a while; the caller reports ctx's error.
		d.nodes, d.stopped = maxNodes+2, true
	}
	if d.nodes > maxNodes {
		if d.nodes == maxNodes+1 {
			d.errorf(n, path, "the file expands to more than %d values (aliases repeated inside aliases?); negsim refuses it", maxNodes)
		}
		return
	}
	if d.depth++; d.depth > maxDepth {
		d.depth--
		d.errorf(n, path, "nested more than %d levels deep; a scenario never needs that", maxDepth)
		return
	}
	defer func() { d.depth-- }()
	if _, isNull := n.(*ast.NullNode); isNull && v.Kind() != reflect.Interface {
		return
	}
	switch v.Kind() {
	case reflect.Struct:
		d.decodeStruct(n, path, v)
	case reflect.Slice:
		d.decodeSlice(n, path, v)
	case reflect.Map:
		d.decodeMap(n, path, v)
	case reflect.String:
		if s, ok := d.text(n, path); ok {
			v.SetString(s)
		} else if _, isText := scalarText(n); !isText {
			d.errorf(n, path, "expected text, found %s", describe(n))
		}
	case reflect.Float64:
		if f, ok := d.number(n, path); ok {
			v.SetFloat(f)
		}
	case reflect.Int:
		if f, ok := d.number(n, path); ok {
			if f != math.Trunc(f) {
				d.wrongKind(n, path, sim.KindWords(v.Type()))
				return
			}
			if math.Abs(f) > 1e9 {
				text, _ := scalarText(n)
				d.errorf(n, path, "%s is too large: expected a whole number between -1000000000 and 1000000000", sim.Shorten(text))
				return
			}
			v.SetInt(int64(f))
		}
	case reflect.Bool:
		if b, ok := n.(*ast.BoolNode); ok {
			v.SetBool(b.Value)
		} else if x, ok := n.(*ast.StringNode); ok && quotedString(x) && isTruthText(x.Value) {
			d.errorf(n, path, "expected true or false, found the text %q: remove the quotes", x.Value)
		} else {
			d.wrongKind(n, path, sim.KindWords(v.Type()))
		}
	case reflect.Interface:
		if x, ok := d.generic(n, path); ok {
			if x != nil {
				v.Set(reflect.ValueOf(x))
			}
		}
	default:
		d.errorf(n, path, "cannot hold a value of kind %s", v.Kind())
	}
}

// isTruthText is whether text, unquoted, is a truth value a file's YAML reads as one.
func isTruthText(text string) bool {
	switch text {
	case "true", "True", "TRUE", "false", "False", "FALSE":
		return true
	}
	return false
}

func (d *decoder) number(n ast.Node, path string) (float64, bool) {
	errs := len(d.errs)
	switch x := n.(type) {
	case *ast.IntegerNode, *ast.FloatNode:
		// The YAML library's own reading is not the rule (it takes 017 as octal and +-1
		// as 1): the text as written is read by sim.ParseNumber, as --set's is.
		if f, ok := d.numberText(n, path, n.GetToken().Value); ok || len(d.errs) > errs {
			return f, ok
		}
	case *ast.InfinityNode, *ast.NanNode:
		d.wrongKind(n, path, "a finite number")
		return 0, false
	case *ast.StringNode:
		// A non-breaking space is no space to YAML, which reads "0.65" followed by one as a
		// text, and so does an editor checking the schema: it is named, not trimmed away.
		if !quotedString(x) && strings.ContainsRune(x.Value, '\u00a0') {
			if _, _, ok := sim.ParseNumber(strings.TrimSpace(x.Value)); ok {
				d.errorf(n, path, "the number %q is followed or preceded by a non-breaking space (U+00A0, which word processors put beside a number), which YAML reads as part of a text; delete it", strings.TrimSpace(x.Value))
				return 0, false
			}
		}
		text := strings.TrimSpace(x.Value)
		if quotedString(x) {
			if _, _, ok := sim.ParseNumber(text); ok {
				d.errorf(n, path, "expected a number, found the text %q: remove the quotes", x.Value)
				return 0, false
			}
		} else {
			// The YAML library keeps an integer too long for 64 bits, and 1e3, as text;
			// they are numbers all the same, and the field's own range check judges them.
			if f, ok := d.numberText(n, path, text); ok || len(d.errs) > errs {
				return f, ok
			}
			if f, err := strconv.ParseFloat(text, 64); err == nil && math.IsInf(f, 0) {
				// Infinity, as Go reads it, is no more a finite number than .inf is.
				d.wrongKind(n, path, "a finite number")
				return 0, false
			}
		}
		if hint, ok := sim.NumberHint(path, x.Value); ok {
			d.wrongKind(n, path, "a number")
			d.errs[len(d.errs)-1].Message += ": " + hint
			return 0, false
		}
	}
	d.wrongKind(n, path, "a number")
	return 0, false
}

// plainNumber is a number as an editor's YAML reader sees it, for the schema to judge:
// a number the strict rule refuses (001, +-1) is still a number there, and the loader
// says what is wrong with it when the file is loaded.
func (d *decoder) plainNumber(n ast.Node) any {
	if f, _, ok := sim.ParseNumber(n.GetToken().Value); ok {
		return f
	}
	switch v := n.(type) {
	case *ast.IntegerNode:
		switch i := v.Value.(type) {
		case int64:
			return float64(i)
		case uint64:
			return float64(i)
		}
	case *ast.FloatNode:
		return v.Value
	}
	return n.GetToken().Value
}

// numberText reads text as a number, reporting at n what is wrong with a number written
// by a slip or in a way readers take differently; false with no report is no number.
func (d *decoder) numberText(n ast.Node, path, text string) (float64, bool) {
	f, problem, ok := sim.ParseNumber(text)
	if problem != "" {
		d.errorf(n, path, "%s", problem)
	}
	return f, ok
}

// generic decodes a value whose type the schema leaves open, such as the value of an
// override: a scalar, a list or a mapping.
func (d *decoder) generic(n ast.Node, path string) (any, bool) {
	switch x := n.(type) {
	case *ast.NullNode:
		return nil, true
	case *ast.BoolNode:
		return x.Value, true
	case *ast.InfinityNode, *ast.NanNode:
		if d.plain {
			return x.GetToken().Value, true
		}
		return d.number(n, path)
	case *ast.IntegerNode, *ast.FloatNode:
		if d.plain {
			return d.plainNumber(n), true
		}
		return d.number(n, path)
	case *ast.SequenceNode:
		out := []any{}
		for i, e := range x.Values {
			var item any
			d.decode(e, join(path, strconv.Itoa(i)), reflect.ValueOf(&item).Elem())
			out = append(out, item)
		}
		return out, true
	case *ast.MappingNode, *ast.MappingValueNode:
		out := map[string]any{}
		for _, kv := range d.entries(n, path) {
			var item any
			d.decode(kv.value, join(path, kv.key), reflect.ValueOf(&item).Elem())
			if !kv.again {
				out[kv.key] = item
			}
		}
		return out, true
	}
	if _, ok := scalarText(n); ok {
		return d.text(n, path)
	}
	d.errorf(n, path, "expected a value, found %s", describe(n))
	return nil, false
}

// text is a scalar's text, refused when it holds a control character (see
// controlCharacter); ok is false for both that and a node that is no scalar.
func (d *decoder) text(n ast.Node, path string) (string, bool) {
	s, ok := scalarText(n)
	if !ok {
		return "", false
	}
	if what := ControlCharacter(s); what != "" {
		d.errorf(n, path, "the text holds %s; remove it", what)
		return "", false
	}
	return s, true
}

type entry struct {
	key   string
	keyN  ast.Node
	value ast.Node
	// again marks the second (or later) copy of a key written twice: reported, and read
	// aside for its own mistakes.
	again bool
}

// mappingValues is a mapping's key-value pairs in file order; nil for any other node.
func mappingValues(n ast.Node) []*ast.MappingValueNode {
	switch x := n.(type) {
	case *ast.MappingNode:
		return x.Values
	case *ast.MappingValueNode:
		return []*ast.MappingValueNode{x}
	}
	return nil
}

// entries lists a mapping's keys in file order, reporting duplicates and merge keys.
func (d *decoder) entries(n ast.Node, path string) []entry {
	values := mappingValues(n)
	seen := map[string]Position{}
	var out []entry
	for _, mv := range values {
		if mv.Key.IsMergeKey() {
			d.errorf(mv.Key, path, "merge keys (<<) are not supported; write the fields out")
			continue
		}
		keyNode, _ := d.resolve(mv.Key, path)
		key, ok := scalarText(keyNode)
		if !ok {
			d.errorf(mv.Key, path, "a key must be a plain name, found %s", describe(keyNode))
			continue
		}
		if what := ControlCharacter(key); what != "" {
			d.errorf(mv.Key, path, "the key %q holds %s; remove it", key, what)
			continue
		}
		if first, ok := seen[key]; ok {
			where := fmt.Sprintf("on line %d", first.Line)
			if first.Line == nodePos(mv.Key).Line {
				where = "earlier on this line"
			}
			d.errorf(mv.Key, join(path, key), "%q is written twice here, first %s; keep the one you mean and delete the other", key, where)
			if r, _ := d.resolve(mv.Value, join(path, key)); isMapping(r) || isSequence(r) {
				d.blockTwice = true
			}
			out = append(out, entry{key: key, keyN: mv.Key, value: mv.Value, again: true})
			continue
		}
		if len(out) > 0 && splitDecimals(out[len(out)-1].value, mv) {
			last := out[len(out)-1]
			whole := last.value.GetToken().Value
			if hint, ok := sim.NumberHint(join(path, last.key), whole+","+key); ok {
				d.errorf(last.value, join(path, last.key), "%s,%s reads as two entries, %s and a key %s: %s", whole, key, whole, key, hint)
				continue
			}
		}
		seen[key] = nodePos(mv.Key)
		d.place(join(path, key), nodePos(mv.Key))
		out = append(out, entry{key: key, keyN: mv.Key, value: mv.Value})
	}
	return out
}

// splitDecimals reports whether mv is the decimals of the number before it, written with a
// comma as much of Europe writes them: in {mid: 0,6} YAML reads mid: 0 and a key 6 with no
// value, the comma between them and no space on either side.
func splitDecimals(before ast.Node, mv *ast.MappingValueNode) bool {
	if _, ok := before.(*ast.IntegerNode); !ok {
		return false
	}
	if _, ok := mv.Key.(*ast.IntegerNode); !ok {
		return false
	}
	if _, ok := mv.Value.(*ast.NullNode); !ok && mv.Value != nil {
		return false
	}
	b, k := before.GetToken(), mv.Key.GetToken()
	return b != nil && k != nil && b.Position.Line == k.Position.Line &&
		k.Position.Column == b.Position.Column+len(b.Value)+1 && !strings.HasPrefix(k.Value, "-")
}

func isMapping(n ast.Node) bool {
	switch n.(type) {
	case *ast.MappingNode, *ast.MappingValueNode:
		return true
	}
	return false
}

func isSequence(n ast.Node) bool {
	_, ok := n.(*ast.SequenceNode)
	return ok
}

// field is a struct field as files name it.
type field struct {
	name      string
	index     int
	key       string        // for keyed lists: the element field the mapping key fills
	def       reflect.Value // the value a file that leaves the field out gets; invalid for the zero value
	shorthand bool
	value     bool
	required  bool
}

// defaults holds, for each scenario type whose fields default to other than their zero
// values, a value with those defaults. The engine sets them in code (sim.NewActor), which
// importers and generators start from; decoding, encoding and the schema read them here.
var defaults = map[reflect.Type]reflect.Value{
	reflect.TypeFor[sim.Actor](): reflect.ValueOf(sim.NewActor("", "")),
}

func fieldsOf(t reflect.Type) []field {
	var out []field
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "" || name == "-" {
			continue
		}
		fd := field{name: name, index: i}
		if dv, ok := defaults[t]; ok && !dv.Field(i).IsZero() {
			fd.def = dv.Field(i)
		}
		for _, opt := range strings.Split(f.Tag.Get("negsim"), ",") {
			switch {
			case strings.HasPrefix(opt, "key="):
				fd.key = strings.TrimPrefix(opt, "key=")
			case opt == "shorthand":
				fd.shorthand = true
			case opt == "value":
				fd.value = true
			case opt == "required":
				fd.required = true
			}
		}
		out = append(out, fd)
	}
	return out
}

// defaultText is the field's default as a reference shows it, "" for the zero value.
func (f field) defaultText() string {
	if !f.def.IsValid() {
		return ""
	}
	return fmt.Sprint(f.def.Interface())
}

func fieldNames(fs []field) []string {
	names := make([]string, len(fs))
	for i, f := range fs {
		names[i] = f.name
	}
	return names
}

func setDefaults(v reflect.Value, fs []field) {
	for _, f := range fs {
		if f.def.IsValid() {
			v.Field(f.index).Set(f.def)
		}
	}
}

func (d *decoder) decodeStruct(n ast.Node, path string, v reflect.Value) {
	fs := fieldsOf(v.Type())
	setDefaults(v, fs)
	if !isMapping(n) {
		for _, f := range fs {
			if f.shorthand {
				d.decode(n, join(path, f.name), v.Field(f.index))
				return
			}
		}
		d.errorf(n, path, "expected a mapping of %s, found %s", quoteNames(fieldNames(fs)), describe(n))
		return
	}
	given := map[string]bool{}
	for _, e := range d.entries(n, path) {
		if e.again {
			if i := slices.IndexFunc(fs, func(f field) bool { return f.name == e.key }); i >= 0 {
				f := fs[i]
				d.readAside(e.value, join(path, e.key), v.Field(f.index).Type(), func(n ast.Node, p string, v reflect.Value) {
					if f.key != "" {
						d.decodeKeyed(n, p, v, f.key)
					} else {
						d.decode(n, p, v)
					}
				})
			}
			continue
		}
		if key, ok := strings.CutPrefix(e.key, byteOrderMark); ok && slices.ContainsFunc(fs, func(f field) bool { return f.name == key }) {
			// A file saved by Windows Notepad, pasted into another, brings its mark along
			// to the start of a line. Read as the field it hides, it is one error, not an
			// unknown field and the field's absence.
			d.errorf(e.keyN, join(path, key), "an invisible byte-order mark (U+FEFF) stands before %q, left where a file saved on Windows was pasted in; delete the character before %s", key, key)
			e.key = key
		}
		given[e.key] = true
		i := slices.IndexFunc(fs, func(f field) bool { return f.name == e.key })
		if i < 0 {
			// A misspelt field is reported as such, not also as the field it misses.
			if guess := sim.DidYouMean(e.key, fieldNames(fs)); guess != "" {
				for _, f := range fs {
					if guess == sim.DidYouMean(f.name, []string{f.name}) {
						given[f.name] = true
					}
				}
			}
			d.errorf(e.keyN, join(path, e.key), "unknown field %q;%s valid here: %s", e.key, sim.DidYouMean(e.key, fieldNames(fs)), quoteNames(fieldNames(fs)))
			continue
		}
		f := fs[i]
		p := join(path, e.key)
		if d.emptyRequired(e.keyN, e.value, p, v.Type(), f) {
			continue
		}
		if f.key != "" {
			d.decodeKeyed(e.value, p, v.Field(f.index), f.key)
			continue
		}
		before := len(d.errs)
		d.decode(e.value, p, v.Field(f.index))
		d.sayWhatFits(before, p, v.Type(), f)
	}
	d.requireNumbers(n, path, v.Type(), fs, given)
}

// sayWhatFits adds to a value of the wrong kind what the field holds and its range, as a
// missing number is told: "expected a number, found the text "half"" alone does not say
// that a reservation runs from 0 to 1.
func (d *decoder) sayWhatFits(before int, path string, t reflect.Type, f field) {
	doc := sim.DocOf(t.Name() + "." + f.name).Text
	if doc == "" {
		return
	}
	for _, i := range d.wrongKinds {
		if i >= before && d.errs[i].Path == path {
			d.errs[i].Message += ". " + doc
		}
	}
}

// requireNumbers reports each required number or truth value the mapping n leaves out.
// Validation sees a missing name or list, which is empty; it cannot see a missing number,
// which reads as 0, a valid value that would silently change the answer (a deleted
// reservation lets the actor accept anything). The error is at the mapping's first line,
// where the actor or preference starts.
func (d *decoder) requireNumbers(n ast.Node, path string, t reflect.Type, fs []field, given map[string]bool) {
	for _, f := range fs {
		if !f.required || given[f.name] {
			continue
		}
		switch t.Field(f.index).Type.Kind() {
		case reflect.Float64, reflect.Int, reflect.Bool:
			d.errorf(firstKey(n), join(path, f.name), "%s is required and missing; it is not read as 0. %s", f.name, sim.DocOf(t.Name()+"."+f.name).Text)
		}
	}
}

// emptyRequired reports a required number or truth value written with no value
// ("reservation:" and nothing after it), which YAML reads as null and the decoder as left
// out: without this, the empty line read as 0, and an actor with no reservation accepts
// anything, which requireNumbers refuses when the line is missing altogether.
func (d *decoder) emptyRequired(key, value ast.Node, path string, t reflect.Type, f field) bool {
	if _, null := value.(*ast.NullNode); !null || !f.required {
		return false
	}
	switch t.Field(f.index).Type.Kind() {
	case reflect.Float64, reflect.Int, reflect.Bool:
		d.errorf(key, path, "%s has no value; it is required, and an empty field is not read as 0. %s", f.name, sim.DocOf(t.Name()+"."+f.name).Text)
		return true
	}
	return false
}

// firstKey is the first key of a mapping, where a reader sees the mapping start.
func firstKey(n ast.Node) ast.Node {
	switch m := n.(type) {
	case *ast.MappingNode:
		if len(m.Values) > 0 {
			return m.Values[0].Key
		}
	case *ast.MappingValueNode:
		return m.Key
	}
	return n
}

// decodeKeyed fills a list written in files as a mapping: each key becomes the element's
// key field, each value the rest of the element (or its value field, for overrides).
func (d *decoder) decodeKeyed(n ast.Node, path string, v reflect.Value, keyField string) {
	n, ok := d.resolve(n, path)
	if !ok {
		return
	}
	if _, null := n.(*ast.NullNode); null {
		return
	}
	if !isMapping(n) {
		d.errorf(n, path, "expected a mapping from %s to its settings, found %s", keyField, describe(n))
		return
	}
	elemType := v.Type().Elem()
	efs := fieldsOf(elemType)
	out := reflect.MakeSlice(v.Type(), 0, 0)
	for _, e := range d.entries(n, path) {
		elem := reflect.New(elemType).Elem()
		p := join(path, e.key)
		if e.again {
			d.aside++
		}
		for _, f := range efs {
			if f.name == keyField {
				elem.Field(f.index).SetString(e.key)
			}
		}
		if vi := slices.IndexFunc(efs, func(f field) bool { return f.value }); vi >= 0 {
			d.decode(e.value, p, elem.Field(efs[vi].index))
		} else {
			d.decodeStruct(mustResolve(d, e.value, p), p, elem)
		}
		if e.again {
			d.aside--
			continue
		}
		out = reflect.Append(out, elem)
	}
	v.Set(out)
}

func mustResolve(d *decoder, n ast.Node, path string) ast.Node {
	r, ok := d.resolve(n, path)
	if !ok {
		return n
	}
	return r
}

func (d *decoder) decodeSlice(n ast.Node, path string, v reflect.Value) {
	seq, ok := n.(*ast.SequenceNode)
	if !ok {
		// "acceptable: low, medium" is the list a person means, written as --set takes it.
		hint := ""
		if text, isText := n.(*ast.StringNode); isText && v.Type().Elem().Kind() == reflect.String {
			items := strings.Split(text.Value, ",")
			for i := range items {
				items[i] = strings.TrimSpace(items[i])
			}
			hint = fmt.Sprintf(": write it in brackets, [%s]", sim.Shorten(strings.Join(items, ", ")))
		}
		d.errorf(n, path, "expected a list, found %s%s", describe(n), hint)
		return
	}
	out := reflect.MakeSlice(v.Type(), len(seq.Values), len(seq.Values))
	keys := d.elementKeys(seq, v.Type().Elem())
	for i, e := range seq.Values {
		p := join(path, keys[i])
		d.place(p, nodePos(e))
		d.decode(e, p, out.Index(i))
	}
	v.Set(out)
}

// elementKeys names a list's elements in paths as the engine does (sim.ElementKeys): by
// their ids where the elements have one, so that a problem the engine reports at
// actors.russia.reservation is found in the file.
func (d *decoder) elementKeys(seq *ast.SequenceNode, elem reflect.Type) []string {
	ids := make([]string, len(seq.Values))
	hasID := elem.Kind() == reflect.Struct && slices.ContainsFunc(fieldsOf(elem), func(f field) bool { return f.name == "id" })
	for i, e := range seq.Values {
		if hasID {
			ids[i] = d.peekID(e)
		}
	}
	return sim.ElementKeys(ids)
}

// peekID reads the id of a list element before the element is decoded, without defining
// its anchors (the decoder does that when it gets there, in file order).
func (d *decoder) peekID(n ast.Node) string {
	for _, mv := range mappingValues(d.peek(n)) {
		if key, ok := scalarText(d.peek(mv.Key)); ok && key == "id" {
			id, _ := scalarText(d.peek(mv.Value))
			return id
		}
	}
	return ""
}

// peek looks through anchors, tags and aliases already defined, changing nothing.
func (d *decoder) peek(n ast.Node) ast.Node {
	for range maxDepth {
		switch x := n.(type) {
		case *ast.AnchorNode:
			n = x.Value
		case *ast.TagNode:
			n = x.Value
		case *ast.AliasNode:
			target, ok := d.anchors[x.Value.GetToken().Value]
			if !ok {
				return nil
			}
			n = target
		default:
			return n
		}
	}
	return nil
}

func (d *decoder) decodeMap(n ast.Node, path string, v reflect.Value) {
	if !isMapping(n) {
		d.errorf(n, path, "expected a mapping, found %s", describe(n))
		return
	}
	out := reflect.MakeMap(v.Type())
	for _, e := range d.entries(n, path) {
		elem := reflect.New(v.Type().Elem()).Elem()
		if e.again {
			d.readAside(e.value, join(path, e.key), elem.Type(), d.decode)
			continue
		}
		d.decode(e.value, join(path, e.key), elem)
		out.SetMapIndex(reflect.ValueOf(e.key), elem)
	}
	v.Set(out)
}

// scalarText is the text of a scalar as written, so that an id such as 001 stays "001".
func scalarText(n ast.Node) (string, bool) {
	switch x := n.(type) {
	case *ast.StringNode:
		return x.Value, true
	case *ast.LiteralNode:
		return x.Value.Value, true
	case *ast.IntegerNode, *ast.FloatNode, *ast.BoolNode, *ast.InfinityNode, *ast.NanNode:
		return x.GetToken().Value, true
	}
	return "", false
}

// describe names what a node holds, for "expected X, found Y" messages.
func describe(n ast.Node) string {
	switch x := n.(type) {
	case *ast.MappingNode, *ast.MappingValueNode:
		return "a mapping"
	case *ast.SequenceNode:
		return "a list"
	case *ast.NullNode:
		return "nothing"
	case *ast.StringNode:
		return fmt.Sprintf("the text %q", sim.Shorten(x.Value))
	case *ast.LiteralNode:
		return "a block of text"
	case *ast.InfinityNode, *ast.NanNode:
		return fmt.Sprintf("%s (not a finite number)", x.GetToken().Value)
	case nil:
		return "nothing"
	}
	return n.GetToken().Value
}

// quotedString reports whether a text was written in quotes, as opposed to a plain
// scalar the parser could not read as anything else.
func quotedString(x *ast.StringNode) bool {
	tk := x.GetToken()
	return tk != nil && (tk.Type == token.DoubleQuoteType || tk.Type == token.SingleQuoteType)
}

func quoteNames(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = strconv.Quote(n)
	}
	return strings.Join(q, ", ")
}

// ControlCharacter names the first control character in s that a terminal acts on, as
// "a control character, U+001B (escape), which a terminal would obey rather than show",
// or is "" when s holds none. Escape sequences in a title or a name would be obeyed by
// the terminal that shows them (retitling its window, clearing the screen) rather than
// shown, in every report and error that quotes them. Tabs and line ends are text, and so
// is NUL, which terminals ignore (cmd/negsim/testdata/hostile/null-byte.yaml).
func ControlCharacter(s string) string {
	for _, r := range s {
		if unicode.IsControl(r) && r != 0 && r != '\t' && r != '\n' && r != '\r' {
			code := fmt.Sprintf("%U", r)
			if name, ok := controlNames[r]; ok {
				code += " (" + name + ")"
			}
			return "a control character, " + code + ", which a terminal would obey rather than show"
		}
	}
	return ""
}

// controlNames are the control characters a text is likeliest to carry by accident.
var controlNames = map[rune]string{0x07: "bell", 0x08: "backspace", 0x0b: "vertical tab", 0x0c: "form feed", 0x1b: "escape", 0x7f: "delete"}
