package server

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/json"
	"net/http"
	"strings"

	"github.com/uptrace/bun"

	"jobnet/shared"
)

// The ingestion API (SPEC F): case systems publish to Jobnet with a bearer
// token per organisation. Each message carries the sender's id; a retry with
// the same id and body changes nothing, the same id with another body is a
// conflict.

// ingestOrganisation resolves the bearer token to its organisation.
func (s *Server) ingestOrganisation(r *http.Request) (*shared.Organisation, error) {
	token, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if !ok || token == "" {
		return nil, shared.Errorf(shared.EUnauthorized, "API-nøgle mangler.")
	}
	var code string
	err := s.db.NewSelect().Table("api_tokens").Column("org_code").Where("token_hash = ?", hashToken(token)).Scan(r.Context(), &code)
	if isNoRows(err) {
		return nil, shared.Errorf(shared.EUnauthorized, "Ukendt API-nøgle.")
	}
	if err != nil {
		return nil, err
	}
	return organisationByCode(r.Context(), s.db, code)
}

// claimMessage records the message id once. It reports duplicate=true for a
// retry of the same body, and a conflict for the same id with another body.
func claimMessage(ctx context.Context, tx bun.IDB, org, messageID string, body any) (duplicate bool, err error) {
	canon, err := json.Marshal(body)
	if err != nil {
		return false, err
	}
	sum := sha256.Sum256(canon)
	res, err := tx.NewRaw(`INSERT INTO ingest_messages (org_code, message_id, request_hash) VALUES (?, ?, ?)
		ON CONFLICT DO NOTHING`, org, messageID, sum[:]).Exec(ctx)
	if err != nil {
		return false, err
	}
	if n, _ := res.RowsAffected(); n == 1 {
		return false, nil
	}
	var prev []byte
	if err := tx.NewSelect().Table("ingest_messages").Column("request_hash").
		Where("org_code = ? AND message_id = ?", org, messageID).Scan(ctx, &prev); err != nil {
		return false, err
	}
	if !bytes.Equal(prev, sum[:]) {
		return false, shared.Errorf(shared.EConflict, "message_id %q er allerede brugt til en anden besked.", messageID)
	}
	return true, nil
}

// handleIngestTargetGroup: POST /api/ingest/v1/targetgroup — a jobcenter sets
// a citizen's kontaktgruppe from a date and their enrolment status. The
// sending jobcenter becomes the citizen's jobcenter. A-kasser may not.
func handleIngestTargetGroup(w http.ResponseWriter, req *request) error {
	if req.org.Kind != shared.OrgJobcenter {
		return shared.Errorf(shared.EForbidden, "Kun jobcentre kan sætte en borgers målgruppe.")
	}
	var in shared.TargetGroupUpdate
	if err := decode(req.r, &in); err != nil {
		return err
	}
	// The sending jobcenter becomes the citizen's: no need to serve them yet.
	return ingestForCitizen(w, req, in.MessageID, &in.CPR, &in, false, func(ctx context.Context, tx bun.Tx, c shared.Citizen) error {
		return setTargetGroup(ctx, tx, c.ID, req.org.Code, in)
	})
}

// ingestForCitizen is the common part of every ingestion route. It writes
// the request's CPR number (cpr, checked by decode) back in its one form, so
// that a retry written either way is the same message; then, in one
// transaction, it claims the sender's message id (a retry answers
// "duplicate" and changes nothing), locks and loads the citizen, checks with
// mustServe that the citizen is the sender's (attached to the jobcenter, a
// member of the a-kasse), and runs apply. A failure rolls the claim back, so
// the message may be sent again. body is the request, by pointer.
func ingestForCitizen(w http.ResponseWriter, req *request, messageID string, cpr *string, body any, mustServe bool,
	apply func(ctx context.Context, tx bun.Tx, c shared.Citizen) error) error {
	parsed, _ := shared.ParseCPR(*cpr)
	*cpr = string(parsed)
	receipt := shared.IngestReceipt{MessageID: messageID}
	err := req.db.RunInTx(req.r.Context(), nil, func(ctx context.Context, tx bun.Tx) error {
		dup, err := claimMessage(ctx, tx, req.org.Code, messageID, body)
		if err != nil || dup {
			receipt.Duplicate = dup
			return err
		}
		c, err := loadCitizen(ctx, tx, func(q *bun.SelectQuery) *bun.SelectQuery { return q.Where("cpr = ?", *cpr).For("UPDATE") })
		if shared.ErrorCodeOf(err) == shared.ENotFound {
			return &shared.Error{Code: shared.ENotFound, Message: "Borgeren findes ikke i Jobnet.",
				Fields: []shared.FieldError{{Field: "cpr", Message: "Borgeren findes ikke i Jobnet."}}}
		}
		if err != nil {
			return err
		}
		if mustServe && !req.org.Serves(c) {
			return shared.Errorf(shared.EForbidden, "Borgeren hører ikke til jeres organisation.")
		}
		return apply(ctx, tx, c)
	})
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, receipt)
	return nil
}

// setTargetGroup ends the open forløb the day before the new one starts,
// drops forløb the new one replaces (a correction back in time), opens the
// new one and sets the enrolment status.
func setTargetGroup(ctx context.Context, tx bun.IDB, citizenID int64, jobcenter string, in shared.TargetGroupUpdate) error {
	from := timeOfDate(in.From)
	if _, err := tx.NewDelete().Model((*forloebRow)(nil)).
		Where("citizen_id = ? AND from_date >= ?", citizenID, from).Exec(ctx); err != nil {
		return err
	}
	if _, err := tx.NewUpdate().Model((*forloebRow)(nil)).Set("to_date = ?", timeOfDate(in.From.AddDays(-1))).
		Where("citizen_id = ? AND (to_date IS NULL OR to_date >= ?)", citizenID, from).Exec(ctx); err != nil {
		return err
	}
	f := forloebRow{CitizenID: citizenID, Kontaktgruppe: in.Kontaktgruppe, Tilmeldekategori: in.Tilmeldekategori, FromDate: from}
	if _, err := tx.NewInsert().Model(&f).ExcludeColumn("id").Exec(ctx); err != nil {
		return err
	}
	_, err := tx.NewUpdate().Table("citizens").Set("enrolment = ?", string(in.Enrolment)).
		Set("jobcenter_code = ?", jobcenter).Set("updated_at = now()").Where("id = ?", citizenID).Exec(ctx)
	return err
}
