package server

import (
	"context"
	"errors"
	"net"
	"net/http"
	"strings"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/uptrace/bun"

	"jobnet/shared"
)

var errBadLogin = shared.Errorf(shared.EUnauthorized, "Brugernavn eller adgangskode er forkert.")

// handleSession: GET /api/session — the signed-in actor, or 401.
func handleSession(w http.ResponseWriter, req *request) error {
	if req.session == nil {
		return errNoSession(req.r)
	}
	writeJSON(w, http.StatusOK, req.s.sessionView(req.session))
	return nil
}

// handleSessionExpire: POST /api/session/expire — the app's countdown ran
// out: end the session as an automatic sign-off, so the next login returns
// to the page the citizen was on.
func handleSessionExpire(w http.ResponseWriter, req *request) error {
	if err := recordEvent(req.r.Context(), req.s.db, req.session, eventExpired, ""); err != nil {
		return err
	}
	if err := req.s.endSession(req.r.Context(), w, req.session, "expired", req.now); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

// handleLogout: POST /api/logout — "Log ud": the next login starts on the front page.
func handleLogout(w http.ResponseWriter, req *request) error {
	if err := recordEvent(req.r.Context(), req.s.db, req.session, eventLogout, ""); err != nil {
		return err
	}
	if err := req.s.endSession(req.r.Context(), w, req.session, "logout", req.now); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

func clientIP(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// checkCredentials runs the rate limit and the password check shared by the
// citizen's and the caseworker's login; found is false for unknown users.
func (s *Server) checkCredentials(req *request, kind string, in shared.LoginRequest, hash string, found bool) error {
	keys := []string{kind + "|ip|" + clientIP(req.r), kind + "|user|" + strings.ToLower(in.Username)}
	if !s.limiter.allowed(req.now, keys...) {
		return shared.Errorf(shared.ETooManyRequests, "For mange forkerte forsøg. Vent 15 minutter, og prøv igen.")
	}
	if !found {
		hash = dummyHash()
	}
	if !checkPassword(hash, in.Password) || !found {
		s.limiter.fail(req.now, keys...)
		return errBadLogin
	}
	s.limiter.reset(keys[1])
	return nil
}

// handleLogin: POST /api/login — a citizen's username and password login (SPEC A1).
func handleLogin(w http.ResponseWriter, req *request) error {
	var in shared.LoginRequest
	if err := decode(req.r, &in); err != nil {
		return err
	}
	ctx := req.r.Context()
	var acc accountRow
	err := req.db.NewSelect().Model(&acc).Where("lower(username) = lower(?)", in.Username).Scan(ctx)
	found := err == nil
	if err != nil && !isNoRows(err) {
		return err
	}
	if err := req.s.checkCredentials(req, "citizen", in, acc.PasswordHash, found); err != nil {
		return err
	}
	return req.s.loginCitizen(ctx, w, req, acc)
}

// loginCitizen is the login seam: every way of proving a citizen's identity
// ends here once the account is known — the password check today, and an
// OIDC callback (MitID) later, which maps the verified CPR number to the
// account and calls this. It starts the session, records the login for
// Historik and answers with the session, including where to return after an
// automatic sign-off.
func (s *Server) loginCitizen(ctx context.Context, w http.ResponseWriter, req *request, acc accountRow) error {
	returnTo, err := s.returnPath(ctx, s.db, acc.ID, req.now)
	if err != nil {
		return err
	}
	if req.session != nil {
		_ = s.endSession(ctx, w, req.session, "logout", req.now)
	}
	var name string
	err = s.db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		if err := tx.NewSelect().Table("citizens").Column("name").Where("id = ?", acc.CitizenID).Scan(ctx, &name); err != nil {
			return err
		}
		return recordLogin(ctx, tx, acc.CitizenID, nil, name, nil)
	})
	if err != nil {
		return err
	}
	row := sessionRow{AccountID: &acc.ID}
	if err := s.startSession(ctx, w, &row, req.now); err != nil {
		return err
	}
	actor := shared.Actor{Role: shared.RoleCitizen, Name: name, CitizenID: acc.CitizenID, CitizenName: name}
	if err := recordEvent(ctx, s.db, &sessionInfo{tokenHash: row.TokenHash, actor: actor}, eventLogin, ""); err != nil {
		return err
	}
	view := shared.Session{
		Actor:       actor,
		IdleSeconds: int(s.cfg.IdleTimeout / time.Second), ExpiresInSeconds: int(s.cfg.IdleTimeout / time.Second),
		ReturnTo: returnTo,
	}
	writeJSON(w, http.StatusOK, view)
	return nil
}

// handleRegister: POST /api/register — create a citizen's account, accepting
// "Politik om persondata" (SPEC A1). A CPR number already known to Jobnet
// (enrolled by a jobcenter) gets the account; one that has an account is refused.
func handleRegister(w http.ResponseWriter, req *request) error {
	var in shared.RegisterRequest
	if err := decode(req.r, &in); err != nil {
		return err
	}
	cpr, _ := shared.ParseCPR(in.CPR) // valid: checked by decode
	hash, err := hashPassword(in.Password)
	if err != nil {
		return err
	}
	ctx := req.r.Context()
	var acc accountRow
	err = req.db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		var citizenID int64
		err := tx.NewSelect().Table("citizens").Column("id").Where("cpr = ?", string(cpr)).For("UPDATE").Scan(ctx, &citizenID)
		switch {
		case isNoRows(err):
			c := citizenRow{CPR: string(cpr), Name: in.Name, Enrolment: string(shared.EnrolmentAfmeldt)}
			if _, err := tx.NewInsert().Model(&c).ExcludeColumn("id", "updated_at", "eures_visible").Returning("id").Exec(ctx); err != nil {
				return err
			}
			citizenID = c.ID
		case err != nil:
			return err
		}
		n, err := tx.NewSelect().Table("citizen_accounts").Where("citizen_id = ?", citizenID).Count(ctx)
		if err != nil {
			return err
		}
		if n > 0 {
			return &shared.Error{Code: shared.EConflict, Message: "Der findes allerede en bruger med dette CPR-nummer.",
				Fields: []shared.FieldError{{Field: "cpr", Message: "Der findes allerede en bruger med dette CPR-nummer."}}}
		}
		acc = accountRow{CitizenID: citizenID, Username: in.Username, PasswordHash: hash, PrivacyAcceptedAt: req.now}
		_, err = tx.NewInsert().Model(&acc).ExcludeColumn("id").Returning("id").Exec(ctx)
		if isUniqueViolation(err) {
			return &shared.Error{Code: shared.EConflict, Message: "Brugernavnet er optaget.",
				Fields: []shared.FieldError{{Field: "username", Message: "Brugernavnet er optaget. Vælg et andet."}}}
		}
		return err
	})
	if err != nil {
		return err
	}
	return req.s.loginCitizen(ctx, w, req, acc)
}

// handleCaseworkerLogin: POST /api/caseworker/login — /sagsbehandleradgang (SPEC K1).
func handleCaseworkerLogin(w http.ResponseWriter, req *request) error {
	var in shared.LoginRequest
	if err := decode(req.r, &in); err != nil {
		return err
	}
	ctx := req.r.Context()
	var cw caseworkerRow
	err := req.s.db.NewSelect().Model(&cw).Where("lower(username) = lower(?)", in.Username).Scan(ctx)
	found := err == nil
	if err != nil && !isNoRows(err) {
		return err
	}
	if err := req.s.checkCredentials(req, "caseworker", in, cw.PasswordHash, found); err != nil {
		return err
	}
	if req.session != nil {
		_ = req.s.endSession(ctx, w, req.session, "logout", req.now)
	}
	if err := req.s.startSession(ctx, w, &sessionRow{CaseworkerID: &cw.ID}, req.now); err != nil {
		return err
	}
	_, org, err := caseworkerByID(ctx, req.s.db, cw.ID)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, shared.Session{
		Actor:       shared.Actor{Role: shared.Role(cw.Role), Name: cw.Name, Organisation: org},
		IdleSeconds: int(req.s.cfg.IdleTimeout / time.Second), ExpiresInSeconds: int(req.s.cfg.IdleTimeout / time.Second),
	})
	return nil
}

// handleMirrorStart: POST /api/mirror — "Se Jobnet som borgeren ser det":
// check the access rules for the CPR number, record the access in the
// citizen's login history and show that citizen's Jobnet (SPEC K1, K3).
func handleMirrorStart(w http.ResponseWriter, req *request) error {
	var in shared.MirrorRequest
	if err := decode(req.r, &in); err != nil {
		return err
	}
	cpr, _ := shared.ParseCPR(in.CPR)
	ctx := req.r.Context()
	c, err := citizenByCPR(ctx, req.s.db, cpr)
	if shared.ErrorCodeOf(err) == shared.ENotFound {
		return &shared.Error{Code: shared.ENotFound, Message: "Der findes ingen borger i Jobnet med dette CPR-nummer.",
			Fields: []shared.FieldError{{Field: "cpr", Message: "Der findes ingen borger i Jobnet med dette CPR-nummer."}}}
	}
	if err != nil {
		return err
	}
	actor := req.actor
	if err := shared.CheckMirrorAccess(actor, c, shared.DateOf(req.now)); err != nil {
		// The reason belongs at the CPR field of the form too.
		msg := shared.ErrorMessageOf(err)
		return &shared.Error{Code: shared.EForbidden, Message: msg, Fields: []shared.FieldError{{Field: "cpr", Message: msg}}}
	}
	orgName := actor.Organisation.Name
	cwID := req.session.caseworkerID
	err = req.s.db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		if _, err := tx.NewUpdate().Model((*sessionRow)(nil)).Set("mirror_citizen_id = ?", c.ID).
			Where("token_hash = ?", req.session.tokenHash).Exec(ctx); err != nil {
			return err
		}
		return recordLogin(ctx, tx, c.ID, &cwID, actor.Name, &orgName)
	})
	if err != nil {
		return err
	}
	req.session.actor.CitizenID, req.session.actor.CitizenName = c.ID, c.Name
	writeJSON(w, http.StatusOK, req.s.sessionView(req.session))
	return nil
}

// handleMirrorStop: DELETE /api/mirror — "Skift til anden borger".
func handleMirrorStop(w http.ResponseWriter, req *request) error {
	if _, err := req.s.db.NewUpdate().Model((*sessionRow)(nil)).Set("mirror_citizen_id = NULL").
		Where("token_hash = ?", req.session.tokenHash).Exec(req.r.Context()); err != nil {
		return err
	}
	req.session.actor.CitizenID, req.session.actor.CitizenName = 0, ""
	writeJSON(w, http.StatusOK, req.s.sessionView(req.session))
	return nil
}

func isUniqueViolation(err error) bool {
	var pgErr *pgconn.PgError
	return errors.As(err, &pgErr) && pgErr.Code == "23505"
}
