package web_test

import (
	"io/fs"
	"regexp"
	"testing"

	"github.com/negsim/negsim/sim"
	"github.com/negsim/negsim/web"
)

// The page lists the bargaining solutions in chart.js's SOLUTIONS, which its zone table,
// its frontier chart and its report read; the engine names them in sim's solution table.
// A solution added to the engine alone is in every --format of analyze and in the API's
// JSON, yet the page never shows it; this test fails instead.
func TestPageListsEverySolution(t *testing.T) {
	block := declared(t, "chart.js", `(?s)export const SOLUTIONS = \[(.*?)\n\];`, "export const SOLUTIONS = [...]; update this test to where the page lists the solutions")
	type solution struct{ key, title string }
	var page []solution
	for _, m := range regexp.MustCompile(`\{key: "([^"]*)", title: "([^"]*)"`).FindAllSubmatch(block[1], -1) {
		page = append(page, solution{string(m[1]), string(m[2])})
	}
	var engine []solution
	for _, ns := range (&sim.Solutions{}).Named() {
		engine = append(engine, solution{string(ns.Key), ns.Title})
	}
	if len(page) != len(engine) {
		t.Fatalf("chart.js's SOLUTIONS lists %d solutions %v; the engine reports %d %v: give each a key, its title and a marker shape there", len(page), page, len(engine), engine)
	}
	for i := range engine {
		if page[i] != engine[i] {
			t.Errorf("solution %d: chart.js has %+v, the engine %+v (sim/solutions.go's solutionTable, in the same order)", i, page[i], engine[i])
		}
	}
}

// declared is the match of pattern in the page's file name, its groups after it. A test
// that holds one of the page's own lists to the engine fails, saying what the file no
// longer declares (missing), when the list moves.
func declared(t *testing.T, name, pattern, missing string) [][]byte {
	t.Helper()
	src, err := fs.ReadFile(web.Files, name)
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(pattern).FindSubmatch(src)
	if m == nil {
		t.Fatalf("%s no longer declares %s", name, missing)
	}
	return m
}
