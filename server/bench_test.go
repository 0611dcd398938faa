package server

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"jobnet/server/dbtest"
)

// benchOverview measures GET /api/overview through the whole handler chain
// (session lookup, authorization, query, projection, encoding) for one role.
func benchOverview(b *testing.B, login func(env *testEnv) *client) {
	db := dbtest.MustOpenDB(b)
	loc, _ := time.LoadLocation("Europe/Copenhagen")
	if err := SeedDemo(context.Background(), db, time.Now().In(loc)); err != nil {
		b.Fatal(err)
	}
	srv, err := New(db, slog.New(slog.NewTextHandler(io.Discard, nil)), Config{WebDir: fakeWebDir(b), Location: loc})
	if err != nil {
		b.Fatal(err)
	}
	ts := httptest.NewServer(srv)
	defer ts.Close()
	env := &testEnv{tb: b, db: db, srv: srv, ts: ts}
	c := login(env)
	req, _ := http.NewRequest("GET", ts.URL+"/api/overview", nil)
	for _, ck := range c.http.Jar.Cookies(mustURL(ts.URL)) {
		req.AddCookie(ck)
	}
	b.ResetTimer()
	for b.Loop() {
		resp, err := http.DefaultClient.Do(req)
		if err != nil || resp.StatusCode != 200 {
			b.Fatalf("%v %v", err, resp.Status)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
	}
}

func BenchmarkOverviewCitizen(b *testing.B) {
	benchOverview(b, func(env *testEnv) *client { c := env.client(); c.loginCitizen("mads"); return c })
}

func BenchmarkOverviewAKasse(b *testing.B) {
	benchOverview(b, func(env *testEnv) *client { return env.mirror("berit", cprMads) })
}
