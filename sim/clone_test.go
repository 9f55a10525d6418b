package sim_test

import (
	"fmt"
	"reflect"
	"strconv"
	"testing"

	"github.com/negsim/negsim/internal/scenariotest"
	"github.com/negsim/negsim/sim"
)

// A clone shares no slice, map or interface value with its original, down to the notes of
// a belief and the values of an event, so a what-if applied to it never shows in the
// scenario it came from. The walk below reads the two side by side with reflection,
// independently of how Clone copies.
func TestCloneSharesNothing(t *testing.T) {
	for _, name := range []string{"ukraine-2026", "teaching-telephone-game", "teaching-security-council", "teaching-harborco-quota"} {
		orig := scenariotest.Shipped(t, name, "").Scenario
		clone := orig.Clone()
		if !reflect.DeepEqual(orig, clone) {
			t.Fatalf("%s: the clone differs from its original", name)
		}
		var shared []string
		sharesWith(reflect.ValueOf(orig).Elem(), reflect.ValueOf(clone).Elem(), name, &shared)
		if len(shared) > 0 {
			t.Errorf("%s: the clone shares %d values with its original, first %s", name, len(shared), shared[0])
		}
	}
}

func sharesWith(a, b reflect.Value, at string, shared *[]string) {
	switch a.Kind() {
	case reflect.Struct:
		for i := range a.NumField() {
			sharesWith(a.Field(i), b.Field(i), at+"."+a.Type().Field(i).Name, shared)
		}
	case reflect.Slice:
		if a.Len() > 0 && a.Pointer() == b.Pointer() {
			*shared = append(*shared, at)
		}
		for i := range a.Len() {
			sharesWith(a.Index(i), b.Index(i), at, shared)
		}
	case reflect.Map:
		if a.Len() > 0 && a.Pointer() == b.Pointer() {
			*shared = append(*shared, at)
		}
		for _, k := range a.MapKeys() {
			sharesWith(a.MapIndex(k), b.MapIndex(k), at+"."+k.String(), shared)
		}
	case reflect.Interface:
		if !a.IsNil() {
			sharesWith(a.Elem(), b.Elem(), at, shared)
		}
	}
}

// Validation applies each variant, event and belief to a copy of the scenario that shares
// what the override does not lead into. A variant per settable value (every row of
// params, each set to another value of its kind) must then leave the scenario exactly as
// it was: were any of them written into a shared actor, issue or mapping, the scenario
// would differ from the full clone taken before.
func TestValidatingOverridesLeavesTheScenario(t *testing.T) {
	for _, name := range []string{"ukraine-2026", "teaching-telephone-game", "teaching-security-council", "teaching-harborco-quota"} {
		sc := scenariotest.Shipped(t, name, "").Scenario
		before := sc.Clone()
		n := 0
		for _, p := range sc.Params() {
			value, ok := anotherValue(p)
			if !ok {
				continue
			}
			sc.Variants = append(sc.Variants, sim.Variant{ID: fmt.Sprintf("probe-%d", n), Description: "probe", Set: []sim.Assignment{{Path: p.Path, Value: value}}})
			n++
		}
		if n < 20 {
			t.Fatalf("%s: only %d values to set", name, n)
		}
		sc.Validate()
		sc.Variants = sc.Variants[:len(before.Variants)]
		if before.Variants == nil {
			sc.Variants = nil
		}
		if !reflect.DeepEqual(sc, before) {
			t.Errorf("%s: validating %d variants changed the scenario", name, n)
		}
	}
}

// anotherValue is a value of p's kind other than its current one, as --set writes it.
func anotherValue(p sim.Param) (string, bool) {
	switch p.Kind {
	case sim.ParamNumber, sim.ParamInteger:
		if p.Min == nil || p.Max == nil {
			return "", false
		}
		if v := strconv.FormatFloat(*p.Max, 'g', -1, 64); v != p.Value {
			return v, true
		}
		return strconv.FormatFloat(*p.Min, 'g', -1, 64), true
	case sim.ParamBool:
		return strconv.FormatBool(p.Value != "true"), true
	case sim.ParamOption:
		for _, c := range p.Choices {
			if c != p.Value {
				return c, true
			}
		}
	case sim.ParamOptions:
		if len(p.Choices) > 0 {
			return "[" + p.Choices[len(p.Choices)-1] + "]", true
		}
	case sim.ParamText:
		return p.Value + " (probe)", true
	}
	return "", false
}
