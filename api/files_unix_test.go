//go:build unix

package api

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// A served folder's entry that is no regular file is refused by name, never opened: a
// named pipe called fifo.yaml blocked its request in open(2) for good, past the request's
// deadline, and held negsim serve's Ctrl-C for the five seconds of its shutdown.
func TestServedEntryThatIsNoFileIsRefused(t *testing.T) {
	dir := t.TempDir()
	if err := syscall.Mkfifo(filepath.Join(dir, "fifo.yaml"), 0o644); err != nil {
		t.Skip("no named pipes here:", err)
	}
	if err := os.Mkdir(filepath.Join(dir, "folder.yaml"), 0o755); err != nil {
		t.Fatal(err)
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	a := New(Options{Files: root.FS()})
	for _, name := range []string{"fifo.yaml", "folder.yaml"} {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		done := make(chan error, 1)
		go func() {
			_, err := a.Handle(ctx, "analyze", []byte(`{"scenario": "file:`+name+`"}`))
			done <- err
		}()
		select {
		case err := <-done:
			var e *Error
			if !errors.As(err, &e) || e.Kind != KindInput || !strings.Contains(e.Message, name+`" is not a regular file`) {
				t.Errorf("file:%s: %v; want an input error saying it is not a regular file", name, err)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("file:%s: no answer after 10 s", name)
		}
		cancel()
	}
}
