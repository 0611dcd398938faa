package storage

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
)

// Event is one behaviour event of a citizen's session (SPEC E1).
type Event struct {
	SessionHash []byte
	CitizenID   int64
	Kind        string
	Detail      string
	At          time.Time
}

// InsertEvents stores behaviour events, in the order given, with COPY: the
// server writes them in batches of up to a thousand (every page a citizen
// opens is one), and COPY takes a batch in a fraction of a multi-row
// INSERT's time. The batch's commit does not wait for the disk
// (synchronous_commit off): a crash of the database may lose the last
// fraction of a second of behaviour data, never anything else.
func (s *Store) InsertEvents(ctx context.Context, events []Event) error {
	if len(events) == 0 {
		return nil
	}
	conn, err := s.db.DB.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	return conn.Raw(func(driverConn any) error {
		c, ok := driverConn.(*stdlib.Conn)
		if !ok {
			return fmt.Errorf("storage: behaviour events need pgx, not %T", driverConn)
		}
		return pgx.BeginFunc(ctx, c.Conn(), func(tx pgx.Tx) error {
			if _, err := tx.Exec(ctx, "SET LOCAL synchronous_commit = off"); err != nil {
				return err
			}
			_, err := tx.CopyFrom(ctx, pgx.Identifier{"behaviour_events"}, []string{"session_hash", "citizen_id", "kind", "detail", "at"},
				pgx.CopyFromSlice(len(events), func(i int) ([]any, error) {
					e := events[i]
					return []any{e.SessionHash, e.CitizenID, e.Kind, e.Detail, e.At}, nil
				}))
			return err
		})
	})
}
