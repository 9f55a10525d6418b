package main

import (
	"path/filepath"
	"testing"

	"github.com/negsim/negsim/config"
	"github.com/negsim/negsim/sim"
)

// The performance cases as files, so that the README's whole-process figures can be
// reproduced with the binary alone; they must stay what the generator makes.
func TestPerfScenarioFiles(t *testing.T) {
	for _, c := range sim.PerfCases {
		data, err := config.Marshal(sim.Generate(c.Spec))
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join("testdata", "perf", c.Name+".yaml")
		checkGolden(t, path, string(data))
		if _, err := config.Load(path, data); err != nil {
			t.Errorf("%s does not load: %v", path, err)
		}
	}
}
