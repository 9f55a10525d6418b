package sim

import (
	"context"
	"slices"
	"sort"
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

// dominatesBound is dominates with the bound's rounding slack added on every side, for
// pruning: a subtree is skipped only when a deal found dominates even its best completion.
func dominatesBound(a, bound []float64) bool {
	strict := false
	for i := range a {
		if a[i] < bound[i]-Tolerance+boundSlack {
			return false
		}
		if a[i] > bound[i]+Tolerance+boundSlack {
			strict = true
		}
	}
	return strict
}

func sameVec(a, b []float64) bool {
	for i := range a {
		if a[i]-b[i] > Tolerance || b[i]-a[i] > Tolerance {
			return false
		}
	}
	return true
}

// entry is one utility vector of the frontier with the deals that reach it: how many, and
// the one with the lowest option positions, which stands for them all.
type entry struct {
	vec    []float64
	count  uint64
	choice []int
}

// archive holds the vectors no deal seen so far dominates. Its size is the frontier's,
// whatever the size of the space.
type archive struct {
	entries []entry
}

func (ar *archive) insert(u []float64, choice []int) {
	for i := range ar.entries {
		if dominates(ar.entries[i].vec, u) {
			return
		}
	}
	for i := range ar.entries {
		e := &ar.entries[i]
		if sameVec(e.vec, u) {
			e.count++
			if slices.Compare(choice, e.choice) < 0 {
				copy(e.choice, choice)
				copy(e.vec, u)
			}
			return
		}
	}
	kept := ar.entries[:0]
	for _, e := range ar.entries {
		if !dominates(u, e.vec) {
			kept = append(kept, e)
		}
	}
	ar.entries = append(kept, entry{vec: slices.Clone(u), count: 1, choice: slices.Clone(choice)})
}

func (ar *archive) prunes(bound []float64) bool {
	for i := range ar.entries {
		if dominatesBound(ar.entries[i].vec, bound) {
			return true
		}
	}
	return false
}

// frontier is the final Pareto set, ordered by option positions issue by issue.
type frontier struct {
	nv      int
	entries []entry
}

// deals is the number of Pareto-optimal deals; len(entries) the distinct vectors.
func (f frontier) deals() int {
	n := 0
	for _, e := range f.entries {
		n += int(e.count)
	}
	return n
}

// frontierIndex answers contains for many deals, as a listing of a million asks: the
// vectors sorted by their first utility, so that only those within the tolerance of a
// deal's first utility are compared instead of the whole frontier.
type frontierIndex struct {
	vecs [][]float64
}

func (f frontier) index() frontierIndex {
	vecs := make([][]float64, len(f.entries))
	for i, e := range f.entries {
		vecs[i] = e.vec
	}
	sort.Slice(vecs, func(i, j int) bool { return vecs[i][0] < vecs[j][0] })
	return frontierIndex{vecs: vecs}
}

func (x frontierIndex) contains(u []float64) bool {
	if len(u) == 0 {
		return len(x.vecs) > 0
	}
	i := sort.Search(len(x.vecs), func(i int) bool { return x.vecs[i][0] >= u[0]-Tolerance })
	for ; i < len(x.vecs) && x.vecs[i][0] <= u[0]+Tolerance; i++ {
		if sameVec(x.vecs[i], u) {
			return true
		}
	}
	return false
}

// frontier finds the Pareto frontier of the ZOPA by divide and conquer over issues, or by
// search when constraints couple too many issues to fuse.
func (t *tree) frontier(ctx context.Context) (frontier, error) {
	if f, ok, err := t.paretoDC(ctx); ok || err != nil {
		return f, err
	}
	return t.paretoSearch(ctx)
}

// paretoSearch walks the ZOPA depth-first, best options first, keeping the archive of
// undominated vectors and skipping every subtree whose best completion a deal already
// found dominates.
func (t *tree) paretoSearch(ctx context.Context) (frontier, error) {
	ar := &archive{}
	bound := make([]float64, t.nv)
	s := t.newSearch()
	err := s.run(ctx,
		func(d int, u []float64) bool {
			if d == t.issues {
				return false
			}
			for j := range bound {
				bound[j] = u[j] + t.maxSuf[j][d]
			}
			return ar.prunes(bound)
		},
		func(u []float64) {
			if t.leafOK(u) {
				ar.insert(u, s.choice)
			}
		})
	if err != nil {
		return frontier{}, err
	}
	f := frontier{nv: t.nv, entries: ar.entries}
	slices.SortFunc(f.entries, func(a, b entry) int { return slices.Compare(a.choice, b.choice) })
	return f, nil
}
