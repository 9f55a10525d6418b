package config

import (
	"errors"
	"reflect"
	"regexp"
	"strings"

	"github.com/negsim/negsim/sim"
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
	if what := ControlCharacter(s); what != "" {
		return Override{}, Usagef("--set %q: holds %s; remove it", s, what)
	}
	if sets := secondSet.FindAllStringIndex(s, -1); len(sets) > 0 {
		// "a.b=1,c.d=2" as one --set: the value would be read as "1,c.d=2".
		var parts []string
		start := 0
		for _, at := range sets {
			parts = append(parts, strings.TrimSpace(s[start:at[0]]))
			start = at[0] + 1
		}
		parts = append(parts, strings.TrimSpace(s[start:]))
		return Override{}, Usagef("--set %s: sets %d values; give each its own --set, as in --set %s", s, len(parts), strings.Join(parts, " --set "))
	}
	return Override{Path: path, Value: strings.TrimSpace(value)}, nil
}

// secondSet finds a comma that starts another PATH=VALUE: a dotted path, then "=". A list's
// commas are followed by option ids, which hold no dot.
var secondSet = regexp.MustCompile(`,\s*[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)+\s*=`)

// Apply turns the document's scenario into the what-if asked for, the variant first, then
// the overrides in order, and compiles the result (the document itself when there is no
// what-if). Each scenario is validated once: the file as written, when a what-if is asked
// of a file not yet compiled (a what-if cannot mend a broken file, nor be judged on one),
// then the what-if, in sim.Compile. Problems a what-if causes are reported against what
// the user typed, since the file itself is not at fault.
func (doc *Document) Apply(variant string, sets []Override) error {
	whatIf := variant != "" || len(sets) > 0
	if !whatIf && doc.Space != nil {
		return nil
	}
	if whatIf && doc.Space == nil {
		if own := doc.file.Validate().Errors(); len(own) > 0 {
			return doc.located(own)
		}
	}
	sc, err := doc.Scenario, error(nil)
	var recentred []sim.Recentred
	var stale sim.Diagnostics
	if whatIf {
		if sc, err = whatIfScenario(doc, variant, sets); err != nil {
			return err
		}
		recentred = sc.RecentreUncertainty(doc.Scenario)
		stale = sc.DropStaleVariants(variant)
	}
	sp, err := sim.Compile(sc)
	var found sim.Diagnostics
	switch {
	case errors.As(err, &found) && !whatIf:
		return doc.located(found)
	case errors.As(err, &found):
		what := "the overrides"
		if variant != "" {
			what = "variant " + variant + " with the overrides"
		}
		msgs := make([]string, len(found))
		for i, p := range found {
			msgs[i] = "  " + p.String()
		}
		return Usagef("%s: %s leave the scenario invalid:\n%s", doc.Name, what, strings.Join(msgs, "\n"))
	case err != nil:
		return err
	}
	warnings := doc.located(append(stale, sp.Warnings()...))
	if whatIf {
		warnings = doc.unlocatedWhereChanged(sc, warnings)
	}
	doc.Scenario, doc.Space, doc.Warnings = sc, sp, warnings
	if whatIf {
		doc.Variant, doc.Recentred, doc.Overrides = variant, recentred, nil
		for _, o := range sets {
			doc.Overrides = append(doc.Overrides, o.Path+"="+o.Value)
		}
	}
	return nil
}

func whatIfScenario(doc *Document, variant string, sets []Override) (*sim.Scenario, error) {
	sc := doc.Scenario
	if variant != "" {
		v, err := sc.WithVariant(variant)
		if err != nil {
			return nil, Usagef("%s: --variant %s: %w", doc.Name, variant, err)
		}
		sc = v
	} else {
		sc = sc.Clone()
	}
	for _, o := range sets {
		if err := sc.Set(o.Path, o.Value); err != nil {
			return nil, Usagef("--set %s=%s: %v", o.Path, o.Value, err)
		}
	}
	return sc, nil
}

// unlocatedWhereChanged takes the file's line off each warning about a value the what-if
// changed: that line writes the value before the change (reservation: 0.4 where the
// warning speaks of 0.99), and sends a reader to fix a file that is not at fault. The
// warning keeps the file's name and its path, which --set takes as written. A warning on
// an actor, a variant or another item keeps its line, which places the item whatever the
// what-if changed inside it.
func (doc *Document) unlocatedWhereChanged(sc *sim.Scenario, found sim.Diagnostics) sim.Diagnostics {
	for i, d := range found {
		was, errWas := doc.file.Get(d.Path)
		now, errNow := sc.Get(d.Path)
		if errWas == nil && errNow == nil && isValue(reflect.ValueOf(was)) && !reflect.DeepEqual(was, now) {
			found[i].Line, found[i].Col = 0, 0
		}
	}
	return found
}

// isValue reports whether v is a value a file writes on one line, a number, a word or a
// list or map of those, rather than an item with fields of its own.
func isValue(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Struct, reflect.Invalid:
		return false
	case reflect.Pointer, reflect.Slice, reflect.Array, reflect.Map:
		return isValue(reflect.Zero(v.Type().Elem()))
	}
	return true
}
