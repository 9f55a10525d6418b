package main

import (
	"slices"
	"strings"

	"github.com/negsim/negsim/sim"
)

// The words for who must agree, where the decision rule and ratification change them: an
// actor without a veto may still vote at the table or ratify at home, and the zone is then
// more than the deals every veto actor accepts.

// roleWithoutVeto says what an actor without a veto counts for in an analysis: its votes at
// the table, its vote at home for another actor, or, with neither, only its score.
func roleWithoutVeto(sc *sim.Scenario, an *sim.Analysis, id string) string {
	if an.Decision != nil {
		for _, v := range an.Decision.Voters {
			if v.Actor == id && v.Votes > 0 {
				return plural(v.Votes, "vote", "votes")
			}
		}
	}
	for _, a := range sc.Actors {
		if slices.Contains(a.Ratification.By, id) && an.Ratification[a.ID] != nil {
			return "ratifies for " + a.Name
		}
	}
	return "scored only"
}

// agreement is what a deal needs to be agreed: the yes of the veto actors, if any actor
// holds a veto; votes at the table under a decision rule (0 without one); and ratification
// at home, if some actor's deals are ratified.
type agreement struct {
	veto     bool
	votes    int
	ratified bool
}

func agreementOf(sc *sim.Scenario) agreement {
	ag := agreement{votes: sc.Decision.VotesNeeded}
	for _, a := range sc.Actors {
		ag.veto = ag.veto || a.Veto
		ag.ratified = ag.ratified || len(a.Ratification.By) > 0
	}
	return ag
}

// ruledZone names the deals of the zone under a decision rule or ratification, as analyze
// states the rule: those every veto actor accepts that also gather the votes and pass at
// home; "" when neither applies and the veto actors' yes is the whole of it.
func ruledZone(sc *sim.Scenario) string {
	ag := agreementOf(sc)
	var rules []string
	if ag.votes > 0 {
		rules = append(rules, "gather at least "+plural(ag.votes, "vote", "votes")+" at the table")
	}
	if ag.ratified {
		rules = append(rules, "are ratified at home")
	}
	switch {
	case len(rules) == 0:
		return ""
	case ag.veto:
		return "the deals every veto actor accepts that " + strings.Join(rules, " and ")
	}
	return "the deals that " + strings.Join(rules, " and ")
}

// partiesWord is who the frontier weighs: the veto actors, or, when none holds a veto, the
// table's voters.
func partiesWord(sc *sim.Scenario) string {
	for _, a := range sc.Actors {
		if a.Veto {
			return "veto actor"
		}
	}
	return "party"
}
