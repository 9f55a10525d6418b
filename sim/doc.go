// Package sim is negsim's engine: it holds the model of a negotiation scenario and computes
// what follows from it.
//
// The model makes three assumptions a student should know before trusting any number it
// prints. Utilities are additive: an actor's value for a deal is the weighted sum of its
// values for the option chosen on each issue, so issues trade off against each other at
// fixed rates and never interact except through explicit constraints. Options are ordered:
// each issue is a scale from one end to the other, which is what lets an actor state an ideal
// point instead of a value for every option. And an actor's reservation is the worth of no
// agreement: a deal below it is rejected however it was reached, and a deal above it is
// acceptable however small the gain.
//
// Everything here is pure: no files, no flags, no printing. Callers hand in a validated
// Scenario and receive plain result structs whose JSON form is a public contract.
package sim
