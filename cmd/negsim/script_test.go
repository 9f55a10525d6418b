package main

import (
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

// script is one CLI case, a txtar archive in the manner of x/tools' cmd/deadcode testdata:
// its comment names the command and its exit code, and may say more for a test to check;
// its files are the input, written into an empty folder the command runs in, then what the
// command prints on standard output (stdout) and, when the archive has one, on standard
// error (stderr). The comment reads, for example,
//
//	# what the case shows
//	negsim analyze two-by-two.yaml --format json
//	exit 0
type script struct {
	name    string // the archive's name without .txtar
	archive string
	ar      *txtar.Archive
	meta    map[string]string // other "key: value" lines of the comment
	args    []string
	exit    int
	inputs  []txtar.File
	stdout  string
	stderr  *string
}

func readScripts(t *testing.T, dir string) []script {
	t.Helper()
	archives, err := filepath.Glob(filepath.Join("testdata", dir, "*.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(archives)
	var out []script
	for _, path := range archives {
		ar, err := txtar.ParseFile(path)
		if err != nil {
			t.Fatal(err)
		}
		s := script{name: strings.TrimSuffix(filepath.Base(path), ".txtar"), archive: path, ar: ar, meta: map[string]string{}, exit: -1}
		for _, line := range strings.Split(string(ar.Comment), "\n") {
			switch {
			case line == "" || strings.HasPrefix(line, "#"):
			case strings.HasPrefix(line, "negsim "):
				s.args = strings.Fields(line)[1:]
			case strings.HasPrefix(line, "exit "):
				if s.exit, err = strconv.Atoi(strings.TrimPrefix(line, "exit ")); err != nil {
					t.Fatalf("%s: %q", path, line)
				}
			default:
				k, v, ok := strings.Cut(line, ": ")
				if !ok {
					t.Fatalf("%s: the comment line %q is neither a command, an exit code nor key: value", path, line)
				}
				s.meta[k] = v
			}
		}
		for _, f := range ar.Files {
			switch f.Name {
			case "stdout":
				s.stdout = string(f.Data)
			case "stderr":
				text := string(f.Data)
				s.stderr = &text
			default:
				s.inputs = append(s.inputs, f)
			}
		}
		if s.args == nil || s.exit < 0 {
			t.Fatalf("%s lacks a negsim command or an exit line", path)
		}
		out = append(out, s)
	}
	if len(out) == 0 {
		t.Fatalf("no scripts in testdata/%s", dir)
	}
	return out
}

// run runs the script in a fresh folder and checks its exit code and output; -update
// rewrites the output in the archive instead.
func (s script) run(t *testing.T) {
	t.Helper()
	archive, err := filepath.Abs(s.archive)
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(t.TempDir())
	for _, f := range s.inputs {
		if err := os.WriteFile(f.Name, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	stdout, stderr, code := runNegsim(t, s.args...)
	if code != s.exit {
		t.Errorf("exit %d, want %d; stderr:\n%s", code, s.exit, stderr)
	}
	if s.stderr == nil && stderr != "" {
		t.Errorf("stderr %q; the archive has no stderr section, so it wants nothing", stderr)
	}
	if *update {
		updateArchive(t, archive, s.ar, map[string][]byte{"stdout": []byte(stdout), "stderr": []byte(stderr)})
		return
	}
	if stdout != s.stdout {
		t.Errorf("stdout differs from %s's; run go test ./cmd/negsim -update if the change is intended\ngot:\n%s\nwant:\n%s", s.archive, stdout, s.stdout)
	}
	if s.stderr != nil && stderr != *s.stderr {
		t.Errorf("stderr differs from %s's\ngot:\n%s\nwant:\n%s", s.archive, stderr, *s.stderr)
	}
}

// TestScripts runs the CLI cases of testdata/script.
func TestScripts(t *testing.T) {
	for _, s := range readScripts(t, "script") {
		t.Run(s.name, s.run)
	}
}

// updateArchive, for -update, replaces the sections of ar that got names with what the
// program printed and writes the archive back to path; a section the archive lacks is not
// added, since its absence is part of what the case expects.
func updateArchive(t *testing.T, path string, ar *txtar.Archive, got map[string][]byte) {
	t.Helper()
	for i := range ar.Files {
		if data, ok := got[ar.Files[i].Name]; ok {
			ar.Files[i].Data = data
		}
	}
	if err := os.WriteFile(path, txtar.Format(ar), 0o644); err != nil {
		t.Fatal(err)
	}
}
