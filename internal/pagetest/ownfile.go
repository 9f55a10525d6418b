package pagetest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// DriveOwnFileProblems opens files of a student's own that are not scenarios, as the
// terminal would refuse them: each problem must be said once, with its file, line and
// field, as `negsim analyze FILE` prints it. The page said the first problem twice, once
// as the error's heading and again as the first of the list.
func DriveOwnFileProblems(t *testing.T, origin string) {
	_, tab := Tab(t, 1366, 768, time.Minute)
	s := &session{t: t, ctx: tab, origin: origin}
	s.collectConsole()
	s.do(chromedp.Navigate(origin + "#scenario=teaching-two-party"))
	s.settled()
	dir := t.TempDir()
	data, err := os.ReadFile(filepath.Join("..", "..", "scenarios", "teaching-two-party.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name, text string
		problems   []string // each as negsim analyze prints it, once
	}{
		// One misspelt key: "reservaton" in place of the candidate's "reservation", line 71
		// of the file, indented four spaces under "  - id: candidate".
		{"typo.yaml", strings.Replace(string(data), "reservation:", "reservaton:", 1), []string{"typo.yaml: 1 problem", `typo.yaml:71:5: actors.candidate.reservaton: unknown field "reservaton"; did you mean "reservation"?`}},
		// A JSON file that is no scenario: no name, issues or actors, and an unknown key.
		{"notes.json", `{"mode": "wasm"}`, []string{"notes.json: 4 problems", "notes.json: name: a scenario needs a name", "notes.json: issues: a scenario needs at least one issue", "notes.json: actors: a scenario needs at least one actor", `notes.json:1:2: mode: unknown field "mode"`}},
	} {
		file := filepath.Join(dir, c.name)
		if err := os.WriteFile(file, []byte(c.text), 0o644); err != nil {
			t.Fatal(err)
		}
		evalJS[any](s, `document.getElementById("error").hidden = true`)
		s.do(chromedp.SetUploadFiles(chromedp.CSS("#local"), []string{file}))
		if _, err := chromedp.Run(tab, chromedp.Poll[bool](`!document.getElementById("error").hidden`, chromedp.WithPollingTimeout(30*time.Second))); err != nil {
			t.Fatalf("%s: the page said nothing of its problems: %v", c.name, err)
		}
		said := evalJS[string](s, `document.getElementById("error").innerText`)
		for _, p := range c.problems {
			if n := strings.Count(said, p); n != 1 {
				t.Errorf("%s: the page says %q %d times, want once:\n%s", c.name, p, n, said)
			}
		}
	}
	// No console check: negsim serve refuses the files with a 400, which Chromium logs.
}
