package main

import (
	"strings"
	"testing"
)

// The README's one-file example of who must agree is the small accord of sim/testdata, as
// a teacher would copy it: it must validate strictly, say its rule in the words the README
// quotes, and give the zone the README describes (worked by hand in sim/accord_test.go:
// deep large and medium small pass at the table, the Parliament ratifies deep large alone,
// China's belief adds medium small as a false hope).
func TestReadmeWhoMustAgreeFile(t *testing.T) {
	section := readmeSection(t, "Who must agree, ratification and beliefs")
	copyReadmeBlock(t, section, "```yaml\n", "the one-file example in a ```yaml block", "accord.yaml")
	runOK(t, "validate", "--strict", "accord.yaml")
	rule := "A deal passes when the actors that accept it hold at least 2 of the table's 2 votes (one each), European Union and China among them, since each holds a veto."
	if !strings.Contains(strings.Join(strings.Fields(section), " "), rule) {
		t.Errorf("the README no longer quotes %q", rule)
	}
	if out := runOK(t, "explain", "accord.yaml"); !strings.Contains(out, rule) {
		t.Errorf("explain does not say %q:\n%s", rule, out)
	}
	if out := runOK(t, "explain", "accord.yaml", "--teacher"); !strings.Contains(out, "Two deals pass at the table; the Parliament ratifies one.") {
		t.Errorf("explain --teacher lacks the teacher's notes:\n%s", out)
	}
	out := runOK(t, "analyze", "accord.yaml")
	wantContains(t, "analyze", out,
		"The zone of possible agreement (ZOPA) holds 1 of them",
		"At the table alone (Level I) 2 deals pass; ratification at home (Level II) leaves 1.",
		"│ 1 │ deep   │ large   │ 0.600 (+0.100) │ 0.500 (+0.200) │",
	)
	// China's picture: both table deals, one of them a false hope.
	if beliefs := runOK(t, "analyze", "accord.yaml", "--format", "json"); !strings.Contains(beliefs, `"zopa_count": 2`) || !strings.Contains(beliefs, `"false_hopes": 1`) {
		t.Errorf("China's picture is not 2 deals with 1 false hope:\n%s", beliefs)
	}
	// The public brief lists the Parliament as a ratifier, at no table, but not for whom.
	brief := runOK(t, "brief", "accord.yaml")
	_, home, _ := strings.Cut(brief, "Who ratifies at home")
	home, _, _ = strings.Cut(home, "How a deal is decided")
	if strings.Contains(brief, "Parliament is easier") || !strings.Contains(home, "European Parliament") || strings.Contains(home, "European Union") {
		t.Errorf("the public brief shows a belief or for whom the Parliament ratifies, or lists it at the table:\n%s", brief)
	}
}
