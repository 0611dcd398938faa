package server

import (
	"net/http"
	"strings"
	"testing"

	"jobnet/server/httpapi"
)

// TestRoutePolicy walks the route table: every route, called by every kind
// of caller its scope has, answers as the table says — refused with the
// table's message (401 without a session), or let through to its handler.
// A route added later is walked without a new test. The requests carry
// well-formed but empty bodies, so that an allowed write fails its
// validation rather than change anything that matters.
func TestRoutePolicy(t *testing.T) {
	env := newTestEnv(t)
	callers := routeCallers(env)
	checked := map[string]int{}
	for _, rt := range httpapi.Routes() {
		method, path, _ := strings.Cut(rt.Pattern, " ")
		path = strings.NewReplacer("{id}", "1", "{doc}", "1", "{file}", "1", "{seq}", "1").Replace(path)
		var body any
		if method != http.MethodGet {
			body = "{}"
		}
		for _, caller := range rt.Policy.Callers() {
			g := rt.Policy.Grant(caller)
			r := callers[caller]().do(method, path, body)
			checked[g.String()[:4]]++
			switch {
			case !g.Allowed() && caller == httpapi.CallerAnonymous:
				if r.status != http.StatusUnauthorized {
					t.Errorf("%s as %s: %d %s, want 401", rt.Pattern, caller, r.status, r.body)
				}
			case !g.Allowed():
				if r.status != http.StatusForbidden || r.err().Message != g.Message(caller) {
					t.Errorf("%s as %s: %d %s, want 403 %q", rt.Pattern, caller, r.status, r.body, g.Message(caller))
				}
			case r.status == http.StatusUnauthorized || r.status == http.StatusForbidden || r.status >= 500:
				t.Errorf("%s as %s (%s): %d %s", rt.Pattern, caller, g, r.status, r.body)
			}
		}
		// A caseworker who has not chosen a citizen sees no citizen's data.
		if rt.Policy.Scope == httpapi.ScopeCitizen && rt.Policy.Jobcenter.Allowed() {
			c := env.client()
			c.loginCaseworker("nina")
			if r := c.do(method, path, body); r.status != http.StatusForbidden || !strings.HasPrefix(r.err().Message, "Vælg først") {
				t.Errorf("%s without a chosen citizen: %d %s", rt.Pattern, r.status, r.body)
			}
		}
	}
	if checked["allo"] < 20 || checked["refu"] < 20 || checked["proj"] < 3 {
		t.Errorf("the walk saw too little of the table: %v", checked)
	}
}

// routeCallers makes a client for each kind of caller the route table
// names: a citizen (Mads), the jobcenter's and the a-kasse's caseworker
// mirroring him, and the three kinds of case system.
func routeCallers(env *testEnv) map[httpapi.Caller]func() *client {
	return map[httpapi.Caller]func() *client{
		httpapi.CallerAnonymous: env.client,
		httpapi.CallerCitizen:   func() *client { c := env.client(); c.loginCitizen("mads"); return c },
		httpapi.CallerJobcenter: func() *client { return env.mirror("nina", cprMads) },
		httpapi.CallerAKasse:    func() *client { return env.mirror("berit", cprMads) },
		httpapi.CallerJobcenterSystem: func() *client {
			return env.client().withHeader("Authorization", "Bearer demo-token-jobcenter-koebenhavn")
		},
		httpapi.CallerAKasseSystem: func() *client {
			return env.client().withHeader("Authorization", "Bearer demo-token-det-faglige-hus")
		},
		httpapi.CallerSTARSystem: func() *client {
			return env.client().withHeader("Authorization", "Bearer demo-token-star")
		},
	}
}
