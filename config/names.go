package config

import (
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// SameNameOnDisk is the path of the file in p's folder whose name is p's in another Unicode
// spelling, and whether there is exactly one. An accented letter has two: "é" as one
// character, as keyboards type it and Windows and Linux keep it, or as "e" and a combining
// accent, as macOS writes file names (NFD). A folder copied from a Mac to a school's Linux
// server keeps the Mac's spelling, and "Café.yaml" typed or linked to found no file, though
// one of that very name is listed beside it.
func SameNameOnDisk(p string) (string, bool) {
	dir, base := filepath.Split(p)
	name, ok := SameNameInFS(os.DirFS(filepath.Join(dir, ".")), base)
	return dir + name, ok
}

// SameNameInFS is SameNameOnDisk for a slash-separated name inside fsys.
func SameNameInFS(fsys fs.FS, name string) (string, bool) {
	dir, base := path.Split(name)
	folder := path.Clean(dir)
	entries, err := fs.ReadDir(fsys, folder)
	if err != nil {
		return "", false
	}
	found, ok := sameName(entries, base)
	return dir + found, ok
}

func sameName(entries []fs.DirEntry, base string) (string, bool) {
	want := norm.NFC.String(base)
	found := ""
	for _, e := range entries {
		if e.Name() != base && norm.NFC.String(e.Name()) == want {
			if found != "" {
				return "", false
			}
			found = e.Name()
		}
	}
	return found, found != ""
}

// SameFolded groups the names that are one file on Windows and macOS (the same
// FoldedName), in the order of their first, leaving out the names alone in their group.
func SameFolded(names []string) [][]string {
	groups := map[string][]string{}
	var order []string
	for _, n := range names {
		key := FoldedName(n)
		if len(groups[key]) == 0 {
			order = append(order, key)
		}
		groups[key] = append(groups[key], n)
	}
	var out [][]string
	for _, key := range order {
		if len(groups[key]) > 1 {
			out = append(out, groups[key])
		}
	}
	return out
}

// FoldedName is name as Windows and macOS compare file names, letter case and Unicode
// spelling aside: two names with the same folded name are one file there. Letters fold
// one to one, as strings.EqualFold compares them and as NTFS does ("ß" stays apart from
// "ss"). golang.org/x/text/cases folds "ß" to "ss" as well, and brings its language
// tables, a tenth of the page's engine, into the WebAssembly build.
func FoldedName(name string) string {
	return strings.Map(foldedRune, norm.NFC.String(name))
}

// foldedRune is the least of the runes Unicode's simple case folding makes equal to r: one
// rune stands for all the cases of a letter ("K", "k" and the Kelvin sign fold to "K").
func foldedRune(r rune) rune {
	least := r
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		least = min(least, f)
	}
	return least
}
