package main

import (
	"strings"
	"testing"

	"github.com/negsim/negsim/config"
	"github.com/negsim/negsim/sim"
)

// TestReadmeGuaranteesNameEveryLimit: the README's Guarantees section states each limit
// with the value the code enforces, so neither can change without the other.
func TestReadmeGuaranteesNameEveryLimit(t *testing.T) {
	section := readmeSection(t, "Guarantees")
	for _, want := range []string{
		"| nesting | " + count(config.MaxDepth) + " levels |",
		"| values in one file (keys and list items) | " + count(config.MaxValues) + " |",
		"| keys in one block mapping | " + count(config.MaxMappingKeys) + " |",
		"the first " + count(config.MaxErrorsPerFile) + ", then",
		"| " + count(sim.MaxIssues) + ", " + count(sim.MaxOptions) + ", " + count(sim.MaxActors) + " |",
		"| " + count(sim.MaxTrackedDeals) + ", in one draw",
		"| " + count(listCap) + " in `--format csv` or `json`, which stream them; " + count(tableCap) + " in a table",
		"| rounds (`protocol.rounds`, `--rounds`) | " + count(sim.MaxRounds) + " |",
		"| values of a `sweep` (`--steps` or `--values`) | " + count(maxSweepSteps) + " |",
		"4 MiB (`--max-file-size BYTES`)",
		"`NAME.negsim-tmp-XXXXXXXX`",
		"in memory up to 8 MiB",
	} {
		if !strings.Contains(section, want) {
			t.Errorf("the Guarantees section does not say %q", want)
		}
	}
	if config.DefaultMaxBytes != 4<<20 || spoolInMemory != 8<<20 || tempMark != ".negsim-tmp-" || staleAfter.Minutes() != 1 {
		t.Errorf("a limit the README states in words has changed; update the Guarantees section")
	}
}
