package sim

import (
	"fmt"
	"math"
	"math/rand/v2"
	"reflect"
	"strconv"
	"strings"

	"gonum.org/v1/gonum/stat/distuv"
)

// Distribution names a family of distributions an uncertain value may follow.
type Distribution string

// Distributions an uncertain value may follow.
const (
	DistUniform    Distribution = "uniform"
	DistNormal     Distribution = "normal"
	DistTriangular Distribution = "triangular"
	DistBeta       Distribution = "beta"
)

// DistKinds lists every distribution a file may name.
var DistKinds = []Distribution{DistUniform, DistNormal, DistTriangular, DistBeta}

// distUsage says how each distribution is written after --vary PATH=.
var distUsage = map[Distribution]string{
	DistUniform:    "uniform(min,max)",
	DistNormal:     "normal(mean,sd) or normal(mean,sd,min,max)",
	DistTriangular: "triangular(min,mode,max)",
	DistBeta:       "beta(alpha,beta) or beta(alpha,beta,min,max)",
}

// ParseUncertain reads the command-line form PATH=dist(args), e.g.
// actors.russia.reservation=uniform(0.45,0.65). Its values are checked when the scenario
// holding it is validated.
func ParseUncertain(spec string) (Uncertain, error) {
	usage := "write PATH=DIST(ARGS) with DIST one of " + strings.Join(usageList(), ", ")
	path, rest, ok := strings.Cut(spec, "=")
	path, rest = strings.TrimSpace(path), strings.TrimSpace(rest)
	if !ok || path == "" {
		return Uncertain{}, fmt.Errorf("%q: %s", spec, usage)
	}
	open := strings.IndexByte(rest, '(')
	if open < 0 || !strings.HasSuffix(rest, ")") {
		return Uncertain{}, fmt.Errorf("%q: %s", spec, usage)
	}
	dist := Distribution(strings.ToLower(strings.TrimSpace(rest[:open])))
	if _, known := distUsage[dist]; !known {
		return Uncertain{}, fmt.Errorf("%q: unknown distribution %q;%s valid: %s", spec, dist, DidYouMean(string(dist), Names(DistKinds)), quoteList(Names(DistKinds)))
	}
	var args []float64
	for _, a := range strings.Split(rest[open+1:len(rest)-1], ",") {
		x, err := strconv.ParseFloat(strings.TrimSpace(a), 64)
		if err != nil || !finite(x) {
			return Uncertain{}, fmt.Errorf("%q: %q is not a number; write %s", spec, strings.TrimSpace(a), distUsage[dist])
		}
		args = append(args, x)
	}
	u := Uncertain{Path: path, Dist: dist}
	switch {
	case dist == DistUniform && len(args) == 2:
		u.Min, u.Max = args[0], args[1]
	case dist == DistTriangular && len(args) == 3:
		u.Min, u.Mode, u.Max = args[0], args[1], args[2]
	case dist == DistNormal && (len(args) == 2 || len(args) == 4):
		u.Mean, u.SD = args[0], args[1]
		if len(args) == 4 {
			u.Min, u.Max = args[2], args[3]
		}
	case dist == DistBeta && (len(args) == 2 || len(args) == 4):
		u.Alpha, u.Beta = args[0], args[1]
		if len(args) == 4 {
			u.Min, u.Max = args[2], args[3]
		}
	default:
		return Uncertain{}, fmt.Errorf("%q: %s takes %s", spec, dist, distUsage[dist])
	}
	if len(args) == 4 && !u.bounded() {
		// Bounds of 0 and 0 are how a distribution without bounds is held, so these would
		// be drawn over the whole range, not at 0.
		return Uncertain{}, fmt.Errorf("%q: bounds of 0 and 0 would read as no bounds; to always draw 0, write uniform(0,0)", spec)
	}
	return u, nil
}

func usageList() []string {
	out := make([]string, len(DistKinds))
	for i, d := range DistKinds {
		out[i] = distUsage[d]
	}
	return out
}

// String is the distribution in the command-line form, for reports.
func (u Uncertain) String() string {
	g := func(x float64) string { return strconv.FormatFloat(x, 'g', -1, 64) }
	switch u.Dist {
	case DistUniform:
		return fmt.Sprintf("uniform(%s,%s)", g(u.Min), g(u.Max))
	case DistTriangular:
		return fmt.Sprintf("triangular(%s,%s,%s)", g(u.Min), g(u.Mode), g(u.Max))
	case DistNormal:
		if u.bounded() {
			return fmt.Sprintf("normal(%s,%s,%s,%s)", g(u.Mean), g(u.SD), g(u.Min), g(u.Max))
		}
		return fmt.Sprintf("normal(%s,%s)", g(u.Mean), g(u.SD))
	case DistBeta:
		if u.bounded() {
			return fmt.Sprintf("beta(%s,%s,%s,%s)", g(u.Alpha), g(u.Beta), g(u.Min), g(u.Max))
		}
		return fmt.Sprintf("beta(%s,%s)", g(u.Alpha), g(u.Beta))
	}
	return string(u.Dist)
}

// valueRange is the interval of values a numeric path accepts, as validation checks it.
// lowOpen marks a lower bound that is itself invalid (a power of 0).
type valueRange struct {
	low, high float64
	lowOpen   bool
}

func (r valueRange) contains(x float64) bool {
	if r.lowOpen && x <= r.low || x < r.low || x > r.high {
		return false
	}
	return true
}

func (r valueRange) String() string {
	lo := "["
	if r.lowOpen {
		lo = "("
	}
	hi := strconv.FormatFloat(r.high, 'g', -1, 64) + "]"
	if math.IsInf(r.high, 1) {
		hi = "∞)"
	}
	return lo + strconv.FormatFloat(r.low, 'g', -1, 64) + ", " + hi
}

// rangeOf is the valid range of the number at path: the bounds fieldDocs gives the field the
// path names, which the schema declares and validation checks, so that Monte Carlo draws and
// events keep to them. A path that names no bounded number is unbounded.
func rangeOf(path string) valueRange {
	key, item := fieldKeyOf(reflect.TypeFor[Scenario](), strings.Split(path, "."))
	rules := DocOf(key).Rules
	if item {
		rules = DocOf(key).Item
	}
	return boundsOf(rules)
}

// fieldKeyOf follows a path through the scenario's types to the field it names, as
// fieldDocs keys it ("Actor.reservation"); item is true when the path goes on to one value
// of that field's mapping (a utility of Preference.utilities). An override's key (a belief)
// is itself a path from the scenario. It returns "" for a path that names no field.
func fieldKeyOf(t reflect.Type, segs []string) (key string, item bool) {
	for i := 0; i < len(segs); i++ {
		f, ok := structFieldByJSON(t, segs[i])
		if !ok {
			return "", false
		}
		key = t.Name() + "." + segs[i]
		ft := f.Type
		for ft.Kind() == reflect.Pointer {
			ft = ft.Elem()
		}
		last := i == len(segs)-1
		switch {
		case last:
			return key, false
		case ft.Kind() == reflect.Slice && ft.Elem() == reflect.TypeFor[Assignment]():
			return fieldKeyOf(reflect.TypeFor[Scenario](), segs[i+1:])
		case ft.Kind() == reflect.Slice && ft.Elem().Kind() == reflect.Struct:
			t = ft.Elem()
			i++ // the element's id or index
		case ft.Kind() == reflect.Map:
			return key, i+1 == len(segs)-1
		case ft.Kind() == reflect.Struct:
			t = ft
		default:
			return "", false
		}
	}
	return "", false
}

// boundsOf reads a field's numeric schema keywords as a range; a missing end is unbounded.
func boundsOf(rules map[string]any) valueRange {
	r := valueRange{low: math.Inf(-1), high: math.Inf(1)}
	num := func(k string) (float64, bool) {
		switch v := rules[k].(type) {
		case int:
			return float64(v), true
		case float64:
			return v, true
		}
		return 0, false
	}
	if lo, ok := num("minimum"); ok {
		r.low = lo
	}
	if lo, ok := num("exclusiveMinimum"); ok {
		r.low, r.lowOpen = lo, true
	}
	if hi, ok := num("maximum"); ok {
		r.high = hi
	}
	return r
}

// bounded reports whether a normal or beta distribution was given min and max. Bounds of 0
// and 0 read as none, the form a file without them decodes to; any other min = max is a
// zero-width range, which always gives that value, as it does for uniform and triangular.
func (u Uncertain) bounded() bool { return u.Min != 0 || u.Max != 0 }

// support is the interval a distribution's draws fall in.
func (u Uncertain) support() (lo, hi float64) {
	r := rangeOf(u.Path)
	switch u.Dist {
	case DistNormal:
		lo, hi = r.low, r.high
		if r.lowOpen {
			// The truncation keeps the draws inside an open end (a power above 0).
			lo = math.Nextafter(r.low, math.Inf(1))
		}
		if u.bounded() {
			lo, hi = max(lo, u.Min), min(hi, u.Max)
		}
		return lo, hi
	case DistBeta:
		if u.bounded() {
			return u.Min, u.Max
		}
		return 0, 1
	}
	return u.Min, u.Max
}

// sampler draws one uncertain value at a time from a caller's random source.
type sampler struct {
	u      Uncertain
	lo, hi float64
	// cdfLo and cdfHi bound the normal's uniform draw, so that a truncated normal is one
	// inverse-CDF evaluation rather than a loop of rejections.
	cdfLo, cdfHi float64
}

func newSampler(u Uncertain) sampler {
	s := sampler{u: u}
	s.lo, s.hi = u.support()
	if u.Dist == DistNormal && u.SD > 0 {
		n := distuv.Normal{Mu: u.Mean, Sigma: u.SD}
		s.cdfLo, s.cdfHi = n.CDF(s.lo), n.CDF(s.hi)
	}
	return s
}

func (s sampler) draw(src rand.Source) float64 {
	u := s.u
	switch u.Dist {
	case DistUniform:
		if u.Max == u.Min {
			return u.Min
		}
		return distuv.Uniform{Min: u.Min, Max: u.Max, Src: src}.Rand()
	case DistTriangular:
		if u.Max == u.Min {
			return u.Min
		}
		return distuv.NewTriangle(u.Min, u.Max, u.Mode, src).Rand()
	case DistNormal:
		if u.SD == 0 {
			return u.Mean
		}
		if s.lo == s.hi {
			return s.lo
		}
		p := distuv.Uniform{Min: s.cdfLo, Max: s.cdfHi, Src: src}.Rand()
		x := distuv.Normal{Mu: u.Mean, Sigma: u.SD}.Quantile(p)
		return min(max(x, s.lo), s.hi)
	case DistBeta:
		if s.lo == s.hi {
			return s.lo
		}
		x := distuv.Beta{Alpha: u.Alpha, Beta: u.Beta, Src: src}.Rand()
		return s.lo + (s.hi-s.lo)*x
	}
	panic("sim: unvalidated distribution " + u.Dist)
}

// Recentred is a distribution that moved with its value: a variant or --set changed a
// number the file's uncertainty: section also gives a distribution for, and the draws
// follow the what-if's value rather than silently replacing it with the file's.
type Recentred struct {
	Path string `json:"path"`
	// FileValue is the value in the file, Value the what-if's.
	FileValue float64 `json:"file_value"`
	Value     float64 `json:"value"`
	// From is the distribution as the file gives it, To the one drawn from: From moved by
	// Value − FileValue and kept within the range the path allows.
	From string `json:"from"`
	To   string `json:"to"`
}

// RecentreUncertainty moves every distribution whose value differs from base's (the same
// scenario before a what-if) by that difference, so that the draws are spread around the
// what-if's value as they were around the file's. It returns what it moved, in file order.
func (s *Scenario) RecentreUncertainty(base *Scenario) []Recentred {
	var out []Recentred
	for i, u := range s.Uncertainty {
		was, err1 := base.Get(u.Path)
		now, err2 := s.Get(u.Path)
		w, ok1 := was.(float64)
		n, ok2 := now.(float64)
		if err1 != nil || err2 != nil || !ok1 || !ok2 || w == n {
			continue
		}
		moved := u.shifted(n - w)
		s.Uncertainty[i] = moved
		out = append(out, Recentred{Path: u.Path, FileValue: w, Value: n, From: u.String(), To: moved.String()})
	}
	return out
}

// shifted is the distribution moved by d, its bounds kept within the path's range.
func (u Uncertain) shifted(d float64) Uncertain {
	r := rangeOf(u.Path)
	lo := r.low
	if r.lowOpen {
		lo = math.Nextafter(r.low, math.Inf(1))
	}
	// Rounded as every reported number is, so 0.55 + 0.02 reads 0.57.
	in := func(x float64) float64 { return min(r.high, max(lo, presentable(x))) }
	switch u.Dist {
	case DistUniform:
		u.Min, u.Max = in(u.Min+d), in(u.Max+d)
	case DistTriangular:
		u.Min, u.Mode, u.Max = in(u.Min+d), in(u.Mode+d), in(u.Max+d)
	case DistNormal:
		if u.bounded() {
			u.Min, u.Max = in(u.Min+d), in(u.Max+d)
			u.Mean = min(u.Max, max(u.Min, presentable(u.Mean+d)))
			if !u.bounded() {
				// Moved to [0, 0], which would read as no bounds: the point 0 it is.
				u.SD = 0
			}
		} else {
			u.Mean = in(u.Mean + d)
		}
	case DistBeta:
		if !u.bounded() {
			u.Max = 1
		}
		u.Min, u.Max = in(u.Min+d), in(u.Max+d)
		if !u.bounded() {
			// Moved to [0, 0], which a beta would read as [0, 1]: the point 0 it is.
			u = Uncertain{Path: u.Path, Dist: DistUniform, Note: u.Note, Source: u.Source}
		}
	}
	return u
}
