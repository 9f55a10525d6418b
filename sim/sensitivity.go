package sim

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"maps"
	"math"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
)

// What would it take (MODEL.md section 9): for every number a what-if can change, the
// nearest value each way at which the headline changes (an empty zone opens, an open zone
// closes or its Nash deal moves); for every red line and constraint, what relaxing it lets
// in.
//
// Where the model allows, thresholds are computed, not searched for. A parameter of one
// veto actor changes only that actor's utilities or reservation, so the deals the others
// accept (within the actor's own red lines) stay the same set, and the question becomes
// one about that actor's surplus on those deals. That surplus is, up to a factor shared by
// every deal, a straight line in the parameter: u − r for its reservation r; u plus a
// constant times the change for the utility of an option (on the deals that choose the
// option); and (S + θ·v − r·(W′ + θ)) / (W′ + θ) for the weight θ of an issue, where S is
// the weighted sum of the other issues, v the deal's value on this one and W′ the other
// weights. Lines cross where the Nash product's order changes; a line's root is where a
// deal enters or leaves the zone. The candidates are the Pareto frontiers of the slices
// of the space on which the actor's surplus moves as one (all deals, for a reservation;
// the deals that settle the issue on each one option, for a weight or an option's
// utility): Pareto order inside a slice does not change with the parameter, so every
// deal the Nash solution can pick at any value is among them. From the current Nash deal
// the nearest root or crossing each way is the threshold, exact up to rounding; one
// analysis just past it confirms it and says what happens there.
//
// A decision rule or ratification changes none of this for a veto party: its votes are
// implied in the zone (the decision's quota counts only the other voters), it ratifies
// for no one, and every quota reads only its voters' own values. So the deals that pass
// every other condition are still one set while its number moves, and the zone is that set
// cut by its surplus; the candidates are found by the gated search (with its reservation
// set aside, a floor of -Inf) instead of the tree's frontier.
//
// Everything else that can change the zone (votes and quotas; the values of voters and
// ratifiers, whose acceptance is counted, not required; the values of every party when no
// actor holds a veto; a case where the Nash product is zero and ties are settled by option
// order) is found by bracketing: the range from the current value to the end is scanned in sensitivityScan
// steps, and the first step whose headline differs from the current one is bisected to
// within sensitivityStep. A change confined to a window narrower than a scan step, between
// two scanned values that both show the current headline, is not seen; when one step
// holds several changes, bisection finds one of them; whole numbers are tried one by one.
// Values that no analysis of the zone reads (drift, strategies, the protocol, the rounds
// of events; power, which only the asymmetric Nash solution weighs; beliefs, which only
// their holder's picture of the zone reads; votes without a decision rule) cost nothing
// and have no threshold.

// Category is a kind of value a sensitivity analysis can be limited to.
type Category string

// Categories, named as --only takes them.
const (
	CategoryReservations Category = "reservations"
	CategoryWeights      Category = "weights"
	CategoryUtilities    Category = "utilities"
	CategoryRedLines     Category = "red-lines"
	CategoryConstraints  Category = "constraints"
	CategoryPower        Category = "power"
	CategoryDrift        Category = "drift"
	CategoryStrategy     Category = "strategy"
	CategoryProtocol     Category = "protocol"
	CategoryEvents       Category = "events"
	CategoryVotes        Category = "votes"
	CategoryBeliefs      Category = "beliefs"
	CategoryOther        Category = "other"
)

// ParseCategory reads a category as --only names it.
func ParseCategory(name string) (Category, error) {
	if slices.Contains(SensitivityCategories, Category(name)) {
		return Category(name), nil
	}
	return "", fmt.Errorf("%s: no such category;%s valid: %s", name, DidYouMean(Category(name), SensitivityCategories), SensitivityCategoryNames())
}

// SensitivityCategoryNames lists the categories as --only takes them, comma-separated.
func SensitivityCategoryNames() string {
	names := make([]string, len(SensitivityCategories))
	for i, c := range SensitivityCategories {
		names[i] = string(c)
	}
	return strings.Join(names, ", ")
}

// SensitivityCategories lists the categories, in reporting order.
var SensitivityCategories = []Category{CategoryReservations, CategoryWeights, CategoryUtilities, CategoryRedLines,
	CategoryConstraints, CategoryVotes, CategoryPower, CategoryDrift, CategoryStrategy, CategoryProtocol, CategoryEvents,
	CategoryBeliefs, CategoryOther}

// HeadlineChange is what a change of a value does to the zone and its Nash deal.
type HeadlineChange string

// Changes to the headline.
const (
	ChangeOpens  HeadlineChange = "opens"
	ChangeCloses HeadlineChange = "closes"
	ChangeMoves  HeadlineChange = "moves"
)

// ThresholdMethod is how a row's thresholds were found.
type ThresholdMethod string

// Methods.
const (
	MethodExact     ThresholdMethod = "exact"
	MethodBisection ThresholdMethod = "bisection"
	MethodInert     ThresholdMethod = "inert"
)

const (
	// sensitivityScan is how many steps bracketing takes from the current value to the end
	// of the range.
	sensitivityScan = 64
	// sensitivityStep is the width to which bisection narrows a threshold, and how far
	// past an exact threshold the confirming analysis looks: well inside the 1e-6 the
	// model promises.
	sensitivityStep = 1e-7
)

// SensitivityOptions tune a sensitivity analysis without changing its answer.
type SensitivityOptions struct {
	// Only keeps the values of these categories (see SensitivityCategories); empty keeps
	// every category.
	Only []Category
	// Workers is how many values are analysed at once; 0 means one per available core.
	Workers int
}

// SensitivityReport answers "what would it take?" for a scenario. Its JSON form is a
// public contract.
type SensitivityReport struct {
	Scenario string   `json:"scenario"`
	Headline Headline `json:"headline"`
	// Rows are the numbers, the nearest change first.
	Rows []SensitivityRow `json:"rows"`
	// RedLines are the red lines widened by one option and the constraints dropped, the
	// ones that change the headline first.
	RedLines []Relaxation `json:"red_lines"`
	// Analyses counts the searches of the outcome space the answer took.
	Analyses int `json:"analyses"`
}

// Headline is what a change is measured against: the size of the zone and its Nash deal.
type Headline struct {
	Deals uint64 `json:"deals"`
	// Nash is the Nash deal's options, nil when the zone is empty.
	Nash map[string]string `json:"nash"`
	Text string            `json:"text"`
	// OnTheEdge are the actors, in file order, to which the Nash deal gives exactly their
	// reservation and without whose acceptance it cannot pass: the least change against one
	// of them takes it out of the zone, so thresholds lie a hair from the values that touch
	// them (Harborco's other ports, at 0.5 on the deal whose fifth vote is theirs).
	OnTheEdge []string `json:"on_the_edge,omitempty"`
}

// SensitivityRow is one number and its nearest thresholds, below and above.
type SensitivityRow struct {
	Path     string   `json:"path"`
	Category Category `json:"category"`
	Value    float64  `json:"value"`
	Min      float64  `json:"min"`
	Max      float64  `json:"max"`
	// Below and Above are nil when the headline does not change in that part of the range.
	Below *Tipping `json:"below"`
	Above *Tipping `json:"above"`
	// Nearest is the smaller relative change of Below and Above, the row's rank; nil when
	// neither exists.
	Nearest *float64        `json:"nearest"`
	Method  ThresholdMethod `json:"method"`
	Note    string          `json:"note,omitempty"`
}

// Tipping is a threshold: the value At from which the headline changes, how far that is
// from the current value (Change, and Relative to the value's range), and what happens
// there.
type Tipping struct {
	At       float64           `json:"at"`
	Change   float64           `json:"change"`
	Relative float64           `json:"relative"`
	Kind     HeadlineChange    `json:"kind"`
	Deals    uint64            `json:"deals"`
	Nash     map[string]string `json:"nash"`
	Effect   string            `json:"effect"`
}

// Relaxation is one red line widened by one option ("red_line") or one constraint
// dropped ("constraint"), with the overrides that make it (each PATH=VALUE as --set
// takes it) and what follows.
type Relaxation struct {
	Kind   OpenerKind `json:"kind"`
	Actor  string     `json:"actor"`
	Issue  string     `json:"issue,omitempty"`
	Option string     `json:"option,omitempty"`
	Why    string     `json:"why,omitempty"`
	Path   string     `json:"path"`
	Set    []string   `json:"set"`
	// Entering is the number of deals the change lets into the zone; Deals the zone's size
	// after it.
	Entering uint64            `json:"entering"`
	Deals    uint64            `json:"deals"`
	Nash     map[string]string `json:"nash"`
	// Change is how the headline changes ("opens", "moves"), "" when it does not.
	Change HeadlineChange `json:"change"`
	Effect string         `json:"effect"`
}

// headline is the engine's side of a Headline: the zone's size and the Nash deal, nil
// when the zone is empty.
type headline struct {
	deals uint64
	nash  []int
}

func (h headline) differs(o headline) bool {
	return (h.deals > 0) != (o.deals > 0) || !slices.Equal(h.nash, o.nash)
}

// sensitivity is one run: the space, the current headline and the candidate sets that
// several rows share, each computed once by whichever row needs it first.
type sensitivity struct {
	ctx  context.Context
	sp   *Space
	res  []float64
	base headline
	// parties are the actors whose surpluses the Nash deal multiplies, in the order of the
	// frontier's vectors (Space.Parties).
	parties []int
	// gated is set under a decision rule or ratification: votes decide the zone beside the
	// vetoes. The line model still reads a veto party's own values (see gatedLines); every
	// other value is bracketed.
	gated bool
	// cannotOpen marks, when the zone is empty under a decision rule or ratification, the
	// actors whose own numbers cannot open it (see cannotOpenZone).
	cannotOpen map[int]bool
	analyses   atomic.Int64

	mu         sync.Mutex
	candidates map[[2]int]*candidateSet
	voters     map[int]*voterSets
}

func newSensitivity(ctx context.Context, sp *Space) *sensitivity {
	return &sensitivity{ctx: ctx, sp: sp, res: sp.reservations(), parties: sp.Parties(), gated: sp.rule != nil, candidates: map[[2]int]*candidateSet{}}
}

type candidateSet struct {
	once    sync.Once
	entries []entry
	err     error
}

// RunSensitivity finds, for every number of the scenario a what-if can change, the nearest
// value each way at which the headline changes, and for every red line and constraint of
// an actor whose acceptance counts (a veto actor's; under a decision rule, a voter's or a
// ratifier's too) what relaxing it lets in.
func RunSensitivity(ctx context.Context, sp *Space, opt SensitivityOptions) (*SensitivityReport, error) {
	if sp.tooMany {
		return nil, &SpaceTooLargeError{Overflow: true}
	}
	only := map[Category]bool{}
	for _, c := range opt.Only {
		if _, err := ParseCategory(string(c)); err != nil {
			return nil, err
		}
		only[c] = true
	}
	wanted := func(c Category) bool { return len(only) == 0 || only[c] }
	s := newSensitivity(ctx, sp)
	var err error
	if s.base, err = s.search(sp, sp.baseRules(s.res)); err != nil {
		return nil, err
	}
	rep := &SensitivityReport{Scenario: sp.sc.Name, Headline: s.headline(s.base), Rows: []SensitivityRow{}, RedLines: []Relaxation{}}
	if s.cannotOpen, err = s.cannotOpenZone(); err != nil {
		return nil, err
	}

	var params []Param
	for _, p := range sp.sc.Params() {
		if (p.Kind == ParamNumber || p.Kind == ParamInteger) && wanted(paramCategory(p.Path)) {
			params = append(params, p)
		}
	}
	relax := s.relaxations(wanted(CategoryRedLines), wanted(CategoryConstraints))
	rep.Rows = make([]SensitivityRow, len(params))
	rep.RedLines = make([]Relaxation, len(relax))
	jobs := make([]func() error, 0, len(params)+len(relax))
	for i, p := range params {
		jobs = append(jobs, func() (err error) { rep.Rows[i], err = s.row(p); return err })
	}
	for i, r := range relax {
		jobs = append(jobs, func() (err error) { rep.RedLines[i], err = r(); return err })
	}
	if err := runJobs(ctx, opt.Workers, jobs); err != nil {
		return nil, err
	}
	slices.SortStableFunc(rep.Rows, func(a, b SensitivityRow) int {
		if a.Nearest == nil || b.Nearest == nil {
			return cmp.Compare(boolRank(a.Nearest == nil), boolRank(b.Nearest == nil))
		}
		return cmp.Compare(*a.Nearest, *b.Nearest)
	})
	slices.SortStableFunc(rep.RedLines, func(a, b Relaxation) int {
		if c := cmp.Compare(boolRank(a.Change == ""), boolRank(b.Change == "")); c != 0 {
			return c
		}
		return cmp.Compare(b.Entering, a.Entering)
	})
	rep.Analyses = int(s.analyses.Load())
	return rep, nil
}

func boolRank(b bool) int {
	if b {
		return 1
	}
	return 0
}

// runJobs runs the jobs on a pool of workers and returns the first error.
func runJobs(ctx context.Context, workers int, jobs []func() error) error {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = max(1, min(workers, len(jobs)))
	var next atomic.Int64
	errs := make([]error, len(jobs))
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for ctx.Err() == nil {
				i := int(next.Add(1) - 1)
				if i >= len(jobs) {
					return
				}
				errs[i] = jobs[i]()
			}
		}()
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return err
	}
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// paramCategory sorts a path printed by Params into its category.
func paramCategory(path string) Category {
	segs := strings.Split(path, ".")
	last := segs[len(segs)-1]
	switch {
	case segs[0] == "protocol":
		return CategoryProtocol
	case segs[0] == "events":
		return CategoryEvents
	case segs[0] == "decision":
		return CategoryVotes
	case segs[0] != "actors" || len(segs) < 3:
		return CategoryOther
	case segs[2] == "beliefs":
		return CategoryBeliefs
	case len(segs) == 3 && last == "votes", segs[2] == "ratification" && last == "votes_needed":
		return CategoryVotes
	case len(segs) == 3 && last == "reservation":
		return CategoryReservations
	case len(segs) == 3 && last == "reservation_drift":
		return CategoryDrift
	case len(segs) == 3 && last == "power":
		return CategoryPower
	case segs[2] == "strategy":
		return CategoryStrategy
	case segs[2] == "constraints":
		return CategoryConstraints
	case segs[2] == "preferences" && len(segs) == 5 && last == "weight":
		return CategoryWeights
	case segs[2] == "preferences" && len(segs) == 6 && segs[4] == "utilities":
		return CategoryUtilities
	case segs[2] == "preferences" && last == "acceptable":
		return CategoryRedLines
	}
	return CategoryOther
}

// inertNote says why no analysis reads the values of a category, "" when one does.
func inertNote(category Category) string {
	switch category {
	case CategoryDrift, CategoryStrategy, CategoryProtocol, CategoryEvents:
		return "acts in bargaining rounds only; the zone and its Nash deal do not read it"
	case CategoryPower:
		return "weighs only the asymmetric Nash solution, not the zone or the Nash deal"
	case CategoryBeliefs:
		return "changes its holder's picture of the zone, which analyze reports, not the zone"
	}
	return ""
}

// search is the engine's answer under the given rules, counted. Under a decision rule the
// rules are always the space's own at some reservations (relaxations go through the
// scenario), and the gated search takes those.
func (s *sensitivity) search(sp *Space, r *rules) (headline, error) {
	s.analyses.Add(1)
	var zs *zopaSearch
	var err error
	if sp.rule != nil {
		zs, err = searchZOPA(s.ctx, sp, r.reservation, 1, false)
	} else {
		zs, err = searchZOPAUnder(s.ctx, sp, r, 1, false)
	}
	if err != nil {
		return headline{}, err
	}
	h := headline{deals: zs.count}
	if n := zs.nash(); n >= 0 {
		h.nash = zs.front.entries[n].choice
	}
	return h, nil
}

// probe is the headline with one number set to x.
type probe func(x float64) (headline, error)

// errOutOfRange marks a value a probe cannot take (a weight of 0 where it is the actor's
// only one): bracketing treats it as showing no change.
var errOutOfRange = errors.New("value out of range")

func (s *sensitivity) row(p Param) (SensitivityRow, error) {
	value, _ := strconv.ParseFloat(p.Value, 64)
	row := SensitivityRow{Path: p.Path, Category: paramCategory(p.Path), Value: value, Min: *p.Min, Max: *p.Max}
	if note := inertNote(row.Category); note != "" {
		row.Method, row.Note = MethodInert, note
		return row, nil
	}
	if row.Category == CategoryVotes && s.sp.sc.Decision.VotesNeeded == 0 && s.tableVotes(p.Path) {
		// A table actor's votes count only under a decision rule, which its votes alone
		// cannot bring about; a ratifier's count at home whatever the table's rule.
		row.Method, row.Note = MethodInert, "votes at the table count only under a decision rule (decision.votes_needed above 0)"
		return row, nil
	}
	if row.Category == CategoryVotes && s.sp.rule == nil && !strings.HasPrefix(p.Path, "decision.") {
		// Votes count only under a decision rule or ratification, which an actor's votes
		// alone cannot bring about.
		row.Method, row.Note = MethodInert, "votes count only under a decision rule (decision.votes_needed above 0)"
		return row, nil
	}
	var m thresholdModel
	var pr probe
	if a, ok := s.ownerOf(row); ok && s.cannotOpen[a] {
		row.Method = MethodExact
		row.Note = s.sp.sc.Actors[a].ID + " accepting every deal within its red lines or none leaves the zone as it is: none of its own numbers moves it"
		return row, nil
	}
	switch {
	case row.Category == CategoryReservations || row.Category == CategoryWeights || row.Category == CategoryUtilities:
		segs := strings.Split(p.Path, ".")
		a := s.sp.sc.ActorIndex(segs[1])
		// A party whose acceptance does not count (when no actor holds a veto, and the
		// decision rule asks no votes) still has its surplus weighed by the Nash deal.
		if !s.counts(a) && !slices.Contains(s.parties, a) {
			row.Method, row.Note = MethodInert, segs[1]+" neither holds a veto nor casts a vote that counts; its values do not move the zone"
			return row, nil
		}
		var err error
		var note string
		m, pr, note, err = s.model(row.Category, a, segs)
		if err != nil {
			return row, err
		}
		if note != "" {
			row.Method, row.Note = MethodInert, note
			return row, nil
		}
		row.Method = MethodBisection
		if m != nil {
			row.Method = MethodExact
		}
	default:
		pr = s.setProbe(p.Path)
		row.Method = MethodBisection
	}
	whole := p.Kind == ParamInteger
	for _, dir := range []float64{-1, 1} {
		limit := row.Min
		if dir > 0 {
			limit = row.Max
		}
		var t *Tipping
		var exact bool
		var err error
		if m != nil {
			t, exact, err = s.exactSide(m, pr, value, limit, dir)
		}
		if m == nil || !exact {
			if err == nil {
				t, err = s.bracket(pr, value, limit, dir, whole)
			}
			if m != nil {
				row.Method = MethodBisection
			}
		}
		if err != nil {
			return row, err
		}
		if t != nil && !whole {
			if t.At, err = s.pasteable(pr, t, value, limit, dir); err != nil {
				return row, err
			}
		}
		if t != nil {
			t.At = presentable(t.At)
			t.Change = presentable(t.At - value)
			if span := row.Max - row.Min; span > 0 {
				t.Relative = presentable(math.Abs(t.Change) / span)
			}
			if row.Nearest == nil || t.Relative < *row.Nearest {
				row.Nearest = &t.Relative
			}
		}
		if dir < 0 {
			row.Below = t
		} else {
			row.Above = t
		}
	}
	return row, nil
}

// pasteable is the value to report for threshold t: one at which the headline is the one t
// reports, since a student pastes it into --set and the page's "Try it" applies it as it
// is. A threshold where a deal leaves the zone is that deal's utility, at which the deal is
// still inside (the tolerance of MODEL.md section 2), and a bisected one is 1e-7 wide, so
// the value is the one with the fewest decimals within 1e-6 of the threshold (MODEL.md
// section 9's precision) whose analysis confirms it: 0.6500001 for a deal worth 0.65
// (0.650001 is a hair more than 1e-6 away in binary), 15 for a weight at which two deals
// tie and option order settles it. When none confirms (a change narrower than the
// candidates' spacing), the values just past t.At are tried, and failing those t.At stands.
func (s *sensitivity) pasteable(pr probe, t *Tipping, value, limit, dir float64) (float64, error) {
	inRange := func(x float64) bool {
		// 9e-7 of t.At, which bisection leaves up to 1e-7 from the true threshold.
		return math.Abs(x-t.At) <= 9e-7 && dir*(x-value) > 0 && dir*(limit-x) >= 0
	}
	confirms := func(x float64) (bool, error) {
		h, err := pr(x)
		if errors.Is(err, errOutOfRange) {
			return false, nil
		}
		if err != nil {
			return false, err
		}
		u := s.tipping(x, h)
		return u.Kind == t.Kind && u.Deals == t.Deals && maps.Equal(u.Nash, t.Nash), nil
	}
	tried := map[float64]bool{}
	try := func(x float64) (bool, error) {
		if tried[x] || !inRange(x) {
			return false, nil
		}
		tried[x] = true
		return confirms(x)
	}
	for d := 0; d <= 12; d++ {
		// The decimals of d places around t.At: the nearest, and one step each way, since the
		// nearest can still lie on the unchanged side (0.65 for 0.649999999993). Those on the
		// side of the change come first, nearest first.
		step := math.Pow(10, -float64(d))
		near, _ := strconv.ParseFloat(strconv.FormatFloat(t.At, 'f', d, 64), 64)
		var cands []float64
		for _, x := range []float64{near - step, near, near + step} {
			x, _ = strconv.ParseFloat(strconv.FormatFloat(x, 'f', d, 64), 64)
			cands = append(cands, x)
		}
		slices.SortStableFunc(cands, func(a, b float64) int {
			return cmp.Or(cmp.Compare(boolRank(dir*(a-t.At) < 0), boolRank(dir*(b-t.At) < 0)), cmp.Compare(math.Abs(a-t.At), math.Abs(b-t.At)))
		})
		for _, x := range cands {
			ok, err := try(x)
			if err != nil || ok {
				return x, err
			}
		}
	}
	for k := 0; k <= 10; k++ {
		x := presentable(t.At + dir*float64(k)*sensitivityStep)
		ok, err := try(x)
		if err != nil || ok {
			return x, err
		}
	}
	return t.At, nil
}

// exactSide finds the threshold from the line model and confirms it with one analysis just
// past it; false when the model cannot answer (a Nash product of zero, where option order
// settles ties) or the confirmation disagrees, and bracketing must.
func (s *sensitivity) exactSide(m thresholdModel, pr probe, x0, limit, dir float64) (*Tipping, bool, error) {
	if x0 == limit {
		return nil, true, nil
	}
	at, from, found, ok := m.nearest(x0, limit, dir, s.base)
	if !ok {
		return nil, false, nil
	}
	if !found {
		return nil, true, nil
	}
	past := from + dir*sensitivityStep
	if dir*(past-limit) > 0 {
		past = limit
	}
	h, err := pr(past)
	if errors.Is(err, errOutOfRange) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, err
	}
	if !h.differs(s.base) {
		return nil, false, nil
	}
	return s.tipping(at, h), true, nil
}

// cannotOpenZone answers, under a decision rule or ratification (where every other number
// is bracketed, at some hundred analyses each), which actors' own reservation, weights and
// option values cannot change the headline. An actor with a reservation of 0 accepts every
// deal within its red lines, the most any of those numbers can make it accept (utilities
// lie in [0,1]); with a reservation above 1 it accepts none, the least. A deal passes only
// more easily the more actors accept it, so the zone under any of its values lies between
// the zones at those two ends. When the zone is empty and stays empty at the first end, no
// value opens it. When it is open and the actor is no party (a ratifier or a voter whose
// surplus no solution weighs), equal counts at both ends mean the zone itself cannot move,
// and with it neither its size nor its Nash deal. Two analyses per actor whose acceptance
// counts, at most.
func (s *sensitivity) cannotOpenZone() (map[int]bool, error) {
	if !s.gated {
		return nil, nil
	}
	parties := s.sp.Parties()
	out := map[int]bool{}
	at := func(a int, r float64) (uint64, error) {
		res := slices.Clone(s.res)
		res[a] = r
		h, err := s.search(s.sp, s.sp.baseRules(res))
		return h.deals, err
	}
	for a := range s.sp.sc.Actors {
		if !s.counts(a) {
			continue
		}
		most, err := at(a, 0)
		if err != nil {
			return nil, err
		}
		if s.base.deals == 0 {
			out[a] = most == 0
			continue
		}
		if slices.Contains(parties, a) || most != s.base.deals {
			continue
		}
		least, err := at(a, 2)
		if err != nil {
			return nil, err
		}
		out[a] = least == most
	}
	return out, nil
}

// ownerOf is the actor whose reservation, weight or option value a row is.
func (s *sensitivity) ownerOf(row SensitivityRow) (int, bool) {
	switch row.Category {
	case CategoryReservations, CategoryWeights, CategoryUtilities:
	default:
		return 0, false
	}
	segs := strings.Split(row.Path, ".")
	if len(segs) < 3 || segs[0] != "actors" {
		return 0, false
	}
	if segs[2] != "reservation" && segs[2] != "preferences" {
		return 0, false
	}
	a := s.sp.sc.ActorIndex(segs[1])
	return a, a >= 0
}

// bracket scans from x0 towards limit at sensitivityScan values and bisects the first step
// where the headline changes, to within sensitivityStep. A whole number within
// sensitivityScan of its limit is stepped one value at a time; a longer range (a ratifier's
// votes run to its constituency's seats) is scanned and bisected at whole values. A scan can
// miss a change that comes and goes again within one step.
func (s *sensitivity) bracket(pr probe, x0, limit, dir float64, whole bool) (*Tipping, error) {
	try := func(x float64) (headline, bool, error) {
		h, err := pr(x)
		if errors.Is(err, errOutOfRange) {
			return h, false, nil
		}
		return h, err == nil && h.differs(s.base), err
	}
	if whole && math.Abs(limit-x0) <= sensitivityScan {
		for x := x0 + dir; dir*(limit-x) >= 0; x += dir {
			h, changed, err := try(x)
			if err != nil {
				return nil, err
			}
			if changed {
				return s.tipping(x, h), nil
			}
		}
		return nil, nil
	}
	snap, resolution := func(x float64) float64 { return x }, float64(sensitivityStep)
	if whole {
		snap, resolution = math.Round, 1
	}
	prev := x0
	for i := 1; i <= sensitivityScan; i++ {
		x := snap(x0 + (limit-x0)*float64(i)/sensitivityScan)
		if i == sensitivityScan {
			x = limit
		}
		if dir*(x-prev) <= 0 {
			continue
		}
		h, changed, err := try(x)
		if err != nil {
			return nil, err
		}
		if !changed {
			prev = x
			continue
		}
		lo, hi, hiH := prev, x, h
		for math.Abs(hi-lo) > resolution {
			mid := snap(lo + (hi-lo)/2)
			if mid == lo || mid == hi {
				break
			}
			hm, changed, err := try(mid)
			if err != nil {
				return nil, err
			}
			if changed {
				hi, hiH = mid, hm
			} else {
				lo = mid
			}
		}
		return s.tipping(hi, hiH), nil
	}
	return nil, nil
}

// tableVotes reports whether path is the votes of an actor at the table, not a ratifier's.
func (s *sensitivity) tableVotes(path string) bool {
	segs := strings.Split(path, ".")
	if len(segs) != 3 || segs[0] != "actors" || segs[2] != "votes" {
		return false
	}
	for _, a := range s.sp.sc.Actors {
		if slices.Contains(a.Ratification.By, segs[1]) {
			return false
		}
	}
	return true
}

// setProbe sets a path on a copy of the scenario and analyses it from scratch: the way to
// ask about a value the engine does not read as a line.
func (s *sensitivity) setProbe(path string) probe {
	return func(x float64) (headline, error) {
		return s.searchScenario(func(sc *Scenario) error { return sc.Set(path, x) })
	}
}

// searchScenario analyses a copy of the scenario changed by change; errOutOfRange when
// the change leaves it invalid.
func (s *sensitivity) searchScenario(change func(sc *Scenario) error) (headline, error) {
	sc := s.sp.sc.Clone()
	// Variants, uncertainty, events and beliefs do not enter the zone; validating them is
	// the file's business, and took most of a probe's time (each belief and event is
	// checked on a copy of the scenario of its own).
	sc.Variants, sc.Uncertainty, sc.Events = nil, nil, nil
	for i := range sc.Actors {
		sc.Actors[i].Beliefs = Beliefs{}
	}
	if err := change(sc); err != nil {
		return headline{}, err
	}
	if len(sc.Validate().Errors()) > 0 {
		return headline{}, errOutOfRange
	}
	sp, err := compile(sc)
	if err != nil {
		return headline{}, errOutOfRange
	}
	return s.search(sp, sp.baseRules(sp.reservations()))
}

// counts reports whether actor a's acceptance can decide a deal: a veto actor's, or under
// a decision rule a voter's whose votes count, or a ratifier's.
func (s *sensitivity) counts(a int) bool {
	if s.sp.sc.Actors[a].Veto {
		return true
	}
	dr := s.sp.rule
	return dr != nil && (dr.needed > 0 && dr.votes[a] > 0 || dr.ratifierOf[a] >= 0)
}

// candidate is one deal of a line model: the actor's surplus is (alpha + beta·θ) /
// (scale0 + scale1·θ), and p is the product of the other veto actors' surpluses.
type candidate struct {
	alpha, beta float64
	p           float64
	choice      []int
}

// thresholdModel finds, without searching the space, the nearest value of one number at
// which the headline changes: see lineModel.nearest.
type thresholdModel interface {
	nearest(x0, limit, dir float64, base headline) (at, probe float64, found, ok bool)
}

// lineModel is every deal the Nash solution can pick while one number θ of one veto actor
// moves, with its surplus as a line in θ. Candidates are in option order, as the engine's
// frontier is, so that ties go the same way.
type lineModel struct {
	cands          []candidate
	scale0, scale1 float64
}

// surplus is the actor's surplus at θ, and the Nash product's value.
func (m *lineModel) surplus(c *candidate, x float64) float64 {
	return (c.alpha + c.beta*x) / (m.scale0 + m.scale1*x)
}

// nash is the position of the Nash deal among the candidates at θ and its Nash product,
// -1 when no candidate is in the zone; ties within the engine's margin go to the first.
func (m *lineModel) nash(x float64) (int, float64) {
	best, top := -1, math.Inf(-1)
	vals := make([]float64, len(m.cands))
	for i := range m.cands {
		c := &m.cands[i]
		s := m.surplus(c, x)
		vals[i] = math.NaN()
		if s >= -Tolerance {
			vals[i] = math.Max(0, s) * c.p
			top = max(top, vals[i])
		}
	}
	if math.IsInf(top, -1) {
		return -1, 0
	}
	margin := 1e-12 * max(1, math.Abs(top))
	for i, v := range vals {
		if v >= top-margin {
			best = i
			break
		}
	}
	return best, top
}

// nearest is the nearest value from x0 towards limit (in direction dir) at which a
// candidate enters an empty zone, the Nash deal leaves it, or another candidate's Nash
// product overtakes the Nash deal's; found is false when none comes before limit. at is
// the threshold to report and probe the value from which the engine's answer differs:
// they part only where a deal enters or leaves, by the engine's tolerance of 1e-9 on the
// surplus, which at is reported without when that moves it by less than 1e-6 (a weight
// of 30, not 29.99999978). ok is false when the model cannot answer: its Nash deal is not
// the engine's, or the Nash product is zero and option order settles ties.
func (m *lineModel) nearest(x0, limit, dir float64, base headline) (at, probe float64, found, ok bool) {
	f, top := m.nash(x0)
	if (f < 0) != (base.deals == 0) || (f >= 0 && !slices.Equal(m.cands[f].choice, base.nash)) {
		return 0, 0, false, false
	}
	// dist is how far along dir the nearest event lies for the engine, clean how far
	// without its tolerance.
	dist, clean := math.Inf(1), math.Inf(1)
	take := func(d, c float64) {
		if d < dist {
			dist, clean = d, c
		}
	}
	// root is how far along dir the candidate's surplus reaches 0, and the tolerance below
	// 0: the value at which it enters or leaves the zone.
	root := func(c *candidate, entering bool) {
		slope := dir * (c.beta + Tolerance*m.scale1)
		if slope == 0 || entering != (slope > 0) {
			return
		}
		e := c.alpha + c.beta*x0
		take(math.Max(0, -(e+Tolerance*(m.scale0+m.scale1*x0))/slope), math.Max(0, -e/(dir*c.beta)))
	}
	done := func() (float64, float64, bool, bool) {
		reach := dir * (limit - x0)
		if math.Abs(clean-dist) > 1e-6 {
			clean = dist
		}
		return x0 + dir*min(clean, reach), x0 + dir*dist, dist <= reach, true
	}
	if f < 0 {
		for i := range m.cands {
			root(&m.cands[i], true)
		}
		return done()
	}
	if top <= 1e-15 {
		return 0, 0, false, false
	}
	fc := &m.cands[f]
	root(fc, false)
	// Nash products without the shared factor 1/(scale0 + scale1·θ), and their slopes
	// along dir. The engine counts products within 1e-12·max(1, top) of the best as tied
	// and gives ties to the lower options, so a challenger with lower options overtakes
	// once it comes within that margin, one with higher options once it beats the Nash
	// deal by it; the margin carries the shared factor too.
	phi := func(c *candidate) (float64, float64) { return (c.alpha + c.beta*x0) * c.p, dir * c.beta * c.p }
	margin := 1e-12 * max(1, top)
	f0, f1 := phi(fc)
	for i := range m.cands {
		if i == f {
			continue
		}
		g0, g1 := phi(&m.cands[i])
		side := 1.0
		if slices.Compare(m.cands[i].choice, fc.choice) < 0 {
			side = -1
		}
		if den := g1 - f1 - side*margin*m.scale1*dir; den > 0 {
			d := math.Max(0, (side*margin*(m.scale0+m.scale1*x0)-(g0-f0))/den)
			take(d, d)
		}
	}
	return done()
}

// model builds the probe of one actor's reservation, weight or option utility and, where
// the model can read it, its threshold model: the line model for a veto actor, the voter
// model for an actor whose acceptance a quota counts but whose surplus no solution weighs
// (nil otherwise: bracketing answers); note says instead why the value changes nothing (a
// weight on an issue the actor does not weigh, or one that is its only weight, which
// normalising cancels).
func (s *sensitivity) model(category Category, a int, segs []string) (thresholdModel, probe, string, error) {
	sp := s.sp
	act := &sp.sc.Actors[a]
	// The frontier's vectors hold the parties' utilities. A party without a veto (only
	// when no actor holds one) is counted by the decision rule's quota and weighed by the
	// Nash deal at once: bracketing answers for it.
	ja := slices.Index(s.parties, a)
	veto := ja >= 0 && act.Veto
	voter := s.gated && ja < 0 && s.counts(a)
	// The actor's surplus on a deal is (alpha + beta·θ) / (scale0 + scale1·θ), from its
	// utility u at the current value: line gives alpha and beta, k the issue whose slices
	// keep the surplus one line (-1: the whole space).
	var line func(u float64, choice []int) (alpha, beta float64)
	var pr probe
	scale0, scale1, k := 1.0, 0.0, -1
	if category == CategoryReservations {
		pr = func(x float64) (headline, error) {
			res := slices.Clone(s.res)
			res[a] = x
			return s.search(sp, sp.baseRules(res))
		}
		line = func(u float64, _ []int) (float64, float64) { return u, -1 }
	} else {
		issue := segs[3]
		k = sp.sc.IssueIndex(issue)
		pi := slices.IndexFunc(act.Preferences, func(p Preference) bool { return p.Issue == issue })
		pref := &act.Preferences[pi]
		total := 0.0
		for _, p := range act.Preferences {
			total += p.Weight
		}
		restWeight := total - pref.Weight
		r := s.res[a]
		// with is the probe: the actor's values recomputed with this preference changed.
		with := func(change func(p *Preference, x float64)) probe {
			return func(x float64) (headline, error) {
				cp := *act
				cp.Preferences = slices.Clone(act.Preferences)
				p := &cp.Preferences[pi]
				p.Utilities = cloneMap(p.Utilities)
				change(p, x)
				row := make([]float64, len(sp.value[a]))
				if err := sp.actorValues(&cp, row); err != nil {
					return headline{}, errOutOfRange
				}
				moved := *sp
				moved.value = slices.Clone(sp.value)
				moved.value[a] = row
				return s.search(&moved, moved.baseRules(s.res))
			}
		}
		switch category {
		case CategoryUtilities:
			o := sp.sc.Issues[k].OptionIndex(segs[5])
			c := pref.Weight / total
			if c == 0 {
				return nil, nil, "its weight on " + issue + " is 0, so the value counts for nothing", nil
			}
			pr = with(func(p *Preference, x float64) { p.Utilities[segs[5]] = x })
			x0 := pref.Utilities[segs[5]]
			line = func(u float64, choice []int) (float64, float64) {
				if choice[k] == o {
					return u - r - c*x0, c
				}
				return u - r, 0
			}
		default:
			if restWeight == 0 {
				return nil, nil, "its only weight: normalising cancels it", nil
			}
			pr = with(func(p *Preference, x float64) { p.Weight = x })
			x0 := pref.Weight
			scale0, scale1 = restWeight, 1
			line = func(u float64, choice []int) (float64, float64) {
				v := optionValue(pref, &sp.sc.Issues[k], choice[k])
				// The weighted sum over the other issues, from the utility at the current
				// weight.
				sum := u*(restWeight+x0) - x0*v
				return sum - r*restWeight, v - r
			}
		}
	}
	switch {
	case veto:
		es, err := s.candidateSet(a, k)
		if err != nil {
			return nil, nil, "", err
		}
		m := &lineModel{scale0: scale0, scale1: scale1}
		for i := range es {
			alpha, beta := line(es[i].vec[ja], es[i].choice)
			m.cands = append(m.cands, candidate{alpha: alpha, beta: beta, p: othersProduct(s.parties, s.res, ja, &es[i]), choice: es[i].choice})
		}
		return m, pr, "", nil
	case voter:
		vs, err := s.voterDeals(a)
		if err != nil || vs == nil {
			return nil, pr, "", err
		}
		m := &voterModel{set: vs, scale0: scale0, scale1: scale1, alpha: make([]float64, len(vs.swing)), beta: make([]float64, len(vs.swing))}
		for i := range vs.swing {
			m.alpha[i], m.beta[i] = line(sp.Utility(a, vs.swing[i].choice), vs.swing[i].choice)
		}
		return m, pr, "", nil
	}
	return nil, pr, "", nil
}

// othersProduct is the product of the surpluses of the parties other than the one at
// position ja, as the Nash criterion counts them: a negative surplus as 0.
func othersProduct(parties []int, res []float64, ja int, e *entry) float64 {
	p := 1.0
	for j, b := range parties {
		if j != ja {
			p *= math.Max(0, e.vec[j]-res[b])
		}
	}
	return p
}

func cloneMap[K comparable, V any](m map[K]V) map[K]V {
	if m == nil {
		return nil
	}
	out := make(map[K]V, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

// candidateSet is, for veto actor a, the Pareto frontier of the deals that pass every
// condition but a's reservation (the other veto actors accept them, a's red lines hold,
// and under a decision rule or ratification the votes are there): the whole of it for
// issue -1, or for issue k the union of the frontiers of the slices that settle k on each
// option. Entries are in option order.
func (s *sensitivity) candidateSet(a, k int) ([]entry, error) {
	s.mu.Lock()
	cs, ok := s.candidates[[2]int{a, k}]
	if !ok {
		cs = &candidateSet{}
		s.candidates[[2]int{a, k}] = cs
	}
	s.mu.Unlock()
	cs.once.Do(func() {
		r := s.sp.baseRules(s.res).withoutReservation(a)
		parts := []*rules{r}
		if k >= 0 {
			parts = parts[:0]
			for o := 0; o < s.sp.opts[k]; o++ {
				parts = append(parts, r.onlyOption(s.sp, a, k, o))
			}
		}
		for _, sr := range parts {
			f, err := s.slice(sr)
			if err != nil {
				cs.err = err
				return
			}
			cs.entries = append(cs.entries, f...)
		}
		slices.SortFunc(cs.entries, func(x, y entry) int { return slices.Compare(x.choice, y.choice) })
	})
	return cs.entries, cs.err
}

// slice is the Pareto frontier of the deals that pass under rules r, by the parties'
// utilities. Under a decision rule or ratification the gated search finds it, reading the
// veto actors' rules from r and the gate's voters at their own reservations.
func (s *sensitivity) slice(r *rules) ([]entry, error) {
	t := newTree(s.sp, r)
	if t.empty() {
		return nil, nil
	}
	s.analyses.Add(1)
	if s.gated {
		zs, err := searchZOPAUnder(s.ctx, s.sp, r, 1, false)
		if err != nil {
			return nil, err
		}
		return zs.front.entries, nil
	}
	f, err := t.frontier(s.ctx)
	return f.entries, err
}

// relaxations are the jobs that widen the red lines of each actor whose acceptance counts
// by one option and drop each of its constraints.
func (s *sensitivity) relaxations(redLines, constraints bool) []func() (Relaxation, error) {
	sp, sc := s.sp, s.sp.sc
	var jobs []func() (Relaxation, error)
	for a := range sc.Actors {
		if !s.counts(a) {
			continue
		}
		act := &sc.Actors[a]
		for pi := range act.Preferences {
			pr := &act.Preferences[pi]
			if !redLines || pr.Acceptable == nil {
				continue
			}
			k := sc.IssueIndex(pr.Issue)
			is := &sc.Issues[k]
			for o := range is.Options {
				if sp.accept[a][sp.off[k]+o] {
					continue
				}
				jobs = append(jobs, func() (Relaxation, error) {
					var list []string
					for oo := range is.Options {
						if sp.accept[a][sp.off[k]+oo] || oo == o {
							list = append(list, is.Options[oo].ID)
						}
					}
					path := "actors." + act.ID + ".preferences." + pr.Issue + ".acceptable"
					rl := Relaxation{Kind: OpenerRedLine, Actor: act.ID, Issue: pr.Issue, Option: is.Options[o].ID, Path: path,
						Set: []string{path + "=" + FlowList(list)}}
					var also []string
					for _, b := range sp.veto {
						if b != a && !sp.accept[b][sp.off[k]+o] {
							also = append(also, sc.Actors[b].ID)
						}
					}
					blocked := ""
					if len(also) > 0 {
						blocked = fmt.Sprintf("; %s also ruled out by %s", is.Options[o].ID, JoinWords(also, "and"))
					}
					return s.relax(rl, func() *rules { return s.sp.baseRules(s.res).withOption(sp, a, k, o) }, blocked)
				})
			}
		}
		for ci := range act.Constraints {
			if !constraints {
				continue
			}
			c := &act.Constraints[ci]
			jobs = append(jobs, func() (Relaxation, error) {
				path := "actors." + act.ID + ".constraints." + strconv.Itoa(ci)
				rl := Relaxation{Kind: OpenerConstraint, Actor: act.ID, Why: c.Why, Path: path}
				// Every option allowed on each issue of the then makes it always hold: the
				// constraint dropped, written as overrides --set takes.
				for _, id := range sc.issueOrder(c.Then) {
					rl.Set = append(rl.Set, path+".then."+id+"="+FlowList(optionIDs(sc.issue(id))))
				}
				return s.relax(rl, func() *rules { return s.sp.baseRules(s.res).withoutConstraint(a, ci) }, "")
			})
		}
	}
	return jobs
}

// relax searches the zone with one red line widened or one constraint dropped: under the
// altered rules, or, under a decision rule, whose gate the rules do not hold, by applying
// the relaxation's overrides to a copy of the scenario.
func (s *sensitivity) relax(rl Relaxation, altered func() *rules, blocked string) (Relaxation, error) {
	var h headline
	var err error
	if s.gated {
		h, err = s.searchScenario(func(sc *Scenario) error {
			for _, set := range rl.Set {
				path, value, _ := strings.Cut(set, "=")
				if err := sc.Set(path, value); err != nil {
					return err
				}
			}
			return nil
		})
	} else {
		h, err = s.search(s.sp, altered())
	}
	if err != nil {
		return rl, err
	}
	rl.Deals, rl.Nash = h.deals, s.optionsOf(h.nash)
	rl.Entering = h.deals - s.base.deals
	kind, effect := s.effect(h)
	rl.Change = kind
	switch {
	case kind == ChangeOpens:
		rl.Effect = effect
	case rl.Entering == 0:
		rl.Effect = "no deal enters" + blocked
	case kind == ChangeMoves:
		rl.Effect = fmt.Sprintf("%s; the Nash deal moves: %s", entering(rl.Entering), s.diffText(s.base.nash, h.nash))
	default:
		rl.Effect = entering(rl.Entering) + "; the Nash deal stays"
	}
	return rl, nil
}

func (s *sensitivity) tipping(at float64, h headline) *Tipping {
	kind, effect := s.effect(h)
	return &Tipping{At: at, Kind: kind, Deals: h.deals, Nash: s.optionsOf(h.nash), Effect: effect}
}

// effect says how h differs from the current headline, in a kind and in words.
func (s *sensitivity) effect(h headline) (HeadlineChange, string) {
	switch {
	case s.base.deals == 0 && h.deals > 0:
		return ChangeOpens, fmt.Sprintf("the zone opens with %s; Nash: %s", dealCount(h.deals), s.dealText(h.nash))
	case s.base.deals > 0 && h.deals == 0:
		return ChangeCloses, "the zone closes"
	case h.differs(s.base):
		return ChangeMoves, fmt.Sprintf("the Nash deal moves: %s; the zone holds %s", s.diffText(s.base.nash, h.nash), dealCount(h.deals))
	}
	return "", ""
}

func (s *sensitivity) headline(h headline) Headline {
	out := Headline{Deals: h.deals, Nash: s.optionsOf(h.nash)}
	if h.deals == 0 {
		out.Text = fmt.Sprintf("the zone is empty: none of the %s deals is acceptable to everyone who must agree", Thousands(s.sp.deals))
	} else {
		out.Text = fmt.Sprintf("the zone holds %s of the %s deals; Nash: %s", Thousands(h.deals), Thousands(s.sp.deals), s.dealText(h.nash))
		out.OnTheEdge = s.sp.onTheEdge(h.nash)
	}
	return out
}

// onTheEdge lists the actors that accept choice at exactly their reservation and whose
// acceptance it needs to pass: asked for a millionth more, each would turn it down, and it
// would fail.
func (sp *Space) onTheEdge(choice []int) []string {
	res := sp.reservations()
	var out []string
	for a := range sp.sc.Actors {
		u := sp.Utility(a, choice)
		if math.Abs(u-res[a]) > Tolerance || !sp.Accepts(a, choice, res[a]) {
			continue
		}
		asked := slices.Clone(res)
		asked[a] = u + 1e-6
		if !sp.Passes(choice, asked) {
			out = append(out, sp.sc.Actors[a].ID)
		}
	}
	return out
}

func (s *sensitivity) optionsOf(choice []int) map[string]string {
	if choice == nil {
		return nil
	}
	return s.sp.optionsOf(choice)
}

// dealText writes a deal as issue=option pairs in issue order.
func (s *sensitivity) dealText(choice []int) string {
	parts := make([]string, len(choice))
	for k, o := range choice {
		is := &s.sp.sc.Issues[k]
		parts[k] = is.ID + "=" + is.Options[o].ID
	}
	return strings.Join(parts, ", ")
}

// diffText writes the issues on which two deals differ, as issue: from → to.
func (s *sensitivity) diffText(from, to []int) string {
	var parts []string
	for k := range to {
		if from[k] != to[k] {
			is := &s.sp.sc.Issues[k]
			parts = append(parts, fmt.Sprintf("%s: %s → %s", is.ID, is.Options[from[k]].ID, is.Options[to[k]].ID))
		}
	}
	return strings.Join(parts, ", ")
}

func entering(n uint64) string {
	if n == 1 {
		return "1 deal enters"
	}
	return Thousands(n) + " deals enter"
}

func dealCount(n uint64) string {
	if n == 1 {
		return "1 deal"
	}
	return Thousands(n) + " deals"
}
