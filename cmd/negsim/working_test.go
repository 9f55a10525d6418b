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
	select {
	case line := <-got:
		if want := "negsim: still working; Ctrl-C stops it, and the --timeout of 8s will\n"; line != want {
			t.Errorf("notice %q, want %q", line, want)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("no notice 10 s after a delay of 10 ms")
	}
	stop()
	select {
	case line := <-got:
		t.Errorf("a second notice: %q", line)
	case <-time.After(50 * time.Millisecond):
	}

	untimed := make(lines, 1)
	defer stillWorking(untimed, time.Millisecond, 0)()
	select {
	case line := <-untimed:
		if want := "negsim: still working; Ctrl-C stops it, and --timeout (such as --timeout 2m) sets a time limit\n"; line != want {
			t.Errorf("notice without --timeout %q, want %q", line, want)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("no notice without --timeout 10 s after a delay of 1 ms")
	}

	quiet := make(lines, 1)
	stop = stillWorking(quiet, 20*time.Millisecond, 0)
	stop()
	select {
	case line := <-quiet:
		t.Errorf("a search done before the delay was noticed: %q", line)
	case <-time.After(100 * time.Millisecond):
	}
}
