package sim_test

import (
	"strings"
	"testing"

	"github.com/negsim/negsim/sim"
)

func TestJoinWordsReadsAsASentence(t *testing.T) {
	for _, c := range []struct {
		items []string
		conj  string
		want  string
	}{
		{nil, "and", ""},
		{[]string{"Russia"}, "and", "Russia"},
		{[]string{"Russia", "Ukraine"}, "or", "Russia or Ukraine"},
		{[]string{"Russia", "Ukraine", "the United States"}, "and", "Russia, Ukraine and the United States"},
	} {
		if got := sim.JoinWords(c.items, c.conj); got != c.want {
			t.Errorf("JoinWords(%q, %q) = %q, want %q", c.items, c.conj, got, c.want)
		}
	}
}

// Four veto actors on one issue, each of which rules out "give". Widening w's red line by
// "give" lets no deal in, since x, y and z still rule it out: What would it take names the
// three as a sentence names them, not as "x and y and z".
func TestSensitivityNamesTheOthersWhoRuleAnOptionOut(t *testing.T) {
	sc := &sim.Scenario{
		Name:   "four vetoes",
		Issues: []sim.Issue{{ID: "deal", Name: "Deal", Options: []sim.Option{{ID: "keep"}, {ID: "give"}}}},
	}
	for _, id := range []string{"w", "x", "y", "z"} {
		sc.Actors = append(sc.Actors, sim.Actor{ID: id, Name: strings.ToUpper(id), Veto: true, Power: 1, Reservation: 0.2,
			Preferences: []sim.Preference{{Issue: "deal", Weight: 1, Acceptable: []string{"keep"},
				Utilities: map[string]float64{"keep": 1, "give": 0.5}}}})
	}
	rep := sensitivityOf(t, sc)
	var effect string
	for _, rl := range rep.RedLines {
		if rl.Actor == "w" && rl.Option == "give" {
			effect = rl.Effect
		}
	}
	if want := "no deal enters; give also ruled out by x, y and z"; effect != want {
		t.Errorf("widening w's red line by give: effect %q, want %q", effect, want)
	}
}
