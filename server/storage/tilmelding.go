package storage

import (
	"context"
	"time"

	"github.com/uptrace/bun"
	"github.com/uptrace/bun/dialect/pgdialect"

	"jobnet/shared"
	"jobnet/shared/workdays"
)

// Til- og afmelding (SPEC D8; FEATURES.md 6.2; migrations 028 and 031):
// the citizen's enrolment as ledig, the afmelding and its withdrawal, the
// jobcenter's decision on a kontanthjælp enrolment, the a-kasse's report of
// a dimittend's dagpengeret, and the daily job that applies what was set
// for a later day. citizens.enrolment stays the status of today: every
// change here that touches today writes it in the same transaction.

// Enrolment event kinds, for the case systems' feed (enrolment_events).
const (
	EnrolmentEventEnrolled         = "enrolled"
	EnrolmentEventDeregSet         = "deregistration_set"
	EnrolmentEventDeregWithdrawn   = "deregistration_withdrawn"
	EnrolmentEventDeregistered     = "deregistered"
	EnrolmentEventLapsed           = "lapsed"
	EnrolmentEventEffectuated      = "effectuated"
	EnrolmentEventRejected         = "rejected"
	EnrolmentEventSwitchedDagpenge = "switched_to_dagpenge"
)

// Enrolment decisions a jobcenter sends for a waiting kontanthjælp
// enrolment.
const (
	DecisionEffectuate = "effectuate"
	DecisionReject     = "reject"
)

// EnrolmentFacts are the facts the rules judge besides the forløb and the
// occupations: the folkeregisteradresse and the match group.
func (c Citizen) enrolmentFacts(ctx context.Context) (danishAddress bool, matchgruppe int, err error) {
	var row struct {
		DanishAddress bool `bun:"danish_address"`
		Matchgruppe   *int `bun:"matchgruppe"`
	}
	if err := c.db.NewRaw(`SELECT danish_address, matchgruppe FROM citizens WHERE id = ?`, c.id).Scan(ctx, &row); err != nil {
		return false, 0, notFound(err, "Borgeren")
	}
	if row.Matchgruppe != nil {
		matchgruppe = *row.Matchgruppe
	}
	return row.DanishAddress, matchgruppe, nil
}

// EnrolmentPage is the Til- og afmelding page of who on today (in now's
// location).
func (c Citizen) EnrolmentPage(ctx context.Context, who shared.Citizen, now time.Time) (shared.EnrolmentPage, error) {
	today := shared.DateOf(now)
	p := shared.EnrolmentPage{Today: today, Status: who.Enrolment, Reasons: shared.DeregistrationReasons(),
		LastFrom: today.AddDays(shared.DeregistrationMaxDaysAhead)}
	ens, err := c.Enrolments(ctx)
	if err != nil {
		return p, err
	}
	cur, enrolled := shared.CurrentEnrolment(ens, today)
	if enrolled {
		p.Current = &cur
		if cur.PendingDeregistration(today) {
			p.DeregisterFrom = cur.Period.To.AddDays(1)
		}
		r, err := c.receipt(ctx, cur)
		if err != nil {
			return p, err
		}
		p.Receipt = &r
	}
	addr, match, err := c.enrolmentFacts(ctx)
	if err != nil {
		return p, err
	}
	js, err := c.JobSeeking(ctx)
	if err != nil {
		return p, err
	}
	p.Blocked, p.BlockedField = shared.EnrolmentBlock(shared.EnrolmentFacts{Forloeb: who.Forloeb, Matchgruppe: match,
		DanishAddress: addr, Today: today, Occupations: js.Occupations,
		Enrolled: enrolled || who.Enrolment == shared.EnrolmentTilmeldt})
	p.Options = shared.BenefitOptions(shared.AgeOn(who.CPR.BirthDate(), today), who.AKasse != "")
	deadlines, err := c.Deadlines(ctx)
	if err != nil {
		return p, err
	}
	p.Straksbooking = shared.BookingDeadline(deadlines, today, true) != nil
	return p, nil
}

// receipt is the receipt of the enrolment e: the benefit's texts, the
// jobcenter's name and own text, and kontanthjælp's days.
func (c Citizen) receipt(ctx context.Context, e shared.Enrolment) (shared.EnrolmentReceipt, error) {
	r := shared.EnrolmentReceipt{Benefit: e.Benefit, Ledighed: e.Ledighed, From: e.Period.From, UdenYdelse: e.UdenYdelse,
		Lines: shared.ReceiptLines(e.Benefit, e.UdenYdelse), DagpengeLinks: e.Benefit == shared.BenefitDagpenge && !e.UdenYdelse}
	var row struct {
		Jobcenter *string    `bun:"jobcenter"`
		Text      *string    `bun:"text"`
		ShowUpBy  *time.Time `bun:"show_up_by"`
	}
	err := c.db.NewRaw(`SELECT o.name AS jobcenter, t.text, e.show_up_by
		FROM enrolments e LEFT JOIN organisations o ON o.code = e.jobcenter_code
		LEFT JOIN enrolment_receipt_texts t ON t.org = e.jobcenter_code AND t.benefit = e.benefit
		WHERE e.id = ? AND e.citizen_id = ?`, e.ID, c.id).Scan(ctx, &row)
	if err != nil {
		return r, notFound(err, "Tilmeldingen")
	}
	if row.Jobcenter != nil {
		r.Jobcenter = *row.Jobcenter
	}
	if row.Text != nil {
		r.JobcenterText = *row.Text
	}
	if e.State == shared.EnrolmentAwaiting && row.ShowUpBy != nil {
		r.ShowUpOn = workdays.NextOpen(e.Period.From)
		r.ShowUpBy = shared.DateOf(*row.ShowUpBy)
	}
	return r, nil
}

// Enrol enrols who as ledig from today (now's day) with the benefit and
// status chosen: the rules of shared (who cannot enrol, the options by age
// and membership) are judged again inside the transaction, with the
// citizen's row locked, so two submits make one enrolment.
//   - Dagpenge without a registered a-kasse membership, a dimittend and
//     Ingen ydelse are "uden ydelse" (001).
//   - Kontanthjælp waits ('afventer', the jobcenter's flag) and does not
//     change the status of today until the jobcenter effectuates it; it
//     lapses on workdays.Kontanthjaelp's day.
func (c Citizen) Enrol(ctx context.Context, who shared.Citizen, in shared.EnrolRequest, now time.Time) (shared.EnrolmentPage, error) {
	today := shared.DateOf(now)
	err := c.InTx(ctx, func(ctx context.Context, c Citizen) error {
		if err := c.lockCitizen(ctx); err != nil {
			return err
		}
		p, err := c.EnrolmentPage(ctx, who, now)
		if err != nil {
			return err
		}
		if p.Blocked != "" {
			if p.BlockedField != "" {
				return &shared.Error{Code: shared.EInvalid, Message: p.Blocked,
					Fields: []shared.FieldError{{Field: p.BlockedField, Message: p.Blocked}}}
			}
			return shared.Errorf(shared.EConflict, "%s", p.Blocked)
		}
		if err := in.Check(p.Options); err != nil {
			return err
		}
		state := shared.EnrolmentEffective
		var showUpBy, lapsesOn *time.Time
		if in.Benefit == shared.BenefitKontanthjaelp {
			state = shared.EnrolmentAwaiting
			_, by, lapses := workdays.Kontanthjaelp(today)
			b, l := timeOfDate(by), timeOfDate(lapses)
			showUpBy, lapsesOn = &b, &l
		}
		udenYdelse := in.Benefit == shared.BenefitDimittend || in.Benefit == shared.BenefitIngen ||
			(in.Benefit == shared.BenefitDagpenge && who.AKasse == "")
		var jobcenter *string
		if who.Jobcenter != "" {
			jobcenter = &who.Jobcenter
		}
		var id int64
		if err := c.db.NewRaw(`INSERT INTO enrolments (citizen_id, benefit, ledighed, uden_ydelse, state, from_date,
				registered_by, registered_at, jobcenter_code, show_up_by, lapses_on)
			VALUES (?, ?, ?, ?, ?, ?, 'borger', ?, ?, ?, ?) RETURNING id`,
			c.id, string(in.Benefit), string(in.Ledighed), udenYdelse, string(state), timeOfDate(today), now,
			jobcenter, showUpBy, lapsesOn).Scan(ctx, &id); err != nil {
			if isUniqueViolation(err) {
				return shared.Errorf(shared.EConflict, "%s", shared.MsgEnrolAlready)
			}
			return err
		}
		if state == shared.EnrolmentEffective {
			if err := c.setStatus(ctx, shared.EnrolmentTilmeldt, now); err != nil {
				return err
			}
		}
		return enrolmentEvents(ctx, c.db, []int64{id}, EnrolmentEventEnrolled, now)
	})
	if err != nil {
		return shared.EnrolmentPage{}, err
	}
	if in.Benefit != shared.BenefitKontanthjaelp {
		who.Enrolment = shared.EnrolmentTilmeldt
	}
	return c.EnrolmentPage(ctx, who, now)
}

func (c Citizen) setStatus(ctx context.Context, s shared.EnrolmentStatus, now time.Time) error {
	_, err := c.db.NewRaw(`UPDATE citizens SET enrolment = ?, updated_at = ? WHERE id = ?`, string(s), now, c.id).Exec(ctx)
	return err
}

// MsgNotEnrolled and MsgEnrolledByJobcenter answer an afmelding with
// nothing to end here.
const (
	MsgNotEnrolled         = "Du er ikke tilmeldt som ledig."
	MsgEnrolledByJobcenter = "Din tilmelding er registreret i jobcentret. Kontakt jobcentret for at afmelde dig."
	MsgNoDeregistration    = "Der er ingen afmelding at fortryde."
)

// Deregister is the afmelding of the current enrolment from in.From (the
// first day not enrolled): from today it takes effect at once; from a
// later day it waits for the daily job (ApplyEnrolmentChanges) and can be
// withdrawn until then. A second afmelding replaces a waiting one.
func (c Citizen) Deregister(ctx context.Context, who shared.Citizen, in shared.DeregisterRequest, now time.Time) (shared.EnrolmentPage, error) {
	today := shared.DateOf(now)
	err := c.InTx(ctx, func(ctx context.Context, c Citizen) error {
		if err := c.lockCitizen(ctx); err != nil {
			return err
		}
		ens, err := c.Enrolments(ctx)
		if err != nil {
			return err
		}
		cur, ok := shared.CurrentEnrolment(ens, today)
		if !ok {
			if who.Enrolment == shared.EnrolmentTilmeldt {
				return shared.Errorf(shared.EConflict, "%s", MsgEnrolledByJobcenter)
			}
			return shared.Errorf(shared.EConflict, "%s", MsgNotEnrolled)
		}
		if err := in.Check(today, cur.Period.From); err != nil {
			return err
		}
		var endedAt *time.Time
		kind := EnrolmentEventDeregSet
		if in.From == today {
			endedAt, kind = &now, EnrolmentEventDeregistered
		}
		if _, err := c.db.NewRaw(`UPDATE enrolments SET to_date = ?, end_reason = ?, ended_at = ?, end_pending = ?
			WHERE id = ? AND citizen_id = ?`,
			timeOfDate(in.From.AddDays(-1)), in.Reason, endedAt, endedAt == nil, cur.ID, c.id).Exec(ctx); err != nil {
			return err
		}
		if endedAt != nil {
			if err := c.setStatus(ctx, shared.EnrolmentAfmeldt, now); err != nil {
				return err
			}
		}
		return enrolmentEvents(ctx, c.db, []int64{cur.ID}, kind, now)
	})
	if err != nil {
		return shared.EnrolmentPage{}, err
	}
	if in.From == today {
		who.Enrolment = shared.EnrolmentAfmeldt
	}
	return c.EnrolmentPage(ctx, who, now)
}

// WithdrawDeregistration takes back an afmelding that waits for its day:
// "kan fortrydes" until then (003: "Afmelder man sig nu, med effektuering
// af afmeldingen på sigt, sker det via batchjob").
func (c Citizen) WithdrawDeregistration(ctx context.Context, who shared.Citizen, now time.Time) (shared.EnrolmentPage, error) {
	today := shared.DateOf(now)
	err := c.InTx(ctx, func(ctx context.Context, c Citizen) error {
		if err := c.lockCitizen(ctx); err != nil {
			return err
		}
		var id int64
		err := c.db.NewRaw(`UPDATE enrolments SET to_date = NULL, end_reason = NULL, end_pending = false
			WHERE citizen_id = ? AND end_pending AND to_date >= ? RETURNING id`,
			c.id, timeOfDate(today)).Scan(ctx, &id)
		if isNoRows(err) {
			return shared.Errorf(shared.EConflict, "%s", MsgNoDeregistration)
		}
		if err != nil {
			return err
		}
		return enrolmentEvents(ctx, c.db, []int64{id}, EnrolmentEventDeregWithdrawn, now)
	})
	if err != nil {
		return shared.EnrolmentPage{}, err
	}
	return c.EnrolmentPage(ctx, who, now)
}

// enrolmentEvents logs kind for each enrolment for the case systems: to
// the jobcenter it was attached to, and to the citizen's a-kasse for
// dagpenge and dimittend enrolments (the a-kasse has no part in the other
// target groups, SPEC K1).
func enrolmentEvents(ctx context.Context, db bun.IDB, ids []int64, kind string, now time.Time) error {
	if len(ids) == 0 {
		return nil
	}
	_, err := db.NewRaw(`INSERT INTO enrolment_events (citizen_id, org, enrolment_id, kind, at)
		SELECT e.citizen_id, o.org, e.id, ?, ? FROM enrolments e JOIN citizens c ON c.id = e.citizen_id
		CROSS JOIN LATERAL (VALUES (e.jobcenter_code),
			(CASE WHEN e.benefit IN ('dagpenge', 'dimittend') THEN c.akasse_code END)) AS o (org)
		WHERE e.id = ANY(?) AND o.org IS NOT NULL
		ORDER BY e.id`, kind, now, pgdialect.Array(ids)).Exec(ctx)
	return err
}

// DecideEnrolment is the jobcenter's answer to a waiting kontanthjælp
// enrolment (the flag): effectuated when the citizen came by, with the
// match group registered ("Hvis der matches 2 eller 3, skal borgeren ikke
// tilmeldes", 001: then it is rejected). Only the jobcenter the enrolment
// was attached to decides it.
func (c Citizen) DecideEnrolment(ctx context.Context, org, decision string, matchgruppe int, now time.Time) error {
	var id int64
	err := c.db.NewRaw(`SELECT id FROM enrolments WHERE citizen_id = ? AND state = 'afventer' AND ended_at IS NULL
		AND jobcenter_code = ? FOR UPDATE`, c.id, org).Scan(ctx, &id)
	if isNoRows(err) {
		return shared.Errorf(shared.ENotFound, "Borgeren har ingen tilmelding, der venter på jobcentret.")
	}
	if err != nil {
		return err
	}
	kind := EnrolmentEventEffectuated
	if decision == DecisionReject {
		kind = EnrolmentEventRejected
		if _, err := c.db.NewRaw(`UPDATE enrolments SET state = 'afvist', ended_at = ?, lapses_on = NULL WHERE id = ?`, now, id).Exec(ctx); err != nil {
			return err
		}
	} else {
		if _, err := c.db.NewRaw(`UPDATE enrolments SET state = 'effektueret', lapses_on = NULL WHERE id = ?`, id).Exec(ctx); err != nil {
			return err
		}
		if err := c.setStatus(ctx, shared.EnrolmentTilmeldt, now); err != nil {
			return err
		}
	}
	if matchgruppe != 0 {
		if _, err := c.db.NewRaw(`UPDATE citizens SET matchgruppe = ? WHERE id = ?`, matchgruppe, c.id).Exec(ctx); err != nil {
			return err
		}
	}
	return enrolmentEvents(ctx, c.db, []int64{id}, kind, now)
}

// ReportDagpengeret is the a-kasse's message that a dimittend's
// dagpengeret begins on from: "Registreringen skifter automatisk til
// dagpengemodtager, når der modtages en besked fra a-kassen (MT) samt dato
// for dagpengeret indtræffer. Ændringer … sker udelukkende, hvis borgeren
// er tilmeldt som dimittend på det tidspunkt" (001). A day passed or today
// switches at once; a later day is kept for the daily job. A citizen not
// enrolled as dimittend is left as they are (the message is accepted: the
// a-kasse cannot know Jobnet's state).
func (c Citizen) ReportDagpengeret(ctx context.Context, from shared.Date, now time.Time) error {
	today := shared.DateOf(now)
	var id int64
	err := c.db.NewRaw(`SELECT id FROM enrolments WHERE citizen_id = ? AND benefit = 'dimittend' AND state = 'effektueret'
		AND ended_at IS NULL AND (to_date IS NULL OR to_date >= ?) FOR UPDATE`, c.id, timeOfDate(today)).Scan(ctx, &id)
	if isNoRows(err) {
		return nil
	}
	if err != nil {
		return err
	}
	if from.After(today) {
		_, err := c.db.NewRaw(`UPDATE enrolments SET dagpenge_from = ? WHERE id = ?`, timeOfDate(from), id).Exec(ctx)
		return err
	}
	_, err = switchToDagpenge(ctx, c.db, id, today, now)
	return err
}

// switchToDagpenge ends the dimittend enrolment id the day before on and
// opens a dagpenge enrolment from on (or from the dimittend's own first
// day, when the dagpengeret reaches back before it), registered by the
// system; a pending afmelding moves to the new enrolment.
func switchToDagpenge(ctx context.Context, db bun.IDB, id int64, on shared.Date, now time.Time) (int64, error) {
	var newID int64
	err := db.NewRaw(`WITH old AS (
			UPDATE enrolments SET ended_at = ?, dagpenge_from = NULL, end_pending = false,
				to_date = greatest(from_date, ?::date - 1), end_reason = NULL
			WHERE id = ? AND ended_at IS NULL
			RETURNING citizen_id, ledighed, from_date, jobcenter_code, to_date AS old_to, end_reason AS old_reason,
				(SELECT to_date FROM enrolments WHERE id = ?) AS pending_to, (SELECT end_reason FROM enrolments WHERE id = ? AND end_pending) AS pending_reason)
		INSERT INTO enrolments (citizen_id, benefit, ledighed, uden_ydelse, state, from_date, to_date, end_reason,
			registered_by, registered_at, jobcenter_code)
		SELECT citizen_id, 'dagpenge', ledighed, false, 'effektueret', greatest(from_date, ?::date),
			CASE WHEN pending_reason IS NOT NULL AND pending_to >= greatest(from_date, ?::date) THEN pending_to END,
			CASE WHEN pending_reason IS NOT NULL AND pending_to >= greatest(from_date, ?::date) THEN pending_reason END,
			'system', ?, jobcenter_code FROM old
		RETURNING id`, now, timeOfDate(on), id, id, id, timeOfDate(on), timeOfDate(on), timeOfDate(on), now).Scan(ctx, &newID)
	if err != nil {
		return 0, err
	}
	if err := enrolmentEvents(ctx, db, []int64{newID}, EnrolmentEventSwitchedDagpenge, now); err != nil {
		return 0, err
	}
	return newID, nil
}

// PutEnrolmentReceiptText stores the jobcenter org's own text on the
// receipt of enrolments for benefit.
func PutEnrolmentReceiptText(ctx context.Context, db bun.IDB, org string, benefit shared.Benefit, text string, now time.Time) error {
	_, err := db.NewRaw(`INSERT INTO enrolment_receipt_texts (org, benefit, text, updated_at) VALUES (?, ?, ?, ?)
		ON CONFLICT (org, benefit) DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at`,
		org, string(benefit), text, now).Exec(ctx)
	return err
}

// EnrolmentChanges counts what one run of ApplyEnrolmentChanges did.
type EnrolmentChanges struct {
	Deregistered, Lapsed, Switched int
}

// ApplyEnrolmentChanges applies what waits for its day on now's day (in
// now's location), each kind in one transaction of set-based statements,
// so that a run over a million citizens touches only the due rows (the
// partial indexes of migration 031):
//   - afmeldinger whose first day has come: the enrolment ends and the
//     status of today becomes afmeldt;
//   - kontanthjælp enrolments not effectuated by their lapse day:
//     'bortfaldet', silently ("medfører ikke afmeldebrev", 001) — the
//     status of today was never tilmeldt;
//   - dimittend enrolments whose reported dagpengeret has come: switched.
//
// A second run on the same day finds nothing: each change marks its rows.
func (s *Store) ApplyEnrolmentChanges(ctx context.Context, now time.Time) (EnrolmentChanges, error) {
	today := timeOfDate(shared.DateOf(now))
	var out EnrolmentChanges
	err := s.inTx(ctx, func(ctx context.Context, tx bun.Tx) error {
		var ids []int64
		if err := tx.NewRaw(`WITH due AS (
				UPDATE enrolments SET ended_at = ?, end_pending = false WHERE end_pending AND to_date < ?
				RETURNING id, citizen_id),
			st AS (UPDATE citizens SET enrolment = 'afmeldt', updated_at = ? WHERE id IN (SELECT citizen_id FROM due))
			SELECT id FROM due ORDER BY id`, now, today, now).Scan(ctx, &ids); err != nil && !isNoRows(err) {
			return err
		}
		out.Deregistered = len(ids)
		return enrolmentEvents(ctx, tx, ids, EnrolmentEventDeregistered, now)
	})
	if err != nil {
		return out, err
	}
	err = s.inTx(ctx, func(ctx context.Context, tx bun.Tx) error {
		var ids []int64
		if err := tx.NewRaw(`UPDATE enrolments SET state = 'bortfaldet', ended_at = ?
			WHERE state = 'afventer' AND ended_at IS NULL AND lapses_on <= ? RETURNING id`, now, today).Scan(ctx, &ids); err != nil && !isNoRows(err) {
			return err
		}
		out.Lapsed = len(ids)
		return enrolmentEvents(ctx, tx, ids, EnrolmentEventLapsed, now)
	})
	if err != nil {
		return out, err
	}
	var due []struct {
		ID   int64     `bun:"id"`
		From time.Time `bun:"dagpenge_from"`
	}
	if err := s.db.NewRaw(`SELECT id, dagpenge_from FROM enrolments WHERE dagpenge_from <= ? AND ended_at IS NULL
		AND benefit = 'dimittend' ORDER BY id`, today).Scan(ctx, &due); err != nil && !isNoRows(err) {
		return out, err
	}
	for _, d := range due {
		if err := s.inTx(ctx, func(ctx context.Context, tx bun.Tx) error {
			_, err := switchToDagpenge(ctx, tx, d.ID, shared.DateOf(d.From), now)
			return err
		}); err != nil {
			return out, err
		}
		out.Switched++
	}
	return out, nil
}

// EnrolmentEventSent is one event of the feed, with the enrolment as it
// is now.
type EnrolmentEventSent struct {
	Seq        int64      `bun:"seq"`
	Kind       string     `bun:"kind"`
	CPR        string     `bun:"cpr"`
	Enrolment  int64      `bun:"enrolment_id"`
	Benefit    string     `bun:"benefit"`
	Ledighed   string     `bun:"ledighed"`
	UdenYdelse bool       `bun:"uden_ydelse"`
	State      string     `bun:"state"`
	From       time.Time  `bun:"from_date"`
	To         *time.Time `bun:"to_date"`
	EndReason  *string    `bun:"end_reason"`
	At         time.Time  `bun:"at"`
}

// EnrolmentEvents are org's events after the seq after, made before until,
// up to limit, in seq order (the collect handler's load).
func (s *Store) EnrolmentEvents(ctx context.Context, org string, after int64, until time.Time, limit int) ([]EnrolmentEventSent, error) {
	out := []EnrolmentEventSent{}
	err := s.db.NewRaw(`SELECT v.seq, v.kind, c.cpr, e.id AS enrolment_id, e.benefit, e.ledighed, e.uden_ydelse, e.state,
			e.from_date, e.to_date, e.end_reason, v.at
		FROM enrolment_events v JOIN enrolments e ON e.id = v.enrolment_id JOIN citizens c ON c.id = e.citizen_id
		WHERE v.org = ? AND v.seq > ? AND v.at <= ? ORDER BY v.seq LIMIT ?`, org, after, until, limit).Scan(ctx, &out)
	return out, err
}

// SeedEnrolment writes an enrolment as the case system registered it
// before Jobnet's own enrolments (the demo's enrolled citizens), unless
// the citizen has one already: a second seeding changes nothing. It is
// recorded as registered at registeredAt.
func (c Citizen) SeedEnrolment(ctx context.Context, e shared.Enrolment, jobcenter string, matchgruppe int, registeredAt time.Time) error {
	var m *int
	if matchgruppe != 0 {
		m = &matchgruppe
	}
	// A match group the jobcenter has set since stays.
	if _, err := c.db.NewRaw(`UPDATE citizens SET matchgruppe = coalesce(matchgruppe, ?) WHERE id = ?`, m, c.id).Exec(ctx); err != nil {
		return err
	}
	if e.Benefit == "" {
		return nil
	}
	_, err := c.db.NewRaw(`INSERT INTO enrolments (citizen_id, benefit, ledighed, uden_ydelse, state, from_date,
			registered_by, registered_at, jobcenter_code)
		SELECT ?, ?, ?, ?, ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM enrolments WHERE citizen_id = ?)`,
		c.id, string(e.Benefit), string(e.Ledighed), e.UdenYdelse, string(e.State), timeOfDate(e.Period.From),
		string(e.RegisteredBy), registeredAt, jobcenter, c.id).Exec(ctx)
	return err
}

// SeedEnrolmentReceiptText stores a receipt text the jobcenter has not
// sent one for yet: a text sent through the ingestion API since the first
// seeding stays.
func (s *Store) SeedEnrolmentReceiptText(ctx context.Context, org string, b shared.Benefit, text string, now time.Time) error {
	_, err := s.db.NewRaw(`INSERT INTO enrolment_receipt_texts (org, benefit, text, updated_at) VALUES (?, ?, ?, ?)
		ON CONFLICT (org, benefit) DO NOTHING`, org, string(b), text, now).Exec(ctx)
	return err
}
