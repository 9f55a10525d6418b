package sim

import "math"

// Voting power of a decision rule (MODEL.md section 6): how often an actor's vote decides,
// whatever the deal. A coalition wins when it holds every veto actor and the votes needed.
//
// Shapley–Shubik: in a random order of the voters, the share of orders in which the actor's
// vote is the one that turns the coalition so far into a winning one. Banzhaf (normalised):
// the actor's swings, coalitions of the others that lose without it and win with it, as a
// share of all voters' swings. Both count coalitions by size and votes, one voter at a time
// (the generating function of the weighted game), which is exact and takes n² · n · votes
// steps where listing coalitions takes 2ⁿ.

// MaxPowerVoters is the largest number of voters whose power indices are computed; beyond
// it the report says so instead.
const MaxPowerVoters = 25

// PowerIndex is one voter's power under the decision rule.
type PowerIndex struct {
	ShapleyShubik float64 `json:"shapley_shubik"`
	Banzhaf       float64 `json:"banzhaf"`
}

// weightedGame is a decision rule as a simple game: voters with votes, some with a veto,
// and the votes a winning coalition needs.
type weightedGame struct {
	votes  []int
	veto   []bool
	needed int
}

// wins reports whether the coalition given as a membership mask wins.
func (g *weightedGame) wins(in func(i int) bool) bool {
	votes := 0
	for i := range g.votes {
		if in(i) {
			votes += g.votes[i]
		} else if g.veto[i] {
			return false
		}
	}
	return votes >= g.needed
}

// maxPowerCells bounds the table of coalitions by size and votes the indices are counted
// in, so that a rule with millions of votes cannot exhaust memory.
const maxPowerCells = 1 << 22

// reduced is the same game with every vote count and the votes needed divided by their
// greatest common divisor: seats in hundreds count as hundreds of seats do.
func (g *weightedGame) reduced() *weightedGame {
	d := g.needed
	for _, v := range g.votes {
		d = gcd(d, v)
	}
	if d <= 1 {
		return g
	}
	r := &weightedGame{votes: make([]int, len(g.votes)), veto: g.veto, needed: g.needed / d}
	for i, v := range g.votes {
		r.votes[i] = v / d
	}
	return r
}

func gcd(a, b int) int {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

// powerIndices returns each voter's Shapley–Shubik and normalised Banzhaf index; nil when
// the votes are too many to count coalitions by exactly.
func (g *weightedGame) powerIndices() []PowerIndex {
	g = g.reduced()
	n := len(g.votes)
	out := make([]PowerIndex, n)
	if n == 0 {
		return out
	}
	if (g.needed+1)*(n+1) > maxPowerCells {
		return nil
	}
	// weight[s] is the Shapley–Shubik weight of a coalition of s others: s!(n−s−1)!/n!.
	weight := make([]float64, n)
	for s := range weight {
		lg := func(x int) float64 { v, _ := math.Lgamma(float64(x) + 1); return v }
		weight[s] = math.Exp(lg(s) + lg(n-s-1) - lg(n))
	}
	swings := make([]float64, n)
	for i := range g.votes {
		// The others that must join any winning coalition: every other veto actor.
		mustCount, mustVotes := 0, 0
		var free []int
		for j := range g.votes {
			switch {
			case j == i:
			case g.veto[j]:
				mustCount++
				mustVotes += g.votes[j]
			default:
				free = append(free, j)
			}
		}
		// ways[s][w]: coalitions of s free voters holding w votes, w capped at needed.
		top := g.needed
		ways := make([][]float64, len(free)+1)
		for s := range ways {
			ways[s] = make([]float64, top+1)
		}
		ways[0][0] = 1
		for fi, j := range free {
			for s := fi; s >= 0; s-- {
				for w := top; w >= 0; w-- {
					if c := ways[s][w]; c != 0 {
						ways[s+1][min(top, w+g.votes[j])] += c
					}
				}
			}
		}
		for s := range ways {
			for w, c := range ways[s] {
				if c == 0 {
					continue
				}
				// The coalition of others: every other veto actor and these free voters.
				before := min(top, mustVotes+w)
				after := mustVotes + w + g.votes[i]
				// Without i it loses: it lacks i's veto, or its votes fall short.
				loses := g.veto[i] || before < g.needed
				if loses && after >= g.needed {
					swings[i] += c
					out[i].ShapleyShubik += c * weight[mustCount+s]
				}
			}
		}
	}
	total := 0.0
	for _, x := range swings {
		total += x
	}
	for i := range out {
		if total > 0 {
			out[i].Banzhaf = swings[i] / total
		}
	}
	return out
}
