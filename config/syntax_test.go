package config

import (
	"errors"
	"strings"
	"testing"

	"github.com/negsim/negsim/sim"
)

// A YAML slip gets, beside the parser's words, what the person most likely did: a key
// indented one space too far (or too little) is "value is not allowed in this context" to
// the parser, and a missing colon "unexpected key name". JSON has no indentation to blame.
func TestSyntaxErrorsSayTheUsualSlip(t *testing.T) {
	wantOneDiagnostic(t, []loadCase{
		{"indent.yaml", "name: T\nissues:\n  - id: x\n   options: []\n",
			"indent.yaml:4:4: not valid YAML or JSON: value is not allowed in this context; check the indentation of this line and the next: the keys of one mapping start in the same column"},
		{"deeper.yaml", "name: T\nactors:\n- id: a\n  reservation: 0.5\n   note: x\n",
			"deeper.yaml:4:16: not valid YAML or JSON: mapping value is not allowed in this context; check the indentation of this line and the next: the keys of one mapping start in the same column"},
		{"colon.yaml", "name: T\nissues:\n  - id x\n    options: []\n",
			"colon.yaml:3:5: not valid YAML or JSON: unexpected key name; write each key with a colon and a space before its value, as in id: x"},
		{"two.json", `{"name": "x", "issues": [], "actors": []} {"name": "y"}` + "\n",
			"two.json:1:43: not valid YAML or JSON: value is not allowed in this context"},
	})
}

// A text that holds a colon and a space, as a teacher's "Note: …" or "Source: …" does, is a
// second key to YAML: the parser's "mapping value is not allowed in this context" sent
// the teacher to check an indentation that was right (each case below failed so). The
// message names the key and shows the text quoted; a text that holds a double quote is
// shown in single quotes, and a long one cut.
func TestColonInTextSaysQuoteIt(t *testing.T) {
	head := "name: T\nissues:\n  - id: x\n    name: X\n    options: [{id: a}, {id: b}]\nactors:\n  - id: p\n    reservation: 0.5\n"
	wantOneDiagnostic(t, []loadCase{
		// "description: " is 13 characters: the text starts at column 14.
		{"desc.yaml", "name: T\ndescription: Note: the parliament is easier to win.\n",
			`desc.yaml:2:14: the text of description holds a colon and a space (": "), which YAML reads as the start of another key; put the whole text in quotes: description: "Note: the parliament is easier to win."`},
		// "    note: " is 10 characters.
		{"why.yaml", head + "    note: Source: the \"UN\" report\n",
			`why.yaml:9:11: the text of note holds a colon and a space (": "), which YAML reads as the start of another key; put the whole text in quotes: note: 'Source: the "UN" report'`},
		// In a list item, after "- ": "  - why: " is 9 characters.
		{"list.yaml", "name: T\nevents:\n  - why: Talks resume: the envoy returns to Geneva after a long break\n",
			`list.yaml:3:10: the text of why holds a colon and a space (": "), which YAML reads as the start of another key; put the whole text in quotes: why: "Talks resume: the envoy returns to …"`},
	})
}

// A value of the wrong kind is told what the field holds and its range, as a missing
// number is: "expected a number, found the text "half"" did not say that a reservation runs
// from 0 to 1. A quoted number only needs its quotes gone, and says so alone.
func TestWrongKindSaysWhatTheFieldHolds(t *testing.T) {
	base := "name: T\nissues:\n  - id: x\n    name: X\n    options: [{id: a}, {id: b}]\nactors:\n  - id: p\n    name: P\n    reservation: RES\n    veto: VETO\n    preferences:\n      x: {weight: 1, ideal: a}\n"
	for _, c := range []struct{ res, veto, want string }{
		{"half", "true", `t.yaml:9:18: actors.p.reservation: expected a number, found the text "half". The utility of no agreement (its BATNA), from 0 to 1: the actor rejects every deal worth less to it.`},
		{"0.4", "maybe", `t.yaml:10:11: actors.p.veto: expected true or false, found the text "maybe". Whether the actor must accept a deal (true) or is only scored and reported (false: an observer, a party not at the table).`},
		{`"0.4"`, "true", `t.yaml:9:18: actors.p.reservation: expected a number, found the text "0.4": remove the quotes`},
	} {
		src := strings.NewReplacer("RES", c.res, "VETO", c.veto).Replace(base)
		_, err := Load("t.yaml", []byte(src))
		var ds sim.Diagnostics
		if !errors.As(err, &ds) || len(ds) != 1 || strings.TrimSpace(ds[0].String()) != c.want {
			t.Errorf("reservation %s, veto %s: got %v\nwant %s", c.res, c.veto, err, c.want)
		}
	}
}

// A file typed in a word processor breaks YAML with characters that look right on the
// page: curly quotes (“ ”, ‘ ’), a non-breaking space after a colon or in an indentation,
// and an en dash made of a list's "-". The parser's words blamed the indentation or asked
// for "a colon and a space", which the line already shows; the message now names the
// character, where it is, and what to type in its place. Each case below failed before:
// the first three were "mapping value is not allowed in this context; check the
// indentation of this line and the next: ...", the fourth "non-map value is specified;
// write each key with a colon and a space before its value, as in id: x", the fifth
// "value is not allowed in this context; check the indentation ...".
func TestWordProcessorCharactersAreNamed(t *testing.T) {
	head := "name: T\nissues:\n  - id: x\n    name: X\n    options: [{id: a}, {id: b}]\nactors:\n"
	curly := "the text on this line is in curly quotes (“ ”), which YAML reads as letters, not as quotes (a word processor's \"smart quotes\"); type straight quotes (\") in their place"
	nbsp := "this line holds a non-breaking space (U+00A0, which word processors put after a colon or in an indentation), which YAML does not read as a space; type an ordinary space in its place"
	wantOneDiagnostic(t, []loadCase{
		// The colon inside the curly quotes reads as a key's; line 8 is "    note: “src-1: a”",
		// the quote its 11th character.
		{"note.yaml", head + "  - id: p\n    note: “src-1: a”\n    reservation: 0.5\n",
			"note.yaml:8:11: " + curly},
		// "    description: " is 17 characters: the quote is the 18th.
		{"desc.yaml", head + "  - id: p\n    description: “The council: easy”\n    reservation: 0.5\n",
			"desc.yaml:8:18: " + curly},
		// A non-breaking space before the indentation's ordinary spaces: the first character.
		{"indent.yaml", head + "  - id: p\n    name: P\n\u00a0   reservation: 0.5\n    note: N\n",
			"indent.yaml:9:1: " + nbsp},
		// "    reservation:" is 16 characters: the non-breaking space is the 17th.
		{"colon.yaml", head + "  - id: p\n    name: P\n    reservation:\u00a00.5\n",
			"colon.yaml:9:17: " + nbsp},
		// A curly quote on a line that straight quotes would not mend ("a" b: c is no
		// YAML either) is not blamed: the colon in the note's text is, at its value.
		{"other.yaml", head + "  - id: p\n    reservation: 0.5\n    note: “a” b: c\n",
			"other.yaml:9:11: the text of note holds a colon and a space (\": \"), which YAML reads as the start of another key; put the whole text in quotes: note: \"“a” b: c\""},
		// "  – id: q": the dash is the 3rd character.
		{"dash.yaml", head + "  - id: p\n    reservation: 0.5\n  \u2013 id: q\n    reservation: 0.5\n",
			"dash.yaml:9:3: this list item starts with \"–\" (an en dash, which word processors make of \"-\"); type \"-\" in its place"},
	})
}

// A quoted truth value only needs its quotes gone, as a quoted number does: veto: "false"
// was "expected true or false, found the text "false"", which reads as a contradiction.
// It failed before with those words and the field's description after them.
func TestQuotedTruthValueSaysRemoveTheQuotes(t *testing.T) {
	src := "name: T\nissues:\n  - id: x\n    name: X\n    options: [{id: a}, {id: b}]\nactors:\n  - id: p\n    name: P\n    reservation: 0.4\n    veto: VETO\n    preferences:\n      x: {weight: 1, ideal: a}\n"
	for _, c := range []struct{ veto, want string }{
		// "    veto: " is 10 characters: the value starts at column 11.
		{`"false"`, `t.yaml:10:11: actors.p.veto: expected true or false, found the text "false": remove the quotes`},
		{`'true'`, `t.yaml:10:11: actors.p.veto: expected true or false, found the text "true": remove the quotes`},
	} {
		_, err := Load("t.yaml", []byte(strings.Replace(src, "VETO", c.veto, 1)))
		var ds sim.Diagnostics
		if !errors.As(err, &ds) || len(ds) != 1 || strings.TrimSpace(ds[0].String()) != c.want {
			t.Errorf("veto %s: got %v\nwant %s", c.veto, err, c.want)
		}
	}
}

// A number beside a non-breaking space is a text to YAML and to an editor checking the
// schema ("got string, want number"), while negsim trimmed the space and read the number:
// validate passed a file the editor underlined. It is refused, named, at the value: line 8
// is "    reservation: 0.65" and a non-breaking space, the value from column 18.
func TestNumberBesideANonBreakingSpaceIsNamed(t *testing.T) {
	wantOneDiagnostic(t, []loadCase{{"nbsp.yaml",
		"name: T\nissues:\n  - id: x\n    name: X\n    options: [{id: a}, {id: b}]\nactors:\n  - id: p\n    reservation: 0.65\u00a0\n    name: P\n    preferences: {x: {weight: 1, utilities: {a: 1, b: 0}}}\n",
		`nbsp.yaml:8:18: actors.p.reservation: the number "0.65" is followed or preceded by a non-breaking space (U+00A0, which word processors put beside a number), which YAML reads as part of a text; delete it`}})
}

// loadCase is a file's name and text and the one diagnostic Load must give for it.
type loadCase struct{ name, text, want string }

// wantOneDiagnostic loads each case and fails unless it gives its one diagnostic.
func wantOneDiagnostic(t *testing.T, cases []loadCase) {
	t.Helper()
	for _, c := range cases {
		_, err := Load(c.name, []byte(c.text))
		var ds sim.Diagnostics
		if !errors.As(err, &ds) || len(ds) != 1 {
			t.Fatalf("%s: err = %v, want one diagnostic", c.name, err)
		}
		if got := strings.TrimSpace(ds[0].String()); got != c.want {
			t.Errorf("%s:\n got %s\nwant %s", c.name, got, c.want)
		}
	}
}
