package sim

import (
	"context"
	"math"
	"slices"
)

// The one optimiser for "the best deal by a criterion": a branch-and-bound search of a
// tree (tree.argmax) for the proposals of the rounds, the deal that dominates a scored
// deal and the deal closest to agreement; its gated twin (gatedArgmax) where a decision
// rule or ratification decides which deals pass. Both rank deals the same way (leader):
// by a primary score within a relative 1e-12, then a secondary one, then the lowest option
// positions. The bargaining solutions are maxima over the Pareto frontier instead
// (frontier.argmax in solutions.go, by the criteria of its one table), and the listings
// keep the k best by the Nash product as printed, to 12 decimals, then lowest positions
// (tree.bestByNash in rank.go), a total order a heap can keep. bestOwn here and
// tree.maxUtility in diagnose.go want only the most an actor can get, not which deal
// gives it, so they cut ties as well and need no leader.

// vetoValues picks the veto actors' entries out of a slice indexed by actor, in the order
// the trees keep them.
func vetoValues(sp *Space, perActor []float64) []float64 {
	out := make([]float64, len(sp.veto))
	for j, a := range sp.veto {
		out[j] = perActor[a]
	}
	return out
}

// An objective ranks the deals of a tree for a branch-and-bound search. Deals are compared
// by primary, then secondary, then lowest option positions; bound must never be below the
// primary of any completion of a partial deal.
type objective struct {
	primary   func(u []float64, choice []int) float64
	secondary func(u []float64, choice []int) float64
	bound     func(k int, u []float64, choice []int) float64
}

// nashProduct is the Nash product of the surpluses of u over res, position by position (a
// surplus below zero counts as zero): the one place it is computed, by the solutions, the
// listings, the proposals and the decided zone alike.
func nashProduct(u, res []float64) float64 {
	p := 1.0
	for j := range u {
		p *= math.Max(0, u[j]-res[j])
	}
	return p
}

// nashBound is the Nash product over res that no completion of a partial deal at depth d,
// with veto utilities u, can exceed, each surplus widened by slack.
func (t *tree) nashBound(d int, u, res []float64, slack float64) float64 {
	p := 1.0
	for j := range u {
		p *= math.Max(0, u[j]+t.maxSuf[j][d]-res[j]+slack)
	}
	return p
}

// sumSlack is how far a veto actor's utility summed over a whole deal can fall from the
// same utility summed as a partial deal plus maxSuf, the two sums taking their terms in
// another order: the terms are at least 0 and at most 1 together, so each sum is off by
// at most its number of terms times 2⁻⁵³, and this allows four times that. Searches whose
// bound must stay within nashKey's 10⁻¹² take it in place of boundSlack.
func (t *tree) sumSlack() float64 {
	return 1e-15 * float64(t.issues+1)
}

// nashScore ranks deals by the Nash product of the veto actors' surpluses over res.
func nashScore(res []float64) func(u []float64, _ []int) float64 {
	return func(u []float64, _ []int) float64 { return nashProduct(u, res) }
}

func sumScore(u []float64, _ []int) float64 {
	s := 0.0
	for _, x := range u {
		s += x
	}
	return s
}

// nashObjective ranks by the Nash product over res and, among equal products (all zero
// when someone is held to its reservation), by the sum of the veto actors' utilities.
func nashObjective(t *tree, res []float64) objective {
	return objective{
		primary:   nashScore(res),
		secondary: sumScore,
		bound:     func(k int, u []float64, _ []int) float64 { return t.nashBound(k, u, res, 0) },
	}
}

// utilityObjective maximises actor a's utility; a need not hold a veto.
func utilityObjective(t *tree, a int, secondary func([]float64, []int) float64) objective {
	sp := t.sp
	suf := make([]float64, t.issues+1) // by depth, in the tree's issue order
	for d := t.issues - 1; d >= 0; d-- {
		k := t.seq[d]
		best := 0.0
		for i, o := range t.allowed[k] {
			if v := sp.value[a][sp.off[k]+o]; i == 0 || v > best {
				best = v
			}
		}
		suf[d] = suf[d+1] + best
	}
	return objective{
		primary:   func(_ []float64, choice []int) float64 { return sp.Utility(a, choice) },
		secondary: secondary,
		bound: func(d int, _ []float64, choice []int) float64 {
			u := suf[d]
			for _, k := range t.seq[:d] {
				u += sp.value[a][sp.off[k]+choice[k]]
			}
			return u
		},
	}
}

// minOthersObjective maximises the smallest surplus over res among the veto actors other
// than the one at veto position p.
func minOthersObjective(t *tree, p int, res []float64) objective {
	return objective{
		primary: func(u []float64, _ []int) float64 {
			m := math.Inf(1)
			for j := range u {
				if j != p {
					m = min(m, u[j]-res[j])
				}
			}
			return m
		},
		secondary: nashScore(res),
		bound: func(k int, u []float64, _ []int) float64 {
			m := math.Inf(1)
			for j := range u {
				if j != p {
					m = min(m, u[j]+t.maxSuf[j][k]-res[j])
				}
			}
			return m
		},
	}
}

// leader is the best deal offered so far. Every search for the best deal by a criterion
// ranks the same way: a higher primary score by more than a relative 1e-12, then a higher
// secondary one by as much, then the lowest option positions, issue by issue in file order.
type leader struct {
	primary, secondary float64
	choice             []int // nil until a deal is offered
}

// margin is how close a primary score must come to the leader's to tie with it.
func (l *leader) margin() float64 { return 1e-12 * max(1, math.Abs(l.primary)) }

// offer takes choice as the leader when it ranks before the one held.
func (l *leader) offer(p, s float64, choice []int) {
	m, ms := l.margin(), 1e-12*max(1, math.Abs(l.secondary))
	if l.choice == nil || p > l.primary+m ||
		(p >= l.primary-m && (s > l.secondary+ms || (s >= l.secondary-ms && slices.Compare(choice, l.choice) < 0))) {
		l.primary, l.secondary, l.choice = p, s, slices.Clone(choice)
	}
}

// cannotLead reports whether a subtree whose primary scores are at most bound can hold no
// deal that ranks before the leader. Subtrees that can only tie are still walked: a tie
// goes to the lowest positions, and the walk does not visit deals in that order.
func (l *leader) cannotLead(bound float64) bool {
	return l.choice != nil && bound+boundSlack < l.primary-l.margin()
}

// best finds the deal the tree allows that ranks first by the objective, with its scores
// as the search summed them; its choice is nil when the tree allows none.
func (t *tree) best(ctx context.Context, obj objective) (leader, error) {
	var best leader
	sr := t.newSearch()
	err := sr.run(ctx,
		func(d int, u []float64) bool { return best.cannotLead(obj.bound(d, u, sr.choice)) },
		func(u []float64) {
			if t.leafOK(u) {
				best.offer(obj.primary(u, sr.choice), obj.secondary(u, sr.choice), sr.choice)
			}
		})
	return best, err
}

// argmax finds the deal the tree allows that ranks first by the objective; false when the
// tree allows none.
func (t *tree) argmax(ctx context.Context, obj objective) ([]int, bool, error) {
	best, err := t.best(ctx, obj)
	if err != nil {
		return nil, false, err
	}
	return best.choice, best.choice != nil, nil
}

// bestOwn is the most actor a can get from a deal that keeps its own red lines and
// constraints, whoever else objects; false when no deal does. Branch and bound over the
// issues in order, cutting a branch once even its best completion cannot beat the best
// found.
func (sp *Space) bestOwn(ctx context.Context, a int) (float64, bool, error) {
	allowed := make([][]int, sp.issues)
	suf := make([]float64, sp.issues+1)
	for k := sp.issues - 1; k >= 0; k-- {
		top := math.Inf(-1)
		for o := 0; o < sp.opts[k]; o++ {
			if sp.accept[a][sp.off[k]+o] {
				allowed[k] = append(allowed[k], o)
				top = max(top, sp.value[a][sp.off[k]+o])
			}
		}
		if len(allowed[k]) == 0 {
			return 0, false, nil
		}
		suf[k] = suf[k+1] + top
	}
	due := make([][]constraint, sp.issues)
	for _, c := range sp.cons[a] {
		due[c.decideAt] = append(due[c.decideAt], c)
	}
	best, found := math.Inf(-1), false
	choice := make([]int, sp.issues)
	pace := pacer{ctx: ctx}
	var walk func(k int, u float64)
	walk = func(k int, u float64) {
		if (found && u+suf[k]+boundSlack <= best) || pace.stopped() {
			return
		}
		if k == sp.issues {
			best, found = u, true
			return
		}
		for _, o := range allowed[k] {
			choice[k] = o
			ok := true
			for i := range due[k] {
				if !due[k][i].holds(choice) {
					ok = false
					break
				}
			}
			if ok {
				walk(k+1, u+sp.value[a][sp.off[k]+o])
			}
		}
	}
	walk(0, 0)
	if pace.err != nil {
		return 0, false, pace.err
	}
	return best, found, nil
}

// dominated reports whether some deal within every veto actor's red lines is at least as
// good for each veto actor as choice and better for one, by more than Tolerance.
func (sp *Space) dominated(ctx context.Context, choice []int) (bool, error) {
	dom, err := sp.dominating(ctx, choice, sp.noReservations())
	return dom != nil, err
}

// noReservations are reservations that let every deal within the red lines count.
func (sp *Space) noReservations() []float64 {
	res := make([]float64, sp.actors)
	for a := range res {
		res[a] = math.Inf(-1)
	}
	return res
}

// argmaxValue is argmax that also returns the primary value of the deal found.
func (t *tree) argmaxValue(ctx context.Context, obj objective) ([]int, float64, bool, error) {
	choice, ok, err := t.argmax(ctx, obj)
	if err != nil || !ok {
		return nil, 0, false, err
	}
	u := make([]float64, t.nv)
	for j := range u {
		for k, o := range choice {
			u[j] += t.val[j][t.sp.off[k]+o]
		}
	}
	return choice, obj.primary(u, choice), true, nil
}

// notStrictlyBetter ranks deals that improve no veto actor below every deal that does:
// gains lie in [-1, 1], so it is below any of them.
const notStrictlyBetter = -2

// dominating finds, among the ZOPA deals (at reservations res) that are at least as good as
// choice for each veto actor and better for one by more than Tolerance, the one whose
// smallest gain is largest, then whose gains sum largest, then the first in option order;
// nil when there is none, that is, for a ZOPA deal, when choice is Pareto-optimal. Under a
// decision rule or ratification the zone is searched by the parties' utilities instead.
func (sp *Space) dominating(ctx context.Context, choice []int, res []float64) (*Dominance, error) {
	if sp.rule != nil {
		return sp.dominatingDecided(ctx, choice)
	}
	u := make([]float64, sp.actors)
	floor := make([]float64, sp.actors)
	for a := range u {
		u[a] = sp.Utility(a, choice)
		floor[a] = max(u[a], res[a])
	}
	t := newTree(sp, sp.baseRules(floor))
	at := vetoValues(sp, u)
	gain := objective{
		primary: func(v []float64, _ []int) float64 {
			lo, hi := math.Inf(1), math.Inf(-1)
			for j := range v {
				lo, hi = min(lo, v[j]-at[j]), max(hi, v[j]-at[j])
			}
			if hi <= Tolerance {
				return notStrictlyBetter
			}
			return lo
		},
		secondary: func(v []float64, _ []int) float64 {
			s := 0.0
			for j := range v {
				s += v[j] - at[j]
			}
			return s
		},
		bound: func(k int, v []float64, _ []int) float64 {
			g := math.Inf(1)
			for j := range v {
				g = min(g, v[j]+t.maxSuf[j][k]-at[j])
			}
			return g
		},
	}
	best, value, found, err := t.argmaxValue(ctx, gain)
	if err != nil || !found || value == notStrictlyBetter {
		return nil, err
	}
	dom := &Dominance{Options: map[string]string{}, Gains: map[string]float64{}, Choice: best}
	for k, o := range best {
		dom.Options[sp.sc.Issues[k].ID] = sp.sc.Issues[k].Options[o].ID
	}
	for _, a := range sp.veto {
		dom.Gains[sp.sc.Actors[a].ID] = presentable(sp.Utility(a, best) - u[a])
	}
	// A gain within Tolerance of zero is a tie, reported as no gain at all.
	dom.MinGain = presentable(max(0, value))
	sp.fillOthers(dom, choice)
	return dom, nil
}

// closest finds, among the deals the tree allows, the one whose largest shortfall below
// the veto actors' reservations res (indexed by actor) is smallest, the lowest positions
// on ties, and that shortfall. A shortfall is at most 1, so the leader's relative tie
// margin is 1e-12 in absolute terms.
func (t *tree) closest(ctx context.Context, sp *Space, res []float64) ([]int, float64, bool, error) {
	vres := vetoValues(sp, res)
	// The primary score is the largest shortfall negated, so that the best deal has the
	// highest; at depth d it is bounded by the shortfall of the best completions.
	shortfall := func(d int, u []float64) float64 {
		l := 0.0
		for j := range u {
			l = max(l, vres[j]-(u[j]+t.maxSuf[j][d]))
		}
		return -l
	}
	best, err := t.best(ctx, objective{
		primary:   func(u []float64, _ []int) float64 { return shortfall(t.issues, u) },
		secondary: func([]float64, []int) float64 { return 0 },
		bound:     func(d int, u []float64, _ []int) float64 { return shortfall(d, u) },
	})
	if err != nil || best.choice == nil {
		return nil, 0, false, err
	}
	return best.choice, -best.primary, true, nil
}

// gatedArgmax finds the deal of a gated walk best by primary, then secondary, then lowest
// positions, visiting every deal the walk admits.
func gatedArgmax(ctx context.Context, t *tree, g *gate, score func(choice []int) (float64, float64)) ([]int, bool, error) {
	var best leader
	w := newGatedWalk(ctx, t, g)
	err := w.run(nil, func(_, _ []float64) {
		p, s := score(w.choice)
		best.offer(p, s, w.choice)
	})
	return best.choice, best.choice != nil, err
}
