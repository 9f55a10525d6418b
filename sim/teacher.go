package sim

// A scenario's description is what everyone reads, players included; what the scenario
// shows when run (the zone opens, the Nash deal is a freeze) would spoil the game, so a
// teacher keeps it in teacher_notes, which briefs never read. Only the teacher's views
// (explain --teacher, report --teacher) gather them, here.

// TeacherNotes are a scenario's notes for the teacher, and its variants'.
type TeacherNotes struct {
	Scenario string        `json:"scenario"`
	Variants []VariantNote `json:"variants"`
}

// VariantNote is one variant with the teacher's notes on it. Applied marks the variant the
// result was computed under.
type VariantNote struct {
	ID          string `json:"id"`
	Description string `json:"description"`
	Notes       string `json:"notes"`
	Applied     bool   `json:"applied"`
}

// NotesForTeacher gathers the teacher's notes of sc and of each of its variants; applied
// names the variant in force, or "".
func NotesForTeacher(sc *Scenario, applied string) *TeacherNotes {
	tn := &TeacherNotes{Scenario: sc.TeacherNotes, Variants: []VariantNote{}}
	for _, v := range sc.Variants {
		tn.Variants = append(tn.Variants, VariantNote{ID: v.ID, Description: v.Description, Notes: v.TeacherNotes, Applied: v.ID == applied})
	}
	return tn
}
