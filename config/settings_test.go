package config

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/spf13/pflag"
)

func flags(t *testing.T, args ...string) *pflag.FlagSet {
	t.Helper()
	fl := pflag.NewFlagSet("test", pflag.ContinueOnError)
	RegisterFlags(fl)
	if err := fl.Parse(args); err != nil {
		t.Fatal(err)
	}
	return fl
}

// withoutUserConfig keeps the settings file of the machine running the tests out of the
// way.
func withoutUserConfig(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	t.Setenv("HOME", t.TempDir())
}

func TestSettingsPrecedence(t *testing.T) {
	withoutUserConfig(t)
	file := filepath.Join(t.TempDir(), "negsim.yaml")
	if err := os.WriteFile(file, []byte("format: markdown\nworkers: 3\ntimeout: 1m\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := ResolveSettings(flags(t))
	if err != nil {
		t.Fatal(err)
	}
	if s.Format != "table" || s.MaxDeals != DefaultMaxDeals || s.Workers != 0 || s.File != "" {
		t.Errorf("defaults: %+v", s)
	}
	// The file beats the defaults.
	s, err = ResolveSettings(flags(t, "--config", file))
	if err != nil {
		t.Fatal(err)
	}
	if s.Format != "markdown" || s.Workers != 3 || s.Timeout != time.Minute {
		t.Errorf("from the file: %+v", s)
	}
	// The environment beats the file; a flag beats the environment.
	t.Setenv("NEGSIM_FORMAT", "json")
	t.Setenv("NEGSIM_WORKERS", "2")
	s, err = ResolveSettings(flags(t, "--config", file, "--workers", "1"))
	if err != nil {
		t.Fatal(err)
	}
	if s.Format != "json" || s.Workers != 1 {
		t.Errorf("env over file, flag over env: %+v", s)
	}
}

func TestSettingsErrors(t *testing.T) {
	withoutUserConfig(t)
	bad := filepath.Join(t.TempDir(), "bad.yaml")
	if err := os.WriteFile(bad, []byte("fromat: json\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cases := map[string][]string{
		"unknown format":   {"--format", "xml"},
		"missing file":     {"--config", filepath.Join(t.TempDir(), "none.yaml")},
		"unknown setting":  {"--config", bad},
		"negative workers": {"--workers", "-1"},
	}
	for name, args := range cases {
		if _, err := ResolveSettings(flags(t, args...)); !errors.Is(err, ErrUsage) {
			t.Errorf("%s: err = %v, want a usage error", name, err)
		}
	}
	t.Setenv("NEGSIM_WORKERS", "many")
	if _, err := ResolveSettings(flags(t)); !errors.Is(err, ErrUsage) {
		t.Errorf("NEGSIM_WORKERS=many: err = %v, want a usage error naming the setting", err)
	}
}

// An unknown format that comes from the environment says so: no --format was typed, and
// the variable may have been set long before. A flag's own slip is named as it was.
func TestAFormatFromTheEnvironmentIsNamedAsSuch(t *testing.T) {
	withoutUserConfig(t)
	t.Setenv("NEGSIM_FORMAT", "jsn")
	_, err := ResolveSettings(flags(t))
	if want := `variable NEGSIM_FORMAT: unknown format "jsn"; did you mean "json"? valid: table, markdown, csv, json, html`; err == nil || err.Error() != want {
		t.Errorf("NEGSIM_FORMAT=jsn: err = %v\nwant %s", err, want)
	}
	_, err = ResolveSettings(flags(t, "--format", "mardown"))
	if want := `unknown format "mardown"; did you mean "markdown"? valid: table, markdown, csv, json, html`; err == nil || err.Error() != want {
		t.Errorf("--format mardown over NEGSIM_FORMAT=jsn: err = %v\nwant %s", err, want)
	}
}

// Every problem of a settings file at once, each at its line:col, in file order; a value a
// flag gives is not placed in the file.
func TestSettingsFileProblemsAllAtTheirLines(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	t.Setenv("HOME", t.TempDir())
	file := filepath.Join(t.TempDir(), "cfg.yaml")
	if err := os.WriteFile(file, []byte("wrkers: 2\nformat: jsn\ntimeout: soon\n  # a comment\nfromat: x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := ResolveSettings(flags(t, "--config", file))
	want := "4 problems with the settings:\n" +
		"  " + file + `:1:1: unknown setting "wrkers"; did you mean "workers"? valid: format, max-deals, max-file-size, workers, timeout` + "\n" +
		"  " + file + `:2:1: unknown format "jsn"; did you mean "json"? valid: table, markdown, csv, json, html` + "\n" +
		"  " + file + `:3:1: setting timeout (flag --timeout, variable NEGSIM_TIMEOUT): give a duration with its unit, such as 30s or 2m, or 0 for none` + "\n" +
		"  " + file + `:5:1: unknown setting "fromat"; did you mean "format"? valid: format, max-deals, max-file-size, workers, timeout`
	if !errors.Is(err, ErrUsage) || err.Error() != want {
		t.Errorf("got\n%v\nwant\n%s", err, want)
	}
	// --format json replaces the file's "jsn" and --timeout its "soon": two problems left.
	_, err = ResolveSettings(flags(t, "--config", file, "--format", "json", "--timeout", "1s"))
	if err == nil || !strings.HasPrefix(err.Error(), "2 problems with the settings:\n  "+file+":1:1: ") {
		t.Errorf("with flags: %v", err)
	}
}

// A value of the wrong kind is answered in the words a flag's is: -1 for max-deals said
// "unable to cast "-1" of type string to uint64: strconv.ParseUint: ...", and a list for
// the format named an unknown format "" and suggested nothing.
func TestSettingsOfTheWrongKind(t *testing.T) {
	withoutUserConfig(t)
	file := filepath.Join(t.TempDir(), "cfg.yaml")
	if err := os.WriteFile(file, []byte("max-deals: -1\nformat: [json]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := ResolveSettings(flags(t, "--config", file))
	want := "2 problems with the settings:\n" +
		"  " + file + ":1:1: setting max-deals (flag --max-deals, variable NEGSIM_MAX_DEALS): give a whole number, 0 or more\n" +
		"  " + file + `:2:1: unknown format "[json]"; did you mean "json"? valid: table, markdown, csv, json, html`
	if !errors.Is(err, ErrUsage) || err.Error() != want {
		t.Errorf("got\n%v\nwant\n%s", err, want)
	}
	t.Setenv("NEGSIM_MAX_DEALS", "-1")
	_, err = ResolveSettings(flags(t))
	if want := "setting max-deals (flag --max-deals, variable NEGSIM_MAX_DEALS): give a whole number, 0 or more"; err == nil || err.Error() != want {
		t.Errorf("NEGSIM_MAX_DEALS=-1: %v; want %s", err, want)
	}
}

// A slip of syntax in a settings file is placed at its line and column, in the words the
// scenario loader uses, not viper's "While parsing config: yaml: line 1: ...". Columns
// worked by hand: "format: [json" opens its bracket at column 9 and never closes it; the tab
// begins line 2; the second "format" begins line 2. A .json file is read as the YAML it
// is, as a scenario is, so its trailing comma is no slip.
func TestSettingsFileSyntaxIsPlaced(t *testing.T) {
	withoutUserConfig(t)
	dir := t.TempDir()
	for _, c := range []struct{ name, text, want string }{
		{"open.yaml", "format: [json\n", ":1:9: not valid YAML or JSON: sequence end token ']' not found"},
		{"tab.yaml", "format: json\n\tworkers: 2\n", ":2:1: tabs are not allowed in YAML; indent with spaces (this line is indented with a tab)"},
		{"twice.yml", "format: json\nformat: csv\n", `:2:1: "format" is written twice here, first on line 1; keep the one you mean and delete the other`},
		{"toml.toml", "format = \n\"", ": toml: incomplete number"},
	} {
		file := filepath.Join(dir, c.name)
		if err := os.WriteFile(file, []byte(c.text), 0o644); err != nil {
			t.Fatal(err)
		}
		want := file + c.want
		if c.name == "toml.toml" {
			want = "settings file " + want
		}
		if _, err := ResolveSettings(flags(t, "--config", file)); !errors.Is(err, ErrUsage) || err.Error() != want {
			t.Errorf("%s: %v; want %q", c.name, err, want)
		}
	}
	file := filepath.Join(dir, "cfg.json")
	if err := os.WriteFile(file, []byte(`{"format": "csv", "workers": 3,}`), 0o644); err != nil {
		t.Fatal(err)
	}
	if s, err := ResolveSettings(flags(t, "--config", file)); err != nil || s.Format != "csv" || s.Workers != 3 {
		t.Errorf("cfg.json: %+v, %v; want csv and 3 workers", s, err)
	}
}

// A timeout needs its unit wherever it is written, as --timeout does: a bare number was
// read as nanoseconds, so "timeout: 30" in a settings file (meant as 30 seconds) stopped
// every command before it began. 0 alone still means no limit.
func TestTimeoutWithoutUnitIsRefused(t *testing.T) {
	withoutUserConfig(t)
	dir := t.TempDir()
	for _, c := range []struct {
		file string
		want time.Duration // -1: refused
	}{
		{"timeout: 30\n", -1},
		{"timeout: 2.5\n", -1},
		{"timeout: \"30\"\n", -1},
		{"timeout: 0\n", 0},
		{"timeout: 90s\n", 90 * time.Second},
		{"timeout: 2m\n", 2 * time.Minute},
	} {
		file := filepath.Join(dir, "cfg.yaml")
		if err := os.WriteFile(file, []byte(c.file), 0o644); err != nil {
			t.Fatal(err)
		}
		s, err := ResolveSettings(flags(t, "--config", file))
		if c.want < 0 {
			if !errors.Is(err, ErrUsage) || !strings.Contains(err.Error(), file+":1:1: setting timeout") || !strings.Contains(err.Error(), "with its unit") {
				t.Errorf("%q: err = %v, want the line and a unit asked for", c.file, err)
			}
			continue
		}
		if err != nil || s.Timeout != c.want {
			t.Errorf("%q: timeout %v, err %v; want %v", c.file, s, err, c.want)
		}
	}
	t.Setenv("NEGSIM_TIMEOUT", "30")
	if _, err := ResolveSettings(flags(t)); !errors.Is(err, ErrUsage) || !strings.Contains(err.Error(), "NEGSIM_TIMEOUT") {
		t.Errorf("NEGSIM_TIMEOUT=30: err = %v, want a usage error naming the variable", err)
	}
	t.Setenv("NEGSIM_TIMEOUT", "45s")
	if s, err := ResolveSettings(flags(t)); err != nil || s.Timeout != 45*time.Second {
		t.Errorf("NEGSIM_TIMEOUT=45s: %v, %v", s, err)
	}
}

// A settings file is five short lines, so it is read as one: anything that is not a
// regular file, or that is larger than a settings file can be, is refused by name before
// it is read. A pipe nobody writes to hung negsim past --timeout and SIGTERM; /dev/zero
// (or a link to it) grew until memory ran out; a file with no extension, or one that does
// not exist named by NEGSIM_CONFIG, got the library's "Unsupported Config Type".
func TestSettingsFileThatIsNoSettingsFile(t *testing.T) {
	withoutUserConfig(t)
	dir := t.TempDir()
	fifo := filepath.Join(dir, "cfg.yaml")
	if err := mkfifo(fifo); err != nil {
		t.Skip("no named pipes here:", err)
	}
	zero := filepath.Join(dir, "zero.yaml")
	if err := os.Symlink("/dev/zero", zero); err != nil {
		t.Fatal(err)
	}
	huge := filepath.Join(dir, "huge.yaml")
	// One line of 100 KiB: no settings file is that long.
	if err := os.WriteFile(huge, []byte("format: "+strings.Repeat("x", 100<<10)+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	plain := filepath.Join(dir, "negsimrc")
	if err := os.WriteFile(plain, []byte("format: json\nworkers: 2\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ file, want string }{
		{fifo, fifo + ": not a regular file; give a YAML file"},
		{zero, zero + ": not a regular file; give a YAML file"},
		{dir, dir + ": this is a folder; give a YAML file"},
		{huge, huge + ": the file is larger than 64 KiB (65,536 bytes)"},
		{filepath.Join(dir, "missing"), filepath.Join(dir, "missing") + " does not exist"},
	} {
		done := make(chan error, 1)
		go func() {
			_, err := ResolveSettings(flags(t, "--config", c.file))
			done <- err
		}()
		select {
		case err := <-done:
			if !errors.Is(err, ErrUsage) || !strings.Contains(err.Error(), "settings file "+c.want) {
				t.Errorf("--config %s: err = %v, want %q", c.file, err, c.want)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("--config %s: still reading after 10 s", c.file)
		}
	}
	// A file without an extension is read as YAML, the one format the README shows.
	s, err := ResolveSettings(flags(t, "--config", plain))
	if err != nil || s.Format != "json" || s.Workers != 2 {
		t.Errorf("--config %s: %+v, %v; want format json and 2 workers", plain, s, err)
	}
	t.Setenv("NEGSIM_CONFIG", filepath.Join(dir, "missing"))
	if _, err := ResolveSettings(flags(t)); err == nil || !strings.Contains(err.Error(), "missing does not exist") {
		t.Errorf("NEGSIM_CONFIG naming no file: %v", err)
	}
}

// --max-file-size has a ceiling of 1 GiB, the most a file read whole into memory should
// be: at 2^63-1 the reader's limit of one byte more wrapped round to a negative number
// and every scenario read as an empty file ("the file is empty").
func TestMaxFileSizeHasACeiling(t *testing.T) {
	withoutUserConfig(t)
	for _, v := range []string{"9223372036854775807", "1073741825"} {
		_, err := ResolveSettings(flags(t, "--max-file-size", v))
		if !errors.Is(err, ErrUsage) || !strings.Contains(err.Error(), "give a number of bytes from 1 to 1073741824") {
			t.Errorf("--max-file-size %s: %v", v, err)
		}
	}
	if s, err := ResolveSettings(flags(t, "--max-file-size", "1073741824")); err != nil || s.MaxFileSize != 1<<30 {
		t.Errorf("--max-file-size 1073741824: %+v, %v", s, err)
	}
}
