package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// A table that quits and one whose rounds ran out both count as no agreement, a joint gain
// of 0, but a teacher asks them different questions: the CSV's session_ended and the JSON
// tell them apart, and so does debrief's table, in the CSV's words. Under geneva-19-point
// Ukraine answers the United States' text each round: quin quits in round 0; dana rejects
// all eight texts, rounds 0 to 7, and the talks end at the deadline. A deals file says
// nothing of how a table ended, so its empty row stays plain "no agreement".
func TestDebriefTableSaysHowASessionEnded(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "class")
	for _, s := range []struct{ name, moves string }{
		{"quin", "quit\n"},
		{"dana", strings.Repeat("reject\n", 8)},
	} {
		if _, errs, code := runNegsimInput(t, s.moves, "play", "--variant", "geneva-19-point", "--as", "ukraine", "--transcript", filepath.Join(dir, s.name+".json")); code != exitOK {
			t.Fatalf("play %s: exit %d: %s", s.name, code, errs)
		}
	}
	for _, format := range []string{"table", "markdown"} {
		out := runOK(t, "debrief", "--variant", "geneva-19-point", "--transcripts", dir, "--format", format)
		for table, want := range map[string]string{"quin": "no agreement: quit", "dana": "no agreement: deadline"} {
			if row := lastLineWith(out, " "+table+" "); !strings.Contains(row, want) {
				t.Errorf("debrief --format %s: %s's row %q lacks %q:\n%s", format, table, row, want, out)
			}
		}
		wantContains(t, "debrief --format "+format, strings.Join(strings.Fields(out), " "),
			"A table with no deal says how its session ended: quit (a player left the talks), deadline (the last round passed without a deal) or stopped (Ctrl-C or --timeout ended the session).")
	}

	deals := writeTemp(t, "class.csv", classCSV)
	out := runOK(t, "debrief", "testdata/two-by-two.yaml", "--deals", deals)
	if row := lastLineWith(out, " west "); !strings.HasSuffix(strings.TrimRight(row, "│ "), "no agreement") || strings.Contains(out, "how its session ended") {
		t.Errorf("a deals file's table with no agreement: row %q; want plain no agreement, and no word of sessions:\n%s", row, out)
	}
}
