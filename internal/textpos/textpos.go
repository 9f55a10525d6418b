// Package textpos turns the byte offsets that encoding/json and encoding/xml report into
// the lines and columns a person finds in an editor, for the readers of transcripts and of
// other tools' files.
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
	start := 0
	if line > 1 {
		start = l.newlines[line-2] + 1
	}
	return line, max(utf8.RuneCount(l.data[start:end]), 1)
}
