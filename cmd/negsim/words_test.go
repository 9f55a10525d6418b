package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/negsim/negsim/sim"
)

// A count of one takes the singular: "1 vote", "1 round", "1 draw", "a red line". The
// security council's decision asks for 9 votes; --set lowers it to 1, the smallest the
// rule takes. The reference scenario's deadline is lowered to 1 round, so its events at
// rounds 1 and 2 fall after it.
func TestOneIsCountedInTheSingular(t *testing.T) {
	one := []string{"teaching-security-council", "--set", "decision.votes_needed=1"}
	out, _, _ := runNegsim(t, append([]string{"brief"}, one...)...)
	wantContains(t, "brief", out, "holding at least 1 vote between them")
	out, _, _ = runNegsimInput(t, "quit\n", append([]string{"play", "--as", "us"}, one...)...)
	wantContains(t, "play", out, "every party with a veto accepts and that wins 1 vote, or break down")
	deals := writeTemp(t, "class.csv", "table,response\nt1,\n")
	out, _, _ = runNegsim(t, append([]string{"debrief", "--deals", deals}, one...)...)
	wantContains(t, "debrief", out, "the deals every veto actor accepts that gather at least 1 vote at the table")

	out, errs, _ := runNegsim(t, "rounds", "--set", "protocol.rounds=1")
	wantContains(t, "rounds", out, "Deadline: 1 round (0 to 0).")
	wantContains(t, "rounds' warning", errs, "falls after the deadline of 1 round and never happens")
	out, _, _ = runNegsim(t, "montecarlo", "--draws", "1")
	wantContains(t, "montecarlo", out, ": Monte Carlo, 1 draw, seed 1\n")

	// A deal every veto actor accepts that one vote short of the one needed.
	sc := &sim.Scenario{Decision: sim.Decision{VotesNeeded: 1}}
	votes := 0
	if got := shortOfRules(sc, &sim.Score{Votes: &votes}, nil); len(got) != 1 || got[0] != "it gathers only 0 of the 1 vote needed" {
		t.Errorf("one vote needed, none gathered: %q", got)
	}
}

// Russia's red lines under sanctions-bite (brief --actor russia) leave out language =
// minority-rights and NATO = open; the deal keeps every other one: first one red line
// crossed, then two.
func TestSignedAcrossOneRedLine(t *testing.T) {
	const rest = "territory=freeze,recognition=de-facto,guarantees=russia-role,military-limits=cap,foreign-troops=none,sanctions=full-relief,assets=shared-fund,sequencing=deal-first,eu-path=membership-path,interim=energy-and-ports"
	out, _, _ := runNegsim(t, "score", "--variant", "sanctions-bite", "--deal", "language=minority-rights,nato=not-now,"+rest)
	wantContains(t, "one red line", out, "Russia signed it across a red line (see why not)")
	out, _, _ = runNegsim(t, "score", "--variant", "sanctions-bite", "--deal", "language=minority-rights,nato=open,"+rest)
	wantContains(t, "two red lines", out, "Russia signed it across 2 of its red lines (see why not)")
}

// A deals row of one cell, a table name alone, is one cell; the nearest threshold alone,
// with --limit 1, is "the nearest"; Home's parliament (teaching-tied-hands.yaml) holding
// the one vote its ratification asks for with votes_needed 1 holds "the vote".
func TestOneIsCountedInTheSingularInFilesAndLimits(t *testing.T) {
	deals := writeTemp(t, "class.csv", "table,a,b\nt1\n")
	wantRefused(t, "class.csv:2: 1 cell, but the header has 3 columns", "score", "testdata/two-by-two.yaml", "--deal-file", deals)
	out := runOK(t, "sensitivity", "teaching-red-line", "--limit", "1")
	wantContains(t, "sensitivity --limit 1", out, "The nearest of the values with a threshold in range; --all lists all ")
	out = runOK(t, "params", "teaching-tied-hands", "--set", "actors.home.ratification.votes_needed=1")
	wantContains(t, "params", out, "those listed must hold the vote actors.home.ratification.votes_needed asks")
}

// Home's parliament in teaching-tied-hands.yaml holds one vote (it gives no votes, and an
// actor holds 1 by default): the analysis's column says "1 of 1 vote". Lowering the town
// budget's right to 0.45 opens its empty zone with 1 deal (sensitivity's first row for
// teaching-red-line): "A: 0 deals; B: 1 deal. 1 enters".
func TestOneIsCountedInTheSingularInTables(t *testing.T) {
	out := runOK(t, "analyze", "teaching-tied-hands")
	if !strings.Contains(out, " 1 of 1 vote ") || strings.Contains(out, "of 1 votes") {
		t.Errorf("analyze counts one ratifier's vote in the plural:\n%s", out)
	}
	out = runOK(t, "compare", "teaching-red-line", "teaching-red-line", "--set", "actors.right.reservation=0.45")
	wantContains(t, "compare", out, "A: 0 deals; B: 1 deal. 1 enters and 0 leave the ZOPA.")
}

// The shipped scenarios name many actors in the plural, and negsim may not guess which: a
// sentence about an actor has to read right either way. So the name is a label ("Small
// island states: ...") or an object ("... is acceptable to Other ports"), never the subject
// of a verb in -s, and no "it" or "its" stands for it.

// pluralNames are the plural actor names of the three scenarios the test reads.
var pluralNames = []string{
	"Russia's hardliners",
	"Ukrainian voters opposed to ceding land",
	"Ukrainian voters open to a territorial compromise",
	"Small island states",
	"Oil exporters",
	"Other ports",
}

// singularAfterName finds a plural name followed by a verb in -s (walks, accepts, cares,
// has, is, sits) and, in the same clause, "it" or "its" after the name. The one "it"
// allowed after a name is the deal's in "must be ratified at home by NAMES: it needs N of
// their M votes", where "their" already stands for the names.
func singularAfterName(line string) []string {
	var bad []string
	for _, name := range pluralNames {
		for at := 0; ; {
			i := strings.Index(line[at:], name)
			if i < 0 {
				break
			}
			at += i + len(name)
			before, rest := line[:at-len(name)], line[at:]
			depth := strings.Count(before, "(") - strings.Count(before, ")")
			if m := verbInS.FindString(rest); m != "" {
				bad = append(bad, name+m)
			}
			clause := rest
			if j := clauseEnd.FindStringIndex(clause); j != nil {
				clause = clause[:j[0]]
			}
			// A name inside a parenthesis, as in a list of votes "(Union 1, Other ports 1)",
			// is done with at its closing bracket: an "it" after that is another actor's.
			for j, r := range clause {
				if depth > 0 && r == ')' {
					if depth--; depth == 0 {
						clause = clause[:j]
						break
					}
				} else if depth > 0 && r == '(' {
					depth++
				}
			}
			clause = theDealNeeds.ReplaceAllString(clause, "")
			if m := pronoun.FindString(clause); m != "" {
				bad = append(bad, name+" ... "+m)
			}
		}
	}
	return bad
}

var (
	verbInS = regexp.MustCompile(`^ [a-z]+s\b`)
	pronoun = regexp.MustCompile(`\b(it|its|It|Its)\b`)
	// "…ratified at home by NAMES: it needs their vote": the deal needs them.
	theDealNeeds = regexp.MustCompile(`^[^:]*: it needs (\d+ of |all \d+ of )?their`)
	// A clause ends at a full stop (not a decimal point) or a semicolon.
	clauseEnd = regexp.MustCompile(`\.(\s|$)|;`)
)

// The check catches the sentences students read before, and passes their rewordings.
func TestSingularAfterNameCatchesTheOldSentences(t *testing.T) {
	for _, old := range []string{
		"Reservation: Russia's hardliners accepts no deal worth less than 0.450 to it.",
		"- Small island states walks away from any deal worth less than 20.0 of its own 100 points.",
		"Oil exporters has no veto: its 1 vote counts toward the 3 a deal needs, so it blocks a deal only together with others.",
		"Ukrainian voters opposed to ceding land sits at no table: it votes at home, with 55 votes, on the deals Ukraine signs, and accepts those worth at least its reservation.",
		"What Small island states cares about, as shares of its weight: target (40%), finance (40%) and phaseout (20%).",
		"Russia's deal must be ratified at home by Russia's hardliners: it holds 1 vote, and a deal needs 1 of them.",
		"│ Other ports │ no │ votes at home by its reservation │",
	} {
		if len(singularAfterName(old)) == 0 {
			t.Errorf("the check passes %q", old)
		}
	}
	for _, ok := range []string{
		"Reservation: no deal worth less than 0.450 is acceptable to Russia's hardliners.",
		"A deal passes when the actors that accept it hold at least 5 of the table's 6 votes (Union 1, Other ports 1, Governor 1), Harborco among them, since it holds a veto.",
		"Any deal you sign must be ratified at home by Russia's hardliners: it needs their vote. Sign nothing they would vote down.",
		"Accepted so far by: no one. Rejected by: European Union, Oil exporters and European Parliament.",
	} {
		if bad := singularAfterName(ok); len(bad) > 0 {
			t.Errorf("the check flags %q: %q", ok, bad)
		}
	}
}

// Every command a class meets, on the three scenarios with plural names, says nothing
// singular of them; and the reworded sentences are there, numbers and all.
func TestPluralNamesReadRight(t *testing.T) {
	type scenario struct {
		file, deal, seat string
		// variant, when set, is analysed too, as "analyze #variant".
		variant string
		want    map[string][]string // command → sentences it must print
	}
	for _, sc := range []scenario{
		{
			file: "ukraine-2026",
			deal: "territory=freeze,recognition=de-facto,guarantees=russia-role,nato=not-now,military-limits=cap,foreign-troops=none,sanctions=phased,assets=returned,sequencing=deal-first,eu-path=delayed,language=russian-status,interim=none",
			seat: "ukraine",
			// Under ceasefire-first the opposed voters' reservation keeps Ukraine from
			// ratifying any deal the table agrees on.
			variant: "ceasefire-first",
			want: map[string][]string{
				"analyze #ceasefire-first": {"- Blocked by the reservation of Ukrainian voters opposed to ceding land; without that reservation, "},
				// ukraine-2026.yaml: the hardliners have reservation 0.45 and the default
				// single vote, and ratify for Russia; the opposed voters hold 55 votes, 0.48.
				"explain": {
					"Reservation: no deal worth less than 0.450 is acceptable to Russia's hardliners.",
					"Reservation: no deal worth less than 0.480 is acceptable to Ukrainian voters opposed to ceding land.",
					"No seat at the table for Ukrainian voters opposed to ceding land: 55 votes at home on the deals Ukraine signs, yes to each deal worth at least the reservation.",
					"No seat at the table for Russia's hardliners: 1 vote at home on the deals Russia signs, yes to each deal worth at least the reservation.",
					"Russia's deal must be ratified at home by Russia's hardliners: it needs their vote.",
					// Weights 40, 20, 15, 15, 10 of 100: the first three, by name.
					"What matters most to Russia's hardliners, as shares of the weight: Territory in the east (40%), Recognition of Russia's control (20%) and NATO membership (15%).",
				},
				"rounds": {"│ Russia's hardliners ", "│ a vote at home, by the reservation │"},
			},
		},
		{
			file: "teaching-harborco-quota",
			deal: "fund=medium,jobs=partial",
			seat: "ports",
			want: map[string][]string{
				// Other ports: reservation 0.5, one vote of the 5 a deal needs.
				"explain": {
					"No veto for Other ports: 1 vote toward the 5 a deal needs, so a deal is blocked only together with others.",
					"Reservation: no deal worth less than 0.500 is acceptable to Other ports.",
					"What matters most to Other ports, as shares of the weight: Mitigation fund (50%) and Union jobs guarantee (50%).",
				},
			},
		},
		{
			file: accordFile,
			deal: "target=medium,finance=medium,phaseout=phase-down,review=voluntary",
			seat: "islands",
			want: map[string][]string{
				// accord.yaml: islands 0.75, exporters 0.35, each one vote of the 3 needed;
				// China believes the islands' reservation is 0.2, 20.0 of 100 points.
				"explain": {
					"Reservation: no deal worth less than 0.750 is acceptable to Small island states.",
					"Reservation: no deal worth less than 0.350 is acceptable to Oil exporters.",
					"No veto for Oil exporters: 1 vote toward the 3 a deal needs, so a deal is blocked only together with others.",
					"- Small island states: any deal worth less than 0.2 (on a scale from 0 to 1) is worse than walking away.",
					// The islands' own section speaks of them with no pronoun either. They
					// weigh target 40, finance 40, phaseout 20 and not review. Deals: 3·3·3·2 =
					// 54. Within the red lines (target deep or medium; medium only with large
					// finance): deep 3·3·2 = 18, medium 1·3·2 = 6, 24. At 0.75 or more: deep
					// gives 0.4 and needs 0.35 from finance (large 0.4, medium 0.2) and
					// phaseout (0.2, 0.12, 0): large with any of 3, medium with phase-out, 4
					// times 2 reviews = 8; medium target gives 0.16, with large 0.56, needs
					// phase-out: 2. 10 acceptable, 14 excluded. Worst: deep, small, silent, 0.4
					// (review adds nothing either way; the file's first option, binding, is named).
					"No weight on Review of pledges.",
					"Worst deal within the red lines, worth 0.400: target = deep, finance = small, phaseout = silent, review = binding.",
					"Of the 54 possible deals, 24 keep to the red lines; the reservation excludes 14 of those, leaving 10 acceptable.",
				},
				"brief": {"- Small island states: any deal worth less than 20.0 of 100 points is worse than walking away."},
			},
		},
	} {
		t.Run(filepath.Base(sc.file), func(t *testing.T) {
			briefs := t.TempDir()
			runOK(t, "brief", "--all", sc.file, "-o", briefs, "--format", "markdown")
			files, err := os.ReadDir(briefs)
			if err != nil || len(files) == 0 {
				t.Fatalf("brief --all wrote no files into %s: %v", briefs, err)
			}
			var brief strings.Builder
			for _, f := range files {
				b, err := os.ReadFile(filepath.Join(briefs, f.Name()))
				if err != nil {
					t.Fatal(err)
				}
				brief.Write(b)
			}
			deals := filepath.Join(t.TempDir(), "deals.csv")
			ids, options := dealColumns(sc.deal)
			if err := os.WriteFile(deals, []byte("table,"+ids+"\nt1,"+options+"\n"), 0o600); err != nil {
				t.Fatal(err)
			}
			play, _, _ := runNegsimInput(t, "show\nreject\nreject\n", "play", sc.file, "--as", sc.seat)
			outputs := map[string]string{
				"explain":           runOK(t, "explain", sc.file),
				"explain --teacher": runOK(t, "explain", "--teacher", sc.file),
				"brief":             brief.String(),
				"analyze":           runOK(t, "analyze", sc.file, "--wide"),
				"rounds":            runOK(t, "rounds", sc.file, "--wide"),
				"sensitivity":       runOK(t, "sensitivity", sc.file, "--wide"),
				"score":             runOK(t, "score", sc.file, "--deal", sc.deal, "--wide"),
				"debrief":           runOK(t, "debrief", sc.file, "--deals", deals, "--wide"),
				"play":              play,
			}
			if sc.variant != "" {
				outputs["analyze #"+sc.variant] = runOK(t, "analyze", sc.file+"#"+sc.variant, "--wide")
			}
			commands := make([]string, 0, len(outputs))
			for c := range outputs {
				commands = append(commands, c)
			}
			slices.Sort(commands)
			for _, c := range commands {
				for _, line := range strings.Split(outputs[c], "\n") {
					if bad := singularAfterName(line); len(bad) > 0 {
						t.Errorf("%s %s says %q of a plural name:\n%s", c, sc.file, bad, line)
					}
				}
				for _, want := range sc.want[c] {
					if !strings.Contains(outputs[c], want) {
						t.Errorf("%s %s lacks %q", c, sc.file, want)
					}
				}
			}
		})
	}
}

// dealColumns splits issue=option,... into the CSV header's issue ids and the row's options.
func dealColumns(deal string) (ids, options string) {
	var issues, chosen []string
	for _, pair := range strings.Split(deal, ",") {
		issue, option, _ := strings.Cut(pair, "=")
		issues, chosen = append(issues, issue), append(chosen, option)
	}
	return strings.Join(issues, ","), strings.Join(chosen, ",")
}

// A name's possessive: "Russia's", but a name that ends in s, singular or plural, takes
// the apostrophe alone (web/words.js's possessive follows the same rule).
func TestPossessive(t *testing.T) {
	cases := map[string]string{
		"Russia":              "Russia's",
		"United States":       "United States'",
		"Small island states": "Small island states'",
		"Europe (EU, UK and the Coalition of the Willing)": "Europe (EU, UK and the Coalition of the Willing)'s",
	}
	for name, want := range cases {
		if got := possessive(name); got != want {
			t.Errorf("possessive(%q) = %q, want %q", name, got, want)
		}
	}
}

// TestWhoMustAgreeWording checks that analyze and score say what the zone is under a
// decision rule or ratification, not only the veto actors' yes. The deals and sums come
// from the teaching files' own comments.
func TestWhoMustAgreeWording(t *testing.T) {
	cases := []struct {
		args []string
		want []string
	}{
		// Each elected member holds the default one vote, counted by the nine-vote rule.
		{[]string{"analyze", "teaching-security-council"}, []string{"│ Elected member 1  │ no (1 vote) │"}},
		// Home's parliament votes at home, for Home, and at no table.
		{[]string{"analyze", "teaching-tied-hands"}, []string{"│ Home's parliament │ no (ratifies for Home government) │"}},
		// Harborco is the only party: small/full (0.6·1 + 0.4·0 = 0.6) is the passing deal
		// best for it, so Pareto-optimal among the three that gather five votes.
		{[]string{"score", "teaching-harborco-quota", "--deal", "fund=small,jobs=full"}, []string{
			"In the ZOPA: it is one of the deals every veto actor accepts that gather at least 5 votes at the table.",
			"Pareto-optimal among the deals every veto actor accepts that gather at least 5 votes at the table: no ZOPA deal is at least as good for every veto actor and better for one.",
		}},
		// medium/full passes with six votes and gives Harborco 0.6·0.5 = 0.3; small/full
		// passes too and gives it 0.6: 30 points more.
		{[]string{"score", "teaching-harborco-quota", "--deal", "fund=medium,jobs=full"}, []string{
			"Changing fund to small (Small fund) gives one of the deals every veto actor accepts that gather at least 5 votes at the table, at least as good for each veto actor (Harborco (developer) +30.0 points; the smallest gain +30.0).",
		}},
		// q2 gives the parliament 2/6 < 0.4: both governments accept it, the parliament
		// does not ratify it.
		{[]string{"score", "teaching-tied-hands", "--deal", "quota=q2"}, []string{
			"Not Pareto-optimal: that is judged among the deals every veto actor accepts that are ratified at home, and this one is not among them.",
		}},
	}
	for _, c := range cases {
		t.Run(strings.Join(c.args, " "), func(t *testing.T) {
			var out, errb bytes.Buffer
			if code := run(context.Background(), c.args, strings.NewReader(""), &out, &errb); code != 0 {
				t.Fatalf("exit %d: %s", code, errb.String())
			}
			for _, w := range c.want {
				if !strings.Contains(out.String(), w) {
					t.Errorf("missing %q in:\n%s", w, out.String())
				}
			}
			if strings.Contains(out.String(), "scored only") {
				t.Errorf("an actor whose vote counts is labelled scored only:\n%s", out.String())
			}
		})
	}
}
