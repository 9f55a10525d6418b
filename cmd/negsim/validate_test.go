package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/negsim/negsim/config"
	"github.com/negsim/negsim/internal/listtest"
	"github.com/negsim/negsim/sim"
)

// TestValidateJSONIsData checks the numbers of validate --format json against the files:
// fixture.yaml has two warnings and no error (alpha's weights 3 + 1 sum to 4, not 100;
// option q of y is worth 0 to alpha, whose ideal is p, and beta gives y no weight), and
// nan.yaml one error, on line 29 (the comment line, then West's reservation on line 28 of
// the base file), column 18 where the value starts.
func TestValidateJSONIsData(t *testing.T) {
	nan, _ := brokenScenario(t, "nan")
	stdout, stderr, code := runNegsim(t, "validate", "--format", "json", explainFixture, nan)
	if code != exitBadUse || stderr != "" {
		t.Fatalf("exit %d, stderr %q; want 2 and nothing", code, stderr)
	}
	v := decodeJSON[validation](t, "validate", stdout)
	if want := (summaryCounts{Files: 2, Valid: 1, Invalid: 1, Errors: 1, Warnings: 2}); v.Summary != want {
		t.Errorf("summary %+v; want %+v", v.Summary, want)
	}
	if len(v.Files) != 2 || !v.Files[0].Valid || v.Files[1].Valid {
		t.Fatalf("files %+v; want the fixture valid and nan.yaml not", v.Files)
	}
	paths := listtest.Map(v.Files[0].Warnings, func(w sim.Diagnostic) string { return w.Path })
	if got := strings.Join(paths, " "); got != "issues.y.options.q actors.alpha.preferences" {
		t.Errorf("warnings at %s; want issues.y.options.q then actors.alpha.preferences (file order)", got)
	}
	if e := v.Files[1].Errors[0]; e.Line != 29 || e.Col != 18 || e.Path != "actors.west.reservation" {
		t.Errorf("nan.yaml error %+v; want 29:18 at actors.west.reservation", e)
	}

	if _, _, code := runNegsim(t, "validate", explainFixture); code != exitOK {
		t.Errorf("warnings alone: exit %d; want 0", code)
	}
	stdout, _, code = runNegsim(t, "validate", "--strict", explainFixture)
	if code != exitBadUse || !strings.Contains(stdout, "fixture.yaml: invalid (2 warnings)") || !strings.Contains(stdout, "--strict counts them as errors") {
		t.Errorf("--strict: exit %d\n%s; want exit 2 and the file invalid for its warnings", code, stdout)
	}
}

// A class folder validates in one word, and scenarios/*.yaml as the Windows command prompt
// and PowerShell pass it on, unexpanded: each reads the folder's scenario files in name
// order (garden.yaml, then two-by-two.yaml), as the files named one by one do, and leaves
// its notes out.
func TestValidateReadsAFolderOrAPattern(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"garden.yaml", "two-by-two.yaml"} {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("not a scenario"), 0o644); err != nil {
		t.Fatal(err)
	}
	want := runOK(t, "validate", filepath.Join(dir, "garden.yaml"), filepath.Join(dir, "two-by-two.yaml"))
	if !strings.Contains(want, "2 files: 2 valid") {
		t.Fatalf("the two files named: %s", want)
	}
	for _, word := range []string{dir, filepath.Join(dir, "*.yaml"), filepath.Join(dir, "*")} {
		if word == filepath.Join(dir, "*") {
			// A pattern stands for what it matches, as in a shell: notes.txt too.
			stdout, _, code := runNegsim(t, "validate", word)
			if code != exitBadUse || !strings.Contains(stdout, "3 files: 2 valid, 1 invalid") {
				t.Errorf("validate %s: exit %d\n%s; want notes.txt read and invalid", word, code, stdout)
			}
			continue
		}
		if got := runOK(t, "validate", word); got != want {
			t.Errorf("validate %s:\n%s\nwant what the files named give:\n%s", word, got, want)
		}
	}
	empty := t.TempDir()
	if _, stderr, code := runNegsim(t, "validate", empty); code != exitBadUse || stderr != "negsim: the folder "+empty+" holds no scenario file (.yaml, .yml or .json)\n" {
		t.Errorf("an empty folder: exit %d, %q", code, stderr)
	}
}

func TestSchemaCommand(t *testing.T) {
	want, err := config.Schema()
	if err != nil {
		t.Fatal(err)
	}
	stdout, _, code := runNegsim(t, "schema")
	if code != exitOK || stdout != string(want) {
		t.Errorf("negsim schema: exit %d, output differs from config.Schema", code)
	}
	shipped, err := os.ReadFile(filepath.Join("..", "..", "scenarios", config.SchemaFile))
	if err != nil {
		t.Fatal(err)
	}
	if strings.ReplaceAll(string(shipped), "\r\n", "\n") != stdout {
		t.Error("scenarios/negsim.schema.json differs from negsim schema; run go test ./config -update")
	}
	stdout, _, code = runNegsim(t, "schema", "--format", "markdown")
	if code != exitOK || !strings.Contains(stdout, "| actors[].preferences.ISSUE.weight ") || !strings.Contains(stdout, "| actors[].veto ") {
		t.Errorf("schema --format markdown: exit %d; want a field reference:\n%s", code, stdout)
	}
}

// validate's help gives "negsim validate --strict scenarios" as an example, and the
// shipped folder holds negsim.schema.json beside the scenarios, as the README tells a
// teacher to keep it: the folder stands for its 8 scenarios, not for the schema, which
// validate read as a scenario with 10 errors.
func TestValidateFolderLeavesOutTheSchema(t *testing.T) {
	out, _, _ := runNegsim(t, "validate", filepath.Join("..", "..", "scenarios"))
	if strings.Contains(out, "negsim.schema.json") {
		t.Errorf("validate reads the schema as a scenario:\n%s", out)
	}
	if !strings.Contains(out, "\n8 files: ") {
		t.Errorf("validate does not check the folder's 8 scenarios:\n%s", out)
	}
}

// A teacher copies what the brief shows, an issue's name or an option's label, where the
// file wants the id: validate points to the id, as score does for a deal. It answered
// "Monthly rent" with the list of ids alone, and "1,800 a month" likewise.
func TestValidatePointsANameOrLabelToItsID(t *testing.T) {
	file := writeTemp(t, "lease.yaml", `name: Lease
issues:
  - id: rent
    name: Monthly rent
    options:
      - {id: low, label: "1,800 a month"}
      - {id: high, label: "2,400 a month"}
actors:
  - id: cafe
    name: Cafe
    reservation: 0.3
    preferences:
      Monthly rent: {weight: 1, utilities: {low: 1, high: 0}}
  - id: landlord
    name: Landlord
    reservation: 0.3
    preferences:
      rent: {weight: 1, utilities: {low: 0, high: 1}, acceptable: ["2,400 a month"]}
`)
	out, _, _ := runNegsim(t, "validate", file)
	for _, want := range []string{
		`:13:7: actors.cafe.preferences.Monthly rent: no issue "Monthly rent"; did you mean "rent"? ("Monthly rent" is its name; the file names each issue by its id) valid: "rent"`,
		`:18:68: actors.landlord.preferences.rent.acceptable.0: issue "rent" has no option "2,400 a month"; did you mean "high"? ("2,400 a month" is its label; the file names each option by its id) valid: "low" or "high"`,
	} {
		wantContains(t, "validate", out, want)
	}
}
