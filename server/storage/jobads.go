package storage

import (
	"context"
	"encoding/json"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"

	"jobnet/server/findjob"
	"jobnet/shared"
)

// Job ads (issue 10): what the case systems and the employer side send,
// kept one row per ad of a sender and searched by Find Job (jobsearch.go).

// PutJobAd stores an ad a sender sent, placed by findjob: a new sender id
// creates it, a known one updates it (and brings a withdrawn ad back).
// Sending the same ad again changes nothing: changed is false. An ad
// without its own publication time is published now.
func (s *Store) PutJobAd(ctx context.Context, org string, p findjob.Placed, now time.Time) (id int64, changed bool, err error) {
	ad := p.Ad
	// The ad is kept as sent: a retry is the same JSON. Its publication
	// time is the sender's, or the time it first arrived.
	body, err := json.Marshal(ad)
	if err != nil {
		return 0, false, err
	}
	var given *time.Time
	if !ad.Published.IsZero() {
		given = &ad.Published
	}
	c := placeColumns(p)
	postcode, kommune, area, lat, lon, hours := c.postcode, c.kommune, c.area, c.lat, c.lon, c.hours
	var rows []struct{ ID int64 }
	err = s.db.NewRaw(`INSERT INTO job_ads (sender_org, sender_id, ad, title, description, search_text, occupation_id, disco,
			postcode, kommune, area, abroad, lat, lon, working_time, hours_per_week, terms, duration, hotjob, widk, external,
			facets, published, updated)
		VALUES (?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, coalesce(?::timestamptz, ?), ?)
		ON CONFLICT (sender_org, sender_id) DO UPDATE SET
			ad = EXCLUDED.ad, title = EXCLUDED.title, description = EXCLUDED.description, search_text = EXCLUDED.search_text,
			occupation_id = EXCLUDED.occupation_id, disco = EXCLUDED.disco, postcode = EXCLUDED.postcode,
			kommune = EXCLUDED.kommune, area = EXCLUDED.area, abroad = EXCLUDED.abroad, lat = EXCLUDED.lat, lon = EXCLUDED.lon,
			working_time = EXCLUDED.working_time, hours_per_week = EXCLUDED.hours_per_week, terms = EXCLUDED.terms,
			duration = EXCLUDED.duration, hotjob = EXCLUDED.hotjob, widk = EXCLUDED.widk, external = EXCLUDED.external,
			facets = EXCLUDED.facets, published = coalesce(?::timestamptz, job_ads.published), updated = EXCLUDED.updated, withdrawn = NULL
		WHERE job_ads.ad IS DISTINCT FROM EXCLUDED.ad OR job_ads.withdrawn IS NOT NULL
		RETURNING id`,
		org, ad.SenderID, string(body), ad.Title, p.Description, p.SearchText, ad.OccupationID, p.Occupation.DISCO,
		postcode, kommune, area, p.Postcode == nil, lat, lon, ad.WorkingTime, hours, ad.Terms, ad.Duration, ad.Hotjob,
		ad.WorkInDenmark, ad.ExternalURL != "", placedKey(p), given, now, now, given).Scan(ctx, &rows)
	if err != nil {
		return 0, false, err
	}
	if len(rows) == 1 {
		s.combosCache.clear()
		s.ads.changed()
		return rows[0].ID, true, nil
	}
	err = s.db.NewSelect().Table("job_ads").Column("id").Where("sender_org = ? AND sender_id = ?", org, ad.SenderID).Scan(ctx, &id)
	return id, false, err
}

// placed are an ad's columns from where it is: none abroad.
type placed struct {
	postcode, kommune, area *string
	lat, lon, hours         *float64
}

func placeColumns(p findjob.Placed) placed {
	var c placed
	if p.Postcode != nil {
		c.postcode, c.kommune, c.lat, c.lon = &p.Postcode.Code, &p.Kommune.Code, &p.Postcode.Lat, &p.Postcode.Lon
	}
	if p.Area != nil {
		c.area = &p.Area.Code
	}
	if p.Ad.HoursPerWeek > 0 {
		c.hours = &p.Ad.HoursPerWeek
	}
	return c
}

// placedKey is the facets column of a placed ad.
func placedKey(p findjob.Placed) int64 {
	kommune := ""
	if p.Kommune != nil {
		kommune = p.Kommune.Code
	}
	return facetKey(kommune, p.Postcode == nil, p.Occupation.DISCO, p.Ad.Terms, p.Ad.Hotjob, p.Ad.Duration, p.Ad.WorkingTime, p.Ad.HoursPerWeek)
}

// WithdrawJobAd takes a sender's ad off Find Job. Withdrawing it again
// changes nothing; an ad the sender never sent is not found.
func (s *Store) WithdrawJobAd(ctx context.Context, org, senderID string, now time.Time) (changed bool, err error) {
	res, err := s.db.NewRaw(`UPDATE job_ads SET withdrawn = ?, updated = ? WHERE sender_org = ? AND sender_id = ? AND withdrawn IS NULL`,
		now, now, org, senderID).Exec(ctx)
	if err != nil {
		return false, err
	}
	if n, _ := res.RowsAffected(); n == 1 {
		s.combosCache.clear()
		s.ads.changed()
		return true, nil
	}
	exists, err := s.db.NewSelect().Table("job_ads").Where("sender_org = ? AND sender_id = ?", org, senderID).Exists(ctx)
	if err != nil {
		return false, err
	}
	if !exists {
		return false, shared.Errorf(shared.ENotFound, "Jobannoncen findes ikke.")
	}
	return false, nil
}

// adColumns are the columns a JobAdView is read from.
const adColumns = `a.id, a.ad, a.published, coalesce(o.title, '') AS occupation_title, coalesce(p.name, '') AS town,
	coalesce(k.name, '') AS municipality, coalesce(ar.name, '') AS area_name, a.lat, a.lon`

const adJoins = `LEFT JOIN occupations o ON o.id = a.occupation_id
	LEFT JOIN postcodes p ON p.code = a.postcode
	LEFT JOIN kommuner k ON k.code = a.kommune
	LEFT JOIN areas ar ON ar.code = a.area`

type adRow struct {
	ID              int64
	Ad              json.RawMessage
	Published       time.Time
	OccupationTitle string
	Town            string
	Municipality    string
	AreaName        string
	Lat, Lon        *float64
	DistanceKm      *float64
}

func (r adRow) view() (shared.JobAdView, error) {
	v := shared.JobAdView{ID: r.ID, OccupationTitle: r.OccupationTitle, Town: r.Town, Municipality: r.Municipality,
		Area: r.AreaName, Lat: r.Lat, Lon: r.Lon, DistanceKm: r.DistanceKm}
	err := json.Unmarshal(r.Ad, &v.JobAd)
	v.Published = r.Published
	return v, err
}

// JobAd is a live ad by Jobnet's id: what its detail page shows. A
// withdrawn ad is not found.
func (s *Store) JobAd(ctx context.Context, id int64) (shared.JobAdView, error) {
	return liveAd(ctx, s.db, id)
}

// CountJobAdsOf is the number of a sender's ads, withdrawn or not.
func (s *Store) CountJobAdsOf(ctx context.Context, org string) (int, error) {
	n, err := s.db.NewSelect().Table("job_ads").Where("sender_org = ?", org).Count(ctx)
	return int(n), err
}

// CountWorkInDenmark is the number of live Work in Denmark ads, internal
// and external: the count WIDK.dk shows (FEATURES.md 1.2).
func (s *Store) CountWorkInDenmark(ctx context.Context) (int, error) {
	n, err := s.db.NewSelect().Table("job_ads").Where("withdrawn IS NULL AND widk").Count(ctx)
	return int(n), err
}

// CopyJobAds loads n ads of one sender at once with COPY, ad(i) making
// the i-th when it is written (a million need not be in memory at once):
// the generated ads of the demo and the benchmarks. It is not an update
// path: ads already there (by sender id) are a unique violation.
// progress, when not nil, is told the rows written so far.
func (s *Store) CopyJobAds(ctx context.Context, org string, n int, ad func(i int) findjob.Placed, now time.Time, progress func(int)) error {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	return conn.Raw(func(dc any) error {
		pc := dc.(*stdlib.Conn).Conn()
		cols := []string{"sender_org", "sender_id", "ad", "title", "description", "search_text", "occupation_id", "disco",
			"postcode", "kommune", "area", "abroad", "lat", "lon", "working_time", "hours_per_week", "terms", "duration",
			"hotjob", "widk", "external", "facets", "published", "updated"}
		i := 0
		src := pgx.CopyFromFunc(func() ([]any, error) {
			if i == n {
				return nil, nil
			}
			p := ad(i)
			i++
			if progress != nil && i%1000 == 0 {
				progress(i)
			}
			ad := p.Ad
			body, err := json.Marshal(ad)
			if err != nil {
				return nil, err
			}
			c := placeColumns(p)
			var hours *float32
			if c.hours != nil {
				h := float32(*c.hours)
				hours = &h
			}
			published := ad.Published
			if published.IsZero() {
				published = now
			}
			return []any{org, ad.SenderID, body, ad.Title, p.Description, p.SearchText, int32(ad.OccupationID), p.Occupation.DISCO,
				c.postcode, c.kommune, c.area, p.Postcode == nil, c.lat, c.lon, string(ad.WorkingTime), hours, string(ad.Terms),
				string(ad.Duration), ad.Hotjob, ad.WorkInDenmark, ad.ExternalURL != "", placedKey(p), published, now}, nil
		})
		_, err := pc.CopyFrom(ctx, pgx.Identifier{"job_ads"}, cols, src)
		s.combosCache.clear()
		s.ads.bulkLoaded()
		if progress != nil {
			progress(i)
		}
		return err
	})
}
