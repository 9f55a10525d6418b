package config

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
	"github.com/spf13/cast"
	"github.com/spf13/pflag"
	"github.com/spf13/viper"

	"github.com/negsim/negsim/sim"
)

// Settings are the application's own knobs, as opposed to what a scenario says. Each comes,
// in order of precedence, from a command-line flag, a NEGSIM_* environment variable
// (NEGSIM_MAX_DEALS for --max-deals), the config file, or its default.
type Settings struct {
	Format      string
	MaxDeals    uint64
	MaxFileSize int64
	Workers     int
	Timeout     time.Duration
	// File is the config file that was read, or "" when there was none.
	File string
}

// Formats every command can write. html is a complete page for reports; schema and
// validate, which have no report, write their usual output for it.
var Formats = []string{"table", "markdown", "csv", "json", "html"}

// MaxFileSizeCeiling is the largest --max-file-size: an input is read whole into memory,
// and the readers' limits of one byte more must not overflow.
const MaxFileSizeCeiling = 1 << 30

// Defaults for the settings.
const (
	DefaultFormat   = "table"
	DefaultMaxDeals = 1_000_000_000
)

// RegisterFlags declares the settings' flags on a command line.
func RegisterFlags(fl *pflag.FlagSet) {
	fl.String("config", "", "settings file (default: negsim/config.yaml in the user config folder, when it exists)")
	fl.StringP("format", "f", DefaultFormat, "output format: "+strings.Join(Formats, ", "))
	fl.Uint64("max-deals", DefaultMaxDeals, "refuse work that handles deals one by one (montecarlo's per-deal frequencies, compare's deal lists) in spaces larger than this; counting and frontiers take any size")
	fl.Int64("max-file-size", DefaultMaxBytes, "refuse scenario files larger than this many bytes")
	fl.Int("workers", 0, "goroutines for the search (0: one per core); the answer never depends on it")
	fl.Duration("timeout", 0, "stop any command that runs longer than this, e.g. 30s (0: no limit)")
}

// ErrUsage marks errors in how negsim was called: a command, flag, argument or setting no
// command accepts. Callers test for it with errors.Is; its text never reaches the user.
var ErrUsage = errors.New("usage")

// usageError is a usage error that reads as its message alone.
type usageError struct{ err error }

func (e *usageError) Error() string        { return e.err.Error() }
func (e *usageError) Unwrap() error        { return e.err }
func (e *usageError) Is(target error) bool { return target == ErrUsage }

// Usagef formats a usage error; %w wraps as fmt.Errorf does.
func Usagef(format string, args ...any) error {
	return &usageError{fmt.Errorf(format, args...)}
}

var settingKeys = []string{"format", "max-deals", "max-file-size", "workers", "timeout"}

// ResolveSettings reads the settings for one run from the command's flags, the environment
// and the config file. A fresh viper per run keeps runs, and tests, independent.
func ResolveSettings(fl *pflag.FlagSet) (*Settings, error) {
	v := viper.New()
	v.SetEnvPrefix("NEGSIM")
	v.SetEnvKeyReplacer(strings.NewReplacer("-", "_"))
	v.AutomaticEnv()
	for _, key := range settingKeys {
		if f := fl.Lookup(key); f != nil {
			if err := v.BindPFlag(key, f); err != nil {
				return nil, err
			}
		}
	}
	file := v.GetString("config")
	if f := fl.Lookup("config"); f != nil && f.Value.String() != "" {
		file = f.Value.String()
	}
	if file == "" {
		if dir, err := os.UserConfigDir(); err == nil {
			candidate := filepath.Join(dir, "negsim", "config.yaml")
			if _, err := os.Stat(candidate); err == nil {
				file = candidate
			}
		}
	}
	var data []byte
	if file != "" {
		var err error
		if data, err = readSettingsFile(file); err != nil {
			return nil, err
		}
		kind := settingsFileType(file)
		// viper's YAML and JSON readers say "While parsing config:" and at most a line; the
		// scenario loader's parser places the slip at its line and column, in its words,
		// and reads JSON as the YAML it is, as it reads a scenario.
		if kind == "yml" || kind == "json" {
			kind = "yaml"
		}
		if kind == "yaml" {
			if _, err := parser.ParseBytes(data, 0); err != nil {
				return nil, Usagef("%s", syntaxError(file, data, err))
			}
		}
		v.SetConfigType(kind)
		if err := v.ReadConfig(bytes.NewReader(data)); err != nil {
			var parseErr viper.ConfigParseError
			if errors.As(err, &parseErr) && parseErr.Unwrap() != nil {
				err = parseErr.Unwrap() // without viper's "While parsing config:"
			}
			return nil, Usagef("settings file %s: %v", file, err)
		}
	}
	// Every problem is reported at once, each at its line:col when the settings file holds
	// it, as the scenario loader reports a scenario's.
	at := settingPositions(file, data)
	var problems []settingProblem
	if file != "" {
		for _, k := range v.AllKeys() {
			if !slices.Contains(settingKeys, k) {
				problems = append(problems, at.of(k).problem("unknown setting %q;%s valid: %s", k, sim.DidYouMean(k, settingKeys), strings.Join(settingKeys, ", ")))
			}
		}
	}
	// viper converts leniently ("abc" becomes 0); convert strictly so a typo is an error
	// that names the setting, wherever it was written.
	bad := func(key string, err error) {
		problems = append(problems, at.ofUnlessFlag(fl, key).problem("setting %s (flag --%s, variable %s): %v", key, key, envName(key), err))
	}
	s := &Settings{File: file}
	format, err := cast.ToStringE(v.Get("format"))
	if err != nil {
		// A list ("format: [json]") read as "", named as an unknown format "".
		format = fmt.Sprint(v.Get("format"))
	}
	s.Format = strings.ToLower(format)
	if s.MaxDeals, err = cast.ToUint64E(v.Get("max-deals")); err != nil {
		// cast's own words ("unable to cast "-1" of type string to uint64") are Go's.
		bad("max-deals", fmt.Errorf("give a whole number, 0 or more"))
	}
	if s.MaxFileSize, err = cast.ToInt64E(v.Get("max-file-size")); err != nil || s.MaxFileSize <= 0 || s.MaxFileSize > MaxFileSizeCeiling {
		bad("max-file-size", fmt.Errorf("give a number of bytes from 1 to %d", MaxFileSizeCeiling))
	}
	if s.Workers, err = cast.ToIntE(v.Get("workers")); err != nil || s.Workers < 0 {
		bad("workers", fmt.Errorf("give 0 (one per core) or more"))
	}
	if s.Timeout, err = durationSetting(v.Get("timeout")); err != nil || s.Timeout < 0 {
		bad("timeout", fmt.Errorf("give a duration with its unit, such as 30s or 2m, or 0 for none"))
	}
	if !slices.Contains(Formats, s.Format) {
		text := fmt.Sprintf("unknown format %q;%s valid: %s", s.Format, sim.DidYouMean(s.Format, Formats), strings.Join(Formats, ", "))
		// A variable set long ago in a shell's profile is out of sight: an unknown format
		// no one typed is put down to it by name.
		if f := fl.Lookup("format"); (f == nil || !f.Changed) && os.Getenv(envName("format")) != "" {
			text = "variable " + envName("format") + ": " + text
		}
		problems = append(problems, at.ofUnlessFlag(fl, "format").problem("%s", text))
	}
	// In the order they are written (AllKeys has none); flags and variables first.
	slices.SortStableFunc(problems, func(a, b settingProblem) int { return cmp.Compare(a.line, b.line) })
	texts := make([]string, len(problems))
	for i, p := range problems {
		texts[i] = p.text
	}
	switch len(problems) {
	case 0:
		return s, nil
	case 1:
		return nil, Usagef("%s", texts[0])
	}
	return nil, Usagef("%d problems with the settings:\n  %s", len(problems), strings.Join(texts, "\n  "))
}

// durationSetting reads a duration as a flag reads it: with its unit ("30s"), or 0 for
// none. cast reads a bare number as nanoseconds, so a settings file's "timeout: 30" or
// NEGSIM_TIMEOUT=30, meant as seconds, stopped every command at once.
func durationSetting(x any) (time.Duration, error) {
	switch x := x.(type) {
	case nil:
		return 0, nil
	case time.Duration:
		return x, nil
	case string:
		return time.ParseDuration(strings.TrimSpace(x))
	}
	if n, err := cast.ToFloat64E(x); err == nil && n == 0 {
		return 0, nil
	}
	return 0, fmt.Errorf("%v has no unit", x)
}

// maxSettingsBytes bounds a settings file: five settings take a hundred bytes, and the
// file is read before --max-file-size is known.
const maxSettingsBytes = 64 << 10

// readSettingsFile reads a settings file that is a regular file of at most
// maxSettingsBytes. Anything else is refused before it is opened: a pipe nobody writes to
// would block the read before --timeout or Ctrl-C are in force, and a device such as
// /dev/zero never ends.
func readSettingsFile(file string) ([]byte, error) {
	info, err := os.Stat(file)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, Usagef("settings file %s does not exist", file)
	case err != nil:
		return nil, Usagef("settings file %s: %v", file, err)
	case info.IsDir():
		return nil, Usagef("settings file %s: this is a folder; give a YAML file such as negsim/config.yaml", file)
	case !info.Mode().IsRegular():
		return nil, Usagef("settings file %s: not a regular file; give a YAML file such as negsim/config.yaml", file)
	case info.Size() > maxSettingsBytes:
		return nil, Usagef("settings file %s: the file is larger than %s; a settings file holds a few lines such as format: markdown", file, Size(maxSettingsBytes))
	}
	data, err := ReadFile(file, maxSettingsBytes)
	var problems sim.Diagnostics
	if errors.As(err, &problems) && len(problems) > 0 {
		return nil, Usagef("settings file %s", problems[0].String())
	}
	if err != nil {
		return nil, Usagef("settings file %s: %v", file, err)
	}
	return data, nil
}

// settingsFileType is the format viper reads a settings file in: the one its extension
// names, and YAML (which JSON also is) for a name without one viper knows.
func settingsFileType(file string) string {
	if ext := strings.TrimPrefix(filepath.Ext(file), "."); slices.Contains(viper.SupportedExts, strings.ToLower(ext)) {
		return strings.ToLower(ext)
	}
	return "yaml"
}

type settingProblem struct {
	line int
	text string
}

// settingSpot is where a settings file writes a setting; the zero spot is none (a flag or
// a variable).
type settingSpot struct {
	file      string
	line, col int
}

func (sp settingSpot) problem(format string, args ...any) settingProblem {
	text := fmt.Sprintf(format, args...)
	if sp.file != "" {
		text = fmt.Sprintf("%s:%d:%d: %s", sp.file, sp.line, sp.col, text)
	}
	return settingProblem{sp.line, text}
}

// settingSpots locates each top-level key of a settings file.
type settingSpots map[string]settingSpot

// settingPositions parses the settings file's text again to find where each setting is
// written; viper keeps no positions. A file that does not parse gives none (viper said why).
func settingPositions(file string, data []byte) settingSpots {
	spots := settingSpots{}
	if file == "" {
		return spots
	}
	f, err := parser.ParseBytes(data, 0)
	if err != nil {
		return spots
	}
	for _, doc := range f.Docs {
		ast.Walk(settingVisitor{file, spots}, doc.Body)
		break
	}
	return spots
}

type settingVisitor struct {
	file  string
	spots settingSpots
}

func (sv settingVisitor) Visit(n ast.Node) ast.Visitor {
	mv, ok := n.(*ast.MappingValueNode)
	if !ok {
		return sv
	}
	if key := strings.ToLower(mv.Key.String()); sv.spots[key].file == "" {
		pos := mv.Key.GetToken().Position
		sv.spots[key] = settingSpot{sv.file, pos.Line, pos.Column}
	}
	return nil // nested keys are located by their top-level key
}

// of is where key (or, for a nested key a.b, its top-level a) is written.
func (sp settingSpots) of(key string) settingSpot {
	top, _, _ := strings.Cut(key, ".")
	return sp[top]
}

// ofUnlessFlag is where the settings file writes key, or nowhere when a flag or a variable,
// which come before the file, gave the value.
func (sp settingSpots) ofUnlessFlag(fl *pflag.FlagSet, key string) settingSpot {
	if f := fl.Lookup(key); (f != nil && f.Changed) || os.Getenv(envName(key)) != "" {
		return settingSpot{}
	}
	return sp.of(key)
}

// envName is the variable that holds a setting: max-deals in NEGSIM_MAX_DEALS.
func envName(key string) string {
	return "NEGSIM_" + strings.ToUpper(strings.ReplaceAll(key, "-", "_"))
}
