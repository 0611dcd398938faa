package storage

import (
	"context"
	"encoding/json"
	"errors"
	"time"

	"github.com/uptrace/bun"

	"jobnet/shared"
)

type citizenRow struct {
	bun.BaseModel `bun:"table:citizens"`
	ID            int64     `bun:"id,pk,autoincrement"`
	CPR           string    `bun:"cpr"`
	Name          string    `bun:"name"`
	JobcenterCode *string   `bun:"jobcenter_code"`
	AKasseCode    *string   `bun:"akasse_code"`
	Enrolment     string    `bun:"enrolment"`
	EuresVisible  bool      `bun:"eures_visible"`
	CreatedAt     time.Time `bun:"created_at"`
	UpdatedAt     time.Time `bun:"updated_at"`
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

// citizenQuery selects a citizen with their forløb, oldest first, as one
// row: the forløb come as a JSON array, so one round trip serves the access
// check of every request.
const citizenQuery = `SELECT c.id, c.cpr, c.name, c.jobcenter_code, c.akasse_code, c.enrolment, ` + forloebColumn + ` AS forloeb
	FROM citizens c`

// forloebColumn is the forløb of the citizen c, oldest first, as the JSON
// array citizenWithForloeb reads.
const forloebColumn = `coalesce((SELECT json_agg(json_build_object('kg', f.kontaktgruppe, 'kat', f.tilmeldekategori,
	'from', f.from_date, 'to', f.to_date) ORDER BY f.from_date) FROM forloeb f WHERE f.citizen_id = c.id), '[]')`

// citizenWithForloeb is what citizenQuery scans into.
type citizenWithForloeb struct {
	ID            int64           `bun:"id"`
	CPR           string          `bun:"cpr"`
	Name          string          `bun:"name"`
	JobcenterCode *string         `bun:"jobcenter_code"`
	AKasseCode    *string         `bun:"akasse_code"`
	Enrolment     string          `bun:"enrolment"`
	Forloeb       json.RawMessage `bun:"forloeb"`
}

func (r citizenWithForloeb) citizen() (shared.Citizen, error) {
	c := shared.Citizen{ID: r.ID, CPR: shared.CPR(r.CPR), Name: r.Name, Enrolment: shared.EnrolmentStatus(r.Enrolment)}
	if r.JobcenterCode != nil {
		c.Jobcenter = *r.JobcenterCode
	}
	if r.AKasseCode != nil {
		c.AKasse = *r.AKasseCode
	}
	var fs []struct {
		KG   int          `json:"kg"`
		Kat  int          `json:"kat"`
		From shared.Date  `json:"from"`
		To   *shared.Date `json:"to"`
	}
	if err := json.Unmarshal(r.Forloeb, &fs); err != nil {
		return shared.Citizen{}, err
	}
	c.Forloeb = make([]shared.Forloeb, 0, len(fs))
	for _, f := range fs {
		sf := shared.Forloeb{Kontaktgruppe: f.KG, Tilmeldekategori: f.Kat, Period: shared.Period{From: f.From}}
		if f.To != nil {
			sf.Period.To = *f.To
		}
		c.Forloeb = append(c.Forloeb, sf)
	}
	return c, nil
}

// loadCitizen reads the citizen the condition names, with their forløb.
// forUpdate locks the citizen's row for the rest of the transaction.
func loadCitizen(ctx context.Context, db bun.IDB, where string, arg any, forUpdate bool) (shared.Citizen, error) {
	q := citizenQuery + " WHERE " + where
	if forUpdate {
		q += " FOR UPDATE OF c"
	}
	var row citizenWithForloeb
	if err := db.NewRaw(q, arg).Scan(ctx, &row); err != nil {
		return shared.Citizen{}, notFound(err, "Borgeren")
	}
	return row.citizen()
}

// CitizenByCPR finds a citizen by CPR number, for a caseworker's choice of
// whom to mirror.
func (s *Store) CitizenByCPR(ctx context.Context, cpr shared.CPR) (shared.Citizen, error) {
	return loadCitizen(ctx, s.db, "c.cpr = ?", string(cpr), false)
}

// Citizen is the one accessor to a citizen's own rows (see the package
// comment). The zero value is not usable.
type Citizen struct {
	db    bun.IDB
	id    int64
	jobs  Enqueuer
	plans *planCache // nil: decode every time
}

// Citizen returns the accessor for the citizen with id, over the pool.
func (s *Store) Citizen(id int64) Citizen {
	return Citizen{db: s.db, id: id, jobs: s.jobs, plans: s.plans}
}

// ReadOnly runs fn with the accessor for the citizen with id over one
// read-only transaction: PostgreSQL refuses anything it tries to write.
func (s *Store) ReadOnly(ctx context.Context, id int64, fn func(ctx context.Context, c Citizen) error) error {
	return s.readOnly(ctx, s.db, id, fn)
}

// ReadOnlyStandby is ReadOnly over the standby (UseStandby), for a
// caseworker's mirror: what it reads may lag the primary by the standby's
// replay. A connection lost midway (a standby restarting to follow a new
// primary) is tried again on another (retryRead), so fn may run twice.
func (s *Store) ReadOnlyStandby(ctx context.Context, id int64, fn func(ctx context.Context, c Citizen) error) error {
	return retryRead(ctx, func() error { return s.readOnly(ctx, s.standby, id, fn) })
}

func (s *Store) readOnly(ctx context.Context, db *bun.DB, id int64, fn func(ctx context.Context, c Citizen) error) error {
	return db.RunInTx(ctx, &sqlReadOnly, func(ctx context.Context, tx bun.Tx) error {
		return fn(ctx, Citizen{db: tx, id: id, jobs: s.jobs, plans: s.plans})
	})
}

// InTx runs fn with the accessor over one transaction (a savepoint in the
// one it is already in), for a change of several steps.
func (c Citizen) InTx(ctx context.Context, fn func(ctx context.Context, c Citizen) error) error {
	return c.db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		return fn(ctx, Citizen{db: tx, id: c.id, jobs: c.jobs, plans: c.plans})
	})
}

// Enqueue puts a background job in the queue within the transaction the
// accessor works in (InTx): it runs once that commits, and never if it
// rolls back. In a read-only transaction — a mirror session — PostgreSQL
// refuses it.
func (c Citizen) Enqueue(ctx context.Context, job Job) error {
	tx, ok := c.db.(bun.Tx)
	if !ok {
		return errors.New("storage: a job is enqueued within the transaction of its change (Citizen.InTx)")
	}
	if c.jobs == nil {
		return errors.New("storage: no job queue to enqueue " + job.Kind())
	}
	return c.jobs.EnqueueTx(ctx, tx, job)
}

// ID is the citizen's id.
func (c Citizen) ID() int64 { return c.id }

// Eures reads the Job i Europa choice (SPEC C6).
func (c Citizen) Eures(ctx context.Context) (shared.EuresSetting, error) {
	var e shared.EuresSetting
	err := c.db.NewSelect().Table("citizens").Column("eures_visible").Where("id = ?", c.id).Scan(ctx, &e.Visible)
	return e, notFound(err, "Borgeren")
}

// SetEures stores the Job i Europa choice.
func (c Citizen) SetEures(ctx context.Context, e shared.EuresSetting, now time.Time) error {
	_, err := c.db.NewUpdate().Table("citizens").Set("eures_visible = ?", e.Visible).Set("updated_at = ?", now).
		Where("id = ?", c.id).Exec(ctx)
	return err
}

// SetTargetGroup opens the forløb f from its first day and sets the
// enrolment status; the jobcenter that sends it becomes the citizen's. The
// open forløb ends the day before, and forløb that f replaces (a correction
// back in time) are dropped.
func (c Citizen) SetTargetGroup(ctx context.Context, jobcenter string, f shared.Forloeb, enrolment shared.EnrolmentStatus, now time.Time) error {
	from := timeOfDate(f.Period.From)
	if _, err := c.db.NewDelete().Model((*forloebRow)(nil)).
		Where("citizen_id = ? AND from_date >= ?", c.id, from).Exec(ctx); err != nil {
		return err
	}
	if _, err := c.db.NewUpdate().Model((*forloebRow)(nil)).Set("to_date = ?", timeOfDate(f.Period.From.AddDays(-1))).
		Where("citizen_id = ? AND (to_date IS NULL OR to_date >= ?)", c.id, from).Exec(ctx); err != nil {
		return err
	}
	if err := c.addForloeb(ctx, f); err != nil {
		return err
	}
	// Absences not lawful on dagpenge end when the citizen becomes
	// dagpengemodtager or dimittend (000 5.5, fravaer.go).
	if err := c.closeUnlawfulAbsences(ctx, f, now); err != nil {
		return err
	}
	_, err := c.db.NewUpdate().Table("citizens").Set("enrolment = ?", string(enrolment)).
		Set("jobcenter_code = ?", jobcenter).Set("updated_at = ?", now).Where("id = ?", c.id).Exec(ctx)
	return err
}

func (c Citizen) addForloeb(ctx context.Context, f shared.Forloeb) error {
	row := forloebRow{CitizenID: c.id, Kontaktgruppe: f.Kontaktgruppe, Tilmeldekategori: f.Tilmeldekategori, FromDate: timeOfDate(f.Period.From)}
	if !f.Period.To.IsZero() {
		to := timeOfDate(f.Period.To)
		row.ToDate = &to
	}
	_, err := c.db.NewInsert().Model(&row).ExcludeColumn("id").Exec(ctx)
	return err
}
