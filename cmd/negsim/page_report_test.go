package main

import (
	"testing"

	"github.com/negsim/negsim/internal/pagetest"
)

// The report the served page offers for download: its counts carry separators, as
// negsim analyze and rounds count, and it prints whole on A4.
func TestPageReportServed(t *testing.T) {
	pagetest.RequireChromium(t)
	cases := pagetest.ReportCases(t, func(command string, st pagetest.ReportState) []byte {
		args := []string{command, st.Scenario, "--format", "json"}
		if st.Variant != "" {
			args = append(args, "--variant", st.Variant)
		}
		for _, s := range st.Sets {
			args = append(args, "--set", s)
		}
		return []byte(runOK(t, args...))
	})
	origin, _ := startServe(t)
	pagetest.DriveReport(t, origin, "served", cases)
}

// The served page and the report it downloads say the same about an analysis, in the same
// words: why the zone is empty and ratification at home, as worked out in pagetest.WordCases.
func TestPageWordsServed(t *testing.T) {
	pagetest.RequireChromium(t)
	origin, _ := startServe(t)
	pagetest.DriveWords(t, origin, pagetest.WordCases)
}
