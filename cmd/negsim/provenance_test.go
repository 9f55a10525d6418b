package main

import (
	"strings"
	"testing"
)

// Every output names the variant and the --set values that produced it, in its title and
// in its JSON, so that two saved results of one scenario can be told apart.
func TestEveryOutputNamesItsWhatIf(t *testing.T) {
	deals := writeTemp(t, "class.csv", "table,territory,recognition,guarantees,nato,military-limits,foreign-troops,sanctions,assets,sequencing,eu-path,language,interim\n"+
		"red,freeze,de-facto,russia-role,not-now,cap,none,full-relief,shared-fund,deal-first,membership-path,russian-status,energy-and-ports\n")
	deal := "territory=freeze,recognition=de-facto,guarantees=russia-role,nato=not-now,military-limits=cap,foreign-troops=none,sanctions=full-relief,assets=shared-fund,sequencing=deal-first,eu-path=membership-path,language=russian-status,interim=energy-and-ports"
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
		{"sensitivity", "--only", "reservations"},
	}
	for _, c := range commands {
		t.Run(c[0], func(t *testing.T) {
			args := append(append([]string{}, c...), whatIf...)
			text := runOK(t, args...)
			if first, _, _ := strings.Cut(text, "\n"); !strings.HasPrefix(first, title) {
				t.Errorf("%v: the title is %q; want it to start %q", args, first, title)
			}
			got := runJSON[struct {
				Variant   *string  `json:"variant"`
				Overrides []string `json:"overrides"`
			}](t, args...)
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

// A scenario's stance (a teaching model, not a forecast) is one line under the title of
// every command that shows its results, and a field of their JSON.
func TestStanceShownWithResults(t *testing.T) {
	base := twoByTwoText(t)
	const stance = "A fixture for tests, not a forecast."
	file := writeTemp(t, "stance.yaml", strings.Replace(base, "description:", "stance: "+stance+"\ndescription:", 1)+
		"uncertainty:\n  actors.x.reservation: {dist: uniform, min: 0.2, max: 0.4}\n")
	for _, args := range [][]string{{"analyze"}, {"rounds"}, {"montecarlo", "--draws", "10"}, {"sweep", "--param", "actors.x.reservation", "--values", "0.3"}, {"report"}} {
		args = append(args[:1:1], append([]string{file}, args[1:]...)...)
		out := runOK(t, args...)
		if lines := strings.SplitN(out, "\n", 5); len(lines) < 4 || lines[3] != "Stance: "+stance {
			t.Errorf("%v: want the stance on the line after the title:\n%.300s", args, out)
		}
		js, _, _ := runNegsim(t, append(args, "--format", "json")...)
		if !strings.Contains(js, `"stance": "`+stance+`"`) {
			t.Errorf("%v --format json: no stance field", args)
		}
	}
	if out, _, _ := runNegsim(t, "compare", file, file, "--set", "actors.x.reservation=0.2"); !strings.Contains(out, "Stance: "+stance) {
		t.Errorf("compare shows no stance:\n%.300s", out)
	}
}

// sensitivity's title names the what-if and its stance stands beneath, as every other
// result's do.
func TestSensitivityTitleNamesItsWhatIf(t *testing.T) {
	out := runOK(t, "sensitivity", "teaching-two-party", "--set", "actors.candidate.reservation=0.45", "--limit", "1")
	lines := strings.SplitN(out, "\n", 5)
	const title = "Job offer (teaching example, two parties) (--set actors.candidate.reservation=0.45): what would it take"
	const stance = "Stance: A teaching example with made-up numbers, not a model of any real negotiation."
	if len(lines) < 4 || lines[0] != title || lines[3] != stance {
		t.Errorf("want the title %q and the stance %q beneath it:\n%.400s", title, stance, out)
	}
}
