package main

import (
	"encoding/json"
	"fmt"
	"math/big"
	"strings"
	"testing"

	"github.com/negsim/negsim/internal/scenariotest"
	"github.com/negsim/negsim/scenarios"
)

// overTwelveDecimals lists the numbers in a JSON text that have more than 12 decimals, by
// their key path. It reads each number as the exact decimal it is written as, so a number
// the engine rounded to 12 decimals passes and 0.06999999999999999 (7 / 100 of a weight, as
// floating point divides it) does not.
func overTwelveDecimals(t *testing.T, text string) []string {
	t.Helper()
	dec := json.NewDecoder(strings.NewReader(text))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	scale := new(big.Rat).SetInt(new(big.Int).Exp(big.NewInt(10), big.NewInt(12), nil))
	var bad []string
	var walk func(v any, path string)
	walk = func(v any, path string) {
		switch v := v.(type) {
		case map[string]any:
			for k, x := range v {
				walk(x, path+"."+k)
			}
		case []any:
			for _, x := range v {
				walk(x, path+"[]")
			}
		case json.Number:
			r, ok := new(big.Rat).SetString(string(v))
			if !ok {
				t.Fatalf("%s: %s is not a number", path, v)
			}
			if !r.Mul(r, scale).IsInt() {
				bad = append(bad, fmt.Sprintf("%s = %s", path, v))
			}
		}
	}
	walk(v, "")
	return bad
}

// Every number negsim reports is rounded to 12 decimals, as the README promises beside
// analyze's output, whichever command reports it: a script that compares a share with 0.07
// or a utility with 1 must not meet 0.06999999999999999 or 0.9999999999999999. Each shipped
// scenario's weights and values are written with few decimals, so the arithmetic's noise
// would show in these reports unless it is rounded away.
func TestJSONNumbersAreRoundedTo12Decimals(t *testing.T) {
	for _, name := range scenarios.Names() {
		commands := [][]string{
			{"explain", name},
			{"rounds", name},
			{"sensitivity", name, "--limit", "0"},
		}
		sc := scenariotest.Shipped(t, name, "").Scenario
		if len(sc.Uncertainty) > 0 {
			commands = append(commands, []string{"montecarlo", name, "--draws", "60"})
		}
		// Every reservation at 0 lets deals enter the zone, each listed with its surpluses.
		lowered := []string{"compare", name, name}
		for _, a := range sc.Actors {
			lowered = append(lowered, "--set", "actors."+a.ID+".reservation=0")
		}
		commands = append(commands, lowered)
		for _, args := range commands {
			out := runOK(t, append(args, "--format", "json")...)
			for _, b := range overTwelveDecimals(t, out) {
				t.Errorf("negsim %s: %s", strings.Join(args, " "), b)
			}
		}
	}
}
