package main

import (
	"strings"
	"testing"

	"github.com/negsim/negsim/sim"
)

// The accord of sim/testdata: the EU and China hold vetoes, the island states and the oil
// exporters vote without one, a deal needs 3 of the 4 table votes.
const (
	accordFile     = "../../sim/testdata/accord.yaml"
	accordTinyFile = "../../sim/testdata/accord-tiny.yaml"
)

// The public brief's rule must not read as though the votes alone settle a deal. It said
// only "at least 3 votes between them", so an island-states player of the accord read that
// the EU, the islands and the oil exporters (3 votes) could settle without China, which
// holds a veto; Harborco's sheet likewise. The vetoes are part of the rule everyone plays
// by (Harborco's own description says "the developer's among them"), so the sheet names
// them: the accord's EU and China, Harborco's developer alone.
func TestPublicBriefSaysVetoesCountBesideTheVotes(t *testing.T) {
	for _, tc := range []struct {
		file, want string
	}{
		{accordFile, "A deal needs the votes of parties holding at least 3 votes between them, and European Union and China must be among them, since each holds a veto."},
		{"teaching-harborco-quota", "A deal needs the votes of parties holding at least 5 votes between them, and Harborco (developer) must be among them, since it holds a veto."},
	} {
		out := runOK(t, "brief", tc.file, "--format", "markdown")
		if !strings.Contains(out, tc.want) {
			t.Errorf("brief %s lacks %q:\n%s", tc.file, tc.want, out)
		}
	}
}

// A role brief speaks points (a walk-away of 40.0 points); a belief about another's
// reservation must too. China believes the island states walk away below 0.2: 0.2 × 100 =
// 20.0 of their 100 points, not "0.2 on its own scale from 0 to 1".
func TestRoleBriefReadsABeliefInPoints(t *testing.T) {
	out := runOK(t, "brief", accordFile, "--actor", "china", "--format", "markdown")
	want := "Small island states: any deal worth less than 20.0 of 100 points is worse than walking away."
	if !strings.Contains(out, want) {
		t.Errorf("China's brief lacks %q:\n%s", want, out)
	}
	if strings.Contains(out, "from 0 to 1") {
		t.Errorf("China's brief still reads a belief on the 0-to-1 scale:\n%s", out)
	}
}

// Beliefs read as sentences a student can follow: a list of options joined as prose
// (Go printed "[phase-out phase-down]"), a believed veto of false as "No veto for" (not
// "holds a veto: false"), one vote in the singular; the actor is named as a label or an
// object, so a plural name (Small island states) reads right too.
func TestBeliefsReadAsSentences(t *testing.T) {
	doc := loadFile(t, accordFile)
	wd := words{doc.Scenario}
	for _, tc := range []struct {
		as   sim.Assignment
		want string
	}{
		{sim.Assignment{Path: "actors.petro.preferences.phaseout.acceptable", Value: []any{"phase-out", "phase-down"}},
			"Acceptable to Oil exporters on Fossil fuels: only phase-out (Phase out fossil fuels) or phase-down (Phase down unabated coal)."},
		{sim.Assignment{Path: "actors.petro.preferences.phaseout.acceptable", Value: "[silent,phase-down]"},
			"Acceptable to Oil exporters on Fossil fuels: only silent (Say nothing) or phase-down (Phase down unabated coal)."},
		{sim.Assignment{Path: "actors.eu.veto", Value: false}, "No veto for European Union."},
		{sim.Assignment{Path: "actors.islands.votes", Value: 1}, "Small island states: 1 vote."},
		{sim.Assignment{Path: "actors.islands.votes", Value: 2.0}, "Small island states: 2 votes."},
		// A condition's parts: its if and its then, each read without the other, which the
		// belief does not state.
		{sim.Assignment{Path: "actors.islands.constraints.0.if.target", Value: []any{"medium", "shallow"}},
			"A condition of Small island states applies when Emissions target for 2035 is medium (Cut 40% from 2019) or shallow (Cut 20% from 2019)."},
		{sim.Assignment{Path: "actors.eu.constraints.0.then.target", Value: "deep"},
			"A condition of European Union, where it applies, requires Emissions target for 2035 to be deep (Cut 60% from 2019)."},
		// An option value on explain's scale, and a walk-away value of 0: nothing is worth
		// less, so the actor takes any deal.
		{sim.Assignment{Path: "actors.islands.preferences.target.utilities.medium", Value: 0.9},
			"Value of medium (Cut 40% from 2019) on Emissions target for 2035 to Small island states: 0.9, on a scale from 0 to 1."},
		{sim.Assignment{Path: "actors.petro.reservation", Value: 0.0}, "Oil exporters: would take any deal rather than walk away (a reservation of 0)."},
	} {
		if got := wd.belief(tc.as, false); got != tc.want {
			t.Errorf("%s = %v reads %q, want %q", tc.as.Path, tc.as.Value, got, tc.want)
		}
	}
	// In a brief a believed option value is read in points: 0.9 of the best.
	got := wd.belief(sim.Assignment{Path: "actors.islands.preferences.target.utilities.medium", Value: 0.9}, true)
	if want := "Value of medium (Cut 40% from 2019) on Emissions target for 2035 to Small island states: 90.0 of the 100 points the best option there would give."; got != want {
		t.Errorf("a believed option value reads %q, want %q", got, want)
	}
	got = wd.belief(sim.Assignment{Path: "actors.petro.reservation", Value: 0.0}, true)
	if want := "Oil exporters: would take any deal rather than walk away (a walk-away value of 0 points)."; got != want {
		t.Errorf("a believed walk-away value of 0 reads %q, want %q", got, want)
	}
}

// A seat at the table under a decision rule also votes; its brief said nothing of it, and
// to a voter without a veto it said "the others can settle without you" even where they
// cannot. In the accord the island states hold 1 of the 4 table votes and a deal needs 3:
// the others hold 1 + 1 + 1 = 3, enough without them. Needing 4, the others' 3 fall short,
// so no deal passes without the islands.
func TestRoleBriefSaysWhatItsVoteCountsFor(t *testing.T) {
	out := runOK(t, "brief", accordFile, "--actor", "islands", "--format", "markdown")
	wantContains(t, "the islands' brief", out,
		"You hold no veto: the others can settle without you, but your interests still count in the debrief.",
		"Your acceptance counts for 1 vote of the 3 a deal needs.",
	)
	out = runOK(t, "brief", accordFile, "--actor", "islands", "--set", "decision.votes_needed=4", "--format", "markdown")
	want := "You hold no veto, but the others hold 3 votes between them, fewer than the 4 a deal needs: there is no deal without your vote."
	if !strings.Contains(out, want) || strings.Contains(out, "can settle without you") {
		t.Errorf("needing 4 votes, the islands' brief lacks %q:\n%s", want, out)
	}
}

// explain says what an actor without a veto counts for under a decision rule. The accord's
// island states hold 1 of the 4 table votes: with 3 needed, the others' 1 + 1 + 1 = 3 pass a
// deal without them; with 4 needed, they do not. The European Parliament sits at no table,
// so its heading says it ratifies at home, and for whom, rather than that it lacks a veto:
// "European Parliament (ratifies at home)" gave no actor, and after a name in brackets
// ("Ukraine's parliament (the Rada) (ratifies at home)") read as two asides, one with a
// verb that disagrees with a plural name ("Ukrainian voters ... ratifies").
func TestExplainSaysWhatAVoterWithoutAVetoCountsFor(t *testing.T) {
	for _, tc := range []struct {
		needed, want string
	}{
		{"3", "No veto for Small island states: 1 vote toward the 3 a deal needs, so a deal is blocked only together with others."},
		{"4", "No veto for Small island states, but the others hold 3 votes between them, fewer than the 4 a deal needs: there is no deal without Small island states."},
	} {
		out := runOK(t, "explain", accordFile, "--set", "decision.votes_needed="+tc.needed)
		if !strings.Contains(out, tc.want) {
			t.Errorf("explain with %s votes needed lacks %q:\n%s", tc.needed, tc.want, out)
		}
		if !strings.Contains(out, "European Parliament, ratifying at home for European Union\n") || strings.Contains(out, "scored and reported") {
			t.Errorf("explain with %s votes needed heads the Parliament as without a veto, or calls a voter scored only:\n%s", tc.needed, out)
		}
	}
}
