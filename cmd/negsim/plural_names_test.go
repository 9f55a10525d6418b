package main

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

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
					// Weights 40, 20, 15, 15, 10 of 100.
					"What matters to Russia's hardliners, as shares of the weight: territory (40%), recognition (20%), nato (15%), foreign-troops (15%) and sanctions (10%).",
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
					"What matters to Other ports, as shares of the weight: fund (50%) and jobs (50%).",
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
					"No weight on review.",
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
