package sim

import (
	"cmp"
	"context"
	"fmt"
	"math"
	"slices"
)

// Rounds under who must agree (MODEL.md sections 6 to 8). An actor with ratification
// accepts only deals ratified for it, anticipating the vote at home, where its ratifiers
// vote by their reservations of the round. Agreement needs the votes the decision rule asks
// for. A proposer, or the mediator, that holds beliefs chooses from its perceived scenario:
// the others' reservations shifted by what it believes, their values and red lines as it
// believes them, their aspirations computed from those. Everyone answers by its true values,
// and a proposal its author believed would pass and that fails names the actors it misjudged.

// proposerAt is the actor who proposes at round t: the mediator (-1 for a neutral one), or
// the parties in turn.
func (rn *rounds) proposerAt(t int) int {
	if rn.protocol == ProtocolMediated {
		return rn.mediator
	}
	ps := rn.sp.Parties()
	return ps[t%len(ps)]
}

// NoText is a round that passed with nothing on the table, and why.
type NoText struct {
	Round int `json:"round"`
	// By is the proposer of the round: the mediator ("" for a neutral one) or the party
	// whose turn it was.
	By  string `json:"by,omitempty"`
	Why string `json:"why"`
}

// noText says why round t's proposer put nothing on the table; Rounds records it on the
// round and a played session in its transcript, so both tell it in the same words. Both
// protocols choose among the deals within every party's red lines, falling back to the
// nearest such deal when none is accepted now; nothing is proposed only when no deal keeps
// all those red lines, as the proposer sees them when it holds beliefs: then the true red
// lines may well leave room, and saying "they clash" would blame the parties for the
// proposer's picture.
func (rn *rounds) noText(t int) NoText {
	sc := rn.sp.sc
	p := rn.proposerAt(t)
	// The proposer searches within the red lines of the parties (Space.Parties): the veto
	// actors, or with no veto at all every voter. Under a decision rule whose table also
	// seats voters without a veto, their red lines do not stop a text.
	parties := "every party with a veto"
	if r := rn.sp.rule; r != nil && len(r.parties) == len(r.table) {
		parties = "every party at the table"
	}
	if p < 0 {
		return NoText{Round: t, Why: fmt.Sprintf("the mediator finds no text that %s could accept (every deal crosses a red line of one of them)", parties)}
	}
	nt := NoText{Round: t, By: sc.Actors[p].ID}
	name := sc.Actors[p].Name
	switch believes := len(rn.sp.sc.Actors[p].Beliefs.Set) > 0; {
	case believes && rn.protocol == ProtocolMediated:
		nt.Why = fmt.Sprintf("%s finds no text that it believes %s could accept (as it sees their red lines, every deal crosses one of them)", name, parties)
	case believes:
		nt.Why = fmt.Sprintf("%s has no deal to propose that it believes %s could accept (as it sees their red lines, every deal crosses one of them)", name, parties)
	case rn.protocol == ProtocolMediated:
		nt.Why = fmt.Sprintf("%s finds no text that %s could accept (every deal crosses a red line of one of them)", name, parties)
	default:
		nt.Why = fmt.Sprintf("%s has no deal to propose that %s could accept (every deal crosses a red line of one of them)", name, parties)
	}
	return nt
}

// picture is a proposer's view of the talks: its perceived scenario compiled, the others'
// best utilities and strategies as it believes them, and how far it believes each
// reservation lies from the truth.
type picture struct {
	sp       *Space
	best     []float64
	kind     []StrategyKind
	exponent []float64
	offset   []float64
}

// pictureOf compiles actor a's picture of the talks as they stand; nil when it holds no
// beliefs. A belief about a reservation is a belief about where it starts: the believer
// expects it to drift with the truth. The beliefs are those of the round, after the events
// so far: an event may have the actor learn the truth, or change its mind.
func (rn *rounds) pictureOf(a int) (*picture, error) {
	if a < 0 || len(rn.sp.sc.Actors[a].Beliefs.Set) == 0 {
		return nil, nil
	}
	now := rn.sp.sc.Clone()
	for i := range now.Actors {
		now.Actors[i].Reservation = rn.start.Actors[i].Reservation
	}
	for _, as := range rn.sp.sc.Actors[a].Beliefs.Set {
		if err := now.Set(as.Path, as.Value); err != nil {
			return nil, err
		}
	}
	pic := &picture{offset: make([]float64, len(now.Actors))}
	for i := range now.Actors {
		pic.offset[i] = now.Actors[i].Reservation - rn.start.Actors[i].Reservation
		now.Actors[i].Reservation = rn.sp.sc.Actors[i].Reservation
		k, e := StrategyExponent(now.Actors[i].Strategy)
		pic.kind, pic.exponent = append(pic.kind, k), append(pic.exponent, e)
	}
	sp, err := compile(now)
	if err != nil {
		return nil, err
	}
	pic.sp = sp
	view := &rounds{ctx: rn.ctx, sp: sp}
	if err := view.computeBest(); err != nil {
		return nil, err
	}
	pic.best = view.best
	return pic, nil
}

// perceivedRound is the reservations and aspirations of round t as the picture's holder a
// sees them. Its own are the true ones; another's tit-for-tat, which answers what happened,
// is taken as it truly is.
func (pic *picture) perceivedRound(a, t, deadline int, r, asp []float64, kind []StrategyKind) ([]float64, []float64) {
	pr, pasp := make([]float64, len(r)), make([]float64, len(r))
	for j := range r {
		pr[j] = math.Round(clamp01(r[j]+pic.offset[j])*1e12) / 1e12
		switch {
		case j == a || kind[j] == StrategyTitForTat:
			pasp[j] = asp[j]
		case pic.kind[j] == StrategyHardliner:
			pasp[j] = max(pic.best[j], pr[j])
		default:
			pasp[j] = Aspiration(pr[j], pic.best[j], t, deadline, pic.exponent[j])
		}
	}
	pasp[a] = asp[a]
	return pr, pasp
}

// propose is the round's proposal, chosen from the proposer's own picture when it holds
// beliefs; with it, whether the proposer believed it would pass and whom it then believed
// would accept.
func (rn *rounds) propose(t int, r, asp []float64) (*Proposal, []bool, error) {
	p := rn.proposerAt(t)
	pic, err := rn.pictureOf(p)
	if err != nil {
		return nil, nil, err
	}
	view, vr, vasp := rn, r, asp
	if pic != nil {
		cp := *rn
		cp.sp, cp.best = pic.sp, pic.best
		view = &cp
		vr, vasp = pic.perceivedRound(p, t, rn.deadline, r, asp, rn.kind)
	}
	var prop *Proposal
	if rn.protocol == ProtocolMediated {
		prop, err = view.mediated(vr, vasp)
	} else {
		prop, err = view.alternating(t, vr, vasp)
	}
	if err != nil || prop == nil || pic == nil || !pic.sp.passesNow(prop.Choice, vasp, vr) {
		return prop, nil, err
	}
	believed := make([]bool, rn.sp.actors)
	for j := range believed {
		believed[j] = pic.sp.acceptsNow(j, prop.Choice, vasp, vr)
	}
	return prop, believed, nil
}

// acceptsNow reports whether actor a accepts a deal in a round with reservations r and
// aspirations asp: a ratifier votes at home by its reservation; an actor with ratification
// accepts only what its ratifiers ratify; everyone else by its aspiration.
func (sp *Space) acceptsNow(a int, choice []int, asp, r []float64) bool {
	if sp.rule != nil && sp.rule.ratifierOf[a] >= 0 {
		return sp.Accepts(a, choice, r[a])
	}
	return sp.Accepts(a, choice, asp[a]) && sp.RatifiedFor(a, choice, r)
}

// passesNow reports whether a deal would be agreed in a round: every veto actor accepts it,
// the table's votes are there, and it is ratified for every actor with ratification.
func (sp *Space) passesNow(choice []int, asp, r []float64) bool {
	return sp.passes(choice, r, func(a int) bool { return sp.acceptsNow(a, choice, asp, r) })
}

// passes is passesNow with the actors' answers given: a played round settles on the
// answer of the person at a seat, not on that seat's aspiration.
func (sp *Space) passes(choice []int, r []float64, accepts func(a int) bool) bool {
	for _, a := range sp.veto {
		if !accepts(a) {
			return false
		}
	}
	if sp.rule == nil {
		return true
	}
	if sp.rule.needed > 0 && sp.votes(accepts) < sp.rule.needed {
		return false
	}
	for i := range sp.rule.ratify {
		if !sp.ratifiedFor(&sp.rule.ratify[i], choice, r) {
			return false
		}
	}
	return true
}

// votes is the votes of the table's actors whose answer is yes.
func (sp *Space) votes(accepts func(a int) bool) int {
	votes := 0
	for _, a := range sp.rule.table {
		if accepts(a) {
			votes += sp.rule.votes[a]
		}
	}
	return votes
}

// roundFloors are the values a deal must reach this round: aspirations at the table,
// reservations for the ratifiers, who vote at home.
func (sp *Space) roundFloors(asp, r []float64) []float64 {
	f := slices.Clone(asp)
	for a := range f {
		if sp.rule.ratifierOf[a] >= 0 {
			f[a] = r[a]
		}
	}
	return f
}

// partyScores scores deals by the Nash product of the parties' surpluses over r and by
// their summed utilities; the scorer reuses its buffers, as a search scores one deal at a
// time.
func (sp *Space) partyScores(r []float64) func(choice []int) (nash, sum float64) {
	parties := sp.Parties()
	u, res := make([]float64, len(parties)), make([]float64, len(parties))
	for j, a := range parties {
		res[j] = r[a]
	}
	return func(choice []int) (nash, sum float64) {
		for j, a := range parties {
			u[j] = sp.Utility(a, choice)
			sum += u[j]
		}
		return nashProduct(u, res), sum
	}
}

// mediatedDecided is mediated under a decision rule or ratification: the mediator chooses
// among the deals that would pass now.
func (rn *rounds) mediatedDecided(r, asp []float64) (*Proposal, error) {
	sp := rn.sp
	by := ""
	if rn.mediator >= 0 {
		by = sp.sc.Actors[rn.mediator].ID
	}
	floors := sp.roundFloors(asp, r)
	scores := sp.partyScores(r)
	choice, ok, err := gatedArgmax(rn.ctx, sp.partyTree(floors), sp.zoneGate(floors, true), func(c []int) (float64, float64) {
		nash, sum := scores(c)
		if rn.rule == RuleMediator {
			return sp.Utility(rn.mediator, c), nash
		}
		return nash, sum
	})
	if err != nil {
		return nil, err
	}
	if ok {
		return &Proposal{By: by, Basis: BasisAcceptable, Choice: choice}, nil
	}
	choice, ok, err = sp.nearestToPassing(rn.ctx, floors)
	if err != nil || !ok {
		return nil, err
	}
	return &Proposal{By: by, Basis: BasisClosest, Choice: choice}, nil
}

// unreachable is the shortfall of a voter whose red lines a deal crosses: no fall of its
// aspiration wins it, and the gaps of utilities, all in [0, 1], stay below it.
const unreachable = 2.0

// nearestToPassing finds, within the veto actors' red lines, the deal that the smallest
// fall of every floor would pass (floors as roundFloors gives them); false when no deal
// keeps those red lines. The veto actors' shortfalls alone would say nothing under a
// quota: a lone veto actor's own best was the mediator's text every round, whatever the
// votes it gathered.
func (sp *Space) nearestToPassing(ctx context.Context, floors []float64) ([]int, bool, error) {
	// Equally near deals rank by the parties' summed utilities, the proposals' second
	// criterion (MODEL.md section 4): when one voter that cannot be won sets the distance,
	// the lowest positions alone would choose among nearly every deal.
	scores := sp.partyScores(floors)
	best, err := sp.nearestPassing(ctx, floors, func(c []int) float64 {
		_, sum := scores(c)
		return sum
	})
	if err != nil || best.choice == nil {
		return nil, false, err
	}
	return best.choice, true, nil
}

// nearestPassing ranks the deals within the veto actors' red lines by their distance from
// passing at floors (the gauge's), nearest first, then by secondary, highest first, then by
// the lowest positions; its leader's primary is the distance negated, and its choice nil
// when no deal keeps those red lines.
func (sp *Space) nearestPassing(ctx context.Context, floors []float64, secondary func(choice []int) float64) (leader, error) {
	// The search tracks every actor's utility, so that a partial deal's distance is bounded
	// by the quota's as well as by the veto actors' shortfalls, but rejects only what a
	// veto actor's red lines rule out.
	cp := *sp
	cp.veto = make([]int, sp.actors)
	for a := range cp.veto {
		cp.veto[a] = a
	}
	r := sp.openRules()
	for _, a := range sp.veto {
		r.accept[a], r.cons[a] = sp.accept[a], sp.cons[a]
	}
	t := newTree(&cp, r)
	g := sp.newPassGauge(floors)
	// A completion can raise each utility by at most maxSuf, so each shortfall falls at
	// most to floor − (u + maxSuf), and the distance, rising with every shortfall, at most
	// to the distance of those.
	bound := func(d int, u []float64, _ []int) float64 {
		for a := range u {
			g.short[a] = countedShortfall(floors[a] - (u[a] + t.maxSuf[a][d]))
		}
		return -g.gap()
	}
	second := func([]float64, []int) float64 { return 0 }
	if secondary != nil {
		second = func(_ []float64, c []int) float64 { return secondary(c) }
	}
	return t.best(ctx, objective{
		primary:   func(_ []float64, c []int) float64 { return -g.of(c) },
		secondary: second,
		bound:     bound,
	})
}

// countedShortfall is a shortfall below a floor as acceptance counts it: none within
// Tolerance.
func countedShortfall(s float64) float64 {
	if s > Tolerance {
		return s
	}
	return 0
}

// passGauge measures how far deals stand from passing at floors f: the least fall of
// every floor at which a deal would pass. Each veto actor's shortfall counts; the votes
// needed at the table, and at home for each ratification, come from the voters nearest to
// accepting, so a quota's part is the shortfall of the last voter it takes. Its buffers are
// reused, as a search measures one deal at a time.
type passGauge struct {
	sp    *Space
	f     []float64
	short []float64 // per actor
	buf   []gaugedVote
}

type gaugedVote struct {
	short float64
	votes int
}

func (sp *Space) newPassGauge(f []float64) *passGauge {
	return &passGauge{sp: sp, f: f, short: make([]float64, sp.actors)}
}

// of is a deal's distance from passing.
func (g *passGauge) of(choice []int) float64 {
	for a := range g.short {
		g.short[a] = unreachable
		if g.sp.MeetsRedLines(a, choice) {
			g.short[a] = countedShortfall(g.f[a] - g.sp.Utility(a, choice))
		}
	}
	return g.gap()
}

// gap is the distance from passing of the shortfalls in g.short.
func (g *passGauge) gap() float64 {
	d := 0.0
	for _, a := range g.sp.veto {
		d = max(d, g.short[a])
	}
	if rule := g.sp.rule; rule != nil {
		d = max(d, g.quota(rule.table, rule.needed))
		for i := range rule.ratify {
			d = max(d, g.quota(rule.ratify[i].by, rule.ratify[i].needed))
		}
	}
	return d
}

// quota is the least shortfall within which the voters hold the votes needed.
func (g *passGauge) quota(voters []int, needed int) float64 {
	if needed <= 0 {
		return 0
	}
	g.buf = g.buf[:0]
	for _, a := range voters {
		g.buf = append(g.buf, gaugedVote{g.short[a], g.sp.rule.votes[a]})
	}
	slices.SortFunc(g.buf, func(x, y gaugedVote) int { return cmp.Compare(x.short, y.short) })
	got := 0
	for _, v := range g.buf {
		if got += v.votes; got >= needed {
			return v.short
		}
	}
	return unreachable
}

// needed lists the actors whose yes a deal needs, as of measures its distance, each with
// its shortfall: every veto actor, and for each quota the voters nearest to accepting,
// the first in file order among equals, until they hold the votes the veto actors' leave
// short. Each shortfall is at most the deal's distance, and the largest is the distance,
// so that every one of them lowering its floor by its own shortfall passes the deal.
func (g *passGauge) needed(choice []int) map[int]float64 {
	g.of(choice)
	out := map[int]float64{}
	for _, a := range g.sp.veto {
		out[a] = g.short[a]
	}
	rule := g.sp.rule
	if rule == nil {
		return out
	}
	take := func(voters []int, needed int) {
		var rest []int
		for _, a := range voters {
			if _, ok := out[a]; ok {
				needed -= rule.votes[a]
			} else if rule.votes[a] > 0 {
				rest = append(rest, a)
			}
		}
		slices.Sort(rest)
		slices.SortStableFunc(rest, func(x, y int) int { return cmp.Compare(g.short[x], g.short[y]) })
		for _, a := range rest {
			if needed <= 0 {
				return
			}
			out[a] = g.short[a]
			needed -= rule.votes[a]
		}
	}
	take(rule.table, rule.needed)
	for i := range rule.ratify {
		take(rule.ratify[i].by, rule.ratify[i].needed)
	}
	return out
}

// alternatingDecided is alternating under a decision rule or ratification: the proposer
// offers, among the deals it accepts now (ratified for it, if it has ratification), the
// one whose smallest surplus among the other parties is largest, or with no other party
// its own best; failing that, its best deal within the veto actors' red lines.
//
// Deals that would pass now come first. The veto actors are the parties, so a proposer
// courting only their surpluses ignores the votes: a lone veto party would offer its own
// best every round, gather too few votes and break down although deals pass (Harborco,
// five of six votes).
func (rn *rounds) alternatingDecided(t int, r, asp []float64) (*Proposal, error) {
	sp := rn.sp
	p := rn.proposerAt(t)
	parties := sp.Parties()
	by := sp.sc.Actors[p].ID
	open := make([]float64, sp.actors)
	for a := range open {
		open[a] = math.Inf(-1)
	}
	redLinesOnly := func() *tree {
		if sp.rule.noVeto {
			return sp.freeTree(parties)
		}
		return newTree(sp, sp.baseRules(open))
	}
	own := &gate{}
	own.requireYes(sp, p, asp[p])
	for i := range sp.rule.ratify {
		if sp.rule.ratify[i].actor == p {
			sp.ratificationGate(own, &sp.rule.ratify[i], r)
		}
	}
	scores := sp.partyScores(r)
	courting := func(c []int) (float64, float64) {
		nash, _ := scores(c)
		if len(parties) == 1 {
			return sp.Utility(p, c), nash
		}
		m := math.Inf(1)
		for _, a := range parties {
			if a != p {
				m = min(m, sp.Utility(a, c)-r[a])
			}
		}
		return m, nash
	}
	floors := sp.roundFloors(asp, r)
	passing := sp.zoneGate(floors, true)
	passing.requireYes(sp, p, asp[p])
	choice, ok, err := gatedArgmax(rn.ctx, sp.partyTree(floors), passing, courting)
	if err == nil && !ok {
		choice, ok, err = gatedArgmax(rn.ctx, redLinesOnly(), own, courting)
	}
	if err != nil {
		return nil, err
	}
	if ok {
		return &Proposal{By: by, Basis: BasisOwnAspiration, Choice: choice}, nil
	}
	anyDeal := &gate{}
	anyDeal.requireYes(sp, p, math.Inf(-1))
	choice, ok, err = gatedArgmax(rn.ctx, redLinesOnly(), anyDeal, func(c []int) (float64, float64) {
		nash, _ := scores(c)
		return sp.Utility(p, c), nash
	})
	if err != nil || !ok {
		return nil, err
	}
	return &Proposal{By: by, Basis: BasisOwnBest, Choice: choice}, nil
}
