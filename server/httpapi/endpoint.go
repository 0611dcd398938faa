package httpapi

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"time"

	"jobnet/server/findjob"
	"jobnet/server/sms"
	"jobnet/server/storage"
	"jobnet/shared"
)

// idInPath is the {id} of a route, or the not-found error notFound: an id
// that is not a positive number names nothing.
func idInPath(r *http.Request, notFound func() error) (int64, error) {
	return numberInPath(r, "id", notFound)
}

// numberInPath is the path's {name}, or notFound when it is not a
// positive number.
func numberInPath(r *http.Request, name string, notFound func() error) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue(name), 10, 64)
	if err != nil || id <= 0 {
		return 0, notFound()
	}
	return id, nil
}

// maxBodyBytes bounds every API request body; a case system's plan with
// hundreds of items may be larger (maxIngestBytes).
const (
	maxBodyBytes   = 64 << 10
	maxIngestBytes = 4 << 20
)

// request is what every handler gets: the HTTP request, the time, and who
// is calling.
type request struct {
	r     *http.Request
	now   time.Time
	actor shared.Actor
	sess  *session // the caller's session; nil without one
}

func (r *request) ctx() context.Context { return r.r.Context() }

// sessionRequest is what the handlers of ScopeNone, ScopePublic and
// ScopeSession routes get: the request, the response (for the session
// cookie) and the API's services. No citizen's data is read through them.
type sessionRequest struct {
	request
	w   http.ResponseWriter
	api *API
}

// citizenRequest is what a ScopeCitizen handler gets: the request, the
// shown citizen, and the one accessor to that citizen's rows — over a
// read-only transaction in a mirror session — and nothing else of the
// database.
type citizenRequest struct {
	request
	who     shared.Citizen  // the shown citizen, with their forløb
	citizen storage.Citizen // the shown citizen's rows
	events  *eventLog
	loc     *time.Location
	findjob *findjob.Index // the taxonomy, for automatch's hotjob groups
	fronts  *frontCache    // the front page's nudges, per session
	travel  travelTimes    // a log's travel time
	// Brugerprofil: NemSMS's seam, and the sessions to forget when the
	// citizen deletes their login.
	sms      sms.Provider
	sessions *sessionCache
	limiter  *loginLimiter // wrong passwords count as at the login
}

func (r *citizenRequest) today() shared.Date { return shared.DateOf(r.now) }

// record notes a behaviour event of the caller's session (a citizen's only,
// eventLog.record decides).
func (r *citizenRequest) record(kind, detail string) { r.events.record(r.sess, kind, detail, r.now) }

// visited runs write, which records something of the citizen's own visit
// (a plan version seen), for the citizen's own session only: a caseworker's
// look changes nothing (session.citizensOwn).
func (r *citizenRequest) visited(write func() error) error {
	if !r.sess.citizensOwn() {
		return nil
	}
	return write()
}

// ingestRequest is what a ScopeIngest handler gets: the request, the
// sending organisation and the store's ingestion service.
type ingestRequest struct {
	request
	org      shared.Organisation
	policy   Policy
	store    *storage.Store
	sessions *sessionCache
	findjob  *findjob.Index // places an ad
	// publicURL is the portal's address, for the links in mails.
	publicURL string
	banners   *bannerCache // forgotten when STAR changes the banner
	fronts    *frontCache  // a citizen's front page nudges, forgotten on news
	loc       *time.Location
}

// handle is a route's handler, of the kind its scope needs. Its answer is
// encoded by respond: nil or noContent is 204, a shared.File is sent as
// it is, anything else as JSON.
type handle struct {
	scope   Scope
	plain   func(*sessionRequest) (any, error)
	citizen func(*citizenRequest) (any, error)
	// akasse answers an a-kasse caseworker on a route that projects: its
	// answer can only be an a-kasse view.
	akasse func(*citizenRequest) (shared.AKasseView, error)
	ingest func(*ingestRequest) (any, error)
	// maxBody, when set, bounds the request body instead of maxBodyBytes
	// (documentHandler).
	maxBody int64
}

// noContent is the answer of a write that has nothing to say.
type noContent struct{}

func plainHandler[T any](s Scope, f func(*sessionRequest) (T, error)) handle {
	return handle{scope: s, plain: func(r *sessionRequest) (any, error) { return f(r) }}
}

func citizenHandler[T any](f func(*citizenRequest) (T, error)) handle {
	return handle{scope: ScopeCitizen, citizen: func(r *citizenRequest) (any, error) { return f(r) }}
}

// projectedHandler loads a citizen's data once and answers it as the full
// view or, for the a-kasse, as its projection.
func projectedHandler[D, V any, A shared.AKasseView](load func(*citizenRequest) (D, error),
	full func(*citizenRequest, D) (V, error), akasse func(*citizenRequest, D) (A, error)) handle {
	return handle{scope: ScopeCitizen,
		citizen: func(r *citizenRequest) (any, error) {
			d, err := load(r)
			if err != nil {
				return nil, err
			}
			return full(r, d)
		},
		akasse: func(r *citizenRequest) (shared.AKasseView, error) {
			d, err := load(r)
			if err != nil {
				return nil, err
			}
			return akasse(r, d)
		}}
}

// documentHandler is citizenHandler for a route whose body is a document
// of up to maxBody bytes.
func documentHandler[T any](maxBody int64, f func(*citizenRequest) (T, error)) handle {
	h := citizenHandler(f)
	h.maxBody = maxBody
	return h
}

func ingestHandler[T any](f func(*ingestRequest) (T, error)) handle {
	return handle{scope: ScopeIngest, ingest: func(r *ingestRequest) (any, error) { return f(r) }}
}

// ingestBodyHandler is ingestHandler for a route whose body may hold up to
// maxBody bytes (a message with its files).
func ingestBodyHandler[T any](maxBody int64, f func(*ingestRequest) (T, error)) handle {
	h := ingestHandler(f)
	h.maxBody = maxBody
	return h
}

// endpoint wraps a route with the one authorization point: it resolves the
// caller, gives them what the route's policy grants or its refusal, and
// runs a mirror session's request in a read-only transaction, so that
// PostgreSQL refuses a write that slipped through. Every answer goes out
// through respond.
func (a *API) endpoint(rt Route) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		limit := int64(maxBodyBytes)
		if rt.Policy.Scope == ScopeIngest {
			limit = maxIngestBytes
		}
		if rt.handle.maxBody > 0 {
			limit = rt.handle.maxBody
		}
		r.Body = http.MaxBytesReader(w, r.Body, limit)
		req := request{r: r, now: a.now()}
		v, err := a.serve(w, rt, &req)
		if err != nil {
			a.writeError(w, r, err)
			return
		}
		a.respond(w, r, req.actor, v)
	})
}

func (a *API) serve(w http.ResponseWriter, rt Route, req *request) (any, error) {
	p := rt.Policy
	switch p.Scope {
	case ScopeNone:
		return rt.handle.plain(&sessionRequest{request: *req, w: w, api: a})
	case ScopeIngest:
		org, err := a.ingestOrganisation(req.r)
		if err != nil {
			return nil, err
		}
		caller := map[shared.OrgKind]Caller{shared.OrgJobcenter: CallerJobcenterSystem, shared.OrgAKasse: CallerAKasseSystem,
			shared.OrgSTAR: CallerSTARSystem}[org.Kind]
		if g := p.Grant(caller); !g.Allowed() {
			return nil, shared.Errorf(shared.EForbidden, "%s", g.Message(caller))
		}
		return rt.handle.ingest(&ingestRequest{request: *req, org: org, policy: p, store: a.store, sessions: a.sessions, findjob: a.findjob, publicURL: a.cfg.PublicURL, banners: &a.banners, fronts: a.fronts, loc: a.cfg.Location})
	}
	sess, err := a.resolveSession(req.r, req.now)
	if err != nil && !errors.Is(err, errAnonymous) {
		return nil, err
	}
	caller := CallerAnonymous
	if sess != nil {
		req.sess, req.actor = sess, sess.actor
		caller = callerOf(sess.actor.Role)
	}
	g := p.Grant(caller)
	if !g.Allowed() {
		if caller == CallerAnonymous {
			return nil, errNoSession(req.r)
		}
		return nil, shared.Errorf(shared.EForbidden, "%s", g.Message(caller))
	}
	if p.Scope != ScopeCitizen {
		return rt.handle.plain(&sessionRequest{request: *req, w: w, api: a})
	}
	if sess.who == nil {
		return nil, shared.Errorf(shared.EForbidden, "Vælg først den borger, hvis Jobnet du vil se.")
	}
	run := func(c storage.Citizen) (any, error) {
		cr := &citizenRequest{request: *req, who: *sess.who, citizen: c, events: a.events, loc: a.cfg.Location, findjob: a.findjob, fronts: a.fronts, travel: a.travel,
			sms: a.cfg.SMS, sessions: a.sessions, limiter: a.limiter}
		if g.Projected() {
			return rt.handle.akasse(cr)
		}
		return rt.handle.citizen(cr)
	}
	if !req.actor.Mirroring() {
		return run(a.store.Citizen(sess.who.ID))
	}
	var v any
	// A mirror only reads: from a standby when there is one.
	err = a.store.ReadOnlyStandby(req.ctx(), sess.who.ID, func(ctx context.Context, c storage.Citizen) error {
		var err error
		v, err = run(c)
		return err
	})
	return v, err
}

func callerOf(r shared.Role) Caller {
	switch r {
	case shared.RoleCitizen:
		return CallerCitizen
	case shared.RoleJobcenter:
		return CallerJobcenter
	case shared.RoleAKasse:
		return CallerAKasse
	}
	return CallerAnonymous
}

func errNoSession(r *http.Request) error {
	if _, err := r.Cookie(sessionCookie); err == nil {
		return shared.Errorf(shared.EUnauthorized, "Du er blevet logget ud. Log ind igen.")
	}
	return shared.NewError(shared.EUnauthorized)
}
