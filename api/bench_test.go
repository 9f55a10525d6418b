package api

import (
	"context"
	"testing"
)

// A slider move on the page is one analyze request: the reference scenario with a variant
// and an override, answered as JSON. The page's target is 100 ms from the move to the
// results on screen, of which this is the engine's share (natively; the WebAssembly build
// runs it several times slower).
func BenchmarkSliderMove(b *testing.B) {
	a := New(Options{})
	req := []byte(`{"scenario": "ukraine-2026", "variant": "sanctions-bite", "set": ["actors.russia.reservation=0.47"], "limit": 10}`)
	ctx := context.Background()
	if _, err := a.Handle(ctx, "analyze", req); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := a.Handle(ctx, "analyze", req); err != nil {
			b.Fatal(err)
		}
	}
}

// The chart's request follows each move once the results are on screen.
func BenchmarkPlane(b *testing.B) {
	a := New(Options{})
	req := []byte(`{"scenario": "ukraine-2026", "variant": "sanctions-bite", "set": ["actors.russia.reservation=0.47"], "axes": ["ukraine", "russia"]}`)
	ctx := context.Background()
	for b.Loop() {
		if _, err := a.Handle(ctx, "plane", req); err != nil {
			b.Fatal(err)
		}
	}
}
