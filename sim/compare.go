package sim

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
)

// Comparison sets two versions of a negotiation side by side: a scenario and a variant of
// it, or two files over the same issues. Its JSON form is a public contract.
type Comparison struct {
	Before string `json:"before"`
	After  string `json:"after"`
	// ZOPABefore and ZOPAAfter count the deals in each ZOPA.
	ZOPABefore uint64 `json:"zopa_before"`
	ZOPAAfter  uint64 `json:"zopa_after"`
	// Changes are the values that differ between before and after, by path in the order
	// negsim params lists them: what the variant or --set changed.
	Changes []ValueChange `json:"changes"`
	// Entering are deals in the ZOPA after but not before, Leaving the reverse, the best
	// Limit of each by the Nash product on the side where they are in the ZOPA (ties in
	// option order); the counts are of all of them.
	EnteringCount uint64         `json:"entering_count"`
	LeavingCount  uint64         `json:"leaving_count"`
	Entering      []ComparedDeal `json:"entering"`
	Leaving       []ComparedDeal `json:"leaving"`
	// EnteringParties and LeavingParties are the actors, in file order, whose surpluses
	// score the entering deals (B's parties) and the leaving ones (A's), listed or not.
	EnteringParties []string       `json:"-"`
	LeavingParties  []string       `json:"-"`
	Solutions       []SolutionMove `json:"solutions"`
	Actors          []ActorMove    `json:"actors"`
}

// ComparedDeal is a deal with the parties' surpluses on the side where it is in the ZOPA
// (the veto actors', or without a veto every table voter's), and their Nash product as
// analyze computes it.
type ComparedDeal struct {
	Options     map[string]string  `json:"options"`
	Surplus     map[string]float64 `json:"surplus"`
	NashProduct float64            `json:"nash_product"`
}

// ValueChange is one value that differs between two scenarios; a side where the path does
// not exist reads "".
type ValueChange struct {
	Path   string `json:"path"`
	Before string `json:"before"`
	After  string `json:"after"`
}

// valueChanges lists every value a what-if can change that differs from a to b: the single
// values, not the groups (a whole actor) that hold them, which would repeat each change.
// A list of options is one value: its elements, listed by position, would repeat its
// change and, when an option is added in front, read as options swapped.
func valueChanges(a, b *Scenario) []ValueChange {
	out := []ValueChange{}
	aParams, bParams := a.Params(), b.Params()
	after := map[string]string{}
	lists := map[string]bool{}
	for _, p := range slices.Concat(aParams, bParams) {
		if p.Kind == ParamOptions {
			lists[p.Path] = true
		}
	}
	single := func(p Param) bool {
		if p.Kind == ParamGroup {
			return false
		}
		dot := strings.LastIndexByte(p.Path, '.')
		return p.Kind != ParamOption || dot < 0 || !lists[p.Path[:dot]]
	}
	for _, p := range bParams {
		after[p.Path] = p.Value
	}
	seen := map[string]bool{}
	for _, p := range aParams {
		seen[p.Path] = true
		if !single(p) {
			continue
		}
		if v, ok := after[p.Path]; !ok || v != p.Value {
			out = append(out, ValueChange{Path: p.Path, Before: p.Value, After: v})
		}
	}
	for _, p := range bParams {
		if !seen[p.Path] && single(p) {
			out = append(out, ValueChange{Path: p.Path, After: p.Value})
		}
	}
	return out
}

// SolutionMove is one bargaining solution before and after; a side is nil when its ZOPA
// is empty.
type SolutionMove struct {
	Solution SolutionKind      `json:"solution"`
	Before   map[string]string `json:"before"`
	After    map[string]string `json:"after"`
	Changed  bool              `json:"changed"`
}

// ActorMove is how one actor fares at the Nash solution before and after. Fields of a side
// where the actor is absent or the ZOPA is empty are nil.
type ActorMove struct {
	Actor string `json:"actor"`
	// Veto is whether the actor holds a veto in A or in B; VetoBefore and VetoAfter say
	// which.
	Veto              bool     `json:"veto"`
	VetoBefore        bool     `json:"-"`
	VetoAfter         bool     `json:"-"`
	ReservationBefore *float64 `json:"reservation_before"`
	ReservationAfter  *float64 `json:"reservation_after"`
	SurplusBefore     *float64 `json:"nash_surplus_before"`
	SurplusAfter      *float64 `json:"nash_surplus_after"`
	SurplusChange     *float64 `json:"nash_surplus_change"`
}

// CompareOptions tune a comparison.
type CompareOptions struct {
	// Limit is how many entering and leaving deals to list.
	Limit    int
	Workers  int
	MaxDeals uint64
}

// SameIssues reports, as an error naming the first difference, whether two scenarios
// settle the same issues with the same options in the same order, which comparing their
// deals requires.
func SameIssues(a, b *Scenario) error {
	ai, bi := issueIDs(a), issueIDs(b)
	for _, id := range ai {
		if !slices.Contains(bi, id) {
			return fmt.Errorf("issue %q is in %q but not in %q; compare needs the same issues on both sides", id, a.Name, b.Name)
		}
	}
	for _, id := range bi {
		if !slices.Contains(ai, id) {
			return fmt.Errorf("issue %q is in %q but not in %q; compare needs the same issues on both sides", id, b.Name, a.Name)
		}
	}
	if !slices.Equal(ai, bi) {
		return fmt.Errorf("the issues come in a different order (%s against %s); compare needs the same order on both sides", quoteList(ai), quoteList(bi))
	}
	for k := range a.Issues {
		ao, bo := optionIDs(&a.Issues[k]), optionIDs(&b.Issues[k])
		if !slices.Equal(ao, bo) {
			return fmt.Errorf("issue %q has options %s in %q but %s in %q; compare needs the same options in the same order", a.Issues[k].ID, quoteList(ao), a.Name, quoteList(bo), b.Name)
		}
	}
	return nil
}

// Compare analyses both compiled scenarios and reports what moved from before to after.
func Compare(ctx context.Context, spBefore, spAfter *Space, opt CompareOptions) (*Comparison, error) {
	before, after := spBefore.sc, spAfter.sc
	if err := SameIssues(before, after); err != nil {
		return nil, err
	}
	side := func(sp *Space) (*Space, *zopaSearch, *Analysis, error) {
		if opt.MaxDeals > 0 && (sp.tooMany || sp.deals > opt.MaxDeals) || sp.tooMany {
			return nil, nil, nil, &SpaceTooLargeError{Deals: sp.deals, Overflow: sp.tooMany, Limit: opt.MaxDeals}
		}
		zs, err := searchZOPA(ctx, sp, sp.reservations(), opt.Workers, true)
		if err != nil {
			return nil, nil, nil, err
		}
		an, err := Analyze(ctx, sp, Options{Workers: opt.Workers})
		if err != nil {
			return nil, nil, nil, err
		}
		return sp, zs, an, nil
	}
	spA, zsA, anA, err := side(spBefore)
	if err != nil {
		return nil, err
	}
	spB, zsB, anB, err := side(spAfter)
	if err != nil {
		return nil, err
	}
	c := &Comparison{Before: before.Name, After: after.Name, ZOPABefore: zsA.count, ZOPAAfter: zsB.count,
		Changes: valueChanges(before, after), Entering: []ComparedDeal{}, Leaving: []ComparedDeal{}, Solutions: []SolutionMove{}, Actors: []ActorMove{}}
	entering, leaving := difference(zsB.members, zsA.members), difference(zsA.members, zsB.members)
	c.EnteringCount, c.LeavingCount = uint64(len(entering)), uint64(len(leaving))
	// Best first, as analyze lists the ZOPA: by the product of the parties' surpluses (the
	// veto actors', or without a veto every table voter's, a voter against counting 0),
	// ties in option order (the ids ascend, and the sort is stable).
	list := func(sp *Space, ids []uint64) ([]ComparedDeal, error) {
		parties, res := sp.Parties(), sp.reservations()
		noVeto := sp.rule != nil && sp.rule.noVeto
		var partyRes []float64
		for _, a := range parties {
			partyRes = append(partyRes, res[a])
		}
		product := make([]float64, len(ids))
		for i, d := range ids {
			if i%4096 == 0 && ctx.Err() != nil {
				return nil, ctx.Err()
			}
			choice := sp.choiceAt(d)
			if noVeto {
				product[i] = nashProduct(sp.effectiveOf(choice, res), partyRes)
				continue
			}
			product[i] = 1
			for _, a := range parties {
				product[i] *= sp.Utility(a, choice) - res[a]
			}
		}
		order := make([]int, len(ids))
		for i := range order {
			order[i] = i
		}
		slices.SortStableFunc(order, func(x, y int) int { return cmp.Compare(product[y], product[x]) })
		out := []ComparedDeal{}
		for _, i := range order[:min(len(order), opt.Limit)] {
			choice := sp.choiceAt(ids[i])
			cd := ComparedDeal{Options: sp.optionsOf(choice), Surplus: map[string]float64{}, NashProduct: presentable(product[i])}
			for _, a := range parties {
				cd.Surplus[sp.sc.Actors[a].ID] = presentable(sp.Utility(a, choice) - res[a])
			}
			out = append(out, cd)
		}
		return out, nil
	}
	if c.Entering, err = list(spB, entering); err != nil {
		return nil, err
	}
	if c.Leaving, err = list(spA, leaving); err != nil {
		return nil, err
	}
	partyIDs := func(sp *Space) []string {
		ids := []string{}
		for _, a := range sp.Parties() {
			ids = append(ids, sp.sc.Actors[a].ID)
		}
		return ids
	}
	c.EnteringParties, c.LeavingParties = partyIDs(spB), partyIDs(spA)

	namedA, namedB := anA.Solutions.Named(), anB.Solutions.Named()
	for i := range namedA {
		m := SolutionMove{Solution: namedA[i].Key}
		if s := namedA[i].Solution; s != nil {
			m.Before = s.Options
		}
		if s := namedB[i].Solution; s != nil {
			m.After = s.Options
		}
		m.Changed = !sameOptions(m.Before, m.After)
		c.Solutions = append(c.Solutions, m)
	}

	ids := actorIDs(before)
	for _, id := range actorIDs(after) {
		if !slices.Contains(ids, id) {
			ids = append(ids, id)
		}
	}
	// The change is taken between the surpluses as computed, then rounded once: the
	// difference of two rounded surpluses, -1/15 as 0.933333333333 − 1, ends in 6.
	rawSurplus := func(sp *Space, s *Solution, a int) float64 {
		return sp.Utility(a, s.Choice) - sp.reservations()[a]
	}
	for _, id := range ids {
		m := ActorMove{Actor: id}
		var rawBefore, rawAfter float64
		if i := before.ActorIndex(id); i >= 0 {
			m.VetoBefore = before.Actors[i].Veto
			m.Veto = m.VetoBefore
			m.ReservationBefore = ptr(before.Actors[i].Reservation)
			if s := anA.Solutions.Nash; s != nil {
				m.SurplusBefore = ptr(s.Surplus[id])
				rawBefore = rawSurplus(spA, s, i)
			}
		}
		if i := after.ActorIndex(id); i >= 0 {
			m.VetoAfter = after.Actors[i].Veto
			m.Veto = m.Veto || m.VetoAfter
			m.ReservationAfter = ptr(after.Actors[i].Reservation)
			if s := anB.Solutions.Nash; s != nil {
				m.SurplusAfter = ptr(s.Surplus[id])
				rawAfter = rawSurplus(spB, s, i)
			}
		}
		if m.SurplusBefore != nil && m.SurplusAfter != nil {
			m.SurplusChange = ptr(presentable(rawAfter - rawBefore))
		}
		c.Actors = append(c.Actors, m)
	}
	return c, nil
}

func ptr(x float64) *float64 { return &x }

func sameOptions(a, b map[string]string) bool {
	if (a == nil) != (b == nil) || len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

// difference is the elements of a not in b, both ascending.
func difference(a, b []uint64) []uint64 {
	var out []uint64
	j := 0
	for _, x := range a {
		for j < len(b) && b[j] < x {
			j++
		}
		if j < len(b) && b[j] == x {
			continue
		}
		out = append(out, x)
	}
	return out
}
