//go:build linux

package main

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"
	"unsafe"

	"github.com/negsim/negsim/sim"
)

// openTerminal opens a pseudo-terminal: the window side, which the test holds, and the
// side negsim reads and writes as its terminal.
func openTerminal(t *testing.T) (window, terminal *os.File) {
	t.Helper()
	window, err := os.OpenFile("/dev/ptmx", os.O_RDWR, 0)
	if err != nil {
		t.Skipf("no pseudo-terminals here: %v", err)
	}
	// Through SyscallConn, not Fd: Fd would leave the window blocking, and closing it
	// would then wait for the read the test has under way.
	conn, err := window.SyscallConn()
	if err != nil {
		t.Fatal(err)
	}
	var unlock int32
	var n uint32
	var errno syscall.Errno
	if err := conn.Control(func(fd uintptr) {
		if _, _, errno = syscall.Syscall(syscall.SYS_IOCTL, fd, syscall.TIOCSPTLCK, uintptr(unsafe.Pointer(&unlock))); errno == 0 {
			_, _, errno = syscall.Syscall(syscall.SYS_IOCTL, fd, syscall.TIOCGPTN, uintptr(unsafe.Pointer(&n)))
		}
	}); err != nil || errno != 0 {
		t.Fatal(err, errno)
	}
	terminal, err = os.OpenFile(fmt.Sprintf("/dev/pts/%d", n), os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		t.Fatal(err)
	}
	return window, terminal
}

// A student plays in a terminal window and closes it after one move: negsim, reading the
// window as its own terminal, is hung up on. Its input ends as it would at Ctrl-D, yet the
// session was not left by the student: the transcript keeps the one move, marked stopped,
// not quit. (Under geneva-19-point the United States puts a text to Ukraine in round 0; the
// reject takes the talks to round 1.)
func TestPlayInAClosedWindowKeepsTheMoves(t *testing.T) {
	window, terminal := openTerminal(t)
	path := filepath.Join(t.TempDir(), "ana.json")
	cmd := exec.Command(os.Args[0], "play", "--variant", "geneva-19-point", "--as", "ukraine", "--transcript", path)
	cmd.Env = append(os.Environ(), asNegsim+"=1")
	cmd.Stdin, cmd.Stdout, cmd.Stderr = terminal, terminal, terminal
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true, Ctty: 0}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	terminal.Close()
	waitFor := promptWaiter(t, window, func() string { return "" })
	waitFor(1)
	window.Write([]byte("reject\n"))
	waitFor(2)
	window.Close()
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case <-done:
	case <-time.After(30 * time.Second):
		t.Fatal("play still runs 30 s after its window closed")
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("no transcript after the window closed: %v", err)
	}
	var rec playRecord
	if err := json.Unmarshal(data, &rec); err != nil {
		t.Fatal(err)
	}
	if rec.Ended != sim.EndStopped || len(rec.Moves) != 1 || rec.Moves[0].Move != sim.MoveReject || rec.Outcome.Round != 1 {
		t.Errorf("transcript: ended %q, moves %v in round %d; want stopped after the one reject, in round 1", rec.Ended, rec.Moves, rec.Outcome.Round)
	}
}
