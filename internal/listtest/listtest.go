// Package listtest holds what tests of several packages, the engine's own among them, do
// with the lists a result holds. It imports nothing of negsim's, so that sim's in-package
// tests may use it too.
package listtest

// Map is f of each element of xs, in order: the one field of every round, move or problem
// that a test compares with the list it worked out by hand.
func Map[S, T any](xs []S, f func(S) T) []T {
	var out []T
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}
