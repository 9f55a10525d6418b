// Package diagtest checks the located problems negsim reports, for the tests of the
// readers that report them (config's loader, cmd/negsim's deals files).
package diagtest

import (
	"errors"
	"testing"

	"github.com/negsim/negsim/sim"
)

// WantLocated fails the test unless err is a non-empty sim.Diagnostics in which every
// problem names file and says what is wrong: what a reader owes its user for any input.
func WantLocated(t testing.TB, err error, file string) {
	t.Helper()
	var list sim.Diagnostics
	if !errors.As(err, &list) || len(list) == 0 {
		t.Fatalf("got %T %v, want a non-empty sim.Diagnostics", err, err)
	}
	for _, e := range list {
		if e.File != file || e.Message == "" {
			t.Fatalf("error without file %s or message: %+v", file, e)
		}
	}
}
