package pagetest

import (
	"cmp"
	"fmt"
	"html"
	"maps"
	"math"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// WordCase is a state of the page, a section that both a view of the page and the report it
// downloads show under the same heading, and lines that section must hold, worked out by
// hand in the scenario files' comments.
type WordCase struct {
	Name, Hash, Section string
	// View is the page's view the section is on: the zone view unless it is set.
	View string
	Want []string
	// ReportSays, when set, is text the downloaded report holds elsewhere (its summary of
	// the zone), worked out by hand as the lines are.
	ReportSays string
}

// WordCases are the sections checked.
//
// Geneva's closest deal: scenarios_test.go (genevaClosest) adds Russia's points by hand,
// 63.6 of 100, 0.636, short of its reservation 0.66 by 0.024, and the others at the table
// accept it; but Ukraine's ratification needs the voters opposed to ceding land, who get
// 0.7·0.2 + 0.3·1 = 0.44 from it and from every deal within the red lines, 0.04 below their
// 0.48. The deal nearest to passing is 0.04 away, and the tie goes to the lowest positions:
// the assets in a shared fund, half of Russia's 3 points, 0.621, 0.039 short.
//
// Under Geneva a drop of Russia's reservation to 0.636 would let that deal pass the table,
// but Ukraine's referendum rejects it (the variant's teacher notes; analyze_reachable_test.go
// checks the zone stays empty there), and no other deal within Russia's red lines passes both.
// Ukraine also accepting de-jure recognition lets in one deal at the table, which its
// ratifiers reject: one deal, in the singular (analyze_reachable_test.go counts it).
//
// Nash's bargaining problem with Bill asking 0.9 of his 34 units (30.6): Jack keeps his 0.375
// (6 of 16 units) cheapest for Bill with the book (4 to Jack, 2 to Bill) and one item worth
// 2 to both, so Bill's best is 30/34 = 0.88235294…, written rounded down at six places
// (0.882 is not the value, and 0.883 would leave the zone empty), a fall of 0.017648. Jack's
// best from what Bill gives up at 0.9 (at most 3.4 units) is the book alone: 4/16 = 0.250.
//
// Harborco with unanimity (6 of 6 votes) and the environmentalists wanting 1, which only a
// large fund gives them, while the federal agency rejects a large fund (0 < 0.5): no deal
// gathers all six votes. Every other party accepts small/full, medium/partial and
// medium/full (ports 0.5, 0.5, 0.75 ≥ 0.5; union 1, 0.5, 1 ≥ 0.5; federal and governor 1;
// Harborco 0.6, 0.5, 0.3 ≥ 0.3), so the best deal gathers 5 votes and the environmentalists'
// yes would let in those 3. Harborco has no red lines, so none to drop. With Harborco's veto
// dropped nobody holds one, and 5 of the six single votes decide alone.
//
// The fish stock with a parliament wanting 0.9 (teaching-tied-hands.yaml): the parliament
// holds its one vote and ratifies q6 alone, 1 deal, which Away rejects; without the
// parliament's reservation the 5 deals of the table pass: Home and Away agree on deals, and
// the parliament turns each of them down. Every deal needs all three: q5 leaves the
// parliament 0.9 − 5/6 = 0.067 short and Away none (1/6 ≥ 0.1), q6 Away 0.1 short, q4 and
// below the parliament 0.233 or more: q5 is closest. Away's reservation falling to 0 admits
// q6, which the parliament ratifies; Home's falling admits nothing the parliament takes.
//
// The reference scenario as shipped (its teacher_notes): the veto actors' red lines clash
// outright. Its beliefs are values, a reservation and a condition's options, never a red
// line, so each believer's picture clashes too: a perceived zone of 0 deals, hence 0 false
// hopes, and 0 missed, the true zone being empty. The scenario lists Ukraine, Russia, the
// United States: negsim analyze's order, which the page keeps.
var WordCases = []WordCase{
	{Name: "reference-why", Hash: "scenario=ukraine-2026", Section: "Why the zone is empty", Want: []string{
		"The veto actors' red lines clash: no deal keeps all of them, whatever the reservations.",
		"Lowering one reservation, the others fixed: no drop would do while the red lines clash.",
	}},
	// The United States' condition asks territory to be withdraw-donetsk or cede-four once
	// guarantees are article5; accepting only article5 and only freeze, it accepts no deal
	// at all, and the page blamed a clash between the actors (negsim analyze says the same:
	// TestOneActorsOwnRulesRuleOutEveryDeal).
	{Name: "one-actor-why", Hash: "scenario=ukraine-2026&set=actors.united-states.preferences.guarantees.acceptable%3D%5Barticle5%5D&set=actors.united-states.preferences.territory.acceptable%3D%5Bfreeze%5D", Section: "Why the zone is empty", Want: []string{
		"The red lines and constraints of United States alone rule out every deal, whatever the others accept and whatever the reservation values: no deal keeps them all.",
	}},
	{Name: "reference-beliefs", Hash: "scenario=ukraine-2026", Section: "What each side believes", Want: []string{
		"Ukraine: a perceived zone of 0 deals; false hopes: 0; missed deals: 0.",
		"Russia: a perceived zone of 0 deals; false hopes: 0; missed deals: 0.",
		"United States: a perceived zone of 0 deals; false hopes: 0; missed deals: 0.",
	}},
	{Name: "geneva", Hash: "scenario=ukraine-2026&variant=geneva-19-point", Section: "Why the zone is empty", Want: []string{
		"No deal is acceptable to every veto actor. The closest deal within the veto actors' red lines falls short by 0.040 at most, counting every actor whose yes it needs to pass every ratification:",
		"territory=withdraw-donetsk,recognition=de-facto,guarantees=article5,nato=not-now,military-limits=cap,foreign-troops=none,sanctions=full-relief,assets=shared-fund,sequencing=guarantees-first,eu-path=delayed,language=russian-status,interim=swaps-only",
		"Russia: worth 0.621, 0.039 below the reservation 0.660.",
		"Ukrainian voters opposed to ceding land: worth 0.440, 0.040 below the reservation 0.480.",
		"Russia: no drop would do: none of the deals within the red lines that the other veto actors accept passes every ratification.",
		"Ukraine's red line on Recognition of Russia's control: lets in 1 deal at the table, which is not ratified at home: the zone stays empty; Ukraine's ratifiers (Ukraine's parliament (the Rada), Ukrainian voters opposed to ceding land, Ukrainian voters open to a territorial compromise) reject it actors.ukraine.preferences.recognition.acceptable",
	}},
	{Name: "nash-reachable", Hash: "scenario=teaching-nash-1950&set=actors.bill.reservation%3D0.9", Section: "Why the zone is empty", Want: []string{
		"Bill: the most a deal the others accept can give is 0.882352; the reservation 0.900 would have to fall by 0.017648 actors.bill.reservation.",
		"Jack: the most a deal the others accept can give is 0.250; the reservation 0.375 would have to fall by 0.125 actors.jack.reservation.",
	}},
	{Name: "harborco", Hash: "scenario=teaching-harborco-quota&set=decision.votes_needed%3D6&set=actors.environmentalists.reservation%3D1", Section: "Why the zone is empty", Want: []string{
		"The veto actors accept some deals together, but none of them passes the decision rule.",
		"Dropping one red line or condition:",
		"none opens the zone on its own.",
		"The best deal every veto actor accepts gathers 5 of the 6 votes needed. A yes from Environmental coalition (3 deals without its reservation) would open the zone.",
	}},
	{Name: "harborco-no-veto", Hash: "scenario=teaching-harborco-quota&set=actors.harborco.veto%3Dfalse", Section: "Who must agree", Want: []string{
		"A deal passes when the actors that accept it hold at least 5 of the 6 votes at the table.",
	}, ReportSays: "the deals that gather at least 5 of the 6 votes at the table."},
	{Name: "tied-hands-why", Hash: "scenario=teaching-tied-hands&variant=too-hawkish", Section: "Why the zone is empty", Want: []string{
		"The veto actors accept some deals together, but none of them passes every ratification.",
		"The closest deal to passing falls short by 0.067 at most, counting every actor whose yes it needs to pass every ratification:",
		"quota=q5",
		"Home's parliament: worth 0.833, 0.067 below the reservation 0.900.",
		"Away government: the most a deal the others accept that passes every ratification can give is 0.000; the reservation 0.100 would have to fall by 0.100 actors.away.reservation.",
	}},
	// Ukraine's three ratifiers are named as a sentence, as negsim analyze names them (the
	// page joined them with bare commas). By hand from ukraine-2026.yaml: the Rada's 100
	// votes and the opposed voters' 55 make 155 of the 150 needed, and no pair without the
	// Rada reaches it, nor the Rada with the open voters' 45 (145); so a deal passes at home
	// when the Rada (three red lines of one option in three: 8 of 27) and the opposed voters
	// (territory and guarantees, 70·t + 30·g ≥ 48: a freeze with or without a zone, any
	// guarantee, 8 of 16) both accept: 1,259,712 × 8/27 × 8/16 = 186,624 deals.
	{Name: "ukraine-ratifiers", Hash: "scenario=ukraine-2026", Section: "Ratification at home", Want: []string{
		"Ukraine's deal must be ratified at home by Ukraine's parliament (the Rada), Ukrainian voters opposed to ceding land and Ukrainian voters open to a territorial compromise: it needs 150 of their 200 votes; 186,624 deals would pass there (Ukraine's win-set).",
	}},
	{Name: "tied-hands", Hash: "scenario=teaching-tied-hands&variant=too-hawkish", Section: "Ratification at home", Want: []string{
		"Home government's deal must be ratified at home by Home's parliament: it needs their vote; 1 deal would pass there (Home government's win-set). Home's parliament's reservation blocks: without it 5 deals pass actors.parliament.reservation.",
	}},
	// The job offer's candidate (teaching-two-party.yaml): u_C = 0.5·salary + 0.3·remote +
	// 0.2·start, ideals high, remote, three-months. Its red line leaves out the low band, so
	// 2 × 3 × 3 = 18 deals keep to it; the high band's 0.5 reaches the reservation 0.5 with
	// any of the other 9 options pairs, the middle band's 0.25 with remote and start worth
	// 0.25 or more (hybrid with one-month or three-months, remote with any start): 5, so 14
	// are acceptable; the best is worth 1, the worst (mid, office, now) 0.25.
	{Name: "two-party-candidate", Hash: "scenario=teaching-two-party&view=words", View: "words", Section: "Candidate", Want: []string{
		"Cares most about Salary (50%), Remote work (30%) and Start date (20%).",
		"Salary, 50%: best High band (high); worst Low band (low).",
		"Remote work, 30%: best Fully remote (remote); worst In the office (office).",
		"Start date, 20%: best In three months (three-months); worst Start now (now).",
		"Red lines:",
		"Salary: accepts only Middle band (mid) or High band (high); rules out Low band (low).",
		"Reservation 0.500: of the 18 deals within the red lines, 14 acceptable. Best deal within the red lines worth 1.000, worst 0.250.",
	}},
	// Ukraine's red line on territory and its condition, as ukraine-2026.yaml writes them,
	// with the issues' names and the options' labels.
	{Name: "ukraine-condition", Hash: "scenario=ukraine-2026&view=words", View: "words", Section: "Ukraine", Want: []string{
		"Territory in the east: accepts only Freeze on the current line (freeze), Freeze with demilitarised zones (freeze-dmz) or Ukraine leaves the rest of Donetsk (withdraw-donetsk); rules out Cede four regions (cede-four).",
		"Conditions:",
		"If Territory in the east is Ukraine leaves the rest of Donetsk (withdraw-donetsk) or Cede four regions (cede-four), then Security guarantees for Ukraine must be Article-5-like assurances by the US and Europe (article5) and Sequencing of ceasefire, guarantees and settlement must be Ceasefire, then guarantees, then the end-state (guarantees-first) (Territorial steps only with binding guarantees in force first).",
	}},
	// What an actor without a veto counts for, as negsim explain says it (MODEL.md sections
	// 6 and 7), one of each kind. Home's parliament ratifies for Home with its one vote
	// (teaching-tied-hands.yaml); it sits at no table, so "cannot block" would be wrong.
	{Name: "tied-hands-ratifier", Hash: "scenario=teaching-tied-hands&view=words", View: "words", Section: "Home's parliament, ratifying at home for Home government", Want: []string{
		"No seat at the table for Home's parliament: 1 vote at home on the deals Home government signs, yes to each deal worth at least the reservation.",
	}},
	// The telephone game's mediator holds no veto and the file has no decision rule; it
	// believes West would take any deal (beliefs.set: actors.west.reservation: 0), the
	// point of the scenario, which negsim explain says and the page left out.
	{Name: "telephone-mediator", Hash: "scenario=teaching-telephone-game&view=words", View: "words", Section: "Mediator (no veto)", Want: []string{
		"No veto for Mediator: scored and reported, but unable to block a deal.",
		"What Mediator believes about the others, where it differs from this file:",
		"West: reservation (what no deal is worth): 0 of its best deal's worth.",
		// Every district is worth 1 to the mediator (utilities all 1 in the file): it cares
		// about none, and every deal is worth 1.000 to it.
		"Nothing matters to Mediator: every option of every issue is worth the same to it.",
		"Contested districts East keeps, 100%: best None (d0), One (d1), Two (d2), Three (d3), Four (d4), Five (d5) or All six (d6).",
		"No red lines.",
		"Reservation 0.000: of the 7 deals within the red lines, 7 acceptable. Every deal within the red lines is worth 1.000.",
	}},
	// The United States' one red line is a condition (ukraine-2026.yaml): guarantees as
	// article5 only with withdraw-donetsk or cede-four and deal-first. negsim explain lists
	// it under "Red lines:"; the page said "No red lines." above it, then counted 997,272
	// deals of 1,259,712 within the red lines.
	{Name: "us-condition", Hash: "scenario=ukraine-2026&view=words", View: "words", Section: "United States", Want: []string{
		"No red line on any one issue; its conditions below are its red lines.",
		"Conditions:",
	}},
	// An elected member of the Council: 1 vote of the 9 needed; the others hold 14, the five
	// permanent members 5, fewer than 9, so its vote can decide, but not alone.
	{Name: "council-elected", Hash: "scenario=teaching-security-council&view=words", View: "words", Section: "Elected member 1 (no veto)", Want: []string{
		"No veto for Elected member 1: 1 vote toward the 9 a deal needs, so a deal is blocked only together with others.",
	}},
	// Harborco without its veto under unanimity (6 of 6 votes): the other five hold 5.
	{Name: "harborco-indispensable", Hash: "scenario=teaching-harborco-quota&set=actors.harborco.veto%3Dfalse&set=decision.votes_needed%3D6&view=words", View: "words", Section: "Harborco (developer) (no veto)", Want: []string{
		"No veto for Harborco (developer), but the others hold 5 votes between them, fewer than the 6 a deal needs: there is no deal without Harborco (developer).",
	}},
	// The Council with 5 votes needed: the permanent members' 5 meet it, so an elected
	// member's vote never decides (analyze's pivotal count of 0).
	{Name: "council-never-decides", Hash: "scenario=teaching-security-council&set=decision.votes_needed%3D5&view=words", View: "words", Section: "Elected member 1 (no veto)", Want: []string{
		"No veto for Elected member 1: 1 vote toward the 5 a deal needs, but the actors with a veto, whose yes every deal needs, hold 5 votes between them: its vote never decides a deal.",
	}},
}

// sectionLines is a JavaScript function of a root and a heading: the lines of text between
// that h3 and the next heading or figure under root, an item of a list a line; null when
// no such heading is there.
const sectionLines = `((root, title) => {
	const h = [...root.querySelectorAll("h3")].find((x) => x.textContent === title);
	if (!h) return null;
	const out = [], text = (e) => e.textContent.replace(/\s+/g, " ").trim();
	for (let e = h.nextElementSibling; e && !["H2", "H3", "FIGURE"].includes(e.tagName); e = e.nextElementSibling) {
		if (e.tagName === "UL") out.push(...[...e.children].map(text));
		else out.push(text(e));
	}
	return out;
})`

// DriveWords opens the page at origin in each case's state and reads the case's section
// twice: on the page's view (the zone view unless the case names another), and in the
// report the page offers for download (read in a template, where its styles stay inert, as
// the page's policy wants). The two must read alike line for line, and hold the case's
// lines in their order.
func DriveWords(t *testing.T, origin string, cases []WordCase) {
	for _, c := range cases {
		s := start(t, origin)
		s.do(chromedp.Navigate(origin + "#" + c.Hash))
		s.settled()
		title := strconv.Quote(c.Section)
		view := cmp.Or(c.View, "zone")
		onPage := evalJS[[]string](s, sectionLines+`(document.getElementById("view-`+view+`"), `+title+`)`)
		inReport := evalJS[[]string](s, `window.negsimReport().then((html) => { const doc = document.createElement("template"); doc.innerHTML = html; return `+sectionLines+`(doc.content, `+title+`); })`, chromedp.EvalAwaitPromise)
		if onPage == nil || inReport == nil {
			t.Errorf("%s: %q on the page %v, in the report %v: want it in both", c.Name, c.Section, onPage != nil, inReport != nil)
			continue
		}
		if !slices.Equal(onPage, inReport) {
			t.Errorf("%s: %q reads on the page\n\t%s\nand in the report\n\t%s", c.Name, c.Section, strings.Join(onPage, "\n\t"), strings.Join(inReport, "\n\t"))
		}
		if c.ReportSays != "" {
			text := evalJS[string](s, `window.negsimReport().then((html) => { const doc = document.createElement("template"); doc.innerHTML = html; return doc.content.textContent.replace(/\s+/g, " "); })`, chromedp.EvalAwaitPromise)
			if !strings.Contains(text, c.ReportSays) {
				t.Errorf("%s: the report does not say %q", c.Name, c.ReportSays)
			}
		}
		at := 0
		for _, want := range c.Want {
			i := slices.Index(onPage[at:], want)
			if i < 0 {
				t.Errorf("%s: %q lacks the line (or has it out of order)\n\t%s\nit reads\n\t%s", c.Name, c.Section, want, strings.Join(onPage, "\n\t"))
				break
			}
			at += i + 1
		}
		s.checkConsole()
	}
}

// DriveTakeNumbers opens What would it take where the smallest changes are a few
// ten-millionths: Harborco's other ports weigh the fund and the jobs 50 each, a tie that
// the smallest step breaks (teaching-harborco-quota.yaml). Each threshold row must write its
// numbers as a student reads them, 0.0000003 and not 3e-7, and give a share of the range
// that is not 0.0%, which says no change was needed; and its Try it button must set the
// value the row names, every digit kept, and bring the change the row says.
func DriveTakeNumbers(t *testing.T, origin string) {
	s := start(t, origin)
	s.do(chromedp.Navigate(origin + "#scenario=teaching-harborco-quota&view=take"))
	s.settled()
	rows := evalJS[[][]string](s, `[...document.querySelectorAll("#take tbody tr")].map((tr) => [...tr.children].map((c) => c.textContent))`)
	if len(rows) == 0 {
		t.Fatal("What would it take shows no rows")
	}
	for _, r := range rows {
		line := strings.Join(r, " | ")
		for _, cell := range r[1:5] {
			if strings.Contains(cell, "e-") || strings.Contains(cell, "e+") {
				t.Errorf("a number in exponent form: %s", line)
			}
		}
		if r[4] == "0.0%" {
			t.Errorf("a change reads as 0.0%% of its range: %s", line)
		}
	}
	// Try it on the first row: the page sets the value as the row writes it and then shows
	// the zone the row says it would.
	first := rows[0]
	path := strings.TrimSpace(evalJS[string](s, `document.querySelector("#take tbody tr code.path").textContent`))
	_, holds, found := strings.Cut(first[5], "the zone holds ")
	if !found {
		t.Fatalf("the first row does not say what the zone holds: %s", strings.Join(first, " | "))
	}
	holds, _, _ = strings.Cut(holds, " ")
	s.do(chromedp.Click(chromedp.CSS(`#take tbody tr button`)))
	s.settled()
	hash := evalJS[string](s, `decodeURIComponent(location.hash)`)
	if !strings.Contains(hash, "set="+path+"="+first[2]) {
		t.Errorf("Try it on %s at %s leaves the page at %s", path, first[2], hash)
	}
	if now := evalJS[string](s, `document.querySelector("#take p").textContent`); !strings.HasPrefix(now, "Now the zone holds "+holds+" of ") {
		t.Errorf("Try it on %s at %s: %q, but the row said the zone would hold %s deals", path, first[2], now, holds)
	}
	s.checkConsole()
}

// TakeLists is what negsim sensitivity --all --format json says of one what-if: how
// many values have a threshold in range, and each red line widened or condition dropped,
// in its order, by the overrides that make it.
type TakeLists struct {
	Hash     string
	Tipping  int
	RedLines [][]string
	// Edge is what negsim sensitivity says of the actors on the edge of the Nash deal, its
	// line "On the edge: …"; "" where it says nothing of them.
	Edge string
}

// DriveTakeLists opens What would it take at each case and holds its lists to the
// terminal's: the page shows at most 15 of each, and where it shows fewer than there are
// it must say how many there are; the red lines and conditions are those negsim
// sensitivity lists, in its order, each with the overrides its Try it sets. A list cut
// without a word, or one that leaves out a change that lets deals in without moving the
// Nash deal, reads to a student comparing the two as another answer.
func DriveTakeLists(t *testing.T, origin string, cases []TakeLists) {
	s := start(t, origin)
	for _, c := range cases {
		s.do(chromedp.Navigate(origin + "#" + c.Hash + "&view=take"))
		s.settled()
		said := evalJS[[]string](s, `[...document.querySelectorAll("#take > p")].map((p) => p.textContent)`)
		rows := evalJS[int](s, `new Set([...document.querySelectorAll("#take tbody tr code.path")].map((c) => c.textContent)).size`)
		wantRows := min(c.Tipping, 15)
		if rows != wantRows {
			t.Errorf("%s: the table shows %d values; want %d of the %d with a threshold", c.Hash, rows, wantRows, c.Tipping)
		}
		edge := slices.IndexFunc(said, func(p string) bool { return strings.HasPrefix(p, "On the edge:") })
		switch {
		case c.Edge == "" && edge >= 0:
			t.Errorf("%s: the page says %q; negsim sensitivity puts no actor on the edge", c.Hash, said[edge])
		case c.Edge != "" && (edge < 0 || said[edge] != c.Edge):
			t.Errorf("%s: the page does not say, as negsim sensitivity does, %q; it says\n\t%s", c.Hash, c.Edge, strings.Join(said, "\n\t"))
		}
		note := fmt.Sprintf("The 15 nearest of the %d values with a threshold in range.", c.Tipping)
		if got := slices.Contains(said, note); got != (c.Tipping > 15) {
			t.Errorf("%s: %d values with a threshold, the page shows %d and %s %q; it says\n\t%s", c.Hash, c.Tipping, rows, map[bool]string{true: "says", false: "does not say"}[got], note, strings.Join(said, "\n\t"))
		}
		listed := evalJS[[]string](s, `[...document.querySelectorAll("#take li button")].map((b) => b.getAttribute("aria-label"))`)
		wantLines := min(len(c.RedLines), 15)
		if len(listed) != wantLines {
			t.Errorf("%s: Red lines and conditions lists %d changes; negsim sensitivity lists %d:\n\t%s", c.Hash, len(listed), len(c.RedLines), strings.Join(listed, "\n\t"))
			continue
		}
		if wantLines == 0 {
			continue
		}
		// Try it on the first and the last listed: each must set what the terminal's row sets.
		for _, i := range slices.Compact([]int{0, wantLines - 1}) {
			want := c.RedLines[i]
			s.do(chromedp.Navigate(origin + "#" + c.Hash + "&view=take"))
			s.settled()
			s.do(chromedp.Click(chromedp.CSS(fmt.Sprintf(`#take li:nth-of-type(%d) button`, i+1))))
			s.settled()
			hash := evalJS[string](s, `decodeURIComponent(location.hash)`)
			for _, set := range want {
				if !strings.Contains(hash, "set="+set) {
					t.Errorf("%s: Try it on %q leaves the page at %s; negsim sensitivity's change %d is %q", c.Hash, listed[i], hash, i+1, want)
				}
			}
		}
	}
	s.checkConsole()
}

// powerRowsJS is a JavaScript function of a root: the rows of the first table under the
// heading "Who must agree", each row's cells as text; null when there is no such table.
const powerRowsJS = `((root) => {
	const h = [...root.querySelectorAll("h3")].find((x) => x.textContent === "Who must agree");
	for (let e = h && h.nextElementSibling; e && e.tagName !== "H3"; e = e.nextElementSibling) {
		const table = e.tagName === "TABLE" ? e : e.querySelector("table");
		if (table) return [...table.querySelectorAll("tbody tr")].map((r) => [...r.cells].map((c) => c.textContent.trim()));
	}
	return null;
})`

// DriveVotingPower opens the Security Council (teaching-security-council.yaml: five
// permanent members with a veto, ten elected members, one vote each) with 6 votes needed,
// and reads each voter's Shapley–Shubik and Banzhaf power on the page and in the report it
// downloads. Worked out by hand: an elected member completes a winning coalition only as
// the sixth to vote with the five permanent members before it, 1/15 of the orders times
// 1/C(14,5) = 1/2002 of those, so 1/30030 = 0.0000333; each permanent member has the rest,
// (1 − 10/30030)/5 = 0.1999. Its swings: an elected member's one coalition (the five with
// it), a permanent member's 2^10 − 1 = 1023 (the other four and any elected member), of
// 5·1023 + 10 = 5125 in all: 0.0001951 and 0.1996. negsim analyze prints them to four
// significant digits; 0.0000 would say the elected members hold no power at all.
func DriveVotingPower(t *testing.T, origin string) {
	s := start(t, origin)
	s.do(chromedp.Navigate(origin + "#scenario=teaching-security-council&set=decision.votes_needed%3D6"))
	s.settled()
	want := map[string][2]string{"United States": {"0.1999", "0.1996"}, "China": {"0.1999", "0.1996"}}
	for i := 1; i <= 10; i++ {
		want["Elected member "+strconv.Itoa(i)] = [2]string{"0.0000333", "0.0001951"}
	}
	for where, rows := range map[string][][]string{
		"on the page":   evalJS[[][]string](s, powerRowsJS+`(document.getElementById("view-zone"))`),
		"in the report": evalJS[[][]string](s, `window.negsimReport().then((html) => { const doc = document.createElement("template"); doc.innerHTML = html; return `+powerRowsJS+`(doc.content); })`, chromedp.EvalAwaitPromise),
	} {
		seen := 0
		for _, r := range rows {
			w, ok := want[r[0]]
			if !ok {
				continue
			}
			seen++
			if len(r) < 6 || r[4] != w[0] || r[5] != w[1] {
				t.Errorf("%s, %s's Shapley–Shubik and Banzhaf power read %q; want %s and %s", where, r[0], r[min(4, len(r)-1):], w[0], w[1])
			}
		}
		if seen != len(want) {
			t.Errorf("%s, who must agree lists %d of the %d voters checked: %q", where, seen, len(want), rows)
		}
	}
	s.checkConsole()
}

// ComparedDeals is what negsim compare lists of one side's moved deals: how many moved
// (Count), and each listed deal's option on each issue, in the order listed.
type ComparedDeals struct {
	Count int
	Deals []map[string]string
	// Surpluses are each listed deal's veto actors' surpluses, by actor id.
	Surpluses []map[string]float64
}

// DriveCompareColumns opens the Compared view of the reference scenario's sanctions-bite
// with Russia's reservation raised to 0.5, where 111 deals leave the zone, and reads the
// columns of their table: the issues, then each veto actor's surplus in the order
// ukraine-2026.yaml lists the actors (Ukraine, Russia, the United States, Europe), as
// negsim compare's table has them. The page took the order of the JSON's keys, which come
// sorted: europe first. The deals it lists are those negsim compare lists (terminal), as
// many of as many, in the same order: the page asked for 10 where the terminal lists 20,
// so a student comparing the two saw different lists.
func DriveCompareColumns(t *testing.T, origin string, terminal ComparedDeals) {
	s := start(t, origin)
	s.do(chromedp.Navigate(origin + "#scenario=ukraine-2026&variant=sanctions-bite&set=actors.russia.reservation%3D0.5&view=compare"))
	s.settled()
	if _, err := chromedp.Run(s.ctx, chromedp.Poll[bool](`!!document.querySelector("#compare table")`, chromedp.WithPollingTimeout(30*time.Second))); err != nil {
		t.Fatalf("no table in the Compared view: %v", err)
	}
	// The table of the deals leaving, past the words between it and its heading.
	const leaving = `(() => { const h = [...document.querySelectorAll("#compare h3")].find((x) => x.textContent.startsWith("Deals leaving the zone")); let e = h && h.nextElementSibling; while (e && !e.querySelector("table")) e = e.nextElementSibling; return e; })()`
	head := evalJS[[]string](s, `(() => { const t = `+leaving+`; return t ? [...t.querySelectorAll("thead th")].map((th) => th.textContent) : null; })()`)
	want := []string{"surplus: ukraine", "surplus: russia", "surplus: united-states", "surplus: europe", "Nash product"}
	if len(head) < len(want) || !slices.Equal(head[len(head)-len(want):], want) {
		t.Errorf("the deals leaving the zone have the columns %q; want the issues, then %q", head, want)
	}
	// The Nash product the deals are ordered by, beside them as negsim compare shows it: the
	// product of the four surpluses negsim compare gives each deal, to four significant
	// digits (the page had no such column, so "best first" could not be checked by eye).
	products := evalJS[[]string](s, `(() => { const t = `+leaving+`; return t ? [...t.querySelectorAll("tbody tr")].map((tr) => tr.cells[tr.cells.length - 1].textContent) : []; })()`)
	for i := range min(len(products), len(terminal.Surpluses)) {
		want := 1.0
		for _, a := range []string{"ukraine", "russia", "united-states", "europe"} {
			want *= terminal.Surpluses[i][a]
		}
		got, err := strconv.ParseFloat(products[i], 64)
		if err != nil || math.Abs(got-want) > 5e-4*want {
			t.Errorf("deal %d leaving the zone has the Nash product %q; its surpluses multiplied make %.6g", i+1, products[i], want)
			break
		}
	}
	// Surpluses carry their sign, as negsim compare writes them. The deals leaving were in
	// the zone before, so each surplus there is at least 0 and reads "+"; the actors' Nash
	// surpluses and their changes read "+" or "-" whichever way they go, or "–" where the
	// zone has no Nash deal.
	cells := evalJS[[]string](s, `(() => { const t = `+leaving+`; return t ? [...t.querySelectorAll("tbody tr")].flatMap((tr) => [...tr.cells].slice(-5, -1).map((c) => c.textContent)) : []; })()`)
	if len(cells) == 0 {
		t.Error("the deals leaving the zone list no surpluses")
	}
	for _, c := range cells {
		if !strings.HasPrefix(c, "+") {
			t.Errorf("a surplus of a deal leaving the zone reads %q; want it signed, +", c)
			break
		}
	}
	listed := evalJS[struct {
		Heading string
		Deals   []map[string]string
	}](s, `(() => {
		const h = [...document.querySelectorAll("#compare h3")].find((x) => x.textContent.startsWith("Deals leaving the zone"));
		const t = `+leaving+`;
		if (!t) return {Heading: h ? h.textContent : "", Deals: []};
		// The heading, and what is said between it and the table.
		let said = h.textContent;
		for (let e = h.nextElementSibling; e !== t; e = e.nextElementSibling) said += " " + e.textContent;
		const head = [...t.querySelectorAll("thead th")].map((th) => th.textContent);
		const deals = [...t.querySelectorAll("tbody tr")].map((tr) => Object.fromEntries([...tr.cells].map((c, i) => [head[i], c.textContent]).filter(([k]) => !k.startsWith("surplus: ") && k !== "Nash product")));
		return {Heading: said, Deals: deals};
	})()`)
	of := fmt.Sprintf("%d of %d", len(terminal.Deals), terminal.Count)
	if !strings.Contains(listed.Heading, of) {
		t.Errorf("the page says of the deals leaving the zone %q; want %q, as negsim compare lists them", listed.Heading, of)
	}
	// Which of them: negsim compare's words, the four parties holding a veto.
	if order := "best first (by the Nash product, the veto actors' surpluses multiplied)"; !strings.Contains(strings.ToLower(listed.Heading), strings.ToLower(order)) {
		t.Errorf("the page says of the deals leaving the zone %q; want it to say they come %q, as negsim compare does", listed.Heading, order)
	}
	if len(listed.Deals) != len(terminal.Deals) {
		t.Errorf("the page lists %d deals leaving the zone; negsim compare lists %d", len(listed.Deals), len(terminal.Deals))
	}
	for i := range min(len(listed.Deals), len(terminal.Deals)) {
		if !maps.Equal(listed.Deals[i], terminal.Deals[i]) {
			t.Errorf("deal %d leaving the zone is %v on the page; negsim compare lists %v", i+1, listed.Deals[i], terminal.Deals[i])
			break
		}
	}
	// Each solution's deal before and after is a dozen issue=option pairs: on one line it
	// pushed "after" and "changed" out of the box (5016 px in 750), where a student saw only
	// the deal before and had to scroll sideways to learn whether it moved. The deals wrap
	// instead: at a projector's width the table fits its box; at a phone's two deals side
	// by side cannot, but the box scrolls by less than its own width, not by twelve.
	for _, w := range []int64{1280, 390} {
		s.do(chromedp.EmulateViewport(w, 900))
		s.settled()
		box := evalJS[struct{ Scroll, Client int }](s, `(() => { const h = [...document.querySelectorAll("#compare h3")].find((x) => x.textContent === "Solutions"); const b = h && h.nextElementSibling; return b ? {Scroll: b.scrollWidth, Client: b.clientWidth} : {Scroll: 0, Client: 0}; })()`)
		switch {
		case box.Client == 0:
			t.Errorf("at %d px the Compared view has no table of the solutions", w)
		case w == 1280 && box.Scroll > box.Client+1, box.Scroll > 2*box.Client:
			t.Errorf("at %d px the table of the solutions before and after is %d px wide in its box of %d: it scrolls sideways", w, box.Scroll, box.Client)
		}
	}
	s.do(chromedp.EmulateViewport(1280, 900))
	// Wrapped, a deal still reads as its pairs: issue=option, a comma and a space between.
	pairs := regexp.MustCompile(`^[a-z0-9-]+=[a-z0-9-]+(, [a-z0-9-]+=[a-z0-9-]+)*$`)
	for _, c := range evalJS[[]string](s, `(() => { const h = [...document.querySelectorAll("#compare h3")].find((x) => x.textContent === "Solutions"); return h ? [...h.nextElementSibling.querySelectorAll("tbody tr")].flatMap((tr) => [tr.cells[1].textContent, tr.cells[2].textContent]) : []; })()`) {
		if c != "none" && !pairs.MatchString(c) {
			t.Errorf("a solution's deal in the Compared view reads %q; want issue=option pairs", c)
			break
		}
	}
	actors := evalJS[[]string](s, `(() => { const h = [...document.querySelectorAll("#compare h3")].find((x) => x.textContent.startsWith("Each actor at the Nash deal")); return h ? [...h.nextElementSibling.querySelectorAll("tbody tr")].flatMap((tr) => [...tr.cells].slice(-3).map((c) => c.textContent)) : []; })()`)
	if len(actors) == 0 {
		t.Error("the Compared view has no Nash surpluses of the actors")
	}
	for _, c := range actors {
		if !strings.HasPrefix(c, "+") && !strings.HasPrefix(c, "-") && c != "–" {
			t.Errorf("a Nash surplus or its change reads %q; want it signed", c)
			break
		}
	}
	s.checkConsole()
}

// ScoreCase is a deal scored under a what-if: the scenario, its variant and overrides, and
// the deal as issue=option pairs, as `negsim score --deal` takes it.
type ScoreCase struct {
	Scenario, Variant string
	Sets              []string
	Deal              string
}

// Scored is what negsim score says of a deal: its sentences, and the rows of its table of
// actors, cell by cell.
type Scored struct {
	Lines []string
	Rows  [][]string
}

// ScoreCases are deals the Score view must say as negsim score says them: below a
// walk-away value and dominated; the Nash deal; a deal of the zone that leaves value on the
// table; one 0.01 points short of the employer's walk-away value (65.0 points, against a
// walk-away value set to 65.01), which both wrote "+0.0" and "0.0 points below"; two red
// lines crossed; a vote of the Security Council; ratification at home, with one ratifier
// and with three.
var ScoreCases = []ScoreCase{
	{Scenario: "teaching-two-party", Deal: "salary=mid,remote=hybrid,start=now"},
	{Scenario: "teaching-two-party", Sets: []string{"actors.employer.reservation=0.6501"}, Deal: "salary=high,remote=hybrid,start=now"},
	{Scenario: "teaching-two-party", Deal: "salary=high,remote=hybrid,start=now"},
	{Scenario: "teaching-two-party", Deal: "salary=high,remote=office,start=one-month"},
	{Scenario: "teaching-red-line", Deal: "tax=cut,schools=close,bridge=no"},
	{Scenario: "teaching-security-council", Deal: "response=force"},
	{Scenario: "teaching-tied-hands", Deal: "quota=q2"},
	// Value left on the table for the developer moves two others' points, which the page
	// says as the terminal does (TestValueLeftSaysWhatItCostsTheOthers).
	{Scenario: "teaching-harborco-quota", Deal: "fund=medium,jobs=partial"},
	{Scenario: "ukraine-2026", Variant: "sanctions-bite", Sets: []string{"actors.russia.reservation=0.5"},
		Deal: "territory=withdraw-donetsk,recognition=de-facto,guarantees=russia-role,nato=not-now,military-limits=cap,foreign-troops=none,sanctions=full-relief,assets=shared-fund,sequencing=deal-first,eu-path=membership-path,language=russian-status,interim=energy-and-ports"},
}

func (c ScoreCase) hash() string {
	h := "#scenario=" + c.Scenario
	if c.Variant != "" {
		h += "&variant=" + c.Variant
	}
	for _, s := range c.Sets {
		h += "&set=" + url.QueryEscape(s)
	}
	return h + "&view=score&deal=" + url.QueryEscape(c.Deal)
}

// scoredJS reads the Score view: the sentences in order, and the table's rows.
const scoredJS = `({
	lines: [document.getElementById("score-verdict"), ...document.querySelectorAll("#score-result > p")].map((p) => p.textContent),
	rows: [...document.querySelectorAll("#score-result tbody tr")].map((tr) => [...tr.cells].map((c) => c.textContent)),
})`

// DriveScore opens each case in the Score view and holds what it says to what terminal says
// negsim score says; then, on the first case, chooses another option by keyboard and holds
// the new deal's score, which the address now names, to the terminal's.
func DriveScore(t *testing.T, origin string, cases []ScoreCase, terminal func(ScoreCase) Scored) {
	s := startAt(t, origin, 1280, 900, 4*time.Minute)
	check := func(c ScoreCase) {
		t.Helper()
		got := evalJS[Scored](s, scoredJS)
		want := terminal(c)
		if !slices.Equal(got.Lines, want.Lines) {
			t.Errorf("%s: the Score view says\n  %s\nnegsim score says\n  %s", c.Deal, strings.Join(got.Lines, "\n  "), strings.Join(want.Lines, "\n  "))
		}
		if !slices.EqualFunc(got.Rows, want.Rows, slices.Equal) {
			t.Errorf("%s: the Score view's table holds %q; negsim score's %q", c.Deal, got.Rows, want.Rows)
		}
	}
	for _, c := range cases {
		s.do(chromedp.Navigate(origin + c.hash()))
		s.settled()
		check(c)
	}

	c := cases[0]
	s.do(chromedp.Navigate(origin + c.hash()))
	s.settled()
	first := `#score-deal select`
	before := evalJS[string](s, `document.querySelector('`+first+`').value`)
	s.do(chromedp.Focus(chromedp.CSS(first)))
	s.do(chromedp.KeyEvent(kb.ArrowDown))
	if _, err := chromedp.Run(s.ctx, chromedp.Poll[bool](`new URLSearchParams(location.hash.slice(1)).get("deal") !== `+strconv.Quote(c.Deal), chromedp.WithPollingTimeout(10*time.Second))); err != nil {
		t.Fatalf("choosing another option by keyboard left the address's deal at %s", c.Deal)
	}
	s.settled()
	c.Deal = evalJS[string](s, `new URLSearchParams(location.hash.slice(1)).get("deal")`)
	issue, option, _ := strings.Cut(strings.Split(c.Deal, ",")[0], "=")
	if now := evalJS[string](s, `document.querySelector('`+first+`').value`); now == before || option != now || issue == "" {
		t.Errorf("the first choice went from %s to %s; the address's deal is %s", before, now, c.Deal)
	}
	if id := evalJS[string](s, `document.activeElement.id`); id != "score-"+issue {
		t.Errorf("after the choice the focus is on %q, want the choice itself", id)
	}
	check(c)

	// The report to hand in scores the deal the view shows, in the same words.
	report := evalJS[string](s, `window.negsimReport()`, chromedp.EvalAwaitPromise)
	want := terminal(c)
	said := []string{"<h2>The deal scored</h2>", "<p><code>" + c.Deal + "</code></p>"}
	for _, line := range want.Lines {
		said = append(said, "<p>"+strings.ReplaceAll(html.EscapeString(line), "&#34;", "&quot;")+"</p>")
	}
	for _, line := range said {
		if !strings.Contains(report, line) {
			t.Errorf("the report of the Score view lacks %s", line)
		}
	}
	if !strings.Contains(report, ">"+want.Rows[0][0]+"</th><td>"+want.Rows[0][1]+"</td><td class=\"num\">"+want.Rows[0][2]+"</td>") {
		t.Errorf("the report of the Score view lacks the row %q", want.Rows[0])
	}
	s.checkConsole()
}
