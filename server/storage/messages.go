package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/uptrace/bun"
	"github.com/uptrace/bun/dialect/pgdialect"

	"jobnet/shared"
)

// Min beskedbakke (SPEC D6): the messages of the case systems, one row per
// recipient (migrations/021_messages). The citizen's read state and reply
// are written by the citizen's own session only: the route table refuses
// a caseworker's, and a mirror session's transaction is read-only.

// MessageIn is a message as a case system sends it, for one recipient.
type MessageIn struct {
	Sender     string
	Parties    []string
	Subject    string
	Body       string
	Important  bool
	Answerable bool
	// Employer is the employer writing through STAR's Jobnet for
	// virksomheder; nil for a message of the sender itself.
	Employer *shared.MessageEmployer
}

// IngestGroup applies a case system's message to each citizen of cprs in
// one transaction, like Ingest: the message id is claimed once for the
// whole group (a retry changes nothing), and one unknown citizen, or one
// who is not the sender's where the message requires it, refuses the
// whole group, with the field of the first such number (field, then
// field[i] for a group).
//
// once, when not nil, runs first, once for the whole group: what the
// group's members share is stored once (a message's files).
func (s *Store) IngestGroup(ctx context.Context, m Message, field string, cprs []shared.CPR, once func(ctx context.Context, tx bun.IDB) error,
	apply func(ctx context.Context, c Citizen, who shared.Citizen) error) (duplicate bool, err error) {
	err = s.inTx(ctx, func(ctx context.Context, tx bun.Tx) error {
		dup, err := claimMessage(ctx, tx, m)
		if err != nil || dup {
			duplicate = dup
			return err
		}
		if once != nil {
			if err := once(ctx, tx); err != nil {
				return err
			}
		}
		for i, cpr := range cprs {
			at := field
			if len(cprs) > 1 {
				at = fmt.Sprintf("%s[%d]", field, i)
			}
			who, err := loadCitizen(ctx, tx, "c.cpr = ?", string(cpr), true)
			if IsNotFound(err) {
				return &shared.Error{Code: shared.ENotFound, Message: "Borgeren findes ikke i Jobnet.",
					Fields: []shared.FieldError{{Field: at, Message: "Borgeren findes ikke i Jobnet."}}}
			}
			if err != nil {
				return err
			}
			if m.OwnCitizensOnly && !m.Org.Serves(who) {
				return &shared.Error{Code: shared.EForbidden, Message: "Borgeren hører ikke til jeres organisation.",
					Fields: []shared.FieldError{{Field: at, Message: "Borgeren hører ikke til jeres organisation."}}}
			}
			if err := apply(ctx, Citizen{db: tx, id: who.ID, jobs: s.jobs}, who); err != nil {
				return err
			}
		}
		return nil
	})
	return duplicate, err
}

// CheckParties refuses a party that is no organisation Jobnet knows: the
// a-kasse's access to a letter rests on the codes.
func CheckParties(ctx context.Context, db bun.IDB, parties []string) error {
	if len(parties) == 0 {
		return nil
	}
	var known int
	if err := db.NewRaw("SELECT count(*) FROM organisations WHERE code = ANY(?)", pgdialect.Array(parties)).Scan(ctx, &known); err != nil {
		return err
	}
	if known != len(parties) {
		return &shared.Error{Code: shared.EInvalid, Message: "En part er ikke en kendt organisation.",
			Fields: []shared.FieldError{{Field: "parties", Message: "Ukendt organisationskode."}}}
	}
	return nil
}

// CheckParties is the package function on the store's database.
func (s *Store) CheckParties(ctx context.Context, parties []string) error {
	return CheckParties(ctx, s.db, parties)
}

// IngestMessage stores the sender's (org's) message originID for the
// citizen, sent now; a second delivery of the same id to the same citizen
// changes nothing.
func (c Citizen) IngestMessage(ctx context.Context, org, originID string, in MessageIn, now time.Time) error {
	parties := in.Parties
	if parties == nil {
		parties = []string{}
	}
	var cvr, name *string
	if e := in.Employer; e != nil {
		cvr, name = &e.CVR, &e.Name
	}
	_, err := c.db.NewRaw(`INSERT INTO messages (citizen_id, sender_org, origin_id, sender, parties, subject, body, important, answerable, sent_at,
			employer_cvr, employer_name)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (sender_org, origin_id, citizen_id) DO NOTHING`,
		c.id, org, originID, in.Sender, pgdialect.Array(parties), in.Subject, in.Body, in.Important, in.Answerable, now, cvr, name).Exec(ctx)
	return err
}

type messageRow struct {
	ID           int64      `bun:"id"`
	Sender       string     `bun:"sender"`
	SenderOrg    string     `bun:"sender_org"`
	SenderKind   string     `bun:"sender_kind"`
	Parties      []string   `bun:"parties,array"`
	Subject      string     `bun:"subject"`
	Body         string     `bun:"body"`
	Important    bool       `bun:"important"`
	Answerable   bool       `bun:"answerable"`
	SentAt       time.Time  `bun:"sent_at"`
	ReadAt       *time.Time `bun:"read_at"`
	Reply        *string    `bun:"reply"`
	RepliedAt    *time.Time `bun:"replied_at"`
	ReplyFiles   int        `bun:"reply_files"`
	ReplyReady   bool       `bun:"reply_ready"`
	Withdrawn    bool       `bun:"withdrawn"`
	EmployerCVR  *string    `bun:"employer_cvr"`
	EmployerName *string    `bun:"employer_name"`
}

func (r messageRow) message() shared.Message {
	m := shared.Message{ID: strconv.FormatInt(r.ID, 10), Sender: r.Sender, SenderOrg: r.SenderOrg, SenderKind: shared.OrgKind(r.SenderKind),
		Parties: r.Parties, Subject: r.Subject, Body: r.Body, Important: r.Important, Answerable: r.Answerable,
		Sent: r.SentAt, Read: r.ReadAt != nil, Withdrawn: r.Withdrawn}
	if r.EmployerCVR != nil && r.EmployerName != nil {
		m.Employer = &shared.MessageEmployer{CVR: *r.EmployerCVR, Name: *r.EmployerName}
	}
	if m.Parties == nil {
		m.Parties = []string{}
	}
	if r.Reply != nil && r.RepliedAt != nil {
		m.Reply = &shared.MessageReply{Text: *r.Reply, Sent: *r.RepliedAt}
		if !r.ReplyReady {
			m.Reply.Pending = r.ReplyFiles // less the files that came (withFiles)
		}
	}
	return m
}

const messageSelect = `SELECT m.id, m.sender, m.sender_org, o.kind AS sender_kind, m.parties, m.subject, m.body,
	m.important, m.answerable, m.sent_at, m.read_at, m.reply, m.replied_at, m.reply_files,
	m.reply_seq IS NOT NULL AS reply_ready, m.withdrawn_at IS NOT NULL AS withdrawn, m.employer_cvr, m.employer_name
	FROM messages m JOIN organisations o ON o.code = m.sender_org`

// Messages is the citizen's Beskedbakke, the newest first.
func (c Citizen) Messages(ctx context.Context) (shared.Messages, error) {
	var rows []messageRow
	if err := c.db.NewRaw(messageSelect+` WHERE m.citizen_id = ? ORDER BY m.sent_at DESC, m.id DESC`, c.id).Scan(ctx, &rows); err != nil {
		return shared.Messages{}, err
	}
	out := shared.Messages{Messages: make([]shared.Message, 0, len(rows))}
	for _, r := range rows {
		out.Messages = append(out.Messages, r.message())
	}
	return out, c.withFiles(ctx, out.Messages, 0)
}

// Message is one of the citizen's messages, with its files.
func (c Citizen) Message(ctx context.Context, id int64) (shared.Message, error) {
	var r messageRow
	err := c.db.NewRaw(messageSelect+` WHERE m.citizen_id = ? AND m.id = ?`, c.id, id).Scan(ctx, &r)
	if errors.Is(err, sql.ErrNoRows) {
		return shared.Message{}, shared.ErrMessageNotFound()
	}
	if err != nil {
		return shared.Message{}, err
	}
	m := []shared.Message{r.message()}
	return m[0], c.withFiles(ctx, m, id)
}

// MarkMessageRead marks the message read when the citizen opens it
// ("Når beskeden har været åbnet, opfattes beskeden som læst" [003]); it
// stays read from the first time.
func (c Citizen) MarkMessageRead(ctx context.Context, id int64, now time.Time) (shared.Message, error) {
	res, err := c.db.NewRaw(`UPDATE messages SET read_at = coalesce(read_at, ?) WHERE id = ? AND citizen_id = ?`, now, id, c.id).Exec(ctx)
	if err != nil {
		return shared.Message{}, err
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		return shared.Message{}, cmpErr(err, shared.ErrMessageNotFound())
	}
	return c.Message(ctx, id)
}

// ReplyToMessage stores the citizen's one answer to a "Kan besvares"
// message (in: normalized and checked by the caller's shared rules) and
// queues it for the sender to collect — at once without files; with files
// (in.Files) once they have come (AddReplyAttachment, message_attachments.go).
// Answering also reads it. A withdrawn message cannot be answered.
func (c Citizen) ReplyToMessage(ctx context.Context, id int64, in shared.MessageReplyInput, now time.Time) (shared.Message, error) {
	res, err := c.db.NewRaw(`UPDATE messages SET reply = ?0, replied_at = ?1, read_at = coalesce(read_at, ?1), reply_files = ?2,
		reply_seq = CASE WHEN ?2 = 0 THEN nextval('message_reply_seq') END, reply_ready_at = CASE WHEN ?2 = 0 THEN ?1::timestamptz END
		WHERE id = ?3 AND citizen_id = ?4 AND answerable AND reply IS NULL AND withdrawn_at IS NULL`, in.Text, now, in.Files, id, c.id).Exec(ctx)
	if err != nil {
		return shared.Message{}, err
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		if err != nil {
			return shared.Message{}, err
		}
		m, err := c.Message(ctx, id)
		switch {
		case err != nil:
			return shared.Message{}, err
		case !m.Answerable || m.Withdrawn:
			return shared.Message{}, shared.ErrMessageNotAnswerable()
		}
		return shared.Message{}, shared.ErrMessageAnswered()
	}
	return c.Message(ctx, id)
}

// MessageReplySent is one answer for the sender's case system.
type MessageReplySent struct {
	ID        int64     `bun:"id"`
	Seq       int64     `bun:"reply_seq"`
	MessageID string    `bun:"origin_id"`
	CPR       string    `bun:"cpr"`
	Text      string    `bun:"reply"`
	SentAt    time.Time `bun:"replied_at"`
	// Attachments are the files sent with it.
	Attachments []shared.MessageAttachment `bun:"-"`
}

// MessageReplies are the answers to the organisation's messages with a
// sequence number after after, ready until until (see
// EducationAnswersSent for why), in order, at most limit, with their
// files. An answer that has waited shared.MessageReplyFilesWait for its
// files is made ready now, with the files that came: it is collected by a
// call at least the settle time later, as any answer.
func (s *Store) MessageReplies(ctx context.Context, org string, after int64, until, now time.Time, limit int) ([]MessageReplySent, error) {
	if _, err := s.db.NewRaw(`UPDATE messages SET reply_seq = nextval('message_reply_seq'), reply_ready_at = ?0
		WHERE sender_org = ?1 AND reply IS NOT NULL AND reply_seq IS NULL AND replied_at <= ?2`,
		now, org, now.Add(-shared.MessageReplyFilesWait)).Exec(ctx); err != nil {
		return nil, err
	}
	out := []MessageReplySent{}
	err := s.db.NewRaw(`SELECT m.id, m.reply_seq, m.origin_id, c.cpr, m.reply, m.replied_at FROM messages m JOIN citizens c ON c.id = m.citizen_id
		WHERE m.sender_org = ? AND m.reply_seq > ? AND m.reply_ready_at <= ? ORDER BY m.reply_seq LIMIT ?`,
		org, after, until, limit).Scan(ctx, &out)
	if err != nil || len(out) == 0 {
		return out, err
	}
	ids := make([]int64, len(out))
	at := map[int64]int{}
	for i, r := range out {
		ids[i], at[r.ID] = r.ID, i
	}
	var files []replyFileRow
	if err := s.db.NewRaw(`SELECT id, message_id, name, type, size FROM message_reply_attachments WHERE message_id = ANY(?) ORDER BY id`,
		pgdialect.Array(ids)).Scan(ctx, &files); err != nil {
		return nil, err
	}
	for _, f := range files {
		out[at[f.MessageID]].Attachments = append(out[at[f.MessageID]].Attachments, f.attachment())
	}
	return out, nil
}
