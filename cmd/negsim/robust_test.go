package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// hostileValid lists the hostile files that are in fact fine: the loader must read them
// as the scenario they spell, not refuse them.
var hostileValid = map[string]bool{
	"bom.yaml":      true, // a byte-order mark, as Notepad writes
	"crlf.yaml":     true, // Windows line endings
	"bom-crlf.yaml": true, // both
	// UTF-16 behind its byte-order mark, as Notepad's "Unicode" saves it; the page reads it.
	"utf16-bom-crlf.yaml": true,
	"utf16be-bom.yaml":    true,
	"cr-mac.yaml":         true, // lines ended by a lone CR, as old Mac editors end them
	"null-byte.yaml":      true, // a NUL inside a quoted name is text like any other
}

// hostileSays is, for each refused hostile file, the part of the error decided by hand
// (what the file does wrong), beside the golden that pins the exact wording.
var hostileSays = map[string]string{
	"alias-cycle.yaml":   "name: expected text, found a list",
	"binary.yaml":        "expected a scenario (a mapping with name, issues and actors)",
	"complex-key.yaml":   "not valid YAML or JSON",
	"confusable-id.yaml": `"аy" is not a valid id: it contains "а" (U+0430)`,
	// An id names files (brief's role-ID.html) and is typed in --set paths; the element
	// is named by its position, so that the path is not the id's 100,000 characters again.
	"long-id.yaml":              `actors.2.id: "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz… (100000 characters)" is 100000 characters long, more than an id's 64`,
	"deep-mapping.yaml":         "nested more than 64 levels deep",
	"deep-nesting.yaml":         "nested more than 64 levels deep",
	"duplicate-nested-key.yaml": `"a0" is written twice here, first earlier on this line`,
	"empty-documents.yaml":      "holds no scenario, only comments or empty documents",
	// "name: Caf" is 9 characters, so the lone byte é (0xE9) is column 10 of line 2.
	"latin1.yaml":             "latin1.yaml:2:10: byte 0xE9 is not UTF-8",
	"huge-number.yaml":        "1e400 is beyond the largest number negsim can hold",
	"json-trailing.yaml":      "not valid YAML or JSON",
	"malformed.yaml":          `malformed.yaml:2:7: the text opened with " here is not closed; end it with " on the same line`,
	"multiple-documents.yaml": "a second YAML document (document 2) starts here",
	"nan-strings.yaml":        `expected a number, found the text "NaN"`,
	"nan-yaml.yaml":           "expected a finite number, found .nan",
	"too-many-actors.yaml":    "65 actors are more than the limit of 64",
	"too-many-issues.yaml":    "65 issues are more than the limit of 64",
	"too-many-options.yaml":   `1001 options of issue "i0" are more than the limit of 1000`,
	"whitespace-only.yaml":    "the file is empty",
	"tags.yaml":               "the tag !!binary is not supported",
	// Without a mark, neither the page nor the command line can tell UTF-16 for sure.
	"utf16-no-bom.yaml": "the file is encoded as UTF-16 (little-endian); save it as UTF-8",
	"bom-pasted.yaml":   `an invisible byte-order mark (U+FEFF) stands before "actors"`,
	// Printed as they were, the title renamed the terminal's window and cleared the screen.
	"control-characters.yaml": `name: the text holds a control character, U+001B (escape), which a terminal would obey rather than show`,
}

// TestHostileCorpus runs validate and analyze on every hostile file: neither may panic,
// both agree on whether the file is usable, and validate's report is pinned by a golden.
func TestHostileCorpus(t *testing.T) {
	t.Chdir(filepath.Join("testdata", "hostile"))
	entries, err := os.ReadDir(".")
	if err != nil {
		t.Fatal(err)
	}
	var files []string
	for _, e := range entries {
		if name := e.Name(); !strings.HasSuffix(name, ".golden") && !strings.Contains(name, ".got-") {
			files = append(files, name)
		}
	}
	if len(files) != len(hostileValid)+len(hostileSays) {
		t.Errorf("%d hostile files, but %d are described; describe each in hostileValid or hostileSays", len(files), len(hostileValid)+len(hostileSays))
	}
	reference, _, code := runNegsim(t, "analyze", filepath.Join("..", "two-by-two.yaml"), "--format", "json")
	if code != exitOK {
		t.Fatal("two-by-two.yaml does not analyse")
	}
	for _, file := range files {
		t.Run(file, func(t *testing.T) {
			stdout, stderr, code := runNegsim(t, "validate", file)
			aOut, aErr, aCode := runNegsim(t, "analyze", file, "--format", "json")
			switch {
			case hostileValid[file]:
				if code != exitOK || aCode != exitOK {
					t.Fatalf("validate exit %d, analyze exit %d (%s); want both 0", code, aCode, aErr)
				}
				// These files spell the two-by-two fixture with a twist that must not matter.
				if strings.Contains(file, "bom") || strings.Contains(file, "cr") {
					if aOut != reference {
						t.Errorf("the analysis differs from that of two-by-two.yaml")
					}
				}
			default:
				want, ok := hostileSays[file]
				if !ok {
					t.Fatalf("%s is not described in hostileSays", file)
				}
				if code != exitBadUse || aCode != exitBadUse || stderr != "" || aOut != "" {
					t.Fatalf("validate exit %d, analyze exit %d, analyze stdout %q; want both 2 and no output", code, aCode, aOut)
				}
				if !strings.Contains(stdout, want) || !strings.Contains(aErr, want) {
					t.Errorf("validate says\n%s\nanalyze says\n%s\nwant both to say %q", stdout, aErr, want)
				}
			}
			checkGolden(t, strings.TrimSuffix(file, filepath.Ext(file))+".golden", stdout)
		})
	}
}

// TestFileSizeLimit writes a 5 MiB file (never committed) and checks it is refused before
// it is parsed, by default and under a --max-file-size, and read when the limit allows.
func TestFileSizeLimit(t *testing.T) {
	golden, err := filepath.Abs(filepath.Join("testdata", "hostile", "generated-5mib.golden"))
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(t.TempDir())
	// A comment line repeated to 5 MiB, then the two-by-two scenario's first line: the
	// size alone must decide, whatever the content.
	line := "# padding padding padding padding padding padding padding padding padding\n"
	big := strings.Repeat(line, 5<<20/len(line)+1) + "name: Big\n"
	if len(big) <= 5<<20 {
		t.Fatalf("the file is %d bytes, not over 5 MiB", len(big))
	}
	if err := os.WriteFile("big.yaml", []byte(big), 0o644); err != nil {
		t.Fatal(err)
	}
	stdout, _, code := runNegsim(t, "validate", "big.yaml")
	// 4 MiB = 4 × 1,048,576 = 4,194,304 bytes.
	if code != exitBadUse || !strings.Contains(stdout, "the file is larger than 4 MiB (4,194,304 bytes)") {
		t.Fatalf("exit %d:\n%s", code, stdout)
	}
	checkGolden(t, golden, stdout)
	wantRefused(t, "larger than 4 MiB (4,194,304 bytes)", "analyze", "big.yaml")
	wantRefused(t, "larger than 1,000 bytes", "analyze", "big.yaml", "--max-file-size", "1000")
	// With room for it, the file is read and refused for what it says instead.
	wantRefused(t, "a scenario needs at least one issue", "analyze", "big.yaml", "--max-file-size", "6000000")
}

// TestAliasBombRefusedEndToEnd: aliases nested to a billion values stop at the budget of
// a million (validate's golden in testdata/broken pins the message; every command shares
// the loader, so one command stands for all).
func TestAliasBombRefusedEndToEnd(t *testing.T) {
	bomb, _ := brokenScenario(t, "anchor-bomb")
	wantRefused(t, "expands to more than 1000000 values", "analyze", bomb)
}

// bigScenario is a valid scenario of issues × options deals and the given actors, every
// one a veto actor with a low reservation, so that most of the space is in the ZOPA.
// Utilities come from a fixed formula; an uncertainty section lets Monte Carlo run on it.
func bigScenario(issues, options, actors int) string {
	var b strings.Builder
	b.WriteString("name: Big\nissues:\n")
	for k := 0; k < issues; k++ {
		var opts []string
		for o := 0; o < options; o++ {
			opts = append(opts, fmt.Sprintf("{id: o%d}", o))
		}
		fmt.Fprintf(&b, "  - {id: i%d, name: I%d, options: [%s]}\n", k, k, strings.Join(opts, ", "))
	}
	b.WriteString("actors:\n")
	for a := 0; a < actors; a++ {
		fmt.Fprintf(&b, "  - id: a%d\n    name: A%d\n    reservation: 0.2\n    preferences:\n", a, a)
		for k := 0; k < issues; k++ {
			var us []string
			for o := 0; o < options; o++ {
				us = append(us, fmt.Sprintf("o%d: %g", o, float64((a*31+k*17+o*13)%11)/10))
			}
			fmt.Fprintf(&b, "      i%d: {weight: %d, utilities: {%s}}\n", k, 1+(a*7+k*3)%5, strings.Join(us, ", "))
		}
	}
	b.WriteString("uncertainty:\n  actors.a0.reservation: {dist: uniform, min: 0.1, max: 0.3}\n")
	return b.String()
}

// TestMaxDeals: --max-deals guards the work that handles deals one by one. On a space of
// 4 issues × 10 options = 10,000 deals, montecarlo (per-deal frequencies) and compare (deal
// lists) refuse it at 9,999 and accept it at 10,000; the commands that count and build
// frontiers never visit deals one by one and accept it either way.
func TestMaxDeals(t *testing.T) {
	file := writeTemp(t, "deals.yaml", bigScenario(4, 10, 2))
	for _, c := range []struct {
		args    []string
		guarded bool
	}{
		{[]string{"analyze", file}, false},
		{[]string{"explain", file}, false},
		{[]string{"rounds", file}, false},
		{[]string{"sweep", file, "--param", "actors.a0.reservation", "--values", "0.1,0.2"}, false},
		{[]string{"montecarlo", file, "--draws", "5"}, true},
		{[]string{"compare", file, file}, true},
	} {
		t.Run(c.args[0], func(t *testing.T) {
			_, stderr, code := runNegsim(t, append(c.args, "--max-deals", "9999")...)
			refused := code == exitBadUse && strings.Contains(stderr, "the outcome space has 10000 deals, beyond the limit of 9999")
			if refused != c.guarded {
				t.Errorf("--max-deals 9999: exit %d, refused %v, want refused %v: %s", code, refused, c.guarded, stderr)
			}
			if _, stderr, code := runNegsim(t, append(c.args, "--max-deals", "10000")...); code != exitOK {
				t.Errorf("--max-deals 10000: exit %d: %s", code, stderr)
			}
		})
	}
}

// timedSetup writes the space of 10^8 deals that timedCommands run on, in a folder of its
// own, with the GENIUS export of it that their import case reads.
func timedSetup(t *testing.T) (file, dir string) {
	t.Helper()
	dir = t.TempDir()
	file = filepath.Join(dir, "big.yaml")
	if err := os.WriteFile(file, []byte(bigScenario(8, 10, 3)), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, stderr, code := runNegsim(t, "export", "genius", file, "-o", filepath.Join(dir, "genius")); code != exitOK {
		t.Fatalf("export for the import case: %s", stderr)
	}
	names, _ := filepath.Glob(filepath.Join(dir, "genius", "*.xml"))
	if len(names) != 4 {
		t.Fatalf("export wrote %v; the import case expects a domain and three profiles", names)
	}
	return file, dir
}

// timedCommands is every command, with arguments that make it work on file (and, for
// import, on an export of it in dir).
func timedCommands(file, dir string) [][]string {
	genius := filepath.Join(dir, "genius")
	return [][]string{
		{"analyze", file},
		{"validate", file},
		{"explain", file},
		{"rounds", file},
		{"sweep", file, "--param", "actors.a0.reservation", "--from", "0", "--to", "1", "--steps", "3"},
		{"montecarlo", file, "--draws", "100"},
		{"compare", file, file},
		{"export", "genius", file, "-o", filepath.Join(dir, "out")},
		{"import", "genius", filepath.Join(genius, "big.xml"), filepath.Join(genius, "a0.xml"), filepath.Join(genius, "a1.xml"), filepath.Join(genius, "a2.xml")},
	}
}

// TestTimeoutEveryCommand gives every command that reads a scenario a timeout that has
// passed before it starts, on a space of 8 issues × 10 options = 10^8 deals: each must stop
// with exit 1 and say the timeout stopped it, and write nothing. list, version, schema
// and new read no scenario and do a fixed, tiny amount of work.
func TestTimeoutEveryCommand(t *testing.T) {
	file, dir := timedSetup(t)
	for _, args := range timedCommands(file, dir) {
		t.Run(args[0], func(t *testing.T) {
			stdout, stderr, code := runNegsim(t, append(args, "--timeout", "1ns")...)
			if code != exitFailure || !strings.Contains(stderr, "--timeout") {
				t.Errorf("exit %d, stderr %q; want exit 1 naming --timeout", code, stderr)
			}
			if args[0] != "montecarlo" && stdout != "" {
				t.Errorf("printed a result after the timeout:\n%.300s", stdout)
			}
			if _, err := os.Stat(filepath.Join(dir, "out")); err == nil {
				t.Errorf("export wrote %s after the timeout", filepath.Join(dir, "out"))
			}
		})
	}
}

// TestTimeoutMidRunReportsPartialWork stops a Monte Carlo run of a million draws part
// way: the draws done are reported as a partial result, and the exit code says it stopped.
func TestTimeoutMidRunReportsPartialWork(t *testing.T) {
	file := writeTemp(t, "big.yaml", bigScenario(3, 4, 2))
	stdout, stderr, code := runNegsim(t, "montecarlo", file, "--draws", "1000000", "--timeout", "300ms")
	if code != exitFailure || !strings.Contains(stderr, "stopped by --timeout after") || !strings.Contains(stderr, "of 1000000 draws") {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	if !strings.Contains(stdout, "INTERRUPTED:") {
		t.Errorf("the partial report does not say it is partial:\n%.500s", stdout)
	}
}

// TestInterruptStopsCommands cancels the context as Ctrl-C does, before each command
// starts: every one stops with exit 1, says it was interrupted and writes nothing, and
// Monte Carlo reports its (empty) partial work as such.
func TestInterruptStopsCommands(t *testing.T) {
	file, dir := timedSetup(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	t.Setenv("HOME", t.TempDir())
	for _, args := range timedCommands(file, dir) {
		t.Run(args[0], func(t *testing.T) {
			// runNegsim always passes a live context; an interrupt needs a cancelled one.
			var stdout, stderr bytes.Buffer
			code := run(ctx, args, strings.NewReader(""), &stdout, &stderr)
			if code != exitFailure || !strings.Contains(stderr.String(), "interrupted") {
				t.Errorf("exit %d, stderr %q; want exit 1 saying interrupted", code, stderr.String())
			}
			if args[0] == "montecarlo" && !strings.Contains(stdout.String(), "INTERRUPTED: 0 of 100 draws finished") {
				t.Errorf("the partial report does not say it is partial:\n%.500s", stdout.String())
			}
			if args[0] != "montecarlo" && stdout.Len() > 0 {
				t.Errorf("printed a result after the interrupt:\n%.300s", stdout.String())
			}
		})
	}
}

// TestFailedWritesLeaveNothing runs every command that writes a file into a failure (an
// invalid scenario, a timeout, a target that cannot be written) and checks that the
// directory holds exactly what it held before: no output file and no temporary file.
func TestFailedWritesLeaveNothing(t *testing.T) {
	valid, err := filepath.Abs(filepath.Join("testdata", "two-by-two.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	invalid, _ := brokenScenario(t, "no-veto")
	geniusDir := t.TempDir()
	if _, stderr, code := runNegsim(t, "export", "genius", filepath.Join("testdata", "two-by-two.yaml"), "-o", geniusDir); code != exitOK {
		t.Fatalf("export for the import case: %s", stderr)
	}
	// export names the domain after the file and each profile after its actor.
	importArgs := func(out string) []string {
		args := []string{"import", "genius", "-o", out, filepath.Join(geniusDir, "two-by-two.xml")}
		for _, actor := range []string{"x", "y", "z"} {
			args = append(args, filepath.Join(geniusDir, actor+".xml"))
		}
		return args
	}
	sweep := []string{"--param", "actors.x.reservation", "--values", "0.1,0.5"}
	tests := []struct {
		name  string
		setup func(t *testing.T) // prepares the working directory
		args  []string
		code  int
		said  string // a part of what negsim must say, when given
	}{
		{name: "rounds chart of an invalid scenario", args: []string{"rounds", invalid, "--chart", "out.svg"}, code: exitBadUse},
		{name: "sweep chart of an invalid scenario", args: append([]string{"sweep", invalid, "--chart", "out.svg"}, sweep...), code: exitBadUse},
		{name: "export of an invalid scenario", args: []string{"export", "genius", invalid, "-o", "out"}, code: exitBadUse},
		{name: "rounds chart after a timeout", args: []string{"rounds", valid, "--chart", "out.svg", "--timeout", "1ns"}, code: exitFailure},
		{name: "sweep chart after a timeout", args: append([]string{"sweep", valid, "--chart", "out.svg", "--timeout", "1ns"}, sweep...), code: exitFailure},
		{name: "rounds chart onto a directory", setup: mkdir("out.svg"), args: []string{"rounds", valid, "--chart", "out.svg"}, code: exitFailure},
		{name: "sweep chart onto a directory", setup: mkdir("out.png"), args: append([]string{"sweep", valid, "--chart", "out.png"}, sweep...), code: exitFailure},
		// A missing folder is made for the file, and removed again when the file fails.
		{name: "sweep chart into a missing directory after a timeout", args: append([]string{"sweep", valid, "--chart", filepath.Join("missing", "deeper", "out.svg"), "--timeout", "1ns"}, sweep...), code: exitFailure},
		// The system says only "file exists" or "not a directory"; negsim names the file.
		{name: "rounds chart into a folder that is a file", setup: writeFile("missing"), args: []string{"rounds", valid, "--chart", filepath.Join("missing", "out.svg")}, code: exitFailure,
			said: "cannot write " + filepath.Join("missing", "out.svg") + ": missing is a file, not a folder"},
		{name: "new onto a directory", setup: mkdir("talks.yaml"), args: []string{"new", "talks.yaml", "--issues", "a,b", "--actors", "x,y", "--force"}, code: exitFailure},
		{name: "new into a folder that is a file", setup: writeFile("missing"), args: []string{"new", filepath.Join("missing", "deeper", "talks.yaml"), "--issues", "a,b", "--actors", "x,y"}, code: exitFailure,
			said: "cannot write " + filepath.Join("missing", "deeper", "talks.yaml") + ": missing is a file, not a folder"},
		{name: "import onto a directory", setup: mkdir("out.yaml"), args: importArgs("out.yaml"), code: exitFailure},
		{name: "import into a folder that is a file", setup: writeFile("missing"), args: importArgs(filepath.Join("missing", "out.yaml")), code: exitFailure},
		// The domain is written first; the first profile's name is taken by a directory,
		// so the export fails half-way and must take the domain back.
		{name: "export with one file blocked", setup: mkdir(filepath.Join("out", "x.xml")), args: []string{"export", "genius", valid, "-o", "out"}, code: exitFailure},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "a", "b")
			if err := os.MkdirAll(dir, 0o755); err != nil {
				t.Fatal(err)
			}
			t.Chdir(dir)
			if tc.setup != nil {
				tc.setup(t)
			}
			before := listTree(t, ".")
			_, stderr, code := runNegsim(t, tc.args...)
			if code != tc.code {
				t.Errorf("exit %d (%s); want %d", code, stderr, tc.code)
			}
			if !strings.Contains(stderr, tc.said) {
				t.Errorf("negsim says %q; want it to say %q", stderr, tc.said)
			}
			if after := listTree(t, "."); !slices.Equal(before, after) {
				t.Errorf("the failed command changed the directory from %v to %v", before, after)
			}
		})
	}
}

// writeFile is a setup that writes a small file at path.
func writeFile(path string) func(t *testing.T) {
	return func(t *testing.T) {
		t.Helper()
		if err := os.WriteFile(path, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func mkdir(path string) func(t *testing.T) {
	return func(t *testing.T) {
		t.Helper()
		if err := os.MkdirAll(path, 0o755); err != nil {
			t.Fatal(err)
		}
	}
}

// listTree names every file and directory under root, temporary files included.
func listTree(t *testing.T, root string) []string {
	t.Helper()
	var names []string
	err := filepath.WalkDir(root, func(path string, _ os.DirEntry, err error) error {
		names = append(names, path)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return names
}

// TestWrongArgumentCountIsUsageError: a wrong number of arguments is the caller's mistake
// (exit 2) for every command, never a failure of the machine (exit 1).
func TestWrongArgumentCountIsUsageError(t *testing.T) {
	for _, args := range [][]string{
		{"analyze", "a", "b"}, {"validate"}, {"explain", "a", "b"}, {"list", "a"}, {"rounds", "a", "b"},
		{"sweep", "a", "b"}, {"montecarlo", "a", "b"}, {"compare", "a"}, {"new"}, {"schema", "a"},
		{"import", "genius", "a"}, {"export"}, {"version", "a"},
	} {
		if _, stderr, code := runNegsim(t, args...); code != exitBadUse || stderr == "" {
			t.Errorf("negsim %s: exit %d, stderr %q; want exit 2 with a message", strings.Join(args, " "), code, stderr)
		}
	}
}

// TestGeneratedHostileFiles builds the large hostile files (too big to commit) and checks
// each is refused by the pre-scan with its message, exit 2 and one error: nesting 10^5
// deep, a mapping of 358,776 keys, 380,000 unknown fields. Their time and memory bounds
// are benchmarks (BenchmarkLoadHostile in config).
func TestGeneratedHostileFiles(t *testing.T) {
	keys := func(n int, prefix string) string {
		var b strings.Builder
		for i := 0; i < n; i++ {
			fmt.Fprintf(&b, "%s%d: 1\n", prefix, i)
		}
		return b.String()
	}
	lines := func(n int, line string) string { return strings.Repeat(line, n) }
	for _, c := range []struct {
		name, text, want string
	}{
		{"brackets.yaml", "name: " + strings.Repeat("[", 100_000) + strings.Repeat("]", 100_000) + "\n",
			"brackets.yaml:1:70: nested more than 64 levels deep"}, // "name: " is 6 columns, then 64 brackets
		{"braces.yaml", "name: " + strings.Repeat("{a: ", 100_000) + "\n", "braces.yaml:1:259: nested more than 64 levels deep"}, // 6 + 63 × 4 + 1
		{"deep.json", strings.Repeat(`{"a": `, 100_000), "deep.json:1:385: nested more than 64 levels deep"},                     // 64 × 6 + 1
		{"keys.yaml", keys(358_776, "k"), "keys.yaml:1001:1: more than 1000 keys in one mapping"},
		{"unknown.yaml", "name: x\n" + keys(380_000, "u"), "unknown.yaml:1001:1: more than 1000 keys in one mapping"},
		{"items.yaml", "issues:\n" + lines(40_000, "  - {id: a}\n"), "items.yaml:15001:5: the file holds more than 30000 values"},
		// issues is 1 value, each item 2 (the entry and its brace): item 15,000, on line
		// 15,001, opens the 30,001st value at its brace, column 5.
	} {
		t.Run(c.name, func(t *testing.T) {
			file := writeTemp(t, c.name, c.text)
			t.Chdir(filepath.Dir(file))
			stdout, _, code := runNegsim(t, "validate", c.name)
			if code != exitBadUse || !strings.Contains(stdout, c.want) || !strings.Contains(stdout, "1 error,") {
				t.Errorf("exit %d:\n%s\nwant exit 2 and one error saying %q", code, stdout, c.want)
			}
		})
	}
}

// TestErrorsPerFileCapped: 4,985 unknown fields, in five mappings of 1,000 keys to stay
// inside the pre-scan's limits, give 100 errors and a line counting the rest.
func TestErrorsPerFileCapped(t *testing.T) {
	var b strings.Builder
	for m := 0; m < 5; m++ {
		fmt.Fprintf(&b, "- id: a%d\n  name: A\n  reservation: 0.2\n", m)
		for i := 0; i < 997; i++ {
			fmt.Fprintf(&b, "  u%d: 1\n", i)
		}
	}
	file := writeTemp(t, "many.yaml", "name: x\nissues: [{id: i, name: I, options: [{id: o}]}]\nactors:\n"+b.String())
	stdout, _, code := runNegsim(t, "validate", file)
	// 5 × 997 = 4,985 unknown fields and 5 actors without preferences are 4,990 errors:
	// 100 shown, 4,890 counted.
	if code != exitBadUse || strings.Count(stdout, "  "+file+":") != 101 || !strings.Contains(stdout, file+": and 4890 more errors not shown") ||
		!strings.Contains(stdout, "invalid (4,990 errors)") || !strings.Contains(stdout, "1 invalid; 4,990 errors") {
		t.Errorf("exit %d:\n%.2000s", code, stdout)
	}
}
