package pagetest

import (
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// UndoSets are the job offer's two changes DriveUndoOne takes back one at a time: the
// candidate's reservation from 0.5 and the employer's red line on salary, which the file
// leaves open to every band.
var UndoSets = []string{"actors.candidate.reservation=0.6", "actors.employer.preferences.salary.acceptable=[low,mid]"}

// DriveUndoOne opens the job offer with UndoSets and takes them back by keyboard, one at a
// time, from the list of changes: each is said from the file's value to the what-if's, its
// Undo leaves the other change in force (the zone oracle gives for it), puts its control
// back at the file's value, and hands the focus to the next Undo, then, with none left, to
// the count of changes.
func DriveUndoOne(t *testing.T, origin string, oracle func(sets []string) Answer) {
	s := startAt(t, origin, 1280, 900, 3*time.Minute)
	hash := "#scenario=teaching-two-party"
	for _, set := range UndoSets {
		hash += "&set=" + url.QueryEscape(set)
	}
	s.do(chromedp.Navigate(origin + hash))
	s.settled()
	s.expect("both changes", oracle(UndoSets))
	said := evalJS[[]string](s, `[...document.querySelectorAll("#changed li")].map((li) => li.textContent.replace(/\s+/g, " ").trim())`)
	want := []string{"Candidate: reservation (what no deal is worth): 0.5 → 0.6 Undo", "Employer: red line on Salary: the options Employer can accept: no longer High band (high) Undo"}
	if !slices.Equal(said, want) {
		t.Errorf("the list of changes says %q, want %q", said, want)
	}
	if len(said) == 0 {
		t.FailNow()
	}

	undo := func(first string) {
		t.Helper()
		before := evalJS[string](s, `location.hash`)
		s.do(chromedp.Focus(chromedp.CSS(`#changed li:first-child button`)))
		if got := evalJS[string](s, `document.activeElement.getAttribute("aria-label")`); !strings.HasPrefix(got, "Undo: "+first) {
			t.Fatalf("the first Undo is named %q, want it to name %s", got, first)
		}
		s.do(chromedp.KeyEvent(kb.Enter))
		if _, err := chromedp.Run(s.ctx, chromedp.Poll[bool](`location.hash !== `+strconv.Quote(before), chromedp.WithPollingTimeout(10*time.Second))); err != nil {
			t.Fatalf("Undo of %s left the address at %s", first, before)
		}
		s.settled()
	}

	undo("Candidate: reservation")
	if got := s.hashSets(); !slices.Equal(got, UndoSets[1:]) {
		t.Errorf("after the first Undo the link holds %v, want %v", got, UndoSets[1:])
	}
	s.expect("the red line alone", oracle(UndoSets[1:]))
	reservation := `.control[data-path="actors.candidate.reservation"]`
	if v := evalJS[string](s, `document.querySelector('`+reservation+` input').value + " " + document.querySelector('`+reservation+` output').textContent`); v != "0.5 0.5" {
		t.Errorf("after its Undo the candidate's reservation slider and its number read %q, want the file's 0.5", v)
	}
	if evalJS[bool](s, `document.querySelector('`+reservation+`').classList.contains("changed")`) {
		t.Error("after its Undo the candidate's reservation is still marked changed")
	}
	if got := evalJS[string](s, `document.activeElement.getAttribute("aria-label") || document.activeElement.id`); !strings.HasPrefix(got, "Undo: Employer") {
		t.Errorf("after the first Undo the focus is on %q, want the next change's Undo", got)
	}

	undo("Employer: red line on Salary")
	if got := s.hashSets(); len(got) > 0 {
		t.Errorf("after both Undos the link holds %v", got)
	}
	s.expect("the file as it is", oracle(nil))
	if got := evalJS[string](s, `document.activeElement.id + ": " + document.activeElement.textContent`); got != "changes: No changes yet." {
		t.Errorf("with no change left the focus is on %q, want the count of changes saying there is none", got)
	}
	if n := evalJS[int](s, `document.querySelectorAll("#changed li").length + (document.getElementById("changed").hidden ? 0 : 100)`); n != 0 {
		t.Errorf("with no change left the list of changes shows (%d items, +100 if shown)", n)
	}
	if !evalJS[bool](s, `document.querySelector('.control[data-path="actors.employer.preferences.salary.acceptable"] input[value="high"]').checked`) {
		t.Error("after its Undo the employer's box for the high band is not ticked again")
	}
	s.checkConsole()
}
