package main

import (
	"strings"
	"testing"
)

// The report's caption of the rounds chart names the line styles the chart draws, as its
// key does: in the reference scenario's talks no one puts a deal on the table (the United
// States, mediating, finds no text it believes every party could accept: negsim rounds says
// so round by round), so there is no dashed utility of a proposal; in the job offer the
// parties propose in turn.
func TestReportCaptionNamesOnlyTheLinesDrawn(t *testing.T) {
	for _, c := range []struct {
		scenario string
		dashed   bool
	}{
		{"ukraine-2026", false},
		{"teaching-two-party", true},
	} {
		out := runOK(t, "report", c.scenario, "--format", "markdown")
		_, caption, ok := strings.Cut(out, "![The rounds: ")
		caption, _, _ = strings.Cut(caption, "]")
		if !ok {
			t.Fatalf("%s: the report has no rounds chart", c.scenario)
		}
		if got := strings.Contains(caption, "utility of the proposal (dashed)"); got != c.dashed {
			t.Errorf("%s: the rounds chart's caption %q; want the dashed utility of the proposal named: %v", c.scenario, caption, c.dashed)
		}
	}
}
