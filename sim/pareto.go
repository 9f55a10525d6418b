package sim

import (
	"slices"
)

// dominates reports whether utility vector a Pareto-dominates b: no worse for anyone and
// better for someone, where differences within Tolerance count as equal.
func dominates(a, b []float64) bool {
	strict := false
	for i := range a {
		if a[i] < b[i]-Tolerance {
			return false
		}
		if a[i] > b[i]+Tolerance {
			strict = true
		}
	}
	return strict
}

// archive keeps the deals no deal seen so far dominates, with their veto actors' utilities.
// Deals with equal utility vectors are all kept: each is Pareto-optimal.
type archive struct {
	nv      int
	vecs    []float64 // flat, nv per deal
	choices [][]int
}

func (ar *archive) vec(i int) []float64 { return ar.vecs[i*ar.nv : (i+1)*ar.nv] }

func (ar *archive) insert(u []float64, choice []int) {
	for i := 0; i < len(ar.choices); {
		v := ar.vec(i)
		if dominates(v, u) {
			return
		}
		if dominates(u, v) {
			ar.remove(i)
			continue
		}
		i++
	}
	ar.vecs = append(ar.vecs, u...)
	ar.choices = append(ar.choices, slices.Clone(choice))
}

func (ar *archive) remove(i int) {
	last := len(ar.choices) - 1
	copy(ar.vec(i), ar.vec(last))
	ar.choices[i] = ar.choices[last]
	ar.vecs = ar.vecs[:last*ar.nv]
	ar.choices = ar.choices[:last]
}

// frontier is a final Pareto set in canonical order: by option positions, issue by issue.
type frontier struct {
	nv      int
	vecs    [][]float64
	choices [][]int
}

func (ar *archive) frontier() frontier {
	idx := make([]int, len(ar.choices))
	for i := range idx {
		idx[i] = i
	}
	slices.SortFunc(idx, func(a, b int) int { return slices.Compare(ar.choices[a], ar.choices[b]) })
	f := frontier{nv: ar.nv}
	for _, i := range idx {
		f.vecs = append(f.vecs, slices.Clone(ar.vec(i)))
		f.choices = append(f.choices, ar.choices[i])
	}
	return f
}

// distinct counts the different utility vectors on the frontier, equal within Tolerance.
func (f frontier) distinct() int {
	vs := slices.Clone(f.vecs)
	slices.SortFunc(vs, slices.Compare)
	n := 0
	for i := range vs {
		if i == 0 || !sameVec(vs[i], vs[i-1]) {
			n++
		}
	}
	return n
}

func sameVec(a, b []float64) bool {
	for i := range a {
		if a[i]-b[i] > Tolerance || b[i]-a[i] > Tolerance {
			return false
		}
	}
	return true
}
