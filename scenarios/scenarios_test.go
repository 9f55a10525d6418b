package scenarios_test

import (
	"bytes"
	"context"
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/negsim/negsim/config"
	"github.com/negsim/negsim/scenarios"
	"github.com/negsim/negsim/sim"
)

const schemaLine = "# yaml-language-server: $schema=negsim.schema.json"

// load reads a shipped scenario afresh, so that applying a variant never leaks into
// another test.
func load(t testing.TB, name string) *config.Document {
	t.Helper()
	data, ok := scenarios.Read(name)
	if !ok {
		t.Fatalf("scenario %q is not shipped", name)
	}
	doc, err := config.Load(name+".yaml", data)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return doc
}

// analyze loads a shipped scenario, applies a variant ("" for none) and analyses it.
func analyze(t *testing.T, name, variant string) *sim.Analysis {
	t.Helper()
	doc := load(t, name)
	if err := doc.Apply(variant, nil); err != nil {
		t.Fatalf("%s#%s: %v", name, variant, err)
	}
	sp, err := sim.Compile(doc.Scenario)
	if err != nil {
		t.Fatalf("%s#%s: compile: %v", name, variant, err)
	}
	an, err := sim.Analyze(context.Background(), sp, sim.Options{Limit: 5})
	if err != nil {
		t.Fatalf("%s#%s: analyze: %v", name, variant, err)
	}
	return an
}

// wantNashOptions checks the options the Nash deal chooses on the issues want names.
func wantNashOptions(t *testing.T, an *sim.Analysis, want map[string]string) {
	t.Helper()
	for k, v := range want {
		if got := an.Solutions.Nash.Options[k]; got != v {
			t.Errorf("Nash deal: %s = %s, want %s", k, got, v)
		}
	}
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

// closest returns the diagnosis' closest deal, failing the test when the zone is not empty
// or the red lines clash, so that a changed scenario fails with a message, not a panic.
func closest(t *testing.T, an *sim.Analysis) *sim.ClosestDeal {
	t.Helper()
	if an.ZOPA.Count != 0 {
		t.Fatalf("ZOPA holds %d deals; want it empty", an.ZOPA.Count)
	}
	if an.Diagnosis == nil || an.Diagnosis.Closest == nil {
		t.Fatalf("want a closest deal within every red line, got %+v", an.Diagnosis)
	}
	return an.Diagnosis.Closest
}

func TestEveryShippedScenarioAndVariantLoadsAndAnalyses(t *testing.T) {
	names := scenarios.Names()
	for _, want := range []string{scenarios.Default, "teaching-two-party", "teaching-red-line", "teaching-nash-1950"} {
		if !strings.Contains(" "+strings.Join(names, " ")+" ", " "+want+" ") {
			t.Errorf("%s is not shipped; shipped: %v", want, names)
		}
	}
	for _, name := range names {
		data, _ := scenarios.Read(name)
		if first, _, _ := bytes.Cut(data, []byte("\n")); string(first) != schemaLine {
			t.Errorf("%s: first line is %q, want %q so editors find the schema", name, first, schemaLine)
		}
		an := analyze(t, name, "")
		if an.Space.Deals == 0 {
			t.Errorf("%s: empty outcome space", name)
		}
		for _, v := range load(t, name).Scenario.Variants {
			if v.Description == "" {
				t.Errorf("%s#%s: a variant must say what it shows", name, v.ID)
			}
			analyze(t, name, v.ID)
		}
	}
}

// TestReferenceScenarioCitesEveryValue holds the reference scenario to its own rule: every
// actor, preference, constraint, event and variant says where its numbers come from or that
// they are assumptions, and every analysis it cites by number is in its sources list.
func TestReferenceScenarioCitesEveryValue(t *testing.T) {
	sc := load(t, scenarios.Default).Scenario
	known := map[string]bool{}
	for _, s := range sc.Sources {
		known[s.ID] = true
	}
	// A citation is a three-digit file id standing alone ("001: ...", "(002)"), not the
	// tail of a number such as 0.005.
	cites := regexp.MustCompile(`(?:^|[\s(,;'"])(00\d)\b`)
	check := func(where, source, note string) {
		t.Helper()
		if source == "" && note == "" {
			t.Errorf("%s has neither source nor note", where)
		}
		for _, m := range cites.FindAllStringSubmatch(source+" "+note, -1) {
			if !known[m[1]] {
				t.Errorf("%s cites %s, which is not in sources", where, m[1])
			}
		}
	}
	for _, is := range sc.Issues {
		check("issue "+is.ID, is.Source, is.Note)
	}
	for _, a := range sc.Actors {
		check("actor "+a.ID, a.Source, a.Note)
		for _, p := range a.Preferences {
			check("actor "+a.ID+" preference "+p.Issue, p.Source, p.Note)
		}
		for i, c := range a.Constraints {
			check("actor "+a.ID+" constraint "+strconv.Itoa(i), c.Source, c.Note)
		}
	}
	for _, e := range sc.Events {
		check("event "+e.Why, e.Source, e.Note)
	}
	for _, v := range sc.Variants {
		check("variant "+v.ID, v.Source, v.Note)
	}
	if len(sc.Issues) != 11 {
		t.Errorf("%d issues, want the 11 of the issue list", len(sc.Issues))
	}
	for _, is := range sc.Issues {
		if n := len(is.Options); n < 3 || n > 4 {
			t.Errorf("issue %s has %d options; the scenario keeps 3–4 so analyze stays fast", is.ID, n)
		}
		for _, o := range is.Options {
			if o.Label == "" || o.Description == "" {
				t.Errorf("issue %s option %s needs a label and a one-line description", is.ID, o.ID)
			}
		}
	}
}

// The shipped Feb 2026 positions, worked by hand. Within every veto actor's red lines:
//   - territory: Russia accepts only withdraw-donetsk or cede-four, Ukraine not cede-four,
//     so withdraw-donetsk; Ukraine's constraint then forces guarantees = article5 and
//     sequencing = guarantees-first;
//   - recognition: Russia {de-facto, de-jure} ∩ Ukraine and Europe {none, de-facto} = de-facto;
//   - nato: Ukraine {open, not-now} ∩ Russia {not-now, ban} = not-now;
//   - foreign-troops: Russia accepts only none; military-limits: Ukraine {none, cap};
//     eu-path: Ukraine {membership-path, delayed}.
//
// Russia's best deal in that set (weights /100, ideal-point values: not-now is one step
// from ban of two, 0.5; delayed one step from blocked, 0.5):
//
//	territory 0.25·0.8 + recognition 0.10·0.6 + guarantees 0.12·0 + nato 0.12·0.5
//	+ military-limits 0.08·0.7 (cap) + foreign-troops 0.10·1 + sanctions 0.08·1 (full relief)
//	+ assets 0.04·1 (returned) + sequencing 0.06·0 + eu-path 0.02·0.5 (delayed)
//	+ language 0.03·1
//	= 0.2 + 0.06 + 0 + 0.06 + 0.056 + 0.1 + 0.08 + 0.04 + 0 + 0.01 + 0.03 = 0.636 < 0.66.
//
// So the zone is empty and Russia falls 0.024 short at its best. At that deal the others
// accept: Ukraine 0.044 + 0.048 + 0.18 + 0.025 + 0.04 + 0 + 0 + 0 + 0.1 + 0.032 + 0 = 0.469
// ≥ 0.45; the US 0.09 + 0.05 + 0.096 + 0.08 + 0.05 + 0.04 + 0.105 + 0.02 + 0.02 + 0.03
// + 0.024 = 0.605 ≥ 0.40; Europe 0.06 + 0.06 + 0.15 + 0.035 + 0.04 + 0.02 + 0 + 0 + 0.05
// + 0.035 + 0.006 = 0.456 ≥ 0.45. It is therefore the closest deal, short by 0.024.
var closestFeb2026 = map[string]string{
	"territory": "withdraw-donetsk", "recognition": "de-facto", "guarantees": "article5",
	"nato": "not-now", "military-limits": "cap", "foreign-troops": "none",
	"sanctions": "full-relief", "assets": "returned", "sequencing": "guarantees-first",
	"eu-path": "delayed", "language": "russian-status",
}

func TestReferenceScenarioAsShipped(t *testing.T) {
	an := analyze(t, scenarios.Default, "")
	closest(t, an)
	dg := an.Diagnosis
	for issue, want := range closestFeb2026 {
		if got := dg.Closest.Options[issue]; got != want {
			t.Errorf("closest deal: %s = %s, want %s", issue, got, want)
		}
	}
	for actor, want := range map[string]float64{"russia": 0.024, "ukraine": 0, "united-states": 0, "europe": 0} {
		if got := dg.Closest.Shortfall[actor]; !near(got, want) {
			t.Errorf("closest deal: %s's shortfall %.4f, want %.4f", actor, got, want)
		}
	}
	for actor, want := range map[string]float64{"russia": 0.636, "ukraine": 0.469, "united-states": 0.605, "europe": 0.456} {
		if got := dg.Closest.Utilities[actor]; !near(got, want) {
			t.Errorf("closest deal: %s's utility %.4f, want %.4f", actor, got, want)
		}
	}
	// The documents' explanation, territory and guarantee sequencing, must be among the
	// single changes that open the zone.
	var territory, sequencing bool
	for _, o := range dg.Openers {
		territory = territory || (o.Actor == "ukraine" && o.Kind == "red_line" && o.Issue == "territory")
		sequencing = sequencing || (o.Actor == "ukraine" && o.Kind == "constraint" && strings.Contains(o.Why, "guarantees in force first"))
	}
	if !territory || !sequencing {
		t.Errorf("openers %+v: want Ukraine's territory red line and its guarantees-first constraint", dg.Openers)
	}
}

func TestReferenceVariantsMoveThePictureAsDocumented(t *testing.T) {
	base := analyze(t, scenarios.Default, "")
	baseGap := closest(t, base).LargestShortfall

	t.Run("alaska-2025 has a wider gap", func(t *testing.T) {
		an := analyze(t, scenarios.Default, "alaska-2025")
		// Same closest deal; Russia 0.68 − 0.636 = 0.044, Ukraine 0.52 − 0.469 = 0.051.
		if got := closest(t, an).LargestShortfall; !near(got, 0.051) || got <= baseGap {
			t.Errorf("largest shortfall %.4f, want 0.051 (> Feb 2026's %.4f)", got, baseGap)
		}
	})

	t.Run("geneva-19-point leaves Russia furthest short", func(t *testing.T) {
		an := analyze(t, scenarios.Default, "geneva-19-point")
		// Russia 0.68 − 0.636 = 0.044; Ukraine 0.50 − 0.469 = 0.031.
		sf := closest(t, an).Shortfall
		if !near(sf["russia"], 0.044) || !near(sf["ukraine"], 0.031) {
			t.Errorf("shortfalls %v, want russia 0.044, ukraine 0.031", sf)
		}
	})

	t.Run("abu-dhabi-2026 is the shipped round 2 and still binds on sequencing", func(t *testing.T) {
		// r(2) = r + 2·drift + events up to round 2 (MODEL.md §4), from the file's own values.
		sc := load(t, scenarios.Default).Scenario
		want := map[string]float64{}
		for _, a := range sc.Actors {
			want["actors."+a.ID+".reservation"] = a.Reservation + 2*a.ReservationDrift
		}
		for _, e := range sc.Events {
			for _, as := range e.Add {
				x, isNumber := as.Value.(float64)
				if _, ok := want[as.Path]; ok && isNumber && e.Round <= 2 {
					want[as.Path] += x
				}
			}
		}
		// By hand: Ukraine 0.45 − 0.02 + 0.02 − 0.06 = 0.39; Russia 0.66 + 0.01 + 0.02 = 0.69;
		// the US 0.40 − 0.04 = 0.36.
		for path, hand := range map[string]float64{"actors.ukraine.reservation": 0.39, "actors.russia.reservation": 0.69, "actors.united-states.reservation": 0.36} {
			if !near(want[path], hand) {
				t.Errorf("%s at round 2 from the file is %.4f, by hand %.4f", path, want[path], hand)
			}
		}
		for _, v := range sc.Variants {
			if v.ID != "abu-dhabi-2026" {
				continue
			}
			for _, as := range v.Set {
				if x, ok := as.Value.(float64); !ok || !near(x, want[as.Path]) {
					t.Errorf("variant sets %s = %v, round 2 gives %.4f", as.Path, as.Value, want[as.Path])
				}
			}
		}
		an := analyze(t, scenarios.Default, "abu-dhabi-2026")
		// Russia 0.69 − 0.636 = 0.054; Ukraine's lower reservation does not help.
		if got := closest(t, an).Shortfall["russia"]; !near(got, 0.054) {
			t.Errorf("Russia's shortfall %.4f, want 0.054", got)
		}
		found := false
		for _, o := range an.Diagnosis.Openers {
			found = found || (o.Actor == "ukraine" && o.Kind == "constraint")
		}
		if !found {
			t.Errorf("openers %+v: want Ukraine's guarantees-first constraint", an.Diagnosis.Openers)
		}
	})

	t.Run("sanctions-bite opens the zone around a freeze", func(t *testing.T) {
		an := analyze(t, scenarios.Default, "sanctions-bite")
		if an.ZOPA.Count <= base.ZOPA.Count {
			t.Fatalf("ZOPA %d deals, want more than the shipped %d", an.ZOPA.Count, base.ZOPA.Count)
		}
		nash := an.Solutions.Nash
		if nash == nil {
			t.Fatal("no Nash deal")
		}
		if nash.Options["territory"] != "freeze-dmz" {
			t.Errorf("Nash deal settles territory on %s, want freeze-dmz (002: the best freeze)", nash.Options["territory"])
		}
		// Russia's utility at that deal by hand, weights now summing 112 (sanctions 20):
		// freeze-dmz 25·0.2 = 5, de-facto 10·0.6 = 6, article5 0, not-now 12·0.5 = 6, cap 8·0.7
		// = 5.6, no troops 10, full relief 20, shared fund 4·0.5 = 2, deal-first 6,
		// membership 0, minority rights 3·0.5 = 1.5; 62.1 / 112 = 0.55446 ≥ 0.45.
		want := map[string]string{"territory": "freeze-dmz", "recognition": "de-facto", "guarantees": "article5",
			"nato": "not-now", "military-limits": "cap", "foreign-troops": "none", "sanctions": "full-relief",
			"assets": "shared-fund", "sequencing": "deal-first", "eu-path": "membership-path", "language": "minority-rights"}
		same := true
		for k, v := range want {
			same = same && nash.Options[k] == v
		}
		if same && !near(nash.Utilities["russia"], 62.1/112) {
			t.Errorf("Russia's utility at the Nash deal %.5f, by hand %.5f", nash.Utilities["russia"], 62.1/112)
		}
	})

	t.Run("us-steps-back makes the red lines clash", func(t *testing.T) {
		// Russia needs withdraw-donetsk or cede-four; Ukraine refuses cede-four and ties
		// withdraw-donetsk to article5; the US no longer accepts article5. Nothing is left.
		an := analyze(t, scenarios.Default, "us-steps-back")
		if an.ZOPA.Count != 0 || an.Diagnosis == nil || !an.Diagnosis.RedLinesClash {
			t.Errorf("want clashing red lines, got %d deals, %+v", an.ZOPA.Count, an.Diagnosis)
		}
	})

	t.Run("ceasefire-first opens a tiny zone on the Anchorage formula", func(t *testing.T) {
		// Russia's sequencing value for guarantees-first rises 0 → 0.6, worth 0.06·0.6 = 0.036:
		// its best deal is worth 0.636 + 0.036 = 0.672 ≥ 0.66. Every move away from it costs
		// Russia: eu-path membership 0.01 (0.662, still in), language minority rights 0.015
		// (0.657, out), sanctions phased 0.08/3 ≈ 0.027, assets shared 0.02, military none
		// 0.056 (out). The others keep the utilities above (Europe 0.456 → 0.471 with
		// membership). So exactly 2 deals.
		an := analyze(t, scenarios.Default, "ceasefire-first")
		if an.ZOPA.Count != 2 {
			t.Fatalf("ZOPA holds %d deals, want 2", an.ZOPA.Count)
		}
		wantNashOptions(t, an, map[string]string{"territory": "withdraw-donetsk", "guarantees": "article5", "sequencing": "guarantees-first"})
	})

	t.Run("europe-sidelined leaves the gap unchanged", func(t *testing.T) {
		an := analyze(t, scenarios.Default, "europe-sidelined")
		if got := closest(t, an).LargestShortfall; !near(got, baseGap) {
			t.Errorf("largest shortfall %.4f, want the shipped %.4f", got, baseGap)
		}
	})
}

func TestTeachingTwoParty(t *testing.T) {
	// The file's comments list all 27 deals; four pass both reservations and red lines.
	an := analyze(t, "teaching-two-party", "")
	if an.ZOPA.Count != 4 {
		t.Fatalf("ZOPA holds %d deals, want 4", an.ZOPA.Count)
	}
	// Pareto: (0.65, 0.65) and (0.50, 0.80); (0.60, 0.55) and (0.50, 0.50) are dominated.
	if an.Pareto.Count != 2 {
		t.Errorf("%d Pareto-optimal deals, want 2", an.Pareto.Count)
	}
	wantNashOptions(t, an, map[string]string{"salary": "high", "remote": "hybrid", "start": "now"})
	nash := an.Solutions.Nash
	// 0.5 + 0.3·0.5 = 0.65 for the candidate; 0.3·0.5 + 0.5 = 0.65 for the employer.
	if !near(nash.Utilities["candidate"], 0.65) || !near(nash.Utilities["employer"], 0.65) {
		t.Errorf("Nash utilities %v, want 0.65 each", nash.Utilities)
	}
}

func TestTeachingRedLine(t *testing.T) {
	an := analyze(t, "teaching-red-line", "")
	closest(t, an)
	dg := an.Diagnosis
	// hold, keep, yes: right 0.25 + 0 + 0.2 = 0.45, 0.05 short; cut, keep, yes leaves the
	// centre 0.10 short, so the first is closest.
	if dg.Closest.Options["tax"] != "hold" || dg.Closest.Options["schools"] != "keep" ||
		dg.Closest.Options["bridge"] != "yes" || !near(dg.Closest.LargestShortfall, 0.05) {
		t.Errorf("closest deal %+v, want hold/keep/yes short by 0.05", dg.Closest)
	}
	falls := map[string]*float64{}
	for _, g := range dg.Reservations {
		falls[g.Actor] = g.MustFallBy
	}
	if falls["left"] != nil || falls["centre"] == nil || !near(*falls["centre"], 0.10) || falls["right"] == nil || !near(*falls["right"], 0.05) {
		t.Errorf("reservation gaps %+v, want left none, centre 0.10, right 0.05", dg.Reservations)
	}
	if len(dg.Openers) != 1 || dg.Openers[0].Actor != "left" || dg.Openers[0].Issue != "schools" || dg.Openers[0].Deals != 1 {
		t.Errorf("openers %+v, want only the left's schools red line, letting in 1 deal", dg.Openers)
	}

	moved := analyze(t, "teaching-red-line", "left-accepts-merger")
	if moved.ZOPA.Count != 1 {
		t.Fatalf("with the red line moved the ZOPA holds %d deals, want 1", moved.ZOPA.Count)
	}
	d := moved.Solutions.Nash
	// hold, merge, yes: left 0.15 + 0.25 = 0.40, centre 0.3 + 0.3 + 0.4 = 1, right 0.25 + 0.15 + 0.2 = 0.60.
	if d.Options["tax"] != "hold" || d.Options["schools"] != "merge" || d.Options["bridge"] != "yes" ||
		!near(d.Utilities["left"], 0.40) || !near(d.Utilities["centre"], 1) || !near(d.Utilities["right"], 0.60) {
		t.Errorf("deal %+v, want hold/merge/yes at 0.40, 1, 0.60", d.Deal)
	}
}

// nashGoods is Table 1 of Nash (1950), "The Bargaining Problem": each good's utility to
// Bill and to Jack, and its first owner.
var nashGoods = []struct {
	name       string
	bill, jack int
	billOwns   bool
}{
	{"book", 2, 4, true}, {"whip", 2, 2, true}, {"ball", 2, 1, true}, {"bat", 2, 2, true}, {"box", 4, 1, true},
	{"pen", 10, 1, false}, {"toy", 4, 1, false}, {"knife", 6, 2, false}, {"hat", 2, 2, false},
}

func TestTeachingNash1950ReproducesThePublishedAnswer(t *testing.T) {
	an := analyze(t, "teaching-nash-1950", "")
	// Nash's answer: Bill gives Jack book, whip, ball and bat; Jack gives Bill pen, toy and knife.
	published := map[string]string{"book": "jack", "whip": "jack", "ball": "jack", "bat": "jack", "box": "bill",
		"pen": "bill", "toy": "bill", "knife": "bill", "hat": "jack"}
	nash := an.Solutions.Nash
	if nash == nil {
		t.Fatal("no Nash deal: the zone is empty")
	}
	for good, holder := range published {
		if nash.Options[good] != holder {
			t.Errorf("Nash deal gives the %s to %s; Nash (1950) gives it to %s", good, nash.Options[good], holder)
		}
	}
	// Gains 12 for Bill and 5 for Jack in Nash's units: 24/34 and 11/16 in negsim's.
	if !near(nash.Utilities["bill"], 24.0/34) || !near(nash.Utilities["jack"], 11.0/16) {
		t.Errorf("Nash utilities %v, want bill 24/34, jack 11/16", nash.Utilities)
	}

	// The zone, counted independently from Nash's table: every barter that leaves neither
	// man worse off than no trade (Bill 12, Jack 6).
	var count uint64
	for mask := 0; mask < 1<<len(nashGoods); mask++ { // bit set: Bill ends up with the good
		bill, jack := 0, 0
		for i, g := range nashGoods {
			if mask&(1<<i) != 0 {
				bill += g.bill
			} else {
				jack += g.jack
			}
		}
		if bill >= 12 && jack >= 6 {
			count++
		}
	}
	if an.ZOPA.Count != count {
		t.Errorf("ZOPA holds %d barters; enumerating Nash's table gives %d", an.ZOPA.Count, count)
	}
}
