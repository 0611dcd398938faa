package server

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"jobnet/migrations"
	"jobnet/server/demo"
	"jobnet/server/pgembed"
	"jobnet/server/servertest"
	"jobnet/server/storage"
	"jobnet/shared"
)

// TestDatabaseRestart stops PostgreSQL under load and starts it again
// (issue 15): while it is down every request is answered at once with 503,
// Retry-After and the structured Danish error (never a hang, never a 500
// with internals); reads and writes are answered again within 5 s of its
// return; no acknowledged write is lost; and neither goroutines nor
// connections are left behind. It runs its own cluster, which it may stop.
func TestDatabaseRestart(t *testing.T) {
	if testing.Short() {
		t.Skip("starts and stops its own PostgreSQL")
	}
	dir, err := os.MkdirTemp("", "jn-restart-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	if err := os.Chmod(dir, 0o755); err != nil { // postgres runs as another user under root
		t.Fatal(err)
	}
	ctx := context.Background()
	start := func() *pgembed.Cluster {
		c, err := pgembed.StartEphemeral(ctx, filepath.Join(dir, "data"), nil)
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	cluster := start()
	t.Cleanup(func() { cluster.Stop() })
	db, err := storage.Open(cluster.DSN("postgres"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	clock := servertest.NewClock()
	store := storage.New(db, nil)
	if err := migrations.Migrate(ctx, db); err != nil {
		t.Fatal(err)
	}
	if err := demo.Seed(ctx, store, clock.Now()); err != nil {
		t.Fatal(err)
	}
	srv, err := New(store, slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelError})),
		Config{IdleTimeout: 20 * time.Minute, WebDir: servertest.WebDir(t), Location: servertest.Copenhagen, Now: clock.Now, PublicRate: -1})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv)
	defer ts.Close()
	env := &testEnv{tb: t, db: db, store: store, srv: srv, ts: ts, clock: clock}
	citizens := make([]*client, 4)
	for i := range citizens {
		citizens[i] = env.client()
		citizens[i].loginCitizen("mads")
	}
	goroutinesBefore := runtime.NumGoroutine()

	// The load: each citizen writes joblogs and reads the list, as fast
	// as answers come, and keeps the titles of the writes acknowledged.
	var (
		mu           sync.Mutex
		acknowledged []string
		answers      = map[int]int{}
		down         atomic.Bool
		downAnswers  []int
		slowest      time.Duration
		stop         = make(chan struct{})
		wg           sync.WaitGroup
	)
	for i, c := range citizens {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for n := 0; ; n++ {
				select {
				case <-stop:
					return
				default:
				}
				title := fmt.Sprintf("Genstart %d-%d", i, n)
				began := time.Now()
				wasDown := down.Load()
				status, header, body, err := c.send(http.MethodPost, shared.APIJoblogs, mustJSON(t, apiJoblog(title, "Firma")), "application/json")
				if err != nil {
					t.Errorf("write %s: %v", title, err)
					return
				}
				took := time.Since(began)
				checkOutage(t, "write "+title, status, header, body)
				mu.Lock()
				answers[status]++
				if status == http.StatusCreated || status == http.StatusOK {
					acknowledged = append(acknowledged, title)
				}
				if wasDown && down.Load() {
					downAnswers = append(downAnswers, status)
					slowest = max(slowest, took)
				}
				mu.Unlock()
				rs, rh, rb, err := c.send(http.MethodGet, shared.APIJoblogs, nil, "")
				if err != nil {
					t.Errorf("read: %v", err)
					return
				}
				checkOutage(t, "read", rs, rh, rb)
				time.Sleep(5 * time.Millisecond)
			}
		}()
	}

	time.Sleep(500 * time.Millisecond)
	if err := cluster.Stop(); err != nil {
		t.Fatal(err)
	}
	down.Store(true)
	time.Sleep(time.Second)
	down.Store(false)
	cluster = start()
	back := time.Now()
	// Answered again within 5 s of its return.
	recovered := time.Duration(-1)
	for time.Since(back) < 10*time.Second {
		status, _, _, err := citizens[0].send(http.MethodGet, shared.APIJoblogs, nil, "")
		if err == nil && status == http.StatusOK {
			recovered = time.Since(back)
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	time.Sleep(300 * time.Millisecond) // writes after the return
	close(stop)
	wg.Wait()

	t.Logf("answers %v; while down: %d answers, the slowest %v; answered again %v after the database's return", answers, len(downAnswers), slowest, recovered)
	if recovered < 0 || recovered > 5*time.Second {
		t.Errorf("answered again after %v, want within 5 s", recovered)
	}
	if len(downAnswers) == 0 {
		t.Fatal("no request was answered while the database was down: the test did not test")
	}
	for _, s := range downAnswers {
		if s != http.StatusServiceUnavailable {
			t.Errorf("while down: %d, want 503", s)
		}
	}
	if slowest > 2*time.Second {
		t.Errorf("while down the slowest answer took %v: it should come at once", slowest)
	}

	// No acknowledged write is lost.
	var kept []string
	if err := db.NewRaw(`SELECT title FROM joblogs WHERE title LIKE 'Genstart %'`).Scan(ctx, &kept); err != nil {
		t.Fatal(err)
	}
	have := map[string]bool{}
	for _, k := range kept {
		have[k] = true
	}
	lost := 0
	for _, a := range acknowledged {
		if !have[a] {
			lost++
		}
	}
	t.Logf("%d writes acknowledged, %d lost", len(acknowledged), lost)
	if lost > 0 || len(acknowledged) == 0 {
		t.Errorf("%d of %d acknowledged writes lost", lost, len(acknowledged))
	}

	// Nothing left behind.
	for _, c := range citizens {
		c.http.CloseIdleConnections()
	}
	if st := db.Stats(); st.InUse != 0 || st.OpenConnections > storage.MaxConns {
		t.Errorf("connections after the load: %d in use, %d open", st.InUse, st.OpenConnections)
	}
	deadline := time.Now().Add(3 * time.Second)
	for runtime.NumGoroutine() > goroutinesBefore+2 && time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > goroutinesBefore+2 {
		buf := make([]byte, 1<<16)
		t.Errorf("%d goroutines after the load, %d before:\n%s", n, goroutinesBefore, buf[:runtime.Stack(buf, true)])
	}
}

// checkOutage is checkAnswer, but for the 503 of a database out of reach,
// which must carry Retry-After and the structured error.
func checkOutage(t testing.TB, what string, status int, header http.Header, body []byte) {
	t.Helper()
	if status != http.StatusServiceUnavailable {
		checkAnswer(t, what, false, status, header, body)
		return
	}
	var e shared.Error
	if json.Unmarshal(body, &e) != nil || e.Code != shared.EUnavailable || header.Get("Retry-After") == "" {
		t.Errorf("%s: 503 %q without Retry-After or the structured error: %s", what, header.Get("Retry-After"), body)
	}
}
