package main

import (
	"os"
	"strings"
	"testing"
)

// readmeExampleScenario is the example scenario of the README's "Writing a scenario"
// section, Border talks: its one YAML block.
func readmeExampleScenario(t *testing.T) string {
	t.Helper()
	return readmeBlock(t, readmeSection(t, "Writing a scenario"), "```yaml\n", "scenario in a ```yaml block")
}

// TestReadmeWritingAScenario runs the README's "Writing a scenario" section as a teacher
// would: every command in its sh blocks in order in an empty folder, the example scenario
// through validate and explain, and the output it shows against what negsim prints, so the
// README cannot drift from the program.
func TestReadmeWritingAScenario(t *testing.T) {
	section := readmeSection(t, "Writing a scenario")
	type block struct{ lang, body string }
	var blocks []block
	for rest := section; ; {
		i := strings.Index(rest, "```")
		if i < 0 {
			break
		}
		rest = rest[i+3:]
		nl := strings.Index(rest, "\n")
		lang := rest[:nl]
		rest = rest[nl+1:]
		j := strings.Index(rest, "```\n")
		blocks = append(blocks, block{lang, rest[:j]})
		rest = rest[j+4:]
	}
	_, golden := brokenScenario(t, "typo-field")

	t.Chdir(t.TempDir())
	var commands, outputs int
	for _, b := range blocks {
		switch b.lang {
		case "sh":
			for _, line := range strings.Split(strings.TrimSpace(b.body), "\n") {
				args := strings.Fields(line)
				if len(args) == 0 || args[0] != "negsim" {
					t.Fatalf("README command %q does not start with negsim", line)
				}
				args = args[1:]
				var redirect string
				if n := len(args); n >= 2 && args[n-2] == ">" {
					redirect, args = args[n-1], args[:n-2]
				}
				stdout, stderr, code := runNegsim(t, args...)
				if code != exitOK {
					t.Errorf("README command %q: exit %d\n%s%s", line, code, stdout, stderr)
				}
				if redirect != "" {
					if err := os.WriteFile(redirect, []byte(stdout), 0o644); err != nil {
						t.Fatal(err)
					}
				}
				commands++
			}
		case "yaml":
			if err := os.WriteFile("border.yaml", []byte(b.body), 0o644); err != nil {
				t.Fatal(err)
			}
			if stdout, _, code := runNegsim(t, "validate", "--strict", "border.yaml"); code != exitOK {
				t.Errorf("the README's example scenario does not validate:\n%s", stdout)
			}
			if kind, err := schemaVerdict(compiledSchema(t), "border.yaml", []byte(b.body)); kind != "" {
				t.Errorf("the README's example scenario fails the schema: %v", err)
			}
		case "":
			// Shown output, compared exactly and in order: validate's on typo-field.yaml,
			// or explain's on the example scenario.
			outputs++
			printed := string(golden)
			if !strings.HasPrefix(b.body, "typo-field.yaml") {
				printed, _, _ = runNegsim(t, "explain", "border.yaml")
			}
			if err := matchShown(strings.Split(b.body, "\n"), printed); err != nil {
				t.Error(err)
			}
		}
	}
	if commands < 6 || outputs != 2 {
		t.Errorf("ran %d commands and compared %d outputs; the section should hold at least 6 commands and 2 outputs", commands, outputs)
	}
}
