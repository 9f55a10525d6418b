package sim

import (
	"container/heap"
	"context"
	"math"
	"slices"
)

// ranked is a listed deal with the key it is ranked by. The deal is kept as its position
// in the space (Space.index), 8 bytes whatever the number of issues, so that a listing of a
// million deals holds 16 MB; positions order deals as their option positions do, issue by
// issue in file order.
type ranked struct {
	key int64
	pos uint64
}

// nashKey is a Nash product as negsim reports it, rounded to 12 decimals, in units of
// 10⁻¹². Listings rank by it rather than by the product itself so that deals whose
// products differ only by rounding (the same utilities summed in another order) tie and
// go by their option positions, as the reader of the printed products expects, and so
// that a search can cut a subtree of such ties once the listing is full.
func nashKey(p float64) int64 {
	return int64(math.Round(p * 1e12))
}

// before orders deals best first: higher key, then lower option positions.
func before(a, b ranked) bool {
	if a.key != b.key {
		return a.key > b.key
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

func (t *topK) offer(key int64, pos uint64) {
	if t.k <= 0 {
		return
	}
	cand := ranked{key: key, pos: pos}
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
// surpluses over res, by nashKey and then lowest positions, by branch and bound: once k
// deals are held, a subtree is skipped when its best completion's key is below the worst
// held, or equal to it and the subtree's first position after the worst held's. front is
// the zone's Pareto frontier; its Nash deal tightens the bound (see nashCap).
func (t *tree) bestByNash(ctx context.Context, k int, res []float64, front frontier) ([]ranked, error) {
	if k <= 0 {
		return nil, nil
	}
	top := &topK{k: k}
	s := t.newSearch()
	slack := t.sumSlack()
	capped := t.newNashCap(res, front)
	err := s.run(ctx,
		func(d int, u []float64) bool {
			if !top.full() {
				return false
			}
			worst := top.items[0]
			p := t.nashBound(d, u, res, slack)
			if capped != nil {
				p = min(p, capped.bound(d, u))
			}
			bound := nashKey(p)
			return bound < worst.key || bound == worst.key && t.firstPos(d, s.choice) > worst.pos
		},
		func(u []float64) {
			if t.leafOK(u) {
				top.offer(nashKey(nashProduct(u, res)), t.sp.index(s.choice))
			}
		})
	if err != nil {
		return nil, err
	}
	return top.sorted(), nil
}

// nashCap bounds the Nash product below a node far closer than nashBound, which lets
// every actor reach its own best at once: by the inequality of arithmetic and geometric
// means, for any weights w > 0 the product of n surpluses s is at most
// (Σ wⱼsⱼ / n)ⁿ / Π wⱼ, and the most Σ wⱼsⱼ can reach below a node is a sum over the
// issues left, each at its best option for the weighted sum. With wⱼ = 1/sⱼ at the Nash
// deal the bound equals the Nash product there, so it cuts wherever the actors' interests
// pull apart; nashBound stays for the nodes where it is the smaller.
type nashCap struct {
	res []float64
	w   []float64
	// suf[d] is the most the issues decided at depths d and below can add to Σ wⱼuⱼ.
	suf []float64
	// scale is 1 / Π wⱼ.
	scale float64
	// slack covers the rounding of the weighted sums, as sumSlack does for one actor's.
	slack float64
}

// newNashCap weighs the actors by the Nash deal on front, the frontier deal with the
// highest Nash product over res; nil when that product is 0, as no weights then come from
// it, or when no actor holds a veto, as every product is then the empty one.
func (t *tree) newNashCap(res []float64, front frontier) *nashCap {
	if t.nv == 0 {
		return nil
	}
	var best []float64
	top := 0.0
	for _, e := range front.entries {
		if p := nashProduct(e.vec, res); p > top {
			best, top = e.vec, p
		}
	}
	if best == nil {
		return nil
	}
	c := &nashCap{res: res, w: make([]float64, t.nv), suf: make([]float64, t.issues+1), scale: 1}
	total := 0.0
	for j := range c.w {
		c.w[j] = 1 / (best[j] - res[j])
		c.scale /= c.w[j]
		total += c.w[j]
	}
	c.slack = 2 * t.sumSlack() * total
	for d := t.issues - 1; d >= 0; d-- {
		k := t.seq[d]
		most := math.Inf(-1)
		for _, o := range t.allowed[k] {
			v := 0.0
			for j := range c.w {
				v += c.w[j] * t.val[j][t.sp.off[k]+o]
			}
			most = max(most, v)
		}
		c.suf[d] = c.suf[d+1] + most
	}
	return c
}

// bound is the most the Nash product of a ZOPA deal below a node at depth d, with veto
// utilities u, can be. Only deals where every surplus is at least 0 count, as only those
// are in the zone; the last factor covers the rounding of the power and of the leaf's own
// product.
func (c *nashCap) bound(d int, u []float64) float64 {
	sum := c.suf[d] + c.slack
	for j, w := range c.w {
		sum += w * (u[j] - c.res[j])
	}
	if sum <= 0 {
		return 0
	}
	mean := sum / float64(len(c.w))
	p := c.scale
	for range c.w {
		p *= mean
	}
	return p * (1 + 1e-13)
}

// firstPos is the lowest position of a deal below a node at depth d: the issues decided
// above it as choice has them, the others at their first allowed option.
func (t *tree) firstPos(d int, choice []int) uint64 {
	var pos uint64
	for dd, k := range t.seq {
		o := t.allowed[k][0]
		if dd < d {
			o = choice[k]
		}
		pos += uint64(o) * t.sp.stride[k]
	}
	return pos
}
