package sim_test

import (
	"context"
	"encoding/json"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/negsim/negsim/internal/scenariotest"
	"github.com/negsim/negsim/sim"
)

// Every row params lists, written back with Set, must be accepted and leave every answer
// as it was: that is what lets a student paste a row into --set, and what the sensitivity
// analysis and the browser page rely on when they start from the current value. The
// answers compared are analyze's JSON and a rounds transcript (protocol and events change
// only rounds).
func TestParamsRoundTripOnShippedScenarios(t *testing.T) {
	ctx := context.Background()
	var baseRows map[string]bool // the rows of the scenario as written, met first
	for _, c := range shippedCases(t) {
		name, variant := c.name, c.variant
		want := map[bool]string{false: answers(t, ctx, c.sc, false), true: answers(t, ctx, c.sc, true)}
		written := scenarioJSON(t, c.sc)
		params := c.sc.Params()
		if len(params) == 0 {
			t.Fatalf("%s#%s: no params", name, variant)
		}
		if variant == "" {
			baseRows = map[string]bool{}
		}
		for _, p := range params {
			// A variant's rows that read as the base's were checked on the base; a
			// full analysis of the reference scenario takes milliseconds, and it has
			// hundreds of rows in each of its variants.
			key := p.Path + "=" + p.Value
			if variant != "" && baseRows[key] {
				continue
			}
			if variant == "" {
				baseRows[key] = true
			}
			checkInRange(t, name, p)
			sc := c.sc.Clone()
			if err := sc.Set(p.Path, p.Value); err != nil {
				t.Fatalf("%s#%s: --set %s=%s refused: %v", name, variant, p.Path, p.Value, err)
			}
			if errs := sc.Validate().Errors(); len(errs) > 0 {
				t.Fatalf("%s#%s: --set %s=%s leaves the scenario invalid: %v", name, variant, p.Path, p.Value, errs)
			}
			// Set back as shown, a value most often leaves the scenario as it was, field for
			// field, and so every answer; the answers are worked out where it does not (an
			// option list written out in full, a value shown rounded), as a student pasting
			// the row would see them. The scenario is compared as written before any row
			// was set, so a Set that reached through the clone into c.sc is caught too.
			if scenarioJSON(t, sc) == written {
				continue
			}
			if got := answers(t, ctx, sc, roundsOnly(p.Path)); got != want[roundsOnly(p.Path)] {
				t.Fatalf("%s#%s: --set %s=%s changed the answers", name, variant, p.Path, p.Value)
			}
		}
	}
}

// roundsOnly tells the values that only rounds read (and analyze does not) from the rest,
// so that each row is checked by the answer it can change: a whole rounds run costs ten
// analyses.
func roundsOnly(path string) bool {
	return strings.HasPrefix(path, "protocol.") || strings.HasPrefix(path, "events.") ||
		strings.Contains(path, ".strategy.") || strings.HasSuffix(path, ".reservation_drift")
}

func scenarioJSON(t *testing.T, sc *sim.Scenario) string {
	t.Helper()
	out, err := json.Marshal(sc)
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

func answers(t *testing.T, ctx context.Context, sc *sim.Scenario, rounds bool) string {
	t.Helper()
	sp := scenariotest.Compile(t, sc)
	var result any
	var err error
	if rounds {
		result, err = sim.Rounds(ctx, sp, sim.RoundsOptions{Seed: 1})
	} else {
		result, err = sim.Analyze(ctx, sp, sim.Options{Limit: 5})
	}
	if err != nil {
		t.Fatal(err)
	}
	out, err := json.Marshal(result)
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

func checkInRange(t *testing.T, name string, p sim.Param) {
	t.Helper()
	switch p.Kind {
	case sim.ParamNumber, sim.ParamInteger:
		x, err := strconv.ParseFloat(p.Value, 64)
		if err != nil || p.Min == nil || p.Max == nil || x < *p.Min || x > *p.Max {
			t.Errorf("%s: %s = %s is not a number within its range", name, p.Path, p.Value)
		}
	case sim.ParamOption:
		if !slices.Contains(p.Choices, p.Value) {
			t.Errorf("%s: %s = %s is not one of %v", name, p.Path, p.Value, p.Choices)
		}
	case sim.ParamOptions:
		for _, id := range strings.Split(strings.Trim(p.Value, "[]"), ",") {
			if !slices.Contains(p.Choices, id) {
				t.Errorf("%s: %s holds %s, not one of %v", name, p.Path, id, p.Choices)
			}
		}
	case sim.ParamBool:
		if p.Value != "true" && p.Value != "false" {
			t.Errorf("%s: %s = %s is not true or false", name, p.Path, p.Value)
		}
	case sim.ParamText:
	case sim.ParamGroup:
		if !json.Valid([]byte(p.Value)) {
			t.Errorf("%s: %s = %s is not JSON", name, p.Path, p.Value)
		}
	default:
		t.Errorf("%s: %s has unknown kind %q", name, p.Path, p.Kind)
	}
}

// The teaching example's rows, worked out from the file: the candidate's weights are
// 50, 30 and 20, so each weight ranges over 0 to their total, 100; its red line on salary
// is [mid,high]; the employer names no red line on start, so the row lists every option.
func TestParamsOfTeachingExample(t *testing.T) {
	doc := scenariotest.Shipped(t, "teaching-two-party", "")
	byPath := map[string]sim.Param{}
	for _, p := range doc.Scenario.Params() {
		if _, dup := byPath[p.Path]; dup {
			t.Fatalf("%s listed twice", p.Path)
		}
		byPath[p.Path] = p
	}
	check := func(path, value string, lo, hi float64) {
		t.Helper()
		p, ok := byPath[path]
		if !ok {
			t.Fatalf("no row for %s", path)
		}
		if p.Value != value {
			t.Errorf("%s = %s, want %s", path, p.Value, value)
		}
		if p.Min != nil && (*p.Min != lo || *p.Max != hi) {
			t.Errorf("%s ranges %v to %v, want %v to %v", path, *p.Min, *p.Max, lo, hi)
		}
	}
	check("actors.candidate.preferences.salary.weight", "50", 0, 100)
	check("actors.candidate.reservation", "0.5", 0, 1)
	check("actors.candidate.preferences.salary.acceptable", "[mid,high]", 0, 0)
	check("actors.employer.preferences.start.acceptable", "[now,one-month,three-months]", 0, 0)
	check("protocol.rounds", "10", 1, sim.MaxRounds)
}

// Every true/false a params row offers is one validation accepts: a ratifier's veto is
// offered as false alone, since a ratifier with a veto is an error (MODEL.md section 7).
// Each shipped scenario and variant is checked by setting every offered value and
// validating, an independent route to the same answer.
func TestParamsOfferOnlyValidSwitches(t *testing.T) {
	for _, c := range shippedCases(t) {
		for _, p := range c.sc.Params() {
			if p.Kind != sim.ParamBool {
				continue
			}
			offered := p.Choices
			if len(offered) == 0 {
				offered = []string{"true", "false"}
			}
			for _, v := range offered {
				sc := c.sc.Clone()
				if err := sc.Set(p.Path, v); err != nil {
					t.Fatalf("%s#%s: --set %s=%s refused: %v", c.name, c.variant, p.Path, v, err)
				}
				if errs := sc.Validate().Errors(); len(errs) > 0 {
					t.Errorf("%s#%s: %s offers %s, which validation refuses: %v", c.name, c.variant, p.Path, v, errs)
				}
			}
		}
	}
}

// Without decision.votes_needed someone must hold a veto (MODEL.md section 6; validation
// refuses a scenario where no one does). One row cannot say that of several vetoes together,
// so each veto's note names the others; a sole veto is offered as true alone; and with no
// veto at all decision.votes_needed starts at 1. Every limit is checked against validation
// itself, an independent route: what the rows offer passes, what their notes rule out fails.
func TestParamsVetoesTogether(t *testing.T) {
	// teaching-red-line writes no veto:, so its three parties hold one each, and no decision.
	base := scenariotest.Shipped(t, "teaching-red-line", "").Scenario
	with := func(sets ...string) *sim.Scenario {
		t.Helper()
		sc := base.Clone()
		for _, kv := range sets {
			path, value, _ := strings.Cut(kv, "=")
			if err := sc.Set(path, value); err != nil {
				t.Fatal(err)
			}
		}
		return sc
	}
	valid := func(sets ...string) bool { return len(with(sets...).Validate().Errors()) == 0 }
	row := func(sc *sim.Scenario, path string) sim.Param {
		t.Helper()
		for _, p := range sc.Params() {
			if p.Path == path {
				return p
			}
		}
		t.Fatalf("no row %s", path)
		return sim.Param{}
	}

	// With two others, the note does not name them: the vetoes are listed beside it.
	const others = "may be false while another actor keeps its veto"
	for _, id := range []string{"left", "centre", "right"} {
		p := row(base, "actors."+id+".veto")
		if len(p.Choices) != 0 || !strings.Contains(p.Note, others) || !strings.Contains(p.Note, "decision.votes_needed at 0") {
			t.Errorf("%s: choices %v, note %q; want true and false, with a note saying %q", p.Path, p.Choices, p.Note, others)
		}
		if !valid("actors." + id + ".veto=false") {
			t.Errorf("%s=false alone is refused, though its row offers it", p.Path)
		}
	}
	if valid("actors.left.veto=false", "actors.centre.veto=false", "actors.right.veto=false") {
		t.Error("every veto false together passes validation, though the notes say it cannot")
	}

	twoOff := []string{"actors.left.veto=false", "actors.centre.veto=false"}
	if p := row(with(twoOff...), "actors.right.veto"); len(p.Choices) != 1 || p.Choices[0] != "true" || !strings.HasPrefix(p.Note, "is the only veto") {
		t.Errorf("the sole veto: choices %v, note %q; want true alone, as the only veto", p.Choices, p.Note)
	}
	if valid(append(twoOff, "actors.right.veto=false")...) {
		t.Error("the sole veto set false passes validation")
	}

	noVeto := []string{"actors.left.veto=false", "actors.centre.veto=false", "actors.right.veto=false", "decision.votes_needed=2"}
	if p := row(with(noVeto...), "decision.votes_needed"); p.Min == nil || *p.Min != 1 || !strings.Contains(p.Note, "no actor holds a veto") {
		t.Errorf("decision.votes_needed with no veto: %s, note %q; want a min of 1, saying no actor holds a veto", p.Value, p.Note)
	}
	if valid(append(noVeto, "decision.votes_needed=0")...) || !valid(append(noVeto, "decision.votes_needed=1")...) {
		t.Error("with no veto, validation should refuse decision.votes_needed 0 and take 1")
	}
	for _, path := range []string{"actors.left.veto", "actors.centre.veto"} {
		if p := row(with(noVeto...), path); p.Note != "" {
			t.Errorf("%s under a decision rule: note %q; want none, since no veto need stay", path, p.Note)
		}
	}
}

// Under alternating offers params notes that the mediator's rule and seat change no
// result: the parties propose in turn. The note must be true: on the reference scenario
// made alternating, and on the job offer (alternating as written), a rounds transcript
// and the analysis are the same whatever rule and mediator are set, and the rows say so;
// mediated, the reference scenario's rows carry no such note.
func TestParamsNoteWhatAlternatingOffersIgnore(t *testing.T) {
	ctx := context.Background()
	note := func(sc *sim.Scenario, path string) string {
		for _, p := range sc.Params() {
			if p.Path == path {
				return p.Note
			}
		}
		t.Fatalf("params lists no %s", path)
		return ""
	}
	mediated := scenariotest.Shipped(t, "ukraine-2026", "").Scenario
	for _, path := range []string{"protocol.rule", "protocol.mediator"} {
		if n := note(mediated, path); n != "" {
			t.Errorf("mediated, %s carries the note %q", path, n)
		}
	}
	reference := scenariotest.Shipped(t, "ukraine-2026", "").Scenario
	if err := reference.Set("protocol.kind", "alternating"); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		sc   *sim.Scenario
		sets [][2]string
	}{
		{"ukraine-2026, alternating", reference, [][2]string{{"protocol.rule", "mediator"}, {"protocol.mediator", "russia"}}},
		{"teaching-two-party", scenariotest.Shipped(t, "teaching-two-party", "").Scenario, [][2]string{{"protocol.rule", "mediator"}}},
	} {
		for _, s := range c.sets {
			if n := note(c.sc, s[0]); !strings.Contains(n, "changes no result while protocol.kind is alternating") {
				t.Errorf("%s: %s is noted %q", c.name, s[0], n)
			}
		}
		before := answers(t, ctx, c.sc, true) + answers(t, ctx, c.sc, false)
		changed := c.sc.Clone()
		for _, s := range c.sets {
			if err := changed.Set(s[0], s[1]); err != nil {
				t.Fatal(err)
			}
		}
		if after := answers(t, ctx, changed, true) + answers(t, ctx, changed, false); after != before {
			t.Errorf("%s: setting %v changed the rounds or the analysis", c.name, c.sets)
		}
	}
}
