package main

import (
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/negsim/negsim/internal/pagetest"
)

// A student who prints the page itself (Ctrl+P) rather than downloading the report gets
// its results whole: the sliders of "What if…" and the view tabs are for the screen, and
// the tables that scroll sideways on screen must not be cut at the paper's edge. Printed
// on A4 the sanctions-bite page lost the bargaining solutions' Utilitarian and Egalitarian
// columns and the last column of the options in the zone, after two pages of sliders.
func TestPagePrintsItsResultsWhole(t *testing.T) {
	pagetest.RequireChromium(t)
	origin, _ := startServe(t)
	_, tab := pagetest.Tab(t, pagetest.A4Width, pagetest.A4Height, 90*time.Second)
	// sanctions-bite's ZOPA holds 709 deals (scenarios_test.go works it out); the tables
	// are drawn once the count shows.
	if _, err := chromedp.Run(tab, chromedp.Navigate(origin+"#variant=sanctions-bite")); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(tab, chromedp.Poll[bool](`document.getElementById("zopa-count").textContent.trim() === "709" && !!document.querySelector("#options table")`, chromedp.WithPollingTimeout(60*time.Second))); err != nil {
		t.Fatal(err)
	}
	checkPrintsWhole(t, tab, ".scroll", 2, "the solutions and the options")
	shown, err := chromedp.Run(tab, chromedp.Evaluate[[]string](`["#whatif", ".tabs", "#download"].filter((s) => getComputedStyle(document.querySelector(s)).display !== "none")`))
	if err != nil {
		t.Fatal(err)
	}
	if len(shown) > 0 {
		t.Errorf("printed, the page still shows the screen's controls %v", shown)
	}
}
