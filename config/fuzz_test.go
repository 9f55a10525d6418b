package config

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/negsim/negsim/internal/diagtest"
	"github.com/negsim/negsim/scenarios"
	"github.com/negsim/negsim/sim"
)

// fuzzMaxDeals keeps each fuzz input's analysis to a few milliseconds, as --max-deals
// would: the fuzzer looks for panics, not for slow but honest large spaces.
const fuzzMaxDeals = 4096

// maxSeedBytes leaves the 32 KB reference scenario out of the seeds: the fuzzer minimises
// every new input it finds byte by byte, and on a file that large one minimisation takes
// the whole of a short CI run.
const maxSeedBytes = 8 << 10

// addFileSeeds seeds a fuzz target with the shipped teaching scenarios and every file of
// the broken and hostile corpora, so mutations start from real files and real mistakes.
func addFileSeeds(f *testing.F) {
	f.Helper()
	for _, name := range scenarios.Names() {
		data, ok := scenarios.Read(name)
		if !ok {
			f.Fatalf("shipped scenario %s cannot be read", name)
		}
		if len(data) <= maxSeedBytes {
			f.Add(data)
		}
	}
	hostile, _ := filepath.Glob(filepath.Join("..", "cmd", "negsim", "testdata", "hostile", "*.yaml"))
	broken, _ := filepath.Glob(filepath.Join("..", "cmd", "negsim", "testdata", "broken", "*.txtar"))
	for _, file := range append(hostile, broken...) {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		if filepath.Ext(file) == ".txtar" {
			// The scenario is the archive's first file; the second is what validate says.
			data = txtar.Parse(data).Files[0].Data
		}
		if len(data) <= maxSeedBytes {
			f.Add(data)
		}
	}
}

// FuzzLoad feeds arbitrary bytes to the loader: it returns a scenario or an sim.Diagnostics,
// never panics, and a scenario it returns compiles and analyses without panicking.
func FuzzLoad(f *testing.F) {
	addFileSeeds(f)
	f.Add([]byte("name: x\nissues: [{id: a, name: A, options: [{id: b}]}]\nactors: [{id: c, name: C, preferences: {a: {weight: 1, ideal: b}}}]\n"))
	f.Add([]byte("{\"name\": \"json\", \"issues\": [], \"actors\": []}"))
	f.Add([]byte("\xef\xbb\xbfname: x\r\nissues: []\r\n"))
	f.Add([]byte("a: &a [*a]"))
	f.Add([]byte("reservation: 1e400"))
	f.Add([]byte("---\n---\nname: x\n...\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := Load("fuzz.yaml", data)
		if err != nil {
			diagtest.WantLocated(t, err, "fuzz.yaml")
			return
		}
		if _, err := Plain("fuzz.yaml", data); err != nil {
			t.Fatalf("Load accepts the file but Plain refuses it: %v", err)
		}
		analyzeSmall(t, doc.Scenario)
	})
}

// analyzeSmall compiles a scenario the loader accepted and analyses it when its space is
// small; a loaded scenario is valid, so compiling it must succeed.
func analyzeSmall(t *testing.T, sc *sim.Scenario) {
	t.Helper()
	sp, err := sim.Compile(sc)
	if err != nil {
		t.Fatalf("a loaded scenario does not compile: %v", err)
	}
	if n, countable := sp.Deals(); !countable || n > fuzzMaxDeals {
		return
	}
	_, err = sim.Analyze(context.Background(), sp, sim.Options{Limit: 3, Workers: 1})
	if err != nil {
		t.Fatalf("analysis failed: %v", err)
	}
}

// FuzzOverride feeds arbitrary --set arguments to a shipped scenario: each is parsed and
// applied or refused with a usage error, never a panic, and what is accepted still
// compiles and analyses.
func FuzzOverride(f *testing.F) {
	data, ok := scenarios.Read("teaching-two-party")
	if !ok {
		f.Fatal("shipped scenario teaching-two-party is missing")
	}
	for _, s := range []string{
		"actors.union.reservation=0.4",
		"actors[0].reservation=0.4",
		"actors.union.veto=false",
		"actors.union.power=1e400",
		"actors.union.reservation=NaN",
		"actors.union.reservation=.inf",
		"actors.union.preferences.wage.weight=-1",
		"actors.union.preferences.wage.utilities.low=0.5",
		"actors.union.strategy.kind=boulware",
		"issues[0].options[0].id=x",
		"issues[99].name=x",
		"actors.union=",
		"name=",
		"=1",
		"protocol.rounds=99999999999999999999",
		"actors.union.preferences.wage.acceptable=[low]",
		"actors.union.preferences.wage.acceptable=[low, [high]]",
		"actors.union.preferences.wage.acceptable=[",
		"actors.union.constraints.0.if.wage.0=low",
		"a.b.c.d.e.f=1",
		"actors..reservation=1",
		"actors[-1].reservation=1",
		"actors.union.preferences.wage.ideal=",
	} {
		f.Add(s)
	}
	shipped, err := Load("teaching-two-party.yaml", data)
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, arg string) {
		// Apply replaces the document's scenario with an edited clone, so a shallow copy
		// of the document keeps each input independent of the others.
		copied := *shipped
		doc := &copied
		o, err := ParseOverride(arg)
		if err != nil {
			if !errors.Is(err, ErrUsage) {
				t.Fatalf("ParseOverride(%q) = %v, want a usage error", arg, err)
			}
			return
		}
		// Set on a bare copy must not panic whatever the path; Apply then judges the result.
		_ = doc.Scenario.Clone().Set(o.Path, o.Value)
		if err := doc.Apply("", []Override{o}); err != nil {
			if !errors.Is(err, ErrUsage) {
				t.Fatalf("Apply(%q) = %v, want a usage error", arg, err)
			}
			return
		}
		analyzeSmall(t, doc.Scenario)
	})
}
