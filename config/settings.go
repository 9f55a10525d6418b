package config

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

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
	if file != "" {
		v.SetConfigFile(file)
		if err := v.ReadInConfig(); err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil, Usagef("settings file %s does not exist", file)
			}
			return nil, Usagef("settings file %s: %v", file, err)
		}
		for _, k := range v.AllKeys() {
			if !slices.Contains(settingKeys, k) {
				return nil, Usagef("settings file %s: unknown setting %q;%s valid: %s", file, k, sim.DidYouMean(k, settingKeys), strings.Join(settingKeys, ", "))
			}
		}
	}
	// viper converts leniently ("abc" becomes 0); convert strictly so a typo is an error
	// that names the setting, wherever it was written.
	bad := func(key string, err error) error {
		return Usagef("setting %s (flag --%s, variable NEGSIM_%s): %v", key, key, strings.ToUpper(strings.ReplaceAll(key, "-", "_")), err)
	}
	s := &Settings{Format: strings.ToLower(cast.ToString(v.Get("format"))), File: file}
	var err error
	if s.MaxDeals, err = cast.ToUint64E(v.Get("max-deals")); err != nil {
		return nil, bad("max-deals", err)
	}
	if s.MaxFileSize, err = cast.ToInt64E(v.Get("max-file-size")); err != nil || s.MaxFileSize <= 0 {
		return nil, bad("max-file-size", fmt.Errorf("give a number of bytes above 0"))
	}
	if s.Workers, err = cast.ToIntE(v.Get("workers")); err != nil || s.Workers < 0 {
		return nil, bad("workers", fmt.Errorf("give 0 (one per core) or more"))
	}
	if s.Timeout, err = cast.ToDurationE(v.Get("timeout")); err != nil || s.Timeout < 0 {
		return nil, bad("timeout", fmt.Errorf("give a duration such as 30s or 2m, or 0 for none"))
	}
	if !slices.Contains(Formats, s.Format) {
		return nil, Usagef("unknown format %q;%s valid: %s", s.Format, sim.DidYouMean(s.Format, Formats), strings.Join(Formats, ", "))
	}
	return s, nil
}
