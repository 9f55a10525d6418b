package sim

import (
	"context"
	"fmt"
)

// Beliefs (MODEL.md section 8): each actor may hold its own picture of the others, written
// as overrides. Its perceived zone is the zone of the scenario with its beliefs applied;
// comparing it with the true zone shows the deals it hopes for in vain (false hopes) and the
// deals it does not see (missed). Both come from one count of the deals in both zones: the
// true zone's walk with the believer's picture added as a gate, each actor as the believer
// sees it a voter whose yes is required.

// BeliefReport is one believing actor's picture of the zone.
type BeliefReport struct {
	// Believes lists the believer's overrides, as written.
	Believes []Assignment `json:"believes"`
	Note     string       `json:"note,omitempty"`
	// ZOPACount is the size of the zone the actor perceives.
	ZOPACount uint64 `json:"zopa_count"`
	// Nash is the Nash deal of the perceived zone, scored with everyone's true values; nil
	// when the actor perceives no deal.
	Nash           *Deal `json:"nash"`
	NashInTrueZOPA bool  `json:"nash_in_true_zopa"`
	// FalseHopes are deals the actor believes pass that truly do not; Missed, deals that
	// truly pass but that it believes someone rejects.
	FalseHopes uint64 `json:"false_hopes"`
	Missed     uint64 `json:"missed"`
	// HiddenBy, when the actor perceives no deal although there are some, lists the single
	// beliefs that hide deals from it: without that belief alone it would see Deals more.
	HiddenBy []HiddenDeal `json:"hidden_by,omitempty"`
}

// HiddenDeal is one belief that hides true deals from its holder.
type HiddenDeal struct {
	Path  string `json:"path"`
	Value any    `json:"value"`
	Deals uint64 `json:"deals"`
}

// Perceived returns the scenario as actor a pictures it: the scenario with a's beliefs
// applied. The beliefs of every actor are kept as written.
func (s *Scenario) Perceived(a int) (*Scenario, error) {
	return s.perceivedWith(a, s.Actors[a].Beliefs.Set)
}

func (s *Scenario) perceivedWith(a int, set []Assignment) (*Scenario, error) {
	out := s.Clone()
	for _, as := range set {
		if err := out.Set(as.Path, as.Value); err != nil {
			return nil, fmt.Errorf("actor %q's belief: %w", s.Actors[a].ID, err)
		}
	}
	return out, nil
}

// Believers lists the actors that hold beliefs, in file order.
func (sp *Space) Believers() []int {
	var out []int
	for a := range sp.sc.Actors {
		if len(sp.sc.Actors[a].Beliefs.Set) > 0 {
			out = append(out, a)
		}
	}
	return out
}

// PerceivedSpace compiles actor a's picture of the scenario.
func (sp *Space) PerceivedSpace(a int) (*Space, error) {
	sc, err := sp.sc.Perceived(a)
	if err != nil {
		return nil, err
	}
	return compile(sc)
}

// zoneTree and zoneGate are the walk of the true zone at reservations res.
func (sp *Space) zoneTree(res []float64) *tree {
	if sp.rule == nil {
		return newTree(sp, sp.baseRules(res))
	}
	return sp.partyTree(res)
}

func (sp *Space) fullGate(res []float64) *gate {
	if sp.rule == nil {
		return &gate{}
	}
	return sp.zoneGate(res, true)
}

// addPicture adds to g the zone of another picture of the same issues: its veto actors
// each a voter whose yes is required, and its decision rule and ratifications.
func (g *gate) addPicture(psp *Space, res []float64) {
	for _, a := range psp.veto {
		g.requireYes(psp, a, res[a])
	}
	if psp.rule == nil {
		return
	}
	psp.decisionGate(g, res)
	for i := range psp.rule.ratify {
		psp.ratificationGate(g, &psp.rule.ratify[i], res)
	}
}

// overlap counts the deals in both the true zone and psp's zone.
func (sp *Space) overlap(ctx context.Context, psp *Space) (uint64, error) {
	res := sp.reservations()
	g := sp.fullGate(res)
	g.addPicture(psp, psp.reservations())
	tal, err := gatedTally(ctx, sp.zoneTree(res), g)
	if err != nil {
		return 0, err
	}
	return tal.n, nil
}

// beliefReports compares every believer's perceived zone with the true one, of size count.
func (sp *Space) beliefReports(ctx context.Context, count uint64, workers int) (map[string]*BeliefReport, error) {
	out := map[string]*BeliefReport{}
	res := sp.reservations()
	for _, a := range sp.Believers() {
		act := &sp.sc.Actors[a]
		rep := &BeliefReport{Believes: act.Beliefs.Set, Note: act.Beliefs.Note}
		psp, err := sp.PerceivedSpace(a)
		if err != nil {
			return nil, err
		}
		perceived, both, err := sp.compareWith(ctx, psp, workers)
		if err != nil {
			return nil, err
		}
		rep.ZOPACount = perceived.count
		rep.FalseHopes, rep.Missed = perceived.count-both, count-both
		if i := perceived.nash(); i >= 0 {
			choice := perceived.front.entries[i].choice
			d := sp.deal(choice, res)
			rep.Nash = &d
			rep.NashInTrueZOPA = sp.Passes(choice, res)
		}
		if perceived.count == 0 && count > 0 {
			for i, as := range act.Beliefs.Set {
				rest := append(append([]Assignment(nil), act.Beliefs.Set[:i]...), act.Beliefs.Set[i+1:]...)
				sc, err := sp.sc.perceivedWith(a, rest)
				if err != nil {
					return nil, err
				}
				alt, err := compile(sc)
				if err != nil {
					return nil, err
				}
				seen, err := sp.overlap(ctx, alt)
				if err != nil {
					return nil, err
				}
				if seen > 0 {
					rep.HiddenBy = append(rep.HiddenBy, HiddenDeal{Path: as.Path, Value: as.Value, Deals: seen})
				}
			}
		}
		out[act.ID] = rep
	}
	return out, nil
}

// compareWith searches psp's zone and counts the deals it shares with the true zone.
func (sp *Space) compareWith(ctx context.Context, psp *Space, workers int) (*zopaSearch, uint64, error) {
	perceived, err := searchZOPA(ctx, psp, psp.reservations(), workers, false)
	if err != nil {
		return nil, 0, err
	}
	if perceived.count == 0 {
		return perceived, 0, nil
	}
	both, err := sp.overlap(ctx, psp)
	return perceived, both, err
}
