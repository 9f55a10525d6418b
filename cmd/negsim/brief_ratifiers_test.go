package main

import (
	"encoding/json"
	"html"
	"slices"
	"strings"
	"testing"
)

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
