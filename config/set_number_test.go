package config

import (
	"strings"
	"testing"

	"github.com/negsim/negsim/scenarios"
)

// --set takes a number exactly as a scenario file does, and both read it by one strict
// rule: a decimal number as YAML 1.2 and Go write it, or 0x/0o/0b with their digits, with
// single underscores between digits. Each text is tried both ways on the candidate's
// salary weight of the two-party scenario (50 in the file, line 75, column 17), and must
// give the value worked out by hand, or be refused both ways with the same words.
func TestSetReadsANumberAsTheFileDoes(t *testing.T) {
	data := twoParty(t)
	const (
		line = "        weight: 50\n        ideal: high\n"
		path = "actors.candidate.preferences.salary.weight"
	)
	if !strings.Contains(string(data), line) {
		t.Fatalf("the two-party scenario no longer has %q", line)
	}
	inFile := func(text string) (any, error) {
		doc, err := Load("job.yaml", []byte(strings.Replace(string(data), line, "        weight: "+text+"\n        ideal: high\n", 1)))
		if err != nil {
			return nil, err
		}
		return doc.Scenario.Get(path)
	}
	bySet := func(text string) (any, error) {
		doc, err := Load("job.yaml", data)
		if err != nil {
			t.Fatal(err)
		}
		if err := doc.Apply("", []Override{{Path: path, Value: text}}); err != nil {
			return nil, err
		}
		return doc.Scenario.Get(path)
	}
	ways := []struct {
		name string
		read func(string) (any, error)
		// where is how the error names the place: the file's line and column, or the
		// --set as typed, then the field.
		where func(text string) string
	}{
		{"in the file", inFile, func(string) string { return "job.yaml:75:17: " + path + ": " }},
		{"after --set", bySet, func(text string) string { return "--set " + path + "=" + text + ": " + path + ": " }},
	}
	for _, c := range []struct {
		text string
		want float64
	}{
		{"0x10", 16},                   // 1×16 + 0
		{"+0x10", 16},                  // the same, signed
		{"0x1_0", 16},                  // an underscore between hex digits
		{"1_000", 1000},                // underscores group the digits
		{"1_000_000", 1e6},             // more than once
		{"1_000.5", 1000.5},            // in a fraction too
		{"0.000_5", 0.0005},            // and after the point
		{"1_0e1", 100},                 // 10 × 10¹
		{"0o17", 15},                   // 1×8 + 7
		{"0b101", 5},                   // 4 + 0 + 1
		{"0b1_01", 5},                  // the same, grouped
		{"0x1p4", 16},                  // 1 × 2⁴
		{"1e3", 1000},                  // 1 × 10³
		{"1E3", 1000},                  // the same
		{"2.5e-1", 0.25},               // 2.5 / 10
		{".5", 0.5},                    // no digit before the point
		{"5.", 5},                      // none after it
		{"01.5", 1.5},                  // a fraction is decimal whatever its first digit
		{"017e2", 1700},                // and so is a number with an exponent: 17 × 100
		{"0", 0},                       //
		{"-0", 0},                      //
		{"42", 42},                     //
		{"99999999999999999999", 1e20}, // past 64 bits, still a number (exactly 10²⁰ as a float)
	} {
		for _, way := range ways {
			got, err := way.read(c.text)
			if err != nil || got != c.want {
				t.Errorf("weight %s %s: %v, %v; want %g", c.text, way.name, got, err, c.want)
			}
		}
	}
	// A number written in a way that two readers take differently, or that is plainly a
	// slip, is refused with what to write instead.
	for _, c := range []struct{ text, want string }{
		{"017", "017 is ambiguous: some readers take a leading 0 as octal (15), others as decimal; write 17, or 0o17 for octal"},
		{"-017", "-017 is ambiguous: some readers take a leading 0 as octal (-15), others as decimal; write -17, or -0o17 for octal"},
		{"0_17", "0_17 is ambiguous: some readers take a leading 0 as octal (15), others as decimal; write 17, or 0o17 for octal"},
		{"08", "08 starts with 0, which a whole number does not; write 8"},
		{"00", "00 starts with 0, which a whole number does not; write 0"},
		{"+-1", "+-1 has two signs; keep one, as in -1 or 1"},
		{"-+1", "-+1 has two signs; keep one, as in -1 or 1"},
		{"++1", "++1 has two signs; keep one, as in -1 or 1"},
		{"1_", "1_ has an underscore that is not between two digits; write 1 (an underscore may group digits, as in 1_000)"},
		{"1__0", "1__0 has an underscore that is not between two digits; write 10 (an underscore may group digits, as in 1_000)"},
		{"_1", "_1 has an underscore that is not between two digits; write 1 (an underscore may group digits, as in 1_000)"},
		{"1_000_", "1_000_ has an underscore that is not between two digits; write 1000 (an underscore may group digits, as in 1_000)"},
		{"1_.5", "1_.5 has an underscore that is not between two digits; write 1.5 (an underscore may group digits, as in 1_000)"},
		{"1._5", "1._5 has an underscore that is not between two digits; write 1.5 (an underscore may group digits, as in 1_000)"},
		{"1e_3", "1e_3 has an underscore that is not between two digits; write 1e3 (an underscore may group digits, as in 1_000)"},
		{"0x_10", "0x_10 has an underscore that is not between two digits; write 0x10 (an underscore may group digits, as in 1_000)"},
		{"0o_17", "0o_17 has an underscore that is not between two digits; write 0o17 (an underscore may group digits, as in 1_000)"},
		{"0x_1p4", "0x_1p4 has an underscore that is not between two digits; write 0x1p4 (an underscore may group digits, as in 1_000)"},
		{"0X10", "0X10: write the prefix in lower case, 0x10"},
		{"1e400", "1e400 is beyond the largest number negsim can hold (about 1.8e308); write a number in range"},
	} {
		for _, way := range ways {
			got, err := way.read(c.text)
			if want := way.where(c.text) + c.want; err == nil || err.Error() != want {
				t.Errorf("weight %s %s: %v, %v\nwant the error %s", c.text, way.name, got, err, want)
			}
		}
	}
	// Not numbers at all; each way says so in its own words.
	for _, text := range []string{"0x", "0x10.5", "0o8", "1,5", "60%", "ten", `"5"`, ".inf", "-.inf", ".nan", "Infinity", "inf", "NaN"} {
		for _, way := range ways {
			if got, err := way.read(text); err == nil {
				t.Errorf("weight %s %s: read as %v; want it refused", text, way.name, got)
			}
		}
	}
	// .inf and a bare Infinity are refused alike, as not finite, in a file.
	for _, text := range []string{".inf", "Infinity"} {
		if _, err := inFile(text); err == nil || !strings.Contains(err.Error(), "expected a finite number") {
			t.Errorf("weight %s in the file: %v; want it refused as not finite", text, err)
		}
	}
}

// A variant's set reads a number by the same rule, whether the YAML library took the text
// for a number (017) or left it as text (08, 0x_10): on the old reading 08 reached the
// scenario as 8 and 0x_10 as 16, where --set refused both. The words are --set's.
func TestVariantReadsANumberAsSetDoes(t *testing.T) {
	data := twoParty(t)
	const path = "actors.candidate.preferences.salary.weight"
	if strings.Contains(string(data), "\nvariants:") {
		t.Fatal("the two-party scenario has variants now; the test appends its own list")
	}
	withVariant := func(text string) (any, error) {
		file := string(data) + "variants:\n  - id: typed\n    description: A weight as typed.\n    set:\n      " + path + ": " + text + "\n"
		doc, err := Load("job.yaml", []byte(file))
		if err != nil {
			return nil, err
		}
		if err := doc.Apply("typed", nil); err != nil {
			return nil, err
		}
		return doc.Scenario.Get(path)
	}
	for _, c := range []struct {
		text string
		want float64
	}{{"0x10", 16}, {"1_000", 1000}, {"40", 40}} {
		if got, err := withVariant(c.text); err != nil || got != c.want {
			t.Errorf("variant set %s: got %v, %v; want %v", c.text, got, err, c.want)
		}
	}
	for _, text := range []string{"08", "017", "1__0", "0x_10", "+-1"} {
		base, err := Load("job.yaml", data)
		if err != nil {
			t.Fatal(err)
		}
		setErr := base.Apply("", []Override{{Path: path, Value: text}})
		if setErr == nil {
			t.Fatalf("--set %s=%s is accepted; the test needs a refusal", path, text)
		}
		problem := setErr.Error()[strings.LastIndex(setErr.Error(), path+": ")+len(path+": "):]
		got, err := withVariant(text)
		if err == nil {
			t.Errorf("variant set %s: read as %v; --set refuses it: %s", text, got, problem)
			continue
		}
		if !strings.Contains(err.Error(), problem) {
			t.Errorf("variant set %s: %v\nwant the words of --set: %s", text, err, problem)
		}
	}
}

// twoParty is the shipped two-party scenario's file, whose line and column the tests name.
func twoParty(t *testing.T) []byte {
	t.Helper()
	data, ok := scenarios.Read("teaching-two-party")
	if !ok {
		t.Fatal("no shipped teaching-two-party scenario")
	}
	return data
}
