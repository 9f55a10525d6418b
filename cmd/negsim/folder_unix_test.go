//go:build unix

package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/negsim/negsim/sim"
)

// A folder named for its files (validate's, debrief's transcripts) reads the files in it,
// not a named pipe that happens to be there, nor a link to one: opening a pipe nothing
// writes to waited for ever. --timeout bounds the wait, so that the test ends either way.
func TestFolderSkipsNamedPipes(t *testing.T) {
	fixture := twoByTwo(t)
	t.Chdir(t.TempDir())
	for _, dir := range []string{"scenarios", "class"} {
		if err := os.Mkdir(dir, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	text, err := os.ReadFile(fixture)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join("scenarios", "a.yaml"), text, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, stderr, code := runNegsimInput(t, strings.Repeat("reject\n", 20), "play", fixture, "--as", "x", "--transcript", filepath.Join("class", "ana.json")); code != exitOK {
		t.Fatalf("play: exit %d: %s", code, stderr)
	}
	for _, pipe := range []string{"scenarios/pipe.yaml", "class/pipe.json"} {
		if err := syscall.Mkfifo(pipe, 0o600); err != nil {
			t.Skip("no FIFO here:", err)
		}
		if err := os.Symlink(filepath.Base(pipe), strings.Replace(pipe, "pipe", "link", 1)); err != nil {
			t.Fatal(err)
		}
	}

	out := runOK(t, "validate", "scenarios", "--timeout", "10s")
	// a.yaml alone is a file: the pipe and the link to it are no files to read.
	wantContains(t, "validate of a folder with a pipe", out, "scenarios/a.yaml: valid", "1 file: 1 valid")
	db := runJSON[sim.Debrief](t, "debrief", fixture, "--transcripts", "class", "--timeout", "10s")
	if len(db.Tables) != 1 || db.Tables[0].Table != "ana" {
		t.Errorf("tables %+v; want ana's alone", db.Tables)
	}
}
