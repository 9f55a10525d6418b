package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestReadmeClassroomWalkthrough plays the README's "In the classroom" section in a fresh
// folder: the deals file it shows, then every "$ negsim ..." example in order, each of
// whose shown lines the command must print, and the files the walkthrough promises.
func TestReadmeClassroomWalkthrough(t *testing.T) {
	section := readmeSection(t, "In the classroom")
	copyReadmeBlock(t, section, "```csv\n", "deals file in a ```csv block", "class.csv")
	examples := readmeExamples(section)
	if len(examples) < 3 {
		t.Fatalf("found %d examples, want brief, score and debrief", len(examples))
	}
	for _, e := range examples {
		t.Run(strings.Join(e.args, " "), func(t *testing.T) { e.check(t) })
	}
	for _, name := range []string{"public.html", "role-ukraine.html", "role-russia.html", "role-united-states.html", "role-europe.html"} {
		if _, err := os.Stat(filepath.Join("briefs", name)); err != nil {
			t.Errorf("the walkthrough promises briefs/%s: %v", name, err)
		}
	}
}
