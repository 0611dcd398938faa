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
	"strings"
	"testing"
	"time"

	"github.com/uptrace/bun"

	"jobnet/server/dbtest"
	"jobnet/server/demo"
	"jobnet/server/servertest"
	"jobnet/server/storage"
	"jobnet/shared"
)

func TestMain(m *testing.M) { dbtest.Main(m) }

type testEnv struct {
	tb    testing.TB
	db    *bun.DB
	store *storage.Store
	srv   *Server
	ts    *httptest.Server
	clock *servertest.Clock
}

// newTestEnv starts a server with the demo data on a fresh database, at
// the pinned moment servertest.Now.
func newTestEnv(t testing.TB) *testEnv {
	t.Helper()
	return newTestEnvWith(t, func(*Config) {})
}

// newTestEnvWith is newTestEnv with a change to the server's
// configuration. The tests' clients all come from one address, so the
// public API's rate limit is off unless a test sets it.
func newTestEnvWith(t testing.TB, configure func(*Config)) *testEnv {
	t.Helper()
	db := dbtest.MustOpenDB(t)
	clock := servertest.NewClock()
	store := storage.New(db, nil)
	if err := demo.Seed(context.Background(), store, clock.Now()); err != nil {
		t.Fatalf("seed: %v", err)
	}
	cfg := Config{IdleTimeout: 20 * time.Minute, WebDir: servertest.WebDir(t), Location: servertest.Copenhagen, Now: clock.Now, PublicRate: -1}
	configure(&cfg)
	srv, err := New(store, slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelError})), cfg)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv)
	t.Cleanup(func() {
		ts.Close()
		if err := srv.Close(context.Background()); err != nil {
			t.Errorf("close: %v", err)
		}
	})
	return &testEnv{tb: t, db: db, store: store, srv: srv, ts: ts, clock: clock}
}

// flush writes down what the server buffers (behaviour events, sessions'
// liveness), for a test that reads the tables.
func (e *testEnv) flush() {
	e.tb.Helper()
	if err := e.srv.Flush(context.Background()); err != nil {
		e.tb.Fatal(err)
	}
}

// client is one browser: a cookie jar against the test server.
type client struct {
	env     *testEnv
	http    *http.Client
	headers []string // sent with every request
}

// withHeader sends the header with every request of the client.
func (c *client) withHeader(name, value string) *client {
	c.headers = append(c.headers, name, value)
	return c
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
	headers = append(append([]string{}, c.headers...), headers...)
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
	c.decode(c.do("POST", "/api/login", shared.LoginRequest{Username: username, Password: demo.Password}), 200, &s)
	return s
}

func (c *client) loginCaseworker(username string) shared.Session {
	c.env.tb.Helper()
	var s shared.Session
	c.decode(c.do("POST", "/api/caseworker/login", shared.LoginRequest{Username: username, Password: demo.Password}), 200, &s)
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
