package sim

import (
	"fmt"
	"reflect"
	"strings"
	"sync"
)

// Clone returns a deep copy of the scenario, so that what-ifs never touch the original.
func (s *Scenario) Clone() *Scenario {
	out := &Scenario{}
	deepCopy(reflect.ValueOf(out).Elem(), reflect.ValueOf(s).Elem())
	return out
}

// cloneFor returns a copy of s in which paths can be set without touching s. The element
// each path leads into (one actor, one issue, the protocol) is copied whole, and every
// other is shared with s, which is safe for a copy that is set along paths and then only
// read. Validation applies each event, belief and variant to a copy of the scenario, and
// most change one actor: copying that actor alone costs a fraction of a whole clone.
func (s *Scenario) cloneFor(paths []string) *Scenario {
	out := *s
	dst, src := reflect.ValueOf(&out).Elem(), reflect.ValueOf(s).Elem()
	whole, unshared := map[int]bool{}, map[int]bool{}
	for _, p := range paths {
		head, rest, _ := strings.Cut(p, ".")
		field, ok := structFieldByJSON(src.Type(), head)
		if !ok || whole[field.Index[0]] {
			continue // Set reports a field that is not there
		}
		i := field.Index[0]
		from := src.Field(i)
		key, _, _ := strings.Cut(rest, ".")
		at, found := 0, false
		if from.Kind() == reflect.Slice && key != "" {
			at, found, _ = element(from, key)
		}
		if !found {
			deepCopy(dst.Field(i), from)
			whole[i] = true
			continue
		}
		if !unshared[i] {
			list := reflect.MakeSlice(from.Type(), from.Len(), from.Len())
			reflect.Copy(list, from)
			dst.Field(i).Set(list)
			unshared[i] = true
		}
		deepCopy(dst.Field(i).Index(at), from.Index(at))
	}
	return &out
}

func deepCopy(dst, src reflect.Value) {
	if shallow(src.Type()) {
		dst.Set(src)
		return
	}
	switch src.Kind() {
	case reflect.Struct:
		for i := 0; i < src.NumField(); i++ {
			deepCopy(dst.Field(i), src.Field(i))
		}
	case reflect.Slice:
		if src.IsNil() {
			return
		}
		out := reflect.MakeSlice(src.Type(), src.Len(), src.Len())
		if shallow(src.Type().Elem()) {
			reflect.Copy(out, src)
		} else {
			for i := 0; i < src.Len(); i++ {
				deepCopy(out.Index(i), src.Index(i))
			}
		}
		dst.Set(out)
	case reflect.Map:
		if src.IsNil() {
			return
		}
		out := reflect.MakeMapWithSize(src.Type(), src.Len())
		flatValues := shallow(src.Type().Elem())
		iter := src.MapRange()
		for iter.Next() {
			if flatValues {
				out.SetMapIndex(iter.Key(), iter.Value())
				continue
			}
			v := reflect.New(src.Type().Elem()).Elem()
			deepCopy(v, iter.Value())
			out.SetMapIndex(iter.Key(), v)
		}
		dst.Set(out)
	case reflect.Interface:
		if src.IsNil() {
			return
		}
		v := reflect.New(src.Elem().Type()).Elem()
		deepCopy(v, src.Elem())
		dst.Set(v)
	}
}

// shallowTypes remembers, by type, whether a plain assignment copies a value whole.
var shallowTypes sync.Map

// shallow reports whether assigning a value of type t copies all of it: it holds no slice,
// map or interface to share with the original. Every event, belief and variant a
// validation checks clones the scenario, so each struct of numbers and strings is copied
// at once rather than field by field.
func shallow(t reflect.Type) bool {
	if known, ok := shallowTypes.Load(t); ok {
		return known.(bool)
	}
	flat := true
	switch t.Kind() {
	case reflect.Slice, reflect.Map, reflect.Interface:
		flat = false
	case reflect.Array:
		flat = shallow(t.Elem())
	case reflect.Struct:
		for i := 0; i < t.NumField() && flat; i++ {
			flat = shallow(t.Field(i).Type)
		}
	}
	shallowTypes.Store(t, flat)
	return flat
}

// WithVariant returns a copy of the scenario with the named variant's overrides applied.
func (s *Scenario) WithVariant(id string) (*Scenario, error) {
	for i := range s.Variants {
		if s.Variants[i].ID != id {
			continue
		}
		out := s.Clone()
		va := &s.Variants[i]
		for _, as := range va.Set {
			if err := out.Set(as.Path, as.Value); err != nil {
				return nil, fmt.Errorf("variant %q: %w", id, err)
			}
			out.attribute(as.Path, va)
		}
		return out, nil
	}
	ids := make([]string, len(s.Variants))
	for i := range s.Variants {
		ids[i] = s.Variants[i].ID
	}
	if len(ids) == 0 {
		return nil, &PathError{Path: "variants", Msg: fmt.Sprintf("scenario %q defines no variants", s.Name)}
	}
	return nil, &PathError{Path: "variants", Msg: fmt.Sprintf("no variant %q;%s valid: %s", id, DidYouMean(id, ids), quoteList(ids))}
}

// attribute makes the source and note of the value at path the variant's: the file's
// would justify the number the variant replaced ("it rises 0.005 a round" under a variant
// that sets −0.01), and briefs quote them beside the new one. They belong to the nearest
// object around the value that carries a source and a note (an actor for its reservation,
// a preference for its weight, a constraint for its then). A variant that gives neither
// says so rather than leave the old justification standing.
func (s *Scenario) attribute(path string, va *Variant) {
	source, note := va.Source, va.Note
	if source == "" && note == "" {
		note = fmt.Sprintf("Set by the variant %s, which gives no source or note for it.", va.ID)
	}
	segs := strings.Split(path, ".")
	for n := len(segs) - 1; n > 0; n-- {
		v, _, err := s.locate(strings.Join(segs[:n], "."))
		if err != nil || v.Kind() != reflect.Struct {
			continue
		}
		if b, ok := v.Interface().(Beliefs); ok && len(b.Set) == 0 {
			// The variant dropped the actor's last belief: no belief is left to justify.
			return
		}
		src, okSource := fieldByJSON(v, "source")
		nt, okNote := fieldByJSON(v, "note")
		if okSource && okNote && src.CanSet() && nt.CanSet() {
			src.SetString(source)
			nt.SetString(note)
			return
		}
	}
}
