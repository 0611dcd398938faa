package shared

import (
	"slices"
	"time"
)

// Forberedelsesskema, also called the screening or profilafklaring (SPEC
// C5; 003_…txt «Forberedelsesskema - profilafklaring»; 000_…txt 4.6):
//
//   - The jobcenter's case system publishes a screening for a citizen with
//     its question set ("Screeninger kan oprettes til flere målgrupper og
//     spørgerammen er forskellig for grupperne"), so the questions travel
//     with the screening and are stored with it: a later change of a set
//     does not change what a citizen answered. The demo's sets are data
//     in screening_sets.go.
//   - "Det er frivilligt at besvare screeningen", but an answer is sent
//     whole: every question the set marks required is answered, with
//     options of the set (Check). It is answered once.
//   - "Der kan kun kan være en aktiv screening/besvarelse tilgængelig ad
//     gangen": only the latest screening is shown. Decision: a new screening
//     deletes an unanswered earlier one (nothing of the citizen's is lost);
//     an answered earlier one is kept for the case system to collect until
//     its 90 days have passed, but is no longer shown. Withdrawing the
//     newest shows the one before it again while its 90 days last: it is
//     then the latest the case system stands by.
//   - "profilafklaringsresultatet vises på Jobnet i 90 dage efter
//     besvarelsen" (003), "kun tilgængelige på Jobnet i tre måneder" (000):
//     the receipt is shown through the 90th day after the day of the
//     answer (ScreeningShownUntil), then the menu item goes and the
//     retention job deletes it (storage.RetentionRules, "screenings").
//   - The a-kasse sees only the current dagpenge screening (000_…txt 4.6:
//     an earlier kontanthjælp screening "vil … ikke længere være relevant
//     … Du vil således ikke have adgang til denne besvarelse"):
//     AKasseScreeningOf.

// ScreeningKind is the target group a screening is made for.
type ScreeningKind string

const (
	ScreeningDagpenge      ScreeningKind = "dagpenge"
	ScreeningKontanthjaelp ScreeningKind = "kontanthjaelp"
)

// ScreeningShownDays: the answer is shown for 90 days after the day it was
// given [003].
const ScreeningShownDays = 90

// ScreeningQuestion is one question of a set: one answer (radio buttons)
// or, Multiple, several (check boxes).
type ScreeningQuestion struct {
	ID       string            `json:"id" validate:"required,max=40"`
	Text     string            `json:"text" validate:"required,max=500"`
	Multiple bool              `json:"multiple"`
	Required bool              `json:"required"`
	Options  []ScreeningOption `json:"options" validate:"min=2,max=30,unique=ID,dive"`
}

// ScreeningOption is one answer a question offers.
type ScreeningOption struct {
	ID   string `json:"id" validate:"required,max=40"`
	Text string `json:"text" validate:"required,max=500"`
}

// ScreeningQuestions is a question set as a case system sends it.
type ScreeningQuestions struct {
	Questions []ScreeningQuestion `json:"questions" validate:"min=1,max=50,unique=ID,dive"`
}

// Screening is the citizen's current screening, with the answer once given.
type Screening struct {
	ID        int64               `json:"id"`
	Kind      ScreeningKind       `json:"kind"`
	Published time.Time           `json:"published"`
	Questions []ScreeningQuestion `json:"questions"`
	// Answered is set once the citizen has answered; Answers then holds the
	// chosen options' ids by question id.
	Answered *time.Time          `json:"answered,omitempty"`
	Answers  map[string][]string `json:"answers,omitempty"`
}

// ScreeningPage is what the page "Forberedelsesskema" shows: the current
// screening, if any, and the receipt's heading data.
type ScreeningPage struct {
	Screening *Screening `json:"screening"`
	Name      string     `json:"name"`
	// CPR is masked as on the receipt ("041091-XXXX", 000_…txt Billede 11).
	CPR string `json:"cpr"`
	// ShownUntil is the last day the answer is shown.
	ShownUntil Date `json:"shown_until,omitzero"`
}

// ScreeningAnswerInput is the citizen's answer: the chosen options' ids by
// question id.
type ScreeningAnswerInput struct {
	ScreeningID int64               `json:"screening_id" validate:"required"`
	Answers     map[string][]string `json:"answers" validate:"max=50"`
}

// Messages at a question's field (path "answers.<id>").
const (
	MsgScreeningChooseOne  = "Vælg et svar."
	MsgScreeningChooseSome = "Vælg mindst ét svar."
	MsgScreeningOnlyOne    = "Vælg kun ét svar."
	MsgScreeningNoOption   = "Svaret er ikke en af mulighederne."
	MsgScreeningNoQuestion = "Spørgsmålet findes ikke i skemaet."
)

// ScreeningAnswerField is the field path of a question's answer.
func ScreeningAnswerField(questionID string) string { return "answers." + questionID }

// Check judges the answer against the screening's questions: each required
// question answered, one option for a single-answer question, only the
// question's options, no unknown question.
func (in ScreeningAnswerInput) Check(questions []ScreeningQuestion) error {
	c, err := checking(in)
	if err != nil {
		return err
	}
	for _, q := range questions {
		field := ScreeningAnswerField(q.ID)
		chosen := in.Answers[q.ID]
		switch {
		case len(chosen) == 0 && q.Required && q.Multiple:
			c.add(field, MsgScreeningChooseSome)
		case len(chosen) == 0 && q.Required:
			c.add(field, MsgScreeningChooseOne)
		case len(chosen) > 1 && !q.Multiple:
			c.add(field, MsgScreeningOnlyOne)
		}
		for i, o := range chosen {
			if !slices.ContainsFunc(q.Options, func(opt ScreeningOption) bool { return opt.ID == o }) || slices.Index(chosen, o) != i {
				c.add(field, MsgScreeningNoOption)
			}
		}
	}
	ids := make([]string, 0, len(in.Answers))
	for id := range in.Answers {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		if !slices.ContainsFunc(questions, func(q ScreeningQuestion) bool { return q.ID == id }) {
			c.add(ScreeningAnswerField(id), MsgScreeningNoQuestion)
		}
	}
	return c.err()
}

// Check judges a question set a case system sends by its tags: at least
// one question and two options each, every id once.
func (qs ScreeningQuestions) Check() error { return Validate(qs) }

// ScreeningShownUntil is the last day an answer given at answered (in the
// portal's time zone) is shown: the 90th day after the day of the answer.
func ScreeningShownUntil(answered time.Time) Date {
	return DateOf(answered).AddDays(ScreeningShownDays)
}

// Shown reports whether the screening is shown today: unanswered, or
// answered no more than 90 days ago.
func (s Screening) Shown(today Date) bool {
	return s.Answered == nil || !today.After(ScreeningShownUntil(*s.Answered))
}

// ChosenTexts are the texts of the options chosen for q, in the set's order.
func (s Screening) ChosenTexts(q ScreeningQuestion) []string {
	var out []string
	for _, o := range q.Options {
		if slices.Contains(s.Answers[q.ID], o.ID) {
			out = append(out, o.Text)
		}
	}
	return out
}

// MaskCPR is a CPR number as the receipt shows it: "041091-XXXX". The
// screenshot is anonymised, so masking is not proven a rule (FEATURES.md
// 4.3); we mask anyway, as the receipt is printed and carried along.
func MaskCPR(c CPR) string {
	if len(c) < 7 {
		return string(c)
	}
	return string(c[:7]) + "XXXX"
}

// AKasseScreening is what the a-kasse may see of a screening: the same
// fields, for the current dagpenge screening only.
type AKasseScreening Screening

// AKasseScreeningPage is the a-kasse's view of ScreeningPage.
type AKasseScreeningPage struct {
	Screening  *AKasseScreening `json:"screening"`
	Name       string           `json:"name"`
	CPR        string           `json:"cpr"`
	ShownUntil Date             `json:"shown_until,omitzero"`
}

func (AKasseScreeningPage) akasseView() {}

// AKasseScreeningOf is the a-kasse's rule for the Forberedelsesskema
// (000_…txt 4.6; FEATURES.md 10): of the citizen's current screening it
// sees one made for dagpenge and published in the forløb the citizen is in
// today, which is a dagpenge or dimittend forløb — never a kontanthjælp
// screening, nor one from an earlier forløb. Unanswered, it sees the
// questions, so that it can tell the member that the form is there ("Du
// kan evt. informere medlemmet om, at der findes et forberedelsesskema");
// answered, the receipt. Anything else is as if there were none.
func AKasseScreeningOf(s *Screening, forloeb []Forloeb, today Date) *AKasseScreening {
	if s == nil || s.Kind != ScreeningDagpenge || !s.Shown(today) {
		return nil
	}
	cur, ok := forloebOn(forloeb, today)
	if !ok || !cur.IsDagpengeOrDimittend() || !cur.Period.Contains(DateOf(s.Published)) {
		return nil
	}
	a := AKasseScreening(*s)
	return &a
}

// forloebOn is the forløb the citizen is in on day.
func forloebOn(fs []Forloeb, day Date) (Forloeb, bool) {
	for _, f := range fs {
		if f.Period.Contains(day) {
			return f, true
		}
	}
	return Forloeb{}, false
}

// ProjectScreeningPage is the a-kasse's view of the page.
func ProjectScreeningPage(p ScreeningPage, forloeb []Forloeb, today Date) AKasseScreeningPage {
	out := AKasseScreeningPage{Name: p.Name, CPR: p.CPR}
	if out.Screening = AKasseScreeningOf(p.Screening, forloeb, today); out.Screening != nil {
		out.ShownUntil = p.ShownUntil
	}
	return out
}

// The receipt's texts, word for word (000_…txt Billede 11; the OCR's
// broken words mended as FEATURES.md 4.3 reads them).
var ScreeningReceiptTexts = []string{
	"Tak, fordi du har udfyldt forberedelsesskemaet.",
	"Du kan med fordel printe svarene ud og tage dem med til din næste samtale. På den måde sikrer du dig, at samtalen tager udgangspunkt i netop dine muligheder.",
	"Det er vigtigt, at du forbereder dig grundigt til din samtale med jobvejlederen.",
	"Du kan f.eks. finde 3-5 konkrete stillinger, som du har tænkt dig at søge inden for de næste 14 dage",
}

// ScreeningAnswersHeading is the receipt's fold of the answers.
const ScreeningAnswersHeading = "Dine svar på forberedelsesskemaet"
