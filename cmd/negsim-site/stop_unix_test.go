//go:build unix

package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"
)

// fakeGo puts a go command first on PATH that answers 'go env' with a GOROOT whose own
// bin/go is the same script, and whose 'go build' does what build says (a shell command).
// The build then runs where the site's folder already exists, which is where a teacher's
// Ctrl-C lands: building the engine is most of the run.
func fakeGo(t *testing.T, build string) []string {
	t.Helper()
	root := t.TempDir()
	bin := filepath.Join(root, "bin")
	if err := os.Mkdir(bin, 0o755); err != nil {
		t.Fatal(err)
	}
	script := "#!/bin/sh\ncase \"$1 $2\" in\n" +
		"\"env GOROOT\") echo \"" + root + "\" ;;\n" +
		"\"env GOFLAGS\") echo ;;\n" +
		"*) " + build + " ;;\nesac\n"
	if err := os.WriteFile(filepath.Join(bin, "go"), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	return []string{"PATH=" + bin + string(os.PathListSeparator) + os.Getenv("PATH")}
}

// names lists dir's entries, or says it is missing.
func names(dir string) []string {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return []string{"(missing)"}
	}
	list := []string{}
	for _, e := range entries {
		list = append(list, e.Name())
	}
	return list
}

// Ctrl-C or SIGTERM while the engine builds leaves nothing the run half-made: the folder
// it made for -o (and the folders above it that it made on the way) is removed, where it
// was left empty, to be uploaded as a site; a folder that was there keeps what it held
// and no more. negsim-site runs as a process of its own and gets a real signal once its
// build has started.
func TestSignalledRunLeavesNothingHalfMade(t *testing.T) {
	for _, c := range []struct {
		name   string
		signal syscall.Signal
		given  bool
	}{
		{"ctrl-c-new-folder", syscall.SIGINT, false},
		{"sigterm-new-folder", syscall.SIGTERM, false},
		{"sigterm-given-folder", syscall.SIGTERM, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			top := t.TempDir()
			out, wantTop, wantOut := filepath.Join(top, "www", "class", "site"), []string{}, []string{"(missing)"}
			left := filepath.Join(top, "www") + " was not made"
			if c.given {
				out, wantTop, wantOut = filepath.Join(top, "site"), []string{"site"}, []string{"job.yaml"}
				left = "the folder was left as it was"
				os.Mkdir(out, 0o755)
				os.WriteFile(filepath.Join(out, "job.yaml"), []byte("name: job\n"), 0o644)
			}
			building := filepath.Join(t.TempDir(), "building")
			cmd := exec.Command(os.Args[0], "-o", out)
			cmd.Env = append(append(os.Environ(), asSite+"=1"), fakeGo(t, ": > "+building+"; exec sleep 60")...)
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			defer cmd.Process.Kill()
			// Bounded only so that a build that never starts fails the test instead of
			// hanging it; nothing here depends on how long anything takes.
			for start := time.Now(); ; time.Sleep(10 * time.Millisecond) {
				if _, err := os.Stat(building); err == nil {
					break
				}
				if time.Since(start) > time.Minute {
					t.Fatalf("the build never started: %s", stderr.String())
				}
			}
			if got := names(out); !slices.ContainsFunc(got, func(n string) bool { return strings.HasPrefix(n, stagePrefix) }) {
				t.Fatalf("while building, %s holds %q; want the staging folder", out, got)
			}
			if err := cmd.Process.Signal(c.signal); err != nil {
				t.Fatal(err)
			}
			err := cmd.Wait()
			if exit, ok := err.(*exec.ExitError); !ok || exit.ExitCode() != 1 {
				t.Fatalf("exit %v, want 1: %s", err, stderr.String())
			}
			if want := "negsim-site: interrupted; " + left + "\n"; stderr.String() != want {
				t.Errorf("stderr %q, want %q", stderr.String(), want)
			}
			if got := names(top); !slices.Equal(got, wantTop) {
				t.Errorf("after the stopped run, %s holds %q, want %q", top, got, wantTop)
			}
			if got := names(out); !slices.Equal(got, wantOut) {
				t.Errorf("after the stopped run, %s holds %q, want %q", out, got, wantOut)
			}
		})
	}
}

// A build that fails leaves no folder made for it either, and says so after the failure.
func TestFailedBuildRemovesTheFolderItMade(t *testing.T) {
	for _, kv := range fakeGo(t, "echo 'the build failed' >&2; exit 1") {
		k, v, _ := strings.Cut(kv, "=")
		t.Setenv(k, v)
	}
	top := t.TempDir()
	out := filepath.Join(top, "site")
	var stdout, stderr bytes.Buffer
	err := run(context.Background(), []string{"-o", out}, &stdout, &stderr)
	if err == nil || !strings.HasSuffix(err.Error(), "exit status 1; "+out+" was not made") {
		t.Errorf("run: %v; want the build's failure and that %s was not made", err, out)
	}
	if got := names(top); len(got) != 0 {
		t.Errorf("after the failed build, %s holds %q, want nothing", top, got)
	}
}
