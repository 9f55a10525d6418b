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
	return &API{opt: opt, docs: newDocCache(64)}
}

// MaxFileSize is the largest scenario text the API accepts; transports bound request
// bodies by it.
func (a *API) MaxFileSize() int64 { return a.opt.MaxFileSize }

// Methods lists what Handle answers, for a transport to check a name before reading a body.
var Methods = []string{"list", "load", "params", "analyze", "explain", "rounds", "compare", "score", "plane", "sensitivity", "export"}

// Handle answers one request: method is one of Methods, request its JSON body. The
// response is indented JSON ending in a newline, as the command line writes it. A failure
// is an *Error, whose JSON form a transport passes on to the page.
func (a *API) Handle(ctx context.Context, method string, request []byte) ([]byte, error) {
	var (
		out any
		err error
	)
	switch method {
	case "list":
		out, err = a.list()
	case "load":
		out, err = call(request, func(r LoadRequest) (any, error) { return a.load(r) })
	case "params":
		out, err = call(request, func(r Query) (any, error) { return a.params(r) })
	case "analyze":
		out, err = call(request, func(r AnalyzeRequest) (any, error) { return a.analyze(ctx, r) })
	case "explain":
		out, err = call(request, func(r ExplainRequest) (any, error) { return a.explain(ctx, r) })
	case "rounds":
		out, err = call(request, func(r RoundsRequest) (any, error) { return a.rounds(ctx, r) })
	case "compare":
		out, err = call(request, func(r CompareRequest) (any, error) { return a.compare(ctx, r) })
	case "score":
		out, err = call(request, func(r ScoreRequest) (any, error) { return a.score(ctx, r) })
	case "plane":
		out, err = call(request, func(r PlaneRequest) (any, error) { return a.plane(ctx, r) })
	case "sensitivity":
		out, err = call(request, func(r SensitivityRequest) (any, error) { return a.sensitivity(ctx, r) })
	case "export":
		out, err = call(request, func(r ExportRequest) (any, error) { return a.export(r) })
	default:
		return nil, &Error{Kind: KindNotFound, Message: fmt.Sprintf("no method %q; valid: %s", method, strings.Join(Methods, ", "))}
	}
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

// call decodes a request strictly, so that a misspelt field is an error rather than a
// setting silently ignored, and runs f on it.
func call[R any](body []byte, f func(R) (any, error)) (any, error) {
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
	return f(r)
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
		return &Error{Kind: KindTimeout, Message: "stopped after the time limit (--timeout) before an answer was found"}
	case errors.Is(err, context.Canceled):
		return &Error{Kind: KindCanceled, Message: "the request was cancelled"}
	}
	return &Error{Kind: KindFailed, Message: err.Error()}
}
