package server

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/uptrace/bun"

	"jobnet/shared"
)

// maxBodyBytes bounds every API request body; a case system's plan with
// hundreds of items may be larger (maxIngestBytes).
const (
	maxBodyBytes   = 64 << 10
	maxIngestBytes = 4 << 20
)

// request is what a handler gets: the resolved actor and the database handle
// to use — a read-only transaction in a mirror session.
type request struct {
	s       *Server
	r       *http.Request
	db      bun.IDB
	actor   shared.Actor
	session *sessionInfo         // nil without a session
	org     *shared.Organisation // the sending organisation, for ingest routes
	now     time.Time
}

type handlerFunc func(w http.ResponseWriter, req *request) error

// citizen is the citizen whose Jobnet the request shows, with their forløb:
// for a mirror session the one loaded for the access check, else from the
// database.
func (req *request) citizen() (shared.Citizen, error) {
	if req.session != nil && req.session.mirrored != nil {
		return *req.session.mirrored, nil
	}
	return citizenByID(req.r.Context(), req.db, req.actor.CitizenID)
}

func isSafeMethod(m string) bool { return m == http.MethodGet || m == http.MethodHead }

// endpoint wraps a route with the one authorization point: it resolves the
// actor, refuses what the route's access does not allow, refuses every write
// from a caseworker's mirror session, and runs mirror requests in a
// read-only transaction so PostgreSQL refuses a write that slipped through.
func (s *Server) endpoint(rt route) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		limit := int64(maxBodyBytes)
		if rt.access == ingest {
			limit = maxIngestBytes
		}
		r.Body = http.MaxBytesReader(w, r.Body, limit)
		req := &request{s: s, r: r, db: s.db, now: s.now()}
		if err := s.authorize(rt, req); err != nil {
			s.writeError(w, r, err)
			return
		}
		var err error
		if req.actor.Mirroring() {
			err = s.db.RunInTx(r.Context(), &sql.TxOptions{ReadOnly: true}, func(ctx context.Context, tx bun.Tx) error {
				req.db = tx
				req.r = r.WithContext(ctx)
				return rt.handler(w, req)
			})
		} else {
			err = rt.handler(w, req)
		}
		if err != nil {
			s.writeError(w, r, err)
		}
	})
}

func (s *Server) authorize(rt route, req *request) error {
	if rt.access == ingest {
		org, err := s.ingestOrganisation(req.r)
		if err != nil {
			return err
		}
		req.org = org
		return nil
	}
	sess, err := s.resolveSession(req.r.Context(), req.r, req.now)
	if err != nil {
		return err
	}
	if sess != nil {
		req.session = sess
		req.actor = sess.actor
	}
	// K2: a mirror session changes nothing but its own state.
	if req.actor.Mirroring() && !isSafeMethod(req.r.Method) && !rt.sessionControl {
		return shared.Errorf(shared.EForbidden, "%s", shared.MsgReadOnly)
	}
	switch rt.access {
	case public:
		return nil
	case anySession:
		if sess == nil {
			return errNoSession(req.r)
		}
	case caseworkerOnly:
		if sess == nil {
			return errNoSession(req.r)
		}
		if !req.actor.Role.IsCaseworker() {
			return shared.Errorf(shared.EForbidden, "%s", shared.MsgDenyNotCaseworker)
		}
	case citizenScoped:
		if sess == nil {
			return errNoSession(req.r)
		}
		if req.actor.CitizenID == 0 {
			return shared.Errorf(shared.EForbidden, "Vælg først den borger, hvis Jobnet du vil se.")
		}
		if !isSafeMethod(req.r.Method) && !req.actor.MayWrite() {
			return shared.Errorf(shared.EForbidden, "%s", shared.MsgReadOnly)
		}
	}
	return nil
}

func errNoSession(r *http.Request) error {
	if _, err := r.Cookie(sessionCookie); err == nil {
		return shared.Errorf(shared.EUnauthorized, "Du er blevet logget ud. Log ind igen.")
	}
	return shared.NewError(shared.EUnauthorized)
}

// statusOf maps each error code to one HTTP status.
var statusOf = map[shared.ErrorCode]int{
	shared.EInvalid:         http.StatusBadRequest,
	shared.ENotFound:        http.StatusNotFound,
	shared.EForbidden:       http.StatusForbidden,
	shared.EConflict:        http.StatusConflict,
	shared.EUnauthorized:    http.StatusUnauthorized,
	shared.ETooManyRequests: http.StatusTooManyRequests,
	shared.EInternal:        http.StatusInternalServerError,
}

// writeError answers with the structured error. An error that is not a
// *shared.Error is logged and described only generically.
func (s *Server) writeError(w http.ResponseWriter, r *http.Request, err error) {
	var maxErr *http.MaxBytesError
	if errors.As(err, &maxErr) {
		err = shared.Errorf(shared.EInvalid, "Forespørgslen er for stor.")
	}
	code := shared.ErrorCodeOf(err)
	var e *shared.Error
	if !errors.As(err, &e) {
		s.log.Error("internal error", "method", r.Method, "path", r.URL.Path, "err", err)
		e = shared.NewError(shared.EInternal)
	}
	writeJSON(w, statusOf[code], e)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

// decode reads a JSON body into v and validates it with the shared validators.
func decode(r *http.Request, v any) error {
	if ct := r.Header.Get("Content-Type"); ct != "" && !strings.HasPrefix(ct, "application/json") {
		return shared.Errorf(shared.EInvalid, "Forespørgslen skal være JSON.")
	}
	dec := json.NewDecoder(r.Body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		var maxErr *http.MaxBytesError
		if errors.As(err, &maxErr) {
			return err
		}
		return shared.Errorf(shared.EInvalid, "Forespørgslen kunne ikke læses.")
	}
	if _, err := dec.Token(); err != io.EOF {
		return shared.Errorf(shared.EInvalid, "Forespørgslen kunne ikke læses.")
	}
	return shared.Validate(v)
}

// handleAPINotFound answers unknown /api/ paths with a structured 404.
func handleAPINotFound(w http.ResponseWriter, req *request) error {
	return shared.Errorf(shared.ENotFound, "Ukendt adresse i API'et.")
}

// handleHealthz: GET /healthz
func handleHealthz(w http.ResponseWriter, req *request) error {
	ctx, cancel := context.WithTimeout(req.r.Context(), 2*time.Second)
	defer cancel()
	if err := req.s.Ping(ctx); err != nil {
		writeJSON(w, http.StatusServiceUnavailable, map[string]string{"status": "database unavailable"})
		return nil
	}
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
	return nil
}
