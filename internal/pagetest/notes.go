package pagetest

import (
	"strconv"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// DriveNotes opens hash and reads, for each path of notes, the words shown beside its
// what-if control and what a screen reader hears after the control's name (its
// aria-describedby): both must be the sentence notes gives, the bound negsim params
// prints for that value. A student who moved a ratifier's votes or a ratification's list
// past its bound got only the error.
func DriveNotes(t *testing.T, origin, hash string, notes map[string]string) {
	s := startAt(t, origin, 1280, 900, 2*time.Minute)
	s.do(chromedp.Navigate(origin + "#" + hash))
	s.settled()
	for path, want := range notes {
		got := evalJS[[]string](s, `(() => {
			const c = document.querySelector('.control[data-path="' + CSS.escape(`+strconv.Quote(path)+`) + '"]');
			if (!c) return ["no control", ""];
			const hint = c.querySelector("p.hint");
			const field = c.matches("[aria-describedby]") ? c : c.querySelector("[aria-describedby]");
			const heard = field ? field.getAttribute("aria-describedby").split(/\s+/).map((id) => document.getElementById(id)).filter((e) => e && !e.hidden).map((e) => e.textContent).join(" ") : "";
			return [hint ? hint.textContent : "no words beside it", heard];
		})()`)
		if got[0] != want {
			t.Errorf("%s: beside its control the page says %q, want %q", path, got[0], want)
		}
		if want := want + " " + path; got[1] != want {
			t.Errorf("%s: a screen reader hears %q after its name, want %q", path, got[1], want)
		}
	}
	s.checkConsole()
}
