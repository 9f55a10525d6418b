package sim

// BeliefReport is one believing actor's picture of the zone (MODEL.md section 8).
type BeliefReport struct{}
