package storage

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/json"
	"time"

	"github.com/uptrace/bun"

	"jobnet/shared"
)

// Message is one ingestion request from a case system (SPEC F): who sent
// it, the sender's id for it, the request itself (to tell a retry from a
// reuse of the id), and for whom.
type Message struct {
	Org       shared.Organisation
	MessageID string
	Body      any
	CPR       shared.CPR
	// OwnCitizensOnly: the citizen must already be the sender's (attached
	// to the jobcenter, a member of the a-kasse). A jobcenter setting a
	// target group takes the citizen on, so it need not.
	OwnCitizensOnly bool
	Now             time.Time
}

// Ingest applies a case system's message in one transaction: it claims the
// sender's message id (a retry with the same body reports duplicate and
// changes nothing; the same id with another body is a conflict), locks and
// loads the citizen, checks that the citizen is the sender's where the
// message requires it, and runs apply on the citizen's rows. A failure
// rolls the claim back, so the message may be sent again.
func (s *Store) Ingest(ctx context.Context, m Message, apply func(ctx context.Context, c Citizen, who shared.Citizen) error) (duplicate bool, err error) {
	err = s.inTx(ctx, func(ctx context.Context, tx bun.Tx) error {
		dup, err := claimMessage(ctx, tx, m)
		if err != nil || dup {
			duplicate = dup
			return err
		}
		who, err := loadCitizen(ctx, tx, "c.cpr = ?", string(m.CPR), true)
		if IsNotFound(err) {
			return &shared.Error{Code: shared.ENotFound, Message: "Borgeren findes ikke i Jobnet.",
				Fields: []shared.FieldError{{Field: "cpr", Message: "Borgeren findes ikke i Jobnet."}}}
		}
		if err != nil {
			return err
		}
		if m.OwnCitizensOnly && !m.Org.Serves(who) {
			return shared.Errorf(shared.EForbidden, "Borgeren hører ikke til jeres organisation.")
		}
		return apply(ctx, Citizen{db: tx, id: who.ID, jobs: s.jobs}, who)
	})
	return duplicate, err
}

// claimMessage records the message id once.
func claimMessage(ctx context.Context, tx bun.IDB, m Message) (duplicate bool, err error) {
	canon, err := json.Marshal(m.Body)
	if err != nil {
		return false, err
	}
	sum := sha256.Sum256(canon)
	res, err := tx.NewRaw(`INSERT INTO ingest_messages (org_code, message_id, request_hash, received_at) VALUES (?, ?, ?, ?)
		ON CONFLICT DO NOTHING`, m.Org.Code, m.MessageID, sum[:], m.Now).Exec(ctx)
	if err != nil {
		return false, err
	}
	if n, err := res.RowsAffected(); err != nil || n == 1 {
		return false, err
	}
	var prev []byte
	if err := tx.NewSelect().Table("ingest_messages").Column("request_hash").
		Where("org_code = ? AND message_id = ?", m.Org.Code, m.MessageID).Scan(ctx, &prev); err != nil {
		return false, err
	}
	if !bytes.Equal(prev, sum[:]) {
		return false, shared.Errorf(shared.EConflict, "message_id %q er allerede brugt til en anden besked.", m.MessageID)
	}
	return true, nil
}
