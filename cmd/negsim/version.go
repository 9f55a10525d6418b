package main

import (
	"fmt"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"
)

// version is set at release time with -ldflags "-X main.version=v1.2.3".
var version = "dev"

func (a *app) versionCommand() *cobra.Command {
	return &cobra.Command{
		Annotations: writesFormats("version prints one line of text", "table"),
		Use:         "version",
		Short:       "Print negsim's version: the module version and the source revision it was built from",
		Args:        args(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			_, err := fmt.Fprintln(a.stdout, versionLine())
			return err
		},
	}
}

// versionLine is what both 'negsim version' and 'negsim --version' print.
func versionLine() string {
	info, _ := debug.ReadBuildInfo()
	return "negsim " + versionString(version, info)
}

// versionString says which negsim this is, so a teacher can tell two students' binaries
// apart: the release version (from -ldflags), else the module version the go command
// stamped (a tag, or a pseudo-version naming the commit), then the revision control
// details it recorded: revision, commit time and whether the tree had local changes.
func versionString(ldflag string, info *debug.BuildInfo) string {
	v := ldflag
	if info != nil && v == "dev" && info.Main.Version != "" && info.Main.Version != "(devel)" {
		v = info.Main.Version
	}
	if info == nil {
		return v
	}
	var rev, when, modified string
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.time":
			when = s.Value
		case "vcs.modified":
			modified = s.Value
		}
	}
	var details []string
	if rev != "" {
		details = append(details, "revision "+rev[:min(len(rev), 12)])
	}
	if when != "" {
		details = append(details, "committed "+when)
	}
	if modified == "true" {
		details = append(details, "with local changes")
	}
	if info.GoVersion != "" {
		details = append(details, "built with "+info.GoVersion)
	}
	if len(details) == 0 {
		return v
	}
	return v + " (" + strings.Join(details, ", ") + ")"
}
