package sim

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math"
	"runtime"
	"slices"
)

// Analysis is what negsim answers about a scenario: the outcome space, the zone of possible
// agreement, its Pareto frontier, the bargaining solutions and, when the zone is empty, why.
// Its JSON form is a public contract.
type Analysis struct {
	Scenario  string                       `json:"scenario"`
	Space     SpaceSummary                 `json:"space"`
	Actors    []ActorSummary               `json:"actors"`
	ZOPA      ZOPA                         `json:"zopa"`
	Pareto    ParetoSummary                `json:"pareto"`
	Solutions Solutions                    `json:"solutions"`
	Issues    map[string]map[string]uint64 `json:"issues"`
	// Decision, Power and Ratification describe who must agree, when the scenario has a
	// decision rule or ratification; Beliefs each believing actor's picture of the zone.
	Decision     *DecisionReport                `json:"decision,omitempty"`
	Power        map[string]PowerIndex          `json:"power,omitempty"`
	Ratification map[string]*RatificationReport `json:"ratification,omitempty"`
	Beliefs      map[string]*BeliefReport       `json:"beliefs,omitempty"`
	Diagnosis    *Diagnosis                     `json:"diagnosis,omitempty"`
	Warnings     Diagnostics                    `json:"warnings,omitempty"`

	listing *listing
}

// listing is the ranked deals of an analysis, kept as positions until they are read.
type listing struct {
	sp  *Space
	res []float64
	top []ranked
	// pareto reports whether a deal is on the frontier.
	pareto func(choice []int) bool
}

// list sets the analysis's listing and, unless the caller streams it, reads it into
// ZOPA.Deals.
func (an *Analysis) list(ctx context.Context, l *listing, stream bool) error {
	an.listing = l
	an.ZOPA.Listed = len(l.top)
	if stream {
		return nil
	}
	return an.EachDeal(ctx, func(d Deal) error {
		an.ZOPA.Deals = append(an.ZOPA.Deals, d)
		return nil
	})
}

// EachDeal hands the listed ZOPA deals to fn one at a time, best first, as ZOPA.Deals
// would hold them; with Options.Stream, the only way to read them. Only one deal is built
// at a time, so a listing of a million costs the memory of one. It stops at the first
// error of fn, or when ctx ends.
func (an *Analysis) EachDeal(ctx context.Context, fn func(Deal) error) error {
	if an.listing == nil {
		return nil
	}
	l := an.listing
	for n, it := range l.top {
		if n%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		choice := l.sp.choiceAt(it.pos)
		d := l.sp.deal(choice, l.res)
		d.Pareto = l.pareto(choice)
		if err := fn(d); err != nil {
			return err
		}
	}
	return nil
}

// SpaceSummary describes the outcome space.
type SpaceSummary struct {
	Issues  int            `json:"issues"`
	Options map[string]int `json:"options"`
	Deals   uint64         `json:"deals"`
}

// ActorSummary restates the actors' standing for readers of the results.
type ActorSummary struct {
	ID          string  `json:"id"`
	Name        string  `json:"name"`
	Veto        bool    `json:"veto"`
	Power       float64 `json:"power"`
	Reservation float64 `json:"reservation"`
}

func summaryOf(a *Actor) ActorSummary {
	return ActorSummary{ID: a.ID, Name: a.Name, Veto: a.Veto, Power: a.Power, Reservation: a.Reservation}
}

// ZOPA is the zone of possible agreement: Count deals, of which the best Listed by Nash
// product are in Deals.
type ZOPA struct {
	Count uint64 `json:"count"`
	// LevelOneCount, under ratification, is the size of the zone at the table alone.
	LevelOneCount *uint64 `json:"level_one_count,omitempty"`
	Listed        int     `json:"listed"`
	Deals         []Deal  `json:"deals"`
}

// ParetoSummary counts the Pareto-optimal ZOPA deals and their distinct utility vectors.
type ParetoSummary struct {
	Count    int `json:"count"`
	Distinct int `json:"distinct"`
}

// Deal is one concession set, scored for every actor.
type Deal struct {
	Options     map[string]string  `json:"options"`
	Utilities   map[string]float64 `json:"utilities"`
	Surplus     map[string]float64 `json:"surplus"`
	Accepts     map[string]bool    `json:"accepts"`
	NashProduct float64            `json:"nash_product"`
	Pareto      bool               `json:"pareto"`
	// Votes, under a decision rule, is the votes of the table's actors that accept the deal.
	Votes *int `json:"votes,omitempty"`
	// Ratification, per actor with ratification, is the votes its ratifiers give the deal.
	Ratification map[string]int `json:"ratification,omitempty"`
	// Choice is the deal as one option position per issue, in file order.
	Choice []int `json:"-"`
}

// Solution is the deal a bargaining solution picks and the value of its criterion there.
type Solution struct {
	Deal
	Value float64 `json:"value"`
}

// Solutions are the classic bargaining solutions over the ZOPA; each is nil when it is empty.
// Their JSON names and order come from solutionTable.
type Solutions struct {
	Nash             *Solution
	AsymmetricNash   *Solution
	KalaiSmorodinsky *Solution
	Utilitarian      *Solution
	Egalitarian      *Solution
}

// Named lists the solutions with their JSON names and titles, in reporting order.
func (s *Solutions) Named() []NamedSolution {
	out := make([]NamedSolution, len(solutionTable))
	for i, row := range solutionTable {
		out[i] = NamedSolution{row.kind, row.title, *row.slot(s)}
	}
	return out
}

// MarshalJSON writes the solutions as an object keyed by their names, in reporting order.
func (s Solutions) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, ns := range s.Named() {
		if i > 0 {
			b.WriteByte(',')
		}
		key, _ := json.Marshal(ns.Key)
		val, err := json.Marshal(ns.Solution)
		if err != nil {
			return nil, err
		}
		b.Write(key)
		b.WriteByte(':')
		b.Write(val)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// UnmarshalJSON reads what MarshalJSON writes.
func (s *Solutions) UnmarshalJSON(data []byte) error {
	var byName map[SolutionKind]*Solution
	if err := json.Unmarshal(data, &byName); err != nil {
		return err
	}
	for _, row := range solutionTable {
		*row.slot(s) = byName[row.kind]
	}
	return nil
}

// NamedSolution pairs a solution with its names.
type NamedSolution struct {
	Key      SolutionKind
	Title    string
	Solution *Solution
}

// DefaultLimit is how many deals a listing holds when its reader asks for no number:
// negsim's --limit and the API's limit both start from it, so that the page and the
// terminal list the same deals of a zone or a comparison.
const DefaultLimit = 20

// Options tune an analysis without changing its answer.
type Options struct {
	// Limit is how many ZOPA deals to list, best first by Nash product.
	Limit int
	// Workers is the number of goroutines; 0 means one per available core.
	Workers int
	// Stream leaves ZOPA.Deals empty: the listed deals are read with Analysis.EachDeal,
	// one at a time, so that a long listing is never held whole.
	Stream bool
	// Reservations, when set, replace the actors' reservations (one per actor, in file
	// order): bargaining rounds analyse the space at each round's drifted values.
	Reservations []float64
}

// SpaceTooLargeError refuses a space before any work is done: one whose deals cannot be
// counted in 64 bits, or, for the work that handles deals one by one (Monte Carlo's
// per-deal frequencies, comparisons), one above the configured limit. Counting, frontiers
// and solutions never visit deals one by one and take any space that can be counted.
type SpaceTooLargeError struct {
	Deals    uint64
	Overflow bool
	Limit    uint64
}

// Is makes a space too large to handle bad input: the file must change, or the limit.
func (e *SpaceTooLargeError) Is(target error) bool { return target == ErrBadInput }

func (e *SpaceTooLargeError) Error() string {
	if e.Overflow {
		return "the outcome space has more than 1.8e19 deals, more than negsim can count; merge options or drop issues"
	}
	return fmt.Sprintf("the outcome space has %d deals, beyond the limit of %d; raise --max-deals or merge options", e.Deals, e.Limit)
}

// Analyze computes the ZOPA of a compiled scenario, its frontier and solutions, and a
// diagnosis when it is empty; and, for the scenario as written (no reservations given),
// each believing actor's picture of it.
func Analyze(ctx context.Context, sp *Space, opt Options) (*Analysis, error) {
	an, err := analyzeZone(ctx, sp, opt)
	if err != nil || opt.Reservations != nil || len(sp.Believers()) == 0 {
		return an, err
	}
	if an.Beliefs, err = sp.beliefReports(ctx, an.ZOPA.Count, opt.Workers); err != nil {
		return nil, err
	}
	// A believer's Nash deal is scored with the true values, whether it is Pareto-optimal
	// too: on the true zone's frontier, which only the analysis of that zone knows.
	for _, b := range an.Beliefs {
		if b.Nash != nil && b.NashInTrueZOPA && an.listing != nil {
			b.Nash.Pareto = an.listing.pareto(b.Nash.Choice)
		}
	}
	return an, nil
}

func analyzeZone(ctx context.Context, sp *Space, opt Options) (*Analysis, error) {
	if sp.tooMany {
		return nil, &SpaceTooLargeError{Overflow: true}
	}
	res := sp.reservations()
	if opt.Reservations != nil {
		if len(opt.Reservations) != sp.actors {
			return nil, fmt.Errorf("%d reservations given for %d actors", len(opt.Reservations), sp.actors)
		}
		res = opt.Reservations
	}
	if sp.rule != nil {
		return analyzeDecided(ctx, sp, res, opt)
	}
	t := newTree(sp, sp.baseRules(res))
	vetoRes := make([]float64, len(sp.veto))
	vetoPower := make([]float64, len(sp.veto))
	for j, a := range sp.veto {
		vetoRes[j], vetoPower[j] = res[a], sp.power[a]
	}
	// The frontier and the best deals need no count, and the count needs neither: the
	// single-threaded searches run beside the parallel count, on a core the count leaves
	// them, unless the count holds large halves in memory, which beside the frontier's own
	// would pass the budget.
	var front frontier
	var top []ranked
	var searchErr error
	done := make(chan struct{})
	search := func() {
		defer close(done)
		if front, searchErr = t.frontier(ctx); searchErr == nil {
			top, searchErr = t.bestByNash(ctx, opt.Limit, vetoRes, front)
		}
	}
	on := cores{n: opt.Workers}
	if t.heavyCount() {
		search()
		// The frontier's candidates are garbage now; collecting them before the count
		// lists its halves keeps the two peaks apart instead of stacked.
		runtime.GC()
	} else {
		go search()
		on.lent = done
	}
	tal, err := t.tallyOn(ctx, on)
	<-done
	if err == nil {
		err = searchErr
	}
	if err != nil {
		return nil, err
	}

	an := sp.zoneReport(res, tal, front, vetoRes, vetoPower)
	onFront, vec := front.index(), make([]float64, len(sp.veto))
	pareto := func(choice []int) bool {
		for j, a := range sp.veto {
			vec[j] = sp.Utility(a, choice)
		}
		return onFront.contains(vec)
	}
	if err := an.list(ctx, &listing{sp: sp, res: res, top: top, pareto: pareto}, opt.Stream); err != nil {
		return nil, err
	}
	if tal.n == 0 {
		if an.Diagnosis, err = diagnose(ctx, sp, res, opt.Workers, 0); err != nil {
			return nil, err
		}
	}
	return an, nil
}

// zoneReport is the part of an analysis that the count and the frontier give: the zone's
// size, its frontier's, the bargaining solutions read off the frontier (over the parties'
// reservations and powers), and how often each option occurs in the zone.
func (sp *Space) zoneReport(res []float64, tal *tally, front frontier, partyRes, partyPower []float64) *Analysis {
	an := sp.summary()
	for i := range an.Actors {
		an.Actors[i].Reservation = res[i]
	}
	an.Warnings = sp.warnings
	an.ZOPA.Count = tal.n
	an.Pareto = ParetoSummary{Count: front.deals(), Distinct: len(front.entries)}
	cx := front.criteria(partyRes, partyPower)
	for _, row := range solutionTable {
		crit := cx.of(row.kind)
		i := front.argmax(crit)
		if i < 0 {
			continue
		}
		d := sp.deal(front.entries[i].choice, res)
		d.Pareto = true
		*row.slot(&an.Solutions) = &Solution{Deal: d, Value: presentable(crit(front.entries[i].vec))}
	}
	for k := range sp.sc.Issues {
		is := &sp.sc.Issues[k]
		counts := map[string]uint64{}
		for o := range is.Options {
			counts[is.Options[o].ID] = tal.opt[sp.off[k]+o]
		}
		an.Issues[is.ID] = counts
	}
	return an
}

// zopaSearch is what sweeps, Monte Carlo draws and comparisons need of a ZOPA: its size,
// its frontier (for the Nash deal) and, when asked for, the positions of all its deals.
type zopaSearch struct {
	count     uint64
	members   []uint64
	front     frontier
	vetoRes   []float64
	vetoPower []float64
}

// MaxTrackedDeals bounds the work that follows ZOPA deals one by one (Monte Carlo's
// per-deal frequencies, compare's deal lists): a zone of more deals, or Monte Carlo draws
// whose zones together hold more, are refused. A million deals tracked cost about 50 MB.
const MaxTrackedDeals = 1_000_000

func tooManyTracked(n uint64) error {
	return fmt.Errorf("%w: the zone of possible agreement holds %d deals or more, beyond the %d that negsim follows one by one; raise reservations, narrow the uncertainty or merge options", ErrBadInput, n, MaxTrackedDeals)
}

// searchZOPA finds the deals every veto actor accepts at the given reservations. With
// record set, members lists their positions in the space in ascending order; that costs a
// visit per ZOPA deal, where counting alone takes whole subtrees at once.
func searchZOPA(ctx context.Context, sp *Space, res []float64, workers int, record bool) (*zopaSearch, error) {
	if sp.rule != nil {
		// A decision rule or ratification is decided deal by deal, not by subtree.
		return gatedSearch(ctx, sp, res, record)
	}
	return searchZOPAUnder(ctx, sp, sp.baseRules(res), workers, record)
}

// searchZOPAUnder is searchZOPA under altered rules: a red line widened or a constraint
// dropped, as the sensitivity analysis asks. It knows only the vetoes' unanimity: a space
// with a decision rule or ratification goes through gatedSearch.
func searchZOPAUnder(ctx context.Context, sp *Space, r *rules, workers int, record bool) (*zopaSearch, error) {
	if sp.rule != nil {
		cp := *sp
		cp.accept, cp.cons = r.accept, r.cons
		return gatedSearch(ctx, &cp, r.reservation, record)
	}
	res := r.reservation
	t := newTree(sp, r)
	zs := &zopaSearch{vetoRes: make([]float64, len(sp.veto)), vetoPower: make([]float64, len(sp.veto)), front: frontier{nv: len(sp.veto)}}
	for j, a := range sp.veto {
		zs.vetoRes[j], zs.vetoPower[j] = res[a], sp.power[a]
	}
	if !record && !t.heavyCount() {
		// The frontier needs no count: it runs beside it, and is dropped if the zone
		// turns out empty, as it is never searched for then.
		var front frontier
		var frontErr error
		done := make(chan struct{})
		go func() {
			defer close(done)
			front, frontErr = t.frontier(ctx)
		}()
		tal, err := t.tallyOn(ctx, cores{n: workers, lent: done})
		<-done
		if err == nil {
			err = frontErr
		}
		if err != nil {
			return nil, err
		}
		if zs.count = tal.n; zs.count > 0 {
			zs.front = front
		}
		return zs, nil
	}
	tal, err := t.tallyAll(ctx, workers)
	if err != nil {
		return nil, err
	}
	zs.count = tal.n
	if zs.count == 0 {
		return zs, nil
	}
	// Before the frontier, which on a zone this large is the long part.
	if record && zs.count > MaxTrackedDeals {
		return nil, tooManyTracked(zs.count)
	}
	if zs.front, err = t.frontier(ctx); err != nil {
		return nil, err
	}
	if record {
		if zs.members, err = t.members(ctx); err != nil {
			return nil, err
		}
	}
	return zs, nil
}

// nash is the Nash solution's position on the frontier, or -1 when the ZOPA is empty.
func (zs *zopaSearch) nash() int {
	return zs.front.argmax(zs.front.criteria(zs.vetoRes, zs.vetoPower).of(SolutionNash))
}

// Count is the number of deals every veto actor accepts at the given reservations (one per
// actor, in file order), without listing or scoring them.
func (sp *Space) Count(ctx context.Context, reservations []float64, workers int) (uint64, error) {
	if len(reservations) != sp.actors {
		return 0, fmt.Errorf("%d reservations given for %d actors", len(reservations), sp.actors)
	}
	if sp.rule != nil {
		return sp.gatedCount(ctx, reservations, true)
	}
	return newTree(sp, sp.baseRules(reservations)).count(ctx, workers)
}

// Reservations returns every actor's reservation as the scenario states it, in file order.
func (sp *Space) Reservations() []float64 { return sp.reservations() }

func (sp *Space) summary() *Analysis {
	an := &Analysis{
		Scenario: sp.sc.Name,
		Space:    SpaceSummary{Issues: sp.issues, Options: map[string]int{}, Deals: sp.deals},
		Issues:   map[string]map[string]uint64{},
		ZOPA:     ZOPA{Deals: []Deal{}},
	}
	for k := range sp.sc.Issues {
		an.Space.Options[sp.sc.Issues[k].ID] = sp.opts[k]
	}
	for i := range sp.sc.Actors {
		an.Actors = append(an.Actors, summaryOf(&sp.sc.Actors[i]))
	}
	return an
}

// deal scores a concession set for every actor against the given reservations.
func (sp *Space) deal(choice []int, res []float64) Deal {
	d := Deal{
		Options:   map[string]string{},
		Utilities: map[string]float64{},
		Surplus:   map[string]float64{},
		Accepts:   map[string]bool{},
		Choice:    slices.Clone(choice),
	}
	for k, o := range choice {
		d.Options[sp.sc.Issues[k].ID] = sp.sc.Issues[k].Options[o].ID
	}
	var vetoU, vetoRes []float64
	for a := range sp.sc.Actors {
		id := sp.sc.Actors[a].ID
		u := sp.Utility(a, choice)
		d.Utilities[id] = presentable(u)
		d.Surplus[id] = presentable(u - res[a])
		d.Accepts[id] = sp.MeetsRedLines(a, choice) && u >= res[a]-Tolerance
		if sp.sc.Actors[a].Veto {
			vetoU, vetoRes = append(vetoU, u), append(vetoRes, res[a])
		}
	}
	d.NashProduct = presentable(nashProduct(vetoU, vetoRes))
	if sp.rule != nil {
		sp.countVotes(&d, choice, res)
	}
	return d
}

// presentable rounds a reported number to 12 decimals: far below any input's precision,
// and it spares readers 0.10000000000000003 where the arithmetic meant 0.1.
// A value that rounds to zero is 0, never -0: a surplus a hair below 0, as floating-point
// sums leave one worth exactly the reservation, would otherwise print as "-0".
func presentable(x float64) float64 {
	r := math.Round(x*1e12) / 1e12
	if r == 0 {
		return 0
	}
	return r
}
