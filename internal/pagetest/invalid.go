package pagetest

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// InvalidCase is a what-if the engine refuses, reached from the job offer as a student
// reaches it: each Key pressed on the control of Path in turn (a veto's switch, a red
// line's box, a weight's slider).
type InvalidCase struct {
	Name  string
	Moves []InvalidMove
	// Sets are the link's overrides once the moves are made, and Said the lines negsim
	// analyze prints for them, without its "negsim: ".
	Sets []string
	Said []string
	// Views are the views looked at, InvalidViews when none is named.
	Views []string
}

// InvalidMove is one key pressed on one field: Field is a CSS selector inside the
// control of Path.
type InvalidMove struct {
	Path, Field, Key string
}

// InvalidViews are the views checked in each refused what-if; Play hides the headline and
// the what-if and is its own view of the talks.
var InvalidViews = []string{"zone", "take", "words", "rounds", "compare", "score", "share"}

// resultsJS reads what the page shows of a what-if's results: the headline, the view's
// words, and the tables and charts of every view.
const resultsJS = `(() => {
	const view = document.querySelector('[role="tab"][aria-selected="true"]').dataset.view;
	const results = document.getElementById("results");
	const drawn = [...results.querySelectorAll("table, svg")].filter((e) => !e.closest(".legend")).map((e) => (e.closest("[id]") || {}).id + " " + e.tagName.toLowerCase());
	return {
		headline: document.getElementById("headline").innerText.replace(/\s+/g, " ").trim(),
		view: document.getElementById("view-" + view).innerText.replace(/\s+/g, " ").trim(),
		drawn: [...new Set(drawn)],
		error: document.getElementById("error").hidden ? "" : document.getElementById("error").innerText,
		command: document.getElementById("command").value,
	};
})()`

type shownResults struct {
	Headline string   `json:"headline"`
	View     string   `json:"view"`
	Drawn    []string `json:"drawn"`
	Error    string   `json:"error"`
	Command  string   `json:"command"`
}

// DriveInvalidWhatIf opens the job offer, which has results, and makes each case's moves
// by keyboard. The engine refuses the what-if they make: the page said so in its error
// box, but the headline, the solutions and every other view kept the results of the move
// before, as if they were the what-if's. Each view must then show no results (no zone
// counted, no Nash deal, no table, no chart) and the engine's words, and must read as the
// same link opened afresh reads.
func DriveInvalidWhatIf(t *testing.T, origin string, cases []InvalidCase) {
	s := startAt(t, origin, 1280, 900, 4*time.Minute)
	for _, c := range cases {
		s.do(chromedp.Navigate(origin + "#scenario=teaching-two-party"))
		s.settled()
		if got := evalJS[shownResults](s, resultsJS); !slices.Contains(got.Drawn, "solutions table") {
			t.Fatalf("%s: the job offer as shipped shows no solutions (%q): the case needs results to start from", c.Name, got.Drawn)
		}
		for _, m := range c.Moves {
			field := `.control[data-path="` + m.Path + `"] ` + m.Field
			evalJS[any](s, `(() => { const d = document.querySelector('`+field+`').closest("details"); if (d) d.open = true; })()`)
			s.do(chromedp.Focus(chromedp.CSS(field)))
			s.do(chromedp.KeyEvent(m.Key))
			s.settled()
		}
		if got := s.hashSets(); !slices.Equal(got, c.Sets) {
			t.Fatalf("%s: the moves left the link's overrides at %q, want %q", c.Name, got, c.Sets)
		}
		views := c.Views
		if len(views) == 0 {
			views = InvalidViews
		}
		for _, view := range views {
			evalJS[any](s, `window.scrollTo(0, 0)`)
			s.do(chromedp.Click(chromedp.CSS(`[role=tab][data-view="` + view + `"]`)))
			s.settled()
			reached := evalJS[shownResults](s, resultsJS)
			at := c.Name + ", view " + view
			checkNoResults(t, at+", reached by keyboard", reached, c.Said)
			// The same link, opened afresh in a tab of its own.
			fresh := startAt(t, origin, 1280, 900, time.Minute)
			fresh.do(chromedp.Navigate(evalJS[string](s, `location.href`)))
			fresh.settled()
			opened := evalJS[shownResults](fresh, resultsJS)
			checkNoResults(t, at+", opened afresh", opened, c.Said)
			if reached.Headline != opened.Headline || reached.View != opened.View {
				t.Errorf("%s: reached by keyboard the page reads\n%q\n%q\nbut its link opened afresh reads\n%q\n%q", at, reached.Headline, reached.View, opened.Headline, opened.View)
			}
		}
	}
	// The console is not read: the browser logs each refusal, which is the engine's answer.
}

// checkNoResults fails on any result shown for a what-if the engine refused: a zone's
// count, a Nash deal, a table or a chart, a command for it; and on an error box that does
// not say what negsim analyze says.
func checkNoResults(t *testing.T, at string, got shownResults, said []string) {
	t.Helper()
	if strings.ContainsAny(got.Headline, "0123456789") || strings.Contains(got.Headline, "=") {
		t.Errorf("%s: the headline reads %q, a result of a what-if the engine refused", at, got.Headline)
	}
	if len(got.Drawn) > 0 {
		t.Errorf("%s: the page still shows %q", at, got.Drawn)
	}
	if got.Command != "" {
		t.Errorf("%s: the Share view offers the command %q for a what-if that does not run", at, got.Command)
	}
	for _, line := range said {
		if !strings.Contains(got.Error, strings.TrimSpace(line)) {
			t.Errorf("%s: the error box says %q, without negsim analyze's %q", at, got.Error, strings.TrimSpace(line))
		}
	}
}
