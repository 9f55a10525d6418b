package sim

import "math"

// weightShares is each of an actor's preferences' share of its total weight, in the order
// of its preferences, or nil when no weight is above 0 (or one is not a valid weight).
// Weights are divided by the largest before they are added: two weights of 1e308 would
// otherwise sum to +Inf and share 0 each, where they share as 1 and 1 do.
func (a *Actor) weightShares() []float64 {
	largest := 0.0
	for _, pr := range a.Preferences {
		if !finite(pr.Weight) || pr.Weight < 0 {
			return nil
		}
		largest = math.Max(largest, pr.Weight)
	}
	if largest == 0 {
		return nil
	}
	shares := make([]float64, len(a.Preferences))
	total := 0.0
	for i, pr := range a.Preferences {
		shares[i] = pr.Weight / largest
		total += shares[i]
	}
	for i := range shares {
		shares[i] /= total
	}
	return shares
}

// WeightShare is the share of the actor's total weight that its preference on issue holds,
// and false when it has none or its weights are all 0.
func (a *Actor) WeightShare(issue string) (float64, bool) {
	shares := a.weightShares()
	for i, pr := range a.Preferences {
		if pr.Issue == issue && shares != nil {
			return shares[i], true
		}
	}
	return 0, false
}
