package main

import (
	"encoding/json"
	"strings"
	"testing"
)

// Every output names the variant and the --set values that produced it, in its title and
// in its JSON, so that two saved results of one scenario can be told apart.
func TestEveryOutputNamesItsWhatIf(t *testing.T) {
	deals := writeTemp(t, "class.csv", "table,territory,recognition,guarantees,nato,military-limits,foreign-troops,sanctions,assets,sequencing,eu-path,language\n"+
		"red,freeze-dmz,de-facto,article5,not-now,cap,none,full-relief,shared-fund,deal-first,membership-path,minority-rights\n")
	deal := "territory=freeze-dmz,recognition=de-facto,guarantees=article5,nato=not-now,military-limits=cap,foreign-troops=none,sanctions=full-relief,assets=shared-fund,sequencing=deal-first,eu-path=membership-path,language=minority-rights"
	whatIf := []string{"--variant", "sanctions-bite", "--set", "actors.russia.reservation=0.5"}
	const title = "Ukraine–Russia–US talks, February 2026 (variant sanctions-bite, --set actors.russia.reservation=0.5)"
	commands := [][]string{
		{"analyze"},
		{"explain"},
		{"rounds"},
		{"sweep", "--param", "actors.ukraine.reservation", "--values", "0.4,0.5"},
		{"montecarlo", "--draws", "20"},
		{"score", "--deal", deal},
		{"debrief", "--deals", deals},
		{"brief"},
		{"brief", "--actor", "russia"},
		{"report"},
	}
	for _, c := range commands {
		t.Run(c[0], func(t *testing.T) {
			args := append(append([]string{}, c...), whatIf...)
			text, errOut, code := runNegsim(t, args...)
			if code != 0 {
				t.Fatalf("%v: exit %d: %s", args, code, errOut)
			}
			if first, _, _ := strings.Cut(text, "\n"); !strings.HasPrefix(first, title) {
				t.Errorf("%v: the title is %q; want it to start %q", args, first, title)
			}
			out, errOut, code := runNegsim(t, append(args, "--format", "json")...)
			if code != 0 {
				t.Fatalf("%v --format json: exit %d: %s", args, code, errOut)
			}
			var got struct {
				Variant   *string  `json:"variant"`
				Overrides []string `json:"overrides"`
			}
			if err := json.Unmarshal([]byte(out), &got); err != nil {
				t.Fatalf("%v: %v", args, err)
			}
			if got.Variant == nil || *got.Variant != "sanctions-bite" || strings.Join(got.Overrides, " ") != "actors.russia.reservation=0.5" {
				t.Errorf("%v --format json: variant %v, overrides %q; want sanctions-bite and [actors.russia.reservation=0.5]", args, got.Variant, got.Overrides)
			}
		})
	}
	// Without a what-if, JSON says so: no variant, no overrides.
	out, _, _ := runNegsim(t, "analyze", "teaching-two-party", "--format", "json")
	if !strings.Contains(out, `"variant": null`) || !strings.Contains(out, `"overrides": []`) {
		t.Errorf("analyze without a what-if: want variant null and no overrides:\n%.300s", out)
	}
}
