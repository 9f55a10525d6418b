package sim

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
)

// Playing a role: a person takes one actor's seat and every other actor is the model's
// agent, as in Rounds. The talks are Rounds' talks: the same protocol, deadline, drift and
// events, the same proposals and the same answers, except that the seat's answers, and the
// deals the seat puts on the table, come from the person.
//
// Readings this engine settles:
//   - Agents answer by their strategies and true values, and the mediator and the proposers
//     choose as in Rounds, where the seat counts with the aspiration its own agent would
//     have had. The agents do not read the person's moves: a tit-for-tat agent follows the
//     seat's modelled concessions, so that the same moves as the model's agent give the same
//     talks, round for round.
//   - The agents answer a proposal first; the person sees who accepts before deciding.
//   - A deal the person offers counts as accepted by the seat.
//   - In the alternating protocol the person may answer another's proposal with a counter
//     offer: the seat rejects the proposal on the table, and the agents answer the counter in
//     the same round, at the same aspirations. In the mediated protocol only the mediator
//     puts a text on the table.
//   - Quitting rejects the proposal on the table. A seat with a veto ends the talks without
//     agreement, at the round's reservations; a seat without one only leaves: the others
//     talk on without it, to agreement or the deadline, as against a seat that rejects
//     every text and puts none on the table.
//
// A game is step-based and pure: a Move takes the game to its next state, and the state is
// the scenario's name, the seat, the seed and the moves so far, so that replaying the moves
// rebuilds the game exactly (the same moves give the same transcript, byte for byte).

// MoveKind is what a person does with a move.
type MoveKind string

// Moves a person makes.
const (
	MoveAccept MoveKind = "accept"
	MoveReject MoveKind = "reject"
	MoveOffer  MoveKind = "offer"
	MoveQuit   MoveKind = "quit"
)

// Turn is whose turn it is.
type Turn string

// Turns.
const (
	// TurnAnswer: a proposal is on the table for the seat to accept or reject (or counter,
	// in alternating talks).
	TurnAnswer Turn = "answer"
	// TurnOffer: the seat proposes this round.
	TurnOffer Turn = "offer"
	// TurnOver: the talks have ended.
	TurnOver Turn = "over"
)

// Ending is how a played session ended.
type Ending string

// Endings.
const (
	EndAgreement Ending = "agreement"
	EndDeadline  Ending = "deadline"
	EndQuit      Ending = "quit"
	// EndStopped: the session was stopped before the talks ended (StopCause says what
	// stopped it); unlike quit, the seat made no move, and no one chose to end without
	// agreement.
	EndStopped Ending = "stopped"
)

// StopCause is what stopped a session before the talks ended.
type StopCause string

// Stop causes.
const (
	// StopInterrupt: the person stopped the program (Ctrl-C).
	StopInterrupt StopCause = "interrupt"
	// StopTimeout: the agents' work between two of the seat's moves outlasted its time
	// limit.
	StopTimeout StopCause = "timeout"
)

// Bases of the deals a person puts on the table.
const (
	// BasisPlayer: the person at the seat proposed it on the seat's turn.
	BasisPlayer Basis = "player"
	// BasisCounter: the person answered another's proposal with this deal.
	BasisCounter Basis = "counter"
	// BasisNoText: the round passed with nothing on the table; Heard.NoText says why.
	BasisNoText Basis = "none"
)

// Move is one move of the person at the seat.
type Move struct {
	Move MoveKind `json:"move"`
	// Deal is the deal of an offer, issue=option pairs separated by commas; a game keeps it
	// in the file's issue order.
	Deal string `json:"deal,omitempty"`
}

// PlayState is all a game needs to resume, given the same scenario (variant and overrides
// included): replaying its moves rebuilds the game. Its JSON form is a public contract, small
// enough for a page to keep in its address.
type PlayState struct {
	Scenario string `json:"scenario"`
	Seat     string `json:"seat"`
	Seed     uint64 `json:"seed"`
	Coach    bool   `json:"coach"`
	Moves    []Move `json:"moves"`
}

// PlayOptions start a game.
type PlayOptions struct {
	// Seat is the id of the actor the person plays.
	Seat string
	// Coach adds the seat's surplus and what rules a proposal out for it to the view.
	Coach bool
	// Seed is recorded, as in RoundsOptions.
	Seed uint64
	// Workers is the number of goroutines for the ZOPA counts; 0 means one per core.
	Workers int
}

// PlayView is what the seat may know at its turn: its own values, the round and the
// deadline, the proposal on the table with what it is worth to the seat, and who of the
// others accepts it. Nothing of another actor's values is in it until the talks are over.
type PlayView struct {
	Scenario string       `json:"scenario"`
	Seat     string       `json:"seat"`
	SeatName string       `json:"seat_name"`
	Veto     bool         `json:"veto"`
	Protocol ProtocolKind `json:"protocol"`
	// Mediator is the mediator of mediated talks; "" is a neutral one.
	Mediator string `json:"mediator,omitempty"`
	// Proposers, in alternating talks, are the actors who put a text on the table in turn,
	// in the order of their turns (MODEL.md section 6); none in mediated talks.
	Proposers []string `json:"proposers,omitempty"`
	Round     int      `json:"round"`
	// Deadline is the number of rounds; the last is Deadline−1.
	Deadline int  `json:"deadline"`
	Turn     Turn `json:"turn"`
	// CanCounter is whether an offer may answer the proposal on the table.
	CanCounter bool `json:"can_counter"`
	// Events are the reasons given for the events of this round.
	Events []string `json:"events"`
	// Reservation is the seat's reservation this round, after its drift and the events.
	Reservation float64 `json:"reservation"`
	// Proposal is the deal on the table; nil on the seat's turn to offer and at the end.
	Proposal *SeenProposal `json:"proposal"`
	// AcceptedBy are the other actors who accept the proposal on the table.
	AcceptedBy []string `json:"accepted_by"`
	// Coach is what the proposal is worth to the seat against its reservation and red
	// lines; nil without coaching.
	Coach *Worth `json:"coach,omitempty"`
	// Heard are the proposals answered since the seat's last move, in order.
	Heard []Heard `json:"heard"`
	// Ended and Outcome are set when the talks are over.
	Ended   Ending   `json:"ended,omitempty"`
	Outcome *Outcome `json:"outcome,omitempty"`
}

// SeenProposal is a proposal as the seat sees it.
type SeenProposal struct {
	By      string            `json:"by,omitempty"`
	Options map[string]string `json:"options"`
	Changed []string          `json:"changed"`
	// Utility is what the deal is worth to the seat.
	Utility float64 `json:"utility"`
	// NotRatifiedFor are the actors at the table whose ratifiers would vote the deal down at
	// home now: a proposer among them does not accept its own text whatever it is worth.
	NotRatifiedFor []string `json:"not_ratified_for,omitempty"`
	// CrossesProposerRedLines is set when the deal crosses a red line or breaks a
	// constraint of the actor who proposed it: a mediator's text keeps only the veto
	// actors', so a mediator without a veto may put forward a text it rejects.
	CrossesProposerRedLines bool `json:"crosses_proposer_red_lines,omitempty"`
}

// Heard is a proposal that was answered: by whom it was made, who accepted it, and whether
// it was agreed.
type Heard struct {
	Round      int               `json:"round"`
	By         string            `json:"by,omitempty"`
	Basis      Basis             `json:"basis"`
	Options    map[string]string `json:"options"`
	AcceptedBy []string          `json:"accepted_by"`
	// Votes, under a decision rule, is the votes of the table's actors that accepted.
	Votes     *int `json:"votes,omitempty"`
	Agreement bool `json:"agreement"`
	// NotRatifiedFor are the actors at the table whose ratifiers would vote the deal down
	// at home: with every veto and vote at the table, that alone can leave it unagreed.
	NotRatifiedFor []string `json:"not_ratified_for,omitempty"`
	// CrossesProposerRedLines is set when the deal crosses the proposer's own red lines, as
	// SeenProposal's is.
	CrossesProposerRedLines bool `json:"crosses_proposer_red_lines,omitempty"`
	// NoText, for a round that passed with nothing on the table (Basis BasisNoText), is why
	// the proposer put nothing there.
	NoText string `json:"no_text,omitempty"`
	// Reservation is the seat's reservation in that round.
	Reservation float64 `json:"reservation"`
	// SeatAway is set for a round after the seat left the table: the seat gave no answer,
	// so it neither accepted nor rejected the deal (under a decision rule its votes are
	// missing, as a no's would be).
	SeatAway bool `json:"seat_away,omitempty"`
}

// Worth is what a deal is worth to the seat this round.
type Worth struct {
	Utility     float64 `json:"utility"`
	Reservation float64 `json:"reservation"`
	// Surplus is the utility less the reservation: below 0 the deal is worth less than no
	// deal.
	Surplus float64 `json:"surplus"`
	// Rejections are why the seat's own values rule the deal out: red lines crossed,
	// conditions broken, a shortfall below the reservation. Empty when it is acceptable.
	Rejections []Rejection `json:"rejections"`
	// Ratified, for a seat whose deals are ratified at home, is whether its ratifiers would
	// ratify this one now; nil for a seat without ratification.
	Ratified *bool `json:"ratified,omitempty"`
}

// PlayTranscript is a played session: the talks as Rounds records them, the seat's answers
// being the person's, with the moves that made them. A counter offer is recorded as a round
// of its own with the same round number. Its JSON form is a public contract.
type PlayTranscript struct {
	Seat  string `json:"seat"`
	Coach bool   `json:"coach"`
	Moves []Move `json:"moves"`
	Ended Ending `json:"ended"`
	// StoppedBy, for a stopped session, is what stopped it; a transcript written before it
	// was recorded lacks it, and only Ctrl-C stopped a session then.
	StoppedBy StopCause `json:"stopped_by,omitempty"`
	// NoText lists the rounds that passed with nothing on the table, and why; the seat had
	// no move in them.
	NoText []NoText `json:"no_text,omitempty"`
	// LeftInRound is the round a seat without a veto left the table in; the others talked
	// on without it, and Ended says how their talks ended.
	LeftInRound *int `json:"left_in_round,omitempty"`
	Transcript
}

// MoveError is a move the game cannot take now; the game is unchanged.
type MoveError struct{ Msg string }

func (e *MoveError) Error() string { return e.Msg }

// Game is a session in progress.
type Game struct {
	rn    *rounds
	tr    *PlayTranscript
	seat  int
	state PlayState
	t     int
	prev  []int
	st    *roundStart
	// pending is the round on the table, answered by the agents; the seat's answer in it is
	// its agent's until the person moves. nil on the seat's turn to offer.
	pending *Round
	heard   []Heard
	// broken is the error that stopped a move half-way (a cancellation, a timeout); the
	// game cannot go on, and resumes from the state taken before that move.
	broken error
}

// NewGame seats a person at opts.Seat and runs the talks up to the seat's first move.
func NewGame(ctx context.Context, sp *Space, opts PlayOptions) (*Game, error) {
	seat := sp.sc.ActorIndex(opts.Seat)
	if seat < 0 {
		ids := make([]string, len(sp.sc.Actors))
		for i := range sp.sc.Actors {
			ids[i] = sp.sc.Actors[i].ID
		}
		return nil, &MoveError{Msg: fmt.Sprintf("no actor %q to play;%s valid: %s", opts.Seat, DidYouMean(opts.Seat, ids), quoteList(ids))}
	}
	if sp.rule != nil && sp.rule.ratifierOf[seat] >= 0 {
		var table []string
		for i := range sp.sc.Actors {
			if sp.rule.ratifierOf[i] < 0 {
				table = append(table, sp.sc.Actors[i].ID)
			}
		}
		return nil, &MoveError{Msg: fmt.Sprintf("no seat at the table for %s: a vote at home on the deals %s signs; play an actor at the table: %s", sp.sc.Actors[seat].Name, sp.sc.Actors[sp.rule.ratifierOf[seat]].Name, quoteList(table))}
	}
	rn, tr, err := startRounds(ctx, sp, RoundsOptions{Seed: opts.Seed, Workers: opts.Workers})
	if err != nil {
		return nil, err
	}
	g := &Game{rn: rn, seat: seat,
		tr:    &PlayTranscript{Seat: opts.Seat, Coach: opts.Coach, Moves: []Move{}, Transcript: *tr},
		state: PlayState{Scenario: sp.sc.Name, Seat: opts.Seat, Seed: opts.Seed, Coach: opts.Coach, Moves: []Move{}}}
	return g, g.advance(ctx)
}

// ResumeGame rebuilds a game from its state by replaying its moves on the same scenario.
func ResumeGame(ctx context.Context, sp *Space, st PlayState, workers int) (*Game, error) {
	if st.Scenario != sp.sc.Name {
		return nil, &MoveError{Msg: fmt.Sprintf("the session was played on %q, not on %q", st.Scenario, sp.sc.Name)}
	}
	g, err := NewGame(ctx, sp, PlayOptions{Seat: st.Seat, Coach: st.Coach, Seed: st.Seed, Workers: workers})
	if err != nil {
		return nil, err
	}
	for i, m := range st.Moves {
		if _, err := g.Move(ctx, m); err != nil {
			var me *MoveError
			if errors.As(err, &me) {
				return nil, &MoveError{Msg: fmt.Sprintf("move %d (%s): %s", i+1, m.Move, me.Msg)}
			}
			return nil, err
		}
	}
	return g, nil
}

// State is the game's state, to resume it later.
func (g *Game) State() PlayState {
	st := g.state
	st.Moves = slices.Clone(st.Moves)
	return st
}

// Transcript is the session so far; complete once the talks are over.
func (g *Game) Transcript() *PlayTranscript { return g.tr }

// Stop ends the session where it stands, for the cause given, with no move of the seat's:
// the proposal on the table is left unanswered, and the outcome is no agreement at this
// round's reservations. A game whose last move was broken off holds part of that move;
// resume it from its State and stop that one.
func (g *Game) Stop(by StopCause) error {
	if g.broken != nil {
		return g.broken
	}
	if g.Over() {
		return nil
	}
	g.pending = nil
	g.tr.Ended, g.tr.StoppedBy = EndStopped, by
	g.tr.Outcome = g.rn.breakdown(g.t)
	return nil
}

// Over reports whether the talks have ended.
func (g *Game) Over() bool { return g.tr.Ended != "" }

// Brief is the seat's role brief with its values as they stand this round (events may have
// changed them); its reservation is this round's.
func (g *Game) Brief() *Brief {
	sc := g.rn.sp.sc.Clone()
	sc.Actors[g.seat].Reservation = g.reservation()
	return RoleBrief(sc, g.seat)
}

func (g *Game) reservation() float64 {
	if g.st != nil {
		return g.st.r[g.seat]
	}
	return g.rn.reservationsNow()[g.seat]
}

// OfferWorth is what the seat's own offer is worth to it at the round it is made in, for the
// coach to say after the move: an offer counts as accepted by the seat, so one across its
// red lines could be agreed unremarked. nil for any other move, a deal that does not read,
// and without the coach.
func (g *Game) OfferWorth(m Move) *Worth {
	if m.Move != MoveOffer || !g.state.Coach {
		return nil
	}
	choice, err := ParseDeal(m.Deal, g.rn.sp.sc)
	if err != nil {
		return nil
	}
	w := g.Worth(choice)
	return &w
}

// Worth is what a deal, one option position per issue, is worth to the seat this round.
func (g *Game) Worth(choice []int) Worth {
	sp := g.rn.sp
	r := g.reservation()
	u := sp.Utility(g.seat, choice)
	w := Worth{Utility: presentable(u), Reservation: presentable(r), Surplus: presentable(u - r), Rejections: sp.rejections(g.seat, choice, r)}
	if len(sp.sc.Actors[g.seat].Ratification.By) > 0 {
		all := g.rn.reservationsNow()
		if g.st != nil {
			all = g.st.r
		}
		ok := sp.RatifiedFor(g.seat, choice, all)
		w.Ratified = &ok
	}
	return w
}

// Agreed is what the agreed deal is worth to the seat at the round of agreement; nil
// without an agreement, or when the deal passed without the seat's yes. The person may
// agree a deal the seat's own values rule out.
func (g *Game) Agreed() *Worth {
	d := g.tr.Outcome.Deal
	if d == nil || d.Choice == nil || !g.seatSigned() {
		return nil
	}
	w := g.Worth(d.Choice)
	return &w
}

// seatSigned reports whether the seat said yes in the round that ended the talks.
func (g *Game) seatSigned() bool {
	rs := g.tr.Rounds
	return len(rs) > 0 && rs[len(rs)-1].Actors[g.seat].Accepts
}

// View is what the seat may know now.
func (g *Game) View() *PlayView {
	sp := g.rn.sp
	act := &sp.sc.Actors[g.seat]
	v := &PlayView{Scenario: sp.sc.Name, Seat: act.ID, SeatName: act.Name, Veto: act.Veto, Protocol: g.tr.Protocol,
		Mediator: g.tr.Mediator, Round: g.t, Deadline: g.rn.deadline, Events: []string{}, AcceptedBy: []string{},
		Heard: slices.Clone(g.heard), Reservation: presentable(g.reservation())}
	if v.Heard == nil {
		v.Heard = []Heard{}
	}
	if g.tr.Protocol == ProtocolAlternating {
		for _, k := range sp.Parties() {
			v.Proposers = append(v.Proposers, sp.sc.Actors[k].ID)
		}
	}
	if g.Over() {
		v.Turn, v.Ended, v.Outcome = TurnOver, g.tr.Ended, &g.tr.Outcome
		v.Round = g.tr.Outcome.Round
		return v
	}
	for _, ev := range g.st.fired {
		v.Events = append(v.Events, ev.Why)
	}
	if g.pending == nil {
		v.Turn = TurnOffer
		return v
	}
	v.Turn = TurnAnswer
	v.CanCounter = g.tr.Protocol == ProtocolAlternating
	p := g.pending.Proposal
	v.Proposal = &SeenProposal{By: p.By, Options: p.Options, Changed: p.Changed, Utility: presentable(sp.Utility(g.seat, p.Choice)),
		NotRatifiedFor: g.notRatifiedFor(g.pending), CrossesProposerRedLines: g.crossesProposerRedLines(p)}
	for a, ar := range g.pending.Actors {
		if a != g.seat && ar.Accepts {
			v.AcceptedBy = append(v.AcceptedBy, ar.Actor)
		}
	}
	if g.state.Coach {
		w := g.Worth(p.Choice)
		v.Coach = &w
	}
	return v
}

// Move takes the seat's move and runs the talks to the seat's next turn or to their end.
// A move that cannot be taken now returns a MoveError and leaves the game as it was. Any
// other error (the context ended) leaves the game unusable: resume it from the State taken
// before the move.
func (g *Game) Move(ctx context.Context, m Move) (*PlayView, error) {
	if g.broken != nil {
		return nil, g.broken
	}
	if g.Over() {
		return nil, &MoveError{Msg: "the talks are over"}
	}
	switch m.Move {
	case MoveAccept, MoveReject:
		if g.pending == nil {
			return nil, &MoveError{Msg: fmt.Sprintf("nothing is on the table to %s; %s", m.Move, g.offerTurn())}
		}
	case MoveOffer:
		if g.pending != nil && g.tr.Protocol != ProtocolAlternating {
			return nil, &MoveError{Msg: g.mediatorProposes()}
		}
	case MoveQuit:
	default:
		valid := []string{string(MoveAccept), string(MoveReject), string(MoveOffer), string(MoveQuit)}
		return nil, &MoveError{Msg: fmt.Sprintf("no move %q;%s valid: %s", m.Move, DidYouMean(string(m.Move), valid), quoteList(valid))}
	}
	var choice []int
	m.Deal = strings.TrimSpace(m.Deal)
	if m.Move == MoveOffer {
		var err error
		if choice, err = ParseDeal(m.Deal, g.rn.sp.sc); err != nil {
			return nil, &MoveError{Msg: err.Error()}
		}
		m.Deal = dealText(g.rn.sp.sc, choice)
	} else if m.Deal != "" {
		return nil, &MoveError{Msg: fmt.Sprintf("%s takes no deal; to propose one, offer issue=option,...", m.Move)}
	}
	g.rn.ctx = ctx
	g.heard = nil
	if err := g.play(ctx, m, choice); err != nil {
		g.broken = err
		return nil, err
	}
	g.state.Moves = append(g.state.Moves, m)
	g.tr.Moves = append(g.tr.Moves, m)
	return g.View(), nil
}

func (g *Game) offerTurn() string {
	if g.tr.Protocol == ProtocolMediated {
		return "you are the mediator: put a text on the table with offer issue=option,..."
	}
	return "it is your turn to propose: offer issue=option,..."
}

func (g *Game) mediatorProposes() string {
	who := "the mediator"
	if g.rn.mediator >= 0 {
		who = g.rn.sp.sc.Actors[g.rn.mediator].Name
	}
	return fmt.Sprintf("in mediated talks only %s puts a text on the table; accept or reject it", who)
}

func (g *Game) play(ctx context.Context, m Move, choice []int) error {
	switch {
	case m.Move == MoveQuit:
		// The round is recorded as it stood: the proposal on the table rejected by the
		// seat (which, without a veto, may not stop the others agreeing), or no proposal.
		if done, err := g.sayNo(); err != nil || done {
			return err
		}
		if !g.rn.sp.sc.Actors[g.seat].Veto {
			left := g.t
			g.tr.LeftInRound = &left
			return g.withoutSeat(ctx)
		}
		g.tr.Ended = EndQuit
		g.tr.Outcome = g.rn.breakdown(g.t)
		return nil
	case g.pending == nil: // the seat's own proposal
		return g.table(ctx, &Proposal{By: g.rn.sp.sc.Actors[g.seat].ID, Basis: BasisPlayer, Choice: choice})
	}
	rd := g.pending
	g.pending = nil
	rd.Actors[g.seat].Accepts = m.Move == MoveAccept
	g.rn.settle(rd)
	done, err := g.close(rd)
	if err != nil || done {
		return err
	}
	if m.Move == MoveOffer {
		return g.table(ctx, &Proposal{By: g.rn.sp.sc.Actors[g.seat].ID, Basis: BasisCounter, Choice: choice})
	}
	return g.next(ctx)
}

// withoutSeat plays the talks on after a seat without a veto has left: its vote is no to
// every text, and on its turn to propose it puts nothing on the table. Its leaving cannot
// stop the others settling, as rejecting every text would not.
func (g *Game) withoutSeat(ctx context.Context) error {
	for {
		if err := g.next(ctx); err != nil || g.Over() {
			return err
		}
		if done, err := g.sayNo(); err != nil || done {
			return err
		}
	}
}

// sayNo closes the round with the seat's no: to the proposal on the table, or, on its turn
// to propose, with nothing put on it. It reports whether the others agreed all the same.
func (g *Game) sayNo() (bool, error) {
	rd := g.pending
	if rd == nil {
		rd = g.rn.answer(g.st, nil, nil, g.prev)
	}
	g.pending = nil
	rd.Actors[g.seat].Accepts = false
	g.rn.settle(rd)
	return g.close(rd)
}

// table puts the seat's deal to the agents in the current round; the seat accepts it.
func (g *Game) table(ctx context.Context, prop *Proposal) error {
	rd := g.rn.answer(g.st, prop, nil, g.prev)
	rd.Actors[g.seat].Accepts = true
	g.rn.settle(rd)
	done, err := g.close(rd)
	if err != nil || done {
		return err
	}
	return g.next(ctx)
}

// close records an answered round; true when it ends the talks in agreement.
func (g *Game) close(rd *Round) (bool, error) {
	tr := g.tr
	tr.Rounds = append(tr.Rounds, *rd)
	if rd.Ripe && tr.RipeAt == nil {
		t := rd.Round
		tr.RipeAt = &t
	}
	seatReservation := rd.Actors[g.seat].Reservation
	if rd.Proposal == nil {
		if g.rn.proposerAt(rd.Round) == g.seat {
			// The seat left the table on its own turn to propose.
			return false, nil
		}
		nt := g.rn.noText(rd.Round)
		tr.NoText = append(tr.NoText, nt)
		g.heard = append(g.heard, Heard{Round: rd.Round, By: nt.By, Basis: BasisNoText, Options: map[string]string{},
			AcceptedBy: []string{}, NoText: nt.Why, Reservation: seatReservation})
		return false, nil
	}
	g.prev = rd.Proposal.Choice
	g.heard = append(g.heard, Heard{Round: rd.Round, By: rd.Proposal.By, Basis: rd.Proposal.Basis, Options: rd.Proposal.Options,
		AcceptedBy: slices.Clone(rd.AcceptedBy), Votes: rd.Votes, Agreement: rd.Agreement, Reservation: seatReservation,
		NotRatifiedFor: g.notRatifiedFor(rd), CrossesProposerRedLines: g.crossesProposerRedLines(rd.Proposal),
		SeatAway: tr.LeftInRound != nil && rd.Round > *tr.LeftInRound})
	if !rd.Agreement {
		return false, nil
	}
	out, err := g.rn.agreement(rd)
	if err != nil {
		return false, err
	}
	tr.Outcome, tr.Ended = *out, EndAgreement
	return true, nil
}

// notRatifiedFor lists, in file order, the actors whose ratifiers would not ratify the
// round's proposal at that round's reservations.
func (g *Game) notRatifiedFor(rd *Round) []string {
	sp := g.rn.sp
	if sp.rule == nil || rd.Agreement {
		return nil
	}
	var ids []string
	for i := range sp.rule.ratify {
		if !sp.ratifiedFor(&sp.rule.ratify[i], rd.Proposal.Choice, rd.r) {
			ids = append(ids, sp.sc.Actors[sp.rule.ratify[i].actor].ID)
		}
	}
	return ids
}

// crossesProposerRedLines reports whether proposal p crosses a red line or breaks a
// constraint of the actor who made it; a neutral mediator has none.
func (g *Game) crossesProposerRedLines(p *Proposal) bool {
	sp := g.rn.sp
	by := sp.sc.ActorIndex(p.By)
	return by >= 0 && !sp.MeetsRedLines(by, p.Choice)
}

// Idle reports whether the talks ended before the seat had any move: every round passed
// with nothing on the table for it to answer.
func (g *Game) Idle() bool { return g.Over() && len(g.state.Moves) == 0 }

// VariantsWithMoves lists the variants in which the person at seat would have a move (a
// text to answer, or a turn to propose), in the file's order, for a session that gives
// none. Each variant is applied on top of sc as it stands; variants are the file's, which a
// scenario with a variant applied may no longer carry. When ctx ends first, it returns the
// variants found so far with ctx's error: a caller may offer those.
func VariantsWithMoves(ctx context.Context, sc *Scenario, variants []Variant, seat string, workers int) ([]string, error) {
	var ids []string
	with := sc.Clone()
	with.Variants = variants
	for _, va := range variants {
		vs, err := with.WithVariant(va.ID)
		if err != nil {
			return nil, err
		}
		sp, err := Compile(vs)
		if err != nil {
			// A variant that does not compile on top of the overrides offers no session.
			continue
		}
		g, err := NewGame(ctx, sp, PlayOptions{Seat: seat, Workers: workers})
		var me *MoveError
		if errors.As(err, &me) {
			continue
		}
		if ctx.Err() != nil {
			return ids, ctx.Err()
		}
		if err != nil {
			return nil, err
		}
		if !g.Idle() {
			ids = append(ids, va.ID)
		}
	}
	return ids, nil
}

// next moves to the following round, or ends the talks at the deadline.
func (g *Game) next(ctx context.Context) error {
	if g.t+1 >= g.rn.deadline {
		g.tr.Ended = EndDeadline
		g.tr.Outcome = g.rn.breakdown(g.t)
		return nil
	}
	g.t++
	return g.advance(ctx)
}

// advance opens the round and runs it up to the seat's move. A round with no proposal
// passes without one; the transcript's NoText says why.
func (g *Game) advance(ctx context.Context) error {
	g.rn.ctx = ctx
	st, err := g.rn.open(g.t)
	if err != nil {
		return err
	}
	g.st = st
	if g.rn.proposerAt(g.t) == g.seat {
		return nil
	}
	prop, believed, err := g.rn.propose(g.t, st.r, st.asp)
	if err != nil {
		return err
	}
	rd := g.rn.answer(st, prop, believed, g.prev)
	if prop != nil {
		g.pending = rd
		return nil
	}
	if _, err := g.close(rd); err != nil {
		return err
	}
	return g.next(ctx)
}

// dealText writes a deal as issue=option pairs in the file's issue order.
func dealText(sc *Scenario, choice []int) string {
	parts := make([]string, len(choice))
	for k, o := range choice {
		parts[k] = sc.Issues[k].ID + "=" + sc.Issues[k].Options[o].ID
	}
	return strings.Join(parts, ",")
}
