package sim

import (
	"math"
	"strings"
	"testing"
)

// A ratifier's veto is offered as false alone, with the reason, naming the actor it
// ratifies for as a reader knows it (North, the fixture's name, not the id north); every
// other actor's as true or false.
func TestParamsRatifierVetoByHand(t *testing.T) {
	// By hand on the decide fixture: left and right ratify for north; north, south and
	// press ratify for no one.
	want := map[string]int{"north": 0, "south": 0, "left": 1, "right": 1, "press": 0}
	for _, p := range decideFixture().Params() {
		id, ok := strings.CutSuffix(strings.TrimPrefix(p.Path, "actors."), ".veto")
		if !ok || strings.Contains(id, ".") {
			continue
		}
		if len(p.Choices) != want[id] || (want[id] == 1 && (p.Choices[0] != "false" || !strings.Contains(p.Note, "ratifies for North;"))) {
			t.Errorf("%s: choices %v, note %q; want %d choice(s), false alone for a ratifier of north", p.Path, p.Choices, p.Note, want[id])
		}
		delete(want, id)
	}
	if len(want) > 0 {
		t.Errorf("no veto row for %v", want)
	}
}

// An actor's only weight w ranges from onlyWeightMin(w) to w. The page's slider steps from
// the lower end by 10^floor(log10(range/100)) (stepOf in web/app.js), so the current value
// must lie a whole number of steps above the lower end, or the slider would show it moved
// (a weight of 100 from 0.01 in steps of 0.1 sits at 99.91). The ends, by hand: 100 from 1
// in steps of 0.1; 37 from 0.1 in steps of 0.1; 1 from 0.01 in steps of 0.001; 0.5 from
// 0.001 in steps of 0.001; 250 from 1 in steps of 1.
func TestOnlyWeightStaysOnTheSlidersSteps(t *testing.T) {
	for _, c := range []struct{ w, lo, step float64 }{{100, 1, 0.1}, {37, 0.1, 0.1}, {1, 0.01, 0.001}, {0.5, 0.001, 0.001}, {250, 1, 1}} {
		lo := onlyWeightMin(c.w)
		step := math.Pow(10, math.Floor(math.Log10((c.w-lo)/100)))
		if math.Abs(lo-c.lo) > 1e-12 || math.Abs(step-c.step) > 1e-12 {
			t.Errorf("weight %v: from %v in steps of %v, want from %v in steps of %v", c.w, lo, step, c.lo, c.step)
		}
		if n := (c.w - lo) / step; math.Abs(n-math.Round(n)) > 1e-6 {
			t.Errorf("weight %v is %v steps of %v above %v: off the slider's steps", c.w, n, step, lo)
		}
	}
}
