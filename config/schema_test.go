package config

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/negsim/negsim/internal/schematest"
	"github.com/negsim/negsim/sim"
)

var update = flag.Bool("update", false, "rewrite the shipped schema from the generator")

var shippedSchema = filepath.Join("..", "scenarios", SchemaFile)

// TestShippedSchemaIsGenerated keeps scenarios/negsim.schema.json equal to what Schema
// generates; go test ./config -update rewrites it.
func TestShippedSchemaIsGenerated(t *testing.T) {
	want, err := Schema()
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.WriteFile(shippedSchema, want, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(shippedSchema)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(bytes.ReplaceAll(got, []byte("\r\n"), []byte("\n")), want) {
		t.Fatalf("%s is not what the generator writes; run go test ./config -update", shippedSchema)
	}
}

// TestSchemaDocumentsEveryField checks that every field and type has a description, and
// that sim.DocOf names no field that does not exist.
func TestSchemaDocumentsEveryField(t *testing.T) {
	used := map[string]bool{}
	seen := map[reflect.Type]bool{}
	var walk func(t reflect.Type)
	walk = func(rt reflect.Type) {
		for rt.Kind() == reflect.Slice || rt.Kind() == reflect.Map {
			rt = rt.Elem()
		}
		if rt.Kind() != reflect.Struct || seen[rt] {
			return
		}
		seen[rt] = true
		if rt.Name() != "Assignment" {
			used[rt.Name()] = true
		}
		for _, f := range fieldsOf(rt) {
			if f.value || f.name == "issue" || f.name == "path" {
				continue // filled from a mapping key or standing for the element itself
			}
			used[rt.Name()+"."+f.name] = true
			walk(rt.Field(f.index).Type)
		}
	}
	walk(reflect.TypeOf(sim.Scenario{}))
	for k := range used {
		if sim.DocOf(k).Text == "" {
			t.Errorf("sim.DocOf has no description for %s", k)
		}
	}
	for _, k := range sim.DocKeys() {
		if !used[k] {
			t.Errorf("sim.DocOf describes %s, which files cannot hold", k)
		}
	}
	for _, f := range SchemaFields() {
		if f.Description == "" {
			t.Errorf("field %s has no description in the reference", f.Path)
		}
	}
}

func loadFixture(t *testing.T) (any, []byte) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "full.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	v, err := Plain("full.yaml", data)
	if err != nil {
		t.Fatal(err)
	}
	return v, data
}

// mutation is one small change to a valid file that the schema declares invalid.
type mutation struct {
	what  string // e.g. Actor.reservation maximum
	path  []any  // keys and indices into the plain data
	apply func(parent any, step any)
}

// TestSchemaAndLoaderAgree walks the schema alongside a fixture that uses every field,
// and for each constraint the schema states (a required field, a bound, an enum, an id
// pattern, a minimum count, a type, no unknown fields) breaks the fixture in that one
// place. Each broken copy must fail both the schema and the loader, and every constraint
// the schema states must have been tried: so the schema never refuses what the loader
// accepts, for any file one step from a valid one.
func TestSchemaAndLoaderAgree(t *testing.T) {
	sch := schematest.Compile(t, SchemaFile, Schema)
	raw, err := Schema()
	if err != nil {
		t.Fatal(err)
	}
	var root map[string]any
	if err := json.Unmarshal(raw, &root); err != nil {
		t.Fatal(err)
	}
	fixture, data := loadFixture(t)
	if _, err := Load("full.yaml", data); err != nil {
		t.Fatalf("fixture fails the loader: %v", err)
	}
	if err := sch.Validate(fixture); err != nil {
		t.Fatalf("fixture fails the schema: %v", err)
	}

	w := &schemaWalker{root: root}
	w.walk(root, "Scenario", fixture, nil)
	for _, m := range w.muts {
		broken := deepCopy(fixture)
		parent := broken
		for _, step := range m.path[:len(m.path)-1] {
			parent = index(parent, step)
		}
		m.apply(parent, m.path[len(m.path)-1])
		js, err := json.Marshal(broken)
		if err != nil {
			t.Fatal(err)
		}
		_, loadErr := Load("broken.json", js)
		schemaErr := sch.Validate(broken)
		if loadErr == nil || schemaErr == nil {
			t.Errorf("%s at %v: loader error %v, schema error %v; want both to refuse it", m.what, m.path, loadErr, schemaErr)
		}
	}
	var missed []string
	for c := range w.declared {
		if !w.tried[c] {
			missed = append(missed, c)
		}
	}
	sort.Strings(missed)
	if len(missed) > 0 {
		t.Errorf("the fixture gives no value on which to try %s; extend testdata/full.yaml", strings.Join(missed, ", "))
	}
	t.Logf("%d mutations, %d constraints", len(w.muts), len(w.declared))
}

type schemaWalker struct {
	root     map[string]any
	muts     []mutation
	declared map[string]bool
	tried    map[string]bool
}

func (w *schemaWalker) resolve(s map[string]any) (map[string]any, string) {
	if ref, ok := s["$ref"].(string); ok {
		name := strings.TrimPrefix(ref, "#/$defs/")
		return w.root["$defs"].(map[string]any)[name].(map[string]any), name
	}
	return s, ""
}

func (w *schemaWalker) add(what string, path []any, apply func(parent, step any)) {
	w.tried[what] = true
	w.muts = append(w.muts, mutation{what: what, path: slices.Clone(path), apply: apply})
}

func set(v any) func(parent, step any) {
	return func(parent, step any) {
		switch p := parent.(type) {
		case map[string]any:
			p[step.(string)] = v
		case []any:
			p[step.(int)] = v
		}
	}
}

func remove(parent, step any) { delete(parent.(map[string]any), step.(string)) }

// walk visits value v, which schema s (named name, for messages) describes.
func (w *schemaWalker) walk(s map[string]any, name string, v any, path []any) {
	if w.declared == nil {
		w.declared, w.tried = map[string]bool{}, map[string]bool{}
	}
	if r, def := w.resolve(s); def != "" {
		s, name = r, def
	}
	if alts, ok := s["anyOf"].([]any); ok && s["type"] == nil && s["properties"] == nil {
		// A shorthand: the mapping form or the scalar that stands for it.
		for _, alt := range alts {
			r, _ := w.resolve(alt.(map[string]any))
			if (r["type"] == "object") == isMap(v) {
				w.walk(alt.(map[string]any), name, v, path)
			}
		}
		return
	}
	if len(path) > 0 {
		w.value(s, name, v, path)
	}
	switch x := v.(type) {
	case map[string]any:
		if props, ok := s["properties"].(map[string]any); ok {
			w.declared[name+" unknown field"] = true
			w.add(name+" unknown field", append(path, "nmae"), set("x"))
			for _, r := range asList(s["required"]) {
				what := name + "." + r.(string) + " required"
				w.declared[what] = true
				if _, ok := x[r.(string)]; ok {
					w.add(what, append(path, r.(string)), remove)
				}
			}
			for k, ps := range props {
				w.declareValue(ps.(map[string]any), name+"."+k)
				if xv, ok := x[k]; ok {
					w.walk(ps.(map[string]any), name+"."+k, xv, append(path, k))
				}
			}
		}
		if ap, ok := s["additionalProperties"].(map[string]any); ok {
			w.declareValue(ap, name+"[*]")
			for _, k := range sortedKeys(x) {
				w.walk(ap, name+"[*]", x[k], append(path, k))
			}
		}
	case []any:
		if it, ok := s["items"].(map[string]any); ok {
			w.declareValue(it, name+"[]")
			for i, e := range x {
				w.walk(it, name+"[]", e, append(path, i))
			}
		}
	}
}

// valueChecks are the keywords on a value the walker knows how to break.
var valueChecks = []string{"minimum", "maximum", "exclusiveMinimum", "enum", "pattern", "minItems", "minProperties", "minLength", "propertyNames", "type"}

func (w *schemaWalker) declareValue(s map[string]any, name string) {
	for _, k := range valueChecks {
		if _, ok := s[k]; ok {
			w.declared[name+" "+k] = true
		}
	}
}

// value breaks one value in each way its schema forbids.
func (w *schemaWalker) value(s map[string]any, name string, v any, path []any) {
	num := func(k string) (float64, bool) {
		switch x := s[k].(type) {
		case float64:
			return x, true
		}
		return 0, false
	}
	if m, ok := num("minimum"); ok {
		w.add(name+" minimum", path, set(m-1))
	}
	if m, ok := num("maximum"); ok {
		w.add(name+" maximum", path, set(m+1))
	}
	if m, ok := num("exclusiveMinimum"); ok {
		w.add(name+" exclusiveMinimum", path, set(m))
	}
	if _, ok := s["enum"]; ok {
		w.add(name+" enum", path, set("no-such-kind"))
	}
	if _, ok := s["pattern"]; ok {
		w.add(name+" pattern", path, set("Not An Id"))
	}
	if _, ok := s["minItems"]; ok {
		w.add(name+" minItems", path, set([]any{}))
	}
	if _, ok := s["minProperties"]; ok {
		w.add(name+" minProperties", path, set(map[string]any{}))
	}
	if _, ok := s["minLength"]; ok {
		w.add(name+" minLength", path, set(""))
	}
	if _, ok := s["propertyNames"]; ok {
		if m, isMap := v.(map[string]any); isMap && len(m) > 0 {
			first := sortedKeys(m)[0]
			w.add(name+" propertyNames", path, func(parent, step any) {
				inner := index(parent, step).(map[string]any)
				inner["Not An Id"] = inner[first]
				delete(inner, first)
			})
		}
	}
	switch s["type"] {
	case "number", "integer", "boolean", "array":
		w.add(name+" type", path, set("text"))
	// An object with a shorthand (an option, a strategy) may also be written as text, which
	// can be a valid id: a list is neither.
	case "string", "object":
		w.add(name+" type", path, set([]any{"a", "list"}))
	}
}

func isMap(v any) bool { _, ok := v.(map[string]any); return ok }

func asList(v any) []any {
	l, _ := v.([]any)
	return l
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func index(v any, step any) any {
	switch x := v.(type) {
	case map[string]any:
		return x[step.(string)]
	case []any:
		return x[step.(int)]
	}
	panic(fmt.Sprintf("cannot step %v into %T", step, v))
}

func deepCopy(v any) any {
	switch x := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[k] = deepCopy(e)
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = deepCopy(e)
		}
		return out
	}
	return v
}

// A belief's path has one shape that needs nothing else in the file to see: it starts
// actors.ID. and goes on to a value of that actor; and null, which drops a belief in a
// variant's or an event's set:, sets nothing in the belief itself. The schema said only
// "an object", so an editor passed set: {actors: {west: {reservation: 0.2}}} (a path
// written as nested mappings), set: {reservation: 0.2} and set: {actors.west.reservation:
// null}, each of which validate refuses at that line. It failed before: the schema
// accepted all three.
func TestSchemaRefusesABeliefPathValidateRefuses(t *testing.T) {
	sch := schematest.Compile(t, SchemaFile, Schema)
	base := "name: T\nissues:\n  - id: x\n    name: X\n    options: [{id: a}, {id: b}]\nactors:\n" +
		"  - id: east\n    name: East\n    reservation: 0.3\n    preferences:\n      x: {weight: 1, ideal: a}\n" +
		"    beliefs:\n      set: SET\n" +
		"  - id: west\n    name: West\n    reservation: 0.3\n    preferences:\n      x: {weight: 1, ideal: b}\n"
	for _, c := range []struct {
		set  string
		good bool
	}{
		{"{actors.west.reservation: 0.2}", true},
		{"{actors.west.preferences.x.weight: 2}", true},
		{"{actors: {west: {reservation: 0.2}}}", false},
		{"{reservation: 0.2}", false},
		{"{actors.west: 0.2}", false},
		{"{actors.west.reservation: null}", false},
	} {
		data := []byte(strings.Replace(base, "SET", c.set, 1))
		_, loadErr := Load("b.yaml", data)
		v, err := Plain("b.yaml", data)
		if err != nil {
			t.Fatalf("%s: %v", c.set, err)
		}
		schemaErr := sch.Validate(v)
		if (loadErr == nil) != c.good || (schemaErr == nil) != c.good {
			t.Errorf("set: %s: loader error %v, schema error %v; want both to %s it", c.set, loadErr, schemaErr, map[bool]string{true: "accept", false: "refuse"}[c.good])
		}
	}
}
