package main

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/negsim/negsim/sim"
)

// How negsim writes numbers for a reader. Utilities read as decimals (num, signed) or as
// points out of 100 (points, pts, signedPts); shares as percents, to the digits that
// matter for each: percent for a share already in percent, pct for a proportion, and
// wholePercent for a weight as a teacher writes it.

// num formats a utility or surplus for reading: three decimals are finer than any
// scenario's inputs.
func num(x float64) string { return fmt.Sprintf("%.3f", x) }

// signed shows a surplus with its sign; one that rounds to zero reads +0.000, never -0.000.
func signed(x float64) string {
	if math.Abs(x) < 0.0005 {
		x = 0
	}
	return fmt.Sprintf("%+.3f", x)
}

// count writes a whole number with its thousands set apart, 12,345, as the engine's own
// sentences do.
func count(n uint64) string { return sim.Thousands(n) }

// plural counts things in words: 1 deal, 2 deals, 12,345 deals; or a count and its verb
// agreeing: 1 enters, 0 enter.
// ratifiersNeeded says how many of the ratifiers' votes a deal needs: "it needs their
// vote" for a single vote rather than "1 of their 1 votes".
func ratifiersNeeded(needed, votes int) string { return votesNeeded(needed, votes, "their") }

// votesNeeded says how many of the votes whose holders hold a deal needs: "it needs their
// vote", "all 2 of your votes", "150 of their 200 votes".
func votesNeeded(needed, votes int, whose string) string {
	switch {
	case votes == 1:
		return "it needs " + whose + " vote"
	case needed == votes:
		return fmt.Sprintf("it needs all %d of %s votes", votes, whose)
	}
	return fmt.Sprintf("it needs %d of %s %d votes", needed, whose, votes)
}

func plural[N int | uint64](n N, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return count(uint64(n)) + " " + many
}

// issuesDiffer says on how many of a scenario's issues two deals differ, with the verb
// agreeing: "1 of 3 issues differs", "4 of 12 issues differ", and of a scenario of one
// issue "its one issue differs".
func issuesDiffer(n, of int) string {
	if n == 1 && of == 1 {
		return "its one issue differs"
	}
	if n == 1 {
		return fmt.Sprintf("1 of %d issues differs", of)
	}
	return fmt.Sprintf("%d of %d issues differ", n, of)
}

// points shows points out of 100 with one decimal, the precision a scoring sheet needs.
func points(p float64) string { return fmt.Sprintf("%.1f", p) }

// pts shows a utility as points out of 100.
func pts(u float64) string { return points(100 * u) }

// signedPts shows a surplus or gain as signed points; a gain that rounds to zero reads
// +0.0, a loss is a shortfall (shortPoints) with its minus.
func signedPts(u float64) string {
	p := 100 * u
	switch {
	case p < -100*sim.Tolerance:
		return "-" + shortPoints(-p)
	case p < 0.05:
		return "+0.0"
	}
	return fmt.Sprintf("%+.1f", p)
}

// shortPoints writes how far a deal falls short of a walk-away value, in points: to a
// tenth, as points are written, but never as 0.0. A deal 0.01 points short is refused as
// one 10 points short is, and "0.0 points below (surplus +0.0)" read as none: a shortfall
// under a tenth gets the decimals that show its first digit.
func shortPoints(p float64) string {
	for d := 1; d < 9; d++ {
		if s := strconv.FormatFloat(p, 'f', d, 64); strings.Trim(s, "0.") != "" {
			return s
		}
	}
	return strconv.FormatFloat(p, 'f', 9, 64)
}

// dataUtility writes a utility for a data file such as a CSV, rounded to the 12 decimals
// analyze reports: every digit the engine vouches for and none of the float noise
// (0.1620000000000001 reads 0.162).
func dataUtility(u float64) string { return roundedData(u, 1e12) }

// dataPoints writes a utility as points (× 100) for a data file, rounded as dataUtility
// rounds the utility (10 decimals of points).
func dataPoints(u float64) string { return roundedData(100*u, 1e10) }

func roundedData(x, scale float64) string {
	x = math.Round(x*scale) / scale
	if x == 0 {
		x = 0 // -0 reads 0
	}
	return strconv.FormatFloat(x, 'f', -1, 64)
}

// percent shows a share with the digits that matter: 100%, 15.4%, 0.23%, 0.0012%.
func percent(p float64) string {
	switch {
	case p == 0 || p >= 100:
		return fmt.Sprintf("%.0f%%", p)
	case p >= 1:
		return fmt.Sprintf("%.1f%%", p)
	}
	// Rounded to two significant digits, then written out: 'g' would print 3e-07%.
	rounded, _ := strconv.ParseFloat(strconv.FormatFloat(p, 'g', 2, 64), 64)
	return strconv.FormatFloat(rounded, 'f', -1, 64) + "%"
}

// wholePercent shows a weight share as the whole percent a teacher wrote, e.g. 35%.
func wholePercent(share float64) string {
	return fmt.Sprintf("%.0f%%", math.Round(100*share))
}

// pct shows a proportion from 0 to 1 as a percent with one decimal: 0.125 reads 12.5%.
func pct(x float64) string { return fmt.Sprintf("%.1f%%", 100*x) }

// share is n as a percent of of; a share of nothing is 0.
func share(n, of uint64) float64 {
	if of == 0 {
		return 0
	}
	return 100 * float64(n) / float64(of)
}
