// Package server puts Jobnet's rooms together: the API (httpapi, over
// storage) and the pages (go-app, prerendered), behind the security
// headers and the cross-origin protection every response gets.
package server

import (
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"time"

	"jobnet/server/httpapi"
	"jobnet/server/journey"
	"jobnet/server/mail"
	"jobnet/server/site"
	"jobnet/server/sms"
	"jobnet/server/storage"
	"jobnet/shared"
)

// Config holds what the server needs besides its store.
type Config struct {
	// IdleTimeout signs a session off after this long without a request
	// (SPEC A2: 20 minutes; tests shorten it).
	IdleTimeout time.Duration
	// SecureCookies sets the Secure flag; on behind TLS.
	SecureCookies bool
	// WebDir holds the static files served under /web/ (styles, app.wasm).
	WebDir string
	// Location is Europe/Copenhagen (the default): "today" is a Danish
	// calendar date.
	Location *time.Location
	// Now is the clock; tests pin it.
	Now func() time.Time
	// FlushEvery is how often sessions' liveness and behaviour events are
	// written down (httpapi.Config).
	FlushEvery time.Duration
	// PublicRate limits the public API per client address (httpapi.Config;
	// negative: no limit, for tests and benchmarks from one address).
	PublicRate float64
	// PublicURL is where citizens reach the portal, for the links in
	// mails (httpapi.Config).
	PublicURL string
	// Journey is the journey planner behind a log's travel time; nil:
	// none (httpapi.Config).
	Journey journey.Planner
	// SMS is NemSMS's seam (Brugerprofil); nil: the demo's sink.
	SMS sms.Provider
	// Post is the in-process mail sink whose mails /dev/post shows: set
	// only in the demo without an SMTP server; nil makes /dev/post 404.
	Post *mail.Sink
}

// Server serves the portal: the API and the pages.
type Server struct {
	api     *httpapi.API
	log     *slog.Logger
	cfg     Config
	handler http.Handler
}

// New builds the server over the store.
func New(store *storage.Store, log *slog.Logger, cfg Config) (*Server, error) {
	if cfg.WebDir == "" {
		cfg.WebDir = "web"
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	api, err := httpapi.New(store, log, httpapi.Config{IdleTimeout: cfg.IdleTimeout, SecureCookies: cfg.SecureCookies,
		Location: cfg.Location, Now: cfg.Now, FlushEvery: cfg.FlushEvery, PublicRate: cfg.PublicRate, PublicURL: cfg.PublicURL,
		Journey: cfg.Journey, SMS: cfg.SMS})
	if err != nil {
		return nil, err
	}
	s := &Server{api: api, log: log, cfg: cfg}
	apiMux := http.NewServeMux()
	api.Register(apiMux)
	pages, err := site.New(cfg.WebDir, log, site.Options{API: apiMux, Now: cfg.Now})
	if err != nil {
		return nil, err
	}
	mux := http.NewServeMux()
	mux.Handle("/api/", apiMux)
	mux.Handle("/healthz", apiMux)
	// A developer's tool, not the portal's: neither the API's route table
	// nor a go-app page (devpost.go).
	mux.HandleFunc("GET /dev/post", s.handleDevPost)
	mux.Handle("/", pages)
	// Cross-origin protection for every state-changing request: browsers
	// send Sec-Fetch-Site/Origin, which must name this origin. Case systems
	// calling the ingestion API send neither and pass.
	cop := http.NewCrossOriginProtection()
	cop.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		w.WriteHeader(http.StatusForbidden)
		_ = json.NewEncoder(w).Encode(shared.Errorf(shared.EForbidden, "Forespørgslen kom fra et andet websted og blev afvist."))
	}))
	s.handler = s.logRequests(s.dated(securityHeaders(cop.Handler(mux))))
	return s, nil
}

// Flush writes down what the API buffers (sessions' liveness, behaviour
// events) now.
func (s *Server) Flush(ctx context.Context) error { return s.api.Flush(ctx) }

// Close writes down what the API buffers and stops its writer; call it
// after the HTTP server has shut down.
func (s *Server) Close(ctx context.Context) error { return s.api.Close(ctx) }

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.handler.ServeHTTP(w, r) }

// securityHeaders sets the headers every response carries. The CSP allows
// WebAssembly compilation ('wasm-unsafe-eval') but no eval of scripts; style
// attributes are allowed because go-app sets them from Go.
func securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; "+
			"style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; "+
			"worker-src 'self'; manifest-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "same-origin")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
		next.ServeHTTP(w, r)
	})
}

// dated sets every response's Date from the server's clock: the app takes
// "today" from it (app/api/clock.go), so the server decides what day it is.
func (s *Server) dated(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Date", s.cfg.Now().UTC().Format(http.TimeFormat))
		next.ServeHTTP(w, r)
	})
}

type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (r *statusRecorder) WriteHeader(code int) {
	r.status = code
	r.ResponseWriter.WriteHeader(code)
}

func (s *Server) logRequests(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
		next.ServeHTTP(rec, r)
		level := slog.LevelDebug
		if rec.status >= 500 {
			level = slog.LevelError
		}
		s.log.Log(r.Context(), level, "request", "method", r.Method, "path", r.URL.Path,
			"status", rec.status, "duration", time.Since(start))
	})
}
