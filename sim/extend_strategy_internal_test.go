package sim

import (
	"math"
	"regexp"
	"testing"
)

// A strategy kind is read in three places besides validation: StrategyExponent turns the
// kind a file names into the kind and curve rounds run, rounds.aspirations asks by it, and
// picture.perceivedRound is how a believer pictures the others asking. A kind added to
// StrategyKinds and to aspirations alone compiles and passes every other test, yet runs as
// linear (StrategyExponent's fallback) and is pictured as linear by every believer. These
// tests fail instead, naming the place to change.

func TestEveryStrategyKindResolvesToItself(t *testing.T) {
	for _, k := range StrategyKinds {
		st := Strategy{Kind: k}
		if k == StrategyTimeDependent {
			st.Exponent = 0.5
		}
		if got, _ := StrategyExponent(st); got != k {
			t.Errorf("StrategyExponent(%q) gives %q: rounds would run and report it as %q; give it a case in StrategyExponent (sim/rounds.go)", k, got, got)
		}
	}
}

// A believer whose beliefs leave the others as they are pictures each of them asking what
// it truly asks, in every round, whatever its strategy.
func TestEveryStrategyKindIsPicturedAsItActs(t *testing.T) {
	for _, k := range StrategyKinds {
		t.Run(string(k), func(t *testing.T) {
			subject := NewActor("subject", "Subject")
			subject.Reservation = 0.2
			subject.Strategy = Strategy{Kind: k}
			if k == StrategyTimeDependent {
				subject.Strategy.Exponent = 0.5
			}
			subject.Preferences = []Preference{{Issue: "i0", Weight: 1, Ideal: "o0"}}
			believer := NewActor("believer", "Believer")
			believer.Reservation = 0.2
			believer.Preferences = []Preference{{Issue: "i0", Weight: 1, Ideal: "o4"}}
			// The belief is the truth: the picture must then be the truth too.
			believer.Beliefs.Set = []Assignment{{Path: "actors.subject.reservation", Value: 0.2}}
			sc := &Scenario{Name: "picture", Issues: gridIssues(1, 5), Actors: []Actor{subject, believer},
				Protocol: Protocol{Kind: ProtocolAlternating, Rounds: 6}}
			rn, _, err := startRounds(t.Context(), compiled(t, sc), RoundsOptions{})
			if err != nil {
				t.Fatal(err)
			}
			pic, err := rn.pictureOf(1)
			if err != nil || pic == nil {
				t.Fatalf("picture %v, %v", pic, err)
			}
			r := rn.sp.reservations()
			for round := range rn.deadline {
				asp := rn.aspirations(round, r)
				_, pictured := pic.perceivedRound(1, round, rn.deadline, r, asp, rn.kind)
				if math.Abs(pictured[0]-asp[0]) > 1e-12 {
					t.Errorf("round %d: a %s actor asks %.6f but a believer pictures it asking %.6f; give the kind a case in picture.perceivedRound (sim/rounds_decide.go)", round, k, asp[0], pictured[0])
				}
			}
		})
	}
}

// The field reference and the schema's hover text name every strategy a file may write.
func TestEveryStrategyKindIsDescribed(t *testing.T) {
	text := DocOf("Strategy.kind").Text
	for _, k := range StrategyKinds {
		if !regexp.MustCompile(`(^|[^a-z-])` + regexp.QuoteMeta(string(k)) + `($|[^a-z-])`).MatchString(text) {
			t.Errorf("fieldDocs[\"Strategy.kind\"] (sim/fielddoc.go) does not say what %q does: %q", k, text)
		}
	}
}
