package sim

import (
	"cmp"
	"context"
	"math"
	"slices"
	"sync"
	"sync/atomic"
)

// Counting by meeting in the middle. Utilities are sums over issues, so a deal is a pair
// (left part, right part) of two halves of the issues, and it is in the zone when, for
// every veto actor, the left part's utility plus the right part's reaches the floor. Each
// half is listed once (about the square root of the space each), and the pairs are counted
// by sorting and a Fenwick tree (two veto actors) or a k-d tree (more): the cost grows with
// the halves, not with the zone. Constraints couple issues; each coupled group is fused
// into one compound issue, as the frontier does, so that the halves stay independent.
//
// The test is exact, not approximate: a pair is in the zone when fl(left+right) reaches
// the floor, and for a fixed left value the right values that pass are exactly those at or
// above one threshold (rounding is monotone), found by stepping ulp by ulp. The deal's
// utility summed in another order can differ from left+right by an ulp, which matters only
// for a deal within 1e-16 of a floor that already sits Tolerance below the reservation.

// maxHalf bounds the combinations listed for one half: 2^21 keeps a half of five actors'
// vectors under 100 MB even before the halves are cut at the reservations.
const maxHalf = 1 << 21

// mitmMinRatio is how many times smaller than the space the two halves must be before
// meeting in the middle pays for its sorting; below it the walk, which takes whole
// subtrees at once, is at least as fast.
const mitmMinRatio = 64

// mitmMaxActors is the most veto actors the middle counts for. With two, a sweep and a
// Fenwick tree answer every part in a logarithm; with more, the k-d tree's orthant counts
// cost about as much as the walk on the thin zones measured (five actors, 10^10 deals).
const mitmMaxActors = 8

// halfList is one half's parts that can still reach every floor with the best of the
// other half: their combination numbers (mixed radix over the half's groups) and their
// veto actors' utilities, nv per part.
type halfList struct {
	groups []*fusedGroup
	combo  []uint32
	vec    []float64
}

// fusedGroup is a set of issues joined by constraints, as its allowed combinations.
type fusedGroup struct {
	issues []int
	combos [][]int   // per combination, the option of each issue in issues
	vec    []float64 // per combination, nv utilities
}

// mitmPlan is how a tree would be counted in the middle, and what it costs.
type mitmPlan struct {
	halves [2][]*fusedGroup
	sizes  [2]uint64
}

// planMITM is the split of splitHalves when meeting in the middle is the cheaper way to
// count; false when the walk is.
func (t *tree) planMITM() (*mitmPlan, bool) {
	if t.nv > mitmMaxActors {
		return nil, false
	}
	return t.splitHalves(mitmMinRatio)
}

// heavyParts is the number of parts planned for the two halves above which a count in the
// middle should not share the machine's memory with a frontier search. At 10^11 deals and
// five actors (1.1 million planned, 0.74 million kept) the count peaks at about 65 MB
// and, beside the frontier, the analysis at about 130 MB; two halves of a million at two
// actors at about 140 MB either way.
const heavyParts = 1 << 21

// heavyCount reports whether the tree would be counted in the middle over large halves.
func (t *tree) heavyCount() bool {
	p, ok := t.planMITM()
	return ok && p.sizes[0]+p.sizes[1] > heavyParts
}

// splitHalves splits the tree's fused groups into two halves of near-equal size; false
// when some group cannot be fused, a half would be too large, or the halves together are
// not minRatio times smaller than the space.
func (t *tree) splitHalves(minRatio uint64) (*mitmPlan, bool) {
	if t.nv == 0 || t.empty() {
		return nil, false
	}
	groups := t.fusedGroups()
	if len(groups) < 2 {
		return nil, false
	}
	sizes := make([]uint64, len(groups))
	for i, g := range groups {
		sizes[i] = 1
		for _, k := range g {
			sizes[i] *= uint64(len(t.allowed[k]))
		}
	}
	order := make([]int, len(groups))
	for i := range order {
		order[i] = i
	}
	// Largest groups first, each to the smaller half: the halves end near the square
	// root of the space. The order depends only on the scenario.
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(sizes[b], sizes[a]) })
	p := &mitmPlan{sizes: [2]uint64{1, 1}}
	var member [2][]int
	for _, i := range order {
		h := 0
		if p.sizes[1] < p.sizes[0] {
			h = 1
		}
		if p.sizes[h] > maxHalf/sizes[i] {
			return nil, false
		}
		p.sizes[h] *= sizes[i]
		member[h] = append(member[h], i)
	}
	if t.size[0]/minRatio < p.sizes[0]+p.sizes[1] {
		return nil, false
	}
	for h := range member {
		slices.Sort(member[h])
		for _, i := range member[h] {
			p.halves[h] = append(p.halves[h], t.fuse(groups[i]))
		}
	}
	return p, true
}

// fuse lists a group's combinations that its constraints allow, and their utilities.
func (t *tree) fuse(issues []int) *fusedGroup {
	g := &fusedGroup{issues: issues}
	var inside []*constraint
	for _, cs := range t.due {
		for ci := range cs {
			if t.constraintInside(&cs[ci], issues) {
				inside = append(inside, &cs[ci])
			}
		}
	}
	choice := make([]int, t.issues)
	var walk func(i int)
	walk = func(i int) {
		if i == len(issues) {
			for _, c := range inside {
				if !c.holds(choice) {
					return
				}
			}
			opts := make([]int, len(issues))
			for x, k := range issues {
				opts[x] = choice[k]
			}
			g.combos = append(g.combos, opts)
			for j := 0; j < t.nv; j++ {
				v := 0.0
				for _, k := range issues {
					v += t.val[j][t.sp.off[k]+choice[k]]
				}
				g.vec = append(g.vec, v)
			}
			return
		}
		for _, o := range t.allowed[issues[i]] {
			choice[issues[i]] = o
			walk(i + 1)
		}
	}
	walk(0)
	return g
}

// bounds is the least and most each veto actor can get from a half.
func (t *tree) halfBounds(gs []*fusedGroup) (lo, hi []float64) {
	lo, hi = make([]float64, t.nv), make([]float64, t.nv)
	for _, g := range gs {
		for j := 0; j < t.nv; j++ {
			l, h := math.Inf(1), math.Inf(-1)
			for c := range g.combos {
				v := g.vec[c*t.nv+j]
				l, h = min(l, v), max(h, v)
			}
			if len(g.combos) == 0 {
				l, h = 0, 0
			}
			lo[j] += l
			hi[j] += h
		}
	}
	return lo, hi
}

// list enumerates a half, keeping the parts that can reach every floor given the most
// the other half can add (with slack: the exact test comes later). It enumerates twice,
// counting and then filling, which costs little beside the memory a growing list wastes.
func (t *tree) list(ctx context.Context, gs []*fusedGroup, otherHi []float64) (*halfList, error) {
	hl := &halfList{groups: gs}
	kept := 0
	if err := t.enumerate(ctx, gs, otherHi, func(uint32, []float64) { kept++ }); err != nil {
		return nil, err
	}
	hl.combo = make([]uint32, 0, kept)
	hl.vec = make([]float64, 0, kept*t.nv)
	err := t.enumerate(ctx, gs, otherHi, func(combo uint32, u []float64) {
		hl.combo = append(hl.combo, combo)
		hl.vec = append(hl.vec, u...)
	})
	return hl, err
}

// enumerate calls keep with every part of a half that can still reach every floor, in
// combination order (the last group fastest).
func (t *tree) enumerate(ctx context.Context, gs []*fusedGroup, otherHi []float64, keep func(combo uint32, u []float64)) error {
	nv := t.nv
	for _, g := range gs {
		if len(g.combos) == 0 {
			return nil
		}
	}
	// part[i*nv:(i+1)*nv] is the sum over groups before i, so that a step of the last
	// digits redoes only the last sums.
	part := make([]float64, (len(gs)+1)*nv)
	var steps uint
	var combo uint32
	var rec func(i int) error
	rec = func(i int) error {
		if i == len(gs) {
			u := part[i*nv : (i+1)*nv]
			ok := true
			for j := 0; j < nv && ok; j++ {
				ok = u[j]+otherHi[j] >= t.floor[j]-boundSlack
			}
			if ok {
				keep(combo, u)
			}
			combo++
			return nil
		}
		g := gs[i]
		for c := range g.combos {
			if steps++; steps&4095 == 0 {
				if err := ctx.Err(); err != nil {
					return err
				}
			}
			for j := 0; j < nv; j++ {
				part[(i+1)*nv+j] = part[i*nv+j] + g.vec[c*nv+j]
			}
			if err := rec(i + 1); err != nil {
				return err
			}
		}
		return nil
	}
	return rec(0)
}

// threshold is the least x with fl(have+x) >= floor: the exact cut for a partner. Many
// x give the same sum when x is small beside have, so the cut is found by bisection over
// the floats in order, not by stepping.
func threshold(have, floor float64) float64 {
	if math.IsInf(floor, -1) {
		return math.Inf(-1)
	}
	x := floor - have
	if have+x >= floor && have+math.Nextafter(x, math.Inf(-1)) < floor {
		return x
	}
	// Bracket: pass at hi, fail at lo, widening by the size of the numbers involved.
	w := 4 * (ulp(have) + ulp(floor) + ulp(x))
	lo, hi := x-w, x+w
	for have+hi < floor {
		w *= 2
		hi = x + w
	}
	for have+lo >= floor {
		w *= 2
		lo = x - w
	}
	kl, kh := orderedKey(lo), orderedKey(hi)
	for kh-kl > 1 {
		mid := kl + (kh-kl)/2
		if have+fromOrderedKey(mid) >= floor {
			kh = mid
		} else {
			kl = mid
		}
	}
	return fromOrderedKey(kh)
}

// ulp is the gap between |x| and the next float above it.
func ulp(x float64) float64 {
	x = math.Abs(x)
	return math.Nextafter(x, math.Inf(1)) - x
}

// orderedKey maps floats to integers in the same order, so that bisection over the
// integers visits the floats in between.
func orderedKey(x float64) int64 {
	k := int64(math.Float64bits(x))
	if k < 0 {
		k ^= math.MaxInt64
	}
	return k
}

func fromOrderedKey(k int64) float64 {
	if k < 0 {
		k ^= math.MaxInt64
	}
	return math.Float64frombits(uint64(k))
}

// partners counts, for every part of q, the parts of p it makes a deal in the zone with,
// for one or two veto actors.
func (t *tree) partners(ctx context.Context, q, p *halfList) ([]uint64, error) {
	nv := t.nv
	nq := len(q.combo)
	if nq == 0 || len(p.combo) == 0 {
		return make([]uint64, nq), nil
	}
	if nv == 2 {
		// Thresholds computed as the sweep needs them: a million parts' worth is memory
		// the largest cases do not have to spare.
		return dominating2(nq, func(i, j int) float64 { return threshold(q.vec[2*i+j], t.floor[j]) }, p.vec), nil
	}
	thr := make([]float64, nq*nv)
	for i := 0; i < nq; i++ {
		for j := 0; j < nv; j++ {
			thr[i*nv+j] = threshold(q.vec[i*nv+j], t.floor[j])
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return dominating1(thr, p.vec), nil
}

// dominating1 counts, per threshold, the values at or above it.
func dominating1(thr, pts []float64) []uint64 {
	sorted := slices.Clone(pts)
	slices.Sort(sorted)
	out := make([]uint64, len(thr))
	for i, x := range thr {
		at, _ := slices.BinarySearch(sorted, x)
		// BinarySearch finds the first value >= x among equal ones.
		out[i] = uint64(len(sorted) - at)
	}
	return out
}

// dominating2 counts, per threshold pair, the points at or above it on both axes: points
// and thresholds swept by decreasing first coordinate, the points' second coordinates
// counted in a Fenwick tree over their ranks. Sorting is by radix on the floats' order,
// which a million points a half makes worth its few lines. Two lists of keys serve every
// sort in turn, so that two halves of a million fit in the memory budget.
func dominating2(nq int, thr func(i, j int) float64, pts []float64) []uint64 {
	np := len(pts) / 2
	keys, scratch := make([]keyed, max(np, nq)), make([]keyed, max(np, nq))
	qs := keys[:nq]
	for i := range qs {
		qs[i] = keyed{floatKey(thr(i, 0)), int32(i)}
	}
	radixSort(qs, scratch)
	qOrder := make([]int32, nq)
	for i, q := range qs {
		qOrder[i] = q.i
	}
	byY := keys[:np]
	for i := range byY {
		byY[i] = keyed{floatKey(pts[2*i+1]), int32(i)}
	}
	radixSort(byY, scratch)
	// rank[i] is the number of distinct second coordinates below point i's; ys lists them.
	rank := make([]int32, np)
	ys := make([]uint64, 0, np)
	for _, k := range byY {
		if len(ys) == 0 || ys[len(ys)-1] != k.key {
			ys = append(ys, k.key)
		}
		rank[k.i] = int32(len(ys) - 1)
	}
	byX := keys[:np]
	for i := range byX {
		byX[i] = keyed{floatKey(pts[2*i]), int32(i)}
	}
	radixSort(byX, scratch)
	// fen counts added points by rank from the top (index 1 is the largest value), so a
	// prefix sum counts the values at or above one.
	fen := make([]uint32, len(ys)+1)
	out := make([]uint64, nq)
	pi := np - 1
	for qi := nq - 1; qi >= 0; qi-- {
		q := int(qOrder[qi])
		x := floatKey(thr(q, 0))
		for ; pi >= 0 && byX[pi].key >= x; pi-- {
			for i := len(ys) - int(rank[byX[pi].i]); i < len(fen); i += i & -i {
				fen[i]++
			}
		}
		at, _ := slices.BinarySearch(ys, floatKey(thr(q, 1))) // distinct values below
		var n uint64
		for i := len(ys) - at; i > 0; i -= i & -i {
			n += uint64(fen[i])
		}
		out[q] = n
	}
	return out
}

// keyed is a float, as its order key, and the position it came from.
type keyed struct {
	key uint64
	i   int32
}

// floatKey maps floats to unsigned integers in the same order, -0 and +0 alike.
func floatKey(x float64) uint64 {
	if x == 0 {
		x = 0
	}
	return uint64(orderedKey(x)) ^ 1<<63
}

// radixSort sorts a by key, ascending and stably, in at most four passes of 16 bits;
// scratch must be at least as long as a.
func radixSort(a, scratch []keyed) {
	if len(a) == 0 {
		return
	}
	out, buf := a, scratch[:len(a)]
	var counts [1 << 16]int
	for shift := 0; shift < 64; shift += 16 {
		clear(counts[:])
		for _, k := range a {
			counts[(k.key>>shift)&0xffff]++
		}
		if counts[(a[0].key>>shift)&0xffff] == len(a) {
			continue // every key shares this digit
		}
		sum := 0
		for d, c := range counts {
			counts[d] = sum
			sum += c
		}
		for _, k := range a {
			d := (k.key >> shift) & 0xffff
			buf[counts[d]] = k
			counts[d]++
		}
		a, buf = buf, a
	}
	copy(out, a)
}

// kdTree is a k-d tree over vectors with per-node bounding boxes, for counting the pairs
// of two sets in which one vector is at or above the other on every axis.
type kdTree struct {
	nv    int
	pts   []float64 // permuted, nv per vector
	orig  []int32   // orig[i] is where permuted vector i came from
	nodes []kdNode
	lo    []float64 // per node, nv: the box
	hi    []float64
}

type kdNode struct {
	from, to    int32 // vectors [from, to)
	left, right int32 // children, -1 at a leaf
}

// kdLeaf is the most vectors a leaf holds. Leaves of 16, 32 and 64 cost about the same
// time at 10^11 deals and five actors, now that a leaf compares only unsettled axes;
// 32 needs half the nodes of 16, some 10 MB less.
const kdLeaf = 32

// kdSingle is the most thresholds below a node that go down the points' tree one by one
// rather than as a box: 128 took a fifth less time than leaves of thresholds did at
// 10^11 deals and five actors, and much larger nodes more time again.
const kdSingle = 4 * kdLeaf

// newKDTree builds the tree over pts in place: the caller hands the vectors over, and
// they are permuted rather than copied, since at 10^11 deals the larger half alone is
// some 25 MB that the count would otherwise hold twice.
func newKDTree(pts []float64, nv int) *kdTree {
	n := len(pts) / nv
	kt := &kdTree{nv: nv, pts: pts[:n*nv], orig: make([]int32, n)}
	for i := range kt.orig {
		kt.orig[i] = int32(i)
	}
	// A tree of leaves of kdLeaf/2 to kdLeaf vectors has fewer than 4n/kdLeaf nodes.
	nodes := 4*n/kdLeaf + 1
	kt.nodes = make([]kdNode, 0, nodes)
	kt.lo, kt.hi = make([]float64, 0, nodes*nv), make([]float64, 0, nodes*nv)
	var build func(from, to int32) int32
	build = func(from, to int32) int32 {
		id := int32(len(kt.nodes))
		kt.nodes = append(kt.nodes, kdNode{from: from, to: to, left: -1, right: -1})
		at := len(kt.lo)
		kt.lo, kt.hi = append(kt.lo, pts[int(from)*nv:int(from+1)*nv]...), append(kt.hi, pts[int(from)*nv:int(from+1)*nv]...)
		lo, hi := kt.lo[at:at+nv], kt.hi[at:at+nv]
		for i := int(from) + 1; i < int(to); i++ {
			v := pts[i*nv : (i+1)*nv]
			for j, x := range v {
				lo[j], hi[j] = min(lo[j], x), max(hi[j], x)
			}
		}
		if to-from <= kdLeaf {
			return id
		}
		axis := 0
		for j := 1; j < nv; j++ {
			if hi[j]-lo[j] > hi[axis]-lo[axis] {
				axis = j
			}
		}
		mid := from + (to-from)/2
		kt.selectNth(int(from), int(to), int(mid), axis)
		l := build(from, mid)
		r := build(mid, to)
		kt.nodes[id].left, kt.nodes[id].right = l, r
		return id
	}
	if n > 0 {
		build(0, int32(n))
	}
	return kt
}

// selectNth reorders the vectors [from, to) so that the one at n is the one a sort on axis
// would put there, with none above it before and none below it after: the median split
// of a k-d tree in linear time, where sorting at every level would cost a log more.
func (kt *kdTree) selectNth(from, to, n, axis int) {
	nv, pts := kt.nv, kt.pts
	value := func(i int) float64 { return pts[i*nv+axis] }
	swap := func(a, b int) {
		va, vb := pts[a*nv:(a+1)*nv], pts[b*nv:(b+1)*nv]
		for j := range va {
			va[j], vb[j] = vb[j], va[j]
		}
		kt.orig[a], kt.orig[b] = kt.orig[b], kt.orig[a]
	}
	lo, hi := from, to-1
	for lo < hi {
		// Median of three as the pivot keeps sorted runs from being quadratic.
		mid := lo + (hi-lo)/2
		a, b, c := value(lo), value(mid), value(hi)
		pivot := max(min(a, b), min(max(a, b), c))
		i, j := lo, hi
		for i <= j {
			for value(i) < pivot {
				i++
			}
			for value(j) > pivot {
				j--
			}
			if i <= j {
				swap(i, j)
				i++
				j--
			}
		}
		switch {
		case n <= j:
			hi = j
		case n >= i:
			lo = i
		default:
			return
		}
	}
}

func (kt *kdTree) box(id int32) (lo, hi []float64) {
	return kt.lo[int(id)*kt.nv : (int(id)+1)*kt.nv], kt.hi[int(id)*kt.nv : (int(id)+1)*kt.nv]
}

// dualCounts is one worker's share of a dual-tree count: pair counts per vector, and
// counts owed to every vector below a node, pushed down at the end.
// A half holds at most maxHalf vectors, so no count of one worker passes 32 bits.
type dualCounts struct {
	q, p         []uint32 // per permuted vector
	qNode, pNode []uint32 // per node
}

// single counts the pairs of one threshold with the points below a node, going down the
// points' tree alone: a point against a box settles more than two boxes do. At a leaf,
// only the axes on which the box does not already clear the threshold are compared,
// usually one or two of them.
func (c *dualCounts) single(qt, pt *kdTree, a, pi int32) {
	nv := qt.nv
	q := qt.pts[int(a)*nv : (int(a)+1)*nv]
	plo, phi := pt.box(pi)
	var axes [mitmMaxActors]int
	active := axes[:0]
	for j, x := range q {
		if phi[j] < x {
			return
		}
		if plo[j] < x {
			active = append(active, j)
		}
	}
	pn := pt.nodes[pi]
	switch {
	case len(active) == 0:
		c.q[a] += uint32(pn.to - pn.from)
		c.pNode[pi]++
		return
	case pn.left >= 0:
		c.single(qt, pt, a, pn.left)
		c.single(qt, pt, a, pn.right)
		return
	}
	points := pt.pts[int(pn.from)*nv : int(pn.to)*nv]
	pCount := c.p[pn.from:pn.to]
	var n uint32
	if len(active) == 1 {
		j, x := active[0], q[active[0]]
		for b := range pCount {
			if points[b*nv+j] >= x {
				n++
				pCount[b]++
			}
		}
		c.q[a] += n
		return
	}
point:
	for b := range pCount {
		p := points[b*nv : (b+1)*nv]
		for _, j := range active {
			if p[j] < q[j] {
				continue point
			}
		}
		n++
		pCount[b]++
	}
	c.q[a] += n
}

// dominatingDual counts, for every threshold vector, the points at or above it on every
// axis, and for every point the thresholds at or below it: the two directions a meeting
// needs, in one traversal of two k-d trees. A pair of boxes where every point clears
// every threshold is counted whole, a pair where none can is skipped, and only the pairs
// of boxes straddling the boundary of the zone are split. Jobs are pairs of subtrees fixed
// by the trees alone, and per-worker counts are added, so the answer does not depend on
// the number of workers.
func dominatingDual(ctx context.Context, thr, pts []float64, nv int, on cores) (perQ, perP []uint64, err error) {
	nq, np := len(thr)/nv, len(pts)/nv
	qt, pt := newKDTree(thr, nv), newKDTree(pts, nv)
	perQ, perP = make([]uint64, nq), make([]uint64, np)
	if nq == 0 || np == 0 {
		return perQ, perP, nil
	}
	// relate says whether every pair of a box pair passes (1), none does (-1), or it
	// depends (0).
	relate := func(qi, pi int32) int {
		qlo, qhi := qt.box(qi)
		plo, phi := pt.box(pi)
		all := 1
		for j := 0; j < nv; j++ {
			if phi[j] < qlo[j] {
				return -1
			}
			if plo[j] < qhi[j] {
				all = 0
			}
		}
		return all
	}
	size := func(kt *kdTree, id int32) uint32 { return uint32(kt.nodes[id].to - kt.nodes[id].from) }
	var visit func(c *dualCounts, qi, pi int32)
	visit = func(c *dualCounts, qi, pi int32) {
		switch relate(qi, pi) {
		case -1:
			return
		case 1:
			c.qNode[qi] += size(pt, pi)
			c.pNode[pi] += size(qt, qi)
			return
		}
		qn, pn := qt.nodes[qi], pt.nodes[pi]
		if qn.to-qn.from <= kdSingle || (qn.left < 0 && pn.left < 0) {
			for a := qn.from; a < qn.to; a++ {
				c.single(qt, pt, a, pi)
			}
			return
		}
		if pn.left < 0 || (qn.left >= 0 && qn.to-qn.from >= pn.to-pn.from) {
			visit(c, qn.left, pi)
			visit(c, qn.right, pi)
			return
		}
		visit(c, qi, pn.left)
		visit(c, qi, pn.right)
	}
	// Jobs: the pairs of subtrees a few levels down both trees.
	var jobs [][2]int32
	var split func(qi, pi int32, depth int)
	split = func(qi, pi int32, depth int) {
		qn, pn := qt.nodes[qi], pt.nodes[pi]
		if depth == 0 || qn.left < 0 || pn.left < 0 || relate(qi, pi) != 0 {
			jobs = append(jobs, [2]int32{qi, pi})
			return
		}
		for _, a := range []int32{qn.left, qn.right} {
			for _, b := range []int32{pn.left, pn.right} {
				split(a, b, depth-1)
			}
		}
	}
	split(0, 0, 3)
	workers := on.workers(len(jobs))
	shares := make([]*dualCounts, workers)
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := range shares {
		c := &dualCounts{q: make([]uint32, nq), p: make([]uint32, np), qNode: make([]uint32, len(qt.nodes)), pNode: make([]uint32, len(pt.nodes))}
		shares[w] = c
		wg.Add(1)
		go func() {
			defer wg.Done()
			if !on.start(ctx, w, workers) {
				return
			}
			for ctx.Err() == nil {
				i := int(next.Add(1) - 1)
				if i >= len(jobs) {
					return
				}
				visit(c, jobs[i][0], jobs[i][1])
			}
		}()
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, nil, err
	}
	for _, side := range []struct {
		kt     *kdTree
		out    []uint64
		direct func(*dualCounts) []uint32
		owed   func(*dualCounts) []uint32
	}{
		{qt, perQ, func(c *dualCounts) []uint32 { return c.q }, func(c *dualCounts) []uint32 { return c.qNode }},
		{pt, perP, func(c *dualCounts) []uint32 { return c.p }, func(c *dualCounts) []uint32 { return c.pNode }},
	} {
		owed := make([]uint64, len(side.kt.nodes))
		for _, c := range shares {
			for i, x := range side.owed(c) {
				owed[i] += uint64(x)
			}
		}
		// Children are built after their parent, so one pass in node order pushes every
		// debt down to the leaves.
		for id, nd := range side.kt.nodes {
			if nd.left >= 0 {
				owed[nd.left] += owed[id]
				owed[nd.right] += owed[id]
				continue
			}
			for i := nd.from; i < nd.to; i++ {
				n := owed[id]
				for _, c := range shares {
					n += uint64(side.direct(c)[i])
				}
				side.out[side.kt.orig[i]] = n
			}
		}
	}
	return perQ, perP, nil
}

// tallyMITM counts the tree's deals in the middle, with the per-option tallies the walk
// gives; false when the plan does not apply and the walk must count.
func (t *tree) tallyMITM(ctx context.Context, on cores) (*tally, bool, error) {
	p, ok := t.planMITM()
	if !ok {
		return nil, false, nil
	}
	tal, err := t.meet(ctx, p, on)
	return tal, true, err
}

func (t *tree) meet(ctx context.Context, p *mitmPlan, on cores) (*tally, error) {
	_, hiA := t.halfBounds(p.halves[0])
	_, hiB := t.halfBounds(p.halves[1])
	a, err := t.list(ctx, p.halves[0], hiB)
	if err != nil {
		return nil, err
	}
	b, err := t.list(ctx, p.halves[1], hiA)
	if err != nil {
		return nil, err
	}
	tal := t.newTally()
	if t.nv > 2 {
		// The thresholds are a copy of the smaller half; the k-d trees take the
		// thresholds and the larger half's vectors over, in place.
		small, large := a, b
		if len(b.combo) < len(a.combo) {
			small, large = b, a
		}
		thr := make([]float64, len(small.vec))
		for i, x := range small.vec {
			thr[i] = threshold(x, t.floor[i%t.nv])
		}
		pts := large.vec
		small.vec, large.vec = nil, nil
		perSmall, perLarge, err := dominatingDual(ctx, thr, pts, t.nv, on)
		if err != nil {
			return nil, err
		}
		tal.n = small.spread(t, perSmall, tal)
		large.spread(t, perLarge, tal)
		return tal, nil
	}
	for _, pair := range [2][2]*halfList{{a, b}, {b, a}} {
		n, err := t.partners(ctx, pair[0], pair[1])
		if err != nil {
			return nil, err
		}
		total := pair[0].spread(t, n, tal)
		if pair[0] == a {
			tal.n = total
		}
	}
	return tal, nil
}

// spread adds each part's number of partners to the options it is made of, and returns
// the number of deals.
func (hl *halfList) spread(t *tree, n []uint64, tal *tally) uint64 {
	var total uint64
	for i, c := range n {
		if c == 0 {
			continue
		}
		total += c
		combo := uint64(hl.combo[i])
		for gi := len(hl.groups) - 1; gi >= 0; gi-- {
			g := hl.groups[gi]
			size := uint64(len(g.combos))
			opts := g.combos[combo%size]
			combo /= size
			for x, k := range g.issues {
				tal.opt[t.sp.off[k]+opts[x]] += c
			}
		}
	}
	return total
}
