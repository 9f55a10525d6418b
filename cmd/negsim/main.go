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
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	// The first Ctrl-C asks the command to stop cleanly; from then on the signals take
	// their default course, so a second one ends the process whatever it is doing.
	context.AfterFunc(ctx, stop)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
