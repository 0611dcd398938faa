package server

import (
	"strings"
	"testing"

	"jobnet/server/ingestv1"
	"jobnet/shared"
)

func TestIngestCounters(t *testing.T) {
	env := newTestEnv(t)
	const akToken, jcToken = "Bearer demo-token-det-faglige-hus", "Bearer demo-token-jobcenter-koebenhavn"
	today := shared.DateOf(env.clock.Now())
	dp := &shared.DagpengeCounters{AsOf: today, Insurance: shared.FullTime, Indplacering: today.AddDays(-100),
		HoursUsed: 500, ExtensionWorkHours: 962, KarensWorkHours: 10, KarensPeriodEnd: today.AddDays(30), GenoptjeningWorkHours: 962}
	c := env.client()
	post := func(path string, in any, auth string) response {
		return c.do("POST", path, in, "Authorization", auth)
	}
	const counters, hours225 = "/api/ingest/v1/counters", "/api/ingest/v1/hours225"
	dagpenge := func(id, cpr string, d *shared.DagpengeCounters) ingestv1.Counters {
		return ingestv1.NewCounters(id, cpr, d, nil)
	}
	tests := []struct {
		name   string
		path   string
		in     any
		auth   string
		status int
	}{
		{"ErrJobcenterSendsDagpenge", counters, dagpenge("c0", cprMads, dp), jcToken, 403},
		{"ErrAKasseSends225", hours225, ingestv1.Hours225{MessageID: "c1", CPR: cprMads, AsOf: today}, akToken, 403},
		{"ErrNotOwnMember", counters, dagpenge("c2", cprLouise, dp), akToken, 403},
		{"ErrNoFigures", counters, dagpenge("c3", cprMads, nil), akToken, 400},
		{"Err225InCounters", counters, `{"message_id":"c8","cpr":"120385-1231","timer225":{"as_of":"2027-01-01"}}`, jcToken, 403},
		{"OKDagpenge", counters, dagpenge("c4", cprMads, dp), akToken, 200},
		{"OK225ByJobcenter", hours225, ingestv1.Hours225{MessageID: "c5", CPR: cprMads, AsOf: today, HoursLast12Months: 99}, jcToken, 200},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if r := post(tt.path, tt.in, tt.auth); r.status != tt.status {
				t.Fatalf("status %d, want %d: %s", r.status, tt.status, r.body)
			}
		})
	}
	// An older statement does not replace a newer one.
	old := *dp
	old.AsOf, old.ExtensionWorkHours = today.AddDays(-40), 1
	c.decode(post(counters, dagpenge("c6", cprMads, &old), akToken), 200, nil)
	// A bad figure is refused at its field.
	bad := *dp
	bad.KarensWorkHours = -5
	r := post(counters, dagpenge("c7", cprMads, &bad), akToken)
	if r.status != 400 || r.err().FieldMessage("dagpenge.karens_work_hours") == "" {
		t.Errorf("bad figure: %d %s", r.status, r.body)
	}

	// Citizen and jobcenter see every kind; the a-kasse not the 225-hour rule.
	get := func(cl *client) (shared.Counters, string) {
		var out shared.Counters
		resp := cl.do("GET", "/api/counters", nil)
		cl.decode(resp, 200, &out)
		return out, string(resp.body)
	}
	own := env.client()
	own.loginCitizen("mads")
	mine, _ := get(own)
	if mine.Dagpenge == nil || mine.Dagpenge.ExtensionWorkHours != 962 || mine.Hours225 == nil || mine.Hours225.HoursLast12Months != 99 {
		t.Fatalf("citizen sees %+v", mine)
	}
	if g := shared.ComputeDagpenge(*mine.Dagpenge, 0); !g.Forlaengelse.Done {
		t.Errorf("962 hours delivered should show the maximum: %+v", g.Forlaengelse)
	}
	jc, _ := get(env.mirror("nina", cprMads))
	if jc.Hours225 == nil || jc.Dagpenge == nil {
		t.Errorf("jobcenter sees %+v", jc)
	}
	ak, raw := get(env.mirror("berit", cprMads))
	if ak.Dagpenge == nil || ak.Hours225 != nil || strings.Contains(raw, "timer225") {
		t.Errorf("a-kasse sees %s", raw)
	}
}

func TestCountersDemoData(t *testing.T) {
	env := newTestEnv(t)
	c := env.client()
	c.loginCitizen("jonas")
	var out shared.Counters
	c.decode(c.do("GET", "/api/counters", nil), 200, &out)
	if out.Dagpenge == nil || out.Dagpenge.Insurance != shared.PartTime || out.Supplerende == nil {
		t.Fatalf("jonas: %+v", out)
	}
	if s := shared.ComputeSupplerende(*out.Supplerende, 0); s.Used != 28 || s.Remaining != 2 {
		t.Errorf("jonas' supplerende: used %d remaining %d", s.Used, s.Remaining)
	}
	henrik := env.client()
	henrik.loginCitizen("henrik")
	var none shared.Counters
	henrik.decode(henrik.do("GET", "/api/counters", nil), 200, &none)
	if none.Dagpenge != nil || none.Supplerende != nil || none.Hours225 != nil {
		t.Errorf("henrik has no counters: %+v", none)
	}
}

// TestCounterEventsOnlyForCitizens: opening the counters records
// "Dagpengetællere startet" for the citizen, and nothing for caseworkers
// (SPEC E1, K5).
func TestCounterEventsOnlyForCitizens(t *testing.T) {
	env := newTestEnv(t)
	count := func() int64 {
		n, err := env.db.NewSelect().Table("behaviour_events").Where("kind = ?", "Dagpengetællere startet").Count(t.Context())
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	own := env.client()
	own.loginCitizen("mads")
	own.decode(own.do("GET", "/api/counters?view=dagpenge", nil), 200, nil)
	own.decode(own.do("GET", "/api/counters", nil), 200, nil) // no view: no event
	if r := own.do("GET", "/api/counters?view=ukendt", nil); r.status != 400 {
		t.Errorf("an unknown view: %d %s", r.status, r.body)
	}
	env.flush()
	if n := count(); n != 1 {
		t.Fatalf("citizen: %d events, want 1", n)
	}
	for _, cw := range []string{"nina", "berit"} {
		m := env.mirror(cw, cprMads)
		m.decode(m.do("GET", "/api/counters?view=dagpenge", nil), 200, nil)
	}
	env.flush()
	if n := count(); n != 1 {
		t.Fatalf("after caseworkers opened the counters: %d events, want 1", n)
	}
}

func TestOverviewFeatures(t *testing.T) {
	env := newTestEnv(t)
	features := func(c *client) shared.Features {
		var o shared.Overview
		c.decode(c.do("GET", "/api/overview", nil), 200, &o)
		return o.Features
	}
	for user, want := range map[string]shared.Features{
		// The demo's Forberedelsesskemaer: Mads' answered, Jonas' waiting.
		"mads":   {Dagpengetaellere: true, Forberedelsesskema: shared.ScreeningDagpenge},
		"jonas":  {Dagpengetaellere: true, Supplerende: true, Forberedelsesskema: shared.ScreeningDagpenge},
		"louise": {Timer225: true},
		// Henrik's case before the rehabiliteringsteam (Min sag til teamet).
		"henrik": {MinSag: true},
	} {
		c := env.client()
		c.loginCitizen(user)
		if got := features(c); got != want {
			t.Errorf("%s: %+v, want %+v", user, got, want)
		}
	}
}
