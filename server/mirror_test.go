package server

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5/pgconn"

	"jobnet/shared"
)

func TestMirrorAccess(t *testing.T) {
	env := newTestEnv(t)
	tests := []struct {
		name, caseworker, cpr string
		status                int
		reason                string
	}{
		{"OKJobcenterOwnCitizen", "nina", cprMads, 200, ""},
		{"OKJobcenterSickCitizen", "nina", cprPete, 200, ""},
		{"ErrJobcenterOtherJobcenter", "nina", cprLouise, 403, shared.MsgDenyNotJobcenterCitizen},
		{"OKAKasseDagpenge", "berit", cprMads, 200, ""},
		{"OKAKasseDimittend", "berit", cprSofie, 200, ""},
		{"ErrAKasseNoDagpengeForloeb", "berit", cprPete, 403, shared.MsgDenyNoDagpengeForloeb},
		{"ErrAKasseNotMember", "berit", cprLouise, 403, shared.MsgDenyNotMember},
		{"ErrUnknownCPR", "nina", "010101-0101", 404, ""},
		{"ErrInvalidCPR", "nina", "123", 400, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := env.client()
			c.loginCaseworker(tt.caseworker)
			r := c.do("POST", "/api/mirror", shared.MirrorRequest{CPR: tt.cpr})
			if r.status != tt.status {
				t.Fatalf("status %d, want %d: %s", r.status, tt.status, r.body)
			}
			if tt.reason != "" && (r.err().Message != tt.reason || r.err().FieldMessage("cpr") != tt.reason) {
				t.Errorf("reason %s, want %q in the message and at the cpr field", r.body, tt.reason)
			}
			overview := c.do("GET", "/api/overview", nil)
			if tt.status == 200 && overview.status != 200 {
				t.Errorf("overview after mirror: %d %s", overview.status, overview.body)
			}
			if tt.status != 200 && overview.status == 200 {
				t.Errorf("overview served without access: %s", overview.body)
			}
		})
	}
}

func TestMirrorRecordedInLoginHistory(t *testing.T) {
	env := newTestEnv(t)
	env.mirror("berit", cprMads)
	c := env.client()
	c.loginCitizen("mads")
	var rows []shared.LoginEntry
	c.decode(c.do("GET", "/api/history/logins", nil), 200, &rows)
	if len(rows) < 2 {
		t.Fatalf("rows %+v", rows)
	}
	// Newest first: the citizen's own login, then Berit's access.
	if rows[0].Name != "Mads Kristensen" || rows[0].Caseworker {
		t.Errorf("rows[0] = %+v", rows[0])
	}
	if rows[1].Name != "Berit Hansen" || rows[1].Organisation != "Det Faglige Hus A-kasse" || !rows[1].Caseworker {
		t.Errorf("rows[1] = %+v", rows[1])
	}
	// The jobcenter caseworker sees the same history; the a-kasse does not.
	var jcRows []shared.LoginEntry
	nina := env.mirror("nina", cprMads)
	nina.decode(nina.do("GET", "/api/history/logins", nil), 200, &jcRows)
	if len(jcRows) != len(rows)+1 || jcRows[0].Name != "Nina Pettersen" {
		t.Errorf("jobcenter view: %+v", jcRows)
	}
	r := env.mirror("berit", cprMads).do("GET", "/api/history/logins", nil)
	if r.status != 403 || r.err().Message != shared.MsgNoAccessHistory {
		t.Errorf("a-kasse history: %d %s", r.status, r.body)
	}
}

// TestEveryWriteRefusedInMirror walks the route table: every state-changing
// route except the caseworker's own session controls answers 403 with the
// Danish message for both caseworker roles — routes added later included.
func TestEveryWriteRefusedInMirror(t *testing.T) {
	env := newTestEnv(t)
	checked := 0
	for _, caseworker := range []string{"nina", "berit"} {
		c := env.mirror(caseworker, cprMads)
		for _, rt := range routes() {
			method, path, _ := strings.Cut(rt.pattern, " ")
			if isSafeMethod(method) || rt.sessionControl || rt.access == ingest {
				continue
			}
			path = strings.NewReplacer("{id}", "1").Replace(path)
			r := c.do(method, path, "{}")
			if r.status != http.StatusForbidden || r.err().Message != shared.MsgReadOnly {
				t.Errorf("%s %s as %s: %d %s", method, path, caseworker, r.status, r.body)
			}
			checked++
		}
		// Still mirroring: the refusals did not end the session.
		c.decode(c.do("GET", "/api/overview", nil), 200, nil)
	}
	if checked < 2*4 {
		t.Fatalf("only %d route checks: the route table lost its writes?", checked)
	}
	// Nothing changed.
	var e shared.EuresSetting
	c := env.client()
	c.loginCitizen("mads")
	c.decode(c.do("GET", "/api/eures", nil), 200, &e)
	if e.Visible {
		t.Error("a mirror write reached the database")
	}
}

// TestMirrorReadOnlyTransaction: even a handler that tried to write during a
// mirror GET is stopped by PostgreSQL.
func TestMirrorReadOnlyTransaction(t *testing.T) {
	env := newTestEnv(t)
	c := env.mirror("nina", cprMads)
	var writeErr error
	h := env.srv.endpoint(route{pattern: "GET /test", access: citizenScoped, handler: func(w http.ResponseWriter, req *request) error {
		_, writeErr = req.db.NewUpdate().Table("citizens").Set("eures_visible = true").Where("id = ?", req.actor.CitizenID).Exec(req.r.Context())
		return writeErr
	}})
	req := httptest.NewRequest("GET", "/test", nil)
	for _, ck := range c.http.Jar.Cookies(mustURL(env.ts.URL)) {
		req.AddCookie(ck)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	var pgErr *pgconn.PgError
	if !errors.As(writeErr, &pgErr) || pgErr.Code != "25006" {
		t.Fatalf("write in mirror transaction: %v, want read_only_sql_transaction", writeErr)
	}
	if rec.Code != 500 || strings.Contains(rec.Body.String(), "read-only") {
		t.Errorf("answer %d %s: an internal error must not be described", rec.Code, rec.Body)
	}
	var visible bool
	if err := env.db.QueryRowContext(context.Background(), "SELECT eures_visible FROM citizens WHERE cpr = ?", cprMads).Scan(&visible); err != nil || visible {
		t.Fatalf("visible=%v err=%v", visible, err)
	}
}

func TestAKasseProjectionOnOverview(t *testing.T) {
	env := newTestEnv(t)
	get := func(c *client) shared.Overview {
		var o shared.Overview
		c.decode(c.do("GET", "/api/overview", nil), 200, &o)
		return o
	}
	own := env.client()
	own.loginCitizen("mads")
	citizen := get(own)
	jobcenter := get(env.mirror("nina", cprMads))
	akasse := get(env.mirror("berit", cprMads))
	hasKG := func(o shared.Overview, kg int) bool {
		for _, f := range o.Forloeb {
			if f.Kontaktgruppe == kg {
				return true
			}
		}
		return false
	}
	if !hasKG(citizen, 6) || !hasKG(jobcenter, 6) {
		t.Errorf("citizen and jobcenter must see the sygedagpenge period: %+v / %+v", citizen.Forloeb, jobcenter.Forloeb)
	}
	if hasKG(akasse, 6) || !hasKG(akasse, 1) {
		t.Errorf("a-kasse view: %+v", akasse.Forloeb)
	}
	if len(akasse.Notifications) != len(citizen.Notifications) || akasse.Name != citizen.Name {
		t.Errorf("a-kasse lost allowed data: %+v", akasse)
	}
}

func TestSwitchCitizen(t *testing.T) {
	env := newTestEnv(t)
	c := env.mirror("nina", cprMads)
	var s shared.Session
	c.decode(c.do("DELETE", "/api/mirror", nil), 200, &s)
	if s.Actor.CitizenID != 0 {
		t.Fatalf("still mirroring: %+v", s)
	}
	r := c.do("GET", "/api/overview", nil)
	if r.status != 403 {
		t.Fatalf("overview without a chosen citizen: %d", r.status)
	}
	c.decode(c.do("POST", "/api/mirror", shared.MirrorRequest{CPR: cprPete}), 200, &s)
	if s.Actor.CitizenName != "Pete Adam-Janusz" {
		t.Fatalf("switched to %+v", s.Actor)
	}
	// A citizen may not use the caseworker routes.
	citizen := env.client()
	citizen.loginCitizen("mads")
	if r := citizen.do("POST", "/api/mirror", shared.MirrorRequest{CPR: cprPete}); r.status != 403 {
		t.Fatalf("citizen mirroring: %d", r.status)
	}
}

func TestAccessEndsWithForloeb(t *testing.T) {
	env := newTestEnv(t)
	c := env.mirror("berit", cprMads)
	// The jobcenter moves Mads to sygedagpenge from today: the a-kasse's
	// mirror ends with the next request.
	ingestTargetGroup(t, env, "move-1", cprMads, 6, 0, shared.DateOf(env.clock.Now()))
	if r := c.do("GET", "/api/overview", nil); r.status != 403 {
		t.Fatalf("a-kasse still sees the citizen: %d %s", r.status, r.body)
	}
	var s shared.Session
	c.decode(c.do("GET", "/api/session", nil), 200, &s)
	if s.Actor.CitizenID != 0 {
		t.Fatalf("session still mirrors: %+v", s.Actor)
	}
}

// The caseworker routes are for caseworkers: a citizen can neither open
// nor leave a mirror, and the caseworker login takes no citizen's password.
func TestCaseworkerRoutesRefuseOthers(t *testing.T) {
	env := newTestEnv(t)
	mads := env.client()
	mads.loginCitizen("mads")
	for _, method := range []string{"POST", "DELETE"} {
		if r := mads.do(method, "/api/mirror", shared.MirrorRequest{CPR: cprLouise}); r.status != 403 {
			t.Errorf("citizen %s /api/mirror: %d %s", method, r.status, r.body)
		}
	}
	c := env.client()
	for _, in := range []shared.LoginRequest{
		{Username: "nina", Password: "forkert-kodeord"},
		{Username: "mads", Password: DemoPassword}, // a citizen's account
	} {
		if r := c.do("POST", "/api/caseworker/login", in); r.status != 401 {
			t.Errorf("caseworker login as %s: %d %s", in.Username, r.status, r.body)
		}
	}
	if r := c.do("GET", "/api/overview", nil); r.status != 401 {
		t.Errorf("after failed logins: %d", r.status)
	}
}
