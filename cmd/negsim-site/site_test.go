package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io/fs"
	"math"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"golang.org/x/tools/txtar"

	"github.com/negsim/negsim/api"
	"github.com/negsim/negsim/config"
	"github.com/negsim/negsim/internal/pagetest"
	"github.com/negsim/negsim/scenarios"
	"github.com/negsim/negsim/sim"
)

// siteLimit is the issue's bound on the whole site, gzipped.
const siteLimit = 3 << 20

// The static site: written by the command, served by a plain file server, driven in
// Chromium with the engine running in the page as WebAssembly. Every result is compared
// with the API's answer computed natively in this process (the JSON negsim analyze prints).
func TestStaticSite(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the engine for WebAssembly")
	}
	// A teacher's file placed in the folder before the command runs is listed.
	dir, out, _ := siteWithClassFiles(t, "job.yaml")
	t.Log(strings.TrimSpace(out))

	var index struct{ Files []string }
	listed, _ := os.ReadFile(filepath.Join(dir, "scenarios.json"))
	if err := json.Unmarshal(listed, &index); err != nil || len(index.Files) != 1 || index.Files[0] != "class/job.yaml" {
		t.Errorf("scenarios.json: %s (%v); want class/job.yaml alone", listed, err)
	}
	written, zipped := siteSize(t, dir)
	if zipped > siteLimit {
		t.Errorf("the site is %d bytes gzipped, above %d", zipped, siteLimit)
	}
	readmeTellsSize(t, written, zipped)
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			t.Errorf("%s left behind", e.Name())
		}
	}

	pagetest.RequireChromium(t)
	// Opened from the disk, the page cannot start its engine and says how to open it.
	pagetest.DriveOpenedAsFile(t, "file://"+filepath.ToSlash(dir)+"/index.html")

	srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
	t.Cleanup(srv.Close)
	engine := api.New(api.Options{})
	issues := []string{"territory", "recognition", "guarantees", "nato", "military-limits", "foreign-troops", "sanctions", "assets", "sequencing", "eu-path", "language", "interim"}
	oracle := func(variant string, sets []string) pagetest.Answer {
		body, _ := json.Marshal(api.AnalyzeRequest{Query: api.Query{Scenario: "ukraine-2026", Variant: variant, Set: sets}})
		resp, err := engine.Handle(context.Background(), "analyze", body)
		if err != nil {
			t.Fatal(err)
		}
		a, err := pagetest.AnswerOf(resp, issues)
		if err != nil {
			t.Fatal(err)
		}
		return a
	}
	rep := pagetest.Drive(t, srv.URL+"/", "static", oracle)
	t.Logf("static site (WebAssembly): slider move to results, median %.1f ms over %d moves: %v", rep.Median(), len(rep.SliderMS), rep.SliderMS)

	// The report to download, its counts and its print, with the engine in the browser.
	cases := pagetest.ReportCases(t, func(command string, st pagetest.ReportState) []byte {
		body, _ := json.Marshal(api.Query{Scenario: st.Scenario, Variant: st.Variant, Set: st.Sets})
		resp, err := engine.Handle(context.Background(), command, body)
		if err != nil {
			t.Fatal(err)
		}
		return resp
	})
	pagetest.DriveReport(t, srv.URL+"/", "static", cases)

	// The chart's axes follow the parties with a veto as the analysis gives them, the
	// link's axes too: the engine in the browser reads vetoes and links as negsim serve's.
	pagetest.DriveAxesSwap(t, srv.URL+"/")

	// What negsim analyze warns of a variant, as it prints it on stderr, listed by the
	// engine in the browser too.
	alaska := warned(t, "ukraine-2026", "alaska-2025")
	if len(alaska) == 0 {
		t.Fatal("negsim analyze warns of nothing in alaska-2025: the check needs a warning")
	}
	pagetest.DriveWarnings(t, srv.URL+"/", []pagetest.WarningCase{
		{Hash: "scenario=ukraine-2026&variant=alaska-2025", Said: alaska},
		{Hash: "scenario=ukraine-2026", Said: warned(t, "ukraine-2026", "")},
	})

	// The Play view, against the terminal's transcript of the same session.
	want := terminalTranscript(t, "mediated-accept-every-offer")
	pagetest.DrivePlay(t, srv.URL+"/", "static", want)
	// As shipped the seat has no move: the page in the browser's engine must say so too.
	pagetest.DriveIdlePlay(t, srv.URL+"/", "static")
	// A whole session by keyboard at 200% zoom.
	pagetest.DrivePlayZoomed(t, srv.URL+"/")
	// What each move did, first under the next round's heading: the Harborco quota's union
	// under a mediator, in the words `negsim play teaching-harborco-quota --as union --set
	// protocol.kind=mediated` prints for accept, reject and quit (the union holds no veto,
	// so the others talk on, and the rounds after it left name it apart from those who
	// rejected).
	pagetest.DrivePlayAnswered(t, srv.URL+"/", "scenario=teaching-harborco-quota&set=protocol.kind%3Dmediated&view=play&as=union", []pagetest.PlayMove{
		{Move: "accept", Said: []string{"Round 0, the mediator's proposal: accepted by you, Governor and Federal agency; rejected by Harborco (developer), Environmental coalition and Other ports. 3 votes of the 5 needed. No agreement."}},
		{Move: "reject", Said: []string{"Round 1, the mediator's proposal: accepted by Governor and Federal agency; rejected by Harborco (developer), Environmental coalition, you and Other ports. 2 votes of the 5 needed. No agreement."}},
		{Move: "quit", Said: []string{
			"Round 2, the mediator's proposal: accepted by Governor and Federal agency; rejected by Harborco (developer), Environmental coalition, you and Other ports. 2 votes of the 5 needed. No agreement.",
			"Round 3, the mediator's proposal: accepted by Governor and Federal agency; rejected by Harborco (developer), Environmental coalition and Other ports; you had left the table. 2 votes of the 5 needed. No agreement.",
			"Round 4, the mediator's proposal: accepted by Governor and Federal agency; rejected by Harborco (developer), Environmental coalition and Other ports; you had left the table. 2 votes of the 5 needed. No agreement.",
			"Round 5, the mediator's proposal: accepted by Governor and Federal agency; rejected by Harborco (developer), Environmental coalition and Other ports; you had left the table. 2 votes of the 5 needed. No agreement.",
			"Round 6, the mediator's proposal: accepted by Harborco (developer), Governor and Federal agency; rejected by Environmental coalition and Other ports; you had left the table. 3 votes of the 5 needed. No agreement.",
			"Round 7, the mediator's proposal: accepted by Harborco (developer), Governor and Federal agency; rejected by Environmental coalition and Other ports; you had left the table. 3 votes of the 5 needed. No agreement.",
			"Round 8, the mediator's proposal: accepted by Harborco (developer), Governor and Federal agency; rejected by Environmental coalition and Other ports; you had left the table. 3 votes of the 5 needed. No agreement.",
			"Round 9, the mediator's proposal: accepted by Harborco (developer), Other ports, Governor and Federal agency; rejected by Environmental coalition; you had left the table. 4 votes of the 5 needed. No agreement.",
			"You left the table in round 2; the others talked on without you, and your vote counted as no on every proposal after. No deal was agreed by the deadline (round 9): everyone keeps its walk-away value.",
		}},
	})

	// The Rounds view as shipped: each round's reason for nothing on the table, as the
	// engine gives it.
	body, _ := json.Marshal(api.Query{Scenario: "ukraine-2026"})
	resp, err := engine.Handle(context.Background(), "rounds", body)
	if err != nil {
		t.Fatal(err)
	}
	var tr struct {
		Rounds []struct {
			NoText string `json:"no_text"`
		} `json:"rounds"`
	}
	if err := json.Unmarshal(resp, &tr); err != nil {
		t.Fatal(err)
	}
	var noText []string
	for _, rd := range tr.Rounds {
		noText = append(noText, rd.NoText)
	}
	pagetest.DriveNoTextRounds(t, srv.URL+"/", "static", noText)
	pagetest.DriveRoundsAnswers(t, srv.URL+"/", pagetest.RoundsAnswersCases)

	// A student's own file in the browser's engine: said wrong, fixed and chosen again,
	// too large, and its link opened by a classmate, whose browser has an engine of its own.
	pagetest.DriveOwnFileProblems(t, srv.URL+"/")
	pagetest.DriveOwnFileEdited(t, srv.URL+"/", srv.URL+"/")
	// The teacher's files by link: the page fetches them from the site, here served from a
	// sub-folder as GitHub Pages serves https://user.github.io/negsim/.
	pagetest.ListedFiles(t, dir)
	pages := httptest.NewServer(http.StripPrefix("/negsim", http.FileServer(http.Dir(dir))))
	t.Cleanup(pages.Close)
	pagetest.DriveListedFiles(t, pages.URL+"/negsim/")
}

// warned is what negsim analyze prints on stderr for a shipped scenario and variant, each
// warning without its "warning: ": the warnings of the document it opens, notes on style
// left to validate.
func warned(t *testing.T, name, variant string) []string {
	t.Helper()
	data, ok := scenarios.Read(name)
	if !ok {
		t.Fatalf("no shipped %s", name)
	}
	doc, err := config.Open(name+".yaml", data, variant, nil)
	if err != nil {
		t.Fatal(err)
	}
	var said []string
	for _, w := range doc.Warnings {
		if w.Severity != sim.SeverityStyle {
			said = append(said, w.String())
		}
	}
	return said
}

// Two scenario files whose names differ only by case are one file on Windows and macOS,
// where a copy of the site keeps one of them: negsim-site names the two in one warning,
// as negsim serve does, and lists both.
func TestSiteWarnsOfNamesThatDifferByCase(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the engine for WebAssembly")
	}
	dir, _, said := siteWithClassFiles(t, "Job.yaml", "job.yaml", "other.yaml")
	want := "warning: " + filepath.Join(dir, "class", "Job.yaml") + " and " + filepath.Join(dir, "class", "job.yaml") + " differ only by case"
	if !strings.Contains(said, want) || strings.Count(said, "warning:") != 1 {
		t.Errorf("negsim-site says %q; want one warning, %q", said, want)
	}
	var index struct{ Files []string }
	listed, _ := os.ReadFile(filepath.Join(dir, "scenarios.json"))
	if err := json.Unmarshal(listed, &index); err != nil || !slices.Equal(index.Files, []string{"class/Job.yaml", "class/job.yaml", "class/other.yaml"}) {
		t.Errorf("scenarios.json: %s (%v); want the three files", listed, err)
	}
}

// siteWithClassFiles writes the site into a new folder holding, under class/, a teacher's
// file (the job offer) by each of names, and returns the folder and what the command wrote
// to stdout and stderr.
func siteWithClassFiles(t *testing.T, names ...string) (dir, stdout, stderr string) {
	t.Helper()
	dir = t.TempDir()
	data, err := os.ReadFile(filepath.Join("..", "..", "scenarios", "teaching-two-party.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	os.MkdirAll(filepath.Join(dir, "class"), 0o755)
	for _, name := range names {
		os.WriteFile(filepath.Join(dir, "class", name), data, 0o644)
	}
	var out, errOut bytes.Buffer
	if err := run(context.Background(), []string{"-o", dir}, &out, &errOut); err != nil {
		t.Fatalf("negsim-site: %v\n%s", err, errOut.String())
	}
	return dir, out.String(), errOut.String()
}

// The static site at home: opened once while its server answers, then reloaded with the
// server stopped, it comes back from the browser's copy with the same results. Before
// that, the page keeps drawing while its engine works.
//
// A server that holds every request without answering (its address unreachable from home,
// a network that swallows requests) is stopped first: the service worker waits 4 s for the
// first file, then answers the page's dozen files from its copy at once: the page is back
// about 4 s later than from a shut server (8.5 s against 4.2 s here, most of it the engine
// starting), and the test allows 45 s for a loaded machine. Asking the server with no time
// limit, the page stayed blank for as long as the server held the requests. Then the
// server refuses outright, as when it is shut.
func TestStaticSiteOffline(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the engine for WebAssembly")
	}
	pagetest.RequireChromium(t)
	dir := t.TempDir()
	var out, errOut bytes.Buffer
	if err := run(context.Background(), []string{"-o", dir}, &out, &errOut); err != nil {
		t.Fatalf("negsim-site: %v\n%s", err, errOut.String())
	}
	var holding atomic.Bool
	released := make(chan struct{})
	files := http.FileServer(http.Dir(dir))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if holding.Load() {
			select {
			case <-released:
			case <-r.Context().Done():
			}
			// Dropped, not answered: an empty 200 would be kept as the file.
			panic(http.ErrAbortHandler)
		}
		files.ServeHTTP(w, r)
	}))
	shut := sync.OnceFunc(func() {
		close(released)
		srv.CloseClientConnections()
		srv.Close()
	})
	t.Cleanup(shut)
	// The engine's longest question, on the same site while its server answers.
	pagetest.DriveKeepsDrawing(t, srv.URL+"/")
	pagetest.DriveOffline(t, srv.URL+"/", 45*time.Second, func() { holding.Store(true) }, shut)
}

// terminalTranscript is the transcript `negsim play --transcript` wrote in a scripted
// session of cmd/negsim/testdata/play.
func terminalTranscript(t *testing.T, session string) []byte {
	t.Helper()
	ar, err := txtar.ParseFile(filepath.Join("..", "negsim", "testdata", "play", session+".txtar"))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range ar.Files {
		if f.Name == "transcript.json" {
			return f.Data
		}
	}
	t.Fatalf("%s: no transcript.json", session)
	return nil
}

// siteSize is the size of the files in dir, as written and gzipped.
func siteSize(t *testing.T, dir string) (raw, zipped int64) {
	t.Helper()
	err := fs.WalkDir(os.DirFS(dir), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		r, z, err := sizes(filepath.Join(dir, p))
		raw, zipped = raw+r, zipped+z
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return raw, zipped
}

// readmeTellsSize fails when the README's "(about X MB, Y MB gzipped)", which tells a
// teacher how large the folder to host is, is more than 0.2 MB off the site's size, in
// megabytes of 10^6 bytes as the page counts its download.
func readmeTellsSize(t *testing.T, raw, zipped int64) {
	t.Helper()
	readme, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	said := regexp.MustCompile(`\(about\s+([0-9.]+)\s+MB,\s+([0-9.]+)\s+MB\s+gzipped\)`).FindSubmatch(readme)
	if said == nil {
		t.Fatal("the README does not say how large the site is, as (about X MB, Y MB gzipped)")
	}
	for i, size := range []int64{raw, zipped} {
		mb, _ := strconv.ParseFloat(string(said[i+1]), 64)
		if math.Abs(mb-float64(size)/1e6) > 0.2 {
			t.Errorf("the README says the site is %s; it is %.1f MB, %.1f MB gzipped", said[0], float64(raw)/1e6, float64(zipped)/1e6)
			return
		}
	}
}

// Run again on a folder it wrote before, as the package documentation asks after adding
// files, the command lists the teacher's files and not its own index or mode file: listed,
// scenarios.json would appear in the page's list and fail to open as a scenario.
func TestScenarioFilesLeaveOutTheSitesOwn(t *testing.T) {
	dir := t.TempDir()
	data, err := os.ReadFile(filepath.Join("..", "..", "scenarios", "teaching-two-party.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	os.MkdirAll(filepath.Join(dir, "class"), 0o755)
	for name, text := range map[string][]byte{
		"job.yaml":         data,
		"class/b.yaml":     data,
		"scenarios.json":   []byte(`{"files": ["job.yaml"]}` + "\n"),
		"negsim-site.json": []byte(`{"mode": "wasm"}` + "\n"),
		"index.html":       []byte("<!doctype html>\n"),
	} {
		if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(name)), text, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := scenarioFiles(dir, []string{"index.html"})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"class/b.yaml", "job.yaml"}; !slices.Equal(got, want) {
		t.Errorf("scenarioFiles = %q, want %q", got, want)
	}
}

// A stopped run leaves the site as it was, and the staging folders of runs killed outright
// (SIGTERM went unheeded, so a killed build left 10 MB in a hidden folder inside the site,
// uploaded with it) are removed by the next run once they are ten minutes old; a fresh one,
// perhaps another run's, is left alone.
func TestStoppedRunLeavesTheSiteAsItWas(t *testing.T) {
	dir := t.TempDir()
	stale, fresh := filepath.Join(dir, ".negsim-site-1"), filepath.Join(dir, ".negsim-site-2")
	for _, d := range []string{stale, fresh} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(d, "negsim.wasm"), []byte("partial"), 0o644)
	}
	old := time.Now().Add(-20 * time.Minute)
	os.Chtimes(stale, old, old)
	os.WriteFile(filepath.Join(dir, "index.html"), []byte("old"), 0o644)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var out, errOut bytes.Buffer
	if err := run(ctx, []string{"-o", dir}, &out, &errOut); err == nil {
		t.Fatalf("a cancelled run succeeded: %s", out.String())
	}
	entries, _ := os.ReadDir(dir)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if want := []string{".negsim-site-2", "index.html"}; !slices.Equal(names, want) {
		t.Errorf("the folder holds %q after a stopped run, want %q", names, want)
	}
	if data, _ := os.ReadFile(filepath.Join(dir, "index.html")); string(data) != "old" {
		t.Errorf("index.html was replaced by a stopped run: %q", data)
	}
}

// A mistake in the call is answered as negsim answers one, with exit 2 and the usage: a
// missing -o, a word too many, an unknown flag, and -o naming a file, which said only
// "mkdir afile: not a directory" with exit 1. Nothing is built for any of them.
func TestUsageMistakesExitTwo(t *testing.T) {
	file := filepath.Join(t.TempDir(), "afile")
	os.WriteFile(file, []byte("x"), 0o644)
	for _, args := range [][]string{{}, {"-o", t.TempDir(), "extra"}, {"-x"}, {"-o", file}} {
		var out, errOut bytes.Buffer
		err := run(context.Background(), args, &out, &errOut)
		if code := exitCode(err); code != 2 || !strings.Contains(err.Error(), "usage: go run ./cmd/negsim-site -o DIR") {
			t.Errorf("negsim-site %q: exit %d, %v; want 2 and the usage", args, code, err)
		}
	}
	if exitCode(errors.New("building the engine failed")) != 1 {
		t.Error("a failure that is no usage mistake must exit 1")
	}
}

// The engine is built for WebAssembly, where the race detector does not exist: GOFLAGS=-race
// (CI runs the tests so) keeps every other flag and loses -race in each of its spellings.
func TestWithoutRace(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"", ""},
		{"-race", ""},
		{"-race -timeout=30m", "-timeout=30m"},
		{"-mod=mod --race=true -tags=x", "-mod=mod -tags=x"},
		{"-racey -trimpath", "-racey -trimpath"},
	} {
		if got := withoutRace(c.in); got != c.want {
			t.Errorf("withoutRace(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
