package api

import (
	"context"
	"testing"
)

// A slider move on the page is one analyze request: the reference scenario with a variant
// and an override, answered as JSON. The page's target is 100 ms from the move to the
// results on screen, of which this is the engine's share. The static site runs it in
// WebAssembly on one thread, where the target is 30 ms; measured there under Node with
//
//	GOOS=js GOARCH=wasm go test ./api -run '^$' -bench SliderMove -benchtime 200x -count 3 \
//		-exec "$(go env GOROOT)/lib/wasm/go_js_wasm_exec"
//
// (the first count includes Node's compiling the engine to optimised code).
func BenchmarkSliderMove(b *testing.B) {
	benchmarkRequest(b, "analyze", `{"scenario": "ukraine-2026", "variant": "sanctions-bite", "set": ["actors.russia.reservation=0.47"], "limit": 10}`)
}

// The chart's request follows each move once the results are on screen.
func BenchmarkPlane(b *testing.B) {
	benchmarkRequest(b, "plane", `{"scenario": "ukraine-2026", "variant": "sanctions-bite", "set": ["actors.russia.reservation=0.47"], "axes": ["ukraine", "russia"]}`)
}

// A move in the Play view is one play request that replays every move so far: here the
// whole reference session of eight moves, the longest the page sends, ending in agreement.
func BenchmarkPlayReplay(b *testing.B) {
	benchmarkRequest(b, "play", `{"scenario": "ukraine-2026", "variant": "sanctions-bite", "as": "ukraine", "coach": true, "moves": [`+
		`{"move": "accept"}, {"move": "accept"}, {"move": "accept"}, {"move": "accept"}, `+
		`{"move": "accept"}, {"move": "accept"}, {"move": "accept"}, {"move": "accept"}]}`)
}

// The page asks params again after a move that can change another value's bound or note
// (the votes a ratification asks, a veto, a weight): the same what-if as BenchmarkSliderMove.
func BenchmarkParams(b *testing.B) {
	benchmarkRequest(b, "params", `{"scenario": "ukraine-2026", "variant": "sanctions-bite", "set": ["actors.russia.reservation=0.47"]}`)
}

// benchmarkRequest times the API's answer to one request, after a first answer outside the
// timing: the page asks again and again, its scenario already read.
func benchmarkRequest(b *testing.B, method, req string) {
	a := New(Options{})
	ctx := context.Background()
	body := []byte(req)
	if _, err := a.Handle(ctx, method, body); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := a.Handle(ctx, method, body); err != nil {
			b.Fatal(err)
		}
	}
}
