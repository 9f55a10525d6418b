package main

import (
	"os"
	"strings"
	"testing"
)

// The report is three parts, each of sections. The part's name was joined to its first
// section's title, so the handout opened with "Part 1, the scenario explained: The
// scenario" and the other sections of the part stood level with it. A part is now a heading
// of its own, one level above its sections: h2 over h3 on the page, ## over ### in Markdown,
// underlined with = over - in text. The sections of Part 1 are the explanation's: the
// scenario, then each actor of the job offer (Candidate, Employer).
func TestReportHeadsEachPartAboveItsSections(t *testing.T) {
	dir := t.TempDir()
	runOK(t, "report", "teaching-two-party", "-o", dir+"/report.html")
	b, err := os.ReadFile(dir + "/report.html")
	if err != nil {
		t.Fatal(err)
	}
	page := string(b)
	wantContains(t, "the report's page", page,
		"<h2 class=\"part\">Part 1: The scenario explained</h2>\n<section>\n<h3>The scenario</h3>",
		"<h3>Candidate</h3>",
		"<h2 class=\"part\">Part 2: The analysis</h2>",
		"<h2 class=\"part\">Part 3: Bargaining rounds</h2>",
		"<h2>About this report</h2>",
	)
	md := runOK(t, "report", "teaching-two-party", "--format", "markdown")
	wantContains(t, "the report in Markdown", md,
		"## Part 1: The scenario explained\n\n### The scenario\n",
		"### Candidate\n",
		"## About this report\n",
	)
	text := runOK(t, "report", "teaching-two-party")
	wantContains(t, "the report as text", text,
		"Part 1: The scenario explained\n==============================\n\nThe scenario\n------------\n",
	)
	for what, out := range map[string]string{"page": page, "Markdown": md, "text": text} {
		if strings.Contains(out, "explained: The scenario") {
			t.Errorf("the %s joins the part's name to its first section's title", what)
		}
	}
}
