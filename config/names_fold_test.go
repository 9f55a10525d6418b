package config

import (
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// Two names fold alike exactly when strings.EqualFold, an independent implementation of
// Unicode's simple case folding, calls their NFC spellings equal: letter case and a Mac's
// decomposed accents aside, as Windows and macOS open files.
func TestFoldedNameIsEqualFold(t *testing.T) {
	names := []string{
		"ukraine.yaml", "Ukraine.yaml", "UKRAINE.YAML", "ukraine.yml",
		"Café.yaml", "CAFE\u0301.yaml", "cafe.yaml",
		"k.yaml", "K.yaml", "\u212a.yaml", // the Kelvin sign folds with K
		"σ.yaml", "Σ.yaml", "ς.yaml",
		"straße.yaml", "STRASSE.yaml", "strasse.yaml", "straẞe.yaml",
		"ǅ.yaml", "ǆ.yaml", "Ǆ.yaml",
		"group #2.yaml", "Group #2.yaml",
	}
	same := 0
	for _, a := range names {
		for _, b := range names {
			want := strings.EqualFold(norm.NFC.String(a), norm.NFC.String(b))
			if got := FoldedName(a) == FoldedName(b); got != want {
				t.Errorf("%q and %q fold alike: %v, strings.EqualFold says %v", a, b, got, want)
			}
			if want && a != b {
				same++
			}
		}
	}
	if same < 20 {
		t.Fatalf("only %d pairs fold alike; the list no longer tests folding", same)
	}
}
