package sim

import "math"

// The bargaining solutions all maximise a criterion that never falls when a deal improves
// for every veto actor, so each is reached on the Pareto frontier and is computed from it.
// Ties within a relative 1e-12 go to the deal with the lowest option positions, issue by
// issue in file order; choosing among Pareto-optimal deals first means a solution is never a
// deal some other ZOPA deal dominates, even where the criterion (a minimum) ties.

// solutionKinds in the order they are reported.
var solutionKinds = []string{"nash", "asymmetric_nash", "kalai_smorodinsky", "utilitarian", "egalitarian"}

type criterion func(u []float64) float64

func (f frontier) criteria(res, power []float64) map[string]criterion {
	nv := f.nv
	surplus := func(u []float64, j int) float64 { return math.Max(0, u[j]-res[j]) }
	best := make([]float64, nv)
	for j := range best {
		best[j] = math.Inf(-1)
	}
	for _, e := range f.entries {
		for j := range e.vec {
			best[j] = max(best[j], e.vec[j])
		}
	}
	totalPower := 0.0
	for _, p := range power {
		totalPower += p
	}
	return map[string]criterion{
		"nash": func(u []float64) float64 {
			p := 1.0
			for j := range u {
				p *= surplus(u, j)
			}
			return p
		},
		"asymmetric_nash": func(u []float64) float64 {
			p := 1.0
			for j := range u {
				p *= math.Pow(surplus(u, j), power[j]/totalPower)
			}
			return p
		},
		"kalai_smorodinsky": func(u []float64) float64 {
			m := math.Inf(1)
			for j := range u {
				ratio := 1.0
				if span := best[j] - res[j]; span > Tolerance {
					ratio = surplus(u, j) / span
				}
				m = min(m, ratio)
			}
			return m
		},
		"utilitarian": func(u []float64) float64 {
			s := 0.0
			for _, x := range u {
				s += x
			}
			return s
		},
		"egalitarian": func(u []float64) float64 {
			m := math.Inf(1)
			for j := range u {
				m = min(m, surplus(u, j))
			}
			return m
		},
	}
}

// argmax returns the index of the frontier deal that maximises c, or -1 on an empty
// frontier. The frontier is in canonical order, so the first deal within the tie margin of
// the maximum is the one with the lowest positions.
func (f frontier) argmax(c criterion) int {
	if len(f.entries) == 0 {
		return -1
	}
	top := math.Inf(-1)
	vals := make([]float64, len(f.entries))
	for i, e := range f.entries {
		vals[i] = c(e.vec)
		top = max(top, vals[i])
	}
	margin := 1e-12 * max(1, math.Abs(top))
	for i, x := range vals {
		if x >= top-margin {
			return i
		}
	}
	return -1
}
