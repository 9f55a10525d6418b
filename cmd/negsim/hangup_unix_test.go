//go:build unix

package main

import (
	"bufio"
	"net/http"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"
)

// A teacher who starts 'nohup negsim serve' and closes the terminal keeps the page: negsim
// runs as its own process with the hang-up ignored (as nohup leaves it, here through the
// shell's trap), gets a SIGHUP, and still answers; SIGTERM then stops it cleanly.
func TestServeUnderNohupOutlivesTheTerminal(t *testing.T) {
	cmd := exec.Command("sh", "-c", `trap "" HUP; exec "$0" serve --addr 127.0.0.1:0`, os.Args[0])
	cmd.Env = append(os.Environ(), asNegsim+"=1")
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	url, err := bufio.NewReader(stdout).ReadString('\n')
	if err != nil {
		t.Fatalf("serve printed no URL: %v", err)
	}
	url = strings.TrimSpace(url)
	if err := cmd.Process.Signal(syscall.SIGHUP); err != nil {
		t.Fatal(err)
	}
	// A hang-up that stopped serve would have it gone within this time.
	time.Sleep(300 * time.Millisecond)
	resp, err := http.Get(url)
	if err != nil {
		t.Fatalf("serve no longer answers after a hang-up under nohup: %v", err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Errorf("GET %s after a hang-up: %s", url, resp.Status)
	}
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	if err := cmd.Wait(); err != nil {
		t.Errorf("serve after SIGTERM: %v", err)
	}
}
