package server

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"jobnet/shared"
)

type behaviourRow struct {
	SessionHash []byte `bun:"session_hash"`
	Kind        string `bun:"kind"`
	Detail      string `bun:"detail"`
}

// behaviourEvents writes down what the server buffers and reads the table.
func behaviourEvents(t *testing.T, env *testEnv) []behaviourRow {
	t.Helper()
	env.flush()
	var rows []behaviourRow
	if err := env.db.NewSelect().Table("behaviour_events").Column("session_hash", "kind", "detail").Order("id").Scan(t.Context(), &rows); err != nil {
		t.Fatal(err)
	}
	return rows
}

// A citizen's visit leaves its trail of behaviour events, one session id
// from login to logout (SPEC E1); the same visit by a caseworker leaves
// nothing at all (K5).
func TestBehaviourEvents(t *testing.T) {
	env := newTestEnv(t)
	ad := env.client().search(t, "q=kok").Ads[0]
	id := strconv.FormatInt(ad.ID, 10)
	visit := func(c *client) {
		page := func(path, api string) {
			c.do("GET", api, nil, "X-Jobnet-Path", path)
			c.do("GET", "/api/session", nil, "X-Jobnet-Path", path) // another call from the same page
		}
		page("/", "/api/overview")
		page("/min-plan", "/api/plan")
		page("/dagpengetaellere", "/api/counters?view=dagpenge")
		c.do("POST", "/api/behaviour", shared.BehaviourEvent{Kind: "simulation", View: "dagpenge"}, "X-Jobnet-Path", "/dagpengetaellere")
		// Find Job from the menu: a search, then a filter; an internal
		// ad's page; an external ad, which only the browser sees.
		c.do("GET", shared.APIJobs+"?fra=menu&q=kok", nil, "X-Jobnet-Path", "/find-job")
		c.do("GET", shared.APIJobs+"?q=kok&vilkaar=elev", nil, "X-Jobnet-Path", "/find-job")
		c.do("GET", shared.JobPath(ad.ID), nil, "X-Jobnet-Path", "/job/"+id)
		c.do("POST", "/api/behaviour", shared.BehaviourEvent{Kind: shared.BehaviourFindJobOpen, View: "42"}, "X-Jobnet-Path", "/find-job")
		page("/", "/api/overview")
		c.do("POST", "/api/logout", nil)
	}

	// Caseworkers first: the table stays empty.
	for _, cw := range []string{"nina", "berit"} {
		visit(env.mirror(cw, cprMads))
	}
	if rows := behaviourEvents(t, env); len(rows) != 0 {
		t.Fatalf("a caseworker's visit was recorded: %+v", rows)
	}

	mads := env.client()
	mads.loginCitizen("mads")
	visit(mads)
	rows := behaviourEvents(t, env)
	var got []string
	var cards []string // the forsidekort shown, which the login chooses
	for _, r := range rows {
		e := strings.TrimSpace(r.Kind + " " + r.Detail)
		if r.Kind == "Forsidekort vist" {
			cards = append(cards, r.Detail)
			e = r.Kind
		}
		got = append(got, e)
		if string(r.SessionHash) != string(rows[0].SessionHash) {
			t.Errorf("event %q has another session id", r.Kind)
		}
	}
	// Mads is fed four kinds; a session shows the same two each time.
	if len(cards) != 2 || cards[0] != cards[1] || len(strings.Split(cards[0], ", ")) != 2 {
		t.Errorf("forsidekort shown: %q", cards)
	}
	want := []string{"Login", "Side åbnet /", "Forsidekort vist", "Side åbnet /min-plan", "Min plan åbnet", "Side åbnet /dagpengetaellere",
		"Dagpengetællere startet", "Simulering brugt dagpenge", "Side åbnet /find-job", "Find Job startet menu",
		"Find Job søgning q=kok&v=1", "Find Job søgning q=kok&v=1&vilkaar=elev", "Side åbnet /job/" + id, "Jobopslag åbnet " + id,
		"Side åbnet /find-job", "Jobopslag åbnet 42", "Side åbnet /", "Forsidekort vist", "Logout"}
	if strings.Join(got, " | ") != strings.Join(want, " | ") {
		t.Errorf("events\n got %q\nwant %q", got, want)
	}

	// The countdown's automatic sign-off, and the idle timeout found on
	// the next call.
	for _, expire := range []func(c *client){
		func(c *client) { c.do("POST", "/api/session/expire", nil) },
		func(c *client) { env.clock.Advance(21 * time.Minute); c.do("GET", "/api/overview", nil) },
	} {
		c := env.client()
		c.loginCitizen("sofie")
		before := len(behaviourEvents(t, env))
		expire(c)
		rows := behaviourEvents(t, env)
		if len(rows) != before+1 || rows[before].Kind != "Automatisk logget ud" {
			t.Errorf("automatic sign-off: %+v", rows[before:])
		}
	}

	bad := env.client()
	bad.loginCitizen("sofie")
	if r := bad.do("POST", "/api/behaviour", shared.BehaviourEvent{Kind: "klik", View: "forside"}); r.status != 400 || r.err().FieldMessage("kind") == "" {
		t.Errorf("an unknown event: %d %s", r.status, r.body)
	}
	for _, ev := range []shared.BehaviourEvent{{Kind: "simulation", View: "forside"}, {Kind: shared.BehaviourFindJobOpen, View: "x"}} {
		if r := bad.do("POST", "/api/behaviour", ev); r.status != 400 || r.err().FieldMessage("view") == "" {
			t.Errorf("%+v: %d %s", ev, r.status, r.body)
		}
	}
}
