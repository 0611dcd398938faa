// Package server is Jobnet's HTTP side: the route table, sessions, the one
// authorization point, handlers and storage in PostgreSQL through bun.
package server

import (
	"context"
	"log/slog"
	"net/http"
	"time"

	"github.com/uptrace/bun"

	"jobnet/server/site"
	"jobnet/shared"
)

// Config holds what the server needs besides its database.
type Config struct {
	// IdleTimeout signs a session off after this long without a request
	// (SPEC A2: 20 minutes; tests shorten it).
	IdleTimeout time.Duration
	// SecureCookies sets the Secure flag; on behind TLS.
	SecureCookies bool
	// WebDir holds the static files served under /web/ (styles, app.wasm).
	WebDir string
	// Location is Europe/Copenhagen: "today" is a Danish calendar date.
	Location *time.Location
	// Now is the clock; tests may replace it.
	Now func() time.Time
}

// Server serves the portal.
type Server struct {
	db      *bun.DB
	log     *slog.Logger
	cfg     Config
	limiter *loginLimiter
	handler http.Handler
}

// New builds the server and its route table.
func New(db *bun.DB, log *slog.Logger, cfg Config) (*Server, error) {
	if cfg.IdleTimeout <= 0 {
		cfg.IdleTimeout = 20 * time.Minute
	}
	if cfg.WebDir == "" {
		cfg.WebDir = "web"
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
	s := &Server{db: db, log: log, cfg: cfg, limiter: newLoginLimiter(10, 15*time.Minute)}
	pages, err := site.New(cfg.WebDir, log)
	if err != nil {
		return nil, err
	}
	mux := http.NewServeMux()
	for _, rt := range routes() {
		mux.Handle(rt.pattern, s.endpoint(rt))
	}
	mux.Handle("/api/", s.endpoint(route{access: public, handler: handleAPINotFound}))
	mux.Handle("/", pages)
	// Cross-origin protection for every state-changing request: browsers
	// send Sec-Fetch-Site/Origin, which must name this origin. Case systems
	// calling the ingestion API send neither and pass.
	cop := http.NewCrossOriginProtection()
	cop.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusForbidden, shared.Errorf(shared.EForbidden, "Forespørgslen kom fra et andet websted og blev afvist."))
	}))
	s.handler = s.logRequests(securityHeaders(cop.Handler(mux)))
	return s, nil
}

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.handler.ServeHTTP(w, r) }

func (s *Server) now() time.Time { return s.cfg.Now().In(s.cfg.Location) }

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

// Ping reports whether the database answers; /healthz uses it.
func (s *Server) Ping(ctx context.Context) error { return s.db.PingContext(ctx) }
