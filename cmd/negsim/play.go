package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/negsim/negsim/scenarios"
	"github.com/negsim/negsim/sim"
)

func (a *app) playCommand() *cobra.Command {
	var seat, transcript string
	var coach bool
	var seed uint64
	var w whatIf
	cmd := &cobra.Command{
		Use:   "play [FILE] --as ACTOR",
		Short: "Take one actor's seat at the table and negotiate against the model's agents",
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
  score issue=option,...      what a deal would be worth to you
  help                        the commands
  quit                        leave the table: the talks end without agreement

Moves come from standard input, so a file of moves replays a session:
  negsim play --as ukraine < moves.txt
The end of the input quits. A mistyped move is answered with a suggestion and costs
nothing. At the end play shows the outcome, every actor's points and surplus, and how
the deal compares with the Nash deal and the Pareto frontier; --transcript writes the
session as JSON, which 'score --transcript' and 'debrief --transcripts' read.

play waits for you as long as you like: --timeout bounds the work between two of your
moves, and Ctrl-C stops the session at once (no transcript is written). The session is
text whatever --format says; the transcript is JSON.`,
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
	cmd.Flags().StringVar(&transcript, "transcript", "", "write the session to FILE.json at the end")
	w.register(cmd)
	return cmd
}

type playFlags struct {
	seat, transcript string
	coach            bool
	seed             uint64
}

// playRecord is a transcript as written to a file: the session and the scenario setup it
// was played on, so that score and debrief can open the same scenario.
type playRecord struct {
	File    string   `json:"file"`
	Variant string   `json:"variant,omitempty"`
	Set     []string `json:"set,omitempty"`
	*sim.PlayTranscript
}

// writable checks before the session that its transcript can be written at the end: not
// over a folder, the file the scenario came from, or into a folder that does not exist.
func (a *app) writable(path string) error {
	if info, err := os.Stat(path); err == nil && info.IsDir() {
		return usagef("--transcript %s is a directory; name a file", path)
	}
	if info, err := os.Stat(filepath.Dir(path)); err != nil || !info.IsDir() {
		return usagef("--transcript %s: the directory %s does not exist", path, filepath.Dir(path))
	}
	return a.refuseInput(path)
}

// step is the context of the work between two moves: --timeout bounds it, Ctrl-C ends it.
func (a *app) step() (context.Context, context.CancelFunc) {
	if a.settings.Timeout > 0 {
		return context.WithTimeout(a.interrupt, a.settings.Timeout)
	}
	return context.WithCancel(a.interrupt)
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
	for _, warning := range g.Transcript().Warnings {
		fmt.Fprintf(a.stderr, "warning: %s: %s\n", doc.Name, warning)
	}
	s := &session{app: a, sc: sc, g: g, wd: words{sc}, echo: !isTerminal(a.stdin)}
	s.intro(w.variant)
	if err := s.loop(); err != nil {
		return err
	}
	s.ending()
	if f.transcript == "" {
		return nil
	}
	if file == "" {
		file = scenarios.Default
	}
	rec := playRecord{File: file, Variant: w.variant, Set: w.sets, PlayTranscript: g.Transcript()}
	// The session has outlived the command's own --timeout; writing is the last step.
	ctx, cancel = a.step()
	defer cancel()
	a.ctx = ctx
	if err := a.writeFile(f.transcript, false, func(w io.Writer) error { return writeJSON(w, rec) }); err != nil {
		return err
	}
	fmt.Fprintf(a.stdout, "\nThe transcript is in %s: negsim score --transcript %s scores the deal.\n", f.transcript, f.transcript)
	return nil
}

func isTerminal(r io.Reader) bool {
	f, ok := r.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
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
}

func (s *session) say(format string, args ...any) { fmt.Fprintf(s.stdout, format+"\n", args...) }

func (s *session) name(id string) string { return actorName(s.sc, id) }

func (s *session) intro(variant string) {
	v := s.g.View()
	title := fmt.Sprintf("You play %s in %q", v.SeatName, s.sc.Name)
	if variant != "" {
		title += fmt.Sprintf(" (variant %s)", variant)
	}
	s.say("%s.", title)
	if v.Protocol == sim.ProtocolMediated {
		if v.Mediator == v.Seat {
			s.say("Mediated talks, and you are the mediator: each round you put one text on the table (offer) and the others answer.")
		} else {
			mediator := "A neutral mediator"
			if v.Mediator != "" {
				mediator = s.name(v.Mediator)
			}
			s.say("Mediated talks: each round %s puts one text on the table; you accept or reject it.", mediator)
		}
	} else {
		s.say("Alternating offers: the parties propose in turn, in the file's order; you propose on your turn and may answer any proposal with a counter offer.")
	}
	agreed := "every party with a veto accepts"
	if n := s.sc.Decision.VotesNeeded; n > 0 {
		agreed += fmt.Sprintf(" and that wins %d votes", n)
	}
	for _, ac := range s.sc.Actors {
		if len(ac.Ratification.By) > 0 {
			agreed += " (and that is ratified at home where the scenario asks it)"
			break
		}
	}
	s.say("The other actors are the model's agents. The talks end at the first deal %s, or break down after round %d (rounds count from 0); then everyone keeps its walk-away value.", agreed, v.Deadline-1)
	if v.Veto {
		s.say("You hold a veto: there is no deal without your acceptance.")
	} else {
		s.say("You hold no veto: the others can settle without you.")
	}
	if s.sc.Decision.VotesNeeded > 0 {
		s.say("Your acceptance counts for %s.", plural(s.sc.Actors[s.sc.ActorIndex(v.Seat)].Votes, "vote", "votes"))
	}
	if by := s.sc.Actors[s.sc.ActorIndex(v.Seat)].Ratification.By; len(by) > 0 {
		s.say("A deal you agree must be ratified at home by %s.", joinWords(by, "and"))
	}
	s.say("Your walk-away value is %s points: a deal worth less leaves you worse off than no deal.", pts(v.Reservation))
	s.say("Type show for your brief (your points for every option and your red lines), help for the commands.")
}

// loop reads commands until the talks end, the person quits or the input ends.
func (s *session) loop() error {
	lines := make(chan string)
	readErr := make(chan error, 1)
	done := make(chan struct{})
	defer close(done)
	go func() {
		defer close(lines)
		sc := bufio.NewScanner(s.stdin)
		sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
		for sc.Scan() {
			select {
			case lines <- sc.Text():
			case <-done:
				return
			}
		}
		readErr <- sc.Err()
	}()
	reservation := -1.0
	for !s.g.Over() {
		v := s.g.View()
		s.turn(v, reservation)
		reservation = v.Reservation
		for {
			fmt.Fprint(s.stdout, "> ")
			var line string
			var ok bool
			select {
			case <-s.interrupt.Done():
				fmt.Fprintln(s.stdout)
				return s.interrupt.Err()
			case line, ok = <-lines:
			}
			if !ok {
				if err := <-readErr; errors.Is(err, bufio.ErrTooLong) {
					return usagef("a line of the input is longer than 1 MiB; give one command a line")
				} else if err != nil {
					return fmt.Errorf("reading the moves: %w", err)
				}
				s.say("quit (end of input)")
				return s.move(sim.Move{Move: sim.MoveQuit})
			}
			if s.echo {
				s.say("%s", line)
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
		for _, sec := range roleSections(s.wd, b.Role) {
			r.add(sec)
		}
		return false, r.write(s.stdout, "table")
	case "score":
		s.scoreDeal(rest)
		return false, nil
	case sim.MoveAccept, sim.MoveReject, sim.MoveOffer, sim.MoveQuit:
		err := s.move(sim.Move{Move: word, Deal: rest})
		var me *sim.MoveError
		if errors.As(err, &me) {
			s.say("%s", me.Msg)
			return false, nil
		}
		return err == nil, err
	}
	s.say("no command %q;%s type help for the commands", word, sim.DidYouMean(word, []string{"accept", "reject", "offer", "show", "score", "help", "quit"}))
	return false, nil
}

func (s *session) move(m sim.Move) error {
	ctx, cancel := s.step()
	defer cancel()
	v, err := s.g.Move(ctx, m)
	if err != nil {
		return s.fileFault(s.sc.Name, err)
	}
	s.heard(v.Heard)
	return nil
}

func (s *session) help() {
	v := s.g.View()
	s.say("Commands:")
	s.say("  accept                  accept the proposal on the table")
	s.say("  reject                  reject it")
	switch {
	case v.Protocol == sim.ProtocolAlternating:
		s.say("  offer issue=option,...  propose a deal on your turn, or answer a proposal with a counter offer")
	case v.Mediator == v.Seat:
		s.say("  offer issue=option,...  put your text on the table (you are the mediator)")
	}
	s.say("  show                    your brief: your points for every option, your red lines, your walk-away value")
	s.say("  score issue=option,...  what a deal would be worth to you")
	s.say("  help                    this list")
	s.say("  quit                    leave the table: the talks end without agreement")
	ids := make([]string, len(s.sc.Issues))
	for k, is := range s.sc.Issues {
		ids[k] = is.ID
	}
	s.say("A deal names one option for every issue: %s.", strings.Join(ids, ", "))
}

func (s *session) scoreDeal(text string) {
	choice, err := sim.ParseDeal(text, s.sc)
	if err != nil {
		s.say("%v", err)
		return
	}
	w := s.g.Worth(choice)
	s.say("Worth %s points to you. %s", pts(w.Utility), s.margin(w))
}

// margin says how a deal stands against the seat's walk-away value and red lines.
func (s *session) margin(w sim.Worth) string {
	var text string
	if w.Surplus >= -sim.Tolerance {
		text = fmt.Sprintf("%s points above your walk-away value of %s (surplus %s).", pts(max(0, w.Surplus)), pts(w.Reservation), signedPts(w.Surplus))
	} else {
		text = fmt.Sprintf("%s points below your walk-away value of %s (surplus %s).", pts(-w.Surplus), pts(w.Reservation), signedPts(w.Surplus))
	}
	var crossed []string
	for _, r := range w.Rejections {
		switch r.Kind {
		case sim.RejectRedLine:
			crossed = append(crossed, fmt.Sprintf("%s = %s", r.Issue, r.Option))
		case sim.RejectConstraint:
			crossed = append(crossed, "your condition: "+oneLine(r.Why))
		}
	}
	if len(crossed) > 0 {
		text += fmt.Sprintf(" It crosses your red lines: %s.", strings.Join(crossed, "; "))
	}
	if w.Ratified != nil && !*w.Ratified {
		text += " It would not be ratified at home."
	} else if w.Ratified != nil {
		text += " It would be ratified at home."
	}
	return text
}

// turn shows the seat what it may know at its turn.
func (s *session) turn(v *sim.PlayView, lastReservation float64) {
	s.say("")
	s.say("== Round %d (the last is round %d) ==", v.Round, v.Deadline-1)
	for _, why := range v.Events {
		s.say("Event: %s.", strings.TrimSuffix(oneLine(why), "."))
	}
	if lastReservation >= 0 && v.Reservation != lastReservation {
		s.say("Your walk-away value is now %s points.", pts(v.Reservation))
	}
	if v.Turn == sim.TurnOffer {
		if v.Protocol == sim.ProtocolMediated {
			s.say("You are the mediator: put a text on the table with offer issue=option,... (one option for every issue; show lists them).")
		} else {
			s.say("Your turn to propose: offer issue=option,... (one option for every issue; show lists them).")
		}
		return
	}
	p := v.Proposal
	if len(p.Changed) == 0 {
		s.say("%s puts the same deal on the table again.", s.name(p.By))
	} else {
		s.say("%s puts this on the table (* changed since the last proposal):", s.name(p.By))
		s.deal(p.Options, p.Changed)
	}
	s.say("Worth %s points to you.", pts(p.Utility))
	if v.Coach != nil {
		s.say("Coach: %s", s.margin(*v.Coach))
	}
	var yes, no []string
	holdsOut := false
	for _, ac := range s.sc.Actors {
		switch {
		case ac.ID == v.Seat:
		case slices.Contains(v.AcceptedBy, ac.ID):
			yes = append(yes, ac.Name)
		case ac.ID == p.By:
			// A proposer offers the best it can when nothing within everyone's red lines
			// meets what it asks for now, and does not accept that itself.
			holdsOut = true
		default:
			no = append(no, ac.Name)
		}
	}
	if len(yes)+len(no) > 0 {
		s.say("Accepted so far by: %s. Rejected by: %s.", orNone(yes), orNone(no))
	}
	if holdsOut {
		s.say("%s does not accept its own proposal yet: it asks for more than it offers.", s.name(p.By))
	}
	moves := "accept or reject"
	if v.CanCounter {
		moves = "accept, reject, or offer issue=option,... as a counter"
	}
	s.say("Your move: %s.", moves)
}

func orNone(names []string) string {
	if len(names) == 0 {
		return "no one"
	}
	return joinWords(names, "and")
}

func (s *session) deal(options map[string]string, changed []string) {
	width := 0
	for _, is := range s.sc.Issues {
		width = max(width, len(is.ID))
	}
	for _, is := range s.sc.Issues {
		mark := " "
		if slices.Contains(changed, is.ID) {
			mark = "*"
		}
		s.say("  %s %-*s  %s", mark, width, is.ID, s.wd.option(is.ID, options[is.ID]))
	}
}

// heard reports the answers to the proposals since the seat's last move.
func (s *session) heard(hs []sim.Heard) {
	seat := s.g.View().Seat
	for _, h := range hs {
		what := "the proposal by " + s.name(h.By)
		switch {
		case h.Basis == sim.BasisCounter:
			what = "your counter offer"
		case h.By == seat:
			what = "your proposal"
		case h.By == "":
			what = "the mediator's proposal"
		}
		var yes, no []string
		for _, ac := range s.sc.Actors {
			who := ac.Name
			if ac.ID == seat {
				who = "you"
			}
			if slices.Contains(h.AcceptedBy, ac.ID) {
				yes = append(yes, who)
			} else {
				no = append(no, who)
			}
		}
		end := "No agreement."
		if h.Agreement {
			end = "Agreement."
		}
		if h.Votes != nil {
			end = fmt.Sprintf("%s. %s", plural(*h.Votes, "vote", "votes"), end)
		}
		s.say("Round %d, %s: accepted by %s; rejected by %s. %s", h.Round, what, orNone(yes), orNone(no), end)
	}
}

// ending shows how the talks ended: the outcome, every actor's points and surplus, and
// how the deal compares with the Nash deal and the frontier.
func (s *session) ending() {
	tr := s.g.Transcript()
	out := tr.Outcome
	s.say("")
	s.say("== The talks are over ==")
	switch tr.Ended {
	case sim.EndQuit:
		s.say("You left the table in round %d: no agreement, and everyone keeps its walk-away value.", out.Round)
	case sim.EndDeadline:
		s.say("No deal was agreed by the deadline (round %d): everyone keeps its walk-away value.", out.Round)
	default:
		s.say("Agreement in round %d:", out.Round)
		s.deal(out.Deal.Options, nil)
	}
	g := &grid{header: []string{"actor", "veto", "points", "walk-away", "surplus"}, right: []bool{false, false, true, true, true}}
	for _, ac := range tr.Actors {
		name := ac.Name
		if ac.ID == tr.Seat {
			name += " (you)"
		}
		r := out.Reservations[ac.ID]
		u := r
		if out.Deal != nil {
			u = out.Deal.Utilities[ac.ID]
		}
		g.add(name, yesNo(ac.Veto), pts(u), pts(r), signedPts(u-r))
	}
	s.say("Points at round %d's walk-away values:", out.Round)
	g.render(s.stdout, false)
	if out.Deal == nil {
		if len(tr.Rounds) == 0 {
			return
		}
		last := tr.Rounds[len(tr.Rounds)-1]
		if last.ZOPA > 0 {
			s.say("A deal was possible: %s every party with a veto would have accepted at round %d's walk-away values.", plural(last.ZOPA, "deal", "deals"), last.Round)
		} else if tr.RipeAt == nil {
			s.say("No deal was possible: the zone of possible agreement was empty in every round played.")
		} else {
			s.say("The zone of possible agreement was open from round %d, and closed again by round %d.", *tr.RipeAt, last.Round)
		}
		return
	}
	if out.Deal.Pareto {
		s.say("On the Pareto frontier: no deal within everyone's red lines is better for one party with a veto and no worse for any.")
	} else {
		s.say("Not on the Pareto frontier: another deal every party with a veto accepts is better for one and no worse for any.")
	}
	for _, gap := range out.Solutions {
		if gap.Solution != "nash" {
			continue
		}
		if gap.IssuesDiffering == 0 {
			s.say("It is the Nash deal at round %d's walk-away values.", out.Round)
			break
		}
		var differ []string
		for _, is := range s.sc.Issues {
			if gap.Options[is.ID] != out.Deal.Options[is.ID] {
				differ = append(differ, fmt.Sprintf("%s (Nash: %s)", is.ID, gap.Options[is.ID]))
			}
		}
		s.say("Compared with the Nash deal at round %d's walk-away values: %d of %d issues differ, %s; the parties' points lie %s apart.",
			out.Round, gap.IssuesDiffering, len(s.sc.Issues), strings.Join(differ, ", "), points(100*gap.UtilityDistance))
	}
}

// readPlayRecord reads a transcript that play wrote.
func (a *app) readPlayRecord(path string) (*playRecord, error) {
	data, err := a.readUserFile(path)
	if err != nil {
		return nil, err
	}
	rec := &playRecord{}
	if err := json.Unmarshal(data, rec); err != nil {
		return nil, usagef("%s: not a transcript of negsim play: %v", path, err)
	}
	if rec.PlayTranscript == nil || rec.Seat == "" || rec.Ended == "" {
		return nil, usagef("%s: not a transcript of negsim play: it has no seat or no end", path)
	}
	return rec, nil
}

// playedDeal is the deal of a transcript as one option per issue, or nil without agreement.
func playedDeal(path string, rec *playRecord, sc *sim.Scenario) ([]int, error) {
	if rec.Scenario != sc.Name {
		return nil, usagef("%s was played on %q, not on %q", path, rec.Scenario, sc.Name)
	}
	if !rec.Outcome.Agreement || rec.Outcome.Deal == nil {
		return nil, nil
	}
	parts := make([]string, len(sc.Issues))
	for k, is := range sc.Issues {
		parts[k] = is.ID + "=" + rec.Outcome.Deal.Options[is.ID]
	}
	choice, err := sim.ParseDeal(strings.Join(parts, ","), sc)
	if err != nil {
		return nil, usagef("%s: the agreed deal: %v", path, err)
	}
	return choice, nil
}

// setup says which scenario a transcript was played on, in the words of the command line.
func (rec *playRecord) setup() string {
	text := rec.File
	if rec.Variant != "" {
		text += " --variant " + rec.Variant
	}
	for _, s := range rec.Set {
		text += " --set " + s
	}
	return text
}

// transcriptScenario decides the scenario to score transcripts on: the one they were played
// on when the command names none, and otherwise the one named, which must be theirs.
func transcriptScenario(file string, w whatIf, recs []*playRecord, paths []string) (string, whatIf, error) {
	named := file != "" || w.variant != "" || len(w.sets) > 0
	first := recs[0]
	for i, rec := range recs {
		if rec.setup() != first.setup() {
			return "", w, usagef("%s was played on %s, %s on %s; score transcripts of one scenario together", paths[i], rec.setup(), paths[0], first.setup())
		}
	}
	if !named {
		return first.File, whatIf{variant: first.Variant, sets: first.Set}, nil
	}
	given := playRecord{File: file, Variant: w.variant, Set: w.sets}
	if given.File == "" {
		given.File = scenarios.Default
	}
	if given.setup() != first.setup() {
		return "", w, usagef("%s was played on %s, not on %s; give the same scenario, or none to use the transcript's", paths[0], first.setup(), given.setup())
	}
	return file, w, nil
}

// transcriptTables reads transcripts as the deals of a class's tables, each named after its
// file, and the scenario they were played on.
func (a *app) transcriptTables(file string, w whatIf, paths []string) (string, whatIf, []*playRecord, error) {
	var recs []*playRecord
	for _, p := range paths {
		rec, err := a.readPlayRecord(p)
		if err != nil {
			return "", w, nil, err
		}
		recs = append(recs, rec)
	}
	file, w, err := transcriptScenario(file, w, recs, paths)
	return file, w, recs, err
}

func tableName(path string) string {
	return strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
}
