package sim

import (
	"context"
	"fmt"
	"math"
)

// Diagnosis explains an empty ZOPA in three ways a student can act on: the deal that comes
// closest and by how much it falls short, how far each reservation would have to fall on its
// own, and which single red line or constraint stands in the way.
type Diagnosis struct {
	// RedLinesClash is true when no deal keeps every veto actor's red lines, whatever the
	// reservations: the zone is closed before utilities are even counted.
	RedLinesClash bool `json:"red_lines_clash"`
	// RuledOutAlone, when the red lines clash, are the veto actors whose own red lines and
	// constraints keep no deal at all: the clash is within each of them, not between them.
	RuledOutAlone []string `json:"ruled_out_alone,omitempty"`
	// TableAgrees, under a decision rule or ratification, is true when the veto actors
	// accept some deals together (or no actor holds a veto) and it is the votes or the
	// ratifications that reject every one.
	TableAgrees bool `json:"table_agrees,omitempty"`
	// Closest is the deal, within every veto actor's red lines, whose largest shortfall
	// below a reservation is smallest; nil when the red lines clash. Under a decision rule
	// or ratification the shortfalls are those of every actor whose yes the deal needs to
	// pass, voters and ratifiers too, and Closest is also nil when no deal within the veto
	// actors' red lines can gather those votes at any reservation.
	Closest      *ClosestDeal     `json:"closest"`
	Reservations []ReservationGap `json:"reservations"`
	// Openers are the single red lines and constraints whose removal alone opens the ZOPA.
	Openers []Opener `json:"openers"`
	// Votes, when the decision rule empties the zone, says which vote is missing.
	Votes *VoteDiagnosis `json:"votes,omitempty"`
}

// ClosestDeal is the deal nearest to agreement and the shortfall there of each actor whose
// yes it needs: every veto actor and, under a decision rule or ratification, the voters and
// ratifiers nearest to accepting that make up the votes needed. Each lowering its
// reservation by its own shortfall would pass the deal.
type ClosestDeal struct {
	Deal
	Shortfall        map[string]float64 `json:"shortfall"`
	LargestShortfall float64            `json:"largest_shortfall"`
}

// ReservationGap says, for one veto actor, the most it can get from a deal every other veto
// actor accepts (and that, under a decision rule or ratification, gathers the votes and
// passes at home) and how far its reservation would have to fall to take it. Reachable and
// MustFallBy are nil when there is no such deal, so no drop would do.
type ReservationGap struct {
	Actor string `json:"actor"`
	// Path is the reservation's path, as --set takes it.
	Path        string   `json:"path"`
	Reservation float64  `json:"reservation"`
	Reachable   *float64 `json:"reachable"`
	MustFallBy  *float64 `json:"must_fall_by"`
	// BlockedBeyondTable is set when no drop would do although the other veto actors accept
	// some deal within the actor's red lines: every such deal fails the decision rule's
	// vote or a ratification at home.
	BlockedBeyondTable bool `json:"blocked_beyond_table,omitempty"`
}

// OpenerKind says what an opener drops.
type OpenerKind string

// Opener kinds, as the JSON names them.
const (
	OpenerRedLine    OpenerKind = "red_line"
	OpenerConstraint OpenerKind = "constraint"
)

// Opener is a single red line ("red_line": an actor's acceptable options on one issue) or
// constraint whose removal opens the ZOPA at the table, with the number of deals it lets in.
type Opener struct {
	Kind  OpenerKind `json:"kind"`
	Actor string     `json:"actor"`
	Issue string     `json:"issue,omitempty"`
	Why   string     `json:"why,omitempty"`
	Path  string     `json:"path"`
	// Deals is what the drop lets in at the table: the deals the veto actors alone would
	// then accept and did not before (all of them, when they agreed on nothing).
	Deals uint64 `json:"deals"`
	// InZone, under a decision rule or ratification, is how many of Deals would also gather
	// the table's votes and be ratified at home: the deals the drop truly lets into the
	// zone. A student told "lets in 12" when none passes at home would try a drop that
	// changes nothing.
	InZone *uint64 `json:"in_zone,omitempty"`
	// BlockedAtHome, when InZone is 0, names the actors whose ratification alone rejects
	// every one of Deals.
	BlockedAtHome []string `json:"blocked_at_home,omitempty"`
}

// diagnose explains an empty zone at reservations res. table is how many deals the veto
// actors alone accept there: 0, unless a decision rule or ratification is what empties the
// zone, and then only the drops that let a deal into the zone itself are openers.
func diagnose(ctx context.Context, sp *Space, res []float64, workers int, table uint64) (*Diagnosis, error) {
	base := sp.baseRules(res)
	dg := &Diagnosis{Reservations: []ReservationGap{}, Openers: []Opener{}}

	if sp.rule != nil {
		if err := sp.closestToPassing(ctx, dg, res); err != nil {
			return nil, err
		}
	} else {
		redOnly := newTree(sp, base.withoutReservations())
		choice, worst, found, err := redOnly.closest(ctx, sp, res)
		if err != nil {
			return nil, err
		}
		dg.RedLinesClash = !found
		if found {
			d := sp.deal(choice, res)
			cd := &ClosestDeal{Deal: d, Shortfall: map[string]float64{}, LargestShortfall: presentable(worst)}
			for _, a := range sp.veto {
				id := sp.sc.Actors[a].ID
				cd.Shortfall[id] = presentable(math.Max(0, res[a]-sp.Utility(a, choice)))
			}
			dg.Closest = cd
		}
	}
	if dg.RedLinesClash {
		for _, a := range sp.veto {
			if _, ok, err := sp.bestOwn(ctx, a); err != nil {
				return nil, err
			} else if !ok {
				dg.RuledOutAlone = append(dg.RuledOutAlone, sp.sc.Actors[a].ID)
			}
		}
	}

	for j, a := range sp.veto {
		gap := ReservationGap{Actor: sp.sc.Actors[a].ID, Path: "actors." + sp.sc.Actors[a].ID + ".reservation", Reservation: res[a]}
		t := newTree(sp, base.withoutReservation(a))
		var best float64
		var ok bool
		var err error
		if sp.rule != nil {
			// The fall must open the zone, not only the table: a deal the other vetoes
			// accept but the votes or a ratification reject stays out at any reservation.
			if best, ok, err = sp.zoneMaxUtility(ctx, t, j, res); err == nil && !ok {
				_, gap.BlockedBeyondTable, err = t.maxUtility(ctx, j)
			}
		} else {
			best, ok, err = t.maxUtility(ctx, j)
		}
		if err != nil {
			return nil, err
		} else if ok {
			reach, fall := presentable(best), presentable(math.Max(0, res[a]-best))
			gap.Reachable, gap.MustFallBy = &reach, &fall
		}
		dg.Reservations = append(dg.Reservations, gap)
	}

	for _, a := range sp.veto {
		act := &sp.sc.Actors[a]
		for _, pr := range act.Preferences {
			if pr.Acceptable == nil {
				continue
			}
			k := sp.sc.IssueIndex(pr.Issue)
			o := Opener{Kind: OpenerRedLine, Actor: act.ID, Issue: pr.Issue,
				Why:  fmt.Sprintf("%s accepts only %s on %s", act.ID, quoteList(pr.Acceptable), pr.Issue),
				Path: fmt.Sprintf("actors.%s.preferences.%s.acceptable", act.ID, pr.Issue)}
			if err := sp.opener(ctx, dg, o, base.withoutRedLine(sp, a, k), res, workers, table); err != nil {
				return nil, err
			}
		}
		for ci := range act.Constraints {
			o := Opener{Kind: OpenerConstraint, Actor: act.ID,
				Why:  act.Constraints[ci].Why,
				Path: fmt.Sprintf("actors.%s.constraints.%d", act.ID, ci)}
			if err := sp.opener(ctx, dg, o, base.withoutConstraint(a, ci), res, workers, table); err != nil {
				return nil, err
			}
		}
	}
	return dg, nil
}

// opener counts the deals a dropped red line or constraint, leaving rules r, lets in at the
// table, beyond the table deals already there, and adds it to the openers when it lets in
// some. When the table already agreed, every drop lets in deals there, and only one that
// lets some into the zone opens it.
func (sp *Space) opener(ctx context.Context, dg *Diagnosis, o Opener, r *rules, res []float64, workers int, table uint64) error {
	n, err := newTree(sp, r).count(ctx, workers)
	if err != nil || n <= table {
		return err
	}
	o.Deals = n - table
	if err := sp.openerBeyondTable(ctx, &o, r, res); err != nil {
		return err
	}
	if table > 0 && (o.InZone == nil || *o.InZone == 0) {
		return nil
	}
	dg.Openers = append(dg.Openers, o)
	return nil
}

// closestToPassing sets the closest deal under a decision rule or ratification: the deal
// within the veto actors' red lines that the smallest fall of the reservations would pass,
// each voter and ratifier counted as its quota needs it (the gauge the mediator of the
// rounds proposes by, with the lowest positions breaking ties as everywhere in analyze).
// The vetoes' shortfalls alone would name a deal the votes or the home vote still reject,
// and a fall that, followed, leaves the zone empty.
func (sp *Space) closestToPassing(ctx context.Context, dg *Diagnosis, res []float64) error {
	best, err := sp.nearestPassing(ctx, res, nil)
	if err != nil {
		return err
	}
	dg.RedLinesClash = best.choice == nil
	if best.choice == nil || -best.primary >= unreachable {
		return nil
	}
	short := sp.newPassGauge(res).needed(best.choice)
	cd := &ClosestDeal{Deal: sp.deal(best.choice, res), Shortfall: map[string]float64{}}
	for a, x := range short {
		cd.Shortfall[sp.sc.Actors[a].ID] = presentable(x)
		cd.LargestShortfall = max(cd.LargestShortfall, presentable(x))
	}
	dg.Closest = cd
	return nil
}

// openerBeyondTable fills in, under a decision rule or ratification, how many of the deals
// the opener's rules r let in at the table also pass the votes and ratification, and, when
// none does, whose ratification rejects them all.
func (sp *Space) openerBeyondTable(ctx context.Context, o *Opener, r *rules, res []float64) error {
	if sp.rule == nil {
		return nil
	}
	t := newTree(sp, r)
	tal, err := gatedTally(ctx, t, sp.zoneGate(res, true))
	if err != nil {
		return err
	}
	n := tal.n
	o.InZone = &n
	if n > 0 {
		return nil
	}
	for i := range sp.rule.ratify {
		rr := &sp.rule.ratify[i]
		g := &gate{}
		sp.decisionGate(g, res)
		sp.ratificationGate(g, rr, res)
		one, err := gatedTally(ctx, t, g)
		if err != nil {
			return err
		}
		if one.n == 0 {
			o.BlockedAtHome = append(o.BlockedAtHome, sp.sc.Actors[rr.actor].ID)
		}
	}
	return nil
}

// zoneMaxUtility is maxUtility over the deals t allows that also pass the decision rule and
// every ratification at reservations res.
func (sp *Space) zoneMaxUtility(ctx context.Context, t *tree, j int, res []float64) (float64, bool, error) {
	w := newGatedWalk(ctx, t, sp.zoneGate(res, true))
	best, found := math.Inf(-1), false
	wt := w.t
	w.cut = func(d int, u []float64) bool { return found && u[j]+wt.maxSuf[j][d]+boundSlack <= best }
	err := w.run(nil, func(u, _ []float64) {
		best, found = max(best, u[j]), true
	})
	if err != nil {
		return 0, false, err
	}
	return best, found, nil
}

// maxUtility is the most veto actor j can get from a deal the tree allows; false when it
// allows none.
func (t *tree) maxUtility(ctx context.Context, j int) (float64, bool, error) {
	best, found := math.Inf(-1), false
	err := t.newSearch().run(ctx,
		func(d int, u []float64) bool { return u[j]+t.maxSuf[j][d]+boundSlack <= best },
		func(u []float64) {
			if t.leafOK(u) {
				best, found = u[j], true
			}
		})
	if err != nil {
		return 0, false, err
	}
	return best, found, nil
}
