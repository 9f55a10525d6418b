package main

import (
	"encoding/csv"
	"strings"
	"testing"

	"github.com/negsim/negsim/internal/scenariotest"
)

// councilFile has no veto: two of three votes carry a deal, so every voter is a party.
const councilFile = "../../sim/testdata/council.yaml"

// Without a veto actor the entering deals are scored by the parties, and the sentence says
// so: "the veto actors' surpluses multiplied" over no veto actor was an empty product, 1.
func TestCompareWithoutVetoNamesTheParties(t *testing.T) {
	file := councilFile
	out := runOK(t, "compare", file, file, "--set", "actors.b.reservation=0.2", "--set", "actors.c.reservation=0.2")
	// low, north enters (a 1, b 0.25, c 0.25 against 0.4, 0.2, 0.2): surpluses +0.600,
	// +0.050, +0.050 and Nash product 0.6 · 0.05 · 0.05 = 0.0015.
	wantContains(t, "compare", out,
		"1 of 1, best first (by the Nash product, the parties' surpluses multiplied), with the parties' surpluses in B.",
		"+0.600", "+0.050", "0.0015")
	if strings.Contains(out, "veto actors") {
		t.Errorf("the report speaks of veto actors in a council without any:\n%s", out)
	}
	csv := runOK(t, "compare", file, file, "--set", "actors.b.reservation=0.2", "--set", "actors.c.reservation=0.2", "--format", "csv", "--table", "entering")
	if want := "budget,site,surplus_a,surplus_b,surplus_c,nash_product\nlow,north,0.6,0.05,0.05,0.0015\n"; csv != want {
		t.Errorf("entering CSV:\n%s\nwant\n%s", csv, want)
	}
	// Nothing leaves, and the empty CSV still names the parties in its header.
	csv = runOK(t, "compare", file, file, "--set", "actors.b.reservation=0.2", "--format", "csv", "--table", "leaving")
	if want := "budget,site,surplus_a,surplus_b,surplus_c,nash_product\n"; csv != want {
		t.Errorf("leaving CSV:\n%s\nwant\n%s", csv, want)
	}
}

// When B takes an actor's veto away, the actor table said "yes" for both sides (A's veto
// or B's); the change is in "What changed" and the table now shows it too.
func TestCompareShowsAVetoThatChanges(t *testing.T) {
	out := runOK(t, "compare", "teaching-two-party", "teaching-two-party", "--set", "actors.employer.veto=false")
	employer := lastLineWith(out, "│ employer ")
	if !strings.Contains(employer, "yes → no") {
		t.Errorf("employer row %q; want its veto shown as yes → no", employer)
	}
}

// compare reads two scenarios, often one file and the same file under a what-if, so each
// warning says which side it is about. The treaty's minister asks 0.95 of deals worth 0.9 at
// most: a warning on A. With --set 0.5, B has none; before, A's warning printed bare, as if
// about the what-if, and with one file B's own warnings were never printed. With --set 0.97
// B's differs from A's, and each prints once, headed by its side.
func TestCompareWarningsSayWhichSide(t *testing.T) {
	file := writeTemp(t, "treaty.yaml", scenariotest.Treaty+scenariotest.TreatyParliament)
	const above = "reservation 0.95 is above the best utility"
	_, stderr, code := runNegsim(t, "compare", file, file, "--set", "actors.minister.reservation=0.5")
	if code != exitOK || !strings.Contains(stderr, "warning: A: ") || !strings.Contains(stderr, above) || strings.Contains(stderr, "warning: B: ") {
		t.Errorf("exit %d, stderr:\n%s\nwant A's warning headed A: and none for B", code, stderr)
	}
	_, stderr, _ = runNegsim(t, "compare", file, file, "--set", "actors.minister.reservation=0.97")
	if strings.Count(stderr, "warning: A: ") != 1 || strings.Count(stderr, "warning: B: ") != 1 || !strings.Contains(stderr, "reservation 0.97 is above") {
		t.Errorf("stderr:\n%s\nwant one warning on each side, B's about 0.97", stderr)
	}
}

// --limit 0 asks for the counts alone: sanctions-bite's zone of 709 deals (worked out in
// scenarios_test.go) enters whole, and none is listed. It read "0 of 709, best first …".
func TestCompareLimitZeroSaysNoneListed(t *testing.T) {
	out := runOK(t, "compare", "ukraine-2026", "ukraine-2026#sanctions-bite", "--limit", "0")
	if want := "709 deals; none listed (--limit 0)."; !strings.Contains(out, want) || strings.Contains(out, "0 of 709") {
		t.Errorf("compare --limit 0 does not say %q:\n%s", want, out)
	}
}

// compare's actor table in CSV gives the veto in A and in B a column each, as it does the
// reservation: the job offer's candidate, given no veto in B, reads true then false, the
// employer true in both; not one "veto" column that says true for both.
func TestCompareCSVGivesVetoBeforeAndAfter(t *testing.T) {
	out := runOK(t, "compare", "teaching-two-party", "teaching-two-party", "--set", "actors.candidate.veto=false", "--format", "csv")
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	want := map[string][2]string{"candidate": {"true", "false"}, "employer": {"true", "true"}}
	for _, r := range rows[1:] {
		b, ok1 := col["veto_before"]
		a, ok2 := col["veto_after"]
		if !ok1 || !ok2 {
			t.Fatalf("no veto_before and veto_after columns:\n%s", out)
		}
		if w := want[r[0]]; r[b] != w[0] || r[a] != w[1] {
			t.Errorf("%s: veto %s then %s, want %s then %s", r[0], r[b], r[a], w[0], w[1])
		}
	}
}
