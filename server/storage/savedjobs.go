package storage

import (
	"context"
	"time"

	"github.com/uptrace/bun"

	"jobnet/shared"
)

// Find Job for a logged-in citizen (issue 11): favourites, the ads the
// citizen has opened, and saved searches (migration 013). Adds are one
// transaction under the lock on the citizen's row, so that two at once
// cannot both pass the bounds (shared.MaxSavedJobs, MaxSavedSearches).

type savedJobRow struct {
	bun.BaseModel `bun:"table:saved_jobs"`
	CitizenID     int64     `bun:"citizen_id,pk"`
	AdID          int64     `bun:"ad_id,pk"`
	Title         string    `bun:"title"`
	Employer      string    `bun:"employer"`
	Place         string    `bun:"place"`
	ExternalURL   *string   `bun:"external_url"`
	SavedAt       time.Time `bun:"saved_at"`
}

type savedSearchRow struct {
	bun.BaseModel `bun:"table:saved_searches"`
	ID            int64     `bun:"id,pk,autoincrement"`
	CitizenID     int64     `bun:"citizen_id"`
	Name          string    `bun:"name"`
	Query         string    `bun:"query"`
	CreatedAt     time.Time `bun:"created_at"`
}

// liveAd is an ad on Find Job by its id; a withdrawn or unknown ad is not
// found.
func liveAd(ctx context.Context, db bun.IDB, id int64) (shared.JobAdView, error) {
	var rows []adRow
	if err := db.NewRaw(`SELECT `+adColumns+` FROM job_ads a `+adJoins+` WHERE a.id = ? AND a.withdrawn IS NULL`, id).
		Scan(ctx, &rows); err != nil {
		return shared.JobAdView{}, err
	}
	if len(rows) == 0 {
		return shared.JobAdView{}, shared.Errorf(shared.ENotFound, "Jobannoncen findes ikke, eller den er taget af Find Job.")
	}
	return rows[0].view()
}

// SavedJobs is "Se gemte job", the newest first; an ad no longer on Find
// Job is Expired.
func (c Citizen) SavedJobs(ctx context.Context) (shared.SavedJobs, error) {
	var rows []struct {
		savedJobRow `bun:",extend"`
		Expired     bool `bun:"expired"`
	}
	err := c.db.NewRaw(`SELECT s.ad_id, s.title, s.employer, s.place, s.external_url, s.saved_at,
			NOT EXISTS (SELECT 1 FROM job_ads a WHERE a.id = s.ad_id AND a.withdrawn IS NULL) AS expired
		FROM saved_jobs s WHERE s.citizen_id = ? ORDER BY s.saved_at DESC, s.ad_id DESC`, c.id).Scan(ctx, &rows)
	if err != nil {
		return nil, err
	}
	out := make(shared.SavedJobs, 0, len(rows))
	for _, r := range rows {
		j := shared.SavedJob{AdID: r.AdID, Title: r.Title, Employer: r.Employer, Place: r.Place, SavedAt: r.SavedAt, Expired: r.Expired}
		if r.ExternalURL != nil {
			j.ExternalURL = *r.ExternalURL
		}
		out = append(out, j)
	}
	return out, nil
}

// SaveJob makes a live ad a favourite, keeping what its teaser shows.
// Saving it again changes nothing.
func (c Citizen) SaveJob(ctx context.Context, adID int64, now time.Time) error {
	return c.InTx(ctx, func(ctx context.Context, c Citizen) error {
		if err := c.lockCitizen(ctx); err != nil {
			return err
		}
		ad, err := liveAd(ctx, c.db, adID)
		if err != nil {
			return err
		}
		n, err := c.db.NewSelect().Model((*savedJobRow)(nil)).Where("citizen_id = ?", c.id).Count(ctx)
		if err != nil {
			return err
		}
		exists, err := c.db.NewSelect().Model((*savedJobRow)(nil)).Where("citizen_id = ? AND ad_id = ?", c.id, adID).Exists(ctx)
		if err != nil || exists {
			return err
		}
		if n >= shared.MaxSavedJobs {
			return shared.ErrTooManySavedJobs()
		}
		row := savedJobRow{CitizenID: c.id, AdID: adID, Title: ad.Title, Employer: ad.Employer.Name, Place: ad.Place(), SavedAt: now}
		if ad.External() {
			row.ExternalURL = &ad.ExternalURL
		}
		_, err = c.db.NewInsert().Model(&row).Exec(ctx)
		return err
	})
}

// UnsaveJob takes an ad off the favourites, expired or not.
func (c Citizen) UnsaveJob(ctx context.Context, adID int64) error {
	res, err := c.db.NewDelete().Model((*savedJobRow)(nil)).Where("citizen_id = ? AND ad_id = ?", c.id, adID).Exec(ctx)
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		return cmpErr(err, shared.Errorf(shared.ENotFound, "Jobbet er ikke blandt dine gemte job."))
	}
	return nil
}

// JobMarks are, of the ads ids, the favourites and those the citizen has
// opened.
func (c Citizen) JobMarks(ctx context.Context, ids []int64) (shared.JobMarks, error) {
	marks := shared.JobMarks{Saved: []int64{}, Seen: []int64{}}
	if len(ids) == 0 {
		return marks, nil
	}
	if err := c.db.NewSelect().Table("saved_jobs").Column("ad_id").
		Where("citizen_id = ? AND ad_id IN (?)", c.id, bun.In(ids)).OrderExpr("ad_id").Scan(ctx, &marks.Saved); err != nil {
		return marks, err
	}
	err := c.db.NewSelect().Table("seen_job_ads").Column("ad_id").
		Where("citizen_id = ? AND ad_id IN (?)", c.id, bun.In(ids)).OrderExpr("ad_id").Scan(ctx, &marks.Seen)
	return marks, err
}

// MarkSeen notes that the citizen opened a live ad, the first time only.
// An unknown or withdrawn ad is not marked, and is no error: the ad's page
// says so itself. The caller decides that the session is the citizen's
// own.
func (c Citizen) MarkSeen(ctx context.Context, adID int64, now time.Time) error {
	_, err := c.db.NewRaw(`INSERT INTO seen_job_ads (citizen_id, ad_id, first_seen)
		SELECT ?, a.id, ? FROM job_ads a WHERE a.id = ? AND a.withdrawn IS NULL
		ON CONFLICT (citizen_id, ad_id) DO NOTHING`, c.id, now, adID).Exec(ctx)
	return err
}

// SavedSearches are the citizen's saved searches, oldest first.
func (c Citizen) SavedSearches(ctx context.Context) (shared.SavedSearches, error) {
	var rows []savedSearchRow
	if err := c.db.NewSelect().Model(&rows).Where("citizen_id = ?", c.id).OrderExpr("created_at, id").Scan(ctx); err != nil {
		return nil, err
	}
	out := make(shared.SavedSearches, 0, len(rows))
	for _, r := range rows {
		out = append(out, shared.SavedSearch{ID: r.ID, Name: r.Name, Query: r.Query, Created: r.CreatedAt})
	}
	return out, nil
}

// AddSavedSearch saves a search under its name, judged by shared's Check
// and held to MaxSavedSearches and one search per name.
func (c Citizen) AddSavedSearch(ctx context.Context, in shared.SavedSearchInput, now time.Time) (shared.SavedSearch, error) {
	in, err := in.Check()
	if err != nil {
		return shared.SavedSearch{}, err
	}
	row := savedSearchRow{CitizenID: c.id, Name: in.Name, Query: in.Query, CreatedAt: now}
	err = c.InTx(ctx, func(ctx context.Context, c Citizen) error {
		if err := c.lockCitizen(ctx); err != nil {
			return err
		}
		var names []string
		if err := c.db.NewSelect().Model((*savedSearchRow)(nil)).Column("name").Where("citizen_id = ?", c.id).Scan(ctx, &names); err != nil {
			return err
		}
		for _, n := range names {
			if n == in.Name {
				return shared.ErrSearchNameTaken(in.Name)
			}
		}
		if len(names) >= shared.MaxSavedSearches {
			return shared.ErrTooManySavedSearches()
		}
		_, err := c.db.NewInsert().Model(&row).ExcludeColumn("id").Returning("id").Exec(ctx, &row.ID)
		return err
	})
	return shared.SavedSearch{ID: row.ID, Name: row.Name, Query: row.Query, Created: row.CreatedAt}, err
}

// RemoveSavedSearch deletes one of the citizen's saved searches.
func (c Citizen) RemoveSavedSearch(ctx context.Context, id int64) error {
	res, err := c.db.NewDelete().Model((*savedSearchRow)(nil)).Where("citizen_id = ? AND id = ?", c.id, id).Exec(ctx)
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		return cmpErr(err, shared.ErrSavedSearchNotFound())
	}
	return nil
}
