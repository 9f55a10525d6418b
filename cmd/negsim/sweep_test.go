package main

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/negsim/negsim/sim"
)

// sweep sets a path as --set would, and reads its values as --set does: --values 0x10 and
// --from 0x10 were refused as no number, though --set takes 0x10 as 16, and 017 was read
// as 17 where --set refuses it as ambiguous.
func TestSweepReadsANumberAsSetDoes(t *testing.T) {
	file := filepath.Join("..", "..", "scenarios", "teaching-two-party.yaml")
	sweep := func(args ...string) []string {
		return append([]string{"sweep", file, "--param", "actors.candidate.preferences.salary.weight", "--format", "json"}, args...)
	}
	for _, c := range []struct{ written, plain []string }{
		// 0x10 = 16, 0b10_0000 = 32, 2_0 = 20: the same sweep as the plain numbers.
		{[]string{"--values", "0x10,0b10_0000"}, []string{"--values", "16,32"}},
		{[]string{"--from", "0x10", "--to", "2_0", "--steps", "2"}, []string{"--from", "16", "--to", "20", "--steps", "2"}},
	} {
		want := runOK(t, sweep(c.plain...)...)
		if got, stderr, code := runNegsim(t, sweep(c.written...)...); code != exitOK || got != want {
			t.Errorf("sweep %v: exit %d, %s%s\nwant what sweep %v prints:\n%s", c.written, code, got, stderr, c.plain, want)
		}
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--values", "16,017"}, "--values: 017 is ambiguous: some readers take a leading 0 as octal (15), others as decimal; write 17, or 0o17 for octal"},
		{[]string{"--values", "1__0"}, "--values: 1__0 has an underscore that is not between two digits; write 10 (an underscore may group digits, as in 1_000)"},
		{[]string{"--from", "017", "--to", "20"}, "--from 017: 017 is ambiguous: some readers take a leading 0 as octal (15), others as decimal; write 17, or 0o17 for octal"},
		{[]string{"--from", "10", "--to", "+-20"}, "--to +-20: +-20 has two signs; keep one, as in -20 or 20"},
		{[]string{"--from", "10", "--to", "Inf"}, "--to Inf: give a finite number"},
	} {
		wantRefused(t, c.want, sweep(c.args...)...)
	}
}

// sweep without --param suggests a path of the scenario at hand, its first veto actor's
// reservation, where it suggested actors.russia.reservation whatever the scenario, a path
// the trade scenario does not have. The what-if counts: with Ukraine's veto set aside, the
// default scenario's first veto actor is Russia.
func TestSweepWithoutParamSuggestsAPathOfTheScenario(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"sweep", tradeFile, "--from", "0", "--to", "1"},
			"negsim: sweep needs --param PATH, the number to vary, e.g. --param actors.buyer.reservation ('negsim params testdata/trade.yaml' lists the paths)\n"},
		{[]string{"sweep", "--values", "0.5"},
			"negsim: sweep needs --param PATH, the number to vary, e.g. --param actors.ukraine.reservation ('negsim params ukraine-2026' lists the paths)\n"},
		{[]string{"sweep", "--set", "actors.ukraine.veto=false"},
			"negsim: sweep needs --param PATH, the number to vary, e.g. --param actors.russia.reservation ('negsim params ukraine-2026' lists the paths)\n"},
	} {
		_, stderr, code := runNegsim(t, c.args...)
		if code != exitBadUse || stderr != c.want {
			t.Errorf("negsim %q: exit %d, stderr %q\nwant exit %d, %q", c.args, code, stderr, exitBadUse, c.want)
		}
	}
}

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
