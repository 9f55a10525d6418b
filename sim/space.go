package sim

import (
	"fmt"
	"math"
	"math/bits"
)

// Tolerance is how close a utility must come to a reservation to count as meeting it: a
// deal worth exactly the reservation is inside the zone, whatever rounding the sums took.
const Tolerance = 1e-9

// boundSlack loosens pruning bounds by more than the rounding error of a sum of a few dozen
// terms in another order, so that a branch is never cut for the last bit of a float.
const boundSlack = 1e-12

// Space is a validated scenario compiled to dense arrays: every later computation works on
// option indices, never on strings.
type Space struct {
	sc     *Scenario
	issues int
	actors int
	// off[k] is where issue k's options start in the flat per-actor arrays; off[issues] is
	// the total number of options.
	off  []int
	opts []int
	// stride[k] is what a step of one option on issue k adds to a deal's index, the deal's
	// position in the space in file order (last issue fastest).
	stride []uint64
	// value[a][off[k]+o] is actor a's weighted value for option o of issue k: its
	// normalised weight times its value for the option, so a deal's utility is a sum.
	value [][]float64
	// accept[a][off[k]+o] is false when option o of issue k crosses one of a's red lines.
	accept [][]bool
	cons   [][]constraint
	veto   []int
	power  []float64
	deals  uint64
	// rule is the decision rule and ratification; nil when the scenario has neither.
	rule *decisionRule
	// tooMany is set when the number of deals does not fit in 64 bits.
	tooMany bool
	// warnings are what validation found that the engine can live with: Compile validates
	// once, and everything downstream reads them from here.
	warnings Diagnostics
}

// constraint is a compiled conditional red line. It can be decided once every issue it
// names has an option, at depth decideAt of a depth-first walk in issue order.
type constraint struct {
	actor    int
	index    int
	ifConds  []condition
	thenCond []condition
	decideAt int
}

type condition struct {
	issue   int
	allowed []bool
}

func (c *constraint) holds(choice []int) bool {
	for _, cd := range c.ifConds {
		if !cd.allowed[choice[cd.issue]] {
			return true
		}
	}
	for _, cd := range c.thenCond {
		if !cd.allowed[choice[cd.issue]] {
			return false
		}
	}
	return true
}

// Compile validates the scenario and compiles it. The scenario must not change afterwards.
// A scenario that fails validation is refused with every error at once, as Diagnostics; the
// warnings of one that passes travel on the Space. Validation runs here and nowhere after.
func Compile(sc *Scenario) (*Space, error) {
	found := sc.Validate()
	if err := found.Err(); err != nil {
		return nil, err
	}
	sp, err := compile(sc)
	if err != nil {
		return nil, err
	}
	sp.warnings = found.Warnings()
	if sp.tooMany {
		// Within the limits on issues and options, the options can still multiply past a
		// 64-bit count. Such a file is sound, and brief and export take it; every analysis
		// refuses it, and the teacher who validates it first should hear so then.
		sp.warnings = append(sp.warnings, Diagnostic{Severity: SeverityWarning, Path: "issues",
			Message: fmt.Sprintf("the %d issues' options make more than 1.8e19 possible deals, more than negsim can count: analyze and every other analysis refuse the file; merge options or drop issues", len(sc.Issues))})
	}
	return sp, nil
}

// Warnings are the problems validation found that do not stop the scenario from running,
// notes on style included, located by path.
func (sp *Space) Warnings() Diagnostics { return sp.warnings }

// compile builds the space of a scenario known to be valid.
func compile(sc *Scenario) (*Space, error) {
	sp := &Space{sc: sc, issues: len(sc.Issues), actors: len(sc.Actors)}
	sp.off = make([]int, sp.issues+1)
	sp.opts = make([]int, sp.issues)
	sp.stride = make([]uint64, sp.issues)
	sp.deals = 1
	for k := sp.issues - 1; k >= 0; k-- {
		n := len(sc.Issues[k].Options)
		sp.opts[k] = n
		sp.stride[k] = sp.deals
		hi, lo := bits.Mul64(sp.deals, uint64(n))
		if hi != 0 {
			sp.tooMany = true
		}
		sp.deals = lo
	}
	for k := range sc.Issues {
		sp.off[k+1] = sp.off[k] + sp.opts[k]
	}
	total := sp.off[sp.issues]
	sp.value = make([][]float64, sp.actors)
	sp.accept = make([][]bool, sp.actors)
	sp.cons = make([][]constraint, sp.actors)
	sp.power = make([]float64, sp.actors)
	for a := range sc.Actors {
		act := &sc.Actors[a]
		if act.Veto {
			sp.veto = append(sp.veto, a)
		}
		sp.value[a] = make([]float64, total)
		acc := make([]bool, total)
		for i := range acc {
			acc[i] = true
		}
		for pi := range act.Preferences {
			pr := &act.Preferences[pi]
			if pr.Acceptable == nil {
				continue
			}
			k := sc.IssueIndex(pr.Issue)
			is := &sc.Issues[k]
			for o := range is.Options {
				acc[sp.off[k]+o] = false
			}
			for _, id := range pr.Acceptable {
				acc[sp.off[k]+is.OptionIndex(id)] = true
			}
		}
		sp.accept[a] = acc
		for ci := range act.Constraints {
			sp.cons[a] = append(sp.cons[a], sp.compileConstraint(a, ci, &act.Constraints[ci]))
		}
	}
	sp.rule = compileRule(sc)
	if err := sp.refresh(); err != nil {
		return nil, err
	}
	return sp, nil
}

// refresh recomputes the numbers compiled from the scenario, its weights, utilities and
// powers, in place: Monte Carlo changes only numbers between draws, so the option layout,
// red lines and constraints stay as they are.
func (sp *Space) refresh() error {
	sc := sp.sc
	for a := range sc.Actors {
		sp.power[a] = sc.Actors[a].Power
		if err := sp.actorValues(&sc.Actors[a], sp.value[a]); err != nil {
			return err
		}
	}
	return nil
}

// actorValues writes an actor's weighted option values into val, flat over options: its
// normalised weight on each issue times its value for each option. The sensitivity
// analysis calls it with one preference changed, on a copy of the actor.
func (sp *Space) actorValues(act *Actor, val []float64) error {
	sc := sp.sc
	clear(val)
	shares := act.weightShares()
	if shares == nil {
		return fmt.Errorf("%w: actor %q's weights are all 0 or not valid; at least one must be above 0", ErrBadInput, act.ID)
	}
	for pi := range act.Preferences {
		pr := &act.Preferences[pi]
		k := sc.IssueIndex(pr.Issue)
		is := &sc.Issues[k]
		for o := range is.Options {
			val[sp.off[k]+o] = shares[pi] * optionValue(pr, is, o)
		}
	}
	return nil
}

func (sp *Space) compileConstraint(actor, index int, c *Constraint) constraint {
	cc := constraint{actor: actor, index: index}
	conds := func(m map[string][]string) []condition {
		var out []condition
		// Issue order, not map order, so that evaluation is the same on every run.
		for k := range sp.sc.Issues {
			ids, ok := m[sp.sc.Issues[k].ID]
			if !ok {
				continue
			}
			allowed := make([]bool, sp.opts[k])
			for _, id := range ids {
				allowed[sp.sc.Issues[k].OptionIndex(id)] = true
			}
			out = append(out, condition{issue: k, allowed: allowed})
			cc.decideAt = max(cc.decideAt, k)
		}
		return out
	}
	cc.ifConds = conds(c.If)
	cc.thenCond = conds(c.Then)
	return cc
}

// Scenario returns the scenario the space was compiled from.
func (sp *Space) Scenario() *Scenario { return sp.sc }

// Deals is the number of deals in the outcome space, and false when that number does not
// fit in 64 bits.
func (sp *Space) Deals() (uint64, bool) { return sp.deals, !sp.tooMany }

// index is a deal's position in the space, counting with the last issue fastest.
func (sp *Space) index(choice []int) uint64 {
	var i uint64
	for k, o := range choice {
		i += uint64(o) * sp.stride[k]
	}
	return i
}

// choiceAt is the deal at a position in the space, the inverse of index.
func (sp *Space) choiceAt(i uint64) []int {
	choice := make([]int, sp.issues)
	for k := range choice {
		choice[k] = int(i / sp.stride[k])
		i %= sp.stride[k]
	}
	return choice
}

// Utility is actor a's utility for a deal given as one option index per issue. Sums run in
// issue order everywhere in the engine, so equal deals give bit-identical utilities.
func (sp *Space) Utility(a int, choice []int) float64 {
	u := 0.0
	for k, o := range choice {
		u += sp.value[a][sp.off[k]+o]
	}
	return u
}

// MeetsRedLines reports whether a deal keeps to every single-issue red line and every
// constraint of actor a.
func (sp *Space) MeetsRedLines(a int, choice []int) bool {
	for k, o := range choice {
		if !sp.accept[a][sp.off[k]+o] {
			return false
		}
	}
	for i := range sp.cons[a] {
		if !sp.cons[a][i].holds(choice) {
			return false
		}
	}
	return true
}

// Accepts reports whether actor a accepts a deal: it keeps to a's red lines and is worth
// at least reservation to a.
func (sp *Space) Accepts(a int, choice []int, reservation float64) bool {
	return sp.MeetsRedLines(a, choice) && sp.Utility(a, choice) >= reservation-Tolerance
}

// reservations returns every actor's reservation as written in the scenario.
func (sp *Space) reservations() []float64 {
	r := make([]float64, sp.actors)
	for a := range sp.sc.Actors {
		r[a] = sp.sc.Actors[a].Reservation
	}
	return r
}

// rules say which deals count as acceptable in one search: the reservations and red lines
// of the veto actors. Diagnosis searches under altered rules (one red line dropped, one
// reservation ignored), so they are values, not fields of the space.
type rules struct {
	reservation []float64 // per actor; -Inf ignores it
	accept      [][]bool  // per actor, flat over options
	cons        [][]constraint
}

func (sp *Space) baseRules(reservation []float64) *rules {
	return &rules{reservation: reservation, accept: sp.accept, cons: sp.cons}
}

func (r *rules) withoutReservation(a int) *rules {
	res := append([]float64(nil), r.reservation...)
	res[a] = math.Inf(-1)
	return &rules{reservation: res, accept: r.accept, cons: r.cons}
}

func (r *rules) withoutReservations() *rules {
	res := make([]float64, len(r.reservation))
	for i := range res {
		res[i] = math.Inf(-1)
	}
	return &rules{reservation: res, accept: r.accept, cons: r.cons}
}

func (r *rules) withoutRedLine(sp *Space, a, issue int) *rules {
	acc := append([][]bool(nil), r.accept...)
	row := append([]bool(nil), acc[a]...)
	for o := sp.off[issue]; o < sp.off[issue+1]; o++ {
		row[o] = true
	}
	acc[a] = row
	return &rules{reservation: r.reservation, accept: acc, cons: r.cons}
}

// withOption adds option o of issue k to actor a's acceptable options.
func (r *rules) withOption(sp *Space, a, k, o int) *rules {
	acc := append([][]bool(nil), r.accept...)
	row := append([]bool(nil), acc[a]...)
	row[sp.off[k]+o] = true
	acc[a] = row
	return &rules{reservation: r.reservation, accept: acc, cons: r.cons}
}

// onlyOption narrows actor a's acceptable options on issue k to o alone: the searches over
// one slice of the space, all of whose deals settle issue k on o.
func (r *rules) onlyOption(sp *Space, a, k, o int) *rules {
	acc := append([][]bool(nil), r.accept...)
	row := append([]bool(nil), acc[a]...)
	for i := sp.off[k]; i < sp.off[k+1]; i++ {
		row[i] = row[i] && i == sp.off[k]+o
	}
	acc[a] = row
	return &rules{reservation: r.reservation, accept: acc, cons: r.cons}
}

func (r *rules) withoutConstraint(a, index int) *rules {
	cons := append([][]constraint(nil), r.cons...)
	var kept []constraint
	for _, c := range cons[a] {
		if c.index != index {
			kept = append(kept, c)
		}
	}
	cons[a] = kept
	return &rules{reservation: r.reservation, accept: r.accept, cons: cons}
}
