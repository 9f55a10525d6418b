package sim

import (
	"context"
	"math/rand/v2"
	"testing"
)

// Under a decision rule or ratification, a veto party's reservation, weights and option
// utilities are read by the line model, and a voter's or ratifier's by the voter model
// (neither bracketed), and their thresholds must be the ones a fine scan of the
// brute-force headline finds: on random scenarios with votes, a decision rule or
// ratifiers (and at least one veto), each exact row is scanned from its value to each end of its range in scanSteps even steps, setting the
// value on a copy of the scenario and enumerating every deal (bruteHeadline). The first
// scanned value whose headline differs must lie no nearer than the threshold (less 1e-6,
// the precision promised) and, unless the change there is narrower than a step, within a
// step past it; just past the threshold the headline must differ, with the deals and Nash
// deal reported; with no threshold the scan must find no change.
func TestGatedThresholdsAgreeWithScan(t *testing.T) {
	const scanSteps = 200
	rng := rand.New(rand.NewPCG(18, 21))
	ctx := context.Background()
	scenarios, rows, voterRows, thresholds, withinStep, moves := 0, 0, 0, 0, 0, 0
	for tries := 0; scenarios < 60 && tries < 5000; tries++ {
		sc := randomDecided(rng)
		if len(sc.Validate().Errors()) > 0 {
			continue
		}
		sp := compiled(t, sc)
		if sp.rule == nil || sp.rule.noVeto {
			continue
		}
		scenarios++
		rep, err := RunSensitivity(ctx, sp, SensitivityOptions{Workers: 1})
		if err != nil {
			t.Fatal(err)
		}
		base := bruteHeadline(sp)
		var exact []SensitivityRow
		for _, row := range rep.Rows {
			if row.Method == MethodExact {
				exact = append(exact, row)
			}
		}
		// A handful of rows per scenario keeps the scans' brute force affordable.
		rng.Shuffle(len(exact), func(i, j int) { exact[i], exact[j] = exact[j], exact[i] })
		for _, row := range exact[:min(len(exact), 6)] {
			rows++
			if a, ok := (&sensitivity{sp: sp}).ownerOf(row); ok && !sc.Actors[a].Veto {
				voterRows++
			}
			cp := sc.Clone()
			for _, dir := range []float64{-1, 1} {
				tip, limit := row.side(dir)
				fail := func(format string, args ...any) {
					t.Helper()
					t.Fatalf("%s (now %g, direction %+g): "+format+"\n%s", append([]any{row.Path, row.Value, dir}, append(args, scenarioJSON(sc))...)...)
				}
				step := (row.Max - row.Min) / scanSteps
				first, found := 0.0, false
				for x := row.Value + dir*step; dir*(limit-x) > -step/2 && !found; x += dir * step {
					if dir*(x-limit) > 0 {
						x = limit
					}
					if h, ok := headlineAt(t, cp, row.Path, x); ok && h.differs(base) {
						first, found = x, true
					}
				}
				if tip == nil {
					if found {
						fail("no threshold reported, but the headline changes at %.9g", first)
					}
					continue
				}
				thresholds++
				if tip.Kind == ChangeMoves {
					moves++
				}
				if found && dir*(first-tip.At) < -1e-6 {
					fail("threshold %.9g (%s), but the scan finds the headline changed at %.9g already", tip.At, tip.Kind, first)
				}
				if found && dir*(first-tip.At) <= step+1e-6 {
					withinStep++
				}
				if msg := pastThreshold(t, cp, row, tip, dir, limit, base); msg != "" {
					fail("%s", msg)
				}
			}
		}
	}
	t.Logf("%d gated scenarios, %d exact rows scanned (%d of voters or ratifiers), %d thresholds (%d Nash moves), %d within a scan step", scenarios, rows, voterRows, thresholds, moves, withinStep)
	// The generator must keep producing cases, and all but changes narrower than a scan
	// step must be found within one.
	if scenarios < 60 || rows < 100 || voterRows < 20 || thresholds < 60 || moves < 10 || withinStep < thresholds*9/10 {
		t.Fatalf("too few cases: %d scenarios, %d rows (%d of voters), %d thresholds, %d moves, %d within a step", scenarios, rows, voterRows, thresholds, moves, withinStep)
	}
}
