package main

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

// beliefDropBase is a mediator between East and West, over seven options, that holds two
// beliefs; the variants drop one or both.
const beliefDropBase = `name: Belief drop
issues:
  - id: districts
    name: Districts
    options: [{id: d0}, {id: d1}, {id: d2}, {id: d3}, {id: d4}, {id: d5}, {id: d6}]
actors:
  - id: east
    name: East
    reservation: 0.2
    preferences:
      districts: {weight: 100, ideal: d6}
  - id: west
    name: West
    reservation: 0.5
    preferences:
      districts: {weight: 100, ideal: d0}
  - id: mediator
    name: Mediator
    veto: false
    reservation: 0
    preferences:
      districts: {weight: 100, utilities: {d0: 1, d1: 1, d2: 1, d3: 1, d4: 1, d5: 1, d6: 1}}
`

// A variant drops a belief by setting its path to null, and the scenario it gives is the
// one written without that belief: analyze says the same of both, to the byte, but for the
// variant's name and overrides. The variant's source and note stand for the beliefs left,
// as they do for any group a variant changes; --set, which has none, leaves the file's.
func TestVariantDropsBelief(t *testing.T) {
	twoBeliefs := `    beliefs:
      set:
        actors.west.reservation: 0
        actors.east.reservation: 0.4
      note: The mediator thinks both sides need the war to end.
`
	variants := `variants:
  - id: west-known
    description: The mediator learns West's true reservation.
    note: West's envoy told the mediator.
    set:
      actors.mediator.beliefs.set.actors.west.reservation: null
  - id: all-known
    description: The mediator learns both true reservations.
    set:
      actors.mediator.beliefs.set.actors.west.reservation: null
      actors.mediator.beliefs.set.actors.east.reservation: ~
`
	withVariants := writeTemp(t, "talks.yaml", beliefDropBase+twoBeliefs+variants)
	eastOnly := func(note string) string {
		return writeTemp(t, "east-only.yaml", beliefDropBase+`    beliefs:
      set:
        actors.east.reservation: 0.4
      note: `+note+"\n")
	}
	none := writeTemp(t, "none.yaml", beliefDropBase)

	for _, tc := range []struct {
		args    []string
		written string
	}{
		{[]string{withVariants, "--variant", "west-known"}, eastOnly("West's envoy told the mediator.")},
		{[]string{withVariants, "--variant", "all-known"}, none},
		{[]string{withVariants, "--set", "actors.mediator.beliefs.set.actors.west.reservation=null"}, eastOnly("The mediator thinks both sides need the war to end.")},
	} {
		got := analyzeJSON(t, tc.args...)
		want := analyzeJSON(t, tc.written)
		for _, what := range []string{"variant", "overrides"} {
			delete(got, what)
			delete(want, what)
		}
		if !reflect.DeepEqual(got, want) {
			g, _ := json.MarshalIndent(got, "", " ")
			w, _ := json.MarshalIndent(want, "", " ")
			t.Errorf("analyze %s differs from analyze of the scenario written without the belief:\n%s\nwant\n%s", strings.Join(tc.args, " "), g, w)
		}
	}
}

// analyzeJSON is analyze --format json of args, decoded.
func analyzeJSON(t *testing.T, args ...string) map[string]any {
	t.Helper()
	return runJSON[map[string]any](t, append([]string{"analyze"}, args...)...)
}

// A belief that is not there cannot be dropped: validate says where the variant asks it,
// by line (hand-counted in the text below), and which beliefs the actor does hold; --set
// says the same of its path. Null anywhere else says what null does.
func TestDropMissingBeliefRefused(t *testing.T) {
	westBelief := `    beliefs:
      set:
        actors.west.reservation: 0
`
	file := writeTemp(t, "talks.yaml", beliefDropBase+westBelief+`variants:
  - id: east-known
    description: The mediator learns East's true reservation.
    set:
      actors.mediator.beliefs.set.actors.east.reservation: null
  - id: east-learns
    description: East learns the truth.
    set:
      actors.east.beliefs.set.actors.west.reservation: null
  - id: east-blank
    description: East's reservation left blank.
    set:
      actors.east.reservation: null
`)
	out, _, code := runNegsim(t, "validate", file)
	if code == exitOK {
		t.Fatalf("validate accepted a variant that drops a belief nobody holds:\n%s", out)
	}
	wantContains(t, "validate", out,
		`talks.yaml:30:7: variants.east-known.set.actors.mediator.beliefs.set.actors.east.reservation: variant "east-known": actor "mediator" holds no belief about "actors.east.reservation", so null has no belief to drop; did you mean "actors.west.reservation"? valid: "actors.west.reservation"`,
		`talks.yaml:34:7: variants.east-learns.set.actors.east.beliefs.set.actors.west.reservation: variant "east-learns": actor "east" holds no beliefs, so null has no belief to drop`,
		`talks.yaml:38:7: variants.east-blank.set.actors.east.reservation: variant "east-blank": expects a number, not nothing; null drops a belief (a path actors.ID.beliefs.set.PATH) and changes nothing else`)
	wantRefused(t, `actor "mediator" holds no belief about "actors.east.reservation"`,
		"analyze", writeTemp(t, "ok.yaml", beliefDropBase+westBelief), "--set", "actors.mediator.beliefs.set.actors.east.reservation=null")
}
