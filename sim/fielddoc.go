package sim

import "slices"

// FieldDoc describes a scenario type or field for the JSON Schema, which editors show as a
// teacher types, and for errors about a missing field. Rules are schema keywords for the
// value itself, Item for each element of a list or each value of a mapping. Bounds that
// the validator checks are repeated here so that an editor flags them at once; config's
// test proves the loader refuses every value these bounds refuse, and rangeOf reads them to
// bound Monte Carlo draws and events. The descriptions live beside
// the types so that a field's name, words and bounds are written in this package; README's
// "How the code is laid out" lists what else a new field touches.
type FieldDoc struct {
	Text  string
	Rules map[string]any
	Item  map[string]any
	// Shorthand holds keywords for the scalar that may stand for a whole struct.
	Shorthand map[string]any
}

// DocOf is the description of a type ("Actor") or of one of its fields by its file name
// ("Actor.reservation"); the zero FieldDoc when there is none.
func DocOf(key string) FieldDoc { return fieldDocs[key] }

// DocKeys lists every type and field fieldDocs describes, sorted.
func DocKeys() []string {
	keys := make([]string, 0, len(fieldDocs))
	for k := range fieldDocs {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

var (
	slug     = map[string]any{"pattern": SlugPattern}
	slugKeys = map[string]any{"propertyNames": slug}
	// A belief's path starts actors.ID. and goes on to one of that actor's values; null,
	// which drops a belief in a variant or an event, sets nothing in the belief itself.
	beliefPaths = map[string]any{"propertyNames": map[string]any{"pattern": `^actors\.[^.]+\.[^.]`}}
	notNull     = map[string]any{"not": map[string]any{"type": "null"}}
	unit        = map[string]any{"minimum": 0, "maximum": 1}
	// optionList is a constraint's list of options on one issue; an empty one never holds.
	optionList = map[string]any{"minItems": 1, "items": map[string]any{"type": "string", "pattern": SlugPattern}}
	// timeDependent matches a strategy of kind time-dependent.
	timeDependent = map[string]any{"required": []any{"kind"}, "properties": map[string]any{"kind": map[string]any{"const": StrategyTimeDependent}}}
)

// fieldDocs is keyed by the Go type name ("Actor") for a type and by type and file field
// name ("Actor.reservation") for a field. Every field of the schema has an entry.
var fieldDocs = map[string]FieldDoc{
	"Scenario":               {Text: "A negotiation scenario for negsim: the issues on the table, the actors bargaining over them, and how rounds of talks proceed."},
	"Scenario.name":          {Text: "The scenario's title, shown at the top of every report."},
	"Scenario.description":   {Text: "What the scenario is about and what it leaves out, for students."},
	"Scenario.stance":        {Text: "What kind of model this is, in one line (\"a teaching model, not a forecast\"); shown wherever the scenario's results are."},
	"Scenario.teacher_notes": {Text: "Notes for the teacher only (results, spoilers, discussion points): shown by explain --teacher and the teacher's report, never in briefs or the public sheet."},
	"Scenario.sources":       {Text: "The documents that values in the scenario cite by their id (in source: and note: fields)."},
	"Scenario.issues":        {Text: "The questions a deal must settle. A deal picks one option on every issue."},
	"Scenario.actors":        {Text: "The parties whose utility negsim scores. Veto actors must all accept a deal for it to be in the zone of possible agreement."},
	"Scenario.decision":      {Text: "A vote count on top of the vetoes: a deal passes when every veto actor accepts it and the actors that accept it hold at least votes_needed votes (Harborco: five of six; the UN Security Council: nine of fifteen, no permanent member against)."},
	"Scenario.protocol":      {Text: "How rounds of talks proceed (negsim rounds)."},
	"Scenario.events":        {Text: "Changes that happen at the start of a round: a winter campaign, new sanctions."},
	"Scenario.variants":      {Text: "Named what-ifs shipped with the scenario; run one with --variant ID or FILE#ID."},
	"Scenario.uncertainty":   {Text: "Distributions for numbers the scenario is unsure of, keyed by path, e.g. actors.russia.reservation: {dist: uniform, min: 0.5, max: 0.7}; negsim montecarlo draws from them."},

	"Source":       {Text: "A document the scenario's values rest on."},
	"Source.id":    {Text: "A short id that source: and note: fields cite, e.g. \"001\" or \"nyt-2026-02\". Lower-case letters, digits, '-' and '_'.", Rules: slug},
	"Source.title": {Text: "The document's title or a one-line description."},
	"Source.file":  {Text: "A file name, when the document is handed out with the scenario."},
	"Source.url":   {Text: "Where the document can be read."},
	"Source.date":  {Text: "When the document was published, e.g. 2026-02-05."},
	"Source.note":  {Text: "Anything a reader should know about the document."},

	"Issue":             {Text: "One question the deal must settle, with its options ordered as a scale from one end to the other."},
	"Issue.id":          {Text: "The issue's id, used in preferences, constraints and --set paths. Lower-case letters, digits, '-' and '_'.", Rules: slug},
	"Issue.name":        {Text: "The issue's name as reports show it."},
	"Issue.description": {Text: "What the issue is about."},
	"Issue.options":     {Text: "The possible settlements, in order along a scale: an ideal-point preference values options by their distance in this order."},
	"Issue.source":      {Text: "Where the issue and its options come from: a source id and what it says."},
	"Issue.note":        {Text: "Assumptions behind the issue, or anything a student should question."},

	"Option":             {Text: "One possible settlement of an issue; an option with nothing but its id may be written as the id alone."},
	"Option.id":          {Text: "The option's id, used in utilities, acceptable lists, constraints and reports.", Rules: slug},
	"Option.label":       {Text: "A short readable name."},
	"Option.description": {Text: "What choosing this option would mean, with sources."},

	"Actor":                   {Text: "A party to the negotiation and what it wants."},
	"Actor.id":                {Text: "The actor's id, used in --set paths and reports.", Rules: slug},
	"Actor.name":              {Text: "The actor's name as reports show it."},
	"Actor.description":       {Text: "Who the actor is."},
	"Actor.veto":              {Text: "Whether the actor must accept a deal (true) or is only scored and reported (false: an observer, a party not at the table)."},
	"Actor.power":             {Text: "Bargaining power, above 0: the actor's weight in the asymmetric Nash solution. Only ratios between actors count.", Rules: map[string]any{"exclusiveMinimum": 0}},
	"Actor.reservation":       {Text: "The utility of no agreement (its BATNA), from 0 to 1: the actor rejects every deal worth less to it.", Rules: unit},
	"Actor.reservation_drift": {Text: "Added to the reservation each round, from -1 to 1: negative when time works against the actor.", Rules: map[string]any{"minimum": -1, "maximum": 1}},
	"Actor.strategy":          {Text: "How the actor concedes over rounds: a kind name, or kind and exponent."},
	"Actor.preferences":       {Text: "One entry per issue the actor cares about, keyed by issue id; an issue left out has weight 0.", Rules: slugKeys},
	"Actor.constraints":       {Text: "Conditional red lines across issues: a deal that meets if but not then is unacceptable to the actor."},
	"Actor.source":            {Text: "Where the actor's position comes from."},
	"Actor.note":              {Text: "Assumptions behind the actor's numbers, such as its reservation."},
	"Actor.votes":             {Text: "What the actor's acceptance counts for, a whole number, 0 or more (default 1): under decision.votes_needed at the table, or toward the ratification of the actor it ratifies for (seats, or a share of an electorate in percent: 55 for 55%).", Rules: map[string]any{"minimum": 0}},
	"Actor.ratification":      {Text: "Who must ratify a deal at home before the actor can sign it (Putnam's Level II): a parliament, a referendum, hardliners."},
	"Actor.beliefs":           {Text: "What the actor believes about the others where it differs from this file: its own picture of the talks, which it proposes from in rounds."},
	"Actor.utility_scale":     {Text: "For imported profiles: the factor that turns this actor's utilities back into the source file's raw units (negsim itself works in 0..1).", Rules: map[string]any{"minimum": 0}},

	"Preference":            {Text: "How much the actor cares about one issue and how it values each option: give utilities, or ideal (and shape).", Rules: map[string]any{"oneOf": []any{map[string]any{"required": []any{"utilities"}}, map[string]any{"required": []any{"ideal"}}}, "dependentRequired": map[string]any{"shape": []any{"ideal"}}}},
	"Preference.weight":     {Text: "How much the issue matters to the actor, 0 or more. Weights are normalised per actor, so only their ratios count; writing them to sum 100 keeps them readable.", Rules: map[string]any{"minimum": 0}},
	"Preference.utilities":  {Text: "A value from 0 (worst) to 1 (best) for every option of the issue, keyed by option id.", Rules: slugKeys, Item: unit},
	"Preference.ideal":      {Text: "The option the actor likes best; others lose value with their distance from it along the scale.", Rules: slug},
	"Preference.shape":      {Text: "How value falls with distance from the ideal: linear (the default) or quadratic (forgiving near the ideal).", Rules: map[string]any{"enum": []any{ShapeLinear, ShapeQuadratic}}},
	"Preference.acceptable": {Text: "The red line: the only options the actor can live with on this issue. Leave it out to accept every option.", Rules: map[string]any{"minItems": 1}, Item: slug},
	"Preference.source":     {Text: "Where the weight and values come from: a source id and what it says."},
	"Preference.note":       {Text: "Which numbers are assumptions, for students to question."},

	"Constraint":        {Text: "A conditional red line: when a deal meets every condition in if, it must meet every condition in then."},
	"Constraint.if":     {Text: "Issue ids mapped to lists of options: the condition holds when the deal picks one of the listed options on every issue named.", Rules: slugKeys, Item: optionList},
	"Constraint.then":   {Text: "Issue ids mapped to lists of options the deal must then pick.", Rules: slugKeys, Item: optionList},
	"Constraint.why":    {Text: "Why the actor holds this line, in one sentence; explain and analyze print it."},
	"Constraint.source": {Text: "Where the constraint comes from."},
	"Constraint.note":   {Text: "Assumptions behind the constraint."},

	"Decision":              {Text: "A vote-counting rule on top of the vetoes."},
	"Decision.votes_needed": {Text: "How many votes, summed over the actors that accept a deal, it needs to pass; 0 (the default) leaves the veto actors' unanimity alone. Ratifiers do not vote here.", Rules: map[string]any{"minimum": 0}},
	"Decision.source":       {Text: "Where the rule comes from (a charter, the game's instructions)."},
	"Decision.note":         {Text: "Assumptions behind the rule."},

	"Ratification":              {Text: "The actor's constituency: the actors, written in this file with their own preferences, red lines and reservations, whose votes ratify a deal for it."},
	"Ratification.by":           {Text: "The ids of the ratifying actors. Each ratifies for one actor only, holds no veto, and has no ratifiers of its own.", Rules: map[string]any{"minItems": 1}, Item: slug},
	"Ratification.votes_needed": {Text: "How many of the ratifiers' votes a deal needs; 0 or left out asks for all of them.", Rules: map[string]any{"minimum": 0}},
	"Ratification.source":       {Text: "Where the ratification rule comes from (a constitution, a poll)."},
	"Ratification.note":         {Text: "Assumptions behind the constituency."},

	"Beliefs":        {Text: "The actor's own picture of the others."},
	"Beliefs.set":    {Text: "Paths mapped to the values the actor believes, each about another actor, e.g. actors.russia.reservation: 0.5. The same paths as --set.", Rules: beliefPaths, Item: notNull},
	"Beliefs.source": {Text: "Where the belief comes from."},
	"Beliefs.note":   {Text: "Why the actor believes this, for students to question."},

	"Strategy": {Text: "How the actor concedes over bargaining rounds.",
		Rules: map[string]any{"allOf": []any{
			// Only time-dependent takes an exponent, and it needs one.
			map[string]any{"if": map[string]any{"required": []any{"exponent", "kind"}}, "then": timeDependent},
			map[string]any{"if": timeDependent, "then": map[string]any{"required": []any{"exponent"}}},
		}},
		Shorthand: map[string]any{"not": map[string]any{"const": StrategyTimeDependent}}},
	"Strategy.kind":     {Text: "boulware holds out and concedes late, conceder early, linear evenly; time-dependent takes its exponent from the file; tit-for-tat mirrors the others; hardliner never concedes.", Rules: map[string]any{"enum": stringsAsAny(StrategyKinds)}},
	"Strategy.exponent": {Text: "For time-dependent only: the concession exponent e, above 0 (below 1 concedes late, above 1 early).", Rules: map[string]any{"exclusiveMinimum": 0}},

	"Protocol":          {Text: "How rounds of talks proceed."},
	"Protocol.kind":     {Text: "mediated: a mediator proposes a single negotiating text each round; alternating: veto actors propose in turn.", Rules: map[string]any{"enum": []any{ProtocolMediated, ProtocolAlternating}}},
	"Protocol.rounds":   {Text: "The deadline: how many rounds the talks last. 0, or leaving it out, gives the default of 10; negsim rounds --rounds N overrides it.", Rules: map[string]any{"minimum": 0}},
	"Protocol.mediator": {Text: "The id of the actor that mediates, for the mediated protocol.", Rules: slug},
	"Protocol.rule":     {Text: "How the mediator picks its proposal: nash (the Nash product of the surpluses) or mediator (its own utility).", Rules: map[string]any{"enum": []any{RuleNash, RuleMediator}}},
	"Protocol.source":   {Text: "Where the protocol and deadline come from."},
	"Protocol.note":     {Text: "Assumptions behind the protocol, such as why this many rounds."},

	"Event":        {Text: "A change at the start of a round; give set, add or both.", Rules: map[string]any{"anyOf": []any{changes("set"), changes("add")}}},
	"Event.round":  {Text: "The round at whose start the change happens, counting from 0.", Rules: map[string]any{"minimum": 0}},
	"Event.why":    {Text: "What happens, in one sentence; the transcript prints it at its round."},
	"Event.set":    {Text: "Paths mapped to new values, e.g. actors.russia.reservation: 0.5. null at a belief's path drops that belief from the event's round on."},
	"Event.add":    {Text: "Paths mapped to numbers to add, e.g. actors.ukraine.reservation: -0.05.", Item: map[string]any{"type": "number"}},
	"Event.source": {Text: "Where the event comes from."},
	"Event.note":   {Text: "Assumptions behind the event."},

	"Variant":               {Text: "A named bundle of overrides: a what-if shipped with the scenario."},
	"Variant.id":            {Text: "The variant's id, for --variant ID or FILE#ID.", Rules: slug},
	"Variant.description":   {Text: "What the variant changes and why."},
	"Variant.set":           {Text: "Paths mapped to new values, e.g. actors.russia.reservation: 0.4. A path names list elements by id: actors.ukraine.preferences.territory.weight. null at a belief's path drops that belief, so the actor sees the true value: actors.russia.beliefs.set.actors.ukraine.reservation: null."},
	"Variant.teacher_notes": {Text: "Notes for the teacher only on what the variant shows; never in briefs."},
	"Variant.source":        {Text: "Where the what-if comes from."},
	"Variant.note":          {Text: "Assumptions behind the what-if."},
	"Uncertain":             {Text: "A distribution for one number of the scenario, drawn afresh in every Monte Carlo draw."},
	"Uncertain.dist":        {Text: "The distribution: uniform (min, max), triangular (min, mode, max), normal (mean, sd; truncated to the path's valid range, and to [min, max] when given) or beta (alpha, beta; scaled to [min, max] when given).", Rules: map[string]any{"enum": []any{"uniform", "triangular", "normal", "beta"}}},
	"Uncertain.min":         {Text: "The smallest value drawn (uniform, triangular; optional bound for normal and beta)."},
	"Uncertain.max":         {Text: "The largest value drawn (uniform, triangular; optional bound for normal and beta)."},
	"Uncertain.mode":        {Text: "The most likely value of a triangular distribution."},
	"Uncertain.mean":        {Text: "The mean of a normal distribution."},
	"Uncertain.sd":          {Text: "The standard deviation of a normal distribution, 0 or more.", Rules: map[string]any{"minimum": 0}},
	"Uncertain.alpha":       {Text: "The first shape parameter of a beta distribution, above 0.", Rules: map[string]any{"exclusiveMinimum": 0}},
	"Uncertain.beta":        {Text: "The second shape parameter of a beta distribution, above 0.", Rules: map[string]any{"exclusiveMinimum": 0}},
	"Uncertain.source":      {Text: "Where the range comes from."},
	"Uncertain.note":        {Text: "Why this distribution: what the uncertainty is about."},
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
