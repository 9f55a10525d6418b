package sim

import (
	"cmp"
	"math"
	"slices"
	"sync"
)

// Exact thresholds for an actor whose acceptance a quota counts but whose surplus no
// solution weighs: a voter under a decision rule that leaves the vetoes in place, or a
// ratifier. Its reservation, weights and option utilities change only whether it accepts
// a deal, and a quota passes only more easily the more of its voters accept. So every
// deal is one of three kinds, whatever the number: it passes without the actor's vote
// (P0), fails even with it, or passes exactly when the actor accepts it (the swing deals,
// within its red lines). The zone at any value is P0 with the swing deals whose surplus
// line is at or above 0, and the parties' utilities, so every deal's Nash product, stay
// as they are. Its Nash deal is found among P0's frontier (a deal of P0 that another one
// dominates is never on the zone's frontier) and the swing deals in the zone. Between two
// roots of the swing deals' lines nothing changes, so the threshold is the first root at
// which the headline, computed in memory, differs; one analysis past it confirms it, as
// for the line model.
//
// Three searches per actor find P0's frontier and the swing deals. A zone too large to
// list, or too many swing deals, leaves the actor to bracketing.

// maxSwingDeals bounds the swing deals the voter model holds, and reads at each root that
// can move the Nash deal.
const maxSwingDeals = 1 << 15

// voterSet is what the voter model of one actor needs, shared by its rows.
type voterSet struct {
	// held is the size of P0; front its frontier, by the parties' utilities.
	held  uint64
	front []entry
	// swing are the swing deals, with the parties' utilities, in option order.
	swing []entry
	// frontProduct and swingProduct are the deals' Nash products, which the actor's
	// numbers do not move.
	frontProduct, swingProduct []float64
	// partyRes and partyPower are what the Nash criterion reads.
	partyRes, partyPower []float64
}

type voterSets struct {
	once sync.Once
	set  *voterSet
	err  error
}

// voterDeals finds actor a's voter set once; nil when the zones are too large to list.
func (s *sensitivity) voterDeals(a int) (*voterSet, error) {
	s.mu.Lock()
	if s.voters == nil {
		s.voters = map[int]*voterSets{}
	}
	vs, ok := s.voters[a]
	if !ok {
		vs = &voterSets{}
		s.voters[a] = vs
	}
	s.mu.Unlock()
	vs.once.Do(func() { vs.set, vs.err = s.findVoterSet(a) })
	return vs.set, vs.err
}

func (s *sensitivity) findVoterSet(a int) (*voterSet, error) {
	sp := s.sp
	// With a reservation of -Inf the actor accepts every deal within its red lines, with
	// +Inf none.
	yes, no := slices.Clone(s.res), slices.Clone(s.res)
	yes[a], no[a] = math.Inf(-1), math.Inf(1)
	s.analyses.Add(1)
	n, err := sp.gatedCount(s.ctx, yes, true)
	if err != nil || n > MaxTrackedDeals/16 {
		return nil, err
	}
	s.analyses.Add(2)
	with, err := gatedSearch(s.ctx, sp, yes, true)
	if err != nil {
		return nil, err
	}
	without, err := gatedSearch(s.ctx, sp, no, true)
	if err != nil {
		return nil, err
	}
	if len(with.members)-len(without.members) > maxSwingDeals {
		return nil, nil
	}
	vs := &voterSet{held: without.count, front: without.front.entries, partyRes: without.vetoRes, partyPower: without.vetoPower}
	// Both member lists are ascending positions, and P0 lies within the other.
	i := 0
	for _, pos := range with.members {
		for i < len(without.members) && without.members[i] < pos {
			i++
		}
		if i < len(without.members) && without.members[i] == pos {
			continue
		}
		choice := sp.choiceAt(pos)
		vs.swing = append(vs.swing, entry{vec: sp.effectiveOf(choice, s.res), count: 1, choice: choice})
	}
	f := frontier{nv: len(vs.partyRes), entries: vs.front}
	nash := f.criteria(vs.partyRes, vs.partyPower).of(SolutionNash)
	for _, e := range vs.front {
		vs.frontProduct = append(vs.frontProduct, nash(e.vec))
	}
	for _, e := range vs.swing {
		vs.swingProduct = append(vs.swingProduct, nash(e.vec))
	}
	return vs, nil
}

// voterModel is one number of a voter or ratifier: the swing deals' surplus lines, as
// the line model writes them, (alpha + beta·θ) / (scale0 + scale1·θ).
type voterModel struct {
	set            *voterSet
	alpha, beta    []float64
	scale0, scale1 float64
}

// in reports whether swing deal i is in the zone at θ: the actor accepts it, by the
// engine's tolerance.
func (m *voterModel) in(i int, x float64) bool {
	return m.alpha[i]+m.beta[i]*x >= -Tolerance*(m.scale0+m.scale1*x)
}

// headline is the zone's headline at θ, as the engine's gated search gives it, and the
// Nash deal's product. The engine picks, among the frontier's deals within its margin of
// the largest Nash product, the one with the lowest options; a deal that dominates
// another has no smaller product, so whether a deal so near the top is on the frontier
// is settled among the deals near the top alone.
func (m *voterModel) headline(x float64) (headline, float64) {
	vs := m.set
	h := headline{deals: vs.held}
	top := math.Inf(-1)
	for i := range vs.front {
		top = max(top, vs.frontProduct[i])
	}
	in := make([]bool, len(vs.swing))
	for i := range vs.swing {
		if in[i] = m.in(i, x); in[i] {
			h.deals++
			top = max(top, vs.swingProduct[i])
		}
	}
	if h.deals == 0 {
		return h, 0
	}
	margin := 1e-12 * max(1, math.Abs(top))
	var near []*entry
	for i := range vs.front {
		if vs.frontProduct[i] >= top-margin {
			near = append(near, &vs.front[i])
		}
	}
	for i := range vs.swing {
		if in[i] && vs.swingProduct[i] >= top-margin {
			near = append(near, &vs.swing[i])
		}
	}
	slices.SortFunc(near, func(p, q *entry) int { return slices.Compare(p.choice, q.choice) })
	for _, e := range near {
		if !slices.ContainsFunc(near, func(d *entry) bool { return dominates(d.vec, e.vec) }) {
			h.nash = e.choice
			break
		}
	}
	return h, top
}

// nearest is the first root of a swing deal's line from x0 towards limit at which the
// headline differs from base; at and probe as for lineModel.nearest. Only the roots of
// deals whose Nash product comes within the engine's margin of the Nash deal's can move
// it (or, in an empty zone, any deal's: it opens). ok is false when the model's headline
// at x0 is not the engine's, or the Nash product is zero and option order settles ties.
func (m *voterModel) nearest(x0, limit, dir float64, base headline) (at, probe float64, found, ok bool) {
	h, top := m.headline(x0)
	if h.differs(base) || h.deals != base.deals || h.deals > 0 && top <= 1e-15 {
		return 0, 0, false, false
	}
	margin := 1e-12 * max(1, math.Abs(top))
	type root struct{ dist, clean float64 }
	var roots []root
	for i := range m.alpha {
		if h.deals > 0 && m.set.swingProduct[i] < top-margin {
			continue
		}
		// Along dir the numerator with the tolerance, alpha + beta·θ + Tolerance·scale,
		// crosses 0 where the deal enters (rising) or leaves (falling).
		slope := dir * (m.beta[i] + Tolerance*m.scale1)
		e := m.alpha[i] + m.beta[i]*x0 + Tolerance*(m.scale0+m.scale1*x0)
		if slope == 0 || (e >= 0) == (slope > 0) {
			continue
		}
		d := math.Max(0, -e/slope)
		clean := d
		if m.beta[i] != 0 {
			clean = math.Max(0, -(m.alpha[i]+m.beta[i]*x0)/(dir*m.beta[i]))
		}
		roots = append(roots, root{d, clean})
	}
	slices.SortFunc(roots, func(p, q root) int { return cmp.Compare(p.dist, q.dist) })
	reach := dir * (limit - x0)
	for n, r := range roots {
		if r.dist > reach {
			break
		}
		if n+1 < len(roots) && roots[n+1].dist-r.dist < sensitivityStep/2 && roots[n+1].dist <= reach {
			// Roots this close are one change: look past the last of them.
			continue
		}
		// Just past the root, by less than the confirming analysis looks, within range.
		if h, _ := m.headline(x0 + dir*min(r.dist+sensitivityStep/4, reach)); !h.differs(base) {
			continue
		}
		clean := r.clean
		if math.Abs(clean-r.dist) > 1e-6 {
			clean = r.dist
		}
		return x0 + dir*min(clean, reach), x0 + dir*r.dist, true, true
	}
	return 0, 0, false, true
}
