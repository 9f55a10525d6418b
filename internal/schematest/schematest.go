// Package schematest compiles negsim's JSON Schema for the tests that check scenario files
// against it: config's, which generate it, and cmd/negsim's, which print it and validate
// the same files by the other route.
package schematest

import (
	"bytes"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// Compile compiles the schema that generate returns, published under name, and fails the
// test when it cannot be generated, read or compiled.
func Compile(t testing.TB, name string, generate func() ([]byte, error)) *jsonschema.Schema {
	t.Helper()
	data, err := generate()
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("the generated schema is not JSON: %v", err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource(name, doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile(name)
	if err != nil {
		t.Fatalf("the generated schema does not compile: %v", err)
	}
	return sch
}
