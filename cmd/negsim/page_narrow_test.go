package main

import (
	"testing"

	"github.com/negsim/negsim/internal/pagetest"
)

// Every view of the served page on a phone, a tablet and a Chromebook: nothing sticks out
// of the window or of its box.
func TestPageNarrowServed(t *testing.T) {
	pagetest.RequireChromium(t)
	origin, _ := startServe(t)
	pagetest.DriveNarrow(t, origin, pagetest.NarrowCases)
}

// Two scenarios opened in quick succession on the served page: the second is shown whole,
// its description, status and controls, whatever order the answers come back in.
func TestPageQuickSwitchServed(t *testing.T) {
	pagetest.RequireChromium(t)
	origin, _ := startServe(t)
	pagetest.DriveQuickSwitch(t, origin)
}

// The served page by keyboard alone: every Tab stop shows its focus in sight, forward and
// back, through the reference scenario's what-if controls.
func TestPageKeyboardServed(t *testing.T) {
	pagetest.RequireChromium(t)
	origin, _ := startServe(t)
	pagetest.DriveKeyboard(t, origin, "scenario=ukraine-2026&variant=sanctions-bite", 90)
}

// The Share view's Copy buttons, by keyboard: each says beside it what it did.
func TestPageCopyServed(t *testing.T) {
	pagetest.RequireChromium(t)
	origin, _ := startServe(t)
	pagetest.DriveCopy(t, origin, "scenario=ukraine-2026&variant=sanctions-bite&set=actors.russia.reservation%3D0.5")
}
