package main

import (
	"bytes"
	"context"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// tradeFile: one issue, a buyer and a seller. The seller (reservation 0.5) accepts mid
// (0.7) and high (1); the buyer gets 0.6 from mid, so a ZOPA exists while the buyer's
// reservation is at most 0.6. The variant greedy-buyer raises the buyer's reservation past
// it; the file draws that reservation from uniform(0.2,1.0) under uncertainty.
const tradeFile = "testdata/trade.yaml"

func TestSweepCommand(t *testing.T) {
	chart := filepath.Join(t.TempDir(), "sweep.svg")
	sw := runJSON[struct {
		Points []struct {
			Value float64 `json:"value"`
			ZOPA  uint64  `json:"zopa"`
		} `json:"points"`
		Thresholds []struct {
			Kind string  `json:"kind"`
			From float64 `json:"from"`
			To   float64 `json:"to"`
		} `json:"thresholds"`
	}](t, "sweep", tradeFile, "--param", "actors.buyer.reservation", "--from", "0", "--to", "1", "--steps", "5", "--chart", chart)
	// Values 0, 0.25, 0.5, 0.75, 1. At 0 the buyer takes mid and high (0 ≥ 0), so the
	// ZOPA is {mid, high}; at 0.25 and 0.5 only mid; from 0.75 on nothing.
	want := []uint64{2, 1, 1, 0, 0}
	for i, p := range sw.Points {
		if p.ZOPA != want[i] {
			t.Errorf("at %g: ZOPA %d, want %d", p.Value, p.ZOPA, want[i])
		}
	}
	// mid is worth 0.6 to the buyer: the ZOPA closes just above that.
	if len(sw.Thresholds) != 1 || sw.Thresholds[0].Kind != "closes" || sw.Thresholds[0].From > 0.6 || sw.Thresholds[0].To < 0.6 {
		t.Errorf("thresholds %+v, want one where the ZOPA closes, bracketing 0.6", sw.Thresholds)
	}
	svg, err := os.ReadFile(chart)
	if err != nil || !bytes.Contains(svg, []byte("<svg")) {
		t.Errorf("the chart %s is not an SVG file: %v", chart, err)
	}

	png := filepath.Join(t.TempDir(), "sweep.png")
	if _, errs, code := runNegsim(t, "sweep", tradeFile, "--param", "actors.seller.reservation", "--values", "0.4,0.9", "--chart", png); code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if b, err := os.ReadFile(png); err != nil || !bytes.HasPrefix(b, []byte("\x89PNG")) {
		t.Errorf("the chart %s is not a PNG file: %v", png, err)
	}
}

func TestWhatIfUsageErrors(t *testing.T) {
	certain := filepath.Join(t.TempDir(), "certain.yaml")
	trade, err := os.ReadFile(tradeFile)
	if err != nil {
		t.Fatal(err)
	}
	before, _, _ := strings.Cut(string(trade), "uncertainty:")
	if err := os.WriteFile(certain, []byte(before), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"sweep without a path", []string{"sweep", tradeFile, "--from", "0", "--to", "1"}, "sweep needs --param"},
		{"sweep of a wrong path", []string{"sweep", tradeFile, "--param", "actors.buyer.reservaton", "--values", "0.1"}, `did you mean "reservation"?`},
		{"sweep without values", []string{"sweep", tradeFile, "--param", "actors.buyer.reservation"}, "sweep needs the values"},
		// One end alone was told "sweep needs the values", as if none had been given.
		{"sweep without --to", []string{"sweep", tradeFile, "--param", "actors.buyer.reservation", "--from", "0.2"}, "--from needs --to B, the last value, too: sweep takes --from A --to B [--steps N], or --values A,B,C"},
		{"sweep without --from", []string{"sweep", tradeFile, "--param", "actors.buyer.reservation", "--to", "0.8"}, "--to needs --from A, the first value, too: sweep takes"},
		{"sweep chart of an unknown type", []string{"sweep", tradeFile, "--param", "actors.buyer.reservation", "--values", "0.1", "--chart", "x.gif"}, "must end in .svg or .png"},
		{"set of a wrong key", []string{"analyze", tradeFile, "--set", "actors.buyer.utility=1"}, `valid: "id", "name"`},
		{"set of a wrong type", []string{"analyze", tradeFile, "--set", "actors.buyer.veto=sometimes"}, "expects true or false"},
		{"unknown variant", []string{"analyze", tradeFile + "#greedy"}, `no variant "greedy"`},
		// Two variants: the first was dropped without a word, where a student meant both
		// (and FILE#VARIANT beside --variant was already refused).
		{"two variants", []string{"analyze", "teaching-tied-hands", "--variant", "hawkish", "--variant", "very-hawkish"}, "--variant is given twice (hawkish, then very-hawkish): negsim applies one variant; give the other's changes as --set, which negsim params lists"},
		{"montecarlo without uncertainty", []string{"montecarlo", certain}, "has no uncertainty: section"},
		{"vary of a wrong path", []string{"montecarlo", tradeFile, "--vary", "actors.nobody.reservation=uniform(0,1)"}, `actors has no "nobody"`},
		{"montecarlo bad distribution", []string{"montecarlo", tradeFile, "--vary", "actors.buyer.reservation=uniform(0.9,0.1)"}, "min 0.9 is above max 0.1"},
		{"compare different issues", []string{"compare", tradeFile, "ukraine-2026"}, `compare needs the same issues`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantRefused(t, tt.want, tt.args...)
		})
	}
}

func TestMonteCarloCommandSameBytesOnOneAndTwoWorkers(t *testing.T) {
	var outs []string
	for _, format := range []string{"json", "table"} {
		for _, workers := range []string{"1", "2"} {
			out := runOK(t, "montecarlo", tradeFile, "--draws", "500", "--seed", "9", "--workers", workers, "--format", format)
			outs = append(outs, out)
		}
	}
	if outs[0] != outs[1] || outs[2] != outs[3] {
		t.Error("--workers 1 and --workers 2 gave different output for the same seed")
	}
	if strings.Contains(outs[2], "\x1b[") {
		t.Error("a progress bar reached the output although stderr is not a terminal")
	}
	mc := decodeJSON[struct {
		P struct {
			Low, High float64
		} `json:"zopa_non_empty"`
	}](t, "montecarlo --format json", outs[0])
	// The buyer's reservation is uniform on [0.2, 1]; the ZOPA is open while it is at
	// most 0.6: P = 0.4 / 0.8 = 0.5.
	if mc.P.Low > 0.5 || mc.P.High < 0.5 {
		t.Errorf("95%% interval [%g, %g] misses the exact 0.5", mc.P.Low, mc.P.High)
	}
}

func TestMonteCarloCommandInterrupted(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var out, errb bytes.Buffer
	code := run(ctx, []string{"montecarlo", tradeFile, "--draws", "100"}, strings.NewReader(""), &out, &errb)
	if code != exitFailure || !strings.Contains(out.String(), "INTERRUPTED: 0 of 100 draws") || !strings.Contains(errb.String(), "interrupted after 0 of 100 draws") {
		t.Errorf("exit %d\nstdout %s\nstderr %s\nwant exit 1, a report marked interrupted and a note on stderr", code, out.String(), errb.String())
	}
}

func TestCompareCommandWithVariant(t *testing.T) {
	c := runJSON[struct {
		After     string `json:"after"`
		Before    uint64 `json:"zopa_before"`
		AfterN    uint64 `json:"zopa_after"`
		Leaving   uint64 `json:"leaving_count"`
		Solutions []struct {
			Solution string            `json:"solution"`
			After    map[string]string `json:"after"`
		} `json:"solutions"`
	}](t, "compare", tradeFile, tradeFile+"#greedy-buyer")
	// Before: ZOPA {mid}. The variant raises the buyer's reservation to 0.65 > 0.6, so
	// mid leaves and nothing is left: no solution after.
	if c.Before != 1 || c.AfterN != 0 || c.Leaving != 1 || c.Solutions[0].After != nil || !strings.HasSuffix(c.After, "#greedy-buyer") {
		t.Errorf("got %+v; want ZOPA 1 → 0, one deal leaving, no Nash deal after, B named with its variant", c)
	}
	// With the seller's reservation at 0, low (worth 0 to it) is acceptable to it as well,
	// and the buyer (0.3) takes low (1): low enters, mid stays.
	out, errs, code := runNegsim(t, "compare", tradeFile, tradeFile, "--set", "actors.seller.reservation=0")
	if code != 0 || !strings.Contains(out, "A: 1 deal; B: 2 deals. 1 enters and 0 leave the ZOPA.") {
		t.Errorf("exit %d, stderr %s\n%s", code, errs, out)
	}
}

// A what-if that narrows a red line until a constraint can no longer be met leaves a
// scenario that still means something: the constraint then rules out its if. In the
// two-by-two case (sim/zopa_test.go: ZOPA a0 b0, a1 b0, a2 b1) X adds "if a is a1, then b is
// b1", which removes a1 b0: ZOPA a0 b0, a2 b1. Narrowing X's acceptable b to b0 removes a2 b1
// and leaves the constraint unmeetable, so a1 is out altogether: the ZOPA is a0 b0 alone.
func TestWhatIfThatMakesAConstraintUnmeetableStillRuns(t *testing.T) {
	base := twoByTwoText(t)
	withConstraint := strings.Replace(base,
		"      b: {weight: 40, utilities: {b0: 0, b1: 1}}\n",
		"      b: {weight: 40, utilities: {b0: 0, b1: 1}, acceptable: [b0, b1]}\n    constraints:\n      - if: {a: [a1]}\n        then: {b: [b1]}\n        why: a1 only with b1\n", 1)
	file := writeTemp(t, "constrained.yaml", withConstraint)
	if n := zopaCount(t, file); n != 2 {
		t.Errorf("with the constraint: ZOPA %d; want 2 (a0 b0, a2 b1)", n)
	}
	narrowed := []string{file, "--set", "actors.x.preferences.b.acceptable=b0"}
	n := zopaCount(t, narrowed...)
	_, warning, _ := runNegsim(t, append([]string{"analyze"}, narrowed...)...)
	if n != 1 || !strings.Contains(warning, "can never be met") {
		t.Errorf("narrowed: ZOPA %d, stderr %q; want 1 (a0 b0) and a warning that the constraint can never be met", n, warning)
	}
}

// MODEL section 4: events and drift apply only in rounds, clamped to range when read; no
// other command refuses a what-if because an event would push a value out of range. The
// shipped scenario's event at round 2 lowers Ukraine's reservation by more than 0.02, so
// before, analyze and sweep from 0 refused to run.
func TestEventsPushingAValueOutOfRangeBlockNothing(t *testing.T) {
	for _, args := range [][]string{
		{"analyze", "--set", "actors.ukraine.reservation=0.02"},
		{"sweep", "--param", "actors.ukraine.reservation", "--from", "0", "--to", "0.1", "--steps", "2"},
		{"rounds", "--set", "actors.ukraine.reservation=0.02", "--format", "json"},
	} {
		if _, errOut, code := runNegsim(t, args...); code != 0 {
			t.Errorf("%v: exit %d: %s", args, code, errOut)
		}
	}
	// In testdata/drift.yaml the seller starts at 0.1 and drifts +0.05 a round; the event at
	// round 4 takes 0.25 off: r(4) = 0.1 + 4·0.05 − 0.25 = 0.05, inside [0,1] all along. Both
	// are hardliners, so the talks run to the deadline and round 4 is played.
	const drift = "testdata/drift.yaml"
	tr := runJSON[struct {
		Rounds []struct {
			Round  int
			Actors []struct {
				Actor       string
				Reservation float64
			}
		}
	}](t, "rounds", drift)
	if _, errOut, code := runNegsim(t, "validate", drift); code != 0 {
		t.Errorf("validate: exit %d: %s", code, errOut)
	}
	seen := false
	for _, rd := range tr.Rounds {
		for _, a := range rd.Actors {
			if rd.Round == 4 && a.Actor == "seller" {
				seen = true
				if math.Abs(a.Reservation-0.05) > 1e-9 {
					t.Errorf("seller's reservation at round 4: %g; want 0.1 + 4·0.05 − 0.25 = 0.05", a.Reservation)
				}
			}
		}
	}
	if !seen {
		t.Errorf("no round 4 for the seller in the transcript: %+v", tr.Rounds)
	}
}

// A variant's value stands under Monte Carlo: the file draws the buyer's reservation from
// uniform(0.2,1.0) around its 0.3; greedy-buyer sets 0.65, so the draws move by +0.35 to
// uniform(0.55,1.35), kept within [0,1]: uniform(0.55,1). A ZOPA exists while the buyer's
// reservation is at most 0.6 (what mid gives it), so P(ZOPA) = (0.6 − 0.55) / (1 − 0.55) =
// 0.111. Replacing the variant's value by the file's draws, as before, gave 0.4 / 0.8 = 0.5.
func TestMonteCarloKeepsTheVariantsValue(t *testing.T) {
	mc := runJSON[struct {
		ZOPANonEmpty struct{ Share float64 } `json:"zopa_non_empty"`
		Recentred    []struct{ Path, From, To string }
	}](t, "montecarlo", tradeFile+"#greedy-buyer", "--draws", "4000", "--seed", "3")
	// 4000 draws: the standard error of a share near 0.11 is about 0.005.
	if math.Abs(mc.ZOPANonEmpty.Share-0.05/0.45) > 0.025 {
		t.Errorf("P(ZOPA non-empty) = %g; want about 0.111", mc.ZOPANonEmpty.Share)
	}
	if len(mc.Recentred) != 1 || mc.Recentred[0].From != "uniform(0.2,1)" || mc.Recentred[0].To != "uniform(0.55,1)" {
		t.Errorf("recentred %+v; want uniform(0.2,1) moved to uniform(0.55,1)", mc.Recentred)
	}
	text, _, _ := runNegsim(t, "montecarlo", tradeFile+"#greedy-buyer", "--draws", "10")
	if !strings.Contains(text, "actors.buyer.reservation is 0.3 in the file and 0.65 here: uniform(0.2,1) becomes uniform(0.55,1).") {
		t.Errorf("the report does not say the distribution moved:\n%s", text)
	}
	// --vary for the same path is the user's own distribution: it is drawn as given.
	out, _, _ := runNegsim(t, "montecarlo", tradeFile+"#greedy-buyer", "--vary", "actors.buyer.reservation=uniform(0.2,1)", "--draws", "10", "--format", "json")
	if !strings.Contains(out, `"recentred": []`) {
		t.Errorf("--vary replaced the distribution, yet the report says it moved:\n%s", out)
	}
}

// compare lists every value that changed and the entering deals best first. From
// two-by-two#demanding (x's reservation 0.8: no ZOPA) to two-by-two (0.3), the ZOPA's three
// deals enter; by the Nash product of the surpluses over 0.3 (sim/zopa_test.go's table):
// a0 b0 .3 × .2 = .06, a2 b1 .1 × .2 = .02, a1 b0 0 × .45 = 0. Option order would put a1 b0
// second.
func TestCompareListsChangesAndBestDealsFirst(t *testing.T) {
	c := runJSON[struct {
		Changes  []struct{ Path, Before, After string }
		Entering []struct {
			Options     map[string]string
			NashProduct float64 `json:"nash_product"`
		}
	}](t, "compare", "testdata/two-by-two.yaml#demanding", "testdata/two-by-two.yaml")
	if len(c.Changes) != 1 || c.Changes[0].Path != "actors.x.reservation" || c.Changes[0].Before != "0.8" || c.Changes[0].After != "0.3" {
		t.Errorf("changes %+v; want actors.x.reservation 0.8 → 0.3 alone", c.Changes)
	}
	var got []string
	for _, d := range c.Entering {
		got = append(got, d.Options["a"]+d.Options["b"])
	}
	if strings.Join(got, " ") != "a0b0 a2b1 a1b0" || len(c.Entering) != 3 || math.Abs(c.Entering[0].NashProduct-.06) > 1e-9 {
		t.Errorf("entering %v (%+v); want a0b0 a2b1 a1b0, the first with product .06", got, c.Entering)
	}
}

// "--set PATH VALUE" (a space for the =) is hinted, not reported as a missing file VALUE.
func TestSetWithASpaceIsHinted(t *testing.T) {
	_, errOut, code := runNegsim(t, "analyze", "--set", "actors.russia.reservation", "0.6")
	if code != 2 || !strings.Contains(errOut, "did you mean --set actors.russia.reservation=0.6?") || strings.Contains(errOut, "no file") {
		t.Errorf("exit %d, stderr %q; want 2 and the --set PATH=VALUE hint", code, errOut)
	}
}

// compare's CSV offers every table, one per file. testdata/two-by-two.yaml against its
// variant demanding (x's reservation .3 → .8, which empties the zone): the three ZOPA deals
// of A all leave. Their surpluses in A (u − .3), from sim/zopa_test.go's table:
//
//	a0 b0  x .6 − .3 = .3, y .5 − .3 = .2    Nash product .06
//	a2 b1  x .4 − .3 = .1, y .5 − .3 = .2    .02
//	a1 b0  x .3 − .3 = 0,  y .75 − .3 = .45  0
func TestCompareCSVGivesEveryTable(t *testing.T) {
	want := map[string]string{
		"changes":  "path,a,b\nactors.x.reservation,0.3,0.8\n",
		"zopa":     "zopa_a,zopa_b,entering,leaving\n3,0,0,3\n",
		"entering": "a,b,surplus_x,surplus_y,nash_product\n",
		"leaving":  "a,b,surplus_x,surplus_y,nash_product\na0,b0,0.3,0.2,0.06\na2,b1,0.1,0.2,0.02\na1,b0,0,0.45,0\n",
		// B's zone is empty, so every solution has a deal in A only.
		"solutions": "solution,side,a,b\nnash,a,a0,b0\nnash,b,,\n",
	}
	for table, w := range want {
		out := runOK(t, "compare", "testdata/two-by-two.yaml", "testdata/two-by-two.yaml#demanding", "--format", "csv", "--table", table)
		if !strings.HasPrefix(out, w) {
			t.Errorf("--table %s:\n%s\nwant it to begin\n%s", table, out, w)
		}
	}
	wantRefused(t, `did you mean "leaving"?`, "compare", "testdata/two-by-two.yaml", "testdata/two-by-two.yaml", "--format", "csv", "--table", "leavng")
	wantRefused(t, "--format table shows every table", "compare", "testdata/two-by-two.yaml", "testdata/two-by-two.yaml", "--table", "zopa")
	// The actor table says yes and no for the veto, as every other table does.
	text := runOK(t, "compare", "testdata/two-by-two.yaml", "testdata/two-by-two.yaml")
	if !regexp.MustCompile(`│ x +│ yes +│`).MatchString(text) || !regexp.MustCompile(`│ z +│ no +│`).MatchString(text) {
		t.Errorf("the actor table should say yes/no for the veto:\n%s", text)
	}
}

// sweep says before it runs what is wrong with what it was asked: a true/false path needs
// compare; a group is not repeated whole (its JSON runs to pages on a real scenario) but
// points to the numbers under it, the first three in file order: x's preference on a has
// its weight, then utilities a0, a1, a2; issue a holds options and no number; an end out of
// range is named by its flag. x's reservation is a utility,
// 0 to 1, so the sweep from .2 to 1.5 fails at --to 1.5, not at its first step past 1
// (.2 + 3 × (1.3/4) = 1.175).
func TestSweepNamesWhatIsWrongUpFront(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--param", "actors.z.veto", "--values", "true,false"}, "--param actors.z.veto is true or false (now false); sweep varies a number. To see what the other value does: negsim compare testdata/two-by-two.yaml testdata/two-by-two.yaml --set actors.z.veto=true"},
		{[]string{"--param", "actors.x.preferences.a", "--values", "0,1"}, "--param actors.x.preferences.a is a group of settings; sweep varies one number, such as actors.x.preferences.a.weight, actors.x.preferences.a.utilities.a0 or actors.x.preferences.a.utilities.a1 ('negsim params testdata/two-by-two.yaml' lists them all)"},
		{[]string{"--param", "issues.a", "--values", "0,1"}, "--param issues.a is a group of settings with no number in it; sweep varies a number, and 'negsim params testdata/two-by-two.yaml' lists them"},
		{[]string{"--param", "actors.x.preferences.a.acceptable.0", "--values", "0,1"}, "--param actors.x.preferences.a.acceptable.0 holds an option (now a0); sweep varies a number."},
		{[]string{"--param", "actors.x.reservation", "--from", "0.2", "--to", "1.5", "--steps", "5"}, "--to 1.5: 1.5 is outside [0,1]"},
		{[]string{"--param", "actors.x.reservation", "--values", "0.5,-0.25"}, "--values -0.25: -0.25 is outside [0,1]"},
		{[]string{"--param", "actors.x.reservation", "--values", "0.5,half"}, `--values: "half" is not a finite number`},
	} {
		wantRefused(t, c.want, append([]string{"sweep", "testdata/two-by-two.yaml"}, c.args...)...)
	}
}

// A variant misspelt in FILE#VARIANT is named as it was typed: compare has no --variant
// flag, and an error that blamed one sent the student looking for it. The suggestion is the
// variant one letter away.
func TestVariantTypedAfterAHashIsNamedAsTyped(t *testing.T) {
	for _, args := range [][]string{
		{"compare", "ukraine-2026", "ukraine-2026#sanctions-bit"},
		{"analyze", "ukraine-2026#sanctions-bit"},
	} {
		_, stderr, code := runNegsim(t, args...)
		want := `ukraine-2026#sanctions-bit: no variant "sanctions-bit"; did you mean "sanctions-bite"?`
		if code != exitBadUse || !strings.Contains(stderr, want) || strings.Contains(stderr, "--variant") {
			t.Errorf("negsim %s: exit %d, %q; want exit %d saying %q and no --variant", strings.Join(args, " "), code, stderr, exitBadUse, want)
		}
	}
	wantRefused(t, `--variant sanctions-bit: variants: no variant "sanctions-bit"; did you mean "sanctions-bite"?`, "analyze", "--variant", "sanctions-bit")
}

// A deal written as its options alone is read by the order of the issues, which the output
// names: in the reference scenario "phased" settles sanctions and sequencing alike, and
// "none" five issues, so "…, none, phased, …" cannot be read without it. The issues are
// the file's, in its order, as explain lists them.
func TestDealsOfOptionsAloneNameTheIssueOrder(t *testing.T) {
	order := "lists its options in the order of the issues: territory, recognition, guarantees, nato, military-limits, foreign-troops, sanctions, assets, sequencing, eu-path, language, interim."
	sweep := strings.Join(strings.Fields(runOK(t, "sweep", "--variant", "sanctions-bite", "--param", "actors.russia.reservation", "--values", "0.45,0.5")), " ")
	wantContains(t, "sweep", sweep, "The Nash deal "+order)
	compared := strings.Join(strings.Fields(runOK(t, "compare", "ukraine-2026", "ukraine-2026#sanctions-bite")), " ")
	wantContains(t, "compare", compared, "Bargaining solutions -------------------- Each deal "+order)
}

// The same variant twice, as a script that adds --variant to a line that has it may write,
// is one variant, not a clash.
func TestVariantGivenTwiceTheSameIsOne(t *testing.T) {
	twice := runOK(t, "analyze", "teaching-tied-hands", "--variant", "hawkish", "--variant", "hawkish")
	if once := runOK(t, "analyze", "teaching-tied-hands", "--variant", "hawkish"); twice != once {
		t.Errorf("--variant hawkish twice printed\n%s\nonce\n%s", twice, once)
	}
}
