package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

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
