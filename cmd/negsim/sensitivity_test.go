package main

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/negsim/negsim/sim"
)

// The town budget's numbers are worked out in scenarios/teaching-red-line.yaml and in
// sim's TestSensitivityOfTheTownBudgetByHand: the right's reservation must fall from 0.5
// to 0.45, which opens the zone to one deal, hold/keep/yes; the left's red line on schools
// widened by merge lets in one deal, hold/merge/yes.
func TestSensitivityJSON(t *testing.T) {
	got := runJSON[struct {
		Headline struct {
			Deals uint64
			Nash  map[string]string
		}
		Rows []struct {
			Path         string
			Value        float64
			Below, Above *struct {
				At, Change float64
				Effect     string
			}
		}
		RedLines []struct {
			Set      []string
			Entering uint64
		} `json:"red_lines"`
		Analyses int
	}](t, "sensitivity", "teaching-red-line", "--all")
	if got.Headline.Deals != 0 || got.Headline.Nash != nil || got.Analyses < 1 {
		t.Fatalf("headline %+v, %d analyses", got.Headline, got.Analyses)
	}
	// Every numeric row of params is there with --all: 3 actors × (power, reservation,
	// drift, votes, 3 weights) = 21, decision.votes_needed and protocol.rounds; ideal-based
	// preferences have no utilities to list.
	if len(got.Rows) != 23 {
		t.Errorf("%d rows, want 23", len(got.Rows))
	}
	first := got.Rows[0]
	if first.Path != "actors.right.reservation" || first.Below == nil || math.Abs(first.Below.At-0.45) > 1e-6 ||
		math.Abs(first.Below.Change+0.05) > 1e-6 || !strings.Contains(first.Below.Effect, "opens with 1 deal; Nash: tax=hold, schools=keep, bridge=yes") {
		t.Errorf("first row %+v, want the right's reservation opening the zone at 0.45", first)
	}
	if len(got.RedLines) == 0 || got.RedLines[0].Entering != 1 {
		t.Fatalf("red lines %+v, want the left's schools line first, letting in 1 deal", got.RedLines)
	}
	// The override the row names, pasted into --set, lets in the deal it says.
	args := []string{"teaching-red-line"}
	for _, s := range got.RedLines[0].Set {
		args = append(args, "--set", s)
	}
	if n := zopaCount(t, args...); n != 1 {
		t.Errorf("analyze %v: %d deals, want 1", args, n)
	}
}

func TestSensitivityTableAndMarkdown(t *testing.T) {
	out := runOK(t, "sensitivity", "teaching-red-line")
	wantContains(t, "the table", out,
		"Now the zone is empty",
		"actors.right.reservation",
		"the zone opens with 1 deal; Nash: deal 1",
		"- deal 1: tax=hold, schools=keep, bridge=yes",
		"actors.left.preferences.schools.acceptable=[merge,keep]",
	)
	// Values with no threshold are left out unless --all asks for every value.
	if strings.Contains(out, "actors.left.reservation") {
		t.Errorf("the left's reservation, which has no threshold, is listed:\n%s", out)
	}
	md, _, code := runNegsim(t, "sensitivity", "teaching-red-line", "--format", "markdown")
	if code != 0 || !strings.HasPrefix(md, "# Town budget") || !strings.Contains(md, "| actors.right.reservation") {
		t.Errorf("markdown (exit %d):\n%s", code, md)
	}
	again, _, _ := runNegsim(t, "sensitivity", "teaching-red-line")
	if again != out {
		t.Error("two runs of the same command print different bytes")
	}
}

func TestSensitivityCSV(t *testing.T) {
	out := runOK(t, "sensitivity", "teaching-red-line", "--format", "csv")
	records, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	head := strings.Join(records[0], ",")
	if head != "path,category,value,min,max,method,direction,at,change,relative,kind,deals,effect" {
		t.Fatalf("header %s", head)
	}
	// The seven thresholds worked out by hand (two reservations, five weights) and the
	// four red lines.
	if len(records) != 1+7+4 {
		t.Errorf("%d records, want 12:\n%s", len(records), out)
	}
}

func TestSensitivityChart(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"t.svg", "t.png"} {
		path := filepath.Join(dir, name)
		runOK(t, "sensitivity", "teaching-red-line", "--chart", path)
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if name == "t.svg" && !bytes.Contains(data, []byte("<svg")) || name == "t.png" && !bytes.HasPrefix(data, []byte("\x89PNG")) {
			t.Errorf("%s is not an image of its kind", name)
		}
		// The chart names the values by their short paths.
		if name == "t.svg" && !bytes.Contains(data, []byte("right.reservation")) {
			t.Errorf("%s does not name the right's reservation", name)
		}
	}
}

func TestSensitivityBadFlags(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--only", "reservation"}, `did you mean "reservations"?`},
		{[]string{"--limit", "-1"}, "--limit -1"},
		{[]string{"--chart", "x.jpg"}, "must end in .svg or .png"},
	} {
		wantRefused(t, tc.want, append([]string{"sensitivity", "teaching-red-line"}, tc.args...)...)
	}
}

// A student reads the table's numbers as written in class: a change of three ten-millionths
// of a weight is 0.0000003, and as a share of the weight's range of 0 to 100 it is
// 0.0000003%, not "3e-07" and "3e-07%". The port's owners weigh the fund and the jobs 50
// each, a tie the smallest step breaks, so their rows hold such numbers.
func TestSensitivityTableWritesNoExponents(t *testing.T) {
	for x, want := range map[float64]string{3e-7: "0.0000003", -1e-7: "-0.0000001", 50.0000003: "50.0000003", 0.5: "0.5"} {
		if got := fnum(x); got != want {
			t.Errorf("fnum(%g) = %q, want %q", x, got, want)
		}
	}
	// Two significant digits below 1%, as for larger shares.
	for p, want := range map[float64]string{3e-7: "0.0000003%", 7.94e-5: "0.000079%", 0.0123: "0.012%", 0.5: "0.5%"} {
		if got := percent(p); got != want {
			t.Errorf("percent(%g) = %q, want %q", p, got, want)
		}
	}
	out := runOK(t, "sensitivity", "teaching-harborco-quota", "--all", "--width", "400")
	for _, line := range strings.Split(out, "\n") {
		if strings.Contains(line, "e-0") || strings.Contains(line, "e+") {
			t.Errorf("a number in exponent form: %s", line)
		}
	}
}

// A widened red line says in words which option it adds, so that a student need not set
// the list beside the file's to see it. In the town budget the left accepts only keep on
// schools (scenarios/teaching-red-line.yaml); the other options are close and merge,
// and merge lets in hold/merge/yes (worked out in TestSensitivityJSON's note).
func TestSensitivityRedLineNamesTheOptionAdded(t *testing.T) {
	out := runOK(t, "sensitivity", "teaching-red-line", "--width", "300")
	for option, effect := range map[string]string{"merge": "the zone opens with 1 deal", "close": "no deal enters"} {
		found := false
		for _, line := range strings.Split(out, "\n") {
			if strings.Contains(line, "actors.left.preferences.schools.acceptable=") && strings.Contains(line, option+",keep]") {
				found = true
				if !strings.Contains(line, "also accepts "+option+": "+effect) {
					t.Errorf("the left's red line widened by %s does not say so: %s", option, line)
				}
			}
		}
		if !found {
			t.Errorf("no row widens the left's red line by %s:\n%s", option, out)
		}
	}
}

// With every value listed, the count of those with a threshold reads as a sentence for any
// count. The reference scenario's red lines clash outright (its teacher_notes), so no
// reservation opens the zone: none of its 8 reservations (4 veto actors, 4 ratifiers) has a
// threshold. In the job offer each side's reservation has one (sim's
// sim/sensitivity_shipped_test.go works them out), 2 of 2. With the candidate asking 0.9, more
// than the 0.85 of its best deal without fully remote work (high, hybrid, three-months), the
// zone is empty: the candidate's falling to 0.65 opens it (high, hybrid, now; the file's
// comments), while no reservation of the employer's does, the red line holding the
// candidate to 0.85 at most: 1 of 2.
func TestSensitivityCountsValuesWithAThreshold(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"ukraine-2026", "--only", "reservations"}, "None of the 8 values has a threshold in range."},
		{[]string{"teaching-two-party", "--only", "reservations"}, "2 of the 2 values have a threshold in range."},
		{[]string{"teaching-two-party", "--only", "reservations", "--set", "actors.candidate.reservation=0.9"}, "1 of the 2 values has a threshold in range."},
	} {
		out := runOK(t, append(append([]string{"sensitivity"}, tc.args...), "--all")...)
		if !strings.Contains(out, tc.want) {
			t.Errorf("sensitivity %v: want %q in\n%s", tc.args, tc.want, out)
		}
	}
}

// A tornado bar is labelled with the value where the change happens, written as the table
// writes it. Rounded to four digits, the other ports' weight of the fund, tied at 50 with
// their weight of the jobs and tipping a hair above it, read "50", the value it has now, as
// if nothing needed to change; and 0.6500001, where the job offer's zone closes, read 0.65,
// where the deal worth 0.65 is still in it (sim/sensitivity_shipped_test.go).
func TestSensitivityChartLabelsTheValueThatTips(t *testing.T) {
	for at, want := range map[float64]string{50.0000003: "50.0000003", 0.6500001: "0.6500001", 0.25: "0.25", 2: "2"} {
		if got := barLabel(&sim.Tipping{At: at}); got != want {
			t.Errorf("bar at %v labelled %q, want %q", at, got, want)
		}
	}
}

// A spreadsheet wants one override a cell. Ukraine's constraint in the reference scenario
// imposes two lists, guarantees and sequencing (scenarios/ukraine-2026.yaml, "then:
// {guarantees: [article5], sequencing: [guarantees-first]}"); dropping it allows every
// option of each, so its drop is two rows, one override each, alike in every other cell.
func TestSensitivityCSVOneOverrideACell(t *testing.T) {
	out := runOK(t, "sensitivity", "--only", "constraints", "--format", "csv")
	records, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	const at = 7 // the header's "at"
	var rows [][]string
	for _, r := range records[1:] {
		if r[0] == "actors.ukraine.constraints.0" {
			rows = append(rows, r)
		}
	}
	if len(rows) != 2 {
		t.Fatalf("%d rows drop Ukraine's constraint, want 2:\n%s", len(rows), out)
	}
	for i, list := range []string{"guarantees", "sequencing"} {
		if want := "actors.ukraine.constraints.0.then." + list + "=["; !strings.HasPrefix(rows[i][at], want) || strings.Contains(rows[i][at], " ") {
			t.Errorf("row %d: at %q, want one override %s...]", i+1, rows[i][at], want)
		}
	}
	first, second := slices.Clone(rows[0]), slices.Clone(rows[1])
	first[at], second[at] = "", ""
	if !slices.Equal(first, second) {
		t.Errorf("the two rows of one drop differ beyond the override:\n%q\n%q", rows[0], rows[1])
	}
}

// The output says what a threshold changes in the words of its own first lines, the zone
// and its Nash deal, not in the help's shorthand "headline", which it never explains. In
// the reference scenario the veto actors' red lines clash whatever the numbers (analyze
// says so), so no value opens the zone; in sanctions-bite the utility of cede-four, an
// option outside Ukraine's red lines, cannot touch any deal in the zone.
func TestSensitivitySaysWhatDoesNotChangeInItsOwnWords(t *testing.T) {
	empty := runOK(t, "sensitivity", "--wide")
	wantContains(t, "the reference scenario", empty, "values, moved alone within its range, reaches a point at which the zone opens.")
	open := runOK(t, "sensitivity", "--variant", "sanctions-bite", "--all", "--only", "utilities", "--wide")
	cedeFour := lastLineWith(open, "actors.ukraine.preferences.territory.utilities.cede-four ")
	if !strings.Contains(cedeFour, "the zone and its Nash deal stay as they are from 0 to 1") {
		t.Errorf("Ukraine's utility of cede-four, outside its red lines, reads %q", cedeFour)
	}
	for name, out := range map[string]string{"the reference scenario": empty, "sanctions-bite": open} {
		if strings.Contains(out, "headline") {
			t.Errorf("%s: the output speaks of a headline it never explains", name)
		}
	}
}

// A student reads a row of sensitivity's table and pastes its path and "to" value into
// --set: the zone must then be what the row says. In the job offer (worked out by hand in
// sim's TestSensitivityOfTheJobOfferByHand) the Nash deal high/hybrid/now is worth 0.65 to
// the candidate, so the zone closes only above 0.65; at 0.65 itself the deal still passes
// (a deal worth exactly a reservation is accepted). The candidate's start weight w moves
// the Nash deal where 130/3 = 43.333…, so the table must not print 43.3333, which is short
// of it and changes nothing.
func TestSensitivityTableValuesPasteIntoSet(t *testing.T) {
	out := runOK(t, "sensitivity", "teaching-two-party", "--format", "markdown", "--all")
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

// --limit 0 lists no value, as analyze's and compare's list no deal; --all lists every
// value. sensitivity alone read --limit 0 as every value, so a class that learned one
// command misread the others. The job offer has 16 values, 8 with a threshold in range.
func TestSensitivityLimitZeroListsNoneAsEverywhere(t *testing.T) {
	out := runOK(t, "sensitivity", "teaching-two-party", "--limit", "0")
	if want := "None listed, as --limit 0 asks; --limit N lists the N nearest, --all all 16 values."; !strings.Contains(out, want) || strings.Contains(out, "actors.candidate.reservation") {
		t.Errorf("sensitivity --limit 0 does not say %q alone:\n%s", want, out)
	}
	if out := runOK(t, "sensitivity", "teaching-two-party", "--all"); !strings.Contains(out, "8 of the 16 values have a threshold in range.") {
		t.Errorf("sensitivity --all does not list every value:\n%s", out)
	}
	_, stderr, code := runNegsim(t, "sensitivity", "teaching-two-party", "--all", "--limit", "5")
	if want := "negsim: --all shows every value and --limit 5 the nearest 5: give one of them\n"; code != exitBadUse || stderr != want {
		t.Errorf("--all with --limit: exit %d, %q; want %d and %q", code, stderr, exitBadUse, want)
	}
}

// A threshold a hair from its value needs a word: Harborco's Nash deal, small fund and
// full guarantee, gives the other ports 0.5·0 + 0.5·1 = 0.5 (score --deal says 50.0
// points), exactly their walk-away value, and its 5 votes are the 5 needed, theirs among
// them; the ports' fund weight tipped it at 50.0000003 without a word why. The job offer's
// Nash deal leaves both sides above their walk-away values: nothing is said of an edge.
func TestSensitivitySaysWhoIsOnTheEdge(t *testing.T) {
	wantContains(t, "sensitivity", runOK(t, "sensitivity", "teaching-harborco-quota"),
		"\nOn the edge: Other ports. The Nash deal gives this party exactly its walk-away value and cannot pass without its yes: the least change against this party moves the deal.\n")
	if out := runOK(t, "sensitivity", "teaching-two-party"); strings.Contains(out, "On the edge") {
		t.Errorf("the job offer puts no one on the edge, yet sensitivity says:\n%s", out)
	}
}
