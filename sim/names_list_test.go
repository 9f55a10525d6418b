package sim

import "testing"

// A list of what would be valid names each choice once, even when the file gives an id
// twice: issue options [keep, lift, keep] offer two choices, keep and lift.
func TestQuoteListNamesEachChoiceOnce(t *testing.T) {
	cases := []struct {
		ids  []string
		want string
	}{
		{[]string{"keep", "lift", "keep"}, `"keep" or "lift"`},
		{[]string{"a", "b", "c"}, `"a", "b" or "c"`},
		{[]string{"a", "a"}, `"a"`},
		{nil, "none"},
	}
	for _, c := range cases {
		if got := quoteList(c.ids); got != c.want {
			t.Errorf("quoteList(%q) = %s, want %s", c.ids, got, c.want)
		}
	}
}
