// Package api answers the questions negsim's page asks: JSON requests in, JSON responses
// out, over the engine, with no transport. `negsim serve` carries them over HTTP on
// loopback; the WebAssembly build (cmd/negsim-wasm) through JavaScript promises. Either
// way the page gets the same bytes.
//
// A response is the very struct the command line prints with --format json, encoded the
// same way, so that a result on the page equals `negsim analyze --set … --format json`
// for the same scenario, variant and overrides. A scenario is parsed once and kept; each
// request applies its variant and overrides to a copy of the parsed document.
package api

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"strings"

	"github.com/negsim/negsim/config"
	"github.com/negsim/negsim/sim"
)

// Options configure an API. The zero value serves the shipped scenarios only, with the
// command line's default limits.
type Options struct {
	// Files holds the scenarios a page may open by name besides the shipped ones: the
	// folder (or single file) negsim serve was given. nil when there is none.
	Files fs.FS
	// MaxFileSize bounds a scenario's text, as --max-file-size does; 0 is the default.
	MaxFileSize int64
	// MaxDeals bounds the work that handles deals one by one, as --max-deals does; 0 is
	// the default.
	MaxDeals uint64
	// Workers is the number of goroutines a search uses; 0 is one per core.
	Workers int
}

// API answers requests. It is safe for concurrent use.
type API struct {
	opt  Options
	docs *docCache
}

// New returns an API over the engine.
func New(opt Options) *API {
	if opt.MaxFileSize <= 0 {
		opt.MaxFileSize = config.DefaultMaxBytes
	}
	if opt.MaxDeals == 0 {
		opt.MaxDeals = config.DefaultMaxDeals
	}
	return &API{opt: opt, docs: newDocCache(64, cachedFiles*opt.MaxFileSize)}
}

// MaxFileSize is the largest scenario text the API accepts; transports bound request
// bodies by it.
func (a *API) MaxFileSize() int64 { return a.opt.MaxFileSize }

// apiMethod is one name Handle answers and what runs for it on a request body.
type apiMethod struct {
	name string
	run  func(*API, context.Context, []byte) (any, error)
}

// methods are what Handle answers, in the order an unknown name lists them.
var methods = []apiMethod{
	{"list", func(a *API, _ context.Context, _ []byte) (any, error) { return a.list() }},
	{"load", method((*API).load)},
	{"params", method((*API).params)},
	{"analyze", method((*API).analyze)},
	{"warnings", method((*API).warnings)},
	{"explain", method((*API).explain)},
	{"rounds", method((*API).rounds)},
	{"compare", method((*API).compare)},
	{"score", method((*API).score)},
	{"plane", method((*API).plane)},
	{"sensitivity", method((*API).sensitivity)},
	{"export", method((*API).export)},
	{"play", method((*API).play)},
}

// Methods lists what Handle answers, for a transport to check a name before reading a body.
var Methods = func() []string {
	names := make([]string, len(methods))
	for i, m := range methods {
		names[i] = m.name
	}
	return names
}()

// Handle answers one request: method is one of Methods, request its JSON body. The
// response is indented JSON ending in a newline, as the command line writes it. A failure
// is an *Error, whose JSON form a transport passes on to the page.
func (a *API) Handle(ctx context.Context, method string, request []byte) ([]byte, error) {
	i := slices.IndexFunc(methods, func(m apiMethod) bool { return m.name == method })
	if i < 0 {
		return nil, &Error{Kind: KindNotFound, Message: fmt.Sprintf("no method %q; valid: %s", method, strings.Join(Methods, ", "))}
	}
	out, err := methods[i].run(a, ctx, request)
	if err != nil {
		return nil, classify(err)
	}
	if l, ok := out.(labelled); ok {
		body, err := SpliceJSON(l.extra, l.v)
		if err != nil {
			return nil, &Error{Kind: KindFailed, Message: err.Error()}
		}
		return body, nil
	}
	return encode(out)
}

// method decodes a request strictly, so that a misspelt field is an error rather than a
// setting silently ignored, and runs f on it.
func method[R, T any](f func(*API, context.Context, R) (T, error)) func(*API, context.Context, []byte) (any, error) {
	return func(a *API, ctx context.Context, body []byte) (any, error) {
		var r R
		if len(bytes.TrimSpace(body)) > 0 {
			dec := json.NewDecoder(bytes.NewReader(body))
			dec.DisallowUnknownFields()
			if err := dec.Decode(&r); err != nil {
				return nil, &Error{Kind: KindInput, Message: "the request is not valid: " + err.Error()}
			}
			if dec.More() {
				return nil, &Error{Kind: KindInput, Message: "the request holds more than one JSON value"}
			}
		}
		return f(a, ctx, r)
	}
}

// encode writes a result as `negsim … --format json` does: indented by two spaces, with a
// final newline.
func encode(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, &Error{Kind: KindFailed, Message: err.Error()}
	}
	return b.Bytes(), nil
}

// Kinds of Error, which a transport maps to its own codes (HTTP statuses).
const (
	KindInput    = "input"     // the request or the scenario must be fixed
	KindNotFound = "not_found" // no such method, scenario or file
	KindTimeout  = "timeout"   // the request ran out of time
	KindCanceled = "canceled"  // the caller went away
	KindFailed   = "failed"    // the machine failed
)

// Error is why a request failed, in a form a page can show: a sentence, and for a
// scenario file every problem located by line and column.
type Error struct {
	Kind     string          `json:"kind"`
	Message  string          `json:"message"`
	Problems sim.Diagnostics `json:"problems,omitempty"`
}

func (e *Error) Error() string { return e.Message }

// JSON is the error as the body of a failed response: {"error": {...}}.
func (e *Error) JSON() []byte {
	b, err := encode(struct {
		Error *Error `json:"error"`
	}{e})
	if err != nil {
		return []byte(`{"error": {"kind": "failed", "message": "the error could not be encoded"}}` + "\n")
	}
	return b
}

// classify turns what the engine and the loader return into an *Error of the right kind,
// worded as the command line words it.
func classify(err error) *Error {
	var e *Error
	var found sim.Diagnostics
	switch {
	case errors.As(err, &e):
		return e
	case errors.As(err, &found):
		return &Error{Kind: KindInput, Message: found.Error(), Problems: found}
	case errors.Is(err, config.ErrUsage), errors.Is(err, sim.ErrBadInput):
		return &Error{Kind: KindInput, Message: err.Error()}
	case errors.Is(err, context.DeadlineExceeded):
		return &Error{Kind: KindTimeout, Message: "stopped at the time limit before an answer was found"}
	case errors.Is(err, context.Canceled):
		return &Error{Kind: KindCanceled, Message: "the request was cancelled"}
	}
	return &Error{Kind: KindFailed, Message: err.Error()}
}
