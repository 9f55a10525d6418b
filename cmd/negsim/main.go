// Command negsim simulates multi-party negotiations: it reads a scenario of actors, issues
// and positions, and reports the zone of possible agreement, its Pareto frontier and the
// classic bargaining solutions.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	signals := []os.Signal{os.Interrupt, syscall.SIGTERM}
	// Closing the terminal window hangs up on negsim, which then stops as at Ctrl-C: play
	// keeps the moves made. Under nohup the hang-up stays ignored, as that asks.
	if !signal.Ignored(syscall.SIGHUP) {
		signals = append(signals, syscall.SIGHUP)
	}
	ctx, stop := signal.NotifyContext(context.Background(), signals...)
	// The first Ctrl-C asks the command to stop cleanly; from then on the signals take
	// their default course, so a second one ends the process whatever it is doing.
	context.AfterFunc(ctx, stop)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
