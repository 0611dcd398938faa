package storage

import (
	"bytes"
	"context"
	"errors"
	"io"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/uptrace/bun"

	"jobnet/shared"
)

// Joblog documents (SPEC C3; shared/joblog_docs.go): a log's job ad, CV and
// application, kept in joblog_documents beside the log and deleted with it
// (migration 017). joblogs.documents counts them for the list's paperclip,
// changed in the transaction that adds or removes one.
//
// A document's content crosses this package with no copy of its own
// (files.go).

type joblogDocumentRow struct {
	bun.BaseModel `bun:"table:joblog_documents"`
	ID            int64     `bun:"id,pk,autoincrement"`
	Kind          string    `bun:"kind"`
	Name          string    `bun:"name"`
	Type          string    `bun:"type"`
	Size          int64     `bun:"size"`
	CreatedAt     time.Time `bun:"created_at"`
}

func (r joblogDocumentRow) document() shared.JoblogDocument {
	return shared.JoblogDocument{ID: r.ID, Kind: shared.JoblogDocumentKind(r.Kind), Name: r.Name, Type: shared.DocumentType(r.Type),
		Size: r.Size, Created: r.CreatedAt}
}

// joblogDocuments are a log's documents without their content, oldest
// first.
func (c Citizen) joblogDocuments(ctx context.Context, logID int64) ([]shared.JoblogDocument, error) {
	var rows []joblogDocumentRow
	err := c.db.NewSelect().Model(&rows).Column("id", "kind", "name", "type", "size", "created_at").
		Where("citizen_id = ? AND joblog_id = ?", c.id, logID).Order("id").Scan(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]shared.JoblogDocument, len(rows))
	for i, r := range rows {
		out[i] = r.document()
	}
	return out, nil
}

// AddJoblogDocument saves a document to one of the citizen's logs: its
// type judged from content (shared.JudgeDocument), its name cleaned to
// that type, the log's count raised within shared.JoblogMaxDocuments and
// the log marked changed (it keeps the log from the 4-year rule), all in
// one transaction (copyFile: content is streamed, never copied, and not
// kept after the call returns).
func (c Citizen) AddJoblogDocument(ctx context.Context, logID int64, kind shared.JoblogDocumentKind, name string, content []byte,
	now time.Time) (shared.JoblogDocument, error) {
	if err := shared.CheckDocumentKind(kind); err != nil {
		return shared.JoblogDocument{}, err
	}
	typ, err := shared.JudgeDocument(bytes.NewReader(content), int64(len(content)))
	if err != nil {
		return shared.JoblogDocument{}, err
	}
	doc := shared.JoblogDocument{Kind: kind, Name: shared.CleanDocumentName(name, typ), Type: typ, Size: int64(len(content)), Created: now}
	err = c.copyFile(ctx, func(ctx context.Context, tx pgx.Tx) error {
		var count int
		// The log's row lock orders two uploads to one log.
		err := tx.QueryRow(ctx, `UPDATE joblogs SET documents = documents + 1, updated_at = $3
			WHERE citizen_id = $1 AND id = $2 RETURNING documents`, c.id, logID, now).Scan(&count)
		switch {
		case errors.Is(err, pgx.ErrNoRows):
			return shared.ErrJoblogNotFound()
		case err != nil:
			return err
		case count > shared.JoblogMaxDocuments:
			return shared.ErrDocumentTooMany()
		}
		return tx.QueryRow(ctx, `SELECT nextval(pg_get_serial_sequence('joblog_documents', 'id'))`).Scan(&doc.ID)
	}, `COPY joblog_documents (id, citizen_id, joblog_id, kind, name, type, size, created_at, content) FROM STDIN (FORMAT binary)`,
		func() io.Reader {
			return copyRow(doc.ID, c.id, logID, string(doc.Kind), doc.Name, string(doc.Type), int32(doc.Size), doc.Created, content)
		}, nil)
	if err != nil {
		return shared.JoblogDocument{}, err
	}
	return doc, nil
}

// JoblogDocumentFile is one document of one of the citizen's logs with its
// content, served with the judged type (readFile).
func (c Citizen) JoblogDocumentFile(ctx context.Context, logID, docID int64) (shared.JoblogDocumentFile, error) {
	f, err := c.readFile(ctx, shared.ErrJoblogDocumentNotFound(), `SELECT name, type, content FROM joblog_documents
		WHERE citizen_id = $1 AND joblog_id = $2 AND id = $3`, c.id, logID, docID)
	return shared.JoblogDocumentFile(f), err
}

// RemoveJoblogDocument deletes one document of one of the citizen's logs,
// lowers the log's count and marks the log changed, in one transaction
// that takes the log's row lock first, as an upload does.
func (c Citizen) RemoveJoblogDocument(ctx context.Context, logID, docID int64, now time.Time) error {
	return c.InTx(ctx, func(ctx context.Context, c Citizen) error {
		var count int
		err := prepared(ctx, c.db, `UPDATE joblogs SET documents = documents - 1, updated_at = $3
			WHERE citizen_id = $1 AND id = $2 AND documents > 0 RETURNING documents`, c.id, logID, now).Scan(&count)
		if isNoRows(err) {
			return shared.ErrJoblogDocumentNotFound()
		}
		if err != nil {
			return err
		}
		var id int64
		err = prepared(ctx, c.db, `DELETE FROM joblog_documents WHERE citizen_id = $1 AND joblog_id = $2 AND id = $3 RETURNING id`,
			c.id, logID, docID).Scan(&id)
		if isNoRows(err) {
			return shared.ErrJoblogDocumentNotFound()
		}
		return err
	})
}
