package sim

import (
	"context"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
)

// tally counts the deals a search accepts and how often each option occurs among them.
type tally struct {
	n   uint64
	opt []uint64 // flat over options
	// whole[k] counts subtrees taken whole at depth k; their deals spread evenly over the
	// options of the issues below k, which finish() adds once instead of per subtree.
	whole []uint64
}

// countWalker explores one job. It checks for cancellation every few thousand nodes,
// which keeps Ctrl-C prompt without slowing the walk.
type countWalker struct {
	pacer
	t      *tree
	choice []int
	part   []float64
	tal    *tally
}

// pacer lets a search of many nodes stop when its context ends: it looks at the context
// once every 4096 nodes, often enough to stop within milliseconds and rarely enough to
// cost nothing. err is why the search stopped.
type pacer struct {
	ctx   context.Context
	steps uint
	err   error
}

// stopped counts one node and reports whether the search must stop. It is small enough to
// be inlined into the searches; the look at the context is not, and is rare.
func (p *pacer) stopped() bool {
	if p.err != nil {
		return true
	}
	if p.steps++; p.steps&4095 != 0 {
		return false
	}
	return p.look()
}

// look is kept out of line so that stopped stays within the inliner's budget.
//
//go:noinline
func (p *pacer) look() bool {
	p.err = p.ctx.Err()
	return p.err != nil
}

func (w *countWalker) descend(k int) {
	if w.stopped() {
		return
	}
	t := w.t
	u := w.part[k*t.nv : (k+1)*t.nv]
	if k == t.issues {
		if t.leafOK(u) {
			w.take(k)
		}
		return
	}
	if t.wholeOK(k, u) {
		w.take(k)
		return
	}
	if k == t.issues-1 {
		w.lastIssue(k, u)
		return
	}
	next := w.part[(k+1)*t.nv : (k+2)*t.nv]
	for _, o := range t.allowed[t.seq[k]] {
		w.choice[t.seq[k]] = o
		if t.step(k, o, w.choice, u, next) {
			w.descend(k + 1)
		}
	}
}

// lastIssue settles the last issue in a loop instead of a call per deal: most of a count's
// nodes are here. The sums are the ones step and leafOK would make, to the bit.
func (w *countWalker) lastIssue(k int, u []float64) {
	t := w.t
	is := t.seq[k]
	off := t.sp.off[is]
	var n uint64
	for _, o := range t.allowed[is] {
		w.choice[is] = o
		ok := true
		for j := 0; j < t.nv; j++ {
			if u[j]+t.val[j][off+o] < t.floor[j] {
				ok = false
				break
			}
		}
		for i := 0; ok && i < len(t.due[k]); i++ {
			ok = t.due[k][i].holds(w.choice)
		}
		if ok {
			n++
			w.tal.opt[off+o]++
		}
	}
	if n == 0 {
		return
	}
	// The issues above share the deals just counted: one addition each, not one per deal.
	w.tal.n += n
	for _, above := range t.seq[:k] {
		w.tal.opt[t.sp.off[above]+w.choice[above]] += n
	}
}

// take accepts every deal below the current node at depth k.
func (w *countWalker) take(k int) {
	w.tal.take(w.t, k, w.choice)
}

// take counts every deal below a node at depth k of t, whose issues decided so far are
// in choice.
func (tal *tally) take(t *tree, k int, choice []int) {
	size := t.size[k]
	tal.n += size
	for _, is := range t.seq[:k] {
		tal.opt[t.sp.off[is]+choice[is]] += size
	}
	tal.whole[k]++
}

// one counts the complete deal choice.
func (tal *tally) one(t *tree, choice []int) {
	tal.n++
	for k, o := range choice {
		tal.opt[t.sp.off[k]+o]++
	}
}

func (t *tree) newTally() *tally {
	return &tally{opt: make([]uint64, t.sp.off[t.issues]), whole: make([]uint64, t.issues+1)}
}

func (tal *tally) add(o *tally) {
	tal.n += o.n
	for i, c := range o.opt {
		tal.opt[i] += c
	}
	for i, c := range o.whole {
		tal.whole[i] += c
	}
}

// finish spreads the subtrees taken whole over the options of the issues below them.
func (t *tree) finish(tal *tally) {
	for k, n := range tal.whole {
		if n == 0 {
			continue
		}
		for _, is := range t.seq[k:] {
			share := n * (t.size[k] / uint64(len(t.allowed[is])))
			for _, o := range t.allowed[is] {
				tal.opt[t.sp.off[is]+o] += share
			}
		}
	}
	clear(tal.whole)
}

// cores is how a count spreads over goroutines: up to n of them (0: one per core). While
// lent is open, another search of the same analysis runs on a core of its own, and the
// last of several workers waits for it to close instead of taking that core's time: the
// single-threaded frontier is then not slowed by the count, which is the longer wait.
type cores struct {
	n    int
	lent <-chan struct{}
}

// workers is how many goroutines to run for the given number of jobs.
func (c cores) workers(jobs int) int {
	n := c.n
	if n <= 0 {
		n = runtime.GOMAXPROCS(0)
	}
	return max(1, min(n, jobs))
}

// start blocks worker w of n until it may run: at once, unless it is the last of several
// while a core is lent. False when ctx ended first.
func (c cores) start(ctx context.Context, w, n int) bool {
	if c.lent != nil && n > 1 && w == n-1 {
		select {
		case <-c.lent:
		case <-ctx.Done():
			return false
		}
	}
	return true
}

// tallyAll counts the acceptable deals, in the middle when the space is large enough for
// that to pay, else by the walk.
func (t *tree) tallyAll(ctx context.Context, workers int) (*tally, error) {
	return t.tallyOn(ctx, cores{n: workers})
}

func (t *tree) tallyOn(ctx context.Context, c cores) (*tally, error) {
	if tal, ok, err := t.tallyMITM(ctx, c); ok {
		return tal, err
	}
	return t.tallyWalk(ctx, c)
}

// tallyWalk counts the acceptable deals by walking the tree in parallel. Jobs are merged
// by addition, so the answer is the same for any number of workers.
func (t *tree) tallyWalk(ctx context.Context, c cores) (*tally, error) {
	jobs, depth := t.jobs()
	workers := c.workers(len(jobs))
	var next atomic.Int64
	tallies := make([]*tally, workers)
	errs := make([]error, workers)
	var wg sync.WaitGroup
	for wi := 0; wi < workers; wi++ {
		wg.Add(1)
		go func(wi int) {
			defer wg.Done()
			w := &countWalker{pacer: pacer{ctx: ctx}, t: t, choice: make([]int, t.issues), part: make([]float64, (t.issues+1)*t.nv), tal: t.newTally()}
			if !c.start(ctx, wi, workers) {
				w.err = ctx.Err()
			}
			for w.err == nil {
				i := int(next.Add(1) - 1)
				if i >= len(jobs) {
					break
				}
				copy(w.choice, jobs[i].choice)
				copy(w.part[depth*t.nv:(depth+1)*t.nv], jobs[i].part)
				w.descend(depth)
			}
			tallies[wi], errs[wi] = w.tal, w.err
		}(wi)
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	total := t.newTally()
	for _, tal := range tallies {
		total.add(tal)
	}
	t.finish(total)
	return total, nil
}

// count is the number of deals acceptable under the tree's rules.
func (t *tree) count(ctx context.Context, workers int) (uint64, error) {
	tal, err := t.tallyAll(ctx, workers)
	if err != nil {
		return 0, err
	}
	return tal.n, nil
}

// members lists the positions in the space of every acceptable deal, ascending.
func (t *tree) members(ctx context.Context) ([]uint64, error) {
	var out []uint64
	s := t.newSearch()
	err := s.run(ctx, nil, func(u []float64) {
		if t.leafOK(u) {
			out = append(out, t.sp.index(s.choice))
		}
	})
	slices.Sort(out)
	return out, err
}
