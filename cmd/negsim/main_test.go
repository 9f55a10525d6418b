package main

import (
	"os"
	"testing"

	"github.com/negsim/negsim/internal/pagetest"
)

// The browser checks share one Chromium, which closes once every test has run.
func TestMain(m *testing.M) { os.Exit(pagetest.Main(m)) }
