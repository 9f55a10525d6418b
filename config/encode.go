package config

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/negsim/negsim/sim"
)

// Marshal writes a scenario as a YAML scenario file that Load reads back to the same
// scenario: keyed lists (preferences, overrides) as mappings, utilities in option order,
// numbers with every digit they need to come back bit for bit, and fields left at their
// zero value left out where the schema allows.
func Marshal(sc *sim.Scenario) ([]byte, error) {
	e := &encoder{sc: sc}
	node := e.value(reflect.ValueOf(sc).Elem())
	var b bytes.Buffer
	writeNode(&b, node, 0)
	return b.Bytes(), nil
}

// A node is a YAML value about to be written: a mapping in order, a list or a scalar.
type node struct {
	keys   []string
	values []*node
	list   []*node
	isList bool
	scalar string
}

func (n *node) set(k string, v *node) {
	n.keys = append(n.keys, k)
	n.values = append(n.values, v)
}

func (n *node) isMap() bool { return !n.isList && n.keys != nil }

type encoder struct{ sc *sim.Scenario }

func (e *encoder) value(v reflect.Value) *node {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			return &node{scalar: "null"}
		}
		return e.value(v.Elem())
	case reflect.Struct:
		return e.structNode(v)
	case reflect.Slice:
		n := &node{isList: true}
		for i := 0; i < v.Len(); i++ {
			n.list = append(n.list, e.value(v.Index(i)))
		}
		return n
	case reflect.Map:
		n := &node{keys: []string{}}
		keys := make([]string, 0, v.Len())
		for _, k := range v.MapKeys() {
			keys = append(keys, k.String())
		}
		slices.Sort(keys)
		for _, k := range keys {
			n.set(k, e.value(v.MapIndex(reflect.ValueOf(k))))
		}
		return n
	case reflect.String:
		return &node{scalar: quote(v.String())}
	case reflect.Float64:
		return &node{scalar: formatFloat(v.Float())}
	case reflect.Int:
		return &node{scalar: strconv.FormatInt(v.Int(), 10)}
	case reflect.Bool:
		return &node{scalar: strconv.FormatBool(v.Bool())}
	}
	raw, _ := json.Marshal(v.Interface())
	return &node{scalar: string(raw)}
}

func omittable(tag string) bool {
	_, opts, _ := strings.Cut(tag, ",")
	return strings.Contains(opts, "omitempty") || strings.Contains(opts, "omitzero")
}

// atDefault reports whether a field holds what reading the file without it would give: its
// default when it has one (votes: 1), its zero value otherwise. A field with a default keeps
// its zero value, which then means something (votes: 0).
func atDefault(fv reflect.Value, def reflect.Value) bool {
	if def.IsValid() && fv.Kind() == reflect.Int {
		return fv.Int() == def.Int()
	}
	return fv.IsZero() || (fv.Kind() == reflect.Slice || fv.Kind() == reflect.Map) && fv.Len() == 0
}

func (e *encoder) structNode(v reflect.Value) *node {
	n := &node{keys: []string{}}
	t := v.Type()
	for _, f := range fieldsOf(t) {
		fv := v.Field(f.index)
		if omittable(t.Field(f.index).Tag.Get("json")) && atDefault(fv, f.def) {
			continue
		}
		switch {
		case f.key != "":
			n.set(f.name, e.keyed(fv, f.key))
		case f.name == "utilities" && t == reflect.TypeOf(sim.Preference{}):
			n.set(f.name, e.utilities(v.Interface().(sim.Preference)))
		default:
			n.set(f.name, e.value(fv))
		}
	}
	return n
}

// keyed writes a list as the mapping files use: each element's key field becomes the key.
func (e *encoder) keyed(v reflect.Value, keyField string) *node {
	n := &node{keys: []string{}}
	efs := fieldsOf(v.Type().Elem())
	for i := 0; i < v.Len(); i++ {
		el := v.Index(i)
		var key string
		for _, f := range efs {
			if f.name == keyField {
				key = el.Field(f.index).String()
			}
		}
		if vi := slices.IndexFunc(efs, func(f field) bool { return f.value }); vi >= 0 {
			n.set(key, e.value(el.Field(efs[vi].index)))
			continue
		}
		inner := e.structNode(el)
		at := slices.Index(inner.keys, keyField)
		inner.keys = slices.Delete(inner.keys, at, at+1)
		inner.values = slices.Delete(inner.values, at, at+1)
		n.set(key, inner)
	}
	return n
}

// utilities lists an actor's values in the order of the issue's options, the order a
// reader thinks in.
func (e *encoder) utilities(pr sim.Preference) *node {
	n := &node{keys: []string{}}
	var order []string
	if k := e.sc.IssueIndex(pr.Issue); k >= 0 {
		for _, op := range e.sc.Issues[k].Options {
			order = append(order, op.ID)
		}
	}
	var rest []string
	for id := range pr.Utilities {
		if !slices.Contains(order, id) {
			rest = append(rest, id)
		}
	}
	slices.Sort(rest)
	for _, id := range append(order, rest...) {
		if u, ok := pr.Utilities[id]; ok {
			n.set(id, &node{scalar: formatFloat(u)})
		}
	}
	return n
}

// formatFloat writes the shortest decimal that reads back as the same float, without an
// exponent: the YAML decoder takes 1e-07 for text.
func formatFloat(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }

// plain matches text YAML reads back as the same text without quotes.
var plain = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_ .,;()/'&+-]*[A-Za-z0-9_.)]$|^[A-Za-z]$`)

var yamlWords = map[string]bool{"true": true, "false": true, "yes": true, "no": true, "on": true, "off": true, "null": true, "y": true, "n": true, "~": true}

// quote leaves text plain where YAML cannot mistake it for anything else, and writes it as
// a double-quoted (JSON) string otherwise.
func quote(s string) string {
	if plain.MatchString(s) && !yamlWords[strings.ToLower(s)] && !strings.Contains(s, " #") && !strings.Contains(s, ": ") {
		return s
	}
	raw, _ := json.Marshal(s)
	return string(raw)
}

func writeNode(b *bytes.Buffer, n *node, indent int) {
	pad := strings.Repeat("  ", indent)
	switch {
	case n.isList:
		for _, item := range n.list {
			if item.isMap() && len(item.keys) > 0 {
				var inner bytes.Buffer
				writeNode(&inner, item, indent+1)
				s := inner.String()
				// The first key goes on the dash's line.
				fmt.Fprintf(b, "%s- %s", pad, strings.TrimPrefix(s, pad+"  "))
				continue
			}
			fmt.Fprintf(b, "%s- %s\n", pad, inline(item))
		}
	case n.isMap():
		for i, k := range n.keys {
			v := n.values[i]
			key := quote(k)
			switch {
			case v.isList && len(v.list) > 0 && !hasMaps(v):
				fmt.Fprintf(b, "%s%s: %s\n", pad, key, inline(v))
			case (v.isList && len(v.list) > 0) || (v.isMap() && len(v.keys) > 0):
				fmt.Fprintf(b, "%s%s:\n", pad, key)
				writeNode(b, v, indent+1)
			default:
				fmt.Fprintf(b, "%s%s: %s\n", pad, key, inline(v))
			}
		}
	default:
		fmt.Fprintf(b, "%s%s\n", pad, n.scalar)
	}
}

func hasMaps(n *node) bool {
	for _, item := range n.list {
		if item.isMap() || item.isList {
			return true
		}
	}
	return false
}

// inline writes a scalar, an empty collection or a list of scalars on one line.
func inline(n *node) string {
	switch {
	case n.isList:
		parts := make([]string, len(n.list))
		for i, item := range n.list {
			parts[i] = inline(item)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case n.keys != nil:
		return "{}"
	}
	return n.scalar
}
