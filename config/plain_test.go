package config

import (
	"bytes"
	"errors"
	"reflect"
	"testing"

	"github.com/negsim/negsim/sim"
)

// Editors on Windows save with CRLF line endings and often a UTF-8 byte-order mark; such a
// file must load to the same scenario, and its errors must point at the same lines.
func TestWindowsLineEndingsAndByteOrderMark(t *testing.T) {
	_, data := loadFixture(t)
	want, err := Load("full.yaml", data)
	if err != nil {
		t.Fatal(err)
	}
	crlf := bytes.ReplaceAll(data, []byte("\n"), []byte("\r\n"))
	bom := append([]byte("\xef\xbb\xbf"), data...)
	for name, variant := range map[string][]byte{"crlf": crlf, "bom": bom, "bom+crlf": append([]byte("\xef\xbb\xbf"), crlf...)} {
		got, err := Load("full.yaml", variant)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if !reflect.DeepEqual(got.Scenario, want.Scenario) {
			t.Errorf("%s: loads to a different scenario", name)
		}
	}

	// Line 36 of the fixture is north's "    reservation: 0.3"; break it and look for the
	// error at its key, column 5. (The event and the variant that build on it fail too.)
	broken := bytes.Replace(data, []byte("reservation: 0.3\n"), []byte("reservation: 1.3\n"), 1)
	for name, variant := range map[string][]byte{"lf": broken, "bom+crlf": append([]byte("\xef\xbb\xbf"), bytes.ReplaceAll(broken, []byte("\n"), []byte("\r\n"))...)} {
		_, err := Load("full.yaml", variant)
		var list sim.Diagnostics
		if !errors.As(err, &list) || len(list) == 0 {
			t.Fatalf("%s: got %v; want errors", name, err)
		}
		if e := list[0]; e.Line != 36 || e.Col != 5 || e.Path != "actors.north.reservation" {
			t.Errorf("%s: error at %d:%d, path %s; want 36:5, actors.north.reservation", name, e.Line, e.Col, e.Path)
		}
	}
}

func TestPlain(t *testing.T) {
	got, err := Plain("x.yaml", []byte("a: [1, two]\nb: {c: .nan}\nd: &x 3\ne: *x\n"))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]any{"a": []any{1.0, "two"}, "b": map[string]any{"c": ".nan"}, "d": 3.0, "e": 3.0}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %#v; want %#v", got, want)
	}
	if _, err := Plain("x.yaml", []byte("a: 1\n---\nb: 2\n")); err == nil {
		t.Error("two documents: want an error")
	}
}
