package main

import (
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// brief --all hands each table a deal sheet to write its deal on: every issue with a box
// for each of its options (label and id, the id being what the teacher types into the
// deals file), the parties at the table to sign, and the ratifiers to vote at home. The
// teacher copied issue and option ids from the scenario file by hand.
func TestBriefAllWritesADealSheet(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "briefs")
	runOK(t, "brief", "ukraine-2026", "--all", "-o", dir, "--format", "markdown")
	data, err := os.ReadFile(filepath.Join(dir, "deal-sheet.md"))
	if err != nil {
		t.Fatal(err)
	}
	sheet := html.UnescapeString(string(data))
	deal, rest, _ := strings.Cut(sheet, "## Signatures")
	signatures, rest, _ := strings.Cut(rest, "## Ratification at home")
	home, teacher, _ := strings.Cut(rest, "## For the teacher")

	// scenarios/ukraine-2026.yaml: a few options of its issues, as label (id).
	wantContains(t, "the deal", deal,
		"Table: ", "Round or time: ",
		"| Territory in the east ", "☐\u00a0Freeze on the current line (freeze)", "☐\u00a0Cede four regions (cede-four)",
		"| Interim measures ", "☐\u00a0No interim measures (none)",
		"| No agreement ")
	// Every option of every issue has its box: 4+3+4+3+3+3+4+3+3+3+3+3 = 39 options in the file.
	if n := strings.Count(deal, "☐"); n != 39+1 {
		t.Errorf("the deal has %d boxes; want 39 options and no agreement:\n%s", n, deal)
	}
	// The four parties at the table sign; the four ratifiers vote at home, and only there.
	parties := []string{"| Ukraine ", "| Russia ", "| United States ", "| Europe (EU, UK and the Coalition of the Willing) "}
	ratifiers := []string{"| Ukraine's parliament (the Rada) ", "| Ukrainian voters opposed to ceding land ", "| Ukrainian voters open to a territorial compromise ", "| Russia's hardliners "}
	wantContains(t, "the signatures", signatures, parties...)
	wantContains(t, "the ratification at home", home, ratifiers...)
	for _, r := range ratifiers {
		if strings.Contains(signatures, r) {
			t.Errorf("%s signs at the table; a ratifier sits at none:\n%s", r, signatures)
		}
	}
	// Nothing private: no points, walk-away values or red lines.
	for _, private := range []string{"points", "walk-away value:", "red line", "reservation"} {
		if strings.Contains(sheet, private) {
			t.Errorf("the deal sheet speaks of %q, which only a role's brief holds:\n%s", private, sheet)
		}
	}

	// The deals file's first line, in the file's order of issues, as the README's class.csv.
	const header = "table,territory,recognition,guarantees,nato,military-limits,foreign-troops,sanctions,assets,sequencing,eu-path,language,interim"
	wantContains(t, "for the teacher", teacher, `"`+header+`"`)
	// A row typed from the sheet, the first id in brackets on each issue, debriefs.
	var row []string
	for _, line := range strings.Split(deal, "\n") {
		if m := regexp.MustCompile(`☐\x{a0}[^☐]*?\(([a-z0-9-]+)\)`).FindStringSubmatch(line); m != nil {
			row = append(row, m[1])
		}
	}
	if len(row) != 12 {
		t.Fatalf("read %d issues' first options from the sheet; want 12: %v", len(row), row)
	}
	deals := filepath.Join(t.TempDir(), "class.csv")
	if err := os.WriteFile(deals, []byte(header+"\nred,"+strings.Join(row, ",")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, errOut, code := runNegsim(t, "debrief", "ukraine-2026", "--deals", deals); code != exitOK {
		t.Errorf("debrief of a row typed from the deal sheet: exit %d: %s", code, errOut)
	}
}

// Under a vote the sheet says what a deal needs and each party's votes beside its
// signature: the Harborco quota's five of six, Harborco holding the one veto
// (scenarios/teaching-harborco-quota.yaml).
func TestDealSheetCountsVotes(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "briefs")
	runOK(t, "brief", "teaching-harborco-quota", "--all", "-o", dir)
	data, err := os.ReadFile(filepath.Join(dir, "deal-sheet.md"))
	if err != nil {
		t.Fatal(err)
	}
	wantContains(t, "deal sheet", string(data),
		"A deal needs the votes of parties holding at least 5 votes between them, and Harborco (developer) must be among them, since it holds a veto. Each party that accepts the deal signs.",
		"| party                   | votes | veto | signature            |",
		"| Harborco (developer)    |     1 | yes  | ____________________ |",
		"| Federal agency          |     1 | no   | ____________________ |")
	if strings.Contains(string(data), "Ratification at home") {
		t.Errorf("a scenario without ratification has a vote at home on its deal sheet:\n%s", data)
	}
}
