package sim

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strings"
)

// Bargaining rounds (MODEL.md section 4). Talks run for rounds t = 0 … T−1. Each round the
// reservations move by their drift and by the events of that round, every actor sets an
// aspiration by its strategy, someone proposes a deal and every actor answers. The run
// stops at the first proposal all veto actors accept, or breaks down at the deadline.
//
// Reservations follow r_i(t) = r_i(t−1) + drift_i, with the events of round t applied on top
// (a set: replaces the value, an add: shifts it). While drift and events only add, this is
// MODEL's r_i + t·drift_i + events by t. The value is clamped to [0,1] when it is read,
// because a utility can be neither below 0 nor above 1; the unclamped value carries on, so
// a reservation pushed past 1 and pulled back by a later event lands where the arithmetic
// says. An event may change anything a path names (weights, red lines, drift); the round's
// space is then compiled afresh. The protocol itself is fixed when talks start.

// Concession exponents of the time-dependent presets. Faratin, Sierra & Jennings (1998,
// "Negotiation decision functions for autonomous agents", Robotics and Autonomous Systems
// 24(3–4)) call e < 1 Boulware and e > 1 Conceder; the values are those of the
// time-dependent agents shipped with the Genius negotiation platform (Lin, Kraus, Baarslag
// et al. 2014, Computational Intelligence 30(1)): Boulware 0.2, Linear 1, Conceder 2, and a
// Hardliner that never concedes (e = 0).
const (
	BoulwareExponent = 0.2
	LinearExponent   = 1.0
	ConcederExponent = 2.0
)

// DefaultRounds is the deadline when neither the scenario nor the caller sets one.
const DefaultRounds = 10

// RoundsOptions tune a run of bargaining rounds. Zero values take the scenario's settings.
type RoundsOptions struct {
	// Protocol replaces protocol.kind: "mediated" or "alternating".
	Protocol ProtocolKind
	// Rounds replaces protocol.rounds when above 0.
	Rounds int
	// Seed is recorded in the transcript. The rounds use no randomness today, so every seed
	// gives the same run; it is there so that stochastic strategies keep runs reproducible.
	Seed uint64
	// Workers is the number of goroutines for the ZOPA counts; 0 means one per core.
	Workers int
}

// Transcript is a run of bargaining rounds. Its JSON form is a public contract.
type Transcript struct {
	Scenario string       `json:"scenario"`
	Protocol ProtocolKind `json:"protocol"`
	// Rule is how the mediator chooses among deals everyone accepts (mediated only).
	Rule Rule `json:"rule,omitempty"`
	// Mediator is the actor who proposes under the mediated protocol; "" is a neutral one.
	Mediator string        `json:"mediator,omitempty"`
	Deadline int           `json:"deadline"`
	Seed     uint64        `json:"seed"`
	Actors   []RoundsActor `json:"actors"`
	// RipeAt is the first round with a non-empty ZOPA at that round's reservations.
	RipeAt   *int     `json:"ripe_at"`
	Rounds   []Round  `json:"rounds"`
	Outcome  Outcome  `json:"outcome"`
	Warnings []string `json:"warnings,omitempty"`
	// notes are Warnings with the path of the value each is about, which a caller that
	// read the scenario from a file can locate there.
	notes Diagnostics
}

// Notes are the warnings of the run, each with the id path of the entry it is about (an
// event's round, say): the deadline is known only once the run's options are, so they are
// found here rather than by validation.
func (tr *Transcript) Notes() Diagnostics { return tr.notes }

// lateEvent says that an event comes after the last round of a deadline of that many
// rounds, which run from round 0.
func lateEvent(ev Event, deadline int) string {
	rounds := "rounds"
	if deadline == 1 {
		rounds = "round"
	}
	return fmt.Sprintf("the event at round %d (%s) falls after the deadline of %d %s and never happens", ev.Round, ev.Why, deadline, rounds)
}

func (tr *Transcript) warn(path, format string, args ...any) {
	d := Diagnostic{Severity: SeverityWarning, Path: path, Message: fmt.Sprintf(format, args...)}
	tr.notes = append(tr.notes, d)
	tr.Warnings = append(tr.Warnings, d.Message)
}

// RoundsActor is an actor as the rounds treat it: its strategy resolved from its defaults.
type RoundsActor struct {
	ID       string       `json:"id"`
	Name     string       `json:"name"`
	Veto     bool         `json:"veto"`
	Strategy StrategyKind `json:"strategy"`
	// Exponent is the concession exponent e of a time-dependent strategy; nil otherwise.
	Exponent *float64 `json:"exponent"`
}

// Round is one round of talks.
type Round struct {
	Round  int          `json:"round"`
	Events []FiredEvent `json:"events"`
	Actors []ActorRound `json:"actors"`
	// Proposal is nil when no deal keeps every party's red lines as the proposer sees them.
	Proposal *Proposal `json:"proposal"`
	// NoText, in a round with no proposal, says why the proposer (or the mediator) put
	// nothing on the table: whose red lines, and whether as it truly knows them or as it
	// believes them. A played session's transcript lists these rounds in its own no_text,
	// with the proposer, and leaves this empty.
	NoText     string   `json:"no_text,omitempty"`
	AcceptedBy []string `json:"accepted_by"`
	// ZOPA is the number of deals every veto actor accepts at this round's reservations;
	// talks are ripe when it is above 0, whether or not anyone accepts yet.
	ZOPA      uint64 `json:"zopa_size"`
	Ripe      bool   `json:"ripe"`
	Agreement bool   `json:"agreement"`
	// Votes, under a decision rule, is the votes of the table's actors that accept the
	// proposal.
	Votes *int `json:"votes,omitempty"`
	// Misjudged, when a proposer that holds beliefs expected its proposal to pass and it
	// failed, lists the actors it wrongly believed would accept.
	Misjudged []string `json:"misjudged,omitempty"`
	// believed and r are kept to settle the round again when a player answers in an
	// agent's place: whom the proposer believed would accept, and the reservations.
	believed []bool
	r        []float64
}

// FiredEvent is an event of the scenario that took effect at the start of its round.
type FiredEvent struct {
	Why    string       `json:"why"`
	Set    []Assignment `json:"set,omitempty"`
	Add    []Assignment `json:"add,omitempty"`
	Source string       `json:"source,omitempty"`
}

// ActorRound is one actor's standing in a round.
type ActorRound struct {
	Actor       string  `json:"actor"`
	Reservation float64 `json:"reservation"`
	Aspiration  float64 `json:"aspiration"`
	// Best is the most the actor can get from a deal within its own red lines.
	Best float64 `json:"best"`
	// Utility is what the actor gets from the round's proposal; nil when there is none.
	Utility *float64 `json:"utility"`
	Accepts bool     `json:"accepts"`
}

// Basis is how a proposal was chosen.
type Basis string

// Bases of the deals actors and mediators put on the table.
const (
	// BasisAcceptable: the mediator chose among deals every veto actor accepts.
	BasisAcceptable Basis = "acceptable"
	// BasisClosest: no deal met every aspiration; the mediator chose the one whose largest
	// shortfall below an aspiration is smallest.
	BasisClosest Basis = "closest"
	// BasisOwnAspiration: the proposer chose among deals it accepts itself.
	BasisOwnAspiration Basis = "own_aspiration"
	// BasisOwnBest: no deal within everyone's red lines met the proposer's aspiration; it
	// offered its best such deal.
	BasisOwnBest Basis = "own_best"
)

// Proposal is the deal on the table in one round.
type Proposal struct {
	// By is the proposing actor; "" is a neutral mediator.
	By    string `json:"by,omitempty"`
	Basis Basis  `json:"basis"`
	// Options is the full deal, issue by option.
	Options map[string]string `json:"options"`
	// Changed lists, in file order, the issues on which the deal differs from the previous
	// round's proposal; every issue in the first proposal.
	Changed []string `json:"changed"`
	// LargestShortfall is the most any veto actor's utility falls below its aspiration.
	LargestShortfall float64 `json:"largest_shortfall"`
	Choice           []int   `json:"-"`
}

// Outcome is how the talks end.
type Outcome struct {
	Agreement bool `json:"agreement"`
	// Round is the round of agreement, or the last round at a breakdown.
	Round int `json:"round"`
	// Deal is the agreed deal, scored against the reservations of its round; nil at a
	// breakdown.
	Deal *Deal `json:"deal"`
	// OutsideZone is set when the agreed deal is not in the zone at Round's reservations:
	// the agents accept only what their reservations allow, but a person at a seat
	// (negsim play) may accept less than its own. Such a deal is not Pareto-optimal: the
	// frontier is of the zone's deals, as score judges it.
	OutsideZone bool `json:"outside_zone,omitempty"`
	// Reservations are the values at Round: at a breakdown, what every actor gets.
	Reservations map[string]float64 `json:"reservations"`
	// ClosestSolution names the bargaining solution (at the round's reservations) nearest
	// the agreed deal in the veto actors' utilities.
	ClosestSolution SolutionKind  `json:"closest_solution,omitempty"`
	Solutions       []SolutionGap `json:"solutions,omitempty"`
}

// SolutionGap compares the agreed deal with one bargaining solution.
type SolutionGap struct {
	Solution        SolutionKind      `json:"solution"`
	Options         map[string]string `json:"options"`
	IssuesDiffering int               `json:"issues_differing"`
	// UtilityDistance is the Euclidean distance between the two deals' veto utilities.
	UtilityDistance float64 `json:"utility_distance"`
}

// StrategyExponent resolves an actor's strategy to its kind and concession exponent. No
// strategy is linear; an exponent without a kind is time-dependent. Tit-for-tat and
// hardliner have no exponent (0).
func StrategyExponent(st Strategy) (StrategyKind, float64) {
	switch st.Kind {
	case StrategyBoulware:
		return st.Kind, BoulwareExponent
	case StrategyLinear:
		return st.Kind, LinearExponent
	case StrategyConceder:
		return st.Kind, ConcederExponent
	case StrategyTimeDependent:
		return st.Kind, st.Exponent
	case StrategyTitForTat, StrategyHardliner:
		return st.Kind, 0
	}
	if st.Exponent > 0 {
		return StrategyTimeDependent, st.Exponent
	}
	return StrategyLinear, LinearExponent
}

// Aspiration is the time-dependent concession of Faratin, Sierra & Jennings (1998): at round
// t of a deadline of T rounds, an actor with reservation r and best utility best asks for
// r + (best − r)·(1 − (t/(T−1))^(1/e)). It starts at its best and reaches its reservation at
// the last round; e < 1 holds out (Boulware), e > 1 gives way early (Conceder). A best below
// the reservation leaves nothing to concede: the aspiration is the reservation.
func Aspiration(r, best float64, t, deadline int, e float64) float64 {
	top := max(best, r)
	tau := 1.0
	if deadline > 1 && t < deadline-1 {
		tau = float64(max(t, 0)) / float64(deadline-1)
	}
	return r + (top-r)*(1-math.Pow(tau, 1/e))
}

func clamp01(x float64) float64 { return min(1, max(0, x)) }

// rounds is the state of one run.
type rounds struct {
	ctx      context.Context
	opts     RoundsOptions
	sp       *Space
	start    *Scenario // the scenario as talks began: its events are the schedule
	cur      *Scenario // the scenario with the events so far, reservations unclamped
	raw      []float64 // unclamped reservations
	best     []float64
	kind     []StrategyKind
	exponent []float64
	deadline int
	protocol ProtocolKind
	rule     Rule
	mediator int // -1: a neutral mediator
	asp      [][]float64
}

// startRounds sets the talks up: the protocol, the actors' strategies, the warnings about
// the schedule and every actor's best deal. Rounds and a played game share it.
func startRounds(ctx context.Context, sp *Space, opts RoundsOptions) (*rounds, *Transcript, error) {
	if sp.tooMany {
		return nil, nil, &SpaceTooLargeError{Overflow: true}
	}
	sc := sp.sc
	rn := &rounds{ctx: ctx, opts: opts, sp: sp, start: sc, cur: sc.Clone(), raw: sp.reservations(), mediator: -1}
	if err := rn.resolveProtocol(); err != nil {
		return nil, nil, err
	}
	tr := &Transcript{Scenario: sc.Name, Protocol: rn.protocol, Deadline: rn.deadline, Seed: opts.Seed, Rounds: []Round{}}
	if rn.protocol == ProtocolMediated {
		tr.Rule = rn.rule
		if rn.mediator >= 0 {
			tr.Mediator = sc.Actors[rn.mediator].ID
		}
	}
	for a := range sc.Actors {
		kind, e := StrategyExponent(sc.Actors[a].Strategy)
		rn.kind = append(rn.kind, kind)
		rn.exponent = append(rn.exponent, e)
		ra := RoundsActor{ID: sc.Actors[a].ID, Name: sc.Actors[a].Name, Veto: sc.Actors[a].Veto, Strategy: kind}
		if e > 0 {
			ra.Exponent = &e
		}
		tr.Actors = append(tr.Actors, ra)
	}
	for i, ev := range sc.Events {
		p := fmt.Sprintf("events.%d", i)
		if ev.Round >= rn.deadline {
			tr.warn(p+".round", "%s", lateEvent(ev, rn.deadline))
		}
		for _, part := range []struct {
			key  string
			list []Assignment
		}{{"set", ev.Set}, {"add", ev.Add}} {
			for _, as := range part.list {
				if strings.HasPrefix(as.Path, "protocol.") {
					tr.warn(p+"."+part.key+"."+as.Path, "the event at round %d (%s) changes %s, but the protocol is fixed when the talks start", ev.Round, ev.Why, as.Path)
				}
			}
		}
	}
	if err := rn.computeBest(); err != nil {
		return nil, nil, err
	}
	return rn, tr, nil
}

// Rounds runs the scenario's bargaining rounds.
func Rounds(ctx context.Context, sp *Space, opts RoundsOptions) (*Transcript, error) {
	rn, tr, err := startRounds(ctx, sp, opts)
	if err != nil {
		return nil, err
	}
	var prev []int
	for t := 0; t < rn.deadline; t++ {
		rd, err := rn.round(t, prev)
		if err != nil {
			return nil, err
		}
		tr.Rounds = append(tr.Rounds, *rd)
		if rd.Ripe && tr.RipeAt == nil {
			tr.RipeAt = &rd.Round
		}
		if rd.Proposal != nil {
			prev = rd.Proposal.Choice
		}
		if rd.Agreement {
			out, err := rn.agreement(rd)
			if err != nil {
				return nil, err
			}
			tr.Outcome = *out
			return tr, nil
		}
	}
	tr.Outcome = rn.breakdown(rn.deadline - 1)
	return tr, nil
}

// breakdown is the end of talks without agreement at round t: everyone keeps its
// reservation of that round.
func (rn *rounds) breakdown(t int) Outcome {
	return Outcome{Round: t, Reservations: rn.reservationMap(rn.reservationsNow())}
}

func (rn *rounds) resolveProtocol() error {
	pr := rn.sp.sc.Protocol
	rn.protocol = pr.Kind
	if rn.opts.Protocol != "" {
		rn.protocol = rn.opts.Protocol
	}
	if rn.protocol == "" {
		rn.protocol = ProtocolAlternating
		if pr.Mediator != "" {
			rn.protocol = ProtocolMediated
		}
	}
	if rn.protocol != ProtocolMediated && rn.protocol != ProtocolAlternating {
		return &PathError{Path: "protocol.kind", Msg: fmt.Sprintf("unknown protocol %q; valid: %q or %q", rn.protocol, ProtocolMediated, ProtocolAlternating)}
	}
	rn.deadline = pr.Rounds
	if rn.opts.Rounds > 0 {
		rn.deadline = rn.opts.Rounds
	}
	if rn.deadline > MaxRounds {
		return &PathError{Path: "protocol.rounds", Msg: fmt.Sprintf("%d rounds are more than the limit of %d", rn.deadline, MaxRounds)}
	}
	if rn.deadline <= 0 {
		rn.deadline = DefaultRounds
	}
	rn.rule = pr.Rule
	if rn.rule == "" {
		rn.rule = RuleNash
	}
	if pr.Mediator != "" {
		rn.mediator = rn.sp.sc.ActorIndex(pr.Mediator)
	}
	if rn.protocol == ProtocolMediated && rn.rule == RuleMediator && rn.mediator < 0 {
		return &PathError{Path: "protocol.rule", Msg: fmt.Sprintf("rule %q proposes by the mediator's own utility, but protocol.mediator names no actor", RuleMediator)}
	}
	return nil
}

// reservationsNow are the reservations of the current round, clamped to [0,1] and rounded
// to 12 decimals: far finer than Tolerance, and it keeps a drift of 0.1 added five times
// from reading 0.5000000000000001.
func (rn *rounds) reservationsNow() []float64 {
	r := make([]float64, len(rn.raw))
	for i, x := range rn.raw {
		r[i] = math.Round(clamp01(x)*1e12) / 1e12
	}
	return r
}

func (rn *rounds) reservationMap(r []float64) map[string]float64 {
	m := map[string]float64{}
	for a := range rn.sp.sc.Actors {
		m[rn.sp.sc.Actors[a].ID] = r[a]
	}
	return m
}

// computeBest finds every actor's best utility within its own red lines, exactly.
func (rn *rounds) computeBest() error {
	rn.best = make([]float64, rn.sp.actors)
	for a := range rn.best {
		b, ok, err := rn.sp.bestOwn(rn.ctx, a)
		if err != nil {
			return err
		}
		if !ok {
			// No deal keeps its own red lines: it accepts nothing, and asks for nothing more
			// than its reservation.
			b = math.Inf(-1)
		}
		rn.best[a] = b
	}
	return nil
}

// fire applies the events of round t to the scenario and compiles it afresh.
func (rn *rounds) fire(t int) ([]FiredEvent, error) {
	fired := []FiredEvent{}
	for _, ev := range rn.start.Events {
		if ev.Round != t {
			continue
		}
		fired = append(fired, FiredEvent{Why: ev.Why, Set: ev.Set, Add: ev.Add, Source: ev.Source})
	}
	if len(fired) == 0 {
		return fired, nil
	}
	for a := range rn.cur.Actors {
		rn.cur.Actors[a].Reservation = rn.raw[a]
	}
	for _, ev := range fired {
		for _, as := range ev.Set {
			if err := rn.cur.Set(as.Path, as.Value); err != nil {
				return nil, fmt.Errorf("the event at round %d (%s): %w", t, ev.Why, err)
			}
			// A number set out of range is read at its bound, as an added one is (the
			// validator warned of it); a reservation carries on as written (see above).
			if _, isNum := toFloat(as.Value); isNum && !strings.HasSuffix(as.Path, ".reservation") {
				if err := rn.cur.AddClamped(as.Path, 0); err != nil {
					return nil, fmt.Errorf("the event at round %d (%s): %w", t, ev.Why, err)
				}
			}
		}
		for _, as := range ev.Add {
			delta, ok := toFloat(as.Value)
			if !ok {
				return nil, fmt.Errorf("the event at round %d (%s): add takes a number, not %s", t, ev.Why, describeValue(as.Value))
			}
			// Reservations carry on unclamped (see above); any other value is clamped to
			// its range as it is written, as MODEL section 4 reads it.
			add := rn.cur.AddClamped
			if strings.HasSuffix(as.Path, ".reservation") {
				add = rn.cur.Add
			}
			if err := add(as.Path, delta); err != nil {
				return nil, fmt.Errorf("the event at round %d (%s): %w", t, ev.Why, err)
			}
		}
	}
	for a := range rn.cur.Actors {
		rn.raw[a] = rn.cur.Actors[a].Reservation
	}
	// The compiled copy carries no events or variants: they were checked when the file
	// loaded, and re-checking them against a mid-run scenario would reject an event that
	// already happened.
	cp := rn.cur.Clone()
	cp.Events, cp.Variants = nil, nil
	for a := range cp.Actors {
		cp.Actors[a].Reservation = clamp01(cp.Actors[a].Reservation)
	}
	sp, err := Compile(cp)
	if err != nil {
		return nil, fmt.Errorf("after the events of round %d: %w", t, err)
	}
	rn.sp = sp
	return fired, rn.computeBest()
}

// aspirations sets every actor's aspiration for round t.
func (rn *rounds) aspirations(t int, r []float64) []float64 {
	asp := make([]float64, rn.sp.actors)
	for a := range asp {
		top := max(rn.best[a], r[a])
		if rn.sp.rule != nil && rn.sp.rule.ratifierOf[a] >= 0 {
			// A ratifier never bargains: it answers by its reservation (section 7), which is
			// all it asks of a deal.
			asp[a] = r[a]
			continue
		}
		switch rn.kind[a] {
		case StrategyHardliner:
			asp[a] = top
		case StrategyTitForTat:
			asp[a] = rn.titForTat(a, t, r[a], top)
		default:
			asp[a] = Aspiration(r[a], rn.best[a], t, rn.deadline, rn.exponent[a])
		}
	}
	rn.asp = append(rn.asp, asp)
	return asp
}

// titForTat concedes, in utility, what the other veto actors conceded on average in the
// last round (how far their own aspirations fell), starting from its best and kept between
// its reservation and its best. When the others harden, so does it.
func (rn *rounds) titForTat(a, t int, r, top float64) float64 {
	if t == 0 {
		return top
	}
	last := rn.asp[t-1]
	before := last
	if t >= 2 {
		before = rn.asp[t-2]
	}
	conceded, n := 0.0, 0
	for _, j := range rn.sp.veto {
		if j == a {
			continue
		}
		conceded += before[j] - last[j]
		n++
	}
	if n > 0 {
		conceded /= float64(n)
	}
	return min(top, max(r, last[a]-conceded))
}

// roundStart is a round opened: its events fired, every actor's reservation and
// aspiration set, and the ZOPA at those reservations counted.
type roundStart struct {
	t      int
	fired  []FiredEvent
	r, asp []float64
	zopa   uint64
}

// A round is opened, a deal proposed and answered. A played game opens the round and
// answers it the same way, but may take the proposal from the person at the table.
func (rn *rounds) round(t int, prev []int) (*Round, error) {
	st, err := rn.open(t)
	if err != nil {
		return nil, err
	}
	prop, believed, err := rn.propose(t, st.r, st.asp)
	if err != nil {
		return nil, err
	}
	rd := rn.answer(st, prop, believed, prev)
	if prop == nil {
		rd.NoText = rn.noText(t).Why
	}
	return rd, nil
}

func (rn *rounds) open(t int) (*roundStart, error) {
	if err := rn.ctx.Err(); err != nil {
		return nil, err
	}
	if t > 0 {
		for a := range rn.raw {
			rn.raw[a] += rn.cur.Actors[a].ReservationDrift
		}
	}
	fired, err := rn.fire(t)
	if err != nil {
		return nil, err
	}
	st := &roundStart{t: t, fired: fired, r: rn.reservationsNow()}
	st.asp = rn.aspirations(t, st.r)
	if st.zopa, err = rn.sp.Count(rn.ctx, st.r, rn.opts.Workers); err != nil {
		return nil, err
	}
	return st, nil
}

// answer records every actor's answer to the proposal: it accepts a deal that keeps its red
// lines and gives it at least its aspiration (under a decision rule, as acceptsNow says).
// believed is whom the proposer believed would accept, prev the deal on the table before.
func (rn *rounds) answer(st *roundStart, prop *Proposal, believed []bool, prev []int) *Round {
	sp := rn.sp
	rd := &Round{Round: st.t, Events: st.fired, ZOPA: st.zopa, Ripe: st.zopa > 0, believed: believed, r: st.r}
	for a := range sp.sc.Actors {
		ar := ActorRound{Actor: sp.sc.Actors[a].ID, Reservation: presentable(st.r[a]), Aspiration: presentable(st.asp[a]), Best: presentable(max(rn.best[a], st.r[a]))}
		if prop != nil {
			u := sp.Utility(a, prop.Choice)
			shown := presentable(u)
			ar.Utility = &shown
			ar.Accepts = sp.MeetsRedLines(a, prop.Choice) && u >= st.asp[a]-Tolerance
			if sp.rule != nil {
				ar.Accepts = sp.acceptsNow(a, prop.Choice, st.asp, st.r)
			}
		}
		rd.Actors = append(rd.Actors, ar)
	}
	if prop != nil {
		prop.Options = optionsOf(sp.sc, prop.Choice)
		prop.Changed = []string{}
		for k, o := range prop.Choice {
			if prev == nil || prev[k] != o {
				prop.Changed = append(prop.Changed, sp.sc.Issues[k].ID)
			}
		}
		shortfall := 0.0
		for _, a := range sp.veto {
			shortfall = max(shortfall, st.asp[a]-sp.Utility(a, prop.Choice))
		}
		if shortfall <= Tolerance {
			// Within the tolerance of acceptance is no shortfall at all.
			shortfall = 0
		}
		prop.LargestShortfall = presentable(shortfall)
	}
	rd.Proposal = prop
	rn.settle(rd)
	return rd
}

// settle reads the round's outcome off the answers recorded in it: an agreement when there
// is a proposal that passes with the actors that accept it (every veto actor, and under a
// decision rule the votes and the ratifications), and whom the proposer misjudged when it
// fails.
func (rn *rounds) settle(rd *Round) {
	sp := rn.sp
	rd.AcceptedBy, rd.Votes, rd.Misjudged = []string{}, nil, nil
	for _, ar := range rd.Actors {
		if ar.Accepts {
			rd.AcceptedBy = append(rd.AcceptedBy, ar.Actor)
		}
	}
	rd.Agreement = false
	if rd.Proposal == nil {
		return
	}
	accepts := func(a int) bool { return rd.Actors[a].Accepts }
	rd.Agreement = sp.passes(rd.Proposal.Choice, rd.r, accepts)
	if sp.rule != nil && sp.rule.needed > 0 {
		v := sp.votes(accepts)
		rd.Votes = &v
	}
	for a, ar := range rd.Actors {
		if rd.believed != nil && !rd.Agreement && rd.believed[a] && !ar.Accepts {
			rd.Misjudged = append(rd.Misjudged, ar.Actor)
		}
	}
}

// optionsOf writes a deal as issue → option.
func optionsOf(sc *Scenario, choice []int) map[string]string {
	m := make(map[string]string, len(choice))
	for k, o := range choice {
		m[sc.Issues[k].ID] = sc.Issues[k].Options[o].ID
	}
	return m
}

// mediated is the single negotiating text: among the deals every veto actor accepts now,
// the best by the mediator's rule; failing that, the deal nearest to everyone's aspiration.
func (rn *rounds) mediated(r, asp []float64) (*Proposal, error) {
	sp := rn.sp
	if sp.rule != nil {
		return rn.mediatedDecided(r, asp)
	}
	by := ""
	if rn.mediator >= 0 {
		by = sp.sc.Actors[rn.mediator].ID
	}
	t := newTree(sp, sp.baseRules(asp))
	vr := vetoValues(sp, r)
	obj := nashObjective(t, vr)
	if rn.rule == RuleMediator {
		obj = utilityObjective(t, rn.mediator, nashScore(vr))
	}
	choice, ok, err := t.argmax(rn.ctx, obj)
	if err != nil {
		return nil, err
	}
	if ok {
		return &Proposal{By: by, Basis: BasisAcceptable, Choice: choice}, nil
	}
	choice, _, ok, err = newTree(sp, sp.baseRules(asp).withoutReservations()).closest(rn.ctx, sp, asp)
	if err != nil || !ok {
		return nil, err
	}
	return &Proposal{By: by, Basis: BasisClosest, Choice: choice}, nil
}

// alternating lets the veto actors propose in turn. The proposer offers, among the deals
// within every veto actor's red lines that it accepts itself, the one whose smallest
// surplus over a reservation among the others is largest; if its aspiration rules out every
// such deal, it offers its best one.
func (rn *rounds) alternating(t int, r, asp []float64) (*Proposal, error) {
	sp := rn.sp
	if sp.rule != nil {
		return rn.alternatingDecided(t, r, asp)
	}
	p := rn.proposerAt(t)
	floors := make([]float64, sp.actors)
	for a := range floors {
		floors[a] = math.Inf(-1)
	}
	floors[p] = asp[p]
	tr := newTree(sp, sp.baseRules(floors))
	vr := vetoValues(sp, r)
	obj := minOthersObjective(tr, slices.Index(sp.veto, p), vr)
	if len(sp.veto) == 1 {
		obj = utilityObjective(tr, p, nashScore(vr))
	}
	by := sp.sc.Actors[p].ID
	choice, ok, err := tr.argmax(rn.ctx, obj)
	if err != nil {
		return nil, err
	}
	if ok {
		return &Proposal{By: by, Basis: BasisOwnAspiration, Choice: choice}, nil
	}
	free := newTree(sp, sp.baseRules(floors).withoutReservations())
	choice, ok, err = free.argmax(rn.ctx, utilityObjective(free, p, nashScore(vr)))
	if err != nil || !ok {
		return nil, err
	}
	return &Proposal{By: by, Basis: BasisOwnBest, Choice: choice}, nil
}

// agreement scores the agreed deal and compares it with the bargaining solutions at the
// reservations of its round.
func (rn *rounds) agreement(rd *Round) (*Outcome, error) {
	sp := rn.sp
	r := rn.reservationsNow()
	d := sp.deal(rd.Proposal.Choice, r)
	out := &Outcome{Agreement: true, Round: rd.Round, Deal: &d, Reservations: rn.reservationMap(r)}
	if out.OutsideZone = !sp.Passes(d.Choice, r); !out.OutsideZone {
		dominated, err := sp.dominated(rn.ctx, d.Choice)
		if err != nil {
			return nil, err
		}
		d.Pareto = !dominated
	}
	an, err := Analyze(rn.ctx, sp, Options{Workers: rn.opts.Workers, Reservations: r})
	if err != nil {
		return nil, err
	}
	bestDist := math.Inf(1)
	for _, ns := range an.Solutions.Named() {
		if ns.Solution == nil {
			continue
		}
		g := sp.gap(d.Choice, ns.Key, ns.Solution.Choice)
		if g.UtilityDistance < bestDist-Tolerance {
			bestDist, out.ClosestSolution = g.UtilityDistance, ns.Key
		}
		out.Solutions = append(out.Solutions, g)
	}
	return out, nil
}
