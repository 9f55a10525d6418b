package sim

import (
	"fmt"
	"strings"
)

// Checks for who must agree (MODEL.md sections 6 to 8): votes, the decision rule,
// ratification at home and beliefs. Paths here name actors by id, as --set does.

// ratifiersOf maps each actor that ratifies for another to the actor it ratifies for, in
// file order of the ratifying actors; an actor named by two keeps the first.
func ratifiersOf(s *Scenario) map[string]string {
	out := map[string]string{}
	for i := range s.Actors {
		for _, id := range s.Actors[i].Ratification.By {
			if _, seen := out[id]; !seen {
				out[id] = s.Actors[i].ID
			}
		}
	}
	return out
}

// tableVotes is the votes of the actors that vote at Level I: every actor but the ratifiers.
func tableVotes(s *Scenario) int {
	rat := ratifiersOf(s)
	total := 0
	for i := range s.Actors {
		if _, ok := rat[s.Actors[i].ID]; !ok && s.Actors[i].Votes > 0 {
			total += s.Actors[i].Votes
		}
	}
	return total
}

func (v *validator) decision(s *Scenario) {
	for i := range s.Actors {
		if n := s.Actors[i].Votes; n < 0 {
			v.errorf("actors."+s.Actors[i].ID+".votes", "%d votes: an actor holds 0 votes or more (default 1)", n)
		}
	}
	n := s.Decision.VotesNeeded
	if n < 0 {
		v.errorf("decision.votes_needed", "%d votes: a decision needs 0 votes or more (0 leaves the veto actors' unanimity alone)", n)
	}
	if avail := tableVotes(s); n > avail {
		v.errorf("decision.votes_needed", "%d votes needed, but the actors at the table hold %d in all (ratifiers do not vote here): lower votes_needed to at most %d or give actors more votes", n, avail, avail)
	}
	// Votes count under a decision rule or toward a ratification; an actor at the table
	// given more than one without a rule changes nothing, which is not what the file says.
	if n == 0 {
		rat := ratifiersOf(s)
		for i := range s.Actors {
			a := &s.Actors[i]
			if _, ratifies := rat[a.ID]; !ratifies && a.Votes > 1 {
				v.warnf("actors."+a.ID+".votes", "actor %q holds %d votes, but they count only under a decision rule, which this scenario has not: every veto actor must accept, whatever the votes; set decision.votes_needed to count them", a.ID, a.Votes)
			}
		}
	}
	v.ratification(s)
}

func (v *validator) ratification(s *Scenario) {
	ratifiesFor := map[string]string{}
	for i := range s.Actors {
		a := &s.Actors[i]
		r := &a.Ratification
		if r.By == nil && r.VotesNeeded == 0 && r.Source == "" && r.Note == "" {
			continue
		}
		p := "actors." + a.ID + ".ratification"
		if len(r.By) == 0 {
			v.errorf(p+".by", "actor %q's ratification names no ratifier: list the ids of the actors whose votes ratify a deal for it", a.ID)
		}
		listed := map[string]bool{}
		votes, known := 0, 0
		for _, id := range r.By {
			bp := p + ".by"
			if listed[id] {
				v.errorf(bp, "ratifier %q is listed twice; list each once and give it more votes instead", id)
				continue
			}
			listed[id] = true
			k := s.ActorIndex(id)
			if k < 0 {
				v.errorf(bp, "no actor %q;%s valid: %s", id, DidYouMean(id, actorIDs(s)), quoteList(actorIDs(s)))
				continue
			}
			rat := &s.Actors[k]
			known++
			if rat.ID == a.ID {
				v.errorf(bp, "actor %q cannot ratify its own deals; name the constituency as an actor of its own", a.ID)
				continue
			}
			if rat.Veto {
				v.errorf(bp, "ratifier %q holds a veto, but a ratifier sits at no table: set actors.%s.veto: false", id, id)
			}
			if len(rat.Ratification.By) > 0 {
				v.errorf(bp, "ratifier %q has ratifiers of its own; ratification has one level: move them to actor %q's list", id, a.ID)
			}
			if other, dup := ratifiesFor[id]; dup && other != a.ID {
				v.errorf(bp, "ratifier %q already ratifies for actor %q; a ratifier ratifies for one actor only: write a second actor for the other constituency", id, other)
			} else {
				ratifiesFor[id] = a.ID
			}
			if s.Protocol.Mediator == id {
				v.errorf(bp, "ratifier %q is the mediator, but a ratifier sits at no table", id)
			}
			if rat.Votes > 0 {
				votes += rat.Votes
			}
		}
		if r.VotesNeeded < 0 {
			v.errorf(p+".votes_needed", "%d votes: ratification needs 0 votes or more (0 asks for all of the ratifiers' votes)", r.VotesNeeded)
		}
		if r.VotesNeeded > votes {
			v.errorf(p+".votes_needed", "%d votes needed, but actor %q's ratifiers hold %d in all: lower votes_needed to at most %d or give them more votes", r.VotesNeeded, a.ID, votes, votes)
		}
		// All of no votes is no votes: the ratification would pass every deal, and the
		// ratifiers' red lines and reservations would change nothing, without a word.
		if votes == 0 && known > 0 {
			v.warnf(p+".by", "actor %q's ratifiers hold no votes, so every deal is ratified for it: give them votes (seats, or shares of an electorate)", a.ID)
		}
	}
}

// beliefs checks every belief's path and that the perceived scenario it gives is valid. It
// runs beside variants, not in core: the check validates a copy's core.
func (v *validator) beliefs(s *Scenario) {
	for i := range s.Actors {
		a := &s.Actors[i]
		b := &a.Beliefs
		if b.Set == nil && b.Source == "" && b.Note == "" {
			continue
		}
		p := "actors." + a.ID + ".beliefs"
		if len(b.Set) == 0 {
			v.errorf(p+".set", "actor %q's beliefs set nothing: map paths about other actors to the values it believes, e.g. actors.%s.reservation: 0.5", a.ID, exampleOtherActor(s, a.ID))
			continue
		}
		var sound []Assignment
		for _, as := range b.Set {
			bp := p + ".set." + as.Path
			segs := strings.Split(as.Path, ".")
			switch {
			case len(segs) < 3 || segs[0] != "actors":
				v.errorf(bp, "a belief is about another actor's value: its path starts actors.ID., e.g. actors.%s.reservation", exampleOtherActor(s, a.ID))
			case segs[1] == a.ID:
				v.errorf(bp, "a belief about oneself changes nothing an actor does not already know; set actors.%s.%s itself, or write a belief about another actor", a.ID, strings.Join(segs[2:], "."))
			case segs[2] == "beliefs":
				v.errorf(bp, "beliefs about another actor's beliefs are not modelled; write what actor %q believes about %q's values", a.ID, segs[1])
			case segs[2] == "id" || segs[2] == "name":
				v.errorf(bp, "a belief changes a value, not who an actor is")
			default:
				sound = append(sound, as)
			}
		}
		if len(sound) > 0 {
			v.overrides(s, p, fmt.Sprintf("actor %q's belief", a.ID), sound, nil, false)
		}
	}
}

// exampleOtherActor is an actor other than id, for examples in messages.
func exampleOtherActor(s *Scenario, id string) string {
	for i := range s.Actors {
		if s.Actors[i].ID != id {
			return s.Actors[i].ID
		}
	}
	return "other"
}
