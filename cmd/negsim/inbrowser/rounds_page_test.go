package inbrowser

import (
	"testing"

	"github.com/negsim/negsim/internal/pagetest"
)

// The Rounds view served by negsim serve, in Chromium: a round with nothing on the table
// says why in the words of negsim rounds --format json, round for round.
func TestRoundsPageServed(t *testing.T) {
	pagetest.RequireChromium(t)
	tr, _ := roundsJSON(t)
	var noText []string
	for _, rd := range tr.Rounds {
		if rd.Proposal != nil || rd.NoText == "" {
			t.Fatalf("round %d has a proposal or no reason: the shipped scenario no longer stalls", rd.Round)
		}
		noText = append(noText, rd.NoText)
	}
	url := startServe(t)
	pagetest.DriveNoTextRounds(t, url, "served", noText)
}
