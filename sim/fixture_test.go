package sim_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/negsim/negsim/config"
)

// fixture is the text of testdata/name, a scenario small enough to work out by hand; its
// comments give the values the tests' arithmetic starts from.
func fixture(t testing.TB, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// loadFixture is testdata/name loaded as a scenario document.
func loadFixture(t testing.TB, name string) *config.Document {
	t.Helper()
	return loadYAML(t, fixture(t, name))
}

func loadYAML(t testing.TB, src string) *config.Document {
	t.Helper()
	doc, err := config.Load("test.yaml", []byte(src))
	if err != nil {
		t.Fatalf("loading the test scenario: %v", err)
	}
	return doc
}
