package main

import (
	"fmt"
	"strings"

	"github.com/negsim/negsim/sim"
)

func explainReport(sc *sim.Scenario, ex *sim.Explanation, whole bool) *report {
	wd := words{sc}
	r := &report{title: sc.Name}
	if ex.TeacherNotes != nil {
		r.add(teacherSection(ex.TeacherNotes))
	}
	if whole {
		intro := section{title: "The scenario"}
		if sc.Description != "" {
			intro.text = append(intro.text, oneLine(sc.Description), "")
		}
		var issues []string
		for _, is := range sc.Issues {
			issues = append(issues, fmt.Sprintf("%s (%d options)", is.ID, len(is.Options)))
		}
		intro.text = append(intro.text, fmt.Sprintf("%s: %s. A deal picks one option on each: %s.",
			plural(len(sc.Issues), "issue", "issues"), strings.Join(issues, ", "), plural(ex.Deals, "possible deal", "possible deals")))
		if len(sc.Sources) > 0 {
			intro.text = append(intro.text, "", "Sources:")
			for _, s := range sc.Sources {
				intro.text = append(intro.text, sourceLine(s))
			}
		}
		r.add(intro)
		if rules := whoMustAgree(wd); len(rules) > 0 {
			r.add(section{title: "Who must agree", text: rules})
		}
	}
	for _, ae := range ex.Actors {
		r.add(actorSection(wd, ex, ae))
	}
	return r
}

// teacherSection shows the notes a scenario keeps for the teacher, set apart as
// confidential: what each variant shows, the results a brief must not give away.
func teacherSection(tn *sim.TeacherNotes) section {
	s := section{title: "For the teacher only", confidential: true}
	if tn.Scenario != "" {
		s.text = append(s.text, paragraphs(tn.Scenario)...)
	} else {
		s.text = append(s.text, "The scenario keeps no teacher_notes.")
	}
	if len(tn.Variants) > 0 {
		s.text = append(s.text, "", "Variants:")
	}
	for _, v := range tn.Variants {
		line := "- " + v.ID
		if v.Applied {
			line += " (applied here)"
		}
		line += ": " + oneLine(v.Description)
		if v.Notes != "" {
			line += " Teacher's notes: " + oneLine(v.Notes)
		}
		s.text = append(s.text, line)
	}
	return s
}

func actorSection(wd words, ex *sim.Explanation, ae sim.ActorExplanation) section {
	title := ae.Name
	switch {
	case ae.Standing.Kind == sim.StandingRatifier:
		// A participle reads right after a plural name ("Ukrainian voters ...") as after a
		// singular one, and a second pair of brackets would follow a name that has some.
		title += ", ratifying at home for " + actorName(wd.sc, ae.Standing.RatifiesFor)
	case !ae.Veto:
		title += " (no veto)"
	}
	s := section{title: title}
	add := func(lines ...string) { s.text = append(s.text, lines...) }
	if ae.Source != "" {
		add("Source: " + oneLine(ae.Source))
	}
	if ae.Note != "" {
		add("Note: " + oneLine(ae.Note))
	}
	if ae.Source != "" || ae.Note != "" {
		add("")
	}
	if standing := standingWords(wd, ae); standing != "" {
		add(standing, "")
	}
	if believes := beliefLines(wd, ae.ID); len(believes) > 0 {
		add(believes...)
		add("")
	}

	// The three first by name, as the page's In words view: the list below gives every
	// issue, and twelve names with commas of their own made one line no one could read.
	var top []string
	for _, p := range ae.Priorities[:min(3, len(ae.Priorities))] {
		top = append(top, fmt.Sprintf("%s (%s)", wd.issue(p.Issue), wholePercent(p.Share)))
	}
	if indifferent(ae) {
		// "What matters most: the districts (100%)" read as a stake in them, where every
		// option is worth the same to the actor.
		add(fmt.Sprintf("Nothing matters to %s: every option of every issue is worth the same to it.", ae.Name))
	} else {
		add(fmt.Sprintf("What matters most to %s, as shares of the weight: %s.", ae.Name, sim.JoinWords(top, "and")))
	}
	for _, p := range ae.Priorities {
		line := fmt.Sprintf("- %s, %s: best %s", wd.issue(p.Issue), wholePercent(p.Share), wd.options(p.Issue, p.Best, "or"))
		if len(p.Worst) > 0 {
			line += fmt.Sprintf("; worst %s", wd.options(p.Issue, p.Worst, "or"))
		}
		add(cite(line+".", p.Source, p.Note))
	}
	if len(ae.Ignores) > 0 {
		ignored := make([]string, len(ae.Ignores))
		for i, id := range ae.Ignores {
			ignored[i] = wd.issue(id)
		}
		add(fmt.Sprintf("No weight on %s.", sim.JoinWords(ignored, "or")))
	}
	add("")

	if len(ae.RedLines) == 0 && len(ae.Constraints) == 0 {
		add("Red lines: none. Only the reservation limits which deals are acceptable.")
	} else {
		add("Red lines:")
		// A red line shares its source with the preference above, so it is not cited twice.
		for _, rl := range ae.RedLines {
			if len(rl.Excluded) == 0 {
				add(fmt.Sprintf("- %s: the acceptable list names every option, so none is ruled out.", wd.issue(rl.Issue)))
				continue
			}
			add(fmt.Sprintf("- %s: only %s; never %s.", wd.issue(rl.Issue),
				wd.options(rl.Issue, rl.Acceptable, "or"), wd.options(rl.Issue, rl.Excluded, "or")))
		}
		for _, c := range ae.Constraints {
			line := fmt.Sprintf("- If %s, then %s.", conditions(wd, c.If, "is", "and"), conditions(wd, c.Then, "must be", "and"))
			if c.Why != "" {
				line += " Why: " + oneLine(c.Why)
			}
			add(cite(line, c.Source, c.Note))
		}
	}
	add("")

	if ae.Best == nil {
		add("The red lines and constraints together rule out every deal: no agreement is possible.")
		return s
	}
	if ae.Best.Utility == ae.Worst.Utility {
		// One deal named best and the same one worst read as a puzzle: every deal is alike.
		add(fmt.Sprintf("Every deal within the red lines is worth %s to %s.", num(ae.Best.Utility), ae.Name))
	} else {
		add(fmt.Sprintf("Best deal within the red lines, worth %s: %s.", num(ae.Best.Utility), wd.deal(ae.Best)))
		add(fmt.Sprintf("Worst deal within the red lines, worth %s: %s.", num(ae.Worst.Utility), wd.deal(ae.Worst)))
	}
	add("")

	add(fmt.Sprintf("Reservation: no deal worth less than %s is acceptable to %s.", num(ae.Reservation), ae.Name))
	add(fmt.Sprintf("Of the %s possible deals, %s keep to the red lines; the reservation excludes %s of those, leaving %s acceptable.",
		count(ex.Deals), count(ae.WithinRedLines), count(ae.BelowReservation), count(ae.Accepted)))
	switch {
	case ae.Accepted == 0:
		add("No deal within the red lines is worth that much: as things stand no agreement is possible.")
	case ae.BelowReservation == 0:
		add("Every deal within the red lines is worth at least that much, so the reservation adds no limit of its own.")
	case len(ae.RuledOutByReservation) > 0:
		var parts []string
		for _, k := range issuesOf(ae.RuledOutByReservation) {
			var opts []string
			for _, o := range ae.RuledOutByReservation {
				if o.Issue == k {
					opts = append(opts, o.Option)
				}
			}
			parts = append(parts, fmt.Sprintf("%s is %s", k, wd.options(k, opts, "or")))
		}
		add(fmt.Sprintf("That excludes every deal in which %s, whatever the other issues add.", sim.JoinWords(parts, "or")))
	default:
		add("No option is ruled out on its own: any option can be part of an acceptable deal, if the other issues make up for it.")
	}
	if ae.Accepted > 0 && ae.BelowReservation > 0 {
		add("", "Acceptable deals, by option (of those within the red lines):")
		for _, k := range wd.sc.Issues {
			var parts []string
			for _, oc := range ae.ByOption {
				if oc.Issue == k.ID {
					parts = append(parts, fmt.Sprintf("%s %s of %s", oc.Option, count(oc.Accepted), count(oc.WithinRedLines)))
				}
			}
			if len(parts) > 0 {
				add(fmt.Sprintf("- %s: %s", k.ID, strings.Join(parts, ", ")))
			}
		}
	}
	return s
}

// issuesOf lists the issues of option references in order of first appearance.
func issuesOf(refs []sim.OptionRef) []string {
	var out []string
	for _, r := range refs {
		if len(out) == 0 || out[len(out)-1] != r.Issue {
			out = append(out, r.Issue)
		}
	}
	return out
}

func conditions(wd words, cs []sim.Condition, verb, conj string) string {
	var parts []string
	for _, c := range cs {
		parts = append(parts, fmt.Sprintf("%s %s %s", c.Issue, verb, wd.options(c.Issue, c.Options, "or")))
	}
	return sim.JoinWords(parts, conj)
}

// explainGrid is the CSV view: one row per actor, deals written as issue=option lists.
func explainGrid(sc *sim.Scenario, ex *sim.Explanation) *grid {
	g := &grid{header: []string{"actor", "veto", "reservation", "priorities", "red_lines", "constraints",
		"best_deal", "best_utility", "worst_deal", "worst_utility", "within_red_lines", "accepted", "below_reservation", "ruled_out_by_reservation"}}
	deal := func(d *sim.ScoredDeal) (string, string) {
		if d == nil {
			return "", ""
		}
		var parts []string
		for _, is := range sc.Issues {
			parts = append(parts, is.ID+"="+d.Options[is.ID])
		}
		return strings.Join(parts, ";"), fmt.Sprint(d.Utility)
	}
	for _, ae := range ex.Actors {
		var pri, red, ruled []string
		for _, p := range ae.Priorities {
			pri = append(pri, fmt.Sprintf("%s=%g", p.Issue, p.Share))
		}
		for _, rl := range ae.RedLines {
			red = append(red, rl.Issue+"="+strings.Join(rl.Acceptable, "|"))
		}
		for _, o := range ae.RuledOutByReservation {
			ruled = append(ruled, o.Issue+"="+o.Option)
		}
		best, bu := deal(ae.Best)
		worst, wu := deal(ae.Worst)
		g.add(ae.ID, fmt.Sprint(ae.Veto), fmt.Sprint(ae.Reservation), strings.Join(pri, ";"), strings.Join(red, ";"), fmt.Sprint(len(ae.Constraints)),
			best, bu, worst, wu, fmt.Sprint(ae.WithinRedLines), fmt.Sprint(ae.Accepted), fmt.Sprint(ae.BelowReservation), strings.Join(ruled, ";"))
	}
	return g
}

// indifferent is true of an actor to which every option of every issue it weighs is worth
// the same: no issue has a worst option.
func indifferent(ae sim.ActorExplanation) bool {
	for _, p := range ae.Priorities {
		if len(p.Worst) > 0 {
			return false
		}
	}
	return true
}

// standingWords says what an actor without a veto counts for: a ratifier its votes at home;
// an actor at the table, under a decision rule, its votes, which no deal can do without
// when the others' fall short of the quota; else only its score. Empty for a veto actor.
func standingWords(wd words, ae sim.ActorExplanation) string {
	st, name := ae.Standing, ae.Name
	switch st.Kind {
	case sim.StandingRatifier:
		return fmt.Sprintf("No seat at the table for %s: %s at home on the deals %s signs, yes to each deal worth at least the reservation.",
			name, plural(st.Votes, "vote", "votes"), actorName(wd.sc, st.RatifiesFor))
	case sim.StandingScored:
		return fmt.Sprintf("No veto for %s: scored and reported, but unable to block a deal.", name)
	case sim.StandingIndispensable:
		return fmt.Sprintf("No veto for %s, but the others hold %s between them, fewer than the %d a deal needs: there is no deal without %s.", name, plural(st.OtherVotes, "vote", "votes"), st.VotesNeeded, name)
	case sim.StandingNeverDecides:
		// Every deal has the vetoes' yes, so their votes alone meet the need: no deal
		// waits on this one's, as analyze's pivotal count of 0 says.
		return fmt.Sprintf("No veto for %s: %s toward the %d a deal needs, but the actors with a veto, whose yes every deal needs, hold %s between them: its vote never decides a deal.", name, plural(st.Votes, "vote", "votes"), st.VotesNeeded, plural(st.VetoVotes, "vote", "votes"))
	case sim.StandingWithOthers:
		return fmt.Sprintf("No veto for %s: %s toward the %d a deal needs, so a deal is blocked only together with others.", name, plural(st.Votes, "vote", "votes"), st.VotesNeeded)
	}
	return ""
}
