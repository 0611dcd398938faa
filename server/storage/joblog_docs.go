package storage

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/binary"
	"errors"
	"io"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
	"github.com/uptrace/bun"

	"jobnet/shared"
)

// Joblog documents (SPEC C3; shared/joblog_docs.go): a log's job ad, CV and
// application, kept in joblog_documents beside the log and deleted with it
// (migration 017). joblogs.documents counts them for the list's paperclip,
// changed in the transaction that adds or removes one.
//
// A document's content crosses this package with no copy of its own: the
// caller's bytes are streamed to PostgreSQL by COPY (never through bun,
// which would write them into the statement's text as hex), and a read
// gives back the one slice pgx decoded the column into.

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
// one transaction. content is not kept after the call returns.
//
// The row goes to PostgreSQL by COPY … FROM STDIN in the binary format,
// which pgx streams from a reader in 64 kB pieces: the content is read
// where it lies, never copied. As a statement's parameter it would be
// copied twice over (pgx encodes the parameters, then the message,
// growing each buffer as it goes: 3 × the document per upload, measured).
// COPY needs pgx's own connection, so the citizen's accessor must be the
// pool's (the handler's for a citizen's own session; a mirror session
// never gets here, the route table refuses its writes).
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
	pool, ok := c.db.(*bun.DB)
	if !ok {
		return shared.JoblogDocument{}, errors.New("storage: AddJoblogDocument runs on the pool, in a transaction of its own")
	}
	conn, err := pool.DB.Conn(ctx)
	if err != nil {
		return shared.JoblogDocument{}, err
	}
	defer conn.Close()
	err = conn.Raw(func(driverConn any) error {
		return pgx.BeginFunc(ctx, driverConn.(*stdlib.Conn).Conn(), func(tx pgx.Tx) error {
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
			if err := tx.QueryRow(ctx, `SELECT nextval(pg_get_serial_sequence('joblog_documents', 'id'))`).Scan(&doc.ID); err != nil {
				return err
			}
			_, err = tx.Conn().PgConn().CopyFrom(ctx, copyDocument(c.id, logID, doc, content),
				`COPY joblog_documents (id, citizen_id, joblog_id, kind, name, type, size, created_at, content) FROM STDIN (FORMAT binary)`)
			return err
		})
	})
	if err != nil {
		return shared.JoblogDocument{}, err
	}
	return doc, nil
}

// copyDocument is the document's row in COPY's binary format (PostgreSQL
// manual, COPY, "Binary Format"): the header, one tuple of the columns
// COPY names, in their binary send formats, and the trailer. The content
// is read from the caller's slice.
func copyDocument(citizenID, logID int64, doc shared.JoblogDocument, content []byte) io.Reader {
	b := append([]byte("PGCOPY\n\xff\r\n\x00"), 0, 0, 0, 0, 0, 0, 0, 0) // signature, flags, no extension
	b = binary.BigEndian.AppendUint16(b, 9)
	bigint := func(v int64) {
		b = binary.BigEndian.AppendUint32(b, 8)
		b = binary.BigEndian.AppendUint64(b, uint64(v))
	}
	text := func(s string) {
		b = binary.BigEndian.AppendUint32(b, uint32(len(s)))
		b = append(b, s...)
	}
	bigint(doc.ID)
	bigint(citizenID)
	bigint(logID)
	text(string(doc.Kind))
	text(doc.Name)
	text(string(doc.Type))
	b = binary.BigEndian.AppendUint32(b, 4)
	b = binary.BigEndian.AppendUint32(b, uint32(doc.Size))
	// timestamptz: microseconds since 2000-01-01 00:00 UTC.
	bigint(doc.Created.Sub(time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)).Microseconds())
	b = binary.BigEndian.AppendUint32(b, uint32(len(content)))
	return io.MultiReader(bytes.NewReader(b), bytes.NewReader(content), bytes.NewReader([]byte{0xff, 0xff}))
}

// JoblogDocumentFile is one document of one of the citizen's logs with its
// content, served with the judged type. The content is the slice pgx
// decoded the column into: scanned as sql.RawBytes, database/sql hands it
// over without its own copy, and pgx's stdlib makes a new slice for each
// bytea it decodes, so it stays whole after the rows close
// (TestJoblogDocuments holds a first document's bytes after a second is
// read).
func (c Citizen) JoblogDocumentFile(ctx context.Context, logID, docID int64) (shared.JoblogDocumentFile, error) {
	rows, err := preparedRows(ctx, c.db, `SELECT name, type, content FROM joblog_documents
		WHERE citizen_id = $1 AND joblog_id = $2 AND id = $3`, c.id, logID, docID)
	if err != nil {
		return shared.JoblogDocumentFile{}, err
	}
	defer rows.Close()
	if !rows.Next() {
		return shared.JoblogDocumentFile{}, cmpErr(rows.Err(), shared.ErrJoblogDocumentNotFound())
	}
	var name, typ string
	var content sql.RawBytes
	if err := rows.Scan(&name, &typ, &content); err != nil {
		return shared.JoblogDocumentFile{}, err
	}
	f := shared.JoblogDocumentFile{Name: name, ContentType: shared.DocumentType(typ).ContentType(), Body: content}
	return f, rows.Close()
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
