package server

import (
	"context"
	"encoding/json"
	"net/http"
	"strconv"
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
	SentData      json.RawMessage `bun:"sent_data,type:jsonb"`
	SentAt        *time.Time      `bun:"sent_at"`
	SentSeq       *int64          `bun:"sent_seq"`
}

func (r educationRow) state() (*shared.EducationState, error) {
	st := &shared.EducationState{SavedAt: r.SavedAt, SentAt: r.SentAt}
	if err := json.Unmarshal(r.Data, &st.Answer); err != nil {
		return nil, err
	}
	if r.SentData != nil {
		st.Sent = new(shared.EducationAnswer)
		if err := json.Unmarshal(r.SentData, st.Sent); err != nil {
			return nil, err
		}
	}
	return st, nil
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
	var goals []shared.EducationGoal
	if cur != nil {
		order, goals = cur.EducationOrder, cur.EducationGoals
	}
	if err := in.Check(order, goals); err != nil {
		return err
	}
	send := in.Send
	in.Send = false // a request's verb, not part of the answer
	in.Wishes, in.Places = nonNil(in.Wishes), nonNil(in.Places)
	data, err := json.Marshal(in)
	if err != nil {
		return err
	}
	// Saving changes the saved answer; sending also replaces what the
	// caseworker has, with a new place in the case systems' queue.
	var row educationRow
	err = req.db.NewRaw(`INSERT INTO education_answers AS e (citizen_id, step, data, saved_at, sent_data, sent_at, sent_seq)
		VALUES (?0, ?1, ?2, ?3, CASE WHEN ?4 THEN ?2::jsonb END, CASE WHEN ?4 THEN ?3::timestamptz END, CASE WHEN ?4 THEN nextval('education_sent_seq') END)
		ON CONFLICT (citizen_id, step) DO UPDATE SET data = EXCLUDED.data, saved_at = EXCLUDED.saved_at,
			sent_data = coalesce(EXCLUDED.sent_data, e.sent_data), sent_at = coalesce(EXCLUDED.sent_at, e.sent_at),
			sent_seq = coalesce(EXCLUDED.sent_seq, e.sent_seq)
		RETURNING *`, req.actor.CitizenID, in.Step, string(data), req.now, send).Scan(ctx, &row)
	if err != nil {
		return err
	}
	st, err := row.state()
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, st)
	return nil
}

// educationSettle is how old a sent answer must be before it is collected:
// its sequence number is drawn before the statement commits, so a send that
// commits later may carry a lower number than one already collected. A
// single-statement send commits within milliseconds.
const educationSettle = 2 * time.Second

// handleEducationSent: GET /api/ingest/v1/education-answers?after=N — a
// jobcenter's case system collects what its citizens sent to their
// caseworker ("Send til sagsbehandler"), in the order sent, up to 1,000 at
// a time; the next call passes the last seq as after. An answer sent again
// comes again, with a new seq. The uddannelsespålæg is the jobcenter's, so
// an a-kasse may not collect (SPEC K4).
func handleEducationSent(w http.ResponseWriter, req *request) error {
	if req.org.Kind != shared.OrgJobcenter {
		return shared.Errorf(shared.EForbidden, "Kun jobcentre kan hente svar på uddannelsespålæg.")
	}
	var after int64
	if s := req.r.URL.Query().Get("after"); s != "" {
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil || n < 0 {
			return shared.Errorf(shared.EInvalid, "after skal være et helt tal (seq fra sidste svar).")
		}
		after = n
	}
	var rows []struct {
		Seq    int64           `bun:"sent_seq"`
		CPR    string          `bun:"cpr"`
		Data   json.RawMessage `bun:"sent_data"`
		SentAt time.Time       `bun:"sent_at"`
	}
	err := req.db.NewRaw(`SELECT e.sent_seq, c.cpr, e.sent_data, e.sent_at FROM education_answers e JOIN citizens c ON c.id = e.citizen_id
		WHERE e.sent_seq > ? AND e.sent_at <= ? AND c.jobcenter_code = ? ORDER BY e.sent_seq LIMIT 1000`,
		after, req.now.Add(-educationSettle), req.org.Code).Scan(req.r.Context(), &rows)
	if err != nil {
		return err
	}
	out := make([]shared.EducationSent, 0, len(rows))
	for _, r := range rows {
		sent := shared.EducationSent{Seq: r.Seq, CPR: r.CPR, SentAt: r.SentAt}
		if err := json.Unmarshal(r.Data, &sent.Answer); err != nil {
			return err
		}
		out = append(out, sent)
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}
