package scenarios_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/negsim/negsim/internal/scenariotest"
	"github.com/negsim/negsim/internal/sharedtest"
	"github.com/negsim/negsim/scenarios"
	"github.com/negsim/negsim/sim"
)

// The reference scenario's sources are the five analyses kept in ../shared/seeds beside the
// repository, not part of it. Every `source:` quotes its seed word for word, so that a
// reader can find the sentence; these tests hold every quotation to that.

// seedsDir is ../shared/seeds; without the seeds the tests skip.
func seedsDir(t *testing.T) string {
	return sharedtest.Dir(t, "seeds", "the seed analyses are absent, so the quotations cannot be checked")
}

// quoteMarks are the straight and typographic quotation marks and apostrophes. A quotation
// is written between straight double quotes, so quote marks inside it are typographic or
// single; comparing them as one mark lets it keep the seed's own inner quotes either way.
var quoteMarks = strings.NewReplacer(
	"\u201c", "'", "\u201d", "'", "\u201e", "'", "\u201f", "'", "\"", "'",
	"\u2018", "'", "\u2019", "'", "\u201a", "'", "\u201b", "'",
)

// normalise makes a text comparable with a quotation of it: every run of white space is one
// space and every quotation mark or apostrophe the same mark.
func normalise(s string) string {
	return strings.Join(strings.Fields(quoteMarks.Replace(s)), " ")
}

var (
	// A citation opens with a seed's three-digit id and a colon: `001: "..."`.
	citationStart = regexp.MustCompile(`(?:^|[\s;(])(00\d):`)
	// A quotation is text between straight double quotes.
	quotation = regexp.MustCompile(`"([^"]+)"`)
	// Outside straight quotes, text between typographic double quotes is a quotation too:
	// written that way it would otherwise escape every check.
	typographic = regexp.MustCompile(`\x{201C}([^\x{201C}\x{201D}]+)\x{201D}`)
	// A field names a seed by its id standing alone: "001: ...", "(002)", "003's",
	// "001, 002"; not the tail of a number such as 0.005 or 100,000, which once counted as
	// naming seed 000.
	seedNamed = regexp.MustCompile(`(?:^|[\s(;'"]|[^\d],)(00\d)\b`)
)

// quotations are the texts s quotes: between straight double quotes, and between
// typographic ones outside those (inside, they are the seed's own inner quotes).
func quotations(s string) []string {
	var qs []string
	for _, m := range quotation.FindAllStringSubmatch(s, -1) {
		qs = append(qs, m[1])
	}
	for _, m := range typographic.FindAllStringSubmatch(quotation.ReplaceAllString(s, " "), -1) {
		qs = append(qs, m[1])
	}
	return qs
}

// citation is one seed's share of a `source:` field and the quotations it holds.
type citation struct {
	seed   string
	quotes []string
}

// splitCitations cuts a source field into its citations, each running from a seed id to
// the next.
func splitCitations(source string) []citation {
	starts := citationStart.FindAllStringSubmatchIndex(source, -1)
	var cs []citation
	for i, m := range starts {
		end := len(source)
		if i+1 < len(starts) {
			end = starts[i+1][0]
		}
		c := citation{seed: source[m[2]:m[3]], quotes: quotations(source[m[1]:end])}
		cs = append(cs, c)
	}
	return cs
}

// citedField is one `source:` of the scenario and where it is.
type citedField struct{ where, source string }

func sourceFields(sc *sim.Scenario) []citedField {
	var fs []citedField
	add := func(where, source string) {
		if source != "" {
			fs = append(fs, citedField{where, source})
		}
	}
	for _, is := range sc.Issues {
		add("issues."+is.ID+".source", is.Source)
	}
	for _, a := range sc.Actors {
		add("actors."+a.ID+".source", a.Source)
		for _, p := range a.Preferences {
			add("actors."+a.ID+".preferences."+p.Issue+".source", p.Source)
		}
		for i, c := range a.Constraints {
			add("actors."+a.ID+".constraints."+strconv.Itoa(i)+".source", c.Source)
		}
		add("actors."+a.ID+".ratification.source", a.Ratification.Source)
		add("actors."+a.ID+".beliefs.source", a.Beliefs.Source)
	}
	add("protocol.source", sc.Protocol.Source)
	for _, e := range sc.Events {
		add("events["+e.Why+"].source", e.Source)
	}
	for _, v := range sc.Variants {
		add("variants."+v.ID+".source", v.Source)
	}
	return fs
}

// seedTexts reads every seed the scenario's sources list names, normalised, by source id.
func seedTexts(t *testing.T, sc *sim.Scenario) map[string]string {
	t.Helper()
	dir := seedsDir(t)
	texts := map[string]string{}
	for _, s := range sc.Sources {
		data, err := os.ReadFile(filepath.Join(dir, s.File))
		if err != nil {
			t.Fatalf("source %s names file %q: %v", s.ID, s.File, err)
		}
		texts[s.ID] = normalise(string(data))
	}
	return texts
}

// misquotations lists, for one source field, every citation without a quotation and every
// quotation its seed does not contain.
func misquotations(f citedField, texts map[string]string) []string {
	var bad []string
	cs := splitCitations(f.source)
	if len(cs) == 0 {
		bad = append(bad, f.where+": cites no seed (write `001: \"the seed's words\"`)")
	}
	for _, c := range cs {
		text, known := texts[c.seed]
		switch {
		case !known:
			bad = append(bad, f.where+": cites "+c.seed+", which is not in sources")
		case len(c.quotes) == 0:
			bad = append(bad, f.where+": cites "+c.seed+" without a quotation in double quotes")
		}
		for _, q := range c.quotes {
			if known && !strings.Contains(text, normalise(q)) {
				bad = append(bad, f.where+": "+c.seed+" does not contain \""+q+"\"")
			}
		}
	}
	return bad
}

func TestReferenceScenarioQuotesItsSeedsExactly(t *testing.T) {
	sc := scenariotest.Shipped(t, scenarios.Default, "").Scenario
	texts := seedTexts(t, sc)
	fields := sourceFields(sc)
	quotes := 0
	for _, f := range fields {
		for _, bad := range misquotations(f, texts) {
			t.Error(bad)
		}
		for _, c := range splitCitations(f.source) {
			quotes += len(c.quotes)
		}
	}
	// The sources list quotes each seed in its own title and note, which name no seed id.
	for _, s := range sc.Sources {
		for _, q := range quotation.FindAllStringSubmatch(s.Title+" "+s.Note, -1) {
			quotes++
			if !strings.Contains(texts[s.ID], normalise(q[1])) {
				t.Errorf("sources %s: %s does not contain \"%s\"", s.ID, s.File, q[1])
			}
		}
		if s.Note == "" {
			t.Errorf("sources %s: say what the source is (news report, advocacy analysis, essay, reader comment) in its note", s.ID)
		}
	}
	// Every actor, preference and variant cites or notes (TestReferenceScenarioCitesEveryValue);
	// here the count guards against a parser that finds nothing and so passes everything.
	if len(fields) < 60 || quotes < 90 {
		t.Errorf("found %d source fields with %d quotations; the second edition has over 60 and 90", len(fields), quotes)
	}
}

// The check must be able to fail: a quotation altered by one word, a citation without a
// quotation, and a quotation credited to the wrong seed are each caught, while the same
// sentence with straight quotes and different line breaks passes.
func TestQuotationCheckCatchesMisquotes(t *testing.T) {
	sc := scenariotest.Shipped(t, scenarios.Default, "").Scenario
	texts := seedTexts(t, sc)
	exact := "001: Zelensky has stated Ukraine has \"no legal or moral\nright\" to cede territory; 002: \"Kyiv's minimum sequence is clear\""
	if bad := misquotations(citedField{"exact", exact}, texts); len(bad) != 0 {
		t.Errorf("an exact quotation is rejected: %v", bad)
	}
	for name, source := range map[string]string{
		"altered":      `001: "no legal or ethical right"`,
		"unquoted":     `001: Russia demands all of Donbas`,
		"wrong seed":   `003: "no legal or moral right"`,
		"unknown seed": `009: "no legal or moral right"`,
		"no seed":      `"no legal or moral right"`,
		"typographic":  "001: a document is \u201c100% readyy\u201d",
	} {
		if bad := misquotations(citedField{name, source}, texts); len(bad) == 0 {
			t.Errorf("%s: %q passes the check", name, source)
		}
	}
}

// Notes, descriptions, conditions' reasons and teacher notes quote the seeds too ("reading
// “insists” as a red line", "Russia's account of the “Anchorage formula” (001)"). A
// quotation there must be found in a seed the field names, or in some seed when it names
// none: a reader who looks it up must find it.
func TestReferenceScenarioQuotesInEveryFieldAreInTheSeeds(t *testing.T) {
	sc := scenariotest.Shipped(t, scenarios.Default, "").Scenario
	texts := seedTexts(t, sc)
	data, err := json.Marshal(sc)
	if err != nil {
		t.Fatal(err)
	}
	var tree any
	if err := json.Unmarshal(data, &tree); err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, f := range textFields("", tree) {
		for _, bad := range unfoundQuotations(f, texts) {
			t.Error(bad)
		}
		checked += len(quotations(f.source))
	}
	// Outside its sources the second edition quotes the seeds 38 times; far fewer means the
	// walk missed fields.
	if checked < 30 {
		t.Errorf("checked %d quotations; the reference scenario holds 38 outside its sources", checked)
	}
}

// TestQuotationInAnyFieldCheckCatchesMisquotes shows the check failing on what it exists to
// catch, and passing an exact quotation whatever its quote marks.
func TestQuotationInAnyFieldCheckCatchesMisquotes(t *testing.T) {
	sc := scenariotest.Shipped(t, scenarios.Default, "").Scenario
	texts := seedTexts(t, sc)
	for text, want := range map[string]bool{
		"Russia's account of the \u201cAnchorage formula\u201d (001)":  true,
		`Russia's account of the "Anchorage formula" (001)`:            true,
		`a reading of "insists" as a red line`:                         true,  // no seed named: any seed
		"Russia's account of the \u201cAnchorage formulas\u201d (001)": false, // altered
		`Russia's account of the "Anchorage formula" (003)`:            false, // another seed's words
		`caps of 100,000 troops and "a perpetual ban"`:                 true,  // 100,000 names no seed 000: any seed, and 003 has it
	} {
		bad := unfoundQuotations(citedField{"test", text}, texts)
		if got := len(bad) == 0; got != want {
			t.Errorf("%q: passes %v, want %v (%v)", text, got, want, bad)
		}
	}
}

// textFields are the text fields of a scenario decoded from its JSON, by path (a list's
// items by id where they have one), but for
// its sources, whose quotations TestReferenceScenarioQuotesItsSeedsExactly checks by
// citation.
func textFields(path string, v any) []citedField {
	var fs []citedField
	switch v := v.(type) {
	case string:
		fs = append(fs, citedField{path, v})
	case map[string]any:
		for k, x := range v {
			if k == "source" || k == "sources" {
				continue
			}
			fs = append(fs, textFields(path+"."+k, x)...)
		}
	case []any:
		for i, x := range v {
			key := strconv.Itoa(i)
			if m, ok := x.(map[string]any); ok {
				if id, ok := m["id"].(string); ok {
					key = id
				}
			}
			fs = append(fs, textFields(path+"."+key, x)...)
		}
	}
	return fs
}

// unfoundQuotations lists every quotation of a field that none of the seeds it names
// holds (every seed, when it names none).
func unfoundQuotations(f citedField, texts map[string]string) []string {
	var named []string
	for _, m := range seedNamed.FindAllStringSubmatch(f.source, -1) {
		if _, known := texts[m[1]]; known {
			named = append(named, m[1])
		}
	}
	if len(named) == 0 {
		for id := range texts {
			named = append(named, id)
		}
	}
	var bad []string
	for _, q := range quotations(f.source) {
		found := false
		for _, id := range named {
			found = found || strings.Contains(texts[id], normalise(q))
		}
		if !found {
			bad = append(bad, f.where+": no seed it names ("+strings.Join(named, ", ")+") contains \""+q+"\"")
		}
	}
	return bad
}

// A teaching file that draws on a seed holds its citations to the same rule as the
// reference scenario: the source names the seed's file, so a reader can find it, and every
// `source:` crediting it quotes its words. teaching-telephone-game once titled 004 "Reporting
// on US-brokered talks, 2026" (it is a reader comment of 2025), named no file, and credited
// it with "each side's picture of the talks differs", words 004 does not hold.
func TestShippedFilesQuoteTheSeedsTheyName(t *testing.T) {
	dir := seedsDir(t)
	seeds, err := filepath.Glob(filepath.Join(dir, "00?_*.txt"))
	if err != nil || len(seeds) != 5 {
		t.Fatalf("want the five seeds in %s, found %v (%v)", dir, seeds, err)
	}
	checked := 0
	for _, name := range scenarios.Names() {
		if name == scenarios.Default {
			continue // TestReferenceScenarioQuotesItsSeedsExactly
		}
		sc := scenariotest.Shipped(t, name, "").Scenario
		for _, src := range sc.Sources {
			var seed string
			for _, path := range seeds {
				if id := filepath.Base(path)[:3]; strings.Contains(src.ID+src.Title, id) {
					seed = path
				}
			}
			if seed == "" {
				continue
			}
			if filepath.Join(dir, src.File) != seed {
				t.Errorf("%s: source %s draws on %s but names the file %q", name, src.ID, filepath.Base(seed), src.File)
				continue
			}
			data, err := os.ReadFile(seed)
			if err != nil {
				t.Fatal(err)
			}
			text := normalise(string(data))
			for _, q := range quotations(src.Title + " " + src.Note) {
				checked++
				if !strings.Contains(text, normalise(q)) {
					t.Errorf("%s: sources %s: %s does not contain %q", name, src.ID, src.File, q)
				}
			}
			for _, f := range sourceFields(sc) {
				if !strings.HasPrefix(f.source, src.ID+":") {
					continue
				}
				qs := quotations(f.source)
				if len(qs) == 0 {
					t.Errorf("%s: %s cites %s without a quotation in double quotes", name, f.where, src.ID)
				}
				for _, q := range qs {
					checked++
					if !strings.Contains(text, normalise(q)) {
						t.Errorf("%s: %s: %s does not contain %q", name, f.where, src.File, q)
					}
				}
			}
		}
	}
	if checked == 0 {
		t.Error("no teaching file's quotation was checked; teaching-telephone-game quotes 004")
	}
}
