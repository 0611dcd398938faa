package jobs

import (
	"context"
	"testing"
	"time"

	"jobnet/server/dbtest"
	"jobnet/server/servertest"
)

// TestEnrolmentChangesWorkedByTheQueue: the daily enrolment_changes job
// runs when a worker starts (RunOnStart) on the worker's clock, pinned
// here: the afmelding whose first day is the pinned day takes effect, the
// one for the next day waits, and the kontanthjælp enrolment due to lapse
// today lapses.
func TestEnrolmentChangesWorkedByTheQueue(t *testing.T) {
	db := dbtest.MustOpenDB(t)
	ctx := context.Background()
	today := servertest.Now.Format("2006-01-02")
	for _, q := range []string{
		`INSERT INTO organisations (code, kind, name) VALUES ('jc-1', 'jobcenter', 'Jobcenter')`,
		`INSERT INTO citizens (cpr, name, jobcenter_code, enrolment) VALUES
			('010101-1111', 'Due', 'jc-1', 'tilmeldt'), ('010101-2222', 'Later', 'jc-1', 'tilmeldt'), ('010101-3333', 'Lapse', 'jc-1', 'afmeldt')`,
		`INSERT INTO enrolments (citizen_id, benefit, ledighed, state, from_date, to_date, end_reason, end_pending, registered_by, jobcenter_code)
			SELECT id, 'dagpenge', 'helt', 'effektueret', DATE '` + today + `' - 100,
				DATE '` + today + `' + CASE WHEN name = 'Due' THEN -1 ELSE 0 END, 'arbejde', true, 'borger', 'jc-1'
			FROM citizens WHERE name IN ('Due', 'Later')`,
		`INSERT INTO enrolments (citizen_id, benefit, ledighed, state, from_date, lapses_on, registered_by, jobcenter_code)
			SELECT id, 'kontanthjaelp', 'helt', 'afventer', DATE '` + today + `' - 10, DATE '` + today + `', 'borger', 'jc-1'
			FROM citizens WHERE name = 'Lapse'`,
	} {
		if _, err := db.ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	newQueue(t, db, Config{Work: true, PollEvery: 100 * time.Millisecond, Now: func() time.Time { return servertest.Now }, IdleTimeout: 20 * time.Minute})
	deadline := time.Now().Add(15 * time.Second)
	for {
		var done int
		if err := db.QueryRowContext(ctx, `SELECT count(*) FROM river_job WHERE kind = 'enrolment_changes' AND state = 'completed'`).Scan(&done); err != nil {
			t.Fatal(err)
		}
		if done > 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the enrolment_changes job did not run")
		}
		time.Sleep(100 * time.Millisecond)
	}
	var due, later, lapsed string
	if err := db.QueryRowContext(ctx, `SELECT
			(SELECT enrolment FROM citizens WHERE name = 'Due'), (SELECT enrolment FROM citizens WHERE name = 'Later'),
			(SELECT e.state FROM enrolments e JOIN citizens c ON c.id = e.citizen_id WHERE c.name = 'Lapse')`).Scan(&due, &later, &lapsed); err != nil {
		t.Fatal(err)
	}
	if due != "afmeldt" || later != "tilmeldt" || lapsed != "bortfaldet" {
		t.Errorf("due %s, later %s, lapse %s", due, later, lapsed)
	}
}
