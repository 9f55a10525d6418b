package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/negsim/negsim/config"
	"github.com/negsim/negsim/sim"
)

// The words that explain the model's named kinds are written by hand in several places:
// the help of rounds and analyze, the starter file new writes, the README. A strategy or a
// solution added to the engine's tables reaches every output by itself, but not these
// words; these tests name the one left behind.

// word matches name as a whole word of an id: "linear" is not found in "nonlinear".
func word(name string) *regexp.Regexp {
	return regexp.MustCompile(`(^|[^a-z_-])` + regexp.QuoteMeta(name) + `($|[^a-z_-])`)
}

func TestEveryStrategyKindIsExplained(t *testing.T) {
	help := runOK(t, "rounds", "--help")
	starter := runOK(t, "new", "-", "--issues", "a", "--actors", "x")
	readme, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range sim.StrategyKinds {
		name := string(k)
		// rounds --help lists the strategies one a line, each name first.
		if !regexp.MustCompile(`(?m)^  ` + regexp.QuoteMeta(name) + ` `).MatchString(help) {
			t.Errorf("negsim rounds --help (cmd/negsim/rounds.go) does not list strategy %q", name)
		}
		if !word(name).MatchString(commentLines(starter)) {
			t.Errorf("the starter file of negsim new (cmd/negsim/new.go) does not say what strategy %q does", name)
		}
		if !strings.Contains(string(readme), "| `"+name+"` |") {
			t.Errorf("README's table of strategies (Bargaining rounds) has no row for %q", name)
		}
	}
}

func TestEverySolutionIsExplained(t *testing.T) {
	help := strings.ToLower(strings.Join(strings.Fields(runOK(t, "analyze", "--help")), " "))
	readme, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, reading, _ := strings.Cut(string(readme), "## Reading the output")
	reading, _, _ = strings.Cut(reading, "\n## ")
	for _, ns := range (&sim.Solutions{}).Named() {
		if !strings.Contains(help, strings.ToLower(ns.Title)) {
			t.Errorf("negsim analyze --help (cmd/negsim/analyze.go) does not name the %s solution", ns.Title)
		}
		if !strings.Contains(reading, "*"+ns.Title+"*") {
			t.Errorf("README's Reading the output does not say what the %s solution is (*%s*: ...)", ns.Title, ns.Title)
		}
	}
}

// commentLines is the comments of a YAML file, where the starter file explains its fields.
func commentLines(yaml string) string {
	var b strings.Builder
	for line := range strings.Lines(yaml) {
		if _, comment, ok := strings.Cut(line, "#"); ok {
			b.WriteString(comment)
		}
	}
	return b.String()
}

// Every command takes every --format: it writes its answer in it, or refuses the format as
// a usage error before any work. A format added to config.Formats and view.render reaches
// the commands whose views go through render, but a command that refuses a format by name
// ("csv") would otherwise fail with an internal error (exit 1) on the new one.
func TestEveryCommandTakesOrRefusesEveryFormat(t *testing.T) {
	commands := [][]string{
		{"analyze", "teaching-two-party"},
		{"explain", "teaching-two-party"},
		{"rounds", "teaching-two-party"},
		{"brief", "teaching-two-party"},
		{"report", "teaching-two-party"},
		{"params", "teaching-two-party"},
		{"compare", "teaching-two-party", "teaching-two-party"},
		{"sweep", "teaching-two-party", "--param", "actors.candidate.reservation", "--values", "0.4,0.6"},
		{"montecarlo", "teaching-two-party", "--vary", "actors.candidate.reservation=uniform(0.3,0.6)", "--draws", "10"},
		{"score", "teaching-two-party", "--deal", "salary=mid,remote=hybrid,start=now"},
		{"validate", "teaching-two-party"},
		{"list"},
		{"schema"},
		{"version"},
	}
	for _, format := range config.Formats {
		for _, args := range commands {
			full := append(append([]string{}, args...), "--format", format)
			_, stderr, code := runNegsim(t, full...)
			if code != exitOK && code != exitBadUse {
				t.Errorf("negsim %s: exit %d, neither an answer nor a usage error: %s", strings.Join(full, " "), code, stderr)
			}
		}
	}
}
