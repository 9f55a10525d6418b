package sim_test

import (
	"context"
	"math"
	"reflect"
	"slices"
	"testing"

	"github.com/negsim/negsim/internal/scenariotest"
	"github.com/negsim/negsim/sim"
)

func TestSweepThresholdClosesAtHandComputedValue(t *testing.T) {
	sc := loadFixture(t, "price.yaml").Scenario
	const tol = 1e-7
	// 0.05, 0.35, 0.65, 0.95: the ZOPA is {mid} at the first two and empty after.
	sw, err := sim.RunSweep(context.Background(), scenariotest.Compile(t, sc), "actors.buyer.reservation", sim.SweepValues(0.05, 0.95, 4), sim.SweepOptions{Tolerance: tol, Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	wantZOPA := []uint64{1, 1, 0, 0}
	for i, pt := range sw.Points {
		if pt.ZOPA != wantZOPA[i] {
			t.Errorf("at %g: ZOPA %d, want %d", pt.Value, pt.ZOPA, wantZOPA[i])
		}
	}
	// At 0.35 the Nash deal is mid: the buyer's surplus is 0.6 − 0.35 = 0.25 and the
	// seller's 0.7 − 0.5 = 0.2.
	p := sw.Points[1]
	if !reflect.DeepEqual(p.Nash, map[string]string{"price": "mid"}) || math.Abs(p.Surplus["buyer"]-0.25) > 1e-12 || math.Abs(p.Surplus["seller"]-0.2) > 1e-12 {
		t.Errorf("at 0.35: Nash %v, surpluses %v; want mid with buyer +0.25, seller +0.2", p.Nash, p.Surplus)
	}
	if sw.Points[1].NashChanged || !sw.Points[2].NashChanged || sw.Points[3].NashChanged {
		t.Errorf("Nash changed flags %v %v %v, want false (same deal), true (it disappears), false",
			sw.Points[1].NashChanged, sw.Points[2].NashChanged, sw.Points[3].NashChanged)
	}
	if len(sw.Thresholds) != 1 {
		t.Fatalf("thresholds %+v, want one", sw.Thresholds)
	}
	th := sw.Thresholds[0]
	// The ZOPA closes once the buyer asks for more than mid's 0.6.
	if th.Kind != "closes" || th.From > 0.6 || th.To < 0.6 || math.Abs(th.To-th.From) > tol {
		t.Errorf("threshold %+v, want 'closes' bracketing 0.6 within %g", th, tol)
	}
	// At is pasted into --set: at 0.6 itself mid is still accepted (0.6 ≥ 0.6), so the value
	// must lie past 0.6, and no farther than the tolerance.
	if !(th.At > 0.6 && th.At-0.6 <= tol) {
		t.Errorf("threshold at %v, want in (0.6, 0.6+%g]: where the zone has closed", th.At, tol)
	}
}

func TestSweepThresholdOpensDownwards(t *testing.T) {
	sc := loadFixture(t, "price.yaml").Scenario
	// Lowering the seller's reservation: mid (worth 0.7 to it) gets in once it is at most
	// 0.7; high never does, as the buyer (reservation 0.3) gets 0 from it.
	sw, err := sim.RunSweep(context.Background(), scenariotest.Compile(t, sc), "actors.seller.reservation", []float64{0.9, 0.8, 0.6, 0.5}, sim.SweepOptions{Tolerance: 1e-6})
	if err != nil {
		t.Fatal(err)
	}
	if len(sw.Thresholds) != 1 {
		t.Fatalf("thresholds %+v, want one", sw.Thresholds)
	}
	th := sw.Thresholds[0]
	if th.Kind != "opens" || math.Abs(th.At-0.7) > 1e-6 || th.From < th.To {
		t.Errorf("threshold %+v, want 'opens' at 0.7 ± 1e-6, bracket from the closed side (higher) to the open side", th)
	}
	// At 0.7 itself mid (worth 0.7 to the seller) is accepted, and 0.7 is the value with
	// the fewest decimals within the tolerance on the open side: it is the one to report.
	if th.At != 0.7 {
		t.Errorf("threshold at %v, want exactly 0.7", th.At)
	}
}

func TestSweepErrors(t *testing.T) {
	sc := loadFixture(t, "price.yaml").Scenario
	if _, err := sim.RunSweep(context.Background(), scenariotest.Compile(t, sc), "actors.buyer.reserve", []float64{0.1}, sim.SweepOptions{}); err == nil {
		t.Error("a path that does not exist was swept")
	}
	if _, err := sim.RunSweep(context.Background(), scenariotest.Compile(t, sc), "actors.buyer.name", []float64{0.5}, sim.SweepOptions{}); err == nil || !contains(err.Error(), "holds text; a sweep varies a number") {
		t.Errorf("sweeping a name: got %v, want an error naming the type", err)
	}
	_, err := sim.RunSweep(context.Background(), scenariotest.Compile(t, sc), "actors.buyer.reservation", []float64{0.5, 1.5}, sim.SweepOptions{})
	if err == nil || !contains(err.Error(), "1.5 leaves the scenario invalid") {
		t.Errorf("sweeping a reservation to 1.5: got %v, want an error naming the value", err)
	}
}

// errAfter is a context that reports cancellation from its nth check on, so a test can
// stop a computation part-way without depending on timing.
type errAfter struct {
	context.Context
	n int
}

func (c *errAfter) Err() error {
	if c.n--; c.n < 0 {
		return context.Canceled
	}
	return nil
}

func TestInterruptedSweepKeepsFinishedPoints(t *testing.T) {
	sc := loadFixture(t, "price.yaml").Scenario
	values := sim.SweepValues(0, 0.9, 13)
	full, err := sim.RunSweep(context.Background(), scenariotest.Compile(t, sc), "actors.buyer.reservation", values, sim.SweepOptions{Workers: 1})
	if err != nil || full.Interrupted || len(full.Points) != 13 {
		t.Fatalf("uninterrupted: %d points, interrupted %v, err %v", len(full.Points), full.Interrupted, err)
	}
	stopped := 0
	for n := 1; n < 400; n += 3 {
		sw, err := sim.RunSweep(&errAfter{Context: context.Background(), n: n}, scenariotest.Compile(t, sc), "actors.buyer.reservation", values, sim.SweepOptions{Workers: 1})
		if err == nil {
			continue
		}
		if sw == nil || !sw.Interrupted || len(sw.Points) >= sw.Requested || sw.Requested != 13 {
			t.Fatalf("stopped after %d checks: sweep %+v, err %v; want the finished points marked interrupted", n, sw, err)
		}
		for i, p := range sw.Points {
			if p.ZOPA != full.Points[i].ZOPA {
				t.Errorf("stopped after %d checks: point %d has ZOPA %d, the full sweep %d", n, i, p.ZOPA, full.Points[i].ZOPA)
			}
		}
		if len(sw.Points) > 0 {
			stopped++
		}
	}
	if stopped == 0 {
		t.Fatal("no run stopped part-way with finished points: the test no longer exercises an interruption")
	}
}

// A sweep of many quick values stops when asked even though no single search runs long
// enough to look at the context. Each of these values closes the reference scenario's zone,
// which its search learns without a step of the walk; with the context cancelled before it
// starts, the sweep finishes no value and says it was interrupted.
func TestCancelledSweepStopsBeforeItsFirstValue(t *testing.T) {
	sp := shippedSpace(t, "ukraine-2026", "")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	sw, err := sim.RunSweep(ctx, sp, "actors.russia.reservation", sim.SweepValues(0.9, 0.95, 50), sim.SweepOptions{Workers: 1})
	if err != context.Canceled {
		t.Fatalf("err %v, want context.Canceled", err)
	}
	if sw == nil || !sw.Interrupted || len(sw.Points) != 0 || sw.Requested != 50 {
		t.Fatalf("sweep %+v; want no points of 50 requested, marked interrupted", sw)
	}
}

// A sweep reports surpluses as the analysis does, rounded to 12 decimals, so that its CSV
// and JSON read 0.2, not the floating-point 0.7 − 0.5 = 0.19999999999999996.
func TestSweepSurplusesRoundedAsAnalysisReportsThem(t *testing.T) {
	sc := loadFixture(t, "price.yaml").Scenario
	sw, err := sim.RunSweep(context.Background(), scenariotest.Compile(t, sc), "actors.buyer.reservation", []float64{0.35}, sim.SweepOptions{Tolerance: 1e-6, Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	// The Nash deal is mid: the seller's surplus is 0.7 − 0.5 = 0.2, the buyer's
	// 0.6 − 0.35 = 0.25.
	if got := sw.Points[0].Surplus; got["seller"] != 0.2 || got["buyer"] != 0.25 {
		t.Errorf("surpluses %v; want exactly seller 0.2 and buyer 0.25", got)
	}
}

// A sweep from 0.3 to 0.6 in 4 values analyses 0.3, 0.4, 0.5 and 0.6: the values a student
// reads in the table, writes in --values or pastes into --set, not 0.39999999999999997,
// which a script reading the JSON would get from 0.3 + 0.3·1/3 in floating point.
func TestSweepValuesAreTheDecimalsAsked(t *testing.T) {
	for _, tc := range []struct {
		a, b float64
		n    int
		want []float64
	}{
		{0.3, 0.6, 4, []float64{0.3, 0.4, 0.5, 0.6}},
		{0, 0.4, 9, []float64{0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4}},
		{0.5, 0.7, 5, []float64{0.5, 0.55, 0.6, 0.65, 0.7}},
	} {
		if got := sim.SweepValues(tc.a, tc.b, tc.n); !slices.Equal(got, tc.want) {
			t.Errorf("SweepValues(%g, %g, %d) = %v, want %v", tc.a, tc.b, tc.n, got, tc.want)
		}
	}
}
