package web_test

import (
	"context"
	"encoding/json"
	"regexp"
	"slices"
	"strconv"
	"testing"

	"github.com/negsim/negsim/api"
	"github.com/negsim/negsim/scenarios"
	"github.com/negsim/negsim/sim"
)

// The page asks params again after a slider move only when the value moved is one that
// app.js's KEEPS_BOUNDS does not name. This test holds that list to the engine: on every
// shipped scenario, each value the list names is set to other values it may take (each end
// of its range, the other position of a switch, another option, every option or the first
// alone of a list), and params must then give every other value the range, choices and
// note it gave before. A path added to the list that some bound or note hangs on (a
// ratification's votes, on which its ratifiers' bounds hang) fails here, where on the page
// it would leave a note saying the file's bound.
func TestKeepsBoundsChangesNoBound(t *testing.T) {
	m := declared(t, "app.js", `(?m)^const KEEPS_BOUNDS = /(.*)/;$`, "const KEEPS_BOUNDS = /.../; update this test to where the page says which moves leave the bounds")
	keeps, err := regexp.Compile(string(m[1]))
	if err != nil {
		t.Fatalf("KEEPS_BOUNDS is no pattern Go reads: %v", err)
	}
	// The votes a ratification asks bound its ratifiers' votes (MODEL.md, section 6), and
	// a weight bounds the actor's other weights: neither may be in the list.
	for _, bounding := range []string{"actors.ukraine.ratification.votes_needed", "actors.ukraine.ratification.by", "actors.ukraine.votes", "decision.votes_needed", "actors.ukraine.veto", "actors.ukraine.preferences.nato.weight", "protocol.rounds"} {
		if keeps.MatchString(bounding) {
			t.Errorf("KEEPS_BOUNDS names %s, on which other values' bounds hang", bounding)
		}
	}
	a := api.New(api.Options{Workers: 1})
	params := func(q api.Query) ([]sim.Param, error) {
		req, err := json.Marshal(q)
		if err != nil {
			t.Fatal(err)
		}
		out, err := a.Handle(context.Background(), "params", req)
		if err != nil {
			return nil, err
		}
		var r api.ParamsResponse
		if err := json.Unmarshal(out, &r); err != nil {
			t.Fatal(err)
		}
		return r.Params, nil
	}
	tried := map[string]int{}
	for _, name := range scenarios.Names() {
		before, err := params(api.Query{Scenario: name})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for _, p := range before {
			if !keeps.MatchString(p.Path) {
				continue
			}
			for _, v := range otherValues(p) {
				set := p.Path + "=" + v
				after, err := params(api.Query{Scenario: name, Set: []string{set}})
				if err != nil {
					// A value validation refuses keeps the page's last bounds.
					continue
				}
				tried[name]++
				for _, q := range after {
					i := slices.IndexFunc(before, func(b sim.Param) bool { return b.Path == q.Path })
					if i < 0 {
						continue
					}
					b := before[i]
					if q.Path != p.Path && (!samePtr(b.Min, q.Min) || !samePtr(b.Max, q.Max)) {
						t.Errorf("%s --set %s: %s ranges %s to %s, where the file gives %s to %s", name, set, q.Path, text(q.Min), text(q.Max), text(b.Min), text(b.Max))
					}
					if q.Note != b.Note || !slices.Equal(q.Choices, b.Choices) {
						t.Errorf("%s --set %s: %s has choices %v and note %q, where the file gives %v and %q", name, set, q.Path, q.Choices, q.Note, b.Choices, b.Note)
					}
				}
			}
		}
	}
	for _, name := range scenarios.Names() {
		if tried[name] == 0 {
			t.Errorf("%s: no value KEEPS_BOUNDS names could be changed", name)
		}
	}
}

// otherValues are values the row p may take other than its own: each end of a range, the
// other position of a switch, another option, and for a list every option and the first
// alone.
func otherValues(p sim.Param) []string {
	var vs []string
	add := func(v string) {
		if v != p.Value && !slices.Contains(vs, v) {
			vs = append(vs, v)
		}
	}
	switch p.Kind {
	case sim.ParamNumber, sim.ParamInteger:
		if p.Min != nil {
			add(strconv.FormatFloat(*p.Min, 'g', -1, 64))
			add(strconv.FormatFloat(*p.Max, 'g', -1, 64))
		}
	case sim.ParamBool:
		add(strconv.FormatBool(p.Value != "true"))
	case sim.ParamOption:
		for _, c := range p.Choices {
			add(c)
			if len(vs) > 0 {
				break
			}
		}
	case sim.ParamOptions:
		if len(p.Choices) > 0 {
			add(sim.FlowList(p.Choices))
			add(sim.FlowList(p.Choices[:1]))
		}
	}
	return vs
}

func samePtr(a, b *float64) bool { return a == nil && b == nil || a != nil && b != nil && *a == *b }

func text(x *float64) string {
	if x == nil {
		return "none"
	}
	return strconv.FormatFloat(*x, 'g', -1, 64)
}
