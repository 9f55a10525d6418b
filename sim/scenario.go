package sim

import "slices"

// The types below are the scenario file's schema as well as the engine's input: the json
// tags are the field names a teacher writes, the `default` tags the values a missing field
// takes, a `negsim:"key=F"` tag marks a list written in files as a mapping whose keys fill
// field F of each element, and `negsim:"required"` marks a field every file must give
// (validation enforces it; the JSON Schema declares it). One set of names serves files,
// --set paths, JSON output and the published JSON Schema, so they cannot drift apart.

// Scenario is one negotiation: issues on the table, the actors bargaining over them, and how
// rounds of talks proceed.
type Scenario struct {
	Name        string `json:"name" negsim:"required"`
	Description string `json:"description,omitempty"`
	// Stance says what kind of model this is (a teaching model, not a forecast); every
	// output that shows the scenario's results repeats it.
	Stance string `json:"stance,omitempty"`
	// TeacherNotes are for the teacher only: results, spoilers and discussion points that
	// briefs and the public sheet must never show.
	TeacherNotes string   `json:"teacher_notes,omitempty"`
	Sources      []Source `json:"sources,omitempty"`
	Issues       []Issue  `json:"issues" negsim:"required"`
	Actors       []Actor  `json:"actors" negsim:"required"`
	// Decision adds a vote count to the veto actors' unanimity (MODEL.md section 6).
	Decision Decision  `json:"decision,omitzero"`
	Protocol Protocol  `json:"protocol,omitzero"`
	Events   []Event   `json:"events,omitempty"`
	Variants []Variant `json:"variants,omitempty"`
	// Uncertainty gives distributions for numeric values, for Monte Carlo runs.
	Uncertainty []Uncertain `json:"uncertainty,omitempty" negsim:"key=path"`
}

// Source is a document that values in the scenario cite by its id.
type Source struct {
	ID    string `json:"id" negsim:"required"`
	Title string `json:"title"`
	File  string `json:"file,omitempty"`
	URL   string `json:"url,omitempty"`
	Date  string `json:"date,omitempty"`
	Note  string `json:"note,omitempty"`
}

// Issue is one question the deal must settle, with its options ordered as a scale.
type Issue struct {
	ID          string   `json:"id" negsim:"required"`
	Name        string   `json:"name" negsim:"required"`
	Description string   `json:"description,omitempty"`
	Options     []Option `json:"options" negsim:"required"`
	Source      string   `json:"source,omitempty"`
	Note        string   `json:"note,omitempty"`
}

// Option is one possible settlement of an issue. An option with nothing but its id may be
// written as the id alone: options: [low, mid, high].
type Option struct {
	ID          string `json:"id" negsim:"required,shorthand"`
	Label       string `json:"label,omitempty"`
	Description string `json:"description,omitempty"`
}

// Actor is a party whose utility the engine scores. A veto actor must accept a deal for it
// to be in the zone of possible agreement; a non-veto actor is scored and reported only.
type Actor struct {
	ID               string       `json:"id" negsim:"required"`
	Name             string       `json:"name" negsim:"required"`
	Description      string       `json:"description,omitempty"`
	Veto             bool         `json:"veto"`
	Power            float64      `json:"power"`
	Reservation      float64      `json:"reservation" negsim:"required"`
	ReservationDrift float64      `json:"reservation_drift,omitempty"`
	Strategy         Strategy     `json:"strategy,omitzero"`
	Preferences      []Preference `json:"preferences" negsim:"key=issue,required"`
	Constraints      []Constraint `json:"constraints,omitempty"`
	Source           string       `json:"source,omitempty"`
	Note             string       `json:"note,omitempty"`
	// Votes is what the actor's acceptance counts for: under the scenario's decision rule
	// when it sits at the table, toward a ratification when it ratifies for another actor.
	Votes int `json:"votes,omitempty"`
	// Ratification names the constituency that must ratify a deal at home (Level II).
	Ratification Ratification `json:"ratification,omitzero"`
	// Beliefs are what the actor believes about the others, where it differs from the file.
	Beliefs Beliefs `json:"beliefs,omitzero"`
	// UtilityScale, when set, is the factor that turns this actor's utilities back into the
	// units of the file they were imported from (raw = utility × utility_scale), for
	// profiles whose raw evaluations do not fit in [0,1]. The engine never reads it.
	UtilityScale float64 `json:"utility_scale,omitempty"`
}

// NewActor is an actor as a scenario file gives one that says no more than its id and
// name: a veto actor of power 1 with one vote. Code that builds a scenario (an importer, a
// generator) starts from it rather than writing the defaults again, and the file reader,
// the writer and the schema take their defaults from it: it is the one place they are set.
func NewActor(id, name string) Actor {
	return Actor{ID: id, Name: name, Veto: true, Power: 1, Votes: 1}
}

// Decision is a vote-counting rule on top of the vetoes: a deal passes when every veto
// actor accepts it and the actors that accept it hold at least VotesNeeded votes. Zero
// leaves the vetoes' unanimity alone.
type Decision struct {
	VotesNeeded int    `json:"votes_needed"`
	Source      string `json:"source,omitempty"`
	Note        string `json:"note,omitempty"`
}

// Ratification is an actor's home constituency (Putnam's Level II): a deal is ratified for
// the actor when the actors in By that accept it hold at least VotesNeeded votes; zero
// asks for all of their votes.
type Ratification struct {
	By          []string `json:"by" negsim:"required"`
	VotesNeeded int      `json:"votes_needed,omitempty"`
	Source      string   `json:"source,omitempty"`
	Note        string   `json:"note,omitempty"`
}

// Beliefs are an actor's own picture of the others: overrides, in --set's paths, of values
// that belong to other actors. Applied to the scenario they give the actor's perceived
// scenario.
type Beliefs struct {
	Set    []Assignment `json:"set" negsim:"key=path,required"`
	Source string       `json:"source,omitempty"`
	Note   string       `json:"note,omitempty"`
}

// Preference is how much an actor cares about one issue and how it values each option.
// Values come either from Utilities (one per option) or from Ideal and Shape.
type Preference struct {
	Issue      string             `json:"issue"`
	Weight     float64            `json:"weight" negsim:"required"`
	Utilities  map[string]float64 `json:"utilities,omitempty"`
	Ideal      string             `json:"ideal,omitempty"`
	Shape      Shape              `json:"shape,omitempty"`
	Acceptable []string           `json:"acceptable,omitempty"`
	Source     string             `json:"source,omitempty"`
	Note       string             `json:"note,omitempty"`
}

// Value is the preference's unweighted value in [0,1] for option o of issue is, from its
// utilities or its ideal point.
func (pr *Preference) Value(is *Issue, o int) float64 { return optionValue(pr, is, o) }

// Accepts reports whether the preference's red line lets option through: every option
// does when it writes no acceptable list.
func (pr *Preference) Accepts(option string) bool {
	return pr.Acceptable == nil || slices.Contains(pr.Acceptable, option)
}

// Shapes of ideal-point utilities: the value falls with the distance from the ideal option,
// in proportion (linear) or with its square (quadratic, forgiving near the ideal).
const (
	ShapeLinear    Shape = "linear"
	ShapeQuadratic Shape = "quadratic"
)

// Shape names how an ideal-point value falls with the distance from the ideal.
type Shape string

// Shapes lists every shape a file may name.
var Shapes = []Shape{ShapeLinear, ShapeQuadratic}

// Constraint is a conditional red line across issues: a deal that meets every condition in
// If must meet every condition in Then, or the actor rejects it.
type Constraint struct {
	If     map[string][]string `json:"if" negsim:"required"`
	Then   map[string][]string `json:"then" negsim:"required"`
	Why    string              `json:"why,omitempty"`
	Source string              `json:"source,omitempty"`
	Note   string              `json:"note,omitempty"`
}

// Strategy is how an actor concedes over bargaining rounds.
type Strategy struct {
	Kind     StrategyKind `json:"kind" negsim:"shorthand"`
	Exponent float64      `json:"exponent,omitempty"`
}

// Protocol is how rounds of talks proceed.
type Protocol struct {
	Kind     ProtocolKind `json:"kind,omitempty"`
	Rounds   int          `json:"rounds,omitempty"`
	Mediator string       `json:"mediator,omitempty"`
	Rule     Rule         `json:"rule,omitempty"`
	Source   string       `json:"source,omitempty"`
	Note     string       `json:"note,omitempty"`
}

// Event changes the scenario at the start of a round: a winter strike campaign, new
// sanctions, a pause in fighting.
type Event struct {
	Round  int          `json:"round"`
	Why    string       `json:"why" negsim:"required"`
	Set    []Assignment `json:"set,omitempty" negsim:"key=path"`
	Add    []Assignment `json:"add,omitempty" negsim:"key=path"`
	Source string       `json:"source,omitempty"`
	Note   string       `json:"note,omitempty"`
}

// Variant is a named bundle of overrides a teacher ships with a scenario.
type Variant struct {
	ID          string       `json:"id" negsim:"required"`
	Description string       `json:"description" negsim:"required"`
	Set         []Assignment `json:"set" negsim:"key=path,required"`
	// TeacherNotes are what the variant shows, for the teacher only (see Scenario).
	TeacherNotes string `json:"teacher_notes,omitempty"`
	Source       string `json:"source,omitempty"`
	Note         string `json:"note,omitempty"`
}

// Uncertain is a distribution for the number at Path, drawn afresh in every Monte Carlo
// draw. Which parameters apply depends on Dist:
//   - uniform: min and max;
//   - triangular: min, mode and max;
//   - normal: mean and sd, truncated to the range the path allows (a reservation stays in
//     [0,1]) and further to [min, max] when they are given;
//   - beta: alpha and beta, scaled from [0,1] to [min, max] when they are given.
//
// A zero-width distribution (min equal to max, or sd 0) always gives the same value. For
// normal and beta, min and max both 0 read as not given.
type Uncertain struct {
	Path   string       `json:"path"`
	Dist   Distribution `json:"dist"`
	Min    float64      `json:"min,omitempty"`
	Max    float64      `json:"max,omitempty"`
	Mode   float64      `json:"mode,omitempty"`
	Mean   float64      `json:"mean,omitempty"`
	SD     float64      `json:"sd,omitempty"`
	Alpha  float64      `json:"alpha,omitempty"`
	Beta   float64      `json:"beta,omitempty"`
	Source string       `json:"source,omitempty"`
	Note   string       `json:"note,omitempty"`
}

// Assignment is one value written at a path such as actors.russia.reservation.
type Assignment struct {
	Path  string `json:"path"`
	Value any    `json:"value" negsim:"value"`
}

// ActorIndex returns the position of the actor with the given id, or -1.
func (s *Scenario) ActorIndex(id string) int {
	for i := range s.Actors {
		if s.Actors[i].ID == id {
			return i
		}
	}
	return -1
}

// IssueIndex returns the position of the issue with the given id, or -1.
func (s *Scenario) IssueIndex(id string) int {
	for i := range s.Issues {
		if s.Issues[i].ID == id {
			return i
		}
	}
	return -1
}

// OptionIndex returns the position of the option with the given id, or -1.
func (is *Issue) OptionIndex(id string) int {
	for i := range is.Options {
		if is.Options[i].ID == id {
			return i
		}
	}
	return -1
}

// Preference returns the actor's preference on an issue, or nil when it does not care.
func (a *Actor) Preference(issue string) *Preference {
	for i := range a.Preferences {
		if a.Preferences[i].Issue == issue {
			return &a.Preferences[i]
		}
	}
	return nil
}
