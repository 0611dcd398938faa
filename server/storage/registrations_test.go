package storage_test

import (
	"context"
	"testing"

	"jobnet/shared"
)

// TestRegistrationReads: Absences and Enrolments read back what the
// registrations wrote, the latest start first, with who registered them and
// an open end as a zero To.
func TestRegistrationReads(t *testing.T) {
	ctx := context.Background()
	db, c := oneCitizen(t)
	for _, q := range []string{
		`INSERT INTO absences (citizen_id, kind, from_date, to_date, comment, registered_by, closed_by)
			SELECT id, 'sygdom', '2026-03-02', '2026-03-05', '', 'borger', 'borger' FROM citizens`,
		`INSERT INTO absences (citizen_id, kind, from_date, comment, registered_by)
			SELECT id, 'ferie', '2026-07-01', 'Sommerferie', 'sagsbehandler' FROM citizens`,
		`INSERT INTO enrolments (citizen_id, benefit, ledighed, uden_ydelse, state, from_date, to_date, end_reason, registered_by)
			SELECT id, 'dagpenge', 'helt', true, 'effektueret', '2025-01-06', '2025-09-30', 'arbejde', 'borger' FROM citizens`,
		`INSERT INTO enrolments (citizen_id, benefit, ledighed, state, from_date, registered_by)
			SELECT id, 'kontanthjaelp', 'helt', 'afventer', '2026-02-02', 'system' FROM citizens`,
	} {
		if _, err := db.ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	abs, err := c.Absences(ctx)
	if err != nil || len(abs) != 2 {
		t.Fatalf("absences %+v (%v)", abs, err)
	}
	if a := abs[0]; a.Kind != shared.AbsenceFerie || !a.Period.To.IsZero() || a.Text != "Sommerferie" ||
		a.RegisteredBy != shared.RegisteredByCaseworker || a.ClosedBy != "" || a.RegisteredAt.IsZero() {
		t.Errorf("first absence %+v", a)
	}
	if a := abs[1]; a.Kind != shared.AbsenceSygdom || a.Period != (shared.Period{From: shared.MustDate("2026-03-02"), To: shared.MustDate("2026-03-05")}) ||
		a.ClosedBy != shared.RegisteredByCitizen {
		t.Errorf("second absence %+v", a)
	}
	ens, err := c.Enrolments(ctx)
	if err != nil || len(ens) != 2 {
		t.Fatalf("enrolments %+v (%v)", ens, err)
	}
	if e := ens[0]; e.Benefit != shared.BenefitKontanthjaelp || e.State != shared.EnrolmentAwaiting || e.State.Counts() ||
		!e.Period.To.IsZero() || e.RegisteredBy != shared.RegisteredBySystem {
		t.Errorf("first enrolment %+v", e)
	}
	if e := ens[1]; !e.UdenYdelse || e.EndReason != "arbejde" || e.Period.To != shared.MustDate("2025-09-30") || !e.State.Counts() {
		t.Errorf("second enrolment %+v", e)
	}
}
