package main

import (
	"testing"
)

// A row of params, pasted into --set, must work from the command line too: the flow-list
// syntax [a,b] included. Narrowing the candidate's salary red line from [mid,high] to
// [high] leaves 3 of the 4 ZOPA deals (the deal with salary mid goes: see
// scenarios/teaching-two-party.yaml), which shows the value was read, not ignored.
func TestParamsRowsWorkAsSet(t *testing.T) {
	got := runJSON[struct {
		Params []struct{ Path, Value, Kind string }
	}](t, "params", "teaching-two-party")
	var row string
	for _, p := range got.Params {
		if p.Path == "actors.candidate.preferences.salary.acceptable" {
			row = p.Path + "=" + p.Value
		}
	}
	if row != "actors.candidate.preferences.salary.acceptable=[mid,high]" {
		t.Fatalf("salary red line row = %q", row)
	}
	zopa := func(set string) uint64 {
		t.Helper()
		return zopaCount(t, "teaching-two-party", "--set", set)
	}
	if n := zopa(row); n != 4 {
		t.Errorf("%s: %v deals in the ZOPA, want the unchanged 4", row, n)
	}
	if n := zopa("actors.candidate.preferences.salary.acceptable=[high]"); n != 3 {
		t.Errorf("salary [high]: %v deals in the ZOPA, want 3", n)
	}
}
