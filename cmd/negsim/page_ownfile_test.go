package main

import (
	"testing"

	"github.com/negsim/negsim/internal/pagetest"
)

// A student's own file with problems: each said once, as negsim analyze says it.
func TestPageOwnFileProblemsServed(t *testing.T) {
	pagetest.RequireChromium(t)
	origin, _ := startServe(t)
	pagetest.DriveOwnFileProblems(t, origin)
}
