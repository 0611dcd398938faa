package server

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"jobnet/server/httpapi"
)

// FuzzAPI sends whatever the fuzzer makes of a route of the table, a
// caller, an id, a query, a body and a session cookie through the whole
// server and its database: no answer is a 5xx, and every 4xx is the
// structured error (checkAnswer). It reaches every ingestion body, the
// search's URL state, the path's ids and the session cookie. `make test`
// runs the seed corpus (TestHostileRequests's, in short); `make fuzz`
// explores.
func FuzzAPI(f *testing.F) {
	routes := httpapi.Routes()
	for i, rt := range routes {
		method, _, _ := strings.Cut(rt.Pattern, " ")
		body := "{}"
		if method == http.MethodGet {
			body = ""
		}
		f.Add(uint16(i), uint8(i), "1", "", []byte(body), "")
	}
	for i, b := range hostileBodies[:8] {
		f.Add(uint16(i*7), uint8(i), hostileIDs[i], hostileQueries[i], []byte(b), "x")
	}
	env := newTestEnv(f)
	// The sessions are made before fuzzing: the target may not call the
	// environment's helpers. An input that ends one (Log ud) leaves that
	// caller anonymous for the rest of the run, which is also a caller.
	clients := map[httpapi.Caller]*client{}
	for caller, make := range routeCallers(env) {
		clients[caller] = make()
	}
	f.Fuzz(func(t *testing.T, ri uint16, ci uint8, id, query string, body []byte, cookie string) {
		rt := routes[int(ri)%len(routes)]
		method, pattern, _ := strings.Cut(rt.Pattern, " ")
		who := callersOf(rt)
		caller := who[int(ci)%len(who)]
		c := clients[caller]
		if cookie != "" {
			c = env.client().withHeader("Cookie", "jobnet_session="+url.QueryEscape(cookie))
		}
		esc := url.PathEscape(id)
		target := strings.NewReplacer("{id}", esc, "{doc}", esc).Replace(pattern)
		if query != "" {
			target += "?" + url.PathEscape(query)
		}
		status, header, b, err := c.send(method, target, body, "application/json")
		if err != nil {
			t.Fatalf("%s %s: %v", method, target, err)
		}
		checkAnswer(t, fmt.Sprintf("%s %.120s as %s with %.60q", method, target, caller, body), personPages[pattern], status, header, b)
	})
}
