package pagetest

import (
	"encoding/json"
	"net/url"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// DriveRightToLeftNames opens hash's In words view, whose sentences name the scenario's
// issues, and reads where Chromium draws words, which stand in that order in one paragraph
// or list item: left to right as written, in the page and in the report it hands in,
// opened as a file. Hebrew names with their shares between them, "גבולות (70%), ביטחון
// (30%)", were one right-to-left run: the shares stood by the wrong names. The scenario's
// description, written in Hebrew, must read from the right: each of clauses, in the order
// written, stands left of the one before.
func DriveRightToLeftNames(t *testing.T, origin, hash string, words, clauses []string) {
	s := startAt(t, origin, 1280, 900, 2*time.Minute)
	s.do(chromedp.Navigate(origin + "#" + hash + "&view=words"))
	s.settled()
	quoted, err := json.Marshal(words)
	if err != nil {
		t.Fatal(err)
	}
	// The first paragraph or list item that holds the words in order, and where each is
	// drawn: the left of its first occurrence after the one before.
	measure := `(() => {
		const words = ` + string(quoted) + `;
		const holds = (text) => { let at = 0; for (const w of words) { at = text.indexOf(w, at); if (at < 0) return false; at += w.length; } return true; };
		const box = [...document.querySelectorAll("p, li")].find((e) => e.offsetParent !== null && holds(e.textContent));
		if (!box) return [];
		const nodes = [];
		const walk = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
		for (let n; (n = walk.nextNode()); ) nodes.push(n);
		let ni = 0, off = 0;
		return words.map((w) => {
			for (; ni < nodes.length; ni++, off = 0) {
				const i = nodes[ni].data.indexOf(w, off);
				if (i < 0) continue;
				const r = document.createRange();
				r.setStart(nodes[ni], i);
				r.setEnd(nodes[ni], i + w.length);
				off = i + w.length;
				return r.getBoundingClientRect().left;
			}
			return -1;
		});
	})()`
	inOrder := func(where string, lefts []float64) {
		if len(lefts) != len(words) {
			t.Errorf("%s: no paragraph holds %q in that order", where, words)
			return
		}
		for i := 1; i < len(lefts); i++ {
			if lefts[i] < 0 || lefts[i] <= lefts[i-1] {
				t.Errorf("%s: %q is drawn at x %.0f, not right of %q at %.0f", where, words[i], lefts[i], words[i-1], lefts[i-1])
			}
		}
	}
	inOrder("the page", evalJS[[]float64](s, measure))
	quoted, err = json.Marshal(clauses)
	if err != nil {
		t.Fatal(err)
	}
	about := evalJS[[]float64](s, `(() => {
		const p = document.getElementById("about"), text = p.textContent;
		return `+string(quoted)+`.map((c) => {
			const walk = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
			for (let n; (n = walk.nextNode()); ) {
				const i = n.data.indexOf(c);
				if (i < 0) continue;
				const r = document.createRange();
				r.setStart(n, i);
				r.setEnd(n, i + c.length);
				return r.getBoundingClientRect().left;
			}
			return -1;
		});
	})()`)
	for i := range about {
		if about[i] < 0 {
			t.Errorf("the description above the results lacks %q", clauses[i])
		} else if i > 0 && about[i] >= about[i-1] {
			t.Errorf("the Hebrew description's %q stands at x %.0f, not left of %q at %.0f: it reads from the left", clauses[i], about[i], clauses[i-1], about[i-1])
		}
	}
	s.screenshots("right-to-left-names")

	report := evalJS[string](s, `window.negsimReport()`, chromedp.EvalAwaitPromise)
	file := filepath.Join(t.ArtifactDir(), "right-to-left-names-report.html")
	if err := os.WriteFile(file, []byte(report), 0o644); err != nil {
		t.Fatal(err)
	}
	tab, cancel := chromedp.NewContext(s.ctx)
	defer cancel()
	fileURL := (&url.URL{Scheme: "file", Path: filepath.ToSlash(file)}).String()
	// Wide enough that the report's paragraph stands on one line.
	if err := chromedp.Do(tab, chromedp.EmulateViewport(4000, 1000), chromedp.Navigate(fileURL)); err != nil {
		t.Fatal(err)
	}
	lefts, err := chromedp.Run(tab, chromedp.Evaluate[[]float64](measure))
	if err != nil {
		t.Fatal(err)
	}
	inOrder("the report", lefts)
	s.checkConsole()
}
