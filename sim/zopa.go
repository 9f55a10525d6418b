package sim

import (
	"container/heap"
	"context"
	"fmt"
	"math"
	"slices"
	"strconv"
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
	Diagnosis *Diagnosis                   `json:"diagnosis,omitempty"`
	Warnings  Problems                     `json:"warnings,omitempty"`
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

// ZOPA is the zone of possible agreement: Count deals, of which the best Listed by Nash
// product are in Deals.
type ZOPA struct {
	Count  uint64 `json:"count"`
	Listed int    `json:"listed"`
	Deals  []Deal `json:"deals"`
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
	// Choice is the deal as one option position per issue, in file order.
	Choice []int `json:"-"`
}

// Solution is the deal a bargaining solution picks and the value of its criterion there.
type Solution struct {
	Deal
	Value float64 `json:"value"`
}

// Solutions are the classic bargaining solutions over the ZOPA; each is nil when it is empty.
type Solutions struct {
	Nash             *Solution `json:"nash"`
	AsymmetricNash   *Solution `json:"asymmetric_nash"`
	KalaiSmorodinsky *Solution `json:"kalai_smorodinsky"`
	Utilitarian      *Solution `json:"utilitarian"`
	Egalitarian      *Solution `json:"egalitarian"`
}

func (s *Solutions) set(kind string, sol *Solution) {
	switch kind {
	case "nash":
		s.Nash = sol
	case "asymmetric_nash":
		s.AsymmetricNash = sol
	case "kalai_smorodinsky":
		s.KalaiSmorodinsky = sol
	case "utilitarian":
		s.Utilitarian = sol
	case "egalitarian":
		s.Egalitarian = sol
	}
}

// Named lists the solutions with their JSON names, in reporting order.
func (s *Solutions) Named() []NamedSolution {
	return []NamedSolution{
		{"nash", "Nash", s.Nash},
		{"asymmetric_nash", "Asymmetric Nash", s.AsymmetricNash},
		{"kalai_smorodinsky", "Kalai–Smorodinsky", s.KalaiSmorodinsky},
		{"utilitarian", "Utilitarian", s.Utilitarian},
		{"egalitarian", "Egalitarian", s.Egalitarian},
	}
}

// NamedSolution pairs a solution with its names.
type NamedSolution struct {
	Key      string
	Title    string
	Solution *Solution
}

// Options tune an analysis without changing its answer.
type Options struct {
	// Limit is how many ZOPA deals to list, best first by Nash product.
	Limit int
	// Workers is the number of goroutines; 0 means one per available core.
	Workers int
	// MaxDeals refuses spaces with more deals than this; 0 means no limit.
	MaxDeals uint64
	// Reservations, when set, replace the actors' reservations (one per actor, in file
	// order): bargaining rounds analyse the space at each round's drifted values.
	Reservations []float64
}

// SpaceTooLargeError refuses a space above the configured limit before any work is done.
type SpaceTooLargeError struct {
	Deals    uint64
	Overflow bool
	Limit    uint64
}

func (e *SpaceTooLargeError) Error() string {
	if e.Overflow {
		return fmt.Sprintf("the outcome space has more than 1.8e19 deals, beyond the limit of %d; merge options or drop issues", e.Limit)
	}
	return fmt.Sprintf("the outcome space has %d deals, beyond the limit of %d; raise --max-deals or merge options", e.Deals, e.Limit)
}

// zopaVisitor accumulates what an analysis reports over the ZOPA deals of one job.
type zopaVisitor struct {
	sp       *Space
	res      []float64 // veto actors' reservations
	count    uint64
	optCount []uint64
	top      topK
	front    archive
	// members, when record is set, are the indices of the deals visited, in order.
	record  bool
	members []uint64
}

func (z *zopaVisitor) visit(choice []int, u []float64) {
	z.count++
	if z.record {
		z.members = append(z.members, z.sp.index(choice))
	}
	for k, o := range choice {
		z.optCount[z.sp.off[k]+o]++
	}
	nash := 1.0
	for j, x := range u {
		nash *= math.Max(0, x-z.res[j])
	}
	z.top.offer(nash, choice)
	z.front.insert(u, choice)
}

// Analyze computes the ZOPA of a compiled scenario, its frontier and solutions, and a
// diagnosis when it is empty.
func Analyze(ctx context.Context, sp *Space, opt Options) (*Analysis, error) {
	if opt.MaxDeals > 0 && (sp.tooMany || sp.deals > opt.MaxDeals) {
		return nil, &SpaceTooLargeError{Deals: sp.deals, Overflow: sp.tooMany, Limit: opt.MaxDeals}
	}
	res := sp.reservations()
	if opt.Reservations != nil {
		if len(opt.Reservations) != sp.actors {
			return nil, fmt.Errorf("%d reservations given for %d actors", len(opt.Reservations), sp.actors)
		}
		res = opt.Reservations
	}
	zs, err := searchZOPA(ctx, sp, res, opt.Workers, opt.Limit, false)
	if err != nil {
		return nil, err
	}
	total, front, vetoRes, vetoPower := zs.total, zs.front, zs.vetoRes, zs.vetoPower
	an := sp.summary()
	for i := range an.Actors {
		an.Actors[i].Reservation = res[i]
	}
	an.Warnings = sp.sc.Validate().Warnings()
	an.ZOPA.Count = total.count
	onFront := map[string]bool{}
	for _, c := range front.choices {
		onFront[choiceKey(c)] = true
	}
	an.Pareto = ParetoSummary{Count: len(front.choices), Distinct: front.distinct()}
	for _, it := range total.top.sorted() {
		d := sp.deal(it.choice, res)
		d.Pareto = onFront[choiceKey(it.choice)]
		an.ZOPA.Deals = append(an.ZOPA.Deals, d)
	}
	an.ZOPA.Listed = len(an.ZOPA.Deals)
	crit := front.criteria(vetoRes, vetoPower)
	for _, kind := range solutionKinds {
		i := front.argmax(crit[kind])
		if i < 0 {
			continue
		}
		d := sp.deal(front.choices[i], res)
		d.Pareto = true
		an.Solutions.set(kind, &Solution{Deal: d, Value: crit[kind](front.vecs[i])})
	}
	for k := range sp.sc.Issues {
		is := &sp.sc.Issues[k]
		counts := map[string]uint64{}
		for o := range is.Options {
			counts[is.Options[o].ID] = total.optCount[sp.off[k]+o]
		}
		an.Issues[is.ID] = counts
	}
	if total.count == 0 {
		if an.Diagnosis, err = diagnose(ctx, sp, res, opt.Workers); err != nil {
			return nil, err
		}
	}
	return an, nil
}

// zopaSearch is one walk over the ZOPA, merged: what Analyze, sweeps, Monte Carlo draws
// and comparisons all start from.
type zopaSearch struct {
	total     *zopaVisitor
	front     frontier
	vetoRes   []float64
	vetoPower []float64
}

// searchZOPA walks the deals every veto actor accepts at the given reservations. With
// record set, total.members lists their indices in ascending order, since jobs are
// prefixes in order and each is walked depth-first.
func searchZOPA(ctx context.Context, sp *Space, res []float64, workers, limit int, record bool) (*zopaSearch, error) {
	t := newTree(sp, sp.baseRules(res))
	vetoRes := make([]float64, len(sp.veto))
	vetoPower := make([]float64, len(sp.veto))
	for j, a := range sp.veto {
		vetoRes[j], vetoPower[j] = res[a], sp.power[a]
	}
	vs, err := t.run(ctx, workers, func() visitor {
		return &zopaVisitor{sp: sp, res: vetoRes, optCount: make([]uint64, sp.off[sp.issues]),
			top: topK{k: limit}, front: archive{nv: len(sp.veto)}, record: record}
	})
	if err != nil {
		return nil, err
	}
	total := &zopaVisitor{sp: sp, optCount: make([]uint64, sp.off[sp.issues]), top: topK{k: limit}, front: archive{nv: len(sp.veto)}}
	for _, v := range vs {
		z := v.(*zopaVisitor)
		total.count += z.count
		for i, c := range z.optCount {
			total.optCount[i] += c
		}
		for _, it := range z.top.items {
			total.top.offer(it.score, it.choice)
		}
		for i := range z.front.choices {
			total.front.insert(z.front.vec(i), z.front.choices[i])
		}
		total.members = append(total.members, z.members...)
	}
	return &zopaSearch{total: total, front: total.front.frontier(), vetoRes: vetoRes, vetoPower: vetoPower}, nil
}

// nash is the Nash solution's position on the frontier, or -1 when the ZOPA is empty.
func (zs *zopaSearch) nash() int {
	return zs.front.argmax(zs.front.criteria(zs.vetoRes, zs.vetoPower)["nash"])
}

// Count is the number of deals every veto actor accepts at the given reservations (one per
// actor, in file order), without listing or scoring them.
func (sp *Space) Count(ctx context.Context, reservations []float64, workers int) (uint64, error) {
	if len(reservations) != sp.actors {
		return 0, fmt.Errorf("%d reservations given for %d actors", len(reservations), sp.actors)
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
	for _, a := range sp.sc.Actors {
		an.Actors = append(an.Actors, ActorSummary{ID: a.ID, Name: a.Name, Veto: a.Veto, Power: a.Power, Reservation: a.Reservation})
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
	d.NashProduct = 1
	for a := range sp.sc.Actors {
		id := sp.sc.Actors[a].ID
		u := sp.Utility(a, choice)
		d.Utilities[id] = u
		d.Surplus[id] = u - res[a]
		d.Accepts[id] = sp.MeetsRedLines(a, choice) && u >= res[a]-Tolerance
		if sp.sc.Actors[a].Veto {
			d.NashProduct *= math.Max(0, u-res[a])
		}
	}
	return d
}

// DealFromChoice scores a concession set given as option positions against the scenario's
// own reservations.
func (sp *Space) DealFromChoice(choice []int) Deal { return sp.deal(choice, sp.reservations()) }

func choiceKey(choice []int) string {
	b := make([]byte, 0, 3*len(choice))
	for _, o := range choice {
		b = strconv.AppendInt(b, int64(o), 10)
		b = append(b, ',')
	}
	return string(b)
}

// ranked is a listed deal with the score it is ranked by.
type ranked struct {
	score  float64
	choice []int
}

// before orders deals best first: higher score, then lower option positions.
func before(a, b ranked) bool {
	if a.score != b.score {
		return a.score > b.score
	}
	return slices.Compare(a.choice, b.choice) < 0
}

// topK keeps the k best deals offered. It is a heap with the worst kept deal on top, so
// an offer costs O(log k) even when --all asks for a million.
type topK struct {
	k     int
	items []ranked
}

func (t *topK) Len() int           { return len(t.items) }
func (t *topK) Less(i, j int) bool { return before(t.items[j], t.items[i]) }
func (t *topK) Swap(i, j int)      { t.items[i], t.items[j] = t.items[j], t.items[i] }
func (t *topK) Push(x any)         { t.items = append(t.items, x.(ranked)) }
func (t *topK) Pop() any {
	last := t.items[len(t.items)-1]
	t.items = t.items[:len(t.items)-1]
	return last
}

func (t *topK) offer(score float64, choice []int) {
	if t.k <= 0 {
		return
	}
	cand := ranked{score: score, choice: choice}
	if len(t.items) == t.k {
		if !before(cand, t.items[0]) {
			return
		}
		t.items[0] = ranked{score: score, choice: slices.Clone(choice)}
		heap.Fix(t, 0)
		return
	}
	heap.Push(t, ranked{score: score, choice: slices.Clone(choice)})
}

func (t *topK) sorted() []ranked {
	out := slices.Clone(t.items)
	slices.SortFunc(out, func(a, b ranked) int {
		switch {
		case before(a, b):
			return -1
		case before(b, a):
			return 1
		}
		return 0
	})
	return out
}
