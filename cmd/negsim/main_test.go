package main

import (
	"os"
	"testing"
)

// asNegsim makes the test binary run as negsim itself, main and all: a test that sends a
// real signal needs a process of its own with main's signal handling.
const asNegsim = "NEGSIM_TEST_RUN_MAIN"

func TestMain(m *testing.M) {
	if os.Getenv(asNegsim) == "1" {
		main()
	}
	os.Exit(m.Run())
}
