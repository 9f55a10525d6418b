package sim

import (
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// ErrBadInput marks every error a user fixes by changing what they wrote (a scenario file, a
// path, a value, a deal) as opposed to a failure of the machine. Callers test for it with
// errors.Is; Diagnostics, PathError, DealError and SpaceTooLargeError all match it.
var ErrBadInput = errors.New("bad input")

// badInput is a sentinel error that is bad input and reads as its own sentence.
type badInput string

func (e badInput) Error() string        { return string(e) }
func (e badInput) Is(target error) bool { return target == ErrBadInput }

// Severity says what a diagnostic costs the scenario. There are three and only three, so
// "a note on style that is not a warning" cannot be written.
type Severity uint8

const (
	// SeverityError makes the scenario meaningless or ambiguous: it does not run.
	SeverityError Severity = iota
	// SeverityWarning is something the engine can live with but a reader should know: the
	// scenario runs, and every command shows it.
	SeverityWarning
	// SeverityStyle is a warning about how the file is written, not what it means (weights
	// that do not sum to 100, an actor without red lines): validate shows it, other
	// commands keep quiet about it, but for the starter's placeholders (Placeholder), which
	// brief would otherwise hand out unremarked.
	SeverityStyle
)

func (s Severity) String() string {
	switch s {
	case SeverityError:
		return "error"
	case SeverityWarning:
		return "warning"
	case SeverityStyle:
		return "style"
	}
	return "severity(" + strconv.Itoa(int(s)) + ")"
}

// Diagnostic is one thing wrong with a scenario: how bad it is, the id path of the value at
// fault (actors.russia.preferences.nato.weight, the same path --set takes), and, once a
// file has been consulted, where in that file it is written.
type Diagnostic struct {
	Severity Severity
	// File, Line and Col locate the problem in a file; Line and Col count from 1 and are 0
	// when unknown. File is "" for a problem found in a scenario that came from no file.
	File      string
	Line, Col int
	Path      string
	Message   string
	// Placeholder marks validate's note on a text that still holds the starter's
	// placeholder: the commands that make hand-outs from a file warn of these, which they
	// would show to students.
	Placeholder bool
}

// IsError reports whether the diagnostic stops the scenario from running.
func (d Diagnostic) IsError() bool { return d.Severity == SeverityError }

// String reads file:line:col: path: message, leaving out what is unknown.
func (d Diagnostic) String() string {
	var b strings.Builder
	if d.File != "" {
		b.WriteString(d.File)
		if d.Line > 0 {
			fmt.Fprintf(&b, ":%d", d.Line)
			if d.Col > 0 {
				fmt.Fprintf(&b, ":%d", d.Col)
			}
		}
		b.WriteString(": ")
	}
	if d.Path != "" {
		b.WriteString(d.Path + ": ")
	}
	b.WriteString(d.Message)
	return b.String()
}

// diagnosticJSON is the public JSON form. A located diagnostic (validate's files) always
// carries its position; one from the engine alone (an analysis's warnings) only its path.
type diagnosticJSON struct {
	File    *string `json:"file,omitempty"`
	Line    *int    `json:"line,omitempty"`
	Col     *int    `json:"col,omitempty"`
	Path    *string `json:"path,omitempty"`
	Message string  `json:"message"`
	Warning bool    `json:"warning,omitempty"`
	Style   bool    `json:"style,omitempty"`
}

// MarshalJSON writes warning and style as flags beside the message, the form scripts and
// graders already read.
func (d Diagnostic) MarshalJSON() ([]byte, error) {
	j := diagnosticJSON{Message: d.Message, Warning: d.Severity != SeverityError, Style: d.Severity == SeverityStyle}
	if d.File != "" {
		j.File, j.Line, j.Col = &d.File, &d.Line, &d.Col
		if d.Path != "" {
			j.Path = &d.Path
		}
	} else {
		j.Path = &d.Path
	}
	return json.Marshal(j)
}

// UnmarshalJSON reads what MarshalJSON writes.
func (d *Diagnostic) UnmarshalJSON(data []byte) error {
	var j diagnosticJSON
	if err := json.Unmarshal(data, &j); err != nil {
		return err
	}
	*d = Diagnostic{Message: j.Message}
	switch {
	case j.Style:
		d.Severity = SeverityStyle
	case j.Warning:
		d.Severity = SeverityWarning
	}
	if j.File != nil {
		d.File = *j.File
	}
	if j.Line != nil {
		d.Line = *j.Line
	}
	if j.Col != nil {
		d.Col = *j.Col
	}
	if j.Path != nil {
		d.Path = *j.Path
	}
	return nil
}

// Diagnostics is every problem found at once, errors and warnings together.
type Diagnostics []Diagnostic

// HasErrors reports whether any diagnostic is an error.
func (ds Diagnostics) HasErrors() bool {
	for _, d := range ds {
		if d.IsError() {
			return true
		}
	}
	return false
}

// Err returns the errors among the diagnostics as one error, or nil when there are none.
func (ds Diagnostics) Err() error {
	if errs := ds.Errors(); len(errs) > 0 {
		return errs
	}
	return nil
}

// Errors returns the diagnostics that are errors.
func (ds Diagnostics) Errors() Diagnostics {
	return ds.filter(func(d Diagnostic) bool { return d.IsError() })
}

// Warnings returns the diagnostics that are not errors, notes on style included.
func (ds Diagnostics) Warnings() Diagnostics {
	return ds.filter(func(d Diagnostic) bool { return !d.IsError() })
}

// Shown returns the warnings every command shows beside its results: not the errors, and
// not the notes on style, which validate alone shows.
func (ds Diagnostics) Shown() Diagnostics {
	return ds.filter(func(d Diagnostic) bool { return d.Severity == SeverityWarning })
}

func (ds Diagnostics) filter(keep func(Diagnostic) bool) Diagnostics {
	var out Diagnostics
	for _, d := range ds {
		if keep(d) {
			out = append(out, d)
		}
	}
	return out
}

// Error prints one diagnostic a line.
func (ds Diagnostics) Error() string {
	lines := make([]string, len(ds))
	for i, d := range ds {
		lines[i] = d.String()
	}
	return strings.Join(lines, "\n")
}

// Is makes every list of diagnostics bad input.
func (ds Diagnostics) Is(target error) bool { return target == ErrBadInput }
