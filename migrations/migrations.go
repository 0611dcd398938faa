// Package migrations holds the SQL schema as embedded, numbered bun/migrate
// files (NNN_name.tx.up.sql / .tx.down.sql) and applies them, together with
// the tables of the job queue (River's own migrations) and the reference
// data of the taxonomy's release (storage.LoadReference).
package migrations

import (
	"context"
	"embed"
	"fmt"
	"time"

	"github.com/riverqueue/river/riverdriver/riverdatabasesql"
	"github.com/riverqueue/river/rivermigrate"
	"github.com/uptrace/bun"
	"github.com/uptrace/bun/migrate"

	"jobnet/server/findjob"
	"jobnet/server/storage"
)

//go:embed *.sql
var files embed.FS

// advisoryLockKey serialises concurrent migrators (two servers, parallel test
// packages) before bun/migrate creates its own tables; bun's lock row then
// guards the migration run itself.
const advisoryLockKey = 0x6a6f626e6574 // "jobnet"

// Migrate brings the schema up to date, holding the migration lock.
func Migrate(ctx context.Context, db *bun.DB) error {
	ms := migrate.NewMigrations()
	if err := ms.Discover(files); err != nil {
		return fmt.Errorf("discover migrations: %w", err)
	}
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "SELECT pg_advisory_lock(?)", advisoryLockKey); err != nil {
		return fmt.Errorf("advisory lock: %w", err)
	}
	defer conn.ExecContext(context.WithoutCancel(ctx), "SELECT pg_advisory_unlock(?)", advisoryLockKey)

	m := migrate.NewMigrator(db, ms)
	if err := m.Init(ctx); err != nil {
		return fmt.Errorf("init migrations: %w", err)
	}
	if err := m.Lock(ctx); err != nil {
		return fmt.Errorf("migration lock: %w", err)
	}
	defer m.Unlock(context.WithoutCancel(ctx))
	if _, err := m.Migrate(ctx); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	river, err := rivermigrate.New(riverdatabasesql.New(db.DB), nil)
	if err != nil {
		return err
	}
	if _, err := river.Migrate(ctx, rivermigrate.DirectionUp, nil); err != nil {
		return fmt.Errorf("migrate the job queue: %w", err)
	}
	ix, err := findjob.Default()
	if err != nil {
		return err
	}
	if _, err := storage.LoadReference(ctx, db, ix, time.Now()); err != nil {
		return fmt.Errorf("load the reference data: %w", err)
	}
	return nil
}
