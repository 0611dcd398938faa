package server

import (
	"context"
	"encoding/json"
	"net/http"
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
	PublishedAt   time.Time       `bun:"published_at,nullzero,default:now()"`
}

// planNotice reads what the citizen has seen of the plan. With record (the
// citizen opening Min Plan) it then marks the newest version as seen. A
// caseworker sees the same boxes as the citizen and changes nothing.
func planNotice(ctx context.Context, db bun.IDB, actor shared.Actor, record bool) (shared.PlanNotice, error) {
	var latest struct {
		ID    int64 `bun:"id"`
		Count int   `bun:"n"`
	}
	err := db.NewSelect().TableExpr("plan_versions").ColumnExpr("coalesce(max(id), 0) AS id, count(*) AS n").
		Where("citizen_id = ?", actor.CitizenID).Scan(ctx, &latest)
	if err != nil || latest.ID == 0 {
		return shared.PlanNotice{}, err
	}
	var visit struct {
		Seen      int64 `bun:"seen_version"`
		Dismissed bool  `bun:"first_box_dismissed"`
	}
	err = db.NewSelect().Table("plan_visits").Column("seen_version", "first_box_dismissed").
		Where("citizen_id = ?", actor.CitizenID).Scan(ctx, &visit)
	if err != nil && !isNoRows(err) {
		return shared.PlanNotice{}, err
	}
	n := shared.PlanNotice{FirstPlan: latest.Count == 1 && !visit.Dismissed, NewVersion: latest.ID > visit.Seen}
	err = nil
	if record && actor.Role == shared.RoleCitizen && n.NewVersion {
		_, err = db.NewRaw(`INSERT INTO plan_visits (citizen_id, seen_version) VALUES (?, ?)
			ON CONFLICT (citizen_id) DO UPDATE SET seen_version = EXCLUDED.seen_version`, actor.CitizenID, latest.ID).Exec(ctx)
	}
	return n, err
}

// handleDismissFirstPlan: POST /api/plan/first-plan-box — "Vis ikke denne
// besked igen". Citizen only (a mirror session is refused like every write).
func handleDismissFirstPlan(w http.ResponseWriter, req *request) error {
	_, err := req.db.NewRaw(`INSERT INTO plan_visits (citizen_id, first_box_dismissed) VALUES (?, true)
		ON CONFLICT (citizen_id) DO UPDATE SET first_box_dismissed = true`, req.actor.CitizenID).Exec(req.r.Context())
	if err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

// latestPlans returns the newest two versions of the citizen's plan, newest
// first (nil when there is none).
func latestPlans(ctx context.Context, db bun.IDB, citizenID int64) (cur, prev *shared.Plan, published time.Time, err error) {
	var rows []planVersionRow
	if err = db.NewSelect().Model(&rows).Where("citizen_id = ?", citizenID).Order("id DESC").Limit(2).Scan(ctx); err != nil {
		return nil, nil, time.Time{}, err
	}
	plans := make([]*shared.Plan, len(rows))
	for i, r := range rows {
		plans[i] = new(shared.Plan)
		if err = json.Unmarshal(r.Data, plans[i]); err != nil {
			return nil, nil, time.Time{}, err
		}
	}
	switch len(rows) {
	case 2:
		return plans[0], plans[1], rows[0].PublishedAt, nil
	case 1:
		return plans[0], nil, rows[0].PublishedAt, nil
	}
	return nil, nil, time.Time{}, nil
}

// handlePlan: GET /api/plan — the current plan and what changed since the
// version before (SPEC D1). Citizen and jobcenter: all of it. A-kasse: the
// projection of both versions (SPEC K4), so that the changes, too, speak
// only of what it may see.
func handlePlan(w http.ResponseWriter, req *request) error {
	ctx := req.r.Context()
	cur, prev, published, err := latestPlans(ctx, req.db, req.actor.CitizenID)
	if err != nil {
		return err
	}
	var day shared.Date
	var education *shared.EducationState
	if cur != nil {
		day = shared.DateOf(published.In(req.s.cfg.Location))
		if education, err = educationState(ctx, req.db, req.actor.CitizenID, cur.EducationOrder); err != nil {
			return err
		}
	}
	notice, err := planNotice(ctx, req.db, req.actor, true)
	if err != nil {
		return err
	}
	features, err := citizenFeatures(ctx, req.db, req.actor.CitizenID)
	if err != nil {
		return err
	}
	if err := recordEvent(ctx, req.db, req.session, eventMinPlan, ""); err != nil {
		return err
	}
	if req.actor.Role == shared.RoleAKasse {
		c, err := req.citizen()
		if err != nil {
			return err
		}
		view := shared.AKassePlanView{Published: day, Changes: []shared.PlanChange{}, Nudges: []shared.PlanNudge{}, PlanNotice: notice}
		if cur != nil {
			a := shared.ProjectForAKasse(shared.CitizenData{Forloeb: c.Forloeb, Plan: cur, PrevPlan: prev, Education: education, Features: &features})
			view.Plan, view.Changes, view.Education = a.Plan, a.PlanChanges, a.Education
			// The a-kasse's nudges follow what it may see of the counters.
			view.Nudges = shared.PlanNudges(a.Plan.Type, *a.Features)
		}
		writeJSON(w, http.StatusOK, view)
		return nil
	}
	view := shared.PlanView{Plan: cur, Published: day, Changes: []shared.PlanChange{}, Nudges: []shared.PlanNudge{}, PlanNotice: notice}
	if cur != nil {
		view.Changes, view.Education = shared.DiffPlans(prev, *cur), education
		view.Nudges = shared.PlanNudges(cur.Type, features)
	}
	writeJSON(w, http.StatusOK, view)
	return nil
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// handleIngestPlan: POST /api/ingest/v1/plan — a jobcenter (for citizens
// attached to it) or an a-kasse (for its members) publishes a new version of
// the citizen's plan. The version id is the sender's id: sending it again
// changes nothing.
func handleIngestPlan(w http.ResponseWriter, req *request) error {
	var in shared.Plan
	if err := decode(req.r, &in); err != nil {
		return err
	}
	return ingestForCitizen(w, req, "plan:"+in.VersionID, &in.CPR, &in, true, func(ctx context.Context, tx bun.Tx, c shared.Citizen) error {
		return insertPlanVersion(ctx, tx, c.ID, req.org.Code, in, req.now)
	})
}

// insertPlanVersion stores a version of a citizen's plan, published at the
// given time. The CPR number identifies the citizen in the request only: it
// is not stored with the plan, nor sent with it.
func insertPlanVersion(ctx context.Context, db bun.IDB, citizenID int64, org string, p shared.Plan, published time.Time) error {
	p.CPR = ""
	data, err := json.Marshal(p)
	if err != nil {
		return err
	}
	_, err = db.NewInsert().Model(&planVersionRow{CitizenID: citizenID, OrgCode: org, VersionID: p.VersionID, Data: data, PublishedAt: published}).
		ExcludeColumn("id").Exec(ctx)
	return err
}
