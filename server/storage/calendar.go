package storage

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"strings"
	"time"

	"jobnet/shared"
)

// Kalender (SPEC D5). A month is read in one round trip: each source is a
// column of one statement and a reader of that column's JSON, so adding a
// source (the meetings, the absences) is a line in calendarSources and its
// definition. The entries are placed by shared's rules (shared/calendar.go),
// which also make the a-kasse's view.

// calendarSource is one column of the month's statement, with $1 the
// citizen, $2 the month's first day, $3 its last, $4 the ids of plan
// versions already decoded (planCache), $5 the time zone the days are in;
// and how its JSON is read into the month's data.
type calendarSource struct {
	column string
	read   func(ctx context.Context, c Citizen, raw []byte, d *shared.CalendarData) error
}

// calendarSources are the month's sources.
var calendarSources = []calendarSource{calendarPlanSource, calendarJoblogSource, calendarMeetingSource, calendarDeadlineSource,
	calendarFeedSource, calendarAbsenceSource}

var calendarQuery = func() string {
	cols := make([]string, len(calendarSources))
	for i, s := range calendarSources {
		cols[i] = s.column
	}
	return "SELECT " + strings.Join(cols, ",\n")
}()

// CalendarMonth reads the citizen's data for the month, the days in the
// time zone loc.
func (c Citizen) CalendarMonth(ctx context.Context, m shared.YearMonth, loc *time.Location) (shared.CalendarData, error) {
	raw := make([][]byte, len(calendarSources))
	dst := make([]any, len(raw))
	for i := range raw {
		dst[i] = &raw[i]
	}
	err := prepared(ctx, c.db, calendarQuery, c.id, timeOfDate(m.First()), timeOfDate(m.Last()), c.plans.known(c.id), loc.String()).Scan(dst...)
	if err != nil {
		return shared.CalendarData{}, err
	}
	d := shared.CalendarData{Month: m}
	for i, s := range calendarSources {
		if err := s.read(ctx, c, raw[i], &d); err != nil {
			return shared.CalendarData{}, err
		}
	}
	for i := range d.Meetings {
		d.Meetings[i].Start, d.Meetings[i].End = d.Meetings[i].Start.In(loc), d.Meetings[i].End.In(loc)
	}
	return d, nil
}

// calendarPlanSource: the current plan's items, Min Plan's timeline. The
// document is sent only when not decoded before (as Min Plan's query).
var calendarPlanSource = calendarSource{
	column: `(SELECT json_build_object('id', v.id, 'data', CASE WHEN v.id = ANY($4::bigint[]) THEN NULL ELSE v.data END)
		FROM plan_versions v WHERE v.id = (SELECT max(id) FROM plan_versions WHERE citizen_id = $1)) AS plan`,
	read: func(ctx context.Context, c Citizen, raw []byte, d *shared.CalendarData) error {
		if raw == nil { // no plan
			return nil
		}
		var v struct {
			ID   int64      `json:"id"`
			Data *planDocV1 `json:"data"`
		}
		if err := json.Unmarshal(raw, &v); err != nil {
			return err
		}
		p, err := c.version(ctx, v.ID, v.Data)
		if err != nil {
			return err
		}
		c.plans.keep(c.id, cachedPlan{id: v.ID, plan: p})
		d.Plan = p.Items
		return nil
	},
}

// calendarJoblogSource: the logs whose day (shared.JoblogCalendarDay) lies
// in the month, by joblogs.calendar_day, which migration 023's trigger
// keeps by the same rule, so only those rows are read and sent.
var calendarJoblogSource = calendarSource{
	column: `coalesce((SELECT json_agg(json_build_object('id', l.id, 'kind', l.kind, 'title', l.title, 'company', l.company,
			'deadline', l.log->'deadline', 'date', l.log->'date', 'created', to_char(l.created_at AT TIME ZONE $5, 'YYYY-MM-DD')))
		FROM joblogs l WHERE l.citizen_id = $1 AND l.calendar_day BETWEEN $2::date AND $3::date), '[]') AS joblogs`,
	read: func(_ context.Context, _ Citizen, raw []byte, d *shared.CalendarData) error {
		return json.Unmarshal(raw, &d.Joblogs)
	},
}

// calendarMeetingSource: the meetings that start on a day of the month
// in Danish time, in every status (shared.MeetingEntry decides), with
// what the calendar shows of them.
var calendarMeetingSource = calendarSource{
	column: `coalesce((SELECT json_agg(json_build_object('id', m.id, 'org', m.org, 'org_kind', o.kind, 'type', m.type_name,
			'start', m.starts_at, 'end', m.ends_at, 'status', m.status, 'cancelled_by', coalesce(m.cancelled_by, ''), 'version', m.version)
			ORDER BY m.starts_at, m.id)
		FROM meetings m JOIN organisations o ON o.code = m.org
		WHERE m.citizen_id = $1 AND m.starts_at >= $2::date::timestamp AT TIME ZONE $5
			AND m.starts_at < ($3::date + 1)::timestamp AT TIME ZONE $5), '[]') AS meetings`,
	read: func(_ context.Context, _ Citizen, raw []byte, d *shared.CalendarData) error {
		return json.Unmarshal(raw, &d.Meetings)
	},
}

// calendarDeadlineSource: the booking deadlines due in the month, not
// withdrawn, met or open.
var calendarDeadlineSource = calendarSource{
	column: `coalesce((SELECT json_agg(json_build_object('id', f.id, 'org', f.org, 'due', f.due, 'type_codes', f.type_codes,
			'met', coalesce(f.met_by, 0)) ORDER BY f.due, f.id)
		FROM meeting_deadlines f WHERE f.citizen_id = $1 AND NOT f.withdrawn AND f.due BETWEEN $2::date AND $3::date), '[]') AS deadlines`,
	read: func(_ context.Context, _ Citizen, raw []byte, d *shared.CalendarData) error {
		return json.Unmarshal(raw, &d.Deadlines)
	},
}

// calendarFeedSource: whether the citizen has a private address, and
// since when (never its secret, which is not stored).
var calendarFeedSource = calendarSource{
	column: `(SELECT to_char(f.created_at AT TIME ZONE $5, 'YYYY-MM-DD') FROM calendar_feeds f WHERE f.citizen_id = $1) AS feed`,
	read: func(_ context.Context, _ Citizen, raw []byte, d *shared.CalendarData) error {
		if raw == nil {
			return nil
		}
		created, err := shared.ParseDate(string(raw))
		d.Feed = shared.CalendarFeedState{Active: err == nil, Created: created}
		return err
	},
}

// CreateCalendarFeed makes the citizen a new private address, replacing
// the one before: the secret is returned this once, only its hash kept.
func (c Citizen) CreateCalendarFeed(ctx context.Context, now time.Time) (secret string, err error) {
	secret, hash := NewToken()
	_, err = c.db.NewRaw(`INSERT INTO calendar_feeds (citizen_id, secret_hash, created_at) VALUES (?, ?, ?)
		ON CONFLICT (citizen_id) DO UPDATE SET secret_hash = EXCLUDED.secret_hash, created_at = EXCLUDED.created_at`,
		c.id, hash, now).Exec(ctx)
	return secret, err
}

// RevokeCalendarFeed ends the citizen's private address; without one,
// there is nothing to do.
func (c Citizen) RevokeCalendarFeed(ctx context.Context) error {
	_, err := c.db.NewRaw(`DELETE FROM calendar_feeds WHERE citizen_id = ?`, c.id).Exec(ctx)
	return err
}

// CalendarFeedCitizen is the citizen whose private address has the
// secret; not found for a revoked, replaced or unknown one.
func (s *Store) CalendarFeedCitizen(ctx context.Context, secret string) (Citizen, error) {
	var id int64
	err := s.db.NewRaw(`SELECT citizen_id FROM calendar_feeds WHERE secret_hash = ?`, TokenHash(secret)).Scan(ctx, &id)
	if errors.Is(err, sql.ErrNoRows) {
		return Citizen{}, shared.Errorf(shared.ENotFound, "Kalenderen findes ikke.")
	}
	if err != nil {
		return Citizen{}, err
	}
	return s.Citizen(id), nil
}

// FeedItem is an item of the current plan as the feed sends it, with its
// version: Sequence counts the plan versions that changed what the feed
// shows of it (kind, heading, period), Changed is when the last of them
// was published. Both follow from the stored versions alone, so every
// fetch gives the same numbers, and a change raises them (RFC 5545
// SEQUENCE).
type FeedItem struct {
	Item     shared.PlanItem
	Sequence int
	Changed  time.Time
}

// CalendarFeedItems are the current plan's items with their versions,
// from every version of the plan (a plan is republished whole).
func (c Citizen) CalendarFeedItems(ctx context.Context) ([]FeedItem, error) {
	var rows []struct {
		ID          int64           `bun:"id"`
		PublishedAt time.Time       `bun:"published_at"`
		Items       json.RawMessage `bun:"items"`
	}
	if err := c.db.NewRaw(`SELECT id, published_at, coalesce(data->'items', '[]') AS items FROM plan_versions
		WHERE citizen_id = ? ORDER BY id`, c.id).Scan(ctx, &rows); err != nil {
		return nil, err
	}
	type seen struct {
		content  string
		sequence int
		changed  time.Time
	}
	history := map[string]*seen{}
	var current []planItemDocV1
	for _, r := range rows {
		var items []planItemDocV1
		if err := json.Unmarshal(r.Items, &items); err != nil {
			return nil, err
		}
		for _, it := range items {
			content := feedContent(it)
			switch h, ok := history[it.ID]; {
			case !ok:
				history[it.ID] = &seen{content: content, changed: r.PublishedAt}
			case h.content != content:
				h.content, h.changed = content, r.PublishedAt
				h.sequence++
			}
		}
		current = items
	}
	out := make([]FeedItem, 0, len(current))
	for _, it := range current {
		h := history[it.ID]
		out = append(out, FeedItem{Item: shared.PlanItem{ID: it.ID, Kind: shared.ItemKind(it.Kind), Title: it.Title,
			Period: it.Period, Authority: it.Authority}, Sequence: h.sequence, Changed: h.changed})
	}
	return out, nil
}

// feedContent is what the feed shows of an item: a change to anything
// else of it (a status, the text) does not change the event.
func feedContent(it planItemDocV1) string {
	return strings.Join([]string{it.Kind, it.Title, it.Authority, it.Period.From.String(), it.Period.To.String()}, "\x00")
}

// FeedDeadline is an open booking deadline with its version (migration
// 023's trigger raises it on every change).
type FeedDeadline struct {
	shared.Deadline
	Version int
}

// CalendarFeed is what the private feed sends: the current plan's items,
// the meetings that start in [from, to) in every status (a cancelled one
// is sent as cancelled), and the open booking deadlines.
type CalendarFeed struct {
	Items     []FeedItem
	Meetings  []shared.Meeting
	Deadlines []FeedDeadline
}

// CalendarFeed reads the feed's data.
func (c Citizen) CalendarFeed(ctx context.Context, from, to time.Time) (CalendarFeed, error) {
	var out CalendarFeed
	var err error
	if out.Items, err = c.CalendarFeedItems(ctx); err != nil {
		return out, err
	}
	if out.Meetings, err = c.MeetingsBetween(ctx, from, to); err != nil {
		return out, err
	}
	var rows []struct {
		deadlineRow
		Version int `bun:"version"`
	}
	if err := c.db.NewRaw(`SELECT id, org, due, type_codes, met_by, version FROM meeting_deadlines
		WHERE citizen_id = ? AND NOT withdrawn AND met_by IS NULL ORDER BY due, id`, c.id).Scan(ctx, &rows); err != nil {
		return out, err
	}
	for _, r := range rows {
		out.Deadlines = append(out.Deadlines, FeedDeadline{Deadline: shared.Deadline{ID: r.ID, Org: r.Org, Due: shared.DateOf(r.Due),
			TypeCodes: r.TypeCodes}, Version: r.Version})
	}
	return out, nil
}

// calendarAbsenceSource: the absences that overlap the month (Fravær,
// fravaer.go); shared's absenceEntries places them.
var calendarAbsenceSource = calendarSource{
	column: `coalesce((SELECT json_agg(json_build_object('id', a.id::text, 'kind', a.kind,
			'period', json_build_object('from', a.from_date, 'to', a.to_date)) ORDER BY a.from_date, a.id)
		FROM absences a WHERE a.citizen_id = $1 AND a.from_date <= $3::date AND (a.to_date IS NULL OR a.to_date >= $2::date)), '[]') AS absences`,
	read: func(_ context.Context, _ Citizen, raw []byte, d *shared.CalendarData) error {
		var rows []struct {
			ID     string `json:"id"`
			Kind   string `json:"kind"`
			Period struct {
				From shared.Date  `json:"from"`
				To   *shared.Date `json:"to"`
			} `json:"period"`
		}
		if err := json.Unmarshal(raw, &rows); err != nil {
			return err
		}
		for _, r := range rows {
			a := shared.Absence{ID: r.ID, Kind: shared.AbsenceKind(r.Kind), Period: shared.Period{From: r.Period.From}}
			if r.Period.To != nil {
				a.Period.To = *r.Period.To
			}
			d.Absences = append(d.Absences, a)
		}
		return nil
	},
}
