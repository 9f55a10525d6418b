package sim

import "math"

// The bargaining solutions all maximise a criterion that never falls when a deal improves
// for every veto actor, so each is reached on the Pareto frontier and is computed from it.
// Ties within a relative 1e-12 go to the deal with the lowest option positions, issue by
// issue in file order; choosing among Pareto-optimal deals first means a solution is never a
// deal some other ZOPA deal dominates, even where the criterion (a minimum) ties.

// SolutionKind names a bargaining solution as the JSON does.
type SolutionKind string

// The bargaining solutions of MODEL.md section 2.
const (
	SolutionNash             SolutionKind = "nash"
	SolutionAsymmetricNash   SolutionKind = "asymmetric_nash"
	SolutionKalaiSmorodinsky SolutionKind = "kalai_smorodinsky"
	SolutionUtilitarian      SolutionKind = "utilitarian"
	SolutionEgalitarian      SolutionKind = "egalitarian"
)

// solutionTable is the one place the solutions are named, in the order they are reported:
// the JSON name, the title people read, where the answer goes in Solutions, and the
// criterion maximised. Every criterion breaks ties the same way (argmax): within a relative
// 1e-12, the frontier deal with the lowest option positions. Only the minima (Kalai–
// Smorodinsky, egalitarian) can tie between a deal and one that dominates it, and the
// frontier holds only the second.
var solutionTable = []struct {
	kind      SolutionKind
	title     string
	slot      func(*Solutions) **Solution
	criterion func(cx *criterionInputs, u []float64) float64
}{
	{SolutionNash, "Nash", func(s *Solutions) **Solution { return &s.Nash }, func(cx *criterionInputs, u []float64) float64 {
		return nashProduct(u, cx.res)
	}},
	{SolutionAsymmetricNash, "Asymmetric Nash", func(s *Solutions) **Solution { return &s.AsymmetricNash }, func(cx *criterionInputs, u []float64) float64 {
		p := 1.0
		for j := range u {
			p *= math.Pow(cx.surplus(u, j), cx.power[j]/cx.totalPower)
		}
		return p
	}},
	{SolutionKalaiSmorodinsky, "Kalai–Smorodinsky", func(s *Solutions) **Solution { return &s.KalaiSmorodinsky }, func(cx *criterionInputs, u []float64) float64 {
		m := math.Inf(1)
		for j := range u {
			ratio := 1.0
			if span := cx.best[j] - cx.res[j]; span > Tolerance {
				ratio = cx.surplus(u, j) / span
			}
			m = min(m, ratio)
		}
		return m
	}},
	{SolutionUtilitarian, "Utilitarian", func(s *Solutions) **Solution { return &s.Utilitarian }, func(_ *criterionInputs, u []float64) float64 {
		s := 0.0
		for _, x := range u {
			s += x
		}
		return s
	}},
	{SolutionEgalitarian, "Egalitarian", func(s *Solutions) **Solution { return &s.Egalitarian }, func(cx *criterionInputs, u []float64) float64 {
		m := math.Inf(1)
		for j := range u {
			m = min(m, cx.surplus(u, j))
		}
		return m
	}},
}

// Title is the solution's name as people read it.
func (k SolutionKind) Title() string {
	for _, row := range solutionTable {
		if row.kind == k {
			return row.title
		}
	}
	return string(k)
}

type criterion func(u []float64) float64

// criterionInputs is what the criteria read besides a deal's veto utilities: the veto
// actors' reservations and powers, and each one's best utility over the frontier.
type criterionInputs struct {
	res, power, best []float64
	totalPower       float64
}

func (cx *criterionInputs) surplus(u []float64, j int) float64 { return math.Max(0, u[j]-cx.res[j]) }

// criteria gathers what the criteria read over this frontier, given the veto actors'
// reservations and powers.
func (f frontier) criteria(res, power []float64) *criterionInputs {
	cx := &criterionInputs{res: res, power: power, best: make([]float64, f.nv)}
	for j := range cx.best {
		cx.best[j] = math.Inf(-1)
	}
	for _, e := range f.entries {
		for j := range e.vec {
			cx.best[j] = max(cx.best[j], e.vec[j])
		}
	}
	for _, p := range power {
		cx.totalPower += p
	}
	return cx
}

// of returns the criterion of one solution.
func (cx *criterionInputs) of(kind SolutionKind) criterion {
	for _, row := range solutionTable {
		if row.kind == kind {
			return func(u []float64) float64 { return row.criterion(cx, u) }
		}
	}
	panic("sim: no solution " + string(kind))
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
