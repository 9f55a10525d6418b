package main

import (
	"fmt"
	"slices"
	"strings"

	"github.com/negsim/negsim/sim"
)

func scoreSections(sc *sim.Scenario, res tableResult, zopa uint64) []section {
	wd := words{sc}
	title := "The deal"
	if res.Table != "" {
		title = "Table " + res.Table
	}
	s := res.Score
	if s == nil {
		// The walk-away values are what each actor leaves with, so they are shown as the
		// points of a deal are.
		g := &grid{header: []string{"actor", "veto", "points (the walk-away)"}, right: []bool{false, false, true}}
		for _, ac := range sc.Actors {
			veto := "yes"
			if !ac.Veto {
				veto = "no"
			}
			g.add(ac.Name, veto, pts(ac.Reservation))
		}
		return []section{{title: title, text: []string{noDealText(sc, res.session)}, grid: g}}
	}
	deal := section{title: title}
	var parts []string
	for _, is := range sc.Issues {
		parts = append(parts, is.ID+" = "+wd.option(is.ID, s.Options[is.ID]))
	}
	deal.text = append(deal.text, strings.Join(parts, ", "), "")
	g := &grid{header: []string{"actor", "veto", "points", "walk-away", "surplus", "accepts", "why not"}, right: []bool{false, false, true, true, true, false, false}}
	for _, as := range s.Actors {
		veto, acc := "yes", "yes"
		if !as.Veto {
			veto = "no"
		}
		if !as.Accepts {
			acc = "no"
		}
		g.add(as.Name, veto, pts(as.Utility), pts(as.Reservation), signedPts(as.Surplus), acc, rejectionText(wd, as.Rejections))
	}
	deal.grid = g

	v := &deal.text
	if s.InZOPA {
		in := "In the ZOPA: every veto actor accepts it."
		if z := ruledZone(sc); z != "" {
			in = "In the ZOPA: it is one of " + z + "."
		}
		*v = append(*v, in)
		// The points play's last table showed were at that round's values; these may differ.
		if res.session != nil && res.session.Outcome.Agreement {
			*v = append(*v, startingValues(res.session.Outcome.Round))
		}
		*v = append(*v, fmt.Sprintf("Joint gain (the veto actors' surpluses added up): %s points.", signedPts(s.JointGain)))
	} else {
		var who []string
		signers := "no actor holds a veto"
		for _, as := range s.Actors {
			if as.Veto {
				signers = "every veto actor would sign it"
				if !as.Accepts {
					who = append(who, signedAgainst(as))
				}
			}
		}
		why := sim.JoinWords(who, "and") + " (see why not)"
		if len(who) == 0 { // no veto stops it: votes or ratification are missing
			why = signers + ", but " + sim.JoinWords(shortOfRules(sc, s, res.session), "and")
		}
		*v = append(*v, fmt.Sprintf("Not in the ZOPA: %s, so it counts as no agreement: every actor keeps its walk-away value.", why))
		if res.session != nil && res.session.Outcome.Agreement {
			*v = append(*v, startingValues(res.session.Outcome.Round))
		}
		*v = append(*v, fmt.Sprintf("Joint gain (the veto actors' surpluses added up): %s points, as no agreement; signed as written it would be %s.", signedPts(s.JointGain), signedPts(s.JointGainIfSigned)))
	}
	*v = append(*v, voteLines(sc, s, res.session)...)
	d := s.DominatedBy
	var changes, gains []string
	others := ""
	if d != nil {
		changes = dealChanges(sc, s.Options, d.Options, true, wd)
		for _, as := range s.Actors {
			if g, ok := d.Gains[as.ID]; ok {
				gains = append(gains, fmt.Sprintf("%s %s", as.Name, signedPts(g)))
			}
		}
		others = othersChange(s, d)
	}
	// Under a decision rule or ratification the zone is more than the veto actors' yes.
	deals, aDeal, paretoAmong, party, each := "the deals every veto actor accepts", "a deal every veto actor accepts", "the deals the parties accept", "veto actor", ""
	if z := ruledZone(sc); z != "" {
		party = partiesWord(sc)
		deals, aDeal, paretoAmong, each = z, "one of "+z, z, " "+party
	}
	switch {
	case s.Pareto:
		*v = append(*v, fmt.Sprintf("Pareto-optimal among %s: no ZOPA deal is at least as good for every %s and better for one.", paretoAmong, party))
	case s.InZOPA && d != nil:
		*v = append(*v, fmt.Sprintf("Not Pareto-optimal: value was left on the table. Changing %s gives %s, at least as good for each%s (%s points; the smallest gain %s).%s",
			sim.JoinWords(changes, "and"), aDeal, each, strings.Join(gains, ", "), signedPts(d.MinGain), others))
	case d != nil:
		*v = append(*v, fmt.Sprintf("Not Pareto-optimal: that is judged among %s, and this one is not among them. Changing %s gives one that is, at least as good for each %s (%s points).%s",
			deals, sim.JoinWords(changes, "and"), party, strings.Join(gains, ", "), others))
	default:
		*v = append(*v, fmt.Sprintf("Not Pareto-optimal: that is judged among %s, and this one is not among them.", deals))
	}
	if s.Nash == nil {
		*v = append(*v, "No Nash solution to compare with: the ZOPA is empty.")
	} else if s.Nash.IssuesDiffering == 0 {
		*v = append(*v, "It is the Nash solution.")
	} else {
		var differ []string
		for _, is := range sc.Issues {
			if s.Nash.Options[is.ID] != s.Options[is.ID] {
				differ = append(differ, fmt.Sprintf("%s (Nash: %s)", is.ID, s.Nash.Options[is.ID]))
			}
		}
		*v = append(*v, fmt.Sprintf("Distance to the Nash solution (of %s): %s, %s; the veto actors' points lie %s apart (Euclidean distance).",
			plural(zopa, "ZOPA deal", "ZOPA deals"), issuesDiffer(s.Nash.IssuesDiffering, len(sc.Issues)), strings.Join(differ, ", "), points(100*s.Nash.UtilityDistance)))
	}
	return []section{deal}
}

// dealChanges lists the issues on which deal to differs from deal from, as "issue to option"
// in file order, with the option's label when labelled is set.
func dealChanges(sc *sim.Scenario, from, to map[string]string, labelled bool, wd words) []string {
	var changes []string
	for _, is := range sc.Issues {
		if to[is.ID] == from[is.ID] {
			continue
		}
		o := to[is.ID]
		if labelled {
			o = wd.option(is.ID, o)
		}
		changes = append(changes, fmt.Sprintf("%s to %s", is.ID, o))
	}
	return changes
}

// scoredUtility is what a deal scores for an actor: its utility when every veto actor
// signs, else its reservation, as with no agreement.
func scoredUtility(s *sim.Score, as sim.ActorScore) float64 {
	if s.CountsAsNoAgreement {
		return as.Reservation
	}
	return as.Utility
}

// signedAgainst says what a veto actor did in agreeing to a deal it rejects: the deal was
// reached, so it signed, and what the model holds against it is where: below its walk-away
// value, across its red lines, against its own condition.
func signedAgainst(as sim.ActorScore) string {
	var red int
	var condition, below bool
	for _, r := range as.Rejections {
		if r.Kind == sim.RejectRedLine {
			red++
		}
		condition = condition || r.Kind == sim.RejectConstraint
		below = below || r.Kind == sim.RejectReservation
	}
	var where []string
	switch {
	case red == 1:
		where = append(where, "across a red line")
	case red > 1:
		where = append(where, fmt.Sprintf("across %d of its red lines", red))
	}
	if condition {
		where = append(where, "against its own condition")
	}
	if below {
		where = append(where, "below its walk-away value")
	}
	return as.Name + " signed it " + sim.JoinWords(where, "and")
}

func rejectionText(wd words, rs []sim.Rejection) string {
	var parts []string
	for _, r := range rs {
		switch r.Kind {
		case sim.RejectRedLine:
			parts = append(parts, fmt.Sprintf("red line: %s = %s", r.Issue, r.Option))
		case sim.RejectConstraint:
			parts = append(parts, "condition: "+clause(r.Why))
		case sim.RejectReservation:
			parts = append(parts, fmt.Sprintf("%s points below the walk-away", shortPoints(100*r.Shortfall)))
		}
	}
	return strings.Join(parts, "; ")
}

// scoreGrid is the CSV view: one row per deal, one column per number. Every number is in
// points, as the tables and pages show them, and each such column says so in its name: a
// teacher pasting it beside the projected debrief sees the same scale. Points and
// surpluses per actor are the deal as written; joint_gain_points is what it scores, 0 for a
// deal some veto actor would not sign. A table with no agreement gives each actor its
// walk-away value and a joint gain of 0, as the table view does. Tables read from
// transcripts add session_ended, how each session ended (agreement, deadline, quit or
// stopped), and seat_left_in_round, the round a player without a veto left the table in
// while the others talked on; last, so that the columns before keep their places: a stopped
// session counts as no agreement, as one that quit does, and a spreadsheet tells them apart
// by these.
func scoreGrid(sc *sim.Scenario, results []tableResult) *grid {
	g := &grid{header: []string{"table"}}
	for _, is := range sc.Issues {
		g.header = append(g.header, is.ID)
	}
	for _, ac := range sc.Actors {
		g.header = append(g.header, "points_"+ac.ID, "walk_away_points_"+ac.ID, "surplus_points_"+ac.ID, "accepts_"+ac.ID)
	}
	g.header = append(g.header, "in_zopa", "joint_gain_points", "joint_gain_if_signed_points", "pareto", "nash_issues_differing", "nash_distance_points")
	sessions := slices.ContainsFunc(results, func(res tableResult) bool { return res.session != nil })
	if sessions {
		g.header = append(g.header, "session_ended", "seat_left_in_round")
	}
	for _, res := range results {
		ended := []string{"", ""}
		if tr := res.session; tr != nil {
			ended[0] = string(tr.Ended)
			if tr.LeftInRound != nil {
				ended[1] = fmt.Sprint(*tr.LeftInRound)
			}
		}
		row := []string{res.Table}
		s := res.Score
		if s == nil {
			for range sc.Issues {
				row = append(row, "")
			}
			for _, ac := range sc.Actors {
				row = append(row, dataPoints(ac.Reservation), dataPoints(ac.Reservation), "0", "")
			}
			row = append(row, "false", "0", "0", "", "", "")
			if sessions {
				row = append(row, ended...)
			}
			g.add(row...)
			continue
		}
		for _, is := range sc.Issues {
			row = append(row, s.Options[is.ID])
		}
		for _, as := range s.Actors {
			row = append(row, dataPoints(as.Utility), dataPoints(as.Reservation), dataPoints(as.Surplus), fmt.Sprint(as.Accepts))
		}
		differ, dist := "", ""
		if s.Nash != nil {
			differ, dist = fmt.Sprint(s.Nash.IssuesDiffering), dataPoints(s.Nash.UtilityDistance)
		}
		row = append(row, fmt.Sprint(s.InZOPA), dataPoints(s.JointGain), dataPoints(s.JointGainIfSigned), fmt.Sprint(s.Pareto), differ, dist)
		if sessions {
			row = append(row, ended...)
		}
		g.add(row...)
	}
	return g
}

// othersChange says, after a better deal for the parties, what it does to each other actor
// whose points it moves, in file order: Harborco's "value left on the table" for the
// developer took the environmental coalition from 50 points to 0 without a word. Empty when
// it moves no one else's.
func othersChange(s *sim.Score, d *sim.Dominance) string {
	var moved []string
	for _, as := range s.Actors {
		if g, ok := d.Others[as.ID]; ok && g != 0 {
			moved = append(moved, fmt.Sprintf("%s %s", as.Name, signedPts(g)))
		}
	}
	if len(moved) == 0 {
		return ""
	}
	return fmt.Sprintf(" The others' points change too: %s.", strings.Join(moved, ", "))
}
