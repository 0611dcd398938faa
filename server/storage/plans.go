package storage

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/uptrace/bun"

	"jobnet/shared"
)

type planVersionRow struct {
	bun.BaseModel `bun:"table:plan_versions"`
	ID            int64           `bun:"id,pk,autoincrement"`
	CitizenID     int64           `bun:"citizen_id"`
	OrgCode       string          `bun:"org_code"`
	VersionID     string          `bun:"version_id"`
	Data          json.RawMessage `bun:"data,type:jsonb"`
	PublishedAt   time.Time       `bun:"published_at"`
}

// planDocV1 is a plan version as stored in plan_versions.data. It is the
// document's own type: a change to shared.Plan changes nothing stored, and
// a new form of the document is a new type with its case in decodePlan.
// Documents written before versions were named carry no "v"; their fields
// are those of v1.
type planDocV1 struct {
	V                   int                  `json:"v"`
	VersionID           string               `json:"version_id"`
	Type                string               `json:"type"`
	JobGoals            []jobGoalDocV1       `json:"job_goals"`
	EducationGoals      []educationGoalDocV1 `json:"education_goals"`
	Description         string               `json:"description"`
	JobcenterAgreement  *agreementDocV1      `json:"jobcenter_agreement,omitempty"`
	AKasseAgreement     *agreementDocV1      `json:"akasse_agreement,omitempty"`
	Items               []planItemDocV1      `json:"items"`
	EducationOrder      *educationOrderDocV1 `json:"education_order,omitempty"`
	IntegrationContract bool                 `json:"integration_contract"`
}

type jobGoalDocV1 struct {
	Title      string `json:"title"`
	Function   bool   `json:"function"`
	AgreedWith string `json:"agreed_with"`
}

type educationGoalDocV1 struct {
	Title string `json:"title"`
}

type agreementDocV1 struct {
	Text       string      `json:"text"`
	AgreedWith string      `json:"agreed_with"`
	Date       shared.Date `json:"date"`
}

type educationOrderDocV1 struct {
	Step       int         `json:"step"`
	Deadline   shared.Date `json:"deadline"`
	Caseworker string      `json:"caseworker"`
	Places     []string    `json:"places,omitempty"`
}

type planItemDocV1 struct {
	ID             string            `json:"id"`
	Kind           string            `json:"kind"`
	Title          string            `json:"title"`
	Period         shared.Period     `json:"period"`
	What           string            `json:"what"`
	Why            string            `json:"why"`
	HoursPerWeek   float64           `json:"hours_per_week"`
	Place          string            `json:"place"`
	Company        string            `json:"company"`
	CompanyAddress string            `json:"company_address"`
	Contact        string            `json:"contact"`
	Authority      string            `json:"authority"`
	MeetingTime    string            `json:"meeting_time"`
	MeetingForm    string            `json:"meeting_form"`
	Caseworker     string            `json:"caseworker"`
	Statuses       []planStatusDocV1 `json:"statuses"`
	Organisation   string            `json:"organisation"`
}

type planStatusDocV1 struct {
	Date  shared.Date `json:"date"`
	Text  string      `json:"text"`
	Final bool        `json:"final"`
}

func encodePlan(p shared.Plan) ([]byte, error) {
	d := planDocV1{V: 1, VersionID: p.VersionID, Type: string(p.Type), Description: p.Description,
		IntegrationContract: p.IntegrationContract, JobGoals: make([]jobGoalDocV1, 0, len(p.JobGoals)),
		EducationGoals: make([]educationGoalDocV1, 0, len(p.EducationGoals)), Items: make([]planItemDocV1, 0, len(p.Items))}
	for _, g := range p.JobGoals {
		d.JobGoals = append(d.JobGoals, jobGoalDocV1{Title: g.Title, Function: g.Function, AgreedWith: g.AgreedWith})
	}
	for _, g := range p.EducationGoals {
		d.EducationGoals = append(d.EducationGoals, educationGoalDocV1{Title: g.Title})
	}
	if a := p.JobcenterAgreement; a != nil {
		d.JobcenterAgreement = &agreementDocV1{Text: a.Text, AgreedWith: a.AgreedWith, Date: a.Date}
	}
	if a := p.AKasseAgreement; a != nil {
		d.AKasseAgreement = &agreementDocV1{Text: a.Text, AgreedWith: a.AgreedWith, Date: a.Date}
	}
	if o := p.EducationOrder; o != nil {
		d.EducationOrder = &educationOrderDocV1{Step: o.Step, Deadline: o.Deadline, Caseworker: o.Caseworker, Places: o.Places}
	}
	for _, it := range p.Items {
		item := planItemDocV1{ID: it.ID, Kind: string(it.Kind), Title: it.Title, Period: it.Period, What: it.What, Why: it.Why,
			HoursPerWeek: it.HoursPerWeek, Place: it.Place, Company: it.Company, CompanyAddress: it.CompanyAddress,
			Contact: it.Contact, Authority: it.Authority, MeetingTime: it.MeetingTime, MeetingForm: it.MeetingForm,
			Caseworker: it.Caseworker, Organisation: it.Organisation, Statuses: make([]planStatusDocV1, 0, len(it.Statuses))}
		for _, st := range it.Statuses {
			item.Statuses = append(item.Statuses, planStatusDocV1{Date: st.Date, Text: st.Text, Final: st.Final})
		}
		d.Items = append(d.Items, item)
	}
	return json.Marshal(d)
}

func decodePlan(data []byte) (shared.Plan, error) {
	var d planDocV1
	if err := json.Unmarshal(data, &d); err != nil {
		return shared.Plan{}, err
	}
	return d.plan()
}

// plan is the document as shared's type.
func (d planDocV1) plan() (shared.Plan, error) {
	if d.V > 1 {
		return shared.Plan{}, fmt.Errorf("storage: plan document version %d is newer than this server", d.V)
	}
	p := shared.Plan{VersionID: d.VersionID, Type: shared.PlanType(d.Type), Description: d.Description,
		IntegrationContract: d.IntegrationContract, JobGoals: make([]shared.JobGoal, 0, len(d.JobGoals)),
		EducationGoals: make([]shared.EducationGoal, 0, len(d.EducationGoals)), Items: make([]shared.PlanItem, 0, len(d.Items))}
	for _, g := range d.JobGoals {
		p.JobGoals = append(p.JobGoals, shared.JobGoal{Title: g.Title, Function: g.Function, AgreedWith: g.AgreedWith})
	}
	for _, g := range d.EducationGoals {
		p.EducationGoals = append(p.EducationGoals, shared.EducationGoal{Title: g.Title})
	}
	if a := d.JobcenterAgreement; a != nil {
		p.JobcenterAgreement = &shared.Agreement{Text: a.Text, AgreedWith: a.AgreedWith, Date: a.Date}
	}
	if a := d.AKasseAgreement; a != nil {
		p.AKasseAgreement = &shared.Agreement{Text: a.Text, AgreedWith: a.AgreedWith, Date: a.Date}
	}
	if o := d.EducationOrder; o != nil {
		p.EducationOrder = &shared.EducationOrder{Step: o.Step, Deadline: o.Deadline, Caseworker: o.Caseworker, Places: o.Places}
	}
	for _, it := range d.Items {
		item := shared.PlanItem{ID: it.ID, Kind: shared.ItemKind(it.Kind), Title: it.Title, Period: it.Period, What: it.What, Why: it.Why,
			HoursPerWeek: it.HoursPerWeek, Place: it.Place, Company: it.Company, CompanyAddress: it.CompanyAddress,
			Contact: it.Contact, Authority: it.Authority, MeetingTime: it.MeetingTime, MeetingForm: it.MeetingForm,
			Caseworker: it.Caseworker, Organisation: it.Organisation, Statuses: make([]shared.PlanStatus, 0, len(it.Statuses))}
		for _, st := range it.Statuses {
			item.Statuses = append(item.Statuses, shared.PlanStatus{Date: st.Date, Text: st.Text, Final: st.Final})
		}
		p.Items = append(p.Items, item)
	}
	return p, nil
}

// PublishPlan stores a new version of the citizen's plan, sent by the
// organisation org at the given time.
func (c Citizen) PublishPlan(ctx context.Context, org string, p shared.Plan, published time.Time) error {
	data, err := encodePlan(p)
	if err != nil {
		return err
	}
	row := planVersionRow{CitizenID: c.id, OrgCode: org, VersionID: p.VersionID, Data: data, PublishedAt: published}
	_, err = c.db.NewInsert().Model(&row).ExcludeColumn("id").Exec(ctx)
	return err
}

// Plans is the newest version of the citizen's plan and the one before.
type Plans struct {
	Current   *shared.Plan // nil: no plan yet
	Previous  *shared.Plan // nil: the current one is the first
	Published time.Time    // when Current was published
	// LatestID orders versions; MarkPlanSeen takes it.
	LatestID int64
}

// Plans reads the newest two versions of the citizen's plan.
func (c Citizen) Plans(ctx context.Context) (Plans, error) {
	var rows []planVersionRow
	if err := c.db.NewSelect().Model(&rows).Column("id", "data", "published_at").Where("citizen_id = ?", c.id).
		Order("id DESC").Limit(2).Scan(ctx); err != nil {
		return Plans{}, err
	}
	var out Plans
	for i, r := range rows {
		p, err := decodePlan(r.Data)
		if err != nil {
			return Plans{}, err
		}
		if i == 0 {
			out.Current, out.Published, out.LatestID = &p, r.PublishedAt, r.ID
		} else {
			out.Previous = &p
		}
	}
	return out, nil
}

// planState is what the citizen has seen of their plan, as the columns
// planStateColumns, which a query on the citizen may add ($1 the citizen).
type planState struct {
	Latest, Seen int64
	Count        int
	Dismissed    bool
}

const planStateColumns = `
	(SELECT coalesce(max(id), 0) FROM plan_versions WHERE citizen_id = $1) AS plan_latest,
	(SELECT count(*) FROM plan_versions WHERE citizen_id = $1) AS plan_count,
	coalesce((SELECT seen_version FROM plan_visits WHERE citizen_id = $1), 0) AS plan_seen,
	coalesce((SELECT first_box_dismissed FROM plan_visits WHERE citizen_id = $1), false) AS plan_first_box_dismissed`

// notice says which of Min Plan's change boxes to show (SPEC D1): the
// first-plan box until dismissed for good, the changes on the first visit
// after a new version.
func (s planState) notice() shared.PlanNotice {
	if s.Latest == 0 {
		return shared.PlanNotice{}
	}
	return shared.PlanNotice{FirstPlan: s.Count == 1 && !s.Dismissed, NewVersion: s.Latest > s.Seen}
}

// MarkPlanSeen records that the citizen has opened the plan version with
// the given id (and every version before it).
func (c Citizen) MarkPlanSeen(ctx context.Context, latestID int64) error {
	_, err := c.db.NewRaw(`INSERT INTO plan_visits (citizen_id, seen_version) VALUES (?, ?)
		ON CONFLICT (citizen_id) DO UPDATE SET seen_version = greatest(plan_visits.seen_version, EXCLUDED.seen_version)`, c.id, latestID).Exec(ctx)
	return err
}

// DismissFirstPlanBox is "Vis ikke denne besked igen".
func (c Citizen) DismissFirstPlanBox(ctx context.Context) error {
	_, err := c.db.NewRaw(`INSERT INTO plan_visits (citizen_id, first_box_dismissed) VALUES (?, true)
		ON CONFLICT (citizen_id) DO UPDATE SET first_box_dismissed = true`, c.id).Exec(ctx)
	return err
}

// PlanPage is what Min Plan shows, read in one round trip: the newest two
// plan versions, the citizen's answers in the uddannelsespålæg, what the
// citizen has seen of the plan, and which counter pages have data.
type PlanPage struct {
	Plans
	// Education holds the citizen's answer in each step they answered.
	Education map[int]shared.EducationState
	Notice    shared.PlanNotice
	Features  shared.Features
}

// PlanPage reads Min Plan's data.
func (c Citizen) PlanPage(ctx context.Context) (PlanPage, error) {
	var r struct {
		Versions, Education, CounterKinds []byte
		planState
	}
	// The documents of versions already decoded ($2) are not sent.
	err := prepared(ctx, c.db, `SELECT
		coalesce((SELECT json_agg(json_build_object('id', v.id, 'data', CASE WHEN v.id = ANY($2::bigint[]) THEN NULL ELSE v.data END,
				'published_at', v.published_at) ORDER BY v.id DESC)
			FROM (SELECT id, data, published_at FROM plan_versions WHERE citizen_id = $1 ORDER BY id DESC LIMIT 2) v), '[]') AS versions,
		coalesce((SELECT json_agg(json_build_object('step', e.step, 'data', e.data, 'saved_at', e.saved_at, 'sent_data', e.sent_data, 'sent_at', e.sent_at))
			FROM education_answers e WHERE e.citizen_id = $1), '[]') AS education,
		`+counterKindsColumn+`, `+planStateColumns, c.id, c.plans.known(c.id)).Scan(&r.Versions, &r.Education, &r.CounterKinds,
		&r.Latest, &r.Count, &r.Seen, &r.Dismissed)
	if err != nil {
		return PlanPage{}, err
	}
	// Decoded in one pass, documents included.
	var versions []struct {
		ID          int64      `json:"id"`
		Data        *planDocV1 `json:"data"` // nil: decoded before, in the cache
		PublishedAt time.Time  `json:"published_at"`
	}
	if err := json.Unmarshal(r.Versions, &versions); err != nil {
		return PlanPage{}, err
	}
	features, err := featuresOfJSON(r.CounterKinds)
	if err != nil {
		return PlanPage{}, err
	}
	out := PlanPage{Education: map[int]shared.EducationState{}, Notice: r.notice(), Features: features}
	cached := make([]cachedPlan, 0, len(versions))
	for i, v := range versions {
		p, err := c.version(ctx, v.ID, v.Data)
		if err != nil {
			return PlanPage{}, err
		}
		cached = append(cached, cachedPlan{id: v.ID, plan: p})
		if i == 0 {
			out.Current, out.Published, out.LatestID = p, v.PublishedAt, v.ID
		} else {
			out.Previous = p
		}
	}
	c.plans.put(c.id, cached)
	var answers []struct {
		Step     int             `json:"step"`
		Data     educationDocV1  `json:"data"`
		SavedAt  time.Time       `json:"saved_at"`
		SentData *educationDocV1 `json:"sent_data"`
		SentAt   *time.Time      `json:"sent_at"`
	}
	if err := json.Unmarshal(r.Education, &answers); err != nil {
		return PlanPage{}, err
	}
	for _, a := range answers {
		if out.Education[a.Step], err = educationState(a.Data, a.SavedAt, a.SentData, a.SentAt); err != nil {
			return PlanPage{}, err
		}
	}
	return out, nil
}

// version is the plan version with the id: decoded from doc, or from the
// cache when the query left the document out (read again should the cache
// have let it go meanwhile).
func (c Citizen) version(ctx context.Context, id int64, doc *planDocV1) (*shared.Plan, error) {
	if doc == nil {
		if p, ok := c.plans.get(c.id, id); ok {
			return p, nil
		}
		var row planVersionRow
		if err := c.db.NewSelect().Model(&row).Column("data").Where("id = ? AND citizen_id = ?", id, c.id).Scan(ctx); err != nil {
			return nil, err
		}
		p, err := decodePlan(row.Data)
		return &p, err
	}
	p, err := doc.plan()
	return &p, err
}
