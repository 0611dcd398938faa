package server

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/uptrace/bun"

	"jobnet/server/dbtest"
	"jobnet/shared"
)

func TestMain(m *testing.M) { dbtest.Main(m) }

// testClock is a settable clock for idle-timeout tests.
type testClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *testClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *testClock) Advance(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

type testEnv struct {
	tb    testing.TB
	db    *bun.DB
	srv   *Server
	ts    *httptest.Server
	clock *testClock
}

// fakeWebDir holds a stand-in app.wasm and its precompressed siblings; the
// real one is built by `make build` and used by the browser tests.
func fakeWebDir(t testing.TB) string {
	dir := t.TempDir()
	for name, body := range map[string]string{
		"app.wasm": "\x00asm raw", "app.wasm.br": "brotli-bytes", "app.wasm.gz": "gzip-bytes",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// newTestEnv starts a server with the demo data on a fresh database.
func newTestEnv(t testing.TB) *testEnv {
	t.Helper()
	db := dbtest.MustOpenDB(t)
	loc, err := time.LoadLocation("Europe/Copenhagen")
	if err != nil {
		t.Fatal(err)
	}
	clock := &testClock{t: time.Now().In(loc)}
	if err := SeedDemo(context.Background(), db, clock.Now()); err != nil {
		t.Fatalf("seed: %v", err)
	}
	srv, err := New(db, slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelError})), Config{
		IdleTimeout: 20 * time.Minute, WebDir: fakeWebDir(t), Location: loc, Now: clock.Now,
	})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv)
	t.Cleanup(ts.Close)
	return &testEnv{tb: t, db: db, srv: srv, ts: ts, clock: clock}
}

// client is one browser: a cookie jar against the test server.
type client struct {
	env  *testEnv
	http *http.Client
}

func (e *testEnv) client() *client {
	jar, _ := cookiejar.New(nil)
	return &client{env: e, http: &http.Client{Jar: jar}}
}

type response struct {
	status int
	body   []byte
	header http.Header
}

func (r response) err() *shared.Error {
	var e shared.Error
	_ = json.Unmarshal(r.body, &e)
	return &e
}

func (c *client) do(method, path string, body any, headers ...string) response {
	c.env.tb.Helper()
	var rd io.Reader
	switch b := body.(type) {
	case nil:
	case string:
		rd = strings.NewReader(b)
	default:
		buf, _ := json.Marshal(b)
		rd = bytes.NewReader(buf)
	}
	req, err := http.NewRequest(method, c.env.ts.URL+path, rd)
	if err != nil {
		c.env.tb.Fatal(err)
	}
	if rd != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	resp, err := c.http.Do(req)
	if err != nil {
		c.env.tb.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return response{status: resp.StatusCode, body: b, header: resp.Header}
}

func (c *client) decode(r response, want int, v any) {
	c.env.tb.Helper()
	if r.status != want {
		c.env.tb.Fatalf("status %d, want %d: %s", r.status, want, r.body)
	}
	if v != nil {
		if err := json.Unmarshal(r.body, v); err != nil {
			c.env.tb.Fatalf("decode %s: %v", r.body, err)
		}
	}
}

// loginCitizen signs a demo citizen in and returns the session.
func (c *client) loginCitizen(username string) shared.Session {
	c.env.tb.Helper()
	var s shared.Session
	c.decode(c.do("POST", "/api/login", shared.LoginRequest{Username: username, Password: DemoPassword}), 200, &s)
	return s
}

func (c *client) loginCaseworker(username string) shared.Session {
	c.env.tb.Helper()
	var s shared.Session
	c.decode(c.do("POST", "/api/caseworker/login", shared.LoginRequest{Username: username, Password: DemoPassword}), 200, &s)
	return s
}

// mirror signs a caseworker in and opens the citizen's Jobnet.
func (e *testEnv) mirror(caseworker, cpr string) *client {
	e.tb.Helper()
	c := e.client()
	c.loginCaseworker(caseworker)
	c.decode(c.do("POST", "/api/mirror", shared.MirrorRequest{CPR: cpr}), 200, nil)
	return c
}

const (
	cprMads   = "120385-1231"
	cprLouise = "030792-2468"
	cprPete   = "090688-1122"
	cprSofie  = "170600-4123"
)
