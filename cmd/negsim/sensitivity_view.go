package main

import (
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/negsim/negsim/sim"
)

func sensitivityReport(sc *sim.Scenario, rep *sim.SensitivityReport, all, limit int) *report {
	r := &report{title: sc.Name + ": what would it take"}
	now := []string{"Now " + rep.Headline.Text + "."}
	if edge := rep.Headline.OnTheEdge; len(edge) > 0 {
		now = append(now, onTheEdgeWords(actorNames(sc, edge)))
	}
	r.add(section{text: now})

	with := 0
	for _, row := range rep.Rows {
		if row.Nearest != nil {
			with++
		}
	}
	watch := zoneChange(rep)
	deals := &dealNames{}
	numbers := section{title: "Numbers, the smallest change first", grid: thresholdGrid(rep, false, deals)}
	numbers.text = []string{fmt.Sprintf("For each value, the nearest value below and above it at which the zone %s, to within 1e-6; \"of range\" is the change as a share of the value's range.", watch)}
	switch {
	case limit == 0:
		// --limit 0: a table of headings and no rows said nothing.
		numbers.text = append(numbers.text, fmt.Sprintf("None listed, as --limit 0 asks; --limit N lists the N nearest, --all all %d values.", all))
		numbers.grid = nil
	case len(rep.Rows) == 0:
		numbers.text = append(numbers.text, fmt.Sprintf("None of the %d values, moved alone within its range, reaches a point at which the zone %s.", all, watch))
		numbers.grid = nil
	case limit == everyValue && with == 0:
		numbers.text = append(numbers.text, fmt.Sprintf("None of the %d values has a threshold in range.", all))
	case limit == everyValue && with == 1:
		numbers.text = append(numbers.text, fmt.Sprintf("1 of the %d values has a threshold in range.", all))
	case limit == everyValue:
		numbers.text = append(numbers.text, fmt.Sprintf("%d of the %d values have a threshold in range.", with, all))
	case len(rep.Rows) == 1:
		numbers.text = append(numbers.text, fmt.Sprintf("The nearest of the values with a threshold in range; --all lists all %d values.", all))
	default:
		numbers.text = append(numbers.text, fmt.Sprintf("The %d nearest of the values with a threshold in range; --all lists all %d values.", len(rep.Rows), all))
	}
	r.add(numbers)

	if len(rep.RedLines) > 0 {
		lines := section{title: "Red lines and constraints", text: []string{
			"Each red line widened by one option, and each constraint dropped, one at a time, of the actors whose acceptance counts.",
			"Each change is written as the flags to add to a command to make it.",
		}}
		g := &grid{header: []string{"change", "deals in", "what happens"}, right: []bool{false, true, false}}
		for _, rl := range rep.RedLines {
			effect := deals.effect(rl.Change, rl.Deals, rl.Nash, rl.Effect)
			switch {
			case rl.Kind == sim.OpenerRedLine:
				// The list in the change column shows the option added only beside the file's.
				effect = "also accepts " + rl.Option + ": " + effect
			case rl.Why != "":
				// The flags of a dropped constraint say what it allows, not what it was.
				effect = fmt.Sprintf("drops its condition %q: %s", rl.Why, effect)
			default:
				effect = "drops its condition: " + effect
			}
			g.add(setFlags(rl.Set), count(rl.Entering), effect)
		}
		lines.grid = g
		r.add(lines)
	}
	if len(deals.deals) > 0 {
		named := section{title: "Nash deals named above"}
		for i, d := range deals.deals {
			var parts []string
			for _, is := range sc.Issues {
				parts = append(parts, is.ID+"="+d[is.ID])
			}
			named.text = append(named.text, fmt.Sprintf("- deal %d: %s", i+1, strings.Join(parts, ", ")))
		}
		r.add(named)
	}
	r.add(section{text: []string{fmt.Sprintf("%s of the outcome space went into this answer.", plural(rep.Analyses, "search", "searches"))}})
	return r
}

// zoneChange is the change sensitivity looks for, in a student's words: "the zone ..."
// what it does at a threshold.
func zoneChange(rep *sim.SensitivityReport) string {
	if rep.Headline.Deals == 0 {
		return "opens"
	}
	return "closes or its Nash deal moves"
}

// zoneStays says that a value has no threshold: the zone, and its Nash deal, stay as they are.
func zoneStays(rep *sim.SensitivityReport) string {
	if rep.Headline.Deals == 0 {
		return "the zone stays empty"
	}
	return "the zone and its Nash deal stay as they are"
}

// setFlags writes overrides as the flags that make them, to be pasted after a command: a
// dropped constraint takes one for each list it imposes.
func setFlags(set []string) string {
	return "--set " + strings.Join(set, " --set ")
}

// thresholdGrid has a line per threshold, the two of a value together, and a line for a
// value with none. The CSV form repeats the path on every line and adds the red lines and
// constraints, so spreadsheets can filter it.
func thresholdGrid(rep *sim.SensitivityReport, csv bool, deals *dealNames) *grid {
	g := &grid{header: []string{"path", "now", "to", "change", "of range", "what happens"}, right: []bool{false, true, true, true, true, false}}
	if csv {
		g.header = []string{"path", "category", "value", "min", "max", "method", "direction", "at", "change", "relative", "kind", "deals", "effect"}
	}
	for _, row := range rep.Rows {
		sides := []*sim.Tipping{row.Below, row.Above}
		names := []string{"below", "above"}
		first := true
		for i, t := range sides {
			if t == nil {
				continue
			}
			if csv {
				g.add(row.Path, string(row.Category), fnum(row.Value), fnum(row.Min), fnum(row.Max), string(row.Method), names[i],
					fnum(t.At), fnum(t.Change), fnum(t.Relative), string(t.Kind), fmt.Sprint(t.Deals), t.Effect)
				first = false
				continue
			}
			path, now := row.Path, nowText(row.Value)
			if !first {
				path, now = "", ""
			}
			first = false
			// The value in full, as --set takes it: rounded, it could fall back on the side of
			// the threshold where nothing has changed yet (43.3333 for 43.333334).
			change := fnum(t.Change)
			if t.Change > 0 {
				change = "+" + change
			}
			g.add(path, now, fnum(t.At), change, percent(100*t.Relative), deals.effect(t.Kind, t.Deals, t.Nash, t.Effect))
		}
		if first {
			note := row.Note
			if note == "" {
				note = zoneStays(rep) + " from " + fnum(row.Min) + " to " + fnum(row.Max)
			}
			if csv {
				g.add(row.Path, string(row.Category), fnum(row.Value), fnum(row.Min), fnum(row.Max), string(row.Method), "", "", "", "", "", "", note)
			} else {
				g.add(row.Path, nowText(row.Value), "none", "", "", note)
			}
		}
	}
	if csv {
		for _, rl := range rep.RedLines {
			direction := "widen"
			if rl.Kind == "constraint" {
				direction = "drop"
			}
			// One override a cell, so that a spreadsheet can filter on one: a constraint
			// dropped has a row for each list it imposes, its other cells repeated.
			for _, set := range rl.Set {
				g.add(rl.Path, string(rl.Kind), "", "", "", "", direction, set, "", "", string(rl.Change), fmt.Sprint(rl.Deals), rl.Effect)
			}
		}
	}
	return g
}

// nowText writes a value as the file gives it, to six significant digits.
func nowText(x float64) string {
	rounded, _ := strconv.ParseFloat(strconv.FormatFloat(x, 'g', 6, 64), 64)
	return fnum(rounded)
}

// fnum writes a value in full, as --set takes it, and without an exponent, as a student
// reads it: 0.0000003, not 3e-07.
func fnum(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }

// dealNames numbers the Nash deals an opening zone would have, so that a table says
// "Nash: deal 1" and the deal is spelled out once below it instead of on every line.
type dealNames struct {
	deals []map[string]string
}

// effect is what happens, in the table's words: an opening names its Nash deal by number;
// the other changes already say only what differs.
func (n *dealNames) effect(kind sim.HeadlineChange, deals uint64, nash map[string]string, effect string) string {
	if kind != sim.ChangeOpens {
		return effect
	}
	i := slices.IndexFunc(n.deals, func(d map[string]string) bool { return reflect.DeepEqual(d, nash) })
	if i < 0 {
		n.deals = append(n.deals, nash)
		i = len(n.deals) - 1
	}
	return fmt.Sprintf("the zone opens with %s; Nash: deal %d", plural(deals, "deal", "deals"), i+1)
}

// onTheEdgeWords says why some thresholds lie a hair from the value: the Nash deal gives
// these actors exactly their walk-away value and needs each one's yes. A change of 0.0000003
// read as noise without it. The names stand as a label, as plural names ("Other ports") and
// singular ones read alike so.
func onTheEdgeWords(names []string) string {
	if len(names) == 1 {
		return fmt.Sprintf("On the edge: %s. The Nash deal gives this party exactly its walk-away value and cannot pass without its yes: the least change against this party moves the deal.", names[0])
	}
	return fmt.Sprintf("On the edge: %s. The Nash deal gives each of them exactly its walk-away value and cannot pass without the yes of any one of them: the least change against one of them moves the deal.", sim.JoinWords(names, "and"))
}
