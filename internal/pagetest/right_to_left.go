package pagetest

import (
	"context"
	"encoding/json"
	"net/url"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// WordLefts reads where tab draws words: the left edge of each, in the first element that
// box (CSS selectors) matches, is shown and holds them all in that order, each found after
// the one before; -1 for a word it does not hold, and none when no element holds them.
// Left to right as written is how an English sentence reads; right to left, a Hebrew one.
func WordLefts(tab context.Context, box string, words []string) ([]float64, error) {
	args, err := json.Marshal(map[string]any{"box": box, "words": words})
	if err != nil {
		return nil, err
	}
	return chromedp.Run(tab, chromedp.Evaluate[[]float64](`(() => {
		const {box: selectors, words} = `+string(args)+`;
		const holds = (text) => { let at = 0; for (const w of words) { at = text.indexOf(w, at); if (at < 0) return false; at += w.length; } return true; };
		const box = [...document.querySelectorAll(selectors)].find((e) => e.getClientRects().length > 0 && holds(e.textContent));
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
	})()`))
}

// CheckWordOrder fails unless lefts, which WordLefts read for words in where, stand left to
// right (rightToLeft false) or right to left.
func CheckWordOrder(t *testing.T, where string, words []string, lefts []float64, rightToLeft bool) {
	t.Helper()
	if len(lefts) != len(words) {
		t.Errorf("%s: nothing shown holds %q in that order", where, words)
		return
	}
	for i := 1; i < len(lefts); i++ {
		if lefts[i] < 0 || lefts[i-1] < 0 {
			t.Errorf("%s lacks %q or %q", where, words[i-1], words[i])
		} else if !rightToLeft && lefts[i] <= lefts[i-1] {
			t.Errorf("%s: %q is drawn at x %.0f, not right of %q at %.0f: the words do not read in the order written", where, words[i], lefts[i], words[i-1], lefts[i-1])
		} else if rightToLeft && lefts[i] >= lefts[i-1] {
			t.Errorf("%s: %q is drawn at x %.0f, not left of %q at %.0f: it reads from the left", where, words[i], lefts[i], words[i-1], lefts[i-1])
		}
	}
}

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
	read := func(tab context.Context, box string, words []string) []float64 {
		lefts, err := WordLefts(tab, box, words)
		if err != nil {
			t.Fatal(err)
		}
		return lefts
	}
	CheckWordOrder(t, "the page", words, read(s.ctx, "p, li", words), false)
	CheckWordOrder(t, "the description above the results", clauses, read(s.ctx, "#about", clauses), true)
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
	CheckWordOrder(t, "the report", words, read(tab, "p, li", words), false)
	s.checkConsole()
}
