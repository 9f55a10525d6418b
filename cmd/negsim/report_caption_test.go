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

// The report's utility plane sets two veto actors against each other, and its caption names
// only what it draws. In the Harborco quota Harborco alone holds a veto: there is no plane
// to draw, and the report says so rather than leave out the chart its help promises. As
// shipped, the reference scenario's zone is empty and its rounds reach no deal (no one
// puts a text on the table): the plane would be two walk-away lines in an empty box under
// a caption naming a frontier and a Nash solution. Under ceasefire-first the zone is
// empty too (Ukraine's referendum rejects every deal the table accepts) but the rounds
// reach a deal, which the plane shows. In the job offer the zone holds 4 deals and the
// parties agree.
func TestReportPlaneSaysWhatItDrawsOrWhyItIsMissing(t *testing.T) {
	for _, c := range []struct {
		args    []string
		caption string // "" when the report must draw no plane
		missing string
	}{
		{[]string{"teaching-harborco-quota"}, "", "No utility plane: it sets two veto actors against each other, and Harborco (developer) is the only actor holding a veto."},
		{[]string{"ukraine-2026"}, "", "No utility plane: the zone of possible agreement is empty (Part 2 says why) and the rounds reached no deal"},
		{[]string{"ukraine-2026", "--variant", "ceasefire-first"}, "The utility plane of Ukraine and Russia, in points: the deal the rounds reached and their walk-away values", ""},
		{[]string{"teaching-two-party"}, "The utility plane of Candidate and Employer, in points: the ZOPA's frontier for them, the Nash solution, the deal the rounds reached and their walk-away values", ""},
	} {
		out := runOK(t, append([]string{"report", "--format", "markdown"}, c.args...)...)
		_, charts, _ := strings.Cut(out, "## Charts")
		_, caption, drawn := strings.Cut(charts, "![The utility plane")
		caption, _, _ = strings.Cut(caption, "]")
		switch {
		case c.caption == "" && drawn:
			t.Errorf("%v: the report draws a plane %q; want none", c.args, caption)
		case c.caption != "" && "The utility plane"+caption != c.caption:
			t.Errorf("%v: the plane's caption %q; want %q", c.args, "The utility plane"+caption, c.caption)
		}
		if c.missing != "" && !strings.Contains(charts, c.missing) {
			t.Errorf("%v: the charts do not say %q", c.args, c.missing)
		}
		if c.missing == "" && strings.Contains(charts, "No utility plane") {
			t.Errorf("%v: the charts say a plane is missing", c.args)
		}
	}
}
