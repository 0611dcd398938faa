package server

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/uptrace/bun"

	"jobnet/shared"
)

// Database rows. They are separate from the wire types in shared/: a column
// reaches a client only by being copied into a wire type on purpose.

type orgRow struct {
	bun.BaseModel `bun:"table:organisations"`
	Code          string `bun:"code,pk"`
	Kind          string `bun:"kind"`
	Name          string `bun:"name"`
}

func (r orgRow) organisation() *shared.Organisation {
	return &shared.Organisation{Code: r.Code, Kind: shared.OrgKind(r.Kind), Name: r.Name}
}

type citizenRow struct {
	bun.BaseModel `bun:"table:citizens"`
	ID            int64     `bun:"id,pk,autoincrement"`
	CPR           string    `bun:"cpr"`
	Name          string    `bun:"name"`
	JobcenterCode *string   `bun:"jobcenter_code"`
	AKasseCode    *string   `bun:"akasse_code"`
	Enrolment     string    `bun:"enrolment"`
	EuresVisible  bool      `bun:"eures_visible"`
	UpdatedAt     time.Time `bun:"updated_at,nullzero,default:now()"`
}

type forloebRow struct {
	bun.BaseModel    `bun:"table:forloeb"`
	ID               int64      `bun:"id,pk,autoincrement"`
	CitizenID        int64      `bun:"citizen_id"`
	Kontaktgruppe    int        `bun:"kontaktgruppe"`
	Tilmeldekategori int        `bun:"tilmeldekategori"`
	FromDate         time.Time  `bun:"from_date,type:date"`
	ToDate           *time.Time `bun:"to_date,type:date"`
}

type accountRow struct {
	bun.BaseModel     `bun:"table:citizen_accounts"`
	ID                int64     `bun:"id,pk,autoincrement"`
	CitizenID         int64     `bun:"citizen_id"`
	Username          string    `bun:"username"`
	PasswordHash      string    `bun:"password_hash"`
	PrivacyAcceptedAt time.Time `bun:"privacy_accepted_at"`
}

type caseworkerRow struct {
	bun.BaseModel `bun:"table:caseworkers"`
	ID            int64  `bun:"id,pk,autoincrement"`
	Username      string `bun:"username"`
	PasswordHash  string `bun:"password_hash"`
	Name          string `bun:"name"`
	OrgCode       string `bun:"org_code"`
	Role          string `bun:"role"`
}

type notificationRow struct {
	bun.BaseModel `bun:"table:notifications"`
	ID            int64      `bun:"id,pk,autoincrement"`
	CitizenID     int64      `bun:"citizen_id"`
	Kind          string     `bun:"kind"`
	Title         string     `bun:"title"`
	Text          string     `bun:"text"`
	CreatedAt     time.Time  `bun:"created_at,nullzero,default:now()"`
	DoneAt        *time.Time `bun:"done_at"`
}

type loginEventRow struct {
	bun.BaseModel `bun:"table:login_events"`
	ID            int64     `bun:"id,pk,autoincrement"`
	CitizenID     int64     `bun:"citizen_id"`
	At            time.Time `bun:"at,nullzero,default:now()"`
	CaseworkerID  *int64    `bun:"caseworker_id"`
	Name          string    `bun:"name"`
	Organisation  *string   `bun:"organisation"`
}

// notFound turns sql.ErrNoRows into the shared not-found error.
func notFound(err error, what string) error {
	if errors.Is(err, sql.ErrNoRows) {
		return shared.Errorf(shared.ENotFound, "%s findes ikke.", what)
	}
	return err
}

func dateOf(t time.Time) shared.Date { return shared.DateOf(t) }

func timeOfDate(d shared.Date) time.Time {
	return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC)
}

// loadCitizen returns the citizen with their forløb.
func loadCitizen(ctx context.Context, db bun.IDB, q func(*bun.SelectQuery) *bun.SelectQuery) (shared.Citizen, error) {
	var row citizenRow
	if err := q(db.NewSelect().Model(&row)).Scan(ctx); err != nil {
		return shared.Citizen{}, notFound(err, "Borgeren")
	}
	var fs []forloebRow
	if err := db.NewSelect().Model(&fs).Where("citizen_id = ?", row.ID).Order("from_date").Scan(ctx); err != nil {
		return shared.Citizen{}, err
	}
	c := shared.Citizen{
		ID: row.ID, CPR: shared.CPR(row.CPR), Name: row.Name,
		Enrolment: shared.EnrolmentStatus(row.Enrolment), Forloeb: make([]shared.Forloeb, 0, len(fs)),
	}
	if row.JobcenterCode != nil {
		c.Jobcenter = *row.JobcenterCode
	}
	if row.AKasseCode != nil {
		c.AKasse = *row.AKasseCode
	}
	for _, f := range fs {
		sf := shared.Forloeb{Kontaktgruppe: f.Kontaktgruppe, Tilmeldekategori: f.Tilmeldekategori,
			Period: shared.Period{From: dateOf(f.FromDate)}}
		if f.ToDate != nil {
			sf.Period.To = dateOf(*f.ToDate)
		}
		c.Forloeb = append(c.Forloeb, sf)
	}
	return c, nil
}

func citizenByID(ctx context.Context, db bun.IDB, id int64) (shared.Citizen, error) {
	return loadCitizen(ctx, db, func(q *bun.SelectQuery) *bun.SelectQuery { return q.Where("id = ?", id) })
}

func citizenByCPR(ctx context.Context, db bun.IDB, cpr shared.CPR) (shared.Citizen, error) {
	return loadCitizen(ctx, db, func(q *bun.SelectQuery) *bun.SelectQuery { return q.Where("cpr = ?", string(cpr)) })
}

func organisationByCode(ctx context.Context, db bun.IDB, code string) (*shared.Organisation, error) {
	var row orgRow
	if err := db.NewSelect().Model(&row).Where("code = ?", code).Scan(ctx); err != nil {
		return nil, notFound(err, "Organisationen")
	}
	return row.organisation(), nil
}

// citizenFeatures says which pages the citizen's data feeds.
func citizenFeatures(ctx context.Context, db bun.IDB, citizenID int64) (shared.Features, error) {
	var kinds []string
	if err := db.NewSelect().Table("counters").Column("kind").Where("citizen_id = ?", citizenID).Scan(ctx, &kinds); err != nil {
		return shared.Features{}, err
	}
	var f shared.Features
	for _, k := range kinds {
		switch k {
		case counterDagpenge:
			f.Dagpengetaellere = true
		case counterSupplerende:
			f.Supplerende = true
		case counterTimer225:
			f.Timer225 = true
		}
	}
	return f, nil
}

// overview builds the front page's data for a citizen.
func overview(ctx context.Context, db bun.IDB, c shared.Citizen) (shared.Overview, error) {
	citizenID := c.ID
	var rows []notificationRow
	if err := db.NewSelect().Model(&rows).
		Where("citizen_id = ? AND done_at IS NULL", citizenID).
		Order("created_at DESC", "id DESC").Scan(ctx); err != nil {
		return shared.Overview{}, err
	}
	f, err := citizenFeatures(ctx, db, citizenID)
	if err != nil {
		return shared.Overview{}, err
	}
	o := shared.Overview{Name: c.Name, Enrolment: c.Enrolment, Forloeb: c.Forloeb, Notifications: make([]shared.Notification, 0, len(rows)), Features: f}
	for _, r := range rows {
		o.Notifications = append(o.Notifications, shared.Notification{
			ID: r.ID, Kind: shared.NotificationKind(r.Kind), Title: r.Title, Text: r.Text, Created: r.CreatedAt,
		})
	}
	return o, nil
}

// recordLogin adds a row to the citizen's Historik → Login.
func recordLogin(ctx context.Context, db bun.IDB, citizenID int64, caseworkerID *int64, name string, org *string) error {
	_, err := db.NewInsert().Model(&loginEventRow{CitizenID: citizenID, CaseworkerID: caseworkerID, Name: name, Organisation: org}).
		ExcludeColumn("id", "at").Exec(ctx)
	return err
}

// loginHistory lists the logins of the last three months, newest first.
func loginHistory(ctx context.Context, db bun.IDB, citizenID int64, now time.Time) ([]shared.LoginEntry, error) {
	var rows []loginEventRow
	err := db.NewSelect().Model(&rows).
		Where("citizen_id = ? AND at >= ?", citizenID, now.AddDate(0, -shared.LoginHistoryMonths, 0)).
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

func isNoRows(err error) bool { return errors.Is(err, sql.ErrNoRows) }
