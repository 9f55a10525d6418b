package main

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"

	"gonum.org/v1/plot/vg"

	"github.com/negsim/negsim/sim"
)

func roundsReport(sc *sim.Scenario, tr *sim.Transcript) *report {
	r := &report{title: sc.Name + ": bargaining rounds"}
	var how string
	if tr.Protocol == sim.ProtocolMediated {
		mediator := "a neutral mediator"
		if tr.Mediator != "" {
			mediator = actorName(sc, tr.Mediator)
		}
		// With no veto at all the parties are the voters (MODEL.md section 6): the mediator
		// weighs their surpluses and they take the turns.
		rule := "the Nash product of the veto actors' surpluses"
		if !agreementOf(sc).veto {
			rule = "the Nash product of the parties' surpluses (every actor with a vote, as none holds a veto)"
		}
		if tr.Rule == sim.RuleMediator {
			rule = "its own utility"
		}
		how = fmt.Sprintf("Mediated talks: each round %s proposes one text, chosen by %s.", mediator, rule)
	} else if agreementOf(sc).veto {
		how = "Alternating offers: the veto actors propose in turn."
	} else {
		how = "Alternating offers: no actor holds a veto, so the actors with a vote propose in turn."
	}
	intro := section{title: "Setup", text: append(append([]string{how}, whoMustAgree(words{sc})...),
		fmt.Sprintf("Deadline: %s (0 to %s). Seed %d (the rounds draw no random numbers).", plural(tr.Deadline, "round", "rounds"), count(uint64(tr.Deadline-1)), tr.Seed))}
	if p := sc.Protocol; p.Source != "" || p.Note != "" {
		intro.text = append(intro.text, strings.TrimSpace(strings.Join([]string{labelled("Source", p.Source), labelled("Note", p.Note)}, " ")))
	}
	g := &grid{header: []string{"actor", "veto", "strategy", "exponent e"}, right: []bool{false, false, false, true}}
	for _, ac := range tr.Actors {
		veto := "yes"
		if !ac.Veto {
			veto = "no"
		}
		e := ""
		if ac.Exponent != nil {
			e = fmt.Sprintf("%g", *ac.Exponent)
		}
		strategy := string(ac.Strategy)
		if sc.RatifiesFor(ac.ID) != "" {
			// A ratifier concedes nothing: it votes at home by its reservation of the round. The
			// cell names no verb or pronoun, so it reads right beside a plural name.
			strategy, e = "a vote at home, by the reservation", ""
		}
		g.add(ac.Name, veto, strategy, e)
	}
	intro.grid = g
	r.add(intro)

	perActor := "Per actor: reservation / aspiration / utility of the proposal."
	if slices.ContainsFunc(tr.Actors, func(ac sim.RoundsActor) bool { return sc.RatifiesFor(ac.ID) != "" }) {
		perActor = "Per actor: reservation / aspiration / utility of the proposal; a ratifier has no aspiration (–): it votes by its reservation."
	}
	rounds := section{title: "Rounds", text: []string{
		perActor + " The proposal lists only the issues that changed since the last one.",
	}}
	rounds.text = append(rounds.text, basisNotes(sc, tr)...)
	if tr.RipeAt != nil {
		rounds.text = append(rounds.text, fmt.Sprintf("Talks are ripe from round %d: a ZOPA exists at that round's reservations.", *tr.RipeAt))
	} else {
		rounds.text = append(rounds.text, "The ZOPA is empty in every round: the talks never ripen.")
	}
	for _, rd := range tr.Rounds {
		if len(rd.Misjudged) > 0 {
			rounds.text = append(rounds.text, "Misjudged: the proposer believed its proposal would pass, but the actors named rejected it; its picture of them (its beliefs) was wrong.")
			break
		}
	}
	rounds.grid = roundsGrid(sc, tr)
	r.add(rounds)

	var events []string
	for _, rd := range tr.Rounds {
		for _, ev := range rd.Events {
			events = append(events, fmt.Sprintf("- round %d: %s [%s]", rd.Round, ev.Why, eventChanges(ev)))
		}
	}
	if len(events) > 0 {
		r.add(section{title: "Events", text: events})
	}
	r.add(outcomeSection(sc, tr))
	return r
}

func eventChanges(ev sim.FiredEvent) string {
	var parts []string
	for _, as := range ev.Set {
		parts = append(parts, fmt.Sprintf("%s = %v", as.Path, as.Value))
	}
	for _, as := range ev.Add {
		// A fall reads as one: "-= 0.04", not "+= -0.04".
		op, by := "+=", as.Value
		switch x := as.Value.(type) {
		case float64:
			if x < 0 {
				op, by = "-=", -x
			}
		case int:
			if x < 0 {
				op, by = "-=", -x
			}
		}
		parts = append(parts, fmt.Sprintf("%s %s %v", as.Path, op, by))
	}
	return strings.Join(parts, "; ")
}

// compactProposal shows only the issues that changed, so a reader sees the moves. A round
// with nothing on the table says why, in the engine's words (the proposer's, as it sees the
// red lines); told names the round that first gave each reason, so that talks stalled for
// one reason say it once rather than in every row.
func compactProposal(rd *sim.Round, told map[string]int) string {
	p := rd.Proposal
	if p == nil {
		if first, ok := told[rd.NoText]; ok {
			return fmt.Sprintf("none, for the same reason as in round %d", first)
		}
		told[rd.NoText] = rd.Round
		return "none: " + rd.NoText
	}
	if len(p.Changed) == 0 {
		return "unchanged"
	}
	var parts []string
	for _, id := range p.Changed {
		parts = append(parts, id+"="+p.Options[id])
	}
	return strings.Join(parts, " ")
}

// basisNotes says what the marks proposalBy adds to "by" mean, once each, for the marks the
// talks use: they tell a student why a text is not the deal the setup's rule would pick.
// Under a decision rule or ratification the mediator falls back when no deal would pass,
// which may be for want of votes or of a ratifier's yes while every veto actor's aspiration
// is met (a lone veto party's best, say): the note names all the rule asks.
func basisNotes(sc *sim.Scenario, tr *sim.Transcript) []string {
	used := map[sim.Basis]bool{}
	for _, rd := range tr.Rounds {
		if rd.Proposal != nil {
			used[rd.Proposal.Basis] = true
		}
	}
	var notes []string
	if used[sim.BasisClosest] && ruledZone(sc) != "" {
		notes = append(notes, fmt.Sprintf("\"closest\" beside the proposer: no deal would have won %s in that round, so it put forward the deal nearest to passing: the one that would pass if every actor lowered what it asks for by the least.", whatAgreementTakes(sc)))
	} else if used[sim.BasisClosest] {
		notes = append(notes, "\"closest\" beside the proposer: no deal gave every veto actor its aspiration, so it put forward the deal whose largest shortfall below an aspiration is smallest.")
	}
	// A proposer whose deals are ratified at home offers only what its ratifiers would pass:
	// its own best may meet its aspiration and still fail at home. With no veto actor no one
	// else's red lines bound what a proposer offers.
	if used[sim.BasisOwnBest] {
		ag := agreementOf(sc)
		ruledOut, offered := "its aspiration", "every deal within the veto actors' red lines, so it offered its own best deal among them"
		if ag.ratified {
			ruledOut = "its aspiration, or the vote at home on its deals,"
		}
		if !ag.veto {
			offered = "every deal, so it offered its own best deal"
		}
		notes = append(notes, fmt.Sprintf("\"own best\" beside the proposer: %s ruled out %s.", ruledOut, offered))
	}
	return notes
}

func proposalBy(tr *sim.Transcript, p *sim.Proposal) string {
	if p == nil {
		return ""
	}
	by := p.By
	if by == "" {
		by = "mediator"
	}
	if p.Basis == sim.BasisClosest || p.Basis == sim.BasisOwnBest {
		by += " (" + strings.ReplaceAll(string(p.Basis), "_", " ") + ")"
	}
	return by
}

func roundsGrid(sc *sim.Scenario, tr *sim.Transcript) *grid {
	g := &grid{header: []string{"round"}, right: []bool{true}}
	for _, ac := range tr.Actors {
		g.header = append(g.header, ac.ID+" r / a / u")
		g.right = append(g.right, true)
	}
	g.header = append(g.header, "proposal", "by", "accepted by", "ZOPA", "events")
	g.right = append(g.right, false, false, false, true, false)
	told := map[string]int{}
	for _, rd := range tr.Rounds {
		row := []string{fmt.Sprint(rd.Round)}
		for _, ar := range rd.Actors {
			// The dash a ratifier's missing aspiration takes: no proposal, no utility.
			u := "–"
			if ar.Utility != nil {
				u = num(*ar.Utility)
			}
			asp := num(ar.Aspiration)
			if sc.RatifiesFor(ar.Actor) != "" {
				asp = "–"
			}
			row = append(row, fmt.Sprintf("%s / %s / %s", num(ar.Reservation), asp, u))
		}
		// A ratifier sits at no table and holds none of its votes: it says yes at home, so
		// it is written apart from the actors that accept and after their count of votes.
		var atTable, atHome []string
		for _, id := range rd.AcceptedBy {
			if sc.RatifiesFor(id) != "" {
				atHome = append(atHome, id)
			} else {
				atTable = append(atTable, id)
			}
		}
		accepted := strings.Join(atTable, ", ")
		if accepted == "" {
			accepted = "none"
		}
		if rd.Agreement && agreementOf(sc).veto {
			accepted = "all veto actors: agreement"
		} else if rd.Agreement {
			accepted = "agreement"
		}
		if rd.Votes != nil {
			accepted += " (" + plural(*rd.Votes, "vote", "votes") + ")"
		}
		// The round of agreement says it too: the ratifiers' yes is part of what made it.
		if len(atHome) > 0 {
			accepted += "; yes at home: " + strings.Join(atHome, ", ")
		}
		if len(rd.Misjudged) > 0 {
			accepted += "; misjudged " + strings.Join(rd.Misjudged, ", ")
		}
		var whys []string
		for _, ev := range rd.Events {
			whys = append(whys, ev.Why)
		}
		row = append(row, compactProposal(&rd, told), proposalBy(tr, rd.Proposal), accepted, count(rd.ZOPA), strings.Join(whys, "; "))
		g.add(row...)
	}
	return g
}

// roundsCSVGrid has one column per value and the full deal in every row, for spreadsheets.
func roundsCSVGrid(sc *sim.Scenario, tr *sim.Transcript) *grid {
	g := &grid{header: []string{"round", "zopa_size", "ripe", "proposer", "basis"}}
	for _, is := range sc.Issues {
		g.header = append(g.header, is.ID)
	}
	for _, ac := range tr.Actors {
		g.header = append(g.header, "reservation_"+ac.ID, "aspiration_"+ac.ID, "utility_"+ac.ID, "accepts_"+ac.ID)
	}
	g.header = append(g.header, "agreement", "events")
	votes, misjudged, noText := false, false, false
	for _, rd := range tr.Rounds {
		votes = votes || rd.Votes != nil
		misjudged = misjudged || len(rd.Misjudged) > 0
		noText = noText || rd.NoText != ""
	}
	if votes {
		g.header = append(g.header, "votes")
	}
	if misjudged {
		g.header = append(g.header, "misjudged")
	}
	if noText {
		g.header = append(g.header, "no_text")
	}
	for _, rd := range tr.Rounds {
		row := []string{fmt.Sprint(rd.Round), fmt.Sprint(rd.ZOPA), fmt.Sprint(rd.Ripe)}
		if p := rd.Proposal; p != nil {
			row = append(row, p.By, string(p.Basis))
			for _, is := range sc.Issues {
				row = append(row, p.Options[is.ID])
			}
		} else {
			row = append(row, "", "")
			for range sc.Issues {
				row = append(row, "")
			}
		}
		for _, ar := range rd.Actors {
			u := ""
			if ar.Utility != nil {
				u = fmt.Sprint(*ar.Utility)
			}
			row = append(row, fmt.Sprint(ar.Reservation), fmt.Sprint(ar.Aspiration), u, fmt.Sprint(ar.Accepts))
		}
		var whys []string
		for _, ev := range rd.Events {
			whys = append(whys, ev.Why)
		}
		row = append(row, fmt.Sprint(rd.Agreement), strings.Join(whys, "; "))
		if votes {
			v := ""
			if rd.Votes != nil {
				v = fmt.Sprint(*rd.Votes)
			}
			row = append(row, v)
		}
		if misjudged {
			row = append(row, strings.Join(rd.Misjudged, " "))
		}
		if noText {
			row = append(row, rd.NoText)
		}
		g.add(row...)
	}
	return g
}

// whatAgreementTakes names what a proposal must win to be agreed: every veto actor, the
// table's votes and ratification at home, each where the scenario asks for it.
func whatAgreementTakes(sc *sim.Scenario) string {
	ag := agreementOf(sc)
	var needs []string
	if ag.veto {
		needs = append(needs, "every veto actor")
	}
	if ag.votes > 0 {
		needs = append(needs, "the votes needed")
	}
	if ag.ratified {
		needs = append(needs, "ratification at home")
	}
	return sim.JoinWords(needs, "and")
}

func outcomeSection(sc *sim.Scenario, tr *sim.Transcript) section {
	out := tr.Outcome
	s := section{title: "Outcome"}
	if !out.Agreement {
		s.text = append(s.text, fmt.Sprintf("Breakdown: no proposal won %s by the deadline (round %d, the last of rounds 0 to %d). Every actor is left with its reservation:", whatAgreementTakes(sc), out.Round, tr.Deadline-1))
		g := &grid{header: []string{"actor", "reservation at the end"}, right: []bool{false, true}}
		for _, ac := range tr.Actors {
			g.add(ac.Name, num(out.Reservations[ac.ID]))
		}
		s.grid = g
		return s
	}
	d := out.Deal
	pareto := "Pareto-optimal at that round's reservations"
	if !d.Pareto {
		pareto = "not Pareto-optimal: another deal in the zone at that round's reservations is better for one " + partiesWord(sc) + " and no worse for any"
	}
	// Rounds are numbered from 0 everywhere (the table, the chart, the JSON): "round 5 of 6"
	// would read as the fifth.
	s.text = append(s.text, fmt.Sprintf("Agreement in round %d of rounds 0 to %d (%s).", out.Round, tr.Deadline-1, pareto))
	var parts []string
	for _, is := range sc.Issues {
		parts = append(parts, fmt.Sprintf("%s = %s", is.ID, d.Options[is.ID]))
	}
	s.text = append(s.text, "  "+strings.Join(parts, ", "))
	if out.ClosestSolution != "" {
		for _, g := range out.Solutions {
			if g.Solution != out.ClosestSolution {
				continue
			}
			same := fmt.Sprintf("%s, utility distance %s", issuesDiffer(g.IssuesDiffering, len(sc.Issues)), num(g.UtilityDistance))
			if g.IssuesDiffering == 0 {
				same = "the same deal"
			}
			s.text = append(s.text, fmt.Sprintf("Closest bargaining solution at round %d's reservations: %s (%s).", out.Round, g.Solution.Title(), same))
		}
	}
	g := &grid{header: []string{"actor", "utility", "reservation", "surplus", "accepts"}, right: []bool{false, true, true, true, false}}
	for _, ac := range tr.Actors {
		acc := "yes"
		if !d.Accepts[ac.ID] {
			acc = "no"
		}
		if !ac.Veto {
			acc += noVetoMark(sc, ac.ID)
		}
		g.add(ac.Name, num(d.Utilities[ac.ID]), num(out.Reservations[ac.ID]), signed(d.Surplus[ac.ID]), acc)
	}
	s.grid = g
	return s
}

// roundsChart draws each actor's aspiration (solid), the utility it gets from the proposal
// (dashed, when there is one) and its reservation (dotted) over the rounds, numbered from 0 as the transcript
// numbers them, the ZOPA size below, and the events on both: a short tag on the chart,
// the event itself in the legend. Only the actors at the table are drawn: a ratifier of sc
// never bargains, so its aspiration would be a line no one acts on.
func roundsChart(w io.Writer, format string, title string, sc *sim.Scenario, tr *sim.Transcript) error {
	top, zopa := roundsPanels(title, sc, tr)
	return writeChart(w, format, 8*vg.Inch, 8*vg.Inch, top, zopa)
}

// proposalMade reports whether anyone put a deal on the table in the talks: only then do
// the rounds chart's dashed lines of utility exist to be named.
func proposalMade(tr *sim.Transcript) bool {
	for _, rd := range tr.Rounds {
		for _, ar := range rd.Actors {
			if ar.Utility != nil {
				return true
			}
		}
	}
	return false
}

// roundsPanels are the two panels of the rounds chart: utilities above, ZOPA size below.
// With sc nil, every actor of the transcript is drawn.
func roundsPanels(title string, sc *sim.Scenario, tr *sim.Transcript) (panel, panel) {
	last := float64(tr.Deadline - 1)
	top := panel{title: title + ": bargaining rounds", xLabel: "round", yLabel: "utility", fixed: true, yMin: 0, yMax: 1, legend: true, xFixed: true, xMax: last, wholeX: true}
	var ratifiers []string
	for i, ac := range tr.Actors {
		if sc != nil && sc.RatifiesFor(ac.ID) != "" {
			ratifiers = append(ratifiers, ac.Name)
			continue
		}
		// The colour names the actor, the line style what is drawn (the keys below).
		name := wrapWords(cmp.Or(ac.Name, ac.ID), legendNoteWidth)
		asp := chartLine{label: name[0], color: i, points: true}
		got := chartLine{color: i, dashed: true}
		res := chartLine{color: i, dotted: true}
		for _, rd := range tr.Rounds {
			ar := rd.Actors[i]
			asp.xs, asp.ys = append(asp.xs, float64(rd.Round)), append(asp.ys, ar.Aspiration)
			res.xs, res.ys = append(res.xs, float64(rd.Round)), append(res.ys, ar.Reservation)
			if ar.Utility != nil {
				got.xs, got.ys = append(got.xs, float64(rd.Round)), append(got.ys, *ar.Utility)
			}
		}
		top.lines = append(top.lines, asp)
		for _, more := range name[1:] {
			top.lines = append(top.lines, chartLine{key: true, plain: true, label: more})
		}
		if len(got.xs) > 0 {
			top.lines = append(top.lines, got)
		}
		top.lines = append(top.lines, res)
	}
	// The key names the styles drawn: talks where no one proposed have no utility line,
	// and their only dashed lines are the events'.
	top.lines = append(top.lines, chartLine{key: true, label: "solid: aspiration"})
	if proposalMade(tr) {
		top.lines = append(top.lines, chartLine{key: true, dashed: true, label: "dashed: utility of the proposal"})
	}
	top.lines = append(top.lines, chartLine{key: true, dotted: true, label: "dotted: reservation"})
	if len(ratifiers) > 0 {
		// Wrapped as the event notes are, to the legend's width.
		for _, line := range wrapWords("not drawn, as they ratify at home: "+strings.Join(ratifiers, "; "), legendNoteWidth) {
			top.lines = append(top.lines, chartLine{key: true, plain: true, label: line})
		}
	}
	zopa := panel{xLabel: "round", yLabel: "deals in the ZOPA", fixed: true, yMax: 1, xFixed: true, xMax: last, wholeX: true, wholeY: true}
	size := chartLine{color: len(tr.Actors), points: true}
	for _, rd := range tr.Rounds {
		size.xs, size.ys = append(size.xs, float64(rd.Round)), append(size.ys, float64(rd.ZOPA))
		zopa.yMax = max(zopa.yMax, 1.1*float64(rd.ZOPA))
	}
	zopa.lines = []chartLine{size}
	n := 0
	for _, rd := range tr.Rounds {
		for _, ev := range rd.Events {
			n++
			tag := fmt.Sprintf("E%d", n)
			top.marks = append(top.marks, chartMark{x: float64(rd.Round), tag: tag, note: fmt.Sprintf("%s, round %d: %s", tag, rd.Round, ev.Why)})
			zopa.marks = append(zopa.marks, chartMark{x: float64(rd.Round), tag: tag})
		}
		if rd.Agreement {
			top.marks = append(top.marks, chartMark{x: float64(rd.Round), tag: "deal", note: fmt.Sprintf("deal: agreement in round %d", rd.Round)})
		}
	}
	return top, zopa
}

func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// labelled is "Label: text.", or "" for no text.
func labelled(label, text string) string {
	if text = strings.TrimSpace(text); text == "" {
		return ""
	}
	return label + ": " + strings.TrimSuffix(text, ".") + "."
}
