package main

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/negsim/negsim/sim"
)

// The parts of analyze's report on who must agree: the decision rule and its voting power,
// ratification at home, and what each side believes.

func decisionSection(sc *sim.Scenario, an *sim.Analysis) (section, bool) {
	dr := an.Decision
	if dr == nil {
		return section{}, false
	}
	s := section{title: "Who must agree"}
	rule := fmt.Sprintf("A deal passes when the actors that accept it hold at least %d of the table's %d votes.", dr.VotesNeeded, dr.VotesAtTable)
	for _, v := range dr.Voters {
		if v.Veto {
			rule = fmt.Sprintf("A deal passes when every veto actor accepts it and the actors that accept it hold at least %d of the table's %d votes.", dr.VotesNeeded, dr.VotesAtTable)
			break
		}
	}
	s.text = append(s.text, rule,
		fmt.Sprintf("The frontier and the bargaining solutions weigh the parties: %s. A voter is pivotal for a deal when, without its vote, the deal would fail.", strings.Join(actorNames(sc, dr.Parties), ", ")))
	if dr.PowerNote != "" {
		s.text = append(s.text, "Voting power: "+dr.PowerNote+".")
	} else {
		s.text = append(s.text, "Voting power (exact): Shapley–Shubik, the share of orders in which the voter's vote completes a winning coalition; Banzhaf, its share of all swings.")
	}
	g := &grid{header: []string{"voter", "votes", "veto", "pivotal for (ZOPA deals)", "Shapley–Shubik", "Banzhaf"}, right: []bool{false, true, false, true, true, true}}
	for _, v := range dr.Voters {
		ss, bz := "–", "–"
		if p, ok := an.Power[v.Actor]; ok {
			ss, bz = fmt.Sprintf("%.4g", p.ShapleyShubik), fmt.Sprintf("%.4g", p.Banzhaf)
		}
		veto := "no"
		if v.Veto {
			veto = "yes"
		}
		g.add(actorName(sc, v.Actor), fmt.Sprint(v.Votes), veto, count(v.Pivotal), ss, bz)
	}
	s.grid = g
	return s, true
}

func ratificationSection(sc *sim.Scenario, an *sim.Analysis) (section, bool) {
	if len(an.Ratification) == 0 || an.ZOPA.LevelOneCount == nil {
		return section{}, false
	}
	s := section{title: "Ratification at home (Putnam's two-level game)"}
	s.text = append(s.text, fmt.Sprintf("At the table alone (Level I) %s pass; ratification at home (Level II) leaves %s. An actor's win-set is the deals its constituency would ratify, over the whole space.",
		plural(*an.ZOPA.LevelOneCount, "deal", "deals"), count(an.ZOPA.Count)))
	// "blocked by" speaks only where ratification empties the zone: a column of empty cells
	// under a heading nothing explained left a student guessing what would fill it.
	blocks := false
	for _, rep := range an.Ratification {
		blocks = blocks || rep.BestVotes != nil
	}
	g := &grid{header: []string{"actor", "ratified by", "votes needed", "win-set (deals)"}, right: []bool{false, false, true, true}}
	if blocks {
		g.header, g.right = append(g.header, "blocked by"), append(g.right, false)
		s.text = append(s.text, "", "Blocked by: where ratification at home empties the zone, the ratifiers whose reservation or red line alone stands in the way (set aside, it would let deals pass).")
	}
	for _, a := range sc.Actors {
		rep, ok := an.Ratification[a.ID]
		if !ok {
			continue
		}
		by := make([]string, len(rep.By))
		for i, id := range rep.By {
			by[i] = fmt.Sprintf("%s (%d)", actorName(sc, id), sc.Actors[sc.ActorIndex(id)].Votes)
		}
		var blockers []string
		for _, b := range rep.BlockedBy {
			blockers = append(blockers, fmt.Sprintf("%s (%s)", actorName(sc, b.Ratifier), kindWords(b.Kind)))
		}
		blocked := strings.Join(blockers, ", ")
		if rep.BestVotes != nil && len(blockers) == 0 {
			blocked = "no single ratifier"
		}
		row := []string{a.Name, strings.Join(by, ", "), fmt.Sprintf("%d of %d", rep.VotesNeeded, rep.Votes), count(rep.WinSet) + " (" + percent(share(rep.WinSet, an.Space.Deals)) + ")"}
		if blocks {
			row = append(row, blocked)
		}
		g.add(row...)
	}
	s.grid = g
	return s, true
}

// beliefsSection sets each believer's picture beside the truth. analyze lists the beliefs
// as paths, which a student pastes into --set; the report, a document read on paper, says
// them in words (inWords), as Part 1 and the briefs do, on explain's scale from 0 to 1.
func beliefsSection(sc *sim.Scenario, an *sim.Analysis, inWords bool) (section, bool) {
	if len(an.Beliefs) == 0 {
		return section{}, false
	}
	wd := words{sc}
	s := section{title: "What each side believes"}
	s.text = append(s.text, "Each believer's perceived zone is the zone of the scenario as it pictures it. False hopes: deals it believes pass that truly do not. Missed: deals that truly pass but that it believes someone rejects.")
	if !inWords {
		// A path of the table pasted into --set moves the value itself, for everyone, and
		// leaves the belief as it was: the belief is set under its holder.
		for _, a := range sc.Actors {
			if rep, ok := an.Beliefs[a.ID]; ok && len(rep.Believes) > 0 {
				s.text = append(s.text, "", fmt.Sprintf("To change a belief, set it under its holder, as in --set actors.%s.beliefs.set.%s=VALUE; a path of the table alone changes the value itself, for everyone.", a.ID, rep.Believes[0].Path))
				break
			}
		}
	}
	g := &grid{header: []string{"actor", "believes", "perceived ZOPA", "its Nash deal", "truly passes", "false hopes", "missed"}, right: []bool{false, false, true, false, false, true, true}}
	var hidden []string
	for _, a := range sc.Actors {
		rep, ok := an.Beliefs[a.ID]
		if !ok {
			continue
		}
		nash, truly := "none", ""
		if rep.Nash != nil {
			nash = dealText(sc, rep.Nash.Options)
			truly = "no"
			if rep.NashInTrueZOPA {
				truly = "yes"
			}
		}
		believes := beliefsText(rep.Believes)
		if inWords {
			said := make([]string, len(rep.Believes))
			for i, as := range rep.Believes {
				said[i] = wd.belief(as, false)
			}
			believes = strings.Join(said, " ")
		}
		g.add(a.Name, believes, count(rep.ZOPACount), nash, truly, count(rep.FalseHopes), count(rep.Missed))
		for _, h := range rep.HiddenBy {
			if inWords {
				// The belief is quoted as its sentence, without the full stop.
				said := strings.TrimSuffix(wd.belief(sim.Assignment{Path: h.Path, Value: h.Value}, false), ".")
				hidden = append(hidden, fmt.Sprintf("- %s sees no deal although %s pass; its belief \"%s\" hides %s from it.",
					a.Name, plural(an.ZOPA.Count, "deal", "deals"), said, plural(h.Deals, "deal", "deals")))
				continue
			}
			hidden = append(hidden, fmt.Sprintf("- %s sees no deal although %s pass; believing %s = %v hides %s from it.",
				a.Name, plural(an.ZOPA.Count, "deal", "deals"), h.Path, h.Value, plural(h.Deals, "deal", "deals")))
		}
	}
	s.grid = g
	if len(hidden) > 0 {
		s.text = append(s.text, "")
		s.text = append(s.text, hidden...)
	}
	return s, true
}

func beliefsText(set []sim.Assignment) string {
	parts := make([]string, len(set))
	for i, as := range set {
		parts[i] = fmt.Sprintf("%s = %v", as.Path, as.Value)
	}
	return strings.Join(parts, "; ")
}

// dealText writes a deal's options in issue order.
func dealText(sc *sim.Scenario, options map[string]string) string {
	parts := make([]string, len(sc.Issues))
	for i, is := range sc.Issues {
		parts[i] = is.ID + " = " + options[is.ID]
	}
	return strings.Join(parts, ", ")
}

// rulesBeyondTable names what a deal the veto actors accept must also pass: the decision
// rule, every ratification, or both; "" when the scenario has neither.
func rulesBeyondTable(an *sim.Analysis) string {
	switch {
	case an.Decision != nil && len(an.Ratification) > 0:
		return "the decision rule and every ratification"
	case an.Decision != nil:
		return "the decision rule"
	case len(an.Ratification) > 0:
		return "every ratification"
	}
	return ""
}

// decidedDiagnosis says, of an empty zone the veto actors alone would not have emptied,
// which vote is missing and which ratifier blocks.
func decidedDiagnosis(sc *sim.Scenario, an *sim.Analysis, s *section) {
	dg := an.Diagnosis
	if v := dg.Votes; v != nil {
		s.text = append(s.text, "", fmt.Sprintf("Which vote is missing: the best of those deals gathers %d of the %s needed.", v.BestVotes, plural(v.VotesNeeded, "vote", "votes")))
		if len(v.Missing) == 0 {
			s.text = append(s.text, "- no single voter's yes would open the zone.")
		}
		for _, m := range v.Missing {
			s.text = append(s.text, fmt.Sprintf("- %s would vote for %s without the %s [%s].", actorName(sc, m.Actor), plural(m.Deals, "deal", "deals"), kindWords(m.Kind), m.Path))
		}
	}
	for _, a := range sc.Actors {
		rep, ok := an.Ratification[a.ID]
		if !ok || rep.BestVotes == nil {
			continue
		}
		s.text = append(s.text, "", fmt.Sprintf("Which ratifier blocks: no deal the table agrees on is ratified for %s; the best gathers %d of the %s the ratifiers must give.", a.Name, *rep.BestVotes, plural(rep.VotesNeeded, "vote", "votes")))
		if len(rep.BlockedBy) == 0 {
			s.text = append(s.text, "- no single ratifier's yes would open the zone.")
		}
		for _, b := range rep.BlockedBy {
			// The reservation or red lines are the subject, not the ratifiers' name, which
			// may be singular or plural.
			blocking := "that reservation"
			if b.Kind == sim.RejectRedLine {
				blocking = "those red lines"
			}
			s.text = append(s.text, fmt.Sprintf("- Blocked by the %s of %s; without %s, %s would pass [%s].", kindWords(b.Kind), actorName(sc, b.Ratifier), blocking, plural(b.Deals, "deal", "deals"), b.Path))
		}
	}
}

func kindWords(kind sim.RejectionKind) string {
	if kind == sim.RejectRedLine {
		return "red lines"
	}
	return "reservation"
}

// ratifyingActors lists the actors with ratification, in file order.
func ratifyingActors(sc *sim.Scenario, an *sim.Analysis) []string {
	var ids []string
	for _, a := range sc.Actors {
		if _, ok := an.Ratification[a.ID]; ok {
			ids = append(ids, a.ID)
		}
	}
	return ids
}

// belief reads one belief about another actor in words where its path is a common one.
// A brief speaks points (inPoints): there a believed reservation or option value is read
// out of 100, as the player's own are; explain speaks utilities from 0 to 1.
func (wd words) belief(as sim.Assignment, inPoints bool) string {
	parts := strings.SplitN(as.Path, ".", 3)
	if len(parts) < 3 || parts[0] != "actors" {
		return fmt.Sprintf("%s = %v", as.Path, as.Value)
	}
	who, rest := wd.actor(parts[1]), parts[2]
	pref := strings.Split(rest, ".")
	u, isNumber := as.Value.(float64)
	switch {
	case rest == "reservation" && isNumber && u <= 0:
		// "any deal worth less than 0 is worse than walking away" is true and tells a
		// student nothing: no deal is worth less.
		if inPoints {
			return fmt.Sprintf("%s: would take any deal rather than walk away (a walk-away value of 0 points).", who)
		}
		return fmt.Sprintf("%s: would take any deal rather than walk away (a reservation of 0).", who)
	case rest == "reservation" && isNumber && inPoints:
		return fmt.Sprintf("%s: any deal worth less than %s of 100 points is worse than walking away.", who, pts(u))
	case rest == "reservation":
		return fmt.Sprintf("%s: any deal worth less than %v (on a scale from 0 to 1) is worse than walking away.", who, as.Value)
	case rest == "veto" && as.Value == false:
		return fmt.Sprintf("No veto for %s.", who)
	case rest == "veto" && as.Value == true:
		return fmt.Sprintf("A veto for %s.", who)
	case rest == "votes" && isNumber && u == math.Trunc(u) && u >= 0:
		return fmt.Sprintf("%s: %s.", who, plural(int(u), "vote", "votes"))
	case rest == "votes":
		if n, ok := as.Value.(int); ok {
			return fmt.Sprintf("%s: %s.", who, plural(n, "vote", "votes"))
		}
	// A believed list of every option of an issue rules nothing out: "requires sequencing
	// to be A, B or C" named all three as if it were a demand.
	case len(pref) == 3 && pref[0] == "preferences" && pref[2] == "acceptable" && wd.everyOption(pref[1], beliefIDs(as.Value)):
		return fmt.Sprintf("Acceptable to %s on %s: any option, no red line.", who, wd.issue(pref[1]))
	case len(pref) == 3 && pref[0] == "preferences" && pref[2] == "acceptable":
		return fmt.Sprintf("Acceptable to %s on %s: only %s.", who, wd.issue(pref[1]), wd.options(pref[1], beliefIDs(as.Value), "or"))
	case len(pref) == 3 && pref[0] == "preferences" && pref[2] == "weight":
		return fmt.Sprintf("Weight of %s for %s: %v.", wd.issue(pref[1]), who, as.Value)
	case len(pref) == 4 && pref[0] == "preferences" && pref[2] == "utilities" && isNumber && inPoints:
		return fmt.Sprintf("Value of %s on %s to %s: %s of the 100 points the best option there would give.", wd.option(pref[1], pref[3]), wd.issue(pref[1]), who, pts(u))
	case len(pref) == 4 && pref[0] == "preferences" && pref[2] == "utilities" && isNumber:
		return fmt.Sprintf("Value of %s on %s to %s: %v, on a scale from 0 to 1.", wd.option(pref[1], pref[3]), wd.issue(pref[1]), who, as.Value)
	case len(pref) == 4 && pref[0] == "constraints" && pref[2] == "if" && wd.everyOption(pref[3], beliefIDs(as.Value)):
		return fmt.Sprintf("A condition of %s applies whatever %s is.", who, wd.issue(pref[3]))
	case len(pref) == 4 && pref[0] == "constraints" && pref[2] == "if":
		// Only the believed part is said: the condition's other part is the other actor's
		// own, and a brief must not show it.
		return fmt.Sprintf("A condition of %s applies when %s is %s.", who, wd.issue(pref[3]), wd.options(pref[3], beliefIDs(as.Value), "or"))
	case len(pref) == 4 && pref[0] == "constraints" && pref[2] == "then" && wd.everyOption(pref[3], beliefIDs(as.Value)):
		return fmt.Sprintf("A condition of %s, where it applies, requires nothing of %s: any option will do.", who, wd.issue(pref[3]))
	case len(pref) == 4 && pref[0] == "constraints" && pref[2] == "then":
		return fmt.Sprintf("A condition of %s, where it applies, requires %s to be %s.", who, wd.issue(pref[3]), wd.options(pref[3], beliefIDs(as.Value), "or"))
	}
	return fmt.Sprintf("%s: %s = %v.", who, rest, as.Value)
}

// beliefIDs reads a believed list of options as the file or --set writes it: a YAML list,
// or one text "[a,b]" or "a,b".
func beliefIDs(v any) []string {
	switch x := v.(type) {
	case []string:
		return x
	case []any:
		ids := make([]string, 0, len(x))
		for _, it := range x {
			ids = append(ids, fmt.Sprint(it))
		}
		return ids
	case string:
		return strings.Split(strings.Trim(x, "[]"), ",")
	}
	return []string{fmt.Sprint(v)}
}

// whoMustAgree says in words how a deal is decided: the votes the table needs and each
// actor's ratification at home. Empty when every veto actor's yes is all a deal needs.
func whoMustAgree(wd words) []string {
	sc := wd.sc
	var out []string
	ratifier := map[string]bool{}
	for _, a := range sc.Actors {
		for _, id := range a.Ratification.By {
			ratifier[id] = true
		}
	}
	if n := sc.Decision.VotesNeeded; n > 0 {
		var votes, vetoes []string
		total, each := 0, -1
		for _, a := range sc.Actors {
			if ratifier[a.ID] {
				continue
			}
			total += max(0, a.Votes)
			switch {
			case len(votes) == 0:
				each = a.Votes
			case a.Votes != each:
				each = -1
			}
			votes = append(votes, fmt.Sprintf("%s: %d", a.Name, a.Votes))
			if a.Veto {
				vetoes = append(vetoes, a.Name)
			}
		}
		// A table of equals says so once: listed, "Elected member 10 1" read as one name.
		held := strings.Join(votes, ", ")
		switch {
		case len(votes) > 1 && each == 1:
			held = "one each"
		case len(votes) > 1 && each > 1:
			held = fmt.Sprintf("%d each", each)
		}
		line := fmt.Sprintf("A deal passes when the actors that accept it hold at least %d of the table's %d votes (%s)", n, total, held)
		if len(vetoes) > 0 {
			line += ", " + vetoesAmong(vetoes, "among them")
		}
		out = append(out, cite(line+".", sc.Decision.Source, sc.Decision.Note))
	}
	for _, a := range sc.Actors {
		r := a.Ratification
		if len(r.By) == 0 {
			continue
		}
		total := 0
		names := make([]string, len(r.By))
		for i, id := range r.By {
			names[i] = wd.actor(id)
			total += max(0, sc.Actors[sc.ActorIndex(id)].Votes)
		}
		needed := r.VotesNeeded
		if needed <= 0 {
			needed = total
		}
		// Said as the brief says it: "it needs their vote", the deal needing them, so no
		// pronoun stands for a ratifier whose name may be plural.
		line := fmt.Sprintf("%s deal must be ratified at home by %s: %s.", possessive(a.Name), sim.JoinWords(names, "and"), ratifiersNeeded(needed, total))
		out = append(out, cite(line, r.Source, r.Note))
	}
	return out
}

// beliefLines says what an actor believes about the others.
func beliefLines(wd words, id string) []string {
	a := wd.sc.Actors[wd.sc.ActorIndex(id)]
	if len(a.Beliefs.Set) == 0 {
		return nil
	}
	out := []string{fmt.Sprintf("What %s believes about the others, where it differs from this file:", a.Name)}
	for _, as := range a.Beliefs.Set {
		out = append(out, "- "+wd.belief(as, false))
	}
	if a.Beliefs.Note != "" || a.Beliefs.Source != "" {
		out = append(out, cite("Why:", a.Beliefs.Source, a.Beliefs.Note))
	}
	return out
}

// voteLines say how a scored deal fares with the decision rule and at home.
func voteLines(sc *sim.Scenario, s *sim.Score, tr *sim.PlayTranscript) []string {
	var out []string
	if s.Votes != nil {
		line := fmt.Sprintf("Votes at the table: %d, of the %d a deal needs.", *s.Votes, sc.Decision.VotesNeeded)
		// The session counted the seat's yes; where the deal passes without it, the count
		// still differs from the one play gave, and says why. (Where it fails, the reason
		// given for it says so.)
		if yes := uncountedYes(sc, s, tr); yes != "" && *s.Votes >= sc.Decision.VotesNeeded {
			line = strings.TrimSuffix(line, ".") + " (" + yes + "; a yes against one's own values counts as no vote)."
		}
		out = append(out, line)
	}
	for _, a := range sc.Actors {
		got, ok := s.Ratification[a.ID]
		if !ok {
			continue
		}
		need, all := ratificationNeeds(sc, a)
		verdict := "ratified"
		if got < need {
			verdict = "not ratified"
		}
		if all == 1 {
			// One vote is said as whose it is; "with" and "without" take a plural name as
			// well as a singular one.
			var by []string
			for _, id := range a.Ratification.By {
				by = append(by, actorName(sc, id))
			}
			with := "with"
			if got == 0 {
				with = "without"
			}
			out = append(out, fmt.Sprintf("At home for %s: %s, %s the vote of %s.", a.Name, verdict, with, sim.JoinWords(by, "and")))
			continue
		}
		out = append(out, fmt.Sprintf("At home for %s: %d of the ratifiers' %d votes, %d needed: %s.", a.Name, got, all, need, verdict))
	}
	return out
}

// shortOfRules names what a deal every veto actor accepts still lacks: votes at the table,
// ratification at home. tr is the session the deal was agreed in, nil for a deal given.
func shortOfRules(sc *sim.Scenario, s *sim.Score, tr *sim.PlayTranscript) []string {
	out := missedRules(sc, s, tr)
	if len(out) == 0 {
		out = append(out, "it does not pass")
	}
	return out
}

// missedRules is what a scored deal misses of the decision rule and the ratifications: the
// votes at the table, each actor's votes at home; none when it misses nothing of them. A
// session's deal may have passed at the table on a yes the score does not count, one given
// against the voter's own values (a player may give it): the votes missed name it.
func missedRules(sc *sim.Scenario, s *sim.Score, tr *sim.PlayTranscript) []string {
	var out []string
	if s.Votes != nil && *s.Votes < sc.Decision.VotesNeeded {
		short := fmt.Sprintf("it gathers only %d of the %s needed", *s.Votes, plural(sc.Decision.VotesNeeded, "vote", "votes"))
		if yes := uncountedYes(sc, s, tr); yes != "" {
			short += " (" + yes + "; a yes against one's own values counts as no vote)"
		}
		out = append(out, short)
	}
	for _, a := range sc.Actors {
		if got, ok := s.Ratification[a.ID]; ok {
			if need, _ := ratificationNeeds(sc, a); got < need {
				out = append(out, fmt.Sprintf("%s ratifiers give %d of the %s needed at home", possessive(a.Name), got, plural(need, "vote", "votes")))
			}
		}
	}
	return out
}

// uncountedYes says how the seat of a session that ended in agreement, a voter without a
// veto, gave the deal a yes against its own values at that round (worth less than its
// walk-away value, or across its red lines), and "" when it did not. A person may give
// such a yes and the table counted it; the score does not. An agent answers by its values,
// so a yes of its that the score does not count is the drift's doing, which the session's
// own line says.
func uncountedYes(sc *sim.Scenario, s *sim.Score, tr *sim.PlayTranscript) string {
	if tr == nil || !tr.Outcome.Agreement {
		return ""
	}
	k := sc.ActorIndex(tr.Seat)
	if k < 0 || sc.Actors[k].Veto || sc.Actors[k].Votes <= 0 {
		return ""
	}
	var atTable *sim.ActorRound
	for _, r := range tr.Rounds {
		if r.Agreement {
			for i := range r.Actors {
				if r.Actors[i].Actor == tr.Seat {
					atTable = &r.Actors[i]
				}
			}
		}
	}
	for _, as := range s.Actors {
		if as.ID != tr.Seat || as.Accepts || atTable == nil || !atTable.Accepts || atTable.Utility == nil {
			continue
		}
		crosses := slices.ContainsFunc(as.Rejections, func(r sim.Rejection) bool { return r.Kind != sim.RejectReservation })
		if *atTable.Utility < atTable.Reservation || crosses {
			return signedAgainst(as)
		}
	}
	return ""
}

// ratificationNeeds is the votes an actor's ratification needs and the votes its ratifiers hold.
func ratificationNeeds(sc *sim.Scenario, a sim.Actor) (need, all int) {
	for _, id := range a.Ratification.By {
		if k := sc.ActorIndex(id); k >= 0 {
			all += max(0, sc.Actors[k].Votes)
		}
	}
	need = a.Ratification.VotesNeeded
	if need <= 0 {
		need = all
	}
	return need, all
}

// vetoesAmong names the veto actors a deal's voters must include, with how (among) and
// why: "China and the EU among them, since each holds a veto".
func vetoesAmong(vetoes []string, among string) string {
	why := "since each holds a veto"
	if len(vetoes) == 1 {
		why = "since it holds a veto"
	}
	return sim.JoinWords(vetoes, "and") + " " + among + ", " + why
}
