package config

import "github.com/negsim/negsim/sim"

// doc describes a scenario type or field for the JSON Schema, which editors show as a
// teacher types. rules are schema keywords for the value itself, item for each element of
// a list or each value of a mapping. Bounds that the validator checks are repeated here so
// that an editor flags them at once; a test proves the loader refuses every value these
// bounds refuse.
type doc struct {
	text  string
	rules map[string]any
	item  map[string]any
	// shorthand holds keywords for the scalar that may stand for a whole struct.
	shorthand map[string]any
}

var (
	slug     = map[string]any{"pattern": sim.SlugPattern}
	slugKeys = map[string]any{"propertyNames": slug}
	unit     = map[string]any{"minimum": 0, "maximum": 1}
	// optionList is a constraint's list of options on one issue; an empty one never holds.
	optionList = map[string]any{"minItems": 1, "items": map[string]any{"type": "string", "pattern": sim.SlugPattern}}
	// timeDependent matches a strategy of kind time-dependent.
	timeDependent = map[string]any{"required": []any{"kind"}, "properties": map[string]any{"kind": map[string]any{"const": sim.StrategyTimeDependent}}}
)

// fieldDocs is keyed by the Go type name ("Actor") for a type and by type and file field
// name ("Actor.reservation") for a field. Every field of the schema has an entry.
var fieldDocs = map[string]doc{
	"Scenario":               {text: "A negotiation scenario for negsim: the issues on the table, the actors bargaining over them, and how rounds of talks proceed."},
	"Scenario.name":          {text: "The scenario's title, shown at the top of every report."},
	"Scenario.description":   {text: "What the scenario is about and what it leaves out, for students."},
	"Scenario.stance":        {text: "What kind of model this is, in one line (\"a teaching model, not a forecast\"); shown wherever the scenario's results are."},
	"Scenario.teacher_notes": {text: "Notes for the teacher only (results, spoilers, discussion points): shown by explain --teacher and the teacher's report, never in briefs or the public sheet."},
	"Scenario.sources":       {text: "The documents that values in the scenario cite by their id (in source: and note: fields)."},
	"Scenario.issues":        {text: "The questions a deal must settle. A deal picks one option on every issue."},
	"Scenario.actors":        {text: "The parties whose utility negsim scores. Veto actors must all accept a deal for it to be in the zone of possible agreement."},
	"Scenario.decision":      {text: "A vote count on top of the vetoes: a deal passes when every veto actor accepts it and the actors that accept it hold at least votes_needed votes (Harborco: five of six; the UN Security Council: nine of fifteen, no permanent member against)."},
	"Scenario.protocol":      {text: "How rounds of talks proceed (negsim rounds)."},
	"Scenario.events":        {text: "Changes that happen at the start of a round: a winter campaign, new sanctions."},
	"Scenario.variants":      {text: "Named what-ifs shipped with the scenario; run one with --variant ID or FILE#ID."},
	"Scenario.uncertainty":   {text: "Distributions for numbers the scenario is unsure of, keyed by path, e.g. actors.russia.reservation: {dist: uniform, min: 0.5, max: 0.7}; negsim montecarlo draws from them."},

	"Source":       {text: "A document the scenario's values rest on."},
	"Source.id":    {text: "A short id that source: and note: fields cite, e.g. \"001\" or \"nyt-2026-02\". Lower-case letters, digits, '-' and '_'.", rules: slug},
	"Source.title": {text: "The document's title or a one-line description."},
	"Source.file":  {text: "A file name, when the document is handed out with the scenario."},
	"Source.url":   {text: "Where the document can be read."},
	"Source.date":  {text: "When the document was published, e.g. 2026-02-05."},
	"Source.note":  {text: "Anything a reader should know about the document."},

	"Issue":             {text: "One question the deal must settle, with its options ordered as a scale from one end to the other."},
	"Issue.id":          {text: "The issue's id, used in preferences, constraints and --set paths. Lower-case letters, digits, '-' and '_'.", rules: slug},
	"Issue.name":        {text: "The issue's name as reports show it."},
	"Issue.description": {text: "What the issue is about."},
	"Issue.options":     {text: "The possible settlements, in order along a scale: an ideal-point preference values options by their distance in this order."},
	"Issue.source":      {text: "Where the issue and its options come from: a source id and what it says."},
	"Issue.note":        {text: "Assumptions behind the issue, or anything a student should question."},

	"Option":             {text: "One possible settlement of an issue."},
	"Option.id":          {text: "The option's id, used in utilities, acceptable lists, constraints and reports.", rules: slug},
	"Option.label":       {text: "A short readable name."},
	"Option.description": {text: "What choosing this option would mean, with sources."},

	"Actor":                   {text: "A party to the negotiation and what it wants."},
	"Actor.id":                {text: "The actor's id, used in --set paths and reports.", rules: slug},
	"Actor.name":              {text: "The actor's name as reports show it."},
	"Actor.description":       {text: "Who the actor is."},
	"Actor.veto":              {text: "Whether the actor must accept a deal (true) or is only scored and reported (false: an observer, a party not at the table)."},
	"Actor.power":             {text: "Bargaining power, above 0: the actor's weight in the asymmetric Nash solution. Only ratios between actors count.", rules: map[string]any{"exclusiveMinimum": 0}},
	"Actor.reservation":       {text: "The utility of no agreement (its BATNA), from 0 to 1: the actor rejects every deal worth less to it.", rules: unit},
	"Actor.reservation_drift": {text: "Added to the reservation each round, from -1 to 1: negative when time works against the actor.", rules: map[string]any{"minimum": -1, "maximum": 1}},
	"Actor.strategy":          {text: "How the actor concedes over rounds: a kind name, or kind and exponent."},
	"Actor.preferences":       {text: "One entry per issue the actor cares about, keyed by issue id; an issue left out has weight 0.", rules: slugKeys},
	"Actor.constraints":       {text: "Conditional red lines across issues: a deal that meets if but not then is unacceptable to the actor."},
	"Actor.source":            {text: "Where the actor's position comes from."},
	"Actor.note":              {text: "Assumptions behind the actor's numbers, such as its reservation."},
	"Actor.votes":             {text: "What the actor's acceptance counts for, 0 or more (default 1): under decision.votes_needed at the table, or toward the ratification of the actor it ratifies for (seats, or shares of an electorate).", rules: map[string]any{"minimum": 0}},
	"Actor.ratification":      {text: "Who must ratify a deal at home before the actor can sign it (Putnam's Level II): a parliament, a referendum, hardliners."},
	"Actor.beliefs":           {text: "What the actor believes about the others where it differs from this file: its own picture of the talks, which it proposes from in rounds."},
	"Actor.utility_scale":     {text: "For imported profiles: the factor that turns this actor's utilities back into the source file's raw units (negsim itself works in 0..1).", rules: map[string]any{"minimum": 0}},

	"Preference":            {text: "How much the actor cares about one issue and how it values each option: give utilities, or ideal (and shape).", rules: map[string]any{"oneOf": []any{map[string]any{"required": []any{"utilities"}}, map[string]any{"required": []any{"ideal"}}}, "dependentRequired": map[string]any{"shape": []any{"ideal"}}}},
	"Preference.weight":     {text: "How much the issue matters to the actor, 0 or more. Weights are normalised per actor, so only their ratios count; writing them to sum 100 keeps them readable.", rules: map[string]any{"minimum": 0}},
	"Preference.utilities":  {text: "A value from 0 (worst) to 1 (best) for every option of the issue, keyed by option id.", rules: slugKeys, item: unit},
	"Preference.ideal":      {text: "The option the actor likes best; others lose value with their distance from it along the scale.", rules: slug},
	"Preference.shape":      {text: "How value falls with distance from the ideal: linear (the default) or quadratic (forgiving near the ideal).", rules: map[string]any{"enum": []any{sim.ShapeLinear, sim.ShapeQuadratic}}},
	"Preference.acceptable": {text: "The red line: the only options the actor can live with on this issue. Leave it out to accept every option.", rules: map[string]any{"minItems": 1}, item: slug},
	"Preference.source":     {text: "Where the weight and values come from: a source id and what it says."},
	"Preference.note":       {text: "Which numbers are assumptions, for students to question."},

	"Constraint":        {text: "A conditional red line: when a deal meets every condition in if, it must meet every condition in then."},
	"Constraint.if":     {text: "Issue ids mapped to lists of options: the condition holds when the deal picks one of the listed options on every issue named.", rules: slugKeys, item: optionList},
	"Constraint.then":   {text: "Issue ids mapped to lists of options the deal must then pick.", rules: slugKeys, item: optionList},
	"Constraint.why":    {text: "Why the actor holds this line, in one sentence; explain and analyze print it."},
	"Constraint.source": {text: "Where the constraint comes from."},
	"Constraint.note":   {text: "Assumptions behind the constraint."},

	"Decision":              {text: "A vote-counting rule on top of the vetoes."},
	"Decision.votes_needed": {text: "How many votes, summed over the actors that accept a deal, it needs to pass; 0 (the default) leaves the veto actors' unanimity alone. Ratifiers do not vote here.", rules: map[string]any{"minimum": 0}},
	"Decision.source":       {text: "Where the rule comes from (a charter, the game's instructions)."},
	"Decision.note":         {text: "Assumptions behind the rule."},

	"Ratification":              {text: "The actor's constituency: the actors, written in this file with their own preferences, red lines and reservations, whose votes ratify a deal for it."},
	"Ratification.by":           {text: "The ids of the ratifying actors. Each ratifies for one actor only, holds no veto, and has no ratifiers of its own.", rules: map[string]any{"minItems": 1}, item: slug},
	"Ratification.votes_needed": {text: "How many of the ratifiers' votes a deal needs; 0 or left out asks for all of them.", rules: map[string]any{"minimum": 0}},
	"Ratification.source":       {text: "Where the ratification rule comes from (a constitution, a poll)."},
	"Ratification.note":         {text: "Assumptions behind the constituency."},

	"Beliefs":        {text: "The actor's own picture of the others."},
	"Beliefs.set":    {text: "Paths mapped to the values the actor believes, each about another actor, e.g. actors.russia.reservation: 0.5. The same paths as --set."},
	"Beliefs.source": {text: "Where the belief comes from."},
	"Beliefs.note":   {text: "Why the actor believes this, for students to question."},

	"Strategy": {text: "How the actor concedes over bargaining rounds.",
		rules: map[string]any{"allOf": []any{
			// Only time-dependent takes an exponent, and it needs one.
			map[string]any{"if": map[string]any{"required": []any{"exponent", "kind"}}, "then": timeDependent},
			map[string]any{"if": timeDependent, "then": map[string]any{"required": []any{"exponent"}}},
		}},
		shorthand: map[string]any{"not": map[string]any{"const": sim.StrategyTimeDependent}}},
	"Strategy.kind":     {text: "boulware holds out and concedes late, conceder early, linear evenly; time-dependent takes its exponent from the file; tit-for-tat mirrors the others; hardliner never concedes.", rules: map[string]any{"enum": stringsAsAny(sim.StrategyKinds)}},
	"Strategy.exponent": {text: "For time-dependent only: the concession exponent e, above 0 (below 1 concedes late, above 1 early).", rules: map[string]any{"exclusiveMinimum": 0}},

	"Protocol":          {text: "How rounds of talks proceed."},
	"Protocol.kind":     {text: "mediated: a mediator proposes a single negotiating text each round; alternating: veto actors propose in turn.", rules: map[string]any{"enum": []any{sim.ProtocolMediated, sim.ProtocolAlternating}}},
	"Protocol.rounds":   {text: "The deadline: how many rounds the talks last.", rules: map[string]any{"minimum": 0}},
	"Protocol.mediator": {text: "The id of the actor that mediates, for the mediated protocol.", rules: slug},
	"Protocol.rule":     {text: "How the mediator picks its proposal: nash (the Nash product of the surpluses) or mediator (its own utility).", rules: map[string]any{"enum": []any{sim.RuleNash, sim.RuleMediator}}},
	"Protocol.source":   {text: "Where the protocol and deadline come from."},
	"Protocol.note":     {text: "Assumptions behind the protocol, such as why this many rounds."},

	"Event":        {text: "A change at the start of a round; give set, add or both.", rules: map[string]any{"anyOf": []any{changes("set"), changes("add")}}},
	"Event.round":  {text: "The round at whose start the change happens, counting from 0.", rules: map[string]any{"minimum": 0}},
	"Event.why":    {text: "What happens, in one sentence; the transcript prints it at its round."},
	"Event.set":    {text: "Paths mapped to new values, e.g. actors.russia.reservation: 0.5."},
	"Event.add":    {text: "Paths mapped to numbers to add, e.g. actors.ukraine.reservation: -0.05.", item: map[string]any{"type": "number"}},
	"Event.source": {text: "Where the event comes from."},
	"Event.note":   {text: "Assumptions behind the event."},

	"Variant":               {text: "A named bundle of overrides: a what-if shipped with the scenario."},
	"Variant.id":            {text: "The variant's id, for --variant ID or FILE#ID.", rules: slug},
	"Variant.description":   {text: "What the variant changes and why."},
	"Variant.set":           {text: "Paths mapped to new values, e.g. actors.russia.reservation: 0.4. A path names list elements by id: actors.ukraine.preferences.territory.weight."},
	"Variant.teacher_notes": {text: "Notes for the teacher only on what the variant shows; never in briefs."},
	"Variant.source":        {text: "Where the what-if comes from."},
	"Variant.note":          {text: "Assumptions behind the what-if."},
	"Uncertain":             {text: "A distribution for one number of the scenario, drawn afresh in every Monte Carlo draw."},
	"Uncertain.dist":        {text: "The distribution: uniform (min, max), triangular (min, mode, max), normal (mean, sd; truncated to the path's valid range, and to [min, max] when given) or beta (alpha, beta; scaled to [min, max] when given).", rules: map[string]any{"enum": []any{"uniform", "triangular", "normal", "beta"}}},
	"Uncertain.min":         {text: "The smallest value drawn (uniform, triangular; optional bound for normal and beta)."},
	"Uncertain.max":         {text: "The largest value drawn (uniform, triangular; optional bound for normal and beta)."},
	"Uncertain.mode":        {text: "The most likely value of a triangular distribution."},
	"Uncertain.mean":        {text: "The mean of a normal distribution."},
	"Uncertain.sd":          {text: "The standard deviation of a normal distribution, 0 or more.", rules: map[string]any{"minimum": 0}},
	"Uncertain.alpha":       {text: "The first shape parameter of a beta distribution, above 0.", rules: map[string]any{"exclusiveMinimum": 0}},
	"Uncertain.beta":        {text: "The second shape parameter of a beta distribution, above 0.", rules: map[string]any{"exclusiveMinimum": 0}},
	"Uncertain.source":      {text: "Where the range comes from."},
	"Uncertain.note":        {text: "Why this distribution: what the uncertainty is about."},
}

// changes says an event must change something through field f.
func changes(f string) map[string]any {
	return map[string]any{"required": []any{f}, "properties": map[string]any{f: map[string]any{"minProperties": 1}}}
}

func stringsAsAny[K ~string](ss []K) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = string(s)
	}
	return out
}
