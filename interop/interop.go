// Package interop converts between negsim scenarios and the domain and profile files of the
// automated-negotiation community: GENIUS XML (GENIUS 10.x, also read by NegMAS) and
// GeniusWeb JSON. It is pure conversion: bytes in, a sim.Scenario or bytes out. Reading
// files from disk is the command line's job.
//
// Those formats and negsim agree on the core of the model (additive utilities over issues
// with options), so a domain and its profiles become one negsim actor per profile. They
// differ at the edges, and every translation is written into the scenario as a note:
// integer ranges become one option per integer, real ranges a stated number of equally
// spaced steps, a discount factor a per-round reservation drift, and GENIUS evaluations are
// read either as GENIUS reads them (each issue divided by its best evaluation) or raw, as
// NegMAS does, divided by one factor for the whole scenario that the actors record as
// utility_scale. What negsim can say and the formats cannot (red lines, constraints,
// observers, bargaining power) is reported as warnings by the exporters, never dropped
// silently.
package interop

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/negsim/negsim/sim"
)

// File is one named file's contents. Name is how errors and notes refer to it; the
// exporters use it as the file name to write.
type File struct {
	Name string
	Data []byte
}

// errorf is a problem in a file read by an importer, located by line when the format keeps
// lines. It is the diagnostic every bad input file gets, so it prints as file:line: message.
func errorf(file string, line int, format string, args ...any) error {
	return sim.Diagnostics{{File: file, Line: line, Message: fmt.Sprintf(format, args...)}}
}

// invalidImport reports every problem of a scenario an importer built, against the file it
// came from.
func invalidImport(file string, problems sim.Diagnostics) error {
	var out sim.Diagnostics
	for _, p := range problems.Errors() {
		out = append(out, sim.Diagnostic{File: file, Message: "the imported scenario is not valid: " + p.String()})
	}
	return out
}

// Scales of GENIUS evaluations.
const (
	// ScaleGenius divides each issue's evaluations by the largest, as GENIUS does.
	ScaleGenius = "genius"
	// ScaleRaw keeps the evaluations as written, as NegMAS does, divided by one factor for
	// the whole scenario so that utilities fit in [0,1].
	ScaleRaw = "raw"
)

// Scales lists the valid scales, the default first.
var Scales = []string{ScaleGenius, ScaleRaw}

// DefaultRealSteps is how many options a real-valued issue becomes: GENIUS's own default
// discretisation.
const DefaultRealSteps = 21

// DefaultRounds is the deadline written into an imported scenario, over which a discount
// factor is spread as a reservation drift.
const DefaultRounds = 20

// ids gives every name a distinct id, in order: a name whose slug is taken or empty gets a
// numbered one.
func ids(names []string, fallback string) []string {
	out := make([]string, len(names))
	seen := map[string]bool{}
	for i, n := range names {
		id := sim.NameID(n, fallback, i+1)
		base := id
		for k := 2; seen[id]; k++ {
			id = fmt.Sprintf("%s-%d", base, k)
		}
		seen[id] = true
		out[i] = id
	}
	return out
}

// number writes a value of a numeric issue the way a person would: 13483.3, not
// 13483.300000000001.
func number(x float64) string {
	if x == 0 {
		return "0"
	}
	s := strconv.FormatFloat(x, 'g', 12, 64)
	if strings.ContainsAny(s, "e") {
		return strconv.FormatFloat(x, 'f', -1, 64)
	}
	return s
}

func clamp01(x float64) float64 { return math.Min(1, math.Max(0, x)) }

// discountDrift spreads a GENIUS discount factor d over rounds as a reservation drift.
// GENIUS multiplies every utility, the reservation's included, by d^t over normalised time
// t from 0 to 1. negsim does not discount deals; the same loss of waiting is carried by the
// reservation, which falls in a straight line from r at the first round to r·d at the last.
// It returns the drift and the note that says so; a factor of 0 or 1 (GENIUS's "no
// discount") gives no drift.
func discountDrift(d, r float64, rounds int) (float64, string) {
	if d <= 0 || d >= 1 {
		return 0, ""
	}
	if r == 0 {
		return 0, fmt.Sprintf("discount factor %g: GENIUS multiplies utilities by %g^t over normalised time t in [0,1], the reservation's included; negsim does not discount deals and carries that loss on the reservation, but a reservation of 0 stays 0, so there is no drift.", d, d)
	}
	end := r * d
	drift := (end - r) / float64(rounds-1)
	return drift, fmt.Sprintf("discount factor %g: GENIUS multiplies utilities by %g^t over normalised time t in [0,1]; negsim does not discount deals, so the reservation carries the same loss, falling in a straight line from %g at round 0 to %g×%g = %g at round %d: reservation_drift = (%g − %g)/%d = %.6g.",
		d, d, r, r, d, end, rounds-1, end, r, rounds-1, drift)
}

// discountFromDrift inverts discountDrift for the exporters: the factor that makes the
// reservation end at r + drift·(rounds−1).
func discountFromDrift(r, drift float64, rounds int) (float64, bool) {
	if drift == 0 || r <= 0 {
		return 0, drift == 0
	}
	d := (r + drift*float64(rounds-1)) / r
	if d <= 0 || d >= 1 {
		return 0, false
	}
	return d, true
}
