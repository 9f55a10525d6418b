package config

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strings"

	"github.com/negsim/negsim/sim"
)

// SchemaFile is the name the JSON Schema ships under, beside the scenarios, and the name
// the yaml-language-server modeline of a scenario file refers to.
const SchemaFile = "negsim.schema.json"

// Schema returns the JSON Schema (draft 2020-12) of scenario files, generated from the sim
// types by the tags the decoder reads: json names, `default`, `negsim:"key=F"` lists written
// as mappings, `negsim:"shorthand"` scalars and `negsim:"required"`. Descriptions and bounds
// come from sim.DocOf. Editors use it to complete and check fields as a teacher types; the
// loader remains the judge, since the schema cannot see across the file (an issue named in
// preferences must exist, utilities must cover every option, ids must be unique).
func Schema() ([]byte, error) {
	g := &schemaGen{defs: map[string]any{}}
	root := g.object(reflect.TypeOf(sim.Scenario{}), "")
	root["$schema"] = "https://json-schema.org/draft/2020-12/schema"
	root["title"] = "negsim scenario"
	root["$defs"] = g.defs
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(root); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

type schemaGen struct {
	defs map[string]any
}

// object is the schema of a struct as a mapping of its fields, leaving out the field a
// keyed list fills from the mapping key.
func (g *schemaGen) object(t reflect.Type, skip string) map[string]any {
	props := map[string]any{}
	required := []string{}
	for _, f := range fieldsOf(t) {
		if f.name == skip {
			continue
		}
		props[f.name] = g.field(t, f)
		if f.required {
			required = append(required, f.name)
		}
	}
	s := map[string]any{"type": "object", "properties": props, "additionalProperties": false}
	if len(required) > 0 {
		s["required"] = required
	}
	if d := sim.DocOf(t.Name()); d.Text != "" {
		s["description"] = d.Text
		for k, v := range d.Rules {
			s[k] = v
		}
	}
	return s
}

func (g *schemaGen) field(owner reflect.Type, f field) map[string]any {
	ft := owner.Field(f.index).Type
	s := g.typ(ft, f.key)
	d := sim.DocOf(owner.Name() + "." + f.name)
	if d.Text != "" {
		s["description"] = d.Text
	}
	for k, v := range d.Rules {
		s[k] = v
	}
	if d.Item != nil {
		inner := s
		switch {
		case s["items"] != nil:
			inner = s["items"].(map[string]any)
		case s["additionalProperties"] != nil:
			inner = s["additionalProperties"].(map[string]any)
		}
		for k, v := range d.Item {
			inner[k] = v
		}
	}
	if f.required {
		// The validator refuses an empty value wherever it refuses a missing one.
		switch ft.Kind() {
		case reflect.String:
			if _, ok := s["pattern"]; !ok {
				s["minLength"] = 1
			}
		case reflect.Slice:
			if f.key != "" {
				s["minProperties"] = 1
			} else {
				s["minItems"] = 1
			}
		case reflect.Map:
			s["minProperties"] = 1
		}
	}
	if f.def.IsValid() {
		s["default"] = f.def.Interface()
	}
	return s
}

// typ is the schema of a Go type as files write it; key is the element field a keyed list
// fills from its mapping keys.
func (g *schemaGen) typ(t reflect.Type, key string) map[string]any {
	switch t.Kind() {
	case reflect.String:
		return map[string]any{"type": "string"}
	case reflect.Float64:
		return map[string]any{"type": "number"}
	case reflect.Int:
		return map[string]any{"type": "integer"}
	case reflect.Bool:
		return map[string]any{"type": "boolean"}
	case reflect.Interface:
		return map[string]any{}
	case reflect.Map:
		return map[string]any{"type": "object", "additionalProperties": g.typ(t.Elem(), "")}
	case reflect.Slice:
		if key == "" {
			return map[string]any{"type": "array", "items": g.typ(t.Elem(), "")}
		}
		elem := t.Elem()
		for _, f := range fieldsOf(elem) {
			if f.value {
				return map[string]any{"type": "object", "additionalProperties": g.typ(elem.Field(f.index).Type, "")}
			}
		}
		return map[string]any{"type": "object", "additionalProperties": g.ref(elem, key)}
	case reflect.Struct:
		ref := g.ref(t, "")
		for _, f := range fieldsOf(t) {
			if f.shorthand {
				scalar := g.field(t, f)
				for k, v := range sim.DocOf(t.Name()).Shorthand {
					scalar[k] = v
				}
				return map[string]any{"anyOf": []any{ref, scalar}}
			}
		}
		return ref
	}
	panic(fmt.Sprintf("config: no schema for Go type %s", t))
}

// ref names a struct's schema in $defs, defining it on first use.
func (g *schemaGen) ref(t reflect.Type, skip string) map[string]any {
	name := t.Name()
	if _, ok := g.defs[name]; !ok {
		g.defs[name] = nil // a placeholder, should a type ever contain itself
		g.defs[name] = g.object(t, skip)
	}
	return map[string]any{"$ref": "#/$defs/" + name}
}

// SchemaField is one field of the file format as the field reference lists it.
type SchemaField struct {
	Path        string `json:"path"`
	Type        string `json:"type"`
	Required    bool   `json:"required"`
	Default     string `json:"default,omitempty"`
	Description string `json:"description"`
}

// SchemaFields lists every field a scenario file can hold, in the order the types declare
// them, with paths such as actors[].preferences.ISSUE.weight: [] marks a list, an upper-case
// step a key the author chooses.
func SchemaFields() []SchemaField {
	var out []SchemaField
	var walk func(t reflect.Type, prefix, skip string)
	walk = func(t reflect.Type, prefix, skip string) {
		for _, f := range fieldsOf(t) {
			if f.name == skip {
				continue
			}
			ft := t.Field(f.index).Type
			path := join(prefix, f.name)
			out = append(out, SchemaField{Path: path, Type: typeName(ft, f.key), Required: f.required, Default: f.defaultText(),
				Description: sim.DocOf(t.Name() + "." + f.name).Text})
			switch {
			case f.key != "":
				elem := ft.Elem()
				if !slices.ContainsFunc(fieldsOf(elem), func(e field) bool { return e.value }) {
					walk(elem, path+"."+strings.ToUpper(f.key), f.key)
				}
			case ft.Kind() == reflect.Slice && ft.Elem().Kind() == reflect.Struct:
				walk(ft.Elem(), path+"[]", "")
			case ft.Kind() == reflect.Struct:
				walk(ft, path, "")
			}
		}
	}
	walk(reflect.TypeOf(sim.Scenario{}), "", "")
	return out
}

func typeName(t reflect.Type, key string) string {
	if noun, ok := sim.ScalarNoun(t.Kind()); ok {
		return noun
	}
	switch t.Kind() {
	case reflect.Interface:
		return "any value"
	case reflect.Map:
		return "mapping of " + typeName(t.Elem(), "")
	case reflect.Slice:
		if key != "" {
			return "mapping from " + key
		}
		return "list of " + typeName(t.Elem(), "")
	case reflect.Struct:
		for _, f := range fieldsOf(t) {
			if f.shorthand {
				return "mapping, or " + typeName(t.Field(f.index).Type, "")
			}
		}
		return "mapping"
	}
	return t.String()
}
