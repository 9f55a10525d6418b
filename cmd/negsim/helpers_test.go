package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/negsim/negsim/config"
)

var update = flag.Bool("update", false, "rewrite golden files from the program's output")

// runNegsim runs the whole program as main would, with the user's own settings file and
// NEGSIM_* variables kept out of the way.
func runNegsim(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	return runNegsimInput(t, "", args...)
}

// runOK is runNegsim for a command that must succeed: it fails the test, showing the
// command and what it printed (a failed validate --format json says why on stdout), unless
// negsim exits 0, and returns its stdout.
func runOK(t *testing.T, args ...string) string {
	t.Helper()
	stdout, stderr, code := runNegsim(t, args...)
	if code != exitOK {
		t.Fatalf("negsim %s: exit %d: %s%s", strings.Join(args, " "), code, stdout, stderr)
	}
	return stdout
}

// loadFile loads the scenario file at path, as negsim wrote it, failing the test when it
// cannot be read or does not load.
func loadFile(t *testing.T, path string) *config.Document {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := config.Load(path, data)
	if err != nil {
		t.Fatalf("%s does not load: %v", path, err)
	}
	return doc
}

// runJSON runs negsim with args and --format json, which must succeed, and decodes what it
// prints: it fails the test, showing the command and its stderr, on a non-zero exit, and
// showing the output when that is not JSON of a T.
func runJSON[T any](t *testing.T, args ...string) T {
	t.Helper()
	args = append(slices.Clip(args), "--format", "json")
	return decodeJSON[T](t, "negsim "+strings.Join(args, " "), runOK(t, args...))
}

// decodeJSON decodes text as JSON of a T, failing the test with the text when it does not
// decode; what names where the text came from.
func decodeJSON[T any](t *testing.T, what, text string) T {
	t.Helper()
	var v T
	if err := json.Unmarshal([]byte(text), &v); err != nil {
		t.Fatalf("%s: the output does not decode: %v\n%s", what, err, text)
	}
	return v
}

// zopaCount is the number of deals in the zone of possible agreement that analyze finds
// for args, a scenario and its what-ifs.
func zopaCount(t *testing.T, args ...string) uint64 {
	t.Helper()
	return runJSON[struct{ Zopa struct{ Count uint64 } }](t, append([]string{"analyze"}, args...)...).Zopa.Count
}

// runNegsimInput is runNegsim with stdin as the program's standard input.
func runNegsimInput(t *testing.T, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	home := t.TempDir()
	for _, v := range []string{"HOME", "XDG_CONFIG_HOME", "AppData"} {
		t.Setenv(v, home)
	}
	for _, kv := range os.Environ() {
		if k, _, _ := strings.Cut(kv, "="); strings.HasPrefix(k, "NEGSIM_") {
			t.Setenv(k, "")
			os.Unsetenv(k)
		}
	}
	var out, errOut bytes.Buffer
	code = run(context.Background(), args, strings.NewReader(stdin), &out, &errOut)
	return out.String(), errOut.String(), code
}

// checkGolden compares got with the golden file; -update rewrites it. On a mismatch the
// output is left beside it as NAME.got-stdout (ignored by git) for diffing.
func checkGolden(t *testing.T, golden string, got string) {
	t.Helper()
	gotPath := strings.TrimSuffix(golden, filepath.Ext(golden)) + ".got-stdout"
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		os.Remove(gotPath)
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v; run go test ./cmd/negsim -update to create it", err)
	}
	if string(bytes.ReplaceAll(want, []byte("\r\n"), []byte("\n"))) != got {
		os.WriteFile(gotPath, []byte(got), 0o644)
		t.Errorf("output differs from %s; see %s, or run go test ./cmd/negsim -update if the change is intended", golden, gotPath)
		return
	}
	os.Remove(gotPath)
}

// wantRefused runs negsim with args and fails the test unless it refuses them as a usage
// error, exit 2, saying want on stderr.
func wantRefused(t *testing.T, want string, args ...string) {
	t.Helper()
	_, stderr, code := runNegsim(t, args...)
	if code != exitBadUse || !strings.Contains(stderr, want) {
		t.Errorf("negsim %s: exit %d, stderr %q; want exit %d saying %q", strings.Join(args, " "), code, stderr, exitBadUse, want)
	}
}

// writeTemp writes text to a file of the given name in a fresh temporary folder.
func writeTemp(t *testing.T, name, text string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// wantContains fails the test for each of wants that out, what the program printed as
// what, does not contain.
func wantContains(t *testing.T, what, out string, wants ...string) {
	t.Helper()
	for _, want := range wants {
		if !strings.Contains(out, want) {
			t.Errorf("%s lacks %q:\n%s", what, want, out)
		}
	}
}

// lastLineWith is the last line of out that holds part, "" when none does: a table's row,
// read whole.
func lastLineWith(out, part string) string {
	found := ""
	for _, line := range strings.Split(out, "\n") {
		if strings.Contains(line, part) {
			found = line
		}
	}
	return found
}
