package storage_test

import (
	"context"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"jobnet/server/dbtest"
	"jobnet/server/storage"
)

// BenchmarkHistoryRetention (issue 14: "Scheduled jobs' run time over
// 1,000,000 citizens (from the scale seed when it exists, else 100,000
// generated)"; no scale seed exists yet): Historik's four retention rules
// (absences, enrolments, cv_searchability, sought_occupation_history) run
// as the retention job runs them — the dry count, then deletes of 5,000
// until fewer are left — over 100,000 generated citizens with three years
// and a month of Historik each: 4 absences and 2 enrolments whose last
// days, and 2 søgbarhed changes and 4 occupation changes whose moments,
// are spread evenly over the 1,125 days, 1.2 million rows. Each iteration
// is the next day's run: the first deletes the month past the three years
// (the backlog of a job that has not run), each later one a day's rows.
// Reported: the first run, the p50 and p99 of the daily runs, rows
// deleted a day, and the house's floor (a primary-key SELECT through the
// same pool, timed in the same loop). Run with
// go test ./server/storage -run '^$' -bench HistoryRetention -benchtime=30x
func BenchmarkHistoryRetention(b *testing.B) {
	ctx := context.Background()
	db := dbtest.MustOpenDB(b)
	s := storage.New(db, nil)
	const citizens = 100_000
	for _, q := range []string{
		`INSERT INTO organisations (code, kind, name) VALUES ('jc-1', 'jobcenter', 'Jobcenter')`,
		`INSERT INTO citizens (cpr, name, jobcenter_code) SELECT lpad((i / 10000)::text, 6, '0') || '-' || lpad((i % 10000)::text, 4, '0'),
			'Borger ' || i, 'jc-1' FROM generate_series(1, 100000) i`,
		// ?0 is now; day offsets spread each citizen's rows over the span.
		`INSERT INTO absences (citizen_id, kind, from_date, to_date, registered_by)
			SELECT c.id, (ARRAY['sygdom', 'ferie', 'midlertidigt_arbejde', 'barsel'])[k],
				(?0::date - ((c.id * 7 + k * 281) % 1125)::int) - 5, ?0::date - ((c.id * 7 + k * 281) % 1125)::int, 'borger'
			FROM citizens c, generate_series(1, 4) k`,
		`INSERT INTO enrolments (citizen_id, benefit, ledighed, state, from_date, to_date, registered_by)
			SELECT c.id, 'dagpenge', 'helt', 'effektueret', (?0::date - ((c.id * 11 + k * 562) % 1125)::int) - 60,
				?0::date - ((c.id * 11 + k * 562) % 1125)::int, 'borger'
			FROM citizens c, generate_series(1, 2) k`,
		`INSERT INTO cv_searchability_history (citizen_id, searchable, at)
			SELECT c.id, k = 1, ?0::timestamptz - ((c.id * 13 + k * 562) % 1125) * interval '1 day'
			FROM citizens c, generate_series(1, 2) k`,
		`INSERT INTO sought_occupation_history (citizen_id, occupation_id, change, at)
			SELECT c.id, k, 'tilfoejet', ?0::timestamptz - ((c.id * 17 + k * 281) % 1125) * interval '1 day'
			FROM citizens c, generate_series(1, 4) k`,
		`ANALYZE`,
	} {
		if _, err := db.NewRaw(q, now).Exec(ctx); err != nil {
			b.Fatal(err)
		}
	}
	var rules []storage.RetentionRule
	for _, name := range []string{"absences", "enrolments", "cv_searchability", "sought_occupation_history"} {
		rules = append(rules, ruleNamed2(b, name))
	}
	var rows int
	if err := db.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM absences) + (SELECT count(*) FROM enrolments)
		+ (SELECT count(*) FROM cv_searchability_history) + (SELECT count(*) FROM sought_occupation_history)`).Scan(&rows); err != nil {
		b.Fatal(err)
	}
	var citizenID int64
	if err := db.QueryRowContext(ctx, "SELECT min(id) FROM citizens").Scan(&citizenID); err != nil {
		b.Fatal(err)
	}
	// The job (jobs.retentionWorker): count, then delete in batches.
	run := func(at time.Time) int {
		deleted := 0
		for _, r := range rules {
			n, err := s.CountExpired(ctx, r, at)
			if err != nil {
				b.Fatal(err)
			}
			for n > 0 {
				d, err := s.DeleteExpired(ctx, r, at, 5000)
				if err != nil {
					b.Fatal(err)
				}
				deleted += d
				if d < 5000 {
					break
				}
			}
		}
		return deleted
	}
	var first time.Duration
	var firstRows, dailyRows int
	var took, floor []time.Duration
	day := 0
	for b.Loop() {
		at := now.AddDate(0, 0, day)
		start := time.Now()
		n := run(at)
		d := time.Since(start)
		if day == 0 {
			first, firstRows = d, n
		} else {
			took = append(took, d)
			dailyRows += n
		}
		start = time.Now()
		var id int64
		if err := db.DB.QueryRowContext(ctx, "SELECT id FROM citizens WHERE id = $1", pgx.QueryExecModeCacheStatement, citizenID).Scan(&id); err != nil {
			b.Fatal(err)
		}
		floor = append(floor, time.Since(start))
		day++
	}
	b.ReportMetric(float64(citizens), "citizens")
	b.ReportMetric(float64(rows), "rows")
	b.ReportMetric(float64(first.Microseconds())/1000, "first-run-ms")
	b.ReportMetric(float64(firstRows), "first-run-deleted")
	if len(took) > 0 {
		b.ReportMetric(float64(dailyRows)/float64(len(took)), "daily-deleted")
		reportBesideFloor(b, took, floor)
	}
}

// ruleNamed2 is ruleNamed for a benchmark.
func ruleNamed2(b *testing.B, name string) storage.RetentionRule {
	for _, r := range storage.RetentionRules(20 * time.Minute) {
		if r.Name == name {
			return r
		}
	}
	b.Fatalf("no retention rule %s", name)
	return storage.RetentionRule{}
}
