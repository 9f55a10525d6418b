package config

import (
	"fmt"
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
		return Override{}, fmt.Errorf("%w: --set %q: write PATH=VALUE, e.g. actors.russia.reservation=0.4", ErrUsage, s)
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
			return fmt.Errorf("%w: %s: --variant %s: %v", ErrUsage, doc.Name, variant, err)
		}
		sc = v
	} else {
		sc = sc.Clone()
	}
	for _, o := range sets {
		if err := sc.Set(o.Path, o.Value); err != nil {
			return fmt.Errorf("%w: --set %s=%s: %v", ErrUsage, o.Path, o.Value, err)
		}
	}
	recentred := sc.RecentreUncertainty(doc.Scenario)
	if variant == "" && len(sets) == 0 {
		return nil
	}
	var msgs []string
	problems := sc.Validate()
	for _, p := range problems.Errors() {
		msgs = append(msgs, "  "+p.String())
	}
	if len(msgs) > 0 {
		what := "the overrides"
		if variant != "" {
			what = "variant " + variant + " with the overrides"
		}
		return fmt.Errorf("%w: %s: %s leave the scenario invalid:\n%s", ErrUsage, doc.Name, what, strings.Join(msgs, "\n"))
	}
	doc.Scenario = sc
	doc.Variant = variant
	doc.Recentred = recentred
	doc.Overrides = nil
	for _, o := range sets {
		doc.Overrides = append(doc.Overrides, o.Path+"="+o.Value)
	}
	// The warnings are those of the what-if that runs: a --set can raise one the file did
	// not have (a constraint the narrowed red lines can no longer meet) or settle one.
	doc.Warnings = nil
	for _, p := range problems.Warnings() {
		doc.Warnings = append(doc.Warnings, doc.ErrorAt(p))
	}
	sortErrors(doc.Warnings)
	return nil
}
