package main

import (
	"strings"
	"testing"

	"github.com/mattn/go-runewidth"
)

// TestPlayFitsWidth: a session fits the terminal's width (here --width 60, which a pipe
// takes as a terminal's), as every other command's output does. Before, play wrote its
// lines and tables whole: on an 80-column terminal the terminal broke them mid-word
// ("you propos" / "e on your turn") and `show` printed its 85-column points table, whose
// rows the terminal broke across two lines each; with --width 60 the first line was 66
// columns, help's line for show 106 and the table 85.
func TestPlayFitsWidth(t *testing.T) {
	out, errOut, code := runNegsimInput(t, "help\nshow\nquit\n", "play", "teaching-two-party", "--as", "candidate", "--width", "60")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	for i, line := range lines {
		if w := runewidth.StringWidth(line); w > 60 {
			t.Errorf("line %d is %d columns, wider than --width 60: %q", i+1, w, line)
		}
	}
	// By hand: `You play Candidate in "Job offer (teaching example, two parties)".` is
	// 22 + 44 = 66 columns. Its words up to "two" end at column 55; "parties)". would end
	// at 67, so it opens the second line.
	if want := "You play Candidate in \"Job offer (teaching example, two\nparties)\".\n"; !strings.HasPrefix(out, want) {
		t.Errorf("the first line is not broken at a space:\n%s", lines[0]+"\n"+lines[1])
	}
	// help's line for show: the command's column ends at 2 + 24 = 26, which leaves 34
	// columns for its words: "your brief: your points for every" is 33, "option," would
	// make 41; "option, your red lines, your" is 28, "walk-away" would make 38.
	want := strings.Join([]string{
		"  show                    your brief: your points for every",
		"                          option, your red lines, your",
		"                          walk-away value",
	}, "\n")
	if !strings.Contains(out, want) {
		t.Errorf("help's line for show is not broken under its column; want\n%s\nin\n%s", want, out)
	}
	// The brief's table is fitted as brief --width 60 fits it, not cut: every option
	// with its points is still there.
	for _, s := range []string{"high (High band)", "three-months (In three months)", "50.0"} {
		if !strings.Contains(out, s) {
			t.Errorf("show lost %q", s)
		}
	}
}

// On a phone's terminal, 40 columns, help's first column (24 wide) leaves too little room
// beside it, and a command's words ran on after it: "accept accept the proposal on the"
// read as a stutter, "quit leave the table". Now such a command keeps a line of its own
// and its words go under it, two columns in; "reject                  reject it", 37
// columns, still fits as it stands.
func TestPlayHelpStacksWhenNarrow(t *testing.T) {
	out, errOut, code := runNegsimInput(t, "help\nquit\n", "play", "teaching-two-party", "--as", "candidate", "--width", "40")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{
		"\n  accept\n    accept the proposal on the table\n  reject                  reject it\n",
		// "your brief: your points for every" is 33 columns, 4 in: 37; "option," would make 45.
		"\n  show\n    your brief: your points for every\n    option, your red lines, your\n    walk-away value\n",
		"\n  quit\n    leave the table: the talks end\n    without agreement\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("help lacks\n%s\nin\n%s", want, out)
		}
	}
	for i, line := range strings.Split(out, "\n") {
		if w := runewidth.StringWidth(line); w > 40 {
			t.Errorf("line %d is %d columns, wider than --width 40: %q", i+1, w, line)
		}
	}
}
