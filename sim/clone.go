package sim

import (
	"fmt"
	"reflect"
)

// Clone returns a deep copy of the scenario, so that what-ifs never touch the original.
func (s *Scenario) Clone() *Scenario {
	out := &Scenario{}
	deepCopy(reflect.ValueOf(out).Elem(), reflect.ValueOf(s).Elem())
	return out
}

func deepCopy(dst, src reflect.Value) {
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
		for i := 0; i < src.Len(); i++ {
			deepCopy(out.Index(i), src.Index(i))
		}
		dst.Set(out)
	case reflect.Map:
		if src.IsNil() {
			return
		}
		out := reflect.MakeMapWithSize(src.Type(), src.Len())
		iter := src.MapRange()
		for iter.Next() {
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
	default:
		dst.Set(src)
	}
}

// WithVariant returns a copy of the scenario with the named variant's overrides applied.
func (s *Scenario) WithVariant(id string) (*Scenario, error) {
	for i := range s.Variants {
		if s.Variants[i].ID != id {
			continue
		}
		out := s.Clone()
		for _, as := range s.Variants[i].Set {
			if err := out.Set(as.Path, as.Value); err != nil {
				return nil, fmt.Errorf("variant %q: %w", id, err)
			}
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
