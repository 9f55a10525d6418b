package main

import (
	"strings"
	"testing"
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
