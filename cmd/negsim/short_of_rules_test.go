package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// shortThreeWays is a table of three voters, a vote each, without a veto among them, and a
// decision that asks for all three votes. A and B want "give" and must each have it ratified
// by a home ratifier (HA, HB) that wants "keep" at a reservation of 0.5; C wants "keep" at
// 0.5 too. So "give" is worth 0 to C, HA and HB: C votes against it (2 of the 3 votes) and
// neither ratification passes (0 of the 1 vote each needs).
const shortThreeWays = `name: Three ways short
issues:
  - {id: deal, name: Deal, options: [{id: keep}, {id: give}]}
actors:
  - {id: a, name: A, veto: false, votes: 1, reservation: 0.1, preferences: {deal: {weight: 1, ideal: give}}, ratification: {by: [ha]}}
  - {id: b, name: B, veto: false, votes: 1, reservation: 0.1, preferences: {deal: {weight: 1, ideal: give}}, ratification: {by: [hb]}}
  - {id: c, name: C, veto: false, votes: 1, reservation: 0.5, preferences: {deal: {weight: 1, ideal: keep}}}
  - {id: ha, name: HA, veto: false, reservation: 0.5, preferences: {deal: {weight: 1, ideal: keep}}}
  - {id: hb, name: HB, veto: false, reservation: 0.5, preferences: {deal: {weight: 1, ideal: keep}}}
decision: {votes_needed: 3}
`

// Score names the three rules the deal falls short of as a sentence lists them, and with
// no veto at the table does not speak of veto actors signing.
func TestScoreListsEveryRuleADealFallsShortOf(t *testing.T) {
	dir := writeFiles(t, map[string]string{"short.yaml": shortThreeWays})
	out := runOK(t, "score", filepath.Join(dir, "short.yaml"), "--deal", "deal=give")
	want := "Not in the ZOPA: no actor holds a veto, but it gathers only 2 of the 3 votes needed, " +
		"A's ratifiers give 0 of the 1 vote needed at home and B's ratifiers give 0 of the 1 vote needed at home, " +
		"so it counts as no agreement"
	if !strings.Contains(out, want) {
		t.Errorf("score says\n%s\nwant a line with %q", out, want)
	}
}

// The debrief of a class on the same table: "keep" gets C's vote but not A's or B's (each
// worth 0 to them, below their 0.1), so both tables' deals fail the votes, and no veto is
// there to stop either.
func TestDebriefWithoutAVetoDoesNotSpeakOfVetoActorsSigning(t *testing.T) {
	dir := writeFiles(t, map[string]string{"short.yaml": shortThreeWays, "class.csv": "table,deal\nred,give\nblue,keep\n"})
	out := runOK(t, "debrief", filepath.Join(dir, "short.yaml"), "--deals", filepath.Join(dir, "class.csv"))
	want := "2 deals that no veto stops count as no agreement too: they miss the votes needed at the table or ratification at home."
	if !strings.Contains(out, want) || strings.Contains(out, "veto actor would sign") {
		t.Errorf("debrief says\n%s\nwant a line with %q", out, want)
	}
}

// The Security Council's zone holds one deal, the statement (MODEL.md's check of the rule):
// the use of force is measured against it as "of 1 ZOPA deal", not "of 1 ZOPA deals".
func TestScoreCountsAZoneOfOneDealInTheSingular(t *testing.T) {
	out := runOK(t, "score", "teaching-security-council", "--deal", "response=force")
	if !strings.Contains(out, "Distance to the Nash solution (of 1 ZOPA deal): 1 of 1 issues differs") {
		t.Errorf("score says\n%s\nwant the distance to the Nash solution of 1 ZOPA deal", out)
	}
}
