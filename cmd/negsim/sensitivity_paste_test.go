package main

import (
	"strings"
	"testing"
)

// A student reads a row of sensitivity's table and pastes its path and "to" value into
// --set: the zone must then be what the row says. In the job offer (worked out by hand in
// sim's TestSensitivityOfTheJobOfferByHand) the Nash deal high/hybrid/now is worth 0.65 to
// the candidate, so the zone closes only above 0.65; at 0.65 itself the deal still passes
// (a deal worth exactly a reservation is accepted). The candidate's start weight w moves
// the Nash deal where 130/3 = 43.333…, so the table must not print 43.3333, which is short
// of it and changes nothing.
func TestSensitivityTableValuesPasteIntoSet(t *testing.T) {
	out := runOK(t, "sensitivity", "teaching-two-party", "--format", "markdown", "--limit", "0")
	type side struct{ path, to, effect string }
	var sides []side
	path := ""
	for _, line := range strings.Split(out, "\n") {
		cells := strings.Split(strings.Trim(line, "|"), "|")
		if len(cells) != 6 || !strings.HasPrefix(line, "| ") {
			continue
		}
		for i := range cells {
			cells[i] = strings.TrimSpace(cells[i])
		}
		if cells[0] == "path" || strings.HasPrefix(cells[0], ":") {
			continue
		}
		if cells[0] != "" {
			path = cells[0]
		}
		if cells[2] == "none" || cells[2] == "" {
			continue
		}
		sides = append(sides, side{path, cells[2], cells[5]})
	}
	if len(sides) < 10 {
		t.Fatalf("%d thresholds in the table, want the job offer's 10:\n%s", len(sides), out)
	}
	found := map[string]bool{}
	for _, s := range sides {
		found[s.path+"="+s.to] = true
		set := s.path + "=" + s.to
		n := zopaCount(t, "teaching-two-party", "--set", set)
		if s.effect == "the zone closes" && n != 0 {
			t.Errorf("--set %s: %d deals; the table says the zone closes", set, n)
		}
		if strings.Contains(s.effect, "the Nash deal moves") {
			nash := runJSON[struct {
				Solutions struct {
					Nash struct{ Options map[string]string }
				}
			}](t, "analyze", "teaching-two-party", "--set", set).Solutions.Nash.Options
			if nash["salary"] == "high" && nash["remote"] == "hybrid" && nash["start"] == "now" {
				t.Errorf("--set %s: the Nash deal is still high/hybrid/now; the table says %q", set, s.effect)
			}
		}
	}
	for _, want := range []string{"actors.candidate.reservation=0.6500001", "actors.candidate.preferences.start.weight=43.333334"} {
		if !found[want] {
			t.Errorf("no row %s in the table:\n%s", want, out)
		}
	}
}
