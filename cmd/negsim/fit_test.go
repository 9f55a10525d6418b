package main

import (
	"strings"
	"testing"

	"github.com/mattn/go-runewidth"
)

// Tables fit a terminal of --width columns (a terminal's own width by default): the
// reference scenario's deal table is 259 columns wide in full and its rounds table 474.
// Every line of a table stays within the width, and a deal still reads issue by issue.
func TestTablesFitTheWidth(t *testing.T) {
	for _, args := range [][]string{
		{"analyze", "--variant", "sanctions-bite", "--limit", "5"},
		{"rounds"},
		{"compare", "ukraine-2026", "ukraine-2026#sanctions-bite"},
		{"montecarlo", "--draws", "50"},
	} {
		full, _, _ := runNegsim(t, args...)
		fitted := runOK(t, append(args, "--width", "100")...)
		if widest(full) <= 100 {
			t.Errorf("%v: the full output is only %d wide; the case does not test fitting", args, widest(full))
		}
		if w := widest(fitted); w > 100 {
			t.Errorf("%v --width 100: a line %d columns wide", args, w)
		}
		wide, _, _ := runNegsim(t, append(args, "--width", "100", "--wide")...)
		if wide != full {
			t.Errorf("%v: --wide does not give the full tables", args)
		}
	}
	fitted, _, _ := runNegsim(t, "analyze", "--variant", "sanctions-bite", "--limit", "5", "--width", "100")
	wantContains(t, "the fitted deal table", fitted, "── # 1 ─", "  territory        freeze-dmz\n", "  Nash product     0.001436\n")
}

func widest(text string) int {
	most := 0
	for _, line := range strings.Split(text, "\n") {
		most = max(most, runewidth.StringWidth(line))
	}
	return most
}
