package interop

import (
	"strings"
	"testing"
)

// A number missing or malformed in a GENIUS profile is told with the element it belongs to
// (its value or index) and what to write there. Before, the error named only the
// element's kind: "a.xml:4: <item evaluation="lots">: "lots" is not a number", "a.xml:8:
// <weight> has no value attribute", and "0,2" written with a decimal comma was not told
// how to write it.
func TestReadGeniusSaysWhatNumberToWrite(t *testing.T) {
	cases := []struct {
		old, new string
		want     []string
	}{
		{`<item value="green" evaluation="4"/>`, `<item value="green" evaluation="lots"/>`, []string{"a.xml:4:", `value="green"`, `"lots"`, "a number 0 or more"}},
		{`<item value="green" evaluation="4"/>`, `<item value="green"/>`, []string{"a.xml:4:", `value="green"`, "evaluation", "a number 0 or more"}},
		{`<weight index="3" value="0.2"/>`, `<weight index="3"/>`, []string{"a.xml:8:", `index="3"`, "value", "a number 0 or more"}},
		{`<weight index="3" value="0.2"/>`, `<weight index="3" value="0,2"/>`, []string{"a.xml:8:", `index="3"`, `"0,2"`, "write 0.2"}},
		{`<reservation value="0.4"/>`, `<reservation value="some"/>`, []string{"a.xml:11:", "reservation", `"some"`, "a number from 0 to 1"}},
	}
	for _, c := range cases {
		profile := strings.Replace(testProfileA, c.old, c.new, 1)
		if profile == testProfileA {
			t.Fatalf("%s matched nothing", c.old)
		}
		_, err := ReadGenius(File{Name: "shop.xml", Data: []byte(testDomain)}, []File{{Name: "a.xml", Data: []byte(profile)}}, GeniusOptions{})
		wantMentions(t, c.new, err, c.want...)
	}
}
