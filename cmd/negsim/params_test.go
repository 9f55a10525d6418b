package main

import (
	"encoding/json"
	"testing"
)

// A row of params, pasted into --set, must work from the command line too: the flow-list
// syntax [a,b] included. Narrowing the candidate's salary red line from [mid,high] to
// [high] leaves 3 of the 4 ZOPA deals (the deal with salary mid goes: see
// scenarios/teaching-two-party.yaml), which shows the value was read, not ignored.
func TestParamsRowsWorkAsSet(t *testing.T) {
	out := runOK(t, "params", "teaching-two-party", "--format", "json")
	var got struct {
		Params []struct{ Path, Value, Kind string }
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	var row string
	for _, p := range got.Params {
		if p.Path == "actors.candidate.preferences.salary.acceptable" {
			row = p.Path + "=" + p.Value
		}
	}
	if row != "actors.candidate.preferences.salary.acceptable=[mid,high]" {
		t.Fatalf("salary red line row = %q", row)
	}
	zopa := func(set string) float64 {
		t.Helper()
		out := runOK(t, "analyze", "teaching-two-party", "--format", "json", "--set", set)
		var an struct{ Zopa struct{ Count float64 } }
		if err := json.Unmarshal([]byte(out), &an); err != nil {
			t.Fatal(err)
		}
		return an.Zopa.Count
	}
	if n := zopa(row); n != 4 {
		t.Errorf("%s: %v deals in the ZOPA, want the unchanged 4", row, n)
	}
	if n := zopa("actors.candidate.preferences.salary.acceptable=[high]"); n != 3 {
		t.Errorf("salary [high]: %v deals in the ZOPA, want 3", n)
	}
}
