package api

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/negsim/negsim/config"
	"github.com/negsim/negsim/scenarios"
	"github.com/negsim/negsim/sim"
)

// Query names a scenario and the what-if asked of it: a variant, then overrides in the
// form --set takes them (PATH=VALUE), applied in order.
type Query struct {
	Scenario string   `json:"scenario"`
	Variant  string   `json:"variant,omitempty"`
	Set      []string `json:"set,omitempty"`
}

// ListResponse is what a page may open: the shipped scenarios, as `negsim list --format
// json` lists them but with each description whole, and the scenario files of the served
// folder.
type ListResponse struct {
	Scenarios []Shipped `json:"scenarios"`
	Files     []string  `json:"files"`
}

// Shipped is one shipped scenario.
type Shipped struct {
	Name        string `json:"name"`
	Title       string `json:"title"`
	Description string `json:"description"`
	Default     bool   `json:"default"`
}

func (a *API) list() (*ListResponse, error) {
	out := &ListResponse{Scenarios: []Shipped{}}
	for _, name := range scenarios.Names() {
		doc, err := a.document(name)
		if err != nil {
			return nil, err
		}
		out.Scenarios = append(out.Scenarios, Shipped{Name: name, Title: doc.Scenario.Name,
			Description: doc.Scenario.Description, Default: name == scenarios.Default})
	}
	files, err := ScenarioFiles(a.opt.Files)
	if err != nil {
		return nil, err
	}
	out.Files = files
	return out, nil
}

// LoadRequest opens a scenario: Scenario names one, or Name and Data give a file's
// contents (a local file the page read; it goes no further than this API). Data is the
// file's bytes as stored (base64 in JSON), decoded here as the command line decodes a
// file: a page that decoded them itself would read a Latin-1 file's accents as "�" where
// the command line refuses it.
type LoadRequest struct {
	Scenario string `json:"scenario,omitempty"`
	Name     string `json:"name,omitempty"`
	Data     []byte `json:"data,omitempty"`
}

// Loaded is an opened scenario: the id later requests name it by, the scenario as the
// file gives it (its JSON form is the file's own schema) and the file's warnings.
type Loaded struct {
	ID       string          `json:"id"`
	File     string          `json:"file"`
	Scenario *sim.Scenario   `json:"scenario"`
	Warnings sim.Diagnostics `json:"warnings"`
}

func (a *API) load(_ context.Context, r LoadRequest) (*Loaded, error) {
	var doc *config.Document
	id := r.Scenario
	if len(r.Data) > 0 || r.Name != "" {
		if r.Scenario != "" {
			return nil, &Error{Kind: KindInput, Message: "give either scenario or name and data, not both"}
		}
		name := strings.TrimSpace(r.Name)
		if name == "" {
			name = "scenario.yaml"
		}
		if err := a.tooLarge(name, r.Data); err != nil {
			return nil, err
		}
		d, key, err := a.parse(name, r.Data)
		if err != nil {
			return nil, err
		}
		doc, id = d, docPrefix+key
	} else {
		d, err := a.document(r.Scenario)
		if err != nil {
			return nil, err
		}
		doc = d
		if id == "" {
			id = scenarios.Default
		}
	}
	warnings := doc.Warnings
	if warnings == nil {
		warnings = sim.Diagnostics{}
	}
	return &Loaded{ID: id, File: doc.Name, Scenario: doc.Scenario, Warnings: warnings}, nil
}

// compile opens and compiles the scenario a query asks for.
func (a *API) compile(q Query) (*config.Document, *sim.Space, error) {
	doc, err := a.open(q)
	if err != nil {
		return nil, nil, err
	}
	return doc, doc.Space, nil
}

// AnalyzeRequest is `negsim analyze`: Limit is --limit (sim.DefaultLimit when absent).
type AnalyzeRequest struct {
	Query
	Limit *int `json:"limit,omitempty"`
}

// listCap is the command line's --all: past a million deals a listing is not for reading.
const listCap = 1_000_000

// limitOf is a request's limit on listed deals: --limit's default when it gives none.
func limitOf(limit *int) (int, error) {
	if limit == nil {
		return sim.DefaultLimit, nil
	}
	if *limit < 0 || *limit > listCap {
		return 0, &Error{Kind: KindInput, Message: fmt.Sprintf("limit %d: give 0 to %d", *limit, listCap)}
	}
	return *limit, nil
}

func (a *API) analyze(ctx context.Context, r AnalyzeRequest) (any, error) {
	limit, err := limitOf(r.Limit)
	if err != nil {
		return nil, err
	}
	doc, sp, err := a.compile(r.Query)
	if err != nil {
		return nil, err
	}
	an, err := sim.Analyze(ctx, sp, sim.Options{Limit: limit, Workers: a.opt.Workers})
	if err != nil {
		return nil, err
	}
	return labelled{ProvenanceOf(doc), an}, nil
}

// ExplainRequest is `negsim explain`: Actor is --actor.
type ExplainRequest struct {
	Query
	Actor string `json:"actor,omitempty"`
}

func (a *API) explain(ctx context.Context, r ExplainRequest) (any, error) {
	doc, sp, err := a.compile(r.Query)
	if err != nil {
		return nil, err
	}
	sc := doc.Scenario
	if r.Actor != "" && sc.ActorIndex(r.Actor) < 0 {
		return nil, &Error{Kind: KindInput, Message: fmt.Sprintf("actor %s: no such actor in %s;%s", r.Actor, doc.Name, sim.DidYouMean(r.Actor, actorIDs(sc)))}
	}
	ex, err := sim.Explain(ctx, sp, sim.Options{Workers: a.opt.Workers})
	if err != nil {
		return nil, err
	}
	if r.Actor != "" {
		ex.Actors = []sim.ActorExplanation{ex.Actors[sc.ActorIndex(r.Actor)]}
	}
	return labelled{ProvenanceOf(doc), ex}, nil
}

func actorIDs(sc *sim.Scenario) []string {
	ids := make([]string, len(sc.Actors))
	for i := range sc.Actors {
		ids[i] = sc.Actors[i].ID
	}
	return ids
}

// RoundsRequest is `negsim rounds`: Protocol, Rounds and Seed are its flags.
type RoundsRequest struct {
	Query
	Protocol string `json:"protocol,omitempty"`
	Rounds   int    `json:"rounds,omitempty"`
	Seed     uint64 `json:"seed,omitempty"`
}

func (a *API) rounds(ctx context.Context, r RoundsRequest) (any, error) {
	protocol := sim.ProtocolKind(r.Protocol)
	if protocol != "" && protocol != sim.ProtocolMediated && protocol != sim.ProtocolAlternating {
		return nil, &Error{Kind: KindInput, Message: fmt.Sprintf("protocol %q: valid: %s or %s", r.Protocol, sim.ProtocolMediated, sim.ProtocolAlternating)}
	}
	if r.Rounds < 0 {
		return nil, &Error{Kind: KindInput, Message: fmt.Sprintf("rounds %d: give 1 or more (0 keeps the file's deadline)", r.Rounds)}
	}
	doc, sp, err := a.compile(r.Query)
	if err != nil {
		return nil, err
	}
	tr, err := sim.Rounds(ctx, sp, sim.RoundsOptions{Protocol: protocol, Rounds: r.Rounds, Seed: r.Seed, Workers: a.opt.Workers})
	var pe *sim.PathError
	var invalid sim.Diagnostics
	if errors.As(err, &pe) || errors.As(err, &invalid) {
		// The file is at fault: an event that leads nowhere or leaves the scenario invalid.
		return nil, &Error{Kind: KindInput, Message: fmt.Sprintf("%s: %v", doc.Name, err)}
	}
	if err != nil {
		return nil, err
	}
	return labelled{ProvenanceOf(doc), tr}, nil
}

// CompareRequest is `negsim compare A A --set …`, A the scenario with its variant: what
// the overrides change against the unchanged scenario. Limit is --limit (sim.DefaultLimit
// when absent), which the page leaves out so that it lists what the terminal lists.
type CompareRequest struct {
	Query
	Limit *int `json:"limit,omitempty"`
}

func (a *API) compare(ctx context.Context, r CompareRequest) (any, error) {
	limit, err := limitOf(r.Limit)
	if err != nil {
		return nil, err
	}
	before, err := a.open(Query{Scenario: r.Scenario, Variant: r.Variant})
	if err != nil {
		return nil, err
	}
	after, err := a.open(r.Query)
	if err != nil {
		return nil, err
	}
	c, err := sim.Compare(ctx, before.Space, after.Space, sim.CompareOptions{Limit: limit, Workers: a.opt.Workers, MaxDeals: a.opt.MaxDeals})
	if err != nil {
		return nil, err
	}
	// Named as the command line names its sides: the file, with #variant when one applies.
	c.Before = strings.TrimSuffix(before.Name, ".yaml")
	if r.Variant != "" {
		c.Before += "#" + r.Variant
	}
	c.After = c.Before
	if len(r.Set) > 0 {
		c.After += " --set " + strings.Join(r.Set, " --set ")
	}
	// Each side's what-if, by side, as negsim compare writes it.
	pa, pb := ProvenanceOf(before), ProvenanceOf(after)
	return labelled{struct {
		Variant   map[string]*string  `json:"variant"`
		Overrides map[string][]string `json:"overrides"`
	}{map[string]*string{"a": pa.Variant, "b": pb.Variant}, map[string][]string{"a": pa.Overrides, "b": pb.Overrides}}, c}, nil
}

// ScoreRequest is `negsim score --deal …`: Deal is issue=option pairs separated by commas.
type ScoreRequest struct {
	Query
	Deal string `json:"deal"`
}

func (a *API) score(ctx context.Context, r ScoreRequest) (any, error) {
	doc, sp, err := a.compile(r.Query)
	if err != nil {
		return nil, err
	}
	choice, err := sim.ParseDeal(r.Deal, doc.Scenario)
	if err != nil {
		return nil, err
	}
	scorer, err := sim.NewScorer(ctx, sp, sim.Options{Workers: a.opt.Workers})
	if err != nil {
		return nil, err
	}
	sc, err := scorer.Score(ctx, choice)
	if err != nil {
		return nil, err
	}
	return labelled{ProvenanceOf(doc), sc}, nil
}

// PlaneRequest asks for the chart of two veto actors' utilities: Axes are their ids (the
// first two veto actors when absent), Cells the grid's side (60 when 0).
type PlaneRequest struct {
	Query
	Axes  []string `json:"axes,omitempty"`
	Cells int      `json:"cells,omitempty"`
}

// PlaneResponse is what a chart of two actors draws: every deal and the ZOPA's deals in
// cells, the ZOPA's frontier for the two and the Nash solution (both as `negsim debrief
// --axes` computes them; Nash is null when the zone is empty).
type PlaneResponse struct {
	*sim.Plane
	Frontier []sim.FrontierPoint `json:"frontier"`
	Nash     *sim.FrontierPoint  `json:"nash"`
}

func (a *API) plane(ctx context.Context, r PlaneRequest) (*PlaneResponse, error) {
	doc, sp, err := a.compile(r.Query)
	if err != nil {
		return nil, err
	}
	sc := doc.Scenario
	var veto []string
	for _, ac := range sc.Actors {
		if ac.Veto {
			veto = append(veto, ac.ID)
		}
	}
	axes := r.Axes
	if len(axes) == 0 && len(veto) >= 2 {
		axes = veto[:2]
	}
	if len(axes) != 2 || axes[0] == axes[1] || !slices.Contains(veto, axes[0]) || !slices.Contains(veto, axes[1]) {
		return nil, &Error{Kind: KindInput, Message: fmt.Sprintf("axes %s: give two different veto actors of %s (%s)", strings.Join(axes, ","), doc.Name, strings.Join(veto, ", "))}
	}
	cells := r.Cells
	if cells == 0 {
		cells = 60
	}
	pos := [2]int{sc.ActorIndex(axes[0]), sc.ActorIndex(axes[1])}
	pl, err := sim.PlaneOf(ctx, sp, pos[0], pos[1], cells)
	if err != nil {
		return nil, err
	}
	scorer, err := sim.NewScorer(ctx, sp, sim.Options{Workers: a.opt.Workers})
	if err != nil {
		return nil, err
	}
	db, err := scorer.Debrief(ctx, nil, &pos)
	if err != nil {
		return nil, err
	}
	return &PlaneResponse{Plane: pl, Frontier: db.Frontier, Nash: db.Nash}, nil
}

// SensitivityRequest is `negsim sensitivity --all`: every value with its nearest
// thresholds, and every red line widened and constraint dropped. Only is --only.
type SensitivityRequest struct {
	Query
	Only []sim.Category `json:"only,omitempty"`
}

func (a *API) sensitivity(ctx context.Context, r SensitivityRequest) (any, error) {
	for _, c := range r.Only {
		if _, err := sim.ParseCategory(string(c)); err != nil {
			return nil, &Error{Kind: KindInput, Message: "only " + err.Error()}
		}
	}
	doc, sp, err := a.compile(r.Query)
	if err != nil {
		return nil, err
	}
	rep, err := sim.RunSensitivity(ctx, sp, sim.SensitivityOptions{Only: r.Only, Workers: a.opt.Workers})
	if err != nil {
		return nil, err
	}
	return labelled{ProvenanceOf(doc), rep}, nil
}
