package main

import (
	"os"
	"strings"
	"testing"
)

// Under a decision rule and ratification, a table's deal can be one every veto actor signs
// and still fail, on the votes or at home. The debrief called such deals ones "some veto
// actor would not sign" and the zone "acceptable to every veto actor". In the accord (sim/
// accord_test.go has the utilities):
//   - red, deep medium phase-down voluntary: the EU (0.69 ≥ 0.45) and China (0.53 ≥ 0.40)
//     sign; the islands (0.72 < 0.75) and the oil exporters (0.34 < 0.35) do not: 2 of the
//     3 votes;
//   - blue, deep large phase-out voluntary: in the zone (3 votes, Parliament 0.8 ≥ 0.5);
//   - green, medium medium phase-down voluntary: the EU (0.53), China (0.74) and the oil
//     exporters (0.44) sign, 3 votes; the Parliament (0.25 + 0.15 + 0 = 0.40 < 0.5) does not
//     ratify.
//
// Both vetoes sign red and green, so neither is a deal "some veto actor would not sign".
// The reference scenario's classroom example (README) keeps its two unsigned deals.
func TestDebriefNamesTheRuleADealFails(t *testing.T) {
	file, err := os.ReadFile(accordFile)
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(t.TempDir())
	deals := "table,target,finance,phaseout,review\nred,deep,medium,phase-down,voluntary\nblue,deep,large,phase-out,voluntary\ngreen,medium,medium,phase-down,voluntary\n"
	if err := os.WriteFile("class.csv", []byte(deals), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile("accord.yaml", file, 0o644); err != nil {
		t.Fatal(err)
	}
	out := runOK(t, "debrief", "accord.yaml", "--deals", "class.csv", "--wide")
	wantContains(t, "debrief", out,
		"3 tables; 3 reached a deal, 1 of them in the zone of possible agreement (the deals every veto actor accepts that gather at least 3 votes at the table and are ratified at home).",
		"2 deals every veto actor would sign count as no agreement too: they miss the votes needed at the table or ratification at home.",
		"None left value on the table: every deal of the zone reached is Pareto-optimal.",
	)
	// Both vetoes sign red and green: they are not passed, not unsigned.
	marked := 0
	for _, line := range strings.Split(out, "\n") {
		if (strings.Contains(line, "│ red ") || strings.Contains(line, "│ green ")) && strings.Contains(line, "│ no: not passed │") {
			marked++
		}
	}
	if strings.Contains(out, "not signed") || marked != 2 {
		t.Errorf("debrief does not mark red and green \"no: not passed\":\n%s", out)
	}
	// Without blue no deal of the zone was reached: there is no value left to count, and
	// the summary says nothing of it, where it said "0 left value on the table: another
	// deal of the zone was at least as good …".
	if err := os.WriteFile("class.csv", []byte(strings.Replace(deals, "blue,deep,large,phase-out,voluntary\n", "", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	if out := runOK(t, "debrief", "accord.yaml", "--deals", "class.csv", "--wide"); strings.Contains(out, "left value") || !strings.Contains(out, "2 tables; 2 reached a deal, 0 of them in the zone") {
		t.Errorf("debrief of red and green alone speaks of value left on the table, or of other tables:\n%s", out)
	}
}
