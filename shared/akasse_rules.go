package shared

import (
	"slices"
	"time"
)

// The a-kasse's view of features not built yet (SPEC K4, 000_…txt sections 3,
// 4.5, 5.4 and 5.5): the Beskedbakke, the Præsentations-CV, Min sag til teamet
// with the integration contract, and Fravær. Each rule is a pure function the
// server applies before encoding, so what the a-kasse may not see never
// leaves it. Each projection is built field by field into its own type: a
// field added to the citizen's type stays hidden until someone decides the
// a-kasse may see it.

// Beskedbakke (SPEC D6, K4).

// MsgLetterSecrecy replaces the content of a message the a-kasse is no party
// to (000_…txt line 353, Billede 21).
const MsgLetterSecrecy = "Du må ikke få adgang til indholdet af denne besked. Det skyldes reglerne om brevhemmelighed i Straffeloven."

// Message is one message in the citizen's Beskedbakke (messages.go).
type Message struct {
	ID     string `json:"id"`
	Sender string `json:"sender"` // the sender's name, e.g. "Sagsbehandler"
	// SenderOrg and Parties are organisation codes (Organisation.Code);
	// SenderKind is SenderOrg's kind, which names the message ("Besked fra
	// jobcenter", MessageFrom).
	SenderOrg  string    `json:"sender_org"`
	SenderKind OrgKind   `json:"sender_kind"`
	Parties    []string  `json:"parties"`
	Subject    string    `json:"subject"`
	Body       string    `json:"body"`
	Important  bool      `json:"important"`  // "vigtig"
	Answerable bool      `json:"answerable"` // "Kan besvares"
	Sent       time.Time `json:"sent"`
	Read       bool      `json:"read"`
	// Reply is the citizen's answer to an Answerable message; nil until
	// they answer.
	Reply *MessageReply `json:"reply,omitempty"`
	// Attachments are the sender's files (message_attachments.go).
	Attachments []MessageAttachment `json:"attachments,omitempty"`
	// Withdrawn: the sender withdrew it after the citizen had read it; its
	// subject, body and files are gone (MsgMessageWithdrawn).
	Withdrawn bool `json:"withdrawn,omitempty"`
	// Employer: the message is an employer's, sent through STAR's Jobnet
	// for virksomheder (SenderOrg is STAR's); nil otherwise.
	Employer *MessageEmployer `json:"employer,omitempty"`
}

// AKasseMessage is what an a-kasse caseworker may see of a Message: the same
// JSON shape, so the app renders both alike.
type AKasseMessage struct {
	ID         string        `json:"id"`
	Sender     string        `json:"sender"`
	SenderOrg  string        `json:"sender_org"`
	SenderKind OrgKind       `json:"sender_kind"`
	Parties    []string      `json:"parties"`
	Subject    string        `json:"subject"`
	Body       string        `json:"body"`
	Important  bool          `json:"important"`
	Answerable bool          `json:"answerable"`
	Sent       time.Time     `json:"sent"`
	Read       bool          `json:"read"`
	Reply      *MessageReply `json:"reply,omitempty"`
	// Attachments and Withdrawn: of a letter it is a party to only.
	Attachments []MessageAttachment `json:"attachments,omitempty"`
	Withdrawn   bool                `json:"withdrawn,omitempty"`
	// Employer is part of who sent it, which the a-kasse sees of every
	// message [000 5.4].
	Employer *MessageEmployer `json:"employer,omitempty"`
}

// ContentWithheld reports whether the message's content was replaced by the
// brevhemmelighed text; the app then shows the text as a notice and titles
// the message by its sender ("Besked fra …", Billede 20–21).
func (m AKasseMessage) ContentWithheld() bool {
	return m.Subject == "" && m.Body == MsgLetterSecrecy
}

// projectMessages is the a-kasse's view of the Beskedbakke
// (000_…txt lines 85 and 337): a message the a-kasse (org code akasse) sent or
// is a party to is shown whole. Of any other message the a-kasse sees only
// that it exists, who sent it, when, and whether it is read; the subject is
// content too and is left empty, the body is MsgLetterSecrecy, and the other
// parties are left out — the guide lists sender, date and read state, and
// which organisations share a letter says something about its content. So
// are the flags "vigtig" and "Kan besvares", the citizen's reply, the
// files (not their names, nor that there are any: message_attachments.go)
// and that the sender withdrew it: they are the letter's content too. An
// empty akasse code is party to nothing.
func projectMessages(msgs []Message, akasse string) []AKasseMessage {
	out := make([]AKasseMessage, 0, len(msgs))
	for _, m := range msgs {
		p := AKasseMessage{ID: m.ID, Sender: m.Sender, SenderOrg: m.SenderOrg, SenderKind: m.SenderKind, Sent: m.Sent, Read: m.Read}
		if m.Employer != nil {
			e := *m.Employer
			p.Employer = &e
		}
		if akasseIsParty(m, akasse) {
			p.Parties = append([]string{}, m.Parties...)
			p.Subject, p.Body = m.Subject, m.Body
			p.Important, p.Answerable = m.Important, m.Answerable
			if m.Reply != nil {
				r := *m.Reply
				r.Attachments = slices.Clone(r.Attachments)
				p.Reply = &r
			}
			p.Attachments, p.Withdrawn = slices.Clone(m.Attachments), m.Withdrawn
		} else {
			p.Parties = []string{}
			p.Body = MsgLetterSecrecy
		}
		out = append(out, p)
	}
	return out
}

// AKasseMayOpen reports whether the a-kasse (org code akasse) may open the
// message, its files too: it sent it or is a party to it.
func AKasseMayOpen(m Message, akasse string) bool { return akasseIsParty(m, akasse) }

func akasseIsParty(m Message, akasse string) bool {
	return akasse != "" && (m.SenderOrg == akasse || slices.Contains(m.Parties, akasse))
}

// Præsentations-CV (SPEC C4, K4).

// PresentationCV (shared/cv_presentation.go) is the nicer, unsearchable
// CV for vulnerable citizens (000_…txt lines 180–182).

// MsgNoAccessPresentationCV is the page an a-kasse caseworker meets instead
// of the Præsentations-CV (000_…txt line 184, Billede 10 at line 208).
const MsgNoAccessPresentationCV = "Ingen adgang"

// Min sag til teamet and the integration contract (SPEC D13, K4).

// The guide says only that these are greyed out ("afblændet", 000_…txt line
// 87) and shows no message; the texts below are this project's own, for a
// request that reaches the server anyway. Like Historik's and the
// Præsentations-CV's, they are the refusals the route table gives the
// a-kasse (server/httpapi/routes.go): Min sag is the rehabilitation team's
// universe for citizens in a ressourceforløb, a target group the a-kasse has
// no part in; of the integration contract the a-kasse's plan only marks that
// one exists (AKassePlan.IntegrationContract).
const (
	MsgNoAccessMinSag              = "Du har ikke adgang til Min sag til teamet. Medlemmet kan selv dele de dokumenter med dig, som vedkommende ønsker a-kassens hjælp til at udfylde."
	MsgNoAccessIntegrationContract = "Du har ikke adgang til kontrakten under integrationsloven."
)

// Fravær og fritagelser (SPEC D7, K4).

// AbsenceKind is the type of an absence or exemption, shown in "Aktuelt
// fravær" as "Type" (000_…txt Billede 24).
type AbsenceKind string

const (
	AbsenceFerie               AbsenceKind = "ferie"
	AbsenceSygdom              AbsenceKind = "sygdom"
	AbsenceBarsel              AbsenceKind = "barsel"
	AbsenceBorgerligtOmbud     AbsenceKind = "borgerligt_ombud"
	AbsenceFritagetSelvbooking AbsenceKind = "fritaget_selvbooking"
	AbsenceFritagetRaadighed   AbsenceKind = "fritaget_raadighed"
	AbsenceJobsoegningUdland   AbsenceKind = "jobsoegning_udland"
	AbsenceDelvisRaskmelding   AbsenceKind = "delvis_raskmelding"
	AbsenceFritagetForhold     AbsenceKind = "fritaget_saerlige_forhold"
	AbsencePasningAfBarn       AbsenceKind = "pasning_af_barn"
	// AbsenceMidlertidigtArbejde is "Registrere midlertidigt arbejde"
	// (001 «Min side og selvbetjening»): a period of temporary work, with
	// its own accordion in Historik.
	AbsenceMidlertidigtArbejde AbsenceKind = "midlertidigt_arbejde"
)

// absenceKinds is every kind in the order a form lists them.
var absenceKinds = []AbsenceKind{
	AbsenceFerie, AbsenceSygdom, AbsenceBarsel, AbsenceBorgerligtOmbud,
	AbsenceFritagetSelvbooking, AbsenceFritagetRaadighed, AbsenceJobsoegningUdland,
	AbsenceDelvisRaskmelding, AbsenceFritagetForhold, AbsencePasningAfBarn,
	AbsenceMidlertidigtArbejde,
}

var absenceLabels = map[AbsenceKind]string{
	AbsenceFerie:               "Ferie",
	AbsenceSygdom:              "Sygdom",
	AbsenceBarsel:              "Barsel",
	AbsenceBorgerligtOmbud:     "Borgerligt ombud",
	AbsenceFritagetSelvbooking: "Fritaget for pligt til at selvbooke",
	AbsenceFritagetRaadighed:   "Fritaget for rådighed",
	AbsenceJobsoegningUdland:   "Jobsøgning i et andet EU/EØS-land",
	AbsenceDelvisRaskmelding:   "Delvis raskmelding",
	AbsenceFritagetForhold:     "Fritaget på grund af helbredsmæssige eller sociale forhold",
	AbsencePasningAfBarn:       "Pasning af eget barn",
	AbsenceMidlertidigtArbejde: "Midlertidigt arbejde",
}

// absenceLegalForDagpenge marks the kinds that are "lovlige" for a
// dagpengemodtager or dimittend (000_…txt line 357); only these are shown to
// the a-kasse. The guide defers the list to STAR's page (line 363), so:
//   - ferie, sygdom: the guide's own examples of what the a-kasse sees
//     (Billede 23 at line 367: the a-kasse is told of every ferie; Billede 22
//     at line 386: a sick member with the dagpengekort reminder).
//   - barsel, borgerligt ombud: named on "Aktuelt fravær" (line 403).
//   - fritaget for pligt til at selvbooke: Billede 24's example (line 411).
//   - fritaget for rådighed, jobsøgning i EU/EØS: the guide is silent; both
//     are dagpenge rules the a-kasse itself administers (this project's
//     choice).
//   - delvis raskmelding belongs to sygedagpenge; fritaget for helbredsmæssige
//     or sociale forhold and pasning af eget barn are kontanthjælp
//     exemptions: other target groups the a-kasse has no part in (line 81),
//     and health and social matters it may not see (line 293).
//   - midlertidigt arbejde: a dagpengemodtager's temporary work is what the
//     a-kasse pays supplerende dagpenge around (SPEC C3); the a-kasse learns
//     of it from the member's dagpengekort anyway (this project's choice).
//
// A kind missing from the table is not legal: new kinds stay hidden until
// someone decides.
var absenceLegalForDagpenge = map[AbsenceKind]bool{
	AbsenceFerie:               true,
	AbsenceSygdom:              true,
	AbsenceBarsel:              true,
	AbsenceBorgerligtOmbud:     true,
	AbsenceFritagetSelvbooking: true,
	AbsenceFritagetRaadighed:   true,
	AbsenceJobsoegningUdland:   true,
	AbsenceDelvisRaskmelding:   false,
	AbsenceFritagetForhold:     false,
	AbsencePasningAfBarn:       false,
	AbsenceMidlertidigtArbejde: true,
}

// AbsenceKinds lists every kind, for forms and validators.
func AbsenceKinds() []AbsenceKind { return slices.Clone(absenceKinds) }

// Valid reports whether k is a known kind.
func (k AbsenceKind) Valid() bool { return slices.Contains(absenceKinds, k) }

// Label is the kind as the citizen reads it; an unknown kind shows its code.
func (k AbsenceKind) Label() string {
	if l, ok := absenceLabels[k]; ok {
		return l
	}
	return string(k)
}

// LegalForDagpenge reports whether the kind is "lovlig" for a
// dagpengemodtager or dimittend.
func (k AbsenceKind) LegalForDagpenge() bool { return absenceLegalForDagpenge[k] }

// Absence is one row of "Aktuelt fravær": type, from, to and comment
// (000_…txt Billede 24).
type Absence struct {
	ID     string      `json:"id"`
	Kind   AbsenceKind `json:"kind"`
	Period Period      `json:"period"`
	Text   string      `json:"text"` // "Kommentar"
	// RegisteredBy and RegisteredAt are Historik's "hvem der har
	// registreret" (003 «Jobnet Historik»); the a-kasse is not shown them.
	RegisteredBy Registrant `json:"registered_by,omitempty"`
	RegisteredAt time.Time  `json:"registered_at,omitzero"`
	// ClosedBy is set when the absence was ended early (raskmelding, or
	// closed by the jobcenter at a change of target group, 000 5.5).
	ClosedBy Registrant `json:"closed_by,omitempty"`
	// RaskFra is a raskmelding given for a day ahead, waiting for the
	// scheduled job to end the sygemelding on its day (fravaer.go).
	RaskFra Date `json:"rask_fra,omitzero"`
}

// AKasseAbsence is what an a-kasse caseworker may see of an Absence.
type AKasseAbsence struct {
	ID     string      `json:"id"`
	Kind   AbsenceKind `json:"kind"`
	Period Period      `json:"period"`
	Text   string      `json:"text"`
}

// NotEnded reports whether the absence is current or coming on the day today:
// what "Aktuelt fravær" lists (000_…txt lines 250 and 405). An open-ended
// absence has not ended.
func (a Absence) NotEnded(today Date) bool {
	return a.Period.To.IsZero() || !a.Period.To.Before(today)
}

// projectAbsences is the a-kasse's view of Fravær (000_…txt line
// 357): absences of a kind legal for dagpengemodtagere and dimittender that
// have not ended on the day today, in the input's order. "Aktuelle" is read
// as the page's own "aktuelt og i den kommende tid" (line 405): the guide sets
// it against historical absences, and the a-kasse is told of a coming ferie
// anyway (line 373). An absence that ended before today is history and is
// never shown; an illegal one is hidden even before the jobcenter closes it.
func projectAbsences(abs []Absence, today Date) []AKasseAbsence {
	out := make([]AKasseAbsence, 0, len(abs))
	for _, a := range abs {
		if a.Kind.LegalForDagpenge() && a.NotEnded(today) {
			// Field by field, not a conversion: a field added to Absence
			// stays hidden until someone decides the a-kasse may see it.
			//lint:ignore S1016 see above
			out = append(out, AKasseAbsence{ID: a.ID, Kind: a.Kind, Period: a.Period, Text: a.Text})
		}
	}
	return out
}
