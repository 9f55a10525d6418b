package interop

import (
	"fmt"
	"math"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/negsim/negsim/sim"
)

// GeniusOptions choose how GENIUS files are read.
type GeniusOptions struct {
	// Scale is ScaleGenius (the default when empty) or ScaleRaw.
	Scale string
	// RealSteps is how many options a real-valued issue becomes; 0 means DefaultRealSteps.
	RealSteps int
	// Rounds is the deadline over which a discount factor becomes a reservation drift; 0
	// means DefaultRounds.
	Rounds int
}

// Issue kinds in GENIUS files.
const (
	kindDiscrete = "discrete"
	kindInteger  = "integer"
	kindReal     = "real"
)

// domainIssue is one issue of a domain with its options in the domain's order.
type domainIssue struct {
	index  int
	name   string
	kind   string
	values []string  // as the files spell them
	desc   []string  // discrete items' descriptions
	points []float64 // the number each option stands for, for integer and real issues
	lo, hi float64
	line   int
}

// profile is one party's preferences as read from its file, before any scaling.
type profile struct {
	file        string
	name        string
	weights     []float64   // per domain issue, as written
	evals       [][]float64 // per domain issue and option, as GENIUS evaluates them
	how         []string    // per issue: how the evaluations came about
	reservation float64
	discount    float64
	resLine     int // where the reservation is written, for errors about it
}

// ReadGenius reads a GENIUS domain and one or more profiles into a scenario with one actor
// per profile, in the order given.
func ReadGenius(domain File, profiles []File, opt GeniusOptions) (*sim.Scenario, error) {
	if opt.Scale == "" {
		opt.Scale = ScaleGenius
	}
	if !slices.Contains(Scales, opt.Scale) {
		return nil, fmt.Errorf("unknown scale %q; valid: %q (each issue divided by its best evaluation, as GENIUS reads it) or %q (evaluations as written, as NegMAS reads them)", opt.Scale, ScaleGenius, ScaleRaw)
	}
	if opt.RealSteps == 0 {
		opt.RealSteps = DefaultRealSteps
	}
	if opt.RealSteps < 2 {
		return nil, fmt.Errorf("%d steps for real issues: give 2 or more", opt.RealSteps)
	}
	if opt.Rounds == 0 {
		opt.Rounds = DefaultRounds
	}
	if len(profiles) == 0 {
		return nil, errorf(domain.Name, 0, "no profiles given: a scenario needs at least one party's preferences")
	}
	issues, err := readDomain(domain, opt.RealSteps)
	if err != nil {
		return nil, err
	}
	var ps []*profile
	for _, f := range profiles {
		p, err := readProfile(f, domain.Name, issues)
		if err != nil {
			return nil, err
		}
		ps = append(ps, p)
	}
	return geniusScenario(domain.Name, issues, ps, opt)
}

// DomainFirst puts the one GENIUS domain among files first and keeps the profiles in the
// order given: a shell's *.xml lists files alphabetically, which puts a profile first as
// often as not, and an export's folder holds the domain beside its profiles. Files are
// returned as given unless exactly one of them reads as a domain (issues with no weights
// and no evaluations), so that ReadGenius says what is wrong with them.
func DomainFirst(files []File) []File {
	domain := -1
	for i, f := range files {
		if !isGeniusDomain(f) {
			continue
		}
		if domain >= 0 {
			return files
		}
		domain = i
	}
	if domain <= 0 {
		return files
	}
	return slices.Concat(files[domain:domain+1], files[:domain], files[domain+1:])
}

// isGeniusDomain reports whether f is a GENIUS domain: a profile weighs its issues and
// evaluates their values, a domain only lists them.
func isGeniusDomain(f File) bool {
	_, obj, err := readObjective(f)
	if err != nil || len(obj.all("weight")) > 0 {
		return false
	}
	for _, is := range obj.all("issue") {
		if is.child("evaluator") != nil {
			return false
		}
		for _, it := range is.all("item") {
			if _, ok := it.attr["evaluation"]; ok {
				return false
			}
		}
	}
	return len(obj.all("issue")) > 0
}

func baseName(file string) string {
	b := filepath.Base(file)
	return strings.TrimSuffix(b, filepath.Ext(b))
}

// readObjective parses a GENIUS domain or profile and finds its utility space and the
// objective in it that holds the issues.
func readObjective(f File) (us, obj *element, err error) {
	root, err := parseXML(f.Name, f.Data)
	if err != nil {
		return nil, nil, err
	}
	us = root.find("utility_space")
	if us == nil {
		return nil, nil, errorf(f.Name, root.line, "no <utility_space> element: this is not a GENIUS domain or profile (found <%s>)", root.name)
	}
	obj = us.child("objective")
	if obj == nil {
		return nil, nil, errorf(f.Name, us.line, "<utility_space> has no <objective> holding the issues")
	}
	for _, c := range obj.children {
		if c.name == "objective" {
			return nil, nil, errorf(f.Name, c.line, "nested objective %q: negsim reads flat domains only, with every issue directly under the root objective", c.attr["name"])
		}
	}
	return us, obj, nil
}

// kindOf tells an issue's type from whichever of the attributes GENIUS files of different
// years use.
func kindOf(file string, is *element) (string, error) {
	for _, a := range []string{"type", "vtype", "etype"} {
		v, ok := is.attr[a]
		if !ok {
			continue
		}
		switch strings.ToLower(v) {
		case kindDiscrete, kindInteger, kindReal:
			return strings.ToLower(v), nil
		}
		if a == "type" {
			return "", errorf(file, is.line, "issue %q has type %q, which negsim cannot read; supported: discrete, integer and real (linear or constant evaluator)", is.attr["name"], v)
		}
	}
	if len(is.all("item")) > 0 {
		return kindDiscrete, nil
	}
	return "", errorf(file, is.line, "issue %q says neither its type (discrete, integer or real) nor has items", is.attr["name"])
}

// bounds reads an integer or real issue's range from its attributes or its <range> child.
func bounds(file string, is *element) (float64, float64, error) {
	src := is
	if _, ok := is.attr["lowerbound"]; !ok {
		if r := is.child("range"); r != nil {
			src = r
		}
	}
	lo, err := src.float(file, "lowerbound")
	if err != nil {
		return 0, 0, err
	}
	hi, err := src.float(file, "upperbound")
	if err != nil {
		return 0, 0, err
	}
	if hi < lo {
		return 0, 0, errorf(file, src.line, "issue %q has lower bound %g above its upper bound %g", is.attr["name"], lo, hi)
	}
	return lo, hi, nil
}

func readDomain(f File, steps int) ([]domainIssue, error) {
	_, obj, err := readObjective(f)
	if err != nil {
		return nil, err
	}
	var issues []domainIssue
	for _, el := range obj.all("issue") {
		is := domainIssue{name: strings.TrimSpace(el.attr["name"]), line: el.line}
		if len(issues) == sim.MaxIssues {
			return nil, errorf(f.Name, el.line, "issue %q is one more than the %d issues a scenario may have; merge related issues or split the negotiation into stages", is.name, sim.MaxIssues)
		}
		if is.index, err = el.int(f.Name, "index"); err != nil {
			return nil, err
		}
		if is.kind, err = kindOf(f.Name, el); err != nil {
			return nil, err
		}
		switch is.kind {
		case kindDiscrete:
			for _, it := range el.all("item") {
				v, ok := it.attr["value"]
				if !ok {
					return nil, errorf(f.Name, it.line, "an item of issue %q has no value attribute", is.name)
				}
				if slices.Contains(is.values, v) {
					return nil, errorf(f.Name, it.line, "issue %q lists the value %q twice", is.name, v)
				}
				if _, ok := it.attr["evaluation"]; ok {
					return nil, errorf(f.Name, it.line, "this item has an evaluation, as a profile's do: this is a profile, not a domain; give one domain (anywhere among the files) and one profile per party")
				}
				is.values = append(is.values, v)
				is.desc = append(is.desc, strings.Join(strings.Fields(it.attr["description"]), " "))
			}
			if len(is.values) == 0 {
				return nil, errorf(f.Name, el.line, "discrete issue %q has no items", is.name)
			}
			if len(is.values) > sim.MaxOptions {
				return nil, errorf(f.Name, el.line, "discrete issue %q has %d items, more than the %d options an issue may have", is.name, len(is.values), sim.MaxOptions)
			}
		case kindInteger:
			if is.lo, is.hi, err = bounds(f.Name, el); err != nil {
				return nil, err
			}
			if is.lo != math.Trunc(is.lo) || is.hi != math.Trunc(is.hi) {
				return nil, errorf(f.Name, el.line, "integer issue %q has bounds %g and %g that are not whole numbers", is.name, is.lo, is.hi)
			}
			if is.hi-is.lo+1 > sim.MaxOptions {
				return nil, errorf(f.Name, el.line, "integer issue %q spans %g values, more than the %d options an issue may have; narrow its bounds", is.name, is.hi-is.lo+1, sim.MaxOptions)
			}
			for x := is.lo; x <= is.hi; x++ {
				is.points = append(is.points, x)
				is.values = append(is.values, strconv.FormatFloat(x, 'f', -1, 64))
			}
		case kindReal:
			if is.lo, is.hi, err = bounds(f.Name, el); err != nil {
				return nil, err
			}
			is.points = sim.SweepValues(is.lo, is.hi, steps)
			for _, x := range is.points {
				is.values = append(is.values, number(x))
			}
		}
		for _, other := range issues {
			if other.index == is.index {
				return nil, errorf(f.Name, el.line, "issues %q and %q share index %d", other.name, is.name, is.index)
			}
		}
		issues = append(issues, is)
	}
	if len(issues) == 0 {
		return nil, errorf(f.Name, obj.line, "the domain has no issues")
	}
	return issues, nil
}

// valueOf reads a number GENIUS writes either as value="x" or as <value>x</value>.
func valueOf(file string, el *element) (float64, error) {
	x, line := 0.0, el.line
	if _, ok := el.attr["value"]; ok {
		var err error
		if x, err = el.float(file, "value"); err != nil {
			return 0, err
		}
	} else if v := el.child("value"); v != nil {
		var err error
		if x, err = strconv.ParseFloat(strings.TrimSpace(v.text), 64); err != nil {
			return 0, errorf(file, v.line, "<%s>: %q is not a number", el.name, strings.TrimSpace(v.text))
		}
		line = v.line
	} else {
		return 0, errorf(file, el.line, "<%s> has no value", el.name)
	}
	if !finite(x) {
		return 0, errorf(file, line, "<%s> is %g, not a number negsim can use; give a number from 0 to 1", el.name, x)
	}
	return x, nil
}

func readProfile(f File, domainFile string, issues []domainIssue) (*profile, error) {
	us, obj, err := readObjective(f)
	if err != nil {
		return nil, err
	}
	p := &profile{file: f.Name, name: baseName(f.Name)}
	if el := us.find("reservation"); el != nil {
		if p.reservation, err = valueOf(f.Name, el); err != nil {
			return nil, err
		}
		p.resLine = el.line
	}
	if el := us.find("discount_factor"); el != nil {
		if p.discount, err = valueOf(f.Name, el); err != nil {
			return nil, err
		}
	}
	if len(obj.all("weight")) == 0 {
		return nil, errorf(f.Name, obj.line, "no <weight> elements: this looks like a domain, not a profile; give one domain and one profile per party")
	}
	// A profile none of whose issues the domain has was written for another domain: say
	// so, rather than blame its first issue or weight.
	var own []domainIssue
	shared := false
	for _, el := range obj.all("issue") {
		name := strings.TrimSpace(el.attr["name"])
		k, _ := strconv.Atoi(strings.TrimSpace(el.attr["index"]))
		own = append(own, domainIssue{index: k, name: name})
		shared = shared || slices.ContainsFunc(issues, func(is domainIssue) bool { return is.name == name })
	}
	if len(own) > 0 && !shared {
		return nil, errorf(f.Name, obj.line, "this profile is for another domain: its issues are %s, and the domain %s has %s; give the domain the profile was written for", issueList(own), domainFile, issueList(issues))
	}
	weights := map[int]float64{}
	weightLine := map[int]int{}
	for _, w := range obj.all("weight") {
		k, err := w.int(f.Name, "index")
		if err != nil {
			return nil, err
		}
		x, err := w.float(f.Name, "value")
		if err != nil {
			return nil, err
		}
		if !finite(x) || x < 0 {
			return nil, errorf(f.Name, w.line, "weight %d is %g; weights are 0 or more", k, x)
		}
		if first, ok := weightLine[k]; ok {
			return nil, errorf(f.Name, w.line, "<weight index=\"%d\"> is given twice (lines %d and %d); keep the one meant", k, first, w.line)
		}
		if !slices.ContainsFunc(issues, func(is domainIssue) bool { return is.index == k }) {
			return nil, errorf(f.Name, w.line, "<weight index=\"%d\">: the domain %s has no issue of index %d; its issues are %s", k, domainFile, k, issueList(issues))
		}
		weights[k], weightLine[k] = x, w.line
	}
	byIndex := map[int]*element{}
	var extra []*element
	for _, el := range obj.all("issue") {
		k, err := el.int(f.Name, "index")
		if err != nil {
			return nil, err
		}
		byIndex[k] = el
		if !slices.ContainsFunc(issues, func(is domainIssue) bool { return is.index == k }) {
			extra = append(extra, el)
		}
	}
	for i := range issues {
		is := &issues[i]
		el := byIndex[is.index]
		if el == nil {
			return nil, errorf(f.Name, obj.line, "the profile has no issue %d; the domain %s has issue %d %q (line %d)", is.index, domainFile, is.index, is.name, is.line)
		}
		if name := strings.TrimSpace(el.attr["name"]); name != is.name {
			return nil, errorf(f.Name, el.line, "issue %d is %q here but %q in the domain %s (line %d)", is.index, name, is.name, domainFile, is.line)
		}
		w, ok := weights[is.index]
		if !ok {
			return nil, errorf(f.Name, obj.line, "no <weight index=\"%d\"> for issue %q", is.index, is.name)
		}
		ev, how, err := evaluate(f.Name, domainFile, is, el)
		if err != nil {
			return nil, err
		}
		p.weights = append(p.weights, w)
		p.evals = append(p.evals, ev)
		p.how = append(p.how, how)
	}
	if len(extra) > 0 {
		el := extra[0]
		return nil, errorf(f.Name, el.line, "issue %s %q is not in the domain %s, whose issues are %s", el.attr["index"], el.attr["name"], domainFile, issueList(issues))
	}
	return p, nil
}

func issueList(issues []domainIssue) string {
	names := make([]string, len(issues))
	for i, is := range issues {
		names[i] = fmt.Sprintf("%d %q", is.index, is.name)
	}
	return strings.Join(names, ", ")
}

func finite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }

// evaluate returns a profile's evaluation of every option of a domain issue, as GENIUS
// computes it before any division by the issue's best, and says how.
func evaluate(file, domainFile string, is *domainIssue, el *element) ([]float64, string, error) {
	if k, err := kindOf(file, el); err != nil {
		return nil, "", err
	} else if k != is.kind {
		return nil, "", errorf(file, el.line, "issue %q is %s here but %s in the domain %s (line %d)", is.name, k, is.kind, domainFile, is.line)
	}
	out := make([]float64, len(is.values))
	switch is.kind {
	case kindDiscrete:
		evals := map[string]float64{}
		evalLine := map[string]int{}
		for _, it := range el.all("item") {
			v := it.attr["value"]
			if first, ok := evalLine[v]; ok {
				return nil, "", errorf(file, it.line, "issue %q evaluates %q twice (lines %d and %d); keep the one meant", is.name, v, first, it.line)
			}
			evalLine[v] = it.line
			if !slices.Contains(is.values, v) {
				return nil, "", errorf(file, it.line, "issue %q has no value %q in the domain %s (line %d), whose values are %s", is.name, v, domainFile, is.line, quoted(is.values))
			}
			x, err := it.float(file, "evaluation")
			if err != nil {
				return nil, "", err
			}
			if !finite(x) || x < 0 {
				return nil, "", errorf(file, it.line, "value %q of issue %q is evaluated %g; evaluations are 0 or more", v, is.name, x)
			}
			evals[v] = x
		}
		for o, v := range is.values {
			x, ok := evals[v]
			if !ok {
				return nil, "", errorf(file, el.line, "issue %q gives no evaluation for %q, a value of the domain %s (line %d)", is.name, v, domainFile, is.line)
			}
			out[o] = x
		}
		parts := make([]string, len(out))
		for o, x := range out {
			parts[o] = number(x)
		}
		return out, "evaluations " + strings.Join(parts, ", "), nil
	case kindInteger:
		ev := el.child("evaluator")
		if ev == nil {
			return nil, "", errorf(file, el.line, "integer issue %q has no <evaluator slope=… offset=…>", is.name)
		}
		coef, err := ev.floats(file, "slope", "offset")
		if err != nil {
			return nil, "", err
		}
		slope, offset := coef[0], coef[1]
		lo, _, err := bounds(file, el)
		if err != nil {
			return nil, "", err
		}
		for o, x := range is.points {
			out[o] = clamp01(offset + slope*(x-lo))
		}
		return out, fmt.Sprintf("GENIUS integer evaluator: min(1, max(0, %g + %g·(x − %g)))", offset, slope, lo), nil
	default:
		ev := el.child("evaluator")
		if ev == nil {
			return nil, "", errorf(file, el.line, "real issue %q has no <evaluator>", is.name)
		}
		switch ft := strings.ToLower(ev.attr["ftype"]); ft {
		case "linear":
			coef, err := ev.floats(file, "parameter0", "parameter1")
			if err != nil {
				return nil, "", err
			}
			p0, p1 := coef[0], coef[1]
			for o, x := range is.points {
				out[o] = clamp01(p1*x + p0)
			}
			return out, fmt.Sprintf("GENIUS linear evaluator min(1, max(0, %g·x + %g)) at each step", p1, p0), nil
		case "constant":
			p0, err := ev.float(file, "parameter0")
			if err != nil {
				return nil, "", err
			}
			for o := range out {
				out[o] = clamp01(p0)
			}
			return out, fmt.Sprintf("GENIUS constant evaluator %g", p0), nil
		default:
			return nil, "", errorf(file, ev.line, "real issue %q has evaluator type %q; negsim reads linear and constant ones", is.name, ft)
		}
	}
}

func quoted(vs []string) string {
	q := make([]string, len(vs))
	for i, v := range vs {
		q[i] = strconv.Quote(v)
	}
	return strings.Join(q, ", ")
}

func geniusScenario(domainFile string, issues []domainIssue, ps []*profile, opt GeniusOptions) (*sim.Scenario, error) {
	sc := &sim.Scenario{Name: baseName(domainFile)}
	files := []string{filepath.Base(domainFile)}
	sc.Sources = append(sc.Sources, sim.Source{ID: "domain", Title: "GENIUS domain " + filepath.Base(domainFile), File: filepath.Base(domainFile)})
	for i, p := range ps {
		files = append(files, filepath.Base(p.file))
		sc.Sources = append(sc.Sources, sim.Source{ID: fmt.Sprintf("profile-%d", i+1), Title: "GENIUS profile " + filepath.Base(p.file), File: filepath.Base(p.file)})
	}
	names := make([]string, len(issues))
	for k, is := range issues {
		names[k] = is.name
	}
	issueIDs := ids(names, "issue")
	for k, is := range issues {
		optIDs := ids(is.values, "option")
		si := sim.Issue{ID: issueIDs[k], Name: is.name, Source: "domain"}
		if si.Name == "" {
			si.Name = si.ID
		}
		for o, v := range is.values {
			op := sim.Option{ID: optIDs[o], Label: v}
			if is.desc != nil {
				op.Description = is.desc[o]
			}
			si.Options = append(si.Options, op)
		}
		switch is.kind {
		case kindInteger:
			si.Note = fmt.Sprintf("GENIUS integer issue %s..%s: one option per integer.", number(is.lo), number(is.hi))
		case kindReal:
			si.Note = fmt.Sprintf("GENIUS real issue %s..%s discretised into real_steps: %d equally spaced values (GENIUS's default is %d).", number(is.lo), number(is.hi), len(is.points), DefaultRealSteps)
		}
		sc.Issues = append(sc.Issues, si)
	}

	// Under the raw scale one factor serves every actor, so that sums and comparisons
	// across actors (the utilitarian solution, say) are those of the raw numbers.
	scale := 0.0
	if opt.Scale == ScaleRaw {
		for _, p := range ps {
			top := 0.0
			for _, ev := range p.evals {
				top = math.Max(top, slices.Max(ev))
			}
			scale = math.Max(scale, sum(p.weights)*top)
		}
		if scale == 0 {
			return nil, errorf(domainFile, 0, "every evaluation in every profile is 0, so the raw scale has nothing to divide by")
		}
	}

	profileNames := make([]string, len(ps))
	for i, p := range ps {
		profileNames[i] = p.name
	}
	actorIDs := ids(profileNames, "party")
	discounted := false
	for i, p := range ps {
		total := sum(p.weights)
		if total == 0 {
			return nil, errorf(p.file, 0, "every issue has weight 0")
		}
		a := sim.NewActor(actorIDs[i], p.name)
		a.Source = fmt.Sprintf("profile-%d", i+1)
		var notes []string
		r := p.reservation
		switch opt.Scale {
		case ScaleGenius:
			if r < 0 || r > 1 {
				return nil, errorf(p.file, p.resLine, "<reservation> value %g is outside [0,1], where GENIUS utilities lie", r)
			}
			notes = append(notes, "Scale genius: each discrete issue's evaluations are divided by the issue's largest, as GENIUS reads them; integer and real evaluators give values in [0,1] already.")
		case ScaleRaw:
			a.UtilityScale = scale
			r = p.reservation / scale
			if r < 0 || r > 1 {
				return nil, errorf(p.file, p.resLine, "<reservation> value %g in raw units is outside [0, %g], the range of raw utilities", p.reservation, scale)
			}
			notes = append(notes, fmt.Sprintf("Scale raw: utilities are weight × evaluation as written (as NegMAS reads them), divided by %g, the largest weight sum × evaluation of any profile, so that they fit in [0,1]; raw = utility × utility_scale.", scale))
		}
		a.Reservation = r
		if p.reservation != 0 || opt.Scale == ScaleRaw {
			notes = append(notes, fmt.Sprintf("Reservation value %g from %s.", p.reservation, filepath.Base(p.file)))
		}
		if p.discount < 0 || p.discount > 1 {
			notes = append(notes, fmt.Sprintf("GENIUS discount factor %g: outside (0,1], so GENIUS discards it as no discount, and so does negsim.", p.discount))
		}
		drift, how := discountDrift(p.discount, r, opt.Rounds)
		if how != "" {
			a.ReservationDrift = drift
			discounted = discounted || drift != 0
			notes = append(notes, "GENIUS "+how)
		}
		a.Note = strings.Join(notes, " ")
		for k, is := range issues {
			ev := p.evals[k]
			pr := sim.Preference{Issue: issueIDs[k], Weight: p.weights[k], Utilities: map[string]float64{}}
			div := 1.0
			switch {
			case opt.Scale == ScaleRaw:
				div = scale / total
				pr.Note = fmt.Sprintf("%s, each × weight sum %g ÷ %g (raw scale).", p.how[k], total, scale)
			case is.kind == kindDiscrete && slices.Max(ev) == 0:
				pr.Note = fmt.Sprintf("GENIUS %s: every value is worth 0.", p.how[k])
			case is.kind == kindDiscrete:
				div = slices.Max(ev)
				pr.Note = fmt.Sprintf("GENIUS %s, each ÷ %g, the issue's largest.", p.how[k], div)
			default:
				pr.Note = p.how[k] + "."
			}
			for o := range ev {
				// min: the actor with the largest raw sum reaches 1 up to the last bit of a float.
				pr.Utilities[sc.Issues[k].Options[o].ID] = math.Min(1, ev[o]/div)
			}
			a.Preferences = append(a.Preferences, pr)
		}
		sc.Actors = append(sc.Actors, a)
	}
	if discounted {
		sc.Protocol.Rounds = opt.Rounds
	}
	scaleText := "genius (each discrete issue's evaluations divided by the issue's largest, as GENIUS reads them)"
	if opt.Scale == ScaleRaw {
		scaleText = fmt.Sprintf("raw (evaluations as written, as NegMAS reads them, divided by %g: raw = utility × utility_scale)", scale)
	}
	sc.Description = fmt.Sprintf("Imported from the GENIUS files %s. Scale: %s.", strings.Join(files, ", "), scaleText)
	if problems := sc.Validate(); problems.HasErrors() {
		return nil, invalidImport(domainFile, problems)
	}
	return sc, nil
}

func sum(xs []float64) float64 {
	s := 0.0
	for _, x := range xs {
		s += x
	}
	return s
}
