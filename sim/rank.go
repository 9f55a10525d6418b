package sim

import (
	"container/heap"
	"context"
	"slices"
)

// ranked is a listed deal with the score it is ranked by. The deal is kept as its position
// in the space (Space.index), 8 bytes whatever the number of issues, so that a listing of a
// million deals holds 16 MB; positions order deals as their option positions do, issue by
// issue in file order.
type ranked struct {
	score float64
	pos   uint64
}

// before orders deals best first: higher score, then lower option positions.
func before(a, b ranked) bool {
	if a.score != b.score {
		return a.score > b.score
	}
	return a.pos < b.pos
}

// topK keeps the k best deals offered. It is a heap with the worst kept deal on top, so
// an offer costs O(log k) even when --all asks for a million.
type topK struct {
	k     int
	items []ranked
}

func (t *topK) Len() int           { return len(t.items) }
func (t *topK) Less(i, j int) bool { return before(t.items[j], t.items[i]) }
func (t *topK) Swap(i, j int)      { t.items[i], t.items[j] = t.items[j], t.items[i] }
func (t *topK) Push(x any)         { t.items = append(t.items, x.(ranked)) }
func (t *topK) Pop() any {
	last := t.items[len(t.items)-1]
	t.items = t.items[:len(t.items)-1]
	return last
}

func (t *topK) full() bool { return len(t.items) == t.k }

func (t *topK) offer(score float64, pos uint64) {
	if t.k <= 0 {
		return
	}
	cand := ranked{score: score, pos: pos}
	if t.full() {
		if !before(cand, t.items[0]) {
			return
		}
		t.items[0] = cand
		heap.Fix(t, 0)
		return
	}
	heap.Push(t, cand)
}

func (t *topK) sorted() []ranked {
	out := slices.Clone(t.items)
	slices.SortFunc(out, func(a, b ranked) int {
		switch {
		case before(a, b):
			return -1
		case before(b, a):
			return 1
		}
		return 0
	})
	return out
}

// bestByNash finds the k ZOPA deals with the highest Nash product of the veto actors'
// surpluses over res, by branch and bound: once k deals are held, a subtree whose best
// completion cannot beat the worst of them is skipped. Equal products are never cut, so
// ties still go to the lowest positions.
func (t *tree) bestByNash(ctx context.Context, k int, res []float64) ([]ranked, error) {
	if k <= 0 {
		return nil, nil
	}
	top := &topK{k: k}
	s := t.newSearch()
	err := s.run(ctx,
		func(d int, u []float64) bool {
			if !top.full() {
				return false
			}
			return t.nashBound(d, u, res, boundSlack) < top.items[0].score*(1-1e-9)
		},
		func(u []float64) {
			if t.leafOK(u) {
				top.offer(nashProduct(u, res), t.sp.index(s.choice))
			}
		})
	if err != nil {
		return nil, err
	}
	return top.sorted(), nil
}
