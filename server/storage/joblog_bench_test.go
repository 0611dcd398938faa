package storage_test

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"jobnet/server/dbtest"
	"jobnet/server/storage"
	"jobnet/shared"
)

// BenchmarkJoblogList (issue 12: "A Joblog list with filters and counts for
// a citizen with 2,000 logs: p99 ≤ 10 ms"): the list page's query — free
// text, the change-date range, a status and the counts — over 2,000 logs
// of one citizen, among another citizen's 2,000. Reports p50 and p99
// beside the mean, and the same of a floor: a primary-key SELECT through
// the same pool in the same loop (the time the loop also spends on the
// floor makes ns/op the sum of both). go test ./server/storage -run '^$' -bench JoblogList
func BenchmarkJoblogList(b *testing.B) {
	ctx := context.Background()
	db := dbtest.MustOpenDB(b)
	s := storage.New(db, nil)
	var cs []storage.Citizen
	for i, cpr := range []string{"010203-1234", "010203-1235"} {
		if err := s.Seed(ctx, storage.Seed{Organisations: []shared.Organisation{{Code: "jc-1", Kind: shared.OrgJobcenter, Name: "Jobcenter"}},
			Citizens: []storage.SeedCitizen{{CPR: cpr, Name: fmt.Sprint("Test ", i), Jobcenter: "jc-1", Enrolment: shared.EnrolmentTilmeldt}}}, now); err != nil {
			b.Fatal(err)
		}
		who, err := s.CitizenByCPR(ctx, shared.CPR(cpr))
		if err != nil {
			b.Fatal(err)
		}
		cs = append(cs, s.Citizen(who.ID))
	}
	statuses := []shared.JoblogStatus{shared.JoblogNotApplied, shared.JoblogApplied, shared.JoblogInterview}
	for _, c := range cs {
		for i := range 2000 {
			in := aJoblog(fmt.Sprintf("Stilling %d", i), fmt.Sprintf("Firma %d", i%97), statuses[i%3])
			in.Closed = i%10 == 0
			if _, err := c.CreateJoblog(ctx, in, now.Add(-time.Duration(i)*time.Hour)); err != nil {
				b.Fatal(err)
			}
		}
	}
	from, to := shared.DateOf(now.AddDate(0, -2, 0)), shared.DateOf(now)
	q := shared.JoblogQuery{Q: "firma 1", From: &from, To: &to, Status: shared.JoblogApplied, Closed: true}
	// The floor: a bare primary-key SELECT through the same pool, as a
	// prepared statement (storage's prepared), timed
	// in the same loop, so the machine's load shows in both figures.
	var logID int64
	if err := db.QueryRowContext(ctx, "SELECT min(id) FROM joblogs").Scan(&logID); err != nil {
		b.Fatal(err)
	}
	var took, floor []time.Duration
	for b.Loop() {
		start := time.Now()
		l, err := cs[0].Joblogs(ctx, q)
		took = append(took, time.Since(start))
		if err != nil || len(l.Logs) == 0 {
			b.Fatalf("%d logs, %v", len(l.Logs), err)
		}
		start = time.Now()
		var id int64
		if err := db.DB.QueryRowContext(ctx, "SELECT id FROM joblogs WHERE id = $1", pgx.QueryExecModeCacheStatement, logID).Scan(&id); err != nil {
			b.Fatal(err)
		}
		floor = append(floor, time.Since(start))
	}
	reportBesideFloor(b, took, floor)
	l, _ := cs[0].Joblogs(ctx, q)
	b.ReportMetric(float64(len(l.Logs)), "logs")
}

// reportBesideFloor reports the p50 and p99 of the timed calls beside
// those of the floor timed in the same loop, in milliseconds.
func reportBesideFloor(b *testing.B, took, floor []time.Duration) {
	ms := func(d []time.Duration, p int) float64 {
		slices.Sort(d)
		return float64(d[len(d)*p/100].Microseconds()) / 1000
	}
	b.ReportMetric(ms(took, 50), "p50-ms")
	b.ReportMetric(ms(took, 99), "p99-ms")
	b.ReportMetric(ms(floor, 50), "floor-p50-ms")
	b.ReportMetric(ms(floor, 99), "floor-p99-ms")
}
