package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A teacher who runs brief on negsim new's starter before filling it in would hand out
// sheets headed "Placeholder: the scenario's title". brief, explain, analyze, report and
// debrief (projected to the class) say so on stderr, in validate's words, as validate finds
// them; debrief said nothing.
func TestBriefWarnsOfStarterPlaceholders(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "starter.yaml")
	runOK(t, "new", file, "--issues", "land,money", "--actors", "north,south")
	// The starter's options are option-1 to option-3 on each issue.
	deals := filepath.Join(dir, "class.csv")
	if err := os.WriteFile(deals, []byte("table,land,money\nt1,option-1,option-2\n"), 0o644); err != nil {
		t.Fatal(err)
	}

	// The starter of 2 issues of 3 options and 2 actors holds 18 placeholders: the name, the
	// description, the source's title, 2 issue notes, 2 × 3 option labels, 2 actor notes,
	// 2 × 2 preference notes and the variant's note. Three are shown, as warn shows three.
	wants := []string{
		"warning: " + file + ":6:1: name: still the starter's placeholder: the scenario's title\n",
		"warning: " + file + ":7:1: description: still the starter's placeholder: what the negotiation is about",
		"warning: " + file + ":20:5: sources.src-1.title: still the starter's placeholder: the title of a report, article or transcript\n",
		"warning: 15 more placeholders; negsim validate " + file + " lists them all\n",
	}
	for _, args := range [][]string{
		{"brief", file},
		{"brief", file, "--actor", "north"},
		{"brief", file, "--all", "-o", filepath.Join(dir, "sheets")},
		{"explain", file},
		{"analyze", file},
		{"report", file, "-o", filepath.Join(dir, "report.html")},
		{"debrief", file, "--deals", deals},
	} {
		_, stderr, code := runNegsim(t, args...)
		what := "negsim " + strings.Join(args, " ")
		if code != exitOK {
			t.Errorf("%s: exit %d: %s", what, code, stderr)
			continue
		}
		wantContains(t, what+" (stderr)", stderr, wants...)
		if n := strings.Count(stderr, "still the starter's placeholder"); n != 3 {
			t.Errorf("%s: %d placeholders named on stderr; want 3:\n%s", what, n, stderr)
		}
	}

	// One placeholder left: it alone is named, with no count of more.
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	name := `name: "Placeholder: the scenario's title"`
	text := strings.Replace(string(data), name, "NAME", 1)
	text = strings.ReplaceAll(text, "Placeholder:", "Filled in:")
	text = strings.Replace(text, "NAME", name, 1)
	one := filepath.Join(dir, "one.yaml")
	if err := os.WriteFile(one, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	_, stderr, _ := runNegsim(t, "brief", one)
	if want := "warning: " + one + ":6:1: name: still the starter's placeholder: the scenario's title\n"; stderr != want {
		t.Errorf("brief of a file with one placeholder left: stderr %q; want %q", stderr, want)
	}

	// A finished file, as every shipped one is, brings no such warning.
	for _, cmd := range []string{"brief", "explain", "analyze"} {
		if _, stderr, _ := runNegsim(t, cmd, "teaching-two-party"); strings.Contains(stderr, "placeholder") {
			t.Errorf("negsim %s teaching-two-party warns of a placeholder:\n%s", cmd, stderr)
		}
	}
}
