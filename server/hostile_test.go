package server

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"jobnet/server/httpapi"
	"jobnet/shared"
)

// Malformed, oversized, wrongly typed and hostile requests against every
// route of the table, as every caller it has (issue 15): none is answered
// with a 5xx, and every 4xx is the structured error with a message that
// gives nothing of the server's insides away. FuzzAPI below explores
// beyond this fixed corpus.

// hostileBodies are request bodies no client of Jobnet sends.
var hostileBodies = []string{
	"", "null", "[]", "{", "}", `"tekst"`, "123", "true", `{"x":1}`,
	`{"id":1e400}`, `{"id":-9223372036854775809}`, `{"text":"\xff\xfe"}`, "{\"text\":\"a\u0000b\"}",
	`{"text":"` + strings.Repeat("ø", 70000) + `"}`, `{"a":{"b":{"c":[[[[[[[[[[]]]]]]]]]]}}}`,
	strings.Repeat("[", 20000) + strings.Repeat("]", 20000), `{} {}`, `{"__proto__":{}}`,
	`{"cpr":"0101901234","cprs":["x"],"message_id":"` + strings.Repeat("9", 5000) + `"}`,
}

// hostileIDs replace {id} (and {doc}) in a route's path.
var hostileIDs = []string{"0", "-1", "99999999999999999999", "abc", "1.5", "%00", "1%2F2", "1%27--", "%E2%80%AE1"}

// hostileQueries are added to a GET route's path.
var hostileQueries = []string{
	"?q=%ff%fe", "?side=-1&side=x", "?maaned=2026-13", "?after=-5&limit=999999999", "?id=1%27--",
	"?q=" + strings.Repeat("a", 5000), "?rebook=abc&ombook=-1", "?%zz=1",
}

// internals are what an error message must never show.
var internals = regexp.MustCompile(`(?i)\b(sql|pgx?|postgres|json:|strconv|runtime|panic|goroutine|invalid character|unexpected EOF|SQLSTATE)\b`)

// personPages are the routes a person reaches from a link in an e-mail:
// they answer with a page in Danish, not JSON (the job agent's
// confirmation and unsubscription, RFC 8058).
var personPages = map[string]bool{shared.APIJobAgentConfirm: true, shared.APIJobAgentUnsubscribe: true}

var pageTitle = regexp.MustCompile(`<title>[^<]*– Jobnet</title>`)

// checkAnswer fails the test on a 5xx, and on a 4xx that is not the
// structured error (for a person's page: a page) or whose message leaks
// internals.
func checkAnswer(t testing.TB, what string, page bool, status int, header http.Header, body []byte) {
	t.Helper()
	if status >= 500 {
		t.Errorf("%s: %d %.300s", what, status, body)
		return
	}
	if status < 400 {
		return
	}
	if internals.MatchString(string(body)) {
		t.Errorf("%s: %d gives internals away: %.300s", what, status, body)
	}
	if page {
		if !strings.HasPrefix(header.Get("Content-Type"), "text/html") || !pageTitle.Match(body) {
			t.Errorf("%s: %d without a page: %q %.300s", what, status, header.Get("Content-Type"), body)
		}
		return
	}
	var e shared.Error
	if !strings.HasPrefix(header.Get("Content-Type"), "application/json") || json.Unmarshal(body, &e) != nil || e.Code == "" || e.Message == "" {
		t.Errorf("%s: %d without the structured error: %q %.300s", what, status, header.Get("Content-Type"), body)
	}
}

// callersOf are the callers a route is tried as: those its policy names,
// or, for a route outside the policy's scopes (health, login), anyone.
func callersOf(rt httpapi.Route) []httpapi.Caller {
	if who := rt.Policy.Callers(); len(who) > 0 {
		return who
	}
	return []httpapi.Caller{httpapi.CallerAnonymous}
}

// send makes the request as the client, raw: the target is not parsed
// into a URL first, so that broken escapes reach the server.
func (c *client) send(method, target string, body []byte, contentType string) (int, http.Header, []byte, error) {
	// No request may hang: ten seconds is far beyond any answer here.
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, method, c.env.ts.URL+"/", bytes.NewReader(body))
	if err != nil {
		return 0, nil, nil, err
	}
	req.URL.Opaque = target // sent as written
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	for i := 0; i+1 < len(c.headers); i += 2 {
		req.Header.Set(c.headers[i], c.headers[i+1])
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return 0, nil, nil, err
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header, b, nil
}

func TestHostileRequests(t *testing.T) {
	env := newTestEnv(t)
	callers := routeCallers(env)
	oversized := bytes.Repeat([]byte("x"), 11<<20)
	n := 0
	for _, rt := range httpapi.Routes() {
		method, pattern, _ := strings.Cut(rt.Pattern, " ")
		for _, caller := range callersOf(rt) {
			c := callers[caller]()
			try := func(target string, body []byte, contentType string) {
				status, header, b, err := c.send(method, target, body, contentType)
				if err != nil {
					t.Errorf("%s %s as %s: %v", method, target, caller, err)
					return
				}
				n++
				checkAnswer(t, fmt.Sprintf("%s %.120s as %s with %.60q", method, target, caller, body), personPages[pattern], status, header, b)
			}
			path := strings.NewReplacer("{id}", "1", "{doc}", "1").Replace(pattern)
			if strings.Contains(pattern, "{") {
				for _, id := range hostileIDs {
					try(strings.NewReplacer("{id}", id, "{doc}", id).Replace(pattern), nil, "")
				}
			}
			if method == http.MethodGet {
				for _, q := range hostileQueries {
					try(path+q, nil, "")
				}
				continue
			}
			for _, body := range hostileBodies {
				try(path, []byte(body), "application/json")
			}
			try(path, []byte(`{}`), "text/plain")
			try(path, []byte(`{}`), "multipart/form-data; boundary=x")
			if who := callersOf(rt); caller == who[len(who)-1] {
				try(path, oversized, "application/json")
			}
		}
	}
	// A forged or stale session cookie is anonymous, never an error.
	for _, cookie := range []string{"x", strings.Repeat("A", 8000), "%00", "jobnet=1; jobnet=2", url.QueryEscape("\xff")} {
		c := env.client().withHeader("Cookie", "jobnet_session="+cookie)
		status, header, b, err := c.send(http.MethodGet, "/api/overview", nil, "")
		if err != nil {
			t.Fatal(err)
		}
		n++
		if status != http.StatusUnauthorized {
			t.Errorf("cookie %.40q: %d %s, want 401", cookie, status, b)
		}
		checkAnswer(t, "cookie "+cookie[:min(len(cookie), 40)], false, status, header, b)
	}
	t.Logf("%d hostile requests over %d routes", n, len(httpapi.Routes()))
	if n < 2000 {
		t.Errorf("only %d requests: the corpus did not reach the table", n)
	}
}
