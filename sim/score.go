package sim

import (
	"cmp"
	"context"
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode"
)

// Scoring a deal a table reached by hand: what it is worth to everyone, whether it is in the
// zone of possible agreement and why not, whether it leaves value on the table, and how far
// it lies from the Nash solution.
//
// A deal some veto actor would not sign is no agreement: whatever it says on paper, every
// actor keeps its reservation, so it scores a joint gain of 0 and ranks with the tables that
// reached none. What it would have been worth had everyone signed is kept beside, flagged,
// for the debrief.
//
// Pareto-optimal is judged among the deals the parties accept, the ZOPA, exactly as analyze
// flags it: a ZOPA deal no other ZOPA deal matches for every veto actor and beats for one.
// A deal outside the ZOPA is not among them, so it is never Pareto-optimal; DominatedBy
// then names, when there is one, a ZOPA deal every veto actor likes at least as much.

// Score is one deal scored. Its JSON form is a public contract.
type Score struct {
	Options map[string]string `json:"options"`
	Actors  []ActorScore      `json:"actors"`
	// InZOPA is true when every veto actor accepts the deal.
	InZOPA bool `json:"in_zopa"`
	// CountsAsNoAgreement is true when some veto actor would not sign: the deal then scores
	// as no agreement, every actor keeping its reservation.
	CountsAsNoAgreement bool `json:"counts_as_no_agreement"`
	// JointGain is the sum of the veto actors' surpluses over their reservations, 0 for a
	// deal that counts as no agreement; the measure tables are ranked by.
	JointGain float64 `json:"joint_gain"`
	// JointGainIfSigned is the sum of the surpluses as the deal is written, signed or not.
	JointGainIfSigned float64 `json:"joint_gain_if_signed"`
	// Pareto is true for a ZOPA deal that no other ZOPA deal matches for every veto actor
	// and beats for one; false for every deal outside the ZOPA.
	Pareto bool `json:"pareto"`
	// DominatedBy, when there is one, is the ZOPA deal at least as good for every veto actor
	// (and better for one) that raises the smallest of their gains most.
	DominatedBy *Dominance `json:"dominated_by"`
	// Nash compares the deal with the Nash solution; nil when the ZOPA is empty.
	Nash *SolutionGap `json:"nash"`
	// Votes and Ratification, under a decision rule or ratification, are the votes the
	// deal gathers at the table and from each actor's ratifiers.
	Votes        *int           `json:"votes,omitempty"`
	Ratification map[string]int `json:"ratification,omitempty"`
	// Choice is the deal as one option position per issue, in file order.
	Choice []int `json:"-"`
}

// ActorScore is one actor's side of a scored deal. Points are utility × 100.
type ActorScore struct {
	ID          string      `json:"id"`
	Name        string      `json:"name"`
	Veto        bool        `json:"veto"`
	Utility     float64     `json:"utility"`
	Points      float64     `json:"points"`
	Reservation float64     `json:"reservation"`
	Surplus     float64     `json:"surplus"`
	Accepts     bool        `json:"accepts"`
	Rejections  []Rejection `json:"rejections"`
}

// RejectionKind is what an actor holds against a deal.
type RejectionKind string

// Kinds of rejection.
const (
	RejectRedLine     RejectionKind = "red_line"
	RejectConstraint  RejectionKind = "constraint"
	RejectReservation RejectionKind = "reservation"
)

// Rejection is one reason an actor turns a deal down.
type Rejection struct {
	Kind RejectionKind `json:"kind"`
	// Issue and Option name the option a red line excludes.
	Issue  string `json:"issue,omitempty"`
	Option string `json:"option,omitempty"`
	// Why is the reason the scenario gives: a constraint's why, a red line's note.
	Why string `json:"why,omitempty"`
	// Shortfall is how far the deal falls below the reservation.
	Shortfall float64 `json:"shortfall,omitempty"`
}

// Dominance is a deal at least as good as another for every veto actor and better for one.
type Dominance struct {
	Options map[string]string  `json:"options"`
	Gains   map[string]float64 `json:"gains"`
	// MinGain is the smallest of the veto actors' gains; 0 when one of them only breaks even.
	MinGain float64 `json:"min_gain"`
	// Others is what the better deal does to every other actor, by id: its utility there
	// less its utility at the deal scored. Pareto is judged over the parties alone, and a
	// class asks whom the value left on the table would cost.
	Others map[string]float64 `json:"others,omitempty"`
	Choice []int              `json:"-"`
}

// fillOthers sets what the better deal does to each actor outside the parties, against
// choice, the deal scored.
func (sp *Space) fillOthers(dom *Dominance, choice []int) {
	for a := range sp.sc.Actors {
		id := sp.sc.Actors[a].ID
		if _, party := dom.Gains[id]; party {
			continue
		}
		if dom.Others == nil {
			dom.Others = map[string]float64{}
		}
		dom.Others[id] = presentable(sp.Utility(a, dom.Choice) - sp.Utility(a, choice))
	}
}

// DealError is a deal written wrongly: an unknown issue or option, an issue missing or
// given twice.
type DealError struct {
	// Issue is the issue concerned, when one is.
	Issue string
	Msg   string
}

func (e *DealError) Error() string { return e.Msg }

// Is makes a deal written wrongly bad input.
func (e *DealError) Is(target error) bool { return target == ErrBadInput }

// ErrNoDeal is wrapped by ParseDeal when the text names no option at all.
var ErrNoDeal error = badInput("the deal is empty")

// ParseDeal reads a deal written as issue=option pairs separated by commas, e.g.
// "territory=freeze, nato=not-now, ...": every issue exactly once, in any order. Unknown
// names get a did-you-mean suggestion, as in files.
func ParseDeal(s string, sc *Scenario) ([]int, error) {
	if strings.TrimSpace(s) == "" {
		return nil, fmt.Errorf("%w: write it as issue=option,... with one option for each of %s", ErrNoDeal, quoteList(issueIDs(sc)))
	}
	choice := make([]int, len(sc.Issues))
	for k := range choice {
		choice[k] = -1
	}
	for pair := range strings.SplitSeq(s, ",") {
		pair = strings.TrimSpace(pair)
		issue, option, ok := strings.Cut(pair, "=")
		if !ok {
			return nil, &DealError{Msg: fmt.Sprintf("%q: write each part of a deal as issue=option", Shorten(pair))}
		}
		issue, option = strings.TrimSpace(issue), strings.TrimSpace(option)
		if strings.Contains(option, "=") {
			// "salary=mid remote=hybrid" or "salary=mid; remote=hybrid": ids hold no spaces
			// or semicolons, so the pairs are the fields between them.
			pairs := strings.FieldsFunc(pair, func(r rune) bool { return r == ';' || unicode.IsSpace(r) })
			return nil, &DealError{Msg: fmt.Sprintf("%q: separate the issue=option pairs with commas, as in %s", Shorten(pair), Shorten(strings.Join(pairs, ",")))}
		}
		k, err := FindIssue(sc, issue)
		if err != nil {
			return nil, err
		}
		if choice[k] >= 0 {
			return nil, &DealError{Issue: issue, Msg: fmt.Sprintf("issue %q is given twice", Shorten(issue))}
		}
		o, err := FindOption(&sc.Issues[k], option)
		if err != nil {
			return nil, err
		}
		choice[k] = o
	}
	var missing []string
	for k, o := range choice {
		if o < 0 {
			missing = append(missing, sc.Issues[k].ID)
		}
	}
	if len(missing) > 0 {
		return nil, &DealError{Issue: missing[0], Msg: fmt.Sprintf("the deal gives no option for %s; a deal settles every issue", quoteList(missing))}
	}
	return choice, nil
}

// FindIssue is the position of the issue with the given id, or an error that suggests the
// closest id.
func FindIssue(sc *Scenario, id string) (int, error) {
	if k := sc.IssueIndex(id); k >= 0 {
		return k, nil
	}
	ids := issueIDs(sc)
	// A table writes the issues as the brief and the page name them.
	name := func(k int) string { return sc.Issues[k].Name }
	return -1, &DealError{Issue: id, Msg: fmt.Sprintf("no issue %q;%s valid: %s", Shorten(id), idHint(id, ids, name, "name", "issue", "a deal"), quoteList(ids))}
}

// FindOption is the position of the option with the given id on an issue, or an error
// that suggests the closest id.
func FindOption(is *Issue, id string) (int, error) {
	if o := is.OptionIndex(id); o >= 0 {
		return o, nil
	}
	ids := optionIDs(is)
	// A student reads the labels on the table and may type one for its id.
	label := func(o int) string { return is.Options[o].Label }
	return -1, &DealError{Issue: is.ID, Msg: fmt.Sprintf("issue %q has no option %q;%s valid: %s", is.ID, Shorten(id), idHint(id, ids, label, "label", "option", "a deal"), quoteList(ids))}
}

// idHint suggests the id a typed word was meant for: the id whose name or label (text(i)
// beside ids[i]) the word is, else the closest id by spelling (DidYouMean), which also
// answers an id typed in capitals. by is what names each one by its id: a deal, the file.
func idHint(typed string, ids []string, text func(i int) string, field, kind, by string) string {
	for i, id := range ids {
		if text := text(i); text != "" && !strings.EqualFold(text, id) && strings.EqualFold(strings.TrimSpace(text), strings.TrimSpace(typed)) {
			return fmt.Sprintf(" did you mean %q? (%q is its %s; %s names each %s by its id)", id, text, field, by, kind)
		}
	}
	return DidYouMean(typed, ids)
}

// Scorer scores deals against one scenario. It searches the ZOPA's frontier once, for the
// Nash solution and for debriefs, and reuses it for every deal.
type Scorer struct {
	sp   *Space
	res  []float64
	zs   *zopaSearch
	nash []int // nil when the ZOPA is empty
}

// NewScorer prepares to score deals at the scenario's own reservations.
func NewScorer(ctx context.Context, sp *Space, opt Options) (*Scorer, error) {
	if sp.tooMany {
		return nil, &SpaceTooLargeError{Overflow: true}
	}
	res := sp.reservations()
	zs, err := searchZOPA(ctx, sp, res, opt.Workers, false)
	if err != nil {
		return nil, err
	}
	s := &Scorer{sp: sp, res: res, zs: zs}
	if i := zs.nash(); i >= 0 {
		s.nash = zs.front.entries[i].choice
	}
	return s, nil
}

// ZOPA is the number of deals in the zone of possible agreement.
func (s *Scorer) ZOPA() uint64 { return s.zs.count }

// Score scores one deal, given as one option position per issue in file order.
func (s *Scorer) Score(ctx context.Context, choice []int) (*Score, error) {
	// One deal takes too few steps for the search to look at ctx, and a class's file may
	// hold tens of thousands: debrief and score --deal-file stop between them.
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	sp := s.sp
	if len(choice) != sp.issues {
		return nil, fmt.Errorf("a deal of %d options for %d issues", len(choice), sp.issues)
	}
	for k, o := range choice {
		if o < 0 || o >= sp.opts[k] {
			return nil, fmt.Errorf("option %d out of range on issue %q", o, sp.sc.Issues[k].ID)
		}
	}
	d := sp.deal(choice, s.res)
	sc := &Score{Options: d.Options, Actors: []ActorScore{}, InZOPA: true, Choice: d.Choice}
	joint := 0.0
	for a := range sp.sc.Actors {
		act := &sp.sc.Actors[a]
		u := sp.Utility(a, choice)
		as := ActorScore{ID: act.ID, Name: act.Name, Veto: act.Veto, Utility: d.Utilities[act.ID], Points: presentable(100 * u),
			Reservation: s.res[a], Surplus: d.Surplus[act.ID], Accepts: d.Accepts[act.ID], Rejections: sp.rejections(a, choice, s.res[a])}
		if act.Veto {
			joint += u - s.res[a]
			if !as.Accepts {
				sc.InZOPA = false
			}
		}
		sc.Actors = append(sc.Actors, as)
	}
	sc.JointGainIfSigned = presentable(joint)
	if sp.rule != nil {
		sc.InZOPA = sp.Passes(choice, s.res)
		sc.Votes, sc.Ratification = d.Votes, d.Ratification
	}
	sc.CountsAsNoAgreement = !sc.InZOPA
	if sc.InZOPA {
		sc.JointGain = sc.JointGainIfSigned
	}
	dom, err := sp.dominating(ctx, choice, s.res)
	if err != nil {
		return nil, err
	}
	sc.Pareto = sc.InZOPA && dom == nil
	sc.DominatedBy = dom
	if s.nash != nil {
		g := sp.gap(choice, SolutionNash, s.nash)
		sc.Nash = &g
	}
	return sc, nil
}

// rejections lists why actor a turns a deal down: every red line it crosses, every
// constraint it breaks, and a shortfall below its reservation; empty when it accepts.
func (sp *Space) rejections(a int, choice []int, reservation float64) []Rejection {
	out := []Rejection{}
	act := &sp.sc.Actors[a]
	for k, o := range choice {
		if sp.accept[a][sp.off[k]+o] {
			continue
		}
		is := &sp.sc.Issues[k]
		why := ""
		if pr := act.Preference(is.ID); pr != nil {
			why = pr.Note
		}
		out = append(out, Rejection{Kind: RejectRedLine, Issue: is.ID, Option: is.Options[o].ID, Why: why})
	}
	for i := range sp.cons[a] {
		if !sp.cons[a][i].holds(choice) {
			out = append(out, Rejection{Kind: RejectConstraint, Why: act.Constraints[sp.cons[a][i].index].Why})
		}
	}
	if u := sp.Utility(a, choice); u < reservation-Tolerance {
		out = append(out, Rejection{Kind: RejectReservation, Shortfall: presentable(reservation - u)})
	}
	return out
}

// gap compares a deal with a bargaining solution's deal: how many issues differ and the
// Euclidean distance between their veto utility vectors.
func (sp *Space) gap(choice []int, key SolutionKind, sol []int) SolutionGap {
	g := SolutionGap{Solution: key, Options: map[string]string{}}
	for k, o := range sol {
		g.Options[sp.sc.Issues[k].ID] = sp.sc.Issues[k].Options[o].ID
		if choice[k] != o {
			g.IssuesDiffering++
		}
	}
	sum := 0.0
	for _, a := range sp.Parties() {
		diff := sp.Utility(a, choice) - sp.Utility(a, sol)
		sum += diff * diff
	}
	g.UtilityDistance = presentable(math.Sqrt(sum))
	return g
}

// TableDeal is the deal one table of a class reached; a nil Choice is no agreement.
type TableDeal struct {
	Table  string
	Choice []int
}

// Debrief is many tables' deals on one scenario scored together. Its JSON form is a
// public contract.
type Debrief struct {
	Scenario string `json:"scenario"`
	// Tables are ranked by joint gain, highest first; equal gains share a rank and keep
	// the order they were given in.
	Tables []TableScore `json:"tables"`
	// Agreements counts the tables that wrote down a deal, InZOPA those whose deal every veto
	// actor accepts (the others count as no agreement), LeftValue the ZOPA deals that are
	// not Pareto-optimal.
	Agreements int `json:"agreements"`
	InZOPA     int `json:"in_zopa"`
	LeftValue  int `json:"left_value"`
	// ZOPA is the number of deals in the zone of possible agreement.
	ZOPA uint64 `json:"zopa"`
	// Axes are the two veto actors of Frontier, and Frontier the deals of the ZOPA that no
	// other ZOPA deal beats for both of them, by the first actor's utility; both are empty
	// when the scenario has fewer than two veto actors.
	Axes     []string        `json:"axes"`
	Frontier []FrontierPoint `json:"frontier"`
	// Nash is the Nash solution's place on the axes; nil when the ZOPA is empty.
	Nash *FrontierPoint `json:"nash"`
}

// TableScore is one table's result. With no agreement, or a deal some veto actor would not
// sign, every actor keeps its reservation, a joint gain of 0.
type TableScore struct {
	Table     string  `json:"table"`
	Rank      int     `json:"rank"`
	Agreement bool    `json:"agreement"`
	JointGain float64 `json:"joint_gain"`
	Score     *Score  `json:"score"`
}

// FrontierPoint is a deal's utilities for the two actors of a debrief's axes.
type FrontierPoint struct {
	Options map[string]string `json:"options"`
	X       float64           `json:"x"`
	Y       float64           `json:"y"`
}

// Debrief scores every table's deal and ranks the tables. axes, when not nil, are two
// actor positions, both veto actors, for the frontier; a scenario with one veto actor has
// none.
func (s *Scorer) Debrief(ctx context.Context, tables []TableDeal, axes *[2]int) (*Debrief, error) {
	sp := s.sp
	var pos [2]int
	if axes != nil {
		for i, a := range axes {
			pos[i] = slices.Index(sp.veto, a)
			if pos[i] < 0 {
				return nil, fmt.Errorf("axis actor %d holds no veto", a)
			}
		}
	}
	db := &Debrief{Scenario: sp.sc.Name, Tables: []TableScore{}, ZOPA: s.zs.count, Axes: []string{}, Frontier: []FrontierPoint{}}
	for _, td := range tables {
		ts := TableScore{Table: td.Table}
		if td.Choice != nil {
			sc, err := s.Score(ctx, td.Choice)
			if err != nil {
				return nil, err
			}
			ts.Agreement, ts.Score, ts.JointGain = true, sc, sc.JointGain
			db.Agreements++
			if sc.InZOPA {
				db.InZOPA++
			}
			if sc.InZOPA && !sc.Pareto {
				db.LeftValue++
			}
		}
		db.Tables = append(db.Tables, ts)
	}
	slices.SortStableFunc(db.Tables, func(a, b TableScore) int { return cmp.Compare(b.JointGain, a.JointGain) })
	for i := range db.Tables {
		db.Tables[i].Rank = i + 1
		if i > 0 && math.Abs(db.Tables[i].JointGain-db.Tables[i-1].JointGain) <= Tolerance {
			db.Tables[i].Rank = db.Tables[i-1].Rank
		}
	}
	if axes == nil {
		return db, nil
	}
	db.Axes = []string{sp.sc.Actors[axes[0]].ID, sp.sc.Actors[axes[1]].ID}
	db.Frontier = s.frontier2D(pos)
	if s.nash != nil {
		p := s.point(s.nash, *axes)
		db.Nash = &p
	}
	return db, nil
}

func (s *Scorer) point(choice []int, axes [2]int) FrontierPoint {
	p := FrontierPoint{Options: map[string]string{}, X: presentable(s.sp.Utility(axes[0], choice)), Y: presentable(s.sp.Utility(axes[1], choice))}
	for k, o := range choice {
		p.Options[s.sp.sc.Issues[k].ID] = s.sp.sc.Issues[k].Options[o].ID
	}
	return p
}

// frontier2D is the ZOPA's frontier for two veto actors alone. Every ZOPA deal is matched or
// beaten for everyone by a deal of the full frontier, so the two actors' frontier is found
// among the full frontier's deals: the ones no other beats on both axes.
func (s *Scorer) frontier2D(pos [2]int) []FrontierPoint {
	entries := slices.Clone(s.zs.front.entries)
	// Highest x first, then highest y, then option order: a deal is on the 2-D frontier
	// when its y beats every y seen before it.
	slices.SortFunc(entries, func(a, b entry) int {
		if c := cmp.Compare(b.vec[pos[0]], a.vec[pos[0]]); c != 0 {
			return c
		}
		if c := cmp.Compare(b.vec[pos[1]], a.vec[pos[1]]); c != 0 {
			return c
		}
		return slices.Compare(a.choice, b.choice)
	})
	var out []FrontierPoint
	top, topX := math.Inf(-1), math.Inf(1)
	for _, e := range entries {
		if e.vec[pos[1]] <= top+Tolerance {
			continue
		}
		p := s.point(e.choice, [2]int{s.sp.veto[pos[0]], s.sp.veto[pos[1]]})
		// Utilities equal but for the last bit sort apart: a deal that matches the last
		// one kept for the first actor and beats it for the second takes its place.
		if topX-e.vec[pos[0]] <= Tolerance {
			out[len(out)-1] = p
		} else {
			out = append(out, p)
		}
		top, topX = e.vec[pos[1]], e.vec[pos[0]]
	}
	slices.Reverse(out)
	if out == nil {
		out = []FrontierPoint{}
	}
	return out
}
