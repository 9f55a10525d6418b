package sim

import (
	"context"
	"testing"
)

// ratifiedSensitivityCase is a generated scenario with ratification at home on two
// sides, as the reference scenario's second edition has: four veto actors over 7 issues
// of 4 options (16,384 deals), a0 ratified by three generated ratifiers holding 2, 1 and 1
// votes of which 3 are needed (like a parliament and two camps of voters), a1 by one.
func ratifiedSensitivityCase() *Scenario {
	spec := GenerateSpec{Issues: 7, Options: 4, Actors: 4, Reservation: 0.45, Seed: 5}
	sc := Generate(spec)
	spec.Actors += 4
	extra := Generate(spec).Actors[4:]
	for i, id := range []string{"r1", "r2", "r3", "r4"} {
		r := extra[i]
		r.ID, r.Name, r.Veto, r.Reservation = id, "ratifier "+id, false, 0.4
		sc.Actors = append(sc.Actors, r)
	}
	sc.Actors[4].Votes = 2
	sc.Actors[0].Ratification = Ratification{By: []string{"r1", "r2", "r3"}, VotesNeeded: 3}
	sc.Actors[1].Ratification = Ratification{By: []string{"r4"}}
	return sc
}

// BenchmarkSensitivityRatified is the full sensitivity analysis of a scenario with
// ratification, where every veto actor's, voter's and ratifier's numbers are read as lines
// rather than bracketed; it reports the analyses spent.
func BenchmarkSensitivityRatified(b *testing.B) {
	rep := benchSensitivity(b, compiled(b, ratifiedSensitivityCase()))
	b.ReportMetric(float64(len(rep.Rows)), "rows")
}

// benchSensitivity runs the full sensitivity analysis of sp for the benchmark and reports
// the analyses it spent and the headline zone's size.
func benchSensitivity(b *testing.B, sp *Space) *SensitivityReport {
	b.Helper()
	var rep *SensitivityReport
	for b.Loop() {
		var err error
		if rep, err = RunSensitivity(context.Background(), sp, SensitivityOptions{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(rep.Analyses), "analyses")
	b.ReportMetric(float64(rep.Headline.Deals), "zone-deals")
	return rep
}
