package main

import (
	"math"
	"regexp"
	"strconv"
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
		{[]string{"ukraine-2026", "--variant", "ceasefire-first"}, "The utility plane of Ukraine and Russia, in points at the scenario's starting values: the deal the rounds reached and their walk-away values", ""},
		{[]string{"teaching-two-party"}, "The utility plane of Candidate and Employer, in points at the scenario's starting values: the ZOPA's frontier for them, the Nash solution, the deal the rounds reached and their walk-away values", ""},
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

// The report's utility plane draws the ZOPA's frontier, the Nash solution and the walk-away
// lines at the scenario's starting values, and the deal the rounds reached at those values
// too, as negsim score rates a transcript's deal. Under sanctions-bite the rounds agree in
// round 7 on the Nash deal (the report's outcome says "Nash (the same deal)"), yet the plane
// drew the agreement beside the Nash ring, not in it: it took the deal's utilities at round
// 7, after the round-2 strike raised Ukraine's territory weight from 22 to 26. By hand, the
// deal's points to Ukraine from its brief's table (sanctions-bite): freeze 22.0, de-facto
// 4.8, russia-role 3.6, not-now 2.4, cap 4.0, no troops 0.0, full relief 0.0, shared fund
// 3.5, deal first 0.0, membership path 6.0, Russian status 0.0, energy and ports 6.0, in
// all 52.3, where the Nash ring sits; at round 7's weights the rounds' outcome gives 54.1,
// where the dot was (about 15 pixels to the right of the ring at this chart's scale).
func TestReportPlanePutsTheRoundsDealAtTheStartingValues(t *testing.T) {
	out := runOK(t, "report", "ukraine-2026", "--variant", "sanctions-bite", "--format", "html")
	i := strings.Index(out, `aria-label="The utility plane`)
	if i < 0 {
		t.Fatal("the report draws no utility plane")
	}
	svg := out[i:]
	svg, _, _ = strings.Cut(svg, "</svg>")
	// A glyph is a circle path "M x+r,y A r,r ...": the agreement a dot of radius 4.5, the
	// Nash solution a ring of radius 9; the first of each is the plot's, the second the key's.
	centre := func(radius string) (x, y float64) {
		re := regexp.MustCompile(`<path d="M([0-9.]+),([0-9.]+)A` + regexp.QuoteMeta(radius+","+radius))
		m := re.FindStringSubmatch(svg)
		if m == nil {
			t.Fatalf("the plane has no glyph of radius %s:\n%s", radius, svg)
		}
		r, _ := strconv.ParseFloat(radius, 64)
		x, _ = strconv.ParseFloat(m[1], 64)
		y, _ = strconv.ParseFloat(m[2], 64)
		return x - r, y
	}
	dx, dy := centre("4.5")
	nx, ny := centre("9")
	if math.Abs(dx-nx) > 0.5 || math.Abs(dy-ny) > 0.5 {
		t.Errorf("the rounds' agreement is drawn at (%.2f, %.2f), the Nash solution, the same deal, at (%.2f, %.2f)", dx, dy, nx, ny)
	}
}

// A report is handed in beside role sheets, score and the debrief, which speak points
// (utility × 100): it said only "Utilities run from 0 to 1", and a student read the same
// deal as 0.523 in it and 52.3 on a score sheet with nothing to join the two. The example
// is worked by hand: 0.523 × 100 = 52.3, 0.4 × 100 = 40.
func TestReportSaysUtilitiesArePointsOnTheSheets(t *testing.T) {
	out := runOK(t, "report", "teaching-two-party", "--format", "markdown")
	_, about, _ := strings.Cut(out, "## About this report")
	about, _, _ = strings.Cut(about, "\n#")
	wantContains(t, "About this report", strings.Join(strings.Fields(about), " "),
		"The role sheets, score and the debrief show the same values as points, utility × 100 (a utility of 0.523 is 52.3 points, a reservation of 0.4 a walk-away value of 40 points).")
}
