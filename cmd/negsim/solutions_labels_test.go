package main

import "testing"

// The bargaining solutions name a ratifier as one and mark an actor without a veto that
// would turn a solution down. Home's parliament ratifies for Home (teaching-tied-hands.yaml)
// and got "(no veto)", as if its yes counted for nothing; so did its rounds outcome row.
// Harborco's environmental coalition gets 0 from small/full, below its 0.5.
func TestSolutionsNameRatifiersAndRejections(t *testing.T) {
	wantContains(t, "analyze", runOK(t, "analyze", "teaching-tied-hands"), "│ utility: parliament (ratifies at home) │ 0.500 (+0.100) │")
	wantContains(t, "rounds", runOK(t, "rounds", "teaching-tied-hands"), "│ Home's parliament │   0.500 │       0.400 │  +0.100 │ yes (ratifies at home) │")
	wantContains(t, "analyze", runOK(t, "analyze", "teaching-harborco-quota"), "│ utility: environmentalists (no veto) │ 0.000 (-0.500) rejects │")
}
