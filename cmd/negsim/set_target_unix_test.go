//go:build unix

package main

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// -o for a set of files (brief --all, export) naming something that is no folder says what
// it is, in a student's words, and what to give instead: /dev/null was called "a file",
// which it is not, and nothing said what -o wants. The same for a folder on the way to a
// file of a set: /dev/null/briefs.
func TestSetIntoNoFolderSaysWhatItIs(t *testing.T) {
	t.Chdir(t.TempDir())
	if err := syscall.Mkfifo("pipe", 0o600); err != nil {
		t.Skip("no FIFO here:", err)
	}
	if err := os.WriteFile("notes.txt", []byte("mine\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	const valid = "; give -o the name of a folder, or of one to be made\n"
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"brief", "--all", "-o", "/dev/null"}, "negsim: cannot write into /dev/null: it is a device, not a folder" + valid},
		{[]string{"export", "genius", "-o", "/dev/null"}, "negsim: cannot write into /dev/null: it is a device, not a folder" + valid},
		{[]string{"export", "genius", "-o", "pipe"}, "negsim: cannot write into pipe: it is a named pipe, not a folder" + valid},
		{[]string{"brief", "--all", "-o", "notes.txt"}, "negsim: cannot write into notes.txt: it is a file, not a folder" + valid},
		{[]string{"brief", "--all", "-o", filepath.Join("/dev/null", "briefs")}, "negsim: cannot write " + filepath.Join("/dev/null", "briefs") + ": /dev/null is a device, not a folder\n"},
	} {
		_, stderr, code := runNegsim(t, c.args...)
		if code != exitFailure || stderr != c.want {
			t.Errorf("negsim %q: exit %d, stderr %q\nwant exit %d, %q", c.args, code, stderr, exitFailure, c.want)
		}
	}
	if data, err := os.ReadFile("notes.txt"); err != nil || string(data) != "mine\n" {
		t.Errorf("notes.txt after the refused runs: %q, %v", data, err)
	}
}
