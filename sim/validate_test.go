package sim

import (
	"fmt"
	"strings"
	"testing"
)

func TestConstraintReachability(t *testing.T) {
	tests := []struct {
		name     string
		c        Constraint
		path     string // "" when the constraint is sound
		warning  bool
		contains string
	}{
		{name: "sound", c: Constraint{If: map[string][]string{"x": {"b"}}, Then: map[string][]string{"y": {"p"}}}},
		{
			// alpha accepts only a and b on x, so then x: [c] can never hold: the
			// constraint rejects every deal with y = q, a warning, and the scenario runs.
			name: "then outside acceptable", c: Constraint{If: map[string][]string{"y": {"q"}}, Then: map[string][]string{"x": {"c"}}},
			path: "actors.alpha.constraints.0.then.x", warning: true, contains: "can never be met",
		},
		{
			// A deal with x = a never has x = b.
			name: "if and then contradict", c: Constraint{If: map[string][]string{"x": {"a"}}, Then: map[string][]string{"x": {"b"}}},
			path: "actors.alpha.constraints.0.then.x", contains: "contradict",
		},
		{
			// then x: [b, c] can hold through b, which alpha accepts and the if allows.
			name: "if narrows then to an acceptable option", c: Constraint{If: map[string][]string{"x": {"a", "b"}}, Then: map[string][]string{"x": {"b", "c"}}},
		},
		{
			// if x: [c] never holds, since alpha rejects c anyway.
			name: "if never holds", c: Constraint{If: map[string][]string{"x": {"c"}}, Then: map[string][]string{"y": {"p"}}},
			path: "actors.alpha.constraints.0.if.x", warning: true, contains: "never applies",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sc := explainFixture()
			sc.Actors[0].Constraints = []Constraint{tc.c}
			var found Diagnostics
			for _, p := range sc.Validate() {
				if strings.HasPrefix(p.Path, "actors.alpha.constraints") {
					found = append(found, p)
				}
			}
			if tc.path == "" {
				if len(found) > 0 {
					t.Fatalf("want no problem with the constraint, got %v", found)
				}
				return
			}
			if len(found) != 1 || found[0].Path != tc.path || found[0].IsError() == tc.warning || !strings.Contains(found[0].Message, tc.contains) {
				t.Fatalf("got %+v; want one problem at %s (warning %v) saying %q", found, tc.path, tc.warning, tc.contains)
			}
		})
	}
}

// sized builds a valid scenario with the given numbers of issues, options per issue and
// actors, every actor caring about the first issue only.
func sized(issues, options, actors int) *Scenario {
	sc := &Scenario{Name: "sized", Issues: gridIssues(issues, options)}
	for a := 0; a < actors; a++ {
		sc.Actors = append(sc.Actors, Actor{ID: fmt.Sprintf("a%d", a), Name: "actor", Veto: true, Power: 1,
			Preferences: []Preference{{Issue: "i0", Weight: 1, Ideal: "o0"}}})
	}
	return sc
}

func TestSizeLimits(t *testing.T) {
	tests := []struct {
		name                    string
		issues, options, actors int
		path, contains          string // path "" when the scenario is within every limit
	}{
		{name: "at every limit", issues: MaxIssues, options: 2, actors: MaxActors},
		{name: "at the option limit", issues: 1, options: MaxOptions, actors: 1},
		{name: "one issue too many", issues: MaxIssues + 1, options: 1, actors: 1,
			path: "issues", contains: "65 issues are more than the limit of 64"},
		{name: "one option too many", issues: 2, options: MaxOptions + 1, actors: 1,
			path: "issues.i0.options", contains: `1001 options of issue "i0" are more than the limit of 1000`},
		{name: "one actor too many", issues: 1, options: 1, actors: MaxActors + 1,
			path: "actors", contains: "65 actors are more than the limit of 64"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			errs := sized(tc.issues, tc.options, tc.actors).Validate().Errors()
			if tc.path == "" {
				if len(errs) > 0 {
					t.Fatalf("refused within the limits: %v", errs)
				}
				return
			}
			if len(errs) == 0 || errs[0].Path != tc.path || !strings.Contains(errs[0].Message, tc.contains) {
				t.Fatalf("errors %v; want first at %s containing %q", errs, tc.path, tc.contains)
			}
		})
	}
}

// An issue or option id that two share, or that is no id at all, is the one error: every
// preference, utility and condition that names it would otherwise be charged with it. In
// the explain fixture issue y renamed x left "no issue \"y\"" for each actor's preference
// of y and a utility error for each of x's options it lacks; option b of x renamed a left
// "no option \"b\"" for every actor that values b; option a written in a word processor's
// curly quotes, “a”, left each utility of a "no option \"a\"; did you mean \"b\"?". Each
// now gives one error, its own, and curly quotes are named as such, with the id to write.
func TestBrokenIssueIDsAreTheOneError(t *testing.T) {
	for _, c := range []struct {
		name, want string
		breakIt    func(sc *Scenario)
	}{
		{"issue clash", `duplicate issue id "x" (also issues.x): give each issue an id of its own`,
			func(sc *Scenario) { sc.Issues[1].ID = sc.Issues[0].ID }},
		{"option clash", `duplicate option id "a" (also issues.x.options.a): give each option of the issue an id of its own`,
			func(sc *Scenario) { sc.Issues[0].Options[1].ID = sc.Issues[0].Options[0].ID }},
		{"curly quotes", `"“a”" is not a valid id: it is in curly quotes (a word processor's "smart quotes"), which are part of the id to YAML; write "a", with no quotes`,
			func(sc *Scenario) { sc.Issues[0].Options[0].ID = "“a”" }},
		{"issue id with a space", `"y y" is not a valid id: use lower-case letters, digits, '-' and '_', starting with a letter or digit; write "y-y"`,
			func(sc *Scenario) { sc.Issues[1].ID = "y y" }},
		// A name written where the id goes, wholly in another script: the message named
		// its first letter, "it contains "т" (U+0442), which is not a Latin letter", and
		// left a teacher writing in Ukrainian or Chinese with no id to write and no word
		// that the name has a field of its own.
		{"issue id in Cyrillic", `"територія" is not a valid id: an id, which --set paths and deals files take, is written in lower-case Latin letters, digits, '-' and '_'; write one, such as "terytoriia", and keep "територія" as the name (name: takes any letters)`,
			func(sc *Scenario) { sc.Issues[1].ID = "територія" }},
		{"option id in Chinese", `"走廊" is not a valid id: an id, which --set paths and deals files take, is written in lower-case Latin letters, digits, '-' and '_'; write one, such as "option-1", and keep "走廊" as the name (name: takes any letters)`,
			func(sc *Scenario) { sc.Issues[0].Options[0].ID = "走廊" }},
		// One Cyrillic letter among Latin ones most often only looks Latin: it is named,
		// and no id is offered.
		{"issue id with a lookalike", `"rаy" is not a valid id: it contains "а" (U+0430), which is not a Latin letter or digit; use lower-case letters, digits, '-' and '_', starting with a letter or digit`,
			func(sc *Scenario) { sc.Issues[1].ID = "rаy" }},
	} {
		t.Run(c.name, func(t *testing.T) {
			sc := explainFixture()
			c.breakIt(sc)
			errs := sc.Validate().Errors()
			if len(errs) != 1 || errs[0].Message != c.want {
				t.Fatalf("%d errors %v; want the one: %s", len(errs), errs, c.want)
			}
		})
	}
}

// A duplicate id says what would be valid, as every other error does: "duplicate option id
// "a" (also issues.x.options.a)" named the clash and left the mend unsaid, while the
// errors that follow from it ("issue "x" has no option "b"; valid: "a" or "c") point to
// another. It failed before: the message ended at the brackets.
func TestDuplicateIDSaysToRenameOne(t *testing.T) {
	for _, c := range []struct{ name, path, want string }{
		{"option", "issues.x.options.1.id", `duplicate option id "a" (also issues.x.options.a): give each option of the issue an id of its own`},
		{"issue", "issues.1.id", `duplicate issue id "x" (also issues.x): give each issue an id of its own`},
		{"actor", "actors.1.id", `duplicate actor id "alpha" (also actors.alpha): give each actor an id of its own`},
	} {
		t.Run(c.name, func(t *testing.T) {
			sc := explainFixture()
			switch c.name {
			case "option":
				sc.Issues[0].Options[1].ID = "a"
			case "issue":
				sc.Issues[1].ID = "x"
			case "actor":
				sc.Actors[1].ID = "alpha"
			}
			var got []string
			for _, p := range sc.Validate() {
				if p.Path == c.path {
					got = append(got, p.Message)
				}
			}
			if len(got) != 1 || got[0] != c.want {
				t.Fatalf("at %s got %q; want %q", c.path, got, c.want)
			}
		})
	}
}
