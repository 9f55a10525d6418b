package pagetest

import (
	"strconv"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// NotesStep is a number typed by keyboard into the field of a what-if value (none for the
// first step), and then the note each path's control must show: the bound negsim params
// prints for that value at the what-if so far, as a sentence ("" for none).
type NotesStep struct {
	Path, Typed string
	Notes       map[string]string
}

// DriveNotes opens hash and takes each step, reading for each path of the step's notes
// the words shown beside its what-if control and what a screen reader hears after the
// control's name (its aria-describedby). A student who moved a ratifier's votes or a
// ratification's list past its bound got only the error; one who lowered the votes a
// ratification asks still read the old bound, and had the field refuse values now allowed.
func DriveNotes(t *testing.T, origin, hash string, steps []NotesStep) {
	s := startAt(t, origin, 1280, 900, 2*time.Minute)
	s.do(chromedp.Navigate(origin + "#" + hash))
	s.settled()
	for _, step := range steps {
		if step.Path != "" {
			field := `.control[data-path="` + step.Path + `"] input`
			evalJS[any](s, `document.querySelector('`+field+`').closest("details").open = true`)
			s.do(chromedp.Focus(chromedp.CSS(field)))
			evalJS[any](s, `document.querySelector('`+field+`').select()`)
			s.do(chromedp.KeyEvent(step.Typed + kb.Tab))
			s.settled()
			if problem := evalJS[string](s, `[...document.querySelectorAll(".field-problem")].filter((p) => !p.hidden).map((p) => p.textContent).join(" ")`); problem != "" {
				t.Fatalf("%s typed into %s: the page says %q", step.Typed, step.Path, problem)
			}
		}
		for path, want := range step.Notes {
			got := evalJS[[]string](s, `(() => {
				const c = document.querySelector('.control[data-path="' + CSS.escape(`+strconv.Quote(path)+`) + '"]');
				if (!c) return ["no control", ""];
				const note = c.querySelector("p.note");
				const field = c.matches("[aria-describedby]") ? c : c.querySelector("[aria-describedby]");
				const heard = field ? field.getAttribute("aria-describedby").split(/\s+/).map((id) => document.getElementById(id)).filter((e) => e && !e.hidden).map((e) => e.textContent).join(" ") : "";
				return [note && !note.hidden ? note.textContent : "", heard];
			})()`)
			at := "at " + hash
			if step.Path != "" {
				at = "after " + step.Path + "=" + step.Typed
			}
			if got[0] != want {
				t.Errorf("%s, %s: beside its control the page says %q, want %q", at, path, got[0], want)
			}
			heard := path
			if want != "" {
				heard = want + " " + path
			}
			if got[1] != heard {
				t.Errorf("%s, %s: a screen reader hears %q after its name, want %q", at, path, got[1], heard)
			}
		}
	}
	s.checkConsole()
}

// BoundsMove is one move of a what-if control by keyboard, a slider's key (Key) or a
// number typed into a field (Typed), or a link followed within the page (Link, the hash
// after #), and the requests it must make: Params 0 for a value no bound or note hangs
// on, or bounds the page was given already, 1 for one that moves another value's;
// Analyses 1 for a move that changes the what-if, 0 for a link to another view of the
// one shown.
type BoundsMove struct {
	Path, Key, Typed, Link string
	Analyses, Params       int
}

// DriveBoundsAsked opens hash and makes each move, counting the page's requests to the
// engine until it settles. Each slider move asked for the analysis and then for params
// again, which cost the engine as much as the analysis, for a move no bound hangs on.
// It returns the requests of each move, by method, for the log.
func DriveBoundsAsked(t *testing.T, origin, hash string, moves []BoundsMove) []map[string]int {
	s := startAt(t, origin, 1280, 900, 2*time.Minute)
	s.do(chromedp.Navigate(origin + "#" + hash))
	s.settled()
	// The served page reaches the engine with fetch("api/METHOD").
	evalJS[any](s, `(() => {
		window.engineCalls = {};
		const fetched = window.fetch;
		window.fetch = (url, options) => {
			const m = String(url).match(/^api\/(.*)$/);
			if (m) window.engineCalls[m[1]] = (window.engineCalls[m[1]] || 0) + 1;
			return fetched(url, options);
		};
	})()`)
	var asked []map[string]int
	for _, move := range moves {
		what := move.Path + " moved"
		if move.Link != "" {
			what = "a link to #" + move.Link + " followed"
			evalJS[any](s, `window.engineCalls = {}; location.hash = `+strconv.Quote(move.Link))
			s.settled()
		} else {
			field := `.control[data-path="` + move.Path + `"] input`
			evalJS[any](s, `window.engineCalls = {}; document.querySelector('`+field+`').closest("details").open = true`)
			s.do(chromedp.Focus(chromedp.CSS(field)))
			if move.Typed != "" {
				evalJS[any](s, `document.querySelector('`+field+`').select()`)
				s.do(chromedp.KeyEvent(move.Typed + kb.Tab))
			} else {
				s.do(chromedp.KeyEvent(move.Key))
			}
			s.settled()
		}
		calls := evalJS[map[string]int](s, `window.engineCalls`)
		asked = append(asked, calls)
		if calls["analyze"] != move.Analyses {
			t.Errorf("%s: the page asked for %d analyses, want %d (%v)", what, calls["analyze"], move.Analyses, calls)
		}
		if calls["params"] != move.Params {
			t.Errorf("%s: the page asked for params %d times, want %d (%v)", what, calls["params"], move.Params, calls)
		}
	}
	s.checkConsole()
	return asked
}
