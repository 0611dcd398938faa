package jobs

import (
	"context"
	"testing"
	"time"

	"jobnet/server/dbtest"
	"jobnet/server/servertest"
	"jobnet/server/storage"
	"jobnet/shared"
)

// TestRaskmeldingerWorkedByTheQueue: the daily job runs when a worker
// starts, on the day of its clock (Danish time): a raskmelding given for
// today ends its sygemelding yesterday as "system"; one for tomorrow
// waits.
func TestRaskmeldingerWorkedByTheQueue(t *testing.T) {
	db := dbtest.MustOpenDB(t)
	ctx := context.Background()
	now := servertest.Now // 10:00 Danish time
	today := shared.DateOf(now.In(servertest.Copenhagen))
	s := storage.New(db, nil)
	if err := s.Seed(ctx, storage.Seed{Organisations: []shared.Organisation{{Code: "jc-1", Kind: shared.OrgJobcenter, Name: "Jobcenter"}},
		Citizens: []storage.SeedCitizen{{CPR: "010203-1234", Name: "A", Jobcenter: "jc-1", Enrolment: shared.EnrolmentTilmeldt}, {CPR: "010203-1235", Name: "B", Jobcenter: "jc-1", Enrolment: shared.EnrolmentTilmeldt}}}, now); err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for i, cpr := range []string{"010203-1234", "010203-1235"} {
		who, err := s.CitizenByCPR(ctx, shared.CPR(cpr))
		if err != nil {
			t.Fatal(err)
		}
		var id int64
		if err := db.NewRaw(`INSERT INTO absences (citizen_id, kind, from_date, registered_by, rask_fra, rask_by)
			VALUES (?, 'sygdom', ?, 'borger', ?, 'borger') RETURNING id`, who.ID, today.AddDays(-4).String(), today.AddDays(i).String()).Scan(ctx, &id); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	newQueue(t, db, Config{Work: true, PollEvery: 100 * time.Millisecond, Now: func() time.Time { return now }, IdleTimeout: 20 * time.Minute})
	deadline := time.Now().Add(15 * time.Second)
	for {
		var n int
		if err := db.QueryRowContext(ctx, "SELECT count(*) FROM river_job WHERE kind = 'fravaer_raskmeldinger' AND state = 'completed'").Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n > 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the raskmeldinger job never ran")
		}
		time.Sleep(100 * time.Millisecond)
	}
	var rows []struct {
		To       *time.Time `bun:"to_date"`
		ClosedBy *string    `bun:"closed_by"`
		RaskFra  *time.Time `bun:"rask_fra"`
	}
	if err := db.NewRaw(`SELECT to_date, closed_by, rask_fra FROM absences WHERE id IN (?, ?) ORDER BY id`, ids[0], ids[1]).Scan(ctx, &rows); err != nil {
		t.Fatal(err)
	}
	if rows[0].To == nil || shared.DateOf(*rows[0].To) != today.AddDays(-1) || rows[0].ClosedBy == nil || *rows[0].ClosedBy != "system" || rows[0].RaskFra != nil {
		t.Errorf("today's raskmelding: %+v", rows[0])
	}
	if rows[1].To != nil || rows[1].RaskFra == nil {
		t.Errorf("tomorrow's raskmelding applied early: %+v", rows[1])
	}
}
