package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// CI calls the test command the README's Quick start gives, as written: a line of .ci/run
// is that command, alone or after environment assignments (GOFLAGS turns the race detector
// on), so that CI cannot drift to another command while the README promises this one.
func TestCIRunsTheReadmeTestCommand(t *testing.T) {
	block := readmeBlock(t, readmeSection(t, "Quick start"), "```sh\n", "commands")
	var command string
	for _, line := range strings.Split(block, "\n") {
		line, _, _ = strings.Cut(line, "#")
		if line = strings.TrimSpace(line); strings.HasPrefix(line, "go test") {
			command = line
		}
	}
	if command == "" {
		t.Fatalf("Quick start's commands hold no go test:\n%s", block)
	}
	ci, err := os.ReadFile(filepath.Join("..", "..", ".ci", "run"))
	if err != nil {
		t.Skipf("no .ci/run beside the module: %v", err)
	}
	call := regexp.MustCompile(`^(?:[A-Za-z_][A-Za-z0-9_]*=\S+ )*` + regexp.QuoteMeta(command) + `$`)
	for _, line := range strings.Split(string(ci), "\n") {
		if call.MatchString(strings.TrimSpace(line)) {
			return
		}
	}
	t.Errorf(".ci/run never calls %q, the README's test command, as written", command)
}
