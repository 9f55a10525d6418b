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

// Slug spells Cyrillic in Latin letters, as Ukraine's national transliteration of 2010 does
// (its table, letter by letter, inside a word): a teacher who names an issue Територія gets
// the id terytoriia, where before the letters were dropped and the id was empty.
func TestSlugSpellsCyrillicInLatin(t *testing.T) {
	for _, c := range []struct{ name, want string }{
		{"Київ", "kyiv"},       // к k, и y, ї i, в v
		{"Харків", "kharkiv"},  // х kh
		{"Україна", "ukraina"}, // у u, к k, р r, а a, ї i, н n, а a
		{"Територія", "terytoriia"},
		{"Безпекові гарантії", "bezpekovi-harantii"}, // г h; the space a dash
		{"Щастя", "shchastia"},                       // щ shch, я ia
		{"м'ята", "miata"},                           // the apostrophe goes with the word
		{"Mar'yan", "mar-yan"},                       // a Latin apostrophe still parts words
		{"Съезд", "sezd"},                            // ъ has no letter
		{"土地", ""},                                   // no Latin spelling: dropped
		{"Café 2026", "cafe-2026"},
	} {
		if got := sim.Slug(c.name); got != c.want {
			t.Errorf("Slug(%q) = %q, want %q", c.name, got, c.want)
		}
	}
}

// Slug spells Greek in Latin letters as ELOT 743 does, worked here letter by letter from
// its table and its rules for pairs: a teacher in Athens or Nicosia who names an actor
// Ελλάδα gets the id ellada, where before it was a numbered one.
func TestSlugSpellsGreekInLatin(t *testing.T) {
	for _, c := range []struct{ name, want string }{
		{"Ελλάδα", "ellada"},                 // ε e, λλ ll, ά a (the stress goes), δ d, α a
		{"Τουρκία", "tourkia"},               // ου ou
		{"Κύπρος", "kypros"},                 // υ alone y, ς s
		{"Ευρώπη", "evropi"},                 // ευ before ρ, voiced: ev; η i
		{"Αυτονομία", "aftonomia"},           // αυ before τ, voiceless: af
		{"Άγγελος", "angelos"},               // γ before γ: n
		{"Μπαρ", "bar"},                      // μπ opening a word: b
		{"Λάμπρος", "lampros"},               // μπ inside one: mp
		{"Θεσσαλονίκη", "thessaloniki"},      // θ th
		{"Ψυχή", "psychi"},                   // ψ ps, χ ch
		{"προϋπολογισμός", "proypologismos"}, // ϋ: the diaeresis keeps ο and υ apart
		{"Ευρωπαϊκή Ένωση", "evropaiki-enosi"},
		{"Αθήνα 2026", "athina-2026"},
	} {
		if got := sim.Slug(c.name); got != c.want {
			t.Errorf("Slug(%q) = %q, want %q", c.name, got, c.want)
		}
	}
}
