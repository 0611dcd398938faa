package shared

import (
	"fmt"
	"slices"
	"time"
)

// The uddannelsespålæg in Min Plan has four steps; the citizen sees only the
// current one, and answers in the first three (003_…txt "Uddannelseselementet",
// JOB-114, JOB-171, JOB-175; 002_…txt Bilag 3):
//
//  1. Vælg dine uddannelsesønsker: the citizen proposes educations.
//  2. Find uddannelsessted(er): per uddannelsesmål, the places the citizen
//     proposes, and why ("Derfor har jeg valgt disse uddannelsessteder").
//  3. Søg ind på uddannelse(r): per agreed place, whether the application is
//     sent and the place's answer.
//  4. Beskrivelse af dit uddannelsespålæg: the caseworker informs; nothing
//     to answer.
//
// The citizen can save along the way ("Du kan gemme dine ønsker undervejs")
// and send to the caseworker when done.

// Education order limits: generous for a person, small enough to bound a
// request.
const (
	EducationMaxWishes = 10
	EducationMaxPlaces = 20
)

// EducationAnswer is what the citizen writes in the current step.
type EducationAnswer struct {
	Step   int              `json:"step" validate:"gte=1,lte=3"`
	Wishes []EducationWish  `json:"wishes" validate:"max=10,dive"`
	Places []EducationPlace `json:"places" validate:"max=20,dive"`
	// Reason is "Derfor har jeg valgt …" (steps 1 and 2).
	Reason string `json:"reason" validate:"max=2000"`
}

// EducationWish is one proposed education (step 1).
type EducationWish struct {
	Title string `json:"title" validate:"required,max=200"`
}

// EducationPlace is a place of education: proposed by the citizen in step 2
// (Goal names the uddannelsesmål it is for; empty for "other"), or agreed
// and applied to in step 3.
type EducationPlace struct {
	Goal    string            `json:"goal" validate:"max=200"`
	Name    string            `json:"name" validate:"required,max=200"`
	Applied bool              `json:"applied"`
	Answer  ApplicationAnswer `json:"answer" validate:"omitempty,oneof=afventer optaget venteliste afslag"`
}

// ApplicationAnswer is "Svar fra uddannelsesstedet" (step 3). The guide's
// picture shows only "Afventer"; the other three are ours, the answers an
// institution gives.
type ApplicationAnswer string

const (
	AnswerPending  ApplicationAnswer = "afventer"
	AnswerAdmitted ApplicationAnswer = "optaget"
	AnswerWaiting  ApplicationAnswer = "venteliste"
	AnswerRejected ApplicationAnswer = "afslag"
)

// ApplicationAnswers in the order the select shows them.
var ApplicationAnswers = []ApplicationAnswer{AnswerPending, AnswerAdmitted, AnswerWaiting, AnswerRejected}

// Label is the answer as the select shows it.
func (a ApplicationAnswer) Label() string {
	switch a {
	case AnswerPending:
		return "Afventer svar"
	case AnswerAdmitted:
		return "Optaget"
	case AnswerWaiting:
		return "Optaget på venteliste"
	case AnswerRejected:
		return "Ikke optaget"
	}
	return string(a)
}

// msgNotThisStep answers a field the current step does not ask for.
const msgNotThisStep = "Hører ikke til dette trin af dit uddannelsespålæg."

// Check validates an answer against the plan it answers (its order and
// uddannelsesmål): the tags first, then what the step asks for, what
// sending requires (send: "Send til sagsbehandler" rather than "Gem") and
// what the places may name. Field paths are the JSON paths, as from
// Validate. Sending is the request's verb, never part of the answer.
func (a EducationAnswer) Check(order *EducationOrder, goals []EducationGoal, send bool) error {
	if err := Validate(a); err != nil {
		return err
	}
	if order == nil || order.Step != a.Step {
		return Errorf(EConflict, "Dit uddannelsespålæg er ændret, siden du åbnede siden. Hent siden igen.")
	}
	e := &Error{Code: EInvalid, Message: defaultMessages[EInvalid]}
	field := func(path, msg string) { e.Fields = append(e.Fields, FieldError{Field: path, Message: msg}) }
	switch a.Step {
	case 1:
		if len(a.Places) > 0 {
			field("places", msgNotThisStep)
		}
		if send && len(a.Wishes) == 0 {
			field("wishes", "Tilføj mindst ét uddannelsesønske, før du sender til din sagsbehandler.")
		}
	case 2:
		if len(a.Wishes) > 0 {
			field("wishes", msgNotThisStep)
		}
		for i, p := range a.Places {
			if p.Goal != "" && !slices.ContainsFunc(goals, func(g EducationGoal) bool { return g.Title == p.Goal }) {
				field(fmt.Sprintf("places[%d].goal", i), "Uddannelsesmålet er ikke et af dine uddannelsesmål.")
			}
			if p.Applied || p.Answer != "" {
				field(fmt.Sprintf("places[%d].answer", i), msgNotThisStep)
			}
		}
		if send && len(a.Places) == 0 {
			field("places", "Tilføj mindst ét uddannelsessted, før du sender til din sagsbehandler.")
		}
	case 3:
		if len(a.Wishes) > 0 {
			field("wishes", msgNotThisStep)
		}
		if a.Reason != "" {
			field("reason", msgNotThisStep)
		}
		for i, p := range a.Places {
			if !slices.Contains(order.Places, p.Name) {
				field(fmt.Sprintf("places[%d].name", i), "Uddannelsesstedet er ikke et af dem, I har aftalt.")
			}
			if !p.Applied && p.Answer != "" && p.Answer != AnswerPending {
				field(fmt.Sprintf("places[%d].answer", i), "Du kan først have svar fra uddannelsesstedet, når du har sendt ansøgningen.")
			}
		}
		if send && !anyApplied(a.Places) {
			field("places", "Sæt hak ved mindst én ansøgning, du har sendt, før du sender til din sagsbehandler.")
		}
	}
	if len(e.Fields) > 0 {
		return e
	}
	return nil
}

func anyApplied(ps []EducationPlace) bool {
	for _, p := range ps {
		if p.Applied {
			return true
		}
	}
	return false
}

// EducationState is the citizen's answer: the latest saved, and what was
// last sent to the caseworker. Saving after sending changes the saved
// answer only; the caseworker keeps what was sent until it is sent again.
type EducationState struct {
	Answer  EducationAnswer  `json:"answer"`
	SavedAt time.Time        `json:"saved_at"`
	Sent    *EducationAnswer `json:"sent,omitempty"`
	SentAt  *time.Time       `json:"sent_at,omitempty"`
}

// Unsent reports whether the saved answer has changes the caseworker has
// not got.
func (s EducationState) Unsent() bool { return s.SentAt == nil || s.SavedAt.After(*s.SentAt) }
