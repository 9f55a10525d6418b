package sim

import "testing"

// Every number a what-if can change (a row of Params) is sorted by the sensitivity
// analysis into a category that --only names; paramCategory (sim/sensitivity.go) does it
// by path, case by case. A number field added to Params alone falls into "other", where
// no inertNote says that the zone does not read it: its thresholds are searched for and
// reported as "the headline does not change", not "acts in bargaining rounds only". This
// test fails instead, over a scenario that uses every part of the file a number sits in.
func TestEveryNumberHasASensitivityCategory(t *testing.T) {
	east := NewActor("east", "East")
	east.Reservation = 0.3
	east.ReservationDrift = -0.01
	east.Strategy = Strategy{Kind: StrategyTimeDependent, Exponent: 0.5}
	east.Preferences = []Preference{
		{Issue: "i0", Weight: 2, Utilities: map[string]float64{"o0": 1, "o1": 0.5, "o2": 0}},
		{Issue: "i1", Weight: 1, Ideal: "o0"},
	}
	east.Ratification = Ratification{By: []string{"home"}, VotesNeeded: 1}
	east.Beliefs = Beliefs{Set: []Assignment{{Path: "actors.west.reservation", Value: 0.4}}}
	west := NewActor("west", "West")
	west.Reservation = 0.3
	west.Preferences = []Preference{{Issue: "i0", Weight: 1, Ideal: "o2"}, {Issue: "i1", Weight: 1, Ideal: "o2"}}
	home := NewActor("home", "Home")
	home.Veto = false
	home.Preferences = []Preference{{Issue: "i0", Weight: 1, Ideal: "o0"}}
	sc := &Scenario{
		Name:     "every number",
		Issues:   gridIssues(2, 3),
		Actors:   []Actor{east, west, home},
		Decision: Decision{VotesNeeded: 2},
		Protocol: Protocol{Rounds: 5},
		Events:   []Event{{Round: 2, Why: "winter", Add: []Assignment{{Path: "actors.west.reservation", Value: -0.05}}}},
	}
	compiled(t, sc)
	numbers := 0
	for _, p := range sc.Params() {
		if p.Kind != ParamNumber && p.Kind != ParamInteger {
			continue
		}
		numbers++
		if c := paramCategory(p.Path); c == CategoryOther {
			t.Errorf("%s is a number a what-if can change, but sensitivity files it under %q: give it a case in paramCategory (sim/sensitivity.go), and an inertNote if no analysis of the zone reads it", p.Path, c)
		}
	}
	// 3 actors × (power, reservation, drift, votes) = 12, east's exponent, 5 weights (2 +
	// 2 + 1), east's 3 utilities, its ratification's votes_needed and its belief, then
	// decision.votes_needed, protocol.rounds and the event's round: 12 + 1 + 5 + 3 + 2 + 3 =
	// 26 numbers at least (a new field adds its own), so the scenario reaches every place
	// a number sits.
	if numbers < 26 {
		t.Errorf("%d numbers listed, want at least 26", numbers)
	}
}
