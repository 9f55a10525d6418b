package main

import (
	"strings"
	"testing"

	"github.com/negsim/negsim/scenarios"
)

// Completion offers what a class types: shipped names, FILE#VARIANT, --variant, --actor,
// --set paths and --format values, and leaves other FILE words to the shell's file
// completion (directive 0, the default, rather than 4, no files).
func TestCompletionOffersScenarioValues(t *testing.T) {
	tests := []struct {
		args      []string
		want      []string
		directive string
	}{
		{[]string{"analyze", "teaching-t"}, []string{"teaching-telephone-game", "teaching-tied-hands", "teaching-two-party"}, ":0"},
		{[]string{"analyze", "teaching-red-line#"}, []string{"teaching-red-line#left-accepts-merger\t"}, ":4"},
		{[]string{"analyze", "--variant", "sanctions"}, []string{"sanctions-bite\t"}, ":4"},
		{[]string{"analyze", "teaching-red-line", "--variant", ""}, []string{"left-accepts-merger\t"}, ":4"},
		{[]string{"brief", "--actor", "r"}, []string{"russia\tRussia", "rada\tUkraine's parliament", "russian-hardliners\tRussia's hardliners"}, ":4"},
		{[]string{"explain", "teaching-two-party", "--actor", ""}, []string{"candidate\t", "employer\t"}, ":4"},
		{[]string{"analyze", "--format", "m"}, []string{"markdown"}, ":4"},
		{[]string{"sweep", "--set", "actors.russia.reser"}, []string{"actors.russia.reservation=", "actors.russia.reservation_drift="}, ":6"},
		{[]string{"compare", "ukraine-2026", "teaching-tw"}, []string{"teaching-two-party"}, ":0"},
	}
	for _, tt := range tests {
		out := runOK(t, append([]string{"__complete"}, tt.args...)...)
		lines := strings.Split(strings.TrimSpace(out), "\n")
		got, directive := lines[:len(lines)-1], lines[len(lines)-1]
		if directive != tt.directive || len(got) != len(tt.want) {
			t.Errorf("%v: %q, directive %s; want %q, %s", tt.args, got, directive, tt.want, tt.directive)
			continue
		}
		for i, w := range tt.want {
			if !strings.HasPrefix(got[i], w) {
				t.Errorf("%v: completion %d is %q; want it to start %q", tt.args, i, got[i], w)
			}
		}
	}
}

// A misspelt shell is a command line to fix: exit 2, naming the shells, not the help and
// success.
func TestCompletionRefusesAnUnknownShell(t *testing.T) {
	_, errOut, code := runNegsim(t, "completion", "bsh")
	if code != exitBadUse || !strings.Contains(errOut, `did you mean "bash"`) || !strings.Contains(errOut, "zsh") {
		t.Errorf("completion bsh: exit %d, stderr %q; want exit %d naming bash and the other shells", code, errOut, exitBadUse)
	}
	out, errOut, code := runNegsim(t, "completion", "bash")
	if code != exitOK || !strings.Contains(out, "bash completion") {
		t.Errorf("completion bash: exit %d, stderr %q; want the script", code, errOut)
	}
}

// A file whose name holds a # (week#1.yaml) completes as a file while its name is
// half-typed: "week#" was read as FILE#VARIANT of a file "week", which does not exist, so
// nothing was offered and the shell's own file completion was turned off. Once the name is
// whole, a # after it completes its variants (teaching-red-line has one).
func TestCompletionOffersAFileNameHoldingAHash(t *testing.T) {
	data, ok := scenarios.Read("teaching-red-line")
	if !ok {
		t.Fatal("no teaching-red-line")
	}
	dir := writeFiles(t, map[string]string{"week#1.yaml": string(data), "week#2.yaml": string(data), "notes.txt": "x"})
	t.Chdir(dir)
	for _, c := range []struct {
		word string
		want []string
	}{
		{"week#", []string{"week#1.yaml", "week#2.yaml"}},
		{"week#2", []string{"week#2.yaml"}},
		{"week#1.yaml#", []string{"week#1.yaml#left-accepts-merger\t"}},
	} {
		out := runOK(t, "__complete", "analyze", c.word)
		lines := strings.Split(strings.TrimSpace(out), "\n")
		got := lines[:len(lines)-1]
		if len(got) != len(c.want) {
			t.Errorf("%q: %q; want %q", c.word, got, c.want)
			continue
		}
		for i, w := range c.want {
			if !strings.HasPrefix(got[i], w) {
				t.Errorf("%q: completion %d is %q; want it to start %q", c.word, i, got[i], w)
			}
		}
	}
}
