package sim_test

import (
	"math"
	"testing"
)

// Without a veto actor (testdata/council.yaml: two of three votes carry a deal, so every
// voter is a party), the deals entering or leaving the zone are scored by the parties'
// Nash product, as analyze scores them, not by an empty product over no veto actors.
func TestCompareWithoutVetoScoresDealsByTheParties(t *testing.T) {
	// Weights are equal, so u = (issue value + issue value) / 2. low, north:
	//   a (1 + 1)/2 = 1, b (0 + 0.5)/2 = 0.25, c (0.5 + 0)/2 = 0.25.
	// Before, b (0.25 < 0.4) and c (0.25 < 0.3) reject it: one vote of the two needed.
	// After (b and c at 0.2) all three accept it, so it enters, with surpluses
	//   a 1 − 0.4 = 0.6, b 0.25 − 0.2 = 0.05, c 0.25 − 0.2 = 0.05,
	// and Nash product 0.6 · 0.05 · 0.05 = 0.0015. Every other deal already passed before
	// (mid/north, low/south, mid/south, high/north, high/south: two votes or more each) and
	// lowering reservations removes no vote, so nothing leaves.
	c := compareFixture(t, "council.yaml", map[string]float64{"actors.b.reservation": 0.2, "actors.c.reservation": 0.2})
	if c.ZOPABefore != 5 || c.ZOPAAfter != 6 || c.EnteringCount != 1 || c.LeavingCount != 0 {
		t.Fatalf("ZOPA %d → %d, %d entering, %d leaving; want 5 → 6, 1 and 0", c.ZOPABefore, c.ZOPAAfter, c.EnteringCount, c.LeavingCount)
	}
	d := c.Entering[0]
	if d.Options["budget"] != "low" || d.Options["site"] != "north" {
		t.Fatalf("entering %v, want low, north", d.Options)
	}
	want := map[string]float64{"a": 0.6, "b": 0.05, "c": 0.05}
	if len(d.Surplus) != len(want) {
		t.Errorf("surpluses %v, want the three parties' %v", d.Surplus, want)
	}
	for id, w := range want {
		if got, ok := d.Surplus[id]; !ok || math.Abs(got-w) > 1e-12 {
			t.Errorf("surplus of %s = %v (listed %v), want %v", id, got, ok, w)
		}
	}
	if math.Abs(d.NashProduct-0.0015) > 1e-12 {
		t.Errorf("Nash product %v, want 0.6 · 0.05 · 0.05 = 0.0015", d.NashProduct)
	}
}

// A party that votes against a deal that passes anyway counts with surplus 0 in the
// product (MODEL §6), so such deals come after every deal all parties accept.
func TestCompareWithoutVetoOrdersByTheProductAnalyzeUses(t *testing.T) {
	// Before, low/north is the one deal that fails: a (1) accepts, b (0.25 < 0.4) and c
	// (0.25 < 0.3) reject it. With c at 0, c accepts every deal, so low/north passes with a
	// and c, and enters while b rejects it: surpluses a 1 − 0.4 = 0.6, b 0.25 − 0.4 = −0.15
	// (listed as it is, as analyze lists it), c 0.25 − 0 = 0.25; the product counts b's as
	// 0, so it is 0.
	c := compareFixture(t, "council.yaml", map[string]float64{"actors.c.reservation": 0})
	if c.EnteringCount != 1 {
		t.Fatalf("%d entering, want 1 (low, north)", c.EnteringCount)
	}
	d := c.Entering[0]
	want := map[string]float64{"a": 0.6, "b": -0.15, "c": 0.25}
	for id, w := range want {
		if got, ok := d.Surplus[id]; !ok || math.Abs(got-w) > 1e-12 {
			t.Errorf("surplus of %s = %v (listed %v), want %v", id, got, ok, w)
		}
	}
	if d.NashProduct != 0 {
		t.Errorf("Nash product %v, want 0: b rejects the deal, so its surplus counts as 0", d.NashProduct)
	}
}
