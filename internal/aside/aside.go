// Package aside runs work that takes no context, such as a file read that may block or
// another tool's reader, so that --timeout and Ctrl-C still end the command at once.
package aside

import "context"

// Run runs work aside and returns its result, or ctx's error as soon as ctx is done: the
// work is then left to finish unobserved, and nothing it makes is used.
func Run[T any](ctx context.Context, work func() (T, error)) (T, error) {
	type result struct {
		v   T
		err error
	}
	done := make(chan result, 1)
	go func() {
		v, err := work()
		done <- result{v, err}
	}()
	select {
	case r := <-done:
		return r.v, r.err
	case <-ctx.Done():
		var zero T
		return zero, ctx.Err()
	}
}
