package main

import (
	"context"
	"encoding/csv"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/negsim/negsim/sim"
)

// A teacher's spreadsheet tells a stopped session from one that quit: both count as no
// agreement, a joint gain of 0, and the text and JSON of score and debrief say which was
// stopped, but the CSV said nothing. Under geneva-19-point Ukraine answers the United
// States' text in round 0: ana rejects it and her session is stopped in round 1, as Ctrl-C
// stops it; bea quits in round 0. Tables read from transcripts end in a session_ended
// column, after every column a deals file's tables have, which keep their places and get
// none; the deals file itself is read as before.
func TestCSVMarksAStoppedSession(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "class")
	ctx := context.Background()
	s, _, w := genevaSession(t, ctx, 0)
	if _, err := s.g.Move(ctx, sim.Move{Move: sim.MoveReject}); err != nil {
		t.Fatal(err)
	}
	if err := s.g.Stop(sim.StopInterrupt); err != nil {
		t.Fatal(err)
	}
	ana := filepath.Join(dir, "ana.json")
	if _, err := s.writeTranscript(ctx, "", w, ana, s.g.Transcript()); err != nil {
		t.Fatal(err)
	}
	if _, errs, code := runNegsimInput(t, "quit\n", "play", "--variant", "geneva-19-point", "--as", "ukraine", "--transcript", filepath.Join(dir, "bea.json")); code != exitOK {
		t.Fatalf("play: exit %d: %s", code, errs)
	}

	readCSV := func(args ...string) [][]string {
		t.Helper()
		out := runOK(t, append(args, "--format", "csv")...)
		rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		return rows
	}
	// ended is each table's session_ended cell, by the table's name in the given column.
	ended := func(rows [][]string, tableColumn int) map[string]string {
		t.Helper()
		header := rows[0]
		if header[len(header)-1] != "session_ended" {
			t.Fatalf("the last column is %q, want session_ended: %v", header[len(header)-1], header)
		}
		out := map[string]string{}
		for _, row := range rows[1:] {
			out[row[tableColumn]] = row[len(row)-1]
		}
		return out
	}
	debrief := readCSV("debrief", "--transcripts", dir)
	if got := ended(debrief, 1); got["ana"] != "stopped" || got["bea"] != "quit" || len(got) != 2 {
		t.Errorf("debrief's CSV: session_ended %v, want ana stopped, bea quit", got)
	}
	if got := ended(readCSV("score", "--transcript", ana), 0); got["ana"] != "stopped" || len(got) != 1 {
		t.Errorf("score's CSV: session_ended %v, want ana stopped", got)
	}

	// The same two tables as a deals file: every issue cell empty is no agreement.
	var ids []string
	for _, is := range s.sc.Issues {
		ids = append(ids, is.ID)
	}
	empty := strings.Repeat(",", len(ids))
	deals := filepath.Join(t.TempDir(), "class.csv")
	if err := os.WriteFile(deals, []byte("table,"+strings.Join(ids, ",")+"\nana"+empty+"\nbea"+empty+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	fromDeals := readCSV("debrief", "--variant", "geneva-19-point", "--deals", deals)
	if want := debrief[0][:len(debrief[0])-1]; !slices.Equal(fromDeals[0], want) {
		t.Errorf("a deals file's CSV header:\n%v\nwant the transcripts' without session_ended:\n%v", fromDeals[0], want)
	}
	for i, row := range fromDeals[1:] {
		if want := debrief[i+1][:len(debrief[i+1])-1]; !slices.Equal(row, want) {
			t.Errorf("the deals file's row %d:\n%v\nwant the transcripts' without session_ended:\n%v", i+1, row, want)
		}
	}
}
