package storage

import (
	"context"
	"database/sql"
	"strings"
	"time"

	"github.com/uptrace/bun"

	"jobnet/shared"
)

// Joblog (SPEC C3): a citizen's logs. Every save normalizes and judges the
// log by shared's rules against the postcodes and areas of the reference
// data, and writes the columns the list filters by from it. A case
// system's log keeps its sender and the sender's id (Citizen.IngestJoblog).

type joblogRow struct {
	bun.BaseModel `bun:"table:joblogs"`
	ID            int64              `bun:"id,pk,autoincrement"`
	CitizenID     int64              `bun:"citizen_id"`
	Kind          string             `bun:"kind"`
	Status        *string            `bun:"status"`
	Closed        bool               `bun:"closed"`
	Search        string             `bun:"search"`
	Log           shared.JoblogInput `bun:"log,type:jsonb"`
	OriginOrg     *string            `bun:"origin_org"`
	OriginID      *string            `bun:"origin_id"`
	Documents     int                `bun:"documents"` // joblog_docs.go
	CreatedAt     time.Time          `bun:"created_at"`
	UpdatedAt     time.Time          `bun:"updated_at"`
}

// joblogView is a row with the names the page shows: the sender's and the
// area's.
type joblogView struct {
	joblogRow  `bun:",extend"`
	OriginName *string `bun:"origin_name"`
	AreaName   *string `bun:"area_name"`
}

func (v joblogView) joblog() shared.Joblog {
	l := shared.Joblog{ID: v.ID, JoblogInput: v.Log, Created: v.CreatedAt, Updated: v.UpdatedAt, Documents: v.Documents}
	if v.OriginName != nil {
		l.Origin = *v.OriginName
	}
	if v.AreaName != nil && v.Log.PlaceUnknown {
		l.AreaName = *v.AreaName
	}
	return l
}

// fill writes the row's columns from the normalized log.
func (r *joblogRow) fill(in shared.JoblogInput) {
	r.Kind, r.Closed, r.Log, r.Status = string(in.Kind), in.Closed, in, nil
	if in.Status != "" {
		s := string(in.Status)
		r.Status = &s
	}
	r.Search = strings.ToLower(strings.Join([]string{in.Title, in.Company, in.Contact}, "\n"))
}

// JoblogPlaces are all postcodes and Find Job's areas, for the form.
func (s *Store) JoblogPlaces(ctx context.Context) (shared.JoblogPlaces, error) {
	return joblogPlaces(ctx, s.db, "", "", "")
}

// joblogPlaces are the postcodes and areas a log is judged against: all,
// or with a postcode, city or area given, those that match them.
func joblogPlaces(ctx context.Context, db bun.IDB, postcode, city, area string) (shared.JoblogPlaces, error) {
	all := postcode == "" && city == "" && area == ""
	p := shared.JoblogPlaces{Postcodes: map[string]string{}, Areas: []shared.Option{}}
	var pcs []struct {
		Code string `bun:"code"`
		Name string `bun:"name"`
	}
	q := db.NewSelect().Table("postcodes").Column("code", "name").Where("NOT bulk")
	if !all {
		q = q.Where("code = ? OR lower(name) = lower(?)", postcode, strings.TrimSpace(city))
	}
	if err := q.Scan(ctx, &pcs); err != nil {
		return p, err
	}
	for _, pc := range pcs {
		p.Postcodes[pc.Code] = pc.Name
	}
	var areas []struct {
		Code string `bun:"code"`
		Name string `bun:"name"`
	}
	aq := db.NewSelect().Table("areas").Column("code", "name").Order("position")
	if !all {
		aq = aq.Where("code = ?", area)
	}
	if err := aq.Scan(ctx, &areas); err != nil {
		return p, err
	}
	for _, a := range areas {
		p.Areas = append(p.Areas, shared.Option{Value: a.Code, Label: a.Name})
	}
	return p, nil
}

// judgeJoblog is the log as stored, or shared's refusal.
func judgeJoblog(ctx context.Context, db bun.IDB, in shared.JoblogInput, now time.Time) (shared.JoblogInput, error) {
	places, err := joblogPlaces(ctx, db, strings.TrimSpace(in.Postcode), in.City, strings.TrimSpace(in.Area))
	if err != nil {
		return in, err
	}
	in = in.Normalized(shared.DateOf(now), places)
	return in, in.Check(places)
}

const joblogSelect = `SELECT j.id, j.citizen_id, j.kind, j.status, j.closed, j.search, j.log, j.origin_org, j.origin_id, j.documents,
		j.created_at, j.updated_at, o.name AS origin_name, a.name AS area_name
	FROM joblogs j
	LEFT JOIN organisations o ON o.code = j.origin_org
	LEFT JOIN areas a ON a.code = j.log->>'area'`

// Joblog is one of the citizen's logs.
func (c Citizen) Joblog(ctx context.Context, id int64) (shared.Joblog, error) {
	var v joblogView
	err := c.db.NewRaw(joblogSelect+` WHERE j.citizen_id = ? AND j.id = ?`, c.id, id).Scan(ctx, &v)
	if isNoRows(err) {
		return shared.Joblog{}, shared.ErrJoblogNotFound()
	}
	if err != nil {
		return shared.Joblog{}, err
	}
	l := v.joblog()
	if l.Documents > 0 {
		l.DocumentList, err = c.joblogDocuments(ctx, id)
	}
	return l, err
}

// joblogListQuery is the list page in one round trip, prepared: the logs
// the filters find (f), their counts by status, and those of the status
// asked for ($6, ” for all), each with only the columns the list shows
// (written from the log by PostgreSQL, migration 020), never the log
// itself. The counts are a row of their own joined to the list, so they
// come also when no log has the status. A column the list gains is one
// more field in f's select and in l's (and in the scan).
//
// $1 citizen, $2 afsluttede too, $3 changed from, $4 changed before (NULL
// for none), $5 the free text's words as LIKE patterns (each must match
// search), $6 status.
const joblogListQuery = `WITH f AS (
	SELECT j.id, j.kind, j.status, j.closed, j.updated_at, j.origin_org,
		j.title, j.company, j.postcode, j.city, j.country, j.area, j.place, j.documents
	FROM joblogs j
	WHERE j.citizen_id = $1 AND ($2 OR NOT j.closed)
		AND ($3::timestamptz IS NULL OR j.updated_at >= $3) AND ($4::timestamptz IS NULL OR j.updated_at < $4)
		AND j.search LIKE ALL ($5::text[])
)
SELECT c.n_all, c.n_ikke_soegt, c.n_soegt, c.n_samtale,
	l.id, l.kind, l.title, l.company, l.status, l.closed, l.updated_at, l.origin,
	l.postcode, l.city, l.country, l.area, l.place, l.lat, l.lon, l.documents
FROM (SELECT count(*) AS n_all,
		count(*) FILTER (WHERE status = 'ikke_soegt') AS n_ikke_soegt,
		count(*) FILTER (WHERE status = 'soegt') AS n_soegt,
		count(*) FILTER (WHERE status = 'samtale') AS n_samtale
	FROM f) c
LEFT JOIN LATERAL (
	SELECT f.id, f.kind, f.title, f.company, f.status, f.closed, f.updated_at, o.name AS origin,
		f.postcode, f.city, f.country, a.name AS area, f.place, p.lat, p.lon, f.documents
	FROM f
	LEFT JOIN organisations o ON o.code = f.origin_org
	LEFT JOIN areas a ON a.code = f.area
	LEFT JOIN postcodes p ON p.code = f.postcode
	WHERE $6 = '' OR f.status = $6
) l ON true
ORDER BY l.closed, l.updated_at DESC, l.id DESC`

// likeWords are the free text's words as LIKE patterns, each found
// anywhere: "50%" finds "50%", not "500".
func likeWords(q string) []string {
	words := []string{}
	escape := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
	for _, w := range strings.Fields(strings.ToLower(q)) {
		words = append(words, "%"+escape.Replace(w)+"%")
	}
	return words
}

// Joblogs is the list page: the logs the query finds, not afsluttede
// first, then by the last change, newest first; and the counts of each
// status under the query's other filters.
func (c Citizen) Joblogs(ctx context.Context, q shared.JoblogQuery) (shared.JoblogList, error) {
	var from, before *time.Time
	if q.From != nil {
		t := timeOfDate(*q.From)
		from = &t
	}
	if q.To != nil {
		t := timeOfDate(q.To.AddDays(1))
		before = &t
	}
	rows, err := preparedRows(ctx, c.db, joblogListQuery, c.id, q.Closed, from, before, likeWords(q.Q), string(q.Status))
	if err != nil {
		return shared.JoblogList{}, err
	}
	defer rows.Close()
	out := shared.JoblogList{Logs: []shared.JoblogListItem{}}
	for rows.Next() {
		var (
			id                                   sql.NullInt64
			kind, title, company, status, origin sql.NullString
			postcode, city, country, area, place sql.NullString
			closed                               sql.NullBool
			updated                              sql.NullTime
			lat, lon                             *float64
			documents                            sql.NullInt64
		)
		if err := rows.Scan(&out.Counts.All, &out.Counts.NotApplied, &out.Counts.Applied, &out.Counts.Interview,
			&id, &kind, &title, &company, &status, &closed, &updated, &origin,
			&postcode, &city, &country, &area, &place, &lat, &lon, &documents); err != nil {
			return out, err
		}
		if !id.Valid { // no log: only the counts
			continue
		}
		// The place as Joblog.PlaceText says it, from the same fields.
		l := shared.Joblog{ID: id.Int64, JoblogInput: shared.JoblogInput{Kind: shared.JoblogKind(kind.String), Title: title.String,
			Company: company.String, Status: shared.JoblogStatus(status.String), Closed: closed.Bool, Postcode: postcode.String,
			City: city.String, Country: country.String, PlaceUnknown: area.Valid, Place: place.String},
			AreaName: area.String, Origin: origin.String, Updated: updated.Time, Documents: int(documents.Int64)}
		item := l.ListItem()
		item.Lat, item.Lon = lat, lon
		out.Logs = append(out.Logs, item)
	}
	return out, rows.Err()
}

// CreateJoblog saves a new log made in Jobnet.
func (c Citizen) CreateJoblog(ctx context.Context, in shared.JoblogInput, now time.Time) (shared.Joblog, error) {
	in, err := judgeJoblog(ctx, c.db, in, now)
	if err != nil {
		return shared.Joblog{}, err
	}
	row := joblogRow{CitizenID: c.id, CreatedAt: now, UpdatedAt: now}
	row.fill(in)
	if _, err := c.db.NewInsert().Model(&row).Exec(ctx); err != nil {
		return shared.Joblog{}, err
	}
	return c.Joblog(ctx, row.ID)
}

// UpdateJoblog saves a changed log; its kind and origin stay.
func (c Citizen) UpdateJoblog(ctx context.Context, id int64, in shared.JoblogInput, now time.Time) (shared.Joblog, error) {
	var have joblogRow
	err := c.db.NewSelect().Model(&have).Column("kind").Where("citizen_id = ? AND id = ?", c.id, id).Scan(ctx)
	if isNoRows(err) {
		return shared.Joblog{}, shared.ErrJoblogNotFound()
	}
	if err != nil {
		return shared.Joblog{}, err
	}
	if in.Kind != shared.JoblogKind(have.Kind) {
		return shared.Joblog{}, &shared.Error{Code: shared.EInvalid, Message: "En log kan ikke skifte type.",
			Fields: []shared.FieldError{{Field: "kind", Message: "En log kan ikke skifte type."}}}
	}
	if in, err = judgeJoblog(ctx, c.db, in, now); err != nil {
		return shared.Joblog{}, err
	}
	if err := c.writeJoblog(ctx, id, in, now); err != nil {
		return shared.Joblog{}, err
	}
	return c.Joblog(ctx, id)
}

func (c Citizen) writeJoblog(ctx context.Context, id int64, in shared.JoblogInput, now time.Time) error {
	var row joblogRow
	row.fill(in)
	res, err := c.db.NewUpdate().Model(&row).Column("kind", "status", "closed", "search", "log").
		Set("updated_at = ?", now).Where("citizen_id = ? AND id = ?", c.id, id).Exec(ctx)
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		return cmpErr(err, shared.ErrJoblogNotFound())
	}
	return nil
}

// SetJoblogStatus is the list's quick change of status; a change like any
// other, so it keeps the log from the retention rule.
func (c Citizen) SetJoblogStatus(ctx context.Context, id int64, status shared.JoblogStatus, now time.Time) (shared.Joblog, error) {
	if err := shared.Validate(shared.JoblogStatusChange{Status: status}); err != nil {
		return shared.Joblog{}, err
	}
	l, err := c.Joblog(ctx, id)
	if err != nil {
		return shared.Joblog{}, err
	}
	if l.Kind != shared.JoblogJob {
		return shared.Joblog{}, shared.ErrJoblogNoStatus()
	}
	in := l.JoblogInput
	in.Status = status
	if err := c.writeJoblog(ctx, id, in, now); err != nil {
		return shared.Joblog{}, err
	}
	return c.Joblog(ctx, id)
}

// DeleteJoblog deletes a log.
func (c Citizen) DeleteJoblog(ctx context.Context, id int64) error {
	res, err := c.db.NewDelete().Model((*joblogRow)(nil)).Where("citizen_id = ? AND id = ?", c.id, id).Exec(ctx)
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		return cmpErr(err, shared.ErrJoblogNotFound())
	}
	return nil
}

// IngestJoblog creates or updates the log a case system knows by its own
// id; a log of the same id from another sender is another log. Run inside
// Store.Ingest, which makes the message idempotent.
func (c Citizen) IngestJoblog(ctx context.Context, org, senderID string, in shared.JoblogInput, now time.Time) error {
	in, err := judgeJoblog(ctx, c.db, in, now)
	if err != nil {
		return err
	}
	row := joblogRow{CitizenID: c.id, OriginOrg: &org, OriginID: &senderID, CreatedAt: now, UpdatedAt: now}
	row.fill(in)
	var have joblogRow
	err = c.db.NewSelect().Model(&have).Column("id", "citizen_id").Where("origin_org = ? AND origin_id = ?", org, senderID).For("UPDATE").Scan(ctx)
	switch {
	case isNoRows(err):
		_, err = c.db.NewInsert().Model(&row).Exec(ctx)
		return err
	case err != nil:
		return err
	case have.CitizenID != c.id:
		return shared.Errorf(shared.EConflict, "Loggen med dette id hører til en anden borger.")
	}
	return c.writeJoblog(ctx, have.ID, in, now)
}

// DeleteIngestedJoblog deletes the log a case system knows by its own id.
func (c Citizen) DeleteIngestedJoblog(ctx context.Context, org, senderID string) error {
	res, err := c.db.NewDelete().Model((*joblogRow)(nil)).
		Where("citizen_id = ? AND origin_org = ? AND origin_id = ?", c.id, org, senderID).Exec(ctx)
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		return cmpErr(err, shared.ErrJoblogNotFound())
	}
	return nil
}

// JoblogTrip is where a trip to a log's workplace starts and ends: the
// citizen's home postcode and the workplace's, with their names and
// centres. Known is false when either is not known (no home postcode; a
// log with only an area, abroad, or about another activity).
type JoblogTrip struct {
	Known    bool
	From, To TripEnd
}

// TripEnd is a postcode as a trip's end.
type TripEnd struct {
	Postcode, Name string
	Lat, Lon       float64
}

// JoblogTrip is the trip from the citizen's home to a log's workplace.
func (c Citizen) JoblogTrip(ctx context.Context, id int64) (JoblogTrip, error) {
	var fromCode, fromName, toCode, toName sql.NullString
	var fromLat, fromLon, toLat, toLon sql.NullFloat64
	err := prepared(ctx, c.db, `SELECT h.code, h.name, h.lat, h.lon, p.code, p.name, p.lat, p.lon
		FROM joblogs j JOIN citizens c ON c.id = j.citizen_id
		LEFT JOIN postcodes h ON h.code = c.home_postcode
		LEFT JOIN postcodes p ON p.code = j.postcode
		WHERE j.citizen_id = $1 AND j.id = $2`, c.id, id).Scan(&fromCode, &fromName, &fromLat, &fromLon, &toCode, &toName, &toLat, &toLon)
	if isNoRows(err) {
		return JoblogTrip{}, shared.ErrJoblogNotFound()
	}
	if err != nil || !fromCode.Valid || !toCode.Valid {
		return JoblogTrip{}, err
	}
	return JoblogTrip{Known: true,
		From: TripEnd{Postcode: fromCode.String, Name: fromName.String, Lat: fromLat.Float64, Lon: fromLon.Float64},
		To:   TripEnd{Postcode: toCode.String, Name: toName.String, Lat: toLat.Float64, Lon: toLon.Float64}}, nil
}
