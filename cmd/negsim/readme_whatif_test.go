package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestReadmeWhatIfExamples runs every "$ negsim ..." example in the README's What-if
// section and checks that each line shown under it (other than "...") is a line the
// command prints, so the README cannot drift from the program.
func TestReadmeWhatIfExamples(t *testing.T) {
	section := readmeSection(t, "What-if analysis")
	examples := readmeExamples(section)
	if len(examples) < 4 {
		t.Fatalf("found %d examples in the README's What-if section, want at least 4", len(examples))
	}
	for _, e := range examples {
		t.Run(strings.Join(e.args, " "), func(t *testing.T) { e.check(t) })
	}
}

// TestReadmeReadingTheOutput checks the analyze example that opens "Reading the output".
func TestReadmeReadingTheOutput(t *testing.T) {
	examples := readmeExamples(readmeSection(t, "Reading the output"))
	if len(examples) != 1 || len(examples[0].shown) < 10 {
		t.Fatalf("found %d examples in the README's 'Reading the output'; want the one analyze example with its lines", len(examples))
	}
	examples[0].check(t)
}

// readmeSection is the text of one "## " section of the README.
func readmeSection(t *testing.T, title string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Skipf("no README.md beside the module: %v", err)
	}
	_, section, ok := strings.Cut(string(data), "\n## "+title+"\n")
	if !ok {
		t.Fatalf("README.md has no '%s' section", title)
	}
	if next := strings.Index(section, "\n## "); next >= 0 {
		section = section[:next]
	}
	return section
}

// readmeExample is a "$ negsim ..." line in a code block and the lines shown under it.
type readmeExample struct {
	args  []string
	shown []string
}

func readmeExamples(section string) []readmeExample {
	var examples []readmeExample
	inBlock := false
	cur := -1 // the example the lines of this block belong to, if any
	for _, line := range strings.Split(section, "\n") {
		switch {
		case strings.HasPrefix(line, "```"):
			inBlock, cur = !inBlock, -1
		case inBlock && strings.HasPrefix(line, "$ negsim "):
			examples = append(examples, readmeExample{args: strings.Fields(strings.TrimPrefix(line, "$ negsim "))})
			cur = len(examples) - 1
		case inBlock && cur >= 0 && line != "..." && strings.TrimSpace(line) != "":
			examples[cur].shown = append(examples[cur].shown, line)
		}
	}
	return examples
}

// check runs the example and requires every line shown (other than "...") among the
// lines the command prints.
func (e readmeExample) check(t *testing.T) {
	t.Helper()
	out, errs, _ := runNegsim(t, e.args...)
	printed := map[string]bool{}
	for _, l := range strings.Split(out+errs, "\n") {
		printed[strings.TrimRight(l, " ")] = true
	}
	for _, l := range e.shown {
		if !printed[strings.TrimRight(l, " ")] {
			t.Errorf("the README shows a line the command does not print:\n%s", l)
		}
	}
}

// TestReadmeSetPathsWork gives every PATH=VALUE of the What-if section's path table to
// analyze --set on the reference scenario: each must be a value the scenario accepts, as
// the table promises.
func TestReadmeSetPathsWork(t *testing.T) {
	section := readmeSection(t, "What-if analysis")
	var sets []string
	for _, line := range strings.Split(section, "\n") {
		if cell, ok := strings.CutPrefix(line, "| `"); ok {
			if set, _, ok := strings.Cut(cell, "` |"); ok && strings.Contains(set, "=") {
				sets = append(sets, set)
			}
		}
	}
	if len(sets) < 5 {
		t.Fatalf("found %d PATH=VALUE rows in the path table; want the table's rows", len(sets))
	}
	for _, set := range sets {
		if _, errOut, code := runNegsim(t, "analyze", "--set", set, "--format", "json"); code != 0 {
			t.Errorf("analyze --set %s: exit %d: %s", set, code, errOut)
		}
	}
}
