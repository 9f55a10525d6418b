package main

import (
	"testing"

	"github.com/negsim/negsim/internal/pagetest"
)

// The served page for a screen reader, at 200% and 400% zoom and in Windows' high-contrast
// mode: named controls, tables with captions, quiet live regions, charts in words, a wrong
// number refused at its field, a headline that leaves the zoomed window to the controls.
func TestPageAccessServed(t *testing.T) {
	pagetest.RequireChromium(t)
	origin, _ := startServe(t)
	pagetest.DriveAccess(t, origin)
}
