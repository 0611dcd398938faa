package shared

import (
	"fmt"
	"time"
)

// Historik (SPEC D12; 003 «Jobnet Historik»; 000 5.7, Billede 27): "en
// oversigt over dine handlinger på Jobnet", one accordion per kind of
// registration. The page shows "første ti forekomster … Foreligger flere
// data, så kan de vises via link "Vis flere"", and "Selvom det hedder
// "Historik" vil historikken ofte afspejle fremtidige hændelser": the
// absences and enrolments still to come are listed with the rest.

// The paths of Historik's API and of an earlier plan version's page.
const (
	APIHistory            = "/api/history"            // GET: every accordion but Login
	APIHistoryPlanVersion = "/api/history/plans/{id}" // GET: one published version of Min Plan
	PageHistoryPlan       = "/historik/plan"          // ?id=: an earlier plan version
)

// HistoryPlanVersionPath is the API path of the plan version with the id.
func HistoryPlanVersionPath(id int64) string { return fmt.Sprintf("/api/history/plans/%d", id) }

// HistoryMeetingPagePath is a held meeting's page opened from Historik:
// the Møder feature's page, whose back link then leads to Historik.
func HistoryMeetingPagePath(id int64) string {
	return MeetingPagePath(id) + "&" + ParamFrom + "=" + FromHistory
}

// ParamFrom and FromHistory say where a page was opened from.
const (
	ParamFrom   = "fra"
	FromHistory = "historik"
)

// HistoryPlanPagePath is the page of the plan version with the id.
func HistoryPlanPagePath(id int64) string { return fmt.Sprintf("%s?id=%d", PageHistoryPlan, id) }

// HistoryIntro is the page's intro, word for word (003 «Jobnet Historik»).
const HistoryIntro = "Her finder du en oversigt over dine handlinger på Jobnet. Det er oplysninger, vi allerede har, og vi viser dem, så du også selv kan se dem."

// HistoryFirstRows is how many rows an unfolded accordion shows before
// "Vis flere": "vises første ti forekomster" (003 «Jobnet Historik»).
const HistoryFirstRows = 10

// HistoryShown is how many of total rows an accordion shows after "Vis
// flere" was chosen more times: ten at first, ten more each time (the
// sources say only that more "kan vises via link"; ten at a time keeps a
// long list readable on a phone), never more than there are.
func HistoryShown(total, more int) int {
	n := HistoryFirstRows * (more + 1)
	if more < 0 {
		n = HistoryFirstRows
	}
	return min(n, total)
}

// HistoryRetentionYears is how long Historik keeps Ledighedsstatusser,
// Sygdomsregistreringer, Ferieregistreringer, Midlertidigt arbejde,
// CV-søgbarhed and Søgt job som (003 «Jobnet Historik»: "seneste 3 år";
// "Søgt Job som viser de seneste 3 års tilføjelser og fjernelser"). For
// "Andre fravær og fritagelser" the sources name no period; SPEC D12 and E2
// give it the same three years. Planer and Møder are kept whole ("alle"),
// Login three months (LoginHistoryMonths).
const HistoryRetentionYears = 3

// HistoryKeptFrom is the first day Historik still shows of a registration
// with a period, on the day today: one that ended before it is past its
// three years (and the retention job deletes it); an open one is always
// shown. A moment (a CV's søgbarhed changed, an occupation added) is shown
// from the same day on.
func HistoryKeptFrom(today Date) Date { return today.AddMonths(-12 * HistoryRetentionYears) }

// HistoryKept reports whether Historik still shows a registration with
// the period on the day today: not ended, or ended on or after
// HistoryKeptFrom(today).
func HistoryKept(p Period, today Date) bool {
	return p.To.IsZero() || !p.To.Before(HistoryKeptFrom(today))
}

// HistoryAccordion names an accordion of Historik.
type HistoryAccordion string

// The accordions in the order of 000 Billede 27, then the two 003 adds.
const (
	HistoryPlans             HistoryAccordion = "planer"
	HistoryMeetings          HistoryAccordion = "moeder"
	HistoryLogins            HistoryAccordion = "login"
	HistoryEnrolments        HistoryAccordion = "ledighedsstatusser"
	HistorySickness          HistoryAccordion = "sygdom"
	HistoryHolidays          HistoryAccordion = "ferie"
	HistoryTemporaryWork     HistoryAccordion = "midlertidigt-arbejde"
	HistoryCVSearchability   HistoryAccordion = "cv-soegbarhed"
	HistorySoughtOccupations HistoryAccordion = "soegt-job-som"
	HistoryOtherAbsences     HistoryAccordion = "andre-fravaer"
)

// AbsenceAccordion is the accordion an absence of the kind is listed in.
// Sygdomsregistreringer holds sygdom and delvis raskmelding (a partial
// return from sickness is a registration of the sickness, and the
// citizen looks for it there; the sources list no accordion of its own);
// Ferieregistreringer ferie; Midlertidigt arbejde its own kind; every
// other kind is one of "Andre fravær og fritagelser", "fravær, der ikke er
// under sygdom eller ferie" (003 «Jobnet Historik»).
func AbsenceAccordion(k AbsenceKind) HistoryAccordion {
	switch k {
	case AbsenceSygdom, AbsenceDelvisRaskmelding:
		return HistorySickness
	case AbsenceFerie:
		return HistoryHolidays
	case AbsenceMidlertidigtArbejde:
		return HistoryTemporaryWork
	}
	return HistoryOtherAbsences
}

// PlanVersionEntry is one row of Historik → Planer: a published version
// of Min Plan, openable on its own page.
type PlanVersionEntry struct {
	ID        int64     `json:"id"`
	Published time.Time `json:"published"`
	// OrgName is who published it (the jobcenter or the a-kasse).
	OrgName string `json:"org_name"`
	// Current marks the newest version, the one Min Plan shows.
	Current bool `json:"current,omitempty"`
}

// PlanVersion is an earlier (or the current) version of Min Plan as it
// was published.
type PlanVersion struct {
	PlanVersionEntry
	Plan Plan `json:"plan"`
}

// HeldMeeting is one row of Historik → Møder: "alle borgers tidligere
// afholdte møder", each linking "til siden for afholdte møder, hvor borger
// kan se mødedetaljer såsom deltagere, tidspunkt, mødeform og aftaler
// indgået" (003 «Jobnet Historik»), the Møder feature's meeting page.
type HeldMeeting struct {
	ID      int64     `json:"id"`
	Start   time.Time `json:"start"`
	Type    string    `json:"type"`
	Form    string    `json:"form"`
	OrgName string    `json:"org_name"`
}

// CVSearchabilityChange is one row of Historik → CV-søgbarhed: when the CV
// became søgbart or stopped being it.
type CVSearchabilityChange struct {
	Searchable bool      `json:"searchable"`
	At         time.Time `json:"at"`
}

// Label is the status as Historik shows it.
func (c CVSearchabilityChange) Label() string {
	if c.Searchable {
		return "Søgbart for arbejdsgivere"
	}
	return "Ikke søgbart"
}

// History is every accordion of Historik but Login (APILoginHistory),
// each newest first.
type History struct {
	Plans             []PlanVersionEntry       `json:"plans"`
	Meetings          []HeldMeeting            `json:"meetings"`
	Enrolments        []Enrolment              `json:"enrolments"`
	Sickness          []Absence                `json:"sickness"`
	Holidays          []Absence                `json:"holidays"`
	TemporaryWork     []Absence                `json:"temporary_work"`
	OtherAbsences     []Absence                `json:"other_absences"`
	CVSearchability   []CVSearchabilityChange  `json:"cv_searchability"`
	SoughtOccupations []SoughtOccupationChange `json:"sought_occupations"`
}

// SortAbsences puts the citizen's absences in their accordions, keeping
// their order, leaving out those past the three years on the day today.
// Every accordion is a list, empty when there is nothing.
func (h *History) SortAbsences(as []Absence, today Date) {
	h.Sickness, h.Holidays, h.TemporaryWork, h.OtherAbsences = []Absence{}, []Absence{}, []Absence{}, []Absence{}
	for _, a := range as {
		if !HistoryKept(a.Period, today) {
			continue
		}
		switch AbsenceAccordion(a.Kind) {
		case HistorySickness:
			h.Sickness = append(h.Sickness, a)
		case HistoryHolidays:
			h.Holidays = append(h.Holidays, a)
		case HistoryTemporaryWork:
			h.TemporaryWork = append(h.TemporaryWork, a)
		default:
			h.OtherAbsences = append(h.OtherAbsences, a)
		}
	}
}

// KeptEnrolments are the enrolments Historik → Ledighedsstatusser shows
// on the day today: "hvornår han ved tilmeldinger har været registreret
// som ledig" (003), the three years, the coming ones too.
func KeptEnrolments(es []Enrolment, today Date) []Enrolment {
	out := make([]Enrolment, 0, len(es))
	for _, e := range es {
		if HistoryKept(e.Period, today) {
			out = append(out, e)
		}
	}
	return out
}

// HistoryUpcoming reports whether a registration with the period lies
// ahead of the day today: Historik marks it "Kommende".
func HistoryUpcoming(p Period, today Date) bool { return p.From.After(today) }

// EnrolmentStatusLabel is a row of Ledighedsstatusser in words: the
// ledighed, "uden ydelse" where so, and a state other than effektueret.
func EnrolmentStatusLabel(e Enrolment) string {
	s := e.Ledighed.Label()
	if e.UdenYdelse {
		s += ", uden ydelse"
	}
	switch e.State {
	case EnrolmentAwaiting:
		s += " (afventer jobcentret)"
	case EnrolmentLapsed:
		s += " (bortfaldet)"
	case EnrolmentRejected:
		s += " (afvist af jobcentret)"
	}
	return s
}

// RegistrantLabel is who registered as Historik shows it to the viewer:
// "Dig selv" to the citizen, "Borgeren" to a caseworker who mirrors them
// (the registration was the citizen's, not the caseworker's).
func RegistrantLabel(r Registrant, mirror bool) string {
	if r == RegisteredByCitizen && mirror {
		return "Borgeren"
	}
	return r.Label()
}

// OccupationChangeLabel is the change of Søgt job som in words.
func OccupationChangeLabel(change string) string {
	if change == OccupationRemoved {
		return "Fjernet"
	}
	return "Tilføjet"
}

// ErrPlanVersionNotFound: the plan version is not the citizen's, or none.
func ErrPlanVersionNotFound() error { return Errorf(ENotFound, "Planen findes ikke.") }
