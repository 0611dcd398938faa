package storage_test

import (
	"context"
	"flag"
	"fmt"
	"testing"
	"time"

	"jobnet/server/dbtest"
	"jobnet/server/storage"
	"jobnet/shared"
)

var (
	benchRaskCitizens = flag.Int("fravaer.citizens", 100_000, "citizens in BenchmarkApplyRaskmeldinger")
	benchRaskDue      = flag.Int("fravaer.due", 1_000, "raskmeldinger due on the run's day")
)

// BenchmarkApplyRaskmeldinger is the daily scheduled job of Fravær
// (storage.ApplyRaskmeldinger) over 100,000 generated citizens, each with
// a sygemelding (the worst case: everyone sick), of whom 1,000 gave a
// raskmelding for the run's day; half of the citizens have an a-kasse, so
// the feed gets one or two events each. Every iteration puts the due
// raskmeldinger back (outside the timer) and runs the job. The floor, in
// the same run, is the least the run can do: one statement that finds the
// due rows by their index and ends them all, without the per-citizen
// lock, the transaction per citizen or the events.
// go test ./server/storage -run '^$' -bench ApplyRaskmeldinger
func BenchmarkApplyRaskmeldinger(b *testing.B) {
	ctx := context.Background()
	db := dbtest.MustOpenDB(b)
	s := storage.New(db, nil)
	today := shared.DateOf(now)
	started := time.Now()
	if err := s.Seed(ctx, storage.Seed{Organisations: []shared.Organisation{{Code: "jc-1", Kind: shared.OrgJobcenter, Name: "Jobcenter"},
		{Code: "ak-1", Kind: shared.OrgAKasse, Name: "A-kasse"}}}, now); err != nil {
		b.Fatal(err)
	}
	for _, stmt := range []string{
		`INSERT INTO citizens (cpr, name, jobcenter_code, akasse_code)
			SELECT lpad((i % 1000000)::text, 6, '0') || '-' || lpad((i / 1000000)::text, 4, '0'), 'Borger ' || i, 'jc-1',
				CASE WHEN i % 2 = 0 THEN 'ak-1' END
			FROM generate_series(1, ?) AS i`,
		`INSERT INTO absences (citizen_id, kind, from_date, registered_by, registered_at)
			SELECT id, 'sygdom', ?::date - 10, 'borger', ? FROM citizens`,
		`ANALYZE citizens`, `ANALYZE absences`,
	} {
		var args []any
		switch {
		case stmt[:6] == "INSERT" && stmt[12:20] == "citizens":
			args = []any{*benchRaskCitizens}
		case stmt[:6] == "INSERT":
			args = []any{today.String(), now}
		}
		if _, err := db.NewRaw(stmt, args...).Exec(ctx); err != nil {
			b.Fatal(err)
		}
	}
	fmt.Printf("%d citizens with a sygemelding made in %s\n", *benchRaskCitizens, time.Since(started).Round(time.Millisecond))
	due := func(b *testing.B) {
		b.Helper()
		if _, err := db.NewRaw(`UPDATE absences SET to_date = NULL, closed_at = NULL, closed_by = NULL, rask_fra = NULL, rask_by = NULL
			WHERE rask_fra IS NOT NULL OR to_date IS NOT NULL`).Exec(ctx); err != nil {
			b.Fatal(err)
		}
		if _, err := db.NewRaw(`UPDATE absences SET rask_fra = ?, rask_by = 'borger' WHERE id IN (SELECT id FROM absences ORDER BY id LIMIT ?)`,
			today.String(), *benchRaskDue).Exec(ctx); err != nil {
			b.Fatal(err)
		}
		if _, err := db.Exec("TRUNCATE absence_events"); err != nil {
			b.Fatal(err)
		}
	}
	b.Run("job", func(b *testing.B) {
		for b.Loop() {
			b.StopTimer()
			due(b)
			b.StartTimer()
			n, err := s.ApplyRaskmeldinger(ctx, today, now)
			if err != nil || n != *benchRaskDue {
				b.Fatalf("ended %d, %v", n, err)
			}
		}
	})
	b.Run("floor", func(b *testing.B) {
		for b.Loop() {
			b.StopTimer()
			due(b)
			b.StartTimer()
			res, err := db.NewRaw(`UPDATE absences SET to_date = greatest(from_date, rask_fra - 1), closed_at = ?, closed_by = 'system',
				rask_fra = NULL, rask_by = NULL WHERE rask_fra <= ?`, now, today.String()).Exec(ctx)
			if err != nil {
				b.Fatal(err)
			}
			if n, _ := res.RowsAffected(); int(n) != *benchRaskDue {
				b.Fatalf("ended %d", n)
			}
		}
	})
}
