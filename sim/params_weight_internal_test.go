package sim

import (
	"math"
	"testing"
)

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
