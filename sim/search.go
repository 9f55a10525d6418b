package sim

import (
	"cmp"
	"context"
	"math"
	"slices"
)

// tree is the outcome space as one search sees it under its rules: only the options every
// veto actor can live with, the veto actors' values, bounds on what the issues still to
// decide can add, and the constraints that become decidable at each depth.
//
// Searches decide issues in the order seq, not file order: the issues that split the
// actors most come first, so bounds tighten early and branches are cut high up. Deals
// are still recorded as choice[issue], one position per issue in file order, and every
// tie is broken by comparing those, so the order changes speed, never answers.
type tree struct {
	sp      *Space
	issues  int
	nv      int         // number of veto actors
	allowed [][]int     // per issue, the options no veto actor's red line excludes
	seq     []int       // seq[d] is the issue decided at depth d
	val     [][]float64 // per veto actor, flat over options
	// maxSuf[j][d] and minSuf[j][d] are the most and least that the issues decided at
	// depths d and below can still add to veto actor j's utility.
	maxSuf [][]float64
	minSuf [][]float64
	floor  []float64      // per veto actor, the utility a deal must reach; -Inf when ignored
	due    [][]constraint // per depth, veto actors' constraints decided there
	// settled is the first depth from which no constraint is left to decide: from there a
	// subtree whose worst completion satisfies everyone can be taken whole.
	settled int
	// size[d] is the number of deals below a node at depth d.
	size []uint64
	// order[d] is the options of issue seq[d] sorted by the veto actors' summed values,
	// best first: searches that prune against the best deal found so far find good deals
	// early.
	order [][]int
	// rules are the rules the tree was built under.
	rules *rules
}

func newTree(sp *Space, r *rules) *tree {
	t := &tree{sp: sp, issues: sp.issues, nv: len(sp.veto), rules: r}
	t.allowed = make([][]int, sp.issues)
	for k := 0; k < sp.issues; k++ {
		for o := 0; o < sp.opts[k]; o++ {
			ok := true
			for _, a := range sp.veto {
				if !r.accept[a][sp.off[k]+o] {
					ok = false
					break
				}
			}
			if ok {
				t.allowed[k] = append(t.allowed[k], o)
			}
		}
	}
	t.val = make([][]float64, t.nv)
	t.floor = make([]float64, t.nv)
	for j, a := range sp.veto {
		t.val[j] = sp.value[a]
		t.floor[j] = r.reservation[a] - Tolerance
	}
	spread := make([]float64, sp.issues)
	for k := range spread {
		for j := range t.val {
			lo, hi := t.issueRange(j, k)
			spread[k] += hi - lo
		}
	}
	t.seq = make([]int, sp.issues)
	for k := range t.seq {
		t.seq[k] = k
	}
	slices.SortStableFunc(t.seq, func(a, b int) int { return cmp.Compare(spread[b], spread[a]) })

	t.maxSuf = make([][]float64, t.nv)
	t.minSuf = make([][]float64, t.nv)
	for j := range t.val {
		hi := make([]float64, sp.issues+1)
		lo := make([]float64, sp.issues+1)
		for d := sp.issues - 1; d >= 0; d-- {
			l, h := t.issueRange(j, t.seq[d])
			hi[d], lo[d] = hi[d+1]+h, lo[d+1]+l
		}
		t.maxSuf[j], t.minSuf[j] = hi, lo
	}
	depthOf := make([]int, sp.issues)
	for d, k := range t.seq {
		depthOf[k] = d
	}
	t.due = make([][]constraint, sp.issues)
	for _, a := range sp.veto {
		for _, c := range r.cons[a] {
			at := 0
			for _, cd := range c.ifConds {
				at = max(at, depthOf[cd.issue])
			}
			for _, cd := range c.thenCond {
				at = max(at, depthOf[cd.issue])
			}
			t.due[at] = append(t.due[at], c)
			t.settled = max(t.settled, at+1)
		}
	}
	t.size = make([]uint64, sp.issues+1)
	t.size[sp.issues] = 1
	for d := sp.issues - 1; d >= 0; d-- {
		t.size[d] = t.size[d+1] * uint64(len(t.allowed[t.seq[d]]))
	}
	t.order = make([][]int, sp.issues)
	for d, k := range t.seq {
		opts := slices.Clone(t.allowed[k])
		sum := func(o int) float64 {
			s := 0.0
			for j := range t.val {
				s += t.val[j][sp.off[k]+o]
			}
			return s
		}
		slices.SortStableFunc(opts, func(a, b int) int { return cmp.Compare(sum(b), sum(a)) })
		t.order[d] = opts
	}
	return t
}

// issueRange is the least and most veto actor j can get from issue k's allowed options;
// 0 and 0 when none is allowed (the tree is then empty and never walked).
func (t *tree) issueRange(j, k int) (lo, hi float64) {
	if len(t.allowed[k]) == 0 {
		return 0, 0
	}
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, o := range t.allowed[k] {
		v := t.val[j][t.sp.off[k]+o]
		lo, hi = min(lo, v), max(hi, v)
	}
	return lo, hi
}

// wholeOK reports whether every deal below a node at depth k with partial utilities u is
// acceptable: no constraint is left to decide and even the worst completion reaches every
// floor. The slack makes the test stricter, never looser, than the exact one at a leaf.
func (t *tree) wholeOK(k int, u []float64) bool {
	if k < t.settled {
		return false
	}
	for j := 0; j < t.nv; j++ {
		if u[j]+t.minSuf[j][k] < t.floor[j]+boundSlack {
			return false
		}
	}
	return true
}

// empty reports whether some issue has no option all veto actors can live with.
func (t *tree) empty() bool {
	for _, opts := range t.allowed {
		if len(opts) == 0 {
			return true
		}
	}
	return false
}

// step extends a partial deal of depth d by option o of issue seq[d]: it writes the veto
// actors' partial utilities into next and reports whether every one of them can still
// reach its floor and the constraints decided at this depth hold. choice[seq[d]] must
// already be o.
func (t *tree) step(d, o int, choice []int, base, next []float64) bool {
	idx := t.sp.off[t.seq[d]] + o
	for j := 0; j < t.nv; j++ {
		u := base[j] + t.val[j][idx]
		if u+t.maxSuf[j][d+1] < t.floor[j]-boundSlack {
			return false
		}
		next[j] = u
	}
	for i := range t.due[d] {
		if !t.due[d][i].holds(choice) {
			return false
		}
	}
	return true
}

// leafOK is the exact test at a complete deal: the bounds above carry slack, this does not.
func (t *tree) leafOK(u []float64) bool {
	for j := 0; j < t.nv; j++ {
		if u[j] < t.floor[j] {
			return false
		}
	}
	return true
}

// job is a prefix of the space that one worker explores to the end.
type job struct {
	choice []int
	part   []float64
}

// jobs splits the space into prefixes deep enough to keep every worker busy. The split
// depends only on the scenario, never on the number of workers, so that merging job
// results in job order gives the same answer on any machine.
func (t *tree) jobs() ([]job, int) {
	depth, width := 0, 1
	for depth < t.issues && width < 64 {
		width *= max(1, len(t.allowed[t.seq[depth]]))
		depth++
	}
	var out []job
	choice := make([]int, t.issues)
	part := make([]float64, (depth+1)*t.nv)
	var walk func(k int)
	walk = func(k int) {
		if k == depth {
			out = append(out, job{choice: append([]int(nil), choice...), part: append([]float64(nil), part[k*t.nv:(k+1)*t.nv]...)})
			return
		}
		for _, o := range t.allowed[t.seq[k]] {
			choice[t.seq[k]] = o
			if t.step(k, o, choice, part[k*t.nv:(k+1)*t.nv], part[(k+1)*t.nv:(k+2)*t.nv]) {
				walk(k + 1)
			}
		}
	}
	if !t.empty() {
		walk(0)
	}
	return out, depth
}

// search is one depth-first walk of a tree, best options first, for the searches that keep
// a best-so-far and prune against it (branch and bound). prune is asked at every node,
// complete deals included, whether the subtree below can be skipped; leaf receives every
// complete deal not pruned. Both read the deal so far in choice (indexed by issue) and the
// veto actors' partial utilities in u. The walk checks for cancellation every few thousand
// nodes.
type search struct {
	t      *tree
	choice []int
	part   []float64
}

func (t *tree) newSearch() *search {
	return &search{t: t, choice: make([]int, t.issues), part: make([]float64, (t.issues+1)*t.nv)}
}

func (s *search) run(ctx context.Context, prune func(d int, u []float64) bool, leaf func(u []float64)) error {
	t := s.t
	if t.empty() {
		return nil
	}
	pace := pacer{ctx: ctx}
	var descend func(d int)
	descend = func(d int) {
		if pace.stopped() {
			return
		}
		u := s.part[d*t.nv : (d+1)*t.nv]
		if prune != nil && prune(d, u) {
			return
		}
		if d == t.issues {
			leaf(u)
			return
		}
		next := s.part[(d+1)*t.nv : (d+2)*t.nv]
		for _, o := range t.order[d] {
			s.choice[t.seq[d]] = o
			if t.step(d, o, s.choice, u, next) {
				descend(d + 1)
			}
		}
	}
	descend(0)
	return pace.err
}
