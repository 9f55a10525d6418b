package main

import (
	"cmp"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/negsim/negsim/config"
	"github.com/negsim/negsim/scenarios"
	"github.com/negsim/negsim/sim"
)

// Shell completion of what a class types most: shipped scenario names and FILE#VARIANT,
// --variant, --actor, --set paths and --format values. A FILE that is not a shipped name is
// left to the shell's own file completion. Completion runs before settings are resolved
// and must never fail loudly, so it reads files itself, within the default size limit, and
// offers nothing when a file does not load.

// completeScenarioArg completes a FILE argument: shipped names, then FILE#VARIANT once a #
// is typed; other words fall back to file paths.
func completeScenarioArg(maxArgs int) cobra.CompletionFunc {
	return func(_ *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
		if maxArgs >= 0 && len(args) >= maxArgs {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		if file, _, ok := fileAndVariant(toComplete); ok {
			// A # may be part of a file's name (week#1.yaml) as well as the start of a
			// variant: the files it begins are offered with the variants, since the
			// shell's own file completion is off here.
			out := filesStarting(toComplete)
			sc := completionScenario(file)
			if sc == nil {
				return out, cobra.ShellCompDirectiveNoFileComp
			}
			for _, v := range sc.Variants {
				if c := file + "#" + v.ID; strings.HasPrefix(c, toComplete) {
					out = append(out, c+"\t"+shorten(oneLine(v.Description), 60))
				}
			}
			return out, cobra.ShellCompDirectiveNoFileComp
		}
		var out []string
		for _, name := range scenarios.Names() {
			if strings.HasPrefix(name, toComplete) {
				out = append(out, name)
			}
		}
		return out, cobra.ShellCompDirectiveDefault
	}
}

// filesStarting lists the files whose path starts with prefix, in its folder.
func filesStarting(prefix string) []string {
	dir, base := filepath.Split(prefix)
	entries, _ := os.ReadDir(cmp.Or(dir, "."))
	var out []string
	for _, e := range entries {
		if !e.IsDir() && strings.HasPrefix(e.Name(), base) {
			out = append(out, dir+e.Name())
		}
	}
	return out
}

// completionScenario loads the scenario a command line names for completing its flags:
// the FILE argument (without a #VARIANT), or the shipped default; nil when it does not load.
func completionScenario(arg string) *sim.Scenario {
	arg, _, _ = fileAndVariant(arg)
	if arg == "" {
		arg = scenarios.Default
	}
	data, err := config.ReadFile(arg, config.DefaultMaxBytes)
	name := arg
	if errors.Is(err, fs.ErrNotExist) {
		var ok bool
		if data, ok = scenarios.Read(arg); !ok {
			return nil
		}
		name, err = strings.TrimSuffix(arg, ".yaml")+".yaml", nil
	}
	if err != nil {
		return nil
	}
	doc, err := config.Load(name, data)
	if err != nil {
		return nil
	}
	return doc.Scenario
}

func firstArg(args []string) string {
	if len(args) > 0 {
		return args[0]
	}
	return ""
}

func completeVariant(_ *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	var out []string
	if sc := completionScenario(firstArg(args)); sc != nil {
		for _, v := range sc.Variants {
			if strings.HasPrefix(v.ID, toComplete) {
				out = append(out, v.ID+"\t"+shorten(oneLine(v.Description), 60))
			}
		}
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}

func completeActor(_ *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	var out []string
	if sc := completionScenario(firstArg(args)); sc != nil {
		for _, ac := range sc.Actors {
			if strings.HasPrefix(ac.ID, toComplete) {
				out = append(out, ac.ID+"\t"+ac.Name)
			}
		}
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}

// completeSetPath completes --set PATH= with every path negsim params lists, and after the
// = with the value's choices when it has any.
func completeSetPath(_ *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	sc := completionScenario(firstArg(args))
	if sc == nil {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	var out []string
	path, _, typedValue := strings.Cut(toComplete, "=")
	for _, p := range sc.Params() {
		switch {
		case !typedValue && strings.HasPrefix(p.Path, toComplete):
			out = append(out, p.Path+"=")
		case typedValue && p.Path == path:
			for _, c := range p.Choices {
				if strings.HasPrefix(p.Path+"="+c, toComplete) {
					out = append(out, p.Path+"="+c)
				}
			}
		}
	}
	return out, cobra.ShellCompDirectiveNoFileComp | cobra.ShellCompDirectiveNoSpace
}

func completeFormat(_ *cobra.Command, _ []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	var out []string
	for _, f := range config.Formats {
		if strings.HasPrefix(f, toComplete) {
			out = append(out, f)
		}
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}
