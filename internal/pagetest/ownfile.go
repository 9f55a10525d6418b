package pagetest

import (
	"encoding/binary"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/negsim/negsim/config"
	"github.com/negsim/negsim/sim"
)

// DriveOwnFileProblems opens files of a student's own that are not scenarios, as the
// terminal would refuse them: each problem must be said once, with its file, line and
// field, as `negsim analyze FILE` prints it. The page said the first problem twice, once
// as the error's heading and again as the first of the list.
func DriveOwnFileProblems(t *testing.T, origin string) {
	tab := Tab(t, 1366, 768, time.Minute)
	s := &session{t: t, ctx: tab, origin: origin}
	s.collectConsole()
	s.do(chromedp.Navigate(origin + "#scenario=teaching-two-party"))
	s.settled()
	dir := t.TempDir()
	data := jobOfferText(t)
	ansi, ansiSaid := ansiScenario(t, "ansi.yaml")
	for _, c := range []struct {
		name, text string
		problems   []string // each as negsim analyze prints it, once
	}{
		// Saved as Windows-1252: the page read it with "�" for the accent and opened it.
		{"ansi.yaml", string(ansi), []string{"ansi.yaml: 1 problem", ansiSaid}},
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

// ansiScenario is teaching-two-party with "Montréal" in its name, saved as Windows-1252
// (Windows' "ANSI"), which writes "é" as the byte 0xE9 alone, and what negsim analyze says
// of it: the file is refused at that byte, on line 32 ("name: Job offer in Montr" is 24
// characters, so column 25), in the command line's words (config.Load).
func ansiScenario(t *testing.T, name string) ([]byte, string) {
	t.Helper()
	data := jobOfferText(t)
	const title = "\nname: Job offer (teaching"
	if !strings.Contains(string(data), title) {
		t.Fatal("teaching-two-party.yaml no longer has the name this test edits")
	}
	ansi := []byte(strings.Replace(string(data), title, "\nname: Job offer in Montr\xe9al (teaching", 1))
	_, err := config.Load(name, ansi)
	var said sim.Diagnostics
	if !errors.As(err, &said) || len(said) != 1 || said[0].Line != 32 || said[0].Col != 25 {
		t.Fatalf("negsim reads %s as %v, want it refused at line 32, column 25", name, err)
	}
	return ansi, said[0].String()
}

// openOwn chooses file with "Open a scenario file" and waits until the page has either
// said what is wrong with it or opened it (its name in the status line, the page settled).
// It fails when the page does neither: the choice went unheard.
func (s *session) openOwn(file string) {
	s.t.Helper()
	evalJS[any](s, `document.getElementById("error").hidden = true`)
	s.do(chromedp.SetUploadFiles(chromedp.CSS("#local"), []string{file}))
	name := strconv.Quote(filepath.Base(file))
	heard := `!document.getElementById("error").hidden || (document.getElementById("status").textContent.includes(` + name + `) && ` + settledJS + `)`
	if _, err := chromedp.Run(s.ctx, chromedp.Poll[bool](heard, chromedp.WithPollingTimeout(30*time.Second))); err != nil {
		s.t.Fatalf("%s chosen, and the page neither opened it nor said why not: %v", filepath.Base(file), err)
	}
	s.settled()
}

// DriveOwnFileEdited is a student's afternoon with a file of their own: it has a typo,
// which they fix in their editor and open again; then a larger file, then one too large to
// count, then the link of their what-if sent to a classmate along with the file. The
// classmate's page is at elsewhere, another negsim serve or site (their own computer), which
// has never seen the file.
func DriveOwnFileEdited(t *testing.T, origin, elsewhere string) {
	tab := Tab(t, 1366, 768, 3*time.Minute)
	s := &session{t: t, ctx: tab, origin: origin}
	s.collectConsole()
	s.do(chromedp.Navigate(origin + "#scenario=teaching-two-party"))
	s.settled()
	data := jobOfferText(t)
	dir := t.TempDir()
	// A name as a school computer saves it: spaces and an accent.
	file := filepath.Join(dir, "mon scénario.yaml")
	write := func(path, text string) {
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	shown := func() (string, string) {
		return evalJS[string](s, `document.getElementById("zopa-count").textContent`), evalJS[string](s, `document.getElementById("nash").textContent`)
	}
	errorText := func() string {
		return evalJS[string](s, `document.getElementById("error").hidden ? "" : document.getElementById("error").innerText`)
	}

	// 1. The employer's "reservation" misspelt: the page must say the file was not opened
	// and that what it still shows is the scenario that was open before, not the file.
	employer := "    reservation: 0.5\n    note: Reservation 0.5 is an assumption (the next-best"
	if !strings.Contains(string(data), employer) {
		t.Fatal("teaching-two-party.yaml no longer has the employer's reservation where this test edits it")
	}
	write(file, strings.Replace(string(data), employer, strings.Replace(employer, "reservation:", "reservaton:", 1), 1))
	s.openOwn(file)
	said := errorText()
	for _, want := range []string{`mon scénario.yaml:89:5: actors.employer.reservaton: unknown field "reservaton"`, "not opened", "Job offer (teaching example, two parties)"} {
		if !strings.Contains(said, want) {
			t.Errorf("a file with a typo: the page's message lacks %q:\n%s", want, said)
		}
	}

	// 2. Fixed in the editor, the employer's reservation now 0.55, and chosen again: the
	// same file, so the browser reports no change unless the page forgot the last choice.
	// By hand (the file's comments): of the four deals in the zone at 0.5 the employer
	// values (high, hybrid, now) at 0.65, (high, office, one-month) at 0.55, (high, office,
	// now) at 0.80 and (mid, hybrid, one-month) at 0.50, so three remain. Nash products
	// (u_C − 0.5)(u_E − 0.55): 0.15 × 0.10 = 0.015, 0.10 × 0 = 0, 0 × 0.25 = 0: high,
	// hybrid, now.
	write(file, strings.Replace(string(data), employer, strings.Replace(employer, "0.5\n", "0.55\n", 1), 1))
	s.openOwn(file)
	if said := errorText(); said != "" {
		t.Errorf("the fixed file, chosen again: the page still says %q", said)
	}
	if z, n := shown(); z != "3" || n != "salary=high,remote=hybrid,start=now" {
		t.Errorf("the fixed file, chosen again: the page shows a zone of %q and Nash %q; by hand 3 and salary=high,remote=hybrid,start=now", z, n)
	}

	// 3. A file of 1,296 deals (four issues of six options), every one in the zone: both
	// reservations are 0 and nothing is ruled out. The headline counts it as the rest of
	// the page and negsim analyze do ("holds 1,296 of them").
	wide := filepath.Join(dir, "every deal.yaml")
	write(wide, gridScenario("Every deal passes", 4, 6, 0))
	// Until its own results come, the page may not show the last file's under this one's
	// name: seen the moment the status line names the new file.
	evalJS[any](s, `window.staleSeen = null; new MutationObserver(() => {
		if (window.staleSeen === null && document.getElementById("status").textContent.includes("every deal.yaml")) window.staleSeen = [document.getElementById("zopa-count").textContent, document.getElementById("nash").textContent, document.getElementById("chart").textContent.includes("Candidate") ? "a chart of Candidate and Employer" : ""].join(" ");
	}).observe(document.getElementById("status"), {childList: true, characterData: true, subtree: true})`)
	s.openOwn(wide)
	if stale := evalJS[string](s, `window.staleSeen`); strings.Contains(stale, "3") || strings.Contains(stale, "salary") || strings.Contains(stale, "Candidate") {
		t.Errorf("opening every deal.yaml, the page showed the last file's results under its name: %s", stale)
	}
	if z, _ := shown(); z != "1,296" {
		t.Errorf("a zone of 6^4 = 1296 deals is shown as %q, want 1,296", z)
	}

	// 4. A file that reads but cannot be worked out: 24 issues of 9 options are 9^24 ≈
	// 8e22 deals, more than 2^64 ≈ 1.8e19. The page may not leave the last file's zone,
	// Nash deal, chart and tables under this one's name.
	huge := filepath.Join(dir, "huge.yaml")
	write(huge, gridScenario("Too many deals", 24, 9, 0.5))
	s.openOwn(huge)
	if said := errorText(); !strings.Contains(said, "more than negsim can count") {
		t.Errorf("a space too large to count: the page says %q", said)
	}
	z, n := shown()
	left := evalJS[int](s, `document.querySelectorAll("#chart svg, #solutions table, #options table").length`)
	if strings.Contains(z, "1") || strings.Contains(n, "=") || left > 0 {
		t.Errorf("a space too large to count: the page still shows the last file's results (zone %q, Nash %q, %d charts and tables)", z, n, left)
	}

	// 5. The fixed file again, a what-if, and its link: the Share view must say the link
	// needs the file, and a classmate who follows it and opens the same file sees the same
	// what-if. By hand, the candidate's reservation at 0.6 leaves (high, hybrid, now) at
	// 0.65 and (high, office, one-month) at 0.60 of the three; Nash products (u_C − 0.6)
	// (u_E − 0.55): 0.05 × 0.10 = 0.005 and 0 × 0 = 0: high, hybrid, now.
	s.openOwn(file)
	s.do(chromedp.Navigate(evalJS[string](s, `location.href`) + "&set=actors.candidate.reservation%3D0.6&view=share"))
	s.settled()
	share := evalJS[string](s, `document.getElementById("view-share").innerText`)
	for _, want := range []string{"mon scénario.yaml", "Open a scenario file"} {
		if !strings.Contains(share, want) {
			t.Errorf("the Share view of a file from this computer does not say the link needs the file (%q):\n%s", want, share)
		}
	}
	link := evalJS[string](s, `document.getElementById("permalink").value`)

	// The commands to copy name the file as one word, on one line, for bash, PowerShell
	// and Windows' cmd alike: in double quotes, which all three read the same way (single
	// quotes cmd keeps as part of the name; "\" ends a line in bash alone).
	if command, want := evalJS[string](s, `document.getElementById("command").value`), `negsim analyze "mon scénario.yaml" --set actors.candidate.reservation=0.6`; command != want {
		t.Errorf("the Share view's command is %q, want %q", command, want)
	}
	if report := evalJS[string](s, `window.negsimReport()`, chromedp.EvalAwaitPromise); !strings.Contains(report, "negsim report &quot;mon scénario.yaml&quot; --set actors.candidate.reservation=0.6 -o report.html</pre>") {
		i := max(0, strings.Index(report, "negsim report"))
		t.Errorf("the report's command does not name the file for every shell: %q", report[i:min(len(report), i+100)])
	}
	// Downloaded, the report keeps the file's name as a reader wrote it, accent included.
	evalJS[any](s, `window.downloadedAs = ""; HTMLAnchorElement.prototype.click = function () { window.downloadedAs = this.download; }; document.getElementById("download").click()`)
	if _, err := chromedp.Run(s.ctx, chromedp.Poll[bool](`window.downloadedAs !== ""`, chromedp.WithPollingTimeout(30*time.Second))); err != nil {
		t.Fatalf("the report was not downloaded: %v", err)
	}
	if name := evalJS[string](s, `window.downloadedAs`); name != "negsim-mon-scénario-yaml.html" {
		t.Errorf("the report of mon scénario.yaml downloads as %q, want negsim-mon-scénario-yaml.html", name)
	}
	// Windows Notepad saves "scenario.yaml" as "scenario.yaml.txt" unless told otherwise;
	// negsim reads such a file, so the file picker must offer it.
	if accept := evalJS[string](s, `document.getElementById("local").accept`); !strings.Contains(accept, ".txt") {
		t.Errorf("the file picker offers only %q: a scenario Notepad saved as .yaml.txt is hidden", accept)
	}

	// 6. In the Play view in the candidate's seat, the student opens a file with no
	// candidate (every deal.yaml: x and y): the page offers that file's seats rather than
	// refusing the old one.
	s.do(chromedp.Navigate(origin + "#scenario=teaching-two-party&view=play&as=candidate"))
	s.settled()
	s.openOwn(wide)
	if said, hash := errorText(), evalJS[string](s, `location.hash`); said != "" || strings.Contains(hash, "as=") {
		t.Errorf("a file opened in the Play view: the page says %q at %s; want the file's seats offered", said, hash)
	}

	classmate := Tab(t, 1366, 768, 2*time.Minute)
	c := &session{t: t, ctx: classmate, origin: elsewhere}
	c.collectConsole()
	c.do(chromedp.Navigate(elsewhere + strings.TrimPrefix(link, origin)))
	c.settled()
	if picked := evalJS[string](c, `document.getElementById("scenario").selectedOptions[0].text`); strings.HasPrefix(picked, "doc:") {
		t.Errorf("a classmate following the link sees the scenario named %q", picked)
	}
	if said := evalJS[string](c, `document.getElementById("error").innerText`); !strings.Contains(said, "Open a scenario file") {
		t.Errorf("a classmate following the link without the file is told %q", said)
	}
	c.openOwn(file)
	z, n = evalJS[string](c, `document.getElementById("zopa-count").textContent`), evalJS[string](c, `document.getElementById("nash").textContent`)
	if z != "2" || n != "salary=high,remote=hybrid,start=now" || !strings.Contains(evalJS[string](c, `location.hash`), "set=actors.candidate.reservation%3D0.6") {
		t.Errorf("a classmate who follows the link and opens the file sees a zone of %q and Nash %q at %s; by hand 2 and salary=high,remote=hybrid,start=now with the link's change",
			z, n, evalJS[string](c, `location.hash`))
	}
}

// gridScenario is a scenario of issues × options deals (options 2 to 26, ids a, b, …), whose
// two actors care only about the first issue, from its opposite ends, and hold the given
// reservation: at 0 every deal is in the zone.
func gridScenario(name string, issues, options int, reservation float64) string {
	var ids []string
	for o := range options {
		ids = append(ids, fmt.Sprintf("{id: %c}", 'a'+o))
	}
	var b strings.Builder
	fmt.Fprintf(&b, "name: %s\nissues:\n", name)
	for i := range issues {
		fmt.Fprintf(&b, "  - {id: i%d, name: Issue %d, options: [%s]}\n", i, i, strings.Join(ids, ", "))
	}
	fmt.Fprintf(&b, "actors:\n  - {id: x, name: X, reservation: %g, preferences: {i0: {weight: 1, ideal: a}}}\n", reservation)
	fmt.Fprintf(&b, "  - {id: y, name: Y, reservation: %g, preferences: {i0: {weight: 1, ideal: %c}}}\n", reservation, 'a'+options-1)
	return b.String()
}

// ListedFiles writes, into dir, the teacher's files DriveListedFiles opens: names as school
// computers save them, one with a problem, one saved by Notepad as "Unicode" (UTF-16,
// little-endian, behind its byte-order mark, with Windows line ends), one saved as "ANSI"
// (Windows-1252).
func ListedFiles(t *testing.T, dir string) {
	t.Helper()
	ansi, _ := ansiScenario(t, "ansi.yaml")
	data := jobOfferText(t)
	unicode := binary.LittleEndian.AppendUint16(nil, 0xfeff)
	for _, u := range utf16.Encode([]rune(strings.ReplaceAll(string(data), "\n", "\r\n"))) {
		unicode = binary.LittleEndian.AppendUint16(unicode, u)
	}
	for name, text := range map[string]string{
		"group #2.yaml":        string(data),
		"broken one.yaml":      strings.Replace(string(data), "reservation:", "reservaton:", 1),
		"notepad unicode.yaml": string(unicode),
		"-draft.yaml":          string(data),
		"ansi.yaml":            string(ansi),
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// DriveListedFiles opens the teacher's files of the served folder (ListedFiles) by link, as
// the page's list does: a name with a '#' and a space must reach its file, a file saved as
// UTF-16 must read as the command line reads it, and a file that does not open may not
// leave the last one's results under its name in the list.
func DriveListedFiles(t *testing.T, origin string) {
	tab := Tab(t, 1366, 768, 2*time.Minute)
	s := &session{t: t, ctx: tab, origin: origin}
	s.collectConsole()
	open := func(name string) {
		s.do(chromedp.Navigate(origin + "#" + url.Values{"scenario": {"file:" + name}}.Encode()))
		s.settled()
	}
	text := func(id string) string {
		return evalJS[string](s, `document.getElementById("`+id+`").textContent`)
	}
	// teaching-two-party as shipped: 4 deals, Nash high, hybrid, now (its comments work
	// both out by hand).
	open("group #2.yaml")
	if z, n, e := text("zopa-count"), text("nash"), evalJS[string](s, `document.getElementById("error").hidden ? "" : document.getElementById("error").innerText`); z != "4" || n != "salary=high,remote=hybrid,start=now" || e != "" {
		t.Errorf("group #2.yaml: the page shows a zone of %q and Nash %q, and says %q; by hand 4 and salary=high,remote=hybrid,start=now", z, n, e)
	}
	open("notepad unicode.yaml")
	if z, n, e := text("zopa-count"), text("nash"), evalJS[string](s, `document.getElementById("error").hidden ? "" : document.getElementById("error").innerText`); z != "4" || n != "salary=high,remote=hybrid,start=now" || e != "" {
		t.Errorf("notepad unicode.yaml: the page shows a zone of %q and Nash %q, and says %q; by hand 4 and salary=high,remote=hybrid,start=now", z, n, e)
	}
	// A name that starts with '-' would be taken for a flag: the command to copy says
	// ./-draft.yaml, the same file.
	s.do(chromedp.Navigate(origin + "#" + url.Values{"scenario": {"file:-draft.yaml"}, "view": {"share"}}.Encode()))
	s.settled()
	if command := evalJS[string](s, `document.getElementById("command").value`); command != "negsim analyze ./-draft.yaml" {
		t.Errorf("-draft.yaml: the Share view's command is %q, want negsim analyze ./-draft.yaml", command)
	}
	open("broken one.yaml")
	said := evalJS[string](s, `document.getElementById("error").innerText`)
	if !strings.Contains(said, `broken one.yaml:71:5: actors.candidate.reservaton: unknown field "reservaton"`) {
		t.Errorf("broken one.yaml: the page says %q", said)
	}
	picked := evalJS[string](s, `document.getElementById("scenario").selectedOptions[0].text`)
	z, n := text("zopa-count"), text("nash")
	controls := evalJS[int](s, `document.querySelectorAll("#controls input, #controls select").length`)
	if picked == "broken one.yaml" && (z == "4" || strings.Contains(n, "=") || controls > 0) {
		t.Errorf("broken one.yaml, chosen in the list, did not open; the page shows group #2.yaml's results under its name (zone %q, Nash %q, %d what-if controls)", z, n, controls)
	}
	// The variant menu of a scenario that did not open was an empty list, which a screen
	// reader reads as a blank box; it says there is nothing to choose, and comes back with
	// the next file (teaching-two-party has no variants: the file as it is, alone).
	variantMenu := func() string {
		return evalJS[string](s, `(() => { const m = document.getElementById("variant"); return (m.disabled ? "disabled: " : "") + [...m.options].map((o) => o.text).join(" | "); })()`)
	}
	if got, want := variantMenu(), "disabled: None: no scenario is open"; got != want {
		t.Errorf("broken one.yaml did not open; its variant menu says %q, want %q", got, want)
	}
	if blank := evalJS[[]string](s, blankMenusJS); len(blank) > 0 {
		t.Errorf("broken one.yaml did not open; the page shows menus with nothing in them: %q", blank)
	}
	open("group #2.yaml")
	if z, n := text("zopa-count"), text("nash"); z != "4" || n != "salary=high,remote=hybrid,start=now" {
		t.Errorf("group #2.yaml after the broken file: the page shows %q and %q", z, n)
	}
	if got, want := variantMenu(), "As the file gives it"; got != want {
		t.Errorf("group #2.yaml after the broken file: its variant menu says %q, want %q", got, want)
	}
	// Saved as "ANSI", the file is refused as the command line refuses it, where the page
	// opened it with "�" for its accent.
	_, ansiSaid := ansiScenario(t, "ansi.yaml")
	open("ansi.yaml")
	if said := evalJS[string](s, `document.getElementById("error").hidden ? "" : document.getElementById("error").innerText`); !strings.Contains(said, ansiSaid) {
		t.Errorf("ansi.yaml, saved as Windows-1252: the page says %q; want %q", said, ansiSaid)
	}
	if title := evalJS[string](s, `document.body.innerText`); strings.Contains(title, "Montr\uFFFDal") {
		t.Errorf("ansi.yaml: the page shows its name as Montr\uFFFDal")
	}
}

// DriveOwnFileBeforeEngine is a student who chooses a file of their own at once, while the
// engine is still coming (a static site's is a download of some megabytes): the page has
// nothing to read it with yet, and must neither take the file nor blame it. Once the engine
// has come, the same file opens: the job offer, whose comments work out its 4 zone deals and
// its Nash deal by hand.
func DriveOwnFileBeforeEngine(t *testing.T, origin string) {
	s := startAt(t, origin, 1280, 900, 2*time.Minute)
	if _, err := chromedp.Call(s.ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: holdEngine}); err != nil {
		t.Fatal(err)
	}
	s.do(chromedp.Navigate(origin + "#scenario=teaching-two-party"))
	// The page has read its address once the body holds it.
	if _, err := chromedp.Run(s.ctx, chromedp.Poll[bool](`document.body.dataset.hash !== undefined`, chromedp.WithPollingTimeout(30*time.Second))); err != nil {
		t.Fatal(err)
	}
	// Chosen then, the file was refused with "Cannot read properties of undefined" and
	// "Fix the file and open it again". A disabled field takes no file from the student
	// (DevTools can still set one, so the test asks the field rather than choosing).
	if evalJS[bool](s, `!document.getElementById("local").disabled`) {
		t.Error("while the engine is coming, Open a scenario file takes a file, which nothing can read yet")
	}
	evalJS[any](s, `window.releaseEngine()`)
	s.settled()
	if alert := evalJS[string](s, `document.getElementById("error").hidden ? "" : document.getElementById("error").textContent`); alert != "" {
		t.Errorf("once the engine has come, the page says %q", alert)
	}
	if evalJS[bool](s, `document.getElementById("local").disabled`) {
		t.Fatal("once the engine has come, Open a scenario file still takes no file")
	}
	s.openOwn(jobOfferFile(t))
	if z, n := s.read(); z != 4 || n != "salary=high,remote=hybrid,start=now" {
		t.Errorf("the file opened once the engine had come shows %d deals and Nash %q; its comments work out 4 and high, hybrid, now", z, n)
	}
	s.checkConsole()
}

// DriveOwnFileServerGone opens a good file of the student's own after negsim serve has
// stopped (the terminal closed), which the browser reports to the page as a fetch that
// fails: the page must say that the server does not answer, and not tell the student to
// fix a file that has nothing wrong with it.
func DriveOwnFileServerGone(t *testing.T, origin string) {
	s := start(t, origin)
	s.do(chromedp.Navigate(origin + "#scenario=teaching-two-party"))
	s.settled()
	evalJS[any](s, `(() => { const fetched = window.fetch; window.stopServer = () => { window.fetch = (url, options) => String(url).startsWith("api/load") ? Promise.reject(new TypeError("Failed to fetch")) : fetched(url, options); }; window.startServer = () => { window.fetch = fetched; }; })()`)
	alert := func() string {
		return evalJS[string](s, `document.getElementById("error").hidden ? "" : document.getElementById("error").textContent`)
	}
	evalJS[any](s, `window.stopServer()`)
	s.openOwn(jobOfferFile(t))
	// openOwn may return while the page still reads the file, its name already in the
	// status line (seen with the machine loaded): the failed fetch comes after.
	if _, err := chromedp.Run(s.ctx, chromedp.Poll[bool](`!document.getElementById("error").hidden`, chromedp.WithPollingTimeout(30*time.Second))); err != nil {
		t.Fatalf("a good file opened with negsim serve stopped: the page said nothing: %v", err)
	}
	if said := alert(); !strings.Contains(said, "does not answer") || strings.Contains(said, "Fix the file") {
		t.Errorf("a good file opened with negsim serve stopped: the page says %q; want that the server does not answer, and no word of fixing the file", said)
	}
	// A file with a problem of its own is still the student's to fix.
	evalJS[any](s, `window.startServer()`)
	broken := filepath.Join(t.TempDir(), "broken.yaml")
	if err := os.WriteFile(broken, []byte("name: [unclosed\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	s.openOwn(broken)
	if said := alert(); !strings.Contains(said, "Fix the file and open it again") {
		t.Errorf("a file that does not parse: the page says %q; want it to say to fix the file", said)
	}
}
