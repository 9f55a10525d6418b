package sim

import (
	"fmt"
	"testing"
)

// compiled compiles a scenario the test built to be valid; any error fails the test. (The
// external tests have their own, over the exported API; a random draw that may be invalid
// goes through compileDrawn instead.)
func compiled(t testing.TB, sc *Scenario) *Space {
	t.Helper()
	sp, err := Compile(sc)
	if err != nil {
		t.Fatal(err)
	}
	return sp
}

// gridIssues is a space of the given size for tests that need one of a shape, not of a
// meaning: issues i0, i1, … each with options o0, o1, ….
func gridIssues(issues, options int) []Issue {
	out := make([]Issue, 0, issues)
	for k := range issues {
		is := Issue{ID: fmt.Sprintf("i%d", k), Name: fmt.Sprintf("issue %d", k)}
		for o := range options {
			is.Options = append(is.Options, Option{ID: fmt.Sprintf("o%d", o)})
		}
		out = append(out, is)
	}
	return out
}
