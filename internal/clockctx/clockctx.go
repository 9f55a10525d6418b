// Package clockctx gives a context a deadline that holds where Go's timers cannot be
// trusted to fire: in WebAssembly, where the page's engine runs. There a goroutine runs
// until it waits on something, and the engine at work never waits: the timer behind
// context.WithTimeout fired only once the answer was found, however long that took, so a
// question bounded at 30 s could hold the engine for good. This context reads the clock
// each time it is asked whether it has ended, as the engine asks every few thousand steps.
package clockctx

import (
	"context"
	"sync"
	"time"
)

type deadline struct {
	parent context.Context
	at     time.Time
	done   chan struct{}
	timer  *time.Timer

	mu  sync.Mutex
	err error
}

// WithTimeout is context.WithTimeout, with a deadline that is seen as soon as it has
// passed by whoever asks Err or Done, whether or not a timer has fired.
func WithTimeout(parent context.Context, d time.Duration) (context.Context, context.CancelFunc) {
	c := &deadline{parent: parent, at: time.Now().Add(d), done: make(chan struct{})}
	// Where timers do fire (everywhere but a busy WebAssembly engine), a waiter on Done
	// hears the deadline without asking again.
	c.timer = time.AfterFunc(d, func() { c.end(context.DeadlineExceeded) })
	if parent.Done() != nil {
		stop := context.AfterFunc(parent, func() { c.end(context.Cause(parent)) })
		return c, func() { stop(); c.end(context.Canceled) }
	}
	return c, func() { c.end(context.Canceled) }
}

func (c *deadline) end(err error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.err != nil {
		return
	}
	c.err = err
	c.timer.Stop()
	close(c.done)
}

// look ends the context when its deadline has passed or its parent has ended.
func (c *deadline) look() error {
	c.mu.Lock()
	err := c.err
	c.mu.Unlock()
	if err != nil {
		return err
	}
	if perr := c.parent.Err(); perr != nil {
		c.end(perr)
	} else if !time.Now().Before(c.at) {
		c.end(context.DeadlineExceeded)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.err
}

func (c *deadline) Deadline() (time.Time, bool) { return c.at, true }
func (c *deadline) Done() <-chan struct{}       { c.look(); return c.done }
func (c *deadline) Err() error                  { return c.look() }
func (c *deadline) Value(key any) any           { return c.parent.Value(key) }
