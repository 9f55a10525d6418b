package sim

import (
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
			// alpha accepts only a and b on x, so then x: [c] can never hold.
			name: "then outside acceptable", c: Constraint{If: map[string][]string{"y": {"q"}}, Then: map[string][]string{"x": {"c"}}},
			path: "actors[0].constraints[0].then.x", contains: "can never be met",
		},
		{
			// A deal with x = a never has x = b.
			name: "if and then contradict", c: Constraint{If: map[string][]string{"x": {"a"}}, Then: map[string][]string{"x": {"b"}}},
			path: "actors[0].constraints[0].then.x", contains: "contradict",
		},
		{
			// then x: [b, c] can hold through b, which alpha accepts and the if allows.
			name: "if narrows then to an acceptable option", c: Constraint{If: map[string][]string{"x": {"a", "b"}}, Then: map[string][]string{"x": {"b", "c"}}},
		},
		{
			// if x: [c] never holds, since alpha rejects c anyway.
			name: "if never holds", c: Constraint{If: map[string][]string{"x": {"c"}}, Then: map[string][]string{"y": {"p"}}},
			path: "actors[0].constraints[0].if.x", warning: true, contains: "never applies",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sc := explainFixture()
			sc.Actors[0].Constraints = []Constraint{tc.c}
			var found []Problem
			for _, p := range sc.Validate() {
				if strings.HasPrefix(p.Path, "actors[0].constraints") {
					found = append(found, p)
				}
			}
			if tc.path == "" {
				if len(found) > 0 {
					t.Fatalf("want no problem with the constraint, got %v", found)
				}
				return
			}
			if len(found) != 1 || found[0].Path != tc.path || found[0].Warning != tc.warning || !strings.Contains(found[0].Message, tc.contains) {
				t.Fatalf("got %+v; want one problem at %s (warning %v) saying %q", found, tc.path, tc.warning, tc.contains)
			}
		})
	}
}
