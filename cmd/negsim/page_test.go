package main

import (
	"encoding/json"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/negsim/negsim/internal/pagetest"
)

// The page served by negsim serve, driven in Chromium; every result is compared with
// `negsim analyze --format json` for the same variant and overrides.
func TestPageServed(t *testing.T) {
	pagetest.RequireChromium(t)
	url, _ := startServe(t)
	issues := []string{"territory", "recognition", "guarantees", "nato", "military-limits", "foreign-troops", "sanctions", "assets", "sequencing", "eu-path", "language", "interim"}
	oracle := func(variant string, sets []string) pagetest.Answer {
		args := []string{"analyze", "ukraine-2026", "--variant", variant, "--format", "json"}
		for _, s := range sets {
			args = append(args, "--set", s)
		}
		out := runOK(t, args...)
		a, err := pagetest.AnswerOf([]byte(out), issues)
		if err != nil {
			t.Fatal(err)
		}
		return a
	}
	rep := pagetest.Drive(t, url, "served", oracle)
	t.Logf("negsim serve: slider move to results, median %.1f ms over %d moves: %v", rep.Median(), len(rep.SliderMS), rep.SliderMS)
}

// The served page for a screen reader, at 200% and 400% zoom and in Windows' high-contrast
// mode: named controls, tables with captions, quiet live regions, charts in words, a wrong
// number refused at its field, a headline that leaves the zoomed window to the controls.
func TestPageAccessServed(t *testing.T) {
	pagetest.RequireChromium(t)
	origin, _ := startServe(t)
	pagetest.DriveAccess(t, origin)
}

// A student's own file with problems: each said once, as negsim analyze says it.
func TestPageOwnFileProblemsServed(t *testing.T) {
	pagetest.RequireChromium(t)
	origin, _ := startServe(t)
	pagetest.DriveOwnFileProblems(t, origin)
}

// Every view of the served page on a phone, a tablet and a Chromebook: nothing sticks out
// of the window or of its box.
func TestPageNarrowServed(t *testing.T) {
	pagetest.RequireChromium(t)
	origin, _ := startServe(t)
	pagetest.DriveNarrow(t, origin, pagetest.NarrowCases)
}

// Two scenarios opened in quick succession on the served page: the second is shown whole,
// its description, status and controls, whatever order the answers come back in.
func TestPageQuickSwitchServed(t *testing.T) {
	pagetest.RequireChromium(t)
	origin, _ := startServe(t)
	pagetest.DriveQuickSwitch(t, origin)
}

// The served page by keyboard alone: every Tab stop shows its focus in sight, forward and
// back, through the reference scenario's what-if controls.
func TestPageKeyboardServed(t *testing.T) {
	pagetest.RequireChromium(t)
	origin, _ := startServe(t)
	pagetest.DriveKeyboard(t, origin, "scenario=ukraine-2026&variant=sanctions-bite", 90)
}

// The Share view's Copy buttons, by keyboard: each says beside it what it did.
func TestPageCopyServed(t *testing.T) {
	pagetest.RequireChromium(t)
	origin, _ := startServe(t)
	pagetest.DriveCopy(t, origin, "scenario=ukraine-2026&variant=sanctions-bite&set=actors.russia.reservation%3D0.5")
}

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

// A student's own file, fixed and chosen again, larger, too large, and its link sent to a
// classmate with the file: each step shows that file's results, or says why not.
func TestPageOwnFileEditedServed(t *testing.T) {
	pagetest.RequireChromium(t)
	origin, _ := startServe(t)
	elsewhere, _ := startServe(t)
	pagetest.DriveOwnFileEdited(t, origin, elsewhere)
}

// The teacher's files of a folder given to negsim serve, opened by link: a name with a '#',
// and a file with a problem.
func TestPageListedFilesServed(t *testing.T) {
	pagetest.RequireChromium(t)
	dir := t.TempDir()
	pagetest.ListedFiles(t, dir)
	origin, _ := startServe(t, dir)
	pagetest.DriveListedFiles(t, origin)
}

// The Rounds view tells a proposer's fallback (the closest deal, its own best) as negsim
// rounds does; the bases come from the engine's JSON.
func TestPageRoundsBasisServed(t *testing.T) {
	pagetest.RequireChromium(t)
	origin, _ := startServe(t)
	for _, hash := range []string{"scenario=teaching-two-party", "scenario=ukraine-2026&variant=sanctions-bite"} {
		p, _ := url.ParseQuery(hash)
		args := []string{"rounds", p.Get("scenario"), "--format", "json"}
		if v := p.Get("variant"); v != "" {
			args = append(args, "--variant", v)
		}
		var tr struct {
			Rounds []struct {
				Proposal *struct {
					Basis string `json:"basis"`
				} `json:"proposal"`
			} `json:"rounds"`
		}
		if err := json.Unmarshal([]byte(runOK(t, args...)), &tr); err != nil {
			t.Fatal(err)
		}
		var bases []string
		for _, r := range tr.Rounds {
			b := ""
			if r.Proposal != nil {
				b = r.Proposal.Basis
			}
			bases = append(bases, b)
		}
		pagetest.DriveRoundsBasis(t, origin, hash, bases)
	}
}

// The Rounds view draws each line as negsim rounds --chart and negsim report do (solid
// aspiration, dashed utility of the proposal, dotted reservation) and names the styles in
// the key words the command line's chart prints, for the two-party example (with proposals)
// and the reference scenario (ratifiers left out, no proposal on the table).
func TestPageRoundsLinesServed(t *testing.T) {
	pagetest.RequireChromium(t)
	origin, _ := startServe(t)
	for _, name := range []string{"teaching-two-party", "ukraine-2026"} {
		// The key's words are the command line's: its chart must carry each of them too.
		chart := filepath.Join(t.TempDir(), "rounds.svg")
		runOK(t, "rounds", name, "--chart", chart)
		svg, err := os.ReadFile(chart)
		if err != nil {
			t.Fatal(err)
		}
		for _, words := range pagetest.RoundsLineKey {
			if !strings.Contains(string(svg), words) {
				t.Errorf("negsim rounds %s --chart no longer says %q", name, words)
			}
		}
		var an struct {
			Ratification map[string]struct {
				By []string `json:"by"`
			} `json:"ratification"`
		}
		if err := json.Unmarshal([]byte(runOK(t, "analyze", name, "--format", "json")), &an); err != nil {
			t.Fatal(err)
		}
		ratifiers := map[string]bool{}
		for _, r := range an.Ratification {
			for _, id := range r.By {
				ratifiers[id] = true
			}
		}
		_, transcript := roundsJSON(t, name)
		pagetest.DriveRoundsLines(t, origin, "scenario="+name, []byte(transcript), ratifiers)
	}
}
