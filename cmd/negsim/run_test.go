package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestAnalyzeDefaultScenario(t *testing.T) {
	out := runOK(t, "analyze", "--format", "json")
	for _, key := range []string{`"space"`, `"deals"`, `"zopa"`, `"count"`, `"solutions"`, `"nash"`, `"pareto"`, `"distinct"`, `"issues"`} {
		if !strings.Contains(out, key) {
			t.Errorf("JSON output lacks %s", key)
		}
	}
}

func TestAnalyzeIsDeterministicAcrossWorkers(t *testing.T) {
	one, _, _ := runNegsim(t, "analyze", "--format", "json", "--workers", "1")
	two, _, _ := runNegsim(t, "analyze", "--format", "json", "--workers", "2")
	if one != two || one == "" {
		t.Error("the default scenario's JSON differs between 1 and 2 workers")
	}
}

// --limit 0 lists no deal and says so, where it printed a table of headings and no rows;
// the job offer's zone holds 4 deals (teaching-two-party.yaml works them out by hand).
func TestAnalyzeLimitZeroSaysNoneListed(t *testing.T) {
	out := runOK(t, "analyze", "teaching-two-party", "--limit", "0")
	want := "ZOPA deals, best first by Nash product (0 of 4)\n-----------------------------------------------\nNone listed, as --limit 0 asks; --limit N lists the N best.\n\nBargaining solutions\n"
	if !strings.Contains(out, want) || strings.Contains(out, "│ # │") {
		t.Errorf("analyze --limit 0 does not say %q alone:\n%s", want, out)
	}
}

func TestExitCodesAndMessages(t *testing.T) {
	cases := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"unknown file", []string{"analyze", "nowhere.yaml"}, exitBadUse, `no file "nowhere.yaml"`},
		{"shipped name typo", []string{"analyze", "ukraine-2025"}, exitBadUse, `did you mean "ukraine-2026"?`},
		{"bad set path", []string{"analyze", "testdata/two-by-two.yaml", "--set", "actors.w.reservation=1"}, exitBadUse, `actors has no "w"`},
		{"bad set value", []string{"analyze", "testdata/two-by-two.yaml", "--set", "actors.x.reservation=high"}, exitBadUse, `expects a number, not "high"`},
		{"set without =", []string{"analyze", "testdata/two-by-two.yaml", "--set", "actors.x.reservation"}, exitBadUse, "write PATH=VALUE"},
		{"unknown variant", []string{"analyze", "testdata/two-by-two.yaml#demandin"}, exitBadUse, `did you mean "demanding"?`},
		{"bad format", []string{"analyze", "--format", "xml"}, exitBadUse, `unknown format "xml"`},
		{"bad flag", []string{"analyze", "--limt", "3"}, exitBadUse, "unknown flag"},
		{"negative limit", []string{"analyze", "--limit", "-1"}, exitBadUse, "--limit -1"},
		{"space too large to enumerate", []string{"montecarlo", "testdata/two-by-two.yaml", "--max-deals", "5", "--vary", "actors.x.reservation=uniform(0.2,0.4)"}, exitBadUse, "6 deals, beyond the limit of 5"},
		{"unknown command", []string{"analyse"}, exitBadUse, "unknown command"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out, errOut, code := runNegsim(t, c.args...)
			if code != c.code || !strings.Contains(errOut, c.want) {
				t.Errorf("exit %d, stderr %q; want exit %d and %q", code, errOut, c.code, c.want)
			}
			if out != "" {
				t.Errorf("a failed command wrote to stdout: %q", out)
			}
		})
	}
}

func TestValidate(t *testing.T) {
	dir := t.TempDir()
	broken := filepath.Join(dir, "broken.yaml")
	src, err := os.ReadFile("testdata/two-by-two.yaml")
	if err != nil {
		t.Fatal(err)
	}
	bad := strings.Replace(string(src), "reservation: 0.3", "reservaton: 0.3", 1)
	bad = strings.Replace(bad, "b1: 1}", "b1: 2}", 1)
	if err := os.WriteFile(broken, []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	out, _, code := runNegsim(t, "validate", "testdata/two-by-two.yaml", broken)
	if code != exitBadUse {
		t.Errorf("exit %d, want %d with one invalid file", code, exitBadUse)
	}
	wantContains(t, "validate output", out,
		"testdata/two-by-two.yaml: valid",
		broken+":14:5: actors.x.reservaton: unknown field \"reservaton\"; did you mean \"reservation\"?",
		broken+":17:42: actors.x.preferences.b.utilities.b1: 2 is outside [0,1]",
		"2 files: 1 valid, 1 invalid; 2 errors",
	)
	out, _, code = runNegsim(t, "validate", "testdata/two-by-two.yaml")
	if code != exitOK || !strings.Contains(out, "1 file: 1 valid, 0 invalid") {
		t.Errorf("exit %d, output %q", code, out)
	}
}

func TestListShowsShippedScenarios(t *testing.T) {
	out, errOut, code := runNegsim(t, "list")
	if code != exitOK || !strings.Contains(out, "ukraine-2026 (default)") {
		t.Errorf("exit %d, stderr %q, output:\n%s", code, errOut, out)
	}
}

// 'negsim --version' and '-v', which a student tries first, say what 'negsim version' says.
func TestVersion(t *testing.T) {
	out, _, code := runNegsim(t, "version")
	if code != exitOK || !strings.HasPrefix(out, "negsim ") || strings.Count(out, "\n") != 1 {
		t.Fatalf("exit %d, output %q; want one line starting \"negsim \"", code, out)
	}
	for _, flag := range []string{"--version", "-v"} {
		got, errOut, code := runNegsim(t, flag)
		if code != exitOK || got != out {
			t.Errorf("negsim %s: exit %d, stdout %q, stderr %q; want %q as 'negsim version' prints", flag, code, got, errOut, out)
		}
	}
}

// One Pareto-optimal deal is said in the singular. In the README's Border talks example,
// East (reservation 0.7; territory 60: freeze 0, partial 0.6, cede 1, only partial or cede;
// sanctions 40, ideal lift; partial only with lift) accepts partial-lift (0.36 + 0.4 = 0.76)
// and cede-lift (1.0); West (reservation 0.3; territory 70: freeze 1, partial 0.5, cede 0,
// never cede; sanctions 30, ideal keep) rejects cede, and partial-lift gives it 0.35. So the
// zone is partial-lift alone: one deal, one Pareto-optimal, one utility vector.
func TestOneParetoDealInTheSingular(t *testing.T) {
	file := writeTemp(t, "border.yaml", readmeExampleScenario(t))
	out := runOK(t, "analyze", file)
	const want = "1 of them is Pareto-optimal, with 1 distinct utility vector.\n"
	if !strings.Contains(out, "holds 1 of them") || !strings.Contains(out, want) {
		t.Errorf("want a zone of 1 deal and %q in:\n%s", want, out)
	}
}

// "-" reads the scenario from standard input, so new's output pipes into any reader.
// two-by-two.yaml's ZOPA is a0 b0, a1 b0 and a2 b1 (sim/zopa_test.go): 3 of the 3 × 2 = 6
// deals.
func TestDashReadsTheScenarioFromStandardInput(t *testing.T) {
	fixture := twoByTwoText(t)
	out, errOut, code := runNegsimInput(t, fixture, "analyze", "-", "--format", "json")
	if code != 0 || !strings.Contains(out, `"count": 3`) {
		t.Errorf("analyze -: exit %d, %s\n%s", code, errOut, out)
	}
	out, _, code = runNegsimInput(t, "name: x\nissues: [\n", "validate", "-")
	if code != 2 || !strings.Contains(out, "standard input: invalid") || !strings.Contains(out, "standard input:2:") {
		t.Errorf("a broken scenario on standard input should be named so, with its line: exit %d\n%s", code, out)
	}
	_, errOut, code = runNegsimInput(t, fixture, "compare", "-", "-")
	if code != 2 || !strings.Contains(errOut, "is read once") {
		t.Errorf("compare - -: exit %d, %s", code, errOut)
	}
}

// Slips get a did-you-mean: a flag one letter off, a file beside the one named (tlaks.yaml
// for talks.yaml in the same folder), an id in capitals.
func TestSlipsGetSuggestions(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "talks.yaml"), []byte(twoByTwoText(t)), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"validate", "testdata/two-by-two.yaml", "--strcit"}, `unknown flag: --strcit; did you mean "--strict"?`},
		{[]string{"analyze", "--formt", "json"}, `unknown flag: --formt; did you mean "--format"?`},
		{[]string{"analyze", "--qqqqqq"}, "unknown flag: --qqqqqq; 'negsim analyze --help' lists the flags"},
		// A command that prints has no -o: the shell's > saves what it prints.
		{[]string{"analyze", "-o", "zopa.csv"}, "unknown shorthand flag: 'o' in -o; negsim analyze prints its answer: save it with >, as in negsim analyze --format csv > answer.csv, or write one document to hand in with negsim report -o report.html"},
		{[]string{"new", "-o", "talks.yaml", "--issues", "a", "--actors", "x,y"}, "unknown shorthand flag: 'o' in -o; negsim new writes the file it is given: negsim new FILE --issues ... --actors ..."},
		{[]string{"play", "--as", "x", "-o", "game.json"}, "unknown shorthand flag: 'o' in -o; negsim play keeps the session in a file with --transcript FILE"},
		// score reads a transcript with --transcript and keeps no session: it told a teacher
		// saving a class's scores that "negsim score keeps the session in a file with
		// --transcript FILE". What saves its answer is the shell's >, as for analyze, and the
		// document of a class's scores is the debrief (it offered the report).
		{[]string{"score", "--deal-file", "class.csv", "-o", "scores.csv"}, "unknown shorthand flag: 'o' in -o; negsim score prints its answer: save it with >, as in negsim score --format csv > answer.csv, or write the class's deals as one document with negsim debrief --deals FILE -o debrief.html"},
		{[]string{"sensitivity", "--output=take.json"}, "unknown flag: --output; negsim sensitivity prints its answer: save it with >, as in negsim sensitivity --format csv > answer.csv, or write one document to hand in with negsim report -o report.html"},
		{[]string{"--qqqqqq"}, "unknown flag: --qqqqqq; 'negsim --help' lists the flags"},
		{[]string{"analyze", "-x"}, "unknown shorthand flag: 'x' in -x; 'negsim analyze --help' lists the flags"},
		{[]string{"import", "genius", "--qqqqqq"}, "unknown flag: --qqqqqq; 'negsim import genius --help' lists the flags"},
		{[]string{"analyze", filepath.Join(dir, "tlaks.yaml")}, `did you mean "` + filepath.Join(dir, "talks.yaml") + `"?`},
		// "Territory", once refused as no id, is now a name new makes the id territory of.
		{[]string{"new", filepath.Join(dir, "n.yaml"), "--issues", "Territory,territory", "--actors", "a,b"}, `--issues: "Territory" and "territory" make the same id, "territory"; give names that differ in their letters`},
	} {
		wantRefused(t, c.want, c.args...)
	}
}
