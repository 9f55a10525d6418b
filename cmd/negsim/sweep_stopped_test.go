package main

import (
	"context"
	"testing"

	"github.com/negsim/negsim/sim"
)

// A sweep stopped part-way reports the values it finished and draws no chart, since a
// failed command leaves no file: the message says so of the chart asked for, where it said
// nothing and the student looked for sweep.svg. Ctrl-C and --timeout alike; with no
// --chart there is nothing to mention.
func TestStoppedSweepSaysTheChartWasNotWritten(t *testing.T) {
	sw := &sim.Sweep{Requested: 9, Points: make([]sim.SweepPoint, 3), Interrupted: true}
	for _, c := range []struct {
		err   error
		chart string
		want  string
	}{
		{context.Canceled, "sweep.svg", "interrupted after 3 of 9 values; the report covers only those 3, and the chart sweep.svg was not written"},
		{context.DeadlineExceeded, "out/sweep.png", "stopped by --timeout after 3 of 9 values; the report covers only those 3, and the chart out/sweep.png was not written"},
		{context.Canceled, "", "interrupted after 3 of 9 values; the report covers only those 3"},
	} {
		if got := sweepStopped(c.err, sw, c.chart).Error(); got != c.want {
			t.Errorf("stopped by %v with --chart %q:\n got %q\nwant %q", c.err, c.chart, got, c.want)
		}
	}
}
