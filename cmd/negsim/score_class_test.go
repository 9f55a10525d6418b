package main

import (
	"os"
	"path/filepath"
	"testing"
)

// A class of the job offer (scenarios/teaching-two-party.yaml works every number out by
// hand in its comments): u_C = 0.5·salary + 0.3·remote + 0.2·start for the candidate,
// u_E = 0.2·salary + 0.3·remote + 0.5·start for the employer, both walk away at 0.5, and
// the Nash deal is high, hybrid, now at (0.65, 0.65).

// officeDeal is a candidate who asks twice for a fully remote job and then accepts the
// employer's text of round 5: high, office, now, u_C = 0.5 + 0 + 0 = 0.5 (50 points, its
// walk-away exactly) and u_E = 0 + 0.3 + 0.5 = 0.8 (80 points): a joint gain of
// (50 − 50) + (80 − 50) = +30 points.
const officeDeal = "offer salary=high,remote=remote,start=now\nreject\noffer salary=high,remote=remote,start=now\nreject\noffer salary=high,remote=remote,start=now\naccept\n"

// playJobOffer plays the job offer as seat with moves and returns the transcript's path,
// in a folder of its own named dir inside the test's temporary folder.
func playJobOffer(t *testing.T, dir, name, seat, moves string) string {
	t.Helper()
	folder := filepath.Join(t.TempDir(), dir)
	if err := os.MkdirAll(folder, 0o755); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(folder, name)
	if _, stderr, code := runNegsimInput(t, moves, "play", "teaching-two-party", "--as", seat, "--transcript", path); code != exitOK {
		t.Fatalf("play: exit %d: %s", code, stderr)
	}
	return path
}

// A student who walks away reached no deal: score --transcript says so in every format,
// and JSON above all, which graders read. It used to stop with "internal error: a result
// to label is not a JSON object", exit 1, where the table said "No agreement".
func TestScoreTranscriptWithoutAgreementInEveryFormat(t *testing.T) {
	path := playJobOffer(t, "class", "ana.json", "employer", "quit\n")
	for _, format := range []string{"table", "markdown", "csv", "json", "html"} {
		out := runOK(t, "score", "--transcript", path, "--format", format)
		if format == "json" {
			// Nothing was agreed: a joint gain of 0, no score, as debrief lists such a table.
			got := decodeJSON[map[string]any](t, "score --format json", out)
			want := map[string]any{"table": "ana", "agreement": false, "joint_gain": 0.0, "score": nil}
			for k, v := range want {
				if got[k] != v {
					t.Errorf("score --format json: %s = %v, want %v\n%s", k, got[k], v, out)
				}
			}
			if _, ok := got["variant"]; !ok {
				t.Errorf("score --format json: no variant label\n%s", out)
			}
		}
	}
}
