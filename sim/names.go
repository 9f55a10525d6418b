package sim

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// SlugPattern is the regular expression every id matches; the JSON Schema publishes it.
const SlugPattern = `^[a-z0-9][a-z0-9_-]*$`

// IsSlug reports whether id is a valid identifier, one SlugPattern matches: lower-case
// letters, digits, '-' and '_', starting with a letter or digit. Ids end up in paths and
// file names, so they stay plain. Validation checks every id of the scenario once for each
// event, belief and variant it applies, so the pattern is checked byte by byte here rather
// than by a regular expression.
func IsSlug(id string) bool {
	for i := 0; i < len(id); i++ {
		c := id[i]
		switch {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
		case (c == '-' || c == '_') && i > 0:
		default:
			return false
		}
	}
	return id != ""
}

// Slug turns a name, or an id written against the rules, into a negsim id: lower-case letters, digits, '-'
// and '_'. A decimal point becomes '_' and a leading minus "minus-", so that 0.6 and 6,
// -5 and 5 stay apart. An accented letter keeps its letter ("Café" → "cafe"): decomposed,
// its accent is a mark of its own, which is dropped. A Cyrillic or Greek letter takes its
// Latin spelling ("Київ" → "kyiv", "Ελλάδα" → "ellada"); letters of other scripts, which
// have none here, are dropped.
func Slug(name string) string {
	s := greekToLatin(cyrillicToLatin(strings.ToLower(strings.TrimSpace(name))))
	s = strings.Map(func(r rune) rune {
		if unicode.Is(unicode.Mn, r) {
			return -1
		}
		return r
	}, norm.NFD.String(s))
	if strings.HasPrefix(s, "-") {
		s = "minus-" + s[1:]
	}
	var b strings.Builder
	dash := false
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '_':
			b.WriteRune(r)
			dash = false
		case r == '.':
			b.WriteByte('_')
			dash = false
		default:
			if !dash && b.Len() > 0 {
				b.WriteByte('-')
				dash = true
			}
		}
	}
	return shortID(strings.Trim(b.String(), "-"))
}

// MaxIDLength is the longest id a scenario may give: ids are typed in --set paths and name
// files (brief writes role-ID.html), and most systems refuse a file name past 255 bytes.
const MaxIDLength = 64

// shortID cuts an id made from a long name to MaxIDLength, after a whole word where one
// ends in the second half.
func shortID(id string) string {
	if len(id) <= MaxIDLength {
		return id
	}
	cut := id[:MaxIDLength]
	if i := strings.LastIndexByte(cut, '-'); i > MaxIDLength/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, "-_")
}

// Shorten is s cut to 60 characters with its length said, for quoting back what a person
// typed or a file holds: a 100 KB line quoted whole would bury the message about it.
func Shorten(s string) string {
	const max = 60
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	r := []rune(s)
	return fmt.Sprintf("%s… (%d characters)", string(r[:max]), len(r))
}

// JoinWords lists items as a sentence does: "a", "a and b", "a, b and c" (conj "and"),
// so that a note naming several actors or options reads as English.
func JoinWords(items []string, conj string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " " + conj + " " + items[len(items)-1]
}

// DidYouMean returns ` did you mean "x"?` naming the candidate closest to got, or "" when
// none is close enough to be a plausible typo.
func DidYouMean[K ~string](got K, candidates []K) string {
	best, bestDist := K(""), -1
	for _, c := range candidates {
		d := editDistance(strings.ToLower(string(got)), strings.ToLower(string(c)))
		if bestDist < 0 || d < bestDist {
			best, bestDist = c, d
		}
	}
	// A third of the word may be wrong: "teritory" → "territory", but "nato" is not "eu".
	if bestDist < 0 || bestDist > max(1, len(got)/3) {
		return ""
	}
	// "midland" is not found when the file wrote the actor's id "Midland", itself an
	// error; suggesting the invalid id would send the writer the wrong way.
	bare := func(id string) string { return strings.NewReplacer("-", "", "_", "").Replace(Slug(id)) }
	if !IsSlug(string(best)) && bare(string(best)) == bare(string(got)) {
		return fmt.Sprintf(" %q needs its id written %q, as here;", best, got)
	}
	return fmt.Sprintf(" did you mean %q?", best)
}

// editDistance is the Levenshtein distance counting a swap of two neighbours as one edit,
// the commonest typing slip.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}

// quoteList renders ids as "a", "b" or "c" for messages that list what would be valid.
// An id given twice (the mistake a message may be about) is listed once.
func quoteList[K ~string](ids []K) string {
	q := make([]string, 0, len(ids))
	for i, id := range ids {
		if !slices.Contains(ids[:i], id) {
			q = append(q, fmt.Sprintf("%q", id))
		}
	}
	switch len(q) {
	case 0:
		return "none"
	case 1:
		return q[0]
	}
	return strings.Join(q[:len(q)-1], ", ") + " or " + q[len(q)-1]
}

// NameID is the id negsim makes of the name of the kind's nth item (from 1): its Slug, or
// kind-n ("issue-3") when none of its letters has a Latin spelling. The importers, negsim
// new and validate's advice all make ids so.
func NameID(name, kind string, n int) string {
	if id := Slug(name); IsSlug(id) {
		return id
	}
	return fmt.Sprintf("%s-%d", kind, n)
}

// cyrillicLatin spells Cyrillic letters in Latin ones as Ukraine's national system of 2010
// does (Київ → kyiv, Харків → kharkiv, Україна → ukraina), each letter as it is spelt inside
// a word, and the four letters only Russian writes as e (ё, э), y (ы) and nothing (ъ). One
// table serves both languages, so a Russian и reads y, as the Ukrainian one does: an id
// need only be typable and recognisable.
var cyrillicLatin = map[rune]string{
	'а': "a", 'б': "b", 'в': "v", 'г': "h", 'ґ': "g", 'д': "d", 'е': "e", 'є': "ie",
	'ж': "zh", 'з': "z", 'и': "y", 'і': "i", 'ї': "i", 'й': "i", 'к': "k", 'л': "l",
	'м': "m", 'н': "n", 'о': "o", 'п': "p", 'р': "r", 'с': "s", 'т': "t", 'у': "u",
	'ф': "f", 'х': "kh", 'ц': "ts", 'ч': "ch", 'ш': "sh", 'щ': "shch", 'ь': "", 'ю': "iu",
	'я': "ia", 'ё': "e", 'ъ': "", 'ы': "y", 'э': "e",
}

// cyrillicToLatin spells the Cyrillic letters of a lower-case s in Latin. An apostrophe
// after a Cyrillic letter is part of the word (Ukrainian м'ята), and goes with it.
func cyrillicToLatin(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool { return unicode.Is(unicode.Cyrillic, r) }) {
		return s
	}
	var b strings.Builder
	cyrillic := false
	for _, r := range s {
		if latin, ok := cyrillicLatin[r]; ok {
			b.WriteString(latin)
			cyrillic = true
			continue
		}
		if cyrillic && strings.ContainsRune("'\u2019\u02bc", r) {
			continue
		}
		cyrillic = unicode.Is(unicode.Cyrillic, r)
		b.WriteRune(r)
	}
	return b.String()
}

// greekLatin spells Greek letters in Latin ones as ELOT 743, Greece's standard (the UN's
// too), spells them where no neighbour changes them: Ελλάδα → ellada, Θεσσαλονίκη →
// thessaloniki.
var greekLatin = map[rune]string{
	'α': "a", 'β': "v", 'γ': "g", 'δ': "d", 'ε': "e", 'ζ': "z", 'η': "i", 'θ': "th",
	'ι': "i", 'κ': "k", 'λ': "l", 'μ': "m", 'ν': "n", 'ξ': "x", 'ο': "o", 'π': "p",
	'ρ': "r", 'σ': "s", 'ς': "s", 'τ': "t", 'υ': "y", 'φ': "f", 'χ': "ch", 'ψ': "ps",
	'ω': "o",
}

// greekToLatin spells the Greek letters of a lower-case s in Latin, with ELOT 743's pairs:
// ου is ou; αυ, ευ and ηυ are av, ev and iv, or af, ef and if before a voiceless consonant
// or at a word's end (Ευρώπη → evropi, αυτονομία → aftonomia); γ before γ, ξ or χ is n
// (Άγγελος → angelos); μπ opening a word is b. A diaeresis keeps υ out of a pair
// (προϋπολογισμός → proypologismos); the stress mark goes.
func greekToLatin(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool { return unicode.Is(unicode.Greek, r) }) {
		return s
	}
	const stress, diaeresis = '\u0301', '\u0308'
	var rs []rune
	for _, r := range norm.NFD.String(s) {
		if r != stress {
			rs = append(rs, r)
		}
	}
	at := func(i int) rune {
		if i < len(rs) {
			return rs[i]
		}
		return 0
	}
	var b strings.Builder
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		pairsWithUpsilon := at(i+1) == 'υ' && at(i+2) != diaeresis
		switch {
		case r == 'ο' && pairsWithUpsilon:
			b.WriteString("ou")
			i++
		case (r == 'α' || r == 'ε' || r == 'η') && pairsWithUpsilon:
			b.WriteString(greekLatin[r])
			if next := at(i + 2); !unicode.Is(unicode.Greek, next) || strings.ContainsRune("θκξπστφχψ", next) {
				b.WriteString("f")
			} else {
				b.WriteString("v")
			}
			i++
		case r == 'γ' && strings.ContainsRune("γξχ", at(i+1)):
			b.WriteString("n")
		case r == 'μ' && at(i+1) == 'π' && (i == 0 || !unicode.Is(unicode.Greek, rs[i-1])):
			b.WriteString("b")
			i++
		case r == diaeresis:
		default:
			if latin, ok := greekLatin[r]; ok {
				b.WriteString(latin)
			} else {
				b.WriteRune(r)
			}
		}
	}
	return norm.NFC.String(b.String())
}
