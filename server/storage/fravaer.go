package storage

import (
	"context"
	"database/sql"
	"errors"
	"strconv"
	"strings"
	"time"

	"github.com/uptrace/bun"

	"jobnet/shared"
)

// Fravær (SPEC D7): the self-services' writes, the feed of absence events
// to the case systems, the ingestion of the caseworkers' absences, the
// scheduled raskmeldinger, and the closing of absences not lawful in a new
// target group (000 5.5). Every write locks the citizen's row first, so
// two registrations of one citizen at once are judged one after the other
// (two sygemeldinger never both pass CheckSyg).

// lockAbsenceCitizen takes the citizen's row lock for the transaction and
// answers its jobcenter and a-kasse codes ("" without one).
func (c Citizen) lockAbsenceCitizen(ctx context.Context) (jobcenter, akasse string, err error) {
	var row struct {
		Jobcenter *string `bun:"jobcenter_code"`
		AKasse    *string `bun:"akasse_code"`
	}
	err = c.db.NewRaw(`SELECT jobcenter_code, akasse_code FROM citizens WHERE id = ? FOR UPDATE`, c.id).Scan(ctx, &row)
	if errors.Is(err, sql.ErrNoRows) {
		return "", "", shared.NewError(shared.ENotFound)
	}
	if row.Jobcenter != nil {
		jobcenter = *row.Jobcenter
	}
	if row.AKasse != nil {
		akasse = *row.AKasse
	}
	return jobcenter, akasse, err
}

// absenceEvent logs what happened to an absence for the citizen's
// jobcenter, and for the a-kasse when the kind is lawful on dagpenge (the
// a-kasse sees no other: shared.projectAbsences).
func (c Citizen) absenceEvent(ctx context.Context, jobcenter, akasse string, id int64, kind shared.AbsenceKind, event string, now time.Time) error {
	orgs := []string{}
	if jobcenter != "" {
		orgs = append(orgs, jobcenter)
	}
	if akasse != "" && kind.LegalForDagpenge() {
		orgs = append(orgs, akasse)
	}
	for _, org := range orgs {
		if _, err := c.db.NewRaw(`INSERT INTO absence_events (citizen_id, org, absence_id, kind, at) VALUES (?, ?, ?, ?, ?)`,
			c.id, org, id, event, now).Exec(ctx); err != nil {
			return err
		}
	}
	return nil
}

func (c Citizen) absence(ctx context.Context, id int64) (shared.Absence, error) {
	var r absenceRow
	err := c.db.NewRaw(`SELECT id, kind, from_date, to_date, comment, registered_by, registered_at, closed_by, rask_fra
		FROM absences WHERE citizen_id = ? AND id = ?`, c.id, id).Scan(ctx, &r)
	if errors.Is(err, sql.ErrNoRows) {
		return shared.Absence{}, shared.NewError(shared.ENotFound)
	}
	return r.absence(), err
}

// Registration is one self-service registration, judged on today against
// the citizen's absences and forløb.
type Registration struct {
	Service shared.SelfService
	Kind    shared.AbsenceKind
	Period  shared.PeriodInput // ferie, midlertidigt arbejde
	Day     shared.DayInput    // syg, rask
}

// RegisterAbsence is a citizen's Meld ferie, Meld syg or Midlertidigt
// arbejde on today (Danish), in one transaction: the self-service must be
// the citizen's today (shared.SelfService.MayUse), the rules hold
// (shared.CheckFerie, CheckSyg, CheckArbejde), and the case systems are
// told (absence_events).
func (c Citizen) RegisterAbsence(ctx context.Context, reg Registration, fs []shared.Forloeb, today shared.Date, now time.Time) (shared.Absence, error) {
	var out shared.Absence
	err := c.InTx(ctx, func(ctx context.Context, c Citizen) error {
		jobcenter, akasse, err := c.lockAbsenceCitizen(ctx)
		if err != nil {
			return err
		}
		if !reg.Service.MayUse(fs, today) {
			return &shared.Error{Code: shared.EForbidden, Message: notAllowed[reg.Service]}
		}
		abs, err := c.Absences(ctx)
		if err != nil {
			return err
		}
		var from time.Time
		var to *time.Time
		comment := ""
		switch reg.Service {
		case shared.ServiceFerie:
			err = shared.CheckFerie(reg.Period, today, abs)
		case shared.ServiceArbejde:
			err = shared.CheckArbejde(reg.Period, today, abs)
		case shared.ServiceSygRask:
			err = shared.CheckSyg(reg.Day, today, abs)
		}
		if err != nil {
			return err
		}
		if reg.Service == shared.ServiceSygRask {
			from = timeOfDate(reg.Day.Day)
		} else {
			from = timeOfDate(reg.Period.From)
			t := timeOfDate(reg.Period.To)
			to, comment = &t, strings.TrimSpace(reg.Period.Comment)
		}
		var id int64
		if err := c.db.NewRaw(`INSERT INTO absences (citizen_id, kind, from_date, to_date, comment, registered_by, registered_at)
			VALUES (?, ?, ?, ?, ?, 'borger', ?) RETURNING id`, c.id, string(reg.Kind), from, to, comment, now).Scan(ctx, &id); err != nil {
			return err
		}
		if err := c.absenceEvent(ctx, jobcenter, akasse, id, reg.Kind, "registered", now); err != nil {
			return err
		}
		out, err = c.absence(ctx, id)
		return err
	})
	return out, err
}

var notAllowed = map[shared.SelfService]string{
	shared.ServiceFerie:   shared.FerieNotAllowed,
	shared.ServiceSygRask: shared.SygNotAllowed,
	shared.ServiceArbejde: shared.ArbejdeNotAllowed,
}

// RegisterRask is the citizen's raskmelding on today: well from in.Day.
// From today it ends the sygemelding at once (its last day
// shared.LastSickDay, closed by the citizen); for a day ahead it waits in
// rask_fra for the scheduled job (ApplyRaskmeldinger). Either way the case
// systems are told now.
func (c Citizen) RegisterRask(ctx context.Context, in shared.DayInput, fs []shared.Forloeb, today shared.Date, now time.Time) (shared.Absence, error) {
	var out shared.Absence
	err := c.InTx(ctx, func(ctx context.Context, c Citizen) error {
		jobcenter, akasse, err := c.lockAbsenceCitizen(ctx)
		if err != nil {
			return err
		}
		if !shared.ServiceSygRask.MayUse(fs, today) {
			return &shared.Error{Code: shared.EForbidden, Message: shared.SygNotAllowed}
		}
		abs, err := c.Absences(ctx)
		if err != nil {
			return err
		}
		syg, err := shared.CheckRask(in, today, abs)
		if err != nil {
			return err
		}
		id, _ := strconv.ParseInt(syg.ID, 10, 64)
		if in.Day.After(today) {
			_, err = c.db.NewRaw(`UPDATE absences SET rask_fra = ?, rask_by = 'borger' WHERE id = ? AND citizen_id = ?`,
				timeOfDate(in.Day), id, c.id).Exec(ctx)
		} else {
			_, err = c.db.NewRaw(`UPDATE absences SET to_date = ?, closed_at = ?, closed_by = 'borger' WHERE id = ? AND citizen_id = ?`,
				timeOfDate(shared.LastSickDay(syg, in.Day)), now, id, c.id).Exec(ctx)
		}
		if err != nil {
			return err
		}
		if err := c.absenceEvent(ctx, jobcenter, akasse, id, shared.AbsenceSygdom, "rask", now); err != nil {
			return err
		}
		out, err = c.absence(ctx, id)
		return err
	})
	return out, err
}

// ApplyRaskmeldinger is the scheduled job's run on today: every
// raskmelding whose day has come ends its sygemelding (the day before,
// or its first day: shared.LastSickDay), closed by "system" (003 «Jobnet
// Historik»), and the case systems are told ('ended': the jobcenter, and
// the a-kasse, as sickness is lawful on dagpenge). One statement: a second
// run, or one on another worker at once, waits for the rows and finds
// rask_fra gone, so each ends once. A registration of the same citizen
// meanwhile cannot touch the row: a sygemelding with a raskmelding
// waiting is not open (shared.OpenSygemelding). It returns how many it
// ended.
func (s *Store) ApplyRaskmeldinger(ctx context.Context, today shared.Date, now time.Time) (int, error) {
	var n int
	err := s.db.NewRaw(`WITH ended AS (
			UPDATE absences SET to_date = greatest(from_date, rask_fra - 1), closed_at = ?0, closed_by = 'system',
				rask_fra = NULL, rask_by = NULL
			WHERE rask_fra <= ?1 RETURNING id, citizen_id
		), told AS (
			INSERT INTO absence_events (citizen_id, org, absence_id, kind, at)
			SELECT e.citizen_id, o.org, e.id, 'ended', ?0 FROM ended e JOIN citizens c ON c.id = e.citizen_id
				CROSS JOIN LATERAL (VALUES (1, c.jobcenter_code), (2, c.akasse_code)) AS o (k, org)
			WHERE o.org IS NOT NULL ORDER BY e.id, o.k
		)
		SELECT count(*) FROM ended`, now, timeOfDate(today)).Scan(ctx, &n)
	return n, err
}

// closeUnlawfulAbsences: "Hvis medlemmet har haft et fravær, mens
// vedkommende var i en anden målgruppe og som ikke er "lovligt" for
// dagpengemodtagere eller dimittender, vil fraværet automatisk blive
// lukket af jobcentret, når medlemmet bliver dagpengemodtager eller
// dimittend og dermed blive historisk" (000 5.5). Called in
// SetTargetGroup's transaction when the new forløb f is one: every such
// absence begun before f's first day that runs into it ends the day
// before, closed by "system" (the jobcenter's system did it, no
// caseworker). An unlawful absence that begins on or after f's first day
// (registered by the jobcenter for the coming group) is the jobcenter's
// to handle; the a-kasse never sees it (shared.projectAbsences).
func (c Citizen) closeUnlawfulAbsences(ctx context.Context, f shared.Forloeb, now time.Time) error {
	if !f.IsDagpengeOrDimittend() {
		return nil
	}
	from := timeOfDate(f.Period.From)
	_, err := c.db.NewRaw(`UPDATE absences SET to_date = ?::date - 1, closed_at = ?, closed_by = 'system', rask_fra = NULL, rask_by = NULL
		WHERE citizen_id = ? AND from_date < ? AND (to_date IS NULL OR to_date >= ?) AND kind NOT IN (?)`,
		from, now, c.id, from, from, bun.In(legalKinds())).Exec(ctx)
	return err
}

func legalKinds() []string {
	var out []string
	for _, k := range shared.AbsenceKinds() {
		if k.LegalForDagpenge() {
			out = append(out, string(k))
		}
	}
	return out
}

// AbsenceIn is an absence the jobcenter's case system registered
// (ingestv1.Absence): barsel, borgerligt ombud, the fritagelser, and the
// self-services' kinds when a caseworker registered them.
type AbsenceIn struct {
	OriginID string
	Kind     shared.AbsenceKind
	Period   shared.Period
	Comment  string
}

// IngestAbsence creates or updates the absence the organisation org knows
// by its own id, registered by "sagsbehandler". An id of another citizen's
// absence is a conflict.
func (c Citizen) IngestAbsence(ctx context.Context, org string, in AbsenceIn, now time.Time) error {
	var to *time.Time
	if !in.Period.To.IsZero() {
		t := timeOfDate(in.Period.To)
		to = &t
	}
	var owner int64
	err := c.db.NewRaw(`INSERT INTO absences (citizen_id, kind, from_date, to_date, comment, registered_by, registered_at, org, origin_id)
		VALUES (?, ?, ?, ?, ?, 'sagsbehandler', ?, ?, ?)
		ON CONFLICT (org, origin_id) WHERE origin_id IS NOT NULL DO UPDATE
		SET kind = EXCLUDED.kind, from_date = EXCLUDED.from_date, to_date = EXCLUDED.to_date, comment = EXCLUDED.comment
		WHERE absences.citizen_id = EXCLUDED.citizen_id
		RETURNING citizen_id`, c.id, string(in.Kind), timeOfDate(in.Period.From), to, in.Comment, now, org, in.OriginID).Scan(ctx, &owner)
	if errors.Is(err, sql.ErrNoRows) {
		return shared.Errorf(shared.EConflict, "Fraværet med dette id hører til en anden borger.")
	}
	return err
}

// DeleteIngestedAbsence deletes the absence the organisation knows by its
// own id (registered in error).
func (c Citizen) DeleteIngestedAbsence(ctx context.Context, org, originID string) error {
	res, err := c.db.NewRaw(`DELETE FROM absences WHERE citizen_id = ? AND org = ? AND origin_id = ?`, c.id, org, originID).Exec(ctx)
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		return cmpErr(err, shared.Errorf(shared.ENotFound, "Fraværet findes ikke."))
	}
	return nil
}

// AbsenceEventSent is one event of the feed as the case system collects
// it: the absence as it stands now.
type AbsenceEventSent struct {
	Seq      int64      `bun:"seq"`
	Kind     string     `bun:"kind"`
	CPR      string     `bun:"cpr"`
	Absence  int64      `bun:"absence_id"`
	Type     string     `bun:"type"`
	From     time.Time  `bun:"from_date"`
	To       *time.Time `bun:"to_date"`
	RaskFra  *time.Time `bun:"rask_fra"`
	Comment  string     `bun:"comment"`
	At       time.Time  `bun:"at"`
	Register string     `bun:"registered_by"`
}

// AbsenceEvents is the organisation's feed after seq after, up to until
// and limit events.
func (s *Store) AbsenceEvents(ctx context.Context, org string, after int64, until time.Time, limit int) ([]AbsenceEventSent, error) {
	out := []AbsenceEventSent{}
	err := s.db.NewRaw(`SELECT e.seq, e.kind, c.cpr, a.id AS absence_id, a.kind AS type, a.from_date, a.to_date, a.rask_fra,
		a.comment, e.at, a.registered_by
		FROM absence_events e JOIN absences a ON a.id = e.absence_id JOIN citizens c ON c.id = a.citizen_id
		WHERE e.org = ? AND e.seq > ? AND e.at <= ? ORDER BY e.seq LIMIT ?`, org, after, until, limit).Scan(ctx, &out)
	return out, err
}

// SeedAbsence stores an absence as given, registered by whom and when it
// says, without the self-services' rules (a holiday registered weeks ago
// is no longer 14 days ahead): the demo's data. A caseworker's is
// ingested instead (IngestAbsence).
func (c Citizen) SeedAbsence(ctx context.Context, a shared.Absence) error {
	var to *time.Time
	if !a.Period.To.IsZero() {
		t := timeOfDate(a.Period.To)
		to = &t
	}
	var closedAt *time.Time
	var closedBy *string
	if a.ClosedBy != "" {
		t, by := a.RegisteredAt, string(a.ClosedBy)
		closedAt, closedBy = &t, &by
	}
	_, err := c.db.NewRaw(`INSERT INTO absences (citizen_id, kind, from_date, to_date, comment, registered_by, registered_at, closed_at, closed_by)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, c.id, string(a.Kind), timeOfDate(a.Period.From), to, a.Text,
		string(a.RegisteredBy), a.RegisteredAt, closedAt, closedBy).Exec(ctx)
	return err
}
