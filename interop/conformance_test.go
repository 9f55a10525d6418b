package interop

import (
	"context"
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/negsim/negsim/internal/scenariotest"
	"github.com/negsim/negsim/internal/sharedtest"
	"github.com/negsim/negsim/sim"
)

// The conformance tests read domains and profiles published by the automated-negotiation
// community, with the values those projects' own tests expect, from the folder
// ../shared/interop beside the repository (see its README.md for each file's origin).
// The files are not part of this repository; without them the tests skip.

// dataDir is ../shared/interop; without it the tests skip.
func dataDir(t testing.TB) string {
	return sharedtest.Dir(t, "interop", "conformance data absent (the folder ../shared/interop beside the repository holds the GENIUS and GeniusWeb test files)")
}

func readData(t testing.TB, parts ...string) File {
	t.Helper()
	path := filepath.Join(parts...)
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return File{Name: path, Data: b}
}

func genius(t testing.TB, scale string, dir, domain string, profiles ...string) *sim.Scenario {
	t.Helper()
	var ps []File
	for _, p := range profiles {
		ps = append(ps, readData(t, dir, p))
	}
	sc, err := ReadGenius(readData(t, dir, domain), ps, GeniusOptions{Scale: scale})
	if err != nil {
		t.Fatal(err)
	}
	return sc
}

func geniusWeb(t testing.TB, dir string, profiles ...string) *sim.Scenario {
	t.Helper()
	var ps []File
	for _, p := range profiles {
		ps = append(ps, readData(t, dir, p))
	}
	sc, err := ReadGeniusWeb(ps)
	if err != nil {
		t.Fatal(err)
	}
	return sc
}

// analyzeAtZero analyses the whole outcome space, as GeniusWeb's Pareto test does: every
// reservation at 0.
func analyzeAtZero(t testing.TB, sp *sim.Space) *sim.Analysis {
	t.Helper()
	an, err := sim.Analyze(context.Background(), sp, sim.Options{Reservations: make([]float64, len(sp.Scenario().Actors))})
	if err != nil {
		t.Fatal(err)
	}
	return an
}

// GeniusWeb's ParetoE2Etest: the Pareto points of two domains, reservation ignored, deals
// with identical utility vectors counted once. With every reservation at 0 each outcome is
// in the zone.
func TestConformanceGeniusWebPareto(t *testing.T) {
	for _, c := range []struct {
		domain, profile1, profile2 string
		outcomes                   uint64
		outcomesWhy                string
		pareto                     int
	}{
		{"jobs", "jobs1.json", "jobs2.json", 540, "5·3·3·2·2·3", 18},
		{"7issues", "7issues1.json", "7issues2.json", 10_000_000, "10^7, 7 issues of 0..9", 557},
	} {
		t.Run(c.domain, func(t *testing.T) {
			dir := filepath.Join(dataDir(t), "geniusweb_pareto_e2e", c.domain)
			sp := scenariotest.Compile(t, geniusWeb(t, dir, c.profile1, c.profile2))
			if n, _ := sp.Deals(); n != c.outcomes {
				t.Fatalf("%s has %d outcomes, want %s = %d", c.domain, n, c.outcomesWhy, c.outcomes)
			}
			an := analyzeAtZero(t, sp)
			if an.ZOPA.Count != c.outcomes {
				t.Errorf("with reservations at 0 the zone holds %d deals, want all %d", an.ZOPA.Count, c.outcomes)
			}
			if an.Pareto.Distinct != c.pareto {
				t.Errorf("%s: %d distinct Pareto utility vectors, GeniusWeb's ParetoE2Etest expects %d", c.domain, an.Pareto.Distinct, c.pareto)
			}
		})
	}
}

// NegMAS's test_enumerate_discrete_rational on Fifty2013: both utilities scaled to a
// maximum of 1, reservations overridden, outcomes rational for both counted inclusively.
func TestConformanceFifty2013AgreementZone(t *testing.T) {
	dir := filepath.Join(dataDir(t), "negmas_fifty2013")
	sp := scenariotest.Compile(t, genius(t, ScaleGenius, dir, "FiftyFifty2013_domain.xml", "FiftyFifty2013_prof1.xml", "FiftyFifty2013_prof2.xml"))
	// Party 1 values option i (0..10) at (10−i)/10, party 2 at i/10. Both reach r0 and r1
	// when 10·r1 ≤ i ≤ 10·(1−r0): (0,0) all 11; (0.9,0.9) none, 9 ≤ i ≤ 1; (0,0.9) i ∈ {9,10};
	// (0,0.95) i = 10; and the mirror images.
	cases := []struct {
		r0, r1 float64
		want   uint64
	}{
		{0, 0, 11}, {0.9, 0.9, 0}, {0, 0.9, 2}, {0.9, 0, 2}, {0, 0.95, 1}, {0.95, 0, 1},
	}
	for _, c := range cases {
		got, err := sp.Count(context.Background(), []float64{c.r0, c.r1}, 0)
		if err != nil {
			t.Fatal(err)
		}
		if got != c.want {
			t.Errorf("Fifty2013 at reservations (%g, %g): %d outcomes in the zone, NegMAS expects %d", c.r0, c.r1, got, c.want)
		}
	}
}

// GENIUS's DomainImplTest outcome counts.
func TestConformanceOutcomeCounts(t *testing.T) {
	root := filepath.Join(dataDir(t), "genius_domainimpl_counts")
	cases := []struct {
		name, dir, domain string
		profiles          []string
		want              uint64
	}{
		// Food, Drinks, Location, Invitations: 4 each; Music 3; Cleanup 4: 4·4·4·4·3·4.
		{"partydomain", "partydomain", "party_domain.xml", []string{"party1_utility.xml", "party2_utility.xml"}, 3072},
		// Two integer issues −5..5, 11 values each: 11·11.
		{"IntegerDomain", "IntegerDomain", "IntegerDomain.xml", []string{"IntegerDomain-prof1.xml", "IntegerDomain-prof2.xml"}, 121},
		// Four issues of 5 values and Price, a real issue, in 21 steps: 5^4·21 = 625·21. The
		// dealer's profile gives Price GENIUS's legacy "price" type, which negsim does not
		// read, so the buyer alone is imported.
		{"2nd_hand_car", "2nd_hand_car", "car_domain.xml", []string{"car_buyer.xml"}, 13125},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			sp := scenariotest.Compile(t, genius(t, ScaleGenius, filepath.Join(root, c.dir), c.domain, c.profiles...))
			if n, _ := sp.Deals(); n != c.want {
				t.Errorf("%s: %d outcomes, GENIUS's DomainImplTest expects %d", c.name, n, c.want)
			}
		})
	}
}

// negmas-app's statistics for ANAC 2011 Camera, read raw (weight × evaluation, no division
// by the best). Its values are printed to one decimal (245.55 to two), so a raw
// utility matches when it is within half a unit of the last printed digit: 0.05.
func TestConformanceCamera2011Raw(t *testing.T) {
	const tolerance = 0.05 + 1e-9
	dir := filepath.Join(dataDir(t), "negmas_app_camera2011")
	sc := genius(t, ScaleRaw, dir, "camera_domain.xml", "camera_buyer_utility.xml", "camera_seller_utility.xml")
	sp := scenariotest.Compile(t, sc)
	// 5·4·3·3·5·4 = 3600 outcomes.
	if n, _ := sp.Deals(); n != 3600 {
		t.Fatalf("Camera has %d outcomes, want 5·4·3·3·5·4 = 3600", n)
	}
	an := analyzeAtZero(t, sp)
	if an.Pareto.Count != 12 {
		t.Errorf("Camera (raw): %d Pareto deals, negmas-app expects 12", an.Pareto.Count)
	}
	buyer, seller := sc.Actors[0], sc.Actors[1]
	raw := func(name string, s *sim.Solution, want [2]float64) {
		t.Helper()
		if s == nil {
			t.Errorf("%s: no solution", name)
			return
		}
		got := [2]float64{s.Utilities[buyer.ID] * buyer.UtilityScale, s.Utilities[seller.ID] * seller.UtilityScale}
		if math.Abs(got[0]-want[0]) > tolerance || math.Abs(got[1]-want[1]) > tolerance {
			t.Errorf("%s: raw utilities (%.4f, %.4f), negmas-app gives (%g, %g) ± %g", name, got[0], got[1], want[0], want[1], 0.05)
		}
	}
	raw("Nash", an.Solutions.Nash, [2]float64{270.1, 162.5})
	raw("Kalai–Smorodinsky", an.Solutions.KalaiSmorodinsky, [2]float64{245.55, 170.9})
	raw("max welfare", an.Solutions.Utilitarian, [2]float64{276.9, 157.3})
}

// The README of the data notes that GENIUS's own reading of Camera (each issue divided by
// its best evaluation) has a different frontier, 16 points: the scale is not a detail.
func TestConformanceCamera2011GeniusScale(t *testing.T) {
	dir := filepath.Join(dataDir(t), "negmas_app_camera2011")
	sp := scenariotest.Compile(t, genius(t, ScaleGenius, dir, "camera_domain.xml", "camera_buyer_utility.xml", "camera_seller_utility.xml"))
	if an := analyzeAtZero(t, sp); an.Pareto.Count != 16 {
		t.Errorf("Camera (genius scale): %d Pareto deals, the data's README gives 16", an.Pareto.Count)
	}
}

// sameAnalysis reports how two analyses differ in what they decide: the space, the zone,
// the frontier and the deal and utilities of every solution. Utilities may differ in the
// last bits of a float after a trip through decimal text.
func sameAnalysis(t *testing.T, what string, want, got *sim.Analysis) {
	t.Helper()
	if want.Space.Deals != got.Space.Deals || want.ZOPA.Count != got.ZOPA.Count || want.Pareto != got.Pareto {
		t.Errorf("%s: deals %d→%d, zone %d→%d, Pareto %+v→%+v", what, want.Space.Deals, got.Space.Deals, want.ZOPA.Count, got.ZOPA.Count, want.Pareto, got.Pareto)
	}
	for i, ws := range want.Solutions.Named() {
		gs := got.Solutions.Named()[i]
		if (ws.Solution == nil) != (gs.Solution == nil) {
			t.Errorf("%s: %s present before, %v after", what, ws.Title, gs.Solution != nil)
			continue
		}
		if ws.Solution == nil {
			continue
		}
		for k, o := range ws.Solution.Options {
			if gs.Solution.Options[k] != o {
				t.Errorf("%s: %s picks %s=%s before, %s after", what, ws.Title, k, o, gs.Solution.Options[k])
			}
		}
		for a, u := range ws.Solution.Utilities {
			if math.Abs(gs.Solution.Utilities[a]-u) > 1e-9 {
				t.Errorf("%s: %s gives %s %v before, %v after", what, ws.Title, a, u, gs.Solution.Utilities[a])
			}
		}
	}
}

func analyze(t *testing.T, sc *sim.Scenario) *sim.Analysis {
	t.Helper()
	an, err := sim.Analyze(context.Background(), scenariotest.Compile(t, sc), sim.Options{Limit: 5})
	if err != nil {
		t.Fatal(err)
	}
	return an
}

// Export then import gives the same analysis, reservations included.
func TestConformanceRoundTrip(t *testing.T) {
	data := dataDir(t)
	camera := filepath.Join(data, "negmas_app_camera2011")
	party := filepath.Join(data, "genius_domainimpl_counts", "partydomain")
	fifty := filepath.Join(data, "negmas_fifty2013")
	jobs := filepath.Join(data, "geniusweb_pareto_e2e", "jobs")
	cases := []struct {
		name   string
		sc     *sim.Scenario
		format string
		scale  string
	}{
		{"camera raw via GENIUS", genius(t, ScaleRaw, camera, "camera_domain.xml", "camera_buyer_utility.xml", "camera_seller_utility.xml"), "genius", ScaleRaw},
		{"camera via GENIUS", genius(t, ScaleGenius, camera, "camera_domain.xml", "camera_buyer_utility.xml", "camera_seller_utility.xml"), "genius", ScaleGenius},
		{"party via GENIUS", genius(t, ScaleGenius, party, "party_domain.xml", "party1_utility.xml", "party2_utility.xml"), "genius", ScaleGenius},
		{"fifty via GENIUS", genius(t, ScaleGenius, fifty, "FiftyFifty2013_domain.xml", "FiftyFifty2013_prof1.xml", "FiftyFifty2013_prof2.xml"), "genius", ScaleGenius},
		{"party via GeniusWeb", genius(t, ScaleGenius, party, "party_domain.xml", "party1_utility.xml", "party2_utility.xml"), "geniusweb", ""},
		{"jobs via GeniusWeb", geniusWeb(t, jobs, "jobs1.json", "jobs2.json"), "geniusweb", ""},
		// jobs1 values no fte option at 1, so GENIUS's division by the best would
		// change its utilities (the exporter warns); the raw reading keeps them.
		{"jobs via GENIUS, raw", geniusWeb(t, jobs, "jobs1.json", "jobs2.json"), "genius", ScaleRaw},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var files []File
			var back *sim.Scenario
			var err error
			sp := scenariotest.Compile(t, c.sc)
			if c.format == "genius" {
				files, _, err = WriteGenius(sp)
				if err == nil {
					back, err = ReadGenius(files[0], files[1:], GeniusOptions{Scale: c.scale})
				}
			} else {
				files, _, err = WriteGeniusWeb(sp)
				if err == nil {
					back, err = ReadGeniusWeb(files[1:])
				}
			}
			if err != nil {
				t.Fatal(err)
			}
			for i, a := range c.sc.Actors {
				if math.Abs(back.Actors[i].Reservation-a.Reservation) > 1e-9 || a.UtilityScale > 0 && math.Abs(back.Actors[i].UtilityScale-a.UtilityScale) > 1e-9*a.UtilityScale {
					t.Errorf("actor %s: reservation %v→%v, utility_scale %v→%v", a.ID, a.Reservation, back.Actors[i].Reservation, a.UtilityScale, back.Actors[i].UtilityScale)
				}
			}
			sameAnalysis(t, c.name, analyze(t, c.sc), analyze(t, back))
		})
	}
}
