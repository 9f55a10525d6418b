package sim

import (
	"context"
	"slices"
)

// Counting a zone under quotas by inclusion and exclusion, without walking it.
//
// For a set T of a gate's voters, C(T) is the number of deals that every veto actor and
// every voter of T accept: a zone of vetoes alone, which the tree counts in the middle
// (count_mitm.go) or by its walk that takes whole subtrees, never deal by deal. The deals
// whose accepting voters are exactly S number E(S) = Σ_{T ⊇ S} (−1)^|T∖S| C(T) (Möbius
// inversion over the subsets of voters), so any count that depends only on which voters
// accept a deal, Σ_S w(S)·E(S), is Σ_T C(T)·μw(T), where μw(T) = Σ_{S ⊆ T} (−1)^|T∖S| w(S).
// The zone is w(S) = 1 when S's votes meet every quota; the deals a table voter is pivotal
// for are w(S) = 1 when, besides, its vote is needed. Only the sets with μw(T) ≠ 0 are
// counted, and a quota is generous with zeros: one that needs 3 of 4 votes asks for the
// four sets of three and the set of all four, and 150 of a ratifiers' 100, 55 and 45 votes
// asks only for the first two together.
//
// Counts are combined in 64-bit unsigned arithmetic, which wraps: the signed sum is exact
// modulo 2^64, and its true value lies in [0, 2^64), so the result is exact.

// inclusionMaxVoters and inclusionMaxCounts bound counting by inclusion: up to 12 voters
// left in the gate (a transform of 4096 sets per weight), and up to 16 sets to count.
// Beyond them, as with a council's ten elected members needing four votes (848 sets), the
// walk costs less.
//
// inclusionDealsPerCount is how many deals the vetoes' red lines must leave per set to
// count before the counts pay: a count in the middle costs about the square root of the
// space, in several dimensions, and the walk about the zone. Under BenchmarkAnalyzeDecided's
// rule (three vetoes, and all but one of the other votes: five sets at 12×6 and 10×6, four
// at 8×5) counting took half the walk's time at 2.2·10^9 deals, the same at 6·10^7 and half
// again as much at 4·10^5.
const (
	inclusionMaxVoters     = 12
	inclusionMaxCounts     = 16
	inclusionDealsPerCount = 1 << 24
)

// inclusion is how a zone is counted by inclusion and exclusion: the sets of voters to
// count, and the weight of each set's count in the zone (weights[0]) and in the deals each
// pivot is pivotal for (weights[1+i]), indexed by set.
type inclusion struct {
	sets    []uint
	weights [][]int64
}

// planInclusion plans the count of the zone of w's tree under w's gate and, for each of
// pivots (the table's voters without a veto; vetoVotes are the veto actors' votes), the
// zone deals its vote is needed for under a decision rule of needed votes. False when the
// sets to count are beyond the bounds.
func planInclusion(w *gatedWalk, pivots []tableVoter, vetoVotes, needed int) (*inclusion, bool) {
	g := w.g
	k := len(g.voters)
	if k > inclusionMaxVoters {
		return nil, false
	}
	// Votes every zone deal has: the veto actors', and those of the table's voters held as
	// hard rules, which accept every deal the tree admits.
	fixed := vetoVotes
	for _, p := range pivots {
		if p.gate < 0 {
			fixed += p.votes
		}
	}
	accepts := func(p tableVoter, s uint) bool { return p.gate < 0 || s>>p.gate&1 == 1 }
	tableVotes := func(s uint) int {
		votes := fixed
		for _, p := range pivots {
			if p.gate >= 0 && s>>p.gate&1 == 1 {
				votes += p.votes
			}
		}
		return votes
	}
	// weights[0] is the zone, weights[1+i] the deals pivots[i] is pivotal for.
	weights := make([][]int64, 1+len(pivots))
	for i := range weights {
		weights[i] = make([]int64, 1<<k)
	}
	for s := uint(0); s < 1<<k; s++ {
		if !g.met(func(m int) bool { return s>>m&1 == 1 }) {
			continue
		}
		weights[0][s] = 1
		votes := tableVotes(s)
		for i, p := range pivots {
			if accepts(p, s) && votes-p.votes < needed {
				weights[1+i][s] = 1
			}
		}
	}
	in := &inclusion{weights: weights}
	for _, wt := range weights {
		mobius(wt, k)
	}
	for s := uint(0); s < 1<<k; s++ {
		if slices.ContainsFunc(weights, func(wt []int64) bool { return wt[s] != 0 }) {
			in.sets = append(in.sets, s)
		}
	}
	if len(in.sets) > inclusionMaxCounts {
		return nil, false
	}
	return in, true
}

// pays reports whether counting by in costs less than walking w's tree.
func (in *inclusion) pays(w *gatedWalk) bool {
	return w.t.size[0]/inclusionDealsPerCount >= uint64(len(in.sets))
}

// tally counts the zone of w's tree under w's gate as planned: its size with how often each
// option occurs, and the deals each pivot is pivotal for.
func (in *inclusion) tally(ctx context.Context, w *gatedWalk) (*tally, []uint64, error) {
	g := w.g
	tal := w.t.newTally()
	pivotal := make([]uint64, len(in.weights)-1)
	for _, s := range in.sets {
		var required []gateVoter
		for m := range g.voters {
			if s>>m&1 == 1 {
				required = append(required, g.voters[m])
			}
		}
		c, err := require(w.t, required).tallyAll(ctx, 0)
		if err != nil {
			return nil, nil, err
		}
		times := uint64(in.weights[0][s])
		tal.n += times * c.n
		for i, n := range c.opt {
			tal.opt[i] += times * n
		}
		for i := range pivotal {
			pivotal[i] += uint64(in.weights[1+i][s]) * c.n
		}
	}
	return tal, pivotal, nil
}

// consistent reports whether counts by inclusion can be a zone of a tree of deals: no more
// deals than the tree holds, and no option or pivot in more deals than the zone.
func consistent(deals uint64, tal *tally, pivotal []uint64) bool {
	if tal.n > deals {
		return false
	}
	for _, n := range tal.opt {
		if n > tal.n {
			return false
		}
	}
	for _, n := range pivotal {
		if n > tal.n {
			return false
		}
	}
	return true
}

// mobius turns f over the subsets of k elements into μf(T) = Σ_{S ⊆ T} (−1)^|T∖S| f(S),
// in place, one element at a time.
func mobius(f []int64, k int) {
	for i := range k {
		bit := uint(1) << i
		for s := uint(0); s < uint(len(f)); s++ {
			if s&bit != 0 {
				f[s] -= f[s^bit]
			}
		}
	}
}
