package main

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files from the program's output")

// runNegsim runs the whole program as main would, with the user's own settings file and
// NEGSIM_* variables kept out of the way.
func runNegsim(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	return runNegsimInput(t, "", args...)
}

// runOK is runNegsim for a command that must succeed: it fails the test, showing the
// command and what it wrote to stderr, unless negsim exits 0, and returns its stdout.
func runOK(t *testing.T, args ...string) string {
	t.Helper()
	stdout, stderr, code := runNegsim(t, args...)
	if code != exitOK {
		t.Fatalf("negsim %s: exit %d: %s", strings.Join(args, " "), code, stderr)
	}
	return stdout
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
