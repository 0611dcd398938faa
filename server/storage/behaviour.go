package storage

import (
	"context"
	"time"

	"github.com/uptrace/bun"
)

type behaviourEventRow struct {
	bun.BaseModel `bun:"table:behaviour_events"`
	ID            int64     `bun:"id,pk,autoincrement"`
	SessionHash   []byte    `bun:"session_hash"`
	CitizenID     int64     `bun:"citizen_id"`
	Kind          string    `bun:"kind"`
	Detail        string    `bun:"detail"`
	At            time.Time `bun:"at"`
}

// Event is one behaviour event of a citizen's session (SPEC E1).
type Event struct {
	SessionHash []byte
	CitizenID   int64
	Kind        string
	Detail      string
	At          time.Time
}

// InsertEvents stores behaviour events in one statement, in the order given.
func (s *Store) InsertEvents(ctx context.Context, events []Event) error {
	if len(events) == 0 {
		return nil
	}
	rows := make([]behaviourEventRow, len(events))
	for i, e := range events {
		rows[i] = behaviourEventRow{SessionHash: e.SessionHash, CitizenID: e.CitizenID, Kind: e.Kind, Detail: e.Detail, At: e.At}
	}
	_, err := s.db.NewInsert().Model(&rows).ExcludeColumn("id").Exec(ctx)
	return err
}
