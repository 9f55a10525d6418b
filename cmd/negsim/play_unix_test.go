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
			cmd, stdin, stderr, waitFor := startPlay(t, nil, "--variant", "geneva-19-point", "--as", "ukraine", "--transcript", path)
			waitFor(1)
			stdin.Write([]byte("reject\n"))
			waitFor(2)
			if err := cmd.Process.Signal(c.signal); err != nil {
				t.Fatal(err)
			}
			err := cmd.Wait()
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

// A transcript that cannot be written at the end, though it could be at the start, keeps
// the session in the temporary folder: here a file takes the name of the folder the
// transcript is to be written in, which does not exist yet, while the student plays. play exits 1 naming both places, and the kept file is the whole
// session, readable by its player alone, and scores.
func TestPlayKeepsASessionItCannotWriteWhereAsked(t *testing.T) {
	dir, temporary := t.TempDir(), t.TempDir()
	path := filepath.Join(dir, "class", "ana.json")
	cmd, stdin, stderr, waitFor := startPlay(t, []string{"TMPDIR=" + temporary}, "--variant", "geneva-19-point", "--as", "ukraine", "--transcript", path)
	waitFor(1)
	stdin.Write([]byte("reject\n"))
	waitFor(2)
	if err := os.WriteFile(filepath.Dir(path), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	stdin.Write([]byte("quit\n"))
	err := cmd.Wait()
	if exit, ok := err.(*exec.ExitError); !ok || exit.ExitCode() != exitFailure {
		t.Fatalf("exit %v, want %d: %s", err, exitFailure, stderr.String())
	}
	kept, _ := filepath.Glob(filepath.Join(temporary, "negsim-ana-*.json"))
	if len(kept) != 1 {
		t.Fatalf("the temporary folder holds %q, want one negsim-ana-*.json; stderr: %s", kept, stderr.String())
	}
	wantContains(t, "stderr", stderr.String(), "negsim: cannot write "+path+": ",
		"; the session is kept in "+kept[0]+" instead: negsim score --transcript "+kept[0]+" reads it\n")
	checkFile(t, kept[0], 0o600, "{")
	if _, errs, code := runNegsim(t, "score", "--transcript", kept[0]); code != exitOK {
		t.Fatalf("score --transcript %s: exit %d: %s", kept[0], code, errs)
	}
	var rec playRecord
	data, _ := os.ReadFile(kept[0])
	if err := json.Unmarshal(data, &rec); err != nil {
		t.Fatal(err)
	}
	if rec.Ended != sim.EndQuit || len(rec.Moves) != 2 || rec.Moves[0].Move != sim.MoveReject || rec.Moves[1].Move != sim.MoveQuit || rec.Outcome.Agreement {
		t.Errorf("kept transcript: ended %q, moves %v, agreement %v", rec.Ended, rec.Moves, rec.Outcome.Agreement)
	}
}

// startPlay starts negsim play as a process of its own with args, and env added to this
// one's environment, and returns it with its input, what it has written to stderr, and a
// wait for its nth prompt.
func startPlay(t *testing.T, env []string, args ...string) (cmd *exec.Cmd, stdin io.WriteCloser, stderr *bytes.Buffer, waitFor func(n int)) {
	t.Helper()
	cmd = exec.Command(os.Args[0], append([]string{"play"}, args...)...)
	cmd.Env = append(append(os.Environ(), asNegsim+"=1"), env...)
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	stderr = &bytes.Buffer{}
	cmd.Stderr = stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill() })
	return cmd, stdin, stderr, promptWaiter(t, stdout, stderr.String)
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
