package shared

import (
	"reflect"
	"slices"
	"strings"
)

// Min Plan (SPEC D1–D3, F; 002_…txt). The case systems publish a plan as a
// whole new version; Jobnet keeps every version and shows the latest.

// The sources say the fields "hvad" and "hvorfor" of an intervention are
// limited in length (002_…txt, note 1) without giving the number; these are
// this project's limits, in characters. The validate tags below repeat them
// (tags cannot name constants); TestPlanLimits holds the two together.
const (
	PlanWhatMaxChars        = 2000
	PlanWhyMaxChars         = 1000
	PlanDescriptionMaxChars = 4000
)

// PlanType is the kind of plan; an education plan labels its description
// "Din sagsbehandlers kommentar til dig" (003_…txt).
type PlanType string

const (
	PlanJob          PlanType = "jobplan"
	PlanEducation    PlanType = "uddannelsesplan"
	PlanRehabilitate PlanType = "rehabiliteringsplan"
	PlanFollowUp     PlanType = "opfoelgningsplan"
)

// Plan is one published version of a citizen's plan: what the citizen and
// the jobcenter see. Case systems send it in the ingestion contract's own
// type, and it is stored as a document type of its own; whose plan it is
// is said by where it is, not in it.
type Plan struct {
	VersionID      string          `json:"version_id" validate:"required,max=100"`
	Type           PlanType        `json:"type" validate:"required,oneof=jobplan uddannelsesplan rehabiliteringsplan opfoelgningsplan"`
	JobGoals       []JobGoal       `json:"job_goals" validate:"max=20,dive"`
	EducationGoals []EducationGoal `json:"education_goals" validate:"max=10,dive"`
	// Description is "For at nå mit mål, har vi aftalt" (or the education
	// plan's comment).
	Description        string          `json:"description" validate:"max=4000"`
	JobcenterAgreement *Agreement      `json:"jobcenter_agreement,omitempty" validate:"omitempty"`
	AKasseAgreement    *Agreement      `json:"akasse_agreement,omitempty" validate:"omitempty"`
	Items              []PlanItem      `json:"items" validate:"max=1000,unique=ID,dive"`
	EducationOrder     *EducationOrder `json:"education_order,omitempty" validate:"omitempty"`
	// IntegrationContract: the plan includes a contract under the
	// integration act (shown on top, with its PDF).
	IntegrationContract bool `json:"integration_contract"`
}

// JobGoal is a jobmål: an occupation title, or for citizens far from the
// labour market a free-text job function.
type JobGoal struct {
	Title      string `json:"title" validate:"required,max=200"`
	Function   bool   `json:"function"` // a free-text jobfunktion, not an occupation
	AgreedWith string `json:"agreed_with" validate:"max=200"`
}

// EducationGoal is an uddannelsesmål in priority order.
type EducationGoal struct {
	Title string `json:"title" validate:"required,max=200"`
}

// Agreement is "Seneste aftale med jobcenter/a-kasse".
type Agreement struct {
	Text       string `json:"text" validate:"required,max=4000"`
	AgreedWith string `json:"agreed_with" validate:"max=200"`
	Date       Date   `json:"date" validate:"required"`
}

// EducationOrder is the uddannelsespålæg's current step of four.
type EducationOrder struct {
	Step       int    `json:"step" validate:"gte=1,lte=4"`
	Deadline   Date   `json:"deadline" validate:"required"`
	Caseworker string `json:"caseworker" validate:"max=200"`
	// Places are the places of education agreed for step 3, where the
	// citizen reports on each application.
	Places []string `json:"places,omitempty" validate:"max=20,dive,required,max=200"`
}

// Equal reports whether two orders are the same.
func (o EducationOrder) Equal(p EducationOrder) bool {
	return o.Step == p.Step && o.Deadline == p.Deadline && o.Caseworker == p.Caseworker && slices.Equal(o.Places, p.Places)
}

// PlanStatus is a "Seneste status" or, Final, the "Afsluttende status".
type PlanStatus struct {
	Date  Date   `json:"date" validate:"required"`
	Text  string `json:"text" validate:"required,max=2000"`
	Final bool   `json:"final"`
}

// PlanItem is an intervention, a krav til jobsøgning or an agreement, with
// the fields of its pop-up: Hvad er aftalt, Hvornår, Hvor, Hvorfor and the
// statuses.
type PlanItem struct {
	ID             string   `json:"id" validate:"required,max=100"`
	Kind           ItemKind `json:"kind" validate:"required,itemkind"`
	Title          string   `json:"title" validate:"required,max=200"`
	Period         Period   `json:"period"`
	What           string   `json:"what" validate:"max=2000"`
	Why            string   `json:"why" validate:"max=1000"`
	HoursPerWeek   float64  `json:"hours_per_week" validate:"gte=0,lte=80"`
	Place          string   `json:"place" validate:"max=300"`
	Company        string   `json:"company" validate:"max=200"`
	CompanyAddress string   `json:"company_address" validate:"max=300"`
	Contact        string   `json:"contact" validate:"max=300"`
	// Authority is who set a krav til jobsøgning, shown in parentheses.
	Authority string `json:"authority" validate:"max=200"`
	// Meeting fields of an agreement (aftale med jobcenter / a-kasse).
	MeetingTime string       `json:"meeting_time" validate:"max=50"`
	MeetingForm string       `json:"meeting_form" validate:"max=100"`
	Caseworker  string       `json:"caseworker" validate:"max=200"`
	Statuses    []PlanStatus `json:"statuses" validate:"max=100,dive"`
	// Organisation is the jobcenter or a-kasse that set the item up.
	Organisation string `json:"organisation" validate:"max=200"`
}

// TimelineItems are the plan's items as the timeline lays them out.
func (p Plan) TimelineItems() []TimelineItem {
	out := make([]TimelineItem, 0, len(p.Items))
	for _, it := range p.Items {
		out = append(out, TimelineItem{ID: it.ID, Kind: it.Kind, Period: it.Period})
	}
	return out
}

// PlanChange is one difference between two versions, for "seneste
// ændringer" (SPEC D1).
type PlanChange struct {
	Kind    ChangeKind `json:"kind"`
	Element string     `json:"element"` // e.g. "Jobmål", "Indsats"
	Title   string     `json:"title"`
}

// ChangeKind is added, removed or changed.
type ChangeKind string

const (
	ChangeAdded   ChangeKind = "tilføjet"
	ChangeRemoved ChangeKind = "fjernet"
	ChangeChanged ChangeKind = "ændret"
)

// DiffPlans lists what changed from old to new: goals added or removed,
// the description and agreements changed, items added, removed or changed
// (matched by id), and the education order's step. A first plan (old nil)
// is all additions.
func DiffPlans(old *Plan, new Plan) []PlanChange {
	if old == nil {
		old = &Plan{}
	}
	out := []PlanChange{} // never nil: the wire form is a list
	add := func(k ChangeKind, el, title string) { out = append(out, PlanChange{k, el, title}) }

	diffSet(old.JobGoals, new.JobGoals, func(g JobGoal) string { return g.Title }, func(k ChangeKind, t string) { add(k, "Jobmål", t) })
	diffSet(old.EducationGoals, new.EducationGoals, func(g EducationGoal) string { return g.Title }, func(k ChangeKind, t string) { add(k, "Uddannelsesmål", t) })
	if old.Description != new.Description {
		add(changeOf(old.Description != "", new.Description != ""), "Plan", "For at nå mit mål, har vi aftalt")
	}
	diffAgreement(old.JobcenterAgreement, new.JobcenterAgreement, "Seneste aftale med jobcenter", add)
	diffAgreement(old.AKasseAgreement, new.AKasseAgreement, "Seneste aftale med a-kasse", add)

	oldItems := map[string]PlanItem{}
	for _, it := range old.Items {
		oldItems[it.ID] = it
	}
	seen := map[string]bool{}
	for _, it := range new.Items {
		seen[it.ID] = true
		prev, ok := oldItems[it.ID]
		switch {
		case !ok:
			add(ChangeAdded, itemElement(it.Kind), it.Title)
		case !samePlanItem(prev, it):
			add(ChangeChanged, itemElement(it.Kind), it.Title)
		}
	}
	for _, it := range old.Items {
		if !seen[it.ID] {
			add(ChangeRemoved, itemElement(it.Kind), it.Title)
		}
	}
	if (old.EducationOrder == nil) != (new.EducationOrder == nil) ||
		(old.EducationOrder != nil && !old.EducationOrder.Equal(*new.EducationOrder)) {
		add(changeOf(old.EducationOrder != nil, new.EducationOrder != nil), "Uddannelsespålæg", "Trin")
	}
	return out
}

func changeOf(had, has bool) ChangeKind {
	switch {
	case !had:
		return ChangeAdded
	case !has:
		return ChangeRemoved
	}
	return ChangeChanged
}

func diffAgreement(a, b *Agreement, title string, add func(ChangeKind, string, string)) {
	if (a == nil) != (b == nil) || (a != nil && *a != *b) {
		add(changeOf(a != nil, b != nil), "Aftale", title)
	}
}

func diffSet[T any](old, new []T, key func(T) string, emit func(ChangeKind, string)) {
	had := map[string]bool{}
	for _, o := range old {
		had[key(o)] = true
	}
	has := map[string]bool{}
	for _, n := range new {
		has[key(n)] = true
		if !had[key(n)] {
			emit(ChangeAdded, key(n))
		}
	}
	for _, o := range old {
		if !has[key(o)] {
			emit(ChangeRemoved, key(o))
		}
	}
}

func samePlanItem(a, b PlanItem) bool {
	statuses := slices.Equal(a.Statuses, b.Statuses)
	a.Statuses, b.Statuses = nil, nil
	return statuses && reflect.DeepEqual(a, b)
}

func itemElement(k ItemKind) string {
	if r, ok := TimelineRowOf(k); ok {
		if r == RowAftaler {
			return "Aftale"
		}
		if r == RowKravTilJobsoegning {
			return "Krav til jobsøgning"
		}
	}
	return "Indsats"
}

func overlapsDagpenge(p Period, forloeb []Forloeb) bool {
	for _, f := range forloeb {
		if !f.IsDagpengeOrDimittend() {
			continue
		}
		startsBeforeEnd := f.Period.To.IsZero() || !p.From.After(f.Period.To)
		endsAfterStart := p.To.IsZero() || !p.To.Before(f.Period.From)
		if startsBeforeEnd && endsAfterStart {
			return true
		}
	}
	return false
}

// PlanView is what GET /api/plan answers: the current version, when it was
// published, and what changed since the version before.
type PlanView struct {
	Plan      *Plan        `json:"plan,omitempty"`
	Published Date         `json:"published"` // zero without a plan
	Changes   []PlanChange `json:"changes"`
	// Education is the citizen's answer in the current step of the
	// uddannelsespålæg, when there is one.
	Education *EducationState `json:"education,omitempty"`
	// Nudges are the elements at the bottom of the plan.
	Nudges []PlanNudge `json:"nudges"`
	PlanNotice
}

// PlanNotice says which of Min Plan's change boxes to show (SPEC D1): the
// first-plan box until dismissed for good, and the changes on the first
// visit after a new version was published.
type PlanNotice struct {
	FirstPlan  bool `json:"first_plan"`
	NewVersion bool `json:"new_version"`
}

// PlanField is one labelled field of an item's pop-up.
type PlanField struct {
	Label, Value string
}

// Heading is the item's title, with the authority of a krav til jobsøgning
// in parentheses (SPEC D2).
func (it PlanItem) Heading() string {
	if it.Authority != "" {
		return it.Title + " (" + it.Authority + ")"
	}
	return it.Title
}

// When is the item's period as a person reads it.
func (it PlanItem) When() string {
	when := it.Period.From.Danish()
	switch {
	case it.Period.To.IsZero():
		when = "Fra " + when
	case it.Period.To != it.Period.From:
		when += " – " + it.Period.To.Danish()
	}
	if it.MeetingTime != "" {
		when += ", kl. " + it.MeetingTime
	}
	return when
}

// PopupFields are the fields of the item's pop-up in the sources' order
// (002_…txt 6.3): Seneste or Afsluttende status, Hvad er aftalt, Hvornår,
// Hvor, Hvorfor; for agreements the form of meeting and the caseworker.
// The page, the list and the PDF all show these.
func (it PlanItem) PopupFields() []PlanField {
	var f []PlanField
	add := func(label, v string) {
		if v != "" {
			f = append(f, PlanField{label, v})
		}
	}
	for _, st := range it.Statuses {
		label := "Seneste status (" + st.Date.Danish() + ")"
		if st.Final {
			label = "Afsluttende status (" + st.Date.Danish() + ")"
		}
		add(label, st.Text)
	}
	add("Hvad er aftalt", it.What)
	add("Hvornår", it.When())
	add("Mødeform", it.MeetingForm)
	add("Sagsbehandler", it.Caseworker)
	var where []string
	for _, s := range []string{it.Place, it.Company, it.CompanyAddress} {
		if s != "" && !slices.Contains(where, s) {
			where = append(where, s)
		}
	}
	add("Hvor", strings.Join(where, ", "))
	add("Kontaktperson", it.Contact)
	add("Hvorfor", it.Why)
	return f
}
