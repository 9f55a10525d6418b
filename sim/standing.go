package sim

// Standing is what an actor's yes counts for in passing a deal, apart from what the deal is
// worth to it (MODEL.md sections 6 and 7): a veto, a vote at home for the actor it ratifies
// for, or, at the table without a veto, votes that may or may not decide.
type Standing struct {
	Kind StandingKind `json:"kind"`
	// RatifiesFor is the actor whose deals a ratifier votes on at home.
	RatifiesFor string `json:"ratifies_for,omitempty"`
	// Votes are the actor's own. VotesNeeded is what a deal needs of the votes the actor is
	// counted among: the decision rule's at the table (0 without one), the ratification's at
	// home, all of the ratifiers' votes where the file leaves it at 0. OtherVotes are the
	// others' votes there; VetoVotes the veto actors' at the table.
	Votes       int `json:"votes"`
	VotesNeeded int `json:"votes_needed"`
	OtherVotes  int `json:"other_votes"`
	VetoVotes   int `json:"veto_votes"`
}

// StandingKind names an actor's standing.
type StandingKind string

const (
	StandingVeto     StandingKind = "veto"
	StandingRatifier StandingKind = "ratifier"
	// StandingScored: no vote of the actor's counts, so it is scored and reported but
	// cannot block.
	StandingScored StandingKind = "scored"
	// StandingIndispensable: the other table votes fall short of those needed, so no deal
	// passes without the actor's.
	StandingIndispensable StandingKind = "indispensable"
	// StandingNeverDecides: the veto actors, whose yes every deal needs, hold the votes
	// needed between them, so the actor's votes never decide.
	StandingNeverDecides StandingKind = "never_decides"
	// StandingWithOthers: the actor's votes block a deal only together with others'.
	StandingWithOthers StandingKind = "with_others"
)

// StandingOf is the standing of the actor with the given id.
func (s *Scenario) StandingOf(id string) Standing {
	me := &s.Actors[s.ActorIndex(id)]
	if of := s.RatifiesFor(id); of != "" {
		owner := &s.Actors[s.ActorIndex(of)]
		needed, votes := ratificationRule(s, owner)
		own := max(0, me.Votes)
		return Standing{Kind: StandingRatifier, RatifiesFor: of, Votes: own, VotesNeeded: needed, OtherVotes: votes - own}
	}
	st := Standing{VotesNeeded: s.Decision.VotesNeeded}
	for i := range s.Actors {
		a := &s.Actors[i]
		if s.RatifiesFor(a.ID) != "" {
			continue
		}
		switch {
		case a.ID == id:
			st.Votes = max(0, a.Votes)
		default:
			st.OtherVotes += max(0, a.Votes)
		}
		if a.Veto {
			st.VetoVotes += max(0, a.Votes)
		}
	}
	switch {
	case me.Veto:
		st.Kind = StandingVeto
	case st.VotesNeeded == 0 || st.Votes == 0:
		st.Kind = StandingScored
	case st.OtherVotes < st.VotesNeeded:
		st.Kind = StandingIndispensable
	case st.VetoVotes >= st.VotesNeeded:
		st.Kind = StandingNeverDecides
	default:
		st.Kind = StandingWithOthers
	}
	return st
}
