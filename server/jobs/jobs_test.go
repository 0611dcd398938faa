package jobs

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/riverqueue/river"
	"github.com/uptrace/bun"

	"jobnet/server/dbtest"
	"jobnet/server/demo"
	"jobnet/server/servertest"
	"jobnet/server/storage"
	"jobnet/shared"
)

func TestMain(m *testing.M) { dbtest.Main(m) }

// noteArgs is a job of the tests: it notes its word.
type noteArgs struct {
	Word string `json:"word"`
}

func (noteArgs) Kind() string { return "test_note" }

type noteWorker struct {
	river.WorkerDefaults[noteArgs]
	mu    sync.Mutex
	words []string
	done  chan string
}

func (w *noteWorker) Work(_ context.Context, job *river.Job[noteArgs]) error {
	w.mu.Lock()
	w.words = append(w.words, job.Args.Word)
	w.mu.Unlock()
	w.done <- job.Args.Word
	return nil
}

func newQueue(t *testing.T, db *bun.DB, cfg Config) *Jobs {
	t.Helper()
	q, err := New(db, slog.New(slog.NewTextHandler(io.Discard, nil)), cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := q.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		_ = q.Stop(ctx)
	})
	return q
}

// A job enqueued in a transaction that rolls back never runs; one in a
// transaction that commits does; one tried in a mirror session's read-only
// transaction is refused by PostgreSQL.
func TestEnqueueInTransaction(t *testing.T) {
	db := dbtest.MustOpenDB(t)
	w := &noteWorker{done: make(chan string, 10)}
	q := newQueue(t, db, Config{Work: true, PollEvery: 100 * time.Millisecond,
		addWorkers: func(ws *river.Workers) { river.AddWorker(ws, w) }})
	store := storage.New(db, q)
	ctx := context.Background()
	if err := demo.Seed(ctx, store, servertest.Now); err != nil {
		t.Fatal(err)
	}
	mads, err := store.CitizenByCPR(ctx, "120385-1231")
	if err != nil {
		t.Fatal(err)
	}
	c := store.Citizen(mads.ID)
	rollback := errors.New("the change failed")
	err = c.InTx(ctx, func(ctx context.Context, c storage.Citizen) error {
		if err := c.SetEures(ctx, shared.EuresSetting{Visible: true}, servertest.Now); err != nil {
			return err
		}
		if err := c.Enqueue(ctx, noteArgs{Word: "rolled-back"}); err != nil {
			return err
		}
		return rollback
	})
	if !errors.Is(err, rollback) {
		t.Fatal(err)
	}
	if err := c.InTx(ctx, func(ctx context.Context, c storage.Citizen) error {
		return c.Enqueue(ctx, noteArgs{Word: "committed"})
	}); err != nil {
		t.Fatal(err)
	}
	var pgErr *pgconn.PgError
	err = store.ReadOnly(ctx, mads.ID, func(ctx context.Context, c storage.Citizen) error {
		return c.Enqueue(ctx, noteArgs{Word: "mirror"})
	})
	if !errors.As(err, &pgErr) || pgErr.Code != "25006" {
		t.Errorf("enqueue in a read-only transaction: %v, want read_only_sql_transaction", err)
	}
	if err := c.Enqueue(ctx, noteArgs{Word: "outside"}); err == nil {
		t.Error("a job enqueued outside a transaction")
	}
	select {
	case word := <-w.done:
		if word != "committed" {
			t.Fatalf("worked %q", word)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("the committed job did not run")
	}
	// Give a wrongly queued job time to show up: the worker polls every
	// 100 ms, so a second is ten chances.
	time.Sleep(time.Second)
	w.mu.Lock()
	defer w.mu.Unlock()
	if !slices.Equal(w.words, []string{"committed"}) {
		t.Errorf("worked %q, want only the committed job", w.words)
	}
	if e, _ := c.Eures(ctx); e.Visible {
		t.Error("the rolled-back change is in the database")
	}
}

// TestRetention: each rule deletes exactly the rows past its period — the
// row a second past the cutoff goes, the row at the cutoff stays — and a
// dry run deletes nothing.
func TestRetention(t *testing.T) {
	db := dbtest.MustOpenDB(t)
	ctx := context.Background()
	store := storage.New(db, nil)
	now := servertest.Now
	if err := demo.Seed(ctx, store, now.AddDate(-2, 0, 0)); err != nil { // old demo data: logins two years back
		t.Fatal(err)
	}
	mads, err := store.CitizenByCPR(ctx, "120385-1231")
	if err != nil {
		t.Fatal(err)
	}
	idle := 20 * time.Minute
	cut := map[string]time.Time{}
	for _, r := range storage.RetentionRules(idle) {
		cut[r.Name] = r.Cutoff(now)
	}
	exec := func(q string, args ...any) {
		t.Helper()
		if _, err := db.ExecContext(ctx, q, args...); err != nil {
			t.Fatal(err)
		}
	}
	exec("DELETE FROM login_events")
	exec("DELETE FROM sessions")
	// Login history: past the cutoff by a second, at it, and recent.
	for _, at := range []time.Time{cut["login_history"].Add(-time.Second), cut["login_history"], now} {
		exec("INSERT INTO login_events (citizen_id, at, name) VALUES (?, ?, 'x')", mads.ID, at)
	}
	// Sessions: ended past the cutoff, ended at it, idle past it (never
	// ended), idle but within it, live.
	var acc int64
	if err := db.QueryRowContext(ctx, "SELECT id FROM citizen_accounts WHERE citizen_id = ?", mads.ID).Scan(&acc); err != nil {
		t.Fatal(err)
	}
	session := func(tag string, lastSeen time.Time, ended *time.Time) {
		exec("INSERT INTO sessions (token_hash, account_id, created_at, last_seen_at, last_path, ended_at) VALUES (?, ?, ?, ?, ?, ?)",
			[]byte(tag), acc, lastSeen, lastSeen, tag, ended)
	}
	ptr := func(t time.Time) *time.Time { return &t }
	c := cut["sessions"]
	session("ended-past", c.Add(-time.Hour), ptr(c.Add(-time.Second)))
	session("ended-at", c.Add(-time.Hour), ptr(c))
	session("idle-past", c.Add(-idle-time.Second), nil)
	session("idle-at", c.Add(-idle), nil)
	session("live", now, nil)
	// Behaviour events.
	for i, at := range []time.Time{cut["behaviour_events"].Add(-time.Second), cut["behaviour_events"], now} {
		exec("INSERT INTO behaviour_events (session_hash, citizen_id, kind, detail, at) VALUES ('x', ?, 'Login', ?, ?)", mads.ID, i, at)
	}

	run := func(dryRun bool) {
		t.Helper()
		w := &retentionWorker{store: store, log: slog.New(slog.NewTextHandler(io.Discard, nil)), now: func() time.Time { return now }, idle: idle, dryRun: dryRun}
		for _, r := range storage.RetentionRules(idle) {
			if err := w.Work(ctx, &river.Job[RetentionArgs]{Args: RetentionArgs{Rule: r.Name}}); err != nil {
				t.Fatal(err)
			}
		}
	}
	count := func(q string) int {
		var n int
		if err := db.QueryRowContext(ctx, q).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	run(true)
	if n := count("SELECT count(*) FROM login_events") + count("SELECT count(*) FROM sessions") + count("SELECT count(*) FROM behaviour_events"); n != 11 {
		t.Fatalf("a dry run deleted rows: %d left of 11", n)
	}
	run(false)
	if n := count("SELECT count(*) FROM login_events"); n != 2 {
		t.Errorf("login history: %d rows left, want the one at the cutoff and the recent one", n)
	}
	var left []string
	rows, err := db.QueryContext(ctx, "SELECT last_path FROM sessions ORDER BY last_path")
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var p string
		_ = rows.Scan(&p)
		left = append(left, p)
	}
	if !slices.Equal(left, []string{"ended-at", "idle-at", "live"}) {
		t.Errorf("sessions left: %q", left)
	}
	if n := count("SELECT count(*) FROM behaviour_events WHERE detail IN ('1', '2')"); n != 2 || count("SELECT count(*) FROM behaviour_events") != 2 {
		t.Errorf("behaviour events: the one past the cutoff should be the only one gone")
	}
	// Running again deletes nothing more: a retried job does no harm.
	run(false)
	if n := count("SELECT count(*) FROM login_events") + count("SELECT count(*) FROM sessions") + count("SELECT count(*) FROM behaviour_events"); n != 7 {
		t.Errorf("a second run deleted more: %d left", n)
	}
}

// TestPeriodicRetention: a worker process schedules the retention rules on
// start, and they run.
func TestPeriodicRetention(t *testing.T) {
	db := dbtest.MustOpenDB(t)
	newQueue(t, db, Config{Work: true, PollEvery: 100 * time.Millisecond, Now: func() time.Time { return servertest.Now }, IdleTimeout: 20 * time.Minute})
	deadline := time.Now().Add(15 * time.Second)
	for {
		var n int
		if err := db.QueryRowContext(context.Background(),
			"SELECT count(DISTINCT args->>'rule') FROM river_job WHERE kind = 'retention' AND state = 'completed'").Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n == len(storage.RetentionRules(20*time.Minute)) {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d of the retention rules ran", n)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// A job outlives the process that enqueued it: enqueued by a server that
// works no jobs (or that stopped), it is worked by the next worker to start.
func TestJobSurvivesRestart(t *testing.T) {
	db := dbtest.MustOpenDB(t)
	ctx := context.Background()
	enqueuer, err := New(db, slog.New(slog.NewTextHandler(io.Discard, nil)), Config{Work: false})
	if err != nil {
		t.Fatal(err)
	}
	if err := enqueuer.Start(ctx); err != nil { // works nothing
		t.Fatal(err)
	}
	store := storage.New(db, enqueuer)
	if err := demo.Seed(ctx, store, servertest.Now); err != nil {
		t.Fatal(err)
	}
	mads, err := store.CitizenByCPR(ctx, "120385-1231")
	if err != nil {
		t.Fatal(err)
	}
	if err := store.Citizen(mads.ID).InTx(ctx, func(ctx context.Context, c storage.Citizen) error {
		return c.Enqueue(ctx, noteArgs{Word: "after the restart"})
	}); err != nil {
		t.Fatal(err)
	}
	if err := enqueuer.Stop(ctx); err != nil {
		t.Fatal(err)
	}
	w := &noteWorker{done: make(chan string, 1)}
	newQueue(t, db, Config{Work: true, PollEvery: 100 * time.Millisecond, addWorkers: func(ws *river.Workers) { river.AddWorker(ws, w) }})
	select {
	case word := <-w.done:
		if word != "after the restart" {
			t.Errorf("worked %q", word)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("the job enqueued before the restart did not run")
	}
}
