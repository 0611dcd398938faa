package server

import (
	"testing"

	"jobnet/server/demo"
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

// The caseworker login takes no citizen's password, and failed logins
// open nothing.
func TestCaseworkerLoginRefusesOthers(t *testing.T) {
	env := newTestEnv(t)
	c := env.client()
	for _, in := range []shared.LoginRequest{
		{Username: "nina", Password: "forkert-kodeord"},
		{Username: "mads", Password: demo.Password}, // a citizen's account
	} {
		if r := c.do("POST", "/api/caseworker/login", in); r.status != 401 {
			t.Errorf("caseworker login as %s: %d %s", in.Username, r.status, r.body)
		}
	}
	if r := c.do("GET", "/api/overview", nil); r.status != 401 {
		t.Errorf("after failed logins: %d", r.status)
	}
}
