package sim

import (
	"math"
	"math/rand/v2"
	"testing"
)

// The UN Security Council: five permanent members with a veto and ten elected members, one
// vote each, nine votes needed.
//
// Shapley–Shubik, by hand: an elected member is pivotal when the members before it are the
// five permanent ones and exactly three of the nine other elected ones, eight in all, so
// its index is C(9,3)·8!·6!/15! = 84·40320·720/1307674368000 = 0.0018648; the five permanent
// members share the rest, (1 − 10·0.0018648)/5 = 0.19627 each (Felsenthal & Machover 1998;
// MODEL.md gives 0.1963 and 0.00186).
//
// Banzhaf, by hand: an elected member swings a coalition of the five permanent members and
// exactly three of the other nine elected: C(9,3) = 84 swings. A permanent member swings a
// coalition of the other four and at least four of the ten elected (4 + 4 + itself = 9):
// C(10,4)+…+C(10,10) = 210+252+210+120+45+10+1 = 848 swings. In all 5·848 + 10·84 = 5080,
// so 848/5080 = 0.166929 per permanent member and 84/5080 = 0.016535 per elected one.
func TestPowerSecurityCouncil(t *testing.T) {
	g := &weightedGame{needed: 9}
	for i := 0; i < 15; i++ {
		g.votes = append(g.votes, 1)
		g.veto = append(g.veto, i < 5)
	}
	p := g.powerIndices()
	const ssElected = 84.0 * 40320 * 720 / 1307674368000
	for i, x := range p {
		wantSS, wantB := ssElected, 84.0/5080
		if i < 5 {
			wantSS, wantB = (1-10*ssElected)/5, 848.0/5080
		}
		if math.Abs(x.ShapleyShubik-wantSS) > 1e-12 || math.Abs(x.Banzhaf-wantB) > 1e-12 {
			t.Errorf("voter %d: %+v; want Shapley–Shubik %.6f, Banzhaf %.6f", i, x, wantSS, wantB)
		}
	}
	if math.Abs(p[0].ShapleyShubik-0.1963) > 5e-5 || math.Abs(p[5].ShapleyShubik-0.00186) > 5e-6 {
		t.Errorf("published figures 0.1963 and 0.00186 not matched: %v, %v", p[0].ShapleyShubik, p[5].ShapleyShubik)
	}
}

// permutations calls f with every ordering of 0..n-1.
func permutations(n int, f func([]int)) {
	p := make([]int, n)
	for i := range p {
		p[i] = i
	}
	var rec func(k int)
	rec = func(k int) {
		if k == n {
			f(p)
			return
		}
		for i := k; i < n; i++ {
			p[k], p[i] = p[i], p[k]
			rec(k + 1)
			p[k], p[i] = p[i], p[k]
		}
	}
	rec(0)
}

// Against the definitions, read literally: every ordering for Shapley–Shubik, every
// coalition for Banzhaf, on small random rules.
func TestPowerAgainstEveryOrdering(t *testing.T) {
	rng := rand.New(rand.NewPCG(16, 1))
	for trial := 0; trial < 200; trial++ {
		n := 1 + rng.IntN(6)
		g := &weightedGame{}
		total := 0
		for i := 0; i < n; i++ {
			g.votes = append(g.votes, rng.IntN(4))
			g.veto = append(g.veto, rng.IntN(4) == 0)
			total += g.votes[i]
		}
		g.needed = rng.IntN(total + 1)
		pivots := make([]float64, n)
		orders := 0.0
		permutations(n, func(order []int) {
			orders++
			in := make([]bool, n)
			for _, i := range order {
				was := g.wins(func(j int) bool { return in[j] })
				in[i] = true
				if !was && g.wins(func(j int) bool { return in[j] }) {
					pivots[i]++
					break
				}
			}
		})
		swings := make([]float64, n)
		all := 0.0
		for mask := 0; mask < 1<<n; mask++ {
			for i := 0; i < n; i++ {
				if mask&(1<<i) != 0 {
					continue
				}
				without := g.wins(func(j int) bool { return mask&(1<<j) != 0 })
				with := g.wins(func(j int) bool { return j == i || mask&(1<<j) != 0 })
				if !without && with {
					swings[i]++
					all++
				}
			}
		}
		got := g.powerIndices()
		for i := range got {
			wantB := 0.0
			if all > 0 {
				wantB = swings[i] / all
			}
			if math.Abs(got[i].ShapleyShubik-pivots[i]/orders) > 1e-12 || math.Abs(got[i].Banzhaf-wantB) > 1e-12 {
				t.Fatalf("trial %d %+v: voter %d got %+v; want Shapley–Shubik %v, Banzhaf %v", trial, g, i, got[i], pivots[i]/orders, wantB)
			}
		}
	}
}

// Scaling every vote and the votes needed by the same factor changes no index, and a rule
// whose votes are too many to tabulate is refused, not counted into an exhausted memory.
func TestPowerScalesAndBounds(t *testing.T) {
	small := &weightedGame{votes: []int{3, 2, 2, 1}, veto: []bool{false, true, false, false}, needed: 5}
	big := &weightedGame{votes: []int{3000, 2000, 2000, 1000}, veto: small.veto, needed: 5000}
	a, b := small.powerIndices(), big.powerIndices()
	for i := range a {
		if a[i] != b[i] {
			t.Fatalf("voter %d: %+v at one vote a seat, %+v at a thousand", i, a[i], b[i])
		}
	}
	huge := &weightedGame{votes: []int{999_999_937, 999_999_929}, veto: []bool{false, false}, needed: 999_999_937}
	if huge.powerIndices() != nil {
		t.Fatal("a rule of a billion coprime votes was counted")
	}
}
