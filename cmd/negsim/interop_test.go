package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/negsim/negsim/config"
)

const cliDomain = `<negotiation_template><utility_space><objective index="0" name="root">
<issue index="1" name="Price" type="discrete"><item index="1" value="low"/><item index="2" value="high"/></issue>
<issue index="2" name="Delivery" type="integer" lowerbound="1" upperbound="3"/>
</objective></utility_space></negotiation_template>
`

const cliBuyer = `<utility_space><objective index="0" name="root">
<issue index="1" name="Price" type="discrete"><item value="low" evaluation="300"/><item value="high" evaluation="100"/></issue>
<issue index="2" name="Delivery" type="integer" lowerbound="1" upperbound="3"><evaluator slope="-0.5" offset="1"/></issue>
<weight index="1" value="0.75"/><weight index="2" value="0.25"/>
</objective><discount_factor value="0.5"/><reservation value="0.2"/></utility_space>
`

const cliSeller = `<utility_space><objective index="0" name="root">
<issue index="1" name="Price" type="discrete"><item value="low" evaluation="0"/><item value="high" evaluation="200"/></issue>
<issue index="2" name="Delivery" type="integer" lowerbound="1" upperbound="3"><evaluator slope="0.5" offset="0"/></issue>
<weight index="1" value="0.5"/><weight index="2" value="0.5"/>
</objective></utility_space>
`

func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// The files come as written in README, domain first, and as a shell's *.xml gives them,
// alphabetically (buyer.xml, seller.xml, shop.xml): import finds the domain and keeps the
// profiles' order either way, the buyer the first actor.
func TestImportGeniusToStdout(t *testing.T) {
	dir := writeFiles(t, map[string]string{"shop.xml": cliDomain, "buyer.xml": cliBuyer, "seller.xml": cliSeller})
	for _, order := range [][]string{{"shop.xml", "buyer.xml", "seller.xml"}, {"buyer.xml", "seller.xml", "shop.xml"}} {
		args := []string{"import", "genius"}
		for _, name := range order {
			args = append(args, filepath.Join(dir, name))
		}
		out := runOK(t, args...)
		doc, err := config.Load("stdout.yaml", []byte(out))
		if err != nil {
			t.Fatalf("the YAML on stdout does not load: %v\n%s", err, out)
		}
		sc := doc.Scenario
		if len(sc.Actors) != 2 || sc.Actors[0].ID != "buyer" || sc.Actors[1].ID != "seller" || len(sc.Issues) != 2 {
			t.Fatalf("%v: actors %v and %d issues, want buyer and seller over the shop's 2 issues", order, sc.Actors, len(sc.Issues))
		}
		// GENIUS scale: 300 and 100 over the issue's best, 300.
		if buyer := sc.Actors[0].Preference("price"); buyer.Utilities["low"] != 1 || buyer.Utilities["high"] != 100.0/300 {
			t.Errorf("%v: buyer's price utilities %v, want low 1 and high 1/3", order, buyer.Utilities)
		}
		wantContains(t, "the imported YAML", out, "note:", "Scale: genius", "one option per integer", "discount factor 0.5", "reservation_drift:")
	}
}

func TestImportGeniusRawToFile(t *testing.T) {
	dir := writeFiles(t, map[string]string{"shop.xml": cliDomain, "buyer.xml": cliBuyer, "seller.xml": cliSeller})
	target := filepath.Join(dir, "shop.yaml")
	rep := runJSON[importReport](t, "import", "genius", "--scale", "raw", "-o", target,
		filepath.Join(dir, "shop.xml"), filepath.Join(dir, "buyer.xml"), filepath.Join(dir, "seller.xml"))
	// Two prices × deliveries 1..3.
	if rep.Deals == nil || *rep.Deals != 6 || rep.Scale != "raw" || rep.File != target {
		t.Errorf("report %+v; want 6 deals, scale raw, file %s", rep, target)
	}
	data, err := os.ReadFile(target)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := config.Load(target, data)
	if err != nil {
		t.Fatal(err)
	}
	// The largest weight sum × evaluation: buyer 1·300, seller 1·200, so 300; the buyer's
	// raw reservation 0.2 is 0.2/300 of that.
	buyer := doc.Scenario.Actors[0]
	if buyer.UtilityScale != 300 || math.Abs(buyer.Reservation-0.2/300) > 1e-15 {
		t.Errorf("buyer: utility_scale %v, reservation %v; want 300 and 0.2/300", buyer.UtilityScale, buyer.Reservation)
	}
	if !strings.Contains(string(data), "Scale: raw") {
		t.Errorf("the file does not say which scale was applied:\n%s", data)
	}
}

func TestImportErrors(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"shop.xml":  cliDomain,
		"buyer.xml": cliBuyer,
		"wrong.xml": strings.Replace(cliSeller, `name="Delivery"`, `name="Shipping"`, 2),
		"web.json":  `{"LinearAdditiveUtilitySpace": {"name": "x"}}`,
	})
	p := func(name string) string { return filepath.Join(dir, name) }
	cases := []struct {
		name string
		args []string
		want []string
	}{
		{"profile does not match the domain", []string{"import", "genius", p("shop.xml"), p("wrong.xml")}, []string{"wrong.xml:3:", `"Shipping"`, `"Delivery"`, "shop.xml"}},
		{"missing file", []string{"import", "genius", p("shop.xml"), p("nobody.xml")}, []string{"nobody.xml"}},
		{"unknown scale", []string{"import", "genius", "--scale", "negmas", p("shop.xml"), p("buyer.xml")}, []string{`"negmas"`, "genius", "raw"}},
		{"profile without domain", []string{"import", "geniusweb", p("web.json")}, []string{"web.json", "no domain"}},
		{"no profile", []string{"import", "genius", p("shop.xml")}, []string{"a domain and at least one profile"}},
		{"import from a misspelt format", []string{"import", "genus", p("shop.xml"), p("buyer.xml")}, []string{`"genus"`, `did you mean "genius"`}},
		{"import without a format", []string{"import"}, []string{"genius or geniusweb"}},
		{"export to an unknown format", []string{"export", "negmas", "-o", p("out")}, []string{`"negmas"`, "genius"}},
		{"export without a directory", []string{"export", "genius"}, []string{"-o DIR"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, errs, code := runNegsim(t, c.args...)
			if code != exitBadUse {
				t.Errorf("exit %d, want %d; stderr: %s", code, exitBadUse, errs)
			}
			for _, w := range c.want {
				if !strings.Contains(errs, w) {
					t.Errorf("stderr %q does not mention %q", errs, w)
				}
			}
		})
	}
}

// The shipped scenario has red lines, a constraint and an observer that GeniusWeb cannot
// hold: export writes the files and lists each of them.
func TestExportGeniusWebWarnings(t *testing.T) {
	dir := t.TempDir()
	// europe-sidelined takes Europe's veto away, which GeniusWeb cannot say either.
	out, errs, code := runNegsim(t, "export", "geniusweb", "-o", dir, "--format", "json", "--variant", "europe-sidelined")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	rep := decodeJSON[exportReport](t, "export", out)
	// A domain and one profile for each of the eight actors (four parties, four ratifiers).
	if len(rep.Files) != 9 {
		t.Errorf("%d files written, want 9: %v", len(rep.Files), rep.Files)
	}
	paths := map[string]bool{}
	for _, w := range rep.Warnings {
		paths[w.Path] = true
	}
	for _, want := range []string{"actors.ukraine.preferences.territory.acceptable", "actors.ukraine.constraints.0", "actors.europe.veto"} {
		if !paths[want] {
			t.Errorf("no warning at %s; got %v", want, rep.Warnings)
		}
		if !strings.Contains(errs, want) {
			t.Errorf("stderr does not show the warning at %s: %s", want, errs)
		}
	}
	for _, f := range rep.Files {
		if _, err := os.Stat(f); err != nil {
			t.Error(err)
		}
	}
}

// Import, export and import again through the command line: the analysis is the same.
func TestImportExportRoundTrip(t *testing.T) {
	dir := writeFiles(t, map[string]string{"shop.xml": cliDomain, "buyer.xml": cliBuyer, "seller.xml": cliSeller})
	first := filepath.Join(dir, "first.yaml")
	if _, errs, code := runNegsim(t, "import", "genius", "--scale", "raw", "-o", first, filepath.Join(dir, "shop.xml"), filepath.Join(dir, "buyer.xml"), filepath.Join(dir, "seller.xml")); code != exitOK {
		t.Fatal(errs)
	}
	out := filepath.Join(dir, "out")
	if _, errs, code := runNegsim(t, "export", "genius", first, "-o", out); code != exitOK {
		t.Fatal(errs)
	}
	second := filepath.Join(dir, "second.yaml")
	if _, errs, code := runNegsim(t, "import", "genius", "--scale", "raw", "-o", second, filepath.Join(out, "shop.xml"), filepath.Join(out, "buyer.xml"), filepath.Join(out, "seller.xml")); code != exitOK {
		t.Fatal(errs)
	}
	a, b := runJSON[map[string]any](t, "analyze", first), runJSON[map[string]any](t, "analyze", second)
	for _, key := range []string{"zopa", "pareto"} {
		ja, _ := json.Marshal(a[key])
		jb, _ := json.Marshal(b[key])
		if !bytes.Equal(ja, jb) {
			t.Errorf("%s differs after the round trip:\n%s\n%s", key, ja, jb)
		}
	}
}

// --real-steps above the options an issue may hold is refused before any reading: a
// million steps ran for hours (the reader's work grows faster than the steps) and ignored
// --timeout, only to be refused when the scenario was checked.
func TestImportRefusesMoreRealStepsThanAnIssueHolds(t *testing.T) {
	dir := writeFiles(t, map[string]string{"shop.xml": cliDomain, "buyer.xml": cliBuyer})
	_, stderr, code := runNegsim(t, "import", "genius", filepath.Join(dir, "shop.xml"), filepath.Join(dir, "buyer.xml"), "--real-steps", "1000000")
	if want := "negsim: --real-steps 1000000: give 2 to 1000, the most options an issue may have\n"; code != exitBadUse || stderr != want {
		t.Errorf("exit %d, %q; want exit 2, %q", code, stderr, want)
	}
}

// An export into a folder that holds an earlier export names the profile it did not write:
// after y is renamed w, y.xml is the old actor's, which GENIUS would read with the folder.
// Two-by-two's red lines list every option, so export has nothing of them to warn about.
func TestExportNamesTheFilesOfAnEarlierRun(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "g")
	if _, stderr, code := runNegsim(t, "export", "genius", "testdata/two-by-two.yaml", "-o", dir); code != exitOK || strings.Contains(stderr, "earlier run") || strings.Contains(stderr, "red lines") {
		t.Fatalf("first run: exit %d, %q", code, stderr)
	}
	_, stderr, code := runNegsim(t, "export", "genius", "testdata/two-by-two.yaml", "-o", dir, "--set", "actors.y.id=w")
	want := "warning: " + dir + " also holds y.xml from an earlier run, which this run did not write: remove it before importing the folder or handing it out\n"
	if code != exitOK || !strings.HasPrefix(stderr, want) {
		t.Errorf("second run: exit %d, %q; want it to begin %q", code, stderr, want)
	}
	if _, err := os.Stat(filepath.Join(dir, "y.xml")); err != nil {
		t.Errorf("the earlier profile was removed, not only named: %v", err)
	}
}

// import's summary in CSV holds one value a cell, as a spreadsheet sorts and filters it:
// a row for each of the three files read and for each actor (one per profile, named after
// its file: buyer, seller), and the deals as a plain number, 2 prices × 3 deliveries = 6.
func TestImportSummaryCSVHoldsOneValueACell(t *testing.T) {
	dir := writeFiles(t, map[string]string{"shop.xml": cliDomain, "buyer.xml": cliBuyer, "seller.xml": cliSeller})
	files := []string{filepath.Join(dir, "shop.xml"), filepath.Join(dir, "buyer.xml"), filepath.Join(dir, "seller.xml")}
	out := runOK(t, append([]string{"import", "genius", "-o", filepath.Join(dir, "shop.yaml"), "--format", "csv"}, files...)...)
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	got := map[string][]string{}
	for _, r := range rows[1:] {
		got[r[0]] = append(got[r[0]], r[1])
	}
	if !slices.Equal(got["read"], files) || !slices.Equal(got["actor"], []string{"buyer", "seller"}) || !slices.Equal(got["deals"], []string{"6"}) {
		t.Errorf("read %q, actor %q, deals %q; want each file, buyer and seller, 6:\n%s", got["read"], got["actor"], got["deals"], out)
	}
}

// Twenty integer issues of 1 to 10 make 10^20 deals, past 2^64 ≈ 1.8e19: import said
// 7,766,279,631,452,241,920 (10^20 wrapped around 2^64); it now says negsim cannot count
// them, and JSON gives null.
func TestImportSaysWhenTheDealsCannotBeCounted(t *testing.T) {
	var domain, profile strings.Builder
	domain.WriteString(`<negotiation_template><utility_space><objective index="0" name="root">`)
	profile.WriteString(`<utility_space><objective index="0" name="root">`)
	for i := 1; i <= 20; i++ {
		issue := fmt.Sprintf(`<issue index="%d" name="Q%d" type="integer" lowerbound="1" upperbound="10"`, i, i)
		domain.WriteString(issue + "/>\n")
		profile.WriteString(issue + `><evaluator slope="0.1" offset="0"/></issue>` + "\n")
	}
	domain.WriteString(`</objective></utility_space></negotiation_template>`)
	for i := 1; i <= 20; i++ {
		fmt.Fprintf(&profile, `<weight index="%d" value="0.05"/>`, i)
	}
	profile.WriteString(`</objective></utility_space>`)
	dir := writeFiles(t, map[string]string{"grid.xml": domain.String(), "one.xml": profile.String(), "two.xml": profile.String()})
	args := []string{"import", "genius", filepath.Join(dir, "grid.xml"), filepath.Join(dir, "one.xml"), filepath.Join(dir, "two.xml")}
	rep := runJSON[importReport](t, append(args, "-o", filepath.Join(dir, "grid.yaml"))...)
	if rep.Deals != nil || rep.Issues != 20 {
		t.Errorf("report %+v; want 20 issues and no count of deals", rep)
	}
	out := runOK(t, append(args, "-o", filepath.Join(dir, "again.yaml"))...)
	wantContains(t, "import", out, "more than 1.8e19, more than negsim can count")
}

// A folder stands for its files of the format's ending, and a pattern the shell left alone
// (Windows' shells pass *.xml on as typed) is expanded by negsim: both read what the files
// named one by one, in name order, read. The folder's notes.txt and sub-folder are not
// GENIUS files and are left out.
func TestImportReadsAFolderOrAPattern(t *testing.T) {
	dir := writeFiles(t, map[string]string{"shop.xml": cliDomain, "buyer.xml": cliBuyer, "seller.xml": cliSeller, "notes.txt": "not a profile"})
	if err := os.Mkdir(filepath.Join(dir, "old"), 0o755); err != nil {
		t.Fatal(err)
	}
	p := func(name string) string { return filepath.Join(dir, name) }
	want := runOK(t, "import", "genius", p("buyer.xml"), p("seller.xml"), p("shop.xml"))
	for _, args := range [][]string{
		{"import", "genius", dir},
		{"import", "genius", p("*.xml")},
		{"import", "genius", p("[bs]*.xml")},
	} {
		if got := runOK(t, args...); got != want {
			t.Errorf("negsim %s gave\n%s\nwant what the three files named give:\n%s", strings.Join(args, " "), got, want)
		}
	}

	empty := t.TempDir()
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"import", "genius", empty}, "negsim: the folder " + empty + " holds no .xml file\n"},
		{[]string{"import", "geniusweb", dir}, "negsim: the folder " + dir + " holds no .json file\n"},
		{[]string{"import", "genius", p("*.XML.bak")}, "negsim: no file matches " + p("*.XML.bak") + "\n"},
		{[]string{"import", "genius", p("sh*.xml")}, "negsim: negsim import genius needs a domain and at least one profile, and " + p("sh*.xml") + " names only " + p("shop.xml") + "; see negsim import genius --help\n"},
	} {
		stdout, stderr, code := runNegsim(t, c.args...)
		if code != exitBadUse || stderr != c.want || stdout != "" {
			t.Errorf("negsim %s: exit %d, %q; want exit 2 and %q", strings.Join(c.args, " "), code, stderr, c.want)
		}
	}
}

// A file, a folder or a scenario typed where the format goes is answered with the command
// that names the format first, guessed from the files' ending where they say it.
func TestImportAndExportAskForTheFormatFirst(t *testing.T) {
	dir := writeFiles(t, map[string]string{"shop.xml": cliDomain, "buyer.xml": cliBuyer})
	mixed := writeFiles(t, map[string]string{"shop.xml": cliDomain, "jobs.json": "{}"})
	out := filepath.Join(t.TempDir(), "my shop.yaml")
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"import", dir}, "negsim: " + dir + " is not a format: name the format first, as in negsim import genius " + dir + "\n"},
		{[]string{"import", filepath.Join(dir, "shop.xml"), filepath.Join(dir, "buyer.xml"), "-o", out},
			"negsim: " + filepath.Join(dir, "shop.xml") + " is not a format: name the format first, as in negsim import genius " + filepath.Join(dir, "shop.xml") + " " + filepath.Join(dir, "buyer.xml") + " -o \"" + out + "\"\n"},
		{[]string{"import", mixed}, "negsim: " + mixed + " is not a format: name the format first, as in negsim import genius " + mixed + " for GENIUS's XML files or negsim import geniusweb " + mixed + " for GeniusWeb's JSON\n"},
		{[]string{"export", "teaching-red-line", "-o", "out"}, "negsim: teaching-red-line is a scenario, not a format: name the format first, as in negsim export genius teaching-red-line -o out, or geniusweb\n"},
		{[]string{"export", garden, "-o", "out"}, "negsim: " + garden + " is a scenario, not a format: name the format first, as in negsim export genius " + garden + " -o out, or geniusweb\n"},
		// The format typed after the files it is for is moved first, not given twice.
		{[]string{"export", garden, "geniusweb", "-o", "out"}, "negsim: " + garden + " is a scenario, not a format: name the format first, as in negsim export geniusweb " + garden + " -o out\n"},
		{[]string{"import", filepath.Join(dir, "shop.xml"), "genius", filepath.Join(dir, "buyer.xml")},
			"negsim: " + filepath.Join(dir, "shop.xml") + " is not a format: name the format first, as in negsim import genius " + filepath.Join(dir, "shop.xml") + " " + filepath.Join(dir, "buyer.xml") + "\n"},
	} {
		stdout, stderr, code := runNegsim(t, c.args...)
		if code != exitBadUse || stderr != c.want || stdout != "" {
			t.Errorf("negsim %s: exit %d, %q; want exit 2 and %q", strings.Join(c.args, " "), code, stderr, c.want)
		}
	}
}

// utf16LE is text as Windows Notepad's "Unicode" saves it: a byte-order mark, then two
// bytes a letter, the low one first.
func utf16LE(text string) string {
	var b strings.Builder
	b.WriteString("\xff\xfe")
	for _, u := range utf16.Encode([]rune(text)) {
		b.WriteByte(byte(u))
		b.WriteByte(byte(u >> 8))
	}
	return b.String()
}

// A GENIUS file saved by Notepad as "Unicode" (UTF-16 behind a byte-order mark, Windows
// line ends, its declaration saying so) imports as the same file saved as UTF-8 does. A
// GeniusWeb file in UTF-16 with no mark is named as such, with what to do; not "invalid
// UTF-8" or "invalid character 'ÿ'".
func TestImportReadsUTF16(t *testing.T) {
	web := `{"LinearAdditiveUtilitySpace": {"name": "x"}}`
	notepad := utf16LE(strings.ReplaceAll(`<?xml version="1.0" encoding="UTF-16"?>`+"\n"+cliBuyer, "\n", "\r\n"))
	utf8Dir := writeFiles(t, map[string]string{"shop.xml": cliDomain, "buyer.xml": cliBuyer})
	dir := writeFiles(t, map[string]string{"shop.xml": cliDomain, "buyer.xml": notepad, "web.json": utf16LE(web)[2:]})
	p := func(name string) string { return filepath.Join(dir, name) }
	want := runOK(t, "import", "genius", filepath.Join(utf8Dir, "shop.xml"), filepath.Join(utf8Dir, "buyer.xml"))
	got, errs, code := runNegsim(t, "import", "genius", p("shop.xml"), p("buyer.xml"))
	if code != exitOK || got != want {
		t.Errorf("UTF-16: exit %d, stderr %s; got\n%s\nwant, as from UTF-8,\n%s", code, errs, got, want)
	}
	_, errs, code = runNegsim(t, "import", "geniusweb", p("web.json"))
	if code != exitBadUse {
		t.Errorf("web.json: exit %d, want %d; stderr: %s", code, exitBadUse, errs)
	}
	wantContains(t, "stderr", errs, "web.json", "UTF-16 (little-endian)", "UTF-8")
}

// An export over a deadline other than the 20 rounds an import assumes reads back the
// same with --rounds: trade.yaml's drift is written as a discount factor over its rounds
// and comes back as the same drift.
func TestImportGeniusRoundsGivesTheDeadlineBack(t *testing.T) {
	dir := writeFiles(t, map[string]string{"thirds.yaml": `name: thirds
issues:
  - id: aid
    name: Aid
    options: [{id: "no"}, {id: "yes"}]
  - id: pact
    name: Pact
    options: [{id: "no"}, {id: "yes"}]
actors:
  - id: east
    name: East
    reservation: 0.4
    reservation_drift: -0.01
    preferences:
      aid: {weight: 1, utilities: {"no": 0, "yes": 1}}
      pact: {weight: 1, utilities: {"no": 1, "yes": 0}}
  - id: west
    name: West
    reservation: 0
    preferences:
      aid: {weight: 1, utilities: {"no": 1, "yes": 0}}
      pact: {weight: 1, utilities: {"no": 0, "yes": 1}}
protocol:
  rounds: 8
`})
	scenario := filepath.Join(dir, "thirds.yaml")
	out := filepath.Join(dir, "out")
	_, errs, code := runNegsim(t, "export", "genius", scenario, "-o", out)
	if code != exitOK {
		t.Fatal(errs)
	}
	wantContains(t, "export's warnings", errs, "protocol.rounds", "--rounds 8")
	files := []string{filepath.Join(out, "thirds.xml"), filepath.Join(out, "east.xml"), filepath.Join(out, "west.xml")}
	back := runOK(t, append([]string{"import", "genius", "--rounds", "8"}, files...)...)
	doc, err := config.Load("back.yaml", []byte(back))
	if err != nil {
		t.Fatal(err)
	}
	// 0.4 falls by 0.01 a round to 0.33 at round 7: the factor 0.825, spread over 8 rounds
	// again, is a drift of (0.33 − 0.4)/7 = −0.01.
	if a := doc.Scenario.Actors[0]; doc.Scenario.Protocol.Rounds != 8 || a.ReservationDrift < -0.01-1e-15 || a.ReservationDrift > -0.01+1e-15 {
		t.Errorf("rounds %d, drift %v; want 8 and −0.01", doc.Scenario.Protocol.Rounds, a.ReservationDrift)
	}
	_, errs, code = runNegsim(t, append([]string{"import", "genius", "--rounds", "1"}, files...)...)
	if code != exitBadUse || !strings.Contains(errs, "--rounds 1") || !strings.Contains(errs, "10000") {
		t.Errorf("--rounds 1: exit %d, %q; want exit 2 naming the range 2 to 10000", code, errs)
	}
}
