package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/negsim/negsim/config"
	"github.com/negsim/negsim/sim"
)

// analysisReport is analyze's report; beliefsInWords says what each side believes in
// words, for the report, where analyze lists the paths a student pastes into --set.
func analysisReport(sc *sim.Scenario, an *sim.Analysis, beliefsInWords bool) *report {
	r := &report{title: sc.Name}
	share := 0.0
	if an.Space.Deals > 0 {
		share = 100 * float64(an.ZOPA.Count) / float64(an.Space.Deals)
	}
	space := section{title: "Outcome space", text: []string{
		fmt.Sprintf("%s, %s. The zone of possible agreement (ZOPA) holds %s of them (%s).",
			plural(an.Space.Issues, "issue", "issues"), plural(an.Space.Deals, "possible deal", "possible deals"), count(an.ZOPA.Count), percent(share)),
	}}
	if an.ZOPA.Count > 0 {
		are := "are"
		if an.Pareto.Count == 1 {
			are = "is"
		}
		space.text = append(space.text, fmt.Sprintf("%s of them %s Pareto-optimal, with %s.", count(uint64(an.Pareto.Count)), are, plural(an.Pareto.Distinct, "distinct utility vector", "distinct utility vectors")))
	}
	g := &grid{header: []string{"actor", "veto", "power", "reservation"}, right: []bool{false, false, true, true}}
	for _, ac := range an.Actors {
		veto := "yes"
		if !ac.Veto {
			veto = "no (" + roleWithoutVeto(sc, an, ac.ID) + ")"
		}
		g.add(ac.Name, veto, fmt.Sprintf("%g", ac.Power), num(ac.Reservation))
	}
	space.grid = g
	r.add(space)
	for _, part := range []func(*sim.Scenario, *sim.Analysis) (section, bool){decisionSection, ratificationSection} {
		if s, ok := part(sc, an); ok {
			r.add(s)
		}
	}

	if an.ZOPA.Count > 0 {
		title := fmt.Sprintf("ZOPA deals, best first by Nash product (%s of %s)", count(uint64(an.ZOPA.Listed)), count(an.ZOPA.Count))
		listing := section{title: title, text: []string{"Each actor's utility, with its surplus over its reservation in brackets; * marks Pareto-optimal deals."}, grid: zopaTable(sc, an)}
		if an.ZOPA.Listed == 0 {
			// --limit 0: a table of headings and no rows said nothing.
			listing = section{title: title, text: []string{"None listed, as --limit 0 asks; --limit N lists the N best."}}
		}
		r.add(listing)
		r.add(section{title: "Bargaining solutions", grid: solutionsGrid(sc, an)})
		r.add(section{title: "Options in the ZOPA", text: []string{"How many ZOPA deals settle each issue on each option; options in no ZOPA deal are out of reach."}, grid: issuesGrid(sc, an)})
	} else {
		r.add(diagnosisSection(sc, an))
	}
	if s, ok := beliefsSection(sc, an, beliefsInWords); ok {
		r.add(s)
	}
	return r
}

func vetoLabel(sc *sim.Scenario, ac sim.ActorSummary) string {
	if ac.Veto {
		return ac.ID
	}
	return ac.ID + noVetoMark(sc, ac.ID)
}

// noVetoMark says beside an actor without a veto what its yes counts for: a ratifier votes
// at home, where it can sink a deal, so "no veto" said too little of it.
func noVetoMark(sc *sim.Scenario, id string) string {
	if sc.RatifiesFor(id) != "" {
		return " (ratifies at home)"
	}
	return " (no veto)"
}

// zopaTable is the terminal view of the listed deals: utilities with surplus together.
func zopaTable(sc *sim.Scenario, an *sim.Analysis) *grid {
	g := &grid{header: []string{"#"}, right: []bool{true}}
	for _, is := range sc.Issues {
		g.header = append(g.header, is.ID)
		g.right = append(g.right, false)
	}
	for _, ac := range an.Actors {
		g.header = append(g.header, vetoLabel(sc, ac))
		g.right = append(g.right, true)
	}
	g.header = append(g.header, "Nash product", "Pareto")
	g.right = append(g.right, true, false)
	if an.Decision != nil {
		g.header = append(g.header, "votes")
		g.right = append(g.right, true)
	}
	ratifying := ratifyingActors(sc, an)
	for _, id := range ratifying {
		g.header = append(g.header, "ratified for "+id)
		g.right = append(g.right, true)
	}
	for i, d := range an.ZOPA.Deals {
		row := []string{fmt.Sprint(i + 1)}
		for _, is := range sc.Issues {
			row = append(row, d.Options[is.ID])
		}
		for _, ac := range an.Actors {
			row = append(row, fmt.Sprintf("%s (%s)", num(d.Utilities[ac.ID]), signed(d.Surplus[ac.ID])))
		}
		row = append(row, fmt.Sprintf("%.4g", d.NashProduct), mark(d.Pareto))
		if an.Decision != nil && d.Votes != nil {
			row = append(row, fmt.Sprintf("%d of %d", *d.Votes, an.Decision.VotesAtTable))
		}
		for _, id := range ratifying {
			row = append(row, fmt.Sprintf("%d of %s", d.Ratification[id], plural(an.Ratification[id].Votes, "vote", "votes")))
		}
		g.add(row...)
	}
	return g
}

// writeZOPACSV is the CSV view, streamed: one column per number, so spreadsheets can
// sort and plot.
func writeZOPACSV(ctx context.Context, w io.Writer, sc *sim.Scenario, an *sim.Analysis) error {
	header := []string{"rank"}
	for _, is := range sc.Issues {
		header = append(header, is.ID)
	}
	for _, ac := range an.Actors {
		header = append(header, "utility_"+ac.ID)
	}
	for _, ac := range an.Actors {
		header = append(header, "surplus_"+ac.ID)
	}
	header = append(header, "nash_product", "pareto")
	if an.Decision != nil {
		header = append(header, "votes")
	}
	ratifying := ratifyingActors(sc, an)
	for _, id := range ratifying {
		header = append(header, "ratification_votes_"+id)
	}
	cw := newCSVWriter(w)
	if err := cw.Write(header); err != nil {
		return err
	}
	rank := 0
	err := an.EachDeal(ctx, func(d sim.Deal) error {
		rank++
		row := []string{fmt.Sprint(rank)}
		for _, is := range sc.Issues {
			row = append(row, d.Options[is.ID])
		}
		for _, ac := range an.Actors {
			row = append(row, fmt.Sprint(d.Utilities[ac.ID]))
		}
		for _, ac := range an.Actors {
			row = append(row, fmt.Sprint(d.Surplus[ac.ID]))
		}
		row = append(row, fmt.Sprint(d.NashProduct), fmt.Sprint(d.Pareto))
		if an.Decision != nil && d.Votes != nil {
			row = append(row, fmt.Sprint(*d.Votes))
		}
		for _, id := range ratifying {
			row = append(row, fmt.Sprint(d.Ratification[id]))
		}
		return cw.Write(row)
	})
	if err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
}

// writeAnalysisJSON writes an analysis as writeResultJSON would, with its listed deals
// streamed into zopa.deals one at a time: the rest is encoded with no deals, and the deals
// are encoded at the place and indentation the encoder gives an array there.
func writeAnalysisJSON(ctx context.Context, w io.Writer, doc *config.Document, an *sim.Analysis) error {
	if an.ZOPA.Listed == 0 {
		return writeResultJSON(w, doc, an)
	}
	var rest bytes.Buffer
	if err := writeResultJSON(&rest, doc, an); err != nil {
		return err
	}
	// ZOPA is encoded count, listed, deals: the first deals after "zopa" is its list.
	const hole = `"deals": []`
	text := rest.Bytes()
	zopa := bytes.Index(text, []byte(`"zopa": {`))
	at := -1
	if zopa >= 0 {
		at = bytes.Index(text[zopa:], []byte(hole))
	}
	if at < 0 {
		return fmt.Errorf("internal error: no place for the listed deals in the analysis")
	}
	at += zopa
	const indent = "      " // zopa.deals[i] is three levels deep
	if _, err := w.Write(text[:at+len(hole)-len("[]")]); err != nil {
		return err
	}
	sep := "["
	err := an.EachDeal(ctx, func(d sim.Deal) error {
		item, err := json.MarshalIndent(d, indent, "  ")
		if err != nil {
			return err
		}
		if _, err := io.WriteString(w, sep+"\n"+indent); err != nil {
			return err
		}
		sep = ","
		_, err = w.Write(item)
		return err
	})
	if err != nil {
		return err
	}
	if _, err := io.WriteString(w, "\n    ]"); err != nil {
		return err
	}
	_, err = w.Write(text[at+len(hole):])
	return err
}

func mark(b bool) string {
	if b {
		return "*"
	}
	return ""
}

// solutionsGrid puts solutions in columns and issues and actors in rows: five deals side
// by side read better than five wide rows.
func solutionsGrid(sc *sim.Scenario, an *sim.Analysis) *grid {
	named := an.Solutions.Named()
	g := &grid{header: []string{""}, right: []bool{false}}
	for _, ns := range named {
		g.header = append(g.header, ns.Title)
		g.right = append(g.right, false)
	}
	for _, is := range sc.Issues {
		row := []string{is.ID}
		for _, ns := range named {
			row = append(row, ns.Solution.Options[is.ID])
		}
		g.add(row...)
	}
	for _, ac := range an.Actors {
		row := []string{"utility: " + vetoLabel(sc, ac)}
		for _, ns := range named {
			cell := fmt.Sprintf("%s (%s)", num(ns.Solution.Utilities[ac.ID]), signed(ns.Solution.Surplus[ac.ID]))
			if !ac.Veto && !ns.Solution.Accepts[ac.ID] {
				cell += " rejects"
			}
			row = append(row, cell)
		}
		g.add(row...)
	}
	return g
}

func issuesGrid(sc *sim.Scenario, an *sim.Analysis) *grid {
	g := &grid{header: []string{"issue", "options in the ZOPA (deals)", "never in the ZOPA"}}
	for _, is := range sc.Issues {
		var in, out []string
		for _, o := range is.Options {
			if n := an.Issues[is.ID][o.ID]; n > 0 {
				in = append(in, fmt.Sprintf("%s (%s)", o.ID, count(n)))
			} else {
				out = append(out, o.ID)
			}
		}
		g.add(is.Name, strings.Join(in, ", "), strings.Join(out, ", "))
	}
	return g
}

func diagnosisSection(sc *sim.Scenario, an *sim.Analysis) section {
	dg := an.Diagnosis
	s := section{title: "Why the zone of possible agreement is empty"}
	if dg == nil {
		return s
	}
	name := func(id string) string {
		if i := sc.ActorIndex(id); i >= 0 {
			return sc.Actors[i].Name
		}
		return id
	}
	// Under a decision rule or ratification the deal must also pass there (MODEL.md
	// sections 6 and 7).
	beyond := rulesBeyondTable(an)
	switch {
	case dg.TableAgrees:
		s.text = append(s.text, fmt.Sprintf("The veto actors accept some deals together, but none of them passes %s.", beyond))
		if c := dg.Closest; c != nil {
			s.text = append(s.text, fmt.Sprintf("The closest deal to passing falls short by %s at most, counting every actor whose yes it needs to pass %s:", num(c.LargestShortfall), beyond))
			s.text = append(s.text, closestLines(sc, an, name)...)
		}
		decidedDiagnosis(sc, an, &s)
	case len(dg.RuledOutAlone) > 0:
		s.text = append(s.text, ruledOutAloneWords(actorNames(sc, dg.RuledOutAlone)))
	case dg.RedLinesClash:
		s.text = append(s.text, "The veto actors' red lines clash: no deal keeps all of them, whatever the reservation values.")
	case dg.Closest != nil && beyond != "":
		// The vetoes' shortfalls alone would name a deal the votes or the ratifiers still
		// reject, and a fall that, followed, leaves the zone empty.
		s.text = append(s.text, fmt.Sprintf("No deal is acceptable to every veto actor. The closest deal within the veto actors' red lines falls short by %s at most, counting every actor whose yes it needs to pass %s:", num(dg.Closest.LargestShortfall), beyond))
		s.text = append(s.text, closestLines(sc, an, name)...)
	case dg.Closest != nil:
		s.text = append(s.text, fmt.Sprintf("No deal is acceptable to every veto actor. The closest deal within everyone's red lines falls short by %s at most:", num(dg.Closest.LargestShortfall)))
		s.text = append(s.text, closestLines(sc, an, name)...)
	default:
		s.text = append(s.text, fmt.Sprintf("No deal is acceptable to every veto actor, and none within their red lines could pass %s at any reservation: the red lines of the voters or ratifiers it needs rule out every one.", beyond))
	}
	// Without a veto actor there is no veto's reservation or red line to drop: which
	// vote is missing says it all.
	if !slices.ContainsFunc(an.Actors, func(a sim.ActorSummary) bool { return a.Veto }) {
		return s
	}
	// While the red lines clash no reservation weighs any deal, and a line per veto actor
	// would say so again for each.
	gaps := dg.Reservations
	if dg.RedLinesClash {
		s.text = append(s.text, "", "Lowering one reservation, the others fixed: no drop would do while the red lines clash.")
		gaps = nil
	} else {
		s.text = append(s.text, "", "Lowering one reservation, the others fixed:")
	}
	for _, g := range gaps {
		if g.MustFallBy == nil && g.BlockedBeyondTable {
			s.text = append(s.text, fmt.Sprintf("- %s: no drop would do: none of the deals within the red lines that the other veto actors accept passes %s.", name(g.Actor), beyond))
			continue
		}
		if g.MustFallBy == nil {
			s.text = append(s.text, fmt.Sprintf("- %s: no drop would do: no deal within the red lines satisfies all the other veto actors at their own reservations.", name(g.Actor)))
			continue
		}
		if *g.MustFallBy <= sim.Tolerance {
			continue
		}
		best, value, decimals := reachableText(*g.Reachable)
		deal := "a deal the others accept"
		if beyond != "" {
			deal += " that passes " + beyond
		}
		s.text = append(s.text, fmt.Sprintf("- %s: the most %s can give is %s; the reservation %s would have to fall by %s [%s].",
			name(g.Actor), deal, best, num(g.Reservation), strconv.FormatFloat(math.Max(0, g.Reservation-value), 'f', decimals, 64), g.Path))
	}
	s.text = append(s.text, "", "Dropping one red line or constraint:")
	if len(dg.Openers) == 0 {
		s.text = append(s.text, "- none opens the zone on its own.")
	}
	for _, o := range dg.Openers {
		what := fmt.Sprintf("%s red line on %s (%s)", possessive(name(o.Actor)), o.Issue, o.Why)
		if o.Kind == "constraint" {
			what = fmt.Sprintf("%s constraint %q", possessive(name(o.Actor)), o.Why)
		}
		s.text = append(s.text, fmt.Sprintf("- %s: lets in %s [%s]", what, openerDeals(an, o, name), o.Path))
	}
	return s
}

// closestLines writes the closest deal and, in file order, each actor it leaves short of
// its reservation.
func closestLines(sc *sim.Scenario, an *sim.Analysis, name func(string) string) []string {
	c := an.Diagnosis.Closest
	lines := []string{"  " + dealText(sc, c.Options)}
	for _, ac := range an.Actors {
		if sf := c.Shortfall[ac.ID]; sf > 0 {
			lines = append(lines, fmt.Sprintf("  %s: worth %s, %s below the reservation %s.", name(ac.ID), num(c.Utilities[ac.ID]), num(sf), num(ac.Reservation)))
		}
	}
	return lines
}

// openerDeals says how many deals an opener lets in, and, under a decision rule or
// ratification, how many of them pass beyond the table: a drop whose deals all fail at home
// leaves the zone as empty as it was.
func openerDeals(an *sim.Analysis, o sim.Opener, name func(string) string) string {
	if o.InZone == nil {
		return plural(o.Deals, "deal", "deals")
	}
	atTable := plural(o.Deals, "deal", "deals") + " at the table"
	beyond, fails := "passes the vote and ratification", "does not pass the vote and ratification"
	if an.Ratification == nil {
		beyond, fails = "gathers the votes needed", "does not gather the votes needed"
	} else if an.Decision == nil {
		beyond, fails = "is ratified at home", "is not ratified at home"
	}
	// One deal reads in the singular: "which is not ratified", "reject it".
	one := o.Deals == 1
	switch {
	case one && *o.InZone == 1:
		return fmt.Sprintf("%s, and it %s", atTable, beyond)
	case *o.InZone == o.Deals:
		return fmt.Sprintf("%s, and every one %s", atTable, beyond)
	case *o.InZone > 0:
		return fmt.Sprintf("%s, of which %s %s", atTable, count(*o.InZone), beyond)
	}
	out := fmt.Sprintf("%s, none of which %s: the zone stays empty", atTable, beyond)
	them := "them"
	if one {
		out = fmt.Sprintf("%s, which %s: the zone stays empty", atTable, fails)
		them = "it"
	}
	var blockers []string
	for _, id := range o.BlockedAtHome {
		if r := an.Ratification[id]; r != nil {
			names := make([]string, len(r.By))
			for i, k := range r.By {
				names[i] = name(k)
			}
			blockers = append(blockers, fmt.Sprintf("%s ratifiers (%s)", possessive(name(id)), strings.Join(names, ", ")))
		}
	}
	if len(blockers) > 0 {
		out += "; " + sim.JoinWords(blockers, "and") + " reject " + them
	}
	return out
}

// reachableText writes the most a veto actor can get, the value its reservation must fall
// to: at three decimals when they are the value, else at six rounded down, so that the
// value as written, pasted into --set, still admits the deal (0.681818 for 15/22; 0.682
// would leave the zone empty).
func reachableText(x float64) (text string, value float64, decimals int) {
	// The engine accepts a deal within sim.Tolerance of a reservation, so a value that
	// binary arithmetic puts a hair below a decimal is that decimal.
	down := func(scale float64) float64 { return math.Floor(x*scale+sim.Tolerance*scale) / scale }
	decimals, value = 3, down(1e3)
	if x-value > sim.Tolerance {
		decimals, value = 6, down(1e6)
	}
	return strconv.FormatFloat(value, 'f', decimals, 64), value, decimals
}

// ruledOutAloneWords says that the red lines and constraints of one veto actor, or of each
// of several, rule out every deal by themselves: "the veto actors' red lines clash" sent a
// teacher looking between the parties for a conflict that was within one. The names are
// objects, never subjects, so that plural names ("Oil exporters") read right.
func ruledOutAloneWords(names []string) string {
	if len(names) == 1 {
		return fmt.Sprintf("The red lines and constraints of %s alone rule out every deal, whatever the others accept and whatever the reservation values: no deal keeps them all.", names[0])
	}
	return fmt.Sprintf("The red lines and constraints of each of %s alone rule out every deal, whatever the others accept and whatever the reservation values.", sim.JoinWords(names, "and"))
}
