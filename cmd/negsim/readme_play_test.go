package main

import (
	"os"
	"strings"
	"testing"
)

// TestReadmePlayARole plays the README's "Play a role" session as the README shows it: the
// lines typed after "> " are the input, and every other line shown (other than "...") must
// be printed, in the order shown. The commands of its sh blocks must start a session that
// the input "quit" ends cleanly, and the replay from a file must give the same session.
func TestReadmePlayARole(t *testing.T) {
	section := readmeSection(t, "Play a role")
	block := readmeBlock(t, section, "```\n$ negsim play ", `session ("$ negsim play ..." in a code block)`)
	lines := strings.Split(block, "\n")
	args := append([]string{"play"}, strings.Fields(lines[0])...)
	var moves, shown []string
	for _, l := range lines[1:] {
		switch {
		case strings.HasPrefix(l, "> "):
			moves = append(moves, strings.TrimPrefix(l, "> "))
			shown = append(shown, l)
		case l != "..." && strings.TrimSpace(l) != "":
			shown = append(shown, l)
		}
	}
	input := strings.Join(moves, "\n") + "\n"
	t.Chdir(t.TempDir())
	out, errs, code := runNegsimInput(t, input, args...)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	printed := strings.Split(out, "\n")
	at := 0
	for _, want := range shown {
		for at < len(printed) && strings.TrimRight(printed[at], " ") != strings.TrimRight(want, " ") {
			at++
		}
		if at == len(printed) {
			t.Fatalf("the README shows a line the session does not print (or not in this order):\n%s", want)
		}
		at++
	}
	if _, err := os.Stat("ukraine.json"); err != nil {
		t.Errorf("the session promises ukraine.json: %v", err)
	}

	if err := os.WriteFile("moves.txt", []byte(input), 0o644); err != nil {
		t.Fatal(err)
	}
	var commands int
	for _, b := range strings.Split(section, "```sh\n")[1:] {
		b, _, _ = strings.Cut(b, "```")
		for _, line := range strings.Split(strings.TrimSpace(b), "\n") {
			line, _, _ = strings.Cut(line, "#")
			fields := strings.Fields(line)
			if len(fields) < 2 || fields[0] != "negsim" || fields[1] != "play" {
				t.Fatalf("README command %q is not a negsim play", line)
			}
			commands++
			stdin := "quit\n"
			if n := len(fields); n >= 2 && fields[n-2] == "<" {
				stdin, fields = input, fields[:n-2]
			}
			got, errs, code := runNegsimInput(t, stdin, fields[1:]...)
			if code != exitOK {
				t.Errorf("%s: exit %d: %s", line, code, errs)
			}
			if stdin == input && !strings.Contains(got, "Agreement in round 7:") {
				t.Errorf("%s: the replay does not reach the session's agreement:\n%s", line, got)
			}
		}
	}
	if commands < 4 {
		t.Errorf("ran %d commands from the section's sh blocks, want the three ways to sit down and the replay", commands)
	}
}
