package scenarios_test

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/negsim/negsim/internal/scenariotest"
	"github.com/negsim/negsim/scenarios"
	"github.com/negsim/negsim/sim"
)

// A role brief quotes its role's own notes and those of a variant beside the values the
// variant changes. The engine keeps every other actor's numbers out of it, but a note is the
// file's prose: a variant's one note lands in the brief of every role it touches, and a
// belief's note in its holder's. So the shipped files' prose must not hand a role another
// side's walk-away value or red line, nor say whether the role's picture of the others is
// right: under sanctions-bite the United States' brief read "Russia's reservation falls to
// 0.48 … a freeze enters Russia's red line … the hardliners' reservation falling to 0.35",
// and its belief note "Russia values Article-5-like guarantees at 0.8 (truly 0)". Nor may
// a note lean on lines of the file the sheet does not show.
func TestRoleBriefNotesKeepOtherSidesPrivate(t *testing.T) {
	for _, name := range scenarios.Names() {
		base := scenariotest.Shipped(t, name, "").Scenario
		variants := []string{""}
		for _, v := range base.Variants {
			variants = append(variants, v.ID)
		}
		for _, variant := range variants {
			sc := scenariotest.Shipped(t, name, variant).Scenario
			for a := range sc.Actors {
				role := sim.RoleBrief(sc, a).Role
				data, err := json.Marshal(role)
				if err != nil {
					t.Fatal(err)
				}
				for _, leak := range privateLeaks(sc, a, role, string(data)) {
					t.Errorf("%s#%s, %s's brief %s", name, variant, sc.Actors[a].ID, leak)
				}
			}
		}
	}
}

// truthWords tell a player whether what it believes about another side is so.
var truthWords = regexp.MustCompile(`(?i)\btruly\b|picture is true|beliefs are true|is true as shipped`)

// privateLeaks lists what the confidential text of actor a's brief gives away of the
// others: a word on whether its beliefs are true, another actor's reservation or red line
// named as such, or a sentence that names another actor beside its reservation as a number
// (0.48, or 48.0 points) that the role does not believe.
func privateLeaks(sc *sim.Scenario, a int, role *sim.Confidential, text string) []string {
	var leaks []string
	if m := truthWords.FindString(text); m != "" {
		leaks = append(leaks, fmt.Sprintf("says whether its beliefs are right (%q)", m))
	}
	// A note quoted on a sheet is read alone: the Rada's "Assumption, as above." pointed to
	// the file's lines above it, which no sheet shows.
	if m := asAbove.FindString(text); m != "" {
		leaks = append(leaks, fmt.Sprintf("quotes a note that points to text the sheet does not hold (%q)", m))
	}
	lower := strings.ToLower(text)
	believed := map[string]bool{}
	if role.Beliefs != nil {
		for _, as := range role.Beliefs.Set {
			believed[as.Path] = true
		}
	}
	sentences := sentenceEnd.Split(text, -1)
	for o := range sc.Actors {
		other := &sc.Actors[o]
		if o == a {
			continue
		}
		// "The same values as Russia's government" gave the hardliners' player Russia's
		// utilities on territory and on Western troops.
		for _, named := range []string{other.Name + "'s reservation", other.Name + "'s red line", "same values as " + other.Name} {
			if strings.Contains(lower, strings.ToLower(named)) {
				leaks = append(leaks, fmt.Sprintf("names %q", named))
			}
		}
		if believed["actors."+other.ID+".reservation"] {
			continue
		}
		keys := nameKeys(other, &sc.Actors[a])
		// Russia's 0.48 is written "0.48" in a note and "48.0" in points.
		for _, form := range []string{fmt.Sprintf("%.2f", other.Reservation), fmt.Sprintf("%.1f", 100*other.Reservation)} {
			number := regexp.MustCompile(`(^|[^\d.])` + regexp.QuoteMeta(form) + `($|[^\d])`)
			for _, sentence := range sentences {
				if number.MatchString(sentence) && containsAny(sentence, keys) {
					leaks = append(leaks, fmt.Sprintf("holds %s's reservation %s: %q", other.ID, form, sentence))
				}
			}
		}
	}
	return leaks
}

var asAbove = regexp.MustCompile(`(?i)\b(as|see) above\b`)

// sentenceEnd ends a sentence, a clause after a semicolon, or a JSON string.
var sentenceEnd = regexp.MustCompile(`\.\s|;\s|\\n|","`)

// nameKeys are the words a sentence names other by: its id and name, and the first and
// last words of the name ("Russia's hardliners" is "the hardliners" in a note) that are
// not also in the reader's own name.
func nameKeys(other, reader *sim.Actor) []string {
	keys := []string{other.ID, other.Name}
	words := strings.Fields(other.Name)
	for _, w := range []string{words[0], words[len(words)-1]} {
		w = strings.Trim(w, "(),")
		w = strings.TrimSuffix(w, "'s")
		if len(w) >= 4 && !strings.Contains(reader.Name, w) {
			keys = append(keys, w)
		}
	}
	return keys
}

func containsAny(s string, keys []string) bool {
	for _, k := range keys {
		if strings.Contains(s, k) {
			return true
		}
	}
	return false
}
