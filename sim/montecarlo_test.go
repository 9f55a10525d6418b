package sim_test

import (
	"context"
	"encoding/json"
	"errors"
	"math"
	"reflect"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/negsim/negsim/config"
	"github.com/negsim/negsim/internal/scenariotest"
	"github.com/negsim/negsim/scenarios"
	"github.com/negsim/negsim/sim"
)

func contains(s, sub string) bool { return strings.Contains(s, sub) }

// analyzed is the analysis of a scenario a test knows to be valid.
func analyzed(t testing.TB, sc *sim.Scenario, opts sim.Options) *sim.Analysis {
	t.Helper()
	an, err := sim.Analyze(context.Background(), scenariotest.Compile(t, sc), opts)
	if err != nil {
		t.Fatal(err)
	}
	return an
}

func TestWilson(t *testing.T) {
	// Wilson 95% intervals with z = 1.959964, z² = 3.841459, n = 10, so 1 + z²/n = 1.384146:
	// 8 of 10: centre = (0.8 + z²/20)/1.384146 = 0.992073/1.384146 = 0.716740; half =
	//   z/1.384146 · sqrt(0.8·0.2/10 + z²/400) = 1.415982 · sqrt(0.016 + 0.009604)
	//   = 1.415982 · 0.160011 = 0.226572, so [0.4902, 0.9433].
	// 0 of 10: centre = (z²/20)/1.384146 = 0.138768; half = 1.415982 · sqrt(0.009604)
	//   = 0.138768, so [0, 0.2775]; 10 of 10 mirrors it: [0.7225, 1].
	tests := []struct {
		k, n      uint64
		low, high float64
	}{
		{8, 10, 0.4902, 0.9433},
		{0, 10, 0, 0.2775},
		{10, 10, 0.7225, 1},
	}
	for _, tt := range tests {
		p := sim.Wilson(tt.k, tt.n)
		if math.Abs(p.Low-tt.low) > 1e-4 || math.Abs(p.High-tt.high) > 1e-4 {
			t.Errorf("Wilson(%d, %d) = [%.4f, %.4f], want [%.4f, %.4f]", tt.k, tt.n, p.Low, p.High, tt.low, tt.high)
		}
	}
}

// zeroWidth replaces the shipped scenario's uncertainty with distributions of width 0 at
// the values the file states, one of each kind that can have width 0.
func zeroWidth(sc *sim.Scenario, russia float64) *sim.Scenario {
	sc = sc.Clone()
	sc.Uncertainty = []sim.Uncertain{
		{Path: "actors.russia.reservation", Dist: "uniform", Min: russia, Max: russia},
		{Path: "actors.ukraine.reservation", Dist: "normal", Mean: 0.4, SD: 0},
		{Path: "actors.united-states.reservation", Dist: "triangular", Min: 0.3, Mode: 0.3, Max: 0.3},
		{Path: "actors.ukraine.preferences.territory.utilities.freeze-dmz", Dist: "uniform", Min: 0.8, Max: 0.8},
	}
	_ = sc.Set("actors.russia.reservation", russia)
	return sc
}

func TestMonteCarloWithZeroWidthEqualsAnalyze(t *testing.T) {
	for _, russia := range []float64{0.55, 0.8} {
		sc := zeroWidth(scenariotest.Shipped(t, scenarios.Default, "").Scenario, russia)
		sp := scenariotest.Compile(t, sc)
		an, err := sim.Analyze(context.Background(), sp, sim.Options{Limit: 1000, Workers: 1})
		if err != nil {
			t.Fatal(err)
		}
		const draws = 50
		mc, err := sim.RunMonteCarlo(context.Background(), sp, sim.MonteCarloOptions{Draws: draws, Seed: 3, Workers: 2, Top: 1000})
		if err != nil {
			t.Fatal(err)
		}
		open := an.ZOPA.Count > 0
		if want := map[bool]uint64{true: draws, false: 0}[open]; mc.ZOPANonEmpty.Count != want {
			t.Errorf("russia %g: ZOPA non-empty in %d draws, want %d", russia, mc.ZOPANonEmpty.Count, want)
		}
		if mc.ZOPASize.Min != an.ZOPA.Count || mc.ZOPASize.Max != an.ZOPA.Count {
			t.Errorf("russia %g: ZOPA size %d..%d, analyze says %d", russia, mc.ZOPASize.Min, mc.ZOPASize.Max, an.ZOPA.Count)
		}
		// Every ZOPA deal of analyze is in the ZOPA in every draw, and no other deal is.
		var got, want []map[string]string
		for _, d := range mc.InZOPA {
			if d.Count != draws {
				t.Errorf("deal %v in the ZOPA in %d of %d draws", d.Options, d.Count, draws)
			}
			got = append(got, d.Options)
		}
		for _, d := range an.ZOPA.Deals {
			want = append(want, d.Options)
		}
		if len(got) != len(want) || !sameSet(got, want) {
			t.Errorf("russia %g: deals in the ZOPA %v, analyze lists %v", russia, got, want)
		}
		if an.Solutions.Nash == nil {
			if len(mc.Nash) != 0 {
				t.Errorf("russia %g: analyze finds no Nash deal, Monte Carlo %v", russia, mc.Nash)
			}
			continue
		}
		if len(mc.Nash) != 1 || !reflect.DeepEqual(mc.Nash[0].Options, an.Solutions.Nash.Options) || mc.Nash[0].Count != draws {
			t.Errorf("russia %g: Nash deals %+v, analyze says %v in every draw", russia, mc.Nash, an.Solutions.Nash.Options)
		}
		for _, f := range mc.NashOptions {
			for _, o := range f.Options {
				want := uint64(0)
				if an.Solutions.Nash.Options[f.Issue] == o.Option {
					want = draws
				}
				if o.Count != want {
					t.Errorf("Nash option %s=%s in %d draws, want %d", f.Issue, o.Option, o.Count, want)
				}
			}
		}
		for _, s := range mc.Sensitivity {
			if s.Rho != nil {
				t.Errorf("%s never varies, yet has a rank correlation %v", s.Path, *s.Rho)
			}
		}
	}
}

func sameSet(a, b []map[string]string) bool {
	key := func(m map[string]string) string { j, _ := json.Marshal(m); return string(j) }
	seen := map[string]int{}
	for _, m := range a {
		seen[key(m)]++
	}
	for _, m := range b {
		seen[key(m)]--
	}
	for _, n := range seen {
		if n != 0 {
			return false
		}
	}
	return true
}

func TestMonteCarloProbabilityKnownAnalytically(t *testing.T) {
	sc := loadFixture(t, "price.yaml").Scenario.Clone()
	// The buyer's best deal the seller accepts is mid, worth 0.6 to it. With its
	// reservation uniform on [0.2, 1.0], P(ZOPA non-empty) = P(r ≤ 0.6)
	// = (0.6 − 0.2) / (1.0 − 0.2) = 0.5.
	sc.Uncertainty = []sim.Uncertain{{Path: "actors.buyer.reservation", Dist: "uniform", Min: 0.2, Max: 1.0}}
	mc, err := sim.RunMonteCarlo(context.Background(), scenariotest.Compile(t, sc), sim.MonteCarloOptions{Draws: 4000, Seed: 11, Top: 5})
	if err != nil {
		t.Fatal(err)
	}
	p := mc.ZOPANonEmpty
	if p.Low > 0.5 || p.High < 0.5 {
		t.Errorf("P(ZOPA non-empty) = %.4f, 95%% interval [%.4f, %.4f] misses the exact 0.5", p.Share, p.Low, p.High)
	}
	// A higher reservation can only shrink the ZOPA: the correlation must be negative.
	if rho := mc.Sensitivity[0].Rho; rho == nil || *rho > -0.5 {
		t.Errorf("rank correlation of the buyer's reservation with ZOPA size %v, want strongly negative", rho)
	}
}

func TestMonteCarloTruncatedNormalStaysInRange(t *testing.T) {
	sc := loadFixture(t, "price.yaml").Scenario.Clone()
	// A normal around 0.95 with sd 0.2 would cross 1 often; truncated, no draw may.
	sc.Uncertainty = []sim.Uncertain{{Path: "actors.seller.reservation", Dist: "normal", Mean: 0.95, SD: 0.2}}
	mc, err := sim.RunMonteCarlo(context.Background(), scenariotest.Compile(t, sc), sim.MonteCarloOptions{Draws: 2000, Seed: 5})
	if err != nil {
		t.Fatal(err)
	}
	s := mc.Sensitivity[0]
	if s.Min < 0 || s.Max > 1 || s.Max < 0.99 {
		t.Errorf("draws ranged over [%g, %g]; want inside [0,1] and reaching near 1", s.Min, s.Max)
	}
}

func TestMonteCarloSameSeedSameResultOnAnyWorkers(t *testing.T) {
	sc := scenariotest.Shipped(t, scenarios.Default, "").Scenario
	var out []string
	for _, workers := range []int{1, 2, 3} {
		mc, err := sim.RunMonteCarlo(context.Background(), scenariotest.Compile(t, sc), sim.MonteCarloOptions{Draws: 300, Seed: 42, Workers: workers, Top: 10})
		if err != nil {
			t.Fatal(err)
		}
		j, _ := json.Marshal(mc)
		out = append(out, string(j))
	}
	if out[0] != out[1] || out[0] != out[2] {
		t.Error("the same seed gave different results on 1, 2 and 3 workers")
	}
	other, _ := sim.RunMonteCarlo(context.Background(), scenariotest.Compile(t, sc), sim.MonteCarloOptions{Draws: 300, Seed: 43, Workers: 1, Top: 10})
	if j, _ := json.Marshal(other); string(j) == out[0] {
		t.Error("seeds 42 and 43 gave the same result: the seed is not used")
	}
}

func TestMonteCarloInterruptedReportsDrawsDone(t *testing.T) {
	sc := scenariotest.Shipped(t, scenarios.Default, "").Scenario
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var done atomic.Int64
	mc, err := sim.RunMonteCarlo(ctx, scenariotest.Compile(t, sc), sim.MonteCarloOptions{Draws: 1000, Seed: 1, Workers: 1, Progress: func() {
		if done.Add(1) == 100 {
			cancel()
		}
	}})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("error %v, want context.Canceled", err)
	}
	if mc == nil || !mc.Interrupted || mc.Draws != 100 || mc.Requested != 1000 || mc.ZOPANonEmpty.Of != 100 {
		t.Fatalf("got %+v, want an interrupted result over exactly the 100 finished draws", mc)
	}
}

func TestUncertaintyValidation(t *testing.T) {
	tests := []struct {
		name, entry, want string
	}{
		{"outside the valid range", "actors.buyer.reservation: {dist: uniform, min: 0.5, max: 1.5}", "can draw values in [0.5, 1.5], but the value must lie in [0, 1]"},
		{"unknown path", "actors.buyer.reservaton: {dist: uniform, min: 0, max: 1}", `did you mean "reservation"?`},
		{"not a number", "actors.buyer.veto: {dist: uniform, min: 0, max: 1}", "holds true or false"},
		{"unknown distribution", "actors.buyer.reservation: {dist: gaussian, mean: 0.5}", `unknown distribution "gaussian"`},
		{"triangle out of order", "actors.buyer.reservation: {dist: triangular, min: 0.2, mode: 0.6, max: 0.5}", "min ≤ mode ≤ max"},
		{"negative sd", "actors.buyer.reservation: {dist: normal, mean: 0.5, sd: -1}", "sd -1 is negative"},
		{"beta without shape", "actors.buyer.reservation: {dist: beta, alpha: 0, beta: 2}", "alpha and beta above 0"},
		{"parameter of another distribution", "actors.buyer.reservation: {dist: uniform, min: 0.1, max: 0.2, sd: 1}", "uniform does not take sd"},
	}
	price := fixture(t, "price.yaml")
	// The entry is on the line after "uncertainty:", which follows the fixture's last line.
	line := strings.Count(price, "\n") + 2
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := price + "uncertainty:\n  " + tt.entry + "\n"
			_, err := config.Load("u.yaml", []byte(src))
			var list sim.Diagnostics
			if !errors.As(err, &list) {
				t.Fatalf("got %v, want a list of located errors", err)
			}
			found := false
			for _, e := range list {
				if strings.Contains(e.Message, tt.want) && e.Line == line {
					found = true
				}
			}
			if !found {
				t.Errorf("errors %v lack %q at line %d", list, tt.want, line)
			}
		})
	}
}

func TestParseUncertain(t *testing.T) {
	tests := []struct {
		spec string
		want sim.Uncertain
		err  string
	}{
		{"a.b=uniform(0.1, 0.4)", sim.Uncertain{Path: "a.b", Dist: "uniform", Min: 0.1, Max: 0.4}, ""},
		{"a.b=triangular(0,0.5,1)", sim.Uncertain{Path: "a.b", Dist: "triangular", Min: 0, Mode: 0.5, Max: 1}, ""},
		{"a.b=normal(0.5,0.1)", sim.Uncertain{Path: "a.b", Dist: "normal", Mean: 0.5, SD: 0.1}, ""},
		{"a.b=normal(0.5,0.1,0.3,0.7)", sim.Uncertain{Path: "a.b", Dist: "normal", Mean: 0.5, SD: 0.1, Min: 0.3, Max: 0.7}, ""},
		{"a.b=beta(2,5)", sim.Uncertain{Path: "a.b", Dist: "beta", Alpha: 2, Beta: 5}, ""},
		{"a.b=uniform(0.1)", sim.Uncertain{}, "uniform takes uniform(min,max)"},
		{"a.b=unifrom(0,1)", sim.Uncertain{}, `did you mean "uniform"?`},
		{"a.b=uniform(0,x)", sim.Uncertain{}, `"x" is not a number`},
		{"a.b", sim.Uncertain{}, "write PATH=DIST(ARGS)"},
	}
	for _, tt := range tests {
		got, err := sim.ParseUncertain(tt.spec)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("ParseUncertain(%q): error %v, want one containing %q", tt.spec, err, tt.err)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("ParseUncertain(%q) = %+v, %v; want %+v", tt.spec, got, err, tt.want)
		}
	}
}
