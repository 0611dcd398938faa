package storage

import (
	"context"
	"strconv"
	"time"

	"jobnet/shared"
)

// Registrations (SPEC D7, D8, D12): a citizen's absences and enrolments as
// ledig (migrations/028_absences_enrolments). Fravær and Til- og afmelding
// write them; these reads serve their pages, Historik and the Kalender.

type absenceRow struct {
	ID           int64      `bun:"id"`
	Kind         string     `bun:"kind"`
	From         time.Time  `bun:"from_date"`
	To           *time.Time `bun:"to_date"`
	Comment      string     `bun:"comment"`
	RegisteredBy string     `bun:"registered_by"`
	RegisteredAt time.Time  `bun:"registered_at"`
	ClosedBy     *string    `bun:"closed_by"`
	RaskFra      *time.Time `bun:"rask_fra"` // migrations/029_fravaer
}

func (r absenceRow) absence() shared.Absence {
	a := shared.Absence{ID: strconv.FormatInt(r.ID, 10), Kind: shared.AbsenceKind(r.Kind),
		Period: shared.Period{From: shared.DateOf(r.From)}, Text: r.Comment,
		RegisteredBy: shared.Registrant(r.RegisteredBy), RegisteredAt: r.RegisteredAt}
	if r.To != nil {
		a.Period.To = shared.DateOf(*r.To)
	}
	if r.ClosedBy != nil {
		a.ClosedBy = shared.Registrant(*r.ClosedBy)
	}
	if r.RaskFra != nil {
		a.RaskFra = shared.DateOf(*r.RaskFra)
	}
	return a
}

// Absences lists every absence and exemption of the citizen, the latest
// start first: Historik's accordions and, filtered with NotEnded, "Aktuelt
// fravær". Retention keeps three years (storage/retention.go), so the list
// stays short.
func (c Citizen) Absences(ctx context.Context) ([]shared.Absence, error) {
	var rows []absenceRow
	err := c.db.NewRaw(`SELECT id, kind, from_date, to_date, comment, registered_by, registered_at, closed_by, rask_fra
		FROM absences WHERE citizen_id = ? ORDER BY from_date DESC, id DESC`, c.id).Scan(ctx, &rows)
	if err != nil {
		return nil, err
	}
	out := make([]shared.Absence, len(rows))
	for i, r := range rows {
		out[i] = r.absence()
	}
	return out, nil
}

type enrolmentRow struct {
	ID           int64      `bun:"id"`
	Benefit      string     `bun:"benefit"`
	Ledighed     string     `bun:"ledighed"`
	UdenYdelse   bool       `bun:"uden_ydelse"`
	State        string     `bun:"state"`
	From         time.Time  `bun:"from_date"`
	To           *time.Time `bun:"to_date"`
	EndReason    *string    `bun:"end_reason"`
	RegisteredBy string     `bun:"registered_by"`
	RegisteredAt time.Time  `bun:"registered_at"`
}

func (r enrolmentRow) enrolment() shared.Enrolment {
	e := shared.Enrolment{ID: r.ID, Benefit: shared.Benefit(r.Benefit), Ledighed: shared.Ledighed(r.Ledighed),
		UdenYdelse: r.UdenYdelse, State: shared.EnrolmentState(r.State),
		Period:       shared.Period{From: shared.DateOf(r.From)},
		RegisteredBy: shared.Registrant(r.RegisteredBy), RegisteredAt: r.RegisteredAt}
	if r.To != nil {
		e.Period.To = shared.DateOf(*r.To)
	}
	if r.EndReason != nil {
		e.EndReason = *r.EndReason
	}
	return e
}

// Enrolments lists the citizen's enrolments as ledig, the latest first:
// Historik → Ledighedsstatusser and the state Til- og afmelding starts from.
func (c Citizen) Enrolments(ctx context.Context) ([]shared.Enrolment, error) {
	var rows []enrolmentRow
	err := c.db.NewRaw(`SELECT id, benefit, ledighed, uden_ydelse, state, from_date, to_date, end_reason,
		registered_by, registered_at
		FROM enrolments WHERE citizen_id = ? ORDER BY from_date DESC, id DESC`, c.id).Scan(ctx, &rows)
	if err != nil {
		return nil, err
	}
	out := make([]shared.Enrolment, len(rows))
	for i, r := range rows {
		out[i] = r.enrolment()
	}
	return out, nil
}
