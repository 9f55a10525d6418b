// Package sharedtest finds the reference material kept in ../shared beside the repository
// (source texts, interoperability files): tests may read it, and it is never part of the
// repository, so a test without it skips.
package sharedtest

import (
	"os"
	"path/filepath"
	"testing"
)

// Dir is ../shared/sub relative to the repository root, the directory above the test's
// working directory that holds go.mod. The test skips, saying what cannot be checked
// (what), when there is no repository root or no such folder.
func Dir(t testing.TB, sub, what string) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Skipf("no go.mod above the working directory, so no repository root to find ../shared/%s from", sub)
		}
		dir = parent
	}
	found := filepath.Join(dir, "..", "shared", sub)
	if _, err := os.Stat(found); err != nil {
		t.Skipf("%s: not found at %s: %v", what, found, err)
	}
	return found
}
