package main

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/negsim/negsim/config"
	"github.com/negsim/negsim/sim"
)

// readmeExampleScenario is the example scenario of the README's "Writing a scenario"
// section, Border talks: its one YAML block.
func readmeExampleScenario(t *testing.T) string {
	t.Helper()
	return readmeBlock(t, readmeSection(t, "Writing a scenario"), "```yaml\n", "scenario in a ```yaml block")
}

// TestReadmeWritingAScenario runs the README's "Writing a scenario" section as a teacher
// would: every command in its sh blocks in order in an empty folder, the example scenario
// through validate and explain, and the output it shows against what negsim prints, so the
// README cannot drift from the program.
func TestReadmeWritingAScenario(t *testing.T) {
	section := readmeSection(t, "Writing a scenario")
	type block struct{ lang, body string }
	var blocks []block
	for rest := section; ; {
		i := strings.Index(rest, "```")
		if i < 0 {
			break
		}
		rest = rest[i+3:]
		nl := strings.Index(rest, "\n")
		lang := rest[:nl]
		rest = rest[nl+1:]
		j := strings.Index(rest, "```\n")
		blocks = append(blocks, block{lang, rest[:j]})
		rest = rest[j+4:]
	}
	_, golden := brokenScenario(t, "typo-field")

	t.Chdir(t.TempDir())
	var commands, outputs int
	for _, b := range blocks {
		switch b.lang {
		case "sh":
			for _, line := range strings.Split(strings.TrimSpace(b.body), "\n") {
				args := strings.Fields(line)
				if len(args) == 0 || args[0] != "negsim" {
					t.Fatalf("README command %q does not start with negsim", line)
				}
				args = args[1:]
				var redirect string
				if n := len(args); n >= 2 && args[n-2] == ">" {
					redirect, args = args[n-1], args[:n-2]
				}
				stdout, stderr, code := runNegsim(t, args...)
				if code != exitOK {
					t.Errorf("README command %q: exit %d\n%s%s", line, code, stdout, stderr)
				}
				if redirect != "" {
					if err := os.WriteFile(redirect, []byte(stdout), 0o644); err != nil {
						t.Fatal(err)
					}
				}
				commands++
			}
		case "yaml":
			if err := os.WriteFile("border.yaml", []byte(b.body), 0o644); err != nil {
				t.Fatal(err)
			}
			if stdout, _, code := runNegsim(t, "validate", "--strict", "border.yaml"); code != exitOK {
				t.Errorf("the README's example scenario does not validate:\n%s", stdout)
			}
			if kind, err := schemaVerdict(compiledSchema(t), "border.yaml", []byte(b.body)); kind != "" {
				t.Errorf("the README's example scenario fails the schema: %v", err)
			}
		case "":
			// Shown output, compared exactly and in order: validate's on typo-field.yaml,
			// or explain's on the example scenario.
			outputs++
			printed := string(golden)
			if !strings.HasPrefix(b.body, "typo-field.yaml") {
				printed, _, _ = runNegsim(t, "explain", "border.yaml")
			}
			if err := matchShown(strings.Split(b.body, "\n"), printed); err != nil {
				t.Error(err)
			}
		}
	}
	if commands < 6 || outputs != 2 {
		t.Errorf("ran %d commands and compared %d outputs; the section should hold at least 6 commands and 2 outputs", commands, outputs)
	}
}

// CI calls the test command the README's Quick start gives, as written: a line of .ci/run
// is that command, alone or after environment assignments (GOFLAGS turns the race detector
// on), so that CI cannot drift to another command while the README promises this one.
func TestCIRunsTheReadmeTestCommand(t *testing.T) {
	block := readmeBlock(t, readmeSection(t, "Quick start"), "```sh\n", "commands")
	var command string
	for _, line := range strings.Split(block, "\n") {
		line, _, _ = strings.Cut(line, "#")
		if line = strings.TrimSpace(line); strings.HasPrefix(line, "go test") {
			command = line
		}
	}
	if command == "" {
		t.Fatalf("Quick start's commands hold no go test:\n%s", block)
	}
	ci, err := os.ReadFile(filepath.Join("..", "..", ".ci", "run"))
	if err != nil {
		t.Skipf("no .ci/run beside the module: %v", err)
	}
	call := regexp.MustCompile(`^(?:[A-Za-z_][A-Za-z0-9_]*=\S+ )*` + regexp.QuoteMeta(command) + `$`)
	for _, line := range strings.Split(string(ci), "\n") {
		if call.MatchString(strings.TrimSpace(line)) {
			return
		}
	}
	t.Errorf(".ci/run never calls %q, the README's test command, as written", command)
}

// TestReadmeClassroomWalkthrough plays the README's "In the classroom" section in a fresh
// folder: the deals file it shows, then every "$ negsim ..." example in order, each of
// whose shown lines the command must print, and the files the walkthrough promises.
func TestReadmeClassroomWalkthrough(t *testing.T) {
	section := readmeSection(t, "In the classroom")
	copyReadmeBlock(t, section, "```csv\n", "deals file in a ```csv block", "class.csv")
	examples := readmeExamples(section)
	if len(examples) < 3 {
		t.Fatalf("found %d examples, want brief, score and debrief", len(examples))
	}
	for _, e := range examples {
		t.Run(strings.Join(e.args, " "), func(t *testing.T) { e.check(t) })
	}
	for _, name := range []string{"public.html", "role-ukraine.html", "role-russia.html", "role-united-states.html", "role-europe.html"} {
		if _, err := os.Stat(filepath.Join("briefs", name)); err != nil {
			t.Errorf("the walkthrough promises briefs/%s: %v", name, err)
		}
	}
}

// TestReadmeWhoMustAgree runs the README's "Who must agree, ratification and beliefs"
// examples, one per teaching example at least, and requires every line shown.
func TestReadmeWhoMustAgree(t *testing.T) {
	examples := readmeExamples(readmeSection(t, "Who must agree, ratification and beliefs"))
	covered := map[string]bool{}
	for _, e := range examples {
		for _, a := range e.args {
			covered[a] = true
		}
		if len(e.shown) == 0 {
			t.Errorf("the example %q shows no output to check", strings.Join(e.args, " "))
		}
		t.Run(strings.Join(e.args, " "), func(t *testing.T) { e.check(t) })
	}
	for _, name := range []string{"teaching-harborco-quota", "teaching-security-council", "teaching-tied-hands", "teaching-telephone-game"} {
		if !covered[name] {
			t.Errorf("the section runs no example on %s", name)
		}
	}
}

// TestReadmeGuaranteesNameEveryLimit: the README's Guarantees section states each limit
// with the value the code enforces, so neither can change without the other.
func TestReadmeGuaranteesNameEveryLimit(t *testing.T) {
	section := readmeSection(t, "Guarantees")
	for _, want := range []string{
		"| nesting | " + count(config.MaxDepth) + " levels |",
		"| values in one file (keys and list items) | " + count(config.MaxValues) + " |",
		"| keys in one block mapping | " + count(config.MaxMappingKeys) + " |",
		"the first " + count(config.MaxErrorsPerFile) + ", then",
		"| " + count(sim.MaxIssues) + ", " + count(sim.MaxOptions) + ", " + count(sim.MaxActors) + " |",
		"| " + count(sim.MaxTrackedDeals) + ", in one draw",
		"| " + count(listCap) + " in `--format csv` or `json`, which stream them; " + count(tableCap) + " in a table",
		"| rounds (`protocol.rounds`, `--rounds`) | " + count(sim.MaxRounds) + " |",
		"| values of a `sweep` (`--steps` or `--values`) | " + count(maxSweepSteps) + " |",
		"4 MiB (`--max-file-size BYTES`)",
		"`NAME.negsim-tmp-XXXXXXXX`",
		"in memory up to 8 MiB",
	} {
		if !strings.Contains(section, want) {
			t.Errorf("the Guarantees section does not say %q", want)
		}
	}
	if config.DefaultMaxBytes != 4<<20 || spoolInMemory != 8<<20 || tempMark != ".negsim-tmp-" || staleAfter.Minutes() != 1 {
		t.Errorf("a limit the README states in words has changed; update the Guarantees section")
	}
}

// TestReadmePlayARole plays the README's "Play a role" session as the README shows it: the
// lines typed after "> " are the input, and every other line shown (other than "...") must
// be printed, in the order shown. The commands of its sh blocks must start a session that
// the input "quit" ends cleanly, and the replay from a file must give the same session.
func TestReadmePlayARole(t *testing.T) {
	section := readmeSection(t, "Play a role")
	block := readmeBlock(t, section, "```\n$ negsim play ", `session ("$ negsim play ..." in a code block)`)
	lines := strings.Split(block, "\n")
	args := append([]string{"play"}, strings.Fields(lines[0])...)
	var moves, shown []string
	for _, l := range lines[1:] {
		switch {
		case strings.HasPrefix(l, "> "):
			moves = append(moves, strings.TrimPrefix(l, "> "))
			shown = append(shown, l)
		case l != "..." && strings.TrimSpace(l) != "":
			shown = append(shown, l)
		}
	}
	input := strings.Join(moves, "\n") + "\n"
	t.Chdir(t.TempDir())
	out, errs, code := runNegsimInput(t, input, args...)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	printed := strings.Split(out, "\n")
	at := 0
	for _, want := range shown {
		for at < len(printed) && strings.TrimRight(printed[at], " ") != strings.TrimRight(want, " ") {
			at++
		}
		if at == len(printed) {
			t.Fatalf("the README shows a line the session does not print (or not in this order):\n%s", want)
		}
		at++
	}
	if _, err := os.Stat("ukraine.json"); err != nil {
		t.Errorf("the session promises ukraine.json: %v", err)
	}

	if err := os.WriteFile("moves.txt", []byte(input), 0o644); err != nil {
		t.Fatal(err)
	}
	var commands int
	for _, b := range strings.Split(section, "```sh\n")[1:] {
		b, _, _ = strings.Cut(b, "```")
		for _, line := range strings.Split(strings.TrimSpace(b), "\n") {
			line, _, _ = strings.Cut(line, "#")
			fields := strings.Fields(line)
			if len(fields) < 2 || fields[0] != "negsim" || fields[1] != "play" {
				t.Fatalf("README command %q is not a negsim play", line)
			}
			commands++
			stdin := "quit\n"
			if n := len(fields); n >= 2 && fields[n-2] == "<" {
				stdin, fields = input, fields[:n-2]
			}
			got, errs, code := runNegsimInput(t, stdin, fields[1:]...)
			if code != exitOK {
				t.Errorf("%s: exit %d: %s", line, code, errs)
			}
			if stdin == input && !strings.Contains(got, "Agreement in round 7:") {
				t.Errorf("%s: the replay does not reach the session's agreement:\n%s", line, got)
			}
		}
	}
	if commands < 4 {
		t.Errorf("ran %d commands from the section's sh blocks, want the three ways to sit down and the replay", commands)
	}
}

// TestReadmeRecentredExample: the What-if section's sentence on a distribution moving with
// a what-if names a variant and two distributions; montecarlo under that variant must
// print the same move. The README said `montecarlo --variant alaska-2025` draws Russia's
// reservation from uniform(0.57,0.74) instead of the file's uniform(0.55,0.72): alaska-2025
// sets Ukraine's reservation, not Russia's, and the file's is uniform(0.5,0.72), so the
// report named no move of Russia's and this test failed. By hand for ceasefire-first,
// which sets Russia's 0.66 to 0.62: a move of -0.04 takes uniform(0.50,0.72) to
// uniform(0.46,0.68), inside [0, 1].
func TestReadmeRecentredExample(t *testing.T) {
	section := readmeSection(t, "What-if analysis")
	words := strings.Join(strings.Fields(section), " ")
	re := regexp.MustCompile("`montecarlo --variant ([a-z0-9-]+)` draws Russia's reservation from (uniform\\([0-9.,]+\\)) around the variant's ([0-9]+(?:\\.[0-9]+)?), not from the file's (uniform\\([0-9.,]+\\)) around ([0-9]+(?:\\.[0-9]+)?)")
	m := re.FindStringSubmatch(words)
	if m == nil {
		t.Fatal("the README's What-if section no longer holds the sentence on a distribution that moves with a what-if")
	}
	variant, moved, at, file, was := m[1], m[2], m[3], m[4], m[5]
	if variant != "ceasefire-first" || moved != "uniform(0.46,0.68)" || file != "uniform(0.5,0.72)" || at != "0.62" || was != "0.66" {
		t.Errorf("the README says %s moves %s around %s to %s around %s; by hand, ceasefire-first moves uniform(0.5,0.72) around 0.66 to uniform(0.46,0.68) around 0.62", variant, file, was, moved, at)
	}
	out := runOK(t, "montecarlo", "--variant", variant, "--draws", "10", "--width", "0")
	want := "actors.russia.reservation is " + was + " in the file and " + at + " here: " + file + " becomes " + moved + "."
	if !strings.Contains(out, want) {
		t.Errorf("montecarlo --variant %s does not print %q:\n%s", variant, want, out)
	}
}

// The README's one-file example of who must agree is the small accord of sim/testdata, as
// a teacher would copy it: it must validate strictly, say its rule in the words the README
// quotes, and give the zone the README describes (worked by hand in sim/accord_test.go:
// deep large and medium small pass at the table, the Parliament ratifies deep large alone,
// China's belief adds medium small as a false hope).
func TestReadmeWhoMustAgreeFile(t *testing.T) {
	section := readmeSection(t, "Who must agree, ratification and beliefs")
	copyReadmeBlock(t, section, "```yaml\n", "the one-file example in a ```yaml block", "accord.yaml")
	runOK(t, "validate", "--strict", "accord.yaml")
	rule := "A deal passes when the actors that accept it hold at least 2 of the table's 2 votes (one each), European Union and China among them, since each holds a veto."
	if !strings.Contains(strings.Join(strings.Fields(section), " "), rule) {
		t.Errorf("the README no longer quotes %q", rule)
	}
	if out := runOK(t, "explain", "accord.yaml"); !strings.Contains(out, rule) {
		t.Errorf("explain does not say %q:\n%s", rule, out)
	}
	if out := runOK(t, "explain", "accord.yaml", "--teacher"); !strings.Contains(out, "Two deals pass at the table; the Parliament ratifies one.") {
		t.Errorf("explain --teacher lacks the teacher's notes:\n%s", out)
	}
	out := runOK(t, "analyze", "accord.yaml")
	wantContains(t, "analyze", out,
		"The zone of possible agreement (ZOPA) holds 1 of them",
		"At the table alone (Level I) 2 deals pass; ratification at home (Level II) leaves 1.",
		"│ 1 │ deep   │ large   │ 0.600 (+0.100) │ 0.500 (+0.200) │",
	)
	// China's picture: both table deals, one of them a false hope.
	if beliefs := runOK(t, "analyze", "accord.yaml", "--format", "json"); !strings.Contains(beliefs, `"zopa_count": 2`) || !strings.Contains(beliefs, `"false_hopes": 1`) {
		t.Errorf("China's picture is not 2 deals with 1 false hope:\n%s", beliefs)
	}
	// The public brief lists the Parliament as a ratifier, at no table, but not for whom.
	brief := runOK(t, "brief", "accord.yaml")
	_, home, _ := strings.Cut(brief, "Who ratifies at home")
	home, _, _ = strings.Cut(home, "How a deal is decided")
	if strings.Contains(brief, "Parliament is easier") || !strings.Contains(home, "European Parliament") || strings.Contains(home, "European Union") {
		t.Errorf("the public brief shows a belief or for whom the Parliament ratifies, or lists it at the table:\n%s", brief)
	}
}

// TestReadmeWhatIfExamples runs every "$ negsim ..." example in the README's What-if
// section and checks that each line shown under it (other than "...") is a line the
// command prints, so the README cannot drift from the program.
func TestReadmeWhatIfExamples(t *testing.T) {
	section := readmeSection(t, "What-if analysis")
	examples := readmeExamples(section)
	if len(examples) < 4 {
		t.Fatalf("found %d examples in the README's What-if section, want at least 4", len(examples))
	}
	for _, e := range examples {
		t.Run(strings.Join(e.args, " "), func(t *testing.T) { e.check(t) })
	}
}

// TestReadmeReadingTheOutput checks the analyze example that opens "Reading the output".
func TestReadmeReadingTheOutput(t *testing.T) {
	examples := readmeExamples(readmeSection(t, "Reading the output"))
	if len(examples) != 1 || len(examples[0].shown) < 10 {
		t.Fatalf("found %d examples in the README's 'Reading the output'; want the one analyze example with its lines", len(examples))
	}
	examples[0].check(t)
}

// readmeSection is the text of one "## " section of the README.
func readmeSection(t *testing.T, title string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Skipf("no README.md beside the module: %v", err)
	}
	_, section, ok := strings.Cut(strings.ReplaceAll(string(data), "\r\n", "\n"), "\n## "+title+"\n")
	if !ok {
		t.Fatalf("README.md has no '%s' section", title)
	}
	if next := strings.Index(section, "\n## "); next >= 0 {
		section = section[:next]
	}
	return section
}

// readmeBlock is what a code block of section holds after opening (its fence and, where
// given, its first words), up to the closing fence; it fails the test, naming the block as
// what, when the section has none.
func readmeBlock(t *testing.T, section, opening, what string) string {
	t.Helper()
	_, block, ok := strings.Cut(section, opening)
	if !ok {
		t.Fatalf("the README section shows no %s", what)
	}
	block, _, _ = strings.Cut(block, "```")
	return block
}

// copyReadmeBlock writes the block readmeBlock finds into the file name of a fresh folder,
// which the test then works in, as a reader who copies it from the README would.
func copyReadmeBlock(t *testing.T, section, opening, what, name string) {
	t.Helper()
	block := readmeBlock(t, section, opening, what)
	t.Chdir(t.TempDir())
	if err := os.WriteFile(name, []byte(block), 0o644); err != nil {
		t.Fatal(err)
	}
}

// readmeExample is a "$ negsim ..." line in a code block and the lines shown under it.
type readmeExample struct {
	args  []string
	shown []string
}

func readmeExamples(section string) []readmeExample {
	var examples []readmeExample
	inBlock := false
	cur := -1 // the example the lines of this block belong to, if any
	for _, line := range strings.Split(section, "\n") {
		switch {
		case strings.HasPrefix(line, "```"):
			inBlock, cur = !inBlock, -1
		case inBlock && strings.HasPrefix(line, "$ negsim "):
			examples = append(examples, readmeExample{args: strings.Fields(strings.TrimPrefix(line, "$ negsim "))})
			cur = len(examples) - 1
		case inBlock && cur >= 0:
			examples[cur].shown = append(examples[cur].shown, line)
		}
	}
	return examples
}

// check runs the example and compares what it prints (standard output, then standard
// error) with the lines shown, exactly and in order, as the README promises a reader.
func (e readmeExample) check(t *testing.T) {
	t.Helper()
	out, errs, _ := runNegsim(t, e.args...)
	if err := matchShown(e.shown, out+errs); err != nil {
		t.Errorf("negsim %s: %v", strings.Join(e.args, " "), err)
	}
}

// matchShown compares the lines a README shows with the lines a command printed, exactly
// and in order. A line "..." stands for any run of lines, none included; a shown line that
// ends in "..." for a line that starts with what comes before it. Without a "..." at its
// start or end, the excerpt must begin at the first line printed or end at the last.
// Trailing spaces are ignored on both sides, and so are blank lines at either end.
func matchShown(shown []string, printed string) error {
	trim := func(lines []string) []string {
		for i := range lines {
			lines[i] = strings.TrimRight(lines[i], " ")
		}
		for len(lines) > 0 && lines[0] == "" {
			lines = lines[1:]
		}
		for len(lines) > 0 && lines[len(lines)-1] == "" {
			lines = lines[:len(lines)-1]
		}
		return lines
	}
	want := trim(append([]string(nil), shown...))
	got := trim(strings.Split(printed, "\n"))
	same := func(w, g string) bool {
		if prefix, ok := strings.CutSuffix(w, "..."); ok && w != "..." {
			return strings.HasPrefix(g, prefix)
		}
		return w == g
	}
	// match reports whether want[i:] matches got[j:]: a plain glob over lines, in which
	// "..." tries every number of lines from none up.
	var match func(i, j int) bool
	match = func(i, j int) bool {
		if i == len(want) {
			return j == len(got)
		}
		if want[i] == "..." {
			for k := j; k <= len(got); k++ {
				if match(i+1, k) {
					return true
				}
			}
			return false
		}
		return j < len(got) && same(want[i], got[j]) && match(i+1, j+1)
	}
	if match(0, 0) {
		return nil
	}
	// Name the first shown line that is not printed in order after the ones before it, the
	// line a reader of the failure should look at.
	j := 0
	for _, w := range want {
		if w == "..." {
			continue
		}
		for j < len(got) && !same(w, got[j]) {
			j++
		}
		if j == len(got) {
			return fmt.Errorf("the README shows a line that is not printed there, in that order:\n%s\nprinted:\n%s", w, strings.Join(got, "\n"))
		}
		j++
	}
	return fmt.Errorf("the README shows these lines in order, but with lines between or around them that it does not mark with ...:\n%s\nprinted:\n%s", strings.Join(want, "\n"), strings.Join(got, "\n"))
}

// TestMatchShown checks the README comparison itself: it must refuse what a reader would
// call a wrong excerpt.
func TestMatchShown(t *testing.T) {
	printed := "title\n\na\nb\nc\nlong line here\n"
	for _, c := range []struct {
		shown string
		ok    bool
	}{
		{"title\n\na\nb\nc\nlong line here", true},
		{"title\n...\nc\nlong line...", true},
		{"...\nb\nc\n...", true},
		{"...\nb\n...", true},
		{"b\nc\n...", false},           // does not start at the first line
		{"...\nb\nc", false},           // does not end at the last line
		{"...\na\nc\n...", false},      // b left out without "..."
		{"...\nb\na\n...", false},      // out of order
		{"...\nlong line\n...", false}, // cut short without "..."
		{"...\nd\n...", false},         // never printed
	} {
		if err := matchShown(strings.Split(c.shown, "\n"), printed); (err == nil) != c.ok {
			t.Errorf("shown %q: match %v, want %v", c.shown, err == nil, c.ok)
		}
	}
}

// TestReadmeSetPathsWork gives every PATH=VALUE of the What-if section's path table to
// analyze --set on the reference scenario: each must be a value the scenario accepts, as
// the table promises.
func TestReadmeSetPathsWork(t *testing.T) {
	section := readmeSection(t, "What-if analysis")
	var sets []string
	for _, line := range strings.Split(section, "\n") {
		if cell, ok := strings.CutPrefix(line, "| `"); ok {
			// A row whose value is elided ("...") shows a form, not a value to run.
			if set, _, ok := strings.Cut(cell, "` |"); ok && strings.Contains(set, "=") && !strings.Contains(set, "...") {
				sets = append(sets, set)
			}
		}
	}
	if len(sets) < 5 {
		t.Fatalf("found %d PATH=VALUE rows in the path table; want the table's rows", len(sets))
	}
	for _, set := range sets {
		if _, errOut, code := runNegsim(t, "analyze", "--set", set, "--format", "json"); code != 0 {
			t.Errorf("analyze --set %s: exit %d: %s", set, code, errOut)
		}
	}
}
