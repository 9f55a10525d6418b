package config

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/negsim/negsim/scenarios"
	"github.com/negsim/negsim/sim"
)

// keyLines is a block mapping of n keys k0: 1, k1: 1, ..., each line indented by indent.
func keyLines(n int, indent string) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "%sk%d: 1\n", indent, i)
	}
	return b.String()
}

func prescanText(text string) error {
	return prescan(context.Background(), "x.yaml", []byte(text))
}

// wantRefused checks that err is one located error saying want.
func wantRefused(t *testing.T, err error, line int, want string) {
	t.Helper()
	var list sim.Diagnostics
	if !errors.As(err, &list) || len(list) != 1 {
		t.Fatalf("got %v, want one error saying %q", err, want)
	}
	if list[0].Line != line || !strings.Contains(list[0].Message, want) {
		t.Errorf("got %v, want line %d saying %q", list[0], line, want)
	}
}

// TestPrescanDepth: the root mapping is level 1, so name's value may open 63 brackets
// (1 + 63 = 64 levels) and not 64; the same holds for block mappings and mixed nesting.
func TestPrescanDepth(t *testing.T) {
	for _, c := range []struct {
		name string
		at   func(levels int) string // a file nested levels deep
	}{
		{"flow lists", func(n int) string { return "name: " + strings.Repeat("[", n-1) + strings.Repeat("]", n-1) + "\n" }},
		{"flow mappings, unclosed", func(n int) string { return "name: " + strings.Repeat("{a: ", n-1) + "\n" }},
		{"JSON", func(n int) string { return strings.Repeat(`{"a": `, n) + "1" + strings.Repeat("}", n) }},
		{"block mappings", func(n int) string {
			var b strings.Builder
			for i := 0; i < n; i++ {
				fmt.Fprintf(&b, "%sk%d:\n", strings.Repeat(" ", 2*i), i)
			}
			return b.String()
		}},
		{"block lists", func(n int) string { return strings.Repeat("- ", n) + "x\n" }},
		{"block then flow", func(n int) string { return "a:\n  b:\n    - " + strings.Repeat("[", n-3) + "\n" }},
	} {
		t.Run(c.name, func(t *testing.T) {
			if err := prescanText(c.at(64)); err != nil {
				t.Errorf("64 levels refused: %v", err)
			}
			err := prescanText(c.at(65))
			var list sim.Diagnostics
			if !errors.As(err, &list) || !strings.Contains(list[0].Message, "nested more than 64 levels deep") {
				t.Errorf("65 levels: got %v", err)
			}
		})
	}
}

// TestPrescanValues: a flow list of n items counts its bracket and n-1 commas, n values.
func TestPrescanValues(t *testing.T) {
	list := func(n int) string { return "[" + strings.Repeat("1,", n-1) + "1]\n" }
	if err := prescanText(list(MaxValues)); err != nil {
		t.Errorf("%d values refused: %v", MaxValues, err)
	}
	wantRefused(t, prescanText(list(MaxValues+1)), 1, "the file holds more than 30000 values")
	// Block lists count each entry and each key: 15,000 entries of one key each is 30,000.
	block := func(entries int) string { return strings.Repeat("- a: 1\n", entries) }
	if err := prescanText(block(15_000)); err != nil {
		t.Errorf("15,000 entries of one key refused: %v", err)
	}
	// The 30,001st value is the key of entry 15,001, on line 15,001.
	wantRefused(t, prescanText(block(15_000)+"- a: 1\n"), 15_001, "more than 30000 values")
}

// TestPrescanMappingKeys: a block mapping of 1,000 keys passes and its 1,001st key, on
// line 1,001, is refused; keys of different mappings do not add up.
func TestPrescanMappingKeys(t *testing.T) {
	keys := keyLines
	if err := prescanText(keys(1000, "")); err != nil {
		t.Errorf("1,000 keys refused: %v", err)
	}
	wantRefused(t, prescanText(keys(1001, "")), 1001, "more than 1000 keys in one mapping")
	if err := prescanText("a:\n" + keys(1000, "  ") + "b:\n" + keys(1000, "  ")); err != nil {
		t.Errorf("two mappings of 1,000 keys refused: %v", err)
	}
}

// TestPrescanIgnoresText: brackets and colons inside quoted text, comments, block scalars
// and plain words nest nothing, so none of these deep-looking files is refused.
func TestPrescanIgnoresText(t *testing.T) {
	deep := strings.Repeat("[", 100)
	for _, text := range []string{
		"name: \"" + deep + "\"\n",
		"name: '" + deep + "'\n",
		"name: 'it''s " + deep + "'\n",
		"name: \"line one\n  " + deep + " line two\"\n",
		"name: x # " + deep + "\n",
		"# " + deep + "\nname: x\n",
		"description: |\n  " + deep + "\n  more: text\nname: x\n",
		"description: >-\n    " + deep + "\n\n    " + deep + "\nname: x\n",
		"name: a " + deep + "\n",
		"name: [it's, " + "\"" + deep + "\"]\n",
		"- \"k: " + deep + "\": 1\n",
	} {
		if err := prescanText(text); err != nil {
			t.Errorf("%.40q: %v", text, err)
		}
	}
}

// TestPrescanAcceptsShippedScenarios: every shipped scenario, the generated performance
// cases and every hostile file but the two nested too deep are inside the limits.
func TestPrescanAcceptsShippedScenarios(t *testing.T) {
	for _, name := range scenarios.Names() {
		data, _ := scenarios.Read(name)
		if err := prescan(context.Background(), name, data); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
	files, _ := filepath.Glob(filepath.Join("..", "cmd", "negsim", "testdata", "*", "*.yaml"))
	if len(files) < 20 {
		t.Fatalf("only %d test files found", len(files))
	}
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		err = prescan(context.Background(), file, data)
		if deep := strings.Contains(file, "deep-"); deep != (err != nil) {
			t.Errorf("%s: %v", file, err)
		}
	}
}

// TestLoadStopsWhenCancelled: a cancelled context stops loading a large file (the scan
// looks every 4,096 lines, the parse of 64 KB or more is abandoned) with its own error,
// not with a problem in the file.
func TestLoadStopsWhenCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for _, lines := range []int{5000, 100} {
		// 100 lines of 700 bytes pass the scan's first check and are parsed aside.
		data := []byte(strings.Repeat("- "+strings.Repeat("x", 700)+"\n", lines))
		if _, err := LoadContext(ctx, "x.yaml", data); !errors.Is(err, context.Canceled) {
			t.Errorf("%d lines: got %v, want context.Canceled", lines, err)
		}
	}
}

// TestErrorsCappedPerFile: 250 unknown top-level fields give the first 100 errors and a
// last line counting the other 150 plus the three missing required parts.
func TestErrorsCappedPerFile(t *testing.T) {
	var b strings.Builder
	for i := 0; i < 250; i++ {
		fmt.Fprintf(&b, "unknown%d: 1\n", i)
	}
	_, err := Load("x.yaml", []byte(b.String()))
	var list sim.Diagnostics
	if !errors.As(err, &list) {
		t.Fatalf("got %v", err)
	}
	if len(list) != MaxErrorsPerFile+1 {
		t.Fatalf("%d errors, want %d and a count of the rest", len(list), MaxErrorsPerFile+1)
	}
	// 250 unknown fields + name, issues and actors missing = 253; 253 - 100 = 153.
	if last := list[len(list)-1].Message; !strings.HasPrefix(last, "and 153 more errors not shown") {
		t.Errorf("last line %q", last)
	}
}

// TestUTF16Named: a file saved as UTF-16 without a byte-order mark (Excel's "Unicode
// Text" writes none) is named as such, not parsed as binary. The encodings are made by
// unicode/utf16 and encoding/binary, independently of the detection; UTF-8 text in
// Ukrainian and Chinese, whose bytes are all above 0x7f, is not taken for UTF-16.
func TestUTF16Named(t *testing.T) {
	const text = "# Заява: a class scenario\nname: n\n"
	for _, c := range []struct {
		data []byte
		want string
	}{
		{utf16Of(binary.LittleEndian, false, text), "UTF-16 (little-endian)"},
		{utf16Of(binary.BigEndian, false, text), "UTF-16 (big-endian)"},
		// The page reads a file with Blob.text(), which decodes UTF-8 and turns the two
		// bytes of a mark into two U+FFFD.
		{append([]byte("\uFFFD\uFFFD"), utf16Of(binary.LittleEndian, false, text)...), "UTF-16 (little-endian)"},
	} {
		_, err := Load("x.yaml", c.data)
		if err == nil || !strings.Contains(err.Error(), "x.yaml: the file is encoded as "+c.want+"; save it as UTF-8") {
			t.Errorf("got %v, want it named %s", err, c.want)
		}
	}
	for _, utf8Text := range []string{text, "名称：安理会 / 议题：停火与制裁 / 立场 / 红线 / 保留值\n", "a"} {
		if got := EncodingProblem([]byte(utf8Text)); got != "" {
			t.Errorf("UTF-8 text %q read as %q", utf8Text, got)
		}
	}
}

// utf16Of is text as Windows saves it in "Unicode": two bytes a character in order, behind
// a byte-order mark (U+FEFF in the same order) when bom is set.
func utf16Of(order binary.AppendByteOrder, bom bool, text string) []byte {
	var out []byte
	if bom {
		out = order.AppendUint16(out, 0xfeff)
	}
	for _, u := range utf16.Encode([]rune(text)) {
		out = order.AppendUint16(out, u)
	}
	return out
}

// TestTextAsTheEditorShowsIt: a file saved as UTF-16 behind its byte-order mark (Notepad's
// "Unicode"), as a browser reads it on the page, or with the line ends of Windows or of
// an old Mac, reads as the same text in UTF-8 with "\n" line ends, so that a problem is
// placed at the line and column an editor shows. Below, the misspelt "reservaton" is on
// line 3, after `actors: [{id: zhe, name: "😀", ` (30 characters, "😀" one of them,
// although it is two UTF-16 units and four UTF-8 bytes): column 31. "Заява" on line 1
// decodes whole. UTF-16 cut after an odd number of bytes is refused.
func TestTextAsTheEditorShowsIt(t *testing.T) {
	const text = "# Заява\nname: n\nactors: [{id: zhe, name: \"😀\", reservaton: 1}]\n"
	for _, c := range []struct {
		name string
		data []byte
	}{
		{"UTF-16 LE", utf16Of(binary.LittleEndian, true, text)},
		{"UTF-16 BE", utf16Of(binary.BigEndian, true, text)},
		{"UTF-16 LE, CRLF", utf16Of(binary.LittleEndian, true, strings.ReplaceAll(text, "\n", "\r\n"))},
		{"UTF-8, mark, CRLF", []byte("\uFEFF" + strings.ReplaceAll(text, "\n", "\r\n"))},
		{"UTF-8, lone CR", []byte(strings.ReplaceAll(text, "\n", "\r"))},
	} {
		got, err := Text("x.yaml", c.data)
		if err != nil || string(got) != text {
			t.Errorf("%s: read as %q, %v; want %q", c.name, got, err, text)
		}
		_, err = Load("x.yaml", c.data)
		if err == nil || !strings.Contains(err.Error(), `x.yaml:3:31: actors.zhe.reservaton: unknown field "reservaton"`) {
			t.Errorf("%s: got %v, want the problem at line 3, column 31", c.name, err)
		}
	}
	cut := utf16Of(binary.LittleEndian, true, text)
	if _, err := Text("x.yaml", cut[:len(cut)-1]); err == nil || !strings.Contains(err.Error(), "x.yaml: the file starts as UTF-16 but ends half-way through a character") {
		t.Errorf("UTF-16 cut short: got %v", err)
	}
}

// TestLatin1Located: a file saved as Latin-1 (Windows' "ANSI") read without an error, each
// accented letter shown as "�". It is refused at its first byte that is not UTF-8: in
// "name: M\xfcnchen talks" the ü is byte 0xFC at line 1, column 8 (after "name: M", 7
// characters); on the second line of "# Café\nname: Caf\xe9", column 10 (after "name: Caf").
// A letter already in UTF-8 ("é" as two bytes) before it counts as one column.
func TestLatin1Located(t *testing.T) {
	for _, c := range []struct {
		data string
		want string
	}{
		{"name: M\xfcnchen talks\n", "x.yaml:1:8: byte 0xFC is not UTF-8"},
		{"# Café\nname: Caf\xe9\n", "x.yaml:2:10: byte 0xE9 is not UTF-8"},
		{"# é\r\nname: \xe9\r\n", "x.yaml:2:7: byte 0xE9 is not UTF-8"},
	} {
		_, err := Load("x.yaml", []byte(c.data))
		if err == nil || !strings.Contains(err.Error(), c.want) || !strings.Contains(err.Error(), "save it as UTF-8") {
			t.Errorf("%q: got %v, want %q and how to save it", c.data, err, c.want)
		}
	}
	// UTF-8 text is fine.
	if d := NotUTF8("x.yaml", []byte("name: Münchner Gespräche — 安理会\n")); d != nil {
		t.Errorf("UTF-8 text refused: %v", d)
	}
	// A binary file (a NUL, a control byte) is no text in any encoding: it is never taken
	// for Latin-1, and is refused as not a scenario (or, with NULs between bytes, as UTF-16).
	for _, data := range []string{"\x00\x01\xfc\x80", "GIF89a\x01\x00\xff"} {
		if d := NotUTF8("x.yaml", []byte(data)); d != nil && strings.Contains(d.Message, "is not UTF-8") {
			t.Errorf("%q refused as Latin-1: %v", data, d)
		}
	}
}
