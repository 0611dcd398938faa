package storage

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
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

// History reads Historik's accordions but Login (SPEC D12) on now: every
// published version of Min Plan and every held meeting ("alle"), and of
// the rest what the three years keep (shared.HistoryKept), the coming
// registrations too. Rows the retention job has not yet deleted are not
// shown either, so the page holds the rule whether or not the job ran.
// Absences and enrolments are read through the registrations' contract
// (Absences, Enrolments), as their own pages read them.
func (c Citizen) History(ctx context.Context, now time.Time) (shared.History, error) {
	today := shared.DateOf(now)
	since := now.AddDate(-shared.HistoryRetentionYears, 0, 0)
	h := shared.History{}
	var err error
	if h.Plans, err = c.PlanVersions(ctx); err != nil {
		return h, err
	}
	if h.Meetings, err = c.HeldMeetings(ctx); err != nil {
		return h, err
	}
	enrolments, err := c.Enrolments(ctx)
	if err != nil {
		return h, err
	}
	h.Enrolments = shared.KeptEnrolments(enrolments, today)
	absences, err := c.Absences(ctx)
	if err != nil {
		return h, err
	}
	h.SortAbsences(absences, today)
	if h.CVSearchability, err = c.CVSearchabilityHistory(ctx, since); err != nil {
		return h, err
	}
	if h.SoughtOccupations, err = c.SoughtOccupationHistory(ctx, since); err != nil {
		return h, err
	}
	return h, nil
}

// PlanVersions lists every published version of the citizen's plan, the
// newest (Min Plan's) first and marked Current: Historik → Planer, "alle
// borgers tidligere "Min Plan"-planer" (003 «Jobnet Historik»).
func (c Citizen) PlanVersions(ctx context.Context) ([]shared.PlanVersionEntry, error) {
	var rows []struct {
		ID          int64     `bun:"id"`
		PublishedAt time.Time `bun:"published_at"`
		OrgName     string    `bun:"org_name"`
	}
	err := c.db.NewRaw(`SELECT v.id, v.published_at, o.name AS org_name
		FROM plan_versions v JOIN organisations o ON o.code = v.org_code
		WHERE v.citizen_id = ? ORDER BY v.id DESC`, c.id).Scan(ctx, &rows)
	if err != nil {
		return nil, err
	}
	out := make([]shared.PlanVersionEntry, len(rows))
	for i, r := range rows {
		out[i] = shared.PlanVersionEntry{ID: r.ID, Published: r.PublishedAt, OrgName: r.OrgName, Current: i == 0}
	}
	return out, nil
}

// PlanVersion is one published version of the citizen's plan; another
// citizen's, or none, is not found.
func (c Citizen) PlanVersion(ctx context.Context, id int64) (shared.PlanVersion, error) {
	var row struct {
		ID          int64           `bun:"id"`
		Data        json.RawMessage `bun:"data"`
		PublishedAt time.Time       `bun:"published_at"`
		OrgName     string          `bun:"org_name"`
		Current     bool            `bun:"current"`
	}
	err := c.db.NewRaw(`SELECT v.id, v.data, v.published_at, o.name AS org_name,
			v.id = (SELECT max(id) FROM plan_versions WHERE citizen_id = v.citizen_id) AS current
		FROM plan_versions v JOIN organisations o ON o.code = v.org_code
		WHERE v.citizen_id = ? AND v.id = ?`, c.id, id).Scan(ctx, &row)
	if errors.Is(err, sql.ErrNoRows) {
		return shared.PlanVersion{}, shared.ErrPlanVersionNotFound()
	}
	if err != nil {
		return shared.PlanVersion{}, err
	}
	p, err := decodePlan(row.Data)
	if err != nil {
		return shared.PlanVersion{}, err
	}
	return shared.PlanVersion{PlanVersionEntry: shared.PlanVersionEntry{ID: row.ID, Published: row.PublishedAt,
		OrgName: row.OrgName, Current: row.Current}, Plan: p}, nil
}

// HeldMeetings lists the citizen's held meetings, the latest first:
// Historik → Møder, "alle borgers tidligere afholdte møder" (003). Held is
// what the case system says (status 'held'): a meeting whose time has
// passed without that word may have been cancelled or moved in the case
// system, and Historik does not guess.
func (c Citizen) HeldMeetings(ctx context.Context) ([]shared.HeldMeeting, error) {
	var rows []struct {
		ID       int64     `bun:"id"`
		StartsAt time.Time `bun:"starts_at"`
		TypeName string    `bun:"type_name"`
		Form     string    `bun:"form"`
		OrgName  string    `bun:"org_name"`
	}
	err := c.db.NewRaw(`SELECT m.id, m.starts_at, m.type_name, m.form, o.name AS org_name
		FROM meetings m JOIN organisations o ON o.code = m.org
		WHERE m.citizen_id = ? AND m.status = ? ORDER BY m.starts_at DESC, m.id DESC`,
		c.id, string(shared.MeetingHeld)).Scan(ctx, &rows)
	if err != nil {
		return nil, err
	}
	out := make([]shared.HeldMeeting, len(rows))
	for i, r := range rows {
		out[i] = shared.HeldMeeting{ID: r.ID, Start: r.StartsAt, Type: r.TypeName, Form: r.Form, OrgName: r.OrgName}
	}
	return out, nil
}

// CVSearchabilityHistory lists the changes of the CV's søgbarhed since the
// given time, newest first (migrations/033: a trigger records them).
func (c Citizen) CVSearchabilityHistory(ctx context.Context, since time.Time) ([]shared.CVSearchabilityChange, error) {
	var rows []struct {
		Searchable bool      `bun:"searchable"`
		At         time.Time `bun:"at"`
	}
	err := c.db.NewRaw(`SELECT searchable, at FROM cv_searchability_history
		WHERE citizen_id = ? AND at >= ? ORDER BY at DESC, id DESC`, c.id, since).Scan(ctx, &rows)
	if err != nil {
		return nil, err
	}
	out := make([]shared.CVSearchabilityChange, len(rows))
	for i, r := range rows {
		out[i] = shared.CVSearchabilityChange{Searchable: r.Searchable, At: r.At}
	}
	return out, nil
}
