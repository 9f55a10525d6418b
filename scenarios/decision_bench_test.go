package scenarios_test

import (
	"context"
	"testing"

	"github.com/negsim/negsim/scenarios"
	"github.com/negsim/negsim/sim"
)

// BenchmarkAnalyzeReferenceDecided is the reference scenario, in its sanctions-bite variant
// (a non-empty zone), with two ratifiers and two believers: Ukraine's electorate in a
// referendum and Russia's elite, each a copy of the actor it ratifies for with a higher
// reservation; the United States and Ukraine each wrong about Russia's reservation. The
// target is 20 ms, at most one extra analysis per ratifying or believing actor.
func BenchmarkAnalyzeReferenceDecided(b *testing.B) {
	doc := load(b, scenarios.Default)
	sc, err := doc.Scenario.WithVariant("sanctions-bite")
	if err != nil {
		b.Fatal(err)
	}
	for _, side := range []string{"ukraine", "russia"} {
		home := sc.Actors[sc.ActorIndex(side)]
		home.ID, home.Name, home.Veto, home.Votes = side+"-home", side+" at home", false, 1
		home.Reservation = min(1, home.Reservation+0.02)
		home.Ratification, home.Beliefs = sim.Ratification{}, sim.Beliefs{}
		sc.Actors = append(sc.Actors, home)
		i := sc.ActorIndex(side)
		sc.Actors[i].Ratification = sim.Ratification{By: []string{home.ID}}
	}
	russia := sc.Actors[sc.ActorIndex("russia")].Reservation
	for _, who := range []string{"united-states", "ukraine"} {
		i := sc.ActorIndex(who)
		sc.Actors[i].Beliefs = sim.Beliefs{Set: []sim.Assignment{{Path: "actors.russia.reservation", Value: max(0, russia-0.05)}}}
	}
	sp, err := sim.Compile(sc)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	var an *sim.Analysis
	for b.Loop() {
		if an, err = sim.Analyze(context.Background(), sp, sim.Options{Limit: 20}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(an.ZOPA.Count), "zopa-deals")
	b.ReportMetric(float64(*an.ZOPA.LevelOneCount), "level-one-deals")
}
