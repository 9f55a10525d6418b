package sim

import (
	"encoding/json"
	"strings"
	"testing"
)

// noTextMarket is the market of rounds_test.go with red lines: the buyer takes only p0 … p5,
// the seller only sellerTakes. Both reservations are 0.2, so by value alone the buyer
// accepts p_k with 1 − k/10 ≥ 0.2 (k ≤ 8) and the seller with k/10 ≥ 0.2 (k ≥ 2).
func noTextMarket(kind ProtocolKind, mediator string, sellerTakes ...string) *Scenario {
	sc := market(Actor{Reservation: 0.2, Strategy: Strategy{Kind: StrategyHardliner}},
		Actor{Reservation: 0.2, Strategy: Strategy{Kind: StrategyHardliner}}, 2)
	sc.Actors[0].Preferences[0].Acceptable = []string{"p0", "p1", "p2", "p3", "p4", "p5"}
	sc.Actors[1].Preferences[0].Acceptable = sellerTakes
	sc.Protocol = Protocol{Kind: kind, Mediator: mediator, Rounds: 2}
	return sc
}

// A mediator that believes the seller takes only p9 and p10 sees the buyer's p0 … p5 and
// that clash: it has no text. Truly the seller takes p3 … p10, so the red lines leave p3,
// p4 and p5, all three within both reservations (k ≤ 8, k ≥ 2): the zone holds 3 deals.
// The round must say the mediator sees a clash by its beliefs, not that the red lines clash.
func TestNoTextByBelief(t *testing.T) {
	truly := []string{"p3", "p4", "p5", "p6", "p7", "p8", "p9", "p10"}
	sc := noTextMarket(ProtocolMediated, "buyer", truly...)
	sc.Actors[0].Beliefs = Beliefs{Set: []Assignment{{Path: "actors.seller.preferences.price.acceptable", Value: []any{"p9", "p10"}}}}
	tr := runRounds(t, sc, RoundsOptions{})
	const want = "Buyer finds no text that it believes every party with a veto could accept (as it sees their red lines, every deal crosses one of them)"
	for _, rd := range tr.Rounds {
		if rd.Proposal != nil || rd.ZOPA != 3 {
			t.Fatalf("round %d: proposal %v, zone %d; want none, with 3 deals in the true zone", rd.Round, rd.Proposal, rd.ZOPA)
		}
		if rd.NoText != want {
			t.Errorf("round %d says %q\nwant %q", rd.Round, rd.NoText, want)
		}
	}
	// The belief is the whole cause: without it the buyer mediates a text in round 0.
	sc.Actors[0].Beliefs = Beliefs{}
	if rd := runRounds(t, sc, RoundsOptions{}).Rounds[0]; rd.Proposal == nil || rd.NoText != "" {
		t.Errorf("without the belief round 0 has proposal %v and says %q; want a text and nothing to explain", rd.Proposal, rd.NoText)
	}

	// Alternating, the believing buyer proposes in round 0 and has nothing it believes the
	// seller takes; the seller, who holds no beliefs, proposes in round 1 within the true
	// red lines (p3 … p5), so only round 0 carries a reason, and it is the buyer's.
	sc = noTextMarket(ProtocolAlternating, "", truly...)
	sc.Actors[0].Beliefs = Beliefs{Set: []Assignment{{Path: "actors.seller.preferences.price.acceptable", Value: []any{"p9", "p10"}}}}
	tr = runRounds(t, sc, RoundsOptions{})
	if got := tr.Rounds[0].NoText; tr.Rounds[0].Proposal != nil || got != "Buyer has no deal to propose that it believes every party with a veto could accept (as it sees their red lines, every deal crosses one of them)" {
		t.Errorf("round 0: proposal %v, says %q", tr.Rounds[0].Proposal, got)
	}
	if rd := tr.Rounds[1]; rd.Proposal == nil || rd.Proposal.By != "seller" || rd.NoText != "" {
		t.Errorf("round 1: proposal %+v, says %q; want the seller's text and no reason", rd.Proposal, rd.NoText)
	}
}

// When the red lines truly clash (the buyer takes p0 … p5, the seller p9 and p10) and nobody
// holds beliefs, every wording says plainly that every deal crosses someone's red line, and
// names who proposes: the mediator, or the party whose turn it is; under a decision rule
// where every voter holds a veto, the parties are every one at the table.
func TestNoTextRedLinesClash(t *testing.T) {
	const plain = "could accept (every deal crosses a red line of one of them)"
	neutralWithRule := noTextMarket(ProtocolMediated, "", "p9", "p10")
	neutralWithRule.Decision = Decision{VotesNeeded: 2}
	neutralWithRule.Actors[0].Votes, neutralWithRule.Actors[1].Votes = 1, 1
	// A third voter at the table, without a veto and with no red line: two of the three
	// votes pass a deal, but the mediator still finds none within the buyer's and the
	// seller's red lines, and the voter's (it has none) are not the reason.
	withVoter := noTextMarket(ProtocolMediated, "", "p9", "p10")
	withVoter.Decision = Decision{VotesNeeded: 2}
	voter := Actor{ID: "broker", Name: "Broker", Votes: 1, Power: 1, Reservation: 0, Preferences: []Preference{{Issue: "price", Weight: 1, Ideal: "p5"}}}
	withVoter.Actors = append(withVoter.Actors, voter)
	withVoter.Actors[0].Votes, withVoter.Actors[1].Votes = 1, 1
	cases := []struct {
		name string
		sc   *Scenario
		want []string // per round
	}{
		{"mediated by the buyer", noTextMarket(ProtocolMediated, "buyer", "p9", "p10"),
			[]string{"Buyer finds no text that every party with a veto " + plain, "Buyer finds no text that every party with a veto " + plain}},
		{"a neutral mediator", noTextMarket(ProtocolMediated, "", "p9", "p10"),
			[]string{"the mediator finds no text that every party with a veto " + plain, "the mediator finds no text that every party with a veto " + plain}},
		{"alternating", noTextMarket(ProtocolAlternating, "", "p9", "p10"),
			[]string{"Buyer has no deal to propose that every party with a veto " + plain, "Seller has no deal to propose that every party with a veto " + plain}},
		{"a decision rule, every voter with a veto", neutralWithRule,
			[]string{"the mediator finds no text that every party at the table " + plain, "the mediator finds no text that every party at the table " + plain}},
		{"a decision rule with a voter without a veto", withVoter,
			[]string{"the mediator finds no text that every party with a veto " + plain, "the mediator finds no text that every party with a veto " + plain}},
	}
	for _, c := range cases {
		tr := runRounds(t, c.sc, RoundsOptions{})
		if len(tr.Rounds) != len(c.want) {
			t.Fatalf("%s: %d rounds, want %d", c.name, len(tr.Rounds), len(c.want))
		}
		for i, rd := range tr.Rounds {
			if rd.Proposal != nil || rd.NoText != c.want[i] {
				t.Errorf("%s, round %d: proposal %v, says %q\nwant %q", c.name, i, rd.Proposal, rd.NoText, c.want[i])
			}
			if strings.Contains(rd.NoText, "believe") {
				t.Errorf("%s, round %d: %q speaks of beliefs nobody holds", c.name, i, rd.NoText)
			}
		}
	}
	// In JSON the reason is the round's no_text; a round with a proposal has none.
	data, err := json.Marshal(runRounds(t, cases[0].sc, RoundsOptions{}).Rounds[0])
	if err != nil {
		t.Fatal(err)
	}
	var round map[string]any
	if err := json.Unmarshal(data, &round); err != nil {
		t.Fatal(err)
	}
	if round["no_text"] != cases[0].want[0] {
		t.Errorf("round 0's JSON no_text is %v", round["no_text"])
	}
	agreed := runRounds(t, noTextMarket(ProtocolMediated, "", "p5", "p6"), RoundsOptions{})
	data, _ = json.Marshal(agreed.Rounds[0])
	if agreed.Rounds[0].Proposal == nil || strings.Contains(string(data), `"no_text"`) {
		t.Errorf("a round with a proposal (p5, the one deal both red lines keep): %s", data)
	}
}
