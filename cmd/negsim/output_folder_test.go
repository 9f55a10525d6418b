package main

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/negsim/negsim/config"
)

// A missing folder named in an output path is created, for one file as for a set: `brief
// --all -o handouts/week1` and `export` made their folder, but `report -o
// handouts/week1/report.html` was refused with "the directory handouts/week1 does not
// exist", and so was a transcript of play.
func TestOutputIntoAMissingFolderCreatesIt(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	runOK(t, "report", "teaching-two-party", "-o", filepath.Join("handouts", "week1", "report.html"))
	runOK(t, "rounds", "teaching-two-party", "--chart", filepath.Join("charts", "rounds.svg"))
	runOK(t, "brief", "teaching-two-party", "--all", "-o", filepath.Join("handouts", "week1", "briefs"))
	for _, f := range []string{"handouts/week1/report.html", "charts/rounds.svg", "handouts/week1/briefs/public.md"} {
		if info, err := os.Stat(f); err != nil || info.Size() == 0 {
			t.Errorf("%s was not written: %v", f, err)
		}
	}
	if _, errs, code := runNegsimInput(t, "quit\n", "play", "teaching-two-party", "--as", "candidate", "--transcript", filepath.Join("class", "red.json")); code != exitOK {
		t.Fatalf("a transcript into a missing folder: exit %d, %s", code, errs)
	}
	if _, err := os.Stat(filepath.Join("class", "red.json")); err != nil {
		t.Errorf("the transcript was not written: %v", err)
	}
	// A file that fails as it is written leaves no folder made for it behind.
	a := &app{ctx: context.Background(), settings: &config.Settings{}}
	failed := errors.New("the chart could not be drawn")
	if err := a.writeFile(filepath.Join("gone", "deeper", "chart.svg"), false, func(io.Writer) error { return failed }); !errors.Is(err, failed) {
		t.Errorf("writeFile gave %v, want the render's error", err)
	}
	if _, err := os.Stat("gone"); err == nil {
		t.Error("a failed write left the folders made for it")
	}
}
