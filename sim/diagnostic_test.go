package sim

import (
	"context"
	"encoding/json"
	"errors"
	"reflect"
	"strconv"
	"testing"

	"github.com/negsim/negsim/internal/listtest"
)

// TestCompileCarriesWarnings: the fixture's warnings, found by hand, travel on the compiled
// space and reach the analysis from there. alpha's weights are 3 and 1, summing to 4, not
// 100 (a note on style at its preferences); option q of y is worth 0 to alpha (ideal p,
// linear over two options) and beta gives y no weight (a warning at the option).
func TestCompileCarriesWarnings(t *testing.T) {
	sp := compiled(t, explainFixture())
	want := Diagnostics{
		{Severity: SeverityStyle, Path: "actors.alpha.preferences", Message: `actor "alpha"'s weights sum to 4, not 100; they are normalised, so only their ratios count`},
		{Severity: SeverityWarning, Path: "issues.y.options.q", Message: `no actor values option "q" of issue "y" above 0`},
	}
	if !reflect.DeepEqual(sp.Warnings(), want) {
		t.Errorf("warnings %v; want %v", sp.Warnings(), want)
	}
	an, err := Analyze(context.Background(), sp, Options{Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(an.Warnings, want) {
		t.Errorf("the analysis has warnings %v; want the compiled space's %v", an.Warnings, want)
	}
}

// TestCompileReportsEveryError: two independent mistakes give two diagnostics, not the first.
func TestCompileReportsEveryError(t *testing.T) {
	sc := explainFixture()
	sc.Actors[0].Power = 0
	sc.Actors[1].Reservation = 2
	_, err := Compile(sc)
	var found Diagnostics
	if !errors.As(err, &found) || !errors.Is(err, ErrBadInput) {
		t.Fatalf("err = %v, want Diagnostics that are bad input", err)
	}
	paths := listtest.Map(found, func(d Diagnostic) string { return d.Path })
	if want := []string{"actors.alpha.power", "actors.beta.reservation"}; !reflect.DeepEqual(paths, want) {
		t.Errorf("errors at %v; want %v", paths, want)
	}
}

// TestDiagnosticJSON: the JSON form is the one scripts read, with the severity as the
// warning and style flags, a located diagnostic with its position, and it reads back.
func TestDiagnosticJSON(t *testing.T) {
	cases := []struct {
		d    Diagnostic
		want string
	}{
		{Diagnostic{Path: "actors.x.power", Message: "m"}, `{"path":"actors.x.power","message":"m"}`},
		{Diagnostic{Severity: SeverityWarning, Path: "", Message: "m"}, `{"path":"","message":"m","warning":true}`},
		{Diagnostic{Severity: SeverityStyle, Path: "p", Message: "m"}, `{"path":"p","message":"m","warning":true,"style":true}`},
		{Diagnostic{File: "f.yaml", Line: 3, Col: 5, Path: "p", Message: "m"}, `{"file":"f.yaml","line":3,"col":5,"path":"p","message":"m"}`},
		{Diagnostic{File: "f.yaml", Message: "empty"}, `{"file":"f.yaml","line":0,"col":0,"message":"empty"}`},
	}
	for _, c := range cases {
		got, err := json.Marshal(c.d)
		if err != nil || string(got) != c.want {
			t.Errorf("%+v marshals as %s (%v); want %s", c.d, got, err, c.want)
		}
		var back Diagnostic
		if err := json.Unmarshal(got, &back); err != nil || back != c.d {
			t.Errorf("%s reads back as %+v (%v); want %+v", got, back, err, c.d)
		}
	}
}

// TestDiagnosticString: file:line:col: path: message, leaving out what is unknown.
func TestDiagnosticString(t *testing.T) {
	for d, want := range map[Diagnostic]string{
		{File: "f.yaml", Line: 3, Col: 5, Path: "p", Message: "m"}: "f.yaml:3:5: p: m",
		{File: "f.yaml", Line: 3, Message: "m"}:                    "f.yaml:3: m",
		{File: "f.yaml", Col: 5, Message: "m"}:                     "f.yaml: m",
		{Path: "p", Message: "m"}:                                  "p: m",
		{Message: "m"}:                                             "m",
	} {
		if got := d.String(); got != want {
			t.Errorf("%+v reads %q; want %q", d, got, want)
		}
	}
}

// TestCompileWarnsOfDealsPastCounting: twoByTwo's 3 × 2 deals times 2^61 from 61 issues of
// two options are 6 · 2^61 ≈ 1.4e19, within 2^64 ≈ 1.8e19; one issue more makes 2.8e19,
// which no analysis can count. Validation warns then, at the issues, and only then.
func TestCompileWarnsOfDealsPastCounting(t *testing.T) {
	for _, c := range []struct {
		extra int
		warn  bool
	}{{61, false}, {62, true}} {
		sc := twoByTwo()
		for i := range c.extra {
			id := "z" + strconv.Itoa(i)
			sc.Issues = append(sc.Issues, Issue{ID: id, Name: id, Options: []Option{{ID: "p"}, {ID: "q"}}})
		}
		sp := compiled(t, sc)
		var said []string
		for _, d := range sp.Warnings() {
			if d.Path == "issues" {
				said = append(said, d.Message)
			}
		}
		want := []string(nil)
		if c.warn {
			want = []string{"the 64 issues' options make more than 1.8e19 possible deals, more than negsim can count: analyze and every other analysis refuse the file; merge options or drop issues"}
		}
		if !reflect.DeepEqual(said, want) {
			t.Errorf("%d issues: warnings at issues %q; want %q", len(sc.Issues), said, want)
		}
		if _, countable := sp.Deals(); countable == c.warn {
			t.Errorf("%d issues: countable %v; the warning and the space disagree", len(sc.Issues), countable)
		}
	}
}
