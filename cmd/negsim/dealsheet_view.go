package main

import (
	"fmt"
	"strings"

	"github.com/negsim/negsim/config"
	"github.com/negsim/negsim/sim"
)

// A deal sheet is the one page a table fills in at the end of its talks: an option ticked
// on every issue, the signatures of the parties that accept, and, where the scenario has
// ratification, the vote at home. It is made from the public brief alone, so it holds
// nothing a role keeps private, and it shows each option's id, which the teacher types
// into the class's deals file for debrief.

// dealSheetView is the deal sheet of the public brief b, for the reader only: a program
// reads the public brief.
func dealSheetView(doc *config.Document, b *sim.Brief) view {
	return view{report: plainReport(func() *report { return dealSheetReport(doc.Scenario, b).about(doc) })}
}

// blank is a line to write on.
const blank = "____________________"

func dealSheetReport(sc *sim.Scenario, b *sim.Brief) *report {
	r := &report{title: b.Scenario + ": deal sheet"}
	r.add(section{text: []string{
		"Table: " + blank + "    Round or time: " + blank,
		"",
		"Tick one option on every issue: a deal settles them all. Or tick no agreement at the foot of the list.",
	}})

	deal := &grid{header: []string{"issue", "tick one option"}}
	for _, is := range b.Issues {
		boxes := make([]string, len(is.Options))
		for i, o := range is.Options {
			// A box keeps to its option's first word (a no-break space), and options stand
			// an em space apart, which HTML does not fold into one space as it does "   ".
			boxes[i] = "☐\u00a0" + optionWords(o)
		}
		deal.add(is.Name, strings.Join(boxes, "\u2003"))
	}
	deal.add("No agreement", "☐\u00a0the table ends without a deal: every party keeps its walk-away value")
	r.add(section{title: "The deal", grid: deal})

	signatures := &grid{header: []string{"party", "veto", "signature"}}
	if d := b.Decision; d != nil {
		signatures.header = []string{"party", "votes", "veto", "signature"}
		signatures.right = []bool{false, true}
		votes := votesByParty(d)
		for _, p := range b.Parties {
			v := votes[p.ID]
			signatures.add(p.Name, fmt.Sprint(v.Votes), yesNo(v.Veto), blank)
		}
		r.add(section{title: "Signatures", text: []string{decisionRule(sc, d) + ". Each party that accepts the deal signs."}, grid: signatures})
	} else {
		var vetoes []string
		for _, p := range b.Parties {
			veto := sc.Actors[sc.ActorIndex(p.ID)].Veto
			signatures.add(p.Name, yesNo(veto), blank)
			if veto {
				vetoes = append(vetoes, p.Name)
			}
		}
		r.add(section{title: "Signatures", text: []string{"There is no deal without the signature of " + sim.JoinWords(vetoes, "and") + ". Each party that accepts the deal signs."}, grid: signatures})
	}

	if len(b.Ratifiers) > 0 {
		// The sheet says what each party's ratification needs and what each ratifier's vote
		// weighs: with boxes alone, a teacher could not tell from it whether a deal stood.
		home := &grid{header: []string{"ratifier", "ratifies for", "votes", "vote at home"}, right: []bool{false, false, true}}
		var owners []string
		needs := map[string]sim.Standing{}
		for _, p := range b.Ratifiers {
			st := sc.StandingOf(p.ID)
			home.add(p.Name, actorName(sc, st.RatifiesFor), fmt.Sprint(st.Votes), "☐\u00a0yes\u2003☐\u00a0no")
			if _, seen := needs[st.RatifiesFor]; !seen {
				owners = append(owners, st.RatifiesFor)
			}
			needs[st.RatifiesFor] = st
		}
		rules := make([]string, len(owners))
		for i, id := range owners {
			st := needs[id]
			rules[i] = fmt.Sprintf("for %s, %d of %d", actorName(sc, id), st.VotesNeeded, st.Votes+st.OtherVotes)
		}
		r.add(section{title: "Ratification at home", text: []string{
			"A signed deal goes home to be ratified: each ratifier votes on it, and it stands for a party when the ratifiers that vote yes hold the votes needed: " + strings.Join(rules, "; ") + ".",
		}, grid: home})
	}

	ids := make([]string, len(b.Issues))
	for i, is := range b.Issues {
		ids[i] = is.ID
	}
	r.add(section{title: "For the teacher", text: []string{
		"Type the deal as one row of the class's deals file, under its first line \"table," + strings.Join(ids, ",") + "\": the table's name, then the id in brackets of each option ticked, in that order; a table with no agreement leaves every issue empty. negsim debrief --deals reads the file.",
	}})
	return r
}

// optionWords is an option as a sheet names it: its label with its id, or its id alone.
func optionWords(o sim.Option) string {
	if o.Label == "" || o.Label == o.ID {
		return o.ID
	}
	return o.Label + " (" + o.ID + ")"
}

// votesByParty is each table party's votes and veto under the brief's decision rule, by id.
func votesByParty(d *sim.BriefDecision) map[string]sim.PartyVote {
	votes := map[string]sim.PartyVote{}
	for _, v := range d.Votes {
		votes[v.ID] = v
	}
	return votes
}
