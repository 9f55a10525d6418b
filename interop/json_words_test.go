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
