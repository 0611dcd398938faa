package server

import (
	"net/http"
	"net/url"
	"sync"
	"testing"
	"time"

	"jobnet/shared"
)

// Sessions under attack and under load (issue 15).

// sessionToken is the session cookie the client's browser holds.
func (c *client) sessionToken() string {
	u, _ := url.Parse(c.env.ts.URL)
	for _, ck := range c.http.Jar.Cookies(u) {
		if ck.Name == "jobnet_session" {
			return ck.Value
		}
	}
	return ""
}

// withToken is another browser that sends token as its session cookie.
func (e *testEnv) withToken(token string) *client {
	return e.client().withHeader("Cookie", "jobnet_session="+token)
}

// TestSessionFixation: a cookie planted before login is never the session
// after it — the server issues a new token, and a token of an earlier
// session in the same browser (another person's, planted there) is ended.
func TestSessionFixation(t *testing.T) {
	env := newTestEnv(t)
	// A made-up token is not a session, before or after a login beside it.
	planted := "angriberens-token"
	victim := env.withToken(planted)
	if r := victim.do("GET", "/api/session", nil); r.status != http.StatusUnauthorized {
		t.Fatalf("planted token before login: %d", r.status)
	}
	// The attacker's real session planted in the victim's browser: the
	// victim's login replaces it with a new one and ends it.
	attacker := env.client()
	attacker.loginCitizen("louise")
	attackerToken := attacker.sessionToken()
	browser := env.client()
	u, _ := url.Parse(env.ts.URL)
	browser.http.Jar.SetCookies(u, []*http.Cookie{{Name: "jobnet_session", Value: attackerToken, Path: "/"}})
	browser.loginCitizen("mads")
	if tok := browser.sessionToken(); tok == attackerToken || tok == "" {
		t.Fatalf("login kept the planted token")
	}
	if r := env.withToken(attackerToken).do("GET", "/api/session", nil); r.status != http.StatusUnauthorized {
		t.Errorf("the planted session lives on after the victim's login: %d %s", r.status, r.body)
	}
	var s shared.Session
	browser.decode(browser.do("GET", "/api/session", nil), 200, &s)
	if s.Actor.Name != "Mads Kristensen" {
		t.Errorf("the browser's session is %q's", s.Actor.Name)
	}
}

// TestStolenCookieAfterLogout: a copy of the cookie taken before "Log ud"
// opens nothing after it, for a citizen and for a caseworker's mirror.
func TestStolenCookieAfterLogout(t *testing.T) {
	env := newTestEnv(t)
	for _, c := range []*client{
		func() *client { c := env.client(); c.loginCitizen("mads"); return c }(),
		env.mirror("nina", cprMads),
	} {
		stolen := env.withToken(c.sessionToken())
		stolen.decode(stolen.do("GET", "/api/overview", nil), 200, nil) // the copy works while the session lives
		c.decode(c.do("POST", "/api/logout", nil), 204, nil)
		for _, path := range []string{"/api/session", "/api/overview", shared.APIJoblogs} {
			if r := stolen.do("GET", path, nil); r.status != http.StatusUnauthorized {
				t.Errorf("stolen cookie after Log ud, GET %s: %d %s", path, r.status, r.body)
			}
		}
		if r := stolen.do("POST", shared.APIJoblogs, apiJoblog("Stjålet", "Firma")); r.status != http.StatusUnauthorized {
			t.Errorf("stolen cookie after Log ud writes: %d %s", r.status, r.body)
		}
	}
}

// TestConcurrentLogins: one person logging in from many browsers at once
// gets a session in each, each with its own token, and "Log ud" in one
// ends only that one (a phone and a computer).
func TestConcurrentLogins(t *testing.T) {
	env := newTestEnv(t)
	const browsers = 12
	clients := make([]*client, browsers)
	for i := range clients {
		clients[i] = env.client()
	}
	var wg sync.WaitGroup
	statuses := make([]int, browsers)
	for i, c := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			statuses[i] = c.do("POST", "/api/login", shared.LoginRequest{Username: "mads", Password: "jobnet-demo-2026"}).status
		}()
	}
	wg.Wait()
	tokens := map[string]bool{}
	for i, c := range clients {
		if statuses[i] != http.StatusOK {
			t.Fatalf("login %d: %d", i, statuses[i])
		}
		tokens[c.sessionToken()] = true
	}
	if len(tokens) != browsers {
		t.Fatalf("%d distinct tokens for %d logins", len(tokens), browsers)
	}
	clients[0].decode(clients[0].do("POST", "/api/logout", nil), 204, nil)
	if r := clients[0].do("GET", "/api/session", nil); r.status != http.StatusUnauthorized {
		t.Errorf("logged out browser: %d", r.status)
	}
	for _, c := range clients[1:] {
		c.decode(c.do("GET", "/api/session", nil), 200, nil)
	}
}

// TestIdleTimeoutExactUnderLoad: while other sessions call the server
// without pause, an idle session lives at exactly the idle timeout and is
// signed off one second after it; none of the busy sessions is.
func TestIdleTimeoutExactUnderLoad(t *testing.T) {
	env := newTestEnv(t)
	idle := env.client()
	idle.loginCitizen("louise")
	idleLate := env.client()
	idleLate.loginCitizen("jonas")
	busy := make([]*client, 6)
	for i := range busy {
		busy[i] = env.client()
		busy[i].loginCitizen("mads")
	}
	// The busy sessions call in every simulated minute; the clock moves
	// only when each has been heard since the last move.
	var (
		mu    sync.Mutex
		heard = make([]bool, len(busy))
		stop  = make(chan struct{})
		wg    sync.WaitGroup
		fails []int
	)
	for i, c := range busy {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				status, _, _, err := c.send(http.MethodGet, "/api/session", nil, "")
				mu.Lock()
				if err != nil || status != http.StatusOK {
					fails = append(fails, status)
				}
				heard[i] = true
				mu.Unlock()
			}
		}()
	}
	advance := func(d time.Duration) {
		for {
			mu.Lock()
			all := true
			for _, h := range heard {
				all = all && h
			}
			if all {
				for i := range heard {
					heard[i] = false
				}
				mu.Unlock()
				break
			}
			mu.Unlock()
			time.Sleep(time.Millisecond)
		}
		env.clock.Advance(d)
	}
	for range 20 {
		advance(time.Minute)
	}
	advance(0)
	// Exactly 20 idle minutes: alive.
	if r := idle.do("GET", "/api/session", nil); r.status != http.StatusOK {
		t.Errorf("after exactly the idle timeout: %d %s", r.status, r.body)
	}
	advance(time.Second)
	advance(0)
	// One second more: signed off.
	if r := idleLate.do("GET", "/api/session", nil); r.status != http.StatusUnauthorized {
		t.Errorf("one second after the idle timeout: %d %s", r.status, r.body)
	}
	close(stop)
	wg.Wait()
	if len(fails) > 0 {
		t.Errorf("busy sessions refused %d times: %v", len(fails), fails[:min(len(fails), 5)])
	}
}
