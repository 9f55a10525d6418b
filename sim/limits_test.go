package sim

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
)

// TestMaxRounds: a deadline of 10,000 rounds is valid and 10,001 is refused, whether the
// file sets it (validation) or a caller does (RoundsOptions).
func TestMaxRounds(t *testing.T) {
	sc := explainFixture()
	sc.Protocol.Rounds = MaxRounds
	if errs := sc.Validate().Errors(); len(errs) > 0 {
		t.Errorf("%d rounds refused: %v", MaxRounds, errs)
	}
	sc.Protocol.Rounds = MaxRounds + 1
	errs := sc.Validate().Errors()
	if len(errs) != 1 || errs[0].Path != "protocol.rounds" || !strings.Contains(errs[0].Message, "10001 rounds are more than the limit of 10000") {
		t.Errorf("%d rounds: got %v", MaxRounds+1, errs)
	}
	sc.Protocol.Rounds = 0
	sp := compiled(t, sc)
	_, err := Rounds(context.Background(), sp, RoundsOptions{Rounds: MaxRounds + 1, Workers: 1})
	var pe *PathError
	if !errors.As(err, &pe) || !strings.Contains(pe.Msg, "more than the limit of 10000") {
		t.Errorf("RoundsOptions.Rounds %d: got %v", MaxRounds+1, err)
	}
}

// trackingScenario has six issues of ten options, every deal in the ZOPA (one actor with
// reservation 0): 10^6 deals. With extra, a seventh issue of options a and b is added and
// b is allowed only with o0 everywhere else: 10^6 deals with a, plus one with b.
func trackingScenario(extra bool) *Scenario {
	sc := &Scenario{Name: "tracking"}
	opts := make([]Option, 10)
	for o := range opts {
		opts[o] = Option{ID: fmt.Sprintf("o%d", o)}
	}
	actor := Actor{ID: "x", Name: "X", Veto: true, Power: 1}
	for k := 0; k < 6; k++ {
		id := fmt.Sprintf("i%d", k)
		sc.Issues = append(sc.Issues, Issue{ID: id, Name: id, Options: opts})
		actor.Preferences = append(actor.Preferences, Preference{Issue: id, Weight: 1, Ideal: "o0"})
	}
	if extra {
		sc.Issues = append(sc.Issues, Issue{ID: "e", Name: "E", Options: []Option{{ID: "a"}, {ID: "b"}}})
		then := map[string][]string{}
		for k := 0; k < 6; k++ {
			then[fmt.Sprintf("i%d", k)] = []string{"o0"}
		}
		actor.Constraints = []Constraint{{If: map[string][]string{"e": {"b"}}, Then: then, Why: "b only with o0"}}
	}
	sc.Actors = []Actor{actor}
	return sc
}

// TestMaxTrackedDeals: a zone of exactly 1,000,000 deals is followed deal by deal, one of
// 1,000,001 is refused with an error naming the bound.
func TestMaxTrackedDeals(t *testing.T) {
	for _, c := range []struct {
		extra   bool
		refused bool
	}{{false, false}, {true, true}} {
		sp := compiled(t, trackingScenario(c.extra))
		zs, err := searchZOPA(context.Background(), sp, sp.reservations(), 1, true)
		if c.refused {
			if err == nil || !errors.Is(err, ErrBadInput) || !strings.Contains(err.Error(), "holds 1000001 deals or more, beyond the 1000000") {
				t.Errorf("1,000,001 deals: got %v", err)
			}
			continue
		}
		if err != nil || len(zs.members) != 1_000_000 {
			t.Errorf("1,000,000 deals: err %v", err)
		}
	}
}
