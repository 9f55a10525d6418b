package main

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"

	"gonum.org/v1/plot/vg"

	"github.com/negsim/negsim/sim"
)

// sessions holds, for a table read from a transcript, the session it comes from.
func debriefReport(sc *sim.Scenario, db *sim.Debrief, format, label string, sessions map[string]*sim.PlayTranscript) (*report, error) {
	wd := words{sc}
	r := &report{title: sc.Name + ": debrief"}
	// Under a decision rule or ratification a deal every veto actor signs can still fail,
	// on the votes or at home: the zone is named by the rule, and such a deal apart from one
	// a veto actor would not sign.
	zone, better := "acceptable to every veto actor", "another deal every veto actor accepts was at least as good for each and better for one"
	// A deal named instead of one outside the zone: under a rule, the table's own deal may
	// be one every veto actor accepts too, so the named one is said to be of the zone.
	instead := "a deal every veto actor accepts and likes at least as much"
	if ruled := ruledZone(sc); ruled != "" {
		zone, better = ruled, "another deal of the zone was at least as good for each "+partiesWord(sc)+" and better for one"
		instead = "a deal of the zone, which every " + partiesWord(sc) + " likes at least as much"
	}
	summary := section{title: "Summary", text: []string{
		fmt.Sprintf("%s; %d reached a deal, %d of them in the zone of possible agreement (%s).",
			plural(len(db.Tables), "table", "tables"), db.Agreements, db.InZOPA, zone),
	}}
	unsigned, failed := 0, 0
	for _, tb := range db.Tables {
		if !tb.Agreement || tb.Score == nil || tb.Score.InZOPA {
			continue
		}
		if vetoRefuses(tb.Score) {
			unsigned++
		} else {
			failed++
		}
	}
	counts := func(n int) string { return map[bool]string{true: "counts", false: "count"}[n == 1] }
	if unsigned > 0 {
		summary.text = append(summary.text, fmt.Sprintf("%s signed below a veto actor's walk-away value or across its red lines %s as no agreement: every actor keeps its walk-away value, a joint gain of 0.",
			plural(unsigned, "deal", "deals"), counts(unsigned)))
	}
	if failed > 0 {
		signed := "every veto actor would sign"
		if !slices.ContainsFunc(sc.Actors, func(a sim.Actor) bool { return a.Veto }) {
			signed = "that no veto stops"
		}
		summary.text = append(summary.text, fmt.Sprintf("%s %s %s as no agreement too: %s %s.",
			plural(failed, "deal", "deals"), signed, counts(failed), map[bool]string{true: "it misses", false: "they miss"}[failed == 1], missedRule(sc)))
	}
	// Value is left on the table by a deal of the zone that is not Pareto-optimal: with no
	// such deal reached there is nothing to count, and "0 left value on the table: another
	// deal … was at least as good" read as if one had.
	switch {
	case db.LeftValue > 0:
		summary.text = append(summary.text, fmt.Sprintf("%d left value on the table: %s.", db.LeftValue, better))
	case db.InZOPA > 0:
		summary.text = append(summary.text, "None left value on the table: every deal of the zone reached is Pareto-optimal.")
	}
	summary.text = append(summary.text, fmt.Sprintf("The ZOPA holds %s.", plural(db.ZOPA, "deal", "deals")))
	r.add(summary)

	g := &grid{header: []string{"rank", "table", "joint gain"}, right: []bool{true, false, true}}
	// The veto actors first, whose surpluses make the joint gain; then the others, whose
	// briefs promise that their interests count in the debrief. A ratifier is marked as
	// such, as analyze marks it: "(no veto)" read as a bystander where its vote at home can
	// sink a deal.
	var shown []sim.Actor
	for _, withoutVeto := range []bool{false, true} {
		for _, ac := range sc.Actors {
			if ac.Veto == withoutVeto {
				continue
			}
			shown = append(shown, ac)
			h := ac.ID
			if withoutVeto {
				h += noVetoMark(sc, ac.ID)
			}
			g.header = append(g.header, h)
			g.right = append(g.right, true)
		}
	}
	g.header = append(g.header, "ZOPA", "Pareto", "Nash: issues differ", "Nash: distance")
	g.right = append(g.right, false, false, true, true)
	ended := false
	for _, t := range db.Tables {
		// Two decimals: tables a tenth of a point apart are ranked apart, and should read so.
		row := []string{fmt.Sprint(t.Rank), t.Table, fmt.Sprintf("%+.2f", 100*t.JointGain)}
		// No agreement reads as a deal nobody signed does: each actor's walk-away value.
		if t.Score == nil {
			for _, ac := range shown {
				row = append(row, pts(ac.Reservation))
			}
			// A table that quit and one that ran out of rounds score alike, but a teacher asks
			// them different questions; the word is the CSV's session_ended.
			zopa := "no agreement"
			if tr := sessions[t.Table]; tr != nil && tr.Ended != "" && tr.Ended != sim.EndAgreement {
				zopa += ": " + string(tr.Ended)
				if tr.LeftInRound != nil {
					zopa += fmt.Sprintf(" (left in round %d)", *tr.LeftInRound)
				}
				ended = true
			}
			row = append(row, zopa, "", "", "")
			g.add(row...)
			continue
		}
		// A deal someone would not sign scores as no agreement: each actor's walk-away.
		for _, ac := range shown {
			for _, as := range t.Score.Actors {
				if as.ID == ac.ID {
					row = append(row, pts(scoredUtility(t.Score, as)))
				}
			}
		}
		differ, dist := "", ""
		if n := t.Score.Nash; n != nil {
			differ, dist = fmt.Sprint(n.IssuesDiffering), points(100*n.UtilityDistance)
		}
		zopa, pareto := "yes", yesNo(t.Score.Pareto)
		switch {
		case t.Score.CountsAsNoAgreement && vetoRefuses(t.Score):
			zopa, pareto = "no: unacceptable", "–"
		case t.Score.CountsAsNoAgreement:
			// Every veto actor signs it; the votes or the ratification it needs are missing.
			zopa, pareto = "no: not passed", "–"
		}
		row = append(row, zopa, pareto, differ, dist)
		g.add(row...)
	}
	passedToo := ""
	if ruledZone(sc) != "" {
		passedToo = " So does a deal every veto actor signs that misses " + missedRule(sc) + " (no: not passed)."
	}
	howEnded := ""
	if ended {
		howEnded = " A table with no deal says how its session ended: quit (a player with a veto left, which ended the talks), deadline (the last round passed without a deal; \"left in round N\" where a player without a veto had left and the others talked on) or stopped (Ctrl-C or --timeout ended the session)."
	}
	r.add(section{title: "Tables ranked by joint gain", text: []string{
		"Joint gain: the veto actors' surpluses over their walk-away values, added up, in points. Per actor, those without a veto included: points out of 100. " +
			"A deal signed below a veto actor's walk-away value or across its red lines scores as no agreement: every actor keeps its walk-away value (no: unacceptable)." + passedToo + howEnded,
	}, grid: g})

	var outside, left, stopped []string
	for _, t := range db.Tables {
		s := t.Score
		if tr := sessions[t.Table]; s == nil && stoppedSession(tr) {
			stopped = append(stopped, fmt.Sprintf("- %s: %s", t.Table, stoppedText(tr)))
		}
		if s == nil {
			continue
		}
		if s.CountsAsNoAgreement {
			var who, written []string
			for _, as := range s.Actors {
				if as.Veto && !as.Accepts {
					who = append(who, fmt.Sprintf("%s (%s)", signedAgainst(as), rejectionText(wd, as.Rejections)))
				}
				if as.Veto {
					written = append(written, fmt.Sprintf("%s %s", as.Name, pts(as.Utility)))
				}
			}
			why := strings.Join(who, "; ")
			switch missed := missedRules(sc, s, sessions[t.Table]); {
			case len(who) == 0: // every veto actor signs, but votes or ratification are missing
				why = sim.JoinWords(shortOfRules(sc, s, sessions[t.Table]), "and")
			case len(missed) > 0:
				// Mending the signatures alone would not pass it: the class is told all
				// it misses, as score tells it.
				why += "; and " + sim.JoinWords(missed, "and")
			}
			session := ""
			if tr := sessions[t.Table]; tr != nil && tr.Outcome.Agreement {
				session = " " + startingValues(tr.Outcome.Round)
			}
			line := fmt.Sprintf("- %s: %s, so it counts as no agreement.%s As written it gave %s, a joint gain of %s.",
				t.Table, why, session, strings.Join(written, ", "), fmt.Sprintf("%+.2f", 100*s.JointGainIfSigned))
			if d := s.DominatedBy; d != nil {
				line += fmt.Sprintf(" Changing %s gives %s.", sim.JoinWords(dealChanges(sc, s.Options, d.Options, false, wd), "and"), instead)
			}
			outside = append(outside, line)
			continue
		}
		if d := s.DominatedBy; d != nil {
			left = append(left, fmt.Sprintf("- %s: changing %s gives every veto actor at least %s points more.%s", t.Table, sim.JoinWords(dealChanges(sc, s.Options, d.Options, false, wd), "and"), signedPts(d.MinGain), othersChange(s, d)))
		}
	}
	if len(stopped) > 0 {
		r.add(section{title: "Sessions stopped before the talks ended", text: stopped})
	}
	if len(outside) > 0 {
		r.add(section{title: "Deals outside the ZOPA", text: outside})
	}
	if len(left) > 0 {
		r.add(section{title: "Value left on the table", text: left})
	}
	if (format == "html" || format == "markdown") && len(db.Axes) == 2 {
		var svg bytes.Buffer
		if err := debriefChart(&svg, "svg", label, sc, db); err != nil {
			return nil, err
		}
		title := fmt.Sprintf("Every table's deal against the Pareto frontier for %s and %s", actorName(sc, db.Axes[0]), actorName(sc, db.Axes[1]))
		says := "Points for the two actors on the axes. The line is the ZOPA's frontier for these two: no ZOPA deal lies beyond it. Dashed lines are their walk-away values, where a cross marks the tables that reached no deal; the ring marks the Nash solution."
		// With more parties than the two drawn, a deal Pareto-optimal for all of them can
		// lie inside the line, where it gives a third more: the table's "Pareto: yes"
		// beside a dot inside the frontier read as a contradiction.
		parties := 0
		for _, a := range sc.Actors {
			if a.Veto {
				parties++
			}
		}
		if parties > 2 {
			says += fmt.Sprintf(" The frontier drawn is these two's alone: with %d parties, a deal Pareto-optimal for all of them can lie inside it, giving another party more.", parties)
		}
		if db.ZOPA == 0 {
			// An empty zone has no frontier and no Nash solution to draw.
			title = fmt.Sprintf("Every table's deal for %s and %s", actorName(sc, db.Axes[0]), actorName(sc, db.Axes[1]))
			says = "Points for the two actors on the axes. The ZOPA is empty, so there is no frontier and no Nash solution to draw. Dashed lines are their walk-away values, where a cross marks the tables that reached no deal."
		}
		r.add(section{title: "Chart", text: []string{says}, figures: []figure{{title: title, svg: svg.Bytes()}}})
	} else if format == "html" || format == "markdown" {
		r.add(section{title: "Chart", text: []string{"No chart of the tables' deals: " + oneVetoPlane(sc)}})
	}
	return r, nil
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// debriefChart plots every table's deal, the ZOPA's frontier for the two axis actors, the
// Nash solution and both actors' walk-away values, all in points. Tables that reached the
// same point share one label.
func debriefChart(w io.Writer, format, title string, sc *sim.Scenario, db *sim.Debrief) error {
	in := chartLine{label: "a table's deal in the ZOPA", color: 2, scatter: true, glyph: 0}
	out := chartLine{label: "a table's deal outside the ZOPA", color: 0, scatter: true, glyph: 2}
	// A table that reached no deal is drawn too, where everyone keeps its walk-away value:
	// left out, it was missing from the picture of the class the debrief ranks it in.
	none := chartLine{label: "no agreement (both walk-away values)", color: 7, scatter: true, glyph: 3}
	// The names of the tables at each point, joined once all are known: a class of 60,000
	// rows at one deal, each name added to a growing label, took seconds past --timeout.
	names := map[*chartLine][][]string{}
	for _, t := range db.Tables {
		x := 100 * sc.Actors[sc.ActorIndex(db.Axes[0])].Reservation
		y := 100 * sc.Actors[sc.ActorIndex(db.Axes[1])].Reservation
		l := &none
		if t.Score != nil {
			for _, as := range t.Score.Actors {
				switch as.ID {
				case db.Axes[0]:
					x = 100 * as.Utility
				case db.Axes[1]:
					y = 100 * as.Utility
				}
			}
			l = &out
			if t.Score.InZOPA {
				l = &in
			}
		}
		if i := samePoint(l, x, y); i >= 0 {
			names[l][i] = append(names[l][i], t.Table)
			continue
		}
		l.xs, l.ys, names[l] = append(l.xs, x), append(l.ys, y), append(names[l], []string{t.Table})
	}
	var deals []chartLine
	for _, l := range []*chartLine{&in, &out, &none} {
		for _, at := range names[l] {
			l.labels = append(l.labels, strings.Join(at, ", "))
		}
		if len(l.xs) > 0 {
			deals = append(deals, *l)
		}
	}
	pn := dealsPanel(title, sc, db.Axes, db.Frontier, db.Nash, deals...)
	return writeChart(w, format, 7*vg.Inch, 6*vg.Inch, pn)
}

// samePoint is the index of the point of l at (x, y), or -1.
func samePoint(l *chartLine, x, y float64) int {
	for i := range l.xs {
		if math.Abs(l.xs[i]-x) < 1e-9 && math.Abs(l.ys[i]-y) < 1e-9 {
			return i
		}
	}
	return -1
}

// debriefGrid is the CSV view: the ranked tables, one column per number, and for tables
// read from transcripts (sessions) how each session ended.
func debriefGrid(sc *sim.Scenario, db *sim.Debrief, sessions map[string]*sim.PlayTranscript) *grid {
	results := make([]tableResult, len(db.Tables))
	for i, t := range db.Tables {
		results[i] = tableResult{Table: t.Table, Score: t.Score, session: sessions[t.Table]}
	}
	g := scoreGrid(sc, results)
	g.header = append([]string{"rank"}, g.header...)
	for i := range g.rows {
		g.rows[i] = append([]string{fmt.Sprint(db.Tables[i].Rank)}, g.rows[i]...)
	}
	return g
}

// vetoRefuses reports whether some veto actor would not sign the scored deal.
func vetoRefuses(s *sim.Score) bool {
	return slices.ContainsFunc(s.Actors, func(a sim.ActorScore) bool { return a.Veto && !a.Accepts })
}

// missedRule names what a deal every veto actor signs can still miss: the votes, the
// ratification, or either.
func missedRule(sc *sim.Scenario) string {
	ag := agreementOf(sc)
	var missed []string
	if ag.votes > 0 {
		missed = append(missed, "the votes needed at the table")
	}
	if ag.ratified {
		missed = append(missed, "ratification at home")
	}
	return sim.JoinWords(missed, "or")
}
