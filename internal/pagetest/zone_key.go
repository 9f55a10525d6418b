package pagetest

import (
	"encoding/json"
	"slices"
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

// DriveZoneKey opens each hash and reads the key under the zone's chart, which must be
// want[hash]: with the reference scenario's empty zone it named the deals in the zone, the
// frontier and five solutions, none of them drawn.
func DriveZoneKey(t *testing.T, origin string, want map[string][]string) {
	s := startAt(t, origin, 1280, 900, 2*time.Minute)
	for hash, key := range want {
		s.do(chromedp.Navigate(origin + "#" + hash))
		s.settled()
		if _, err := chromedp.Run(s.ctx, chromedp.Poll[bool](`!!document.querySelector("#chart .legend")`, chromedp.WithPollingTimeout(30*time.Second))); err != nil {
			t.Fatalf("%s: no key under the zone's chart: %v", hash, err)
		}
		got := evalJS[[]string](s, `[...document.querySelectorAll("#chart .legend li")].map((li) => li.textContent.trim())`)
		if !slices.Equal(got, key) {
			t.Errorf("%s: the zone chart's key says %q; want %q", hash, got, key)
		}
	}
	s.checkConsole()
}
