package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/negsim/negsim/config"
	"github.com/negsim/negsim/internal/textpos"
	"github.com/negsim/negsim/sim"
)

// playedAsRecorded replays a transcript's moves on the scenario it is scored on and refuses
// a transcript that says something else than its moves give. A session is its moves (the
// same moves give the same transcript, byte for byte), so a difference is a hand edit or
// another version of the scenario; score and debrief would otherwise rank an edited deal as
// the table's, or a deal no one at the table agreed. The error names the file, the line and
// the field, as a scenario's errors do. A transcript of another scenario is left to
// playedDeal, which says so by name.
func (a *app) playedAsRecorded(path string, data []byte, rec *playRecord, doc *config.Document) error {
	if rec.Scenario != doc.Scenario.Name {
		return nil
	}
	spots, err := jsonSpots(data)
	if err != nil {
		return usagef("%s: not a transcript of negsim play: %v", path, err)
	}
	at := func(field string) string {
		return fmt.Sprintf("%s:%d: %s", path, spots.line(field), field)
	}
	sp, ctx, cancel := a.search(doc)
	defer cancel()
	g, err := sim.NewGame(ctx, sp, sim.PlayOptions{Seat: rec.Seat, Coach: rec.Coach, Seed: rec.Seed, Workers: a.settings.Workers})
	var me *sim.MoveError
	if errors.As(err, &me) {
		return usagef("%s: %v", at("seat"), me)
	} else if err != nil {
		return a.fileFault(doc.Name, err)
	}
	for i, m := range rec.Moves {
		field := fmt.Sprintf("moves.%d.move", i)
		if g.Over() {
			return usagef("%s: the talks were over before this move; the transcript was edited after the session", at(field))
		}
		if _, err := g.Move(ctx, m); errors.As(err, &me) {
			return usagef("%s: %s: %v; the transcript was edited after the session", at(field), m.Move, me)
		} else if err != nil {
			return a.fileFault(doc.Name, err)
		}
	}
	if !g.Over() && rec.Ended == sim.EndStopped {
		// Ctrl-C or --timeout ended the session between two moves; Stop fails only on a
		// broken move, which a replay that has come this far has not made.
		if err := g.Stop(rec.StoppedBy); err != nil {
			return err
		}
	}
	if !g.Over() {
		return usagef("%s: the moves stop before the talks end (a session ends by agreement, the deadline, quit, Ctrl-C or --timeout); the transcript was cut or edited after the session", at("moves"))
	}
	replayed := playRecord{File: rec.File, Variant: rec.Variant, Set: rec.Set, PlayTranscript: g.Transcript()}
	want, err := jsonSpotsOf(replayed)
	if err != nil {
		return err
	}
	field, says, gives, differ := spots.comparable(want).firstDifference(want.comparable(spots))
	if !differ {
		return nil
	}
	return usagef("%s: the transcript says %s, but its moves give %s: it was edited after the session, or the scenario has changed since; score the transcript negsim play wrote",
		at(field), says, gives)
}

// playedElsewhere words the failure to open FILE under a transcript's what-if when FILE
// holds another scenario: the transcript's variant or --set, which the person never typed,
// would otherwise be blamed ("accord.yaml: --variant sanctions-bite: no variant") for what
// is a transcript of another scenario. Any other failure is returned as it was.
func (a *app) playedElsewhere(file, path string, rec *playRecord, err error) error {
	if _, variant := playedOn(rec); err == nil || file == "" || (variant == "" && len(rec.Set) == 0) {
		return err
	}
	doc, plainErr := a.openScenario(file, whatIf{})
	if plainErr != nil || doc.Scenario.Name == rec.Scenario {
		return err
	}
	return playedOnAnother(path, rec, doc.Scenario.Name)
}

// jsonValue is one value of a JSON document at its path (object keys and list indices
// joined by dots) with the line it starts on.
type jsonValue struct {
	path string
	line int
	// text is a scalar's JSON text; "" for an object or a list.
	text string
}

type jsonValues []jsonValue

// jsonSpotsOf is jsonSpots of v as JSON.
func jsonSpotsOf(v any) (jsonValues, error) {
	data, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	return jsonSpots(data)
}

// jsonSpots lists every value of a JSON document in the order it is written.
func jsonSpots(data []byte) (jsonValues, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var out jsonValues
	lines := textpos.New(data)
	lineAt := func() int {
		pos := int(dec.InputOffset())
		for pos < len(data) && strings.IndexByte(" \t\r\n,:", data[pos]) >= 0 {
			pos++
		}
		return lines.Line(int64(pos))
	}
	var value func(path string) error
	value = func(path string) error {
		line := lineAt()
		tok, err := dec.Token()
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case json.Delim:
			at := len(out)
			out = append(out, jsonValue{path: path, line: line})
			i := 0
			for ; dec.More(); i++ {
				step := strconv.Itoa(i)
				if t == '{' {
					key, err := dec.Token()
					if err != nil {
						return err
					}
					step = fmt.Sprint(key)
				}
				if err := value(joinPath(path, step)); err != nil {
					return err
				}
			}
			// A list's length is part of what it says: a round cut from a transcript
			// changes it, though every round left matches.
			if t == '[' {
				out[at].text = fmt.Sprintf("a list of %d", i)
			}
			_, err = dec.Token()
			return err
		case json.Number:
			// Numbers compare by value: 0.5 and 5e-1 are one number.
			f, err := t.Float64()
			if err != nil {
				return err
			}
			out = append(out, jsonValue{path: path, line: line, text: strconv.FormatFloat(f, 'g', -1, 64)})
		default:
			text, _ := json.Marshal(t)
			out = append(out, jsonValue{path: path, line: line, text: string(text)})
		}
		return nil
	}
	if err := value(""); err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, fmt.Errorf("more than one JSON value")
	}
	return out, nil
}

func joinPath(path, step string) string {
	if path == "" {
		return step
	}
	return path + "." + step
}

// line is the line of the value at path, or of its nearest enclosing value written; 1 for
// a path outside the document.
func (vs jsonValues) line(path string) int {
	at := vs.byPath()
	for p := path; ; p = parentPath(p) {
		if v, ok := at[p]; ok {
			return max(v.line, 1)
		}
		if p == "" {
			return 1
		}
	}
}

func (vs jsonValues) byPath() map[string]jsonValue {
	at := make(map[string]jsonValue, len(vs))
	for _, v := range vs {
		at[v.path] = v
	}
	return at
}

func parentPath(p string) string {
	if i := strings.LastIndex(p, "."); i >= 0 {
		return p[:i]
	}
	return ""
}

// wordsOnly are the fields of a transcript that word a value rather than make it: a name
// or a why the teacher corrects in the scenario after the session changes no move, number
// or deal, and the transcript still scores.
var wordsOnly = map[string]bool{"name": true, "why": true, "source": true, "note": true, "stance": true, "description": true}

// comparable keeps the values that other holds too, words aside: a transcript written by an
// earlier release lacks the fields added since, and one by a later release holds fields
// this one does not know; neither changes what the moves gave.
func (vs jsonValues) comparable(other jsonValues) jsonValues {
	at := other.byPath()
	var out jsonValues
	for _, v := range vs {
		if _, ok := at[v.path]; ok && !wordsOnly[v.path[strings.LastIndex(v.path, ".")+1:]] {
			out = append(out, v)
		}
	}
	return out
}

// firstDifference is the first value, in the order got writes them, that want does not
// hold the same, then the first value of want that got lacks; says and gives word each
// side ("nothing" for a value absent).
func (got jsonValues) firstDifference(want jsonValues) (path, says, gives string, differ bool) {
	gotAt, wantAt := got.byPath(), want.byPath()
	word := func(v jsonValue, ok bool) string {
		switch {
		case !ok:
			return "nothing"
		case v.text == "":
			return "a list or a group of fields"
		}
		return v.text
	}
	for _, g := range got {
		w, ok := wantAt[g.path]
		if !ok || w.text != g.text {
			return g.path, word(g, true), word(w, ok), true
		}
	}
	for _, w := range want {
		if _, ok := gotAt[w.path]; !ok {
			return w.path, "nothing", word(w, true), true
		}
	}
	return "", "", "", false
}
