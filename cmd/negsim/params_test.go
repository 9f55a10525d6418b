package main

import (
	"encoding/csv"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/negsim/negsim/internal/scenariotest"
	"github.com/negsim/negsim/scenarios"
	"github.com/negsim/negsim/sim"
)

// A row of params, pasted into --set, must work from the command line too: the flow-list
// syntax [a,b] included. Narrowing the candidate's salary red line from [mid,high] to
// [high] leaves 3 of the 4 ZOPA deals (the deal with salary mid goes: see
// scenarios/teaching-two-party.yaml), which shows the value was read, not ignored.
func TestParamsRowsWorkAsSet(t *testing.T) {
	got := runJSON[struct {
		Params []struct{ Path, Value, Kind string }
	}](t, "params", "teaching-two-party")
	var row string
	for _, p := range got.Params {
		if p.Path == "actors.candidate.preferences.salary.acceptable" {
			row = p.Path + "=" + p.Value
		}
	}
	if row != "actors.candidate.preferences.salary.acceptable=[mid,high]" {
		t.Fatalf("salary red line row = %q", row)
	}
	zopa := func(set string) uint64 {
		t.Helper()
		return zopaCount(t, "teaching-two-party", "--set", set)
	}
	if n := zopa(row); n != 4 {
		t.Errorf("%s: %v deals in the ZOPA, want the unchanged 4", row, n)
	}
	if n := zopa("actors.candidate.preferences.salary.acceptable=[high]"); n != 3 {
		t.Errorf("salary [high]: %v deals in the ZOPA, want 3", n)
	}
}

// Every end of every range params gives, and every choice it offers, is a value --set
// takes: the page's sliders run between the ends and sensitivity searches between them, so
// an end --set refuses is a what-if the student is offered and cannot ask. The rows are
// params' own JSON for each shipped scenario and variant. Each value is set and validated
// as --set is (config.Document.Apply), on a copy of the scenario under the variant without
// its other variants, which Apply drops when a what-if leaves them stale and which add
// nothing else to check. A list of options may be refused when it holds one of its choices
// alone if its row says why (a ratification's ratifiers must together hold the votes it
// needs); the list of all its choices must pass. -short leaves out the reference
// scenario's variants, each some thousand values to set.
func TestParamsRangesAreWhatSetTakes(t *testing.T) {
	type walk struct {
		name, variant string
		rows          []sim.Param
		under         *sim.Scenario
	}
	var walks []walk
	for _, name := range scenarios.Names() {
		base := scenariotest.Shipped(t, name, "")
		variants := []string{""}
		for _, v := range base.Scenario.Variants {
			if !testing.Short() || name != scenarios.Default {
				variants = append(variants, v.ID)
			}
		}
		for _, variant := range variants {
			args := []string{"params", name}
			if variant != "" {
				args = append(args, "--variant", variant)
			}
			under := scenariotest.Shipped(t, name, variant).Scenario.Clone()
			under.Variants = nil
			walks = append(walks, walk{name, variant, runJSON[struct{ Params []sim.Param }](t, args...).Params, under})
		}
	}
	// Each walk reads its own copy of the scenario, so they run side by side.
	for _, w := range walks {
		t.Run(w.name+"#"+w.variant, func(t *testing.T) {
			t.Parallel()
			set := func(path, value string) error {
				sc := w.under.Clone()
				if err := sc.Set(path, value); err != nil {
					return err
				}
				if errs := sc.Validate().Errors(); len(errs) > 0 {
					return errs
				}
				return nil
			}
			for _, p := range w.rows {
				var values []string
				switch {
				case p.Min != nil && p.Max != nil:
					values = []string{strconv.FormatFloat(*p.Min, 'g', -1, 64), strconv.FormatFloat(*p.Max, 'g', -1, 64)}
				case p.Kind == sim.ParamBool && len(p.Choices) == 0:
					values = []string{"true", "false"}
				case p.Kind == sim.ParamOptions:
					values = []string{sim.FlowList(p.Choices)}
					if p.Note == "" {
						for _, c := range p.Choices {
							values = append(values, "["+c+"]")
						}
					}
				case p.Kind == sim.ParamOption || p.Kind == sim.ParamBool:
					values = p.Choices
				}
				for _, v := range values {
					if err := set(p.Path, v); err != nil {
						t.Errorf("params offers %s=%s (%s), which --set refuses: %v", p.Path, v, paramRange(p), err)
					}
				}
			}
		})
	}
}

// params' CSV gives the JSON's fields a column each, so a spreadsheet sorts by an end and
// filters by kind: the candidate's salary weight, 50 of weights 50, 30 and 20, runs from
// 0 in min to 100 in max, not "0 to 100" in one cell.
func TestParamsCSVHoldsOneValueACell(t *testing.T) {
	out := runOK(t, "params", "teaching-two-party", "--format", "csv")
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"path", "value", "kind", "min", "max", "choices", "note"}; !slices.Equal(rows[0], want) {
		t.Fatalf("header %q, want %q", rows[0], want)
	}
	for _, r := range rows[1:] {
		if r[0] == "actors.candidate.preferences.salary.weight" && (r[1] != "50" || r[3] != "0" || r[4] != "100") {
			t.Errorf("salary weight row %q, want value 50 from 0 to 100", r)
		}
	}
}

// The limit two vetoes share, which neither row's choices can show, is said on each row
// in every format params writes. teaching-two-party holds two vetoes and no decision rule.
func TestParamsSayTheVetoesLimitInEveryFormat(t *testing.T) {
	const note = "may be false while Employer keeps its veto: with decision.votes_needed at 0, someone must hold a veto"
	for _, format := range []string{"table", "markdown", "csv", "json", "html"} {
		wantContains(t, "params --format "+format, runOK(t, "params", "teaching-two-party", "--format", format), note)
	}
}

// A file that gives no protocol.rounds, or 0, runs to the default deadline, and its params
// row, which shows that deadline, says why the file's 0 reads as 10: a teacher could not
// tell otherwise. teaching-two-party gives none; teaching-telephone-game writes 10, which
// needs no note. That 0 means 10 is checked on rounds itself: its transcript under 0 is the
// one under 10.
func TestParamsSayWhatRoundsZeroMeans(t *testing.T) {
	row := func(name string) sim.Param {
		t.Helper()
		for _, p := range runJSON[struct{ Params []sim.Param }](t, "params", name).Params {
			if p.Path == "protocol.rounds" {
				return p
			}
		}
		t.Fatalf("%s: no protocol.rounds row", name)
		return sim.Param{}
	}
	if p := row("teaching-two-party"); p.Value != "10" || !strings.Contains(p.Note, "is the default of 10") || !strings.Contains(p.Note, "0 stands for the default") {
		t.Errorf("teaching-two-party's protocol.rounds: %s, note %q; want 10, saying it is the default that 0 stands for", p.Value, p.Note)
	}
	if p := row("teaching-telephone-game"); p.Note != "" {
		t.Errorf("teaching-telephone-game writes rounds: 10, yet its row notes %q", p.Note)
	}
	type transcript struct {
		Deadline int
		Rounds   []any
		Outcome  any
	}
	zero := runJSON[transcript](t, "rounds", "teaching-two-party", "--set", "protocol.rounds=0")
	ten := runJSON[transcript](t, "rounds", "teaching-two-party", "--set", "protocol.rounds=10")
	if !reflect.DeepEqual(zero, ten) {
		t.Errorf("rounds under protocol.rounds=0 differ from rounds under 10:\n%v\n%v", zero, ten)
	}
}

// A range with no upper end in the file is given one for sliders and sensitivity, and
// --set takes more (the README says so): the table's line said only "change the value
// within its range", and a teacher who set actors.union.votes=7 past the 0 to 6 shown
// took negsim's silence for a slip. Harborco's union takes 7 votes.
func TestParamsSayWhichRangesSetMayPass(t *testing.T) {
	out := strings.Join(strings.Fields(runOK(t, "params", "teaching-harborco-quota")), " ")
	wantContains(t, "params", out, "change the value within its range (a weight, a power or votes may also go above its top, where sliders and sensitivity stop)")
	runOK(t, "analyze", "teaching-harborco-quota", "--set", "actors.union.votes=7")
}
