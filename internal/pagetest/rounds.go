package pagetest

import (
	"fmt"
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
