package sim

import (
	"math"
	"slices"
	"strconv"
)

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
	// Borderline is the range of sums of the sheet's points, each rounded to a tenth as a
	// sheet prints it, at which a deal within the role's red lines may lie on the other
	// side of the walk-away value than its exact worth does; nil when no sum can mislead.
	Borderline *PointsRange `json:"borderline,omitempty"`
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

// PointsRange is a range of points, both ends included.
type PointsRange struct {
	Low  float64 `json:"low"`
	High float64 `json:"high"`
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
	c.Borderline = borderline(c)
	roleDecision(sc, a, c)
	b.Role = c
	return b
}

// tenth is x as a sheet prints points: rounded to one decimal, as %.1f rounds.
func tenth(x float64) float64 {
	r, _ := strconv.ParseFloat(strconv.FormatFloat(x, 'f', 1, 64), 64)
	return r
}

// borderline finds the sums of a role's rounded points that may mislead: a deal's printed
// points add up to its exact worth plus the rounding of each of its options, so they may
// exceed it by up to the sum, over the issues, of the largest amount an option within the
// red lines was rounded up, and fall short by the sum of the largest amounts rounded down.
// A printed sum s (a multiple of a tenth) misleads when it is at least the printed
// walk-away value w while the worth may be below the exact one r (s < r + up), or below w
// while the worth may reach r (s ≥ r − down). Sums are counted in tenths, so that a bound
// that falls on a tenth is not lost to the floating point.
func borderline(c *Confidential) *PointsRange {
	var up, down float64
	for _, ri := range c.Issues {
		var most, least float64
		for _, ro := range ri.Options {
			if ro.Acceptable {
				most = max(most, tenth(ro.Points)-ro.Points)
				least = max(least, ro.Points-tenth(ro.Points))
			}
		}
		up, down = up+most, down+least
	}
	const slack = 1e-9
	r := 100 * c.Reservation
	w := math.Round(10 * tenth(r))
	low := math.Ceil(10*(r-down) - slack)
	high := math.Ceil(10*(r+up)-slack) - 1
	if low >= w && high < w {
		return nil
	}
	return &PointsRange{Low: min(low, w) / 10, High: max(high, w-1) / 10}
}
