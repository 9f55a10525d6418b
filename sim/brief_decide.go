package sim

// What briefs say about who must agree. The decision rule, each party's votes and who holds
// a veto under it are the rules of the game, on the public sheet: the rule is "these votes,
// these parties among them", as the Security Council's permanent members or Harborco's
// developer are known to all. An actor's ratification and its beliefs are its
// own: its role brief shows them, no other brief does. A ratifier's reservation and values
// stay its own, so the actor it ratifies for reads who ratifies and how many votes it needs,
// not what they will accept.

// BriefDecision is the decision rule as everyone reads it: the votes a deal needs and each
// table party's votes and veto.
type BriefDecision struct {
	VotesNeeded int         `json:"votes_needed"`
	Votes       []PartyVote `json:"votes"`
}

// PartyVote is one party's votes at the table, and whether a deal must have its vote.
type PartyVote struct {
	ID    string `json:"id"`
	Votes int    `json:"votes"`
	Veto  bool   `json:"veto"`
}

// RoleRatification is what a role's brief says about ratification at home: its own
// ratifiers and the votes it needs from them, or the actor it ratifies for. VotesNeeded and
// Votes are the same rule in both: the votes a deal needs at home and the votes all the
// ratifiers of that deal hold between them. A ratifier reads them beside its own votes, so
// that it knows what its vote counts for; it does not read how the others' votes split.
type RoleRatification struct {
	By          []string `json:"by,omitempty"`
	VotesNeeded int      `json:"votes_needed,omitempty"`
	Votes       int      `json:"votes,omitempty"`
	RatifiesFor string   `json:"ratifies_for,omitempty"`
	// OwnVotes is the role's own votes, toward the ratification it takes part in.
	OwnVotes int    `json:"own_votes,omitempty"`
	Note     string `json:"note,omitempty"`
}

// RoleBeliefs are what a role believes about the others: its own overrides, as written.
type RoleBeliefs struct {
	Set  []Assignment `json:"set"`
	Note string       `json:"note,omitempty"`
}

func publicDecision(sc *Scenario) *BriefDecision {
	if sc.Decision.VotesNeeded <= 0 {
		return nil
	}
	rat := ratifiersOf(sc)
	d := &BriefDecision{VotesNeeded: sc.Decision.VotesNeeded, Votes: []PartyVote{}}
	for _, a := range sc.Actors {
		if _, ok := rat[a.ID]; !ok {
			d.Votes = append(d.Votes, PartyVote{ID: a.ID, Votes: max(0, a.Votes), Veto: a.Veto})
		}
	}
	return d
}

// roleDecision fills in actor a's ratification and beliefs.
func roleDecision(sc *Scenario, a int, c *Confidential) {
	act := &sc.Actors[a]
	if r := act.Ratification; len(r.By) > 0 {
		rr := &RoleRatification{By: r.By, Note: r.Note}
		rr.VotesNeeded, rr.Votes = ratificationRule(sc, act)
		c.Ratification = rr
	}
	if owner, ok := ratifiersOf(sc)[act.ID]; ok {
		// The owner's note and the list of who else ratifies are the owner's to read.
		rr := &RoleRatification{RatifiesFor: owner, OwnVotes: max(0, act.Votes)}
		rr.VotesNeeded, rr.Votes = ratificationRule(sc, &sc.Actors[sc.ActorIndex(owner)])
		c.Ratification = rr
	}
	if len(act.Beliefs.Set) > 0 {
		c.Beliefs = &RoleBeliefs{Set: act.Beliefs.Set, Note: act.Beliefs.Note}
	}
}

// ratificationRule is the votes actor a's deal needs at home and the votes its ratifiers
// hold between them; a rule that names no threshold asks for all of them (MODEL.md
// section 7).
func ratificationRule(sc *Scenario, a *Actor) (needed, votes int) {
	votes = constituencyVotes(sc, a)
	needed = a.Ratification.VotesNeeded
	if needed <= 0 {
		needed = votes
	}
	return needed, votes
}
