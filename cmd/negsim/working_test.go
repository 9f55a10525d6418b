package main

import (
	"testing"
	"time"
)

// lines hands each write to the test through a channel, so that the notice's goroutine and
// the test share nothing else.
type lines chan string

func (l lines) Write(p []byte) (int, error) {
	l <- string(p)
	return len(p), nil
}

// A search still running after the delay is said to be, once, with the way to stop it; one
// done before the delay says nothing. (The notice goes only to a terminal: see
// PersistentPreRunE.)
func TestStillWorkingIsSaidOnceAfterTheDelay(t *testing.T) {
	got := make(lines, 2)
	stop := stillWorking(got, 10*time.Millisecond, 8*time.Second)
	wantLine(t, got, "negsim: still working; Ctrl-C stops it, and the --timeout of 8s will\n")
	stop()
	wantNoLine(t, got, 50*time.Millisecond)

	untimed := make(lines, 1)
	defer stillWorking(untimed, time.Millisecond, 0)()
	wantLine(t, untimed, "negsim: still working; Ctrl-C stops it, and --timeout (such as --timeout 2m) sets a time limit\n")

	quiet := make(lines, 1)
	stillWorking(quiet, 20*time.Millisecond, 0)()
	wantNoLine(t, quiet, 100*time.Millisecond)
}

func wantLine(t *testing.T, got lines, want string) {
	t.Helper()
	select {
	case line := <-got:
		if line != want {
			t.Errorf("notice %q, want %q", line, want)
		}
	case <-time.After(10 * time.Second):
		t.Fatalf("no notice within 10 s; want %q", want)
	}
}

func wantNoLine(t *testing.T, got lines, within time.Duration) {
	t.Helper()
	select {
	case line := <-got:
		t.Errorf("a notice that should not be: %q", line)
	case <-time.After(within):
	}
}
