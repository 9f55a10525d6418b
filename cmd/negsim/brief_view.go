package main

import (
	"fmt"
	"math"
	"slices"
	"strconv"

	"github.com/negsim/negsim/config"
	"github.com/negsim/negsim/sim"
)

// briefView is a brief for the reader or, as JSON, for a program; it has no CSV form.
func briefView(doc *config.Document, b *sim.Brief) view {
	return view{
		json:   jsonOf(doc, b),
		report: plainReport(func() *report { return briefReport(doc.Scenario, b, variantPremise(doc)).about(doc) }),
	}
}

// variantPremise is what the class reads of the variant it plays: its description, which
// says what it replays and never what it shows. Without it the brief's title names a
// variant whose premise no player is told.
func variantPremise(doc *config.Document) string {
	for _, v := range doc.Scenario.Variants {
		if v.ID == doc.Variant && doc.Variant != "" {
			premise := "This case is the variant " + v.ID + "."
			if d := oneLine(v.Description); d != "" {
				premise += " " + d
			}
			return premise
		}
	}
	return ""
}

func briefReport(sc *sim.Scenario, b *sim.Brief, premise string) *report {
	wd := words{sc}
	r := &report{title: b.Scenario + ": public brief"}
	if b.Role != nil {
		r.title = b.Scenario + ": brief for " + b.Role.Name
	}
	situation := section{title: "The situation", text: paragraphs(b.Situation)}
	if len(situation.text) == 0 {
		situation.text = []string{"The scenario gives no description."}
	}
	if premise != "" {
		situation.text = append(situation.text, "", premise)
	}
	r.add(situation)

	// A ratifier sits at no table, as its own brief tells it: listed among the parties, it
	// was taken for one more negotiator to talk to. For whom it ratifies is said only where
	// the author says it (a description, the situation), as the README promises: a table
	// may not know what ties the other side's hands.
	// Under a decision rule each party's votes and veto stand beside its name: a second
	// table of the same parties, fifteen rows for the Security Council, pushed every
	// elected member's sheet onto a third page.
	parties := partiesGrid(b.Parties, "party")
	if d := b.Decision; d != nil {
		votes := votesByParty(d)
		parties.header = append(parties.header, "votes", "veto")
		parties.right = make([]bool, len(parties.header))
		parties.right[len(parties.header)-2] = true
		for i, p := range b.Parties {
			parties.rows[i] = append(parties.rows[i], fmt.Sprint(votes[p.ID].Votes), yesNo(votes[p.ID].Veto))
		}
	}
	r.add(section{title: "The parties", grid: parties})
	if len(b.Ratifiers) > 0 {
		r.add(section{title: "Who ratifies at home",
			text: []string{"A ratifier sits at no table: it votes at home on a deal that one of the parties above signs."},
			grid: partiesGrid(b.Ratifiers, "ratifier")})
	}
	if d := b.Decision; d != nil {
		r.add(section{title: "How a deal is decided", text: []string{decisionRule(sc, d) + "."}})
	}

	for _, is := range b.Issues {
		s := section{title: "Issue: " + idAndName(is.ID, is.Name)}
		if is.Description != "" {
			s.text = append(s.text, oneLine(is.Description))
		}
		described, labelled := false, false
		for _, o := range is.Options {
			described = described || o.Description != ""
			labelled = labelled || o.Label != ""
		}
		g := &grid{header: []string{"option"}}
		if labelled {
			g.header = append(g.header, "label")
		}
		if described {
			g.header = append(g.header, "what it means")
		}
		for _, o := range is.Options {
			row := []string{o.ID}
			if labelled {
				row = append(row, o.Label)
			}
			if described {
				row = append(row, oneLine(o.Description))
			}
			g.add(row...)
		}
		s.grid = g
		r.add(s)
	}
	if len(b.Sources) > 0 {
		s := section{title: "Sources"}
		for _, src := range b.Sources {
			s.text = append(s.text, sourceLine(src))
		}
		r.add(s)
	}
	if b.Role != nil {
		for _, s := range roleSections(wd, b.Role, "negsim score says whether it does") {
			s.confidential = true
			r.add(s)
		}
	}
	return r
}

// decisionRule says, in a sentence without its full stop, the votes a deal needs. The votes
// alone do not settle a deal a veto holder rejects: without its name, a player counts to
// the quota without it.
func decisionRule(sc *sim.Scenario, d *sim.BriefDecision) string {
	rule := fmt.Sprintf("A deal needs the votes of parties holding at least %s between them", plural(d.VotesNeeded, "vote", "votes"))
	var vetoes []string
	for _, v := range d.Votes {
		if v.Veto {
			vetoes = append(vetoes, actorName(sc, v.ID))
		}
	}
	if len(vetoes) > 0 {
		rule += ", and " + vetoesAmong(vetoes, "must be among them")
	}
	return rule
}

// partiesGrid lists parties by name, then who they are. A column the author left empty for
// every row is left out: a blank "who they are" beside every party reads as something
// missing from the sheet.
func partiesGrid(parties []sim.Party, head string) *grid {
	introduced := slices.ContainsFunc(parties, func(p sim.Party) bool { return p.Description != "" })
	g := &grid{header: []string{head}}
	if introduced {
		g.header = append(g.header, "who they are")
	}
	for _, p := range parties {
		row := []string{p.Name}
		if introduced {
			row = append(row, oneLine(p.Description))
		}
		g.add(row...)
	}
	return g
}

// roleSections are a role's confidential instructions; check says how the player can tell
// whether a deal reaches the walk-away value where the sheet's rounded points cannot.
func roleSections(wd words, c *sim.Confidential, check string) []section {
	intro := section{title: "Confidential: for " + c.Name + " only", text: []string{
		"Do not show this part to the other players.",
		"",
		fmt.Sprintf("You play %s. A deal settles every issue; what it is worth to you is the sum of the points of its options below, at most 100.", c.Name),
	}}
	ratifier := c.Ratification != nil && c.Ratification.RatifiesFor != ""
	st := wd.sc.StandingOf(c.ID)
	switch {
	case c.Veto:
		intro.text = append(intro.text, "You hold a veto: there is no deal without your agreement.")
	case ratifier:
		// A ratifier's vote at home can sink a deal the table settled; what it may do is
		// said below, with its votes.
	case st.Kind == sim.StandingIndispensable:
		intro.text = append(intro.text, noDealWithoutYourVote(st))
	default:
		intro.text = append(intro.text, "You hold no veto: the others can settle without you. The debrief lists your points beside theirs, but ranks the tables by the gains of the parties with a veto.")
	}
	if st.VotesNeeded > 0 && !ratifier {
		intro.text = append(intro.text, fmt.Sprintf("Your acceptance counts for %s of the %d a deal needs%s.", plural(st.Votes, "vote", "votes"), st.VotesNeeded, yourVoteNeverDecides(st)))
	}
	intro.text = append(intro.text, "", fmt.Sprintf("Your walk-away value is %s points: if the talks fail you keep that much, so accept no deal worth less.", points(c.ReservationPoints)))
	if b := c.Borderline; b != nil {
		intro.text = append(intro.text, borderlineWords(*b, c.ReservationPoints, check))
	}
	if c.Source != "" {
		intro.text = append(intro.text, "", "Where this comes from: "+oneLine(c.Source))
	}
	// The notes are the scenario file's words, on its scale of 0 to 1 ("reservation
	// 0.5", "0.7·0.2 + 0.3·1 = 0.44"), while the sheet counts points out of 100: said once,
	// before the first note, so that a student can turn one into the other.
	if quotesNotes(c) {
		intro.text = append(intro.text, "", noteScale(c))
	}
	if c.Note != "" {
		intro.text = append(intro.text, "", "Note: "+oneLine(c.Note))
	}

	prio := section{title: "What matters to you", text: []string{"Each issue's share is the most it can add to your 100 points; the points column is what an option adds (rounded to a tenth)."}}
	// An issue the role gives no weight is worth 0 points whatever the deal says: one row
	// per option of it filled the Rada's table with 9 such issues, 30 rows of 0.0 over two
	// printed pages. They are named in a sentence; an issue with a red line or a condition
	// on it stays in the table, where its "never" is read.
	bound := map[string]bool{}
	for _, cn := range c.Constraints {
		for _, cd := range slices.Concat(cn.If, cn.Then) {
			bound[cd.Issue] = true
		}
	}
	var idle []string
	g := &grid{header: []string{"issue", "share", "option", "points", "red line"}, right: []bool{false, true, false, true, false}}
	for _, ri := range c.Issues {
		if ri.Share == 0 && len(ri.Never) == 0 && !bound[ri.Issue] {
			idle = append(idle, wd.issueWithID(ri.Issue))
			continue
		}
		for o, ro := range ri.Options {
			issue, share := "", ""
			if o == 0 {
				issue, share = wd.issueWithID(ri.Issue), wholePercent(ri.Share)
			}
			never := ""
			if !ro.Acceptable {
				never = "never"
			}
			g.add(issue, share, wd.option(ri.Issue, ro.Option), points(ro.Points), never)
		}
	}
	if len(g.rows) > 0 {
		prio.grid = g
	}
	if len(idle) > 0 {
		prio.text = append(prio.text, "", noWeight(idle))
	}
	// Whole percents need not add up to 100 (three equal issues read 33% each); said
	// where it happens, so that a student does not look for a missing point.
	shown := 0.0
	for _, ri := range c.Issues {
		shown += math.Round(100 * ri.Share)
	}
	if shown != 100 {
		prio.text = append(prio.text, fmt.Sprintf("Shares are rounded to whole percents, so here they add up to %.0f%%, not 100%%.", shown))
	}
	sources := section{title: "Where your numbers come from"}
	for _, ri := range c.Issues {
		if ri.Share > 0 && (ri.Source != "" || ri.Note != "") {
			sources.text = append(sources.text, cite("- "+wd.issue(ri.Issue)+".", ri.Source, ri.Note))
		}
	}

	red := section{title: "Your red lines"}
	for _, ri := range c.Issues {
		if len(ri.Never) > 0 {
			// The source states the position a red line rests on; the note is about the numbers.
			red.text = append(red.text, cite(fmt.Sprintf("- %s: never agree to %s.", wd.issue(ri.Issue), labelsFirst(wd, ri.Issue, ri.Never)), ri.Source, ""))
		}
	}
	for _, cn := range c.Constraints {
		line := fmt.Sprintf("- If %s, then %s.", conditions(wd, cn.If, "is", "and"), conditions(wd, cn.Then, "must be", "and"))
		if cn.Why != "" {
			line += " Why: " + oneLine(cn.Why)
		}
		red.text = append(red.text, cite(line, cn.Source, cn.Note))
	}
	if len(red.text) == 0 {
		red.text = []string{"None: only your walk-away value limits what you accept."}
	} else {
		red.text = append([]string{"Accept no deal that crosses one of these, whatever its points:"}, red.text...)
	}
	if rr := c.Ratification; rr != nil {
		switch {
		case rr.RatifiesFor != "":
			intro.text = append(intro.text, "", fmt.Sprintf("You do not sit at the table: you vote at home on any deal %s signs, %s. Vote for a deal only if it is worth at least your walk-away value to you.",
				wd.actor(rr.RatifiesFor), ratifierVotes(wd, rr)))
		default:
			names := make([]string, len(rr.By))
			for i, id := range rr.By {
				names[i] = wd.actor(id)
			}
			line := fmt.Sprintf("Any deal you sign must be ratified at home by %s: %s. Sign nothing they would vote down.", sim.JoinWords(names, "and"), ratifiersNeeded(rr.VotesNeeded, rr.Votes))
			if rr.Note != "" {
				line += " Note: " + oneLine(rr.Note)
			}
			intro.text = append(intro.text, "", line)
		}
	}
	out := []section{intro, prio, red}
	if bl := c.Beliefs; bl != nil {
		s := section{title: "What you believe about the others", text: []string{"Your own reading of the other parties, which may be wrong:"}}
		for _, as := range bl.Set {
			s.text = append(s.text, "- "+wd.belief(as, true))
		}
		if bl.Note != "" {
			s.text = append(s.text, "", "Why: "+oneLine(bl.Note))
		}
		out = append(out, s)
	}
	if len(sources.text) > 0 {
		out = append(out, sources)
	}
	return out
}

// ratifierVotes is what a ratifier's vote counts for, in the words its party's brief uses
// ("it needs 150 of their 200 votes"), finishing "you vote at home on any deal Ukraine
// signs, ...". The votes needed and all the ratifiers' votes are said; how the others'
// votes split is not. When the others' votes fall short of the need, the deal cannot pass
// without this one's.
func ratifierVotes(wd words, rr *sim.RoleRatification) string {
	own, others := rr.OwnVotes, rr.Votes-rr.OwnVotes
	switch {
	case own == 0:
		return "but you hold no votes: it is ratified or not without yours"
	case others == 0:
		return "and " + votesNeeded(rr.VotesNeeded, own, "your")
	}
	all := fmt.Sprintf("%d of the %d votes", rr.VotesNeeded, rr.Votes)
	if rr.VotesNeeded == rr.Votes {
		all = fmt.Sprintf("all %d votes", rr.Votes)
	}
	line := fmt.Sprintf("with your %s, and it needs %s that you and %s other ratifiers hold", plural(own, "vote", "votes"), all, possessive(wd.actor(rr.RatifiesFor)))
	if others < rr.VotesNeeded {
		line += ": it cannot pass without yours"
	}
	return line
}

// noWeight names the issues a role gives no weight, as its points table leaves them out.
func noWeight(issues []string) string {
	if len(issues) == 1 {
		return fmt.Sprintf("You give no weight to %s: each of its options is worth 0 points to you.", issues[0])
	}
	return fmt.Sprintf("You give no weight to %s: each of their options is worth 0 points to you.", sim.JoinWords(issues, "and"))
}

// quotesNotes says whether a role's sheet quotes any of the scenario file's notes.
func quotesNotes(c *sim.Confidential) bool {
	if c.Note != "" || c.Ratification != nil && c.Ratification.Note != "" || c.Beliefs != nil && c.Beliefs.Note != "" {
		return true
	}
	for _, ri := range c.Issues {
		if ri.Share > 0 && ri.Note != "" {
			return true
		}
	}
	return slices.ContainsFunc(c.Constraints, func(cn sim.ConstraintReport) bool { return cn.Note != "" })
}

// noteScale says how the notes' numbers, on the scenario file's scale of 0 to 1, read as
// the sheet's points, with the role's own reservation for an example. The reservation is
// the one the sheet shows, which in play is this round's: a note may quote the file's.
func noteScale(c *sim.Confidential) string {
	// To the thousandth, as the points to the tenth: Bill's 12/34 reads 35.3 points and 0.353.
	res := strconv.FormatFloat(math.Round(c.Reservation*1000)/1000, 'f', -1, 64)
	return fmt.Sprintf("The notes on this sheet quote the scenario file, which writes what a deal is worth as a number between 0 and 1: points are that number × 100, so your walk-away value of %s points is a reservation of %s there.", points(c.ReservationPoints), res)
}

// noDealWithoutYourVote tells a seat without a veto that the others' votes fall short.
func noDealWithoutYourVote(st sim.Standing) string {
	return fmt.Sprintf("You hold no veto, but the others hold %s between them, fewer than the %d a deal needs: there is no deal without your vote.", plural(st.OtherVotes, "vote", "votes"), st.VotesNeeded)
}

// yourVoteNeverDecides tells a seat whose votes never decide why, after what its votes
// count for: the veto actors' yes, which every deal needs, brings the votes needed with it.
// A student read "counts for 1 vote of the 3 a deal needs" as a vote that could swing one.
// Empty for any other standing.
func yourVoteNeverDecides(st sim.Standing) string {
	if st.Kind != sim.StandingNeverDecides {
		return ""
	}
	return fmt.Sprintf(", but the parties with a veto, whose yes every deal needs, hold %s between them: your vote never decides a deal", plural(st.VetoVotes, "vote", "votes"))
}

// sourceLine lists a source for a reader holding only the page: its title and date, where
// its text is (its address, or the file the scenario names), and what kind of source it is,
// from its note, so that an advocacy analysis is not read as a news report.
func sourceLine(src sim.Source) string {
	line := fmt.Sprintf("- %s: %s", src.ID, oneLine(src.Title))
	if src.Date != "" {
		line += " (" + src.Date + ")"
	}
	// A bare address: Markdown viewers link it, and angle brackets would be escaped as text.
	if src.URL != "" {
		line += ", " + src.URL
	} else if src.File != "" {
		line += ", file " + src.File
	}
	if src.Note != "" {
		line += ". " + oneLine(src.Note)
	}
	return line
}

// labelsFirst names options as a sentence reads them, "No bridge (no) or Closed (closed)":
// the label leads and the id follows for the score sheet. An id such as "no" or "none" read
// first ("never no") is taken for a word.
func labelsFirst(wd words, issue string, ids []string) string {
	named := make([]string, len(ids))
	for i, id := range ids {
		named[i] = id
		if label := wd.label(issue, id); label != "" {
			named[i] = label + " (" + id + ")"
		}
	}
	return sim.JoinWords(named, "or")
}

// borderlineWords tells a player who adds up a sheet's points, each rounded to a tenth,
// where the sum may put a deal on the wrong side of the walk-away value: a student who
// trusts the sum would sign a deal the debrief counts as no agreement.
func borderlineWords(b sim.PointsRange, walkAway float64, check string) string {
	sums := fmt.Sprintf("between %s and %s", points(b.Low), points(b.High))
	if b.Low == b.High {
		sums = "exactly " + points(b.Low)
	}
	// A sum at or above the printed walk-away value can only overstate the deal, one below
	// it only understate it.
	lo, hi, w := math.Round(10*b.Low), math.Round(10*b.High), math.Round(10*walkAway)
	worth := "a little more or a little less than " + points(walkAway)
	switch {
	case lo >= w:
		worth = "a little less than " + points(walkAway)
	case hi < w:
		worth = points(walkAway) + " or more after all"
	}
	return fmt.Sprintf("The points below are rounded to a tenth, so a deal whose points add up to %s may be worth %s: before you sign one, check that it reaches your walk-away value (%s).", sums, worth, check)
}
