package storage

import (
	"context"
	"time"

	"jobnet/shared"
)

type bannerRow struct {
	Text     string    `bun:"text"`
	LinkText *string   `bun:"link_text"`
	LinkURL  *string   `bun:"link_url"`
	From     time.Time `bun:"from_date"`
	To       time.Time `bun:"to_date"`
	Subpages bool      `bun:"subpages"`
}

// Banner is STAR's banner (SPEC B1); with none, it is not found.
func (s *Store) Banner(ctx context.Context) (*shared.Banner, error) {
	var rows []bannerRow
	if err := s.db.NewRaw(`SELECT text, link_text, link_url, from_date, to_date, subpages FROM banner`).Scan(ctx, &rows); err != nil {
		return nil, err
	}
	if len(rows) == 0 {
		return nil, shared.Errorf(shared.ENotFound, "Der er ingen banner.")
	}
	r := rows[0]
	b := &shared.Banner{Text: r.Text, Period: shared.Period{From: shared.DateOf(r.From), To: shared.DateOf(r.To)}, Subpages: r.Subpages}
	if r.LinkText != nil && r.LinkURL != nil {
		b.LinkText, b.LinkURL = *r.LinkText, *r.LinkURL
	}
	return b, nil
}

// PutBanner sets STAR's banner, replacing any other; org is who set it.
func (s *Store) PutBanner(ctx context.Context, b shared.Banner, org string, now time.Time) error {
	_, err := s.db.NewRaw(`INSERT INTO banner (text, link_text, link_url, from_date, to_date, subpages, set_by, updated_at)
		VALUES (?, nullif(?, ''), nullif(?, ''), ?, ?, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET text = EXCLUDED.text, link_text = EXCLUDED.link_text, link_url = EXCLUDED.link_url,
			from_date = EXCLUDED.from_date, to_date = EXCLUDED.to_date, subpages = EXCLUDED.subpages,
			set_by = EXCLUDED.set_by, updated_at = EXCLUDED.updated_at`,
		b.Text, b.LinkText, b.LinkURL, timeOfDate(b.Period.From), timeOfDate(b.Period.To), b.Subpages, org, now).Exec(ctx)
	return err
}

// DeleteBanner removes STAR's banner; with none, it is not found.
func (s *Store) DeleteBanner(ctx context.Context) error {
	res, err := s.db.NewRaw(`DELETE FROM banner`).Exec(ctx)
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		return cmpErr(err, shared.Errorf(shared.ENotFound, "Der er ingen banner."))
	}
	return nil
}
