package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"golang.org/x/term"
)

// searching names the commands whose search can run for minutes: a space of billions of
// deals, or one where millions tie for a place in a listing. Play waits for a person and
// montecarlo draws a progress bar of its own.
var searching = map[string]bool{"analyze": true, "explain": true, "sensitivity": true, "sweep": true,
	"compare": true, "rounds": true, "report": true, "score": true, "debrief": true}

// workingAfter is how long a search runs before a person at a terminal is told it still
// does: longer than any shipped scenario takes, short enough that a silent terminal does
// not pass for a hung one.
const workingAfter = 5 * time.Second

// stillWorking writes, once, after the delay unless stopped first, that negsim is still at
// work and how to stop it; the returned func stops it.
func stillWorking(w io.Writer, after, timeout time.Duration) (stop func()) {
	line := "negsim: still working; Ctrl-C stops it, and --timeout (such as --timeout 2m) sets a time limit\n"
	if timeout > 0 {
		line = fmt.Sprintf("negsim: still working; it stops at the --timeout of %s, or at once with Ctrl-C\n", durationAsTyped(timeout))
	}
	t := time.AfterFunc(after, func() { io.WriteString(w, line) })
	return func() { t.Stop() }
}

// durationAsTyped writes a duration as --timeout takes it and a person types it: 1m and
// 2h30m, not Go's 1m0s and 2h30m0s.
func durationAsTyped(d time.Duration) string {
	s := d.String()
	if strings.HasSuffix(s, "m0s") {
		s = strings.TrimSuffix(s, "0s")
	}
	if strings.HasSuffix(s, "h0m") {
		s = strings.TrimSuffix(s, "0m")
	}
	return s
}

// isTerminal reports whether a stream of the run is a person's terminal rather than a
// file or a pipe.
func isTerminal(stream any) bool {
	f, ok := stream.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}
