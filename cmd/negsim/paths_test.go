package main

import (
	"encoding/json"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/negsim/negsim/config"
	"github.com/negsim/negsim/internal/scenariotest"
	"github.com/negsim/negsim/scenarios"
	"github.com/negsim/negsim/sim"
)

// printedPaths collects every "path" a JSON document holds, at any depth: the openers of a
// diagnosis, warnings, validation problems.
func printedPaths(t *testing.T, out string) []string {
	t.Helper()
	doc := decodeJSON[any](t, "a JSON document with paths", out)
	seen := map[string]bool{}
	var walk func(v any)
	walk = func(v any) {
		switch x := v.(type) {
		case map[string]any:
			if p, ok := x["path"].(string); ok && p != "" {
				seen[p] = true
			}
			for _, e := range x {
				walk(e)
			}
		case []any:
			for _, e := range x {
				walk(e)
			}
		}
	}
	walk(doc)
	paths := make([]string, 0, len(seen))
	for p := range seen {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	return paths
}

// TestPrintedPathsWorkInSet is the promise that a student can reuse what negsim prints:
// every path in analyze's JSON for every shipped scenario and variant (the diagnosis's
// openers and the warnings) is a row of negsim params, and --set PATH=VALUE with the value
// params shows is accepted and changes nothing in the analysis.
func TestPrintedPathsWorkInSet(t *testing.T) {
	checked := 0
	for _, name := range scenarios.Names() {
		targets := []string{name}
		for _, v := range scenariotest.Shipped(t, name, "").Scenario.Variants {
			targets = append(targets, name+"#"+v.ID)
		}
		for _, target := range targets {
			analysis := runOK(t, "analyze", target, "--format", "json")
			params := runJSON[struct{ Params []sim.Param }](t, "params", target)
			values := map[string]string{}
			for _, p := range params.Params {
				values[p.Path] = p.Value
			}
			for _, path := range printedPaths(t, analysis) {
				value, ok := values[path]
				if !ok {
					t.Errorf("%s: analyze prints %s, which params does not list", target, path)
					continue
				}
				again, stderr, code := runNegsim(t, "analyze", target, "--format", "json", "--set", path+"="+value)
				if code != exitOK {
					t.Errorf("%s: --set %s=%s refused: %s", target, path, value, stderr)
				} else if withoutOverrides(t, again) != withoutOverrides(t, analysis) {
					t.Errorf("%s: --set %s=%s, the value params shows, changed the analysis", target, path, value)
				}
				checked++
			}
		}
	}
	// The reference scenario alone prints three openers as shipped (two red lines and a
	// constraint), and the teaching files warnings: a run that checks nothing is broken.
	if checked < 5 {
		t.Errorf("checked %d printed paths; the shipped scenarios print more", checked)
	}
}

// TestValidatePathsAreParams: every path validate prints for the broken corpus that leads
// to a value of the file as it was read is a row of params for that file, and setting the
// row's value back changes nothing. The files do not load, so params and --set are taken
// from the engine on the scenario as decoded, as far as it could be.
func TestValidatePathsAreParams(t *testing.T) {
	checked := 0
	for _, c := range brokenCases(t) {
		path := writeTemp(t, c.file, string(c.data))
		out, _, _ := runNegsim(t, "validate", "--format", "json", path)
		sc, _ := config.Decode(c.file, c.data)
		if sc == nil {
			continue // not a scenario at all: no path of it exists
		}
		params := sc.Params()
		for _, p := range printedPaths(t, out) {
			v, err := sc.Get(p)
			if err != nil {
				continue
			}
			// A list the decoder could not read is absent from the file as read: params
			// shows its default (every option) in its place, which is not what was written.
			if rv := reflect.ValueOf(v); (rv.Kind() == reflect.Slice || rv.Kind() == reflect.Map) && rv.IsNil() {
				continue
			}
			// A variant's override is a what-if written in the file, not a value of the
			// scenario: params lists what the variant changes once it is applied.
			if strings.HasPrefix(p, "variants.") {
				continue
			}
			i := slices.IndexFunc(params, func(row sim.Param) bool { return row.Path == p })
			if i < 0 {
				t.Errorf("%s: validate prints %s, which params does not list", c.name, p)
				continue
			}
			cp := sc.Clone()
			if err := cp.Set(p, params[i].Value); err != nil {
				t.Errorf("%s: --set %s=%s refused: %v", c.name, p, params[i].Value, err)
			} else if !reflect.DeepEqual(cp, sc) {
				t.Errorf("%s: --set %s=%s, the value params shows, changed the scenario", c.name, p, params[i].Value)
			}
			checked++
		}
	}
	if checked < 20 {
		t.Errorf("checked %d paths; the corpus prints more that exist", checked)
	}
}

// withoutOverrides is an analysis in JSON without its "overrides", which name the --set
// values a result was computed with and so differ by design.
func withoutOverrides(t *testing.T, js string) string {
	t.Helper()
	m := decodeJSON[map[string]any](t, "analyze", js)
	delete(m, "overrides")
	out, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

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
