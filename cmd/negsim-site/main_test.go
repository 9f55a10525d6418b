package main

import (
	"os"
	"testing"

	"github.com/negsim/negsim/internal/pagetest"
)

// asSite makes the test binary run as negsim-site itself, main and all: a test that sends
// a real signal needs a process of its own with main's signal handling.
const asSite = "NEGSIM_SITE_TEST_RUN_MAIN"

// The browser checks share one Chromium, which closes once every test has run.
func TestMain(m *testing.M) {
	if os.Getenv(asSite) == "1" {
		main()
		os.Exit(0)
	}
	os.Exit(pagetest.Main(m))
}
