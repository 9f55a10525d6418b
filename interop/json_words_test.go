package interop

import "testing"

// A GeniusWeb file with a syntax error, or a value of the wrong kind, is told at the line
// to fix, in the words of the file (its keys, text or a number), and with what to write
// there. Before, a missing comma gave "one.json: not valid JSON: invalid character '"'
// after object key:value pair" with no line; a weight written as "0.6" gave "one.json: not
// a GeniusWeb profile: json: cannot unmarshal string into Go struct field
// gwSpace.LinearAdditiveUtilitySpace.issueWeights of type float64", no line and the
// program's own names; a step written "one" gave "the domain's issuesValues is not valid:
// json: invalid number literal"; and a weight or utility of null was read as 0 without a
// word, where GeniusWeb has no such value.
func TestReadGeniusWebSaysWhatToWriteAtTheLine(t *testing.T) {
	cases := []profileEdit{
		// testWebProfile's line 7 holds issueWeights.
		{`"a": 0.6, "n": 0.4`, `"a": 0.6 "n": 0.4`, []string{"one.json:7:", "not valid JSON"}},
		{`"a": 0.6, "n": 0.4`, `"a": "0.6", "n": 0.4`, []string{"one.json:7:", `"a"`, "text", "a number", "write 0.6 without quotes"}},
		{`"a": 0.6, "n": 0.4`, `"a": null, "n": 0.4`, []string{"one.json:7:", `"a"`, "null", "a number 0 or more"}},
		// Line 5 holds a's valueUtilities.
		{`"x": 1, "y": 0`, `"x": 1, "y": null`, []string{"one.json:5:", `"y"`, "null", "a number from 0 to 1"}},
		{`"x": 1, "y": 0`, `"x": 1, "y": true`, []string{"one.json:5:", `"y"`, "true or false", "a number"}},
		// Line 4 holds n's NumberValueSetUtilities; line 8 the domain and its range.
		{`"lowValue": 0,`, `"lowValue": "zero",`, []string{"one.json:4:", `"lowValue"`, "text", "a number"}},
		{`"highUtility": 0.6`, `"highUtility": null`, []string{"one.json:4:", `"highUtility"`, "null", "a number"}},
		{`, "highUtility": 0.6`, ``, []string{"one.json:4:", `"highUtility"`, "no", "NumberValueSetUtilities"}},
		{`"step": 1`, `"step": "one"`, []string{"one.json:8:", `"step"`, "text", "a number"}},
		{`"values": ["x", "y"]`, `"values": "x, y"`, []string{"one.json:8:", `"values"`, "text", "a list"}},
	}
	wantProfileEdits(t, cases)
}

// GeniusWeb refuses a key its classes do not define; negsim read past one. A researcher who
// wrote "reservationValue": 0.5 (GENIUS's word) imported a profile with no reservation at
// all, and a misspelt "issueWeight" or "lowUtilty" was told as a missing key, not as the
// misspelling on the line. In testWebProfile, line 2 holds the name, 4 n's utilities, 7
// the weights and 8 the domain.
func TestReadGeniusWebRefusesKeysItDoesNotDefine(t *testing.T) {
	cases := []profileEdit{
		{`"name": "buyer",`, `"name": "buyer", "reservationValue": 0.5,`, []string{"one.json:2:", `"reservationValue"`, "in LinearAdditiveUtilitySpace", `"reservationBid": {"issuevalues"`}},
		{`"issueWeights"`, `"issueWeight"`, []string{"one.json:7:", `"issueWeight"`, `"issueWeights"`, `"reservationBid"`}},
		{`"lowUtility"`, `"lowUtilty"`, []string{"one.json:4:", `"lowUtilty"`, "in LinearAdditiveUtilitySpace.issueUtilities.n", `"highUtility", "highValue", "lowUtility", "lowValue"`}},
		{`"values": ["x", "y"]`, `"value": ["x", "y"]`, []string{"one.json:8:", `"value"`, "in LinearAdditiveUtilitySpace.domain.issuesValues.a", `"range", "values"`}},
		{`"issuevalues": {"a": "y", "n": 2}`, `"issuevalues": {"a": "y", "n": 2}, "utility": 0.24`, []string{"one.json:9:", `"utility"`, "in LinearAdditiveUtilitySpace.reservationBid", `"issuevalues"`}},
	}
	wantProfileEdits(t, cases)
	// A domain file on its own, with a GENIUS discount factor it does not take.
	domain := `{"name": "toy",
  "issuesValues": {"a": {"values": ["x", "y"]}},
  "discountFactor": 0.9}`
	_, err := ReadGeniusWeb([]File{{Name: "toy.json", Data: []byte(domain)}, {Name: "one.json", Data: []byte(testWebProfile)}})
	wantMentions(t, "discountFactor", err, "toy.json:3:", `"discountFactor"`, "the file's top level", `"issuesValues", "name"`)
}
