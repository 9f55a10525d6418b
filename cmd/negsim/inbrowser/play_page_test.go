package inbrowser

import (
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/negsim/negsim/internal/pagetest"
)

// The Play view served by negsim serve, played by keyboard in Chromium: the session ends
// as the terminal's does for the same moves, transcript for transcript, and its link
// resumes it.
func TestPlayPageServed(t *testing.T) {
	pagetest.RequireChromium(t)
	ps := pagetest.PlaySession
	transcript := filepath.Join(t.TempDir(), "session.json")
	moves := strings.Join(ps.Moves, "\n") + "\n"
	if _, errOut, code := runNegsimInput(t, moves, "play", "--variant", ps.Variant, "--as", ps.As, "--transcript", transcript); code != exitOK {
		t.Fatalf("negsim play: exit %d: %s", code, errOut)
	}
	want, err := os.ReadFile(transcript)
	if err != nil {
		t.Fatal(err)
	}
	url := startServe(t)
	pagetest.DrivePlay(t, url, "served", want)
	pagetest.DriveIdlePlay(t, url, "served")
}

// A session that breaks down at the deadline ends, on the page as at the terminal, saying
// whether a deal was possible: Ukraine rejecting every text under sanctions-bite.
func TestPlayPageBreakdownServed(t *testing.T) {
	pagetest.RequireChromium(t)
	moves := strings.Repeat("reject\n", 8)
	out, errOut, code := runNegsimInput(t, moves, "play", "--variant", "sanctions-bite", "--as", "ukraine")
	if code != exitOK {
		t.Fatalf("negsim play: exit %d: %s", code, errOut)
	}
	var said string
	for _, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(line, "A deal was possible") || strings.HasPrefix(line, "No deal was possible") || strings.HasPrefix(line, "The zone of possible agreement was open") {
			said = line
		}
	}
	if said == "" {
		t.Fatalf("negsim play said nothing on whether a deal was possible:\n%s", out)
	}
	url := startServe(t)
	pagetest.DriveBreakdownPlay(t, url, "scenario=ukraine-2026&variant=sanctions-bite&view=play&as=ukraine&moves="+strings.TrimSuffix(strings.Repeat("reject;", 8), ";"), said)
}

// When the next proposer tables the deal the seat countered with, the page says whose deal
// it takes up, in the terminal's words, rather than that the proposer repeats itself: the
// street's counter offer mid/day/no in the garden, which the town tables next.
func TestPlayPageSaysWhoseDealIsTabledUnchanged(t *testing.T) {
	pagetest.RequireChromium(t)
	const line = "Town council puts on the table the same deal as your counter offer."
	out, errOut, code := runNegsimInput(t, "offer fee=mid,hours=day,dogs=no\nquit\n", "play", garden, "--as", "street")
	if code != exitOK || !strings.Contains(out, line) {
		t.Fatalf("negsim play (exit %d) does not say %q:\n%s%s", code, line, out, errOut)
	}
	url := startServe(t, garden)
	pagetest.DrivePlaySays(t, url, "scenario=file%3Agarden.yaml&view=play&as=street&moves=offer:fee=mid,hours=day,dogs=no", []string{line})
}

// An agreed deal is placed on the frontier of the zone, on the page as at the terminal: the
// Ukraine seat accepting every text under sanctions-bite, where the Rada and the voters
// ratify at home, so that a deal within everyone's red lines is no rival unless it is
// ratified too. The sentence the terminal prints must stand in the page's Play view.
func TestPlayPageSaysWhereTheDealStands(t *testing.T) {
	pagetest.RequireChromium(t)
	ps := pagetest.PlaySession
	out, errOut, code := runNegsimInput(t, strings.Join(ps.Moves, "\n")+"\n", "play", "--variant", ps.Variant, "--as", ps.As)
	var line string
	for _, l := range strings.Split(out, "\n") {
		if strings.HasPrefix(l, "On the Pareto frontier") || strings.HasPrefix(l, "Not on the Pareto frontier") {
			line = l
		}
	}
	if code != exitOK || !strings.Contains(line, "in the zone of possible agreement at round") {
		t.Fatalf("negsim play (exit %d) does not place the deal on the zone's frontier:\n%s%s", code, out, errOut)
	}
	url := startServe(t)
	pagetest.DrivePlaySays(t, url, "scenario=ukraine-2026&variant="+ps.Variant+"&view=play&as="+ps.As+"&moves="+strings.Join(ps.Moves, ";"), []string{line})
}

// What happened tells a walk-away value where it shows a change, as the terminal does
// (cmd/negsim's TestPlayToldAWalkAwayValueWhereItShowsAChange): the candidate's 0.5 drifting
// by 0.0002 a round shows 50.1 from round 3 and 50.2 from round 8. The log told "now 50.0"
// after 50.0, at every round.
func TestPlayPageToldAWalkAwayValueWhereItShowsAChange(t *testing.T) {
	pagetest.RequireChromium(t)
	url := startServe(t)
	got := pagetest.DrivePlayLogTells(t, url, "scenario=teaching-two-party&set=protocol.kind%3Dmediated&set=actors.candidate.reservation_drift%3D0.0002&view=play&as=candidate&moves="+strings.TrimSuffix(strings.Repeat("reject;", 9), ";"))
	if want := []string{"50.1", "50.2"}; !slices.Equal(got, want) {
		t.Errorf("What happened tells the walk-away value at %v points; want %v", got, want)
	}
}

// A deal the seat accepted below its walk-away value is outside the zone, and the page
// says so where it places the deal on the frontier, as the terminal does: the candidate of
// the two-party scenario offering mid/office/now, worth 25 points to it against 50, until
// the employer takes it in round 2 (cmd/negsim's TestPlayAcceptedBelowWalkAway).
func TestPlayPageSaysADealOutsideTheZoneIsOnNoFrontier(t *testing.T) {
	pagetest.RequireChromium(t)
	const line = "Not on the Pareto frontier: the deal is outside the zone of possible agreement at round 2's walk-away values, and the frontier is made of the zone's deals."
	moves := "offer salary=mid,remote=office,start=now\nreject\noffer salary=mid,remote=office,start=now\nreject\n"
	out, errOut, code := runNegsimInput(t, moves, "play", "teaching-two-party", "--as", "candidate")
	if code != exitOK || !strings.Contains(out, line) {
		t.Fatalf("negsim play (exit %d) does not say %q:\n%s%s", code, line, out, errOut)
	}
	url := startServe(t)
	pagetest.DrivePlaySays(t, url, "scenario=teaching-two-party&view=play&as=candidate&moves=offer:salary=mid,remote=office,start=now;reject;offer:salary=mid,remote=office,start=now;reject", []string{line})
}

// A seat without a veto whose votes the others cannot pass a deal without is told so on
// the page as at the terminal: the accord's island states when all 4 table votes are
// needed (the others hold 1 + 1 + 1 = 3), with the one vote its acceptance counts for.
func TestPlayPageTellsAPivotalVoterThereIsNoDealWithoutIt(t *testing.T) {
	pagetest.RequireChromium(t)
	out, errOut, code := runNegsimInput(t, "quit\n", "play", accordFile, "--as", "islands", "--set", "decision.votes_needed=4")
	says := []string{
		"You hold no veto, but the others hold 3 votes between them, fewer than the 4 a deal needs: there is no deal without your vote.",
		"Your acceptance counts for 1 vote.",
	}
	for _, line := range says {
		if code != exitOK || !strings.Contains(out, line) {
			t.Fatalf("negsim play (exit %d) does not say %q:\n%s%s", code, line, out, errOut)
		}
	}
	url := startServe(t, accordFile)
	pagetest.DrivePlaySays(t, url, "scenario=file%3Aaccord.yaml&set=decision.votes_needed%3D4&view=play&as=islands", says)
}

// At a breakdown the page names the rule the session was played under, a what-if's
// included: the accord with all 4 table votes needed (the file asks 3), the island states
// rejecting every proposal. It said "at least 3 votes", the file's.
func TestPlayPageBreakdownSaysTheWhatIfsRule(t *testing.T) {
	pagetest.RequireChromium(t)
	moves := strings.Repeat("reject\n", 8)
	out, errOut, code := runNegsimInput(t, moves, "play", accordFile, "--as", "islands", "--set", "decision.votes_needed=4")
	var said string
	for _, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(line, "A deal was possible") {
			said = line
		}
	}
	if code != exitOK || !strings.Contains(said, "gather at least 4 votes at the table") {
		t.Fatalf("negsim play (exit %d) does not name the what-if's rule at its breakdown:\n%s%s", code, out, errOut)
	}
	url := startServe(t, accordFile)
	pagetest.DriveBreakdownPlay(t, url, "scenario=file%3Aaccord.yaml&set=decision.votes_needed%3D4&view=play&as=islands&moves="+strings.TrimSuffix(strings.ReplaceAll(moves, "\n", ";"), ";"), said)
}

// The page words a played round and the end as the terminal does, for the accord's sessions
// worked by hand in cmd/negsim/play_test.go: the EU's round-6 offer that the Parliament alone
// votes down at home (the page said "3 votes. No agreement.", listed names with commas
// only, wrote "1 votes", and counted the Parliament's vote at home among the table's
// answers), and China agreeing a deal across its own red line (the page
// said nothing of it, and "1 of 4 issues differ" without the distance).
func TestPlayPageWordsVotesRatificationAndARuledOutDeal(t *testing.T) {
	pagetest.RequireChromium(t)
	url := startServe(t, accordFile)
	best := "offer:target=deep,finance=medium,phaseout=phase-out,review=voluntary;reject;"
	pagetest.DrivePlaySays(t, url, "scenario=file%3Aaccord.yaml&view=play&as=eu&moves="+strings.Repeat(best, 3)+"offer:target=medium,finance=large,phaseout=phase-out,review=voluntary;quit", []string{
		"Round 0, your proposal: accepted by you; rejected by China, Small island states and Oil exporters; at home, yes from European Parliament. 1 vote of the 3 needed. No agreement.",
		"Round 6, your proposal: accepted by you, China and Small island states; rejected by Oil exporters; at home, no from European Parliament. 3 votes of the 3 needed. No agreement: it would not be ratified at home for you.",
	})
	moves := strings.ReplaceAll(strings.TrimSuffix(pagetest.ChinaOffersBinding, "\n"), "\n", ";")
	moves = strings.ReplaceAll(moves, "offer ", "offer:")
	pagetest.DrivePlaySays(t, url, "scenario=file%3Aaccord.yaml&view=play&as=china&moves="+moves, []string{
		// The page writes a negative surplus with a minus sign (−), as in its tables.
		"Your own values rule this deal out: 10.0 points below your walk-away value of 40.0 (surplus −10.0). It crosses your red lines: review = binding.",
		// Nash at round 3 (the zone of 6 deals, sim/testdata/accord.yaml): deep/large/
		// phase-out/voluntary, EU 69.5 and China 60.0 points against the deal's 80 and 30:
		// √(10.5² + 30²) ≈ 31.8.
		"Compared with the Nash deal at round 3's walk-away values: 1 of 4 issues differs, review (Nash: voluntary); the parties' points lie 31.8 apart.",
	})
}

// The page's log words a round as the terminal does where the terminal words it with care.
// In the job offer the employer's text of round 1 gives it less than its aspiration: it has
// not accepted it, which is not rejecting it (TestPlayHoldOut's wording at the terminal).
// In the Security Council, 10 votes of the 9 needed fail on Russia's and China's vetoes,
// which the log names (TestPlayNamesTheVetoesThatStopAVotedDeal).
func TestPlayPageLogWordsAsTheTerminal(t *testing.T) {
	pagetest.RequireChromium(t)
	url := startServe(t)
	pagetest.DrivePlaySays(t, url, "scenario=teaching-two-party&view=play&as=candidate&moves=offer:salary=high,remote=remote,start=now;reject;quit", []string{
		"Round 1, the proposal by Employer: accepted by no one; rejected by you; not accepted by the proposer, Employer: the proposal gives less than the proposer's aspiration. No agreement.",
	})
	pagetest.DrivePlaySays(t, url, "scenario=teaching-security-council&view=play&as=elected-1&moves=reject;quit", []string{
		"; rejected by Russia, China, you, Elected member 9 and Elected member 10. 10 votes of the 9 needed. No agreement: Russia and China hold a veto and did not accept it.",
	})
}

// The page opens a session with the rules negsim play opens with: who proposes (a seat with
// no veto has no turn but may counter), what ends the talks, votes and ratification
// included, and where the seat's own deals must pass at home. It said none of them: the
// Harborco quota's union learnt only after its first answer that a deal needs 5 votes, and
// Ukraine never read that its deals need 150 of its ratifiers' 200 votes.
func TestPlayPageSaysTheRulesAsTheTerminal(t *testing.T) {
	pagetest.RequireChromium(t)
	url := startServe(t)
	for _, c := range []struct {
		args []string
		hash string
	}{
		{[]string{"teaching-harborco-quota", "--as", "union"}, "scenario=teaching-harborco-quota&view=play&as=union"},
		{[]string{"--variant", "sanctions-bite", "--as", "ukraine"}, "scenario=ukraine-2026&variant=sanctions-bite&view=play&as=ukraine"},
		{[]string{"teaching-security-council", "--as", "russia"}, "scenario=teaching-security-council&view=play&as=russia"},
		// With no veto at all the voters take the turns (TestPlayWithoutAVetoGivesTheVotersTheirTurns).
		{[]string{"teaching-harborco-quota", "--as", "union", "--set", "actors.harborco.veto=false"}, "scenario=teaching-harborco-quota&set=actors.harborco.veto%3Dfalse&view=play&as=union"},
	} {
		out, errOut, code := runNegsimInput(t, "quit\n", append([]string{"play"}, c.args...)...)
		if code != exitOK {
			t.Fatalf("negsim play %s: exit %d: %s", strings.Join(c.args, " "), code, errOut)
		}
		var says []string
		for _, line := range strings.Split(out, "\n") {
			for _, opening := range []string{"Alternating offers:", "Mediated talks", "The other actors are the model's agents.", "A deal you agree must be ratified at home"} {
				if strings.HasPrefix(line, opening) {
					says = append(says, line)
				}
			}
		}
		if len(says) < 2 {
			t.Fatalf("negsim play %s opens with no rules to compare:\n%s", strings.Join(c.args, " "), out)
		}
		pagetest.DrivePlaySays(t, url, c.hash, says)
	}
}

// Before the seat answers, the page counts the others' votes for the proposal and what the
// seat's own makes of them, as negsim play does (TestPlaySaysWhatTheSeatsVoteMakes): the
// Harborco quota's union at round 9, where Harborco, the other ports, the governor and the
// federal agency hold 4 of the 5 votes needed.
func TestPlayPageSaysWhatTheSeatsVoteMakes(t *testing.T) {
	pagetest.RequireChromium(t)
	const line = "So far 4 votes of the 5 needed; with yours, 5."
	out, errOut, code := runNegsimInput(t, strings.Repeat("reject\n", 9)+"quit\n", "play", "teaching-harborco-quota", "--as", "union")
	if code != exitOK || !strings.Contains(out, line) {
		t.Fatalf("negsim play (exit %d) does not say %q:\n%s%s", code, line, out, errOut)
	}
	url := startServe(t)
	pagetest.DrivePlaySays(t, url, "scenario=teaching-harborco-quota&view=play&as=union&moves="+strings.TrimSuffix(strings.Repeat("reject;", 9), ";"), []string{line})
}

// The page says why a proposer holds out as negsim play does
// (TestPlaySaysWhyAProposerHoldsOut), before the seat answers and in the round's answers
// after it: Home tables q6, its own best, which its parliament, wanting q3 at 0.9, would not
// ratify; the telephone game's mediator, which values every district at 1, tables d3
// across its own red line of five or six districts. The page blamed each one's aspiration.
func TestPlayPageSaysWhyAProposerHoldsOut(t *testing.T) {
	pagetest.RequireChromium(t)
	origin := startServe(t)
	for _, c := range []struct {
		sets      []string
		scenario  string
		seat, by  string
		becauseOf string
	}{
		{[]string{"actors.parliament.preferences.quota.ideal=q3", "actors.parliament.reservation=0.9"}, "teaching-tied-hands", "away", "Home government", "ratified at home"},
		{[]string{"actors.mediator.preferences.districts.acceptable=[d5,d6]"}, "teaching-telephone-game", "east", "Mediator", "crosses the proposer's own red lines"},
	} {
		args := []string{"play", c.scenario, "--as", c.seat}
		hash := "scenario=" + c.scenario
		for _, set := range c.sets {
			args = append(args, "--set", set)
			hash += "&set=" + url.QueryEscape(set)
		}
		hash += "&view=play&as=" + c.seat
		out, errOut, code := runNegsimInput(t, "reject\nquit\n", args...)
		// The turn of round 0, then the round's answers and the turn of round 1.
		var first, after []string
		for _, line := range strings.Split(out, "\n") {
			switch {
			case strings.HasPrefix(line, "Not yet accepted by the proposer") && len(first) == 0:
				first = append(first, line)
			case strings.HasPrefix(line, "Not yet accepted by the proposer"), strings.HasPrefix(line, "Round 0, the proposal by "+c.by):
				after = append(after, line)
			}
		}
		if code != exitOK || len(first) != 1 || len(after) == 0 || !strings.Contains(first[0], c.becauseOf) {
			t.Fatalf("negsim %s (exit %d) does not say why %s holds out:\n%s%s", strings.Join(args, " "), code, c.by, out, errOut)
		}
		pagetest.DrivePlaySays(t, origin, hash, first)
		pagetest.DrivePlaySays(t, origin, hash+"&moves=reject", after)
	}
}

// The Play view offers only the seats negsim play takes: in the fish stock Home's parliament
// ratifies Home's deals and sits at no table (teaching-tied-hands.yaml), so the seats are
// Home's and Away's governments. The page listed the parliament, and choosing it gave an
// error.
func TestPlayPageOffersNoRatifierSeat(t *testing.T) {
	pagetest.RequireChromium(t)
	if _, errOut, code := runNegsimInput(t, "quit\n", "play", "teaching-tied-hands", "--as", "parliament"); code == exitOK || !strings.Contains(errOut, "no seat at the table") {
		t.Fatalf("negsim play --as parliament: exit %d, %s; the test needs it refused", code, errOut)
	}
	pagetest.DriveSeatChoice(t, startServe(t), "scenario=teaching-tied-hands", []string{"Home government", "Away government"})
}

// Each move's answer is the first thing read after it, in negsim play's words: the Harborco
// quota's union rejecting, countering, accepting and leaving under alternating offers, and
// accepting and rejecting the mediator's texts; and Europe's proposal in the reference
// scenario under alternating offers, after which three rounds pass with nothing on the
// table before its next turn.
func TestPlayPageSaysWhatAMoveDidFirst(t *testing.T) {
	pagetest.RequireChromium(t)
	url := startServe(t)
	const europe = "offer:territory=freeze,recognition=none,guarantees=article5,nato=open,military-limits=none,foreign-troops=force,sanctions=escalate,assets=reparations,sequencing=guarantees-first,eu-path=membership-path,language=none,interim=energy-and-ports"
	for _, c := range []struct {
		scenario, as string
		set          []string
		moves        []string
	}{
		{"teaching-harborco-quota", "union", nil, []string{"reject", "offer:fund=medium,jobs=full", "accept", "quit"}},
		{"teaching-harborco-quota", "union", []string{"protocol.kind=mediated"}, []string{"accept", "reject", "quit"}},
		{"ukraine-2026", "europe", []string{"protocol.kind=alternating"}, []string{europe, "quit"}},
		// A walk-away value drifting by 0.02 points a round is told where it shows a
		// change, 50.1 at round 3 and 50.2 at round 8, as the terminal tells it.
		{"teaching-two-party", "candidate", []string{"protocol.kind=mediated", "actors.candidate.reservation_drift=0.0002"}, []string{"reject", "reject", "reject", "reject", "reject", "reject", "reject", "reject", "reject", "quit"}},
	} {
		args := []string{"play", c.scenario, "--as", c.as}
		hash := "scenario=" + c.scenario + "&view=play&as=" + c.as
		for _, s := range c.set {
			args = append(args, "--set", s)
			hash += "&set=" + strings.ReplaceAll(s, "=", "%3D")
		}
		answeredAsTheTerminal(t, url, args, hash, c.moves)
	}
}

// With the coach on, what the seat's own offer is worth to it comes after the move, before
// the others' answers to it, as negsim play --coach says it: the Harborco union's counter
// offer (above its walk-away value), Europe's proposal under alternating offers, and
// China's offer across its own red line in the accord. The page said the answers alone.
func TestPlayPageCoachesTheSeatsOwnOffer(t *testing.T) {
	pagetest.RequireChromium(t)
	const europe = "offer:territory=freeze,recognition=none,guarantees=article5,nato=open,military-limits=none,foreign-troops=force,sanctions=escalate,assets=reparations,sequencing=guarantees-first,eu-path=membership-path,language=none,interim=energy-and-ports"
	url := startServe(t, accordFile)
	for _, c := range []struct {
		args  []string
		hash  string
		moves []string
	}{
		{[]string{"teaching-harborco-quota", "--as", "union"}, "scenario=teaching-harborco-quota&view=play&as=union&coach=1",
			[]string{"reject", "offer:fund=medium,jobs=full", "quit"}},
		{[]string{"ukraine-2026", "--as", "europe", "--set", "protocol.kind=alternating"}, "scenario=ukraine-2026&set=protocol.kind%3Dalternating&view=play&as=europe&coach=1",
			[]string{europe, "quit"}},
		{[]string{accordFile, "--as", "china"}, "scenario=file%3Aaccord.yaml&view=play&as=china&coach=1",
			[]string{"reject", "offer:target=deep,finance=large,phaseout=phase-out,review=binding", "quit"}},
	} {
		said := answeredAsTheTerminal(t, url, append([]string{"play", "--coach"}, c.args...), c.hash, c.moves)
		if !slices.ContainsFunc(slices.Concat(said...), func(line string) bool { return strings.HasPrefix(line, "Coach: your offer is worth ") }) {
			t.Errorf("negsim play %s says nothing of the seat's offer's worth to compare: %q", strings.Join(c.args, " "), said)
		}
	}
}

// When the seat's move makes the deal, the end says first what negsim play --coach says
// before "== The talks are over ==": the coach on the seat's own offer and who accepted
// it. The page went from the heading straight to "Agreement in round 0:". In the job offer
// (scenarios/teaching-two-party.yaml):
//   - the candidate offers low/office/now in round 0, 0 + 0 + 0 = 0 points to it (50.0
//     below its walk-away value, across its red line on salary) and 20 + 30 + 50 = 100 to
//     the employer, who accepts;
//   - the employer offers high/hybrid/now in its turns, 0 + 15 + 50 = 65 points to it,
//     which the candidate, conceding round by round, accepts in round 7;
//   - the candidate accepts every text of a mediator until the employer accepts one too,
//     in round 7: no offer of its own, so no coach line on one.
func TestPlayPageSaysTheMoveThatMadeTheDeal(t *testing.T) {
	pagetest.RequireChromium(t)
	url := startServe(t)
	const nash = "offer:salary=high,remote=hybrid,start=now"
	for _, c := range []struct {
		args  []string
		hash  string
		moves []string
		coach bool
	}{
		{[]string{"teaching-two-party", "--as", "candidate"}, "scenario=teaching-two-party&view=play&as=candidate&coach=1",
			[]string{"offer:salary=low,remote=office,start=now"}, true},
		{[]string{"teaching-two-party", "--as", "employer"}, "scenario=teaching-two-party&view=play&as=employer&coach=1",
			[]string{"reject", nash, "reject", nash, "reject", nash, "reject", nash}, true},
		{[]string{"teaching-two-party", "--as", "candidate", "--set", "protocol.kind=mediated"}, "scenario=teaching-two-party&set=protocol.kind%3Dmediated&view=play&as=candidate&coach=1",
			[]string{"accept", "accept", "accept", "accept", "accept", "accept", "accept", "accept"}, false},
	} {
		said := answeredAsTheTerminal(t, url, append([]string{"play", "--coach"}, c.args...), c.hash, c.moves)
		end := said[len(said)-1]
		if len(end) < 2 || !strings.HasSuffix(end[len(end)-2], " Agreement.") || !strings.HasPrefix(end[len(end)-1], "Agreement in round ") ||
			strings.HasPrefix(end[0], "Coach: your offer is worth ") != c.coach {
			t.Errorf("negsim play %s ends with %q: want the round's line, its agreement and the end's first line, with the coach on the seat's offer: %v", strings.Join(c.args, " "), end, c.coach)
		}
	}
}

// answeredAsTheTerminal runs negsim play (args) with the moves typed, and plays the same
// moves by keyboard on the page at url#hash, which must say first what each move did, in
// the terminal's words, and after the last move each line of the terminal that starts with
// one of endLines. It returns what the terminal said of each move.
func answeredAsTheTerminal(t *testing.T, url string, args []string, hash string, moves []string, endLines ...string) [][]string {
	t.Helper()
	var typed string
	for _, m := range moves {
		typed += strings.Replace(m, ":", " ", 1) + "\n"
	}
	out, errOut, code := runNegsimInput(t, typed, args...)
	said := pagetest.SaidOfMoves(out)
	if code != exitOK || len(said) != len(moves) {
		t.Fatalf("negsim %s (exit %d) says %d things of %d moves: %s%s", strings.Join(args, " "), code, len(said), len(moves), out, errOut)
	}
	var played []pagetest.PlayMove
	for i, m := range moves {
		// The page writes a negative surplus with a minus sign (−), as in its tables, where
		// the terminal writes a hyphen.
		for k := range said[i] {
			said[i][k] = strings.ReplaceAll(said[i][k], "(surplus -", "(surplus −")
		}
		played = append(played, pagetest.PlayMove{Move: m, Said: said[i]})
	}
	for _, line := range strings.Split(out, "\n") {
		if slices.ContainsFunc(endLines, func(p string) bool { return strings.HasPrefix(line, p) }) {
			played[len(played)-1].Then = append(played[len(played)-1].Then, line)
		}
	}
	pagetest.DrivePlayAnswered(t, url, hash, played)
	return said
}

// Under the telephone game with alternating offers, the United States alone puts a text on
// the table: Ukraine (rounds 0 and 4), Russia (1 and 5) and Europe (3 and 7) find none that
// they believe every party could accept. The talks' end lists those rounds by reason as
// negsim play does, "rounds 0 and 4" (the page wrote "rounds 0, 4").
func TestPlayPageListsTheRoundsWithNothingOnTheTable(t *testing.T) {
	pagetest.RequireChromium(t)
	url := startServe(t)
	const offer = "offer:territory=freeze,recognition=de-facto,guarantees=russia-role,nato=not-now,military-limits=cap,foreign-troops=none,sanctions=full-relief,assets=shared-fund,sequencing=deal-first,eu-path=membership-path,language=russian-status,interim=energy-and-ports"
	answeredAsTheTerminal(t, url, []string{"play", "ukraine-2026", "--variant", "telephone-game", "--set", "protocol.kind=alternating", "--as", "united-states"},
		"scenario=ukraine-2026&variant=telephone-game&set=protocol.kind%3Dalternating&view=play&as=united-states", []string{offer, offer}, "Nothing was on the table in ")
}

// The seat's standing and the rules are said once, as negsim play says them once at its
// start: at the first turn, then in a closed part, "How the talks run", while each later
// turn says what the terminal says at it, an event and a walk-away value that moved. The
// Harborco union after rejecting round 0; Ukraine under sanctions-bite after accepting the
// mediator's text of round 0 (round 1 brings an event and a walk-away value of 41.0), its
// deals ratified at home; Europe after its proposal under alternating offers, at round
// 7, its walk-away value down to 41.5; and the United States, holding the Council's only
// veto, after its first proposal.
func TestPlayPageSaysTheRulesOnce(t *testing.T) {
	pagetest.RequireChromium(t)
	url := startServe(t)
	const europe = "offer:territory=freeze,recognition=none,guarantees=article5,nato=open,military-limits=none,foreign-troops=force,sanctions=escalate,assets=reparations,sequencing=guarantees-first,eu-path=membership-path,language=none,interim=energy-and-ports"
	for _, c := range []struct {
		args []string
		hash string
		move string
		turn int // the lines the terminal says at the turn after the move, at least
	}{
		{[]string{"teaching-harborco-quota", "--as", "union"}, "scenario=teaching-harborco-quota&view=play&as=union", "reject", 0},
		{[]string{"--variant", "sanctions-bite", "--as", "ukraine"}, "scenario=ukraine-2026&variant=sanctions-bite&view=play&as=ukraine", "accept", 2},
		{[]string{"ukraine-2026", "--as", "europe", "--set", "protocol.kind=alternating"}, "scenario=ukraine-2026&set=protocol.kind%3Dalternating&view=play&as=europe", europe, 1},
		// The only veto actor proposes every round, and is told so rather than "on your turn".
		{[]string{"teaching-security-council", "--as", "us", "--set", "actors.uk.veto=false", "--set", "actors.france.veto=false", "--set", "actors.russia.veto=false", "--set", "actors.china.veto=false"},
			"scenario=teaching-security-council&set=actors.uk.veto%3Dfalse&set=actors.france.veto%3Dfalse&set=actors.russia.veto%3Dfalse&set=actors.china.veto%3Dfalse&view=play&as=us", "offer:response=force", 0},
	} {
		out, errOut, code := runNegsimInput(t, strings.Replace(c.move, ":", " ", 1)+"\nquit\n", append([]string{"play"}, c.args...)...)
		if code != exitOK {
			t.Fatalf("negsim play %s: exit %d: %s", strings.Join(c.args, " "), code, errOut)
		}
		var opening, turn []string
		rounds := 0
		for _, line := range strings.Split(out, "\n") {
			if strings.HasPrefix(line, "== ") {
				rounds++
			}
			switch {
			case rounds == 0 && startsWithAny(line, "Alternating offers:", "Mediated talks", "The other actors are the model's agents.", "A deal you agree must be ratified at home", "You hold", "Your acceptance counts for"):
				opening = append(opening, line)
			case rounds == 2 && startsWithAny(line, "Event: ", "Your walk-away value is now "):
				turn = append(turn, line)
			}
		}
		if len(opening) < 3 || len(turn) < c.turn {
			t.Fatalf("negsim play %s opens with %q and says %q at its second turn: too little to compare", strings.Join(c.args, " "), opening, turn)
		}
		pagetest.DrivePlayRulesOnce(t, url, c.hash, c.move, opening, turn)
	}
}

// A link may set a value the file has already: the Security Council's talks alternate by
// default, so protocol.kind=alternating changes nothing. The page drops such a value once
// it knows the file's, and the session then began afresh at round 0, the link's moves lost
// (in three runs of four, as the engine's answers raced).
func TestPlayLinkSettingTheFilesValueKeepsItsMoves(t *testing.T) {
	pagetest.RequireChromium(t)
	url := startServe(t)
	out, errOut, code := runNegsimInput(t, "offer response=force\nquit\n", "play", "teaching-security-council", "--as", "us", "--set", "protocol.kind=alternating")
	if code != exitOK {
		t.Fatalf("negsim play: exit %d: %s", code, errOut)
	}
	var said []string
	for _, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(line, "Round 0, your proposal: ") {
			said = append(said, line)
		}
	}
	if len(said) != 1 {
		t.Fatalf("negsim play says no round 0 proposal:\n%s", out)
	}
	for range 3 {
		pagetest.DrivePlaySays(t, url, "scenario=teaching-security-council&set=protocol.kind%3Dalternating&view=play&as=us&moves=offer:response=force", said)
	}
}

// Russia's sheet under sanctions-bite rounds each option's points to a tenth, so a deal
// whose points add up to near the walk-away value of 48.0 may be worth a little less (or
// more) than it: the brief says where, in play's show and in the page's brief alike (each
// naming its own way to check).
func TestPlayPageBriefSaysWhereRoundedPointsMislead(t *testing.T) {
	pagetest.RequireChromium(t)
	url := startServe(t)
	// Russia's sums may mislead either way; Ukraine's one sum, its walk-away value of 40.0,
	// only overstates a deal.
	for _, seat := range []string{"russia", "ukraine"} {
		out, errOut, code := runNegsimInput(t, "show\nquit\n", "play", "--variant", "sanctions-bite", "--as", seat)
		if code != exitOK {
			t.Fatalf("negsim play --as %s: exit %d: %s", seat, code, errOut)
		}
		var said []string
		for _, line := range strings.Split(out, "\n") {
			if warning, _, ok := strings.Cut(line, " (score issue=option,... says whether it does)."); ok && strings.HasPrefix(line, "The points below are rounded to a tenth") {
				said = append(said, warning)
			}
		}
		if len(said) != 1 {
			t.Fatalf("negsim play --as %s: show does not say where rounded points mislead:\n%s", seat, out)
		}
		pagetest.DrivePlayBriefSays(t, url, "scenario=ukraine-2026&variant=sanctions-bite&view=play&as="+seat, said)
	}
}

// The page's Leave the table says what leaving does for the seat, as play's help does: a
// Security Council member without a veto leaves the others talking, the United States ends
// the talks.
func TestPlayPageSaysWhatLeavingDoes(t *testing.T) {
	pagetest.RequireChromium(t)
	url := startServe(t)
	pagetest.DrivePlaySays(t, url, "scenario=teaching-security-council&view=play&as=elected-1", []string{"Leave the table The others talk on without you, as if you rejected every text."})
	pagetest.DrivePlaySays(t, url, "scenario=teaching-security-council&view=play&as=us", []string{"Leave the table The talks end without agreement."})
	// Harborco's union left after rejecting round 0: its one vote is missing from every
	// proposal after, and round 9's small fund and full guarantee fails on 4 votes of the 5
	// needed. "You could not stop the others" said the reverse of what happened.
	pagetest.DrivePlaySays(t, url, "scenario=teaching-harborco-quota&view=play&as=union&moves=reject;quit", []string{leftHarborcoUnion,
		"Round 9, the proposal by Harborco (developer): accepted by Harborco (developer), Other ports, Governor and Federal agency; rejected by Environmental coalition; you had left the table. 4 votes of the 5 needed. No agreement."})
}

// leftHarborcoUnion is what play says at the end of the union's session that quits after
// round 0: negsim play says it too (TestPlaySaysALeftSeatsVoteCountedAsNo).
const leftHarborcoUnion = "You left the table in round 1; the others talked on without you, and your vote counted as no on every proposal after. No deal was agreed by the deadline (round 9): everyone keeps its walk-away value."

func startsWithAny(line string, prefixes ...string) bool {
	return slices.ContainsFunc(prefixes, func(p string) bool { return strings.HasPrefix(line, p) })
}

// A session is not lost by a key pressed by mistake: once the Harborco union has rejected
// round 0, Start again comes after the turn, asks in the page before it clears the move,
// and asks nothing once no move is made.
func TestPlayPageStartsAgainOnlyWhenAsked(t *testing.T) {
	pagetest.RequireChromium(t)
	pagetest.DrivePlayStartAgain(t, startServe(t), "scenario=teaching-harborco-quota&view=play&as=union&moves=reject")
}

// The first text on the table is shown whole and unmarked, as negsim play shows it
// (TestPlayNamesANeutralMediator): the page starred every issue of it "changed since the
// last proposal", of which there was none. The second proposal keeps its column of changes.
func TestPlayPageShowsTheFirstProposalUnmarked(t *testing.T) {
	pagetest.RequireChromium(t)
	url := startServe(t)
	line, columns := pagetest.DrivePlayProposalColumns(t, url, "scenario=teaching-two-party&set=protocol.kind%3Dmediated&view=play&as=candidate")
	if line != "The mediator puts this on the table:" || !slices.Equal(columns, []string{"issue", "option"}) {
		t.Errorf("the first proposal reads %q over the columns %q; want %q over issue, option", line, columns, "The mediator puts this on the table:")
	}
	line, columns = pagetest.DrivePlayProposalColumns(t, url, "scenario=teaching-two-party&set=protocol.kind%3Dmediated&view=play&as=candidate&moves=reject")
	if line != "The mediator puts the same deal on the table again." || !slices.Equal(columns, []string{"issue", "option", "changed"}) {
		t.Errorf("the second proposal reads %q over the columns %q; want the same deal again over issue, option, changed", line, columns)
	}
}

// The page's Play tells a seat whose vote never decides so, as negsim play does
// (TestAVoteThatNeverDecidesIsSaidSo): with Harborco's decision asking for 1 vote, the
// developer's own, which its veto brings to every deal, the union's vote swings none.
func TestPlayPageSaysAVoteNeverDecides(t *testing.T) {
	pagetest.RequireChromium(t)
	url := startServe(t)
	pagetest.DrivePlaySays(t, url, "scenario=teaching-harborco-quota&set=decision.votes_needed%3D1&view=play&as=union", []string{
		"Your acceptance counts for 1 vote, but the parties with a veto, whose yes every deal needs, hold 1 vote between them: your vote never decides a deal.",
	})
}

// The page's Play ends as negsim play does where the rounds move values
// (TestPlaySaysScoresUseTheStartingValues): the class's scores are weighed at the starting
// values, not at the last round's shown in its table.
func TestPlayPageSaysScoresUseTheStartingValues(t *testing.T) {
	pagetest.RequireChromium(t)
	url := startServe(t)
	pagetest.DrivePlaySays(t, url, "scenario=ukraine-2026&variant=sanctions-bite&view=play&as=ukraine&moves="+strings.TrimSuffix(strings.Repeat("accept;", 8), ";"), []string{
		"Score and debrief weigh the session at the scenario's starting values, before the rounds' drift and events, so their points can differ from these.",
	})
}
