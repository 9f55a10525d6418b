package interop

import (
	"bytes"
	"cmp"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"math"
	"math/big"
	"slices"
	"strconv"
	"strings"

	"github.com/negsim/negsim/sim"
)

// maxReservationNodes bounds the search for a GeniusWeb reservation bid: the branches it
// cuts keep it far below this on any space a scenario holds, but a bound keeps export quick
// whatever the weights.
const maxReservationNodes = 10_000_000

// exportActor is an actor's preferences as the formats hold them: a normalised weight and
// a value per option for every issue, in scenario order.
type exportActor struct {
	weights []float64
	values  [][]float64
}

// exportNames are the names files use for a list of issues or options: the name or label
// a scenario was imported from when its id was made from it (as ids makes them, numbered
// when two names make the same id), the id otherwise, so that an imported scenario goes
// back out as it came in and a native one keeps its ids. Should that give two the same
// name, every one keeps its id.
func exportNames(idsOf, namesOf []string, fallback string) []string {
	made := ids(namesOf, fallback)
	out := make([]string, len(idsOf))
	seen := map[string]bool{}
	for i, id := range idsOf {
		out[i] = id
		if namesOf[i] != "" && made[i] == id {
			out[i] = namesOf[i]
		}
		if seen[out[i]] {
			return slices.Clone(idsOf)
		}
		seen[out[i]] = true
	}
	return out
}

// exportedNames are the names both formats write for the issues and, per issue, for the
// options.
func exportedNames(sc *sim.Scenario) (issues []string, options [][]string) {
	idsOf, namesOf := make([]string, len(sc.Issues)), make([]string, len(sc.Issues))
	options = make([][]string, len(sc.Issues))
	for k, is := range sc.Issues {
		idsOf[k], namesOf[k] = is.ID, is.Name
		optIDs, labels := make([]string, len(is.Options)), make([]string, len(is.Options))
		for o, op := range is.Options {
			optIDs[o], labels[o] = op.ID, op.Label
		}
		options[k] = exportNames(optIDs, labels, "option")
	}
	return exportNames(idsOf, namesOf, "issue"), options
}

// prepare takes a compiled scenario, so one known to be valid: the exporters never validate
// again.
func prepare(sc *sim.Scenario, format string) ([]exportActor, sim.Diagnostics) {
	var warn sim.Diagnostics
	add := func(path, format string, args ...any) {
		warn = append(warn, warning(path, format, args...))
	}
	var out []exportActor
	for i := range sc.Actors {
		a := &sc.Actors[i]
		p := "actors." + a.ID
		ea := exportActor{weights: make([]float64, len(sc.Issues)), values: make([][]float64, len(sc.Issues))}
		for k := range sc.Issues {
			is := &sc.Issues[k]
			ea.values[k] = make([]float64, len(is.Options))
			pr := a.Preference(is.ID)
			if pr == nil {
				continue
			}
			ea.weights[k], _ = a.WeightShare(is.ID)
			for o := range is.Options {
				ea.values[k][o] = pr.Value(is, o)
			}
			// A red line that lets every option through limits nothing, so nothing is lost.
			if slices.ContainsFunc(is.Options, func(o sim.Option) bool { return !pr.Accepts(o.ID) }) {
				add(fmt.Sprintf("%s.preferences.%s.acceptable", p, is.ID), "%s has no red lines: actor %q's limit to %s on issue %q is not written", format, a.ID, sim.JoinWords(pr.Acceptable, "and"), is.ID)
			}
		}
		for j := range a.Constraints {
			add(fmt.Sprintf("%s.constraints.%d", p, j), "%s has no conditional red lines: actor %q's constraint (%s) is not written", format, a.ID, a.Constraints[j].Why)
		}
		if !a.Veto {
			add(p+".veto", "%s has no observers: actor %q, who holds no veto, is written as an ordinary party", format, a.ID)
		}
		// An import gives an actor the defaults of a new one; only a power that differs
		// from them is lost.
		if a.Power != sim.NewActor(a.ID, a.Name).Power {
			add(p+".power", "%s has no bargaining power: actor %q's power %g is not written", format, a.ID, a.Power)
		}
		if a.Strategy.Kind != "" {
			add(p+".strategy", "%s profiles hold preferences, not strategies: actor %q's strategy %q is not written", format, a.ID, a.Strategy.Kind)
		}
		if len(a.Ratification.By) > 0 {
			add("actors."+a.ID+".ratification", "%s has no two-level games: actor %q's ratification by %s at home is not written, and its ratifiers are written as ordinary parties", format, a.ID, sim.JoinWords(a.Ratification.By, "and"))
		}
		if len(a.Beliefs.Set) > 0 {
			add("actors."+a.ID+".beliefs", "%s gives every party the same domain and its own profile only: actor %q's beliefs about the others (%d) are not written", format, a.ID, len(a.Beliefs.Set))
		}
		out = append(out, ea)
	}
	if sc.Decision.VotesNeeded > 0 {
		add("decision.votes_needed", "%s has no voting rules: the decision rule (%d votes needed) is not written, and every party is treated as needed", format, sc.Decision.VotesNeeded)
	}
	if len(sc.Events) > 0 {
		add("events", "%s has no events: %s not written", format, countNoun(len(sc.Events), "event is", "events are"))
	}
	if sc.Protocol.Kind == sim.ProtocolMediated || sc.Protocol.Mediator != "" {
		by := "a neutral mediator"
		if sc.Protocol.Mediator != "" {
			by = fmt.Sprintf("actor %q", sc.Protocol.Mediator)
		}
		add("protocol", "%s domains and profiles hold no protocol: the talks mediated by %s are not written, and its agents make their own offers", format, by)
	}
	if len(sc.Uncertainty) > 0 {
		add("uncertainty", "%s has no distributions: %s not written, and each value is written as the file gives it", format, countNoun(len(sc.Uncertainty), "uncertain value is", "uncertain values are"))
	}
	if len(sc.Variants) > 0 {
		add("variants", "%s has no variants: %s not written; export a variant with --variant", format, countNoun(len(sc.Variants), "variant is", "variants are"))
	}
	if lost := unwrittenNames(sc); lost != "" {
		add("issues", "%s files carry one name per issue and option, and export writes the id there so that import gives back the same ids: %s not written", format, lost)
	}
	renamed := 0
	for _, a := range sc.Actors {
		if a.Name != a.ID {
			renamed++
		}
	}
	if renamed > 0 {
		add("actors", "%s names a party by its profile's file, which export names by the actor's id: %s %s not written", format, nameCount(renamed, "name", "actor"), isOrAre(renamed > 1))
	}
	return out, warn
}

// unwrittenNames says which of the issues' names and options' labels the files do not
// carry, those exportedNames replaces by ids, with the verb that agrees: "the names of 3
// issues are"; "" when the files carry them all.
func unwrittenNames(sc *sim.Scenario) string {
	written, writtenOptions := exportedNames(sc)
	issues, options := 0, 0
	for k, is := range sc.Issues {
		if is.Name != "" && is.Name != written[k] {
			issues++
		}
		for o, op := range is.Options {
			if op.Label != "" && op.Label != writtenOptions[k][o] {
				options++
			}
		}
	}
	var lost []string
	if issues > 0 {
		lost = append(lost, nameCount(issues, "name", "issue"))
	}
	if options > 0 {
		lost = append(lost, nameCount(options, "label", "option"))
	}
	if len(lost) == 0 {
		return ""
	}
	return sim.JoinWords(lost, "and") + " " + isOrAre(len(lost) > 1 || issues+options > 1)
}

// nameCount counts names of things: "the name of 1 actor", "the labels of 2 options".
func nameCount(n int, name, thing string) string {
	if n == 1 {
		return fmt.Sprintf("the %s of 1 %s", name, thing)
	}
	return fmt.Sprintf("the %ss of %d %ss", name, n, thing)
}

func isOrAre(plural bool) string {
	if plural {
		return "are"
	}
	return "is"
}

func fileNames(sc *sim.Scenario, ext string) (string, []string) {
	domain := sim.Slug(sc.Name)
	if domain == "" {
		domain = "domain"
	}
	names := make([]string, len(sc.Actors))
	for i, a := range sc.Actors {
		names[i] = a.ID
		if a.ID == domain {
			names[i] = a.ID + "-profile"
		}
	}
	for i := range names {
		names[i] += ext
	}
	return domain + ext, names
}

func ftoa(x float64) string { return strconv.FormatFloat(x, 'g', -1, 64) }

// evaluation writes a utility in the actor's raw units. Scaled back by a utility_scale it
// has 15 significant digits, so that 320 does not come out as 320.00000000000006; without
// one it is the utility itself, written to the last bit so that it reads back the same.
func evaluation(u, scale float64) string {
	if scale > 0 {
		return strconv.FormatFloat(u*scale, 'g', 15, 64)
	}
	return ftoa(u)
}

func esc(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}

// WriteGenius writes a scenario as a GENIUS domain and one profile per actor, with the
// evaluations in the actor's raw units (its utility × utility_scale, or its utility), and
// returns what the format could not hold.
func WriteGenius(sp *sim.Space) ([]File, sim.Diagnostics, error) {
	sc := sp.Scenario()
	actors, warn := prepare(sc, "GENIUS")
	domainName, profileNames := fileNames(sc, ".xml")
	issueName, optionName := exportedNames(sc)
	var d bytes.Buffer
	fmt.Fprintf(&d, "<negotiation_template>\n\t<utility_space number_of_issues=\"%d\">\n", len(sc.Issues))
	d.WriteString("\t\t<objective index=\"0\" description=\"\" name=\"root\" type=\"objective\" etype=\"objective\">\n")
	for k := range sc.Issues {
		is := &sc.Issues[k]
		fmt.Fprintf(&d, "\t\t\t<issue index=\"%d\" name=\"%s\" type=\"discrete\" etype=\"discrete\" vtype=\"discrete\">\n", k+1, esc(issueName[k]))
		for o := range is.Options {
			fmt.Fprintf(&d, "\t\t\t\t<item index=\"%d\" value=\"%s\"", o+1, esc(optionName[k][o]))
			if desc := is.Options[o].Description; desc != "" {
				fmt.Fprintf(&d, " description=\"%s\"", esc(desc))
			}
			d.WriteString("/>\n")
		}
		d.WriteString("\t\t\t</issue>\n")
	}
	d.WriteString("\t\t</objective>\n\t</utility_space>\n</negotiation_template>\n")
	files := []File{{Name: domainName, Data: d.Bytes()}}

	rounds := sc.Protocol.Rounds
	if rounds < 2 {
		rounds = DefaultRounds
	}
	var deadline *sim.Diagnostic
	for i := range sc.Actors {
		a := &sc.Actors[i]
		ea := actors[i]
		var p bytes.Buffer
		p.WriteString("<utility_space>\n\t<objective index=\"0\" description=\"\" name=\"root\" type=\"objective\" etype=\"objective\">\n")
		var belowOne []string
		for k := range sc.Issues {
			is := &sc.Issues[k]
			fmt.Fprintf(&p, "\t\t<issue index=\"%d\" name=\"%s\" type=\"discrete\" etype=\"discrete\" vtype=\"discrete\">\n", k+1, esc(issueName[k]))
			for o := range is.Options {
				fmt.Fprintf(&p, "\t\t\t<item index=\"%d\" value=\"%s\" evaluation=\"%s\"/>\n", o+1, esc(optionName[k][o]), evaluation(ea.values[k][o], a.UtilityScale))
			}
			p.WriteString("\t\t</issue>\n")
			if ea.weights[k] > 0 && slices.Max(ea.values[k]) < 1-1e-12 {
				belowOne = append(belowOne, is.ID)
			}
		}
		for k := range sc.Issues {
			fmt.Fprintf(&p, "\t\t<weight index=\"%d\" value=\"%s\"/>\n", k+1, ftoa(ea.weights[k]))
		}
		p.WriteString("\t</objective>\n")
		switch d, ok := discountFromDrift(a.Reservation, a.ReservationDrift, rounds); {
		case ok && d > 0:
			fmt.Fprintf(&p, "\t<discount_factor value=\"%s\"/>\n", ftoa(d))
			if rounds != DefaultRounds && deadline == nil {
				back, _ := discountDrift(d, a.Reservation, DefaultRounds)
				w := warning("protocol.rounds",
					"GENIUS profiles hold no deadline: each discount factor written spreads a reservation_drift over this scenario's %d rounds; import reads it over %d unless given --rounds %d (actor %q's drift %g would become %.6g)", rounds, DefaultRounds, rounds, a.ID, a.ReservationDrift, back)
				deadline = &w
			}
		case !ok:
			warn = append(warn, warning("actors."+a.ID+".reservation_drift",
				"GENIUS expresses time pressure as a discount factor in (0,1) on the reservation; actor %q's drift %g from reservation %g over %d rounds matches none, so it is not written", a.ID, a.ReservationDrift, a.Reservation, rounds))
		}
		fmt.Fprintf(&p, "\t<reservation value=\"%s\"/>\n</utility_space>\n", evaluation(a.Reservation, a.UtilityScale))
		files = append(files, File{Name: profileNames[i], Data: p.Bytes()})
		switch {
		case a.UtilityScale > 0:
			warn = append(warn, warning("actors."+a.ID,
				"actor %q's evaluations are written in raw units (utility × utility_scale %g); read them back with --scale raw", a.ID, a.UtilityScale))
		case len(belowOne) > 0:
			warn = append(warn, warning("actors."+a.ID+".preferences",
				"GENIUS divides each issue's evaluations by the issue's best, but no option of %s is worth 1 to actor %q, so GENIUS reads its utilities higher than negsim does; read the files back with --scale raw to keep them", sim.JoinWords(belowOne, "or"), a.ID))
		}
	}
	if deadline != nil {
		warn = append(warn, *deadline)
	}
	return files, warn, nil
}

// jsonObject writes a JSON object with its keys in the order given: GeniusWeb reads issue
// order from the file, and a reader does too.
type jsonObject struct {
	keys   []string
	values []any
}

func (o *jsonObject) set(k string, v any) {
	o.keys = append(o.keys, k)
	o.values = append(o.values, v)
}

func (o *jsonObject) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, k := range o.keys {
		if i > 0 {
			b.WriteByte(',')
		}
		kb, err := json.Marshal(k)
		if err != nil {
			return nil, err
		}
		b.Write(kb)
		b.WriteByte(':')
		vb, err := json.Marshal(o.values[i])
		if err != nil {
			return nil, err
		}
		b.Write(vb)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

func indentJSON(v any) ([]byte, error) {
	raw, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	if err := json.Indent(&b, raw, "", "\t"); err != nil {
		return nil, err
	}
	b.WriteByte('\n')
	return b.Bytes(), nil
}

// WriteGeniusWeb writes a scenario as a GeniusWeb domain and one linear additive profile
// per actor, and returns what the format could not hold.
func WriteGeniusWeb(sp *sim.Space) ([]File, sim.Diagnostics, error) {
	sc := sp.Scenario()
	actors, warn := prepare(sc, "GeniusWeb")
	domainName, profileNames := fileNames(sc, ".json")
	issueName, optionName := exportedNames(sc)
	issuesValues := &jsonObject{}
	for k := range sc.Issues {
		set := &jsonObject{}
		set.set("values", optionName[k])
		issuesValues.set(issueName[k], set)
	}
	domain := &jsonObject{}
	domain.set("name", sc.Name)
	domain.set("issuesValues", issuesValues)
	data, err := indentJSON(domain)
	if err != nil {
		return nil, nil, err
	}
	files := []File{{Name: domainName, Data: data}}
	for i := range sc.Actors {
		a := &sc.Actors[i]
		ea := actors[i]
		p := "actors." + a.ID
		utils, weights := &jsonObject{}, &jsonObject{}
		decimals := weightsSummingToOne(ea.weights)
		for k := range sc.Issues {
			is := &sc.Issues[k]
			vu := &jsonObject{}
			for o := range is.Options {
				vu.set(optionName[k][o], ea.values[k][o])
			}
			inner := &jsonObject{}
			inner.set("valueUtilities", vu)
			wrap := &jsonObject{}
			wrap.set("DiscreteValueSetUtilities", inner)
			utils.set(issueName[k], wrap)
			weights.set(issueName[k], decimals[k])
		}
		space := &jsonObject{}
		space.set("issueUtilities", utils)
		space.set("issueWeights", weights)
		space.set("domain", domain)
		space.set("name", a.ID)
		if a.Reservation > 0 {
			bid, u, why := reservationBid(sc, ea, a.Reservation)
			if bid != nil {
				values := &jsonObject{}
				for k := range sc.Issues {
					values.set(issueName[k], optionName[k][bid[k]])
				}
				rb := &jsonObject{}
				rb.set("issuevalues", values)
				space.set("reservationBid", rb)
				if math.Abs(u-a.Reservation) > sim.Tolerance {
					warn = append(warn, warning(p+".reservation",
						"GeniusWeb takes a reservation bid, not a value: actor %q's reservation %g is written as the least deal worth at least that, worth %.6g", a.ID, a.Reservation, u))
				}
			} else {
				warn = append(warn, warning(p+".reservation",
					"GeniusWeb takes a reservation bid, not a value: actor %q's reservation %g is not written (%s)", a.ID, a.Reservation, why))
			}
		}
		if a.ReservationDrift != 0 {
			warn = append(warn, warning(p+".reservation_drift",
				"GeniusWeb profiles have no discount or drift: actor %q's reservation_drift %g is not written", a.ID, a.ReservationDrift))
		}
		if a.UtilityScale > 0 {
			warn = append(warn, warning(p+".utility_scale",
				"GeniusWeb utilities lie in [0,1]: actor %q's utilities are written as negsim holds them, without its utility_scale %g", a.ID, a.UtilityScale))
		}
		top := &jsonObject{}
		top.set("LinearAdditiveUtilitySpace", space)
		data, err := indentJSON(top)
		if err != nil {
			return nil, nil, err
		}
		files = append(files, File{Name: profileNames[i], Data: data})
	}
	return files, warn, nil
}

// weightsSummingToOne writes weight shares as decimals that add up to exactly 1, as
// GeniusWeb requires of a profile (it adds them as decimals and refuses any other sum):
// each share as the shortest decimal that reads back as the same float, and the largest
// one corrected by what the decimals miss of 1 (three thirds, 0.3333333333333333 each,
// miss 10^-16), so that it may read back a float or two off.
func weightsSummingToOne(shares []float64) []json.Number {
	out := make([]json.Number, len(shares))
	miss := big.NewRat(1, 1)
	largest, places := 0, 0
	for k, w := range shares {
		text := strconv.FormatFloat(w, 'f', -1, 64)
		out[k] = json.Number(text)
		if _, frac, ok := strings.Cut(text, "."); ok {
			places = max(places, len(frac))
		}
		x, _ := new(big.Rat).SetString(text)
		miss.Sub(miss, x)
		if w > shares[largest] {
			largest = k
		}
	}
	if miss.Sign() == 0 {
		return out
	}
	// Sums and differences of decimals with at most that many places have no more.
	fixed, _ := new(big.Rat).SetString(string(out[largest]))
	text := fixed.Add(fixed, miss).FloatString(places)
	if strings.Contains(text, ".") {
		text = strings.TrimRight(strings.TrimRight(text, "0"), ".")
	}
	out[largest] = json.Number(text)
	return out
}

// reservationBid finds the deal an actor values least among those worth at least its
// reservation, the first in issue and option order on ties, as enumerating every deal in
// that order would. It walks the issues depth first, each issue's options from the least
// valued, and leaves a branch that cannot reach the reservation or cannot come below the
// best bid so far: the reference scenario's 1,259,712 deals need no enumeration.
func reservationBid(sc *sim.Scenario, ea exportActor, r float64) ([]int, float64, string) {
	n := len(sc.Issues)
	// most[k] and least[k] are the most and least the issues from k on can add.
	most, least := make([]float64, n+1), make([]float64, n+1)
	order := make([][]int, n)
	for k := n - 1; k >= 0; k-- {
		hi, lo := math.Inf(-1), math.Inf(1)
		for o := range sc.Issues[k].Options {
			v := ea.weights[k] * ea.values[k][o]
			hi, lo = max(hi, v), min(lo, v)
			order[k] = append(order[k], o)
		}
		slices.SortStableFunc(order[k], func(a, b int) int { return cmp.Compare(ea.values[k][a], ea.values[k][b]) })
		most[k], least[k] = most[k+1]+hi, least[k+1]+lo
	}
	// slack keeps a bound computed in another order of additions from cutting a deal whose
	// own sum, added in issue order as below, would qualify.
	const slack = 1e-9
	choice := make([]int, n)
	var best []int
	bestU := math.Inf(1)
	nodes := 0
	var walk func(k int, u float64) bool
	walk = func(k int, u float64) bool {
		if nodes++; nodes > maxReservationNodes {
			return false
		}
		if k == n {
			if u >= r-sim.Tolerance && (u < bestU || u == bestU && slices.Compare(choice, best) < 0) {
				best, bestU = slices.Clone(choice), u
			}
			return true
		}
		for _, o := range order[k] {
			v := u + ea.weights[k]*ea.values[k][o]
			if v+most[k+1] < r-sim.Tolerance-slack || v+least[k+1] > bestU+slack {
				continue
			}
			choice[k] = o
			if !walk(k+1, v) {
				return false
			}
		}
		return true
	}
	if !walk(0, 0) {
		return nil, 0, fmt.Sprintf("no bid of that worth was found within %d steps of the search", maxReservationNodes)
	}
	if best == nil {
		return nil, 0, "no deal is worth that much to it"
	}
	return best, bestU, ""
}

// warning is what a format cannot hold, at the path of the value it leaves out.
func warning(path, format string, args ...any) sim.Diagnostic {
	return sim.Diagnostic{Severity: sim.SeverityWarning, Path: path, Message: fmt.Sprintf(format, args...)}
}

// countNoun says how many things, in the singular for one: "1 variant is", "7 variants are".
func countNoun(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
