package main

import (
	"testing"
)

// A value written as a percentage, or with a decimal comma, gets the same hint wherever it is written: in the file
// (testdata/broken/percent-sign.txtar, decimal-comma.txtar), after --set and in sweep's --values. A reservation
// and a utility run from 0 to 1, so 60% of the way is 0.6 (60/100); a weight counts only by
// its ratio to the others, so 60% is written 60, without the sign. --set said only
// `expects a number, not "60%"`, and --values `"40%" is not a finite number`.
func TestPercentGetsTheFilesHintOnTheCommandLine(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"analyze", "teaching-two-party", "--set", "actors.candidate.reservation=60%"},
			`actors.candidate.reservation: expects a number, not "60%": write 0.6, the share of 1 that 60% is`},
		{[]string{"analyze", "teaching-two-party", "--set", "actors.candidate.preferences.salary.weight=60%"},
			`expects a number, not "60%": write 60, without the % sign`},
		{[]string{"analyze", "teaching-two-party", "--set", "actors.candidate.reservation=0,6"},
			`actors.candidate.reservation: expects a number, not "0,6": write 0.6, with a point for the decimals`},
		{[]string{"sweep", "teaching-two-party", "--param", "actors.candidate.reservation", "--values", "0.3,40%"},
			`--values: "40%" is not a number: write 0.4, the share of 1 that 40% is`},
	} {
		_, stderr, code := runNegsim(t, c.args...)
		if code == exitOK {
			t.Errorf("negsim %q succeeded", c.args)
		}
		wantContains(t, c.args[len(c.args)-1], stderr, c.want)
	}
}
