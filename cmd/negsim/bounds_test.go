package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/negsim/negsim/config"
	"github.com/negsim/negsim/sim"
)

// twoByTwo is the path of the hand-computed fixture, absolute so tests may change folder.
func twoByTwo(t *testing.T) string {
	t.Helper()
	p, err := filepath.Abs(filepath.Join("testdata", "two-by-two.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestListingLimitCapped: --limit is capped as --all is, at 1,000,000 in CSV and JSON, which
// stream the listing, and 10,000 in the formats laid out whole (HTML took 516 MB for 177,010
// deals), with a usage error naming the cap.
func TestListingLimitCapped(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--limit", "100000000", "--format", "csv"}, "--limit 100000000: at most 1,000,000 deals are listed in --format csv"},
		{[]string{"--limit", "1000001", "--format", "json"}, "at most 1,000,000 deals"},
		{[]string{"--limit", "10001"}, "--limit 10001: at most 10,000 deals are listed in --format table (--all lists that many); --format csv or json lists up to 1,000,000"},
		{[]string{"--limit", "10001", "--format", "html"}, "--limit 10001: at most 10,000 deals are listed in --format html (--all lists that many); --format csv or json lists up to 1,000,000"},
		// Both asked for: one would be silently dropped.
		{[]string{"--all", "--limit", "2"}, "--all lists every ZOPA deal and --limit 2 the best 2: give one of them"},
	} {
		wantRefused(t, c.want, append([]string{"analyze", twoByTwo(t)}, c.args...)...)
	}
	for _, args := range [][]string{{"--limit", "1000000", "--format", "csv"}, {"--limit", "10000"}, {"--limit", "10000", "--format", "html"}, {"--all"}} {
		if _, stderr, code := runNegsim(t, append([]string{"analyze", twoByTwo(t)}, args...)...); code != exitOK {
			t.Errorf("%v: exit %d: %s", args, code, stderr)
		}
	}
}

// TestStreamedListingMatchesWhole: the JSON analyze streams equals, byte for byte, the
// analysis computed whole and encoded at once; the CSV rows list the same deals in order.
func TestStreamedListingMatchesWhole(t *testing.T) {
	text := bigScenario(4, 6, 3)
	file := writeTemp(t, "big.yaml", text)
	doc, err := config.Load("big.yaml", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	whole, err := sim.Analyze(context.Background(), doc.Space, sim.Options{Limit: 300})
	if err != nil {
		t.Fatal(err)
	}
	if len(whole.ZOPA.Deals) != 300 {
		t.Fatalf("the fixture lists %d deals, want 300", len(whole.ZOPA.Deals))
	}
	var want bytes.Buffer
	if err := writeResultJSON(&want, doc, whole); err != nil {
		t.Fatal(err)
	}
	got, stderr, code := runNegsim(t, "analyze", file, "--limit", "300", "--format", "json")
	if code != exitOK || got != want.String() {
		t.Fatalf("exit %d (%s); the streamed JSON differs from the whole one", code, stderr)
	}
	out, _, _ := runNegsim(t, "analyze", file, "--limit", "300", "--format", "csv")
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil || len(rows) != 301 {
		t.Fatalf("%d rows (%v), want a header and 300", len(rows), err)
	}
	for i, d := range whole.ZOPA.Deals {
		for k, is := range doc.Scenario.Issues {
			if rows[i+1][1+k] != d.Options[is.ID] {
				t.Fatalf("row %d, %s: %s, want %s", i+1, is.ID, rows[i+1][1+k], d.Options[is.ID])
			}
		}
	}
}

// TestListingStopsOnTimeout: a million-deal listing on the 12x6 case (3 million ZOPA
// deals) cut by --timeout prints nothing and exits 1, in CSV and JSON.
func TestListingStopsOnTimeout(t *testing.T) {
	if testing.Short() {
		t.Skip("searches a large case")
	}
	for _, format := range []string{"csv", "json"} {
		stdout, stderr, code := runNegsim(t, "analyze", filepath.Join("testdata", "perf", "12x6-5actors.yaml"), "--all", "--format", format, "--timeout", "300ms")
		if code != exitFailure || stdout != "" || !strings.Contains(stderr, "--timeout") {
			t.Errorf("%s: exit %d, %d bytes printed, %q", format, code, len(stdout), stderr)
		}
	}
}

// TestOutputRefusesInputs: -o naming a file the run reads is refused (exit 2) and the
// file is left as it was: the class's deals, or the scenario itself.
func TestOutputRefusesInputs(t *testing.T) {
	scenario, _ := os.ReadFile(twoByTwo(t))
	dir := t.TempDir()
	t.Chdir(dir)
	os.WriteFile("base.yaml", scenario, 0o644)
	os.WriteFile("case.json", scenario, 0o644)
	os.WriteFile("cin.csv", []byte(classCSV), 0o644)
	for _, args := range [][]string{
		{"debrief", "base.yaml", "--deals", "cin.csv", "-o", "cin.csv"},
		{"debrief", "base.yaml", "--deals", "cin.csv", "-o", "./cin.csv"},
		// The loader reads YAML whatever the name, and report writes .json.
		{"report", "case.json", "-o", filepath.Join(dir, "case.json")},
	} {
		wantRefused(t, "this command reads it as input", args...)
	}
	if got, _ := os.ReadFile("cin.csv"); string(got) != classCSV {
		t.Errorf("the deals file was changed")
	}
	if got, _ := os.ReadFile("case.json"); !bytes.Equal(got, scenario) {
		t.Errorf("the scenario was changed")
	}
}

// TestOutputKeepsMode: a file written over another keeps its mode, content replaced: a
// report over a 0640 file stays 0640, the public sheet of brief --all over a 0644 one stays
// 0644. A role's confidential sheet is at most 0600 however it is written, so over a 0640
// one it loses the group's read: 0640 & 0600 = 0600.
func TestOutputKeepsMode(t *testing.T) {
	fixture := twoByTwo(t)
	t.Chdir(t.TempDir())
	os.WriteFile("report.html", []byte("old"), 0o640)
	os.Chmod("report.html", 0o640)
	if _, stderr, code := runNegsim(t, "report", fixture, "-o", "report.html"); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	checkFile(t, "report.html", 0o640, "<!DOCTYPE html>")
	os.Mkdir("briefs", 0o755)
	for name, perm := range map[string]os.FileMode{"public.md": 0o644, "role-x.md": 0o640} {
		os.WriteFile(filepath.Join("briefs", name), []byte("old"), perm)
		os.Chmod(filepath.Join("briefs", name), perm)
	}
	if _, stderr, code := runNegsim(t, "brief", fixture, "--all", "-o", "briefs"); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	checkFile(t, filepath.Join("briefs", "public.md"), 0o644, "# ")
	checkFile(t, filepath.Join("briefs", "role-x.md"), 0o600, "# ")
	os.WriteFile("own.md", []byte("old"), 0o644)
	os.Chmod("own.md", 0o644)
	if _, stderr, code := runNegsim(t, "brief", fixture, "--actor", "y", "-o", "own.md"); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	checkFile(t, "own.md", 0o600, "# ")
}

// checkFile checks a file's permissions and that its content starts with prefix.
func checkFile(t *testing.T, path string, perm os.FileMode, prefix string) {
	t.Helper()
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if info.Mode().Perm() != perm {
		t.Errorf("%s has mode %o, want %o", path, info.Mode().Perm(), perm)
	}
	if data, _ := os.ReadFile(path); !strings.HasPrefix(string(data), prefix) {
		t.Errorf("%s starts %.40q, want %q", path, data, prefix)
	}
}

// TestBriefSetAllOrNothing: when one sheet of brief --all cannot be written (its name is
// taken by a folder), none is: the sheets already there keep their content, and nothing
// temporary is left beside them.
func TestBriefSetAllOrNothing(t *testing.T) {
	fixture := twoByTwo(t)
	t.Chdir(t.TempDir())
	os.Mkdir("briefs", 0o755)
	os.WriteFile(filepath.Join("briefs", "public.md"), []byte("old public"), 0o644)
	os.Mkdir(filepath.Join("briefs", "role-y.md"), 0o755)
	before := listTree(t, ".")
	_, stderr, code := runNegsim(t, "brief", fixture, "--all", "-o", "briefs")
	if code != exitFailure || !strings.Contains(stderr, filepath.Join("briefs", "role-y.md")+": it is a directory") {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if after := listTree(t, "."); !slices.Equal(before, after) {
		t.Errorf("the failed set changed the folder from %v to %v", before, after)
	}
	if data, _ := os.ReadFile(filepath.Join("briefs", "public.md")); string(data) != "old public" {
		t.Errorf("public.md was replaced by a failed set: %.40q", data)
	}
}

// TestMoveIntoPlaceRollsBack: if the second of two renames fails, the first target gets its
// old content back.
func TestMoveIntoPlaceRollsBack(t *testing.T) {
	dir := t.TempDir()
	stage := filepath.Join(dir, "stage")
	os.Mkdir(stage, 0o755)
	os.WriteFile(filepath.Join(dir, "one"), []byte("old one"), 0o644)
	os.WriteFile(filepath.Join(stage, "one"), []byte("new one"), 0o644)
	// "two" is never staged, so its rename fails.
	files := []setFile{{name: "one"}, {name: "two"}}
	err := moveIntoPlace(stage, []string{filepath.Join(dir, "one"), filepath.Join(dir, "two")}, files)
	if err == nil || !strings.Contains(err.Error(), filepath.Join(dir, "two")) {
		t.Fatalf("got %v, want an error naming two", err)
	}
	if data, _ := os.ReadFile(filepath.Join(dir, "one")); string(data) != "old one" {
		t.Errorf("one holds %q after the roll-back, want its old content", data)
	}
	if _, err := os.Stat(filepath.Join(dir, "two")); err == nil {
		t.Errorf("two exists after a failed set")
	}
}

// TestStaleTemporaryFilesRemoved: a temporary file a killed run left beside a target is
// removed by the next write of that target once it is a minute old; a fresh one, perhaps
// another run's, is left alone.
func TestStaleTemporaryFilesRemoved(t *testing.T) {
	fixture := twoByTwo(t)
	t.Chdir(t.TempDir())
	stale, fresh := "out.svg"+tempMark+"deadbeef", "out.svg"+tempMark+"0badf00d"
	os.WriteFile(stale, []byte("partial"), 0o644)
	os.WriteFile(fresh, []byte("partial"), 0o644)
	old := time.Now().Add(-2 * time.Minute)
	os.Chtimes(stale, old, old)
	if _, stderr, code := runNegsim(t, "rounds", fixture, "--chart", "out.svg"); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if _, err := os.Stat(stale); err == nil {
		t.Errorf("the stale %s is still there", stale)
	}
	if _, err := os.Stat(fresh); err != nil {
		t.Errorf("the fresh %s was removed", fresh)
	}
}

// TestLongestNamesWritten: a file named as long as file systems allow (255 bytes: 250
// letters and ".html", or 126 two-byte "é" and ".md") is written, alone or in a set,
// with nothing left beside it: the temporary name beside it, 20 bytes longer, was
// refused as too long, and the file was never written.
func TestLongestNamesWritten(t *testing.T) {
	fixture := twoByTwo(t)
	t.Chdir(t.TempDir())
	for _, name := range []string{strings.Repeat("r", 250) + ".html", strings.Repeat("é", 126) + ".md"} {
		if len(name) != 255 {
			t.Fatalf("%d bytes, want 255", len(name))
		}
		if _, stderr, code := runNegsim(t, "report", fixture, "-o", name); code != exitOK {
			t.Errorf("report -o a name of 255 bytes: exit %d: %s", code, stderr)
		}
	}
	folder := strings.Repeat("b", 255)
	if _, stderr, code := runNegsim(t, "brief", fixture, "--all", "-o", folder, "--format", "markdown"); code != exitOK {
		t.Errorf("brief --all -o a folder of 255 bytes: exit %d: %s", code, stderr)
	}
	// The public brief, the deal sheet and one per actor: x, y and z.
	want := []string{".", folder, filepath.Join(folder, "deal-sheet.md"), filepath.Join(folder, "public.md"), filepath.Join(folder, "role-x.md"), filepath.Join(folder, "role-y.md"), filepath.Join(folder, "role-z.md"), strings.Repeat("r", 250) + ".html", strings.Repeat("é", 126) + ".md"}
	if got := listTree(t, "."); !slices.Equal(got, want) {
		t.Errorf("the folder holds %q; want %q", got, want)
	}
}

// TestDealsFileBounded: deals files are read as scenarios are: a device is refused, a file
// above --max-file-size is refused before it is read whole, each with exit 2.
func TestDealsFileBounded(t *testing.T) {
	big := writeTemp(t, "big.csv", "table,a,b\n"+strings.Repeat("t,a0,b0\n", 200))
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"debrief", twoByTwo(t), "--deals", os.DevNull}, "this is a device, not a file"},
		{[]string{"score", twoByTwo(t), "--deal-file", os.DevNull}, "this is a device, not a file"},
		{[]string{"debrief", twoByTwo(t), "--deals", big, "--max-file-size", "1000"}, "the file is larger than 1,000 bytes"},
		{[]string{"debrief", twoByTwo(t), "--deals", filepath.Dir(big)}, "this is a folder"},
	} {
		wantRefused(t, c.want, c.args...)
	}
}

// TestCSVCellsInert: table names a spreadsheet would run as formulas come out with a
// leading quote (OWASP); negative numbers and plain names are left alone.
func TestCSVCellsInert(t *testing.T) {
	for in, want := range map[string]string{
		`=HYPERLINK("http://x","y")`: `'=HYPERLINK("http://x","y")`,
		"+cmd|' /C calc'!A0":         "'+cmd|' /C calc'!A0",
		"@SUM(1+1)":                  "'@SUM(1+1)",
		"-2+3":                       "'-2+3",
		"\tx":                        "'\tx",
		"\rx":                        "'\rx",
		"-0.25":                      "-0.25",
		"+1e3":                       "+1e3",
		"north":                      "north",
		"":                           "",
	} {
		if got := inertCell(in); got != want {
			t.Errorf("inertCell(%q) = %q, want %q", in, got, want)
		}
	}
	deals := writeTemp(t, "class.csv", "table,a,b\n\"=HYPERLINK(\"\"http://x\"\")\",a0,b0\n@SUM(1+1),a2,b1\n")
	out := runOK(t, "debrief", twoByTwo(t), "--deals", deals, "--format", "csv")
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for _, row := range rows[1:] {
		for _, cell := range row {
			if cell != "" && strings.ContainsRune("=+@", rune(cell[0])) {
				t.Errorf("cell %q would run as a formula", cell)
			}
		}
	}
	if !strings.Contains(out, `'=HYPERLINK(""http://x"")`) || !strings.Contains(out, "'@SUM(1+1)") {
		t.Errorf("the names are not kept behind a quote:\n%s", out)
	}
}

// TestMarkdownEscapesHTML: a scenario whose name and description carry HTML gets it
// written as text in report.md and brief.md, never as markup.
func TestMarkdownEscapesHTML(t *testing.T) {
	scenario, _ := os.ReadFile(twoByTwo(t))
	text := strings.Replace(string(scenario), "name: Two by two", `name: "<script>alert(1)</script> [x](javascript:alert(2))"`, 1)
	file := writeTemp(t, "evil.yaml", text)
	for _, args := range [][]string{{"report", file, "--format", "markdown"}, {"brief", file, "--format", "markdown"}, {"analyze", file, "--format", "markdown"}} {
		out := runOK(t, args...)
		if strings.Contains(out, "<script>") || strings.Contains(out, "[x](javascript:") {
			t.Errorf("%s: markup passes through:\n%.400s", args[0], out)
		}
		if !strings.Contains(out, "&lt;script&gt;alert(1)&lt;/script&gt;") {
			t.Errorf("%s: the name is not shown as text:\n%.400s", args[0], out)
		}
	}
}

// TestSweepValuesBounded: --values is held to the --steps limit, and infinite ends and
// missing values are named as such.
func TestSweepValuesBounded(t *testing.T) {
	param := []string{"sweep", twoByTwo(t), "--param", "actors.x.reservation"}
	many := strings.TrimSuffix(strings.Repeat("0.5,", maxSweepSteps+1), ",")
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--values", many}, "--values: 10001 values; give at most 10000"},
		{[]string{"--from", "0", "--to", "Inf"}, "--to Inf: give a finite number"},
		{[]string{"--values", "0.1,NaN"}, `--values: "NaN" is not a finite number`},
		// Commas with nothing between them swept nothing, or skipped a value, and
		// exited 0.
		{[]string{"--values", ",,"}, `--values ",,": a value is missing between two commas`},
		{[]string{"--values", "0.2,,0.3"}, `--values "0.2,,0.3": a value is missing between two commas`},
		{[]string{"--values", "0.2,"}, `--values "0.2,": a value is missing between two commas`},
	} {
		wantRefused(t, c.want, append(param, c.args...)...)
	}
	at := strings.TrimSuffix(strings.Repeat("0.3,", maxSweepSteps), ",")
	if _, stderr, code := runNegsim(t, append(param, "--values", at, "--format", "json")...); code != exitOK {
		t.Errorf("%d values: exit %d: %s", maxSweepSteps, code, stderr)
	}
}

// TestRoundsFlagBounded: --rounds 10,000 plays and 10,001 is refused with the limit named.
func TestRoundsFlagBounded(t *testing.T) {
	wantRefused(t, "give 1 to 10000, the most rounds negsim plays", "rounds", twoByTwo(t), "--rounds", "10001")
	tr := runJSON[struct {
		Deadline int `json:"deadline"`
	}](t, "rounds", twoByTwo(t), "--rounds", "10000")
	if tr.Deadline != 10000 {
		t.Errorf("deadline %d; want 10000", tr.Deadline)
	}
}

// TestExplainRedLineNamingEveryOption: an acceptable list that names every option rules
// nothing out, and explain says so instead of "never ."
func TestExplainRedLineNamingEveryOption(t *testing.T) {
	out := runOK(t, "explain", twoByTwo(t))
	// x and y list a0, a1 and a2, every option of a.
	if strings.Contains(out, "never .") || strings.Count(out, "Issue A: the acceptable list names every option, so none is ruled out.") != 2 {
		t.Errorf("explain says:\n%s", out)
	}
}

// TestOutputLeavesReadOnlyFilesAlone: a file no one may write (chmod a-w, a teacher's way of
// keeping a hand-in safe) is not replaced by -o or by a set, as it was, keeping its mode
// 0444 over the new content; the run exits 1 naming it, and nothing else is left.
func TestOutputLeavesReadOnlyFilesAlone(t *testing.T) {
	fixture := twoByTwo(t)
	t.Chdir(t.TempDir())
	os.WriteFile("kept.html", []byte("handed in"), 0o444)
	os.Mkdir("briefs", 0o755)
	os.WriteFile(filepath.Join("briefs", "role-x.md"), []byte("handed out"), 0o444)
	before := listTree(t, ".")
	for _, args := range [][]string{
		{"report", fixture, "-o", "kept.html"},
		{"brief", fixture, "--all", "-o", "briefs"},
	} {
		_, stderr, code := runNegsim(t, args...)
		if code != exitFailure || !strings.Contains(stderr, "is read-only") {
			t.Errorf("negsim %s: exit %d, %s; want exit 1 saying the file is read-only", strings.Join(args, " "), code, stderr)
		}
	}
	if after := listTree(t, "."); !slices.Equal(before, after) {
		t.Errorf("the refused runs changed the folder from %v to %v", before, after)
	}
	checkFile(t, "kept.html", 0o444, "handed in")
	checkFile(t, filepath.Join("briefs", "role-x.md"), 0o444, "handed out")
}

// TestStaleTemporaryFilesInABracketedFolder: the leftovers beside a target in "week[1]"
// are that folder's, not week1's: the folder's name went to filepath.Glob unquoted, so the
// leftovers of week[1] stayed and week1's were removed.
func TestStaleTemporaryFilesInABracketedFolder(t *testing.T) {
	fixture := twoByTwo(t)
	t.Chdir(t.TempDir())
	old := time.Now().Add(-2 * time.Minute)
	for _, dir := range []string{"week[1]", "week1"} {
		os.Mkdir(dir, 0o755)
		stale := filepath.Join(dir, "out.svg"+tempMark+"deadbeef")
		os.WriteFile(stale, []byte("partial"), 0o644)
		os.Chtimes(stale, old, old)
	}
	if _, stderr, code := runNegsim(t, "rounds", fixture, "--chart", filepath.Join("week[1]", "out.svg")); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join("week[1]", "out.svg"+tempMark+"deadbeef")); err == nil {
		t.Errorf("the stale file beside week[1]/out.svg is still there")
	}
	if _, err := os.Stat(filepath.Join("week1", "out.svg"+tempMark+"deadbeef")); err != nil {
		t.Errorf("week1's file was removed by a write into week[1]")
	}
}
