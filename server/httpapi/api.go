// Package httpapi is Jobnet's JSON API over HTTP: the route table with its
// role policy, the one endpoint that applies it, sessions, the handlers,
// and the ingestion contract's routes. It reads and writes only through
// package storage.
package httpapi

import (
	"context"
	"errors"
	"jobnet/server/findjob"
	"jobnet/server/journey"
	"jobnet/server/sms"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"jobnet/server/storage"
	"jobnet/shared"
)

// Config holds what the API needs besides its store.
type Config struct {
	// IdleTimeout signs a session off after this long without a request
	// (SPEC A2: 20 minutes; tests shorten it).
	IdleTimeout time.Duration
	// SecureCookies sets the Secure flag; on behind TLS.
	SecureCookies bool
	// Location is Europe/Copenhagen: "today" is a Danish calendar date.
	Location *time.Location
	// Now is the clock; tests pin it.
	Now func() time.Time
	// FlushEvery is how often sessions' liveness and behaviour events are
	// written down (default 10 s; the idle timeout is then exact to within
	// that across processes, and to the second within one).
	FlushEvery time.Duration
	// PublicRate is the public API's limit per client address in requests
	// a second (0: PublicRate; negative: none, for benchmarks).
	PublicRate float64
	// PublicURL is where citizens reach the portal ("https://jobnet.dk"),
	// for the links in mails.
	PublicURL string
	// Journey is the journey planner behind a log's travel time; nil:
	// none, and no log shows one (server/journey).
	Journey journey.Planner
	// SMS is NemSMS's seam (Brugerprofil's "Få besked på SMS"); nil: the
	// demo's sink, which knows sms.DemoVerifiedNumbers only.
	SMS sms.Provider
}

// API serves the routes of the route table.
type API struct {
	store    *storage.Store
	log      *slog.Logger
	cfg      Config
	routes   []Route
	limiter  *loginLimiter
	live     *liveness
	sessions *sessionCache
	events   *eventLog
	findjob  *findjob.Index
	widk     widkCount
	banners  bannerCache
	fronts   *frontCache
	travel   travelTimes
	// publicLimit is the public API's rate limit per client address.
	publicLimit *clientLimiter
	stop        chan struct{}
	stopped     chan struct{}
	// stopIndex ends the keeper of Find Job's index; indexStopped closes
	// when it has.
	stopIndex    context.CancelFunc
	indexStopped chan struct{}
}

// New checks the route table against the policy's rules and builds the
// API; it starts the writer of liveness and behaviour events and the
// keeper of Find Job's index (storage.KeepJobSearch), which Close stops.
func New(store *storage.Store, log *slog.Logger, cfg Config) (*API, error) {
	if cfg.IdleTimeout <= 0 {
		cfg.IdleTimeout = 20 * time.Minute
	}
	if cfg.FlushEvery <= 0 {
		cfg.FlushEvery = 10 * time.Second
	}
	if cfg.Location == nil {
		loc, err := time.LoadLocation("Europe/Copenhagen")
		if err != nil {
			return nil, err
		}
		cfg.Location = loc
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.SMS == nil {
		cfg.SMS = sms.NewDemoSink(sms.DemoVerifiedNumbers...)
	}
	routes := Routes()
	var errs []error
	for _, rt := range routes {
		errs = append(errs, checkPolicy(rt))
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	ix, err := findjob.Default()
	if err != nil {
		return nil, err
	}
	a := &API{store: store, log: log, cfg: cfg, routes: routes, findjob: ix, travel: travelTimes{planner: cfg.Journey, log: log},
		limiter: newLoginLimiter(10, 15*time.Minute), live: newLiveness(), sessions: newSessionCache(), events: newEventLog(store),
		fronts: newFrontCache(cfg.IdleTimeout),
		stop:   make(chan struct{}), stopped: make(chan struct{})}
	if cfg.PublicRate == 0 {
		cfg.PublicRate = PublicRate
	}
	a.cfg.PublicRate = cfg.PublicRate
	a.publicLimit = newClientLimiter(cfg.PublicRate, max(PublicBurst, int(cfg.PublicRate)))
	go a.writeDown()
	var indexCtx context.Context
	indexCtx, a.stopIndex = context.WithCancel(context.Background())
	a.indexStopped = make(chan struct{})
	go func() {
		defer close(a.indexStopped)
		store.KeepJobSearch(indexCtx, ix, func(err error) { a.log.Error("building Find Job's index", "err", err) })
	}()
	return a, nil
}

// Register adds every route to mux, and a structured 404 for other /api/
// paths.
func (a *API) Register(mux *http.ServeMux) {
	preflight := map[string]bool{}
	for _, rt := range a.routes {
		h := a.endpoint(rt)
		if _, path, _ := strings.Cut(rt.Pattern, " "); strings.HasPrefix(path, shared.APIPublicPrefix) {
			h = a.public(h)
			// Another site's browser asks first (a CORS preflight), once
			// per path.
			if !preflight[path] {
				mux.Handle("OPTIONS "+path, publicCORS.Handler(http.NotFoundHandler()))
				preflight[path] = true
			}
		}
		mux.Handle(rt.Pattern, h)
	}
	mux.Handle("/api/", a.endpoint(Route{Pattern: "/api/", Policy: Policy{Scope: ScopeNone},
		handle: plainHandler(ScopeNone, func(*sessionRequest) (any, error) {
			return nil, shared.Errorf(shared.ENotFound, "Ukendt adresse i API'et.")
		})}))
}

func (a *API) now() time.Time { return a.cfg.Now().In(a.cfg.Location) }

// writeDown writes sessions' liveness and behaviour events to the database
// every FlushEvery (sooner when the event buffer fills), off the
// requests' path, until Close.
func (a *API) writeDown() {
	defer close(a.stopped)
	t := time.NewTicker(a.cfg.FlushEvery)
	defer t.Stop()
	for {
		select {
		case <-a.stop:
			return
		case <-t.C:
		case <-a.events.full:
		}
		ctx, cancel := context.WithTimeout(context.Background(), a.cfg.FlushEvery)
		if err := a.Flush(ctx); err != nil {
			a.log.Error("writing down sessions and behaviour events", "err", err)
		}
		cancel()
	}
}

// Flush writes down what is buffered now: sessions' liveness and
// behaviour events. What it could not write stays buffered for the next.
func (a *API) Flush(ctx context.Context) error {
	touches, versions := a.live.pending(a.now(), a.cfg.IdleTimeout)
	err := a.store.TouchSessions(ctx, touches)
	if err == nil {
		a.live.markWritten(touches, versions)
	}
	return errors.Join(err, a.events.flush(ctx))
}

// Close stops the writer and writes down what is left: after the HTTP
// server has shut down, no behaviour event is lost. It stops the keeper
// of Find Job's index too.
func (a *API) Close(ctx context.Context) error {
	a.stopIndex()
	<-a.indexStopped
	close(a.stop)
	<-a.stopped
	return a.Flush(ctx)
}
