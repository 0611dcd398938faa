package storage

import (
	"context"
	"time"

	"github.com/uptrace/bun"

	"jobnet/shared"
)

type loginEventRow struct {
	bun.BaseModel `bun:"table:login_events"`
	ID            int64     `bun:"id,pk,autoincrement"`
	CitizenID     int64     `bun:"citizen_id"`
	At            time.Time `bun:"at"`
	CaseworkerID  *int64    `bun:"caseworker_id"`
	Name          string    `bun:"name"`
	Organisation  *string   `bun:"organisation"`
}

// LoginRecord is one row of a citizen's Historik → Login: their own login,
// or a caseworker's access (CaseworkerID and Organisation set).
type LoginRecord struct {
	CitizenID    int64
	At           time.Time
	Name         string
	CaseworkerID int64
	Organisation string
}

func insertLogin(ctx context.Context, db bun.IDB, l LoginRecord) error {
	row := loginEventRow{CitizenID: l.CitizenID, At: l.At, Name: l.Name}
	if l.CaseworkerID != 0 {
		row.CaseworkerID = &l.CaseworkerID
	}
	if l.Organisation != "" {
		row.Organisation = &l.Organisation
	}
	_, err := db.NewInsert().Model(&row).ExcludeColumn("id").Exec(ctx)
	return err
}

// LoginHistory lists the citizen's logins and caseworkers' accesses since
// the given time, newest first (SPEC D12, K3).
func (c Citizen) LoginHistory(ctx context.Context, since time.Time) ([]shared.LoginEntry, error) {
	var rows []loginEventRow
	err := c.db.NewSelect().Model(&rows).Where("citizen_id = ? AND at >= ?", c.id, since).
		Order("at DESC", "id DESC").Limit(500).Scan(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]shared.LoginEntry, 0, len(rows))
	for _, r := range rows {
		e := shared.LoginEntry{At: r.At, Name: r.Name, Caseworker: r.CaseworkerID != nil}
		if r.Organisation != nil {
			e.Organisation = *r.Organisation
		}
		out = append(out, e)
	}
	return out, nil
}
