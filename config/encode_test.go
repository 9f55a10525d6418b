package config

import (
	"reflect"
	"strings"
	"testing"

	"github.com/negsim/negsim/scenarios"
	"github.com/negsim/negsim/sim"
)

// Every shipped scenario, written by Marshal and read back by Load, is the same scenario:
// notes, sources, constraints, variants, events and every float bit for bit.
func TestMarshalRoundTrip(t *testing.T) {
	for _, name := range scenarios.Names() {
		t.Run(name, func(t *testing.T) {
			data, _ := scenarios.Read(name)
			doc, err := Load(name+".yaml", data)
			if err != nil {
				t.Fatal(err)
			}
			out, err := Marshal(doc.Scenario)
			if err != nil {
				t.Fatal(err)
			}
			back, err := Load("written.yaml", out)
			if err != nil {
				t.Fatalf("Load of Marshal's output: %v\n%s", err, out)
			}
			if !reflect.DeepEqual(doc.Scenario, back.Scenario) {
				t.Errorf("the scenario changed on the way through Marshal:\n%s", out)
			}
		})
	}
}

func TestMarshalValues(t *testing.T) {
	tenth, fifth := 0.1, 0.2
	sc := &sim.Scenario{
		Name: "yes",
		Issues: []sim.Issue{{ID: "2000", Name: "Salary: monthly", Options: []sim.Option{
			{ID: "0_6", Label: "0.6"}, {ID: "no", Label: "no"}, {ID: "null", Label: "two\nlines"}}}},
		Actors: []sim.Actor{{ID: "a", Name: "A # one", Veto: true, Power: 1, Reservation: tenth + fifth, UtilityScale: 1e-7,
			Preferences: []sim.Preference{{Issue: "2000", Weight: 1, Utilities: map[string]float64{"null": 1, "0_6": 1.0 / 3, "no": 0}}}}},
	}
	out, err := Marshal(sc)
	if err != nil {
		t.Fatal(err)
	}
	back, err := Load("t.yaml", out)
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	// Text YAML would read as a boolean, a number or null, and 0.1+0.2's last bits, come
	// back as written.
	if !reflect.DeepEqual(sc, back.Scenario) {
		t.Errorf("changed on the way through Marshal:\n%s", out)
	}
}

func TestUtilityScaleValidated(t *testing.T) {
	const file = `name: t
issues:
  - id: i
    name: I
    options: [{id: a}, {id: b}]
actors:
  - id: x
    name: X
    reservation: 0
    utility_scale: -2
    preferences:
      i: {weight: 1, utilities: {a: 1, b: 0}}
`
	_, err := Load("t.yaml", []byte(file))
	if err == nil || !strings.Contains(err.Error(), "t.yaml:10:") || !strings.Contains(err.Error(), "actors.x.utility_scale") {
		t.Errorf("a negative utility_scale gives %v; want an error at t.yaml:10 naming actors.x.utility_scale", err)
	}
}
