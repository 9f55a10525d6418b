package main

import (
	"strings"
	"testing"
)

// TestReadmeWhoMustAgree runs the README's "Who must agree, ratification and beliefs"
// examples, one per teaching example at least, and requires every line shown.
func TestReadmeWhoMustAgree(t *testing.T) {
	examples := readmeExamples(readmeSection(t, "Who must agree, ratification and beliefs"))
	covered := map[string]bool{}
	for _, e := range examples {
		for _, a := range e.args {
			covered[a] = true
		}
		if len(e.shown) == 0 {
			t.Errorf("the example %q shows no output to check", strings.Join(e.args, " "))
		}
		t.Run(strings.Join(e.args, " "), func(t *testing.T) { e.check(t) })
	}
	for _, name := range []string{"teaching-harborco-quota", "teaching-security-council", "teaching-tied-hands", "teaching-telephone-game"} {
		if !covered[name] {
			t.Errorf("the section runs no example on %s", name)
		}
	}
}
