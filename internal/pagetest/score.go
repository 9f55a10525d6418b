package pagetest

import (
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

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
// table; two red lines crossed; a vote of the Security Council; ratification at home, with
// one ratifier and with three.
var ScoreCases = []ScoreCase{
	{Scenario: "teaching-two-party", Deal: "salary=mid,remote=hybrid,start=now"},
	{Scenario: "teaching-two-party", Deal: "salary=high,remote=hybrid,start=now"},
	{Scenario: "teaching-two-party", Deal: "salary=high,remote=office,start=one-month"},
	{Scenario: "teaching-red-line", Deal: "tax=cut,schools=close,bridge=no"},
	{Scenario: "teaching-security-council", Deal: "response=force"},
	{Scenario: "teaching-tied-hands", Deal: "quota=q2"},
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
	s.checkConsole()
}
