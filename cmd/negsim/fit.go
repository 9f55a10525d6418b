package main

import (
	"bytes"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/mattn/go-runewidth"
	"github.com/olekukonko/tablewriter/pkg/twwidth"
	"golang.org/x/term"
)

// Tables that fit the terminal. A scenario of eleven issues makes analyze's deal table 259
// columns wide and the rounds table 474: on a terminal they wrap into noise. When a table
// is wider than the terminal it is laid out to fit: transposed (one column per row) when
// that fits, else one block per row, each cell a line of "column  value" (a deal reads as
// issue = option, one issue a line). --wide forces the full table; output to a file or a
// pipe keeps the full table, as scripts expect, unless --width N asks for a width.

// Widths are counted alike in every locale. go-runewidth and tablewriter count the
// characters Unicode leaves ambiguous (– … × → ─) two columns wide when LANG names a
// Chinese, Japanese or Korean locale, and the same command then wrote other bytes there:
// the reference scenario's title, with its en dashes, over a rule two characters longer.
// Terminals draw them one column wide unless told otherwise.
func init() {
	runewidth.DefaultCondition.EastAsianWidth = false
	twwidth.SetEastAsian(false)
}

// sizedWriter is a writer whose tables must fit width columns.
type sizedWriter struct {
	io.Writer
	width int
}

// tableWidth is the width tables written to w must fit, 0 for no limit.
func tableWidth(w io.Writer) int {
	if s, ok := w.(sizedWriter); ok {
		return s.width
	}
	return 0
}

// outputWidth is the width the command's tables must fit on standard output: --width when
// given, else the terminal's, else none; --wide lifts every limit.
func (a *app) outputWidth() int {
	switch {
	case a.wide:
		return 0
	case a.width > 0:
		return a.width
	}
	if f, ok := a.stdout.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		if w, _, err := term.GetSize(int(f.Fd())); err == nil && w > 20 {
			return w
		}
	}
	return 0
}

// sized wraps render so that the tables it writes fit width; width 0 leaves it alone.
func sized(width int, render func(io.Writer) error) func(io.Writer) error {
	if width <= 0 {
		return render
	}
	return func(w io.Writer) error { return render(sizedWriter{w, width}) }
}

func textWidth(s string) int {
	most := 0
	for _, line := range strings.Split(s, "\n") {
		most = max(most, runewidth.StringWidth(line))
	}
	return most
}

// renderFitted writes the grid as a table when it fits width, else transposed, else as
// one block per row.
func (g *grid) renderFitted(w io.Writer, width int) error {
	tables := []*grid{g}
	if len(g.rows) > 0 && len(g.rows) <= 8 {
		tables = append(tables, g.transposed())
	}
	for _, t := range tables {
		var b bytes.Buffer
		if err := t.render(&b, false); err != nil {
			return err
		}
		if textWidth(b.String()) <= width {
			_, err := w.Write(b.Bytes())
			return err
		}
	}
	// One block per row, or per column when the first column has no heading because it
	// names what each row measures (the five bargaining solutions over eleven issues read
	// best a solution at a time). A headed first column names the thing each row is about,
	// a round or a change to try, and a block of it must keep that row's cells together.
	if g.header[0] == "" && len(g.header)-1 < len(g.rows) {
		return g.transposed().writeBlocks(w, width)
	}
	return g.writeBlocks(w, width)
}

// transposed turns rows into columns: the first column holds the headers, and each row of
// the grid becomes a column headed by its first cell.
func (g *grid) transposed() *grid {
	t := &grid{header: []string{g.header[0]}, right: []bool{false}}
	for _, row := range g.rows {
		t.header = append(t.header, cell(row, 0))
		t.right = append(t.right, false)
	}
	for c := 1; c < len(g.header); c++ {
		line := []string{g.header[c]}
		for _, row := range g.rows {
			line = append(line, cell(row, c))
		}
		t.add(line...)
	}
	return t
}

func cell(row []string, c int) string {
	if c < len(row) {
		return row[c]
	}
	return ""
}

// writeBlocks writes each row as a block headed by its first column, one line per other
// column, "name  value", long values wrapped at spaces under themselves.
func (g *grid) writeBlocks(w io.Writer, width int) error {
	name := 0
	for _, h := range g.header[1:] {
		name = max(name, runewidth.StringWidth(h))
	}
	room := max(12, width-name-4)
	// When a first cell is too long for the rule of its block (sensitivity's flags to
	// paste), every block puts its first cell under the rule, one flag a line.
	under := slices.ContainsFunc(g.rows, func(row []string) bool {
		return runewidth.StringWidth(blockHead(g.header[0], cell(row, 0)))+3 > width
	})
	var b strings.Builder
	for i, row := range g.rows {
		if i > 0 && strings.TrimSpace(cell(row, 0)) == "" {
			// A row with no first cell goes on with the row above (a value's second
			// threshold), so it joins that row's block.
			g.writeBlockCells(&b, row, name, room)
			continue
		}
		if i > 0 {
			b.WriteByte('\n')
		}
		head := blockHead(g.header[0], cell(row, 0))
		if under {
			head = blockHead(g.header[0], "")
		}
		b.WriteString(head + strings.Repeat("─", max(3, min(width, name+4+room)-runewidth.StringWidth(head))) + "\n")
		if under {
			for j, flag := range strings.Split(cell(row, 0), " --") {
				if j > 0 {
					flag = "--" + flag
				}
				for _, line := range wrapWords(flag, width-2) {
					b.WriteString("  " + line + "\n")
				}
			}
		}
		g.writeBlockCells(&b, row, name, room)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// writeBlockCells writes a row's cells after the first as the lines of a block.
func (g *grid) writeBlockCells(b *strings.Builder, row []string, name, room int) {
	for c := 1; c < len(g.header); c++ {
		v := cell(row, c)
		if strings.TrimSpace(v) == "" {
			continue
		}
		for j, line := range wrapWords(v, room) {
			label := ""
			if j == 0 {
				label = g.header[c]
			}
			b.WriteString("  " + runewidth.FillRight(label, name) + "  " + line + "\n")
		}
	}
}

// blockHead is the start of a block's rule: the first column's heading and the row's cell.
func blockHead(heading, first string) string {
	return strings.Join(strings.Fields("── "+heading+" "+first), " ") + " "
}

// wrapProse breaks a line of prose to width, a list item's continuation lines indented
// under its text.
func wrapProse(line string, width int) string {
	if runewidth.StringWidth(line) <= width {
		return line
	}
	indent := ""
	if listItem(line) {
		indent = "  "
	}
	// The indent comes on top of each continuation line, so the lines are broken that much
	// shorter. A word longer than the line is a path, a flag or a list to paste (analyze's
	// "--set actors.ukraine.beliefs.set...=VALUE" cut at 80 columns pasted as two): it
	// stands whole on a line of its own, which a terminal wraps and copies as one.
	return strings.Join(breakWords(line, width-len(indent), false), "\n"+indent)
}

// wrapWords breaks text at spaces into lines of at most room columns; a word longer than
// room (a list of ids) is broken after its commas, or else cut.
func wrapWords(text string, room int) []string { return breakWords(text, room, true) }

// breakWords breaks text at spaces, and between the characters of Chinese and Japanese,
// into lines of at most room columns; a word longer than room is cut (after its commas
// where it has some) only when cut is set.
func breakWords(text string, room int, cut bool) []string {
	// --width 1 leaves an indented line no room at all: a word is still cut a character a
	// line, where a cut of none would go on for ever.
	room = max(room, 1)
	// A piece follows the one before it with a space when a space parted them in the text;
	// the pieces of one word join without one.
	type piece struct {
		text   string
		spaced bool
	}
	var pieces []piece
	for _, word := range strings.Fields(text) {
		spaced := true
		for _, part := range lineBreakPieces(word) {
			for cut && runewidth.StringWidth(part) > room {
				r := []rune(part)
				at := min(len(r), room)
				if i := strings.LastIndex(string(r[:at]), ","); i > 0 {
					at = len([]rune(string(r[:at])[:i+1]))
				}
				pieces, part, spaced = append(pieces, piece{string(r[:at]), spaced}), string(r[at:]), false
			}
			pieces, spaced = append(pieces, piece{part, spaced}), false
		}
	}
	var lines []string
	line := ""
	for _, p := range pieces {
		join := ""
		if p.spaced {
			join = " "
		}
		switch {
		case line == "":
			line = p.text
		case runewidth.StringWidth(line)+len(join)+runewidth.StringWidth(p.text) <= room:
			line += join + p.text
		default:
			lines = append(lines, line)
			line = p.text
		}
	}
	return append(lines, line)
}

// noLineStart are the marks a line of Chinese or Japanese never begins with, and noLineEnd
// those it never ends with (the rules of kinsoku shori), with their narrow twins.
const (
	noLineStart = "，。、；：？！）」』】》〉”’…・ー,.;:?!)]}"
	noLineEnd   = "（「『【《〈“‘([{"
)

// lineBreakPieces cuts a word, a run without spaces, where a line may also end inside it:
// before and after each East Asian wide character (Chinese and Japanese have no spaces
// between words, and break between characters), but for a closing mark, which stays with
// what it closes, and an opening one, which stays with what it opens. A word of other
// letters is one piece.
func lineBreakPieces(word string) []string {
	var pieces []string
	start, prev, prevWide := 0, rune(0), false
	for i, r := range word {
		wide := runewidth.RuneWidth(r) == 2
		if i > 0 && (wide || prevWide) && !strings.ContainsRune(noLineStart, r) && !strings.ContainsRune(noLineEnd, prev) {
			pieces, start = append(pieces, word[start:i]), i
		}
		prev, prevWide = r, wide
	}
	return append(pieces, word[start:])
}

// underlined is a heading over a rule of mark as wide as its widest line; a terminal
// narrower than the heading (width > 0) has it broken at spaces, as prose is.
func underlined(title, mark string, width int) string {
	lines := []string{title}
	if width > 0 && runewidth.StringWidth(title) > width {
		lines = wrapWords(title, width)
	}
	widest := 0
	for _, line := range lines {
		widest = max(widest, runewidth.StringWidth(line))
	}
	return strings.Join(lines, "\n") + "\n" + strings.Repeat(mark, widest) + "\n"
}
