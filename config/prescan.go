package config

import (
	"context"
	"fmt"

	"github.com/negsim/negsim/sim"
)

// Limits the pre-scan enforces before the YAML library sees a file. The library's parser
// costs memory in the square of the nesting depth (a 200 KB file of brackets took 20 GB)
// and time in the square of the keys of one block mapping (60,000 keys took 33 s), and
// about 10 µs and 2 KB per value even when all is well. Within these limits any file parses
// in well under a second and 100 MB; the largest shipped scenario holds about 2,500 values.
const (
	// MaxValues is the most keys and list items one file may hold.
	MaxValues = 30_000
	// MaxMappingKeys is the most keys one block mapping may hold: enough for the utilities
	// of an issue at the limit of 1,000 options.
	MaxMappingKeys = 1_000
	// MaxDepth is the deepest a value may be nested; a scenario needs about eight levels.
	MaxDepth = maxDepth
)

// prescan reads a file once, in linear time and constant memory, and refuses one nested
// deeper than MaxDepth, holding more than MaxValues values or a block mapping of more than
// MaxMappingKeys keys. It knows just enough YAML to count: block indentation, flow brackets,
// quoted text, comments and block scalars. Where it is unsure it counts low, so it never
// refuses a file the decoder would accept; the decoder checks the depth exactly afterwards.
func prescan(ctx context.Context, name string, data []byte) error {
	s := scanner{ctx: ctx, name: name, data: data, line: 1}
	return s.run()
}

type blockLevel struct {
	col  int
	keys int
}

type scanner struct {
	ctx    context.Context
	name   string
	data   []byte
	pos    int
	line   int
	lineAt int // offset of the current line's first byte
	values int
	blocks []blockLevel
	flow   int
}

func (s *scanner) col() int { return s.pos - s.lineAt + 1 }

func (s *scanner) refuse(msg string) error {
	return sim.Diagnostics{{File: s.name, Line: s.line, Col: s.col(), Message: msg}}
}

func (s *scanner) depth() int { return len(s.blocks) + s.flow }

func (s *scanner) tooDeep() error {
	return s.refuse(fmt.Sprintf("nested more than %d levels deep; a scenario never needs that", MaxDepth))
}

// count notes one more value.
func (s *scanner) count() error {
	if s.values++; s.values > MaxValues {
		return s.refuse(fmt.Sprintf("the file holds more than %d values (keys and list items); a scenario holds a few thousand", MaxValues))
	}
	return nil
}

// blockEntry notes a key or list item starting at column col of a block collection.
func (s *scanner) blockEntry(col int, key bool) error {
	for len(s.blocks) > 0 && s.blocks[len(s.blocks)-1].col > col {
		s.blocks = s.blocks[:len(s.blocks)-1]
	}
	if n := len(s.blocks); n == 0 || s.blocks[n-1].col < col {
		s.blocks = append(s.blocks, blockLevel{col: col})
		if s.depth() > MaxDepth {
			return s.tooDeep()
		}
	}
	if key {
		top := &s.blocks[len(s.blocks)-1]
		if top.keys++; top.keys > MaxMappingKeys {
			return s.refuse(fmt.Sprintf("more than %d keys in one mapping; a scenario never needs that many", MaxMappingKeys))
		}
	}
	return s.count()
}

func (s *scanner) at(i int) byte {
	if i < len(s.data) {
		return s.data[i]
	}
	return '\n'
}

func startsValue(prev byte) bool {
	return blank(prev) || prev == '[' || prev == '{' || prev == ',' || prev == ':'
}

func blank(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// newline moves past the '\n' at s.pos.
func (s *scanner) newline() error {
	s.pos++
	s.line++
	s.lineAt = s.pos
	// A parse is bounded by the limits, but a 4 MiB scan should still stop promptly.
	if s.line%4096 == 0 {
		return s.ctx.Err()
	}
	return nil
}

func (s *scanner) toEOL() {
	for s.pos < len(s.data) && s.data[s.pos] != '\n' {
		s.pos++
	}
}

func (s *scanner) run() error {
	for s.pos < len(s.data) {
		if err := s.blockLine(); err != nil {
			return err
		}
		if s.pos < len(s.data) {
			if err := s.newline(); err != nil {
				return err
			}
		}
	}
	return nil
}

// blockLine reads one line in block context, and the flow collections or quoted text that
// start on it, up to the end of the line where they end.
func (s *scanner) blockLine() error {
	for s.at(s.pos) == ' ' {
		s.pos++
	}
	c := s.at(s.pos)
	if c == '\n' || c == '#' {
		s.toEOL()
		return nil
	}
	indent := s.col()
	if indent == 1 && (s.hasPrefix("---") || s.hasPrefix("...")) && blank(s.at(s.pos+3)) {
		s.blocks = s.blocks[:0]
		s.pos += 3
		return s.value(0)
	}
	// Sequence entries and complex keys, possibly several on one line (- - x).
	for (s.at(s.pos) == '-' || s.at(s.pos) == '?') && blank(s.at(s.pos+1)) {
		if err := s.blockEntry(s.col(), false); err != nil {
			return err
		}
		s.pos++
		for s.at(s.pos) == ' ' {
			s.pos++
		}
		indent = s.col()
	}
	if s.isKey() {
		if err := s.blockEntry(indent, true); err != nil {
			return err
		}
		s.skipKey()
	}
	return s.value(indent)
}

func (s *scanner) hasPrefix(p string) bool {
	return len(s.data)-s.pos >= len(p) && string(s.data[s.pos:s.pos+len(p)]) == p
}

// isKey reports whether the line from s.pos holds an implicit key: a colon followed by a
// blank before the end of the line, outside quotes, brackets and comments.
func (s *scanner) isKey() bool {
	i := s.pos
	switch s.at(i) {
	case '[', '{', '|', '>':
		return false
	case '"', '\'':
		q := s.at(i)
		for i++; i < len(s.data) && s.data[i] != '\n'; i++ {
			if s.data[i] == '\\' && q == '"' {
				i++
				continue
			}
			if s.data[i] == q {
				if q == '\'' && s.at(i+1) == '\'' {
					i++
					continue
				}
				break
			}
		}
		for i++; s.at(i) == ' '; i++ {
		}
		return s.at(i) == ':' && blank(s.at(i+1))
	}
	for ; i < len(s.data) && s.data[i] != '\n'; i++ {
		if s.data[i] == ':' && blank(s.at(i+1)) {
			return true
		}
		if s.data[i] == '#' && i > s.pos && blank(s.data[i-1]) {
			return false
		}
	}
	return false
}

// skipKey moves past the key that isKey found and its colon.
func (s *scanner) skipKey() {
	if q := s.at(s.pos); q == '"' || q == '\'' {
		s.quoted()
	}
	for s.pos < len(s.data) && !(s.data[s.pos] == ':' && blank(s.at(s.pos+1))) {
		s.pos++
	}
	s.pos++
}

// value reads what follows a key, an entry marker or nothing on a line whose block
// indentation is indent: anchors and tags, then a flow collection, quoted text, a block
// scalar header or plain text.
func (s *scanner) value(indent int) error {
	for {
		for s.at(s.pos) == ' ' || s.at(s.pos) == '\t' {
			s.pos++
		}
		if c := s.at(s.pos); (c == '&' || c == '!') && s.pos < len(s.data) {
			for s.pos < len(s.data) && !blank(s.data[s.pos]) {
				s.pos++
			}
			continue
		}
		break
	}
	switch s.at(s.pos) {
	case '[', '{':
		return s.flowText()
	case '"', '\'':
		if err := s.quoted(); err != nil {
			return err
		}
		return s.flowText()
	case '|', '>':
		s.toEOL()
		s.skipBlockScalar(indent)
		return nil
	}
	s.toEOL()
	return nil
}

// quoted moves past quoted text that starts at s.pos, across lines if need be.
func (s *scanner) quoted() error {
	q := s.data[s.pos]
	for s.pos++; s.pos < len(s.data); s.pos++ {
		switch c := s.data[s.pos]; {
		case c == '\\' && q == '"':
			s.pos++
			if s.at(s.pos) == '\n' && s.pos < len(s.data) {
				if err := s.newline(); err != nil {
					return err
				}
				s.pos--
			}
		case c == '\n':
			if err := s.newline(); err != nil {
				return err
			}
			s.pos--
		case c == q:
			if q == '\'' && s.at(s.pos+1) == '\'' {
				s.pos++
				continue
			}
			s.pos++
			return nil
		}
	}
	return nil
}

// skipBlockScalar moves past the lines of a literal or folded block whose header ends the
// current line: every following line that is blank or indented beyond indent.
func (s *scanner) skipBlockScalar(indent int) {
	for s.pos < len(s.data) {
		next := s.pos + 1
		i := next
		for i < len(s.data) && s.data[i] == ' ' {
			i++
		}
		if i < len(s.data) && s.data[i] != '\n' && i-next+1 <= indent {
			return
		}
		if i >= len(s.data) {
			s.pos = len(s.data)
			return
		}
		s.line++
		s.lineAt = next
		s.pos = next
		s.toEOL()
	}
}

// flowText reads from s.pos to the end of the line on which every bracket opened is
// closed: flow collections ([ ], { }) may span lines and nest.
func (s *scanner) flowText() error {
	for s.pos < len(s.data) {
		switch c := s.data[s.pos]; c {
		case '[', '{':
			s.flow++
			if s.depth() > MaxDepth {
				return s.tooDeep()
			}
			if err := s.count(); err != nil {
				return err
			}
		case ']', '}':
			if s.flow > 0 {
				s.flow--
			}
		case ',':
			if s.flow > 0 {
				if err := s.count(); err != nil {
					return err
				}
			}
		case '"', '\'':
			// Quotes open text only where a value starts: it's in a plain value is a letter.
			if s.pos == 0 || startsValue(s.data[s.pos-1]) {
				if err := s.quoted(); err != nil {
					return err
				}
				continue
			}
		case '#':
			if s.pos == 0 || blank(s.data[s.pos-1]) {
				s.toEOL()
				continue
			}
		case '\n':
			if s.flow == 0 {
				return nil
			}
			if err := s.newline(); err != nil {
				return err
			}
			continue
		}
		s.pos++
	}
	return nil
}
