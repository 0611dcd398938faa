package httpapi

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgconn"

	"jobnet/server/dbtest"
	"jobnet/server/demo"
	"jobnet/server/servertest"
	"jobnet/server/storage"
	"jobnet/shared"
)

func TestMain(m *testing.M) { dbtest.Main(m) }

// newTestAPI is the API alone over the demo data, at the pinned moment.
func newTestAPI(t testing.TB) (*API, *storage.Store, *servertest.Clock) {
	t.Helper()
	db := dbtest.MustOpenDB(t)
	clock := servertest.NewClock()
	store := storage.New(db, nil)
	if err := demo.Seed(context.Background(), store, clock.Now()); err != nil {
		t.Fatal(err)
	}
	a, err := New(store, slog.New(slog.NewTextHandler(io.Discard, nil)), Config{Location: servertest.Copenhagen, Now: clock.Now})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = a.Close(context.Background()) })
	return a, store, clock
}

// login signs in through the API and returns the session cookie.
func login(t testing.TB, a *API, path, username string) *http.Cookie {
	t.Helper()
	body, _ := json.Marshal(shared.LoginRequest{Username: username, Password: demo.Password})
	rec := httptest.NewRecorder()
	req := httptest.NewRequest("POST", path, strings.NewReader(string(body)))
	req.Header.Set("Content-Type", "application/json")
	a.endpoint(routeOf(t, "POST "+path)).ServeHTTP(rec, req)
	if rec.Code != 200 {
		t.Fatalf("login %s: %d %s", username, rec.Code, rec.Body)
	}
	return rec.Result().Cookies()[0]
}

func routeOf(t testing.TB, pattern string) Route {
	for _, rt := range Routes() {
		if rt.Pattern == pattern {
			return rt
		}
	}
	t.Fatalf("no route %s", pattern)
	return Route{}
}

// mirrorAs signs a caseworker in and opens the citizen's Jobnet.
func mirrorAs(t *testing.T, a *API, caseworker, cpr string) *http.Cookie {
	t.Helper()
	ck := login(t, a, shared.APICaseworkerLogin, caseworker)
	rec := httptest.NewRecorder()
	req := httptest.NewRequest("POST", shared.APIMirror, strings.NewReader(`{"cpr":"`+cpr+`"}`))
	req.AddCookie(ck)
	a.endpoint(routeOf(t, "POST "+shared.APIMirror)).ServeHTTP(rec, req)
	if rec.Code != 200 {
		t.Fatalf("mirror: %d %s", rec.Code, rec.Body)
	}
	return ck
}

// TestMirrorReadOnlyTransaction: a handler that tried to write in a
// caseworker's mirror session is stopped by PostgreSQL itself, and the
// answer does not say why.
func TestMirrorReadOnlyTransaction(t *testing.T) {
	a, store, _ := newTestAPI(t)
	ck := mirrorAs(t, a, "nina", "120385-1231")
	var writeErr error
	rt := Route{Pattern: "GET /test", Policy: citizenRead(Allow), handle: citizenHandler(func(req *citizenRequest) (noContent, error) {
		writeErr = req.citizen.SetEures(req.ctx(), shared.EuresSetting{Visible: true}, req.now)
		return noContent{}, writeErr
	})}
	rec := httptest.NewRecorder()
	req := httptest.NewRequest("GET", "/test", nil)
	req.AddCookie(ck)
	a.endpoint(rt).ServeHTTP(rec, req)
	var pgErr *pgconn.PgError
	if !errors.As(writeErr, &pgErr) || pgErr.Code != "25006" {
		t.Fatalf("write in a mirror session: %v, want read_only_sql_transaction", writeErr)
	}
	if rec.Code != 500 || strings.Contains(rec.Body.String(), "read-only") {
		t.Errorf("answer %d %s: an internal error must not be described", rec.Code, rec.Body)
	}
	c, err := store.CitizenByCPR(context.Background(), "120385-1231")
	if err != nil {
		t.Fatal(err)
	}
	if e, err := store.Citizen(c.ID).Eures(context.Background()); err != nil || e.Visible {
		t.Fatalf("the write reached the database: %+v %v", e, err)
	}
}

// TestAKasseAnswersFailClosed: the one encoding path sends an a-kasse
// caseworker only a-kasse views; a handler that hands it the citizen's own
// data answers 500 and leaks nothing.
func TestAKasseAnswersFailClosed(t *testing.T) {
	a, _, _ := newTestAPI(t)
	const marker = "FULL-OVERVIEW-MARKER"
	forgetful := Route{Pattern: "GET /test", Policy: citizenRead(Allow), handle: citizenHandler(func(*citizenRequest) (shared.Overview, error) {
		return shared.Overview{Name: marker}, nil
	})}
	projected := Route{Pattern: "GET /test", Policy: citizenRead(Project), handle: projectedHandler(
		func(*citizenRequest) (shared.Overview, error) { return shared.Overview{Name: marker}, nil },
		func(_ *citizenRequest, o shared.Overview) (shared.Overview, error) { return o, nil },
		func(_ *citizenRequest, o shared.Overview) (shared.AKasseOverview, error) {
			return shared.AKasseOverview{Name: "projected"}, nil
		})}
	for _, tt := range []struct {
		who, cpr string
		rt       Route
		status   int
		body     string
	}{
		{"berit", "120385-1231", forgetful, 500, ""},
		{"nina", "120385-1231", forgetful, 200, marker},
		{"berit", "120385-1231", projected, 200, "projected"},
		{"nina", "120385-1231", projected, 200, marker},
	} {
		rec := httptest.NewRecorder()
		req := httptest.NewRequest("GET", "/test", nil)
		req.AddCookie(mirrorAs(t, a, tt.who, tt.cpr))
		a.endpoint(tt.rt).ServeHTTP(rec, req)
		if rec.Code != tt.status || !strings.Contains(rec.Body.String(), tt.body) {
			t.Errorf("%s, %s: %d %s", tt.who, tt.rt.Policy.AKasse, rec.Code, rec.Body)
		}
		if tt.who == "berit" && strings.Contains(rec.Body.String(), marker) {
			t.Errorf("LEAK: the a-kasse got %s", rec.Body)
		}
	}
}

// TestCheckPolicy: the table's rules catch the routes that would break them.
func TestCheckPolicy(t *testing.T) {
	ok := citizenHandler(func(*citizenRequest) (noContent, error) { return noContent{}, nil })
	projected := projectedHandler(
		func(*citizenRequest) (shared.Counters, error) { return shared.Counters{}, nil },
		countersForCitizen, countersForAKasse)
	tests := []struct {
		name string
		rt   Route
		want string // in the error; "" for none
	}{
		{"OKRead", Route{"GET /x", citizenRead(Allow), ok}, ""},
		{"OKWrite", Route{"POST /x", citizenWrite, ok}, ""},
		{"OKProjected", Route{"GET /x", citizenRead(Project), projected}, ""},
		{"ErrWriteAllowsCaseworker", Route{"POST /x", citizenRead(Allow), ok}, "must refuse jobcenter"},
		{"ErrWriteRefusesWithOtherMessage", Route{"PUT /x", Policy{Scope: ScopeCitizen, Citizen: Allow, Jobcenter: ReadOnly, AKasse: Refuse("nej")}, ok}, "must refuse akasse"},
		{"ErrProjectWithoutHandler", Route{"GET /x", citizenRead(Project), ok}, "does not match its handler"},
		{"ErrHandlerWithoutProject", Route{"GET /x", citizenRead(Allow), projected}, "does not match its handler"},
		{"ErrProjectForJobcenter", Route{"GET /x", Policy{Scope: ScopeCitizen, Citizen: Allow, Jobcenter: Project, AKasse: Project}, projected}, "only the a-kasse"},
		{"ErrAnonymousCitizenData", Route{"GET /x", Policy{Scope: ScopeCitizen, Anonymous: Allow, Citizen: Allow}, ok}, "needs a session"},
		{"ErrSystemOnSessionRoute", Route{"POST /x", Policy{Scope: ScopeSession, Citizen: Allow, AKasseSystem: Allow}, plainHandler(ScopeSession, handleLogout)}, "does not have"},
		{"ErrWrongHandlerKind", Route{"GET /x", citizenRead(Allow), plainHandler(ScopeSession, handleSession)}, "its handler is for session routes"},
		{"OKWithheld", Route{"GET " + shared.APIMinSag, citizenRead(Withhold(shared.WithheldMinSag)), ok}, ""},
		{"ErrAKasseRefusedOutsideBanner", Route{"GET /x", citizenRead(Refuse("nej")), ok}, "so that the mirror banner says it"},
		{"ErrWithholdWithoutRefusal", Route{"GET /x", citizenRead(Withhold(shared.WithheldLetterSecrecy)), ok}, "so that the mirror banner says it"},
		{"ErrWithheldPathAllowed", Route{"GET " + shared.APIPresentationCV, citizenRead(Allow), ok}, "must be Withhold(\"praesentations-cv\")"},
		{"ErrWithheldSubPathOtherKind", Route{"GET " + shared.APIMinSag + "/documents", citizenRead(Withhold(shared.WithheldHistorik)), ok}, "must be Withhold(\"min-sag\")"},
		{"ErrJobcenterRefusedRead", Route{"GET /x", Policy{Scope: ScopeCitizen, Citizen: Allow, Jobcenter: Refuse("nej"), AKasse: Allow}, ok}, "the jobcenter sees what the citizen sees"},
		{"ErrOwnCitizensOnlyOffIngest", Route{"GET /x", Policy{Scope: ScopeCitizen, Citizen: Allow, OwnCitizensOnly: true}, ok}, "for ingest routes"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := checkPolicy(tt.rt)
			if (err == nil) != (tt.want == "") || (err != nil && !strings.Contains(err.Error(), tt.want)) {
				t.Errorf("checkPolicy = %v, want %q", err, tt.want)
			}
		})
	}
	for _, rt := range Routes() {
		if err := checkPolicy(rt); err != nil {
			t.Error(err)
		}
	}
}

// TestIdleTimeoutExact: a session lives exactly the idle timeout after its
// last request, whether or not its liveness has been written down, and
// ends as an automatic sign-off at the moment it went idle.
func TestIdleTimeoutExact(t *testing.T) {
	for _, flush := range []bool{false, true} {
		a, _, clock := newTestAPI(t)
		ck := login(t, a, shared.APILogin, "mads")
		get := func(path string) int {
			rec := httptest.NewRecorder()
			req := httptest.NewRequest("GET", shared.APISession, nil)
			req.Header.Set(pathHeader, path)
			req.AddCookie(ck)
			a.endpoint(routeOf(t, "GET "+shared.APISession)).ServeHTTP(rec, req)
			return rec.Code
		}
		clock.Advance(19 * time.Minute)
		if get("/historik") != 200 { // touched in memory only
			t.Fatal("alive after 19 minutes")
		}
		if flush {
			if err := a.Flush(context.Background()); err != nil {
				t.Fatal(err)
			}
		}
		clock.Advance(20 * time.Minute)
		if code := get(""); code != 200 {
			t.Fatalf("flush=%v: %d at exactly the idle timeout after the last request", flush, code)
		}
		clock.Advance(20*time.Minute + time.Second)
		if code := get(""); code != 401 {
			t.Fatalf("flush=%v: %d a second past the idle timeout", flush, code)
		}
		// The next login returns to the last page.
		body, _ := json.Marshal(shared.LoginRequest{Username: "mads", Password: demo.Password})
		rec := httptest.NewRecorder()
		a.endpoint(routeOf(t, "POST "+shared.APILogin)).ServeHTTP(rec, httptest.NewRequest("POST", shared.APILogin, strings.NewReader(string(body))))
		var s shared.Session
		if err := json.Unmarshal(rec.Body.Bytes(), &s); err != nil || s.ReturnTo != "/historik" {
			t.Errorf("flush=%v: the next login returns to %q (%v), want /historik", flush, s.ReturnTo, err)
		}
	}
}
