package sim_test

import (
	"context"
	"encoding/json"
	"math"
	"strings"
	"testing"

	"github.com/negsim/negsim/config"
	"github.com/negsim/negsim/sim"
)

// The accord (testdata/accord.yaml) is a teacher's assignment using every structure at once:
// the EU and China hold vetoes, the island states and the oil exporters vote without one,
// a deal needs 3 of the 4 table votes, and the European Parliament (720 seats, 361 needed,
// all voting as one bloc) ratifies for the EU. Every expected value below is worked out by
// hand from MODEL.md; a short script written from MODEL.md alone agreed with each.
//
// Utilities, weights normalised (eu 40/20/25/15, china 30/30/10/30, islands 40/40/20 with
// review weight 0, petro 20/20/60, parliament 50/30/20 with finance weight 0). The deals
// both vetoes and the Parliament accept and that pass the votes (target = deep and
// review = voluntary in all of them, since China never takes binding review and the EU
// never a shallow target):
//
//	deal                          eu     china  islands petro  parl   votes
//	deep large  phase-out  vol    0.695  0.600  1.000   0.000  0.800  eu china islands = 3
//	deep large  phase-down vol    0.570  0.650  0.920   0.240  0.650  eu china islands = 3
//	deep medium phase-out  vol    0.815  0.480  0.800   0.100  0.800  eu china islands = 3
//	deep medium silent     vol    0.565  0.580  0.600   0.700  0.500  eu china petro   = 3
//	deep small  silent     vol    0.645  0.400  0.400   0.800  0.500  eu china petro   = 3
//
// e.g. eu on the first: 0.40·1 + 0.20·0 + 0.25·1 + 0.15·0.3 = 0.695; china: 0.3·0 + 0.3·1 +
// 0.1·0 + 0.3·1 = 0.6. The Parliament's 0.500 is exactly its reservation: inside.
// deep medium phase-down vol (eu 0.69, china 0.53) has both vetoes but only 2 votes (islands
// 0.72 < 0.75, petro 0.34 < 0.35), so it fails: 5 deals pass.
func TestAccordByHand(t *testing.T) {
	an := analyzeFixture(t, "accord.yaml")
	var got struct {
		ZOPA struct {
			Count         uint64 `json:"count"`
			LevelOneCount uint64 `json:"level_one_count"`
		} `json:"zopa"`
		Pareto struct {
			Count uint64 `json:"count"`
		} `json:"pareto"`
		Solutions struct {
			Nash struct {
				Options map[string]string `json:"options"`
			} `json:"nash"`
		} `json:"solutions"`
		Decision struct {
			Voters []struct {
				Actor   string `json:"actor"`
				Pivotal uint64 `json:"pivotal"`
			} `json:"voters"`
		} `json:"decision"`
		Power        map[string]map[string]float64 `json:"power"`
		Ratification map[string]struct {
			WinSet uint64 `json:"win_set"`
		} `json:"ratification"`
		Beliefs map[string]struct {
			ZOPACount  uint64 `json:"zopa_count"`
			FalseHopes uint64 `json:"false_hopes"`
			Missed     uint64 `json:"missed"`
			InTrue     bool   `json:"nash_in_true_zopa"`
		} `json:"beliefs"`
	}
	data, err := json.Marshal(an)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &got); err != nil {
		t.Fatal(err)
	}
	// Level I adds three medium-target deals the vetoes and the oil exporters accept and the
	// Parliament (0.5·0.5 + 0.3·phaseout + 0.2·review) rejects: medium medium phase-down vol
	// (eu 0.53, china 0.74, petro 0.44; parl 0.25 + 0.15 = 0.40), medium small phase-down vol
	// (0.61, 0.56, 0.54; 0.40) and medium small silent vol (0.485, 0.61, 0.90; 0.25): 8.
	if got.ZOPA.Count != 5 || got.ZOPA.LevelOneCount != 8 {
		t.Errorf("zone %d, Level I %d; want 5 and 8", got.ZOPA.Count, got.ZOPA.LevelOneCount)
	}
	// Frontier over (eu, china): (0.695, 0.6), (0.57, 0.65), (0.815, 0.48) dominate
	// nothing of each other; (0.565, 0.58) is beaten by (0.695, 0.6), (0.645, 0.4) too.
	if got.Pareto.Count != 3 {
		t.Errorf("Pareto %d, want 3", got.Pareto.Count)
	}
	// Nash products: 0.245·0.2 = 0.049, 0.12·0.25 = 0.03, 0.365·0.08 = 0.0292,
	// 0.115·0.18 = 0.0207, 0.195·0 = 0: the first.
	want := map[string]string{"target": "deep", "finance": "large", "phaseout": "phase-out", "review": "voluntary"}
	for k, v := range want {
		if got.Solutions.Nash.Options[k] != v {
			t.Errorf("Nash %v, want %v", got.Solutions.Nash.Options, want)
			break
		}
	}
	// Pivotal: each veto for all 5; islands for the 3 deals petro rejects; petro for the
	// 2 deals the islands reject.
	pivotal := map[string]uint64{"eu": 5, "china": 5, "islands": 3, "petro": 2}
	for _, v := range got.Decision.Voters {
		if v.Pivotal != pivotal[v.Actor] {
			t.Errorf("%s pivotal for %d, want %d", v.Actor, v.Pivotal, pivotal[v.Actor])
		}
	}
	// Shapley–Shubik over the 24 orders: a coalition wins with eu, china and one of
	// islands/petro. Islands completes it only when it comes third after both vetoes with
	// petro last: 2 orders, 1/12; petro the same; the vetoes share the rest, 5/12 each.
	// Banzhaf: winning coalitions {e,c,i} (3 swings), {e,c,p} (3), {e,c,i,p} (e, c: 2);
	// e 3, c 3, i 1, p 1 of 8.
	ss := map[string]float64{"eu": 5.0 / 12, "china": 5.0 / 12, "islands": 1.0 / 12, "petro": 1.0 / 12}
	bz := map[string]float64{"eu": 3.0 / 8, "china": 3.0 / 8, "islands": 1.0 / 8, "petro": 1.0 / 8}
	for id := range ss {
		p := got.Power[id]
		if math.Abs(p["shapley_shubik"]-ss[id]) > 1e-9 || math.Abs(p["banzhaf"]-bz[id]) > 1e-9 {
			t.Errorf("%s power %v, want Shapley–Shubik %.5f, Banzhaf %.5f", id, p, ss[id], bz[id])
		}
	}
	// The Parliament ratifies a deal worth 0.5 to it: 0.5·target + 0.3·phaseout +
	// 0.2·review. Every deep deal gives at least 0.5 + 0 + 0: 18 deals. A medium one needs
	// 0.25 + 0.3·phaseout + 0.2·review ≥ 0.5: phase-out (0.55 or 0.75) with either review,
	// or phase-down with binding (0.25 + 0.15 + 0.2 = 0.6): 3 pairs × 3 finance = 9. Shallow
	// is its red line. 18 + 9 = 27 of the 54.
	if got.Ratification["eu"].WinSet != 27 {
		t.Errorf("the EU's win-set %d, want 27", got.Ratification["eu"].WinSet)
	}
	// China believes the islands' reservation is 0.2: then the islands also accept deep
	// medium phase-down vol (0.72), which gains its third vote: one false hope, 6 deals.
	b := got.Beliefs["china"]
	if b.ZOPACount != 6 || b.FalseHopes != 1 || b.Missed != 0 || !b.InTrue {
		t.Errorf("china's picture %+v, want 6 deals, 1 false hope, 0 missed, its Nash deal truly passing", b)
	}
}

// analyzeFixture analyses testdata/name as the file writes it.
func analyzeFixture(t *testing.T, name string) *sim.Analysis {
	t.Helper()
	an, err := sim.Analyze(context.Background(), loadFixture(t, name).Space, sim.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return an
}

// A vote's range is the votes it counts among: the table's (1+1+1+1 = 4) for a table
// actor, its ratification's (720) for a ratifier. Counting the Parliament's 720 seats in
// the EU's range made a change of one table vote 1/724 = 0.14% of it, ranked before every
// real concession by sensitivity; of 4 it is 25%, as decision.votes_needed's 1 of 4 is.
func TestVotesRangeIsTheVotesTheyCountAmong(t *testing.T) {
	doc := loadFixture(t, "accord.yaml")
	max := map[string]float64{}
	for _, p := range doc.Scenario.Params() {
		if strings.HasSuffix(p.Path, ".votes") && p.Max != nil {
			max[p.Path] = *p.Max
		}
	}
	for path, want := range map[string]float64{
		"actors.eu.votes": 4, "actors.china.votes": 4, "actors.islands.votes": 4, "actors.petro.votes": 4,
		"actors.parliament.votes": 720,
	} {
		if max[path] != want {
			t.Errorf("%s runs to %v, want %v", path, max[path], want)
		}
	}
	rep, err := sim.RunSensitivity(context.Background(), doc.Space, sim.SensitivityOptions{Only: []sim.Category{"votes"}})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rep.Rows {
		if r.Path != "actors.eu.votes" {
			continue
		}
		// 1 → 0 closes the zone: china, islands and petro must then all accept, and the one
		// deal they share, deep large silent vol, is worth 0.40 + 0 + 0 + 0.045 = 0.445 to
		// the EU, below its 0.45. 1 → 2 lets the EU and China pass a deal alone. Either
		// change is 1 of 4.
		if r.Nearest == nil || math.Abs(*r.Nearest-0.25) > 1e-9 {
			t.Errorf("actors.eu.votes ranks at %v of its range, want 0.25", derefOr(r.Nearest))
		}
		return
	}
	t.Error("no sensitivity row for actors.eu.votes")
}

// derefOr is *f, or NaN for nil, for a message.
func derefOr(f *float64) float64 {
	if f == nil {
		return math.NaN()
	}
	return *f
}

// The accord cut to paper size (testdata/accord-tiny.yaml): two issues, six deals, the EU
// (ratified by the Parliament) and China. Utilities, weights 50/50:
//
//	deal             eu                  china               parliament
//	deep large       0.5 + 0.1 = 0.6     0 + 0.5 = 0.5       1.0
//	deep small       0.5 + 0.5 = 1.0     0 + 0 = 0 (and its constraint: small → not deep)
//	medium large     0.2 + 0.1 = 0.3     0.3 + 0.5 = 0.8     0.6
//	medium small     0.2 + 0.5 = 0.7     0.3 + 0 = 0.3       0.6
//	shallow large    red line            1.0                 0
//	shallow small    red line            0.5                 0
//
// EU (0.5) accepts deep large, deep small, medium small; China (0.3, inclusive) deep large,
// medium large, medium small, both shallow. Level I: deep large and medium small. The
// Parliament (0.65) ratifies the deep deals only: win-set 2, zone {deep large}, whose Nash
// product is 0.1 · 0.2 = 0.02. China believes the Parliament's reservation is 0.5, which
// lets medium small (0.6) through: it pictures 2 deals, one a false hope.
func TestTinyAccordByHand(t *testing.T) {
	doc := loadFixture(t, "accord-tiny.yaml")
	an, err := sim.Analyze(context.Background(), doc.Space, sim.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if an.ZOPA.Count != 1 || an.ZOPA.LevelOneCount == nil || *an.ZOPA.LevelOneCount != 2 {
		t.Errorf("zone %d, Level I %v; want 1 and 2", an.ZOPA.Count, an.ZOPA.LevelOneCount)
	}
	if r := an.Ratification["eu"]; r == nil || r.WinSet != 2 {
		t.Errorf("the EU's win-set %+v, want 2 deals", r)
	}
	if b := an.Beliefs["china"]; b == nil || b.ZOPACount != 2 || b.FalseHopes != 1 || b.Missed != 0 {
		t.Errorf("China's picture %+v, want 2 deals, 1 false hope, none missed", b)
	}

	// What would it take, each threshold where deep large, the zone's one deal, stops
	// passing (or, for a weight, where its worth meets the reservation):
	//	eu reservation up to 0.6, its utility there; china's up to 0.5;
	//	eu target weight w with 50 for finance: w/(w+50) + 0.2·50/(w+50) = 0.5 at w = 30;
	//	eu finance weight f: (50 + 0.2f)/(50+f) = 0.5 at f = 25/0.3 = 83.333…;
	//	china finance weight f: f/(50+f) = 0.3 at f = 15/0.7 = 21.428…;
	//	the Parliament's utility of deep down to its reservation, 0.65.
	want := map[string]float64{
		"actors.eu.reservation":                               0.6,
		"actors.china.reservation":                            0.5,
		"actors.eu.preferences.target.weight":                 30,
		"actors.eu.preferences.finance.weight":                250.0 / 3,
		"actors.china.preferences.finance.weight":             150.0 / 7,
		"actors.parliament.preferences.target.utilities.deep": 0.65,
	}
	rep, err := sim.RunSensitivity(context.Background(), doc.Space, sim.SensitivityOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rep.Rows {
		w, ok := want[r.Path]
		if !ok {
			continue
		}
		delete(want, r.Path)
		var at []float64
		for _, tp := range []*sim.Tipping{r.Below, r.Above} {
			if tp != nil {
				at = append(at, tp.At)
			}
		}
		if len(at) != 1 || math.Abs(at[0]-w) > 1e-6 {
			t.Errorf("%s tips at %v, want only %.6f", r.Path, at, w)
		}
	}
	if len(want) > 0 {
		t.Errorf("no rows for %v", want)
	}

	// Alternating offers over 3 rounds, both linear (e = 1): aspirations 1, 0.75, 0.5 for
	// the EU (best 1, reservation 0.5) and 1, 0.65, 0.3 for China (best 1, 0.3). Round 0:
	// the EU wants 1; no deal within both sides' red lines gives it that, so it offers its
	// best, medium small (0.7). Round 1: China offers medium large (0.8 ≥ 0.65); the EU
	// (0.3) refuses. Round 2: the EU, at 0.5, offers among deep large (0.6) and medium small
	// (0.7, which the Parliament would not ratify) the one best for China: deep large, worth
	// 0.5 ≥ 0.3 to it: agreement in round 2.
	tr, err := sim.Rounds(context.Background(), doc.Space, sim.RoundsOptions{})
	if err != nil {
		t.Fatal(err)
	}
	out := tr.Outcome
	if !out.Agreement || out.Round != 2 || out.Deal == nil || out.Deal.Options["target"] != "deep" || out.Deal.Options["finance"] != "large" {
		t.Errorf("outcome %+v, want agreement in round 2 on deep large", out)
	}
}

// A product of surpluses that is zero must read 0, never -0. Under greener-parliament
// (the Parliament's reservation 0.5 → 0.6) two deals leave the accord's zone, one of them
// deep small silent voluntary, worth 0.3·0 + 0.3·0 + 0.1·1 + 0.3·1 = 0.4 to China, exactly
// its reservation: a Nash product of 0.195 · 0 = 0. Summed in floating point China's
// surplus came out a hair below 0, and compare printed the product as "-0".
func TestANashProductOfZeroIsNotNegative(t *testing.T) {
	before := loadFixture(t, "accord.yaml")
	after, err := config.Open("accord.yaml", []byte(fixture(t, "accord.yaml")), "greener-parliament", nil)
	if err != nil {
		t.Fatal(err)
	}
	c, err := sim.Compare(context.Background(), before.Space, after.Space, sim.CompareOptions{Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	if c.LeavingCount != 2 {
		t.Fatalf("%d deals leave, want 2 (deep medium silent and deep small silent, both 0.5 to the Parliament)", c.LeavingCount)
	}
	for _, d := range c.Leaving {
		if d.NashProduct == 0 && math.Signbit(d.NashProduct) {
			t.Errorf("%v: Nash product -0", d.Options)
		}
	}
	data, err := json.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(data), ":-0,") || strings.Contains(string(data), ":-0}") {
		t.Errorf("the comparison's JSON holds a -0: %s", data)
	}
}

// A distribution on a belief was valid to validate and then stopped montecarlo with
// "holds a group of settings, not a number with decimals" and no file or line. A belief
// moves only its holder's picture, which montecarlo does not report, so validate refuses it
// where it is written and points to the value itself.
func TestUncertaintyOnABeliefIsRefusedWhereItIsWritten(t *testing.T) {
	src := fixture(t, "accord-tiny.yaml") + "uncertainty:\n  actors.china.beliefs.set.actors.parliament.reservation: {dist: uniform, min: 0.3, max: 0.7}\n"
	_, err := config.Load("belief.yaml", []byte(src))
	if err == nil {
		t.Fatal("a distribution on China's belief was accepted")
	}
	msg := err.Error()
	for _, want := range []string{
		"belief.yaml:", // the file and its line
		"uncertainty.actors.china.beliefs.set.actors.parliament.reservation",
		`a belief of "china" changes only its picture of the zone`,
		"give the distribution to actors.parliament.reservation itself",
	} {
		if !strings.Contains(msg, want) {
			t.Errorf("%q lacks %q", msg, want)
		}
	}
}
