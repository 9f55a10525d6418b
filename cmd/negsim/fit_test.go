package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/mattn/go-runewidth"
)

// Tables fit a terminal of --width columns (a terminal's own width by default): the
// reference scenario's deal table is 259 columns wide in full and its rounds table 474.
// Every line of a table stays within the width, and a deal still reads issue by issue.
func TestTablesFitTheWidth(t *testing.T) {
	for _, args := range [][]string{
		{"analyze", "--variant", "sanctions-bite", "--limit", "5"},
		{"rounds"},
		{"compare", "ukraine-2026", "ukraine-2026#sanctions-bite"},
		{"montecarlo", "--draws", "50"},
	} {
		full, _, _ := runNegsim(t, args...)
		fitted := runOK(t, append(args, "--width", "100")...)
		if widest(full) <= 100 {
			t.Errorf("%v: the full output is only %d wide; the case does not test fitting", args, widest(full))
		}
		if w := widest(fitted); w > 100 {
			t.Errorf("%v --width 100: a line %d columns wide", args, w)
		}
		wide, _, _ := runNegsim(t, append(args, "--width", "100", "--wide")...)
		if wide != full {
			t.Errorf("%v: --wide does not give the full tables", args)
		}
	}
	fitted, _, _ := runNegsim(t, "analyze", "--variant", "sanctions-bite", "--limit", "5", "--width", "100")
	// The first deal is the Nash deal of sanctions-bite; its product of the veto actors'
	// surpluses, from scenarios' hand arithmetic: 0.123 · 0.11643 · 0.396 · 0.096 = 0.0005444.
	wantContains(t, "the fitted deal table", fitted, "── # 1 ─", "  territory                              freeze\n", "  Nash product                           0.0005444\n")
}

func widest(text string) int {
	most := 0
	for _, line := range strings.Split(text, "\n") {
		most = max(most, runewidth.StringWidth(line))
	}
	return most
}

// A table whose first column is headed names one thing a row (a change to try, a round),
// so a table too wide for the terminal keeps each row's cells together in a block. The
// reference scenario's red-line table pairs each change, up to two --set flags 195
// columns long, with its count and what happens; at 100 columns every line stays within
// the width, each flag starts its own line, and a change's count and effect follow it.
// A value's second threshold, a row with no path of its own, joins its value's block.
func TestFittedBlocksKeepARowTogether(t *testing.T) {
	out := runOK(t, "sensitivity", "--width", "100")
	if w := widest(out); w > 100 {
		t.Errorf("sensitivity --width 100: a line %d columns wide", w)
	}
	wantContains(t, "the red lines at 100 columns", out,
		"── change ──",
		"  --set actors.ukraine.constraints.0.then.guarantees=[article5,russia-role,russia-veto,none]\n"+
			"  --set actors.ukraine.constraints.0.then.sequencing=[guarantees-first,phased,deal-first]\n"+
			"  deals in      0\n"+
			"  what happens  drops its condition \"Territorial steps only with binding guarantees in force first\":\n")

	out = runOK(t, "sensitivity", "--variant", "sanctions-bite", "--width", "120")
	// Russia's reservation, 0.48 in sanctions-bite, has a threshold each way (below 0.461353
	// the Nash deal takes phased sanctions, above 0.566288 the freeze-dmz line), as the
	// sweep of it from 0.4 to 0.6 shows: phased at 0.45, full relief at 0.5, freeze-dmz at 0.6.
	wantContains(t, "a value's two thresholds", out,
		"── path actors.russia.reservation ─",
		"  to            0.461353\n",
		"phased; the zone holds 798 deals\n  to            0.566288\n")
	if strings.Contains(out, "── path ─") {
		t.Errorf("a threshold of no path of its own has a block of its own:\n%s", out)
	}

	out = runOK(t, "rounds", "teaching-two-party", "--protocol", "alternating", "--width", "100")
	wantContains(t, "the job offer's rounds at 100 columns", out,
		"── round 0 ─", "  by                   candidate (own best)\n")
}

// A list item's continuation lines are indented two columns under its text, and broken two
// columns shorter for it: explain's sources and issues at --width 80 came out 82 wide.
// Prose breaks at spaces to the width; a word longer than the line, a path or a flag to
// paste, stands whole on a line of its own (strings.Fields finds one word in it): analyze
// at 80 columns cut "--set actors.ukraine.beliefs.set.actors.russia.preferences.interim.
// utilities.energy-and-ports=VALUE" after "energy-an", and the two halves pasted as two.
func TestListItemsFitTheWidth(t *testing.T) {
	for _, args := range [][]string{{"explain"}, {"analyze"}} {
		out := runOK(t, append(args, "--width", "80")...)
		for _, line := range strings.Split(out, "\n") {
			if runewidth.StringWidth(line) > 80 && len(strings.Fields(line)) > 1 {
				t.Errorf("%v --width 80: a line of %d columns that could break at a space: %q", args, runewidth.StringWidth(line), line)
			}
		}
		wantContains(t, strings.Join(args, " "), out, "\n- ", "\n  ")
		if args[0] == "analyze" {
			wantContains(t, "analyze", out, "\nactors.ukraine.beliefs.set.actors.russia.preferences.interim.utilities.energy-and-ports=VALUE;\n")
		}
	}
}

// A title wider than the terminal is broken at spaces as prose is, under a rule as wide as
// its widest line. rounds' title for the Harborco quota, "Port licence by quota (teaching
// example, Harborco-like): bargaining rounds", is 74 columns: at --width 60 it takes two
// lines, and the rule follows the wider.
func TestTitlesFitTheWidth(t *testing.T) {
	out := runOK(t, "rounds", "teaching-harborco-quota", "--width", "60")
	lines := strings.Split(out, "\n")
	rule := slices.IndexFunc(lines, func(l string) bool { return l != "" && strings.Trim(l, "=") == "" })
	if rule < 0 {
		t.Fatalf("rounds printed no title rule:\n%s", out)
	}
	title := lines[:rule]
	if len(title) != 2 || strings.Join(title, " ") != "Port licence by quota (teaching example, Harborco-like): bargaining rounds" {
		t.Errorf("the title reads %q; want the title broken into two lines", title)
	}
	if w := widest(strings.Join(title, "\n")); w > 60 || runewidth.StringWidth(lines[rule]) != w {
		t.Errorf("the title's widest line is %d columns, its rule %d; want at most 60, and the rule as wide", w, runewidth.StringWidth(lines[rule]))
	}
}

// A width narrower than any indent still gives every character a line: --width 1 panicked
// in sensitivity's blocks (one flag a line, two columns in) and --width 2 cut words into
// empty pieces until memory ran out.
func TestNarrowestWidthsStillWrite(t *testing.T) {
	for _, room := range []int{-1, 0, 1} {
		// Each character on its own line: "ab," is too long for one column and has no
		// comma to break after before the last character.
		want := []string{"a", "b", ",", "c", "d"}
		if got := wrapWords("ab, cd", room); !slices.Equal(got, want) {
			t.Errorf("wrapWords(\"ab, cd\", %d) = %q, want %q", room, got, want)
		}
	}
	for _, width := range []string{"1", "2", "3"} {
		for _, args := range [][]string{{"sensitivity"}, {"explain"}, {"analyze"}} {
			out := runOK(t, append(args, "teaching-two-party", "--width", width)...)
			// Cut a character a line, the title is all there, in order.
			joined := strings.NewReplacer("\n", "", " ", "").Replace(out)
			wantContains(t, strings.Join(args, " ")+" --width "+width, joined, "Joboffer(teachingexample,twoparties)")
		}
	}
}

// Chinese and Japanese have no spaces between words and break between characters, as a
// browser breaks them. Prose broke only at spaces, so explain --width 40 printed a Chinese
// description of 81 characters as one line of 162 columns, and a brief's option label of
// 52 ran its block to 105. A line never begins with a closing mark (。，）) nor ends with an
// opening one (（), and the pieces of a word join without a space.
func TestProseBreaksChineseBetweenCharacters(t *testing.T) {
	for _, c := range []struct {
		text string
		room int
		want []string
	}{
		// 10 characters of 2 columns: 4 to a line of 8.
		{"两国就粮食走廊进行谈判", 8, []string{"两国就粮", "食走廊进", "行谈判"}},
		// 。 may not start the third line: 谈 goes down with it, leaving 4 columns above.
		{"两国就粮食走廊谈。", 8, []string{"两国就粮", "食走廊", "谈。"}},
		// （ may not end a line, where it would fit: it goes down with 包; ） stays with 口.
		{"粮食走廊（包括港口）", 10, []string{"粮食走廊", "（包括港", "口）"}},
		// Latin words keep their spaces; a Chinese word beside them parts at the space.
		{"Note: 假设。东方国家", 10, []string{"Note: 假", "设。东方国", "家"}},
		// A path stands whole, as before.
		{"--set actors.east.reservation=0.5", 10, []string{"--set", "actors.east.reservation=0.5"}},
	} {
		if got := breakWords(c.text, c.room, false); !slices.Equal(got, c.want) {
			t.Errorf("breakWords(%q, %d) = %q, want %q", c.text, c.room, got, c.want)
		}
	}
	text := `name: 粮食走廊谈判
description: 两国就粮食走廊、关税和检查进行谈判。这是一个用于课堂教学的模拟练习，所有数字均为假设，用于说明谈判中的取舍与让步，以及在红线约束下如何寻找双方都能接受的协议区间。
issues:
  - {id: corridor, name: 走廊, options: [{id: open, label: 完全开放，所有港口和铁路线路均可使用，不设任何数量限制，并由双方共同组成的联合委员会负责监督执行}, {id: closed, label: 关闭}]}
actors:
  - {id: east, name: 东方, reservation: 0.4, preferences: {corridor: {weight: 1, ideal: open}}}
  - {id: west, name: 西方, reservation: 0.4, preferences: {corridor: {weight: 1, ideal: closed}}}
`
	file := filepath.Join(t.TempDir(), "corridor.yaml")
	if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"explain"}, {"brief"}} {
		out := runOK(t, append(args, file, "--width", "40")...)
		for i, line := range strings.Split(out, "\n") {
			if w := runewidth.StringWidth(line); w > 40 {
				t.Errorf("%s: line %d is %d columns, wider than --width 40: %q", args[0], i+1, w, line)
			}
		}
		if !strings.Contains(strings.NewReplacer("\n", "", " ", "").Replace(out), "以及在红线约束下如何寻找双方都能接受的协议区间。") {
			t.Errorf("%s lost part of the description:\n%s", args[0], out)
		}
	}
}

// The same command writes the same bytes in every locale. In a Chinese, Japanese or
// Korean one (LANG or LC_ALL zh_CN.UTF-8...), go-runewidth and tablewriter counted the
// characters Unicode leaves ambiguous (– … × →) two columns wide: explain's and analyze's
// rule under the reference scenario's title, "Ukraine–Russia–US talks, February 2026",
// came out two characters longer. negsim runs here as a process of its own, since the
// width rules are read from the environment when it starts.
func TestWidthsAreTheSameInEveryLocale(t *testing.T) {
	run := func(locale string, args ...string) string {
		cmd := exec.Command(os.Args[0], args...)
		cmd.Env = append(os.Environ(), asNegsim+"=1", "LC_ALL="+locale, "LC_CTYPE="+locale, "LANG="+locale, "RUNEWIDTH_EASTASIAN=")
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("LC_ALL=%s negsim %s: %v", locale, strings.Join(args, " "), err)
		}
		return string(out)
	}
	for _, args := range [][]string{{"explain", "ukraine-2026"}, {"analyze", "ukraine-2026", "--limit", "3"}} {
		plain := run("C.UTF-8", args...)
		if !strings.Contains(plain, "Ukraine–Russia–US talks, February 2026\n======================================\n") {
			t.Fatalf("negsim %s: the title's rule is not as long as the title:\n%s", strings.Join(args, " "), plain[:min(len(plain), 200)])
		}
		for _, locale := range []string{"zh_CN.UTF-8", "ja_JP.UTF-8", "ko_KR.UTF-8"} {
			if got := run(locale, args...); got != plain {
				t.Errorf("negsim %s writes other bytes with LC_ALL=%s", strings.Join(args, " "), locale)
			}
		}
	}
}
