package sim

import (
	"context"
	"math"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
)

// Who must agree (MODEL.md sections 6 and 7). Without a decision rule or ratification, a
// deal is in the zone when every veto actor accepts it, and the search in search.go, count.go
// and frontier.go answers alone. With them, acceptance adds a gate: vote counts (quotas) over
// actors whose acceptance is counted rather than required. The gate is checked beside the
// veto actors' rules in one depth-first walk (gatedWalk): a branch is cut when some quota can
// no longer be reached even if every voter still able to accept does, and, when only counting,
// taken whole when every quota is met even by the voters' worst completions.
//
// The zone under a gate is no longer an upper set of the parties' utilities (a deal better
// for every party can lose a voter), so the frontier cannot be built issue by issue; it is
// found by a walk of the zone that skips every subtree a deal already found dominates
// (searchZone), beside the count.

// decisionRule is the compiled form of a scenario's decision rule and ratifications; nil on
// a space whose scenario has neither, which then behaves exactly as before they existed.
type decisionRule struct {
	// parties are the actors whose utilities the frontier and the solutions use: the veto
	// actors, or every table voter when no actor holds a veto.
	parties []int
	// noVeto is set when no actor holds a veto: then the parties' acceptance is counted by
	// the decision's quota, not required.
	noVeto bool
	// table lists the actors that vote at Level I (every actor but the ratifiers) with
	// votes above 0 or a veto, in file order.
	table  []int
	votes  []int // per actor
	needed int   // decision.votes_needed
	ratify []ratifyRule
	// ratifierOf[a] is the actor a ratifies for, or -1.
	ratifierOf []int
}

// ratifyRule is one actor's ratification: the deal needs needed of by's votes.
type ratifyRule struct {
	actor  int
	by     []int
	needed int
}

func compileRule(sc *Scenario) *decisionRule {
	hasRatification := false
	for i := range sc.Actors {
		if len(sc.Actors[i].Ratification.By) > 0 {
			hasRatification = true
		}
	}
	if sc.Decision.VotesNeeded <= 0 && !hasRatification {
		return nil
	}
	dr := &decisionRule{needed: max(0, sc.Decision.VotesNeeded), votes: make([]int, len(sc.Actors)), ratifierOf: make([]int, len(sc.Actors))}
	for a := range sc.Actors {
		dr.votes[a] = max(0, sc.Actors[a].Votes)
		dr.ratifierOf[a] = -1
	}
	for a := range sc.Actors {
		r := &sc.Actors[a].Ratification
		if len(r.By) == 0 {
			continue
		}
		rr := ratifyRule{actor: a, needed: r.VotesNeeded}
		all := 0
		for _, id := range r.By {
			if k := sc.ActorIndex(id); k >= 0 && !slices.Contains(rr.by, k) {
				rr.by = append(rr.by, k)
				dr.ratifierOf[k] = a
				all += dr.votes[k]
			}
		}
		if rr.needed <= 0 {
			rr.needed = all
		}
		dr.ratify = append(dr.ratify, rr)
	}
	veto := 0
	for a := range sc.Actors {
		if dr.ratifierOf[a] >= 0 {
			continue
		}
		if sc.Actors[a].Veto {
			veto++
		}
		if sc.Actors[a].Veto || dr.votes[a] > 0 {
			dr.table = append(dr.table, a)
		}
	}
	if veto == 0 {
		dr.noVeto = true
		for _, a := range dr.table {
			if dr.votes[a] > 0 {
				dr.parties = append(dr.parties, a)
			}
		}
	} else {
		for _, a := range dr.table {
			if sc.Actors[a].Veto {
				dr.parties = append(dr.parties, a)
			}
		}
	}
	return dr
}

// gateVoter is one actor whose acceptance a quota counts, with its own values, red lines and
// constraints: usually an actor of the space searched, but for a believer's picture, the
// same actor as the believer sees it.
type gateVoter struct {
	actor       int
	val         []float64
	accept      []bool
	cons        []constraint
	reservation float64
	floor       float64
	votes       int
}

// gateQuota passes when the voters in members that accept hold at least needed votes.
type gateQuota struct {
	members []int
	needed  int
}

// gate is the part of a zone's acceptance that vetoes cannot express.
type gate struct {
	voters []gateVoter
	quotas []gateQuota
}

func (g *gate) addVoter(sp *Space, a int, reservation float64, votes int) int {
	g.voters = append(g.voters, gateVoter{actor: a, val: sp.value[a], accept: sp.accept[a], cons: sp.cons[a], reservation: reservation, floor: reservation - Tolerance, votes: votes})
	return len(g.voters) - 1
}

// requireYes adds a quota that a alone fills: the gate passes only deals a accepts at the
// given reservation.
func (g *gate) requireYes(sp *Space, a int, reservation float64) {
	g.quotas = append(g.quotas, gateQuota{members: []int{g.addVoter(sp, a, reservation, 1)}, needed: 1})
}

// met reports whether every quota gathers its votes from the voters yes says vote for it.
func (g *gate) met(yes func(m int) bool) bool {
	for qi := range g.quotas {
		q := &g.quotas[qi]
		votes := 0
		for _, m := range q.members {
			if yes(m) {
				votes += g.voters[m].votes
			}
		}
		if votes < q.needed {
			return false
		}
	}
	return true
}

// decisionGate is the gate of the table's decision rule: the votes of the non-veto voters
// must make up what the veto actors' votes leave short of votes_needed (the veto actors
// accept every deal in the zone). Without a veto, every voter's acceptance counts.
func (sp *Space) decisionGate(g *gate, res []float64) {
	dr := sp.rule
	if dr.needed <= 0 {
		return
	}
	q := gateQuota{needed: dr.needed}
	for _, a := range dr.table {
		if sp.sc.Actors[a].Veto {
			q.needed -= dr.votes[a]
			continue
		}
		if dr.votes[a] > 0 {
			q.members = append(q.members, g.addVoter(sp, a, res[a], dr.votes[a]))
		}
	}
	if q.needed > 0 {
		g.quotas = append(g.quotas, q)
	}
}

// ratificationGate adds the quota of one actor's ratifiers.
func (sp *Space) ratificationGate(g *gate, rr *ratifyRule, res []float64) {
	q := gateQuota{needed: rr.needed}
	for _, k := range rr.by {
		if sp.rule.votes[k] > 0 {
			q.members = append(q.members, g.addVoter(sp, k, res[k], sp.rule.votes[k]))
		}
	}
	if q.needed > 0 {
		g.quotas = append(g.quotas, q)
	}
}

// zoneGate is the gate of the whole zone: the decision rule, and with ratified set, every
// ratification.
func (sp *Space) zoneGate(res []float64, ratified bool) *gate {
	g := &gate{}
	sp.decisionGate(g, res)
	if ratified {
		for i := range sp.rule.ratify {
			sp.ratificationGate(g, &sp.rule.ratify[i], res)
		}
	}
	return g
}

// partyTree is the tree a gated search walks: the parties' utilities in its vector, the
// veto actors' red lines and reservations as hard rules. Without a veto the parties'
// acceptance is the gate's business, so the tree holds no rule of theirs.
func (sp *Space) partyTree(res []float64) *tree {
	if !sp.rule.noVeto {
		return newTree(sp, sp.baseRules(res))
	}
	return sp.freeTree(sp.rule.parties)
}

// countTree is the tree a gated count walks: the veto actors' red lines and reservations
// as hard rules, and no utility it does not judge by.
func (sp *Space) countTree(res []float64) *tree {
	if !sp.rule.noVeto {
		return newTree(sp, sp.baseRules(res))
	}
	return sp.freeTree(nil)
}

// freeTree is a tree over the whole space that tracks the given actors' utilities and
// rejects nothing.
func (sp *Space) freeTree(track []int) *tree {
	cp := *sp
	cp.veto = track
	return newTree(&cp, sp.openRules())
}

// openRules are rules that reject no deal: no reservation, every option acceptable, no
// constraint.
func (sp *Space) openRules() *rules {
	r := &rules{reservation: make([]float64, sp.actors), accept: make([][]bool, sp.actors), cons: make([][]constraint, sp.actors)}
	all := make([]bool, sp.off[sp.issues])
	for i := range all {
		all[i] = true
	}
	for a := range r.reservation {
		r.reservation[a] = math.Inf(-1)
		r.accept[a] = all
	}
	return r
}

// broken marks a voter's partial utility once a red line or constraint of its is broken.
// NaN, not -Inf: it stays NaN through sums and fails every comparison, so such a voter
// never counts, even one whose reservation is set aside (a floor of -Inf).
var broken = math.NaN()

// gatedWalk is one depth-first walk of a tree under a gate.
type gatedWalk struct {
	t      *tree
	g      *gate
	nm     int
	choice []int
	part   []float64 // (issues+1) × t.nv
	gpart  []float64 // (issues+1) × nm
	// maxSuf[m][d], minSuf[m][d]: the most and least voter m can still get from the issues
	// decided at depth d and below (broken for the least when some option crosses its red
	// line, for the most when every option does).
	maxSuf, minSuf [][]float64
	due            [][]voterConstraint // per depth
	settled        []int               // per voter: the first depth with none of its constraints left
	// cut, when set, skips the subtree below a node at depth d with the tree's partial
	// utilities u, for searches that need only some of the zone's deals.
	cut func(d int, u []float64) bool
	pacer
}

type voterConstraint struct {
	voter int
	c     *constraint
}

// harden takes out of the gate every quota that needs the votes of all its members and
// makes those members hard rules of the tree, tracked after its own actors: a required yes
// is a veto, which the tree prunes on far better than the gate can, and a walk left with no
// gate is a plain count. The tree's first actors, the frontier's, stay where they were.
func harden(t *tree, g *gate) (*tree, *gate) {
	rest := &gate{}
	var required []int
	for _, q := range g.quotas {
		total := 0
		for _, m := range q.members {
			total += g.voters[m].votes
		}
		if total == 0 || q.needed < total {
			nq := gateQuota{needed: q.needed}
			for _, m := range q.members {
				rest.voters = append(rest.voters, g.voters[m])
				nq.members = append(nq.members, len(rest.voters)-1)
			}
			rest.quotas = append(rest.quotas, nq)
			continue
		}
		for _, m := range q.members {
			if g.voters[m].votes > 0 {
				required = append(required, m)
			}
		}
	}
	if len(required) == 0 {
		return t, g
	}
	voters := make([]gateVoter, len(required))
	for i, m := range required {
		voters[i] = g.voters[m]
	}
	return require(t, voters), rest
}

// require is t with the given voters' acceptance made hard rules of the tree, tracked after
// its own actors.
func require(t *tree, voters []gateVoter) *tree {
	if len(voters) == 0 {
		return t
	}
	cp := *t.sp
	r := &rules{reservation: slices.Clone(t.rules.reservation), accept: slices.Clone(t.rules.accept), cons: slices.Clone(t.rules.cons)}
	cp.value, cp.veto = slices.Clone(cp.value), slices.Clone(cp.veto)
	for i := range voters {
		v := &voters[i]
		cp.veto = append(cp.veto, len(cp.value))
		cp.value = append(cp.value, v.val)
		r.reservation = append(r.reservation, v.reservation)
		r.accept = append(r.accept, v.accept)
		r.cons = append(r.cons, v.cons)
	}
	cp.actors = len(cp.value)
	return newTree(&cp, r)
}

func newGatedWalk(ctx context.Context, t *tree, g *gate) *gatedWalk {
	t, g = harden(t, g)
	w := &gatedWalk{t: t, g: g, nm: len(g.voters), pacer: pacer{ctx: ctx}}
	n := t.issues
	w.choice = make([]int, n)
	w.part = make([]float64, (n+1)*t.nv)
	w.gpart = make([]float64, (n+1)*w.nm)
	w.maxSuf = make([][]float64, w.nm)
	w.minSuf = make([][]float64, w.nm)
	w.settled = make([]int, w.nm)
	depthOf := make([]int, n)
	for d, k := range t.seq {
		depthOf[k] = d
	}
	w.due = make([][]voterConstraint, n)
	for m := range g.voters {
		v := &g.voters[m]
		hi, lo := make([]float64, n+1), make([]float64, n+1)
		for d := n - 1; d >= 0; d-- {
			k := t.seq[d]
			best, worst := math.Inf(-1), math.Inf(1)
			for _, o := range t.allowed[k] {
				if x := v.val[t.sp.off[k]+o]; v.accept[t.sp.off[k]+o] {
					best = max(best, x)
					worst = min(worst, x)
				} else {
					worst = broken
				}
			}
			switch {
			case len(t.allowed[k]) == 0:
				best, worst = 0, 0
			case math.IsInf(best, -1):
				best = broken
			}
			hi[d], lo[d] = hi[d+1]+best, lo[d+1]+worst
		}
		w.maxSuf[m], w.minSuf[m] = hi, lo
		for ci := range v.cons {
			c := &v.cons[ci]
			at := 0
			for _, cd := range c.ifConds {
				at = max(at, depthOf[cd.issue])
			}
			for _, cd := range c.thenCond {
				at = max(at, depthOf[cd.issue])
			}
			w.due[at] = append(w.due[at], voterConstraint{voter: m, c: c})
			w.settled[m] = max(w.settled[m], at+1)
		}
	}
	return w
}

// possible reports whether every quota can still be met below a node at depth d.
func (w *gatedWalk) possible(d int) bool {
	return w.g.met(func(m int) bool { return w.mayAccept(m, d) })
}

// sure reports whether every quota is met by every completion below a node at depth d.
func (w *gatedWalk) sure(d int) bool {
	return w.g.met(func(m int) bool { return w.mustAccept(m, d) })
}

// mayAccept reports whether voter m may accept some deal below a node at depth d.
func (w *gatedWalk) mayAccept(m, d int) bool {
	return w.gpart[d*w.nm+m]+w.maxSuf[m][d] >= w.g.voters[m].floor-boundSlack
}

// mustAccept reports whether voter m accepts every deal below a node at depth d.
func (w *gatedWalk) mustAccept(m, d int) bool {
	return d >= w.settled[m] && w.gpart[d*w.nm+m]+w.minSuf[m][d] >= w.g.voters[m].floor+boundSlack
}

// stepVoters extends the voters' partial utilities from depth d to d+1 by option o of
// issue seq[d]; choice[seq[d]] must already be o.
func (w *gatedWalk) stepVoters(d, o int) {
	idx := w.t.sp.off[w.t.seq[d]] + o
	cur, next := w.gpart[d*w.nm:(d+1)*w.nm], w.gpart[(d+1)*w.nm:(d+2)*w.nm]
	for m := range w.g.voters {
		v := &w.g.voters[m]
		if v.accept[idx] {
			next[m] = cur[m] + v.val[idx]
		} else {
			next[m] = broken
		}
	}
	for _, vc := range w.due[d] {
		if !vc.c.holds(w.choice) {
			next[vc.voter] = broken
		}
	}
}

// passes is the gate's exact test at a complete deal whose voters' utilities are gu.
func (w *gatedWalk) passes(gu []float64) bool {
	return w.g.met(func(m int) bool { return gu[m] >= w.g.voters[m].floor })
}

// run walks the tree, best options first. With whole set, a subtree that is entirely in
// the zone is offered to whole(d), which reports whether it took the subtree at once; one
// it leaves is walked. Every zone deal reached goes to leaf with the parties' utilities u
// and the voters' gu.
func (w *gatedWalk) run(whole func(d int) bool, leaf func(u, gu []float64)) error {
	if w.t.empty() {
		return nil
	}
	w.descend(0, whole, leaf)
	return w.err
}

// runOption walks, as run does, the part of the tree that settles the first issue decided
// on option o.
func (w *gatedWalk) runOption(o int, whole func(d int) bool, leaf func(u, gu []float64)) error {
	t := w.t
	if t.empty() || !w.possible(0) {
		return nil
	}
	w.choice[t.seq[0]] = o
	if t.step(0, o, w.choice, w.part[:t.nv], w.part[t.nv:2*t.nv]) {
		w.stepVoters(0, o)
		w.descend(1, whole, leaf)
	}
	return w.err
}

func (w *gatedWalk) descend(d int, whole func(d int) bool, leaf func(u, gu []float64)) {
	t := w.t
	if w.stopped() {
		return
	}
	if !w.possible(d) {
		return
	}
	u := w.part[d*t.nv : (d+1)*t.nv]
	if d == t.issues {
		gu := w.gpart[d*w.nm : (d+1)*w.nm]
		if t.leafOK(u) && w.passes(gu) {
			leaf(u, gu)
		}
		return
	}
	if w.cut != nil && w.cut(d, u) {
		return
	}
	if whole != nil && t.wholeOK(d, u) && w.sure(d) && whole(d) {
		return
	}
	next := w.part[(d+1)*t.nv : (d+2)*t.nv]
	for _, o := range t.order[d] {
		w.choice[t.seq[d]] = o
		if t.step(d, o, w.choice, u, next) {
			w.stepVoters(d, o)
			w.descend(d+1, whole, leaf)
		}
	}
}

// fork is another walk of the same tree and gate, with state of its own, for a worker.
func (w *gatedWalk) fork() *gatedWalk {
	n := w.t.issues
	cp := *w
	cp.choice = make([]int, n)
	cp.part = make([]float64, (n+1)*w.t.nv)
	cp.gpart = make([]float64, (n+1)*w.nm)
	cp.steps, cp.err = 0, nil
	return &cp
}

// gatedTally counts the zone of a tree under a gate, with how often each option occurs.
func gatedTally(ctx context.Context, t *tree, g *gate) (*tally, error) {
	w := newGatedWalk(ctx, t, g)
	if len(w.g.quotas) == 0 {
		return w.t.tallyAll(ctx, 0)
	}
	return w.tally()
}

// tally counts the zone by the walk, taking whole every subtree the gate surely passes.
func (w *gatedWalk) tally() (*tally, error) {
	t := w.t
	tal := t.newTally()
	err := w.run(func(d int) bool {
		tal.take(t, d, w.choice)
		return true
	}, func(u, gu []float64) {
		tal.one(t, w.choice)
	})
	if err != nil {
		return nil, err
	}
	t.finish(tal)
	return tal, nil
}

// gatedZone is what the analysis of a gated zone gathers.
type gatedZone struct {
	tal      *tally
	front    frontier
	top      []ranked
	members  []uint64
	pivotal  []uint64 // per actor: zone deals its vote is needed for
	res      []float64
	power    []float64
	partyRes []float64
}

// visitZone analyses the zone under the rule at reservations res (ratified or Level I
// only): its count and per-option tallies, the deals each table voter is pivotal for under
// a decision rule, the frontier of the parties' utilities, the limit best by Nash product
// and, with record, the deals' positions. Two walks run side by side: the count
// (countZone), and searchZone for the frontier and the best deals, which skips what can
// reach neither.
func (sp *Space) visitZone(ctx context.Context, res []float64, ratified bool, limit int, record bool) (*gatedZone, error) {
	dr := sp.rule
	np := len(dr.parties)
	z := &gatedZone{pivotal: make([]uint64, sp.actors), res: res, partyRes: make([]float64, np), power: make([]float64, np)}
	for j, a := range dr.parties {
		z.partyRes[j], z.power[j] = res[a], sp.power[a]
	}
	var countErr error
	counted := make(chan struct{})
	go func() {
		defer close(counted)
		countErr = sp.countZone(ctx, z, ratified, record)
	}()
	front, top, err := sp.searchZone(ctx, res, ratified, limit, z.partyRes)
	<-counted
	if err == nil {
		err = countErr
	}
	if err != nil {
		return nil, err
	}
	z.front, z.top = front, top
	return z, nil
}

// searchZone finds the frontier of the parties' utilities over the zone and its limit best
// deals by Nash product, by a depth-first walk, best options first, that skips a subtree
// when the bounds on its best completion say it holds nothing for either: a zone deal found
// dominates the bound, and (once limit deals are held) its Nash product cannot reach the
// worst of them. The gate only removes deals, so the bound over the walk's own rules holds
// under the gate too. Equal vectors and equal products are never cut, so the counts of
// equal deals and ties by position come out as a visit of every deal gives them.
//
// The walk is split by the option of the first issue it decides, the jobs shared among
// workers that file every candidate they find where all can prune with it. Which worker
// finds what changes only what is skipped, never the answer: the candidates are filtered
// exactly and the best deals merged.
func (sp *Space) searchZone(ctx context.Context, res []float64, ratified bool, limit int, partyRes []float64) (frontier, []ranked, error) {
	w0 := newGatedWalk(ctx, sp.partyTree(res), sp.zoneGate(res, ratified))
	var jobs []int
	if !w0.t.empty() {
		jobs = w0.t.order[0]
	}
	shared := &dominators{}
	finds := make([]*zoneFind, min(runtime.GOMAXPROCS(0), len(jobs)))
	var next atomic.Int64
	var wg sync.WaitGroup
	for i := range finds {
		f := sp.newZoneFind(w0.fork(), res, limit, partyRes, shared)
		finds[i] = f
		wg.Add(1)
		go func() {
			defer wg.Done()
			for f.err == nil {
				j := int(next.Add(1) - 1)
				if j >= len(jobs) {
					break
				}
				f.err = f.w.runOption(jobs[j], nil, f.leaf)
			}
			if f.err == nil {
				f.err = f.fc.flush()
			}
			if f.err == nil {
				f.err = f.fc.err
			}
		}()
	}
	wg.Wait()
	top := &topK{k: limit}
	var kept []entry
	for _, f := range finds {
		if f.err != nil {
			return frontier{}, nil, f.err
		}
		for _, it := range f.top.items {
			top.offer(it.key, it.pos)
		}
		kept = append(kept, f.fc.kept...)
	}
	if len(finds) > 1 {
		var err error
		if kept, err = paretoFilter(ctx, kept); err != nil {
			return frontier{}, nil, err
		}
	}
	front := frontier{nv: len(partyRes), entries: kept}
	slices.SortFunc(front.entries, func(a, b entry) int { return slices.Compare(a.choice, b.choice) })
	return front, top.sorted(), nil
}

// zoneFind is one worker of searchZone.
type zoneFind struct {
	sp       *Space
	w        *gatedWalk
	res      []float64
	partyRes []float64
	top      *topK
	fc       *frontierCands
	shared   *dominators
	latest   []float64   // the worker's last candidate, which the shared tree may not hold yet
	cutBy    [][]float64 // per depth, the vector that cut the last node there
	eff      []float64
	bound    []float64
	err      error
}

func (sp *Space) newZoneFind(w *gatedWalk, res []float64, limit int, partyRes []float64, shared *dominators) *zoneFind {
	np := len(partyRes)
	f := &zoneFind{sp: sp, w: w, res: res, partyRes: partyRes, top: &topK{k: limit}, shared: shared, eff: make([]float64, np), bound: make([]float64, np),
		fc: &frontierCands{ctx: w.ctx, np: np, issues: sp.issues, sl: newSlab(np, sp.issues, firstBlock, 4096)}, cutBy: make([][]float64, sp.issues+1)}
	w.cut = f.cut
	return f
}

func (f *zoneFind) cut(d int, u []float64) bool {
	t := f.w.t
	if f.top.k > 0 {
		if !f.top.full() {
			return false
		}
		if nashKey(t.nashBound(d, u[:len(f.partyRes)], f.partyRes, boundSlack)) >= f.top.items[0].key {
			return false
		}
	}
	// dominatesBound(x, b) is dominates(x, b+boundSlack).
	for j := range f.bound {
		f.bound[j] = u[j] + t.maxSuf[j][d] + boundSlack
	}
	// The deal that cut a node's last sibling tends to cut it too.
	if x := f.cutBy[d]; x != nil && dominates(x, f.bound) {
		return true
	}
	x := f.dominated(f.bound)
	f.cutBy[d] = x
	return x != nil
}

// dominated finds a zone deal's vector that dominates v, or nil.
func (f *zoneFind) dominated(v []float64) []float64 {
	if f.latest != nil && dominates(f.latest, v) {
		return f.latest
	}
	return f.shared.dominated(v)
}

func (f *zoneFind) leaf(u, _ []float64) {
	sp, w := f.sp, f.w
	sp.effective(u, w.choice, f.res, f.eff)
	f.top.offer(nashKey(nashProduct(f.eff, f.partyRes)), sp.index(w.choice))
	if f.dominated(f.eff) != nil {
		return
	}
	f.latest = f.fc.add(f.eff, w.choice)
	f.shared.add(f.latest)
}

// dominators holds zone deals' utility vectors, for the workers of searchZone to find one
// that dominates a deal or the bound on a subtree: every candidate of the frontier any of
// them found, filed anew in a k-d tree each time they have grown by half since last filed
// (so that filing costs little beside one filter of them). Any zone deal serves, even one
// a later deal dominates.
type dominators struct {
	filed atomic.Pointer[kdTree]
	mu    sync.Mutex
	vecs  []float64 // flat
	nv    int
	n     int // vectors filed
}

// dominated finds a vector filed that dominates v, or nil.
func (dm *dominators) dominated(v []float64) []float64 {
	if kt := dm.filed.Load(); kt != nil {
		return dominatedIn(kt, v)
	}
	return nil
}

// add holds v, and files every vector held once they have grown by half.
func (dm *dominators) add(v []float64) {
	dm.mu.Lock()
	defer dm.mu.Unlock()
	dm.vecs, dm.nv = append(dm.vecs, v...), len(v)
	if n := len(dm.vecs) / max(1, dm.nv); dm.nv > 0 && n >= max(64, dm.n+dm.n/2) {
		dm.filed.Store(newKDTree(dm.vecs, dm.nv))
		dm.n = n
	}
}

// dominatedIn finds a vector of kt that dominates v, or nil. A node where some utility stays
// below v's by more than the tolerance holds none and is passed over whole, so a vector
// that nothing dominates is answered after a few nodes, where a scan would read them all;
// a node whose every vector is at least v's on every utility and above it on one answers
// at once with any of them.
func dominatedIn(kt *kdTree, v []float64) []float64 {
	if len(kt.nodes) == 0 {
		return nil
	}
	nv := kt.nv
	var stackBuf [64]int32
	stack := append(stackBuf[:0], 0)
next:
	for len(stack) > 0 {
		id := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		lo, hi := kt.box(id)
		whole, above := true, false
		for j, x := range v {
			if hi[j] < x-Tolerance {
				continue next
			}
			whole = whole && lo[j] >= x-Tolerance
			above = above || lo[j] > x+Tolerance
		}
		nd := &kt.nodes[id]
		if whole && above {
			return kt.pts[int(nd.from)*nv : int(nd.from+1)*nv]
		}
		if nd.left < 0 {
			for i := int(nd.from); i < int(nd.to); i++ {
				if x := kt.pts[i*nv : (i+1)*nv]; dominates(x, v) {
					return x
				}
			}
			continue
		}
		stack = append(stack, nd.left, nd.right)
	}
	return nil
}

// frontierCands gathers candidate vectors of the frontier and filters them in batches
// into the kept ones, so that memory stays near the frontier's size however many come.
type frontierCands struct {
	ctx    context.Context
	np     int
	issues int
	kept   []entry
	cands  []entry
	sl     *slab
	err    error
}

// add gathers a candidate, filtering the candidates into the kept vectors when they are
// a batch's worth, and returns its own copy of vec.
func (fc *frontierCands) add(vec []float64, choice []int) []float64 {
	v, c := fc.sl.take()
	copy(v, vec)
	copy(c, choice)
	fc.cands = append(fc.cands, entry{vec: v, count: 1, choice: c})
	if len(fc.cands) >= batchSize(len(fc.kept)) && fc.err == nil {
		fc.err = fc.flush()
	}
	return v
}

// flush filters the candidates gathered so far into the kept vectors. The kept vectors
// move to blocks of their own, so the candidates' blocks can go.
func (fc *frontierCands) flush() error {
	if len(fc.cands) == 0 {
		return nil
	}
	batch, err := paretoFilter(fc.ctx, fc.cands)
	if err == nil {
		fc.kept, err = paretoFilter(fc.ctx, append(batch, fc.kept...))
	}
	fresh := newSlab(fc.np, fc.issues, len(fc.kept), len(fc.kept))
	for i := range fc.kept {
		v, c := fresh.take()
		copy(v, fc.kept[i].vec)
		copy(c, fc.kept[i].choice)
		fc.kept[i].vec, fc.kept[i].choice = v, c
	}
	fc.sl = newSlab(fc.np, fc.issues, firstBlock, 4096)
	fc.cands = fc.cands[:0]
	return err
}

// countZone counts the zone into z. Positions take a visit of every deal. Under a decision
// rule the count learns on its way the deals each table voter is pivotal for: by inclusion
// and exclusion where that needs few counts and the space is large enough for them to pay,
// else by a walk that takes whole the subtrees in which each voter is pivotal for all deals
// or none. Under ratification alone the gated walk counts.
func (sp *Space) countZone(ctx context.Context, z *gatedZone, ratified, record bool) error {
	if record {
		return sp.walkZone(ctx, z, ratified, true)
	}
	if sp.rule.needed == 0 {
		var err error
		z.tal, err = gatedTally(ctx, sp.countTree(z.res), sp.zoneGate(z.res, ratified))
		return err
	}
	w := newGatedWalk(ctx, sp.countTree(z.res), sp.zoneGate(z.res, ratified))
	pivots, vetoVotes := sp.tableVoters(w.g)
	if in, ok := planInclusion(w, pivots, vetoVotes, sp.rule.needed); ok && in.pays(w) {
		tal, pivotal, err := in.tally(ctx, w)
		if err != nil {
			return err
		}
		z.tal = tal
		for i, p := range pivots {
			z.pivotal[p.actor] = pivotal[i]
		}
		if !consistent(w.t.size[0], tal, pivotal) {
			// The counts come from different trees, which may round a deal lying within
			// a rounding step of a threshold differently; their signed sum would then
			// wrap. The walk judges every deal once.
			clear(z.pivotal)
			err = sp.walkZone(ctx, z, ratified, false)
		}
		if err != nil {
			return err
		}
	} else if err := sp.walkZone(ctx, z, ratified, false); err != nil {
		return err
	}
	// A veto actor's vote is needed for every deal of the zone.
	for _, a := range sp.rule.table {
		if sp.sc.Actors[a].Veto {
			z.pivotal[a] = z.tal.n
		}
	}
	return nil
}

// walkZone counts the zone into z by a walk split by the option of the first issue it
// decides, one job each, whose findings are merged in job order: the answer does not
// depend on how many workers take the jobs. With record it visits every deal and records
// its position; without, it counts the deals each table voter without a veto is pivotal
// for, taking at once every subtree in which each is pivotal for all deals or none.
func (sp *Space) walkZone(ctx context.Context, z *gatedZone, ratified, record bool) error {
	w0 := newGatedWalk(ctx, sp.partyTree(z.res), sp.zoneGate(z.res, ratified))
	t := w0.t
	z.tal = t.newTally()
	var jobs []int
	if !t.empty() {
		jobs = t.order[0]
	}
	visits := make([]*zoneVisit, len(jobs))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(jobs)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			w := w0.fork()
			for {
				i := int(next.Add(1) - 1)
				if i >= len(jobs) {
					return
				}
				v := sp.newZoneVisit(w, record)
				whole := v.whole
				if record {
					whole = nil
				}
				v.err = w.runOption(jobs[i], whole, v.leaf)
				visits[i] = v
			}
		}()
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return err
	}
	for _, v := range visits {
		if v.err != nil {
			return v.err
		}
		z.tal.add(v.tal)
		for a, n := range v.pivotal {
			z.pivotal[a] += n
		}
		z.members = append(z.members, v.members...)
	}
	t.finish(z.tal)
	slices.Sort(z.members)
	return nil
}

// zoneVisit is what one job of walkZone gathers.
type zoneVisit struct {
	sp      *Space
	w       *gatedWalk
	record  bool
	tal     *tally
	pivotal []uint64
	members []uint64
	// voters are the table's voters without a veto; vetoVotes is what the veto actors
	// hold, and every deal of the zone has.
	voters    []tableVoter
	vetoVotes int
	err       error
}

// tableVoter is a table voter without a veto as a walk sees it: gate is its voter in the
// walk's gate, or -1 either when the walk holds it as a hard rule (every vote is needed),
// so that it accepts every deal the walk reaches, or when its votes are not counted (the
// vetoes' votes are enough, so that it is never pivotal).
type tableVoter struct {
	actor, gate, votes int
	// sure, in whole, is whether it accepts every deal below the node.
	sure bool
}

func (sp *Space) newZoneVisit(w *gatedWalk, record bool) *zoneVisit {
	v := &zoneVisit{sp: sp, w: w, record: record, tal: w.t.newTally(), pivotal: make([]uint64, sp.actors)}
	v.voters, v.vetoVotes = sp.tableVoters(w.g)
	return v
}

// tableVoters are the table's voters without a veto as a walk under gate g sees them, and
// the veto actors' votes.
func (sp *Space) tableVoters(g *gate) (voters []tableVoter, vetoVotes int) {
	dr := sp.rule
	inGate := make([]int, sp.actors)
	for a := range inGate {
		inGate[a] = -1
	}
	for m, gv := range g.voters {
		if dr.ratifierOf[gv.actor] < 0 && inGate[gv.actor] < 0 {
			inGate[gv.actor] = m
		}
	}
	for _, a := range dr.table {
		if sp.sc.Actors[a].Veto {
			vetoVotes += dr.votes[a]
		} else {
			voters = append(voters, tableVoter{actor: a, gate: inGate[a], votes: dr.votes[a]})
		}
	}
	return voters, vetoVotes
}

func (v *zoneVisit) leaf(_, gu []float64) {
	sp, w := v.sp, v.w
	v.tal.one(w.t, w.choice)
	if v.record {
		v.members = append(v.members, sp.index(w.choice))
		return
	}
	accepts := func(tv *tableVoter) bool { return tv.gate < 0 || gu[tv.gate] >= w.g.voters[tv.gate].floor }
	votes := v.vetoVotes
	for i := range v.voters {
		if accepts(&v.voters[i]) {
			votes += v.voters[i].votes
		}
	}
	for i := range v.voters {
		if tv := &v.voters[i]; accepts(tv) && votes-tv.votes < sp.rule.needed {
			v.pivotal[tv.actor]++
		}
	}
}

// whole takes at once a subtree at depth d that lies entirely in the zone when every table
// voter without a veto is pivotal for all of its deals or for none. The walk offers only
// subtrees whose votes sure to come meet the quota, so a voter that may reject some deal
// is pivotal for none: without it the quota is met. A voter sure to accept every deal is
// pivotal for all when the most votes a deal below can gather, less its own, fall short,
// and for none when the votes sure to come, less its own, suffice; otherwise for some
// deals only, and the subtree is walked.
func (v *zoneVisit) whole(d int) bool {
	w, needed := v.w, v.sp.rule.needed
	sure, most := v.vetoVotes, v.vetoVotes
	for i := range v.voters {
		tv := &v.voters[i]
		switch {
		case tv.gate < 0 || w.mustAccept(tv.gate, d):
			tv.sure = true
			sure += tv.votes
			most += tv.votes
		case w.mayAccept(tv.gate, d):
			tv.sure = false
			most += tv.votes
		default:
			tv.sure = false
		}
	}
	for i := range v.voters {
		if tv := &v.voters[i]; tv.sure && most-tv.votes >= needed && sure-tv.votes < needed {
			return false
		}
	}
	size := w.t.size[d]
	v.tal.take(w.t, d, w.choice)
	for i := range v.voters {
		if tv := &v.voters[i]; tv.sure && most-tv.votes < needed {
			v.pivotal[tv.actor] += size
		}
	}
	return true
}

// effective writes the parties' utilities as the frontier and solutions use them: a party
// that votes against a deal that passes anyway (possible only without vetoes) is held at its
// reservation at most, so its surplus counts as 0.
func (sp *Space) effective(u []float64, choice []int, res []float64, out []float64) {
	copy(out, u)
	if !sp.rule.noVeto {
		return
	}
	for j, a := range sp.rule.parties {
		if !sp.Accepts(a, choice, res[a]) {
			out[j] = min(u[j], res[a])
		}
	}
}

// effectiveOf is effective for a deal given by its choice alone.
func (sp *Space) effectiveOf(choice []int, res []float64) []float64 {
	u := make([]float64, len(sp.rule.parties))
	for j, a := range sp.rule.parties {
		u[j] = sp.Utility(a, choice)
	}
	out := make([]float64, len(u))
	sp.effective(u, choice, res, out)
	return out
}

// gatedCount is the size of the zone (ratified or Level I only) at reservations res.
func (sp *Space) gatedCount(ctx context.Context, res []float64, ratified bool) (uint64, error) {
	tal, err := gatedTally(ctx, sp.countTree(res), sp.zoneGate(res, ratified))
	if err != nil {
		return 0, err
	}
	return tal.n, nil
}

// gatedSearch is searchZOPA under a decision rule or ratification.
func gatedSearch(ctx context.Context, sp *Space, res []float64, record bool) (*zopaSearch, error) {
	if record {
		// The visit records every deal as it goes: count first, and refuse a zone too large.
		n, err := sp.gatedCount(ctx, res, true)
		if err != nil {
			return nil, err
		}
		if n > MaxTrackedDeals {
			return nil, tooManyTracked(n)
		}
	}
	z, err := sp.visitZone(ctx, res, true, 0, record)
	if err != nil {
		return nil, err
	}
	return &zopaSearch{count: z.tal.n, members: z.members, front: z.front, vetoRes: z.partyRes, vetoPower: z.power}, nil
}

// Parties are the actors whose utilities the frontier and the bargaining solutions use, in
// file order: the veto actors, or, under a decision rule with no veto, every table voter.
func (sp *Space) Parties() []int {
	if sp.rule == nil {
		return slices.Clone(sp.veto)
	}
	return slices.Clone(sp.rule.parties)
}

// Passes reports whether a deal is in the zone at reservations res: every veto actor
// accepts it, the decision rule's votes are there, and it is ratified for every actor with
// ratification.
func (sp *Space) Passes(choice []int, res []float64) bool {
	for _, a := range sp.veto {
		if !sp.Accepts(a, choice, res[a]) {
			return false
		}
	}
	if sp.rule == nil {
		return true
	}
	if sp.rule.needed > 0 && sp.TableVotes(choice, res) < sp.rule.needed {
		return false
	}
	for i := range sp.rule.ratify {
		if !sp.ratifiedFor(&sp.rule.ratify[i], choice, res) {
			return false
		}
	}
	return true
}

// TableVotes is the votes of the table's actors that accept a deal.
func (sp *Space) TableVotes(choice []int, res []float64) int {
	if sp.rule == nil {
		return 0
	}
	votes := 0
	for _, a := range sp.rule.table {
		if sp.Accepts(a, choice, res[a]) {
			votes += sp.rule.votes[a]
		}
	}
	return votes
}

func (sp *Space) ratifiedFor(rr *ratifyRule, choice []int, res []float64) bool {
	return sp.ratifyingVotes(rr, choice, res) >= rr.needed
}

func (sp *Space) ratifyingVotes(rr *ratifyRule, choice []int, res []float64) int {
	votes := 0
	for _, k := range rr.by {
		if sp.Accepts(k, choice, res[k]) {
			votes += sp.rule.votes[k]
		}
	}
	return votes
}

// RatifiedFor reports whether a deal is ratified for actor a at reservations res; true
// for an actor without ratification.
func (sp *Space) RatifiedFor(a int, choice []int, res []float64) bool {
	if sp.rule == nil {
		return true
	}
	for i := range sp.rule.ratify {
		if sp.rule.ratify[i].actor == a {
			return sp.ratifiedFor(&sp.rule.ratify[i], choice, res)
		}
	}
	return true
}

// countVotes adds to a scored deal the votes it gathers at the table and at home, and,
// without a veto, the parties' Nash product as the solutions weigh it.
func (sp *Space) countVotes(d *Deal, choice []int, res []float64) {
	dr := sp.rule
	if dr.needed > 0 {
		v := sp.TableVotes(choice, res)
		d.Votes = &v
	}
	if len(dr.ratify) > 0 {
		d.Ratification = map[string]int{}
		for i := range dr.ratify {
			d.Ratification[sp.sc.Actors[dr.ratify[i].actor].ID] = sp.ratifyingVotes(&dr.ratify[i], choice, res)
		}
	}
	if dr.noVeto {
		partyRes := make([]float64, len(dr.parties))
		for j, a := range dr.parties {
			partyRes[j] = res[a]
		}
		d.NashProduct = presentable(nashProduct(sp.effectiveOf(choice, res), partyRes))
	}
}

// dominatingDecided is dominating under a decision rule or ratification: the zone is no
// longer every deal within the veto actors' red lines that is at least as good for them, so
// the deals that dominate are sought among the deals of the zone, by the parties' utilities.
func (sp *Space) dominatingDecided(ctx context.Context, choice []int) (*Dominance, error) {
	res := sp.reservations()
	parties := sp.rule.parties
	at := sp.effectiveOf(choice, res)
	gains := func(c []int) (lo, sum float64) {
		lo, hi := math.Inf(1), math.Inf(-1)
		for j, x := range sp.effectiveOf(c, res) {
			lo, hi = min(lo, x-at[j]), max(hi, x-at[j])
			sum += x - at[j]
		}
		if hi <= Tolerance || lo < -Tolerance {
			return notStrictlyBetter, sum
		}
		return lo, sum
	}
	best, ok, err := gatedArgmax(ctx, sp.partyTree(res), sp.zoneGate(res, true), func(c []int) (float64, float64) { return gains(c) })
	if err != nil || !ok {
		return nil, err
	}
	if lo, _ := gains(best); lo == notStrictlyBetter {
		return nil, nil
	}
	dom := &Dominance{Options: map[string]string{}, Gains: map[string]float64{}, Choice: best}
	for k, o := range best {
		dom.Options[sp.sc.Issues[k].ID] = sp.sc.Issues[k].Options[o].ID
	}
	eff := sp.effectiveOf(best, res)
	for j, a := range parties {
		dom.Gains[sp.sc.Actors[a].ID] = presentable(eff[j] - at[j])
	}
	lo, _ := gains(best)
	dom.MinGain = presentable(max(0, lo))
	sp.fillOthers(dom, choice)
	return dom, nil
}
