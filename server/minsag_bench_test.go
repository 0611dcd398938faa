package server

import (
	"io"
	"net/http"
	"strings"
	"testing"
)

// BenchmarkMinSag measures, in one run on one server, Min sag til
// teamet's page for Henrik (his demo case), the front page that now asks
// for an open case for its menu item, and beside them the floor: GET
// /healthz, a ping of the database through the same server.
func BenchmarkMinSag(b *testing.B) {
	env := newTestEnv(b)
	henrik := env.client()
	henrik.loginCitizen("henrik")
	for _, path := range []string{"/healthz", "/api/minsag", "/api/overview"} {
		b.Run(strings.ReplaceAll(path[1:], "/", "-"), func(b *testing.B) {
			req, _ := http.NewRequest("GET", env.ts.URL+path, nil)
			for _, ck := range henrik.http.Jar.Cookies(mustURL(env.ts.URL)) {
				req.AddCookie(ck)
			}
			for b.Loop() {
				resp, err := http.DefaultClient.Do(req)
				if err != nil || resp.StatusCode != 200 {
					b.Fatalf("%v %v", err, resp.Status)
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
			}
		})
	}
}
