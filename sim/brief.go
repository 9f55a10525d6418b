package sim

import "slices"

// A brief is what one player of a role-play reads before the talks: the public situation
// everyone shares, and, for a role, that role's confidential instructions. A role brief is
// built from the public part of the scenario and that actor's own entries only, so nothing
// another actor keeps private can reach it.

// Brief is a role sheet; Role is nil in the public brief. Its JSON form is a public
// contract.
type Brief struct {
	Scenario  string       `json:"scenario"`
	Situation string       `json:"situation"`
	Issues    []BriefIssue `json:"issues"`
	// Parties are the actors at the table; Ratifiers those who vote at home on a deal a
	// party signs, and sit at no table (MODEL.md section 7). For whom each ratifies is a
	// role's to know, not the public's.
	Parties   []Party  `json:"parties"`
	Ratifiers []Party  `json:"ratifiers,omitempty"`
	Sources   []Source `json:"sources"`
	// Decision is the vote a deal needs, when the scenario has a decision rule.
	Decision *BriefDecision `json:"decision,omitempty"`
	Role     *Confidential  `json:"role,omitempty"`
}

// BriefIssue is an issue as everyone sees it.
type BriefIssue struct {
	ID          string   `json:"id"`
	Name        string   `json:"name"`
	Description string   `json:"description,omitempty"`
	Options     []Option `json:"options"`
}

// Party is an actor as the scenario describes it to everyone.
type Party struct {
	ID          string `json:"id"`
	Name        string `json:"name"`
	Description string `json:"description,omitempty"`
}

// Confidential is one role's private instructions. Points are utility × 100: a deal is
// worth the sum of its options' points to the role, at most 100.
type Confidential struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	Veto bool   `json:"veto"`
	// ReservationPoints is the role's walk-away value: it should sign no deal worth less.
	Reservation       float64 `json:"reservation"`
	ReservationPoints float64 `json:"reservation_points"`
	// Issues are every issue in file order, with the role's share and points for each
	// option; an issue it gives no weight has share 0.
	Issues      []RoleIssue        `json:"issues"`
	Constraints []ConstraintReport `json:"constraints"`
	Citation
	// Ratification and Beliefs are the role's own: who ratifies its deal at home (or for
	// whom it ratifies), and what it believes about the others.
	Ratification *RoleRatification `json:"ratification,omitempty"`
	Beliefs      *RoleBeliefs      `json:"beliefs,omitempty"`
}

// RoleIssue is what one issue is worth to a role.
type RoleIssue struct {
	Issue string `json:"issue"`
	// Share is the normalised weight: the most points/100 the issue can bring.
	Share   float64      `json:"share"`
	Options []RoleOption `json:"options"`
	Citation
	// RedLine is set when the role rules options of this issue out; Never lists them.
	RedLine bool     `json:"red_line"`
	Never   []string `json:"never"`
}

// RoleOption is one option's worth to a role: Value on the issue alone, out of 100, and the
// Points it adds to a deal (share × value).
type RoleOption struct {
	Option     string  `json:"option"`
	Value      float64 `json:"value"`
	Points     float64 `json:"points"`
	Acceptable bool    `json:"acceptable"`
}

// PublicBrief is the part of every brief that all players share.
func PublicBrief(sc *Scenario) *Brief {
	b := &Brief{Scenario: sc.Name, Situation: sc.Description, Issues: []BriefIssue{}, Parties: []Party{}, Sources: slices.Clone(sc.Sources)}
	if b.Sources == nil {
		b.Sources = []Source{}
	}
	for _, is := range sc.Issues {
		b.Issues = append(b.Issues, BriefIssue{ID: is.ID, Name: is.Name, Description: is.Description, Options: slices.Clone(is.Options)})
	}
	for _, a := range sc.Actors {
		p := Party{ID: a.ID, Name: a.Name, Description: a.Description}
		if sc.RatifiesFor(a.ID) != "" {
			b.Ratifiers = append(b.Ratifiers, p)
		} else {
			b.Parties = append(b.Parties, p)
		}
	}
	b.Decision = publicDecision(sc)
	return b
}

// RoleBrief is the public brief with actor a's confidential instructions. It reads the
// scenario's public entries and actor a's own, nothing of any other actor's preferences.
func RoleBrief(sc *Scenario, a int) *Brief {
	b := PublicBrief(sc)
	act := &sc.Actors[a]
	c := &Confidential{ID: act.ID, Name: act.Name, Veto: act.Veto, Reservation: act.Reservation,
		ReservationPoints: presentable(100 * act.Reservation), Issues: []RoleIssue{}, Constraints: []ConstraintReport{},
		Citation: Citation{Source: act.Source, Note: act.Note}}
	for k := range sc.Issues {
		is := &sc.Issues[k]
		ri := RoleIssue{Issue: is.ID, Options: []RoleOption{}, Never: []string{}}
		pr := act.Preference(is.ID)
		share, weighted := act.WeightShare(is.ID)
		if weighted {
			ri.Share = presentable(share)
			ri.Citation = Citation{Source: pr.Source, Note: pr.Note}
			ri.RedLine = pr.Acceptable != nil
		}
		for o := range is.Options {
			ro := RoleOption{Option: is.Options[o].ID, Acceptable: true}
			if weighted {
				v := optionValue(pr, is, o)
				ro.Value = presentable(100 * v)
				ro.Points = presentable(100 * share * v)
				ro.Acceptable = pr.Accepts(is.Options[o].ID)
			}
			if !ro.Acceptable {
				ri.Never = append(ri.Never, ro.Option)
			}
			ri.Options = append(ri.Options, ro)
		}
		c.Issues = append(c.Issues, ri)
	}
	for _, cn := range act.Constraints {
		c.Constraints = append(c.Constraints, ConstraintReport{If: conditionList(sc, cn.If), Then: conditionList(sc, cn.Then),
			Why: cn.Why, Citation: Citation{Source: cn.Source, Note: cn.Note}})
	}
	roleDecision(sc, a, c)
	b.Role = c
	return b
}
