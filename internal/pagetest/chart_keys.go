package pagetest

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/negsim/negsim/sim"
)

// ZoneKey is the key the zone's chart must show for a what-if, worked out from `negsim
// analyze --format json` for it: every deal and the reservations always; the deals in the
// zone and the frontier of the two parties drawn only when the zone holds a deal (its
// frontier then holds one at least: the zone's deal best for the party across); and each
// bargaining solution the analysis finds, in the engine's order.
func ZoneKey(t *testing.T, analysis []byte) []string {
	var an struct {
		ZOPA      struct{ Count uint64 } `json:"zopa"`
		Solutions map[string]json.RawMessage
	}
	if err := json.Unmarshal(analysis, &an); err != nil {
		t.Fatal(err)
	}
	key := []string{"every deal (darker: more deals)"}
	if an.ZOPA.Count > 0 {
		key = append(key, "deals in the zone")
	}
	key = append(key, "reservations")
	if an.ZOPA.Count > 0 {
		key = append(key, "the frontier for these two")
	}
	for _, ns := range (&sim.Solutions{}).Named() {
		if s := an.Solutions[string(ns.Key)]; len(s) > 0 && string(s) != "null" {
			key = append(key, ns.Title)
		}
	}
	return key
}

// TakeKey is the key What would it take's chart must show for `negsim sensitivity --format
// json`: the chart draws the first 15 values with a threshold, a bar left for each that
// lowering tips and right for each that raising tips, and the key names the sides drawn.
func TakeKey(t *testing.T, sensitivity []byte) []string {
	var rep struct {
		Rows []struct {
			Nearest, Below, Above json.RawMessage
		}
	}
	if err := json.Unmarshal(sensitivity, &rep); err != nil {
		t.Fatal(err)
	}
	given := func(m json.RawMessage) bool { return len(m) > 0 && string(m) != "null" }
	lowered, raised, shown := false, false, 0
	for _, r := range rep.Rows {
		if !given(r.Nearest) || shown == 15 {
			continue
		}
		shown++
		lowered, raised = lowered || given(r.Below), raised || given(r.Above)
	}
	var key []string
	if lowered {
		key = append(key, "lowering the value")
	}
	switch {
	case raised && lowered:
		key = append(key, "raising it")
	case raised:
		key = append(key, "raising the value")
	}
	return key
}

// ChartKey is a view's chart and the key under it (its .legend) that a link must show.
type ChartKey struct {
	Hash, Chart string
	Key         []string
}

// DriveChartKeys opens each case's link and reads the key under its chart: with the
// reference scenario's empty zone the zone's key named the deals in the zone, the frontier
// and five solutions, none of them drawn; for the tied hands, whose reservations tip the
// result only when raised, What would it take's key named lowering.
func DriveChartKeys(t *testing.T, origin string, cases []ChartKey) {
	s := startAt(t, origin, 1280, 900, 2*time.Minute)
	for _, c := range cases {
		s.do(chromedp.Navigate(origin + "#" + c.Hash))
		s.settled()
		legend := "#" + c.Chart + " .legend"
		if _, err := chromedp.Run(s.ctx, chromedp.Poll[bool](`!!document.querySelector("`+legend+`")`, chromedp.WithPollingTimeout(30*time.Second))); err != nil {
			t.Fatalf("%s: no key under #%s: %v", c.Hash, c.Chart, err)
		}
		got := evalJS[[]string](s, `[...document.querySelectorAll("`+legend+` li")].map((li) => li.textContent.trim())`)
		if !slices.Equal(got, c.Key) {
			t.Errorf("%s: the key under #%s says %q; want %q", c.Hash, c.Chart, got, c.Key)
		}
		// The chart marks each of the frontier's deals with a white circle on its line; the
		// key drew the line alone, and the circles were named nowhere.
		if slices.Contains(c.Key, "the frontier for these two") {
			circle := evalJS[bool](s, `[...document.querySelectorAll("`+legend+` li")].some((li) => li.textContent.trim() === "the frontier for these two" && !!li.querySelector("svg line") && [...li.querySelectorAll("svg circle")].some((c) => c.getAttribute("fill") === "#ffffff"))`)
			drawn := evalJS[bool](s, `[...document.querySelectorAll("#`+c.Chart+` svg circle")].some((c) => c.getAttribute("fill") === "#ffffff" && c.getAttribute("r") === "6")`)
			if !circle || !drawn {
				t.Errorf("%s: the frontier's deals are drawn as white circles (%v), and its key draws one on its line (%v)", c.Hash, drawn, circle)
			}
		}
	}
	s.checkConsole()
}

// DriveTakeLabels opens What would it take where a value's name is too long for the
// tornado's margin, and reads the label of each bar of a reservation or a weight: it must
// still say which value it is, whatever it cuts. Cut from the middle, Right party's and
// Europe's reservations read "Right party: … (what no deal is worth)" and "Europe (EU, UK
// and … (what no deal is worth)", and Europe's weight of the sanctions "Europe (EU, UK and
// … of Sanctions on Russia".
func DriveTakeLabels(t *testing.T, origin string, hashes []string) {
	s := startAt(t, origin, 1280, 900, 2*time.Minute)
	for _, hash := range hashes {
		s.do(chromedp.Navigate(origin + "#" + hash))
		s.settled()
		if _, err := chromedp.Run(s.ctx, chromedp.Poll[bool](`!!document.querySelector("#take svg text title")`, chromedp.WithPollingTimeout(30*time.Second))); err != nil {
			t.Fatalf("%s: no labelled bar in What would it take: %v", hash, err)
		}
		// A value at a threshold, tipped by the least change, still has a bar to see beside
		// the line of now: Harborco's ports sit at one (their weights tip the Nash deal at
		// 0.0000003% of their range), and those bars were 1 unit wide, behind the line.
		if thin := evalJS[int](s, `[...document.querySelectorAll("#take svg rect")].filter((r) => +r.getAttribute("width") < 4).length`); thin > 0 {
			t.Errorf("%s: %d bars of What would it take are under 4 units wide, hidden by the line of now", hash, thin)
		}
		// Each label's title is the value's whole name, then its path in brackets.
		labels := evalJS[[][]string](s, `[...document.querySelectorAll("#take svg text")].filter((x) => x.querySelector("title")).map((x) => { const title = x.querySelector("title").textContent, m = title.match(/^(.*) \(([^()]*)\)$/); return [x.firstChild.textContent, m[2], m[1]]; })`)
		for _, l := range labels {
			what := map[string]string{"reservation": "reservation", "weight": "weight of"}[l[1][strings.LastIndex(l[1], ".")+1:]]
			if !strings.Contains(l[0], what) {
				t.Errorf("%s: the bar of %s is labelled %q, which does not say %q", hash, l[1], l[0], what)
			}
			// A weight's label keeps the first word of its issue's name, the one a student
			// knows the issue by: cut from the middle, Russia's weight of "Sequencing of
			// ceasefire, guarantees and settlement" read "Russia: weight of … guarantees
			// and settlement".
			if _, issue, ok := strings.Cut(l[2], ": weight of "); ok && strings.HasSuffix(l[1], ".weight") {
				if first, _, _ := strings.Cut(issue, " "); !strings.Contains(l[0], "weight of "+first) {
					t.Errorf("%s: the bar of %s is labelled %q, without the first word of %q", hash, l[1], l[0], issue)
				}
			}
		}
		// Each bar is told apart by its label: Harborco's values of its small and its medium
		// fund were both "Harborco: value of … fund on Mitigation fund", the word that differs
		// cut out.
		labelled := map[string]string{}
		for _, l := range labels {
			if other, ok := labelled[l[0]]; ok && other != l[1] {
				t.Errorf("%s: the bars of %s and %s are both labelled %q", hash, other, l[1], l[0])
			}
			labelled[l[0]] = l[1]
		}
	}
	s.checkConsole()
}
