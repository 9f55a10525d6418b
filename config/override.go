package config

import (
	"strings"
)

// Override is one --set PATH=VALUE from the command line.
type Override struct {
	Path  string
	Value string
}

// ParseOverride splits PATH=VALUE; the value is kept as text and converted to the type
// the path holds when it is applied.
func ParseOverride(s string) (Override, error) {
	path, value, ok := strings.Cut(s, "=")
	path = strings.TrimSpace(path)
	if !ok || path == "" {
		return Override{}, Usagef("--set %q: write PATH=VALUE, e.g. actors.russia.reservation=0.4", s)
	}
	return Override{Path: path, Value: strings.TrimSpace(value)}, nil
}

// Apply turns the document's scenario into the what-if asked for: the variant first,
// then the overrides in order. The result is validated again, and its problems are
// reported against what the user typed, since the file itself is not at fault.
func (doc *Document) Apply(variant string, sets []Override) error {
	sc := doc.Scenario
	if variant != "" {
		v, err := sc.WithVariant(variant)
		if err != nil {
			return Usagef("%s: --variant %s: %v", doc.Name, variant, err)
		}
		sc = v
	} else {
		sc = sc.Clone()
	}
	for _, o := range sets {
		if err := sc.Set(o.Path, o.Value); err != nil {
			return Usagef("--set %s=%s: %v", o.Path, o.Value, err)
		}
	}
	if variant == "" && len(sets) == 0 {
		return nil
	}
	var msgs []string
	for _, p := range sc.Validate().Errors() {
		msgs = append(msgs, "  "+p.String())
	}
	if len(msgs) > 0 {
		what := "the overrides"
		if variant != "" {
			what = "variant " + variant + " with the overrides"
		}
		return Usagef("%s: %s leave the scenario invalid:\n%s", doc.Name, what, strings.Join(msgs, "\n"))
	}
	doc.Scenario = sc
	doc.Variant = variant
	return nil
}
