package main

import (
	"fmt"
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

// Every change in the table of red lines and constraints is the flags to add to a command:
// pasted after `negsim analyze FILE`, it must give the zone the row reports. The accord's
// zone holds 5 deals (sim/accord_test.go); the row's "deals in" are the deals that enter.
// A dropped constraint was written "drop actors.eu.constraints.0 (...)", which --set does
// not take: dropping it is setting each list it imposes to every option of its issue, as
// the JSON's set lists it. By hand, the EU's condition (the large fund only for deep cuts)
// is dropped by allowing every target in its then: `then.target` set to all three options.
func TestSensitivityChangesPasteAfterTheCommand(t *testing.T) {
	const file = "../../sim/testdata/accord.yaml"
	out := runOK(t, "sensitivity", file, "--only", "red-lines,constraints", "--wide")
	before := zopaCount(t, file)
	if before != 5 {
		t.Fatalf("the accord's zone holds %d deals; want 5", before)
	}
	rows, constraints := 0, 0
	for _, line := range strings.Split(out, "\n") {
		cells := strings.Split(strings.Trim(line, "│"), "│")
		if len(cells) != 3 || !strings.HasPrefix(strings.TrimSpace(cells[0]), "--set ") {
			continue
		}
		rows++
		flags := strings.Fields(cells[0])
		if strings.Contains(cells[0], ".constraints.") {
			constraints++
		}
		var entering uint64
		if _, err := fmt.Sscan(strings.TrimSpace(cells[1]), &entering); err != nil {
			t.Fatalf("deals in %q: %v", cells[1], err)
		}
		if got := zopaCount(t, append([]string{file}, flags...)...); got != before+entering {
			t.Errorf("analyze %s %s: %d deals; the row says %d enter, so %d", file, cells[0], got, entering, before+entering)
		}
	}
	wantContains(t, "sensitivity", out,
		"│ --set actors.eu.constraints.0.then.target=[deep,medium,shallow] ",
		`drops its condition "The EU pays the large fund only for deep cuts": 1 deal enters`)
	if rows != 7 || constraints != 2 {
		t.Errorf("%d rows of which %d drop a constraint; want the accord's 7 and 2:\n%s", rows, constraints, out)
	}
}
