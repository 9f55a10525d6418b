package sim

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
)

// byteSource reads a fuzz input as a stream of small choices; past its end every choice
// is 0, so any input, even an empty one, decodes to a scenario.
type byteSource struct {
	data []byte
	pos  int
}

func (b *byteSource) next() int {
	if b.pos >= len(b.data) {
		return 0
	}
	b.pos++
	return int(b.data[b.pos-1])
}

// upTo returns a choice in [0, n).
func (b *byteSource) upTo(n int) int { return b.next() % n }

// scenarioFromBytes decodes a small scenario (at most 4 issues of 4 options, 4 actors):
// every feature the engine prunes on can be switched on by the bytes, and values come
// from a coarse grid, so ties and deals exactly at a reservation are common. Most inputs
// are valid; invalid ones (all weights zero, for one) exercise validation.
func scenarioFromBytes(data []byte) *Scenario {
	b := &byteSource{data: data}
	sc := &Scenario{Name: "fuzz"}
	for k := 0; k <= b.upTo(4); k++ {
		is := Issue{ID: fmt.Sprintf("i%d", k), Name: "issue"}
		for o := 0; o <= b.upTo(4); o++ {
			is.Options = append(is.Options, Option{ID: fmt.Sprintf("o%d", o)})
		}
		sc.Issues = append(sc.Issues, is)
	}
	for a := 0; a <= b.upTo(4); a++ {
		flags := b.next()
		act := Actor{ID: fmt.Sprintf("a%d", a), Name: "actor", Veto: a == 0 || flags&1 == 0,
			Power: float64(1 + b.upTo(4)), Reservation: float64(b.upTo(11)) / 10}
		for _, is := range sc.Issues {
			mode := b.next()
			if mode&3 == 3 {
				continue
			}
			pr := Preference{Issue: is.ID, Weight: float64(b.upTo(5))}
			if mode&4 != 0 {
				pr.Ideal = is.Options[b.upTo(len(is.Options))].ID
				if mode&8 != 0 {
					pr.Shape = ShapeQuadratic
				}
			} else {
				pr.Utilities = map[string]float64{}
				for _, o := range is.Options {
					pr.Utilities[o.ID] = float64(b.upTo(5)) / 4
				}
			}
			if mode&16 != 0 {
				mask := b.next()
				pr.Acceptable = []string{}
				for o, opt := range is.Options {
					if mask&(1<<o) != 0 {
						pr.Acceptable = append(pr.Acceptable, opt.ID)
					}
				}
			}
			act.Preferences = append(act.Preferences, pr)
		}
		if flags&2 != 0 && len(sc.Issues) > 1 {
			i, j := b.upTo(len(sc.Issues)), b.upTo(len(sc.Issues))
			act.Constraints = append(act.Constraints, Constraint{
				If:   map[string][]string{sc.Issues[i].ID: {sc.Issues[i].Options[b.upTo(len(sc.Issues[i].Options))].ID}},
				Then: map[string][]string{sc.Issues[j].ID: {sc.Issues[j].Options[b.upTo(len(sc.Issues[j].Options))].ID}},
			})
		}
		sc.Actors = append(sc.Actors, act)
	}
	return sc
}

// FuzzEngine analyses small scenarios decoded from the fuzz input and checks the answer
// against the brute-force reference and the laws of invariant_test.go: an invalid
// scenario is refused by Compile with an error, a valid one is analysed without a panic,
// with the brute force's ZOPA and frontier, and with solutions that are ZOPA deals no
// other deal beats for every veto actor.
func FuzzEngine(f *testing.F) {
	f.Add([]byte{})
	f.Add([]byte{1, 2, 1, 0, 0, 3, 5, 0, 4, 1, 2, 3, 4, 0, 2, 1})
	f.Add([]byte{3, 3, 3, 3, 3, 3, 2, 2, 0, 10, 16, 3, 0b101, 20, 2, 7, 2, 1, 1, 1, 5})
	f.Add([]byte{2, 1, 1, 3, 0, 0, 0, 9, 24, 1, 5, 0, 1, 2, 6, 0, 3, 9, 4, 4, 4, 4})
	f.Add([]byte("a reasonably long input that switches on many features at once"))
	f.Fuzz(func(t *testing.T, data []byte) {
		sc := scenarioFromBytes(data)
		invalid := sc.Validate().Errors()
		sp, err := Compile(sc)
		if len(invalid) > 0 {
			if err == nil {
				t.Fatalf("Compile accepted a scenario Validate refuses: %v", invalid)
			}
			return
		}
		if err != nil {
			t.Fatalf("Compile refused a valid scenario: %v", err)
		}
		an, err := Analyze(context.Background(), sp, Options{Limit: 1 << 20, Workers: 2})
		if err != nil {
			t.Fatal(err)
		}
		want := solveByBruteForce(sp)
		if an.ZOPA.Count != want.count || an.Pareto.Count != len(want.pareto) || an.Pareto.Distinct != want.distinct {
			t.Fatalf("ZOPA %d, frontier %+v; brute force %d, %d deals, %d distinct\n%s",
				an.ZOPA.Count, an.Pareto, want.count, len(want.pareto), want.distinct, scenarioJSON(sc))
		}
		for _, d := range an.ZOPA.Deals {
			if !slices.ContainsFunc(want.zopa, func(z []int) bool { return slices.Equal(z, d.Choice) }) {
				t.Fatalf("listed deal %v is not in the brute-force ZOPA\n%s", d.Choice, scenarioJSON(sc))
			}
		}
		checkParetoAndSolutions(t, sp, an)
		if an.ZOPA.Count == 0 && an.Diagnosis == nil {
			t.Fatalf("empty ZOPA without a diagnosis\n%s", scenarioJSON(sc))
		}
	})
}

// FuzzParseDeal: whatever a student types after --deal, ParseDeal returns a complete deal
// or an error, never a panic; a deal it returns names a valid option of every issue, and
// writing it back out parses to the same deal.
func FuzzParseDeal(f *testing.F) {
	sc := twoByTwo()
	for _, seed := range []string{"a=a0,b=b1", " b = b0 , a = a2 ", "a=a0", "a=a0,b=b1,a=a1", "a=,b=b0", "teritory=x", "=", ",,,", "a=a0,b=b1,", "a=a0;b=b1"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, s string) {
		choice, err := ParseDeal(s, sc)
		if err != nil {
			return
		}
		if len(choice) != len(sc.Issues) {
			t.Fatalf("%q: %d options for %d issues", s, len(choice), len(sc.Issues))
		}
		var parts []string
		for k, o := range choice {
			if o < 0 || o >= len(sc.Issues[k].Options) {
				t.Fatalf("%q: option %d out of range on issue %s", s, o, sc.Issues[k].ID)
			}
			parts = append(parts, sc.Issues[k].ID+"="+sc.Issues[k].Options[o].ID)
		}
		again, err := ParseDeal(strings.Join(parts, ","), sc)
		if err != nil || !slices.Equal(again, choice) {
			t.Fatalf("%q parsed to %v, which reads back as %v (%v)", s, choice, again, err)
		}
	})
}
