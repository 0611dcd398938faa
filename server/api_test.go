package server

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"jobnet/server/demo"
	"jobnet/server/ingestv1"
	"jobnet/shared"
)

func mustURL(s string) *url.URL {
	u, err := url.Parse(s)
	if err != nil {
		panic(err)
	}
	return u
}

func ingestTargetGroup(t *testing.T, env *testEnv, id, cpr string, kg, kategori int, from shared.Date) {
	t.Helper()
	c := env.client()
	in := ingestv1.TargetGroup{MessageID: id, CPR: cpr, Kontaktgruppe: kg, Tilmeldekategori: kategori, From: from, Enrolment: shared.EnrolmentTilmeldt}
	c.decode(c.do("POST", "/api/ingest/v1/targetgroup", in, "Authorization", "Bearer demo-token-jobcenter-koebenhavn"), 200, nil)
}

func TestIngestTargetGroup(t *testing.T) {
	env := newTestEnv(t)
	const jcToken, akToken = "Bearer demo-token-jobcenter-koebenhavn", "Bearer demo-token-det-faglige-hus"
	today := shared.DateOf(env.clock.Now())
	good := ingestv1.TargetGroup{MessageID: "dfdg-1", CPR: "1402713579", Kontaktgruppe: 1, From: today.AddDays(-10), Enrolment: shared.EnrolmentTilmeldt}
	c := env.client()
	post := func(body any, auth string) response {
		return c.do("POST", "/api/ingest/v1/targetgroup", body, "Authorization", auth)
	}
	if r := post(good, ""); r.status != 401 {
		t.Errorf("no token: %d", r.status)
	}
	if r := post(good, "Bearer wrong"); r.status != 401 {
		t.Errorf("bad token: %d", r.status)
	}
	if r := post(good, akToken); r.status != 403 {
		t.Errorf("a-kasse token: %d", r.status)
	}
	bad := good
	bad.Kontaktgruppe, bad.CPR, bad.MessageID = 42, "1402", ""
	r := post(bad, jcToken)
	if r.status != 400 || r.err().FieldMessage("kontaktgruppe") == "" || r.err().FieldMessage("cpr") == "" || r.err().FieldMessage("message_id") == "" {
		t.Errorf("invalid: %d %s", r.status, r.body)
	}
	if r := post(`{"message_id":"x","unknown":1}`, jcToken); r.status != 400 {
		t.Errorf("unknown field: %d", r.status)
	}
	unknown := good
	unknown.MessageID, unknown.CPR = "dfdg-404", "010101-0101"
	if r := post(unknown, jcToken); r.status != 404 {
		t.Errorf("unknown citizen: %d %s", r.status, r.body)
	}

	var rec ingestv1.Receipt
	c.decode(post(good, jcToken), 200, &rec)
	if rec.Duplicate {
		t.Error("first delivery marked duplicate")
	}
	c.decode(post(good, jcToken), 200, &rec)
	if !rec.Duplicate {
		t.Error("retry not recognised")
	}
	changed := good
	changed.Kontaktgruppe = 2
	if r := post(changed, jcToken); r.status != 409 {
		t.Errorf("same id, other body: %d", r.status)
	}
	// The 404 above did not burn its message id.
	unknownOK := unknown
	if r := post(unknownOK, jcToken); r.status != 404 {
		t.Errorf("retry of failed message: %d", r.status)
	}

	// Henrik's ressourceforløb ended the day before; the dagpenge forløb is open.
	cit, err := env.store.CitizenByCPR(t.Context(), "140271-3579")
	if err != nil {
		t.Fatal(err)
	}
	if len(cit.Forloeb) != 2 {
		t.Fatalf("forløb after one update and a retry: %+v", cit.Forloeb)
	}
	if prev := cit.Forloeb[0]; prev.Kontaktgruppe != 9 || prev.Period.To != today.AddDays(-11) {
		t.Errorf("previous forløb %+v", prev)
	}
	if cur := cit.Forloeb[1]; cur.Kontaktgruppe != 1 || !cur.Period.To.IsZero() || cur.Period.From != today.AddDays(-10) {
		t.Errorf("new forløb %+v", cur)
	}
	if cit.Enrolment != shared.EnrolmentTilmeldt || cit.Jobcenter != "jc-101" {
		t.Errorf("citizen %+v", cit)
	}
}

func TestAPIErrors(t *testing.T) {
	env := newTestEnv(t)
	c := env.client()
	if r := c.do("GET", "/api/nothing-here", nil); r.status != 404 || r.err().Code != shared.ENotFound {
		t.Errorf("unknown route: %d %s", r.status, r.body)
	}
	if r := c.do("GET", "/api/overview", nil); r.status != 401 || r.err().Code != shared.EUnauthorized {
		t.Errorf("no session: %d %s", r.status, r.body)
	}
	if r := c.do("POST", "/api/login", "{not json"); r.status != 400 {
		t.Errorf("malformed: %d", r.status)
	}
	if r := c.do("POST", "/api/login", `{"username":"a","password":"b"} {}`); r.status != 400 {
		t.Errorf("trailing data: %d", r.status)
	}
	big := `{"username":"` + strings.Repeat("a", 64<<10) + `","password":"x"}`
	if r := c.do("POST", "/api/login", big); r.status != 400 || !strings.Contains(r.err().Message, "for stor") {
		t.Errorf("oversized: %d %s", r.status, r.body)
	}
	r := c.do("POST", "/api/login", shared.LoginRequest{Username: "mads", Password: demo.Password},
		"Origin", "https://evil.example", "Sec-Fetch-Site", "cross-site")
	if r.status != 403 || r.err().Code != shared.EForbidden {
		t.Errorf("cross-origin: %d %s", r.status, r.body)
	}
	c.loginCitizen("mads")
	if r := c.do("POST", "/api/notifications/abc/done", nil); r.status != 400 {
		t.Errorf("bad id: %d", r.status)
	}
	if r := c.do("GET", "/healthz", nil); r.status != 200 {
		t.Errorf("healthz: %d", r.status)
	}
}

func TestNotificationDone(t *testing.T) {
	env := newTestEnv(t)
	mads, jonas := env.client(), env.client()
	mads.loginCitizen("mads")
	jonas.loginCitizen("jonas")
	var o shared.Overview
	mads.decode(mads.do("GET", "/api/overview", nil), 200, &o)
	var id int64
	for _, n := range o.Notifications {
		if n.Kind == shared.NotifyDagpengekort {
			id = n.ID
		}
	}
	if id == 0 {
		t.Fatalf("no dagpengekort notification: %+v", o.Notifications)
	}
	path := shared.NotificationDonePath(id)
	if r := jonas.do("POST", path, nil); r.status != 404 {
		t.Errorf("another citizen's notification: %d", r.status)
	}
	mads.decode(mads.do("POST", path, nil), 204, nil)
	if r := mads.do("POST", path, nil); r.status != 404 {
		t.Errorf("twice: %d", r.status)
	}
	var after shared.Overview
	mads.decode(mads.do("GET", "/api/overview", nil), 200, &after)
	if len(after.Notifications) != len(o.Notifications)-1 {
		t.Errorf("notifications %+v", after.Notifications)
	}
}

func TestEures(t *testing.T) {
	env := newTestEnv(t)
	c := env.client()
	c.loginCitizen("mads")
	var e shared.EuresSetting
	c.decode(c.do("PUT", "/api/eures", shared.EuresSetting{Visible: true}), 200, &e)
	c.decode(c.do("GET", "/api/eures", nil), 200, &e)
	if !e.Visible {
		t.Fatal("not saved")
	}
	// Both caseworker roles read it.
	for _, cw := range []string{"nina", "berit"} {
		var seen shared.EuresSetting
		m := env.mirror(cw, cprMads)
		m.decode(m.do("GET", "/api/eures", nil), 200, &seen)
		if !seen.Visible {
			t.Errorf("%s sees %+v", cw, seen)
		}
	}
}

func TestPagesAndWasm(t *testing.T) {
	env := newTestEnv(t)
	c := env.client()
	for _, path := range []string{"/", "/log-ind", "/opret-bruger", "/sagsbehandleradgang", "/historik", "/job-i-europa"} {
		r := c.do("GET", path, nil)
		if r.status != 200 || !strings.Contains(string(r.body), `lang="da"`) || !strings.Contains(string(r.body), "/web/dkfds/css/dkfds.min.css") {
			t.Errorf("%s: %d", path, r.status)
		}
		if csp := r.header.Get("Content-Security-Policy"); !strings.Contains(csp, "'wasm-unsafe-eval'") || strings.Contains(csp, "'unsafe-eval'") {
			t.Errorf("%s CSP: %s", path, csp)
		}
		if r.header.Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("%s: no nosniff", path)
		}
	}
	for _, tt := range []struct{ accept, encoding, body string }{
		{"gzip, deflate, br", "br", "brotli-bytes"},
		{"gzip", "gzip", "gzip-bytes"},
		{"br;q=0, gzip", "gzip", "gzip-bytes"},
		{"", "", "\x00asm raw"},
	} {
		req, _ := http.NewRequest("GET", env.ts.URL+"/web/app.wasm", nil)
		req.Header.Set("Accept-Encoding", tt.accept)
		resp, err := http.DefaultTransport.RoundTrip(req)
		if err != nil {
			t.Fatal(err)
		}
		body := make([]byte, 64)
		n, _ := resp.Body.Read(body)
		resp.Body.Close()
		if resp.Header.Get("Content-Encoding") != tt.encoding || string(body[:n]) != tt.body ||
			resp.Header.Get("Content-Type") != "application/wasm" || resp.Header.Get("Vary") != "Accept-Encoding" {
			t.Errorf("Accept-Encoding %q: encoding %q body %q type %q", tt.accept, resp.Header.Get("Content-Encoding"), body[:n], resp.Header.Get("Content-Type"))
		}
	}
}

// A page that shows a citizen's data comes with it: prerendered with the
// answers of its first GETs, which it also carries for the app, made by the
// API for the request's own session — never stored, never for the front
// page (the service worker keeps "/"), never without a session.
func TestPreloadedPages(t *testing.T) {
	env := newTestEnv(t)
	mads := env.client()
	mads.loginCitizen("mads")
	r := mads.do("GET", "/min-plan", nil)
	page := string(r.body)
	head, body, _ := strings.Cut(page, "</head>")
	if r.status != 200 || !strings.Contains(head, `<script type="application/json" id="jobnet-preload">`) {
		t.Fatalf("no preloaded answers: %d", r.status)
	}
	// The prerendered body shows the plan and who is signed in.
	for _, want := range []string{"Svejsefabrikken", "Mads Kristensen", "Log ud"} {
		if !strings.Contains(body, want) {
			t.Errorf("the prerendered page lacks %q", want)
		}
	}
	if r.header.Get("Cache-Control") != "no-store" || r.header.Get("ETag") != "" || !strings.Contains(strings.Join(r.header.Values("Vary"), ","), "Cookie") {
		t.Errorf("a person's page may be stored: %v", r.header)
	}
	if strings.Contains(page, "jobnet-preload=") {
		t.Error("the prerender's key shows in the page")
	}
	// The a-kasse's page has the projection's answers only.
	berit := env.mirror("berit", cprMads).do("GET", "/min-plan", nil)
	if !strings.Contains(string(berit.body), "Svejsefabrikken") || strings.Contains(string(berit.body), "Sygeopfølgningssamtale") {
		t.Error("the a-kasse's preloaded Min plan is not its projection")
	}
	for _, tt := range []struct {
		who  *client
		path string
	}{{env.client(), "/min-plan"}, {mads, "/"}, {mads, "/log-ind"}} {
		if r := tt.who.do("GET", tt.path, nil); strings.Contains(string(r.body), "jobnet-preload") {
			t.Errorf("%s was preloaded", tt.path)
		}
	}
}
