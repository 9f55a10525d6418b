package interop

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/negsim/negsim/internal/textpos"
)

// element is a node of an XML file kept with its line, so that errors in GENIUS files can
// point at the place to fix. GENIUS files are small; a tree is simpler than a stream.
type element struct {
	name     string
	attr     map[string]string
	children []*element
	text     string
	line     int
}

func (e *element) child(name string) *element {
	for _, c := range e.children {
		if c.name == name {
			return c
		}
	}
	return nil
}

func (e *element) all(name string) []*element {
	var out []*element
	for _, c := range e.children {
		if c.name == name {
			out = append(out, c)
		}
	}
	return out
}

// find returns the first element of that name in document order, e itself included.
func (e *element) find(name string) *element {
	if e.name == name {
		return e
	}
	for _, c := range e.children {
		if f := c.find(name); f != nil {
			return f
		}
	}
	return nil
}

// parseXML reads a whole XML document into a tree. Names are lower-cased: GENIUS files
// from different years spell them differently.
func parseXML(file string, data []byte) (*element, error) {
	lineAt := textpos.New(data).Line
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.CharsetReader = charsetReader
	var root *element
	var stack []*element
	for {
		off := dec.InputOffset()
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			line := 0
			var se *xml.SyntaxError
			if errors.As(err, &se) {
				line = se.Line
				if se.Msg == "invalid UTF-8" {
					// Windows editors save "ANSI" (Latin-1) without declaring it.
					return nil, errorf(file, line, "not valid XML: a byte that is not UTF-8; save the file as UTF-8, or declare its encoding on the first line: <?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>")
				}
				return nil, errorf(file, line, "not valid XML: %s", se.Msg)
			}
			return nil, errorf(file, lineAt(dec.InputOffset()), "not valid XML: %v", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			el := &element{name: strings.ToLower(t.Name.Local), attr: map[string]string{}, line: lineAt(off)}
			for _, a := range t.Attr {
				el.attr[strings.ToLower(a.Name.Local)] = a.Value
			}
			if len(stack) == 0 {
				if root != nil {
					return nil, errorf(file, el.line, "a second top-level element <%s>; an XML file has one", el.name)
				}
				root = el
			} else {
				p := stack[len(stack)-1]
				p.children = append(p.children, el)
			}
			stack = append(stack, el)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if len(stack) > 0 {
				stack[len(stack)-1].text += string(t)
			}
		}
	}
	if root == nil {
		return nil, errorf(file, 0, "the file holds no XML element")
	}
	return root, nil
}

// float reads a numeric attribute, naming the file, line, element and attribute when it
// is missing or not a number, and what number to write there.
func (e *element) float(file, name string) (float64, error) {
	s, ok := e.attr[name]
	if !ok {
		return 0, errorf(file, e.line, "<%s> has no %s attribute; add %s=\"…\", %s", e.tag(), name, name, e.numberHint(name))
	}
	x, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil {
		fix := "give " + e.numberHint(name)
		// A decimal comma, as spreadsheets in much of Europe write numbers.
		if y, err := strconv.ParseFloat(strings.Replace(strings.TrimSpace(s), ",", ".", 1), 64); err == nil && strings.Count(s, ",") == 1 {
			fix = fmt.Sprintf("write %s, with a decimal point", strconv.FormatFloat(y, 'f', -1, 64))
		}
		return 0, errorf(file, e.line, "<%s %s=%q>: %q is not a number; %s", e.tag(), name, s, s, fix)
	}
	return x, nil
}

// tag is the element's name with the attribute that tells it apart from its siblings in
// the file: an item's value, a weight's or issue's index.
func (e *element) tag() string {
	for _, a := range []string{"value", "index"} {
		if v, ok := e.attr[a]; ok && (e.name == "item" || a == "index") {
			return fmt.Sprintf("%s %s=%q", e.name, a, v)
		}
	}
	return e.name
}

// numberHint says what number an attribute holds.
func (e *element) numberHint(name string) string {
	switch {
	case e.name == "reservation" || e.name == "discount_factor":
		return "a number from 0 to 1"
	case name == "evaluation" || e.name == "weight" && name == "value":
		return "a number 0 or more"
	}
	return "a number"
}

// floats reads numeric attributes that a formula needs together, failing on the first
// missing or malformed one.
func (e *element) floats(file string, names ...string) ([]float64, error) {
	xs := make([]float64, len(names))
	for i, name := range names {
		x, err := e.float(file, name)
		if err != nil {
			return nil, err
		}
		xs[i] = x
	}
	return xs, nil
}

func (e *element) int(file, name string) (int, error) {
	s, ok := e.attr[name]
	if !ok {
		return 0, errorf(file, e.line, "<%s> has no %s attribute", e.name, name)
	}
	x, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil {
		return 0, errorf(file, e.line, "<%s %s=%q>: %q is not a whole number", e.name, name, s, s)
	}
	return x, nil
}

// charsetReader decodes the single-byte encodings older GENIUS files declare besides UTF-8,
// and lets through the UTF-16 that Windows editors save them in, once decoded.
func charsetReader(charset string, input io.Reader) (io.Reader, error) {
	switch strings.ToLower(charset) {
	case "iso-8859-1", "latin1", "latin-1", "us-ascii", "ascii":
		raw, err := io.ReadAll(input)
		if err != nil {
			return nil, err
		}
		runes := make([]rune, len(raw))
		for i, b := range raw {
			runes[i] = rune(b)
		}
		return strings.NewReader(string(runes)), nil
	case "utf-16", "utf-16le", "utf-16be", "unicode":
		// The reader of the file decoded UTF-16 behind its byte-order mark already
		// (config.DecodeText); UTF-16 undecoded stops at its first NUL byte, before
		// any declaration is read.
		return input, nil
	}
	return nil, fmt.Errorf("the file declares the encoding %q; negsim reads UTF-8 and ISO-8859-1: convert it to UTF-8", charset)
}
