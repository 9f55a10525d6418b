//go:build js && wasm

// Command negsim-wasm is negsim's engine for the browser: compiled to WebAssembly
// (cmd/negsim-site does it), it answers the page's requests in the page itself, with the
// same JSON as negsim serve (package api).
//
// It defines negsimCall(method, requestJSON) in JavaScript, which returns a promise of the
// response's JSON, or rejects with an error's JSON ({"error": {...}}), and calls
// negsimReady() once it is there.
package main

import (
	"context"
	"errors"
	"syscall/js"
	"time"

	"github.com/negsim/negsim/api"
	"github.com/negsim/negsim/internal/clockctx"
)

// timeout bounds each request. It is longer than --timeout's default on the command line:
// the engine works in its own thread (web/engine-worker.js), holding nothing of the page,
// and a school Chromebook needs about 30 s for What would it take on the reference
// scenario (measured with the CPU slowed six times).
const timeout = 2 * time.Minute

func main() {
	engine := api.New(api.Options{Workers: 1})
	call := js.FuncOf(func(this js.Value, args []js.Value) any {
		if len(args) != 2 {
			return js.Global().Get("Promise").Call("reject", string((&api.Error{Kind: api.KindInput, Message: "negsimCall takes a method and a request"}).JSON()))
		}
		method, request := args[0].String(), args[1].String()
		// The work runs off the callback: a callback that blocks would stall the page, and
		// Go's runtime cannot run other goroutines while JavaScript waits on one.
		executor := js.FuncOf(func(this js.Value, settle []js.Value) any {
			resolve, reject := settle[0], settle[1]
			go func() {
				// Go's timers do not fire while the engine computes: the deadline must be
				// read off the clock.
				ctx, cancel := clockctx.WithTimeout(context.Background(), timeout)
				defer cancel()
				out, err := engine.Handle(ctx, method, []byte(request))
				if err != nil {
					var e *api.Error
					if !errors.As(err, &e) {
						e = &api.Error{Kind: api.KindFailed, Message: err.Error()}
					}
					reject.Invoke(string(e.JSON()))
					return
				}
				resolve.Invoke(string(out))
			}()
			return nil
		})
		defer executor.Release()
		return js.Global().Get("Promise").New(executor)
	})
	js.Global().Set("negsimCall", call)
	if ready := js.Global().Get("negsimReady"); ready.Type() == js.TypeFunction {
		ready.Invoke()
	}
	select {}
}
