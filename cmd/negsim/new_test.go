package main

import (
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/negsim/negsim/config"
)

// TestNewValidateAnalyze is the round trip a teacher makes: a starter file validates
// without warnings (so --strict passes), passes the JSON Schema, and analyses.
func TestNewValidateAnalyze(t *testing.T) {
	sch := compiledSchema(t)
	for _, tc := range []struct {
		issues, actors string
		options        int
	}{
		{"territory,guarantees,sanctions", "ukraine,russia,us", 3},
		{"land", "north,south", 2},
		{"a,b", "x,y,z,w", 5},
		{"001,true", "no,x_1", 4}, // ids YAML would read as numbers or booleans
	} {
		t.Run(tc.issues+"/"+tc.actors, func(t *testing.T) {
			file := filepath.Join(t.TempDir(), "talks.yaml")
			args := []string{"new", file, "--issues", tc.issues, "--actors", tc.actors, "--options", strconv.Itoa(tc.options)}
			if _, stderr, code := runNegsim(t, args...); code != exitOK {
				t.Fatalf("new: exit %d: %s", code, stderr)
			}
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.HasPrefix(string(data), "# yaml-language-server: $schema=negsim.schema.json\n") {
				t.Error("the starter file does not begin with the schema modeline")
			}
			if kind, err := schemaVerdict(sch, "talks.yaml", data); kind != "" {
				t.Errorf("the starter fails the schema: %v", err)
			}
			// Every issue, actor and preference, and the variant, carries a placeholder note.
			nIssues, nActors := len(strings.Split(tc.issues, ",")), len(strings.Split(tc.actors, ","))
			if got, want := strings.Count(string(data), "note: \""+placeholderNote+"\""), nIssues+nActors+nActors*nIssues+1; got != want {
				t.Errorf("%d placeholder notes; want %d (issues %d + actors %d + preferences %d + variant 1)", got, want, nIssues, nActors, nActors*nIssues)
			}

			// validate lists each placeholder left, as a note on style that leaves the file
			// valid: the notes above, the scenario's name and description, the source's
			// title, and every option's label. --strict refuses the file until none is left.
			left := nIssues + nActors + nActors*nIssues + 1 + 3 + nIssues*tc.options
			if v := runJSON[validation](t, "validate", file); v.Summary.Valid != 1 || v.Summary.Warnings != left {
				t.Errorf("validate: %+v; want one valid file and %d placeholders left", v.Summary, left)
			}
			out, _, code := runNegsim(t, "validate", "--strict", file, "--format", "json")
			if v := decodeJSON[validation](t, "validate --strict", out); code != exitBadUse || v.Summary.Invalid != 1 {
				t.Errorf("validate --strict: exit %d, %+v; want the file refused while placeholders are left", code, v.Summary)
			}

			an := runJSON[struct {
				Space struct{ Deals uint64 } `json:"space"`
			}](t, "analyze", file)
			want := uint64(1)
			for i := 0; i < nIssues; i++ {
				want *= uint64(tc.options)
			}
			if an.Space.Deals != want {
				t.Errorf("analyze sees %d deals; want %d^%d = %d", an.Space.Deals, tc.options, nIssues, want)
			}
			if _, stderr, code := runNegsim(t, "analyze", file+"#patient-"+strings.Split(tc.actors, ",")[0]); code != exitOK {
				t.Errorf("the starter's variant does not run: exit %d: %s", code, stderr)
			}
		})
	}
}

func TestNewRefusesToOverwrite(t *testing.T) {
	file := filepath.Join(t.TempDir(), "mine.yaml")
	if err := os.WriteFile(file, []byte("my work\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	wantRefused(t, "--force", "new", file, "--issues", "a", "--actors", "x")
	if data, _ := os.ReadFile(file); string(data) != "my work\n" {
		t.Fatalf("the existing file was changed: %q", data)
	}
	if _, stderr, code := runNegsim(t, "new", file, "--issues", "a", "--actors", "x", "--force"); code != exitOK {
		t.Fatalf("--force: exit %d: %s", code, stderr)
	}
	loadFile(t, file)
}

// A name that --force could not replace either is refused for what it is, not with the
// offer of --force that an existing file gets.
func TestNewRefusesAFolderAsAFolder(t *testing.T) {
	dir := t.TempDir()
	for _, force := range []string{"--force=false", "--force"} {
		_, stderr, code := runNegsim(t, "new", dir, "--issues", "a", "--actors", "x", force)
		if want := "negsim: cannot write " + dir + ": it is a directory\n"; code != exitFailure || stderr != want {
			t.Errorf("new FOLDER %s: exit %d, %q; want exit %d, %q", force, code, stderr, exitFailure, want)
		}
	}
}

// 9^20 = 12,157,665,459,056,928,801 deals fit in 64 bits; 9^21 ≈ 1.09e20 does not, and new
// printed it wrapped around 2^64 (9^30 as 14,910,758,653,121,394,097) and wrote a file no
// command could analyse.
func TestNewCountsDealsUpTo64Bits(t *testing.T) {
	dir := t.TempDir()
	out := runOK(t, "new", filepath.Join(dir, "twenty.yaml"), "--issues", ids(20), "--actors", "x,y", "--options", "9")
	wantContains(t, "new", out, "20 issues of 9 options, 2 actors, 12,157,665,459,056,928,801 possible deals.")
	file := filepath.Join(dir, "twenty-one.yaml")
	wantRefused(t, "21 issues of 9 options make more than 1.8e19 possible deals, more than negsim can count: give fewer issues or fewer --options",
		"new", file, "--issues", ids(21), "--actors", "x,y", "--options", "9")
	if exists(file) {
		t.Errorf("%s was written", file)
	}
}

func TestNewRejectsBadFlags(t *testing.T) {
	dir := t.TempDir()
	for _, args := range [][]string{
		{"--issues", "a,,b", "--actors", "x"},
		{"--issues", "a,a", "--actors", "x"},
		{"--issues", "土地,土地", "--actors", "x"},
		{"--issues", "Гроші,гроші", "--actors", "x"},
		{"--actors", "x"},
		{"--issues", "a", "--actors", "x", "--options", "1"},
		{"--issues", "a", "--actors", "x", "--options", "10"},
	} {
		file := filepath.Join(dir, "s.yaml")
		_, stderr, code := runNegsim(t, append([]string{"new", file}, args...)...)
		if code != exitBadUse || stderr == "" {
			t.Errorf("%v: exit %d, stderr %q; want exit 2 with a message", args, code, stderr)
		}
		if exists(file) {
			t.Errorf("%v: a file was written", args)
		}
	}
	// Past the scenario's limits the flag is named, not a line of a file not yet written
	// ("s.yaml:25:1: issues: 65 issues are more than the limit of 64").
	wantRefused(t, "negsim: --issues: 65 issues, more than the 64 a scenario may hold\n", "new", filepath.Join(dir, "s.yaml"), "--issues", ids(65), "--actors", "x")
	wantRefused(t, "negsim: --actors: 65 actors, more than the 64 a scenario may hold\n", "new", "-", "--issues", "a", "--actors", ids(65))
}

// ids is n ids, comma-separated: i0,i1,…
func ids(n int) string {
	var s []string
	for i := range n {
		s = append(s, "i"+strconv.Itoa(i))
	}
	return strings.Join(s, ",")
}

// A teacher in Kyiv writes the talks' names in Ukrainian, one in Beijing in Chinese, and
// negsim new refused every one ("територія" is not a valid id: it contains "т" (U+0442)),
// as it refused "Security guarantees" and "USA": the starter took ids alone. Now a name is
// kept as the name, and the id made from it as Slug makes ids (Ukraine's national
// transliteration for Cyrillic; numbered, issue-3, where no letter has a Latin spelling);
// new says which ids it made, since --set paths and deals files take those.
func TestNewTakesNamesInAnyLanguage(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "talks.yaml")
	out := runOK(t, "new", file, "--issues", "Територія,Гроші,土地,Security guarantees,land", "--actors", "Україна,Росія,USA")
	wantContains(t, "new", out, "Ids made from the names, as --set paths and deals files take them: Територія → terytoriia, Гроші → hroshi, 土地 → issue-3, Security guarantees → security-guarantees, Україна → ukraina, Росія → rosiia, USA → usa.")
	doc := loadFile(t, file)
	var issues, actors []string
	for _, is := range doc.Scenario.Issues {
		issues = append(issues, is.ID+"="+is.Name)
	}
	for _, ac := range doc.Scenario.Actors {
		actors = append(actors, ac.ID+"="+ac.Name)
	}
	// land is an id already, and named from it as before.
	if want := []string{"terytoriia=Територія", "hroshi=Гроші", "issue-3=土地", "security-guarantees=Security guarantees", "land=Land"}; !slices.Equal(issues, want) {
		t.Errorf("issues %q, want %q", issues, want)
	}
	if want := []string{"ukraina=Україна", "rosiia=Росія", "usa=USA"}; !slices.Equal(actors, want) {
		t.Errorf("actors %q, want %q", actors, want)
	}
	// The ids it named work where a student types them.
	runOK(t, "analyze", file, "--set", "actors.rosiia.reservation=0.2", "--set", "actors.ukraina.preferences.terytoriia.weight=3")
	// Ids only, as before: no line about made ids.
	out = runOK(t, "new", filepath.Join(dir, "plain.yaml"), "--issues", "land,money", "--actors", "north,south")
	if strings.Contains(out, "Ids made") {
		t.Errorf("ids given as ids are reported as made:\n%s", out)
	}
}

// The starter's examples of who must agree, of a strategy, of the rounds and of the
// teacher's texts are off, and each loads once uncommented (ratification alone names a
// parliament the starter does not have).
func TestStarterWhoMustAgreeExamples(t *testing.T) {
	text := starterText([]string{"land", "money"}, []string{"north", "south", "east"}, 3, nil, nil)
	doc, err := config.Load("starter.yaml", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	if doc.Scenario.Decision.VotesNeeded != 0 || len(doc.Scenario.Actors[0].Beliefs.Set) != 0 {
		t.Fatal("the examples are on by default")
	}
	on := text
	for _, block := range []string{
		"# decision:\n#   votes_needed: 2\n",
		"    # beliefs:\n    #   set:\n    #     actors.south.reservation: 0.2\n    #   note: Why it believes so, with a source.\n",
		"# stance: A teaching model with invented numbers, not a forecast.\n# teacher_notes: >\n#   What the class should find, and the questions to ask it.\n",
		"    # strategy: boulware\n",
		"# protocol:\n#   kind: mediated\n#   mediator: north\n#   rounds: 10\n# events:\n#   - round: 3\n#     why: What happens, in one sentence.\n#     add:\n#       actors.east.reservation: -0.05\n",
	} {
		if !strings.Contains(on, block) {
			t.Fatalf("the starter lacks the example:\n%s", block)
		}
		on = strings.Replace(on, block, strings.ReplaceAll(block, "# ", ""), 1)
	}
	doc, err = config.Load("starter.yaml", []byte(on))
	if err != nil {
		t.Fatalf("the examples do not load once uncommented: %v", err)
	}
	sc := doc.Scenario
	if sc.Decision.VotesNeeded != 2 || len(sc.Actors[0].Beliefs.Set) != 1 || sc.Stance == "" || sc.TeacherNotes == "" ||
		sc.Actors[0].Strategy.Kind != "boulware" || sc.Protocol.Mediator != "north" || sc.Protocol.Rounds != 10 || len(sc.Events) != 1 {
		t.Fatalf("uncommented: decision %+v, beliefs %+v, stance %q, teacher notes %q, strategy %+v, protocol %+v, events %+v",
			sc.Decision, sc.Actors[0].Beliefs, sc.Stance, sc.TeacherNotes, sc.Actors[0].Strategy, sc.Protocol, sc.Events)
	}
	if warnings := doc.Warnings.Error(); strings.Contains(warnings, "event") {
		t.Errorf("the event example is warned of: %s", warnings)
	}
}

// A long name makes an id of at most 64 characters, cut after a word, so that the files
// brief names by it can be written: a 336-character name made a 332-character id, and
// brief --all then failed with "file name too long".
func TestALongNameMakesAnIDBriefCanNameAFileBy(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "long.yaml")
	name := strings.TrimSpace(strings.Repeat("Very long actor name ", 16))
	runOK(t, "new", file, "--issues", "a,b", "--actors", name+",short")
	runOK(t, "brief", file, "--all", "-o", filepath.Join(dir, "briefs"))
	role := filepath.Join(dir, "briefs", "role-very-long-actor-name-very-long-actor-name-very-long-actor-name.md")
	if _, err := os.Stat(role); err != nil {
		t.Errorf("the long-named actor's role sheet: %v", err)
	}
}
