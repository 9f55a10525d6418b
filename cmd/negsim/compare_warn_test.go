package main

import (
	"strings"
	"testing"

	"github.com/negsim/negsim/internal/scenariotest"
)

// compare reads two scenarios, often one file and the same file under a what-if, so each
// warning says which side it is about. The treaty's minister asks 0.95 of deals worth 0.9 at
// most: a warning on A. With --set 0.5, B has none; before, A's warning printed bare, as if
// about the what-if, and with one file B's own warnings were never printed. With --set 0.97
// B's differs from A's, and each prints once, headed by its side.
func TestCompareWarningsSayWhichSide(t *testing.T) {
	file := writeTemp(t, "treaty.yaml", scenariotest.Treaty+scenariotest.TreatyParliament)
	const above = "reservation 0.95 is above the best utility"
	_, stderr, code := runNegsim(t, "compare", file, file, "--set", "actors.minister.reservation=0.5")
	if code != exitOK || !strings.Contains(stderr, "warning: A: ") || !strings.Contains(stderr, above) || strings.Contains(stderr, "warning: B: ") {
		t.Errorf("exit %d, stderr:\n%s\nwant A's warning headed A: and none for B", code, stderr)
	}
	_, stderr, _ = runNegsim(t, "compare", file, file, "--set", "actors.minister.reservation=0.97")
	if strings.Count(stderr, "warning: A: ") != 1 || strings.Count(stderr, "warning: B: ") != 1 || !strings.Contains(stderr, "reservation 0.97 is above") {
		t.Errorf("stderr:\n%s\nwant one warning on each side, B's about 0.97", stderr)
	}
}

// --limit 0 asks for the counts alone: sanctions-bite's zone of 709 deals (worked out in
// scenarios_test.go) enters whole, and none is listed. It read "0 of 709, best first …".
func TestCompareLimitZeroSaysNoneListed(t *testing.T) {
	out := runOK(t, "compare", "ukraine-2026", "ukraine-2026#sanctions-bite", "--limit", "0")
	if want := "709 deals; none listed (--limit 0)."; !strings.Contains(out, want) || strings.Contains(out, "0 of 709") {
		t.Errorf("compare --limit 0 does not say %q:\n%s", want, out)
	}
}
