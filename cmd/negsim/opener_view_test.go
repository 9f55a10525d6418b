package main

import (
	"strings"
	"testing"
)

// testdata/opener-at-home.yaml works the numbers out by hand: dropping north's red line lets
// in b and c at the table, of which only b is ratified. With right narrowed to a (worth 0
// to it, below its .5) right ratifies nothing, so neither deal passes at home. Every text
// format says both counts; JSON gives them as deals and in_zone.
func TestOpenerSaysWhatPassesAtHome(t *testing.T) {
	const file = "testdata/opener-at-home.yaml"
	for _, tc := range []struct {
		set  []string
		want string
		json string
	}{
		{nil, "lets in 2 deals at the table, of which 1 is ratified at home", `"deals": 2,
        "in_zone": 1`},
		{[]string{"--set", "actors.right.preferences.x.acceptable=[a]"},
			"lets in 2 deals at the table, none of which is ratified at home: the zone stays empty; North's ratifiers (Left, Right) reject them",
			`"in_zone": 0,
        "blocked_at_home": [
          "north"
        ]`},
	} {
		for _, format := range []string{"table", "markdown", "html"} {
			out := runOK(t, append([]string{"analyze", file, "--format", format}, tc.set...)...)
			want := tc.want
			if format == "html" {
				want = strings.ReplaceAll(want, "'", "&#39;")
			}
			if !strings.Contains(out, want) {
				t.Errorf("%v %s: no %q in\n%s", tc.set, format, want, out)
			}
		}
		out := runOK(t, append([]string{"analyze", file, "--format", "json"}, tc.set...)...)
		if !strings.Contains(out, tc.json) {
			t.Errorf("%v json: no %q in\n%s", tc.set, tc.json, out)
		}
	}
}
