// Package textpos turns the byte offsets that encoding/json and encoding/xml report, and the
// byte columns of encoding/csv, into the lines and columns a person finds in an editor, for
// the readers of transcripts, deals files and other tools' files.
package textpos

import (
	"sort"
	"unicode/utf8"
)

// Lines knows where each line of one text begins.
type Lines struct {
	data     []byte
	newlines []int
}

// New indexes data's line breaks once, so that each offset is then placed in logarithmic
// time: a reader that places every value of a file would otherwise count the lines before
// each one again.
func New(data []byte) *Lines {
	l := &Lines{data: data}
	for i, b := range data {
		if b == '\n' {
			l.newlines = append(l.newlines, i)
		}
	}
	return l
}

// Line is the line, from 1, of the byte at offset off.
func (l *Lines) Line(off int64) int {
	return sort.SearchInts(l.newlines, int(off)) + 1
}

// LineCol is where the text before offset off ends, as a line and a column in characters,
// both from 1: a decoder that stops just after a bad byte reports the offset past it, so
// this is the bad byte's place.
func (l *Lines) LineCol(off int64) (line, col int) {
	end := min(max(int(off), 0), len(l.data))
	line = sort.SearchInts(l.newlines, end) + 1
	return line, max(utf8.RuneCount(l.data[l.start(line):end]), 1)
}

// start is the offset where line line (from 1) begins; 0 for the first or a line past
// the text.
func (l *Lines) start(line int) int {
	if line > 1 && line-2 < len(l.newlines) {
		return l.newlines[line-2] + 1
	}
	return 0
}

// Col is the column in characters, from 1, of the byte at column byteCol (counted in
// bytes, from 1, as encoding/csv counts) of line line: after "Стіл 1," a cell begins at
// byte 12 and at character 8.
func (l *Lines) Col(line, byteCol int) int {
	start, stop := l.start(line), len(l.data)
	if line >= 1 && line-1 < len(l.newlines) {
		stop = l.newlines[line-1]
	}
	end := min(max(start+byteCol-1, start), stop)
	return utf8.RuneCount(l.data[start:end]) + 1
}
