package sim

import (
	"context"
	"math"
	"slices"
	"sort"
)

// Explanation restates a scenario actor by actor, in the terms a student needs before
// running anything: what each actor cares about, where its red lines are, the best and
// the worst it can get within them, and what its reservation rules out. Every number is
// exact, found by searching the outcome space, not estimated.
type Explanation struct {
	Scenario string             `json:"scenario"`
	Deals    uint64             `json:"deals"`
	Actors   []ActorExplanation `json:"actors"`
	// TeacherNotes are set only for the teacher's view (NotesForTeacher).
	TeacherNotes *TeacherNotes `json:"teacher_notes,omitempty"`
}

// ActorExplanation is one actor's side of a scenario.
type ActorExplanation struct {
	ActorSummary
	Standing Standing `json:"standing"`
	// Priorities are the issues the actor gives weight to, largest share first.
	Priorities []Priority `json:"priorities"`
	// Ignores lists the issues the actor gives no weight, in file order.
	Ignores     []string           `json:"ignores"`
	RedLines    []RedLine          `json:"red_lines"`
	Constraints []ConstraintReport `json:"constraints"`
	// Best and Worst are the deals worth most and least to the actor among those that keep
	// to its own red lines and constraints, first in option order on ties; nil when its red
	// lines leave no deal at all.
	Best  *ScoredDeal `json:"best"`
	Worst *ScoredDeal `json:"worst"`
	// WithinRedLines counts the deals that keep to its red lines and constraints; Accepted
	// those of them worth at least its reservation.
	WithinRedLines   uint64 `json:"within_red_lines"`
	Accepted         uint64 `json:"accepted"`
	BelowReservation uint64 `json:"below_reservation"`
	// RuledOutByReservation are the options that occur in deals within the actor's red
	// lines but in none worth its reservation: choosing one of them loses the actor.
	RuledOutByReservation []OptionRef `json:"ruled_out_by_reservation"`
	// ByOption counts, for every option its red lines allow, the deals containing it that
	// keep to the red lines and those the actor accepts, in issue and option order.
	ByOption []OptionCount `json:"by_option"`
	Citation
}

// Citation is what the scenario file says of where a restated entry comes from, quoted
// beside it: the source and the writer's note.
type Citation struct {
	Source string `json:"source,omitempty"`
	Note   string `json:"note,omitempty"`
}

// OptionCount is how many deals with one option an actor could and would accept.
type OptionCount struct {
	Issue          string `json:"issue"`
	Option         string `json:"option"`
	WithinRedLines uint64 `json:"within_red_lines"`
	Accepted       uint64 `json:"accepted"`
}

// Priority is the share of an actor's attention one issue takes.
type Priority struct {
	Issue string `json:"issue"`
	// Share is the normalised weight: the most the issue can add to the actor's utility.
	Share float64 `json:"share"`
	// Best and Worst are the options the actor values most and least on this issue.
	Best  []string `json:"best"`
	Worst []string `json:"worst"`
	Citation
}

// RedLine is an actor's acceptable set on one issue and the options it leaves out.
type RedLine struct {
	Issue      string   `json:"issue"`
	Acceptable []string `json:"acceptable"`
	Excluded   []string `json:"excluded"`
	Citation
}

// ConstraintReport restates a conditional red line with its conditions in issue order.
type ConstraintReport struct {
	If   []Condition `json:"if"`
	Then []Condition `json:"then"`
	Why  string      `json:"why,omitempty"`
	Citation
}

// Condition is one issue of a constraint and the options that meet it.
type Condition struct {
	Issue   string   `json:"issue"`
	Options []string `json:"options"`
}

// ScoredDeal is a deal and its worth to the actor it was found for.
type ScoredDeal struct {
	Options map[string]string `json:"options"`
	Utility float64           `json:"utility"`
	// Choice is the deal as one option position per issue, in file order.
	Choice []int `json:"-"`
}

// OptionRef names one option of one issue.
type OptionRef struct {
	Issue  string `json:"issue"`
	Option string `json:"option"`
}

// Explain describes every actor of a compiled scenario. It searches the whole outcome
// space twice per actor, pruned by that actor's red lines alone, so it honours the same
// limit as Analyze.
func Explain(ctx context.Context, sp *Space, opt Options) (*Explanation, error) {
	if sp.tooMany {
		return nil, &SpaceTooLargeError{Overflow: true}
	}
	ex := &Explanation{Scenario: sp.sc.Name, Deals: sp.deals, Actors: []ActorExplanation{}}
	for a := range sp.sc.Actors {
		ae, err := sp.explainActor(ctx, a, opt.Workers)
		if err != nil {
			return nil, err
		}
		ex.Actors = append(ex.Actors, ae)
	}
	return ex, nil
}

// alone is the space as actor a sees it: every search on it applies a's rules only, as if
// a were the one veto actor.
func (sp *Space) alone(a int) *Space {
	solo := *sp
	solo.veto = []int{a}
	return &solo
}

func (sp *Space) explainActor(ctx context.Context, a int, workers int) (ActorExplanation, error) {
	act := &sp.sc.Actors[a]
	ae := ActorExplanation{ActorSummary: summaryOf(act), Standing: sp.sc.StandingOf(act.ID),
		Priorities: []Priority{}, Ignores: []string{}, RedLines: []RedLine{}, Constraints: []ConstraintReport{},
		RuledOutByReservation: []OptionRef{}, ByOption: []OptionCount{}, Citation: Citation{Source: act.Source, Note: act.Note}}
	for k := range sp.sc.Issues {
		is := &sp.sc.Issues[k]
		pr := act.Preference(is.ID)
		if share, weighted := act.WeightShare(is.ID); !weighted || pr.Weight == 0 {
			ae.Ignores = append(ae.Ignores, is.ID)
		} else {
			ae.Priorities = append(ae.Priorities, priority(pr, is, share))
		}
		if pr != nil && pr.Acceptable != nil {
			rl := RedLine{Issue: is.ID, Acceptable: []string{}, Excluded: []string{}, Citation: Citation{Source: pr.Source, Note: pr.Note}}
			for _, o := range is.Options {
				if slices.Contains(pr.Acceptable, o.ID) {
					rl.Acceptable = append(rl.Acceptable, o.ID)
				} else {
					rl.Excluded = append(rl.Excluded, o.ID)
				}
			}
			ae.RedLines = append(ae.RedLines, rl)
		}
	}
	// Largest share first; the sort is stable, so equal shares stay in file order.
	sort.SliceStable(ae.Priorities, func(i, j int) bool { return ae.Priorities[i].Share > ae.Priorities[j].Share })
	for _, c := range act.Constraints {
		ae.Constraints = append(ae.Constraints, ConstraintReport{If: sp.conditionList(c.If), Then: sp.conditionList(c.Then),
			Why: c.Why, Citation: Citation{Source: c.Source, Note: c.Note}})
	}

	solo := sp.alone(a)
	res := make([]float64, sp.actors)
	for i := range res {
		res[i] = math.Inf(-1)
	}
	redLines := newTree(solo, solo.baseRules(res))
	for _, lowest := range []bool{false, true} {
		choice, u, ok, err := redLines.extreme(ctx, 0, lowest)
		if err != nil {
			return ae, err
		}
		if !ok {
			break
		}
		d := &ScoredDeal{Options: map[string]string{}, Utility: presentable(u), Choice: choice}
		for k, o := range choice {
			d.Options[sp.sc.Issues[k].ID] = sp.sc.Issues[k].Options[o].ID
		}
		if lowest {
			ae.Worst = d
		} else {
			ae.Best = d
		}
	}
	within, err := redLines.tallyAll(ctx, workers)
	if err != nil {
		return ae, err
	}
	res[a] = act.Reservation
	accepted, err := newTree(solo, solo.baseRules(res)).tallyAll(ctx, workers)
	if err != nil {
		return ae, err
	}
	ae.WithinRedLines, ae.Accepted = within.n, accepted.n
	ae.BelowReservation = within.n - accepted.n
	for k := range sp.sc.Issues {
		for o := 0; o < sp.opts[k]; o++ {
			i := sp.off[k] + o
			if within.opt[i] == 0 {
				continue
			}
			ref := OptionRef{Issue: sp.sc.Issues[k].ID, Option: sp.sc.Issues[k].Options[o].ID}
			ae.ByOption = append(ae.ByOption, OptionCount{Issue: ref.Issue, Option: ref.Option, WithinRedLines: within.opt[i], Accepted: accepted.opt[i]})
			if accepted.opt[i] == 0 {
				ae.RuledOutByReservation = append(ae.RuledOutByReservation, ref)
			}
		}
	}
	return ae, nil
}

func priority(pr *Preference, is *Issue, share float64) Priority {
	p := Priority{Issue: is.ID, Share: presentable(share), Citation: Citation{Source: pr.Source, Note: pr.Note}}
	hi, lo := math.Inf(-1), math.Inf(1)
	for o := range is.Options {
		v := optionValue(pr, is, o)
		hi, lo = max(hi, v), min(lo, v)
	}
	for o := range is.Options {
		switch v := optionValue(pr, is, o); {
		case v == hi:
			p.Best = append(p.Best, is.Options[o].ID)
		case v == lo:
			p.Worst = append(p.Worst, is.Options[o].ID)
		}
	}
	if p.Worst == nil {
		// Every option is worth the same: the issue has no worst option apart from its best.
		p.Worst = []string{}
	}
	return p
}

// conditionList puts one side of a constraint in issue order, options in scale order.
func (sp *Space) conditionList(m map[string][]string) []Condition { return conditionList(sp.sc, m) }

// conditionList restates a constraint's conditions in issue and option order, never in
// map order.
func conditionList(sc *Scenario, m map[string][]string) []Condition {
	var out []Condition
	for k := range sc.Issues {
		is := &sc.Issues[k]
		ids, ok := m[is.ID]
		if !ok {
			continue
		}
		c := Condition{Issue: is.ID}
		for _, o := range is.Options {
			if slices.Contains(ids, o.ID) {
				c.Options = append(c.Options, o.ID)
			}
		}
		out = append(out, c)
	}
	return out
}

// tieSlack is how much better a deal must be to displace another: deals whose utilities
// differ only by rounding count as equal, and the lowest positions win.
const tieSlack = 1e-12

// extreme finds, among the deals the tree allows, the one worth most (or least) to veto
// actor j. Branch and bound: a subtree is skipped once even its best (worst) completion
// cannot beat the deal in hand.
func (t *tree) extreme(ctx context.Context, j int, lowest bool) ([]int, float64, bool, error) {
	sign := 1.0
	bound := t.maxSuf[j]
	if lowest {
		sign, bound = -1, t.minSuf[j]
	}
	best, bestChoice := math.Inf(-1), []int(nil)
	s := t.newSearch()
	err := s.run(ctx,
		func(d int, u []float64) bool { return sign*(u[j]+bound[d]) < best-tieSlack },
		func(u []float64) {
			v := sign * u[j]
			if t.leafOK(u) && (bestChoice == nil || v > best+tieSlack || (v >= best-tieSlack && slices.Compare(s.choice, bestChoice) < 0)) {
				best, bestChoice = v, slices.Clone(s.choice)
			}
		})
	if err != nil {
		return nil, 0, false, err
	}
	return bestChoice, sign * best, bestChoice != nil, nil
}
