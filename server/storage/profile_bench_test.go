package storage_test

import (
	"context"
	"testing"
	"time"

	"jobnet/server/dbtest"
	"jobnet/server/storage"
)

// BenchmarkProfileRetention: Brugerprofil's two retention rules
// (email_codes, temporary_addresses) over 100,000 generated citizens,
// each with a code and a temporary address, half of them past the rule.
// Every iteration plants the rows again (untimed), then runs both rules
// to the end in batches of 1,000 as the job does (retentionWorker), and
// times before it a floor in the same loop: a sequential scan of both
// planted tables (count(*)), the least a rule that reads every row costs.
// go test ./server/storage -run '^$' -bench ProfileRetention -benchtime 3x
func BenchmarkProfileRetention(b *testing.B) {
	ctx := context.Background()
	db := dbtest.MustOpenDB(b)
	s := storage.New(db, nil)
	const citizens = 100_000
	if _, err := db.ExecContext(ctx, `INSERT INTO citizens (cpr, name)
		SELECT lpad((i / 10000)::text, 6, '0') || '-' || lpad((i % 10000)::text, 4, '0'), 'Borger ' || i
		FROM generate_series(0, ?) i`, citizens-1); err != nil {
		b.Fatal(err)
	}
	plant := func() {
		for _, q := range []string{
			`TRUNCATE email_codes, temporary_addresses`,
			// Even ids: a code of eight days ago and an address ended eight days ago.
			`INSERT INTO email_codes (citizen_id, email, code_hash, created_at, expires_at)
				SELECT id, 'b' || id || '@example.dk', '\x00', ?::timestamptz - (CASE WHEN id % 2 = 0 THEN interval '8 days' ELSE interval '1 hour' END),
				?::timestamptz FROM citizens`,
			`INSERT INTO temporary_addresses (citizen_id, street, postcode, city, from_date, to_date)
				SELECT id, 'Vej ' || id, '8000', 'Aarhus', ?::date - 30 - (CASE WHEN id % 2 = 0 THEN 8 ELSE -40 END),
				?::date - (CASE WHEN id % 2 = 0 THEN 8 ELSE -40 END) FROM citizens`,
			`ANALYZE email_codes, temporary_addresses`,
		} {
			if _, err := db.ExecContext(ctx, q, now, now); err != nil {
				b.Fatal(err)
			}
		}
	}
	var rules []storage.RetentionRule
	for _, r := range storage.RetentionRules(20 * time.Minute) {
		if r.Name == "email_codes" || r.Name == "temporary_addresses" {
			rules = append(rules, r)
		}
	}
	var took, floor time.Duration
	n := 0
	b.ResetTimer()
	for b.Loop() {
		b.StopTimer()
		plant()
		b.StartTimer()
		t1 := time.Now()
		var c1, c2 int
		if err := db.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM email_codes), (SELECT count(*) FROM temporary_addresses)`).Scan(&c1, &c2); err != nil {
			b.Fatal(err)
		}
		floor += time.Since(t1)
		if c1 != citizens || c2 != citizens {
			b.Fatalf("planted %d codes and %d addresses", c1, c2)
		}
		t0 := time.Now()
		deleted := 0
		for _, r := range rules {
			for {
				k, err := s.DeleteExpired(ctx, r, now, 1000)
				if err != nil {
					b.Fatal(err)
				}
				deleted += k
				if k < 1000 {
					break
				}
			}
		}
		took += time.Since(t0)
		if deleted != citizens {
			b.Fatalf("deleted %d, want %d", deleted, citizens)
		}
		n++
	}
	b.ReportMetric(float64(took.Milliseconds())/float64(n), "rules-ms/op")
	b.ReportMetric(float64(floor.Microseconds())/1000/float64(n), "floor-ms/op")
}
