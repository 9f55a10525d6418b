package sim

import (
	"cmp"
	"context"
	"math"
	"slices"
)

// The Pareto frontier by divide and conquer over issues. Utilities are sums over issues,
// so a deal on the frontier of the whole space is made of parts that are each on the
// frontier of their own issues: were a part dominated, swapping in the part that dominates
// it would dominate the whole deal. The frontier of a group of issues is therefore the
// filtered sum of its two halves' frontiers, and the space never needs to be walked.
//
// Red lines on one issue are already gone from the tree's options. Constraints couple the
// issues they name; each coupled group is fused into one compound issue whose options are
// the combinations the constraints allow, which restores the product structure. The
// reservations, finally, are an upper set: a deal that dominates a ZOPA deal is in the
// ZOPA too, so the frontier of the ZOPA is the frontier of the space cut at the
// reservations, and a part that cannot reach them even with the best of every other issue
// is dropped as soon as it is formed.

// maxFused bounds the combinations of one fused group; beyond it the frontier is found by
// the depth-first search instead.
const maxFused = 1 << 18

// part is a set of non-dominated vectors over some of the issues, each with its number of
// deals and the lowest-positioned of them (-1 on issues outside the part).
type part struct {
	issues []int
	items  []entry
}

func (t *tree) paretoDC(ctx context.Context) (frontier, bool, error) {
	groups := t.fusedGroups()
	if groups == nil {
		return frontier{}, false, nil
	}
	best := make([][]float64, t.nv) // best[j][k]: actor j's best value on issue k
	for j := range best {
		best[j] = make([]float64, t.issues)
		for k := 0; k < t.issues; k++ {
			_, best[j][k] = t.issueRange(j, k)
		}
	}
	parts := make([]part, len(groups))
	for i, g := range groups {
		p, err := t.groupPart(ctx, g)
		if err != nil {
			return frontier{}, true, err
		}
		parts[i] = p
	}
	var err error
	var merge func(ps []part) part
	merge = func(ps []part) part {
		if len(ps) == 1 || err != nil {
			return ps[0]
		}
		mid := len(ps) / 2
		left, right := merge(ps[:mid]), merge(ps[mid:])
		if err != nil {
			return part{}
		}
		var p part
		p, err = t.combine(ctx, left, right, best)
		return p
	}
	whole := merge(parts)
	if err != nil {
		return frontier{}, true, err
	}
	f := frontier{nv: t.nv}
	u := make([]float64, t.nv)
	for _, e := range whole.items {
		// Recompute in issue order, as every other path does, so that solutions and ties
		// compare bit-identical numbers whichever way a deal was found.
		for j := range u {
			u[j] = 0
			for k, o := range e.choice {
				u[j] += t.val[j][t.sp.off[k]+o]
			}
		}
		if t.leafOK(u) {
			f.entries = append(f.entries, entry{vec: slices.Clone(u), count: e.count, choice: e.choice})
		}
	}
	slices.SortFunc(f.entries, func(a, b entry) int { return slices.Compare(a.choice, b.choice) })
	return f, true, nil
}

// fusedGroups partitions the issues into groups joined by constraints, in issue order;
// nil when a group has too many combinations to fuse.
func (t *tree) fusedGroups() [][]int {
	parent := make([]int, t.issues)
	for k := range parent {
		parent[k] = k
	}
	find := func(k int) int {
		for parent[k] != k {
			k = parent[k]
		}
		return k
	}
	for _, cs := range t.due {
		for _, c := range cs {
			first := -1
			for _, cd := range append(slices.Clone(c.ifConds), c.thenCond...) {
				if first < 0 {
					first = find(cd.issue)
				} else if r := find(cd.issue); r != first {
					parent[max(r, first)] = min(r, first)
					first = min(r, first)
				}
			}
		}
	}
	byRoot := map[int][]int{}
	var roots []int
	for k := 0; k < t.issues; k++ {
		r := find(k)
		if _, ok := byRoot[r]; !ok {
			roots = append(roots, r)
		}
		byRoot[r] = append(byRoot[r], k)
	}
	var groups [][]int
	for _, r := range roots {
		combos := 1
		for _, k := range byRoot[r] {
			combos *= len(t.allowed[k])
			if combos > maxFused {
				return nil
			}
		}
		groups = append(groups, byRoot[r])
	}
	return groups
}

// groupPart is the frontier of one fused group: every combination of its options that
// its constraints allow.
func (t *tree) groupPart(ctx context.Context, issues []int) (part, error) {
	var cands []entry
	choice := make([]int, t.issues)
	for k := range choice {
		choice[k] = -1
	}
	var walk func(i int)
	walk = func(i int) {
		if i == len(issues) {
			for _, cs := range t.due {
				for ci := range cs {
					if t.constraintInside(&cs[ci], issues) && !cs[ci].holds(choice) {
						return
					}
				}
			}
			v := make([]float64, t.nv)
			for j := range v {
				for _, k := range issues {
					v[j] += t.val[j][t.sp.off[k]+choice[k]]
				}
			}
			cands = append(cands, entry{vec: v, count: 1, choice: slices.Clone(choice)})
			return
		}
		for _, o := range t.allowed[issues[i]] {
			choice[issues[i]] = o
			walk(i + 1)
		}
	}
	walk(0)
	items, err := paretoFilter(ctx, cands)
	return part{issues: issues, items: items}, err
}

func (t *tree) constraintInside(c *constraint, issues []int) bool {
	for _, cd := range append(slices.Clone(c.ifConds), c.thenCond...) {
		if !slices.Contains(issues, cd.issue) {
			return false
		}
	}
	return true
}

// combine sums two parts' vectors pairwise, drops sums that cannot reach a reservation
// even with the best of every issue outside both parts, and filters the rest.
func (t *tree) combine(ctx context.Context, a, b part, best [][]float64) (part, error) {
	issues := append(slices.Clone(a.issues), b.issues...)
	slices.Sort(issues)
	reach := make([]float64, t.nv) // the most the issues outside can still add
	for j := range reach {
		for k := 0; k < t.issues; k++ {
			if !slices.Contains(issues, k) {
				reach[j] += best[j][k]
			}
		}
	}
	// Candidates are filtered in batches, each merged into the frontier so far, so that
	// memory stays bounded when two large frontiers meet (many actors, low reservations).
	// A candidate that a vector of that frontier already dominates is dropped as it is
	// formed: after the first batch most are, and the batch's own filter then sees only
	// the few that might join.
	var kept, cands []entry
	var index *grid // kept, filed for the search
	var recent recentDominators
	flush := func() error {
		if len(cands) == 0 {
			return nil
		}
		batch, err := paretoFilter(ctx, cands)
		if err != nil {
			return err
		}
		if index == nil {
			kept = batch
		} else {
			kept = mergeFrontiers(kept, index, batch)
		}
		// The kept vectors move to blocks of their own, so the batch's blocks can go.
		fresh := newSlab(t.nv, t.issues, len(kept), len(kept))
		for i := range kept {
			vec, choice := fresh.take()
			copy(vec, kept[i].vec)
			copy(choice, kept[i].choice)
			kept[i].vec, kept[i].choice = vec, choice
		}
		index, recent.kept = fileAll(kept), recent.kept[:0]
		cands = cands[:0]
		return nil
	}
	v := make([]float64, t.nv)
	sl := newSlab(t.nv, t.issues, firstBlock, len(a.items)*len(b.items))
	for xi, x := range a.items {
		if xi%64 == 0 {
			if err := ctx.Err(); err != nil {
				return part{}, err
			}
		}
	next:
		for _, y := range b.items {
			for j := range v {
				v[j] = x.vec[j] + y.vec[j]
				if v[j]+reach[j] < t.floor[j]-boundSlack {
					continue next
				}
			}
			if index != nil {
				for _, ki := range recent.kept {
					if dominates(kept[ki].vec, v) {
						recent.hit(ki)
						continue next
					}
				}
				if dom, _ := index.find(v); dom >= 0 {
					recent.hit(dom)
					continue
				}
			}
			vec, choice := sl.take()
			copy(vec, v)
			copy(choice, x.choice)
			for _, k := range b.issues {
				choice[k] = y.choice[k]
			}
			cands = append(cands, entry{vec: vec, count: x.count * y.count, choice: choice})
			if len(cands) >= batchSize(len(kept)) {
				if err := flush(); err != nil {
					return part{}, err
				}
			}
		}
	}
	if err := flush(); err != nil {
		return part{}, err
	}
	return part{issues: issues, items: kept}, nil
}

// mergeFrontiers joins two sets of mutually non-dominated vectors: a vector of either
// stays unless one of the other dominates it, and a vector of fresh equal to one of kept
// within the tolerance merges into it. index files kept.
func mergeFrontiers(kept []entry, index *grid, fresh []entry) []entry {
	var added []entry
	for _, e := range fresh {
		dom, same := index.find(e.vec)
		switch {
		case dom >= 0:
		case same >= 0:
			mergeEntry(&kept[same], e)
		default:
			added = append(added, e)
		}
	}
	if len(added) == 0 {
		return kept
	}
	byAdded := fileAll(added)
	out := kept[:0]
	for _, e := range kept {
		if dom, _ := byAdded.find(e.vec); dom < 0 {
			out = append(out, e)
		}
	}
	return append(out, added...)
}

// slab hands out the vectors and choices of candidates from shared blocks: one allocation
// per few thousand candidates instead of two per candidate, which the garbage collector
// would otherwise spend a good part of a large meeting on.
type slab struct {
	nv, issues int
	// block is how many candidates the next block holds. Where the count is not known
	// ahead, blocks start small and double up to most: most searches keep a few dozen
	// candidates, and a whole block of 4096 for each of them was most of what a slider
	// move on the page allocated.
	block, most int
	vecs        []float64
	choices     []int
}

// newSlab hands out blocks of first candidates, doubling up to most (each at most 4096).
// A caller that knows how many it needs gives that number as both.
func newSlab(nv, issues, first, most int) *slab {
	most = max(1, min(4096, most))
	return &slab{nv: nv, issues: issues, block: max(1, min(first, most)), most: most}
}

func (s *slab) take() ([]float64, []int) {
	if len(s.vecs) < s.nv || len(s.choices) < s.issues {
		s.vecs = make([]float64, s.block*s.nv)
		s.choices = make([]int, s.block*s.issues)
		s.block = min(2*s.block, s.most)
	}
	vec, choice := s.vecs[:s.nv:s.nv], s.choices[:s.issues:s.issues]
	s.vecs, s.choices = s.vecs[s.nv:], s.choices[s.issues:]
	return vec, choice
}

// firstBlock is the first block of a slab whose count is not known ahead.
const firstBlock = 64

// maxBatch bounds the candidate sums held at once; a batch of this size takes some
// tens of megabytes.
const maxBatch = 1 << 18

// batchSize is how many candidates to gather before filtering them into the kept
// vectors. The first batch is small, so that the kept vectors can soon drop most
// candidates as they are formed; later ones grow with the kept vectors, whose merging
// costs about as much as a batch twice their size (measured on the five-actor cases:
// about a fifth less time on the 12×6 case and half the memory at 10^11 deals, against
// one batch of maxBatch).
func batchSize(kept int) int {
	return min(maxBatch, max(1<<15, 2*kept))
}

// recentDominators holds the kept vectors that dominated a candidate lately, most recent
// first: consecutive candidates tend to be dominated by the same few, and trying those
// first is cheaper than any search.
type recentDominators struct {
	kept []int
}

func (r *recentDominators) hit(ki int) {
	if i := slices.Index(r.kept, ki); i >= 0 {
		copy(r.kept[1:i+1], r.kept[:i])
		r.kept[0] = ki
		return
	}
	if len(r.kept) < 16 {
		r.kept = append(r.kept, 0)
	}
	copy(r.kept[1:], r.kept[:len(r.kept)-1])
	r.kept[0] = ki
}

// paretoFilter keeps the candidates no other dominates, merging equal vectors (their
// counts add, the lowest-positioned deal stands for them). Sorted by decreasing sum, a
// candidate can only be dominated by one already kept; the kept vectors that dominated
// something lately are tried first, since they tend to dominate the next ones too.
func paretoFilter(ctx context.Context, cands []entry) ([]entry, error) {
	if len(cands) == 0 {
		return nil, nil
	}
	if len(cands[0].vec) <= 2 {
		return paretoFilter2(cands), nil
	}
	sum := func(v []float64) float64 {
		s := 0.0
		for _, x := range v {
			s += x
		}
		return s
	}
	sums := make([]float64, len(cands))
	idx := make([]int, len(cands))
	for i := range cands {
		sums[i], idx[i] = sum(cands[i].vec), i
	}
	slices.SortFunc(idx, func(p, q int) int {
		if c := cmp.Compare(sums[q], sums[p]); c != 0 {
			return c
		}
		return slices.Compare(cands[p].vec, cands[q].vec)
	})
	var kept []entry
	var keptSum []float64
	var gone []bool
	g := newGrid(cands, idx)
	var recent recentDominators
	for n, i := range idx {
		if n%4096 == 4095 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		c := cands[i]
		dominated := false
		for _, ki := range recent.kept {
			if !gone[ki] && dominates(kept[ki].vec, c.vec) {
				dominated = true
				recent.hit(ki)
				break
			}
		}
		if dominated {
			continue
		}
		dom, same := g.find(c.vec)
		if dom >= 0 {
			dominated = true
			recent.hit(dom)
		}
		switch {
		case dominated:
		case same >= 0:
			mergeEntry(&kept[same], c)
		default:
			// Sorting by sum puts every vector c could dominate after it, except those
			// whose sum is within the tolerance of c's: look back over those.
			for ki := len(kept) - 1; ki >= 0 && keptSum[ki] <= sums[i]+float64(len(c.vec))*Tolerance; ki-- {
				if !gone[ki] && dominates(c.vec, kept[ki].vec) {
					gone[ki] = true
					g.remove(ki)
				}
			}
			g.add(c.vec, len(kept))
			kept = append(kept, c)
			keptSum = append(keptSum, sums[i])
			gone = append(gone, false)
		}
	}
	out := kept[:0]
	for ki, e := range kept {
		if !gone[ki] {
			out = append(out, e)
		}
	}
	kept = out
	return kept, nil
}

// grid files kept vectors by their first two utilities, cut at the candidates' quantiles,
// so that a candidate is compared only with the vectors that are at least as good on both:
// no other can dominate it.
type grid struct {
	nv    int
	side  int
	axes  int
	cuts  [gridAxes][]float64
	cells []gridCell
	// at is where each kept vector is filed: its cell and its place there.
	at [][2]int
}

// gridAxes is how many utilities the grid files vectors by: with more, a scan reads a
// smaller corner of the kept vectors (five beat two and three clearly on five actors).
const gridAxes = 5

// gridCell keeps its vectors side by side, so a scan reads memory in order.
type gridCell struct {
	kept []int
	vecs []float64
}

// gridSide is how many slices each axis is cut into: about eight vectors to a cell at most,
// at most five slices an axis, and no cuts at all for a couple of hundred candidates,
// where one list is faster than sorting for the cuts (sizes measured on the benchmarks'
// generated cases).
func gridSide(candidates, axes int) int {
	if candidates < 256 || axes == 0 {
		return 1
	}
	return max(1, min(5, int(math.Pow(float64(candidates)/8, 1/float64(axes)))))
}

func newGrid(cands []entry, idx []int) *grid {
	axes := min(gridAxes, len(cands[0].vec))
	side := gridSide(len(idx), axes)
	g := &grid{nv: len(cands[0].vec), side: side, axes: axes}
	if side == 1 {
		g.axes = 0
	}
	cells := 1
	for range g.axes {
		cells *= side
	}
	g.cells = make([]gridCell, cells)
	// The cuts are quantiles of a sample: evenly filled cells need no exact ones.
	step := max(1, len(idx)/4096)
	for axis := 0; axis < g.axes; axis++ {
		vals := make([]float64, 0, len(idx)/step+1)
		for n := 0; n < len(idx); n += step {
			vals = append(vals, cands[idx[n]].vec[axis])
		}
		slices.Sort(vals)
		for c := 1; c < side; c++ {
			g.cuts[axis] = append(g.cuts[axis], vals[c*len(vals)/side])
		}
	}
	return g
}

// fileAll is a grid holding every one of es, cut at their own quantiles.
func fileAll(es []entry) *grid {
	idx := make([]int, len(es))
	for i := range idx {
		idx[i] = i
	}
	g := newGrid(es, idx)
	for i, e := range es {
		g.add(e.vec, i)
	}
	return g
}

func (g *grid) bucket(axis int, x float64) int {
	b, _ := slices.BinarySearch(g.cuts[axis], x)
	return b
}

func (g *grid) add(v []float64, ki int) {
	cell := 0
	for axis := 0; axis < g.axes; axis++ {
		cell = cell*g.side + g.bucket(axis, v[axis])
	}
	c := &g.cells[cell]
	g.at = append(g.at, [2]int{cell, len(c.kept)})
	c.kept = append(c.kept, ki)
	c.vecs = append(c.vecs, v...)
}

// remove takes a vector that has since been dominated out of every later search: NaN
// compares false with everything, so it can neither dominate nor equal a candidate, and
// the other vectors keep their places and their order.
func (g *grid) remove(ki int) {
	c := &g.cells[g.at[ki][0]]
	n := g.at[ki][1]
	for j := n * g.nv; j < (n+1)*g.nv; j++ {
		c.vecs[j] = math.NaN()
	}
}

// find looks through the cells that could hold a vector dominating or equal to v, in
// order, and returns the first kept vector that dominates v (or -1) and, when none does,
// the first that equals it within the tolerance (or -1).
func (g *grid) find(v []float64) (dom, same int) {
	var lo, b [gridAxes]int
	for axis := 0; axis < g.axes; axis++ {
		lo[axis] = g.bucket(axis, v[axis]-2*Tolerance)
		b[axis] = lo[axis]
	}
	// A vector below v by twice the tolerance on some utility can neither dominate nor
	// equal it; the exact tests run only on the few that pass this one.
	var floorBuf [8]float64
	floor := floorBuf[:0]
	if g.nv > len(floorBuf) {
		floor = make([]float64, 0, g.nv)
	}
	for _, x := range v {
		floor = append(floor, x-2*Tolerance)
	}
	nv := g.nv
	same = -1
	for {
		cell := 0
		for axis := 0; axis < g.axes; axis++ {
			cell = cell*g.side + b[axis]
		}
		c := &g.cells[cell]
		vecs := c.vecs
	next:
		for n := 0; n+nv <= len(vecs); n += nv {
			kv := vecs[n : n+nv : n+nv]
			for j, f := range floor {
				if !(kv[j] >= f) {
					continue next
				}
			}
			ki := c.kept[n/nv]
			if dominates(kv, v) {
				return ki, -1
			}
			if same < 0 && sameVec(kv, v) {
				same = ki
			}
		}
		// The next cell in order: the last axis turns fastest.
		axis := g.axes - 1
		for ; axis >= 0; axis-- {
			if b[axis]++; b[axis] < g.side {
				break
			}
			b[axis] = lo[axis]
		}
		if axis < 0 {
			return -1, same
		}
	}
}

// dominatedBySome looks for a dominating vector among the last kept ones, which hold the
// best second utilities so far; it confirms what the sweep's quick test suspects.
func dominatedBySome(kept []entry, v []float64) bool {
	for i := len(kept) - 1; i >= 0; i-- {
		if dominates(kept[i].vec, v) {
			return true
		}
	}
	return false
}

func mergeEntry(into *entry, e entry) {
	into.count += e.count
	if slices.Compare(e.choice, into.choice) < 0 {
		into.choice, into.vec = e.choice, e.vec
	}
}

// paretoFilter2 is the two-actor case: sorted by the first utility, falling, a vector is
// on the frontier when its second utility beats every one before it.
func paretoFilter2(cands []entry) []entry {
	slices.SortFunc(cands, func(p, q entry) int {
		for j := range p.vec {
			if c := cmp.Compare(q.vec[j], p.vec[j]); c != 0 {
				return c
			}
		}
		return 0
	})
	var kept []entry
	bestSecond := math.Inf(-1)
	for _, c := range cands {
		if len(kept) > 0 && sameVec(kept[len(kept)-1].vec, c.vec) {
			mergeEntry(&kept[len(kept)-1], c)
			continue
		}
		second := math.Inf(-1)
		if len(c.vec) == 2 {
			second = c.vec[1]
		}
		if len(kept) > 0 && second < bestSecond-Tolerance {
			continue
		}
		if len(kept) > 0 && second <= bestSecond+Tolerance && dominatedBySome(kept, c.vec) {
			continue
		}
		// A vector whose first utility is within the tolerance of c's can sort before c
		// and still be dominated by it.
		for len(kept) > 0 && dominates(c.vec, kept[len(kept)-1].vec) {
			kept = kept[:len(kept)-1]
		}
		kept = append(kept, c)
		bestSecond = max(bestSecond, second)
	}
	return kept
}
