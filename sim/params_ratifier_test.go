package sim

import (
	"strings"
	"testing"
)

// A ratifier's veto is offered as false alone, with the reason, naming the actor it
// ratifies for as a reader knows it (North, the fixture's name, not the id north); every
// other actor's as true or false.
func TestParamsRatifierVetoByHand(t *testing.T) {
	// By hand on the decide fixture: left and right ratify for north; north, south and
	// press ratify for no one.
	want := map[string]int{"north": 0, "south": 0, "left": 1, "right": 1, "press": 0}
	for _, p := range decideFixture().Params() {
		id, ok := strings.CutSuffix(strings.TrimPrefix(p.Path, "actors."), ".veto")
		if !ok || strings.Contains(id, ".") {
			continue
		}
		if len(p.Choices) != want[id] || (want[id] == 1 && (p.Choices[0] != "false" || !strings.Contains(p.Note, "ratifies for North;"))) {
			t.Errorf("%s: choices %v, note %q; want %d choice(s), false alone for a ratifier of north", p.Path, p.Choices, p.Note, want[id])
		}
		delete(want, id)
	}
	if len(want) > 0 {
		t.Errorf("no veto row for %v", want)
	}
}
