package sim_test

import (
	"testing"

	"github.com/negsim/negsim/internal/scenariotest"
	"github.com/negsim/negsim/scenarios"
	"github.com/negsim/negsim/sim"
)

// shippedCase is a shipped scenario as its file gives it (variant "") or under a variant.
type shippedCase struct {
	name, variant string
	sc            *sim.Scenario
}

// shippedCases is every shipped scenario, each as its file gives it and then under each of
// its variants.
func shippedCases(t testing.TB) []shippedCase {
	t.Helper()
	var out []shippedCase
	for _, name := range scenarios.Names() {
		base := scenariotest.Shipped(t, name, "").Scenario
		out = append(out, shippedCase{name, "", base})
		for _, v := range base.Variants {
			out = append(out, shippedCase{name, v.ID, scenariotest.Shipped(t, name, v.ID).Scenario})
		}
	}
	return out
}
