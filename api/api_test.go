package api

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"os/exec"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf16"

	"github.com/negsim/negsim/config"
	"github.com/negsim/negsim/sim"
)

// call sends one request and decodes the response into out, failing the test on an error.
func ask[T any](t *testing.T, a *API, method string, request any) T {
	t.Helper()
	body, err := json.Marshal(request)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := a.Handle(context.Background(), method, body)
	if err != nil {
		t.Fatalf("%s %s: %v", method, body, err)
	}
	var out T
	if err := json.Unmarshal(resp, &out); err != nil {
		t.Fatalf("%s: %v in %s", method, err, resp)
	}
	return out
}

// refused sends a request that must fail and returns the error.
func refused(t *testing.T, a *API, method string, body string) *Error {
	t.Helper()
	resp, err := a.Handle(context.Background(), method, []byte(body))
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("%s %s: got %s, %v; want an *Error", method, body, resp, err)
	}
	return e
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

// The job offer (scenarios/teaching-two-party.yaml works every number out in its comments):
// four of 27 deals in the zone, Nash at high, hybrid, now, worth 0.65 to each side.
func TestAnalyzeTeachingExample(t *testing.T) {
	a := New(Options{})
	an := ask[sim.Analysis](t, a, "analyze", Query{Scenario: "teaching-two-party"})
	if an.Space.Deals != 27 || an.ZOPA.Count != 4 {
		t.Fatalf("%d deals, ZOPA %d; want 27 and 4", an.Space.Deals, an.ZOPA.Count)
	}
	n := an.Solutions.Nash
	if n == nil || n.Options["salary"] != "high" || n.Options["remote"] != "hybrid" || n.Options["start"] != "now" ||
		!near(n.Utilities["candidate"], 0.65) || !near(n.Utilities["employer"], 0.65) {
		t.Errorf("Nash %+v; want high, hybrid, now at 0.65 each", n)
	}
}

// Overrides change the answer as hand arithmetic says.
func TestAnalyzeWithOverrides(t *testing.T) {
	a := New(Options{})
	// Candidate's reservation 0.6: of the four zone deals (0.65, 0.60, 0.50, 0.50 to the
	// candidate) two stay; Nash: (0.65−0.6)(0.65−0.5) = 0.0075 beats (0.60−0.6)·0.05 = 0.
	an := ask[sim.Analysis](t, a, "analyze", Query{Scenario: "teaching-two-party", Set: []string{"actors.candidate.reservation=0.6"}})
	if an.ZOPA.Count != 2 || an.Solutions.Nash.Options["remote"] != "hybrid" || !near(an.Solutions.Nash.NashProduct, 0.0075) {
		t.Errorf("reservation 0.6: ZOPA %d, Nash %+v; want 2 deals, hybrid, product 0.0075", an.ZOPA.Count, an.Solutions.Nash)
	}
	// The employer drops its red line on remote work: a fully remote deal needs start now
	// to reach the employer's 0.5 (remote is worth 0 to it, now 0.5, and salary 0.2 at
	// most, which one-month's 0.25 cannot make up); with now, mid gives the candidate
	// 0.25+0.3 = 0.55 and the employer 0.1+0.5 = 0.6, high gives 0.8 and 0.5, low breaks the
	// candidate's red line. So 4 + 2 = 6 deals.
	an = ask[sim.Analysis](t, a, "analyze", Query{Scenario: "teaching-two-party", Set: []string{"actors.employer.preferences.remote.acceptable=[office,hybrid,remote]"}})
	if an.ZOPA.Count != 6 {
		t.Errorf("red line dropped: ZOPA %d, want 6", an.ZOPA.Count)
	}
	// The kept document is not changed by a request: asking again without overrides gives 4.
	if an := ask[sim.Analysis](t, a, "analyze", Query{Scenario: "teaching-two-party"}); an.ZOPA.Count != 4 {
		t.Errorf("after an override the unchanged scenario has ZOPA %d, want 4", an.ZOPA.Count)
	}
}

// The reference scenario as shipped has an empty zone and a diagnosis; its variant
// sanctions-bite opens it (README: 956 deals).
func TestAnalyzeReferenceVariant(t *testing.T) {
	a := New(Options{})
	an := ask[sim.Analysis](t, a, "analyze", Query{})
	if an.ZOPA.Count != 0 || an.Diagnosis == nil {
		t.Errorf("ukraine-2026: ZOPA %d, diagnosis %v; want an empty zone, diagnosed", an.ZOPA.Count, an.Diagnosis)
	}
	an = ask[sim.Analysis](t, a, "analyze", Query{Scenario: "ukraine-2026", Variant: "sanctions-bite"})
	// 709: the zone analyze gives for this variant on the command line (every deal a freeze
	// of the line, scenarios/scenarios_test.go); the API must apply the variant the same way.
	if an.ZOPA.Count != 709 {
		t.Errorf("sanctions-bite: ZOPA %d, want 709", an.ZOPA.Count)
	}
}

func TestCompareWithTheUnchangedScenario(t *testing.T) {
	a := New(Options{})
	// Reservation 0.6 (see TestAnalyzeWithOverrides): the two deals worth 0.50 to the
	// candidate leave, none enters.
	c := ask[sim.Comparison](t, a, "compare", Query{Scenario: "teaching-two-party", Set: []string{"actors.candidate.reservation=0.6"}})
	if c.ZOPABefore != 4 || c.ZOPAAfter != 2 || c.EnteringCount != 0 || c.LeavingCount != 2 {
		t.Errorf("compare: %d → %d, %d enter, %d leave; want 4 → 2, 0, 2", c.ZOPABefore, c.ZOPAAfter, c.EnteringCount, c.LeavingCount)
	}
	if c.Before != "teaching-two-party" || c.After != "teaching-two-party --set actors.candidate.reservation=0.6" {
		t.Errorf("sides named %q and %q", c.Before, c.After)
	}
}

// The plane of the job offer: all 27 deals, the zone's 4, and the frontier for the two
// parties: of the zone's (candidate, employer) points (0.65,0.65), (0.60,0.55), (0.50,0.80)
// and (0.50,0.50), the second and the last are beaten by the first.
func TestPlane(t *testing.T) {
	a := New(Options{})
	pl := ask[PlaneResponse](t, a, "plane", PlaneRequest{Query: Query{Scenario: "teaching-two-party"}, Cells: 20})
	total := func(cells []sim.PlaneCell) (n uint64) {
		for _, c := range cells {
			n += c.Deals
		}
		return n
	}
	if !pl.Complete || total(pl.All) != 27 || total(pl.ZOPA) != 4 {
		t.Errorf("complete %v, %d deals, %d in the zone; want 27 and 4", pl.Complete, total(pl.All), total(pl.ZOPA))
	}
	var got [][2]float64
	for _, p := range pl.Frontier {
		got = append(got, [2]float64{p.X, p.Y})
	}
	if want := [][2]float64{{0.5, 0.8}, {0.65, 0.65}}; len(got) != 2 || !near(got[0][0], 0.5) || !near(got[0][1], 0.8) || !near(got[1][0], 0.65) || !near(got[1][1], 0.65) {
		t.Errorf("frontier %v, want %v", got, want)
	}
	if pl.Nash == nil || !near(pl.Nash.X, 0.65) || pl.Axes != [2]string{"candidate", "employer"} {
		t.Errorf("nash %+v, axes %v", pl.Nash, pl.Axes)
	}
	if e := refused(t, a, "plane", `{"scenario": "teaching-two-party", "axes": ["candidate", "candidate"]}`); e.Kind != KindInput {
		t.Errorf("the same actor twice: %v", e)
	}
}

func TestParams(t *testing.T) {
	a := New(Options{})
	ps := ask[ParamsResponse](t, a, "params", Query{Scenario: "teaching-two-party", Set: []string{"actors.candidate.reservation=0.55"}})
	i := slices.IndexFunc(ps.Params, func(p sim.Param) bool { return p.Path == "actors.candidate.reservation" })
	if i < 0 || ps.Params[i].Value != "0.55" || *ps.Params[i].Min != 0 || *ps.Params[i].Max != 1 {
		t.Fatalf("actors.candidate.reservation: %+v", ps.Params)
	}
}

// A loaded text is parsed once: loading it again, and every query on it, use the same
// document.
func TestLoadTextParsesOnce(t *testing.T) {
	a := New(Options{})
	text := strings.Replace(string(mustShipped(t, "teaching-two-party")), "reservation: 0.5\n", "reservation: 0.6\n", 1)
	first := ask[Loaded](t, a, "load", LoadRequest{Name: "mine.yaml", Data: []byte(text)})
	second := ask[Loaded](t, a, "load", LoadRequest{Name: "mine.yaml", Data: []byte(text)})
	if !strings.HasPrefix(first.ID, "doc:") || first.ID != second.ID || first.File != "mine.yaml" {
		t.Fatalf("ids %q and %q, file %q", first.ID, second.ID, first.File)
	}
	d1, _ := a.document(first.ID)
	d2, _ := a.document(second.ID)
	if d1 != d2 {
		t.Error("the same text was parsed twice")
	}
	// The candidate's reservation (the first in the file) is now 0.6: two deals (see
	// TestAnalyzeWithOverrides).
	if an := ask[sim.Analysis](t, a, "analyze", Query{Scenario: first.ID}); an.ZOPA.Count != 2 {
		t.Errorf("the loaded text: ZOPA %d, want 2", an.ZOPA.Count)
	}
	e := refused(t, a, "load", `{"name": "bad.yaml", "data": "`+base64.StdEncoding.EncodeToString([]byte("name: x\nissues: 3\n"))+`"}`)
	if e.Kind != KindInput || len(e.Problems) == 0 || e.Problems[0].File != "bad.yaml" {
		t.Errorf("a broken file: %+v", e)
	}
}

// A file's bytes are decoded by the engine, as the command line decodes a file: the page
// hands them over as read. Windows-1252 writes "é" as the one byte 0xE9, which UTF-8 never
// has alone; "name: Caf" is nine characters, so it is line 1, column 10.
func TestLoadDecodesTheFilesBytes(t *testing.T) {
	a := New(Options{})
	e := refused(t, a, "load", `{"name": "ansi.yaml", "data": "`+base64.StdEncoding.EncodeToString([]byte("name: Caf\xe9 talks\n"))+`"}`)
	if e.Kind != KindInput || len(e.Problems) != 1 || e.Problems[0].File != "ansi.yaml" || e.Problems[0].Line != 1 || e.Problems[0].Col != 10 || !strings.Contains(e.Problems[0].Message, "byte 0xE9 is not UTF-8") {
		t.Errorf("a Windows-1252 file: %+v, want it refused at ansi.yaml:1:10, byte 0xE9", e)
	}
	// Notepad's "Unicode": UTF-16, little-endian, behind its mark, with Windows line ends.
	text := strings.ReplaceAll(string(mustShipped(t, "teaching-two-party")), "\n", "\r\n")
	unicode := []byte{0xff, 0xfe}
	for _, u := range utf16.Encode([]rune(text)) {
		unicode = binary.LittleEndian.AppendUint16(unicode, u)
	}
	loaded := ask[Loaded](t, a, "load", LoadRequest{Name: "unicode.yaml", Data: unicode})
	if an := ask[sim.Analysis](t, a, "analyze", Query{Scenario: loaded.ID}); an.ZOPA.Count != 4 {
		t.Errorf("teaching-two-party in UTF-16: ZOPA %d, want its 4", an.ZOPA.Count)
	}
}

func mustShipped(t *testing.T, name string) []byte {
	t.Helper()
	a := New(Options{})
	doc, err := a.document(name)
	if err != nil {
		t.Fatal(err)
	}
	out, err := config.Marshal(doc.Scenario)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// The export writes a what-if in forms negsim reads back: the variants block, pasted into
// the file, gives the same analysis as the query.
func TestExportRoundTrip(t *testing.T) {
	a := New(Options{})
	q := Query{Scenario: "ukraine-2026", Variant: "sanctions-bite", Set: []string{
		"actors.russia.reservation=0.4", "actors.russia.preferences.territory.acceptable=[freeze,freeze-dmz,withdraw-donetsk]"}}
	ex := ask[Export](t, a, "export", ExportRequest{Query: q, ID: "mine"})
	// One line, each word as bash, PowerShell and cmd read it (CommandWord).
	if !slices.Equal(ex.Set, q.Set) || ex.Flags != `--set actors.russia.reservation=0.4 --set "actors.russia.preferences.territory.acceptable=[freeze,freeze-dmz,withdraw-donetsk]"` {
		t.Errorf("set %v, flags %q", ex.Set, ex.Flags)
	}
	if !strings.HasPrefix(ex.Variants, "variants:\n") {
		t.Fatalf("variants block:\n%s", ex.Variants)
	}
	// Pasted as the first entry of the file's own variants block.
	file := strings.Replace(string(mustShipped(t, "ukraine-2026")), "\nvariants:\n", "\n"+ex.Variants, 1)
	loaded := ask[Loaded](t, a, "load", LoadRequest{Name: "exported.yaml", Data: []byte(file)})
	viaVariant := ask[sim.Analysis](t, a, "analyze", Query{Scenario: loaded.ID, Variant: "mine"})
	viaQuery := ask[sim.Analysis](t, a, "analyze", q)
	if viaVariant.ZOPA.Count != viaQuery.ZOPA.Count || viaVariant.ZOPA.Count == 956 {
		t.Errorf("the exported variant gives ZOPA %d, the query %d (the variant alone gives 956)", viaVariant.ZOPA.Count, viaQuery.ZOPA.Count)
	}
}

func TestListAndFiles(t *testing.T) {
	files := fstest.MapFS{
		"a.yaml":            {Data: mustShipped(t, "teaching-two-party")},
		"notes.txt":         {Data: []byte("not a scenario")},
		".hidden.yaml":      {Data: []byte("x")},
		"class/b.yml":       {Data: []byte("x")},
		"a/b/c/deep.yaml":   {Data: []byte("x")},
		".git/config.yaml":  {Data: []byte("x")},
		"class/c/ok.json":   {Data: []byte("x")},
		"class/c/d/no.yaml": {Data: []byte("x")},
		// An extension in capitals, as Windows may save it, is a scenario file too.
		"class/Talks.YAML": {Data: mustShipped(t, "teaching-two-party")},
		"class/NOTES.TXT":  {Data: []byte("not a scenario")},
	}
	a := New(Options{Files: files})
	l := ask[ListResponse](t, a, "list", nil)
	if want := []string{"a.yaml", "class/Talks.YAML", "class/b.yml", "class/c/ok.json"}; !slices.Equal(l.Files, want) {
		t.Errorf("files %v, want %v", l.Files, want)
	}
	var names []string
	for _, s := range l.Scenarios {
		names = append(names, s.Name)
		if s.Default != (s.Name == "ukraine-2026") || s.Title == "" {
			t.Errorf("shipped %+v", s)
		}
	}
	if !slices.Contains(names, "teaching-two-party") || !slices.Contains(names, "ukraine-2026") {
		t.Errorf("shipped scenarios %v", names)
	}
	for _, name := range []string{"a.yaml", "class/Talks.YAML"} {
		if an := ask[sim.Analysis](t, a, "analyze", Query{Scenario: "file:" + name}); an.ZOPA.Count != 4 {
			t.Errorf("file:%s: ZOPA %d, want 4", name, an.ZOPA.Count)
		}
	}
}

func TestRefusals(t *testing.T) {
	a := New(Options{Files: fstest.MapFS{"a.yaml": {Data: []byte("name: x")}}, MaxFileSize: 1000})
	cases := []struct {
		method, body, kind, says string
	}{
		{"analyze", `{"scenario": "file:../etc/passwd.yaml"}`, KindInput, "no .."},
		{"analyze", `{"scenario": "file:/etc/x.yaml"}`, KindInput, "no .."},
		{"analyze", `{"scenario": "file:.hidden.yaml"}`, KindInput, "hidden"},
		{"analyze", `{"scenario": "file:missing.yaml"}`, KindNotFound, "no file"},
		{"analyze", `{"scenario": "../ukraine-2026"}`, KindNotFound, "no shipped scenario"},
		{"analyze", `{"scenario": "ukraine-2025"}`, KindNotFound, "did you mean"},
		// A file of the served folder named without file: is pointed to.
		{"analyze", `{"scenario": "a.yaml"}`, KindNotFound, `no shipped scenario "a.yaml"; the served folder's file is file:a.yaml;`},
		{"analyze", `{"scenario": "a"}`, KindNotFound, "the served folder's file is file:a.yaml;"},
		{"analyze", `{"scenario": "doc:0000"}`, KindNotFound, "open the file again"},
		{"analyze", `{"scenario": "teaching-two-party", "set": ["actors.nobody.reservation=0.5"]}`, KindInput, "--set actors.nobody.reservation"},
		{"analyze", `{"scenario": "teaching-two-party", "set": ["actors.candidate.reservation=2"]}`, KindInput, "outside [0,1]"},
		{"analyze", `{"scenario": "teaching-two-party", "variant": "nope"}`, KindInput, "--variant nope"},
		{"analyze", `{"scenario": "teaching-two-party", "limit": -1}`, KindInput, "limit -1"},
		{"analyze", `{"scenario": "teaching-two-party", "lmit": 3}`, KindInput, "unknown field"},
		{"analyze", `{"scenario": 3}`, KindInput, "not valid"},
		{"load", `{"name": "big.yaml", "data": "` + base64.StdEncoding.EncodeToString(bytes.Repeat([]byte("x"), 1001)) + `"}`, KindInput, "larger than 1,000 bytes"},
		{"score", `{"scenario": "teaching-two-party", "deal": "salary=huge"}`, KindInput, "salary"},
		{"rounds", `{"scenario": "teaching-two-party", "protocol": "shouting"}`, KindInput, "protocol"},
		{"export", `{"scenario": "teaching-two-party", "id": "Bad Id"}`, KindInput, "variant id"},
		{"sensitivity!", `{}`, KindNotFound, "no method"},
	}
	for _, c := range cases {
		e := refused(t, a, c.method, c.body)
		if e.Kind != c.kind || !strings.Contains(e.Message, c.says) {
			t.Errorf("%s %s: %s %q; want %s saying %q", c.method, c.body, e.Kind, e.Message, c.kind, c.says)
		}
	}
}

// A request runs under its caller's deadline.
func TestDeadline(t *testing.T) {
	a := New(Options{})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := a.Handle(ctx, "analyze", []byte(`{"scenario": "ukraine-2026", "variant": "sanctions-bite"}`))
	var e *Error
	if !errors.As(err, &e) || e.Kind != KindCanceled {
		t.Errorf("cancelled request: %v", err)
	}
}

// Every result names the what-if it was computed from first, as the command line does.
func TestResultsNameTheirWhatIf(t *testing.T) {
	a := New(Options{})
	out, err := a.Handle(context.Background(), "analyze", []byte(`{"scenario": "teaching-two-party", "set": ["actors.candidate.reservation=0.6"]}`))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(out), "{\n  \"variant\": null,\n  \"overrides\": [\n    \"actors.candidate.reservation=0.6\"\n  ],") {
		t.Errorf("analyze begins %.120q", out)
	}
	out, err = a.Handle(context.Background(), "analyze", []byte(`{"scenario": "ukraine-2026", "variant": "sanctions-bite", "set": ["actors.russia.reservation=0.5"]}`))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(out), "{\n  \"variant\": \"sanctions-bite\",") {
		t.Errorf("a variant with overrides: analyze begins %.80q", out)
	}
}

func TestSensitivity(t *testing.T) {
	a := New(Options{})
	rep := ask[sim.SensitivityReport](t, a, "sensitivity", SensitivityRequest{Query: Query{Scenario: "teaching-two-party"}, Only: []sim.Category{"reservations"}})
	// The job offer's zone holds 4 deals (see TestAnalyzeTeachingExample); --only keeps the
	// two reservations.
	if rep.Headline.Deals != 4 || len(rep.Rows) != 2 {
		t.Errorf("headline %d deals, %d rows; want 4 and the two reservations", rep.Headline.Deals, len(rep.Rows))
	}
	if e := refused(t, a, "sensitivity", `{"scenario": "teaching-two-party", "only": ["reservation"]}`); e.Kind != KindInput || !strings.Contains(e.Message, "reservations") {
		t.Errorf("an unknown category: %+v", e)
	}
}

// The parsed texts kept for later requests are bounded by their size as well as their
// number: a parsed text holds several times its bytes, and 64 texts of --max-file-size
// held a gigabyte. With MaxFileSize 2000 the budget is 8 × 2000 = 16,000 bytes, so of
// twenty texts of about 1,100 bytes (22,000 in all) the first few are let go and the last
// is kept; sixty-four texts by number alone would have kept them all.
func TestLoadedTextsBoundedBySize(t *testing.T) {
	a := New(Options{MaxFileSize: 2000})
	const small = "name: Small\nissues:\n  - id: fee\n    name: Fee\n    options: [{id: low}, {id: high}]\nactors:\n  - id: club\n    name: Club\n    reservation: 0.2\n    preferences:\n      fee: {weight: 1, utilities: {low: 1, high: 0}}\n"
	var ids []string
	for i := range 20 {
		text := small + "# " + strings.Repeat("x", 900) + fmt.Sprint(i) + "\n"
		if len(text) < 1000 || len(text) > 2000 {
			t.Fatalf("text %d is %d bytes", i, len(text))
		}
		ids = append(ids, ask[Loaded](t, a, "load", LoadRequest{Name: "small.yaml", Data: []byte(text)}).ID)
	}
	if e := refused(t, a, "analyze", `{"scenario": "`+ids[0]+`"}`); e.Kind != KindNotFound {
		t.Errorf("the first of twenty texts: %+v, want it let go", e)
	}
	if an := ask[sim.Analysis](t, a, "analyze", Query{Scenario: ids[19]}); an.ZOPA.Count != 1 {
		t.Errorf("the last text: ZOPA %d, want 1 (low: worth 1 to the club, above 0.2)", an.ZOPA.Count)
	}
}

// A word of a command to copy is one word, the same, in bash, PowerShell and Windows' cmd:
// bare when none of them gives its characters a meaning, in double quotes (which all three
// read alike) when it holds a space, '#', brackets, an apostrophe, a letter beyond ASCII or
// a Windows path; in single quotes only when double quotes would not do: a '$' bash and
// PowerShell expand, a '%' cmd expands, a trailing backslash that would escape the quote.
// A file whose name starts with '-' is written ./-NAME, which no command takes for a flag.
// Each is also read back by sh, independently of the rule, as the one word it was.
func TestCommandWord(t *testing.T) {
	for _, c := range []struct{ word, want string }{
		{"teaching-two-party", "teaching-two-party"},
		{"class/job.yaml", "class/job.yaml"},
		{"actors.russia.reservation=0.4", "actors.russia.reservation=0.4"},
		{"group #2.yaml", `"group #2.yaml"`},
		{"mon scénario.yaml", `"mon scénario.yaml"`},
		{"Ana's (draft).yaml", `"Ana's (draft).yaml"`},
		{`C:\Users\ana\Desktop\talks.yaml`, `"C:\Users\ana\Desktop\talks.yaml"`},
		{"a.acceptable=[high, mid]", `"a.acceptable=[high, mid]"`},
		{"$HOME.yaml", `'$HOME.yaml'`},
		{"100%.yaml", `'100%.yaml'`},
		{`C:\class\`, `'C:\class\'`},
		{`\\server\share\a.yaml`, `'\\server\share\a.yaml'`},
		{"-draft.yaml", "./-draft.yaml"},
		{"-draft 2.yaml", `"./-draft 2.yaml"`},
	} {
		got := CommandWord(c.word)
		if got != c.want {
			t.Errorf("CommandWord(%q) = %s, want %s", c.word, got, c.want)
		}
		read := c.word
		if strings.HasPrefix(read, "-") {
			read = "./" + read
		}
		out, err := exec.Command("sh", "-c", "printf '%s\\n' "+got).Output()
		if err != nil || string(out) != read+"\n" {
			t.Errorf("sh reads %s as %q (%v), want %q", got, out, err, read)
		}
	}
}

// A served folder copied from a Mac names "Café" as macOS writes it, "Cafe" and a
// combining acute accent (U+0301); a link typed on a keyboard, or made on another system,
// writes "é" as one character (U+00E9). The link opens the file all the same; two files
// whose names differ only so are two files, each opened by its own spelling. The
// shipped two-party scenario holds 4 deals in its zone (its comments count them by hand).
func TestServedFileNamedInAnotherUnicodeSpelling(t *testing.T) {
	const mac, typed = "class/Cafe\u0301.yaml", "class/Caf\u00e9.yaml"
	a := New(Options{Files: fstest.MapFS{mac: {Data: mustShipped(t, "teaching-two-party")}}})
	if an := ask[sim.Analysis](t, a, "analyze", Query{Scenario: "file:" + typed}); an.ZOPA.Count != 4 {
		t.Errorf("file:%s: ZOPA %d, want 4", typed, an.ZOPA.Count)
	}
	both := New(Options{Files: fstest.MapFS{mac: {Data: mustShipped(t, "teaching-two-party")}, typed: {Data: []byte("name: x")}}})
	if an := ask[sim.Analysis](t, both, "analyze", Query{Scenario: "file:" + mac}); an.ZOPA.Count != 4 {
		t.Errorf("file:%s beside %s: ZOPA %d, want 4", mac, typed, an.ZOPA.Count)
	}
	// typed is its own file, "name: x", which is no scenario.
	if e := refused(t, both, "analyze", `{"scenario": "file:`+typed+`"}`); e.Kind != KindInput {
		t.Errorf("file:%s beside %s: %s %q, want it refused as the scenario it is not", typed, mac, e.Kind, e.Message)
	}
}

// The README has a teacher save negsim.schema.json beside the scenarios for the editor;
// a folder served or checked lists the scenarios, not that schema, which is no scenario.
func TestScenarioFilesLeaveOutTheSchema(t *testing.T) {
	files := fstest.MapFS{
		"negsim.schema.json":      {Data: []byte(`{"$schema": "https://json-schema.org/draft/2020-12/schema"}`)},
		"class/Talks.Schema.JSON": {Data: []byte(`{}`)},
		"talks.yaml":              {Data: []byte("name: x")},
		"class/deal.json":         {Data: []byte(`{"name": "y"}`)},
	}
	got, err := ScenarioFiles(files)
	if want := []string{"class/deal.json", "talks.yaml"}; err != nil || !slices.Equal(got, want) {
		t.Errorf("ScenarioFiles = %q, %v; want %q", got, err, want)
	}
}

// A what-if's warnings are located in its file, as negsim analyze prints them on stderr:
// `negsim analyze ukraine-2026 --variant alaska-2025` warns "ukraine-2026.yaml:400:14:
// actors.ukraine.constraints.0.if.territory: this constraint never applies: …", a warning
// the file as shipped does not give. Overrides are warned of in the same way.
func TestWarningsAreLocated(t *testing.T) {
	a := New(Options{})
	unstyled := func(q Query) []string {
		var out []string
		for _, w := range ask[WarningsResponse](t, a, "warnings", q).Warnings {
			if w.Severity != sim.SeverityStyle {
				out = append(out, w.String())
			}
		}
		return out
	}
	const never = `ukraine-2026.yaml:400:14: actors.ukraine.constraints.0.if.territory: this constraint never applies: actor "ukraine" accepts none of "withdraw-donetsk" or "cede-four" on "territory" anyway, so its if never holds`
	if got := unstyled(Query{Scenario: "ukraine-2026", Variant: "alaska-2025"}); !slices.Equal(got, []string{never}) {
		t.Errorf("alaska-2025 warns %q, want %q", got, never)
	}
	if got := unstyled(Query{Scenario: "ukraine-2026"}); len(got) > 0 {
		t.Errorf("ukraine-2026 as shipped warns %q, want nothing", got)
	}
	// The variant's Ukraine accepts neither opener of the condition; the override gives it
	// cede-four back, and the condition applies again.
	if got := unstyled(Query{Scenario: "ukraine-2026", Variant: "alaska-2025", Set: []string{"actors.ukraine.preferences.territory.acceptable=[freeze,freeze-dmz,cede-four]"}}); len(got) > 0 {
		t.Errorf("alaska-2025 with cede-four acceptable to Ukraine warns %q, want nothing", got)
	}
}
