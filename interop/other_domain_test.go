package interop

import (
	"strings"
	"testing"
)

// A profile written for another domain is the commonest slip when picking files from a
// folder of ANAC domains. It is named as such, at the profile's line, with both lists of
// issues, so that the reader sees which files belong together. Before, a GENIUS profile
// of another domain was told "a.xml:3: issue 1 is "Food" here but "Colour" in the domain
// shop.xml (line 4)", as if one issue had been renamed; and two GeniusWeb profiles of two
// domains were told "two.json: its domain does not match the one in one.json: issues "a",
// "n" against "q"", with no line and without saying which list was whose.
func TestReadNamesAProfileOfAnotherDomain(t *testing.T) {
	other := `<utility_space>
<objective index="0" name="root" type="objective">
  <issue index="1" name="Food" type="discrete"><item value="chips" evaluation="1"/></issue>
  <issue index="2" name="Drinks" type="discrete"><item value="tea" evaluation="1"/></issue>
  <weight index="1" value="0.5"/><weight index="2" value="0.5"/>
</objective>
</utility_space>`
	_, err := ReadGenius(File{Name: "shop.xml", Data: []byte(testDomain)}, []File{{Name: "a.xml", Data: []byte(other)}}, GeniusOptions{})
	wantMentions(t, "GENIUS profile of another domain", err, "a.xml:2:", "another domain", `1 "Food", 2 "Drinks"`, `1 "Colour", 2 "Size", 3 "Price"`, "shop.xml")

	// Line 5 holds the second profile's domain.
	otherWeb := `{"LinearAdditiveUtilitySpace": {
  "name": "seller",
  "issueUtilities": {"q": {"DiscreteValueSetUtilities": {"valueUtilities": {"u": 1, "v": 0}}}},
  "issueWeights": {"q": 1},
  "domain": {"name": "other", "issuesValues": {"q": {"values": ["u", "v"]}}}
}}`
	_, err = ReadGeniusWeb([]File{{Name: "one.json", Data: []byte(testWebProfile)}, {Name: "two.json", Data: []byte(otherWeb)}})
	wantMentions(t, "GeniusWeb profile of another domain", err, "two.json:5:", "another domain", `"other"`, `"q"`, `"toy"`, `"a", "n"`, "one.json")

	// A domain that differs in one issue's values: at the line of the profile's domain.
	changed := strings.Replace(testWebProfile, `"values": ["x", "y"]`, `"values": ["x", "z"]`, 1)
	changed = strings.Replace(changed, `"y": 0`, `"z": 0`, 1)
	changed = strings.Replace(changed, `"a": "y"`, `"a": "z"`, 1)
	_, err = ReadGeniusWeb([]File{{Name: "one.json", Data: []byte(testWebProfile)}, {Name: "two.json", Data: []byte(changed)}})
	wantMentions(t, "GeniusWeb domain with other values", err, "two.json:8:", `issue "a"`, `"x", "z"`, `"x", "y"`, "one.json")
}
