package interop

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/negsim/negsim/internal/textpos"
	"github.com/negsim/negsim/sim"
)

// GeniusWeb's JSON, as far as negsim reads it. Issue order is the order of the domain's
// issuesValues object in the file, which a Go map would lose, so objects whose order
// matters stay raw until objectKeys reads them.
type gwFile struct {
	Space *gwSpace `json:"LinearAdditiveUtilitySpace"`
}

type gwSpace struct {
	Name           string                     `json:"name"`
	IssueUtilities map[string]json.RawMessage `json:"issueUtilities"`
	IssueWeights   map[string]float64         `json:"issueWeights"`
	Domain         json.RawMessage            `json:"domain"`
	ReservationBid *gwBid                     `json:"reservationBid,omitempty"`
}

type gwBid struct {
	IssueValues map[string]json.RawMessage `json:"issuevalues"`
}

type gwDomain struct {
	Name         string          `json:"name"`
	IssuesValues json.RawMessage `json:"issuesValues"`
}

type gwValueSet struct {
	Values []json.RawMessage `json:"values,omitempty"`
	Range  *gwRange          `json:"range,omitempty"`
}

type gwRange struct {
	Low  json.Number `json:"low"`
	High json.Number `json:"high"`
	Step json.Number `json:"step"`
}

type gwDiscrete struct {
	ValueUtilities map[string]float64 `json:"valueUtilities"`
}

type gwNumber struct {
	LowValue    float64 `json:"lowValue"`
	LowUtility  float64 `json:"lowUtility"`
	HighValue   float64 `json:"highValue"`
	HighUtility float64 `json:"highUtility"`
}

// gwShape is every value negsim reads from a GeniusWeb profile, of the kind it must be,
// for finding a value of the wrong kind at its line before the file is read part by part.
type gwShape struct {
	Space *struct {
		Name           string `json:"name"`
		IssueUtilities map[string]struct {
			Discrete *struct {
				ValueUtilities map[string]float64 `json:"valueUtilities"`
			} `json:"DiscreteValueSetUtilities"`
			Number *gwNumber `json:"NumberValueSetUtilities"`
		} `json:"issueUtilities"`
		IssueWeights   map[string]float64 `json:"issueWeights"`
		Domain         *gwShapeDomain     `json:"domain"`
		ReservationBid *gwBid             `json:"reservationBid"`
	} `json:"LinearAdditiveUtilitySpace"`
}

// gwShapeDomain is gwShape's domain.
type gwShapeDomain struct {
	Name         string `json:"name"`
	IssuesValues map[string]struct {
		Values []json.RawMessage `json:"values"`
		Range  *struct {
			Low  float64 `json:"low"`
			High float64 `json:"high"`
			Step float64 `json:"step"`
		} `json:"range"`
	} `json:"issuesValues"`
}

// jsonError says what is wrong with a GeniusWeb file that does not decode: a syntax error,
// or a value of the wrong kind, told by its key, as written, with what to write instead.
func (src gwSource) jsonError(data []byte, err error) error {
	lineAt := textpos.New(data).Line
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return errorf(src.name, lineAt(se.Offset), "not valid JSON: %s", strings.TrimPrefix(se.Error(), "json: "))
	}
	var te *json.UnmarshalTypeError
	if !errors.As(err, &te) {
		return errorf(src.name, 0, "not valid JSON: %v", err)
	}
	want := "a value of another kind"
	switch te.Type.Kind() {
	case reflect.Float64:
		want = "a number"
	case reflect.String:
		want = "text"
	case reflect.Map, reflect.Struct, reflect.Pointer:
		want = "an object"
	case reflect.Slice:
		want = "a list"
	}
	key, found, fix := "", "", ""
	if v, ok := src.ends[te.Offset]; ok {
		key = v.path[strings.LastIndex(v.path, keySep)+1:]
		switch t := v.tok.(type) {
		case string:
			found = fmt.Sprintf("%q, text", t)
			if _, err := strconv.ParseFloat(strings.TrimSpace(t), 64); err == nil && want == "a number" {
				fix = fmt.Sprintf(": write %s without quotes", strings.TrimSpace(t))
			}
		case bool:
			found = fmt.Sprintf("%t, true or false", t)
		case json.Number:
			found = fmt.Sprintf("%s, a number", t)
		}
	} else {
		key = te.Field[strings.LastIndex(te.Field, ".")+1:]
		found = map[string]string{"object": "an object", "array": "a list", "string": "text", "number": "a number", "bool": "true or false"}[te.Value]
	}
	return errorf(src.name, lineAt(te.Offset), "%q is %s, where GeniusWeb has %s%s", key, found, want, fix)
}

// keyPath is the key path path under src's base, as lines and nulls are keyed.
func (src gwSource) keyPath(path []string) string {
	p := src.base
	for _, k := range path {
		p = joinKey(p, k)
	}
	return p
}

// has reports whether the file gives the key path under src's base.
func (src gwSource) has(path ...string) bool {
	_, ok := src.lines[src.keyPath(path)]
	return ok
}

// null reports whether the file gives null for the key path under src's base.
func (src gwSource) null(path ...string) bool { return src.nulls[src.keyPath(path)] }

// gwIssue is an issue of a GeniusWeb domain with its values in order.
type gwIssue struct {
	name    string
	values  []string
	numeric bool // values from a range, matched by number
	points  []float64
	note    string
}

// objectKeys lists the keys of a JSON object in the order written.
func objectKeys(raw json.RawMessage) ([]string, error) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	if d, ok := tok.(json.Delim); !ok || d != '{' {
		return nil, errors.New("expected an object")
	}
	var keys []string
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, err
		}
		keys = append(keys, tok.(string))
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			return nil, err
		}
	}
	return keys, nil
}

// maxKeyCheckDepth leaves files nested deeper than the JSON decoder accepts to the decoder,
// which refuses them, instead of following them with a stack that grows with the file.
const maxKeyCheckDepth = 10_000

// gwSource is a GeniusWeb file being read, with the line of every key in it, so that an
// error can point at the place to fix, as the GENIUS reader's do. base is the key path of
// the part being read: a profile's domain is read at "LinearAdditiveUtilitySpace.domain",
// a bare domain at the top.
type gwSource struct {
	name  string
	base  string
	lines map[string]int
	// nulls holds the key paths whose value is null, which Go's decoder would read as 0.
	nulls map[string]bool
	// ends holds, by the offset where it ends, each value an object gives for a key, so
	// that a value of the wrong kind is told by its key and as written.
	ends map[int64]gwScalar
}

// gwScalar is a key's value as the file writes it, with the key's path.
type gwScalar struct {
	path string
	tok  json.Token
}

// keySep joins key paths; GeniusWeb keys (issue names, values such as "0.6") may hold a
// dot, but not a NUL.
const keySep = "\x00"

func (src gwSource) under(key string) gwSource {
	src.base = joinKey(src.base, key)
	return src
}

func joinKey(path, key string) string {
	if path == "" {
		return key
	}
	return path + keySep + key
}

// errorf is a problem at a key path under src's base: at the line of the deepest key of
// the path that the file has, or of the part being read when it has none of them.
func (src gwSource) errorf(path []string, format string, args ...any) error {
	p := src.keyPath(path)
	line := 0
	for {
		if l, ok := src.lines[p]; ok {
			line = l
			break
		}
		i := strings.LastIndex(p, keySep)
		if i < 0 {
			break
		}
		p = p[:i]
	}
	return errorf(src.name, line, format, args...)
}

// scanKeys reads where each key of a JSON file is, and refuses a key that an object gives
// twice: Go's decoder keeps the last of them, so a profile that evaluates a value twice,
// or weighs an issue twice, would be read one way without a word. Syntax errors are left
// to the decoding that follows, which reports them.
func scanKeys(file string, data []byte) (gwSource, error) {
	type frame struct {
		object, expectKey bool
		path              string // the key path of the object or array
		keys              map[string]int
	}
	src := gwSource{name: file, lines: map[string]int{}, nulls: map[string]bool{}, ends: map[int64]gwScalar{}}
	lines := src.lines
	lineAt := textpos.New(data).Line
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var stack []*frame
	lastKey := ""
	for {
		tok, err := dec.Token()
		if err != nil || len(stack) > maxKeyCheckDepth {
			return src, nil
		}
		var top *frame
		if len(stack) > 0 {
			top = stack[len(stack)-1]
		}
		switch t := tok.(type) {
		case json.Delim:
			switch t {
			case '{', '[':
				path := ""
				if top != nil {
					path = top.path
					if top.object {
						path = joinKey(top.path, lastKey)
					}
				}
				stack = append(stack, &frame{object: t == '{', expectKey: true, path: path, keys: map[string]int{}})
			default:
				stack = stack[:len(stack)-1]
				if len(stack) > 0 {
					stack[len(stack)-1].expectKey = true
				}
			}
		default:
			if top == nil || !top.object {
				continue
			}
			if !top.expectKey {
				top.expectKey = true
				path := joinKey(top.path, lastKey)
				if tok == nil {
					src.nulls[path] = true
				}
				src.ends[dec.InputOffset()] = gwScalar{path: path, tok: tok}
				continue
			}
			key, _ := t.(string)
			line := lineAt(dec.InputOffset())
			if first, ok := top.keys[key]; ok {
				where := "the file's top-level object"
				if i := strings.LastIndex(top.path, keySep); i >= 0 || top.path != "" {
					where = top.path[i+1:]
				}
				return src, errorf(file, line, "%s names %q twice (lines %d and %d); keep the one meant", where, key, first, line)
			}
			top.keys[key], top.expectKey, lastKey = line, false, key
			lines[joinKey(top.path, key)] = line
		}
	}
}

// gwKeys is a tree of the keys GeniusWeb's JSON gives, as its classes name them: under
// each key, the keys its object may hold; "*" stands for any name (an issue's or a
// value's), "**" for any other key, with all it holds, that a later check names better
// (a kind of utilities negsim does not read), and nil for a value that holds no keys.
type gwKeys map[string]gwKeys

var (
	gwValueSetKeys = gwKeys{"values": nil, "range": {"low": nil, "high": nil, "step": nil}}
	gwDomainKeys   = gwKeys{"name": nil, "issuesValues": {"*": gwValueSetKeys}}
	gwProfileKeys  = gwKeys{"LinearAdditiveUtilitySpace": {
		"name":   nil,
		"domain": gwDomainKeys,
		"issueUtilities": {"*": {
			"DiscreteValueSetUtilities": {"valueUtilities": {"*": nil}},
			"NumberValueSetUtilities":   {"lowValue": nil, "lowUtility": nil, "highValue": nil, "highUtility": nil},
			"**":                        nil,
		}},
		"issueWeights":   {"*": nil},
		"reservationBid": {"issuevalues": {"*": nil}},
	}}
)

// unknownKey refuses the first key, by line, that GeniusWeb's classes do not define where
// the file gives it. negsim read past such a key, so that "reservationValue": 0.5, written
// for a reservation, imported as none.
func (src gwSource) unknownKey() error {
	tree := gwProfileKeys
	if _, ok := src.lines["issuesValues"]; ok {
		tree = gwDomainKeys
	}
	first, firstLine := "", 0
	for path, line := range src.lines {
		if firstLine != 0 && (line > firstLine || line == firstLine && path > first) {
			continue
		}
		if _, known := tree.lookup(strings.Split(path, keySep)); !known {
			first, firstLine = path, line
		}
	}
	if first == "" {
		return nil
	}
	keys := strings.Split(first, keySep)
	parent, _ := tree.lookup(keys[:len(keys)-1])
	var valid []string
	for k := range parent {
		if k != "**" {
			valid = append(valid, k)
		}
	}
	slices.Sort(valid)
	key, where := keys[len(keys)-1], "the file's top level"
	if len(keys) > 1 {
		where = strings.Join(keys[:len(keys)-1], ".")
	}
	switch {
	case len(valid) == 0:
		return errorf(src.name, firstLine, "GeniusWeb has no key %q in %s, which holds a value, not keys", key, where)
	case strings.Contains(strings.ToLower(key), "reservation"):
		return errorf(src.name, firstLine, "GeniusWeb has no key %q in %s: a GeniusWeb reservation is a bid, \"reservationBid\": {\"issuevalues\": {ISSUE: VALUE, ...}}, worth what the profile gives that deal", key, where)
	}
	return errorf(src.name, firstLine, "GeniusWeb has no key %q in %s; its keys are %s", key, where, quoted(valid))
}

// lookup follows path down the tree: the keys the last one may hold, and whether every key
// of the path is one GeniusWeb defines there.
func (t gwKeys) lookup(path []string) (gwKeys, bool) {
	for _, k := range path {
		next, ok := t[k]
		if !ok {
			if _, other := t["**"]; other {
				return nil, true
			}
			if next, ok = t["*"]; !ok {
				return nil, false
			}
		}
		t = next
	}
	return t, true
}

// valueText is a GeniusWeb value as text: a string as it is, a number as written.
func valueText(raw json.RawMessage) (string, bool) {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s, true
	}
	var n json.Number
	if json.Unmarshal(raw, &n) == nil {
		return n.String(), true
	}
	return "", false
}

func readGWDomain(src gwSource, raw json.RawMessage) (string, []gwIssue, error) {
	var d gwDomain
	if err := json.Unmarshal(raw, &d); err != nil {
		return "", nil, src.errorf(nil, "the domain is not valid GeniusWeb JSON: %v", err)
	}
	if len(d.IssuesValues) == 0 {
		return "", nil, src.errorf(nil, "the domain has no issuesValues")
	}
	keys, err := objectKeys(d.IssuesValues)
	if err != nil {
		return "", nil, src.errorf([]string{"issuesValues"}, "the domain's issuesValues is not an object of issues: %v", err)
	}
	var sets map[string]gwValueSet
	if err := json.Unmarshal(d.IssuesValues, &sets); err != nil {
		return "", nil, src.errorf([]string{"issuesValues"}, "the domain's issuesValues is not valid: %v", err)
	}
	var issues []gwIssue
	for _, k := range keys {
		vs := sets[k]
		is := gwIssue{name: k}
		switch {
		case vs.Range != nil:
			lo, e1 := vs.Range.Low.Float64()
			hi, e2 := vs.Range.High.Float64()
			step, e3 := vs.Range.Step.Float64()
			if err := errors.Join(e1, e2, e3); err != nil || step <= 0 || hi < lo {
				return "", nil, src.errorf([]string{"issuesValues", k, "range"}, "issue %q: the range {low: %s, high: %s, step: %s} is not a range with a step above 0", k, vs.Range.Low, vs.Range.High, vs.Range.Step)
			}
			n := int(math.Floor((hi-lo)/step+1e-9)) + 1
			if n > sim.MaxOptions {
				return "", nil, src.errorf([]string{"issuesValues", k, "range"}, "issue %q: the range has %d values, more than the %d options an issue may have", k, n, sim.MaxOptions)
			}
			is.numeric = true
			for i := 0; i < n; i++ {
				x := lo + float64(i)*step
				is.points = append(is.points, x)
				is.values = append(is.values, number(x))
			}
			is.note = fmt.Sprintf("GeniusWeb number range %s..%s step %s: one option per value.", vs.Range.Low, vs.Range.High, vs.Range.Step)
		case len(vs.Values) > 0:
			for _, v := range vs.Values {
				s, ok := valueText(v)
				if !ok {
					return "", nil, src.errorf([]string{"issuesValues", k, "values"}, "issue %q: value %s is neither text nor a number", k, v)
				}
				if slices.Contains(is.values, s) {
					return "", nil, src.errorf([]string{"issuesValues", k, "values"}, "issue %q lists the value %q twice", k, s)
				}
				is.values = append(is.values, s)
			}
		default:
			return "", nil, src.errorf([]string{"issuesValues", k}, "issue %q has neither values nor a range", k)
		}
		issues = append(issues, is)
	}
	if len(issues) == 0 {
		return "", nil, src.errorf([]string{"issuesValues"}, "the domain has no issues")
	}
	return d.Name, issues, nil
}

// sameDomain explains how the domain b, read at here, differs from a, the domain of the
// file first, or returns "".
func sameDomain(first, firstName string, a []gwIssue, here, name string, b []gwIssue) string {
	names := func(is []gwIssue) []string {
		out := gwNames(is)
		slices.Sort(out)
		return out
	}
	if !slices.Equal(names(a), names(b)) {
		return fmt.Sprintf("%s is for another domain: its domain %q has the issues %s, and the domain %q of %s has %s; give the profiles of one domain", here, name, quoted(gwNames(b)), firstName, first, quoted(gwNames(a)))
	}
	for _, x := range a {
		for _, y := range b {
			if x.name == y.name && !slices.Equal(x.values, y.values) {
				return fmt.Sprintf("issue %q has the values %s here, but %s in the domain of %s; give the profiles of one domain", x.name, quoted(y.values), quoted(x.values), first)
			}
		}
	}
	return ""
}

// index finds a value of an issue as another part of a GeniusWeb file writes it: by its
// text, or by its number for values from a range.
func (is *gwIssue) index(v string) int {
	if i := slices.Index(is.values, v); i >= 0 {
		return i
	}
	if x, err := strconv.ParseFloat(v, 64); err == nil {
		for i, s := range is.values {
			if y, err := strconv.ParseFloat(s, 64); err == nil && math.Abs(x-y) <= 1e-9*math.Max(1, math.Abs(x)) {
				return i
			}
		}
	}
	return -1
}

type gwProfile struct {
	file     string
	name     string
	weights  []float64
	values   [][]float64
	notes    []string
	resBid   []int // option per issue, or nil
	resText  string
	domain   string
	domainIs []gwIssue
}

// ReadGeniusWeb reads GeniusWeb linear additive profiles into a scenario with one actor
// per profile. Every profile carries its domain, and all must carry the same one. A file
// holding only a domain (an object with issuesValues) is checked against the profiles and
// adds no actor.
func ReadGeniusWeb(files []File) (*sim.Scenario, error) {
	var profiles []*gwProfile
	var domainFile, domainName string
	var issues []gwIssue
	// adopt takes the first domain read and checks every other against it, at the key
	// that holds it: a profile's domain, or a bare domain's issuesValues.
	adopt := func(src gwSource, key, here, name string, is []gwIssue) error {
		if issues == nil {
			domainFile, domainName, issues = src.name, name, is
			return nil
		}
		if diff := sameDomain(domainFile, domainName, issues, here, name, is); diff != "" {
			return src.errorf([]string{key}, "%s", diff)
		}
		return nil
	}
	for _, f := range files {
		f.Data = bytes.TrimPrefix(f.Data, []byte("\xef\xbb\xbf"))
		src, err := scanKeys(f.Name, f.Data)
		if err != nil {
			return nil, err
		}
		var top map[string]json.RawMessage
		if err := json.Unmarshal(f.Data, &top); err != nil {
			return nil, src.jsonError(f.Data, err)
		}
		// Every value of the wrong kind is found here, against the whole file, where the
		// decoder's offsets give its line.
		if _, ok := top["issuesValues"]; ok {
			err = json.Unmarshal(f.Data, new(gwShapeDomain))
		} else {
			err = json.Unmarshal(f.Data, new(gwShape))
		}
		if err != nil {
			return nil, src.jsonError(f.Data, err)
		}
		if err := src.unknownKey(); err != nil {
			return nil, err
		}
		if _, ok := top["issuesValues"]; ok {
			name, is, err := readGWDomain(src, f.Data)
			if err != nil {
				return nil, err
			}
			if err := adopt(src, "issuesValues", "this file", name, is); err != nil {
				return nil, err
			}
			continue
		}
		var gf gwFile
		if err := json.Unmarshal(f.Data, &gf); err != nil {
			return nil, errorf(f.Name, 0, "not a GeniusWeb profile: %v", err)
		}
		if gf.Space == nil {
			keys := make([]string, 0, len(top))
			for k := range top {
				keys = append(keys, k)
			}
			slices.Sort(keys)
			return nil, src.errorf(keys[:min(1, len(keys))], "negsim reads GeniusWeb profiles of type LinearAdditiveUtilitySpace (or a bare domain with issuesValues); this file holds %s", quoted(keys))
		}
		p, err := readGWProfile(src.under("LinearAdditiveUtilitySpace"), gf.Space)
		if err != nil {
			return nil, err
		}
		if err := adopt(src.under("LinearAdditiveUtilitySpace"), "domain", "this profile", p.domain, p.domainIs); err != nil {
			return nil, err
		}
		profiles = append(profiles, p)
	}
	if len(profiles) == 0 {
		return nil, errorf(domainFile, 0, "no profiles given: a scenario needs at least one party's preferences")
	}
	return gwScenario(domainName, issues, profiles)
}

func readGWProfile(src gwSource, sp *gwSpace) (*gwProfile, error) {
	file := src.name
	if len(sp.Domain) == 0 {
		return nil, src.errorf(nil, "the profile has no domain")
	}
	name, issues, err := readGWDomain(src.under("domain"), sp.Domain)
	if err != nil {
		return nil, err
	}
	p := &gwProfile{file: file, name: sp.Name, domain: name, domainIs: issues}
	if p.name == "" {
		p.name = baseName(file)
	}
	for _, k := range sortedKeys(sp.IssueUtilities) {
		if !slices.ContainsFunc(issues, func(is gwIssue) bool { return is.name == k }) {
			return nil, src.errorf([]string{"issueUtilities", k}, "issueUtilities names issue %q, which is not in the profile's domain %q (issues %s)", k, name, quoted(gwNames(issues)))
		}
	}
	for _, k := range sortedKeys(sp.IssueWeights) {
		if !slices.ContainsFunc(issues, func(is gwIssue) bool { return is.name == k }) {
			return nil, src.errorf([]string{"issueWeights", k}, "issueWeights names issue %q, which is not in the profile's domain %q (issues %s)", k, name, quoted(gwNames(issues)))
		}
	}
	for _, is := range issues {
		w, ok := sp.IssueWeights[is.name]
		if src.null("issueWeights", is.name) {
			return nil, src.errorf([]string{"issueWeights", is.name}, "issue %q has weight null; give a number 0 or more", is.name)
		}
		if !ok {
			return nil, src.errorf([]string{"issueWeights"}, "issueWeights gives no weight for issue %q of the domain %q", is.name, name)
		}
		if !finite(w) || w < 0 {
			return nil, src.errorf([]string{"issueWeights", is.name}, "issue %q has weight %g; weights are 0 or more", is.name, w)
		}
		raw, ok := sp.IssueUtilities[is.name]
		if !ok {
			return nil, src.errorf([]string{"issueUtilities"}, "issueUtilities gives no utilities for issue %q of the domain %q", is.name, name)
		}
		vals, note, err := gwValues(src.under("issueUtilities").under(is.name), &is, raw)
		if err != nil {
			return nil, err
		}
		p.weights = append(p.weights, w)
		p.values = append(p.values, vals)
		p.notes = append(p.notes, note)
	}
	if b := sp.ReservationBid; b != nil && len(b.IssueValues) > 0 {
		p.resBid = make([]int, len(issues))
		var parts []string
		for k, is := range issues {
			raw, ok := b.IssueValues[is.name]
			if !ok {
				return nil, src.errorf([]string{"reservationBid", "issuevalues"}, "the reservationBid gives no value for issue %q; GeniusWeb reservation bids are complete", is.name)
			}
			v, _ := valueText(raw)
			o := is.index(v)
			if o < 0 {
				return nil, src.errorf([]string{"reservationBid", "issuevalues", is.name}, "the reservationBid's value %s for issue %q is not one of %s", raw, is.name, quoted(is.values))
			}
			p.resBid[k] = o
			parts = append(parts, fmt.Sprintf("%s: %s", is.name, is.values[o]))
		}
		p.resText = strings.Join(parts, ", ")
	}
	return p, nil
}

func gwNames(issues []gwIssue) []string {
	out := make([]string, len(issues))
	for i := range issues {
		out[i] = issues[i].name
	}
	return out
}

// gwValues reads one issue's utilities: a table of values, or a line through two points.
func gwValues(src gwSource, is *gwIssue, raw json.RawMessage) ([]float64, string, error) {
	var wrap struct {
		Discrete *gwDiscrete `json:"DiscreteValueSetUtilities"`
		Number   *gwNumber   `json:"NumberValueSetUtilities"`
	}
	if err := json.Unmarshal(raw, &wrap); err != nil {
		return nil, "", src.errorf(nil, "issue %q: utilities are not valid: %v", is.name, err)
	}
	out := make([]float64, len(is.values))
	switch {
	case wrap.Discrete != nil:
		got := make([]bool, len(out))
		keys := make([]string, 0, len(wrap.Discrete.ValueUtilities))
		for v := range wrap.Discrete.ValueUtilities {
			keys = append(keys, v)
		}
		slices.Sort(keys)
		for _, v := range keys {
			u := wrap.Discrete.ValueUtilities[v]
			if src.null("DiscreteValueSetUtilities", "valueUtilities", v) {
				return nil, "", src.errorf([]string{"DiscreteValueSetUtilities", "valueUtilities", v}, "issue %q: value %q has utility null; give a number from 0 to 1", is.name, v)
			}
			o := is.index(v)
			if o < 0 {
				return nil, "", src.errorf([]string{"DiscreteValueSetUtilities", "valueUtilities", v}, "issue %q: valueUtilities names %q, which is not a value of the domain (%s)", is.name, v, quoted(is.values))
			}
			if !finite(u) || u < 0 || u > 1 {
				return nil, "", src.errorf([]string{"DiscreteValueSetUtilities", "valueUtilities", v}, "issue %q: value %q has utility %g, outside [0,1]", is.name, v, u)
			}
			out[o], got[o] = u, true
		}
		for o, ok := range got {
			if !ok {
				return nil, "", src.errorf([]string{"DiscreteValueSetUtilities", "valueUtilities"}, "issue %q: valueUtilities gives no utility for %q, a value of the domain", is.name, is.values[o])
			}
		}
		return out, "", nil
	case wrap.Number != nil:
		n := wrap.Number
		for _, k := range []string{"lowValue", "lowUtility", "highValue", "highUtility"} {
			path := []string{"NumberValueSetUtilities", k}
			if src.null(path...) {
				return nil, "", src.errorf(path, "issue %q: %q is null; give a number", is.name, k)
			}
			if !src.has(path...) {
				return nil, "", src.errorf(path[:1], "issue %q: NumberValueSetUtilities has no %q; it needs lowValue, lowUtility, highValue and highUtility, each a number", is.name, k)
			}
		}
		if !is.numeric {
			return nil, "", src.errorf([]string{"NumberValueSetUtilities"}, "issue %q has NumberValueSetUtilities but its domain lists discrete values, not a number range", is.name)
		}
		if n.HighValue <= n.LowValue {
			return nil, "", src.errorf([]string{"NumberValueSetUtilities"}, "issue %q: NumberValueSetUtilities needs highValue above lowValue, found %g and %g", is.name, n.HighValue, n.LowValue)
		}
		for o, x := range is.points {
			if x < n.LowValue-1e-9 || x > n.HighValue+1e-9 {
				continue
			}
			out[o] = clamp01(n.LowUtility + (x-n.LowValue)*(n.HighUtility-n.LowUtility)/(n.HighValue-n.LowValue))
		}
		return out, fmt.Sprintf("GeniusWeb NumberValueSetUtilities: linear from utility %g at %g to %g at %g, 0 outside.", n.LowUtility, n.LowValue, n.HighUtility, n.HighValue), nil
	}
	kinds, _ := objectKeys(raw)
	if len(kinds) == 0 {
		return nil, "", src.errorf(nil, "issue %q has no utilities; negsim reads DiscreteValueSetUtilities and NumberValueSetUtilities", is.name)
	}
	return nil, "", src.errorf(kinds[:1], "issue %q has utilities of the kind %q, which negsim cannot read; it reads DiscreteValueSetUtilities and NumberValueSetUtilities", is.name, kinds[0])
}

func gwScenario(domainName string, issues []gwIssue, ps []*gwProfile) (*sim.Scenario, error) {
	sc := &sim.Scenario{Name: domainName}
	if sc.Name == "" {
		sc.Name = "GeniusWeb domain"
	}
	var files []string
	for i, p := range ps {
		files = append(files, filepath.Base(p.file))
		sc.Sources = append(sc.Sources, sim.Source{ID: fmt.Sprintf("profile-%d", i+1), Title: "GeniusWeb profile " + p.name, File: filepath.Base(p.file)})
	}
	sc.Description = fmt.Sprintf("Imported from the GeniusWeb profiles %s.", strings.Join(files, ", "))
	issueIDs := ids(gwNames(issues), "issue")
	for k, is := range issues {
		optIDs := ids(is.values, "option")
		si := sim.Issue{ID: issueIDs[k], Name: is.name, Note: is.note}
		for o, v := range is.values {
			si.Options = append(si.Options, sim.Option{ID: optIDs[o], Label: v})
		}
		sc.Issues = append(sc.Issues, si)
	}
	names := make([]string, len(ps))
	for i, p := range ps {
		names[i] = p.name
	}
	actorIDs := ids(names, "party")
	for i, p := range ps {
		// Profiles carry their own copy of the domain; map this one's issue order onto the
		// scenario's.
		a := sim.NewActor(actorIDs[i], p.name)
		a.Source = fmt.Sprintf("profile-%d", i+1)
		total := sum(p.weights)
		if total == 0 {
			return nil, errorf(p.file, 0, "every issue has weight 0")
		}
		res := 0.0
		for pk, pis := range p.domainIs {
			k := slices.IndexFunc(issues, func(is gwIssue) bool { return is.name == pis.name })
			pr := sim.Preference{Issue: issueIDs[k], Weight: p.weights[pk], Utilities: map[string]float64{}, Note: p.notes[pk]}
			for o, u := range p.values[pk] {
				pr.Utilities[sc.Issues[k].Options[o].ID] = u
			}
			if p.resBid != nil {
				res += p.weights[pk] / total * p.values[pk][p.resBid[pk]]
			}
			a.Preferences = append(a.Preferences, pr)
		}
		slices.SortStableFunc(a.Preferences, func(x, y sim.Preference) int {
			return sc.IssueIndex(x.Issue) - sc.IssueIndex(y.Issue)
		})
		var notes []string
		if math.Abs(total-1) > sim.Tolerance {
			notes = append(notes, fmt.Sprintf("The issueWeights sum to %g; GeniusWeb refuses weights that do not sum to 1, and negsim counts each as its share of the sum.", total))
		}
		if p.resBid != nil {
			a.Reservation = math.Min(1, res)
			notes = append(notes, fmt.Sprintf("GeniusWeb gives a reservation bid, not a value: {%s}, worth %.6g to %s, is kept as the reservation.", p.resText, res, p.name))
		}
		a.Note = strings.Join(notes, " ")
		sc.Actors = append(sc.Actors, a)
	}
	if problems := sc.Validate(); problems.HasErrors() {
		return nil, invalidImport(ps[0].file, problems)
	}
	return sc, nil
}

// sortedKeys lists a map's keys in order, so that of several problems the same one is
// reported on every run.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
