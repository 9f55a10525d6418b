package sim_test

import (
	"strings"
	"testing"
)

// A group set as JSON whose field has the wrong shape is refused in negsim's words. A
// teacher who wrote beliefs as the file writes them, {"set": {PATH: VALUE}}, was told
// "json: cannot unmarshal object into Go struct field Beliefs.set of type
// []sim.Assignment"; the JSON form negsim params shows lists them as [{"path", "value"}].
func TestSetGroupJSONOfTheWrongShapeSaysSoInWords(t *testing.T) {
	for _, tc := range []struct{ path, value, want string }{
		{"actors.china.beliefs", `{"set": {}}`, `"set" is a list there, not a JSON object`},
		{"actors.china", `{"reservation": "high"}`, `"reservation" is a number there, not a JSON string`},
		{"actors.china.preferences", `{"target": {"weight": 1}}`, ""},
	} {
		sc := loadFixture(t, "accord-tiny.yaml").Scenario
		err := sc.Set(tc.path, tc.value)
		if err == nil {
			t.Errorf("%s=%s accepted", tc.path, tc.value)
			continue
		}
		msg := err.Error()
		if strings.Contains(msg, "Go struct") || strings.Contains(msg, "sim.") || strings.Contains(msg, "unmarshal") {
			t.Errorf("%s=%s: %q speaks Go", tc.path, tc.value, msg)
		}
		if tc.want != "" && !strings.Contains(msg, tc.want) {
			t.Errorf("%s=%s: %q lacks %q", tc.path, tc.value, msg, tc.want)
		}
	}
}
