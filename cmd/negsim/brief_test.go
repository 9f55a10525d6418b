package main

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
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
