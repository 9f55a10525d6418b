// Package scenarios ships negsim's scenario files inside the binary, so that the reference
// scenario and the teaching examples run with no files on disk.
package scenarios

import (
	"embed"
	"io/fs"
	"path"
	"sort"
	"strings"
)

//go:embed *.yaml
var files embed.FS

// Default is the scenario negsim runs when given no file.
const Default = "ukraine-2026"

// Names lists the shipped scenarios without their .yaml ending, in name order.
func Names() []string {
	entries, _ := fs.ReadDir(files, ".")
	var names []string
	for _, e := range entries {
		names = append(names, strings.TrimSuffix(e.Name(), ".yaml"))
	}
	sort.Strings(names)
	return names
}

// Read returns a shipped scenario by name, with or without its .yaml ending.
func Read(name string) ([]byte, bool) {
	name = strings.TrimSuffix(path.Base(name), ".yaml")
	data, err := files.ReadFile(name + ".yaml")
	return data, err == nil
}
