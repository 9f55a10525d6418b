package sim

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// The values of who must agree that a what-if can change (MODEL.md sections 6 to 9): each
// actor's votes, the decision's and each ratification's votes_needed, and each belief,
// which ranges as the value it is a belief about.

// decisionParams lists decision.votes_needed; 0 is the veto actors' unanimity, the most is
// every vote at the table. With no veto at all, 0 would agree every deal, which validation
// refuses, so the row starts at 1.
func (s *Scenario) decisionParams(ps []Param) []Param {
	lo := 0
	if !slices.ContainsFunc(s.Actors, func(a Actor) bool { return a.Veto }) {
		lo = min(1, s.Decision.VotesNeeded)
	}
	needed := integerParam("decision.votes_needed", s.Decision.VotesNeeded, lo, max(tableVotes(s), s.Decision.VotesNeeded))
	// Read after "It" on the page, as the other notes of a slider are. A 0 that stood
	// unexplained read as a deal needing no votes at all.
	if lo > 0 {
		needed.Note = "cannot fall to 0 while no actor holds a veto: 0 would agree every deal; give an actor a veto first"
	} else {
		needed.Note = atZero(s.Decision.VotesNeeded, "leaves", "leave", "each deal to the veto actors' unanimity")
	}
	return append(ps, needed)
}

// votesParams lists an actor's votes, from the fewest the votes needed leave it to the
// votes they count among: the table's for an actor at the table, its constituency's for a
// ratifier. (The whole file's would rank a table vote against a parliament's seats: one
// vote of four as a fraction of a percent.) Then its ratification: who may ratify, and the
// votes needed, from 0 (all of them) to theirs.
func (s *Scenario) votesParams(ps []Param, a *Actor) []Param {
	among, needed := tableVotes(s), s.Decision.VotesNeeded
	neededAt := "decision.votes_needed"
	if of := s.RatifiesFor(a.ID); of != "" {
		r := &s.Actors[s.ActorIndex(of)]
		among, needed = constituencyVotes(s, r), r.Ratification.VotesNeeded
		neededAt = "actors." + of + ".ratification.votes_needed"
	}
	p := "actors." + a.ID
	// Validation refuses votes needed above the votes there are: this actor may give up
	// only the votes the others hold beyond those needed.
	fewest := max(0, a.Votes-max(0, among-needed))
	votes := integerParam(p+".votes", a.Votes, fewest, max(among, 1, a.Votes))
	if fewest > 0 {
		// Read after "It" on the page, as the other notes of a slider are.
		votes.Note = fmt.Sprintf("cannot fall below %d while %s asks for %d of the %d votes there are: lower that first", fewest, neededAt, needed, among)
	}
	ps = append(ps, votes)
	if len(a.Ratification.By) > 0 {
		by := Param{Path: p + ".ratification.by", Value: FlowList(a.Ratification.By), Kind: ParamOptions, Choices: s.mayRatify(a)}
		if need := a.Ratification.VotesNeeded; need > 0 {
			votes := fmt.Sprintf("the %d votes", need)
			if need == 1 {
				votes = "the vote"
			}
			by.Note = fmt.Sprintf("those listed must hold %s %s.ratification.votes_needed asks", votes, p)
		}
		theirs := constituencyVotes(s, a)
		needed := integerParam(p+".ratification.votes_needed", a.Ratification.VotesNeeded, 0, max(theirs, a.Ratification.VotesNeeded))
		needed.Note = atZero(a.Ratification.VotesNeeded, "asks", "ask", fmt.Sprintf("for every vote its ratifiers hold, %d in all", theirs))
		ps = append(ps, by, needed)
	}
	return ps
}

// atZero says what a votes_needed of 0 asks, read after "It" on the page: a slider at 0,
// where the file leaves the value out, would otherwise read as no vote needed. verb is the
// verb as the value at 0 does it, base as it would: "It is 0, which asks for ...", "It
// would ask, at 0, for ...".
func atZero(votesNeeded int, verb, base, what string) string {
	if votesNeeded == 0 {
		return "is 0, which " + verb + " " + what
	}
	return "would " + base + ", at 0, " + what
}

// mayRatify is the actors validation lets ratify for a, the others as they are: none
// with a veto, ratifiers of its own, another actor to ratify for or the mediator's seat,
// and none whose table votes the decision rule needs.
func (s *Scenario) mayRatify(a *Actor) []string {
	rat := ratifiersOf(s)
	spare := tableVotes(s) - s.Decision.VotesNeeded
	var ids []string
	for i := range s.Actors {
		k := &s.Actors[i]
		if of, ok := rat[k.ID]; ok && of != a.ID {
			continue
		}
		_, already := rat[k.ID]
		if k.ID == a.ID || k.Veto || len(k.Ratification.By) > 0 || k.ID == s.Protocol.Mediator ||
			!already && s.Decision.VotesNeeded > 0 && max(0, k.Votes) > spare {
			continue
		}
		ids = append(ids, k.ID)
	}
	return ids
}

// constituencyVotes is the votes of actor a's ratifiers together.
func constituencyVotes(s *Scenario, a *Actor) int {
	theirs := 0
	for _, id := range a.Ratification.By {
		if k := s.ActorIndex(id); k >= 0 {
			theirs += max(0, s.Actors[k].Votes)
		}
	}
	return theirs
}

// beliefParams lists each belief as the row of the value it is about, under the belief's
// own path.
func (s *Scenario) beliefParams(ps []Param) []Param {
	byPath := map[string]Param{}
	for _, p := range ps {
		byPath[p.Path] = p
	}
	for i := range s.Actors {
		a := &s.Actors[i]
		for _, as := range a.Beliefs.Set {
			about, ok := byPath[as.Path]
			if !ok {
				// A belief about no value params lists (a path that leads nowhere, which
				// validate reports) ranges over its own value alone.
				about = ownRange(as.Value)
			}
			row := about
			row.Path = "actors." + a.ID + ".beliefs.set." + as.Path
			row.Value = beliefText(as.Value, about)
			ps = append(ps, row)
		}
	}
	return ps
}

// beliefText writes a belief's value as --set takes it.
func beliefText(v any, about Param) string {
	switch x := v.(type) {
	case float64:
		return strconv.FormatFloat(x, 'g', -1, 64)
	case int:
		return strconv.Itoa(x)
	case bool:
		return strconv.FormatBool(x)
	case []any:
		ids := make([]string, 0, len(x))
		for _, it := range x {
			if s, ok := it.(string); ok {
				ids = append(ids, s)
			}
		}
		return FlowList(ids)
	case []string:
		return FlowList(x)
	case string:
		if about.Kind == ParamOptions && !strings.HasPrefix(x, "[") {
			return FlowList(strings.Split(x, ","))
		}
		return x
	}
	return about.Value
}

// ownRange is the row of a value that may take only itself.
func ownRange(v any) Param {
	switch x := v.(type) {
	case float64:
		return numberParam("", x, x, x)
	case int:
		return integerParam("", x, x, x)
	case bool:
		return Param{Kind: ParamBool}
	case []any:
		p := Param{Kind: ParamOptions}
		for _, it := range x {
			p.Choices = append(p.Choices, fmt.Sprint(it))
		}
		return p
	}
	return Param{Kind: ParamOption, Choices: []string{fmt.Sprint(v)}}
}
