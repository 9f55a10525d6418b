package sim

import (
	"context"
	"fmt"
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"
)

// SweepOptions tune a sweep.
type SweepOptions struct {
	// Tolerance is how narrow a threshold's bracket must become; 0 means 1e-6.
	Tolerance float64
	Workers   int
}

// Sweep is a scenario analysed at a series of values of one path. Its JSON form is a
// public contract.
type Sweep struct {
	Scenario  string       `json:"scenario"`
	Path      string       `json:"path"`
	Tolerance float64      `json:"tolerance"`
	Points    []SweepPoint `json:"points"`
	// Thresholds are where the ZOPA opens or closes between two neighbouring points,
	// narrowed by bisection to a bracket no wider than Tolerance.
	Thresholds []Threshold `json:"thresholds"`
	// Veto lists the veto actors whose surplus each point reports, in file order.
	Veto []string `json:"veto"`
	// Requested is the number of values asked for; Points holds fewer only when the sweep
	// was interrupted, and then Interrupted is set and the report covers those points.
	Requested   int  `json:"requested"`
	Interrupted bool `json:"interrupted"`
}

// SweepPoint is the analysis at one value of the swept path.
type SweepPoint struct {
	Value float64 `json:"value"`
	ZOPA  uint64  `json:"zopa"`
	// Nash is the Nash solution's options, nil when the ZOPA is empty.
	Nash map[string]string `json:"nash"`
	// NashChanged is set when the Nash deal differs from the previous point's, including
	// when it appears or disappears. The first point never changes.
	NashChanged bool `json:"nash_changed"`
	// Changed names the issues whose Nash option differs from the previous point's.
	Changed []string `json:"changed,omitempty"`
	// Surplus is each veto actor's surplus at the Nash deal; empty when there is none.
	Surplus map[string]float64 `json:"surplus"`
	choice  []int
}

// Threshold brackets a value where the ZOPA opens (becomes non-empty as the path moves
// from the earlier point to the later one) or closes.
type Threshold struct {
	Kind HeadlineChange `json:"kind"` // ChangeOpens or ChangeCloses
	From float64        `json:"from"` // the side of the bracket at the earlier point's state
	To   float64        `json:"to"`   // the side at the later point's state
	// At is a value past the change, within the tolerance of the true threshold, with the
	// fewest decimals a count confirms: --set with it shows the changed zone.
	At float64 `json:"at"`
}

// SweepValues are n evenly spaced values from a to b, both included.
func SweepValues(a, b float64, n int) []float64 {
	if n <= 1 {
		return []float64{a}
	}
	out := make([]float64, n)
	for i := range out {
		// Twelve significant digits keep the decimals asked for (0.65, not the
		// 0.6499999999999999 of 0.5 + 0.2·3/4), far inside any threshold's tolerance.
		x := a + (b-a)*float64(i)/float64(n-1)
		out[i], _ = strconv.ParseFloat(strconv.FormatFloat(x, 'g', 12, 64), 64)
	}
	out[n-1] = b
	return out
}

// RunSweep analyses the compiled scenario with path set to each value in turn; each value
// makes a new scenario, validated and compiled on its own.
func RunSweep(ctx context.Context, base *Space, path string, values []float64, opt SweepOptions) (*Sweep, error) {
	sc := base.sc
	cur, err := sc.Get(path)
	if err != nil {
		return nil, err
	}
	switch cur.(type) {
	case float64, int:
	default:
		return nil, &PathError{path, fmt.Sprintf("holds %s; a sweep varies a number", KindWords(reflect.TypeOf(cur)))}
	}
	tol := opt.Tolerance
	if tol <= 0 {
		tol = 1e-6
	}
	sw := &Sweep{Scenario: sc.Name, Path: path, Tolerance: tol, Points: []SweepPoint{}, Thresholds: []Threshold{}, Veto: []string{}, Requested: len(values)}
	// Stopped by a timeout or Ctrl-C, the sweep returns the points finished so far with
	// the error, so that the caller can report them as such.
	stopped := func(err error) (*Sweep, error) {
		if ctx.Err() != nil {
			sw.Interrupted = true
			return sw, err
		}
		return nil, err
	}
	for _, a := range sc.Actors {
		if a.Veto {
			sw.Veto = append(sw.Veto, a.ID)
		}
	}
	for i, x := range values {
		// Each value's search may finish without looking at ctx (a small space is walked
		// between its checks), so a long sweep of quick values asks between them.
		if err := ctx.Err(); err != nil {
			return stopped(err)
		}
		sp, err := sweepSpace(sc, path, x, opt)
		if err != nil {
			return nil, err
		}
		res := sp.reservations()
		zs, err := searchZOPA(ctx, sp, res, opt.Workers, false)
		if err != nil {
			return stopped(err)
		}
		pt := SweepPoint{Value: x, ZOPA: zs.count, Surplus: map[string]float64{}}
		if n := zs.nash(); n >= 0 {
			pt.choice = zs.front.entries[n].choice
			pt.Nash = sp.optionsOf(pt.choice)
			for _, a := range sp.veto {
				pt.Surplus[sc.Actors[a].ID] = presentable(sp.Utility(a, pt.choice) - res[a])
			}
		}
		if i > 0 {
			prev := sw.Points[i-1]
			pt.NashChanged = !slices.Equal(prev.choice, pt.choice)
			if prev.choice != nil && pt.choice != nil {
				for k := range sc.Issues {
					if prev.choice[k] != pt.choice[k] {
						pt.Changed = append(pt.Changed, sc.Issues[k].ID)
					}
				}
			}
			if (prev.ZOPA > 0) != (pt.ZOPA > 0) {
				th, err := bisect(ctx, sc, path, prev.Value, x, prev.ZOPA > 0, tol, opt)
				if err != nil {
					return stopped(err)
				}
				sw.Thresholds = append(sw.Thresholds, th)
			}
		}
		sw.Points = append(sw.Points, pt)
	}
	return sw, nil
}

// sweepSpace compiles the scenario with path set to x.
func sweepSpace(sc *Scenario, path string, x float64, opt SweepOptions) (*Space, error) {
	cp := sc.Clone()
	if err := cp.Set(path, x); err != nil {
		return nil, err
	}
	if errs := cp.Validate().Errors(); len(errs) > 0 {
		msgs := make([]string, len(errs))
		for i, e := range errs {
			msgs[i] = e.String()
		}
		return nil, &PathError{path, fmt.Sprintf("the value %g leaves the scenario invalid: %s", x, strings.Join(msgs, "; "))}
	}
	sp, err := compile(cp)
	if err != nil {
		return nil, err
	}
	if sp.tooMany {
		return nil, &SpaceTooLargeError{Overflow: true}
	}
	return sp, nil
}

// zoneOpenAt says whether the zone holds a deal with path set to x.
func zoneOpenAt(ctx context.Context, sc *Scenario, path string, x float64, opt SweepOptions) (bool, error) {
	sp, err := sweepSpace(sc, path, x, opt)
	if err != nil {
		return false, err
	}
	n, err := sp.Count(ctx, sp.reservations(), opt.Workers)
	return n > 0, err
}

// bisect narrows the bracket [a, b] in which the ZOPA's emptiness changes: at a it is
// open when openAtA is set. It assumes a single change inside; with several it finds one.
func bisect(ctx context.Context, sc *Scenario, path string, a, b float64, openAtA bool, tol float64, opt SweepOptions) (Threshold, error) {
	th := Threshold{Kind: ChangeOpens}
	if openAtA {
		th.Kind = ChangeCloses
	}
	// A whole-number path has no values between neighbours to try.
	cur, _ := sc.Get(path)
	_, whole := cur.(int)
	for !whole && math.Abs(b-a) > tol {
		mid := a + (b-a)/2
		if mid == a || mid == b {
			break
		}
		if err := ctx.Err(); err != nil {
			return th, err
		}
		open, err := zoneOpenAt(ctx, sc, path, mid, opt)
		if err != nil {
			return th, err
		}
		if open == openAtA {
			a = mid
		} else {
			b = mid
		}
	}
	th.From, th.To = a, b
	var err error
	th.At, err = sweepPasteable(ctx, sc, path, a, b, openAtA, tol, opt)
	return th, err
}

// sweepPasteable is the value a threshold reports, since a student pastes it into --set: the
// one with the fewest decimals on the changed side of a, no farther from a than tol (so no
// farther from the true threshold, which lies in (a, b]), at which a count confirms the
// change. The bracket's midpoint can lie a hair on the unchanged side. When no
// such decimal confirms, b, where the change was seen, stands.
func sweepPasteable(ctx context.Context, sc *Scenario, path string, a, b float64, openAtA bool, tol float64, opt SweepOptions) (float64, error) {
	dir := 1.0
	if b < a {
		dir = -1
	}
	for d := 0; d <= 12; d++ {
		step := math.Pow(10, -float64(d))
		// The d-place decimals on either side of b; the one nearer a first.
		lo, hi := math.Floor(b/step)*step, math.Ceil(b/step)*step
		cands := []float64{lo, hi}
		if dir < 0 {
			cands = []float64{hi, lo}
		}
		for _, x := range cands {
			x = presentable(x)
			if past := dir * (x - a); past <= 0 || past > tol {
				continue
			}
			open, err := zoneOpenAt(ctx, sc, path, x, opt)
			if err != nil {
				return b, err
			}
			if open != openAtA {
				return x, nil
			}
		}
	}
	return b, nil
}
