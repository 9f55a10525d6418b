package sim

import (
	"math"
	"reflect"
	"strings"
	"testing"
)

// rangeOf (sim/uncertainty.go) is the range a Monte Carlo draw must stay in and the one an
// event's change is clamped to. It follows a path through the scenario's types to the
// bounds fieldDocs gives the field; a number field in a type the walk does not reach would
// be drawn and moved without bounds. This test tries every number field of every type.

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

// The ranges MODEL.md section 1 gives each number, written out by hand, for every path form
// a draw, an event or a belief may take.
func TestRangeOfPaths(t *testing.T) {
	inf := math.Inf(1)
	for _, c := range []struct {
		path    string
		low     float64
		high    float64
		lowOpen bool
	}{
		{"actors.a.reservation", 0, 1, false},
		{"actors.a.reservation_drift", -1, 1, false},
		{"actors.a.power", 0, inf, true},
		{"actors.a.utility_scale", 0, inf, false},
		{"actors.a.preferences.i.weight", 0, inf, false},
		{"actors.a.preferences.i.utilities.o", 0, 1, false},
		{"actors.a.strategy.exponent", 0, inf, true},
		// A belief is a path from the scenario: its bounds are those of what it pictures.
		{"actors.a.beliefs.set.actors.b.reservation", 0, 1, false},
		{"actors.a.beliefs.set.actors.b.preferences.i.utilities.o", 0, 1, false},
		// Paths that name no bounded number.
		{"actors.a.preferences.i.utilities", math.Inf(-1), inf, false},
		{"actors.a.nosuch", math.Inf(-1), inf, false},
		{"", math.Inf(-1), inf, false},
	} {
		got := rangeOf(c.path)
		if got.low != c.low || got.high != c.high || got.lowOpen != c.lowOpen {
			t.Errorf("rangeOf(%q) = %v, want low %v high %v open %v", c.path, got, c.low, c.high, c.lowOpen)
		}
	}
}
