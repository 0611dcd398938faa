package storage

import (
	"context"
	"time"

	"jobnet/shared"
)

// HistorySeed is a citizen's past registrations as the demo gives them
// (server/demo/historik.go): absences and enrolments as Fravær and Til- og
// afmelding write them, and the CV's earlier søgbarhed. Those features
// write their own rows through their own functions; this is the demo's
// one insert of a past that no page of today could have made.
type HistorySeed struct {
	// Key names the seed: the first absence, the case system's (org), is
	// stored with it as its origin id and marks the seed as done, so that
	// the demo, started every day, seeds a citizen's past once.
	Org, Key        string
	Absences        []shared.Absence
	Enrolments      []shared.Enrolment
	CVSearchability []shared.CVSearchabilityChange
}

// SeedHistory inserts the seed in one transaction, once: it reports false
// when the seed's key was there already.
func (c Citizen) SeedHistory(ctx context.Context, s HistorySeed, now time.Time) (bool, error) {
	seeded := false
	err := c.InTx(ctx, func(ctx context.Context, c Citizen) error {
		var n int
		if err := c.db.NewRaw(`SELECT count(*) FROM absences WHERE org = ? AND origin_id = ?`, s.Org, s.Key).Scan(ctx, &n); err != nil || n > 0 {
			return err
		}
		for i, a := range s.Absences {
			// The first is the case system's, with the seed's key.
			org, key := (*string)(nil), (*string)(nil)
			if i == 0 {
				org, key = &s.Org, &s.Key
			}
			if _, err := c.db.NewRaw(`INSERT INTO absences (citizen_id, kind, from_date, to_date, comment, registered_by, registered_at,
					closed_at, closed_by, org, origin_id)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, c.id, string(a.Kind), a.Period.From.String(), nullDate(a.Period.To), a.Text,
				string(a.RegisteredBy), a.RegisteredAt, nullTimeIf(a.ClosedBy != "", a.RegisteredAt), nullString(string(a.ClosedBy)),
				org, key).Exec(ctx); err != nil {
				return err
			}
		}
		for _, e := range s.Enrolments {
			if _, err := c.db.NewRaw(`INSERT INTO enrolments (citizen_id, benefit, ledighed, uden_ydelse, state, from_date, to_date, end_reason, registered_by, registered_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, c.id, string(e.Benefit), string(e.Ledighed), e.UdenYdelse, string(e.State),
				e.Period.From.String(), nullDate(e.Period.To), nullString(e.EndReason), string(e.RegisteredBy), e.RegisteredAt).Exec(ctx); err != nil {
				return err
			}
		}
		for _, ch := range s.CVSearchability {
			if _, err := c.db.NewRaw(`INSERT INTO cv_searchability_history (citizen_id, searchable, at) VALUES (?, ?, ?)`,
				c.id, ch.Searchable, ch.At).Exec(ctx); err != nil {
				return err
			}
		}
		seeded = true
		return nil
	})
	return seeded, err
}

func nullDate(d shared.Date) *string {
	if d.IsZero() {
		return nil
	}
	s := d.String()
	return &s
}

func nullString(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func nullTimeIf(ok bool, t time.Time) *time.Time {
	if !ok {
		return nil
	}
	return &t
}
