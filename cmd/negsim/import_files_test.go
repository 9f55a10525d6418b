package main

import (
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/negsim/negsim/config"
)

// utf16LE is text as Windows Notepad's "Unicode" saves it: a byte-order mark, then two
// bytes a letter, the low one first.
func utf16LE(text string) string {
	var b strings.Builder
	b.WriteString("\xff\xfe")
	for _, u := range utf16.Encode([]rune(text)) {
		b.WriteByte(byte(u))
		b.WriteByte(byte(u >> 8))
	}
	return b.String()
}

// A GENIUS file saved by Notepad as "Unicode" (UTF-16 behind a byte-order mark, Windows
// line ends, its declaration saying so) imports as the same file saved as UTF-8 does. A
// GeniusWeb file in UTF-16 with no mark is named as such, with what to do; not "invalid
// UTF-8" or "invalid character 'ÿ'".
func TestImportReadsUTF16(t *testing.T) {
	web := `{"LinearAdditiveUtilitySpace": {"name": "x"}}`
	notepad := utf16LE(strings.ReplaceAll(`<?xml version="1.0" encoding="UTF-16"?>`+"\n"+cliBuyer, "\n", "\r\n"))
	utf8Dir := writeFiles(t, map[string]string{"shop.xml": cliDomain, "buyer.xml": cliBuyer})
	dir := writeFiles(t, map[string]string{"shop.xml": cliDomain, "buyer.xml": notepad, "web.json": utf16LE(web)[2:]})
	p := func(name string) string { return filepath.Join(dir, name) }
	want := runOK(t, "import", "genius", filepath.Join(utf8Dir, "shop.xml"), filepath.Join(utf8Dir, "buyer.xml"))
	got, errs, code := runNegsim(t, "import", "genius", p("shop.xml"), p("buyer.xml"))
	if code != exitOK || got != want {
		t.Errorf("UTF-16: exit %d, stderr %s; got\n%s\nwant, as from UTF-8,\n%s", code, errs, got, want)
	}
	_, errs, code = runNegsim(t, "import", "geniusweb", p("web.json"))
	if code != exitBadUse {
		t.Errorf("web.json: exit %d, want %d; stderr: %s", code, exitBadUse, errs)
	}
	wantContains(t, "stderr", errs, "web.json", "UTF-16 (little-endian)", "UTF-8")
}

// An export over a deadline other than the 20 rounds an import assumes reads back the
// same with --rounds: trade.yaml's drift is written as a discount factor over its rounds
// and comes back as the same drift.
func TestImportGeniusRoundsGivesTheDeadlineBack(t *testing.T) {
	dir := writeFiles(t, map[string]string{"thirds.yaml": `name: thirds
issues:
  - id: aid
    name: Aid
    options: [{id: "no"}, {id: "yes"}]
  - id: pact
    name: Pact
    options: [{id: "no"}, {id: "yes"}]
actors:
  - id: east
    name: East
    reservation: 0.4
    reservation_drift: -0.01
    preferences:
      aid: {weight: 1, utilities: {"no": 0, "yes": 1}}
      pact: {weight: 1, utilities: {"no": 1, "yes": 0}}
  - id: west
    name: West
    reservation: 0
    preferences:
      aid: {weight: 1, utilities: {"no": 1, "yes": 0}}
      pact: {weight: 1, utilities: {"no": 0, "yes": 1}}
protocol:
  rounds: 8
`})
	scenario := filepath.Join(dir, "thirds.yaml")
	out := filepath.Join(dir, "out")
	_, errs, code := runNegsim(t, "export", "genius", scenario, "-o", out)
	if code != exitOK {
		t.Fatal(errs)
	}
	wantContains(t, "export's warnings", errs, "protocol.rounds", "--rounds 8")
	files := []string{filepath.Join(out, "thirds.xml"), filepath.Join(out, "east.xml"), filepath.Join(out, "west.xml")}
	back := runOK(t, append([]string{"import", "genius", "--rounds", "8"}, files...)...)
	doc, err := config.Load("back.yaml", []byte(back))
	if err != nil {
		t.Fatal(err)
	}
	// 0.4 falls by 0.01 a round to 0.33 at round 7: the factor 0.825, spread over 8 rounds
	// again, is a drift of (0.33 − 0.4)/7 = −0.01.
	if a := doc.Scenario.Actors[0]; doc.Scenario.Protocol.Rounds != 8 || a.ReservationDrift < -0.01-1e-15 || a.ReservationDrift > -0.01+1e-15 {
		t.Errorf("rounds %d, drift %v; want 8 and −0.01", doc.Scenario.Protocol.Rounds, a.ReservationDrift)
	}
	_, errs, code = runNegsim(t, append([]string{"import", "genius", "--rounds", "1"}, files...)...)
	if code != exitBadUse || !strings.Contains(errs, "--rounds 1") || !strings.Contains(errs, "10000") {
		t.Errorf("--rounds 1: exit %d, %q; want exit 2 naming the range 2 to 10000", code, errs)
	}
}
