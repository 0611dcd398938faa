package storage_test

import (
	"context"
	"testing"
	"time"

	"jobnet/server/dbtest"
	"jobnet/server/storage"
)

// BenchmarkBehaviourExport: the scheduled job's run over a month of
// 100,000 generated citizens' behaviour events (five each, 500,000), beside
// its floor: the same rows read and scanned, with no pseudonyms and no
// JSON. `go test ./server/storage -run '^$' -bench BehaviourExport -benchtime 3x`.
func BenchmarkBehaviourExport(b *testing.B) {
	ctx := context.Background()
	db := dbtest.MustOpenDB(b)
	store := storage.New(db, nil)
	const citizens, perCitizen = 100_000, 5
	from := time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC)
	to := from.AddDate(0, 1, 0)
	for _, q := range []string{
		`INSERT INTO organisations (code, kind, name) VALUES ('star', 'star', 'STAR') ON CONFLICT DO NOTHING`,
		`INSERT INTO citizens (cpr, name) SELECT lpad(i::text, 6, '0') || '-9999', 'Borger ' || i FROM generate_series(1, 100000) i`,
		`INSERT INTO behaviour_events (session_hash, citizen_id, kind, detail, at)
			SELECT sha256(c.id::text::bytea), c.id, 'page', '/min-plan', ?::timestamptz + (random() * interval '30 days')
			FROM citizens c, generate_series(1, 5)`,
	} {
		if _, err := db.ExecContext(ctx, q, from); err != nil {
			b.Fatal(err)
		}
	}
	if _, err := db.ExecContext(ctx, "ANALYZE behaviour_events"); err != nil {
		b.Fatal(err)
	}
	b.Run("job", func(b *testing.B) {
		for b.Loop() {
			st, err := store.RequestBehaviourExport(ctx, "star", from, to, from)
			if err != nil {
				b.Fatal(err)
			}
			if n, err := store.RunBehaviourExports(ctx, to); n != 1 || err != nil {
				b.Fatal(n, err)
			}
			if st, _, err = store.BehaviourExportFile(ctx, "star", st.ID); err != nil || st.Events != citizens*perCitizen {
				b.Fatal(st, err)
			}
		}
	})
	b.Run("floor", func(b *testing.B) {
		for b.Loop() {
			rows, err := db.DB.QueryContext(ctx, `SELECT citizen_id, session_hash, kind, detail, at FROM behaviour_events
				WHERE at >= $1 AND at < $2 ORDER BY at, id`, from, to)
			if err != nil {
				b.Fatal(err)
			}
			n := 0
			for rows.Next() {
				var cid int64
				var session []byte
				var kind, detail string
				var at time.Time
				if err := rows.Scan(&cid, &session, &kind, &detail, &at); err != nil {
					b.Fatal(err)
				}
				n++
			}
			rows.Close()
			if n != citizens*perCitizen {
				b.Fatal(n)
			}
		}
	})
}
