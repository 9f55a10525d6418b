package main

import (
	"math"
	"path/filepath"
	"strings"
	"testing"

	"github.com/negsim/negsim/scenarios"
	"github.com/negsim/negsim/sim"
)

// explainFixture is the small scenario whose explanation TestExplainFixtureByHand works out
// by hand; validate's and explain's golden tests read it too.
var explainFixture = filepath.Join("testdata", "explain", "fixture.yaml")

// TestExplainFixtureByHand runs explain on testdata/explain/fixture.yaml, whose numbers
// are worked out here.
//
// alpha: weights 3 and 1 → shares 0.75 and 0.25; x: a 1, b 0.5, c 0 (red line: a or b);
// y: ideal p, so p 1, q 0; if x = b then y = p. Deals within its red lines:
// (a,p) 0.75+0.25 = 1, (a,q) 0.75, (b,p) 0.375+0.25 = 0.625; (b,q) breaks the constraint.
// At reservation 0.7 it accepts (a,p) and (a,q): 2 of 3, and b is in no deal it accepts.
// beta (no veto): x only, ideal c, quadratic: a 1−(2/2)² = 0, b 1−(1/2)² = 0.75, c 1.
// At 0.8 it accepts the 2 deals with c, of 6.
func TestExplainFixtureByHand(t *testing.T) {
	ex := runJSON[sim.Explanation](t, "explain", explainFixture)
	if ex.Deals != 6 || len(ex.Actors) != 2 {
		t.Fatalf("deals %d, actors %d; want 6, 2", ex.Deals, len(ex.Actors))
	}
	alpha, beta := ex.Actors[0], ex.Actors[1]
	if alpha.Priorities[0].Issue != "x" || alpha.Priorities[0].Share != 0.75 || alpha.Priorities[1].Share != 0.25 {
		t.Errorf("alpha priorities %+v; want x 0.75, y 0.25", alpha.Priorities)
	}
	if alpha.Best.Options["x"] != "a" || alpha.Best.Options["y"] != "p" || alpha.Best.Utility != 1 {
		t.Errorf("alpha best %+v; want (a,p) worth 1", alpha.Best)
	}
	if alpha.Worst.Options["x"] != "b" || alpha.Worst.Options["y"] != "p" || math.Abs(alpha.Worst.Utility-0.625) > 1e-12 {
		t.Errorf("alpha worst %+v; want (b,p) worth 0.625", alpha.Worst)
	}
	if alpha.WithinRedLines != 3 || alpha.Accepted != 2 || alpha.BelowReservation != 1 {
		t.Errorf("alpha counts %d, %d, %d; want 3, 2, 1", alpha.WithinRedLines, alpha.Accepted, alpha.BelowReservation)
	}
	if beta.Veto || beta.Accepted != 2 || beta.WithinRedLines != 6 || beta.Worst.Utility != 0 {
		t.Errorf("beta %+v; want no veto, 2 of 6 accepted, worst worth 0", beta)
	}

	stdout := runOK(t, "explain", explainFixture, "--actor", "alpha")
	wantContains(t, "explain --actor alpha", stdout,
		"What matters most to Alpha, as shares of the weight: Issue X (75%) and Issue Y (25%).",
		"- Issue X: only a (Option A) or b; never c.",
		"- If x is b, then y must be p. Why: b only with p.",
		"Best deal within the red lines, worth 1.000: x = a, y = p.",
		"Worst deal within the red lines, worth 0.625: x = b, y = p.",
		"Reservation: no deal worth less than 0.700 is acceptable to Alpha.",
		"Of the 6 possible deals, 3 keep to the red lines; the reservation excludes 1 of those, leaving 2 acceptable.",
		"That excludes every deal in which x is b, whatever the other issues add.",
	)
	if strings.Contains(stdout, "Beta") {
		t.Error("--actor alpha also explains beta")
	}
	wantRefused(t, `did you mean "alpha"?`, "explain", explainFixture, "--actor", "alpah")
}

// TestExplainGolden pins explain's words on the fixture and on every shipped scenario.
// The shipped scenarios' numbers are checked by the engine's own tests; this catches
// changes in what a student reads. Refresh with go test ./cmd/negsim -update.
func TestExplainGolden(t *testing.T) {
	cases := map[string][]string{"fixture": {"explain", explainFixture}}
	for _, name := range scenarios.Names() {
		cases[name] = []string{"explain", name}
	}
	for name, args := range cases {
		t.Run(name, func(t *testing.T) {
			stdout := runOK(t, args...)
			checkGolden(t, filepath.Join("testdata", "explain", name+".golden"), stdout)
		})
	}
}

// The rule of a table of equals says "one each" (the golden files); of unequal voters it
// lists each with a colon, so "Elected member 10 1" cannot be read as one name.
func TestExplainListsUnequalVotes(t *testing.T) {
	out := runOK(t, "explain", "teaching-harborco-quota", "--set", "actors.union.votes=2")
	want := "A deal passes when the actors that accept it hold at least 5 of the table's 7 votes (Harborco (developer): 1, Environmental coalition: 1, Union: 2, Other ports: 1, Governor: 1, Federal agency: 1), Harborco (developer) among them, since it holds a veto."
	if !strings.Contains(out, want) {
		t.Errorf("explain does not say %q:\n%s", want, out)
	}
}

// A voter without a veto whose vote can never decide is not told that it blocks "together
// with others". Harborco holds the only veto; given 5 votes, the 5 a deal needs, its yes,
// which every deal needs, brings them all, so the union's vote never tips a deal (analyze
// counts it pivotal for none). With Harborco's one vote the others' votes do count.
func TestExplainSaysWhenAVoteNeverDecides(t *testing.T) {
	never := "No veto for Union: 1 vote toward the 5 a deal needs, but the actors with a veto, whose yes every deal needs, hold 5 votes between them: its vote never decides a deal."
	together := "No veto for Union: 1 vote toward the 5 a deal needs, so a deal is blocked only together with others."
	if out := runOK(t, "explain", "teaching-harborco-quota", "--set", "actors.harborco.votes=5"); !strings.Contains(out, never) || strings.Contains(out, together) {
		t.Errorf("with Harborco's 5 votes, explain does not say %q:\n%s", never, out)
	}
	if out := runOK(t, "explain", "teaching-harborco-quota"); !strings.Contains(out, together) {
		t.Errorf("with Harborco's 1 vote, explain does not say %q:\n%s", together, out)
	}
}
