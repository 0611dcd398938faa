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
	day := ""
	if cur != nil {
		day = shared.DateOf(published.In(req.s.cfg.Location)).String()
	}
	if req.actor.Role == shared.RoleAKasse {
		c, err := citizenByID(ctx, req.db, req.actor.CitizenID)
		if err != nil {
			return err
		}
		view := shared.AKassePlanView{Published: day, Changes: []shared.PlanChange{}}
		if cur != nil {
			pc := shared.ProjectPlanForAKasse(*cur, c.Forloeb)
			view.Plan = &pc
			var pp *shared.Plan
			if prev != nil {
				p := shared.ProjectPlanForAKasse(*prev, c.Forloeb).AsPlan()
				pp = &p
			}
			view.Changes = nonNil(shared.DiffPlans(pp, pc.AsPlan()))
		}
		writeJSON(w, http.StatusOK, view)
		return nil
	}
	view := shared.PlanView{Plan: cur, Published: day, Changes: []shared.PlanChange{}}
	if cur != nil {
		cur.CPR = ""
		view.Changes = nonNil(shared.DiffPlans(prev, *cur))
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
	cpr, _ := shared.ParseCPR(in.CPR)
	in.CPR = string(cpr)
	return ingestForCitizen(w, req, "plan:"+in.VersionID, cpr, in, func(ctx context.Context, tx bun.Tx, c shared.Citizen) error {
		if (req.org.Kind == shared.OrgAKasse && c.AKasse != req.org.Code) || (req.org.Kind == shared.OrgJobcenter && c.Jobcenter != req.org.Code) {
			return shared.Errorf(shared.EForbidden, "Borgeren hører ikke til jeres organisation.")
		}
		stored := in
		stored.CPR = ""
		data, err := json.Marshal(stored)
		if err != nil {
			return err
		}
		_, err = tx.NewInsert().Model(&planVersionRow{CitizenID: c.ID, OrgCode: req.org.Code, VersionID: in.VersionID, Data: data}).
			ExcludeColumn("id", "published_at").Exec(ctx)
		return err
	})
}
