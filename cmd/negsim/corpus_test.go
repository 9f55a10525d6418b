package main

import (
	"os"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/negsim/negsim/config"
	"github.com/negsim/negsim/internal/schematest"
	"github.com/negsim/negsim/scenarios"
)

func compiledSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	return schematest.Compile(t, config.SchemaFile, config.Schema)
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

// brokenCases are the scripts of testdata/broken, one kind of mistake each: a scenario,
// validate's report on it, and how the JSON Schema sees the file, said by a comment line
// "schema: KIND" where KIND is one of:
//   - schema: the schema refuses the file, so an editor flags it as the teacher types.
//   - syntax: the file is not one YAML document a schema can be applied to (a parse
//     error, several documents, aliases beyond the budget, a key written twice); editors
//     flag these as YAML errors, and negsim refuses them before any schema question.
//   - semantic: the schema accepts the file, because the mistake is only visible across
//     the file (an issue or option that does not exist, utilities that miss an option,
//     duplicate ids, weights that add up to nothing, a variant path leading nowhere, a
//     constraint that cannot be met) or is a rule no single value breaks.
type brokenCase struct {
	script
	file   string // the scenario inside, as the command names it
	data   []byte
	schema string
}

func brokenCases(t *testing.T) []brokenCase {
	t.Helper()
	scripts := readScripts(t, "broken")
	if len(scripts) < 20 {
		t.Fatalf("only %d broken files; the corpus holds at least 20 kinds of mistake", len(scripts))
	}
	var cases []brokenCase
	for _, s := range scripts {
		c := brokenCase{script: s, schema: s.meta["schema"]}
		if len(s.inputs) != 1 || c.schema == "" {
			t.Fatalf("%s: want one scenario file and a schema: line", s.archive)
		}
		c.file, c.data = s.inputs[0].Name, s.inputs[0].Data
		cases = append(cases, c)
	}
	return cases
}

// brokenScenario writes the scenario of testdata/broken/NAME.txtar into a fresh folder and
// returns its path, with what validate prints for it.
func brokenScenario(t *testing.T, name string) (path, validateSays string) {
	t.Helper()
	for _, c := range brokenCases(t) {
		if c.name == name {
			return writeTemp(t, c.file, string(c.data)), c.stdout
		}
	}
	t.Fatalf("testdata/broken holds no %s.txtar", name)
	return "", ""
}

// TestBrokenCorpus runs each broken file as a student would and checks what negsim prints
// and how the schema sees the file. -update rewrites each archive's stdout.
func TestBrokenCorpus(t *testing.T) {
	sch := compiledSchema(t)
	for _, c := range brokenCases(t) {
		t.Run(c.name, func(t *testing.T) {
			if _, err := config.Load(c.file, c.data); err == nil {
				t.Errorf("the loader accepts %s", c.file)
			}
			got, err := schemaVerdict(sch, c.file, c.data)
			if got == "" {
				got = "semantic"
			}
			if got != c.schema {
				t.Errorf("the schema side sees %s as %s (%v); the archive says %s", c.file, got, err, c.schema)
			}
			c.run(t)
		})
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

// TestSchemaStricterThanLoader pins the only places where the schema refuses what the
// loader accepts, both on purpose: a number or true/false written where text belongs (the
// loader keeps the text as written, so id: 001 stays "001", but an editor reads a number
// and asks for quotes), and a field with nothing after it (the loader treats it as absent;
// an editor asks for a value or for the line to go).
func TestSchemaStricterThanLoader(t *testing.T) {
	sch := compiledSchema(t)
	typo, _ := brokenScenario(t, "typo-field")
	base, err := os.ReadFile(typo)
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
