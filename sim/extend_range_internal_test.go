package sim

import (
	"math"
	"reflect"
	"strings"
	"testing"
)

// rangeOf (sim/uncertainty.go) is the range a Monte Carlo draw must stay in and the one an
// event's change is clamped to; fieldDocs holds the bounds that the schema declares and
// validation checks. A number field whose bounds are written in fieldDocs alone compiles
// and passes every other test, yet Monte Carlo may then draw values that validation
// refuses in a file (uniform(0.5, 7) for a value in [0,1]) and events push it past its
// bound. This test fails instead.

// numberFieldPaths is where each scenario type that holds numbers sits in a path; a
// type's number fields are tried under it. Uncertain is left out: its numbers are the
// parameters of a distribution, never a value a draw or an event sets.
var numberFieldPaths = map[string]string{
	"Actor":      "actors.a.",
	"Preference": "actors.a.preferences.i.",
	"Strategy":   "actors.a.strategy.",
}

func TestRangesFollowFieldBounds(t *testing.T) {
	seen := map[reflect.Type]bool{}
	var walk func(reflect.Type)
	walk = func(ty reflect.Type) {
		for ty.Kind() == reflect.Slice || ty.Kind() == reflect.Map || ty.Kind() == reflect.Pointer {
			ty = ty.Elem()
		}
		if ty.Kind() != reflect.Struct || seen[ty] || ty.Name() == "Uncertain" {
			return
		}
		seen[ty] = true
		for i := range ty.NumField() {
			f := ty.Field(i)
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if name == "" || name == "-" {
				continue
			}
			walk(f.Type)
			number := f.Type.Kind() == reflect.Float64
			mapOfNumbers := f.Type.Kind() == reflect.Map && f.Type.Elem().Kind() == reflect.Float64
			if !number && !mapOfNumbers {
				continue
			}
			prefix, ok := numberFieldPaths[ty.Name()]
			if !ok {
				t.Errorf("%s.%s is a number, but this test does not know where a %s sits in a path: add it to numberFieldPaths", ty.Name(), name, ty.Name())
				continue
			}
			doc := DocOf(ty.Name() + "." + name)
			rules, path := doc.Rules, prefix+name
			if mapOfNumbers {
				rules, path = doc.Item, path+".k"
			}
			want := boundsOf(rules)
			got := rangeOf(path)
			if got.low != want.low || got.high != want.high || got.lowOpen != want.lowOpen {
				t.Errorf("%s: fieldDocs[%q] (sim/fielddoc.go) bounds it to %v, but rangeOf (sim/uncertainty.go) gives %v: Monte Carlo draws and event changes must keep to the bounds validation checks; give the field a case in rangeOf", path, ty.Name()+"."+name, want, got)
			}
		}
	}
	walk(reflect.TypeFor[Scenario]())
}

// boundsOf reads a field's numeric schema keywords as a range; a missing end is unbounded.
func boundsOf(rules map[string]any) valueRange {
	r := valueRange{low: math.Inf(-1), high: math.Inf(1)}
	num := func(k string) (float64, bool) {
		switch v := rules[k].(type) {
		case int:
			return float64(v), true
		case float64:
			return v, true
		}
		return 0, false
	}
	if lo, ok := num("minimum"); ok {
		r.low = lo
	}
	if lo, ok := num("exclusiveMinimum"); ok {
		r.low, r.lowOpen = lo, true
	}
	if hi, ok := num("maximum"); ok {
		r.high = hi
	}
	return r
}
