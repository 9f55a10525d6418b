package main

import (
	"bytes"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/negsim/negsim/config"
	"github.com/negsim/negsim/scenarios"
)

// brokenKinds says, for each file of testdata/broken (one kind of mistake each), how the
// JSON Schema sees it. Every file fails the loader; the question is whether an editor
// using the schema flags it too.
//
//   - schema: the schema refuses the file, so an editor flags it as the teacher types.
//   - syntax: the file is not one YAML document a schema can be applied to (a parse
//     error, several documents, aliases beyond the budget, a key written twice); editors
//     flag these as YAML errors, and negsim refuses them before any schema question.
//   - semantic: the schema accepts the file, because the mistake is only visible across
//     the file (an issue or option that does not exist, utilities that miss an option,
//     duplicate ids, weights that add up to nothing, a variant path leading nowhere, a
//     constraint that cannot be met) or is a rule no single value breaks.
var brokenKinds = map[string]string{
	"anchor-bomb":                     "syntax",
	"bad-id":                          "schema",
	"constraint-contradiction":        "semantic",
	"constraint-unknown-option":       "semantic",
	"duplicate-ids":                   "semantic",
	"duplicate-key":                   "syntax",
	"empty":                           "syntax",
	"empty-acceptable":                "schema",
	"exponent-without-time-dependent": "schema",
	"missing-name":                    "schema",
	"missing-reservation":             "schema",
	"missing-utility":                 "semantic",
	"missing-weight":                  "schema",
	"nan":                             "schema",
	"negative-weight":                 "schema",
	"no-veto":                         "semantic",
	"not-a-scenario":                  "schema",
	"not-yaml":                        "syntax",
	"power-zero":                      "schema",
	"quoted-number":                   "schema",
	"reservation-out-of-range":        "schema",
	"shape-without-ideal":             "schema",
	"tab-indentation":                 "syntax",
	"text-for-number":                 "schema",
	"time-dependent-without-exponent": "schema",
	"two-documents":                   "syntax",
	"typo-field":                      "schema",
	"unknown-issue":                   "semantic",
	"unknown-mediator":                "semantic",
	"unknown-strategy":                "schema",
	"utilities-and-ideal":             "schema",
	"utility-above-one":               "schema",
	"variant-bad-path":                "semantic",
	"zero-weights":                    "semantic",
}

func compiledSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	data, err := config.Schema()
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource(config.SchemaFile, doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile(config.SchemaFile)
	if err != nil {
		t.Fatal(err)
	}
	return sch
}

// schemaVerdict is how the schema side sees a file: "syntax" when it cannot be read as
// one document, "schema" when the schema refuses it, "" when the schema accepts it.
func schemaVerdict(sch *jsonschema.Schema, name string, data []byte) (string, error) {
	v, err := config.Plain(name, data)
	if err != nil {
		return "syntax", err
	}
	if err := sch.Validate(v); err != nil {
		return "schema", err
	}
	return "", nil
}

func brokenFiles(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", "broken", "*.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(files)
	if len(files) < 20 {
		t.Fatalf("only %d broken files; the corpus holds at least 20 kinds of mistake", len(files))
	}
	return files
}

func TestBrokenFilesFailLoaderAndSchemaWherePossible(t *testing.T) {
	sch := compiledSchema(t)
	seen := map[string]bool{}
	for _, file := range brokenFiles(t) {
		name := strings.TrimSuffix(filepath.Base(file), ".yaml")
		seen[name] = true
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := config.Load(name+".yaml", data); err == nil {
				t.Errorf("the loader accepts %s", file)
			}
			want, ok := brokenKinds[name]
			if !ok {
				t.Fatalf("%s is not in brokenKinds; add it with how the schema sees it", name)
			}
			got, err := schemaVerdict(sch, name+".yaml", data)
			if got == "" {
				got = "semantic"
			}
			if got != want {
				t.Errorf("the schema side sees %s as %s (%v); brokenKinds says %s", file, got, err, want)
			}
		})
	}
	for name := range brokenKinds {
		if !seen[name] {
			t.Errorf("brokenKinds lists %s, which testdata/broken does not hold", name)
		}
	}
}

func TestShippedScenariosPassLoaderAndSchema(t *testing.T) {
	sch := compiledSchema(t)
	for _, name := range scenarios.Names() {
		data, _ := scenarios.Read(name)
		if _, err := config.Load(name+".yaml", data); err != nil {
			t.Errorf("%s fails the loader: %v", name, err)
		}
		if kind, err := schemaVerdict(sch, name+".yaml", data); kind != "" {
			t.Errorf("%s fails the schema: %v", name, err)
		}
	}
}

// TestValidateBrokenGolden pins what a student sees for each kind of mistake.
func TestValidateBrokenGolden(t *testing.T) {
	t.Chdir(filepath.Join("testdata", "broken"))
	files, err := filepath.Glob("*.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(file, ".yaml"), func(t *testing.T) {
			stdout, stderr, code := runNegsim(t, "validate", file)
			if code != exitBadUse || stderr != "" {
				t.Errorf("exit %d, stderr %q; want exit %d and nothing on stderr", code, stderr, exitBadUse)
			}
			if !strings.Contains(stdout, file+": invalid (") || !strings.Contains(stdout, "1 file: 0 valid, 1 invalid") {
				t.Errorf("output does not report %s invalid with a summary:\n%s", file, stdout)
			}
			checkGolden(t, strings.TrimSuffix(file, ".yaml")+".golden", stdout)
		})
	}
}

// TestSchemaStricterThanLoader pins the only places where the schema refuses what the
// loader accepts, both on purpose: a number or true/false written where text belongs (the
// loader keeps the text as written, so id: 001 stays "001", but an editor reads a number
// and asks for quotes), and a field with nothing after it (the loader treats it as absent;
// an editor asks for a value or for the line to go).
func TestSchemaStricterThanLoader(t *testing.T) {
	sch := compiledSchema(t)
	base, err := os.ReadFile(filepath.Join("testdata", "broken", "typo-field.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	valid := strings.Replace(string(base), "reservaton", "reservation", 1)
	for name, edit := range map[string][2]string{
		"number as an id":   {"name: Border talks\n", "name: Border talks\nsources:\n  - id: 001\n    title: A report\n"},
		"number as a label": {"      - id: keep\n", "      - id: keep\n        label: 2026\n"},
		"empty value":       {"    name: West\n", "    name: West\n    note:\n"},
	} {
		data := []byte(strings.Replace(valid, edit[0], edit[1], 1))
		if string(data) == valid {
			t.Fatalf("%s: the edit changed nothing", name)
		}
		if _, err := config.Load("lenient.yaml", data); err != nil {
			t.Errorf("%s: the loader refuses it: %v", name, err)
		}
		if kind, _ := schemaVerdict(sch, "lenient.yaml", data); kind != "schema" {
			t.Errorf("%s: the schema side sees %q; want the schema to refuse it", name, kind)
		}
	}
}
