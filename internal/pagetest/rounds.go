package pagetest

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// DriveNoTextRounds opens the Rounds view of the reference scenario as shipped, where the
// mediator puts nothing on the table in any round. noText is why, round by round, as
// `negsim rounds --format json` gives it. The table must say it as negsim rounds does (in
// full the first time a reason is given, then by the round that gave it) and the detail of
// a round in full; never the fixed "red lines clash" the page once said whatever the cause.
func DriveNoTextRounds(t *testing.T, origin, name string, noText []string) {
	s := start(t, origin)
	s.do(chromedp.Navigate(origin + "#scenario=ukraine-2026&view=rounds"))
	s.settled()
	cells := evalJS[[]string](s, `[...document.querySelectorAll("#rounds-table tbody tr")].map((tr) => tr.cells[3].textContent)`)
	if len(cells) != len(noText) {
		t.Fatalf("the rounds table has %d rows, want %d", len(cells), len(noText))
	}
	first := map[string]int{}
	for i, why := range noText {
		want := "none: " + why
		if r, ok := first[why]; ok {
			want = fmt.Sprintf("none, for the same reason as in round %d", r)
		} else {
			first[why] = i
		}
		if cells[i] != want {
			t.Errorf("round %d's proposal reads %q, want %q", i, cells[i], want)
		}
	}
	// The shipped file asks Ukraine's and Russia's deals to be ratified at home and sets no
	// decision rule, so a text had to win the vetoes and the ratifiers.
	if summary := evalJS[string](s, `document.getElementById("rounds-summary").textContent`); !strings.Contains(summary, "Breakdown at the deadline: no proposal won every veto actor and ratification at home;") {
		t.Errorf("the rounds summary does not say what no proposal won: %q", summary)
	}
	last := len(noText) - 1
	evalJS[any](s, fmt.Sprintf(`(() => { const p = document.getElementById("round-pick"); p.value = "%d"; p.dispatchEvent(new Event("input")); })()`, last))
	detail := evalJS[string](s, `document.getElementById("round-detail").textContent`)
	if want := "No proposal: " + noText[last] + "."; !strings.Contains(detail, want) {
		t.Errorf("round %d's detail lacks %q:\n%s", last, want, detail)
	}
	if view := evalJS[string](s, `document.getElementById("view-rounds").textContent`); strings.Contains(view, "red lines clash") || strings.Contains(view, "no deal keeps every red line") {
		t.Errorf("the Rounds view still blames the red lines whatever the cause:\n%s", view)
	}
	s.screenshots(name + "-rounds")
	s.checkOrigin()
	s.checkConsole()
}

// DriveRoundsBasis opens the Rounds view of hash and reads who put each round's proposal on
// the table. bases is each round's proposal basis as `negsim rounds --format json` gives it
// ("" for none): a proposer that fell back on the closest deal or its own best, because no
// deal met every aspiration, must be told apart as negsim rounds tells it, "(closest)" or
// "(own best)", not read as an ordinary offer.
func DriveRoundsBasis(t *testing.T, origin, hash string, bases []string) {
	s := start(t, origin)
	s.do(chromedp.Navigate(origin + "#" + hash + "&view=rounds"))
	s.settled()
	cells := evalJS[[]string](s, `[...document.querySelectorAll("#rounds-table tbody tr")].map((tr) => tr.cells[2].textContent)`)
	if len(cells) != len(bases) {
		t.Fatalf("the rounds table has %d rows, want %d", len(cells), len(bases))
	}
	for i, basis := range bases {
		fallback := map[string]string{"closest": " (closest)", "own_best": " (own best)"}[basis]
		if marked := strings.HasSuffix(cells[i], " (closest)") || strings.HasSuffix(cells[i], " (own best)"); marked != (fallback != "") || (fallback != "" && !strings.HasSuffix(cells[i], fallback)) {
			t.Errorf("round %d was proposed by %q; the engine's basis is %q", i, cells[i], basis)
		}
	}
	s.checkConsole()
}

// RoundsAnswersCase is a Rounds view to open (hash) and what negsim rounds says of it:
// Accepted, by round, is the "accepted by" cell the table must read, in the actors' names;
// Notes are the sentences negsim rounds prints above its table to say what its marks mean.
type RoundsAnswersCase struct {
	Hash     string
	Accepted map[int]string
	Notes    []string
}

// RoundsAnswersCases are the vote-counting scenarios whose answers the page once told
// otherwise than the terminal. Each expected cell is negsim rounds' own, the ids written as
// the names the page uses. In the telephone game (README, "The telephone game") the
// mediator's text d4 of round 6 is accepted by East and itself and fails on West, whom it
// believed would take anything: the table named East and the mediator and left West out. In
// the reference scenario's sanctions-bite nobody at the table accepts round 0's closest text,
// while the ratifiers at home would: the table listed the ratifiers as if they had accepted
// it. Harborco's quota under a mediator falls back on the text nearest to passing, small
// fund and full jobs guarantee, which the union, the governor and the agency accept (3 votes
// of the 5 needed) and Harborco, at its aspiration of 1, does not.
var RoundsAnswersCases = []RoundsAnswersCase{
	{
		// The fishery as written (teaching-tied-hands.yaml): Away proposes the even split q3
		// at round 5, both governments accept it (0.5 each against aspirations of 0.5), and
		// the parliament ratifies it (0.5 ≥ 0.4). The round of agreement named the
		// governments alone, where rounds 0, 2 and 4 said the parliament's yes at home.
		Hash:     "scenario=teaching-tied-hands",
		Accepted: map[int]string{4: "Home government; yes at home: Home's parliament", 5: "Home government, Away government; yes at home: Home's parliament"},
	},
	{
		Hash:     "scenario=teaching-telephone-game",
		Accepted: map[int]string{0: "Mediator", 6: "East, Mediator; misjudged West"},
		Notes: []string{
			`"closest" beside the proposer: no deal gave every veto actor its aspiration, so it put forward the deal whose largest shortfall below an aspiration is smallest.`,
			"Misjudged: the proposer believed its proposal would pass, but the actors named rejected it; its picture of them (its beliefs) was wrong.",
		},
	},
	{
		Hash:     "scenario=ukraine-2026&variant=sanctions-bite",
		Accepted: map[int]string{0: "nobody; yes at home: Ukraine's parliament (the Rada), Ukrainian voters opposed to ceding land, Ukrainian voters open to a territorial compromise, Russia's hardliners"},
		Notes: []string{
			`"closest" beside the proposer: no deal would have won every veto actor and ratification at home in that round, so it put forward the deal nearest to passing: the one that would pass if every actor lowered what it asks for by the least.`,
		},
	},
	{
		Hash:     "scenario=teaching-harborco-quota&set=protocol.kind%3Dmediated",
		Accepted: map[int]string{0: "Union, Governor, Federal agency (3 votes; 5 needed)"},
		Notes: []string{
			`"closest" beside the proposer: no deal would have won every veto actor and the votes needed in that round, so it put forward the deal nearest to passing: the one that would pass if every actor lowered what it asks for by the least.`,
		},
	},
	{
		// Home's parliament wanting the even split q3 at 0.9 ratifies q3 alone: Home's own
		// best, q6, meets its aspiration of round 0 and fails at home.
		Hash:     "scenario=teaching-tied-hands&set=actors.parliament.preferences.quota.ideal%3Dq3&set=actors.parliament.reservation%3D0.9",
		Accepted: map[int]string{0: "nobody", 1: "Away government"},
		Notes: []string{
			`"own best" beside the proposer: its aspiration, or the vote at home on its deals, ruled out every deal within the veto actors' red lines, so it offered its own best deal among them.`,
		},
	},
	{
		// The same with neither government holding a veto and one vote needed: no veto
		// actor's red lines bound Home's offer.
		Hash:     "scenario=teaching-tied-hands&set=actors.parliament.preferences.quota.ideal%3Dq3&set=actors.parliament.reservation%3D0.9&set=actors.home.veto%3Dfalse&set=actors.away.veto%3Dfalse&set=decision.votes_needed%3D1",
		Accepted: map[int]string{0: "nobody (0 votes; 1 needed)"},
		Notes: []string{
			`"own best" beside the proposer: its aspiration, or the vote at home on its deals, ruled out every deal, so it offered its own best deal.`,
		},
	},
}

// DriveRoundsAnswers opens each case's Rounds view and reads who accepted each round's
// proposal and the notes above the table: a yes at home is told apart from one at the table,
// the actors a proposer misjudged are named, and the marks are explained, as negsim rounds
// does each.
func DriveRoundsAnswers(t *testing.T, origin string, cases []RoundsAnswersCase) {
	s := start(t, origin)
	for _, c := range cases {
		s.do(chromedp.Navigate(origin + "#" + c.Hash + "&view=rounds"))
		s.settled()
		cells := evalJS[[]string](s, `[...document.querySelectorAll("#rounds-table tbody tr")].map((tr) => tr.cells[4].textContent)`)
		for round, want := range c.Accepted {
			if round >= len(cells) {
				t.Errorf("%s: the rounds table has %d rows, none for round %d", c.Hash, len(cells), round)
			} else if cells[round] != want {
				t.Errorf("%s: round %d accepted by %q, want %q", c.Hash, round, cells[round], want)
			}
		}
		notes := evalJS[[]string](s, `[...document.querySelectorAll("#rounds-notes p")].map((p) => p.textContent)`)
		if !slices.Equal(notes, c.Notes) {
			t.Errorf("%s: the notes above the rounds read\n%q\nwant\n%q", c.Hash, notes, c.Notes)
		}
	}
	s.checkOrigin()
	s.checkConsole()
}

// DriveRoundsEvents opens the Rounds view of hash, whose talks have events, and reads how
// the chart marks them: a tag above the plot at each event's round (E1, E2, ... in the
// order they fire, as negsim rounds --chart tags them) and, beside the chart, each tag with
// its round and why. told is that line as the command line's events give it. The page's
// chart marked no event: a student saw the aspirations bend with nothing to say why.
func DriveRoundsEvents(t *testing.T, origin, hash string, tags []string, told string) {
	s := start(t, origin)
	s.do(chromedp.Navigate(origin + "#" + hash))
	s.settled()
	drawn := evalJS[[]string](s, `[...document.querySelectorAll("#rounds-chart svg text")].map((x) => x.textContent).filter((x) => /^E\d+$/.test(x))`)
	if !slices.Equal(drawn, tags) {
		t.Errorf("the rounds chart tags the events %q; want %q", drawn, tags)
	}
	if lines := evalJS[int](s, `document.querySelectorAll("#rounds-chart svg line[data-event]").length`); lines == 0 {
		t.Error("the rounds chart draws no line at an event's round")
	}
	if got := evalJS[string](s, `(document.querySelector("#rounds-chart p.events") || {}).textContent || ""`); got != told {
		t.Errorf("beside the rounds chart the events read %q; want %q", got, told)
	}
	if label := evalJS[string](s, `document.querySelector("#rounds-chart svg").getAttribute("aria-label")`); !strings.Contains(label, " Events: ") {
		t.Errorf("the rounds chart's text alternative does not tell the events: %q", label)
	}
	s.checkConsole()
}
