package storage_test

import (
	"context"
	"flag"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"jobnet/server/dbtest"
	"jobnet/server/storage"
	"jobnet/shared"
)

var enrolmentCitizens = flag.Int("tilmelding.citizens", 100000, "citizens generated for BenchmarkApplyEnrolmentChanges")

// BenchmarkApplyEnrolmentChanges (issue 14: "Scheduled jobs' run time over
// 1,000,000 citizens (… else 100,000 generated)"): one daily run of
// Til- og afmelding's job over -tilmelding.citizens generated citizens,
// each with an enrolment: 1 % with an afmelding due today, 0.5 % with a
// kontanthjælp enrolment lapsing today, 2 % with an afmelding waiting for
// a later day (rows the job must pass over), the rest running. Every
// iteration puts the due rows back first (not timed). Reports p50 and p99
// of the run beside a floor: a primary-key SELECT through the same pool.
// go test ./server/storage -run '^$' -bench ApplyEnrolmentChanges -benchtime=10x
func BenchmarkApplyEnrolmentChanges(b *testing.B) {
	ctx := context.Background()
	db := dbtest.MustOpenDB(b)
	s := storage.New(db, nil)
	if err := s.Seed(ctx, storage.Seed{Organisations: []shared.Organisation{
		{Code: "jc-1", Kind: shared.OrgJobcenter, Name: "Jobcenter"}, {Code: "ak-1", Kind: shared.OrgAKasse, Name: "A-kasse"}}}, now); err != nil {
		b.Fatal(err)
	}
	n := *enrolmentCitizens
	today := shared.DateOf(now)
	for _, st := range []struct {
		q   string
		arg any
	}{
		{`INSERT INTO citizens (cpr, name, jobcenter_code, akasse_code, enrolment)
			SELECT lpad((i / 10000)::text, 6, '0') || '-' || lpad((i % 10000)::text, 4, '0'), 'Borger ' || i, 'jc-1',
				CASE WHEN i % 3 > 0 THEN 'ak-1' END, 'tilmeldt'
			FROM generate_series(1, ?) AS i`, n},
		{`INSERT INTO enrolments (citizen_id, benefit, ledighed, state, from_date, registered_by, jobcenter_code)
			SELECT id, CASE WHEN id % 200 = 1 THEN 'kontanthjaelp' ELSE 'dagpenge' END, 'helt',
				CASE WHEN id % 200 = 1 THEN 'afventer' ELSE 'effektueret' END, ?::date - 100, 'borger', 'jc-1'
			FROM citizens WHERE jobcenter_code = 'jc-1'`, today.String()},
		{`UPDATE enrolments SET end_pending = true, end_reason = 'arbejde', to_date = ?::date + 10 WHERE id % 50 = 7`, today.String()},
		{`ANALYZE enrolments`, nil},
	} {
		args := []any{st.arg}
		if st.arg == nil {
			args = nil
		}
		if _, err := db.NewRaw(st.q, args...).Exec(ctx); err != nil {
			b.Fatal(err)
		}
	}
	reset := func() {
		for _, q := range []string{
			`UPDATE enrolments SET end_pending = true, end_reason = 'arbejde', to_date = ?::date - 1, ended_at = NULL WHERE id % 100 = 3`,
			`UPDATE enrolments SET state = 'afventer', ended_at = NULL, lapses_on = ?::date WHERE id % 200 = 1`,
			`UPDATE citizens SET enrolment = 'tilmeldt' WHERE id % 100 = 3 AND ? <> ''`,
			`DELETE FROM enrolment_events WHERE ? <> ''`,
		} {
			if _, err := db.NewRaw(q, today.String()).Exec(ctx); err != nil {
				b.Fatal(err)
			}
		}
	}
	var took, floor []time.Duration
	var last storage.EnrolmentChanges
	b.ResetTimer() // the generation above is not the job's
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		reset()
		b.StartTimer()
		t0 := time.Now()
		got, err := s.ApplyEnrolmentChanges(ctx, now)
		if err != nil {
			b.Fatal(err)
		}
		took = append(took, time.Since(t0))
		last = got
		t0 = time.Now()
		var id int64
		if err := db.DB.QueryRowContext(ctx, "SELECT id FROM citizens WHERE id = $1", pgx.QueryExecModeCacheStatement, int64(1+i%n)).Scan(&id); err != nil {
			b.Fatal(err)
		}
		floor = append(floor, time.Since(t0))
	}
	if last.Deregistered < n/100-2 || last.Lapsed < n/200-2 {
		b.Fatalf("the run did %+v of %d citizens", last, n)
	}
	b.ReportMetric(float64(last.Deregistered), "deregistered")
	b.ReportMetric(float64(last.Lapsed), "lapsed")
	reportBesideFloor(b, took, floor)
}
