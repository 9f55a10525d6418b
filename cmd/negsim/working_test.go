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
	wantLine(t, got, "negsim: still working; it stops at the --timeout of 8s, or at once with Ctrl-C\n")
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

// A duration reads as --timeout takes it: Go writes a minute as 1m0s, which looks cut off
// to anyone who typed --timeout 60s or 1m.
func TestDurationAsTyped(t *testing.T) {
	for d, want := range map[time.Duration]string{
		8 * time.Second:                       "8s",
		time.Minute:                           "1m",
		90 * time.Second:                      "1m30s",
		2*time.Hour + 30*time.Minute:          "2h30m",
		time.Hour:                             "1h",
		time.Hour + 10*time.Second:            "1h0m10s",
		1500 * time.Millisecond:               "1.5s",
		10*time.Minute + 500*time.Millisecond: "10m0.5s",
	} {
		if got := durationAsTyped(d); got != want {
			t.Errorf("durationAsTyped(%v) = %q, want %q", d, got, want)
		}
	}
}
