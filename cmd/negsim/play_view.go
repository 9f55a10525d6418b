package main

import (
	"fmt"
	"slices"
	"strings"

	"github.com/negsim/negsim/sim"
)

// What the person at the seat reads: the introduction, the commands, each turn, what the
// others said and the ending. play.go reads the moves and plays them.

// alternatingTurns says who takes the turns in alternating talks and whether the seat does:
// the parties, that is the veto actors, or, when none holds a veto, every actor with a vote
// (MODEL.md section 6). A seat that takes every turn is told so: "on your turn" promised
// turns of the others that never came.
func alternatingTurns(anyVeto bool, proposers []string, seat string) string {
	const yourTurn = "you propose on your turn and may answer any proposal with a counter offer."
	const noTurn = "you hold none, so you have no turn, but you may answer any proposal with a counter offer."
	turns, held := "the parties with a veto propose in turn, in the file's order", "veto"
	if !anyVeto {
		turns, held = "no party holds a veto, so the parties with a vote propose in turn, in the file's order", "vote"
	}
	switch {
	case slices.Equal(proposers, []string{seat}):
		return fmt.Sprintf("Alternating offers: %s; you hold the only %s, so you propose every round and the others answer.", turns, held)
	case slices.Contains(proposers, seat) && anyVeto:
		return "Alternating offers: the parties propose in turn, in the file's order; " + yourTurn
	case slices.Contains(proposers, seat):
		return "Alternating offers: " + turns + "; " + yourTurn
	}
	return "Alternating offers: " + turns + "; " + noTurn
}

func (s *session) intro(variant string) {
	v := s.g.View()
	title := fmt.Sprintf("You play %s in %q", v.SeatName, s.sc.Name)
	if variant != "" {
		title += fmt.Sprintf(" (variant %s)", variant)
	}
	s.say("%s.", title)
	if v.Protocol == sim.ProtocolMediated {
		if v.Mediator == v.Seat {
			s.say("Mediated talks, and you are the mediator: each round you put one text on the table (offer) and the others answer.")
		} else {
			mediator := "a neutral mediator"
			if v.Mediator != "" {
				mediator = s.name(v.Mediator)
			}
			s.say("Mediated talks: each round %s puts one text on the table; you accept or reject it.", mediator)
		}
	} else {
		s.say("%s", alternatingTurns(agreementOf(s.sc).veto, v.Proposers, v.Seat))
	}
	ag := agreementOf(s.sc)
	agreed := "every party with a veto accepts"
	switch {
	case ag.veto && ag.votes > 0:
		agreed += " and that wins " + plural(ag.votes, "vote", "votes")
	case ag.votes > 0:
		agreed = "that wins " + plural(ag.votes, "vote", "votes")
	}
	if ag.ratified {
		agreed += " (and that is ratified at home where the scenario asks it)"
	}
	s.say("The other actors are the model's agents. The talks end at the first deal %s, or break down after round %d (rounds count from 0); then everyone keeps its walk-away value.", agreed, v.Deadline-1)
	seat := s.sc.StandingOf(v.Seat)
	switch {
	case v.Veto:
		s.say("You hold a veto: there is no deal without your acceptance.")
	case seat.Kind == sim.StandingIndispensable:
		s.say("%s", noDealWithoutYourVote(seat))
	default:
		s.say("You hold no veto: the others can settle without you.")
	}
	if s.sc.Decision.VotesNeeded > 0 {
		s.say("Your acceptance counts for %s%s.", plural(s.sc.Actors[s.sc.ActorIndex(v.Seat)].Votes, "vote", "votes"), yourVoteNeverDecides(seat))
	}
	if rr := s.g.Brief().Role.Ratification; rr != nil && len(rr.By) > 0 {
		s.say("A deal you agree must be ratified at home by %s: %s.", sim.JoinWords(actorNames(s.sc, rr.By), "and"), ratifiersNeeded(rr.VotesNeeded, rr.Votes))
	}
	s.reservation = s.openingReservation(v)
	s.say("Your walk-away value is %s points: a deal worth less leaves you worse off than no deal.", pts(s.reservation))
	s.say("Type show for your brief (your points for every option and your red lines), help for the commands.")
	if s.g.Idle() {
		s.idle(v)
	}
}

// openingReservation is the seat's walk-away value in round 0: the view may already stand
// at a later round when the first rounds passed without a move for the seat.
func (s *session) openingReservation(v *sim.PlayView) float64 {
	if rounds := s.g.Transcript().Rounds; len(rounds) > 0 {
		return rounds[0].Actors[s.sc.ActorIndex(v.Seat)].Reservation
	}
	return v.Reservation
}

// idle warns, before the rounds, that the session gives the seat no move at all, and says
// what would: the parties proposing in turn, or a variant in which the seat has a move.
func (s *session) idle(v *sim.PlayView) {
	tr := s.g.Transcript()
	s.say("")
	if len(tr.NoText) == len(tr.Rounds) && len(tr.NoText) > 0 {
		s.say("Nothing is put on the table in any round: %s. So you will have no move; the rounds pass without you to the deadline.", tr.NoText[0].Why)
	} else {
		s.say("You will have no move in this session: the talks end before your first turn.")
	}
	var tries []string
	if v.Protocol == sim.ProtocolMediated {
		tries = append(tries, "--set protocol.kind=alternating (the parties propose in turn, you among them)")
	}
	if len(s.movesIn) > 0 {
		tries = append(tries, fmt.Sprintf("a variant in which you have a move: %s", sim.JoinWords(prefixed("--variant ", s.movesIn), "or")))
	}
	if len(tries) > 0 {
		s.say("To negotiate, try %s.", sim.JoinWords(tries, "or"))
	}
	if s.movesSearchCut {
		s.say("The search for variants in which you have a move stopped at the --timeout of %s, before it had tried them all.", durationAsTyped(s.settings.Timeout))
	}
}

func prefixed(prefix string, items []string) []string {
	out := make([]string, len(items))
	for i, it := range items {
		out[i] = prefix + it
	}
	return out
}

func (s *session) help() {
	v := s.g.View()
	s.say("Commands:")
	s.say("  accept                  accept the proposal on the table")
	s.say("  reject                  reject it")
	switch {
	case v.Protocol == sim.ProtocolAlternating:
		s.say("  offer issue=option,...  propose a deal on your turn, or answer a proposal with a counter offer")
	case v.Mediator == v.Seat:
		s.say("  offer issue=option,...  put your text on the table (you are the mediator)")
	}
	s.say("  show                    your brief: your points for every option, your red lines, your walk-away value")
	s.say("  score issue=option,...  what a deal would be worth to you (one issue alone: what that option adds)")
	s.say("  help                    this list")
	if v.Veto {
		s.say("  quit                    leave the table: the talks end without agreement")
	} else {
		s.say("  quit                    leave the table: the others talk on without you, as if you rejected every text")
	}
	ids := make([]string, len(s.sc.Issues))
	for k, is := range s.sc.Issues {
		ids[k] = is.ID
	}
	s.say("A deal names one option for every issue: %s.", strings.Join(ids, ", "))
}

func (s *session) scoreDeal(text string) {
	choice, err := sim.ParseDeal(text, s.sc)
	if err != nil {
		if worth, ok := s.optionWorth(text); ok {
			s.say("%s", worth)
			return
		}
		s.say("%v", err)
		return
	}
	w := s.g.Worth(choice)
	s.say("Worth %s points to you. %s", pts(w.Utility), s.margin(w))
}

// optionWorth answers "score issue=option" for one issue of several: what that option adds
// to any deal for the seat, from its role brief, so that a student checking one option
// need not type a whole deal. ok is false for anything else, which ParseDeal then explains.
func (s *session) optionWorth(text string) (string, bool) {
	issue, option, ok := strings.Cut(text, "=")
	if !ok || strings.Contains(text, ",") || len(s.sc.Issues) < 2 {
		return "", false
	}
	k, err := sim.FindIssue(s.sc, strings.TrimSpace(issue))
	if err != nil {
		return "", false
	}
	o, err := sim.FindOption(&s.sc.Issues[k], strings.TrimSpace(option))
	if err != nil {
		return "", false
	}
	ri := s.g.Brief().Role.Issues[k]
	ro := ri.Options[o]
	line := fmt.Sprintf("%s = %s adds %s points to any deal for you (%s of your points ride on %s; this option is worth %s of 100 there).",
		ri.Issue, ro.Option, points(ro.Points), wholePercent(ri.Share), ri.Issue, points(ro.Value))
	if !ro.Acceptable {
		line += " It is one of your red lines."
	}
	return line + " A whole deal, one option for every issue, is worth the sum of its options' points.", true
}

// margin says how a deal stands against the seat's walk-away value and red lines.
func (s *session) margin(w sim.Worth) string {
	var text string
	if w.Surplus >= -sim.Tolerance {
		text = fmt.Sprintf("%s points above your walk-away value of %s (surplus %s).", pts(max(0, w.Surplus)), pts(w.Reservation), signedPts(w.Surplus))
	} else {
		text = fmt.Sprintf("%s points below your walk-away value of %s (surplus %s).", shortPoints(-100*w.Surplus), pts(w.Reservation), signedPts(w.Surplus))
	}
	var crossed []string
	for _, r := range w.Rejections {
		switch r.Kind {
		case sim.RejectRedLine:
			crossed = append(crossed, fmt.Sprintf("%s = %s", r.Issue, r.Option))
		case sim.RejectConstraint:
			crossed = append(crossed, "your condition: "+clause(r.Why))
		}
	}
	if len(crossed) > 0 {
		text += fmt.Sprintf(" It crosses your red lines: %s.", strings.Join(crossed, "; "))
	}
	if w.Ratified != nil && !*w.Ratified {
		text += " It would not be ratified at home."
	} else if w.Ratified != nil {
		text += " It would be ratified at home."
	}
	return text
}

// turn shows the seat what it may know at its turn.
func (s *session) turn(v *sim.PlayView) {
	s.say("")
	s.say("== Round %d (the last is round %d) ==", v.Round, v.Deadline-1)
	for _, why := range v.Events {
		s.say("Event: %s.", clause(why))
	}
	s.walkAway(v.Reservation)
	if v.Turn == sim.TurnOffer {
		if v.Protocol == sim.ProtocolMediated {
			s.say("You are the mediator: put a text on the table with offer issue=option,... (one option for every issue; show lists them).")
		} else {
			s.say("Your turn to propose: offer issue=option,... (one option for every issue; show lists them).")
		}
		return
	}
	p := v.Proposal
	// A neutral mediator is no actor, and has no name of its own.
	proposer := s.name(p.By)
	if p.By == "" {
		proposer = "The mediator"
	}
	switch {
	case s.lastProposal == "":
		// The first text on the table changes nothing: marking every line of it as changed
		// sent students looking for a proposal before it.
		s.say("%s puts this on the table:", proposer)
		s.deal(p.Options, nil)
	case len(p.Changed) == 0 && p.By == s.lastBy:
		s.say("%s puts the same deal on the table again.", proposer)
	case len(p.Changed) == 0:
		s.say("%s puts on the table the same deal as %s.", proposer, s.lastProposal)
	default:
		s.say("%s puts this on the table (* changed since the last proposal):", proposer)
		s.deal(p.Options, p.Changed)
	}
	s.say("Worth %s points to you.", pts(p.Utility))
	if v.Coach != nil {
		s.say("Coach: %s", s.margin(*v.Coach))
	}
	var yes, no, homeYes, homeNo []string
	holdsOut := false
	for _, ac := range s.sc.Actors {
		y, n := &yes, &no
		if s.sc.RatifiesFor(ac.ID) != "" {
			y, n = &homeYes, &homeNo
		}
		switch {
		case ac.ID == v.Seat:
		case slices.Contains(v.AcceptedBy, ac.ID):
			*y = append(*y, ac.Name)
		case ac.ID == p.By:
			// A proposer offers the best it can when nothing within everyone's red lines
			// meets what it asks for now, and does not accept that itself.
			holdsOut = true
		default:
			*n = append(*n, ac.Name)
		}
	}
	if len(yes)+len(no) > 0 {
		s.say("Accepted so far by: %s. Rejected by: %s.", orNone(yes), orNone(no))
	}
	// A ratifier's seat counts at home, which atHome says below, not toward the table's votes.
	if st := s.sc.StandingOf(v.Seat); st.Kind != sim.StandingRatifier && st.VotesNeeded > 0 {
		gathered := 0
		for _, ac := range s.sc.Actors {
			if ac.ID != v.Seat && s.sc.RatifiesFor(ac.ID) == "" && slices.Contains(v.AcceptedBy, ac.ID) {
				gathered += max(0, ac.Votes)
			}
		}
		s.say("%s", votesSoFar(gathered, st.VotesNeeded, st.Votes))
	}
	if home := atHome(homeYes, homeNo); home != "" {
		s.say("At home so far, %s.", home)
	}
	if holdsOut {
		s.say("Not yet %s.", byProposer(s.name(p.By), slices.Contains(p.NotRatifiedFor, p.By), p.CrossesProposerRedLines))
	}
	moves := "accept or reject"
	if v.CanCounter {
		moves = "accept, reject, or offer issue=option,... as a counter"
	}
	s.say("Your move: %s.", moves)
}

// votesSoFar tells a seat, before it answers, what its yes does to the count: the others'
// votes for the proposal against those a deal needs, and the count with its own. A seat
// without a veto otherwise had to count the names that accepted to see whether its vote
// was the one missing.
func votesSoFar(gathered, needed, own int) string {
	if own == 0 {
		return fmt.Sprintf("So far %s of the %d needed; you hold no vote.", plural(gathered, "vote", "votes"), needed)
	}
	return fmt.Sprintf("So far %s of the %d needed; with yours, %d.", plural(gathered, "vote", "votes"), needed, gathered+own)
}

// byProposer says who proposed a deal it has not accepted, and why, in the words of both
// the turn ("Not yet accepted by ...") and the round's answers after it ("not accepted
// by ..."). A mediator's text keeps the veto actors' red lines only, so a mediator without
// a veto may table a text that crosses its own. A proposer whose deals are ratified at home
// offers its own best when none it accepts would pass there; that text may give it all it
// asks and still fail at home. Otherwise the text keeps the proposer's red lines, so one it
// does not accept falls short of its aspiration.
func byProposer(name string, notRatified, crossesRedLines bool) string {
	switch {
	case crossesRedLines:
		return fmt.Sprintf("accepted by the proposer, %s: the proposal crosses the proposer's own red lines", name)
	case notRatified:
		return fmt.Sprintf("accepted by the proposer, %s: its deals must be ratified at home, and this one would not be", name)
	}
	return fmt.Sprintf("accepted by the proposer, %s: the proposal gives less than the proposer's aspiration", name)
}

func orNone(names []string) string {
	if len(names) == 0 {
		return "no one"
	}
	return sim.JoinWords(names, "and")
}

func (s *session) deal(options map[string]string, changed []string) {
	width := 0
	for _, is := range s.sc.Issues {
		width = max(width, len(is.ID))
	}
	for _, is := range s.sc.Issues {
		mark := " "
		if slices.Contains(changed, is.ID) {
			mark = "*"
		}
		s.say("  %s %-*s  %s", mark, width, is.ID, s.wd.option(is.ID, options[is.ID]))
	}
}

// walkAway says when the seat's walk-away value has changed since it was last shown, as it
// is shown: a value computed in a round and the same value presented to 12 decimals are
// one value, and a change too small to show would read "now 41.0" after 41.0.
func (s *session) walkAway(reservation float64) {
	if pts(reservation) != pts(s.reservation) {
		s.say("Your walk-away value is now %s points.", pts(reservation))
		s.reservation = reservation
	}
}

// heard reports the answers to the proposals since the seat's last move.
func (s *session) heard(hs []sim.Heard) {
	seat := s.g.View().Seat
	for _, h := range hs {
		if h.Basis == sim.BasisNoText {
			if h.NoText == s.lastNoText {
				s.say("Round %d: nothing on the table again, for the same reason.", h.Round)
			} else {
				s.say("Round %d: nothing on the table; %s.", h.Round, h.NoText)
			}
			s.lastNoText = h.NoText
			s.walkAway(h.Reservation)
			continue
		}
		s.lastNoText = ""
		what := "the proposal by " + s.name(h.By)
		switch {
		case h.Basis == sim.BasisCounter:
			what = "your counter offer"
		case h.By == seat:
			what = "your proposal"
		case h.By == "":
			what = "the mediator's proposal"
		}
		s.lastBy, s.lastProposal = h.By, what
		if h.Basis == sim.BasisCounter {
			s.lastBy = seat
		}
		// A ratifier sits at no table: its answer is a vote at home, said apart.
		var yes, no, homeYes, homeNo, vetoed []string
		holdsOut := false
		for _, ac := range s.sc.Actors {
			who := ac.Name
			if ac.ID == seat {
				who = "you"
				if h.SeatAway {
					continue
				}
			}
			y, n := &yes, &no
			if s.sc.RatifiesFor(ac.ID) != "" {
				y, n = &homeYes, &homeNo
			}
			if ac.Veto && !slices.Contains(h.AcceptedBy, ac.ID) {
				vetoed = append(vetoed, who)
			}
			switch {
			case slices.Contains(h.AcceptedBy, ac.ID):
				*y = append(*y, who)
			case ac.ID == h.By && ac.ID != seat:
				// As at the turn: a proposer that offers less than it asks for now has not
				// accepted its own text, which is not rejecting it.
				holdsOut = true
			default:
				*n = append(*n, who)
			}
		}
		answers := fmt.Sprintf("accepted by %s; rejected by %s", orNone(yes), orNone(no))
		if home := atHome(homeYes, homeNo); home != "" {
			answers += "; at home, " + home
		}
		if holdsOut {
			answers += "; not " + byProposer(s.name(h.By), slices.Contains(h.NotRatifiedFor, h.By), h.CrossesProposerRedLines)
		}
		if h.SeatAway {
			answers += "; you had left the table"
		}
		end := "No agreement."
		if h.Agreement {
			end = "Agreement."
		} else if len(h.NotRatifiedFor) > 0 && len(vetoed) == 0 {
			// Home is the reason only where the table agreed: a veto actor's no, said in the
			// answers before, comes first. The seat is "you" here as in those answers.
			whose := actorNames(s.sc, h.NotRatifiedFor)
			if k := slices.Index(h.NotRatifiedFor, seat); k >= 0 {
				whose[k] = "you"
			}
			end = fmt.Sprintf("No agreement: it would not be ratified at home for %s.", sim.JoinWords(whose, "and"))
		}
		if h.Votes != nil {
			needed := agreementOf(s.sc).votes
			// Votes enough without agreement read as a miscount unless the vetoes are named.
			if !h.Agreement && len(h.NotRatifiedFor) == 0 && *h.Votes >= needed && len(vetoed) > 0 {
				verb := "holds"
				if len(vetoed) > 1 || vetoed[0] == "you" {
					verb = "hold"
				}
				end = fmt.Sprintf("No agreement: %s %s a veto and did not accept it.", sim.JoinWords(vetoed, "and"), verb)
			}
			end = fmt.Sprintf("%s of the %d needed. %s", plural(*h.Votes, "vote", "votes"), needed, end)
		}
		if w := s.offerWorth; w != nil && (h.Basis == sim.BasisPlayer || h.Basis == sim.BasisCounter) {
			s.say("Coach: your offer is worth %s points to you: %s", pts(w.Utility), s.margin(*w))
			s.offerWorth = nil
		}
		s.say("Round %d, %s: %s. %s", h.Round, what, answers, end)
	}
}

// ending shows how the talks ended: the outcome, every actor's points and surplus, and
// how the deal compares with the Nash deal and the frontier.
func (s *session) ending() {
	tr := s.g.Transcript()
	out := tr.Outcome
	s.say("")
	s.say("== The talks are over ==")
	// A seat without a veto that left is told so first, in the same line as how the others'
	// talks ended, which is what came of its move.
	left := ""
	if tr.LeftInRound != nil {
		left = fmt.Sprintf("You left the table in round %d; without a veto, you could not stop the others, who talked on without you. ", *tr.LeftInRound)
		// Under a decision rule a seat's absence still counts: its votes are missing from
		// every proposal after, and a deal short of just those failed for want of them.
		if st := s.sc.StandingOf(tr.Seat); st.VotesNeeded > 0 && st.Votes > 0 {
			yours := "your vote"
			if st.Votes > 1 {
				yours = fmt.Sprintf("your %d votes", st.Votes)
			}
			left = fmt.Sprintf("You left the table in round %d; the others talked on without you, and %s counted as no on every proposal after. ", *tr.LeftInRound, yours)
		}
	}
	switch tr.Ended {
	case sim.EndQuit:
		s.say("You left the table in round %d: no agreement, and everyone keeps its walk-away value.", out.Round)
	case sim.EndDeadline:
		s.say("%sNo deal was agreed by the deadline (round %d): everyone keeps its walk-away value.", left, out.Round)
	default:
		s.say("%sAgreement in round %d:", left, out.Round)
		s.deal(out.Deal.Options, nil)
		s.ruledOut()
	}
	s.noTexts(tr)
	g := &grid{header: []string{"actor", "veto", "points", "walk-away", "surplus"}, right: []bool{false, false, true, true, true}}
	for _, ac := range tr.Actors {
		name := ac.Name
		if ac.ID == tr.Seat {
			name += " (you)"
		}
		r := out.Reservations[ac.ID]
		u := r
		if out.Deal != nil {
			u = out.Deal.Utilities[ac.ID]
		}
		g.add(name, yesNo(ac.Veto), pts(u), pts(r), signedPts(u-r))
	}
	s.say("Points at round %d's walk-away values:", out.Round)
	if s.width > 0 {
		g.renderFitted(s.stdout, s.width)
	} else {
		g.render(s.stdout, false)
	}
	if valuesMove(s.sc) {
		s.say("%s", scoredAtStart)
	}
	if out.Deal == nil {
		if len(tr.Rounds) == 0 {
			return
		}
		last := tr.Rounds[len(tr.Rounds)-1]
		if zone := ruledZone(s.sc); last.ZOPA > 0 && zone != "" {
			s.say("A deal was possible: %s in the zone at round %d's walk-away values, %s.", plural(last.ZOPA, "deal", "deals"), last.Round, zone)
		} else if last.ZOPA > 0 {
			s.say("A deal was possible: %s every party with a veto would have accepted at round %d's walk-away values.", plural(last.ZOPA, "deal", "deals"), last.Round)
		} else if tr.RipeAt == nil {
			s.say("No deal was possible: the zone of possible agreement was empty in every round played.")
		} else {
			s.say("The zone of possible agreement was open from round %d, and closed again by round %d.", *tr.RipeAt, last.Round)
		}
		return
	}
	// The frontier is of the zone: a deal within everyone's red lines may still fail a
	// ratifier's reservation or the votes, so it is no rival to the one agreed.
	switch {
	case out.OutsideZone:
		s.say("Not on the Pareto frontier: the deal is outside the zone of possible agreement at round %d's walk-away values, and the frontier is made of the zone's deals.", out.Round)
	case out.Deal.Pareto:
		s.say("On the Pareto frontier: no other deal in the zone of possible agreement at round %d's walk-away values is better for one %s and no worse for any.", out.Round, partiesWord(s.sc))
	default:
		s.say("Not on the Pareto frontier: another deal in the zone of possible agreement at round %d's walk-away values is better for one %s and no worse for any.", out.Round, partiesWord(s.sc))
	}
	for _, gap := range out.Solutions {
		if gap.Solution != "nash" {
			continue
		}
		if gap.IssuesDiffering == 0 {
			s.say("It is the Nash deal at round %d's walk-away values.", out.Round)
			break
		}
		var differ []string
		for _, is := range s.sc.Issues {
			if gap.Options[is.ID] != out.Deal.Options[is.ID] {
				differ = append(differ, fmt.Sprintf("%s (Nash: %s)", is.ID, gap.Options[is.ID]))
			}
		}
		s.say("Compared with the Nash deal at round %d's walk-away values: %s, %s; the parties' points lie %s apart.",
			out.Round, issuesDiffer(gap.IssuesDiffering, len(s.sc.Issues)), strings.Join(differ, ", "), points(100*gap.UtilityDistance))
	}
}

// ruledOut says when the seat agreed a deal its own values rule out (across a red line, or
// worth less than no deal): the person may accept anything, and the table below shows only
// the points.
func (s *session) ruledOut() {
	if w := s.g.Agreed(); w != nil && len(w.Rejections) > 0 {
		s.say("Your own values rule this deal out: %s", s.margin(*w))
	}
}

// noTexts says, at the end, in which rounds nothing was on the table and why.
func (s *session) noTexts(tr *sim.PlayTranscript) {
	if len(tr.NoText) == 0 {
		return
	}
	if len(tr.NoText) == len(tr.Rounds) {
		s.say("Nothing was on the table in any round: %s.", tr.NoText[0].Why)
		return
	}
	why := map[string][]string{}
	var order []string
	for _, nt := range tr.NoText {
		if _, ok := why[nt.Why]; !ok {
			order = append(order, nt.Why)
		}
		why[nt.Why] = append(why[nt.Why], fmt.Sprint(nt.Round))
	}
	for _, w := range order {
		rounds, word := why[w], "round"
		if len(rounds) > 1 {
			word = "rounds"
		}
		s.say("Nothing was on the table in %s %s: %s.", word, sim.JoinWords(rounds, "and"), w)
	}
}

// atHome is the ratifiers' answers to a deal, a vote at home rather than at the table:
// "yes from A, no from B", or "" where the scenario has no ratifier.
func atHome(yes, no []string) string {
	var home []string
	if len(yes) > 0 {
		home = append(home, "yes from "+sim.JoinWords(yes, "and"))
	}
	if len(no) > 0 {
		home = append(home, "no from "+sim.JoinWords(no, "and"))
	}
	return strings.Join(home, ", ")
}

// scoredAtStart warns a seat whose talks moved walk-away values or weights that the class's
// scores are not the points above: Ukraine, accepting the United States' round-7 text under
// sanctions-bite, saw 54.1 here and 52.3 in score, and took the debrief for a mistake.
const scoredAtStart = "Score and debrief weigh the session at the scenario's starting values, before the rounds' drift and events, so their points can differ from these."

// valuesMove reports whether the rounds move any value a session is scored by: a
// reservation's drift, or an event.
func valuesMove(sc *sim.Scenario) bool {
	return len(sc.Events) > 0 || slices.ContainsFunc(sc.Actors, func(a sim.Actor) bool { return a.ReservationDrift != 0 })
}
