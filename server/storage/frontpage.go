package storage

import (
	"context"
	"encoding/json"
	"time"

	"jobnet/shared"
)

// FrontFacts are what the front page's nudges are judged by (SPEC B2, B4):
// the citizen's occupations and what the ads near home say about them.
type FrontFacts struct {
	Occupations []FrontOccupation
	Cards       shared.CardFacts
}

// FrontOccupation is an occupation under "Jeg søger job som", and whether
// it is udgået from the taxonomy.
type FrontOccupation struct {
	shared.OccupationRef
	Discontinued bool `json:"discontinued"`
}

// Refs are the occupations' ids and titles.
func (f FrontFacts) Refs() []shared.OccupationRef {
	out := make([]shared.OccupationRef, len(f.Occupations))
	for i, o := range f.Occupations {
		out[i] = o.OccupationRef
	}
	return out
}

// DiscontinuedTitles are the titles of the udgåede occupations.
func (f FrontFacts) DiscontinuedTitles() []string {
	var out []string
	for _, o := range f.Occupations {
		if o.Discontinued {
			out = append(out, o.Title)
		}
	}
	return out
}

// frontFactsQuery: near is FindJobRadiusKm ($2) round home, as the cards' links
// search (Find Job's radius); own are the occupations under "Jeg søger
// job som"; related, the other occupations of their DISCO unit groups.
// Every count reads ads through job_ads_occupation.
const frontFactsQuery = `WITH own AS (
		SELECT s.occupation_id AS id, o.title, left(o.disco, 4) AS grp, o.discontinued_since IS NOT NULL AS discontinued, s.seq
		FROM sought_occupations s JOIN occupations o ON o.id = s.occupation_id WHERE s.citizen_id = $1
	), home AS (
		SELECT c.home_postcode AS postcode, h.lat, h.lon
		FROM citizens c JOIN postcodes h ON h.code = c.home_postcode WHERE c.id = $1
	), first AS (
		SELECT id, title FROM own ORDER BY seq LIMIT 1
	), near AS (
		-- Within FindJobRadiusKm of home, as Find Job's radius search
		-- (haversine on PostgreSQL's own functions: earthdistance's are
		-- SQL functions, slow on the hundreds of ads read here).
		SELECT a.id, a.occupation_id, a.published, a.withdrawn, a.duration, a.employer
		FROM job_ads a, home
		WHERE a.occupation_id IN (SELECT id FROM own UNION ALL
				SELECT o.id FROM occupations o WHERE left(o.disco, 4) IN (SELECT grp FROM own) AND o.discontinued_since IS NULL)
			AND a.published > $3::timestamptz - interval '1 year' AND a.lat IS NOT NULL
			AND 2 * 6371 * asin(sqrt(sin(radians(a.lat - home.lat) / 2) ^ 2
				+ cos(radians(home.lat)) * cos(radians(a.lat)) * sin(radians(a.lon - home.lon) / 2) ^ 2)) <= $2
	), related AS (
		SELECT n.occupation_id AS id, count(*) AS n FROM near n
		WHERE n.withdrawn IS NULL AND n.occupation_id NOT IN (SELECT id FROM own)
		GROUP BY n.occupation_id ORDER BY count(*) DESC, n.occupation_id LIMIT 1
	)
	SELECT
		coalesce((SELECT json_agg(json_build_object('id', id, 'title', title, 'discontinued', discontinued) ORDER BY seq) FROM own), '[]') AS occupations,
		(SELECT postcode FROM home) AS postcode,
		(SELECT count(*) FROM near WHERE withdrawn IS NULL AND occupation_id = (SELECT id FROM first)
			AND published > $3::timestamptz - make_interval(days => $4)) AS new_ads,
		(SELECT r.id FROM related r) AS related_id,
		(SELECT o.title FROM related r JOIN occupations o ON o.id = r.id) AS related_title,
		coalesce((SELECT r.n FROM related r), 0) AS related_ads,
		(SELECT count(*) FROM near WHERE withdrawn IS NULL AND duration = 'vikariat' AND occupation_id IN (SELECT id FROM own)) AS temporary_ads,
		(SELECT count(DISTINCT employer) FROM near WHERE occupation_id IN (SELECT id FROM own)) AS former_employers,
		(SELECT count(*) FROM joblogs WHERE citizen_id = $1 AND kind = 'jobsoegning' AND status IN ('soegt', 'samtale')
			AND NOT closed) AS joblogs`

// FrontFacts reads the facts of the citizen's front page at now.
func (c Citizen) FrontFacts(ctx context.Context, now time.Time) (FrontFacts, error) {
	var occupations []byte
	var postcode, relatedTitle *string
	var relatedID *int
	var f FrontFacts
	err := prepared(ctx, c.db, frontFactsQuery, c.id, float64(shared.FindJobRadiusKm), now, shared.CardNewDays).Scan(
		&occupations, &postcode, &f.Cards.NewAds, &relatedID, &relatedTitle, &f.Cards.RelatedAds,
		&f.Cards.TemporaryAds, &f.Cards.FormerEmployers, &f.Cards.Joblogs)
	if err != nil {
		return FrontFacts{}, err
	}
	if err := json.Unmarshal(occupations, &f.Occupations); err != nil {
		return FrontFacts{}, err
	}
	if postcode == nil {
		// Without a home, the cards have no labour market to speak of.
		return FrontFacts{Occupations: f.Occupations}, nil
	}
	f.Cards.HomePostcode = *postcode
	if len(f.Occupations) > 0 {
		f.Cards.Occupation = &f.Occupations[0].OccupationRef
	}
	if relatedID != nil && relatedTitle != nil {
		f.Cards.Related = &shared.OccupationRef{ID: *relatedID, Title: *relatedTitle}
	}
	return f, nil
}
