package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/mattn/go-runewidth"
	"github.com/spf13/cobra"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"

	"github.com/negsim/negsim/api"
	"github.com/negsim/negsim/config"
	"github.com/negsim/negsim/scenarios"
	"github.com/negsim/negsim/sim"
)

func (a *app) playCommand() *cobra.Command {
	var seat, transcript string
	var coach bool
	var seed uint64
	var w whatIf
	cmd := &cobra.Command{
		Annotations: writesFormats("play is a conversation in text; --transcript FILE.json writes the session as JSON", "table"),
		Use:         "play [FILE] --as ACTOR",
		Short:       "Take one actor's seat at the table and negotiate against the model's agents",
		Long: `play seats you at the table as ACTOR. Every other actor is the model's agent and
negotiates as in 'negsim rounds': by its strategy, answering by its own values; the
protocol, the deadline, the drift and the events are the scenario's.

Each round you see what ACTOR would know: the round and the deadline, the proposal on the
table and what it is worth to you in points (utility × 100), and which of the others
accept it. 'show' prints your role brief: your points for every option, your red lines
and your walk-away value. With --coach you also see your surplus over your walk-away
value and any red line the proposal crosses.

Commands, one per line:
  accept                      accept the proposal on the table
  reject                      reject it
  offer issue=option,...      propose a deal on your turn (alternating talks, or as the
                              mediator), or answer a proposal with a counter offer
                              (alternating talks)
  show                        your role brief
  score issue=option,...      what a deal would be worth to you; score issue=option
                              alone: the points that option adds to any deal
  help                        the commands
  quit                        leave the table: with a veto, the talks end without
                              agreement; without one, the others talk on without you

A round in which nothing is put on the table (the mediator, or the party whose turn it
is, finds no deal within every party's red lines) passes without a move for you, and
play says why. If that leaves you no move at all, play says so first and suggests what
would give you one: alternating offers, or a variant in which you have a move (a
--timeout that ends the search for those variants cuts the list short, and play says so).

Moves come from standard input, so a file of moves replays a session:
  negsim play --as ukraine < moves.txt
The end of the input quits. A mistyped move is answered with a suggestion and costs
nothing. At the end play shows the outcome, every actor's points and surplus, and how
the deal compares with the Nash deal and the Pareto frontier; --transcript writes the
session as JSON, which 'score --transcript' and 'debrief --transcripts' read. A transcript
that can no longer be written there at the end is kept in the temporary folder instead,
and play says where.

play waits for you as long as you like: --timeout bounds the work between two of your
moves, and Ctrl-C stops the session at once. When either stops it, --transcript writes the
moves made so far, marked as stopped and by which, and score and debrief count the session
as no agreement that no one chose; a second Ctrl-C ends negsim at once. The session is
a conversation in text: --format json or csv on the command line is refused (write the
session as JSON with --transcript); a format from NEGSIM_FORMAT or a settings file is
left aside.`,
		Example: `  negsim play --as ukraine
  negsim play --variant sanctions-bite --as ukraine --coach --transcript ukraine.json
  negsim play teaching-two-party --as employer < moves.txt`,
		Args: args(cobra.MaximumNArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			if seat == "" {
				return usagef("--as ACTOR is required: the actor whose seat you take")
			}
			return a.play(argOr(args), w, playFlags{seat: seat, coach: coach, seed: seed, transcript: transcript})
		},
	}
	cmd.Flags().StringVar(&seat, "as", "", "the actor you play (an actor id)")
	cmd.Flags().BoolVar(&coach, "coach", false, "show your surplus and the red lines a proposal crosses")
	cmd.Flags().Uint64Var(&seed, "seed", 0, "random seed, recorded in the transcript; the agents use no randomness today")
	cmd.Flags().StringVar(&transcript, "transcript", "", "write the session to FILE.json at the end, or the moves so far at Ctrl-C or --timeout")
	w.register(cmd)
	return cmd
}

type playFlags struct {
	seat, transcript string
	coach            bool
	seed             uint64
}

// playRecord is a transcript as written to a file; the page's Play view downloads the same.
type playRecord = api.PlayRecord

// writable checks before the session that its transcript can be written at the end: not
// over a folder, a read-only file, a device or the file the scenario came from, and into a
// folder that exists, or can be made, and lets this user create a file. A student told only after the last
// round would lose the session.
func (a *app) writable(path string) error {
	if isDir(path) {
		return usagef("--transcript %s is a directory; name a file", path)
	}
	// A missing folder is created when the transcript is written, as for any output; to
	// find out now whether it can be, it is created and removed again.
	created, err := makeFolder(filepath.Dir(path))
	if err != nil {
		return usagef("--transcript: %v", writeError(path, err))
	}
	if created != "" {
		defer os.RemoveAll(created)
	}
	target, err := a.checkTarget(path)
	if err != nil {
		return usagef("--transcript: %v", err)
	}
	// The transcript is written beside its target and renamed into place, so the folder
	// must let a file be created there; one is created and removed to find out.
	probe, err := createTemp(filepath.Dir(target), filepath.Base(target), true)
	if err != nil {
		return usagef("--transcript: %v", writeError(path, err))
	}
	probe.Close()
	return os.Remove(probe.Name())
}

// step is the context of the work between two moves: --timeout bounds it, Ctrl-C ends it.
func (a *app) step() (context.Context, context.CancelFunc) { return a.bounded(a.interrupt, 1) }

// bounded is parent under --timeout for each of steps steps, when one is given.
func (a *app) bounded(parent context.Context, steps int) (context.Context, context.CancelFunc) {
	if a.settings.Timeout > 0 {
		return context.WithTimeout(parent, time.Duration(steps)*a.settings.Timeout)
	}
	return context.WithCancel(parent)
}

func (a *app) play(file string, w whatIf, f playFlags) error {
	doc, err := a.openScenario(file, w)
	if err != nil {
		return err
	}
	sc := doc.Scenario
	if _, err := actorArg("--as", f.seat, sc, doc.Name); err != nil {
		return err
	}
	if f.transcript != "" {
		if err := a.writable(f.transcript); err != nil {
			return err
		}
	}
	sp := a.compile(doc)
	ctx, cancel := a.step()
	g, err := sim.NewGame(ctx, sp, sim.PlayOptions{Seat: f.seat, Coach: f.coach, Seed: f.seed, Workers: a.settings.Workers})
	cancel()
	var seatErr *sim.MoveError
	if errors.As(err, &seatErr) {
		return usagef("--as %s: %v", f.seat, seatErr)
	}
	if err := a.fileFault(doc.Name, err); err != nil {
		return err
	}
	a.warnRun(doc, g.Transcript().Notes())
	s := &session{app: a, sc: sc, g: g, wd: words{sc}, echo: !isTerminal(a.stdin), width: a.outputWidth()}
	if g.Idle() {
		ctx, cancel := a.step()
		s.movesIn, err = sim.VariantsWithMoves(ctx, sc, sc.Variants, f.seat, a.settings.Workers)
		cancel()
		// The variants are a suggestion: when --timeout ends their search, the session goes
		// on with those found so far, and says the search was cut short.
		if errors.Is(err, context.DeadlineExceeded) && a.interrupt.Err() == nil {
			s.movesSearchCut, err = true, nil
		}
		if err := a.fileFault(doc.Name, err); err != nil {
			return err
		}
	}
	s.intro(w.variant)
	s.heard(g.View().Heard)
	if err := s.loop(); err != nil {
		return s.cutShort(err, sp, file, w, f.transcript)
	}
	s.ending()
	if f.transcript == "" {
		return nil
	}
	// The session has outlived the command's own --timeout; writing is the last step.
	ctx, cancel = a.step()
	defer cancel()
	score, err := a.writeTranscript(ctx, file, w, f.transcript, g.Transcript())
	if err != nil {
		return err
	}
	// Without a deal, score reads the session as no agreement: there is no deal to score.
	scored := "the deal"
	if g.Transcript().Outcome.Deal == nil {
		scored = "the session"
	}
	fmt.Fprintf(a.stdout, "\n%s\n", fitLine(fmt.Sprintf("The transcript is in %s: %s scores %s.", f.transcript, score, scored), s.width))
	return nil
}

// cutShort ends a session that err broke off before the talks did. Ctrl-C, or --timeout
// ending the agents' work between two moves, stops it: with --transcript the moves made
// so far are written, marked as stopped and by which, rather than lost, so that a student
// whose session ends badly after twenty minutes keeps them. Any other error is returned
// as it is.
func (s *session) cutShort(err error, sp *sim.Space, file string, w whatIf, path string) error {
	by, why := sim.StopInterrupt, "interrupted"
	switch {
	case path == "":
		return err
	case s.interrupt.Err() != nil:
	case errors.Is(err, context.DeadlineExceeded):
		by, why = sim.StopTimeout, fmt.Sprintf("stopped after the --timeout of %s", durationAsTyped(s.settings.Timeout))
	default:
		return err
	}
	ctx, cancel := s.resumption()
	defer cancel()
	g := s.g
	if err := g.Stop(by); err != nil {
		// The move was broken off half-way: the session is the moves before it.
		if g, err = sim.ResumeGame(ctx, sp, s.g.State(), s.settings.Workers); err != nil {
			return err
		}
		if err := g.Stop(by); err != nil {
			return err
		}
	}
	score, err := s.writeTranscript(ctx, file, w, path, g.Transcript())
	if err != nil {
		return fmt.Errorf("%s in round %d; %w", why, g.Transcript().Outcome.Round, err)
	}
	return fmt.Errorf("%s in round %d; the moves so far are in %s, marked as stopped: %s reads it", why, g.Transcript().Outcome.Round, path, score)
}

// resumption is the context a stopped session is rebuilt and written under. Ctrl-C has
// ended the session's own context, so it runs under --timeout alone (a second Ctrl-C ends
// the process). Rebuilding replays every move, each of whose work finished within
// --timeout: it is given one --timeout for the start and each move, and one for the
// writing, where a single one would cut off the replay of a long session and lose it.
func (s *session) resumption() (context.Context, context.CancelFunc) {
	return s.bounded(context.WithoutCancel(s.interrupt), len(s.g.State().Moves)+2)
}

// writeTranscript writes a session to path and returns the command that scores it. The
// session is nowhere else: when path cannot be written at the end, though it could be at
// the start (the folder replaced, the disk full, the file held by another program), the
// session is kept in the temporary folder instead, and the error says where.
func (a *app) writeTranscript(ctx context.Context, file string, w whatIf, path string, tr *sim.PlayTranscript) (string, error) {
	if file == "" {
		file = scenarios.Default
	}
	// FILE#VARIANT is recorded as the file and the variant it names, as --variant would be
	// (openScenario has refused the two when they disagree).
	variant := w.variant
	if f, v, ok := fileAndVariant(file); ok {
		file, variant = f, v
	}
	rec := playRecord{File: file, Variant: variant, Set: w.sets, PlayTranscript: tr}
	a.ctx = ctx
	render := func(w io.Writer) error { return writeJSON(w, rec) }
	// Private: the transcript holds every actor's values, as confidential as a role sheet.
	if err := a.writeFile(path, true, render); err != nil {
		kept, keepErr := keepAside(path, render)
		if keepErr != nil {
			return "", err
		}
		return "", fmt.Errorf("%w; the session is kept in %s instead: %s reads it", err, kept, a.scoreTranscriptCommand(kept))
	}
	return a.scoreTranscriptCommand(path), nil
}

// scoreTranscriptCommand is the command that scores the transcript at path.
func (a *app) scoreTranscriptCommand(path string) string {
	score := "negsim score --transcript " + api.CommandWord(path)
	// Every round is recorded, and thousands of them outgrow what negsim reads by default:
	// the command to score it says how much to read.
	if info, err := os.Stat(path); err == nil && info.Size() > a.settings.MaxFileSize {
		score += fmt.Sprintf(" --max-file-size %d", info.Size())
	}
	return score
}

// keepAside writes a transcript that could not be written to path as a new file of the
// temporary folder, named after path and readable by this user alone, and returns its name.
func keepAside(path string, render func(io.Writer) error) (string, error) {
	ext := filepath.Ext(path)
	f, err := os.CreateTemp("", "negsim-"+strings.TrimSuffix(filepath.Base(path), ext)+"-*"+ext)
	if err != nil {
		return "", err
	}
	if err := errors.Join(render(f), f.Sync(), f.Close()); err != nil {
		os.Remove(f.Name())
		return "", err
	}
	return f.Name(), nil
}

// session is the conversation with the person at the seat.
type session struct {
	*app
	sc *sim.Scenario
	g  *sim.Game
	wd words
	// echo repeats each line read after the prompt, so that a replayed file of moves reads
	// as the session it was.
	echo bool
	// width is the terminal's (or --width), which the session's lines and tables fit; 0 in a
	// pipe or a file, which get them whole, as every command's output.
	width int
	// reservation is the seat's walk-away value as last shown.
	reservation float64
	// movesIn are the scenario's variants in which the seat has a move, found only for a
	// session that gives it none; movesSearchCut says that --timeout ended the search
	// before it had tried every variant.
	movesIn        []string
	movesSearchCut bool
	// lastNoText is why nothing was on the table in the last round reported, so that the
	// same reason is not repeated round after round.
	lastNoText string
	// lastBy made the last proposal reported, and lastProposal names it as the session
	// did ("your counter offer"): a deal put on the table unchanged is the same as that one,
	// which its new proposer may never have offered itself.
	lastBy, lastProposal string
	// offerWorth is what the seat's offer being answered is worth to it, for the coach.
	offerWorth *sim.Worth
}

func (s *session) say(format string, args ...any) {
	lines := strings.Split(fmt.Sprintf(format, args...), "\n")
	for i, line := range lines {
		lines[i] = fitLine(line, s.width)
	}
	fmt.Fprintln(s.stdout, strings.Join(lines, "\n"))
}

// fitLine breaks a line of the session at spaces to width (0: left whole). An indented
// line set out in columns (help's commands, a deal's issues) continues under its second
// column; other lines as prose does, a list item under its text.
func fitLine(line string, width int) string {
	if width <= 0 || runewidth.StringWidth(line) <= width {
		return line
	}
	body := strings.TrimLeft(line, " ")
	lead := line[:len(line)-len(body)]
	if lead == "" {
		return wrapProse(line, width)
	}
	head, rest := "", body
	if i := strings.Index(body, "  "); i > 0 {
		rest = strings.TrimLeft(body[i:], " ")
		head = body[:len(body)-len(rest)]
	}
	hang := runewidth.StringWidth(lead + head)
	if hang > width/2 {
		hang = len(lead)
		if head != "" {
			// Too little room is left beside the first column: the first column keeps a
			// line of its own and the words go under it, a step in, where run on after
			// it "accept  accept the proposal" read "accept accept the proposal".
			hang += 2
			head = strings.TrimRight(head, " ") + "\n" + strings.Repeat(" ", hang)
		}
	}
	words := wrapWords(rest, width-hang)
	words[0] = lead + head + words[0]
	return strings.Join(words, "\n"+strings.Repeat(" ", hang))
}

func (s *session) name(id string) string { return actorName(s.sc, id) }

// loop reads commands until the talks end, the person quits or the input ends.
func (s *session) loop() error {
	lines := make(chan inputLine)
	readErr := make(chan error, 1)
	done := make(chan struct{})
	defer close(done)
	go func() {
		defer close(lines)
		in := s.stdin
		if s.echo {
			in = movesText(in)
		}
		br := bufio.NewReader(in)
		for {
			line, err := readMoveLine(br)
			if err != nil {
				readErr <- err
				return
			}
			select {
			case lines <- line:
			case <-done:
				return
			}
		}
	}()
	for !s.g.Over() {
		v := s.g.View()
		s.turn(v)
		for {
			fmt.Fprint(s.stdout, "> ")
			var in inputLine
			var ok bool
			select {
			case <-s.interrupt.Done():
				fmt.Fprintln(s.stdout)
				return s.interrupt.Err()
			case in, ok = <-lines:
			}
			if !ok {
				if s.hungUp() {
					return s.interrupt.Err()
				}
				if err := <-readErr; err != io.EOF {
					return fmt.Errorf("reading the moves: %w", err)
				}
				s.say("quit (end of input)")
				return s.move(sim.Move{Move: sim.MoveQuit})
			}
			// A pasted page costs nothing, as a mistyped move does: the session goes on.
			if in.tooLong {
				s.say("(a line of more than 1 MiB, not read) That is not a move: give one command a line.")
				continue
			}
			line := in.text
			if s.echo {
				// A moves file is echoed as text: an escape sequence in it would be obeyed
				// by the terminal (clearing the teacher's screen), not shown.
				shown := line
				if config.ControlCharacter(line) != "" {
					shown = strconv.Quote(line)
				}
				// A move is echoed whole, however wide: pasted back, it is the move typed. A
				// line longer than any move (an offer on the reference scenario is some 300
				// characters) is a page pasted by mistake, and is echoed as it is answered,
				// shortened.
				if utf8.RuneCountInString(shown) > maxEchoed {
					shown = sim.Shorten(shown)
				}
				fmt.Fprintln(s.stdout, shown)
			}
			moved, err := s.command(line)
			if err != nil {
				return err
			}
			if moved {
				break
			}
		}
	}
	return nil
}

// maxEchoed is the longest line a moves file has echoed whole.
const maxEchoed = 4096

// maxMoveLine is the longest line of input read as a command; a longer one is skipped.
const maxMoveLine = 1 << 20

// inputLine is one line of the moves, without its line ending; tooLong marks a line longer
// than maxMoveLine, whose text is not kept.
type inputLine struct {
	text    string
	tooLong bool
}

// readMoveLine reads the next line as bufio.Scanner's lines are read (a last line without
// an ending counts, "\r\n" ends one as "\n" does), but a line longer than maxMoveLine is
// read to its end and reported as such rather than ending the input: a page pasted by
// mistake would otherwise end the session, and with it the transcript.
func readMoveLine(br *bufio.Reader) (inputLine, error) {
	var kept []byte
	var n int
	for {
		chunk, err := br.ReadSlice('\n')
		n += len(chunk)
		if n <= maxMoveLine+2 { // room for the "\r\n" a line ends with
			kept = append(kept, chunk...)
		}
		switch {
		case err == bufio.ErrBufferFull:
			continue
		case err == io.EOF && n > 0:
			err = nil
		case err != nil:
			return inputLine{}, err
		}
		text := strings.TrimSuffix(strings.TrimSuffix(string(kept), "\n"), "\r")
		if n > maxMoveLine+2 || len(text) > maxMoveLine {
			return inputLine{tooLong: true}, nil
		}
		return inputLine{text: text}, nil
	}
}

// movesText reads a file of moves as text. Saved by Windows Notepad it begins with a
// byte-order mark, and saved as "Unicode" it is UTF-16: read as it was, its first move was
// refused and every move after it answered the turn before. The mark says how to read the
// rest, and is dropped. Only the first two bytes are waited for (three after the start of
// UTF-8's mark), so that a program feeding moves one at a time is answered at once.
func movesText(r io.Reader) io.Reader {
	br := bufio.NewReader(r)
	switch mark, _ := br.Peek(2); string(mark) {
	case "\xff\xfe", "\xfe\xff":
		return transform.NewReader(br, unicode.BOMOverride(transform.Nop))
	case "\xef\xbb":
		if mark, _ := br.Peek(3); string(mark) == "\ufeff" {
			br.Discard(3)
		}
	}
	return br
}

// hungUp reports whether a terminal's input ended because its window closed. The input
// ends, or fails, a moment before the hang-up signal arrives; taken for the end of a moves
// file, it would record the person as quitting, or lose the session to a read error.
func (s *session) hungUp() bool {
	if s.echo { // a moves file or a pipe, not a terminal
		return false
	}
	select {
	case <-s.interrupt.Done():
		return true
	case <-time.After(hangUpWait):
		return false
	}
}

// hangUpWait is how long a terminal's ended input waits for the hang-up that may follow:
// ample for a signal already on its way, short beside a person's Ctrl-D.
const hangUpWait = 500 * time.Millisecond

// command runs one line; true when it was a move the game took.
func (s *session) command(line string) (bool, error) {
	word, rest, _ := strings.Cut(strings.TrimSpace(line), " ")
	word, rest = strings.ToLower(word), strings.TrimSpace(rest)
	switch word {
	case "":
		return false, nil
	case "help", "?":
		s.help()
		return false, nil
	case "show":
		b := s.g.Brief()
		r := &report{}
		for _, sec := range roleSections(s.wd, b.Role, "score issue=option,... says whether it does") {
			r.add(sec)
		}
		return false, sized(s.width, func(w io.Writer) error { return r.write(w, "table") })(s.stdout)
	case "score":
		s.scoreDeal(rest)
		return false, nil
	case string(sim.MoveAccept), string(sim.MoveReject), string(sim.MoveOffer), string(sim.MoveQuit):
		err := s.move(sim.Move{Move: sim.MoveKind(word), Deal: rest})
		var me *sim.MoveError
		if errors.As(err, &me) {
			s.say("%s", me.Msg)
			return false, nil
		}
		return err == nil, err
	}
	hint := sim.DidYouMean(word, []string{"accept", "reject", "offer", "show", "score", "help", "quit"})
	if meant, ok := playSynonyms[word]; ok {
		hint = fmt.Sprintf(" did you mean %q?", meant)
	}
	s.say("no command %q;%s type help for the commands", sim.Shorten(word), hint)
	return false, nil
}

// playSynonyms are the words a player types for a command by the everyday name of the
// move, too far in spelling for a did-you-mean: "propose" is offer.
var playSynonyms = map[string]string{
	"propose": "offer", "counter": "offer", "bid": "offer",
	"yes": "accept", "agree": "accept", "ok": "accept",
	"no": "reject", "decline": "reject", "refuse": "reject",
	"exit": "quit", "leave": "quit",
	"brief": "show",
}

func (s *session) move(m sim.Move) error {
	// The coach weighs the seat's own offer as it weighs the others': an offer counts as
	// accepted by the seat, so one across its red lines could be agreed unremarked. It is
	// weighed at the round it is made in, before the move takes the talks on.
	s.offerWorth = s.g.OfferWorth(m)
	ctx, cancel := s.step()
	defer cancel()
	v, err := s.g.Move(ctx, m)
	if err != nil {
		return s.fileFault(s.sc.Name, err)
	}
	s.heard(v.Heard)
	return nil
}
