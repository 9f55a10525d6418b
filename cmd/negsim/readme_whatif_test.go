package main

import (
	"fmt"
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
	_, section, ok := strings.Cut(strings.ReplaceAll(string(data), "\r\n", "\n"), "\n## "+title+"\n")
	if !ok {
		t.Fatalf("README.md has no '%s' section", title)
	}
	if next := strings.Index(section, "\n## "); next >= 0 {
		section = section[:next]
	}
	return section
}

// readmeBlock is what a code block of section holds after opening (its fence and, where
// given, its first words), up to the closing fence; it fails the test, naming the block as
// what, when the section has none.
func readmeBlock(t *testing.T, section, opening, what string) string {
	t.Helper()
	_, block, ok := strings.Cut(section, opening)
	if !ok {
		t.Fatalf("the README section shows no %s", what)
	}
	block, _, _ = strings.Cut(block, "```")
	return block
}

// copyReadmeBlock writes the block readmeBlock finds into the file name of a fresh folder,
// which the test then works in, as a reader who copies it from the README would.
func copyReadmeBlock(t *testing.T, section, opening, what, name string) {
	t.Helper()
	block := readmeBlock(t, section, opening, what)
	t.Chdir(t.TempDir())
	if err := os.WriteFile(name, []byte(block), 0o644); err != nil {
		t.Fatal(err)
	}
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
		case inBlock && cur >= 0:
			examples[cur].shown = append(examples[cur].shown, line)
		}
	}
	return examples
}

// check runs the example and compares what it prints (standard output, then standard
// error) with the lines shown, exactly and in order, as the README promises a reader.
func (e readmeExample) check(t *testing.T) {
	t.Helper()
	out, errs, _ := runNegsim(t, e.args...)
	if err := matchShown(e.shown, out+errs); err != nil {
		t.Errorf("negsim %s: %v", strings.Join(e.args, " "), err)
	}
}

// matchShown compares the lines a README shows with the lines a command printed, exactly
// and in order. A line "..." stands for any run of lines, none included; a shown line that
// ends in "..." for a line that starts with what comes before it. Without a "..." at its
// start or end, the excerpt must begin at the first line printed or end at the last.
// Trailing spaces are ignored on both sides, and so are blank lines at either end.
func matchShown(shown []string, printed string) error {
	trim := func(lines []string) []string {
		for i := range lines {
			lines[i] = strings.TrimRight(lines[i], " ")
		}
		for len(lines) > 0 && lines[0] == "" {
			lines = lines[1:]
		}
		for len(lines) > 0 && lines[len(lines)-1] == "" {
			lines = lines[:len(lines)-1]
		}
		return lines
	}
	want := trim(append([]string(nil), shown...))
	got := trim(strings.Split(printed, "\n"))
	same := func(w, g string) bool {
		if prefix, ok := strings.CutSuffix(w, "..."); ok && w != "..." {
			return strings.HasPrefix(g, prefix)
		}
		return w == g
	}
	// match reports whether want[i:] matches got[j:]: a plain glob over lines, in which
	// "..." tries every number of lines from none up.
	var match func(i, j int) bool
	match = func(i, j int) bool {
		if i == len(want) {
			return j == len(got)
		}
		if want[i] == "..." {
			for k := j; k <= len(got); k++ {
				if match(i+1, k) {
					return true
				}
			}
			return false
		}
		return j < len(got) && same(want[i], got[j]) && match(i+1, j+1)
	}
	if match(0, 0) {
		return nil
	}
	// Name the first shown line that is not printed in order after the ones before it, the
	// line a reader of the failure should look at.
	j := 0
	for _, w := range want {
		if w == "..." {
			continue
		}
		for j < len(got) && !same(w, got[j]) {
			j++
		}
		if j == len(got) {
			return fmt.Errorf("the README shows a line that is not printed there, in that order:\n%s\nprinted:\n%s", w, strings.Join(got, "\n"))
		}
		j++
	}
	return fmt.Errorf("the README shows these lines in order, but with lines between or around them that it does not mark with ...:\n%s\nprinted:\n%s", strings.Join(want, "\n"), strings.Join(got, "\n"))
}

// TestMatchShown checks the README comparison itself: it must refuse what a reader would
// call a wrong excerpt.
func TestMatchShown(t *testing.T) {
	printed := "title\n\na\nb\nc\nlong line here\n"
	for _, c := range []struct {
		shown string
		ok    bool
	}{
		{"title\n\na\nb\nc\nlong line here", true},
		{"title\n...\nc\nlong line...", true},
		{"...\nb\nc\n...", true},
		{"...\nb\n...", true},
		{"b\nc\n...", false},           // does not start at the first line
		{"...\nb\nc", false},           // does not end at the last line
		{"...\na\nc\n...", false},      // b left out without "..."
		{"...\nb\na\n...", false},      // out of order
		{"...\nlong line\n...", false}, // cut short without "..."
		{"...\nd\n...", false},         // never printed
	} {
		if err := matchShown(strings.Split(c.shown, "\n"), printed); (err == nil) != c.ok {
			t.Errorf("shown %q: match %v, want %v", c.shown, err == nil, c.ok)
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
			// A row whose value is elided ("...") shows a form, not a value to run.
			if set, _, ok := strings.Cut(cell, "` |"); ok && strings.Contains(set, "=") && !strings.Contains(set, "...") {
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
