package main

import (
	"strings"
	"unicode"

	"github.com/mattn/go-runewidth"
	"golang.org/x/image/font/sfnt"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
)

// The charts are laid out in Liberation, the font gonum/plot embeds, which has no Chinese,
// Japanese, Korean or Arabic letters: it measures each as its empty box, 0.78 em. An SVG
// chart is read in the reader's own fonts, pinned to the widths it was laid out with
// (pinTextWidths), so a Chinese name of three characters, 3 em wide in any Chinese font,
// was squeezed into 2.33 em, and one centred or set right of an axis stood off its place.
// chartText measures such a letter as those fonts draw it instead.
func init() {
	plot.DefaultTextHandler = chartText{Plain: text.Plain{Fonts: font.DefaultCache}}
}

// chartText is gonum's plain text handler with the widths of the letters its font lacks
// taken as a reader's fonts draw them: a character a terminal gives two cells (Chinese,
// Japanese, Korean) 1 em, as their fonts set them; any other letter 0.6 em, what the page's
// charts take for a letter; a combining mark nothing.
type chartText struct {
	text.Plain
}

// missingLetterWidth is the width, in ems, taken for a letter of one terminal cell that the
// chart's font has no glyph for.
const missingLetterWidth = 0.6

func (h chartText) Box(txt string, fnt font.Font) (width, height, depth vg.Length) {
	width, height, depth = h.Plain.Box(txt, fnt)
	return width + h.correction(txt, fnt), height, depth
}

// Draw aligns each line by the width Box gives it: the plain handler aligns a centred or
// right-aligned line by its font's widths, and a line with letters the font lacks would
// stand off the place the layout made for it.
func (h chartText) Draw(c vg.Canvas, txt string, sty text.Style, pt vg.Point) {
	if sty.XAlign != 0 && h.correction(txt, sty.Font) != 0 {
		c = alignedLines{Canvas: c, shift: func(line string) vg.Length {
			return vg.Length(sty.XAlign) * h.correction(line, sty.Font)
		}}
	}
	h.Plain.Draw(c, txt, sty, pt)
}

// correction is what the letters of txt that fnt lacks add to the width its face measures.
func (h chartText) correction(txt string, fnt font.Font) vg.Length {
	face := h.Fonts.Lookup(fnt, fnt.Size)
	var buf sfnt.Buffer
	var sum vg.Length
	for _, r := range strings.ReplaceAll(txt, "\n", "") {
		if !lacksGlyph(face, &buf, r) {
			continue
		}
		ems := missingLetterWidth
		switch runewidth.RuneWidth(r) {
		case 0:
			ems = 0
		case 2:
			ems = 1
		}
		sum += vg.Length(ems)*fnt.Size - face.Width(string(r))
	}
	return sum
}

// lacksGlyph reports whether face has no glyph for the letter r: sfnt gives it glyph 0,
// which Liberation draws as nothing.
func lacksGlyph(face font.Face, buf *sfnt.Buffer, r rune) bool {
	if unicode.IsSpace(r) || !unicode.IsGraphic(r) {
		return false
	}
	i, err := face.Face.GlyphIndex(buf, r)
	return err == nil && i == 0
}

// alignedLines moves each line the plain handler sets by shift of the line, along the
// line: the handler draws a rotated text on a rotated canvas, so x runs along the line.
type alignedLines struct {
	vg.Canvas
	shift func(line string) vg.Length
}

func (a alignedLines) FillString(face font.Face, pt vg.Point, line string) {
	pt.X += a.shift(line)
	a.Canvas.FillString(face, pt, line)
}
