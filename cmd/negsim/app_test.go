package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/negsim/negsim/config"
	"github.com/negsim/negsim/sim"
)

// TestExitCodesFollowErrorKinds checks that the exit code and the message come from what an
// error is (usage, bad input, cancelled, anything else), however it is wrapped, and never
// from its text: an error whose text merely starts like a usage error is still a failure.
func TestExitCodesFollowErrorKinds(t *testing.T) {
	cases := []struct {
		name   string
		err    error
		code   int
		stderr string
	}{
		{"usage", config.Usagef("--deal: no issue %q", "x"), exitBadUse, "negsim: --deal: no issue \"x\"\n"},
		{"usage wrapped", fmt.Errorf("brief: %w", config.Usagef("bad")), exitBadUse, "negsim: brief: bad\n"},
		{"diagnostics", sim.Diagnostics{{File: "f.yaml", Line: 3, Col: 5, Path: "actors.x.power", Message: "0 is not a valid power"}, {File: "f.yaml", Message: "second"}},
			exitBadUse, "f.yaml:3:5: actors.x.power: 0 is not a valid power\nf.yaml: second\n"},
		{"path", &sim.PathError{Path: "actors.y", Msg: "no y"}, exitBadUse, "negsim: actors.y: no y\n"},
		{"space too large", &sim.SpaceTooLargeError{Deals: 10, Limit: 9}, exitBadUse, "negsim: the outcome space has 10 deals, beyond the limit of 9; raise --max-deals or merge options\n"},
		{"no uncertainty", sim.ErrNoUncertainty, exitBadUse, "negsim: " + sim.ErrNoUncertainty.Error() + "\n"},
		{"already reported", errReported, exitBadUse, ""},
		{"interrupted", fmt.Errorf("counting: %w", context.Canceled), exitFailure, "negsim: interrupted; nothing was written\n"},
		{"timeout", context.DeadlineExceeded, exitFailure, "negsim: stopped after the --timeout of 0s; nothing was written\n"},
		{"looks like usage but is not", errors.New("unknown command: disk full"), exitFailure, "negsim: unknown command: disk full\n"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var stderr bytes.Buffer
			a := &app{stderr: &stderr, settings: &config.Settings{}}
			if code := a.report(c.err); code != c.code || stderr.String() != c.stderr {
				t.Errorf("exit %d, stderr %q; want %d, %q", code, stderr.String(), c.code, c.stderr)
			}
		})
	}
}

// TestUnknownCommandIsUsage: cobra refuses an unknown command before any command runs; that
// is a usage error (exit 2) with cobra's own suggestion.
func TestUnknownCommandIsUsage(t *testing.T) {
	_, stderr, code := runNegsim(t, "analyse")
	if code != exitBadUse || stderr != "negsim: unknown command \"analyse\" for \"negsim\"\n\nDid you mean this?\n\tanalyze\n\n" {
		t.Errorf("exit %d, stderr %q; want exit 2 and cobra's suggestion", code, stderr)
	}
}

// A teacher's file named "group #2.yaml" takes a variant as any file does: FILE#VARIANT is
// split at its last '#', since no variant id holds one. Split at the first, it named a file
// "group " that is not there. The demanding variant sets X's reservation to 0.8.
func TestFileWithHashTakesAVariant(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "two-by-two.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	file := writeTemp(t, "group #2.yaml", string(data))
	byHash := runOK(t, "analyze", file+"#demanding", "--format", "json")
	byFlag := runOK(t, "analyze", file, "--variant", "demanding", "--format", "json")
	if byHash != byFlag {
		t.Errorf("analyze FILE#demanding differs from analyze FILE --variant demanding:\n%s\n%s", byHash, byFlag)
	}
	wantContains(t, "analyze FILE#demanding", byHash, `"variant": "demanding"`, `"reservation": 0.8`)
}

// A file saved on a Mac is named as macOS writes it: "Café.json" as "Cafe" and a combining
// accent. Typed on a keyboard, "é" is one character, and the file was not found ("no
// file "Café.json"; did you mean "Café.json"?"). It opens by either spelling, and stays
// the input that -o may not overwrite (the loader reads YAML whatever the name).
func TestFileNamedInAnotherUnicodeSpelling(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "two-by-two.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	mac := writeTemp(t, "Cafe\u0301.json", string(data))
	typed := filepath.Join(filepath.Dir(mac), "Caf\u00e9.json")
	if got, want := runOK(t, "analyze", typed, "--format", "json"), runOK(t, "analyze", mac, "--format", "json"); got != want {
		t.Errorf("analyze %s differs from analyze %s:\n%s\n%s", typed, mac, got, want)
	}
	wantRefused(t, "this command reads it as input", "report", typed, "-o", mac)
}

// Help and the version saved with > on a full disk fail as any command's answer does, exit
// 1 with the write's error, instead of exiting 0 with the file cut short.
func TestHelpToAFullDiskFails(t *testing.T) {
	t.Setenv("HOME", t.TempDir())
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	for _, args := range [][]string{{"--help"}, {"analyze", "--help"}, {"help", "sweep"}, {"--version"}} {
		var stderr bytes.Buffer
		code := run(context.Background(), args, strings.NewReader(""), fullDisk{}, &stderr)
		if want := "negsim: no space left on device\n"; code != exitFailure || stderr.String() != want {
			t.Errorf("negsim %s > a full disk: exit %d, %q; want exit %d, %q", strings.Join(args, " "), code, stderr.String(), exitFailure, want)
		}
	}
}

// fullDisk is standard output on a disk with no room left.
type fullDisk struct{}

func (fullDisk) Write([]byte) (int, error) { return 0, errors.New("no space left on device") }

// A --format typed for a command that does not write it is refused, naming what the command
// writes: validate --format html printed text and exited 0, as if the flag had been taken.
// A format from the environment is for the commands that report and is not refused.
func TestATypedFormatACommandDoesNotWriteIsRefused(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"validate", "teaching-two-party", "--format", "html"}, "negsim: --format html: validate writes table, markdown, csv or json\n"},
		{[]string{"schema", "--format", "html"}, "negsim: --format html: schema writes table, json, markdown or csv\n"},
		{[]string{"version", "--format", "json"}, "negsim: --format json: version prints one line of text\n"},
		{[]string{"new", "-", "--issues", "a,b", "--actors", "x,y", "--format", "json"}, "negsim: --format json: new writes a scenario in YAML, which every command reads\n"},
		{[]string{"play", "teaching-two-party", "--as", "candidate", "--format", "markdown"}, "negsim: --format markdown: play is a conversation in text; --transcript FILE.json writes the session as JSON\n"},
	} {
		stdout, stderr, code := runNegsim(t, c.args...)
		if code != exitBadUse || stderr != c.want || stdout != "" {
			t.Errorf("negsim %s: exit %d, stdout %q, stderr %q; want exit %d and %q", strings.Join(c.args, " "), code, stdout, stderr, exitBadUse, c.want)
		}
	}
	t.Setenv("NEGSIM_FORMAT", "html")
	if out := runOK(t, "validate", "teaching-two-party"); !strings.HasPrefix(out, "teaching-two-party: valid\n") {
		t.Errorf("validate with NEGSIM_FORMAT=html: %q, want its text report", out)
	}
}
