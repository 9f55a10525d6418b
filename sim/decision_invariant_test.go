package sim

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"runtime"
	"slices"
	"testing"
)

func analyzeJSON(t *testing.T, sc *Scenario) ([]byte, *Analysis) {
	t.Helper()
	sp, err := Compile(sc)
	if err != nil {
		t.Fatal(err)
	}
	an, err := Analyze(context.Background(), sp, Options{Limit: 10, Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	js, err := json.Marshal(an)
	if err != nil {
		t.Fatal(err)
	}
	return js, an
}

// votes_needed: 0 is the veto actors' unanimity, whatever the votes: the answer is the
// one of the scenario without a decision rule, to the byte.
func TestVotesNeededZeroIsUnanimity(t *testing.T) {
	rng := rand.New(rand.NewPCG(16, 1))
	for n := 0; n < 200; n++ {
		sc := randomScenario(rng)
		if len(sc.Validate().Errors()) > 0 {
			continue
		}
		want, _ := analyzeJSON(t, sc)
		alt := sc.Clone()
		alt.Decision = Decision{VotesNeeded: 0, Note: "unanimity of the vetoes"}
		for a := range alt.Actors {
			alt.Actors[a].Votes = rng.IntN(5)
		}
		if got, _ := analyzeJSON(t, alt); string(got) != string(want) {
			t.Fatalf("scenario %d: votes_needed 0 changes the answer:\n%s\n%s", n, got, want)
		}
	}
}

// A ratifier more, whose votes are needed too, never lets a deal in; neither does a higher
// votes_needed.
func TestTighterRulesNeverGrowTheZone(t *testing.T) {
	rng := rand.New(rand.NewPCG(16, 2))
	tried := 0
	for n := 0; n < 300; n++ {
		sc := randomDecided(rng)
		if len(sc.Validate().Errors()) > 0 {
			continue
		}
		_, before := analyzeJSON(t, sc)

		// A new ratifier, a copy of a random actor, for an actor without ratifiers of its own
		// to give: one that ratifies for no one.
		isRatifier := map[string]bool{}
		for _, a := range sc.Actors {
			for _, id := range a.Ratification.By {
				isRatifier[id] = true
			}
		}
		more := sc.Clone()
		target := rng.IntN(len(more.Actors))
		if !isRatifier[more.Actors[target].ID] {
			r := more.Clone().Actors[rng.IntN(len(more.Actors))]
			r.ID, r.Name, r.Veto, r.Ratification, r.Beliefs = "new-ratifier", "New ratifier", false, Ratification{}, Beliefs{}
			r.Votes = 1 + rng.IntN(3)
			r.Reservation = float64(rng.IntN(9)) / 10
			more.Actors = append(more.Actors, r)
			rat := &more.Actors[target].Ratification
			rat.By = append(rat.By, r.ID)
			// Its votes are needed on top of what was (with votes_needed left out, every
			// ratifier's votes are needed already). Were the votes needed to stay as they
			// were, a new voter could make up a majority that was short.
			if rat.VotesNeeded > 0 {
				rat.VotesNeeded += r.Votes
			}
			if len(more.Validate().Errors()) == 0 {
				tried++
				if _, after := analyzeJSON(t, more); after.ZOPA.Count > before.ZOPA.Count {
					js, _ := json.Marshal(more)
					t.Fatalf("scenario %d: a ratifier more grows the zone from %d to %d\n%s", n, before.ZOPA.Count, after.ZOPA.Count, js)
				}
			}
		}
		if sc.Decision.VotesNeeded > 0 {
			higher := sc.Clone()
			higher.Decision.VotesNeeded++
			if len(higher.Validate().Errors()) == 0 {
				if _, after := analyzeJSON(t, higher); after.ZOPA.Count > before.ZOPA.Count {
					t.Fatalf("scenario %d: one vote more needed grows the zone from %d to %d", n, before.ZOPA.Count, after.ZOPA.Count)
				}
			}
		}
	}
	if tried < 100 {
		t.Fatalf("only %d ratifiers added", tried)
	}
}

// A belief that repeats the truth changes nothing: the believer perceives the true zone,
// hopes for nothing false, misses nothing, and sees the true Nash deal.
func TestTrueBeliefChangesNothing(t *testing.T) {
	rng := rand.New(rand.NewPCG(16, 3))
	checked := 0
	for n := 0; n < 300; n++ {
		sc := randomDecided(rng)
		if len(sc.Actors) < 2 || len(sc.Validate().Errors()) > 0 {
			continue
		}
		other := &sc.Actors[1]
		pr := other.Preferences[0]
		paths := []string{
			"actors." + other.ID + ".reservation",
			fmt.Sprintf("actors.%s.preferences.%s.weight", other.ID, pr.Issue),
			"actors." + other.ID + ".votes",
			"actors." + other.ID + ".veto",
		}
		for _, p := range paths {
			v, err := sc.Get(p)
			if err != nil {
				t.Fatal(err)
			}
			sc.Actors[0].Beliefs.Set = append(sc.Actors[0].Beliefs.Set, Assignment{Path: p, Value: v})
		}
		_, an := analyzeJSON(t, sc)
		got := an.Beliefs[sc.Actors[0].ID]
		if got == nil || got.ZOPACount != an.ZOPA.Count || got.FalseHopes != 0 || got.Missed != 0 {
			t.Fatalf("scenario %d: true beliefs give %+v; the zone holds %d", n, got, an.ZOPA.Count)
		}
		if (got.Nash == nil) != (an.Solutions.Nash == nil) || got.Nash != nil && !slices.Equal(got.Nash.Choice, an.Solutions.Nash.Choice) {
			t.Fatalf("scenario %d: perceived Nash %+v, true %+v", n, got.Nash, an.Solutions.Nash)
		}
		checked++
	}
	if checked < 150 {
		t.Fatalf("only %d scenarios checked", checked)
	}
}

// The zone's walk is split into jobs merged in job order: one core or several give the
// same bytes.
func TestDecidedAnswerDoesNotDependOnCores(t *testing.T) {
	rng := rand.New(rand.NewPCG(16, 4))
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	checked := 0
	for n := 0; n < 150; n++ {
		sc := randomDecided(rng)
		randomBeliefs(rng, sc)
		if len(sc.Validate().Errors()) > 0 {
			continue
		}
		var outs []string
		for _, procs := range []int{1, 3} {
			runtime.GOMAXPROCS(procs)
			js, _ := analyzeJSON(t, sc)
			outs = append(outs, string(js))
		}
		if outs[0] != outs[1] {
			t.Fatalf("scenario %d: one core and three give different answers", n)
		}
		checked++
	}
	if checked < 100 {
		t.Fatalf("only %d scenarios checked", checked)
	}
}
