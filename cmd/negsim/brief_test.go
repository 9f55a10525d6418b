package main

import (
	"encoding/json"
	"fmt"
	"html"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/negsim/negsim/config"
	"github.com/negsim/negsim/internal/scenariotest"
	"github.com/negsim/negsim/scenarios"
	"github.com/negsim/negsim/sim"
)

// A role's brief must depend on the public part of the scenario and on that role alone.
// The check is differential: change everything private to every other actor (weights,
// utilities, ideal points, red lines, constraints' reasons, reservations, drift, power,
// veto (unless a decision rule makes it public), sources and notes, the latter to marker
// strings), render the role's brief again, and require the same bytes, in every format.
// Markers make a leak of text easy to read in a failure; the byte comparison catches leaked
// numbers too.

const leakMarker = "LEAKMARK"

// perturbOthers returns a copy of sc in which every actor but keep has other private
// values, and its texts are marker strings naming the actor and the field.
func perturbOthers(t *testing.T, sc *sim.Scenario, keep int) *sim.Scenario {
	t.Helper()
	out := sc.Clone()
	// Variants and distributions are written for the values as they were and may not fit
	// the changed ones; briefs show neither.
	out.Variants, out.Uncertainty = nil, nil
	vetoes := 0
	ratifier := map[string]bool{}
	for i := range out.Actors {
		if out.Actors[i].Veto {
			vetoes++
		}
		for _, id := range out.Actors[i].Ratification.By {
			ratifier[id] = true
		}
	}
	for i := range out.Actors {
		if i == keep {
			continue
		}
		a := &out.Actors[i]
		mark := func(field string) string { return fmt.Sprintf("%s-%s-%s", leakMarker, a.ID, field) }
		a.Reservation = math.Mod(a.Reservation+0.37, 1)
		a.ReservationDrift += 0.013
		a.Power += 1.7
		a.Source, a.Note = mark("source"), mark("note")
		// Flip the veto while at least one veto actor remains; a ratifier can hold none.
		// Under a decision rule the vetoes are part of the public rule, so they stay.
		if (!a.Veto || vetoes > 1) && !ratifier[a.ID] && sc.Decision.VotesNeeded == 0 {
			if a.Veto {
				vetoes--
			} else {
				vetoes++
			}
			a.Veto = !a.Veto
		}
		// Red lines change except on issues the actor's constraints name, where a change can
		// make a constraint impossible and the scenario invalid.
		bound := map[string]bool{}
		for _, cn := range a.Constraints {
			for id := range cn.If {
				bound[id] = true
			}
			for id := range cn.Then {
				bound[id] = true
			}
		}
		for p := range a.Preferences {
			pr := &a.Preferences[p]
			is := &out.Issues[out.IssueIndex(pr.Issue)]
			pr.Weight = pr.Weight*1.9 + 3
			for id, v := range pr.Utilities {
				pr.Utilities[id] = 1 - v
			}
			if pr.Ideal != "" {
				pr.Ideal = is.Options[(is.OptionIndex(pr.Ideal)+1)%len(is.Options)].ID
			}
			switch {
			case bound[pr.Issue]:
			case pr.Acceptable == nil && len(is.Options) > 1:
				for _, o := range is.Options[1:] {
					pr.Acceptable = append(pr.Acceptable, o.ID)
				}
			default:
				pr.Acceptable = nil
			}
			pr.Source, pr.Note = mark("pref-source-"+pr.Issue), mark("pref-note-"+pr.Issue)
		}
		for c := range a.Constraints {
			cn := &a.Constraints[c]
			cn.Why, cn.Source, cn.Note = mark(fmt.Sprint("why", c)), mark(fmt.Sprint("csource", c)), mark(fmt.Sprint("cnote", c))
		}
		// What the actor believes about the others, and the notes on its ratification, are
		// its own too.
		for b := range a.Beliefs.Set {
			if x, ok := a.Beliefs.Set[b].Value.(float64); ok {
				a.Beliefs.Set[b].Value = math.Mod(x+0.29, 1)
			}
		}
		if len(a.Beliefs.Set) > 0 {
			a.Beliefs.Source, a.Beliefs.Note = mark("beliefs-source"), mark("beliefs-note")
		}
		if len(a.Ratification.By) > 0 {
			a.Ratification.Source, a.Ratification.Note = mark("ratification-source"), mark("ratification-note")
		}
	}
	if errs := out.Validate().Errors(); len(errs) > 0 {
		t.Fatalf("%s: the perturbed scenario does not validate, so the check cannot run: %v", sc.Name, errs[0])
	}
	return out
}

type briefRenderer func(sc *sim.Scenario, actor int, format string) (string, error)

func renderRoleBrief(sc *sim.Scenario, actor int, format string) (string, error) {
	var b strings.Builder
	err := briefView(&config.Document{Scenario: sc}, sim.RoleBrief(sc, actor)).render(&b, format)
	return b.String(), err
}

// briefLeaks lists every way a role's brief, as render writes it, depends on another
// actor's private values.
func briefLeaks(t *testing.T, sc *sim.Scenario, render briefRenderer) []string {
	t.Helper()
	var leaks []string
	for keep := range sc.Actors {
		perturbed := perturbOthers(t, sc, keep)
		for _, format := range []string{"markdown", "html", "json", "table"} {
			before, err := render(sc, keep, format)
			if err != nil {
				t.Fatal(err)
			}
			after, err := render(perturbed, keep, format)
			if err != nil {
				t.Fatal(err)
			}
			role := sc.Actors[keep].ID
			if strings.Contains(after, leakMarker) {
				i := strings.Index(after, leakMarker)
				leaks = append(leaks, fmt.Sprintf("%s, %s's brief (%s) shows another actor's text: …%s…", sc.Name, role, format, after[max(0, i-40):min(len(after), i+60)]))
			} else if before != after {
				leaks = append(leaks, fmt.Sprintf("%s, %s's brief (%s) changes when only other actors' private values change", sc.Name, role, format))
			}
		}
	}
	return leaks
}

func shippedScenarios(t *testing.T) []*sim.Scenario {
	t.Helper()
	var out []*sim.Scenario
	for _, name := range scenarios.Names() {
		out = append(out, scenariotest.Shipped(t, name, "").Scenario)
	}
	return out
}

func TestBriefsLeakNothingOfOtherActors(t *testing.T) {
	roles := 0
	for _, sc := range shippedScenarios(t) {
		roles += len(sc.Actors)
		for _, leak := range briefLeaks(t, sc, renderRoleBrief) {
			t.Error(leak)
		}
		// The public brief holds no actor's private values at all.
		var before, after strings.Builder
		if err := briefView(&config.Document{Scenario: sc}, sim.PublicBrief(sc)).render(&before, "markdown"); err != nil {
			t.Fatal(err)
		}
		perturbed := perturbOthers(t, sc, -1)
		if err := briefView(&config.Document{Scenario: perturbed}, sim.PublicBrief(perturbed)).render(&after, "markdown"); err != nil {
			t.Fatal(err)
		}
		if before.String() != after.String() {
			t.Errorf("%s: the public brief changes with the actors' private values", sc.Name)
		}
	}
	if roles < 8 {
		t.Fatalf("only %d roles checked", roles)
	}
}

// The check must be able to fail: the perturbation reaches what a brief renders (each
// actor's own brief shows its markers and changes), and two deliberate leaks, another
// actor's note and another actor's reservation, are caught.
func TestBriefLeakCheckCatchesLeaks(t *testing.T) {
	sc := shippedScenarios(t)[slices.Index(scenarios.Names(), scenarios.Default)]
	for a := range sc.Actors {
		perturbed := perturbOthers(t, sc, (a+1)%len(sc.Actors))
		own, _ := renderRoleBrief(perturbed, a, "markdown")
		if !strings.Contains(own, leakMarker+"-"+sc.Actors[a].ID+"-note") {
			t.Errorf("%s's own brief does not show its perturbed note: the check would look at nothing", sc.Actors[a].ID)
		}
		orig, _ := renderRoleBrief(sc, a, "markdown")
		if orig == own {
			t.Errorf("%s's own brief is unchanged by perturbing its values", sc.Actors[a].ID)
		}
	}
	next := func(sc *sim.Scenario, a int) *sim.Actor { return &sc.Actors[(a+1)%len(sc.Actors)] }
	leakyNote := func(sc *sim.Scenario, a int, format string) (string, error) {
		b := sim.RoleBrief(sc, a)
		b.Role.Note += " " + next(sc, a).Note
		var w strings.Builder
		err := briefView(&config.Document{Scenario: sc}, b).render(&w, format)
		return w.String(), err
	}
	leakyReservation := func(sc *sim.Scenario, a int, format string) (string, error) {
		b := sim.RoleBrief(sc, a)
		b.Role.Note += fmt.Sprintf(" The next party walks away below %.1f points.", 100*next(sc, a).Reservation)
		var w strings.Builder
		err := briefView(&config.Document{Scenario: sc}, b).render(&w, format)
		return w.String(), err
	}
	for name, render := range map[string]briefRenderer{"note": leakyNote, "reservation": leakyReservation} {
		if leaks := briefLeaks(t, sc, render); len(leaks) != 4*len(sc.Actors) {
			t.Errorf("a brief leaking the next actor's %s: %d leaks found, want one per role and format (%d)", name, len(leaks), 4*len(sc.Actors))
		}
	}
}

// The leak check reaches beliefs and ratification: a brief that shows another actor's
// beliefs is caught, and each role's own beliefs and ratification do show in its brief.
func TestBriefLeakCheckCatchesBeliefLeaks(t *testing.T) {
	all := shippedScenarios(t)
	sc := all[slices.Index(scenarios.Names(), "teaching-telephone-game")]
	mediator := sc.ActorIndex("mediator")
	own, _ := renderRoleBrief(perturbOthers(t, sc, (mediator+1)%len(sc.Actors)), mediator, "markdown")
	if !strings.Contains(own, leakMarker+"-mediator-beliefs-note") || !strings.Contains(own, "What you believe about the others") {
		t.Fatalf("the mediator's brief does not show its own beliefs:\n%s", own)
	}
	leakyBeliefs := func(sc *sim.Scenario, a int, format string) (string, error) {
		b := sim.RoleBrief(sc, a)
		if a != mediator {
			b.Role.Beliefs = sim.RoleBrief(sc, mediator).Role.Beliefs
		}
		var w strings.Builder
		err := briefView(&config.Document{Scenario: sc}, b).render(&w, format)
		return w.String(), err
	}
	// Every role but the mediator's, in each of the four formats.
	if leaks := briefLeaks(t, sc, leakyBeliefs); len(leaks) != 4*(len(sc.Actors)-1) {
		t.Errorf("a brief showing the mediator's beliefs to the others: %d leaks found, want %d", len(leaks), 4*(len(sc.Actors)-1))
	}

	tied := all[slices.Index(scenarios.Names(), "teaching-tied-hands")]
	home, _ := renderRoleBrief(perturbOthers(t, tied, 0), 0, "markdown")
	parliament, _ := renderRoleBrief(tied, tied.ActorIndex("parliament"), "markdown")
	if !strings.Contains(home, "ratified at home by Home's parliament: it needs their vote") || !strings.Contains(parliament, "you vote at home on any deal Home government signs") {
		t.Errorf("ratification missing from the briefs:\n%s\n%s", home, parliament)
	}
}

// Hand-checked points for the two-by-two fixture: X weighs a 60 and b 40 (shares 60% and
// 40%), so a0 (value 1) is worth 60 points, a1 (0.5) 30, a2 0; b1 (1) 40. Its reservation
// 0.3 is 30 points.
func TestBriefPointsByHand(t *testing.T) {
	out := runOK(t, "brief", "testdata/two-by-two.yaml", "--actor", "x", "--format", "json")
	b := decodeJSON[sim.Brief](t, "brief --actor x", out)
	c := b.Role
	if c == nil || c.ID != "x" || c.ReservationPoints != 30 || len(c.Issues) != 2 {
		t.Fatalf("role %+v", c)
	}
	a, bi := c.Issues[0], c.Issues[1]
	if a.Share != 0.6 || bi.Share != 0.4 {
		t.Errorf("shares %g and %g, want 0.6 and 0.4", a.Share, bi.Share)
	}
	wantA := []sim.RoleOption{{Option: "a0", Value: 100, Points: 60, Acceptable: true}, {Option: "a1", Value: 50, Points: 30, Acceptable: true}, {Option: "a2", Value: 0, Points: 0, Acceptable: true}}
	if !slices.Equal(a.Options, wantA) || bi.Options[1].Points != 40 {
		t.Errorf("points on a %+v, on b %+v", a.Options, bi.Options)
	}
	if strings.Contains(out, `"reservation_points": 50`) || strings.Contains(out, `"Z"`) && strings.Contains(out, "ideal") {
		t.Error("x's brief shows something of Z's")
	}
}

func TestBriefAllWritesEveryRole(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "briefs")
	out := runOK(t, "brief", "testdata/two-by-two.yaml", "--all", "-o", dir, "--format", "html")
	for _, name := range []string{"public.html", "role-x.html", "role-y.html", "role-z.html", "deal-sheet.html"} {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(string(data), "<!DOCTYPE html>") || !strings.Contains(out, name) {
			t.Errorf("%s: not an HTML page, or not listed in the output", name)
		}
		if strings.HasPrefix(name, "role-") != strings.Contains(string(data), "Confidential") {
			t.Errorf("%s: the confidential part is where it should not be, or missing", name)
		}
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 5 {
		t.Errorf("%d files in %s, want 5 and no temporary file left", len(entries), dir)
	}
	wantRefused(t, `--actor w: no such actor`, "brief", "testdata/two-by-two.yaml", "--actor", "w")
	// -o with a folder's name and no --all: the way to a folder of briefs is named.
	wantRefused(t, `-o `+dir+`: a brief is one file: end its name in .html, .md, .json or .txt; to write the public brief and every role's brief into the folder `+dir+`, add --all`,
		"brief", "testdata/two-by-two.yaml", "-o", dir)
	// With --actor, --all would be refused.
	if _, stderr, code := runNegsim(t, "brief", "testdata/two-by-two.yaml", "--actor", "x", "-o", dir); code != 2 || !strings.HasSuffix(strings.TrimSpace(stderr), "end its name in .html, .md, .json or .txt") {
		t.Errorf("brief --actor x -o %s: exit %d, %q; want exit 2 asking for an extension alone", dir, code, stderr)
	}
}

// teacher_notes are for the teacher: every file brief --all writes, in every format, and
// every single brief leave them out, under a variant too, while explain --teacher and
// report --teacher show both the scenario's and the applied variant's.
func TestTeacherNotesStayOutOfBriefs(t *testing.T) {
	base := twoByTwoText(t)
	const scenarioSecret, variantSecret = "SPOILER-zone-is-a0-b0", "SPOILER-variant-empties-it"
	text := strings.Replace(base, "description: Two actors", "teacher_notes: "+scenarioSecret+"\ndescription: Two actors", 1)
	text = strings.Replace(text, "    description: X raises its reservation to 0.8, which empties the zone.\n",
		"    description: X raises its reservation to 0.8.\n    teacher_notes: "+variantSecret+"\n", 1)
	file := writeTemp(t, "secret.yaml", text)
	for _, format := range []string{"html", "markdown", "json"} {
		dir := filepath.Join(t.TempDir(), format)
		if _, errOut, code := runNegsim(t, "brief", file, "--variant", "demanding", "--all", "-o", dir, "--format", format); code != 0 {
			t.Fatalf("brief --all --format %s: exit %d: %s", format, code, errOut)
		}
		entries, _ := os.ReadDir(dir)
		want := 5 // public and x, y, z, and the deal sheet of sheets to print
		if format == "json" {
			want = 4
		}
		if len(entries) != want {
			t.Errorf("--format %s wrote %d files; want %d", format, len(entries), want)
		}
		for _, e := range entries {
			data, _ := os.ReadFile(filepath.Join(dir, e.Name()))
			if strings.Contains(string(data), "SPOILER") {
				t.Errorf("%s (--format %s) carries a teacher's note", e.Name(), format)
			}
		}
	}
	for _, args := range [][]string{{"brief", file}, {"brief", file, "--actor", "x", "--variant", "demanding"}, {"explain", file, "--variant", "demanding"}} {
		if out, _, _ := runNegsim(t, args...); strings.Contains(out, "SPOILER") {
			t.Errorf("%v shows a teacher's note", args)
		}
	}
	for _, args := range [][]string{{"explain", file, "--teacher", "--variant", "demanding"}, {"report", file, "--teacher", "--variant", "demanding"}} {
		out, errOut, code := runNegsim(t, args...)
		if code != 0 || !strings.Contains(out, scenarioSecret) || !strings.Contains(out, variantSecret) || !strings.Contains(out, "demanding (applied here)") {
			t.Errorf("%v: exit %d %s; want both teacher's notes, the variant marked applied:\n%.600s", args, code, errOut, out)
		}
	}
}

// The shipped teaching scenarios keep what they show when run in teacher_notes: no public
// brief repeats a sentence of them.
func TestShippedBriefsGiveNothingAway(t *testing.T) {
	for _, name := range scenarios.Names() {
		if !strings.HasPrefix(name, "teaching-") {
			continue // the reference scenario is being rewritten apart
		}
		doc := scenariotest.Shipped(t, name, "")
		if doc.Scenario.TeacherNotes == "" {
			t.Errorf("%s keeps no teacher_notes", name)
		}
		out, _, _ := runNegsim(t, "brief", name)
		for _, sentence := range strings.Split(oneLine(doc.Scenario.TeacherNotes), ". ") {
			if len(sentence) > 20 && strings.Contains(out, sentence) {
				t.Errorf("%s's public brief gives away %q", name, sentence)
			}
		}
	}
}

// Notes and sources follow the value: under a variant that sets Russia's drift and weights,
// the role brief quotes the variant's note, not the file's reasons for the numbers it
// replaced ("It rises 0.005 a round" when the variant sets −0.01).
func TestVariantBriefsQuoteTheVariantsNotes(t *testing.T) {
	out := runOK(t, "brief", "--variant", "sanctions-bite", "--actor", "russia")
	if strings.Contains(out, "rise of 0.005 a round") {
		t.Error("the brief quotes the file's drift note, which the variant's −0.01 replaced")
	}
	if !strings.Contains(out, "Note: Follows 002, an advocacy analysis arguing for exactly this pressure.") {
		t.Errorf("the brief does not quote the variant's own note for the reservation it sets:\n%s", out)
	}
	// A variant with no note of its own says so instead of keeping the file's.
	sc, err := twoByTwoScenario(t).WithVariant("demanding")
	if err != nil {
		t.Fatal(err)
	}
	if note := sc.Actors[0].Note; !strings.Contains(note, "Set by the variant demanding, which gives no source or note") {
		t.Errorf("x's note under demanding: %q", note)
	}
}

// twoByTwoText is testdata/two-by-two.yaml as written, for tests that edit it.
func twoByTwoText(t testing.TB) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "two-by-two.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func twoByTwoScenario(t testing.TB) *sim.Scenario {
	t.Helper()
	doc, err := config.Load("two-by-two.yaml", []byte(twoByTwoText(t)))
	if err != nil {
		t.Fatal(err)
	}
	return doc.Scenario
}

// Three issues of equal weight read 33% each, 99% in all: the brief says the shares are
// rounded. x in two-by-two.yaml has 60% and 40%, which add up to 100: no such line.
func TestBriefSaysRoundedSharesNeedNotAddUp(t *testing.T) {
	three := writeTemp(t, "three.yaml", `name: Three
description: Three equal issues.
issues:
  - {id: a, name: A, options: [{id: a0}, {id: a1}]}
  - {id: b, name: B, options: [{id: b0}, {id: b1}]}
  - {id: c, name: C, options: [{id: c0}, {id: c1}]}
actors:
  - id: p
    name: P
    reservation: 0.2
    preferences:
      a: {weight: 1, ideal: a0}
      b: {weight: 1, ideal: b0}
      c: {weight: 1, ideal: c0}
  - id: q
    name: Q
    reservation: 0.2
    preferences:
      a: {weight: 1, ideal: a1}
`)
	out, errOut, code := runNegsim(t, "brief", three, "--actor", "p")
	if code != 0 || !strings.Contains(out, "Shares are rounded to whole percents, so here they add up to 99%, not 100%.") {
		t.Errorf("exit %d, %s\n%s", code, errOut, out)
	}
	out, _, _ = runNegsim(t, "brief", "testdata/two-by-two.yaml", "--actor", "x")
	if strings.Contains(out, "Shares are rounded") {
		t.Errorf("60%% + 40%% add up to 100%%, yet the brief says they do not:\n%s", out)
	}
}

// A printed brief is read away from the scenario file: its list of sources must say what
// each source is (an advocacy analysis is not a news report) and where a reader finds its
// text. The reference scenario's 001 is, by its `sources:` entry, the file
// 001_e3e4ce375f1fbd8f.txt and "An advocacy analysis from a forum post, openly sympathetic
// to Ukraine"; its 004 "Several anonymous reader comments". The brief used to print the
// title alone; explain printed the file but not what the source is.
func TestBriefAndExplainSayWhatEachSourceIsAndWhereItIs(t *testing.T) {
	brief := runOK(t, "brief", "--format", "markdown")
	_, sources, _ := strings.Cut(brief, "## Sources")
	explain := runOK(t, "explain")
	_, explainSources, _ := strings.Cut(explain, "Sources:")
	explainSources, _, _ = strings.Cut(explainSources, "\n\n")
	for what, text := range map[string]string{"public brief": sources, "explain": explainSources} {
		wantContains(t, what+" sources", oneLine(text),
			"001: Analysis of the failed Abu Dhabi trilateral rounds",
			"001_e3e4ce375f1fbd8f.txt",
			"An advocacy analysis from a forum post, openly sympathetic to Ukraine",
			"004_172e93640e13bae6.txt",
			"Several anonymous reader comments, partisan and at times inflammatory")
	}
}

// A class playing a variant reads its premise in the brief: the title said "(variant
// sanctions-bite)" and the situation was the shipped case's, so no player learned that
// sanctions now bite. The variant's description is written to be read before a run (what
// it replays, never what it shows), so the public brief and every role brief give it under
// the situation; without a variant there is nothing to add.
func TestBriefSaysWhatTheVariantPlayed(t *testing.T) {
	// scenarios/ukraine-2026.yaml, variants.sanctions-bite.description, first words.
	premise := "What-if from 002: the West applies the pressure 002 calls for"
	for _, args := range [][]string{
		{"brief", "--variant", "sanctions-bite"},
		{"brief", "--variant", "sanctions-bite", "--actor", "russia"},
	} {
		out := runOK(t, args...)
		situation, _, _ := strings.Cut(out, "The parties")
		wantContains(t, strings.Join(args, " ")+" situation", oneLine(situation), "This case is the variant sanctions-bite. "+premise)
	}
	if out := runOK(t, "brief"); strings.Contains(out, "This case is the variant") {
		t.Errorf("the shipped case's brief names a variant:\n%s", out)
	}
}

// A source's address reads as an address in every format. Written "<https://…>", Markdown's
// escaping of angle brackets turned it into "&lt;https://…&gt;", text in a viewer, not a
// link; bare, a viewer links it and a terminal shows it as it is. teaching-harborco-quota's
// source is at https://www.pon.harvard.edu/shop/harborco/.
func TestBriefSourceAddressIsALinkInMarkdown(t *testing.T) {
	out := runOK(t, "brief", "teaching-harborco-quota", "--format", "markdown")
	wantContains(t, "markdown brief", out, "(Lawrence Susskind), https://www.pon.harvard.edu/shop/harborco/.")
	if strings.Contains(out, "&lt;https://") {
		t.Errorf("the address is escaped as text:\n%s", out)
	}
}

// A red line in a role brief reads as a sentence: "never no (No bridge)" and "never none (No
// recognition)" put an option's id where the reader expects a word. The option's label leads
// and its id follows for the score sheet: teaching-red-line's Centre party holds the bridge
// as its red line (acceptable: yes only), so it never agrees to the option "no", "No bridge".
func TestRoleBriefRedLinesReadAsSentences(t *testing.T) {
	out := runOK(t, "brief", "teaching-red-line", "--actor", "centre", "--format", "markdown")
	wantContains(t, "centre's red lines", out, "- New river bridge: never agree to No bridge (no).")
	if strings.Contains(out, "never no") {
		t.Errorf("a red line still reads \"never no\":\n%s", out)
	}
}

// How many of the ratifiers' votes a deal needs, said without "1 of their 1 votes": one
// vote is "their vote", all of several "all N of their votes".
func TestRatifiersNeeded(t *testing.T) {
	for _, c := range []struct {
		needed, votes int
		want          string
	}{
		{1, 1, "it needs their vote"},
		{200, 200, "it needs all 200 of their votes"},
		{150, 200, "it needs 150 of their 200 votes"},
	} {
		if got := ratifiersNeeded(c.needed, c.votes); got != c.want {
			t.Errorf("ratifiersNeeded(%d, %d) = %q, want %q", c.needed, c.votes, got, c.want)
		}
	}
}

// A brief names each issue by the id a player types it by (offer in play, --deal, a deals
// file's header), with its name beside it, as it names each option: tied-hands' only issue
// is quota, named "Home's share of the stock", which the brief alone gave no way to guess.
// A name that is the id in capitals stands alone ("Salary" for salary). Play's show prints
// the same brief, and the deal typed from it is taken.
func TestBriefNamesIssuesAsDealsAreTyped(t *testing.T) {
	home := runOK(t, "brief", "teaching-tied-hands", "--actor", "home", "--format", "markdown")
	candidate := runOK(t, "brief", "teaching-two-party", "--actor", "candidate", "--format", "markdown")
	for _, c := range []struct{ brief, want string }{
		{home, "## Issue: quota (Home's share of the stock)\n"},
		{home, "\n| quota (Home's share of the stock) |  100% | q0 (0 of 6 units) |"},
		{candidate, "## Issue: Salary\n"},
		{candidate, "## Issue: remote (Remote work)\n"},
		{candidate, "\n| remote (Remote work) |   30% | office (In the office)         |"},
	} {
		if !strings.Contains(c.brief, c.want) {
			t.Errorf("the brief does not hold %q:\n%s", c.want, c.brief)
		}
	}
	out, _, _ := runNegsimInput(t, "show\noffer quota=q4\nquit\n", "play", "teaching-tied-hands", "--as", "home")
	if !strings.Contains(out, "│ quota (Home's share of the stock) │") || strings.Contains(out, "no issue") {
		t.Errorf("play's show and the offer typed from it:\n%s", out)
	}
}

// A belief of the shipped scenarios reads as a sentence in a brief and in explain, never as
// the path a file writes it by: the United States of ukraine-2026 believes Ukraine's first
// condition asks for sequencing guarantees-first alone, and its brief read "Ukraine:
// constraints.0.then.sequencing = \[guarantees-first\]."; explain read Russia's believed
// value of energy-and-ports as "preferences.interim.utilities.energy-and-ports = 0.3". The
// brief says only the believed part: the condition's true if (territory withdraw-donetsk or
// cede-four) is Ukraine's own.
func TestShippedBeliefsReadAsSentences(t *testing.T) {
	us := runOK(t, "brief", "--actor", "united-states", "--format", "markdown")
	explained := runOK(t, "explain")
	condition := "\n- A condition of Ukraine, where it applies, requires Sequencing of ceasefire, guarantees and settlement to be guarantees-first (Ceasefire, then guarantees, then the end-state).\n"
	wantContains(t, "the US brief", us, condition)
	wantContains(t, "explain", explained, condition,
		"\n- Value of energy-and-ports (Energy and port ceasefires, with prisoner swaps) on Interim measures to Russia: 0.3, on a scale from 0 to 1.\n")
	for _, out := range []string{us, explained} {
		if strings.Contains(out, "constraints.0") || strings.Contains(out, "preferences.interim") {
			t.Errorf("a belief is still written as its path:\n%s", out)
		}
	}
	_, beliefs, _ := strings.Cut(us, "## What you believe")
	beliefs, _, _ = strings.Cut(beliefs, "\n## ")
	if strings.Contains(beliefs, "withdraw-donetsk") {
		t.Errorf("the US brief's beliefs name Ukraine's true condition:\n%s", beliefs)
	}
}

// A believed list of every option of an issue rules nothing out. Under telephone-game the
// United States believes Ukraine's condition takes any sequencing (ukraine-2026.yaml sets
// the belief to guarantees-first, phased and deal-first, the issue's three options), and
// its brief and explain read "requires Sequencing ... to be guarantees-first (...), phased
// (...) or deal-first (...)", a demand naming every choice. A red line believed to take
// every option is none, and a condition believed to apply on every option of its issue
// applies whatever that issue settles.
func TestBeliefOfEveryOptionReadsAsNoLimit(t *testing.T) {
	us := runOK(t, "brief", "--variant", "telephone-game", "--actor", "united-states", "--format", "markdown")
	explained := runOK(t, "explain", "--variant", "telephone-game")
	condition := "\n- A condition of Ukraine, where it applies, requires nothing of Sequencing of ceasefire, guarantees and settlement: any option will do.\n"
	wantContains(t, "the US brief under telephone-game", us, condition)
	wantContains(t, "explain under telephone-game", explained, condition)
	// In the two-by-two fixture X keeps Issue B to b1 when Issue A is a1; Y believes X
	// takes either option of B (b0 and b1, all of B's) and applies its condition on every
	// option of A (a0, a1 and a2, all of A's).
	text := strings.Replace(twoByTwoText(t), "      b: {weight: 40, utilities: {b0: 0, b1: 1}}\n",
		"      b: {weight: 40, utilities: {b0: 0, b1: 1}, acceptable: [b1]}\n    constraints:\n      - {if: {a: [a1]}, then: {b: [b1]}}\n", 1)
	text = strings.Replace(text, "  - id: z\n", "    beliefs:\n      set:\n        actors.x.preferences.b.acceptable: [b0, b1]\n        actors.x.constraints.0.if.a: [a0, a1, a2]\n  - id: z\n", 1)
	out := runOK(t, "brief", writeTemp(t, "beliefs.yaml", text), "--actor", "y", "--format", "markdown")
	wantContains(t, "Y's brief", out,
		"\n- Acceptable to X on Issue B: any option, no red line.\n",
		"\n- A condition of X applies whatever Issue A is.\n")
}

// A ratifier sits at no table (MODEL.md section 7), and its own brief says so; the public
// brief listed it under "The parties" beside those who do, so a class took Home's parliament
// for a third negotiator. The public brief, and the public part of every role's, lists the
// ratifiers apart, in every format a sheet is printed. For whom each ratifies is the file's
// own words only: the README promises the public brief never says it.
func TestPublicBriefTellsRatifiersFromParties(t *testing.T) {
	for _, tc := range []struct {
		scenario, role     string
		parties, ratifiers []string
		// The party a ratifier votes for, which the brief must not pair with it where the
		// author's words do not.
		unsaid string
	}{
		// scenarios/teaching-tied-hands.yaml: parliament ratifies for home; the situation
		// says so ("Home's parliament must ratify the deal"), the parties' list need not.
		{"teaching-tied-hands", "away", []string{"Home government", "Away government"}, []string{"Home's parliament"}, ""},
		// scenarios/ukraine-2026.yaml: rada and the two groups of voters ratify for ukraine,
		// russian-hardliners for russia.
		{"ukraine-2026", "united-states",
			[]string{"Ukraine", "Russia", "United States", "Europe (EU, UK and the Coalition of the Willing)"},
			[]string{"Ukraine's parliament (the Rada)", "Ukrainian voters opposed to ceding land", "Ukrainian voters open to a territorial compromise", "Russia's hardliners"},
			""},
		// sim/testdata/accord.yaml: the Parliament ratifies for the EU, and no description
		// says so.
		{accordFile, "china", []string{"European Union", "China", "Small island states", "Oil exporters"}, []string{"European Parliament"}, "European Union"},
	} {
		for _, format := range []string{"table", "markdown", "html"} {
			for _, args := range [][]string{
				{"brief", tc.scenario, "--format", format},
				{"brief", tc.scenario, "--actor", tc.role, "--format", format},
			} {
				what := "negsim " + strings.Join(args, " ")
				out := html.UnescapeString(runOK(t, args...))
				_, rest, ok := strings.Cut(out, "The parties")
				if !ok {
					t.Errorf("%s has no parties:\n%s", what, out)
					continue
				}
				parties, home, ok := strings.Cut(rest, "Who ratifies at home")
				if !ok {
					t.Errorf("%s does not list who ratifies at home apart from the parties:\n%s", what, out)
					continue
				}
				home, _, _ = strings.Cut(home, "How a deal is decided")
				home, _, _ = strings.Cut(home, "Issue: ")
				wantContains(t, what+", the parties", parties, tc.parties...)
				wantContains(t, what+", who ratifies at home", home, "A ratifier sits at no table: it votes at home on a deal that one of the parties above signs.")
				wantContains(t, what+", who ratifies at home", home, tc.ratifiers...)
				for _, r := range tc.ratifiers {
					if strings.Contains(parties, r) {
						t.Errorf("%s lists %s among the parties at the table:\n%s", what, r, parties)
					}
				}
				if tc.unsaid != "" && strings.Contains(home, tc.unsaid) {
					t.Errorf("%s says for whom a ratifier votes, which the file keeps to the roles:\n%s", what, home)
				}
			}
		}
	}
}

// A scenario without ratification keeps its one list of parties, with nothing of ratifiers.
func TestPublicBriefWithoutRatifiersHasNoRatifierList(t *testing.T) {
	if out := runOK(t, "brief", "teaching-two-party"); strings.Contains(out, "ratif") {
		t.Errorf("the brief of a scenario without ratification speaks of ratifiers:\n%s", out)
	}
}

// The brief's JSON lists the ratifiers apart from the parties at the table, as the printed
// sheet does: a script that took "parties" for the negotiators counted Home's parliament
// among them. Ids from scenarios/teaching-tied-hands.yaml (parliament ratifies for home)
// and sim/testdata/accord.yaml (parliament ratifies for eu).
func TestBriefJSONTellsRatifiersFromParties(t *testing.T) {
	for _, tc := range []struct {
		scenario           string
		parties, ratifiers []string
	}{
		{"teaching-tied-hands", []string{"home", "away"}, []string{"parliament"}},
		{accordFile, []string{"eu", "china", "islands", "petro"}, []string{"parliament"}},
		{"teaching-two-party", []string{"candidate", "employer"}, nil},
	} {
		for _, args := range [][]string{
			{"brief", tc.scenario, "--format", "json"},
			{"brief", tc.scenario, "--actor", tc.parties[0], "--format", "json"},
		} {
			var b struct {
				Parties   []struct{ ID string }
				Ratifiers []struct{ ID string }
			}
			if err := json.Unmarshal([]byte(runOK(t, args...)), &b); err != nil {
				t.Fatalf("negsim %s: %v", strings.Join(args, " "), err)
			}
			ids := func(ps []struct{ ID string }) []string {
				var out []string
				for _, p := range ps {
					out = append(out, p.ID)
				}
				return out
			}
			if got := ids(b.Parties); !slices.Equal(got, tc.parties) {
				t.Errorf("negsim %s: parties %v, want %v", strings.Join(args, " "), got, tc.parties)
			}
			if got := ids(b.Ratifiers); !slices.Equal(got, tc.ratifiers) {
				t.Errorf("negsim %s: ratifiers %v, want %v", strings.Join(args, " "), got, tc.ratifiers)
			}
		}
	}
}

// A role whose deal goes to several ratifiers reads their names as a sentence, as explain,
// analyze and play say them: "ratified at home by A, B and C". The brief joined them with
// bare commas ("by Ukraine's parliament (the Rada), Ukrainian voters opposed to ceding land,
// Ukrainian voters open to a territorial compromise: it needs 150 of their 200 votes"), so a
// student could not tell where the list ended. scenarios/ukraine-2026.yaml: rada (100 votes),
// ukraine-opposed (55) and ukraine-open (45) ratify for ukraine, 100 + 55 + 45 = 200 votes,
// threshold 150.
func TestRoleBriefNamesSeveralRatifiersAsASentence(t *testing.T) {
	want := "Any deal you sign must be ratified at home by Ukraine's parliament (the Rada), Ukrainian voters opposed to ceding land and Ukrainian voters open to a territorial compromise: it needs 150 of their 200 votes."
	for _, format := range []string{"table", "markdown", "html"} {
		out := html.UnescapeString(runOK(t, "brief", "ukraine-2026", "--actor", "ukraine", "--format", format))
		// The table and HTML forms wrap or keep the line whole; compare the words alone.
		if !strings.Contains(strings.Join(strings.Fields(out), " "), want) {
			t.Errorf("brief --actor ukraine --format %s does not say %q:\n%s", format, want, out)
		}
	}
}

// A ratifier's brief says what a deal needs at home, as the brief of the party it ratifies
// for does ("it needs 150 of their 200 votes"). It read only "with your 100 votes", so the
// Rada could not tell whether its votes decide anything. scenarios/ukraine-2026.yaml: the
// Rada holds 100 votes, the voters opposed to ceding land 55 and those open to a compromise
// 45, 100 + 55 + 45 = 200, and Ukraine's deal needs 150. Without the Rada the others hold
// 55 + 45 = 100 < 150, so no deal passes without it; without the voters opposed, 100 + 45 =
// 145 < 150, the same; without the voters open, 100 + 55 = 155 ≥ 150, so a deal can pass
// without them. Russia's hardliners are Russia's only ratifier, with the default 1 vote, and
// Russia's ratification names no threshold, so it needs all 1 of them: their vote.
// Before the change the Rada's brief read "on any deal Ukraine signs, with your 100 votes.
// Vote for a deal ..." and the hardliners' "with your 1 vote", and their JSON carried no
// votes_needed or votes: every case below failed.
func TestRatifierBriefSaysTheVotesItsDealNeeds(t *testing.T) {
	for _, tc := range []struct{ actor, want string }{
		{"rada", "You do not sit at the table: you vote at home on any deal Ukraine signs, with your 100 votes, and it needs 150 of the 200 votes that you and Ukraine's other ratifiers hold: it cannot pass without yours. Vote for a deal only if"},
		{"ukraine-opposed", "on any deal Ukraine signs, with your 55 votes, and it needs 150 of the 200 votes that you and Ukraine's other ratifiers hold: it cannot pass without yours. Vote for"},
		{"ukraine-open", "on any deal Ukraine signs, with your 45 votes, and it needs 150 of the 200 votes that you and Ukraine's other ratifiers hold. Vote for"},
		{"russian-hardliners", "You do not sit at the table: you vote at home on any deal Russia signs, and it needs your vote. Vote for"},
	} {
		out := runOK(t, "brief", "ukraine-2026", "--actor", tc.actor)
		if got := strings.Join(strings.Fields(out), " "); !strings.Contains(got, tc.want) {
			t.Errorf("brief --actor %s does not say %q:\n%s", tc.actor, tc.want, out)
		}
	}
	b := decodeJSON[sim.Brief](t, "brief --actor rada", runOK(t, "brief", "ukraine-2026", "--actor", "rada", "--format", "json"))
	want := sim.RoleRatification{RatifiesFor: "ukraine", OwnVotes: 100, VotesNeeded: 150, Votes: 200}
	if rr := b.Role.Ratification; rr == nil || rr.RatifiesFor != want.RatifiesFor || rr.OwnVotes != want.OwnVotes ||
		rr.VotesNeeded != want.VotesNeeded || rr.Votes != want.Votes || len(rr.By) != 0 || rr.Note != "" {
		t.Errorf("the Rada's ratification in JSON is %+v, want %+v (no list of the others, no note of Ukraine's)", rr, want)
	}
}

// The cases no shipped ratifier shows, by hand: one ratifier with 5 votes of which 3 are
// needed, or all 5; a ratifier with 2 of 3 votes when all 3 are needed (the other's 1 falls
// short: it cannot pass without these 2); and a ratifier without votes.
func TestRatifierVotesByHand(t *testing.T) {
	wd := words{&sim.Scenario{Actors: []sim.Actor{{ID: "home", Name: "Home"}}}}
	for _, tc := range []struct {
		own, needed, votes int
		want               string
	}{
		{5, 3, 5, "and it needs 3 of your 5 votes"},
		{5, 5, 5, "and it needs all 5 of your votes"},
		{2, 3, 3, "with your 2 votes, and it needs all 3 votes that you and Home's other ratifiers hold: it cannot pass without yours"},
		{1, 2, 3, "with your 1 vote, and it needs 2 of the 3 votes that you and Home's other ratifiers hold"},
		{0, 2, 2, "but you hold no votes: it is ratified or not without yours"},
	} {
		rr := &sim.RoleRatification{RatifiesFor: "home", OwnVotes: tc.own, VotesNeeded: tc.needed, Votes: tc.votes}
		if got := ratifierVotes(wd, rr); got != tc.want {
			t.Errorf("%d own of %d, %d needed: %q, want %q", tc.own, tc.votes, tc.needed, got, tc.want)
		}
	}
}

// A role's points table keeps the issues that count for it and names the others in one
// sentence. The Rada weighs recognition 40, nato 30 and military-limits 30 (shares 40%, 30%,
// 30%) and no other of the 12 issues, whose options number 4+3+4+3+3+3+4+3+3+3+3+3 = 39:
// its table had 39 rows, the 30 of the 9 issues it does not weigh all 0.0. Now it holds 3
// issues of 3 options each, 9 rows under the header and its rule, and the other 9 are named
// in file order. The JSON still lists all 12, 9 of them at share 0. Before the change the
// markdown table had 41 lines and no such sentence, and Z's table listed b.
func TestRoleBriefNamesTheIssuesItGivesNoWeight(t *testing.T) {
	out := runOK(t, "brief", "ukraine-2026", "--actor", "rada", "--format", "markdown")
	want := "You give no weight to territory (Territory in the east), guarantees (Security guarantees for Ukraine), foreign-troops (Western troops in Ukraine after the war), sanctions (Sanctions on Russia), assets (Frozen Russian assets and reconstruction), sequencing (Sequencing of ceasefire, guarantees and settlement), eu-path (Ukraine's EU path), language (Language and culture) and interim (Interim measures): each of their options is worth 0 points to you."
	wantContains(t, "the Rada's brief", out, want)
	section := out[strings.Index(out, "## What matters to you"):strings.Index(out, "## Your red lines")]
	rows := 0
	for _, line := range strings.Split(section, "\n") {
		if strings.HasPrefix(line, "|") {
			rows++
		}
	}
	if rows != 2+9 {
		t.Errorf("the Rada's points table has %d lines, want 11 (header, rule, 3 issues × 3 options):\n%s", rows, section)
	}
	b := decodeJSON[sim.Brief](t, "brief --actor rada", runOK(t, "brief", "ukraine-2026", "--actor", "rada", "--format", "json"))
	zero := 0
	for _, ri := range b.Role.Issues {
		if ri.Share == 0 {
			zero++
		}
	}
	if len(b.Role.Issues) != 12 || zero != 9 {
		t.Errorf("the Rada's JSON lists %d issues, %d at share 0; want all 12, 9 at 0", len(b.Role.Issues), zero)
	}

	// Z of the two-by-two fixture weighs issue a alone: b, with its 2 options, is named.
	out = runOK(t, "brief", "testdata/two-by-two.yaml", "--actor", "z", "--format", "markdown")
	wantContains(t, "Z's brief", out, "You give no weight to b (Issue B): each of its options is worth 0 points to you.")
	if strings.Contains(out, "| b (Issue B)") {
		t.Errorf("Z's table still lists b:\n%s", out)
	}

	// A red line on an issue of no weight stays in the table, where its "never" is read:
	// Y gives b weight 0 and rules out b1.
	out = runOK(t, "brief", "testdata/two-by-two.yaml", "--actor", "y", "--format", "markdown",
		"--set", "actors.y.preferences.b.weight=0", "--set", "actors.y.preferences.b.acceptable=[b0]")
	if !strings.Contains(out, "| b (Issue B) |    0% | b0") || !strings.Contains(out, "| b1         |    0.0 | never") || strings.Contains(out, "no weight") {
		t.Errorf("Y's red line on b, an issue of no weight, left the table:\n%s", out)
	}
}

// An issue of no weight that a condition names stays in the table too: the condition reads
// "if a is a0, then c must be c0", and c's options are the ones to look up.
func TestRoleBriefKeepsAConditionsIssueInTheTable(t *testing.T) {
	file := filepath.Join(t.TempDir(), "cond.yaml")
	yaml := `name: Condition on an issue of no weight
issues:
  - {id: a, name: Issue A, options: [{id: a0}, {id: a1}]}
  - {id: c, name: Issue C, options: [{id: c0}, {id: c1}]}
  - {id: d, name: Issue D, options: [{id: d0}, {id: d1}]}
actors:
  - id: x
    name: X
    reservation: 0.2
    preferences:
      a: {weight: 1, utilities: {a0: 1, a1: 0}}
    constraints:
      - if: {a: [a0]}
        then: {c: [c0]}
  - id: y
    name: Y
    reservation: 0.2
    preferences:
      a: {weight: 1, utilities: {a0: 0, a1: 1}}
`
	if err := os.WriteFile(file, []byte(yaml), 0o600); err != nil {
		t.Fatal(err)
	}
	out := runOK(t, "brief", file, "--actor", "x", "--format", "markdown")
	wantContains(t, "x's brief", out, "| c (Issue C) |    0% | c0", "You give no weight to d (Issue D): each of its options is worth 0 points to you.")
}

// The notes quote the scenario file, which counts from 0 to 1 ("Reservation 0.5 is an
// assumption") where the sheet counts points ("Your walk-away value is 50.0 points"); one
// sentence before the first note maps the two, with the role's own reservation: the
// candidate's 0.5 × 100 = 50.0 points, the voters opposed to ceding land 0.48 × 100 = 48.0.
// Bill's has the sheet's precision, a thousandth beside points to a tenth.
// A role whose sheet quotes no note (Jack in Nash's barter, X of the fixture) reads none.
// Before the change no sheet said it.
func TestRoleBriefSaysHowTheNotesNumbersReadAsPoints(t *testing.T) {
	for _, tc := range []struct{ file, actor, res, pts string }{
		{"teaching-two-party", "candidate", "0.5", "50.0"},
		{"ukraine-2026", "ukraine-opposed", "0.48", "48.0"},
		// Bill's reservation in Nash's barter is 12/34 = 0.35294…, written 0.35294117647:
		// 35.3 points, and 0.353 to the thousandth (it read 0.352941 at first).
		{"teaching-nash-1950", "bill", "0.353", "35.3"},
	} {
		out := runOK(t, "brief", tc.file, "--actor", tc.actor, "--format", "markdown")
		gloss := "The notes on this sheet quote the scenario file, which writes what a deal is worth as a number between 0 and 1: points are that number × 100, so your walk-away value of " + tc.pts + " points is a reservation of " + tc.res + " there."
		i, note := strings.Index(out, gloss), strings.Index(out, "Note: ")
		if i < 0 || note < i {
			t.Errorf("%s's brief does not say %q before its first note:\n%s", tc.actor, gloss, out)
		}
	}
	for _, tc := range []struct{ file, actor string }{{"teaching-nash-1950", "jack"}, {"testdata/two-by-two.yaml", "x"}} {
		out := runOK(t, "brief", tc.file, "--actor", tc.actor, "--format", "markdown")
		if strings.Contains(out, "Note:") || strings.Contains(out, "[note:") || strings.Contains(out, "notes on this sheet") {
			t.Errorf("%s's brief quotes no note, yet speaks of notes:\n%s", tc.actor, out)
		}
	}
}

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
	// In a brief a believed option value is read in points: 0.9 of the issue's best.
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
		"You hold no veto: the others can settle without you. The debrief lists your points beside theirs, but ranks the tables by the gains of the parties with a veto.",
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

// brief --all hands each table a deal sheet to write its deal on: every issue with a box
// for each of its options (label and id, the id being what the teacher types into the
// deals file), the parties at the table to sign, and the ratifiers to vote at home. The
// teacher copied issue and option ids from the scenario file by hand.
func TestBriefAllWritesADealSheet(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "briefs")
	runOK(t, "brief", "ukraine-2026", "--all", "-o", dir, "--format", "markdown")
	data, err := os.ReadFile(filepath.Join(dir, "deal-sheet.md"))
	if err != nil {
		t.Fatal(err)
	}
	sheet := html.UnescapeString(string(data))
	deal, rest, _ := strings.Cut(sheet, "## Signatures")
	signatures, rest, _ := strings.Cut(rest, "## Ratification at home")
	home, teacher, _ := strings.Cut(rest, "## For the teacher")

	// scenarios/ukraine-2026.yaml: a few options of its issues, as label (id).
	wantContains(t, "the deal", deal,
		"Table: ", "Round or time: ",
		"| Territory in the east ", "☐\u00a0Freeze on the current line (freeze)", "☐\u00a0Cede four regions (cede-four)",
		"| Interim measures ", "☐\u00a0No interim measures (none)",
		"| No agreement ")
	// Every option of every issue has its box: 4+3+4+3+3+3+4+3+3+3+3+3 = 39 options in the file.
	if n := strings.Count(deal, "☐"); n != 39+1 {
		t.Errorf("the deal has %d boxes; want 39 options and no agreement:\n%s", n, deal)
	}
	// The four parties at the table sign; the four ratifiers vote at home, and only there.
	parties := []string{"| Ukraine ", "| Russia ", "| United States ", "| Europe (EU, UK and the Coalition of the Willing) "}
	ratifiers := []string{"| Ukraine's parliament (the Rada) ", "| Ukrainian voters opposed to ceding land ", "| Ukrainian voters open to a territorial compromise ", "| Russia's hardliners "}
	wantContains(t, "the signatures", signatures, parties...)
	wantContains(t, "the ratification at home", home, ratifiers...)
	// What each ratification needs and what each vote weighs (ukraine-2026.yaml): the Rada
	// 100, the two electorates 55 and 45, of which Ukraine's needs 150; Russia's hardliners
	// 1, all of which Russia's needs (votes_needed left at 0). The sheet had the boxes alone.
	wantContains(t, "the ratification at home", strings.Join(strings.Fields(home), " "),
		"it stands for a party when the ratifiers that vote yes hold the votes needed: for Ukraine, 150 of 200; for Russia, 1 of 1.",
		"| Ukraine's parliament (the Rada) | Ukraine | 100 | ☐ yes ☐ no |",
		"| Russia's hardliners | Russia | 1 | ☐ yes ☐ no |")
	for _, r := range ratifiers {
		if strings.Contains(signatures, r) {
			t.Errorf("%s signs at the table; a ratifier sits at none:\n%s", r, signatures)
		}
	}
	// Nothing private: no points, walk-away values or red lines.
	for _, private := range []string{"points", "walk-away value:", "red line", "reservation"} {
		if strings.Contains(sheet, private) {
			t.Errorf("the deal sheet speaks of %q, which only a role's brief holds:\n%s", private, sheet)
		}
	}

	// The deals file's first line, in the file's order of issues, as the README's class.csv.
	const header = "table,territory,recognition,guarantees,nato,military-limits,foreign-troops,sanctions,assets,sequencing,eu-path,language,interim"
	wantContains(t, "for the teacher", teacher, `"`+header+`"`)
	// A row typed from the sheet, the first id in brackets on each issue, debriefs.
	var row []string
	for _, line := range strings.Split(deal, "\n") {
		if m := regexp.MustCompile(`☐\x{a0}[^☐]*?\(([a-z0-9-]+)\)`).FindStringSubmatch(line); m != nil {
			row = append(row, m[1])
		}
	}
	if len(row) != 12 {
		t.Fatalf("read %d issues' first options from the sheet; want 12: %v", len(row), row)
	}
	deals := filepath.Join(t.TempDir(), "class.csv")
	if err := os.WriteFile(deals, []byte(header+"\nred,"+strings.Join(row, ",")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, errOut, code := runNegsim(t, "debrief", "ukraine-2026", "--deals", deals); code != exitOK {
		t.Errorf("debrief of a row typed from the deal sheet: exit %d: %s", code, errOut)
	}
}

// Under a vote the sheet says what a deal needs and each party's votes beside its
// signature: the Harborco quota's five of six, Harborco holding the one veto
// (scenarios/teaching-harborco-quota.yaml).
func TestDealSheetCountsVotes(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "briefs")
	runOK(t, "brief", "teaching-harborco-quota", "--all", "-o", dir)
	data, err := os.ReadFile(filepath.Join(dir, "deal-sheet.md"))
	if err != nil {
		t.Fatal(err)
	}
	wantContains(t, "deal sheet", string(data),
		"A deal needs the votes of parties holding at least 5 votes between them, and Harborco (developer) must be among them, since it holds a veto. Each party that accepts the deal signs.",
		"| party                   | votes | veto | signature            |",
		"| Harborco (developer)    |     1 | yes  | ____________________ |",
		"| Federal agency          |     1 | no   | ____________________ |")
	if strings.Contains(string(data), "Ratification at home") {
		t.Errorf("a scenario without ratification has a vote at home on its deal sheet:\n%s", data)
	}
}

// A teacher who runs brief on negsim new's starter before filling it in would hand out
// sheets headed "Placeholder: the scenario's title". brief, explain, analyze, report and
// debrief (projected to the class) say so on stderr, in validate's words, as validate finds
// them; debrief said nothing.
func TestBriefWarnsOfStarterPlaceholders(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "starter.yaml")
	runOK(t, "new", file, "--issues", "land,money", "--actors", "north,south")
	// The starter's options are option-1 to option-3 on each issue.
	deals := filepath.Join(dir, "class.csv")
	if err := os.WriteFile(deals, []byte("table,land,money\nt1,option-1,option-2\n"), 0o644); err != nil {
		t.Fatal(err)
	}

	// The starter of 2 issues of 3 options and 2 actors holds 18 placeholders: the name, the
	// description, the source's title, 2 issue notes, 2 × 3 option labels, 2 actor notes,
	// 2 × 2 preference notes and the variant's note. Three are shown, as warn shows three.
	wants := []string{
		"warning: " + file + ":6:1: name: still the starter's placeholder: the scenario's title\n",
		"warning: " + file + ":7:1: description: still the starter's placeholder: what the negotiation is about",
		"warning: " + file + ":20:5: sources.src-1.title: still the starter's placeholder: the title of a report, article or transcript\n",
		"warning: 15 more placeholders; negsim validate " + file + " lists them all\n",
	}
	for _, args := range [][]string{
		{"brief", file},
		{"brief", file, "--actor", "north"},
		{"brief", file, "--all", "-o", filepath.Join(dir, "sheets")},
		{"explain", file},
		{"analyze", file},
		{"report", file, "-o", filepath.Join(dir, "report.html")},
		{"debrief", file, "--deals", deals},
	} {
		_, stderr, code := runNegsim(t, args...)
		what := "negsim " + strings.Join(args, " ")
		if code != exitOK {
			t.Errorf("%s: exit %d: %s", what, code, stderr)
			continue
		}
		wantContains(t, what+" (stderr)", stderr, wants...)
		if n := strings.Count(stderr, "still the starter's placeholder"); n != 3 {
			t.Errorf("%s: %d placeholders named on stderr; want 3:\n%s", what, n, stderr)
		}
	}

	// One placeholder left: it alone is named, with no count of more.
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	name := `name: "Placeholder: the scenario's title"`
	text := strings.Replace(string(data), name, "NAME", 1)
	text = strings.ReplaceAll(text, "Placeholder:", "Filled in:")
	text = strings.Replace(text, "NAME", name, 1)
	one := filepath.Join(dir, "one.yaml")
	if err := os.WriteFile(one, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	_, stderr, _ := runNegsim(t, "brief", one)
	if want := "warning: " + one + ":6:1: name: still the starter's placeholder: the scenario's title\n"; stderr != want {
		t.Errorf("brief of a file with one placeholder left: stderr %q; want %q", stderr, want)
	}

	// A finished file, as every shipped one is, brings no such warning.
	for _, cmd := range []string{"brief", "explain", "analyze"} {
		if _, stderr, _ := runNegsim(t, cmd, "teaching-two-party"); strings.Contains(stderr, "placeholder") {
			t.Errorf("negsim %s teaching-two-party warns of a placeholder:\n%s", cmd, stderr)
		}
	}
}

// A role sheet rounds each option's points to a tenth, and the players add them up: on
// Russia's sheet under sanctions-bite a deal whose points add up to 48.0 may be worth less
// than the walk-away value of 48.0, and the debrief then counts it as no agreement. The
// sheet says where a sum may mislead (the engine's borderline, checked against every deal
// in package sim) and how to check; the job offer's points are whole, and its sheets say
// nothing of it.
func TestRoleSheetSaysWhereRoundedPointsMislead(t *testing.T) {
	role := runJSON[sim.Brief](t, "brief", "--variant", "sanctions-bite", "--actor", "russia").Role
	if role.Borderline == nil {
		t.Fatal("Russia's sheet has no borderline")
	}
	b := *role.Borderline
	want := fmt.Sprintf("The points below are rounded to a tenth, so a deal whose points add up to between %.1f and %.1f may be worth a little more or a little less than 48.0: before you sign one, check that it reaches your walk-away value (negsim score says whether it does).", b.Low, b.High)
	if b.Low >= b.High {
		t.Fatalf("Russia's borderline %+v is not a range", b)
	}
	wantContains(t, "Russia's sheet", runOK(t, "brief", "--variant", "sanctions-bite", "--actor", "russia"), want)
	// Ukraine's one sum that may mislead is its walk-away value itself, 40.0: printed at or
	// above it, a deal can only be worth less than it says.
	if b := runJSON[sim.Brief](t, "brief", "--variant", "sanctions-bite", "--actor", "ukraine").Role.Borderline; b == nil || b.Low != 40 || b.High != 40 {
		t.Fatalf("Ukraine's borderline %+v, want 40.0 to 40.0", b)
	}
	wantContains(t, "Ukraine's sheet", runOK(t, "brief", "--variant", "sanctions-bite", "--actor", "ukraine"),
		"so a deal whose points add up to exactly 40.0 may be worth a little less than 40.0: before you sign one")
	for _, actor := range []string{"candidate", "employer"} {
		if sheet := runOK(t, "brief", "teaching-two-party", "--actor", actor); strings.Contains(sheet, "rounded to a tenth, so") {
			t.Errorf("the %s's sheet, of whole points, warns of rounding:\n%s", actor, sheet)
		}
	}
}

// The public brief lists each party once: under a decision rule its votes and veto stand
// beside its name in the table of the parties. A second table of the same parties under
// "How a deal is decided", fifteen rows for the Security Council, pushed each elected
// member's printed sheet onto a third page. Harborco's six parties hold a vote each and
// the developer alone a veto (teaching-harborco-quota.yaml).
func TestPublicBriefListsEachPartyOnce(t *testing.T) {
	out := runOK(t, "brief", "teaching-harborco-quota", "--format", "markdown")
	wantContains(t, "brief", out, `## The parties

| party                   | votes | veto |
|:------------------------|------:|:-----|
| Harborco (developer)    |     1 | yes  |
| Environmental coalition |     1 | no   |
| Union                   |     1 | no   |
| Other ports             |     1 | no   |
| Governor                |     1 | no   |
| Federal agency          |     1 | no   |

## How a deal is decided

A deal needs the votes of parties holding at least 5 votes between them, and Harborco (developer) must be among them, since it holds a veto.

## Issue: fund`)
	if n := strings.Count(out, "\n| Union "); n != 1 {
		t.Errorf("the brief has %d table rows for the Union, want 1", n)
	}
}
