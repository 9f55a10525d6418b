//go:build unix

package main

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// A transcript holds every actor's values round by round (each reservation, aspiration and
// utility), which each role's confidential brief keeps to its player; it was written as a
// public file, 0644 under umask 022. It is now written as a role sheet is: at most 0600,
// new or replacing a file others could read.
func TestTranscriptIsReadableByItsOwnerOnly(t *testing.T) {
	fixture, err := filepath.Abs(accordFile)
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(t.TempDir())
	os.WriteFile("old.json", []byte("{}\n"), 0o644)
	old := syscall.Umask(0o022)
	_, errs, code := runNegsimInput(t, "quit\n", "play", fixture, "--as", "china", "--transcript", "new.json")
	_, errs2, code2 := runNegsimInput(t, "quit\n", "play", fixture, "--as", "china", "--transcript", "old.json")
	syscall.Umask(old)
	if code != exitOK || code2 != exitOK {
		t.Fatalf("exit %d, %d: %s%s", code, code2, errs, errs2)
	}
	checkFile(t, "new.json", 0o600, "{")
	checkFile(t, "old.json", 0o600, "{")
}
