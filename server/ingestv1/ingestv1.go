// Package ingestv1 is version 1 of the ingestion contract (SPEC F): what a
// case system sends to /api/ingest/v1/ and what it gets back. These types
// are the contract and change only with a new version; each request turns
// into the domain types of shared/ field by field (Domain methods), so a
// field added to a domain type does not appear in the contract, nor a
// contract field in the domain, without someone deciding it.
//
// Every request is validated with the same validators as the app
// (shared.Validate) and names the citizen by CPR number. Which kind of
// organisation may send which request is the server's route table.
package ingestv1

import (
	"time"

	"jobnet/shared"
)

// Receipt answers every ingestion request.
type Receipt struct {
	MessageID string `json:"message_id"`
	// Duplicate is true when the message id was seen before and nothing changed.
	Duplicate bool `json:"duplicate"`
}

// TargetGroup sets a citizen's target group and enrolment status (jobcentres).
// MessageID is the sender's id: sending it again changes nothing.
type TargetGroup struct {
	MessageID        string                 `json:"message_id" validate:"required,max=100"`
	CPR              string                 `json:"cpr" validate:"required,cpr"`
	Kontaktgruppe    int                    `json:"kontaktgruppe" validate:"required,kontaktgruppe"`
	Tilmeldekategori int                    `json:"tilmeldekategori" validate:"gte=0,lte=99"`
	From             shared.Date            `json:"from" validate:"required"`
	Enrolment        shared.EnrolmentStatus `json:"enrolment" validate:"required,enrolment"`
}

// Forloeb is the forløb the request opens.
func (t TargetGroup) Forloeb() shared.Forloeb {
	return shared.Forloeb{Kontaktgruppe: t.Kontaktgruppe, Tilmeldekategori: t.Tilmeldekategori, Period: shared.Period{From: t.From}}
}

// Counters carries an a-kasse's latest dagpenge and supplerende dagpenge
// figures for a member, one kind or both. Figures older than those stored
// are ignored.
type Counters struct {
	MessageID   string       `json:"message_id" validate:"required,max=100"`
	CPR         string       `json:"cpr" validate:"required,cpr"`
	Dagpenge    *Dagpenge    `json:"dagpenge,omitempty" validate:"required_without=Supplerende,omitempty"`
	Supplerende *Supplerende `json:"supplerende,omitempty" validate:"omitempty"`
}

// Dagpenge are the dagpenge counters' figures (shared.DagpengeCounters).
type Dagpenge struct {
	AsOf                  shared.Date      `json:"as_of" validate:"required"`
	Insurance             shared.Insurance `json:"insurance" validate:"required,oneof=fuldtid deltid"`
	Indplacering          shared.Date      `json:"indplacering" validate:"required"`
	HoursUsed             float64          `json:"hours_used" validate:"gte=0,lte=10000"`
	ExtensionWorkHours    float64          `json:"extension_work_hours" validate:"gte=0,lte=10000"`
	KarensWorkHours       float64          `json:"karens_work_hours" validate:"gte=0,lte=2000"`
	KarensPeriodEnd       shared.Date      `json:"karens_period_end" validate:"required"`
	GenoptjeningWorkHours float64          `json:"genoptjening_work_hours" validate:"gte=0,lte=10000"`
}

// Supplerende are the supplerende dagpenge figures (shared.SupplerendeCounters).
type Supplerende struct {
	AsOf      shared.Date      `json:"as_of" validate:"required"`
	Insurance shared.Insurance `json:"insurance" validate:"required,oneof=fuldtid deltid"`
	UsedWeeks []shared.Date    `json:"used_weeks" validate:"max=520,dive,required"`
	Reports   []WorkReport     `json:"reports" validate:"max=600,dive"`
}

// WorkReport is one report of hours worked.
type WorkReport struct {
	Kind  shared.ReportKind `json:"kind" validate:"required,oneof=maaned uge 14dage"`
	Start shared.Date       `json:"start" validate:"required"`
	Hours float64           `json:"hours" validate:"gte=0,lte=744"`
}

// Domain returns the figures as shared's types; a kind not sent is nil.
func (c Counters) Domain() (*shared.DagpengeCounters, *shared.SupplerendeCounters) {
	var d *shared.DagpengeCounters
	if in := c.Dagpenge; in != nil {
		d = &shared.DagpengeCounters{AsOf: in.AsOf, Insurance: in.Insurance, Indplacering: in.Indplacering,
			HoursUsed: in.HoursUsed, ExtensionWorkHours: in.ExtensionWorkHours, KarensWorkHours: in.KarensWorkHours,
			KarensPeriodEnd: in.KarensPeriodEnd, GenoptjeningWorkHours: in.GenoptjeningWorkHours}
	}
	var s *shared.SupplerendeCounters
	if in := c.Supplerende; in != nil {
		s = &shared.SupplerendeCounters{AsOf: in.AsOf, Insurance: in.Insurance, UsedWeeks: append([]shared.Date{}, in.UsedWeeks...),
			Reports: make([]shared.WorkReport, 0, len(in.Reports))}
		for _, r := range in.Reports {
			s.Reports = append(s.Reports, shared.WorkReport{Kind: r.Kind, Start: r.Start, Hours: r.Hours})
		}
	}
	return d, s
}

// Hours225 carries a municipality's figures for the 225-hour rule
// (jobcentres, for their own citizens).
type Hours225 struct {
	MessageID string      `json:"message_id" validate:"required,max=100"`
	CPR       string      `json:"cpr" validate:"required,cpr"`
	AsOf      shared.Date `json:"as_of" validate:"required"`
	// HoursLast12Months is ordinary, unsubsidised work in the last 12
	// calendar months.
	HoursLast12Months float64 `json:"hours_last_12_months" validate:"gte=0,lte=9000"`
	// HighBenefit: on høj ydelse (keep it) or lav ydelse (get back to it).
	HighBenefit bool `json:"high_benefit"`
}

// Domain returns the figures as shared's type.
func (h Hours225) Domain() shared.Hours225Counters {
	return shared.Hours225Counters{AsOf: h.AsOf, HoursLast12Months: h.HoursLast12Months, HighBenefit: h.HighBenefit}
}

// Plan is a new version of a citizen's plan (jobcentres for their
// citizens, a-kasser for their members). VersionID is the sender's id:
// sending it again changes nothing.
type Plan struct {
	VersionID      string          `json:"version_id" validate:"required,max=100"`
	CPR            string          `json:"cpr" validate:"required,cpr"`
	Type           shared.PlanType `json:"type" validate:"required,oneof=jobplan uddannelsesplan rehabiliteringsplan opfoelgningsplan"`
	JobGoals       []JobGoal       `json:"job_goals" validate:"max=20,dive"`
	EducationGoals []EducationGoal `json:"education_goals" validate:"max=10,dive"`
	// Description is "For at nå mit mål, har vi aftalt" (or the education
	// plan's comment).
	Description         string          `json:"description" validate:"max=4000"`
	JobcenterAgreement  *Agreement      `json:"jobcenter_agreement,omitempty" validate:"omitempty"`
	AKasseAgreement     *Agreement      `json:"akasse_agreement,omitempty" validate:"omitempty"`
	Items               []PlanItem      `json:"items" validate:"max=1000,unique=ID,dive"`
	EducationOrder      *EducationOrder `json:"education_order,omitempty" validate:"omitempty"`
	IntegrationContract bool            `json:"integration_contract"`
}

// JobGoal is a jobmål.
type JobGoal struct {
	Title      string `json:"title" validate:"required,max=200"`
	Function   bool   `json:"function"`
	AgreedWith string `json:"agreed_with" validate:"max=200"`
}

// EducationGoal is an uddannelsesmål, in priority order.
type EducationGoal struct {
	Title string `json:"title" validate:"required,max=200"`
}

// Agreement is "Seneste aftale med jobcenter/a-kasse".
type Agreement struct {
	Text       string      `json:"text" validate:"required,max=4000"`
	AgreedWith string      `json:"agreed_with" validate:"max=200"`
	Date       shared.Date `json:"date" validate:"required"`
}

// EducationOrder is the uddannelsespålæg's current step.
type EducationOrder struct {
	Step       int         `json:"step" validate:"gte=1,lte=4"`
	Deadline   shared.Date `json:"deadline" validate:"required"`
	Caseworker string      `json:"caseworker" validate:"max=200"`
	Places     []string    `json:"places,omitempty" validate:"max=20,dive,required,max=200"`
}

// PlanItem is an intervention, a krav til jobsøgning or an agreement.
type PlanItem struct {
	ID             string          `json:"id" validate:"required,max=100"`
	Kind           shared.ItemKind `json:"kind" validate:"required,itemkind"`
	Title          string          `json:"title" validate:"required,max=200"`
	Period         shared.Period   `json:"period"`
	What           string          `json:"what" validate:"max=2000"`
	Why            string          `json:"why" validate:"max=1000"`
	HoursPerWeek   float64         `json:"hours_per_week" validate:"gte=0,lte=80"`
	Place          string          `json:"place" validate:"max=300"`
	Company        string          `json:"company" validate:"max=200"`
	CompanyAddress string          `json:"company_address" validate:"max=300"`
	Contact        string          `json:"contact" validate:"max=300"`
	Authority      string          `json:"authority" validate:"max=200"`
	MeetingTime    string          `json:"meeting_time" validate:"max=50"`
	MeetingForm    string          `json:"meeting_form" validate:"max=100"`
	Caseworker     string          `json:"caseworker" validate:"max=200"`
	Statuses       []PlanStatus    `json:"statuses" validate:"max=100,dive"`
	Organisation   string          `json:"organisation" validate:"max=200"`
}

// PlanStatus is a "Seneste status" or, Final, the "Afsluttende status".
type PlanStatus struct {
	Date  shared.Date `json:"date" validate:"required"`
	Text  string      `json:"text" validate:"required,max=2000"`
	Final bool        `json:"final"`
}

// Domain returns the plan as shared's type, without the CPR number: whose
// plan it is, is said by where it is stored.
func (p Plan) Domain() shared.Plan {
	out := shared.Plan{VersionID: p.VersionID, Type: p.Type, Description: p.Description,
		IntegrationContract: p.IntegrationContract, JobGoals: make([]shared.JobGoal, 0, len(p.JobGoals)),
		EducationGoals: make([]shared.EducationGoal, 0, len(p.EducationGoals)), Items: make([]shared.PlanItem, 0, len(p.Items)),
		JobcenterAgreement: p.JobcenterAgreement.domain(), AKasseAgreement: p.AKasseAgreement.domain()}
	for _, g := range p.JobGoals {
		out.JobGoals = append(out.JobGoals, shared.JobGoal{Title: g.Title, Function: g.Function, AgreedWith: g.AgreedWith})
	}
	for _, g := range p.EducationGoals {
		out.EducationGoals = append(out.EducationGoals, shared.EducationGoal{Title: g.Title})
	}
	if o := p.EducationOrder; o != nil {
		out.EducationOrder = &shared.EducationOrder{Step: o.Step, Deadline: o.Deadline, Caseworker: o.Caseworker, Places: append([]string(nil), o.Places...)}
	}
	for _, it := range p.Items {
		item := shared.PlanItem{ID: it.ID, Kind: it.Kind, Title: it.Title, Period: it.Period, What: it.What, Why: it.Why,
			HoursPerWeek: it.HoursPerWeek, Place: it.Place, Company: it.Company, CompanyAddress: it.CompanyAddress,
			Contact: it.Contact, Authority: it.Authority, MeetingTime: it.MeetingTime, MeetingForm: it.MeetingForm,
			Caseworker: it.Caseworker, Organisation: it.Organisation, Statuses: make([]shared.PlanStatus, 0, len(it.Statuses))}
		for _, st := range it.Statuses {
			item.Statuses = append(item.Statuses, shared.PlanStatus{Date: st.Date, Text: st.Text, Final: st.Final})
		}
		out.Items = append(out.Items, item)
	}
	return out
}

func (a *Agreement) domain() *shared.Agreement {
	if a == nil {
		return nil
	}
	return &shared.Agreement{Text: a.Text, AgreedWith: a.AgreedWith, Date: a.Date}
}

// EducationAnswerSent is one answer a jobcenter's case system collects from
// GET /api/ingest/v1/education-answers: what the citizen sent to the
// caseworker in the uddannelsespålæg's current step.
type EducationAnswerSent struct {
	// Seq orders what was sent; the next collection asks for after=Seq.
	Seq    int64           `json:"seq"`
	CPR    string          `json:"cpr"`
	Answer EducationAnswer `json:"answer"`
	SentAt time.Time       `json:"sent_at"`
}

// EducationAnswer is the citizen's answer in one step.
type EducationAnswer struct {
	Step   int              `json:"step"`
	Wishes []EducationWish  `json:"wishes"`
	Places []EducationPlace `json:"places"`
	Reason string           `json:"reason"`
}

// EducationWish is a proposed education (step 1).
type EducationWish struct {
	Title string `json:"title"`
}

// EducationPlace is a proposed place (step 2) or an agreed place applied to
// (step 3) with the place's answer.
type EducationPlace struct {
	Goal    string                   `json:"goal"`
	Name    string                   `json:"name"`
	Applied bool                     `json:"applied"`
	Answer  shared.ApplicationAnswer `json:"answer"`
}

// NewEducationAnswer is a shared answer in the contract's form.
func NewEducationAnswer(a shared.EducationAnswer) EducationAnswer {
	out := EducationAnswer{Step: a.Step, Reason: a.Reason,
		Wishes: make([]EducationWish, 0, len(a.Wishes)), Places: make([]EducationPlace, 0, len(a.Places))}
	for _, w := range a.Wishes {
		out.Wishes = append(out.Wishes, EducationWish{Title: w.Title})
	}
	for _, p := range a.Places {
		out.Places = append(out.Places, EducationPlace{Goal: p.Goal, Name: p.Name, Applied: p.Applied, Answer: p.Answer})
	}
	return out
}

// NewPlan is a domain plan in the contract's form, for a sender written in
// Go (the tests, the load generator): the inverse of Domain.
func NewPlan(cpr string, p shared.Plan) Plan {
	out := Plan{VersionID: p.VersionID, CPR: cpr, Type: p.Type, Description: p.Description,
		IntegrationContract: p.IntegrationContract, JobGoals: make([]JobGoal, 0, len(p.JobGoals)),
		EducationGoals: make([]EducationGoal, 0, len(p.EducationGoals)), Items: make([]PlanItem, 0, len(p.Items))}
	for _, g := range p.JobGoals {
		out.JobGoals = append(out.JobGoals, JobGoal{Title: g.Title, Function: g.Function, AgreedWith: g.AgreedWith})
	}
	for _, g := range p.EducationGoals {
		out.EducationGoals = append(out.EducationGoals, EducationGoal{Title: g.Title})
	}
	for _, a := range []struct {
		from *shared.Agreement
		to   **Agreement
	}{{p.JobcenterAgreement, &out.JobcenterAgreement}, {p.AKasseAgreement, &out.AKasseAgreement}} {
		if a.from != nil {
			*a.to = &Agreement{Text: a.from.Text, AgreedWith: a.from.AgreedWith, Date: a.from.Date}
		}
	}
	if o := p.EducationOrder; o != nil {
		out.EducationOrder = &EducationOrder{Step: o.Step, Deadline: o.Deadline, Caseworker: o.Caseworker, Places: o.Places}
	}
	for _, it := range p.Items {
		item := PlanItem{ID: it.ID, Kind: it.Kind, Title: it.Title, Period: it.Period, What: it.What, Why: it.Why,
			HoursPerWeek: it.HoursPerWeek, Place: it.Place, Company: it.Company, CompanyAddress: it.CompanyAddress,
			Contact: it.Contact, Authority: it.Authority, MeetingTime: it.MeetingTime, MeetingForm: it.MeetingForm,
			Caseworker: it.Caseworker, Organisation: it.Organisation}
		for _, st := range it.Statuses {
			item.Statuses = append(item.Statuses, PlanStatus{Date: st.Date, Text: st.Text, Final: st.Final})
		}
		out.Items = append(out.Items, item)
	}
	return out
}

// NewCounters is dagpenge and supplerende figures in the contract's form
// (either may be nil): the inverse of Counters.Domain.
func NewCounters(messageID, cpr string, d *shared.DagpengeCounters, s *shared.SupplerendeCounters) Counters {
	out := Counters{MessageID: messageID, CPR: cpr}
	if d != nil {
		out.Dagpenge = &Dagpenge{AsOf: d.AsOf, Insurance: d.Insurance, Indplacering: d.Indplacering, HoursUsed: d.HoursUsed,
			ExtensionWorkHours: d.ExtensionWorkHours, KarensWorkHours: d.KarensWorkHours, KarensPeriodEnd: d.KarensPeriodEnd,
			GenoptjeningWorkHours: d.GenoptjeningWorkHours}
	}
	if s != nil {
		out.Supplerende = &Supplerende{AsOf: s.AsOf, Insurance: s.Insurance, UsedWeeks: s.UsedWeeks}
		for _, r := range s.Reports {
			out.Supplerende.Reports = append(out.Supplerende.Reports, WorkReport{Kind: r.Kind, Start: r.Start, Hours: r.Hours})
		}
	}
	return out
}

// JobAd creates or updates a job ad (issue 10): a case system's or the
// employer side's, identified by the sender's own SenderID. Sending the
// same ad again changes nothing; sending the same SenderID with other
// content updates the ad and brings a withdrawn one back.
type JobAd struct {
	SenderID     string   `json:"sender_id" validate:"required,max=100"`
	Title        string   `json:"title" validate:"required,max=200"`
	OccupationID int      `json:"occupation_id" validate:"required,gt=0"`
	Description  string   `json:"description" validate:"required,max=20000"`
	Employer     Employer `json:"employer"`
	// DeadlineKind is dato (with Deadline), snarest or ikke_oplyst.
	DeadlineKind shared.DeadlineKind `json:"deadline_kind" validate:"required,oneof=dato snarest ikke_oplyst"`
	Deadline     shared.Date         `json:"deadline,omitempty"`
	// StartKind is dato (with Start), snarest or efter_aftale.
	StartKind     shared.StartKind   `json:"start_kind" validate:"required,oneof=dato snarest efter_aftale"`
	Start         shared.Date        `json:"start,omitempty"`
	WorkingTime   shared.WorkingTime `json:"working_time" validate:"required,oneof=fuldtid deltid"`
	HoursPerWeek  float64            `json:"hours_per_week,omitempty" validate:"gte=0,lt=37"`
	Terms         shared.Terms       `json:"terms" validate:"required,oneof=ordinaer fleksjob loentilskud elev"`
	Duration      shared.Duration    `json:"duration" validate:"required,oneof=fast tidsbegraenset vikariat"`
	Hotjob        bool               `json:"hotjob"`
	WorkInDenmark bool               `json:"work_in_denmark"`
	// ExternalURL makes the ad external: Find Job opens it there.
	ExternalURL string `json:"external_url,omitempty" validate:"omitempty,http_url,max=2000"`
	// Published is when the ad was published; empty is when it arrives.
	Published time.Time `json:"published,omitempty"`
}

// Employer is the employer and the workplace: a Danish postcode, or the
// country of a job abroad.
type Employer struct {
	Name     string `json:"name" validate:"required,max=200"`
	Address  string `json:"address" validate:"max=300"`
	Postcode string `json:"postcode" validate:"omitempty,len=4,numeric"`
	Country  string `json:"country" validate:"max=100"`
}

// Domain is the ad as shared.JobAd, field by field.
func (a JobAd) Domain() shared.JobAd {
	return shared.JobAd{SenderID: a.SenderID, Title: a.Title, OccupationID: a.OccupationID, Description: a.Description,
		Employer:     shared.Employer{Name: a.Employer.Name, Address: a.Employer.Address, Postcode: a.Employer.Postcode, Country: a.Employer.Country},
		DeadlineKind: a.DeadlineKind, Deadline: a.Deadline, StartKind: a.StartKind, Start: a.Start, WorkingTime: a.WorkingTime,
		HoursPerWeek: a.HoursPerWeek, Terms: a.Terms, Duration: a.Duration, Hotjob: a.Hotjob, WorkInDenmark: a.WorkInDenmark,
		ExternalURL: a.ExternalURL, Published: a.Published}
}

// JobAdWithdrawal takes an ad off Find Job.
type JobAdWithdrawal struct {
	SenderID string `json:"sender_id" validate:"required,max=100"`
}

// JobAdReceipt answers an ad's ingestion: Jobnet's id of the ad, and
// whether the message changed nothing.
type JobAdReceipt struct {
	SenderID  string `json:"sender_id"`
	ID        int64  `json:"id,omitempty"`
	Duplicate bool   `json:"duplicate"`
}

// Joblog creates or updates a citizen's log (SPEC C3, F), sent by the
// citizen's jobcenter or a-kasse. LogID is the sender's own id of the log:
// a later message with the same LogID updates it. MessageID makes the
// message idempotent. The fields are those of the form (shared.JoblogInput)
// and are judged by the same rules; Jobnet shows the sender as the log's
// origin ("Oprettet af …").
type Joblog struct {
	MessageID string `json:"message_id" validate:"required,max=100"`
	CPR       string `json:"cpr" validate:"required,cpr"`
	LogID     string `json:"log_id" validate:"required,max=100"`

	Kind         shared.JoblogKind   `json:"kind" validate:"required,oneof=jobsoegning anden_aktivitet"`
	Title        string              `json:"title" validate:"max=200"`
	WorkingTime  shared.WorkingTime  `json:"working_time,omitempty" validate:"omitempty,oneof=fuldtid deltid"`
	WeeklyHours  *int                `json:"weekly_hours,omitempty" validate:"omitempty,gte=1,lte=37"`
	Deadline     *shared.Date        `json:"deadline,omitempty"`
	Company      string              `json:"company,omitempty" validate:"max=200"`
	Address      string              `json:"address,omitempty" validate:"max=300"`
	Contact      string              `json:"contact,omitempty" validate:"max=300"`
	Country      string              `json:"country,omitempty" validate:"max=100"`
	Postcode     string              `json:"postcode,omitempty" validate:"omitempty,len=4,numeric"`
	City         string              `json:"city,omitempty" validate:"max=100"`
	PlaceUnknown bool                `json:"place_unknown,omitempty"`
	Area         string              `json:"area,omitempty" validate:"max=50"`
	Status       shared.JoblogStatus `json:"status,omitempty" validate:"omitempty,oneof=ikke_soegt soegt samtale"`
	FoundVia     string              `json:"found_via,omitempty" validate:"max=50"`
	ApplyVia     string              `json:"apply_via,omitempty" validate:"max=50"`
	Date         *shared.Date        `json:"date,omitempty"`
	Place        string              `json:"place,omitempty" validate:"max=200"`
	Description  string              `json:"description,omitempty" validate:"max=2000"`
	Closed       bool                `json:"closed,omitempty"`
}

// Domain is the log as shared's input.
func (j Joblog) Domain() shared.JoblogInput {
	return shared.JoblogInput{Kind: j.Kind, Title: j.Title, WorkingTime: j.WorkingTime, WeeklyHours: j.WeeklyHours,
		Deadline: j.Deadline, Company: j.Company, Address: j.Address, Contact: j.Contact, Country: j.Country,
		Postcode: j.Postcode, City: j.City, PlaceUnknown: j.PlaceUnknown, Area: j.Area, Status: j.Status,
		FoundVia: j.FoundVia, ApplyVia: j.ApplyVia, Date: j.Date, Place: j.Place, Description: j.Description, Closed: j.Closed}
}

// JoblogDeletion deletes the log the sender knows by LogID.
type JoblogDeletion struct {
	MessageID string `json:"message_id" validate:"required,max=100"`
	CPR       string `json:"cpr" validate:"required,cpr"`
	LogID     string `json:"log_id" validate:"required,max=100"`
}

// Message is a message for the Beskedbakke (SPEC D6, F) from a jobcenter,
// an a-kasse or STAR, to one citizen (CPR) or to a group of citizens
// (CPRs, up to shared.MessageGroupMax): exactly one of the two. A group is
// addressed by its members' CPR numbers, for the sender's systems know
// whom they mean (a kontaktgruppe, a BI selection, an LSS mailing) and
// Jobnet need not know how they chose; the whole group is one message id,
// so a retry never sends twice, and it is delivered to all or to none. A
// jobcenter or an a-kasse writes to its own citizens only; STAR to anyone.
//
// Sender is the sender's name as the citizen sees it ("Fra: Sagsbehandler");
// Parties are the organisation codes besides the sender that share the
// letter — an a-kasse named there may read it (000 5.4). Body is plain
// text. Important marks it "vigtig"; Answerable, "Kan besvares": the
// citizen may answer once, and the sender collects the answer from
// GET /api/ingest/v1/message-replies.
//
// Attachments are the letter's files, each its name and its content in
// base64 (JSON's []byte): at most shared.MessageMaxAttachments, of
// shared.MessageAttachmentsMaxBytes together, each judged by its content
// as the Joblog's documents are (PDF, DOCX, ODT, PNG, JPEG, at most 10 MB).
// One file refused refuses the whole message, at its field
// attachments[i]. A group's files are stored once, not per recipient.
// Employers are not senders: Jobnet has no employer side (issue 13 names
// "Beskeder fra arbejdsgivere"; they come with that side, through their
// own contract).
type Message struct {
	MessageID  string   `json:"message_id" validate:"required,max=100"`
	CPR        string   `json:"cpr,omitempty" validate:"omitempty,cpr"`
	CPRs       []string `json:"cprs,omitempty" validate:"omitempty,max=1000,unique,dive,cpr"`
	Sender     string   `json:"sender" validate:"required,max=100"`
	Parties    []string `json:"parties,omitempty" validate:"max=10,unique,dive,required,max=50"`
	Subject    string   `json:"subject" validate:"required,max=200"`
	Body       string   `json:"body" validate:"required,max=10000"`
	Important  bool     `json:"important,omitempty"`
	Answerable bool     `json:"answerable,omitempty"`
	// Attachments: see above.
	Attachments []Attachment `json:"attachments,omitempty" validate:"max=5,dive"`
	// Employer: STAR's system sends an employer's message from Jobnet for
	// virksomheder, naming the employer (shared.Employer); only STAR may.
	Employer *shared.MessageEmployer `json:"employer,omitempty"`
}

// Attachment is one file of a message: its name as the citizen sees it
// (cleaned, and given the extension of the type its content shows) and
// its content.
type Attachment struct {
	Name    string `json:"name" validate:"required,max=200"`
	Content []byte `json:"content" validate:"required"`
}

// MessageWithdrawal takes back a message the sender sent, by its
// MessageID, from every recipient: an unread message is deleted, a read
// one is kept as "Beskeden er trukket tilbage" without its subject, body
// and files (the citizen has read it and may look for it). Sent again it
// changes nothing.
type MessageWithdrawal struct {
	MessageID string `json:"message_id" validate:"required,max=100"`
}

// Recipients are the CPR numbers the message goes to.
func (m Message) Recipients() []string {
	if m.CPR != "" {
		return []string{m.CPR}
	}
	return m.CPRs
}

// MessageReply is one answer a case system collects from
// GET /api/ingest/v1/message-replies: the citizen's answer to one of the
// sender's "Kan besvares" messages, by the sender's message id.
type MessageReply struct {
	// Seq orders the answers; the next collection asks for after=Seq.
	Seq       int64     `json:"seq"`
	MessageID string    `json:"message_id"`
	CPR       string    `json:"cpr"`
	Text      string    `json:"text"`
	SentAt    time.Time `json:"sent_at"`
	// Attachments are the files the citizen sent with the answer, each
	// fetched with the sender's token from its Path
	// (GET /api/ingest/v1/message-replies/{seq}/attachments/{id}).
	Attachments []ReplyAttachment `json:"attachments"`
}

// ReplyAttachment is one file of a citizen's answer: its name, its type
// as judged from its content, its size in bytes and where to fetch it.
type ReplyAttachment struct {
	ID          int64  `json:"id"`
	Name        string `json:"name"`
	ContentType string `json:"content_type"`
	Size        int64  `json:"size"`
	Path        string `json:"path"`
}

// Screening publishes a Forberedelsesskema for a citizen attached to the
// sending jobcenter (SPEC C5): the target group it is made for and its
// question set ("spørgerammen er forskellig for grupperne", 003_…txt).
// ScreeningID is the sender's own id of it: sent again with the same
// questions it changes nothing; with others it changes the screening while
// unanswered. A new screening replaces an unanswered earlier one (one at a
// time). shared.ScreeningSet holds the demo's sets (000_…txt 4.6).
type Screening struct {
	MessageID   string                     `json:"message_id" validate:"required,max=100"`
	CPR         string                     `json:"cpr" validate:"required,cpr"`
	ScreeningID string                     `json:"screening_id" validate:"required,max=100"`
	Kind        shared.ScreeningKind       `json:"kind" validate:"required,oneof=dagpenge kontanthjaelp"`
	Questions   []shared.ScreeningQuestion `json:"questions" validate:"min=1,max=50,unique=ID,dive"`
}

// ScreeningWithdrawal takes back a screening, answered or not.
type ScreeningWithdrawal struct {
	MessageID   string `json:"message_id" validate:"required,max=100"`
	CPR         string `json:"cpr" validate:"required,cpr"`
	ScreeningID string `json:"screening_id" validate:"required,max=100"`
}

// ScreeningAnswer is one answer a jobcenter's case system collects from
// GET /api/ingest/v1/screening-answers: the chosen options' ids by question
// id, of the screening it sent as ScreeningID.
type ScreeningAnswer struct {
	// Seq orders the answers; the next collection asks for after=Seq.
	Seq         int64                `json:"seq"`
	CPR         string               `json:"cpr"`
	ScreeningID string               `json:"screening_id"`
	Kind        shared.ScreeningKind `json:"kind"`
	Answers     map[string][]string  `json:"answers"`
	AnsweredAt  time.Time            `json:"answered_at"`
}

// Meeting creates or updates one of a citizen's meetings with the sending
// jobcenter or a-kasse (SPEC D4, F): MeetingID is the case system's own id
// of it, and a later message with the same MeetingID updates it (its
// version grows). A meeting the citizen booked in Jobnet is updated by the
// id Jobnet gave it, "jobnet-<id>" (collected from meeting-events); a case
// system cannot create one with such an id. MessageID makes the message
// idempotent.
//
// Status is planned, held or cancelled; cancelled here is the
// organisation's cancellation ("Aflyst"), which the citizen sees until the
// meeting's day. A held meeting carries its participants and the
// agreements made [003 «Historik»]. Invitation marks a call-in
// ("indkaldelse") the citizen must acknowledge with OK after login [003];
// Place is the address of a meeting in person, Phone the number of a
// meeting by phone.
type Meeting struct {
	MessageID    string               `json:"message_id" validate:"required,max=100"`
	CPR          string               `json:"cpr" validate:"required,cpr"`
	MeetingID    string               `json:"meeting_id" validate:"required,max=100"`
	TypeCode     string               `json:"type_code,omitempty" validate:"max=50"`
	Type         string               `json:"type" validate:"required,max=200"`
	Form         string               `json:"form" validate:"required,max=100"`
	Start        time.Time            `json:"start" validate:"required"`
	End          time.Time            `json:"end" validate:"required"`
	Place        string               `json:"place,omitempty" validate:"max=300"`
	Phone        string               `json:"phone,omitempty" validate:"max=30"`
	Caseworker   string               `json:"caseworker,omitempty" validate:"max=200"`
	Text         string               `json:"text,omitempty" validate:"max=4000"`
	Status       shared.MeetingStatus `json:"status" validate:"required,oneof=planned held cancelled"`
	Participants string               `json:"participants,omitempty" validate:"max=1000"`
	Agreements   string               `json:"agreements,omitempty" validate:"max=4000"`
	Invitation   bool                 `json:"invitation,omitempty"`
}

// MeetingEvent is one thing that happened to a meeting in Jobnet, which the
// organisation's case system collects from GET /api/ingest/v1/meeting-events:
// booked (a booking or a rebooking's new meeting), cancelled (the
// citizen's afbud, or a rebooking's old meeting) and accepted (OK to a
// call-in), with the meeting's id as the case system knows it (its own,
// or "jobnet-<id>" for one booked in Jobnet).
type MeetingEvent struct {
	// Seq orders the events; the next collection asks for after=Seq.
	Seq       int64     `json:"seq"`
	Kind      string    `json:"kind"`
	MeetingID string    `json:"meeting_id"`
	CPR       string    `json:"cpr"`
	TypeCode  string    `json:"type_code,omitempty"`
	Start     time.Time `json:"start"`
	End       time.Time `json:"end"`
	At        time.Time `json:"at"`
}

// MeetingOffer publishes an online offer ("onlinetilbud", SPEC D4, F) of
// the sending jobcenter or a-kasse with its bookable times: who may book
// it (kontaktgrupper, empty for all; an age range, 0 for no bound), how
// long and in which form, whether the citizen picks the caseworker or
// team (the flow's step 2), the place of a meeting in person and the
// receipt text shown after the booking. OfferID is the sender's own id of
// it: sending it again replaces its fields and its free times. A time
// that is booked is never removed or moved; a free time missing from the
// new list is withdrawn.
type MeetingOffer struct {
	MessageID        string        `json:"message_id" validate:"required,max=100"`
	OfferID          string        `json:"offer_id" validate:"required,max=100"`
	TypeCode         string        `json:"type_code" validate:"required,max=50"`
	TypeName         string        `json:"type_name" validate:"required,max=200"`
	Description      string        `json:"description,omitempty" validate:"max=2000"`
	Minutes          int           `json:"minutes" validate:"gte=5,lte=480"`
	Form             string        `json:"form" validate:"required,max=100"`
	ChooseCaseworker bool          `json:"choose_caseworker,omitempty"`
	Kontaktgrupper   []int         `json:"kontaktgrupper,omitempty" validate:"max=30,unique,dive,kontaktgruppe"`
	AgeMin           int           `json:"age_min,omitempty" validate:"gte=0,lte=120"`
	AgeMax           int           `json:"age_max,omitempty" validate:"gte=0,lte=120"`
	Place            string        `json:"place,omitempty" validate:"max=300"`
	ReceiptText      string        `json:"receipt_text,omitempty" validate:"max=2000"`
	Slots            []MeetingSlot `json:"slots" validate:"max=5000,unique=SlotID,dive"`
}

// MeetingSlot is one bookable time of an offer, held by a caseworker or a
// team; SlotID is the sender's own id of it.
type MeetingSlot struct {
	SlotID     string    `json:"slot_id" validate:"required,max=100"`
	Caseworker string    `json:"caseworker" validate:"required,max=200"`
	Start      time.Time `json:"start" validate:"required"`
}

// MeetingOfferWithdrawal takes the sender's offer off the booking flow;
// meetings booked on it stay.
type MeetingOfferWithdrawal struct {
	MessageID string `json:"message_id" validate:"required,max=100"`
	OfferID   string `json:"offer_id" validate:"required,max=100"`
}

// MeetingDeadline is a booking deadline ("frist") of a citizen attached to
// the sending jobcenter: by Due the citizen must book a meeting of one of
// TypeCodes [003 «Frister»]. DeadlineID is the sender's own id of it:
// sent again it changes the due date or the types; Withdraw takes it
// back.
type MeetingDeadline struct {
	MessageID  string      `json:"message_id" validate:"required,max=100"`
	CPR        string      `json:"cpr" validate:"required,cpr"`
	DeadlineID string      `json:"deadline_id" validate:"required,max=100"`
	Due        shared.Date `json:"due"`
	TypeCodes  []string    `json:"type_codes,omitempty" validate:"max=20,unique,dive,required,max=50"`
	Withdraw   bool        `json:"withdraw,omitempty"`
}

// MeetingRights is STAR's rights-and-duties text for the booking flow's
// last step, for a kontaktgruppe (0: every group) and a meeting type (""
// every type): "kontaktgruppe- og mødetype specifikke tekster" [003]. The
// flow looks for the group and type, then the group's, the type's and the
// general text (shared.RightsKeys).
type MeetingRights struct {
	MessageID     string                 `json:"message_id" validate:"required,max=100"`
	Kontaktgruppe int                    `json:"kontaktgruppe" validate:"omitempty,kontaktgruppe"`
	TypeCode      string                 `json:"type_code,omitempty" validate:"max=50"`
	Sections      []shared.RightsSection `json:"sections" validate:"min=1,max=10,dive"`
}

// RehabCase creates or updates a citizen's case before the
// rehabiliteringsteam (SPEC D13; RehabilitationProcessService, 003_…txt
// «Min sag til teamet»), from the citizen's jobcenter: CaseID is its own
// id of the case. While the case is open (ClosedOn empty, or today or
// later) the citizen has the menu item "Min sag til teamet" and fills in
// the CV to the team and "Min situation" until the recommendation comes.
// TeamMeetingOn is the day the team meets about the case, when known.
type RehabCase struct {
	MessageID     string      `json:"message_id" validate:"required,max=100"`
	CPR           string      `json:"cpr" validate:"required,cpr"`
	CaseID        string      `json:"case_id" validate:"required,max=100"`
	OpenedOn      shared.Date `json:"opened_on" validate:"required"`
	TeamMeetingOn shared.Date `json:"team_meeting_on,omitzero"`
	ClosedOn      shared.Date `json:"closed_on,omitzero"`
}

// RehabRecommendation is the rehabiliteringsteam's recommendation on a
// case sent before (RehabilitationRecommendationService, 003_…txt): one of
// the six outcomes, the day the team decided, the team's name and its own
// text, which the citizen reads on Jobnet and downloads as PDF. Sent again
// for the same case it replaces the earlier one.
type RehabRecommendation struct {
	MessageID string              `json:"message_id" validate:"required,max=100"`
	CPR       string              `json:"cpr" validate:"required,cpr"`
	CaseID    string              `json:"case_id" validate:"required,max=100"`
	Outcome   shared.RehabOutcome `json:"outcome" validate:"required,oneof=almindelig_indsats ressourceforloeb fleksjob foertidspension foerste_jobafklaringsforloeb nyt_jobafklaringsforloeb"`
	DecidedOn shared.Date         `json:"decided_on" validate:"required"`
	Team      string              `json:"team" validate:"required,max=200"`
	Text      string              `json:"text" validate:"max=20000"`
}

// RehabPreparation is what a jobcenter's case system collects from
// GET /api/ingest/v1/rehab-preparations: the citizen's preparatory part of
// a case it sent, whole, after each save (the CV to the team's three texts
// and Min situation's chosen option ids by question id, with the comment;
// shared.MinSituationQuestions are the questions).
type RehabPreparation struct {
	// Seq orders the saves; the next collection asks for after=Seq.
	Seq              int64               `json:"seq"`
	CPR              string              `json:"cpr"`
	CaseID           string              `json:"case_id"`
	CV               shared.RehabCV      `json:"cv"`
	Situation        map[string][]string `json:"situation,omitempty"`
	SituationComment string              `json:"situation_comment,omitempty"`
	SavedAt          time.Time           `json:"saved_at"`
}

// Absence is an absence or exemption the sending jobcenter's case system
// registered for its citizen (SPEC D7, F): barsel, borgerligt ombud, the
// fritagelser, or a self-service's kind registered by a caseworker.
// AbsenceID is the sender's own id of it: sent again it changes it; Delete
// removes one registered in error. To empty is open-ended. Historik shows
// it as registered by "sagsbehandler".
type Absence struct {
	MessageID string      `json:"message_id" validate:"required,max=100"`
	CPR       string      `json:"cpr" validate:"required,cpr"`
	AbsenceID string      `json:"absence_id" validate:"required,max=100"`
	Kind      string      `json:"kind" validate:"omitempty,max=50"`
	From      shared.Date `json:"from"`
	To        shared.Date `json:"to,omitzero"`
	Comment   string      `json:"comment,omitempty" validate:"max=500"`
	Delete    bool        `json:"delete,omitempty"`
}

// AbsenceEvent is one thing the citizen registered in Jobnet, which the
// jobcenter's and the a-kasse's case systems collect from GET
// /api/ingest/v1/absence-events (the a-kasse only of kinds lawful on
// dagpenge): registered (ferie, sygemelding, midlertidigt arbejde),
// rask (a raskmelding: To is the last sick day, or RaskFra the day ahead
// the citizen is well from) and ended (a raskmelding ahead applied on its
// day). AbsenceID is Jobnet's id; the absence is as it stands now.
type AbsenceEvent struct {
	Seq          int64       `json:"seq"`
	Event        string      `json:"event"`
	CPR          string      `json:"cpr"`
	AbsenceID    string      `json:"absence_id"`
	Kind         string      `json:"kind"`
	From         shared.Date `json:"from"`
	To           shared.Date `json:"to,omitzero"`
	RaskFra      shared.Date `json:"rask_fra,omitzero"`
	Comment      string      `json:"comment,omitempty"`
	RegisteredBy string      `json:"registered_by"`
	At           time.Time   `json:"at"`
}

// ---- Til- og afmelding (SPEC D8; FEATURES.md 6.2) ----

// EnrolmentDecision is the jobcenter's answer to its citizen's waiting
// kontanthjælp enrolment (the flag): "effectuate" when the citizen came by,
// "reject" otherwise, with the match group it registered (1–3, 0 for none).
// "Hvis der matches 2 eller 3, skal borgeren ikke tilmeldes" (001): a
// match 2 or 3 is a rejection.
type EnrolmentDecision struct {
	MessageID   string `json:"message_id" validate:"required,max=100"`
	CPR         string `json:"cpr" validate:"required,cpr"`
	Decision    string `json:"decision" validate:"required,oneof=effectuate reject"`
	Matchgruppe int    `json:"matchgruppe" validate:"gte=0,lte=3"`
}

// EnrolmentReceiptText is the jobcenter's own text on the receipt of
// enrolments for one benefit: "en individuel oplysning på kvitteringen til
// borgerne, fx om informationsmøder e.l. Der er plads til 1500 karakterer"
// (001). It replaces the jobcenter's earlier text for the benefit.
type EnrolmentReceiptText struct {
	MessageID string         `json:"message_id" validate:"required,max=100"`
	Benefit   shared.Benefit `json:"benefit" validate:"required,oneof=dagpenge kontanthjaelp dimittend ingen"`
	Text      string         `json:"text" validate:"required"`
}

// Dagpengeret is the a-kasse's message that its member's dagpengeret
// begins on From: a dimittend enrolled "uden ydelse" switches to dagpenge
// on that day, if still enrolled as dimittend then (001).
type Dagpengeret struct {
	MessageID string      `json:"message_id" validate:"required,max=100"`
	CPR       string      `json:"cpr" validate:"required,cpr"`
	From      shared.Date `json:"from" validate:"required"`
}

// EnrolmentEvent is one change of an enrolment in Jobnet, for the
// citizen's jobcenter and, for dagpenge and dimittend, the a-kasse
// (GET /api/ingest/v1/enrolment-events): enrolled, deregistration_set
// (an afmelding from a later day), deregistration_withdrawn,
// deregistered, lapsed, effectuated, rejected, switched_to_dagpenge. The
// enrolment is given as it is at collection.
type EnrolmentEvent struct {
	Seq         int64          `json:"seq"`
	Kind        string         `json:"kind"`
	CPR         string         `json:"cpr"`
	EnrolmentID int64          `json:"enrolment_id"`
	Benefit     shared.Benefit `json:"benefit"`
	Ledighed    string         `json:"ledighed"`
	UdenYdelse  bool           `json:"uden_ydelse"`
	State       string         `json:"state"`
	From        shared.Date    `json:"from"`
	// To is the last day enrolled, when an afmelding is set or applied.
	To        *shared.Date `json:"to,omitempty"`
	EndReason string       `json:"end_reason,omitempty"`
	At        time.Time    `json:"at"`
}
