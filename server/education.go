package server

import (
	"context"
	"encoding/json"
	"net/http"
	"time"

	"github.com/uptrace/bun"

	"jobnet/shared"
)

type educationRow struct {
	bun.BaseModel `bun:"table:education_answers,alias:e"`
	CitizenID     int64           `bun:"citizen_id,pk"`
	Step          int             `bun:"step,pk"`
	Data          json.RawMessage `bun:"data,type:jsonb"`
	SavedAt       time.Time       `bun:"saved_at"`
	SentAt        *time.Time      `bun:"sent_at"`
}

func (r educationRow) state() (*shared.EducationState, error) {
	st := &shared.EducationState{SavedAt: r.SavedAt, SentAt: r.SentAt}
	return st, json.Unmarshal(r.Data, &st.Answer)
}

// educationState is the citizen's stored answer for the order's current
// step, or nil when the plan has no answerable step or nothing is saved.
func educationState(ctx context.Context, db bun.IDB, citizenID int64, order *shared.EducationOrder) (*shared.EducationState, error) {
	if order == nil || order.Step < 1 || order.Step > 3 {
		return nil, nil
	}
	var row educationRow
	err := db.NewSelect().Model(&row).Where("citizen_id = ? AND step = ?", citizenID, order.Step).Scan(ctx)
	if isNoRows(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return row.state()
}

// handleEducationAnswer: POST /api/plan/education — the citizen saves, or
// saves and sends to the caseworker, their answer in the current step of the
// uddannelsespålæg. Judged by shared's Check against the current plan, as in
// the browser. A mirror session never gets here: endpoint.go refuses it with
// the read-only message, the buttons stay visible (picture 18 in 000_…txt).
func handleEducationAnswer(w http.ResponseWriter, req *request) error {
	var in shared.EducationAnswer
	if err := decode(req.r, &in); err != nil {
		return err
	}
	ctx := req.r.Context()
	cur, _, _, err := latestPlans(ctx, req.db, req.actor.CitizenID)
	if err != nil {
		return err
	}
	var order *shared.EducationOrder
	if cur != nil {
		order = cur.EducationOrder
	}
	if err := in.Check(order); err != nil {
		return err
	}
	data, err := json.Marshal(in)
	if err != nil {
		return err
	}
	row := educationRow{CitizenID: req.actor.CitizenID, Step: in.Step, Data: data, SavedAt: req.now}
	q := req.db.NewInsert().Model(&row).On("CONFLICT (citizen_id, step) DO UPDATE").
		Set("data = EXCLUDED.data").Set("saved_at = EXCLUDED.saved_at")
	if in.Send {
		row.SentAt = &req.now
		q = q.Set("sent_at = EXCLUDED.sent_at")
	}
	if _, err := q.Returning("*").Exec(ctx); err != nil {
		return err
	}
	st, err := row.state()
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, st)
	return nil
}

// handleEducationSent: GET /api/ingest/v1/education-answers?since=RFC3339 —
// the case system collects what its citizens sent to their caseworker
// ("Send til sagsbehandler"), oldest first: a jobcenter for the citizens
// attached to it, an a-kasse for its members. Polling with the last sent_at
// seen as since gives each answer once more at most.
func handleEducationSent(w http.ResponseWriter, req *request) error {
	since := time.Time{}
	if s := req.r.URL.Query().Get("since"); s != "" {
		t, err := time.Parse(time.RFC3339Nano, s)
		if err != nil {
			return shared.Errorf(shared.EInvalid, "since skal være et tidspunkt i RFC 3339-format.")
		}
		since = t
	}
	orgColumn := "jobcenter_code"
	if req.org.Kind == shared.OrgAKasse {
		orgColumn = "akasse_code"
	}
	var rows []struct {
		CPR    string          `bun:"cpr"`
		Data   json.RawMessage `bun:"data"`
		SentAt time.Time       `bun:"sent_at"`
	}
	err := req.db.NewRaw(`SELECT c.cpr, e.data, e.sent_at FROM education_answers e JOIN citizens c ON c.id = e.citizen_id
		WHERE e.sent_at > ? AND c.? = ? ORDER BY e.sent_at LIMIT 1000`, since, bun.Ident(orgColumn), req.org.Code).Scan(req.r.Context(), &rows)
	if err != nil {
		return err
	}
	out := make([]shared.EducationSent, 0, len(rows))
	for _, r := range rows {
		sent := shared.EducationSent{CPR: r.CPR, SentAt: r.SentAt}
		if err := json.Unmarshal(r.Data, &sent.Answer); err != nil {
			return err
		}
		out = append(out, sent)
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}
