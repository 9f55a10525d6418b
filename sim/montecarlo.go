package sim

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"sort"
	"sync"
	"sync/atomic"

	"gonum.org/v1/gonum/stat"
	"gonum.org/v1/gonum/stat/distuv"
)

// MonteCarloOptions say how many draws to take and how.
type MonteCarloOptions struct {
	Draws int
	Seed  uint64
	// Workers is the number of draws taken at once; 0 means one per available core. The
	// result never depends on it: draw i always uses the random stream (Seed, i).
	Workers int
	// Top is how many deals to list by frequency.
	Top int
	// MaxDeals refuses spaces with more deals than this; 0 means no limit.
	MaxDeals uint64
	// Progress, when set, is called once per finished draw, from any goroutine.
	Progress func()
}

// MonteCarlo is what repeated draws of a scenario's uncertain values say about its
// agreement. Its JSON form is a public contract.
type MonteCarlo struct {
	Scenario string `json:"scenario"`
	Seed     uint64 `json:"seed"`
	// Requested is the number of draws asked for; Draws those finished. They differ only
	// when the run was interrupted, and then every figure covers the finished draws.
	Requested   int  `json:"draws_requested"`
	Draws       int  `json:"draws"`
	Interrupted bool `json:"interrupted"`
	// ZOPANonEmpty is the share of draws with at least one deal in the ZOPA.
	ZOPANonEmpty Proportion  `json:"zopa_non_empty"`
	ZOPASize     SizeSummary `json:"zopa_size"`
	// InZOPA are the deals most often in the ZOPA; Nash those most often the Nash
	// solution. Both are shares of all draws.
	InZOPA []DealFrequency `json:"in_zopa"`
	Nash   []DealFrequency `json:"nash"`
	// NashOptions is, per issue, how often each option is part of the Nash solution, as a
	// share of the draws that have one.
	NashOptions []IssueFrequency `json:"nash_options"`
	// Sensitivity ranks the uncertain inputs by the strength of their rank correlation
	// with the ZOPA's size.
	Sensitivity []Sensitivity `json:"sensitivity"`
	// Recentred lists the distributions a variant or --set moved with the value it set;
	// the caller who applied the what-if fills it in.
	Recentred []Recentred `json:"recentred"`
}

// Proportion is a count out of a number of draws with its 95% Wilson score interval.
type Proportion struct {
	Count uint64  `json:"count"`
	Of    uint64  `json:"of"`
	Share float64 `json:"share"`
	Low   float64 `json:"low"`
	High  float64 `json:"high"`
}

// SizeSummary describes how many deals the ZOPA held over the draws.
type SizeSummary struct {
	Mean   float64 `json:"mean"`
	Median float64 `json:"median"`
	Min    uint64  `json:"min"`
	Max    uint64  `json:"max"`
}

// DealFrequency is a deal and how often it occurred.
type DealFrequency struct {
	Options map[string]string `json:"options"`
	Proportion
	// Choice is the deal as one option position per issue, in file order.
	Choice []int `json:"-"`
}

// IssueFrequency is how often each option of an issue occurred.
type IssueFrequency struct {
	Issue   string            `json:"issue"`
	Options []OptionFrequency `json:"options"`
}

// OptionFrequency is how often one option occurred.
type OptionFrequency struct {
	Option string `json:"option"`
	Proportion
}

// Sensitivity is the Spearman rank correlation between one uncertain input and the size
// of the ZOPA over the draws; Rho is nil when either did not vary.
type Sensitivity struct {
	Path         string   `json:"path"`
	Distribution string   `json:"distribution"`
	Mean         float64  `json:"mean"`
	Min          float64  `json:"min"`
	Max          float64  `json:"max"`
	Rho          *float64 `json:"rho"`
}

// z95 is the standard normal quantile for a two-sided 95% interval.
var z95 = distuv.UnitNormal.Quantile(0.975)

// Wilson returns k of n with its 95% Wilson score interval, which stays inside [0,1] and
// behaves at shares of 0 and 1, where the normal approximation collapses to a point. Of 0
// draws the share reads 0 and the interval is [0, 1].
func Wilson(k, n uint64) Proportion {
	p := Proportion{Count: k, Of: n}
	if n == 0 {
		// No draw rules out no share: the interval is all of [0, 1].
		p.High = 1
		return p
	}
	nf := float64(n)
	ph := float64(k) / nf
	z2 := z95 * z95
	centre := (ph + z2/(2*nf)) / (1 + z2/nf)
	half := z95 / (1 + z2/nf) * math.Sqrt(ph*(1-ph)/nf+z2/(4*nf*nf))
	p.Share, p.Low, p.High = presentable(ph), presentable(max(0, centre-half)), presentable(min(1, centre+half))
	return p
}

// MaxDrawnValues bounds the numbers a run keeps, one per draw and uncertain value, for the
// rank correlations: 2^25 of them take 256 MiB.
const MaxDrawnValues = 1 << 25

// ErrNoUncertainty is returned when a Monte Carlo run has nothing to draw.
var ErrNoUncertainty error = badInput("the scenario has no uncertainty: section, so every draw would be the same")

// drawResult is what one draw leaves behind for the summary, kept in draw order.
type drawResult struct {
	done bool
	size uint64
	nash int64 // deal index, -1 when the ZOPA is empty
}

// mcWorker is one goroutine's private copy of everything a draw changes.
type mcWorker struct {
	sc       *Scenario
	sp       *Space
	samplers []sampler
	setters  []func(float64)
	inZOPA   dealTally
}

// RunMonteCarlo draws the scenario's uncertain values opt.Draws times and analyses each
// draw. Cancelling ctx stops it early: the result then covers the draws finished and says
// so, and the error is ctx's.
func RunMonteCarlo(ctx context.Context, base *Space, opt MonteCarloOptions) (*MonteCarlo, error) {
	sc := base.sc
	if len(sc.Uncertainty) == 0 {
		return nil, ErrNoUncertainty
	}
	if opt.Draws <= 0 {
		return nil, fmt.Errorf("%d draws: give 1 or more", opt.Draws)
	}
	if opt.MaxDeals > 0 && (base.tooMany || base.deals > opt.MaxDeals) {
		return nil, &SpaceTooLargeError{Deals: base.deals, Overflow: base.tooMany, Limit: opt.MaxDeals}
	}
	if base.tooMany {
		return nil, &SpaceTooLargeError{Deals: base.deals, Overflow: true, Limit: math.MaxUint64}
	}
	k := len(sc.Uncertainty)
	if uint64(opt.Draws)*uint64(k) > MaxDrawnValues {
		return nil, badInput(fmt.Sprintf("%d draws of %d uncertain values would keep %d numbers in memory, beyond the %d a run keeps; take %d draws or fewer, or give fewer values a distribution",
			opt.Draws, k, uint64(opt.Draws)*uint64(k), MaxDrawnValues, MaxDrawnValues/k))
	}
	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = min(workers, opt.Draws)

	results := make([]drawResult, opt.Draws)
	// values[j][i] is draw i's value of uncertain input j: one column per input, which the
	// summary ranks in place, with no second copy.
	values := make([][]float64, k)
	for j := range values {
		values[j] = make([]float64, opt.Draws)
	}
	ws := make([]*mcWorker, workers)
	for i := range ws {
		var err error
		if ws[i], err = newMCWorker(sc, base.deals); err != nil {
			return nil, err
		}
	}
	runCtx, cancel := context.WithCancel(ctx)
	defer cancel()
	var next atomic.Int64
	var firstErr error
	var errOnce sync.Once
	var wg sync.WaitGroup
	for _, w := range ws {
		wg.Add(1)
		go func(w *mcWorker) {
			defer wg.Done()
			for {
				i := int(next.Add(1) - 1)
				if i >= opt.Draws || runCtx.Err() != nil {
					return
				}
				r, err := w.draw(runCtx, opt.Seed, i, values)
				if err != nil {
					if runCtx.Err() == nil {
						errOnce.Do(func() { firstErr = fmt.Errorf("draw %d: %w", i, err); cancel() })
					}
					return
				}
				results[i] = r
				if opt.Progress != nil {
					opt.Progress()
				}
			}
		}(w)
	}
	wg.Wait()
	if firstErr != nil {
		return nil, firstErr
	}
	tl := ws[0].inZOPA
	for _, w := range ws[1:] {
		tl.merge(w.inZOPA)
	}
	if n := tl.distinct(); n > MaxTrackedDeals {
		return nil, tooManyTracked(uint64(n))
	}
	mc := summarise(base, opt, results, values, tl)
	if mc.Interrupted {
		return mc, ctx.Err()
	}
	return mc, nil
}

func newMCWorker(sc *Scenario, deals uint64) (*mcWorker, error) {
	w := &mcWorker{sc: sc.Clone(), inZOPA: newDealTally(deals)}
	for _, u := range w.sc.Uncertainty {
		set, err := w.sc.numberSetter(u.Path)
		if err != nil {
			return nil, err
		}
		w.setters = append(w.setters, set)
		w.samplers = append(w.samplers, newSampler(u))
	}
	sp, err := compile(w.sc)
	if err != nil {
		return nil, err
	}
	w.sp = sp
	return w, nil
}

// draw takes draw i, writing the values it draws into values[j][i]: they come from the
// random stream (seed, i) alone, so the draw is the same whichever worker takes it.
func (w *mcWorker) draw(ctx context.Context, seed uint64, i int, values [][]float64) (drawResult, error) {
	src := rand.NewPCG(seed, uint64(i))
	for j, s := range w.samplers {
		values[j][i] = s.draw(src)
		w.setters[j](values[j][i])
	}
	if err := w.sp.refresh(); err != nil {
		return drawResult{}, err
	}
	zs, err := searchZOPA(ctx, w.sp, w.sp.reservations(), 1, true)
	if err != nil {
		return drawResult{}, err
	}
	r := drawResult{done: true, size: zs.count, nash: -1}
	if n := zs.nash(); n >= 0 {
		r.nash = int64(w.sp.index(zs.front.entries[n].choice))
	}
	for _, d := range zs.members {
		w.inZOPA.add(d)
	}
	if n := w.inZOPA.distinct(); n > MaxTrackedDeals {
		return drawResult{}, tooManyTracked(uint64(n))
	}
	return r, nil
}

// dealTally counts, per deal, the draws that had it in the ZOPA: densely for spaces that fit
// in a few megabytes, in a map beyond.
type dealTally struct {
	dense  []uint32
	sparse map[uint64]uint32
}

const denseTallyLimit = 1 << 20

func newDealTally(deals uint64) dealTally {
	if deals <= denseTallyLimit {
		return dealTally{dense: make([]uint32, deals)}
	}
	return dealTally{sparse: map[uint64]uint32{}}
}

func (t *dealTally) add(d uint64) {
	if t.dense != nil {
		t.dense[d]++
		return
	}
	t.sparse[d]++
}

// distinct is how many deals the sparse tally holds; a dense one is bounded by its size.
func (t *dealTally) distinct() int { return len(t.sparse) }

func (t *dealTally) merge(o dealTally) {
	for d, c := range o.dense {
		t.dense[d] += c
	}
	for d, c := range o.sparse {
		t.sparse[d] += c
	}
}

// each calls f for every deal with a count above 0, in index order.
func (t *dealTally) each(f func(d uint64, c uint32)) {
	for d, c := range t.dense {
		if c > 0 {
			f(uint64(d), c)
		}
	}
	keys := make([]uint64, 0, len(t.sparse))
	for d := range t.sparse {
		keys = append(keys, d)
	}
	slices.Sort(keys)
	for _, d := range keys {
		f(d, t.sparse[d])
	}
}

// summarise turns the finished draws, in draw order, into the report. It keeps the values
// of the finished draws at the front of each column of values, in place.
func summarise(sp *Space, opt MonteCarloOptions, results []drawResult, values [][]float64, tl dealTally) *MonteCarlo {
	sc := sp.sc
	mc := &MonteCarlo{Scenario: sc.Name, Seed: opt.Seed, Requested: opt.Draws,
		InZOPA: []DealFrequency{}, Nash: []DealFrequency{}, NashOptions: []IssueFrequency{}, Sensitivity: []Sensitivity{}}
	sizes := make([]float64, 0, len(results))
	nashCount := map[uint64]uint64{}
	optCount := make([]uint64, sp.off[sp.issues])
	var nonEmpty uint64
	for i, r := range results {
		if !r.done {
			continue
		}
		for j := range values {
			values[j][mc.Draws] = values[j][i]
		}
		mc.Draws++
		sizes = append(sizes, float64(r.size))
		if r.size > 0 {
			nonEmpty++
		}
		if r.nash >= 0 {
			nashCount[uint64(r.nash)]++
			for k, o := range sp.choiceAt(uint64(r.nash)) {
				optCount[sp.off[k]+o]++
			}
		}
	}
	mc.Interrupted = mc.Draws < opt.Draws
	for j := range values {
		values[j] = values[j][:mc.Draws]
	}
	n := uint64(mc.Draws)
	mc.ZOPANonEmpty = Wilson(nonEmpty, n)
	if n > 0 {
		sorted := slices.Clone(sizes)
		slices.Sort(sorted)
		mc.ZOPASize = SizeSummary{Mean: presentable(stat.Mean(sizes, nil)), Median: median(sorted), Min: uint64(sorted[0]), Max: uint64(sorted[len(sorted)-1])}
	}

	var inZOPA []DealFrequency
	tl.each(func(d uint64, c uint32) {
		inZOPA = append(inZOPA, DealFrequency{Choice: sp.choiceAt(d), Proportion: Proportion{Count: uint64(c)}})
	})
	mc.InZOPA = topDeals(sp, inZOPA, opt.Top, n)
	var nash []DealFrequency
	for d, c := range nashCount {
		nash = append(nash, DealFrequency{Choice: sp.choiceAt(d), Proportion: Proportion{Count: c}})
	}
	mc.Nash = topDeals(sp, nash, opt.Top, n)

	for k := range sc.Issues {
		is := &sc.Issues[k]
		f := IssueFrequency{Issue: is.ID}
		for o := range is.Options {
			f.Options = append(f.Options, OptionFrequency{Option: is.Options[o].ID, Proportion: Wilson(optCount[sp.off[k]+o], nonEmpty)})
		}
		mc.NashOptions = append(mc.NashOptions, f)
	}

	sizeRanks := ranks(sizes)
	for j, u := range sc.Uncertainty {
		s := Sensitivity{Path: u.Path, Distribution: u.String()}
		if n > 0 {
			s.Mean = presentable(stat.Mean(values[j], nil))
			s.Min, s.Max = presentable(slices.Min(values[j])), presentable(slices.Max(values[j]))
			if rho := stat.Correlation(ranks(values[j]), sizeRanks, nil); finite(rho) {
				rho = presentable(rho)
				s.Rho = &rho
			}
		}
		mc.Sensitivity = append(mc.Sensitivity, s)
	}
	sort.SliceStable(mc.Sensitivity, func(a, b int) bool {
		return strength(mc.Sensitivity[a].Rho) > strength(mc.Sensitivity[b].Rho)
	})
	return mc
}

func strength(rho *float64) float64 {
	if rho == nil {
		return -1
	}
	return math.Abs(*rho)
}

// topDeals keeps the most frequent deals, ties in option order, with their shares of n.
func topDeals(sp *Space, ds []DealFrequency, top int, n uint64) []DealFrequency {
	slices.SortStableFunc(ds, func(a, b DealFrequency) int {
		if a.Count != b.Count {
			if a.Count > b.Count {
				return -1
			}
			return 1
		}
		return slices.Compare(a.Choice, b.Choice)
	})
	if len(ds) > top {
		ds = ds[:top]
	}
	out := []DealFrequency{}
	for _, d := range ds {
		d.Proportion = Wilson(d.Count, n)
		d.Options = sp.optionsOf(d.Choice)
		out = append(out, d)
	}
	return out
}

func (sp *Space) optionsOf(choice []int) map[string]string {
	m := make(map[string]string, len(choice))
	for k, o := range choice {
		m[sp.sc.Issues[k].ID] = sp.sc.Issues[k].Options[o].ID
	}
	return m
}

func median(sorted []float64) float64 {
	n := len(sorted)
	if n%2 == 1 {
		return sorted[n/2]
	}
	return (sorted[n/2-1] + sorted[n/2]) / 2
}

// ranks gives each value its rank from 1, ties sharing the mean of their ranks, as
// Spearman's correlation needs.
func ranks(xs []float64) []float64 {
	idx := make([]int, len(xs))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return xs[idx[a]] < xs[idx[b]] })
	r := make([]float64, len(xs))
	for i := 0; i < len(idx); {
		j := i
		for j+1 < len(idx) && xs[idx[j+1]] == xs[idx[i]] {
			j++
		}
		mean := float64(i+j)/2 + 1
		for m := i; m <= j; m++ {
			r[idx[m]] = mean
		}
		i = j + 1
	}
	return r
}
