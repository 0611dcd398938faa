package storage

import (
	"context"
	"time"

	"jobnet/shared"
)

// Møder and selvbooking (SPEC D4): the citizen's meetings, deadlines and
// the online offers they may book (migrations/022_meetings). Meetings and
// offers come from the case systems (ingestion); the citizen's bookings,
// rebookings, cancellations and accepted invitations are written by the
// citizen's own session only, and logged in meeting_events for the case
// systems to collect.

type meetingRow struct {
	ID           int64      `bun:"id"`
	Org          string     `bun:"org"`
	OrgKind      string     `bun:"org_kind"`
	OrgName      string     `bun:"org_name"`
	TypeCode     string     `bun:"type_code"`
	TypeName     string     `bun:"type_name"`
	Form         string     `bun:"form"`
	StartsAt     time.Time  `bun:"starts_at"`
	EndsAt       time.Time  `bun:"ends_at"`
	Place        string     `bun:"place"`
	Phone        string     `bun:"phone"`
	Caseworker   string     `bun:"caseworker"`
	Text         string     `bun:"text"`
	Status       string     `bun:"status"`
	CancelledBy  *string    `bun:"cancelled_by"`
	Participants string     `bun:"participants"`
	Agreements   string     `bun:"agreements"`
	Invited      bool       `bun:"invited"`
	AcceptedAt   *time.Time `bun:"accepted_at"`
	Booked       bool       `bun:"booked"`
	Version      int        `bun:"version"`
}

func (r meetingRow) meeting() shared.Meeting {
	m := shared.Meeting{ID: r.ID, Org: r.Org, OrgKind: shared.OrgKind(r.OrgKind), OrgName: r.OrgName,
		TypeCode: r.TypeCode, Type: r.TypeName, Form: r.Form, Start: r.StartsAt, End: r.EndsAt,
		Place: r.Place, Phone: r.Phone, Caseworker: r.Caseworker, Text: r.Text,
		Status: shared.MeetingStatus(r.Status), Participants: r.Participants, Agreements: r.Agreements,
		Invited: r.Invited && r.AcceptedAt == nil, Booked: r.Booked, Version: r.Version}
	if r.CancelledBy != nil {
		m.CancelledBy = *r.CancelledBy
	}
	return m
}

const meetingSelect = `SELECT m.id, m.org, o.kind AS org_kind, o.name AS org_name, m.type_code, m.type_name,
	m.form, m.starts_at, m.ends_at, m.place, m.phone, m.caseworker, m.text, m.status, m.cancelled_by,
	m.participants, m.agreements, m.invited, m.accepted_at, m.slot_id IS NOT NULL AS booked, m.version
	FROM meetings m JOIN organisations o ON o.code = m.org`

// MeetingsBetween are the citizen's meetings that start in [from, to),
// in every status, the earliest first. The Møder page, the calendar and
// the calendar feed read their meetings here.
func (c Citizen) MeetingsBetween(ctx context.Context, from, to time.Time) ([]shared.Meeting, error) {
	var rows []meetingRow
	if err := c.db.NewRaw(meetingSelect+` WHERE m.citizen_id = ? AND m.starts_at >= ? AND m.starts_at < ?
		ORDER BY m.starts_at, m.id`, c.id, from, to).Scan(ctx, &rows); err != nil {
		return nil, err
	}
	out := make([]shared.Meeting, 0, len(rows))
	for _, r := range rows {
		out = append(out, r.meeting())
	}
	return out, nil
}

type deadlineRow struct {
	ID        int64     `bun:"id"`
	Org       string    `bun:"org"`
	Due       time.Time `bun:"due"`
	TypeCodes []string  `bun:"type_codes,array"`
	MetBy     *int64    `bun:"met_by"`
}

// Deadlines are the citizen's booking deadlines that are not withdrawn,
// the earliest first, met or open.
func (c Citizen) Deadlines(ctx context.Context) ([]shared.Deadline, error) {
	var rows []deadlineRow
	if err := c.db.NewRaw(`SELECT id, org, due, type_codes, met_by FROM meeting_deadlines
		WHERE citizen_id = ? AND NOT withdrawn ORDER BY due, id`, c.id).Scan(ctx, &rows); err != nil {
		return nil, err
	}
	out := make([]shared.Deadline, 0, len(rows))
	for _, r := range rows {
		d := shared.Deadline{ID: r.ID, Org: r.Org, Due: shared.DateOf(r.Due), TypeCodes: r.TypeCodes}
		if r.MetBy != nil {
			d.Met = *r.MetBy
		}
		out = append(out, d)
	}
	return out, nil
}
