package clockctx

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// busy works as the engine does, looking at the context now and then between steps and
// never waiting on anything, until the context ends or five seconds have passed.
func busy(ctx context.Context) (time.Duration, error) {
	start := time.Now()
	x := 0
	for i := 0; ; i++ {
		x += i % 7
		if i%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return time.Since(start), err
			}
			if time.Since(start) > 5*time.Second {
				return time.Since(start), nil
			}
		}
	}
}

// A 50 ms deadline stops the busy loop well within a second, with DeadlineExceeded.
func TestDeadlineStopsABusyLoop(t *testing.T) {
	ctx, cancel := WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	took, err := busy(ctx)
	if !errors.Is(err, context.DeadlineExceeded) || took > time.Second {
		t.Fatalf("a 50 ms deadline ended the loop after %v with %v; want DeadlineExceeded within a second", took, err)
	}
	select {
	case <-ctx.Done():
	default:
		t.Error("the deadline passed and Done is still open")
	}
	if at, ok := ctx.Deadline(); !ok || time.Until(at) > 0 {
		t.Errorf("Deadline() = %v, %v", at, ok)
	}
}

// Cancelled by its own cancel or by its parent's, the context ends with Canceled.
func TestCancel(t *testing.T) {
	ctx, cancel := WithTimeout(context.Background(), time.Hour)
	cancel()
	if _, err := busy(ctx); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: %v", err)
	}
	parent, cancelParent := context.WithCancel(context.Background())
	ctx, cancel = WithTimeout(parent, time.Hour)
	defer cancel()
	cancelParent()
	if _, err := busy(ctx); !errors.Is(err, context.Canceled) {
		t.Errorf("parent cancelled: %v", err)
	}
	<-ctx.Done()
}

// The same test in WebAssembly, where the page's engine runs: there Go's timers wait for
// a goroutine to yield, and the engine at work never does, so context.WithTimeout's
// deadline never came. Run with Node.js, as Go's wasm_exec runs tests; skipped without it.
func TestDeadlineStopsABusyLoopInWebAssembly(t *testing.T) {
	if testing.Short() || runtime.GOOS == "js" {
		t.Skip("builds the test for WebAssembly")
	}
	if _, err := exec.LookPath("node"); err != nil {
		t.Skip("no node to run WebAssembly with")
	}
	goroot, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		t.Skipf("go env GOROOT: %v", err)
	}
	execWasm := filepath.Join(strings.TrimSpace(string(goroot)), "lib", "wasm", "go_js_wasm_exec")
	if _, err := os.Stat(execWasm); err != nil {
		t.Skipf("no %s", execWasm)
	}
	cmd := exec.Command("go", "test", "-count=1", "-exec", execWasm, "-run", "^(TestDeadlineStopsABusyLoop|TestCancel)$", ".")
	// GOFLAGS is the caller's, and WebAssembly has no race detector (CI sets GOFLAGS=-race).
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm", "GOFLAGS=")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("in WebAssembly: %v\n%s", err, out)
	}
}
