package main

import "testing"

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
