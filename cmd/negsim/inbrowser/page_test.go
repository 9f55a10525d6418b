package inbrowser

import (
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/negsim/negsim/internal/pagetest"
)

// The page served by negsim serve, driven in Chromium; every result is compared with
// `negsim analyze --format json` for the same variant and overrides.
func TestPageServed(t *testing.T) {
	pagetest.RequireChromium(t)
	url := startServe(t)
	issues := []string{"territory", "recognition", "guarantees", "nato", "military-limits", "foreign-troops", "sanctions", "assets", "sequencing", "eu-path", "language", "interim"}
	oracle := func(variant string, sets []string) pagetest.Answer {
		args := []string{"analyze", "ukraine-2026", "--variant", variant, "--format", "json"}
		for _, s := range sets {
			args = append(args, "--set", s)
		}
		out := runOK(t, args...)
		a, err := pagetest.AnswerOf([]byte(out), issues)
		if err != nil {
			t.Fatal(err)
		}
		return a
	}
	rep := pagetest.Drive(t, url, "served", oracle)
	t.Logf("negsim serve: slider move to results, median %.1f ms over %d moves: %v", rep.Median(), len(rep.SliderMS), rep.SliderMS)
}

// The served page driven as students use it, one server for every case:
//   - access: for a screen reader, at 200% and 400% zoom, in dark colours and in Windows'
//     high-contrast mode: named controls, tables with captions, quiet live regions, charts
//     in words, every text at WCAG's contrast, a wrong number refused at its field, a
//     headline that leaves the zoomed window to the controls;
//   - own-file-problems: a student's own file with problems, each said once, as negsim
//     analyze says it;
//   - own-file-early: a file of one's own chosen while the engine is still coming is not
//     taken and not blamed, and opens once the engine has come;
//   - own-file-server-gone: a good file chosen once negsim serve has stopped is not blamed;
//   - narrow: every view on a phone, a tablet and a Chromebook, nothing sticking out of the
//     window or of its box;
//   - quick-switch: two scenarios opened in quick succession, the second shown whole (its
//     description, status and controls) whatever order the answers come back in;
//   - keyboard: every Tab stop shows its focus in sight, forward and back, through the
//     reference scenario's what-if controls;
//   - keyboard-actions: the skip link, Try it, Take the seat and a link of Play by keyboard,
//     each leaving the focus where the student goes on, and the what-if in the address
//     (Try it also leaves the what-if's groups open or closed as they were);
//   - chart-focus: each mark of the chart of two parties looks different when the keyboard
//     is on it, those drawn one over another too;
//   - axes-swap: choosing for one axis the party the other shows swaps them;
//   - copy: the Share view's Copy buttons, by keyboard, each saying beside it what it did;
//   - words: the page and the report it downloads say the same about an analysis, in the
//     same words (why the zone is empty, ratification at home), as pagetest.WordCases works
//     them out;
//   - voting-power: who must agree gives each voter's power to four significant digits, as
//     negsim analyze does, on the page and in its report;
//   - compare-columns: the Compared view's surpluses in the file's order of actors, and
//     the Nash product, as negsim compare's columns, and the same deals listed, as many of
//     as many;
//   - take-numbers: What would it take writes tiny changes out, and its Try it sets the
//     value its row names;
//   - take-lists: What would it take lists what negsim sensitivity lists, and says how
//     many there are where it shows fewer;
//   - play-zoomed: a whole Play session by keyboard at 200% zoom, every focus in the
//     window and the talks' end whole;
//   - play-phone: Play's tables on a phone, every column in the window and each value
//     with its column's name;
//   - rounds-events: the rounds chart marks each event at its round, tagged as negsim
//     rounds --chart tags it, and says beside it what each was;
//   - said: the bargaining solutions name a ratifier and mark a rejection as the
//     terminal does; What would it take says none of its red lines changes the result;
//   - counted: one deal and two deals, one enters and two enter, in the Rounds and
//     Compared views, the chart's words and the report, as the terminal counts them;
//   - variant-gone: a link's variant the file does not hold, said and then chosen right;
//   - scenario-gone: a link's scenario nothing holds, named in the menu until another is chosen;
//   - report-chart: the report's chart is the what-if's, changed after the chart was drawn;
//   - score: the Score a deal view says of seven deals, and of one chosen by keyboard, what
//     negsim score says, sentence by sentence and cell by cell;
//   - undo-one: two changes listed from the file's value, taken back one at a time by
//     keyboard, the zone each time as negsim analyze gives it; a link's value that is the
//     file's, no change;
//   - invalid-what-if: a what-if the engine refuses, reached by keyboard, shows no results
//     in any view, as its link opened afresh shows none, and negsim analyze's words;
//   - scenario-back: Back after another scenario is chosen brings the one before with its
//     what-if, and Forward the one chosen;
//   - view-unknown: a link's view the page does not know, taken out of the address at once;
//   - chart-keys: the keys of the zone's chart and of What would it take name only what
//     the chart draws;
//   - take-labels: each bar of What would it take's chart names its value, however long
//     the name;
//   - wide-tables: the solutions, options and What would it take fit a laptop's column
//     where they can, and no id in a table breaks over two lines;
//   - unbroken-ids: a deal written as pairs, in the headline and What would it take,
//     wraps between its pairs, never inside an id;
//   - notes: the bound negsim params notes for a value, beside its control and read with it;
//   - bounds-asked: a slider move asks for params again only when a bound or note may move,
//     and a link to another view of the same what-if asks for no analysis.
func TestPageDrivenServed(t *testing.T) {
	pagetest.RequireChromium(t)
	origin := startServe(t)
	for _, c := range []struct {
		name  string
		drive func(t *testing.T)
	}{
		{"access", func(t *testing.T) { pagetest.DriveAccess(t, origin) }},
		{"own-file-problems", func(t *testing.T) { pagetest.DriveOwnFileProblems(t, origin) }},
		{"own-file-early", func(t *testing.T) { pagetest.DriveOwnFileBeforeEngine(t, origin) }},
		{"own-file-server-gone", func(t *testing.T) { pagetest.DriveOwnFileServerGone(t, origin) }},
		{"narrow", func(t *testing.T) { pagetest.DriveNarrow(t, origin, pagetest.NarrowCases) }},
		{"quick-switch", func(t *testing.T) { pagetest.DriveQuickSwitch(t, origin) }},
		{"keyboard", func(t *testing.T) {
			pagetest.DriveKeyboard(t, origin, "scenario=ukraine-2026&variant=sanctions-bite", 90)
		}},
		{"keyboard-actions", func(t *testing.T) { pagetest.DriveKeyboardActions(t, origin) }},
		{"chart-focus", func(t *testing.T) { pagetest.DriveChartFocus(t, origin) }},
		{"axes-swap", func(t *testing.T) { pagetest.DriveAxesSwap(t, origin) }},
		{"copy", func(t *testing.T) {
			pagetest.DriveCopy(t, origin, "scenario=ukraine-2026&variant=sanctions-bite&set=actors.russia.reservation%3D0.5")
		}},
		{"words", func(t *testing.T) { pagetest.DriveWords(t, origin, pagetest.WordCases) }},
		{"voting-power", func(t *testing.T) { pagetest.DriveVotingPower(t, origin) }},
		{"compare-columns", func(t *testing.T) {
			// The Compared view is negsim compare of the variant against itself under the
			// what-if, at compare's own --limit.
			var c struct {
				LeavingCount int `json:"leaving_count"`
				Leaving      []struct {
					Options map[string]string  `json:"options"`
					Surplus map[string]float64 `json:"surplus"`
				} `json:"leaving"`
			}
			out := runOK(t, "compare", "ukraine-2026#sanctions-bite", "ukraine-2026#sanctions-bite", "--set", "actors.russia.reservation=0.5", "--format", "json")
			if err := json.Unmarshal([]byte(out), &c); err != nil {
				t.Fatalf("compare --format json: %v:\n%s", err, out)
			}
			terminal := pagetest.ComparedDeals{Count: c.LeavingCount}
			for _, d := range c.Leaving {
				terminal.Deals = append(terminal.Deals, d.Options)
				terminal.Surpluses = append(terminal.Surpluses, d.Surplus)
			}
			pagetest.DriveCompareColumns(t, origin, terminal)
		}},
		{"take-numbers", func(t *testing.T) { pagetest.DriveTakeNumbers(t, origin) }},
		{"take-lists", func(t *testing.T) {
			var cases []pagetest.TakeLists
			for _, c := range []struct{ hash, file string }{
				{"scenario=teaching-two-party", "teaching-two-party"},
				{"scenario=ukraine-2026&variant=sanctions-bite", "ukraine-2026#sanctions-bite"},
				// The Nash deal gives the other ports exactly their walk-away value, and needs
				// their vote: the page says so, as the terminal does.
				{"scenario=teaching-harborco-quota", "teaching-harborco-quota"},
			} {
				var rep struct {
					Rows []struct {
						Nearest *float64 `json:"nearest"`
					} `json:"rows"`
					RedLines []struct {
						Set []string `json:"set"`
					} `json:"red_lines"`
				}
				out := runOK(t, "sensitivity", c.file, "--all", "--format", "json")
				if err := json.Unmarshal([]byte(out), &rep); err != nil {
					t.Fatalf("sensitivity --format json: %v:\n%s", err, out)
				}
				tc := pagetest.TakeLists{Hash: c.hash}
				for _, line := range strings.Split(runOK(t, "sensitivity", c.file), "\n") {
					if strings.HasPrefix(line, "On the edge:") {
						tc.Edge = line
					}
				}
				for _, r := range rep.Rows {
					if r.Nearest != nil {
						tc.Tipping++
					}
				}
				for _, l := range rep.RedLines {
					tc.RedLines = append(tc.RedLines, l.Set)
				}
				cases = append(cases, tc)
			}
			pagetest.DriveTakeLists(t, origin, cases)
		}},
		{"play-zoomed", func(t *testing.T) { pagetest.DrivePlayZoomed(t, origin) }},
		{"play-phone", func(t *testing.T) { pagetest.DrivePlayPhone(t, origin, pagetest.PlayPhoneCases) }},
		{"counted", func(t *testing.T) { pagetest.DriveCounted(t, origin, pagetest.CountedCases) }},
		{"said", func(t *testing.T) { pagetest.DriveCounted(t, origin, pagetest.SaidCases) }},
		{"rounds-events", func(t *testing.T) {
			// The events as negsim rounds gives them, each tagged in the order it fires.
			var tr struct {
				Rounds []struct {
					Round  int
					Events []struct{ Why string }
				}
			}
			if err := json.Unmarshal([]byte(runOK(t, "rounds", "--variant", "sanctions-bite", "--format", "json")), &tr); err != nil {
				t.Fatal(err)
			}
			var tags, told []string
			for _, r := range tr.Rounds {
				for _, ev := range r.Events {
					tag := fmt.Sprintf("E%d", len(tags)+1)
					tags = append(tags, tag)
					told = append(told, fmt.Sprintf("%s, round %d: %s.", tag, r.Round, ev.Why))
				}
			}
			if len(tags) == 0 {
				t.Fatal("sanctions-bite's rounds fire no event: the test needs one")
			}
			pagetest.DriveRoundsEvents(t, origin, "scenario=ukraine-2026&variant=sanctions-bite&view=rounds", tags, strings.Join(told, " "))
		}},
		{"variant-gone", func(t *testing.T) {
			// What negsim says of the variant, and the zone of the one meant, worked out by
			// the command line.
			_, stderr, code := runNegsim(t, "analyze", "teaching-tied-hands", "--variant", "hawkis")
			said, ok := strings.CutPrefix(strings.TrimSpace(stderr), "negsim: ")
			if code == 0 || !ok || !strings.Contains(said, `did you mean "hawkish"`) {
				t.Fatalf("negsim analyze --variant hawkis exits %d and says %q", code, stderr)
			}
			var an struct{ ZOPA struct{ Count int } }
			if err := json.Unmarshal([]byte(runOK(t, "analyze", "teaching-tied-hands", "--variant", "hawkish", "--format", "json")), &an); err != nil {
				t.Fatal(err)
			}
			pagetest.DriveLinkedVariantGone(t, origin, said, strconv.Itoa(an.ZOPA.Count))
		}},
		{"scenario-gone", func(t *testing.T) { pagetest.DriveLinkedScenarioGone(t, origin) }},
		{"report-chart", func(t *testing.T) { pagetest.DriveReportChartFollows(t, origin) }},
		{"score", func(t *testing.T) { pagetest.DriveScore(t, origin, pagetest.ScoreCases, scoredByTerminal(t)) }},
		{"undo-one", func(t *testing.T) {
			pagetest.DriveUndoOne(t, origin, func(sets []string) pagetest.Answer {
				args := []string{"analyze", "teaching-two-party", "--format", "json"}
				for _, s := range sets {
					args = append(args, "--set", s)
				}
				a, err := pagetest.AnswerOf([]byte(runOK(t, args...)), []string{"salary", "remote", "start"})
				if err != nil {
					t.Fatal(err)
				}
				return a
			})
		}},
		{"invalid-what-if", func(t *testing.T) { pagetest.DriveInvalidWhatIf(t, origin, invalidCases(t)) }},
		{"scenario-back", func(t *testing.T) {
			// The reservation's slider steps by 0.01 from the file's 0.5.
			sets := []string{"actors.candidate.reservation=0.51"}
			a, err := pagetest.AnswerOf([]byte(runOK(t, "analyze", "teaching-two-party", "--set", sets[0], "--format", "json")), []string{"salary", "remote", "start"})
			if err != nil {
				t.Fatal(err)
			}
			pagetest.DriveScenarioBack(t, origin, sets, a)
		}},
		{"view-unknown", func(t *testing.T) { pagetest.DriveLinkedViewUnknown(t, origin) }},
		{"chart-keys", func(t *testing.T) {
			pagetest.DriveChartKeys(t, origin, []pagetest.ChartKey{
				{Hash: "scenario=ukraine-2026", Chart: "chart", Key: pagetest.ZoneKey(t, []byte(runOK(t, "analyze", "ukraine-2026", "--format", "json")))},
				{Hash: "scenario=ukraine-2026&variant=sanctions-bite", Chart: "chart", Key: pagetest.ZoneKey(t, []byte(runOK(t, "analyze", "ukraine-2026", "--variant", "sanctions-bite", "--format", "json")))},
				{Hash: "scenario=teaching-tied-hands&view=take", Chart: "take", Key: pagetest.TakeKey(t, []byte(runOK(t, "sensitivity", "teaching-tied-hands", "--format", "json")))},
				{Hash: "scenario=teaching-two-party&view=take", Chart: "take", Key: pagetest.TakeKey(t, []byte(runOK(t, "sensitivity", "teaching-two-party", "--format", "json")))},
			})
		}},
		{"wide-tables", func(t *testing.T) { pagetest.DriveWideTables(t, origin, pagetest.WideTables) }},
		{"unbroken-ids", func(t *testing.T) { pagetest.DriveUnbrokenIds(t, origin, pagetest.UnbrokenCases) }},
		{"take-labels", func(t *testing.T) {
			pagetest.DriveTakeLabels(t, origin, []string{"scenario=teaching-red-line&view=take", "scenario=ukraine-2026&variant=sanctions-bite&view=take", "scenario=teaching-harborco-quota&view=take"})
		}},
		{"notes", func(t *testing.T) { pagetest.DriveNotes(t, origin, "scenario=ukraine-2026", ratificationNotes(t)) }},
		{"bounds-asked", func(t *testing.T) {
			// No bound or note hangs on a reservation, which ranges from 0 to 1 whatever the
			// others are (sim/params.go); the Rada's bound hangs on the votes Ukraine's
			// ratification asks (ratificationNotes). A link followed within the page builds
			// the controls again for the file the page holds: the bounds at 120 votes were
			// given with the second move, those with the Rada at 30 are new.
			const at120 = "scenario=ukraine-2026&set=actors.ukraine.ratification.votes_needed%3D120"
			asked := pagetest.DriveBoundsAsked(t, origin, "scenario=ukraine-2026", []pagetest.BoundsMove{
				{Path: "actors.russia.reservation", Key: kb.ArrowRight, Analyses: 1, Params: 0},
				{Path: "actors.ukraine.ratification.votes_needed", Typed: "120", Analyses: 1, Params: 1},
				{Link: at120 + "&set=actors.russia.reservation%3D0.5", Analyses: 1, Params: 0},
				{Link: at120 + "&set=actors.rada.votes%3D30", Analyses: 1, Params: 1},
				{Link: at120 + "&set=actors.rada.votes%3D30&view=words", Analyses: 0, Params: 0},
				{Link: at120 + "&set=actors.rada.votes%3D30&axes=russia,ukraine", Analyses: 0, Params: 0},
			})
			t.Logf("requests to the engine per move: %v", asked)
		}},
	} {
		t.Run(c.name, c.drive)
	}
}

// The report the served page offers for download: its counts carry separators, as
// negsim analyze and rounds count, and it prints whole on A4.
func TestPageReportServed(t *testing.T) {
	pagetest.RequireChromium(t)
	cases := pagetest.ReportCases(t, func(command string, st pagetest.ReportState) []byte {
		args := []string{command, st.Scenario, "--format", "json"}
		if st.Variant != "" {
			args = append(args, "--variant", st.Variant)
		}
		for _, s := range st.Sets {
			args = append(args, "--set", s)
		}
		return []byte(runOK(t, args...))
	})
	origin := startServe(t)
	pagetest.DriveReport(t, origin, "served", cases)
}

// A student's own file, fixed and chosen again, larger, too large, and its link sent to a
// classmate with the file: each step shows that file's results, or says why not.
func TestPageOwnFileEditedServed(t *testing.T) {
	pagetest.RequireChromium(t)
	origin := startServe(t)
	elsewhere := startServe(t)
	pagetest.DriveOwnFileEdited(t, origin, elsewhere)
}

// The teacher's files of a folder given to negsim serve, opened by link: a name with a '#',
// and a file with a problem.
func TestPageListedFilesServed(t *testing.T) {
	pagetest.RequireChromium(t)
	dir := t.TempDir()
	pagetest.ListedFiles(t, dir)
	origin := startServe(t, dir)
	pagetest.DriveListedFiles(t, origin)
}

// negsim warns of a scenario that holds something that cannot matter, such as a condition
// whose if the actor's own red line rules out; the page lists what it warns, as it says
// it on stderr. The page listed nothing. warn.yaml's Bob accepts no pizza, so his
// condition on pizza never applies, and no one values tacos; given pizza, the condition
// applies again. The reference scenario's alaska-2025 rules out the territorial steps of
// Ukraine's condition, which the file as shipped does not.
func TestPageWarningsServed(t *testing.T) {
	pagetest.RequireChromium(t)
	dir := t.TempDir()
	scenario := `name: Dinner out
description: Two friends choose where and when to eat.
issues:
  - {id: place, name: Place, options: [{id: pizza}, {id: sushi}, {id: tacos}]}
  - {id: time, name: Time, options: [{id: early}, {id: late}]}
actors:
  - id: alice
    name: Alice
    veto: true
    reservation: 0.3
    preferences:
      place: {weight: 60, ideal: pizza}
      time: {weight: 40, ideal: early}
  - id: bob
    name: Bob
    veto: true
    reservation: 0.3
    preferences:
      place: {weight: 50, ideal: sushi, acceptable: [sushi, tacos]}
      time: {weight: 50, ideal: late}
    constraints:
      - if: {place: [pizza]}
        then: {time: [late]}
        why: Pizza only late
`
	if err := os.WriteFile(filepath.Join(dir, "warn.yaml"), []byte(scenario), 0o644); err != nil {
		t.Fatal(err)
	}
	var cases []pagetest.WarningCase
	for _, args := range [][]string{
		{"warn.yaml"},
		{"warn.yaml", "--set", "actors.bob.preferences.place.acceptable=[pizza,sushi,tacos]"},
		{"ukraine-2026", "--variant", "alaska-2025"},
		{"ukraine-2026"},
	} {
		cmd := command(t, append([]string{"analyze"}, args...)...)
		cmd.Dir = dir
		var stderr strings.Builder
		cmd.Stderr = &stderr
		if err := cmd.Run(); err != nil {
			t.Fatalf("negsim analyze %v: %v: %s", args, err, &stderr)
		}
		c := pagetest.WarningCase{Hash: "scenario=" + args[0]}
		if args[0] == "warn.yaml" {
			c.Hash = "scenario=file:warn.yaml"
		}
		for i := 1; i+1 < len(args); i += 2 {
			c.Hash += "&" + strings.TrimPrefix(args[i], "--") + "=" + url.QueryEscape(args[i+1])
		}
		for _, line := range strings.Split(strings.TrimSpace(stderr.String()), "\n") {
			if said, ok := strings.CutPrefix(line, "warning: "); ok {
				c.Said = append(c.Said, said)
			}
		}
		cases = append(cases, c)
	}
	if len(cases[0].Said) != 2 || len(cases[1].Said) != 1 || len(cases[2].Said) != 1 || len(cases[3].Said) != 0 {
		t.Fatalf("negsim analyze warns %+v; the cases need two warnings, one, one and none", cases)
	}
	pagetest.DriveWarnings(t, startServe(t, dir), cases)
}

// A teacher writes the parties' names in Chinese, and long: the charts' axis titles, the
// reservations' labels and What would it take's bars name them. The page sized a name by
// its letters at 0.6 of the font size, right for Latin letters, where a Chinese character
// is a whole one: What would it take's labels ran up to 93 px past the chart's left edge.
// The variants' menu and the description above the results cut their text at its last
// space, and Chinese has none: each stood whole, the menu as wide as the description.
func TestPageLongNamesServed(t *testing.T) {
	pagetest.RequireChromium(t)
	dir := t.TempDir()
	scenario := `name: 粮食走廊谈判
description: ` + strings.Repeat("两国就粮食走廊、关税和检查进行谈判。", 30) + `
variants:
  - {id: patient, description: ` + strings.Repeat("东方国家可以等待更长时间，它的保留值上升。", 8) + `, set: {actors.east.reservation: 0.5}}
issues:
  - {id: corridor, name: 走廊, options: [{id: open}, {id: partial}, {id: closed}]}
  - {id: tariff, name: 关税, options: [{id: low}, {id: high}]}
actors:
  - {id: east, name: 东方国家政府代表团暨区域经济合作组织观察员联合体, reservation: 0.4, preferences: {corridor: {weight: 0.7, ideal: open}, tariff: {weight: 0.3, ideal: low}}}
  - {id: west, name: 西方国家联盟及其全部成员国政府的联合谈判代表团, reservation: 0.4, preferences: {corridor: {weight: 0.3, ideal: partial}, tariff: {weight: 0.7, ideal: high}}}
`
	if err := os.WriteFile(filepath.Join(dir, "corridor.yaml"), []byte(scenario), 0o644); err != nil {
		t.Fatal(err)
	}
	origin := startServe(t, dir)
	pagetest.DriveNarrow(t, origin, []pagetest.NarrowCase{{Hash: "scenario=file:corridor.yaml"}})
	pagetest.DriveLongDescriptions(t, origin, "scenario=file:corridor.yaml")
}

// Hebrew names stand in their place in the page's English sentences and in the report it
// hands in. The scenario's issues, גבולות (borders) at 70% of each side's weight and ביטחון
// (security) at 30%: the In words view and the report say "Cares most about גבולות (70%)
// and ביטחון (30%)". Before, each was drawn "(30%) ביטחון ,(70%) גבולות", the shares by the
// wrong names. The description, in Hebrew, reads from the
// right, its clauses in their order: set apart clause by clause, as names are, its first
// clause stood at the left.
func TestPageRightToLeftNamesServed(t *testing.T) {
	pagetest.RequireChromium(t)
	dir := t.TempDir()
	scenario := `name: Border talks
description: שלום לכם, זה תרחיש לדוגמה, עם שני צדדים.
issues:
  - {id: borders, name: גבולות, options: [{id: old}, {id: new}]}
  - {id: security, name: ביטחון, options: [{id: low}, {id: high}]}
actors:
  - {id: israel, name: ישראל, reservation: 0.3, preferences: {borders: {weight: 0.7, ideal: new}, security: {weight: 0.3, ideal: high}}}
  - {id: egypt, name: מצרים, reservation: 0.3, preferences: {borders: {weight: 0.7, ideal: old}, security: {weight: 0.3, ideal: low}}}
`
	if err := os.WriteFile(filepath.Join(dir, "borders.yaml"), []byte(scenario), 0o644); err != nil {
		t.Fatal(err)
	}
	origin := startServe(t, dir)
	pagetest.DriveRightToLeftNames(t, origin, "scenario=file:borders.yaml", []string{"גבולות", "70%", "ביטחון", "30%"}, []string{"שלום לכם", "זה תרחיש לדוגמה", "עם שני צדדים"})
}

// The Rounds view tells a proposer's fallback (the closest deal, its own best) as negsim
// rounds does; the bases come from the engine's JSON.
func TestPageRoundsBasisServed(t *testing.T) {
	pagetest.RequireChromium(t)
	origin := startServe(t)
	for _, hash := range []string{"scenario=teaching-two-party", "scenario=ukraine-2026&variant=sanctions-bite"} {
		p, _ := url.ParseQuery(hash)
		args := []string{"rounds", p.Get("scenario"), "--format", "json"}
		if v := p.Get("variant"); v != "" {
			args = append(args, "--variant", v)
		}
		var tr struct {
			Rounds []struct {
				Proposal *struct {
					Basis string `json:"basis"`
				} `json:"proposal"`
			} `json:"rounds"`
		}
		if err := json.Unmarshal([]byte(runOK(t, args...)), &tr); err != nil {
			t.Fatal(err)
		}
		var bases []string
		for _, r := range tr.Rounds {
			b := ""
			if r.Proposal != nil {
				b = r.Proposal.Basis
			}
			bases = append(bases, b)
		}
		pagetest.DriveRoundsBasis(t, origin, hash, bases)
	}
}

// The Rounds view tells who accepted each proposal as negsim rounds does: a ratifier's yes
// apart, at home, the actors a proposer misjudged named, and its marks explained.
func TestPageRoundsAnswersServed(t *testing.T) {
	pagetest.RequireChromium(t)
	pagetest.DriveRoundsAnswers(t, startServe(t), pagetest.RoundsAnswersCases)
}

// The Rounds view draws each line as negsim rounds --chart and negsim report do (solid
// aspiration, dashed utility of the proposal, dotted reservation) and names the styles it
// draws in the key words the command line's chart prints, for the two-party example (with
// proposals) and the reference scenario (ratifiers left out, no proposal on the table, so
// no utility of the proposal to key).
func TestPageRoundsLinesServed(t *testing.T) {
	pagetest.RequireChromium(t)
	origin := startServe(t)
	for _, name := range []string{"teaching-two-party", "ukraine-2026"} {
		var an struct {
			Ratification map[string]struct {
				By []string `json:"by"`
			} `json:"ratification"`
		}
		if err := json.Unmarshal([]byte(runOK(t, "analyze", name, "--format", "json")), &an); err != nil {
			t.Fatal(err)
		}
		ratifiers := map[string]bool{}
		for _, r := range an.Ratification {
			for _, id := range r.By {
				ratifiers[id] = true
			}
		}
		_, transcript := roundsJSON(t, name)
		// The key's words are the command line's: its chart must say the same ones.
		chart := filepath.Join(t.TempDir(), "rounds.svg")
		runOK(t, "rounds", name, "--chart", chart)
		svg, err := os.ReadFile(chart)
		if err != nil {
			t.Fatal(err)
		}
		said, unsaid := pagetest.RoundsKey(t, []byte(transcript), ratifiers)
		for _, words := range said {
			if !strings.Contains(string(svg), words) {
				t.Errorf("negsim rounds %s --chart no longer says %q", name, words)
			}
		}
		for _, words := range unsaid {
			if strings.Contains(string(svg), words) {
				t.Errorf("negsim rounds %s --chart says %q, which none of its lines is", name, words)
			}
		}
		pagetest.DriveRoundsLines(t, origin, "scenario="+name, []byte(transcript), ratifiers)
	}
}

// A student who prints the page itself (Ctrl+P) rather than downloading the report gets
// its results whole: the sliders of "What if…" and the view tabs are for the screen, and
// the tables that scroll sideways on screen must not be cut at the paper's edge. Printed
// on A4 the sanctions-bite page lost the bargaining solutions' Utilitarian and Egalitarian
// columns and the last column of the options in the zone, after two pages of sliders.
func TestPagePrintsItsResultsWhole(t *testing.T) {
	pagetest.RequireChromium(t)
	origin := startServe(t)
	tab := pagetest.Tab(t, pagetest.A4Width, pagetest.A4Height, 90*time.Second)
	// sanctions-bite's ZOPA holds 709 deals (scenarios_test.go works it out); the tables
	// are drawn once the count shows.
	if _, err := chromedp.Run(tab, chromedp.Navigate(origin+"#variant=sanctions-bite")); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(tab, chromedp.Poll[bool](`document.getElementById("zopa-count").textContent.trim() === "709" && !!document.querySelector("#options table")`, chromedp.WithPollingTimeout(60*time.Second))); err != nil {
		t.Fatal(err)
	}
	checkPrintsWhole(t, tab, ".scroll", 2, "the solutions and the options")
	shown, err := chromedp.Run(tab, chromedp.Evaluate[[]string](`["#whatif", ".tabs", "#download"].filter((s) => getComputedStyle(document.querySelector(s)).display !== "none")`))
	if err != nil {
		t.Fatal(err)
	}
	if len(shown) > 0 {
		t.Errorf("printed, the page still shows the screen's controls %v", shown)
	}
}

// ratificationNotes are the reference scenario's bounds on Ukraine's ratification, worked
// out by hand, as the votes its ratification asks are lowered. The Rada (100 votes), the
// opposed (55) and the open (45) hold 200 votes. At the 150 the file asks, the Rada cannot
// fall below 150 − 55 − 45 = 50, the opposed below 150 − 100 − 45 = 5. At 120, the Rada
// not below 120 − 100 = 20, and the opposed anywhere (120 − 145 < 0): 30 votes for the
// Rada is then taken, and there are 30 + 55 + 45 = 130 votes. At 0 the ratification asks
// for all of them (MODEL.md section 7), which its note must say rather than leave a 0 that
// reads as no vote needed; so must Russia's, whose hardliners hold one vote and whose
// votes_needed the file leaves out, and the decision rule's, also left out. Each note must
// be what negsim params says at that what-if, word for word.
func ratificationNotes(t *testing.T) []pagetest.NotesStep {
	const needed = "actors.ukraine.ratification.votes_needed"
	steps := []pagetest.NotesStep{
		{Notes: map[string]string{
			"actors.ukraine.ratification.by":          "Those listed must hold the 150 votes actors.ukraine.ratification.votes_needed asks.",
			"actors.rada.votes":                       "It cannot fall below 50 while actors.ukraine.ratification.votes_needed asks for 150 of the 200 votes there are: lower that first.",
			"actors.ukraine-opposed.votes":            "It cannot fall below 5 while actors.ukraine.ratification.votes_needed asks for 150 of the 200 votes there are: lower that first.",
			"actors.rada.power":                       "It ratifies for Ukraine and does not bargain at the table: its power weighs no solution.",
			needed:                                    "It would ask, at 0, for every vote its ratifiers hold, 200 in all.",
			"actors.russia.ratification.votes_needed": "It is 0, which asks for every vote its ratifiers hold, 1 in all.",
			"decision.votes_needed":                   "It is 0, which leaves each deal to the veto actors' unanimity.",
		}},
		{Path: needed, Typed: "120", Notes: map[string]string{
			"actors.ukraine.ratification.by": "Those listed must hold the 120 votes actors.ukraine.ratification.votes_needed asks.",
			"actors.rada.votes":              "It cannot fall below 20 while actors.ukraine.ratification.votes_needed asks for 120 of the 200 votes there are: lower that first.",
			"actors.ukraine-opposed.votes":   "",
		}},
		{Path: "actors.rada.votes", Typed: "30", Notes: map[string]string{
			"actors.rada.votes": "It cannot fall below 20 while actors.ukraine.ratification.votes_needed asks for 120 of the 130 votes there are: lower that first.",
		}},
		{Path: needed, Typed: "0", Notes: map[string]string{
			needed:              "It is 0, which asks for every vote its ratifiers hold, 130 in all.",
			"actors.rada.votes": "",
		}},
	}
	var sets []string
	for _, step := range steps {
		if step.Path != "" {
			sets = append(sets, "--set", step.Path+"="+step.Typed)
		}
		var params struct {
			Params []struct{ Path, Note string }
		}
		if err := json.Unmarshal([]byte(runOK(t, append([]string{"params", "ukraine-2026", "--format", "json"}, sets...)...)), &params); err != nil {
			t.Fatal(err)
		}
		for _, p := range params.Params {
			want, ok := step.Notes[p.Path]
			if ok && !strings.Contains(strings.ToLower(want), strings.ToLower(p.Note)) || ok && (want == "") != (p.Note == "") {
				t.Errorf("negsim params %v notes %s as %q, which the sentence %q does not say", sets, p.Path, p.Note, want)
			}
		}
	}
	return steps
}

// scoredByTerminal gives what `negsim score --deal` prints for a case: the sentences under
// the deal, and the cells of each row of its table of actors.
func scoredByTerminal(t *testing.T) func(pagetest.ScoreCase) pagetest.Scored {
	return func(c pagetest.ScoreCase) pagetest.Scored {
		args := []string{"score", c.Scenario, "--deal", c.Deal}
		if c.Variant != "" {
			args = append(args, "--variant", c.Variant)
		}
		for _, s := range c.Sets {
			args = append(args, "--set", s)
		}
		var out pagetest.Scored
		lines := strings.Split(runOK(t, args...), "\n")
		// The sentences stand between the deal's line (issue = option, …) and the table.
		start := slices.IndexFunc(lines, func(l string) bool { return strings.Contains(l, " = ") })
		for _, l := range lines[start+1:] {
			switch {
			case strings.HasPrefix(l, "│") && len(out.Rows) == 0 && strings.Contains(l, "why not"):
				out.Rows = [][]string{} // the header
			case strings.HasPrefix(l, "│"):
				var cells []string
				for _, c := range strings.Split(strings.Trim(l, "│"), "│") {
					cells = append(cells, strings.TrimSpace(c))
				}
				out.Rows = append(out.Rows, cells)
			case out.Rows == nil && strings.TrimSpace(l) != "" && !strings.HasPrefix(l, "┌"):
				out.Lines = append(out.Lines, l)
			}
		}
		if start < 0 || len(out.Lines) == 0 || len(out.Rows) == 0 {
			t.Fatalf("negsim score %v printed no sentences or no table:\n%s", args, strings.Join(lines, "\n"))
		}
		return out
	}
}

// invalidCases are what-ifs of the job offer the engine refuses, each as a student makes
// it, with what negsim analyze says of it: both vetoes taken away, every option of the
// candidate's red line on salary (mid and high) unticked, and every weight of the
// candidate slid to 0.
func invalidCases(t *testing.T) []pagetest.InvalidCase {
	const sw, box, slider = "input[type=checkbox]", "input[type=checkbox][value=%q]", "input[type=range]"
	cases := []pagetest.InvalidCase{
		{Name: "no veto", Moves: []pagetest.InvalidMove{
			{Path: "actors.candidate.veto", Field: sw, Key: " "},
			{Path: "actors.employer.veto", Field: sw, Key: " "},
		}, Sets: []string{"actors.candidate.veto=false", "actors.employer.veto=false"}},
		{Name: "an empty red line", Moves: []pagetest.InvalidMove{
			{Path: "actors.candidate.preferences.salary.acceptable", Field: fmt.Sprintf(box, "mid"), Key: " "},
			{Path: "actors.candidate.preferences.salary.acceptable", Field: fmt.Sprintf(box, "high"), Key: " "},
		}, Sets: []string{"actors.candidate.preferences.salary.acceptable=[]"}, Views: []string{"zone", "take"}},
		{Name: "no weight", Moves: []pagetest.InvalidMove{
			{Path: "actors.candidate.preferences.salary.weight", Field: slider, Key: kb.Home},
			{Path: "actors.candidate.preferences.remote.weight", Field: slider, Key: kb.Home},
			{Path: "actors.candidate.preferences.start.weight", Field: slider, Key: kb.Home},
		}, Sets: []string{"actors.candidate.preferences.salary.weight=0", "actors.candidate.preferences.remote.weight=0", "actors.candidate.preferences.start.weight=0"}, Views: []string{"zone", "rounds"}},
	}
	for i, c := range cases {
		args := []string{"analyze", "teaching-two-party"}
		for _, s := range c.Sets {
			args = append(args, "--set", s)
		}
		_, stderr, code := runNegsim(t, args...)
		said, ok := strings.CutPrefix(strings.TrimSpace(stderr), "negsim: ")
		if code == 0 || !ok {
			t.Fatalf("negsim %s exits %d and says %q; want it refused", strings.Join(args, " "), code, stderr)
		}
		cases[i].Said = strings.Split(said, "\n")
	}
	return cases
}
