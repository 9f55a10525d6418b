package sim_test

import (
	"regexp"
	"testing"

	"github.com/negsim/negsim/sim"
)

// IsSlug says what the published SlugPattern says, on every string of up to three
// characters drawn from the letters at each edge of the ranges, the two joiners and their
// near misses (upper case, an accented letter, a space, a dot, a newline), and on longer ids.
func TestIsSlugMatchesTheSchemaPattern(t *testing.T) {
	pattern := regexp.MustCompile(sim.SlugPattern)
	alphabet := []string{"a", "z", "0", "9", "-", "_", "A", "Z", "é", " ", ".", "\n", "`", "{", "/", ":"}
	words := []string{""}
	for range 3 {
		for _, w := range words {
			for _, c := range alphabet {
				words = append(words, w+c)
			}
		}
	}
	words = append(words, "ukraine-2026", "security_guarantees", "2026-talks", "-lead", "_lead", "Ukraine", "ukraine ", "ukraïne")
	checked := map[string]bool{}
	for _, w := range words {
		if checked[w] {
			continue
		}
		checked[w] = true
		if got, want := sim.IsSlug(w), pattern.MatchString(w); got != want {
			t.Errorf("IsSlug(%q) = %v, SlugPattern says %v", w, got, want)
		}
	}
	if len(checked) < 1000 {
		t.Fatalf("checked only %d strings", len(checked))
	}
}
