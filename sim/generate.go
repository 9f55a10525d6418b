package sim

import (
	"fmt"
	"math/rand/v2"
)

// GenerateSpec describes a random scenario of a given size, for benchmarks, property tests
// and load checks: every actor holds a veto and values every issue, with random weights and
// utilities on a grid of hundredths, and all share one reservation, so the ZOPA is a thin
// slice of a large space.
type GenerateSpec struct {
	Issues, Options, Actors int
	Reservation             float64
	Seed                    uint64
	// RedLines gives each actor one red line: it rejects one option of one issue.
	RedLines bool
	// Spread, when above 0, makes every reservation uncertain: uniform within ±Spread.
	Spread float64
}

// PerfCases are the generated scenarios negsim's performance targets are stated on (see
// the README's Performance section): the benchmarks build them in memory, and
// cmd/negsim/testdata/perf holds them as files for whole-process measurements.
var PerfCases = []PerfCase{
	{"8x5-4actors", GenerateSpec{Issues: 8, Options: 5, Actors: 4, Reservation: 0.5, Seed: 1}},
	{"10x6-5actors", GenerateSpec{Issues: 10, Options: 6, Actors: 5, Reservation: 0.5, Seed: 2}},
	{"12x6-5actors", GenerateSpec{Issues: 12, Options: 6, Actors: 5, Reservation: 0.55, Seed: 3}},
}

// PerfCase is a generated scenario a benchmark is run on, named for its size.
type PerfCase struct {
	Name string
	Spec GenerateSpec
}

// Generate builds the scenario a spec describes; the same spec gives the same scenario.
func Generate(g GenerateSpec) *Scenario {
	rng := rand.New(rand.NewPCG(g.Seed, 1))
	sc := &Scenario{
		Name:        fmt.Sprintf("generated %d×%d, %d actors", g.Issues, g.Options, g.Actors),
		Description: fmt.Sprintf("A random scenario (seed %d) for measuring negsim; its numbers mean nothing.", g.Seed),
	}
	for k := 0; k < g.Issues; k++ {
		is := Issue{ID: fmt.Sprintf("i%d", k), Name: fmt.Sprintf("issue %d", k)}
		for o := 0; o < g.Options; o++ {
			is.Options = append(is.Options, Option{ID: fmt.Sprintf("o%d", o)})
		}
		sc.Issues = append(sc.Issues, is)
	}
	for a := 0; a < g.Actors; a++ {
		act := NewActor(fmt.Sprintf("a%d", a), fmt.Sprintf("actor %d", a))
		act.Reservation = g.Reservation
		redLine := -1
		if g.RedLines {
			redLine = rng.IntN(g.Issues)
		}
		for k, is := range sc.Issues {
			pr := Preference{Issue: is.ID, Weight: float64(1 + rng.IntN(10)), Utilities: map[string]float64{}}
			for _, o := range is.Options {
				pr.Utilities[o.ID] = float64(rng.IntN(101)) / 100
			}
			if k == redLine {
				for o, opt := range is.Options {
					if o != a%g.Options {
						pr.Acceptable = append(pr.Acceptable, opt.ID)
					}
				}
			}
			act.Preferences = append(act.Preferences, pr)
		}
		sc.Actors = append(sc.Actors, act)
		if g.Spread > 0 {
			sc.Uncertainty = append(sc.Uncertainty, Uncertain{Path: "actors." + act.ID + ".reservation", Dist: DistUniform,
				Min: g.Reservation - g.Spread, Max: g.Reservation + g.Spread})
		}
	}
	return sc
}
