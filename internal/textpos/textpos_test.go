package textpos

import "testing"

// Offsets counted by hand in "ab\nçd\n\nx": a 0, b 1, \n 2, ç 3–4 (two bytes), d 5, \n 6,
// \n 7, x 8.
func TestLinesAndColumns(t *testing.T) {
	l := New([]byte("ab\nçd\n\nx"))
	for _, c := range []struct {
		off               int64
		line, lineOf, col int
	}{
		{0, 1, 1, 1},  // nothing before: column 1
		{2, 1, 1, 2},  // after "ab"
		{3, 2, 2, 1},  // "ab\n" before it: line 2, nothing on it yet
		{6, 2, 2, 2},  // after "çd": two characters, three bytes
		{8, 4, 4, 1},  // x is on line 4; line 3 is empty
		{9, 4, 4, 1},  // after x
		{99, 4, 4, 1}, // past the end: the last line
	} {
		if got := l.Line(c.off); got != c.line {
			t.Errorf("Line(%d) = %d, want %d", c.off, got, c.line)
		}
		if line, col := l.LineCol(c.off); line != c.lineOf || col != c.col {
			t.Errorf("LineCol(%d) = %d:%d, want %d:%d", c.off, line, col, c.lineOf, c.col)
		}
	}
}

// Col turns encoding/csv's byte columns into the characters an editor counts.
func TestColCountsCharacters(t *testing.T) {
	l := New([]byte("table,a\nСтіл 1,a9\n桌子二,bb0"))
	for _, c := range []struct{ line, byteCol, col int }{
		{1, 1, 1},   // "table"
		{1, 7, 7},   // "a", after six ASCII bytes
		{2, 1, 1},   // "Стіл 1"
		{2, 12, 8},  // "a9": "Стіл 1," is 11 bytes, 7 characters
		{3, 11, 5},  // "bb0": "桌子二," is 10 bytes, 4 characters
		{2, 99, 10}, // past the end of its line ("Стіл 1,a9", 9 characters): after it
		{3, 99, 8},  // past the end of the text likewise
	} {
		if got := l.Col(c.line, c.byteCol); got != c.col {
			t.Errorf("Col(%d, %d) = %d, want %d", c.line, c.byteCol, got, c.col)
		}
	}
}
