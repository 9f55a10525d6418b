package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/negsim/negsim/internal/pagetest"
)

// The Play view served by negsim serve, played by keyboard in Chromium: the session ends
// as the terminal's does for the same moves, transcript for transcript, and its link
// resumes it.
func TestPlayPageServed(t *testing.T) {
	pagetest.RequireChromium(t)
	ps := pagetest.PlaySession
	transcript := filepath.Join(t.TempDir(), "session.json")
	moves := strings.Join(ps.Moves, "\n") + "\n"
	if _, errOut, code := runNegsimInput(t, moves, "play", "--variant", ps.Variant, "--as", ps.As, "--transcript", transcript); code != exitOK {
		t.Fatalf("negsim play: exit %d: %s", code, errOut)
	}
	want, err := os.ReadFile(transcript)
	if err != nil {
		t.Fatal(err)
	}
	url, _ := startServe(t)
	pagetest.DrivePlay(t, url, "served", want)
	pagetest.DriveIdlePlay(t, url, "served")
}
