package storage_test

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"jobnet/server/dbtest"
	"jobnet/server/storage"
	"jobnet/shared"
)

// BenchmarkJoblogList (issue 12: "A Joblog list with filters and counts for
// a citizen with 2,000 logs: p99 ≤ 10 ms"): the list page's query — free
// text, the change-date range, a status and the counts — over 2,000 logs
// of one citizen, among another citizen's 2,000. Reports the p99 beside
// the mean. go test ./server/storage -run '^$' -bench JoblogList
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
	var took []time.Duration
	for b.Loop() {
		start := time.Now()
		l, err := cs[0].Joblogs(ctx, q)
		took = append(took, time.Since(start))
		if err != nil || len(l.Logs) == 0 {
			b.Fatalf("%d logs, %v", len(l.Logs), err)
		}
	}
	slices.Sort(took)
	b.ReportMetric(float64(took[len(took)*99/100].Microseconds())/1000, "p99-ms")
	l, _ := cs[0].Joblogs(ctx, q)
	b.ReportMetric(float64(len(l.Logs)), "logs")
}
