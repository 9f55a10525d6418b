package scenarios_test

import (
	"bytes"
	"context"
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/negsim/negsim/internal/scenariotest"
	"github.com/negsim/negsim/scenarios"
	"github.com/negsim/negsim/sim"
)

const schemaLine = "# yaml-language-server: $schema=negsim.schema.json"

// analyze loads a shipped scenario, applies a variant ("" for none) and analyses it.
func analyze(t *testing.T, name, variant string) *sim.Analysis {
	t.Helper()
	an, err := sim.Analyze(context.Background(), scenariotest.Shipped(t, name, variant).Space, sim.Options{Limit: 5})
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
		for _, v := range scenariotest.Shipped(t, name, "").Scenario.Variants {
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
	sc := scenariotest.Shipped(t, scenarios.Default, "").Scenario
	known := map[string]bool{}
	for _, s := range sc.Sources {
		known[s.ID] = true
	}
	check := func(where, source, note string) {
		t.Helper()
		if source == "" && note == "" {
			t.Errorf("%s has neither source nor note", where)
		}
		for _, m := range seedNamed.FindAllStringSubmatch(source+" "+note, -1) {
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
	if len(sc.Issues) != 12 {
		t.Errorf("%d issues, want the 12 of the issue list", len(sc.Issues))
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

// checkDeal scores one deal, written issue=option,..., against utilities worked out by hand
// (in hundredths of each actor's weights) and against whether every veto actor accepts it.
func checkDeal(t *testing.T, sp *sim.Space, deal string, hand map[string]float64, accepted bool) {
	t.Helper()
	sc := sp.Scenario()
	choice, err := sim.ParseDeal(deal, sc)
	if err != nil {
		t.Fatal(err)
	}
	all := true
	for a, act := range sc.Actors {
		if want, ok := hand[act.ID]; ok && !near(sp.Utility(a, choice), want) {
			t.Errorf("%s: utility %.5f, by hand %.5f", act.ID, sp.Utility(a, choice), want)
		}
		if act.Veto && !sp.Accepts(a, choice, act.Reservation) {
			all = false
		}
	}
	if all != accepted {
		t.Errorf("every veto actor accepts %s: %v, want %v", deal, all, accepted)
	}
}

// openerIssues are the issues the diagnosis names among its openers: the issue of a red
// line, and every issue in the if and then of a constraint.
func openerIssues(sc *sim.Scenario, dg *sim.Diagnosis) map[string]bool {
	named := map[string]bool{}
	for _, o := range dg.Openers {
		if o.Issue != "" {
			named[o.Issue] = true
		}
		if o.Kind != sim.OpenerConstraint {
			continue
		}
		a := sc.Actors[sc.ActorIndex(o.Actor)]
		for _, c := range a.Constraints {
			if c.Why != o.Why {
				continue
			}
			for k := range c.If {
				named[k] = true
			}
			for k := range c.Then {
				named[k] = true
			}
		}
	}
	return named
}

func hasOpener(dg *sim.Diagnosis, actor string, kind sim.OpenerKind) bool {
	for _, o := range dg.Openers {
		if o.Actor == actor && o.Kind == kind {
			return true
		}
	}
	return false
}

// The knot the sources describe, worked by hand from the red lines alone:
//   - territory: Russia accepts only withdraw-donetsk or cede-four ("non-negotiable
//     precondition", 001); Ukraine never cede-four, so withdraw-donetsk;
//   - Ukraine's condition: a territorial step only with article5 and guarantees-first;
//   - the US's condition: article5 only with withdraw-donetsk or cede-four and deal-first.
//
// withdraw-donetsk needs article5, article5 needs deal-first, and Ukraine needs
// guarantees-first: no deal keeps every red line, whatever the reservations.
//
// Dropping Ukraine's condition lets in, for one, the US's own terms (weights /100):
//
//	withdraw-donetsk, de-facto, article5, not-now, cap, no troops, full relief, shared fund,
//	deal-first, membership path, Russian status, energy-and-ports:
//	Ukraine 4.4 + 4.8 + 18 + 2.4 + 4 + 0 + 0 + 3.5 + 0 + 6 + 0 + 6 = 49.1 ≥ 40;
//	Russia 20 + 6 + 0 + 6 + 5.6 + 10 + 8 + 1.5 + 6 + 0 + 3 + 0.3 = 66.4 ≥ 66
//	(not-now is one step of two from its ideal ban, 0.5; shared fund one of two, 0.5);
//	the US 15 + 5 + 10 + 6 + 4 + 4.8 + 9.6 + 8 + 20 + 2.4 + 1.8 + 6 = 92.6 ≥ 40;
//	Europe 6 + 6 + 15 + 3.5 + 4 + 2 + 0 + 8 + 1 + 5 + 0.6 + 0 = 51.1 ≥ 45.
//
// Dropping the US's condition instead does not open the zone: the best Russia can get with
// withdraw-donetsk, article5 and guarantees-first is 0.636 (the Geneva arithmetic below),
// short of its 0.66.
const usTerms = "territory=withdraw-donetsk,recognition=de-facto,guarantees=article5,nato=not-now," +
	"military-limits=cap,foreign-troops=none,sanctions=full-relief,assets=shared-fund,sequencing=deal-first," +
	"eu-path=membership-path,language=russian-status,interim=energy-and-ports"

func TestReferenceScenarioAsShipped(t *testing.T) {
	an := analyze(t, scenarios.Default, "")
	if an.ZOPA.Count != 0 || an.Diagnosis == nil || !an.Diagnosis.RedLinesClash {
		t.Fatalf("want the red lines to clash, got %d deals, %+v", an.ZOPA.Count, an.Diagnosis)
	}
	sc := scenariotest.Shipped(t, scenarios.Default, "").Scenario
	named := openerIssues(sc, an.Diagnosis)
	if !named["territory"] || !named["guarantees"] {
		t.Errorf("the diagnosis names %v; want territory and guarantees", named)
	}
	if !hasOpener(an.Diagnosis, "ukraine", sim.OpenerConstraint) || hasOpener(an.Diagnosis, "united-states", sim.OpenerConstraint) {
		t.Errorf("openers %+v: want Ukraine's guarantees-first condition and not the US's deal-first one", an.Diagnosis.Openers)
	}
	dropped := scenariotest.Shipped(t, scenarios.Default, "", "actors.ukraine.constraints.0.then.sequencing=guarantees-first,phased,deal-first").Space
	checkDeal(t, dropped, usTerms, map[string]float64{"ukraine": 0.491, "russia": 0.664, "united-states": 0.926, "europe": 0.511}, true)
	checkDeal(t, scenariotest.Shipped(t, scenarios.Default, "").Space, usTerms, nil, false)
}

// genevaClosest is Russia's best deal within every red line of the Geneva framework, worked
// by hand issue by issue (Russia's weights /100): withdraw-donetsk 0.8·25 = 20; then
// Ukraine's condition forces article5 (0) and guarantees-first (0); recognition de-facto
// 0.6·10 = 6; nato not-now 0.5·12 = 6; military-limits cap 0.7·8 = 5.6; no troops 10; full
// relief 8; assets returned 3; eu-path delayed (Ukraine's red line) 0.5·2 = 1; Russian
// status 3; swaps only 1. Total 63.6: 0.636, short of 0.66 by 0.024. At it the others
// accept: Ukraine 4.4 + 4.8 + 18 + 2.4 + 4 + 0 + 0 + 0 + 6 + 2.4 + 0 + 2.4 = 44.4 ≥ 42;
// the US 15 + 5 + 10 + 6 + 4 + 4.8 + 9.6 + 3.2 + 0 + 3 + 1.8 + 3 = 65.4 ≥ 40; Europe
// 6 + 6 + 15 + 3.5 + 4 + 2 + 0 + 0 + 5 + 3.5 + 0.6 + 0 = 45.6 ≥ 45. Every option is
// Russia's best within the red lines, so no deal falls short by less.
const genevaClosest = "territory=withdraw-donetsk,recognition=de-facto,guarantees=article5,nato=not-now," +
	"military-limits=cap,foreign-troops=none,sanctions=full-relief,assets=returned,sequencing=guarantees-first," +
	"eu-path=delayed,language=russian-status,interim=swaps-only"

func TestReferencePeriodsGenevaIsClosest(t *testing.T) {
	// A clash counts as farther than any shortfall.
	gap := func(an *sim.Analysis) float64 {
		if an.ZOPA.Count != 0 {
			t.Fatalf("ZOPA holds %d deals; every period variant should be empty", an.ZOPA.Count)
		}
		if an.Diagnosis.RedLinesClash {
			return math.Inf(1)
		}
		return an.Diagnosis.Closest.LargestShortfall
	}
	// genevaClosest is the nearest deal at the table, but the referendum rejects it: the
	// closest deal counts every yes a deal needs (MODEL.md sections 2 and 7). Ukraine's
	// ratification needs 150 of 200 votes, and without the opposed voters' 55 the Rada's
	// 100 and the open voters' 45 make 145: their yes is needed. Within the veto actors'
	// red lines every deal leaves the rest of Donetsk or cedes four regions with article5,
	// worth at most 0.7·0.2 + 0.3·1 = 0.44 to them, 0.04 short of their 0.48; genevaClosest
	// is that far too (Russia 0.024). Among the deals 0.04 away the tie goes to the lowest
	// positions: Russia's 0.636 has 0.016 to spare above 0.66 − 0.04, and the first step
	// down the issues' order it pays for is the assets' shared fund, before their return in
	// the file, at half of Russia's 3 points: 0.621, 0.039 short.
	geneva := analyze(t, scenarios.Default, "geneva-19-point")
	c := closest(t, geneva)
	if got := gap(geneva); !near(got, 0.04) || !near(c.Shortfall["ukraine-opposed"], 0.04) || !near(c.Shortfall["russia"], 0.039) {
		t.Errorf("Geneva: largest shortfall %.4f, the opposed voters' %.4f, Russia's %.4f; by hand 0.04, 0.04 and 0.039", got, c.Shortfall["ukraine-opposed"], c.Shortfall["russia"])
	}
	want := dealOptions(genevaClosest)
	want["assets"] = "shared-fund"
	for issue, w := range want {
		if got := c.Options[issue]; got != w {
			t.Errorf("Geneva's closest deal: %s = %s, by hand %s", issue, got, w)
		}
	}
	checkDeal(t, scenariotest.Shipped(t, scenarios.Default, "geneva-19-point").Space, genevaClosest,
		map[string]float64{"ukraine": 0.444, "russia": 0.636, "united-states": 0.654, "europe": 0.456, "ukraine-opposed": 0.44}, false)
	// alaska-2025: Ukraine accepts only freeze or freeze-dmz ("a non-starter", 002), Russia
	// only withdraw-donetsk or cede-four: the territory red lines alone clash.
	// draft-28-point and abu-dhabi-2026 keep the shipped red lines and conditions: the knot
	// of TestReferenceScenarioAsShipped.
	for _, v := range []string{"alaska-2025", "draft-28-point", "abu-dhabi-2026"} {
		if got := gap(analyze(t, scenarios.Default, v)); got <= gap(geneva) {
			t.Errorf("%s: largest shortfall %v, not farther than Geneva's %v", v, got, gap(geneva))
		}
	}
	// alaska-2025 has two locks on the same knot, so no single red line or condition opens
	// it: dropping Ukraine's territory red line leaves withdraw-donetsk and cede-four needing
	// article5, which Russia's guarantee red line (002) excludes; dropping Russia's guarantee
	// red line leaves the territory clash; no other red line or condition touches either.
	// Dropping Russia's territory red line lets in freezes, which the reservations then
	// decide: that case rests on the engine's count, not on arithmetic here.
	if op := analyze(t, scenarios.Default, "alaska-2025").Diagnosis.Openers; len(op) != 0 {
		t.Errorf("alaska-2025: openers %+v; want none", op)
	}
	shipped := analyze(t, scenarios.Default, "")
	if gap(shipped) <= gap(geneva) {
		t.Errorf("the shipped case is no farther than Geneva")
	}
	sc := scenariotest.Shipped(t, scenarios.Default, "").Scenario
	for _, v := range []string{"draft-28-point", "abu-dhabi-2026"} {
		named := openerIssues(sc, analyze(t, scenarios.Default, v).Diagnosis)
		if !named["territory"] || !named["guarantees"] {
			t.Errorf("%s: the diagnosis names %v; want territory and guarantees", v, named)
		}
	}
}

func dealOptions(deal string) map[string]string {
	m := map[string]string{}
	for _, pair := range strings.Split(deal, ",") {
		k, v, _ := strings.Cut(pair, "=")
		m[k] = v
	}
	return m
}

func TestReferenceAbuDhabiIsTheShippedRoundTwo(t *testing.T) {
	// r(2) = r + 2·drift + events up to round 2 (MODEL.md §4), from the file's own values.
	sc := scenariotest.Shipped(t, scenarios.Default, "").Scenario
	want := map[string]float64{"actors.ukraine.preferences.territory.weight": 22}
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
	// By hand: Ukraine 0.40 − 0.02 + 0.02 − 0.04 = 0.36, its territory weight 22 + 4 = 26;
	// Russia 0.66 + 0.01 + 0.02 = 0.69; the US 0.40 − 0.04 = 0.36; Europe 0.45 − 0.01 = 0.44;
	// Russia's hardliners 0.45 + 0.02 = 0.47. The other ratifiers do not drift.
	hand := map[string]float64{"actors.ukraine.reservation": 0.36, "actors.ukraine.preferences.territory.weight": 26,
		"actors.russia.reservation": 0.69, "actors.united-states.reservation": 0.36, "actors.europe.reservation": 0.44,
		"actors.russian-hardliners.reservation": 0.47}
	for path, h := range hand {
		if !near(want[path], h) {
			t.Errorf("%s at round 2 from the file is %.4f, by hand %.4f", path, want[path], h)
		}
	}
	for _, v := range sc.Variants {
		if v.ID != "abu-dhabi-2026" {
			continue
		}
		if len(v.Set) != len(hand) {
			t.Errorf("abu-dhabi-2026 sets %d values, want the %d that move by round 2", len(v.Set), len(hand))
		}
		for _, as := range v.Set {
			if x, ok := as.Value.(float64); !ok || !near(x, want[as.Path]) {
				t.Errorf("variant sets %s = %v, round 2 gives %.4f", as.Path, as.Value, want[as.Path])
			}
		}
	}
}

// sanctionsNash is the Nash deal of sanctions-bite, scored by hand. Russia's weights now sum
// 112 (sanctions 20): freeze 0 + de-facto 6 + russia-role 0.7·12 = 8.4 + not-now 6 + cap 5.6
// + no troops 10 + full relief 20 + shared fund 1.5 + deal-first 6 + membership path 0 +
// Russian status 3 + energy-and-ports 0.3 = 66.8 / 112 = 0.59643 ≥ 0.48. Ukraine 22 + 4.8 +
// 3.6 + 2.4 + 4 + 0 + 0 + 3.5 + 0 + 6 + 0 + 6 = 52.3; the US 6 + 5 + 6 + 6 + 4 + 4.8 + 9.6 + 8
// + 20 + 2.4 + 1.8 + 6 = 79.6; Europe 20 + 6 + 4.5 + 3.5 + 4 + 2 + 0 + 8 + 1 + 5 + 0.6 = 54.6.
// At home: the voters opposed to ceding land 0.7·1 + 0.3·0.2 = 0.76 ≥ 0.48, the Rada's red
// lines hold (de-facto, not-now, cap), Russia's hardliners 0·40 + 0.5·20 + 0.5·15 + 1·15 +
// 1·10 = 42.5 ≥ 35 (their reservation in this variant): ratified on both sides.
const sanctionsNash = "territory=freeze,recognition=de-facto,guarantees=russia-role,nato=not-now," +
	"military-limits=cap,foreign-troops=none,sanctions=full-relief,assets=shared-fund,sequencing=deal-first," +
	"eu-path=membership-path,language=russian-status,interim=energy-and-ports"

func TestReferenceSanctionsBiteFreezesTheLine(t *testing.T) {
	an := analyze(t, scenarios.Default, "sanctions-bite")
	if an.ZOPA.Count == 0 || an.Solutions.Nash == nil {
		t.Fatal("sanctions-bite: the zone stays empty")
	}
	// Why only a freeze: Russia's red line now takes freeze and freeze-dmz, but the knot of
	// the shipped case still rules out withdraw-donetsk, and Ukraine never cedes four regions.
	nash := an.Solutions.Nash
	if terr := nash.Options["territory"]; terr != "freeze" && terr != "freeze-dmz" {
		t.Errorf("the Nash deal settles territory on %s; want the line frozen (002: the best freeze)", terr)
	}
	for option, deals := range an.Issues["territory"] {
		if deals > 0 && option != "freeze" && option != "freeze-dmz" {
			t.Errorf("%d ZOPA deals settle territory on %s; the knot rules it out", deals, option)
		}
	}
	checkDeal(t, scenariotest.Shipped(t, scenarios.Default, "sanctions-bite").Space, sanctionsNash,
		map[string]float64{"ukraine": 0.523, "russia": 66.8 / 112, "united-states": 0.796, "europe": 0.546,
			"ukraine-opposed": 0.76, "russian-hardliners": 0.425}, true)
	if an.ZOPA.LevelOneCount == nil || *an.ZOPA.LevelOneCount != an.ZOPA.Count {
		t.Errorf("sanctions-bite: Level I %v, ratified %d; a freeze loses no vote at home", an.ZOPA.LevelOneCount, an.ZOPA.Count)
	}
}

// Ripeness and ratification: under ceasefire-first the US gives its guarantee before the
// settlement, so the knot comes undone, and enforced deadlines put Russia's reservation at
// 0.62. genevaClosest keeps every red line and Russia gets 0.636 ≥ 0.62 from it, so the table
// alone (Level I) has a zone from round 0. At home it fails: any deal Russia accepts leaves
// the rest of Donetsk, which needs article5 (Ukraine's condition), and the voters opposed to
// ceding land then get at most 0.7·0.2 + 0.3·1 = 0.44 < 0.48; without their 55 votes the
// Rada (100) and the open voters (45) hold 145 of the 150 needed. Their reservation falls
// 0.02 a round (002: "Each delay erodes Ukrainian morale"): 0.48, 0.46, 0.44, so the deal
// passes at home from round 2. By hand at round 2: Russia 0.62 − 0.01 + 0.02 (the Feb 2–3
// event) − 0.01 = 0.62 ≤ 0.636; Ukraine (44.4 + 0.2·4)/104 = 0.4346 ≥ 0.40 − 0.02 + 0.02 −
// 0.04 = 0.36; the US 65.4 + 20 (guarantees-first now worth 1) = 85.4 ≥ 36; Europe 45.6 ≥
// 45 − 1; Russia's hardliners 32 + 10 + 7.5 + 15 + 10 = 74.5 ≥ 47. So the talks are ripe
// from round 2, not before.
func TestReferenceCeasefireFirstRipensAtHome(t *testing.T) {
	sp := scenariotest.Shipped(t, scenarios.Default, "ceasefire-first").Space
	an := analyze(t, scenarios.Default, "ceasefire-first")
	if an.ZOPA.Count != 0 || an.ZOPA.LevelOneCount == nil || *an.ZOPA.LevelOneCount == 0 {
		t.Fatalf("ceasefire-first: Level I %v, ratified %d; want a Level I zone that fails at home", an.ZOPA.LevelOneCount, an.ZOPA.Count)
	}
	checkDeal(t, sp, genevaClosest, map[string]float64{"russia": 0.636, "ukraine-opposed": 0.44, "russian-hardliners": 0.745}, true)
	rep := an.Ratification["ukraine"]
	if rep == nil || len(rep.BlockedBy) != 1 || rep.BlockedBy[0].Ratifier != "ukraine-opposed" || rep.BlockedBy[0].Kind != sim.RejectReservation {
		t.Errorf("Ukraine's ratification %+v; want it blocked by the opposed voters' reservation", rep)
	}
	tr := rounds(t, scenarios.Default, "ceasefire-first")
	if tr.RipeAt == nil {
		t.Fatal("never ripe; by hand from round 2")
	}
	if *tr.RipeAt != 2 {
		t.Fatalf("ripe from round %d, by hand round 2", *tr.RipeAt)
	}
}

// Ukraine's win-set, by hand: the Rada ratifies the deals within its three red lines, 2 of 3
// options each on recognition, NATO and military limits (8/27 of the space); the opposed
// voters ratify by territory and guarantees, 0.7·t + 0.3·g ≥ 0.48, which every freeze and
// freeze-dmz meets (0.7 and 0.56 with any guarantee) and no other territory does (at most
// 0.44): 8 of the 16 pairs. Both are needed, so the win-set is 1,259,712 · 8/27 · 1/2 =
// 186,624 deals, a strict part of the space.
func TestReferenceUkraineWinSet(t *testing.T) {
	an := analyze(t, scenarios.Default, "")
	rep := an.Ratification["ukraine"]
	if rep == nil || rep.WinSet != 186624 || an.Space.Deals != 1259712 {
		t.Errorf("Ukraine's win-set %+v of %d deals; by hand 186,624 of 1,259,712", rep, an.Space.Deals)
	}
}

// The telephone game, by hand: any deal Russia accepts leaves the rest of Donetsk (its red
// line; Ukraine never cedes four regions), so needs article5 (Ukraine's condition), which
// the US gives only after a deal (its own condition); Ukraine truly wants it first. In the
// US's picture under telephone-game Ukraine takes it after a deal and its voters follow, so
// the US sees deals everyone accepts, and every proposal it makes from them fails with
// Ukraine among those it misjudged. As shipped the US holds the true picture of Ukraine,
// sees the knot, and proposes nothing it expects to pass.
func TestReferenceTelephoneGame(t *testing.T) {
	misjudged := 0
	for _, rd := range rounds(t, scenarios.Default, "telephone-game").Rounds {
		if rd.Proposal == nil || rd.Proposal.Basis != sim.BasisAcceptable {
			continue
		}
		misjudged++
		if rd.Agreement || rd.Proposal.By != "united-states" || !slices.Contains(rd.Misjudged, "ukraine") {
			t.Errorf("round %d: the US's proposal %v, agreement %v, misjudged %v; want it to fail on Ukraine", rd.Round, rd.Proposal.Options, rd.Agreement, rd.Misjudged)
		}
	}
	if misjudged == 0 {
		t.Error("telephone-game: no proposal its author expected to pass")
	}
	for _, rd := range rounds(t, scenarios.Default, "").Rounds {
		if len(rd.Misjudged) > 0 {
			t.Errorf("as shipped, round %d: the US misjudged %v", rd.Round, rd.Misjudged)
		}
	}
	b := analyze(t, scenarios.Default, "telephone-game").Beliefs["united-states"]
	if b == nil || b.ZOPACount == 0 || b.NashInTrueZOPA || b.FalseHopes != b.ZOPACount {
		t.Errorf("the US's picture %+v; want a perceived zone of false hopes only", b)
	}
}

func TestReferenceWhatIfsKeepTheKnot(t *testing.T) {
	// us-steps-back: the US no longer accepts article5, which Ukraine's condition needs for
	// any territorial step; Russia needs one. europe-sidelined: Europe holds no red line, so
	// taking its veto away leaves the knot as it is.
	for _, v := range []string{"us-steps-back", "europe-sidelined"} {
		an := analyze(t, scenarios.Default, v)
		if an.ZOPA.Count != 0 || an.Diagnosis == nil || !an.Diagnosis.RedLinesClash {
			t.Errorf("%s: want clashing red lines, got %d deals, %+v", v, an.ZOPA.Count, an.Diagnosis)
		}
	}
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
