package pagetest

import (
	"encoding/json"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// roundsLineKey is what each line style of the rounds chart means, in the words of the key
// beside `negsim rounds --chart` and in `negsim report`'s figure: the page must say the
// same, so that a student comparing the page with a printed report reads each line one way.
var roundsLineKey = []struct{ series, words string }{
	{"aspiration", "solid: aspiration"}, {"utility", "dashed: utility of the proposal"}, {"reservation", "dotted: reservation"},
}

// RoundsKey is what the key of the rounds chart of transcript (`negsim rounds --format
// json`) must say, and must not: the words of each line style some actor at the table
// (not in ratifiers) has a value of in some round, and of no other. Talks where no one
// proposed draw no utility of the proposal, and their key said it was dashed.
func RoundsKey(t *testing.T, transcript []byte, ratifiers map[string]bool) (said, unsaid []string) {
	var tr struct {
		Actors []struct {
			ID string `json:"id"`
		} `json:"actors"`
		Rounds []struct {
			Actors []map[string]any `json:"actors"`
		} `json:"rounds"`
	}
	if err := json.Unmarshal(transcript, &tr); err != nil {
		t.Fatal(err)
	}
	for _, k := range roundsLineKey {
		drawn := false
		for _, rd := range tr.Rounds {
			for i, a := range tr.Actors {
				if !ratifiers[a.ID] && rd.Actors[i][k.series] != nil {
					drawn = true
				}
			}
		}
		if drawn {
			said = append(said, k.words)
		} else {
			unsaid = append(unsaid, k.words)
		}
	}
	return said, unsaid
}

// roundsStyle is how a series must be drawn: "solid", "dashed" or "dotted".
var roundsStyle = map[string]string{"aspiration": "solid", "utility": "dashed", "reservation": "dotted"}

// dashStyle names the look of a computed stroke-dasharray ("none", or lengths such as
// "6px, 4px"). A dotted line is short marks with wider gaps (at most 2 units on); a dashed
// one is marks at least 4 units long and no shorter than their gaps.
func dashStyle(dasharray string) string {
	if dasharray == "none" || dasharray == "" {
		return "solid"
	}
	var lengths []float64
	for _, f := range strings.FieldsFunc(dasharray, func(r rune) bool { return r == ',' || r == ' ' }) {
		v, err := strconv.ParseFloat(strings.TrimSuffix(f, "px"), 64)
		if err != nil {
			return "unreadable " + dasharray
		}
		lengths = append(lengths, v)
	}
	on, off := lengths[0], lengths[0]
	if len(lengths) > 1 {
		off = lengths[1]
	}
	switch {
	case on == 0 && off == 0:
		return "solid"
	case on <= 2 && on < off:
		return "dotted"
	case on >= 4 && on >= off:
		return "dashed"
	}
	return "neither dashed nor dotted (" + dasharray + ")"
}

// DriveRoundsLines opens the Rounds view of hash and reads the lines of its chart, each
// actor's aspiration, utility of the proposal and reservation, as transcript (`negsim rounds
// --format json` for the same scenario) gives them; ratifiers are not drawn. Each line must
// carry its values, be drawn in the style the command line's chart gives it, and in the
// actor's one colour; the key beside the chart must use the command line's words.
func DriveRoundsLines(t *testing.T, origin, hash string, transcript []byte, ratifiers map[string]bool) {
	var tr struct {
		Actors []struct {
			ID string `json:"id"`
		} `json:"actors"`
		Rounds []struct {
			Actors []struct {
				Aspiration  *float64 `json:"aspiration"`
				Utility     *float64 `json:"utility"`
				Reservation *float64 `json:"reservation"`
			} `json:"actors"`
		} `json:"rounds"`
	}
	if err := json.Unmarshal(transcript, &tr); err != nil {
		t.Fatal(err)
	}
	s := start(t, origin)
	s.do(chromedp.Navigate(origin + "#" + hash + "&view=rounds"))
	s.settled()
	type line struct {
		Series, Actor, Stroke, Dash string
		Points                      [][2]float64
	}
	lines := evalJS[[]line](s, `[...document.querySelectorAll("#rounds-chart svg polyline")].map((p) => ({
		Series: p.dataset.series || "", Actor: p.dataset.actor || "", Stroke: getComputedStyle(p).stroke,
		Dash: getComputedStyle(p).strokeDasharray,
		Points: [...p.points].map((q) => [q.x, q.y]),
	}))`)
	drawn := map[string]line{}
	for _, l := range lines {
		drawn[l.Actor+" "+l.Series] = l
	}
	// The chart's scale is unknown here but straight: y = a + b·u for every point of every
	// line, with b < 0 (up is more). Fitted over all points by least squares, the lines must
	// lie on it within the 0.1 units the page rounds a point to.
	var us, ys []float64
	colour := map[string]string{}
	for i, a := range tr.Actors {
		if ratifiers[a.ID] {
			continue
		}
		for _, series := range []string{"aspiration", "utility", "reservation"} {
			var want []float64
			for _, rd := range tr.Rounds {
				v := map[string]*float64{"aspiration": rd.Actors[i].Aspiration, "utility": rd.Actors[i].Utility, "reservation": rd.Actors[i].Reservation}[series]
				if v != nil {
					want = append(want, *v)
				}
			}
			l, ok := drawn[a.ID+" "+series]
			if !ok {
				if len(want) > 0 {
					t.Errorf("%s: no line of %s's %s (%d values in the transcript)", hash, a.ID, series, len(want))
				}
				continue
			}
			if got := dashStyle(l.Dash); got != roundsStyle[series] {
				t.Errorf("%s: %s's %s is drawn %s (stroke-dasharray %q); negsim rounds --chart draws it %s", hash, a.ID, series, got, l.Dash, roundsStyle[series])
			}
			if c, seen := colour[a.ID]; seen && c != l.Stroke {
				t.Errorf("%s: %s's %s is drawn in %s, its other lines in %s", hash, a.ID, series, l.Stroke, c)
			}
			colour[a.ID] = l.Stroke
			if len(l.Points) != len(want) {
				t.Errorf("%s: %s's %s has %d points, the transcript %d values", hash, a.ID, series, len(l.Points), len(want))
				continue
			}
			for k, p := range l.Points {
				if k > 0 && p[0] <= l.Points[k-1][0] {
					t.Errorf("%s: %s's %s goes back at point %d", hash, a.ID, series, k)
				}
				us, ys = append(us, want[k]), append(ys, p[1])
			}
		}
	}
	owner := map[string]string{}
	for id, c := range colour {
		if o, taken := owner[c]; taken {
			t.Errorf("%s: %s and %s are drawn in the same colour %s", hash, o, id, c)
		}
		owner[c] = id
	}
	if len(us) < 2 {
		t.Fatalf("%s: fewer than two points drawn", hash)
	}
	var mu, my float64
	for k := range us {
		mu, my = mu+us[k], my+ys[k]
	}
	mu, my = mu/float64(len(us)), my/float64(len(ys))
	var suy, suu float64
	for k := range us {
		suy += (us[k] - mu) * (ys[k] - my)
		suu += (us[k] - mu) * (us[k] - mu)
	}
	if suu == 0 {
		t.Fatalf("%s: every value drawn is the same; the scale cannot be checked", hash)
	}
	b := suy / suu
	a := my - b*mu
	if b >= 0 {
		t.Errorf("%s: higher values are drawn lower (slope %.2f)", hash, b)
	}
	for k := range us {
		if d := math.Abs(a + b*us[k] - ys[k]); d > 0.15 {
			t.Errorf("%s: a point drawn at y=%.1f for the value %.3f lies %.2f off the chart's scale: a line carries another's values", hash, ys[k], us[k], d)
			break
		}
	}
	key := evalJS[string](s, `document.getElementById("rounds-chart").textContent`)
	said, unsaid := RoundsKey(t, transcript, ratifiers)
	for _, words := range said {
		if !strings.Contains(key, words) {
			t.Errorf("%s: the key beside the rounds chart lacks %q:\n%s", hash, words, key)
		}
	}
	for _, words := range unsaid {
		if strings.Contains(key, words) {
			t.Errorf("%s: the key beside the rounds chart says %q, which no line of the chart is:\n%s", hash, words, key)
		}
	}
	if strings.Contains(key, "(marks)") || strings.Contains(key, "reservation (dashed)") {
		t.Errorf("%s: the key beside the rounds chart still reads the old styles:\n%s", hash, key)
	}
	s.checkConsole()
}
