package storage

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/uptrace/bun"
)

// The SMS outbox (migration 036): an SMS of a campaign is a row written in
// the transaction of the change that causes it, with the job that sends
// it (SendSMSJob) through NemSMS's seam, once — as the mail outbox.

// SendSMSJob is the job that sends the SMS outbox row OutboxID.
type SendSMSJob struct {
	OutboxID int64 `json:"sms_outbox_id"`
}

// Kind names the job for River.
func (SendSMSJob) Kind() string { return "send_sms" }

// The kinds of SMS.
const (
	SMSPlanChanged     = "plan-changed"
	SMSMeetingReminder = "meeting-reminder"
)

// smsMaxRunes bounds an SMS's text: three concatenated SMS of 153
// characters (GSM 03.38 with æ, ø, å).
const smsMaxRunes = 459

// EnqueueSMS puts an SMS to the number in the SMS outbox within the
// accessor's transaction (InTx), and the job that sends it.
func (c Citizen) EnqueueSMS(ctx context.Context, kind, to, text string, now time.Time) (int64, error) {
	tx, ok := c.db.(bun.Tx)
	if !ok {
		return 0, errors.New("storage: an SMS is enqueued within the transaction of its change (Citizen.InTx)")
	}
	if c.jobs == nil {
		return 0, errors.New("storage: no job queue to send the SMS " + kind)
	}
	if to == "" || text == "" || len([]rune(text)) > smsMaxRunes {
		return 0, errors.New("storage: an SMS needs a number and a text of at most 459 characters")
	}
	var id int64
	if err := tx.NewRaw(`INSERT INTO sms_outbox (created_at, citizen_id, to_number, kind, text_body) VALUES (?, ?, ?, ?, ?) RETURNING id`,
		now, c.id, to, kind, text).Scan(ctx, &id); err != nil {
		return 0, err
	}
	return id, c.jobs.EnqueueTx(ctx, tx, SendSMSJob{OutboxID: id})
}

// SendFromSMSOutbox sends the SMS outbox row id with send, at most once,
// as SendFromOutbox does a mail: the row locked, nothing done if sent,
// sent_at recorded in the same transaction, a failure recorded with its
// error and returned. A row that is gone is not found.
func (s *Store) SendFromSMSOutbox(ctx context.Context, id int64, now func() time.Time, send func(ctx context.Context, to, text string) error) error {
	txCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), sendHold)
	defer cancel()
	var sendErr error
	err := s.db.RunInTx(txCtx, nil, func(txCtx context.Context, tx bun.Tx) error {
		var rows []struct {
			To     string     `bun:"to_number"`
			Text   string     `bun:"text_body"`
			SentAt *time.Time `bun:"sent_at"`
		}
		if err := tx.NewRaw(`SELECT to_number, text_body, sent_at FROM sms_outbox WHERE id = ? FOR UPDATE`, id).Scan(txCtx, &rows); err != nil {
			return err
		}
		if len(rows) == 0 {
			return notFound(sql.ErrNoRows, "SMS'en")
		}
		if rows[0].SentAt != nil {
			return nil
		}
		q := `UPDATE sms_outbox SET attempts = attempts + 1, sent_at = ?, last_error = NULL WHERE id = ?`
		args := []any{now(), id}
		if sendErr = send(ctx, rows[0].To, rows[0].Text); sendErr != nil {
			q = `UPDATE sms_outbox SET attempts = attempts + 1, last_error = ? WHERE id = ?`
			args = []any{truncate(sendErr.Error(), 2000), id}
		}
		_, err := tx.NewRaw(q, args...).Exec(txCtx)
		return err
	})
	if err != nil {
		return err
	}
	return sendErr
}
