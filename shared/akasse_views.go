package shared

import "time"

// The a-kasse's view types (SPEC K4). Each is a type of its own, filled
// field by field from the citizen's type by a project function in this
// file: a field added to a citizen's type does not reach the a-kasse until
// someone adds it here, and a whole value cannot be handed over by mistake,
// because the types differ. The JSON names are those of the citizen's
// types (TestAKasseViewsReadAsCitizenTypes), so the app renders either.
//
// Every type here is an AKasseView: the server's one encoding path for
// answers to an a-kasse caseworker accepts nothing else.

// AKasseView is a value an a-kasse caseworker may receive: one of the view
// types below, or one of the few types every role gets whole (marked where
// they are declared). The method is unexported, so only this package can
// declare a type safe for the a-kasse.
type AKasseView interface{ akasseView() }

func (AKasseOverview) akasseView() {}
func (AKassePlanView) akasseView() {}
func (AKasseCounters) akasseView() {}
func (AKasseFravaer) akasseView()  {}
func (AKasseFile) akasseView()     {}
func (Session) akasseView()        {} // the caseworker's own session
func (EuresSetting) akasseView()   {} // SPEC K4: the a-kasse sees Job i Europa
func (JobSeeking) akasseView()     {} // 000_…txt 4.3: the a-kasse sees "Jeg søger job som" whole

// 000_…txt 4.2: the a-kasse sees the member's søgeprofiler (saved
// searches) and, with them, the favourites and seen marks, read-only.
func (SavedJobs) akasseView()     {}
func (SavedSearches) akasseView() {}
func (JobMarks) akasseView()      {}

// 000_…txt 4.4: the a-kasse reads the member's Joblog whole, filters
// included, and changes nothing; the form's postcodes and areas are
// reference data.
func (JoblogList) akasseView()   {}
func (Joblog) akasseView()       {}
func (JoblogPlaces) akasseView() {}
func (JoblogTravel) akasseView() {} // from the home postcode, which "Jeg søger job som" shows the a-kasse too

// 000_…txt 4.5: the a-kasse sees the member's CV "som medlemmet ser det
// på Jobnet", read-only; not the Præsentations-CV (withheld.go).
func (CV) akasseView() {}

// Find Job is public: anyone gets it whole, the a-kasse too (000_…txt 4.2).
func (JobSearchResult) akasseView()    {}
func (JobAdView) akasseView()          {}
func (Suggestions) akasseView()        {}
func (WorkInDenmarkCount) akasseView() {}
func (APIDocument) akasseView()        {}

// AKasseForloeb is what the a-kasse may see of a Forloeb.
type AKasseForloeb struct {
	Kontaktgruppe    int    `json:"kontaktgruppe"`
	Tilmeldekategori int    `json:"tilmeldekategori"`
	Period           Period `json:"period"`
}

// projectForloeb keeps the dagpenge and dimittend forløb: the a-kasse has
// no part in the citizen's other target groups (000_…txt line 81).
func projectForloeb(fs []Forloeb) []AKasseForloeb {
	out := []AKasseForloeb{}
	for _, f := range fs {
		if f.IsDagpengeOrDimittend() {
			out = append(out, AKasseForloeb{Kontaktgruppe: f.Kontaktgruppe, Tilmeldekategori: f.Tilmeldekategori, Period: f.Period})
		}
	}
	return out
}

// AKasseNotification is what the a-kasse may see of a Notification.
type AKasseNotification struct {
	ID      int64            `json:"id"`
	Kind    NotificationKind `json:"kind"`
	Title   string           `json:"title"`
	Text    string           `json:"text"`
	Created time.Time        `json:"created"`
	Tone    Tone             `json:"tone,omitempty"`
}

// AKasseOverview is what the a-kasse may see of an Overview.
type AKasseOverview struct {
	Name          string               `json:"name"`
	Enrolment     EnrolmentStatus      `json:"enrolment"`
	Forloeb       []AKasseForloeb      `json:"forloeb"`
	Notifications []AKasseNotification `json:"notifications"`
	Features      Features             `json:"features"`
	Cards         []Card               `json:"cards"`
	Primary       PrimaryAction        `json:"primary"`
	Automatch     Automatch            `json:"automatch"`
	// MessageCount: the a-kasse sees that messages came (000 5.4).
	MessageCount int `json:"message_count"`
}

// projectOverview is the a-kasse's view of a citizen's front page
// (SPEC K4, 000_…txt sections 3–5): forløb in other target groups than
// dagpengemodtager or dimittend are left out. Notifications are kept, the
// sygemelding too: Billede 22 of 000_…txt shows the a-kasse a sick member's
// "Du er registreret i jobcentret som sygemeldt" (sickness is a lawful
// absence on dagpenge, see projectAbsences).
//
// The cards and the primary action are judged again with only those
// forløb, so that neither betrays another target group (a fleksjobber's
// e-guide, say). Automatch is kept unless it used the fleksjob variant,
// whose headings would say the same: the a-kasse then sees none.
//
// The notice of unread messages is judged again from the a-kasse's view
// of them (projectMessages): a message it is no party to is told without
// its subject (akasse: the a-kasse's code).
func projectOverview(o Overview, akasse string) AKasseOverview {
	var visible []Forloeb
	for _, f := range o.Forloeb {
		if f.IsDagpengeOrDimittend() {
			visible = append(visible, f)
		}
	}
	o.Judge(visible)
	if o.Nudges.FleksjobAutomatch {
		o.Automatch = Automatch{Groups: []AutomatchGroup{}}
	}
	p := AKasseOverview{
		Cards:         o.Cards,
		Primary:       o.Primary,
		Automatch:     o.Automatch,
		Name:          o.Name,
		Enrolment:     o.Enrolment,
		Forloeb:       projectForloeb(o.Forloeb),
		Notifications: make([]AKasseNotification, 0, len(o.Notifications)),
		Features:      projectFeatures(o.Features),
		MessageCount:  o.MessageCount,
	}
	var unread []UnreadMessage
	for _, m := range projectMessages(o.Unread, akasse) {
		unread = append(unread, UnreadMessage{Subject: m.Subject, Sent: m.Sent})
	}
	for _, n := range withMessageNotice(o.Notifications, unread) {
		p.Notifications = append(p.Notifications, AKasseNotification{ID: n.ID, Kind: n.Kind, Title: n.Title, Text: n.Text, Created: n.Created, Tone: n.Tone})
	}
	return p
}

// projectFeatures drops the 225-hour rule, which belongs to kontanthjælp
// (see projectCounters), and a Forberedelsesskema of another kind than
// dagpenge (AKasseScreeningOf; the server has judged the forløb when it
// set the kind).
func projectFeatures(f Features) Features {
	out := Features{Dagpengetaellere: f.Dagpengetaellere, Supplerende: f.Supplerende}
	if f.Forberedelsesskema == ScreeningDagpenge {
		out.Forberedelsesskema = ScreeningDagpenge
	}
	return out
}

// AKasseCounters is the a-kasse's view of the counters: the dagpenge and
// supplerende dagpenge figures it delivers itself. The 225-hour rule belongs
// to kontanthjælp, a target group the a-kasse has no part in (SPEC K4).
type AKasseCounters struct {
	Dagpenge    *AKasseDagpengeCounters    `json:"dagpenge,omitempty"`
	Supplerende *AKasseSupplerendeCounters `json:"supplerende,omitempty"`
}

// AKasseDagpengeCounters is DagpengeCounters as the a-kasse sees them.
type AKasseDagpengeCounters struct {
	AsOf                  Date      `json:"as_of"`
	Insurance             Insurance `json:"insurance"`
	Indplacering          Date      `json:"indplacering"`
	HoursUsed             float64   `json:"hours_used"`
	ExtensionWorkHours    float64   `json:"extension_work_hours"`
	KarensWorkHours       float64   `json:"karens_work_hours"`
	KarensPeriodEnd       Date      `json:"karens_period_end"`
	GenoptjeningWorkHours float64   `json:"genoptjening_work_hours"`
}

// AKasseSupplerendeCounters is SupplerendeCounters as the a-kasse sees them.
type AKasseSupplerendeCounters struct {
	AsOf      Date               `json:"as_of"`
	Insurance Insurance          `json:"insurance"`
	UsedWeeks []Date             `json:"used_weeks"`
	Reports   []AKasseWorkReport `json:"reports"`
}

// AKasseWorkReport is a WorkReport as the a-kasse sees it.
type AKasseWorkReport struct {
	Kind  ReportKind `json:"kind"`
	Start Date       `json:"start"`
	Hours float64    `json:"hours"`
}

// projectCounters leaves out the 225-hour figures.
func projectCounters(c Counters) AKasseCounters {
	var out AKasseCounters
	if d := c.Dagpenge; d != nil {
		out.Dagpenge = &AKasseDagpengeCounters{AsOf: d.AsOf, Insurance: d.Insurance, Indplacering: d.Indplacering,
			HoursUsed: d.HoursUsed, ExtensionWorkHours: d.ExtensionWorkHours, KarensWorkHours: d.KarensWorkHours,
			KarensPeriodEnd: d.KarensPeriodEnd, GenoptjeningWorkHours: d.GenoptjeningWorkHours}
	}
	if s := c.Supplerende; s != nil {
		p := &AKasseSupplerendeCounters{AsOf: s.AsOf, Insurance: s.Insurance, UsedWeeks: append([]Date{}, s.UsedWeeks...),
			Reports: make([]AKasseWorkReport, 0, len(s.Reports))}
		for _, r := range s.Reports {
			p.Reports = append(p.Reports, AKasseWorkReport{Kind: r.Kind, Start: r.Start, Hours: r.Hours})
		}
		out.Supplerende = p
	}
	return out
}

// AKassePlan is what an a-kasse caseworker may see of a plan. The
// integration contract is only marked as present (the page greys it out);
// its content is not included.
type AKassePlan struct {
	VersionID           string                `json:"version_id"`
	Type                PlanType              `json:"type"`
	JobGoals            []AKasseJobGoal       `json:"job_goals"`
	EducationGoals      []AKasseEducationGoal `json:"education_goals"`
	Description         string                `json:"description"`
	JobcenterAgreement  *AKasseAgreement      `json:"jobcenter_agreement,omitempty"`
	AKasseAgreement     *AKasseAgreement      `json:"akasse_agreement,omitempty"`
	Items               []AKassePlanItem      `json:"items"`
	EducationOrder      *AKasseEducationOrder `json:"education_order,omitempty"`
	IntegrationContract bool                  `json:"integration_contract"`
}

// AKasseJobGoal is a JobGoal as the a-kasse sees it.
type AKasseJobGoal struct {
	Title      string `json:"title"`
	Function   bool   `json:"function"`
	AgreedWith string `json:"agreed_with"`
}

// AKasseEducationGoal is an EducationGoal as the a-kasse sees it.
type AKasseEducationGoal struct {
	Title string `json:"title"`
}

// AKasseAgreement is an Agreement as the a-kasse sees it.
type AKasseAgreement struct {
	Text       string `json:"text"`
	AgreedWith string `json:"agreed_with"`
	Date       Date   `json:"date"`
}

// AKasseEducationOrder is an EducationOrder as the a-kasse sees it.
type AKasseEducationOrder struct {
	Step       int      `json:"step"`
	Deadline   Date     `json:"deadline"`
	Caseworker string   `json:"caseworker"`
	Places     []string `json:"places,omitempty"`
}

// AKassePlanItem is a PlanItem as the a-kasse sees it.
type AKassePlanItem struct {
	ID             string             `json:"id"`
	Kind           ItemKind           `json:"kind"`
	Title          string             `json:"title"`
	Period         Period             `json:"period"`
	What           string             `json:"what"`
	Why            string             `json:"why"`
	HoursPerWeek   float64            `json:"hours_per_week"`
	Place          string             `json:"place"`
	Company        string             `json:"company"`
	CompanyAddress string             `json:"company_address"`
	Contact        string             `json:"contact"`
	Authority      string             `json:"authority"`
	MeetingTime    string             `json:"meeting_time"`
	MeetingForm    string             `json:"meeting_form"`
	Caseworker     string             `json:"caseworker"`
	Statuses       []AKassePlanStatus `json:"statuses"`
	Organisation   string             `json:"organisation"`
}

// AKassePlanStatus is a PlanStatus as the a-kasse sees it.
type AKassePlanStatus struct {
	Date  Date   `json:"date"`
	Text  string `json:"text"`
	Final bool   `json:"final"`
}

// akasseHiddenKinds are the interventions the a-kasse may not see
// (000_…txt section 5, SPEC K4): they belong to other administrations.
var akasseHiddenKinds = map[ItemKind]bool{
	"hjaelpemiddel":        true,
	"personlig_assistance": true,
	"mentor":               true,
	"socialindsats":        true,
	"sundhedsindsats":      true,
}

// projectPlan leaves out the hidden intervention kinds and every
// item that lies wholly outside the citizen's dagpenge and dimittend forløb
// (the scenario of 000_…txt pictures 14–15: a member's sygedagpenge period
// with its sygeopfølgning and hjælpemiddel is not shown, the later jobsamtale
// is).
func projectPlan(p Plan, forloeb []Forloeb) AKassePlan {
	out := AKassePlan{
		VersionID: p.VersionID, Type: p.Type, Description: p.Description,
		JobGoals:            make([]AKasseJobGoal, 0, len(p.JobGoals)),
		EducationGoals:      make([]AKasseEducationGoal, 0, len(p.EducationGoals)),
		JobcenterAgreement:  projectAgreement(p.JobcenterAgreement),
		AKasseAgreement:     projectAgreement(p.AKasseAgreement),
		IntegrationContract: p.IntegrationContract, Items: []AKassePlanItem{},
	}
	for _, g := range p.JobGoals {
		out.JobGoals = append(out.JobGoals, AKasseJobGoal{Title: g.Title, Function: g.Function, AgreedWith: g.AgreedWith})
	}
	for _, g := range p.EducationGoals {
		out.EducationGoals = append(out.EducationGoals, AKasseEducationGoal{Title: g.Title})
	}
	if o := p.EducationOrder; o != nil {
		out.EducationOrder = &AKasseEducationOrder{Step: o.Step, Deadline: o.Deadline, Caseworker: o.Caseworker, Places: append([]string(nil), o.Places...)}
	}
	for _, it := range p.Items {
		if akasseHiddenKinds[it.Kind] || !overlapsDagpenge(it.Period, forloeb) {
			continue
		}
		item := AKassePlanItem{ID: it.ID, Kind: it.Kind, Title: it.Title, Period: it.Period, What: it.What, Why: it.Why,
			HoursPerWeek: it.HoursPerWeek, Place: it.Place, Company: it.Company, CompanyAddress: it.CompanyAddress,
			Contact: it.Contact, Authority: it.Authority, MeetingTime: it.MeetingTime, MeetingForm: it.MeetingForm,
			Caseworker: it.Caseworker, Organisation: it.Organisation, Statuses: make([]AKassePlanStatus, 0, len(it.Statuses))}
		for _, st := range it.Statuses {
			item.Statuses = append(item.Statuses, AKassePlanStatus{Date: st.Date, Text: st.Text, Final: st.Final})
		}
		out.Items = append(out.Items, item)
	}
	return out
}

func projectAgreement(a *Agreement) *AKasseAgreement {
	if a == nil {
		return nil
	}
	return &AKasseAgreement{Text: a.Text, AgreedWith: a.AgreedWith, Date: a.Date}
}

// AsPlan turns the projection back into a Plan for the functions that take
// one (DiffPlans, the PDF), so that they work only from what may be seen.
func (a AKassePlan) AsPlan() Plan {
	p := Plan{VersionID: a.VersionID, Type: a.Type, Description: a.Description, IntegrationContract: a.IntegrationContract,
		JobGoals: make([]JobGoal, 0, len(a.JobGoals)), EducationGoals: make([]EducationGoal, 0, len(a.EducationGoals)),
		Items: make([]PlanItem, 0, len(a.Items))}
	for _, g := range a.JobGoals {
		p.JobGoals = append(p.JobGoals, JobGoal{Title: g.Title, Function: g.Function, AgreedWith: g.AgreedWith})
	}
	for _, g := range a.EducationGoals {
		p.EducationGoals = append(p.EducationGoals, EducationGoal{Title: g.Title})
	}
	for _, ag := range []struct {
		from *AKasseAgreement
		to   **Agreement
	}{{a.JobcenterAgreement, &p.JobcenterAgreement}, {a.AKasseAgreement, &p.AKasseAgreement}} {
		if ag.from != nil {
			*ag.to = &Agreement{Text: ag.from.Text, AgreedWith: ag.from.AgreedWith, Date: ag.from.Date}
		}
	}
	if o := a.EducationOrder; o != nil {
		p.EducationOrder = &EducationOrder{Step: o.Step, Deadline: o.Deadline, Caseworker: o.Caseworker, Places: o.Places}
	}
	for _, it := range a.Items {
		item := PlanItem{ID: it.ID, Kind: it.Kind, Title: it.Title, Period: it.Period, What: it.What, Why: it.Why,
			HoursPerWeek: it.HoursPerWeek, Place: it.Place, Company: it.Company, CompanyAddress: it.CompanyAddress,
			Contact: it.Contact, Authority: it.Authority, MeetingTime: it.MeetingTime, MeetingForm: it.MeetingForm,
			Caseworker: it.Caseworker, Organisation: it.Organisation}
		for _, st := range it.Statuses {
			item.Statuses = append(item.Statuses, PlanStatus{Date: st.Date, Text: st.Text, Final: st.Final})
		}
		p.Items = append(p.Items, item)
	}
	return p
}

// AKassePlanView is PlanView for the a-kasse, built from projections only.
type AKassePlanView struct {
	Plan      *AKassePlan  `json:"plan,omitempty"`
	Published Date         `json:"published"` // zero without a plan
	Changes   []PlanChange `json:"changes"`
	// Education is what the citizen sent in the current step.
	Education *AKasseEducation `json:"education,omitempty"`
	// Nudges are the elements at the bottom of the plan.
	Nudges []PlanNudge `json:"nudges"`
	PlanNotice
}

// AKasseEducation is what an a-kasse caseworker may see of the answer: what
// the citizen sent to the caseworker, not the drafts saved along the way,
// which are the citizen's own until sent. The JSON names are those of
// EducationState, so the page reads either.
type AKasseEducation struct {
	Sent   *AKasseEducationAnswer `json:"sent,omitempty"`
	SentAt *time.Time             `json:"sent_at,omitempty"`
}

// AKasseEducationAnswer is an EducationAnswer as the a-kasse sees it.
type AKasseEducationAnswer struct {
	Step   int                    `json:"step"`
	Wishes []AKasseEducationWish  `json:"wishes"`
	Places []AKasseEducationPlace `json:"places"`
	Reason string                 `json:"reason"`
}

// AKasseEducationWish is an EducationWish as the a-kasse sees it.
type AKasseEducationWish struct {
	Title string `json:"title"`
}

// AKasseEducationPlace is an EducationPlace as the a-kasse sees it.
type AKasseEducationPlace struct {
	Goal    string            `json:"goal"`
	Name    string            `json:"name"`
	Applied bool              `json:"applied"`
	Answer  ApplicationAnswer `json:"answer"`
}

// projectEducation keeps what was sent; nil when nothing was.
func projectEducation(s *EducationState) *AKasseEducation {
	if s == nil || s.Sent == nil {
		return nil
	}
	a := s.Sent
	sent := &AKasseEducationAnswer{Step: a.Step, Reason: a.Reason,
		Wishes: make([]AKasseEducationWish, 0, len(a.Wishes)), Places: make([]AKasseEducationPlace, 0, len(a.Places))}
	for _, w := range a.Wishes {
		sent.Wishes = append(sent.Wishes, AKasseEducationWish{Title: w.Title})
	}
	for _, p := range a.Places {
		sent.Places = append(sent.Places, AKasseEducationPlace{Goal: p.Goal, Name: p.Name, Applied: p.Applied, Answer: p.Answer})
	}
	var at *time.Time
	if s.SentAt != nil {
		t := *s.SentAt
		at = &t
	}
	return &AKasseEducation{Sent: sent, SentAt: at}
}

// File is an answer that is a document (the plan's PDF) rather than JSON.
type File struct {
	Name        string // the file name offered for saving
	ContentType string
	Body        []byte
}

// AKasseFile is a document made from a-kasse views only: the server builds
// it solely from an AKassePlan.
type AKasseFile File
