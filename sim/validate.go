package sim

import (
	"fmt"
	"math"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
)

type validator struct {
	out Diagnostics
	// known holds the errors of the scenario knownOf, which every variant, event and
	// belief starts from: each is charged only with the errors it adds, and the scenario's
	// own are worked out once rather than once for each of them.
	known   map[string]bool
	knownOf *Scenario
	// issueIDsBroken is set when an issue's or an option's id is invalid, or two issues, or
	// two options of one issue, share one: what refers to them by id cannot be checked until
	// they are mended, and each reference would be blamed for it ("no issue \"target\";
	// valid: \"finance\"" after target was renamed finance, twelve errors for one). What
	// refers to none of them (brokenIssues) is still checked: a teacher mending one id
	// should not find a second round of errors waiting behind it.
	issueIDsBroken bool
	brokenIssues   map[string]bool
}

func (v *validator) errorf(path, format string, args ...any) {
	v.out = append(v.out, Diagnostic{Severity: SeverityError, Path: path, Message: fmt.Sprintf(format, args...)})
}

func (v *validator) stylef(path, format string, args ...any) {
	v.out = append(v.out, Diagnostic{Severity: SeverityStyle, Path: path, Message: fmt.Sprintf(format, args...)})
}

func (v *validator) warnf(path, format string, args ...any) {
	v.out = append(v.out, Diagnostic{Severity: SeverityWarning, Path: path, Message: fmt.Sprintf(format, args...)})
}

// StrategyKind names how an actor concedes over rounds, as files write it.
type StrategyKind string

// Strategy kinds. The time-dependent presets fix the concession exponent e of
// Faratin, Sierra & Jennings (1998); time-dependent takes e from the file.
const (
	StrategyBoulware      StrategyKind = "boulware"
	StrategyLinear        StrategyKind = "linear"
	StrategyConceder      StrategyKind = "conceder"
	StrategyTimeDependent StrategyKind = "time-dependent"
	StrategyTitForTat     StrategyKind = "tit-for-tat"
	StrategyHardliner     StrategyKind = "hardliner"
)

// StrategyKinds lists every strategy a file may name.
var StrategyKinds = []StrategyKind{StrategyBoulware, StrategyLinear, StrategyConceder, StrategyTimeDependent, StrategyTitForTat, StrategyHardliner}

// ProtocolKind names how rounds of talks proceed; Rule how a mediator chooses its proposal.
type (
	ProtocolKind string
	Rule         string
)

// Protocol kinds and mediator rules.
const (
	ProtocolMediated    ProtocolKind = "mediated"
	ProtocolAlternating ProtocolKind = "alternating"
	RuleNash            Rule         = "nash"
	RuleMediator        Rule         = "mediator"
)

// ProtocolKinds and Rules list what a protocol may name.
var (
	ProtocolKinds = []ProtocolKind{ProtocolMediated, ProtocolAlternating}
	Rules         = []Rule{RuleNash, RuleMediator}
)

// Names lists kinds as the text files write, for messages and choices.
func Names[K ~string](kinds []K) []string {
	out := make([]string, len(kinds))
	for i, k := range kinds {
		out[i] = string(k)
	}
	return out
}

// Validate checks everything that would make the scenario meaningless or ambiguous and
// returns every problem found, errors and warnings together, in file order.
func (s *Scenario) Validate() Diagnostics {
	v := &validator{}
	if s.Name == "" {
		v.errorf("name", "a scenario needs a name")
	}
	v.core(s)
	v.knowErrors(s, v.out)
	v.beliefs(s)
	v.variants(s)
	v.events(s)
	v.uncertainty(s)
	v.placeholders(s)
	return v.out
}

// Placeholder begins every text of negsim new's starter file that is the teacher's to write:
// a source, a title, what an option means.
const Placeholder = "Placeholder:"

// placeholders notes, on style, each text that still holds a placeholder: the list of what
// a teacher has left to fill in, which validate shows and --strict refuses. The starter runs
// as it is, so they are no warnings.
func (v *validator) placeholders(s *Scenario) {
	// The path is written only for a text that holds a placeholder: every probe of What
	// would it take validates a scenario, and naming each of its values on the way was a
	// good part of the probe's time.
	var at []pathStep
	var walk func(x reflect.Value)
	walk = func(x reflect.Value) {
		switch x.Kind() {
		case reflect.String:
			if text, ok := strings.CutPrefix(x.String(), Placeholder); ok {
				v.out = append(v.out, Diagnostic{Severity: SeverityStyle, Path: stepsPath(at), Placeholder: true,
					Message: "still the starter's placeholder: " + strings.TrimSpace(text)})
			}
		case reflect.Struct:
			for _, f := range pathFields(x.Type()) {
				if f.name == "" {
					walk(x.Field(f.index))
					continue
				}
				at = append(at, pathStep{name: f.name})
				walk(x.Field(f.index))
				at = at[:len(at)-1]
			}
		case reflect.Slice:
			// Lists of ids and maps of numbers hold no text to write.
			if x.Type().Elem().Kind() != reflect.Struct {
				return
			}
			for i := 0; i < x.Len(); i++ {
				at = append(at, pathStep{list: x, index: i})
				walk(x.Index(i))
				at = at[:len(at)-1]
			}
		}
	}
	walk(reflect.ValueOf(*s))
}

// pathStep is one step of a path being walked: a field's name, or an element of a list.
type pathStep struct {
	name  string
	list  reflect.Value
	index int
}

// stepsPath is the id path of steps, each element named as Path names it.
func stepsPath(steps []pathStep) string {
	parts := make([]string, len(steps))
	for i, st := range steps {
		if !st.list.IsValid() {
			parts[i] = st.name
			continue
		}
		ids := make([]string, st.list.Len())
		if id, named := idField(st.list.Type().Elem()); named {
			for j := range ids {
				ids[j] = st.list.Index(j).Field(id).String()
			}
		}
		parts[i] = ElementKeys(ids)[st.index]
	}
	return strings.Join(parts, ".")
}

// core checks everything but the overrides that variants and events carry, which are
// checked by applying them to a copy and validating that copy's core.
func (v *validator) core(s *Scenario) {
	v.sources(s)
	v.issues(s)
	v.actors(s)
	v.decision(s)
	v.protocol(s)
}

// ids checks the ids of a list and returns the path of each element, and whether its id
// is broken: invalid, or another's.
func (v *validator) ids(path string, n int, id func(int) string, what string) ([]string, []bool) {
	all := make([]string, n)
	for i := range all {
		all[i] = id(i)
	}
	paths := elementPaths(path, all)
	brokenAt := make([]bool, n)
	seen := map[string]int{}
	for i := 0; i < n; i++ {
		p := paths[i] + ".id"
		got := all[i]
		switch {
		case got == "":
			v.errorf(p, "every %s needs an id", what)
		case !IsSlug(got):
			v.errorf(p, "%s", invalidID(got, what))
		case len(got) > MaxIDLength:
			v.errorf(p, "%q is %d characters long, more than an id's %d: --set paths and file names (brief's role-ID.html) take it; write a shorter one, such as %q", Shorten(got), len(got), MaxIDLength, Slug(got))
		}
		broken := !IsSlug(got) || len(got) > MaxIDLength
		if j, dup := seen[got]; dup && got != "" {
			mend := "each " + what
			if what == "option" {
				mend = "each option of the issue" // options of two issues may share ids
			}
			v.errorf(p, "duplicate %s id %q (also %s): give %s an id of its own", what, got, paths[j], mend)
			broken = true
			brokenAt[j] = true
		} else {
			seen[got] = i
		}
		if broken && (what == "issue" || what == "option") {
			v.issueIDsBroken = true
		}
		brokenAt[i] = brokenAt[i] || broken
	}
	return paths, brokenAt
}

// invalidID says why id, the id of a what (issue, option, actor...), is not a valid id and,
// when one can be made of it, the id to write. An id with a letter from another alphabet
// among Latin ones gets no such id: the letter most often looks Latin (Cyrillic р for p),
// and spelling it as it sounds would give a different word.
func invalidID(id, what string) string {
	fix, look := "", lookalike(id)
	// Curly quotes are a word processor's, put around an id that needs none: the id
	// inside them is the one meant.
	bare := strings.Trim(id, "\u2018\u2019\u201c\u201d\u201e")
	if bare != id && IsSlug(bare) {
		return fmt.Sprintf("%q is not a valid id: it is in curly quotes (a word processor's \"smart quotes\"), which are part of the id to YAML; write %q, with no quotes", id, bare)
	}
	if slug := Slug(id); look == "" && IsSlug(slug) {
		fix = fmt.Sprintf("; write %q", slug)
	}
	// A word all in another script is a name written where an id goes: the name has a
	// field of its own, which takes any letters.
	if !strings.ContainsFunc(id, func(r rune) bool { return r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)) }) && strings.ContainsFunc(id, unicode.IsLetter) {
		example := NameID(id, what, 1)
		return fmt.Sprintf("%q is not a valid id: an id, which --set paths and deals files take, is written in lower-case Latin letters, digits, '-' and '_'; write one, such as %q, and keep %q as the name (name: takes any letters)", id, example, id)
	}
	return fmt.Sprintf("%q is not a valid id:%s use lower-case letters, digits, '-' and '_', starting with a letter or digit%s", id, look, fix)
}

// lookalike names the first character of an id outside ASCII, which is most often a letter
// from another alphabet that looks like a Latin one (Cyrillic а for a): the id reads right
// and the message would otherwise leave the reader staring at it.
func lookalike(id string) string {
	for _, r := range id {
		if r > unicode.MaxASCII {
			return fmt.Sprintf(" it contains %q (U+%04X), which is not a Latin letter or digit;", string(r), r)
		}
	}
	return ""
}

func (v *validator) sources(s *Scenario) {
	v.ids("sources", len(s.Sources), func(i int) string { return s.Sources[i].ID }, "source")
}

// Size limits. They are far above any real negotiation and far below what would let a
// file exhaust memory or time before the --max-deals check can refuse it:
//   - MaxIssues: a deal settles every issue, so issues multiply the space; 64 issues of
//     two options already overflow a 64-bit deal count, and real talks table a dozen.
//   - MaxOptions: options are a scale a person reads through; 1,000 covers any price or
//     quantity grid an importer writes, and keeps per-option tables small.
//   - MaxActors: every actor adds a dimension to the Pareto frontier and a column to
//     every deal; beyond a few dozen parties the frontier is nearly the whole ZOPA and
//     no longer tells anyone anything.
const (
	MaxIssues  = 64
	MaxOptions = 1000
	MaxActors  = 64
)

func (v *validator) limit(path string, n, max int, what, advice string) {
	if n > max {
		v.errorf(path, "%d %s are more than the limit of %d; %s", n, what, max, advice)
	}
}

func (v *validator) issues(s *Scenario) {
	if len(s.Issues) == 0 {
		v.errorf("issues", "a scenario needs at least one issue")
	}
	v.limit("issues", len(s.Issues), MaxIssues, "issues", "merge related issues or split the negotiation into stages")
	paths, brokenIssue := v.ids("issues", len(s.Issues), func(i int) string { return s.Issues[i].ID }, "issue")
	v.brokenIssues = map[string]bool{}
	for i := range s.Issues {
		is := &s.Issues[i]
		p := paths[i]
		if is.Name == "" {
			v.errorf(p+".name", "issue %q needs a name", is.ID)
		}
		if len(is.Options) == 0 {
			v.errorf(p+".options", "issue %q needs at least one option", is.ID)
		}
		// One option settles the issue in every deal alike: nothing is negotiated on it, and
		// its weight is a gift every actor gets whatever the deal.
		if len(is.Options) == 1 {
			v.warnf(p+".options", "issue %q has one option, so every deal settles it the same way and its weight is points every actor gets whatever the deal: add another option, or drop the issue", is.ID)
		}
		v.limit(p+".options", len(is.Options), MaxOptions, fmt.Sprintf("options of issue %q", is.ID), "use a coarser scale")
		_, brokenOption := v.ids(p+".options", len(is.Options), func(j int) string { return is.Options[j].ID }, "option")
		if brokenIssue[i] || slices.Contains(brokenOption, true) {
			v.brokenIssues[is.ID] = true
		}
	}
}

func finite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }

// NumberHint says what to write at path instead of text meant as a number: a percentage,
// such as "60%", or a number with a decimal comma, such as "0,35", the same whether the
// text is in a file, after --set or among sweep's values; ok is false for other text.
func NumberHint(path, text string) (hint string, ok bool) {
	text = strings.TrimSpace(text)
	if whole, decimals, ok := strings.Cut(text, ","); ok && decimalComma.MatchString(text) && (len(decimals) != 3 || strings.TrimLeft(whole, "-0") == "") {
		return fmt.Sprintf("write %s.%s, with a point for the decimals", whole, decimals), true
	}
	digits, ok := strings.CutSuffix(text, "%")
	if !ok {
		return "", false
	}
	pct, err := strconv.ParseFloat(strings.TrimSpace(digits), 64)
	if err != nil || !finite(pct) {
		return "", false
	}
	if write, share := fromPercent(path, pct); share {
		return fmt.Sprintf("write %v, the share of 1 that %s is", write, text), true
	}
	return fmt.Sprintf("write %v, without the %% sign", pct), true
}

// decimalComma matches a number written with a decimal comma. Three digits after the
// comma of a number above 1 are read as thousands ("1,800"), which no point would mend.
var decimalComma = regexp.MustCompile(`^-?[0-9]+,[0-9]+$`)

// fromPercent is the number to write for pct% at path: its share of 1 for a reservation
// or a utility, which run from 0 to 1, and pct itself for any other number (a weight, of
// which only ratios count). The second result says which.
func fromPercent(path string, pct float64) (float64, bool) {
	parent, last := "", path
	if i := strings.LastIndexByte(path, '.'); i >= 0 {
		parent, last = path[:i], path[i+1:]
	}
	if last == "reservation" || strings.HasSuffix("."+parent, ".utilities") {
		return presentable(pct / 100), true
	}
	return pct, false
}

// asShare says how to write x, a whole number above 1, from least up to scale, as the share
// of 1 the file wants: a reservation written as 60 (percent) is 0.6. The hint is a format
// with x, the share and the scale as its arguments, after "; ". Nothing for a number off
// the scale, below least (a reservation of 3 is no likelier 3% than a slip) or with a
// fraction, such as 1.5, which no such slip explains.
func asShare(x, least, scale float64, hint string) string {
	if !finite(x) || x <= 1 || x < least || x > scale || x != math.Trunc(x) {
		return ""
	}
	return "; " + fmt.Sprintf(hint, x, presentable(x/scale), scale)
}

func (v *validator) actors(s *Scenario) {
	if len(s.Actors) == 0 {
		v.errorf("actors", "a scenario needs at least one actor")
	}
	v.limit("actors", len(s.Actors), MaxActors, "actors", "group parties that bargain as one bloc into one actor")
	paths, _ := v.ids("actors", len(s.Actors), func(i int) string { return s.Actors[i].ID }, "actor")
	veto := 0
	for i := range s.Actors {
		a := &s.Actors[i]
		p := paths[i]
		if a.Veto {
			veto++
		}
		if a.Name == "" {
			v.errorf(p+".name", "actor %q needs a name", a.ID)
		}
		if !finite(a.Power) || a.Power <= 0 {
			v.errorf(p+".power", "%v is not a valid power: bargaining power is a number above 0 (default 1)", a.Power)
		}
		if !finite(a.Reservation) || a.Reservation < 0 || a.Reservation > 1 {
			v.errorf(p+".reservation", "%v is outside [0,1]: a reservation is the utility of no deal, from 0 (anything beats it) to 1 (only its best deal will do)%s", a.Reservation, asShare(a.Reservation, 10, 100, "for %[1]v%%, write %[2]v"))
		}
		if !finite(a.ReservationDrift) || math.Abs(a.ReservationDrift) > 1 {
			v.errorf(p+".reservation_drift", "%v is not a valid drift: a change per round between -1 and 1", a.ReservationDrift)
		}
		if a.UtilityScale != 0 && (!finite(a.UtilityScale) || a.UtilityScale < 0) {
			v.errorf(p+".utility_scale", "%v is not a valid scale: it is the factor above 0 that turns utilities back into the imported file's units (leave it out when there is none)", a.UtilityScale)
		}
		v.strategy(p+".strategy", a.Strategy)
		v.preferences(s, a, p)
		if !v.issueIDsBroken {
			v.constraints(s, a, p)
		}
	}
	if len(s.Actors) > 0 && veto == 0 && s.Decision.VotesNeeded <= 0 {
		v.errorf("actors", "no actor holds a veto, so every deal would be agreed: mark at least one actor veto: true, or give a decision: {votes_needed: N}")
	}
	if !v.issueIDsBroken {
		v.unvaluedIssuesAndOptions(s)
	}
}

func (v *validator) strategy(p string, st Strategy) {
	if st.Kind != "" && !slices.Contains(StrategyKinds, st.Kind) {
		v.errorf(p+".kind", "unknown strategy %q;%s valid: %s", st.Kind, DidYouMean(st.Kind, StrategyKinds), quoteList(StrategyKinds))
	}
	if st.Exponent != 0 && (!finite(st.Exponent) || st.Exponent <= 0) {
		v.errorf(p+".exponent", "%v is not a valid exponent: e is above 0 (below 1 concedes late, above 1 early)", st.Exponent)
	}
	if st.Kind == StrategyTimeDependent && st.Exponent == 0 {
		v.errorf(p+".exponent", "a time-dependent strategy needs an exponent e above 0 (below 1 concedes late, above 1 early)")
	}
	if st.Exponent != 0 && st.Kind != "" && st.Kind != StrategyTimeDependent {
		v.errorf(p+".exponent", "only a time-dependent strategy takes an exponent; %q fixes its own", st.Kind)
	}
}

func issueIDs(s *Scenario) []string {
	ids := make([]string, len(s.Issues))
	for i := range s.Issues {
		ids[i] = s.Issues[i].ID
	}
	return ids
}

func optionIDs(is *Issue) []string {
	ids := make([]string, len(is.Options))
	for i := range is.Options {
		ids[i] = is.Options[i].ID
	}
	return ids
}

func actorIDs(s *Scenario) []string {
	ids := make([]string, len(s.Actors))
	for i := range s.Actors {
		ids[i] = s.Actors[i].ID
	}
	return ids
}

// option checks that id names an option of issue and says which would be valid if not.
func (v *validator) option(p string, is *Issue, id string) bool {
	if is.OptionIndex(id) >= 0 {
		return true
	}
	label := func(o int) string { return is.Options[o].Label }
	v.errorf(p, "issue %q has no option %q;%s valid: %s", is.ID, id, idHint(id, optionIDs(is), label, "label", "option", "the file"), quoteList(optionIDs(is)))
	return false
}

func (v *validator) issueRef(p string, s *Scenario, id string) *Issue {
	if k := s.IssueIndex(id); k >= 0 {
		return &s.Issues[k]
	}
	name := func(k int) string { return s.Issues[k].Name }
	v.errorf(p, "no issue %q;%s valid: %s", id, idHint(id, issueIDs(s), name, "name", "issue", "the file"), quoteList(issueIDs(s)))
	return nil
}

func (v *validator) preferences(s *Scenario, a *Actor, p string) {
	total := 0.0
	redLines := len(a.Constraints) > 0
	seen := map[string]bool{}
	for j := range a.Preferences {
		pr := &a.Preferences[j]
		pp := fmt.Sprintf("%s.preferences.%s", p, pr.Issue)
		if seen[pr.Issue] {
			v.errorf(pp, "actor %q states a preference on issue %q twice", a.ID, pr.Issue)
		}
		seen[pr.Issue] = true
		if !finite(pr.Weight) || pr.Weight < 0 {
			v.errorf(pp+".weight", "%v is not a valid weight: weights are 0 or more (they are normalised to sum 1 per actor)", pr.Weight)
		} else {
			total += pr.Weight
		}
		var is *Issue
		if v.issueIDsBroken {
			// The issue may be one whose id is to be mended, or be named as it will be:
			// only a preference on a sound issue is checked.
			if k := s.IssueIndex(pr.Issue); k >= 0 && !v.brokenIssues[pr.Issue] {
				is = &s.Issues[k]
			}
		} else {
			is = v.issueRef(pp, s, pr.Issue)
		}
		if is == nil {
			continue
		}
		switch {
		case pr.Utilities != nil && pr.Ideal != "":
			v.errorf(pp, "give either utilities or ideal, not both")
		case pr.Utilities == nil && pr.Ideal == "":
			v.errorf(pp, "give utilities (a value in [0,1] for every option) or ideal (the best option)")
		case pr.Utilities != nil:
			v.utilities(pp+".utilities", is, pr.Utilities)
		default:
			v.option(pp+".ideal", is, pr.Ideal)
		}
		if pr.Shape != "" && pr.Shape != ShapeLinear && pr.Shape != ShapeQuadratic {
			v.errorf(pp+".shape", "unknown shape %q; valid: %q or %q", pr.Shape, ShapeLinear, ShapeQuadratic)
		}
		if pr.Shape != "" && pr.Ideal == "" {
			v.errorf(pp+".shape", "shape goes with ideal; with utilities every value is given")
		}
		if pr.Acceptable != nil && len(pr.Acceptable) == 0 {
			v.errorf(pp+".acceptable", "an empty list accepts no option at all, so no deal can pass; leave acceptable out to accept every option")
		}
		for k, id := range pr.Acceptable {
			v.option(fmt.Sprintf("%s.acceptable.%d", pp, k), is, id)
			// Listed twice is most often another option mistyped as a copy of this one: the
			// option meant is then a red line the file never drew.
			if slices.Index(pr.Acceptable, id) < k {
				v.warnf(fmt.Sprintf("%s.acceptable.%d", pp, k), "option %q is listed twice in acceptable; list each option once (was another meant? every option left out is a red line)", id)
			}
		}
		// An acceptable list that names every option rules nothing out: it is no red line,
		// and params writes an absent one that way.
		if slices.ContainsFunc(is.Options, func(o Option) bool { return !pr.Accepts(o.ID) }) {
			redLines = true
		}
	}
	if len(a.Preferences) > 0 && total == 0 {
		v.errorf(p+".preferences", "actor %q gives every issue weight 0: at least one weight must be above 0", a.ID)
	}
	if len(a.Preferences) == 0 {
		v.errorf(p+".preferences", "actor %q has no preferences: give a weight and utilities for at least one issue", a.ID)
	}
	if total > 0 && math.Abs(total-100) > 1e-6 && math.Abs(total-1) > 1e-6 {
		v.stylef(p+".preferences", "actor %q's weights sum to %g, not 100; they are normalised, so only their ratios count", a.ID, total)
	}
	if v.issueIDsBroken {
		// Red lines and the best deal are read over every issue, the broken ones too.
		return
	}
	if !redLines && a.Veto {
		v.stylef(p, "actor %q has no red lines: only its reservation limits what it accepts", a.ID)
	}
	if best, ok := bestUtility(s, a); ok && a.Reservation > best+Tolerance {
		v.warnf(p+".reservation", "actor %q's reservation %g is above the best utility any deal can give it (%.4g): it can never agree", a.ID, a.Reservation, best)
	}
}

func (v *validator) utilities(p string, is *Issue, u map[string]float64) {
	keys := make([]string, 0, len(u))
	for k := range u {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	// Utilities written as marks out of 10 or out of 100 are whole numbers, all out of the
	// same scale, which the largest tells; a value such as 1.5 beside 0.5 is a slip, not
	// a scale.
	scale, largest := 10.0, 0.0
	for _, x := range u {
		if x != math.Trunc(x) {
			scale = 0
		}
		largest = max(largest, x)
	}
	if scale > 0 && largest > 10 {
		scale = 100
	}
	for _, k := range keys {
		if !v.option(p+"."+k, is, k) {
			continue
		}
		if x := u[k]; !finite(x) || x < 0 || x > 1 {
			v.errorf(p+"."+k, "%v is outside [0,1]: utilities run from 0 (worst) to 1 (best)%s", x, asShare(x, 1, scale, "if these utilities are out of %[3]v, write %[2]v"))
		}
	}
	var missing []string
	for _, o := range is.Options {
		if _, ok := u[o.ID]; !ok {
			missing = append(missing, o.ID)
		}
	}
	if len(missing) > 0 {
		v.errorf(p, "no utility for %s: give a value in [0,1] for every option of issue %q", quoteList(missing), is.ID)
	}
}

// conditions checks one side of a constraint and reports whether every issue and option
// it names exists.
func (v *validator) conditions(p string, s *Scenario, conds map[string][]string) bool {
	ok := true
	if len(conds) == 0 {
		v.errorf(p, "needs at least one issue with a list of options")
		ok = false
	}
	keys := make([]string, 0, len(conds))
	for k := range conds {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		is := v.issueRef(p+"."+k, s, k)
		if is == nil {
			ok = false
			continue
		}
		if len(conds[k]) == 0 {
			v.errorf(p+"."+k, "an empty option list can never hold; list the options of %q it means", k)
			ok = false
		}
		for j, o := range conds[k] {
			if !v.option(fmt.Sprintf("%s.%s.%d", p, k, j), is, o) {
				ok = false
			}
		}
	}
	return ok
}

func (v *validator) constraints(s *Scenario, a *Actor, p string) {
	for j := range a.Constraints {
		c := &a.Constraints[j]
		cp := fmt.Sprintf("%s.constraints.%d", p, j)
		okIf := v.conditions(cp+".if", s, c.If)
		okThen := v.conditions(cp+".then", s, c.Then)
		if okIf && okThen {
			v.reachable(s, a, cp, c)
		}
	}
}

// reachable checks that a constraint can be met by some deal the actor's own red lines
// allow. A constraint whose then can never hold once its if does is a red line against the
// if options in disguise: often a slip (a wrong option id, if and then swapped), so it is
// warned about, but a what-if that narrows the red line makes it honestly, and the scenario
// still means something, so it runs. One whose if can never hold does nothing. Issues are
// independent, so looking at each issue's options alone is exact.
func (v *validator) reachable(s *Scenario, a *Actor, cp string, c *Constraint) {
	livable := func(issue, option string) bool {
		pr := a.Preference(issue)
		return pr == nil || pr.Accepts(option)
	}
	for k := range s.Issues {
		id := s.Issues[k].ID
		opts, ok := c.If[id]
		if !ok {
			continue
		}
		if !slices.ContainsFunc(opts, func(o string) bool { return livable(id, o) }) {
			v.warnf(cp+".if."+id, "this constraint never applies: actor %q accepts none of %s on %q anyway, so its if never holds", a.ID, quoteList(opts), id)
			return
		}
	}
	for k := range s.Issues {
		id := s.Issues[k].ID
		then, ok := c.Then[id]
		if !ok {
			continue
		}
		cond, both := c.If[id]
		if both && !slices.ContainsFunc(then, func(o string) bool { return slices.Contains(cond, o) }) {
			v.errorf(cp+".then."+id, "if and then contradict: a deal whose %q is %s can never also have it %s, so every deal that meets the if breaks this constraint; to rule those options out, leave them out of acceptable instead", id, quoteList(cond), quoteList(then))
			continue
		}
		possible := slices.ContainsFunc(then, func(o string) bool {
			return livable(id, o) && (!both || slices.Contains(cond, o))
		})
		if !possible {
			v.warnf(cp+".then."+id, "this constraint can never be met: once its if holds, %q must be %s, but actor %q accepts none of those on %q (see its acceptable list), so it rejects every deal that meets the if; if that is meant, leave the if options out of acceptable instead", id, quoteList(then), a.ID, id)
		}
	}
}

func (v *validator) unvaluedIssuesAndOptions(s *Scenario) {
	paths := elementPaths("issues", issueIDs(s))
	for i := range s.Issues {
		is := &s.Issues[i]
		cared := false
		valued := make([]bool, len(is.Options))
		for _, a := range s.Actors {
			pr := a.Preference(is.ID)
			if pr == nil || pr.Weight <= 0 {
				continue
			}
			cared = true
			for o := range is.Options {
				if optionValue(pr, is, o) > 0 {
					valued[o] = true
				}
			}
		}
		if !cared {
			v.warnf(paths[i], "no actor gives issue %q any weight, so its options change nobody's utility", is.ID)
			continue
		}
		for o, ok := range valued {
			if !ok {
				v.warnf(elementPaths(paths[i]+".options", optionIDs(is))[o], "no actor values option %q of issue %q above 0", is.Options[o].ID, is.ID)
			}
		}
	}
}

func (v *validator) protocol(s *Scenario) {
	pr := s.Protocol
	if pr.Kind != "" && pr.Kind != ProtocolMediated && pr.Kind != ProtocolAlternating {
		v.errorf("protocol.kind", "unknown protocol %q; valid: %q or %q", pr.Kind, ProtocolMediated, ProtocolAlternating)
	}
	if pr.Rounds < 0 {
		v.errorf("protocol.rounds", "%d rounds: the deadline is a number of rounds, 1 or more", pr.Rounds)
	}
	v.limit("protocol.rounds", pr.Rounds, MaxRounds, "rounds", "a transcript that long is no longer read; shorten the deadline")
	if pr.Mediator != "" && s.ActorIndex(pr.Mediator) < 0 {
		v.errorf("protocol.mediator", "no actor %q;%s valid: %s", pr.Mediator, DidYouMean(pr.Mediator, actorIDs(s)), quoteList(actorIDs(s)))
	}
	if pr.Rule != "" && pr.Rule != RuleNash && pr.Rule != RuleMediator {
		v.errorf("protocol.rule", "unknown rule %q; valid: %q (the Nash product of the surpluses) or %q (the mediator's own utility)", pr.Rule, RuleNash, RuleMediator)
	}
	for i, e := range s.Events {
		p := fmt.Sprintf("events.%d", i)
		if e.Round < 0 {
			v.errorf(p+".round", "round %d is before the talks start at round 0", e.Round)
		}
		// A run may give the talks longer (rounds --rounds), so this is only a warning; at
		// the file's own deadline, the one every command uses unless told, it is a slip.
		deadline := pr.Rounds
		if deadline <= 0 {
			deadline = DefaultRounds
		}
		if e.Round >= deadline && deadline <= MaxRounds {
			v.warnf(p+".round", "%s", lateEvent(e, deadline))
		}
		if e.Why == "" {
			v.errorf(p+".why", "every event says why it happens; the transcript prints it at its round")
		}
		if len(e.Set) == 0 && len(e.Add) == 0 {
			v.errorf(p, "an event changes something: give set: or add: with at least one path")
		}
	}
}

func (v *validator) variants(s *Scenario) {
	paths, _ := v.ids("variants", len(s.Variants), func(i int) string { return s.Variants[i].ID }, "variant")
	for i, va := range s.Variants {
		p := paths[i]
		if va.Description == "" {
			v.errorf(p+".description", "variant %q needs a description saying what it changes and why", va.ID)
		}
		if len(va.Set) == 0 {
			v.errorf(p+".set", "variant %q changes nothing: give set: with at least one path", va.ID)
		}
		v.overrides(s, p, "variant "+strconvQuote(va.ID), va.Set, nil, false)
	}
}

// DropStaleVariants removes the variants that no longer apply to s, as after a what-if
// that took away a value a variant sets, and warns of each at the variant: a variant nobody
// asked for must not stop the what-if that was asked for. The file's own variants were
// checked against the file before any what-if, so a variant dropped here was sound there.
// The variant the what-if began from, applied, is dropped without a word when it no longer
// fits: the overrides after it replaced what it set, and it was not left out.
func (s *Scenario) DropStaleVariants(applied string) Diagnostics {
	var kept []Variant
	var out Diagnostics
	v := &validator{}
	for _, va := range s.Variants {
		v.out = nil
		p, what := "variants."+va.ID, "variant "+strconvQuote(va.ID)
		v.overrides(s, p, what, va.Set, nil, false)
		if errs := v.out.Errors(); len(errs) > 0 {
			if va.ID == applied {
				continue
			}
			out = append(out, Diagnostic{Severity: SeverityWarning, Path: p,
				Message: fmt.Sprintf("%s does not fit this what-if, so it is left out of it: %s", what, strings.TrimPrefix(errs[0].Message, what+": "))})
			continue
		}
		kept = append(kept, va)
	}
	s.Variants = kept
	return out
}

// events checks that every path an event changes exists and leaves a valid scenario. A
// number an event writes or adds is read as rounds read it, clamped to the value's range,
// so an event that would push a reservation below 0 (after a --set or a sweep lowered it)
// is no error: rounds alone use events, and they clamp (MODEL section 4). A number set out
// of range is written so in the file, so it is said, as a warning: it blocks nothing.
func (v *validator) events(s *Scenario) {
	for i, e := range s.Events {
		v.overrides(s, fmt.Sprintf("events.%d", i), fmt.Sprintf("the event at round %d", e.Round), e.Set, e.Add, true)
	}
}

// overrides applies set and add to a copy of the scenario and reports paths that lead
// nowhere and values that leave the scenario invalid, located at the override. With
// clamped, a number set out of its range is clamped to it, with a warning, as rounds read it.
func (v *validator) overrides(s *Scenario, p, what string, set, add []Assignment, clamped bool) {
	paths := make([]string, 0, len(set)+len(add))
	for _, as := range slices.Concat(set, add) {
		paths = append(paths, as.Path)
	}
	cp := s.cloneFor(paths)
	ok := true
	for _, as := range set {
		if err := cp.Set(as.Path, as.Value); err != nil {
			v.errorf(p+".set."+as.Path, "%s: %s", what, pathMessage(err))
			ok = false
			continue
		}
		if x, isNum := toFloat(as.Value); clamped && isNum {
			if err := cp.AddClamped(as.Path, 0); err == nil {
				got, _ := cp.Get(as.Path)
				if now, _ := toFloat(got); now != x {
					v.warnf(p+".set."+as.Path, "%s sets %g, outside %s: rounds read it as %g", what, x, rangeOf(as.Path), now)
				}
			}
		}
	}
	for _, as := range add {
		delta, isNum := toFloat(as.Value)
		if !isNum {
			v.errorf(p+".add."+as.Path, "%s: add takes a number to add, not %s", what, describeValue(as.Value))
			ok = false
			continue
		}
		if err := cp.AddClamped(as.Path, delta); err != nil {
			v.errorf(p+".add."+as.Path, "%s: %s", what, pathMessage(err))
			ok = false
		}
	}
	if !ok {
		return
	}
	if v.knownOf != s {
		before := &validator{}
		before.core(s)
		v.knowErrors(s, before.out)
	}
	after := &validator{}
	after.core(cp)
	for _, pr := range after.out.Errors() {
		if !v.known[pr.String()] {
			// The rule broken is said in the file's words ("set actors.parliament.veto:
			// false"), which the file itself keeps: the mend is the override's.
			v.errorf(overrideAt(p, pr.Path, set, add), "%s leaves the scenario invalid: %s; the file itself keeps this rule: change the value set here, or drop it", what, pr)
		}
	}
}

// knowErrors records the errors of s's core, found, as those every override of s starts from.
func (v *validator) knowErrors(s *Scenario, found Diagnostics) {
	v.known, v.knownOf = map[string]bool{}, s
	for _, pr := range found.Errors() {
		v.known[pr.String()] = true
	}
}

// overrideAt is the path of the override that wrote the value at path, or of the group
// holding it, or the one value the override writes, so that its problem is shown on that
// value's line; p, the variant or event as a whole, when the problem lies elsewhere among
// several values (a veto set to false that leaves no veto actor).
func overrideAt(p, path string, set, add []Assignment) string {
	// One value written: whatever rule it breaks, and wherever, that value is the mend (a
	// belief that a ratifier holds a veto breaks its actor's ratification).
	switch {
	case len(set) == 1 && len(add) == 0:
		return p + ".set." + set[0].Path
	case len(add) == 1 && len(set) == 0:
		return p + ".add." + add[0].Path
	}
	for _, list := range []struct {
		key string
		as  []Assignment
	}{{"set", set}, {"add", add}} {
		for _, as := range list.as {
			if path == as.Path || strings.HasPrefix(path, as.Path+".") {
				return p + "." + list.key + "." + as.Path
			}
		}
	}
	return p
}

// uncertainty checks every distribution: the path holds a number, the parameters suit
// the distribution, and every value it can draw is one the path accepts.
func (v *validator) uncertainty(s *Scenario) {
	seen := map[string]bool{}
	for _, u := range s.Uncertainty {
		p := "uncertainty." + u.Path
		if seen[u.Path] {
			v.errorf(p, "path %q is given two distributions; keep one", u.Path)
			continue
		}
		seen[u.Path] = true
		if strings.HasPrefix(u.Path, "uncertainty.") || strings.HasPrefix(u.Path, "variants.") || strings.HasPrefix(u.Path, "events.") {
			v.errorf(p, "uncertainty applies to the scenario's own values, such as actors.russia.reservation")
			continue
		}
		if owner, about, ok := beliefPath(u.Path); ok {
			// A belief moves only its holder's picture of the zone, which no draw reports:
			// montecarlo counts the true zone.
			v.errorf(p, "a belief of %q changes only its picture of the zone, which montecarlo does not draw; give the distribution to %s itself", owner, about)
			continue
		}
		cur, err := s.Get(u.Path)
		if err != nil {
			v.errorf(p, "%s", pathMessage(err))
			continue
		}
		if _, isNum := cur.(float64); !isNum {
			v.errorf(p, "holds %s, not a number with decimals, so it cannot follow a distribution", KindWords(reflect.TypeOf(cur)))
			continue
		}
		if !v.distParams(p, u) {
			continue
		}
		r := rangeOf(u.Path)
		lo, hi := u.support()
		if !r.contains(lo) || !r.contains(hi) {
			v.errorf(p, "%s can draw values in [%g, %g], but the value must lie in %s", u, lo, hi, r)
		}
	}
}

// beliefPath splits a path into a belief (actors.ID.beliefs.set.PATH) into its holder and
// the path it holds a belief about.
func beliefPath(path string) (owner, about string, ok bool) {
	parts := strings.SplitN(path, ".", 5)
	if len(parts) == 5 && parts[0] == "actors" && parts[2] == "beliefs" && parts[3] == "set" {
		return parts[1], parts[4], true
	}
	return "", "", false
}

// distParams checks the parameters of one distribution and reports whether they are usable.
func (v *validator) distParams(p string, u Uncertain) bool {
	n := len(v.out)
	unused := func(name string, x float64) {
		if x != 0 {
			v.errorf(p+"."+name, "%s does not take %s; write %s", u.Dist, name, distUsage[u.Dist])
		}
	}
	for _, x := range []float64{u.Min, u.Max, u.Mode, u.Mean, u.SD, u.Alpha, u.Beta} {
		if !finite(x) {
			v.errorf(p, "parameters must be finite numbers")
			return false
		}
	}
	switch u.Dist {
	case DistUniform:
		unused("mode", u.Mode)
		unused("mean", u.Mean)
		unused("sd", u.SD)
		unused("alpha", u.Alpha)
		unused("beta", u.Beta)
		if u.Min > u.Max {
			v.errorf(p+".min", "min %g is above max %g", u.Min, u.Max)
		}
	case DistTriangular:
		unused("mean", u.Mean)
		unused("sd", u.SD)
		unused("alpha", u.Alpha)
		unused("beta", u.Beta)
		if u.Min > u.Mode || u.Mode > u.Max {
			v.errorf(p+".mode", "needs min ≤ mode ≤ max, found min %g, mode %g, max %g", u.Min, u.Mode, u.Max)
		}
	case DistNormal:
		unused("mode", u.Mode)
		unused("alpha", u.Alpha)
		unused("beta", u.Beta)
		if u.SD < 0 {
			v.errorf(p+".sd", "sd %g is negative; a standard deviation is 0 or more", u.SD)
		}
		if u.Min > u.Max {
			v.errorf(p+".min", "min %g is above max %g", u.Min, u.Max)
		}
		if lo, hi := u.support(); u.Mean < lo || u.Mean > hi {
			v.errorf(p+".mean", "mean %g lies outside [%g, %g], the range the draws are truncated to", u.Mean, lo, hi)
		}
	case DistBeta:
		unused("mode", u.Mode)
		unused("mean", u.Mean)
		unused("sd", u.SD)
		if u.Alpha <= 0 || u.Beta <= 0 {
			v.errorf(p, "beta needs alpha and beta above 0, found alpha %g, beta %g", u.Alpha, u.Beta)
		}
		if u.Min > u.Max {
			v.errorf(p+".min", "min %g is above max %g", u.Min, u.Max)
		}
	case "":
		v.errorf(p+".dist", "give dist: one of %s", quoteList(DistKinds))
	default:
		v.errorf(p+".dist", "unknown distribution %q;%s valid: %s", u.Dist, DidYouMean(u.Dist, DistKinds), quoteList(DistKinds))
	}
	return len(v.out) == n
}

// elementPaths is the path of each element of the list at path, given their ids.
func elementPaths(path string, ids []string) []string {
	keys := ElementKeys(ids)
	for i := range keys {
		keys[i] = path + "." + keys[i]
	}
	return keys
}

func pathMessage(err error) string {
	if pe, ok := err.(*PathError); ok {
		return pe.Msg
	}
	return err.Error()
}

func strconvQuote(s string) string { return fmt.Sprintf("%q", s) }

// optionValue is an actor's unweighted value for option o of an issue, from its utilities
// or its ideal point.
func optionValue(pr *Preference, is *Issue, o int) float64 {
	if pr.Utilities != nil {
		return pr.Utilities[is.Options[o].ID]
	}
	ideal := is.OptionIndex(pr.Ideal)
	if ideal < 0 {
		return 0
	}
	n := len(is.Options)
	far := max(ideal, n-1-ideal)
	if far == 0 {
		return 1
	}
	d := float64(abs(o-ideal)) / float64(far)
	if pr.Shape == ShapeQuadratic {
		return 1 - d*d
	}
	return 1 - d
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// bestUtility is the most an actor can get from any deal that keeps to its own
// single-issue red lines (cross-issue constraints are ignored, so it is an upper bound).
func bestUtility(s *Scenario, a *Actor) (float64, bool) {
	shares := a.weightShares()
	if shares == nil {
		return 0, false
	}
	best := 0.0
	for i, pr := range a.Preferences {
		k := s.IssueIndex(pr.Issue)
		if k < 0 {
			return 0, false
		}
		is := &s.Issues[k]
		top := 0.0
		for o := range is.Options {
			if !pr.Accepts(is.Options[o].ID) {
				continue
			}
			top = max(top, optionValue(&pr, is, o))
		}
		best += shares[i] * top
	}
	return best, true
}
