package sim

import "testing"

// A careless student types the label a session shows beside an option ("Cut 60% from
// 2019") for its id ("deep"): the error named no option to use. It now says whose label
// that is, whatever the case typed.
func TestOptionLabelTypedForItsIDIsNamed(t *testing.T) {
	sc := &Scenario{Issues: []Issue{
		{ID: "target", Options: []Option{{ID: "deep", Label: "Cut 60% from 2019"}, {ID: "medium", Label: "Cut 40% from 2019"}}},
		{ID: "review", Options: []Option{{ID: "binding"}, {ID: "voluntary"}}},
	}}
	_, err := ParseDeal("target=cut 40% FROM 2019, review=binding", sc)
	want := `issue "target" has no option "cut 40% FROM 2019"; did you mean "medium"? ("Cut 40% from 2019" is its label; a deal names each option by its id) valid: "deep" or "medium"`
	if err == nil || err.Error() != want {
		t.Errorf("got %v\nwant %s", err, want)
	}
}
