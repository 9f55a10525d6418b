package main

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"html"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/negsim/negsim/sim"
)

// A class of six tables on testdata/two-by-two.yaml (x and y hold vetoes, reservations
// 0.3; z has none). Utilities from the table in sim/zopa_test.go:
//
//	table  deal    u_x  u_y   joint gain (u_x − .3) + (u_y − .3)   ZOPA  Pareto
//	north  a2 b1   .4   .5    .1 + .2  = .30                       yes   no: a0 b0 gives x +.2, y 0
//	south  a0 b0   .6   .5    .3 + .2  = .50                       yes   yes (the Nash deal)
//	east   a1 b1   .7   .25   0 (signed: .4 − .05 = .35)           no: y is .05 short, so it
//	                                                                     counts as no agreement
//	west   (none)             0                                     no agreement
//	centre a1 b0   .3   .75   0 + .45  = .45                       yes   yes
//	annex  a0 b0   as south: .50                                    yes   yes
//
// Ranked: south and annex share rank 1 (.50), centre 3 (.45), north 4 (.30), then east and
// west share rank 5 (0): y would not sign east's deal, worth more on paper than north's, so
// it ranks with the table that reached none. Five agreements, four in the ZOPA, one (north)
// left value; east is outside the ZOPA and so not Pareto-optimal.
const classCSV = "table,b,a\n" + // the issues in another order than the file's
	"north,b1,a2\n" +
	"south,b0,a0\n" +
	"east, b1 ,a1\n" +
	"west,,\n" +
	"centre,b0,a1\n" +
	"annex,b0,a0\n"

func TestDebriefRanksAHandBuiltClass(t *testing.T) {
	deals := writeTemp(t, "class.csv", classCSV)
	db := runJSON[sim.Debrief](t, "debrief", "testdata/two-by-two.yaml", "--deals", deals)
	want := []struct {
		table string
		rank  int
		gain  float64
	}{{"south", 1, .5}, {"annex", 1, .5}, {"centre", 3, .45}, {"north", 4, .3}, {"east", 5, 0}, {"west", 5, 0}}
	if len(db.Tables) != len(want) {
		t.Fatalf("%d tables, want %d", len(db.Tables), len(want))
	}
	for i, w := range want {
		got := db.Tables[i]
		if got.Table != w.table || got.Rank != w.rank || math.Abs(got.JointGain-w.gain) > 1e-9 {
			t.Errorf("place %d: %s rank %d gain %g; want %s rank %d gain %g", i+1, got.Table, got.Rank, got.JointGain, w.table, w.rank, w.gain)
		}
	}
	if db.Agreements != 5 || db.InZOPA != 4 || db.LeftValue != 1 {
		t.Errorf("agreements %d, in the ZOPA %d, left value %d; want 5, 4, 1", db.Agreements, db.InZOPA, db.LeftValue)
	}
	if east := db.Tables[4].Score; east.InZOPA || !east.CountsAsNoAgreement || east.Pareto || math.Abs(east.JointGainIfSigned-.35) > 1e-9 ||
		east.Actors[1].Accepts || east.Actors[1].Rejections[0].Kind != sim.RejectReservation {
		t.Errorf("east: %+v", east)
	}
	if north := db.Tables[3].Score; north.Pareto || north.DominatedBy == nil || north.DominatedBy.Options["a"] != "a0" {
		t.Errorf("north: %+v", north)
	}
	if db.Tables[5].Agreement || db.Tables[5].Score != nil {
		t.Errorf("west reached no agreement: %+v", db.Tables[5])
	}
	if strings.Join(db.Axes, ",") != "x,y" || len(db.Frontier) != 2 {
		t.Errorf("axes %v, frontier %+v", db.Axes, db.Frontier)
	}

	// The same class as a terminal table keeps the ranking, and the HTML page carries the chart.
	text, _, _ := runNegsim(t, "debrief", "testdata/two-by-two.yaml", "--deals", deals)
	if !strings.Contains(text, "6 tables; 5 reached a deal, 4 of them in the zone") || strings.Index(text, "south") > strings.Index(text, "centre") {
		t.Errorf("terminal debrief:\n%s", text)
	}
	// West reached no deal, so each keeps its walk-away: x .3, y .3, z .5, as east's unsigned
	// deal shows them, never blank cells.
	if !regexp.MustCompile(`│ west +│ +\+0\.00 │ +30\.0 │ +30\.0 │ +50\.0 │ no agreement`).MatchString(text) {
		t.Errorf("the table with no agreement should show every walk-away value:\n%s", text)
	}
	page := filepath.Join(t.TempDir(), "debrief.html")
	if _, errOut, code := runNegsim(t, "debrief", "testdata/two-by-two.yaml", "--deals", deals, "-o", page); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	data, _ := os.ReadFile(page)
	if !strings.Contains(string(data), "<svg") || strings.Contains(string(data), "<?xml") {
		t.Error("the HTML debrief has no inline chart, or an XML prolog inside the page")
	}
}

// The CSV speaks one unit, points, as the table and the page do, and each number column
// says so. The hand-built class above; z (no veto) values a alone with ideal a2, so
// u_z = 1 − distance/2: a0 0, a1 .5, a2 1; its walk-away is .5. The Nash deal is a0 b0
// (surplus products: a0 b0 .3 × .2 = .06, a2 b1 .1 × .2 = .02, a1 b0 0 × .45 = 0), and its
// distance to a deal is taken over the veto actors x and y:
//
//	east   a1 b1  (.7, .25) vs (.6, .5): √(.01 + .0625) = √.0725 = .269258240357 → 26.9258240357
//	centre a1 b0  (.3, .75) vs (.6, .5): √(.09 + .0625) = √.1525 = .390512483795 → 39.0512483795
func TestDebriefCSVSpeaksPoints(t *testing.T) {
	out := runOK(t, "debrief", "testdata/two-by-two.yaml", "--deals", writeTemp(t, "class.csv", classCSV), "--format", "csv")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	want := []string{
		"rank,table,a,b," +
			"points_x,walk_away_points_x,surplus_points_x,accepts_x," +
			"points_y,walk_away_points_y,surplus_points_y,accepts_y," +
			"points_z,walk_away_points_z,surplus_points_z,accepts_z," +
			"in_zopa,joint_gain_points,joint_gain_if_signed_points,pareto,nash_issues_differing,nash_distance_points",
		// south a0 b0: x .6, y .5, z 0; joint (.6 − .3) + (.5 − .3) = .5; the Nash deal itself.
		"1,south,a0,b0,60,30,30,true,50,30,20,true,0,50,-50,false,true,50,50,true,0,0",
		"1,annex,a0,b0,60,30,30,true,50,30,20,true,0,50,-50,false,true,50,50,true,0,0",
		// centre a1 b0: x .3, y .75, z .5; joint 0 + .45.
		"3,centre,a1,b0,30,30,0,true,75,30,45,true,50,50,0,true,true,45,45,true,1,39.0512483795",
		// north a2 b1: x .4, y .5, z 1; joint .1 + .2; a0 b0 beats it.
		"4,north,a2,b1,40,30,10,true,50,30,20,true,100,50,50,true,true,30,30,false,2,20",
		// east a1 b1: x .7, y .25 (.05 short): as written .4 − .05 = .35, scored 0.
		"5,east,a1,b1,70,30,40,true,25,30,-5,false,50,50,0,true,false,0,35,false,2,26.9258240357",
		// west: no deal; everyone keeps its walk-away value.
		"5,west,,,30,30,0,,30,30,0,,50,50,0,,false,0,0,,,",
	}
	if len(lines) != len(want) {
		t.Fatalf("%d lines, want %d:\n%s", len(lines), len(want), out)
	}
	for i := range want {
		if lines[i] != want[i] {
			t.Errorf("line %d:\n got %s\nwant %s", i+1, lines[i], want[i])
		}
	}
}

func TestDebriefCSVErrorsNameLineAndColumn(t *testing.T) {
	tests := []struct{ name, csv, want string }{
		{"unknown option", "table,a,b\nt1,a1,b0\nt2,a9,b0\n", `:3:4: a: issue "a" has no option "a9"`},
		{"option typo", "table,a,b\nt1,a1,bb0\n", `:2:7: b: issue "b" has no option "bb0"; did you mean "b0"?`},
		{"unknown issue", "table,a,bb\n", `:1:9: header: no issue "bb"; did you mean "b"?`},
		{"missing issue", "table,a\nt1,a0\n", `:1: header: no column for b`},
		{"missing issues", "table\nt1\n", `:1: header: no column for a and b; a deal settles every issue`},
		{"first column", "group,a,b\n", `:1:1: the first column must be "table"`},
		{"duplicate table", "table,a,b\nt1,a0,b0\nt1,a1,b0\n", `:3:1: table: table "t1" already has a row, on line 2`},
		{"half a deal", "table,a,b\nt1,a0,\n", `:2:7: b: no option`},
		{"cell count", "table,a,b\nt1,a0\n", `:2: 2 cells, but the header has 3 columns`},
		{"bad quote", "table,a,b\nt1,\"a0,b0\n", `:2:`},
		// Columns count characters, as editors and the YAML errors count them: after
		// "Стіл 1," (7 characters, 11 bytes) the option stands at column 8, not 12. Cut at a
		// byte count, a Ukrainian or Chinese table name pointed past the cell at fault.
		{"column after Cyrillic", "table,a,b\nСтіл 1,a9,b0\n", `:2:8: a: issue "a" has no option "a9"`},
		{"column after Chinese", "table,a,b\n桌子二,a0,bb0\n", `:2:8: b: issue "b" has no option "bb0"`},
		{"column of a Cyrillic header", "table,Територія,b\n", `:1:7: header: no issue "Територія"`},
		{"bad quote after Cyrillic", "table,a,b\nСтіл,\"a0,b0\n", `:2:`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := writeTemp(t, "deals.csv", tt.csv)
			wantRefused(t, path+tt.want, "debrief", "testdata/two-by-two.yaml", "--deals", path)
		})
	}
}

func TestScoreCommand(t *testing.T) {
	// a2 b1 is worth .4 to x and .5 to y: 40 and 50 points, surpluses +10 and +20.
	out, errOut, code := runNegsim(t, "score", "testdata/two-by-two.yaml", "--deal", "a=a2, b=b1")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	wantContains(t, "score output", out, "In the ZOPA", "Joint gain (the veto actors' surpluses added up): +30.0 points", "Not Pareto-optimal", "Changing a to a0 (First)", "X +20.0, Y +0.0")
	wantRefused(t, `issue "b" has no option "b2"; did you mean "b0"?`, "score", "testdata/two-by-two.yaml", "--deal", "a=a2,b=b2")
	csvOut, _, code := runNegsim(t, "score", "testdata/two-by-two.yaml", "--deal-file", writeTemp(t, "d.csv", classCSV), "--format", "csv")
	if code != 0 || strings.Count(csvOut, "\n") != 7 || !strings.HasPrefix(csvOut, "table,a,b,points_x,walk_away_points_x,") {
		t.Errorf("CSV scores: exit %d\n%s", code, csvOut)
	}
}

// The README's class on the reference scenario under sanctions-bite. Green's deal has
// language = minority-rights, which Russia's acceptable list for language leaves out
// (scenarios/ukraine-2026.yaml), so Russia signed it across a red line: it must score a
// joint gain of 0, share its rank with yellow (no agreement), sit below every table with a
// deal in the zone, and not be called Pareto-optimal, however much it would have been worth
// on paper. The table did sign it: score says what Russia signed, not that it "would not
// sign".
func TestDebriefCountsAnUnsignedDealAsNoAgreement(t *testing.T) {
	const class = "table,territory,recognition,guarantees,nato,military-limits,foreign-troops,sanctions,assets,sequencing,eu-path,language,interim\n" +
		"red,freeze,de-facto,russia-role,not-now,cap,none,full-relief,shared-fund,deal-first,membership-path,russian-status,energy-and-ports\n" +
		"green,freeze,de-facto,russia-role,not-now,cap,none,full-relief,shared-fund,deal-first,membership-path,minority-rights,energy-and-ports\n" +
		"yellow,,,,,,,,,,,,\n" +
		"purple,freeze,de-facto,russia-role,not-now,cap,none,phased,returned,deal-first,delayed,russian-status,none\n"
	deals := writeTemp(t, "class.csv", class)
	db := runJSON[sim.Debrief](t, "debrief", "--variant", "sanctions-bite", "--deals", deals)
	byTable := map[string]sim.TableScore{}
	for _, ts := range db.Tables {
		byTable[ts.Table] = ts
	}
	green, yellow := byTable["green"], byTable["yellow"]
	if green.JointGain != 0 || green.Rank != yellow.Rank || !green.Score.CountsAsNoAgreement || green.Score.Pareto || green.Score.JointGainIfSigned <= 0 {
		t.Errorf("green: rank %d, gain %g, counts as no agreement %v, Pareto %v, if signed %g; yellow rank %d",
			green.Rank, green.JointGain, green.Score.CountsAsNoAgreement, green.Score.Pareto, green.Score.JointGainIfSigned, yellow.Rank)
	}
	for _, name := range []string{"red", "purple"} {
		if ts := byTable[name]; !ts.Score.InZOPA || ts.JointGain <= 0 || ts.Rank >= green.Rank {
			t.Errorf("%s: in the ZOPA %v, gain %g, rank %d; green's rank %d", name, ts.Score.InZOPA, ts.JointGain, ts.Rank, green.Rank)
		}
	}
	if db.LeftValue > db.InZOPA {
		t.Errorf("%d left value, but only %d deals are in the ZOPA", db.LeftValue, db.InZOPA)
	}

	text, _, _ := runNegsim(t, "score", "--variant", "sanctions-bite", "--deal",
		"territory=freeze,recognition=de-facto,guarantees=russia-role,nato=not-now,military-limits=cap,foreign-troops=none,sanctions=full-relief,assets=shared-fund,sequencing=deal-first,eu-path=membership-path,language=minority-rights,interim=energy-and-ports")
	if !strings.Contains(text, "Not in the ZOPA: Russia signed it across a red line (see why not), so it counts as no agreement") ||
		!strings.Contains(text, "Joint gain (the veto actors' surpluses added up): +0.0 points, as no agreement") ||
		strings.Contains(text, "Pareto-optimal among") {
		t.Errorf("score of green's deal:\n%s", text)
	}
}

// The observer's points are in the debrief table, terminal and HTML alike: z (no veto, ideal
// a2, linear over three options) gets 100 from north's a2, 0 from south's a0, and, since y
// would not sign east's deal, its walk-away of 50.
func TestDebriefShowsObservers(t *testing.T) {
	deals := writeTemp(t, "class.csv", "table,b,a\nnorth,b1,a2\nsouth,b0,a0\neast,b1,a1\n")
	page := filepath.Join(t.TempDir(), "debrief.html")
	if _, errOut, code := runNegsim(t, "debrief", "testdata/two-by-two.yaml", "--deals", deals, "-o", page); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	html, _ := os.ReadFile(page)
	text, _, _ := runNegsim(t, "debrief", "testdata/two-by-two.yaml", "--deals", deals)
	row := func(table string) []string {
		for _, line := range strings.Split(text, "\n") {
			if cells := strings.Split(line, "│"); len(cells) > 6 && strings.TrimSpace(cells[2]) == table {
				return cells
			}
		}
		return nil
	}
	if !strings.Contains(text, "z (no veto)") || !strings.Contains(string(html), "<th>z (no veto)</th>") {
		t.Fatalf("no observer column:\n%s", text)
	}
	for table, want := range map[string]string{"north": "100.0", "south": "0.0", "east": "50.0"} {
		if cells := row(table); cells == nil || strings.TrimSpace(cells[6]) != want {
			t.Errorf("%s: z's cell %q; want %s", table, cells, want)
		}
	}
}

// A spreadsheet in a locale whose decimal mark is a comma saves CSV with semicolons; it is
// read the same as with commas.
func TestDealsCSVWithSemicolons(t *testing.T) {
	deals := writeTemp(t, "class.csv", "table;b;a\r\nnorth;b1;a2\r\nwest;;\r\n")
	db := runJSON[sim.Debrief](t, "debrief", "testdata/two-by-two.yaml", "--deals", deals)
	// north: a2 b1, x .4 and y .5 over reservations .3: a joint gain of .3.
	if len(db.Tables) != 2 || db.Tables[0].Table != "north" || math.Abs(db.Tables[0].JointGain-.3) > 1e-9 || db.Tables[1].Score != nil {
		t.Errorf("tables %+v; want north (+.3) and west (no agreement)", db.Tables)
	}
}

// A spreadsheet saves its empty rows, between tables or below the last, as commas alone
// (Excel, LibreOffice and Google Sheets alike): they are not a table without a name. The
// row "west,," with a name and no options stays a table that reached no agreement.
func TestDealsCSVSkipsASpreadsheetsEmptyRows(t *testing.T) {
	deals := writeTemp(t, "class.csv", "table,b,a\r\nnorth,b1,a2\r\n,,\r\n , ,\r\nwest,,\r\n,,\r\n")
	db := runJSON[sim.Debrief](t, "debrief", "testdata/two-by-two.yaml", "--deals", deals)
	// north: a2 b1, x .4 and y .5 over reservations .3: a joint gain of .3.
	if len(db.Tables) != 2 || db.Tables[0].Table != "north" || math.Abs(db.Tables[0].JointGain-.3) > 1e-9 || db.Tables[1].Table != "west" || db.Tables[1].Score != nil {
		t.Errorf("tables %+v; want north (+.3) and west (no agreement)", db.Tables)
	}
	// A row with options but no name is still a mistake, told where it is.
	unnamed := writeTemp(t, "unnamed.csv", "table,b,a\nnorth,b1,a2\n,b0,a0\n")
	wantRefused(t, unnamed+":3:1: table: the table has no name", "debrief", "testdata/two-by-two.yaml", "--deals", unnamed)
}

// A teacher who forgets to name the scenario gets the reference scenario, and a class's
// deals of the job offer were refused column by column ("no issue \"salary\"; valid:
// \"territory\", ...", and twelve issues missing). The issues salary, remote and start are
// those of the shipped teaching-two-party alone: debrief and score name it, with the
// command that reads the deals there. Deals of issues no shipped scenario has ask for the
// scenario; with the scenario named, or an issue of the reference scenario among them, the
// errors stay those of each column.
func TestDealsOfAnotherScenarioNameIt(t *testing.T) {
	deals := writeTemp(t, "class.csv", "table,salary,remote,start\nt1,mid,hybrid,now\n")
	const other = `no issue of "Ukraine–Russia–US talks, February 2026", the scenario negsim runs when none is named, is in the deals: remote, salary and start are the issues of the shipped teaching-two-party. Name it: `
	wantRefused(t, deals+": "+other+"negsim debrief teaching-two-party --deals "+deals, "debrief", "--deals", deals)
	wantRefused(t, deals+": "+other+"negsim score teaching-two-party --deal-file "+deals, "score", "--deal-file", deals)
	wantRefused(t, "--deal: "+strings.Replace(other, "in the deals", "in the deal", 1)+"negsim score teaching-two-party --deal salary=mid,remote=hybrid,start=now",
		"score", "--deal", "salary=mid,remote=hybrid,start=now")
	if db := runJSON[sim.Debrief](t, "debrief", "teaching-two-party", "--deals", deals); len(db.Tables) != 1 || db.Tables[0].Score == nil {
		t.Errorf("the deals on teaching-two-party: %+v", db.Tables)
	}
	unknown := writeTemp(t, "garden.csv", "table,fee,hours\nt1,mid,day\n")
	wantRefused(t, unknown+`: no issue of "Ukraine–Russia–US talks, February 2026", the scenario negsim runs when none is named, is in the deals: name the scenario they come from, as in negsim debrief FILE --deals `+unknown, "debrief", "--deals", unknown)
	wantRefused(t, `header: no issue "fee"; valid: "a" or "b"`, "debrief", "testdata/two-by-two.yaml", "--deals", unknown)
	mixed := writeTemp(t, "mixed.csv", "table,salary,territory\nt1,mid,freeze\n")
	wantRefused(t, `header: no issue "salary"`, "debrief", "--deals", mixed)
	// Written not quite as the scenario's ids (a typo, capitals, a column missing, the
	// issues' names), the deals still point to the scenario that has most of their issues,
	// whose own errors then say what does not fit. One issue is "the issue".
	for _, header := range []string{"table,salary,remote,strat", "table,Salary,Remote,Start", "table,salary,remote", "Table,Salary,Remote work,Start date"} {
		near := writeTemp(t, "near.csv", header+"\nt1,mid,hybrid,now\n")
		wantRefused(t, near+`: no issue of "Ukraine–Russia–US talks, February 2026", the scenario negsim runs when none is named, is in the deals: they look like the issues of the shipped teaching-two-party. Name it, and negsim says what does not fit: negsim debrief teaching-two-party --deals `+near, "debrief", "--deals", near)
	}
	council := writeTemp(t, "council.csv", "table,response\nt1,statement\n")
	wantRefused(t, council+`: no issue of "Ukraine–Russia–US talks, February 2026", the scenario negsim runs when none is named, is in the deals: response is the issue of the shipped teaching-security-council. Name it: negsim debrief teaching-security-council --deals `+council, "debrief", "--deals", council)
}

// A spreadsheet saves the columns up to the last one a cell was ever typed in, so a deals
// file may end every line in empty cells, its heading included: the job offer's class was
// refused at an issue "" of the heading. The empty columns at the end are left out; a
// cell typed under no heading is still refused.
func TestDealsCSVLeavesOutEmptyColumnsAtTheEnd(t *testing.T) {
	deals := writeTemp(t, "class.csv", "table,b,a,,\nnorth,b1,a2,,\nwest,,,,\n,,,,\n")
	db := runJSON[sim.Debrief](t, "debrief", "testdata/two-by-two.yaml", "--deals", deals)
	// north: a2 b1, x .4 and y .5 over reservations .3: a joint gain of .3.
	if len(db.Tables) != 2 || db.Tables[0].Table != "north" || math.Abs(db.Tables[0].JointGain-.3) > 1e-9 || db.Tables[1].Score != nil {
		t.Errorf("tables %+v; want north (+.3) and west (no agreement)", db.Tables)
	}
	stray := writeTemp(t, "stray.csv", "table,b,a,,\nnorth,b1,a2,,yes\n")
	wantRefused(t, "stray.csv:2: 5 cells, but the header has 3 columns", "debrief", "testdata/two-by-two.yaml", "--deals", stray)
}

// Excel's "Unicode Text" saves a table as UTF-16 behind a byte-order mark, its cells
// separated by tabs, and Excel for Mac's "CSV (Macintosh)" ends its lines with a lone CR:
// each is read as the same table, north's a2 b1 worth .4 to x and .5 to y over
// reservations of .3, a joint gain of .3. UTF-16 with no mark is named as such rather
// than quoted back as the bytes "t\x00a\x00b\x00l…"; one saved as Latin-1 is refused at
// its first byte that is not UTF-8. A transcript a hand edit broke (an object's last line
// deleted, leaving a dangling comma) is refused at the line and column of the bracket that
// follows the comma: line 5, column 3.
func TestDealsAndTranscriptsInOtherEncodings(t *testing.T) {
	for name, text := range map[string]string{
		"unicode.txt": utf16LE("table\ta\tb\r\nnorth\ta2\tb1\r\nwest\t\t\r\n"),
		"mac.csv":     "table,a,b\rnorth,a2,b1\rwest,,\r",
	} {
		db := runJSON[sim.Debrief](t, "debrief", "testdata/two-by-two.yaml", "--deals", writeTemp(t, name, text))
		if len(db.Tables) != 2 || db.Tables[0].Table != "north" || math.Abs(db.Tables[0].JointGain-.3) > 1e-9 || db.Tables[1].Table != "west" || db.Tables[1].Score != nil {
			t.Errorf("%s: tables %+v; want north (+.3) and west (no agreement)", name, db.Tables)
		}
	}
	deals := writeTemp(t, "class.csv", utf16LE("table,a,b\r\nnorth,a2,b1\r\n")[2:])
	transcript := writeTemp(t, "ana.json", utf16LE(`{"seat": "x"}`)[2:])
	for _, args := range [][]string{
		{"debrief", "testdata/two-by-two.yaml", "--deals", deals},
		{"score", "--transcript", transcript},
	} {
		_, errOut, code := runNegsim(t, args...)
		if code == exitOK || !strings.Contains(errOut, ": the file is encoded as UTF-16 (little-endian); save it as UTF-8") || strings.Contains(errOut, `\x00`) {
			t.Errorf("%v: exit %d, stderr %q; want the encoding named", args, code, errOut)
		}
	}
	// Saved as Latin-1: refused at the byte. In the table the ü follows "M" (column 2 of
	// line 2); in the transcript it follows `  "seat": "M`, 12 characters, so column 13.
	latinDeals := writeTemp(t, "latin.csv", "table,a,b\nM\xfcller,a2,b1\n")
	latinTranscript := writeTemp(t, "latin.json", "{\n  \"seat\": \"M\xfcller\"\n}\n")
	wantRefused(t, latinDeals+":2:2: byte 0xFC is not UTF-8", "debrief", "testdata/two-by-two.yaml", "--deals", latinDeals)
	wantRefused(t, latinTranscript+":2:13: byte 0xFC is not UTF-8", "score", "--transcript", latinTranscript)
	broken := writeTemp(t, "ed.json", "{\n  \"seat\": \"x\",\n  \"rounds\": [\n    {\"round\": 0},\n  ]\n}\n")
	wantRefused(t, broken+":5:3: not a transcript of negsim play: invalid character ']'", "score", "--transcript", broken)
}

// A file that cannot be read is named once with the reason, not with the system's "open
// NAME:" repeated after it: a path through a file ("class.csv/x") is not a directory.
func TestUnreadableFileSaysWhyOnce(t *testing.T) {
	through := filepath.Join(writeTemp(t, "class.csv", "table\n"), "x")
	for _, args := range [][]string{
		{"analyze", through},
		{"debrief", "teaching-two-party", "--deals", through},
	} {
		_, errOut, code := runNegsim(t, args...)
		if want := "negsim: cannot read " + through + ": not a directory\n"; code != exitBadUse || errOut != want {
			t.Errorf("%v: exit %d, stderr %q; want exit %d and %q", args, code, errOut, exitBadUse, want)
		}
	}
}

// A deals file or transcript that is not there is named the way a missing scenario is,
// without the operating system's wording.
func TestMissingDealsFileIsNamed(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "clss.csv")
	for _, args := range [][]string{
		{"debrief", "teaching-two-party", "--deals", missing},
		{"score", "teaching-two-party", "--deal-file", missing},
	} {
		_, errOut, code := runNegsim(t, args...)
		if code != exitBadUse || !strings.Contains(errOut, `no file "`+missing+`"`) || strings.Contains(errOut, "no such file") {
			t.Errorf("%v: exit %d, stderr %q; want exit %d and no file %q", args, code, errOut, exitBadUse, missing)
		}
	}
}

// A table's name with a terminal escape sequence is refused at its place: debrief printed
// it as it was, and the terminal obeyed it (here, renaming its window).
func TestDealsTableNameWithAnEscapeIsRefused(t *testing.T) {
	deals := writeTemp(t, "class.csv", "table,a,b\nnorth,a0,b0\nred\x1b]0;PWNED\x07,a1,b0\n")
	wantRefused(t, `class.csv:3:1: table: the table's name "red\x1b]0;PWNED\a" holds a control character, U+001B (escape)`, "debrief", "testdata/two-by-two.yaml", "--deals", deals)
}

// A transcripts folder whose name holds a bracket is read as named: its name was taken as
// a pattern, so "class[1]" found no transcripts, or, beside a folder class1, debriefed
// class1's transcripts instead.
func TestTranscriptsFolderWithBrackets(t *testing.T) {
	fixture := twoByTwo(t)
	t.Chdir(t.TempDir())
	os.Mkdir("class[1]", 0o755)
	os.Mkdir("class1", 0o755)
	for _, dir := range []string{"class[1]", "class1"} {
		transcript := filepath.Join(dir, dir+".json")
		if _, stderr, code := runNegsimInput(t, strings.Repeat("reject\n", 20), "play", fixture, "--as", "x", "--transcript", transcript); code != exitOK {
			t.Fatalf("play: exit %d: %s", code, stderr)
		}
	}
	db := runJSON[sim.Debrief](t, "debrief", "--transcripts", "class[1]")
	if len(db.Tables) != 1 || db.Tables[0].Table != "class[1]" {
		t.Errorf("tables %+v; want the one of class[1]", db.Tables)
	}
}

// The debrief's chart sets each table's deal in the points of two veto actors. In the
// Harborco quota only Harborco holds a veto (the five others vote), so there is no such
// chart, and the page says so where the chart would be rather than leave it out unsaid.
func TestDebriefSaysWhyItHasNoChartWithOneVetoActor(t *testing.T) {
	deals := writeTemp(t, "class.csv", "table,fund,jobs\nred,small,full\nblue,medium,partial\n")
	for _, format := range []string{"markdown", "html"} {
		out := html.UnescapeString(runOK(t, "debrief", "teaching-harborco-quota", "--deals", deals, "--format", format))
		if strings.Contains(out, "<svg") || strings.Contains(out, "data:image/svg") {
			t.Errorf("%s: the debrief draws a chart with one veto actor", format)
		}
		if want := "No chart of the tables' deals: it sets two veto actors against each other, and Harborco (developer) is the only actor holding a veto."; !strings.Contains(out, want) {
			t.Errorf("%s: the debrief does not say %q", format, want)
		}
	}
}

// The debrief's chart goes on a slide, as rounds' does: --chart writes it alone, SVG or
// PNG, the same drawing the HTML debrief holds (every table's name beside its deal), and a
// scenario with one veto actor, which has no such chart, is refused before any work.
func TestDebriefChartAloneForASlide(t *testing.T) {
	deals := writeTemp(t, "class.csv", classCSV)
	dir := t.TempDir()
	svg, png := filepath.Join(dir, "class.svg"), filepath.Join(dir, "class.png")
	page := runOK(t, "debrief", "testdata/two-by-two.yaml", "--deals", deals, "--chart", svg, "--format", "html")
	runOK(t, "debrief", "testdata/two-by-two.yaml", "--deals", deals, "--chart", png)
	drawn, err := os.ReadFile(svg)
	if err != nil {
		t.Fatal(err)
	}
	inline := page[strings.Index(page, "<svg"):]
	inline = inline[:strings.Index(inline, "</svg>")+len("</svg>")]
	// South and annex reached one deal and share its label; west reached none, and is
	// drawn where both keep their walk-away values (30, 30), beside the others of the class
	// the debrief ranks it among: it was left out.
	for _, label := range []string{"north", "south, annex", "east", "centre", "west"} {
		if !strings.Contains(string(drawn), ">"+label+"</text>") {
			t.Errorf("the chart does not label a deal %q", label)
		}
	}
	if !strings.Contains(string(drawn), strings.TrimPrefix(inline[strings.Index(inline, ">")+1:], "\n")[:200]) {
		t.Errorf("the chart file is not the debrief's chart:\n%.400s\nthe debrief's:\n%.400s", drawn, inline)
	}
	if data, err := os.ReadFile(png); err != nil || !bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")) {
		t.Errorf("class.png is no PNG (%v): %.16q", err, data)
	}
	harbor := writeTemp(t, "harbor.csv", "table,fund,jobs\nred,small,full\n")
	wantRefused(t, "--chart x.png: no chart of the tables' deals: it sets two veto actors against each other, and Harborco (developer) is the only actor holding a veto.",
		"debrief", "teaching-harborco-quota", "--deals", harbor, "--chart", "x.png")
	wantRefused(t, "--chart x.pdf: the file name must end in .svg or .png", "debrief", "--deals", deals, "--chart", "x.pdf")
}

// A class whose tables all reached one deal shares one label on the chart. Each name added
// to the growing label copied it whole: 20,000 tables of names "t0" to "t19999" copy
// about 20,000² × 6 / 2 ≈ 1.2 GB, and 60,000 took seconds past --timeout. Joined once, the
// whole debrief allocates a small fraction of that.
func TestDebriefChartOfManyTablesAtOneDeal(t *testing.T) {
	var deals strings.Builder
	deals.WriteString("table,salary,remote,start\n")
	for i := range 20000 {
		fmt.Fprintf(&deals, "t%d,mid,office,now\n", i)
	}
	file := writeTemp(t, "deals.csv", deals.String())
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	out := runOK(t, "debrief", "teaching-two-party", "--deals", file, "--format", "html")
	runtime.ReadMemStats(&after)
	wantContains(t, "the debrief of 20,000 tables", out, "<svg ", ">t19999<")
	if allocated := after.TotalAlloc - before.TotalAlloc; allocated > 400<<20 {
		t.Errorf("the debrief of 20,000 tables at one deal allocated %d MB; joining the names once takes far less than the 1.2 GB of adding them one by one", allocated>>20)
	}
}

// A table that quits and one whose rounds ran out both count as no agreement, a joint gain
// of 0, but a teacher asks them different questions: the CSV's session_ended and the JSON
// tell them apart, and so does debrief's table, in the CSV's words. Under geneva-19-point
// Ukraine answers the United States' text each round: quin quits in round 0; dana rejects
// all eight texts, rounds 0 to 7, and the talks end at the deadline. A deals file says
// nothing of how a table ended, so its empty row stays plain "no agreement".
func TestDebriefTableSaysHowASessionEnded(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "class")
	for _, s := range []struct{ name, moves string }{
		{"quin", "quit\n"},
		{"dana", strings.Repeat("reject\n", 8)},
	} {
		if _, errs, code := runNegsimInput(t, s.moves, "play", "--variant", "geneva-19-point", "--as", "ukraine", "--transcript", filepath.Join(dir, s.name+".json")); code != exitOK {
			t.Fatalf("play %s: exit %d: %s", s.name, code, errs)
		}
	}
	for _, format := range []string{"table", "markdown"} {
		out := runOK(t, "debrief", "--variant", "geneva-19-point", "--transcripts", dir, "--format", format)
		for table, want := range map[string]string{"quin": "no agreement: quit", "dana": "no agreement: deadline"} {
			if row := lastLineWith(out, " "+table+" "); !strings.Contains(row, want) {
				t.Errorf("debrief --format %s: %s's row %q lacks %q:\n%s", format, table, row, want, out)
			}
		}
		wantContains(t, "debrief --format "+format, strings.Join(strings.Fields(out), " "),
			`A table with no deal says how its session ended: quit (a player with a veto left, which ended the talks), deadline (the last round passed without a deal; "left in round N" where a player without a veto had left and the others talked on) or stopped (Ctrl-C or --timeout ended the session).`)
	}

	deals := writeTemp(t, "class.csv", classCSV)
	out := runOK(t, "debrief", "testdata/two-by-two.yaml", "--deals", deals)
	if row := lastLineWith(out, " west "); !strings.HasSuffix(strings.TrimRight(row, "│ "), "no agreement") || strings.Contains(out, "how its session ended") {
		t.Errorf("a deals file's table with no agreement: row %q; want plain no agreement, and no word of sessions:\n%s", row, out)
	}
}

// A player without a veto who leaves does not end the talks: the others talk on to the
// deadline. Debrief's table said only "no agreement: deadline" of Harborco's union that left
// in round 1 (the "quit" its legend promised for a player who left), and score said only
// "No agreement". Now score, debrief's table and both CSVs say it left, and in which round;
// dana, who rejects every text of geneva-19-point to round 7, is told the deadline alone.
func TestScoreAndDebriefSayASeatLeft(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "class")
	union := filepath.Join(dir, "union.json")
	if _, errs, code := runNegsimInput(t, "reject\nquit\n", "play", "teaching-harborco-quota", "--as", "union", "--transcript", union); code != exitOK {
		t.Fatalf("play: exit %d: %s", code, errs)
	}
	wantContains(t, "score", runOK(t, "score", "--transcript", union),
		"No agreement: the player at Union's seat left the table in round 1, and the others talked on without it to the deadline (round 9); every actor keeps its walk-away value, a joint gain of 0.")
	wantContains(t, "score --format json", runOK(t, "score", "--transcript", union, "--format", "json"), `"ended": "deadline",`, `"left_in_round": 1,`)
	if row := lastLineWith(runOK(t, "debrief", "--transcripts", dir), " union "); !strings.Contains(row, "no agreement: deadline (left in round 1)") {
		t.Errorf("debrief's row for the union: %q, want it to say the seat left in round 1", row)
	}
	for _, args := range [][]string{{"score", "--transcript", union}, {"debrief", "--transcripts", dir}} {
		rows, err := csv.NewReader(strings.NewReader(runOK(t, append(args, "--format", "csv")...))).ReadAll()
		if err != nil || len(rows) != 2 {
			t.Fatalf("%s --format csv: %v, %d rows", args[0], err, len(rows))
		}
		if got := rows[1][len(rows[1])-2:]; !slices.Equal(got, []string{"deadline", "1"}) {
			t.Errorf("%s --format csv ends the union's row in %q, want deadline, 1", args[0], got)
		}
	}

	dana := filepath.Join(t.TempDir(), "dana.json")
	if _, errs, code := runNegsimInput(t, strings.Repeat("reject\n", 8), "play", "--variant", "geneva-19-point", "--as", "ukraine", "--transcript", dana); code != exitOK {
		t.Fatalf("play dana: exit %d: %s", code, errs)
	}
	wantContains(t, "score", runOK(t, "score", "--transcript", dana), "No agreement by the deadline (round 7): every actor keeps its walk-away value, a joint gain of 0.")
}

// Under a decision rule and ratification, a table's deal can be one every veto actor signs
// and still fail, on the votes or at home. The debrief called such deals ones "some veto
// actor would not sign" and the zone "acceptable to every veto actor". In the accord (sim/
// accord_test.go has the utilities):
//   - red, deep medium phase-down voluntary: the EU (0.69 ≥ 0.45) and China (0.53 ≥ 0.40)
//     sign; the islands (0.72 < 0.75) and the oil exporters (0.34 < 0.35) do not: 2 of the
//     3 votes;
//   - blue, deep large phase-out voluntary: in the zone (3 votes, Parliament 0.8 ≥ 0.5);
//   - green, medium medium phase-down voluntary: the EU (0.53), China (0.74) and the oil
//     exporters (0.44) sign, 3 votes; the Parliament (0.25 + 0.15 + 0 = 0.40 < 0.5) does not
//     ratify.
//
// Both vetoes sign red and green, so neither is a deal "some veto actor would not sign".
// The reference scenario's classroom example (README) keeps its two unsigned deals.
func TestDebriefNamesTheRuleADealFails(t *testing.T) {
	file, err := os.ReadFile(accordFile)
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(t.TempDir())
	deals := "table,target,finance,phaseout,review\nred,deep,medium,phase-down,voluntary\nblue,deep,large,phase-out,voluntary\ngreen,medium,medium,phase-down,voluntary\n"
	if err := os.WriteFile("class.csv", []byte(deals), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile("accord.yaml", file, 0o644); err != nil {
		t.Fatal(err)
	}
	out := runOK(t, "debrief", "accord.yaml", "--deals", "class.csv", "--wide")
	wantContains(t, "debrief", out,
		"3 tables; 3 reached a deal, 1 of them in the zone of possible agreement (the deals every veto actor accepts that gather at least 3 votes at the table and are ratified at home).",
		"2 deals every veto actor would sign count as no agreement too: they miss the votes needed at the table or ratification at home.",
		"None left value on the table: every deal of the zone reached is Pareto-optimal.",
	)
	// Both vetoes sign red and green: they are not passed, not unsigned.
	marked := 0
	for _, line := range strings.Split(out, "\n") {
		if (strings.Contains(line, "│ red ") || strings.Contains(line, "│ green ")) && strings.Contains(line, "│ no: not passed │") {
			marked++
		}
	}
	if strings.Contains(out, "not signed") || marked != 2 {
		t.Errorf("debrief does not mark red and green \"no: not passed\":\n%s", out)
	}
	// Without blue no deal of the zone was reached: there is no value left to count, and
	// the summary says nothing of it, where it said "0 left value on the table: another
	// deal of the zone was at least as good …".
	if err := os.WriteFile("class.csv", []byte(strings.Replace(deals, "blue,deep,large,phase-out,voluntary\n", "", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	if out := runOK(t, "debrief", "accord.yaml", "--deals", "class.csv", "--wide"); strings.Contains(out, "left value") || !strings.Contains(out, "2 tables; 2 reached a deal, 0 of them in the zone") {
		t.Errorf("debrief of red and green alone speaks of value left on the table, or of other tables:\n%s", out)
	}
}

// A debrief of an empty zone says its chart draws no frontier and no Nash solution, as the
// chart does not: the words described a line and a ring the page did not have. Both of the
// red-line scenario's tables' deals are outside its empty zone (teaching-red-line.yaml).
func TestDebriefChartOfAnEmptyZoneDrawsNoFrontier(t *testing.T) {
	deals := writeTemp(t, "class.csv", "table,tax,schools,bridge\nA,hold,keep,yes\nB,cut,merge,no\n")
	out := runOK(t, "debrief", "teaching-red-line", "--deals", deals, "--format", "markdown")
	if want := "The ZOPA is empty, so there is no frontier and no Nash solution to draw."; !strings.Contains(out, want) || strings.Contains(out, "ring marks") {
		t.Errorf("the debrief of an empty zone does not say %q alone:\n%s", want, out)
	}
}

// A ratifier's column is headed as analyze heads its row, "(ratifies at home)": the debrief
// headed every actor without a veto "(no veto)" and called them observers, where Home's
// parliament (teaching-tied-hands.yaml) can sink any deal at home.
func TestDebriefHeadsARatifierAsOne(t *testing.T) {
	deals := writeTemp(t, "class.csv", "table,quota\nA,q3\nB,q5\n")
	out := runOK(t, "debrief", "teaching-tied-hands", "--deals", deals)
	wantContains(t, "debrief", out, " parliament (ratifies at home) ", "Per actor, those without a veto included: points out of 100.")
	if strings.Contains(out, "observers") || strings.Contains(out, "parliament (no veto)") {
		t.Errorf("debrief still calls the parliament an observer without a veto:\n%s", out)
	}
}

// The chart draws the frontier of the two parties on its axes; with more parties a deal
// the table marks Pareto-optimal can lie inside that line, and the chart's words say so.
// The reference scenario has four veto actors; the fish stock two, where the line is the
// whole frontier and nothing more is said.
func TestDebriefChartSaysItsFrontierIsTwoParties(t *testing.T) {
	const more = "The frontier drawn is these two's alone: with 4 parties, a deal Pareto-optimal for all of them can lie inside it, giving another party more."
	deals := writeTemp(t, "class.csv", "table,territory,recognition,guarantees,nato,military-limits,foreign-troops,sanctions,assets,sequencing,eu-path,language,interim\n"+
		"A,freeze,de-facto,russia-role,not-now,cap,none,full-relief,shared-fund,deal-first,membership-path,russian-status,energy-and-ports\n")
	wantContains(t, "debrief", strings.Join(strings.Fields(runOK(t, "debrief", "--variant", "sanctions-bite", "--deals", deals, "--format", "markdown")), " "), more)
	fish := writeTemp(t, "fish.csv", "table,quota\nA,q3\n")
	if out := runOK(t, "debrief", "teaching-tied-hands", "--deals", fish, "--format", "markdown"); strings.Contains(out, "these two's alone") {
		t.Errorf("the fish stock has two parties, yet the chart's words say more:\n%s", out)
	}
}
