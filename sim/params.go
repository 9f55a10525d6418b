package sim

import (
	"cmp"
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"
)

// A Param is one value of a scenario that a what-if can change: the answer to a student's
// "what can I change?", and the list that the sensitivity analysis and the browser page walk.
// Path and Value are written exactly as --set takes them, so PATH=VALUE from any row is a
// valid override that leaves the scenario as it is.
type Param struct {
	Path  string    `json:"path"`
	Value string    `json:"value"`
	Kind  ParamKind `json:"kind"`
	// Min and Max bound a number or a whole number; the value may be anywhere between them,
	// both included.
	Min *float64 `json:"min,omitempty"`
	Max *float64 `json:"max,omitempty"`
	// Choices are the ids an option, or each element of a list of options, may take; for a
	// true/false value that may take only one, that one.
	Choices []string `json:"choices,omitempty"`
	// Note says why a value is narrower than its kind, why changing it changes no result, or
	// what a value that reads as nothing (a votes_needed of 0) asks.
	Note string `json:"note,omitempty"`
}

// ParamKind is what sort of value a Param holds.
type ParamKind string

const (
	ParamNumber  ParamKind = "number"
	ParamInteger ParamKind = "integer"
	ParamBool    ParamKind = "bool"
	// ParamOption is one id out of Choices.
	ParamOption ParamKind = "option"
	// ParamOptions is a list of ids out of Choices, written [a,b] in --set.
	ParamOptions ParamKind = "options"
	// ParamGroup is a group of settings (an actor, an issue, a constraint, a mapping of
	// utilities) written whole, as JSON. negsim names groups when it speaks of them (an
	// opener, a warning about an actor), so that every path it prints is one --set takes.
	ParamGroup ParamKind = "group"
	// ParamText is text: the scenario's name, which validation requires.
	ParamText ParamKind = "text"
)

// Ranges of the values whose validation bound is open on one side: a slider and a
// threshold search need a finite end. They are generous but finite: a power ten times the
// usual 1, an exponent of 10 (a conceder so eager it yields almost at once), and a weight
// as large as all of the actor's weights together.
const (
	paramPowerMax    = 10
	paramExponentMax = 10
	// paramPowerMin stands for "above 0": a power of 0 is refused by validation.
	paramPowerMin    = 0.01
	paramExponentMin = 0.01
)

// Params lists every value of the scenario that changes a result, in file order: each issue
// and option as a group; per actor the actor as a group, its veto, power, reservation,
// drift, strategy, and per issue it cares about the preference as a group, its weight,
// option values and red line (and each option of it), then its constraints, each as a group
// and by its option lists; then the protocol and the rounds at which events happen. Names,
// descriptions, notes and sources are left out as values of their own: they change no
// number negsim computes. Groups are listed because negsim names them when it speaks of
// them (an opener, a warning about an actor or an option): every path it prints is a row.
func (s *Scenario) Params() []Param {
	ps := []Param{{Path: "name", Value: s.Name, Kind: ParamText}, groupParam("issues", s.Issues)}
	for _, is := range s.Issues {
		ps = append(ps, groupParam("issues."+is.ID, is))
		for _, o := range is.Options {
			ps = append(ps, groupParam("issues."+is.ID+".options."+o.ID, o))
		}
	}
	ps = append(ps, groupParam("actors", s.Actors))
	for ai := range s.Actors {
		ps = s.actorParams(ps, &s.Actors[ai])
		ps = s.votesParams(ps, &s.Actors[ai])
	}
	ps = s.beliefParams(ps)
	ps = s.decisionParams(ps)
	ps = s.protocolParams(ps)
	deadline := s.Protocol.Rounds
	if deadline <= 0 {
		deadline = DefaultRounds
	}
	for i := range s.Events {
		ps = append(ps, integerParam("events."+strconv.Itoa(i)+".round", s.Events[i].Round, 0, deadline-1))
	}
	return ps
}

// vetoLimit says, on a veto's row, the limit that validation sets on the vetoes together:
// without decision.votes_needed, someone must hold a veto, or every deal would be agreed.
// A sole veto is offered as true alone; each of several may be false while another holds,
// which one row's choices cannot say, so its note does.
func (s *Scenario) vetoLimit(veto *Param, a *Actor) {
	if !a.Veto || s.Decision.VotesNeeded > 0 {
		return
	}
	var others []string
	for i := range s.Actors {
		if k := &s.Actors[i]; k.Veto && k.ID != a.ID {
			others = append(others, cmp.Or(k.Name, k.ID))
		}
	}
	const why = "with decision.votes_needed at 0, someone must hold a veto, or every deal would be agreed"
	if len(others) == 0 {
		veto.Choices = []string{"true"}
		veto.Note = "is the only veto: " + why + "; give another actor a veto, or set decision.votes_needed, first"
		return
	}
	// Named when there is one other; more names would make a long note under every veto, and
	// the page and the table list the vetoes beside it.
	keeper := "another actor"
	if len(others) == 1 {
		keeper = others[0]
	}
	veto.Note = fmt.Sprintf("may be false while %s keeps its veto: %s", keeper, why)
}

func (s *Scenario) actorParams(ps []Param, a *Actor) []Param {
	p := "actors." + a.ID
	veto := Param{Path: p + ".veto", Value: strconv.FormatBool(a.Veto), Kind: ParamBool}
	power := numberParam(p+".power", a.Power, paramPowerMin, max(paramPowerMax, a.Power))
	if byID := s.RatifiesFor(a.ID); byID != "" {
		// The note is read as a sentence on the page, so the actor goes by its name.
		by := cmp.Or(s.Actors[s.ActorIndex(byID)].Name, byID)
		// Validation refuses a ratifier with a veto (MODEL.md section 7): offering true
		// would offer only an error.
		veto.Choices = []string{"false"}
		veto.Note = fmt.Sprintf("ratifies for %s; a ratifier holds no veto: it votes at home, not at the table", by)
		power.Note = fmt.Sprintf("ratifies for %s and does not bargain at the table: its power weighs no solution", by)
	}
	s.vetoLimit(&veto, a)
	ps = append(ps,
		groupParam(p, a),
		veto,
		power,
		numberParam(p+".reservation", a.Reservation, 0, 1),
		numberParam(p+".reservation_drift", a.ReservationDrift, -1, 1),
	)
	if a.Strategy.Kind != "" {
		ps = append(ps, Param{Path: p + ".strategy.kind", Value: string(a.Strategy.Kind), Kind: ParamOption, Choices: Names(StrategyKinds)})
	}
	if a.Strategy.Kind == StrategyTimeDependent || a.Strategy.Exponent != 0 {
		ps = append(ps, numberParam(p+".strategy.exponent", a.Strategy.Exponent, paramExponentMin, max(paramExponentMax, a.Strategy.Exponent)))
	}
	totalWeight := 0.0
	for _, pr := range a.Preferences {
		totalWeight += pr.Weight
	}
	ps = append(ps, groupParam(p+".preferences", a.Preferences))
	for pi := range a.Preferences {
		pr := &a.Preferences[pi]
		pp := p + ".preferences." + pr.Issue
		ps = append(ps, groupParam(pp, pr))
		is := s.issue(pr.Issue)
		if is == nil {
			continue
		}
		options := optionIDs(is)
		weight := numberParam(pp+".weight", pr.Weight, 0, max(totalWeight, pr.Weight))
		if totalWeight == pr.Weight {
			// Validation refuses an actor whose weights are all 0, and weights count only
			// as shares: above 0, this one gives the issue the whole say whatever it is. The
			// note is read after "It" on the page, as a slider's notes are.
			*weight.Min = onlyWeightMin(pr.Weight)
			weight.Note = fmt.Sprintf("is the only weight %s gives above 0: 0 is refused, and any value above 0 gives this issue the whole say", cmp.Or(a.Name, a.ID))
		}
		ps = append(ps, weight)
		if pr.Ideal != "" || pr.Shape != "" {
			shape := pr.Shape
			if shape == "" {
				shape = ShapeLinear
			}
			ps = append(ps,
				Param{Path: pp + ".ideal", Value: pr.Ideal, Kind: ParamOption, Choices: options},
				Param{Path: pp + ".shape", Value: string(shape), Kind: ParamOption, Choices: Names(Shapes)},
			)
		}
		if pr.Utilities != nil {
			ps = append(ps, groupParam(pp+".utilities", pr.Utilities))
		}
		for _, o := range options {
			if u, ok := pr.Utilities[o]; ok {
				ps = append(ps, numberParam(pp+".utilities."+o, u, 0, 1))
			}
		}
		// An actor without a red line on the issue accepts every option: listing them all
		// is the same red line written out, so the row is still one a student can edit.
		acceptable := pr.Acceptable
		if acceptable == nil {
			acceptable = options
		}
		ps = append(ps, Param{Path: pp + ".acceptable", Value: FlowList(acceptable), Kind: ParamOptions, Choices: options})
		ps = elementParams(ps, pp+".acceptable", pr.Acceptable, options)
	}
	for ci := range a.Constraints {
		c := &a.Constraints[ci]
		cp := p + ".constraints." + strconv.Itoa(ci)
		ps = append(ps, groupParam(cp, c))
		for _, part := range []struct {
			name  string
			conds map[string][]string
		}{{"if", c.If}, {"then", c.Then}} {
			for _, issue := range s.issueOrder(part.conds) {
				options := optionIDs(s.issue(issue))
				ps = append(ps, Param{Path: cp + "." + part.name + "." + issue, Value: FlowList(part.conds[issue]), Kind: ParamOptions, Choices: options})
				ps = elementParams(ps, cp+"."+part.name+"."+issue, part.conds[issue], options)
			}
		}
	}
	return ps
}

// protocolParams lists the protocol with its defaults written out, since setting a
// default explicitly changes nothing: the kind is mediated when a mediator is named and
// alternating otherwise, the rule nash.
func (s *Scenario) protocolParams(ps []Param) []Param {
	pr := s.Protocol
	kind := pr.Kind
	if kind == "" {
		kind = ProtocolAlternating
		if pr.Mediator != "" {
			kind = ProtocolMediated
		}
	}
	rounds := pr.Rounds
	if rounds <= 0 {
		rounds = DefaultRounds
	}
	rule := pr.Rule
	if rule == "" {
		rule = RuleNash
	}
	deadline := integerParam("protocol.rounds", rounds, 1, max(MaxRounds, rounds))
	if pr.Rounds <= 0 {
		// The row shows the deadline rounds run to, which a file that writes 0 or nothing
		// does not show; read after "It" on the page, as the other notes of a slider are.
		deadline.Note = fmt.Sprintf("is the default of %d, since the file gives no protocol.rounds: 0 stands for the default", DefaultRounds)
	}
	byRule := Param{Path: "protocol.rule", Value: string(rule), Kind: ParamOption, Choices: Names(Rules)}
	// Under alternating offers the parties propose in turn (proposerAt): no mediator
	// proposes, so neither its rule nor its seat moves a result.
	alternating := kind == ProtocolAlternating
	if alternating {
		byRule.Note = "changes no result while protocol.kind is alternating: only a mediator proposes by a rule"
	}
	ps = append(ps,
		Param{Path: "protocol.kind", Value: string(kind), Kind: ParamOption, Choices: Names(ProtocolKinds)},
		deadline,
		byRule,
	)
	if pr.Mediator != "" {
		// A ratifier sits at no table, so validation refuses it the mediator's seat.
		rat := ratifiersOf(s)
		var seats []string
		for _, id := range actorIDs(s) {
			if _, ok := rat[id]; !ok {
				seats = append(seats, id)
			}
		}
		seat := Param{Path: "protocol.mediator", Value: pr.Mediator, Kind: ParamOption, Choices: seats}
		if alternating {
			seat.Note = "changes no result while protocol.kind is alternating: the parties propose in turn, and no mediator does"
		}
		ps = append(ps, seat)
	}
	return ps
}

// groupParam lists a group of settings with its JSON form, which --set takes back.
func groupParam(path string, group any) Param {
	text, err := json.Marshal(group)
	if err != nil {
		// Scenario types hold text, numbers, lists and mappings of them: always JSON.
		panic(fmt.Sprintf("sim: %s cannot be written as JSON: %v", path, err))
	}
	return Param{Path: path, Value: string(text), Kind: ParamGroup}
}

// elementParams lists each option of a list on its own, at the path a problem with that
// one option is reported at (acceptable.1, constraints.0.then.nato.0).
func elementParams(ps []Param, path string, ids, options []string) []Param {
	for i, id := range ids {
		ps = append(ps, Param{Path: path + "." + strconv.Itoa(i), Value: id, Kind: ParamOption, Choices: options})
	}
	return ps
}

// onlyWeightMin stands for "above 0" for an actor's only weight above 0, w: a hundredth
// of it, rounded down to a power of ten (1 for 100). The page's slider steps from its
// lower end by a power of ten no larger, so the value itself stays on the slider's steps.
func onlyWeightMin(w float64) float64 {
	return math.Pow(10, math.Floor(math.Log10(w/100)))
}

// MaxRounds is the longest deadline a protocol may set: every round is recorded for the
// transcript; talks of a year in daily rounds are 365, and a transcript of 10,000 rounds
// is already unreadable.
const MaxRounds = 10_000

func numberParam(path string, value, lo, hi float64) Param {
	return Param{Path: path, Value: strconv.FormatFloat(value, 'g', -1, 64), Kind: ParamNumber, Min: &lo, Max: &hi}
}

func integerParam(path string, value, lo, hi int) Param {
	l, h := float64(lo), float64(hi)
	return Param{Path: path, Value: strconv.Itoa(value), Kind: ParamInteger, Min: &l, Max: &h}
}

// FlowList writes a list of ids as --set and YAML's flow syntax take it: [a,b].
func FlowList(ids []string) string { return "[" + strings.Join(ids, ",") + "]" }

// RatifiesFor is the id of the actor that actor id ratifies for, "" when it ratifies for
// none.
func (s *Scenario) RatifiesFor(id string) string {
	for i := range s.Actors {
		for _, k := range s.Actors[i].Ratification.By {
			if k == id {
				return s.Actors[i].ID
			}
		}
	}
	return ""
}

func (s *Scenario) issue(id string) *Issue {
	if i := s.IssueIndex(id); i >= 0 {
		return &s.Issues[i]
	}
	return nil
}

// issueOrder returns the issues a condition names, in the scenario's issue order, so that
// listings do not depend on map iteration. Params lists a validated scenario, whose
// conditions name only its own issues.
func (s *Scenario) issueOrder(conds map[string][]string) []string {
	var ids []string
	for _, is := range s.Issues {
		if _, ok := conds[is.ID]; ok {
			ids = append(ids, is.ID)
		}
	}
	return ids
}
