package sim

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
)

// Paths address any value of a scenario by the names a file uses, with list elements
// named by their id: actors.russia.reservation, actors.ukraine.preferences.territory.weight,
// actors.ukraine.preferences.territory.utilities.freeze, protocol.rounds. Elements without
// an id (constraints) are named by their position from 0: actors.ukraine.constraints.0.why.

// ElementKeys names the elements of a list in paths, given their ids: an element by its id,
// unless the id is missing, not a valid id (too long among them) or already taken by an
// earlier element, and then by its position from 0. Problems with such an element still need a path that says which
// one it is, and the decoder names the same elements the same way to find them in a file.
func ElementKeys(ids []string) []string {
	keys := make([]string, len(ids))
	seen := make(map[string]bool, len(ids))
	for i, id := range ids {
		if IsSlug(id) && len(id) <= MaxIDLength && !seen[id] {
			keys[i] = id
			seen[id] = true
		} else {
			keys[i] = strconv.Itoa(i)
		}
	}
	return keys
}

// PathError is a path that does not lead to a value, or a value of the wrong type for it.
type PathError struct {
	Path string
	Msg  string
}

func (e *PathError) Error() string { return e.Path + ": " + e.Msg }

// Is makes a path that leads nowhere bad input.
func (e *PathError) Is(target error) bool { return target == ErrBadInput }

// Set writes value at path. Values from the command line arrive as text and are converted
// to the type the path holds: "0.4", "true", "freeze,freeze-dmz" for a list of options.
// Null at a belief's path drops the belief, so that a what-if can have an actor learn the
// truth: the value it then sees is the one the scenario gives.
func (s *Scenario) Set(path string, value any) error {
	if owner, about, ok := beliefPath(path); ok && isNull(value) {
		return s.dropBelief(path, owner, about)
	}
	target, commit, err := s.locate(path)
	if err != nil {
		return err
	}
	if target.Type() == reflect.TypeFor[StrategyKind]() {
		return s.setStrategyKind(path, value)
	}
	if err := assign(path, target, value); err != nil {
		var pe *PathError
		if value == nil && errors.As(err, &pe) {
			pe.Msg += "; null drops a belief (a path actors.ID.beliefs.set.PATH) and changes nothing else"
		}
		return err
	}
	commit()
	return nil
}

// isNull reports whether value is null as a file writes it (YAML's null or ~, JSON's null)
// or as --set takes it (the text null).
func isNull(value any) bool {
	text, isText := value.(string)
	return value == nil || isText && strings.TrimSpace(text) == "null"
}

// dropBelief removes owner's belief about the value at about. An actor left with no belief
// loses its beliefs' source and note too: they justified what it no longer believes.
func (s *Scenario) dropBelief(path, owner, about string) error {
	a := s.ActorIndex(owner)
	if a < 0 {
		_, _, err := s.locate(path)
		return err
	}
	b := &s.Actors[a].Beliefs
	held := make([]string, len(b.Set))
	for i, as := range b.Set {
		if as.Path == about {
			b.Set = slices.Delete(slices.Clone(b.Set), i, i+1)
			if len(b.Set) == 0 {
				*b = Beliefs{}
			}
			return nil
		}
		held[i] = as.Path
	}
	if len(held) == 0 {
		return &PathError{path, fmt.Sprintf("actor %q holds no beliefs, so null has no belief to drop", owner)}
	}
	return &PathError{path, fmt.Sprintf("actor %q holds no belief about %q, so null has no belief to drop;%s valid: %s", owner, about, DidYouMean(about, held), quoteList(held))}
}

// setStrategyKind sets the kind at path and keeps the strategy's exponent with the kind it
// belongs to: a kind other than time-dependent fixes its own curve and drops it, and
// time-dependent keeps an exponent already set, else takes that of the curve the strategy
// had (linear's after tit-for-tat or a hardliner), so that the choice changes what it names
// and nothing else. Without it, every kind params offers but the one written was refused.
func (s *Scenario) setStrategyKind(path string, value any) error {
	st, commit, err := s.locate(strings.TrimSuffix(path, ".kind"))
	if err != nil {
		return err
	}
	before := st.Interface().(Strategy)
	if err := assign(path, st.FieldByName("Kind"), value); err != nil {
		return err
	}
	exponent := 0.0
	if StrategyKind(st.FieldByName("Kind").String()) == StrategyTimeDependent {
		_, curve := StrategyExponent(before)
		switch {
		case before.Exponent > 0:
			// Time-dependent already, or an exponent set just before the kind.
			exponent = before.Exponent
		case curve > 0:
			exponent = curve
		default:
			exponent = LinearExponent
		}
	}
	st.FieldByName("Exponent").SetFloat(exponent)
	commit()
	return nil
}

// Add adds delta to the number at path.
func (s *Scenario) Add(path string, delta float64) error {
	target, commit, err := s.locate(path)
	if err != nil {
		return err
	}
	defer commit()
	switch target.Kind() {
	case reflect.Float64:
		target.SetFloat(target.Float() + delta)
	case reflect.Int:
		if delta != float64(int64(delta)) {
			return &PathError{path, fmt.Sprintf("holds a whole number; cannot add %v", delta)}
		}
		target.SetInt(target.Int() + int64(delta))
	default:
		return &PathError{path, fmt.Sprintf("holds %s, not a number, so nothing can be added to it", KindWords(target.Type()))}
	}
	return nil
}

// AddClamped adds delta to the number at path and clamps the result to the range the path
// accepts (a reservation to [0,1], a weight to 0 or more): MODEL section 4 reads a value an
// event pushes out of range at its bound, never as an error.
func (s *Scenario) AddClamped(path string, delta float64) error {
	if err := s.Add(path, delta); err != nil {
		return err
	}
	x, err := s.Get(path)
	if err != nil {
		return err
	}
	f, ok := x.(float64)
	if !ok {
		return nil
	}
	r := rangeOf(path)
	lo := r.low
	if r.lowOpen {
		lo = math.Nextafter(r.low, math.Inf(1))
	}
	if c := min(r.high, max(lo, f)); c != f {
		return s.Set(path, c)
	}
	return nil
}

// Get returns the value at path.
func (s *Scenario) Get(path string) (any, error) {
	target, _, err := s.locate(path)
	if err != nil {
		return nil, err
	}
	if target.Kind() == reflect.String {
		// A kind (a strategy, a shape) is text to whoever reads a path.
		return target.String(), nil
	}
	return target.Interface(), nil
}

// numberSetter returns a function that writes a number at path, walking the path once:
// Monte Carlo draws write the same paths thousands of times.
func (s *Scenario) numberSetter(path string) (func(float64), error) {
	target, commit, err := s.locate(path)
	if err != nil {
		return nil, err
	}
	if target.Kind() != reflect.Float64 {
		return nil, &PathError{path, fmt.Sprintf("holds %s, not a number with decimals", KindWords(target.Type()))}
	}
	return func(x float64) {
		target.SetFloat(x)
		commit()
	}, nil
}

// locate walks a path to the settable value it names.
func (s *Scenario) locate(path string) (reflect.Value, func(), error) {
	if strings.TrimSpace(path) == "" {
		return reflect.Value{}, nil, &PathError{path, "empty path; it starts with one of " + quoteList(jsonNames(reflect.TypeOf(*s)))}
	}
	v := reflect.ValueOf(s).Elem()
	parent := v // what holds v, for the message about empty maps
	segs := strings.Split(path, ".")
	for i, seg := range segs {
		here := strings.Join(segs[:i], ".")
		if here == "" {
			here = "the scenario"
		}
		switch v.Kind() {
		case reflect.Struct:
			f, ok := fieldByJSON(v, seg)
			if !ok {
				names := jsonNames(v.Type())
				return reflect.Value{}, nil, &PathError{path, fmt.Sprintf("%s has no %q;%s valid: %s", here, seg, DidYouMean(seg, names), quoteList(names))}
			}
			parent, v = v, f
		case reflect.Slice:
			if v.Type().Elem() == reflect.TypeOf(Assignment{}) {
				// An override's key is itself a path, dots and all: the rest of this path
				// names it, and the value it sets is what this path changes.
				return overrideValue(v, path, strings.Join(segs[i:], "."), here)
			}
			at, ok, valid := element(v, seg)
			if !ok {
				guess := DidYouMean(seg, valid)
				msg := fmt.Sprintf("%s has no %q;%s valid: %s", here, seg, guess, quoteList(valid))
				if len(valid) == 0 {
					msg = fmt.Sprintf("%s is empty, so it has no %q", here, seg)
				}
				if _, err := strconv.Atoi(seg); guess == "" || err == nil {
					// An index past the end, or no near miss of an id: what was meant may be
					// a new element, which only the whole list can bring.
					// The list as negsim params prints it is the form --set and a set: take:
					// the file's own layout (preferences keyed by issue) is not a value.
					msg += fmt.Sprintf("; to add one, set %s whole: the JSON list negsim params shows for it, with one more entry", here)
				}
				return reflect.Value{}, nil, &PathError{path, msg}
			}
			parent, v = v, v.Index(at)
		case reflect.Map:
			key := reflect.ValueOf(seg)
			if v.Len() == 0 {
				msg := fmt.Sprintf("%s is empty, so it has no %q; a path changes a value, it does not add one", here, seg)
				if pr, ok := parent.Interface().(Preference); ok && pr.Ideal != "" {
					msg += fmt.Sprintf(" (this preference gives ideal: %q instead of utilities; set %s.ideal or %s.shape)", pr.Ideal, strings.Join(segs[:i-1], "."), strings.Join(segs[:i-1], "."))
				}
				return reflect.Value{}, nil, &PathError{path, msg}
			}
			if !v.MapIndex(key).IsValid() {
				keys := mapKeys(v)
				return reflect.Value{}, nil, &PathError{path, fmt.Sprintf("%s has no %q;%s valid: %s", here, seg, DidYouMean(seg, keys), quoteList(keys))}
			}
			cp := reflect.New(v.Type().Elem()).Elem()
			cp.Set(v.MapIndex(key))
			m := v
			commit := func() { m.SetMapIndex(key, cp) }
			if i == len(segs)-1 {
				return cp, commit, nil
			}
			// A list held in a mapping (the options a constraint names) is walked on, element
			// by position; an element shares the list's storage, so writing it needs no commit.
			if cp.Kind() != reflect.Slice {
				return reflect.Value{}, nil, &PathError{path, fmt.Sprintf("%s.%s holds a value, so the path ends there", here, seg)}
			}
			parent, v = v, cp
		default:
			return reflect.Value{}, nil, &PathError{path, fmt.Sprintf("%s holds a value, so the path ends there", strings.Join(segs[:i], "."))}
		}
	}
	return v, func() {}, nil
}

// overrideValue locates the value of the override keyed key in a list of overrides.
func overrideValue(list reflect.Value, path, key, here string) (reflect.Value, func(), error) {
	var keys []string
	for i := 0; i < list.Len(); i++ {
		as := list.Index(i).Addr().Interface().(*Assignment)
		if as.Path == key {
			return list.Index(i).FieldByName("Value"), func() {}, nil
		}
		keys = append(keys, as.Path)
	}
	if len(keys) == 0 {
		return reflect.Value{}, nil, &PathError{path, fmt.Sprintf("%s is empty, so it has no %q; a path changes a value, it does not add one", here, key)}
	}
	return reflect.Value{}, nil, &PathError{path, fmt.Sprintf("%s has no %q;%s valid: %s", here, key, DidYouMean(key, keys), quoteList(keys))}
}

func fieldByJSON(v reflect.Value, name string) (reflect.Value, bool) {
	if f, ok := structFieldByJSON(v.Type(), name); ok {
		return v.FieldByIndex(f.Index), true
	}
	return reflect.Value{}, false
}

// structFieldByJSON is the field of struct type t that files name name.
func structFieldByJSON(t reflect.Type, name string) (reflect.StructField, bool) {
	if t.Kind() != reflect.Struct {
		return reflect.StructField{}, false
	}
	for _, f := range pathFields(t) {
		if f.name == name {
			return t.Field(f.index), true
		}
	}
	return reflect.StructField{}, false
}

func jsonNames(t reflect.Type) []string {
	var names []string
	for _, f := range pathFields(t) {
		if f.name != "" {
			names = append(names, f.name)
		}
	}
	return names
}

// idField is the field that names a list element in paths: id, or issue for preferences,
// or path for overrides.
func idField(t reflect.Type) (int, bool) {
	for _, name := range []string{"id", "issue", "path"} {
		if f, ok := structFieldByJSON(t, name); ok {
			return f.Index[0], true
		}
	}
	return 0, false
}

// pathField is a field a path can name, or ("" for name) an embedded struct whose fields
// it names as its own.
type pathField struct {
	index int
	name  string
}

var pathFieldsOf sync.Map // reflect.Type → []pathField

// pathFields are the fields of struct type t a path can name, worked out once per type.
func pathFields(t reflect.Type) []pathField {
	if fs, ok := pathFieldsOf.Load(t); ok {
		return fs.([]pathField)
	}
	var fs []pathField
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		switch {
		case f.Anonymous:
			fs = append(fs, pathField{index: i})
		case f.IsExported() && name != "" && name != "-":
			fs = append(fs, pathField{index: i, name: name})
		}
	}
	pathFieldsOf.Store(t, fs)
	return fs
}

// element is the index of the element of list v that seg names (by id where the elements
// have one, else by position), or false and the names that would be valid.
func element(v reflect.Value, seg string) (int, bool, []string) {
	var valid []string
	if v.Type().Elem().Kind() == reflect.Struct {
		if fi, ok := idField(v.Type().Elem()); ok {
			for i := 0; i < v.Len(); i++ {
				id := v.Index(i).Field(fi).String()
				if id == seg {
					return i, true, nil
				}
				valid = append(valid, id)
			}
			return 0, false, valid
		}
	}
	if n, err := strconv.Atoi(seg); err == nil && n >= 0 && n < v.Len() {
		return n, true, nil
	}
	for i := 0; i < v.Len(); i++ {
		valid = append(valid, strconv.Itoa(i))
	}
	return 0, false, valid
}

func mapKeys(v reflect.Value) []string {
	var keys []string
	for _, k := range v.MapKeys() {
		keys = append(keys, k.String())
	}
	sort.Strings(keys)
	return keys
}

// ScalarNoun names a scalar kind of value as a teacher reads it: "number", "whole number",
// "true or false", "text"; ok is false for other kinds. It carries no article because the
// field reference lists a field's type as a bare noun where an error says "a number".
func ScalarNoun(k reflect.Kind) (noun string, ok bool) {
	noun, ok = scalarNouns[k]
	return noun, ok
}

var scalarNouns = map[reflect.Kind]string{
	reflect.Float64: "number",
	reflect.Int:     "whole number",
	reflect.Bool:    "true or false",
	reflect.String:  "text",
}

// KindWords says what a value of type t looks like, as every error about a value of the
// wrong kind says it, whether the value came from a file, from --set or from a distribution.
func KindWords(t reflect.Type) string {
	if noun, ok := ScalarNoun(t.Kind()); ok {
		if t.Kind() == reflect.Float64 || t.Kind() == reflect.Int {
			return "a " + noun
		}
		return noun
	}
	switch t.Kind() {
	case reflect.Slice:
		if t.Elem().Kind() == reflect.String {
			return "a list of ids"
		}
		return "a list"
	case reflect.Map:
		return "a mapping"
	}
	return "a group of settings"
}

// assign converts value to the type at target and stores it.
func assign(path string, target reflect.Value, value any) error {
	wrong := func() error {
		msg := fmt.Sprintf("expects %s, not %s", KindWords(target.Type()), describeValue(value))
		if text, ok := value.(string); ok && (target.Kind() == reflect.Float64 || target.Kind() == reflect.Int) {
			if _, problem, _ := ParseNumber(strings.TrimSpace(text)); problem != "" {
				// A number written so that readers take it differently (017), or by a
				// slip (1__0): what to write instead says more than what was expected.
				return &PathError{path, problem}
			}
			if hint, ok := NumberHint(path, text); ok {
				msg += ": " + hint
			}
		}
		if f, ok := toFloat(value); ok && target.Kind() == reflect.Int && f != math.Trunc(f) && (strings.HasSuffix(path, ".votes") || strings.HasSuffix(path, "votes_needed")) {
			// Votes are counted whole, as the exact voting-power indices count them; a
			// share of an electorate reads as a percentage.
			msg += "; votes count whole: write a share of an electorate in percent, 55 for 55%"
		}
		return &PathError{path, msg}
	}
	switch target.Kind() {
	case reflect.Float64:
		f, ok := toFloat(value)
		if !ok {
			return wrong()
		}
		target.SetFloat(f)
	case reflect.Int:
		f, ok := toFloat(value)
		if !ok || f != float64(int64(f)) {
			return wrong()
		}
		target.SetInt(int64(f))
	case reflect.Bool:
		switch x := value.(type) {
		case bool:
			target.SetBool(x)
		case string:
			// The spellings a scenario file's YAML takes, and no others (strconv.ParseBool
			// would also take 0, 1, t and F, which a file refuses).
			switch strings.TrimSpace(x) {
			case "true", "True", "TRUE":
				target.SetBool(true)
			case "false", "False", "FALSE":
				target.SetBool(false)
			default:
				return wrong()
			}
		default:
			return wrong()
		}
	case reflect.String:
		switch x := value.(type) {
		case string:
			target.SetString(x)
		case float64, bool, int:
			target.SetString(fmt.Sprint(x))
		default:
			return wrong()
		}
	case reflect.Slice:
		if target.Type().Elem().Kind() != reflect.String {
			if text, ok := jsonText(value, "["); ok {
				return assignJSON(path, target, text)
			}
			return &PathError{path, "is a list of settings; set its elements one path at a time, or the whole list as JSON, as negsim params shows it"}
		}
		var items []string
		switch x := value.(type) {
		case string:
			// [a,b] is YAML's flow syntax, as params prints lists; a,b is the short form.
			x = strings.TrimSpace(x)
			if strings.HasPrefix(x, "[") && strings.HasSuffix(x, "]") {
				x = x[1 : len(x)-1]
			}
			for _, it := range strings.Split(x, ",") {
				if it = strings.TrimSpace(it); it != "" {
					items = append(items, it)
				}
			}
		case []any:
			for _, it := range x {
				s, ok := it.(string)
				if !ok {
					return wrong()
				}
				items = append(items, s)
			}
		case []string:
			items = x
		default:
			return wrong()
		}
		if items == nil {
			items = []string{}
		}
		target.Set(reflect.ValueOf(items))
	case reflect.Map:
		if text, ok := jsonText(value, "{"); ok {
			return assignJSON(path, target, text)
		}
		return &PathError{path, "is a mapping; set its entries one path at a time, or the whole mapping as JSON, as negsim params shows it"}
	case reflect.Struct:
		if text, ok := jsonText(value, "{"); ok {
			return assignJSON(path, target, text)
		}
		for i := 0; i < target.NumField(); i++ {
			if strings.Contains(target.Type().Field(i).Tag.Get("negsim"), "shorthand") {
				return assign(path, target.Field(i), value)
			}
		}
		return &PathError{path, "is a group of settings; set its fields one path at a time (" + quoteList(jsonNames(target.Type())) + "), or the whole group as JSON, as negsim params shows it"}
	case reflect.Interface:
		// An override's value. Text from the command line takes the type of the value it
		// replaces, so that writing back what params lists changes nothing; anything else is
		// checked when the override is applied.
		if value == nil {
			return &PathError{path, "needs a value"}
		}
		text, isText := value.(string)
		if !isText || target.IsNil() {
			target.Set(reflect.ValueOf(value))
			return nil
		}
		switch target.Elem().Interface().(type) {
		case float64, bool:
			typed := reflect.New(target.Elem().Type()).Elem()
			if err := assign(path, typed, text); err != nil {
				return err
			}
			target.Set(typed)
		case []any, []string:
			var ids []string
			if err := assign(path, reflect.ValueOf(&ids).Elem(), text); err != nil {
				return err
			}
			list := make([]any, len(ids))
			for i, id := range ids {
				list[i] = id
			}
			target.Set(reflect.ValueOf(list))
		default:
			target.Set(reflect.ValueOf(value))
		}
	default:
		return &PathError{path, "cannot be set by a path; edit the file"}
	}
	return nil
}

// jsonText returns a value given as text that opens with open ({ or [): a group of settings
// written as JSON.
func jsonText(value any, open string) (string, bool) {
	text, ok := value.(string)
	text = strings.TrimSpace(text)
	return text, ok && strings.HasPrefix(text, open)
}

// assignJSON sets a group of settings (an actor, a constraint, a mapping of utilities) from
// its JSON form, the form negsim params shows and JSON output uses. Any field the group does
// not have is refused; what the new values mean is left to validation, as for any value.
func assignJSON(path string, target reflect.Value, text string) error {
	v := reflect.New(target.Type())
	dec := json.NewDecoder(strings.NewReader(text))
	dec.DisallowUnknownFields()
	err := dec.Decode(v.Interface())
	if err == nil && dec.More() {
		err = errors.New("more follows the value")
	}
	// The decoder names Go's types ("Go struct field Beliefs.set of type
	// []sim.Assignment"); say the same in the words KindWords gives every path.
	var wrongType *json.UnmarshalTypeError
	if errors.As(err, &wrongType) {
		where := "the value"
		if wrongType.Field != "" {
			where = fmt.Sprintf("%q", wrongType.Field)
		}
		err = fmt.Errorf("%s is %s there, not a JSON %s", where, KindWords(wrongType.Type), wrongType.Value)
	}
	if err != nil {
		return &PathError{path, fmt.Sprintf("expects %s written as JSON, as negsim params shows it: %v", KindWords(target.Type()), err)}
	}
	target.Set(v.Elem())
	return nil
}

func toFloat(v any) (float64, bool) {
	switch x := v.(type) {
	case float64:
		return x, finite(x)
	case int:
		return float64(x), true
	case string:
		f, _, ok := ParseNumber(strings.TrimSpace(x))
		return f, ok && finite(f)
	}
	return 0, false
}

func describeValue(v any) string {
	switch x := v.(type) {
	case string:
		return fmt.Sprintf("%q", x)
	case nil:
		return "nothing"
	case []any:
		return "a list"
	case map[string]any:
		return "a mapping"
	}
	return fmt.Sprint(v)
}
