package storage

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
	"github.com/uptrace/bun"
)

// The citizen's uploaded files (a log's documents, the files of an answer
// in the Beskedbakke) cross this package with no copy of their own: the
// caller's bytes are streamed to PostgreSQL by COPY (never through bun,
// which would write them into the statement's text as hex), and a read
// gives back the one slice pgx decoded the column into.

// copyFile runs, in one transaction of pgx's own on the pool, first (which
// locks and checks what the file belongs to, and may draw ids) and then
// the COPY … FROM STDIN (FORMAT binary) statement with the row row gives,
// and then, when not nil, after (which may mark what the file completes).
// pgx streams the row from its reader in 64 kB pieces: the content is
// read where it lies, never copied. As a statement's parameter it would be
// copied twice over (pgx encodes the parameters, then the message, growing
// each buffer as it goes: 3 × the document per upload, measured). COPY
// needs pgx's own connection, so the citizen's accessor must be the
// pool's (the handler's for a citizen's own session; a mirror session
// never gets here, the route table refuses its writes).
func (c Citizen) copyFile(ctx context.Context, first func(ctx context.Context, tx pgx.Tx) error, copySQL string, row func() io.Reader,
	after func(ctx context.Context, tx pgx.Tx) error) error {
	pool, ok := c.db.(*bun.DB)
	if !ok {
		return errors.New("storage: a file is saved on the pool, in a transaction of its own")
	}
	conn, err := pool.DB.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	return conn.Raw(func(driverConn any) error {
		return pgx.BeginFunc(ctx, driverConn.(*stdlib.Conn).Conn(), func(tx pgx.Tx) error {
			if err := first(ctx, tx); err != nil {
				return err
			}
			if _, err := tx.Conn().PgConn().CopyFrom(ctx, row(), copySQL); err != nil || after == nil {
				return err
			}
			return after(ctx, tx)
		})
	})
}

// copyRow is one row in COPY's binary format (PostgreSQL manual, COPY,
// "Binary Format"): the header, one tuple of the values in their binary
// send formats, and the trailer. The values are int64 (bigint), int32
// (integer), string (text), time.Time (timestamptz) and, last, []byte
// (bytea), which is read from the caller's slice.
func copyRow(values ...any) io.Reader {
	b := append([]byte("PGCOPY\n\xff\r\n\x00"), 0, 0, 0, 0, 0, 0, 0, 0) // signature, flags, no extension
	b = binary.BigEndian.AppendUint16(b, uint16(len(values)))
	var content []byte
	for _, v := range values {
		switch v := v.(type) {
		case int64:
			b = binary.BigEndian.AppendUint32(b, 8)
			b = binary.BigEndian.AppendUint64(b, uint64(v))
		case int32:
			b = binary.BigEndian.AppendUint32(b, 4)
			b = binary.BigEndian.AppendUint32(b, uint32(v))
		case string:
			b = binary.BigEndian.AppendUint32(b, uint32(len(v)))
			b = append(b, v...)
		case time.Time:
			// timestamptz: microseconds since 2000-01-01 00:00 UTC.
			b = binary.BigEndian.AppendUint32(b, 8)
			b = binary.BigEndian.AppendUint64(b, uint64(v.Sub(time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)).Microseconds()))
		case []byte:
			b = binary.BigEndian.AppendUint32(b, uint32(len(v)))
			content = v
		default:
			panic(fmt.Sprintf("storage: copyRow of a %T", v))
		}
	}
	return io.MultiReader(bytes.NewReader(b), bytes.NewReader(content), bytes.NewReader([]byte{0xff, 0xff}))
}
