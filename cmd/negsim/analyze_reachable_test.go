package main

import (
	"strings"
	"testing"

	"github.com/negsim/negsim/internal/scenariotest"
)

// The empty-zone diagnosis says how far a reservation must fall; a student pastes the value
// into --set. Here B accepts only y=a (its reservation 0.5 on values a 1, b 0), and there A,
// with weights 15 and 7, gets 15/22 = 0.681818… from x=a. Rounded to 0.682, the value would
// leave the zone empty; the diagnosis writes 0.681818 (rounded down) and a fall of
// 0.9 − 0.681818 = 0.218182, and at 0.681818 the zone holds that one deal.
func TestReservationFallPastesIntoSet(t *testing.T) {
	file := writeTemp(t, "fall.yaml", `name: Fall
issues:
  - {id: x, name: X, options: [{id: a}, {id: b}]}
  - {id: y, name: Y, options: [{id: a}, {id: b}]}
actors:
  - id: a
    name: A
    reservation: 0.9
    preferences:
      x: {weight: 15, utilities: {a: 1, b: 0}}
      y: {weight: 7, utilities: {a: 0, b: 1}, acceptable: [a, b]}
  - id: b
    name: B
    reservation: 0.5
    preferences:
      y: {weight: 1, utilities: {a: 1, b: 0}, acceptable: [a, b]}
`)
	out := fallPastes(t, file,
		"- A: the most a deal the others accept can give is 0.681818; the reservation 0.900 would have to fall by 0.218182 [actors.a.reservation].",
		"actors.a.reservation=0.681818", 1)
	// A value that is a decimal of three places keeps them: at 0.9, A accepts only x=a, y=b
	// (15/22 + 7/22 = 1), worth 0 to B, so B's reservation must fall from 0.5 to 0.
	if want := "- B: the most a deal the others accept can give is 0.000; the reservation 0.500 would have to fall by 0.500 [actors.b.reservation]."; !strings.Contains(out, want) {
		t.Errorf("analyze does not say\n%s\n%s", want, out)
	}
}

// Under ratification the fall is the one that opens the zone, ratified (MODEL.md sections 2
// and 7). The minister values deep 0.9 and medium 0.5; its parliament ratifies shallow and
// medium only. The table alone would agree on deep at 0.9, which never passes at home, so
// the reservation must fall from 0.95 to medium's 0.5. Under geneva-19-point the deal Russia
// could take at 0.636 is one Ukraine's referendum rejects (its teacher notes say so): no drop
// of Russia's alone opens the zone.
func TestReservationFallUnderRatificationPastesIntoSet(t *testing.T) {
	file := writeTemp(t, "treaty.yaml", scenariotest.Treaty+scenariotest.TreatyParliament)
	fallPastes(t, file,
		"- Minister: the most a deal the others accept that passes every ratification can give is 0.500; the reservation 0.950 would have to fall by 0.450 [actors.minister.reservation].",
		"actors.minister.reservation=0.5", 1)
	if n := zopaCount(t, file, "--set", "actors.minister.reservation=0.9"); n != 0 {
		t.Errorf("at 0.9 the zone holds %d deals, want 0 (deep is never ratified)", n)
	}

	out := runOK(t, "analyze", "--variant", "geneva-19-point")
	if want := "- Russia: no drop would do: none of the deals within the red lines that the other veto actors accept passes every ratification."; !strings.Contains(out, want) {
		t.Errorf("analyze --variant geneva-19-point does not say\n%s\n%s", want, out)
	}
	if n := zopaCount(t, "--variant", "geneva-19-point", "--set", "actors.russia.reservation=0.636"); n != 0 {
		t.Errorf("geneva-19-point with Russia at 0.636: %d deals, want 0 (the referendum rejects the one deal)", n)
	}
}

// fallPastes checks that analyze on file says the reservation line want, and that pasting
// the value it names (set) leaves a zone of deals deals; it returns what analyze printed.
func fallPastes(t *testing.T, file, want, set string, deals uint64) string {
	t.Helper()
	out := runOK(t, "analyze", file)
	if !strings.Contains(out, want) {
		t.Errorf("analyze does not say\n%s\n%s", want, out)
	}
	if n := zopaCount(t, file, "--set", set); n != deals {
		t.Errorf("with --set %s the zone holds %d deals, want %d", set, n, deals)
	}
	return out
}

// A red line whose drop lets in a single deal that fails at home says so in the singular.
// In geneva-19-point, Ukraine also accepting de-jure recognition lets in one deal at the
// table (the what-if's own analysis counts 1 at Level I and 0 after ratification), which
// Ukraine's ratifiers reject: "1 deal …, which is not ratified at home …; … reject it", not
// "none of which is ratified … reject them".
func TestOneDealLetInReadsInTheSingular(t *testing.T) {
	an := runJSON[struct {
		ZOPA struct {
			Count    int `json:"count"`
			LevelOne int `json:"level_one_count"`
		} `json:"zopa"`
	}](t, "analyze", "--variant", "geneva-19-point", "--set", "actors.ukraine.preferences.recognition.acceptable=[none,de-facto,de-jure]")
	if an.ZOPA.LevelOne != 1 || an.ZOPA.Count != 0 {
		t.Fatalf("the what-if lets in %d deals at the table and %d past ratification; the case wants 1 and 0", an.ZOPA.LevelOne, an.ZOPA.Count)
	}
	out := strings.Join(strings.Fields(runOK(t, "analyze", "--variant", "geneva-19-point")), " ")
	wantContains(t, "the diagnosis", out, `Ukraine's red line on recognition (ukraine accepts only "none" or "de-facto" on recognition): lets in 1 deal at the table, which is not ratified at home: the zone stays empty; Ukraine's ratifiers (Ukraine's parliament (the Rada), Ukrainian voters opposed to ceding land, Ukrainian voters open to a territorial compromise) reject it [`)
}

// As shipped the reference scenario's red lines clash (its Why the zone is empty says so),
// so no reservation weighs any deal. The diagnosis said "no drop would do" once for each of
// the four veto actors, each time blaming the others' reservations; it says it once, and
// why.
func TestClashingRedLinesSayNoDropOnce(t *testing.T) {
	out := runOK(t, "analyze")
	if !strings.Contains(out, "The veto actors' red lines clash") {
		t.Fatal("the default scenario's red lines no longer clash; the test needs a clash")
	}
	if want := "\nLowering one reservation, the others fixed: no drop would do while the red lines clash.\n"; !strings.Contains(out, want) {
		t.Errorf("analyze does not say%s", want)
	}
	if n := strings.Count(out, "no drop would do"); n != 1 {
		t.Errorf("analyze says \"no drop would do\" %d times, want once:\n%s", n, out)
	}
}

// analyze's ratification table has a "blocked by" column only where ratification at home
// empties the zone, and says what it means. As shipped the fish stock's parliament ratifies
// 3 of the 5 deals the table accepts (teaching-tied-hands.yaml): nothing is blocked, and the
// column stood empty under a heading nothing explained. Under too-hawkish the parliament
// ratifies q6 alone, which Away rejects (the file's comments work it by hand); set aside,
// its reservation would let the table's 5 deals pass: the column names it.
func TestRatificationSaysBlockedByOnlyWhereSomethingIs(t *testing.T) {
	const meaning = "Blocked by: where ratification at home empties the zone, the ratifiers whose reservation or red line alone stands in the way (set aside, it would let deals pass)."
	shipped := runOK(t, "analyze", "teaching-tied-hands", "--wide")
	if strings.Contains(shipped, "blocked by") || strings.Contains(shipped, meaning) {
		t.Errorf("the fish stock as shipped, its zone open, has a blocked-by column:\n%s", shipped)
	}
	hawkish := runOK(t, "analyze", "teaching-tied-hands", "--variant", "too-hawkish", "--wide")
	wantContains(t, "too-hawkish", hawkish, meaning, "│ blocked by ", "│ Home's parliament (reservation) │")
}

// Under ratification the closest deal counts the ratifiers' shortfalls too (MODEL.md
// sections 2 and 7), so that lowering each reservation it names by what it says opens the
// zone. On the treaty the minister (0.95) values shallow 0, medium 0.5, deep 0.9, and its
// parliament (0.7) shallow 1, medium 0.6, deep 0.3: deep leaves them 0.05 and 0.4 short,
// medium 0.45 and 0.1, shallow 0.95 and 0. Deep, 0.4 at most, is closest. Before, it was
// "0.05 at most", the minister's alone, and a teacher lowering the minister to 0.9 still
// found the zone empty.
func TestClosestDealCountsTheRatifiers(t *testing.T) {
	file := writeTemp(t, "treaty.yaml", scenariotest.Treaty+`    ratification: {by: [parliament]}
  - id: parliament
    name: Parliament
    veto: false
    reservation: 0.7
    preferences:
      depth: {weight: 1, utilities: {shallow: 1, medium: 0.6, deep: 0.3}}
`)
	for _, format := range []string{"table", "markdown"} {
		out := runOK(t, "analyze", file, "--format", format)
		wantContains(t, format, out,
			"No deal is acceptable to every veto actor. The closest deal within the veto actors' red lines falls short by 0.400 at most, counting every actor whose yes it needs to pass every ratification:",
			"depth = deep",
			"Minister: worth 0.900, 0.050 below the reservation 0.950.",
			"Parliament: worth 0.300, 0.400 below the reservation 0.700.")
	}
	an := runJSON[struct {
		Diagnosis struct {
			Closest struct {
				Shortfall map[string]float64 `json:"shortfall"`
				Largest   float64            `json:"largest_shortfall"`
			} `json:"closest"`
		} `json:"diagnosis"`
	}](t, "analyze", file, "--format", "json")
	if c := an.Diagnosis.Closest; c.Largest != 0.4 || len(c.Shortfall) != 2 || c.Shortfall["minister"] != 0.05 || c.Shortfall["parliament"] != 0.4 {
		t.Errorf("JSON: closest %+v; want the minister 0.05 and the parliament 0.4 short, 0.4 at most", c)
	}
	if n := zopaCount(t, file, "--set", "actors.minister.reservation=0.9"); n != 0 {
		t.Errorf("with the minister alone at 0.9 the zone holds %d deals, want 0 (the parliament rejects deep)", n)
	}
	if n := zopaCount(t, file, "--set", "actors.minister.reservation=0.9", "--set", "actors.parliament.reservation=0.3"); n != 1 {
		t.Errorf("with both lowered by their shortfalls the zone holds %d deals, want 1 (deep)", n)
	}
}

// When the table agrees and only the vote at home empties the zone, analyze still names
// the red line whose drop opens it, beside the ratifier that blocks. The minister, the one
// veto (reservation 0), accepts only medium or deep on depth and only short on term; its
// parliament (0.7; shallow 1, medium 0.6, deep 0) ratifies shallow only. Dropping the depth
// red line lets in shallow-short, which the parliament ratifies; dropping the term red line
// lets in medium-long and deep-long, which it rejects, so that one is no opener. The
// closest deal is medium-short, 0.1 short for the parliament (deep-short 0.7). Before, the
// diagnosis named the blocking reservation and nothing else.
func TestTableAgreesStillNamesTheOpener(t *testing.T) {
	file := writeTemp(t, "treaty.yaml", `name: Treaty
issues:
  - {id: depth, name: Depth, options: [{id: shallow}, {id: medium}, {id: deep}]}
  - {id: term, name: Term, options: [{id: short}, {id: long}]}
actors:
  - id: minister
    name: Minister
    reservation: 0
    preferences:
      depth: {weight: 1, utilities: {shallow: 0, medium: 0.5, deep: 1}, acceptable: [medium, deep]}
      term: {weight: 1, utilities: {short: 1, long: 0}, acceptable: [short]}
    ratification: {by: [parliament]}
  - id: parliament
    name: Parliament
    veto: false
    reservation: 0.7
    preferences:
      depth: {weight: 1, utilities: {shallow: 1, medium: 0.6, deep: 0}}
`)
	out := runOK(t, "analyze", file)
	wantContains(t, "analyze", out,
		"The veto actors accept some deals together, but none of them passes every ratification.\nThe closest deal to passing falls short by 0.100 at most, counting every actor whose yes it needs to pass every ratification:\n  depth = medium, term = short\n  Parliament: worth 0.600, 0.100 below the reservation 0.700.\n",
		"- Blocked by the reservation of Parliament; without that reservation, 2 deals would pass [actors.parliament.reservation].",
		"- Minister: no drop would do: none of the deals within the red lines that the other veto actors accept passes every ratification.",
		`- Minister's red line on depth (minister accepts only "medium" or "deep" on depth): lets in 1 deal at the table, and it is ratified at home [actors.minister.preferences.depth.acceptable]`)
	if strings.Contains(out, "red line on term") {
		t.Errorf("analyze names the term red line, whose deals the parliament rejects:\n%s", out)
	}
	if n := zopaCount(t, file, "--set", "actors.minister.preferences.depth.acceptable=[shallow,medium,deep]"); n != 1 {
		t.Errorf("without the depth red line the zone holds %d deals, want 1", n)
	}
}
