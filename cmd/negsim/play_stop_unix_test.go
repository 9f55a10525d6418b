//go:build unix

package main

import (
	"bytes"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/negsim/negsim/sim"
)

// A student who presses Ctrl-C keeps the session: negsim itself, started as a process of
// its own, gets a real SIGINT while it waits for the second move, after one reject. Under
// geneva-19-point the United States puts a text to Ukraine in round 0; the reject takes
// the talks to round 1. The transcript holds that one move, ends "stopped" with no
// agreement, is written as every transcript is (0600), and score and debrief read it and
// say it was stopped, not that the table quit.
func TestPlayStoppedByCtrlCKeepsTheMoves(t *testing.T) {
	for _, c := range []struct {
		name   string
		signal syscall.Signal
	}{
		{"ctrl-c", syscall.SIGINT},
		// Closing the terminal window sends a hang-up: the moves are kept as at Ctrl-C.
		{"window-closed", syscall.SIGHUP},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "class", "ana.json")
			cmd := exec.Command(os.Args[0], "play", "--variant", "geneva-19-point", "--as", "ukraine", "--transcript", path)
			cmd.Env = append(os.Environ(), asNegsim+"=1")
			stdin, err := cmd.StdinPipe()
			if err != nil {
				t.Fatal(err)
			}
			stdout, err := cmd.StdoutPipe()
			if err != nil {
				t.Fatal(err)
			}
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			defer cmd.Process.Kill()
			waitFor := promptWaiter(t, stdout, stderr.String)
			waitFor(1)
			stdin.Write([]byte("reject\n"))
			waitFor(2)
			if err := cmd.Process.Signal(c.signal); err != nil {
				t.Fatal(err)
			}
			err = cmd.Wait()
			if exit, ok := err.(*exec.ExitError); !ok || exit.ExitCode() != exitFailure {
				t.Fatalf("exit %v, want %d: %s", err, exitFailure, stderr.String())
			}
			wantContains(t, "stderr", stderr.String(),
				"negsim: interrupted in round 1; the moves so far are in "+path+", marked as stopped: negsim score --transcript "+path+" reads it\n")
			checkFile(t, path, 0o600, "{")
			data, _ := os.ReadFile(path)
			var rec playRecord
			if err := json.Unmarshal(data, &rec); err != nil {
				t.Fatal(err)
			}
			if rec.Ended != sim.EndStopped || len(rec.Moves) != 1 || rec.Moves[0].Move != sim.MoveReject || rec.Outcome.Agreement || rec.Outcome.Round != 1 {
				t.Errorf("transcript: ended %q, moves %v, agreement %v in round %d", rec.Ended, rec.Moves, rec.Outcome.Agreement, rec.Outcome.Round)
			}

			stopped := "The session was stopped (Ctrl-C) in round 1, before the talks ended: no one left the table, but it counts as no agreement."
			out, errs, code := runNegsim(t, "score", "--transcript", path)
			if code != exitOK {
				t.Fatalf("score: exit %d: %s", code, errs)
			}
			wantContains(t, "score", out, stopped)
			scored := runJSON[noDeal](t, "score", "--transcript", path, "--format", "json")
			if scored.Ended != sim.EndStopped || scored.Agreement {
				t.Errorf("score's JSON: ended %q, agreement %v", scored.Ended, scored.Agreement)
			}
			out, errs, code = runNegsim(t, "debrief", "--transcripts", filepath.Dir(path))
			if code != exitOK {
				t.Fatalf("debrief: exit %d: %s", code, errs)
			}
			wantContains(t, "debrief", out, "- ana: "+stopped, "no agreement: stopped")
			db := runJSON[struct{ Stopped []string }](t, "debrief", "--transcripts", filepath.Dir(path), "--format", "json")
			if strings.Join(db.Stopped, ",") != "ana" {
				t.Errorf("debrief's JSON names %q as stopped", db.Stopped)
			}
		})
	}
}

// promptWaiter reads play's output from r and returns a wait for its nth prompt: "> " at the
// start of a line, written without a newline, after which the session waits for a move. The
// wait fails the test when play ends first, saying what said() then holds, or after 30 s.
func promptWaiter(t *testing.T, r io.Reader, said func() string) (waitFor func(n int)) {
	prompts := make(chan int, 8)
	go func() {
		var seen []byte
		buf := make([]byte, 4096)
		count := 0
		for {
			k, err := r.Read(buf)
			seen = append(seen, buf[:k]...)
			if now := bytes.Count(seen, []byte("\n> ")); now > count {
				count = now
				prompts <- count
			}
			if err != nil {
				close(prompts)
				return
			}
		}
	}()
	return func(n int) {
		t.Helper()
		timeout := time.After(30 * time.Second)
		for {
			select {
			case got, ok := <-prompts:
				if !ok {
					t.Fatalf("play ended before prompt %d: %s", n, said())
				}
				if got >= n {
					return
				}
			case <-timeout:
				t.Fatalf("no prompt %d in 30 s", n)
			}
		}
	}
}
