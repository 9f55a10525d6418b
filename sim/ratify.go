package sim

import (
	"context"
	"fmt"
	"math"
)

// The analysis under a decision rule or ratification (MODEL.md sections 6 and 7), and the
// parts of its report: the table's voters and their power, each ratifying actor's win-set,
// and, when the zone is empty, which vote is missing and which ratifier blocks.

// DecisionReport describes the table's decision rule.
type DecisionReport struct {
	VotesNeeded int `json:"votes_needed"`
	// VotesAtTable is every table voter's votes together; ratifiers do not vote here.
	VotesAtTable int `json:"votes_at_table"`
	// Parties are the actors whose utilities the frontier and solutions use.
	Parties []string      `json:"parties"`
	Voters  []VoterReport `json:"voters"`
	// PowerNote says why power indices are missing, when they are.
	PowerNote string `json:"power_note,omitempty"`
}

// VoterReport is one table voter: its votes, its veto, and the number of zone deals it is
// pivotal for (without its vote the deal fails; a veto actor is pivotal for every one).
type VoterReport struct {
	Actor   string `json:"actor"`
	Votes   int    `json:"votes"`
	Veto    bool   `json:"veto"`
	Pivotal uint64 `json:"pivotal"`
}

// RatificationReport is one actor's Level II: its ratifiers, the votes a deal needs from
// them, its win-set (the deals they would ratify, over the whole space) and, when
// ratification empties the zone, what blocks.
type RatificationReport struct {
	By          []string `json:"by"`
	Votes       int      `json:"votes"`
	VotesNeeded int      `json:"votes_needed"`
	WinSet      uint64   `json:"win_set"`
	// BestVotes, when ratification empties the zone, is the most votes any deal of the
	// Level I zone gathers from these ratifiers.
	BestVotes *int            `json:"best_votes,omitempty"`
	BlockedBy []RatifierBlock `json:"blocked_by,omitempty"`
}

// RatifierBlock is a ratifier whose vote alone would open an empty zone: with its red lines
// or its reservation set aside (Kind red_line or reservation), Deals deals would pass.
type RatifierBlock struct {
	Ratifier string        `json:"ratifier"`
	Kind     RejectionKind `json:"kind"`
	Path     string        `json:"path"`
	Deals    uint64        `json:"deals"`
}

// VoteDiagnosis says which vote is missing when the decision rule empties the zone: the
// most votes any deal every veto actor accepts gathers, and the voters whose yes alone
// would open the zone.
type VoteDiagnosis struct {
	VotesNeeded int            `json:"votes_needed"`
	BestVotes   int            `json:"best_votes"`
	Missing     []MissingVoter `json:"missing"`
}

// MissingVoter is a table voter whose yes alone opens the zone, with the deals it lets in.
type MissingVoter struct {
	Actor string        `json:"actor"`
	Kind  RejectionKind `json:"kind"`
	Path  string        `json:"path"`
	Deals uint64        `json:"deals"`
}

func analyzeDecided(ctx context.Context, sp *Space, res []float64, opt Options) (*Analysis, error) {
	dr := sp.rule
	// The counts of ratification (Level I, the win-sets) need neither the zone's deals nor
	// its frontier: they run beside the walk that visits them.
	var levelOne uint64
	var ratification map[string]*RatificationReport
	var countErr error
	counted := make(chan struct{})
	go func() {
		defer close(counted)
		if len(dr.ratify) == 0 {
			return
		}
		if levelOne, countErr = sp.gatedCount(ctx, res, false); countErr == nil {
			ratification, countErr = sp.ratificationReports(ctx, res)
		}
	}()
	z, err := sp.visitZone(ctx, res, true, opt.Limit, false)
	<-counted
	if err == nil {
		err = countErr
	}
	if err != nil {
		return nil, err
	}
	an := sp.zoneReport(res, z.tal, z.front, z.partyRes, z.power)
	onFront := z.front.index()
	pareto := func(choice []int) bool { return onFront.contains(sp.effectiveOf(choice, res)) }
	if err := an.list(ctx, &listing{sp: sp, res: res, top: z.top, pareto: pareto}, opt.Stream); err != nil {
		return nil, err
	}
	if dr.needed > 0 {
		an.Decision, an.Power = sp.decisionReport(z)
	}
	if len(dr.ratify) > 0 {
		an.ZOPA.LevelOneCount = &levelOne
		an.Ratification = ratification
	}
	if z.tal.n > 0 {
		return an, nil
	}
	// The veto actors alone, before any vote: when they agree on nothing, votes and
	// ratification are not the obstacle yet, and the diagnosis of the vetoes says what is.
	var table uint64
	if !dr.noVeto {
		if table, err = newTree(sp, sp.baseRules(res)).count(ctx, opt.Workers); err != nil {
			return nil, err
		}
	}
	if an.Diagnosis, err = diagnose(ctx, sp, res, opt.Workers, table); err != nil {
		return nil, err
	}
	if !dr.noVeto && table == 0 {
		return an, nil
	}
	an.Diagnosis.TableAgrees = true
	if dr.needed > 0 {
		levelOneEmpty := len(dr.ratify) == 0 || levelOne == 0
		if levelOneEmpty {
			if an.Diagnosis.Votes, err = sp.voteDiagnosis(ctx, res); err != nil {
				return nil, err
			}
			return an, nil
		}
	}
	if err := sp.ratificationBlocks(ctx, res, an.Ratification); err != nil {
		return nil, err
	}
	return an, nil
}

func (sp *Space) decisionReport(z *gatedZone) (*DecisionReport, map[string]PowerIndex) {
	dr := sp.rule
	rep := &DecisionReport{VotesNeeded: dr.needed, Parties: []string{}, Voters: []VoterReport{}}
	g := &weightedGame{needed: dr.needed}
	for _, a := range dr.parties {
		rep.Parties = append(rep.Parties, sp.sc.Actors[a].ID)
	}
	for _, a := range dr.table {
		act := &sp.sc.Actors[a]
		rep.VotesAtTable += dr.votes[a]
		rep.Voters = append(rep.Voters, VoterReport{Actor: act.ID, Votes: dr.votes[a], Veto: act.Veto, Pivotal: z.pivotal[a]})
		g.votes = append(g.votes, dr.votes[a])
		g.veto = append(g.veto, act.Veto)
	}
	if len(g.votes) > MaxPowerVoters {
		rep.PowerNote = fmt.Sprintf("power indices are computed exactly for up to %d voters; this table has %d", MaxPowerVoters, len(g.votes))
		return rep, nil
	}
	indices := g.powerIndices()
	if indices == nil {
		rep.PowerNote = fmt.Sprintf("%d votes needed are too many to count coalitions by exactly", dr.needed)
		return rep, nil
	}
	power := map[string]PowerIndex{}
	for i, p := range indices {
		power[sp.sc.Actors[dr.table[i]].ID] = PowerIndex{ShapleyShubik: presentable(p.ShapleyShubik), Banzhaf: presentable(p.Banzhaf)}
	}
	return rep, power
}

// ratificationReports gives each ratifying actor's rule and win-set, in file order.
func (sp *Space) ratificationReports(ctx context.Context, res []float64) (map[string]*RatificationReport, error) {
	out := map[string]*RatificationReport{}
	for i := range sp.rule.ratify {
		rr := &sp.rule.ratify[i]
		rep := &RatificationReport{By: []string{}, VotesNeeded: rr.needed}
		for _, k := range rr.by {
			rep.By = append(rep.By, sp.sc.Actors[k].ID)
			rep.Votes += sp.rule.votes[k]
		}
		g := &gate{}
		sp.ratificationGate(g, rr, res)
		tal, err := gatedTally(ctx, sp.freeTree(nil), g)
		if err != nil {
			return nil, err
		}
		rep.WinSet = tal.n
		out[sp.sc.Actors[rr.actor].ID] = rep
	}
	return out, nil
}

// withRedLinesDropped is a copy of the space in which actor a keeps no red line or
// constraint.
func (sp *Space) withRedLinesDropped(a int) *Space {
	cp := *sp
	cp.accept = append([][]bool(nil), sp.accept...)
	cp.cons = append([][]constraint(nil), sp.cons...)
	all := make([]bool, sp.off[sp.issues])
	for i := range all {
		all[i] = true
	}
	cp.accept[a], cp.cons[a] = all, nil
	return &cp
}

// freedCounts is the zone's size (ratified, or Level I only) were actor a to set aside its
// reservation, or its red lines and constraints.
func (sp *Space) freedCounts(ctx context.Context, res []float64, a int, ratified bool) (byReservation, byRedLines uint64, err error) {
	lifted := append([]float64(nil), res...)
	lifted[a] = math.Inf(-1)
	if byReservation, err = sp.gatedCount(ctx, lifted, ratified); err != nil {
		return 0, 0, err
	}
	if sp.hasRedLines(a) {
		byRedLines, err = sp.withRedLinesDropped(a).gatedCount(ctx, res, ratified)
	}
	return byReservation, byRedLines, err
}

func (sp *Space) hasRedLines(a int) bool {
	if len(sp.cons[a]) > 0 {
		return true
	}
	for _, ok := range sp.accept[a] {
		if !ok {
			return true
		}
	}
	return false
}

// voteDiagnosis explains a zone the decision rule empties.
func (sp *Space) voteDiagnosis(ctx context.Context, res []float64) (*VoteDiagnosis, error) {
	dr := sp.rule
	vd := &VoteDiagnosis{VotesNeeded: dr.needed, Missing: []MissingVoter{}}
	// The most votes among the deals every veto actor accepts: walk them, counting.
	w := newGatedWalk(ctx, sp.partyTree(res), &gate{})
	err := w.run(nil, func(u, gu []float64) {
		vd.BestVotes = max(vd.BestVotes, sp.TableVotes(w.choice, res))
	})
	if err != nil {
		return nil, err
	}
	for _, a := range dr.table {
		if sp.sc.Actors[a].Veto && !dr.noVeto {
			continue
		}
		byRes, byRed, err := sp.freedCounts(ctx, res, a, len(dr.ratify) == 0)
		if err != nil {
			return nil, err
		}
		id := sp.sc.Actors[a].ID
		if byRes > 0 {
			vd.Missing = append(vd.Missing, MissingVoter{Actor: id, Kind: RejectReservation, Path: "actors." + id + ".reservation", Deals: byRes})
		}
		if byRed > 0 {
			vd.Missing = append(vd.Missing, MissingVoter{Actor: id, Kind: RejectRedLine, Path: "actors." + id + ".preferences", Deals: byRed})
		}
	}
	return vd, nil
}

// ratificationBlocks fills in, for every actor whose ratification fails every Level I
// deal, the most votes its ratifiers give any of them and which ratifier alone would open
// the zone.
func (sp *Space) ratificationBlocks(ctx context.Context, res []float64, reps map[string]*RatificationReport) error {
	dr := sp.rule
	// Level I deals, to see which ratifications fail them all.
	best := make([]int, len(dr.ratify))
	for i := range best {
		best[i] = -1
	}
	w := newGatedWalk(ctx, sp.partyTree(res), sp.zoneGate(res, false))
	err := w.run(nil, func(u, gu []float64) {
		for i := range dr.ratify {
			best[i] = max(best[i], sp.ratifyingVotes(&dr.ratify[i], w.choice, res))
		}
	})
	if err != nil {
		return err
	}
	for i := range dr.ratify {
		rr := &dr.ratify[i]
		if best[i] < 0 || best[i] >= rr.needed {
			continue
		}
		rep := reps[sp.sc.Actors[rr.actor].ID]
		b := best[i]
		rep.BestVotes = &b
		rep.BlockedBy = []RatifierBlock{}
		for _, k := range rr.by {
			byRes, byRed, err := sp.freedCounts(ctx, res, k, true)
			if err != nil {
				return err
			}
			id := sp.sc.Actors[k].ID
			if byRes > 0 {
				rep.BlockedBy = append(rep.BlockedBy, RatifierBlock{Ratifier: id, Kind: RejectReservation, Path: "actors." + id + ".reservation", Deals: byRes})
			}
			if byRed > 0 {
				rep.BlockedBy = append(rep.BlockedBy, RatifierBlock{Ratifier: id, Kind: RejectRedLine, Path: "actors." + id + ".preferences", Deals: byRed})
			}
		}
	}
	return nil
}
