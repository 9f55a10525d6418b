package interop

import (
	"strconv"
	"strings"
	"testing"
)

// A name given twice in a profile is a mistake to fix, not a choice to make silently:
// GENIUS items or weights, GeniusWeb keys. Each error names the file, the line and what
// is given twice.
func TestReadRefusesWhatIsGivenTwice(t *testing.T) {
	genius := []struct {
		name, old, new string
		want           []string
	}{
		{"item evaluated twice", `<item value="green" evaluation="4"/>`, `<item value="green" evaluation="4"/><item value="green" evaluation="6"/>`, []string{"a.xml:4:", `"green"`, "twice"}},
		{"weight given twice", `<weight index="2" value="0.3"/>`, `<weight index="2" value="0.3"/><weight index="2" value="0.9"/>`, []string{"a.xml:8:", "weight", "2", "twice"}},
		{"weight of no issue", `<weight index="3" value="0.2"/>`, `<weight index="3" value="0.2"/><weight index="4" value="0.2"/>`, []string{"a.xml:8:", "index 4", "no issue"}},
	}
	for _, c := range genius {
		t.Run(c.name, func(t *testing.T) {
			profile := strings.Replace(testProfileA, c.old, c.new, 1)
			_, err := ReadGenius(File{Name: "shop.xml", Data: []byte(testDomain)}, []File{{Name: "a.xml", Data: []byte(profile)}}, GeniusOptions{})
			wantMentions(t, c.name, err, c.want...)
		})
	}
	web := []struct {
		name, old, new string
		want           []string
	}{
		{"value utility twice", `"x": 1, "y": 0`, `"x": 1, "y": 0, "x": 0.5`, []string{"one.json:5:", `"x"`, "twice", "valueUtilities"}},
		{"weight twice", `"issueWeights": {"a": 0.6, "n": 0.4}`, `"issueWeights": {"a": 0.6, "n": 0.4, "a": 0.1}`, []string{"one.json:7:", `"a"`, "twice", "issueWeights"}},
		{"issue twice", `"n": {"range"`, `"a": {"values": ["x", "y"]}, "n": {"range"`, []string{"one.json:8:", `"a"`, "twice", "issuesValues"}},
	}
	for _, c := range web {
		t.Run(c.name, func(t *testing.T) {
			profile := strings.Replace(testWebProfile, c.old, c.new, 1)
			if profile == testWebProfile {
				t.Fatal("the test's replacement matched nothing")
			}
			_, err := ReadGeniusWeb([]File{{Name: "one.json", Data: []byte(profile)}})
			wantMentions(t, c.name, err, c.want...)
		})
	}
}

// A reservation or discount factor that is not a number in range is the profile's
// problem, at its line, not the domain's.
func TestReadGeniusBlamesTheProfileForItsReservation(t *testing.T) {
	cases := []struct {
		old, new string
		want     []string
	}{
		{`<reservation value="0.4"/>`, `<reservation value="NaN"/>`, []string{"a.xml:11:", "reservation", "NaN"}},
		{`<reservation value="0.4"/>`, `<reservation value="1.5"/>`, []string{"a.xml:11:", "reservation", "1.5", "[0,1]"}},
		{`<discount_factor value="0.5"/>`, `<discount_factor value="NaN"/>`, []string{"a.xml:10:", "discount_factor", "NaN"}},
	}
	for _, c := range cases {
		profile := strings.Replace(testProfileA, c.old, c.new, 1)
		_, err := ReadGenius(File{Name: "shop.xml", Data: []byte(testDomain)}, []File{{Name: "a.xml", Data: []byte(profile)}}, GeniusOptions{})
		wantMentions(t, c.new, err, c.want...)
	}
}

// What the other tools would do differently with a file is said in the actor's note, not
// left for the teacher to find: GENIUS discards a discount factor outside (0,1] as no
// discount, and GeniusWeb refuses weights that do not sum to 1, which negsim divides by
// their sum.
func TestReadNotesWhatTheOtherToolWouldNotAccept(t *testing.T) {
	profile := strings.Replace(testProfileA, `<discount_factor value="0.5"/>`, `<discount_factor value="1.5"/>`, 1)
	sc, err := ReadGenius(File{Name: "shop.xml", Data: []byte(testDomain)}, []File{{Name: "a.xml", Data: []byte(profile)}}, GeniusOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if a := sc.Actors[0]; a.ReservationDrift != 0 || !strings.Contains(a.Note, "discount factor 1.5") || !strings.Contains(a.Note, "no discount") {
		t.Errorf("drift %v, note %q; want no drift and a note that 1.5 is read as no discount", a.ReservationDrift, a.Note)
	}
	// 0.6 + 0.5 = 1.1: each weight counts as its share of 1.1.
	web := strings.Replace(testWebProfile, `"n": 0.4}`, `"n": 0.5}`, 1)
	sc, err = ReadGeniusWeb([]File{{Name: "one.json", Data: []byte(web)}})
	if err != nil {
		t.Fatal(err)
	}
	if note := sc.Actors[0].Note; !strings.Contains(note, "sum to 1.1") || !strings.Contains(note, "GeniusWeb") {
		t.Errorf("note %q; want it to say the weights sum to 1.1, which GeniusWeb refuses", note)
	}
}

// A domain larger than a scenario may be is refused at the line that makes it so, not as
// "the imported scenario is not valid" against the whole file.
func TestReadGeniusRefusesATooLargeDomainAtItsLine(t *testing.T) {
	wide := strings.Replace(testDomain, `upperbound="3"/>`, `upperbound="1001"/>`, 1) // 1..1001: 1001 options
	var many strings.Builder
	many.WriteString("<negotiation_template><utility_space><objective index=\"0\" name=\"root\">\n")
	for i := 1; i <= 65; i++ { // issue i on line i+1
		many.WriteString(`<issue index="` + strconv.Itoa(i) + `" name="i` + strconv.Itoa(i) + `" type="discrete"><item value="x"/></issue>` + "\n")
	}
	many.WriteString("</objective></utility_space></negotiation_template>\n")
	cases := []struct {
		domain string
		want   []string
	}{
		{wide, []string{"shop.xml:7:", `"Size"`, "1001", "1000"}},
		{many.String(), []string{"shop.xml:66:", `"i65"`, "64 issues"}},
	}
	for _, c := range cases {
		_, err := ReadGenius(File{Name: "shop.xml", Data: []byte(c.domain)}, []File{{Name: "a.xml", Data: []byte(testProfileA)}}, GeniusOptions{})
		wantMentions(t, c.domain[:40], err, c.want...)
	}
}

// A GENIUS file saved in Latin-1 without saying so (Windows "ANSI") is not UTF-8: the
// error says how to fix it, not only that a byte is wrong. é is the single byte 0xE9.
func TestReadGeniusSaysHowToFixALatin1File(t *testing.T) {
	domain := strings.Replace(testDomain, `name="Colour"`, "name=\"Coul\xe9ur\"", 1)
	_, err := ReadGenius(File{Name: "shop.xml", Data: []byte(domain)}, []File{{Name: "a.xml", Data: []byte(testProfileA)}}, GeniusOptions{})
	wantMentions(t, "a Latin-1 domain", err, "shop.xml:4:", "UTF-8", `encoding="ISO-8859-1"`)
}

// Files without one domain among them (profiles only, or the domain twice) are named for
// what they are, with what import wants.
func TestReadGeniusSaysWhichFileIsTheDomain(t *testing.T) {
	cases := []struct {
		domain, profile string
		want            []string
	}{
		// testProfileA weighs its issues on line 8 and evaluates colours on line 4.
		{testProfileA, testProfileA, []string{"shop.xml:4:", "profile", "one domain (anywhere among the files)"}},
		{testDomain, testDomain, []string{"a.xml", "no <weight>", "domain", "one domain and one profile per party"}},
	}
	for _, c := range cases {
		_, err := ReadGenius(File{Name: "shop.xml", Data: []byte(c.domain)}, []File{{Name: "a.xml", Data: []byte(c.profile)}}, GeniusOptions{})
		wantMentions(t, c.domain[:40], err, c.want...)
	}
}

// GeniusWeb errors point at the line to fix, as GENIUS ones do, and a kind of utilities
// negsim cannot read is named. In testWebProfile, n's utilities are on line 4, a's on
// line 5, the weights on line 7, the domain on line 8 and the reservation bid on line 9.
func TestReadGeniusWebErrorsHaveLines(t *testing.T) {
	cases := []profileEdit{
		{`"NumberValueSetUtilities"`, `"PiecewiseLinearUtilities"`, []string{"one.json:4:", `"n"`, `"PiecewiseLinearUtilities"`, "DiscreteValueSetUtilities"}},
		{`"y": 0}`, `"w": 0}`, []string{"one.json:5:", `"w"`}},
		{`"x": 1,`, `"x": 1.5,`, []string{"one.json:5:", "1.5", "[0,1]"}},
		{`"a": 0.6, "n": 0.4`, `"a": -0.6, "n": 0.4`, []string{"one.json:7:", "-0.6"}},
		{`"step": 1`, `"step": 0`, []string{"one.json:8:", `"n"`, "step"}},
		{`"a": "y"`, `"a": "q"`, []string{"one.json:9:", `"q"`}},
	}
	wantProfileEdits(t, cases)
}

// profileEdit is an edit of testWebProfile, old to new, and what the error must mention.
type profileEdit struct {
	old, new string
	want     []string
}

// wantProfileEdits reads testWebProfile with each edit made and checks the error it gives,
// told in the file's words, never the program's ("Go struct field").
func wantProfileEdits(t *testing.T, cases []profileEdit) {
	t.Helper()
	for _, c := range cases {
		profile := strings.Replace(testWebProfile, c.old, c.new, 1)
		if profile == testWebProfile {
			t.Fatalf("%s matched nothing", c.old)
		}
		_, err := ReadGeniusWeb([]File{{Name: "one.json", Data: []byte(profile)}})
		wantMentions(t, c.new, err, c.want...)
		if err != nil && strings.Contains(err.Error(), "Go ") {
			t.Errorf("%s: the error speaks of the program, not the file: %v", c.new, err)
		}
	}
}

// wantMentions checks that there is an error and that it says each of wants.
func wantMentions(t *testing.T, what string, err error, wants ...string) {
	t.Helper()
	if err == nil {
		t.Errorf("%s: no error; want one saying %q", what, wants)
		return
	}
	for _, w := range wants {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("%s: error %q does not mention %q", what, err, w)
		}
	}
}
