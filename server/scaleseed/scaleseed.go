// Package scaleseed builds the national-scale data set (issue 15): a
// million citizens with their forløb, plans, joblogs, messages, meetings,
// counters, sessions and history, and a hundred thousand job ads, loaded
// with COPY. It is server-only (cmd/seedscale and its test use it).
//
// The data is a pure function of the seed, the citizen's number and the
// anchor day: citizen i is the same person in every stage, so the stages
// can run (and be redone) one at a time.
//
// Idempotent and resumable: each stage is one transaction that COPYs its
// rows and ends by recording the stage in scale_seed_stages (migration
// 041). A second run skips what is recorded; a stage interrupted midway
// rolled back with its transaction, so it is redone from nothing. The
// ads are the exception — storage.CopyJobAds writes on a connection of its
// own — so their stage first deletes the ads of the scale sender.
//
// Every citizen's login has the one password Password, with ONE argon2id
// hash computed at the start of the citizens stage: argon2 per citizen
// (tens of milliseconds each, by design) would take hours for a million.
package scaleseed

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"slices"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/stdlib"
	"github.com/schollz/progressbar/v3"
	"github.com/uptrace/bun"

	"jobnet/server/findjob"
	"jobnet/server/storage"
	"jobnet/shared"
)

// Password is the password of every generated citizen's login (username
// Username(i)).
const Password = "jobnet-skala-2026"

// AdsSender is the sender (job_ads.sender_org) of the generated ads.
const AdsSender = "skala"

// Config is what to build.
type Config struct {
	Citizens int
	Ads      int
	// Seed fixes the data; the same seed, size and anchor give the same rows.
	Seed uint64
	// Now is the moment of the run; its day (in Now's location) is the
	// anchor of a new data set. A data set already begun keeps its anchor.
	Now time.Time
	// Index is Find Job's index: the ads' occupations and places.
	Index *findjob.Index
	// Progress gets the progress bars (stderr); nil shows none.
	Progress io.Writer
	// Workers is how many stages run at once after the citizens (0: 1).
	Workers int
}

// StageResult is what one stage did.
type StageResult struct {
	Stage   string
	Rows    int64
	Took    time.Duration
	Skipped bool // done by an earlier run
}

// stage is one transaction's worth of the data set.
type stage struct {
	name string
	// run COPYs the stage's rows in tx and returns how many.
	run func(ctx context.Context, tx pgx.Tx, g *generator) (int64, error)
}

// stages in the order they run: the citizens before what refers to them.
var stages = []stage{
	{"organisations", seedOrganisations},
	{"citizens", seedCitizens},
	{"plans", seedPlans},
	{"counters", seedCounters},
	{"joblogs", seedJoblogs},
	{"messages", seedMessages},
	{"meetings", seedMeetings},
	{"history", seedHistory},
}

// StageNames are the stages, the ads last.
func StageNames() []string {
	var out []string
	for _, s := range stages {
		out = append(out, s.name)
	}
	return append(out, "ads")
}

// Run builds the data set in db, stage by stage, skipping stages done.
func Run(ctx context.Context, db *bun.DB, store *storage.Store, cfg Config) ([]StageResult, error) {
	if cfg.Citizens < 1 || cfg.Ads < 0 {
		return nil, fmt.Errorf("scaleseed: %d citizens and %d ads: need at least one citizen", cfg.Citizens, cfg.Ads)
	}
	anchor := shared.DateOf(cfg.Now)
	var begun sql.NullTime
	if err := db.NewRaw(`SELECT min(anchor) FROM scale_seed_stages`).Scan(ctx, &begun); err != nil {
		return nil, err
	}
	if begun.Valid {
		anchor = shared.DateOf(begun.Time)
	}
	places, err := store.JoblogPlaces(ctx)
	if err != nil {
		return nil, err
	}
	g, err := newGenerator(cfg, anchor, places)
	if err != nil {
		return nil, err
	}
	run := func(s stage) (StageResult, error) {
		r, err := runStage(ctx, db, g, s.name, cfg.Citizens, func(ctx context.Context, tx pgx.Tx) (int64, error) {
			return s.run(ctx, tx, g)
		})
		if err != nil {
			err = fmt.Errorf("scaleseed: stage %s: %w", s.name, err)
		}
		return r, err
	}
	// The organisations and the citizens first, one after the other; then
	// the stages that refer to the citizens, two at a time on their own
	// connections: a stage keeps about one core busy (mostly PostgreSQL
	// parsing and indexing what it is sent), and the machine has two.
	var out []StageResult
	var recorded []string
	if err := db.NewRaw(`SELECT stage FROM scale_seed_stages`).Scan(ctx, &recorded); err != nil {
		return nil, err
	}
	// phase is a progress bar, or none when a phase's stages are all done.
	phase := func(names []string, n int, what string) *progressbar.ProgressBar {
		for _, name := range names {
			if !slices.Contains(recorded, name) {
				return g.bar(n, what)
			}
		}
		return nil
	}
	g.phase = phase([]string{"citizens"}, 4*cfg.Citizens, "citizens, forløb, logins") // the citizens stage COPYs four tables
	for _, s := range stages[:2] {
		r, err := run(s)
		if err != nil {
			return out, err
		}
		out = append(out, r)
	}
	if err := withPgx(ctx, db, func(pc *pgx.Conn) error {
		tx, err := pc.Begin(ctx)
		if err != nil {
			return err
		}
		defer tx.Rollback(ctx) //nolint:errcheck // read only
		return g.ids(ctx, tx)
	}); err != nil {
		return out, err
	}
	g.endPhase(true)
	rest := stages[2:]
	g.phase = phase(StageNames()[2:], len(rest)*cfg.Citizens+2*cfg.Citizens+cfg.Ads, "plans, counters, … ads") // history COPYs three tables
	results := make([]StageResult, len(rest)+1)
	errs := make([]error, len(rest)+1)
	next := make(chan int)
	var wg sync.WaitGroup
	for range max(1, cfg.Workers) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range next {
				if k == len(rest) {
					results[k], errs[k] = seedAds(ctx, db, store, g)
					if errs[k] != nil {
						errs[k] = fmt.Errorf("scaleseed: stage ads: %w", errs[k])
					}
					continue
				}
				results[k], errs[k] = run(rest[k])
			}
		}()
	}
	for k := range results {
		if ctx.Err() != nil {
			break
		}
		next <- k
	}
	close(next)
	wg.Wait()
	g.endPhase(ctx.Err() == nil && !slices.ContainsFunc(errs, func(err error) bool { return err != nil }))
	for k, r := range results {
		if r.Stage != "" {
			out = append(out, r)
		}
		if errs[k] != nil {
			return out, errs[k]
		}
	}
	return out, ctx.Err()
}

// done reports whether a stage is recorded, refusing a data set of
// another size: its stages would not fit together.
func done(ctx context.Context, q interface {
	QueryRow(context.Context, string, ...any) pgx.Row
}, name string, size int) (bool, error) {
	var have int
	err := q.QueryRow(ctx, `SELECT size FROM scale_seed_stages WHERE stage = $1`, name).Scan(&have)
	if errors.Is(err, pgx.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	if have != size {
		return false, fmt.Errorf("the database holds a data set of size %d, not %d (start from an empty database)", have, size)
	}
	return true, nil
}

// runStage runs one stage in a transaction of its own on one pgx
// connection, and records it in the same transaction.
func runStage(ctx context.Context, db *bun.DB, g *generator, name string, size int, run func(context.Context, pgx.Tx) (int64, error)) (StageResult, error) {
	res := StageResult{Stage: name}
	start := time.Now()
	err := withPgx(ctx, db, func(pc *pgx.Conn) error {
		ok, err := done(ctx, pc, name, size)
		if err != nil || ok {
			res.Skipped = ok
			return err
		}
		tx, err := pc.Begin(ctx)
		if err != nil {
			return err
		}
		defer tx.Rollback(ctx) //nolint:errcheck // after Commit, a no-op
		// Two runs at once would both find the stage not done: the second
		// waits for the first's transaction, then finds it done.
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock(hashtext('scale_seed_stages'), hashtext($1))`, name); err != nil {
			return err
		}
		if ok, err := done(ctx, tx, name, size); err != nil || ok {
			res.Skipped = ok
			return err
		}
		// lz4 compresses the large documents (plans) several times faster
		// than pglz, PostgreSQL's default; reading them needs nothing.
		// A server built without lz4 keeps its default. The indexes built
		// after the COPY sort in memory.
		if _, err := tx.Exec(ctx, `DO $$ BEGIN SET LOCAL default_toast_compression = 'lz4'; EXCEPTION WHEN OTHERS THEN NULL; END $$`); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `SET LOCAL maintenance_work_mem = '256MB'`); err != nil {
			return err
		}
		if res.Rows, err = run(ctx, tx); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `INSERT INTO scale_seed_stages (stage, anchor, size, rows, done_at) VALUES ($1, $2, $3, $4, now())`,
			name, dateTime(g.today), size, res.Rows); err != nil {
			return err
		}
		return tx.Commit(ctx)
	})
	res.Took = time.Since(start)
	return res, err
}

// withPgx runs f on one of db's connections as pgx's own, for COPY.
func withPgx(ctx context.Context, db *bun.DB, f func(*pgx.Conn) error) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	return conn.Raw(func(dc any) error { return f(dc.(*stdlib.Conn).Conn()) })
}

// seedAds writes the ads with storage.CopyJobAds (server/jobadgen's
// generator), which COPYs on its own connection: the partial ads of an
// interrupted run are deleted first.
func seedAds(ctx context.Context, db *bun.DB, store *storage.Store, g *generator) (StageResult, error) {
	res := StageResult{Stage: "ads"}
	start := time.Now()
	err := withPgx(ctx, db, func(pc *pgx.Conn) error {
		ok, err := done(ctx, pc, "ads", g.cfg.Ads)
		res.Skipped = ok
		return err
	})
	if err != nil || res.Skipped {
		res.Took = time.Since(start)
		return res, err
	}
	if _, err := db.ExecContext(ctx, `DELETE FROM job_ads WHERE sender_org = ?`, AdsSender); err != nil {
		return res, err
	}
	ads, written := g.adGenerator(), 0
	if err := store.CopyJobAds(ctx, AdsSender, g.cfg.Ads, ads.Ad, g.now, func(n int) { g.progress(n - written); written = n }); err != nil {
		return res, err
	}
	if _, err := db.ExecContext(ctx, `ANALYZE job_ads`); err != nil {
		return res, err
	}
	if _, err := db.ExecContext(ctx, `INSERT INTO scale_seed_stages (stage, anchor, size, rows, done_at) VALUES ('ads', ?, ?, ?, now())`,
		dateTime(g.today), g.cfg.Ads, g.cfg.Ads); err != nil {
		return res, err
	}
	res.Rows, res.Took = int64(g.cfg.Ads), time.Since(start)
	return res, nil
}

// copyCitizens COPYs the rows rows(i) makes for each citizen i into
// table, with a progress bar over the citizens.
func copyCitizens(ctx context.Context, tx pgx.Tx, g *generator, table string, cols []string, rows func(i int, out [][]any) ([][]any, error)) (int64, error) {
	// The table's indexes that back no constraint are built after the
	// COPY instead of row by row (much faster at a million citizens),
	// from their own definitions, in the same transaction.
	indexes, err := dropIndexes(ctx, tx, table)
	if err != nil {
		return 0, err
	}
	var buf [][]any
	i := 0
	src := pgx.CopyFromFunc(func() ([]any, error) {
		for len(buf) == 0 {
			if i == g.cfg.Citizens {
				return nil, nil
			}
			var err error
			if buf, err = rows(i, buf[:0]); err != nil {
				return nil, err
			}
			i++
			if i%1000 == 0 {
				g.progress(1000)
			}
		}
		r := buf[0]
		buf = buf[1:]
		return r, nil
	})
	n, err := tx.CopyFrom(ctx, pgx.Identifier{table}, cols, src)
	g.progress(i % 1000)
	if err != nil {
		return n, err
	}
	for _, def := range indexes {
		if _, err := tx.Exec(ctx, def); err != nil {
			return n, err
		}
	}
	return n, analyze(ctx, tx, table)
}

// analyze gathers the table's statistics as part of the stage: left to
// autovacuum, the large tables had none minutes after a million-citizen
// run, and the pages' queries planned without them took 15-50 ms instead
// of 1-3 ms (the front page, the Joblog). A sample: a third of a second
// for the 11.7 million joblogs.
func analyze(ctx context.Context, tx interface {
	Exec(context.Context, string, ...any) (pgconn.CommandTag, error)
}, table string) error {
	_, err := tx.Exec(ctx, "ANALYZE "+pgx.Identifier{table}.Sanitize())
	return err
}

// dropIndexes drops table's indexes that back no constraint (primary
// key, unique, exclusion: those stay) and returns their definitions.
func dropIndexes(ctx context.Context, tx pgx.Tx, table string) ([]string, error) {
	rows, err := tx.Query(ctx, `SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid)
		FROM pg_index i
		WHERE i.indrelid = $1::regclass
		  AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)`, table)
	if err != nil {
		return nil, err
	}
	var names, defs []string
	for rows.Next() {
		var name, def string
		if err := rows.Scan(&name, &def); err != nil {
			return nil, err
		}
		names, defs = append(names, name), append(defs, def)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for _, name := range names {
		if _, err := tx.Exec(ctx, "DROP INDEX "+name); err != nil {
			return nil, err
		}
	}
	return defs, nil
}

// progress counts n more citizens (or ads) done on the bar of the
// phase, or of the table.
func (g *generator) progress(n int) {
	if g.phase != nil {
		_ = g.phase.Add(n)
	}
}

// endPhase ends the phase's bar: finished, or left where it stopped.
func (g *generator) endPhase(ok bool) {
	if g.phase == nil {
		return
	}
	if ok {
		_ = g.phase.Finish()
	} else {
		_ = g.phase.Exit()
	}
	g.phase = nil
}

// bar is a progress bar on the configured writer.
func (g *generator) bar(n int, what string) *progressbar.ProgressBar {
	w := g.cfg.Progress
	if w == nil {
		w = io.Discard
	}
	return progressbar.NewOptions(n, progressbar.OptionSetWriter(w), progressbar.OptionSetDescription(fmt.Sprintf("%-28s", what)),
		progressbar.OptionShowCount(), progressbar.OptionShowIts(), progressbar.OptionThrottle(500*time.Millisecond),
		progressbar.OptionOnCompletion(func() { fmt.Fprintln(w) }))
}

// dateTime is a date as pgx writes a date column.
func dateTime(d shared.Date) time.Time {
	return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC)
}
