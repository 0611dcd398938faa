package server

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"jobnet/server/demo"
	"jobnet/shared"
)

func TestCitizenLogin(t *testing.T) {
	env := newTestEnv(t)
	tests := []struct {
		name     string
		in       shared.LoginRequest
		status   int
		message  string
		fieldErr string
	}{
		{"OK", shared.LoginRequest{Username: "mads", Password: demo.Password}, 200, "", ""},
		{"OKUsernameCase", shared.LoginRequest{Username: "MADS", Password: demo.Password}, 200, "", ""},
		{"ErrWrongPassword", shared.LoginRequest{Username: "mads", Password: "forkert-kode"}, 401, "Brugernavn eller adgangskode er forkert.", ""},
		{"ErrUnknownUser", shared.LoginRequest{Username: "ingen", Password: demo.Password}, 401, "Brugernavn eller adgangskode er forkert.", ""},
		{"ErrCaseworkerAsCitizen", shared.LoginRequest{Username: "nina", Password: demo.Password}, 401, "Brugernavn eller adgangskode er forkert.", ""},
		{"ErrMissingPassword", shared.LoginRequest{Username: "mads"}, 400, "", "password"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := env.client()
			r := c.do("POST", "/api/login", tt.in)
			if r.status != tt.status {
				t.Fatalf("status %d, want %d: %s", r.status, tt.status, r.body)
			}
			if tt.status == 200 {
				var s shared.Session
				c.decode(r, 200, &s)
				if s.Actor.Role != shared.RoleCitizen || s.Actor.Name != "Mads Kristensen" || s.Actor.CitizenID == 0 {
					t.Errorf("session = %+v", s)
				}
				cookie := r.header.Get("Set-Cookie")
				if !strings.Contains(cookie, "HttpOnly") || !strings.Contains(cookie, "SameSite=Lax") {
					t.Errorf("cookie flags: %s", cookie)
				}
				c.decode(c.do("GET", "/api/overview", nil), 200, nil)
				return
			}
			e := r.err()
			if tt.message != "" && e.Message != tt.message {
				t.Errorf("message %q, want %q", e.Message, tt.message)
			}
			if tt.fieldErr != "" && e.FieldMessage(tt.fieldErr) == "" {
				t.Errorf("no field error for %s: %s", tt.fieldErr, r.body)
			}
		})
	}
}

func TestSessionIdleTimeoutAndReturn(t *testing.T) {
	env := newTestEnv(t)
	c := env.client()
	if s := c.loginCitizen("mads"); s.ReturnTo != "" || s.IdleSeconds != 1200 {
		t.Fatalf("first login: %+v", s)
	}
	// A request on /historik 19 minutes later keeps the session alive and
	// remembers the page.
	env.clock.Advance(19 * time.Minute)
	c.decode(c.do("GET", "/api/history/logins", nil, "X-Jobnet-Path", "/historik"), 200, nil)
	env.clock.Advance(19 * time.Minute)
	c.decode(c.do("GET", "/api/session", nil), 200, nil)

	// 21 idle minutes: signed off automatically.
	env.clock.Advance(21 * time.Minute)
	r := c.do("GET", "/api/overview", nil)
	if r.status != http.StatusUnauthorized || !strings.Contains(r.err().Message, "logget ud") {
		t.Fatalf("after idle timeout: %d %s", r.status, r.body)
	}
	// The next login returns to the last page...
	if s := c.loginCitizen("mads"); s.ReturnTo != "/historik" {
		t.Fatalf("ReturnTo after automatic sign-off = %q, want /historik", s.ReturnTo)
	}
	// ...but not after "Log ud".
	c.decode(c.do("GET", "/api/eures", nil, "X-Jobnet-Path", "/job-i-europa"), 200, nil)
	c.decode(c.do("POST", "/api/logout", nil), 204, nil)
	if s := c.loginCitizen("mads"); s.ReturnTo != "" {
		t.Fatalf("ReturnTo after Log ud = %q, want none", s.ReturnTo)
	}
	// The app's countdown ending the session counts as an automatic sign-off.
	c.decode(c.do("GET", "/api/eures", nil, "X-Jobnet-Path", "/job-i-europa"), 200, nil)
	c.decode(c.do("POST", "/api/session/expire", nil), 204, nil)
	if r := c.do("GET", "/api/session", nil); r.status != 401 {
		t.Fatalf("session alive after expire: %d", r.status)
	}
	if s := c.loginCitizen("mads"); s.ReturnTo != "/job-i-europa" {
		t.Fatalf("ReturnTo after countdown = %q", s.ReturnTo)
	}
	// A foreign path is never a return target.
	c.decode(c.do("GET", "/api/eures", nil, "X-Jobnet-Path", "//evil.example/"), 200, nil)
	c.decode(c.do("POST", "/api/session/expire", nil), 204, nil)
	if s := c.loginCitizen("mads"); s.ReturnTo != "/job-i-europa" && s.ReturnTo != "" {
		t.Fatalf("ReturnTo = %q", s.ReturnTo)
	}
}

func TestRegister(t *testing.T) {
	env := newTestEnv(t)
	good := shared.RegisterRequest{Name: "Ny Borger", CPR: "010203-4567", Username: "ny.borger",
		Password: "et-langt-kodeord", PasswordRepeat: "et-langt-kodeord", AcceptPrivacy: true}
	c := env.client()
	var s shared.Session
	c.decode(c.do("POST", "/api/register", good), 200, &s)
	if s.Actor.Name != "Ny Borger" || s.Actor.Role != shared.RoleCitizen {
		t.Fatalf("session %+v", s)
	}
	c.decode(c.do("GET", "/api/overview", nil), 200, nil)
	// The new account logs in with its own password.
	again := env.client()
	again.decode(again.do("POST", "/api/login", shared.LoginRequest{Username: "Ny.Borger", Password: "et-langt-kodeord"}), 200, nil)

	tests := []struct {
		name   string
		mutate func(*shared.RegisterRequest)
		status int
		field  string
	}{
		{"ErrUsernameTaken", func(r *shared.RegisterRequest) { r.CPR = "020304-1234"; r.Username = "MADS" }, 409, "username"},
		{"ErrCPRHasAccount", func(r *shared.RegisterRequest) { r.CPR = cprMads; r.Username = "mads2" }, 409, "cpr"},
		{"ErrPrivacyNotAccepted", func(r *shared.RegisterRequest) { r.AcceptPrivacy = false }, 400, "accept_privacy"},
		{"ErrBadCPR", func(r *shared.RegisterRequest) { r.CPR = "310299-1234" }, 400, "cpr"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := good
			tt.mutate(&in)
			r := env.client().do("POST", "/api/register", in)
			if r.status != tt.status || r.err().FieldMessage(tt.field) == "" {
				t.Fatalf("status %d (want %d), body %s", r.status, tt.status, r.body)
			}
		})
	}
}

func TestLoginRateLimit(t *testing.T) {
	env := newTestEnv(t)
	c := env.client()
	for i := 0; i < 10; i++ {
		if r := c.do("POST", "/api/login", shared.LoginRequest{Username: "mads", Password: "forkert"}); r.status != 401 {
			t.Fatalf("attempt %d: %d", i, r.status)
		}
	}
	r := c.do("POST", "/api/login", shared.LoginRequest{Username: "mads", Password: demo.Password})
	if r.status != http.StatusTooManyRequests || r.err().Code != shared.ETooManyRequests {
		t.Fatalf("11th attempt: %d %s", r.status, r.body)
	}
	// The caseworker login is counted apart.
	env.client().loginCaseworker("nina")
	env.clock.Advance(16 * time.Minute)
	c.loginCitizen("mads")
}
