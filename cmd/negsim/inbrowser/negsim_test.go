// Package inbrowser holds the tests that drive negsim's page and HTML documents in a
// headless Chromium: the page as negsim serve serves it, its Play and Rounds views, and the
// report as a browser shows and prints it. They run negsim as a program, built once per
// run, so that they take a package, and go test's time limit, of their own: together they
// take most of the time of cmd/negsim's tests. They skip where no Chromium is installed.
package inbrowser

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/negsim/negsim/internal/pagetest"
	"github.com/negsim/negsim/sim"
)

const (
	exitOK = 0
	// garden and accordFile are test scenarios of cmd/negsim and sim, read from here.
	garden     = "../testdata/garden.yaml"
	accordFile = "../../../sim/testdata/accord.yaml"
)

// The browser checks share one Chromium, which closes once every test has run, and one
// build of negsim, removed then.
func TestMain(m *testing.M) {
	code := pagetest.Main(m)
	if built.dir != "" {
		os.RemoveAll(built.dir)
	}
	os.Exit(code)
}

var built struct {
	once sync.Once
	dir  string
	bin  string
	err  error
}

// negsim builds the command once, with the go command and flags of this run (GOFLAGS's
// -race in CI), and returns its path; only a test that runs it pays for the build.
func negsim(t *testing.T) string {
	t.Helper()
	built.once.Do(func() {
		built.dir, built.err = os.MkdirTemp("", "negsim-inbrowser-")
		if built.err != nil {
			return
		}
		built.bin = filepath.Join(built.dir, "negsim")
		if runtime.GOOS == "windows" {
			built.bin += ".exe"
		}
		// go test puts its own go command first on the PATH of the tests it runs.
		out, err := exec.Command("go", "build", "-o", built.bin, negsimPackage).CombinedOutput()
		if err != nil {
			built.err = errors.New("go build: " + err.Error() + ": " + string(out))
			return
		}
		built.err = statSources()
	})
	if built.err != nil {
		t.Fatal(built.err)
	}
	return built.bin
}

const negsimPackage = "github.com/negsim/negsim/cmd/negsim"

// statSources stats every file of this module that negsim is built from, its embedded
// files included. go test keeps a package's result while its test binary and the files the
// test looked at stay the same, and go build read negsim's sources in a process of its own:
// without this, a change to cmd/negsim or to the page alone left a cached pass standing.
func statSources() error {
	listed, err := exec.Command("go", "list", "-deps", "-f",
		`{{with .Module}}{{if eq .Path "github.com/negsim/negsim"}}{{$.Dir}}{{range $.GoFiles}}|{{.}}{{end}}{{range $.EmbedFiles}}|{{.}}{{end}}{{end}}{{end}}`,
		negsimPackage).Output()
	if err != nil {
		return errors.New("go list: " + err.Error())
	}
	for _, line := range strings.Split(string(listed), "\n") {
		dir, files, ours := strings.Cut(line, "|")
		if !ours { // a package of the standard library or another module: a blank line
			continue
		}
		for _, name := range strings.Split(files, "|") {
			if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
				return err
			}
		}
	}
	return nil
}

// command is negsim with args, with the user's own settings file and NEGSIM_* variables
// kept out of the way.
func command(t *testing.T, args ...string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(negsim(t), args...)
	home := t.TempDir()
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		switch {
		case strings.HasPrefix(k, "NEGSIM_"), k == "HOME", k == "XDG_CONFIG_HOME", strings.EqualFold(k, "AppData"):
		default:
			cmd.Env = append(cmd.Env, kv)
		}
	}
	cmd.Env = append(cmd.Env, "HOME="+home, "XDG_CONFIG_HOME="+home, "AppData="+home)
	return cmd
}

// runNegsimInput runs negsim with stdin as its standard input.
func runNegsimInput(t *testing.T, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	cmd := command(t, args...)
	var out, errOut bytes.Buffer
	cmd.Stdin, cmd.Stdout, cmd.Stderr = strings.NewReader(stdin), &out, &errOut
	err := cmd.Run()
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		code = exit.ExitCode()
	case err != nil:
		t.Fatal(err)
	}
	return out.String(), errOut.String(), code
}

func runNegsim(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	return runNegsimInput(t, "", args...)
}

// runOK runs negsim, which must exit 0, and returns what it printed.
func runOK(t *testing.T, args ...string) string {
	t.Helper()
	out, err := command(t, args...).Output()
	if err != nil {
		var exit *exec.ExitError
		var said []byte
		if errors.As(err, &exit) {
			said = exit.Stderr
		}
		t.Fatalf("negsim %s: %v: %s%s", strings.Join(args, " "), err, out, said)
	}
	return string(out)
}

func roundsJSON(t *testing.T, args ...string) (*sim.Transcript, string) {
	t.Helper()
	out := runOK(t, append([]string{"rounds", "--format", "json"}, args...)...)
	var tr sim.Transcript
	if err := json.Unmarshal([]byte(out), &tr); err != nil {
		t.Fatalf("rounds --format json: %v:\n%s", err, out)
	}
	return &tr, out
}

// startServe runs negsim serve on a free port of 127.0.0.1 with args and returns the address
// it prints; the test's end stops it as Ctrl-C does, and fails unless it stops cleanly.
func startServe(t *testing.T, args ...string) string {
	t.Helper()
	cmd := command(t, append([]string{"serve", "--addr", "127.0.0.1:0"}, args...)...)
	// Read only once serve has exited: Wait returns after the copy into it ends.
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	printed := bufio.NewReader(out)
	line, err := printed.ReadString('\n')
	if err != nil {
		cmd.Process.Kill()
		cmd.Wait()
		t.Fatalf("serve printed no address: %v; stderr: %s", err, &stderr)
	}
	go func() {
		// What serve prints after its address is read to the end, so that Wait returns.
		_, _ = io.Copy(io.Discard, printed)
		done <- cmd.Wait()
	}()
	t.Cleanup(func() {
		if runtime.GOOS == "windows" {
			cmd.Process.Kill() // Windows delivers no Ctrl-C to another process
		} else {
			cmd.Process.Signal(os.Interrupt)
		}
		select {
		case err := <-done:
			if err != nil && runtime.GOOS != "windows" {
				t.Errorf("serve after Ctrl-C: %v: %s", err, &stderr)
			}
		case <-time.After(10 * time.Second):
			cmd.Process.Kill()
			t.Error("serve did not stop within 10 s of Ctrl-C")
		}
	})
	return strings.TrimSpace(line)
}
