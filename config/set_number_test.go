package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// --set takes a number exactly as a scenario file does: 0x10 and 1_000 were read in a
// file and refused after --set. Each text is tried both ways on the candidate's salary
// weight of the two-party scenario (50 in the file), and must give the value worked out
// by hand, or be refused both ways.
func TestSetReadsANumberAsTheFileDoes(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "scenarios", "teaching-two-party.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	const (
		line = "        weight: 50\n        ideal: high\n"
		path = "actors.candidate.preferences.salary.weight"
	)
	if !strings.Contains(string(data), line) {
		t.Fatalf("the two-party scenario no longer has %q", line)
	}
	inFile := func(text string) (any, error) {
		doc, err := Load("job.yaml", []byte(strings.Replace(string(data), line, "        weight: "+text+"\n        ideal: high\n", 1)))
		if err != nil {
			return nil, err
		}
		return doc.Scenario.Get(path)
	}
	bySet := func(text string) (any, error) {
		doc, err := Load("job.yaml", data)
		if err != nil {
			t.Fatal(err)
		}
		if err := doc.Apply("", []Override{{Path: path, Value: text}}); err != nil {
			return nil, err
		}
		return doc.Scenario.Get(path)
	}
	for _, c := range []struct {
		text string
		want float64
	}{
		{"0x10", 16},        // 1×16 + 0
		{"+0x10", 16},       // the same, signed
		{"1_000", 1000},     // underscores group the digits
		{"1_000.5", 1000.5}, // in a fraction too
		{"0o17", 15},        // 1×8 + 7
		{"0b101", 5},        // 4 + 0 + 1
		{"0x1p4", 16},       // 1 × 2⁴
		{"1e3", 1000},
		{".5", 0.5},
		{"42", 42},
	} {
		for way, read := range map[string]func(string) (any, error){"in the file": inFile, "after --set": bySet} {
			got, err := read(c.text)
			if err != nil || got != c.want {
				t.Errorf("weight %s %s: %v, %v; want %g", c.text, way, got, err, c.want)
			}
		}
	}
	// Texts the file reads in ways of its own (017 as octal 15, +-1 as 1; see the findings
	// of this change) are read the same after --set, whatever that way is: one rule.
	for _, text := range []string{"017", "08", "1__0", "1_", "+-1", "0x_10"} {
		fromFile, errFile := inFile(text)
		fromSet, errSet := bySet(text)
		if fromFile != fromSet || (errFile == nil) != (errSet == nil) {
			t.Errorf("weight %s: in the file %v (%v), after --set %v (%v); want the same", text, fromFile, errFile, fromSet, errSet)
		}
	}
	for _, text := range []string{"0X10", "0x", "0x10.5", "_1", "1,5", "60%", "1e400", "ten", `"5"`} {
		for way, read := range map[string]func(string) (any, error){"in the file": inFile, "after --set": bySet} {
			if got, err := read(text); err == nil {
				t.Errorf("weight %s %s: read as %v; want it refused, as the other way refuses it", text, way, got)
			}
		}
	}
}
