package storage

import (
	"context"
	"database/sql"
	"strings"
	"time"

	"github.com/jackc/pgx/v5/pgtype"

	"jobnet/shared"
)

// automatchProfileQuery reads what automatch needs of the citizen: home's
// coordinate (the postcode's centre), the occupations under "Jeg søger job
// som", and their titles as one free-text query — each title's words
// together, the titles as alternatives.
const automatchProfileQuery = `SELECT h.lat, h.lon,
		coalesce((SELECT array_agg(s.occupation_id ORDER BY s.seq) FROM sought_occupations s WHERE s.citizen_id = c.id), '{}') AS occupations,
		coalesce((SELECT string_agg('(' || q::text || ')', ' | ') FROM sought_occupations s
			JOIN occupations o ON o.id = s.occupation_id, plainto_tsquery('danish', o.title) q
			WHERE s.citizen_id = c.id AND q::text <> ''), '') AS titles
	FROM citizens c LEFT JOIN postcodes h ON h.code = c.home_postcode
	WHERE c.id = $1`

// automatchQueries are, per variant, the three rules' searches: each the
// newest AutomatchMax of its rule in the square. $1–$4 are the square, $5
// the occupations, $6 the titles' query, $7 the hotjob-qualified unit
// groups. An ad may come from two of them; shared.AutomatchOf counts it
// under its first rule.
var automatchQueries = map[bool]string{
	false: strings.Join([]string{
		automatchRule(`a.occupation_id = ANY($5)`, false),
		automatchRule(`a.search @@ $6::tsquery AND a.occupation_id <> ALL($5)`, false),
		// The newest first through job_ads_published: hotjobs are common.
		automatchRule(`(a.hotjob OR left(a.disco, 4) = ANY($7)) AND a.occupation_id <> ALL($5)`, true),
	}, " UNION ALL "),
	true: strings.Join([]string{
		automatchRule(`a.terms = 'fleksjob' AND a.occupation_id = ANY($5)`, false),
		automatchRule(`a.terms = 'fleksjob' AND a.search @@ $6::tsquery AND a.occupation_id <> ALL($5)`, false),
		automatchRule(`a.working_time = 'deltid' AND a.terms <> 'fleksjob' AND a.occupation_id = ANY($5)`, false),
	}, " UNION ALL "),
}

// automatchRule is one rule's search: its live ads in the square, the
// newest ten. Unless common, the rule's own condition finds them first
// (through the occupation's or the words' index), and only those are
// sorted: OFFSET 0 keeps PostgreSQL from walking the newest ads of the
// whole country instead, which it would guess cheaper and which reads
// every ad's words when few match. Round a city the square holds half
// the country's ads, so it only filters. The ten are chosen by their
// narrow columns; only they are read whole (the ad and its words are
// stored out of line; the employer and the external address have columns
// of their own).
func automatchRule(cond string, common bool) string {
	found := `SELECT a.id, a.published FROM job_ads a WHERE ` + cond +
		` AND a.withdrawn IS NULL AND a.lat BETWEEN $1 AND $2 AND a.lon BETWEEN $3 AND $4`
	if !common {
		found = `SELECT * FROM (` + found + ` OFFSET 0) a`
	}
	return `(SELECT a.id, a.title, a.employer, a.postcode, coalesce(p.name, '') AS town,
			a.published, coalesce(a.external_url, '') AS external_url, a.lat, a.lon, a.occupation_id,
			$6 <> '' AND a.search @@ $6::tsquery AS text_match, a.hotjob, left(a.disco, 4) = ANY($7) AS hotjob_qualified,
			a.terms, a.working_time
		FROM (` + found + ` ORDER BY a.published DESC, a.id DESC LIMIT 10) top
		JOIN job_ads a ON a.id = top.id LEFT JOIN postcodes p ON p.code = a.postcode
		ORDER BY a.published DESC, a.id DESC)`
}

// Automatch computes the citizen's job suggestions now (SPEC B5): the
// profile, then each rule's best ads in the square, judged by
// shared.AutomatchOf. fleksjob chooses the fleksjobvisiterede's variant;
// hotjobGroups are the unit groups STAR judged hotjob-qualified.
func (c Citizen) Automatch(ctx context.Context, fleksjob bool, hotjobGroups []string) (shared.Automatch, error) {
	var lat, lon sql.NullFloat64
	var occupations []int32
	var titles string
	m := pgtype.NewMap()
	err := prepared(ctx, c.db, automatchProfileQuery, c.id).Scan(&lat, &lon, m.SQLScanner(&occupations), &titles)
	if err != nil {
		return shared.Automatch{}, notFound(err, "Borgeren")
	}
	p := shared.AutomatchProfile{Fleksjob: fleksjob}
	for _, o := range occupations {
		p.Occupations = append(p.Occupations, int(o))
	}
	if lat.Valid {
		p.Home = &shared.LatLon{Lat: lat.Float64, Lon: lon.Float64}
	}
	if !p.Matches() {
		return shared.AutomatchOf(p, nil), nil
	}
	sq := p.Square()
	rows, err := preparedRows(ctx, c.db, automatchQueries[fleksjob], sq.MinLat, sq.MaxLat, sq.MinLon, sq.MaxLon,
		occupations, titles, hotjobGroups)
	if err != nil {
		return shared.Automatch{}, err
	}
	defer rows.Close()
	var cands []shared.AutomatchCandidate
	for rows.Next() {
		var a shared.AutomatchAd
		var f shared.AutomatchFacts
		var postcode sql.NullString
		var town string
		var published time.Time
		if err := rows.Scan(&a.ID, &a.Title, &a.Employer, &postcode, &town, &published, &a.ExternalURL,
			&f.Lat, &f.Lon, &f.OccupationID, &f.TextMatch, &f.Hotjob, &f.HotjobQualified, &f.Terms, &f.WorkingTime); err != nil {
			return shared.Automatch{}, err
		}
		a.Published = published
		if postcode.Valid {
			a.Place = postcode.String + " " + town
		}
		cands = append(cands, shared.AutomatchCandidate{Ad: a, Facts: f})
	}
	if err := rows.Err(); err != nil {
		return shared.Automatch{}, err
	}
	return shared.AutomatchOf(p, cands), nil
}
