package dbtest

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/uptrace/bun"
)

func TestMain(m *testing.M) { Main(m) }

func TestTwoDatabases(t *testing.T) {
	ctx := context.Background()
	t0 := time.Now()
	db1 := MustOpenDB(t)
	t.Logf("first MustOpenDB (incl. server start if embedded): %v", time.Since(t0))
	t0 = time.Now()
	db2 := MustOpenDB(t)
	t.Logf("second MustOpenDB (a copy of the migrated template): %v", time.Since(t0))

	n1, n2 := currentDB(t, db1), currentDB(t, db2)
	if n1 == n2 {
		t.Fatalf("both DBs are %s", n1)
	}
	for name, db := range map[string]*bun.DB{n1: db1, n2: db2} {
		var reg *string
		if err := db.QueryRowContext(ctx, "SELECT to_regclass('bun_migrations')::text").Scan(&reg); err != nil {
			t.Fatal(err)
		}
		if reg == nil {
			t.Fatalf("%s: table bun_migrations missing", name)
		}
		var applied int
		if err := db.QueryRowContext(ctx, "SELECT count(*) FROM bun_migrations").Scan(&applied); err != nil {
			t.Fatal(err)
		}
		if applied == 0 {
			t.Errorf("%s: no migrations recorded", name)
		}
	}

	// Isolation: a table created in one is absent from the other.
	if _, err := db1.ExecContext(ctx, "CREATE TABLE only_in_db1 (x int)"); err != nil {
		t.Fatal(err)
	}
	var reg *string
	if err := db2.QueryRowContext(ctx, "SELECT to_regclass('only_in_db1')::text").Scan(&reg); err != nil {
		t.Fatal(err)
	}
	if reg != nil {
		t.Errorf("table created in %s is visible in %s", n1, n2)
	}
}

func currentDB(t *testing.T, db *bun.DB) string {
	t.Helper()
	var name string
	if err := db.QueryRowContext(context.Background(), "SELECT current_database()").Scan(&name); err != nil {
		t.Fatal(err)
	}
	return name
}

func TestDroppedAtCleanup(t *testing.T) {
	var name string
	t.Run("inner", func(t *testing.T) {
		db := MustOpenDB(t)
		name = currentDB(t, db)
		// An open connection must not block the drop (WITH (FORCE)).
		if _, err := db.Conn(context.Background()); err != nil {
			t.Fatal(err)
		}
	})
	s, err := getServer()
	if err != nil {
		t.Fatal(err)
	}
	var exists bool
	if err := s.admin.QueryRowContext(context.Background(),
		"SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)", name).Scan(&exists); err != nil {
		t.Fatal(err)
	}
	if exists {
		t.Errorf("database %s still exists after cleanup", name)
	}
}

func TestParallel(t *testing.T) {
	for i := range 8 {
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			t.Parallel()
			db := MustOpenDB(t)
			if _, err := db.ExecContext(context.Background(), "SELECT 1"); err != nil {
				t.Fatal(err)
			}
		})
	}
}

func BenchmarkMustOpenDB(b *testing.B) {
	MustOpenDB(b) // server start stays outside the measurement
	b.ResetTimer()
	for range b.N {
		MustOpenDB(b)
	}
}

func TestWithDBName(t *testing.T) {
	for in, want := range map[string]string{
		"postgres://u:p@h:5432/app?sslmode=disable":            "postgres://u:p@h:5432/x?sslmode=disable",
		"postgres://postgres@/postgres?host=/tmp/pg&port=5432": "postgres://postgres@/x?host=/tmp/pg&port=5432",
		"host=/tmp user=u dbname=app":                          "host=/tmp user=u dbname=app dbname=x",
	} {
		if got := withDBName(in, "x"); got != want {
			t.Errorf("withDBName(%q) = %q, want %q", in, got, want)
		}
	}
}
