package storage

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"io"
	"strconv"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/uptrace/bun"

	"jobnet/shared"
)

// The files of Min beskedbakke (shared/message_attachments.go; migration
// 024): a case system's files, kept once per sent message in
// message_attachments, keyed as the message by (sender_org, origin_id),
// and the files of the citizen's answer, one row each in
// message_reply_attachments.

// MessageFile is one of a case system's files, judged and named by the
// caller (shared.JudgeDocument, shared.CleanDocumentName).
type MessageFile struct {
	Name    string
	Type    shared.DocumentType
	Content []byte
}

// StoreMessageFiles keeps the files of the sender's (org's) message
// originID once, for every recipient, in the ingestion's transaction db.
// The content is a statement parameter that pgx sends in binary (never
// hex in the statement's text, as bun would write it); a message's files
// are few and bounded (shared.MessageAttachmentsMaxBytes).
func StoreMessageFiles(ctx context.Context, db bun.IDB, org, originID string, files []MessageFile, now time.Time) error {
	for i, f := range files {
		var id int64
		if err := prepared(ctx, db, `INSERT INTO message_attachments (sender_org, origin_id, position, name, type, size, content, sent_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
			org, originID, i, f.Name, string(f.Type), len(f.Content), f.Content, now).Scan(&id); err != nil {
			return err
		}
	}
	return nil
}

// StoreMessageFiles is the package function on the store's database (the
// demo's messages, which come without an ingestion).
func (s *Store) StoreMessageFiles(ctx context.Context, org, originID string, files []MessageFile, now time.Time) error {
	return StoreMessageFiles(ctx, s.db, org, originID, files, now)
}

type messageFileRow struct {
	ID        int64  `bun:"id"`
	MessageID int64  `bun:"message_id"`
	Name      string `bun:"name"`
	Type      string `bun:"type"`
	Size      int64  `bun:"size"`
}

func (r messageFileRow) attachment() shared.MessageAttachment {
	return shared.MessageAttachment{ID: r.ID, Name: r.Name, Type: shared.DocumentType(r.Type), Size: r.Size}
}

type replyFileRow = messageFileRow

// withFiles adds the files of the sender and of the citizen's answer to
// msgs, the citizen's messages (all of them, or the one with the id
// only); a withdrawn message's are gone. An answer waiting for files
// counts those that came off its Pending.
func (c Citizen) withFiles(ctx context.Context, msgs []shared.Message, only int64) error {
	if len(msgs) == 0 {
		return nil
	}
	at := map[string]int{}
	for i, m := range msgs {
		at[m.ID] = i
	}
	var sent []messageFileRow
	if err := c.db.NewRaw(`SELECT a.id, m.id AS message_id, a.name, a.type, a.size
		FROM messages m JOIN message_attachments a ON a.sender_org = m.sender_org AND a.origin_id = m.origin_id
		WHERE m.citizen_id = ?0 AND (?1 = 0 OR m.id = ?1) ORDER BY a.position`, c.id, only).Scan(ctx, &sent); err != nil {
		return err
	}
	for _, r := range sent {
		if i, ok := at[strconv.FormatInt(r.MessageID, 10)]; ok {
			msgs[i].Attachments = append(msgs[i].Attachments, r.attachment())
		}
	}
	var replies []replyFileRow
	if err := c.db.NewRaw(`SELECT id, message_id, name, type, size FROM message_reply_attachments
		WHERE citizen_id = ?0 AND (?1 = 0 OR message_id = ?1) ORDER BY id`, c.id, only).Scan(ctx, &replies); err != nil {
		return err
	}
	for _, r := range replies {
		if i, ok := at[strconv.FormatInt(r.MessageID, 10)]; ok && msgs[i].Reply != nil {
			rp := msgs[i].Reply
			rp.Attachments = append(rp.Attachments, r.attachment())
			if rp.Pending > 0 {
				rp.Pending--
			}
		}
	}
	return nil
}

// MessageAttachmentFile is one of the sender's files of one of the
// citizen's messages, with its content (see JoblogDocumentFile for the
// slice).
func (c Citizen) MessageAttachmentFile(ctx context.Context, msgID, fileID int64) (shared.MessageAttachmentFile, error) {
	f, err := c.readFile(ctx, shared.ErrMessageAttachmentNotFound(), `SELECT a.name, a.type, a.content
		FROM messages m JOIN message_attachments a ON a.sender_org = m.sender_org AND a.origin_id = m.origin_id
		WHERE m.citizen_id = $1 AND m.id = $2 AND a.id = $3`, c.id, msgID, fileID)
	return shared.MessageAttachmentFile(f), err
}

// ReplyAttachmentFile is one file of the citizen's answer to one of the
// citizen's messages, with its content.
func (c Citizen) ReplyAttachmentFile(ctx context.Context, msgID, fileID int64) (shared.MessageAttachmentFile, error) {
	f, err := c.readFile(ctx, shared.ErrMessageAttachmentNotFound(), `SELECT name, type, content FROM message_reply_attachments
		WHERE citizen_id = $1 AND message_id = $2 AND id = $3`, c.id, msgID, fileID)
	return shared.MessageAttachmentFile(f), err
}

// ReplyAttachmentForSender is one file of an answer to one of the
// organisation's messages, by the answer's seq: the sender's system
// collects it.
func (s *Store) ReplyAttachmentForSender(ctx context.Context, org string, seq, fileID int64) (shared.File, error) {
	return readFile(ctx, s.db, shared.ErrMessageAttachmentNotFound(), `SELECT a.name, a.type, a.content
		FROM messages m JOIN message_reply_attachments a ON a.message_id = m.id
		WHERE m.sender_org = $1 AND m.reply_seq = $2 AND a.id = $3`, org, seq, fileID)
}

// AddReplyAttachment saves a file of the citizen's answer to one of the
// citizen's messages: its type judged from content, its name cleaned,
// within shared.MessageReplyMaxFiles, while the answer waits for its files
// (shared.MessageReplyFilesWait); the last announced file makes the answer
// ready for the sender. One transaction, under the message's row lock,
// which orders two uploads to one answer (copyFile: the content is
// streamed, not copied).
func (c Citizen) AddReplyAttachment(ctx context.Context, msgID int64, name string, content []byte, now time.Time) (shared.MessageAttachment, error) {
	typ, err := shared.JudgeDocument(bytes.NewReader(content), int64(len(content)))
	if err != nil {
		return shared.MessageAttachment{}, err
	}
	a := shared.MessageAttachment{Name: shared.CleanDocumentName(name, typ), Type: typ, Size: int64(len(content))}
	var ready bool
	err = c.copyFile(ctx, func(ctx context.Context, tx pgx.Tx) error {
		var files, have int
		var waiting bool
		err := tx.QueryRow(ctx, `SELECT reply_files, reply_seq IS NULL AND replied_at > $3,
			(SELECT count(*) FROM message_reply_attachments WHERE message_id = m.id)
			FROM messages m WHERE citizen_id = $1 AND id = $2 AND reply IS NOT NULL FOR UPDATE`,
			c.id, msgID, now.Add(-shared.MessageReplyFilesWait)).Scan(&files, &waiting, &have)
		switch {
		case errors.Is(err, pgx.ErrNoRows):
			return shared.ErrMessageNotFound()
		case err != nil:
			return err
		case !waiting:
			return shared.ErrReplySent()
		case have >= shared.MessageReplyMaxFiles:
			return shared.ErrReplyFilesTooMany()
		}
		ready = have+1 >= files
		return tx.QueryRow(ctx, `SELECT nextval(pg_get_serial_sequence('message_reply_attachments', 'id'))`).Scan(&a.ID)
	}, `COPY message_reply_attachments (id, message_id, citizen_id, name, type, size, created_at, content) FROM STDIN (FORMAT binary)`,
		func() io.Reader {
			return copyRow(a.ID, msgID, c.id, a.Name, string(a.Type), int32(a.Size), now, content)
		},
		func(ctx context.Context, tx pgx.Tx) error {
			if !ready {
				return nil
			}
			_, err := tx.Exec(ctx, `UPDATE messages SET reply_seq = nextval('message_reply_seq'), reply_ready_at = $2 WHERE id = $1`, msgID, now)
			return err
		})
	if err != nil {
		return shared.MessageAttachment{}, err
	}
	return a, nil
}

// SendReply makes the citizen's answer ready for the sender without the
// files that did not come ("Send svaret uden flere filer"); an answer
// that is ready already stays as it is.
func (c Citizen) SendReply(ctx context.Context, msgID int64, now time.Time) (shared.Message, error) {
	if _, err := c.db.NewRaw(`UPDATE messages SET reply_seq = nextval('message_reply_seq'), reply_ready_at = ?
		WHERE citizen_id = ? AND id = ? AND reply IS NOT NULL AND reply_seq IS NULL`, now, c.id, msgID).Exec(ctx); err != nil {
		return shared.Message{}, err
	}
	m, err := c.Message(ctx, msgID)
	if err == nil && m.Reply == nil {
		return shared.Message{}, shared.ErrMessageNotAnswerable()
	}
	return m, err
}

// WithdrawMessage takes back the sender's (org's) message originID from
// every recipient (shared/message_attachments.go's decision): an unread
// one is deleted, a read one is kept as "Beskeden er trukket tilbage"
// without its subject, body and files; the citizen's answer and its files
// stay, the citizen's own and the sender's to collect. The sender's files
// go (the trigger of migration 024 takes them with the deleted rows; the
// kept rows' are deleted here). Withdrawing it again changes nothing. A
// message the organisation never sent is not found.
func WithdrawMessage(ctx context.Context, tx bun.IDB, org, originID string, now time.Time) error {
	var sent bool
	if err := tx.NewRaw(`SELECT EXISTS (SELECT 1 FROM ingest_messages WHERE org_code = ? AND message_id = ?)`,
		org, "message:"+originID).Scan(ctx, &sent); err != nil {
		return err
	}
	if !sent {
		return shared.ErrMessageNotFound()
	}
	if _, err := tx.NewRaw(`DELETE FROM messages WHERE sender_org = ? AND origin_id = ? AND read_at IS NULL`, org, originID).Exec(ctx); err != nil {
		return err
	}
	if _, err := tx.NewRaw(`UPDATE messages SET subject = '', body = '', important = false, withdrawn_at = coalesce(withdrawn_at, ?)
		WHERE sender_org = ? AND origin_id = ?`, now, org, originID).Exec(ctx); err != nil {
		return err
	}
	_, err := tx.NewRaw(`DELETE FROM message_attachments WHERE sender_org = ? AND origin_id = ?`, org, originID).Exec(ctx)
	return err
}

// readFile is a file's name, type and content by query, which selects
// those three; notFound when there is no row. The content is the slice
// pgx decoded the column into: scanned as sql.RawBytes, database/sql
// hands it over without its own copy, and pgx's stdlib makes a new slice
// for each bytea it decodes, so it stays whole after the rows close
// (TestJoblogDocuments holds a first document's bytes after a second is
// read).
func readFile(ctx context.Context, db bun.IDB, notFound error, query string, args ...any) (shared.File, error) {
	rows, err := preparedRows(ctx, db, query, args...)
	if err != nil {
		return shared.File{}, err
	}
	defer rows.Close()
	if !rows.Next() {
		return shared.File{}, cmpErr(rows.Err(), notFound)
	}
	var name, typ string
	var content sql.RawBytes
	if err := rows.Scan(&name, &typ, &content); err != nil {
		return shared.File{}, err
	}
	f := shared.File{Name: name, ContentType: shared.DocumentType(typ).ContentType(), Body: content}
	return f, rows.Close()
}

func (c Citizen) readFile(ctx context.Context, notFound error, query string, args ...any) (shared.File, error) {
	return readFile(ctx, c.db, notFound, query, args...)
}
