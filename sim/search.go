package sim

import (
	"context"
	"math"
	"runtime"
	"sync"
	"sync/atomic"
)

// tree is the outcome space as one search sees it under its rules: only the options every
// veto actor can live with, the veto actors' values, bounds on what the issues still to
// decide can add, and the constraints that become decidable at each depth.
type tree struct {
	sp      *Space
	issues  int
	nv      int            // number of veto actors
	allowed [][]int        // per issue, the options no veto actor's red line excludes
	val     [][]float64    // per veto actor, flat over options
	maxSuf  [][]float64    // per veto actor, the most issues k.. can still add
	minSuf  [][]float64    // per veto actor, the least issues k.. can still add
	floor   []float64      // per veto actor, the utility a deal must reach; -Inf when ignored
	due     [][]constraint // per depth, veto actors' constraints decided there
}

func newTree(sp *Space, r *rules) *tree {
	t := &tree{sp: sp, issues: sp.issues, nv: len(sp.veto)}
	t.allowed = make([][]int, sp.issues)
	for k := 0; k < sp.issues; k++ {
		for o := 0; o < sp.opts[k]; o++ {
			ok := true
			for _, a := range sp.veto {
				if !r.accept[a][sp.off[k]+o] {
					ok = false
					break
				}
			}
			if ok {
				t.allowed[k] = append(t.allowed[k], o)
			}
		}
	}
	t.val = make([][]float64, t.nv)
	t.maxSuf = make([][]float64, t.nv)
	t.minSuf = make([][]float64, t.nv)
	t.floor = make([]float64, t.nv)
	for j, a := range sp.veto {
		t.val[j] = sp.value[a]
		t.floor[j] = r.reservation[a] - Tolerance
		hi := make([]float64, sp.issues+1)
		lo := make([]float64, sp.issues+1)
		for k := sp.issues - 1; k >= 0; k-- {
			best, worst := math.Inf(-1), math.Inf(1)
			for _, o := range t.allowed[k] {
				v := sp.value[a][sp.off[k]+o]
				best, worst = max(best, v), min(worst, v)
			}
			if len(t.allowed[k]) == 0 {
				best, worst = 0, 0
			}
			hi[k] = hi[k+1] + best
			lo[k] = lo[k+1] + worst
		}
		t.maxSuf[j], t.minSuf[j] = hi, lo
	}
	t.due = make([][]constraint, sp.issues)
	for _, a := range sp.veto {
		for _, c := range r.cons[a] {
			t.due[c.decideAt] = append(t.due[c.decideAt], c)
		}
	}
	return t
}

// empty reports whether some issue has no option all veto actors can live with.
func (t *tree) empty() bool {
	for _, opts := range t.allowed {
		if len(opts) == 0 {
			return true
		}
	}
	return false
}

// step extends a partial deal of depth k by option o: it writes the veto actors' partial
// utilities into next and reports whether every one of them can still reach its floor and
// the constraints decided at this depth hold. choice[k] must already be o.
func (t *tree) step(k, o int, choice []int, base, next []float64) bool {
	idx := t.sp.off[k] + o
	for j := 0; j < t.nv; j++ {
		u := base[j] + t.val[j][idx]
		if u+t.maxSuf[j][k+1] < t.floor[j]-boundSlack {
			return false
		}
		next[j] = u
	}
	for i := range t.due[k] {
		if !t.due[k][i].holds(choice) {
			return false
		}
	}
	return true
}

// leafOK is the exact test at a complete deal: the bounds above carry slack, this does not.
func (t *tree) leafOK(u []float64) bool {
	for j := 0; j < t.nv; j++ {
		if u[j] < t.floor[j] {
			return false
		}
	}
	return true
}

// job is a prefix of the space that one worker explores to the end.
type job struct {
	choice []int
	part   []float64
}

// jobs splits the space into prefixes deep enough to keep every worker busy. The split
// depends only on the scenario, never on the number of workers, so that merging job
// results in job order gives the same answer on any machine.
func (t *tree) jobs() ([]job, int) {
	depth, width := 0, 1
	for depth < t.issues && width < 64 {
		width *= max(1, len(t.allowed[depth]))
		depth++
	}
	var out []job
	choice := make([]int, t.issues)
	part := make([]float64, (depth+1)*t.nv)
	var walk func(k int)
	walk = func(k int) {
		if k == depth {
			out = append(out, job{choice: append([]int(nil), choice...), part: append([]float64(nil), part[k*t.nv:(k+1)*t.nv]...)})
			return
		}
		for _, o := range t.allowed[k] {
			choice[k] = o
			if t.step(k, o, choice, part[k*t.nv:(k+1)*t.nv], part[(k+1)*t.nv:(k+2)*t.nv]) {
				walk(k + 1)
			}
		}
	}
	if !t.empty() {
		walk(0)
	}
	return out, depth
}

// visitor receives the complete deals of a search that pass the tree's rules.
type visitor interface {
	visit(choice []int, u []float64)
}

// walker explores one job depth-first. It checks for cancellation every few thousand
// nodes, which keeps Ctrl-C prompt without slowing the walk.
type walker struct {
	t      *tree
	ctx    context.Context
	choice []int
	part   []float64
	v      visitor
	steps  uint
	err    error
}

func (w *walker) descend(k int) {
	if w.err != nil {
		return
	}
	w.steps++
	if w.steps&4095 == 0 {
		if err := w.ctx.Err(); err != nil {
			w.err = err
			return
		}
	}
	t := w.t
	if k == t.issues {
		u := w.part[k*t.nv : (k+1)*t.nv]
		if t.leafOK(u) {
			w.v.visit(w.choice, u)
		}
		return
	}
	base := w.part[k*t.nv : (k+1)*t.nv]
	next := w.part[(k+1)*t.nv : (k+2)*t.nv]
	for _, o := range t.allowed[k] {
		w.choice[k] = o
		if t.step(k, o, w.choice, base, next) {
			w.descend(k + 1)
		}
	}
}

// run explores every job with a fresh visitor each and returns the visitors in job order.
func (t *tree) run(ctx context.Context, workers int, newVisitor func() visitor) ([]visitor, error) {
	jobs, depth := t.jobs()
	out := make([]visitor, len(jobs))
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = min(workers, max(1, len(jobs)))
	var next atomic.Int64
	errs := make([]error, workers)
	var wg sync.WaitGroup
	for wi := 0; wi < workers; wi++ {
		wg.Add(1)
		go func(wi int) {
			defer wg.Done()
			w := &walker{t: t, ctx: ctx, choice: make([]int, t.issues), part: make([]float64, (t.issues+1)*t.nv)}
			for {
				i := int(next.Add(1) - 1)
				if i >= len(jobs) || w.err != nil {
					break
				}
				copy(w.choice, jobs[i].choice)
				copy(w.part[depth*t.nv:(depth+1)*t.nv], jobs[i].part)
				w.v = newVisitor()
				w.descend(depth)
				out[i] = w.v
			}
			errs[wi] = w.err
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
	return out, nil
}

// counter counts the deals a search accepts.
type counter struct{ n uint64 }

func (c *counter) visit([]int, []float64) { c.n++ }

// count is the number of deals acceptable under the tree's rules.
func (t *tree) count(ctx context.Context, workers int) (uint64, error) {
	vs, err := t.run(ctx, workers, func() visitor { return &counter{} })
	if err != nil {
		return 0, err
	}
	var n uint64
	for _, v := range vs {
		n += v.(*counter).n
	}
	return n, nil
}
