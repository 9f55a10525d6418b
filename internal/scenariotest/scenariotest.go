// Package scenariotest loads and compiles scenarios for the tests of several packages
// (sim's own, scenarios, interop, cmd/negsim), failing the test with the scenario's name
// when one does not load, take its what-ifs or compile.
package scenariotest

import (
	"testing"

	"github.com/negsim/negsim/config"
	"github.com/negsim/negsim/scenarios"
	"github.com/negsim/negsim/sim"
)

// Shipped reads the shipped scenario name afresh, so that what a test changes never leaks
// into another, and opens it as the command line would with the variant ("" for none) and
// then the --set overrides sets: compiled, its Space ready.
func Shipped(t testing.TB, name, variant string, sets ...string) *config.Document {
	t.Helper()
	data, ok := scenarios.Read(name)
	if !ok {
		t.Fatalf("no shipped scenario %q", name)
	}
	var overrides []config.Override
	for _, s := range sets {
		o, err := config.ParseOverride(s)
		if err != nil {
			t.Fatal(err)
		}
		overrides = append(overrides, o)
	}
	doc, err := config.Open(name+".yaml", data, variant, overrides)
	if err != nil {
		t.Fatalf("%s#%s: %v", name, variant, err)
	}
	return doc
}

// Compile compiles sc, failing the test when it does not compile.
func Compile(t testing.TB, sc *sim.Scenario) *sim.Space {
	t.Helper()
	sp, err := sim.Compile(sc)
	if err != nil {
		t.Fatalf("%s: compile: %v", sc.Name, err)
	}
	return sp
}

// Treaty is the one-issue scenario the ratification and vote-counting tests start from: the
// minister holds the only veto, with reservation 0.95, and values the treaty's depth shallow
// 0, medium 0.5, deep 0.9, so no deal meets its reservation. A test appends the actors whose
// approval the deal must also win (TreatyParliament, or its own).
const Treaty = `name: Treaty
issues:
  - {id: depth, name: Depth, options: [{id: shallow}, {id: medium}, {id: deep}]}
actors:
  - id: minister
    name: Minister
    reservation: 0.95
    preferences:
      depth: {weight: 1, utilities: {shallow: 0, medium: 0.5, deep: 0.9}}
`

// TreatyParliament, appended to Treaty, has the minister's parliament ratify (all its one
// vote needed) by its own reservation 0.5 on values shallow 1, medium 0.6, deep 0: it
// ratifies shallow and medium, never deep.
const TreatyParliament = `    ratification: {by: [parliament]}
  - id: parliament
    name: Parliament
    veto: false
    reservation: 0.5
    preferences:
      depth: {weight: 1, utilities: {shallow: 1, medium: 0.6, deep: 0}}
`
