package sim_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/negsim/negsim/config"
	"github.com/negsim/negsim/internal/scenariotest"
	"github.com/negsim/negsim/sim"
)

func TestSetEveryKindOfPath(t *testing.T) {
	tests := []struct {
		name, path, value string
		want              any
	}{
		{"number", "actors.buyer.reservation", "0.35", 0.35},
		{"number in a preference", "actors.seller.preferences.term.weight", "45", 45.0},
		{"whole number", "protocol.rounds", "9", 9},
		{"true or false", "actors.seller.veto", "false", false},
		{"text", "actors.buyer.name", "Retail buyer", "Retail buyer"},
		{"text of an id reference", "protocol.mediator", "seller", "seller"},
		{"list of ids", "actors.buyer.preferences.price.acceptable", "low, mid,high", []string{"low", "mid", "high"}},
		{"map entry", "actors.buyer.preferences.price.utilities.mid", "0.7", 0.7},
		{"shorthand struct", "actors.buyer.strategy", "conceder", sim.Strategy{Kind: "conceder"}},
		{"field of a shorthand struct", "actors.buyer.strategy.kind", "hardliner", "hardliner"},
		{"element by index", "actors.buyer.constraints.0.why", "A long term is worth it.", "A long term is worth it."},
		{"list inside an indexed element", "actors.buyer.constraints.0.then.term", "short,long", []string{"short", "long"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := loadFixture(t, "paths.yaml")
			sc := doc.Scenario.Clone()
			if err := sc.Set(tt.path, tt.value); err != nil {
				t.Fatalf("Set(%s, %q): %v", tt.path, tt.value, err)
			}
			got, err := sc.Get(tt.path)
			if err != nil {
				t.Fatalf("Get(%s): %v", tt.path, err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("after Set(%s, %q), Get = %#v, want %#v", tt.path, tt.value, got, tt.want)
			}
			// The original document must not change: what-ifs work on copies.
			orig, _ := doc.Scenario.Get(tt.path)
			if reflect.DeepEqual(orig, tt.want) {
				t.Errorf("the original scenario changed at %s", tt.path)
			}
		})
	}
}

func TestSetPathErrors(t *testing.T) {
	tests := []struct {
		name, path, value string
		// every string in want must appear in the error
		want []string
	}{
		{"unknown field", "actors.buyer.reservaton", "0.4",
			[]string{`actors.buyer has no "reservaton"`, `did you mean "reservation"?`, `"power"`, `"reservation_drift"`}},
		{"unknown top-level field", "protocl.rounds", "3",
			[]string{`the scenario has no "protocl"`, `did you mean "protocol"?`, `"issues"`}},
		{"unknown id", "actors.byer.reservation", "0.4",
			[]string{`actors has no "byer"`, `did you mean "buyer"?`, `valid: "buyer" or "seller"`}},
		{"unknown preference", "actors.seller.preferences.tenure.weight", "3",
			[]string{`actors.seller.preferences has no "tenure"`, `valid: "price" or "term"`}},
		{"unknown map key", "actors.buyer.preferences.price.utilities.medium", "0.5",
			[]string{`utilities has no "medium"`, `valid: "high", "low" or "mid"`}},
		{"map that is empty", "actors.seller.preferences.term.utilities.short", "0.5",
			[]string{`actors.seller.preferences.term.utilities is empty`, `ideal`}},
		{"index out of range", "actors.buyer.constraints.1.why", "x",
			[]string{`actors.buyer.constraints has no "1"`, `valid: "0"`, `to add one, set actors.buyer.constraints whole: the JSON list negsim params shows for it, with one more entry`}},
		{"element of an empty list", "actors.seller.constraints.0.why", "x",
			[]string{`actors.seller.constraints is empty, so it has no "0"`, `to add one, set actors.seller.constraints whole`}},
		{"path past a number", "actors.buyer.reservation.low", "0.1",
			[]string{`actors.buyer.reservation holds a value, so the path ends there`}},
		{"path past a map entry", "actors.buyer.preferences.price.utilities.low.x", "0.1",
			[]string{`actors.buyer.preferences.price.utilities.low holds a value, so the path ends there`}},
		{"text for a number", "actors.buyer.reservation", "high",
			[]string{`expects a number, not "high"`}},
		{"fraction for a whole number", "protocol.rounds", "2.5",
			[]string{`expects a whole number, not "2.5"`}},
		{"word for true or false", "actors.buyer.veto", "maybe",
			[]string{`expects true or false, not "maybe"`}},
		// A file's YAML refuses veto: 0 and veto: T, so --set does too: one language.
		{"number for true or false", "actors.buyer.veto", "0",
			[]string{`expects true or false, not "0"`}},
		{"letter for true or false", "actors.buyer.veto", "T",
			[]string{`expects true or false, not "T"`}},
		{"not-a-number for a number", "actors.buyer.reservation", "NaN",
			[]string{`expects a number, not "NaN"`}},
		{"a whole group", "actors.buyer", "x",
			[]string{`is a group of settings`, `"reservation"`}},
		{"a whole list of settings", "actors.buyer.preferences", "x",
			[]string{`is a list of settings`}},
		{"empty path", "", "1",
			[]string{`empty path`, `"actors"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sc := loadFixture(t, "paths.yaml").Scenario
			err := sc.Set(tt.path, tt.value)
			if err == nil {
				t.Fatalf("Set(%s, %q) succeeded, want an error", tt.path, tt.value)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("Set(%s, %q) error\n  %v\nlacks %q", tt.path, tt.value, err, w)
				}
			}
		})
	}
}

func TestAddToNumbers(t *testing.T) {
	sc := loadFixture(t, "paths.yaml").Scenario.Clone()
	// 0.2 + 0.15 = 0.35; 1 (mid's utility 0.5) + 0.25 = 0.75; 6 rounds + 2 = 8.
	for _, add := range []struct {
		path  string
		delta float64
		want  any
	}{
		{"actors.buyer.reservation", 0.15, 0.35},
		{"actors.buyer.preferences.price.utilities.mid", 0.25, 0.75},
		{"protocol.rounds", 2, 8},
	} {
		if err := sc.Add(add.path, add.delta); err != nil {
			t.Fatalf("Add(%s, %g): %v", add.path, add.delta, err)
		}
		got, _ := sc.Get(add.path)
		if f, ok := got.(float64); ok {
			if d := f - add.want.(float64); d > 1e-12 || d < -1e-12 {
				t.Errorf("Add(%s): got %v, want %v", add.path, got, add.want)
			}
		} else if got != add.want {
			t.Errorf("Add(%s): got %v, want %v", add.path, got, add.want)
		}
	}
	if err := sc.Add("protocol.rounds", 0.5); err == nil || !strings.Contains(err.Error(), "whole number") {
		t.Errorf("adding 0.5 to a whole number: got %v, want an error naming whole numbers", err)
	}
	if err := sc.Add("actors.buyer.name", 1); err == nil || !strings.Contains(err.Error(), "holds text, not a number") {
		t.Errorf("adding to text: got %v, want an error naming the type", err)
	}
}

func TestVariantThenSet(t *testing.T) {
	tests := []struct {
		name    string
		variant string
		sets    []string
		// seller's reservation and buyer's strategy afterwards
		wantRes      float64
		wantStrategy string
	}{
		{"neither", "", nil, 0.3, "linear"},
		{"variant alone", "hard", nil, 0.5, "boulware"},
		{"set alone", "", []string{"actors.seller.reservation=0.4"}, 0.4, "linear"},
		// The set comes after the variant, so it wins on the path both touch, and the
		// variant's other change stays.
		{"set after variant", "hard", []string{"actors.seller.reservation=0.45"}, 0.45, "boulware"},
		{"later set wins", "hard", []string{"actors.seller.reservation=0.45", "actors.seller.reservation=0.25"}, 0.25, "boulware"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := loadFixture(t, "paths.yaml")
			var sets []config.Override
			for _, s := range tt.sets {
				o, err := config.ParseOverride(s)
				if err != nil {
					t.Fatal(err)
				}
				sets = append(sets, o)
			}
			if err := doc.Apply(tt.variant, sets); err != nil {
				t.Fatalf("Apply: %v", err)
			}
			res, _ := doc.Scenario.Get("actors.seller.reservation")
			kind, _ := doc.Scenario.Get("actors.buyer.strategy.kind")
			if res != tt.wantRes || kind != tt.wantStrategy {
				t.Errorf("got reservation %v and strategy %v, want %v and %v", res, kind, tt.wantRes, tt.wantStrategy)
			}
		})
	}
}

func TestApplyErrors(t *testing.T) {
	tests := []struct {
		name    string
		variant string
		set     string
		want    string
	}{
		{"unknown variant", "hrad", "", `no variant "hrad"; did you mean "hard"?`},
		{"set leaves the scenario invalid", "", "actors.buyer.reservation=1.5", `1.5 is outside [0,1]`},
		{"set names a bad path", "hard", "actors.seller.reserve=0.1", `actors.seller has no "reserve"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := loadFixture(t, "paths.yaml")
			var sets []config.Override
			if tt.set != "" {
				o, _ := config.ParseOverride(tt.set)
				sets = append(sets, o)
			}
			err := doc.Apply(tt.variant, sets)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Apply: got %v, want an error containing %q", err, tt.want)
			}
		})
	}
}

// TestSetGroupAsJSON: a group (a constraint, a mapping, a list of settings) is set whole
// from its JSON form, the value params shows; a field the group does not have is refused.
func TestSetGroupAsJSON(t *testing.T) {
	sc := loadFixture(t, "paths.yaml").Scenario.Clone()
	if err := sc.Set("actors.buyer.constraints.0", `{"if":{"price":["high"]},"then":{"term":["short"]},"why":"w"}`); err != nil {
		t.Fatal(err)
	}
	c := sc.Actors[0].Constraints[0]
	if !reflect.DeepEqual(c.If, map[string][]string{"price": {"high"}}) || !reflect.DeepEqual(c.Then, map[string][]string{"term": {"short"}}) || c.Why != "w" {
		t.Errorf("constraint after set: %+v", c)
	}
	if err := sc.Set("actors.buyer.preferences.price.utilities", `{"low":0.2,"mid":0.4,"high":0.9}`); err != nil {
		t.Fatal(err)
	}
	if got := sc.Actors[0].Preferences[0].Utilities; !reflect.DeepEqual(got, map[string]float64{"low": 0.2, "mid": 0.4, "high": 0.9}) {
		t.Errorf("utilities after set: %v", got)
	}
	err := sc.Set("actors.seller", `{"id":"seller","reservaton":0.5}`)
	if err == nil || !strings.Contains(err.Error(), `unknown field "reservaton"`) {
		t.Errorf("a misspelt field in a group: err = %v, want it named", err)
	}
	if sc.Actors[1].Reservation != 0.3 {
		t.Errorf("a refused group changed the actor: reservation %v", sc.Actors[1].Reservation)
	}
}

// Setting a strategy's kind keeps its exponent with the kind it belongs to, so that every
// kind params offers is accepted: ukraine-2026's Ukraine is time-dependent, e = 0.5, and its
// Russia boulware (whose fixed curve is e = 0.2, BoulwareExponent).
//   - Ukraine to boulware drops its 0.5: validation refuses an exponent on any other kind.
//   - Russia to time-dependent takes e = 0.2, the curve it had, until the exponent is set.
//   - Russia's exponent set to 3 first, then its kind: the 3 written is kept.
//   - Ukraine to tit-for-tat, then back to time-dependent: tit-for-tat has no curve (0), so
//     the linear 1.
func TestSettingAStrategyKindFitsItsExponent(t *testing.T) {
	for _, tc := range []struct {
		name  string
		sets  [][2]string
		actor string
		want  sim.Strategy
	}{
		{"away from time-dependent", [][2]string{{"actors.ukraine.strategy.kind", "boulware"}}, "ukraine", sim.Strategy{Kind: sim.StrategyBoulware}},
		{"to time-dependent", [][2]string{{"actors.russia.strategy.kind", "time-dependent"}}, "russia", sim.Strategy{Kind: sim.StrategyTimeDependent, Exponent: 0.2}},
		{"exponent first", [][2]string{{"actors.russia.strategy.exponent", "3"}, {"actors.russia.strategy.kind", "time-dependent"}}, "russia", sim.Strategy{Kind: sim.StrategyTimeDependent, Exponent: 3}},
		{"through tit-for-tat", [][2]string{{"actors.ukraine.strategy.kind", "tit-for-tat"}, {"actors.ukraine.strategy.kind", "time-dependent"}}, "ukraine", sim.Strategy{Kind: sim.StrategyTimeDependent, Exponent: 1}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sc := scenariotest.Shipped(t, "ukraine-2026", "").Scenario.Clone()
			for _, set := range tc.sets {
				if err := sc.Set(set[0], set[1]); err != nil {
					t.Fatalf("Set(%s, %s): %v", set[0], set[1], err)
				}
			}
			if got := sc.Actors[sc.ActorIndex(tc.actor)].Strategy; got != tc.want {
				t.Errorf("strategy %+v, want %+v", got, tc.want)
			}
			if errs := sc.Validate().Errors(); len(errs) > 0 {
				t.Errorf("the scenario is left invalid: %v", errs)
			}
		})
	}
}

// Votes are whole, as the exact voting-power indices count them; a fraction, as a share of
// an electorate is often written, is told how to write the share.
func TestAFractionOfAVoteSaysHowToWriteAShare(t *testing.T) {
	sc := loadFixture(t, "council.yaml").Scenario
	for _, c := range []struct {
		path  string
		value any
	}{{"actors.a.votes", "0.55"}, {"actors.a.votes", 0.55}, {"decision.votes_needed", "1.5"}} {
		err := sc.Clone().Set(c.path, c.value)
		if err == nil || !strings.HasSuffix(err.Error(), "votes count whole: write a share of an electorate in percent, 55 for 55%") {
			t.Errorf("--set %s=%v: %v; want the share written in percent", c.path, c.value, err)
		}
	}
	if err := sc.Clone().Set("protocol.rounds", "2.5"); err == nil || strings.Contains(err.Error(), "electorate") {
		t.Errorf("--set protocol.rounds=2.5: %v; want an error that speaks of no electorate", err)
	}
}
