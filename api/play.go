package api

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/negsim/negsim/scenarios"
	"github.com/negsim/negsim/sim"
)

// PlayRequest is `negsim play --as AS [--coach] [--seed N]` with its moves: the page keeps
// no game, it sends every move so far and the engine replays them (a replay takes
// milliseconds, and a session then lives whole in the page's address).
type PlayRequest struct {
	Query
	As    string     `json:"as"`
	Seed  uint64     `json:"seed,omitempty"`
	Coach bool       `json:"coach,omitempty"`
	Moves []sim.Move `json:"moves"`
	// Score is a deal, issue=option pairs separated by commas, to value for the seat as
	// the game stands (the terminal's score command); "" values none.
	Score string `json:"score,omitempty"`
}

// PlayResponse is the game after the moves the engine could take.
type PlayResponse struct {
	// View is what the seat may know now; Brief is its role brief this round (its own
	// values and red lines, nothing of the others' values).
	View  *sim.PlayView `json:"view"`
	Brief *sim.Brief    `json:"brief"`
	// Moves are the moves taken; Rejected, when set, is the first move that could not be
	// taken, which the game ignored together with any after it.
	Moves    []sim.Move    `json:"moves"`
	Rejected *RejectedMove `json:"rejected,omitempty"`
	// Log is every answered proposal from the start, each after the move that led to it
	// (Move is 0 for what was answered before the seat's first move).
	Log []PlayLogEntry `json:"log"`
	// Worth is what Score is worth to the seat; Invalid says why Score is not a deal.
	Worth        *sim.Worth `json:"worth,omitempty"`
	ScoreInvalid string     `json:"score_invalid,omitempty"`
	Over         bool       `json:"over"`
	// Idle, for a session that gives the seat no move at all, says so and what would.
	Idle *PlayIdle `json:"idle,omitempty"`
	// Table is every actor's result once the talks are over.
	Table []PlayResult `json:"table,omitempty"`
	// Agreed is what the agreed deal is worth to the seat against its red lines and
	// walk-away value at the round of agreement, as the terminal's end weighs it: the
	// person may agree a deal its own values rule out.
	Agreed *sim.Worth `json:"agreed,omitempty"`
	// Transcript is what `negsim play --transcript` writes for the same session, once the
	// talks are over: it records every actor's values round by round, which the seat may
	// not see while it plays.
	Transcript *PlayRecord `json:"transcript,omitempty"`
}

// PlayIdle is a session in which the seat has no move: the talks end before its first turn.
type PlayIdle struct {
	// NoText is why nothing was on the table, when nothing was in any round.
	NoText string `json:"no_text,omitempty"`
	// Alternating is whether the parties proposing in turn (protocol.kind=alternating)
	// is worth trying: the talks are mediated.
	Alternating bool `json:"alternating"`
	// Variants are the scenario's variants in which the seat has a move.
	Variants []string `json:"variants"`
	// VariantsCut says that the request's time limit ended the search for Variants before
	// it had tried every variant: those listed are the ones found by then.
	VariantsCut bool `json:"variants_cut,omitempty"`
}

// RejectedMove is a move the game could not take: its place among the moves (from 1) and
// why, worded as the terminal answers it.
type RejectedMove struct {
	Index   int      `json:"index"`
	Move    sim.Move `json:"move"`
	Message string   `json:"message"`
}

// PlayLogEntry is one answered proposal and the move (from 1) after which it was answered.
type PlayLogEntry struct {
	Move int `json:"move"`
	sim.Heard
	// Coach, with the coach on, is what the seat's own offer answered here was worth to it
	// at the round it was made in, as negsim play --coach says it after the move; nil for
	// every other proposal, and without the coach.
	Coach *sim.Worth `json:"coach,omitempty"`
}

// PlayResult is one actor at the end: its points are utility, reservation and surplus at
// the final round's reservations.
type PlayResult struct {
	Actor       string  `json:"actor"`
	Name        string  `json:"name"`
	Seat        bool    `json:"seat"`
	Veto        bool    `json:"veto"`
	Utility     float64 `json:"utility"`
	Reservation float64 `json:"reservation"`
	Surplus     float64 `json:"surplus"`
}

// PlayRecord is a transcript as `negsim play --transcript` writes it: the session and the
// scenario setup it was played on, so that score and debrief can open the same scenario.
type PlayRecord struct {
	File    string   `json:"file"`
	Variant string   `json:"variant,omitempty"`
	Set     []string `json:"set,omitempty"`
	*sim.PlayTranscript
}

func (a *API) play(ctx context.Context, r PlayRequest) (*PlayResponse, error) {
	if strings.TrimSpace(r.As) == "" {
		return nil, &Error{Kind: KindInput, Message: "as: name the actor whose seat you take"}
	}
	doc, sp, err := a.compile(r.Query)
	if err != nil {
		return nil, err
	}
	g, err := sim.NewGame(ctx, sp, sim.PlayOptions{Seat: r.As, Coach: r.Coach, Seed: r.Seed, Workers: a.opt.Workers})
	if err != nil {
		return nil, a.playFault(doc.Name, err)
	}
	out := &PlayResponse{Moves: []sim.Move{}, Log: []PlayLogEntry{}}
	logHeard := func(move int, heard []sim.Heard, offer *sim.Worth) {
		for _, h := range heard {
			e := PlayLogEntry{Move: move, Heard: h}
			if offer != nil && (h.Basis == sim.BasisPlayer || h.Basis == sim.BasisCounter) {
				e.Coach, offer = offer, nil
			}
			out.Log = append(out.Log, e)
		}
	}
	logHeard(0, g.View().Heard, nil)
	for i, m := range r.Moves {
		// Weighed before the move takes the talks on, as the terminal weighs it.
		offer := g.OfferWorth(m)
		v, err := g.Move(ctx, m)
		var me *sim.MoveError
		if errors.As(err, &me) {
			out.Rejected = &RejectedMove{Index: i + 1, Move: m, Message: me.Msg}
			break
		}
		if err != nil {
			return nil, a.playFault(doc.Name, err)
		}
		logHeard(i+1, v.Heard, offer)
	}
	st := g.State()
	out.Moves = st.Moves
	out.View = g.View()
	out.Brief = g.Brief()
	out.Over = g.Over()
	if r.Score != "" {
		if choice, err := sim.ParseDeal(r.Score, sp.Scenario()); err != nil {
			out.ScoreInvalid = err.Error()
		} else {
			w := g.Worth(choice)
			out.Worth = &w
		}
	}
	if g.Idle() {
		file, err := a.document(r.Scenario)
		if err != nil {
			return nil, err
		}
		if out.Idle, err = playIdle(ctx, g, sp, file.Scenario.Variants, r.As, a.opt.Workers); err != nil {
			return nil, a.playFault(doc.Name, err)
		}
	}
	if out.Over {
		tr := g.Transcript()
		out.Table = playTable(tr)
		out.Agreed = g.Agreed()
		out.Transcript = &PlayRecord{File: playedFile(r.Scenario, doc.Name), Variant: r.Variant, Set: r.Set, PlayTranscript: tr}
	}
	return out, nil
}

// playFault words an error of the game: a seat that cannot be played is the request's
// fault; an event that leads nowhere or leaves the scenario invalid is the file's.
func (a *API) playFault(file string, err error) error {
	var me *sim.MoveError
	if errors.As(err, &me) {
		return &Error{Kind: KindInput, Message: "as: " + me.Msg}
	}
	var pe *sim.PathError
	var invalid sim.Diagnostics
	if errors.As(err, &pe) || errors.As(err, &invalid) {
		return &Error{Kind: KindInput, Message: fmt.Sprintf("%s: %v", file, err)}
	}
	return err
}

// playedFile names the scenario as the command line would have: a shipped scenario by its
// name, a served file by its path, a file opened in the page by its own name.
func playedFile(ref, docName string) string {
	switch {
	case ref == "":
		return scenarios.Default
	case strings.HasPrefix(ref, filePrefix):
		return strings.TrimPrefix(ref, filePrefix)
	case strings.HasPrefix(ref, docPrefix):
		return docName
	}
	return ref
}

// playTable is every actor's points at the end, as the terminal's closing table shows them.
func playTable(tr *sim.PlayTranscript) []PlayResult {
	out := tr.Outcome
	rows := make([]PlayResult, 0, len(tr.Actors))
	for _, ac := range tr.Actors {
		r := out.Reservations[ac.ID]
		u := r
		if out.Deal != nil {
			u = out.Deal.Utilities[ac.ID]
		}
		rows = append(rows, PlayResult{Actor: ac.ID, Name: ac.Name, Seat: ac.ID == tr.Seat, Veto: ac.Veto, Utility: u, Reservation: r, Surplus: u - r})
	}
	return rows
}

func playIdle(ctx context.Context, g *sim.Game, sp *sim.Space, variants []sim.Variant, seat string, workers int) (*PlayIdle, error) {
	moves, err := sim.VariantsWithMoves(ctx, sp.Scenario(), variants, seat, workers)
	// The variants are a suggestion: the session is answered with those found when the
	// time limit ends their search.
	cut := errors.Is(err, context.DeadlineExceeded)
	if err != nil && !cut {
		return nil, err
	}
	tr := g.Transcript()
	idle := &PlayIdle{Alternating: tr.Protocol == sim.ProtocolMediated, Variants: moves, VariantsCut: cut}
	if idle.Variants == nil {
		idle.Variants = []string{}
	}
	if len(tr.NoText) > 0 && len(tr.NoText) == len(tr.Rounds) {
		idle.NoText = tr.NoText[0].Why
	}
	return idle, nil
}
